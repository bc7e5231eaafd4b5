"""Check every drafted fact against its source, in code, before anything may reach a brief.

A draft survives only when

1. its quote aligns to the source text (``align_quote``: exact, normalized or gated fuzzy), and
   the evidence stored is the *source's* characters at those offsets, never the model's words;
2. for positions and risks, the actor it is attributed to is named in the quoted sentence or in
   the sentence just before it (``names``), as the one whose words they are, not as the one
   spoken to, reported by or named in another's words (``attribution``: a small model readily
   pins one actor's words on another), and the sentence can carry the fact: a position's
   shows a view, a risk's names a harm that someone warns of (``cues``);
3. numbers and dates it states occur in its evidence, and names it states occur in its source
   or in the topic the user gave (``claims.unsupported_claims``).

Everything else becomes a ``Rejected`` record with its reason; it is shown for review, never as
a fact. Offsets a model reports are never trusted: the model reports none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from .alignment import Alignment, align_quote
from .attribution import (
    A_CROSS_REFERENCE,
    actors_joined,
    attribution_problem,
    name_for_epithet,
    name_for_relation,
    name_for_role,
    sentence_speakers,
    subject_body,
    turn_person,
)
from .categories import risk_category
from .chunking import Chunk
from .claims import unsupported_claims
from .dates import (
    is_a_year_alone,
    is_calendar_date,
    published_day,
    reckon_weekday,
    reckon_year,
)
from .kinds import actor_kind
from .models import (
    ActorKind,
    ChunkExtraction,
    EventDraft,
    Evidence,
    FactKind,
    PositionDraft,
    Rejected,
    RiskCategory,
    RiskDraft,
    Source,
    Stance,
)
from .names import actor_name, names_actor
from .source_index import SourceIndex

__all__ = [
    "Alignment",
    "GroundedChunk",
    "GroundedEvent",
    "GroundedPosition",
    "GroundedRisk",
    "SourceIndex",
    "align_quote",
    "ground_chunk",
]


@dataclass(frozen=True)
class GroundedPosition:
    actor: str
    actor_kind: ActorKind | None
    stance: Stance
    summary: str
    evidence: Evidence
    # Not drafted for this actor: given by code to a speaker its sentence names (``ground_chunk``).
    to_named_speaker: bool = False


@dataclass(frozen=True)
class GroundedRisk:
    raised_by: str
    category: RiskCategory
    description: str
    evidence: Evidence
    to_named_speaker: bool = False


@dataclass(frozen=True)
class GroundedEvent:
    date: str
    description: str
    evidence: Evidence
    reckoned_from: str | None = None  # the publication date a weekday was counted from


@dataclass
class GroundedChunk:
    positions: list[GroundedPosition] = field(default_factory=list)
    risks: list[GroundedRisk] = field(default_factory=list)
    events: list[GroundedEvent] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _unsupported(claim: str, evidence: Evidence, index: SourceIndex) -> list[str]:
    """Numbers and dates the evidence lacks, and names the whole source (and topic) lacks."""
    return unsupported_claims(claim, evidence.quote, index.names_text)


def _reject(source: Source, kind: FactKind, draft: dict[str, str], reason: str) -> Rejected:
    return Rejected(kind=kind, source_id=source.id, draft=draft, reason=reason)


@dataclass(frozen=True)
class _Attributed:
    """A checked attributed fact: its evidence and the actor whose words it reports."""

    evidence: Evidence
    who: str
    who_kind: ActorKind | None


def _check_attributed(
    index: SourceIndex,
    chunk: Chunk,
    kind: FactKind,
    record: dict[str, str],
    quote: str,
    who: str,
    who_kind: ActorKind | None,
    claim: str,
    claim_name: str,
) -> _Attributed | Rejected:
    """The shared checks of an attributed fact: quote found, actor named, claim supported.

    When the drafted actor fails and the sentence opens with another body by "the" and its
    head noun ("The coalition urges ..."), the fact is that body's: the model named the wrong
    speaker of a sentence whose speaker the text itself names; so is a transcript's turn or a
    speech its labelled speaker's.
    """
    evidence = index.evidence(quote, near=chunk.start)
    if evidence is None:
        return _reject(index.source, kind, record, "quote not found in the source")
    drafted, who = who, name_for_relation(index, evidence, who) or who
    problem = attribution_problem(index, evidence, kind, who, who_kind)
    if (
        problem
        and who != drafted
        and not attribution_problem(index, evidence, kind, drafted, who_kind)
    ):
        # The tie speaks here ("Her opposition also puts her at odds with her father ... the
        # former vice president said") and the source names the relative before it.
        problem = None
    named = name_for_role(index, evidence, who) or name_for_epithet(index, evidence, who)
    if problem and named and not attribution_problem(index, evidence, kind, named, "person"):
        # A role the sentence gives its holder's name with speaks by that name: "the
        # group's chief executive, Barry Rand, issued a statement" for "AARP chief executive".
        problem, who, who_kind = None, named, "person"
    if problem:
        speaker = subject_body(index, evidence, who)
        # The body keeps the draft's kind (none for a risk's raiser), but is no person.
        speaker_kind: ActorKind | None = "organisation" if who_kind == "person" else who_kind
        if not speaker or attribution_problem(index, evidence, kind, speaker, speaker_kind):
            # A transcript's turn or a speech names its speaker by a label or a heading: a
            # fact the model gave another ("The Wall Project" for the president's words) is
            # the speaker's, if it holds as theirs.
            speaker, speaker_kind = turn_person(index, evidence), "person"
            if not speaker or attribution_problem(index, evidence, kind, speaker, speaker_kind):
                return _reject(index.source, kind, record, problem)
        who, who_kind = speaker, speaker_kind
    elif named:
        # The role was checked as the one speaking; the fact is the person who holds it.
        who, who_kind = named, "person"
    # The actor's own name was just checked against the text, surname and acronym included.
    # Whole words only: "UN" must not leave "ited" behind in "United".
    claim = re.sub(rf"(?<!\w){re.escape(who)}(?!\w)", "", claim, flags=re.IGNORECASE)
    missing = _unsupported(claim, evidence, index)
    if missing:
        return _reject(
            index.source,
            kind,
            record,
            f"{claim_name} states {', '.join(missing)}, not supported by the source",
        )
    return _Attributed(evidence, index.as_written(who, who_kind), who_kind)


def _ground_position(
    index: SourceIndex, chunk: Chunk, draft: PositionDraft
) -> GroundedPosition | Rejected:
    actor = actor_name(draft.actor)
    checked = _check_attributed(
        index,
        chunk,
        "position",
        draft.model_dump(exclude_none=True),
        draft.quote,
        actor,
        draft.actor_kind,
        draft.summary,
        "summary",
    )
    if isinstance(checked, Rejected):
        return checked
    return GroundedPosition(
        checked.who,
        checked.who_kind or draft.actor_kind,
        draft.stance,
        draft.summary,
        checked.evidence,
    )


def _person_or_none(index: SourceIndex, name: str) -> ActorKind | None:
    """ "person" when the source names ``name`` as a person, else None (no kind): a raiser
    and a speaker the sentence names have none drafted. "Cohen said" beside "Adriana Cohen"
    is then her surname."""
    return "person" if actor_kind(name, index.source.text) == "person" else None


def _ground_risk(index: SourceIndex, chunk: Chunk, draft: RiskDraft) -> GroundedRisk | Rejected:
    raised_by = actor_name(draft.raised_by)
    # A raiser is drafted with no kind; one the source names as a person is read as one, so
    # that "Herrod added ..." names "Cathi Herrod" by surname, as it would her position.
    kind = _person_or_none(index, raised_by)
    checked = _check_attributed(
        index,
        chunk,
        "risk",
        draft.model_dump(),
        draft.quote,
        raised_by,
        kind,
        draft.description,
        "description",
    )
    if isinstance(checked, Rejected):
        return checked
    category = risk_category(index.sentence_text(checked.evidence), draft.category)
    return GroundedRisk(checked.who, category, draft.description, checked.evidence)


def _other_speakers(
    index: SourceIndex, evidence: Evidence, kind: FactKind, drafted: str, speakers: list[str]
) -> list[str]:
    """The ``speakers`` the evidence's sentence names (``sentence_speakers``), other than the
    drafted actor, that hold the fact as its actor, as the source writes them; an epithet
    ("The Arizona Republican said ...") is the one it stands for."""
    named = [name_for_epithet(index, evidence, name) or name for name in speakers]
    return [
        index.as_written(name, None)
        for name in named
        if not names_actor(drafted, None, name)
        and not attribution_problem(index, evidence, kind, name, None)
    ]


def _named_speakers(
    index: SourceIndex, chunk: Chunk, kind: FactKind, quote: str, drafted: str, claim: str
) -> list[tuple[str, Evidence]]:
    """The speakers a rejected draft's sentence names that hold it instead ('"...," Speaker
    Ana Park and Senator Ivo Brandt said' drafted for "Democrats"), each with the evidence;
    none where the quote is not found or ``claim``, less their names, says what the source
    does not."""
    evidence = index.evidence(quote, near=chunk.start)
    if evidence is None:
        return []
    held = _other_speakers(index, evidence, kind, drafted, sentence_speakers(index, evidence))
    for name in held:
        claim = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "", claim, flags=re.IGNORECASE)
    if not held or _unsupported(claim, evidence, index):
        return []
    return [(name, evidence) for name in held]


def _co_speakers(index: SourceIndex, kind: FactKind, actor: str, evidence: Evidence) -> list[str]:
    """Who else a kept fact's sentence names as speaking with its actor ('"...," Speaker Ana
    Park and Senator Ivo Brandt said' drafted for Park alone): the words are theirs too."""
    speakers = sentence_speakers(index, evidence)
    if not any(names_actor(actor, None, name) for name in speakers):
        return []
    return _other_speakers(index, evidence, kind, actor, speakers)


