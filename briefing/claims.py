"""What a short claim states that its support does not: numbers, dates, names, specific words.

The product's promise is that a fact's summary adds no specifics its verbatim evidence lacks.
:func:`unsupported_claims` checks four kinds of specifics, in code:

* **numbers and dates** must occur in the *evidence*. Numbers are compared by value:
  ``1,000`` equals ``1000``, ``5%`` equals ``5 percent`` (the sign or word is not compared),
  ``three`` equals ``3``, ``21st`` equals ``21``, ``third`` equals ``3``, ``$5 million``
  equals ``5,000,000`` or ``5m`` (a scale word, when given, is part of the value; currency is
  not compared). A month or weekday that the claim gives as a date must be named in the
  evidence (``Aug.`` counts as ``August``), and a day given with its month must be paired with
  that month in the evidence, in either order (``8 August`` == ``August 8``).
* **units and magnitudes**, also against the *evidence*. A number the claim gives a unit of
  measure (``30 years``, ``10-year``, ``5%``) must have that unit wherever the evidence gives
  the same number a unit, an amount or a day of a month at all: ``June 30`` or ``30 minutes``
  do not support ``30 years``, while a bare ``30`` leaves it unjudged. A magnitude in words
  (``millions``, ``hundreds of thousands``) needs a number of that size or the same words.
* **proper names** -- capitalized words and runs, acronyms, numbered names (``SARS-CoV-2``),
  and sentence-initial words that are not common sentence openers -- must occur in the
  *source text* (the evidence when no source text is given), compared case-folded and
  whole-word. A run passes if it occurs as a whole, or if each of its words of three or more
  letters occurs (``Ashton-Hart`` in ``Nick Ashton-Hart``; ``President Joe Biden`` needs only
  ``Joe`` and ``Biden``: titles are not names); ``Microsoft's`` is checked as ``Microsoft``;
  an acronym also passes when a capitalized run of the source spells it (``WHO`` for ``World
  Health Organization``); a numbered name must occur whole.
* **specific common words**, against the *source text* in any inflection: lower-case words of
  a few closed classes that a faithful paraphrase keeps -- roles (``minister``, ``director``),
  family ties and sexes (``sister``, ``women``), colours, compass directions, levels of
  government (``federal``, ``provincial``) -- and words the source has only reversed by
  ``un-``/``non-`` (``uncontrolled`` where it says ``controlled``).

Other common words are not checked: a summary rephrases, and nouns, verbs and adjectives
absent from the source are as frequent in faithful summaries as in unfaithful ones (see
``bench/README.md``). Source texts are analysed once and cached, so checking many claims
against one document costs little more than reading the claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .alignment import normalize

__all__ = ["NumberMention", "number_mentions", "unsupported_claims", "word_stem"]

# --------------------------------------------------------------------------- vocabulary

MONTHS: dict[str, str] = {
    name: name
    for name in (
        "january february march april may june july august september october november december"
    ).split()
}
MONTHS.update(
    {
        "jan": "january",
        "feb": "february",
        "mar": "march",
        "apr": "april",
        "jun": "june",
        "jul": "july",
        "aug": "august",
        "sep": "september",
        "sept": "september",
        "oct": "october",
        "nov": "november",
        "dec": "december",
    }
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
NUMBER_WORDS.update({word: 20 + 10 * i for i, word in enumerate(_TENS)})
NUMBER_WORDS["dozen"] = 12
_ORDINAL_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth".split()
    )
}
# Written-out numbers so common in ordinary prose that a claim's use of them states nothing
# countable ("one of the largest", "a dozen reasons"); they still support a claim's digits.
_CLAIM_NUMBER_WORDS_IGNORED = frozenset({"zero", "one", "dozen"})
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}
# Words that read as an ordinal in a claim ("third quarter"); "first" is left out, being as often
# "at first" or "the first time" as a count.
_CLAIM_ORDINALS = frozenset(word for word, value in _ORDINAL_WORDS.items() if value >= 2)
# Units of measure, each form -> one name. A number the claim gives with a unit must have that
# unit where the evidence gives the same number with a unit at all ("20 minutes" or "June 20"
# does not support "20 years").
MEASURES: dict[str, str] = {
    form: name
    for name, forms in (
        ("second", "second seconds sec secs"),
        ("minute", "minute minutes min mins"),
        ("hour", "hour hours hr hrs"),
        ("day", "day days"),
        ("week", "week weeks"),
        ("fortnight", "fortnight fortnights"),
        ("month", "month months"),
        ("quarter", "quarter quarters"),
        ("year", "year years yr yrs"),
        ("decade", "decade decades"),
        ("century", "century centuries"),
        ("percent", "percent pct percentage"),
        ("mile", "mile miles"),
        ("kilometre", "km kms kilometre kilometres kilometer kilometers"),
        ("metre", "metre metres meter meters"),
        ("foot", "foot feet ft"),
        ("inch", "inch inches"),
        ("kilogram", "kg kgs kilogram kilograms kilo kilos"),
        ("tonne", "tonne tonnes ton tons"),
        ("litre", "litre litres liter liters"),
        ("gallon", "gallon gallons"),
        ("barrel", "barrel barrels"),
        ("hectare", "hectare hectares"),
        ("acre", "acre acres"),
        ("degree", "degree degrees"),
    )
    for form in forms.split()
}
# Plural scale words claim a magnitude: "millions" needs a number of millions in the evidence
# (or the word itself); "hundreds of thousands" multiplies. Each: (least, greater than any).
MAGNITUDES: dict[str, tuple[int, int]] = {
    "tens": (10, 100),
    "dozens": (12, 200),
    "hundreds": (100, 1_000),
    "thousands": (1_000, 1_000_000),
    "millions": (1_000_000, 1_000_000_000),
    "billions": (1_000_000_000, 1_000_000_000_000),
    "trillions": (1_000_000_000_000, 1_000_000_000_000_000),
}
# Common words that state a specific a faithful paraphrase keeps: who someone is (a role, a
# family tie, a sex), of what colour, which way, which level of government. One of them in a
# claim, in lower case, must occur in the source in some inflection. Capitalized, they are
# titles before a name ("President Biden", checked as the name) or begin names ("White
# House", "North Korea").
SPECIFIC_WORDS: dict[str, str] = {
    word: kind
    for kind, words in (
        (
            "role",
            "president minister premier chancellor secretary senator congressman "
            "congresswoman governor mayor ambassador envoy prosecutor attorney judge "
            "commissioner director chairman chairwoman chairperson founder owner spokesman "
            "spokeswoman spokesperson king queen prince princess pope bishop admiral colonel "
            "commander sheriff",
        ),
        (
            "person",
            "man men woman women boy girl male female father mother son daughter brother "
            "sister husband wife widow widower uncle aunt nephew niece grandfather grandmother "
            "grandson granddaughter boyfriend girlfriend",
        ),
        ("colour", "red orange yellow green blue purple violet pink brown black white grey gray"),
        (
            "direction",
            "north south east west northern southern eastern western northeast northwest "
            "southeast southwest",
        ),
        ("government", "federal provincial municipal"),
    )
    for word in words.split()
}
# Plurals no suffix rule reaches.
_IRREGULAR = {"men": "man", "women": "woman", "wives": "wife", "feet": "foot"}
_REVERSING_PREFIXES = ("non", "un")
# Endings of adjectives, participles and their nouns: an "un-" or "non-" before one of them
# reverses it ("uncontrolled", "unpopular", "non-compliant"). Verbs are left out: "uninstall"
# is another action, not the negation of "install".
_REVERSIBLE_ENDINGS = (
    "ed", "en", "wn", "able", "ible", "ful", "al", "ar", "ive", "ous", "ic", "ent", "ant",
    "ity", "ness",
)  # fmt: skip

# Capitalized words that name nothing on their own: sentence openers, pronouns, determiners,
# titles and honorifics. They are dropped wherever they stand in a capitalized run.
GENERIC_WORDS = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my your
    in on at for but and or nor so yet if as to of by with from into about over under
    however according after before while when where whether why how what who which whom
    although though because since until unless despite during meanwhile moreover also
    some many most several few all both each every any no not none there here then thus
    now still even just only once more much such other others another
    critics officials experts analysts authorities observers supporters opponents
    mr mrs ms miss dr prof sir dame lord lady madam mme mister
    president vice prime minister ministers secretary senator sen rep representative
    governor gov chancellor chairman chairwoman chair king queen prince princess
    general gen judge justice mayor ambassador spokesman spokeswoman spokesperson ceo
    is are was were be been will would can could should may might must do does did
    has have had said says say new
    previously prior past later earlier today yesterday tomorrow recently currently
    initially finally instead additionally furthermore separately overall last next
    first second third
    people residents researchers scientists investors lawmakers police protesters
    activists workers users customers consumers shares stocks prices sales
    """.split()
)
# Names that stand for one another: a country, its short forms and its adjective.
ALIASES: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split("|"))
    for group in (
        "uk|u k|britain|british|united kingdom|great britain|england|english",
        "us|u s|usa|u s a|america|american|americans|united states",
        "eu|e u|european union",
        "un|u n|united nations",
        "uae|united arab emirates|emirati",
    )
)
# Lower-case words allowed inside a name ("Bank of England", "Ursula von der Leyen").
_CONNECTORS = frozenset("of de du da dos del della di van von der den la le al bin ibn".split())
# Endings that turn a place into its people or adjective and back: China/Chinese,
# Britain/British, Ukraine/Ukrainian, Israel/Israeli, Russia/Russian, Europe/European.
_NAME_SUFFIXES = ("", "a", "e", "i", "n", "an", "ia", "ian", "ean", "ese", "ish", "ain", "y")
_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "a", "an", "to", "&"})

