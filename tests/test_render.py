"""Rendering: source text stays inert, notes are numbered in order and quote exactly."""

from __future__ import annotations

import re

import pytest

from briefing.errors import ConfigError
from briefing.models import Actor, Evidence, FactSheet, Position, Risk, RunInfo, Source, Usage
from briefing.render import escape_markdown, render_brief

HOSTILE = (
    "# Owned\n[click](javascript:alert(1)) <script>alert(1)</script> ![x](http://e/x.png) "
    "a | b *bold* _it_ `code`"
)


def sheet_with(quote_text: str) -> FactSheet:
    text = f"Intro sentence. {quote_text} Closing sentence about Okafor."
    start = text.index(quote_text)
    source = Source(id="s1", path="a.txt", title="A <b>title</b>", text=text)
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
        run=RunInfo(
            briefing_version="0",
            model="m",
            endpoint="e",
            prompt_version="p",
            chunks=1,
            usage=Usage(),
        ),
    )


def test_source_text_cannot_inject_markup() -> None:
    brief = render_brief(sheet_with(HOSTILE))
    assert "<script>" not in brief
    assert not re.search(r"(?<!\\)\]\(", brief)  # no link or image syntax survives
    assert not re.search(r"(?<!\\)!(?<!\\)\[", brief)
    assert "\n# Owned" not in brief
    assert "\\<script\\>" in brief and "\\[click\\]" in brief
    # Table rows keep their four cells: a pipe in source text is escaped.
    row = next(line for line in brief.splitlines() if line.startswith("| Okafor"))
    assert row.count(" | ") == 3


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


def test_an_actor_with_different_stances_is_shown_where_sources_disagree() -> None:
    sheet = sheet_with("The treaty is dangerous, said Okafor.")
    other = sheet.risks[0].evidence[0]
    sheet.positions.append(
        Position(id="p2", actor_id="actor-1", stance="supports", summary="Yes", evidence=[other])
    )
    brief = render_brief(FactSheet.model_validate(sheet.model_dump()))
    section = brief.split("## Where sources disagree", 1)[1].split("## Sources", 1)[0]
    assert "Okafor \\[x\\](y) is reported with different stances: opposes [1]; supports [2]." in (
        section
    )
    single = render_brief(sheet_with("The treaty is dangerous, said Okafor."))
    assert "## Where sources disagree" not in single
