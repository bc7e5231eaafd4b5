"""Spreadsheets (CSV, TSV, Excel, OpenDocument): an export's rows as sources, a table as rows."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest

from tests.cfb_writer import compound_file
from tests.conftest import fact_sheet
from tests.fakeserver import FakeOpenAI, Reply
from tests.source_files import read_all, read_error, read_one
from tests.test_citations import cited, run, sentence_number
from tests.test_odt import odt_bytes
from tests.xlsx_writer import Inline, Raw, Sheet, Styled, xlsx_bytes

COUNCIL = "The council voted for the levy on Monday, 12 votes to 9."
UNION = "The ferry union said the levy would double the fare for a family crossing."
VOTE = "Its members will vote on a strike in May, the union's secretary said."


def test_a_monitoring_export_gives_a_source_a_row(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The header names its columns as monitoring tools do (Headline, Source, Published
    Date, URL, Body); each row with text is a source named by its row, a row with none is
    skipped and said so, and a cell may hold a comma, quotes and a new line."""
    export = (
        "\ufeffHeadline,Source,Published Date,URL,Body,Reach\r\n"
        f'Council backs levy,Harbour Gazette,2026-11-02,https://example.org/a,"{COUNCIL}",12\r\n'
        "Photo gallery,Harbour Gazette,2026-11-02,https://example.org/g,,40\r\n"
        f'"Union: ""no""",Ferry Times,2026-11-03,https://example.org/b,"{UNION}\n\n{VOTE}",7\r\n'
    )
    with caplog.at_level(logging.INFO, logger="briefing.sources"):
        council, union = read_all(tmp_path / "monitor.csv", export.encode("utf-8-sig"))
    assert [(s.path, s.title, s.outlet, s.published, s.url) for s in (council, union)] == [
        (
            str(tmp_path / "monitor.csv#1"),
            "Council backs levy",
            "Harbour Gazette",
            "2026-11-02",
            "https://example.org/a",
        ),
        (
            str(tmp_path / "monitor.csv#3"),
            'Union: "no"',
            "Ferry Times",
            "2026-11-03",
            "https://example.org/b",
        ),
    ]
    assert council.text == COUNCIL and union.text == f"{UNION}\n\n{VOTE}"
    assert "rows with no text skipped: 2" in caplog.text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("fares.csv", "Route;Fare today;Fare in 2031\nIsland ferry;12,50;24,00\n"),
        ("fares.tsv", "Route\tFare today\tFare in 2031\nIsland ferry\t12,50\t24,00\n"),
        ("fares.csv", 'Route,Fare today,Fare in 2031\n\nIsland ferry,"12,50","24,00"\n'),
    ],
)
def test_a_sheet_without_a_text_column_is_a_table(tmp_path: Path, name: str, data: str) -> None:
    """No column names the text: the sheet is one source, a row a paragraph with its cells
    joined by " | ", as a Word table is read; a semicolon (where the comma is the decimal
    mark) or a tab parts the cells as well as a comma, and blank lines are no rows."""
    source = read_one(tmp_path / name, data.encode())
    assert source.text == "Route | Fare today | Fare in 2031\n\nIsland ferry | 12,50 | 24,00"


def test_a_text_column_with_nothing_in_it_is_a_one_line_error(tmp_path: Path) -> None:
    message = read_error(tmp_path / "empty.csv", b"title,Body\nA,\nB,  \n")
    assert message == "spreadsheet has no text in its column 'Body': FILE"


# --------------------------------------------------------------------------- Excel workbooks


def test_an_excel_export_saved_by_libreoffice_gives_a_source_a_row(tmp_path: Path) -> None:
    """The monitoring export above, saved as .xlsx by LibreOffice Calc: its dates are date
    cells (a number and a date format), read as the dates they show."""
    data = (Path(__file__).parent / "files" / "libreoffice-monitoring-export.xlsx").read_bytes()
    council, union = read_all(tmp_path / "monitor.xlsx", data)
    assert [(s.title, s.outlet, s.published, s.url) for s in (council, union)] == [
        ("Council backs levy", "Harbour Gazette", "2026-11-02", "https://example.org/a"),
        ("Union objects", "Ferry Times", "2026-11-03", "https://example.org/b"),
    ]
    assert council.text == COUNCIL
    assert council.path == str(tmp_path / "monitor.xlsx#1")


