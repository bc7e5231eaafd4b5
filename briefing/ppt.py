"""Read a PowerPoint 97-2003 deck (.ppt): each slide's text, then its speaker notes.

Public bodies' archives and mailing lists still hand out decks in the binary format that
PowerPoint wrote until 2007 ([MS-PPT]). The deck is a compound file (``briefing.cfb``)
whose "PowerPoint Document" stream is a tree of records, saved in pieces: every save adds a
user edit that points to the one before, and each edit's persist directory says where
records lie, a later save's word overriding an earlier one's. Reading starts from the
last edit (named by the "Current User" stream) and follows only what it points to, so
text a later save replaced is never read.

The document record's slide list gives the slides in the deck's order. A slide's text is in
its drawing, shape by shape in the order drawn (groups opened, a table a row a line): a
text box holds its own characters, a placeholder (title, body) often points to the text the
slide list keeps for it. The master's placeholders (date, slide number, footer, header), the
masters themselves and hidden slides are not the slide's text and are left out, as are the
marks fields leave in text. The speaker notes follow their slide. Each slide is a page of
the source, hidden ones counted, so a quote's note names the slide number PowerPoint shows.
PowerPoint 95's own format is not read, but its files keep their text in a stream of its own
as plain 8-bit text, which is.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from briefing.cfb import (
    CompoundFile,
    CompoundFileError,
    is_compound_file,
    legacy_text_codec,
    summary_title,
)
from briefing.errors import SourceError
from briefing.package import SYMBOL_GLYPHS, usable_title
from briefing.pptx import PptxText, deck_text

__all__ = ["read_ppt"]

_KIND = "PowerPoint 97-2003 deck"
_DOCUMENT_STREAM, _CURRENT_USER = "PowerPoint Document", "Current User"
# A deck PowerPoint 95 saved "for PowerPoint 95 and 97" keeps the 97 deck in this storage.
_DUAL_STORAGE = "PP97_DUALSTORAGE"
# PowerPoint 95's own format is not read; its deck keeps its text in this stream, as plain
# text in the Windows code page, and that is read. (PowerPoint 4's has neither.)
_PP95_TEXT, _PP95_STREAMS, _PP4_STREAM = (
    "Text_Content",
    ("Header", "PersistentStorage Directory"),
    "PP40",
)
_HEADER = struct.Struct("<HHI")
# Record types ([MS-PPT] 2.13.24 RecordTypeEnum; [MS-ODRAW] for the drawing's).
_DOCUMENT = 0x03E8
_SLIDE, _SLIDE_ATOM, _SLIDE_SHOW_INFO = 0x03EE, 0x03EF, 0x03F9
_NOTES = 0x03F0
_SLIDE_LIST, _SLIDE_PERSIST = 0x0FF0, 0x03F3
_DRAWING = 0x040C
_USER_EDIT, _PERSIST_DIRECTORY, _CRYPT_SESSION = 0x0FF5, 0x1772, 0x2F14
_TEXT_HEADER, _TEXT_CHARS, _TEXT_BYTES, _OUTLINE_TEXT_REF = 0x0F9F, 0x0FA0, 0x0FA8, 0x0F9E
# A shape's placeholder type: in the PlaceholderAtom, or (PowerPoint 2007 and later, for a
# slide's date, number, footer and header) the RoundTripHFPlaceholder12Atom.
_PLACEHOLDER, _HEADER_FOOTER_PLACEHOLDER = 0x0BC3, 0x0420
_GROUP, _SHAPE = 0xF003, 0xF004
_SHAPE_HEADER, _CHILD_ANCHOR, _CLIENT_DATA, _CLIENT_TEXTBOX = 0xF00A, 0xF00F, 0xF011, 0xF00D
_TERTIARY_OPTIONS = 0xF122
_TABLE_PROPERTY = 0x039F
# Atoms that mark a field's place in a text box's characters (date, header, footer, slide
# number); the character there is a stand-in ("*"), not text.
_FIELD_ATOMS = frozenset({0x0FF7, 0x0FF8, 0x0FF9, 0x0FFA, 0x0FD8, 0x1018})
_SLIDE_LISTS, _NOTES_LISTS = 0, 2  # the slide list's record instance
_HIDDEN = 0x0004  # SlideShowSlideInfoAtom flag
_RECTANGLE = 1  # a shape type: a table's cell (its borders are lines)
# Placeholders a master fills in (date, slide number, footer, header) and the notes page's
# picture of its slide: not the slide's own text.
_FURNITURE = frozenset({0x05, 0x07, 0x08, 0x09, 0x0A, 0x0B})
_TITLE_PLACEHOLDERS = frozenset({0x01, 0x03, 0x0D, 0x0F, 0x11})
_TITLE_TEXT_TYPES = frozenset({0, 6})  # TextHeaderAtom: title, centre title
_HEADER_TOKEN, _ENCRYPTED_TOKEN = 0xE391C05F, 0xF3D1C4DF
_FILE_VERSION = 0x03F4
_EDITS_MAX = 10_000  # saves in one file; more is a loop
_DEPTH_MAX = 32  # groups in groups
# Control characters; and symbol fonts' glyphs (``package.SYMBOL_GLYPHS``), pictures to a
# reader.
_DROPPED = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]|" + SYMBOL_GLYPHS.pattern)
_SPACES = str.maketrans("\x0b\t\n", "   ")  # a line break, a tab: spaces in a paragraph


@dataclass(frozen=True)
class _Record:
    kind: int
    instance: int
    start: int  # of the body
    end: int
    container: bool


@dataclass
class _Listed:
    """A slide (or notes page) as the slide list names it: where its record lies, its id,
    and the placeholder texts the list holds for it."""

    persist: int
    slide_id: int
    texts: list[tuple[str, int]] = field(default_factory=list)  # (text, text type)
    shown: set[int] = field(default_factory=set)  # the texts a shape has shown


class _Damaged(Exception):
    """The stream's records do not hold together."""