# --------------------------------------------------------------------------- patterns

_FOLD = str.maketrans(
    {
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032`"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
        **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
        "\u00a0": " ",
    }
)
# A number in digits: thousands separated by commas, an optional decimal part, an optional
# ordinal suffix, then an optional scale (word or abbreviation) the value is multiplied by.
_DIGITS = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?"
    r"(?:\s*-?\s*(hundred|thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)\b)?",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[\s-](" + "|".join(_UNITS[1:10]) + r"))?"
    r"|(" + "|".join(_UNITS) + r"|dozen))\b"
    r"(?:\s+(hundred|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", re.IGNORECASE)
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"  # noqa: E501
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(r"(?<![\w.,])" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"(?![\d,.]\d|\d)", re.IGNORECASE)
_ANY_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_ANY_MONTH_FOLDED = re.compile(_ANY_MONTH.pattern, re.IGNORECASE)
_MONTH_WORD = re.compile(r"\b" + _MONTH + r"(?!\w)", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(?:\d{4})\b", re.IGNORECASE)
# A claim's month is a date when it has a day or year beside it or a date preposition before.
_DATE_LEAD = re.compile(
    r"\b(?:in|on|since|until|till|by|from|through|to|during|last|next|this|early|late|mid|"
    r"end\s+of|beginning\s+of|start\s+of)\s*-?\s*$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS)) + r")s?\b", re.IGNORECASE)
# Words of a claim, with dotted acronyms (U.S., U.K.) kept whole.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_][\w'-]*[^\W_]|[^\W_]")
_SUBWORD = re.compile(r"[^\W_]+")
# What follows a number: a percent sign, or one or two words (a unit, or a word and a unit).
_AFTER_NUMBER = re.compile(r"\s*(%)|\s*-?\s*([^\W\d_]+)(?:\s*-?\s*([^\W\d_]+))?")
_CLAIM_ORDINAL = re.compile(r"\b(" + "|".join(sorted(_CLAIM_ORDINALS)) + r")\b", re.IGNORECASE)
_MAGNITUDE = re.compile(
    r"\b(" + "|".join(MAGNITUDES) + r")(?:\s+of\s+(thousands|millions|billions))?\b",
    re.IGNORECASE,
)
# A name with a number in it: letters, a hyphen, digits ("COVID-19", "SARS-CoV-2", "F-35").
_NUMBERED_NAME = re.compile(
    r"(?<![\w-])(?=[\w-]*[A-Z])[^\W\d_]\w*(?:-[^\W\d_]\w*)*-\d\w*(?![\w-]|[.,]\d)"
)
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*[a-z](?![\w'-])")
_VOWEL = re.compile(r"[aeiouy]")
# A sentence's first word, unless a capitalized word follows it ("Mayor Anna Lee said").
_SENTENCE_START = re.compile(
    r"((?:^|[.!?:;]\s+|\n)[^\w\s]*)([A-Z])(?=[a-z'-]*[a-z](?![\w'-])(?!\s+[A-Z]))"
)
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)


# --------------------------------------------------------------------------- numbers


def _value(whole: str, fraction: str | None, scale: str | None) -> str:
    try:
        value = Decimal(whole.replace(",", "") + (fraction or ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return whole
    if scale:
        value *= SCALES[scale.lower()]
    text = format(value.normalize(), "f")
    return text


@dataclass(frozen=True)
class _Claimed:
    values: dict[str, str]  # value -> the words that stated it
    measures: list[tuple[str, str, str]]  # (value, unit, words) of numbers given a unit


def _claim_numbers(text: str) -> _Claimed:
    """Each number the claim states, by value; and each it states with a unit of measure
    ("30 years", "5%"). Amounts of money and days of a month have no unit to check: their
    currency is not compared and their month is checked as a date."""
    values: dict[str, str] = {}
    measures: list[tuple[str, str, str]] = []
    dated = _dated_days(text)

    def measure(match: re.Match[str], value: str) -> None:
        after = _measure_after(text, match.end())
        if after is not None and match.start() not in dated:
            measures.append((value, after[0], text[match.start() : after[1]]))

    for match in _DIGITS.finditer(text):
        whole, fraction, scale = match.groups()
        money = _money_before(text, match.start())
        if scale and scale.lower() in {"m", "b", "k"} and not money:
            scale = None  # "5m" as five metres, "7b" as a grade: only the digits are claimed
        value = _value(whole, fraction, scale)
        values.setdefault(value, match.group().strip())
        if not money:
            measure(match, value)
    for match in _NUMBER_WORD.finditer(text):
        tens, unit, small, scale = match.groups()
        value = _word_value(tens, unit, small, scale)
        word = (small or tens or "").lower()
        if scale or unit or word not in _CLAIM_NUMBER_WORDS_IGNORED:
            values.setdefault(value, match.group())
            measure(match, value)
        elif text.startswith("-", match.end()):  # "one" claims no count, but "one-month" a unit
            measure(match, value)
    for match in _CLAIM_ORDINAL.finditer(text):
        value = str(_ORDINAL_WORDS[match.group(1).lower()])
        values.setdefault(value, match.group(1))
        measure(match, value)
    return _Claimed(values, measures)


def _money_before(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "$\u00a3\u20ac\u00a5"


def _word_value(tens: str | None, unit: str | None, small: str | None, scale: str | None) -> str:
    value = NUMBER_WORDS[(small or tens or "").lower()]
    if unit:
        value += NUMBER_WORDS[unit.lower()]
    if scale:
        value *= SCALES[scale.lower()]
    return str(value)


def _support_numbers(text: str) -> frozenset[str]:
    """Every value the text supports: with and without its scale, digits and words alike."""
    values: set[str] = set()
    for match in _DIGITS.finditer(text):
        whole, fraction, scale = match.groups()
        values.add(_value(whole, fraction, None))
        if scale:
            values.add(_value(whole, fraction, scale))
    for match in _NUMBER_WORD.finditer(text):
        tens, unit, small, scale = match.groups()
        values.add(_word_value(tens, unit, small, None))
        if scale:
            values.add(_word_value(tens, unit, small, scale))
        if tens and unit:
            values.add(str(NUMBER_WORDS[unit.lower()]))
    for match in _ORDINAL_WORD.finditer(text):
        values.add(str(_ORDINAL_WORDS[match.group(1).lower()]))
    return frozenset(values)


def _measure_after(text: str, end: int) -> tuple[str, int] | None:
    """The unit of measure right after a number ending at ``end``, and where it ends: "35 years",
    "a 10-year bond", "5%", "5 per cent", "three consecutive days". None for anything else."""
    match = _AFTER_NUMBER.match(text, end)
    if match is None:
        return None
    if match.group(1):
        return "percent", match.end(1)
    first, second = match.group(2).lower(), (match.group(3) or "").lower()
    if first == "per" and second == "cent":
        return "percent", match.end(3)
    if first in MEASURES:
        return MEASURES[first], match.end(2)
    if second in MEASURES and first not in GENERIC_WORDS and first not in _CONNECTORS:
        return MEASURES[second], match.end(3)
    return None


def _dated_days(text: str) -> set[int]:
    """Where the days of a month start ("8" in "8 August" and in "August 8")."""
    if not _ANY_MONTH_FOLDED.search(text):
        return set()
    return {m.start(1) for m in _DAY_MONTH.finditer(text)} | {
        m.start(2) for m in _MONTH_DAY.finditer(text)
    }


def _support_measures(text: str) -> dict[str, frozenset[str]]:
    """Value -> the units the text gives that value: units of measure, "date" for a day of a
    month, "money" for an amount. A value given only bare (no unit) is not listed."""
    dated = _dated_days(text)
    measures: dict[str, set[str]] = {}

    def add(values: list[str], start: int, end: int) -> None:
        if start in dated:
            unit: str | None = "date"
        elif _money_before(text, start):
            unit = "money"
        else:
            measure = _measure_after(text, end)
            unit = measure[0] if measure else None
        if unit is not None:
            for value in values:
                measures.setdefault(value, set()).add(unit)

    for match in _DIGITS.finditer(text):
        whole, fraction, scale = match.groups()
        values = [_value(whole, fraction, None)]
        if scale:
            values.append(_value(whole, fraction, scale))
        add(values, match.start(), match.end())
    for match in _NUMBER_WORD.finditer(text):
        tens, unit, small, scale = match.groups()
        values = [_word_value(tens, unit, small, None)]
        if scale:
            values.append(_word_value(tens, unit, small, scale))
        add(values, match.start(), match.end())
    for match in _ORDINAL_WORD.finditer(text):
        add([str(_ORDINAL_WORDS[match.group(1).lower()])], match.start(), match.end())
    return {value: frozenset(units) for value, units in measures.items()}


@dataclass(frozen=True)
class NumberMention:
    """A count or amount written in a text: where it stands and what it is worth."""

    start: int
    end: int
    value: Decimal
    scaled: bool  # a scale word multiplied it ("1.2 million"): a rounded figure
    money: bool  # a currency sign stands before it
    date: bool  # it is the day of a month ("8 August")


def number_mentions(text: str) -> list[NumberMention]:
    """Every number of ``text`` written in digits or words, with its value, in text order.

    Scale words count ("$5 million" is 5,000,000); ordinals ("21st", "third") and the "one" of
    ordinary prose are left out, being no count. Offsets point into ``text``.
    """
    folded = text.translate(_FOLD)  # one character for one: offsets are unchanged
    dated = _dated_days(folded)
    found: list[NumberMention] = []
    for match in _DIGITS.finditer(folded):
        whole, fraction, scale = match.groups()
        digits_end = match.end(2) if fraction else match.end(1)
        if folded[digits_end : digits_end + 2].lower() in {"st", "nd", "rd", "th"}:
            continue
        money = _money_before(folded, match.start())
        if scale and scale.lower() in {"m", "b", "k"} and not money:
            scale = None
        end = match.end() if scale else digits_end
        value = Decimal(_value(whole, fraction, scale))
        found.append(
            NumberMention(match.start(), end, value, bool(scale), money, match.start() in dated)
        )
    for match in _NUMBER_WORD.finditer(folded):
        tens, unit, small, scale = match.groups()
        if not (scale or unit) and (small or tens or "").lower() in _CLAIM_NUMBER_WORDS_IGNORED:
            continue
        value = Decimal(_word_value(tens, unit, small, scale))
        found.append(NumberMention(match.start(), match.end(), value, bool(scale), False, False))
    return sorted(found, key=lambda mention: mention.start)


def _claim_magnitudes(text: str) -> list[tuple[str, int, int]]:
    """(words, least, greater than any) of each magnitude the claim gives in words: "millions",
    "tens of thousands"."""
    found: list[tuple[str, int, int]] = []
    for match in _MAGNITUDE.finditer(text):
        low, high = MAGNITUDES[match.group(1).lower()]
        if match.group(2):
            times = MAGNITUDES[match.group(2).lower()][0]
            low, high = low * times, high * times
        found.append((match.group(), low, high))
    return found


def _magnitude_supported(words: str, low: int, high: int, evidence: _Evidence) -> bool:
    """A number of that magnitude in the evidence, or the same words (a bare "billions"), or
    the scale word alone ("a billion" for "billions")."""
    folded = " ".join(words.lower().split())
    if re.search(rf"\b{folded}\b", evidence.lower):
        return True
    if " " not in folded and re.search(rf"\b{folded[:-1]}\b", evidence.lower):
        return True
    return any(low <= Decimal(value) < high for value in evidence.numbers)


# --------------------------------------------------------------------------- dates


def _month(word: str) -> str:
    return MONTHS[word.lower().rstrip(".")]


def _day_month_pairs(text: str) -> set[tuple[str, str]]:
    pairs = {(str(int(m.group(1))), _month(m.group(2))) for m in _DAY_MONTH.finditer(text)}
    pairs |= {(str(int(m.group(2))), _month(m.group(1))) for m in _MONTH_DAY.finditer(text)}
    return {(day, month) for day, month in pairs if 1 <= int(day) <= 31}


def _claim_months(text: str) -> dict[str, str]:
    """Months the claim gives as dates: month -> its surface form."""
    if not _ANY_MONTH.search(text):
        return {}
    dated = {m.start(2) for m in _DAY_MONTH.finditer(text)}
    dated |= {m.start(1) for m in _MONTH_DAY.finditer(text)}
    dated |= {m.start(1) for m in _MONTH_YEAR.finditer(text)}
    found: dict[str, str] = {}
    for match in _MONTH_WORD.finditer(text):
        word = match.group(1)
        if not word[0].isupper():
            continue
        is_dated = match.start() in dated or (
            _DATE_LEAD.search(text, max(0, match.start() - 20), match.start()) is not None
        )
        # "May" is a verb and "Mar", "Dec" are other words unless they stand as dates.
        ambiguous = word.lower() == "may" or (len(word) <= 4 and not match.group().endswith("."))
        if is_dated or not ambiguous:
            found.setdefault(_month(word), word)
    return found


def _support_months(text: str) -> frozenset[str]:
    return frozenset(_month(m.group(1)) for m in _MONTH_WORD.finditer(text))


def _weekdays(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(1) for m in _WEEKDAY.finditer(text) if m.group(1)[0].isupper()
    }


# --------------------------------------------------------------------------- names


def _words(text: str) -> list[str]:
    return _SUBWORD.findall(normalize(text))


@lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[str, ...]:
    """``_words`` of one token, cached: a source repeats its names many times."""
    return tuple(_words(token))


def _capitalized_prefix(parts: list[str]) -> list[str]:
    """The leading parts of a hyphenated word that belong to a name: capitalized, or numbered
    ("SARS-CoV-2", "COVID-19")."""
    kept: list[str] = []
    for part in parts:
        if not part or not (part[0].isupper() or any(c.isdigit() for c in part)):
            break
        kept.append(part)
    return kept


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _claim_names(text: str) -> list[str]:
    """Capitalized runs of the claim that should name something, generic words removed."""
    runs: list[list[str]] = []
    current: list[str] = []
    pending: list[str] = []  # connectors waiting for a capitalized word after them
    last_end = -1
    for match in _TOKEN.finditer(text):
        token = match.group()
        gap = text[last_end : match.start()] if last_end >= 0 else ""
        last_end = match.end()
        adjacent = current and gap.strip() == "" and "\n" not in gap
        if not token[0].isupper():
            if adjacent and token.lower() in _CONNECTORS and not token[0].isdigit():
                pending.append(token)
                continue
            if current:
                runs.append(current)
            current, pending = [], []
            continue
        acronym = _is_acronym(token)
        base = _POSSESSIVE.sub("", token) if not acronym else token.rstrip("'s")
        if "-" in base:  # "Russia-backed" names Russia; "Plant-based" names nothing new
            base = "-".join(_capitalized_prefix(base.split("-")))
        lower = base.lower().rstrip(".")
        skip = (
            lower in GENERIC_WORDS
            or lower in MONTHS
            or lower in WEEKDAYS
            or lower in NUMBER_WORDS
            or lower in _ORDINAL_WORDS
            or (lower.endswith("s") and lower[:-1] in WEEKDAYS)
        )
        if acronym:
            skip = lower in {"i", "ok"}
        if not adjacent or skip:
            if current:
                runs.append(current)
            current, pending = [], []
        if skip:
            continue
        if any(c.isdigit() for c in base):  # "SARS-CoV-2", "G7": a numbered name stands alone
            if current:
                runs.append(current)
            runs.append([base])
            current, pending, last_end = [], [], -1
            continue
        current.extend(pending)
        pending = []
        current.append(base)
        if base != token:  # a possessive ends the name
            runs.append(current)
            current = []
            last_end = -1
    if current:
        runs.append(current)
    return [" ".join(run) for run in runs if not _lone_sentence_opener(run, text)]


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*$")


def _lone_sentence_opener(run: list[str], text: str) -> bool:
    """One capitalized word opening a sentence ("Reporters could ...") is not taken for a name:
    with no dictionary, a common noun there looks like one. Acronyms and runs still count."""
    if len(run) != 1 or _is_acronym(run[0]):
        return False
    for match in re.finditer(rf"\b{re.escape(run[0])}", text):
        if not _SENTENCE_OPENING.search(text[: match.start()]):
            return False
    return True


@dataclass(frozen=True)
class _Source:
    words: frozenset[str]
    joined: str  # the folded words, space-separated and space-padded
    initials: frozenset[str]  # initials of the capitalized runs, for acronyms
    stems: frozenset[str]  # each word's stems under _NAME_SUFFIXES
    keys: frozenset[str]  # each word's _key, hyphenated words also whole ("noncompliant")
    # Name words that stand in one capitalized run, first before second ("barack", "obama"
    # from "Barack Hussein Obama"); for each name word the others it stands with, and those
    # it stands after.
    paired: frozenset[tuple[str, str]]
    partners: dict[str, frozenset[str]]
    after: dict[str, frozenset[str]]

    def mixes_names(self, words: list[str]) -> str | None:
        """Two neighbouring words of a claim's name that the source gives only in other names,
        the second after another word: "Paul Romney" where it has "Ron Paul" and "Mitt
        Romney"."""
        for first, second in zip(words, words[1:]):
            if (
                (first, second) not in self.paired
                and self.partners.get(first, frozenset()) - {second}
                and self.after.get(second, frozenset()) - {first}
            ):
                return f"{first} {second}"
        return None

    def has_word(self, word: str) -> bool:
        """Whether the word occurs, or another form of the same place or people's name
        ("Chinese" for "China", "Ukrainian" for "Ukraine", "Israeli" for "Israel")."""
        return word in self.words or (word.isalpha() and not _stems(word).isdisjoint(self.stems))

    def has_phrase(self, words: list[str]) -> bool:
        return " " + " ".join(words) + " " in self.joined


@lru_cache(maxsize=128)
def _source_profile(text: str) -> _Source:
    """A source's folded words, its words joined by spaces, and its capitalized runs' initials."""
    words = _words(text)
    initials: set[str] = set()
    keys: set[str] = set()
    run: list[str] = []
    tokens = list(_TOKEN.finditer(text.translate(_FOLD)))
    for match in tokens:
        token = match.group()
        parts = token.split("-")
        if len(parts) > 1:
            keys.add(_key("".join(parts)))
        if len(parts) == 1 or parts[0].lower() not in _REVERSING_PREFIXES:
            keys.update(_key(part) for part in parts)  # not "compliant" for "non-compliant"
        if token[0].isupper() and token.lower() not in _ACRONYM_SKIP:
            run.append(token[0].lower())
        elif token.lower() in _ACRONYM_SKIP and run:
            continue
        else:
            _add_initials(run, initials)
            run = []
    _add_initials(run, initials)
    stems = {stem for word in set(words) if word.isalpha() for stem in _stems(word)}
    paired = {
        (run[i], run[j])
        for run in _name_runs(text, tokens)
        for i in range(len(run))
        for j in range(i + 1, min(len(run), i + _NAME_REACH))
    }
    partners: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for first, second in paired:
        partners.setdefault(first, set()).add(second)
        partners.setdefault(second, set()).add(first)
        after.setdefault(second, set()).add(first)
    return _Source(
        frozenset(words),
        " " + " ".join(words) + " ",
        frozenset(initials),
        frozenset(stems),
        frozenset(keys),
        frozenset(paired),
        {word: frozenset(others) for word, others in partners.items()},
        {word: frozenset(others) for word, others in after.items()},
    )


# How many words apart two words of one name may stand ("Barack Hussein Obama": 3); a long
# run of capitals (a title-case headline) pairs no words further apart.
_NAME_REACH = 4


def _name_runs(text: str, tokens: list[re.Match[str]]) -> list[list[str]]:
    """The source's runs of capitalized name words, folded, as a claim's names are read: a
    title or other generic word, a line break or a possessive ends a run. ``tokens`` are the
    folded text's tokens (folding keeps every offset)."""
    runs: list[list[str]] = []
    current: list[str] = []
    last_end = -1
    for match in tokens:
        token = match.group()
        gap = text[last_end : match.start()] if last_end >= 0 else ""
        last_end = match.end()
        base = _POSSESSIVE.sub("", token)
        lower = base.lower().rstrip(".")
        adjacent = gap.strip() == "" and "\n" not in gap
        no_name = not token[0].isupper() or lower in GENERIC_WORDS
        if no_name or not adjacent:
            runs.append(current)
            current = []
        if no_name:
            continue
        current.extend(_token_words(base))
        if base != token:
            runs.append(current)
            current = []
    runs.append(current)
    return [run for run in runs if len(run) > 1]


def _stems(word: str) -> set[str]:
    """The word less each place-name or demonym ending it has, keeping at least 4 letters."""
    return {
        word[: len(word) - len(suffix)]
        for suffix in _NAME_SUFFIXES
        if word.endswith(suffix) and len(word) - len(suffix) >= 4
    }


def _add_initials(run: list[str], initials: set[str]) -> None:
    for start in range(len(run)):
        for end in range(start + 2, min(len(run), start + 8) + 1):
            initials.add("".join(run[start:end]))


def _name_supported(name: str, source: _Source) -> bool:
    parts = _words(name)
    if not parts or source.has_phrase(parts):
        return True
    if any(c.isdigit() for c in name):  # a numbered name must occur whole: "SARS-CoV-2"
        return "".join(parts) in source.words
    phrase = " ".join(parts)
    for group in ALIASES:
        if phrase in group:
            return any(source.has_phrase(alias.split()) for alias in group)
    if _is_acronym(name.replace(" ", "")) and " " not in name:
        squeezed = "".join(parts)
        return squeezed in source.words or squeezed in source.initials
    content = [p for p in parts if len(p) >= 3 and p not in _CONNECTORS]
    if not content:
        return all(p in source.words for p in parts if p not in _CONNECTORS)
    return all(source.has_word(p) for p in content) and source.mixes_names(parts) is None


# --------------------------------------------------------------------------- common words


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A light stem, so that a word's inflections meet: "sisters" and "sister", "controlled"
    and "control", "women" and "woman". Not a lemmatizer: it only has to map a word and its
    inflections to one string, and it does not matter when that string is not a word."""
    # (the possessive first: "women's" is "women", an irregular plural, before it is a stem)
    word = _POSSESSIVE.sub("", word.lower())
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and _VOWEL.search(stem):
            word = stem
            break
    if word.endswith("y"):
        word = word[:-1] + "i"
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and not _VOWEL.match(word[-1]):
        word = word[:-1]  # "stopped" -> "stop", and "fall" -> "fal" with "falling"
    return word


def word_stem(word: str) -> str:
    """The light stem the claim checks compare words by: "countries" and "country" meet, as
    do "signed" and "signing"."""
    return _key(word)


def _plurals(word: str) -> set[str]:
    if word.endswith(("s", "x", "ch", "sh")):
        return {word + "es"}
    if word.endswith("y") and not _VOWEL.match(word[-2]):
        return {word[:-1] + "ies"}
    return {word + "s"}


# A specific word as a claim may write it (singular or plural) -> the word.
_SPECIFIC_FORMS: dict[str, str] = {
    form: word for word in SPECIFIC_WORDS for form in {word} | _plurals(word)
}


def _unsupported_words(text: str, source: _Source) -> set[str]:
    """Lower-case words of the claim that state something the source does not, in any
    inflection: a specific word (a role, family tie, sex, colour, direction or level of
    government), or a word the source uses only reversed by "un-" or "non-" ("uncontrolled"
    where it says "controlled", "crewed" where it says "uncrewed")."""
    missing: set[str] = set()
    # A sentence's first word is capitalized whatever it is: checked as written in lower case.
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).lower(), text)
    for match in _LOWER_WORD.finditer(text):
        word = _POSSESSIVE.sub("", match.group())
        if word not in _SPECIFIC_FORMS and not _may_reverse(word):
            continue
        if _key(word) in source.keys or _key(word.replace("-", "")) in source.keys:
            continue
        if word in _SPECIFIC_FORMS or _reverses(word, source):
            missing.add(word)
    return missing


def _may_reverse(word: str) -> bool:
    return word.startswith(_REVERSING_PREFIXES) or word.endswith(_REVERSIBLE_ENDINGS)


def _reverses(word: str, source: _Source) -> bool:
    """Whether the word is the negation of an adjective or participle the source has, or the
    source has its negation: "un-" or "non-" before it, or taken away."""
    bare = word.replace("-", "")
    for prefix in _REVERSING_PREFIXES:
        base = bare[len(prefix) :]
        if bare.startswith(prefix) and len(base) >= 4 and base.endswith(_REVERSIBLE_ENDINGS):
            if _key(base) in source.keys:
                return True
    if bare.endswith(_REVERSIBLE_ENDINGS):
        return any(_key(prefix + bare) in source.keys for prefix in _REVERSING_PREFIXES)
    return False


# --------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class _Evidence:
    numbers: frozenset[str]  # every value the evidence supports
    measures: dict[str, frozenset[str]]  # value -> the units the evidence gives it
    months: frozenset[str]
    pairs: frozenset[tuple[str, str]]  # (day, month)
    weekdays: frozenset[str]
    lower: str  # the folded text, lower-cased


@lru_cache(maxsize=128)
def _evidence_profile(text: str) -> _Evidence:
    folded = text.translate(_FOLD)
    return _Evidence(
        numbers=_support_numbers(folded),
        measures=_support_measures(folded),
        months=_support_months(folded),
        pairs=frozenset(_day_month_pairs(folded)),
        weekdays=frozenset(_WEEKDAY_ANY.findall(folded.lower())),
        lower=folded.lower(),
    )


_WEEKDAY_ANY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS)) + r")")


def unsupported_claims(claim: str, evidence: str, source_text: str | None = None) -> list[str]:
    """What the claim states that its support does not: a sorted list of short reasons' subjects
    (e.g. ['102', '8 August', 'Microsoft']). Empty when the claim is supported.

    Numbers, units, magnitudes, dates, months and weekdays are checked against ``evidence``;
    proper names and specific common words against ``source_text`` (or ``evidence`` when it is
    None). See the module docstring.
    """
    text = claim.translate(_FOLD)
    support = _evidence_profile(evidence)
    profile = _source_profile(source_text if source_text is not None else evidence)
    missing: set[str] = set()

    # The number of a numbered name the source has is part of the name, not a count.
    counted = _NUMBERED_NAME.sub(
        lambda m: "#" * len(m.group()) if _name_supported(m.group(), profile) else m.group(),
        text,
    )
    claimed = _claim_numbers(counted)
    for value, surface in claimed.values.items():
        if value not in support.numbers:
            missing.add(value if surface[:1].isdigit() else surface)
    for value, unit, surface in claimed.measures:
        units = support.measures.get(value)
        if value in support.numbers and units and unit not in units:
            missing.add(surface)
    for words, low, high in _claim_magnitudes(counted):
        if not _magnitude_supported(words, low, high, support):
            missing.add(words)

    claimed_months = _claim_months(text)
    for month, surface in claimed_months.items():
        if month not in support.months:
            missing.add(surface)
    for day, month in _day_month_pairs(text):
        if (day, month) not in support.pairs and day in support.numbers and month in support.months:
            missing.add(f"{day} {month.capitalize()}")
    for day, surface in _weekdays(text).items():
        if day not in support.weekdays:
            missing.add(surface)

    for name in _claim_names(text):
        if not _name_supported(name, profile):
            missing.add(name)
    missing |= _unsupported_words(text, profile)
    return sorted(missing)
