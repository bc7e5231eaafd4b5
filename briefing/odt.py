"""Read the text of an OpenDocument text file (.odt): paragraphs, headings, lists, tables.

Governments and international bodies that work in LibreOffice publish statements and
consultation papers as .odt. Like a .docx it is a zip of XML parts (opened by
``briefing.package``); the text a reader sees is the body of ``content.xml``: paragraphs and
headings in order, list items as paragraphs, a table as one paragraph a row, text boxes once,
tracked changes as they would read once accepted (the deleted text is kept apart, in a
region this reader skips), then the footnotes and endnotes, which ODF writes where they are
cited. Comments, generated tables of contents and indexes (copies of the headings) are not
read, nor are page headers and footers (which live in the styles part).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from briefing.errors import SourceError
from briefing.package import SYMBOL_GLYPHS, UNREADABLE_MEMBER, document_title, read_parts

__all__ = ["OdfReader", "OdtText", "document_encrypted", "read_odt", "table_rows"]

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_CONTENT = "content.xml"
_META = "meta.xml"
_MANIFEST = "META-INF/manifest.xml"
_KIND = "OpenDocument text"
# Generated from the headings or the text: reading them would say everything twice.
_GENERATED = frozenset(
    f"{_TEXT}{name}"
    for name in (
        "table-of-content",
        "alphabetical-index",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "bibliography",
    )
)
# Elements whose content is not part of the text: comments, the tracked-changes region (the
# deleted text) and the place a deletion was.
_LEFT_OUT = frozenset(
    {
        f"{_OFFICE}annotation",
        f"{_OFFICE}annotation-end",
        f"{_TEXT}change",
        f"{_TEXT}tracked-changes",
    }
)
_SPACES = frozenset({f"{_TEXT}tab", f"{_TEXT}line-break"})
_ROW_GROUPS = frozenset(
    {f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"}
)
# Pictures' titles and descriptions, not text of the page.
_DRAWING_ONLY = ("{urn:oasis:names:tc:opendocument:xmlns:svg", "{http://www.w3.org/2000/svg")
_TITLE_STYLES = frozenset({"Title", "Subtitle"})


@dataclass(frozen=True)
class OdtText:
    """An OpenDocument text's paragraphs separated by blank lines, and its title."""

    text: str
    title: str | None


def read_odt(data: bytes, shown: str) -> OdtText:
    """Parse ``data`` as an .odt; ``SourceError`` with a one-line reason when it cannot be."""
    if document_encrypted(data):
        raise SourceError(f"cannot read {_KIND}: {shown} (password-protected)")
    parts = read_parts(data, shown, kind=_KIND, extension=".odt", main=_CONTENT, others=(_META,))
    body = parts[_CONTENT].find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise SourceError(
            f"cannot read {_KIND}: {shown} (not a text document: a spreadsheet or slides?)"
        )
    reader = OdfReader()
    paragraphs: list[str] = []
    heading: str | None = None
    for text, is_heading in reader.blocks(body):
        paragraphs.append(text)
        if is_heading and heading is None:
            heading = text
    paragraphs.extend(reader.notes)
    if not paragraphs:
        raise SourceError(f"{_KIND} has no text: {shown}")
    title = document_title(parts.get(_META)) or heading
    return OdtText(text="\n\n".join(paragraphs), title=title)


def document_encrypted(data: bytes) -> bool:
    """Whether the manifest says the parts are encrypted: they are then not XML at all, and
    "damaged" would be the wrong thing to say."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(_MANIFEST)
            if info.file_size > 1_000_000:
                return False
            return b"encryption-data" in archive.read(info)
    except (KeyError, *UNREADABLE_MEMBER):
        return False


class OdfReader:
    """Walks a body once, collecting its paragraphs and, as they are cited, its notes (a
    text's body here, a slide's shapes in ``briefing.odp``)."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def blocks(self, container: ElementTree.Element) -> Iterator[tuple[str, bool]]:
        """The paragraphs with text in a body, section, list or cell, in order, each with
        whether it is a heading; a table gives one paragraph a row, its cells separated by
        ' | '."""
        for child in container:
            tag = child.tag
            if tag in (f"{_TEXT}p", f"{_TEXT}h"):
                text = self.paragraph_text(child).strip()
                if text:
                    style = child.get(f"{_TEXT}style-name", "")
                    yield text, tag == f"{_TEXT}h" or style in _TITLE_STYLES
            elif tag == f"{_TABLE}table":
                for row in table_rows(child):
                    cells = [
                        " ".join(text for text, _ in self.blocks(cell))
                        for cell in row
                        if cell.tag == f"{_TABLE}table-cell"
                    ]
                    if any(cells):
                        yield " | ".join(cells), False
            elif tag not in _GENERATED and tag not in _LEFT_OUT:
                yield from self.blocks(child)  # lists, list items, sections

    def paragraph_text(self, paragraph: ElementTree.Element) -> str:
        """A paragraph's text as it reads: runs of whitespace in the XML as one space (ODF's
        rule), ``text:s`` as the spaces it counts, tabs and line breaks as spaces, comments,
        deletions and symbol fonts' glyphs left out, a note's text kept for after the body, a
        text box's paragraphs on lines of their own."""
        pieces: list[str] = [_spaced(paragraph.text)]
        self._collect(paragraph, pieces)
        return SYMBOL_GLYPHS.sub("", "".join(pieces))

    def _collect(self, element: ElementTree.Element, pieces: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{_TEXT}s":
                pieces.append(" " * _count(child.get(f"{_TEXT}c")))
            elif tag in _SPACES:
                pieces.append(" ")
            elif tag == f"{_TEXT}note":
                self._note(child)
            elif tag == f"{_DRAW}text-box":
                pieces.extend(f"\n{text}\n" for text, _ in self.blocks(child))
            elif tag not in _LEFT_OUT and not tag.startswith(_DRAWING_ONLY):
                pieces.append(_spaced(child.text))
                self._collect(child, pieces)
            pieces.append(_spaced(child.tail))

    def _note(self, note: ElementTree.Element) -> None:
        body = note.find(f"{_TEXT}note-body")
        if body is not None:
            text = " ".join(text for text, _ in self.blocks(body))
            if text.strip():
                self.notes.append(text.strip())


def table_rows(table: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """A table's rows, header rows and grouped rows included, not those of a table nested
    in a cell (read with its cell)."""
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from table_rows(child)


def _spaced(text: str | None) -> str:
    return re.sub(r"[ \t\r\n]+", " ", text) if text else ""


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1