class _Unreadable(Exception):
    """A reason the deck cannot be read that its reader can act on."""


def read_ppt(data: bytes, shown: str) -> PptxText:
    """Read a .ppt; ``SourceError`` naming ``shown`` and the reason when it cannot be read."""
    if not is_compound_file(data):
        raise SourceError(f"cannot read {_KIND}: {shown} (not a PowerPoint 97-2003 file)")
    try:
        compound = CompoundFile(data)
        slides, title = _read(compound)
    except _Unreadable as exc:
        raise SourceError(f"cannot read {_KIND}: {shown} ({exc})") from None
    except (_Damaged, CompoundFileError, KeyError, struct.error, IndexError, ValueError):
        raise SourceError(f"cannot read {_KIND}: {shown} (damaged)") from None
    return deck_text(slides, title, _KIND, shown)


def _read(compound: CompoundFile) -> tuple[list[list[str]], str | None]:
    """Each slide's paragraphs (its notes after them; none for a hidden slide), and the
    deck's title: the summary properties', else the first slide title's."""
    title = usable_title(summary_title(compound) or "")
    base = f"{_DUAL_STORAGE}/" if compound.is_stream(f"{_DUAL_STORAGE}/{_DOCUMENT_STREAM}") else ""
    if not base and all(compound.exists(name) for name in _PP95_STREAMS):
        return _powerpoint_95(compound), title
    if not compound.is_stream(base + _DOCUMENT_STREAM):
        if compound.exists(_PP4_STREAM):
            raise _Unreadable("PowerPoint 4 or older; save it as .pptx or PDF")
        raise _Unreadable("not a PowerPoint deck")
    stream = compound.read(base + _DOCUMENT_STREAM)
    offsets, document_ref = _persist_directory(stream, _current_edit(compound, base, stream))
    document = _record_at(stream, offsets, document_ref, _DOCUMENT)
    lists = {
        record.instance: _slide_list(stream, record)
        for record in _children(stream, document)
        if record.kind == _SLIDE_LIST
    }
    notes_pages = {listed.slide_id: listed for listed in lists.get(_NOTES_LISTS, [])}
    slides: list[list[str]] = []
    first_title: str | None = None
    # Each slide and notes page is read once, and a deck has no more characters than its
    # stream has bytes: a file that lists one record again and again (by one persist id or
    # many) would otherwise make a little text a great deal.
    read: set[int] = set()
    budget = len(stream)
    for listed in lists.get(_SLIDE_LISTS, []):
        slide = _record_at(stream, offsets, listed.persist, _SLIDE)
        if slide.start in read:
            raise _Damaged
        read.add(slide.start)
        notes_id, hidden = _slide_atoms(stream, slide)
        if hidden:
            slides.append([])
            continue
        texts, heading = _drawing_text(stream, slide, listed)
        notes = notes_pages.get(notes_id) if notes_id else None
        if notes is not None and notes.persist in offsets:
            page = _record_at(stream, offsets, notes.persist, _NOTES)
            if page.start not in read:
                read.add(page.start)
                texts.extend(_drawing_text(stream, page, notes)[0])
        budget -= sum(len(text) for text in texts)
        if budget < 0:
            raise _Damaged
        slides.append(texts)
        first_title = first_title or heading
    return slides, title or first_title


