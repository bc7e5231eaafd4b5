"""Read the text of a PDF, paragraph by paragraph, as a reader of the printed page sees it.

A PDF stores glyphs at positions, not paragraphs: its text comes out as lines, with the
running header, the footer and the page number of every page among them, and words split at
line ends by the typesetter's hyphens. Grounding quotes sentences of the text we decide here,
so this module rebuilds paragraphs from the lines' geometry, rejoins hyphenated words, and
drops running headers, footers and page numbers (returned as ``DroppedText``, so a reader can
audit them, as web-page chrome is). It also says where each page begins, so a note can give
the page of its quote. PDFium (through ``pypdfium2``) does the parsing.

A page with no text layer (a scan) is read by OCR when the optional OCR packages are
installed (``briefing.ocr``), and so is a picture of a page (``read_page_images``): the
recognized lines, with their boxes, go through the same paragraph rules.
"""

from __future__ import annotations

import bisect
import ctypes
import io
import logging
import math
import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefing import grids, ocr
from briefing.errors import SourceError
from briefing.models import DroppedText

__all__ = ["PdfText", "is_pdf", "read_page_images", "read_pdf"]

log = logging.getLogger(__name__)

REASON_RUNNING = "running header or footer"
REASON_PAGE_NUMBER = "page number"

_MAGIC = b"%PDF-"
# PDFium is not thread-safe, and batch runs and the service read sources in threads.
_PDFIUM = threading.Lock()
# Of a line's type size, the share above its baseline (its place is read from the baseline).
_ASCENT = 0.75
# A page's first and last lines by position are where headers, footers and numbers sit.
_EDGE_LINES = 2
# A line is a running header or footer when it recurs at a page's edge on this share of pages.
_RUNNING_SHARE = 0.5
# A page's top line in type this much smaller than the text's, set apart, is a header.
_HEADER_SIZE = 0.85
# Footnotes are set smaller than the text, though often only a point (10 on 11 in Word's and
# LibreOffice's defaults).
_FOOTNOTE_SIZE = 0.93
# A footnote mark in the text: digits set this much smaller, and raised by this share of
# the line's type size.
_MARK_SIZE = 0.8
_MARK_RISE = 0.2
_DIGITS = re.compile(r"\d+")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}(?:\s|[.)]\s)|[*†‡§⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*[-–—])?"
    r"(?:\s*(?:/|of)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# Lines further apart than this many times the usual line pitch are separate paragraphs.
