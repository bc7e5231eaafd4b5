"""Read e-mail: a message (.eml) and a mailbox of them (.mbox).

Statements and press releases often reach a newsroom by e-mail, and are forwarded on by a
colleague before anyone writes a brief. A message saved as .eml (what every mail program's
"Save as" or "Download message" writes) is parsed by the standard library; this module picks
it apart and leaves reading the parts to ``briefing.sources``: the plain and HTML bodies, the
attachments as bytes with their names (an attached message as an .eml of its own), and the
sender, date and subject. ``unwrap_forward`` then finds a forwarded message inside a body, so
that the source is the original with its own sender, date and subject, and the forwarding
note, another person's words, is set aside; ``split_quoted`` sets aside what a reply quotes
of earlier messages, and ``split_signature`` a signature after the standard "-- " line.
Everything in a message is untrusted: its headers only ever become a title, an outlet and a
date, and an attachment's name only a label. (Outlook's .msg is read by ``briefing.outlook``
into the same parts.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from email import policy
from email.errors import MessageError
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from functools import lru_cache

from briefing.cms import SignatureError, signed_content
from briefing.errors import SourceError
from briefing.rtf import decompress_rtf, read_rtf
from briefing.tnef import Tnef, TnefError, is_tnef, read_tnef

__all__ = [
    "DAMAGED_MESSAGE",
    "Attachment",
    "Forward",
    "MailText",
    "clean_subject",
    "file_name",
    "header_text",
    "is_forward_subject",
    "is_mbox",
    "is_reply_subject",
    "is_message",
    "mbox_messages",
    "part_text",
    "iso_date",
    "read_mail",
    "read_mime_entity",
    "sender_name",
    "split_quoted",
    "split_signature",
    "unwrap_forward",
]

_ENVELOPE = ("from", "date", "subject", "to", "message-id")
_ENCRYPTED = frozenset({"multipart/encrypted", "application/pkcs7-mime"})
_NAME_MAX = 120
_PARTS_DEPTH_MAX = 8  # multiparts inside multiparts, deeper than any mail program writes
# "Re:", "Fwd:", "FW:", "AW:", "WG:" (German), "TR:" (French), "RV:" (Spanish), "SV:", "VS:"
# (Nordic), with a count ("Re[2]:"), any number of times.
_SUBJECT_PREFIX = re.compile(
    r"^(?:\s*(?:re|fwd?|aw|wg|tr|rv|sv|vs)\s*(?:\[\d+\])?\s*:)+\s*", re.IGNORECASE
)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|tr|rv)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|vs)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
# The line a mail program writes above a forwarded message's headers.
_FORWARD_MARKER = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht"
    r"|message transf[ée]r[ée]|mensaje reenviado)\s*-{2,}|begin forwarded message:)\s*$",
    re.IGNORECASE,
)
# Outlook's rule above a quoted message's headers: a row of underscores or dashes alone.
_RULE = re.compile(r"^\s*(?:_{8,}|-{8,})\s*$")
# A header line of a forwarded message, its name in bold ("*From:*") in some plain texts.
_HEADER_LINE = re.compile(
    r"^[\s*]*(from|sent|date|to|cc|bcc|subject|reply-to|von|gesendet|an|betreff|de|envoy[ée]"
    r"|[àa]|objet)[\s*]*:[\s*]*(.*)$",
    re.IGNORECASE,
)
_HEADER_ALIASES = {
    "von": "from",
    "de": "from",
    "gesendet": "date",
    "sent": "date",
    "envoyé": "date",
    "envoye": "date",
    "betreff": "subject",
    "objet": "subject",
    "an": "to",
    "à": "to",
    "a": "to",
}
# A line quoting an earlier message ("> ..."), and the line a mail program writes above the
# quotation ("On Tue, 3 Mar 2032 at 10:00, Harbour Council <press@...> wrote:", in the
# languages of the headers above), which may wrap onto a second line.
_QUOTED_LINE = re.compile(r"^[ \t]*>")
_ATTRIBUTION = re.compile(
    r"(?:\b(?:wrote|writes|a [ée]crit|escribi[óo]|scrisse|napisa[łl]\w*)[ \t]*"
    r"|\b(?:schrieb|schreef|skrev)\b[^:\n]*):[ \t]*$",
    re.IGNORECASE,
)
# The most lines a forwarded or quoted message's header block runs to (a long list of
# addressees included); a longer run of header-like lines is no block, and looking no further
# keeps a body of many such lines from costing a scan for each.
_BLOCK_LINES_MAX = 60
_ATTRIBUTION_MAX = 300  # characters: an attribution is one short line, two when wrapped
_ATTRIBUTION_START = re.compile(r"^[ \t]*(?:on|le|am|el|il|op|den|dnia)\b", re.IGNORECASE)
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)
_SIGNATURE_LINES_MAX = 12
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# A mailbox's messages each begin with a "From " line (the envelope) at the file's start or
# after a blank line; a body line that begins so is written ">From ".
_MBOX_START = re.compile(rb"\AFrom \S[^\r\n]*\r?\n[!-9;-~]+:")
_MBOX_SEPARATOR = re.compile(rb"(?:\A|(?<=\n\n)|(?<=\n\r\n))From \S[^\r\n]*\r?\n")
_MBOX_QUOTED = re.compile(rb"^>(>*From )", re.MULTILINE)
# What the standard library's parser can raise on a mangled message when a header or part
# is asked for.
DAMAGED_MESSAGE = (
    MessageError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    LookupError,
    AssertionError,
)
# A message's header fields, up to the blank line that ends them.
_FIELD = re.compile(rb"^([!-9;-~]{1,76}):", re.MULTILINE)
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_HEAD_PROBE = 65536
# An attachment with no file name is named by its type, so that it is read as that type.
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    "application/msword": ".doc",
    "application/vnd.ms-powerpoint": ".ppt",
    "application/vnd.ms-outlook": ".msg",
    "application/epub+zip": ".epub",
    "application/rtf": ".rtf",
    "text/rtf": ".rtf",
    "text/plain": ".txt",
    "text/html": ".html",
    "text/markdown": ".md",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}


@dataclass(frozen=True)
class Attachment:
    """A file attached to a message: its name (a label only) and its bytes, or a message
    already read (Outlook stores an attached message as part of the one it is attached to),
    or why the message does not hold the file (``unread``: Outlook's links to a file)."""

    name: str
    data: bytes
    message: MailText | None = None
    unread: str | None = None


@dataclass(frozen=True)
class MailText:
    """A message's parts as the sender wrote them; the bodies are not yet read."""

    plain: str | None
    html: str | None
    subject: str | None
    sender: str | None
    sent: str | None
    attachments: list[Attachment] = field(default_factory=list)
    forwarded: bool = False
    reply: bool = False
    # A certified-mail provider's envelope (Italy's PEC): its body is the provider's notice
    # that the message, attached, was sent, not the sender's words.
    certified: bool = False


@dataclass(frozen=True)
class Forward:
    """A forwarded message found in a body: its text, the note above it, its headers."""

    text: str
    note: str
    subject: str | None
    sender: str | None
    sent: str | None


def read_mail(data: bytes, shown: str) -> MailText:
    """Parse ``data`` as an e-mail message; ``SourceError`` with a one-line reason when it is
    not one (no headers), cannot be read (encrypted), or is too damaged to pick apart."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)  # the default policy's message class
    if not any(header_text(message, name) for name in _ENVELOPE):
        raise SourceError(f"cannot read e-mail: {shown} (no message headers; not an .eml file)")
    try:
        subject = header_text(message, "subject")
        body = message
        if message.get_content_type() in _ENCRYPTED:
            body = _opaquely_signed(message, shown)
        return _mail_text(
            body,
            subject=clean_subject(subject),
            sender=sender_name(header_text(message, "from")),
            sent=iso_date(header_text(message, "date")),
            forwarded=is_forward_subject(subject),
            reply=is_reply_subject(subject),
            certified=(header_text(message, "x-trasporto") or "").lower() == "posta-certificata",
        )
    except DAMAGED_MESSAGE:
        # The standard library parses headers when they are asked for, and a mangled one
        # can fail then with any of these.
        raise SourceError(f"cannot read e-mail: {shown} (damaged message)") from None


def _opaquely_signed(message: EmailMessage, shown: str) -> EmailMessage:
    """The message inside an opaque signature (application/pkcs7-mime, signed-data): the
    signature's envelope holds the whole MIME entity. An encrypted one cannot be read."""
    payload = message.get_payload(decode=True)
    try:
        if not isinstance(payload, bytes):
            raise SignatureError("no content")
        inner = BytesParser(policy=policy.default).parsebytes(signed_content(payload))
    except SignatureError:
        raise SourceError(f"cannot read e-mail: {shown} (the message is encrypted)") from None
    assert isinstance(inner, EmailMessage)
    return inner


def read_mime_entity(data: bytes, shown: str) -> MailText:
    """The bodies and attachments of a MIME entity that has no message headers of its own:
    what Outlook keeps of a signed message, whose headers are the .msg's properties."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)  # the default policy's message class
    try:
        if message.get_content_type() in _ENCRYPTED:
            raise SourceError(f"cannot read e-mail: {shown} (the message is encrypted)")
        return _mail_text(message)
    except DAMAGED_MESSAGE:
        raise SourceError(f"cannot read e-mail: {shown} (damaged message)") from None


def _mail_text(
    body: EmailMessage,
    *,
    subject: str | None = None,
    sender: str | None = None,
    sent: str | None = None,
    forwarded: bool = False,
    reply: bool = False,
    certified: bool = False,
) -> MailText:
    """A message's parts: the bodies and attachments of ``body`` (the message, or the entity
    inside its signature), and what the caller read of its headers. The files and body
    Outlook put in a ``winmail.dat`` (TNEF) are the message's own."""
    plain, html = _body(body, "plain"), _body(body, "html")
    attachments: list[Attachment] = []
    for attachment in _attachments(body):
        if not is_tnef(attachment.data):
            attachments.append(attachment)
            continue
        try:
            inside = read_tnef(attachment.data)
        except TnefError:
            attachments.append(replace(attachment, unread="a damaged winmail.dat (TNEF)"))
            continue
        attachments += [Attachment(name=file_name(n) or n, data=d) for n, d in inside.attachments]
        if not (plain or "").strip() and not html:
            plain = _tnef_body(inside)
            html = None if plain else _tnef_html(inside)
    return MailText(
        plain=plain,
        html=html,
        subject=subject,
        sender=sender,
        sent=sent,
        attachments=attachments,
        forwarded=forwarded,
        reply=reply,
        certified=certified,
    )


