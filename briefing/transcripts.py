"""Speaker labels of a transcript: who speaks each turn of a hearing, a briefing or a debate.

A transcript names its speakers by labels, not by verbs of saying: "SENATOR DAVID KIM: I believe
this bill goes too far." The label names the speaker of every sentence of the turn, up to the
next label, however many paragraphs the turn runs; no sentence in it names its speaker, and the
label before it names the one who spoke last, not the one speaking. Grounding reads a turn's
words as its speaker's (``attribution``), and a fact cites them without the label.

A source is read as a transcript only when at least two lines open with a label, so that one
"Senator Kim: ..." line in a news story makes no turns; words that open a line of news and end
in a colon ("UPDATE:", "Key points:") are no label.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .given_names import is_given_name
from .names import is_title_word

__all__ = ["Turn", "labels_as_names", "speaker_labels", "transcript_turns", "turn_at"]


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label at ``start``, the words from ``words_start`` to ``end``
    (where the next label or the text ends). ``speaker`` is the label without its colon
    ("MINISTER JONAS BERG", "TOMAS REYES (Veltra Software Association)"), or None for a
    question or an answer whose label names no one ("Q:", "A:")."""

    start: int
    words_start: int
    end: int
    speaker: str | None


# A label at the start of a line: up to five capitalized words, perhaps an affiliation in
# parentheses or after a comma (capitalized words, "of" and the like between them: "Director,
# Digital Rights Coalition"), then a colon and the words spoken on the same line. A clause
# after a comma is no affiliation ("Sen. Charles Schumer, a New York Democrat, was quoted ...
# as saying: ...").
_CAPITALIZED = r"[A-Z][\w.'’&-]*"
_AFFILIATION = rf"{_CAPITALIZED}(?:[ \t]+(?:of|the|for|and|on|at|in|{_CAPITALIZED})){{0,7}}"
_LABEL = re.compile(
    rf"^[ \t]*(?P<label>(?P<name>{_CAPITALIZED}(?:[ \t]+{_CAPITALIZED}){{0,4}})"
    rf"(?:(?:,[ \t]+{_AFFILIATION}){{1,2}}|[ \t]*\([^()\n]{{2,80}}\))?)[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)

# Labels of a question or an answer, which name no speaker.
_UNNAMED = frozenset({"q", "question", "a", "answer"})

# Words that open a title-case label besides the titles ``names`` knows ("Chair Ortiz:").
_LABEL_TITLES = frozenset(
    "chair chairperson madam mister witness professor ambassador commissioner".split()
)

# Words of the lines news opens with a colon, which no speaker's label holds.
_NOT_SPEAKERS = frozenset(
    """update updated correction clarification note editor's editors' editor breaking news read
    more see also key points related watch live photo photos video source sources background
    analysis opinion exclusive advertisement topics summary context what's next why how what
    where when who warning disclaimer transcript date time location subject re""".split()
)


def _speaker(name: str) -> tuple[bool, bool]:
    """Whether the capitalized words before a colon are a speaker's label, and whether they
    name the speaker (not so "Q" or "Answer")."""
    words = name.split()
    plain = [word.lower().rstrip(".") for word in words]
    if " ".join(plain) in _UNNAMED:
        return True, False
    if any(word in _NOT_SPEAKERS for word in plain) or any(c.isdigit() for c in name):
        return False, False
    if name.upper() == name:  # "SENATOR DAVID KIM", "KIM", "THE PRESIDENT"
        return any(len(word) > 1 for word in plain), True
    # Title case: a title first ("Senator Kim", "Chair Ortiz"), or a given name and a surname.
    titles = plain[1:] if plain[0] == "the" else plain  # "The Chair", not "The Bottom Line"
    if titles and (is_title_word(titles[0]) or titles[0] in _LABEL_TITLES):
        return len(words) > 1, True
    return len(words) > 1 and is_given_name(plain[0]), True


def speaker_labels(text: str) -> list[tuple[int, int, str | None]]:
    """Every speaker's label that opens a line of ``text``: its start, where the words after
    it start, and the speaker it names (None for "Q:" and the like)."""
    labels: list[tuple[int, int, str | None]] = []
    for found in _LABEL.finditer(text):
        is_label, named = _speaker(found.group("name"))
        if is_label:
            speaker = " ".join(found.group("label").split()) if named else None
            labels.append((found.start("label"), found.end(), speaker))
    return labels


def transcript_turns(text: str, whole: str | None = None) -> list[Turn]:
    """The turns of ``text`` when it reads as a transcript, else none: when ``whole`` (the
    source ``text`` is a part of; default ``text``) has two labels or more."""
    labels = speaker_labels(text)
    if len(labels if whole is None else speaker_labels(whole)) < 2:
        return []
    ends = [start for start, _, _ in labels[1:]] + [len(text)]
    return [
        Turn(start, words_start, end, speaker)
        for (start, words_start, speaker), end in zip(labels, ends)
    ]


def turn_at(turns: list[Turn], offset: int) -> Turn | None:
    """The turn ``offset`` lies in (its label included), or None."""
    number = bisect.bisect_right([turn.start for turn in turns], offset) - 1
    return turns[number] if number >= 0 and offset < turns[number].end else None


def labels_as_names(text: str) -> str:
    """``text`` with each label of its turns in capitals written as a name is written ("CHAIR
    LENA ORTIZ" as "Chair Lena Ortiz"), for reading names from: offsets unchanged."""
    pieces: list[str] = []
    done = 0
    for turn in transcript_turns(text):
        label = text[turn.start : turn.words_start]
        written = label.title()
        if label.isupper() and len(written) == len(label):
            pieces += [text[done : turn.start], written]
            done = turn.words_start
    return "".join([*pieces, text[done:]])
