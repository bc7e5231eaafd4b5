"""Figures read from evidence: which are read, their ranges, and which compare."""

from __future__ import annotations

from decimal import Decimal

import pytest

from briefing.figures import Figure, comparable, contradict, read_figures


def one(text: str) -> Figure:
    figures = read_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def test_a_figure_is_the_number_its_noun_and_its_qualifier() -> None:
    figure = one("About 110 countries have signed the treaty.")
    assert figure.text == "About 110 countries"
    assert (figure.noun, figure.low, figure.high) == (
        "countries",
        Decimal("104.5"),
        Decimal("115.5"),
    )
    assert figure.after == "sign" and figure.before is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("signed by 120 countries", "120", "120"),
        ("more than 100 countries signed", "100", "Infinity"),
        ("at least 100 countries signed", "100", "Infinity"),
        ("up to 100 countries signed", "0", "100"),
        ("nearly 100 countries signed", "90", "100"),
        ("twenty-one countries signed", "21", "21"),
        ("1.2 million people fled", "1150100", "1249900"),  # a scale word: rounded
        ("1,200 people fled", "1150.1", "1249.9"),  # round and of four digits: rounded
        ("1,234 people fled", "1234", "1234"),
    ],
)
def test_ranges_follow_qualifiers_and_rounding(text: str, low: str, high: str) -> None:
    figure = one(text)
    assert (figure.low, figure.high) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "text",
    [
        "In 2017 officials proposed it.",  # a year
        "It was adopted on 8 August 2024.",  # a day and a year
        "COVID-19 cases rose after 9/11 and at 10:30 talks began.",  # names, dates, times
        "a 10-year sentence",  # a compound
        "between 100 and 120 countries signed",  # a range
        "100 to 120 countries signed",
        "20 more countries signed",  # relative
        "three times as many",
        "102 to 23, with 26 abstentions",  # 26 abstentions has no context
        "5% backed it",  # a unit with nothing counted
        "one of the countries signed",  # "one" of ordinary prose
        "all 193 UN member states",  # the noun is not read after a capitalized acronym
    ],
)
def test_what_is_not_a_comparable_figure(text: str) -> None:
    """Not read at all, or read without the context a comparison needs."""
    assert not any(figure.before or figure.after for figure in read_figures(text))


def test_a_share_counts_the_noun_after_of() -> None:
    figure = one("some 5% of voters backed it")
    assert figure.head == "percent of voter"
    assert one("7 percent of voters backed it").head == figure.head


@pytest.mark.parametrize(
    ("a", "b", "compare", "differ"),
    [
        (
            "The treaty was signed by 120 countries last year.",
            "About 110 countries signed.",
            True,
            True,
        ),
        ("120 countries signed it", "120 countries signed it", True, False),
        ("120 countries signed it", "more than 100 countries signed it", True, False),
        ("120 countries signed it", "about 118 countries signed it", True, False),
        ("120 countries signed it", "40 countries ratified it", False, True),  # other action
        ("120 countries signed it", "110 nations signed it", False, True),  # other noun
        ("$120 million grants were pledged", "110 million grants were pledged", False, True),
        ("30 civil society groups signed", "25 civil rights groups signed", False, True),
        ("20 people were killed", "killed 30 people", True, True),
    ],
)
def test_figures_compare_on_noun_and_context(a: str, b: str, compare: bool, differ: bool) -> None:
    first, second = read_figures(a)[0], read_figures(b)[0]
    assert comparable(first, second) is compare
    assert contradict(first, second) is differ