_GAP_FACTOR = 1.25
# A font this much larger or smaller than the line before begins a new block (a heading).
_SIZE_CHANGE = 0.15
_INDENT_EMS = 0.8
# A generous word space: a next word that fits only with less room did not fit.
_SPACE_EMS = 0.4
# Lines further apart than this (in ems) are not near enough to show a column's right edge.
_NEAR_EMS = 8.0
# White space this wide (in ems) between two words of a line parts a table's cells: wider
# than a justified line's loosest word space.
_CELL_GAP_EMS = 1.2
# A rule is a box or line no thicker than this, in points, and at least this long.
_RULE_WIDTH = 2.5
_RULE_LENGTH = 2.0
# Path segments past which a page is a drawing (a map, a chart) and no grid is looked for.
_MAX_PATH_SEGMENTS = 50_000
# A ruled table's cell holds no more lines than this; rules around longer text are a frame.
_CELL_MAX_LINES = 12
# A tab's dot leader at the end of a cell ("Examination fee ........ | 150") is no words:
# this many dots or more.
_LEADER_DOTS = ".·…"
_LEADER_LENGTH = 4
# Parts of a line whose baselines differ by less than this share of the type size are on one
# line across (a renderer writes a row's cells as separate runs).
_SAME_BASELINE = 0.3
# A table's next row lies within this many ems below the row before.
_ROW_STEP_EMS = 4.0
_WORDS = re.compile(r"\S+")
_SYMBOL_BULLET = re.compile(r"^[•▪◦‣∙·●○■□]\s")
# A dash or a number opens a list item only after a line that ends a sentence or a lead-in:
# "— were added" and "(a) of Article 5" also open lines that continue a sentence.
_ITEM = re.compile(r"^(?:[–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_HYPHENS = "-\u2010\u2011"
_SOFT_HYPHENS = "\u00ad\x02"
_DASHES = _HYPHENS + _SOFT_HYPHENS + "\u2013\u2014"
_TYPESET_HYPHEN = "\u2010"
# PDFium writes U+FFFE for a hyphen it finds at a line end, and joins the two lines.
_LINE_END_HYPHEN = "\ufffe"
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
# A line of PDFium's page text; one it joined to the next at a hyphen ends at the U+FFFE.
_SEGMENT = re.compile(r"[^\r\n\ufffe]*\ufffe|[^\r\n\ufffe]+")
_WORD = re.compile(r"\w+", re.UNICODE)
# Line-end splits the document's own words join, at least, for its habit to be hyphenating.
_HABIT_VOTES = 2
_COMPOUND = re.compile(r"\w+-\w+", re.UNICODE)
# Prefixes written with a hyphen: a line break after one keeps it ("re-election").
_PREFIXES = frozenset(
    {"anti", "co", "cross", "ex", "multi", "non", "post", "pre", "pro", "re", "self", "vice"}
)
# Titles that tools write into a PDF's metadata by themselves, which name no document.
_TOOL_TITLE = re.compile(
    r"^(?:untitled\b.*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|odt|rtf|pptx?|html?))$",
    re.IGNORECASE,
)
_TITLE_MAX = 200
_OCR_SIZE = 0.85
"""A recognized line's box is about this much taller than its type size."""


@dataclass(frozen=True)
class PdfText:
    """A PDF's text as paragraphs separated by blank lines, and what was left out of it."""

    text: str
    title: str | None
    page_starts: list[int]
    """Offset into ``text`` where each page after the first begins (a page with no text of
    its own, or one whose text continues the page before's paragraph mid-word, may share it)."""
    dropped: list[DroppedText] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    """Pages (from 1) whose text was read by OCR: they had no text layer."""


@dataclass
class _Line:
    text: str
    page: int
    left: float
    right: float
    top: float
    bottom: float
    first_word: float
    """The width of the line's first word, punctuation attached: whether it would have fit
    at the end of the line before tells a paragraph's end from a full line."""
    cells: tuple[tuple[float, float, str], ...] = ()
    """Where white space as wide as a table's gutter parts the line: each part's left and
    right edges and text (none when nothing does)."""
    row: bool = False
    """The line is a table's row: its text is its cells', a paragraph of its own."""
    filled: bool = False
    """The line was filled in on top of the page (a form's field, a text box): no paragraph
    of the page's own text runs on into it, nor it into one."""

    @property
    def size(self) -> float:
        return self.top - self.bottom


def is_pdf(data: bytes) -> bool:
    """Whether a file not named .pdf is one: it begins with ``%PDF-``. (Readers accept a
    little junk before it in a .pdf, which its name already routes here; a text that only
    mentions "%PDF-" near its start stays text.)"""
    return data.lstrip().startswith(_MAGIC)


def read_pdf(data: bytes, shown: str) -> PdfText:
    """Parse ``data`` as a PDF; ``SourceError`` with a one-line reason when it cannot be read.

    Pages with no text layer but a picture are read by OCR when it is installed, and said
    in the log when it is not."""
    with _PDFIUM:
        pages, title, scanned = _read_lines(data, shown)
    read_by_ocr = [number for number in scanned if pages[number - 1]]
    unread = scanned if not ocr.available() else []
    if not any(pages):
        if unread:
            raise SourceError(
                f"PDF has no text layer: {shown} (a scan: install OCR with "
                f"{ocr.INSTALL_HINT}, or run OCR on it first)"
            )
        if scanned:
            raise SourceError(f"OCR found no text in PDF: {shown}")
        raise SourceError(
            f"PDF has no text layer: {shown} (a scan? run OCR on it first)"
            if len(pages)
            else f"PDF has no pages: {shown}"
        )
    if unread:
        log.warning(
            "%s: page(s) %s have no text layer and were not read (install OCR with %s)",
            shown,
            ", ".join(map(str, unread)),
            ocr.INSTALL_HINT,
        )
    return _text_of(pages, title, read_by_ocr)


def read_page_images(data: bytes, shown: str) -> PdfText:
    """Read a picture of a page (PNG, JPEG, TIFF, one page a frame) by OCR; ``SourceError``
    with a one-line reason when OCR is not installed or the picture cannot be read."""
    if not ocr.available():
        raise SourceError(f"cannot read picture: {shown} (install OCR with {ocr.INSTALL_HINT})")
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    _open_heif()
    try:
        with Image.open(io.BytesIO(data)) as picture:
            # A phone's photo is stored sideways with a note to turn it: turn it.
            frames = [
                ImageOps.exif_transpose(frame).convert("L")
                for frame in ImageSequence.Iterator(picture)
            ]
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise SourceError(f"cannot read picture: {shown} (damaged or not a picture)") from None
    pages: list[list[_Line]] = []
    try:
        for number, frame in enumerate(frames):
            if len(frames) > 1:
                log.info("%s: reading page %d of %d by OCR", shown, number + 1, len(frames))
            pages.append(_recognized_lines(_pixels(frame), number))
    finally:
        ocr.release_memory()
    if not any(pages):
        raise SourceError(f"OCR found no text in picture: {shown}")
    return _text_of(pages, None, [n + 1 for n, lines in enumerate(pages) if lines])


def _open_heif() -> None:
    """Let the picture library open HEIC and HEIF, the photos an iPhone takes, when the
    ``ocr`` extra's pillow-heif is installed (it turns a photo as its file says)."""
    try:
        import pillow_heif
    except ImportError:
        return
    pillow_heif.register_heif_opener()


def _ocr_pages_evened(pages: list[list[_Line]], read_by_ocr: list[int]) -> list[list[_Line]]:
    """Each page read by OCR scaled so that its usual line has the document's usual size,
    when the two are within ``ocr.SIZE_JITTER`` of each other.

    OCR evens a page's lines to that page's usual height, but the usual height itself
    differs from page to page of a grainy scan (by 16% between the two pages of one
    photocopied article), and the paragraph rules read a whole page of larger type as
    headings, merging its paragraphs."""
    sizes = [line.size for lines in pages for line in lines if line.size > 0]
    if not sizes or not read_by_ocr:
        return pages
    usual = statistics.median(sizes)
    evened = list(pages)
    for number in read_by_ocr:
        lines = pages[number - 1]
        if not lines:
            continue
        factor = usual / statistics.median(line.size for line in lines)
        if factor != 1 and abs(factor - 1) <= ocr.SIZE_JITTER:
            evened[number - 1] = [_resized(line, factor) for line in lines]
    return evened


def _resized(line: _Line, factor: float) -> _Line:
    middle, half = (line.top + line.bottom) / 2, line.size * factor / 2
    return replace(line, top=middle + half, bottom=middle - half)


def _pixels(frame: Any) -> Any:
    import numpy

    return numpy.asarray(frame)


def _text_of(pages: list[list[_Line]], title: str | None, read_by_ocr: list[int]) -> PdfText:
    pages = _ocr_pages_evened(pages, read_by_ocr)
    sizes = [line.size for lines in pages for line in lines if line.size > 0]
    text_size = statistics.median(sizes) if sizes else 0.0
    kept, dropped = _drop_page_furniture(pages, text_size)
    body, footnotes = _set_footnotes_apart(kept, text_size)
    text, page_starts = _paragraphs(_table_rows(body), footnotes, len(pages), text_size)
    return PdfText(
        text=text, title=title, page_starts=page_starts, dropped=dropped, ocr_pages=read_by_ocr
    )


def _read_lines(data: bytes, shown: str) -> tuple[list[list[_Line]], str | None, list[int]]:
    """Every page's lines, the metadata title, and the pages (from 1) that hold a picture but
    no text layer (read by OCR when it is installed)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # PDFium's last error outlives the call that set it, so a password error is
        # believed only of a file that names an encryption dictionary.
        if "password" in str(exc).lower() and b"/Encrypt" in data:
            raise SourceError(f"cannot read PDF: {shown} (it is password-protected)") from None
        raise SourceError(f"cannot read PDF: {shown} (damaged or not a PDF)") from None
    try:
        document.init_forms()  # a filled-in field with no appearance of its own gets one
        pages: list[list[_Line]] = []
        damaged: list[int] = []
        for number in range(len(document)):
            try:
                pages.append(_page_lines(document, number))
            except pdfium.PdfiumError:
                pages.append([])
                damaged.append(number + 1)
        if damaged and len(damaged) == len(pages):
            raise SourceError(f"cannot read PDF: {shown} (damaged or not a PDF)")
        if damaged:
            log.warning(
                "%s: page(s) %s are damaged and were not read",
                shown,
                ", ".join(map(str, damaged)),
            )
        scanned = [
            n + 1
            for n, lines in enumerate(pages)
            if not lines and n + 1 not in damaged and _has_picture(document, n)
        ]
        if scanned and ocr.available():
            try:
                for count, number in enumerate(scanned, start=1):
                    log.info(
                        "%s: reading page %d by OCR (%d of %d)", shown, number, count, len(scanned)
                    )
                    pages[number - 1] = _scanned_lines(document, number - 1)
            finally:
                ocr.release_memory()
        return pages, _metadata_title(document), scanned
    finally:
        document.close()


# --------------------------------------------------------------------------- lines


def _page_lines(document: pdfium.PdfDocument, number: int) -> list[_Line]:
    """The page's text lines, each with its extent across, its baseline and type size, and
    the width of its first word, in the order the page draws them (the reading order of
    almost every producer). Text filled in on top of the page (a form's fields, a text box
    added in a viewer) is read in its place, by height, among the page's own lines."""
    page = document[number]
    drawn: int | None = None  # characters the page draws itself, before what was filled in
    if _filled_in(page):
        drawn = _char_count(page)
        pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT)
        page.close()  # PDFium reads a flattened page's new content only when it is loaded again
        page = document[number]
    try:
        page_grids = grids.find_grids(*_page_rules(page))
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
            geometry = len(raw) == textpage.count_chars()
            lines: list[_Line] = []
            placed: list[tuple[int, str]] = []  # each line's offset in the page text, and text
            segments = [(found.start(), found.group(0)) for found in _SEGMENT.finditer(raw)]
            if drawn is not None and geometry:
                segments = [
                    part
                    for at, piece in segments
                    for part in (
                        _lines_apart(textpage, at, piece) if at >= drawn else [(at, piece)]
                    )
                ]
            for at, segment in segments:
                piece = segment
                if geometry:
                    piece = _raised_marks(textpage, piece, at)
                text = _clean_chars(piece.replace(_LINE_END_HYPHEN, "-"))
                if not text.strip():
                    continue
                first = at + len(piece) - len(piece.lstrip())
                last = at + len(piece.rstrip()) - 1
                word_end = first + len(piece.split()[0]) - 1
                cells: tuple[tuple[float, float, str], ...] = ()
                if geometry:
                    left = textpage.get_charbox(first, loose=True)[0]
                    right = textpage.get_charbox(last, loose=True)[2]
                    word = textpage.get_charbox(word_end, loose=True)[2] - left
                    baseline, size = _baseline_and_size(textpage, first)
                    cells = _cells(textpage, segment, at, size)
                else:
                    left = right = word = baseline = size = 0.0
                top, bottom = baseline + _ASCENT * size, baseline - (1 - _ASCENT) * size
                lines.append(_Line(text.strip(), number, left, right, top, bottom, word, cells))
                placed.append((at, piece))
            if drawn is not None and geometry:
                lines, placed = _filled_in_place(lines, placed, drawn)
            if page_grids and geometry:
                return _ruled_rows(textpage, lines, placed, page_grids)
            return lines
        finally:
            textpage.close()
    finally:
        page.close()


