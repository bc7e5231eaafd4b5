"""Read the documents a brief is built from, whatever shape they arrive in.

Users hand us a mix of saved web pages (read by ``briefing.html_page``, or unpacked from a
single-file save by ``briefing.saved_pages``), Markdown notes (``briefing.markdown``), plain
text, JSON exports, PDF reports and pictures of pages (``briefing.pdf``), office documents
(``briefing.docx``, ``briefing.doc``, ``briefing.odt``, ``briefing.rtf``, ``briefing.pptx``,
``briefing.ppt``, ``briefing.odp``), EPUB books (``briefing.epub``), signed files
(``briefing.cms``), e-mails and mailboxes (``briefing.mail``, ``briefing.outlook``) and zip
archives of any of these.
This module picks the reader by name or content and turns each document into a ``Source``
holding clean text, because every later offset and quote points into ``Source.text``: the
text must be decided once, here, and never change. A container (an e-mail, a mailbox, a
zip, a signature's envelope) gives a source for each document in it. Failures raise
``SourceError`` with a one-line message naming the file, so the CLI can print it as is.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import io
import json
import logging
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from briefing.cfb import CompoundFile, CompoundFileError, is_compound_file
from briefing.cleaning import clean_text
from briefing.cms import SignatureError, signed_content
from briefing.doc import DocText, read_doc
from briefing.docx import DocxText, read_docx
from briefing.epub import EpubText, read_epub
from briefing.errors import SourceError
from briefing.html_page import read_html, squash
from briefing.legacy_text import guess_legacy_encoding
from briefing.mail import (
    MailText,
    is_mbox,
    is_message,
    mbox_messages,
    read_mail,
    split_quoted,
    split_signature,
    unwrap_forward,
)
from briefing.markdown import markdown_text
from briefing.models import DroppedText, Source
from briefing.odp import read_odp
from briefing.odt import OdtText, read_odt
from briefing.outlook import read_msg
from briefing.package import UNREADABLE_MEMBER
from briefing.pdf import PdfText, is_pdf, read_page_images, read_pdf
from briefing.ppt import read_ppt
from briefing.pptx import PptxText, read_pptx
from briefing.rtf import RtfText, is_rtf, read_rtf
from briefing.saved_pages import SavedPage, is_mhtml, read_mhtml, read_webarchive
from briefing.spreadsheet import (
    Questionnaire,
    questionnaire,
    read_delimited,
    read_ods,
    read_xlsx,
    record_columns,
)
from briefing.xls import read_xls

__all__ = [
    "DOCUMENT_EXTENSIONS",
    "STDIN",
    "distinct_sources",
    "load_sources",
    "source_files",
    "sources_from_file_bytes",
    "sources_from_records",
]

log = logging.getLogger(__name__)

# The largest source file read by default (--max-source-bytes).
MAX_SOURCE_BYTES = 20_000_000

STDIN = "-"
TEXT_EXTENSIONS = frozenset({".txt"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
SPREADSHEET_TEXT_EXTENSIONS = frozenset({".csv", ".tsv"})
WORKBOOK_EXTENSIONS = frozenset({".xlsx", ".xlsm"})
XLS_EXTENSIONS = frozenset({".xls"})
ODS_EXTENSIONS = frozenset({".ods"})
PDF_EXTENSIONS = frozenset({".pdf"})
# A macro-enabled document or deck, and a deck saved to open as a slide show, are the same
# formats.
DOCX_EXTENSIONS = frozenset({".docx", ".docm"})
DOC_EXTENSIONS = frozenset({".doc"})
OUTLOOK_EXTENSIONS = frozenset({".msg"})
EPUB_EXTENSIONS = frozenset({".epub"})
SIGNED_EXTENSIONS = frozenset({".p7m"})
ODT_EXTENSIONS = frozenset({".odt"})
PPTX_EXTENSIONS = frozenset({".pptx", ".pptm", ".ppsx"})
PPT_EXTENSIONS = frozenset({".ppt", ".pps"})
ODP_EXTENSIONS = frozenset({".odp"})
RTF_EXTENSIONS = frozenset({".rtf"})
MAIL_EXTENSIONS = frozenset({".eml"})
MBOX_EXTENSIONS = frozenset({".mbox"})
MHTML_EXTENSIONS = frozenset({".mhtml", ".mht"})
WEBARCHIVE_EXTENSIONS = frozenset({".webarchive"})
ZIP_EXTENSIONS = frozenset({".zip"})
IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".heic", ".heif"})
# Formats people save statements in that briefing does not read, and what to do instead.
_NOT_READ = {
    ".pages": "a Pages document; export it as .docx or PDF",
    ".numbers": "a Numbers spreadsheet; export it as .xlsx or CSV",
    ".key": "Keynote slides; export them as .pptx or PDF",
}
DOCUMENT_EXTENSIONS = (
    TEXT_EXTENSIONS
    | MARKDOWN_EXTENSIONS
    | HTML_EXTENSIONS
    | JSON_EXTENSIONS
    | JSONL_EXTENSIONS
    | SPREADSHEET_TEXT_EXTENSIONS
    | WORKBOOK_EXTENSIONS
    | XLS_EXTENSIONS
    | ODS_EXTENSIONS
    | PDF_EXTENSIONS
    | DOCX_EXTENSIONS
    | DOC_EXTENSIONS
    | EPUB_EXTENSIONS
    | SIGNED_EXTENSIONS
    | ODT_EXTENSIONS
    | PPTX_EXTENSIONS
    | PPT_EXTENSIONS
    | ODP_EXTENSIONS
    | RTF_EXTENSIONS
    | MAIL_EXTENSIONS
    | OUTLOOK_EXTENSIONS
    | MBOX_EXTENSIONS
    | MHTML_EXTENSIONS
    | WEBARCHIVE_EXTENSIONS
    | ZIP_EXTENSIONS
    | IMAGE_EXTENSIONS
)

_BINARY_PROBE = 8192
_CONTROL_SHARE_MAX = 0.10
# C0 and C1 control characters other than tab, newline, vertical tab, form feed, return;
# and the replacement character a decoder leaves for bytes that were not text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_TXT_TITLE_MAX = 200
_MD_TITLE_MAX = 120
_ID_HEX = 16
_PAGE_ANCHOR = 40


class _UnreadableError(SourceError):
    """A file with nothing to read (empty, binary, no text left): skipped inside a folder."""


@dataclass
class _RawDoc:
    """A document before cleaning: its text and whatever metadata the format carried."""

    path: str
    text: str
    fallback_title: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    page_starts: list[int] | None = None
    dropped: list[DroppedText] = field(default_factory=list)
    ocr_pages: list[int] | None = None
    given_as_text: bool = False
    """A JSON record's or a request's text: taken as the caller gave it, not judged binary."""


def load_sources(
    paths: Sequence[str], *, max_bytes: int = MAX_SOURCE_BYTES, stdin: TextIO | None = None
) -> list[Source]:
    """Load files, folders and ``-`` (stdin) into clean, de-duplicated ``Source`` objects.

    Order follows ``paths`` (folders in name order); a document whose clean text equals an
    earlier one is skipped. Inside a folder, empty or binary files are skipped with a warning,
    since one stray file should not sink the run; named files fail loudly instead.
    """
    return distinct_sources(_loaded(paths, max_bytes, stdin))


def _loaded(paths: Sequence[str], max_bytes: int, stdin: TextIO | None) -> Iterator[Source]:
    stdin_read = False
    for given in paths:
        if given == STDIN:
            if stdin_read:
                continue
            stdin_read = True
            yield from _stdin_sources(stdin if stdin is not None else sys.stdin, max_bytes)
        else:
            for path in _expanded(given):
                yield from _load_path(path, max_bytes)


_WILDCARD = re.compile(r"[*?\[]")
_WEB_ADDRESS = re.compile(r"(?i)^(?:https?|ftp)://")


def _expanded(given: str) -> list[str]:
    """``given``, or, where no such path exists and it is a wildcard pattern the shell left as
    it was (Windows' cmd does, as does a quoted pattern), the paths it matches in name order.
    ``SourceError`` when a pattern matches nothing."""
    if Path(given).exists() or not _WILDCARD.search(given):
        return [given]
    matches = sorted(glob.glob(given))
    if not matches:
        raise SourceError(f"no file matches {given}")
    return matches


def distinct_sources(sources: Iterable[Source]) -> list[Source]:
    """``sources`` in order, without one whose clean text equals an earlier one's (said in
    the log): files, records and uploads all count each text once."""
    kept: list[Source] = []
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            log.info("skipping %s: same text as an earlier source", source.path)
            continue
        seen.add(source.id)
        kept.append(source)
    return kept


def sources_from_records(records: Sequence[Mapping[str, Any]], shown: str) -> list[Source]:
    """Clean texts handed over in memory, read exactly as records of a ``.json`` source file.

    Each record needs ``text``; ``title``, ``url``, ``outlet``, ``author`` and ``published``
    are optional.
    Sources are named ``shown`` (``shown#N`` when there are several); a record whose clean text
    equals an earlier one is skipped.
    """
    return distinct_sources(
        _finish(doc) for doc in _parse_json_records(list(records), shown, shown)
    )


# --------------------------------------------------------------------------- paths


def _load_path(given: str, max_bytes: int) -> Iterator[Source]:
    """Yield the sources of one command-line argument: a file or a folder."""
    path = Path(given)
    if not path.exists():
        if _WEB_ADDRESS.match(given):
            raise SourceError(
                f"source not found: {given} is a web address; briefing reads files and "
                "folders: save the page (as .html) and give its file"
            )
        raise SourceError(f"source not found: {given}")
    if not path.is_dir():
        yield from _load_file(path, given, max_bytes)
        return
    found = 0
    for entry in _folder_documents(path):
        try:
            loaded = _load_file(entry, str(entry), max_bytes)
        except _UnreadableError as exc:
            log.warning("skipping %s", exc)
            continue
        found += len(loaded)
        yield from loaded
    if not found:
        raise SourceError(f"no readable documents in folder: {given}")


def source_files(paths: Sequence[str]) -> list[Path]:
    """The files ``load_sources`` reads for ``paths``: each named file and each folder's
    documents (stdin, and paths that do not exist or cannot be listed, name none here: loading
    reports them)."""
    files: list[Path] = []
    for pattern in paths:
        try:
            found = [] if pattern == STDIN else _expanded(pattern)
        except SourceError:
            continue
        for given in found:
            files.extend(_files_named(Path(given)))
    return files


def _files_named(path: Path) -> list[Path]:
    """The files one path names for ``source_files``."""
    if not path.exists():
        return []
    if not path.is_dir():
        return [path]
    try:
        return _folder_documents(path)
    except SourceError:
        return []


def _folder_documents(folder: Path) -> list[Path]:
    """Visible files with a document extension, in name order (not recursive). Pictures are
    read only when named: a folder's images are more often a page's figures and logos than
    sources, and OCR takes seconds each."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise SourceError(f"cannot read folder: {folder} ({exc.strerror or exc})") from exc
    return [
        entry
        for entry in entries
        if not entry.name.startswith(".")
        and entry.suffix.lower() in DOCUMENT_EXTENSIONS - IMAGE_EXTENSIONS
        and entry.is_file()
    ]


def sources_from_file_bytes(data: bytes, name: str, shown: str) -> list[Source]:
    """The sources of a file handed over as bytes (an upload), read by ``name``'s extension
    exactly as a file of that name would be; ``SourceError`` when it cannot be read."""
    path = Path(name)
    if path.suffix.lower() not in DOCUMENT_EXTENSIONS:
        kinds = ", ".join(sorted(DOCUMENT_EXTENSIONS))
        raise SourceError(f"not a document type briefing reads: {name} (one of {kinds})")
    return _parse_file(data, path, shown)


def _load_file(path: Path, shown: str, max_bytes: int) -> list[Source]:
    """Read, decode, parse by extension and clean one file."""
    return _parse_file(_read_bytes(path, shown, max_bytes), path, shown)


def _parse_file(data: bytes, path: Path, shown: str, depth: int = 0) -> list[Source]:
    """Decode, parse by ``path``'s extension and clean one file's bytes; ``depth`` counts the
    e-mails and zip archives this file is inside. A file nested past what the readers walk
    (thousands of elements inside each other, as no program writes) is a one-line error."""
    try:
        return _parse_file_as(data, path, shown, depth)
    except RecursionError:
        raise _UnreadableError(f"cannot read {shown}: nested too deep") from None


def _parse_file_as(data: bytes, path: Path, shown: str, depth: int) -> list[Source]:
    stem = path.stem or path.name
    suffix = _read_as(path, data)
    if suffix in PDF_EXTENSIONS or is_pdf(data):
        return [_finish(_parse_pdf(data, shown, stem))]
    if suffix in DOCX_EXTENSIONS:
        return [_finish(_parse_office(data, shown, stem, read_docx))]
    if suffix in ODT_EXTENSIONS:
        return [_finish(_parse_office(data, shown, stem, read_odt))]
    if suffix in PPTX_EXTENSIONS:
        return [_finish(_parse_office(data, shown, stem, read_pptx))]
    if suffix in ODP_EXTENSIONS:
        return [_finish(_parse_office(data, shown, stem, read_odp))]
    if suffix in PPT_EXTENSIONS:
        return [_finish(_parse_office(data, shown, stem, read_ppt))]
    if suffix in RTF_EXTENSIONS or is_rtf(data):
        return [_finish(_parse_office(data, shown, stem, read_rtf))]
    if suffix in DOC_EXTENSIONS:
        return [_finish(_parse_office(data, shown, stem, read_doc))]
    if suffix in EPUB_EXTENSIONS:
        return [_finish(_parse_office(data, shown, stem, read_epub))]
    if suffix in SIGNED_EXTENSIONS:
        return _signed_sources(data, path, shown, depth)
    if suffix in IMAGE_EXTENSIONS:
        return [_finish(_parse_pdf(data, shown, stem, read=read_page_images))]
    if suffix in MAIL_EXTENSIONS or (not suffix and is_message(data)):
        return _mail_sources(data, shown, stem, depth, read_mail)
    if suffix in OUTLOOK_EXTENSIONS:
        return _mail_sources(data, shown, stem, depth, read_msg)
    if suffix in MBOX_EXTENSIONS or (not suffix and is_mbox(data)):
        return _mailbox_sources(data, shown, depth)
    if suffix in MHTML_EXTENSIONS:
        return [_finish(_parse_saved_page(data, shown, stem, read_mhtml))]
    if suffix in WEBARCHIVE_EXTENSIONS:
        return [_finish(_parse_saved_page(data, shown, stem, read_webarchive))]
    if suffix in ZIP_EXTENSIONS:
        return _zip_sources(data, shown, depth)
    if suffix in WORKBOOK_EXTENSIONS | XLS_EXTENSIONS | ODS_EXTENSIONS:
        read_sheets = (
            read_ods
            if suffix in ODS_EXTENSIONS
            else (read_xls if suffix in XLS_EXTENSIONS else read_xlsx)
        )
        try:
            sheets = read_sheets(data, shown)
        except SourceError as exc:
            raise _UnreadableError(str(exc)) from None
        return [_finish(doc) for doc in _parse_workbook(sheets, shown, stem)]
    if suffix in _NOT_READ:
        raise SourceError(f"cannot read {shown}: {_NOT_READ[suffix]}")
    text = _decode(data, shown, _declared_charset(data) if suffix in HTML_EXTENSIONS else None)
    if not text.strip():
        raise _UnreadableError(f"source is empty: {shown}")
    docs: list[_RawDoc]
    if suffix in MARKDOWN_EXTENSIONS:
        docs = [_parse_markdown(text, shown, stem)]
    elif suffix in HTML_EXTENSIONS:
        docs = [_parse_html(text, shown, stem)]
    elif suffix in JSON_EXTENSIONS:
        docs = _parse_json_records(_json_records(text, shown), shown, stem)
    elif suffix in JSONL_EXTENSIONS:
        docs = _parse_json_records(_jsonl_records(text, shown), shown, stem)
    elif suffix in SPREADSHEET_TEXT_EXTENSIONS:
        docs = _parse_sheet(read_delimited(text, shown, tab=suffix == ".tsv"), shown, stem)
    else:
        docs = [_RawDoc(path=shown, text=text, fallback_title=stem)]
    return [_finish(doc) for doc in docs]


def _signed_sources(data: bytes, path: Path, shown: str, depth: int) -> list[Source]:
    """The file inside a signature envelope (``act.pdf.p7m``), read as what its name without
    the ``.p7m`` says, or its content shows; the source keeps the envelope's name."""
    try:
        content = signed_content(data)
    except SignatureError as exc:
        raise _UnreadableError(f"cannot read signed file: {shown} ({exc})") from None
    if depth >= _NESTING_MAX:
        raise _UnreadableError(f"cannot read signed file: {shown} (signed over and over)")
    return _parse_file(content, Path(path.stem), shown, depth + 1)


def _compound_kind(data: bytes) -> str:
    """The extension a compound file with no name to go by has: ``.doc`` for a Word
    document, ``.ppt`` for a PowerPoint deck, ``.msg`` for an Outlook message ("" for
    anything else)."""
    if not is_compound_file(data):
        return ""
    try:
        names = {name.lower() for name in CompoundFile(data).children()}
    except CompoundFileError:
        return ""
    if "worddocument" in names:
        return ".doc"
    if "powerpoint document" in names:
        return ".ppt"
    if "workbook" in names or "book" in names:
        return ".xls"
    return ".msg" if any(name.startswith("__substg1.0_") for name in names) else ""


def _read_as(path: Path, data: bytes) -> str:
    """The extension to read a file by: its own, except where its content says otherwise. A
    compound file with no name to go by is a .doc, a .ppt or a .msg by the streams inside; a
    .ppt may be a .pptx renamed; a .doc is often something else by that name: a .docx
    renamed, or a web page (Word's "Web Page" and "Single File Web Page" saves, and many a
    site's "download as Word" export). (RTF is told by content whatever its name.)"""
    suffix = path.suffix.lower()
    if not suffix:
        return _compound_kind(data)
    if suffix in PPT_EXTENSIONS and data.startswith(b"PK\x03\x04"):
        return ".pptx"
    if suffix in XLS_EXTENSIONS | WORKBOOK_EXTENSIONS:
        return _workbook_kind(data, suffix)
    if suffix not in DOC_EXTENSIONS:
        return suffix
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    if is_mhtml(data):
        return ".mhtml"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<html" in head:
        return ".html"
    return suffix


# Bytes no text holds (UTF-16 aside, which a workbook's export is not).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _workbook_kind(data: bytes, suffix: str) -> str:
    """What a file named as a workbook holds: an .xls may be an .xlsx renamed, or, as many a
    site's "export to Excel" writes it, a web page's table or text with tabs; an .xlsx may be
    an .xls renamed."""
    if suffix not in XLS_EXTENSIONS:
        return ".xls" if _compound_kind(data) == ".xls" else suffix
    if data.startswith(b"PK\x03\x04"):
        return ".xlsx"
    if is_mhtml(data):
        return ".mhtml"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        return ".html"
    if _BINARY_BYTES.search(head):
        return ".xls"  # which says what it is not
    return ".tsv" if b"\t" in head.split(b"\n", 1)[0] else ".csv"


def _read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    """Read a file after checking its size, so a huge file is never loaded into memory."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(_too_large(shown, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise _UnreadableError(f"cannot read source: {shown} ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise SourceError(_too_large(shown, max_bytes))
    return data


def _too_large(shown: str, max_bytes: int) -> str:
    return (
        f"source is larger than the {max_bytes:,}-byte limit: {shown} "
        "(raise it with --max-source-bytes)"
    )


def _stdin_sources(stream: TextIO, max_bytes: int) -> list[Source]:
    """Read standard input once, as what its content shows it to be: a PDF, an RTF file, an
    e-mail or a mailbox (a mail pipeline's delivery), a Word 97-2003 document or an Outlook
    message, an HTML page, else text. Bytes are read when available so the encoding
    fallback applies."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise SourceError(_too_large(STDIN, max_bytes))
        if any(is_kind(data) for is_kind in (is_pdf, is_rtf, is_message, is_mbox, _compound_kind)):
            return _parse_file(data, Path("stdin"), STDIN)
        text = _decode(data, STDIN)
    else:
        raw = stream.read()
        if len(raw.encode("utf-8", errors="replace")) > max_bytes:
            raise SourceError(_too_large(STDIN, max_bytes))
        text = _normalise_newlines(raw)
    if not text.strip():
        raise _UnreadableError(f"source is empty: {STDIN}")
    head = text.lstrip()[:1024].lower()
    if head.startswith("<!doctype html") or "<html" in head:
        return [_finish(_parse_html(text, STDIN, "stdin"))]
    return [_finish(_RawDoc(path=STDIN, text=text, fallback_title="stdin"))]


# --------------------------------------------------------------------------- decoding


# ``<meta charset="...">`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``
_META_CHARSET = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{1,40})", re.I
)
_CHARSET_PROBE = 4096


