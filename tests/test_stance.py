"""The narrow stance question: asked per source a few positions at a time, each answer kept on
the position it was numbered for."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.stance import STANCE_BATCH
from tests.conftest import fact_sheet
from tests.fakeserver import FakeOpenAI, Reply, echo_model

SPEAKERS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]


def write_sources(tmp_path: Path) -> list[str]:
    """Five speakers in one source, one in another: two questions for the first, one for the
    second."""
    first = tmp_path / "first.txt"
    first.write_text(
        "Many voices\n\n"
        + "\n\n".join(
            f"Speaker{name} said the treaty would change how police share data in case {n}."
            for n, name in enumerate(SPEAKERS, 1)
        ),
        encoding="utf-8",
    )
    second = tmp_path / "second.txt"
    second.write_text(
        "One voice\n\nSpeakerFoxtrot said the treaty would let police share data.", "utf-8"
    )
    return [str(first), str(second)]


def is_stance_question(request: dict[str, Any]) -> bool:
    return "stance toward" in request["messages"][-1]["content"]


def numbered_actors(request: dict[str, Any]) -> list[tuple[str, str]]:
    return re.findall(r"^(\d+)\. Actor: (\S+)$", request["messages"][-1]["content"], re.M)


def run(fake: FakeOpenAI, sources: list[str], facts: Path) -> int:
    args = ["generate", *sources, "--base-url", fake.base_url, "--model", "m", "-q"]
    return main([*args, "--no-bottom-line", "--no-cache", "--json", str(facts)])


def test_positions_are_asked_about_per_source_a_few_at_a_time(tmp_path: Path) -> None:
    def model(request: dict[str, Any]) -> Reply:
        reply = echo_model(request)  # its second answers agree with its first ones
        if is_stance_question(request):  # ... except for SpeakerDelta, wherever it is numbered
            answers = json.loads(reply.content)
            answers.update(
                {n: "neutral" for n, actor in numbered_actors(request) if actor == "SpeakerDelta"}
            )
            return Reply(content=json.dumps(answers))
        return reply

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, write_sources(tmp_path), facts) == 0
        questions = [r for r in fake.requests if is_stance_question(r)]

    asked = [[actor for _, actor in numbered_actors(question)] for question in questions]
    assert STANCE_BATCH == 4
    assert asked == [
        ["SpeakerAlpha", "SpeakerBravo", "SpeakerCharlie", "SpeakerDelta"],
        ["SpeakerEcho"],
        ["SpeakerFoxtrot"],
    ]
    # Each actor is shown with its own sentence, not the others'.
    first = questions[0]["messages"][-1]["content"]
    assert first.count("in case 4") == 1 and "in case 5" not in first
    sheet = fact_sheet(facts)
    names = {actor["id"]: actor["name"] for actor in sheet["actors"]}
    checks = {
        names[p["actor_id"]]: (p["stance"], p["stance_check"], p["second_stance"])
        for p in sheet["positions"]
    }
    assert len(checks) == 6
    first, *second = checks.pop("SpeakerDelta")
    assert first != "neutral" and second == ["disputed", "neutral"]
    assert all(check == "agreed" and again == stance for stance, check, again in checks.values())


@pytest.mark.parametrize("answer", ["{}", json.dumps({"1": "opposes"}), "not json"])
def test_an_unusable_answer_leaves_its_positions_unchecked(tmp_path: Path, answer: str) -> None:
    """No numbers, too few numbers or no JSON for the first four actors: their first labels
    stand, marked unchecked; the other questions' answers are kept and the run succeeds."""

    def model(request: dict[str, Any]) -> Reply:
        if is_stance_question(request) and len(numbered_actors(request)) == STANCE_BATCH:
            return Reply(content=answer)
        return echo_model(request)

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, write_sources(tmp_path), facts) == 0
    sheet = fact_sheet(facts)
    names = {actor["id"]: actor["name"] for actor in sheet["actors"]}
    checks = {names[p["actor_id"]]: p["stance_check"] for p in sheet["positions"]}
    assert {name: checks[f"Speaker{name}"] for name in SPEAKERS[:4]} == dict.fromkeys(
        SPEAKERS[:4], "unchecked"
    )
    assert checks["SpeakerEcho"] == checks["SpeakerFoxtrot"] == "agreed"
