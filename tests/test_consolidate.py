"""Consolidation: one actor per real-world actor, one position per actor and stance."""

from __future__ import annotations

from briefing.consolidate import consolidate
from briefing.grounding import GroundedChunk, GroundedPosition, GroundedRisk
from briefing.models import Evidence

TEXT = "x" * 500


def ev(start: int, end: int, source: str = "s1") -> Evidence:
    return Evidence(
        source_id=source, start=start, end=end, quote=TEXT[start:end], match="exact", score=1.0
    )


def test_names_acronyms_and_surnames_merge_into_one_actor() -> None:
    chunks = [
        GroundedChunk(
            positions=[
                GroundedPosition("Human Rights Watch", "organisation", "opposes", "No.", ev(0, 10)),
                GroundedPosition("Nick Ashton-Hart", "person", "opposes", "No.", ev(20, 30)),
            ]
        ),
        GroundedChunk(
            positions=[
                GroundedPosition("HRW", "organisation", "opposes", "No again.", ev(40, 50, "s2")),
                GroundedPosition("Ashton-Hart", "person", "opposes", "No.", ev(20, 30)),
                GroundedPosition(
                    "the Human Rights Watch", "organisation", "concerned", "Hm.", ev(60, 70)
                ),
            ],
            risks=[GroundedRisk("HRW", "privacy", "Data could leak.", ev(80, 90))],
        ),
    ]
    actors, positions, risks, _ = consolidate(chunks)
    assert sorted(a.name for a in actors) == ["Human Rights Watch", "Nick Ashton-Hart"]
    hrw = next(a for a in actors if a.name == "Human Rights Watch")
    assert hrw.aliases == ["HRW"]
    hrw_positions = [p for p in positions if p.actor_id == hrw.id]
    assert sorted(p.stance for p in hrw_positions) == ["concerned", "opposes"]
    opposes = next(p for p in hrw_positions if p.stance == "opposes")
    assert [(e.source_id, e.start) for e in opposes.evidence] == [("s1", 0), ("s2", 40)]
    nick = next(p for p in positions if p.actor_id != hrw.id)
    assert len(nick.evidence) == 1  # the same span found twice (chunk overlap) counts once
    assert risks[0].raised_by == [hrw.id]


def test_ids_depend_on_content_only() -> None:
    chunk = GroundedChunk(
        positions=[GroundedPosition("Microsoft", "company", "opposes", "No.", ev(0, 10))]
    )
    first = consolidate([chunk])
    second = consolidate([chunk])
    assert [p.id for p in first[1]] == [p.id for p in second[1]]
    assert first[0][0].id.startswith("actor-")
