"""Whether a text names an actor: names, surnames, titles, acronyms and spellings.

News writing names a person in full once and by surname after, a body in full and then by
acronym or by "the" and its head noun; a small model drafts names with titles the text never
gives, or runs a name on into the words after it. These functions compare a drafted name with
the text as names are compared (``spelled_words``), and tell a name from words that name no
one.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from .alignment import normalize
from .claims import WEEKDAYS
from .countries import US_STATES
from .given_names import Sex, full_given_name, is_given_name, sex_of_given_name
from .models import ActorKind

__all__ = [
    "HONORIFICS",
    "NAME_SUFFIXES",
    "NEWS_OUTLET_WORDS",
    "NOT_AFTER_A_SHORT_FORM",
    "OPENS_A_CLAUSE",
    "SEX_OF_TITLE",
    "a_common_noun_alone",
    "acronym",
    "actor_name",
    "before_suffix",
    "ends_in_a_personal_name",
    "given_and_surname",
    "is_name_title",
    "is_the_topic",
    "is_title_word",
    "name_words",
    "names_actor",
    "names_people",
    "other_given_names",
    "refers_back",
    "same_given_name",
    "spelled_alike",
    "sex_of_person",
    "spelled",
    "spelled_words",
    "titled_person",
    "unaccented",
    "without_sentence_stop",
    "without_state",
]

_WORD = re.compile(r"[\w'-]+")
_NAME_STOPWORDS = {"the", "of", "for", "and", "on", "in", "a", "an", "to", "&"}
# Titles that only people bear, before a surname ("Ms. Park", "Sen. Grassley").
HONORIFICS = frozenset("mr mrs ms miss dr sen rep gov prof".split())
# Titles a small model puts before a name on its own ("Sen. Mitt Romney").
_NAME_TITLES = HONORIFICS | frozenset(
    "senator representative congressman congresswoman governor justice judge president "
    "minister secretary speaker mayor former".split()
)


def is_name_title(word: str) -> bool:
    """Whether ``word`` is a title a model puts before a name ("Sen.", "Mayor", "Former")."""
    return word.lower().rstrip(".") in _NAME_TITLES


# Words of a role, which a person's own name never ends in ("Utah Attorney General").
_ROLE_WORDS = _NAME_TITLES | frozenset(
    "attorney general executive chief officer director spokesman spokeswoman spokesperson "
    "leader chairman chairwoman commissioner reporter official aide adviser advisor".split()
)


def ends_in_a_personal_name(words: list[str]) -> bool:
    """Whether a drafted name ends in a given name and a surname ("... Mayor Ed Murray"), not
    in a role ("AARP chief executive", "Utah Attorney General")."""
    last = words[-2:]
    return len(last) == 2 and all(
        word[:1].isupper() and word.lower().rstrip(".") not in _ROLE_WORDS for word in last
    )


# Generational suffixes, which come after a surname ("Theodore J. Boutrous Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_POSSESSIVE = re.compile(r"'s?$")


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


def spelled_words(text: str) -> list[str]:
    """The words of ``text`` as names are compared (see ``spelled``)."""
    return [word for word in map(spelled, name_words(text)) if word]


def names_actor(name: str, kind: ActorKind | None, window: str) -> bool:
    """Whether ``window`` names the actor: in full, by surname (people) or by acronym."""
    words = spelled_words(name)
    if not words:
        return False
    window_words = _without_longer_names(spelled_words(window), words)
    if NAME_SUFFIXES.isdisjoint(words):
        # "Jesse Jackson" is not "Jesse Jackson Jr.", his son.
        window_words = _without_suffixed_names(window_words)
    padded = " " + " ".join(window_words) + " "
    if " " + " ".join(words) + " " in padded:
        return True
    if words[0] == "the" and " " + " ".join(words[1:]) + " " in padded:
        return True
    # "Sen. Mitch McConnell" is named by his full name under another title ("Majority Leader
    # Mitch McConnell"); a risk's raiser, which has no kind, too.
    untitled = words[1:] if words[0] in _NAME_TITLES else []
    if len(untitled) >= 2 and " " + " ".join(untitled) + " " in padded:
        return True
    # "Mr. Boutrous" names "Theodore J. Boutrous Jr.": the surname is before the suffix. A
    # role is no surname: its words name it ("the Attorney General of Utah" names the "Utah
    # Attorney General"), and "the president" names no "Vice President".
    core = before_suffix(words)
    if kind == "person" and len(core) > 1 and len(core[-1]) >= 3:
        if is_title_word(core[-1]):
            # With the body or place it is of: "N.C.A.A. president" is no "president" of
            # another ("... to run for re-election or for president in 2016").
            role = _role_of(core)
            of = core[: len(core) - len(role)]
            if " " + " ".join(role) + " " in padded and (
                not of or " " + " ".join(of) + " " in padded or set(of) <= set(window_words)
            ):
                return True
        elif core[-1] in window_words and _surname_named(core, name, window):
            return True
    # A risk's raiser has no kind, but "Ms. Park" names only a person: "Ada Park".
    if kind is None and _titled(core, window_words):
        return True
    # A title is never a name's initials: "Mr." is no acronym of Mitt Romney; and initials
    # are written in capitals ("as" is no acronym of Adam Schiff, nor "us" of the United
    # States).
    short = acronym(words)
    if (
        len(short) >= 2
        and not is_title_word(short)
        and short in window_words
        and short.upper()
        in {
            spelled(found.group().replace(".", ""))
            for found in _INITIALS.finditer(window)
            # (a bill's number is no body's initials: "the so-called "HR 1" measure")
            if not _A_NUMBER_AFTER.match(window, found.end())
        }
    ):
        return True
    # The draft may use the acronym while the text spells the name out, in capitals (not
    # "urges new restrictions on assault weapons" for the NRA).
    if len(words) == 1 and len(words[0]) >= 2:
        for run in _CAPITALIZED_RUN.findall(window):
            run_words = spelled_words(run)
            for start in range(len(run_words)):
                for end in range(start + 2, min(len(run_words), start + 10) + 1):
                    if acronym(run_words[start:end]) == words[0]:
                        return True
    return False


def _surname_named(core: list[str], name: str, window: str) -> bool:
    """Whether ``window`` names the person ``name`` (its words ``core``) by surname: with a
    capital where the name has one ("Tom Lee's wife" is "his wife"), and not only after
    another given name ("James Mattioli, whose son ..." does not name Mark Mattioli)."""
    surname = core[-1]
    capital = _capitalized_in(surname, name)
    given = next((word for word in core[:-1] if is_given_name(word)), None)
    unsuffixed = NAME_SUFFIXES.isdisjoint(spelled_words(name))
    tokens = _RAW_WORD.findall(window)
    for at, token in enumerate(tokens):
        if spelled_words(token) != [surname] or (capital and not token[:1].isupper()):
            continue
        after = spelled_words(tokens[at + 1]) if at + 1 < len(tokens) else []
        if unsuffixed and after and after[0] in NAME_SUFFIXES:
            continue  # "Jesse Jackson Jr." names no Jesse Jackson, his father
        before = tokens[at - 1] if at else ""
        if (
            given
            and before[:1].isupper()
            and is_given_name(before.lower())
            and not same_given_name(before, given)
        ):
            continue  # another of that surname
        title_sex = SEX_OF_TITLE.get(before.lower().rstrip("."))
        if given and title_sex and sex_of_given_name(given) not in (None, title_sex):
            continue  # "Mr. Obama asked his daughters" names no Malia Obama
        return True
    return False


def _capitalized_in(word: str, window: str) -> bool:
    """Whether ``window`` writes ``word``, a surname as names are compared, with a capital:
    "the park was full" names no "Ana Park", "intelligence gathering" no "Director of
    National Intelligence"."""
    return any(
        token[:1].isupper() and spelled_words(token) == [word]
        for token in _RAW_WORD.findall(window)
    )


