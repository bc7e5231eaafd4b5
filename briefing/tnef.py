"""Read a TNEF attachment (``winmail.dat``, ``application/ms-tnef``): the files and the body
Outlook put inside it.

Outlook sends a message written in its rich-text format to a mail program that is not
Outlook as a plain body and one attachment, ``winmail.dat``, which holds the message's real
attachments and its RTF body. Another program shows a file no one can open: the statement
attached to the press office's message is inside it. TNEF ([MS-OXTNEF]) is a signature, then
attributes, each a level (the message, or an attachment), an id, a length, the data and a
checksum. An attachment begins at its rendering attribute; its name is its title (8-bit) or,
better, the long file name among its MAPI properties; its bytes are its data attribute or
that property. The message's MAPI properties hold its bodies: the compressed RTF, the HTML,
the plain text.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from briefing.cfb import windows_codec

__all__ = ["SIGNATURE", "Tnef", "TnefError", "is_tnef", "read_tnef"]

SIGNATURE = b"\x78\x9f\x3e\x22"
_MESSAGE, _ATTACHMENT = 1, 2
_ATTACH_RENDER, _ATTACH_TITLE, _ATTACH_DATA, _ATTACH_PROPS = (
    0x00069002,
    0x00018010,
    0x0006800F,
    0x00069005,
)
_MESSAGE_PROPS, _OEM_CODEPAGE, _BODY_8BIT = 0x00069003, 0x00069007, 0x0002800C
# MAPI properties read: the bodies, and an attachment's names and bytes.
_PR_BODY, _PR_RTF_COMPRESSED, _PR_HTML = 0x1000, 0x1009, 0x1013
_PR_ATTACH_DATA, _PR_ATTACH_FILENAME, _PR_ATTACH_LONG_FILENAME = 0x3701, 0x3704, 0x3707
_PR_DISPLAY_NAME = 0x3001
# MAPI property types: their fixed sizes, and those that hold counted values.
_FIXED = {0x0002: 2, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000A: 4,
          0x000B: 2, 0x0014: 8, 0x0040: 8, 0x0048: 16}  # fmt: skip
_STRING8, _UNICODE, _BINARY, _OBJECT = 0x001E, 0x001F, 0x0102, 0x000D
_MULTIPLE = 0x1000
_VALUES_MAX = 100_000  # a count past this is damage


class TnefError(ValueError):
    """The TNEF stream is damaged."""


@dataclass
class Tnef:
    """What a TNEF stream holds: its attachments as (file name, bytes), and the message's
    bodies (the compressed RTF, the HTML bytes, the plain text), where given."""

    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    rtf_compressed: bytes | None = None
    html: bytes | None = None
    plain: str | None = None


@dataclass
class _Attachment:
    title: str = ""
    data: bytes | None = None
    props: dict[int, object] = field(default_factory=dict)


def is_tnef(data: bytes) -> bool:
    return data.startswith(SIGNATURE)


def read_tnef(data: bytes) -> Tnef:
    """The attachments and bodies of a TNEF stream; ``TnefError`` when it is damaged."""
    if not is_tnef(data) or len(data) < 6:
        raise TnefError("not a TNEF stream")
    found = Tnef()
    codec = "cp1252"
    current: _Attachment | None = None  # the attachment being read
    attachments: list[_Attachment] = []
    at = 6
    try:
        while at + 9 <= len(data):
            level, attribute, length = struct.unpack_from("<BII", data, at)
            value = data[at + 9 : at + 9 + length]
            if len(value) < length:
                raise TnefError("an attribute cut short")
            at += 9 + length + 2  # and its checksum
            if level == _MESSAGE:
                if attribute == _OEM_CODEPAGE and length >= 4:
                    codec = windows_codec(struct.unpack_from("<I", value)[0])
                elif attribute == _BODY_8BIT:
                    found.plain = value.rstrip(b"\x00").decode(codec, "replace")
                elif attribute == _MESSAGE_PROPS:
                    props = _properties(value, codec)
                    found.rtf_compressed = _binary(props.get(_PR_RTF_COMPRESSED))
                    found.html = _binary(props.get(_PR_HTML)) or found.html
                    text = props.get(_PR_BODY)
                    found.plain = text if isinstance(text, str) else found.plain
            elif level == _ATTACHMENT:
                if attribute == _ATTACH_RENDER or current is None:
                    current = _Attachment()
                    attachments.append(current)
                if attribute == _ATTACH_TITLE:
                    current.title = value.rstrip(b"\x00").decode(codec, "replace")
                elif attribute == _ATTACH_DATA:
                    current.data = value
                elif attribute == _ATTACH_PROPS:
                    current.props = _properties(value, codec)
    except (struct.error, IndexError) as exc:
        raise TnefError("damaged") from exc
    for number, attachment in enumerate(attachments, start=1):
        props = attachment.props
        content = attachment.data or _binary(props.get(_PR_ATTACH_DATA))
        if not content:
            continue  # an embedded message or an OLE object: no file's bytes
        name = next(
            (
                value
                for value in (
                    props.get(_PR_ATTACH_LONG_FILENAME),
                    props.get(_PR_ATTACH_FILENAME),
                    attachment.title,
                    props.get(_PR_DISPLAY_NAME),
                )
                if isinstance(value, str) and value.strip()
            ),
            f"attachment {number}",
        )
        found.attachments.append((name, content))
    return found


def _binary(value: object) -> bytes | None:
    return value if isinstance(value, bytes) and value else None


def _properties(data: bytes, codec: str) -> dict[int, object]:
    """A MAPI property list: each property's id to its first value (a string, bytes, or
    None for the fixed-size ones, which are not read)."""
    (count,) = struct.unpack_from("<I", data, 0)
    if count > _VALUES_MAX:
        raise TnefError("too many properties")
    at = 4
    found: dict[int, object] = {}
    for _ in range(count):
        kind, prop = struct.unpack_from("<HH", data, at)
        at += 4
        if prop >= 0x8000:  # a named property: its GUID, then an id or a name
            (named,) = struct.unpack_from("<I", data, at + 16)
            at += 20
            if named:
                (size,) = struct.unpack_from("<I", data, at)
                at += 4 + _padded(size)
            else:
                at += 4
        values = 1
        base = kind & ~_MULTIPLE
        if kind & _MULTIPLE or base in (_STRING8, _UNICODE, _BINARY, _OBJECT):
            (values,) = struct.unpack_from("<I", data, at)
            at += 4
            if values > _VALUES_MAX:
                raise TnefError("too many values")
        first: object = None
        for index in range(values):
            if base in (_STRING8, _UNICODE, _BINARY, _OBJECT):
                (size,) = struct.unpack_from("<I", data, at)
                raw = data[at + 4 : at + 4 + size]
                if len(raw) < size:
                    raise TnefError("a property cut short")
                at += 4 + _padded(size)
                if index == 0:
                    if base == _STRING8:
                        first = raw.rstrip(b"\x00").decode(codec, "replace")
                    elif base == _UNICODE:
                        first = raw.decode("utf-16-le", "replace").rstrip("\x00")
                    else:  # an object's bytes follow the id of its interface
                        first = raw[16:] if base == _OBJECT else raw
            elif base in _FIXED:
                at += _padded(_FIXED[base])
            else:
                raise TnefError(f"a property of unknown type {base:#x}")
        found.setdefault(prop, first)
    return found


def _padded(size: int) -> int:
    return (size + 3) & ~3
