"""Who the sources name: the people and bodies a brief's sources mention, read by code.

A brief's actors come from verified positions and risks, so a party the sources are about but
never quote (a president whose policy is argued over, a court that has not ruled) would be
missing from it. This module reads the capitalized names of every sentence, keeps those with a
sign of being a person or a body (a title, a surname used alone, an institution's word, a
party's members, a verb of saying after it), clusters them by consolidation's rules and counts
each cluster's mentions:

- a cluster that names exactly one of the brief's actors adds its mentions to that actor;
- the most named of the others become actors of their own, "also named": each carries the
  first sentence naming it in each source (``Actor.named_in``), and nothing is attributed to
  it. The brief lists them apart from positions and risks.

No model is asked. Places, laws and programmes ("Iowa", "Medicare") show no sign of being a
person or a body and are left out; countries are counted but never "also named", since a
country that takes a side is an actor through its positions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .chunking import dateline_end, is_heading, split_sentences
from .claims import MONTHS, WEEKDAYS
from .consolidate import (
    actors_of_names,
    country_of,
    has_title,
    institution_words,
    match_keys,
    names_an_office,
    same_actor,
)
from .countries import US_STATES
from .cues import one_body_named
from .given_names import sex_of_given_name
from .models import Actor, ActorKind, Evidence, Source, exact_evidence
from .names import (
    before_suffix,
    given_and_surname,
    is_title_word,
    other_given_names,
    sex_of_person,
)
from .transcripts import labels_as_names

__all__ = ["count_mentions"]

# An "also named" actor is named at least this often in all, and in two sources when the brief
# has two or more: a name that one passing sentence gives is no party to the story.
_MIN_MENTIONS = 3

_CAPITALIZED = r"[A-Z][\w'’&.-]*"
# A run of capitalized words on one line, with "of" (or "of the") or "for" between two of them:
# "Department of Justice", "Centers for Disease Control", "Secretary of State".
# A body named after its leader ends in a lower-case word: "the Obama administration", "the
# Romney campaign".
_NAME_RUN = re.compile(
    rf"{_CAPITALIZED}(?: (?:of (?:the )?|for )?{_CAPITALIZED})*(?: (?:administration|campaign)\b)?"
)
# Where one run holds two names: after a possessive ("Romney's Medicare"), or before "of" and
# a title ("the defeat in Virginia of Rep. Eric Cantor").
_POSSESSIVE_WORD = re.compile(r"(?<=['’]s) |(?<=s['’]) ")
_OF = " of "
_ING_MIN = 6  # "Attacking", not "King"
_CONTRACTION = re.compile(r"['’](?:s|m|re|ve|ll|d|t)$", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"['’]s?$")
# Capitalized words that open a sentence or a clause without being a name, read before a run
# (lower-case, contractions off: "I'm" is "i").
_NOT_NAME_WORDS = (
    frozenset(
        """
    a an the and but or nor so yet for if as at by in on of to from with without into onto
    over under after before since until while when where why how what who whom whose which
    this that these those there here then now still also even just only both each every
    either neither some many much most more few all any no not yes one two three i you he
    she it we they me him her us them my your his its our their mine yours hers ours theirs
    however meanwhile instead although though because unless whether asked according last
    said says added adds wrote writes noted explained continued recalled replied responded
    quipped countered concluded insisted
    next first second third another other others such today tonight tomorrow yesterday
    despite during among between against across around about above below near like unlike
    """.split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)
# The last word of a name that makes it the members of a party or faith ("House Democrats").
_MEMBER_WORDS = frozenset(
    """
    democrats republicans conservatives liberals progressives independents libertarians
    catholics evangelicals christians muslims jews mormons protestants baptists
    """.split()
)
# One member of a party or faith describes someone, and names no one: "a Missouri
# Republican", "Republican of Iowa", "a Roman Catholic".
_MEMBER_WORD = frozenset(
    """
    democrat democratic republican conservative liberal progressive independent libertarian
    catholic evangelical christian muslim jew jewish mormon protestant baptist
    """.split()
)
# Words that make a name a news outlet's or a company's.
_BODY_WORDS = frozenset(
    "news times post journal enquirer magazine tribune herald gazette network press "
    "inc corp co llc ltd company corporation pac".split()
)
# A name's last word that makes it a thing, not who acts: a law, a building, an address, a
# garden ("the Rose Garden", whose "Rose" is no woman).
_THING_WORDS = frozenset(
    """
    act acts amendment amendments bill bills law laws constitution status program programs
    programme plan tower bridge street avenue road square building hall day week union
    doctrine treaty convention garden gardens
    """.split()
)
# The things whose initials stand for them: laws, programmes, a status ("TPS"); not a union,
# a body as well ("ACLU").
_THINGS_BY_INITIALS = frozenset(
    "act amendment bill law status program programme plan doctrine treaty convention".split()
)
# Small words a name keeps in lower case, capitalized only in a headline's title case.
_TITLE_CASE_SMALL_WORDS = frozenset("Of To For And The In On At By With From A An".split())
# The chambers a body's word alone may name ("the House", "Congress"); any other institution's
# word alone names one named before it ("the Committee", "the Department").
_CHAMBERS = frozenset("house senate congress parliament assembly".split())
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# A verb of saying right after a name: the name speaks ("Obama said"). Narrower than the cues'
# verbs, since a noun may follow a name ("a Washington think tank").
_SAYS_NEXT = re.compile(
    r"\s+(?:said|says|told|tells|added|argued|argues|warned|wrote|writes|asked|announced|"
    r"stated|tweeted|insisted|explained|noted|claimed|urged|declared|responded|replied|"
    r"testified|denied|acknowledged)\b"
)
# Before a place, not a speaker: "the U.S. attorney in Brooklyn said".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|across|outside|of)\s+$")
# The people of a place, who speak through others: "Missourians", "Iowans".
_PEOPLE_OF_A_PLACE = re.compile(r"[A-Z][a-z]+(?:ans|ers)")


@dataclass
class _Name:
    """One way a name is written, with where it occurs and what it shows of its kind."""

    text: str
    kinds: Counter[ActorKind] = field(default_factory=Counter)
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # source, sentence span


def _pieces(run: str, at: int, opens: bool) -> list[tuple[str, int]]:
    """The names a run of capitalized words holds, each with its offset; ``opens`` when the
    run opens its sentence."""
    pieces: list[tuple[str, int]] = []
    offset = 0
    for part in _POSSESSIVE_WORD.split(run):
        of = part.find(_OF)
        while of >= 0 and not has_title(part[of + len(_OF) :]):
            of = part.find(_OF, of + 1)
        if of >= 0:
            pieces += [
                (part[:of], at + offset),
                (part[of + len(_OF) :], at + offset + of + len(_OF)),
            ]
        else:
            pieces.append((part, at + offset))
        offset += len(part) + 1
    return [_surface(piece, start, opens and start == at) for piece, start in pieces]


_PARTY_WORDS = frozenset({"Republican", "Democrat", "Democratic", "Independent", "GOP"})
_TITLES_OF_SEVERAL = frozenset(
    "senators sens representatives reps governors govs justices judges mayors ministers".split()
)


def _surface(piece: str, at: int, opens: bool) -> tuple[str, int]:
    """The name in a run of capitalized words and its offset, less opening words that are no
    name's and a closing possessive or full stop ("But Mr. Obama's" is "Mr. Obama"). A verb's
    -ing form opening a sentence is no name's either ("Attacking Hillary Clinton, ...")."""
    words = piece.split(" ")
    if opens and len(words) > 1 and len(words[0]) >= _ING_MIN and words[0].endswith("ing"):
        at += len(words[0]) + 1
        words = words[1:]
    while words and _CONTRACTION.sub("", words[0]).lower().rstrip(".") in _NOT_NAME_WORDS:
        at += len(words[0]) + 1
        words = words[1:]
    # "Former" goes on a title ("Former President Barack Obama"), not on a body's name
    # ("Former GOP presidential candidate ..." names the GOP); a headline's shouted word is no
    # part of the name after it ("FIRED Eric Cantor").
    if len(words) > 1 and (
        (words[0].lower() == "former" and not has_title(" ".join(words[1:])))
        or (len(words[0]) >= 4 and words[0].isupper() and sex_of_given_name(words[1].lower()))
    ):
        at += len(words[0]) + 1
        words = words[1:]
    # A title of several is no part of the first one's name ("Senators Ron Wyden of Oregon
    # and Mark Udall of Colorado"), nor a party before a given name ("Republican Mitt
    # Romney").
    if len(words) > 2 and (
        words[0].lower().rstrip(".") in _TITLES_OF_SEVERAL
        or (words[0] in _PARTY_WORDS and sex_of_given_name(words[1].lower()) is not None)
    ):
        at += len(words[0]) + 1
        words = words[1:]
    while words and words[-1] in {"of", "for", "the"}:
        words = words[:-1]
    if not words:
        return "", at
    last = _POSSESSIVE_END.sub("", words[-1])
    if last.endswith(".") and len(last) > 3 and (not last[:-1].isupper() or "." not in last[:-1]):
        last = last[:-1]  # a sentence's full stop ("the GOP."), not "Jr." or "U.S."
    return " ".join([*words[:-1], last]), at