_RAW_WORD = re.compile(r"[^\W_][\w'’-]*")
_A_NUMBER_AFTER = re.compile(r"[ \t]*\d")
# A word as written, with the full stops of initials ("U.S.", "HRW's").
_INITIALS = re.compile(r"[^\W_][\w.'’-]*")


# Capitalized words, with the function words a name may hold between them ("National Rifle
# Association", "Committee to Protect Journalists").
_CAPITALIZED_RUN = re.compile(
    r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|on|to|in|&)\s+)*[A-Z][\w'’&.-]*)*"
)


# Names that hold another one's word: "White House" does not name the House.
_LONGER_NAMES = {("white", "house")}


def _without_suffixed_names(window_words: list[str]) -> list[str]:
    """The window's words without the two before a generational suffix and the suffix: a
    name without one is another man's ("Jesse Jackson" beside "Jesse Jackson Jr.")."""
    inside = {
        index + at
        for index, word in enumerate(window_words)
        if word in NAME_SUFFIXES and index >= 2
        for at in (-2, -1, 0)
    }
    return [word for index, word in enumerate(window_words) if index not in inside]


def _without_longer_names(window_words: list[str], name_words: list[str]) -> list[str]:
    """The window's words without those that belong to a longer name the actor's is not."""
    inside = {
        index + at
        for index in range(len(window_words) - 1)
        for pair in _LONGER_NAMES
        if tuple(window_words[index : index + 2]) == pair and pair[0] not in name_words
        for at in (0, 1)
    }
    return [word for index, word in enumerate(window_words) if index not in inside]


