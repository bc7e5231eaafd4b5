"""Calendar dates in text: whether a date is one, and which one a sentence gives.

An event's date must be a calendar date, and an event drafted by sentence number takes its
date verbatim from its sentence, so the model never writes one.
"""

from __future__ import annotations

import re

__all__ = ["calendar_date", "calendar_dates", "is_calendar_date"]

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
