"""Who speaks a source's words where no verb of saying tells: a transcript's labels, and the
speaker of a speech, a statement or an op-ed written in the first person.

A transcript names its speakers by labels, not by verbs of saying: "SENATOR DAVID KIM: I believe
this bill goes too far." The label names the speaker of every sentence of the turn, up to the
next label, however many paragraphs the turn runs; no sentence in it names its speaker, and the
label before it names the one who spoke last, not the one speaking. Grounding reads a turn's
words as its speaker's (``attribution``), and a fact cites them without the label.

A source is read as a transcript only when at least two lines open with a label, so that one
"Senator Kim: ..." line in a news story makes no turns; words that open a line of news and end
in a colon ("UPDATE:", "Key points:") are no label.

A speech, a statement, testimony or an op-ed is one turn of its speaker, named by its title or
heading ("Remarks by Minister Jonas Berg at ...", "Testimony of Amara Okafor, Director, Digital
Rights Coalition, before ...") or its byline ("By Amara Okafor"), when its text speaks in the
first person: a news story about remarks ("Remarks by the minister on Ukraine draw criticism")
reports them in the third person, and its reporter's byline names no speaker.

A question ("Q:") is its asker's; an interview's answers ("A:") are the guest's its title
names ("Interview with Minister Jonas Berg"); a label that gives a role ("THE PRESIDENT:") is
tied to a person by ``attribution``, from the title or text before.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .given_names import is_given_name
from .names import is_title_word

__all__ = [
    "Turn",
    "author_turn",
    "labels_as_names",
    "role_of_label",
    "speaker_labels",
    "speaker_name",
    "speaker_turns",
    "turns_read_as",
    "transcript_turns",
    "turn_at",
]


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label at ``start``, the words from ``words_start`` to ``end``
    (where the next label or the text ends). ``speaker`` is the label without its colon
    ("MINISTER JONAS BERG", "TOMAS REYES (Veltra Software Association)"), an interview's guest
    for its answers ("A:"), or None where no one is named ("Q:", an answer with no guest)."""

    start: int
    words_start: int
    end: int
    speaker: str | None
    answer: bool = False  # an interview's answer ("A:"), its speaker the guest
    question: bool = False  # a question ("Q:"), no one's view


# A label at the start of a line: up to five capitalized words, perhaps an affiliation in
# parentheses ("Mr Smith (Bristol West) (Lab)") or after a comma (capitalized words, "of" and
# the like between them: "Director, Digital Rights Coalition"), then a colon, in bold or not,
# and the words spoken (on the same line or the next). A clause after a comma is no
# affiliation ("Sen. Charles Schumer, a New York Democrat, was quoted ... as saying: ...").
_CAPITALIZED = r"[A-Z][\w.'’&-]*"
_AFFILIATION = rf"{_CAPITALIZED}(?:[ \t]+(?:of|the|for|and|on|at|in|{_CAPITALIZED})){{0,7}}"
_BOLD = r"(?:\*\*|__)?"
# A title in title case goes on after the name with a capitalized preposition: "Remarks by
# President Trump Before Marine One Departure".
_TITLE_CASE_LINK = (
    r"(?!(?:Before|At|On|In|To|For|After|During|With|About|Regarding|Following|Ahead|Upon"
    r"|From|And|Via|Into|Over|Against|Amid|As)\b)"
)
# Where a speaker's heading or byline may stand: the first lines of a text.
_HEADER_REACH = 600
_LABEL = re.compile(
    rf"^[ \t]*{_BOLD}(?P<label>(?P<name>{_CAPITALIZED}(?:[ \t]+{_CAPITALIZED}){{0,4}})"
    rf"(?:(?:,[ \t]+{_AFFILIATION}){{1,2}}|(?:[ \t]*\([^()\n]{{1,80}}\)){{1,2}})?)"
    rf"{_BOLD}[ \t]*:{_BOLD}[ \t]*\n?[ \t]*(?=\S)",
    re.MULTILINE,
)
# A question in a White House transcript's way: "Q    Does the President back the bill?"
_BARE_QUESTION = re.compile(r"^[ \t]*(?P<label>Q)\.?[ \t]+(?=[A-Z\"“‘])", re.MULTILINE)

