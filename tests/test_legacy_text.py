"""Text saved in a legacy encoding, declaring none: read in the encoding it reads plausibly in."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.legacy_text import guess_legacy_encoding
from tests.source_files import read_one

SAMPLES = [
    ("cp1252", "Le conseil s’oppose à la taxe – déjà. Der Stadtrat lehnt die Gebühr ab: Größe."),
    ("cp1251", "Городской совет выступает против сбора в нынешнем виде. Голосование 12 марта."),
    ("koi8_r", "Городской совет выступает против сбора в нынешнем виде. Голосование 12 марта."),
    (
        "cp1253",
        "Το δημοτικό συμβούλιο αντιτίθεται στο τέλος. Η ψηφοφορία θα γίνει στις 12 Μαρτίου.",
    ),
    ("cp1250", "Rada miejska sprzeciwia się opłacie w obecnym kształcie. Głosowanie 12 marca."),
    ("cp1254", "Belediye meclisi ücrete şu anki haliyle karşı çıkıyor. Oylama değil mi?"),
    # Czech and Hungarian read the same as Windows-1252 would read them, letter for letter
    # ("pøed", "mìsto"; "idõben"): only where those letters stand tells them apart.
    ("cp1250", "Městská rada před hlasováním řekla, že poplatek může zdražit jízdné."),
    ("cp1250", "A városi tanács időben dönt a díjról, és a szavazás jövő héten lesz."),
    # Western texts whose letters Windows-1250 reads as other letters stay Western.
    ("cp1252", "Il consiglio ha detto così: più tempo, perché la città non è pronta."),
    ("cp1252", "Où est la flûte? Le conseil a déjà voté, et la décision est sûre."),
    ("cp1252", "La història del consell: les decisions de l'any passat, però també això."),
    ("cp1252", "O conselho põe as ações em votação; as decisões serão públicas."),
    ("cp1252", "Byrådet vil købe færgen på tirsdag, og beslutningen står fast."),
    ("shift_jis", "市議会は現行の形での料金に反対している。投票は3月12日に行われる。"),
    ("euc_kr", "시의회는 현재 형태의 요금에 반대한다. 투표는 3월 12일에 실시된다."),
    ("gb18030", "市议会反对目前形式的收费。投票将于3月12日举行。"),
    (
        "big5",
        "市議會反對目前形式的收費。投票將於3月12日舉行。立法會今日通過有關條例，政府表示歡迎。",
    ),
]


@pytest.mark.parametrize(("encoding", "text"), SAMPLES)
def test_a_text_is_read_in_the_encoding_it_was_saved_in(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    assert data.decode(guess_legacy_encoding(data)) == text


def test_a_stray_undefined_byte_does_not_turn_a_western_text_cyrillic() -> None:
    """0x81 is undefined in Windows-1252 but a letter in Windows-1251: one odd byte is no
    reason to read "Naïve" as "Naпve"."""
    assert guess_legacy_encoding(b"Na\xefve headline, odd byte \x81 here.") == "cp1252"


@pytest.mark.parametrize(
    ("name", "encoding"), [("statement.txt", "cp1251"), ("page.html", "cp1253")]
)
def test_files_without_a_declaration_are_read_as_written(
    tmp_path: Path, name: str, encoding: str
) -> None:
    text = dict(SAMPLES)[encoding]
    data = text.encode(encoding)
    if name.endswith(".html"):
        data = b"<html><body><article><p>" + data + b"</p></article></body></html>"
    assert read_one(tmp_path / name, data).text == text


def test_a_long_line_of_two_byte_characters_is_judged_by_a_sample_cut_anywhere() -> None:
    """Only the first 40,000 bytes are looked at: a text of one long line is cut there,
    inside a character of two bytes, which must not rule its encoding out."""
    text = "AB" + dict(SAMPLES)["gb18030"] * 2000  # the cut falls inside a character
    assert guess_legacy_encoding(text.encode("gb18030")) == "gb18030"
