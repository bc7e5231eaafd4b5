"""Write Excel 97-2003 workbooks (.xls, BIFF8 in a compound file) for the tests of the .xls
reader: shared strings (cut over CONTINUE records where a record fills up, as Excel cuts
them), inline labels, numbers as doubles and as packed RK values, formulas with a string
result, booleans, date and percent styles, hidden sheets, a password's FILEPASS record."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

from tests.cfb_writer import compound_file

# The styles the workbook defines: 0 general, 1 a built-in date, 2 a percent, 3 a custom date.
GENERAL, DATE, PERCENT, CUSTOM_DATE = 0, 1, 2, 3
_STYLE_FORMATS = (0, 14, 10, 164)


@dataclass(frozen=True)
class Num:
    value: float
    style: int = GENERAL
    rk: int | None = None  # written as this packed RK value instead of a double


@dataclass(frozen=True)
class Label:
    """Text held by the cell itself (a LABEL record), not in the shared strings."""

    text: str


@dataclass(frozen=True)
class Formula:
    """A formula's last result: text (in a STRING record after it), a number or a boolean."""

    result: str | float | bool
    shared: bool = False  # a shared formula's record between the cell and its string


Cell = str | Num | Label | Formula | bool | None


@dataclass
class Sheet:
    name: str
    rows: Sequence[Sequence[Cell]]
    hidden: bool = False


@dataclass
class _Strings:
    items: list[str] = field(default_factory=list)

    def index(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text)


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _unicode(text: str, length_bytes: int) -> bytes:
    """A BIFF8 string: its length (one or two bytes), an option byte, its characters."""
    wide = any(ord(ch) > 0xFF for ch in text)
    length = struct.pack("<H" if length_bytes == 2 else "<B", len(text))
    return length + bytes([1 if wide else 0]) + text.encode("utf-16-le" if wide else "latin-1")


def _string_records(text: str, limit: int = 8224) -> bytes:
    """A formula's string result: a STRING record, its characters going on in CONTINUE
    records (each after a byte giving their width) when they pass ``limit`` bytes."""
    wide = any(ord(ch) > 0xFF for ch in text)
    width, flag = (2, 1) if wide else (1, 0)
    head = struct.pack("<HB", len(text), flag)
    room = (limit - len(head)) // width
    out = _record(0x207, head + text[:room].encode("utf-16-le" if wide else "latin-1"))
    left = text[room:]
    while left:
        room = (limit - 1) // width
        part, left = left[:room], left[room:]
        out += _record(0x3C, bytes([flag]) + part.encode("utf-16-le" if wide else "latin-1"))
    return out


def _sst(strings: list[str], limit: int) -> bytes:
    """The SST record and its CONTINUE records, each body at most ``limit`` bytes: a string's
    characters cut at a record's end go on after a byte giving their width."""
    pieces = [bytearray(struct.pack("<II", len(strings), len(strings)))]
    for text in strings:
        wide = any(ord(ch) > 0xFF for ch in text)
        header = struct.pack("<HB", len(text), 1 if wide else 0)
        if len(pieces[-1]) + len(header) > limit:
            pieces.append(bytearray())
        pieces[-1] += header
        width = 2 if wide else 1
        left = text
        while left:
            room = (limit - len(pieces[-1])) // width
            if room <= 0:
                pieces.append(bytearray([1 if wide else 0]))
                continue
            part, left = left[:room], left[room:]
            pieces[-1] += part.encode("utf-16-le" if wide else "latin-1")
    return _record(0xFC, bytes(pieces[0])) + b"".join(_record(0x3C, bytes(p)) for p in pieces[1:])


def _cells(row: int, cells: Sequence[Cell], strings: _Strings) -> bytes:
    out = b""
    for column, cell in enumerate(cells):
        where = struct.pack("<HH", row, column)
        if cell is None:
            continue
        if isinstance(cell, bool):
            out += _record(0x205, where + struct.pack("<HBB", 0, int(cell), 0))
        elif isinstance(cell, str):
            out += _record(0xFD, where + struct.pack("<HI", 0, strings.index(cell)))
        elif isinstance(cell, Label):
            out += _record(0x204, where + struct.pack("<H", 0) + _unicode(cell.text, 2))
        elif isinstance(cell, Num):
            style = struct.pack("<H", cell.style)
            if cell.rk is not None:
                out += _record(0x27E, where + style + struct.pack("<I", cell.rk))
            else:
                out += _record(0x203, where + style + struct.pack("<d", cell.value))
        elif isinstance(cell.result, str):
            result = b"\x00" + bytes(5) + b"\xff\xff"
            out += _record(0x06, where + struct.pack("<H", 0) + result + bytes(8))
            if cell.shared:
                out += _record(0x4BC, bytes(10))
            out += _string_records(cell.result)
        elif isinstance(cell.result, bool):
            result = bytes([1, 0, int(cell.result)]) + bytes(3) + b"\xff\xff"
            out += _record(0x06, where + struct.pack("<H", 0) + result + bytes(8))
        else:
            result = struct.pack("<d", cell.result)
            out += _record(0x06, where + struct.pack("<H", 0) + result + bytes(8))
    return out


def workbook_stream(
    sheets: Sequence[Sheet],
    *,
    date1904: bool = False,
    sst_limit: int = 8224,
    password: bool = False,
) -> bytes:
    """The ``Workbook`` stream of ``sheets``, in order."""
    strings = _Strings()
    bodies = []
    for sheet in sheets:
        cells = b"".join(_cells(r, row, strings) for r, row in enumerate(sheet.rows))
        bof = _record(0x809, struct.pack("<HHHHII", 0x600, 0x10, 0, 0, 0, 0))
        bodies.append(bof + cells + _record(0x0A, b""))
    head = _record(0x809, struct.pack("<HHHHII", 0x600, 0x05, 0, 0, 0, 0))
    if password:
        head += _record(0x2F, bytes(54))
    head += _record(0x42, struct.pack("<H", 1200))
    head += _record(0x22, struct.pack("<H", int(date1904)))
    head += _record(0x41E, struct.pack("<H", 164) + _unicode("yyyy\\-mm\\-dd", 2))
    for number in _STYLE_FORMATS:
        head += _record(0xE0, struct.pack("<HH", 0, number) + bytes(16))
    tail = _sst(strings.items, sst_limit) + _record(0x0A, b"")
    names = [_unicode(sheet.name, 1) for sheet in sheets]
    globals_size = len(head) + sum(4 + 6 + len(name) for name in names) + len(tail)
    offset = globals_size
    for sheet, name, body in zip(sheets, names, bodies, strict=True):
        head += _record(0x85, struct.pack("<IBB", offset, 1 if sheet.hidden else 0, 0) + name)
        offset += len(body)
    return head + tail + b"".join(bodies)


def xls_bytes(sheets: Sequence[Sheet], **options: object) -> bytes:
    """An .xls file of ``sheets`` (see ``workbook_stream`` for the options)."""
    return compound_file({"Workbook": workbook_stream(sheets, **options)})  # type: ignore[arg-type]
