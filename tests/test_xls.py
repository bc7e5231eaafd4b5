"""Excel 97-2003 workbooks (.xls): cells as Excel shows them, an export's rows as sources, and
the other things a file named .xls turns out to be."""

from __future__ import annotations

import pytest

from tests.cfb_writer import compound_file
from tests.source_files import read_all, read_error, read_one
from tests.test_spreadsheet import COUNCIL, UNION, VOTE
from tests.xls_writer import (
    CUSTOM_DATE,
    DATE,
    PERCENT,
    Formula,
    Label,
    Num,
    Sheet,
    workbook_stream,
    xls_bytes,
)
from tests.xlsx_writer import xlsx_bytes

# RK values: 25 as an integer; 1.23 as 123 hundredths; 0.5 as a double's high bits.
RK_25, RK_1_23, RK_HALF = (25 << 2) | 2, (123 << 2) | 3, 0x3FE00000
RK_MINUS_7 = ((-7 << 2) | 2) & 0xFFFFFFFF


def test_a_workbooks_cells_read_as_excel_shows_them(tmp_path) -> None:
    """Shared strings, a label the cell holds, numbers (a double, packed integers and
    hundredths, a negative), a percent, dates by a built-in and a custom format, a formula's
    text, number and boolean, a boolean; a hidden sheet is not read, and of two sheets each
    is a source named after it."""
    fares = [
        ["Route", "Fare today", Label("Up"), "Island ferry"],
        ["Island ferry", Num(12.5), Num(0.25, PERCENT), Num(46328.0, DATE)],
        [Num(0, rk=RK_25), Num(0, rk=RK_1_23), Num(0, rk=RK_HALF), Num(0, rk=RK_MINUS_7)],
        [Formula("Harbour line"), Formula(0.1 + 0.2), Formula(True), False],
        [None, None, Num(46328.0, CUSTOM_DATE)],
    ]
    data = xls_bytes(
        [Sheet("Fares", fares), Sheet("Notes", [["Secret"]], hidden=True), Sheet("Plan", [["A"]])]
    )
    fare_sheet, plan = read_all(tmp_path / "fares.xls", data)
    assert fare_sheet.path == str(tmp_path / "fares.xls#Fares")
    assert fare_sheet.text == (
        "Route | Fare today | Up | Island ferry\n\n"
        "Island ferry | 12.5 | 25% | 2026-11-02\n\n"
        "25 | 1.23 | 0.5 | -7\n\n"
        "Harbour line | 0.3 | TRUE | FALSE\n\n"
        " |  | 2026-11-02"
    )
    assert (plan.path, plan.text) == (str(tmp_path / "fares.xls#Plan"), "A")
    assert "Secret" not in fare_sheet.text + plan.text


def test_a_formulas_long_text_goes_on_in_continue_records(tmp_path) -> None:
    """A formula's text result longer than a record (up to Excel's 32,767 characters) goes
    on in CONTINUE records; a shared formula's record may come between the cell and it."""
    long, wide = "Harbour levy. " * 1500, "Паром через пролив. " * 700
    rows = [[Formula(long.strip())], [Formula(wide.strip(), shared=True)], ["next"]]
    text = read_one(tmp_path / "long.xls", xls_bytes([Sheet("S", rows)])).text
    assert text.split("\n\n") == [long.strip(), wide.strip(), "next"]


def test_dates_in_january_and_february_1900_as_excel_shows_them(tmp_path) -> None:
    """Excel counts a 29 February 1900 that never was: its serial 1 is 1 January 1900, 59 is
    28 February, 61 is 1 March; less than 1 is a time of day."""
    rows = [[Num(1, DATE), Num(59, DATE), Num(61, DATE), Num(2.25, DATE), Num(0.75, DATE)]]
    text = read_one(tmp_path / "early.xls", xls_bytes([Sheet("S", rows)])).text
    assert text == "1900-01-01 | 1900-02-28 | 1900-03-01 | 1900-01-02 06:00 | 18:00"


