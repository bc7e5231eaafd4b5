"""Check every drafted fact against its source, in code, before anything may reach a brief.

A draft survives only when

1. its quote aligns to the source text (``align_quote``: exact, normalized or gated fuzzy), and
   the evidence stored is the *source's* characters at those offsets, never the model's words;
2. for positions and risks, the actor it is attributed to is named in the quoted sentence or in
   the sentence just before it (a small model readily pins one actor's words on another),
   and the sentence can carry the fact: a position's shows a view, a risk's names a harm
   (``cues``);
3. numbers and dates it states occur in its evidence, and names it states occur in its source
   or in the topic the user gave (``claims.unsupported_claims``).

Everything else becomes a ``Rejected`` record with its reason; it is shown for review, never as
a fact. Offsets a model reports are never trusted: the model reports none.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .alignment import Aligner, Alignment, align_quote, normalize
from .categories import risk_category
from .chunking import (
    Chunk,
    dateline_end,
    is_heading,
    paragraph_start,
    parts_paragraphs,
    split_sentences,
)
from .claims import MONTHS, WEEKDAYS, unsupported_claims
from .cues import (
    addressed_mention,
    after_a_pronoun_speaker,
    first_speaker,
    gives_no_comment,
    has_a_verb_of_saying,
    named_speaker,
    names_a_harm,
    pronoun_speaker,
    reports_someone,
    speaks_by_pronoun,
    states_a_view,
    views_of_others,
    voices_a_harm,
)
from .given_names import full_given_name
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

__all__ = [
    "Alignment",
    "GroundedChunk",
    "GroundedEvent",
    "GroundedPosition",
    "GroundedRisk",
    "NAME_SUFFIXES",
    "SourceIndex",
    "acronym",
    "align_quote",
    "ground_chunk",
    "is_calendar_date",
    "name_words",
    "names_actor",
    "names_people",
    "spelled",
    "unaccented",
]


@dataclass(frozen=True)
class GroundedPosition:
    actor: str
    actor_kind: ActorKind | None
    stance: Stance
    summary: str
    evidence: Evidence


@dataclass(frozen=True)
class GroundedRisk:
    raised_by: str
    category: RiskCategory
    description: str
    evidence: Evidence


@dataclass(frozen=True)
class GroundedEvent:
    date: str
    description: str
    evidence: Evidence


@dataclass
class GroundedChunk:
    positions: list[GroundedPosition] = field(default_factory=list)
    risks: list[GroundedRisk] = field(default_factory=list)
    events: list[GroundedEvent] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


class SourceIndex:
    """One source's aligner and sentence spans, built once and shared by all its chunks.

    ``topic`` is the run's topic: a summary may name it (or its acronym) as the source may,
    since the user, not the model, said what the sources are about ("Obama defends the NSA
    programs" where the topic is "National Security Agency programs" and the text says "the
    programs").
    """

    def __init__(self, source: Source, topic: str = "") -> None:
        self.source = source
        self.topic = topic
        self.names_text = f"{source.text}\n\n{topic}" if topic else source.text
        self.aligner = Aligner(source.text)
        self.sentences = split_sentences(source.text)
        self._starts = [start for start, _ in self.sentences]
        self._headings = {
            number
            for number, (start, end) in enumerate(self.sentences)
            if is_heading(source.text, start, end)
        }
        # The text as read for who is named: a dateline ("Denver (AP) -") names where a story
        # was filed, not a speaker, so it is blanked (offsets unchanged).
        pieces: list[str] = []
        done = 0
        for start, end in self.sentences:
            cut = dateline_end(source.text[start:end])
            if cut:
                pieces += [source.text[done:start], " " * cut]
                done = start + cut
        self._named_text = "".join([*pieces, source.text[done:]])

    def evidence(self, quote: str, near: int) -> Evidence | None:
        found = self.aligner.align(quote, near=near)
        if found is None:
            return None
        return Evidence(
            source_id=self.source.id,
            start=found.start,
            end=found.end,
            quote=self.source.text[found.start : found.end],
            match=found.match,
            score=round(found.score, 3),
        )

    def sentence_evidence(self, evidence: Evidence) -> Evidence:
        """The whole sentence(s) the evidence lies in, as evidence of its own."""
        first, last = self._sentence_range(evidence)
        start = min(self.sentences[first][0], evidence.start) if self.sentences else evidence.start
        end = max(self.sentences[last][1], evidence.end) if self.sentences else evidence.end
        return evidence.model_copy(
            update={"start": start, "end": end, "quote": self.source.text[start:end]}
        )

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
        Murray" of Seattle's mayor; a brief shows no title its source does not give. A body's
        name the source gives only as an acronym is that acronym ("NRA"). A name the source
        lacks for other reasons is kept.
        """
        words = name.split()
        personal = kind == "person" and _ends_in_a_personal_name(words)
        while len(words) > 2 and not self._gives(words) and (personal or _is_title(words[0])):
            words = words[1:]
        if self._gives(words):
            return " ".join(words)
        # A body the source names only by its acronym: the model spelled it out, and may have
        # spelled it wrong ("NATO Rifle Association" for the NRA).
        short = acronym(_spelled(name)) if kind != "person" else ""
        written = re.search(rf"\b{re.escape(short)}\b", self.source.text, re.IGNORECASE)
        if len(short) >= 2 and written and written.group(0).isupper():
            return written.group(0)
        return name

    def _gives(self, words: list[str]) -> bool:
        return " " + " ".join(_spelled(" ".join(words))) + " " in self._spelled_text

    @cached_property
    def _spelled_text(self) -> str:
        return " " + " ".join(_spelled(self.source.text)) + " "

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
        return _unquoted(self._named_text, start, end)

    def _window_range(self, evidence: Evidence) -> tuple[int, int]:
        first, last = self._sentence_range(evidence)
        before = first - 1 if first > 0 and first - 1 not in self._headings else first
        window_start = self.sentences[before][0] if self.sentences else 0
        window_end = self.sentences[last][1] if self.sentences else len(self.source.text)
        return min(window_start, evidence.start), max(window_end, evidence.end)


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


def _unquoted(text: str, start: int, end: int) -> str:
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


_WORD = re.compile(r"[\w'-]+")
# A calendar date: a month beside a day or year ("8 August 2024", "Aug. 8", "March 2023"), a
# year ("2017", "the 1990s", "Q3 2024") or a numeric date ("08/08/2024", "2024-08-08"). A vote
# count ("102 to 23"), a weekday, "May" alone or a word that starts like a month ("market",
# "decision") is not one.
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?![\w]))"
)
_YEAR = r"(?:1[5-9]|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Each match spans the whole date as written, so ``calendar_date`` can read it out of a
# sentence: day, month and year together when the text gives them together ("8 August 2024",
# "August 8, 2024", "March 2023", "Q3 2024").
_CALENDAR = re.compile(
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"
    rf"|\b{_MONTH}\s+(?:{_DAY}\b(?:,?\s+{_YEAR}\b)?|{_YEAR}\b)"
    rf"|\b(?:[Qq][1-4]\s+)?{_YEAR}s?\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(rf"\b{_YEAR}")
# "the <date> <Capitalized word>": a date inside a name.
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_IN_A_NAME = re.compile(r"\s+(?-i:[A-Z])[a-z]")
_NAME_STOPWORDS = {"the", "of", "for", "and", "on", "in", "a", "an", "to", "&"}
# Titles that only people bear, before a surname ("Ms. Park", "Sen. Grassley").
HONORIFICS = frozenset("mr mrs ms miss dr sen rep gov prof".split())
# Titles a small model puts before a name on its own ("Sen. Mitt Romney").
_NAME_TITLES = HONORIFICS | frozenset(
    "senator representative congressman congresswoman governor justice judge president "
    "minister secretary speaker mayor former".split()
)


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in _NAME_TITLES


# Words of a role, which a person's own name never ends in ("Utah Attorney General").
_ROLE_WORDS = _NAME_TITLES | frozenset(
    "attorney general executive chief officer director spokesman spokeswoman spokesperson "
    "leader chairman chairwoman commissioner reporter official aide adviser advisor".split()
)


def _ends_in_a_personal_name(words: list[str]) -> bool:
    """Whether a drafted name ends in a given name and a surname ("... Mayor Ed Murray"), not
    in a role ("AARP chief executive", "Utah Attorney General")."""
    last = words[-2:]
    return len(last) == 2 and all(
        word[:1].isupper() and word.lower().rstrip(".") not in _ROLE_WORDS for word in last
    )


# Generational suffixes, which come after a surname ("Theodore J. Boutrous Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_POSSESSIVE = re.compile(r"'s?$")


def opens_paragraph_of_no_ones_words(text: str, previous_end: int, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens a paragraph (a blank line after the sentence ending
    at ``previous_end``) and reports no one's words: it carries no speaker over from the
    paragraph before (grounding rejects such a sentence as an actor's; extraction moves a
    citation of it back to the sentence that names the actor)."""
    return parts_paragraphs(text, previous_end, start) and not reports_someone(text[start:end])


def is_calendar_date(text: str) -> bool:
    """Whether ``text`` gives a calendar date (see ``_CALENDAR``), as an event's date must."""
    return _CALENDAR.search(text) is not None


def calendar_dates(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives calendar dates, as (start, end) spans."""
    return [found.span() for found in _CALENDAR.finditer(text)]


def calendar_date(text: str) -> str | None:
    """The first calendar date in ``text`` that gives a year (else the first date), exactly as
    written, or None.

    An event drafted by sentence number takes its date from its sentence this way, so the
    model writes no date and the date is verbatim by construction. A date that is part of a
    name is none ("the 17 February Brigade", "the 1994 Assault Weapons Ban"). A year wins over
    a bare day: in "NEW YORK, Aug 9 (Wire) - Negotiators agreed on 8 August 2024 ..." the event
    is dated "8 August 2024", not the dateline.
    """
    dates = [
        found.group(0)
        for found in _CALENDAR.finditer(text)
        if not _IN_A_NAME.match(text, found.end()) or not _THE_BEFORE.search(text, 0, found.start())
    ]
    with_year = [date for date in dates if _HAS_YEAR.search(date)]
    chosen = with_year or dates
    return chosen[0] if chosen else None


def name_words(text: str) -> list[str]:
    """Normalized words of a name or text, for comparing names."""
    return _WORD.findall(normalize(text))


def acronym(words: list[str]) -> str:
    """'human rights watch' -> 'hrw'; function words are skipped."""
    return "".join(word[0] for word in words if word not in _NAME_STOPWORDS)


def spelled(word: str) -> str:
    """A lower-case name word as names are compared: a possessive names its owner ("wal-mart's"
    is "walmart"), and a hyphen inside a name is spelling. A lone dash becomes ""."""
    return _POSSESSIVE.sub("", word).replace("-", "")


def _spelled(text: str) -> list[str]:
    """The words of ``text`` as names are compared (see ``spelled``)."""
    return [word for word in map(spelled, name_words(text)) if word]


def names_actor(name: str, kind: ActorKind | None, window: str) -> bool:
    """Whether ``window`` names the actor: in full, by surname (people) or by acronym."""
    words = _spelled(name)
    if not words:
        return False
    window_words = _spelled(window)
    padded = " " + " ".join(window_words) + " "
    if " " + " ".join(words) + " " in padded:
        return True
    if words[0] == "the" and " " + " ".join(words[1:]) + " " in padded:
        return True
    # "Mr. Boutrous" names "Theodore J. Boutrous Jr.": the surname is before the suffix.
    core = _before_suffix(words)
    if kind == "person" and len(core) > 1 and len(core[-1]) >= 3:
        if core[-1] in window_words:
            return True
    # A risk's raiser has no kind, but "Ms. Park" names only a person: "Ada Park".
    if kind is None and _titled(core, window_words):
        return True
    # A title is never a name's initials: "Mr." is no acronym of Mitt Romney.
    short = acronym(words)
    if len(short) >= 2 and not _is_a_title(short) and short in window_words:
        return True
    # The draft may use the acronym while the text spells the name out.
    if len(words) == 1 and len(words[0]) >= 2:
        for start in range(len(window_words)):
            for end in range(start + 2, min(len(window_words), start + 10) + 1):
                if acronym(window_words[start:end]) == words[0]:
                    return True
    return False


def _before_suffix(words: list[str]) -> list[str]:
    """A name's words without a generational suffix after its surname."""
    return words[:-1] if len(words) > 2 and words[-1] in NAME_SUFFIXES else words


def _titled(name_words: list[str], text_words: list[str]) -> bool:
    """Whether the text gives the name's surname after a title only people bear ("Ms. Park")."""
    if len(name_words) < 2 or len(name_words[-1]) < 3:
        return False
    surname = name_words[-1]
    return any(a in HONORIFICS and b == surname for a, b in zip(text_words, text_words[1:]))


def titled_person(name: str, text: str) -> bool:
    """Whether ``text`` calls ``name`` by a title only people bear and the surname: a person,
    whatever kind the model gave (a risk's raiser has none)."""
    return _titled(_before_suffix(_spelled(name)), _spelled(text))


# A small model may run an actor's name on into the list after it ("Press freedom
# organizations, including the International Press Institute and the"): the name ends before
# the list, and a name never ends on a function word or a comma.
_LIST_AFTER_NAME = re.compile(
    r",\s*(?:including|such as|among them)\b.*$", re.IGNORECASE | re.DOTALL
)
# Or into an aside after a comma: a party and state ("Senator Ben Sasse, Republican of
# Nebraska", "Sen. Cory Gardner, R-Colo."), a relative clause ("Mr. Lee, who ..."), an age.
_ASIDE_AFTER_NAME = re.compile(
    r",\s*(?:(?:a\s+)?(?:Republican|Democrat|Democratic|Independent)\b|[RDI]-[A-Z]"
    r"|who\b|whose\b|\d{1,3}\b).*$",
    re.DOTALL,
)
# Or past a parenthesis after the name: an acronym, a party and state, a note ("Human Rights
# Watch (HRW)", "Rep. Maxine Waters (D-Calif.)", "Digital Rights Coalition (fictional)").
_PARENTHESIS_AFTER_NAME = re.compile(r"(?<=\S)\s*\([^()]*\)\s*$")
_TRAILING_FUNCTION_WORDS = re.compile(
    r"(?:[\s,;:]+(?:the|and|or|of|for|on|in|a|an|to|with|by|&))+[\s,;:]*$|[\s,;:]+$",
    re.IGNORECASE,
)


def actor_name(drafted: str) -> str:
    """The name a draft gives its actor, cut where the model ran it on past the name."""
    name = _ASIDE_AFTER_NAME.sub("", _LIST_AFTER_NAME.sub("", drafted.strip()))
    name = _PARENTHESIS_AFTER_NAME.sub("", name)
    return _TRAILING_FUNCTION_WORDS.sub("", name) or drafted.strip()


def refers_back(name: str, kind: ActorKind | None, text: str, earlier: str) -> bool:
    """Whether ``text`` names a body by "the" and the head noun of its name ("the coalition",
    "the ministry") while ``earlier``, the source before it, names the body in full ("Digital
    Rights Coalition", "Ministry of Digital Affairs"): news writing names an organisation once,
    then by its head noun. Not people, and not a one-word name."""
    if kind == "person":
        return False
    words = _spelled(name)
    if len(words) < 2:
        return False
    # The head noun ends the name, or opens it before "of" ("Ministry of Digital Affairs").
    head = words[0] if len(words) > 2 and words[1] == "of" else words[-1]
    if len(head) < 4 or head in _NAME_STOPWORDS:
        return False
    said = _spelled(text)
    if not any(a == "the" and b == head for a, b in zip(said, said[1:])):
        return False
    return names_actor(name, kind, earlier)


# How far back a body's full name is looked for when "the coalition" may refer to it: about
# the length of a long article, so that the search stays short in a very long source.
_REFERENT_REACH = 20_000
# The rest of a body's name after its head noun: "of Digital Affairs of the Republic of Veltra".
_OF_NAME = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*"
_DEFINITE_SUBJECT = re.compile(r"\s*[\"“‘']?The\s+([a-z][a-z-]{3,})\b")


def own_subject(name: str, sentence: str, earlier: str) -> str | None:
    """The body a sentence opens with by "the" and a noun, when that noun ends the name of
    another body named earlier in the source: "The coalition urges delegations ..." after the
    Digital Rights Coalition was named is the coalition's, not the UN's whose name stands in
    the sentence before. ``None`` when the noun may stand for ``name`` ("The group said ..."
    after "Human Rights Watch": no body named "... Group")."""
    opening = _DEFINITE_SUBJECT.match(sentence)
    if opening is None or opening.group(1) in _spelled(name):
        return None
    head = opening.group(1)
    # The head noun ends the body's name ("Digital Rights Coalition") or opens it before "of"
    # ("Ministry of Digital Affairs of the Republic of Veltra").
    pattern = rf"(?:\b[A-Z][\w'’.-]*\s+){{0,5}}{head.capitalize()}\b{_OF_NAME}"
    bodies = [
        re.sub(r"^The ", "", " ".join(found.split())) for found in re.findall(pattern, earlier)
    ]
    named = [body for body in bodies if body != head.capitalize() and not _is_body(name, body)]
    return named[-1] if named else None


def _is_body(name: str, body: str) -> bool:
    """Whether a drafted ``name`` is ``body``: it names the body's name before any "of" (a
    country after "of" is another actor: "Veltra" is not the "Ministry of Digital Affairs of
    the Republic of Veltra"), or the body's name names all of it."""
    return names_actor(name, None, body.split(" of ")[0]) or names_actor(body, None, name)


# A sentence that opens with a person's or body's name as its subject: "Rep. Pete Sessions
# (R-Texas) was the other conservative alternate ...". Titles before the name are skipped; a
# sentence that opens with a quotation mark is someone's words, and is not read here.
_NAMED_SUBJECT = re.compile(
    r"\s*(?:(?:Rep|Sen|Gov|Mr|Mrs|Ms|Dr|Rev|Gen)\.\s+"
    r"|(?:Representative|Senator|Governor|President|Speaker)\s+)?"
    r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)(?:\s*\([^()\n]{1,30}\)|,\s*\d{1,3},)?,?\s+[a-z]"
)
_NOT_SUBJECT_WORDS = frozenset(
    "the a an but and or so yet on in at by for from with after before when while if as "
    "since until though although however meanwhile still also then now this that these those "
    "last next early late earlier later today yesterday tomorrow instead separately overall "
    "finally first second third there here he she they we it i you his her their its our my "
    "your one some many most several both each few other others all any no not another such "
    "every according like unlike had has have was were is are did do does would could should "
    "will can may might must much more less without within despite amid among under over "
    "through during against about into toward towards across beyond".split()
)


# An opening phrase before the subject: "Earlier Sunday, ", "After his meeting with Reid, ".
_OPENING_PHRASE = re.compile(r"[^,;:\"“”]{1,80},\s+")


def _named_subject(who: str, who_kind: ActorKind | None, sentence: str) -> str | None:
    """The name a sentence opens with as its subject, after an opening phrase or not, when
    it is not ``who``'s, after a linking word or not ("Yet Mr. Trump has waged ..."); else
    the subject of an opening clause ("While President Obama promised ..., U.S. forces
    remain" is no one else's words)."""
    found = _opening_subject(sentence)
    if found is None:
        return None
    name = found.group(1)
    return None if names_actor(who, who_kind or "person", name) else name


def _opening_subject(sentence: str) -> re.Match[str] | None:
    """The name a sentence opens with as its subject: at its start, after an opening phrase
    ("Earlier Sunday, ..."), after a linking word ("Yet ..."), or as the subject of an opening
    clause ("While President Obama promised ..., ...")."""
    found = _NAMED_SUBJECT.match(sentence)
    for lead in (_OPENING_PHRASE, _CONNECTIVE, _SUBORDINATOR):
        if found is not None and not _not_a_subject(found, sentence):
            return found
        opened = lead.match(sentence)
        if opened:
            found = _NAMED_SUBJECT.match(sentence, opened.end())
    return found if found is not None and not _not_a_subject(found, sentence) else None


def _someone_else_as_subject(
    who: str, who_kind: ActorKind | None, sentence: str, earlier: str
) -> str | None:
    """The person a sentence opens with as its subject (after any opening phrase), when that
    is not ``who``: a name of two words or more, one after a title ("Mr. Udall"), or a
    surname the source gave in full before ("Dowd" after "John Dowd"), for a lone
    capitalized word opening a sentence is as often a common noun ("Draft talking points
    ..."). Either name may hold the other ("Nancy Pelosi" and "Representative Nancy Pelosi of
    California"; "Mr. Udall" and "Udall and Wyden")."""
    found = _opening_subject(sentence)
    if found is None:
        return None
    name = found.group(1)
    titled = found.start(1) > found.start() + len(found.group(0)) - len(found.group(0).lstrip())
    if len(name.split()) < 2 and not titled and not _named_in_full(name, earlier):
        return None
    kind = who_kind or "person"
    if names_actor(who, kind, name) or names_actor(name, kind, who):
        return None
    return name


def _surname_first_given_to_another(who: str, window: str, earlier: str) -> str | None:
    """The person the source named first with ``who``'s surname, when that is someone else
    and ``window`` gives the surname without ``who``'s given name: news writing calls the
    one it is about by surname ("Hunter said") and a relative by both names ("his wife,
    Margaret Hunter"), so "Hunter said" is not Margaret Hunter's. A source that names the
    surname first after a title ("President Trump") may mean ``who`` by it."""
    core = _before_suffix(who.split())
    before = [word for word in core[:-1] if len(word.rstrip(".")) > 1]  # no initials
    if len(core) < 2 or not before or not core[-1][:1].isupper() or len(core[-1]) < 3:
        return None
    given, surname = before[-1], core[-1]
    if not given[:1].isupper() or _is_a_title(given):
        return None  # "Vermont Sen. Sanders": no given name
    if re.search(rf"(?<!\w){re.escape(given)}(?!\w)", window):
        return None
    for found in _NAMES_BEFORE.finditer(earlier):
        if found.group(2) != surname:
            continue
        words = [word for word in found.group(1).split() if len(word.rstrip(".")) > 1]
        ends = [at for at, word in enumerate(words) if _ENDS_A_SENTENCE.search(word)]
        words = words[ends[-1] + 1 :] if ends else words  # "... John Kerry. Cowan said"
        if not words or words[-1].lower() in _NOT_SUBJECT_WORDS:
            continue  # "When Hutchinson ...": no given name
        if _is_a_title(words[-1]):
            return None  # first given by a title ("President Trump"), who may be ``who``
        names = [
            word
            for word in words
            if not _is_a_title(word) and word.lower() not in _NOT_SUBJECT_WORDS
        ]
        if any(_same_given_name(word, given) for word in names):
            return None
        return f"{' '.join(names)} {surname}"
    return None


# A run of capitalized words and the capitalized word after it: "Donald John Trump".
_NAMES_BEFORE = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+){1,4})([A-Z][\w'’-]+)\b")


# A word that ends a sentence: a full stop after more than an initial or a title's short form.
_ENDS_A_SENTENCE = re.compile(
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|Sr|Jr|St))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen))\.$"
)


