"""One source, indexed once for grounding: its aligner, its sentences, and its quotations.

``SourceIndex`` turns a quote into evidence at the source's own offsets and reads, around a
piece of evidence, the sentences and quotation marks that say whose words it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import timedelta
from functools import cached_property

from .alignment import Aligner
from .chunking import dateline_end, is_heading, paragraph_start, parts_paragraphs, split_sentences
from .cues import has_a_verb_of_saying, reads_as_english, reports_someone
from .dates import published_day
from .given_names import is_given_name
from .models import ActorKind, Evidence, Source
from .names import (
    acronym,
    ends_in_a_personal_name,
    is_name_title,
    is_title_word,
    spelled_alike,
    spelled_words,
)
from .transcripts import Turn, speaker_turns, turn_at

__all__ = ["SourceIndex", "blank_quoted", "index_sources", "opens_paragraph_of_no_ones_words"]


def index_sources(sources: Sequence[Source], topic: str = "") -> dict[str, SourceIndex]:
    """An index of each source, by id, each told whether the run's sources go on to the day
    after it, from its day: a story of the first day beside one of the next was likely
    updated after its date. (Not a story of a later day: in a week of coverage, a Tuesday
    in Monday's story may well be the Tuesday before.)"""
    day_of = {source.id: published_day(source.published) for source in sources}
    days = {day for day in day_of.values() if day is not None}
    first = min(days, default=None)
    indexes = {}
    for source in sources:
        day = day_of[source.id]
        next_day_reported = day is not None and day == first and day + timedelta(1) in days
        indexes[source.id] = SourceIndex(source, topic, next_day_reported=next_day_reported)
    return indexes


class SourceIndex:
    """One source's aligner and sentence spans, built once and shared by all its chunks.

    ``topic`` is the run's topic: a summary may name it (or its acronym) as the source may,
    since the user, not the model, said what the sources are about ("Obama defends the NSA
    programs" where the topic is "National Security Agency programs" and the text says "the
    programs").
    """

    def __init__(self, source: Source, topic: str = "", *, next_day_reported: bool = False) -> None:
        self.source = source
        self.topic = topic
        # Whether this source is of the run's first day and another of the next: a weekday
        # past its date is then likely that next day (``dates.reckon_weekday``).
        self.next_day_reported = next_day_reported
        self.names_text = f"{source.text}\n\n{topic}" if topic else source.text
        self.aligner = Aligner(source.text)
        self.sentences = split_sentences(source.text)
        self._starts = [start for start, _ in self.sentences]
        self._headings = {
            number
            for number, (start, end) in enumerate(self.sentences)
            if is_heading(source.text, start, end)
        }
        # Who speaks words no verb of saying gives: a transcript's labels (an interview's
        # answers, its guest), or a speech's speaker (or its author) for the whole text.
        self.turns = speaker_turns(source.title, source.text, source.author)
        # The text as read for who is named: a dateline ("Denver (AP) -") names where a story
        # was filed, and a transcript's label who speaks the turn (read from the turn, not from
        # the words), so both are blanked (offsets unchanged).
        blanked = [
            (start, start + dateline_end(source.text[start:end])) for start, end in self.sentences
        ]
        blanked += [(turn.start, turn.words_start) for turn in self.turns if turn.speaker]
        pieces: list[str] = []
        done = 0
        for start, end in sorted(blanked):
            if end > start >= done:
                pieces += [source.text[done:start], " " * (end - start)]
                done = end
        self._named_text = "".join([*pieces, source.text[done:]])

    def evidence(self, quote: str, near: int) -> Evidence | None:
        """The quote at the source's offsets, less a transcript's label it opens with."""
        found = self.aligner.align(quote, near=near)
        if found is None:
            return None
        start = found.start
        turn = turn_at(self.turns, start)
        if turn and turn.start == start and turn.words_start < found.end:
            start = turn.words_start
        return Evidence(
            source_id=self.source.id,
            start=start,
            end=found.end,
            quote=self.source.text[start : found.end],
            match=found.match,
            score=round(found.score, 3),
        )

    def turn_of(self, evidence: Evidence) -> Turn | None:
        """The transcript's turn, or the speech, the evidence lies in: its speaker (None for
        a question, or a label that names no one), and where its words start."""
        return turn_at(self.turns, evidence.start)

    def turns_within(self, start: int, end: int) -> list[Turn]:
        """The turns in ``text[start:end]``, at offsets into that part: a turn begun before it
        opens it with its label unseen (``start == words_start == 0``), as does a speech named
        by its title only."""
        return [
            replace(
                turn,
                start=max(turn.start, start) - start,
                words_start=max(turn.words_start, start) - start,
                end=min(turn.end, end) - start,
            )
            for turn in self.turns
            if turn.start < end and turn.end > start
        ]

    def sentence_evidence(self, evidence: Evidence) -> Evidence:
        """The whole sentence(s) the evidence lies in, as evidence of its own."""
        first, last = self._sentence_range(evidence)
        start = min(self.sentences[first][0], evidence.start) if self.sentences else evidence.start
        end = max(self.sentences[last][1], evidence.end) if self.sentences else evidence.end
        return evidence.model_copy(
            update={"start": start, "end": end, "quote": self.source.text[start:end]}
        )

    def quotation_evidence(self, evidence: Evidence) -> Evidence:
        """The evidence's sentence widened to the whole quotation it is part of, when that
        quotation runs over more than one sentence of its paragraph, from the sentence that
        opens it to the one that closes it (where its speaker is often named): a sentence
        of a quotation read alone ('"The time for political games has long passed.') may
        show no side that the quotation takes. The sentence alone when the quotation is
        longer than ``_QUOTATION_SENTENCES`` sentences or ``_QUOTATION_CHARS`` characters,
        or when the sentence is in no quotation that goes past it. A sentence that leads in to
        a quotation with a colon is read with it (``_quotation_led_in``), and one that only
        gives its speaker ("Obama wrote in a letter delivered Tuesday.") with the quotation
        just before it."""
        sentence = self.sentence_evidence(evidence)
        if not self.sentences:
            return sentence
        text = self.source.text
        first, last = self._sentence_range(sentence)
        led_in = self._quotation_led_in(first, last)
        if led_in is not None:
            return sentence.model_copy(
                update={"end": led_in, "quote": text[sentence.start : led_in]}
            )
        if first > 0 and _AN_ATTRIBUTION_ALONE.fullmatch(sentence.quote):
            # '"As a result, ... in foreign courts." Obama wrote in a letter delivered
            # Tuesday.': a full stop where a comma belongs cut the words from their speaker.
            before = self.sentences[first - 1]
            if _A_WHOLE_QUOTATION.fullmatch(text[before[0] : before[1]]) and not parts_paragraphs(
                text, before[1], sentence.start
            ):
                return sentence.model_copy(
                    update={"start": before[0], "quote": text[before[0] : sentence.end]}
                )
        start, end = self.sentences[first][0], self.sentences[last][1]
        paragraph = paragraph_start(text, start)
        opened = _open_quotation(text, paragraph, start)
        if opened is None:
            opened = _open_quotation(text, start, end)  # opened here, still open at the end
        if opened is None:
            return sentence
        closed_at = self._after_closing(opened, max(opened + 1, start))
        if closed_at is None:
            return sentence
        opening = bisect.bisect_right(self._starts, opened) - 1
        closed = max(bisect.bisect_right(self._starts, closed_at[0]) - 1, last)
        wide_start, wide_end = self.sentences[opening][0], self.sentences[closed][1]
        if (
            (opening, closed) == (first, last)
            or closed - opening + 1 > _QUOTATION_SENTENCES
            or wide_end - wide_start > _QUOTATION_CHARS
        ):
            return sentence
        return sentence.model_copy(
            update={"start": wide_start, "end": wide_end, "quote": text[wide_start:wide_end]}
        )

    def _quotation_led_in(self, first: int, last: int) -> int | None:
        """Where the quotation a sentence leads in to ends ("Trump responded to Cruz's
        allegations in a statement on Friday afternoon:" and the paragraph of his words
        after it), when the sentences after the colon open with a quotation mark, do not name
        their speaker themselves ('"...," Vale said.' is read on its own) and are short enough
        to read as one with it (``_QUOTATION_SENTENCES``, ``_QUOTATION_CHARS``); else None.
        The quotation is read to its close or to the end of its first paragraph."""
        text = self.source.text
        start, end = self.sentences[first][0], self.sentences[last][1]
        if not text[start:end].rstrip().endswith(":") or last + 1 >= len(self.sentences):
            return None
        at = last + 1
        if not _OPENS_A_QUOTATION.match(text, self.sentences[at][0]):
            return None
        while (
            at + 1 < len(self.sentences)
            and not _CLOSES_A_QUOTATION.search(text, self.sentences[at][0], self.sentences[at][1])
            and not parts_paragraphs(text, self.sentences[at][1], self.sentences[at + 1][0])
        ):
            at += 1
        if at - last > _QUOTATION_SENTENCES or self.sentences[at][1] - start > _QUOTATION_CHARS:
            return None
        quoted = text[self.sentences[last + 1][0] : self.sentences[at][1]]
        if has_a_verb_of_saying(blank_quoted(quoted, 0, len(quoted))):
            return None  # the words name their speaker themselves ('"...," Vale said.')
        return self.sentences[at][1]

    def _sentence_range(self, evidence: Evidence) -> tuple[int, int]:
        first = max(0, bisect.bisect_right(self._starts, evidence.start) - 1)
        last = max(first, bisect.bisect_left(self._starts, evidence.end) - 1)
        return first, last

    def opens_paragraph_of_no_ones_words(self, evidence: Evidence) -> bool:
        """Whether the evidence's sentences open a paragraph and report no one's words."""
        first, _ = self._sentence_range(evidence)
        if first == 0 or not self.sentences:
            return False
        sentence = self.sentence_evidence(evidence)
        return opens_paragraph_of_no_ones_words(
            self.source.text, self.sentences[first - 1][1], sentence.start, sentence.end
        )

    def as_written(self, name: str, kind: ActorKind | None) -> str:
        """``name``, or the name less the leading titles the source never gives with it (for a
        person, less any leading words).

        The embedded model wrote "Sen. Mitt Romney" of a source that calls him "former GOP
        presidential nominee Mitt Romney", "Justice Samuel A. Alito Jr." and "Indy Mayor Ed
        Murray" of Seattle's mayor; a brief shows no title its source does not give, down to
        what it gives after or with a title ("Vermont Sen. O'Malley" of "Gov. Martin
        O'Malley" is "O'Malley"), with initials as it writes them ("U.S.", not "U. S."). A
        body's name the source gives only as an acronym is that acronym ("NRA"). A name the
        source lacks for other reasons is kept. A name the model copied from a transcript's label
        in capitals ("AMARA OKAFOR") is written as the source writes it elsewhere, or in title
        case ("Amara Okafor").
        """
        words = self._in_ordinary_case(name).split()
        personal = kind == "person" and ends_in_a_personal_name(words)
        while len(words) > 2 and not self._gives(words) and (personal or is_name_title(words[0])):
            words = words[1:]
        if self._gives(words):
            return self._initials_as_written(" ".join(words))
        if kind == "person":
            # A title the model gave from another person: "Vermont Sen. O'Malley" of a source
            # that calls him "ex-Maryland Gov. Martin O'Malley" is "O'Malley"; "U.S. President
            # Obama" of one that says "President Obama" is that.
            for start in range(1, len(words)):
                rest = words[start:]
                titled = is_title_word(rest[0]) or is_title_word(words[start - 1])
                named = not all(map(is_title_word, rest)) and len(rest[-1]) >= 3
                if titled and named and self._gives(rest):
                    return self._initials_as_written(" ".join(rest))
            # A given name the source never writes, beside the one full name it gives with
            # that surname: "Erik Cantor" of a source that names "Eric Cantor".
            given = self._the_given_name(words)
            if given:
                return given
        # A body the source names only by its acronym: the model spelled it out, and may have
        # spelled it wrong ("NATO Rifle Association" for the NRA).
        short = acronym(spelled_words(name)) if kind != "person" else ""
        written = re.search(rf"\b{re.escape(short)}\b", self.source.text, re.IGNORECASE)
        if len(short) >= 2 and written and written.group(0).isupper():
            return written.group(0)
        return name

    def _the_given_name(self, words: list[str]) -> str | None:
        """The one "<Given> <Surname>" the source gives for a person drafted as two words
        whose given name it never writes, a name the tables know or one spelled like the
        model's ("Vincente Fox" for its "Vincee Fox"); else None."""
        if len(words) != 2 or is_title_word(words[0]) or self._gives(words[:1]):
            return None
        found = {
            named.group(1)
            for named in re.finditer(
                rf"\b([A-Z][\w'’-]+)\s+{re.escape(words[1])}\b", self.source.text
            )
            # ("But Cantor said" gives none)
            if is_given_name(named.group(1).lower()) or spelled_alike(named.group(1), words[0])
        }
        return f"{found.pop()} {words[1]}" if len(found) == 1 else None

    def _in_ordinary_case(self, name: str) -> str:
        words = name.split()
        if len(words) < 2 or not name.isupper() or any(len(w.strip(".")) < 2 for w in words):
            return name  # an acronym ("NATO", "U.S.") is written so
        pattern = r"\s+".join(map(re.escape, words))
        for found in re.finditer(pattern, self.source.text, re.IGNORECASE):
            if found.group()[0].isupper() and not found.group().isupper():
                return " ".join(found.group().split())
        labelled = any(turn.speaker and name in turn.speaker.upper() for turn in self.turns)
        return name.title() if labelled else name  # "UN SECURITY COUNCIL" is no "Un ..."

    def _initials_as_written(self, name: str) -> str:
        """``name`` with its initials closed up as the source writes them: the model wrote
        "U. S. officials" of a source that says "U.S. officials"."""
        joined = _SPACED_INITIALS.sub(r"\1.", name)
        text = self.source.text
        return joined if joined != name and joined in text and name not in text else name

    @cached_property
    def english(self) -> bool | None:
        """True when at least half the source's sentences of five words or more read as English:
        the cue lists then judge every sentence of it, a short one too ("Governor Christie?",
        a question put to a speaker, holds no view). None otherwise: each sentence is judged
        by its own words, so a French source loses no fact to English word lists."""
        text = self.source.text
        long = [text[start:end] for start, end in self.sentences]
        long = [sentence for sentence in long if len(sentence.split()) >= 5]
        english = sum(map(reads_as_english, long))
        return True if long and english * 2 >= len(long) else None

    def _gives(self, words: list[str]) -> bool:
        return " " + " ".join(spelled_words(" ".join(words))) + " " in self._spelled_text

    @cached_property
    def _spelled_text(self) -> str:
        return " " + " ".join(spelled_words(self.source.text)) + " "

    def text_before(self, start: int) -> str:
        """The source before ``start``, as far back as a body's full name is looked for."""
        return self.source.text[max(0, start - _REFERENT_REACH) : start]

    def quotation_attribution(self, evidence: Evidence) -> str | None:
        """Whose words the evidence is said to be, when its sentence goes on with a quotation
        opened in an earlier sentence of its paragraph: the words outside quotation marks of the
        sentence that opens it (and of the one before, even across a paragraph break, when the
        quotation opens its sentence) and after the closing mark. None when the sentence is not
        inside such a quotation.

        '"He's the ideological leader ...," Obama said. "And he's an articulate spokesperson
        for Governor Romney's views. The problem is, those views are wrong."': the last
        sentence is Obama's, two sentences after his name. Names inside the quotation ("Romney")
        are the speaker's words, not the speaker.
        """
        if not self.sentences:
            return None
        text = self.source.text
        first, _ = self._sentence_range(evidence)
        start = self.sentences[first][0]
        paragraph = paragraph_start(text, start)
        opened = _open_quotation(text, paragraph, start)
        if opened is None:
            return None
        opening = bisect.bisect_right(self._starts, opened) - 1
        opening_start = self.sentences[opening][0]
        lead_in = text[opening_start:opened]
        parts = [lead_in]
        if not lead_in.strip() and opening > 0 and opening - 1 not in self._headings:
            before_start, before_end = self.sentences[opening - 1]
            parts.insert(0, _QUOTATION.sub(" ", text[before_start:before_end]))
        closed = self._after_closing(opened, start)
        if closed is not None:
            parts.append(closed[1])
        return " ".join(" ".join(parts).split())

    def _after_closing(self, opened: int, start: int) -> tuple[int, str] | None:
        """Where the quotation opened at ``opened`` closes (looking from ``start``), and the
        writer's words after the mark to the end of that sentence; None when it does not close
        in its paragraph."""
        text = self.source.text
        closing = _closing_mark(text, text[opened], start)
        if closing is None or parts_paragraphs(text, start, closing):
            return None
        end = self.sentences[bisect.bisect_right(self._starts, closing) - 1][1]
        return closing, text[closing + 1 : end]

    def closing_attribution(self, evidence: Evidence) -> str | None:
        """The writer's words after the closing mark of a quotation that the evidence's sentence
        opens and a later sentence closes, to the end of that sentence, within the paragraph:
        whose words the quotation is said to be ('"It's official: Chuck Schumer is the worst
        negotiator ... doomed to fail," CREDO Political Director Murshed Zaheed said in a
        statement.'). None when the sentence opens no such quotation."""
        if not self.sentences:
            return None
        text = self.source.text
        first, last = self._sentence_range(evidence)
        start, end = self.sentences[first][0], self.sentences[last][1]
        if _open_quotation(text, paragraph_start(text, start), start) is not None:
            return None  # a quotation opened earlier: ``quotation_attribution`` reads it
        opened = next((at for _, at in _quotation_states(text, start, end) if at is not None), None)
        if opened is None:
            return None
        closed = self._after_closing(opened, opened + 1)
        if closed is None or closed[0] < end:
            return None  # closed in the sentence itself, whose own words are read for it
        return " ".join(closed[1].split())

    def attribution_window(self, evidence: Evidence) -> str:
        """The sentences the evidence lies in, plus the one before (for "he said" sentences).

        A heading before the evidence starts a new section: it attributes nothing.
        """
        start, end = self._window_range(evidence)
        return self._named_text[start:end]

    def sentence_text(self, evidence: Evidence) -> str:
        """The sentences the evidence lies in, as read for who is named (no dateline)."""
        sentence = self.sentence_evidence(evidence)
        return self._named_text[sentence.start : sentence.end]

    def attribution_window_unquoted(self, evidence: Evidence) -> str:
        """The attribution window with every quoted word blanked out: what the writer says,
        not what the people quoted say. A quotation opened earlier in the paragraph counts."""
        start, end = self._window_range(evidence)
        return blank_quoted(self._named_text, start, end)

    def _window_range(self, evidence: Evidence) -> tuple[int, int]:
        first, last = self._sentence_range(evidence)
        before = first - 1 if first > 0 and first - 1 not in self._headings else first
        window_start = self.sentences[before][0] if self.sentences else 0
        window_end = self.sentences[last][1] if self.sentences else len(self.source.text)
        return min(window_start, evidence.start), max(window_end, evidence.end)


# An initial and the space after it, before another initial: "U. S.".
_SPACED_INITIALS = re.compile(r"\b([A-Z])\.\s+(?=[A-Z]\.)")
# A quotation in one paragraph, with curly or straight marks.
_QUOTATION = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_QUOTATION_MARKS = frozenset('“”"')
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _quotation_states(text: str, start: int, end: int) -> Iterator[tuple[int, int | None]]:
    """Each position from ``start`` to ``end`` with where the quotation open there opened
    (None outside one).

    A straight mark opens after a space or the start of a line and closes elsewhere, so one
    mark missing does not turn the rest of the text into a quotation; a blank line ends any
    quotation (the next paragraph of a long one opens with a mark of its own).
    """
    opened: int | None = None
    for position in range(start, end):
        char = text[position]
        if char == "”" or (char == "\n" and _BLANK_LINE.match(text, position)):
            opened = None
        elif char == "“":
            opened = position
        elif char == '"':
            opens = position == 0 or text[position - 1].isspace() or text[position - 1] in "([—–"
            opened = position if opens else None
        yield position, opened


def blank_quoted(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the quotation marks and the words between them blanked."""
    # A paragraph longer than a long article is read from that far back only.
    begin = max(paragraph_start(text, start), start - _REFERENT_REACH)
    return "".join(
        " " if opened is not None or text[position] in _QUOTATION_MARKS else text[position]
        for position, opened in _quotation_states(text, begin, end)
        if position >= start
    )


def _open_quotation(text: str, start: int, end: int) -> int | None:
    """Where the quotation still open at ``end`` opened, reading from ``start``; None when
    every quotation before ``end`` is closed."""
    states = [opened for _, opened in _quotation_states(text, start, end)]
    return states[-1] if states else None


def _closing_mark(text: str, opening_mark: str, start: int) -> int | None:
    """The mark that closes a quotation opened with ``opening_mark``, from ``start`` on."""
    found = text.find("”" if opening_mark == "“" else '"', start)
    return found if found >= 0 else None


def opens_paragraph_of_no_ones_words(text: str, previous_end: int, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens a paragraph (a blank line after the sentence ending
    at ``previous_end``) and reports no one's words: it carries no speaker over from the
    paragraph before (grounding rejects such a sentence as an actor's; extraction moves a
    citation of it back to the sentence that names the actor)."""
    return parts_paragraphs(text, previous_end, start) and not reports_someone(text[start:end])


# A sentence that only gives its speaker ("Obama wrote in a letter delivered Tuesday."), and
# one that is all quotation.
_AN_ATTRIBUTION_ALONE = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*\s+){1,5}(?:said|says|wrote|writes|added|adds|stated|tweeted|asked"
    r"|replied|responded|was\s+quoted\s+as\s+saying|told\s+[\w.]+(?:\s+[\w.]+)?)\b"
    r"[^\"“”]{0,80}[.!]\s*"
)
_A_WHOLE_QUOTATION = re.compile(r"\s*[\"“][^\"“”]+[\"”]\s*")
_OPENS_A_QUOTATION = re.compile(r"\s*[\"“]")
_CLOSES_A_QUOTATION = re.compile(r"[\"”]\s*$")


# How far back a body's full name is looked for when "the coalition" may refer to it: about
# the length of a long article, so that the search stays short in a very long source.
_REFERENT_REACH = 20_000
# The longest quotation a position's evidence is widened to (``quotation_evidence``).
_QUOTATION_SENTENCES = 4
_QUOTATION_CHARS = 700