def _powerpoint_95(compound: CompoundFile) -> list[list[str]]:
    """A PowerPoint 95 deck's text, from the plain text it keeps beside its slides: one
    page, a paragraph a line."""
    if not compound.is_stream(_PP95_TEXT):
        raise _Unreadable("PowerPoint 95 with no text kept; save it as .pptx or PDF")
    raw = compound.read(_PP95_TEXT)
    return [_paragraphs(raw.decode(legacy_text_codec(compound, raw), "replace"))]


# ---------------------------------------------------------------------- records


def _records(stream: bytes, start: int, end: int) -> Iterator[_Record]:
    """The records laid end to end from ``start`` to ``end``."""
    at = start
    while at + _HEADER.size <= end:
        head, kind, size = _HEADER.unpack_from(stream, at)
        body = at + _HEADER.size
        if body + size > end:
            raise _Damaged
        yield _Record(kind, head >> 4, body, body + size, head & 0xF == 0xF)
        at = body + size


def _children(stream: bytes, record: _Record) -> Iterator[_Record]:
    return _records(stream, record.start, record.end) if record.container else iter(())


def _record(stream: bytes, at: int, kind: int) -> _Record:
    """The record at offset ``at``, which must be of type ``kind``."""
    if not 0 <= at <= len(stream) - _HEADER.size:
        raise _Damaged
    head, found, size = _HEADER.unpack_from(stream, at)
    if found != kind or at + _HEADER.size + size > len(stream):
        raise _Damaged
    return _Record(kind, head >> 4, at + _HEADER.size, at + _HEADER.size + size, head & 0xF == 0xF)


def _record_at(stream: bytes, offsets: dict[int, int], persist: int, kind: int) -> _Record:
    if persist not in offsets:
        raise _Damaged
    return _record(stream, offsets[persist], kind)


# ---------------------------------------------------------------------- saves


def _current_edit(compound: CompoundFile, base: str, stream: bytes) -> int:
    """Where the last save's user edit lies: as the "Current User" stream (in the storage
    ``base``) says, else the last one in the stream (a writer that left it out or wrong)."""
    if compound.is_stream(base + _CURRENT_USER):
        user = compound.read(base + _CURRENT_USER)
        if len(user) >= 24:
            token, offset, _, version = struct.unpack_from("<IIHH", user, 12)
            if token == _ENCRYPTED_TOKEN:
                raise _Unreadable("password-protected")
            if token == _HEADER_TOKEN and version != _FILE_VERSION:
                raise _Unreadable("PowerPoint 95 or older; save it as .pptx or PDF")
            if token == _HEADER_TOKEN and _is_record(stream, offset, _USER_EDIT):
                return int(offset)
    last = None
    for record in _records(stream, 0, len(stream)):
        if record.kind == _USER_EDIT:
            last = record.start - _HEADER.size
    if last is None:
        raise _Damaged
    return last


def _is_record(stream: bytes, at: int, kind: int) -> bool:
    try:
        _record(stream, at, kind)
    except _Damaged:
        return False
    return True


def _persist_directory(stream: bytes, edit_at: int) -> tuple[dict[int, int], int]:
    """Where each persisted record lies, every save's directory applied from the first to
    the last; and the document record's persist id, as the last save names it."""
    directories: list[int] = []
    document_ref = crypt_ref = None
    seen: set[int] = set()
    at = edit_at
    while True:
        if at in seen or len(seen) >= _EDITS_MAX:
            raise _Damaged
        seen.add(at)
        edit = _record(stream, at, _USER_EDIT)
        last_edit, directory, reference = struct.unpack_from("<III", stream, edit.start + 8)
        directories.append(directory)
        if document_ref is None:
            document_ref = reference
            if edit.end - edit.start >= 32:  # an encrypted deck names its session here
                (crypt_ref,) = struct.unpack_from("<I", stream, edit.start + 28)
        if last_edit == 0:
            break
        at = last_edit
    offsets: dict[int, int] = {}
    for directory in reversed(directories):
        record = _record(stream, directory, _PERSIST_DIRECTORY)
        at = record.start
        while at + 4 <= record.end:
            (entry,) = struct.unpack_from("<I", stream, at)
            first, count = entry & 0xFFFFF, entry >> 20
            if at + 4 + 4 * count > record.end:
                raise _Damaged
            for index, offset in enumerate(struct.unpack_from(f"<{count}I", stream, at + 4)):
                offsets[first + index] = offset
            at += 4 + 4 * count
    assert document_ref is not None
    if crypt_ref in offsets and _is_record(stream, offsets[crypt_ref], _CRYPT_SESSION):
        raise _Unreadable("password-protected")
    return offsets, document_ref


