"""Contracts other tools and the model rely on: the exported JSON Schema, the shipped prompts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import briefing
from briefing.alignment import align_quote
from briefing.extract import number_sentences
from briefing.models import (
    STANCE_DEFINITIONS,
    ChunkExtraction,
    FactSheet,
    cited_extraction_for,
)
from briefing.prompting import prompt_version, read_prompt, render_prompt

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "factsheet.schema.json"


def current_schema() -> str:
    return json.dumps(FactSheet.model_json_schema(), indent=2, sort_keys=True) + "\n"


def test_exported_schema_matches_the_models() -> None:
    """Fails when models.py drifts from schemas/; regenerate with BRIEFING_UPDATE_SCHEMA=1."""
    if os.environ.get("BRIEFING_UPDATE_SCHEMA") == "1":
        SCHEMA.write_text(current_schema(), encoding="utf-8")
    assert SCHEMA.read_text(encoding="utf-8") == current_schema()


def test_worked_example_is_valid_and_verbatim() -> None:
    """The one-shot example must obey the schema and its own rule: quotes copied exactly."""
    example = ChunkExtraction.model_validate_json(read_prompt("extract_example_output.json"))
    text = render_prompt("extract_example_text.j2")
    items = [*example.positions, *example.risks, *example.events]
    assert items
    for item in items:
        assert item.quote in text
    for event in example.events:
        assert event.date in event.quote


def test_cited_example_cites_the_sentences_the_quoted_example_quotes() -> None:
    """Both worked examples teach the same facts; they differ in how they name the evidence, and
    the cited one writes no summary, description or date."""
    quoted = ChunkExtraction.model_validate_json(read_prompt("extract_example_output.json"))
    text = render_prompt("extract_example_text.j2")
    numbered = number_sentences(text)
    spans = numbered.spans
    assert numbered.text.count("\n") == len(spans) - 1 == 3
    # The example's answer must be one the example chunk's own schema accepts.
    cited = cited_extraction_for(numbered.dated).model_validate_json(
        read_prompt("extract_example_cited_output.json")
    )
    pairs = [
        *zip(quoted.positions, cited.positions, strict=True),
        *zip(quoted.events, cited.events, strict=True),
    ]
    for quote_item, cited_item in pairs:
        start, end = spans[cited_item.sentence - 1]
        assert quote_item.quote in text[start:end]
        # The cited example writes only who and the labels: the sentence is the text.
        written = cited_item.model_dump(exclude={"sentence", "risk"})
        assert written == {k: v for k, v in quote_item.model_dump().items() if k in written}
    # A risk is named on the position whose sentence warns of it.
    warned = [(p.actor, p.sentence, p.risk) for p in cited.positions if p.risk is not None]
    assert len(warned) == len(quoted.risks)
    for (actor, number, category), risk in zip(warned, quoted.risks, strict=True):
        start, end = spans[number - 1]
        assert (actor, category) == (risk.raised_by, risk.category)
        assert risk.quote in text[start:end]


def test_example_topic_is_unrelated_to_examples() -> None:
    """A leaked example must be impossible to ground on a real source about the treaty."""
    example = ChunkExtraction.model_validate_json(read_prompt("extract_example_output.json"))
    for path in (ROOT / "examples").rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        for item in [*example.positions, *example.risks, *example.events]:
            assert align_quote(item.quote, text) is None


def test_prompts_load_as_package_data() -> None:
    for cite in ("sentences", "quotes"):
        system = render_prompt("extract_system.j2", stances={"supports": "x"}, cite=cite)
        assert "JSON only" in system
    assert len(prompt_version()) == 12


def test_prompt_version_changes_with_the_stance_definitions(monkeypatch) -> None:
    """The definitions are rendered into two prompts: rewording or reordering them is a new
    prompt, which the recorded version (and every checkpoint keyed by it) must show."""
    import briefing.prompting as prompting

    before = prompt_version()
    reordered = dict(reversed(list(prompting.STANCE_DEFINITIONS.items())))
    monkeypatch.setattr(prompting, "STANCE_DEFINITIONS", reordered)
    prompt_version.cache_clear()
    try:
        assert prompt_version() != before
    finally:
        monkeypatch.undo()
        prompt_version.cache_clear()
    assert prompt_version() == before


def test_public_api_is_complete_and_sorted() -> None:
    assert briefing.__all__ == sorted(briefing.__all__)
    for name in briefing.__all__:
        assert hasattr(briefing, name)


def test_readme_gives_the_stance_definitions_the_model_is_given() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for label, meaning in STANCE_DEFINITIONS.items():
        assert f"`{label}` {meaning}" in readme, label
