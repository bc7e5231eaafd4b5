"""Read a spreadsheet, an Excel workbook, an OpenDocument spreadsheet or a CSV or TSV export:
its rows, and which columns name record fields.

Media-monitoring exports, press digests and consultation responses travel as spreadsheets,
one item a row. A sheet whose header names a text column is read as records, as a ``.jsonl``
file is: each row with text is a source, its title, address, outlet and date from the columns
that name them, under the names monitoring tools give them (``RECORD_COLUMNS``). Any other
sheet is a table, read as a Word table is: a row a paragraph, its cells joined by " | ".
(An Excel 97-2003 workbook's cells are read by ``briefing.xls``, shown as here.)
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from xml.etree import ElementTree

from .errors import SourceError
from .odt import OdfReader, document_encrypted, table_rows
from .package import open_package, read_parts

__all__ = [
    "EPOCH_1900",
    "EPOCH_1904",
    "MAX_TEXT_CHARS",
    "RECORD_COLUMNS",
    "Questionnaire",
    "number_format_kind",
    "questionnaire",
    "read_delimited",
    "read_ods",
    "read_xlsx",
    "record_columns",
    "shown_number",
]

# Each record field, and the header names that give it (case, spaces, "_" and "-" aside).
RECORD_COLUMNS = {
    "text": ("text", "body", "content", "full text", "article text", "article", "response"),
    "title": ("title", "headline"),
    "url": ("url", "link", "address"),
    "outlet": ("outlet", "source", "publication", "publisher", "media outlet", "media"),
    # Who wrote the row's text: a monitoring export's author, a consultation's respondent.
    "author": (
        "author",
        "authors",
        "byline",
        "respondent",
        "respondent name",
        "organisation",
        "organization",
        "organisation name",
        "organization name",
        "submitted by",
    ),
    "published": (
        "published",
        "date",
        "published date",
        "publication date",
        "published at",
        "timestamp",
    ),
}
_FIELD_OF = {name: field for field, names in RECORD_COLUMNS.items() for name in names}
# A questionnaire's header: a question ("Do you support the levy?", "Q3 Comments"), and who
# answered ("What is the name of your organisation?", "Your name").
_QUESTION = re.compile(r"\?\s*$|^\s*(?:q|question)\s*\d+\b", re.IGNORECASE)
_BODY_ANSWERING = re.compile(
    r"\b(?:organi[sz]ation|company|business|respondent|on behalf of|submitted by)\b", re.IGNORECASE
)
_PERSON_ANSWERING = re.compile(
    r"\b(?:your|full|respondent'?s?)\s+name\b|\bname of (?:the )?respondent\b|^\W*name\W*$",
    re.IGNORECASE,
)
# A question answered in words: most of its answers hold this many words or more.
_WRITTEN_ANSWER_WORDS = 5
# Delimiters an export may use: a comma, or a semicolon where the comma is the decimal mark
# (Excel in much of Europe), a tab, a bar.
_DELIMITERS = ",;\t|"
# The delimiter is told from the header line, read this far at most.
_SNIFF_CHARS = 20_000
# A cell may hold a long response; the csv module's default bound is 128 KB.
_FIELD_MAX = 10_000_000


def read_delimited(text: str, shown: str, *, tab: bool) -> list[list[str]]:
    """Every row of a CSV (delimiter sniffed) or TSV text, each cell stripped; rows with no
    text are left out. ``SourceError`` when it cannot be parsed."""
    delimiter = "\t" if tab else _sniffed_delimiter(text)
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_MAX))
    try:
        rows = [
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise SourceError(f"cannot read spreadsheet: {shown} ({exc})") from None
    return [row for row in rows if any(row)]


def record_columns(header: list[str]) -> dict[str, int] | None:
    """The column of each record field the header row names (the first that names it), when
    it names the text; else None."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = " ".join(name.lstrip("\ufeff").lower().replace("_", " ").replace("-", " ").split())
        field = _FIELD_OF.get(key)
        if field is not None and field not in columns:
            columns[field] = index
    return columns if "text" in columns else None


@dataclass(frozen=True)
class Questionnaire:
    """A questionnaire's responses, a row each: the columns of the questions answered in
    words, of who answered (a body's name before a person's: the first a row fills in is
    its author), and of the other record fields (``published``: when)."""

    answers: list[int]
    respondent: list[int]
    fields: dict[str, int]


