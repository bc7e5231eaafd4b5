"""Write TNEF streams (winmail.dat, [MS-OXTNEF]) for the tests: attachments by title and
data (and their long file names among MAPI properties), and a message body as compressed RTF
(stored uncompressed, as the format allows) or plain text."""

from __future__ import annotations

import struct
from collections.abc import Sequence

SIGNATURE = b"\x78\x9f\x3e\x22"
_UNICODE, _BINARY, _OBJECT = 0x001F, 0x0102, 0x000D


def _attribute(level: int, attribute: int, value: bytes) -> bytes:
    checksum = sum(value) & 0xFFFF
    return struct.pack("<BII", level, attribute, len(value)) + value + struct.pack("<H", checksum)


def _padded(raw: bytes) -> bytes:
    return raw + bytes(-len(raw) % 4)


def _properties(props: Sequence[tuple[int, int, bytes]]) -> bytes:
    """A MAPI property list of (type, id, value) where every value is counted (strings,
    binaries), one value each."""
    out = struct.pack("<I", len(props))
    for kind, prop, value in props:
        out += struct.pack("<HHII", kind, prop, 1, len(value)) + _padded(value)
    return out


def tnef_bytes(
    attachments: Sequence[tuple[str, bytes]] = (),
    *,
    rtf: bytes | None = None,
    plain: str | None = None,
    html: bytes | None = None,
    long_names: bool = True,
    as_objects: bool = False,
) -> bytes:
    """A TNEF stream with ``attachments`` (file name, bytes) and a body: ``rtf`` (stored as
    compressed RTF's "MELA" form), ``plain`` and ``html`` among the message's MAPI
    properties. ``as_objects`` stores each attachment's bytes as a MAPI object property (an
    interface id, then the bytes) instead of the attachment's data attribute."""
    out = SIGNATURE + struct.pack("<H", 1)
    out += _attribute(1, 0x00089006, struct.pack("<I", 0x00010000))  # the TNEF version
    out += _attribute(1, 0x00069007, struct.pack("<II", 1252, 0))  # the OEM code page
    props: list[tuple[int, int, bytes]] = []
    if rtf is not None:
        stored = struct.pack("<4I", len(rtf) + 12, len(rtf), 0x414C454D, 0) + rtf
        props.append((_BINARY, 0x1009, stored))
    if plain is not None:
        props.append((_UNICODE, 0x1000, (plain + "\0").encode("utf-16-le")))
    if html is not None:
        props.append((_BINARY, 0x1013, html))
    if props:
        out += _attribute(1, 0x00069003, _properties(props))
    for name, data in attachments:
        out += _attribute(2, 0x00069002, struct.pack("<HIIi", 1, 0xFFFFFFFF, 0, -1))
        short = name if not long_names else name[:8]
        out += _attribute(2, 0x00018010, short.encode("cp1252") + b"\0")
        if not as_objects:
            out += _attribute(2, 0x0006800F, data)
        props = [(_UNICODE, 0x3707, (name + "\0").encode("utf-16-le"))] if long_names else []
        if as_objects:
            props.append((_OBJECT, 0x3701, bytes(range(16)) + data))
        if props:
            out += _attribute(2, 0x00069005, _properties(props))
    return out
