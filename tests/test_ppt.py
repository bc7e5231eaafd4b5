"""PowerPoint 97-2003 decks (.ppt): slides in the deck's order, each a page, placeholder
text from the slide list, notes after the slide, the last save's text only; one-line errors
for decks that cannot be read."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from briefing.cfb import CompoundFile
from briefing.errors import SourceError
from briefing.grounding import align_quote
from briefing.ppt import read_ppt
from tests.cfb_writer import compound_file
from tests.doc_writer import summary_information
from tests.ppt_writer import (
    DATE,
    ENCRYPTED_TOKEN,
    FOOTER,
    LINE,
    NOTES_BODY,
    NOTES_IMAGE,
    SLIDE_NUMBER,
    TITLE,
    Slide,
    deck,
    group,
    shape,
)
from tests.source_files import read_error, read_one

FILES = Path(__file__).parent / "files"
PLAN = "The levy on berths will rise by 4 percent in April 2031."
REASON = "Dredging the harbour mouth costs twice what the council budgeted."
NOTE = "Say that the ferry operators were consulted in March."
RISK = "A storm surge could close the northern gate for a season."
GREEK = "Η λιμενική αρχή ζητά διάλογο — «όχι τώρα»."

LEVY = Slide(
    shapes=(
        shape(placeholder=TITLE, outline=0),
        shape(placeholder=14, outline=1),
        shape("Council briefing", placeholder=FOOTER),
        shape("4 May 2031", placeholder=DATE),
        shape("*", placeholder=SLIDE_NUMBER, fields=(0,)),
        shape("Harbour council, confidential", header_footer=FOOTER),
    ),
    outline=(("Harbour levy 2031", 0), (f"{PLAN}\r{REASON}", 1)),
    notes=(shape(placeholder=NOTES_IMAGE), shape(NOTE, placeholder=NOTES_BODY, text_type=2)),
)
RISKS = Slide(
    shapes=(
        shape(placeholder=TITLE, outline=0),
        group(shape(RISK), shape(f"{GREEK}\x0bSecond line.")),
    ),
    outline=(("Risks", 0),),
)
HIDDEN = Slide(shapes=(shape("Draft numbers, do not share."),), hidden=True)


def test_slides_in_the_decks_order_each_a_page_notes_after_the_slide(tmp_path: Path) -> None:
    """The records lie hidden, risks, levy; the slide list orders them levy, hidden, risks.
    Placeholders show the slide list's texts; the master's date, footer and number are not
    read; the hidden slide is not read but is counted, as PowerPoint numbers it."""
    data = deck([HIDDEN, RISKS, LEVY], order=[2, 0, 1])
    source = read_one(tmp_path / "levy.ppt", data)
    assert source.text.split("\n\n") == [
        "Harbour levy 2031",
        PLAN,
        REASON,
        NOTE,
        "Risks",
        RISK,
        f"{GREEK} Second line.",
    ]
    assert source.title == "Harbour levy 2031"
    assert source.page_at(source.text.index(NOTE)) == 1
    assert source.page_at(source.text.index(RISK)) == 3
    found = align_quote(PLAN, source.text)
    assert found is not None and found.match == "exact"


def test_a_table_reads_a_row_a_line_and_the_title_comes_from_the_properties(
    tmp_path: Path,
) -> None:
    """Cells are drawn in any order; their places give the rows. A cell's border is a line,
    not a cell."""
    table = group(
        shape("40%", anchor=(100, 200)),
        shape("Group", anchor=(0, 0)),
        shape(kind=LINE, anchor=(50, 0)),
        shape("Ferries", anchor=(100, 0)),
        shape("Share", anchor=(0, 200)),
        table=True,
    )
    slides = [Slide(shapes=(shape("Who pays", text_type=0), table))]
    source = read_one(tmp_path / "pays.ppt", deck(slides, title="Harbour levy briefing"))
    assert source.text.split("\n\n") == ["Who pays", "Group | Share", "Ferries | 40%"]
    assert source.title == "Harbour levy briefing"
    tool_titled = read_one(tmp_path / "b.ppt", deck(slides, title="PowerPoint Presentation"))
    assert tool_titled.title == "Who pays"


def test_only_the_last_save_is_read(tmp_path: Path) -> None:
    """A deck saved twice keeps the first save's slide in the stream; the second save's
    directory points to its replacement, which is what the deck now says."""
    old = Slide(shapes=(shape("The levy will rise by 9 percent."),))
    old.replaced_by = Slide(shapes=(shape(PLAN),))
    source = read_one(tmp_path / "saved.ppt", deck([old, Slide(shapes=(shape(RISK),))]))
    assert source.text.split("\n\n") == [PLAN, RISK]


def test_a_fields_stand_in_mark_is_not_text(tmp_path: Path) -> None:
    """A slide number in a text box is stored as "*" with a field atom at its place; a "*"
    typed as text stays."""
    slides = [Slide(shapes=(shape("Slide * of the levy plan, rated ***", fields=(6,)),))]
    source = read_one(tmp_path / "fields.ppt", deck(slides))
    assert source.text == "Slide of the levy plan, rated ***"
    at_the_end = [Slide(shapes=(shape("Levy plan, slide *", fields=(17,)),))]
    assert read_one(tmp_path / "end.ppt", deck(at_the_end)).text == "Levy plan, slide"


def test_without_a_current_user_stream_the_last_save_is_found(tmp_path: Path) -> None:
    old = Slide(shapes=(shape("The levy will rise by 9 percent."),))
    old.replaced_by = Slide(shapes=(shape(PLAN),))
    source = read_one(tmp_path / "nouser.ppt", deck([old], current_user=False))
    assert source.text == PLAN


def test_a_deck_with_no_name_to_go_by_and_a_pptx_named_ppt(tmp_path: Path) -> None:
    """Content decides: a compound file holding a PowerPoint stream is a deck; a .pptx
    renamed .ppt is read as a .pptx."""
    from tests.test_pptx import deck as pptx_deck
    from tests.test_pptx import shape as pptx_shape
    from tests.test_pptx import slide as pptx_slide

    unnamed = read_one(tmp_path / "download", deck([Slide(shapes=(shape(PLAN),))]))
    assert unnamed.text == PLAN
    renamed = read_one(tmp_path / "new.ppt", pptx_deck([pptx_slide(pptx_shape(RISK))]))
    assert renamed.text == RISK


def test_libreoffices_ppt_reads_as_the_deck_it_saved(tmp_path: Path) -> None:
    """A deck LibreOffice Impress saved as .ppt (its thumbnail left out of the fixture): text
    boxes, a two-level list with a line break, a hidden slide, a table, Cyrillic and
    typographic marks, notes; the master's prompt texts and fields are not read."""
    source = read_one(tmp_path / "harbour.ppt", (FILES / "libreoffice-harbour.ppt").read_bytes())
    assert source.text.split("\n\n") == [
        "Harbour levy 2031",
        PLAN,
        "Dredging the harbour mouth costs twice what the council budgeted. Second line of "
        "the same point.",
        NOTE,
        "Risks",
        RISK,
        "Коридор — “quoted” €5 ×2",
        "Group | Share",
        "Ferries | 40%",
    ]
    assert source.title == "Harbour levy briefing"
    assert source.page_at(source.text.index("Risks")) == 3


