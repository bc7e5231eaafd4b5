"""The narrow stance question: one per position, each actor judged on its own sentences, and an
unusable answer leaves only that position unchecked."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest

from briefing.cli import main
from briefing.models import STANCE_CHECK_ORDER, Stance
from tests.conftest import fact_sheet
from tests.fakeserver import FakeOpenAI, Reply, echo_model

SPEAKERS = ["Alpha", "Bravo", "Charlie"]


def write_source(tmp_path: Path) -> str:
    source = tmp_path / "voices.txt"
    source.write_text(
        "Many voices\n\n"
        + "\n\n".join(
            f"Speaker{name} said the treaty would change how police share data in case {n}."
            for n, name in enumerate(SPEAKERS, 1)
        ),
        encoding="utf-8",
    )
    return str(source)


def asked_actor(request: dict[str, Any]) -> str | None:
    found = re.search(r"^Actor: (\S+)$", request["messages"][-1]["content"], re.M)
    return (
        found.group(1) if found and "stance toward" in request["messages"][-1]["content"] else None
    )


def run(fake: FakeOpenAI, source: str, facts: Path) -> int:
    args = ["generate", source, "--base-url", fake.base_url, "--model", "m", "-q"]
    return main([*args, "--no-bottom-line", "--no-cache", "--json", str(facts)])


def checks_by_actor(facts: Path) -> dict[str, tuple[str, str, str | None]]:
    sheet = fact_sheet(facts)
    names = {actor["id"]: actor["name"] for actor in sheet["actors"]}
    return {
        names[p["actor_id"]]: (p["stance"], p["stance_check"], p["second_stance"])
        for p in sheet["positions"]
    }


def test_each_position_is_asked_about_alone_with_its_own_sentence(tmp_path: Path) -> None:
    def model(request: dict[str, Any]) -> Reply:
        if asked_actor(request) == "SpeakerBravo":
            return Reply(content=json.dumps({"stance": "neutral"}))
        return echo_model(request)  # its second answers agree with its first ones

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, write_source(tmp_path), facts) == 0
        questions = [r for r in fake.requests if asked_actor(r)]

    assert sorted(asked_actor(q) for q in questions) == [f"Speaker{n}" for n in SPEAKERS]
    for question in questions:
        text = question["messages"][-1]["content"]
        assert len(re.findall(r"in case \d", text)) == 1  # only its own sentence
    checks = checks_by_actor(facts)
    first, *second = checks.pop("SpeakerBravo")
    assert first != "neutral" and second == ["disputed", "neutral"]
    assert all(check == "agreed" and again == stance for stance, check, again in checks.values())


@pytest.mark.parametrize("answer", ["{}", json.dumps({"stance": "maybe"}), "not json"])
def test_an_unusable_answer_leaves_its_position_unchecked(tmp_path: Path, answer: str) -> None:
    def model(request: dict[str, Any]) -> Reply:
        if asked_actor(request) == "SpeakerAlpha":
            return Reply(content=answer)
        return echo_model(request)

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, write_source(tmp_path), facts) == 0
    checks = {name: check for name, (_, check, _) in checks_by_actor(facts).items()}
    assert checks == {
        "SpeakerAlpha": "unchecked",
        "SpeakerBravo": "agreed",
        "SpeakerCharlie": "agreed",
    }


def test_the_check_lists_the_same_definitions_with_opposes_first(tmp_path: Path) -> None:
    """The model leans to the first label it reads: the extraction reads "supports" first, so
    the check reads "opposes" first, each label with the extraction's own definition."""
    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=echo_model) as fake:
        assert run(fake, write_source(tmp_path), facts) == 0
        extraction, question = fake.requests[0], next(r for r in fake.requests if asked_actor(r))

    def listed(system: str) -> list[tuple[str, str]]:
        found = re.findall(r"(supports|opposes|concerned|mixed|neutral) ?[=:] ([^;\n]+)", system)
        return [(label, meaning.split(". ")[0].rstrip(".")) for label, meaning in found]

    first = listed(extraction["messages"][0]["content"])
    check = listed(question["messages"][0]["content"])
    assert [label for label, _ in first][:2] == ["supports", "opposes"]
    assert [label for label, _ in check][:2] == ["opposes", "supports"]
    assert dict(check) == dict(first)
    assert sorted(STANCE_CHECK_ORDER) == sorted(get_args(Stance))
