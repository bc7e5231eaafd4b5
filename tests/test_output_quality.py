"""The brief as an editor receives it: valid CommonMark, inert source text, byte-stable output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefing.cli import main
from tests.conftest import STATEMENT, extraction, position, statement_answer
from tests.fakeserver import FakeOpenAI

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = (
    "Critics posted [click](javascript:alert(1)) and <script>alert(1)</script> online.\n\n"
    "# Okafor said the draft was dangerous for reporters.\n\n"
    "Okafor said the treaty \u201cwould hand governments sweeping surveillance powers\u201d."
)


def scripted_answers(fake: FakeOpenAI) -> None:
    fake.enqueue(
        statement_answer(),
        extraction(
            positions=[
                position("Amara Okafor", "Okafor said the draft was dangerous for reporters"),
                position(
                    "Critics",
                    "[click](javascript:alert(1)) and <script>alert(1)</script>",
                    kind="group",
                ),
            ]
        ),
    )


def generate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> str:
    monkeypatch.chdir(tmp_path)
    Path("statement.txt").write_text("Rights groups attack treaty\n\n" + STATEMENT, "utf-8")
    Path("hostile.txt").write_text("Posts about the treaty\n\n" + HOSTILE, "utf-8")
    with FakeOpenAI() as fake:
        scripted_answers(fake)
        code = main(
            [
                "generate",
                "statement.txt",
                "hostile.txt",
                "--topic",
                "the treaty",
                "--base-url",
                fake.base_url,
                "--model",
                "m",
                "-q",
                "--no-stance-check",
                "-o",
                "brief.md",
                "--json",
                "facts.json",
                *extra,
            ]
        )
    assert code == 0
    return Path("brief.md").read_text("utf-8")


def test_brief_is_valid_commonmark_with_table_and_every_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = generate(tmp_path, monkeypatch, "--review")
    html = MarkdownIt("commonmark").enable("table").render(brief)
    tables = html.count("<table>")
    assert tables == 3  # positions, risks, timeline
    assert html.count("<tr>") == (1 + 3) + (1 + 1) + (1 + 1)  # header and rows of each table
    notes = html.split("<h2>Source notes</h2>", 1)[1].split("<h2>", 1)[0]
    assert notes.count("<li>") == 6
    assert "Review appendix" in html and "No draft was rejected." in html
    # Hostile source text is shown, but nothing in it became markup.
    assert "<script>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html and "[click](javascript:alert(1))" in html
    assert html.count("<h1>") == 1  # the "# Okafor said" line did not become a heading
    assert "dangerous for reporters" in html


def test_same_answers_give_byte_identical_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Golden file: update with BRIEFING_UPDATE_GOLDEN=1 after a deliberate change."""
    brief = generate(tmp_path, monkeypatch)
    golden = GOLDEN / "brief.md"
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        golden.write_text(brief, "utf-8")
    assert brief == golden.read_text("utf-8")
    first_json = Path("facts.json").read_text("utf-8")
    again = tmp_path / "again"
    again.mkdir()
    assert generate(again, monkeypatch) == brief
    assert _without_run(Path("facts.json").read_text("utf-8")) == _without_run(first_json)


def _without_run(facts_json: str) -> str:
    import json

    sheet = json.loads(facts_json)
    sheet.pop("run")
    return json.dumps(sheet, sort_keys=True)