def questionnaire(rows: list[list[str]]) -> Questionnaire | None:
    """The columns of a questionnaire's export (a form's or a consultation's responses), when
    the header asks a question ("...?", "Q3"), names who answered ("Your name", "Which
    organisation do you represent?") and most answers in some column are written in words
    ("Please explain your answer."); else None (a table: a task list's "Complete?" column
    makes no questionnaire). Questions answered in a word or a number are left out: such an
    answer's meaning is its question's, no one's words."""
    header, body = rows[0], rows[1:]
    if not body or not any(_QUESTION.search(name) for name in header):
        return None
    answers = [
        index
        for index in range(len(header))
        if _written(row[index] for row in body if index < len(row))
    ]
    respondent = [
        index
        for pattern in (_BODY_ANSWERING, _PERSON_ANSWERING)
        for index, name in enumerate(header)
        if index not in answers and pattern.search(name)
    ]
    if not answers or not respondent:
        return None
    fields: dict[str, int] = {}
    for index, name in enumerate(header):
        field = _FIELD_OF.get(" ".join(name.lower().split()))
        if field == "published" and index not in answers:
            fields.setdefault("published", index)
    return Questionnaire(answers, list(dict.fromkeys(respondent)), fields)


def _written(cells: Iterable[str]) -> bool:
    """Whether most of a column's answers are written in words, not a word or a number."""
    given = [cell for cell in cells if cell.strip()]
    long = sum(len(cell.split()) >= _WRITTEN_ANSWER_WORDS for cell in given)
    return bool(given) and long * 2 >= len(given)


def _sniffed_delimiter(text: str) -> str:
    """The delimiter the header line uses most, a comma when it uses none. (The csv module's
    sniffer takes seconds on a line of quotes and commas: this reads one line, once.)"""
    header = text[:_SNIFF_CHARS].split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


# --------------------------------------------------------------------------- Excel workbooks

_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_SHARED_STRINGS = "xl/sharedStrings.xml"
_STYLES = "xl/styles.xml"
# Excel's built-in number formats that show a date or a time.
_DATE_FORMATS = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
# A custom format shows a date or time when, its quoted text and [bracketed] parts aside, it
# has a day, month, year, hour or second code.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_DATE_CODES = re.compile(r"[dmyhs]", re.IGNORECASE)
_PERCENT_FORMATS = frozenset({9, 10})
EPOCH_1900 = datetime(1899, 12, 30)  # right from 1 March 1900 on (Excel's 1900 leap day)
EPOCH_1904 = datetime(1904, 1, 1)
_EPOCH_JANUARY_1900, _FIRST_OF_MARCH_1900 = datetime(1899, 12, 31), 61
_COLUMN = re.compile(r"^([A-Z]{1,3})")
# The most text a workbook may hold, its empty cells between others counted: shared strings
# let a small file name one long string in a million cells (a zip bomb of text).
MAX_TEXT_CHARS = 20_000_000
# Excel's last column, XFD; a reference past it is damage.
_MAX_COLUMNS = 16_384


def read_xlsx(data: bytes, shown: str) -> list[tuple[str, list[list[str]]]]:
    """Each visible sheet of an Excel workbook (.xlsx), in the workbook's order: its name and
    its rows with any text, each cell as Excel shows it (a date cell as its date, a number
    without a float's noise). ``SourceError`` when it cannot be read."""
    with open_package(data, shown, kind="Excel workbook", extension=".xlsx") as package:
        if _WORKBOOK not in package.names:
            raise package.fail(f"no {_WORKBOOK} in it")
        workbook = package.part(_WORKBOOK)
        targets: dict[str, str] = {}
        if _WORKBOOK_RELS in package.names:
            for rel in package.part(_WORKBOOK_RELS).iter():
                if _local(rel.tag) == "Relationship" and rel.get("Id") and rel.get("Target"):
                    targets[rel.get("Id", "")] = rel.get("Target", "")
        shared = (
            _shared_strings(package.part(_SHARED_STRINGS))
            if _SHARED_STRINGS in package.names
            else []
        )
        styles = _number_styles(package.part(_STYLES)) if _STYLES in package.names else {}
        epoch = EPOCH_1900
        for element in workbook.iter():
            if _local(element.tag) == "workbookPr" and element.get("date1904") in ("1", "true"):
                epoch = EPOCH_1904
        sheets = []
        read = 0
        for sheet in (e for e in workbook.iter() if _local(e.tag) == "sheet"):
            if sheet.get("state") in ("hidden", "veryHidden"):
                continue
            relation = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), "")
            part = _part_name(targets.get(relation, ""))
            if part not in package.names:
                continue
            rows = _sheet_rows(package.part(part), shared, styles, epoch, MAX_TEXT_CHARS - read)
            if rows is None:
                raise package.fail(f"more than {MAX_TEXT_CHARS:,} characters of text")
            read += sum(len(cell) for row in rows for cell in row)
            if rows:
                sheets.append((sheet.get("name") or part, rows))
    return sheets


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _part_name(target: str) -> str:
    """A workbook relationship's target as a part name: relative to ``xl/`` unless absolute."""
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _texts(element: ElementTree.Element) -> str:
    """A string item's or inline string's text: its ``t`` elements, in rich-text runs too,
    but not the phonetic guide (``rPh``) Japanese sheets add."""
    parts: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts += [t.text or "" for t in child if _local(t.tag) == "t"]
    return "".join(parts)


