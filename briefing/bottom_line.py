"""The bottom line up front: a few sentences the model writes from verified facts, checked by code.

One narrow question, asked after consolidation and the stance check: the model sees the topic
and a numbered list of the verified facts, each as its label and short text (``P1. Amara
Okafor (opposes): ...``, ``R1. ...``, ``E1. ...``, the labels the review page shows), never the
sources (facts with the same text, as a position and the risk its actor raises often have with
sentence citations, share one line). It answers two or three sentences, each after the labels
of the facts it rests on.

Code keeps a sentence only when every label names a fact of the list and everything specific it
states (numbers, dates, proper names, specific words: ``claims.unsupported_claims``) occurs in
those facts: their texts, actors, dates and verified quotes (or in the topic), and only when it
repeats a quotation of theirs whole or not at all, and only when it gives no cited position's
actor a side its stance does not, nor the words of a cited actor it does not name to one it
names, nor a title its facts do not give a name, nor three content words they lack (it says
more than they do), nor, citing only positions and risks, their view as its own (naming none
of their actors and no one's view); a sentence in the words of a listed fact
it does not cite cites it too, unless it gives them to someone else. A cause they do not
state ("due to ...") is cut off the sentence, and the cut is listed in ``rejected``; a
relation they do not state ("linked to ...") drops it. A
dropped sentence goes to ``rejected`` with its reason. When the model gives no valid answer
or no sentence survives, the brief shows the code-written summary (``render.bottom_line``)
and ``run.bottom_line`` says why; the brief's body does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .claims import unsupported_claims
from .cues import states_a_view
from .dates import calendar_dates
from .errors import InvalidAnswerError
from .llm import ChatClient
from .models import (
    Actor,
    BottomLineAnswer,
    BottomLineDraft,
    BottomLineSentence,
    Event,
    FactSheet,
    Position,
    Rejected,
    Risk,
)
from .names import names_actor
from .prompting import render_prompt
from .render import fact_order, most_prominent, stance_label

# Five sentences of thirty words with their labels fit; the embedded model writes about nine
# tokens a second, so this bounds the question to well under a minute.
MAX_TOKENS = 320
# The most facts of each kind the question lists (the most prominent), so that its prompt
# stays short however many sources there are. With sentence citations a fact's text is its
# whole sentence, so each listed fact costs the embedded model about half a second to read.
MAX_POSITIONS, MAX_RISKS, MAX_EVENTS = 6, 3, 3
# The most sentences asked for: an editor reads the bottom line first, in seconds.
MAX_SENTENCES = 3

# A model's own citation marks inside a sentence, e.g. "(P1)" or "[P1, R2]": code adds the
# real citations, so these are removed.
_INLINE_LABELS = re.compile(r"\s*[\[(]\s*[PRE]\d{1,3}(?:\s*[,;/]\s*[PRE]\d{1,3})*\s*[\])]")
_WHITESPACE = re.compile(r"\s+")
# Words that state a cause: a sentence may use one only where its facts do.
_CAUSE = re.compile(
    r"\b(?:because|due to|owing to|as a result|therefore|thus|hence|leading to|resulting in"
    r"|caused by|in order to)\b",
    re.IGNORECASE,
)
# Words that tie one thing to another as its source or cause, inside a clause ("have been
# linked to the actions of Iran's chief prosecutor"): a sentence may use them only where its
# facts do, and cutting them would leave no clause.
_RELATION = re.compile(
    r"\b(?:(?:linked|tied|connected)\s+(?:to|with)|blamed\s+on|attributed\s+to"
    r"|responsible\s+for)\b",
    re.IGNORECASE,
)
# Words a source put in quotation marks, and the words of any text, for comparing the two.
_QUOTATION = re.compile(r"[\"“”]([^\"“”\n]+)[\"“”]")
_WORDS = re.compile(r"\w+(?:'\w+)?")
# A sentence that repeats a run of this many words of a quotation quotes it.
_QUOTED_END_WORDS = 3
# A date right after the word it belongs to ("ended in 2017", "was created in December 2019"),
# where a clause ends (a fact's word of the same stem must stand in the date's clause), and
# words that bind no date.
_DATED_WORD = re.compile(r"\b([A-Za-z]{3,})\s+(?:in|on|since|by|until|from|during)\s+(?:the\s+)?$")
_CLAUSE_BOUNDARY = re.compile(
    r"[,;:]|\b(?:that|which|who|whom|whose|while|whereas|but|and)\b", re.IGNORECASE
)
# A full stop right after a comma or a word that cannot end a sentence: the schema's pattern
# closed the sentence where its length bound fell, mid-phrase.
_FORCED_STOP = re.compile(
    r"(?:[,;:]|\b(?:and|or|but|nor|the|a|an|of|than|its|their|whose))\s*[.!?]$", re.IGNORECASE
)
_UNBOUND = frozenset("was were is are be been being has have had and but that which also".split())
_PRONOUNS = frozenset("this that these those it its we they he she i our their his her".split())

Fact = Position | Risk | Event


@dataclass(frozen=True)
class BottomLine:
    """What the question gave: the sentences kept, those dropped, and ``run.bottom_line``.

    ``rejected`` also lists each clause cut from a kept sentence; ``cut`` counts those."""

    sentences: list[BottomLineSentence]
    rejected: list[Rejected]
    status: str
    cut: int = 0


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _own_text(fact: Fact) -> str:
    """The fact's own words: a position's summary, a risk's or an event's description."""
    return fact.summary if isinstance(fact, Position) else fact.description


def _fact_text(fact: Fact, actors: dict[str, Actor]) -> str:
    """A fact as the question lists it: who or when, then its short text."""
    if isinstance(fact, Position):
        return f"{actors[fact.actor_id].name} ({stance_label(fact)}): {_one_line(fact.summary)}"
    if isinstance(fact, Risk):
        raised_by = ", ".join(actors[actor_id].name for actor_id in fact.raised_by)
        return f"Risk raised by {raised_by}: {_one_line(fact.description)}"
    return f"{fact.date}: {_one_line(fact.description)}"


def fact_lines(listed: dict[str, Fact], actors: dict[str, Actor]) -> list[tuple[str, str]]:
    """The question's lines: a label (or labels) and its text.

    Facts with the same text share one line, so a sentence that is both an actor's position
    and the risk it raises, or two actors' positions, is read once (with sentence citations,
    each of the three risks listed for the seeds cites a listed position's sentence):
    ``P2, R1. Amara Okafor (opposes, warns of a risk): ...``. A risk raised by no actor of the
    line's positions keeps its own words, ``risk raised by ...``; an event gives its date.
    """
    groups: dict[str, list[tuple[str, Fact]]] = {}
    for label, fact in listed.items():
        text = _one_line(_own_text(fact))
        groups.setdefault(text, []).append((label, fact))
    lines: list[tuple[str, str]] = []
    for text, group in groups.items():
        if len(group) == 1:
            label, fact = group[0]
            lines.append((label, _fact_text(fact, actors)))
            continue
        facts = [fact for _, fact in group]
        speakers = {fact.actor_id for fact in facts if isinstance(fact, Position)}
        warners = {
            actor_id
            for fact in facts
            if isinstance(fact, Risk) and set(fact.raised_by) <= speakers
            for actor_id in fact.raised_by
        }
        parts: list[str] = []
        for fact in facts:
            if isinstance(fact, Position):
                warns = ", warns of a risk" if fact.actor_id in warners else ""
                parts.append(f"{actors[fact.actor_id].name} ({stance_label(fact)}{warns})")
            elif isinstance(fact, Risk) and not set(fact.raised_by) <= speakers:
                raised_by = ", ".join(actors[actor_id].name for actor_id in fact.raised_by)
                parts.append(f"risk raised by {raised_by}")
            elif isinstance(fact, Event):
                parts.append(fact.date)
        header = "; ".join(dict.fromkeys(parts))
        lines.append(
            (", ".join(label for label, _ in group), f"{header[:1].upper()}{header[1:]}: {text}")
        )
    return lines


def _actors_of(fact: Fact, actors: dict[str, Actor]) -> list[Actor]:
    """Who holds a position or raises a risk; no one for an event."""
    if isinstance(fact, Position):
        return [actors[fact.actor_id]]
    return [actors[actor_id] for actor_id in fact.raised_by] if isinstance(fact, Risk) else []


def _support(fact: Fact, actors: dict[str, Actor]) -> list[str]:
    """Everything a sentence may take specifics from: the fact's text, its actors' names and
    aliases, its date, and its verified quotes."""
    names = [name for actor in _actors_of(fact, actors) for name in (actor.name, *actor.aliases)]
    quotes = [ev.quote for ev in fact.evidence]
    return [_fact_text(fact, actors), *names, *quotes]


def _label(text: str) -> str:
    """``P1`` from what a small model may write for it: ``p1``, ``[P1]``, ``P 1``."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def verify_sentence(
    draft: BottomLineDraft, listed: dict[str, Fact], actors: dict[str, Actor], topic: str
) -> BottomLineSentence | Rejected:
    """Keep the sentence if its labels name listed facts that state all its specifics."""
    return _verify(draft, listed, actors, topic)[0]


