"""`briefing check`: an edited brief is re-verified against its fact sheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.check import check_brief, read_brief
from briefing.cli import main
from briefing.errors import ConfigError
from briefing.render import render_brief
from tests.conftest import review_sheet, statement_answer
from tests.fakeserver import FakeOpenAI


@pytest.fixture
def rendered() -> str:
    return render_brief(review_sheet(), review=True)


def note_line(brief: str, number: int) -> str:
    return next(line for line in brief.splitlines() if line.startswith(f"{number}. \u201c"))


def test_an_untouched_brief_passes(rendered: str) -> None:
    assert check_brief(rendered, review_sheet()) == []
    read = read_brief(rendered)
    assert [note.number for note in read.notes] == list(range(1, 11))
    # The escaped quotes read back as the source's own text.
    assert read.notes[3].quote == "[click](javascript:alert(1)) and <script>document.title"


def test_one_word_changed_in_one_quote_names_the_note(rendered: str) -> None:
    line = note_line(rendered, 7)
    edited = rendered.replace(line, line.replace("prosecuted for", "jailed for"))
    problems = check_brief(edited, review_sheet())
    assert [(p.kind, p.note) for p in problems] == [("quote_changed", 7)]
    assert str(problems[0]).startswith(f"note 7 (line {rendered.splitlines().index(line) + 1}):")
    assert "the brief has \u201cjailed\u201d where the source has \u201cprosecuted\u201d" in str(
        problems[0]
    )


def test_an_escaped_quote_changed_is_caught(rendered: str) -> None:
    line = note_line(rendered, 4)
    edited = rendered.replace(line, line.replace("\\<script\\>", "\\<style\\>"))
    assert [(p.kind, p.note) for p in check_brief(edited, review_sheet())] == [("quote_changed", 4)]


def test_reflowed_notes_and_spacing_still_pass(rendered: str) -> None:
    line = note_line(rendered, 10)
    words = line.split(" ")
    wrapped = " ".join(words[:5]) + "\n   " + "  ".join(words[5:])
    assert check_brief(rendered.replace(line, wrapped), review_sheet()) == []


def test_a_citation_to_a_missing_note_is_reported(rendered: str) -> None:
    edited = rendered.replace("| [10] |", "| [10] [42] |")
    problems = check_brief(edited, review_sheet())
    assert [(p.kind, p.note) for p in problems] == [("no_such_note", 42)]


def test_a_removed_note_still_cited_is_reported(rendered: str) -> None:
    edited = rendered.replace(note_line(rendered, 8) + "\n", "")
    problems = check_brief(edited, review_sheet())
    assert [(p.kind, p.note) for p in problems] == [("note_removed", 8)]
    assert "removed from the source notes but is still cited" in str(problems[0])


def test_a_note_removed_with_its_fact_passes(rendered: str) -> None:
    row = next(line for line in rendered.splitlines() if line.startswith("| 8 August 2024"))
    edited = rendered.replace(row + "\n", "").replace(note_line(rendered, 10) + "\n", "")
    assert check_brief(edited, review_sheet()) == []


def test_bad_source_numbers_offsets_and_forms_are_reported(rendered: str) -> None:
    edited = rendered
    for number, change in [
        (1, lambda line: line.replace("(source 1,", "(source 7,")),
        (2, lambda line: line.replace("characters 116–155", "characters 116–9999")),
        (5, lambda line: line.replace("characters 340–396", "characters 341–397")),
        (9, lambda line: line.replace(" (source 1,", " source 1,")),
    ]:
        line = note_line(rendered, number)
        edited = edited.replace(line, change(line))
    problems = [(p.kind, p.note) for p in check_brief(edited, review_sheet())]
    assert problems == [
        ("unknown_source", 1),
        ("offsets_outside_source", 2),
        ("quote_changed", 5),
        ("unreadable_note", 9),
    ]


def test_a_duplicated_note_number_is_reported(rendered: str) -> None:
    line = note_line(rendered, 3)
    edited = rendered.replace(line, f"{line}\n{line}")
    assert [(p.kind, p.note) for p in check_brief(edited, review_sheet())] == [
        ("duplicate_note", 3)
    ]


def test_escaped_brackets_are_not_citations() -> None:
    brief = "# B\n\nText \\[3\\] and [1] and \\\\[2].\n\n## Source notes\n\n"
    assert [number for number, _ in read_brief(brief).citations] == [1, 2]


def test_a_brief_without_notes_is_bad_input() -> None:
    with pytest.raises(ConfigError, match="no 'Source notes' section"):
        check_brief("# A brief\n\nNo notes here [1].\n", review_sheet())


def _files(tmp_path: Path, brief: str) -> tuple[str, str]:
    facts = tmp_path / "facts.json"
    facts.write_text(review_sheet().model_dump_json(indent=2), "utf-8")
    path = tmp_path / "brief.md"
    path.write_text(brief, "utf-8")
    return str(path), str(facts)


def test_cli_passes_then_fails_with_exit_code_6(
    rendered: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief, facts = _files(tmp_path, rendered)
    assert main(["check", brief, "--facts", facts]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"check passed: {brief} (10 notes, 12 citations) matches {facts}"]

    line = note_line(rendered, 7)
    Path(brief).write_text(rendered.replace(line, line.replace("ordinary", "normal")), "utf-8")
    assert main(["check", brief, "--facts", facts]) == 6
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert len(out) == 2 and out[0].startswith("note 7 (line ")
    assert out[1].startswith("check failed: 1 problem(s)")
    assert captured.err == ""


@pytest.mark.parametrize(
    "brief_text, facts_text, message",
    [
        (None, "{}", "is not a valid fact sheet"),
        ("# Brief\n", None, "no 'Source notes' section"),
        ("missing", None, "cannot read brief"),
    ],
    ids=["not-a-fact-sheet", "no-notes-section", "missing-brief"],
)
def test_cli_bad_input_is_one_line_and_exit_2(
    rendered: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    brief_text: str | None,
    facts_text: str | None,
    message: str,
) -> None:
    brief, facts = _files(tmp_path, brief_text or rendered)
    if facts_text is not None:
        Path(facts).write_text(facts_text, "utf-8")
    if brief_text == "missing":
        Path(brief).unlink()
    assert main(["check", brief, "--facts", facts]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("briefing: error:") and message in err[0]


def test_a_generated_brief_passes_its_own_check(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.enqueue(statement_answer())
    brief, facts = tmp_path / "brief.md", tmp_path / "facts.json"
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    assert (
        main(
            [*args, "--no-stance-check", "--no-bottom-line", "-o", str(brief), "--json", str(facts)]
        )
        == 0
    )
    assert main(["check", str(brief), "--facts", str(facts)]) == 0
    assert capsys.readouterr().out.startswith("check passed:")
    text = brief.read_text("utf-8")
    edited = re.sub(r"(\d+\. \u201c.*?)would hand", r"\1could hand", text, count=1)
    brief.write_text(edited, "utf-8")
    assert main(["check", str(brief), "--facts", str(facts)]) == 6
    assert capsys.readouterr().out.startswith("note 1 (line ")