# Annotations whose text a person filled in: a form's fields, a viewer's text box.
_FILLED_IN = frozenset({pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_FREETEXT})


def _filled_in(page: pdfium.PdfPage) -> bool:
    """Whether the page carries a form field or a text box: text the page's own content does
    not draw, which flattening the page (with the document's forms initialized, so that a
    field without an appearance gets one) adds to it, as printing it would."""
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annotation) in _FILLED_IN:
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return False


def _char_count(page: pdfium.PdfPage) -> int:
    textpage = page.get_textpage()
    try:
        return len(textpage.get_text_range())
    finally:
        textpage.close()


def _lines_apart(textpage: pdfium.PdfTextPage, at: int, piece: str) -> list[tuple[int, str]]:
    """A piece of filled-in text cut where its characters move to another line: PDFium may
    run two fields' text together as one line (each is a form of its own once flattened)."""
    parts: list[tuple[int, str]] = []
    start, previous = 0, None
    for index, char in enumerate(piece):
        if char.isspace():
            continue
        box = textpage.get_charbox(at + index, loose=True)
        if previous is not None and abs(box[1] - previous[1]) > (previous[3] - previous[1]) / 2:
            parts.append((at + start, piece[start:index]))
            start = index
        previous = box
    parts.append((at + start, piece[start:]))
    return parts


def _filled_in_place(
    lines: list[_Line], placed: list[tuple[int, str]], drawn: int
) -> tuple[list[_Line], list[tuple[int, str]]]:
    """The page's lines with those filled in (drawn after the page's own, from offset
    ``drawn`` of its text) each put where a form's answer sits: after the page's line on
    its row that ends left of it (its label: "First Name"), else before the first of the
    page's own lines below it (under its question)."""
    own = [(line, at) for line, at in zip(lines, placed) if at[0] < drawn]
    for line, at in ((line, at) for line, at in zip(lines, placed) if at[0] >= drawn):
        line.filled = True
        label = next(
            (
                i
                for i, (other, _) in enumerate(own)
                if not other.filled
                and other.bottom < line.top
                and line.bottom < other.top
                and other.right <= line.left
            ),
            None,
        )
        if label is not None:
            own.insert(label + 1, (line, at))
            continue
        below = next((i for i, (other, _) in enumerate(own) if other.top < line.bottom), len(own))
        own.insert(below, (line, at))
    return [line for line, _ in own], [at for _, at in own]


