"""Read an Outlook message (.msg): what dragging a message out of Outlook saves ([MS-OXMSG]).

A .msg is a compound file (``briefing.cfb``) of MAPI properties: each string or binary
property a stream of its own (``__substg1.0_0037001F`` is the subject, property 0x0037, in
UTF-16), the fixed-size ones (dates, flags) together in ``__properties_version1.0``, each
attachment a storage of its own, and an attached message a storage inside that. This module
turns one into the ``MailText`` an .eml gives (``briefing.mail``), so the sources are made
the same way: forwards unwrapped, signatures and covering notes set aside, attachments read.

The body is the plain text Outlook stores beside its formatted copy; failing that the HTML
body, failing that the compressed RTF body (decompressed here, read by ``briefing.rtf``). The
sender is the display name (an Exchange address, "/O=EXCHANGE/...", is no outlet), the date
the day the sender's own headers give, else the day it was sent (UTC). Pictures inside the
body are not attachments; an attached message is read as one; a clear-signed message is read
from the signed part Outlook keeps as its attachment, one signed opaquely from inside the
signature's envelope (``briefing.cms``); an encrypted one is refused.
"""

from __future__ import annotations

import re
import struct
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from briefing.cfb import CompoundFile, CompoundFileError, is_compound_file, windows_codec
from briefing.cms import SignatureError, signed_content
from briefing.errors import SourceError
from briefing.mail import (
    Attachment,
    MailText,
    clean_subject,
    file_name,
    is_forward_subject,
    is_reply_subject,
    iso_date,
    read_mime_entity,
    sender_name,
)
from briefing.rtf import decompress_rtf, read_rtf

__all__ = ["decompress_rtf", "read_msg"]