# ---------------------------------------------------------------------- slides


def _slide_list(stream: bytes, record: _Record) -> list[_Listed]:
    """The slides a slide list names, in order, each with the texts it holds for them (a
    text header begins each; the characters follow it)."""
    listed: list[_Listed] = []
    for child in _children(stream, record):
        if child.kind == _SLIDE_PERSIST:
            persist, _, _, slide_id = struct.unpack_from("<IIII", stream, child.start)
            listed.append(_Listed(persist, slide_id))
        elif listed and child.kind == _TEXT_HEADER:
            (text_type,) = struct.unpack_from("<I", stream, child.start)
            listed[-1].texts.append(("", text_type))
        elif listed and listed[-1].texts and child.kind in (_TEXT_CHARS, _TEXT_BYTES):
            listed[-1].texts[-1] = (_characters(stream, child), listed[-1].texts[-1][1])
    return listed


def _slide_atoms(stream: bytes, slide: _Record) -> tuple[int, bool]:
    """A slide's notes page id (0 for none) and whether it is hidden."""
    notes_id, hidden = 0, False
    for child in _children(stream, slide):
        if child.kind == _SLIDE_ATOM:
            (notes_id,) = struct.unpack_from("<I", stream, child.start + 16)
        elif child.kind == _SLIDE_SHOW_INFO:
            (flags,) = struct.unpack_from("<H", stream, child.start + 10)
            hidden = bool(flags & _HIDDEN)
    return notes_id, hidden


def _drawing_text(stream: bytes, page: _Record, listed: _Listed) -> tuple[list[str], str | None]:
    """The paragraphs of a slide's or notes page's shapes in the order drawn, and the first
    title among them. Outline texts the slide list holds for the page that no shape shows
    (a writer that kept them only there) are read too: first when no shape showed any,
    else after the shapes."""
    found: list[tuple[str, bool]] = []
    for drawing in _children(stream, page):
        if drawing.kind == _DRAWING:
            found.extend(_shapes(stream, drawing, listed, 0))
    unshown = [
        (paragraph, text_type in _TITLE_TEXT_TYPES)
        for index, (text, text_type) in enumerate(listed.texts)
        if index not in listed.shown
        for paragraph in _paragraphs(text)
    ]
    found = found + unshown if listed.shown else unshown + found
    title = next((text for text, is_title in found if is_title), None)
    return [text for text, _ in found], title


def _shapes(
    stream: bytes, container: _Record, listed: _Listed, depth: int
) -> Iterator[tuple[str, bool]]:
    """The paragraphs of the shapes inside ``container``, with whether each is a title."""
    if depth > _DEPTH_MAX:
        raise _Damaged
    for child in _children(stream, container):
        if child.kind == _SHAPE:
            shape = _Shape.read(stream, child, listed)
            if shape.placement not in _FURNITURE:
                for text in shape.paragraphs:
                    yield text, shape.is_title
        elif child.kind == _GROUP and _is_table(stream, child):
            for row in _table_rows(stream, child, listed):
                yield row, False
        elif child.container:
            yield from _shapes(stream, child, listed, depth + 1)


