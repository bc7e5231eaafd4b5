"""Read a Word 97-2003 document (.doc) as its reader sees it ([MS-DOC]).

Ministries and parliaments still publish statements as .doc. The file is a compound file
(``briefing.cfb``): the ``WordDocument`` stream holds the characters and the formatting
runs, the table stream (``0Table`` or ``1Table``) the piece table that says where each run of
characters lies and whether it is stored in one byte (Windows-1252) or two (UTF-16).

The text is read in the document's order: the body, then its footnotes and endnotes, then
its text boxes. Headers, footers and comments are left out (they are not the document's
statement), as are the instructions of fields (a link's address, a page number's code; the
result a reader sees stays) and generated tables of contents. Text deleted under tracked
changes and hidden text are left out, as a reader of the final version sees it. Paragraphs
are separated by a blank line; a table's row is one line, its cells joined by " | ", as
the other office readers write them.
"""

from __future__ import annotations

import bisect
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.cfb import (
    CompoundFile,
    CompoundFileError,
    is_compound_file,
    legacy_text_codec,
    summary_title,
)
from briefing.errors import SourceError
from briefing.package import usable_title

__all__ = ["DocText", "read_doc"]

_KIND = "Word 97-2003 document"
_WORD_IDENT = 0xA5EC
_FIRST_WORD_97 = 0x00C1  # nFib of Word 97; Word 6 and 95 files are older and differ
# Word 6 and Word 95 (nFib 101 to 105): their own mark, and where their FIB keeps the text's
# first byte, the stories' lengths and the piece table of a fast-saved file.
_WORD6_IDENT, _WORD6_FIBS = 0xA5DC, range(101, 106)
_WORD6_TEXT_AT, _WORD6_LENGTHS_AT, _WORD6_CLX_AT = 0x18, 0x34, 0x160
_COMPLEX = 0x0004  # fast-saved: the text lies in pieces
_MAC_CHARACTER_SET = 256  # Word 6 for the Mac marks its text's character set so
_ENCRYPTED, _WHICH_TABLE, _OBFUSCATED = 0x0100, 0x0200, 0x8000
_COMPRESSED = 0x40000000
# The stories in the order Word stores them one after another, and those a reader of the
# document's statement reads.
_STORIES = ("body", "footnotes", "headers", "macros", "comments", "endnotes", "text boxes")
_STORIES_READ = frozenset({"body", "footnotes", "endnotes", "text boxes"})
_FKP_SIZE = 512
# Character properties that hide a run from the reader: deleted under tracked changes, hidden.
_SPRM_DELETED, _SPRM_HIDDEN = 0x0800, 0x083C
# A symbol font's glyph from Insert Symbol (a Wingdings smiley): the text holds a stand-in
# character ("("), the glyph is in the property; a picture to the reader, not a letter.
_SPRM_SYMBOL = 0x6A09
# A paragraph property that marks a table's row end (the outer table's, a nested table's).
_SPRM_ROW_END, _SPRM_INNER_ROW_END = 0x2417, 0x244C
# Field marks, and the special characters a reader does not see as text.
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_MARK = "\x07"
_PARAGRAPH_ENDS = "\r\x0c\x0e"  # paragraph, page or section, column
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1d\x1f]")
# Fields whose result is a list generated from the document (contents, index, authorities).
_GENERATED_FIELDS = frozenset({"TOC", "INDEX", "TOA"})
_INSTRUCTION_WORD = re.compile(r"\s*([A-Za-z]+)")


@dataclass(frozen=True)
class DocText:
    """A Word 97-2003 document's text, and the title its author set in its properties."""

    text: str
    title: str | None


def read_doc(data: bytes, shown: str) -> DocText:
    """Read a .doc; ``SourceError`` naming ``shown`` and the reason when it cannot be read."""
    if not is_compound_file(data):
        raise SourceError(f"cannot read {_KIND}: {shown} (not a Word 97-2003 file)")
    try:
        compound = CompoundFile(data)
        if not compound.is_stream("WordDocument"):
            raise _Unreadable("not a Word document")
        document = compound.read("WordDocument")
        if _is_word6(document):
            text, stories = _word6_text(document, compound)
        else:
            fib = _Fib.parse(document)
            table = compound.read("1Table" if fib.flags & _WHICH_TABLE else "0Table")
            pieces = _pieces(document, table, fib)
            text = _marked(
                pieces,
                hidden=_hidden_runs(document, table, fib.chpx_table),
                row_ends=_row_end_runs(document, table, fib.papx_table),
            )
            stories = _story_ranges(fib.lengths)
        title = usable_title(summary_title(compound) or "")
    except _Unreadable as exc:
        raise SourceError(f"cannot read {_KIND}: {shown} ({exc})") from None
    except (CompoundFileError, KeyError, struct.error, IndexError, ValueError):
        raise SourceError(f"cannot read {_KIND}: {shown} (damaged)") from None
    parts = [_story_text(text[start:end]) for start, end in stories]
    text = "\n\n".join(part for part in parts if part)
    if not text.strip():
        raise SourceError(f"{_KIND} has no text: {shown}")
    return DocText(text=text, title=title)