def _page_rules(page: pdfium.PdfPage) -> tuple[list[grids.Rule], list[grids.Rule]]:
    """The straight rules a page draws, horizontal and vertical: thin filled or stroked
    rectangles (a browser's and Word's borders), and the straight edges of stroked paths
    (LibreOffice's border lines; a grid drawn as one path). A page drawn with too many
    path segments to be a document's page of text (a map, a chart) gives none, and paths
    inside a form XObject are not read."""
    horizontal: list[grids.Rule] = []
    vertical: list[grids.Rule] = []
    segments = 0
    # Pages hold thousands of text objects: the loop looks each one's type up cheaply.
    get_object, get_type, raw = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType, page.raw
    paths = (get_object(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw)))
    for path in paths:
        if get_type(path) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        count = pdfium_c.FPDFPath_CountSegments(path)
        segments += max(count, 0)
        if segments > _MAX_PATH_SEGMENTS:
            return [], []
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        if count <= 0 or not pdfium_c.FPDFPath_GetDrawMode(
            path, ctypes.byref(fill), ctypes.byref(stroke)
        ):
            continue
        if not fill.value and not stroke.value:
            continue
        matrix = pdfium_c.FS_MATRIX()
        if not pdfium_c.FPDFPageObj_GetMatrix(path, ctypes.byref(matrix)):
            continue
        for points, closed in _subpaths(path, count, matrix):
            _add_rules(points, closed, bool(stroke.value), horizontal, vertical)
    return horizontal, vertical


def _subpaths(path: Any, count: int, matrix: Any) -> list[tuple[list[tuple[float, float]], bool]]:
    """A path's straight subpaths, each as its points on the page and whether it is closed;
    a subpath with a curve is left out (a rounded box is no table's rule)."""
    found: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    closed = curved = False
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(count + 1):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index) if index < count else None
        kind = pdfium_c.FPDFPathSegment_GetType(segment) if segment else None
        if index == count or kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if len(points) >= 2 and not curved:
                found.append((points, closed))
            points, closed, curved = [], False, False
        if segment is None:
            continue
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            curved = True
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        points.append(
            (
                matrix.a * x.value + matrix.c * y.value + matrix.e,
                matrix.b * x.value + matrix.d * y.value + matrix.f,
            )
        )
        closed = closed or bool(pdfium_c.FPDFPathSegment_GetClose(segment))
    return found


def _add_rules(
    points: list[tuple[float, float]],
    closed: bool,
    stroked: bool,
    horizontal: list[grids.Rule],
    vertical: list[grids.Rule],
) -> None:
    """The rules one subpath draws: itself when it is a thin box or line, else, stroked, each
    of its straight edges along an axis."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if min(width, height) <= _RULE_WIDTH and max(width, height) >= _RULE_LENGTH:
        if width >= height:
            horizontal.append(grids.Rule((min(ys) + max(ys)) / 2, min(xs), max(xs)))
        else:
            vertical.append(grids.Rule((min(xs) + max(xs)) / 2, min(ys), max(ys)))
        return
    if not stroked:
        return  # a filled box: a cell's shading, a picture's frame
    ends = points + [points[0]] if closed else points
    for (x0, y0), (x1, y1) in zip(ends, ends[1:]):
        if abs(y1 - y0) <= _RULE_WIDTH and abs(x1 - x0) >= _RULE_LENGTH:
            horizontal.append(grids.Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= _RULE_WIDTH and abs(y1 - y0) >= _RULE_LENGTH:
            vertical.append(grids.Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _has_picture(document: pdfium.PdfDocument, number: int) -> bool:
    page = document[number]
    try:
        pictures = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)
        return next(pictures, None) is not None
    finally:
        page.close()


def _scanned_lines(document: pdfium.PdfDocument, number: int) -> list[_Line]:
    page = document[number]
    try:
        bitmap = page.render(scale=ocr.DPI / 72, grayscale=True)
        try:
            return _recognized_lines(bitmap.to_numpy(), number)
        finally:
            bitmap.close()
    finally:
        page.close()


def _recognized_lines(pixels: Any, number: int) -> list[_Line]:
    """A page picture's lines by OCR, in points from the page's foot as PDFium gives them."""
    scale = 72 / ocr.DPI
    height = len(pixels) * scale
    lines = []
    for found in ocr.recognize(pixels):
        text = _clean_chars(found.text).strip()
        if not text:
            continue
        size = found.height * scale * _OCR_SIZE
        middle = height - found.middle * scale
        lines.append(
            _Line(
                text,
                number,
                found.left * scale,
                found.right * scale,
                middle + size / 2,
                middle - size / 2,
                found.first_word * scale,
            )
        )
    return lines


def _baseline_and_size(textpage: pdfium.PdfTextPage, index: int) -> tuple[float, float]:
    """Where a character sits and its type size, in page units. Character boxes vary with
    the glyph in some producers' fonts (LibreOffice's: a 'p' is taller than an 'A'), so the
    line's place and size come from its first character's origin and font size, scaled by
    its text matrix (Chromium sets type in pixels and scales the page by 0.75)."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
    matrix = pdfium_c.FS_MATRIX()
    scale = 1.0
    if pdfium_c.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix)):
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
    return y.value, pdfium_c.FPDFText_GetFontSize(textpage.raw, index) * scale


def _raised_marks(textpage: pdfium.PdfTextPage, piece: str, start: int) -> str:
    """The line with its footnote marks written as superscript digits ("fare.¹²"), as the
    page shows them: set small and raised, they would otherwise read as part of a number
    ("in 2031.3", "40 percent.4")."""
    if not any(char.isdigit() for char in piece):
        return piece
    letter = next((i for i, char in enumerate(piece) if char.isalpha()), None)
    if letter is None:
        return piece
    baseline, size = _baseline_and_size(textpage, start + letter)
    if size <= 0:
        return piece
    pieces, last = [], 0
    for run in _DIGITS.finditer(piece):
        mark_baseline, mark_size = _baseline_and_size(textpage, start + run.start())
        if mark_size <= _MARK_SIZE * size and mark_baseline >= baseline + _MARK_RISE * size:
            pieces.append(piece[last : run.start()])
            pieces.append(run.group(0).translate(_SUPERSCRIPT))
            last = run.end()
    pieces.append(piece[last:])
    return "".join(pieces)