@pytest.mark.parametrize("limit", [8224, 40, 23])
def test_shared_strings_cut_over_continue_records(tmp_path, limit: int) -> None:
    """A shared string table longer than a record goes on in CONTINUE records; a string cut
    there goes on after a byte giving its characters' width, one byte or two."""
    words = ["Fähre über den Sund", "Паром через пролив", "ferry " * 12, "渡船", "end"]
    data = xls_bytes([Sheet("S", [[word] for word in words])], sst_limit=limit)
    assert read_one(tmp_path / "words.xls", data).text.split("\n\n") == [
        word.strip() for word in words
    ]


def test_an_export_gives_a_source_a_row_and_a_1904_date(tmp_path) -> None:
    """A sheet whose header names its text column is records, as an .xlsx's is; Excel for
    the Mac counted days from 1904."""
    rows = [
        ["Headline", "Source", "Published", "Body"],
        ["Council backs levy", "Harbour Gazette", Num(44866.0, DATE), COUNCIL],
        ["Union objects", "Ferry Times", Num(44867.0, DATE), f"{UNION}\n\n{VOTE}"],
    ]
    council, union = read_all(
        tmp_path / "monitor.xls", xls_bytes([Sheet("S", rows)], date1904=True)
    )
    assert [(s.path, s.title, s.outlet, s.published) for s in (council, union)] == [
        (str(tmp_path / "monitor.xls#1"), "Council backs levy", "Harbour Gazette", "2026-11-02"),
        (str(tmp_path / "monitor.xls#2"), "Union objects", "Ferry Times", "2026-11-03"),
    ]
    assert union.text == f"{UNION}\n\n{VOTE}"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # Many a site's "export to Excel" writes a web page's table, or text with tabs.
        (
            "fares.xls",
            b"<table><tr><td>Route</td><td>Fare</td></tr><tr><td>Isle</td><td>12</td></tr></table>",
        ),
        ("fares.xls", b"Route\tFare\nIsle\t12\n"),
        # An .xlsx renamed .xls, and an .xls renamed .xlsx.
        ("fares.xls", xlsx_bytes([[["Route", "Fare"], ["Isle", "12"]]])),
        ("fares.xlsx", xls_bytes([Sheet("S", [["Route", "Fare"], ["Isle", Num(12)]])])),
    ],
    ids=["html-table", "tab-separated", "xlsx-named-xls", "xls-named-xlsx"],
)
def test_a_file_named_as_a_workbook_is_read_as_what_it_holds(
    tmp_path, name: str, data: bytes
) -> None:
    assert read_one(tmp_path / name, data).text == "Route | Fare\n\nIsle | 12"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (xls_bytes([Sheet("S", [["a"]])], password=True), "password-protected"),
        (compound_file({"WordDocument": bytes(600)}), "not an Excel workbook"),
        (
            compound_file(
                {
                    "Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00"
                    + bytes(12)
                    + b"\x85\x00\x02\x00\x00"
                }
            ),
            "damaged",
        ),
        (
            compound_file({"Workbook": b"\x09\x02\x04\x00\x00\x00\x10\x00"}),
            "older than Excel 5's format; save it as .xlsx or CSV",
        ),
        # Excel 4 wrote its records with no compound file around them.
        (
            b"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00" + bytes(20),
            "older than Excel 5's format; save it as .xlsx or CSV",
        ),
    ],
    ids=["password", "a-word-document", "damaged", "excel-2", "excel-4"],
)
def test_an_unreadable_workbook_is_a_one_line_error(tmp_path, data: bytes, reason: str) -> None:
    message = read_error(tmp_path / "book.xls", data)
    assert message == f"cannot read Excel 97-2003 workbook: FILE ({reason})"


def test_a_workbook_that_names_one_string_a_million_times_is_refused(tmp_path) -> None:
    """One long shared string in every cell of a small file: past 20 million characters the
    workbook is a one-line error, not a text too large to hold."""
    long = "x" * 10_000
    stream = workbook_stream([Sheet("S", [[long, long] for _ in range(1100)])])
    message = read_error(tmp_path / "bomb.xls", compound_file({"Workbook": stream}))
    assert message == (
        "cannot read Excel 97-2003 workbook: FILE (more than 20,000,000 characters of text)"
    )


def test_a_binary_file_named_xls_is_no_text_export(tmp_path) -> None:
    message = read_error(tmp_path / "old.xls", b"\xd0\xcf\x11\xe0 a workbook\x00\x01")
    assert message == "cannot read Excel 97-2003 workbook: FILE (not an Excel 97-2003 file)"