# Labels of a question or an answer, which name no speaker.
_UNNAMED = frozenset({"q", "question", "a", "answer"})

# Words that make a label a title besides the titles ``names`` knows ("Chair Ortiz:").
_LABEL_TITLES = frozenset(
    """chair chairperson madam mister witness professor ambassador commissioner hon honourable
    honorable rt""".split()
)

# Words of the lines news opens with a colon, which no speaker's label holds.
_NOT_SPEAKERS = frozenset(
    """update updated correction clarification note editor's editors' editor breaking news read
    more see also key points related watch live photo photos video source sources background
    analysis opinion exclusive advertisement topics summary context what's next why how what
    where when who warning disclaimer transcript date time location subject re q&a""".split()
)
# Words of a section's label in capitals ("THE BIG PICTURE", "BY THE NUMBERS"), not of a name.
_FUNCTION_WORDS = frozenset("the of by in to at for on and or a an is it its this that".split())

_WORD = re.compile(r"[A-Z][\w'’]*")

# What the capitalized words before a colon are: no label (None), a label naming no one
# ("Q"), a speaker's label by a title or a given name ("SENATOR DAVID KIM", "Anna Weber"),
# or a plain name that the text must bear out ("AMARA OKAFOR", "Amara Okafor", "KIM").
_Label = Literal["unnamed", "titled", "plain"]


def _label_kind(name: str) -> _Label | None:
    words = name.split()
    plain = [word.lower().rstrip(".") for word in words]
    if " ".join(plain) in _UNNAMED:
        return "unnamed"
    if any(word in _NOT_SPEAKERS for word in plain) or any(c.isdigit() for c in name):
        return None
    titled = any(is_title_word(word) or word in _LABEL_TITLES for word in plain)
    if name.upper() == name:  # "SENATOR DAVID KIM", "KIM", "THE PRESIDENT"
        if titled or is_given_name(plain[0]):
            return "titled"
        if any(word in _FUNCTION_WORDS for word in plain) or all(len(w) < 2 for w in plain):
            return None
        return "plain"
    # Title case: a title first ("Senator Kim", "The Chair"; not "The Bottom Line"), or a
    # given name and a surname.
    titles = plain[1:] if plain[0] == "the" else plain
    if len(words) > 1 and titles and (is_title_word(titles[0]) or titles[0] in _LABEL_TITLES):
        return "titled"
    if len(words) > 1 and is_given_name(plain[0]):
        return "titled"
    # Any other name of two or three words ("Amara Okafor"), as a plain name in capitals is.
    plain_name = 2 <= len(words) <= 3 and not any(word in _FUNCTION_WORDS for word in plain)
    return "plain" if plain_name else None


def _borne_out(name: str, words: set[str], names: Counter[str], surnames: Counter[str]) -> bool:
    """Whether the text bears out a plain name as a speaker's: it labels more than
    one turn, or its last word is another label's, or the text names a full name in ordinary
    case (``words``: "Ms. Amara Okafor of the ..." for "AMARA OKAFOR"; not "London" for a
    roundup's "LONDON:"). A section's label does none of these."""
    last = name.split()[-1]
    if names[name] > 1 or surnames[last] > names[name]:
        return True
    return " " in name and last.title() in words