def _declared_charset(data: bytes) -> str | None:
    """The encoding a saved web page declares in its head, if Python knows it. Pages in
    Windows-1251, Shift JIS or GB2312 are not UTF-8, and read as Windows-1252 they would be
    nonsense that still looks like text."""
    match = _META_CHARSET.search(data[:_CHARSET_PROBE])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return None if codec in ("utf-8", "utf-16", "utf-16-le", "utf-16-be") else name


def _decode(data: bytes, shown: str, declared: str | None = None) -> str:
    """Decode UTF-8 (BOM stripped), else the encoding the document declares, else the legacy
    encoding the bytes read most plausibly in, falling back to latin-1; refuse binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise_newlines(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise _UnreadableError(f"not a text document (binary data): {shown}") from None
    if b"\x00" in data[:_BINARY_PROBE]:
        raise _UnreadableError(f"not a text document (binary data): {shown}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text: str
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decoded_legacy(data, declared)
    if _mostly_control(text):
        raise _UnreadableError(f"not a text document (binary data): {shown}")
    return _normalise_newlines(text)


def _decoded_legacy(data: bytes, declared: str | None) -> str:
    """Bytes that are not UTF-8: in the declared encoding when it fits them, else the legacy
    encoding they read most plausibly in (``briefing.legacy_text``), else latin-1 (which
    decodes anything)."""
    for encoding in (declared, guess_legacy_encoding(data)):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return data.decode("latin-1")


def _mostly_control(text: str) -> bool:
    """Binary data decoded as latin-1 is full of control characters; text almost never is."""
    if not text:
        return False
    controls = len(_CONTROL_CHARS.findall(text))
    return controls / len(text) > _CONTROL_SHARE_MAX


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


# --------------------------------------------------------------------------- pdf


def _parse_pdf(
    data: bytes, shown: str, stem: str, read: Callable[[bytes, str], PdfText] = read_pdf
) -> _RawDoc:
    """A PDF's (or, with ``read_page_images``, a picture's) paragraphs, title and page
    starts; any failure to read it is one line."""
    try:
        pdf = read(data, shown)
    except SourceError as exc:
        raise _UnreadableError(str(exc)) from None
    return _RawDoc(
        path=shown,
        text=pdf.text,
        fallback_title=stem,
        title=pdf.title,
        page_starts=pdf.page_starts,
        dropped=pdf.dropped,
        ocr_pages=pdf.ocr_pages or None,
    )


def _parse_office(
    data: bytes,
    shown: str,
    stem: str,
    read: Callable[[bytes, str], DocxText | DocText | OdtText | RtfText | PptxText | EpubText],
) -> _RawDoc:
    """A Word, OpenDocument, RTF, PowerPoint or EPUB document's paragraphs and title (a
    deck's slides as pages; a book's publisher and date); any failure to read it is one
    line."""
    try:
        document = read(data, shown)
    except SourceError as exc:
        raise _UnreadableError(str(exc)) from None
    book = document if isinstance(document, EpubText) else None
    return _RawDoc(
        path=shown,
        text=document.text,
        fallback_title=stem,
        title=document.title,
        page_starts=document.page_starts if isinstance(document, PptxText) else None,
        outlet=book.outlet if book else None,
        published=book.published if book else None,
    )


# --------------------------------------------------------------------------- e-mail

# Attached messages and archives are read this many levels deep (a forward of a forward
# of ..., a zip in a zip).
_NESTING_MAX = 5
# A body this short beside attachments that say more is a covering note ("Please find our
# statement attached"), not a source; beside a logo's few words it is the statement.
_COVER_NOTE_WORDS = 40
_REASON_FORWARD = "forwarding note above the forwarded message"
_REASON_QUOTED = "earlier message quoted in the e-mail"
_REASON_SIGNATURE = "e-mail signature"


def _mail_sources(
    data: bytes,
    shown: str,
    stem: str,
    depth: int,
    read: Callable[[bytes, str], MailText],
) -> list[Source]:
    """An e-mail's sources (an .eml's or an Outlook .msg's, as ``read`` reads it)."""
    try:
        mail = read(data, shown)
    except SourceError as exc:
        raise _UnreadableError(str(exc)) from None
    return _message_sources(mail, shown, stem, depth)


