"""Read an Excel 97-2003 workbook (.xls): each visible sheet's rows, each cell as Excel shows
it, as ``spreadsheet.read_xlsx`` gives an .xlsx's.

An .xls is a compound file whose ``Workbook`` stream (``Book`` from Excel 5 and 95) is a run
of BIFF records: the workbook's globals (its sheets, shared strings, number formats and cell
styles), then each sheet's cells, found at the offset its ``BOUNDSHEET`` record gives. Text
cells point into the shared string table (``LABELSST``), or hold their text (``LABEL``), or
are a formula's string result (``FORMULA`` then ``STRING``); numbers are ``NUMBER``, ``RK`` and
``MULRK`` (packed), shown by their cell style's number format: a date as its ISO date.

A record holds at most 8,224 bytes: a longer shared string table goes on in ``CONTINUE``
records, and a string cut there goes on after one byte saying whether its characters are one
byte or two.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from .cfb import CompoundFile, CompoundFileError, is_compound_file, windows_codec
from .errors import SourceError
from .spreadsheet import EPOCH_1900, EPOCH_1904, MAX_TEXT_CHARS, number_format_kind, shown_number

__all__ = ["read_xls"]

_KIND = "Excel 97-2003 workbook"

# Record types.
_FORMULA, _EOF, _CONTINUE, _FILEPASS, _DATEMODE, _CODEPAGE = 0x06, 0x0A, 0x3C, 0x2F, 0x22, 0x42
_BOUNDSHEET, _MULRK, _RSTRING, _XF, _SST, _LABELSST = 0x85, 0xBD, 0xD6, 0xE0, 0xFC, 0xFD
_NUMBER, _LABEL, _BOOLERR, _STRING, _RK, _FORMAT = 0x203, 0x204, 0x205, 0x207, 0x27E, 0x41E
_BOFS = frozenset({0x0809, 0x0409, 0x0209, 0x0009})
# What may come between a formula and its string result: a shared formula, an array, a table.
_FORMULA_PARTS = frozenset({0x04BC, 0x0221, 0x0236})
_BIFF8, _BIFF5 = 0x0600, 0x0500
_WORKSHEET = 0x10  # a BOF's substream type
# A string's option bits: two bytes a character, phonetic data after it, formatting runs.
_HIGH_BYTE, _PHONETIC, _RICH = 0x01, 0x04, 0x08
_COLUMNS = 256  # an .xls has 256 columns, IV the last
_TOO_OLD = "older than Excel 5's format; save it as .xlsx or CSV"


def read_xls(data: bytes, shown: str) -> list[tuple[str, list[list[str]]]]:
    """Each visible worksheet of an Excel 97-2003 (or 5.0/95) workbook, in order: its name and
    its rows with any text, each cell as Excel shows it. ``SourceError`` when it cannot be
    read."""
    if not is_compound_file(data):
        if len(data) >= 4 and struct.unpack_from("<H", data)[0] in _BOFS:
            # Excel 2 to 4 wrote the records alone, with no compound file around them.
            raise SourceError(f"cannot read {_KIND}: {shown} ({_TOO_OLD})")
        raise SourceError(f"cannot read {_KIND}: {shown} (not an Excel 97-2003 file)")
    try:
        compound = CompoundFile(data)
        if compound.is_stream("EncryptedPackage"):  # an .xlsx saved with a password
            raise _Unreadable("password-protected: open it, remove the password and save it again")
        for name in ("Workbook", "Book"):
            if compound.is_stream(name):
                stream = compound.read(name)
                break
        else:
            raise _Unreadable("not an Excel workbook")
        return _Workbook(stream).sheets()
    except _Unreadable as exc:
        raise SourceError(f"cannot read {_KIND}: {shown} ({exc})") from None
    except (CompoundFileError, struct.error, IndexError, ValueError, UnicodeDecodeError):
        raise SourceError(f"cannot read {_KIND}: {shown} (damaged)") from None


class _Unreadable(Exception):
    """A reason the workbook cannot be read that its reader can act on."""


def _records(stream: bytes, at: int) -> Iterator[tuple[int, bytes]]:
    """Each record from offset ``at`` on: its type and its body."""
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        yield kind, stream[at + 4 : at + 4 + size]
        at += 4 + size


@dataclass
class _Sheet:
    name: str
    at: int


@dataclass
class _Workbook:
    stream: bytes
    biff8: bool = True
    codec: str = "cp1252"
    epoch: datetime = EPOCH_1900
    strings: list[str] = field(default_factory=list)
    formats: dict[int, str] = field(default_factory=dict)
    styles: list[str | None] = field(default_factory=list)  # each XF's number format kind
    listed: list[_Sheet] = field(default_factory=list)

    def sheets(self) -> list[tuple[str, list[list[str]]]]:
        records = _records(self.stream, 0)
        first = next(records, None)
        if first is None or first[0] not in _BOFS:
            raise _Unreadable("not an Excel workbook")
        (version,) = struct.unpack_from("<H", first[1], 0) if len(first[1]) >= 2 else (0,)
        if first[0] != 0x0809 or version not in (_BIFF8, _BIFF5):
            raise _Unreadable(_TOO_OLD)
        self.biff8 = version == _BIFF8
        self._globals(records)
        sheets = []
        room = MAX_TEXT_CHARS
        for sheet in self.listed:
            rows = self._rows(sheet.at, room)
            if rows is None:
                raise _Unreadable(f"more than {MAX_TEXT_CHARS:,} characters of text")
            room -= sum(len(cell) + 1 for row in rows for cell in row)  # a cell, a separator
            if rows:
                sheets.append((sheet.name, rows))
        return sheets

    # ------------------------------------------------------------------ globals

    def _globals(self, records: Iterator[tuple[int, bytes]]) -> None:
        sst: list[bytes] = []  # the string table's record and its CONTINUE records
        count = 0
        kinds: list[int] = []  # each XF's number format
        previous = 0
        for kind, body in records:
            if kind == _CONTINUE and previous == _SST:
                sst.append(body)
                continue
            previous = kind
            if kind == _EOF:
                break
            if kind == _FILEPASS:
                raise _Unreadable("password-protected")
            if kind == _CODEPAGE and not self.biff8:
                self.codec = windows_codec(struct.unpack_from("<H", body)[0])
            elif kind == _DATEMODE:
                self.epoch = EPOCH_1904 if struct.unpack_from("<H", body)[0] else EPOCH_1900
            elif kind == _FORMAT:
                (number,) = struct.unpack_from("<H", body)
                self.formats[number] = self._string(body, 2, wide_length=self.biff8)
            elif kind == _XF:
                kinds.append(struct.unpack_from("<H", body, 2)[0])
            elif kind == _BOUNDSHEET:
                self._boundsheet(body)
            elif kind == _SST:
                sst = [body[8:]]
                (count,) = struct.unpack_from("<I", body, 4)
        if sst:
            self.strings = _Pieces(sst).strings(count)
        self.styles = [number_format_kind(n, self.formats.get(n, "")) for n in kinds]

    def _boundsheet(self, body: bytes) -> None:
        at, state, kind = struct.unpack_from("<IBB", body)
        if state & 0x03 or kind != 0:  # hidden, or a chart, macro or module sheet
            return
        name = self._string(body, 6, wide_length=False)
        self.listed.append(_Sheet(name or f"Sheet{len(self.listed) + 1}", at))

    def _string(self, body: bytes, at: int, *, wide_length: bool) -> str:
        """The string at ``at`` in a record: its length (two bytes or one), then in BIFF8 an
        option byte and its characters; in BIFF5 bytes in the workbook's code page."""
        if wide_length:
            (count,) = struct.unpack_from("<H", body, at)
            at += 2
        else:
            count = body[at]
            at += 1
        if not self.biff8:
            return body[at : at + count].decode(self.codec, "replace")
        options = body[at]
        at += 1
        if options & _RICH:
            at += 2
        if options & _PHONETIC:
            at += 4
        width = 2 if options & _HIGH_BYTE else 1
        raw = body[at : at + count * width]
        return raw.decode("utf-16-le" if width == 2 else "latin-1", "replace")

    # ------------------------------------------------------------------ cells

    def _rows(self, at: int, room: int) -> list[list[str]] | None:
        """A worksheet's rows with any text, from its BOF at ``at``; None past ``room``."""
        records = _records(self.stream, at)
        first = next(records, None)
        if first is None or first[0] not in _BOFS:
            return []
        if len(first[1]) >= 4 and struct.unpack_from("<H", first[1], 2)[0] != _WORKSHEET:
            return []
        cells: dict[int, dict[int, str]] = {}

        def put(row: int, column: int, text: str) -> bool:
            """Keep a cell's text; False once the text passes ``room``."""
            nonlocal room
            text = text.strip()
            if text and column < _COLUMNS:
                room -= len(text)
                cells.setdefault(row, {})[column] = text
            return room >= 0

        depth = 0  # a chart inside the sheet is a substream of its own
        formula: tuple[int, int] | None = None  # a formula cell whose string result follows
        result: list[bytes] = []  # that result's STRING record and its CONTINUE records
        for kind, body in records:
            if result:
                if kind == _CONTINUE:
                    result.append(body)
                    continue
                if formula and not put(*formula, self._long_string(result)):
                    return None
                formula, result = None, []
            if kind in _BOFS:
                depth += 1
            elif kind == _EOF:
                if depth == 0:
                    break
                depth -= 1
            elif depth or (formula and kind in _FORMULA_PARTS):
                continue
            elif kind == _STRING and formula:
                result = [body]
            elif kind == _FORMULA and body[12:14] == b"\xff\xff" and body[6] == 0:
                formula = struct.unpack_from("<HH", body)
            elif not all(put(*cell) for cell in self._cells(kind, body)):
                return None
        if result and formula and not put(*formula, self._long_string(result)):
            return None
        # Each empty cell up to a row's last is a separator in the text.
        if sum(max(columns) for columns in cells.values()) > room:
            return None
        return [
            [columns.get(i, "") for i in range(max(columns) + 1)]
            for _, columns in sorted(cells.items())
        ]

    def _cells(self, kind: int, body: bytes) -> list[tuple[int, int, str]]:
        """The cells a record gives, as (row, column, text)."""
        if kind == _LABELSST:
            row, column, _, index = struct.unpack_from("<HHHI", body)
            return [(row, column, self.strings[index] if index < len(self.strings) else "")]
        if kind in (_LABEL, _RSTRING):
            row, column = struct.unpack_from("<HH", body)
            return [(row, column, self._string(body, 6, wide_length=True))]
        if kind == _NUMBER:
            row, column, style, number = struct.unpack_from("<HHHd", body)
            return [(row, column, self._number(number, style))]
        if kind == _RK:
            row, column, style, packed = struct.unpack_from("<HHHI", body)
            return [(row, column, self._number(_rk(packed), style))]
        if kind == _MULRK:
            row, first = struct.unpack_from("<HH", body)
            count = (len(body) - 6) // 6
            return [
                (row, first + n, self._number(_rk(packed), style))
                for n, (style, packed) in enumerate(
                    struct.unpack_from("<HI", body, 4 + 6 * n) for n in range(count)
                )
            ]
        if kind == _FORMULA:  # a number or a boolean; a string result comes after it
            row, column, style = struct.unpack_from("<HHH", body)
            result = body[6:14]
            if result[6:8] != b"\xff\xff":
                return [(row, column, self._number(struct.unpack("<d", result)[0], style))]
            if result[0] == 1:
                return [(row, column, "TRUE" if result[2] else "FALSE")]
            return []  # an error (#N/A) or an empty string
        if kind == _BOOLERR:
            row, column, _, value, is_error = struct.unpack_from("<HHHBB", body)
            return [] if is_error else [(row, column, "TRUE" if value else "FALSE")]
        return []

    def _long_string(self, pieces: list[bytes]) -> str:
        """A formula's string result: its STRING record, going on in CONTINUE records."""
        if not self.biff8:
            return self._string(pieces[0], 0, wide_length=True)
        return _Pieces(pieces).next_string()

    def _number(self, number: float, style: int) -> str:
        kind = self.styles[style] if style < len(self.styles) else None
        return shown_number(number, kind, self.epoch)


