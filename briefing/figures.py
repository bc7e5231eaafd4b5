"""Figures in a text: a count, the thing counted, and the range the writer's words allow.

"signed by about 110 countries" holds the figure 110 countries, said of "signed", with the range
104.5 to 115.5 ("about" allows 5% either way). Two figures are *comparable* when they count the
same noun, in money or not alike, and the words around them agree on what was counted; two
comparable figures *contradict* when their ranges cannot both hold. Consolidation reports such
pairs from different sources as a disagreement, so every rule here errs toward reading nothing:
a figure whose noun or context is unclear is not read at all, because a false disagreement is
worse than a missed one.

Read: a number (digits or words, with its scale word) followed directly by a noun, or by a unit
("%", "percent", "years") and "of" a noun, with the qualifier before it ("about", "more than",
"at least", "nearly", "up to" ...). A figure with a scale word ("1.2 million"), or a round one
of four digits or more ("1,200"), is taken as rounded to its last digit. Not read: years, days
of a month, numbers inside names or dates ("COVID-19", "9/11", "10:30"), compounds
("10-year"), ranges ("100 to 120"), and relative counts ("20 more countries", "three times").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .claims import (
    MEASURES,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
    NumberMention,
    number_mentions,
    word_stem,
)

__all__ = ["Figure", "comparable", "contradict", "read_figures"]

INFINITY = Decimal("Infinity")


@dataclass(frozen=True)
class Figure:
    """One figure of a text; offsets point into that text."""

    start: int
    end: int
    text: str  # as written, qualifier to noun: "about 110 countries"
    noun: str  # the counted noun as written: "countries"
    head: str  # the counted noun's stem: "countri"; "percent of voter" for a share
    low: Decimal
    high: Decimal
    money: bool
    before: str | None  # stem of the nearest content word before it in its clause
    after: str | None  # stem of the first content word after its noun in its clause


# Qualifier -> (factor for the low end, factor for the high end, None for no bound).
_QUALIFIERS: dict[str, tuple[Decimal, Decimal | None]] = {
    **dict.fromkeys(
        ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated"),
        (Decimal("0.95"), Decimal("1.05")),
    ),
    **dict.fromkeys(
        ("nearly", "almost", "close to", "just under", "just below"),
        (Decimal("0.9"), Decimal(1)),
    ),
    **dict.fromkeys(
        ("more than", "over", "at least", "upwards of", "just over", "well over", "above"),
        (Decimal(1), None),
    ),
    **dict.fromkeys(
        ("fewer than", "less than", "under", "up to", "as many as", "at most", "no more than"),
        (Decimal(0), Decimal(1)),
    ),
}
_QUALIFIER = re.compile(
    r"\b(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s*[$£€¥]?\s*$",
    re.IGNORECASE,
)
# The number before this one closes a range: "100 to 120", "between 100 and 120", "100-120".
_RANGE_BEFORE = re.compile(r"\d%?\s*(?:-|–|—|to|and|or)\s*[$£€¥]?\s*$", re.IGNORECASE)
# A number inside a name, date, time or compound: "COVID-19", "9/11", "10:30", "No. 5", "#3",
# "10-year".
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[^\W\d_]-|[/:#]|\d[,.]|\bno\.\s*)$", re.IGNORECASE)
_NOT_A_COUNT_AFTER = frozenset("/:-")
# Words after a number that make it relative or a multiplier, not a count of a noun.
_RELATIVE = frozenset("more fewer less additional further extra other another new times".split())
# Units that count nothing by themselves: a figure in them needs "of" and a noun.
_UNITS = frozenset(MEASURES.values()) | {"time", "point"}
# Words that say nothing of what was counted (function words, times and dates): passed over
# when looking for a figure's context.
_FUNCTION = (
    frozenset(
        """
    a an the this that these those its their his her our your my them they it he she we you
    who whom which whose what there here
    is are was were be been being am has have had having do does did will would shall should
    can could may might must
    of to in on at by for from with into onto about as than per via among between
    also already still now so far only just even reportedly currently nearly all both each
    not no nor said say says told according
    last next ago earlier later today yesterday tomorrow week weeks month months year years
    """.split()
    )
    | frozenset(MONTHS)
    | WEEKDAYS
)
# Words and marks that end a clause: context is never looked for beyond them.
_CLAUSE_BREAKS = frozenset(
    'and but or while whereas although though because if when , ; : . ! ? ( ) [ ] — – " “ ”'.split()
)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d|[^\w\s]")
_LOOK = 6  # tokens examined on each side for a context word
_YEARS = (Decimal(1800), Decimal(2100))


def read_figures(text: str) -> list[Figure]:
    """The figures of ``text`` that can be compared, in text order."""
    figures = []
    for mention in number_mentions(text):
        figure = _figure(text, mention)
        if figure is not None:
            figures.append(figure)
    return figures


def comparable(a: Figure, b: Figure) -> bool:
    """Same counted noun, both money or neither, and context words that agree.

    The nearest content word before each figure and the first after its noun are compared:
    where both figures have a word in the same place the words must be the same, and at least
    one word must be shared ("signed by 120 countries" and "110 countries signed" share
    "signed"; "120 countries signed" and "40 countries ratified" do not).
    """
    if a.head != b.head or a.money != b.money:
        return False
    if a.before and b.before and a.before != b.before:
        return False
    if a.after and b.after and a.after != b.after:
        return False
    return bool(({a.before, a.after} & {b.before, b.after}) - {None})


def contradict(a: Figure, b: Figure) -> bool:
    """Whether the two figures' ranges cannot both hold."""
    return a.high < b.low or b.high < a.low