def _tnef_body(inside: Tnef) -> str | None:
    """The body a TNEF stream holds, as plain text: its RTF read, else its plain text."""
    if inside.rtf_compressed:
        try:
            return read_rtf(decompress_rtf(inside.rtf_compressed), "winmail.dat's body").text
        except SourceError:
            pass
    return inside.plain


def _tnef_html(inside: Tnef) -> str | None:
    """The HTML body a TNEF stream holds, when it holds no RTF or plain one."""
    if not inside.html:
        return None
    try:
        return inside.html.decode("utf-8")
    except UnicodeDecodeError:
        return inside.html.decode("cp1252", "replace")


def is_message(data: bytes) -> bool:
    """Whether ``data`` (with no name to go by: standard input, a file without an extension)
    is an e-mail: it opens with header lines, among them From and a Date or Subject."""
    head = _HEAD_END.split(data[:_HEAD_PROBE], maxsplit=1)[0]
    if not _FIELD.match(head):
        return False
    names = {name.lower() for name in _FIELD.findall(head)}
    return b"from" in names and bool({b"date", b"subject"} & names)


def is_mbox(data: bytes) -> bool:
    """Whether ``data`` is a mailbox: a "From " envelope line, then a header."""
    return _MBOX_START.match(data) is not None


def mbox_messages(data: bytes) -> list[bytes] | None:
    """The messages of an mbox file, with body lines that began "From " restored (mboxrd);
    None when ``data`` is not one."""
    if not is_mbox(data):
        return None
    separators = list(_MBOX_SEPARATOR.finditer(data))
    ends = [separator.start() for separator in separators[1:]] + [len(data)]
    return [
        _MBOX_QUOTED.sub(rb"\1", data[separator.end() : end])
        for separator, end in zip(separators, ends)
    ]