def _verify(
    draft: BottomLineDraft, listed: dict[str, Fact], actors: dict[str, Actor], topic: str
) -> tuple[BottomLineSentence | Rejected, str | None]:
    """``verify_sentence``'s verdict, and the clause cut off a kept sentence, if any."""
    text = _one_line(_INLINE_LABELS.sub("", draft.sentence))
    cut_off = None
    labels = list(dict.fromkeys(_label(label) for label in draft.facts))
    unknown = [label for label in labels if label not in listed]
    if unknown:
        return _rejected(draft, f"cites facts that were not listed: {', '.join(unknown)}"), None
    if not re.search(r"[.!?][\"'”’)]*$", text) or _FORCED_STOP.search(text):
        # A sentence cut off mid-clause ("..., the press note is issued by the Ministry,"), or
        # closed there by a full stop the schema forced at its length bound ("... and the
        # United Nations recently,.", "... on global network security, human and.").
        return _rejected(draft, "the sentence is unfinished"), None
    echoed = _echoes_the_question(text)
    if echoed:
        return _rejected(draft, f"repeats the question's own words ({echoed!r})"), None
    twice = _said_twice(text)
    if twice:
        return _rejected(draft, f"says {twice!r} twice"), None
    support = "\n".join(
        [topic, *(part for label in labels for part in _support(listed[label], actors))]
    )
    cause = _CAUSE.search(text)
    if cause and not re.search(rf"\b{re.escape(cause.group(0))}\b", support, re.IGNORECASE):
        # The question forbids it; a small model still writes "X opposes it due to Y". The
        # clause from the connective on is cut; a sentence that opens with it is dropped.
        kept = text[: cause.start()].rstrip(" ,;:-–—")
        if len(kept.split()) < 4:
            reason = f"links facts by a cause ({cause.group(0)!r}) they do not state"
            return _rejected(draft, reason), None
        cut_off = text[cause.start() :]
        text = kept + "."
    relation = _RELATION.search(text)
    if relation and not re.search(rf"\b{re.escape(relation.group(0))}\b", support, re.IGNORECASE):
        # "The incidents of poisoning schoolgirls in Iran have been linked to the actions of
        # Iran's chief prosecutor", of a prosecutor who "suggested ... that the incidents
        # could be deliberate".
        reason = f"ties facts by a relation ({relation.group(0)!r}) they do not state"
        return _rejected(draft, reason), None
    uncited = _words_of_an_uncited_fact(text, labels, listed, actors, topic)
    if uncited:
        # The words are that fact's: it is cited too, if the sentence gives them to whom
        # the fact does (its actors, or those an event's text names), or to no one.
        fact = listed[uncited]
        people = _actors_of(fact, actors) or [
            actor for actor in actors.values() if _names(_own_text(fact), [actor])
        ]
        if people and not _names(text, people) and _names(text, list(actors.values())):
            reason = (
                f"gives the words of {people[0].name!r} ({uncited}), which it does not cite, "
                "to others"
            )
            return _rejected(draft, reason), None
        return _verify(
            draft.model_copy(update={"facts": [*labels, uncited]}), listed, actors, topic
        )
    foreign = sorted({ch for ch in text if ord(ch) > 127 and ch.isalpha() and ch not in support})
    if foreign:
        # A small model drifts into another script mid-sentence ("... the UN cybercrime 条约").
        reason = f"writes letters the facts do not contain: {''.join(foreign)}"
        return _rejected(draft, reason), None
    missing = unsupported_claims(text, support)
    if missing:
        reason = f"states what the facts it cites do not: {', '.join(missing)}"
        return _rejected(draft, reason), None
    novel = _novel_words(text, support)
    if len(novel) >= _NOVEL_WORDS:
        reason = f"says more than the facts it cites: {', '.join(novel)}"
        return _rejected(draft, reason), None
    mistitled = _mistitled(text, support)
    if mistitled:
        return _rejected(draft, f"gives {mistitled!r} a title its facts do not"), None
    misstated = _misstated_stance(text, [listed[label] for label in labels], actors)
    if misstated:
        return _rejected(draft, misstated), None
    misdated = _misdated(text, support)
    if misdated:
        reason = f"ties {misdated[1]!r} to {misdated[0]!r}, which its facts do not"
        return _rejected(draft, reason), None
    cut = _cut_quotation(text, support)
    if cut:
        reason = f"quotes only part of {cut!r}, which can change its meaning"
        return _rejected(draft, reason), None
    borrowed = _words_of_the_unnamed(text, [listed[label] for label in labels], actors, topic)
    if borrowed:
        reason = f"gives the words of {borrowed!r}, whom it does not name, to those it names"
        return _rejected(draft, reason), None
    unattributed = _a_view_as_fact(text, [listed[label] for label in labels], actors)
    if unattributed:
        reason = f"states the view of {unattributed!r} as fact, naming no one who holds it"
        return _rejected(draft, reason), None
    resting = [label for label in labels if _rests_on(text, listed[label], actors, topic)]
    if resting and len(resting) < len(labels):
        # The small model cites facts a sentence does not use ("The risk raised by Amara Okafor
        # is ..." citing two timeline rows); their notes would be shown as support. The
        # sentence keeps only the facts it shares a word with, if it still passes on them.
        narrower, narrower_cut = _verify(
            draft.model_copy(update={"facts": resting}), listed, actors, topic
        )
        if isinstance(narrower, BottomLineSentence):
            return narrower, narrower_cut
    sentence = BottomLineSentence(text=text, fact_ids=[listed[label].id for label in labels])
    return sentence, cut_off