def _cells(
    textpage: pdfium.PdfTextPage, piece: str, start: int, size: float
) -> tuple[tuple[float, float, str], ...]:
    """A line's parts where white space wider than ``_CELL_GAP_EMS`` parts two words (a
    table's cells, when the lines around it are parted alike); () when none does."""
    words = list(_WORDS.finditer(piece))
    if len(words) < 2 or size <= 0:
        return ()
    cells: list[tuple[float, float, str]] = []
    first = words[0]
    left = textpage.get_charbox(start + first.start(), loose=True)[0]
    for word, following in zip(words, words[1:]):
        right = textpage.get_charbox(start + word.end() - 1, loose=True)[2]
        next_left = textpage.get_charbox(start + following.start(), loose=True)[0]
        if next_left - right >= _CELL_GAP_EMS * size:
            cells.append((left, right, piece[first.start() : word.end()]))
            first, left = following, next_left
    if not cells:
        return ()
    last = words[-1]
    right = textpage.get_charbox(start + last.end() - 1, loose=True)[2]
    cells.append((left, right, piece[first.start() : last.end()]))
    return tuple(
        (cell_left, cell_right, _without_leader(_clean_chars(text.replace(_LINE_END_HYPHEN, "-"))))
        for cell_left, cell_right, text in cells
    )


def _ruled_rows(
    textpage: pdfium.PdfTextPage,
    lines: list[_Line],
    placed: list[tuple[int, str]],
    page_grids: list[grids.Grid],
) -> list[_Line]:
    """The page's lines with each row of a ruled table read as one line, a row: its cells'
    words, every line of a cell in it (a cell that wraps is read whole), joined by " | ",
    in place of the row's first line. Where rules part the columns but not the rows (a form
    whose rows share one box), each line across the box, a word in every column, is a row.
    A grid is no table when fewer than two of its rows hold words, or a cell of it holds more
    lines than ``_CELL_MAX_LINES`` (a page of text with rules around it); its lines stay."""
    band_of: dict[int, tuple[int, int]] = {}
    for index, line in enumerate(lines):
        for number, grid in enumerate(page_grids):
            row = grid.row_at(line.left, line.right, (line.top + line.bottom) / 2, line.size)
            if row is not None:
                band_of[index] = (number, row)
                break
    parts: dict[tuple[int, int], list[_CellPart]] = {}
    for index, key in band_of.items():
        grid, row = page_grids[key[0]], key[1]
        start, piece = placed[index]
        line = lines[index]
        for column, text in _split_at_rules(textpage, start, piece, grid, row):
            parts.setdefault(key, []).append(_CellPart(line.bottom, line.size, column, text))
    rows: dict[tuple[int, int], list[list[str]]] = {}
    too_long: set[int] = set()
    for key, found in parts.items():
        rows[key], longest = _band_rows(found, len(page_grids[key[0]].columns(key[1])) + 1)
        if longest > _CELL_MAX_LINES:
            too_long.add(key[0])
    bands_with_words = Counter(key[0] for key in rows)
    tables = {number for number, count in bands_with_words.items() if count >= 2} - too_long
    kept: list[_Line] = []
    done: set[tuple[int, int]] = set()
    for index, line in enumerate(lines):
        band = band_of.get(index)
        if band is None or band[0] not in tables or band not in rows:
            kept.append(line)
        elif band not in done:
            done.add(band)
            kept.extend(
                replace(line, text=" | ".join(cells), cells=(), row=True) for cells in rows[band]
            )
    return kept


@dataclass(frozen=True)
class _CellPart:
    """The words of one line that fall in one column of a ruled table's row."""

    baseline: float
    size: float
    column: int
    text: str


def _band_rows(parts: list[_CellPart], columns: int) -> tuple[list[list[str]], int]:
    """The rows between two of a grid's horizontal rules, each its cells' texts, and the
    most lines a cell of them holds. One row, each cell its lines top down, unless every
    line across holds words in every column that has any, and no column's lines run on as
    a sentence does from line to line: then each line is a row."""
    across: list[list[_CellPart]] = []
    for part in sorted(parts, key=lambda part: -part.baseline):
        if across and across[-1][0].baseline - part.baseline < _SAME_BASELINE * part.size:
            across[-1].append(part)
        else:
            across.append([part])
    used = {part.column for part in parts}
    by_column = {column: [p.text for p in parts if p.column == column] for column in used}
    if (
        len(across) >= 2
        and len(used) >= 2
        and all({part.column for part in line} == used for line in across)
        and not any(_runs_on(texts) for texts in by_column.values())
    ):
        return [_cells_of(line, columns) for line in across], 1
    longest = max(map(len, by_column.values()))
    return [_cells_of([part for line in across for part in line], columns)], longest


def _runs_on(lines: list[str]) -> bool:
    """Whether most of a column's lines go on into the next as a sentence's do: no full
    stop at the end, a lower-case word next."""
    joins = list(zip(lines, lines[1:]))
    running = sum(
        1 for line, following in joins if not _SENTENCE_END.search(line) and following[:1].islower()
    )
    return 2 * running > len(joins)


def _cells_of(parts: list[_CellPart], columns: int) -> list[str]:
    texts: list[list[str]] = [[] for _ in range(columns)]
    for part in parts:
        texts[part.column].append(part.text)
    return [_without_leader(_cell_text(lines)) for lines in texts]


def _split_at_rules(
    textpage: pdfium.PdfTextPage, start: int, piece: str, grid: grids.Grid, row: int
) -> list[tuple[int, str]]:
    """A line's text cut where the grid's vertical rules cross it: each part's column and
    text, by where each character's middle falls (white space goes with the character before
    it)."""
    rules = grid.columns(row)
    parts: list[tuple[int, list[str]]] = []
    for offset, char in enumerate(piece):
        if char.isspace() and parts:
            parts[-1][1].append(char)
            continue
        left, _, right, _ = textpage.get_charbox(start + offset, loose=True)
        column = bisect.bisect_left(rules, (left + right) / 2)
        if parts and parts[-1][0] == column:
            parts[-1][1].append(char)
        else:
            parts.append((column, [char]))
    found = []
    for column, chars in parts:
        text = _clean_chars("".join(chars).replace(_LINE_END_HYPHEN, "-")).strip()
        if text:
            found.append((column, text))
    return found