@dataclass(frozen=True)
class _Shape:
    """What a shape says: its paragraphs, placeholder type, type, and where it lies in its
    group (for a table's cells)."""

    paragraphs: list[str]
    placement: int | None
    is_title: bool
    kind: int
    anchor: tuple[int, int] | None  # (top, left)

    @classmethod
    def read(cls, stream: bytes, shape: _Record, listed: _Listed) -> _Shape:
        placement: int | None = None
        kind = 0
        anchor: tuple[int, int] | None = None
        text, text_type = "", -1
        for part in _children(stream, shape):
            if part.kind == _SHAPE_HEADER:
                kind = part.instance
            elif part.kind == _CHILD_ANCHOR and part.end - part.start >= 16:
                left, top = struct.unpack_from("<ii", stream, part.start)
                anchor = (top, left)
            elif part.kind == _CLIENT_DATA:
                for atom in _children(stream, part):
                    if atom.kind == _PLACEHOLDER and atom.end - atom.start >= 5:
                        placement = stream[atom.start + 4]
                    elif atom.kind == _HEADER_FOOTER_PLACEHOLDER and atom.end > atom.start:
                        placement = stream[atom.start]
            elif part.kind == _CLIENT_TEXTBOX:
                text, text_type = _textbox(stream, part, listed)
        is_title = placement in _TITLE_PLACEHOLDERS or text_type in _TITLE_TEXT_TYPES
        return cls(_paragraphs(text), placement, is_title, kind, anchor)


def _textbox(stream: bytes, textbox: _Record, listed: _Listed) -> tuple[str, int]:
    """A text box's characters, with its fields' stand-in marks taken out, and their text
    type: its own, or the slide list's text it points to."""
    text, text_type = "", -1
    fields: list[int] = []
    for atom in _children(stream, textbox):
        if atom.kind == _TEXT_HEADER:
            (text_type,) = struct.unpack_from("<I", stream, atom.start)
        elif atom.kind in (_TEXT_CHARS, _TEXT_BYTES):
            text = _characters(stream, atom)
        elif atom.kind == _OUTLINE_TEXT_REF:
            (index,) = struct.unpack_from("<I", stream, atom.start)
            if index < len(listed.texts) and index not in listed.shown:  # once, as above
                listed.shown.add(index)
                text, text_type = listed.texts[index]
        elif atom.kind in _FIELD_ATOMS and atom.end - atom.start >= 4:
            fields.append(struct.unpack_from("<I", stream, atom.start)[0])
    for position in sorted(set(fields), reverse=True):
        if text[position : position + 1] == "*":
            before, after = text[:position], text[position + 1 :]
            if before.endswith(" ") and after.startswith(" "):
                after = after[1:]
            text = before + after
    return text, text_type


def _characters(stream: bytes, atom: _Record) -> str:
    """A text atom's characters: UTF-16, or one byte each (the low byte of each)."""
    raw = stream[atom.start : atom.end]
    if atom.kind == _TEXT_BYTES:
        return raw.decode("latin-1")
    return raw[: len(raw) // 2 * 2].decode("utf-16-le", "replace")


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a text (ended by carriage returns), line breaks and tabs as
    spaces."""
    found = []
    for paragraph in text.split("\r"):
        paragraph = _DROPPED.sub("", paragraph.translate(_SPACES)).strip()
        if paragraph:
            found.append(paragraph)
    return found


def _is_table(stream: bytes, group: _Record) -> bool:
    """Whether a group is a table: its own shape (the first) carries table properties."""
    first = next(_children(stream, group), None)
    if first is None or first.kind != _SHAPE:
        return False
    for part in _children(stream, first):
        if part.kind == _TERTIARY_OPTIONS:
            count = min(part.instance, (part.end - part.start) // 6)
            for index in range(count):
                (opid,) = struct.unpack_from("<H", stream, part.start + 6 * index)
                if opid & 0x3FFF == _TABLE_PROPERTY:
                    return True
    return False


def _table_rows(stream: bytes, group: _Record, listed: _Listed) -> Iterator[str]:
    """A table's rows, a line each: its cells (rectangles in the group) by their place,
    top to bottom, then left to right, the cells of a row joined by " | "."""
    cells: list[tuple[tuple[int, int], str]] = []
    for child in list(_children(stream, group))[1:]:
        if child.kind != _SHAPE:
            continue
        shape = _Shape.read(stream, child, listed)
        if shape.kind == _RECTANGLE and shape.anchor is not None:
            cells.append((shape.anchor, " ".join(shape.paragraphs)))
    cells.sort(key=lambda cell: cell[0])
    row: list[str] = []
    top: int | None = None
    for (cell_top, _), text in cells:
        if row and cell_top != top:
            if any(row):
                yield " | ".join(row)
            row = []
        top = cell_top
        row.append(text)
    if any(row):
        yield " | ".join(row)
