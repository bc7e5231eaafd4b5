"""Render a ``FactSheet`` as a Markdown brief through a Jinja2 template.

Source text is untrusted: every value a template prints is Markdown-escaped by the
environment's ``finalize`` hook, so a quote holding ``[x](javascript:...)``, ``<script>`` or a
leading ``#`` shows up as inert text. Only values the renderer itself marks as ``Markdown``
pass through unescaped. Templates run in Jinja2's sandbox, so a user's template cannot reach
Python internals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .changes import changes_since
from .chunking import dateline_end
from .claims import MONTHS
from .errors import ConfigError
from .models import (
    Actor,
    BottomLineSentence,
    Event,
    Evidence,
    FactSheet,
    Position,
    Risk,
    Source,
)


class Markdown(str):
    """Text that is already Markdown and must not be escaped again."""


_ESCAPE = re.compile(r"([\\`*_{}\[\]<>|#!~&])")
_WHITESPACE = re.compile(r"\s+")


def escape_markdown(value: object) -> str:
    """Make text inert in Markdown: one line, every syntax character escaped."""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    return _ESCAPE.sub(r"\\\1", text)


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (Markdown, int, float)):
        return value
    return escape_markdown(value)


@dataclass(frozen=True)
class Note:
    """One numbered source note: an exact quote and where it sits."""

    number: int
    evidence: Evidence
    source: Source
    source_number: int

    @property
    def page(self) -> int | None:
        """The page the quote begins on, for a source with pages (a PDF)."""
        return self.source.page_at(self.evidence.start)

    @property
    def ocr(self) -> bool:
        """Whether the quote's page was read by OCR, so its words are what OCR read."""
        return self.page is not None and self.page in (self.source.ocr_pages or ())


@dataclass(frozen=True)
class BriefFormat:
    """What a brief shows. A count of ``None`` shows every fact of that kind; a number shows
    that many of the most prominent (cited by the bottom line, then found in more sources,
    then with more evidence), still in the brief's order. ``cites_per_fact`` bounds the notes
    each fact cites (``None``: all its evidence)."""

    template: str
    positions: int | None = None
    risks: int | None = None
    events: int | None = None
    cites_per_fact: int | None = None
    also_named: bool = True  # the actors the sources name but attribute nothing to


FORMATS: dict[str, BriefFormat] = {
    "full": BriefFormat("brief.md.j2"),
    "one-page": BriefFormat(
        "one-page.md.j2", positions=6, risks=3, events=4, cites_per_fact=1, also_named=False
    ),
}


def _lookup_format(name: str) -> BriefFormat:
    try:
        return FORMATS[name]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise ConfigError(f"unknown brief format {name!r}; choose one of {choices}") from None


@dataclass(frozen=True)
class FactOrder:
    """Every fact in the order a full brief shows it."""

    positions: list[Position]
    risks: list[Risk]
    events: list[Event]

    def labelled(self) -> dict[str, Position | Risk | Event]:
        """``P1``, ``R1``, ``E1`` ... for every fact: the labels the review page shows."""
        groups: tuple[tuple[str, Sequence[Position | Risk | Event]], ...] = (
            ("P", self.positions),
            ("R", self.risks),
            ("E", self.events),
        )
        return {
            f"{prefix}{number}": fact
            for prefix, facts in groups
            for number, fact in enumerate(facts, 1)
        }


def fact_order(sheet: FactSheet) -> FactOrder:
    """Positions by stance, then actor; risks as found; events by date."""
    names = {actor.id: actor.name for actor in sheet.actors}
    return FactOrder(
        positions=sorted(sheet.positions, key=lambda p: (p.stance, names[p.actor_id])),
        risks=list(sheet.risks),
        events=sorted(sheet.events, key=lambda e: date_sort_key(e.date)),
    )


@dataclass(frozen=True)
class NumberedFacts:
    """What a brief shows, each item with the note numbers it cites, and every note.

    ``notes`` numbers the evidence of every fact, the brief's own notes first
    (``notes[:shown]``); the review page, which shows every fact, uses the same numbers.
    """

    bottom_line: list[tuple[BottomLineSentence, list[int]]]
    positions: list[tuple[Position, list[int]]]
    risks: list[tuple[Risk, list[int]]]
    events: list[tuple[Event, list[int]]]
    also_named: list[tuple[Actor, list[int]]]
    notes: list[Note]
    shown: int
    numbers: dict[tuple[str, int, int], int]

    def cites(self, evidence: list[Evidence]) -> list[int]:
        """The note numbers of every piece of this evidence, each once."""
        return list(
            dict.fromkeys(self.numbers[(ev.source_id, ev.start, ev.end)] for ev in evidence)
        )


