"""Reading PDFs: paragraphs rebuilt from the page geometry, hyphens, page furniture, pages.

Every document here is written by ``tests.pdf_writer`` and set the way a typesetter sets a
report: Helvetica 11 pt on a 14 pt line pitch, a left margin of 72 pt, justified lines that
reach the column's right edge and a short last line, headings in a larger size.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from briefing.errors import SourceError
from briefing.grounding import align_quote
from briefing.models import DroppedText, Source
from briefing.sources import load_sources
from tests.pdf_writer import PAGE_WIDTH, Field, Rect, Stroke, Text, pdf_bytes, text_width

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


def para(
    text: str,
    *,
    width: float = WIDTH,
    size: float = SIZE,
    pitch: float = PITCH,
    indent: float = 0.0,
    space_before: float = 0.0,
    justify: bool = True,
    full_last: bool = False,
) -> Para:
    """``text`` wrapped to ``width`` and set as one paragraph."""
    return Para(
        wrap(text, width, size, indent), size, pitch, indent, space_before, justify, full_last
    )


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


def read(
    tmp_path: Path,
    pages: Sequence[Sequence[Text | Rect | Stroke | Field]],
    name: str = "report.pdf",
    title: str | None = None,
) -> Source:
    """Write ``pages`` as a PDF file and load it as a source."""
    path = tmp_path / name
    path.write_bytes(pdf_bytes(pages, title=title))
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


def test_writer_output_is_a_valid_pdf_that_reads_back_as_written(tmp_path: Path) -> None:
    """The helper's cross-reference table points at every object, so no reader has to
    repair the file; brackets and backslashes, escaped, come back as written."""
    line = r"The levy (if passed) costs 2\3 of the old rate, the council said."
    data = pdf_bytes([[Text(line, LEFT, TOP)], [Rect(72, 72, 100, 100)]], title="Levy (draft)")
    xref = int(re.findall(rb"startxref\n(\d+)\n%%EOF\n$", data)[0])
    table = data[xref:].split(b"trailer")[0].split(b"\n")
    assert table[0] == b"xref"
    count = int(table[1].split()[1])
    entries = table[2 : 2 + count]
    assert entries[0] == b"0000000000 65535 f "
    for number, entry in enumerate(entries[1:], start=1):
        assert len(entry) + 1 == 20  # each entry is 20 bytes, end of line included
        offset = int(entry[:10])
        assert data[offset:].startswith(f"{number} 0 obj\n".encode())
    source = read(tmp_path, [[Text(line, LEFT, TOP)]], title="Levy (draft)")
    assert source.text == line
    assert source.title == "Levy (draft)"
    assert source.page_starts == []


# --------------------------------------------------------------------------- paragraphs


@pytest.mark.parametrize("glyph_spaces", [True, False], ids=["space-glyphs", "tex-gaps"])
@pytest.mark.parametrize("justify", [True, False], ids=["justified", "ragged-right"])
def test_lines_of_a_paragraph_join_with_single_spaces(
    tmp_path: Path, justify: bool, glyph_spaces: bool
) -> None:
    """Line ends become single spaces, even after a full line that ends a sentence; words
    set apart by pen moves instead of space glyphs (TeX) read the same."""
    paragraph = para(P1, justify=justify)
    assert len(paragraph.lines) >= 3
    assert paragraph.lines[0].endswith("spring.")  # a sentence ends at a line end
    lines = [replace(t, glyph_spaces=glyph_spaces) for t in column([paragraph], width=WIDTH)]
    source = read(tmp_path, [lines])
    assert source.text == P1


def test_ragged_line_ending_a_sentence_before_a_wide_word_joins(tmp_path: Path) -> None:
    """Ragged right: a line ends on a sentence because the next word, a wide one, did not
    fit; that is a full line, not a paragraph's end."""
    first = "The harbour master asked the ferry companies for their passenger figures by March."
    text = f"{first} Whenever the council met, the figures were late, and the levy was delayed."
    width = text_width(f"{first} Whenever", SIZE) - 1.0
    lines = wrap(text, width)
    assert lines[0] == first and lines[1].startswith("Whenever")
    body = [para(P1, width=width), para(text, width=width, space_before=8.0, justify=False)]
    source = read(tmp_path, [column(body, width=width)])
    assert source.text == f"{P1}\n\n{text}"


def test_dash_opening_a_line_inside_a_sentence_does_not_start_a_paragraph(
    tmp_path: Path,
) -> None:
    """A spaced dash carried to the start of a line continues the sentence; a bullet, or a
    dash after a line that ends a sentence, opens a list item."""
    lines = [
        "The council expects the levy to raise four million a year from the berth holders of the",
        "\u2013 mostly small \u2013 fishing fleet and from the two ferry companies that use the "
        "harbour.",
    ]
    items = [
        "The auditors made three recommendations to the harbour council in their final report:",
        "\u2022 publish the full cost model of the barrier before the vote on the levy in the "
        "autumn;",
        "\u2022 hold back a tenth of the levy every year as a reserve for overruns on the gates;",
        "\u2013 report each year to the harbour users on the state of the northern gate and its "
        "costs.",
    ]
    body = [para(P1), Para(lines, space_before=8.0), Para(items, space_before=8.0, full_last=True)]
    source = read(tmp_path, [column(body)])
    assert source.text == "\n\n".join([P1, " ".join(lines), *items])