def _without_leader(text: str) -> str:
    """A cell's text, stripped, without the dot leader a tab drew after it."""
    text = text.strip()
    words = text.rstrip(_LEADER_DOTS + " ")
    dots = sum(1 for char in text[len(words) :] if char in _LEADER_DOTS)
    return words if dots >= _LEADER_LENGTH else text


def _cell_text(parts: list[str]) -> str:
    """A cell's lines as one text: a hyphen marked as the typesetter's (soft, or U+2010) is
    dropped and its word's halves joined; any other hyphen at a line's end stays and joins
    without a space ("well-" "known"), as the text's own rule keeps a hyphen nothing decides."""
    text = ""
    for part in parts:
        if not text:
            text = part
        elif len(text) > 1 and text[-2].isalpha() and text[-1] in _SOFT_HYPHENS + _TYPESET_HYPHEN:
            text = text[:-1] + part if part[:1].islower() else text + part
        elif len(text) > 1 and text[-2].isalpha() and text[-1] in _HYPHENS:
            text += part
        else:
            text = f"{text} {part}"
    return text


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


def _drop_page_furniture(
    pages: list[list[_Line]], text_size: float
) -> tuple[list[list[_Line]], list[DroppedText]]:
    """Each page's lines without its running header, footer and page number.

    A line counts as furniture only at a page's edge, and only when it is a bare page number,
    recurs (numbers aside) at the edge of at least half the pages, two or more, or is the
    top line, in type smaller than the text's and set apart from the line below it: a
    heading or a sentence that happens to open a page stays, and so do footnotes. A line
    alike (numbers aside) to another of its own page recurs as a table's rows or a list's
    items do, not as a header, which a page prints once; and a table's row is never
    furniture (ruled, or with the next row under it: a header row repeated on every page).
    """
    signatures = [[_signature(line.text) for line in lines] for lines in pages]
    alike = [{s for s, count in Counter(page).items() if count >= 2} for page in signatures]
    recurring: Counter[str] = Counter()
    for lines, page_signatures, twice in zip(pages, signatures, alike):
        recurring.update({page_signatures[i] for i in _edges(lines)} - twice)
    pages_with_text = sum(1 for lines in pages if lines)
    needed = max(2, math.ceil(_RUNNING_SHARE * pages_with_text))
    kept: list[list[_Line]] = []
    dropped: list[DroppedText] = []
    for lines, page_signatures, twice in zip(pages, signatures, alike):
        kept.append([])
        edges = set(_edges(lines))
        header = _small_header(lines, text_size)
        for index, (line, signature) in enumerate(zip(lines, page_signatures)):
            if line.row:
                kept[-1].append(line)
            elif index in edges and _PAGE_NUMBER.match(line.text):
                dropped.append(DroppedText(text=line.text, reason=REASON_PAGE_NUMBER))
            elif index == header or (
                index in edges
                and signature not in twice
                and recurring[signature] >= needed
                and not _heads_rows(lines, index)
            ):
                dropped.append(DroppedText(text=line.text, reason=REASON_RUNNING))
            else:
                kept[-1].append(line)
    return kept, dropped


def _heads_rows(lines: list[_Line], index: int) -> bool:
    """Whether the line is a table's row with the next row under it (a table's header row,
    repeated at the top of each page it runs over, is the table's, not a running header)."""
    line = lines[index]
    below = [other for other in lines if other.page == line.page and other.top < line.bottom]
    if len(line.cells) < 2 or not below:
        return False
    return _next_row(line, max(below, key=lambda other: other.top))


def _small_header(lines: list[_Line], text_size: float) -> int | None:
    """The index of a page's top line when it is set like a header: smaller type than the
    text's, with at least two of its lines' heights of space below it."""
    if len(lines) < 2 or not text_size:
        return None
    by_height = sorted(range(len(lines)), key=lambda i: -lines[i].top)
    top, below = lines[by_height[0]], lines[by_height[1]]
    if top.row:
        return None
    small = 0 < top.size <= _HEADER_SIZE * text_size
    if small and top.bottom - below.top >= 2 * top.size:
        return by_height[0]
    return None


def _set_footnotes_apart(
    pages: list[list[_Line]], text_size: float
) -> tuple[list[_Line], dict[int, list[str]]]:
    """The text's lines of every page in order, and each page's footnotes as paragraphs.

    Footnotes are the lines at a page's foot in type smaller than the text's, set apart from
    the text above them. Left in the flow they would land inside a sentence that runs on to
    the next page; each new footnote begins with its mark ("1", "*", "†").
    """
    body: list[_Line] = []
    footnotes: dict[int, list[str]] = {}
    for number, lines in enumerate(pages):
        notes = _footnote_lines(lines, text_size)
        body.extend(line for index, line in enumerate(lines) if index not in notes)
        for index in sorted(notes, key=lambda i: -lines[i].top):
            text = lines[index].text
            page_notes = footnotes.setdefault(number, [])
            if page_notes and not _FOOTNOTE_MARK.match(text):
                page_notes[-1] = f"{page_notes[-1]} {text}"
            else:
                page_notes.append(text)
    return body, footnotes


def _footnote_lines(lines: list[_Line], text_size: float) -> set[int]:
    bottom_up = sorted(range(len(lines)), key=lambda i: lines[i].top)
    small = 0
    while (
        small < len(bottom_up)
        and not lines[bottom_up[small]].row
        and 0 < lines[bottom_up[small]].size <= _FOOTNOTE_SIZE * text_size
    ):
        small += 1
    if not small or small == len(bottom_up):
        return set()
    text_above, highest_note = lines[bottom_up[small]], lines[bottom_up[small - 1]]
    if text_above.bottom - highest_note.top < 0.5 * text_above.size:
        return set()
    return set(bottom_up[:small])


# --------------------------------------------------------------------------- tables


