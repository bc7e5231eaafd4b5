"""Read the text of a Word document (.docx): its paragraphs, headings and tables, in order.

Statements and reports often arrive as Word files. A .docx is a zip of XML parts; the text
a reader sees is the main document part's paragraphs and tables, with tracked changes as
they would read once accepted (insertions in, deletions out), then the footnotes and
endnotes. Page headers and footers are other parts and are not read, as a PDF's running
headers are dropped. The zip and its XML are untrusted and opened by ``briefing.package``.

A part of the text may be another document the file carries (``altChunk``): a web page, a
web archive (.mht), RTF, plain text or another .docx, which Word shows in its place and
many a web application's "export to Word" writes the whole text as. It is read in its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from briefing.errors import SourceError
from briefing.html_page import read_html
from briefing.package import (
    DIAGRAM_DATA,
    SYMBOL_GLYPHS,
    diagram_texts,
    document_title,
    open_package,
    read_parts,
)
from briefing.rtf import read_rtf
from briefing.saved_pages import is_mhtml, read_mhtml

__all__ = ["DocxText", "read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DOCUMENT = "word/document.xml"
_NOTES = ("word/footnotes.xml", "word/endnotes.xml")
_RELS = "word/_rels/document.xml.rels"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELIDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
_CHUNK_DEPTH = 3  # a .docx chunk inside a .docx chunk ..., read this deep
_CORE = "docProps/core.xml"
_HEADING_STYLE = re.compile(r"^(?:Title|Subtitle|Heading\d?)$", re.IGNORECASE)
# Notes that only draw the line above the notes, or continue it on the next page.
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass(frozen=True)
class DocxText:
    """A Word document's text as paragraphs separated by blank lines, and its title."""

    text: str
    title: str | None


def read_docx(data: bytes, shown: str, _depth: int = 0) -> DocxText:
    """Parse ``data`` as a .docx; ``SourceError`` with a one-line reason when it cannot be."""
    parts = read_parts(
        data,
        shown,
        kind="Word document",
        extension=".docx",
        main=_DOCUMENT,
        others=(*_NOTES, _CORE, _RELS),
    )
    body = parts[_DOCUMENT].find(f"{_W}body")
    paragraphs: list[str] = []
    heading: str | None = None
    if body is not None:
        carried = _carried(data, shown, body, parts.get(_RELS), _depth)
        for text, is_heading in _blocks(body, carried):
            paragraphs.append(text)
            if is_heading and heading is None:
                heading = text
    for name in _NOTES:
        if name in parts:
            paragraphs.extend(_notes(parts[name]))
    if not paragraphs:
        raise SourceError(f"Word document has no text: {shown}")
    title = document_title(parts.get(_CORE)) or heading
    return DocxText(text="\n\n".join(paragraphs), title=title)


def _carried(
    data: bytes,
    shown: str,
    body: ElementTree.Element,
    rels: ElementTree.Element | None,
    depth: int,
) -> dict[str, list[str]]:
    """The paragraphs of each document the body carries as an ``altChunk``, and the boxes of
    each SmartArt diagram, by relationship id."""
    chunk_ids = {chunk.get(_R_ID, "") for chunk in body.iter(f"{_W}altChunk")} - {""}
    diagram_ids = {ids.get(DIAGRAM_DATA, "") for ids in body.iter(_RELIDS)} - {""}
    ids = chunk_ids | diagram_ids
    if not ids or rels is None:
        return {}
    targets = {
        rel.get("Id", ""): rel.get("Target", "")
        for rel in rels
        if rel.get("Id") in ids and rel.get("TargetMode") != "External"
    }
    found: dict[str, list[str]] = {}
    with open_package(data, shown, kind="Word document", extension=".docx") as package:
        for rid, target in targets.items():
            name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            if name not in package.names:
                continue
            if rid in diagram_ids:
                found[rid] = diagram_texts(package.part(name))
            else:
                found[rid] = _chunk_paragraphs(package.raw(name), name, f"{shown}#{name}", depth)
    return found


