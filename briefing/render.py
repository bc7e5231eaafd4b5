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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .claims import MONTHS
from .errors import ConfigError
from .models import Event, Evidence, FactSheet, Position, Risk, Source

DEFAULT_TEMPLATE = "brief.md.j2"


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


@dataclass(frozen=True)
class NumberedFacts:
    """The facts in the order the brief shows them, each with the note numbers it cites."""

    positions: list[tuple[Position, list[int]]]
    risks: list[tuple[Risk, list[int]]]
    events: list[tuple[Event, list[int]]]
    notes: list[Note]


def number_notes(sheet: FactSheet) -> NumberedFacts:
    """Order the facts as the brief shows them and number their evidence in order of first
    citation; the same span keeps its number.

    The Markdown brief, the review page and ``briefing check`` all take their note numbers
    from here, so a note number means the same quote everywhere.
    """
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
        return [numbers[(ev.source_id, ev.start, ev.end)] for ev in evidence]

    names = {actor.id: actor.name for actor in sheet.actors}
    positions = sorted(sheet.positions, key=lambda p: (p.stance, names[p.actor_id]))
    events = sorted(sheet.events, key=lambda e: date_sort_key(e.date))
    return NumberedFacts(
        positions=[(p, cite(p.evidence)) for p in positions],
        risks=[(r, cite(r.evidence)) for r in sheet.risks],
        events=[(e, cite(e.evidence)) for e in events],
        notes=notes,
    )


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


def _plural(count: int, noun: str) -> str:
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
    sentences = []
    names = {actor.id: actor.name for actor in sheet.actors}
    by_stance: dict[str, list[str]] = {}
    for position in sheet.positions:
        stance = "disputed" if position.stance_check == "disputed" else position.stance
        by_stance.setdefault(stance, []).append(names[position.actor_id])
    if by_stance:
        parts = [
            f"{len(actors)} {_STANCE_PHRASES[stance]} "
            f"({', '.join(actors[:4])}{', ...' if len(actors) > 4 else ''})"
            for stance, actors in sorted(by_stance.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ]
        sentences.append(
            f"{_plural(len(sheet.positions), 'verified position')} on {sheet.topic}: "
            f"{'; '.join(parts)}."
        )
    if sheet.risks:
        categories = Counter(risk.category.replace("_", " ") for risk in sheet.risks)
        top = ", ".join(f"{name} ({count})" for name, count in categories.most_common(3))
        sentences.append(f"{_plural(len(sheet.risks), 'risk')} raised, most often about {top}.")
    if sheet.events:
        sentences.append(f"The timeline holds {_plural(len(sheet.events), 'dated event')}.")
    if not sentences:
        sentences.append("No fact in the sources could be verified against a verbatim quote.")
    return sentences


@cache
def _builtin_template(name: str) -> str:
    return resources.files("briefing.templates").joinpath(name).read_text(encoding="utf-8")


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        finalize=_finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    return env


def _draft_text(draft: dict[str, str]) -> str:
    """One line describing a rejected draft: who, what, and the quote the model gave."""
    who = draft.get("actor") or draft.get("raised_by") or draft.get("date") or ""
    what = draft.get("summary") or draft.get("description") or ""
    return f"{who}: {what} (quoted: \u201c{draft.get('quote', '')}\u201d)"


def _disagreements(sheet: FactSheet, notes: list[Note]) -> list[dict[str, Any]]:
    """The sheet's conflicts, each side citing the notes of the spans it quotes."""
    numbers = {(n.evidence.source_id, n.evidence.start, n.evidence.end): n.number for n in notes}
    return [
        {
            "kind": conflict.kind,
            "subject": conflict.subject,
            "sides": [
                {
                    "value": side.value,
                    "cites": _cites(
                        sorted({numbers[(e.source_id, e.start, e.end)] for e in side.evidence})
                    ),
                    "sources": side.support,
                }
                for side in conflict.sides
            ],
        }
        for conflict in sheet.conflicts
    ]


def template_context(sheet: FactSheet, *, review: bool = False) -> dict[str, Any]:
    """The variables every template receives (documented in the README)."""
    numbered = number_notes(sheet)
    actors = {actor.id: actor for actor in sheet.actors}
    positions = [
        {
            "actor": actors[p.actor_id].name,
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
            "raised_by": ", ".join(actors[a].name for a in r.raised_by),
            "cites": _cites(numbers),
            "sources": r.support,
        }
        for r, numbers in numbered.risks
    ]
    events = [
        {
            "date": e.date,
            "description": e.description,
            "cites": _cites(numbers),
            "sources": e.support,
        }
        for e, numbers in numbered.events
    ]
    return {
        "title": f"Policy brief: {sheet.topic}",
        "topic": sheet.topic,
        "bottom_line": bottom_line(sheet),
        "positions": positions,
        "risks": risks,
        "events": events,
        "disagreements": _disagreements(sheet, numbered.notes),
        "notes": numbered.notes,
        "sources": list(enumerate(sheet.sources, 1)),
        "rejected_count": len(sheet.rejected),
        "review": review,
        "rejected": [
            {"kind": r.kind, "draft": _draft_text(r.draft), "reason": r.reason}
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
    sheet: FactSheet, template_text: str | None = None, *, review: bool = False
) -> str:
    """Render the brief; ``template_text`` replaces the built-in template.

    ``review`` adds an appendix listing every rejected draft with its reason and every
    disputed stance, for the editor; it is never part of the brief's body.
    """
    env = _environment()
    source = template_text if template_text is not None else _builtin_template(DEFAULT_TEMPLATE)
    try:
        template = env.from_string(source)
        return template.render(**template_context(sheet, review=review))
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template error on line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ConfigError(f"template error: {exc}") from None
