"""Render a ``FactSheet`` as one self-contained HTML page for the editor who reviews a brief.

The page lists every fact with links to its evidence, shows each source's clean text with every
evidence span highlighted and linked back to the facts citing it, and lists disputed stances
and rejected drafts. Note numbers come from ``number_notes``, so note 5 on the page is note 5
in the Markdown brief.

Source text is untrusted. This module hands the template plain strings only, never markup, and
the template runs in Jinja2's sandbox with autoescape on, so everything from a source is escaped
exactly once. A Content-Security-Policy that allows no script and no external resource is a
second line of defence. The page needs no JavaScript and no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .models import FactSheet, Source
from .render import Note, number_notes, stance_label

TEMPLATE = "review.html.j2"


@dataclass(frozen=True)
class FactLink:
    """How the page refers to one fact: its element id and a short label such as ``P2``."""

    anchor: str
    label: str


@dataclass(frozen=True)
class FactRow:
    """One fact as a table row: its text cells in column order and the notes it cites."""

    link: FactLink
    cells: list[str]
    notes: list[int]
    disputed: bool = False


@dataclass(frozen=True)
class Piece:
    """A stretch of source text between two span boundaries.

    Splitting the text at every boundary lets overlapping spans nest correctly: each piece
    opens and closes its own marks, one per note that covers it, outermost first.
    """

    text: str
    notes: tuple[int, ...]
    starts: tuple[int, ...]
    """Notes whose span begins with this piece; their first mark carries the span's id."""
    ends: tuple[int, ...]
    """Notes whose span ends with this piece; a reference to their facts follows it."""


@dataclass(frozen=True)
class SourceView:
    number: int
    source: Source
    link: str | None
    """The source's URL when it is http(s); any other scheme is shown as text only."""
    pieces: list[Piece]


@dataclass(frozen=True)
class DisputedRow:
    link: FactLink
    actor: str
    stance: str
    second_stance: str


@dataclass(frozen=True)
class RejectedRow:
    kind: str
    source: str
    reason: str
    fields: list[tuple[str, str]]


def split_at_spans(text: str, notes: list[Note]) -> list[Piece]:
    """Cut ``text`` at every start and end of the notes' spans (all in this text)."""
    spans = sorted(notes, key=lambda n: (n.evidence.start, -n.evidence.end, n.number))
    bounds = sorted(
        {0, len(text)} | {n.evidence.start for n in spans} | {n.evidence.end for n in spans}
    )
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        pieces.append(
            Piece(
                text=text[start:end],
                notes=tuple(
                    n.number for n in spans if n.evidence.start <= start and end <= n.evidence.end
                ),
                starts=tuple(n.number for n in spans if n.evidence.start == start),
                ends=tuple(sorted(n.number for n in spans if n.evidence.end == end)),
            )
        )
    return pieces


def _web_link(url: str | None) -> str | None:
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


def review_context(sheet: FactSheet) -> dict[str, object]:
    """The variables ``review.html.j2`` receives."""
    numbered = number_notes(sheet)
    names = {actor.id: actor.name for actor in sheet.actors}
    cited_by: dict[int, list[FactLink]] = {note.number: [] for note in numbered.notes}

    def row(
        kind: str, index: int, cells: list[str], notes: list[int], disputed: bool = False
    ) -> FactRow:
        link = FactLink(f"{kind}-{index}", f"{kind[0].upper()}{index}")
        for number in dict.fromkeys(notes):
            cited_by[number].append(link)
        return FactRow(link, cells, notes, disputed)

    positions = [
        row(
            "position",
            i,
            [names[p.actor_id], stance_label(p), p.summary, str(p.support)],
            notes,
            p.stance_check == "disputed",
        )
        for i, (p, notes) in enumerate(numbered.positions, 1)
    ]
    risks = [
        row(
            "risk",
            i,
            [
                r.description,
                r.category.replace("_", " "),
                ", ".join(names[a] for a in r.raised_by),
                str(r.support),
            ],
            notes,
        )
        for i, (r, notes) in enumerate(numbered.risks, 1)
    ]
    events = [
        row("event", i, [e.date, e.description, str(e.support)], notes)
        for i, (e, notes) in enumerate(numbered.events, 1)
    ]
    disputed = [
        DisputedRow(fact.link, names[p.actor_id], p.stance, p.second_stance or "no answer")
        for fact, (p, _) in zip(positions, numbered.positions)
        if fact.disputed
    ]
    source_numbers = {source.id: n for n, source in enumerate(sheet.sources, 1)}
    rejected = [
        RejectedRow(
            kind=r.kind,
            source=f"source {source_numbers[r.source_id]}"
            if r.source_id in source_numbers
            else r.source_id,
            reason=r.reason,
            fields=list(r.draft.items()),
        )
        for r in sheet.rejected
    ]
    sources = [
        SourceView(
            number=n,
            source=source,
            link=_web_link(source.url),
            pieces=split_at_spans(
                source.text, [note for note in numbered.notes if note.source_number == n]
            ),
        )
        for n, source in enumerate(sheet.sources, 1)
    ]
    return {
        "title": f"Review: {sheet.topic}",
        "run": sheet.run,
        "positions": positions,
        "risks": risks,
        "events": events,
        "notes": numbered.notes,
        "cited_by": cited_by,
        "sources": sources,
        "disputed": disputed,
        "rejected": rejected,
    }


def render_review_page(sheet: FactSheet) -> str:
    """The review page as one HTML document; the same fact sheet gives the same bytes."""
    env = SandboxedEnvironment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = resources.files("briefing.templates").joinpath(TEMPLATE).read_text("utf-8")
    return env.from_string(template).render(**review_context(sheet))
