"""Word 97-2003 documents (.doc): the text a reader sees, from files Word's format describes
(written by ``tests.doc_writer``) and from files LibreOffice wrote (``tests/files``)."""

from __future__ import annotations

import struct
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing.cfb import CompoundFile, CompoundFileError
from tests.cfb_writer import compound_file
from tests.doc_writer import word6_document, word_document
from tests.source_files import read_all, read_error, read_one, zipped
from tests.test_docx import docx_bytes, para, run

FILES = Path(__file__).parent / "files"
STATEMENT = "The harbour council opposes the tidal barrier levy in its current form."
REPLY = "The ferry operators said the levy would double the fare."


def test_paragraphs_and_title(tmp_path: Path) -> None:
    data = word_document(f"Levy statement\r{STATEMENT}\r{REPLY}\r", title="Council on the levy")
    source = read_one(tmp_path / "statement.doc", data)
    assert source.title == "Council on the levy"
    assert source.text == f"Levy statement\n\n{STATEMENT}\n\n{REPLY}"


def test_a_program_written_title_gives_way_to_the_file_name(tmp_path: Path) -> None:
    data = word_document(f"{STATEMENT}\r", title="Document1")
    assert read_one(tmp_path / "council-statement.doc", data).title == "council-statement"


def test_text_in_one_byte_and_in_two_bytes_is_read_in_order(tmp_path: Path) -> None:
    """Word stores a piece in Windows-1252 when it can and in UTF-16 when it cannot; a
    document mixes both, and a character beyond the first plane is two UTF-16 units."""
    wide = "“No,” said Ана Петрова 🙂, a café owner."
    body = f"{STATEMENT}\r{wide}\r"
    source = read_one(tmp_path / "mixed.doc", word_document(body, split=len(STATEMENT) + 1))
    assert source.text == f"{STATEMENT}\n\n{wide}"


def test_deleted_and_hidden_text_is_left_out(tmp_path: Path) -> None:
    body = "The council will never vote in March. A hidden draft note. It met on Monday.\r"
    never = body.index(" never")
    note = body.index(" A hidden")
    data = word_document(
        body,
        deleted=[(never, never + len(" never"))],
        hidden=[(note, note + len(" A hidden draft note."))],
        split=30,
    )
    source = read_one(tmp_path / "tracked.doc", data)
    assert source.text == "The council will vote in March. It met on Monday."


def test_a_symbols_stand_in_character_is_not_text(tmp_path: Path) -> None:
    """Insert Symbol stores a Wingdings smiley as "(" with the glyph in its properties (as
    Word 2007 did in a file from oletools' test data): not a bracket."""
    body = "Have fun reading it ( and the (brackets) stay.\r"
    data = word_document(body, symbols=[body.index("(")])
    source = read_one(tmp_path / "symbol.doc", data)
    assert source.text == "Have fun reading it  and the (brackets) stay."


def test_a_table_is_one_line_a_row(tmp_path: Path) -> None:
    body = "Who said what:\rGroup\x07Stance\x07\x07Ferry operators\x07\x07Oppose\x07\x07After.\r"
    marks = [index for index, char in enumerate(body) if char == "\x07"]
    row_ends = [marks[2], marks[6]]  # the second row has an empty cell between two
    source = read_one(tmp_path / "table.doc", word_document(body, row_ends=row_ends))
    assert source.text == "Who said what:\n\nGroup | Stance\n\nFerry operators | Oppose\n\nAfter."


def test_fields_show_their_result_not_their_instruction(tmp_path: Path) -> None:
    body = (
        '\x13 TOC \\o "1-3" \x14Levy 1\rMarch vote 2\r\x15'  # a generated table of contents
        'Read \x13 HYPERLINK "https://example.org/levy" \x14the levy report\x15 first.\r'
        "See the \x13 IF 1 = 1 \x13 QUOTE ok \x14ok\x15\x14decision\x15 on \x13 PAGEREF vote \x14"
        "page 2\x15.\r"
    )
    source = read_one(tmp_path / "fields.doc", word_document(body))
    assert source.text == "Read the levy report first.\n\nSee the decision on page 2."


def test_notes_and_text_boxes_follow_the_body_comments_and_headers_do_not(
    tmp_path: Path,
) -> None:
    data = word_document(
        f"{STATEMENT}\x02\r",
        footnotes="\x02 The levy was proposed in 2031.\r",
        headers="Harbour council | page 1\r",
        comments="\x05 Check this figure.\r",
        endnotes="\x02 Figures from the council.\r",
        boxes="Levy at a glance\r",
    )
    source = read_one(tmp_path / "notes.doc", data)
    assert source.text == (
        f"{STATEMENT}\n\nThe levy was proposed in 2031.\n\nFigures from the council."
        "\n\nLevy at a glance"
    )