class _Unreadable(Exception):
    """A reason the document cannot be read that its reader can act on."""


@dataclass(frozen=True)
class _Fib:
    """What the File Information Block says: flags, story lengths, where the tables lie."""

    flags: int
    lengths: tuple[int, ...]  # of each of _STORIES
    clx: tuple[int, int]
    chpx_table: tuple[int, int]
    papx_table: tuple[int, int]

    @classmethod
    def parse(cls, document: bytes) -> _Fib:
        ident, version = struct.unpack_from("<HH", document, 0)
        if ident != _WORD_IDENT:
            raise _Unreadable("not a Word document")
        if version < _FIRST_WORD_97:
            raise _Unreadable("older than Word 97's format; save it as .docx or PDF")
        (flags,) = struct.unpack_from("<H", document, 0x0A)
        if flags & (_ENCRYPTED | _OBFUSCATED):
            raise _Unreadable("password-protected")
        (words,) = struct.unpack_from("<H", document, 32)
        longs_at = 34 + words * 2
        (longs,) = struct.unpack_from("<H", document, longs_at)
        lengths = struct.unpack_from("<7i", document, longs_at + 2 + 12)
        pairs_at = longs_at + 2 + longs * 4 + 2

        def pair(index: int) -> tuple[int, int]:
            fc, size = struct.unpack_from("<II", document, pairs_at + index * 8)
            return fc, size

        return cls(flags, tuple(max(0, n) for n in lengths), pair(33), pair(12), pair(13))