def _message_sources(mail: MailText, shown: str, stem: str, depth: int) -> list[Source]:
    """A message's sources: its body (the forwarded message when it forwards one), then each
    attachment briefing reads, named ``shown#file name``, its outlet and date the message's
    where it has none of its own. An attachment that cannot be read is skipped with a
    warning, as a stray file in a folder is."""
    attached: list[Source] = []
    for attachment in mail.attachments:
        name = f"{shown}#{attachment.name}"
        if attachment.message is not None:
            attached.extend(_attached_message(attachment.message, attachment.name, name, depth))
            continue
        if attachment.unread:
            log.warning("skipping %s: %s", name, attachment.unread)
            continue
        suffix = Path(attachment.name).suffix.lower()
        if suffix not in DOCUMENT_EXTENSIONS | _NOT_READ.keys() and not is_pdf(attachment.data):
            log.info("skipping %s: not a document type briefing reads", name)
            continue
        attached.extend(_inner_sources(attachment.data, attachment.name, name, depth))
    body = _mail_body(mail, shown, stem)
    # An attachment with no outlet or date of its own is the message's: its sender sent it,
    # that day (the original's, for a forward).
    outlet, published = (body.outlet, body.published) if body is not None else (None, None)
    outlet, published = outlet or mail.sender, published or mail.sent
    attached = [
        source.model_copy(
            update={"outlet": source.outlet or outlet, "published": source.published or published}
        )
        for source in attached
    ]
    body_words = len(body.text.split()) if body is not None else 0
    attached_words = sum(len(source.text.split()) for source in attached)
    if body is not None and body_words < _COVER_NOTE_WORDS and attached_words > body_words:
        log.info("reading the attachments of %s; its short covering note is not a source", shown)
        body = None
    elif body is not None and mail.certified and attached:
        log.info("reading the message %s carries; its certified-mail notice is not a source", shown)
        body = None
    sources = attached
    if body is not None:
        try:
            sources = [_finish(body), *attached]
        except _UnreadableError:
            if not attached:
                raise
    if not sources:
        raise _UnreadableError(f"e-mail has no text and no readable attachment: {shown}")
    return sources


