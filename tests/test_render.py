"""Rendering: source text stays inert, notes are numbered in order and quote exactly."""

from __future__ import annotations

import json
import re

import pytest

from briefing.consolidate import find_conflicts
from briefing.errors import ConfigError
from briefing.models import (
    Actor,
    BottomLineSentence,
    Event,
    Evidence,
    FactSheet,
    Position,
    Risk,
    Source,
)
from briefing.render import escape_markdown, number_notes, render_brief
from tests.conftest import minimal_run

HOSTILE = (
    "# Owned\n[click](javascript:alert(1)) <script>alert(1)</script> ![x](http://e/x.png) "
    "a | b *bold* _it_ `code`"
)


def sheet_with(quote_text: str) -> FactSheet:
    text = f"Intro sentence. {quote_text} Closing sentence about Okafor."
    start = text.index(quote_text)
    source = Source(id="s1", path="a.txt", title="A <b>title</b>", author=HOSTILE, text=text)
    ev = Evidence(
        source_id="s1",
        start=start,
        end=start + len(quote_text),
        quote=quote_text,
        match="exact",
        score=1.0,
    )
    second = Evidence(source_id="s1", start=0, end=15, quote=text[:15], match="exact", score=1.0)
    return FactSheet(
        topic="the treaty",
        sources=[source],
        actors=[Actor(id="actor-1", name="Okafor [x](y)", kind="person", evidence=[ev])],
        positions=[
            Position(
                id="p1", actor_id="actor-1", stance="opposes", summary="Says | no", evidence=[ev]
            )
        ],
        risks=[
            Risk(
                id="r1",
                description="Danger",
                category="privacy",
                raised_by=["actor-1"],
                evidence=[second, ev],
            )
        ],
        run=minimal_run(),
    )


def test_source_text_cannot_inject_markup() -> None:
    brief = render_brief(sheet_with(HOSTILE))
    assert "<script>" not in brief
    assert not re.search(r"(?<!\\)\]\(", brief)  # no link or image syntax survives
    assert not re.search(r"(?<!\\)!(?<!\\)\[", brief)
    assert "\n# Owned" not in brief
    assert "\\<script\\>" in brief and "\\[click\\]" in brief
    assert "1. A \\<b\\>title\\</b\\>, by \\# Owned \\[click\\]" in brief  # the author too
    # Table rows keep their four cells: a pipe in source text is escaped.
    row = next(line for line in brief.splitlines() if line.startswith("| Okafor"))
    assert row.count(" | ") == 3


def test_who_stands_where_after_the_model_sentences_is_escaped_too() -> None:
    sheet = sheet_with(HOSTILE)
    sheet = FactSheet(
        **{
            **dict(sheet),
            "bottom_line": [BottomLineSentence(text="Okafor opposes it.", fact_ids=["p1"])],
        }
    )
    section = render_brief(sheet).split("## Bottom line\n", 1)[1].split("\n## ", 1)[0]
    assert section.strip().splitlines() == [
        "Okafor opposes it. [1]",
        "1 verified position on the treaty: 1 opposed (Okafor \\[x\\](y)).",
    ]


def test_escaping_is_reversible_for_quotes() -> None:
    escaped = escape_markdown(HOSTILE)
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(HOSTILE.split())


def test_notes_are_numbered_in_order_of_first_citation() -> None:
    brief = render_brief(sheet_with("The treaty is dangerous, said Okafor."))
    assert "| Okafor \\[x\\](y) | opposes | Says \\| no | [1] |" in brief
    assert "| Danger | privacy | Okafor \\[x\\](y) | [2] [1] |" in brief
    notes = brief.split("## Source notes", 1)[1]
    assert notes.index("1. “The treaty is dangerous, said Okafor.”") < notes.index(
        "2. “Intro sentence."
    )


def test_user_template_mistake_names_the_line() -> None:
    with pytest.raises(ConfigError, match="line 2"):
        render_brief(sheet_with("The treaty is dangerous."), "ok\n{% for x in %}\n")