def _story_ranges(lengths: tuple[int, ...]) -> list[tuple[int, int]]:
    """Character ranges of the stories read: body, footnotes, endnotes, text boxes."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for story, length in zip(_STORIES, lengths):
        if story in _STORIES_READ and length:
            ranges.append((start, start + length))
        start += length
    return ranges


def _is_word6(document: bytes) -> bool:
    ident, version = struct.unpack_from("<HH", document, 0)
    return ident == _WORD6_IDENT and version in _WORD6_FIBS


def _word6_text(document: bytes, compound: CompoundFile) -> tuple[str, list[tuple[int, int]]]:
    """A Word 6 or Word 95 document's marked text and its stories' ranges. Its text is 8-bit
    (``cfb.legacy_text_codec``: the code page its summary names, Windows' or the Mac's, else
    Mac Roman for Word 6 for the Mac, else guessed); in one run, or in pieces when
    fast-saved. Its formatting is not read, so a table's row ends where two cell marks meet
    (the last cell's and the row's own) and hidden text and tracked deletions are read as
    text."""
    (flags,) = struct.unpack_from("<H", document, 0x0A)
    if flags & _ENCRYPTED:
        raise _Unreadable("password-protected")
    lengths = tuple(max(0, n) for n in struct.unpack_from("<7i", document, _WORD6_LENGTHS_AT))
    if flags & _COMPLEX:
        fc, size = struct.unpack_from("<II", document, _WORD6_CLX_AT)
        chunks, total = [], 0
        for (cp_start, cp_end), offset in _piece_table(document, fc, size):
            count = max(0, cp_end - cp_start)
            total += count
            chunk = document[offset : offset + count]
            if total > len(document) or len(chunk) < count:
                raise CompoundFileError("pieces past the end of the document")
            chunks.append(chunk)
        raw = b"".join(chunks)
    else:
        (start,) = struct.unpack_from("<I", document, _WORD6_TEXT_AT)
        raw = document[start : start + sum(lengths)]
    (character_set,) = struct.unpack_from("<H", document, 0x14)
    codec = legacy_text_codec(compound, raw, mac=character_set == _MAC_CHARACTER_SET)
    text = raw.decode(codec, "replace")
    return text.replace(_CELL_MARK * 2, _CELL_MARK + _ROW_END), _story_ranges(lengths)


@dataclass(frozen=True)
class _Piece:
    """A run of the document's characters stored together: its text, one character for each
    stored unit (a byte, or a UTF-16 unit), and where its first unit lies in the file."""

    text: str
    start: int  # file offset of the first character
    width: int  # bytes a character: 1 or 2

    def characters(self, file_start: int, file_end: int) -> tuple[int, int]:
        """The characters of this piece (indexes into ``text``) that lie in a range of file
        offsets."""
        first = max(0, -(-(file_start - self.start) // self.width))
        last = min(len(self.text), -(-(file_end - self.start) // self.width))
        return first, max(first, last)


def _pieces(document: bytes, table: bytes, fib: _Fib) -> list[_Piece]:
    """The document's characters in order, piece by piece (formatting runs are given by
    file offset, so each piece keeps its own)."""
    pieces: list[_Piece] = []
    total = 0
    for (cp_start, cp_end), raw in _piece_table(table, *fib.clx):
        count = max(0, cp_end - cp_start)
        total += count
        if total > len(document):
            # Each character takes a byte at least: pieces that say more overlap, a bomb.
            raise CompoundFileError("pieces longer than the document")
        if raw & _COMPRESSED:
            offset = (raw & ~_COMPRESSED) // 2
            chunk = document[offset : offset + count]
            text = chunk.decode("cp1252", "replace")
            width = 1
        else:
            offset = raw
            chunk = document[offset : offset + 2 * count]
            text = chunk.decode("utf-16-le", "surrogatepass")
            if len(text) != len(chunk) // 2:
                # A character beyond the first plane is two units: keep one character a
                # unit, so that offsets hold; ``_clean`` joins the halves again.
                units = struct.unpack(f"<{len(chunk) // 2}H", chunk[: len(chunk) // 2 * 2])
                text = "".join(map(chr, units))
            width = 2
        if len(text) < count:
            raise CompoundFileError("a piece past the end of the document")
        pieces.append(_Piece(text, offset, width))
    return pieces


def _piece_table(table: bytes, fc: int, size: int) -> list[tuple[tuple[int, int], int]]:
    """The pieces of the Clx: each character range and the raw file offset of its text."""
    clx = table[fc : fc + size]
    position = 0
    while position < len(clx) and clx[position] == 0x01:  # formatting of pieces: skipped
        (skip,) = struct.unpack_from("<h", clx, position + 1)
        position += 3 + max(0, skip)
    if position >= len(clx) or clx[position] != 0x02:
        raise CompoundFileError("no piece table")
    (length,) = struct.unpack_from("<I", clx, position + 1)
    plc = clx[position + 5 : position + 5 + length]
    count = (len(plc) - 4) // 12
    if count <= 0:
        raise CompoundFileError("an empty piece table")
    positions = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for index in range(count):
        (raw,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)
        pieces.append(((positions[index], positions[index + 1]), raw))
    return pieces


def _runs(
    document: bytes, table: bytes, plc: tuple[int, int], paragraphs: bool
) -> Iterator[tuple[int, int, bytes]]:
    """Each formatting run's file offsets and its properties (``grpprl``), from the pages
    (FKPs) that the bin table ``plc`` lists: character runs, or paragraphs' when asked."""
    fc, size = plc
    raw = table[fc : fc + size]
    count = (len(raw) - 4) // 8
    if count <= 0:
        return
    pages = struct.unpack_from(f"<{count}I", raw, 4 * (count + 1))
    for number in pages:
        page = document[(number & 0x3FFFFF) * _FKP_SIZE :][:_FKP_SIZE]
        if len(page) < _FKP_SIZE:
            continue
        runs = page[-1]
        bounds = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for index in range(runs):
            if paragraphs:
                word = page[4 * (runs + 1) + 13 * index]
                grpprl = _papx(page, word * 2) if word else b""
            else:
                word = page[4 * (runs + 1) + index]
                grpprl = page[word * 2 + 1 : word * 2 + 1 + page[word * 2]] if word else b""
            yield bounds[index], bounds[index + 1], grpprl


def _papx(page: bytes, offset: int) -> bytes:
    """A paragraph's properties in its page, after its style number."""
    size = page[offset]
    if size == 0:
        size, offset = page[offset + 1] * 2, offset + 1
    else:
        size = size * 2 - 1
    return page[offset + 1 + 2 : offset + 1 + size]


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """The properties (``sprm`` and operand) of a run, by the operand sizes the sprm states."""
    position = 0
    while position + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, position)
        position += 2
        kind = sprm >> 13
        if kind in (0, 1):
            size = 1
        elif kind in (2, 4, 5):
            size = 2
        elif kind == 3:
            size = 4
        elif kind == 7:
            size = 3
        elif sprm == 0xD608:  # a table's cell definitions: a two-byte length
            if position + 2 > len(grpprl):
                return
            (size,) = struct.unpack_from("<H", grpprl, position)
            position += 1
        else:
            size = grpprl[position] + 1 if position < len(grpprl) else 0
        yield sprm, grpprl[position : position + size]
        position += size


def _hidden_runs(document: bytes, table: bytes, plc: tuple[int, int]) -> list[tuple[int, int]]:
    """File offset ranges of characters deleted under tracked changes, hidden, or standing
    in for a symbol."""
    hidden = []
    for start, end, grpprl in _runs(document, table, plc, paragraphs=False):
        for sprm, operand in _sprms(grpprl):
            if sprm == _SPRM_SYMBOL or (
                sprm in (_SPRM_DELETED, _SPRM_HIDDEN) and operand[:1] in (b"\x01", b"\x81")
            ):
                hidden.append((start, end))
                break
    return hidden