def _attached_message(mail: MailText, file_name: str, shown: str, depth: int) -> list[Source]:
    """The sources of a message attached already read (Outlook's), as ``_inner_sources``
    gives an attached file's: nesting bounded, a failure warned about."""
    if depth >= _NESTING_MAX:
        log.warning("skipping %s: nested more than %d deep", shown, depth)
        return []
    try:
        return _message_sources(mail, shown, Path(file_name).stem, depth + 1)
    except SourceError as exc:
        log.warning("skipping %s", exc)
        return []


def _inner_sources(data: bytes, file_name: str, shown: str, depth: int) -> list[Source]:
    """The sources of a file attached to an e-mail or packed in a zip, named ``shown``; a
    format briefing does not read, a container nested too deep, or a file that cannot be
    read gives none, with a warning, so one bad file does not sink the rest."""
    path = Path(file_name)
    suffix = path.suffix.lower()
    if suffix in _NOT_READ:
        log.warning("skipping %s: %s", shown, _NOT_READ[suffix])
        return []
    containers = MAIL_EXTENSIONS | OUTLOOK_EXTENSIONS | MBOX_EXTENSIONS | ZIP_EXTENSIONS
    if suffix in containers and depth >= _NESTING_MAX:
        log.warning("skipping %s: nested more than %d deep", shown, depth)
        return []
    try:
        return _parse_file(data, path, shown, depth + 1)
    except SourceError as exc:
        log.warning("skipping %s", exc)
        return []


