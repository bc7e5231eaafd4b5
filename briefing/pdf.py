"""Read the text of a PDF, paragraph by paragraph, as a reader of the printed page sees it.

A PDF stores glyphs at positions, not paragraphs: its text comes out as lines, with the
running header, the footer and the page number of every page among them, and words split at
line ends by the typesetter's hyphens. Grounding quotes sentences of the text we decide here,
so this module rebuilds paragraphs from the lines' geometry, rejoins hyphenated words, and
drops running headers, footers and page numbers (returned as ``DroppedText``, so a reader can
audit them, as web-page chrome is). It also says where each page begins, so a note can give
the page of its quote. PDFium (through ``pypdfium2``) does the parsing.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from briefing.errors import SourceError
from briefing.models import DroppedText

__all__ = ["PdfText", "is_pdf", "read_pdf"]

REASON_RUNNING = "running header or footer"
REASON_PAGE_NUMBER = "page number"

_MAGIC = b"%PDF-"
# A page's first and last lines by position are where headers, footers and numbers sit.
_EDGE_LINES = 2
# A line is a running header or footer when it recurs at a page's edge on this share of pages.
_RUNNING_SHARE = 0.5
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*[-–—])?"
    r"(?:\s*(?:/|of)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# Lines further apart than this many times the usual line pitch are separate paragraphs.
_GAP_FACTOR = 1.45
# A font this much larger or smaller than the line before begins a new block (a heading).
_SIZE_CHANGE = 0.15
_INDENT_EMS = 0.8
_BULLET = re.compile(r"^(?:[•▪◦‣∙·●○■□–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_HYPHENS = "-\u2010\u2011"
_SOFT_HYPHENS = "\u00ad\x02"
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"\w+", re.UNICODE)
# Titles that tools write into a PDF's metadata by themselves, which name no document.
_TOOL_TITLE = re.compile(
    r"^(?:untitled\b.*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|odt|rtf|pptx?|html?))$",
    re.IGNORECASE,
)
_TITLE_MAX = 200


@dataclass(frozen=True)
class PdfText:
    """A PDF's text as paragraphs separated by blank lines, and what was left out of it."""

    text: str
    title: str | None
    page_starts: list[int]
    """Offset into ``text`` where each page after the first begins (a page with no text of
    its own, or one whose text continues the page before's paragraph mid-word, may share it)."""
    dropped: list[DroppedText] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    page: int
    left: float
    right: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return self.top - self.bottom


def is_pdf(data: bytes) -> bool:
    """PDFs begin with ``%PDF-`` (some tools put a little junk before it)."""
    return _MAGIC in data[:1024]


def read_pdf(data: bytes, shown: str) -> PdfText:
    """Parse ``data`` as a PDF; ``SourceError`` with a one-line reason when it cannot be read."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        detail = str(exc).lower()
        if "password" in detail:
            raise SourceError(f"cannot read PDF: {shown} (it is password-protected)") from None
        raise SourceError(f"cannot read PDF: {shown} (damaged or not a PDF)") from None
    try:
        pages = [_page_lines(document, number) for number in range(len(document))]
        title = _metadata_title(document)
    finally:
        document.close()
    if not any(pages):
        raise SourceError(
            f"PDF has no text layer: {shown} (a scan? run OCR on it first)"
            if len(pages)
            else f"PDF has no pages: {shown}"
        )
    body, dropped = _drop_page_furniture(pages)
    text, page_starts = _paragraphs(body, len(pages))
    return PdfText(text=text, title=title, page_starts=page_starts, dropped=dropped)


# --------------------------------------------------------------------------- lines


def _page_lines(document: pdfium.PdfDocument, number: int) -> list[_Line]:
    """The page's text lines with the box of their first and last characters, top to bottom
    in the order the page draws them (the reading order of almost every producer)."""
    page = document[number]
    try:
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
            geometry = len(raw) == textpage.count_chars()
            lines: list[_Line] = []
            position = 0
            for piece in _LINE_BREAK.split(raw) if raw else []:
                start, position = position, position + len(piece)
                # Skip the line break that followed this piece in ``raw``.
                if raw.startswith("\r\n", position):
                    position += 2
                elif position < len(raw):
                    position += 1
                text = _clean_chars(piece)
                if not text.strip():
                    continue
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece.rstrip())
                if geometry:
                    left, bottom, _, top = textpage.get_charbox(start + lead, loose=True)
                    right = textpage.get_charbox(start + trail - 1, loose=True)[2]
                else:
                    left = bottom = top = right = 0.0
                lines.append(_Line(text.strip(), number, left, right, top, bottom))
            return lines
        finally:
            textpage.close()
    finally:
        page.close()


def _clean_chars(text: str) -> str:
    return _CONTROLS.sub("", text.translate(_LIGATURES).replace("\u00a0", " ")).replace("\t", " ")


def _metadata_title(document: pdfium.PdfDocument) -> str | None:
    try:
        title = " ".join(document.get_metadata_value("Title").split())
    except (pdfium.PdfiumError, KeyError):
        return None
    if not title or len(title) > _TITLE_MAX or _TOOL_TITLE.match(title):
        return None
    return title


# --------------------------------------------------------------------------- page furniture


def _signature(text: str) -> str:
    """A line's form with its numbers blanked: 'Page 3 of 9' and 'Page 4 of 9' are one."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _edges(lines: list[_Line]) -> list[int]:
    """Indexes of the page's top and bottom lines by position."""
    if not lines:
        return []
    by_height = sorted(range(len(lines)), key=lambda i: -lines[i].top)
    return sorted(set(by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:]))


