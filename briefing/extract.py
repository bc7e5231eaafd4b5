"""Ask the model for the facts of one chunk, as validated drafts.

The prompt is a short instruction, one worked example on an unrelated topic (it took a small
model's quotes from paraphrase to verbatim), then the chunk as data. Each draft names its
evidence in one of two ways (``Citation``):

* ``sentences``: the chunk is shown as numbered sentences and each draft cites a number. A
  number costs two or three generated tokens where a copied quote costs twenty or more, which
  on a small local model is most of the run's time; the cited sentence becomes the draft's
  quote here, in code, so it is verbatim by construction. The sentence is also the fact's
  text (no summary to write) and an event's date is read from it, so the model writes only
  who, the number and the label; a position may add the kind of harm its sentence warns of,
  which becomes a risk raised by the same actor on the same sentence. A number the chunk does
  not have makes the draft a ``Rejected`` record.
* ``quotes``: each draft copies a short quote. When some quotes cannot be found in the chunk,
  the model is asked once more for just those quotes, by number; a corrected quote replaces the
  old one, and whatever is still not found is left for grounding to reject. Asking for the
  quotes alone, not the whole answer again, keeps the second turn to a few dozen generated
  tokens. Strong remote models copy well, and a quote is a tighter span than its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .alignment import Aligner
from .chunking import (
    Chunk,
    dateline_end,
    is_heading,
    is_list_item,
    parts_paragraphs,
    split_sentences,
)
from .cues import names_a_harm
from .dates import calendar_date, is_calendar_date, names_a_weekday
from .kinds import actor_kind
from .llm import ChatClient, Message
from .models import (
    STANCE_DEFINITIONS,
    ActorKind,
    ChunkExtraction,
    Citation,
    CitedEventDraft,
    CitedPositionDraft,
    EventDraft,
    FactKind,
    PositionDraft,
    QuoteCorrections,
    Rejected,
    RiskDraft,
    cited_extraction_for,
)
from .names import names_actor, refers_back
from .prompting import read_prompt, render_prompt
from .source_index import opens_paragraph_of_no_ones_words
from .transcripts import Turn, turn_at

CitedDraft = CitedPositionDraft | CitedEventDraft
# How far around a chunk its source is read for the kind of a drafted actor: about a long
# article's length, so that a person named in full on an earlier page still counts.
_KIND_REACH = 20_000


@dataclass
class ChunkDrafts:
    """One chunk's drafts, each with a quote from the chunk, and those that cited nothing."""

    extraction: ChunkExtraction
    rejected: list[Rejected] = field(default_factory=list)


# A sentence that carries on the one before by a pronoun as its subject.
_CARRIES_ON = re.compile(r"\s*(?:It|He|She|They)\s")


@dataclass(frozen=True)
class NumberedText:
    """A text as the model reads it with sentence citations.

    ``text`` shows one numbered sentence per line ("[1] ..."; line breaks inside a sentence
    become spaces, so a number always starts its line) and section headings as unnumbered
    "## ..." lines: a heading states nothing, so it cannot be cited. ``spans[n - 1]`` is where
    sentence ``n`` lies in the original text; ``dated`` lists the sentences that give a date.
    """

    text: str
    spans: tuple[tuple[int, int], ...]
    dated: tuple[int, ...]


@lru_cache(maxsize=64)
def number_sentences(text: str, weekdays: bool = False) -> NumberedText:
    """Cached: a chunk is numbered for its prompt and again to read its answer, and the worked
    example is the same text for every chunk. ``weekdays``: a sentence naming a weekday is
    dated too (its source gives the day it was published, from which the day is counted)."""
    lines: list[str] = []
    spans: list[tuple[int, int]] = []
    dated: list[int] = []
    for start, end in _with_lists(text, split_sentences(text)):
        words = " ".join(text[start:end].split())
        if is_heading(text, start, end):
            lines.append(f"## {words}")
            continue
        spans.append((start, end))
        lines.append(f"[{len(spans)}] {words}")
        if is_calendar_date(words) or (weekdays and names_a_weekday(words)):
            dated.append(len(spans))
    return NumberedText("\n".join(lines), tuple(spans), tuple(dated))