def test_user_template_is_sandboxed() -> None:
    with pytest.raises(ConfigError):
        render_brief(sheet_with("The treaty is dangerous."), "{{ sheet.__class__.__mro__ }}")


def test_timeline_dates_sort_chronologically() -> None:
    from briefing.render import date_sort_key

    dates = ["December 2019", "8 August 2024", "2017", "August 1, 2024", "Oct. 2025"]
    assert sorted(dates, key=date_sort_key) == [
        "2017",
        "December 2019",
        "August 1, 2024",
        "8 August 2024",
        "Oct. 2025",
    ]


def test_bottom_line_uses_only_verified_facts() -> None:
    from briefing.render import bottom_line

    lines = bottom_line(sheet_with("The treaty is dangerous, said Okafor."))
    assert lines == [
        "1 verified position on the treaty: 1 opposed (Okafor [x](y)).",
        "1 risk raised, most often about privacy (1).",
    ]


def test_the_fact_sheets_conflicts_are_shown_where_sources_disagree() -> None:
    sheet = sheet_with("The treaty is dangerous, said Okafor.")
    other = Source(id="s2", path="b.txt", title="B", text="Okafor backs it.")
    backs = Evidence(source_id="s2", start=0, end=16, quote=other.text, match="exact", score=1.0)
    sheet.sources.append(other)
    sheet.positions.append(
        Position(id="p2", actor_id="actor-1", stance="supports", summary="Yes", evidence=[backs])
    )
    sheet.conflicts = find_conflicts(sheet.actors, sheet.positions, sheet.risks, sheet.events)
    brief = render_brief(FactSheet.model_validate(sheet.model_dump()))
    section = brief.split("## Where sources disagree", 1)[1].split("## Sources", 1)[0]
    assert "Okafor \\[x\\](y) is reported with different stances: opposes [1]; supports [2]." in (
        section
    )
    single = render_brief(sheet_with("The treaty is dangerous, said Okafor."))
    assert "## Where sources disagree" not in single


def test_a_fact_sheet_saved_with_its_wall_time_still_loads() -> None:
    """Fact sheets once recorded run.seconds; it is dropped on reading, not refused."""
    saved = json.loads(sheet_with("The treaty is dangerous, said Okafor.").model_dump_json())
    saved["run"]["seconds"] = 95.2
    sheet = FactSheet.model_validate(saved)
    assert "seconds" not in sheet.model_dump()["run"]
    assert render_brief(sheet).startswith("# Policy brief: the treaty")


def test_an_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="choose one of full, one-page"):
        render_brief(sheet_with("The treaty is dangerous, said Okafor."), brief_format="memo")


def crowded_sheet() -> FactSheet:
    """Eight opposed speakers; Speaker7 has two quotes, the bottom line cites Speaker6."""
    sentences = [f"Speaker{i} said plan {i} is bad." for i in range(8)] + ["Speaker7 said so."]
    text = " ".join(sentences)
    source = Source(id="s1", path="a.txt", title="Voices", text=text)

    def evidence(sentence: str) -> Evidence:
        start = text.index(sentence)
        return Evidence(
            source_id="s1",
            start=start,
            end=start + len(sentence),
            quote=sentence,
            match="exact",
            score=1.0,
        )

    quotes = [[evidence(s)] for s in sentences[:8]]
    quotes[7].append(evidence(sentences[8]))
    return FactSheet(
        topic="the plan",
        sources=[source],
        actors=[Actor(id=f"a{i}", name=f"Speaker{i}", kind="person") for i in range(8)],
        positions=[
            Position(id=f"p{i}", actor_id=f"a{i}", stance="opposes", summary="No.", evidence=q)
            for i, q in enumerate(quotes)
        ],
        bottom_line=[BottomLineSentence(text="Speaker6 is against it.", fact_ids=["p6"])],
        run=minimal_run(),
    )  # fmt: skip


