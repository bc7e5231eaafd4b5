"""Reading PDFs: paragraphs rebuilt from the page geometry, hyphens, page furniture, pages.

Every document here is written by ``tests.pdf_writer`` and set the way a typesetter sets a
report: Helvetica 11 pt on a 14 pt line pitch, a left margin of 72 pt, justified lines that
reach the column's right edge and a short last line, headings in a larger size.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.errors import SourceError
from briefing.grounding import align_quote
from briefing.models import DroppedText, Source
from briefing.sources import load_sources
from tests.pdf_writer import PAGE_WIDTH, Rect, Text, pdf_bytes, text_width

LEFT = 72.0
WIDTH = PAGE_WIDTH - 2 * LEFT  # 468 pt: the column of a one-column page
TOP = 720.0  # baseline of a page's first body line
SIZE = 11.0
PITCH = 14.0
HEADING = 16.0
HEADING_PITCH = 19.0
RUNNING = "Marrowgate Harbour Council | Tidal Barrier Levy Review"

P1 = (
    "The harbour council proposed a tidal barrier levy on every berth in Marrowgate in the "
    "spring. Owners of small fishing boats said the charge would fall hardest on them, while "
    "the ferry operators asked for a five-year phase-in. The council promised to publish its "
    "cost model before the autumn vote."
)
P2 = (
    "A review by the regional audit office found that the barrier would cost forty per cent "
    "more than first estimated. The auditors blamed rising steel prices and a late change to "
    "the design of the northern gate. They recommended a reserve for further overruns."
)
P3 = (
    "Ferry operators carried just over two million passengers through the harbour last year, "
    "and their trade body argued that a charge per crossing would be fairer than a charge per "
    "berth. The council replied that counting crossings would need new ticket barriers at both "
    "piers. It estimated that the barriers alone would cost more than the levy raised in its "
    "first year."
)
P4 = (
    "Inshore fishermen asked for an exemption for boats under ten metres. Their association "
    "said that most of its members earned less than the national median wage and could not "
    "pass the charge on to buyers at the fish market. The council agreed to model a lower "
    "rate for small boats before the vote."
)
P5 = (
    "The auditors advised the council to publish the full cost model, to consult the harbour "
    "users again on the rates, and to hold back a tenth of the levy each year as a reserve. "
    "They also asked for an annual report on the state of the northern gate."
)


# --------------------------------------------------------------------------- typesetting


def wrap(text: str, width: float = WIDTH, size: float = SIZE, indent: float = 0.0) -> list[str]:
    """Fill lines greedily, as a word processor does: a word goes on the line if it fits."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        room = width - (indent if not lines else 0.0)
        if current and text_width(trial, size) > room:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


@dataclass
class Para:
    """One paragraph's lines and how it is set."""

    lines: list[str]
    size: float = SIZE
    pitch: float = PITCH
    indent: float = 0.0
    space_before: float = 0.0
    justify: bool = True
    full_last: bool = False  # the last line happens to fill the column too


def para(text: str, *, width: float = WIDTH, **how: object) -> Para:
    indent = how.get("indent", 0.0)
    size = how.get("size", SIZE)
    assert isinstance(indent, float) and isinstance(size, float)
    return Para(wrap(text, width, size, indent), **how)  # type: ignore[arg-type]


def column(
    paras: list[Para], *, x: float = LEFT, top: float = TOP, width: float | None = None
) -> list[Text]:
    """Set paragraphs down a column from ``top``. Justified lines are stretched to the column
    width, which is by default the natural width of the widest of them."""
    if width is None:
        width = max(
            (text_width(line, p.size) + (p.indent if n == 0 else 0.0))
            for p in paras
            for n, line in enumerate(p.lines)
            if p.justify and (n < len(p.lines) - 1 or p.full_last)
        )
    items: list[Text] = []
    y = top
    for number, p in enumerate(paras):
        if number:
            y -= p.space_before
        for n, line in enumerate(p.lines):
            inset = p.indent if n == 0 else 0.0
            stretch = p.justify and (n < len(p.lines) - 1 or p.full_last)
            items.append(Text(line, x + inset, y, p.size, width - inset if stretch else None))
            y -= p.pitch
    return items


