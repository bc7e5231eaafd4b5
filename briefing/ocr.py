"""Scanned pages read by OCR, and the order their lines are read in.

Recognition is RapidOCR's PP-OCR models, which ship inside its wheel (nothing is downloaded),
run by ONNX Runtime on the CPU. It is optional (``pip install 'briefing[ocr]'``): without it a
scanned PDF or a picture of a page is refused with that advice. The recognizer gives text
lines with their boxes in the picture; this module turns a page fed in sideways, upside down
or askew the way its text reads, puts the lines in reading order, a column at a time, and
``briefing.pdf`` builds paragraphs from them as it does from a text layer.
"""

from __future__ import annotations

import ctypes
import importlib.util
import math
import statistics
import threading
from dataclasses import dataclass, replace
from typing import Any

INSTALL_HINT = "pip install 'briefing[ocr]'"
DPI = 200
"""Pages are rendered at this resolution: recognition was as accurate at 120 to 300 dpi and
took about as long; 200 leaves room for small type."""

_SPANNING = 0.6
"""A line reaching across more than this share of the text's width spans the columns."""
_SAME_ROW = 0.5
"""Boxes of one column whose middles lie within this share of a line's height form one line
(the recognizer splits a line at a wide space)."""
_COLUMN_LINES = 3
"""A column has at least this many lines beside a strip of white for the strip to be a
gutter: fewer are a heading's or a caption's."""
_GUTTER = 0.5
"""The narrowest gutter, in line heights."""
SIZE_JITTER = 0.2
"""Lines of the text's size measured 0.83 to 1.15 of the usual (see ``_even_heights``) in
scans of five news articles in four layouts and of a three-page report; headings 1.39 and
over."""
_MEASURED_LETTERS = 12
"""Lines shorter than this are measured by their height alone."""
_SHORT_JITTER = 0.45
"""The recognizer pads a short line's box more: the last lines of paragraphs ("Boeing.",
"bill.\"") measured 0.90 to 1.36 of the usual height, a title's short second line 1.71."""

_SKEW_MIN = math.radians(0.2)
"""A page turned less than this is read as it is (a straight page measures 0: its boxes are
upright rectangles)."""
_SKEW_LINE = 8
"""Lines at least this many times as long as they are high give the page's slant."""
_SKEW_LINES = 3
"""Fewer such lines than this (a picture of a short note) give no slant to correct."""

_DOUBTFUL = 0.85
"""A page read the right way up gives a mean recognition confidence of 0.98 to 1.00 (grainy
scans too), the same page upside down 0.61 to 0.69: below this, it is read turned round as
well, and the better reading kept."""
_SIDEWAYS = 0.5
"""A page on which more than this share of the text boxes stand taller than wide was fed in
sideways: it is turned a quarter each way and read again."""
_UPRIGHT_PREFERENCE = 0.05
"""Between readings of about the same confidence, one whose lines lie across the page is
kept: the recognizer turns a tall box before reading it, so it can read a sideways page's
words well, but their order on the page is then lost."""

_LOCK = threading.Lock()
_ENGINE: Any = None