Fact = TypeVar("Fact", Position, Risk, Event)


def most_prominent(facts: list[Fact], count: int, first: set[str] | None = None) -> list[Fact]:
    """The ``count`` most prominent facts, in their given order: those whose ids are in
    ``first``, then those found in more sources, then those with more evidence."""
    ranked = sorted(
        facts,
        key=lambda f: (
            f.id not in (first or set()),
            -len({ev.source_id for ev in f.evidence}),
            -len(f.evidence),
        ),
    )
    chosen = {fact.id for fact in ranked[:count]}
    return [fact for fact in facts if fact.id in chosen]


def role_notes(actor: Actor, evidence: list[Evidence]) -> list[Evidence]:
    """The sentence giving a person's role, for a row that shows it beside their name: none
    when there is no role, or when the row's own ``evidence`` quotes the role already."""
    role = actor.role
    if role is None or any(
        ev.source_id == role.evidence.source_id and ev.start <= role.start and role.end <= ev.end
        for ev in evidence
    ):
        return []
    return [role.evidence]


def raiser_notes(raisers: list[Actor], evidence: list[Evidence]) -> list[Evidence]:
    """``role_notes`` for each of a risk's raisers."""
    return [note for actor in raisers for note in role_notes(actor, evidence)]


def number_notes(sheet: FactSheet, brief_format: str = "full") -> NumberedFacts:
    """Choose what a brief of ``brief_format`` shows and number the evidence it cites in
    order of first citation (the same span keeps its number), then the rest of the evidence.

    The Markdown brief, the review page and ``briefing check`` all take their note numbers
    from here, so a note number means the same quote everywhere.
    """
    form = _lookup_format(brief_format)
    sources = {source.id: (n, source) for n, source in enumerate(sheet.sources, 1)}
    numbers: dict[tuple[str, int, int], int] = {}
    notes: list[Note] = []

    def cite(evidence: list[Evidence]) -> list[int]:
        for ev in evidence:
            key = (ev.source_id, ev.start, ev.end)
            if key not in numbers:
                numbers[key] = len(notes) + 1
                source_number, source = sources[ev.source_id]
                notes.append(Note(numbers[key], ev, source, source_number))
        return list(dict.fromkeys(numbers[(ev.source_id, ev.start, ev.end)] for ev in evidence))

    def cited(fact: Position | Risk | Event) -> list[Evidence]:
        return fact.evidence[: form.cites_per_fact]

    in_bottom_line = {fact_id for sentence in sheet.bottom_line for fact_id in sentence.fact_ids}

    def pick(facts: list[Fact], count: int | None) -> list[Fact]:
        return facts if count is None else most_prominent(facts, count, in_bottom_line)

    order = fact_order(sheet)
    by_id = {fact.id: fact for fact in order.labelled().values()}
    bottom = [
        (s, sorted(cite([ev for fact_id in s.fact_ids for ev in cited(by_id[fact_id])])))
        for s in sheet.bottom_line
    ]
    actors = {actor.id: actor for actor in sheet.actors}
    positions = [
        (p, cite([*cited(p), *role_notes(actors[p.actor_id], cited(p))]))
        for p in pick(order.positions, form.positions)
    ]
    risks = [
        (r, cite([*cited(r), *raiser_notes([actors[a] for a in r.raised_by], cited(r))]))
        for r in pick(order.risks, form.risks)
    ]
    events = [(e, cite(cited(e))) for e in pick(order.events, form.events)]
    named = [
        (a, sorted(cite([*a.named_in, *role_notes(a, a.named_in)])))
        for a in sheet.actors
        if a.named_in and form.also_named
    ]
    shown = len(notes)
    for fact in by_id.values():
        cite(fact.evidence)
    for actor in sheet.actors:
        cite([*actor.named_in, *([actor.role.evidence] if actor.role else [])])
    return NumberedFacts(bottom, positions, risks, events, named, notes, shown, numbers)


def _cites(numbers: list[int]) -> Markdown:
    return Markdown(" ".join(f"[{n}]" for n in numbers))


_STANCE_PHRASES = {
    "supports": "in support",
    "opposes": "opposed",
    "concerned": "concerned",
    "mixed": "mixed",
    "neutral": "neutral",
    "disputed": "with a disputed stance",
}
# Month names and abbreviations are shared with the claim checks; here they only order dates.
_MONTH_NUMBERS = {
    full: number
    for number, full in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        1,
    )
}