# Words too common to show what a sentence rests on.
_COMMON = frozenset(
    "that this these those with from have been were will would could should their there they "
    "them which while about also said says more than into over other such only risk risks "
    "raise raised raises support supports oppose opposes concern concerned concerns".split()
)


def _content_words(text: str) -> set[str]:
    return {_stem(w) for w in _words(text) if (len(w) >= 4 or w.isdigit()) and w not in _COMMON}


# How many content words none of its facts has make a sentence say more than they do: the
# embedded model wrote "... said Flynn would not comply with Senate subpoenas, which is a
# violation of his constitutional rights" and "Adam Sharp ... warned against protecting
# account credentials", where a paraphrase brings in a word or two.
_NOVEL_WORDS = 3


def _novel_words(text: str, support: str) -> list[str]:
    """The sentence's content words, as stems, that the facts it rests on lack."""

    def stems(words: str) -> set[str]:
        # (a possessive's stem, "administration'", stemmed again as its noun)
        return {_stem(re.sub(r"'s?$", "", word)) for word in _content_words(words)}

    return sorted(stems(text) - stems(support))


# The words a sentence must share with a position or a risk whose actor it does not name.
_SHARED_WORDS = 3


def _rests_on(text: str, fact: Fact, actors: dict[str, Actor], topic: str) -> bool:
    """Whether ``text`` uses the fact: shares a word with it (its text, date, actors or quotes)
    that the topic does not have; the question's framing ("Risk raised by", a label) is no
    word of the fact's. A position or a risk needs its actor named or three such words: the
    embedded model cited Minister Berg's "the text agreed by the UN Ad Hoc Committee ... they
    have long lacked" for the Digital Rights Coalition's call to withhold consensus from "any
    text that lacks binding human-rights conditions", two plain words in common."""
    date = fact.date if isinstance(fact, Event) else ""
    words = _content_words("\n".join([_own_text(fact), date, *_support(fact, actors)[1:]]))
    shared = (_content_words(text) & words) - _content_words(topic)
    if isinstance(fact, Event):
        return bool(shared)
    return _names(text, _actors_of(fact, actors)) or len(shared) >= _SHARED_WORDS


