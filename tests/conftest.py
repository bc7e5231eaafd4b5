from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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