def test_a_workbooks_cells_read_as_excel_shows_them(tmp_path: Path) -> None:
    """Shared strings (rich text runs joined, the phonetic guide left out), inline strings,
    numbers without a float's noise, a percent, a date by a custom format, a boolean, an
    error left empty, cells a row skips left empty; a hidden sheet is not read, and of two
    sheets each is a source named after it."""
    rich = (
        "<si><t>Route</t></si><si><r><t>Fare </t></r><r><t>today</t></r>"
        "<rPh><t>ふりがな</t></rPh></si><si><t>Island ferry</t></si>"
    )
    fares = [
        [Raw('<c r="A1" t="s"><v>0</v></c>'), Raw('<c r="B1" t="s"><v>1</v></c>'), Inline("Up")],
        [Raw('<c r="A2" t="s"><v>2</v></c>'), 12.5, Styled(0.25, 2), Styled(46328.0, 1)],
        [0.1 + 0.2, None, None, True, Raw('<c r="E3" t="e"><v>#N/A</v></c>')],
    ]
    data = xlsx_bytes(
        [
            Sheet("Fares", fares),
            Sheet("Notes", [[Inline("Secret")]], hidden=True),
            Sheet("Plan", [[Inline("A"), Inline("B")]]),
        ],
        shared_xml=rich,
    )
    fare_sheet, plan = read_all(tmp_path / "fares.xlsx", data)
    assert fare_sheet.path == str(tmp_path / "fares.xlsx#Fares")
    assert fare_sheet.text == (
        "Route | Fare today | Up\n\nIsland ferry | 12.5 | 25% | 2026-11-02\n\n0.3 |  |  | TRUE"
    )
    assert (plan.path, plan.text) == (str(tmp_path / "fares.xlsx#Plan"), "A | B")
    assert "Secret" not in fare_sheet.text + plan.text


def test_a_date_in_a_1904_workbook_and_a_time(tmp_path: Path) -> None:
    """Excel for the Mac counted days from 1904; a time alone is shown as a time."""
    data = xlsx_bytes([[["published", "text"], [Styled(44866.0, 1), COUNCIL]]], date1904=True)
    (source,) = read_all(tmp_path / "mac.xlsx", data)
    assert source.published == "2026-11-02"
    sheet = xlsx_bytes(
        [[["When", "What"], [Styled(0.5, 1), "Vote"], [Styled(46328.75, 1), "Count"]]]
    )
    assert read_one(tmp_path / "times.xlsx", sheet).text == (
        "When | What\n\n12:00 | Vote\n\n2026-11-02 18:00 | Count"
    )


def test_a_workbook_that_names_one_string_a_million_times_is_refused(tmp_path: Path) -> None:
    """Shared strings let a small file fill every cell with one long string (a zip bomb of
    text): past 20 million characters the workbook is a one-line error."""
    cells = "".join(f'<c r="A{n}" t="s"><v>0</v></c>' for n in range(1, 3001))
    bomb = xlsx_bytes([[[Raw(cells)]]], shared_xml=f"<si><t>{'x' * 10_000}</t></si>")
    assert read_error(tmp_path / "bomb.xlsx", bomb) == (
        "cannot read Excel workbook: FILE (more than 20,000,000 characters of text)"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a zip", "damaged, password-protected, or not a .xlsx"),
        (b"", "damaged, password-protected, or not a .xlsx"),
        (
            compound_file({"EncryptionInfo": bytes(200), "EncryptedPackage": bytes(5000)}),
            "password-protected: open it, remove the password and save it again",
        ),
    ],
)
def test_a_damaged_workbook_is_a_one_line_error(tmp_path: Path, data: bytes, reason: str) -> None:
    assert (
        read_error(tmp_path / "book.xlsx", data) == f"cannot read Excel workbook: FILE ({reason})"
    )


