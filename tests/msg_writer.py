"""Write Outlook messages (.msg, [MS-OXMSG]) for the tests of ``briefing.outlook``: string and
binary properties as streams of their own, fixed-size ones in the properties stream, each
attachment a storage, an attached message a storage inside it."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import datetime, timezone

from tests.cfb_writer import Tree, compound_file

UNICODE, STRING8, BINARY = 0x001F, 0x001E, 0x0102
LONG, BOOLEAN, SYSTIME = 0x0003, 0x000B, 0x0040
EPOCH = datetime(1601, 1, 1, tzinfo=timezone.utc)


@dataclass
class Attached:
    """A file attached (``data``) or a message attached (``message``)."""

    name: str | None = None
    data: bytes = b""
    mime: str | None = None
    content_id: str | None = None
    hidden: bool = False
    message: Message | None = None
    method: int | None = None  # set: 2-4, a link to ``data``'s path; 6, an OLE object


@dataclass
class Message:
    subject: str | None = None
    body: str | None = None
    html: bytes | None = None
    rtf: bytes | None = None  # the compressed RTF body's stream, as stored
    sender_name: str | None = None
    sender_address: str | None = None  # PR_SENDER_EMAIL_ADDRESS: SMTP or an Exchange DN
    sender_smtp: str | None = None
    sent: datetime | None = None
    headers: str | None = None  # the transport headers, as received
    message_class: str = "IPM.Note"
    codepage: int | None = None  # set: strings in that code page (8-bit), not UTF-16
    attachments: list[Attached] = field(default_factory=list)


def outlook_message(message: Message) -> bytes:
    tree = _message_tree(message, header=32)
    # The named-property map every message carries (here naming none).
    tree["__nameid_version1.0"] = {f"__substg1.0_000{n}0102": b"" for n in (2, 3, 4)}
    return compound_file(tree)


def _message_tree(message: Message, header: int) -> dict[str, bytes | Tree]:
    tree: dict[str, bytes | Tree] = {}
    fixed: list[tuple[int, int, bytes]] = (
        [(0x3FFD, LONG, _long(message.codepage))] if (message.codepage) else []
    )

    def text(prop: int, value: str | None) -> None:
        if value is None:
            return
        if message.codepage:
            codec = "utf-8" if message.codepage == 65001 else f"cp{message.codepage}"
            tree[f"__substg1.0_{prop:04X}{STRING8:04X}"] = value.encode(codec) + b"\0"
        else:
            tree[f"__substg1.0_{prop:04X}{UNICODE:04X}"] = value.encode("utf-16-le")

    text(0x001A, message.message_class)
    text(0x0037, message.subject)
    text(0x1000, message.body)
    text(0x0C1A, message.sender_name)
    text(0x0C1F, message.sender_address)
    text(0x5D01, message.sender_smtp)
    text(0x007D, message.headers)
    if message.html is not None:
        tree[f"__substg1.0_1013{BINARY:04X}"] = message.html
    if message.rtf is not None:
        tree[f"__substg1.0_1009{BINARY:04X}"] = message.rtf
    if message.sent is not None:
        ticks = int((message.sent - EPOCH).total_seconds() * 10_000_000)
        fixed.append((0x0039, SYSTIME, struct.pack("<Q", ticks)))
    for number, attached in enumerate(message.attachments):
        tree[f"__attach_version1.0_#{number:08X}"] = _attachment_tree(attached)
    head = bytes(8) + struct.pack("<4I", 0, len(message.attachments), 0, len(message.attachments))
    tree["__properties_version1.0"] = (head + bytes(8))[:header] + _fixed(fixed)
    return tree


def _attachment_tree(attached: Attached) -> dict[str, bytes | Tree]:
    tree: dict[str, bytes | Tree] = {}
    method = attached.method or (5 if attached.message else 1)
    fixed = [(0x3705, LONG, _long(method))]
    if attached.hidden:
        fixed.append((0x7FFE, BOOLEAN, b"\x01"))
    for prop, value in ((0x3707, attached.name), (0x370E, attached.mime)):
        if value is not None:
            tree[f"__substg1.0_{prop:04X}{UNICODE:04X}"] = value.encode("utf-16-le")
    if attached.content_id is not None:
        tree[f"__substg1.0_3712{UNICODE:04X}"] = attached.content_id.encode("utf-16-le")
    if attached.message is not None:
        tree["__substg1.0_3701000D"] = _message_tree(attached.message, header=24)
    elif method in (2, 3, 4):
        tree[f"__substg1.0_370D{UNICODE:04X}"] = attached.data.decode().encode("utf-16-le")
    elif method == 6:
        tree["__substg1.0_3701000D"] = {"CONTENTS": attached.data, "\x01Ole": bytes(20)}
    else:
        tree[f"__substg1.0_3701{BINARY:04X}"] = attached.data
    tree["__properties_version1.0"] = bytes(8) + _fixed(fixed)
    return tree


def _long(value: int | None) -> bytes:
    return struct.pack("<I", value or 0)


def _fixed(properties: list[tuple[int, int, bytes]]) -> bytes:
    return b"".join(
        struct.pack("<II", (prop << 16) | kind, 0x6) + value.ljust(8, b"\0")
        for prop, kind, value in properties
    )


def uncompressed_rtf(rtf: bytes) -> bytes:
    """An RTF body stored without compression ("MELA"), as [MS-OXRTFCP] allows."""
    return struct.pack("<4I", len(rtf) + 12, len(rtf), 0x414C454D, 0) + rtf