# Words that make a role another one: a vice president is not the president.
_ROLE_MODIFIERS = frozenset("vice deputy assistant associate lieutenant under".split())


def _role_of(words: list[str]) -> list[str]:
    """The role a name ends in: its last words that are titles, with their modifiers."""
    start = len(words)
    while start > 0 and (is_title_word(words[start - 1]) or words[start - 1] in _ROLE_MODIFIERS):
        start -= 1
    return words[start:]


def before_suffix(words: list[str]) -> list[str]:
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
    return _titled(before_suffix(spelled_words(name)), spelled_words(text))


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
# Or into a person's role after a comma: "Anita L. Russell, president of the Kansas City,
# Mo., branch of the NAACP" (the role is read from the source, see ``briefing.roles``).
_ROLE_AFTER_NAME = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[a-z][\w.'’-]*\s+){0,3}?"
    r"(?:president|director|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson"
    r"|secretary|leader|head|chief|founder|executive|official|lawyer|attorney|professor"
    r"|member|organizer|aide|adviser|advisor|editor|reporter|economist|analyst)\b"
)
# Or past a parenthesis after the name: an acronym, a party and state, a note ("Human Rights
# Watch (HRW)", "Rep. Maxine Waters (D-Calif.)", "Digital Rights Coalition (fictional)").
# A title in the plural, the model's copy of a pair's ("Senators Sheldon Whitehouse of Rhode
# Island and Richard J. Durbin of Illinois"): one person has it in the singular, or not at all.
_PLURAL_TITLE = re.compile(r"^(?:Senators|Sens\.|Representatives|Reps\.|Governors|Govs\.)\s+")
_PARENTHESIS_AFTER_NAME = re.compile(r"(?<=\S)\s*\([^()]*\)\s*$")
# Or into the outlet a journalist wrote in ("Maggie Haberman in the New York Times").
NEWS_OUTLET_WORDS = (
    r"Times|Post|Journal|Herald|Tribune|Register|Gazette|Hill|News|AP|AFP|UPI|Reuters|CNN|NBC|ABC"
    r"|CBS|MSNBC|Politico|Pollster|Bloomberg|Newsweek|Root|NY1|Globe|Observer|Wire|HuffPost"
    r"|BuzzFeed|Breitbart|Axios|Slate|Salon|Vox|Newsmax|Mediaite|Daily\s+Beast|Atlantic|Guardian"
    r"|Economist|Telegraph|Examiner|Intercept|Weekly|Daily|Courant|Inquirer|Chronicle|Dispatch"
    r"|Sentinel|Ledger|Courier|Bulletin"
)
_OUTLET_AFTER_NAME = re.compile(
    rf"\s+in\s+(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){{0,4}}(?:{NEWS_OUTLET_WORDS})$"
)
# (see ``without_sentence_stop``)
_SENTENCE_STOP = re.compile(r"(?<=[a-z]{3})(?<!Corp|Bros|Assn|Dept|Govt|Intl)\.$")
_TRAILING_FUNCTION_WORDS = re.compile(
    r"(?:[\s,;:]+(?:the|and|or|of|for|on|in|a|an|to|with|by|&))+[\s,;:]*$|[\s,;:]+$",
    re.IGNORECASE,
)