def stance_label(position: Position) -> str:
    """The stance as the brief shows it: a disputed one shows both answers, not a guess."""
    if position.stance_check == "disputed" and position.second_stance:
        return f"disputed: {position.stance} / {position.second_stance}"
    return position.stance


def event_text(event: Event) -> str:
    """An event as the brief shows it beside its date: its sentence without the dateline
    ("NEW YORK, 7 August 2024 —") that gave the date, which its note still quotes."""
    rest = event.description[dateline_end(event.description) :].strip()
    return rest or event.description


def stance_labels(positions: Sequence[Position]) -> str:
    """The stances an actor's positions show, each once: "supports", "opposes and mixed"."""
    return " and ".join(dict.fromkeys(stance_label(p) for p in positions))


def plural(count: int, noun: str) -> str:
    """A count and its noun, "1 risk" or "2 risks" (for nouns that add an s)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def date_sort_key(date: str) -> tuple[int, int, int]:
    """Year, month, day read from a free-text date; what is missing sorts first."""
    words = re.findall(r"[a-z]+|\d+", date.lower())
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), 0)
    month = next((_MONTH_NUMBERS[MONTHS[w]] for w in words if w in MONTHS), 0)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), 0)
    return (year, month, day)


def bottom_line(sheet: FactSheet) -> list[str]:
    """Plain sentences derived from verified facts only: counts and grounded actor names."""
    tally = stance_tally(sheet)
    sentences = [tally] if tally else []
    if sheet.risks:
        categories = Counter(risk.category.replace("_", " ") for risk in sheet.risks)
        top = ", ".join(f"{name} ({count})" for name, count in categories.most_common(3))
        sentences.append(f"{plural(len(sheet.risks), 'risk')} raised, most often about {top}.")
    if sheet.events:
        sentences.append(f"The timeline holds {plural(len(sheet.events), 'dated event')}.")
    if not sentences:
        sentences.append("No fact in the sources could be verified against a verbatim quote.")
    return sentences


@cache
def _builtin_template(name: str) -> str | None:
    """A built-in Markdown template by file name; ``None`` (Jinja2: not found) for others."""
    if "/" in name or "\\" in name or not name.endswith(".md.j2"):
        return None
    entry = resources.files("briefing.templates").joinpath(name)
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        # Built-in templates can be included by name, e.g. {% include "review-appendix.md.j2" %}.
        loader=jinja2.FunctionLoader(_builtin_template),
        finalize=_finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["page_ranges"] = page_ranges
    return env


def page_ranges(pages: list[int]) -> str:
    """Page numbers with runs shortened: [1, 2, 3, 5] -> "1–3, 5"."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def _draft_text(draft: dict[str, str]) -> str:
    """One line describing a rejected draft: who, what, and the quote the model gave."""
    if "sentence" in draft:  # a bottom-line sentence: what it said and the facts it cited
        return f"{draft['sentence']} (citing {draft.get('facts', '')})"
    who = draft.get("actor") or draft.get("raised_by") or draft.get("date") or ""
    what = draft.get("summary") or draft.get("description") or ""
    return f"{who}: {what} (quoted: \u201c{draft.get('quote', '')}\u201d)"


def _disagreements(sheet: FactSheet, numbered: NumberedFacts) -> list[dict[str, Any]]:
    """The sheet's conflicts, each side citing the notes of the spans it quotes."""
    return [
        {
            "kind": conflict.kind,
            "subject": conflict.subject,
            "sides": [
                {
                    "value": side.value,
                    "cites": _cites(sorted(numbered.cites(side.evidence))),
                    "sources": side.support,
                }
                for side in conflict.sides
            ],
        }
        for conflict in sheet.conflicts
    ]


# Sources that gave no fact are named one by one up to this many; past it, by number.
_GAPS_NAMED = 5


def gaps(sheet: FactSheet) -> list[str]:
    """What the verified facts leave open, for the editor to check: a source that gave no
    verified fact (off the topic, or read badly), and a side no verified position takes
    (no one in support, or no one opposed or concerned). A disputed stance takes no side."""
    found: list[str] = []
    facts: list[Position | Risk | Event] = [*sheet.positions, *sheet.risks, *sheet.events]
    cited = {evidence.source_id for fact in facts for evidence in fact.evidence}
    silent = [(n, s) for n, s in enumerate(sheet.sources, 1) if s.id not in cited]
    if facts and len(silent) <= _GAPS_NAMED:
        found += [
            f"Source {number} ({source.title}) gave no verified position, risk or event."
            for number, source in silent
        ]
    elif facts:  # a spreadsheet of responses may give hundreds of sources: number them
        numbers = page_ranges([number for number, _ in silent])
        found.append(
            f"{len(silent)} of {len(sheet.sources)} sources gave no verified position, risk "
            f"or event: sources {numbers}."
        )
    stances = {p.stance for p in sheet.positions if p.stance_check != "disputed"}
    if len(sheet.positions) >= 2:
        if "supports" not in stances:
            found.append(f"No verified position supports {sheet.topic}.")
        if not stances & {"opposes", "concerned"}:
            found.append(f"No verified position opposes {sheet.topic} or raises concerns.")
    return found