def _figure(text: str, mention: NumberMention) -> Figure | None:
    start, end = mention.start, mention.end
    if mention.date or _is_year(text[start:end], mention.value):
        return None
    if _NOT_A_COUNT_BEFORE.search(text, max(0, start - 4), start) or (
        text[end : end + 1] in _NOT_A_COUNT_AFTER
    ):
        return None
    qualifier = _QUALIFIER.search(text, max(0, start - 30), start)
    first = qualifier.start() if qualifier else start
    if _RANGE_BEFORE.search(text, max(0, first - 12), first):
        return None
    counted = _counted(text, end)
    if counted is None:
        return None
    noun, head, noun_end, rest = counted
    low, high = _range(mention, qualifier.group(1).lower() if qualifier else None)
    return Figure(
        start=first,
        end=noun_end,
        text=text[first:noun_end],
        noun=noun,
        head=head,
        low=low,
        high=high,
        money=mention.money,
        before=_context_word(reversed(_tokens(text, max(0, first - 80), first)[-_LOOK:])),
        after=_context_word(rest[:_LOOK]),
    )


def _is_year(written: str, value: Decimal) -> bool:
    return written.isdigit() and len(written) == 4 and _YEARS[0] <= value <= _YEARS[1]


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """Words, numbers and marks of ``text[start:end]``, each with where it ends."""
    return [(m.group(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _counted(text: str, end: int) -> tuple[str, str, int, list[tuple[str, int]]] | None:
    """The noun counted by the number ending at ``end``: as written, its stem (with the unit
    before it for a share or a measure), where it ends, and the tokens after it."""
    tokens = _tokens(text, end, min(len(text), end + 160))
    if not tokens:
        return None
    word, word_end = tokens[0]
    rest = tokens[1:]
    if word == "%" or (word.lower() == "per" and rest and rest[0][0].lower() == "cent"):
        if word != "%":
            word_end, rest = rest[0][1], rest[1:]
        word = "percent"
    lower = word.lower()
    if not word.isalpha() or len(word) < 3 or lower in _RELATIVE or lower in _FUNCTION:
        return None
    if lower in NUMBER_WORDS or lower in _CLAUSE_BREAKS:
        return None
    stem = word_stem(lower)
    unit = MEASURES.get(lower) or (stem if stem in _UNITS else None)
    if unit is None:
        return word, stem, word_end, rest
    # "5% of voters", "20 years of talks": the unit counts the noun after "of".
    if len(rest) < 2 or rest[0][0].lower() != "of" or not rest[1][0].isalpha():
        return None
    noun, noun_end = rest[1]
    return noun, f"{unit} of {word_stem(noun.lower())}", noun_end, rest[2:]


def _range(mention: NumberMention, qualifier: str | None) -> tuple[Decimal, Decimal]:
    """The values the figure allows: rounding for scaled or round figures, then the qualifier."""
    value = mention.value
    low = high = value
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and (mention.scaled or (exponent >= 2 and value >= 1000)):
        half = Decimal("0.499") * Decimal(10) ** exponent
        low, high = value - half, value + half
    if qualifier is None:
        return low, high
    low_factor, high_factor = _QUALIFIERS[qualifier]
    low = min(low, value * low_factor)
    high = INFINITY if high_factor is None else max(high, value * high_factor)
    return low, high


def _context_word(tokens: Iterable[tuple[str, int]]) -> str | None:
    """The stem of the first content word among ``tokens``, before any clause break."""
    for word, _ in tokens:
        lower = word.lower()
        if lower in _CLAUSE_BREAKS or word[0].isdigit():
            return None
        if lower in _FUNCTION or lower in _QUALIFIERS or not word[0].isalpha():
            continue
        if len(lower) >= 3:
            return word_stem(lower)
    return None