def header(text: str = RUNNING) -> Text:
    return Text(text, LEFT, 756.0, 9.0)


def footer(text: str) -> Text:
    return Text(text, PAGE_WIDTH / 2 - text_width(text, 9.0) / 2, 40.0, 9.0)


def read(tmp_path: Path, pages: list[list[Text | Rect]], name: str = "report.pdf", **kw: str) -> Source:
    path = tmp_path / name
    path.write_bytes(pdf_bytes(pages, **kw))
    [source] = load_sources([str(path)])
    return source


def _error(paths: list[str]) -> SourceError:
    with pytest.raises(SourceError) as info:
        load_sources(paths)
    message = str(info.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return info.value


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s]


# --------------------------------------------------------------------------- the writer


def test_writer_makes_a_pdf_that_a_strict_reader_opens_as_written(tmp_path: Path) -> None:
    """The helper's PDF is valid: escaped brackets and backslashes come back as written."""
    line = r"The levy (if passed) costs 2\3 of the old rate, the council said."
    source = read(tmp_path, [[Text(line, LEFT, TOP)]])
    assert source.text == line
    assert source.page_starts == []


# --------------------------------------------------------------------------- paragraphs


@pytest.mark.parametrize("justify", [True, False], ids=["justified", "ragged-right"])
def test_lines_of_a_paragraph_join_with_single_spaces(tmp_path: Path, justify: bool) -> None:
    """Line ends become single spaces, even after a full line that ends a sentence."""
    paragraph = para(P1, justify=justify)
    assert len(paragraph.lines) >= 3
    assert paragraph.lines[0].endswith("spring.")  # a sentence ends at a line end
    source = read(tmp_path, [column([paragraph], width=WIDTH)])
    assert source.text == P1


@pytest.mark.parametrize(
    ("cue", "first", "second"),
    [
        ("gap", {"full_last": True}, {"space_before": 8.0}),
        ("indent", {"full_last": True}, {"indent": 18.0}),
        ("short last line", {}, {}),
    ],
)
def test_paragraph_break_from_one_cue(
    tmp_path: Path, cue: str, first: dict[str, object], second: dict[str, object]
) -> None:
    """Each cue alone ends a paragraph: a larger gap, a first-line indent, a short last line
    ending a sentence (the other cues absent: a full last line, no gap, no indent)."""
    one, two = para(P1, **first), para(P2, **second)
    if cue == "short last line":
        assert text_width(one.lines[-1], SIZE) < WIDTH / 2
    source = read(tmp_path, [column([one, two], width=WIDTH)])
    assert source.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "lines",
    [
        ["Who pays for the tidal barrier: the fishing fleet, the ferry", "companies or the town?"],
        pytest.param(
            ["Marrowgate Harbour", "Tidal Barrier Levy Options for 2032"],
            marks=pytest.mark.xfail(
                strict=True,
                reason="bug: a heading whose first line is the shorter one, before a capital, "
                "is split in two paragraphs",
            ),
            id="balanced-title-case",
        ),
    ],
)
@pytest.mark.parametrize("space_after", [0.0, 10.0])
def test_heading_wrapped_over_two_lines_is_one_paragraph(
    tmp_path: Path, lines: list[str], space_after: float
) -> None:
    """A heading in a larger size is one paragraph, apart from the body that follows."""
    heading = Para(lines, size=HEADING, pitch=HEADING_PITCH, justify=False)
    body = para(P1, space_before=space_after)
    source = read(tmp_path, [column([heading, body], width=WIDTH)])
    assert source.text == f"{' '.join(lines)}\n\n{P1}"