def _with_lists(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, where a lead-in ending in a colon and the list items after it are one.

    A statement lists its points under a lead-in ("It identifies three main risks:"); the
    small model cites the lead-in, which states nothing alone, so the lead-in with its list
    is one numbered sentence and a fact that cites it has the whole list as evidence. An item
    of more than one sentence ("- Surveillance. Articles 28 to 30 would ...") is taken whole:
    its later sentences, in the item's paragraph, belong to the list too.
    """
    merged: list[tuple[int, int]] = []
    index = 0
    while index < len(sentences):
        start, end = sentences[index]
        index += 1
        if text[start:end].rstrip().endswith(":"):
            in_list = False
            while index < len(sentences):
                following = sentences[index][0]
                if not is_list_item(text, following) and not (
                    in_list and not parts_paragraphs(text, end, following)
                ):
                    break
                in_list = True
                end = sentences[index][1]
                index += 1
        merged.append((start, end))
    return merged


def build_messages(
    chunk_text: str,
    topic: str,
    cite: Citation = "quotes",
    speaker: str | None = None,
    weekdays: bool = False,
) -> list[Message]:
    """The instructions, the worked example as a turn of its own, then the chunk. Every message
    but the last is the same for every chunk and holds no source text (``ask(shared=...)``).
    ``speaker`` names whose words the chunk opens in when no label or heading in it says so
    (a transcript's turn begun in the chunk before, a speech's later part)."""
    example_text = render_prompt("extract_example_text.j2")
    example_dated: tuple[int, ...] | None = None
    chunk_dated: tuple[int, ...] | None = None
    if cite == "sentences":
        example = number_sentences(example_text)
        example_text, example_dated = example.text, example.dated
        numbered = number_sentences(chunk_text, weekdays)
        chunk_text, chunk_dated = numbered.text, numbered.dated
    example_answer = (
        "extract_example_cited_output.json"
        if cite == "sentences"
        else ("extract_example_output.json")
    )
    return [
        {
            "role": "system",
            "content": render_prompt("extract_system.j2", stances=STANCE_DEFINITIONS, cite=cite),
        },
        {
            "role": "user",
            "content": render_prompt(
                "extract_example_input.j2", text=example_text, dated=example_dated
            ),
        },
        {"role": "assistant", "content": read_prompt(example_answer).strip()},
        {
            "role": "user",
            "content": render_prompt(
                "extract_user.j2", topic=topic, text=chunk_text, dated=chunk_dated, speaker=speaker
            ),
        },
    ]


def extract_chunk(
    client: ChatClient,
    chunk: Chunk,
    topic: str,
    *,
    cite: Citation = "quotes",
    quote_feedback: bool = True,
    source_text: str | None = None,
    turns: Sequence[Turn] = (),
    weekdays: bool = False,
) -> ChunkDrafts:
    """The chunk's drafts. ``source_text``, the whole source the chunk is from (default: the
    chunk alone), is where code reads each cited actor's kind (``kinds.actor_kind``), within
    ``_KIND_REACH`` characters of the chunk. ``turns``: who speaks the chunk's words where no
    verb of saying tells (``SourceIndex.turns_within``), at offsets into the chunk.
    ``weekdays``: the source gives the day it was published, so a sentence dated by a weekday
    may be an event's (grounding counts the day)."""
    # A turn begun before the chunk shows no label in it, and an interview's "A:" names no
    # one: the model is told whose words the chunk opens with, or answers.
    unseen = turns[0].speaker if turns and turns[0].words_start == 0 else None
    speaker = unseen or next((turn.speaker for turn in turns if turn.answer), None)
    if cite == "sentences":
        around = chunk.text
        if source_text:  # a very long source is read near the chunk, where its names are
            around = source_text[max(0, chunk.start - _KIND_REACH) : chunk.end + _KIND_REACH]
        return _extract_cited(client, chunk, topic, around, turns, speaker, weekdays)
    return ChunkDrafts(
        _extract_quoted(client, chunk, topic, quote_feedback=quote_feedback, speaker=speaker)
    )