def _demonym(name: str) -> bool:
    """Whether a name is the adjective of a country's people ("Russian")."""
    return country_of(name) is not None and country_of(name, demonyms=False) is None


def _a_body_named_before(word: str) -> bool:
    """Whether one word is an institution's, not a chamber's nor a party's members'."""
    return bool(institution_words(word) - _CHAMBERS - _MEMBER_WORDS)


@lru_cache(maxsize=1 << 14)
def _names_no_one(name: str) -> bool:
    """Whether a capitalized name is no person's or body's: the adjective of a country's people
    ("Russian"), an office, a thing, one member of a party ("a Missouri Republican"), a
    body's word alone ("the Committee"), or a headline in title case ("Deval Patrick Names
    Former Chief Of Staff To Replace John Kerry", a link's text run into an article)."""
    words = name.lower().replace("’", "'").split(" ")
    before_of = words[: words.index("of")] if "of" in words else words
    return (
        sum(char.isalpha() for char in name) < 3
        or any(word in _TITLE_CASE_SMALL_WORDS for word in name.split(" ")[1:])
        or _demonym(name)
        or _demonym(name.removesuffix("s"))
        or names_an_office(name)
        or words[-1] in _THING_WORDS
        or before_of[-1] in _MEMBER_WORD
        or (len(words) == 1 and (words[0] in _BODY_WORDS or _a_body_named_before(name)))
    )


