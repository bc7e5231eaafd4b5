"""What sort of actor a drafted name is, read by code from the name and its source's text.

With sentence citations the model writes only who, the sentence's number and the label; the
kind of actor, which grounding and consolidation read (a person is named again by surname
alone, a body by its acronym or "the coalition"), is read here instead. The kind cost five
generated tokens per position, a fifth of the extraction's answer on two cores. Over the
2,491 positions the embedded model drafted for BASIL events 11 to 100 these rules and the
model agree on who is a person for 96% of them, and where they differ the model is as often
wrong ("Republican senators" a person, "Andrew Breitbart" an organisation).

The name is read first: a title, a role, a country or state, the words of a government, a
company or a body, a group written in lower case, an acronym. Then the source: a one-word
name is a person where the source gives it a title or a given name ("Mr. Schumer", "Chuck
Schumer"), and None (unknown, as for a risk's raiser) where it does not; a longer name of
capitalized words is a person unless the source names it as a body ("the Cybersecurity Tech
Accord", "president of Third Way").
"""

from __future__ import annotations

import re

from .consolidate import (
    TITLE_TO_COME,
    country_of,
    has_title,
    institution_words,
    names_an_office,
)
from .countries import US_STATES
from .given_names import is_given_name
from .models import ActorKind

__all__ = ["actor_kind"]

_GOVERNMENT_WORDS = frozenset(
    """
    government governments ministry ministries department administration parliament congress
    senate cabinet kremlin authorities police military army navy commission council assembly
    court courts judiciary agency embassy legislature delegation delegations regime treasury
    presidency
    """.split()
)
_COMPANY_WORDS = frozenset(
    "inc corp corporation ltd llc plc co company companies bank banks firm firms".split()
)
# A body's words beyond those consolidation already reads as an institution's
# (``institution_words``: "association", "committee", "party", ...).
_BODY_WORDS = frozenset(
    """
    organization organisation organizations organisations coalition alliance network watch
    accord initiative federation league society forum project fund movement trust board
    chamber times post journal news press magazine pollster
    """.split()
)
# A person named by a role ("Clinton's lawyer", "a senior administration official"); in the
# plural, a group ("Republican senators").
_ROLE_WORDS = frozenset(
    """
    official lawyer attorney spokesman spokeswoman spokesperson aide adviser advisor manager
    executive director chairman chairwoman chair president founder leader analyst expert
    professor researcher economist senator congressman congresswoman representative reporter
    correspondent editor host anchor strategist consultant prosecutor judge father mother
    daughter son wife husband brother sister secretary minister ambassador envoy governor
    mayor candidate nominee commentator columnist activist advocate lawmaker writer agent
    chief head officer counsel staffer deputy negotiator lobbyist organizer organiser
    """.split()
)
_WORD = re.compile(r"[^\W_][\w'’&.-]*")
# A word before a surname that makes it a person's: a title, or a capitalized word that
# is no sentence's opening function word ("Chuck Schumer", "President Obama").
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Governor|Minister|Secretary|Judge"
    r"|Justice|Mayor|Speaker|Congressman|Congresswoman|Representative)\.?\s+$"
)
_GIVEN_BEFORE = re.compile(
    r"\b(?!(?:The|A|An|But|And|When|If|As|In|On|At|After|Before|While|So|Then|Now|Today|This"
    r"|That|It|For|With|By|From|Of|To|Under|Over|Former|New|North|South|East|West)\b)"
    r"[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?$"  # a middle initial may follow: "Robert L. Wilkins"
)