def speaker_labels(text: str) -> list[tuple[int, int, str | None]]:
    """Every speaker's label that opens a line of ``text``: its start, where the words after
    it start, and the speaker it names (None for "Q:" and the like).

    A plain name names its speaker where the text bears it out, or beside two
    labels or more with a title (then it is a transcript's); else it still ends the turn
    before, naming no one."""
    found: list[tuple[int, int, str, str, _Label]] = []
    for label in _LABEL.finditer(text):
        name = label.group("name")
        kind = _label_kind(name)
        if kind:
            written = " ".join(label.group("label").split())
            if kind == "plain" and written != " ".join(name.split()):
                kind = "titled"  # with an affiliation: "TOMAS REYES (Veltra Software ...)"
            found.append((label.start("label"), label.end(), written, name, kind))
    for label in _BARE_QUESTION.finditer(text):
        found.append((label.start("label"), label.end(), "Q", "Q", "unnamed"))
    names = Counter(" ".join(name.split()) for *_, name, kind in found if kind == "plain")
    surnames = Counter(name.split()[-1] for *_, name, kind in found if kind != "unnamed")
    titled = sum(kind == "titled" for *_, kind in found)
    words: set[str] = set()
    if found and titled < 2:  # the text's names, read without the labels themselves
        spans = sorted((start, words_start) for start, words_start, *_ in found)
        ends = [0] + [end for _, end in spans]
        starts = [start for start, _ in spans] + [len(text)]
        words = {word for a, b in zip(ends, starts) for word in _WORD.findall(text, a, b)}
    labels: list[tuple[int, int, str | None]] = []
    for start, words_start, written, name, kind in sorted(found):
        named = kind == "titled" or (
            kind == "plain"
            and (titled >= 2 or _borne_out(" ".join(name.split()), words, names, surnames))
        )
        labels.append((start, words_start, written if named else None))
    return labels


def transcript_turns(text: str, title: str = "") -> list[Turn]:
    """The turns of ``text`` when it reads as a transcript (two labels or more), else none.
    A turn runs over paragraphs to the next label where the text is a transcript by its title
    or first lines, or by a third of its paragraphs or more opening with labels; in a story
    that quotes an exchange, a turn ends with its paragraph.
    An interview's answers ("A:") are the words of the guest its title or heading names
    ("Interview with Minister Jonas Berg", "Q&A: Amara Okafor on ...")."""
    labels = speaker_labels(text)
    if len(labels) < 2:
        return []
    guest = _guest(title, text)
    ends = [start for start, _, _ in labels[1:]] + [len(text)]
    if not _mostly_turns(title, text, len(labels)):
        # An exchange quoted in a story: each turn ends with its paragraph, and the story's
        # own paragraphs after it are no one's turn.
        ends = [
            _paragraph_end(text, words_start, end) for (_, words_start, _), end in zip(labels, ends)
        ]
    turns: list[Turn] = []
    for (start, words_start, speaker), end in zip(labels, ends):
        label = text[start:words_start]
        answer = speaker is None and _ANSWER.fullmatch(label) is not None
        question = speaker is None and _QUESTION.fullmatch(label) is not None
        turns.append(Turn(start, words_start, end, guest if answer else speaker, answer, question))
    return turns