def test_word_marks_become_what_a_reader_sees(tmp_path: Path) -> None:
    body = "A long\x0bline, a non\x1ebreaking hyphen, an opti\x1fonal one\x01\x08.\x0cNext page.\r"
    source = read_one(tmp_path / "marks.doc", word_document(body))
    assert source.text == ("A long\nline, a non-breaking hyphen, an optional one.\n\nNext page.")


def test_a_docx_named_doc_is_read_as_docx(tmp_path: Path) -> None:
    source = read_one(tmp_path / "renamed.doc", docx_bytes(para(run(STATEMENT))))
    assert source.text == STATEMENT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"plain text, not Word", "not a Word 97-2003 file"),
        (word_document(f"{STATEMENT}\r", flags=0x0300), "password-protected"),
        (word_document(f"{STATEMENT}\r", version=0x0065), "older than Word 97's format"),
        (compound_file({"Workbook": b"\x09\x08" * 10}), "not a Word document"),
        (word_document(f"{STATEMENT}\r")[:1500], "damaged"),
        # 50,000 pieces all pointing at one sentence: 3.6 million characters from 73
        (word_document(f"{STATEMENT}\r", repeat=50_000), "damaged"),
    ],
)
def test_unreadable_documents_are_one_line_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    message = read_error(tmp_path / "bad.doc", data)
    assert message.startswith(f"cannot read Word 97-2003 document: FILE ({reason}")


def test_a_document_with_no_text_says_so(tmp_path: Path) -> None:
    message = read_error(tmp_path / "empty.doc", word_document("\r\x01\r"))
    assert message == "Word 97-2003 document has no text: FILE"


def test_a_loop_in_a_sector_chain_is_damage_not_an_endless_read() -> None:
    data = bytearray(compound_file({"WordDocument": bytes(5000)}))
    (fat_sector,) = struct.unpack_from("<I", data, 76)
    fat_at = (fat_sector + 1) * 512
    struct.pack_into("<I", data, fat_at + 4 * 3, 0)  # the stream's fourth sector leads back
    with pytest.raises(CompoundFileError, match="broken sector chain"):
        CompoundFile(bytes(data)).read("WordDocument")


def test_files_libreoffice_wrote(tmp_path: Path) -> None:
    """Real files (LibreOffice 7's "Word 97-2003" export of documents written for these
    tests): tracked changes, a footnote, a comment, a table of contents, a list and a text
    box in one; curly quotes, Cyrillic, an emoji, a table and a link in the other."""
    tracked = read_one(tmp_path / "a.doc", (FILES / "libreoffice-tracked-changes.doc").read_bytes())
    assert tracked.title == "Levy consultation"
    assert tracked.text == (
        "Consultation on the levy\n\n"
        "The council will vote in March. Two  spaces\tand a tab.\n\n"
        "First item\n\nSecond item\n\nNested item\n\n"
        "A frame: after the frame.\n\nGroup\n\nFerries\n\n"
        "The vote date was set on 2 May.\n\nBoxed text."
    )
    scripts = read_one(
        tmp_path / "b.doc", (FILES / "libreoffice-scripts-and-table.doc").read_bytes()
    )
    assert scripts.text == (
        "“We will not sign,” said the minister — Ана Петрова — on 3 May. "
        "Emoji: 🙂 café naïve.\n\nGroup | Stance\n\nFerries | Oppose\n\n"
        "See the report for details."
    )


def test_a_doc_in_a_press_pack_or_an_e_mail_is_a_source(tmp_path: Path) -> None:
    statement = word_document(f"{STATEMENT}\r", title="Council on the levy")
    sources = read_all(tmp_path / "pack.zip", zipped({"pack/statement.doc": statement}))
    assert [(s.title, s.text) for s in sources] == [("Council on the levy", STATEMENT)]
    mail = EmailMessage()
    mail["From"] = "Harbour Council <press@harbour.example>"
    mail["Subject"] = "Levy statement"
    mail.set_content("Our statement on the levy is attached.")
    mail.add_attachment(
        statement, maintype="application", subtype="msword", filename="statement.doc"
    )
    sources = read_all(tmp_path / "statement.eml", bytes(mail))
    assert [s.path.rsplit("#", 1)[-1] for s in sources] == ["statement.doc"]
    assert sources[0].text == STATEMENT


