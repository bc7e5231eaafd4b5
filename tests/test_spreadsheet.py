"""Spreadsheets saved as CSV or TSV: a monitoring export's rows as sources, a table as rows."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.source_files import read_all, read_error, read_one

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
    message = read_error(tmp_path / "empty.csv", b"title,text\nA,\nB,  \n")
    assert message == "spreadsheet has no text in its 'text' column: FILE"


def test_a_workbook_is_refused_with_the_way_to_read_it(tmp_path: Path) -> None:
    message = read_error(tmp_path / "responses.xlsx", b"PK\x03\x04 a workbook")
    assert message == (
        "cannot read FILE: a spreadsheet; save it as CSV (one response a row, with a column "
        "named 'text')"
    )