def _shared_strings(table: ElementTree.Element) -> list[str]:
    return [_texts(item) for item in table if _local(item.tag) == "si"]


def _number_styles(styles: ElementTree.Element) -> dict[int, str]:
    """The cell styles (by index) whose number format shows a ``date`` (or a time) or a
    ``percent``."""
    custom: dict[int, str] = {}
    formats: list[int] = []
    for element in styles:
        if _local(element.tag) == "numFmts":
            for fmt in element:
                with contextlib.suppress(ValueError):
                    custom[int(fmt.get("numFmtId", ""))] = fmt.get("formatCode", "")
        elif _local(element.tag) == "cellXfs":
            for xf in element:
                try:
                    formats.append(int(xf.get("numFmtId", "0")))
                except ValueError:
                    formats.append(0)
    kinds: dict[int, str] = {}
    for index, number in enumerate(formats):
        kind = number_format_kind(number, custom.get(number, ""))
        if kind:
            kinds[index] = kind
    return kinds


def number_format_kind(number: int, code: str) -> str | None:
    """Whether number format ``number`` (its ``code`` when the workbook defines one) shows a
    ``date`` (or a time), a ``percent``, or neither (None)."""
    code = _FORMAT_LITERALS.sub("", code)
    if number in _DATE_FORMATS or _DATE_CODES.search(code):
        return "date"
    if number in _PERCENT_FORMATS or "%" in code:
        return "percent"
    return None


def shown_number(number: float, kind: str | None, epoch: datetime) -> str:
    """A number cell as Excel shows it, by its format's ``kind``: a date as its ISO date, a
    percent, or the number without a float's noise."""
    if kind == "date":
        return _date_text(number, epoch) or _number_text(number)
    if kind == "percent":
        return f"{_number_text(number * 100)}%"
    return _number_text(number)


def _sheet_rows(
    sheet: ElementTree.Element,
    shared: list[str],
    styles: dict[int, str],
    epoch: datetime,
    room: int,
) -> list[list[str]] | None:
    """The sheet's rows with any text; None when their text would pass ``room`` characters."""
    rows: list[list[str]] = []
    for row in sheet.iter():
        if _local(row.tag) != "row":
            continue
        cells: dict[int, str] = {}
        following = 0
        for cell in row:
            if _local(cell.tag) != "c":
                continue
            column = _column(cell.get("r", ""), following)
            following = column + 1
            if column < _MAX_COLUMNS:
                text = cells[column] = _cell_text(cell, shared, styles, epoch).strip()
                room -= len(text)
                if room < 0:
                    return None
        filled = [column for column, text in cells.items() if text]
        if filled:
            last = max(filled)
            room -= last  # each empty cell up to the last is a separator in the text
            if room < 0:
                return None
            rows.append([cells.get(i, "") for i in range(last + 1)])
    return rows


def _column(reference: str, following: int) -> int:
    """The column (from 0) a cell reference names ("C7" is 2); the next one when it has
    none."""
    letters = _COLUMN.match(reference)
    if not letters:
        return following
    number = 0
    for letter in letters.group(1):
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _cell_text(
    cell: ElementTree.Element, shared: list[str], styles: dict[int, str], epoch: datetime
) -> str:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = next((child for child in cell if _local(child.tag) == "is"), None)
        return _texts(inline) if inline is not None else ""
    value = next((child.text or "" for child in cell if _local(child.tag) == "v"), "")
    if kind == "s":
        try:
            return shared[int(value)]
        except (ValueError, IndexError):
            return ""
    if kind in ("str", "d"):
        return value
    if kind == "b":
        return "TRUE" if value == "1" else "FALSE"
    if kind == "e" or not value:
        return ""  # an error (#N/A) shows no text worth reading
    try:
        number = float(value)
    except ValueError:
        return value
    style = cell.get("s", "")
    return shown_number(number, styles.get(int(style)) if style.isdigit() else None, epoch)