def _words_of_the_unnamed(
    text: str, facts: list[Fact], actors: dict[str, Actor], topic: str
) -> str | None:
    """The actor of a cited position or risk whose words the sentence uses (three words of
    its fact the topic and the named actors' facts do not have) without naming it, while it
    names another cited actor: the embedded model wrote "The National Rifle Association
    opposes ..., threatening to file articles of impeachment ..." citing the NRA's position
    and Representative Steve Stockman's, whose threat it was. None when the sentence names no
    cited actor ("Several lawmakers warn ...") or every one whose words it uses. A fact's
    actor is named too by the words its own text opens with ("The tech industry, represented
    by groups like the Cybersecurity Tech Accord, has expressed ...")."""
    named = [
        fact
        for fact in facts
        if _names(text, _actors_of(fact, actors)) or _names_its_opening(text, _own_text(fact))
    ]
    if not named:
        return None
    own = _content_words(topic)
    for fact in named:
        own |= _content_words("\n".join(_support(fact, actors)))
    used = _content_words(text) - own
    for fact in facts:
        people = _actors_of(fact, actors)
        if not people or fact in named:
            continue
        if len(used & _content_words("\n".join(_support(fact, actors)))) >= _SHARED_WORDS:
            return people[0].name
    return None


def _a_view_as_fact(text: str, facts: list[Fact], actors: dict[str, Actor]) -> str | None:
    """The actor of the first cited fact, when every cited fact is someone's position or risk
    and the sentence names none of them and shows no one's view (no verb of saying or of
    taking a side): it states their view as the brief's own ("The firing of Peter Strzok
    was politically motivated, ..." citing only what Mr. McCabe said of his own firing).
    None for a sentence that says who holds it, or that someone does ("Several lawmakers
    warn ...", "Some threatened to ..."), or that cites an event."""
    people = [_actors_of(fact, actors) for fact in facts]
    if not facts or not all(people) or states_a_view(text):
        return None
    if any(_names(text, actors_of) for actors_of in people):
        return None
    return people[0][0].name