def _drop_page_furniture(pages: list[list[_Line]]) -> tuple[list[_Line], list[DroppedText]]:
    """Body lines of every page in order, without running headers, footers and page numbers.

    A line counts as furniture only at a page's edge, and only when it is a bare page number
    or recurs (numbers aside) at the edge of at least half the pages, two or more: a heading
    or a sentence that happens to open a page stays.
    """
    recurring: Counter[str] = Counter()
    for lines in pages:
        recurring.update({_signature(lines[i].text) for i in _edges(lines)})
    pages_with_text = sum(1 for lines in pages if lines)
    needed = max(2, round(_RUNNING_SHARE * pages_with_text))
    body: list[_Line] = []
    dropped: list[DroppedText] = []
    for lines in pages:
        edges = set(_edges(lines))
        for index, line in enumerate(lines):
            if index in edges and _PAGE_NUMBER.match(line.text):
                dropped.append(DroppedText(text=line.text, reason=REASON_PAGE_NUMBER))
            elif index in edges and recurring[_signature(line.text)] >= needed:
                dropped.append(DroppedText(text=line.text, reason=REASON_RUNNING))
            else:
                body.append(line)
    return body, dropped


# --------------------------------------------------------------------------- paragraphs


def _paragraphs(lines: list[_Line], page_count: int) -> tuple[str, list[int]]:
    """Join lines into paragraphs (blank line between them) and note where each page begins."""
    pitch = _usual_pitch(lines)
    inline_words = _inline_hyphenated(lines)
    parts: list[str] = []
    length = 0
    page_starts: list[int] = []
    for index, line in enumerate(lines):
        if index == 0:
            joint = ""
        elif _new_paragraph(lines, index, pitch):
            joint = "\n\n"
        else:
            joint = " "
            previous = parts[-1]
            if _hyphenated(previous, line.text):
                head = previous.rstrip(_SOFT_HYPHENS + _HYPHENS)
                word = _WORD.findall(previous)[-1] if _WORD.findall(previous) else ""
                next_word = _WORD.match(line.text)
                compound = f"{word}-{next_word.group(0) if next_word else ''}".lower()
                if previous[-1] in _SOFT_HYPHENS or compound not in inline_words:
                    parts[-1] = head
                    length -= len(previous) - len(head)
                    joint = ""
                elif previous[-1] in _HYPHENS:
                    joint = ""
        while len(page_starts) < line.page:
            page_starts.append(length + len(joint))
        parts.append(joint)
        parts.append(line.text)
        length += len(joint) + len(line.text)
    while len(page_starts) < page_count - 1:
        page_starts.append(length)
    return "".join(parts), page_starts


def _hyphenated(previous: str, text: str) -> bool:
    """A line ending in a hyphen after a letter, followed by one starting in lower case."""
    return (
        len(previous) >= 2
        and previous[-1] in _HYPHENS + _SOFT_HYPHENS
        and previous[-2].isalpha()
        and text[:1].islower()
    )


def _inline_hyphenated(lines: list[_Line]) -> set[str]:
    """Hyphenated compounds the document writes inside a line ('fund-raiser'): a line-end
    hyphen between the same two words is kept, any other is the typesetter's and goes."""
    found: set[str] = set()
    for line in lines:
        found.update(m.lower() for m in re.findall(r"\w+-\w+", line.text))
    return found


def _usual_pitch(lines: list[_Line]) -> float:
    """The median distance between the baselines of consecutive lines of a column, in ems of
    their font (so a heading's wider spacing is not read as a gap between its lines)."""
    steps = [
        (a.bottom - b.bottom) / a.size
        for a, b in zip(lines, lines[1:])
        if a.page == b.page and a.size > 0 and 0 < a.bottom - b.bottom < 3 * a.size
    ]
    return statistics.median(steps) if steps else 0.0


def _new_paragraph(lines: list[_Line], index: int, pitch: float) -> bool:
    """Whether ``lines[index]`` begins a paragraph, read from its place and the line before."""
    before, line = lines[index - 1], lines[index]
    if _BULLET.match(line.text):
        return True
    if not line.size or not before.size:
        return False  # no geometry: lines within a page join
    if abs(line.size - before.size) > _SIZE_CHANGE * max(line.size, before.size):
        return True
    same_flow = line.page == before.page and line.top < before.bottom + 0.5 * line.size
    if same_flow and pitch and before.bottom - line.bottom > _GAP_FACTOR * pitch * line.size:
        return True
    follow = lines[index + 1] if index + 1 < len(lines) else None
    indented = line.left > before.left + _INDENT_EMS * line.size and (
        follow is None or follow.left < line.left - 0.5 * line.size
    )
    if same_flow and indented:
        return True
    return _ends_early(lines, index - 1, line)


def _ends_early(lines: list[_Line], index: int, following: _Line) -> bool:
    """Whether a line stops short of its column's right edge by more than the next line's
    first word needs: a typesetter would have put that word on it, so the paragraph ended."""
    line = lines[index]
    edge = _column_edge(lines, index)
    if edge <= line.right:
        return False
    first_word = following.text.split()[0]
    width_per_char = (following.right - following.left) / max(len(following.text), 1)
    room = edge - line.right - width_per_char  # a space before the word
    return room > len(first_word) * width_per_char and (
        bool(_SENTENCE_END.search(line.text)) or not following.text[:1].islower()
    )


def _column_edge(lines: list[_Line], index: int) -> float:
    """The right edge of a line's column: the furthest right that lines near it reach, of
    its page and type size and starting where it starts (an indent apart)."""
    line = lines[index]
    edge = line.right
    for other in lines[max(0, index - 6) : index + 7]:
        if (
            other.page == line.page
            and abs(other.size - line.size) <= _SIZE_CHANGE * line.size
            and abs(other.left - line.left) < 3 * line.size
        ):
            edge = max(edge, other.right)
    return edge
