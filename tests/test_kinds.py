"""The kind of a drafted actor, read by code from its name and its source."""

from __future__ import annotations

import pytest

from briefing.kinds import actor_kind

SOURCE = (
    "Ines Valdor, director of the Harbour Rights Forum, said the bill was rushed. "
    "Valdor said ministers had ignored the forum. Sen. Okonkwo backed the bill, and "
    "Greta Lindqvist agreed with him. Lindqvist told reporters it was overdue. "
    "Kestrel Systems Inc. and the Blue Meadow Trust stayed silent, and Paulo Reyes, "
    "president of Fair Ledger, called it a start. Brightwave said nothing."
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # the name alone tells it
        ("Sen. Okonkwo", "person"),
        ("Mr. Valdor", "person"),
        ("Clinton's lawyer", "person"),
        ("a senior administration official", "person"),
        ("Harbour Gazette reporter Ana Torres", "person"),
        # BASIL: "AARP policy chief John Rother", an organisation, stood beside "Mr. Rother"
        ("Harbour Guild policy chief Ana Torres", "person"),
        ("Harbour Guild chief", "person"),
        # BASIL: "House Speaker-to-be Nancy Pelosi" was an organisation, so she stood apart
        # from "House Speaker Nancy Pelosi"
        ("Harbour Board Chair-elect Ana Torres", "person"),
        ("House Speaker-to-be Ines Valdor", "person"),
        ("Republican senators", "group"),
        ("human rights advocates", "group"),
        ("Western countries", "group"),
        ("Russia", "government"),
        ("Nebraska", "government"),
        ("New Jersey", "government"),
        ("the Justice Department", "government"),
        ("Kestrel Systems Inc.", "company"),
        ("Harbour Rights Forum", "organisation"),
        ("The Daily Ledger", "organisation"),
        ("NRA", "organisation"),
        ("F.B.I.", "organisation"),
        ("MoveOn.org", "organisation"),
        ("Standard & Poor's", "organisation"),
        # a full name: a person unless the source names it as a body
        ("Ines Valdor", "person"),
        ("Greta Lindqvist", "person"),
        ("Robert S. Mueller III", "person"),
        ("Fair Ledger", "organisation"),  # "president of Fair Ledger"
        ("Blue Meadow", "organisation"),  # "the Blue Meadow Trust": a short form of a body
        # one word: a person when the source gives it a title or a given name
        ("Okonkwo", "person"),
        ("Lindqvist", "person"),
        ("Brightwave", None),
        ("Meadow", None),
    ],
)
def test_kind_of_a_drafted_name(name: str, kind: str | None) -> None:
    assert actor_kind(name, SOURCE) == kind


def test_a_body_named_after_the_is_no_person() -> None:
    text = "The plan was backed by the Coastal Tech Accord and by Marta Ilves."
    assert actor_kind("Coastal Tech Accord", text) == "organisation"
    assert actor_kind("Marta Ilves", text) == "person"
    # without "the" the same two words read as a person's name
    assert actor_kind("Coastal Tech", "Coastal Tech said no.") == "person"


def test_a_body_named_after_what_it_is_is_no_person() -> None:
    """BASIL: "Kerri Talbot, the director of federal advocacy at the group Immigration Hub"
    made "Immigration Hub" a person, so her row could not stand for its."""
    text = "Lena Ortiz, the director of policy at the group Harbour Hub, said it was rushed."
    assert actor_kind("Harbour Hub", text) == "organisation"
    assert actor_kind("Lena Ortiz", text) == "person"
    assert actor_kind("Coastal Hub", "The advocacy group Coastal Hub said no.") == "organisation"
    # a person after a common noun of people stays one
    assert actor_kind("Marta Ilves", "A group member, Marta Ilves, said no.") == "person"


def test_a_surname_that_opens_a_longer_name_is_not_a_person() -> None:
    text = "The Anders Holm Foundation funds it. Holm Foundation staff agreed."
    assert actor_kind("Holm", text) is None
    assert actor_kind("Holm", text + " Nils Holm said so.") == "person"


def test_a_sentence_opening_word_is_no_given_name() -> None:
    assert actor_kind("Vantor", "It said so. But Vantor declined.") is None
    assert actor_kind("Vantor", "It said so. Ilse Vantor declined.") == "person"


def test_a_surname_after_a_middle_initial_is_a_person() -> None:
    # BASIL: "Wilkins said he had supported ..." after "Judge Robert L. Wilkins" had no kind,
    # so the brief showed "Wilkins" and never his full name
    text = "They stood before Judge Ana L. Vantor. Vantor said the plea was fair."
    assert actor_kind("Vantor", text) == "person"
    assert actor_kind("Vantor", "They met at the J. Vantor Hall. Vantor said no.") is None