def header_text(message: Message, name: str) -> str | None:
    """A header's value on one line; None when it is missing, empty or malformed."""
    try:
        value = message.get(name)
    except DAMAGED_MESSAGE:  # a malformed header the parser gives up on
        return None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _body(message: EmailMessage, subtype: str) -> str | None:
    part = message.get_body(preferencelist=(subtype,))
    if part is None or part.get_content_subtype() != subtype:
        return None
    return part_text(part)


def part_text(part: Message) -> str:
    """A text part's content, decoded by its charset; an unknown or wrong charset falls back
    to UTF-8 with replacement rather than losing the part."""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, UnicodeError, AssertionError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _attachments(message: EmailMessage) -> list[Attachment]:
    """The files attached, in order: an attached message as an .eml of its own; a picture
    shown inside the body (a logo, a signature's image) is not an attachment."""
    found: list[Attachment] = []
    for number, part in enumerate(_attached_parts(message), start=1):
        name = _attachment_name(part, number)
        if part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            if isinstance(inner, Message):
                found.append(Attachment(name=name, data=inner.as_bytes()))
            continue
        if part.get_content_maintype() == "image" and part.get_content_disposition() != (
            "attachment"
        ):
            continue
        if part.get_content_maintype() == "image" and part.get("content-id"):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            found.append(Attachment(name=name, data=payload))
    return found