def _words_of_an_uncited_fact(
    text: str, labels: list[str], listed: dict[str, Fact], actors: dict[str, Actor], topic: str
) -> str | None:
    """The label of a listed fact the sentence does not cite whose words it uses (three words
    neither its cited facts nor the topic have): the embedded model wrote "Speaker John A.
    Boehner supports allowing undocumented immigrants to stay in the U.S., but stops short of
    calling for a path to citizenship." citing Boehner's position and Bloomberg's, in the
    words of an event it did not cite, where Kevin McCarthy "said Tuesday that he would
    support allowing undocumented immigrants to stay in the U.S., but stopped short of ...";
    and "The United Nations recently adopted a global cybercrime convention, sparking intense
    debates ..." citing two timeline rows, in the words of the United Nations' position.
    """
    cited = [part for label in labels for part in _support(listed[label], actors)]
    used = _content_words(text) - _content_words("\n".join([topic, *cited]))
    for label, fact in listed.items():
        if label in labels:
            continue
        if len(used & _content_words("\n".join(_support(fact, actors)))) >= _SHARED_WORDS:
            return label
    return None


# The most words of a fact's opening phrase read as its subject.
_SUBJECT_WORDS = 4


def _names_its_opening(text: str, fact_text: str) -> bool:
    """Whether ``text`` has every content word of the phrase ``fact_text`` opens with: up to
    its first comma when that comes within four words ("The tech industry, ..."), else its
    first three words. The subject as the fact's source wrote it."""
    head = fact_text.split(",", 1)[0].split()
    opening = head if len(head) <= _SUBJECT_WORDS else head[: _SUBJECT_WORDS - 1]
    words = _content_words(" ".join(opening))
    return bool(words) and words <= _content_words(text)


def _names(text: str, named: list[Actor]) -> bool:
    """Whether ``text`` names one of the actors, by its name or an alias."""
    return any(
        names_actor(name, actor.kind, text)
        for actor in named
        for name in (actor.name, *actor.aliases)
    )


# The question's framing of a risk, which a small model copies as a sentence's opening.
_RISK_FRAMING = re.compile(r"^\W*risk raised by\b", re.IGNORECASE)
# A run of this many words of the question's instructions in a sentence echoes them.
_ECHOED_WORDS = 5


@lru_cache(maxsize=1)
def _instruction_words() -> list[str]:
    return _words(render_prompt("bottom_line_system.j2"))


