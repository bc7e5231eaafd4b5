"""Merge grounded findings from every chunk and source into one set of facts, and find where
the sources disagree.

**Actors.** Every name a position or risk gives is read as words: case, punctuation, a leading
"the", possessives and dotted acronyms ("U.N." is "un") do not matter, and for people and
governments leading titles are dropped, with the place they are of ("Minister Jonas Berg" and
"Texas Governor Jonas Berg" are "jonas berg"). Names then join in two steps.

1. *Always*: the same words; or the same country in the forms ``<country>``, ``<demonym>
   government``, ``<country>'s government`` and ``government of <country>`` (the table is
   ``briefing.countries``; "Moscow" or "the Kremlin" are never taken for Russia); or a body
   and those who speak for it ("White House officials"), a US party and its members,
   nickname, lawmakers or leaders ("Republican Party", "Republicans", "GOP", "Republican
   lawmakers").
2. *Only when one actor fits*: a short form joins a fuller name -- an acronym its words
   ("HRW", "Human Rights Watch"), a surname a person's full name ("Berg", "Jonas Berg";
   "Mrs. Berg" only a woman's, where the given name tells), a given name alone that tells a
   sex and is no one's surname a person's full name ("his wife, Sandra"), a first and last
   name a name with middle names ("George Bush", "George W. Bush"; a "Jr." must be on both,
   unless it comes with a middle initial and no source names both forms: "Roger Stone" is
   "Roger J. Stone Jr.", or the sources show him as the one man of his surname: "Cesar Sayoc
   Jr."), a company's first words its name with a legal form ("Walmart", "Walmart Stores
   Inc."). A short form that fits two actors ("Clinton" beside "Hillary Clinton" and "Bill
   Clinton") stays an actor of its own: two people sharing a surname are never merged, and
   neither is guessed between.

The fullest name is shown; every other surface form is kept in ``Actor.aliases``.

**Facts.** One position per actor and stance, carrying all its evidence; the same span found
twice (in a chunk overlap) counts once, and a span found again under another stance joins the
position it was first found for. Risks merge when their evidence overlaps, their descriptions
are the same, or one raiser gives similar descriptions; events when their evidence overlaps or
they share a date and a similar description (or, for a date that gives its day, a word).
Every fact counts the sources behind it
(``support``). Ids are derived from content, so the same findings always get the same ids.

**Conflicts** (:func:`find_conflicts`, run after the stance check) are kept precise rather than
complete: an actor reported as supporting by one source and opposing by another (a disputed
stance is no evidence of either), and figures that count the same thing differently in two
sources' evidence (``briefing.figures`` says which figures compare).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from .claims import MONTHS, WEEKDAYS, word_stem
from .countries import COUNTRIES
from .figures import Figure, comparable, contradict, read_figures
from .given_names import Sex, full_given_name, is_given_name, sex_of_given_name
from .models import (
    Actor,
    ActorKind,
    Conflict,
    ConflictSide,
    Event,
    Evidence,
    Position,
    Risk,
)
from .names import (
    HONORIFICS,
    NAME_SUFFIXES,
    SEX_OF_TITLE,
    acronym,
    same_given_name,
    spelled,
    unaccented,
)

if TYPE_CHECKING:  # grounding reads kinds, which read names as consolidation does
    from .grounding import GroundedChunk, GroundedEvent, GroundedPosition, GroundedRisk

__all__ = [
    "BODY_ROLES",
    "TITLE_TO_COME",
    "actors_of_names",
    "consolidate",
    "country_of",
    "find_conflicts",
    "has_title",
    "institution_words",
    "match_keys",
    "merge_same_stance",
    "names_an_office",
    "same_actor",
    "same_event",
    "same_or_similar",
]

# --------------------------------------------------------------------------- names

# Titles dropped before a name, longest first so that "prime minister" goes as a whole.
_TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        {
            *(
                (title,)
                for title in (
                    "mr mrs ms miss mx dr prof sir dame lord lady president premier minister "
                    "secretary senator sen rep representative congressman congresswoman "
                    "governor gov chancellor chairman chairwoman chair mayor ambassador envoy "
                    "judge justice king queen prince princess pope sheikh emir gen general admiral "
                    "colonel col capt captain ceo spokesman spokeswoman spokesperson "
                    "commissioner former acting deputy interim speaker aide adviser advisor "
                    "strategist director manager hopeful candidate nominee contender "
                    "frontrunner front-runner challenger attorney counsel prosecutor lawyer "
                    "sheriff leader whip father rev reverend rabbi imam pastor bishop "
                    "archbishop cardinal agent"
                ).split()
            ),
            *(
                tuple(title.split())
                for title in (
                    "prime minister|vice president|secretary of state|secretary general|"
                    "attorney general|foreign minister|foreign secretary|finance minister|"
                    "interior minister|defense secretary|defence secretary|defence minister|"
                    "house speaker|chief justice|chief executive|supreme leader|first lady|"
                    "majority leader|minority leader|senate majority leader|"
                    "senate minority leader|president pro tem|president pro tempore|"
                    # an FBI agent's rank: "Special Agent Strzok"
                    "special agent|"
                    # a cabinet post by its formal name: "Secretary of the Interior Ryan Zinke"
                    "secretary of the interior|secretary of the treasury|secretary of defense|"
                    "secretary of homeland security|secretary of commerce|secretary of labor|"
                    "secretary of energy|secretary of agriculture|secretary of education|"
                    "secretary of transportation|secretary of veterans affairs|"
                    "secretary of health and human services|director of national intelligence"
                ).split("|")
            ),
        },
        key=lambda title: (-len(title), title),
    )
)
# Kinds whose names may start with a title, and that a person's short name may be given
# (a small model labels "Minister Berg" a government as often as a person).
_PERSONAL_KINDS: frozenset[ActorKind | None] = frozenset({"person", "government", None})
# Words that make a name an institution's, whatever kind a model gave it: "White House" is no
# person whose surname is "House", nor "University of Denver" one called "Denver".
_INSTITUTION_WORDS = frozenset(
    """
    house senate congress parliament assembly council committee commission court department
    ministry office agency bureau service administration government party campaign union
    association institute foundation university college school center centre group
    democrats republicans conservatives liberals police army navy forces
    """.split()
)
_CONNECTORS = frozenset({"of", "for", "and", "on", "to", "in", "at"})
_COUNTRY_INITIALS = {
    "us": ("united", "states"),
    "usa": ("united", "states"),
    "uk": ("united", "kingdom"),
}
_NAME_TOKEN = re.compile(r"[^\W_][\w&'’-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)


@dataclass(frozen=True)
class _Name:
    """A name as consolidation compares it."""

    words: tuple[str, ...]  # lower-case; no leading "the", possessive or title
    written: int  # words as written, less a leading "the": a title makes a fuller name
    office: tuple[str, ...] = ()  # the title of an office before the name ("attorney general")
    sex: Sex | None = None  # as a title ("Mrs.") or a given name ("Hillary") tells it
    lower_case: bool = False  # written so: "the rifle association" refers back to a body


# A title someone is about to hold is the title: "House Speaker-to-be Nancy Pelosi" is the
# "House Speaker Nancy Pelosi" of another outlet, "Representative-elect" a representative.
TITLE_TO_COME = re.compile(r"(?<=\w)-(?:elect|to-be|designate)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # the same forms are compared again and again
def _read_name(surface: str, kind: ActorKind | None) -> _Name:
    tokens = _join_initials(_NAME_TOKEN.findall(surface))
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    written = len(tokens)
    office: tuple[str, ...] = ()
    sex: Sex | None = None
    if kind in _PERSONAL_KINDS:
        tokens = [TITLE_TO_COME.sub("", token) for token in tokens]
        titled = tokens
        tokens = _drop_titles(tokens)
        dropped = [token.lower().rstrip(".") for token in titled[: len(titled) - len(tokens)]]
        office = tuple(word for word in dropped if word not in _NOT_OFFICES)
        sex = next((SEX_OF_TITLE[word] for word in dropped if word in SEX_OF_TITLE), None)
    # Words as grounding compares names (``spelled``): no possessive, and a hyphen inside a
    # word is spelling ("Wal-Mart" and "Walmart"); a curly apostrophe is a straight one.
    lower = [word for token in tokens if (word := spelled(unaccented(token.lower())))]
    # "government of the Russian Federation" reads as "government of russian federation".
    words = tuple(w for i, w in enumerate(lower) if not (w == "the" and lower[i - 1 : i] == ["of"]))
    # A country's initials begin a longer name as its words do: "U.S. Conference of Catholic
    # Bishops" is the "United States Conference of Catholic Bishops".
    if len(words) > 1 and tokens[0].isupper() and words[0] in _COUNTRY_INITIALS:
        words = (*_COUNTRY_INITIALS[words[0]], *words[1:])
    if kind == "person":
        words = _without_home(words, tokens)
    else:
        words = _head_last(words)
    if kind in _PERSONAL_KINDS and len(words) >= 2:
        sex = sex or sex_of_given_name(words[0])
        words = (full_given_name(words[0]), *words[1:])
    return _Name(words, written, office, sex, lower_case=" ".join(tokens).islower())


# Titles that say nothing of which office someone holds: "Mr. Trump" and "Mr. Trump Jr." may
# be father and son, where "Attorney General Eric Holder" and "Attorney General Eric H. Holder
# Jr." are one man.
_NOT_OFFICES = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady former father rev reverend rabbi imam".split()
)


def _without_home(words: tuple[str, ...], tokens: list[str]) -> tuple[str, ...]:
    """A person's name less the place it is "of": "Speaker John A. Boehner of Ohio" is John
    A. Boehner, as news writing gives a legislator's state after the name."""
    if "of" not in words or words.index("of") < 2 or len(words) != len(tokens):
        return words
    at = words.index("of")
    home = tokens[at + 1 :]
    if not home or not all(token[:1].isupper() for token in home):
        return words
    return words[:at]