def _number_text(number: float) -> str:
    """A number as a reader writes it: no ".0", no float noise ("0.1", not
    "0.10000000000000001")."""
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return format(number, ".15g")


def _date_text(serial: float, epoch: datetime) -> str | None:
    """A date cell's serial number as the date (and time, when it has one) it stands for."""
    if epoch == EPOCH_1900 and 1 <= serial < _FIRST_OF_MARCH_1900:
        epoch = _EPOCH_JANUARY_1900  # Excel counts 29 February 1900, which never was
    try:
        moment = epoch + timedelta(days=serial)
    except (OverflowError, ValueError):
        return None
    return moment.strftime("%H:%M") if serial < 1 else _moment_text(moment)


def _moment_text(moment: datetime) -> str:
    """A date, with its time when it has one: "2026-11-02", "2026-11-02 18:00"."""
    return moment.strftime("%Y-%m-%d %H:%M" if moment.hour or moment.minute else "%Y-%m-%d")


# --------------------------------------------------------------------------- OpenDocument

_ODS_KIND = "OpenDocument spreadsheet"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELLS = frozenset({f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"})
_PARAGRAPHS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})


def read_ods(data: bytes, shown: str) -> list[tuple[str, list[list[str]]]]:
    """Each sheet of an OpenDocument spreadsheet (.ods), in order: its name and its rows with
    any text, each cell as Calc shows it (a date cell as its ISO date). Rows and cells that
    repeat (``number-rows-repeated``, as Calc writes the empty rest of a sheet) are repeated
    only where they hold text, within the text bound."""
    if document_encrypted(data):
        raise SourceError(f"cannot read {_ODS_KIND}: {shown} (password-protected)")
    parts = read_parts(data, shown, kind=_ODS_KIND, extension=".ods", main="content.xml", others=())
    body = parts["content.xml"].find(f"{_OFFICE}body/{_OFFICE}spreadsheet")
    if body is None:
        raise SourceError(f"cannot read {_ODS_KIND}: {shown} (not a spreadsheet)")
    reader = OdfReader()
    room = MAX_TEXT_CHARS
    sheets = []
    for table in body.iter(f"{_TABLE}table"):
        rows: list[list[str]] = []
        for row in table_rows(table):
            cells = _ods_cells(row, reader)
            if not cells:
                continue
            repeat = _repeated(row.get(f"{_TABLE}number-rows-repeated"))
            room -= repeat * (sum(map(len, cells)) + len(cells))
            if room < 0:
                raise SourceError(
                    f"cannot read {_ODS_KIND}: {shown} "
                    f"(more than {MAX_TEXT_CHARS:,} characters of text)"
                )
            rows += [list(cells) for _ in range(repeat)]
        if rows:
            sheets.append((table.get(f"{_TABLE}name") or "", rows))
    return sheets


def _ods_cells(row: ElementTree.Element, reader: OdfReader) -> list[str]:
    """A row's cells up to the last with text ([] for a row with none); a repeated cell
    with text is repeated, up to Excel's last column."""
    cells: list[str] = []
    filled = 0
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        repeat = _repeated(cell.get(f"{_TABLE}number-columns-repeated"))
        text = _ods_cell_text(cell, reader)
        if text:
            cells += [text] * min(repeat, _MAX_COLUMNS - len(cells))
            filled = len(cells)
        else:
            cells += [""] * min(repeat, _MAX_COLUMNS - len(cells))
        if len(cells) >= _MAX_COLUMNS:
            break
    return cells[:filled]


def _ods_cell_text(cell: ElementTree.Element, reader: OdfReader) -> str:
    if cell.get(f"{_OFFICE}value-type") == "date":
        value = cell.get(f"{_OFFICE}date-value", "")
        with contextlib.suppress(ValueError):
            return _moment_text(datetime.fromisoformat(value))
    paragraphs = [reader.paragraph_text(p).strip() for p in cell if p.tag in _PARAGRAPHS]
    return "\n".join(p for p in paragraphs if p)  # a comment (office:annotation) left out


def _repeated(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1
