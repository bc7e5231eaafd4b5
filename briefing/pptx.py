"""Read the text of a PowerPoint deck (.pptx): each slide's text, then its speaker notes.

Ministries present budgets and consultations as slide decks, and the deck is what reaches
the newsroom. A .pptx is a zip of XML parts (opened by ``briefing.package``); the slides are
read in the order the presentation lists them, hidden ones left out. On a slide, every text
shape, group, table and SmartArt diagram is read in the slide's order, a paragraph of text
at a time (a table as one paragraph a row, a diagram's box as one); the placeholders the
master fills in (slide number, date, footer) are not. The speaker notes follow their slide's
text: they are often where the substance is. Each slide is a page of the source, so a
quote's note names the slide it is on.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree

from briefing.errors import SourceError
from briefing.package import DIAGRAM_DATA, Package, diagram_texts, open_package, usable_title

__all__ = ["PptxText", "deck_text", "read_pptx"]

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_RELIDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_PRESENTATION = "ppt/presentation.xml"
_CORE = "docProps/core.xml"
_NOTES_TYPE = "/notesSlide"
# On a notes page: the notes placeholder, and a text box of no placeholder type, which is
# where LibreOffice writes the notes (not the slide's picture or the page's furniture).
_NOTES_SHAPES: frozenset[str | None] = frozenset({"body", None})
_KIND = "PowerPoint deck"
# Placeholders the slide master fills in on every slide: not the slide's own text.
_FURNITURE = frozenset({"sldNum", "dt", "ftr", "hdr", "sldImg"})
_TITLES = frozenset({"title", "ctrTitle"})


@dataclass(frozen=True)
class PptxText:
    """A deck's paragraphs separated by blank lines, where each slide after the first
    begins, and its title."""

    text: str
    title: str | None
    page_starts: list[int]


def read_pptx(data: bytes, shown: str) -> PptxText:
    """Parse ``data`` as a .pptx; ``SourceError`` with a one-line reason when it cannot be."""
    with open_package(data, shown, kind=_KIND, extension=".pptx") as package:
        if _PRESENTATION not in package.names:
            raise package.fail(f"no {_PRESENTATION} in it")
        slides = [
            _slide_paragraphs(package, name)
            for name in _slide_names(package)
            if name in package.names
        ]
        properties = package.part(_CORE) if _CORE in package.names else None
    first_title = next((heading for _, heading in slides if heading), None)
    found = next(properties.iter(_DC_TITLE), None) if properties is not None else None
    title = (usable_title(found.text or "") if found is not None else None) or first_title
    return deck_text([texts for texts, _ in slides], title, _KIND, shown)


def deck_text(
    slides: Sequence[Sequence[str]], title: str | None, kind: str, shown: str
) -> PptxText:
    """A deck's text from each slide's paragraphs (a hidden slide has none but is still a
    page): paragraphs apart by a blank line, each slide a page; ``SourceError`` naming
    ``kind`` when no slide has text."""
    paragraphs: list[str] = []
    page_starts: list[int] = []
    at = 0
    for number, texts in enumerate(slides):
        if number:
            page_starts.append(at)
        for text in texts:
            paragraphs.append(text)
            at += len(text) + 2
    if not paragraphs:
        raise SourceError(f"{kind} has no text: {shown}")
    text = "\n\n".join(paragraphs)
    # A slide with no text begins where the next one does; trailing ones, at the end.
    return PptxText(text=text, title=title, page_starts=[min(s, len(text)) for s in page_starts])


def _slide_names(package: Package) -> list[str]:
    """The slides' part names in the order the presentation lists them."""
    presentation = package.part(_PRESENTATION)
    targets = _relationships(package, _PRESENTATION)
    listed = presentation.find(f"{_P}sldIdLst")
    if listed is None:
        return []
    return [targets[key] for slide in listed if (key := slide.get(f"{_R}id", "")) in targets]