def stance_tally(sheet: FactSheet) -> str | None:
    """Who stands where, counted from the verified positions: "10 verified positions on the
    treaty: 5 concerned (...); 3 in support (...); 2 opposed (...)." None without positions."""
    names = {actor.id: actor.name for actor in sheet.actors}
    by_stance: dict[str, list[str]] = {}
    for position in sheet.positions:
        stance = "disputed" if position.stance_check == "disputed" else position.stance
        by_stance.setdefault(stance, []).append(names[position.actor_id])
    if not by_stance:
        return None
    parts = [
        f"{len(actors)} {_STANCE_PHRASES[stance]} "
        f"({', '.join(actors[:4])}{', ...' if len(actors) > 4 else ''})"
        for stance, actors in sorted(by_stance.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return (
        f"{plural(len(sheet.positions), 'verified position')} on {sheet.topic}: {'; '.join(parts)}."
    )


def _bottom_line(numbered: NumberedFacts, sheet: FactSheet) -> list[str]:
    """The model's verified sentences, each followed by its notes, then who stands where
    (a small model's few sentences often leave the sides out); else the code-written lines."""
    if not numbered.bottom_line:
        return bottom_line(sheet)
    tally = stance_tally(sheet)
    return [
        *(
            Markdown(f"{escape_markdown(sentence.text)} {_cites(numbers)}")
            for sentence, numbers in numbered.bottom_line
        ),
        *([tally] if tally else []),
    ]


def _changes(earlier: FactSheet, sheet: FactSheet, numbered: NumberedFacts) -> dict[str, Any]:
    """What changed since the ``earlier`` brief (``changes.changes_since``), each new or
    changed fact citing the notes it cites in this brief; a fact this brief's format leaves
    out (the one-page brief's) is not listed."""
    found = changes_since(earlier, sheet)
    shown: list[tuple[Position | Risk | Event, list[int]]] = [
        *numbered.positions,
        *numbered.risks,
        *numbered.events,
    ]
    cites = {fact.id: _cites(numbers) for fact, numbers in shown}
    names = {actor.id: actor.name for actor in [*earlier.actors, *sheet.actors]}
    new_ids = {source.id for source in found.new_sources}
    new_sources = [n for n, source in enumerate(sheet.sources, 1) if source.id in new_ids]
    changed: list[Position | Risk | Event] = [
        *found.new_positions,
        *(change.position for change in found.stance_changes),
        *found.new_risks,
        *found.new_events,
    ]
    return {
        "earlier_sources": found.earlier_sources,
        "not_shown": sum(fact.id not in cites for fact in changed),
        "earlier_topic": earlier.topic if earlier.topic != sheet.topic else None,
        "new_sources": new_sources,
        "positions": [
            {"actor": names[p.actor_id], "stance": stance_label(p), "cites": cites[p.id]}
            for p in found.new_positions
            if p.id in cites
        ],
        "stance_changes": [
            {
                "actor": names[change.position.actor_id],
                "stance": stance_label(change.position),
                "before": stance_labels(change.before),
                "cites": cites[change.position.id],
            }
            for change in found.stance_changes
            if change.position.id in cites
        ],
        "risks": [
            {
                "description": r.description,
                "raised_by": ", ".join(names[a] for a in r.raised_by),
                "cites": cites[r.id],
            }
            for r in found.new_risks
            if r.id in cites
        ],
        "events": [
            {"date": e.date, "description": event_text(e), "cites": cites[e.id]}
            for e in found.new_events
            if e.id in cites
        ],
        "gone": [
            {
                "actor": actor.name,
                "stance": stance_labels(positions),
            }
            for actor, positions in found.gone
        ],
    }


def _role_text(actor: Actor) -> str | None:
    """An actor's role as a brief shows it after the name: an article that opened the
    source's sentence in lower case ("The lieutenant governor, Kim Guadagno, denied ..." is
    "Kim Guadagno, the lieutenant governor"). The role's evidence keeps the source's words."""
    if actor.role is None:
        return None
    text = actor.role.text
    return text[0].lower() + text[1:] if _AN_ARTICLE.match(text) else text


_AN_ARTICLE = re.compile(r"(?:The|An?)\s+[a-z]")


def with_role(actor: Actor) -> str:
    """A name as a row shows it: "Tirana Hassan, executive director of Human Rights Watch"."""
    role = _role_text(actor)
    return f"{actor.name}, {role}" if role else actor.name


def raisers_text(raisers: list[Actor]) -> str:
    """A risk's raisers, each with their role; a role's commas call for semicolons between."""
    return ("; " if any(actor.role for actor in raisers) else ", ").join(map(with_role, raisers))


def template_context(
    sheet: FactSheet,
    *,
    review: bool = False,
    brief_format: str = "full",
    since: FactSheet | None = None,
) -> dict[str, Any]:
    """The variables every template receives (documented in the README). ``since``: an
    earlier fact sheet on the topic, for ``changes`` (None without one)."""
    numbered = number_notes(sheet, brief_format)
    actors = {actor.id: actor for actor in sheet.actors}
    positions = [
        {
            "actor": actors[p.actor_id].name,
            "role": _role_text(actors[p.actor_id]),
            "stance": stance_label(p),
            "stance_check": p.stance_check,
            "summary": p.summary,
            "cites": _cites(numbers),
            "sources": p.support,
        }
        for p, numbers in numbered.positions
    ]
    risks = [
        {
            "description": r.description,
            "category": r.category.replace("_", " "),
            "raised_by": raisers_text([actors[a] for a in r.raised_by]),
            "raisers": [
                {"name": actors[a].name, "role": _role_text(actors[a])} for a in r.raised_by
            ],
            "cites": _cites(numbers),
            "sources": r.support,
        }
        for r, numbers in numbered.risks
    ]
    events = [
        {
            "date": e.date,
            "description": event_text(e),
            "reckoned": e.reckoned_from is not None,
            "cites": _cites(numbers),
            "sources": e.support,
        }
        for e, numbers in numbered.events
    ]
    also_named = [
        {
            "name": a.name,
            "role": _role_text(a),
            "kind": a.kind,
            "mentions": a.mentions,
            "sources": len(a.named_in),
            "cites": _cites(numbers),
        }
        for a, numbers in numbered.also_named
    ]
    return {
        "title": f"Policy brief: {sheet.topic}",
        "topic": sheet.topic,
        "bottom_line": _bottom_line(numbered, sheet),
        "positions": positions,
        "risks": risks,
        "events": events,
        "also_named": also_named,
        "disagreements": _disagreements(sheet, numbered),
        "gaps": gaps(sheet),
        "changes": _changes(since, sheet, numbered) if since is not None else None,
        "notes": numbered.notes[: numbered.shown],
        "sources": list(enumerate(sheet.sources, 1)),
        "rejected_count": len(sheet.rejected),
        "review": review,
        "rejected": [
            {"kind": r.kind.replace("_", " "), "draft": _draft_text(r.draft), "reason": r.reason}
            for r in sheet.rejected
        ],
        "disputed": [p for p in positions if p["stance_check"] == "disputed"],
        "run": sheet.run,
        "sheet": sheet,
    }


def check_template(template_text: str) -> None:
    """Raise ``ConfigError`` naming the line if the template does not parse."""
    try:
        _environment().parse(template_text)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template error on line {exc.lineno}: {exc.message}") from None


def render_brief(
    sheet: FactSheet,
    template_text: str | None = None,
    *,
    review: bool = False,
    brief_format: str = "full",
    since: FactSheet | None = None,
) -> str:
    """Render the brief; ``template_text`` replaces the format's built-in template.

    ``brief_format`` chooses what the brief shows (``FORMATS``): ``full``, or ``one-page``
    (the bottom line, the most prominent positions, risks and dates, one note per fact).
    ``review`` adds an appendix listing every rejected draft with its reason and every
    disputed stance, for the editor; it is never part of the brief's body. ``since``, the
    fact sheet of an earlier brief on the topic, adds what changed since it.
    """
    env = _environment()
    form = _lookup_format(brief_format)
    context = template_context(sheet, review=review, brief_format=brief_format, since=since)
    try:
        if template_text is None:
            template = env.get_template(form.template)
        else:
            template = env.from_string(template_text)
        return template.render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template error on line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ConfigError(f"template error: {exc}") from None