@pytest.mark.parametrize(
    ("cue", "first", "second"),
    [
        ("gap", {"full_last": True}, {"space_before": 8.0}),
        ("indent", {"full_last": True}, {"indent": 18.0}),
        ("short last line", {}, {}),
    ],
)
def test_paragraph_break_from_one_cue(
    tmp_path: Path, cue: str, first: dict[str, Any], second: dict[str, Any]
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


# --------------------------------------------------------------------------- hyphens

LEAD_REGULATION = (
    "Under the draft scheme every berth holder would pay the charge twice a year, as the new regu-",
    "lation requires, and the ferry companies would report their passenger numbers each quarter.",
)
LEAD_FUND_RAISER = (
    "The lifeboat crews asked whether the levy would replace the money raised at the annual fund-",
    "raiser, which paid for their new engine, and the council said it would not touch that money.",
)
LEAD_FRANCO_GERMAN = (
    "The design of the northern gate follows a study carried out for the council by a joint "
    "Franco-",
    "German team of engineers, who had worked on two similar barriers on the Atlantic coast.",
)


@pytest.mark.parametrize(
    ("lines", "elsewhere", "word"),
    [
        pytest.param(
            LEAD_REGULATION,
            "The regulation was first proposed by the harbour master in 2029.",
            "regulation",
            id="typesetter-hyphen-word-used-elsewhere",
        ),
        pytest.param(
            LEAD_REGULATION,
            "The harbour master first proposed the charge in 2029.",
            "regu-lation",
            id="no-evidence-keeps-the-hyphen-as-printed",
        ),
        pytest.param(
            LEAD_FUND_RAISER,
            "A fund-raiser in the old harbour hall paid for the first survey of the gate.",
            "fund-raiser",
            id="compound-written-inside-a-line-elsewhere",
        ),
        pytest.param(
            LEAD_FRANCO_GERMAN,
            "The harbour master first proposed the charge in 2029.",
            "Franco-German",
            id="hyphen-before-a-capital",
        ),
    ],
)
def test_hyphen_at_a_line_end(
    tmp_path: Path, lines: tuple[str, str], elsewhere: str, word: str
) -> None:
    """A typesetter's hyphen goes ('regu-' + 'lation' where the document writes
    'regulation'); a word's own hyphen stays, with no space after it: a compound the document
    writes inside a line, or before a capital; so does one nothing decides, as printed."""
    body = Para(list(lines), space_before=8.0)
    other = para(elsewhere, space_before=8.0)
    source = read(tmp_path, [column([para(P1), body, other], width=WIDTH)])
    first, second = lines
    paragraph = first + second if "-" in word else first[:-1] + second
    assert f" {word}" in paragraph
    assert source.text == f"{P1}\n\n{paragraph}\n\n{elsewhere}"


def test_hyphens_follow_the_documents_habit_when_nothing_else_decides(tmp_path: Path) -> None:
    """In a typeset report that hyphenates words, a split with no evidence of its own
    ('regu-lation') is a typesetter's hyphen too."""
    lines = [
        "The harbour council proposed a tidal barrier levy on every berth in Marrowgate, and its "
        "com-",
        "mittee on finance asked the ferry companies for their figures. Under the draft the new "
        "regu-",
        "lation would oblige them to report the numbers of their pass-",
        "engers each quarter.",
    ]
    later = "The committee said the passengers would not pay the charge directly."
    body = [para(P1), Para(lines, space_before=8.0), para(later, space_before=8.0)]
    source = read(tmp_path, [column(body, width=WIDTH)])
    assert source.text == (
        f"{P1}\n\n"
        "The harbour council proposed a tidal barrier levy on every berth in Marrowgate, and its "
        "committee on finance asked the ferry companies for their figures. Under the draft the "
        "new regulation would oblige them to report the numbers of their passengers each quarter."
        f"\n\n{later}"
    )


def test_a_document_that_marks_its_typesetters_hyphens_keeps_the_others(tmp_path: Path) -> None:
    """Renderers print U+2010 where they hyphenate a word ('regu‐' + 'lation': joined);
    in such a document a plain hyphen at a line end is the word's own ('five-' + 'minute')."""
    lines = [
        "The harbour council proposed a tidal barrier levy on every berth, and the new regu\u2010",
        "lation would oblige the ferry companies to report their figures after each five-",
        "minute count of passengers at the gate, the council said in its notice on Monday.",
    ]
    source = read(tmp_path, [column([para(P1), Para(lines, space_before=8.0)], width=WIDTH)])
    assert source.text == (
        f"{P1}\n\nThe harbour council proposed a tidal barrier levy on every berth, and the new "
        "regulation would oblige the ferry companies to report their figures after each "
        "five-minute count of passengers at the gate, the council said in its notice on Monday."
    )


# --------------------------------------------------------------------------- a three-page report

TITLE_LINE = "Tidal Barrier Levy Review"
COSTS = "Costs and reserves"
ADVICE = "Recommendations"


def report(footers: list[str] | None = None) -> tuple[list[list[Text | Rect]], list[str]]:
    """Three pages under a running header, a page number at the foot of each. P2 runs from
    page 1 onto page 2 (page 1's last line is full); page 3 opens with a heading."""
    footers = footers if footers is not None else [f"Page {n} of 3" for n in (1, 2, 3)]
    p2 = para(P2, space_before=8.0)
    bodies = [
        [
            Para([TITLE_LINE], size=HEADING, pitch=HEADING_PITCH, justify=False),
            para(P1, space_before=6.0),
            Para(p2.lines[:2], space_before=8.0, full_last=True),
        ],
        [
            Para(p2.lines[2:]),
            Para([COSTS], size=HEADING, pitch=HEADING_PITCH, justify=False, space_before=10.0),
            para(P3, space_before=4.0),
        ],
        [
            Para([ADVICE], size=HEADING, pitch=HEADING_PITCH, justify=False),
            para(P4, space_before=4.0),
            para(P5, space_before=8.0),
        ],
    ]
    pages: list[list[Text | Rect]] = [
        [header(), *column(body, width=WIDTH), footer(foot)] for body, foot in zip(bodies, footers)
    ]
    return pages, [TITLE_LINE, P1, P2, COSTS, P3, ADVICE, P4, P5]


# --------------------------------------------------------------------------- page furniture


@pytest.mark.parametrize(
    "number",
    ["Page {n} of 3", "{n}", "- {n} -", "{n} / 3"],
    ids=["page-n-of-3", "bare", "dashes", "slash"],
)
def test_running_header_and_page_numbers_are_dropped_and_listed(
    tmp_path: Path, number: str
) -> None:
    """The header at the top of every page and the number at the bottom leave the text and
    are listed as dropped, in page order, each with its reason."""
    footers = [number.format(n=n) for n in (1, 2, 3)]
    pages, paragraphs = report(footers)
    source = read(tmp_path, pages)
    assert source.text == "\n\n".join(paragraphs)
    assert source.dropped == [
        DroppedText(text=text, reason=reason)
        for foot in footers
        for text, reason in ((RUNNING, "running header or footer"), (foot, "page number"))
    ]


def test_heading_that_opens_one_page_is_kept(tmp_path: Path) -> None:
    """A heading at the top of one page only is body text, not a running header."""
    pages, _ = report()
    source = read(tmp_path, pages)
    assert f"\n\n{ADVICE}\n\n{P4}" in source.text
    assert ADVICE not in [d.text for d in source.dropped]


def test_running_footer_text_is_dropped_like_a_header(tmp_path: Path) -> None:
    """A line repeated at the foot of every page (not a number) is a running footer."""
    notice = "Draft for consultation - not for circulation"
    pages, paragraphs = report()
    for page in pages:
        page.append(Text(notice, LEFT, 28.0, 8.0))
    source = read(tmp_path, pages)
    assert source.text == "\n\n".join(paragraphs)
    assert [d.text for d in source.dropped].count(notice) == 3
    assert {d.reason for d in source.dropped if d.text == notice} == {"running header or footer"}


def test_heading_opening_two_of_five_pages_is_kept(tmp_path: Path) -> None:
    """A line counts as running only when it recurs on at least half the pages: a
    'Summary' heading opening pages 2 and 4 of five stays."""
    texts = [P1, P2, P3, P4, P5]
    pages: list[list[Text | Rect]] = []
    for n, text in enumerate(texts, start=1):
        body = [para(text)]
        if n in (2, 4):
            body.insert(0, Para(["Summary"], size=HEADING, pitch=HEADING_PITCH, justify=False))
        pages.append([header(), *column(body, width=WIDTH), footer(str(n))])
    source = read(tmp_path, pages)
    # Cleaning drops the second copy as a repeated paragraph, as for any source; the PDF
    # reader does not take the heading for a running header.
    assert source.text == "\n\n".join([P1, "Summary", P2, P3, P4, P5])
    assert [d.reason for d in source.dropped if d.text == "Summary"] == ["repeated paragraph"]


@pytest.mark.parametrize("number", ["1", "- 1 -", "Page 1", "i"])
def test_page_number_of_a_one_page_document_is_dropped(tmp_path: Path, number: str) -> None:
    """A lone page's number at its foot is dropped even though nothing repeats."""
    page = column([para(P1), para(P2, space_before=8.0)], width=WIDTH)
    source = read(tmp_path, [[*page, footer(number)]])
    assert source.text == f"{P1}\n\n{P2}"
    assert source.dropped == [DroppedText(text=number, reason="page number")]


# --------------------------------------------------------------------------- page breaks


@pytest.mark.parametrize("furniture", [False, True], ids=["bare", "header-and-number"])
def test_paragraph_running_over_a_page_break_is_one_paragraph(
    tmp_path: Path, furniture: bool
) -> None:
    """Page 1 ends on a full line in mid-sentence; page 2 goes on with the same paragraph."""
    lines = para(P3).lines
    assert len(lines) >= 4
    first = column([Para(lines[:2], full_last=True)], width=WIDTH)
    second = column([Para(lines[2:])], width=WIDTH)
    if furniture:
        first, second = [header(), *first, footer("1")], [header(), *second, footer("2")]
    source = read(tmp_path, [first, second])
    assert source.text == P3
    assert source.page_starts == [len(" ".join(lines[:2])) + 1]
    assert "\n" not in source.text


@pytest.mark.parametrize("note_size", [8.0, 10.0])  # 10 on 11: Word's and LibreOffice's
def test_footnote_at_a_page_foot_does_not_split_the_paragraph(
    tmp_path: Path, note_size: float
) -> None:
    """A paragraph running over a page break under a footnote is still one paragraph: its
    sentence across the break is quoted whole, and the footnote is a paragraph of its own."""
    lines = para(P3).lines
    note = "1 Figures from the annual report of the harbour master, published in March."
    first = [
        *column([para(P1), Para(lines[:2], space_before=8.0, full_last=True)], width=WIDTH),
        Text(note, LEFT, 80.0, note_size),
        footer("1"),
    ]
    second = [*column([Para(lines[2:])], width=WIDTH), footer("2")]
    source = read(tmp_path, [first, second])
    assert P3 in source.text.split("\n\n")
    assert note in source.text.split("\n\n")
    spanning = "The council replied that counting crossings would need new ticket barriers"
    assert spanning in source.text


@pytest.mark.parametrize(
    ("end_of_page_1", "top_of_page_2"),
    [
        ({"full_last": True}, {"indent": 18.0}),
        ({}, {}),
    ],
    ids=["indent-at-page-top", "short-last-line-at-page-foot"],
)
def test_paragraph_that_begins_at_a_page_top_is_a_new_paragraph(
    tmp_path: Path, end_of_page_1: dict[str, Any], top_of_page_2: dict[str, Any]
) -> None:
    """A first-line indent at the top of a page, or a short last line at the foot of the
    page before, ends the paragraph at the page break."""
    first = column([para(P1, **end_of_page_1)], width=WIDTH)
    second = column([para(P2, **top_of_page_2)], width=WIDTH)
    source = read(tmp_path, [first, second])
    assert source.text == f"{P1}\n\n{P2}"
    assert source.page_starts == [len(P1) + 2]


# --------------------------------------------------------------------------- columns


def test_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    """Left column first, as drawn: a paragraph that fills the left column's last line
    goes on at the top of the right column."""
    gutter = 24.0
    width = (WIDTH - gutter) / 2
    p3 = para(P3, width=width, space_before=8.0)
    assert len(p3.lines) >= 6
    left = column(
        [para(P1, width=width), Para(p3.lines[:3], space_before=8.0, full_last=True)],
        width=width,
    )
    right = column(
        [Para(p3.lines[3:]), para(P4, width=width, space_before=8.0)],
        x=LEFT + width + gutter,
        width=width,
    )
    source = read(tmp_path, [[*left, *right]])
    assert source.text == f"{P1}\n\n{P3}\n\n{P4}"


def test_two_columns_under_a_running_header(tmp_path: Path) -> None:
    """Two pages of two columns each, under a header and over a page number: the paragraph
    that ends page 1's right column on a short line is followed by page 2's left column."""
    gutter = 24.0
    width = (WIDTH - gutter) / 2
    right_x = LEFT + width + gutter
    texts = [P1, P4, P3, P5]
    paras = [para(text, width=width) for text in texts]
    assert text_width(paras[1].lines[-1], SIZE) < 0.8 * width
    pages: list[list[Text | Rect]] = [
        [
            header(),
            *column([paras[2 * n]], width=width),
            *column([paras[2 * n + 1]], x=right_x, width=width),
            footer(str(n + 1)),
        ]
        for n in (0, 1)
    ]
    source = read(tmp_path, pages)
    assert source.text == "\n\n".join(texts)
    assert source.page_at(source.text.index(P4)) == 1
    assert source.page_at(source.text.index(P3)) == 2
    assert [d.text for d in source.dropped] == [RUNNING, "1", RUNNING, "2"]


# --------------------------------------------------------------------------- page starts


def test_page_at_gives_the_page_of_a_sentence(tmp_path: Path) -> None:
    """``page_starts`` marks where pages 2 and 3 begin; ``page_at`` maps offsets to pages."""
    pages, _ = report()
    source = read(tmp_path, pages)
    text = source.text
    assert source.page_starts is not None and len(source.page_starts) == 2
    on_page_2 = "The council replied that counting crossings would need new ticket barriers"
    on_page_3 = "Inshore fishermen asked for an exemption for boats under ten metres."
    assert source.page_at(text.index(on_page_2)) == 2
    assert source.page_at(text.index(on_page_3)) == 3
    assert source.page_at(text.index(P1)) == 1
    assert source.page_at(text.index(COSTS)) == 2
    assert source.page_at(text.index(ADVICE)) == 3
    assert source.page_at(len(text) - 1) == 3
    # Page 2 begins inside P2, with its third line.
    third_line = para(P2).lines[2]
    assert source.page_starts[0] == text.index(third_line)
    assert source.page_at(source.page_starts[0] - 2) == 1


def test_page_without_text_shares_the_next_pages_start(tmp_path: Path) -> None:
    """A full-page figure between two pages of text: its page begins where the next does."""
    first = column([para(P1)], width=WIDTH)
    figure: list[Text | Rect] = [Rect(72, 200, 468, 400)]
    last = column([para(P2, indent=18.0)], width=WIDTH)
    source = read(tmp_path, [first, figure, last])
    assert source.text == f"{P1}\n\n{P2}"
    start = source.text.index(P2)
    assert source.page_starts == [start, start]
    assert source.page_at(start) == 3


def test_non_pdf_source_has_no_pages(tmp_path: Path) -> None:
    """Only paged sources answer ``page_at``."""
    path = tmp_path / "notes.txt"
    path.write_text(f"Levy notes\n\n{P1}", encoding="utf-8")
    [source] = load_sources([str(path)])
    assert source.page_starts is None
    assert source.page_at(0) is None
    assert source.page_at(len(source.text) - 1) is None


def test_page_starts_survive_cleaning_a_repeated_note(tmp_path: Path) -> None:
    """A source note repeated under a figure at the top of page 3 is dropped by cleaning as
    a repeated paragraph; the text after the first copy, on page 2, is still on page 2."""
    note = "Source: harbour council estimates, 2031."
    page_2 = column(
        [para(P2), Para([note], space_before=8.0, justify=False), para(P3, space_before=8.0)],
        width=WIDTH,
    )
    page_3: list[Text | Rect] = [
        Rect(72, 520, 468, 200),
        *column([Para([note], justify=False), para(P4, space_before=8.0)], top=500.0),
    ]
    page_1 = column([para(P1)], width=WIDTH)
    source = read(tmp_path, [page_1, page_2, page_3])
    assert source.text == f"{P1}\n\n{P2}\n\n{note}\n\n{P3}\n\n{P4}"
    assert [d.reason for d in source.dropped] == ["repeated paragraph"]
    assert source.page_at(source.text.index(P3)) == 2
    assert source.page_at(source.text.index(P4)) == 3


# --------------------------------------------------------------------------- titles


def test_title_from_the_pdf_metadata(tmp_path: Path) -> None:
    """The document information dictionary's /Title names the source."""
    pages, _ = report()
    source = read(tmp_path, pages, title="Review of the Marrowgate Tidal Barrier Levy")
    assert source.title == "Review of the Marrowgate Tidal Barrier Levy"


@pytest.mark.parametrize(
    "tool_title",
    ["Microsoft Word - draft.docx", "Untitled", "levy-review-final.pdf", "   "],
)
def test_title_written_by_a_tool_gives_way_to_the_first_line(
    tmp_path: Path, tool_title: str
) -> None:
    """A title a tool wrote by itself names no document: the first line is used instead."""
    pages, _ = report()
    source = read(tmp_path, pages, title=tool_title)
    assert source.title == TITLE_LINE


def test_title_without_metadata_is_the_first_line(tmp_path: Path) -> None:
    pages, _ = report()
    source = read(tmp_path, pages)
    assert source.title == TITLE_LINE


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8,
        b"%PDF-1.7\n",
        b"%PDF-",
    ],
    ids=["garbage-after-header", "header-only", "magic-only"],
)
def test_damaged_pdf_is_one_line_source_error(tmp_path: Path, data: bytes) -> None:
    """Bytes that begin like a PDF but are not one: a one-line error naming the file."""
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data)
    error = _error([str(path)])
    assert str(error) == f"cannot read PDF: {path} (damaged or not a PDF)"
    assert error.__cause__ is None
    assert error.__suppress_context__


