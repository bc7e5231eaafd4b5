"""Read a spreadsheet exported as CSV or TSV: its rows, and which columns name record fields.

Media-monitoring exports, press digests and consultation responses travel as spreadsheets,
one item a row. A sheet whose header names a text column is read as records, as a ``.jsonl``
file is: each row with text is a source, its title, address, outlet and date from the columns
that name them, under the names monitoring tools give them (``RECORD_COLUMNS``). Any other
sheet is a table, read as a Word table is: a row a paragraph, its cells joined by " | ".
"""

from __future__ import annotations

import csv
import io

from .errors import SourceError

__all__ = ["RECORD_COLUMNS", "read_delimited", "record_columns"]

# Each record field, and the header names that give it (case, spaces, "_" and "-" aside).
RECORD_COLUMNS = {
    "text": ("text", "body", "content", "full text", "article text", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link", "address"),
    "outlet": ("outlet", "source", "publication", "publisher", "media outlet", "media"),
    "published": ("published", "date", "published date", "publication date", "published at"),
}
_FIELD_OF = {name: field for field, names in RECORD_COLUMNS.items() for name in names}
# Delimiters an export may use: a comma, or a semicolon where the comma is the decimal mark
# (Excel in much of Europe), a tab, a bar.
_DELIMITERS = ",;\t|"
# The sniffer reads this much of the file to tell the delimiter.
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


def _sniffed_delimiter(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","