def _mailbox_sources(data: bytes, shown: str, depth: int) -> list[Source]:
    """The sources of each message in a mailbox (an .mbox export, a mail program's folder
    file), in order; the messages are named ``shown#1``, ``shown#2``, ... and one that
    cannot be read is skipped with a warning."""
    messages = mbox_messages(data)
    if messages is None:
        raise _UnreadableError(f"cannot read mailbox: {shown} (not an mbox file)")
    sources: list[Source] = []
    for number, message in enumerate(messages, start=1):
        name = f"{shown}#{number}"
        try:
            sources.extend(_mail_sources(message, name, name, depth + 1, read_mail))
        except SourceError as exc:
            log.warning("skipping %s", exc)
    if not sources:
        raise _UnreadableError(f"no readable message in mailbox: {shown}")
    return sources


def _mail_body(mail: MailText, shown: str, stem: str) -> _RawDoc | None:
    """The body as a document: the plain text, or the HTML when the plain text is missing
    or a stub ("view this message in a browser"); a forwarded message inside it unwrapped,
    with its own sender, date and subject; earlier messages a reply quotes and the signature
    set aside."""
    html = _parse_html(mail.html, shown, stem).text if mail.html else ""
    plain = _normalise_newlines(mail.plain or "")
    text = html if len(plain.split()) * 2 < len(html.split()) else plain
    if not text.strip():
        return None
    subject, sender, sent = mail.subject, mail.sender, mail.sent
    dropped: list[DroppedText] = []
    # A reply's own words are the source: what it quotes below them is set aside, and is no
    # forward to unwrap.
    forward = None if mail.reply else unwrap_forward(text, forwarded_subject=mail.forwarded)
    if forward is not None:
        text = forward.text
        subject, sender, sent = (
            forward.subject or subject,
            forward.sender or sender,
            forward.sent or sent,
        )
        if forward.note:
            dropped.append(DroppedText(text=forward.note, reason=_REASON_FORWARD))
    text, quotations = split_quoted(text, reply_subject=mail.reply)
    dropped.extend(DroppedText(text=quoted, reason=_REASON_QUOTED) for quoted in quotations)
    text, signature = split_signature(text)
    if signature:
        dropped.append(DroppedText(text=signature, reason=_REASON_SIGNATURE))
    if not text.strip():
        return None
    return _RawDoc(
        path=shown,
        text=text,
        fallback_title=stem,
        title=subject,
        outlet=sender,
        published=sent,
        dropped=dropped,
    )


