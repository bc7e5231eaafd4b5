"""What changed since an earlier brief: read by code from two fact sheets, shown first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.changes import changes_since
from briefing.cli import main
from briefing.models import Actor, Event, FactSheet, Position, Risk, Source
from briefing.render import render_brief
from briefing.review_page import render_review_page
from briefing.roles import read_roles
from briefing.source_index import SourceIndex
from tests.conftest import _evidence, fact_sheet, minimal_run
from tests.fakeserver import FakeOpenAI, Reply
from tests.test_citations import cited, cited_answer, run, sentence_number

# Two days' sources, invented: the first day's statement, and the second day's report.
MONDAY = (
    "Amara Okafor said the levy would close small shops. "
    "Minister Jonas Berg said the levy would cut congestion. "
    "Ana Ruiz of the Ferry Union said the levy was welcome. "
    "The council will vote on the levy on 12 May 2026. "
    "Okafor warned that deliveries could stop in the old town."
)
TUESDAY = (
    "Amara Okafor said again that the levy would close small shops. "
    "Minister Jonas Berg said the levy needed changes before the vote. "
    "Leo Park of the Chamber of Commerce said the levy was a mistake. "
    "The council will hold its vote on the levy on 12 May 2026. "
    "The union will ballot its members on 20 May 2026. "
    "Okafor warned that deliveries could stop in the old town. "
    "Park warned that rents would rise near the harbour."
)


def _sheet(text: str, facts: dict[str, list[tuple[str, str, str]]]) -> FactSheet:
    """A fact sheet of one source: positions as (actor, stance, quote), risks as (raised by,
    category, quote), events as (date, quote, quote)."""
    source = Source(id=f"s-{len(text)}", title="Levy", text=text)
    names = {who for kind in ("positions", "risks") for who, _, _ in facts.get(kind, [])}
    actors = [
        Actor(id=f"a-{n}", name=name, kind="person", evidence=[_evidence(source, name)])
        for n, name in enumerate(sorted(names))
    ]
    ids = {actor.name: actor.id for actor in actors}
    return FactSheet(
        topic="the levy",
        sources=[source],
        actors=actors,
        positions=[
            Position(
                id=f"p-{n}",
                actor_id=ids[who],
                stance=stance,  # type: ignore[arg-type]
                summary=quote,
                evidence=[_evidence(source, quote)],
            )
            for n, (who, stance, quote) in enumerate(facts.get("positions", []))
        ],
        risks=[
            Risk(
                id=f"r-{n}",
                description=quote,
                category=category,  # type: ignore[arg-type]
                raised_by=[ids[who]],
                evidence=[_evidence(source, quote)],
            )
            for n, (who, category, quote) in enumerate(facts.get("risks", []))
        ],
        events=[
            Event(id=f"e-{n}", date=date, description=quote, evidence=[_evidence(source, quote)])
            for n, (date, quote, _) in enumerate(facts.get("events", []))
        ],
        run=minimal_run(),
    )


def monday() -> FactSheet:
    return _sheet(
        MONDAY,
        {
            "positions": [
                ("Amara Okafor", "opposes", "the levy would close small shops"),
                ("Minister Jonas Berg", "supports", "the levy would cut congestion"),
                ("Ana Ruiz", "supports", "the levy was welcome"),
            ],
            "risks": [("Amara Okafor", "economic", "deliveries could stop in the old town")],
            "events": [("12 May 2026", "The council will vote on the levy on 12 May 2026.", "")],
        },
    )


def tuesday() -> FactSheet:
    return _sheet(
        TUESDAY,
        {
            "positions": [
                ("Okafor", "opposes", "the levy would close small shops"),
                ("Jonas Berg", "mixed", "the levy needed changes before the vote"),
                ("Leo Park", "opposes", "the levy was a mistake"),
            ],
            "risks": [
                ("Okafor", "economic", "deliveries could stop in the old town"),
                ("Leo Park", "economic", "rents would rise near the harbour"),
            ],
            "events": [
                ("12 May 2026", "The council will hold its vote on the levy on 12 May 2026.", ""),
                ("20 May 2026", "The union will ballot its members on 20 May 2026.", ""),
            ],
        },
    )


def test_what_changed_since_an_earlier_brief() -> None:
    """An actor named another way is the same actor ("Okafor", "Jonas Berg"); a stance that
    differs is a change; the same event told in other words on the same day, and the same
    risk, are not new; an actor with no position now is named as gone."""
    found = changes_since(monday(), tuesday())
    assert [s.id for s in found.new_sources] == ["s-" + str(len(TUESDAY))]
    assert [p.summary for p in found.new_positions] == ["the levy was a mistake"]
    assert [(c.position.stance, [p.stance for p in c.before]) for c in found.stance_changes] == [
        ("mixed", ["supports"])
    ]
    assert [r.description for r in found.new_risks] == ["rents would rise near the harbour"]
    assert [e.date for e in found.new_events] == ["20 May 2026"]
    assert [(actor.name, [p.stance for p in held]) for actor, held in found.gone] == [
        ("Ana Ruiz", ["supports"])
    ]
    same = changes_since(tuesday(), tuesday())
    assert not (same.new_sources or same.new_positions or same.stance_changes or same.gone)
    assert not (same.new_risks or same.new_events)


def test_a_body_now_shown_through_its_spokesperson_has_not_gone() -> None:
    earlier = _sheet(MONDAY, {"positions": [("Ferry Union", "supports", "the levy was welcome")]})
    later = _sheet(MONDAY, {"positions": [("Ana Ruiz", "supports", "the levy was welcome")]})
    assert [actor.name for actor, _ in changes_since(earlier, later).gone] == ["Ferry Union"]
    with_role = later.model_copy(
        update={"actors": read_roles([SourceIndex(later.sources[0])], later.actors)}
    )
    assert with_role.actors[0].role is not None
    assert with_role.actors[0].role.text == "of the Ferry Union"
    assert changes_since(earlier, with_role).gone == []


def test_the_brief_opens_with_what_changed_each_item_citing_its_notes() -> None:
    brief = render_brief(tuesday(), since=monday())
    section = brief.split("## Since the last brief\n", 1)[1].split("\n## ", 1)[0]
    assert brief.index("## Bottom line") < brief.index("## Since the last brief")
    assert brief.index("## Since the last brief") < brief.index("## Positions")
    notes = dict(
        line.split(". ", 1) for line in brief.split("## Source notes\n", 1)[1].split("\n") if line
    )
    lines = [line for line in section.strip().split("\n") if line.startswith("- ")]
    assert [line.rsplit(" [", 1)[0] for line in lines] == [
        "- New position: Leo Park, opposes",
        "- Stance changed: Jonas Berg, now mixed (was supports)",
        "- New risk: rents would rise near the harbour (raised by Leo Park)",
        "- New event: 20 May 2026: The union will ballot its members on 20 May 2026.",
        "- No longer verified: Ana Ruiz (supports in the earlier brief) holds no position "
        "verified in these sources.",
    ]
    # Each new fact cites the note that quotes its evidence.
    for line, quote in zip(
        lines,
        [
            "the levy was a mistake",
            "the levy needed changes before the vote",
            "rents would rise near the harbour",
            "The union will ballot its members on 20 May 2026.",
        ],
        strict=False,
    ):
        number = line.rsplit("[", 1)[1].rstrip("]")
        assert notes[number].startswith(f"\u201c{quote}\u201d")
    assert "new here: source 1" in section and "(1 source)" in section


def test_nothing_new_says_so_and_no_earlier_brief_shows_no_section() -> None:
    assert "No new position, risk or event, and no stance changed." in render_brief(
        tuesday(), since=tuesday()
    )
    assert "Since the last brief" not in render_brief(tuesday())


def test_a_one_page_brief_lists_only_the_changes_it_shows_and_counts_the_rest() -> None:
    """The one-page brief shows six positions: of eight new ones, two are counted."""
    people = [f"Member {name}" for name in "Ash Birch Cedar Dove Elm Fir Gale Hazel".split()]
    text = " ".join(f"{who} said the levy was unfair." for who in people)
    views = [(who, "opposes", f"{who} said the levy was unfair.") for who in people]
    many = _sheet(text, {"positions": views})
    brief = render_brief(many, since=monday(), brief_format="one-page")
    shown = brief.split("## Since the last brief", 1)[1].split("\n## ", 1)[0]
    assert sum(line.startswith("- New position") for line in shown.splitlines()) == 6
    assert "- 2 more new or changed facts are in the full brief." in shown
    assert " more new or changed" not in render_brief(many, since=monday())


def test_render_since_an_earlier_fact_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, later = tmp_path / "monday.json", tmp_path / "tuesday.json"
    earlier.write_text(monday().model_dump_json(), encoding="utf-8")
    later.write_text(tuesday().model_dump_json(), encoding="utf-8")
    assert main(["render", str(later), "--since", str(earlier)]) == 0
    assert "- New position: Leo Park, opposes" in capsys.readouterr().out


def test_generate_since_an_earlier_brief(statement_file: Path, tmp_path: Path) -> None:
    """A second run on one more source names what the first did not have (the same
    statement's positions are no news); a bad earlier fact sheet is a one-line error before
    any model call."""
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    brief = tmp_path / "brief.md"
    extra = tmp_path / "note.txt"
    extra.write_text("The union will ballot its members on 20 May 2026.\n", encoding="utf-8")

    def answer(request: dict[str, Any]) -> Reply:
        if "Amara Okafor" in request["messages"][-1]["content"]:
            return cited_answer(request)
        return Reply(content=cited(events=[{"sentence": sentence_number(request, "ballot")}]))

    with FakeOpenAI(responder=answer) as fake:
        assert run(fake, str(statement_file), "--cite", "sentences", "--json", str(first)) == 0
        args = ["--cite", "sentences", "--json", str(second), "--since", str(first)]
        args += ["-o", str(brief)]
        assert run(fake, str(statement_file), str(extra), *args) == 0
        asked = len(fake.requests)
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps({"topic": "x"}), encoding="utf-8")
        assert run(fake, str(statement_file), "--since", str(bad)) == 2
        assert len(fake.requests) == asked
    written = brief.read_text(encoding="utf-8")
    assert "new here: source 2." in written
    section = written.split("## Since the last brief", 1)[1].split("\n## ", 1)[0]
    assert "- New event: 20 May 2026: The union will ballot its members on 20 May 2026." in section
    assert "New position" not in section and "Stance changed" not in section
    assert len(fact_sheet(second)["sources"]) == 2


def test_the_review_page_lists_what_changed_linking_each_fact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, later = tmp_path / "monday.json", tmp_path / "tuesday.json"
    earlier.write_text(monday().model_dump_json(), encoding="utf-8")
    later.write_text(tuesday().model_dump_json(), encoding="utf-8")
    page = tmp_path / "review.html"
    assert main(["render", str(later), "--since", str(earlier), "--html", str(page)]) == 0
    capsys.readouterr()
    html = page.read_text(encoding="utf-8")
    section = html.split('<section id="since">', 1)[1].split("</section>", 1)[0]
    assert 'New position: Leo Park, opposes <span class="rests-on">(<a href="#position-' in (
        section
    )
    assert "Stance changed: Jonas Berg, now mixed (was supports)" in section
    assert "No longer verified: Ana Ruiz (supports in the earlier brief): no position" in section
    assert '<section id="since">' not in render_review_page(tuesday())
    assert "No new position, risk or event" in render_review_page(tuesday(), since=tuesday())
