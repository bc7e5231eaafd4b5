"""Read an OpenDocument presentation (.odp): what LibreOffice Impress saves.

Slides reach a newsroom from public bodies that work in LibreOffice as they do from those in
PowerPoint. The deck is an OpenDocument package like an .odt (``briefing.odt`` reads its
paragraphs, lists, tables and text boxes the same way): each ``draw:page`` of
``content.xml`` is a slide, in the deck's order, its shapes' text in the order they are
drawn, then its speaker notes. Slides marked hidden are left out, as are the placeholders
the master fills in on every slide (slide number, date, footer). Each slide is a page of the
source (hidden ones counted, as Impress numbers them), so a quote's note names its slide.
"""

from __future__ import annotations

from xml.etree import ElementTree

from briefing.errors import SourceError
from briefing.odt import OdfReader, document_encrypted
from briefing.package import document_title, read_parts
from briefing.pptx import PptxText, deck_text

__all__ = ["read_odp"]

_KIND = "OpenDocument presentation"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_CONTENT, _META = "content.xml", "meta.xml"
# Placeholders a master fills in: not what the slide says.
_FURNITURE = frozenset({"page-number", "date-time", "footer", "header"})


def read_odp(data: bytes, shown: str) -> PptxText:
    """Parse ``data`` as an .odp; ``SourceError`` with a one-line reason when it cannot be."""
    if document_encrypted(data):
        raise SourceError(f"cannot read {_KIND}: {shown} (password-protected)")
    parts = read_parts(data, shown, kind=_KIND, extension=".odp", main=_CONTENT, others=(_META,))
    content = parts[_CONTENT]
    body = content.find(f"{_OFFICE}body/{_OFFICE}presentation")
    if body is None:
        raise SourceError(f"cannot read {_KIND}: {shown} (not slides: a text or a spreadsheet?)")
    hidden = _hidden_styles(content)
    slides: list[list[str]] = []
    first_title: str | None = None
    for page in body.iter(f"{_DRAW}page"):
        if page.get(f"{_DRAW}style-name") in hidden:
            slides.append([])  # still a page: slide numbers count it
            continue
        reader = OdfReader()
        texts = [text for text, _ in reader.blocks(_shapes(page))]
        notes = page.find(f"{_PRESENTATION}notes")
        if notes is not None:
            texts.extend(text for text, _ in reader.blocks(_shapes(notes)))
        texts.extend(reader.notes)
        slides.append(texts)
        first_title = first_title or _title(page, reader)
    title = document_title(parts.get(_META)) or first_title
    return deck_text(slides, title, _KIND, shown)


def _shapes(page: ElementTree.Element) -> ElementTree.Element:
    """The slide's shapes without its notes and its master's placeholders, as a container
    the paragraph reader walks."""
    shapes = ElementTree.Element("shapes")
    for child in page:
        if child.tag == f"{_PRESENTATION}notes":
            continue
        if child.get(f"{_PRESENTATION}class") in _FURNITURE:
            continue
        shapes.append(child)
    return shapes


def _title(page: ElementTree.Element, reader: OdfReader) -> str | None:
    """The slide's title placeholder's text, if it has one."""
    for frame in page.iter(f"{_DRAW}frame"):
        if frame.get(f"{_PRESENTATION}class") == "title":
            texts = [text for text, _ in reader.blocks(frame)]
            return " ".join(texts) or None
    return None


def _hidden_styles(content: ElementTree.Element) -> set[str]:
    """The names of the drawing-page styles that hide a slide."""
    hidden = set()
    for style in content.iter(f"{_STYLE}style"):
        properties = style.find(f"{_STYLE}drawing-page-properties")
        if properties is not None and properties.get(f"{_PRESENTATION}visibility") == "hidden":
            hidden.add(style.get(f"{_STYLE}name", ""))
    return hidden