def _extract_cited(
    client: ChatClient,
    chunk: Chunk,
    topic: str,
    source_text: str,
    turns: Sequence[Turn],
    speaker: str | None,
    weekdays: bool = False,
) -> ChunkDrafts:
    numbered = number_sentences(chunk.text, weekdays)
    messages = build_messages(chunk.text, topic, "sentences", speaker, weekdays)
    answer, _ = client.ask(messages, cited_extraction_for(numbered.dated), shared=len(messages) - 1)
    spans = numbered.spans
    rejected: list[Rejected] = []
    kinds: dict[str, ActorKind | None] = {}

    def kind_of(actor: str) -> ActorKind | None:
        """Read by code, not written by the model: see ``kinds.py``."""
        if actor not in kinds:
            kinds[actor] = actor_kind(actor, source_text)
        return kinds[actor]

    # A sentence is cited without the speaker's label it opens with, and the label names the
    # speaker of every sentence of its turn.
    def words_of(number: int) -> tuple[int, int, str | None]:
        """Sentence ``number``'s span less any label, and its turn's speaker."""
        start, end = spans[number - 1]
        turn = turn_at(turns, start)
        if turn is None:
            return start, end, None
        return max(start, min(turn.words_start, end)), end, turn.speaker

    def sentence(kind: FactKind, number: int, item: CitedDraft) -> str | None:
        if 1 <= number <= len(spans):
            start, end, _ = words_of(number)
            return chunk.text[start:end]
        record = item.model_dump(exclude_none=True)  # only a rejected draft is recorded
        rejected.append(
            Rejected(
                kind=kind,
                source_id=chunk.source_id,
                draft={key: str(value) for key, value in record.items()},
                reason=f"cites sentence {number}, but the text has {len(spans)} sentences",
            )
        )
        return None

    def names(number: int, who: str, who_kind: ActorKind | None) -> bool:
        """By name, or by "the" and its head noun after the chunk named it in full ("The
        coalition opposes ..." after "The Digital Rights Coalition called ..."), as grounding
        reads it."""
        if not 1 <= number <= len(spans):
            return False
        start, end, turn_speaker = words_of(number)
        if turn_speaker and names_actor(who, who_kind, turn_speaker):
            return True
        text = chunk.text[start:end]
        return names_actor(who, who_kind, text) or refers_back(
            who, who_kind, text, chunk.text[:start]
        )

    def new_paragraph_of_no_ones_words(number: int) -> bool:
        if not 2 <= number <= len(spans):
            return False
        start, end = spans[number - 1]
        return opens_paragraph_of_no_ones_words(chunk.text, spans[number - 2][1], start, end)

    def anchored(item: CitedDraft) -> int:
        """The cited number, or the neighbour that names the actor when the cited one cannot.

        The small model often cites the sentence just before the one that states the fact
        ("Big tech joined the critics." cited for "Microsoft said ..."), and sometimes the one
        just after, across a paragraph break ("Much of the dispute concerned Articles 28 to
        30." for "Microsoft wrote that ..." ending the paragraph before), which would not be
        the actor's words. Grounding checks the sentence chosen here as it checks any other.
        """
        number = item.sentence
        if isinstance(item, CitedEventDraft):
            return number
        who, who_kind = item.actor, kind_of(item.actor)
        if names(number, who, who_kind):
            return number
        if names(number - 1, who, who_kind):
            return number - 1 if new_paragraph_of_no_ones_words(number) else number
        return number + 1 if names(number + 1, who, who_kind) else number

    def cited_text(kind: FactKind, item: CitedDraft, number: int) -> tuple[str, str] | None:
        """The evidence (sentence ``number``, the anchored one; an event's dateline kept only
        for its date) and the fact's text (the same words on one line)."""
        quote = sentence(kind, number, item)
        if quote is None:
            return None
        rest = quote[dateline_end(quote) :]
        if kind != "event" or calendar_date(rest):
            quote = rest
        return quote, " ".join(quote.split())

    def warned_after(quote: str, number: int) -> str:
        """The sentence a risk is read from: its position's (``quote``, sentence ``number``),
        or, when that names no harm, the next one of its paragraph if it carries on by a
        pronoun and names one ("The coalition opposes the treaty. It identifies three main
        risks: ..."), or is the speaker's next sentence in a transcript's turn or a speech.
        Grounding judges it."""
        if names_a_harm(quote) or not 1 <= number < len(spans):
            return quote
        start, end = spans[number]
        following = chunk.text[start:end]
        if parts_paragraphs(chunk.text, spans[number - 1][1], start):
            return quote
        turn = turn_at(turns, spans[number - 1][0])
        same_speaker = turn is not None and turn.speaker is not None and start < turn.end
        if not (same_speaker or _CARRIES_ON.match(following)):
            return quote
        return following if names_a_harm(following) else quote

    # model_construct: the quote is a sentence of the source, which may be longer than the
    # bound a model-written quote gets; every field the model wrote is validated already.
    positions: list[PositionDraft] = []
    risks: list[RiskDraft] = []
    for item in answer.positions:
        number = anchored(item)
        if (cited := cited_text("position", item, number)) is None:
            continue
        quote, text = cited
        who_kind = kind_of(item.actor)
        positions.append(
            PositionDraft.model_construct(
                actor=item.actor, actor_kind=who_kind, quote=quote, summary=text, stance=item.stance
            )
        )
        # A risk is the warning in its raiser's own sentence; a supporter, by the stance
        # definitions, warns of no harm the topic brings (the harms it would fight are not).
        if item.risk is not None and item.stance != "supports":
            warning = warned_after(quote, number)
            risks.append(
                RiskDraft.model_construct(
                    raised_by=item.actor,
                    quote=warning,
                    description=" ".join(warning.split()),
                    category=item.risk,
                )
            )
    events: list[EventDraft] = []
    for event in answer.events:
        if (cited := cited_text("event", event, anchored(event))) is not None:
            quote, text = cited
            date = calendar_date(text) or ""
            events.append(EventDraft.model_construct(quote=quote, date=date, description=text))
    extraction = ChunkExtraction.model_construct(positions=positions, risks=risks, events=events)
    return ChunkDrafts(extraction, rejected)