def _attached_parts(message: EmailMessage, depth: int = 0) -> Iterator[EmailMessage]:
    """The parts attached, those inside a nested multipart included: a signed message
    (multipart/signed) holds its body and attachments in a multipart of their own."""
    for part in message.iter_attachments():
        if not isinstance(part, EmailMessage):
            continue
        if part.get_content_maintype() == "multipart":
            if depth < _PARTS_DEPTH_MAX:
                yield from _attached_parts(part, depth + 1)
            continue
        yield part


def _attachment_name(part: EmailMessage, number: int) -> str:
    """The attachment's file name without folders or control characters; an attached
    message without one is named by its subject."""
    try:
        given = part.get_filename() or ""
    except (ValueError, TypeError, IndexError):
        given = ""
    name = file_name(given)
    if not name and part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        subject = (
            clean_subject(header_text(inner, "subject")) if isinstance(inner, Message) else None
        )
        name = file_name(f"{subject or 'message'}.eml")
    return name or f"attachment {number}{_EXTENSIONS.get(part.get_content_type(), '')}"


def file_name(given: str) -> str:
    """An attachment's name as a label: no folders, no control characters, at most 120
    characters with its extension kept; empty when nothing is left."""
    name = re.sub(r"[\x00-\x1f\x7f]", "", given).replace("\\", "/").rsplit("/", 1)[-1].strip()
    if len(name) > _NAME_MAX:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem[: _NAME_MAX - len(extension) - 2]}….{extension}" if dot else name[:_NAME_MAX]
    return name


def is_forward_subject(subject: str | None) -> bool:
    """Whether a subject says its message forwards another ("Fwd:", "FW:", "WG:", ...)."""
    return bool(subject and _FORWARD_SUBJECT.match(subject))