def _table_rows(lines: list[_Line]) -> list[_Line]:
    """The lines with a table's rows read as rows: two or more lines in a row, one below the
    other, parted into the same number of cells by gutters that line up (each gutter's white
    overlapping the one above), each read as its cells joined by " | ", a paragraph of its
    own, as a table in a Word or OpenDocument file is. A line beside such rows with fewer
    cells, each gutter of it one of theirs, is a row with empty cells ("Dredging |  | 410
    million"). A lone line with wide gaps, or lines whose gaps do not line up, are text."""
    texts: dict[int, str] = {}
    columns_of: dict[int, _Line] = {}  # each row's full row, whose gutters part the columns
    run = [0] if lines else []
    for index in range(1, len(lines) + 1):
        if index < len(lines) and _next_row(lines[index - 1], lines[index]):
            run.append(index)
            continue
        if len(run) >= 2:
            for i in run:
                texts[i] = " | ".join(cell for _, _, cell in lines[i].cells)
                columns_of[i] = lines[i]
        run = [index]
    # Rows with empty cells next to rows found, and the rows beyond them: downwards, then
    # upwards, so a run of them on either side of a table is found in one pass. Two such
    # rows one under the other were taken for a table of fewer columns; they are the wider
    # table's.
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for index in order:
            for neighbour in (index - 1, index + 1):
                if neighbour not in texts:
                    continue
                wider = len(columns_of[neighbour].cells)
                if index in texts and len(columns_of[index].cells) >= wider:
                    continue
                cells = _sparse_row(columns_of[neighbour], lines[neighbour], lines[index])
                if cells is not None:
                    texts[index] = " | ".join(cells)
                    columns_of[index] = columns_of[neighbour]
    return [
        replace(line, text=texts[index], row=True) if index in texts else line
        for index, line in enumerate(lines)
    ]


def _sparse_row(full: _Line, neighbour: _Line, line: _Line) -> list[str] | None:
    """``line``'s cells in the columns of ``full``, a row of its table ("" where it has
    none), when it is a row of that table, empty cells and all: at least two cells and no
    more than ``full``'s, just above or below ``neighbour`` (a row), each of its gutters
    overlapping one of ``full``'s and no two cells in one column; else None. (A full row
    after a row with empty cells is found so.)"""
    if not 2 <= len(line.cells) <= len(full.cells) or line.page != neighbour.page:
        return None
    step = abs(neighbour.bottom - line.bottom)
    if not 0 < step < _ROW_STEP_EMS * max(line.size, neighbour.size):
        return None
    gutters = _gutters(full)
    if not all(any(_overlap(own, gutter) for gutter in gutters) for own in _gutters(line)):
        return None
    columns = [""] * len(full.cells)
    for left, right, text in line.cells:
        middle = (left + right) / 2
        column = sum(1 for start, end in gutters if middle > (start + end) / 2)
        if columns[column]:
            return None
        columns[column] = text
    return columns


def _next_row(above: _Line, line: _Line) -> bool:
    """Whether ``line`` is the row after ``above`` in a table: as many cells, just below it,
    on the same page, its gutters overlapping ``above``'s."""
    if len(above.cells) < 2 or len(line.cells) != len(above.cells) or line.page != above.page:
        return False
    if not 0 < above.bottom - line.bottom < _ROW_STEP_EMS * max(line.size, above.size):
        return False
    return all(_overlap(a, b) for a, b in zip(_gutters(above), _gutters(line)))


def _gutters(line: _Line) -> list[tuple[float, float]]:
    """The white between a line's cells: each gutter's left and right edges."""
    return [(cell[1], following[0]) for cell, following in zip(line.cells, line.cells[1:])]


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


# --------------------------------------------------------------------------- paragraphs


def _paragraphs(
    lines: list[_Line], footnotes: dict[int, list[str]], page_count: int, text_size: float
) -> tuple[str, list[int]]:
    """Join lines into paragraphs (blank line between them) and note where each page begins.

    A page's footnotes follow the paragraph that ends on it, or, when that paragraph runs on,
    the paragraph it runs into."""
    pitch = _usual_pitch(lines)
    breaks = [
        index > 0 and _new_paragraph(lines, index, pitch, text_size) for index in range(len(lines))
    ]
    hyphens = _Hyphenation(lines, breaks)
    parts: list[str] = []
    length = 0
    page_starts: list[int] = []
    for index, line in enumerate(lines):
        if index == 0:
            joint = ""
        elif breaks[index]:
            joint = "\n\n"
            for note in _due(footnotes, line.page):
                parts.append(f"\n\n{note}")
                length += len(note) + 2
        elif index in hyphens.joined:
            # The typesetter's hyphen: drop it and join the word's halves.
            parts[-1] = parts[-1][:-1]
            length -= 1
            joint = ""
        elif index in hyphens.kept:
            joint = ""
        else:
            joint = " "
        while len(page_starts) < line.page:
            page_starts.append(length + len(joint))
        parts.append(joint)
        parts.append(line.text)
        length += len(joint) + len(line.text)
    for note in _due(footnotes, page_count):
        parts.append(f"\n\n{note}" if parts else note)
        length += len(parts[-1])
    while len(page_starts) < page_count - 1:
        page_starts.append(length)
    return "".join(parts), page_starts


def _due(footnotes: dict[int, list[str]], page: int) -> list[str]:
    """Take out the footnotes of the pages before ``page``."""
    due = [note for number in sorted(footnotes) if number < page for note in footnotes[number]]
    for number in [n for n in footnotes if n < page]:
        del footnotes[number]
    return due