def _echoes_the_question(text: str) -> str | None:
    """The question's words a sentence repeats instead of stating facts: the embedded model
    wrote "The few sentences an editor reads first are the ones that state ..." and "Risk
    raised by Justice Stephen G. Breyer: But Justice ... said ...", a fact's line copied."""
    framing = _RISK_FRAMING.search(text)
    if framing:
        return framing.group(0).strip(" \"'“")
    instructions = _instruction_words()
    start, end = _longest_run(instructions, _words(text))
    return " ".join(instructions[start:end]) if end - start >= _ECHOED_WORDS else None


# Words that give an actor's side: for, against (a warning is neither).
_FOR_WORDS = re.compile(
    r"\b(?:support|back|welcom|endors|favou?r|prais|champion|defend)\w*", re.IGNORECASE
)
_AGAINST_WORDS = re.compile(
    r"\b(?:oppos|reject|against|criticis|criticiz|condemn|denounc|object|resist)\w*",
    re.IGNORECASE,
)


# Where one side of a sentence ends and another begins: "X opposes it, while Y supports it".
_CONTRAST = re.compile(
    r"\s*(?:;|\s[-–—]\s|,?\s+\b(?:while|whereas|but|although|though|yet|however)\b,?)\s*",
    re.IGNORECASE,
)