@dataclass(frozen=True)
class OcrLine:
    """One line of text in a page picture; coordinates in pixels, y growing downward."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    first_word: float
    """The width of the line's first word (see ``briefing.pdf._Line``)."""
    letter_width: float
    """The mean width of its words' characters, spaces left out (justification stretches
    those): with the box's height, a measure of the type's size."""

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def available() -> bool:
    """Whether the optional OCR packages are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime"))


def recognize(pixels: Any) -> list[OcrLine]:
    """The text lines of one page picture (a grey or colour array), in reading order, each
    line's height evened to its type size's (see ``_even_heights``). A page fed in sideways
    or upside down is turned the way its text reads (``_upright``); a page fed in askew is
    straightened and read again: tilted lines of two columns run into each other."""
    pixels, reading = _upright(pixels, _read(pixels))
    angle = page_skew(reading.boxes)
    if abs(angle) >= _SKEW_MIN:
        reading = _read(_straightened(pixels, angle))
    lines = []
    for index, (box, text) in enumerate(zip(reading.boxes, reading.texts)):
        if not text.strip():
            continue
        line_words = reading.words[index] if index < len(reading.words) else []
        lines.append(_line(box, " ".join(text.split()), line_words))
    return _even_heights(reading_order(lines))


Points = list[tuple[float, float]]


@dataclass(frozen=True)
class _Reading:
    """The recognizer's lines: each one's box, text, confidence, and words with their boxes."""

    boxes: list[Points]
    texts: list[str]
    scores: list[float]
    words: list[list[tuple[str, Points]]]

    @property
    def confidence(self) -> float:
        return statistics.fmean(self.scores) if self.scores else 0.0

    @property
    def sideways(self) -> bool:
        tall = sum(1 for box in self.boxes if _height(box) > _width(box))
        return len(self.boxes) >= _SKEW_LINES and tall > _SIDEWAYS * len(self.boxes)

    def ranking(self) -> float:
        return self.confidence + (0.0 if self.sideways else _UPRIGHT_PREFERENCE)


def _read(pixels: Any) -> _Reading:
    with _LOCK:
        # The angle classifier is off: on upright scans it turned whole lines upside down
        # and read them as nonsense.
        result = _engine()(pixels, use_cls=False, return_word_box=True)
    boxes = [_points(box) for box in (result.boxes if result.boxes is not None else ())]
    # A line's words as (text, score, box); a page with no text gives placeholders instead.
    words = [
        [(word[0], _points(word[2])) for word in line_words if _is_word(word)]
        for line_words in (result.word_results or ())
    ]
    scores = [float(score) for score in (result.scores or ())]
    return _Reading(boxes, list(result.txts or ()), scores, words)


def _upright(pixels: Any, reading: _Reading) -> tuple[Any, _Reading]:
    """The page turned the way its text reads, and its reading. A page whose lines stand
    up is turned a quarter the likelier way, then, if that reads no better than doubtfully,
    the other; a page read with doubtful confidence is turned round. A page read well as it
    is costs nothing more."""
    import numpy

    turns: tuple[int, ...]  # quarter turns anticlockwise, tried in turn
    if reading.sideways:
        # The recognizer turns a tall box a quarter anticlockwise before reading it: when
        # that read well, the page wants the same turn, else most likely the other.
        turns = (1, 3) if reading.confidence >= _DOUBTFUL else (3, 1)
    elif reading.texts and reading.confidence < _DOUBTFUL:
        turns = (2,)
    else:
        return pixels, reading
    best = (pixels, reading)
    for turn in turns:
        turned = numpy.ascontiguousarray(numpy.rot90(pixels, turn))
        again = _read(turned)
        if again.ranking() > best[1].ranking():
            best = (turned, again)
        if not best[1].sideways and best[1].confidence >= _DOUBTFUL:
            break
    return best


def _height(box: Points) -> float:
    return max(y for _, y in box) - min(y for _, y in box)


def _width(box: Points) -> float:
    return max(x for x, _ in box) - min(x for x, _ in box)


def _is_word(word: Any) -> bool:
    return isinstance(word, (tuple, list)) and len(word) >= 3 and isinstance(word[0], str)


def _points(box: Any) -> Points:
    return [(float(x), float(y)) for x, y in box]


def page_skew(boxes: list[Points]) -> float:
    """How far the page is turned, in radians (positive: lines fall to the right), as the
    median slope of the long lines' top edges. The recognizer's boxes follow the text's
    slant, so a sheet fed in askew shows in every line alike."""
    slopes = []
    for box in boxes:
        (x1, y1), (x2, y2), _, (_, y4) = box
        length = math.hypot(x2 - x1, y2 - y1)
        if length > _SKEW_LINE * abs(y4 - y1) > 0:
            slopes.append(math.atan2(y2 - y1, x2 - x1))
    return statistics.median(slopes) if len(slopes) >= _SKEW_LINES else 0.0


def _straightened(pixels: Any, angle: float) -> Any:
    """The page turned back by ``angle``, about its centre; corners filled white."""
    import numpy
    from PIL import Image

    white = 255 if pixels.ndim == 2 else (255,) * pixels.shape[2]
    picture = Image.fromarray(pixels).rotate(
        math.degrees(angle), resample=Image.Resampling.BICUBIC, fillcolor=white
    )
    return numpy.asarray(picture)


def _line(box: Points, text: str, words: list[tuple[str, Points]]) -> OcrLine:
    """A recognized line; its extent across is its words' (the line's box is padded)."""
    xs = [x for x, _ in box]
    ys = [y for _, y in box]
    left, right = min(xs), max(xs)
    first_word = (right - left) * len(text.split()[0]) / len(text)
    letter_width = (right - left) / len(text)
    if words:
        extents = [(min(x for x, _ in box), max(x for x, _ in box)) for _, box in words]
        left, right = extents[0][0], extents[-1][1]
        first_word = extents[0][1] - extents[0][0]
        letters = sum(len(word[0]) for word in words)
        letter_width = sum(b - a for a, b in extents) / max(1, letters)
    return OcrLine(
        text,
        float(left),
        float(right),
        float(min(ys)),
        float(max(ys)),
        float(first_word),
        float(letter_width),
    )


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        from rapidocr import RapidOCR

        _ENGINE = RapidOCR(
            params={
                "Global.log_level": "error",
                # Text is found on a copy at most 1280 pixels high: the same words were read
                # on scans of four layouts as at full size, in three quarters of the time and
                # 250 MB less memory. Words are still read from the full-size page.
                "Det.limit_type": "max",
                "Det.limit_side_len": 1280,
            }
        )
    return _ENGINE


def release_memory() -> None:
    """Give the working memory of the pages just read back to the system (glibc keeps freed
    memory for reuse; about 300 MB after a few pages), before the model needs its own."""
    with _LOCK:
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc: nothing to give back this way
            pass


def reading_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Top to bottom, a column at a time.

    Lines that span the columns (a title, the paragraphs of a one-column part) divide the
    page into bands; within a band, vertical strips of white that no line crosses divide it
    into columns, read left to right, each top to bottom. A line spans when it reaches across
    most of the text's width, or when it is one of the few that cross a strip the other lines
    of its band leave white (a title over two columns). Lines side by side on one row are one
    line, within a column or in a band without two columns of lines (a header's title and
    date).
    """
    if not lines:
        return []
    width = max(line.right for line in lines) - min(line.left for line in lines)
    ordered = sorted(lines, key=lambda item: (item.top, item.left))
    spanning = {i for i, line in enumerate(ordered) if line.right - line.left > _SPANNING * width}
    while True:
        bands = _bands(ordered, spanning)
        bridges = {i for band in bands for i in _bridges(ordered, band)}
        if not bridges:
            break
        spanning |= bridges
    result: list[OcrLine] = []
    for band in bands:
        members = [ordered[i] for i in band]
        if len(band) == 1 or band[0] in spanning:
            result.extend(members)
            continue
        columns = [_rows(column) for column in _columns(members)]
        if sum(1 for rows in columns if len(rows) > 1) > 1:
            result.extend(row for rows in columns for row in rows)
        else:  # no two columns of lines: boxes apart on a row are pieces of one line
            result.extend(_rows(members))
    return _rows_joined(result)


