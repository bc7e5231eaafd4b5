"""Common countries: the names a text gives them and the adjective of their people.

Consolidation uses this table to see that "Russia", "the Russian government", "Russia's
government" and "the government of the Russian Federation" name one actor. It is plain data,
deliberately small: a country missing here is still merged by its exact name, and capitals or
landmarks ("Moscow", "the Kremlin") are never taken for the country.
"""

from __future__ import annotations

__all__ = ["COUNTRIES", "US_STATES"]

# Each entry: the country's names, then its demonyms, each list separated by "|". Names are
# lower-case words as consolidation reads them (possessives and dots dropped, "U.S." as "us").
COUNTRIES: tuple[tuple[str, str], ...] = (
    ("united states|united states of america|us|usa|america", "american"),
    ("united kingdom|uk|britain|great britain", "british"),
    ("russia|russian federation", "russian"),
    ("china|people republic of china|prc", "chinese"),
    ("france|french republic", "french"),
    ("germany|federal republic of germany", "german"),
    ("italy", "italian"),
    ("spain", "spanish"),
    ("portugal", "portuguese"),
    ("netherlands|holland", "dutch"),
    ("belgium", "belgian"),
    ("switzerland", "swiss"),
    ("austria", "austrian"),
    ("ireland", "irish"),
    ("sweden", "swedish"),
    ("norway", "norwegian"),
    ("denmark", "danish"),
    ("finland", "finnish"),
    ("iceland", "icelandic"),
    ("poland", "polish"),
    ("czech republic|czechia", "czech"),
    ("hungary", "hungarian"),
    ("romania", "romanian"),
    ("greece", "greek"),
    ("ukraine", "ukrainian"),
    ("belarus", "belarusian"),
    ("turkey|türkiye|turkiye", "turkish"),
    ("israel", "israeli"),
    ("jordan", "jordanian"),
    ("iran|islamic republic of iran", "iranian"),
    ("iraq", "iraqi"),
    ("syria", "syrian"),
    ("lebanon", "lebanese"),
    ("saudi arabia", "saudi"),
    ("qatar", "qatari"),
    ("kuwait", "kuwaiti"),
    ("yemen", "yemeni"),
    ("united arab emirates|uae", "emirati"),
    ("egypt", "egyptian"),
    ("libya", "libyan"),
    ("tunisia", "tunisian"),
    ("algeria", "algerian"),
    ("morocco", "moroccan"),
    ("sudan", "sudanese"),
    ("ethiopia", "ethiopian"),
    ("kenya", "kenyan"),
    ("nigeria", "nigerian"),
    ("ghana", "ghanaian"),
    ("south africa", "south african"),
    ("afghanistan", "afghan"),
    ("pakistan", "pakistani"),
    ("india", "indian"),
    ("bangladesh", "bangladeshi"),
    ("sri lanka", "sri lankan"),
    ("japan", "japanese"),
    ("south korea|republic of korea", "south korean"),
    ("north korea", "north korean"),
    ("taiwan", "taiwanese"),
    ("vietnam|viet nam", "vietnamese"),
    ("thailand", "thai"),
    ("malaysia", "malaysian"),
    ("singapore", "singaporean"),
    ("indonesia", "indonesian"),
    ("philippines", "philippine|filipino"),
    ("myanmar|burma", "burmese"),
    ("australia", "australian"),
    ("new zealand", ""),
    ("canada", "canadian"),
    ("mexico", "mexican"),
    ("cuba", "cuban"),
    ("venezuela", "venezuelan"),
    ("colombia", "colombian"),
    ("brazil", "brazilian"),
    ("argentina", "argentine|argentinian"),
    ("chile", "chilean"),
    ("peru", "peruvian"),
)

# The states of the United States, lower-case: a government when a draft names one alone.
US_STATES = frozenset(
    state.replace("_", " ")
    for state in """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey
    new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania
    rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington
    west_virginia wisconsin wyoming
    """.split()
)
