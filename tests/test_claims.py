"""Claim checks: numbers and dates must be in the evidence, proper names in the source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.claims import unsupported_claims

SOURCE = (
    "Nick Ashton-Hart spoke for the Cybersecurity Tech Accord on behalf of Microsoft. "
    "The World Health Organization and the EU both commented. "
    "Delegates from three regions met in Geneva."
)
EVIDENCE = (
    "The committee approved the text by 1,000 votes to 23, a 5 per cent margin, "
    "on August 8, 2024, after a $5,000,000 review."
)


@pytest.mark.parametrize(
    "claim",
    [
        "The text passed by 1000 votes to 23.",
        "The margin was 5%.",
        "The margin was 5 percent.",
        "The review cost $5 million.",
        "The review cost 5 million dollars.",
        "It was approved on 8 August 2024.",
        "It was approved on August 8th, 2024.",
        "It was approved in August.",
        "Twenty-three members voted against.",
    ],
)
def test_supported_numbers_in_other_formats(claim: str) -> None:
    assert unsupported_claims(claim, EVIDENCE) == []


def test_written_number_in_evidence_supports_digits() -> None:
    assert unsupported_claims("Delegates from 3 regions met.", SOURCE) == []
    assert unsupported_claims("Delegates from 4 regions met.", SOURCE) == ["4"]


def test_altered_number_flagged() -> None:
    assert unsupported_claims("The text passed by 1,001 votes to 23.", EVIDENCE) == ["1001"]


def test_altered_percentage_flagged() -> None:
    assert unsupported_claims("The margin was 6 per cent.", EVIDENCE) == ["6"]


def test_scale_is_part_of_an_amount() -> None:
    assert unsupported_claims("The review cost $5 billion.", EVIDENCE) == ["5000000000"]


def test_wrong_day_flagged() -> None:
    assert unsupported_claims("It was approved on 9 August 2024.", EVIDENCE) == ["9"]


def test_wrong_year_flagged() -> None:
    assert unsupported_claims("It was approved on 8 August 2023.", EVIDENCE) == ["2023"]


def test_wrong_month_flagged() -> None:
    assert unsupported_claims("It was approved on 8 September 2024.", EVIDENCE) == ["September"]


def test_day_must_belong_to_its_month() -> None:
    evidence = "Talks opened on 23 July and closed on 8 August."
    assert unsupported_claims("Talks opened on 8 July.", evidence) == ["8 July"]
    assert unsupported_claims("Talks opened on July 23.", evidence) == []


def test_weekday_flagged_when_changed() -> None:
    evidence = "The vote took place on Thursday."
    assert unsupported_claims("The vote took place on Thursday.", evidence) == []
    assert unsupported_claims("The vote took place on Friday.", evidence) == ["Friday"]


def test_may_as_a_verb_is_not_a_month() -> None:
    assert unsupported_claims("May the delegates agree, it may pass.", "the delegates") == []


def test_absent_person_flagged() -> None:
    claim = "John Smith argued the convention is flawed."
    assert unsupported_claims(claim, "Ashton-Hart argued the convention is flawed.", SOURCE) == [
        "John Smith"
    ]


def test_name_elsewhere_in_source_accepted() -> None:
    evidence = "He argued the convention is flawed."
    assert unsupported_claims("Nick Ashton-Hart argued it is flawed.", evidence, SOURCE) == []
    # Without a source text the evidence itself must name him.
    assert unsupported_claims("Nick Ashton-Hart argued it is flawed.", evidence) == [
        "Nick Ashton-Hart"
    ]


def test_surname_only_accepted() -> None:
    assert unsupported_claims("Ashton-Hart opposed it.", "x", SOURCE) == []
    assert unsupported_claims("Mr Ashton-Hart opposed it.", "x", SOURCE) == []


def test_possessive_reduced_to_base() -> None:
    assert unsupported_claims("Microsoft's submission opposed it.", "x", SOURCE) == []
    assert unsupported_claims("It cited Google's submission.", "x", SOURCE) == ["Google"]


def test_acronyms() -> None:
    assert unsupported_claims("The EU commented.", "x", SOURCE) == []
    assert unsupported_claims("The WHO commented.", "x", SOURCE) == []  # spelled out in source
    assert unsupported_claims("The ITU commented.", "x", SOURCE) == ["ITU"]


def test_sentence_initial_common_words_are_not_names() -> None:
    claim = "However, the delegates met. The delegates met. According to them, it passed."
    assert unsupported_claims(claim, "the delegates met", SOURCE) == []


def test_lone_sentence_opener_is_not_taken_for_a_name() -> None:
    """Without a dictionary, "Reporters could ..." looks like a name: only runs, acronyms and
    words that also appear mid-sentence are checked."""
    assert unsupported_claims("Reporters could be jailed.", "x", SOURCE) == []
    assert unsupported_claims("Huawei commented.", "x", SOURCE) == []
    assert unsupported_claims("It said Huawei commented.", "x", SOURCE) == ["Huawei"]
    assert unsupported_claims("Huawei Technologies commented.", "x", SOURCE) == [
        "Huawei Technologies"
    ]


def test_entity_swapped_for_another_flagged() -> None:
    claim = "The World Health Organization met in Vienna."
    assert unsupported_claims(claim, "x", SOURCE) == ["Vienna"]
    assert unsupported_claims("The World Trade Organization met in Geneva.", "x", SOURCE) == [
        "World Trade Organization"
    ]


def test_country_short_forms_and_adjectives() -> None:
    source = "British officials met Chinese envoys in Washington."
    assert unsupported_claims("U.K. officials met envoys from China.", "x", source) == []
    assert unsupported_claims("Envoys met French officials.", "x", source) == ["French"]


def test_typographic_apostrophes_and_dashes() -> None:
    claim = "Microsoft\u2019s Ashton\u2013Hart spoke."
    assert unsupported_claims(claim, "x", SOURCE) == []


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_any_number_in_the_evidence_supports_itself(value: int) -> None:
    evidence = f"The total was {value:,} units."
    assert unsupported_claims(f"The total was {value} units.", evidence) == []
    assert unsupported_claims(f"The total was {value + 1} units.", evidence) == [str(value + 1)]