def _no_document_stream() -> bytes:
    return compound_file({"Current User": b"", "Pictures": b"x"})


def _powerpoint_95() -> bytes:
    return deck([Slide(shapes=(shape(PLAN),))], version=0x03F3)


def _cut_short() -> bytes:
    compound = CompoundFile(deck([Slide(shapes=(shape(PLAN),))]))
    stream = compound.read("PowerPoint Document")
    # The document record claims more than the stream holds.
    broken = stream[:4] + struct.pack("<I", len(stream) * 2) + stream[8:]
    return compound_file(
        {"PowerPoint Document": broken, "Current User": compound.read("Current User")}
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a deck at all", "cannot read PowerPoint 97-2003 deck: FILE (not a PowerPoint"),
        (deck([Slide(shapes=(shape(PLAN),))], token=ENCRYPTED_TOKEN), "(password-protected)"),
        (deck([Slide(shapes=(shape(PLAN),))], encrypted_edit=True), "(password-protected)"),
        (_no_document_stream(), "(not a PowerPoint deck)"),
        (compound_file({"PP40": b"x"}), "(PowerPoint 4 or older; save it as .pptx or PDF)"),
        (_powerpoint_95(), "(PowerPoint 95 or older"),
        (_cut_short(), "cannot read PowerPoint 97-2003 deck: FILE (damaged)"),
        (deck([Slide(shapes=(shape(placeholder=TITLE),))]), "PowerPoint 97-2003 deck has no text"),
    ],
)
def test_unreadable_decks_are_one_line_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    assert reason in read_error(tmp_path / "bad.ppt", data)


def test_titles_in_other_languages_and_code_pages(tmp_path: Path) -> None:
    """PowerPoint's default title in another language is no title; a Mac deck's title in
    its Simplified Chinese code page (10008) reads as written."""
    slides = [Slide(shapes=(shape("Who pays", text_type=0),))]
    for default in ("Présentation PowerPoint", "PowerPoint-Präsentation", "PowerPoint 演示文稿"):
        codepage = (10008, "gb2312") if "演" in default else (1252, "cp1252")
        data = deck(slides, title=default, title_codepage=codepage)
        assert read_one(tmp_path / "d.ppt", data).title == "Who pays"
    data = deck(slides, title="港口收费简报", title_codepage=(10008, "gb2312"))
    assert read_one(tmp_path / "mac.ppt", data).title == "港口收费简报"