# "Senator Dianne Feinstein of California": the state a person is from, after the name.
_OF_A_STATE = re.compile(r"\s+of\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$")


def without_state(name: str) -> str:
    """A person's name less the US state written after it ("Senator Chuck Schumer of New
    York" is "Senator Chuck Schumer"); any other name as it is ("Governor of California",
    "University of California")."""
    state = _OF_A_STATE.search(name)
    if (
        state
        and state.group(1).lower() in US_STATES
        and ends_in_a_personal_name(name[: state.start()].split())
    ):
        return name[: state.start()]
    return name


def actor_name(drafted: str) -> str:
    """The name a draft gives its actor, cut where the model ran it on past the name (or a
    person's state after it)."""
    name = _ASIDE_AFTER_NAME.sub("", _LIST_AFTER_NAME.sub("", drafted.strip()))
    role = _ROLE_AFTER_NAME.search(name)
    if role and ends_in_a_personal_name(name[: role.start()].split()):
        name = name[: role.start()]  # "Anita L. Russell, president of the Kansas City, ..."
    name = without_state(_PARENTHESIS_AFTER_NAME.sub("", name))
    name = _without_post_before_comma(_without_lower_case_post(name))
    plural = _PLURAL_TITLE.match(name)
    if plural and ends_in_a_personal_name(name[plural.end() :].split()):
        name = name[plural.end() :]
    before_outlet = _OUTLET_AFTER_NAME.sub("", name)
    personal = ends_in_a_personal_name(before_outlet.split())
    if before_outlet != name and personal and _BODY_WORDS.isdisjoint(spelled_words(before_outlet)):
        name = before_outlet
    return _TRAILING_FUNCTION_WORDS.sub("", without_sentence_stop(name)) or drafted.strip()


def _without_lower_case_post(name: str) -> str:
    """A person's name less the post a sentence wrote before it in lower case ("senior
    adviser David Axelrod" is "David Axelrod": the brief shows a role apart), where a given
    name follows it; a post with a capital stays ("former President Bill Clinton")."""
    words = name.split()
    first = next((i for i, word in enumerate(words) if word[:1].isupper()), 0)
    if (
        first
        and len(words) - first >= 2
        and is_given_name(words[first].lower())
        and ends_in_a_personal_name(words[first:])
    ):
        return " ".join(words[first:])
    return name


def _without_post_before_comma(name: str) -> str:
    """A person's name less a post written before it and a comma ("Oklahoma's Attorney
    General, Scott Pruitt" is "Scott Pruitt"; the brief shows a role apart)."""
    post, comma, person = name.partition(", ")
    words = person.split()
    if (
        comma
        and "," not in person
        and 2 <= len(words) <= 4
        and is_given_name(words[0].lower())
        and ends_in_a_personal_name(words)
        and any(is_title_word(word) for word in post.split())
    ):
        return person
    return name


def without_sentence_stop(name: str) -> str:
    """``name`` less the full stop of the sentence it was copied from ("said Father Reese."),
    not that of an abbreviation ("Jr.", "Inc.", "Corp.", "U.S.")."""
    return _SENTENCE_STOP.sub("", name)


