"""Merge grounded findings from every chunk and source into one set of facts.

One actor per real-world actor (a short form, an acronym or a surname joins the fuller name);
one position per actor and stance, carrying all its evidence; risks and events found twice (in
a chunk overlap, or in two sources) merged with their evidence. Ids are derived from content,
so the same findings always get the same ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .grounding import (
    GroundedChunk,
    GroundedEvent,
    GroundedPosition,
    GroundedRisk,
    acronym,
    name_words,
)
from .models import Actor, ActorKind, Event, Evidence, Position, Risk


def _key(name: str) -> str:
    words = [word.removesuffix("'s").rstrip("'") for word in name_words(name)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _same_actor(a: str, a_kind: ActorKind | None, b: str, b_kind: ActorKind | None) -> bool:
    key_a, key_b = _key(a), _key(b)
    if key_a == key_b:
        return True
    short, long_ = sorted((key_a, key_b), key=len)
    if " " not in short and len(short) >= 2 and acronym(long_.split()) == short:
        return True
    # A surname alone ("Ashton-Hart") joins the full name of a person.
    if "person" in (a_kind, b_kind) and " " not in short and long_.split()[-1] == short:
        return True
    return False


def _fact_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"


class _ActorRegistry:
    """Resolves every mention to one canonical actor, keeping the others as aliases."""

    def __init__(self) -> None:
        self._actors: list[Actor] = []

    def resolve(self, name: str, kind: ActorKind | None, evidence: Evidence) -> Actor:
        name = name.strip()
        for actor in self._actors:
            if _same_actor(actor.name, actor.kind, name, kind):
                if _key(name) != _key(actor.name) and len(name) > len(actor.name):
                    actor.aliases.append(actor.name)
                    actor.name = name
                elif _key(name) != _key(actor.name) and name not in actor.aliases:
                    actor.aliases.append(name)
                if actor.kind is None:
                    actor.kind = kind
                _add_evidence(actor.evidence, evidence)
                return actor
        actor = Actor(id="", name=name, kind=kind, evidence=[evidence])
        self._actors.append(actor)
        return actor

    def finish(self) -> list[Actor]:
        for actor in self._actors:
            actor.id = _fact_id("actor", _key(actor.name))
            actor.aliases = sorted(set(actor.aliases) - {actor.name})
        return self._actors


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.source_id == b.source_id and a.start < b.end and b.start < a.end


def _add_evidence(evidence: list[Evidence], new: Evidence) -> None:
    if not any(
        existing.source_id == new.source_id
        and existing.start == new.start
        and existing.end == new.end
        for existing in evidence
    ):
        evidence.append(new)


def consolidate(
    chunks: Iterable[GroundedChunk],
) -> tuple[list[Actor], list[Position], list[Risk], list[Event]]:
    registry = _ActorRegistry()
    positions: list[tuple[Actor, GroundedPosition, list[Evidence]]] = []
    risks: list[tuple[list[Actor], GroundedRisk, list[Evidence]]] = []
    events: list[tuple[GroundedEvent, list[Evidence]]] = []

    for chunk in chunks:
        for found in chunk.positions:
            actor = registry.resolve(found.actor, found.actor_kind, found.evidence)
            for held_by, first, evidence in positions:
                if held_by is actor and first.stance == found.stance:
                    _add_evidence(evidence, found.evidence)
                    break
            else:
                positions.append((actor, found, [found.evidence]))
        for risk in chunk.risks:
            actor = registry.resolve(risk.raised_by, None, risk.evidence)
            for raisers, first_risk, evidence in risks:
                if any(_overlaps(risk.evidence, e) for e in evidence) or (
                    _key(first_risk.description) == _key(risk.description)
                ):
                    if actor not in raisers:
                        raisers.append(actor)
                    _add_evidence(evidence, risk.evidence)
                    break
            else:
                risks.append(([actor], risk, [risk.evidence]))
        for event in chunk.events:
            for first_event, evidence in events:
                if any(_overlaps(event.evidence, e) for e in evidence) or (
                    _key(first_event.date) == _key(event.date)
                    and _key(first_event.description) == _key(event.description)
                ):
                    _add_evidence(evidence, event.evidence)
                    break
            else:
                events.append((event, [event.evidence]))

    actors = registry.finish()
    return (
        actors,
        [
            Position(
                id=_fact_id("position", actor.id, found.stance),
                actor_id=actor.id,
                stance=found.stance,
                summary=found.summary,
                evidence=evidence,
            )
            for actor, found, evidence in positions
        ],
        [
            Risk(
                id=_fact_id("risk", found.evidence.source_id, str(found.evidence.start)),
                description=found.description,
                category=found.category,
                raised_by=[actor.id for actor in raisers],
                evidence=evidence,
            )
            for raisers, found, evidence in risks
        ],
        [
            Event(
                id=_fact_id("event", found.evidence.source_id, str(found.evidence.start)),
                date=found.date,
                description=found.description,
                evidence=evidence,
            )
            for found, evidence in events
        ],
    )