class _Hyphenation:
    """Which hyphens at line ends are the typesetter's (dropped) and which the words' own.

    A hyphen stays when the halves are a compound the document also writes within a line
    ("fund-raiser"), when both halves are words it uses on their own ("far-right"), after a
    common prefix ("re-election"), before a capital ("Wal-Mart") or after a non-letter
    ("U.S.-Mexico"), and so does a dash ("days—the", "--" broken in two). It goes when the
    joined word occurs elsewhere ("regulation"), or when it is marked as the typesetter's: a
    soft hyphen, or U+2010, which renderers (Chromium's among them) print where they
    hyphenate while writers type U+002D. The splits no evidence decides follow the
    document's habit, read from the decided ones: a typeset report hyphenates many words
    (two joined by evidence, more than kept, make a habit), a word processor breaks lines
    only at hyphens already there, and a document that marks its typesetter's hyphens
    leaves the unmarked ones to the words. With no habit to read, the hyphen stays as
    printed: "regu-lation" reads as what it is, while "fiveminute" would misquote the page.
    """

    def __init__(self, lines: list[_Line], breaks: list[bool]) -> None:
        self.joined: set[int] = set()
        self.kept: set[int] = set()
        words, compounds = _vocabulary(lines)
        votes = Counter[bool]()  # True: a split the evidence joins; False: one it keeps
        marked = 0  # splits the document marks as its typesetter's (soft or U+2010)
        undecided: list[int] = []
        for index in range(1, len(lines)):
            previous, text = lines[index - 1].text, lines[index].text
            if breaks[index] or len(previous) < 2 or previous[-1] not in _DASHES:
                continue
            before_dashes = previous.rstrip(_DASHES)
            if not before_dashes or before_dashes[-1].isspace():
                if text[0] in _DASHES:  # "--" broken between its hyphens
                    self.kept.add(index)
                continue  # a spaced dash: "the intermediary -- former President"
            halves = _split_word(previous, text)
            if (previous[-1] in _SOFT_HYPHENS and previous[-2].isalpha()) or (
                halves and previous[-1] == _TYPESET_HYPHEN
            ):
                marked += 1
                self.joined.add(index)
                continue
            if halves is None:
                self.kept.add(index)  # a dash or hyphen the words keep: "U.S.-Mexico", "days—the"
                continue
            head, rest = halves
            if head in _PREFIXES:
                self.kept.add(index)
                continue
            if f"{head}-{rest}" in compounds or (words[head] and words[rest]):
                join = False
            elif words[head + rest]:
                join = True
            else:
                undecided.append(index)
                continue
            votes[join] += 1
            (self.joined if join else self.kept).add(index)
        habit = not marked and votes[True] >= _HABIT_VOTES and votes[True] > votes[False]
        (self.joined if habit else self.kept).update(undecided)


def _split_word(previous: str, text: str) -> tuple[str, str] | None:
    """The two halves, lower-cased, of a word a line-end hyphen may have split: a letter
    before the hyphen and a lower-case word after it."""
    head = _WORD.findall(previous)
    tail = _WORD.match(text)
    if previous[-1] not in _HYPHENS or not previous[-2].isalpha() or not head or not tail:
        return None
    if not text[:1].islower():
        return None
    return head[-1].lower(), tail.group(0).lower()


def _vocabulary(lines: list[_Line]) -> tuple[Counter[str], set[str]]:
    """The words the document writes whole, and its hyphenated compounds written inside a
    line; the halves of words split at line ends are neither."""
    words: Counter[str] = Counter()
    compounds: set[str] = set()
    split_before = False
    for line in lines:
        found = _WORD.findall(line.text)
        split_after = line.text[-1:] in _DASHES and len(line.text) > 1 and line.text[-2].isalpha()
        whole = found[int(split_before) : len(found) - int(split_after)]
        words.update(w.lower() for w in whole)
        inner = line.text.rstrip(_DASHES)
        compounds.update(c.lower() for c in _COMPOUND.findall(inner))
        split_before = split_after
    return words, compounds


def _usual_pitch(lines: list[_Line]) -> float:
    """The median distance between the baselines of consecutive lines of a column, in ems of
    their font (so a heading's wider spacing is not read as a gap between its lines)."""
    steps = [
        (a.bottom - b.bottom) / a.size
        for a, b in zip(lines, lines[1:])
        if a.page == b.page and a.size > 0 and 0 < a.bottom - b.bottom < 3 * a.size
    ]
    return statistics.median(steps) if steps else 0.0


def _new_paragraph(lines: list[_Line], index: int, pitch: float, text_size: float) -> bool:
    """Whether ``lines[index]`` begins a paragraph, read from its place and the line before."""
    before, line = lines[index - 1], lines[index]
    if line.row or before.row or line.filled != before.filled:
        return True
    if _SYMBOL_BULLET.match(line.text) or (
        _ITEM.match(line.text) and _SENTENCE_END.search(before.text)
    ):
        return True
    if not line.size or not before.size:
        return False  # no geometry: lines within a page join
    if abs(line.size - before.size) > _SIZE_CHANGE * max(line.size, before.size):
        return True
    same_flow = line.page == before.page and line.top < before.bottom + 0.5 * line.size
    if same_flow and pitch and before.bottom - line.bottom > _GAP_FACTOR * pitch * line.size:
        return True
    if _indented(lines, index, same_flow):
        return True
    if min(line.size, before.size) > (1 + _SIZE_CHANGE) * text_size:
        return False  # a heading's lines: its author breaks them where the sense does
    return _ends_early(lines, index - 1, line)


def _indented(lines: list[_Line], index: int, same_flow: bool) -> bool:
    """A first line set in from the lines of its paragraph: from the line before when both
    are in one column, else (the top of a column or page) from the line after it."""
    before, line = lines[index - 1], lines[index]
    follow = lines[index + 1] if index + 1 < len(lines) else None
    follows_below = (
        follow is not None
        and follow.page == line.page
        and follow.top < line.bottom + 0.5 * line.size
        and abs(follow.size - line.size) <= _SIZE_CHANGE * line.size
    )
    indent = _INDENT_EMS * line.size
    if same_flow:
        return line.left > before.left + indent and (
            not follows_below or follow is None or follow.left < line.left - 0.5 * line.size
        )
    return follows_below and follow is not None and line.left > follow.left + indent


def _ends_early(lines: list[_Line], index: int, following: _Line) -> bool:
    """Whether a line stops short of its column's right edge by more than the next line's
    first word needs: a typesetter would have put that word on it, so the paragraph ended."""
    line = lines[index]
    room = _column_edge(lines, index) - line.right - _SPACE_EMS * line.size
    if room <= following.first_word:
        return False
    return bool(_SENTENCE_END.search(line.text)) or following.text[:1].isupper()


def _column_edge(lines: list[_Line], index: int) -> float:
    """The right edge of a line's column: the furthest right that lines near it reach, of
    its page and type size, starting where it starts (an indent apart) and no more than a
    few lines above or below it (a running header of the text's size is not its column)."""
    line = lines[index]
    edge = line.right
    for other in lines[max(0, index - 6) : index + 7]:
        if (
            other.page == line.page
            and abs(other.bottom - line.bottom) < _NEAR_EMS * line.size
            and abs(other.size - line.size) <= _SIZE_CHANGE * line.size
            and abs(other.left - line.left) < 3 * line.size
        ):
            edge = max(edge, other.right)
    return edge
