"""Given names as news writing uses them: short forms ("Bill Kristol" and "William Kristol"
are one person), and the given names that tell a man from a woman, so that "Mrs. Clinton"
beside Hillary and Bill Clinton is Hillary.

Read only as a person's first word before a surname, never alone; plain data, deliberately
small. Names borne by men and women alike ("Kelly", "Lindsey", "Jean", "Kim") are in neither
list: an unknown sex never joins or parts two names.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["full_given_name", "is_given_name", "sex_of_given_name"]

Sex = Literal["female", "male"]

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


_FEMALE = frozenset(
    """
    abigail alexandria alice alison amanda amy ana andrea angela ann anna anne annette audrey
    ayanna barbara betsy betty beverly brenda carly carmen carol caroline carolyn catherine
    chelsea cheryl christina christine claire condoleezza cynthia debbie deborah debra denise
    diana diane dianne donna doris dorothy edith eleanor elena elise elizabeth ellen emily emma
    erin esther evelyn frances gina gloria grace gretchen hannah heather heidi helen hillary
    hope huma ilhan irene ivanka jacinda jacqueline jane janet janice jeanne jennifer jessica
    jill joan joanne joni josephine joyce judith judy julia julie kamala karen katherine
    kathleen kathryn kathy katie kellyanne kirsten kristen kristin kristi laura lauren linda
    lisa liz loretta louise lucy madeleine malia margaret maria marie marsha martha mary maxine
    mazie megan melania melanie melissa michele michelle monica nancy natalie nicole nikki
    olivia pamela patricia patti patty paula
    rachel rashida rebecca rosa rose ruth sally samantha sandra sara sarah sharon
    sheila sonia sophie stacey stephanie susan susana suzanne tammy teresa theresa tiffany
    tulsi ursula valerie vanessa victoria virginia wendy yolanda
    """.split()
)
_MALE = frozenset(
    """
    aaron adam alan albert alexander alfred andrew anthony arthur barack barry benjamin bernard
    bernie beto boris brandon brett brian bruce carl charles christopher cory craig daniel
    david dennis devin dick donald douglas duncan edward emmanuel eric eugene frank gary
    george gerald gregory harold harry henry hugo jack jacob james jared jason jeb jeffrey
    jeremy jerome jerry jesse john johnny jonathan jose joseph joshua juan justin keith kenneth
    kevin kyle lawrence louis marco mark martin matthew michael mitt mitchell nathan neil
    newton nicholas patrick paul peter philip raymond reince rex richard robert rodney roger
    ronald roy rudolph rudy russell ryan samuel scott sean stephen steven ted theodore
    thomas timothy todd tyler vincent vladimir walter wayne william xavier
    """.split()
)


# Short forms that a woman's name shortens to as well: "Pat" may be Patricia, "Chris" Christine.
_EITHER_SHORT = frozenset({"pat", "chris"})


def sex_of_given_name(word: str) -> Sex | None:
    """The sex a lower-case given name (or its short form) tells, or None when it tells none."""
    if word in _EITHER_SHORT:
        return None
    full = full_given_name(word)
    if full in _FEMALE:
        return "female"
    if full in _MALE:
        return "male"
    return None


def is_given_name(word: str) -> bool:
    """Whether a lower-case word is a given name either table knows: a short form ("joe") or
    one that tells a man from a woman ("hillary")."""
    return word in GIVEN_NAMES or sex_of_given_name(word) is not None