def actor_kind(name: str, source_text: str) -> ActorKind | None:
    """The kind of the actor ``name``, drafted from ``source_text``; None when neither tells it
    (a name in one word the source never gives a title, a given name or a body's word), as
    for a risk's raiser."""
    name = TITLE_TO_COME.sub("", name)  # "House Speaker-to-be Nancy Pelosi" is a speaker
    words = _WORD.findall(name)
    if not words:
        return None
    lower = [word.lower().replace("’", "'").rstrip(".") for word in words]
    kind = _kind_by_name(name, words, lower)
    if kind is not None or not words[-1][:1].isupper():
        return kind or "group"  # lower case: "human rights advocates", "Western countries"
    if len(words) == 1:
        return "person" if _person_by_surname(words[0], source_text) else None
    if is_given_name(lower[0]) or (len(words) <= 4 and not _body_in(name, source_text)):
        return "person"  # "Maggie Gallagher", "Robert S. Mueller III": no body's words
    return "organisation"


def _kind_by_name(name: str, words: list[str], lower: list[str]) -> ActorKind | None:
    if lower[0] == "the" and len(words) > 1:
        return _body_kind(lower)  # "The Guardian", "The Hill": no person is "the"
    if lower[-1] in _ROLE_WORDS or _named_after_role(words, lower):
        return "person"
    if lower[-1].removesuffix("s") in _ROLE_WORDS:
        return "group"
    if has_title(name) and not names_an_office(name):
        return "person"
    if country_of(name, demonyms=False) is not None or " ".join(lower) in US_STATES:
        return "government"
    if (kind := _body_kind(lower)) != "organisation" or _BODY_WORDS.intersection(lower):
        return kind
    if institution_words(name) or "&" in name:
        return "organisation"
    if len(words) == 1 and (words[0].isupper() or "." in words[0][1:]):
        return "organisation"  # an acronym or a site: "NRA", "F.B.I.", "MoveOn.org"
    return None


def _named_after_role(words: list[str], lower: list[str]) -> bool:
    """Whether the name ends in a person's name after a role: "Washington Post reporter
    Robert Costa", "Judicial Watch Director of Investigations Chris Farrell"."""
    roles = [i for i, word in enumerate(lower[:-2]) if word in _ROLE_WORDS]
    if not roles:
        return False
    rest = words[roles[-1] + 1 :]
    name = rest[next((i for i, w in enumerate(rest) if is_given_name(w.lower())), len(rest) - 2) :]
    return 2 <= len(name) <= 3 and all(word[:1].isupper() for word in name)


def _body_kind(lower: list[str]) -> ActorKind:
    if _GOVERNMENT_WORDS.intersection(lower):
        return "government"
    return "company" if _COMPANY_WORDS.intersection(lower) else "organisation"


_AS_A_BODY = re.compile(
    rf"(?:\b[Tt]he|\b(?:{'|'.join(sorted(_ROLE_WORDS))})s?\s+(?:of|for|at)"
    # or named after what it is: "at the group Immigration Hub", "the advocacy group Color
    # of Change"
    r"|\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}?(?:group|organi[sz]ation|coalition|nonprofit"
    r"|non-profit|tank|firm|company|network|alliance|lobby|website|newspaper|magazine))\s+$"
)


def _body_in(name: str, text: str) -> bool:
    """Whether the text names ``name`` as a body: after "the" ("backed by the Cybersecurity
    Tech Accord"), as where someone holds a role ("president of Third Way", "a spokesman
    for Secure America Now"), or after what it is ("at the group Immigration Hub")."""
    return any(
        _AS_A_BODY.search(text, max(0, found.start() - 40), found.start())
        for found in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text)
    )


def _person_by_surname(word: str, text: str) -> bool:
    """Whether the text gives the one-word name a title or a given name before it, as it
    does a person's surname ("Sen. Schumer", "Chuck Schumer"), and not as the first word of
    a longer name ("Schumer Foundation")."""
    if len(word) < 3:
        return False
    for found in re.finditer(rf"(?<![\w'’.-]){re.escape(word)}(?![\w'’-])", text):
        before = text[max(0, found.start() - 16) : found.start()]
        if _TITLE_BEFORE.search(before):
            return True
        if _GIVEN_BEFORE.search(before) and not re.match(r"\s+[A-Z]", text[found.end() :]):
            return True
    return False