def _rows_joined(lines: list[OcrLine]) -> list[OcrLine]:
    """Consecutive lines on one row, side by side, joined (a title the recognizer cut in
    two; a running header's title and date)."""
    joined: list[OcrLine] = []
    for line in lines:
        last = joined[-1] if joined else None
        if (
            last is not None
            and abs(line.middle - last.middle) < _SAME_ROW * min(line.height, last.height)
            and (line.left >= last.right or line.right <= last.left)
        ):
            joined[-1] = _joined(sorted([last, line], key=lambda item: item.left))
        else:
            joined.append(line)
    return joined


def _bands(lines: list[OcrLine], spanning: set[int]) -> list[list[int]]:
    """Runs of lines between spanning lines (each spanning line a band of its own)."""
    bands: list[list[int]] = []
    current: list[int] = []
    for index in range(len(lines)):
        if index in spanning:
            if current:
                bands.append(current)
            bands.append([index])
            current = []
        else:
            current.append(index)
    if current:
        bands.append(current)
    return bands


def _bridges(lines: list[OcrLine], band: list[int]) -> set[int]:
    """The few lines of a band that cross a strip which the others leave white, with at
    least ``_COLUMN_LINES`` lines wholly on each side of it: they span its columns."""
    if len(band) < 2 * _COLUMN_LINES:
        return set()
    members = [lines[i] for i in band]
    few = max(1, len(band) // 10)
    height = statistics.median(line.height for line in members)
    edges = sorted({round(x) for line in members for x in (line.left, line.right)})
    for a, b in zip(edges, edges[1:]):
        if b - a < _GUTTER * height:
            continue
        crossing = [i for i, line in zip(band, members) if line.left < b and line.right > a]
        if not crossing or len(crossing) > few:
            continue
        left_of = sum(1 for line in members if line.right <= a)
        right_of = sum(1 for line in members if line.left >= b)
        if left_of >= _COLUMN_LINES and right_of >= _COLUMN_LINES:
            return set(crossing)
    return set()


def _columns(band: list[OcrLine]) -> list[list[OcrLine]]:
    """A band's lines grouped by the vertical strips of white between them, left to right."""
    columns: list[list[OcrLine]] = []
    reach = -math.inf
    for line in sorted(band, key=lambda item: item.left):
        if columns and line.left <= reach:
            columns[-1].append(line)
        else:
            columns.append([line])
        reach = max(reach, line.right)
    return columns


def _rows(column: list[OcrLine]) -> list[OcrLine]:
    """A column's lines top to bottom, boxes on one row joined left to right."""
    rows: list[list[OcrLine]] = []
    for line in sorted(column, key=lambda item: item.middle):
        last = rows[-1][-1] if rows else None
        if last is not None and abs(line.middle - last.middle) < _SAME_ROW * last.height:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [_joined(sorted(row, key=lambda item: item.left)) for row in rows]


def _joined(row: list[OcrLine]) -> OcrLine:
    if len(row) == 1:
        return row[0]
    return OcrLine(
        text=" ".join(line.text for line in row),
        left=row[0].left,
        right=max(line.right for line in row),
        top=min(line.top for line in row),
        bottom=max(line.bottom for line in row),
        first_word=row[0].first_word,
        letter_width=statistics.median(line.letter_width for line in row),
    )


def _even_heights(lines: list[OcrLine]) -> list[OcrLine]:
    """Each line's height set to its type size as measured against the page's usual line.

    The recognizer's box heights for one type size vary by a fifth, and the paragraph rules
    read a change of size as a new paragraph. So the measure is the geometric mean of the
    line's height and its letters' mean width (for a line of ``_MEASURED_LETTERS`` or more),
    each as a share of the page's usual; within ``SIZE_JITTER`` of 1 (``_SHORT_JITTER`` for
    a shorter line, measured by its height alone) the line takes the usual height. A heading
    (taller and wider) keeps its size; type a little smaller than the text's (a running
    header, a footnote) cannot be told from it this way.
    """
    if not lines:
        return lines
    usual_height = statistics.median(line.height for line in lines)
    long_lines = [line.letter_width for line in lines if len(line.text) >= _MEASURED_LETTERS]
    usual_width = statistics.median(long_lines) if long_lines else 0.0
    evened = []
    for line in lines:
        share = line.height / usual_height
        jitter = _SHORT_JITTER
        if usual_width and len(line.text) >= _MEASURED_LETTERS:
            share = math.sqrt(share * line.letter_width / usual_width)
            jitter = SIZE_JITTER
        if abs(share - 1) <= jitter:
            share = 1.0
        half = share * usual_height / 2
        evened.append(replace(line, top=line.middle - half, bottom=line.middle + half))
    return evened