# Heads a government body's name may open with "of" or close: "Department of the Treasury"
# and "Treasury Department", "Ministry of Defence" and "Defence Ministry".
_HEADS = ("department", "ministry")


def _head_last(words: tuple[str, ...]) -> tuple[str, ...]:
    """A body's name with its head after what it is of, as the shorter form writes it:
    "Department of the Treasury" reads "treasury department"; not where another "of" follows
    ("Ministry of Digital Affairs of the Republic of Veltra" is left as it is)."""
    for at, word in enumerate(words):
        if word in _HEADS and words[at + 1 : at + 2] == ("of",):
            rest = words[at + 2 :]
            if rest and "of" not in rest:
                return (*words[:at], *rest, word)
            break
    return words


def _join_initials(tokens: list[str]) -> list[str]:
    """Initials in a row become one word ("U.N." is "UN"); a lone one ("George W. Bush")
    stays."""
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        joined.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if token:
            joined.append(token)
    return joined


# Capitalized words a title may carry before it, naming its place or body: "Texas Governor
# Rick Perry", "Arizona State Sen. Russell Pearce", "Russian Foreign Minister Sergei Lavrov";
# and words of any case before a title that a full name follows: "Obama campaign deputy press
# secretary Ben Labolt".
_TITLE_QUALIFIERS_MAX = 3
_ROLE_WORDS_MAX = 5


def _drop_titles(tokens: list[str]) -> list[str]:
    """Leading titles, each followed by a capitalized word, with the capitalized words that
    qualify the first ("Texas Governor"): "Minister Jonas Berg" and "Texas Governor Jonas
    Berg" keep "Jonas Berg", "Minister of Digital Affairs" and "Prime Minister's Office" keep
    every word."""
    first = True
    while True:
        lower = [token.lower() for token in tokens]
        reach = _ROLE_WORDS_MAX if first else 0
        found = next(
            (
                at + len(title)
                for at in range(min(reach, len(tokens) - 1) + 1)
                for title in _TITLES
                if _title_at(tokens, lower, at, title)
                and _qualifies(tokens[:at], tokens[at + len(title) :])
            ),
            None,
        )
        if found is None:
            return tokens
        # After "Former" or "Acting" the title itself may come with its qualifiers again:
        # "Former FBI Director James Comey" is "James Comey".
        first = lower[found - 1] in _TITLE_MODIFIERS
        tokens = tokens[found:]


_TITLE_MODIFIERS = frozenset("former acting deputy interim".split())


def _qualifies(before: list[str], name: list[str]) -> bool:
    """Whether the words before a title go with it: a few capitalized ones ("Texas"), or a
    role's words before a full name ("Obama campaign deputy press" before "Ben Labolt")."""
    if len(before) <= _TITLE_QUALIFIERS_MAX and all(word[:1].isupper() for word in before):
        return True
    return 2 <= len(name) <= 4 and all(word[:1].isupper() for word in name)


def _title_at(tokens: list[str], lower: list[str], at: int, title: tuple[str, ...]) -> bool:
    """Whether ``title`` stands at ``at`` before a capitalized word that goes on the name, and
    the name is no institution's ("Justice Department" keeps its title word)."""
    end = at + len(title)
    return (
        tuple(lower[at:end]) == title
        and not _POSSESSIVE.search(tokens[end - 1])
        and len(tokens) > end
        and tokens[end][:1].isupper()
        and lower[end] not in _CONNECTORS
        and _INSTITUTION_WORDS.isdisjoint(lower[end:])
    )


def _country_forms() -> dict[tuple[str, ...], str]:
    """Each way of naming a country's government -> the country's first name."""
    forms: dict[tuple[str, ...], str] = {}
    for names, demonyms in COUNTRIES:
        canonical = names.split("|")[0]
        for name in names.split("|"):
            words = tuple(name.split())
            forms[words] = forms[(*words, "government")] = canonical
            forms[("government", "of", *words)] = canonical
        for demonym in filter(None, demonyms.split("|")):
            forms[(*demonym.split(), "government")] = canonical
    return forms


_COUNTRY_FORMS = _country_forms()