def refers_back(name: str, kind: ActorKind | None, text: str, earlier: str) -> bool:
    """Whether ``text`` names a body by "the" and the head noun of its name ("the coalition",
    "the ministry") while ``earlier``, the source before it, names the body in full ("Digital
    Rights Coalition", "Ministry of Digital Affairs"): news writing names an organisation once,
    then by its head noun. Not people, and not a one-word name."""
    if kind == "person":
        return False
    words = spelled_words(name)
    if len(words) < 2:
        return False
    # The head noun ends the name, or opens it before "of" ("Ministry of Digital Affairs").
    head = words[0] if len(words) > 2 and words[1] == "of" else words[-1]
    if len(head) < 4 or head in _NAME_STOPWORDS:
        return False
    said = spelled_words(text)
    if not any(a == "the" and b == head for a, b in zip(said, said[1:])):
        return False
    return names_actor(name, kind, earlier)


# Words of a title, and "State" of "Secretary of State": no given name.
_TITLE_WORDS = _ROLE_WORDS | {"state"}


def is_title_word(word: str) -> bool:
    """Whether ``word`` belongs to a title or a role, never a given name ("Sen.", "Attorney",
    "State" of "Secretary of State")."""
    return word.lower().rstrip(".") in _TITLE_WORDS


# Titles that tell a man from a woman: "Mrs. Clinton" is not Bill Clinton.
SEX_OF_TITLE: dict[str, Sex] = {
    **dict.fromkeys("mr sir lord king prince congressman spokesman".split(), "male"),
    **dict.fromkeys(
        "mrs ms miss dame lady queen princess congresswoman chairwoman spokeswoman".split(),
        "female",
    ),
}


