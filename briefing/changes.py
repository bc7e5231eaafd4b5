"""What changed since an earlier brief on the same topic, read by code from the two fact
sheets: the sources that are new, the positions, risks and events the earlier brief did not
hold, the stances that changed, and the actors whose positions are no longer verified.

An editor who briefs a story day after day reads the news first. Nothing here is a new claim:
a new or changed fact is one of this brief's verified facts, cited by its notes, and an actor
the earlier brief gave a position is only said to have none verified in these sources (the
earlier evidence is not among them). Actors are matched as consolidation matches them
(``same_actor``), events as it merges them (the same date and a shared detail), risks by a
similar description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .consolidate import same_actor, same_event, same_or_similar
from .models import Actor, Event, FactSheet, Position, Risk, Source
from .names import names_actor

__all__ = ["Changes", "StanceChange", "changes_since"]


@dataclass(frozen=True)
class StanceChange:
    """A position whose actor held other stances in the earlier brief (``before``)."""

    position: Position
    before: list[Position]


@dataclass(frozen=True)
class Changes:
    """What a brief holds that an earlier one on its topic did not, in this brief's order."""

    earlier_sources: int
    new_sources: list[Source]
    new_positions: list[Position]  # of an actor the earlier brief gave no position
    stance_changes: list[StanceChange]
    new_risks: list[Risk]
    new_events: list[Event]
    gone: list[tuple[Actor, list[Position]]]  # the earlier brief's, with no position now


def _stance(position: Position) -> tuple[str, str | None]:
    """A stance as compared: the label, or both answers of a disputed one."""
    disputed = position.stance_check == "disputed"
    return position.stance, position.second_stance if disputed else None


def _names(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


def _match(actor: Actor, others: Sequence[Actor]) -> Actor | None:
    """The actor of ``others`` that is ``actor`` by any of their names, if one is."""
    for other in others:
        if any(
            same_actor(name, known, actor.kind if actor.kind == other.kind else None)
            for name in _names(actor)
            for known in _names(other)
        ):
            return other
    return None


def changes_since(earlier: FactSheet, sheet: FactSheet) -> Changes:
    """What ``sheet`` holds that ``earlier`` did not, and whose positions it no longer has."""
    earlier_ids = {source.id for source in earlier.sources}
    held: dict[str, list[Position]] = {}  # earlier actor id -> its positions
    for position in earlier.positions:
        held.setdefault(position.actor_id, []).append(position)
    earlier_holders = [actor for actor in earlier.actors if actor.id in held]
    actors = {actor.id: actor for actor in sheet.actors}
    new_positions: list[Position] = []
    changes: list[StanceChange] = []
    matched: set[str] = set()
    for position in sheet.positions:
        before = _match(actors[position.actor_id], earlier_holders)
        if before is None:
            new_positions.append(position)
            continue
        matched.add(before.id)
        if _stance(position) not in {_stance(p) for p in held[before.id]}:
            changes.append(StanceChange(position, held[before.id]))
    # A body whose position now shows as its spokesperson's (the body named in their role,
    # ``roles.fold_spokespeople``) has not gone.
    roles = [role.text for p in sheet.positions if (role := actors[p.actor_id].role)]
    matched.update(
        actor.id
        for actor in earlier_holders
        if any(names_actor(actor.name, actor.kind, role) for role in roles)
    )
    new_risks = [
        risk
        for risk in sheet.risks
        if not any(same_or_similar(risk.description, old.description) for old in earlier.risks)
    ]
    new_events = [
        event
        for event in sheet.events
        if not any(
            same_event(event.date, event.description, old.date, [old.description])
            for old in earlier.events
        )
    ]
    return Changes(
        earlier_sources=len(earlier.sources),
        new_sources=[source for source in sheet.sources if source.id not in earlier_ids],
        new_positions=new_positions,
        stance_changes=changes,
        new_risks=new_risks,
        new_events=new_events,
        gone=[(actor, held[actor.id]) for actor in earlier_holders if actor.id not in matched],
    )