def _signs(name: str, text: str, start: int, end: int) -> Counter[ActorKind]:
    """What one mention shows of the kind of actor the name is."""
    signs: Counter[ActorKind] = Counter()
    words = name.lower().replace("’", "'").split()
    acronym = _ACRONYM.fullmatch(name) is not None
    after_the = _THE_BEFORE.search(text, max(0, start - 5), start) is not None
    if words[-1] in _MEMBER_WORDS:
        signs["group"] += 1
    elif has_title(name):
        signs["person"] += 1
    elif institution_words(name) or _BODY_WORDS.intersection(words):
        signs["organisation"] += 1
    elif 2 <= len(words) <= 4 and sex_of_given_name(words[0]) and words[0] not in US_STATES:
        signs["person"] += 1  # a given name that tells a sex: "Hillary Clinton"
    elif acronym and after_the:
        signs["organisation"] += 1  # "the FBI", not "DACA recipients"
    elif (
        _SAYS_NEXT.match(text, end)
        and not _PLACE_BEFORE.search(text, max(0, start - 8), start)
        and not _PEOPLE_OF_A_PLACE.fullmatch(name)
    ):
        signs["organisation" if acronym or after_the else "person"] += 1
    return signs


def _name_runs(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The runs of capitalized words in ``text[start:end]``, each with its offset; two joined
    by "and" into one body's name are one run ("U.S. Fish and Wildlife Service")."""
    runs: list[tuple[str, int]] = []
    for found in _NAME_RUN.finditer(text, start, end):
        if runs:
            last, at = runs[-1]
            between = text[at + len(last) : found.start()]
            if between == " and " and one_body_named(last, found.group()):
                runs[-1] = (text[at : found.end()], at)
                continue
        runs.append((found.group(), found.start()))
    return runs


def _initials_of_a_thing(name: str) -> list[str]:
    """The initials of a thing's name, which stand for the thing: "TPS" for "Temporary
    Protected Status", "ACA" for the "Affordable Care Act"."""
    words = name.split(" ")
    if len(words) < 2 or words[-1].lower() not in _THINGS_BY_INITIALS:
        return []
    return ["".join(word[0] for word in words if word[:1].isupper())]


def _read_names(sources: Sequence[Source]) -> dict[str, _Name]:
    names: dict[str, _Name] = {}
    things: set[str] = set()  # the initials of things named: "TPS", "Temporary Protected Status"
    for source in sources:
        text = labels_as_names(source.text)
        for start, end in split_sentences(text):
            if is_heading(text, start, end):
                continue
            start += dateline_end(text[start:end])
            for run, run_start in _name_runs(text, start, end):
                for surface, at in _pieces(run, run_start, run_start == start):
                    if not surface or _names_no_one(surface):
                        things.update(_initials_of_a_thing(surface))
                        continue
                    name = names.setdefault(surface, _Name(surface))
                    name.kinds.update(_signs(surface, text, at, at + len(surface)))
                    name.spans.append((source.id, start, end))
    for initials in things & names.keys():
        del names[initials]
    # A surname used alone, where it is a person's (after a title, or before a verb of
    # saying), makes the full name a person's, in any source: "Barack Obama" beside "Mr.
    # Obama".
    personal = {
        words[-1]
        for surface, name in names.items()
        if name.kinds["person"] and (words := surface.split(" "))
    }
    for surface, name in names.items():
        words = _less_home_and_suffix(surface.split(" "))
        if (
            2 <= len(words) <= 4
            and words[-1] in personal
            and all(word[:1].isupper() for word in words)  # not "Support for Israel"
            and not institution_words(surface)
        ):
            name.kinds["person"] += 1
    return names


def _less_home_and_suffix(words: list[str]) -> list[str]:
    """A name's words less the home after it ("Senators Ron Wyden of Oregon") and a suffix
    ("Robert S. Mueller III", read as ``names.before_suffix`` reads one)."""
    words = words[: words.index("of")] if "of" in words else words
    return words[: len(before_suffix([word.rstrip(".,").lower() for word in words]))]


def _first_sentences(surfaces: Sequence[_Name], sources: Sequence[Source]) -> list[Evidence]:
    """The first sentence naming the actor in each source, in the sources' order."""
    first: dict[str, tuple[int, int]] = {}
    for name in surfaces:
        for source_id, start, end in name.spans:
            if source_id not in first or start < first[source_id][0]:
                first[source_id] = (start, end)
    return [exact_evidence(source, *first[source.id]) for source in sources if source.id in first]


def _names(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


def _matches(found: Actor, actor: Actor) -> bool:
    """Whether a cluster of the sources' names is the actor: one of its forms is one of the
    actor's. Two people of one surname and two given names are two, though the actor's
    surname alone fits both ("Malia Obama" is not "President Barack Obama", alias "Obama")."""
    if other_given_names(found.name, actor.name):
        return False
    kind = actor.kind or found.kind
    return any(same_actor(a, b, kind) for a in _names(found) for b in _names(actor))


def _join_short_forms(
    clusters: list[tuple[Actor, list[_Name]]],
) -> list[tuple[Actor, list[_Name]]]:
    """Clusters that consolidation kept apart because a third name competed ("Attorney General
    Barr" beside "Attorney General William P. Barr" and "AG Barr"): taken fullest first, a
    cluster that fits exactly one fuller cluster left joins it; the rest keep their order."""
    kept: dict[int, tuple[Actor, list[_Name]]] = {}
    by_key: dict[str, set[int]] = {}  # only clusters sharing a key can be one actor
    fullest = sorted(
        range(len(clusters)), key=lambda i: -max(len(n.split()) for n in _names(clusters[i][0]))
    )
    for i in fullest:
        cluster, surfaces = clusters[i]
        keys = frozenset().union(*(match_keys(name) for name in _names(cluster)))
        near = sorted({j for key in keys for j in by_key.get(key, ())})
        fits = [j for j in near if _matches(cluster, kept[j][0])]
        target = fits[0] if len(fits) == 1 else i
        if target in kept:
            other, joined = kept[target]
            aliases = sorted({*other.aliases, *_names(cluster)} - {other.name})
            kept[target] = (other.model_copy(update={"aliases": aliases}), joined + surfaces)
        else:
            kept[target] = (cluster, surfaces)
        for key in keys:
            by_key.setdefault(key, set()).add(target)
    return [kept[i] for i in sorted(kept)]


def count_mentions(
    sources: Sequence[Source], actors: Sequence[Actor], also_named: int
) -> list[Actor]:
    """The brief's actors with their mention counts, then up to ``also_named`` actors that
    the sources name most and attribute nothing to, each with ``named_in`` set."""
    names = list(_read_names(sources).values())
    found, by_surface = actors_of_names(
        [name.text for name in names],
        [name.kinds for name in names],
        [len(name.spans) for name in names],
        [source.text for source in sources],
    )
    members: dict[str, list[_Name]] = {}
    for name in names:
        members.setdefault(by_surface[name.text].id, []).append(name)

    counted = {actor.id: actor.mentions for actor in actors}
    fuller: dict[str, list[Actor]] = {}
    others: list[tuple[Actor, list[_Name]]] = []
    for cluster in found:
        surfaces = members[cluster.id]
        owners = [actor for actor in actors if _matches(cluster, actor)]
        if len(owners) == 1:
            counted[owners[0].id] += sum(len(name.spans) for name in surfaces)
            if _by_surname(owners[0]) and _gives_a_given_name(cluster, owners[0]):
                fuller.setdefault(owners[0].id, []).append(cluster)
        elif (
            not owners
            and cluster.kind is not None
            and country_of(cluster.name) is None  # a country takes sides through positions
        ):
            others.append((cluster, surfaces))
    candidates: list[tuple[tuple[int, int, int], Actor]] = []
    for order, (cluster, surfaces) in enumerate(_join_short_forms(others)):
        mentions = sum(len(name.spans) for name in surfaces)
        named_in = _first_sentences(surfaces, sources)
        if mentions >= _MIN_MENTIONS and len(named_in) >= min(2, len(sources)):
            rank = (-len(named_in), -mentions, order)
            candidates.append(
                (rank, cluster.model_copy(update={"mentions": mentions, "named_in": named_in}))
            )
    chosen = [actor for _, actor in sorted(candidates, key=lambda c: c[0])[:also_named]]
    return [
        *(
            _counted(
                actor,
                counted[actor.id],
                _the_fuller_name(
                    actor,
                    fuller.get(actor.id, []),
                    alone=_by_surname(actor)
                    and sum(_gives_a_given_name(cluster, actor) for cluster in found) == 1,
                ),
            )
            for actor in actors
        ),
        *chosen,
    ]


def _the_fuller_name(actor: Actor, clusters: list[Actor], *, alone: bool) -> str | None:
    """The one fuller name of the people an actor named by its surname may be. Where the
    sources name one person of that surname in full (``alone``), that person, unless the
    actor's title tells the other sex ("Mr. Richtman" is "Max Richtman"); of several, the
    one of the sex the title tells, if it tells one ("Ms. Reyes" beside "Ana Reyes" and
    "Luis Reyes", never Luis), then the one the sources give the actor's title too
    ("President Trump" beside "Donald Trump" and "Melania Trump": "President Donald Trump");
    else none."""
    sex = sex_of_person(actor.name)
    if alone and len(clusters) == 1:
        other_sex = sex is not None and sex_of_person(clusters[0].name) not in (None, sex)
        return None if other_sex else clusters[0].name
    if sex is not None:
        clusters = [c for c in clusters if sex_of_person(c.name) == sex]
    if len(clusters) > 1 and len(actor.name.split()) > 1:
        title = actor.name.split()[0]
        clusters = [c for c in clusters if any(title in name.split() for name in _names(c))]
    return clusters[0].name if len(clusters) == 1 else None


def _counted(actor: Actor, mentions: int, fuller: str | None) -> Actor:
    """The actor with its mentions, named by the fuller name the sources give it, if any:
    "Mr. Udall" is shown as "Senator Mark Udall", and keeps "Mr. Udall" as an alias; "Bam"
    as "Dmitry Bam"."""
    if fuller is None:
        return actor.model_copy(update={"mentions": mentions})
    aliases = sorted((set(actor.aliases) | {actor.name}) - {fuller})
    return actor.model_copy(update={"mentions": mentions, "name": fuller, "aliases": aliases})


def _by_surname(actor: Actor) -> bool:
    """Whether a person is named by a surname alone, after a title or not ("Mr. Udall",
    "Bam")."""
    words = actor.name.split()
    return (
        actor.kind == "person"
        and (len(words) == 1 or (len(words) == 2 and is_title_word(words[0])))
        and len(given_and_surname(actor.name)) == 1
    )


def _gives_a_given_name(cluster: Actor, actor: Actor) -> bool:
    """Whether the cluster's name gives the actor's surname after a given name."""
    surname = given_and_surname(actor.name)[0]
    words = given_and_surname(cluster.name)
    return cluster.kind == "person" and len(words) >= 2 and words[-1] == surname
