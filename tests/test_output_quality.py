"""The brief as an editor receives it: valid CommonMark, inert source text, byte-stable output."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markupsafe import escape

from briefing.check import read_brief
from briefing.cli import main
from tests.conftest import STATEMENT, extraction, position, statement_answer
from tests.fakeserver import FakeOpenAI, Reply

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = (
    "Critics posted [click](javascript:alert(1)) and <script>alert(1)</script> online.\n\n"
    "# Okafor said the draft was dangerous for reporters.\n\n"
    "Okafor said the treaty \u201cwould hand governments sweeping surveillance powers\u201d."
)


HOSTILE_ANSWER = extraction(
    positions=[
        position("Amara Okafor", "Okafor said the draft was dangerous for reporters"),
        position(
            "Critics",
            "[click](javascript:alert(1)) and <script>alert(1)</script>",
            kind="group",
        ),
    ]
)
# Facts are labelled in the brief's order: P1 Amara Okafor, P2 Critics (both opposed), P3 Jonas
# Berg; R1 the prosecution risk; E1 the agreed text. Two sentences must be dropped: one states
# what its fact does not (a number and a place), one cites a fact that was never listed.
BOTTOM_LINE = json.dumps(
    {
        "sentences": [
            {
                "facts": ["P1", "R1"],
                "sentence": "Amara Okafor opposes the treaty and warns that reporters could "
                "be prosecuted.",
            },
            {"facts": ["P3"], "sentence": "Jonas Berg says it helps small countries."},
            {"facts": ["E1"], "sentence": "The final text was agreed on 8 August 2024 (E1)."},
            {"facts": ["P2"], "sentence": "Critics say 40 countries will sign it in Geneva."},
            {"facts": ["P7"], "sentence": "Most governments back the treaty."},
        ]
    }
)
# The fake server listens on a new port each time; golden files hold this instead.
ENDPOINT = "http://127.0.0.1:PORT/v1"


def scripted_model(request: dict[str, Any]) -> Reply:
    """The same answer to the same question, in any run: a model whose answers were cached."""
    question = request["messages"][-1]["content"]
    if "\nFacts:\n" in question:
        return Reply(content=BOTTOM_LINE)
    if "stance toward" in question:  # the second narrow question disputes Berg's stance only
        berg = "mixed" if "Answer with one of:" in question else "supports"
        return Reply(content=json.dumps({"stance": berg if "Berg" in question else "opposes"}))
    if "Okafor said the draft" in question:
        return Reply(content=HOSTILE_ANSWER)
    return Reply(content=statement_answer())


# Each output of a run and its golden file (review.html there is the review page test's).
OUTPUTS = {"brief.md": "brief.md", "facts.json": "facts.json", "review.html": "brief-review.html"}


def generate(
    fake: FakeOpenAI, workdir: Path, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> dict[str, str]:
    """One full run in ``workdir`` with the response cache off; its outputs by file name."""
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    Path("statement.txt").write_text("Rights groups attack treaty\n\n" + STATEMENT, "utf-8")
    Path("hostile.txt").write_text("Posts about the treaty\n\n" + HOSTILE, "utf-8")
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
            "--no-cache",
            "-o",
            "brief.md",
            "--json",
            "facts.json",
            "--html",
            "review.html",
            *extra,
        ]
    )
    assert code == 0
    return {name: Path(name).read_text("utf-8") for name in OUTPUTS}


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; BRIEFING_UPDATE_GOLDEN=1 rewrites it after a deliberate
    change (review the diff before committing it)."""
    golden = GOLDEN / name
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8"), f"{name} differs from tests/golden/{name}"


@pytest.fixture
def model() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(responder=scripted_model) as fake:
        yield fake


def test_brief_is_valid_commonmark_with_table_and_every_note(
    model: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = generate(model, tmp_path / "run", monkeypatch, "--review")["brief.md"]
    html = MarkdownIt("commonmark").enable("table").render(brief)
    tables = html.count("<table>")
    assert tables == 3  # positions, risks, timeline
    assert html.count("<tr>") == (1 + 3) + (1 + 1) + (1 + 1)  # header and rows of each table
    notes = html.split("<h2>Source notes</h2>", 1)[1].split("<h2>", 1)[0]
    assert notes.count("<li>") == 7  # six facts' quotes, and the sentence giving a role
    assert "Review appendix" in html and "Rejected drafts:" in html
    # Hostile source text is shown, but nothing in it became markup.
    assert "<script>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html and "[click](javascript:alert(1))" in html
    assert html.count("<h1>") == 1  # the "# Okafor said" line did not become a heading
    assert "dangerous for reporters" in html


def test_same_answers_give_byte_identical_outputs(
    model: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two full runs, every model call made again: the same bytes, and the golden files."""
    first = generate(model, tmp_path / "first", monkeypatch)
    asked = len(model.requests)
    second = generate(model, tmp_path / "second", monkeypatch)
    assert len(model.requests) == 2 * asked  # the second run asked everything again
    assert first == second
    for name, text in first.items():
        assert_golden(OUTPUTS[name], text.replace(model.base_url, ENDPOINT))


def test_one_page_brief_is_valid_commonmark_and_checks(
    model: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = generate(model, tmp_path / "run", monkeypatch, "--format", "one-page")
    brief = outputs["brief.md"]
    assert_golden("one-page.md", brief)
    html = MarkdownIt("commonmark").enable("table").render(brief)
    assert html.count("<table>") == 1 and html.count("<h1>") == 1
    assert "<script>" not in html and 'href="javascript' not in html
    notes = html.split("<h2>Source notes</h2>", 1)[1].split("<h2>", 1)[0]
    # One note per fact shown, numbered from 1 without a gap, so a renderer's numbering agrees.
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", brief.split("## Source notes")[1], re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) and notes.count("<li>") == len(numbers)
    assert len(brief.splitlines()) <= 60  # fits a printed page
    # The brief passes its own check, and the review page uses its note numbers.
    assert main(["check", "brief.md", "--facts", "facts.json"]) == 0
    page = outputs["review.html"]
    for note in read_brief(brief).notes:
        row = f'<tr id="note-{note.number}"><td class="label"><a href="#span-{note.number}">'
        assert f"{row}{note.number}</a></td><td>“{escape(note.quote)}”</td>" in page