def _chunk_paragraphs(raw: bytes, name: str, shown: str, depth: int) -> list[str]:
    """A carried document's paragraphs, read by what its first bytes say it is, else its
    name."""
    if is_mhtml(raw, reach=512):
        return read_html(read_mhtml(raw, shown).html).paragraphs
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") or name.lower().endswith((".htm", ".html", ".xhtml", ".mht")):
        return read_html(_decoded(raw)).paragraphs
    if head.startswith(b"{\\rtf"):
        text = read_rtf(raw, shown).text
    elif raw.startswith(b"PK\x03\x04") and depth < _CHUNK_DEPTH:
        text = read_docx(raw, shown, depth + 1).text
    else:
        text = _decoded(raw)
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def _decoded(raw: bytes) -> str:
    """A carried page's or text's characters: UTF-8 (with or without its mark, or UTF-16
    with its mark), else Windows-1252, as Word writes them."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _blocks(
    container: ElementTree.Element, carried: dict[str, list[str]] | None = None
) -> Iterator[tuple[str, bool]]:
    """The paragraphs with text in a body or cell, in order, each with whether it is a
    heading; a table gives one paragraph a row, its cells separated by ' | '; a carried
    document or diagram (``carried``, by relationship id) gives its own paragraphs."""
    for child in container:
        if child.tag == f"{_W}altChunk":
            yield from ((text, False) for text in (carried or {}).get(child.get(_R_ID, ""), []))
        elif child.tag == f"{_W}p":
            text = _paragraph_text(child, carried)
            if text.strip():
                yield text.strip(), _is_heading(child)
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = [
                    " ".join(text for text, _ in _blocks(cell, carried))
                    for cell in row
                    if cell.tag == f"{_W}tc"
                ]
                if any(cells):
                    yield " | ".join(cells), False
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
            if not _placeholder(child):
                yield from _blocks(child, carried)


def _paragraph_text(
    paragraph: ElementTree.Element, carried: dict[str, list[str]] | None = None
) -> str:
    """A paragraph's text as it reads: tabs and line breaks as spaces, deleted text, field
    codes and symbol fonts' glyphs left out; a SmartArt diagram in it (its boxes in
    ``carried``) a line a box."""
    pieces: list[str] = []
    _collect(paragraph, pieces, carried or {})
    return SYMBOL_GLYPHS.sub("", "".join(pieces))


def _collect(
    element: ElementTree.Element, pieces: list[str], carried: dict[str, list[str]]
) -> None:
    for child in element:
        tag = child.tag
        if tag in (f"{_W}del", f"{_W}instrText", f"{_W}delText", f"{_W}pPr", f"{_W}rPr"):
            continue
        if tag == f"{_W}t":
            pieces.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr"):
            pieces.append(" ")  # a line break inside a paragraph keeps its sentence whole
        elif tag == f"{_W}noBreakHyphen":
            pieces.append("-")
        elif tag == _FALLBACK:
            continue  # the same content again, for older readers
        elif tag == f"{_W}p":  # a text box's paragraph, inside this one
            pieces.append("\n")
            _collect(child, pieces, carried)
            pieces.append("\n")
        elif tag == _RELIDS:
            pieces.extend(f"\n{box}\n" for box in carried.get(child.get(DIAGRAM_DATA, ""), []))
        elif not _placeholder(child):
            _collect(child, pieces, carried)


def _placeholder(element: ElementTree.Element) -> bool:
    """Whether ``element`` is a form's field (a content control) still showing the prompt
    Word puts in an empty one ("Click or tap here to enter text.")."""
    return element.tag == f"{_W}sdt" and element.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def _is_heading(paragraph: ElementTree.Element) -> bool:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style is not None and bool(_HEADING_STYLE.match(style.get(f"{_W}val", "")))


def _notes(part: ElementTree.Element) -> Iterator[str]:
    for note in part:
        if note.get(f"{_W}type") in _SEPARATOR_NOTES:
            continue
        text = " ".join(text for text, _ in _blocks(note))
        if text.strip():
            yield text.strip()
