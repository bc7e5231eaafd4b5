"""Who a person is, in a source's own words: the role a sentence gives them beside their name.

A brief that says "Tirana Hassan: opposes" leaves the editor to find out who she is; the
sources usually say it where they first name someone, in an apposition. This module reads it,
by code and no model, from the sentences that name the person in full:

- after the name, between commas: "Tirana Hassan, executive director of Human Rights Watch,
  warned", "said Amara Okafor, spokesperson for the coalition.", "Sen. Claire McCaskill, a
  Missouri Democrat,", "Amara Okafor, who speaks for the Open Net Alliance,";
- before it, with the body the role is in: "Human Rights Watch executive director Tirana
  Hassan", "the coalition's policy director, Amara Okafor";
- failing both, the body the person is "of": "Ms. Amara Okafor of the Digital Rights
  Coalition" (not a place: "of the United States" is no role).

The first role that names a body is taken ("of the Digital Rights Coalition" over an earlier
"spokesperson for the coalition"), else the first. A role is verbatim text of the source
(``Role.text == text[start:end]``) inside the sentence that is its evidence, which the brief
cites beside the name. A role needs a word naming a post ("director", "spokesperson",
"minister", "Democrat") and two words or more besides "the" or "a": "the minister" alone
tells the editor nothing the name does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .claims import MONTHS, WEEKDAYS
from .consolidate import country_of, institution_words, untitled_name
from .countries import US_STATES
from .cues import has_a_verb_of_saying
from .given_names import is_given_name
from .kinds import actor_kind
from .models import Actor, Position, Risk, Role, exact_evidence
from .names import is_title_word, names_actor
from .source_index import SourceIndex

__all__ = [
    "fold_raisers",
    "fold_spokespeople",
    "read_roles",
    "role_after",
    "role_before",
    "role_of_body",
]

# Words naming a post someone holds; each alone may make a role ("a Missouri Democrat").
_POSTS = (
    r"spokes(?:man|woman|person)|secretary|director|minister|president|chair(?:man|woman|person)?"
    r"|chief|head|leader|executive|officer|official|adviser|advisor|ambassador|envoy|senator"
    r"|representative|congress(?:man|woman)|governor|mayor|professor|lecturer|researcher|analyst"
    r"|economist|lawyer|attorney|counsel|(?:co-?)?founder|member|fellow|editor|commissioner|judge"
    r"|rapporteur|manager|coordinator|campaigner|activist|expert|strategist|aide|negotiator"
    r"|delegate|diplomat|partner|ceo|chancellor|premier|prosecutor|commander|scientist|historian"
    r"|consultant|owner|candidate|nominee|lobbyist|organi[sz]er|councill?or|lawmaker|legislator"
    r"|mp|mep|democrat|republican|speaker|whip|deputy|trustee|dean|specialist|investigator"
    r"|inspector|auditor|regulator|administrator|superintendent|treasurer|clerk|staffer"
    r"|correspondent|columnist|commentator|pastor|bishop|physician|doctor|running[^\S\n]+mate"
)
_POST = rf"(?i:{_POSTS})"
# Space inside a line: a role never runs on past a line's end.
_SP = r"[^\S\n]+"
# A word of a body's name ("Human", "U.S.", "Rights") or of a role's ("senior", "policy"):
# an initialism's stops are its own ("U.S."), as is a saint's or a mount's before a name
# ("St. Louis"); a sentence's full stop is not ("Coalition.").
_CAPITALIZED = (
    r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:St|Mt|Ft)\.(?=[^\S\n]+[A-Z])|[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*)"
)
# A word qualifying a post ("executive", "senior policy"); never a word that joins a clause,
# nor a verb's past ("President Trump directed attorney Michael Cohen").
_LOWER = (
    r"(?!(?:and|or|but|his|her|its|their|the|a|an|is|was|are|were|be|been|has|had|by|of|to|in"
    r"|on|for|with|as|at|from|that|who|whom|whose|which|said|says|told|after|before|about|over"
    r"|under|into|than|since|during|against|like|including|now|because|if|not|also|still|just"
    r"|only|even|so|one|two|three|off|up|out|down|away|back)\b|[a-z]+ed\b)[a-z0-9][\w/-]*"
)
_OWNER = rf"(?:(?:the{_SP})?{_LOWER}['’]s|{_CAPITALIZED}(?:{_SP}{_CAPITALIZED}){{0,4}}['’]s)"
_JOINER = rf"(?:(?:of|for|on)(?:{_SP}the)?|and){_SP}"
_BODY_WORDS = rf"{_CAPITALIZED}(?:{_SP}(?:{_JOINER})?{_CAPITALIZED}){{0,5}}"
# A phrase's last word keeps no full stop, but for a name's suffix ("Trump Jr.").
_LAST_WORD = r"(?:(?:Jr|Sr|Inc|Co|Corp|Ltd)\.|[\w&'’.-]*[\w&'’-])"
# A state's abbreviation between commas inside a body's name, the name going on after it
# ("the Kansas City, Mo., branch of the NAACP"; not "mayor of Phoenix, Ariz., on Monday", nor
# "a professor at Randolph-Macon College in Ashland, Va., toppled Mr. Cantor").
_STATE_INSIDE = (
    rf",{_SP}[A-Z][a-z]{{1,4}}\.,(?={_SP}(?!(?:on|in|at|and|who|said|says|told|is|was|has"
    rf"|had|will|would|[a-z]+ed)\b)[a-z])"
)
# The place and body words after a post: "of Human Rights Watch", "for the coalition".
_TAIL = (
    rf"(?:{_SP}(?:of|for|at|to|in|on|with){_SP}"
    rf"(?:[\w&'’.-]+(?:{_STATE_INSIDE})?{_SP}){{0,6}}?{_LAST_WORD})?"
)
# Where an apposition after a name ends: a comma or other stop, or a clause that begins.
# A stop after an abbreviation ("a spokesman for Rep. Fincher", "Speaker John A. Boehner")
# is no end.
_ABBREVIATIONS = "Rep Sen Gov Dr Mr Mrs Ms St Lt Gen Col Capt Sgt Jr Sr Inc Co Corp Ltd No Mt Prof"
_FULL_STOP = "".join(rf"(?<!\b{word})" for word in _ABBREVIATIONS.split()) + r"(?<!\b[A-Z])\."
_APPOSITION_END = (
    rf"(?=\s*(?:(?!{_STATE_INSIDE}),|[;:)\]—–]|{_FULL_STOP}(?:\s|$)|$)"
    r"|\s+(?:who|whom|which|that|said|says|told|when|while)\b|\s+and\s+(?![A-Z]))"
)
_MODIFIERS = rf"(?:{_LOWER}{_SP}){{0,3}}"

# A word of time before a body's name: "the acting White House chief of staff".
_TIME_QUALIFIER = rf"(?:(?:former|then|acting|interim|outgoing|incoming|longtime){_SP})?"
# A post, with the words before it: "a Missouri Democrat", "the group's policy director", "a
# 9/11 widow and co-chair of September 11th Advocates".
_POST_PHRASE = (
    rf"(?:(?:the|a|an|his|her|its|their){_SP})?{_TIME_QUALIFIER}"
    rf"(?:{_OWNER}{_SP}|(?:{_CAPITALIZED}{_SP}){{1,5}})?{_MODIFIERS}"
    rf"(?:{_LOWER}{_SP}and{_SP}{_MODIFIERS})?(?:co-|vice-|vice{_SP})?(?:{_POST})\b{_TAIL}"
)
# After the name, perhaps past a party and state in brackets ("Sen. Tim Kaine (D-Va.),"),
# or past the place they are from ("Senator Dianne Feinstein of California, the top Democrat
# on ...").
_AFTER = re.compile(
    rf"(?:{_SP}\([^()\n]{{1,24}}\)|{_SP}of{_SP}(?P<place>[A-Z][a-z]+(?:{_SP}[A-Z][a-z]+)?))?,{_SP}"
    rf"(?P<role>(?:who{_SP}(?:is|was){_SP})?{_POST_PHRASE})" + _APPOSITION_END
)
# A clause that says what someone does for a body: "Amara Okafor, who speaks for the Open Net
# Alliance, said".
_WHO = re.compile(
    rf",{_SP}(?P<role>who{_SP}(?:speaks{_SP}for|spoke{_SP}for|leads|led|heads|headed|chairs"
    rf"|chaired|runs|ran|represents|represented|directs|directed|founded|co-founded"
    rf"|(?:works|worked){_SP}(?:for|at|with)){_SP}(?:[\w&'’.-]+{_SP}){{0,6}}?{_LAST_WORD})"
    + _APPOSITION_END
)
# Before a name a post is in lower case: a capitalized one is a title, part of the name.
_BEFORE = re.compile(
    rf"(?P<role>(?:[Tt]he{_SP})?{_TIME_QUALIFIER}"
    rf"(?:(?:{_OWNER}|{_BODY_WORDS}){_SP})?{_MODIFIERS}(?:{_POSTS}|CEO)),?{_SP}$"
)
# (the body's name ends where its capitalized words do: "of the Harbour Trust met ...")
_OF_BODY = re.compile(rf"{_SP}(?P<role>of{_SP}the{_SP}{_BODY_WORDS})(?![\w&'’-]|{_SP}[A-Z])")

# Capitalized words that open a sentence or a clause, not a body's name: "Yesterday Human
# Rights Watch director ..." is Human Rights Watch's director.
_NOT_A_BODY = (
    frozenset(
        """the a an on in at by and but or so yet also then today yesterday meanwhile earlier later
    last next this that when after before while as since with for from said says told fellow
    according his her their its our my whose they we he she it you i there here""".split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)
_DETERMINERS = frozenset("the a an his her its their".split())
_QUOTES = re.compile(r"[\"“”«»]")
_MAX_WORDS = 15
_BEFORE_REACH = 120


def _fit(role: str) -> bool:
    """Whether ``role`` says something of its own: two words or more besides a determiner,
    no quotation, no verb of saying, not too long to be one apposition."""
    words = role.split()
    content = [word for word in words if word.lower() not in _DETERMINERS]
    return (
        2 <= len(content)
        and len(words) <= _MAX_WORDS
        and not _QUOTES.search(role)
        and not has_a_verb_of_saying(role)
    )


# A name after an apposition takes it: "views of Judge Gorsuch, the Senate Democratic leader,
# Chuck Schumer" gives Schumer the role.
_NAME_AFTER = re.compile(r",\s+[A-Z][\w'’.-]*\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+")
# A verb's form opens no role before a name: "taken off special counsel Robert Mueller's
# inquiry", "including senior spokeswoman Karen Finney".
_VERB_FORM = re.compile(r"[a-z]+(?:ing|ed|en)$")


# A verb that makes someone something, a few words before the name: "to appoint the site's
# founder, Julian Assange, ambassador to the United States" makes him one he is not yet.
_MAKES = re.compile(
    r"(?<![\w-])(?:appoint|name|nominate|elect|make|made|crown|declare)(?:s|ed|ing)?\b"
    r"(?:[^\S\n]+\S+){0,4}[^\S\n]*$"
)


def role_after(text: str, name_end: int, name_start: int | None = None) -> tuple[int, int] | None:
    """The apposition after a name that ends at ``name_end``: its offsets, or None. With the
    name's ``name_start``, a post without "the" or "a" after a verb of making someone
    something ("appoint ... Julian Assange, ambassador to ...") is what they are made, no
    role."""
    found = _AFTER.match(text, name_end) or _WHO.match(text, name_end)
    if found is None or not _fit(found.group("role")):
        return None
    place = found.groupdict().get("place")
    if place and place.lower() not in US_STATES and country_of(place) is None:
        return None  # only a state or a country is where someone is from, not "of Harbourview"
    if _NAME_AFTER.match(text, found.end("role")):
        return None
    role = found.group("role")
    if _names_a_person(role):
        return None  # a list of people: "President Barack Obama, former Secretary of State
        # Hillary Clinton, liberal billionaire George Soros, ..."
    if (
        name_start is not None
        and role.split()[0].lower() not in _DETERMINERS
        and _MAKES.search(text, max(0, name_start - 60), name_start)
    ):
        return None
    return found.span("role")


# A given name (its group, for ``is_given_name``), a middle initial or none, and a surname.
_GIVEN_AND_SURNAME = r"([A-Z][a-z]+)[^\S\n]+(?:[A-Z]\.[^\S\n]+)?[A-Z][\w'’-]+"
# Another person's title and name where a role would be: "former Secretary of State Hillary
# Clinton" after "President Barack Obama," is the next in a list.
_TITLE_AND_NAME = re.compile(
    r"(?:(?:former|then|the|of|and)[^\S\n]+|[A-Z][\w.'’-]*[^\S\n]+)*?" + _GIVEN_AND_SURNAME
)


def _names_a_person(role: str) -> bool:
    found = _TITLE_AND_NAME.fullmatch(role)
    return found is not None and is_given_name(found.group(1).lower())


# The words a post's qualifiers open with when no body or "the" comes first: "special
# counsel", "former national security adviser"; not "met lawyer".
_QUALIFIERS = frozenset(
    """former then acting interim outgoing incoming longtime senior junior chief deputy special
    vice assistant associate general top lead leading executive managing national political
    presidential press policy communications campaign legal economic foreign security defense
    defence state federal regional local party union independent prominent veteran""".split()
)


def _opens_a_role(role: str) -> bool:
    """Whether a role before a name opens as one: with "the", a body's name or a possessive,
    or a word that qualifies a post."""
    first = role.split()[0]
    return first[0].isupper() or first.lower() in _QUALIFIERS or "'" in role or "’" in role


# A person named and joined to the body: "between Amanda Carpenter and Boston Herald
# columnist Adriana Cohen" gives Cohen no role of Carpenter's.
_PERSON_AND = re.compile(rf"\b{_GIVEN_AND_SURNAME}[^\S\n]+and\b")


def role_before(text: str, name_start: int, sentence_start: int = 0) -> tuple[int, int] | None:
    """A role just before a name that starts at ``name_start``, in its sentence, or None:
    "Human Rights Watch executive director", "the coalition's director,"."""
    window_start = max(sentence_start, name_start - _BEFORE_REACH)
    window = text[window_start:name_start]
    # The role starts after the last stop before the name.
    window_start += max(window.rfind(mark) for mark in ';:(\n“"—') + 1
    clause = text[window_start:name_start]
    after_another = max(
        (m.end() for m in _PERSON_AND.finditer(clause) if is_given_name(m.group(1).lower())),
        default=0,
    )
    for word in re.finditer(r"\S+", clause):
        # A sentence's or a clause's opening words are no body's name ("Yesterday Human
        # Rights Watch director ..." is Human Rights Watch's director).
        if word.group().lower().rstrip(",") in _NOT_A_BODY - {"the"} or _VERB_FORM.match(
            word.group()
        ):
            continue
        if word.start() < after_another:
            continue
        found = _BEFORE.match(clause, word.start())
        if found and _fit(found.group("role")) and _opens_a_role(found.group("role")):
            start, end = found.span("role")
            return window_start + start, window_start + end
    return None


def role_of_body(text: str, name_end: int) -> tuple[int, int] | None:
    """The body a person is "of", after their name ("of the Digital Rights Coalition"), or
    None; never a country ("of the United States")."""
    found = _OF_BODY.match(text, name_end)
    if found is None:
        return None
    body = re.sub(r"^of\s+the\s+", "", found.group("role"))
    if country_of(body, demonyms=False) or not _fit(found.group("role")):
        return None
    return found.span("role")


def _given(word: str, surname: str) -> bool:
    """Whether a capitalized word before a surname reads as a given name: one the tables
    know, or a word no title, body or sentence's opening is ("Josh" Earnest, not "Senator",
    "Senate" or "But")."""
    if is_given_name(word.lower()):
        return True
    return (
        word.lower() not in _NOT_A_BODY
        and not institution_words(word)
        and untitled_name(f"{word} {surname}") != surname
    )


def _name_forms(actor: Actor, texts: Sequence[str]) -> list[str]:
    """The person's full names as a source may write them, less their titles: "Minister Jonas
    Berg" is found as "Jonas Berg". A person drafted by surname alone ("Earnest") is found
    by the full name the sources give it ("Josh Earnest"), when they give one given name."""
    forms = []
    for name in [actor.name, *actor.aliases]:
        untitled = untitled_name(name)
        if len(untitled.split()) >= 2 and untitled not in forms:
            forms.append(untitled)
    if forms or len(untitled_name(actor.name).split()) != 1:
        return forms
    surname = untitled_name(actor.name)
    full = re.compile(
        rf"(?<![\w.-])([A-Z][a-z]+)(?:{_SP}[A-Z]\.)?{_SP}{re.escape(surname)}(?![\w-])"
    )
    found = {(m.group(1), m.group(0)) for text in texts for m in full.finditer(text)}
    given = {first for first, _ in found if _given(first, surname)}
    return sorted(written for first, written in found if first in given) if len(given) == 1 else []


# A role that names its body ("of Human Rights Watch", "a Missouri Democrat") tells the editor
# more than one that points back to it ("spokesperson for the coalition").
_NAMES_A_BODY = re.compile(r"(?<!^)\b[A-Z]|^(?!(?:The|A|An|His|Her|Its|Their)\b)[A-Z]")


# A role that opens with a possessive pronoun points back to someone the brief's row does not
# show: "Michael D. Cohen, his longtime lawyer" (President Trump's).
_POINTS_BACK = re.compile(r"(?i:his|her|their|its)\s")


def _roles_in(index: SourceIndex, forms: list[str]) -> Iterator[tuple[int, tuple[int, int]]]:
    """Every role the source gives the person, in the order the text gives them, with its
    rank: 0 for one that names a body, 1 for one that does not; none that opens with "his",
    "her", "their" or "its"."""
    text = index.source.text
    pattern = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    for found in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text):
        span = role_after(text, found.end(), found.start())
        if span is None:  # the name's sentence bounds a role before it
            sentence = index.sentence_evidence(exact_evidence(index.source, *found.span()))
            span = role_before(text, found.start(), sentence.start) or role_of_body(
                text, found.end()
            )
        if span and not _POINTS_BACK.match(text, span[0]):
            yield (0 if _NAMES_A_BODY.search(text[span[0] : span[1]]) else 1), span


def _a_person(actor: Actor, texts: str) -> bool:
    """A person by kind, or by name when no kind was drafted (a risk's raiser): "Amara
    Okafor", not "Microsoft"."""
    return (actor.kind or actor_kind(actor.name, texts)) == "person"


_ROLE_FUNCTION_WORDS = frozenset("the a an of for at in on to and".split())


_HOUSE_IN_FULL = re.compile(r"\bHouse\s+of\s+Representatives\b")


def _said_by_the_name(role: str, name: str) -> bool:
    """Whether every word of a role is a word of the name already, which would show it twice
    beside it: "Former GOP presidential nominee" of "Former GOP presidential nominee Mitt
    Romney", "Republican of Arkansas" of "Arkansas Republican Gov. Asa Hutchinson", "N.C.A.A.
    president" of "NCAA President Mark Emmert" (initials with full stops or without), "the
    majority whip of the House of Representatives" of "House Majority Whip Steve Scalise"."""
    role = _HOUSE_IN_FULL.sub("House", role)
    words = {_bare(word) for word in role.split()} - _ROLE_FUNCTION_WORDS
    return bool(words) and words <= {_bare(word) for word in name.split()}


def _bare(word: str) -> str:
    return word.lower().replace(".", "").strip(",")


def read_roles(indexes: Sequence[SourceIndex], actors: list[Actor]) -> list[Actor]:
    """Each person with the first role the sources give them (see the module docstring);
    others as they were. A risk's raiser, drafted with no kind, is read as a person by name
    (``kinds.actor_kind``), and one who has a role gets the kind "person"."""
    result = []
    texts = [index.source.text for index in indexes]
    everything = "\n\n".join(texts)
    taken = {actor.name for actor in actors}
    for actor in actors:
        forms = _name_forms(actor, texts) if _a_person(actor, everything) else []
        found = [
            (rank, order, index, span)
            for order, index in enumerate(indexes)
            if forms
            for rank, span in _roles_in(index, forms)
            if not _said_by_the_name(index.source.text[span[0] : span[1]], actor.name)
        ]
        if not found:
            result.append(actor)
            continue
        _, _, index, (start, end) = min(found, key=lambda item: (item[0], item[1], item[3]))
        text = index.source.text
        sentence = index.sentence_evidence(exact_evidence(index.source, start, end))
        role = Role(text=text[start:end], start=start, end=end, evidence=sentence)
        # A risk's raiser has no kind drafted: one who has a role is a person.
        update = {"role": role, "kind": "person", **_without_post(actor, everything, taken)}
        result.append(actor.model_copy(update=update))
    return result


_SMALL_WORDS = frozenset("of the and for in on at to de du von van".split())


def _without_post(actor: Actor, text: str, taken: set[str]) -> dict[str, object]:
    """A person drafted with a post in lower case before the name ("Obama campaign aide
    Robert Gibbs") is named by the name alone once the sources give the role ("Robert Gibbs,
    a political adviser to President Obama"), not by two posts; the drafted form stays an
    alias. Nothing where the name has no such post, the sources never write the name, or
    another actor has it."""
    words = actor.name.split()
    lower = [i for i, word in enumerate(words) if word[:1].islower()]
    # (a small word inside a title is no post: "Secretary of State Hillary Clinton")
    rest = words[lower[-1] + 1 :] if lower and words[lower[-1]] not in _SMALL_WORDS else []
    while rest and is_title_word(rest[0]):  # "former Gov. Mitt Romney"
        rest.pop(0)
    name = " ".join(rest)
    if (
        len(name.split()) < 2
        or name in taken
        or not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    ):
        return {}
    return {"name": name, "aliases": sorted({*actor.aliases, actor.name} - {name})}


def _speaks_for(person: Actor, body: Actor) -> bool:
    """Whether a person's role names a body they speak for: "Tirana Hassan, executive
    director of Human Rights Watch" speaks for Human Rights Watch."""
    return (
        person.kind == "person"
        and person.role is not None
        and body.kind != "person"
        and names_actor(body.name, body.kind, person.role.text)
    )


def fold_spokespeople(positions: list[Position], actors: list[Actor]) -> list[Position]:
    """The positions less those of a body that only repeat a person's who speaks in it.

    A sentence such as "Tirana Hassan, executive director of Human Rights Watch, warned ..."
    is drafted for the person and for the body; once the person's row names the body in their
    role, the body's row says nothing more. It is left out when every span it quotes is the
    person's and the stances are the same; a body with words of its own, or another stance,
    keeps its row. The pipeline folds before the stance questions, so that a row left out is
    asked about no more: the stances compared are then the extraction's.
    """
    by_id = {actor.id: actor for actor in actors}

    def spans(position: Position) -> frozenset[tuple[str, int, int]]:
        return frozenset((ev.source_id, ev.start, ev.end) for ev in position.evidence)

    def shown(position: Position) -> tuple[str, str, str | None]:
        return (position.stance, position.stance_check, position.second_stance)

    speakers = [p for p in positions if by_id[p.actor_id].role is not None]

    def repeats_a_speaker(position: Position) -> bool:
        return any(
            spans(position) <= spans(speaker)
            and shown(position) == shown(speaker)
            and _speaks_for(by_id[speaker.actor_id], by_id[position.actor_id])
            for speaker in speakers
        )

    return [p for p in positions if not repeats_a_speaker(p)]


def fold_raisers(risks: list[Risk], actors: list[Actor]) -> list[Risk]:
    """The risks, each raised by its raisers less a body whose own person raises it too.

    "Tirana Hassan, executive director of Human Rights Watch, warned ..." is drafted as a
    risk raised by both; the row that names her with her role names the body already, so
    the body is left out of that risk's raisers (never the last raiser: the person stays).
    """
    by_id = {actor.id: actor for actor in actors}

    def spoken_for(body: str, raisers: list[str]) -> bool:
        return any(_speaks_for(by_id[other], by_id[body]) for other in raisers)

    folded = []
    for risk in risks:
        kept = [a for a in risk.raised_by if not spoken_for(a, risk.raised_by)]
        folded.append(
            risk if kept == risk.raised_by else risk.model_copy(update={"raised_by": kept})
        )
    return folded