def sex_of_person(name: str) -> Sex | None:
    """The sex a person's name tells by its title ("Ms. Park") or its first given name
    ("Donald J. Trump"), or None."""
    for word in name.split():
        word = word.lower().rstrip(".")
        if word in SEX_OF_TITLE:
            return SEX_OF_TITLE[word]
        if not is_title_word(word) and word.isalpha():
            return sex_of_given_name(word)
    return None


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names are one: the same, a short form ("Joe", "Joseph"), or one
    letter apart as spellings of one name are ("Cathy", "Cathi"; "Vicente", "Vincente")."""
    a, b = full_given_name(unaccented(a.lower())), full_given_name(unaccented(b.lower()))
    if a == b:
        return True
    if len(a) == len(b) >= 4:
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    # a letter more or less, in a name long enough to tell, and no man's name for a woman's
    return (
        len(long) == len(short) + 1 >= 6
        and any(long[:at] + long[at + 1 :] == short for at in range(len(long)))
        and None in (sex_of_given_name(short), sex_of_given_name(long))
    )


def given_and_surname(name: str) -> list[str]:
    """A person's name less its titles, suffix and home: "Mr. Udall" is ["Udall"], "Senator
    Mark Udall of Colorado" ["Mark", "Udall"], "James R. Clapper Jr." ["James", "R.",
    "Clapper"]."""
    return [
        word
        for word in name.split(" of ")[0].split()
        if word[:1].isupper()
        and not is_title_word(word)
        and word.rstrip(".,").lower() not in NAME_SUFFIXES
    ]


def other_given_names(a: str, b: str) -> bool:
    """Whether two people's full names share the surname and no given name ("Willard Mitt
    Romney" is "Mitt Romney"). Only given names the table knows are read: an initial tells
    nothing, nor does a word of a title it lacks ("Vice President Biden")."""
    words_a, words_b = given_and_surname(a), given_and_surname(b)
    given_a = [word for word in words_a[:-1] if is_given_name(word.lower())]
    given_b = [word for word in words_b[:-1] if is_given_name(word.lower())]
    return (
        bool(given_a and given_b)
        and words_a[-1] == words_b[-1]
        and not any(same_given_name(x, y) for x in given_a for y in given_b)
    )


def spelled_alike(written: str, drafted: str) -> bool:
    """Whether a given name the source writes and one a model drafted are one name spelled
    two ways, the model's a slip: the same first letter and most letters in the same order
    ("Vincente" and the model's "Vincee"), and not a man's name beside a woman's. Read only
    where the source gives no other name of that surname."""
    a, b = unaccented(written.lower()), unaccented(drafted.lower())
    if a[:1] != b[:1] or min(len(a), len(b)) < 4:
        return False
    sexes = {sex_of_given_name(a), sex_of_given_name(b)} - {None}
    return len(sexes) < 2 and SequenceMatcher(None, a, b).ratio() >= 0.75


def unaccented(word: str) -> str:
    """A word as names are compared across outlets: "Calderón" is "Calderon", "Peña" is
    "Pena", and a curly apostrophe is a straight one."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
    coalition party group youth clergy electorate legislature assembly caucus cabinet
    commission office bureau service network foundation federation society leadership
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
# Days and the words that go with them: a time, not a name (months are names too: "May",
# "April").
_WHEN_WORDS = WEEKDAYS | frozenset("on last next this morning afternoon evening night".split())
_DOCUMENT_HEADS = frozenset(
    "doctrine act bill law amendment treaty resolution constitution poll survey study plan"
    " proposal memo memorandum blueprint".split()
)


# A verb in -ing, then a word that starts its object: a clause the model took for a name
# ("Citing the Fifth Amendment ...", "Speaking to reporters"); "Banking regulators" names.
OPENS_A_CLAUSE = re.compile(
    r"\s*[A-Za-z]+ing\s+(?:the|a|an|his|her|their|its|this|that|to|on|in|with|for|about)\s",
    re.IGNORECASE,
)


# A run of words the model copied and cut off, or that opens with what something is called: no
# one's name.
_CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*$|^\s*(?:(?:also\s+)?known\s+as|called|dubbed)\s", re.I)

_PRONOUNS = frozenset("he she it they we i you him her them us me his hers its their our".split())


# A full stop after a word that ends in three lower-case letters, then a capital: a
# sentence's end, not an initial, "U.S." or a shortened word ("Sen.", "Corp.", "Calif.").
# A verb of a clause: the model copied words of a sentence, not a name ("None of the devices
# inside have exploded on their own so far, and investigators").
_A_CLAUSES_VERB = re.compile(r"\b(?:have|has|had|is|are|was|were|will|would|did|does)\b")
_TWO_SENTENCES = re.compile(
    r"\b(?!(?:Corp|Bros|Assn|Dept|Govt|Univ|Natl|Intl|Admin|Comm|Capt|Prof|Supt|Atty|Calif"
    r"|Ariz|Conn|Tenn|Colo|Mich|Minn|Okla|Wash|Mass|Penn|Kans|Mont|Wyo|Messrs)\.)"
    r"[A-Za-z]*[a-z]{3}\.\s+[A-Z]"
)


# One member of a party, by the party alone: which one, the name does not say.
_ONE_PARTISAN = re.compile(
    r"(?:(?:the|an?)\s+)?(?:Democrat|Republican|Independent|Conservative|Liberal|Progressive)",
    re.IGNORECASE,
)


def is_a_pronoun(name: str) -> bool:
    """Whether a drafted name is pronouns only ("He", "They")."""
    words = spelled_words(name)
    return bool(words) and all(word in _PRONOUNS for word in words)


def names_people(name: str) -> bool:
    """Whether a drafted actor can name someone: a name (a capital letter or a digit in it),
    or a lower-case word for people. "foreign affairs" or "world" names no one, nor a name
    ending in a plural of things ("Colorado's rules") or in a thing someone has ("Dukes's
    case")."""
    words = spelled_words(name)
    if words and name.split()[-1].islower() and words[-1] in _THING_PLURALS:
        return False  # "Colorado's rules", "House Republican immigration principles"
    owned = _OWNED_THING.search(name)
    if owned and owned.group(1) in _THINGS_OWNED:
        return False  # "Dukes's case", "Obama's plan"
    if len(words) > 1 and words[-1] in _DOCUMENT_HEADS:
        return False  # "Obama Doctrine", "Religious Freedom Restoration Act"
    if len(words) > 2 and words[-1] == "report":
        return False  # "NRA School Safety Report" (not "Drudge Report", a news site)
    if OPENS_A_CLAUSE.match(name):
        return False  # "Citing the Fifth Amendment right against self-incrimination"
    if _CUT_OFF.search(name):
        return False  # "known as the Comprehensive International Convention on Countering..."
    if is_a_pronoun(name):
        return False  # "Her", taken from "Her son ..."
    if words and all(word in _WHEN_WORDS for word in words):
        return False  # "Sunday", taken from "Ana Park on Sunday urged ..."
    if _TWO_SENTENCES.search(name):
        return False  # "Republicans. Liberal", from "... Republicans. Liberal groups ..."
    if _A_CLAUSES_VERB.search(name):
        return False  # "None of the devices inside have exploded ..., and investigators"
    if _ONE_PARTISAN.fullmatch(name.strip()):
        return False  # "Democrat", from "the committee's senior Democrat said"
    if _A_PREPOSITION_FIRST.match(name):
        return False  # "of East Palestine", from "residents of East Palestine"
    # The capital of a sentence's opening word is no name's: "The official" is "the
    # official", and "Senior administration official" a "senior administration official",
    # where "The Hill" and "Microsoft" are names.
    bare = re.sub(r"^(?:the|an?)\s+", "", name.strip(), flags=re.IGNORECASE)
    if len(bare.split()) > 1:
        bare = bare[1:]
    if not words or any(ch.isupper() or ch.isdigit() for ch in bare):
        return True
    # The people are the head before a place ("Democrats in the room"), of either part
    # joined by "and" ("Trump's campaign and family").
    head = _PLACE_AFTER_PEOPLE.split(name.strip(), maxsplit=1)[0]
    parts = [spelled_words(part) for part in _AND.split(head)]
    return any(
        part
        and (
            part[-1] in _BODY_WORDS
            or (part[-1].endswith("s") and not part[-1].endswith("ss"))
            and part[-1] not in _THING_PLURALS
        )
        for part in parts
    )


# A name cut from after its noun, opening with a lower-case preposition: "of East Palestine".
_A_PREPOSITION_FIRST = re.compile(r"\s*(?:of|in|at|for|from|on|to|by|with)\s")


# Where a place follows the people a name gives: "Democrats in the room".
_PLACE_AFTER_PEOPLE = re.compile(r"\s+(?:in|on|at|inside|outside|across)\s+")
_AND = re.compile(r"\s+(?:and|&)\s+")


def a_common_noun_alone(name: str, text: str) -> bool:
    """Whether a drafted actor of one capitalized word in the singular is a common noun the
    source writes in lower case, and capitalized only where a sentence opens ("Protester",
    from "A protester captured the exchange on video"): one unnamed person, not a name ("May",
    "Brown" are names where the source writes them so). A body's word ("Police") is a group."""
    word = name.strip()
    if not re.fullmatch(r"[A-Z][a-z]+", word) or word.endswith("s"):
        return False
    if word.lower() in _BODY_WORDS or not re.search(rf"\b{word.lower()}\b", text):
        return False
    return all(
        _opens_a_sentence(text, found.start()) for found in re.finditer(rf"\b{word}\b", text)
    )


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether a sentence opens at ``at`` (see ``_OPENS_A_SENTENCE``), read from the
    whitespace before it and the stop or quotation mark before that, not from the whole text
    before it: a long source naming a word often would be read once per mention."""
    start = at
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return _OPENS_A_SENTENCE.search(text, max(0, start - 2), at) is not None


# Not after an initial or a title's short form, whose full stop ends no sentence ("Mr. Brown",
# "J. Smith"): put before a stop.
NOT_AFTER_A_SHORT_FORM = (
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Lt|Jr|Sr))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Rev))"
    r"(?<!\b(?:Capt|Prof|Supt))"
)
# Where a sentence opens: after its start, a stop that is no short form's, an opening
# quotation mark or a new line.
_OPENS_A_SENTENCE = re.compile(rf"(?:^|{NOT_AFTER_A_SHORT_FORM}[.!?]['\"’”]?\s+|[\"“‘]|\n\s*)$")


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