def test_a_damaged_page_is_skipped_with_a_warning_and_the_others_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The page tree points page 2 at an object that is no page: PDFium cannot load it. The
    rest of the report is read and the page named; with every page damaged, one line."""
    data = pdf_bytes([column([para(P1)], width=WIDTH), column([para(P2)], width=WIDTH)])
    kids = re.search(rb"/Kids \[(\d+) 0 R (\d+) 0 R\]", data)
    assert kids is not None
    first = kids.group(1)
    path = tmp_path / "report.pdf"
    path.write_bytes(data.replace(kids.group(0), b"/Kids [%s 0 R 4 0 R]" % first))
    [source] = load_sources([str(path)])
    assert source.text == P1
    assert f"{path}: page(s) 2 are damaged and were not read" in caplog.text
    path.write_bytes(data.replace(kids.group(0), b"/Kids [4 0 R 4 0 R]"))
    assert str(_error([str(path)])) == f"cannot read PDF: {path} (damaged or not a PDF)"


def test_password_protected_pdf_is_one_line_source_error(tmp_path: Path) -> None:
    """A PDF that needs a password to open: the message says so, naming the file."""
    path = tmp_path / "locked.pdf"
    path.write_bytes(pdf_bytes([column([para(P1)], width=WIDTH)], locked=True))
    error = _error([str(path)])
    assert str(error) == f"cannot read PDF: {path} (it is password-protected)"


def test_pdf_of_scans_without_text_layer(tmp_path: Path) -> None:
    """Pages that only draw (a scan) hold no text: the message says so and suggests OCR."""
    scan: list[list[Text | Rect]] = [[Rect(36, 36, 540, 720)], [Rect(36, 36, 540, 720)]]
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(scan))
    error = _error([str(path)])
    assert str(error) == f"PDF has no text layer: {path} (a scan? run OCR on it first)"
    assert "no text layer" in str(error)


def test_pdf_without_pages(tmp_path: Path) -> None:
    """A page tree with no pages: PDFium refuses the file, or it opens with nothing in it.
    Never 'password-protected', even right after a locked file (PDFium's last error lingers)."""
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(pdf_bytes([column([para(P1)], width=WIDTH)], locked=True))
    assert "password-protected" in str(_error([str(locked)]))
    path = tmp_path / "empty.pdf"
    path.write_bytes(pdf_bytes([]))
    assert str(_error([str(path)])) in (
        f"cannot read PDF: {path} (damaged or not a PDF)",
        f"PDF has no pages: {path}",
    )


def test_scan_in_a_folder_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside a folder one unreadable PDF does not sink the run: the text beside it is read."""
    # An earlier CLI run may have left the logger with its own handler and no propagation;
    # caplog listens at the root.
    logger = logging.getLogger("briefing")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "propagate", True)
    (tmp_path / "a-scan.pdf").write_bytes(pdf_bytes([[Rect(36, 36, 540, 720)]]))
    (tmp_path / "b-notes.txt").write_text(f"Levy notes\n\n{P1}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        sources = load_sources([str(tmp_path)])
    assert [s.title for s in sources] == ["Levy notes"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [
        f"skipping PDF has no text layer: {tmp_path / 'a-scan.pdf'} (a scan? run OCR on it first)"
    ]


def test_folder_holding_only_a_scan_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(pdf_bytes([[Rect(36, 36, 540, 720)]]))
    assert str(_error([str(tmp_path)])) == f"no readable documents in folder: {tmp_path}"


def test_pdf_saved_as_txt_is_still_read_as_pdf(tmp_path: Path) -> None:
    """The bytes decide, not the extension: a PDF named .txt gives its text, not binary."""
    source = read(tmp_path, [column([para(P1), para(P2, space_before=8.0)])], name="notes.txt")
    assert source.text == f"{P1}\n\n{P2}"
    assert source.page_starts == []
    assert source.title == "notes"  # first line is a sentence: the file's stem


def test_pdf_after_leading_junk_is_read(tmp_path: Path) -> None:
    """Some gateways put a line before ``%PDF-``: the file is still a PDF."""
    pages, paragraphs = report()
    path = tmp_path / "forwarded.pdf"
    path.write_bytes(b"X-Scanned-By: mail gateway\r\n" + pdf_bytes(pages))
    [source] = load_sources([str(path)])
    assert source.text == "\n\n".join(paragraphs)


def test_text_that_mentions_the_pdf_header_stays_text(tmp_path: Path) -> None:
    """Only a file that begins with ``%PDF-`` (or is named .pdf) is read as a PDF."""
    note = "Archive note: every file of the harbour council starts with %PDF-1.7 and a date."
    path = tmp_path / "archive-note.txt"
    path.write_text(f"{note}\n\n{P1}\n", encoding="utf-8")
    [source] = load_sources([str(path)])
    assert source.text == f"{note}\n\n{P1}"
    assert source.page_starts is None


def test_pdf_on_standard_input(tmp_path: Path) -> None:
    """``-`` reads PDF bytes from stdin as a PDF."""
    pages, paragraphs = report()
    stdin = io.TextIOWrapper(io.BytesIO(pdf_bytes(pages)), encoding="utf-8")
    [source] = load_sources(["-"], stdin=stdin)
    assert source.path == "-"
    assert source.text == "\n\n".join(paragraphs)
    assert source.page_starts is not None and len(source.page_starts) == 2


def test_ligatures_become_their_letters(tmp_path: Path) -> None:
    """The fi and fl ligatures (U+FB01, U+FB02) read as the two letters they stand for."""
    line = "The levy would ﬁnance the barrier, and the council would reﬂect on the ﬁgures."
    source = read(tmp_path, [[Text(line, LEFT, TOP)]])
    assert source.text == (
        "The levy would finance the barrier, and the council would reflect on the figures."
    )


# --------------------------------------------------------------------------- grounding


def test_every_sentence_of_a_pdf_is_found_verbatim(tmp_path: Path) -> None:
    """The grounding promise: each sentence typeset into the PDF, across line ends and a
    page break, is quoted from the source's text exactly, at the offsets where it stands."""
    pages, paragraphs = report()
    source = read(tmp_path, pages)
    quoted = [s for paragraph in paragraphs for s in sentences(paragraph)]
    assert len(quoted) > 15
    for sentence in quoted:
        found = align_quote(sentence, source.text)
        assert found is not None, sentence
        assert found.match == "exact", sentence
        assert source.text[found.start : found.end] == sentence
        assert found.start == source.text.index(sentence)


def test_sentence_split_by_a_hyphen_over_a_page_break_is_grounded(tmp_path: Path) -> None:
    """A word hyphenated at the foot of page 1 and finished on page 2 is rejoined, and the
    sentence holding it is quoted whole; it starts on page 1."""
    sentence = (
        "Under the draft scheme every berth holder would pay the charge twice a year, as the "
        "new regulation requires, and the ferry companies would report their passenger "
        "numbers each quarter."
    )
    elsewhere = "The regulation was first proposed by the harbour master in 2029."
    first = column(
        [
            para(elsewhere),
            para(P1, space_before=8.0),
            Para([LEAD_REGULATION[0]], space_before=8.0, full_last=True),
        ],
        width=WIDTH,
    )
    second = column([Para([LEAD_REGULATION[1]])], width=WIDTH)
    source = read(tmp_path, [first, second])
    assert source.text == f"{elsewhere}\n\n{P1}\n\n{sentence}"
    found = align_quote(sentence, source.text)
    assert found is not None and found.match == "exact"
    assert source.text[found.start : found.end] == sentence
    assert source.page_at(found.start) == 1
    assert source.page_at(source.text.index("requires, and")) == 2


@pytest.mark.parametrize("starts", [[30, 10], [-1], [1_000]])
def test_page_starts_must_be_offsets_into_the_text_in_order(starts: list[int]) -> None:
    """A fact sheet edited by hand cannot give pages that point outside the text or back."""
    with pytest.raises(ValidationError, match="page_starts"):
        Source(id="s", title="t", text="x" * 100, page_starts=starts)


def test_a_raised_footnote_mark_is_written_as_superscript(tmp_path: Path) -> None:
    """Digits set small and raised after a word are a footnote mark: written '¹²', as the
    page shows them, they cannot be read into a figure ('crossing.12'); digits of the
    text's own size stay digits."""
    first = "The levy would double the fare for a family crossing."
    rest = " The council disagreed with the operators on the figures for 2031."
    mark_x = LEFT + text_width(first, SIZE)
    page: list[Text | Rect] = [
        Text(first, LEFT, 700, SIZE),
        Text("12", mark_x, 704, 7),
        Text(rest, mark_x + text_width("12", 7), 700, SIZE),
    ]
    source = read(tmp_path, [page])
    assert source.text == f"{first}¹²{rest}"


# --------------------------------------------------------------------------- tables


def _table(rows: Sequence[Sequence[str]], top: float, columns: Sequence[float]) -> list[Text]:
    """A table's rows, a line each, every cell its own text at its column; a cell of
    digits set flush right against its column's right edge, as figures are."""
    cells = []
    for number, row in enumerate(rows):
        for cell, (x, right) in zip(row, zip(columns, [*columns[1:], columns[-1] + 150])):
            flush = cell[:1].isdigit()
            at = right - 20 - text_width(cell, 10.0) if flush else x
            cells.append(Text(cell, at, top - 16 * number, 10.0))
    return cells


def test_a_tables_rows_read_as_rows(tmp_path: Path) -> None:
    """Lines parted into the same cells by gutters that line up (figures flush right, so
    their left edges differ) read a row a paragraph, cells joined by " | ", as a Word or
    OpenDocument table does; the text around it is untouched."""
    rows = [
        ("Route", "Fare today", "Fare in 2031"),
        ("Island ferry", "12 euros", "24 euros"),
        ("Harbour bus", "2 euros", "3 euros"),
    ]
    page = [
        Text("The council published the fares with the plan.", LEFT, 700, 10.0),
        *_table(rows, 670, (LEFT, 250, 400)),
        Text("The council will vote on the plan in March.", LEFT, 600, 10.0),
    ]
    source = read(tmp_path, [page])
    assert source.text.split("\n\n") == [
        "The council published the fares with the plan.",
        "Route | Fare today | Fare in 2031",
        "Island ferry | 12 euros | 24 euros",
        "Harbour bus | 2 euros | 3 euros",
        "The council will vote on the plan in March.",
    ]


def test_a_row_with_an_empty_cell_is_a_row_of_its_table(tmp_path: Path) -> None:
    """A row with a blank cell has one gutter fewer; its gutters are the table's, so it is a
    row, its empty cell kept empty (as a Word table's is), above or below the full rows; and
    a full row after such rows is still the table's."""
    rows = [
        ("Crossing", "", "New dock"),
        ("Route", "Fare today", "Fare in 2031"),
        ("Island ferry", "12 euros", "24 euros"),
        ("Dredging", "", "410 million"),
        ("Night bus", "3 euros", ""),
        ("Harbour bus", "2 euros", "3 euros"),
    ]
    page = [
        *_table(rows, 670, (LEFT, 250, 400)),
        Text("The council will vote on the plan in March.", LEFT, 550, 10.0),
    ]
    source = read(tmp_path, [page])
    assert source.text.split("\n\n") == [
        "Crossing |  | New dock",
        "Route | Fare today | Fare in 2031",
        "Island ferry | 12 euros | 24 euros",
        "Dredging |  | 410 million",
        "Night bus | 3 euros |",
        "Harbour bus | 2 euros | 3 euros",
        "The council will vote on the plan in March.",
    ]


def test_wide_gaps_that_do_not_line_up_are_not_a_table(tmp_path: Path) -> None:
    """A lone line with a wide gap (a signature's name and date), or two lines whose gaps
    fall at different places, are text as before."""
    page = [
        Text("The council published the fares with the plan.", LEFT, 700, 10.0),
        Text("Ana Ribeiro", LEFT, 680, 10.0),
        Text("12 March 2031", 350, 680, 10.0),
        Text("Harbour council", LEFT, 664, 10.0),
        Text("Ferry union", 200, 664, 10.0),
        Text("Quay office", 420, 664, 10.0),
    ]
    source = read(tmp_path, [page])
    assert " | " not in source.text
    assert "Ana Ribeiro 12 March 2031" in source.text


def test_a_table_libreoffice_exported_reads_a_row_a_paragraph(tmp_path: Path) -> None:
    """A Writer document with a table (figures set flush right), exported to PDF by
    LibreOffice: the same rows its .odt gives."""
    data = (Path(__file__).parent / "files" / "libreoffice-table.pdf").read_bytes()
    (source,) = load_sources([str(_saved(tmp_path / "fares.pdf", data))])
    paragraphs = source.text.split("\n\n")
    assert paragraphs[2:6] == [
        "Route | Fare today | Fare in 2031",
        "Island ferry | 12 euros | 24 euros",
        "Harbour bus | 2 euros | 3 euros",
        "Night crossing | 18 euros | 30 euros",
    ]
    assert paragraphs[1].startswith("The council published") and " | " not in paragraphs[1]


# A ruled table's columns (their rules' x), and its rows, each cell its lines: the cells sit
# 8 pt apart, too close for gutters to part them, so only the rules can.
RULED_COLUMNS = (LEFT, 250.0, 330.0, 540.0)
RULED_ROWS = (
    (("Item",), ("Cost",), ("Who pays",)),
    (
        ("Dredging of the harbour", "entrance and channel"),
        ("410 million",),
        ("The port authority,", "from its reserves"),
    ),
    (("Ferry terminal",), ("60 million",), ("The ferry operators",)),
)
RULED_READ = [
    "Item | Cost | Who pays",
    "Dredging of the harbour entrance and channel | 410 million | The port authority, from "
    "its reserves",
    "Ferry terminal | 60 million | The ferry operators",
]


def _ruled_table(
    rows: Sequence[Sequence[Sequence[str]]],
    top: float,
    columns: Sequence[float] = RULED_COLUMNS,
    style: str = "lines",
) -> list[Text | Rect | Stroke]:
    """A table drawn as a grid: each row as tall as its longest cell, a cell of fewer lines
    set in the middle of its row (as a browser sets it), and rules drawn in ``style``:
    "lines" (a path a rule, as LibreOffice draws them), "one path" (the whole grid),
    "thin boxes" (filled, as Chromium draws borders) or "cell frames" (a rectangle a cell)."""
    items: list[Text | Rect | Stroke] = []
    edges = [top]
    for row in rows:
        height = 12.0 * max(len(cell) for cell in row) + 8
        for cell, x in zip(row, columns):
            first = edges[-1] - (height - 12.0 * len(cell)) / 2 - 12
            items += [Text(line, x + 4, first - 12 * n, 10.0) for n, line in enumerate(cell)]
        edges.append(edges[-1] - height)
    left, right, bottom = columns[0], columns[-1], edges[-1]
    across = [((left, y), (right, y)) for y in edges]
    down = [((x, top), (x, bottom)) for x in columns]
    if style == "lines":
        items += [Stroke(segments=(segment,)) for segment in across + down]
    elif style == "one path":
        items.append(Stroke(segments=tuple(across + down)))
    elif style == "thin boxes":
        items += [Rect(left, y - 0.4, right - left, 0.8) for y in edges]
        items += [Rect(x - 0.4, bottom, 0.8, top - bottom) for x in columns]
    else:
        boxes = [
            (x, low, next_x - x, high - low)
            for high, low in zip(edges, edges[1:])
            for x, next_x in zip(columns, columns[1:])
        ]
        items.append(Stroke(boxes=tuple(boxes)))
    return items


@pytest.mark.parametrize("style", ["lines", "one path", "thin boxes", "cell frames"])
def test_a_ruled_tables_wrapped_cells_are_read_whole(tmp_path: Path, style: str) -> None:
    """A table drawn as a grid, its cells wrapping onto two lines and a short cell set in
    the middle of its row: the rules say which row and column each word is in, so each row
    reads whole, a paragraph, whichever way the rules are drawn. Line by line it read
    "Dredging of the harbour The port authority," and "410 million" apart."""
    page = [
        Text("The port authority published the budget for the works.", LEFT, 720, 10.0),
        *_ruled_table(RULED_ROWS, 700, style=style),
        Text("Councillors will vote on the plan in March.", LEFT, 560, 10.0),
    ]
    source = read(tmp_path, [page])
    assert source.text.split("\n\n") == [
        "The port authority published the budget for the works.",
        *RULED_READ,
        "Councillors will vote on the plan in March.",
    ]


def test_a_ruled_row_with_a_merged_cell_and_a_dot_leader(tmp_path: Path) -> None:
    """A row whose first cell spans two columns (no rule parts them there) has two cells; a
    tab's dot leader after a cell's words is no text."""
    rows = (*RULED_ROWS, (("Examination fee ............",), ("",), ("150",)))
    page: list[Text | Rect | Stroke] = _ruled_table(rows, 700)
    merged_top = 700 - 20 - 32 - 20  # the last row's top: the rule at 250 stops there
    page = [
        item for item in page if not (isinstance(item, Stroke) and item.segments[0][0][0] == 250.0)
    ]
    page.append(Stroke(segments=(((250.0, 700), (250.0, merged_top)),)))
    source = read(tmp_path, [page])
    assert source.text.split("\n\n") == [*RULED_READ, "Examination fee | 150"]


def test_rows_sharing_one_box_are_read_a_line_a_row(tmp_path: Path) -> None:
    """Rules between the columns but none between the rows (a form's rows in one box): each
    line with words in every column is a row of its own."""
    top, columns = 700.0, (LEFT, 250.0, 330.0, 540.0)
    body = [("Island ferry", "12 euros", "Operators"), ("Harbour bus", "2 euros", "The city")]
    page: list[Text | Rect | Stroke] = [
        Text(cell, x + 4, top - 14 - 14 * n, 10.0)
        for n, row in enumerate([("Route", "Fare", "Who pays"), *body])
        for cell, x in zip(row, columns)
    ]
    bottom = top - 60
    edges = (top, top - 20, bottom)
    page += [Stroke(segments=(((LEFT, y), (540.0, y)),)) for y in edges]
    page += [Stroke(segments=(((x, top), (x, bottom)),)) for x in columns]
    source = read(tmp_path, [page])
    assert source.text.split("\n\n") == [
        "Route | Fare | Who pays",
        "Island ferry | 12 euros | Operators",
        "Harbour bus | 2 euros | The city",
    ]


def test_rules_around_text_are_no_table(tmp_path: Path) -> None:
    """A page of two columns of text boxed in by rules, with a rule between the columns and
    one under a heading, draws a grid; but cells of more lines than a table's cell holds
    are text, read as paragraphs (not a line across a row: the lines run on, sentence by
    sentence). A box around one paragraph has one column: no table."""
    words = (P1 + " " + P2 + " " + P3).split()
    lines = [" ".join(words[n * 5 : n * 5 + 5]) for n in range(len(words) // 5)]
    assert len(lines) // 2 > 12
    left, right = lines[: len(lines) // 2], lines[len(lines) // 2 :]
    page: list[Text | Rect | Stroke] = [Text("Harbour news", LEFT + 4, 706, 12.0)]
    page += [Text(line, LEFT + 4, 680 - 12 * n, 10.0) for n, line in enumerate(left)]
    page += [Text(line, 310, 680 - 12 * n, 10.0) for n, line in enumerate(right)]
    page += [Stroke(segments=(((LEFT, y), (540.0, y)),)) for y in (720, 694, 440)]
    page += [Stroke(segments=(((x, 720), (x, 440)),)) for x in (LEFT, 306.0, 540.0)]
    page += [
        Text("A box around one paragraph is not a table.", LEFT + 4, 410, 10.0),
        Stroke(boxes=((LEFT, 400, 468, 24),)),
    ]
    source = read(tmp_path, [page])
    assert " | " not in source.text
    assert "A box around one paragraph is not a table." in source.text.split("\n\n")


def test_a_tables_rows_at_page_edges_are_not_running_headers(tmp_path: Path) -> None:
    """Rows alike but for their numbers (and a ruled table's rows) that meet the top and
    the foot of every page are the table's, not a running header or footer, which a page
    prints once: they used to be dropped as furniture."""
    pages: list[list[Text | Rect | Stroke]] = []
    for page_number in range(3):
        rows = [
            (f"Berth {page_number * 10 + n}", f"{n + 2} million", "Port authority")
            for n in range(10)
        ]
        pages.append(_table(rows, 740, (LEFT, 250, 400)))
    source = read(tmp_path, pages)
    assert len(source.text.split("\n\n")) == 30
    assert "Berth 0 | 2 million | Port authority" in source.text
    assert "Berth 29 | 11 million | Port authority" in source.text
    ruled = [_ruled_table(RULED_ROWS, 760) for _ in range(3)]
    assert read(tmp_path, ruled, name="ruled.pdf").text.split("\n\n") == RULED_READ * 3
    # A table's header row, repeated at the top of every page it runs over, is the table's.
    headed = [
        _table([("Route", "Fare today", "Fare in 2031"), *rows[:3]], 740, (LEFT, 250, 400))
        for rows in (
            [(f"Ferry {n}", f"{n} euros", f"{2 * n} euros") for n in range(p, p + 3)]
            for p in (1, 11, 21)
        )
    ]
    headed_text = read(tmp_path, headed, name="headed.pdf").text
    assert headed_text.count("Route | Fare today | Fare in 2031") == 3


def test_a_ruled_table_libreoffice_exported_reads_a_row_a_paragraph(tmp_path: Path) -> None:
    """A Word table with borders (cells that wrap, a cell spanning two columns), exported
    to PDF by LibreOffice, which draws each border as a pair of thin lines."""
    data = (Path(__file__).parent / "files" / "libreoffice-ruled-table.pdf").read_bytes()
    (source,) = load_sources([str(_saved(tmp_path / "works.pdf", data))])
    assert source.text.split("\n\n") == [
        "The port authority published its budget for the harbour works on Monday. The table "
        "below lists the three largest items.",
        "Item | Cost | Who pays",
        "Dredging of the harbour entrance and the inner channel | 410 million | The port "
        "authority, from its reserves",
        "New quay wall | 95 million | The city and the regional government, in equal shares "
        "over five years",
        "Ferry terminal | 60 million | The ferry operators",
        "All three items | 565 million",
        "Councillors will vote on the plan in March. The opposition says the dredging estimate "
        "is too low.",
    ]


def _saved(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- filled-in forms

QUESTIONS = [
    "Consultation on the harbour delivery levy: response form",
    "1. Name of your organisation",
    "2. Do you support the proposed levy? Please explain.",
    "3. Any other comments",
]


@pytest.mark.parametrize("appearance", [True, False], ids=["saved-appearance", "value-only"])
def test_a_forms_answers_are_read_under_their_questions(tmp_path: Path, appearance: bool) -> None:
    """A filled-in form's fields are text the page does not draw: each answer is read after
    its question, whether the viewer that filled it saved how it looks or only its value
    (then the reader draws it), a box of several lines as its lines; a text box typed onto a
    form with no fields (a viewer's FreeText) is read in its place too, a field beside its
    label after the label; a field left empty adds nothing."""
    answers = [
        "Harbour Traders Association",
        "No. The levy would close small shops in the old town,\nwhere deliveries cannot wait.",
    ]
    page = [
        Text(QUESTIONS[0], LEFT, TOP, 14.0),
        Text(QUESTIONS[1], LEFT, 680.0),
        Text(QUESTIONS[2], LEFT, 620.0),
        Text(QUESTIONS[3], LEFT, 520.0),
        # Fields are annotations, listed here in no particular order.
        Field(answers[1], LEFT, 560.0, WIDTH, 50.0, appearance=appearance),
        Field(answers[0], LEFT, 645.0, WIDTH, 25.0, appearance=appearance),
        Field("", LEFT, 485.0, WIDTH, 25.0, appearance=appearance),
        Field("Typed on the page: the levy is unfair.", LEFT, 440.0, WIDTH, 20.0, text_box=True),
        # A field beside its label, on its row, though the page draws a line below first.
        Field("3 May 2026", LEFT + 40, 396.0, 150.0, 18.0, appearance=appearance),
        Text("Thank you for your response.", LEFT, 360.0),
        Text("Date:", LEFT, 400.0),
    ]
    source = read(tmp_path, [page])
    assert source.text.split("\n\n") == [
        QUESTIONS[0],
        QUESTIONS[1],
        answers[0],
        QUESTIONS[2],
        answers[1].replace("\n", " "),
        QUESTIONS[3],
        "Typed on the page: the levy is unfair.",
        "Thank you for your response.",
        "Date:",
        "3 May 2026",
    ]


def test_a_form_left_blank_reads_as_its_questions(tmp_path: Path) -> None:
    page = [
        Text(QUESTIONS[0], LEFT, TOP, 14.0),
        Text(QUESTIONS[1], LEFT, 680.0),
        Field("", LEFT, 645.0, WIDTH, 25.0),
        Text(QUESTIONS[2], LEFT, 620.0),
        Field("", LEFT, 560.0, WIDTH, 50.0, appearance=False),
        Text(QUESTIONS[3], LEFT, 520.0),
    ]
    assert read(tmp_path, [page]).text.split("\n\n") == QUESTIONS