# Words of a title, and "State" of "Secretary of State": no given name.
_TITLE_WORDS = _ROLE_WORDS | {"state"}


def _is_a_title(word: str) -> bool:
    return word.lower().rstrip(".") in _TITLE_WORDS


def _same_given_name(a: str, b: str) -> bool:
    """Whether two given names are one: the same, a short form ("Joe", "Joseph"), or one
    letter apart as spellings of one name are ("Cathy", "Cathi")."""
    a, b = full_given_name(unaccented(a.lower())), full_given_name(unaccented(b.lower()))
    if a == b:
        return True
    return len(a) == len(b) >= 4 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def unaccented(word: str) -> str:
    """A word as names are compared across outlets: "Calderón" is "Calderon", "Peña" is
    "Pena", and a curly apostrophe is a straight one."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _named_in_full(surname: str, earlier: str) -> bool:
    """Whether ``earlier`` gives ``surname`` after a capitalized word ("John Dowd")."""
    return re.search(rf"[A-Z][\w'’.-]*\s+{re.escape(surname)}(?!\w)", earlier) is not None


def _persons_body(person: str, body: str, earlier: str) -> bool:
    """Whether the source named ``person`` beside ``body``, in one phrase, before: a body
    speaks through its people ("NRA executive vice president Wayne LaPierre", then "LaPierre
    assailed ..."; "Wayne Pacelle, the CEO of the Humane Society"). A clause between them
    ("an interview with Fox News that Trump was ...") makes them no such pair."""
    surname = person.split()[-1]
    for found in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", earlier):
        before = _CLAUSE_BREAK.split(earlier[max(0, found.start() - _BESIDE) : found.start()])
        after = _CLAUSE_BREAK.split(earlier[found.end() : found.end() + _BESIDE])
        if names_actor(body, None, before[-1]) or names_actor(body, None, after[0]):
            return True
    return False


# Words and stops that end the phrase a person's name and their body's share.
_CLAUSE_BREAK = re.compile(
    r"\b(?:that|said|says|who|whom|which|when|while|with|and|but|to|was|is|were|are|told"
    r"|after|before|because)\b|[.;:!?]"
)


# How close a person's name and a body's stand when the text gives one as the other's.
_BESIDE = 60


def _not_a_subject(found: re.Match[str], sentence: str) -> bool:
    """Whether the capitalized words a sentence opens with are no name: "On Friday", "I’m",
    "Largely,", a name in the possessive ("Windsor's tax burden"), or a verb in -ing before
    its object ("Talking about her victory, she said ...")."""
    if re.search(r"['’]s?$", found.group(1)) or _OPENS_A_CLAUSE.match(sentence, found.start(1)):
        return True
    # "I’m" is "I"; "Largely," opens with an adverb, not a name.
    words = [re.split(r"['’]", word.strip(".,"))[0] for word in found.group(1).lower().split()]
    if any(w in _NOT_SUBJECT_WORDS or w in MONTHS or w in WEEKDAYS for w in words):
        return True
    return len(words) == 1 and words[0].endswith("ly") and sentence[found.end(1) :].startswith(",")


# A name in lower case names people when its last word is a plural ("plaintiffs", "fiscal
# conservatives", "rights advocates", "critics") other than one of things, or a word for a
# body of people ("the government", "the public", "the opposition").
_THING_PLURALS = frozenset(
    """
    affairs politics economics rights rules laws issues concerns negotiations talks policies
    services provisions measures matters relations news funds taxes benefits cuts costs
    programs programmes plans terms powers data records documents reports comments remarks
    statements words things ties interests markets prices rates principles guidelines
    regulations proposals bills photographs photos pictures images videos figures polls
    surveys statistics numbers
    """.split()
)
_BODY_WORDS = frozenset(
    """
    public government administration industry sector community campaign movement press media
    board council committee court congress senate house parliament majority minority opposition
    church military army navy police staff team firm company business agency ministry
    department bloc alliance lobby association organisation organization institution union
    coalition party group youth clergy electorate
    """.split()
)


# Things someone has, named after the one who has them: "Dukes's case", "Obama's plan".
_OWNED_THING = re.compile(r"['’]s?\s+([a-z][\w-]*)$")
_THINGS_OWNED = frozenset(
    """
    case plan bill law proposal ad speech remark comment letter statement book policy decision
    budget video tweet report lawsuit claim complaint order rule memo agenda record testimony
    story cover article column platform measure program programme deal view stance position
    argument message
    """.split()
)


# Names of documents, measures and polls, which hold no view: "the Bush Doctrine argued for
# ...", "An NBC News/Wall Street Journal poll last week found ...".
_DOCUMENT_HEADS = frozenset(
    "doctrine act bill law amendment treaty resolution constitution poll survey".split()
)


# A verb in -ing, then a word that starts its object: a clause the model took for a name
# ("Citing the Fifth Amendment ...", "Speaking to reporters"); "Banking regulators" names.
_OPENS_A_CLAUSE = re.compile(
    r"\s*[A-Za-z]+ing\s+(?:the|a|an|his|her|their|its|this|that|to|on|in|with|for|about)\s",
    re.IGNORECASE,
)


# A run of words the model copied and cut off, or that opens with what something is called: no
# one's name.
_CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*$|^\s*(?:(?:also\s+)?known\s+as|called|dubbed)\s", re.I)

_PRONOUNS = frozenset("he she it they we i you him her them us me his hers its their our".split())


def names_people(name: str) -> bool:
    """Whether a drafted actor can name someone: a name (a capital letter or a digit in it),
    or a lower-case word for people. "foreign affairs" or "world" names no one, nor a name
    ending in a plural of things ("Colorado's rules") or in a thing someone has ("Dukes's
    case")."""
    words = _spelled(name)
    if words and name.split()[-1].islower() and words[-1] in _THING_PLURALS:
        return False  # "Colorado's rules", "House Republican immigration principles"
    owned = _OWNED_THING.search(name)
    if owned and owned.group(1) in _THINGS_OWNED:
        return False  # "Dukes's case", "Obama's plan"
    if len(words) > 1 and words[-1] in _DOCUMENT_HEADS:
        return False  # "Obama Doctrine", "Religious Freedom Restoration Act"
    if _OPENS_A_CLAUSE.match(name):
        return False  # "Citing the Fifth Amendment right against self-incrimination"
    if _CUT_OFF.search(name):
        return False  # "known as the Comprehensive International Convention on Countering..."
    if words and all(word in _PRONOUNS for word in words):
        return False  # "Her", taken from "Her son ..."
    if not words or any(ch.isupper() or ch.isdigit() for ch in name):
        return True
    last = words[-1]
    if last in _BODY_WORDS:
        return True
    return last.endswith("s") and not last.endswith("ss") and last not in _THING_PLURALS


def is_the_topic(name: str, topic: str) -> bool:
    """Whether an actor's name is the topic itself ("Cybercrime Treaty" for "the UN Cybercrime
    Treaty"): every word of it is a word of the topic, and it ends on the topic's last word.

    A measure holds no position on itself; a small model names it when a sentence describes
    the measure without a speaker. "UN" or "Russia" within "Russia's treaty" stay actors, and
    grounding asks this only of actors that are not people: when the topic is a person, what
    that person says about it is a position.
    """
    words = [word for word in name_words(name) if word not in _NAME_STOPWORDS]
    topic_words = [word for word in name_words(topic) if word not in _NAME_STOPWORDS]
    return bool(words and topic_words) and (
        set(words) <= set(topic_words) and words[-1] == topic_words[-1]
    )


def _unsupported(claim: str, evidence: Evidence, index: SourceIndex) -> list[str]:
    """Numbers and dates the evidence lacks, and names the whole source (and topic) lacks."""
    return unsupported_claims(claim, evidence.quote, index.names_text)


def _reject(source: Source, kind: FactKind, draft: dict[str, str], reason: str) -> Rejected:
    return Rejected(kind=kind, source_id=source.id, draft=draft, reason=reason)


# What the sentence of an attributed fact must carry, in order, and the reason given when it
# does not.
_CUES: dict[str, tuple[tuple[Callable[[str], bool], str], ...]] = {
    "position": (
        (
            states_a_view,
            "the quoted sentence shows no view: no one says, backs or opposes anything in it",
        ),
    ),
    "risk": (
        (names_a_harm, "the quoted sentence names no harm, risk or warning"),
        (
            voices_a_harm,
            "no one warns of the harm in the quoted sentence: it reports what was done, "
            "not a warning given",
        ),
    ),
}


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
    speaker of a sentence whose speaker the text itself names.
    """
    evidence = index.evidence(quote, near=chunk.start)
    if evidence is None:
        return _reject(index.source, kind, record, "quote not found in the source")
    who = _name_for_relation(index, evidence, who) or who
    problem = _attribution_problem(index, evidence, kind, who, who_kind)
    if problem:
        speaker = _subject_body(index, evidence, who)
        # The body keeps the draft's kind (none for a risk's raiser), but is no person.
        speaker_kind: ActorKind | None = "organisation" if who_kind == "person" else who_kind
        if not speaker or _attribution_problem(index, evidence, kind, speaker, speaker_kind):
            return _reject(index.source, kind, record, problem)
        who, who_kind = speaker, speaker_kind
    elif named := _name_for_role(index, evidence, who):
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


# An actor drafted by a family tie to someone named ("Liz Cheney's father"), and the words that
# give that relative's own name ("Their father, former Vice President Dick Cheney, ...").
_RELATION = re.compile(
    r"^(.+?['’]s)\s+(?:[a-z]+\s+)?(wife|husband|father|mother|son|daughter|sister|brother"
    r"|spouse|widow|widower)$",
    re.IGNORECASE,
)
_CAPITALIZED_RUN = r"((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+)"


def _name_for_relation(index: SourceIndex, evidence: Evidence, who: str) -> str | None:
    """The name the source gives a relative the draft named by the tie ("Liz Cheney's
    father"), in the last "<tie>, <Name>" up to the evidence's sentence; else the tie alone,
    without a word the model put before it ("Liz Cheney's former father" is "Liz Cheney's
    father"); None when ``who`` names no tie. Consolidation then takes the relative for the
    person named elsewhere."""
    tie = _RELATION.match(who)
    if not tie:
        return None
    sentence = index.sentence_evidence(evidence)
    text = index.text_before(sentence.start) + sentence.quote
    pattern = rf"\b{tie.group(2)},\s+(?:[a-z][\w-]*\s+)*{_CAPITALIZED_RUN}"
    names = [found.group(1) for found in re.finditer(pattern, text)]
    return names[-1] if names else f"{tie.group(1)} {tie.group(2)}"


# A person drafted by a body's role ("DNC spokesman", "Fox News host"), and the words that
# give that person's name ("DNC spokesman Brad Woodhouse addressed the video").
_ROLE = re.compile(
    r"^[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+)*?\s+(?:spokes(?:man|woman|person)|host|anchor"
    r"|adviser|advisor|aide|chair(?:man|woman)?|director|secretary|strategist|counsel"
    r"|manager|executive|founder|organizer|organiser)$"
)
# A day or month after a role or a name is when it spoke ("the DNC spokesman Tuesday ...").
_NOT_GIVEN = frozenset(word.lower() for word in (*WEEKDAYS, *MONTHS))
_PERSON_NAME = r"([A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})"


def _name_for_role(index: SourceIndex, evidence: Evidence, who: str) -> str | None:
    """The name the source gives a person the draft named by a body's role ("DNC
    spokesman"), in the last "<role> <Name> <Surname>" up to and in the evidence's sentence;
    None when there is none, or the sentence names the role as someone else ("another DNC
    spokesman") without a name."""
    if not _ROLE.match(who):
        return None
    sentence = index.sentence_evidence(evidence)
    role = rf"(?<![\w-])(?i:{re.escape(who)})"

    def last_named(text: str) -> str | None:
        names = []
        for found in re.finditer(rf"{role},?\s+{_PERSON_NAME}", text):
            words = found.group(1).split()
            while words and words[-1].lower() in _NOT_GIVEN:
                words.pop()  # "DNC spokesman Brad Woodhouse Monday said"
            if len(words) >= 2 and words[0].lower() not in _NOT_GIVEN:
                names.append(" ".join(words))
        return names[-1] if names else None

    in_sentence = last_named(sentence.quote)
    if in_sentence or re.search(rf"\b(?i:an?|another|other)\s+{role}", sentence.quote):
        return in_sentence
    return last_named(index.text_before(sentence.start))


@dataclass(frozen=True)
class _Attributed:
    """A checked attributed fact: its evidence and the actor whose words it reports."""

    evidence: Evidence
    who: str
    who_kind: ActorKind | None


def _subject_body(index: SourceIndex, evidence: Evidence, who: str) -> str | None:
    """The body the evidence's sentence opens with by "the" and its head noun, named earlier
    in the source, when that body is not ``who``."""
    sentence = index.sentence_evidence(evidence)
    return own_subject(who, sentence.quote, index.text_before(sentence.start))


def _attribution_problem(
    index: SourceIndex, evidence: Evidence, kind: FactKind, who: str, who_kind: ActorKind | None
) -> str | None:
    """Why the evidence cannot be ``who``'s position or risk, or None when it can be."""
    # A person who is the topic still has a view of it; a risk's raiser has no kind, so the
    # whole source is read for a title only when the raiser is the topic.
    if (
        who_kind != "person"
        and is_the_topic(who, index.topic)
        and not (who_kind is None and titled_person(who, index.source.text))
    ):
        return f"{who!r} is the topic, not someone with a view on it"
    if not names_people(who):
        return f"{who!r} names no one: a common noun, neither a name nor a group of people"
    window = index.attribution_window(evidence)
    earlier = index.text_before(evidence.start)

    def named_in(text: str) -> bool:
        return names_actor(who, who_kind, text) or refers_back(who, who_kind, text, earlier)

    sentence = index.sentence_text(evidence)
    unquoted_sentence = _unquoted(sentence, 0, len(sentence))
    named_sentence, named_window = _read_for_names(who, sentence, unquoted_sentence, window)
    if who_kind == "person":
        first = _surname_first_given_to_another(who, window, earlier)
        if first:
            return (
                f"{who!r} is named here by surname only, which the source gave first to {first!r}"
            )
    if named_in(named_sentence) and not named_in(unquoted_sentence):
        # Named in the sentence only inside a quotation that a later sentence gives to
        # another: '"It's official: Chuck Schumer is the worst negotiator ... ," CREDO
        # Political Director Murshed Zaheed said.' is Zaheed's view, not Schumer's.
        said_after = index.closing_attribution(evidence)
        other = _reported_by_another(said_after, who, who_kind) if said_after else None
        if other:
            return f"{who!r} is named only inside a quotation the source gives to {other!r}"
    quoted = False
    if not named_in(named_window):
        # A quotation may go on for sentences after its speaker's name; names inside it are
        # the speaker's words, and another speaker said for it is not the actor.
        said_by = index.quotation_attribution(evidence)
        if said_by is None or not named_in(said_by) or _other_speaker(said_by, who, who_kind):
            return f"{who!r} is not named in or just before the quoted sentence"
        window, quoted = f"{said_by} {sentence}", True
    # '"You can now see what the Congress has seen ...," the spokesman said': the words are
    # the spokesman's; one named only inside them is not speaking.
    unquoted = index.attribution_window_unquoted(evidence)
    only_quoted = not (quoted or named_in(unquoted) or _speaks_for(who_kind, unquoted))
    if named_in(named_sentence):
        if only_quoted:
            return f"{who!r} is named only inside the quoted words, not as their speaker"
        addressed = addressed_mention(who, sentence)
        if addressed and not names_actor(
            who, who_kind, sentence[: addressed[0]] + sentence[addressed[1] :]
        ):
            return (
                f"{who!r} is only spoken to, sent to or judged in the quoted sentence (told, "
                "urged, goes to, accused, praised), not speaking"
            )
        outlet = _only_the_outlet(who, named_sentence) if who_kind != "person" else None
        if outlet:
            return f"{who!r} is named only as {outlet}, not taking a side"
        speaker = _reported_by_another(unquoted_sentence, who, who_kind)
        if speaker:
            return f"{who!r} is named in words the sentence gives as {speaker!r}'s"
        if _named_only_in_an_opening_clause(who, who_kind, sentence, unquoted_sentence):
            return f"{who!r} is named only in the sentence's opening clause, not its main one"
        if _only_acted_on(who, who_kind, sentence):
            return (
                f"{who!r} is only acted on in the quoted sentence (was endorsed, was named), "
                "not holding a view"
            )
        if kind == "position":
            others = _view_of_others_only(who, who_kind, sentence)
            if others:
                return (
                    f"the view in the quoted sentence is held by others ({others!r}), not {who!r}"
                )
        cue_text = sentence
    else:
        pronoun_kind = _pronoun_kind(who, who_kind)
        if not quoted and not reports_someone(window, pronoun_kind):
            return (
                f"{who!r} is named only before the quoted sentence, "
                "and neither reports anyone's words"
            )
        # A new paragraph carries the speaker over only when it reports words itself ('"...,"
        # he said.'): after "Microsoft wrote that ...", a paragraph opening "Much of the
        # dispute concerned Articles 28 to 30." is the writer's.
        if index.opens_paragraph_of_no_ones_words(evidence):
            return (
                f"{who!r} is named only in the paragraph before, "
                "and the quoted sentence reports no one's words"
            )
        speaker = own_subject(who, sentence, earlier)
        if speaker:
            return f"{who!r} is named only before the quoted sentence, whose subject is {speaker!r}"
        # "McConnell and Boehner met. Mr. Obama said the two leaders had supported it.": the
        # words are Mr. Obama's.
        speaker = _other_speaker(unquoted_sentence, who, who_kind)
        pronoun = pronoun_speaker(sentence, pronoun_kind)
        if pronoun and not _BODYS_PERSON.search(window):
            speaker = speaker or pronoun
        if speaker:
            return f"{who!r} is named only before the quoted sentence, whose speaker is {speaker!r}"
        # Read in the writer's words: a sentence inside a quotation opened before it is not.
        subject = _named_subject(who, who_kind, unquoted[len(unquoted) - len(sentence) :])
        if subject and not (who_kind != "person" and _persons_body(subject, who, earlier)):
            return f"{who!r} is named only before the quoted sentence, whose subject is {subject!r}"
        # "Dowd attempted to explain that the tweet referred to Sally Yates ... He also said
        # ...": a pronoun that speaks stands for the subject of the sentence before.
        if speaks_by_pronoun(unquoted_sentence):
            subject = _someone_else_as_subject(
                who, who_kind, unquoted[: len(unquoted) - len(sentence)].strip(), earlier
            )
            if subject and not (who_kind != "person" and _persons_body(subject, who, earlier)):
                return (
                    f"{who!r} is named only before the quoted sentence, whose speaker stands "
                    f"for {subject!r}, the subject of the sentence before"
                )
        if only_quoted:
            # '"President Obama has said that ...," he said. "If you're determined ..."'
            return f"{who!r} is named before the quoted sentence only inside the quoted words"
        # The sentence before, which names the actor, may carry the cue ("The industry has
        # expressed concerns. These provisions pose risks to privacy.").
        cue_text = window
    if gives_no_comment(sentence):
        return "the quoted sentence says only that no comment was given"
    return next((lacking for carries, lacking in _CUES[kind] if not carries(cue_text)), None)


def _read_for_names(
    who: str, sentence: str, unquoted_sentence: str, window: str
) -> tuple[str, str]:
    """The sentence and the window as they are read for the actor's name (offsets unchanged).

    A name in parentheses is an aside ("several who are better financed ... (Jeb Bush)"). The
    writer's words after a speaking pronoun name its words' object, not a speaker ('"...," she
    wrote above a picture of the Obama daughters'); quoted words there are still read, for the
    rules on quotations.
    """
    named_sentence = _outside_parentheses(sentence, who)
    named_window = _outside_parentheses(window, who)
    spoken = after_a_pronoun_speaker(unquoted_sentence)
    if spoken is None or not window.endswith(sentence):
        return named_sentence, named_window
    rest = "".join(
        " " if plain == original else original
        for plain, original in zip(unquoted_sentence[spoken:], sentence[spoken:], strict=True)
    )
    return named_sentence[:spoken] + rest, named_window[: len(named_window) - len(rest)] + rest


# A news outlet's name, and the words that give it as the one that reported ("according to The
# Hill", "The New York Times reported", "told NY1", "Haberman in the New York Times", "said
# in a New York Times interview", "an interview with Fox News", "said on CNN").
_OUTLET = re.compile(
    r"\b(?:Times|Post|Journal|Herald|Tribune|Register|Gazette|Hill|News|AP|Reuters|CNN|NBC|ABC"
    r"|CBS|MSNBC|Politico|Pollster|Bloomberg|Newsweek|Root|NY1|Globe|Observer|Wire|HuffPost"
    r"|BuzzFeed|Breitbart|Axios|Slate|Salon|Vox|Newsmax|Mediaite|Daily\s+Beast)\b"
    r"|\w\.com\b"
)
_AS_THE_OUTLET_BEFORE = re.compile(
    r"(?:according\s+to|reported\s+by|told|in|to|on|(?:interview|appearance)s?\s+(?:with|on))"
    r"\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
_AS_THE_OUTLET_AFTER = re.compile(
    r"^['’]?s?\s+(?:(?:first|also|later|previously)\s+)?(?:reported|reports|featured|published"
    r"|obtained|posted|broke|confirmed|learned|reviewed)\b",
    re.IGNORECASE,
)


# An outlet named as a journalist's employer: "Fox News host Glenn Beck", "a Times columnist".
_AS_THE_EMPLOYER_AFTER = re.compile(
    r"^['’]?s?\s+(?:[\w-]+\s+)?(?:host|anchor|reporter|correspondent|columnist|commentator"
    r"|contributor|analyst|pundit|personality|writer|journalist|moderator|interviewer)s?\b",
    re.IGNORECASE,
)


def _only_the_outlet(who: str, sentence: str) -> str | None:
    """How the sentence names ``who``, a news outlet, when it names it only as the one that
    reported it or as the employer of a journalist who speaks ("Fox News host Glenn Beck"):
    the outlet reports the view, or one of its people holds it; the outlet does not. None when
    it names the outlet otherwise, or ``who`` is no outlet."""
    if not _OUTLET.search(who):
        return None
    name = re.sub(r"^the\s+", "", who.strip(), flags=re.IGNORECASE)
    mentions = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.IGNORECASE))
    if not mentions:
        return None
    reported = [
        bool(
            _AS_THE_OUTLET_BEFORE.search(sentence, 0, found.start())
            or _AS_THE_OUTLET_AFTER.match(sentence[found.end() :])
        )
        for found in mentions
    ]
    if all(reported):
        return "the news outlet that reported it"
    employer = [_AS_THE_EMPLOYER_AFTER.match(sentence[found.end() :]) for found in mentions]
    if all(was or employs for was, employs in zip(reported, employer, strict=True)):
        return "the news outlet of a journalist who speaks"
    return None


_PARENTHESES = re.compile(r"\([^()\n]*\)")


def _outside_parentheses(text: str, name: str) -> str:
    """``text`` with what stands in parentheses blanked (offsets unchanged), but for a part of
    ``name`` ("Ministry of Digital Affairs of the Republic of Veltra (fictional)")."""
    return _PARENTHESES.sub(
        lambda found: found.group(0) if found.group(0) in name else " " * len(found.group(0)),
        text,
    )


# The words by which a writer gives a speaker as someone of a body without naming it: "the
# company's chief security officer Joe Sullivan said", "a spokesman for the group"; any of
# them, whatever kind the draft gave (the embedded model calls Facebook an organisation).
_BODY_NOUNS = (
    "company|firm|group|organi[sz]ation|association|coalition|union|campaign|alliance"
    "|government|ministry|department|agency|administration|committee|commission|council"
    "|board"
)
_OF_A_BODY = re.compile(
    rf"\b(?:(?:for|of|at) the (?:{_BODY_NOUNS})\b|the (?:{_BODY_NOUNS})['’]s\b)", re.IGNORECASE
)


def _speaks_for(who_kind: ActorKind | None, unquoted: str) -> bool:
    """Whether the writer's own words around a quotation give its speaker as someone of a
    body: then the body named inside the quotation may be the speaker's own. Never a person."""
    return who_kind != "person" and _OF_A_BODY.search(unquoted) is not None


# A body's person the writer names by role, whom "he" or "she" may then stand for: "Veltra sent
# its minister to the talks. He said ...".
_BODYS_PERSON = re.compile(
    r"\bits\s+(?:minister|spokes\w+|president|chief|head|leader|director|chair\w*|officials?"
    r"|representatives?|ambassador|envoy|lawyers?|secretary|executive|founder)\b",
    re.IGNORECASE,
)


def _pronoun_kind(who: str, who_kind: ActorKind | None) -> ActorKind | None:
    """The kind a pronoun standing for ``who`` must fit: "Udall and Wyden" are "they"."""
    return "group" if re.search(r"\s(?:and|&)\s", who) else who_kind


def _other_speaker(text: str, who: str, who_kind: ActorKind | None) -> str | None:
    """The speaker ``text`` names beside a verb of saying, when that is not ``who``. A risk's
    raiser has no kind, yet "Mr. Priebus" names "Reince Priebus" by surname."""
    speaker = named_speaker(text)
    return speaker if speaker and not names_actor(who, who_kind or "person", speaker) else None


def _reported_by_another(sentence: str, who: str, who_kind: ActorKind | None) -> str | None:
    """The speaker a sentence names for its first verb of saying when that is not ``who``,
    though the sentence names ``who``: "The FBI is taking over the investigation, Police Chief
    Ana Ruiz said." is the chief's statement, not the FBI's; "..., Mr. Pence said" of a bill
    Obama voted for is not Obama's.

    ``who`` still speaks when named among the speaker's titles ("ABC News, Gov. Chris
    Christie, ..., said"), but not as a rival in them ("a Republican trying to unseat Rep.
    Nick J. Rahall II"), as the sentence's opening subject ("In a letter posted on her
    website, Ms. Davis recalled ..."), or through a person of theirs: a body's ("Wayne
    Pacelle, the CEO of the Humane Society ...", "the company's chief security officer"), or
    anyone's spokesman or lawyer ("Boehner spokesman Michael Steel said"); and a speaker in
    the sentence's opening clause leaves its main clause to its own subject."""
    found = first_speaker(sentence)
    if found is None:
        return None
    speaker, start, end = found
    titles = _CONTESTED.sub(lambda named: " " * len(named.group(0)), sentence[start:end])
    if names_actor(who, who_kind or "person", titles):
        return None
    opening_clause = _OPENING_CLAUSE.match(sentence)
    if opening_clause and start < opening_clause.end():
        return None  # "After Gorsuch stated ..., Democrats reminded him": the main clause's
    spoken_for = _SPOKESPERSON_OF.search(sentence, 0, start)
    if spoken_for and names_actor(who, who_kind or "person", spoken_for.group(1)):
        return None
    if who_kind != "person" and (
        _persons_body(speaker, who, sentence) or _OF_A_BODY.search(sentence)
    ):
        return None
    opening = _opening_subject(sentence)
    if opening and names_actor(who, who_kind or "person", opening.group(1)):
        return None
    return speaker


# One a speaker's titles name as a rival, not as someone the speaker speaks for: "Elliott
# Maynard, a Republican trying to unseat Representative Nick J. Rahall II, ..., said".
_CONTESTED = re.compile(
    r"\b(?:unseat|challeng\w*|defeat\w*|oust\w*|replac\w*|succeed\w*|against|rivals?\s+(?:of|to)"
    r"|opponents?\s+of)\s+(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*"
)


# Someone's person, named just before the speaker: "Boehner spokesman Michael Steel".
_SPOKESPERSON_OF = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})['’]?s?\s+(?:press\s+)?(?:spokes\w+|aides?"
    r"|advis[eo]rs?|lawyers?|attorneys?|secretary|campaign\s+manager|chief\s+of\s+staff)\s+$"
)


# A passive verb after a name, with an aside between commas or none: "Mr. Rogers, a former
# agent, was endorsed by ...", "Ruth Bader Ginsburg was confirmed 96-3".
_PASSIVE_AFTER = re.compile(
    r"\s*(?:,[^,;:\"“”]{1,80},\s*|\s+\([^()]{1,30}\)\s*)?\s*(?:was|were|is|are|has been|have been"
    r"|had been|will be|would be|be)\s+(?:\w+ly\s+)?(?!quoted\b)(?:\w+ed|\w+en|told|sent|given"
    r"|shown|held|sworn|hit|put|set|cut|struck|caught|brought|sought|taught|won|led|left)\b",
    re.IGNORECASE,
)


def _only_acted_on(who: str, who_kind: ActorKind | None, sentence: str) -> bool:
    """Whether every mention of ``who`` in a sentence without quoted or reported words is the
    subject of a passive verb: "Mr. Rogers, a former agent, was endorsed by the agents'
    association" is the association's view; "was confirmed 96-3", "was interviewed" show none."""
    if has_a_verb_of_saying(sentence) or _QUOTE_MARKS.search(sentence):
        return False
    ends = _mention_ends(who, who_kind, sentence)
    return bool(ends) and all(_PASSIVE_AFTER.match(sentence, end) for end in ends)


_QUOTE_MARKS = re.compile(r"[\"“”«»]")


def _mention_ends(who: str, who_kind: ActorKind | None, sentence: str) -> set[int]:
    """Where each mention of ``who`` in ``sentence`` ends: the name as drafted, or a
    person's surname ("Mr. Rogers" for Mike Rogers)."""
    words = who.split()
    forms = [who.strip()]
    if who_kind in (None, "person") and len(words) > 1 and len(words[-1]) > 2:
        forms.append(words[-1])
    return {
        found.end()
        for form in forms
        for found in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sentence)
    }


# A word that links a sentence to the one before without a comma: "Yet Mr. Trump has ...".
_CONNECTIVE = re.compile(r"\s*(?:But|Yet|And|So|Still|Now|Then|Also)\s")
# A word that opens a clause before the main one ("While", "When" ...); not "As", as often a
# preposition ("As Texas governor, he directed ...").
_SUBORDINATORS = (
    "When|While|After|Before|Although|Though|If|Because|Since|Until|Once|Whereas|Unless"
)
_SUBORDINATOR = re.compile(rf"\s*[\"“‘]?(?:{_SUBORDINATORS})\s")
# A sentence's opening clause: "When Mrs. Clinton arrived, ...", "As the Obamas depart, ...",
# after a time or none ("On Tuesday as the House was preparing to vote ..., Weiner was ...").
_TIME_FIRST = r"(?:On|Early|Late|Earlier|Later|Last)\s+\w+(?:\s+\w+)?,?\s+"
_OPENING_CLAUSE = re.compile(
    rf"\s*[\"“‘]?(?:As|{_SUBORDINATORS}|{_TIME_FIRST}(?:as|when|while|after|before|once))"
    rf"\s([^,;:]{{1,160}}),[\"”’]?\s+"  # a comma inside a closing quotation mark too
)
_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they|we|i|his|her|their|its|our)\b", re.IGNORECASE)