# --------------------------------------------------------------------------- zip

# The members read may unpack to this much at most; a zip bomb is refused before inflating.
_ZIP_MAX_UNPACKED = 200_000_000
_ZIP_MAX_MEMBERS = 1000


def _zip_sources(data: bytes, shown: str, depth: int) -> list[Source]:
    """The documents in a zip archive (a press pack), read as a folder's are: in name order,
    pictures left out, each named ``shown#member``; one that cannot be read is skipped with
    a warning."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except UNREADABLE_MEMBER:
        raise _UnreadableError(f"cannot read zip archive: {shown} (damaged or not a zip)") from None
    with archive:
        members = sorted(
            (info for info in archive.infolist() if _zip_document(info)),
            key=lambda info: info.filename,
        )
        if len(members) > _ZIP_MAX_MEMBERS:
            raise SourceError(f"cannot read zip archive: {shown} (more than 1,000 documents)")
        if sum(info.file_size for info in members) > _ZIP_MAX_UNPACKED:
            raise SourceError(f"cannot read zip archive: {shown} (too large when unpacked)")
        sources: list[Source] = []
        for info in members:
            name = f"{shown}#{info.filename}"
            if info.flag_bits & 0x1:
                log.warning("skipping %s: password-protected", name)
                continue
            try:
                member = archive.read(info)
            except UNREADABLE_MEMBER:
                log.warning("skipping %s: damaged in the archive", name)
                continue
            sources.extend(_inner_sources(member, info.filename, name, depth))
    if not sources:
        raise _UnreadableError(f"no readable documents in zip archive: {shown}")
    return sources


def _zip_document(info: zipfile.ZipInfo) -> bool:
    """A member to read: a file with a document extension (or one briefing names as not
    read), not a picture, not hidden, not the resource forks macOS adds."""
    parts = PurePosixPath(info.filename).parts
    if info.is_dir() or not parts or any(part.startswith((".", "__MACOSX")) for part in parts):
        return False
    suffix = PurePosixPath(info.filename).suffix.lower()
    return suffix in (DOCUMENT_EXTENSIONS - IMAGE_EXTENSIONS) or suffix in _NOT_READ


# --------------------------------------------------------------------------- markdown

_FRONT_KEYS = {
    "title": "title",
    "outlet": "outlet",
    "publisher": "outlet",
    "source": "outlet",
    "author": "author",
    "byline": "author",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
}
_FRONT_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$")
_MD_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _parse_markdown(text: str, shown: str, stem: str) -> _RawDoc:
    """Split off simple ``key: value`` front matter; the body's inline marks are read as its
    reader sees them (``briefing.markdown``), its blocks stay as written."""
    meta: dict[str, str] = {}
    body = text
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                meta = _front_matter(lines[1:end])
                body = "\n".join(lines[end + 1 :])
                break
    body = markdown_text(body)
    title = meta.get("title")
    if not title:
        heading = _MD_HEADING.search(body)
        if heading:
            title = heading.group(1)
        else:
            first = _first_line(body)
            title = first[:_MD_TITLE_MAX].rstrip() if first else None
    return _RawDoc(
        path=shown,
        text=body,
        fallback_title=stem,
        title=title,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        published=meta.get("published"),
    )


def _front_matter(lines: list[str]) -> dict[str, str]:
    """Parse ``key: value`` lines by hand; unknown keys and other YAML are ignored."""
    meta: dict[str, str] = {}
    for line in lines:
        match = _FRONT_LINE.match(line.strip())
        if not match:
            continue
        key = _FRONT_KEYS.get(match.group(1).lower())
        value = _unquote(match.group(2).strip())
        if key and value and key not in meta:
            meta[key] = value
    return meta


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


# --------------------------------------------------------------------------- html


def _parse_html(text: str, shown: str, stem: str) -> _RawDoc:
    """A saved web page's article text and metadata (see ``briefing.html_page``)."""
    page = read_html(text)
    return _RawDoc(
        path=shown,
        text="\n\n".join(page.paragraphs),
        fallback_title=stem,
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        author=page.author,
        published=page.published,
    )


