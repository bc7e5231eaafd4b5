"""A risk's category is held to the words of its cited sentence."""

from __future__ import annotations

import pytest

from briefing.categories import risk_category
from briefing.models import RiskDraft
from tests.test_grounding import ground_risks_in


@pytest.mark.parametrize(
    ("sentence", "drafted", "shown"),
    [
        # The drafted label stands when the sentence has a word of its kind.
        (
            "Reporters' groups warn that the new powers could be turned against journalists.",
            "human_rights",
            "human_rights",
        ),
        (
            "The ombudsman fears the bill would let agencies read private messages without "
            "a warrant, a blow to privacy.",
            "privacy",
            "privacy",
        ),
        (
            "Opposition senators said the delay could cost the governing party its majority.",
            "political",
            "political",
        ),
        # A label the sentence does not support gives way to the kind it names most.
        (
            "The vendors' alliance is worried about what the pact means for the security of "
            "networks worldwide.",
            "human_rights",
            "security",
        ),
        (
            "Prosecutors said the charges could be filed in a federal court next month.",
            "economic",
            "legal",
        ),
        (
            "The guild warned that the levy would push prices up and cost hundreds of jobs.",
            "political",
            "economic",
        ),
        # No word of any kind: the tool does not say which kind of risk it is.
        (
            "The firm said in a letter that no result is better than a poor result.",
            "human_rights",
            "other",
        ),
        (
            "Two old school friends could not agree on who would tee off first at the match.",
            "economic",
            "other",
        ),
        # Names of benefits and bodies are not the threats the word names elsewhere.
        (
            "The union said the plan would cut Social Security for millions of retirees.",
            "security",
            "economic",
        ),
        (
            "The envoy said the Security Council would meet on the question again.",
            "security",
            "political",
        ),
        # An attack on someone by name is words, not force; an attack on a place is force.
        (
            "The governor made a sharp attack on Delgado over the rhetoric of the campaign.",
            "security",
            "political",
        ),
        (
            "Officials said the attack on the embassy had left the staff in danger.",
            "political",
            "security",
        ),
        # So is one on a character (BASIL: "On Sunday, Robert Gibbs, a political adviser to
        # President Obama, criticized such attacks on “character and faith.”" was security).
        (
            "On Sunday, the adviser criticized such attacks on \u201ccharacter and faith.\u201d",
            "security",
            "other",
        ),
        # A tie goes to the narrower kind: rights before party politics.
        (
            "Democrats said the order would strip rights from the poorest tenants.",
            "legal",
            "human_rights",
        ),
        # A sentence in another language is not judged.
        ("La loi pourrait menacer la vie privée des citoyens.", "economic", "economic"),
    ],
)
def test_the_shown_category_rests_on_the_sentence(sentence: str, drafted: str, shown: str) -> None:
    assert risk_category(sentence, drafted) == shown  # type: ignore[arg-type]


def test_grounding_shows_the_category_its_sentence_supports() -> None:
    text = (
        "The Harbour Traders Alliance met on Monday. "
        "The alliance warned that the toll would drive shoppers away and cost dozens of "
        "stalls their trade. "
        "Councillor Ines Varga said the toll could also expose drivers' movements to "
        "tracking by the operator."
    )
    drafts = [
        RiskDraft(
            raised_by="Harbour Traders Alliance",
            quote="the toll would drive shoppers away",
            description="Stalls could lose trade.",
            category="human_rights",
        ),
        RiskDraft(
            raised_by="Ines Varga",
            quote="expose drivers' movements to tracking by the operator",
            description="Drivers could be tracked.",
            category="privacy",
        ),
    ]
    grounded = ground_risks_in(text, *drafts)
    assert not grounded.rejected
    assert [(r.raised_by, r.category) for r in grounded.risks] == [
        ("Harbour Traders Alliance", "economic"),
        ("Ines Varga", "privacy"),
    ]