def _named_only_in_an_opening_clause(
    who: str, who_kind: ActorKind | None, sentence: str, unquoted: str
) -> bool:
    """Whether ``who`` is named only in the clause a sentence opens with, and the main
    clause has a subject of its own: "When Mrs. Clinton arrived, some in the crowd chanted
    ..." is the crowd's, "As the Obamas depart the White House ..., Trump will ..." Trump's.
    An opening that says ("As Axelrod said, ...") gives the words' speaker, and a main
    clause opening with a pronoun ("If Lee wins, he will ...") may go on about the actor.

    The clause is found in ``sentence`` (its comma may stand inside a quotation: 'about the
    "47 percent," Mr. Ryan ...') and read in ``unquoted``, the same sentence with its quoted
    words blanked."""
    found = _OPENING_CLAUSE.match(sentence)
    if found is None:
        return False
    clause, main = unquoted[found.start(1) : found.end(1)], unquoted[found.end() :]
    return (
        names_actor(who, who_kind, clause)
        and not names_actor(who, who_kind, main)
        and not has_a_verb_of_saying(clause)
        and _PRONOUN_SUBJECT.match(main) is None
    )


def _view_of_others_only(who: str, who_kind: ActorKind | None, sentence: str) -> str | None:
    """The phrase that holds the sentence's only view when that view is someone else's.

    "UN member states are convening ..., but the text has sparked opposition from various
    stakeholders": the opposition is the stakeholders', and the member states show none.
    """
    theirs = [
        (start, end)
        for start, end, holder in views_of_others(sentence)
        if not names_actor(who, who_kind, holder)
    ]
    if not theirs:
        return None
    rest = sentence
    for start, end in reversed(theirs):
        rest = rest[:start] + " " + rest[end:]
    if states_a_view(rest):
        return None
    start, end = theirs[0]
    return sentence[start:end]


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