def is_reply_subject(subject: str | None) -> bool:
    """Whether a subject says its message replies to another ("Re:", "AW:", "SV:", ...)."""
    return bool(subject and _REPLY_SUBJECT.match(subject))


def clean_subject(subject: str | None) -> str | None:
    """A subject without its "Re:" and "Fwd:" prefixes."""
    if not subject:
        return None
    return _SUBJECT_PREFIX.sub("", subject).strip() or None


def sender_name(value: str | None) -> str | None:
    """Who sent a message, as an outlet: the display name ("Ministry of Justice Press
    Office"), else the address's domain; never the address itself."""
    if not value:
        return None
    value = re.sub(r"\[mailto:[^\]]*\]", "", value).strip()
    if "@" not in value:
        return " ".join(value.replace('"', "").split()) or None
    name, address = parseaddr(value)
    name = " ".join(name.replace('"', "").split())
    if name and "@" not in name:
        return name
    address = address or name
    domain = address.rpartition("@")[2].strip(" <>")
    return domain or None


def iso_date(value: str | None) -> str | None:
    """The calendar day a date header gives, as YYYY-MM-DD: an RFC 5322 date or the forms
    mail programs write above a forwarded message ("Tue, Dec 3, 2026 at 10:15 AM",
    "Tuesday, 3 December 2026 10:15")."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for pattern, order in ((_MONTH_DAY_YEAR, (2, 1, 3)), (_DAY_MONTH_YEAR, (1, 2, 3))):
        match = pattern.search(value)
        if match:
            day, month, year = (match.group(i) for i in order)
            return _day(int(year), _MONTHS[month.lower()], int(day))
    match = _ISO_DAY.search(value)
    if match:
        return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def unwrap_forward(text: str, *, forwarded_subject: bool) -> Forward | None:
    """The innermost message forwarded inside ``text``, or None.

    A forward is a block of header lines ("From:", "Date:" or "Sent:", "Subject:", "To:")
    under the line a mail program writes above it ("---------- Forwarded message ---------",
    "Begin forwarded message:"). Outlook writes the same block under a rule for a reply as
    for a forward, so a block under a rule counts only when the subject says "FW:" (what a
    reply quotes is set aside by ``split_quoted``). Everything above the innermost block
    (forwarding notes, outer headers) is the note.
    """
    lines = text.split("\n")
    last: tuple[int, int, dict[str, str]] | None = None
    index = 0
    while index < len(lines):
        block = _forward_block(lines, index, forwarded_subject)
        if block is None:
            index += 1
            continue
        end, headers = block
        if headers is not None:
            last = (index, end, headers)
        index = max(end, index + 1)
    if last is None:
        return None
    start, end, headers = last
    return Forward(
        text="\n".join(lines[end:]).strip("\n"),
        note="\n".join(lines[:start]).strip(),
        subject=clean_subject(headers.get("subject")),
        sender=sender_name(headers.get("from")),
        sent=iso_date(headers.get("date")),
    )


def _forward_block(
    lines: list[str], index: int, forwarded_subject: bool
) -> tuple[int, dict[str, str] | None] | None:
    """The line after a forward's header block that starts at ``lines[index]``, and its
    headers (None when the lines there are not a whole block: no block starts on them
    either, so the caller looks on after them); None when nothing there starts one."""
    line = lines[index]
    bare = forwarded_subject and _header_line(line)[0] == "from"  # Outlook's HTML: no rule
    if not (_FORWARD_MARKER.match(line) or (forwarded_subject and _RULE.match(line)) or bare):
        return None
    headers: dict[str, str] = {}
    last_key: str | None = None
    at = index if bare else index + 1
    while at < min(len(lines), index + _BLOCK_LINES_MAX):
        current = lines[at]
        if not current.strip():
            # Blank lines may separate the headers (an HTML body gives each its own
            # paragraph); the first one before a line that is not a header ends the block.
            if (
                headers
                and _header_line(_next_nonblank(lines, at, index + _BLOCK_LINES_MAX))[0] is None
            ):
                break
            at += 1
            continue
        key, value = _header_line(current)
        if key:
            headers.setdefault(key, value)
            last_key = key
        elif not (last_key in ("to", "cc", "bcc") and ("@" in current or current.endswith(";"))):
            break  # a wrapped list of addressees continues the block; anything else is the body
        at += 1
    needed = {"from", "subject", "date"} if bare else {"from"}
    if not needed <= headers.keys() or not ({"subject", "date"} & headers.keys()):
        return at, None
    return at, headers


@lru_cache(maxsize=1024)
def _header_line(line: str) -> tuple[str | None, str]:
    """The header a line of a forwarded message's header block gives ("Sent:" as "date")
    and its value; (None, "") for a line that is not one. Cached: each line is looked at
    from every block start within reach above it."""
    match = _HEADER_LINE.match(line)
    if match is None:
        return None, ""
    key = match.group(1).lower()
    return _HEADER_ALIASES.get(key, key), match.group(2).strip()


def _next_nonblank(lines: list[str], at: int, end: int) -> str:
    for line in lines[at:end]:
        if line.strip():
            return line
    return ""


def split_quoted(text: str, *, reply_subject: bool) -> tuple[str, list[str]]:
    """The text without the earlier messages it quotes, and those quotations.

    A quotation is a block of "> " lines with the line above it that says who wrote it, or,
    in a reply (the subject says "Re:"), everything from the header block or "Original
    Message" line that Outlook writes above the message replied to. They are other people's
    words under the sender's name and date, so the source is the sender's own text. When
    nothing of the sender's own would be left, the text is kept whole.
    """
    lines = text.split("\n")
    quoted: list[str] = []
    index = 0
    while reply_subject and index < len(lines):
        block = _forward_block(lines, index, True)
        if _FORWARD_MARKER.match(lines[index]) or (block is not None and block[1] is not None):
            quoted.append("\n".join(lines[index:]).strip())
            lines = lines[:index]
            break
        index = index + 1 if block is None else max(block[0], index + 1)
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if not _QUOTED_LINE.match(lines[index]):
            kept.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and (_QUOTED_LINE.match(lines[end]) or not lines[end].strip()):
            end += 1
        attribution = _attribution(kept)
        quoted.append("\n".join(kept[len(kept) - attribution :] + lines[index:end]).strip())
        del kept[len(kept) - attribution :]
        index = end
    own = "\n".join(kept).strip()
    if not quoted or not own:
        return text, []
    return re.sub(r"\n{3,}", "\n\n", own), quoted


def _attribution(lines: list[str]) -> int:
    """How many of the last lines (blank lines after them included) say who wrote the
    quotation below them: 0, 1, or 2 when the line wraps."""
    at = len(lines)
    while at and not lines[at - 1].strip():
        at -= 1
    if not at or len(lines[at - 1]) > _ATTRIBUTION_MAX or not _ATTRIBUTION.search(lines[at - 1]):
        return 0
    start = at - 1
    if (
        start
        and not _ATTRIBUTION_START.match(lines[start])
        and _ATTRIBUTION_START.match(lines[start - 1])
    ):
        start -= 1
    return len(lines) - start


def split_signature(text: str) -> tuple[str, str]:
    """The text above a signature's "-- " line, and the signature (empty when none). Only a
    short tail counts as a signature, so a "--" line inside a statement cuts nothing."""
    lines = list(_SIGNATURE.finditer(text))
    if not lines:
        return text, ""
    match = lines[-1]
    signature = text[match.end() :].strip()
    if len([line for line in signature.split("\n") if line.strip()]) > _SIGNATURE_LINES_MAX:
        return text, ""
    return text[: match.start()].rstrip(), signature