def _row_end_runs(document: bytes, table: bytes, plc: tuple[int, int]) -> list[tuple[int, int]]:
    """File offset ranges of the paragraphs that end a table's row."""
    ends = []
    for start, end, grpprl in _runs(document, table, plc, paragraphs=True):
        for sprm, operand in _sprms(grpprl):
            if sprm in (_SPRM_ROW_END, _SPRM_INNER_ROW_END) and operand[:1] == b"\x01":
                ends.append((start, end))
                break
    return ends


# What a hidden character and a row's end mark become in the marked text: characters Word's
# text never holds (control characters it gives no meaning), dropped or read below.
_HIDDEN, _ROW_END = "\x00", "\x06"
_MARKS = re.compile(r"[\x06\x07\r\x0c\x0e\x13\x14\x15]")


def _marked(
    pieces: list[_Piece], hidden: list[tuple[int, int]], row_ends: list[tuple[int, int]]
) -> str:
    """The document's characters with hidden ones turned to ``_HIDDEN`` and the cell marks
    that end a row to ``_ROW_END``, so that reading them needs no file offsets."""
    hidden_runs, row_end_runs = _Runs(hidden), _Runs(row_ends)
    parts: list[str] = []
    for piece in pieces:
        span = (piece.start, piece.start + len(piece.text) * piece.width)
        hiding, ending = hidden_runs.overlapping(*span), row_end_runs.overlapping(*span)
        if not hiding and not ending:
            parts.append(piece.text)
            continue
        characters = list(piece.text)
        for file_start, file_end in hiding:
            first, last = piece.characters(file_start, file_end)
            characters[first:last] = _HIDDEN * (last - first)
        for file_start, file_end in ending:
            first, last = piece.characters(file_start, file_end)
            for index in range(first, last):
                if characters[index] == _CELL_MARK:
                    characters[index] = _ROW_END
        parts.append("".join(characters))
    return "".join(parts)


class _Runs:
    """Formatting runs (file offset ranges), merged and sorted, to find those in a piece."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._runs = merged
        self._ends = [end for _, end in merged]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        found = []
        for index in range(bisect.bisect_right(self._ends, start), len(self._runs)):
            run = self._runs[index]
            if run[0] >= end:
                break
            found.append(run)
        return found


def _story_text(story: str) -> str:
    """One story's marked characters as a reader sees them: paragraphs and rows, the shown
    results of fields (not their instructions, nor generated contents)."""
    paragraphs: list[str] = []
    row: list[str] = []
    current: list[str] = []
    # Each open field: its instruction so far, whether past its separator, whether shown.
    fields: list[tuple[list[str], bool, bool]] = []
    position = 0
    for mark in _MARKS.finditer(story):
        _take(story[position : mark.start()], fields, current)
        position = mark.end()
        char = mark.group()
        if char == _FIELD_BEGIN:
            fields.append(([], False, True))
        elif char == _FIELD_SEPARATOR and fields:
            instruction = _INSTRUCTION_WORD.match("".join(fields[-1][0]))
            generated = bool(instruction and instruction.group(1).upper() in _GENERATED_FIELDS)
            fields[-1] = (fields[-1][0], True, not generated)
        elif char == _FIELD_END and fields:
            fields.pop()
        elif not _showing(fields):
            continue
        elif char == _CELL_MARK:
            row.append(_clean("".join(current)))
            current = []
        elif char == _ROW_END:
            paragraphs.append(" | ".join(cell for cell in row if cell))
            row, current = [], []
        elif char in _PARAGRAPH_ENDS:
            paragraphs.append(_clean("".join(current)))
            current = []
    _take(story[position:], fields, current)
    paragraphs.append(_clean("".join(current)))
    if row:
        paragraphs.append(" | ".join(cell for cell in row if cell))
    return "\n\n".join(p for p in paragraphs if p)


def _showing(fields: list[tuple[list[str], bool, bool]]) -> bool:
    """Whether text here is seen: outside fields, or in the shown result of each."""
    return all(past and shown for _, past, shown in fields)


def _take(text: str, fields: list[tuple[list[str], bool, bool]], current: list[str]) -> None:
    """Text between marks: a field's instruction, text a reader sees, or neither."""
    if not text:
        return
    if fields and not fields[-1][1]:
        fields[-1][0].append(text)
    elif _showing(fields):
        current.append(text)


def _clean(paragraph: str) -> str:
    paragraph = paragraph.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    paragraph = paragraph.replace("\x0b", "\n").replace("\x1e", "-")
    return _DROPPED.sub("", paragraph).strip()