def missing_quotes(extraction: ChunkExtraction, aligner: Aligner) -> list[str]:
    """Distinct quotes of the extraction that do not align anywhere in the chunk."""
    items: list[PositionDraft | RiskDraft | EventDraft] = [
        *extraction.positions,
        *extraction.risks,
        *extraction.events,
    ]
    quotes = [item.quote for item in items]
    return [quote for quote in dict.fromkeys(quotes) if aligner.align(quote) is None]


def apply_corrections(extraction: ChunkExtraction, corrections: dict[str, str]) -> ChunkExtraction:
    def fix(quote: str) -> str:
        return corrections.get(quote) or quote

    return ChunkExtraction(
        positions=[p.model_copy(update={"quote": fix(p.quote)}) for p in extraction.positions],
        risks=[r.model_copy(update={"quote": fix(r.quote)}) for r in extraction.risks],
        events=[e.model_copy(update={"quote": fix(e.quote)}) for e in extraction.events],
    )


def _extract_quoted(
    client: ChatClient, chunk: Chunk, topic: str, *, quote_feedback: bool, speaker: str | None
) -> ChunkExtraction:
    messages = build_messages(chunk.text, topic, "quotes", speaker)
    extraction, raw = client.ask(messages, ChunkExtraction, shared=len(messages) - 1)
    aligner = Aligner(chunk.text)
    missing = missing_quotes(extraction, aligner) if quote_feedback else []
    if not missing:
        return extraction
    followup = [
        *messages,
        {"role": "assistant", "content": raw},
        {"role": "user", "content": render_prompt("reask_quotes.j2", quotes=missing)},
    ]
    answer, _ = client.ask(followup, QuoteCorrections, shared=len(messages) - 1)
    corrections = {
        wrong: fixed.strip()
        for wrong, fixed in zip(missing, answer.quotes)
        if len(fixed.strip()) >= 8 and aligner.align(fixed) is not None
    }
    return apply_corrections(extraction, corrections)