def test_a_workbook_declaring_a_dtd_is_refused(tmp_path: Path) -> None:
    data = xlsx_bytes([[["a"]]], shared_xml='<!DOCTYPE x [<!ENTITY e "y">]><si><t>&e;</t></si>')
    assert "declares a DTD" in read_error(tmp_path / "dtd.xlsx", data)


# --------------------------------------------------------------------------- OpenDocument


def test_an_opendocument_export_saved_by_libreoffice_gives_a_source_a_row(
    tmp_path: Path,
) -> None:
    """The monitoring export saved as .ods by LibreOffice Calc: its date cells read as the
    ISO dates they hold, not as the locale shows them."""
    data = (Path(__file__).parent / "files" / "libreoffice-monitoring-export.ods").read_bytes()
    council, union = read_all(tmp_path / "monitor.ods", data)
    assert [(s.title, s.outlet, s.published, s.url) for s in (council, union)] == [
        ("Council backs levy", "Harbour Gazette", "2026-11-02", "https://example.org/a"),
        ("Union objects", "Ferry Times", "2026-11-03", "https://example.org/b"),
    ]
    assert council.text == COUNCIL


def _ods(rows: str, name: str = "Fares") -> bytes:
    return odt_bytes(f'<table:table table:name="{name}">{rows}</table:table>', kind="spreadsheet")


def test_an_opendocument_sheets_repeated_cells_and_rows(tmp_path: Path) -> None:
    """Calc writes a sheet's empty rest as one row repeated a million times, and equal
    cells as one cell repeated: empty ones cost nothing, a repeated cell with text is read
    each time; a comment in a cell is no text, and a cell's paragraphs are one cell."""
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    rows = (
        f"<table:table-row>{cell.format('Route')}{cell.format('Fare')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="2">'
        f'{cell.format("Ferry")}<table:table-cell table:number-columns-repeated="2" '
        'office:value-type="string"><text:p>12 euros</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
        "<table:table-row><table:table-cell><office:annotation><text:p>Check</text:p>"
        "</office:annotation><text:p>Night</text:p><text:p>bus</text:p></table:table-cell>"
        "</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    source = read_one(tmp_path / "fares.ods", _ods(rows))
    assert source.text.split("\n\n") == [
        "Route | Fare",
        "Ferry | 12 euros | 12 euros",
        "Ferry | 12 euros | 12 euros",
        "Night bus",
    ]


def test_an_opendocument_sheet_repeating_text_past_the_bound_is_refused(tmp_path: Path) -> None:
    row = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell>'
        f"<text:p>{'x' * 100}</text:p></table:table-cell></table:table-row>"
    )
    assert read_error(tmp_path / "bomb.ods", _ods(row)) == (
        "cannot read OpenDocument spreadsheet: FILE (more than 20,000,000 characters of text)"
    )


def test_an_opendocument_text_named_ods_is_a_one_line_error(tmp_path: Path) -> None:
    data = odt_bytes("<text:p>Not a sheet.</text:p>")
    assert read_error(tmp_path / "notes.ods", data) == (
        "cannot read OpenDocument spreadsheet: FILE (not a spreadsheet)"
    )