def _rk(packed: int) -> float:
    """An RK number: a 30-bit integer or the high 30 bits of a double, perhaps times 100."""
    if packed & 0x02:
        number = float((packed - (1 << 32) if packed & 0x80000000 else packed) >> 2)
    else:
        (number,) = struct.unpack("<d", struct.pack("<Q", (packed & 0xFFFFFFFC) << 32))
    return number / 100 if packed & 0x01 else number


class _Pieces:
    """The shared string table over its record and the ``CONTINUE`` records after it."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces
        self.piece = 0
        self.at = 0

    def _room(self) -> int:
        """Bytes left in the current piece, moving to the next when none are."""
        while self.at >= len(self.pieces[self.piece]):
            if self.piece + 1 >= len(self.pieces):
                raise IndexError("the string table ends early")
            self.piece += 1
            self.at = 0
        return len(self.pieces[self.piece]) - self.at

    def _take(self, size: int) -> bytes:
        taken = b""
        while len(taken) < size:
            room = self._room()
            part = self.pieces[self.piece][self.at : self.at + min(room, size - len(taken))]
            taken += part
            self.at += len(part)
        return taken

    def _skip(self, size: int) -> None:
        while size > 0:
            step = min(self._room(), size)
            self.at += step
            size -= step

    def strings(self, count: int) -> list[str]:
        strings: list[str] = []
        for _ in range(count):
            try:
                strings.append(self.next_string())
            except IndexError:
                break  # a table cut short: the strings read so far stand
        return strings

    def next_string(self) -> str:
        """The next string: its length, an option byte, then its characters (and any
        formatting runs and phonetic guide after them, skipped)."""
        (length,) = struct.unpack("<H", self._take(2))
        options = self._take(1)[0]
        runs = struct.unpack("<H", self._take(2))[0] if options & _RICH else 0
        phonetic = struct.unpack("<i", self._take(4))[0] if options & _PHONETIC else 0
        wide = bool(options & _HIGH_BYTE)
        parts: list[str] = []
        left = length
        while left:
            if self.at >= len(self.pieces[self.piece]):
                # The characters go on in the next piece, after a byte giving their width.
                self._room()
                wide = bool(self._take(1)[0] & _HIGH_BYTE)
            width = 2 if wide else 1
            count = min(left, (len(self.pieces[self.piece]) - self.at) // width)
            if count == 0:
                raise IndexError("a character cut in two")
            parts.append(self._take(count * width).decode("utf-16-le" if wide else "latin-1"))
            left -= count
        self._skip(4 * runs + max(phonetic, 0))
        return "".join(parts)