def _sides(text: str, names: Sequence[str] = ()) -> tuple[bool, bool]:
    """Whether ``text`` has words of being for, and words of being against, outside the
    ``names`` it holds ("the Global Initiative against Transnational Organized Crime" takes
    no side by its name)."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return bool(_FOR_WORDS.search(text)), bool(_AGAINST_WORDS.search(text))


def _misstated_stance(text: str, facts: list[Fact], actors: dict[str, Actor]) -> str | None:
    """Why the sentence gives a cited position's actor a side its stance does not, or None.

    The embedded model wrote "Microsoft supports the draft ..." from a position listed as
    "disputed: supports / opposes": a disputed stance may not be stated at all. Otherwise an
    actor's side is read from the clause that names it ("Okafor opposes the treaty, while
    Microsoft supports it": the embedded model's words, of a Microsoft that opposes): words for
    one side only may not name an actor of the other, nor an actor whose stance is concerned as
    being for.
    """
    names = [name for actor in actors.values() for name in (actor.name, *actor.aliases)]
    if not any(_sides(text, names)):
        return None
    clauses = [clause for clause in _CONTRAST.split(text) if clause]
    for fact in facts:
        if not isinstance(fact, Position):
            continue
        actor = actors[fact.actor_id]
        if not _names(text, [actor]):
            continue
        if fact.stance_check == "disputed":
            return f"states a side for {actor.name!r}, whose stance is disputed"
        for window in [clause for clause in clauses if _names(clause, [actor])] or [text]:
            says_for, says_against = _sides(window, names)
            if fact.stance == "supports" and says_against and not says_for:
                return f"puts {actor.name!r} against, while its stance is supports"
            if fact.stance in ("opposes", "concerned") and says_for and not says_against:
                return f"puts {actor.name!r} in favour, while its stance is {fact.stance}"
    return None


# A title, written out (``_full_titles`` has replaced "Sen.", "Rep." and "Gov.").
_TITLE = (
    r"(?:(?:Vice|Prime|Deputy|Chief)\s+)?(?:President|Minister|Senator|Representative|Governor"
    r"|Mayor|Speaker|Justice|Judge|Secretary|Chancellor|Ambassador)"
)
# A title before a name: "Vice President Fox", "Senator Ana Park".
_TITLED_NAME = re.compile(rf"\b({_TITLE})\s+((?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]+)")
# A title after a name, between commas: "Jason Baron, a former Florida Governor,".
_NAME_TITLED = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+),\s+(?:a|an|the)\s+(?:former\s+|current\s+)?"
    rf"(?:[A-Z][\w.'’-]*\s+){{0,2}}({_TITLE})\b"
)
_ABBREVIATED_TITLES = {"Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor"}


def _full_titles(text: str) -> str:
    for short, full in _ABBREVIATED_TITLES.items():
        text = text.replace(short, full)
    return text


def _mistitled(text: str, support: str) -> str | None:
    """A title and name the sentence gives ("Vice President Fox", the embedded model's words
    for Vicente Fox, a former president of Mexico, beside Vice President Joe Biden) where its
    facts give that person no such title, before the name ("Former Mexican President Vicente
    Fox") or after it ("Joe Biden, the vice president"); else None."""
    support = _full_titles(support)
    text = _full_titles(text)
    titled = [(found, found.group(1), found.group(2)) for found in _TITLED_NAME.finditer(text)]
    # (or after it: "Jason Baron, a former Florida Gov., expressed concerns", of a lawyer
    # beside "Former Florida Gov. Jeb Bush")
    titled += [(found, found.group(2), found.group(1)) for found in _NAME_TITLED.finditer(text)]
    for found, title_words, name in titled:
        title = r"\s+".join(title_words.split())
        surname = _POSSESSIVE_END.sub("", name.split()[-1])
        # ("President Biden" is not "Vice President Joe Biden")
        before = (
            rf"(?<!Vice )(?<!Prime )(?<!Deputy )(?<!Chief )\b{title}\s+"
            rf"(?:[A-Z][\w.'’-]*\s+){{0,3}}{re.escape(surname)}\b"
        )
        after = (
            rf"\b{re.escape(surname)},\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,3}}?"
            rf"(?<![Vv]ice )(?<![Pp]rime )(?<![Dd]eputy )(?<![Cc]hief )(?i:{title})\b"
        )
        if not (re.search(before, support) or re.search(after, support)):
            return " ".join(found.group(0).split())
    return None


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _misdated(text: str, support: str) -> tuple[str, str] | None:
    """A word and the date the sentence ties to it ("ended in 2017") where no fact has that
    date in a clause with a word of the same stem.

    The embedded model wrote "The drafting process ... ended in 2017" from "The agreement ends
    a drafting process that began with a proposal from Russia in 2017": the year and every
    word are in the fact, and the sentence is false. Only a date right after "<word> in / on /
    since / by / until / from" is checked; a date elsewhere in the sentence binds to nothing
    this can read. In the facts the word must stand in the date's own clause ("began with a
    proposal from Russia in 2017"), before or after the date.
    """
    lines = support.lower().split("\n")
    for start, end in calendar_dates(text):
        tied = _DATED_WORD.search(text, 0, start)
        if not tied or tied.group(1).lower() in _UNBOUND:
            continue
        stem = _stem(tied.group(1).lower())
        date = text[start:end].lower()
        windows = [
            _clause_around(line, found.start(), found.end())
            for line in lines
            for found in re.finditer(rf"(?<!\w){re.escape(date)}(?!\w)", line)
        ]
        if windows and not any(
            _stem(word).startswith(stem) or stem.startswith(_stem(word))
            for window in windows
            for word in window
            if len(_stem(word)) >= 3
        ):
            return tied.group(1), text[start:end]
    return None


def _clause_around(line: str, start: int, end: int) -> list[str]:
    """The words of the clause ``line[start:end]`` (a date) stands in: back to the last clause
    boundary before it, and on to the first one after it (a comma right after it excepted)."""
    before = line[:start]
    bounds = list(_CLAUSE_BOUNDARY.finditer(before))
    if bounds:
        before = before[bounds[-1].end() :]
    after = line[end:].lstrip(" ,")
    bound = _CLAUSE_BOUNDARY.search(after)
    return _words(before) + _words(after[: bound.start()] if bound else after)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _cut_quotation(text: str, support: str) -> str | None:
    """A quotation in the facts that ``text`` repeats only in part, and so may misstate.

    The embedded model wrote that Microsoft "stated ... that no outcome is better", leaving out
    "than a bad outcome": every word is in the facts, and the meaning is reversed. A sentence
    may not drop a quotation's end; it may drop its start only where that start is pronouns
    the sentence replaces with whom they stand for ("This is a surveillance treaty ..." as "the
    convention is a surveillance treaty ...").
    """
    words = _words(text)
    for quotation in _QUOTATION.findall(support):
        quoted = _words(quotation)
        start, end = _longest_run(quoted, words)
        if end - start < _QUOTED_END_WORDS or end - start == len(quoted):
            continue  # not quoted, or quoted whole
        if end < len(quoted) or set(quoted[:start]) - _PRONOUNS:
            shown = str(quotation).strip(" ,.;:")
            return shown if len(shown) <= 120 else shown[:119].rstrip() + "…"
    return None


def _words(text: str) -> list[str]:
    """Lower-case words; a curly apostrophe is a straight one ("It’s" and "it's")."""
    return _WORDS.findall(text.lower().replace("’", "'"))


def _longest_run(quoted: list[str], words: list[str]) -> tuple[int, int]:
    """Where in ``quoted`` the longest run of words lies that ``words`` also has in a row, as
    (start, end); (0, 0) when they share no word. Time grows with the product of the two
    lengths, not faster, however long the quotation."""
    best = (0, 0)
    previous = [0] * (len(words) + 1)
    for end, quoted_word in enumerate(quoted, 1):
        current = [0] * (len(words) + 1)
        for position, word in enumerate(words, 1):
            if word == quoted_word:
                current[position] = previous[position - 1] + 1
                if current[position] > best[1] - best[0]:
                    best = (end - current[position], end)
        previous = current
    return best


# A run of this many words of an earlier sentence repeats it.
_REPEATED_WORDS = 8


# A run of this many words said twice in one sentence is a small model looping: "Phillip
# Swadling, technical director of avionics at Thales, says 'UTM solutions are essential,' says
# Phillip Swadling, technical director of avionics at Thales."
_TWICE_WORDS = 6


def _said_twice(text: str) -> str | None:
    """The first run of ``_TWICE_WORDS`` words the sentence says twice, if any."""
    words = [word.lower() for word in _words(text)]
    seen: set[tuple[str, ...]] = set()
    for at in range(len(words) - _TWICE_WORDS + 1):
        run = tuple(words[at : at + _TWICE_WORDS])
        if run in seen:
            return " ".join(run)
        seen.add(run)
    return None


def _repeats(text: str, earlier: str) -> bool:
    words, earlier_words = _words(text), _words(earlier)
    start, end = _longest_run(earlier_words, words)
    return words == earlier_words or end - start >= min(_REPEATED_WORDS, len(words))


def _rejected(draft: BottomLineDraft, reason: str) -> Rejected:
    return Rejected(
        kind="bottom_line",
        source_id=None,
        draft={"sentence": draft.sentence, "facts": ", ".join(draft.facts)},
        reason=reason,
    )


def write_bottom_line(client: ChatClient, sheet: FactSheet) -> BottomLine:
    """Ask for the bottom line of ``sheet`` and keep the sentences its facts support."""
    order = fact_order(sheet)
    prominent: list[Fact] = [
        *most_prominent(order.positions, MAX_POSITIONS),
        *most_prominent(order.risks, MAX_RISKS),
        *most_prominent(order.events, MAX_EVENTS),
    ]
    chosen = {fact.id for fact in prominent}
    listed: dict[str, Fact] = {
        label: fact for label, fact in order.labelled().items() if fact.id in chosen
    }
    if not listed:
        return BottomLine([], [], "code: no verified facts")
    actors = {actor.id: actor for actor in sheet.actors}
    most = min(MAX_SENTENCES, len(listed))
    messages = [
        {"role": "system", "content": render_prompt("bottom_line_system.j2")},
        {
            "role": "user",
            "content": render_prompt(
                "bottom_line_user.j2",
                topic=sheet.topic,
                facts=fact_lines(listed, actors),
                least=min(2, most),
                most=most,
            ),
        },
    ]
    try:
        answer, _ = client.ask(messages, BottomLineAnswer, max_tokens=MAX_TOKENS, shared=1)
    except InvalidAnswerError:
        return BottomLine([], [], "code: the model gave no valid answer")
    kept: list[BottomLineSentence] = []
    rejected: list[Rejected] = []
    cut = 0
    for draft in answer.sentences:
        verdict, cut_off = _verify(draft, listed, actors, sheet.topic)
        if isinstance(verdict, Rejected):
            rejected.append(verdict)
        elif any(_repeats(verdict.text, sentence.text) for sentence in kept):
            # Small models loop: a sentence repeated, whole or in a long part ("... raised
            # risks of undermining these concerns." closing two sentences), is listed once.
            rejected.append(_rejected(draft, "repeats an earlier sentence"))
        else:
            kept.append(verdict)
            if cut_off:
                # Listed, so the review shows what the brief's sentence left out.
                reason = "a cause its facts do not state was cut from the kept sentence"
                rejected.append(_rejected(draft, f"{reason}: {cut_off!r}"))
                cut += 1
    if not kept:
        return BottomLine([], rejected, "code: no sentence passed verification")
    return BottomLine(kept, rejected, "model", cut)
