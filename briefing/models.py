"""The typed vocabulary of briefing.

Two families live here:

* **Wire models** (``*Draft``, ``ChunkExtraction``) are what the model fills. Actors are not
  a list of their own: they are named inside positions and risks, which saves a small model
  about a tenth of its output. They carry no ids
  and no offsets, every list and string is bounded so a small model stops, and each field's
  description doubles as instruction in the JSON Schema sent to the model. Field order matters
  for small models: who, then the verbatim quote, then the summary, then the closed label.
  The ``Cited*`` variants name a sentence by its number instead of copying a quote, and that
  sentence is the fact's text: the model writes who, the number and the label, nothing else.
* **Domain models** (``Source``, ``Evidence``, ``Position`` ... ``FactSheet``) are what our code
  builds after grounding. Every ``Evidence`` points into ``Source.text`` and its ``quote`` is
  exactly ``source.text[start:end]``; ``FactSheet`` refuses to exist otherwise.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from .errors import ConfigError

SCHEMA_VERSION = "1"

Stance = Literal["supports", "opposes", "concerned", "mixed", "neutral"]
# Worded for any topic, a measure or a person or group (BASIL's stances are mostly about people),
# and shared by the extraction prompt and the stance check, so both questions mean the same.
STANCE_DEFINITIONS: dict[str, str] = {
    "supports": "speaks in favour of it, defends or praises it, or wants it adopted or kept",
    "opposes": (
        "speaks against it, attacks or blames it, wants it rejected or withdrawn, "
        "or says it is not needed"
    ),
    "concerned": "does not reject it but warns about risks or harms it may bring",
    "mixed": "welcomes some parts and objects to others",
    "neutral": "describes or reports without taking a side",
}
# The order the second stance question (the check) names the labels in, in a line that closes
# it. The embedded model leans to the first label it reads; the extraction and the first stance
# question read "supports" first (the order above) and are most often wrong by calling critics
# supporters, so the check names "opposes" first: where two answers leaning opposite ways still
# agree, the label is worth more (measured on BASIL, bench/README.md).
STANCE_CHECK_ORDER: tuple[str, ...] = ("opposes", "supports", "concerned", "mixed", "neutral")
RiskCategory = Literal[
    "human_rights", "privacy", "security", "legal", "economic", "political", "other"
]
ActorKind = Literal["government", "organisation", "company", "person", "group"]
MatchKind = Literal["exact", "normalized", "fuzzy"]
FactKind = Literal["actor", "position", "risk", "event", "bottom_line"]
ConflictKind = Literal["stance", "figure"]
StanceCheck = Literal["agreed", "disputed", "unchecked"]
# How drafts name their evidence: a sentence number, or a quote the model copies (extract.py).
Citation = Literal["sentences", "quotes"]

_WIRE = ConfigDict(extra="forbid")
_DOMAIN = ConfigDict(extra="forbid")

QUOTE_MAX = 300


# --------------------------------------------------------------------------- wire models


class PositionDraft(BaseModel):
    """What one actor thinks of the topic, backed by a sentence copied from the text."""

    model_config = _WIRE
    actor: str = Field(
        min_length=2, max_length=80, description="Who holds the position, named as in the text."
    )
    # A position cited by sentence number gets its kind from code (``kinds.py``), which may
    # not tell it: None, as for a risk's raiser.
    actor_kind: ActorKind | None = Field(description="What sort of actor this is.")
    quote: str = Field(
        min_length=8,
        max_length=QUOTE_MAX,
        description="Words copied exactly from the text that show the position.",
    )
    summary: str = Field(
        min_length=8, max_length=240, description="The position in one short sentence."
    )
    stance: Stance = Field(description="The actor's stance toward the topic.")


class RiskDraft(BaseModel):
    """A risk or harm that someone in the text warns about."""

    model_config = _WIRE
    raised_by: str = Field(
        min_length=2, max_length=80, description="Who warns about the risk, named as in the text."
    )
    quote: str = Field(
        min_length=8,
        max_length=QUOTE_MAX,
        description="Words copied exactly from the text that state the risk.",
    )
    description: str = Field(
        min_length=8, max_length=240, description="The risk in one short sentence."
    )
    category: RiskCategory = Field(description="The kind of risk.")


class EventDraft(BaseModel):
    """Something that happened, or is scheduled, on a date the text gives."""

    model_config = _WIRE
    quote: str = Field(
        min_length=8,
        max_length=QUOTE_MAX,
        description="Words copied exactly from the text, including the date.",
    )
    date: str = Field(
        min_length=4, max_length=40, description="The date exactly as the text writes it."
    )
    description: str = Field(
        min_length=8, max_length=240, description="What happened, in one short sentence."
    )


class ChunkExtraction(BaseModel):
    """Everything the model reports for one chunk of one source."""

    model_config = _WIRE
    positions: list[PositionDraft] = Field(max_length=6)
    risks: list[RiskDraft] = Field(max_length=4)
    events: list[EventDraft] = Field(max_length=3)


SentenceNumber = Annotated[
    int, Field(ge=1, le=999, description="The number of the one sentence that states it.")
]


class CitedPositionDraft(BaseModel):
    """A position that cites the number of its sentence instead of copying words from it.

    No summary: the cited sentence is the position's text, verbatim. A small model's summary
    cost a third of its output and mostly restated the sentence, or said less than it. No kind
    of actor either: code reads it from the name and the source (``kinds.py``). A risk is no
    list of its own: ``risk`` names the kind of harm the sentence warns of, and code makes it
    a risk raised by the actor on that sentence (the small model's own risks repeated its
    positions' actor and sentence almost every time, some twenty tokens each).
    """

    model_config = _WIRE
    actor: str = Field(
        min_length=2, max_length=80, description="Who holds the position, named as in the text."
    )
    sentence: SentenceNumber
    stance: Stance = Field(description="The actor's stance toward the topic.")
    risk: RiskCategory | None = Field(
        default=None, description="The kind of harm the actor warns about in the sentence, if any."
    )


class CitedEventDraft(BaseModel):
    """A dated event: the number of the sentence that gives the date. Code reads the date."""

    model_config = _WIRE
    sentence: SentenceNumber


class CitedExtraction(BaseModel):
    """Everything the model reports for one chunk whose sentences it was shown numbered.

    Citing a number costs a small model two or three generated tokens where copying a quote
    costs twenty or more, and the sentence it names is verbatim by construction.
    """

    model_config = _WIRE
    positions: list[CitedPositionDraft] = Field(max_length=6)
    events: list[CitedEventDraft] = Field(max_length=3)


def cited_extraction_for(dated: Sequence[int]) -> type[CitedExtraction]:
    """``CitedExtraction`` for one chunk, whose events may cite only the ``dated`` sentences.

    Code finds the sentences that give a calendar date; the schema then leaves the model no
    way to draft an event anywhere else (a constrained decoder cannot even write one), so no
    tokens go to undated "events" that grounding would reject. No dated sentence: no events.
    """
    return _cited_extraction_for(tuple(sorted(set(dated))))


@lru_cache(maxsize=256)
def _cited_extraction_for(dated: tuple[int, ...]) -> type[CitedExtraction]:
    if not dated:
        events: Any = (list[CitedEventDraft], Field(max_length=0))
    else:
        one_of: Any = Literal[dated]

        def as_enum(schema: dict[str, Any]) -> None:
            schema.pop("const", None)  # one number: "enum" still, which every server knows
            schema["enum"] = list(dated)

        event: Any = create_model(
            "CitedEventDraft",
            __base__=CitedEventDraft,
            __doc__=CitedEventDraft.__doc__,
            sentence=(
                one_of,
                Field(
                    description="The number of the one sentence that states it.",
                    json_schema_extra=as_enum,
                ),
            ),
        )
        events = (list[event], Field(max_length=3))
    return create_model(
        "CitedExtraction", __base__=CitedExtraction, __doc__=CitedExtraction.__doc__, events=events
    )


class QuoteCorrections(BaseModel):
    """The model's second try at quotes it did not copy exactly, in the order they were named."""

    model_config = _WIRE
    quotes: list[str] = Field(
        max_length=16,
        description="For each quote named, the exact words from the text, or an empty string.",
    )


class StanceAnswer(BaseModel):
    """The answer to the narrow second question about one position's stance."""

    model_config = _WIRE
    stance: Stance = Field(description="The actor's stance toward the topic.")


FactLabel = Annotated[str, Field(min_length=2, max_length=6)]


class BottomLineDraft(BaseModel):
    """One sentence of the bottom line, after the labels of the facts it rests on."""

    model_config = _WIRE
    facts: list[FactLabel] = Field(
        min_length=1, max_length=4, description="Labels of the facts it rests on, e.g. P1, R2."
    )
    sentence: str = Field(
        min_length=10,
        max_length=400,
        description="One plain sentence of at most 30 words.",
        # In the schema only: a constrained decoder then cannot close the sentence before its
        # full stop (the embedded model often left it out). The pattern repeats the length
        # bounds because llguidance, the embedded server's decoder, then ignores maxLength.
        # No straight double quote: the embedded model wrote one unescaped when it quoted a
        # fact ('stated that "no outcome ...'), which ended the JSON string mid-sentence, and
        # llama.cpp then failed the whole answer with HTTP 500. Code still checks every sentence.
        json_schema_extra={"pattern": r'^[^\n"]{9,399}[.!?]$'},
    )


class BottomLineAnswer(BaseModel):
    """The bottom line of a brief, written from the numbered verified facts only."""

    model_config = _WIRE
    sentences: list[BottomLineDraft] = Field(min_length=1, max_length=5)


# --------------------------------------------------------------------------- domain models


class DroppedText(BaseModel):
    """A piece of the raw document that cleaning removed, and why."""

    model_config = _DOMAIN
    text: str
    reason: str


class Source(BaseModel):
    """One document as the pipeline read it. All offsets point into ``text``."""

    model_config = _DOMAIN
    id: str = Field(description="Stable id: a hash of the clean text.")
    path: str | None = Field(default=None, description="File the text came from; '-' for stdin.")
    url: str | None = None
    title: str
    outlet: str | None = None
    author: str | None = Field(
        default=None,
        description=(
            "Who wrote the text, as its file names them (a byline, a respondent); a text "
            "in the first person is read as their words."
        ),
    )
    published: str | None = None
    text: str = Field(description="The clean text the pipeline read.")
    dropped: list[DroppedText] = Field(
        default_factory=list, description="What cleaning removed from the raw document."
    )
    page_starts: list[int] | None = Field(
        default=None,
        description=(
            "Paged sources (PDF): the offset into text where each page after the first "
            "begins; null for a source without pages."
        ),
    )
    ocr_pages: list[int] | None = Field(
        default=None,
        description=(
            "Pages (from 1) whose text was read by OCR from a scan or a picture, so a quote "
            "there is what OCR read; null when none was."
        ),
    )

    @model_validator(mode="after")
    def _pages_in_order(self) -> Source:
        starts = self.page_starts or []
        if any(b < a for a, b in zip(starts, starts[1:])) or any(
            not 0 <= start <= len(self.text) for start in starts
        ):
            raise ValueError("page_starts must be offsets into text, in order")
        return self

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) holding ``offset`` of the text; None for a source without pages."""
        if self.page_starts is None:
            return None
        return bisect.bisect_right(self.page_starts, offset) + 1


class Evidence(BaseModel):
    """A verbatim span of a source. ``quote == source.text[start:end]`` always."""

    model_config = _DOMAIN
    source_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    match: MatchKind
    score: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end <= self.start or self.end - self.start != len(self.quote):
            raise ValueError("evidence span does not match the length of its quote")
        return self


def exact_evidence(source: Source, start: int, end: int) -> Evidence:
    """``source.text[start:end]`` as evidence: a span code found, not a quote aligned."""
    return Evidence(
        source_id=source.id,
        start=start,
        end=end,
        quote=source.text[start:end],
        match="exact",
        score=1.0,
    )


_SUPPORT = "How many distinct sources the evidence comes from (derived from the evidence)."


def count_sources(evidence: list[Evidence]) -> int:
    """How many distinct sources a list of evidence quotes."""
    return len({ev.source_id for ev in evidence})


class Role(BaseModel):
    """Who a person is, as a source says it beside their name ("executive director of Human
    Rights Watch"): ``text == source.text[start:end]``, inside the sentence ``evidence``."""

    model_config = _DOMAIN
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    evidence: Evidence = Field(description="The sentence that gives the role.")

    @model_validator(mode="after")
    def _inside(self) -> Role:
        at = self.start - self.evidence.start
        if (
            not self.evidence.start <= self.start < self.end <= self.evidence.end
            or self.evidence.quote[at : at + len(self.text)] != self.text
            or self.end - self.start != len(self.text)
        ):
            raise ValueError("a role must be the text of its evidence at its offsets")
        return self


class Actor(BaseModel):
    model_config = _DOMAIN
    id: str
    name: str
    kind: ActorKind | None = Field(default=None, description="None when no position names it.")
    aliases: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(
        default_factory=list, description="The quotes attributed to the actor."
    )
    mentions: int = Field(
        default=0,
        ge=0,
        description="How often the sources name the actor, by any of its names, as code reads "
        "the capitalized names of the text; 0 where none is read so (a lower-case name such "
        "as 'human rights groups') or each could be another actor's.",
    )
    named_in: list[Evidence] = Field(
        default_factory=list,
        description="For an actor the sources name often but attribute no verified position or "
        'risk to ("also named"): the first sentence naming it in each source.',
    )
    role: Role | None = Field(
        default=None,
        description="For a person, who they are as a source says it beside their name, read "
        "by code (the first role naming a body, else the first); None when no source says.",
    )


class Position(BaseModel):
    model_config = _DOMAIN
    id: str
    actor_id: str
    stance: Stance = Field(
        description="The first narrow question's answer; the extraction's label when the "
        "stance check is off or the question went unanswered."
    )
    stance_check: StanceCheck = Field(
        default="unchecked",
        description="'agreed' when the second narrow question, its labels named in another "
        "order, gave the same stance; 'disputed' when it did not (the brief then shows both "
        "labels, not a guess).",
    )
    second_stance: Stance | None = Field(
        default=None, description="The second question's answer, when it was asked."
    )
    summary: str
    evidence: list[Evidence] = Field(min_length=1)
    support: int = Field(default=0, description=_SUPPORT)

    @model_validator(mode="after")
    def _count_support(self) -> Position:
        self.support = count_sources(self.evidence)
        return self


class Risk(BaseModel):
    model_config = _DOMAIN
    id: str
    description: str
    category: RiskCategory
    raised_by: list[str] = Field(description="Ids of the actors who raise the risk.")
    evidence: list[Evidence] = Field(min_length=1)
    support: int = Field(default=0, description=_SUPPORT)

    @model_validator(mode="after")
    def _count_support(self) -> Risk:
        self.support = count_sources(self.evidence)
        return self


class Event(BaseModel):
    model_config = _DOMAIN
    id: str
    date: str = Field(
        description="The date as the text writes it; for an event the text dates only by a "
        "weekday, the weekday and the day it is: 'Wednesday (28 September 2016)'; for a day "
        "and month without a year, the day it is: 'Jan. 25 (25 January 2019)'."
    )
    description: str
    evidence: list[Evidence] = Field(min_length=1)
    reckoned_from: str | None = Field(
        default=None,
        description="The source's publication date that a weekday's day, or a date's year, "
        "was counted from; None when the text gives the date.",
    )
    support: int = Field(default=0, description=_SUPPORT)

    @model_validator(mode="after")
    def _count_support(self) -> Event:
        self.support = count_sources(self.evidence)
        return self


class ConflictSide(BaseModel):
    """One account in a disagreement: a stance or a figure, and the spans that state it."""

    model_config = _DOMAIN
    value: str = Field(
        description="The stance, or the figure as the source writes it ('about 110 countries')."
    )
    evidence: list[Evidence] = Field(
        min_length=1, description="Spans stating this value; each is evidence of a fact too."
    )
    fact_ids: list[str] = Field(description="Ids of the positions, risks or events quoted.")
    support: int = Field(default=0, description=_SUPPORT)

    @model_validator(mode="after")
    def _count_support(self) -> ConflictSide:
        self.support = count_sources(self.evidence)
        return self


class Conflict(BaseModel):
    """Sources that disagree: one actor reported as both supporting and opposing, or
    different figures for the same count."""

    model_config = _DOMAIN
    id: str
    kind: ConflictKind
    subject: str = Field(description="The actor's name, or the noun the figures count.")
    actor_id: str | None = Field(default=None, description="The actor, for a stance conflict.")
    sides: list[ConflictSide] = Field(min_length=2)


class BottomLineSentence(BaseModel):
    """A bottom-line sentence the model wrote, kept because the facts it cites support it."""

    model_config = _DOMAIN
    text: str
    fact_ids: list[str] = Field(
        min_length=1, description="Ids of the positions, risks and events the sentence rests on."
    )


class Rejected(BaseModel):
    """A draft that failed verification: it never reaches the body of a brief."""

    model_config = _DOMAIN
    kind: FactKind
    source_id: str | None = Field(
        description="The source the draft was read from; null for a bottom-line sentence, "
        "which rests on facts rather than on one source."
    )
    draft: dict[str, str]
    reason: str


class Usage(BaseModel):
    """Model traffic, summed over every attempt, re-asks and retries included.

    ``calls`` and the token counts are requests the endpoint answered in this run; ``cached``
    counts answers taken from the response cache instead.
    """

    model_config = _DOMAIN
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    retries: int = 0
    cached: int = 0

    def add(self, other: Usage) -> None:
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.reasks += other.reasks
        self.retries += other.retries
        self.cached += other.cached


class RunInfo(BaseModel):
    model_config = _DOMAIN
    briefing_version: str
    model: str
    endpoint: str = Field(description="'embedded' or the base URL; never a key.")
    prompt_version: str
    chunks: int
    skipped_chunks: list[str] = Field(
        default_factory=list,
        description="Chunks the model could not answer validly, with the reason; their facts "
        "are missing from the brief.",
    )
    usage: Usage
    bottom_line: str = Field(
        default="code",
        description="Who wrote the brief's bottom line: 'model' when sentences the model wrote "
        "from the verified facts passed verification, else 'code: ' and why the code-written "
        "summary is shown instead.",
    )

    @model_validator(mode="before")
    @classmethod
    def _ignore_wall_time(cls, data: Any) -> Any:
        """Earlier fact sheets recorded the wall time as ``seconds``, which made equal runs
        differ; it is dropped on reading so that they still load."""
        if isinstance(data, dict) and "seconds" in data:
            return {key: value for key, value in data.items() if key != "seconds"}
        return data


class FactSheet(BaseModel):
    """The grounded facts of one brief: what ``--json`` writes and templates render."""

    model_config = _DOMAIN
    schema_version: str = SCHEMA_VERSION
    topic: str
    sources: list[Source]
    actors: list[Actor] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(
        default_factory=list, description="Where sources disagree (see consolidate.py)."
    )
    bottom_line: list[BottomLineSentence] = Field(
        default_factory=list,
        description="The model's bottom-line sentences that passed verification; empty when "
        "the brief shows the code-written summary (run.bottom_line says why).",
    )
    rejected: list[Rejected] = Field(default_factory=list)
    run: RunInfo

    @model_validator(mode="after")
    def _evidence_is_verbatim(self) -> FactSheet:
        texts = {source.id: source.text for source in self.sources}
        actor_ids = {actor.id for actor in self.actors}
        facts: list[Actor | Position | Risk | Event] = [
            *self.actors,
            *self.positions,
            *self.risks,
            *self.events,
        ]
        for fact in facts:
            named_in = fact.named_in if isinstance(fact, Actor) else []
            for ev in [*fact.evidence, *named_in]:
                text = texts.get(ev.source_id)
                if text is None:
                    raise ValueError(f"{fact.id}: evidence cites unknown source {ev.source_id}")
                if text[ev.start : ev.end] != ev.quote:
                    raise ValueError(f"{fact.id}: evidence quote is not the source's text")
        for position in self.positions:
            if position.actor_id not in actor_ids:
                raise ValueError(f"{position.id}: unknown actor {position.actor_id}")
        for risk in self.risks:
            for actor_id in risk.raised_by:
                if actor_id not in actor_ids:
                    raise ValueError(f"{risk.id}: unknown actor {actor_id}")
        self._conflicts_cite_facts(actor_ids)
        fact_ids = {fact.id for fact in facts}
        for sentence in self.bottom_line:
            for fact_id in sentence.fact_ids:
                if fact_id not in fact_ids:
                    raise ValueError(f"bottom line cites unknown fact {fact_id}")
        return self

    def _conflicts_cite_facts(self, actor_ids: set[str]) -> None:
        """A conflict quotes only spans that facts of the sheet cite, so each has a note."""
        facts: list[Position | Risk | Event] = [*self.positions, *self.risks, *self.events]
        cited = {
            (ev.source_id, ev.start, ev.end): ev.quote for fact in facts for ev in fact.evidence
        }
        for conflict in self.conflicts:
            if conflict.actor_id is not None and conflict.actor_id not in actor_ids:
                raise ValueError(f"{conflict.id}: unknown actor {conflict.actor_id}")
            for side in conflict.sides:
                for ev in side.evidence:
                    if cited.get((ev.source_id, ev.start, ev.end)) != ev.quote:
                        raise ValueError(f"{conflict.id}: quotes a span no fact cites")

    def actor(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


def parse_fact_sheet(text: str, shown: str) -> FactSheet:
    """A fact sheet from its JSON (what ``--json`` writes); ``ConfigError`` naming ``shown``
    and the first problem when it is not one."""
    try:
        return FactSheet.model_validate_json(text)
    except ValueError as exc:
        lines = str(exc).splitlines()
        problem = lines[1] if len(lines) > 1 else lines[0]
        raise ConfigError(f"{shown} is not a valid fact sheet ({problem})") from None