_KIND = "Outlook message"
# Property ids.
_SUBJECT, _MESSAGE_CLASS, _TRANSPORT_HEADERS = 0x0037, 0x001A, 0x007D
_SENT_REPRESENTING_NAME, _SENDER_NAME = 0x0042, 0x0C1A
_SENDER_ADDRESS, _SENDER_SMTP, _REPRESENTING_SMTP = 0x0C1F, 0x5D01, 0x5D02
_SUBMIT_TIME, _DELIVERY_TIME = 0x0039, 0x0E06
_BODY, _RTF_COMPRESSED, _HTML = 0x1000, 0x1009, 0x1013
_MESSAGE_CODEPAGE, _INTERNET_CODEPAGE = 0x3FFD, 0x3FDE
_ATTACH_DATA, _ATTACH_FILENAME, _ATTACH_LONG_FILENAME = 0x3701, 0x3704, 0x3707
_ATTACH_METHOD, _ATTACH_MIME, _ATTACH_CONTENT_ID = 0x3705, 0x370E, 0x3712
_DISPLAY_NAME, _ATTACHMENT_HIDDEN = 0x3001, 0x7FFE
# Property types.
_UNICODE, _STRING8, _BINARY, _OBJECT = 0x001F, 0x001E, 0x0102, 0x000D
_LONG, _BOOLEAN, _SYSTIME = 0x0003, 0x000B, 0x0040
# Attach methods: a link to a file elsewhere (three kinds), an attached message, an object
# embedded by OLE.
_BY_REFERENCE, _EMBEDDED_MESSAGE, _OLE_OBJECT = frozenset({2, 3, 4}), 5, 6
_NOT_HELD = {
    **dict.fromkeys(
        _BY_REFERENCE, "attached as a link to a file elsewhere; give that file as a source"
    ),
    _OLE_OBJECT: "an object embedded in the message; save it from Outlook as a file",
}
# Message classes: a clear-signed message, an encrypted or opaquely signed one.
_SIGNED, _ENCRYPTED = "IPM.NOTE.SMIME.MULTIPARTSIGNED", "IPM.NOTE.SMIME"
# The fixed-size properties follow a header of this size: a message's, an attached message's,
# an attachment's.
_HEADER_TOP, _HEADER_EMBEDDED, _HEADER_ATTACHMENT = 32, 24, 8
_ATTACHMENT_STORAGE = re.compile(r"__attach_version1\.0_#[0-9A-Fa-f]{8}")
_EPOCH = datetime(1601, 1, 1, tzinfo=timezone.utc)
_HEADER_LINE = re.compile(r"^(date|from):[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def read_msg(data: bytes, shown: str) -> MailText:
    """Read an Outlook message; ``SourceError`` naming ``shown`` when it cannot be read."""
    if not is_compound_file(data):
        raise SourceError(f"cannot read {_KIND}: {shown} (not an Outlook .msg file)")
    try:
        compound = CompoundFile(data)
        if not any(name.lower().startswith("__substg1.0_") for name in compound.children()):
            raise SourceError(f"cannot read {_KIND}: {shown} (not an Outlook .msg file)")
        message = _Properties(compound, "", _HEADER_TOP)
        kind = (message.text(_MESSAGE_CLASS) or "").upper()
        mail = _mail(compound, message, "")
        if kind.startswith(_SIGNED):
            return _signed(mail, shown)
        if kind.startswith(_ENCRYPTED):
            return _opaquely_signed(mail, shown)
        return mail
    except (CompoundFileError, struct.error, IndexError, ValueError) as exc:
        raise SourceError(f"cannot read {_KIND}: {shown} (damaged)") from exc


class _Properties:
    """The properties of a message or an attachment stored under ``storage``."""

    def __init__(self, compound: CompoundFile, storage: str, header: int) -> None:
        self._compound = compound
        self._prefix = f"{storage}/" if storage else ""
        self._fixed: dict[int, tuple[int, bytes]] = {}
        name = f"{self._prefix}__properties_version1.0"
        raw = compound.read(name) if compound.is_stream(name) else b""
        for offset in range(header, len(raw) - 15, 16):
            tag, _, value = struct.unpack_from("<II8s", raw, offset)
            self._fixed[tag >> 16] = (tag & 0xFFFF, value)
        self._codec = "cp1252"
        for prop in (_MESSAGE_CODEPAGE, _INTERNET_CODEPAGE):
            codepage = self.number(prop)
            if codepage:
                self._codec = windows_codec(codepage)
                break

    def _stream(self, prop: int, kind: int) -> bytes | None:
        name = f"{self._prefix}__substg1.0_{prop:04X}{kind:04X}"
        return self._compound.read(name) if self._compound.is_stream(name) else None

    def text(self, prop: int) -> str | None:
        """A string property, stored in UTF-16 or in the message's code page."""
        wide = self._stream(prop, _UNICODE)
        if wide is not None:
            text = wide.decode("utf-16-le", "replace")
        else:
            narrow = self._stream(prop, _STRING8)
            if narrow is None:
                return None
            text = narrow.decode(self._codec, "replace")
        return text.split("\x00", 1)[0] or None

    def binary(self, prop: int) -> bytes | None:
        return self._stream(prop, _BINARY)

    def number(self, prop: int) -> int | None:
        kind, value = self._fixed.get(prop, (0, b""))
        if kind == _LONG:
            return int.from_bytes(value[:4], "little")
        if kind == _BOOLEAN:
            return value[0]
        return None

    def time(self, prop: int) -> datetime | None:
        kind, value = self._fixed.get(prop, (0, b""))
        if kind != _SYSTIME:
            return None
        ticks = int.from_bytes(value, "little")
        if not ticks:
            return None  # never set (a draft is never sent)
        try:
            return _EPOCH + timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None

    @property
    def codec(self) -> str:
        return self._codec


def _mail(compound: CompoundFile, message: _Properties, storage: str) -> MailText:
    """The message stored under ``storage`` ("" for the file's own), with its attachments."""
    headers = message.text(_TRANSPORT_HEADERS) or ""
    header_values: dict[str, str] = {}
    for found in _HEADER_LINE.finditer(headers):
        header_values.setdefault(found.group(1).lower(), found.group(2))
    subject = message.text(_SUBJECT)
    return MailText(
        plain=message.text(_BODY),
        html=_html(message),
        subject=clean_subject(subject),
        sender=_sender(message, header_values.get("from")),
        sent=iso_date(header_values.get("date")) or _day(message),
        attachments=_attachments(compound, storage),
        forwarded=is_forward_subject(subject),
        reply=is_reply_subject(subject),
    )


def _signed(mail: MailText, shown: str) -> MailText:
    """A signed message as its reader sees it: Outlook keeps the signed MIME entity (the
    bodies and attachments, with the signature) as the message's one attachment."""
    for attachment in mail.attachments:
        if attachment.message is None and b"multipart/signed" in attachment.data[:4096].lower():
            return _read_inside(mail, attachment.data, shown)
    return mail


def _opaquely_signed(mail: MailText, shown: str) -> MailText:
    """A message signed opaquely: its MIME entity inside a signature's envelope, kept as the
    message's attachment; an encrypted message has none to take out, and is refused."""
    for attachment in mail.attachments:
        if attachment.message is None:
            try:
                entity = signed_content(attachment.data)
            except SignatureError:
                continue
            return _read_inside(mail, entity, shown)
    raise SourceError(f"cannot read {_KIND}: {shown} (the message is encrypted)")


def _read_inside(mail: MailText, entity: bytes, shown: str) -> MailText:
    """``mail`` with the bodies and attachments of the signed MIME ``entity`` Outlook kept
    for it; its sender, subject and date stay the .msg's own."""
    signed = read_mime_entity(entity, shown)
    return replace(
        mail,
        plain=signed.plain or mail.plain,
        html=signed.html or mail.html,
        attachments=signed.attachments,
    )


def _html(message: _Properties) -> str | None:
    """The HTML body, or the RTF body read as text and set in a paragraph of HTML's."""
    raw = message.binary(_HTML)
    if raw is not None:
        return raw.decode(message.codec, "replace")
    html = message.text(_HTML)
    if html:
        return html
    if message.text(_BODY):
        return None
    compressed = message.binary(_RTF_COMPRESSED)
    if compressed is None:
        return None
    try:
        rtf = read_rtf(decompress_rtf(compressed), "the message's RTF body")
    except SourceError:
        return None
    paragraphs = (p for p in rtf.text.split("\n\n") if p.strip())
    return "".join(f"<p>{_escape(p)}</p>" for p in paragraphs)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sender(message: _Properties, header_from: str | None) -> str | None:
    """The sender as an outlet: its display name, else the domain of its Internet address."""
    name = message.text(_SENT_REPRESENTING_NAME) or message.text(_SENDER_NAME)
    address = next(
        (
            value
            for value in (
                message.text(_REPRESENTING_SMTP),
                message.text(_SENDER_SMTP),
                message.text(_SENDER_ADDRESS),
            )
            if value and "@" in value and not value.startswith("/")
        ),
        None,
    )
    if name and "@" not in name and not name.startswith("/"):
        return sender_name(name.replace("<", "").replace(">", ""))
    if address:
        return sender_name(f"<{address}>")
    return sender_name(header_from)


def _day(message: _Properties) -> str | None:
    sent = message.time(_SUBMIT_TIME) or message.time(_DELIVERY_TIME)
    return sent.date().isoformat() if sent is not None else None


def _attachments(compound: CompoundFile, storage: str) -> list[Attachment]:
    """The files attached, in their order; an attached message read as a message; a link to
    a file or an embedded object noted as not held; pictures shown inside the body (with a
    content id, or marked hidden) are not attachments."""
    found: list[Attachment] = []
    names = sorted(n for n in compound.children(storage) if _ATTACHMENT_STORAGE.fullmatch(n))
    for number, name in enumerate(names, start=1):
        path = f"{storage}/{name}" if storage else name
        attachment = _Properties(compound, path, _HEADER_ATTACHMENT)
        mime = (attachment.text(_ATTACH_MIME) or "").lower()
        if attachment.number(_ATTACHMENT_HIDDEN) or (
            attachment.text(_ATTACH_CONTENT_ID) and mime.startswith("image/")
        ):
            continue
        label = _attachment_name(attachment, number)
        inner = f"{path}/__substg1.0_{_ATTACH_DATA:04X}{_OBJECT:04X}"
        method = attachment.number(_ATTACH_METHOD)
        if method in _NOT_HELD:
            found.append(Attachment(name=label, data=b"", unread=_NOT_HELD[method]))
            continue
        if method == _EMBEDDED_MESSAGE and compound.exists(inner):
            message = _Properties(compound, inner, _HEADER_EMBEDDED)
            mail = _mail(compound, message, inner)
            if not label.lower().endswith((".msg", ".eml")):
                label = file_name(f"{mail.subject or 'message'}.msg") or "message.msg"
            found.append(Attachment(name=label, data=b"", message=mail))
            continue
        data = attachment.binary(_ATTACH_DATA)
        if data:
            found.append(Attachment(name=label, data=data))
    return found


def _attachment_name(attachment: _Properties, number: int) -> str:
    given = (
        attachment.text(_ATTACH_LONG_FILENAME)
        or attachment.text(_ATTACH_FILENAME)
        or attachment.text(_DISPLAY_NAME)
        or ""
    )
    return file_name(given) or f"attachment {number}"