def test_a_web_page_saved_as_doc_is_read_as_a_web_page(tmp_path: Path) -> None:
    """Word's "Web Page" save, and many a site's "download as Word" export, are HTML named
    .doc; Word's "Single File Web Page" is MHTML."""
    html = (
        '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head>'
        '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
        "<title>Council on the levy</title></head><body><div class=WordSection1>"
        f"<p class=MsoNormal>{STATEMENT}</p><p class=MsoNormal>{REPLY}</p></div></body></html>"
    )
    source = read_one(tmp_path / "export.doc", html.encode("cp1252"))
    assert (source.title, source.text) == ("Council on the levy", f"{STATEMENT}\n\n{REPLY}")
    mhtml = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="part"\r\n\r\n'
        '--part\r\nContent-Type: text/html; charset="utf-8"\r\n'
        "Content-Location: file:///C:/statement.htm\r\n\r\n"
        f"{html}\r\n--part--\r\n"
    )
    source = read_one(tmp_path / "single-file.doc", mhtml.encode())
    assert source.text == f"{STATEMENT}\n\n{REPLY}"


def test_a_table_cut_short_is_damage_wherever_the_file_is_read(tmp_path: Path) -> None:
    """A sector table whose last sector the file cuts short: one line, whether the file is
    named .doc or has no name to go by (it was an IndexError there)."""
    data = bytearray(word_document(f"{STATEMENT}\r"))
    last = (len(data) - 512) // 512 - 1
    struct.pack_into("<I", data, 44, 120)  # more table sectors than the header lists
    struct.pack_into("<I", data, 68, last)  # the rest listed in the last sector, cut short
    cut = bytes(data[: (last + 1) * 512 + 100])
    with pytest.raises(CompoundFileError):
        CompoundFile(cut)
    assert read_error(tmp_path / "cut.doc", cut).startswith("cannot read Word 97-2003")
    assert "FILE" in read_error(tmp_path / "cut", cut)


# --------------------------------------------------------------------------- Word 6 and 95


def test_a_word_95_document_is_read_in_its_code_page(tmp_path: Path) -> None:
    """Word 95's 8-bit text in the code page its summary names (Windows-1251 here); a
    table's row ends where two cell marks meet; a field shows its result; footnotes follow."""
    body = (
        "Компания предлагает вина.\r"
        "Вино\x07Цена\x07\x07Алиготе\x07120 руб.\x07\x07"
        "Страница \x13 PAGE \x143\x15.\r"
    )
    data = word6_document(body, footnotes="Цены на май.\r", codec="cp1251", codepage=1251)
    source = read_one(tmp_path / "wine.doc", data)
    assert source.text.split("\n\n") == [
        "Компания предлагает вина.",
        "Вино | Цена",
        "Алиготе | 120 руб.",
        "Страница 3.",
        "Цены на май.",
    ]


def test_a_fast_saved_word_6_document_is_read_in_its_pieces_order(tmp_path: Path) -> None:
    body = "The harbour council opposes the levy. It will vote in March.\r"
    data = word6_document(body, pieces=[(0, 20), (20, 40), (40, len(body))], version=101)
    assert read_one(tmp_path / "fast.doc", data).text == body.strip()


@pytest.mark.parametrize(
    ("codec", "codepage", "mac", "text"),
    [
        ("cp1251", None, False, "Компания предлагает со склада в Москве молдавские вина."),
        ("mac_roman", None, True, "La stratégie de l’auteur a été publiée en français."),
        ("mac_roman", 10000, False, "La stratégie de l’auteur a été publiée en français."),
    ],
)
def test_a_word_6_documents_code_page_when_its_summary_names_none(
    tmp_path: Path, codec: str, codepage: int | None, mac: bool, text: str
) -> None:
    """No code page named: guessed from the text; Word 6 for the Mac marks its character
    set as the Mac's, or names the Mac's code page."""
    data = word6_document(f"{text}\r", codec=codec, codepage=codepage, mac=mac)
    assert read_one(tmp_path / "old.doc", data).text == text


def test_a_password_protected_word_95_document_is_one_line_error(tmp_path: Path) -> None:
    data = word6_document(f"{STATEMENT}\r", flags=0x0100)
    assert read_error(tmp_path / "locked.doc", data).endswith("(password-protected)")