# A sentence that tells what would happen on a condition: "If he won, he would presumably run
# in 2014 for a full six-year term", also after a source: "According to a study by the
# Migration Policy Institute, ..., if citizenship were denied to every child ..., the
# unauthorized population ... would reach 24 million by 2050".
_A_CONDITION = re.compile(
    r"\s*[\"“]?(?:If|Unless|(?:But|And|Yet|Still|Even)\s+(?:if|unless)"
    r"|According\s+to\s[^.;]{1,120}?,\s+(?:if|unless))\s[^.;]*?"
    r"\b(?:would|could|might|will)\b"
)


# A forecast: "Obama said economists predict higher job growth in 2011 and 2012 if Congress
# passes the agreement", in a story of December 2010, is no event of 2011; nor are a
# projection, an estimate, a warning or a hope of a later year ("The most recent projections ...
# indicate that ... the program's trust funds will be exhausted by 2036").
_A_FORECAST = re.compile(
    r"\b(?:predict(?:s|ed|ing|ions?)?|forecast(?:s|ed|ing)?|project(?:s|ed|ing|ions?)"
    r"|estimat(?:e|es|ed|ing)|warn(?:s|ed|ing)?"
    # or a hope: "The big blue wave that Schumer hopes will make him Senate majority leader in
    # 2019 will not build itself."
    r"|hop(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_YEAR_OR_DECADE = re.compile(r"\b(1[89]\d\d|2\d\d\d)(?=s?\b)")  # "1990s" as well


def _forecasts(sentence: str, date: str, published: str | None) -> bool:
    """Whether a sentence forecasts what its date gives, a year after the story's."""
    day = published_day(published)
    return (
        day is not None
        and _A_FORECAST.search(sentence) is not None
        and any(int(year) > day.year for year in _YEAR.findall(date))
    )


# A race and the year it is run for: "announced he's running for president in 2016", "to
# throw his hat in the ring for 2016", "joins an already crowded 2016 Republican field", in
# a story of 2015.
_A_RACE_FOR = re.compile(
    r"\b(?:run|runs|running|ran|bid|bids|candidacy|race|ring|campaign|nomination)\b[^.;]{0,40}?"
    r"\b(?:in|for)\s+(?:the\s+)?(1[89]\d\d|2\d\d\d)\b"
    r"|\b(1[89]\d\d|2\d\d\d)\s+(?:(?-i:[A-Z])[\w-]*\s+|presidential\s+)*"
    r"(?:field|race|nomination|campaign|primary|primaries|contest|cycle|bid|run)\b",
    re.IGNORECASE,
)


def _a_races_year(sentence: str, date: str, published: str | None) -> bool:
    """Whether the year ``date`` gives alone is one the sentence gives only as what a race
    is run for, a year after the story's: the race's, not when anything happened."""
    day = published_day(published)
    if day is None or not date.strip().isdigit():
        return False
    year = int(date)
    raced = {int(found.group(1) or found.group(2)) for found in _A_RACE_FOR.finditer(sentence)}
    years = [int(found) for found in _YEAR.findall(sentence)]
    return year > day.year and year in raced and years.count(year) == 1


# An aside on a speaker, between the name and the verb of saying: "Mr. Labrador, a former
# immigration lawyer elected in the Tea Party wave of 2010, said in a statement", "Norm
# Stamper, the former Seattle police chief who was in charge during the protests that rocked
# that city in 1999, said". A year only there is the speaker's past, not when they spoke.
_SPEAKERS_ASIDE = re.compile(
    r",\s+(?:a|an|the|who|whose|then|now|once)\b[^,;:“”\"]*,\s*"
    r"(?:said|says|told|added|wrote|argued|noted|explained)\b"
)


# What an inquiry is into, by its year: "a House committee investigating the 2012 attacks in
# Libya", "which was initially ordered to look into the 2016 election".
_INVESTIGATED = re.compile(
    r"\b(?:investigat\w*|probe|probing|inquiry|look(?:s|ed|ing)?)\s+(?:into\s+)?"
    r"(?:the|its|his|her|their)\s+(?:[a-z]+\s+)?(?:1[89]\d\d|2\d\d\d)\b",
    re.IGNORECASE,
)


# How far back something goes: "improper expenses dating back to 2015", "a lengthy criminal
# history in Florida dating back to 1991". The year starts a span, not the sentence's event.
_DATING_BACK = re.compile(
    r"\b(?:dating|dates|dated|date|going|goes|stretching|stretches|reaching)\s+back\s+"
    r"(?:(?:as\s+far\s+as|to|more\s+than)\s+)*(?:(?:late|early|mid|the)\s+)?"
    r"(?:1[89]\d\d|2\d\d\d)\b",
    re.IGNORECASE,
)


# A year as a sentence writes it, or a decade ("the 1990s").
_A_YEAR_WRITTEN = r"(?:1[89]\d\d|2\d\d\d)s?\b"


# An earlier occasion a sentence likens its event to: "would help him politically — as it
# did President Bill Clinton in the 1990s —", "Mr. Cantor's loss recalled the defeat of
# former Speaker Thomas S. Foley, ..., in the 1994 general elections".
_A_LIKE_OCCASION = re.compile(
    r"(?:\b(?:as|like)\s+(?:it|he|she|they|we|(?-i:[A-Z])[\w'’-]*)\s+"
    r"(?:did|had|was|were|has|have)\b[^.;:—–()]{0,80}?"
    r"|\b(?:recalled|recalls|echoed|echoes|evoked|evokes)\s+the\s+[^;:()]{0,160}?)"
    rf"\b{_A_YEAR_WRITTEN}(?:,?\s+(?:and|or)\s+(?:in\s+)?{_A_YEAR_WRITTEN})?",
    re.IGNORECASE,
)


# What came before, in an opening phrase: "After the bruising debt-ceiling fight from 2011,
# Obama recently warned that he will not "play that game" again."
_AFTER_AN_EARLIER = re.compile(
    r"^\W*(?:after|following)\s+(?:the|a|an|his|her|their|its|last)\s+[^,;:]{0,80}?"
    rf"\b{_A_YEAR_WRITTEN}[^,;:]{{0,30}},",
    re.IGNORECASE,
)


# A year wished for: "even saying at press conference he wished it was 1825 so he could
# shoot Gattine in a duel".
_A_YEAR_WISHED = re.compile(
    r"\bwish(?:es|ed|ing)?\s+(?:(?:it|that\s+it)\s+(?:was|were)|for)\s+(?:the\s+)?"
    + _A_YEAR_WRITTEN,
    re.IGNORECASE,
)


# Where a sentence gives a year of something other than its event, and why that year is no
# date of the event.
_YEARS_OF_SOMETHING_ELSE = (
    (_SPEAKERS_ASIDE, "the date is told of the speaker in an aside, not of what they said"),
    (_A_LIKE_OCCASION, "the year is of an earlier occasion the sentence likens this to"),
    (_AFTER_AN_EARLIER, "the year is of what came before this, not when it happened"),
    (_A_YEAR_WISHED, "the year is one wished for, not when anything happened"),
    (_INVESTIGATED, "the year is of what is investigated, not of this"),
    (_DATING_BACK, "the year is how far back something goes, not when this happened"),
)


def _year_only_inside(sentence: str, date: str, pattern: re.Pattern[str]) -> bool:
    """Whether every year ``date`` gives is in the sentence, and only inside what
    ``pattern`` finds there."""
    years = _YEAR_OR_DECADE.findall(date)
    spans = [found.span() for found in pattern.finditer(sentence)]
    if not years or not spans:
        return False
    starts = [
        found.start() for year in years for found in re.finditer(rf"\b{year}(?=s?\b)", sentence)
    ]
    return bool(starts) and all(any(a <= at < b for a, b in spans) for at in starts)


# A newspaper's note on where the article ran: "A version of this article appears in print on
# October 12, 2012, on page A16 of the New York edition ...", and the signature line of a
# post the article embeds.
_THE_ARTICLE_ITSELF = re.compile(
    r"\bthis\s+(?:article|story)\s+(?:appears|appeared|was\s+published|ran)\b"
    # or the signature of a post it embeds: "-- Led By Donkeys (@ByDonkeys) February 23, 2023"
    r"|^\W*(?:--|[—–])\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\S[^\n]{0,30}$",
    re.IGNORECASE,
)


def _ground_event(index: SourceIndex, chunk: Chunk, draft: EventDraft) -> GroundedEvent | Rejected:
    record = draft.model_dump()
    evidence = index.evidence(draft.quote, near=chunk.start)
    if evidence is None:
        return _reject(index.source, "event", record, "quote not found in the source")
    sentence = index.sentence_text(evidence)
    if _A_CONDITION.match(sentence):
        return _reject(
            index.source, "event", record, "the quoted sentence tells what would happen, if"
        )
    if _forecasts(sentence, draft.date, index.source.published):
        return _reject(index.source, "event", record, "the quoted sentence forecasts a later year")
    for pattern, reason in _YEARS_OF_SOMETHING_ELSE:
        if _year_only_inside(sentence, draft.date, pattern):
            return _reject(index.source, "event", record, reason)
    if _THE_ARTICLE_ITSELF.search(sentence):
        return _reject(
            index.source, "event", record, "the quoted sentence is about the article itself"
        )
    if A_CROSS_REFERENCE.match(sentence):
        return _reject(
            index.source, "event", record, "the quoted sentence points to another article"
        )
    date, reckoned_from = draft.date, None
    published = index.source.published
    if not is_calendar_date(date):
        # "Congress on Wednesday rejected the veto": the day counted from the story's date;
        # not inside a quotation opened before ('"He's been to Pennsylvania. Tomorrow he is
        # going to Detroit. ..."'), whose day is counted from when its speaker spoke.
        quoted = index.quotation_attribution(evidence) is not None
        date = (
            ""
            if quoted
            else reckon_weekday(
                index.sentence_text(evidence), published, next_day_reported=index.next_day_reported
            )
            or ""
        )
        if not date:
            return _reject(index.source, "event", record, "the date is not a calendar date")
        reckoned_from = published
    elif with_year := reckon_year(date, index.sentence_text(evidence), published):
        # "on Jan. 25": the year counted from the story's date, so the timeline can order it.
        date, reckoned_from = with_year, published
    elif is_a_year_alone(date) and index.quotation_attribution(evidence) is None:
        # "The acrimony on display Thursday as the committee tried to resume its work on
        # Russia's intervention in the 2016 presidential election ...": a year alone is a
        # past the sentence speaks of; the weekday it gives is when it happened.
        if on_the_day := reckon_weekday(
            index.sentence_text(evidence), published, next_day_reported=index.next_day_reported
        ):
            date, reckoned_from = on_the_day, published
    if _a_races_year(sentence, date, published):
        return _reject(
            index.source, "event", record, "the year is the race's, not when it happened"
        )
    claim = f"{draft.date}: {draft.description}"
    if _unsupported(claim, evidence, index):
        # A quote often stops short of the date its sentence gives: cite the whole sentence.
        evidence = index.sentence_evidence(evidence)
    missing = _unsupported(claim, evidence, index)
    if missing:
        return _reject(
            index.source,
            "event",
            record,
            f"states {', '.join(missing)}, not supported by the source",
        )
    return GroundedEvent(date, draft.description, evidence, reckoned_from)


def _positions_from(
    index: SourceIndex, chunk: Chunk, draft: PositionDraft
) -> tuple[list[GroundedPosition], Rejected | None]:
    """A position draft's grounded positions, and its rejection if it was rejected: a draft
    rejected for its actor is given to the speakers its sentence names, if they hold it, and
    a kept one also to those named speaking with its actor. Such a position shows its
    sentence as its summary (the model's was written of another actor) and is a person's
    where the source names a person; else it has no kind, and consolidation takes it from
    the actor's other drafts."""
    result = _ground_position(index, chunk, draft)
    if isinstance(result, Rejected):
        given = _named_speakers(index, chunk, "position", draft.quote, draft.actor, draft.summary)
        stance, rejected, kept = draft.stance, result, []
    else:
        given = [
            (name, result.evidence)
            for name in _co_speakers(index, "position", result.actor, result.evidence)
        ]
        stance, rejected, kept = result.stance, None, [result]
    positions = [
        *kept,
        *(
            GroundedPosition(
                name,
                _person_or_none(index, name),
                stance,
                index.sentence_text(evidence),
                evidence,
                True,
            )
            for name, evidence in given
        ),
    ]
    return [_in_its_quotation(index, position) for position in positions], rejected


_MARKS = "\"“”‘’' "


def _in_its_quotation(index: SourceIndex, position: GroundedPosition) -> GroundedPosition:
    """The position with its evidence widened from a sentence to the quotation the sentence
    is part of (``SourceIndex.quotation_evidence``), checked as it was: the stance questions
    and the editor then read the whole quotation ('"We said this is exactly what is going to
    happen. You have a bill here that's so toxic it's going to divide this Legislature. ..."'),
    not a sentence that takes no side alone. A summary that is the sentence word for word
    (as with sentence numbers) becomes the quotation too. A quote tighter than its sentence
    (its marks aside) stays as it is."""
    sentence = index.sentence_evidence(position.evidence)
    widened = _quotation_of(index, position.evidence, sentence)
    if widened is None:
        return position
    summary = position.summary
    if summary.strip(_MARKS) == sentence.quote.strip(_MARKS):
        summary = widened.quote
    return replace(position, summary=summary, evidence=widened)


def _risk_in_its_quotation(index: SourceIndex, risk: GroundedRisk) -> GroundedRisk:
    """The risk widened to its sentence's quotation as a position is, but only where its
    description is the sentence word for word: then it reads whole ('"This deal was morally
    reprehensible ... He failed in that today," said ...', not its last sentence), and two
    risks of one quotation become one. A description of the model's own stays with its
    sentence, so that two risks it told apart in one quotation stay two."""
    sentence = index.sentence_evidence(risk.evidence)
    if risk.description.strip(_MARKS) != sentence.quote.strip(_MARKS):
        return risk
    widened = _quotation_of(index, risk.evidence, sentence)
    if widened is None:
        return risk
    # Its category is read again from the whole quotation: '"I'm worried about undermining
    # our civil liberties, the constant wars going on, the debt of $16 trillion. And they are
    # worried about birth control pills?"' was read from its last sentence alone.
    category = risk_category(widened.quote, risk.category)
    return replace(risk, category=category, description=widened.quote, evidence=widened)


def _quotation_of(index: SourceIndex, evidence: Evidence, sentence: Evidence) -> Evidence | None:
    """The quotation a whole sentence's evidence is part of (its marks aside), or None where
    the evidence is tighter than its ``sentence`` or the sentence is all the quotation there
    is."""
    if evidence.quote.strip(_MARKS) != sentence.quote.strip(_MARKS):
        return None
    widened = index.quotation_evidence(evidence)
    return None if (widened.start, widened.end) == (sentence.start, sentence.end) else widened


def _risks_from(
    index: SourceIndex, chunk: Chunk, draft: RiskDraft
) -> tuple[list[GroundedRisk], Rejected | None]:
    """A risk draft's grounded risks, and its rejection: given to named speakers as
    ``_positions_from`` gives a position, with the drafted description."""
    result = _ground_risk(index, chunk, draft)
    if isinstance(result, Rejected):
        given = _named_speakers(
            index, chunk, "risk", draft.quote, draft.raised_by, draft.description
        )
        rejected, kept = result, []
    else:
        given = [
            (name, result.evidence)
            for name in _co_speakers(index, "risk", result.raised_by, result.evidence)
        ]
        rejected, kept = None, [result]
    risks = [
        *kept,
        *(
            GroundedRisk(
                name,
                risk_category(index.sentence_text(evidence), draft.category),
                draft.description,
                evidence,
                True,
            )
            for name, evidence in given
        ),
    ]
    return [_risk_in_its_quotation(index, risk) for risk in risks], rejected


_Draft = TypeVar("_Draft", PositionDraft, RiskDraft)
_Facts = TypeVar("_Facts", GroundedPosition, GroundedRisk)


def _for_each_actor(
    index: SourceIndex,
    chunk: Chunk,
    draft: _Draft,
    name: str,
    as_actor: Callable[[_Draft, str, ActorKind], _Draft],
    ground: Callable[[SourceIndex, Chunk, _Draft], tuple[list[_Facts], Rejected | None]],
) -> list[tuple[list[_Facts], Rejected | None]]:
    """A draft grounded for each actor its actor joins by "and" ("Udall and Wyden", from
    "Mr. Udall and Mr. Wyden released a joint statement"; "Nebraska and Oklahoma"), where any
    of them holds it; else as drafted: two people named together are "they" ('"...," they
    said')."""
    each = [
        ground(index, chunk, as_actor(draft, actor, kind))
        for actor, kind in actors_joined(index, name)
    ]
    return each if any(facts for facts, _ in each) else [ground(index, chunk, draft)]


def _position_of(draft: PositionDraft, actor: str, kind: ActorKind) -> PositionDraft:
    return draft.model_copy(update={"actor": actor, "actor_kind": kind})


def _risk_of(draft: RiskDraft, actor: str, kind: ActorKind) -> RiskDraft:
    return draft.model_copy(update={"raised_by": actor})  # (a raiser is drafted with no kind)


def ground_chunk(index: SourceIndex, chunk: Chunk, extraction: ChunkExtraction) -> GroundedChunk:
    """Ground one chunk's drafts against the whole text of their source."""
    grounded = GroundedChunk()
    for position in extraction.positions:
        for positions, rejected in _for_each_actor(
            index, chunk, position, position.actor, _position_of, _positions_from
        ):
            grounded.positions.extend(positions)
            grounded.rejected.extend([rejected] if rejected else [])
    for risk in extraction.risks:
        for risks, rejected in _for_each_actor(
            index, chunk, risk, risk.raised_by, _risk_of, _risks_from
        ):
            grounded.risks.extend(risks)
            grounded.rejected.extend([rejected] if rejected else [])
    for event in extraction.events:
        event_result = _ground_event(index, chunk, event)
        if isinstance(event_result, Rejected):
            grounded.rejected.append(event_result)
        else:
            grounded.events.append(event_result)
    return grounded
