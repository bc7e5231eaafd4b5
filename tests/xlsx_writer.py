"""Write small Excel workbooks (.xlsx) for the tests: the parts Excel writes, no more.

A cell is given as a value: a ``str`` goes to the shared strings (or inline, wrapped in
``Inline``), an ``int`` or ``float`` is a number, ``bool`` a boolean; ``Styled(value, style)``
gives a number a cell style (1: a date format, 2: a percent), ``Raw(xml)`` writes a cell's XML
as given, and ``None`` leaves the cell out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Inline:
    text: str


@dataclass(frozen=True)
class Styled:
    value: float
    style: int


@dataclass(frozen=True)
class Raw:
    xml: str


Cell = str | int | float | bool | Inline | Styled | Raw | None


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: Sequence[Sequence[Cell]]
    hidden: bool = False


def xlsx_bytes(
    sheets: Sequence[Sequence[Sequence[Cell]] | Sheet],
    *,
    date1904: bool = False,
    shared_xml: str | None = None,
) -> bytes:
    """A workbook of ``sheets`` (rows of cells, or ``Sheet`` with a name), in order.
    ``shared_xml`` replaces the shared strings part's items (``<si>...</si>`` XML)."""
    shared: list[str] = []
    parts: dict[str, str] = {}
    entries, rels = [], []
    for number, given in enumerate(sheets, start=1):
        sheet = given if isinstance(given, Sheet) else Sheet(f"Sheet{number}", given)
        state = ' state="hidden"' if sheet.hidden else ""
        entries.append(
            f'<sheet name="{escape(sheet.name)}" sheetId="{number}"{state} r:id="rId{number}"/>'
        )
        rels.append(
            f'<Relationship Id="rId{number}" Target="worksheets/sheet{number}.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        )
        parts[f"xl/worksheets/sheet{number}.xml"] = _sheet(sheet.rows, shared)
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">{pr}<sheets>{"".join(entries)}</sheets>'
        "</workbook>"
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{_PACKAGE_REL}">{"".join(rels)}</Relationships>'
    )
    items = (
        shared_xml
        if shared_xml is not None
        else "".join(f"<si><t>{escape(text)}</t></si>" for text in shared)
    )
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{_MAIN}">{items}</sst>'
    parts["xl/styles.xml"] = (
        f'<styleSheet xmlns="{_MAIN}"><numFmts count="1">'
        '<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs>'
        "</styleSheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return out.getvalue()


def _sheet(rows: Sequence[Sequence[Cell]], shared: list[str]) -> str:
    lines = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            ref = f"{_column(c)}{r}"
            cells.append(_cell(ref, value, shared))
        lines.append(f'<row r="{r}">{"".join(cells)}</row>')
    return f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(lines)}</sheetData></worksheet>'


def _cell(ref: str, value: Cell, shared: list[str]) -> str:
    if isinstance(value, Raw):
        return value.xml
    if isinstance(value, Inline):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value.text)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, str):
        if value not in shared:
            shared.append(value)
        return f'<c r="{ref}" t="s"><v>{shared.index(value)}</v></c>'
    if isinstance(value, Styled):
        return f'<c r="{ref}" s="{value.style}"><v>{value.value!r}</v></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