def test_symbol_glyphs_are_not_text_and_a_decrypted_deck_is_read(tmp_path: Path) -> None:
    """A Wingdings smiley is a private-use character, a picture to the reader; a deck a tool
    decrypted keeps its "EncryptedSummary" stream but is no longer protected."""
    compound = CompoundFile(deck([Slide(shapes=(shape(PLAN, "\uf04a", f"{RISK} \uf0d8"),))]))
    tree = {name: compound.read(name) for name in compound.children()}
    tree["EncryptedSummary"] = b"\x00" * 64
    source = read_one(tmp_path / "decrypted.ppt", compound_file(tree))
    assert source.text.split("\n\n") == [PLAN, RISK]


def test_a_user_edit_naming_no_encryption_session_is_not_protection(tmp_path: Path) -> None:
    """The user edit's optional last field names an encryption session only when one is
    there: a writer that fills it with no session wrote an ordinary deck."""
    data = deck([Slide(shapes=(shape(PLAN),))], long_edit=True)
    assert read_one(tmp_path / "long.ppt", data).text == PLAN


def test_powerpoint_95_is_read_from_the_text_it_keeps(tmp_path: Path) -> None:
    """PowerPoint 95's format is not read, but its deck keeps its text in a stream of its
    own (8-bit, in the code page its summary names; paragraphs ended by carriage returns);
    a deck saved for 95 and 97
    keeps the 97 deck in a storage, which is read whole."""
    old = {
        "Header": b"\x00" * 8,
        "PersistentStorage Directory": b"\x00" * 8,
        "Current User": b"\x0b\x00\x00\x00Ana Ribeiro",
        "Text_Content": f"Harbour levy 2031\r\r{PLAN}\r\x0b{RISK} \u20ac5\r".encode("cp1252"),
    }
    source = read_one(tmp_path / "old.ppt", compound_file(old))
    assert source.text.split("\n\n") == ["Harbour levy 2031", PLAN, f"{RISK} \u20ac5"]
    russian = {
        **old,
        "Text_Content": "Сбор за причал вырастет.\r".encode("cp1251"),
        "\x05SummaryInformation": summary_information("Сбор", 1251, "cp1251"),
    }
    assert read_one(tmp_path / "ru.ppt", compound_file(russian)).text == "Сбор за причал вырастет."
    newer = CompoundFile(deck([Slide(shapes=(shape(REASON),))]))
    dual = {**old, "PP97_DUALSTORAGE": {n: newer.read(n) for n in newer.children()}}
    assert read_one(tmp_path / "dual.ppt", compound_file(dual)).text == REASON


def test_keynote_is_still_refused_with_advice(tmp_path: Path) -> None:
    message = read_error(tmp_path / "talk.key", b"PK\x03\x04")
    assert message == "cannot read FILE: Keynote slides; export them as .pptx or PDF"


def test_a_record_pointing_outside_the_stream_is_damage_not_a_crash() -> None:
    """Every offset the file gives is checked before it is read."""
    compound = CompoundFile(deck([Slide(shapes=(shape(PLAN),))]))
    stream = bytearray(compound.read("PowerPoint Document"))
    directory = stream.rindex(struct.pack("<HH", 0, 0x1772))
    struct.pack_into("<I", stream, directory + 12, 10**9)  # the document's offset
    broken = compound_file(
        {"PowerPoint Document": bytes(stream), "Current User": compound.read("Current User")}
    )
    with pytest.raises(SourceError, match="damaged"):
        read_ppt(broken, "x.ppt")


def test_text_is_read_once_however_often_the_file_points_to_it(tmp_path: Path) -> None:
    """A file listing a slide twice is damaged (PowerPoint never does), and a placeholder
    text two shapes point to is read once: repeated pointers cannot make a little text a
    great deal."""
    twice = deck([Slide(shapes=(shape(PLAN),))], order=[0, 0])
    assert "(damaged)" in read_error(tmp_path / "twice.ppt", twice)
    shared = Slide(
        shapes=(shape(outline=0), shape(outline=0), shape(outline=0)), outline=((RISK, 1),)
    )
    assert read_one(tmp_path / "shared.ppt", deck([shared])).text == RISK


def test_outline_text_no_shape_shows_is_still_read(tmp_path: Path) -> None:
    """A writer that keeps a slide's title and body only in the slide list, with no shape
    pointing to them: they are the slide's text, before its own text boxes."""
    bare = Slide(shapes=(shape(RISK),), outline=(("Harbour levy 2031", 0), (PLAN, 1)))
    source = read_one(tmp_path / "bare.ppt", deck([bare]))
    assert source.text.split("\n\n") == ["Harbour levy 2031", PLAN, RISK]
    assert source.title == "Harbour levy 2031"
    partly = Slide(shapes=(shape(outline=1), shape(RISK)), outline=(("Levy", 0), (PLAN, 1)))
    assert read_one(tmp_path / "partly.ppt", deck([partly])).text.split("\n\n") == [
        PLAN,
        RISK,
        "Levy",
    ]


@pytest.mark.parametrize("name", ["show.pps", "SHOW.PPS"])
def test_a_slide_show_is_a_deck(tmp_path: Path, name: str) -> None:
    """PowerPoint's "slide show" save (.pps) is the same format, opened to play."""
    assert read_one(tmp_path / name, deck([Slide(shapes=(shape(PLAN),))])).text == PLAN