# A transcript says so in its title or first lines; else most of its paragraphs open with a
# label (a third or more), or it is a story that quotes an exchange.
_TRANSCRIPT_WORDS = re.compile(
    r"\b(?:transcripts?|hearings?|remarks|briefing|interview|debate|hansard|press\s+conference"
    r"|q\s*&\s*a|testimony|gaggle|proceedings|minutes|verbatim)\b",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LABELLED_SHARE = 3  # one paragraph in three


def _mostly_turns(title: str, text: str, labels: int) -> bool:
    if _TRANSCRIPT_WORDS.search(title) or _TRANSCRIPT_WORDS.search(text[:_HEADER_REACH]):
        return True
    paragraphs = sum(1 for _ in _PARAGRAPH_BREAK.finditer(text)) + 1
    return labels * _LABELLED_SHARE >= paragraphs


def _paragraph_end(text: str, start: int, end: int) -> int:
    found = _PARAGRAPH_BREAK.search(text, start, end)
    return found.start() if found else end


# An answer's label; and an interview's title or heading with its guest: "Interview with
# Minister Jonas Berg", "An interview with ...", "Q&A: Amara Okafor on the treaty", "In
# conversation with ...".
_ANSWER = re.compile(r"[ \t*_]*(?:A|ANSWER|Answer)\.?[*_]*[ \t]*:?[*_]*\s*")
_QUESTION = re.compile(r"[ \t*_]*(?:Q|QUESTION|Question)\.?[*_]*[ \t]*:?[*_]*\s*")
_INTERVIEW = re.compile(
    r"(?:^|[:\-–—][ \t]*)[ \t#*]*(?:An[ \t]+)?(?:[Ii]nterview|Q[ \t]*&[ \t]*A|Q[ \t]+and[ \t]+A"
    r"|(?:In[ \t]+)?[Cc]onversation)(?:[ \t]+with[ \t]+|[ \t]*:[ \t]*)(?:the[ \t]+)?"
    rf"(?P<speaker>{_CAPITALIZED}(?:[ \t]+{_TITLE_CASE_LINK}{_CAPITALIZED}){{0,4}})",
    re.MULTILINE,
)


def _guest(title: str, text: str) -> str | None:
    found = _INTERVIEW.search(title) or _INTERVIEW.search(text[:_HEADER_REACH])
    return " ".join(found.group("speaker").split()).rstrip(",.") if found else None


# Words before a role in a label that names no holder: "THE PRESIDENT", "MADAM CHAIR".
_ROLE_OPENERS = frozenset("the madam mr mister ms mrs".split())
_ROLE_MODIFIERS = frozenset("vice deputy acting".split())


def role_of_label(speaker: str) -> str | None:
    """The role a label gives instead of a name ("THE PRESIDENT": "president"; "Madam Chair":
    "chair"), or None ("MR. KIM", "SENATOR DAVID KIM")."""
    words = [word.lower().rstrip(".") for word in speaker.split()]
    role = words[1:]
    if not words or words[0] not in _ROLE_OPENERS or not 1 <= len(role) <= 2:
        return None
    titled = all(is_title_word(w) or w in _LABEL_TITLES or w in _ROLE_MODIFIERS for w in role)
    return " ".join(role) if titled and role[-1] not in _ROLE_MODIFIERS else None


def speaker_name(speaker: str) -> str:
    """A speaker's name without the affiliation its label or heading gives after it ("TOMAS
    REYES (Veltra Software Association)": "TOMAS REYES"; "Amara Okafor, director of ...":
    "Amara Okafor")."""
    return re.split(r"[,(]", speaker)[0].strip()


def turn_at(turns: Sequence[Turn], offset: int) -> Turn | None:
    """The turn ``offset`` lies in (its label included), or None."""
    number = bisect.bisect_right(turns, offset, key=lambda turn: turn.start) - 1
    return turns[number] if number >= 0 and offset < turns[number].end else None


def labels_as_names(text: str) -> str:
    """``text`` with each label of its turns in capitals written as a name is written ("CHAIR
    LENA ORTIZ" as "Chair Lena Ortiz"), for reading names from: offsets unchanged."""
    pieces: list[str] = []
    done = 0
    for turn in transcript_turns(text):
        if turn.speaker is None:
            continue
        label = text[turn.start : turn.words_start]
        written = label.title()
        if label.isupper() and len(written) == len(label):
            pieces += [text[done : turn.start], written]
            done = turn.words_start
    return "".join([*pieces, text[done:]])


# A speech's title or heading and the speaker it names, with any affiliation after commas:
# "Remarks by Minister Jonas Berg at the signing ceremony", "Statement by the Digital Rights
# Coalition on ...", "Testimony of Amara Okafor, Director, Digital Rights Coalition, before ...".
_SPEECH = re.compile(
    r"^[ \t#*]*(?:(?:Prepared|Opening|Closing|Written|Joint)[ \t]+)?(?:Remarks|Statement|Speech"
    r"|Address|Testimony|Keynote(?:[ \t]+[Aa]ddress)?|Op-[Ee]d|Letter|Message)[ \t]+"
    r"(?:[Bb]y|[Oo]f|[Ff]rom)[ \t]+(?:the[ \t]+)?"
    rf"(?P<speaker>{_CAPITALIZED}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?{_TITLE_CASE_LINK}"
    rf"{_CAPITALIZED}){{0,6}}(?:,[ \t]+{_AFFILIATION}){{0,2}})(?=[,:.]?[ \t]|[,:.*]*[ \t]*$)",
    re.MULTILINE,
)
# A byline: "By Amara Okafor" or "By Amara Okafor, director of the Digital Rights Coalition".
_BYLINE = re.compile(
    rf"^[ \t*_]*By[ \t]+(?P<speaker>{_CAPITALIZED}(?:[ \t]+{_CAPITALIZED}){{1,4}}"
    r"(?:,[ \t]+[^\n]{2,80}?)?)[ \t*_]*$",
    re.MULTILINE,
)
# Words that speak in the first person, outside quotation marks; and quoted words.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s|[Mm]e)\b")
# Words a Roman numeral "I" follows ("Phase I", "Title I"), besides a name within a sentence
# ("World War I", "Queen Elizabeth I").
_NUMBERED = frozenset(
    """phase title stage tier part chapter article section annex schedule level class category
    type division book volume act round pillar basel""".split()
)
_WORD_BEFORE = re.compile(r"(?:(?P<earlier>\w)\W+)?(?P<word>[\w'’.-]+)\s+$")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# How many of a speech's first sentences must speak in the first person: two of ten; read
# from the first few thousand characters after the heading.
_FIRST_SENTENCES, _IN_FIRST_PERSON, _BODY_READ = 10, 2, 5000
_SHORT_TEXT_SENTENCES = 3
_OPENING_SENTENCES = 3


def author_turn(title: str, text: str, author: str | None = None) -> Turn | None:
    """The whole text as one turn of the speaker its title, heading or byline names (else
    its ``author``, as its file names them: a web page's or a record's), when the text speaks
    in the first person; else None."""
    header = text[:_HEADER_REACH]
    found = _SPEECH.search(header) or _BYLINE.search(header)
    if found:
        start, words_start = found.start(), text.find("\n", found.end())
        words_start = len(text) if words_start < 0 else words_start
    elif found := _SPEECH.match(title.strip()):
        start = words_start = 0
    elif author and author.strip():
        start = words_start = 0
    else:
        return None
    speaker = " ".join((found.group("speaker") if found else author or "").split()).rstrip(",.")
    body = _QUOTED.sub(" ", text[words_start : words_start + _BODY_READ])
    sentences = re.split(r"(?<=[.!?])\s+", body.strip())[:_FIRST_SENTENCES]
    # A short text (a consultation's response: "We oppose the levy. It would close shops.")
    # has fewer sentences to speak in the first person: one is enough.
    needed = 1 if len(sentences) <= _SHORT_TEXT_SENTENCES else _IN_FIRST_PERSON
    first_person = [_in_first_person(sentence) for sentence in sentences]
    if sum(first_person) < needed:
        return None
    if not found and not any(first_person[:_OPENING_SENTENCES]):
        # An author the file names may be a story's reporter ("We have asked the ministry
        # for comment." far down): an op-ed or a response speaks so from its opening.
        return None
    return Turn(start, words_start, len(text), speaker)


def _in_first_person(sentence: str) -> bool:
    """Whether the sentence speaks in the first person: "I" (not a numeral), "we", "my", ..."""
    for found in _FIRST_PERSON.finditer(sentence):
        if found.group() != "I":
            return True
        before = _WORD_BEFORE.search(sentence, max(0, found.start() - 40), found.start())
        if before is None or not before.group("word")[:1].isupper():
            return True
        if before.group("word").lower() not in _NUMBERED and not before.group("earlier"):
            return True  # "Then I said", "Yesterday I met": the sentence's first word
    return False


def speaker_turns(title: str, text: str, author: str | None = None) -> list[Turn]:
    """Who speaks a source's words where no verb of saying tells: its transcript's turns, or
    else the one turn of a speech in the first person (its ``author``'s when no heading or
    byline names another), or none."""
    turns = transcript_turns(text, title)
    if not turns and (speech := author_turn(title, text, author)):
        turns = [speech]
    return turns


def turns_read_as(turns: Sequence[Turn]) -> str | None:
    """One line saying how the turns read a source ("a transcript of 9 turns: CHAIR LENA
    ORTIZ 4, ..."), or None when there are none."""
    if not turns:
        return None
    if len(turns) == 1:
        return f"the words of {turns[0].speaker} (a speech, statement or op-ed in the first person)"
    spoken = Counter(
        turn.speaker or ("questions" if turn.question else "no one named") for turn in turns
    )
    who = ", ".join(f"{speaker} {count}" for speaker, count in spoken.items())
    return f"a transcript of {len(turns)} turns: {who}"