def _ground_risk(index: SourceIndex, chunk: Chunk, draft: RiskDraft) -> GroundedRisk | Rejected:
    raised_by = actor_name(draft.raised_by)
    checked = _check_attributed(
        index,
        chunk,
        "risk",
        draft.model_dump(),
        draft.quote,
        raised_by,
        None,
        draft.description,
        "description",
    )
    if isinstance(checked, Rejected):
        return checked
    category = risk_category(index.sentence_text(checked.evidence), draft.category)
    return GroundedRisk(checked.who, category, draft.description, checked.evidence)


def _ground_event(index: SourceIndex, chunk: Chunk, draft: EventDraft) -> GroundedEvent | Rejected:
    record = draft.model_dump()
    evidence = index.evidence(draft.quote, near=chunk.start)
    if evidence is None:
        return _reject(index.source, "event", record, "quote not found in the source")
    if not is_calendar_date(draft.date):
        return _reject(index.source, "event", record, "the date is not a calendar date")
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
    return GroundedEvent(draft.date, draft.description, evidence)


def ground_chunk(index: SourceIndex, chunk: Chunk, extraction: ChunkExtraction) -> GroundedChunk:
    """Ground one chunk's drafts against the whole text of their source."""
    grounded = GroundedChunk()
    for position in extraction.positions:
        result = _ground_position(index, chunk, position)
        if isinstance(result, Rejected):
            grounded.rejected.append(result)
        else:
            grounded.positions.append(result)
    for risk in extraction.risks:
        risk_result = _ground_risk(index, chunk, risk)
        if isinstance(risk_result, Rejected):
            grounded.rejected.append(risk_result)
        else:
            grounded.risks.append(risk_result)
    for event in extraction.events:
        event_result = _ground_event(index, chunk, event)
        if isinstance(event_result, Rejected):
            grounded.rejected.append(event_result)
        else:
            grounded.events.append(event_result)
    return grounded