def _after_country(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A body's name less the country that opens it, which the sources often leave out
    ("Supreme Court" for the "United States Supreme Court"); None when no country opens it
    or fewer than two words would be left."""
    for cut in range(1, 4):
        if len(words) - cut >= 2 and words[:cut] in _COUNTRY_FORMS:
            return words[cut:]
    return None


def _acronyms(words: tuple[str, ...]) -> set[str]:
    """A name's acronyms: of all its words, and of those after a country that opens it ("FWS"
    for the "United States Fish and Wildlife Service", "EPA" for the "U.S. Environmental
    Protection Agency")."""
    rest = _after_country(words)
    return {acronym(list(words)), *([acronym(list(rest))] if rest else [])}


# Words that name the people of a body rather than another body: "Tea Party groups", "White
# House officials", "Tea Party movement" and "Romney campaign aide" speak for the Tea Party, the
# White House and the Romney campaign; and a person's lawyers for the person ("Michael
# Flynn's lawyer" for Flynn; not "attorney", a title too: "U.S. Attorney").
_MEMBERS_WORDS = frozenset(
    "groups members activists supporters leaders leadership organizers organisers officials "
    "aides campaigners advocates movement official aide spokesman spokeswoman spokesperson "
    "lawmakers legislators lawyer lawyers".split()
)
# A party's adjective -> its members' plural, the party's one key: "Republican Party",
# "Republican lawmakers", "GOP" and "Republicans" are one actor, and "House Republican
# leadership" is the "House Republicans". (A "Republican" alone may be one member: no key.)
_PARTY_MEMBERS = {"democratic": "democrats", "republican": "republicans", "gop": "republicans"}


def _names_members(name: _Name) -> bool:
    return len(name.words) > 1 and name.words[-1] in _MEMBERS_WORDS


def _party_key(words: tuple[str, ...], members: bool) -> tuple[str, ...]:
    """The words of a name for a party's members as its members' plural ("democrats")."""
    if len(words) >= 2 and words[-1] == "party" and words[-2] in _PARTY_MEMBERS:
        return (*words[:-2], _PARTY_MEMBERS[words[-2]])
    if words and (members or words[-1] == "gop") and words[-1] in _PARTY_MEMBERS:
        return (*words[:-1], _PARTY_MEMBERS[words[-1]])
    return words


def _same_key(name: _Name, kind: ActorKind | None) -> tuple[str, ...]:
    """Names with the same key are always one actor: a person's middle name is its initial
    ("Donald John Trump" is "Donald J. Trump")."""
    members = _names_members(name)
    words = _party_key(name.words[:-1] if members else name.words, members)
    if (
        kind in _PERSONAL_KINDS
        and len(words) == 3
        and words[2] not in NAME_SUFFIXES
        and is_given_name(words[0])
    ):
        words = (words[0], words[1][:1], words[2])
    country = _COUNTRY_FORMS.get(words) if kind != "person" else None
    return ("country", country) if country else ("name", *words)


def _surname(words: tuple[str, ...]) -> str:
    core = [word for word in words if word not in NAME_SUFFIXES]
    return core[-1] if core else words[-1]


def _shortens(
    short: _Name,
    short_kind: ActorKind | None,
    full: _Name,
    full_kind: ActorKind | None,
    *,
    one_generation: bool = False,
) -> bool:
    """Whether ``short`` is a short form of ``full``: its acronym, a body's last words in
    lower case ("rifle association"), a person's surname (of the
    same sex, where both tell it), or a person's first and last name without the middle ones
    (and without a "Jr." when the sources show ``one_generation``: see ``_resolve_actors``)."""
    if len(full.words) < 2 or len(short.words) >= len(full.words):
        return False
    if len(short.words) == 1 and short_kind != "person":
        if len(short.words[0]) >= 2 and short.words[0] in _acronyms(full.words):
            return True
    if (
        short_kind != "person"
        and full_kind != "person"
        and short.words == _after_country(full.words)
    ):
        return True  # "Supreme Court" for the "United States Supreme Court"
    if _drops_form(short, full):
        return True
    if (
        short.lower_case
        and short_kind != "person"
        and full_kind != "person"
        and short.words[-1] in _INSTITUTION_WORDS
        and full.words[-len(short.words) :] == short.words
    ):
        return True  # "the rifle association" for the National Rifle Association
    # A full name of no kind (a risk's raiser) takes a short form that is a person's.
    full_is_person = full_kind == "person" or (full_kind is None and short_kind == "person")
    if (
        not full_is_person
        or short_kind not in _PERSONAL_KINDS
        or not _INSTITUTION_WORDS.isdisjoint(full.words)
    ):
        return False
    if short.sex and full.sex and short.sex != full.sex:
        return False
    if len(short.words) == 1:
        if _the_fathers_office(short, full):
            return False
        return len(short.words[0]) >= 2 and (
            _surname(full.words) == short.words[0]
            # the first of two surnames after a title: "President Peña" for "Enrique Peña
            # Nieto" (a middle name written out is rare in news, and "Mr. Walker" would
            # fit "George Walker Bush" only where no one else has that surname)
            or (
                short.written > 1
                and len(full.words) == 3
                and full.words[1] == short.words[0]
                and full.words[2] not in NAME_SUFFIXES
                and len(full.words[0]) > 1
            )
        )
    # A surname of two words after a title ("Mr. Peña Nieto" for "Enrique Peña Nieto"), and a
    # surname with the suffix ("Trump Jr." for "Donald Trump Jr.").
    if short.written > len(short.words) and short.words == full.words[1:]:
        return True
    if len(short.words) == 2 and short.words[1] in NAME_SUFFIXES:
        return full.words[-1] == short.words[1] and _surname(full.words) == short.words[0]
    # First and last name, with the same suffix or none: "Theodore Boutrous Jr." is "Theodore
    # J. Boutrous Jr.", and "Donald Trump" is not "Donald Trump Jr." (unless both are given
    # the same office); a numeral may go ("Robert Mueller" is "Robert S. Mueller III"). One
    # known by a middle name goes by it: "Barry Rand" is "A. Barry Rand".
    suffix = full.words[-1:] if full.words[-1] in NAME_SUFFIXES else ()
    core = full.words[: len(full.words) - len(suffix)]
    suffixes = {suffix}
    if suffix and (
        (short.office and short.office == full.office)  # one office: no father and son here
        or suffix[0] in _ORDINAL_SUFFIXES  # "Robert S. Mueller III" goes by "Robert Mueller"
        or one_generation
    ):
        suffixes.add(())  # otherwise a Jr. is another's son
    firsts = {core[0], core[1]} if len(core) > 2 and len(core[0]) == 1 else {core[0]}
    return short.words in {(first, core[-1], *kept) for first in firsts for kept in suffixes}


def _the_fathers_office(short: _Name, full: _Name) -> bool:
    """Whether ``short`` is a surname with an office that ``full``, the son of that surname,
    does not hold: "President Trump" is not "Donald Trump Jr." ("Mr. Boutrous" still is
    "Theodore J. Boutrous Jr.")."""
    return (
        len(short.words) == 1
        and full.words[-1] == "jr"
        and bool(short.office)
        and short.office != full.office
        and _surname(full.words) == short.words[0]
    )


# Numerals after a name, which news writing leaves out when it names the person again.
_ORDINAL_SUFFIXES = frozenset({"ii", "iii", "iv"})


# The words a body's full name ends with that its short form leaves out: a company's legal
# form ("Wal-Mart Stores Inc." is "Wal-Mart") and "International" ("Amnesty International" is
# "Amnesty"; "Safari Club International" is "the Safari Club").
_DROPPED_FORMS = frozenset(
    "inc corp corporation co ltd llc plc ag sa gmbh nv international department ministry".split()
)


# And the words a body's short form may leave out after a name of two words or more: "MedStar
# Washington Hospital" is the "MedStar Washington Hospital Center", the "St. Louis Tea Party"
# the "St. Louis Tea Party Coalition" (not "Carter" the "Carter Center").
_DROPPED_AFTER_TWO_WORDS = frozenset({"center", "centre", "coalition"})


def _drops_form(short: _Name, full: _Name) -> bool:
    """Whether ``short`` is the first words of a body's name that ends in a form its short
    name leaves out ("Walmart" for "Walmart Stores Inc.", "Ford" for "Ford Motor Co.",
    "Amnesty" for "Amnesty International")."""
    if not short.words or not (
        full.words[-1] in _DROPPED_FORMS
        or (full.words[-1] in _DROPPED_AFTER_TWO_WORDS and len(short.words) >= 2)
    ):
        return False
    # A country before it may go too: "Treasury" for the "U.S. Department of the Treasury".
    # What follows the short form is more of the name, not another's ("IRS" is not the "IRS
    # and Treasury Department", nor "Bank" the "Bank of America Corp.").
    count = len(short.words)
    return (
        any(
            words[:count] == short.words and words[count] not in _CONNECTORS
            for words in (full.words, _after_country(full.words) or ())
            if len(words) > count
        )
        and len(short.words[0]) >= 3
        and short.words[-1] not in _CONNECTORS
    )


def same_actor(a: str, b: str, kind: ActorKind | None = None) -> bool:
    """Whether consolidation takes the two names, both of ``kind``, for one actor when no
    third name competes: the same words or country, or one a short form of the other."""
    name_a, name_b = _read_name(a, kind), _read_name(b, kind)
    if not name_a.words or not name_b.words:
        return False
    if name_a.sex and name_b.sex and name_a.sex != name_b.sex:
        return False  # "Mrs. Clinton" is not "Mr. Clinton", as in ``_resolve_actors``
    return (
        _same_key(name_a, kind) == _same_key(name_b, kind)
        or _shortens(name_a, kind, name_b, kind)
        or _shortens(name_b, kind, name_a, kind)
    )


# --------------------------------------------------------------------------- actors


@dataclass
class _Surface:
    """One way a name was written, with everything said under it."""

    text: str
    order: int
    kinds: Counter[ActorKind] = field(default_factory=Counter)
    evidence: list[Evidence] = field(default_factory=list)
    mentions: int = 0

    @property
    def kind(self) -> ActorKind | None:
        if _personal_form(self.text):
            return "person"
        return self.kinds.most_common(1)[0][0] if self.kinds else None


# Titles before a name that no company or body bears ("Dr Pepper" is a drink).
_PERSONAL_TITLES = HONORIFICS - {"dr", "prof", "gov"}
# Suffixes only a person's name ends with; a numeral ("World War II") may end anything's.
_PERSONAL_SUFFIXES = NAME_SUFFIXES & {"jr", "sr"}


def _personal_form(text: str) -> bool:
    """Whether a name has a form only a person's takes, whatever kind a model gave it: a
    generational suffix ("Theodore Boutrous Jr.") or an honorific ("Mr. Richtman")."""
    tokens = _NAME_TOKEN.findall(text)
    return len(tokens) >= 2 and (
        tokens[-1].lower() in _PERSONAL_SUFFIXES
        or (tokens[0].lower() in _PERSONAL_TITLES and tokens[1][:1].isupper())
    )


def match_keys(name: str) -> frozenset[str]:
    """Words one of which any name taken for the same actor shares (see ``same_actor``): the
    name's words as read for any kind, its acronym, and its country, if it names one."""
    keys: set[str] = set()
    for kind in (None, "person", "organisation"):
        read = _read_name(name, kind)
        words = read.words
        keys.update(words)
        if words and (key := _same_key(read, kind))[0] == "name":
            keys.update(key[1:])  # "Democratic lawmakers" are the "democrats"
        if len(words) >= 2:
            keys.update(_acronyms(words))
        if (country := _COUNTRY_FORMS.get(words)) is not None:
            keys.add(f"country:{country}")
    return frozenset(keys)


def untitled_name(name: str) -> str:
    """A person's name as written, less the titles before it: "Minister Jonas Berg" is
    "Jonas Berg", "Sen. Claire McCaskill" "Claire McCaskill"."""
    spans = list(_NAME_TOKEN.finditer(name))
    kept = _drop_titles([span.group() for span in spans])
    return name[spans[len(spans) - len(kept)].start() :] if kept else name


@lru_cache(maxsize=1 << 14)
def has_title(name: str) -> bool:
    """Whether a name opens with a person's title or honorific, or ends with a generational
    suffix: "Sen. Chuck Grassley", "Mr. Obama", "Secretary of State Hillary Clinton"."""
    if names_an_office(name):
        return False
    tokens = _join_initials(_NAME_TOKEN.findall(name))
    return _personal_form(name) or 0 < len(_drop_titles(tokens)) < len(tokens)


# How many words may follow "of" in an office's name ("Secretary of Homeland Security").
_OFFICE_OF_MAX = 2


def names_an_office(name: str) -> bool:
    """Whether a name is a title and no one's name: "Attorney General", "Speaker", "Deputy
    Secretary of Defense" name an office, not who holds it."""
    lower = [token.lower().rstrip(".") for token in _NAME_TOKEN.findall(name)]
    while lower and lower[0] in _TITLE_MODIFIERS:
        lower = lower[1:]
    title = next((t for t in _TITLES if tuple(lower[: len(t)]) == t), None)
    if title is None:
        return False
    rest = lower[len(title) :]
    return not rest or (rest[0] in _CONNECTORS and len(rest) <= 1 + _OFFICE_OF_MAX)


def institution_words(name: str) -> frozenset[str]:
    """The words of a name that make it an institution's ("department" in "Justice
    Department", "house" and "democrats" in "House Democrats")."""
    return _INSTITUTION_WORDS.intersection(word.lower() for word in _NAME_TOKEN.findall(name))


def country_of(name: str, *, demonyms: bool = True) -> str | None:
    """The country a name is, or is the government of, or (with ``demonyms``) the adjective
    of its people: "U.S.", "Russian government", "Britain", "Russian" (None for any other
    name)."""
    words = _read_name(name, "government").words
    return _COUNTRY_FORMS.get(words) or (_DEMONYMS.get(words) if demonyms else None)


_DEMONYMS = {
    tuple(demonym.split()): names.split("|")[0]
    for names, demonyms in COUNTRIES
    for demonym in filter(None, demonyms.split("|"))
}


class _Clusters:
    """Union-find over the indexes of ``size`` items, keeping each group's members."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self._members = {i: [i] for i in range(size)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            low, high = min(a, b), max(a, b)
            self.parent[high] = low
            self._members[low] += self._members.pop(high)

    def members(self, root: int) -> list[int]:
        """The group of ``root`` (a root, as ``find`` gives it), in no particular order."""
        return self._members[root]

    def groups(self) -> dict[int, list[int]]:
        """Every group by its root, each in index order."""
        return {root: sorted(group) for root, group in sorted(self._members.items())}


def _kind(surfaces: Iterable[_Surface]) -> ActorKind | None:
    kinds: Counter[ActorKind] = Counter()
    for surface in surfaces:
        kinds.update(surface.kinds)
    return kinds.most_common(1)[0][0] if kinds else None


# Capitalized word pairs, read at every word: a first and last name with no "Jr." after it,
# and one with a "Jr." after it (a middle initial between them or not).
_BARE_PAIR = re.compile(r"(?=\b([A-Z][\w'’-]*)\s+([A-Z][\w'’-]*)\b(?!,?\s+Jr\b))")
_JUNIOR_PAIR = re.compile(r"(?=\b([A-Z][\w'’-]*)\s+(?:[A-Z]\.?\s+)?([A-Z][\w'’-]*),?\s+Jr\b)")


def _pairs(pattern: re.Pattern[str], text: str) -> set[tuple[str, str]]:
    """The first and last names ``pattern`` finds, read as consolidation reads names."""
    return {
        (full_given_name(spelled(unaccented(first.lower()))), spelled(unaccented(last.lower())))
        for first, last in pattern.findall(text)
    }


def _fathers_and_sons(texts: Sequence[str]) -> frozenset[tuple[str, str]]:
    """The first and last names that one text gives both with and without "Jr.", as a story
    of a father and a son does ("Donald Trump Jr." and "Donald Trump"). One pass per text."""
    both: set[tuple[str, str]] = set()
    for text in texts:
        both |= _pairs(_JUNIOR_PAIR, text) & _pairs(_BARE_PAIR, text)
    return frozenset(both)


_SEXES = ("female", "male")


def _formal_junior(name: _Name) -> bool:
    """Whether a name is a "Jr." written with a middle initial ("Roger J. Stone Jr."), the
    formal style one outlet gives a man whom others call by first and last name alone."""
    words = name.words
    return len(words) == 4 and len(words[1]) == 1 and words[-1] == "jr"


def _plain_junior(name: _Name) -> bool:
    """Whether a name is a first and last name with "Jr." ("Cesar Sayoc Jr.")."""
    return len(name.words) == 3 and name.words[-1] == "jr"


def _the_only_man_of_his_name(texts: Sequence[str], first: str, last: str) -> bool:
    """Whether the sources show a plain "Jr." as the one man of his surname: each text naming
    him so names him again by his surname alone ("Mr. Sayoc", "Boutrous"), where a son beside
    his father is "Mr. Trump Jr.", and tells of no father; and no word before the surname
    anywhere is another given name or a title ("President Trump", "Melania Trump"), only his
    own given name, an initial or "Mr."."""
    surname = re.escape(last)
    junior = re.compile(
        rf"\b{re.escape(first)}\s+(?:[A-Z]\.?\s+)?{surname},?\s+Jr\b", re.IGNORECASE
    )
    again = re.compile(
        rf"(?<!{re.escape(first)}\s)(?<!\b[A-Z]\.\s)\b{surname}\b(?!,?\s+Jr\b)", re.IGNORECASE
    )
    before = re.compile(rf"(\S+)\s+{surname}\b", re.IGNORECASE)
    naming = [text for text in texts if junior.search(text)]
    return (
        bool(naming)
        and all(again.search(text) and not _A_FATHER.search(text) for text in naming)
        and all(
            not word[:1].isupper()
            or spelled(unaccented(word.rstrip(".").lower())) in {first, "mr"}
            or re.fullmatch(r"[A-Z]\.?", word) is not None
            for text in texts
            for word in before.findall(text)
        )
    )


_A_FATHER = re.compile(r"\bfather\b")


def _resolve_actors(
    surfaces: list[_Surface], texts: Sequence[str] = ()
) -> tuple[list[Actor], dict[str, Actor]]:
    """Cluster the surface forms into actors; return them and the actor of each form.
    ``texts`` are the sources' texts, read only to tell whether a "Jr." is his father."""
    names = [_read_name(surface.text, surface.kind) for surface in surfaces]
    # A formal "Jr." is the plain first and last name when some source is read and none
    # names both forms ("Roger Stone" is "Roger J. Stone Jr."; see ``_shortens``); so is a
    # plain one whom the sources show as the only man of his name ("Cesar Sayoc Jr.").
    formal = [i for i, name in enumerate(names) if _formal_junior(name)]
    plain = [i for i, name in enumerate(names) if _plain_junior(name)]
    both = _fathers_and_sons(texts) if (formal or plain) and texts else frozenset()
    one_generation = {
        i for i in formal if texts and (names[i].words[0], names[i].words[2]) not in both
    } | {
        i
        for i in plain
        if (names[i].words[0], names[i].words[1]) not in both
        and _the_only_man_of_his_name(texts, *names[i].words[:2])
    }
    clusters = _Clusters(len(surfaces))
    by_key: dict[tuple[str, ...], int] = {}
    unsexed: list[tuple[int, tuple[str, ...]]] = []
    for i, (surface, name) in enumerate(zip(surfaces, names, strict=True)):
        if not name.words:
            continue
        key = _same_key(name, surface.kind)
        if len(name.words) == 1 and surface.kind in _PERSONAL_KINDS:
            # A surname alone is one person per sex its title tells: "Mrs. Trump" is not
            # "Mr. Trump"; "Trump" joins the one of them there is, if only one.
            if name.sex is None:
                unsexed.append((i, key))
                continue
            key = (*key, name.sex)
        clusters.union(i, by_key.setdefault(key, i))
    for i, key in unsexed:
        sexed = [j for other, j in by_key.items() if other[:-1] == key and other[-1] in _SEXES]
        clusters.union(i, sexed[0] if len(sexed) == 1 else by_key.setdefault(key, i))

    _join_spellings(clusters, surfaces, names)
    _join_slips(clusters, surfaces, names, texts)

    # Short forms join the one cluster they fit, fullest forms first, so that "George Bush"
    # has joined "George W. Bush" before "Bush" looks for its match.
    order = sorted(
        clusters.groups().values(), key=lambda g: (-max(len(names[i].words) for i in g), g[0])
    )
    # A short form's first word is a word of the name it shortens, or that name's acronym
    # (see ``_shortens``): only names so indexed are tried, not every pair.
    by_word: dict[str, set[int]] = {}
    offices_read: dict[_OfficeAndSurname, set[str]] = {}  # (see ``_office_held_by_another``)
    for j, name in enumerate(names):
        for word in name.words:
            by_word.setdefault(word, set()).add(j)
        if len(name.words) >= 2:
            for short in _acronyms(name.words):
                by_word.setdefault(short, set()).add(j)
    for first, *_ in order:
        root = clusters.find(first)
        kinds: dict[int, ActorKind | None] = {}
        # The forms of one cluster are one actor: a target must fit every form that fits any
        # ("Mrs. Clinton" beside "Clinton" fits Hillary Clinton alone, not Bill).
        targets: set[int] | None = None
        for i in clusters.members(root):
            fits: set[int] = set()
            for j in by_word.get(names[i].words[0], ()) if names[i].words else ():
                target = clusters.find(j)
                if target == root:
                    continue
                if _the_fathers_office(names[i], names[j]):
                    targets = set()  # "Mr. Trump" beside "President Trump" is the father
                    continue
                if target not in kinds:
                    kinds[target] = _kind(surfaces[k] for k in clusters.members(target))
                if _shortens(
                    names[i],
                    surfaces[i].kind,
                    names[j],
                    kinds[target],
                    one_generation=j in one_generation,
                ) and not _office_held_by_another(names[i], names[j], texts, offices_read):
                    fits.add(target)
            if fits:
                targets = fits if targets is None else targets & fits
        if targets is not None and len(targets) == 1:
            clusters.union(root, targets.pop())
    _join_given_names(clusters, surfaces, names)

    _fill_roles(clusters, surfaces, texts)

    actors: list[Actor] = []
    by_surface: dict[str, Actor] = {}
    ids: set[str] = set()
    for group in sorted(clusters.groups().values()):
        best = max(
            group,
            key=lambda i: (
                not _A_BODYS_ROLE.fullmatch(surfaces[i].text),  # a name, not "Fox News host"
                not _names_members(names[i]),  # "White House", not "White House officials"
                len(names[i].words),
                names[i].written,
                surfaces[i].mentions,
                -surfaces[i].order,
            ),
        )
        evidence: list[Evidence] = []
        for i in group:
            for ev in surfaces[i].evidence:
                _add_evidence(evidence, ev)
        key = _actor_key(names[best], surfaces[best])
        actor_id = _fact_id("actor", *key)
        if actor_id in ids:  # two actors never share an id
            actor_id = _fact_id("actor", *key, "surface", surfaces[best].text)
        ids.add(actor_id)
        actor = Actor(
            id=actor_id,
            name=surfaces[best].text,
            kind=_kind(surfaces[i] for i in group),
            aliases=sorted({surfaces[i].text for i in group} - {surfaces[best].text}),
            evidence=evidence,
        )
        actors.append(actor)
        for i in group:
            by_surface[surfaces[i].text] = actor
    return actors, by_surface


def _join_spellings(clusters: _Clusters, surfaces: list[_Surface], names: list[_Name]) -> None:
    """A person whose given name the sources spell two ways, a letter apart ("Vicente Fox" in
    two outlets, "Vincente Fox" in a third), is one person: then "Fox" alone fits one."""
    by_rest: dict[tuple[str, ...], list[int]] = {}
    for i, name in enumerate(names):
        if len(name.words) >= 2 and surfaces[i].kind == "person":
            by_rest.setdefault(name.words[1:], []).append(i)
    for group in by_rest.values():
        for at, i in enumerate(group):
            for j in group[at + 1 :]:
                if same_given_name(names[i].words[0], names[j].words[0]):
                    clusters.union(i, j)


# How often a person's surname must be written for a one-off spelling a letter apart to be
# read as a slip for it.
_SLIP_AGAINST = 3


def _join_slips(
    clusters: _Clusters, surfaces: list[_Surface], names: list[_Name], texts: Sequence[str]
) -> None:
    """A name of one word that the sources write once, a letter short or long of a person's
    surname they write often, is that person, misspelt: "Tump announced late Friday that he
    has suspended ..." in a story naming President Trump many times. Not a given name, not
    a word of three letters or fewer, and only where one person fits."""
    if not texts:
        return
    written = Counter(word.lower() for text in texts for word in re.findall(r"\b[A-Z][\w-]*", text))
    surnames: dict[str, set[int]] = {}
    for j, name in enumerate(names):
        if len(name.words) >= 2 and surfaces[j].kind == "person":
            surnames.setdefault(_surname(name.words), set()).add(clusters.find(j))
    for i, name in enumerate(names):
        if len(name.words) != 1 or surfaces[i].kind not in (None, "person"):
            continue
        word = name.words[0]
        if len(word) < 4 or written[word] != 1 or is_given_name(word) or word in surnames:
            continue
        targets = {
            root
            for surname, roots in surnames.items()
            if written[surname] >= _SLIP_AGAINST and _a_letter_apart(word, surname)
            for root in roots
        }
        if len(targets) == 1:
            clusters.union(i, targets.pop())


def _a_letter_apart(a: str, b: str) -> bool:
    """Whether one word is the other with one letter more, the first letters the same, and
    not as a plural is ("the Clintons" are not Hillary Clinton)."""
    short, long = sorted((a, b), key=len)
    return (
        len(long) == len(short) + 1
        and short[0] == long[0]
        and long != f"{short}s"
        and any(long[:at] + long[at + 1 :] == short for at in range(1, len(long)))
    )


def _join_given_names(clusters: _Clusters, surfaces: list[_Surface], names: list[_Name]) -> None:
    """A person named by a given name alone, no title ("his wife, Sandra"), joins the one
    person of that given name, where the name is no one's surname ("Warren" beside
    "Elizabeth Warren" and "Warren Buffett" is her surname) and tells a sex. A short form is read
    as itself, not its full form: "Bill" alone may be a bill, not "Bill Clinton"."""
    surnames = {_surname(name.words) for name in names if len(name.words) >= 2}
    for root, group in clusters.groups().items():
        given = {names[i].words[0] for i in group if names[i].words}
        if not all(
            len(names[i].words) == 1
            and names[i].written == 1
            and surfaces[i].kind in (None, "person")
            for i in group
        ):
            continue
        word = given.pop() if len(given) == 1 else ""
        if word in surnames or sex_of_given_name(word) is None:
            continue
        targets = {
            clusters.find(j)
            for j, name in enumerate(names)
            if len(name.words) >= 2 and name.words[0] == word and surfaces[j].kind == "person"
        }
        if len(targets) == 1:
            clusters.union(root, targets.pop())


# An office and a surname after it: ("president",), "trump".
_OfficeAndSurname = tuple[tuple[str, ...], str]


def _office_held_by_another(
    short: _Name, full: _Name, texts: Sequence[str], read: dict[_OfficeAndSurname, set[str]]
) -> bool:
    """Whether the sources give the office of ``short``, a surname after an office ("President
    Trump"), to people of that surname but not to ``full`` ("President Donald Trump", never
    "President Melania Trump"). ``read`` keeps the given names found for each office and
    surname, so the sources are read once for each, not once for each pair of names."""
    if len(short.words) != 1 or not short.office or len(full.words) < 2 or not texts:
        return False
    key = (short.office, short.words[0])
    if key not in read:
        office = r"\s+".join(map(re.escape, short.office))
        pattern = re.compile(
            rf"\b(?i:{office})\.?\s+([A-Z][\w'’-]+)\s+(?:[A-Z]\.\s+)?"
            rf"(?i:{re.escape(short.words[0])})\b"
        )
        read[key] = {
            full_given_name(spelled(unaccented(found.group(1).lower())))
            for text in texts
            for found in pattern.finditer(text)
        }
    given = read[key]
    return bool(given) and full.words[0] not in given


# A body's roles a person is named by: "DNC spokesman", "Fox News host", "RNC Chairman",
# "St. Louis County Prosecutor".
BODY_ROLES = (
    r"spokes(?:man|woman|person)|host|anchor|adviser|advisor|aide|chair(?:man|woman)?|director"
    r"|secretary|strategist|counsel|manager|executive|founder|organizer|organiser|prosecutor"
    r"|sheriff|commissioner"
)


# A person named by a body's role alone.
_A_BODYS_ROLE = re.compile(rf"(?:[A-Z][\w.&'’-]*\s+){{1,3}}(?i:{BODY_ROLES})")
_ROLE_HOLDER = r",?\s+([A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})"


def _fill_roles(clusters: _Clusters, surfaces: list[_Surface], texts: Sequence[str]) -> None:
    """Join an actor named only by a body's role to the person the sources give that role
    before a name, if they give it one person only: a source may call Glenn Beck "the Fox
    News host" and never "Fox News host Glenn Beck", as another does. A former holder is not
    the role's ("former RNC Chairman Ed Gillespie")."""
    for root, group in clusters.groups().items():
        roles = {surfaces[i].text for i in group}
        if len(roles) != 1 or not _A_BODYS_ROLE.fullmatch(role := roles.pop()):
            continue
        pattern = re.compile(
            rf"(?<![\w-])(?<![Ff]ormer )(?<![Ee]x-)(?i:{re.escape(role)}){_ROLE_HOLDER}"
        )
        held = {found.group(1) for text in texts for found in pattern.finditer(text)}
        if any(not same_actor(a, b, "person") for a in held for b in held):
            continue  # two holders of the role
        holders = {
            clusters.find(j)
            for name in held
            for j, other in enumerate(surfaces)
            if clusters.find(j) != root
            and _kind([other]) == "person"
            and same_actor(name, other.text, "person")
        }
        if len(holders) == 1:
            clusters.union(root, holders.pop())


def actors_of_names(
    names: Sequence[str],
    kinds: Sequence[Counter[ActorKind]],
    mentions: Sequence[int],
    texts: Sequence[str] = (),
) -> tuple[list[Actor], dict[str, Actor]]:
    """Actors for names read from the text rather than drafted by the model, clustered by the
    same rules as drafted ones; each name's ``kinds`` are the signs of its kind, ``mentions``
    how often it occurs, ``texts`` the sources'. The actors carry no evidence: nothing is
    attributed to them."""
    surfaces = [
        _Surface(name, order, kinds=Counter(kind), mentions=count)
        for order, (name, kind, count) in enumerate(zip(names, kinds, mentions, strict=True))
    ]
    return _resolve_actors(surfaces, texts)


def _actor_key(name: _Name, surface: _Surface) -> tuple[str, ...]:
    """What makes the actor unique, for its id: a person and a country both called "Jordan"
    are two actors with two ids, and so are "Mr. Trump" and "Mrs. Trump"."""
    if not name.words:
        return ("surface", surface.text)
    key = _same_key(name, surface.kind)
    if len(name.words) == 1 and name.sex and surface.kind in _PERSONAL_KINDS:
        return (*key, name.sex)
    return key


def _collect_surfaces(chunks: Sequence[GroundedChunk]) -> list[_Surface]:
    surfaces: dict[str, _Surface] = {}

    def add(name: str, kind: ActorKind | None, evidence: Evidence) -> None:
        surface = surfaces.setdefault(name, _Surface(name, len(surfaces)))
        if kind is not None:
            surface.kinds[kind] += 1
        surface.mentions += 1
        _add_evidence(surface.evidence, evidence)

    for chunk in chunks:
        for position in chunk.positions:
            add(position.actor.strip(), position.actor_kind, position.evidence)
        for risk in chunk.risks:
            add(risk.raised_by.strip(), None, risk.evidence)
    return list(surfaces.values())


# --------------------------------------------------------------------------- facts

_STOPWORDS = frozenset(
    "the a an and or of to in on at by for from with as is are was were be been has have had "
    "will would could should may might can its their his her this that these those it they "
    "he she we not".split()
)
_SIMILAR = 0.6  # Jaccard overlap of content words at which two descriptions say the same


def _fact_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"


def _text_key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _content(text: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return frozenset(word_stem(w) for w in words if len(w) >= 3 and w not in _STOPWORDS)


def _similar(a: str, b: str) -> bool:
    """Two short descriptions that share most of their content words."""
    words_a, words_b = _content(a), _content(b)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= _SIMILAR


def same_or_similar(a: str, b: str) -> bool:
    """The same words, or most of their content words shared."""
    return _text_key(a) == _text_key(b) or _similar(a, b)


_DATE_WORDS = frozenset(word_stem(w) for w in [*MONTHS, *WEEKDAYS, "said", "says", "told"])


def _shares_a_detail(a: str, b: str) -> bool:
    """Two descriptions share a content word that is not a date's or "said"."""
    return bool((_content(a) & _content(b)) - _DATE_WORDS)


def same_event(date: str, description: str, first_date: str, descriptions: list[str]) -> bool:
    """The same date and a similar description; where the date gives its day, one shared word
    is enough: "The judge set the sentencing for June 28" and "Sentencing has been set for
    June 28" are one event as two outlets tell it, worded too differently to be similar."""
    key = _date_key(date)
    if key is None or key != _date_key(first_date):
        return False
    alike = _shares_a_detail if key[1] and key[2] else same_or_similar
    return any(alike(description, seen) for seen in descriptions)


def _date_key(date: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a free-text date, 0 where not given; None when nothing is."""
    words = re.findall(r"[a-z]+|\d+", date.lower())
    months = list(MONTHS.values())
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), 0)
    month = next((months.index(MONTHS[w]) + 1 for w in words if w in MONTHS), 0)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), 0)
    return (year, month, day) if year or month or day else None


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.source_id == b.source_id and a.start < b.end and b.start < a.end


def _overlaps_any(new: Evidence, evidence: list[Evidence]) -> bool:
    return any(_overlaps(new, existing) for existing in evidence)


def _add_evidence(evidence: list[Evidence], new: Evidence) -> None:
    if not any(
        existing.source_id == new.source_id
        and existing.start == new.start
        and existing.end == new.end
        for existing in evidence
    ):
        evidence.append(new)


_Given = TypeVar("_Given", "GroundedPosition", "GroundedRisk")


def _drafted_first(facts: list[_Given]) -> list[_Given]:
    """Facts drafted for their actor, then those given to a speaker their sentence names
    (``grounding``): merged into an actor's fact, the drafted one's summary and sentences
    lead, and the stance questions read those first."""
    return [f for f in facts if not f.to_named_speaker] + [f for f in facts if f.to_named_speaker]


def _merge_positions(
    chunks: Sequence[GroundedChunk], by_surface: dict[str, Actor]
) -> list[Position]:
    merged: list[tuple[Actor, GroundedPosition, list[Evidence]]] = []
    for found in _drafted_first([p for chunk in chunks for p in chunk.positions]):
        actor = by_surface[found.actor.strip()]
        for held_by, first, evidence in merged:
            if held_by is actor and (
                first.stance == found.stance or _overlaps_any(found.evidence, evidence)
            ):
                _add_evidence(evidence, found.evidence)
                break
        else:
            merged.append((actor, found, [found.evidence]))
    return [
        Position(
            id=_fact_id("position", actor.id, found.stance),
            actor_id=actor.id,
            stance=found.stance,
            summary=found.summary,
            evidence=evidence,
        )
        for actor, found, evidence in merged
    ]


def merge_same_stance(positions: Sequence[Position]) -> list[Position]:
    """One position per actor and stance again, after the stance questions relabelled them:
    two drafts of an actor labelled differently by the extraction may now share a stance.

    A merged position is disputed when any of its parts was (with that part's second answer),
    agreed when any was agreed and none disputed, and unchecked otherwise.
    """
    merged: dict[tuple[str, str], list[Position]] = {}
    for position in positions:
        merged.setdefault((position.actor_id, position.stance), []).append(position)
    result = []
    for parts in merged.values():
        evidence: list[Evidence] = []
        for part in parts:
            for found in part.evidence:
                _add_evidence(evidence, found)
        checked = next(
            (p for verdict in ("disputed", "agreed") for p in parts if p.stance_check == verdict),
            parts[0],
        )
        # Built anew, not copied, so each position counts the sources of its merged evidence.
        first = parts[0]
        result.append(
            Position(
                **{
                    **dict(first),
                    "id": _fact_id("position", first.actor_id, first.stance),
                    "stance_check": checked.stance_check,
                    "second_stance": checked.second_stance,
                    "evidence": evidence,
                }
            )
        )
    return result


def _merge_risks(chunks: Sequence[GroundedChunk], by_surface: dict[str, Actor]) -> list[Risk]:
    merged: list[tuple[GroundedRisk, list[Actor], list[str], list[Evidence]]] = []
    for found in _drafted_first([r for chunk in chunks for r in chunk.risks]):
        actor = by_surface[found.raised_by.strip()]
        for _, raisers, descriptions, evidence in merged:
            if (
                _overlaps_any(found.evidence, evidence)
                or _text_key(found.description) in map(_text_key, descriptions)
                or (actor in raisers and any(_similar(found.description, d) for d in descriptions))
            ):
                if actor not in raisers:
                    raisers.append(actor)
                descriptions.append(found.description)
                _add_evidence(evidence, found.evidence)
                break
        else:
            merged.append((found, [actor], [found.description], [found.evidence]))
    return [
        Risk(
            id=_fact_id("risk", found.evidence.source_id, str(found.evidence.start)),
            description=found.description,
            category=found.category,
            raised_by=[actor.id for actor in raisers],
            evidence=evidence,
        )
        for found, raisers, _, evidence in merged
    ]


def _merge_events(chunks: Sequence[GroundedChunk]) -> list[Event]:
    merged: list[tuple[GroundedEvent, list[str], list[Evidence]]] = []
    for chunk in chunks:
        for found in chunk.events:
            for first, descriptions, evidence in merged:
                if _overlaps_any(found.evidence, evidence) or same_event(
                    found.date, found.description, first.date, descriptions
                ):
                    descriptions.append(found.description)
                    _add_evidence(evidence, found.evidence)
                    break
            else:
                merged.append((found, [found.description], [found.evidence]))
    return [
        Event(
            id=_fact_id("event", found.evidence.source_id, str(found.evidence.start)),
            date=found.date,
            description=found.description,
            evidence=evidence,
            reckoned_from=found.reckoned_from,
        )
        for found, _, evidence in merged
    ]


def consolidate(
    chunks: Iterable[GroundedChunk], texts: Sequence[str] = ()
) -> tuple[list[Actor], list[Position], list[Risk], list[Event]]:
    """One actor per real-world actor, and each position, risk and event once with all its
    evidence (see the module docstring); ``texts`` are the sources' texts."""
    chunks = list(chunks)
    actors, by_surface = _resolve_actors(_collect_surfaces(chunks), texts)
    return (
        actors,
        _merge_positions(chunks, by_surface),
        _merge_risks(chunks, by_surface),
        _merge_events(chunks),
    )


# --------------------------------------------------------------------------- conflicts

_OPPOSITES = frozenset({"supports", "opposes"})


def _sources(evidence: list[Evidence]) -> set[str]:
    return {ev.source_id for ev in evidence}


def _stance_conflicts(actors: list[Actor], positions: list[Position]) -> list[Conflict]:
    """An actor that one source reports as supporting and another as opposing.

    Both stances from the same sources is no disagreement between sources (one text may
    report a change of mind), so each stance needs a source the other lacks.
    """
    conflicts = []
    for actor in actors:
        held = [
            p
            for p in positions
            if p.actor_id == actor.id and p.stance in _OPPOSITES and p.stance_check != "disputed"
        ]
        by_stance = {p.stance: p for p in held}
        if len(by_stance) < 2:
            continue
        supports, opposes = by_stance["supports"], by_stance["opposes"]
        only_supports = _sources(supports.evidence) - _sources(opposes.evidence)
        only_opposes = _sources(opposes.evidence) - _sources(supports.evidence)
        if not only_supports or not only_opposes:
            continue
        conflicts.append(
            Conflict(
                id=_fact_id("conflict", "stance", actor.id),
                kind="stance",
                subject=actor.name,
                actor_id=actor.id,
                sides=[
                    ConflictSide(value=p.stance, evidence=p.evidence, fact_ids=[p.id])
                    for p in (opposes, supports)
                ],
            )
        )
    return conflicts


@dataclass(frozen=True)
class _Found:
    """A figure read from one cited span."""

    figure: Figure
    evidence: Evidence
    fact_ids: tuple[str, ...]


def _figure_conflicts(facts: Sequence[Position | Risk | Event]) -> list[Conflict]:
    """Figures in the facts' evidence that count the same thing differently in two sources.

    Figures that compare (``figures.comparable``) are grouped; a group in which any one source
    gives two contradicting figures is passed over (the count changed over time, or the source
    compares two counts), and so is a group whose sources agree.
    """
    spans: dict[tuple[str, int, int], tuple[Evidence, list[str]]] = {}
    for fact in facts:
        for ev in fact.evidence:
            spans.setdefault((ev.source_id, ev.start, ev.end), (ev, []))[1].append(fact.id)
    found = [
        _Found(figure, ev, tuple(dict.fromkeys(fact_ids)))
        for ev, fact_ids in spans.values()
        for figure in read_figures(ev.quote)
    ]
    groups = _Clusters(len(found))
    for i, a in enumerate(found):
        for j in range(i + 1, len(found)):
            if comparable(a.figure, found[j].figure):
                groups.union(i, j)

    conflicts = []
    for members in groups.groups().values():
        group = [found[i] for i in members]
        if any(
            a.evidence.source_id == b.evidence.source_id and contradict(a.figure, b.figure)
            for a in group
            for b in group
        ):
            continue
        disagreeing = [
            a
            for a in group
            if any(
                a.evidence.source_id != b.evidence.source_id
                and comparable(a.figure, b.figure)
                and contradict(a.figure, b.figure)
                for b in group
            )
        ]
        if not disagreeing:
            continue
        conflicts.append(_figure_conflict(disagreeing))
    return conflicts


def _figure_conflict(disagreeing: list[_Found]) -> Conflict:
    """One conflict whose sides are the distinct figures, each with every span stating it."""
    sides: dict[tuple[object, ...], tuple[str, list[Evidence], list[str]]] = {}
    for item in disagreeing:
        key = (item.figure.low, item.figure.high)
        value, evidence, fact_ids = sides.setdefault(key, (item.figure.text, [], []))
        _add_evidence(evidence, item.evidence)
        fact_ids.extend(f for f in item.fact_ids if f not in fact_ids)
    noun = disagreeing[0].figure.noun
    values = [value for value, _, _ in sides.values()]
    return Conflict(
        id=_fact_id("conflict", "figure", disagreeing[0].figure.head, *values),
        kind="figure",
        subject=noun,
        sides=[
            ConflictSide(value=value, evidence=evidence, fact_ids=fact_ids)
            for value, evidence, fact_ids in sides.values()
        ],
    )


def find_conflicts(
    actors: list[Actor], positions: list[Position], risks: list[Risk], events: list[Event]
) -> list[Conflict]:
    """Where the sources disagree: opposite stances of one actor, different figures for one
    count. Run it on the final facts, after the stance check."""
    return [
        *_stance_conflicts(actors, positions),
        *_figure_conflicts([*positions, *risks, *events]),
    ]
