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

from .changes import changes_since
from .models import Event, Evidence, FactSheet, Position, Risk, Source
from .render import (
    Note,
    event_text,
    fact_order,
    gaps,
    number_notes,
    page_ranges,
    raiser_notes,
    raisers_text,
    role_notes,
    stance_label,
    stance_labels,
    with_role,
)

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
    page: int | None = None
    """The page that begins with this piece, in a source with pages (a PDF)."""


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


def split_at_spans(
    text: str, notes: list[Note], page_starts: list[int] | None = None
) -> list[Piece]:
    """Cut ``text`` at every start and end of the notes' spans (all in this text), and
    where each page after the first begins, so the page can show the page breaks."""
    spans = sorted(notes, key=lambda n: (n.evidence.start, -n.evidence.end, n.number))
    # Pages that share a start (a page with no text of its own) show the last of them.
    pages = {start: number for number, start in enumerate(page_starts or [], 2)}
    bounds = sorted(
        {0, len(text)}
        | {n.evidence.start for n in spans}
        | {n.evidence.end for n in spans}
        | {start for start in pages if start < len(text)}
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
                page=pages.get(start),
            )
        )
    return pieces


def _web_link(url: str | None) -> str | None:
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


@dataclass(frozen=True)
class SentenceRow:
    """A bottom-line sentence the model wrote, with links to the facts it rests on."""

    text: str
    facts: list[FactLink]
    notes: list[int]


@dataclass(frozen=True)
class ChangeRow:
    """One change since the earlier brief: what changed ("New position"), what it says, and
    the fact it is (none for an actor whose position is gone)."""

    kind: str
    text: str
    fact: FactLink | None


def _date_cell(event: Event) -> str:
    """An event's date, saying what a day counted from a weekday was counted from."""
    if event.reckoned_from is None:
        return event.date
    return f"{event.date}, counted from its source's publication date, {event.reckoned_from}"


def review_context(
    sheet: FactSheet, brief_format: str = "full", since: FactSheet | None = None
) -> dict[str, object]:
    """The variables ``review.html.j2`` receives; note numbers are those of a brief of
    ``brief_format``, which the page extends to the evidence that brief does not cite.
    ``since``: an earlier brief's fact sheet, for what changed since it."""
    numbered = number_notes(sheet, brief_format)
    order = fact_order(sheet)
    actors = {actor.id: actor for actor in sheet.actors}
    names = {actor.id: actor.name for actor in sheet.actors}
    cited_by: dict[int, list[FactLink]] = {note.number: [] for note in numbered.notes}
    links: dict[str, FactLink] = {}  # fact id -> its label, for the bottom line

    def row(
        fact: Position | Risk | Event,
        index: int,
        cells: list[str],
        disputed: bool = False,
        role: list[Evidence] | None = None,
    ) -> FactRow:
        kind = type(fact).__name__.lower()  # position, risk, event
        link = links[fact.id] = FactLink(f"{kind}-{index}", f"{kind[0].upper()}{index}")
        notes = numbered.cites([*fact.evidence, *(role or [])])
        for number in dict.fromkeys(notes):
            cited_by[number].append(link)
        return FactRow(link, cells, notes, disputed)

    positions = [
        row(
            p,
            i,
            [with_role(actors[p.actor_id]), stance_label(p), p.summary, str(p.support)],
            p.stance_check == "disputed",
            role_notes(actors[p.actor_id], p.evidence),
        )
        for i, p in enumerate(order.positions, 1)
    ]
    risks = [
        row(
            r,
            i,
            [
                r.description,
                r.category.replace("_", " "),
                raisers_text([actors[a] for a in r.raised_by]),
                str(r.support),
            ],
            role=raiser_notes([actors[a] for a in r.raised_by], r.evidence),
        )
        for i, r in enumerate(order.risks, 1)
    ]
    events = [
        row(e, i, [_date_cell(e), event_text(e), str(e.support)])
        for i, e in enumerate(order.events, 1)
    ]
    also_named: list[FactRow] = []
    for index, actor in enumerate((a for a in sheet.actors if a.named_in), 1):
        link = FactLink(f"named-{index}", f"N{index}")
        notes = numbered.cites([*actor.named_in, *role_notes(actor, actor.named_in)])
        for number in notes:
            cited_by[number].append(link)
        cells = [with_role(actor), actor.kind or "", str(actor.mentions), str(len(actor.named_in))]
        also_named.append(FactRow(link, cells, notes, False))
    bottom_line = [
        SentenceRow(sentence.text, [links[fact_id] for fact_id in sentence.fact_ids], notes)
        for sentence, notes in numbered.bottom_line
    ]
    disputed = [
        DisputedRow(fact.link, names[p.actor_id], p.stance, p.second_stance or "no answer")
        for fact, p in zip(positions, order.positions)
        if fact.disputed
    ]
    source_numbers = {source.id: n for n, source in enumerate(sheet.sources, 1)}
    rejected = [
        RejectedRow(
            kind=r.kind,
            source=f"source {source_numbers[r.source_id]}"
            if r.source_id in source_numbers
            else r.source_id or "none (a bottom-line sentence)",
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
                source.text,
                [note for note in numbered.notes if note.source_number == n],
                source.page_starts,
            ),
        )
        for n, source in enumerate(sheet.sources, 1)
    ]
    return {
        "title": f"Review: {sheet.topic}",
        "run": sheet.run,
        "bottom_line": bottom_line,
        "changes": _change_rows(since, sheet, links) if since is not None else None,
        "positions": positions,
        "risks": risks,
        "events": events,
        "also_named": also_named,
        "notes": numbered.notes,
        "cited_by": cited_by,
        "sources": sources,
        "gaps": gaps(sheet),
        "disputed": disputed,
        "rejected": rejected,
    }


def _change_rows(
    earlier: FactSheet, sheet: FactSheet, links: dict[str, FactLink]
) -> list[ChangeRow]:
    """What changed since the ``earlier`` brief (``changes.changes_since``), each new or
    changed fact linked to its row on the page."""
    found = changes_since(earlier, sheet)
    names = {actor.id: actor.name for actor in sheet.actors}
    rows = [
        ChangeRow("New position", f"{names[p.actor_id]}, {stance_label(p)}", links[p.id])
        for p in found.new_positions
    ]
    rows += [
        ChangeRow(
            "Stance changed",
            f"{names[change.position.actor_id]}, now {stance_label(change.position)} (was "
            f"{stance_labels(change.before)})",
            links[change.position.id],
        )
        for change in found.stance_changes
    ]
    rows += [ChangeRow("New risk", r.description, links[r.id]) for r in found.new_risks]
    rows += [
        ChangeRow("New event", f"{e.date}: {event_text(e)}", links[e.id]) for e in found.new_events
    ]
    rows += [
        ChangeRow(
            "No longer verified",
            f"{actor.name} ({stance_labels(held)} in the earlier brief)",
            None,
        )
        for actor, held in found.gone
    ]
    return rows


def render_review_page(
    sheet: FactSheet, brief_format: str = "full", since: FactSheet | None = None
) -> str:
    """The review page as one HTML document; the same fact sheet gives the same bytes.

    Its note numbers are those of the brief of ``brief_format`` rendered from the same sheet;
    ``since``, an earlier brief's fact sheet, adds what changed since it.
    """
    env = SandboxedEnvironment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["page_ranges"] = page_ranges
    template = resources.files("briefing.templates").joinpath(TEMPLATE).read_text("utf-8")
    return env.from_string(template).render(**review_context(sheet, brief_format, since))
