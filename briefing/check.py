"""Re-verify a brief after an editor changed it (``briefing check``).

The brief's "Source notes" section is read in the form the built-in template writes::

    5. “quote, Markdown-escaped” (source 1, characters 232–286, exact match)

Each note's quote is unescaped and compared with ``text[start:end]`` of that source in the fact
sheet, word for word: only runs of whitespace may differ, since rendering collapses them. The
citation marks ``[N]`` outside the notes section must each point to a note. A missing note that
the fact sheet's own numbering knows was removed; any other is a citation to nothing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from .errors import ConfigError
from .models import FactSheet
from .render import number_notes

ProblemKind = Literal[
    "quote_changed",
    "offsets_outside_source",
    "unknown_source",
    "unreadable_note",
    "duplicate_note",
    "note_removed",
    "no_such_note",
]


@dataclass(frozen=True)
class Problem:
    """One failed check, tied to a note number and the brief's line where it shows."""

    kind: ProblemKind
    note: int
    line: int
    detail: str

    def __str__(self) -> str:
        return f"note {self.note} (line {self.line}): {self.detail}"


@dataclass(frozen=True)
class NoteLine:
    """A source note as the brief states it, its quote unescaped."""

    number: int
    quote: str
    source_number: int
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class BriefNotes:
    """What ``briefing check`` reads from a brief."""

    notes: list[NoteLine]
    unreadable: list[tuple[int, int]]
    """(note number, line) of note lines not in the built-in template's form."""
    citations: list[tuple[int, int]]
    """(note number, line) of every ``[N]`` outside the notes section, in order."""


_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
_NOTES_HEADING = re.compile(r"^ {0,3}#{1,6}\s+source notes\s*#*\s*$", re.IGNORECASE)
_NOTE_START = re.compile(r"^\s*(\d+)[.)]\s")
_NOTE = re.compile(
    r"^\s*\d+[.)]\s+[“\"](?P<quote>.*)[”\"]\s*"
    r"\(source\s+(?P<source>\d+),\s*characters\s+(?P<start>\d+)\s*[–-]\s*(?P<end>\d+)[^)]*\)\s*$"
)
# A backslash escape is skipped whole, so an escaped "\[3\]" in a quote is not a citation.
_CITATION = re.compile(r"\\.|\[(\d+)\]")
# Every ASCII punctuation character may be backslash-escaped in CommonMark.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def read_brief(text: str) -> BriefNotes:
    """Read the notes and citations of a brief; ``ConfigError`` when it has no notes section.

    A note may be wrapped over several lines, as editors and formatters do.
    """
    lines = text.splitlines()
    try:
        first = next(i for i, line in enumerate(lines) if _NOTES_HEADING.match(line))
    except StopIteration:
        raise ConfigError(
            "the brief has no 'Source notes' section (briefing check reads briefs written "
            "with the built-in template)"
        ) from None
    last = next((i for i in range(first + 1, len(lines)) if _HEADING.match(lines[i])), len(lines))
    items: list[tuple[int, int, str]] = []  # (line index, note number, text)
    for i in range(first + 1, last):
        start = _NOTE_START.match(lines[i])
        if start:
            items.append((i, int(start.group(1)), lines[i]))
        elif lines[i].strip() and items and lines[i - 1].strip():
            index, number, joined = items[-1]
            items[-1] = (index, number, f"{joined} {lines[i].strip()}")
    notes, unreadable = [], []
    for i, number, item in items:
        match = _NOTE.match(item)
        if match is None:
            unreadable.append((number, i + 1))
            continue
        notes.append(
            NoteLine(
                number=number,
                quote=_unescape(match["quote"]),
                source_number=int(match["source"]),
                start=int(match["start"]),
                end=int(match["end"]),
                line=i + 1,
            )
        )
    citations = [
        (int(found.group(1)), i + 1)
        for i, line in enumerate(lines)
        if not first <= i < last
        for found in _CITATION.finditer(line)
        if found.group(1)
    ]
    return BriefNotes(notes, unreadable, citations)


def _shorten(words: list[str]) -> str:
    text = " ".join(words)
    return text if len(text) <= 60 else text[:57] + "..."


def _difference(source: list[str], brief: list[str]) -> str:
    """The first words where the brief's quote departs from the source."""
    matcher = difflib.SequenceMatcher(a=source, b=brief, autojunk=False)
    tag, i1, i2, j1, j2 = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    if tag == "insert":
        return f"the brief adds \u201c{_shorten(brief[j1:j2])}\u201d"
    if tag == "delete":
        return f"the brief drops \u201c{_shorten(source[i1:i2])}\u201d"
    return (
        f"the brief has \u201c{_shorten(brief[j1:j2])}\u201d where the source has "
        f"\u201c{_shorten(source[i1:i2])}\u201d"
    )


def _check_note(note: NoteLine, sheet: FactSheet) -> Problem | None:
    where = f"source {note.source_number}, characters {note.start}\u2013{note.end}"
    if not 1 <= note.source_number <= len(sheet.sources):
        return Problem(
            "unknown_source",
            note.number,
            note.line,
            f"cites source {note.source_number}, but the fact sheet has "
            f"{len(sheet.sources)} source(s)",
        )
    text = sheet.sources[note.source_number - 1].text
    if not 0 <= note.start < note.end <= len(text):
        return Problem(
            "offsets_outside_source",
            note.number,
            note.line,
            f"{where} lie outside the source's {len(text)} characters",
        )
    source_words, brief_words = text[note.start : note.end].split(), note.quote.split()
    if source_words == brief_words:
        return None
    return Problem(
        "quote_changed",
        note.number,
        note.line,
        f"the quote no longer matches {where}: {_difference(source_words, brief_words)}",
    )


def check_brief(brief: str, sheet: FactSheet) -> list[Problem]:
    """Every problem found in ``brief`` against ``sheet``, by note number; empty when it passes.

    Raises ``ConfigError`` when the brief has no "Source notes" section.
    """
    read = read_brief(brief)
    problems = [
        Problem(
            "unreadable_note",
            number,
            line,
            "not in the form N. \u201cquote\u201d (source S, characters A\u2013B, ... match)",
        )
        for number, line in read.unreadable
    ]
    first_line: dict[int, int] = {}
    for note in read.notes:
        if note.number in first_line:
            problems.append(
                Problem(
                    "duplicate_note",
                    note.number,
                    note.line,
                    f"numbered twice (also on line {first_line[note.number]})",
                )
            )
        first_line.setdefault(note.number, note.line)
        problem = _check_note(note, sheet)
        if problem is not None:
            problems.append(problem)
    present = set(first_line) | {number for number, _ in read.unreadable}
    rendered = len(number_notes(sheet).notes)
    reported: set[int] = set()
    for number, line in read.citations:
        if number in present or number in reported:
            continue
        reported.add(number)
        if 1 <= number <= rendered:
            problems.append(
                Problem(
                    "note_removed",
                    number,
                    line,
                    "was removed from the source notes but is still cited here",
                )
            )
        else:
            problems.append(
                Problem("no_such_note", number, line, f"cited as [{number}], but no such note")
            )
    return sorted(problems, key=lambda p: (p.note, p.line))