def test_one_page_shows_the_most_prominent_facts_and_numbers_their_notes_first() -> None:
    numbered = number_notes(crowded_sheet(), "one-page")
    # The one the bottom line cites, then the one with more evidence, then the brief's order.
    shown = [(position.id, notes) for position, notes in numbered.positions]
    assert shown == [("p0", [2]), ("p1", [3]), ("p2", [4]), ("p3", [5]), ("p6", [1]), ("p7", [6])]
    assert [notes for _, notes in numbered.bottom_line] == [[1]]
    # The brief's notes are 1..6; the rest of the evidence follows, for the review page.
    assert numbered.shown == 6 and len(numbered.notes) == 9
    full = number_notes(crowded_sheet())
    assert len(full.positions) == 8 and full.shown == len(full.notes) == 9
    assert full.positions[7] == (crowded_sheet().positions[7], [8, 9])


def test_gaps_name_a_source_with_no_fact_and_a_side_no_one_takes() -> None:
    """Eight opposed speakers and no supporter, and a second source nothing was verified in:
    the brief says both under "Gaps", in both formats; titles are escaped."""
    sheet = crowded_sheet()
    sheet.sources.append(Source(id="s2", path="b.txt", title="Off *topic*", text="Weather."))
    for brief_format in ("full", "one-page"):
        brief = render_brief(sheet, brief_format=brief_format)
        section = brief.split("## Gaps", 1)[1].split("## Sources", 1)[0]
        assert re.findall(r"^- .*$", section, flags=re.MULTILINE) == [
            "- Source 2 (Off \\*topic\\*) gave no verified position, risk or event.",
            "- No verified position supports the plan.",
        ]


def test_no_gaps_when_every_source_gives_facts_and_both_sides_are_heard() -> None:
    """A supporter beside the critics, every source cited: no section. A disputed stance
    takes no side: with the supporter's stance disputed, no one verified supports."""
    sheet = crowded_sheet()
    sheet.positions[0] = sheet.positions[0].model_copy(update={"stance": "supports"})
    assert "## Gaps" not in render_brief(sheet)
    disputed = sheet.positions[0].model_copy(
        update={"stance_check": "disputed", "second_stance": "opposes"}
    )
    sheet.positions[0] = disputed
    assert "- No verified position supports the plan." in render_brief(sheet)
    lone = sheet_with("The treaty is dangerous, said Okafor.")  # one position: no sides to count
    assert "## Gaps" not in render_brief(lone)


def test_many_sources_with_no_fact_are_listed_by_number() -> None:
    """A spreadsheet of responses gives a source a row: the sources that gave nothing are
    counted and numbered on one line, not named one line each."""
    sheet = crowded_sheet()
    sheet.sources += [
        Source(id=f"x{n}", path=f"r.csv#{n}", title=f"Response {n}", text="Thanks.")
        for n in range(2, 9)
    ]
    section = render_brief(sheet).split("## Gaps", 1)[1].split("## Sources", 1)[0]
    assert "- 7 of 8 sources gave no verified position, risk or event: sources 2–8." in section
    assert "Response 2" not in section


def test_an_events_dateline_gives_its_date_and_stays_in_its_note() -> None:
    """An event dated only by its story's dateline keeps the dateline in its evidence (the
    date must be in it); the timeline shows the sentence without it, beside the date."""
    text = "NEW YORK, 7 August 2024 — The committee agreed the text of the convention."
    source = Source(id="s1", path="a.txt", title="Talks", text=text)
    evidence = Evidence(
        source_id="s1", start=0, end=len(text), quote=text, match="exact", score=1.0
    )
    event = Event(id="e1", date="7 August 2024", description=text, evidence=[evidence])
    sheet = FactSheet(topic="the treaty", sources=[source], events=[event], run=minimal_run())
    brief = render_brief(sheet)
    assert "| 7 August 2024 | The committee agreed the text of the convention. | [1] |" in brief
    assert "1. “NEW YORK, 7 August 2024 — The committee agreed" in brief