def _parse_saved_page(
    data: bytes, shown: str, stem: str, read: Callable[[bytes, str], SavedPage]
) -> _RawDoc:
    """A page saved as one file (.mhtml, .webarchive): its HTML read as a saved .html page
    is, with the address it was saved from when the page does not name its own."""
    try:
        page = read(data, shown)
    except SourceError as exc:
        raise _UnreadableError(str(exc)) from None
    doc = _parse_html(page.html, shown, stem)
    doc.url = doc.url or page.url
    return doc


# --------------------------------------------------------------------------- json


def _json_records(text: str, shown: str) -> list[Any]:
    """One object or a list of objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"invalid JSON in {shown}: {exc.msg} (line {exc.lineno})") from None
    except RecursionError:
        raise SourceError(f"invalid JSON in {shown}: nested too deep") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise _UnreadableError(f"source is empty: {shown}")
    return records


def _jsonl_records(text: str, shown: str) -> list[Any]:
    """One JSON object per non-blank line."""
    records: list[Any] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise SourceError(f"invalid JSON in {shown} line {lineno}: {exc.msg}") from None
        except RecursionError:
            raise SourceError(f"invalid JSON in {shown} line {lineno}: nested too deep") from None
    if not records:
        raise _UnreadableError(f"source is empty: {shown}")
    return records


def _parse_json_records(
    records: list[Any], shown: str, stem: str, numbers: list[int] | None = None
) -> list[_RawDoc]:
    """Each record needs ``text``; ``title``, ``url``, ``outlet``, ``author``, ``published`` are
    optional. A record is named by its number (``shown#3``): its place, or its row in
    ``numbers``."""
    several = len(records) > 1
    docs: list[_RawDoc] = []
    for number, record in zip(numbers or range(1, len(records) + 1), records):
        if not isinstance(record, dict):
            raise SourceError(f"record {number} in {shown} is not a JSON object")
        body = record.get("text")
        if not isinstance(body, str):
            raise SourceError(f'record {number} in {shown} has no "text" field')
        path = f"{shown}#{number}" if several else shown
        if not body.strip():
            raise SourceError(f"source is empty: {path}")
        docs.append(
            _RawDoc(
                path=path,
                text=_normalise_newlines(body),
                fallback_title=f"{stem} #{number}" if several else stem,
                title=_string(record, "title"),
                url=_string(record, "url"),
                outlet=_string(record, "outlet"),
                author=_author(record),
                published=_string(record, "published") or _string(record, "date"),
                given_as_text=True,
            )
        )
    return docs


def _parse_sheet(rows: list[list[str]], shown: str, stem: str) -> list[_RawDoc]:
    """A spreadsheet whose header names a ``text`` column: each row with text a record, named
    by its row number (``responses.csv#12``, the header not counted); a row without text (a
    response left blank) is skipped. A questionnaire's export (``spreadsheet.questionnaire``):
    each response a record, its written answers its text, a paragraph each, its respondent its
    author. Any other sheet: one source, a row a paragraph, cells joined by " | "."""
    if not rows:
        raise _UnreadableError(f"source is empty: {shown}")
    columns = record_columns(rows[0])
    form = questionnaire(rows) if columns is None else None
    if columns is not None:
        records = [
            (number, {field: row[i] for field, i in columns.items() if i < len(row)})
            for number, row in enumerate(rows[1:], start=1)
        ]
        empty = f"spreadsheet has no text in its column {rows[0][columns['text']]!r}: {shown}"
    elif form is not None:
        records = [(number, _response(row, form)) for number, row in enumerate(rows[1:], start=1)]
        empty = f"spreadsheet has no written answers: {shown}"
    else:
        table = "\n\n".join(" | ".join(squash(cell) for cell in row) for row in rows)
        return [_RawDoc(path=shown, text=table, fallback_title=stem)]
    kept = [(number, record) for number, record in records if record.get("text", "").strip()]
    if len(kept) < len(records):
        blank = sorted({number for number, _ in records} - {number for number, _ in kept})
        more = ", ..." if len(blank) > 20 else ""
        log.info(
            "%s: rows with no text skipped: %s%s", shown, ", ".join(map(str, blank[:20])), more
        )
    if not kept:
        raise _UnreadableError(empty)
    return _parse_json_records([r for _, r in kept], shown, stem, [n for n, _ in kept])


def _response(row: list[str], form: Questionnaire) -> dict[str, str]:
    """One questionnaire response as a record: its written answers, a paragraph each."""
    record = {field: row[i] for field, i in form.fields.items() if i < len(row)}
    record["text"] = "\n\n".join(row[i] for i in form.answers if i < len(row) and row[i].strip())
    who = next((row[i] for i in form.respondent if i < len(row) and row[i].strip()), None)
    if who:
        record["author"] = who
    return record


def _parse_workbook(
    sheets: list[tuple[str, list[list[str]]]], shown: str, stem: str
) -> list[_RawDoc]:
    """A workbook's sheets, each read as a spreadsheet is (``_parse_sheet``); of several,
    each is named after its sheet (``book.xlsx#Responses``, ``book.xlsx#Responses#3``)."""
    if not sheets:
        raise _UnreadableError(f"spreadsheet has no text: {shown}")
    if len(sheets) == 1:
        return _parse_sheet(sheets[0][1], shown, stem)
    docs: list[_RawDoc] = []
    for name, rows in sheets:
        try:
            docs += _parse_sheet(rows, f"{shown}#{name}", f"{stem} {name}")
        except SourceError as exc:
            log.warning("skipping %s", exc)
    if not docs:
        raise _UnreadableError(f"spreadsheet has no text: {shown}")
    return docs


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _author(record: dict[str, Any]) -> str | None:
    """A record's ``author`` (or ``authors``, ``byline``): a name, or a list of names, read
    as "A, B and C"."""
    for key in ("author", "authors", "byline"):
        value = record.get(key)
        given: list[Any] = value if isinstance(value, list) else [value]
        names = [name.strip() for name in given if isinstance(name, str) and name.strip()]
        if names:
            return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return None


# --------------------------------------------------------------------------- finishing


def _finish(doc: _RawDoc) -> Source:
    """Clean the text, pick a title and derive the id from the clean text. Text read from a
    file that is mostly control characters is binary data some reader let through (an
    e-mail or RTF wrapper around noise), whatever format claimed it."""
    text, dropped = clean_text(doc.text)
    dropped = doc.dropped + dropped
    if not text.strip():
        raise _UnreadableError(f"no article text left after cleaning: {doc.path}")
    if not doc.given_as_text and _mostly_control(text):
        raise _UnreadableError(f"not a text document (binary data): {doc.path}")
    title = doc.title or _text_title(text) or doc.fallback_title
    return Source(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:_ID_HEX],
        path=doc.path,
        url=doc.url,
        title=squash(title),
        outlet=doc.outlet,
        author=squash(doc.author) if doc.author else None,
        published=doc.published,
        text=text,
        dropped=dropped,
        page_starts=_page_starts_after_cleaning(doc, text),
        ocr_pages=doc.ocr_pages,
    )


def _page_starts_after_cleaning(doc: _RawDoc, text: str) -> list[int] | None:
    """Move page starts from the raw text onto the clean one.

    Cleaning only drops whole paragraphs and lines, so a page's first words are found in
    order, no further back than all that was dropped and no further on than in the raw text
    (an earlier copy of a dropped paragraph is not taken for them). A page whose first
    paragraph was dropped starts where its next paragraph is found; one with nothing left
    starts where the next page does.
    """
    if not doc.page_starts or text == doc.text:
        return doc.page_starts
    removed = len(doc.text) - len(text)
    ends = [*doc.page_starts[1:], len(doc.text)]
    found: list[int | None] = []
    cursor = 0
    for start, end in zip(doc.page_starts, ends, strict=True):
        at = None
        for candidate in _paragraph_starts(doc.text, start, end):
            anchor = doc.text[candidate : candidate + _PAGE_ANCHOR].split("\n\n")[0]
            earliest = max(cursor, candidate - removed)
            position = text.find(anchor, earliest, candidate + len(anchor))
            if anchor.strip() and position >= 0:
                at = cursor = position
                break
        found.append(at)
    starts: list[int] = []
    following = len(text)
    for page_start in reversed(found):
        following = page_start if page_start is not None else following
        starts.append(following)
    return starts[::-1]


def _paragraph_starts(text: str, start: int, end: int) -> Iterator[int]:
    """``start``, then where each paragraph after it begins, up to ``end``."""
    yield start
    at = text.find("\n\n", start, end)
    while at >= 0:
        yield at + 2
        at = text.find("\n\n", at + 2, end)


def _text_title(text: str) -> str | None:
    """The first line, when it reads like a headline: short and not ending in a period."""
    first = _first_line(text)
    if first and len(first) <= _TXT_TITLE_MAX and not first.endswith("."):
        return first
    return None


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None