def test_a_consultations_responses_are_its_respondents_views(tmp_path: Path) -> None:
    """Each response is a source whose author is its respondent: the model is told whose
    words they are, a view given in the first person ("We oppose ...") is the respondent's,
    and the brief's sources name who wrote each."""
    export = tmp_path / "responses.csv"
    export.write_text(
        "Respondent,Response\n"
        "Harbour Traders Association,We oppose the levy on delivery vans. It would close shops.\n"
        'Ana Ruiz,"I support the levy, as my street is choked with vans."\n',
        encoding="utf-8",
    )
    asked: list[str] = []

    def answer(request: dict[str, Any]) -> Reply:
        text = request["messages"][-1]["content"]
        asked.append(text)
        if "We oppose" in text:
            actor, words, stance = "Harbour Traders Association", "We oppose", "opposes"
        else:
            actor, words, stance = "Ana Ruiz", "I support", "supports"
        position = {"actor": actor, "sentence": sentence_number(request, words), "stance": stance}
        return Reply(content=cited(positions=[position]))

    brief, facts = tmp_path / "brief.md", tmp_path / "facts.json"
    with FakeOpenAI(responder=answer) as fake:
        args = ["--cite", "sentences", "-o", str(brief), "--json", str(facts)]
        assert run(fake, str(export), "--topic", "the van levy", *args) == 0
    assert [re.findall(r"^Speaker: (.+?) \(", text, re.M) for text in asked] == [
        ["Harbour Traders Association"],
        ["Ana Ruiz"],
    ]
    sheet = fact_sheet(facts)
    names = {actor["id"]: actor["name"] for actor in sheet["actors"]}
    assert sorted((names[p["actor_id"]], p["stance"]) for p in sheet["positions"]) == [
        ("Ana Ruiz", "supports"),
        ("Harbour Traders Association", "opposes"),
    ]
    written = brief.read_text(encoding="utf-8")
    assert "1. responses \\#1, by Harbour Traders Association (" in written
    assert "2. responses \\#2, by Ana Ruiz (" in written


FORM_EXPORT = (
    "Timestamp,Email address,What is your name?,Which organisation do you represent?,"
    "Do you support the proposed levy?,Please explain your answer.,Any other comments?\n"
    "2026/11/02 10:15,a@example.org,Ana Ruiz,Harbour Traders Association,No,"
    '"We oppose the levy, which would close small shops in the old town.",\n'
    "2026/11/02 11:02,b@example.org,Leo Park,,Yes,"
    '"I support it: my street is choked with delivery vans every morning.",'
    '"Please also fund cargo bikes for the shops."\n'
    "2026/11/03 09:00,c@example.org,Kim Berg,Ferry Union,Not sure,,\n"
)


def test_a_questionnaires_responses_are_sources_by_their_respondents(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A form's export (its header asks questions): each response is a source, its written
    answers a paragraph each, by the body its respondent answers for, else by the person;
    answers of a word ("Yes", "No") are left out, as is a response with no written answer
    (said so)."""
    with caplog.at_level(logging.INFO, logger="briefing.sources"):
        traders, park = read_all(tmp_path / "responses.csv", FORM_EXPORT.encode())
    assert [(s.path, s.author, s.published, s.text) for s in (traders, park)] == [
        (
            str(tmp_path / "responses.csv#1"),
            "Harbour Traders Association",
            "2026/11/02 10:15",
            "We oppose the levy, which would close small shops in the old town.",
        ),
        (
            str(tmp_path / "responses.csv#2"),
            "Leo Park",
            "2026/11/02 11:02",
            "I support it: my street is choked with delivery vans every morning.\n\n"
            "Please also fund cargo bikes for the shops.",
        ),
    ]
    assert "rows with no text skipped: 3" in caplog.text


@pytest.mark.parametrize(
    "data",
    [
        # A question, but no written answers.
        "Route,Fare today,Cheaper in 2031?\nIsland ferry,12.50,No\nHarbour loop,3.00,Yes\n",
        # A question and sentences, but no one who answered: a task list.
        "Task,Owner,Complete?\nIsland ferry timetable for the winter months is drafted,Mark,No\n"
        "Harbour loop fares are compared with the other ports,Sue,Yes\n",
    ],
)
def test_a_table_that_is_no_questionnaire_stays_a_table(tmp_path: Path, data: str) -> None:
    source = read_one(tmp_path / "table.csv", data.encode())
    assert source.text.split("\n\n")[1].startswith("Island ferry") and " | " in source.text
