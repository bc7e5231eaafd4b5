"""Short forms of English given names: "Bill Kristol" and "William Kristol" are one person.

Read only as a person's first word before a surname, never alone; plain data, deliberately
small.
"""

from __future__ import annotations

__all__ = ["full_given_name"]

GIVEN_NAMES: dict[str, str] = {
    short: full
    for full, shorts in (
        ("william", "bill billy will"),
        ("robert", "bob bobby rob"),
        ("richard", "dick rick rich"),
        ("james", "jim jimmy"),
        ("michael", "mike"),
        ("joseph", "joe"),
        ("thomas", "tom tommy"),
        ("charles", "chuck charlie"),
        ("daniel", "dan danny"),
        ("david", "dave"),
        ("edward", "ted ed"),
        ("anthony", "tony"),
        ("andrew", "andy"),
        ("christopher", "chris"),
        ("patrick", "pat"),
        ("stephen", "steve steven"),
        ("elizabeth", "liz beth"),
        ("katherine", "kate kathy"),
        ("timothy", "tim"),
        ("benjamin", "ben bibi"),
        ("nicholas", "nick"),
        ("matthew", "matt"),
        ("gregory", "greg"),
        ("jeffrey", "jeff"),
        ("kenneth", "ken"),
        ("lawrence", "larry"),
        ("ronald", "ron"),
        ("donald", "don"),
        ("douglas", "doug"),
        ("mitchell", "mitch"),
        ("newton", "newt"),
    )
    for short in shorts.split()
}


def full_given_name(word: str) -> str:
    """The full form of a lower-case given name ("joe" -> "joseph"), or the word itself."""
    return GIVEN_NAMES.get(word, word)
