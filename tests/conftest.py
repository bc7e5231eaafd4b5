from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.models import (
    Actor,
    Event,
    Evidence,
    FactSheet,
    Position,
    Rejected,
    Risk,
    RunInfo,
    Source,
    Usage,
)
from tests.fakeserver import FakeOpenAI

STATEMENT = (
    "Digital rights groups criticised the new convention on Monday.\n\n"
    "Amara Okafor, who speaks for the Open Net Alliance, said the treaty \u201cwould hand "
    "governments sweeping surveillance powers\u201d. She warned that journalists could be "
    "prosecuted for ordinary reporting.\n\n"
    "The Ministry of Digital Affairs welcomed the text. Minister Jonas Berg said it "
    '"gives small countries a way to fight ransomware together".\n\n'
    "Negotiators agreed the final text on 8 August 2024 in New York."
)


def extraction(
    positions: list[dict[str, str]] | None = None,
    risks: list[dict[str, str]] | None = None,
    events: list[dict[str, str]] | None = None,
) -> str:
    """A scripted model answer for one chunk."""
    return json.dumps({"positions": positions or [], "risks": risks or [], "events": events or []})


def position(
    actor: str, quote: str, stance: str = "opposes", kind: str = "person"
) -> dict[str, str]:
    return {
        "actor": actor,
        "actor_kind": kind,
        "quote": quote,
        "summary": f"{actor} takes a side on the treaty.",
        "stance": stance,
    }


OKAFOR = "would hand governments sweeping surveillance powers"
BERG = "gives small countries a way to fight ransomware together"


def statement_answer() -> str:
    """A complete, correct answer for STATEMENT: two positions, one risk, one event."""
    return extraction(
        positions=[
            position("Amara Okafor", OKAFOR),
            position("Jonas Berg", BERG, stance="supports"),
        ],
        risks=[
            {
                "raised_by": "Amara Okafor",
                "quote": "journalists could be prosecuted for ordinary reporting",
                "description": "Reporters could face prosecution.",
                "category": "human_rights",
            }
        ],
        events=[
            {
                "quote": "Negotiators agreed the final text on 8 August 2024 in New York",
                "date": "8 August 2024",
                "description": "The final text was agreed.",
            }
        ],
    )


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def statement_file(tmp_path: Path) -> Path:
    path = tmp_path / "statement.txt"
    path.write_text("Rights groups attack cybercrime treaty\n\n" + STATEMENT, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_ambient_endpoint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never inherit a real endpoint or key from the developer's shell."""
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "BRIEFING_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))


def fact_sheet(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


HOSTILE_TEXT = (
    "Critics posted [click](javascript:alert(1)) and "
    "<script>document.title='pwned'</script> online.\n\n"
    "# Okafor said the draft was dangerous for reporters.\n\n"
    'Berg called it "a <b>fair</b> deal & a start".'
)


def minimal_run(chunks: int = 1) -> RunInfo:
    """The run record of a fact sheet built by hand in a test."""
    return RunInfo(
        briefing_version="0", model="m", endpoint="e", prompt_version="p", chunks=chunks,
        usage=Usage(),
    )  # fmt: skip


def _evidence(source: Source, quote: str, after: str = "") -> Evidence:
    start = source.text.index(quote, source.text.index(after) if after else 0)
    return Evidence(
        source_id=source.id,
        start=start,
        end=start + len(quote),
        quote=quote,
        match="exact",
        score=1,
    )


def review_sheet() -> FactSheet:
    """A fact sheet built directly from models, with everything the review page must handle.

    Spans that overlap, nest and share a start; a disputed stance; rejected drafts; and a
    source whose text and URL try to inject links, scripts and headings.
    """
    statement = Source(
        id="s-statement",
        path="statement.txt",
        url="https://example.org/statement",
        title="Rights groups attack treaty",
        outlet="Example News",
        published="9 August 2024",
        text=STATEMENT,
    )
    hostile = Source(
        id="s-hostile",
        path="hostile.txt",
        url="javascript:alert(1)",
        title="Posts <script>document.title='pwned'</script> about the treaty",
        author="<b>Anon</b> [me](javascript:alert(2))",
        text=HOSTILE_TEXT,
    )
    okafor = _evidence(statement, OKAFOR)
    overlapping = _evidence(statement, "said the treaty \u201cwould hand governments")
    risk_long = _evidence(statement, "journalists could be prosecuted for ordinary reporting")
    risk_short = _evidence(statement, "journalists could be prosecuted")
    nested = _evidence(statement, "prosecuted")
    berg = _evidence(statement, BERG)
    event = _evidence(statement, "Negotiators agreed the final text on 8 August 2024 in New York")
    critics = _evidence(hostile, "[click](javascript:alert(1)) and <script>document.title")
    heading = _evidence(hostile, "# Okafor said the draft was dangerous for reporters.")
    fair = _evidence(hostile, 'called it "a <b>fair</b> deal & a start"')
    actors = [
        Actor(id="a-okafor", name="Amara Okafor", kind="person", evidence=[okafor]),
        Actor(id="a-berg", name="Jonas Berg", kind="person", evidence=[berg]),
        Actor(id="a-critics", name="Critics <i>online</i>", kind="group", evidence=[critics]),
    ]
    return FactSheet(
        topic="the <em>treaty</em>",
        sources=[statement, hostile],
        actors=actors,
        positions=[
            Position(
                id="p-okafor",
                actor_id="a-okafor",
                stance="opposes",
                summary="Okafor says the treaty hands governments surveillance powers.",
                evidence=[okafor, overlapping, heading],
                stance_check="agreed",
                second_stance="opposes",
            ),
            Position(
                id="p-berg",
                actor_id="a-berg",
                stance="supports",
                summary="Berg says it helps small countries fight ransomware.",
                evidence=[berg, fair],
                stance_check="disputed",
                second_stance="mixed",
            ),
            Position(
                id="p-critics",
                actor_id="a-critics",
                stance="opposes",
                summary="Critics post [links](javascript:alert(2)) <script>alert(3)</script>.",
                evidence=[critics],
            ),
        ],
        risks=[
            Risk(
                id="r-prosecution",
                description="Reporters could face prosecution.",
                category="human_rights",
                raised_by=["a-okafor"],
                evidence=[risk_long, nested],
            ),
            Risk(
                id="r-journalists",
                description="Journalists could be prosecuted.",
                category="legal",
                raised_by=["a-okafor", "a-critics"],
                evidence=[risk_short],
            ),
        ],
        events=[
            Event(
                id="e-agreed",
                date="8 August 2024",
                description="The final text was agreed.",
                evidence=[event],
            )
        ],
        rejected=[
            Rejected(
                kind="position",
                source_id="s-hostile",
                draft={
                    "actor": "Critics",
                    "quote": "<script>document.title='pwned'</script> is [fine](javascript:x)",
                    "summary": "Critics like it.",
                    "stance": "supports",
                },
                reason="quote not found in the source",
            ),
            Rejected(
                kind="event",
                source_id="s-statement",
                draft={"date": "Monday", "quote": "criticised the new convention on Monday"},
                reason="the date is not in the quote",
            ),
        ],
        run=RunInfo(
            briefing_version="0.1.0",
            model="fake-model",
            endpoint="http://127.0.0.1:8080/v1",
            prompt_version="test",
            chunks=2,
            skipped_chunks=["hostile.txt chunk 2: the model never answered valid JSON"],
            usage=Usage(calls=4, prompt_tokens=4000, completion_tokens=900, reasks=1, retries=0),
        ),
    )