def _relationships(package: Package, part: str) -> dict[str, str]:
    """A part's relationships: id to the full name of the part it points to."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in package.names:
        return {}
    found = {}
    for relationship in package.part(rels).iter(_REL):
        target = relationship.get("Target", "")
        if relationship.get("TargetMode") == "External" or not target:
            continue
        full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[relationship.get("Id", "")] = posixpath.normpath(full)
        if relationship.get("Type", "").endswith(_NOTES_TYPE):
            found[_NOTES_TYPE] = posixpath.normpath(full)
    return found


def _slide_paragraphs(package: Package, name: str) -> tuple[list[str], str | None]:
    """A slide's paragraphs, its speaker notes after them, and its title; none for a hidden
    slide."""
    slide = package.part(name)
    if slide.get("show") in ("0", "false"):
        return [], None
    tree = slide.find(f"{_P}cSld/{_P}spTree")
    paragraphs: list[str] = []
    title: str | None = None
    targets = _relationships(package, name)
    diagrams = _diagrams(package, targets, tree) if tree is not None else {}
    for text, is_title in _shapes(tree, diagrams=diagrams) if tree is not None else ():
        paragraphs.append(text)
        if is_title and title is None:
            title = text
    notes = targets.get(_NOTES_TYPE)
    if notes and notes in package.names:
        notes_tree = package.part(notes).find(f"{_P}cSld/{_P}spTree")
        if notes_tree is not None:
            paragraphs.extend(text for text, _ in _shapes(notes_tree, only=_NOTES_SHAPES))
    return paragraphs, title


def _diagrams(
    package: Package, targets: dict[str, str], tree: ElementTree.Element
) -> dict[str, list[str]]:
    """The text of each SmartArt diagram on the slide, by the id its frame names its data
    part with (``targets``: the slide's relationships)."""
    ids = {ids.get(DIAGRAM_DATA, "") for ids in tree.iter(_RELIDS)} - {""}
    if not ids:
        return {}
    return {
        rid: diagram_texts(package.part(targets[rid]))
        for rid in ids
        if rid in targets and targets[rid] in package.names
    }


def _shapes(
    tree: ElementTree.Element,
    only: frozenset[str | None] | None = None,
    diagrams: dict[str, list[str]] | None = None,
) -> Iterator[tuple[str, bool]]:
    """The paragraphs of a shape tree's text shapes, groups, tables and SmartArt diagrams
    (``diagrams``: their text by data part id), in order, each with whether it is the
    slide's title; ``only`` keeps the shapes of those placeholder types (None: a shape that
    is no placeholder)."""
    for shape in tree:
        if shape.tag == f"{_P}grpSp":
            yield from _shapes(shape, only, diagrams)
        elif shape.tag == f"{_P}sp":
            placeholder = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
            kind = placeholder.get("type", "body") if placeholder is not None else None
            if kind in _FURNITURE or (only is not None and kind not in only):
                continue
            body = shape.find(f"{_P}txBody")
            if body is not None:
                for text in _paragraphs(body):
                    yield text, kind in _TITLES
        elif shape.tag == f"{_P}graphicFrame" and only is None:
            for ids in shape.iter(_RELIDS):
                yield from (
                    (text, False) for text in (diagrams or {}).get(ids.get(DIAGRAM_DATA, ""), [])
                )
            for row in shape.iter(f"{_A}tr"):
                cells = [" ".join(_paragraphs(cell)) for cell in row.iter(f"{_A}tc")]
                if any(cells):
                    yield " | ".join(cells), False


def _paragraphs(body: ElementTree.Element) -> Iterator[str]:
    """The text of each paragraph (``a:p``) in a text body, line breaks as spaces."""
    for paragraph in body.iter(f"{_A}p"):
        pieces = []
        for piece in paragraph:
            if piece.tag in (f"{_A}r", f"{_A}fld"):
                pieces.append("".join(t.text or "" for t in piece.iter(f"{_A}t")))
            elif piece.tag == f"{_A}br":
                pieces.append(" ")
        text = "".join(pieces).strip()
        if text:
            yield text
