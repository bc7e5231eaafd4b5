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
from tests.conftest import extraction, fact_sheet, position
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
    found = re.search(r"^What is (\S+)'s stance toward", request["messages"][-1]["content"], re.M)
    return found.group(1) if found else None


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


def opposes_first(request: dict[str, Any]) -> bool:
    """Whether this is the second question: its closing line names "opposes" first."""
    return "Answer with one of: opposes, supports" in request["messages"][-1]["content"]


def test_each_position_is_asked_about_alone_with_its_own_sentence(tmp_path: Path) -> None:
    def model(request: dict[str, Any]) -> Reply:
        if asked_actor(request) == "SpeakerBravo" and opposes_first(request):
            return Reply(content=json.dumps({"stance": "neutral"}))
        return echo_model(request)  # its other answers agree with the extraction's labels

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, write_source(tmp_path), facts) == 0
        questions = [r for r in fake.requests if asked_actor(r)]

    # Two questions per position, the second right after the first.
    names = [f"Speaker{n}" for n in SPEAKERS]
    assert sorted(asked_actor(q) for q in questions) == sorted(names * 2)
    assert [opposes_first(q) for q in questions] == [False, True] * 3
    assert [asked_actor(q) for q in questions[::2]] == [asked_actor(q) for q in questions[1::2]]
    for question in questions:
        text = question["messages"][-1]["content"]
        assert len(re.findall(r"in case \d", text)) == 1  # only its own sentence
    checks = checks_by_actor(facts)
    first, *second = checks.pop("SpeakerBravo")
    assert first != "neutral" and second == ["disputed", "neutral"]
    assert all(check == "agreed" and again == stance for stance, check, again in checks.values())


def test_positions_the_first_question_gives_one_stance_are_merged(tmp_path: Path) -> None:
    """The extraction labelled two of one actor's sentences differently; the first question
    gives both the same stance, so the actor holds one position with both sentences."""
    source = tmp_path / "one.txt"
    source.write_text(
        "One voice\n\nSpeakerAlpha said the treaty is welcome in case 1.\n\n"
        "SpeakerAlpha said the treaty is bad in case 2.",
        encoding="utf-8",
    )

    def model(request: dict[str, Any]) -> Reply:
        last = request["messages"][-1]["content"]
        if "stance toward" in last:
            return Reply(content=json.dumps({"stance": "opposes"}))
        if "case 1" in last:
            said = [("welcome in case 1", "supports"), ("bad in case 2", "opposes")]
            return Reply(
                content=extraction(
                    positions=[position("SpeakerAlpha", q, stance=s) for q, s in said]
                )
            )
        return echo_model(request)

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, str(source), facts) == 0
        asked = [r for r in fake.requests if asked_actor(r)]
    positions = fact_sheet(facts)["positions"]
    assert [(p["stance"], p["stance_check"], len(p["evidence"])) for p in positions] == [
        ("opposes", "agreed", 2)
    ]
    assert len(asked) == 4  # both questions for each sentence's position


def test_a_sentence_of_a_quotation_is_judged_and_cited_with_the_whole_quotation(
    tmp_path: Path,
) -> None:
    """BASIL: '"We said this is exactly what is going to happen.' alone, cited for Sen. Steve
    Gallardo, shows no side; the quotation it opens goes on "You have a bill here that's so
    toxic it's going to divide this Legislature." Both questions and the brief read it whole."""
    quotation = (
        "\u201cWe said this would happen. The toll is toxic and will divide the harbour. "
        "Nobody listened.\u201d"
    )
    source = tmp_path / "toll.txt"
    source.write_text(
        "Harbour toll\n\n\u201cWe warned them weeks ago,\u201d said Mayor Ana Park. "
        f"{quotation} The council met on Friday.",
        encoding="utf-8",
    )
    tight = "toll is toxic"

    def model(request: dict[str, Any]) -> Reply:
        last = request["messages"][-1]["content"]
        if "stance toward" in last:
            return Reply(content=json.dumps({"stance": "opposes"}))
        if "Harbour toll" in last or "warned them" in last:
            drafts = [
                position("Mayor Ana Park", "We said this would happen."),
                position("Ada Lund", tight),  # a tighter quote, dropped for its actor
            ]
            return Reply(content=extraction(positions=drafts))
        return echo_model(request)

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, str(source), facts) == 0
        questions = [r["messages"][-1]["content"] for r in fake.requests]
        asked = [question for question in questions if "stance toward" in question]
    (park,) = fact_sheet(facts)["positions"]
    assert [e["quote"] for e in park["evidence"]] == [quotation]
    assert len(asked) == 2 and all(quotation in question for question in asked)


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


def test_the_check_names_the_labels_with_opposes_first(tmp_path: Path) -> None:
    """The model leans to the first label it reads: the extraction and the first question read
    the definitions "supports" first; the second question is the first with a closing line
    naming the labels "opposes" first."""
    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=echo_model) as fake:
        assert run(fake, write_source(tmp_path), facts) == 0
        asked = [r for r in fake.requests if asked_actor(r)]
    drafting, first, second = fake.requests[0], asked[0], asked[1]

    def listed(request: dict[str, Any]) -> list[tuple[str, str]]:
        system = request["messages"][0]["content"]
        found = re.findall(r"(supports|opposes|concerned|mixed|neutral) ?[=:] ([^;\n]+)", system)
        return [(label, meaning.split(". ")[0].rstrip(".")) for label, meaning in found]

    assert [label for label, _ in listed(drafting)][:2] == ["supports", "opposes"]
    assert listed(first) == listed(second) and dict(listed(first)) == dict(listed(drafting))
    assert [label for label, _ in listed(first)][:2] == ["supports", "opposes"]
    closing = second["messages"][-1]["content"].splitlines()[-1]
    assert closing == f"Answer with one of: {', '.join(STANCE_CHECK_ORDER)}."
    assert STANCE_CHECK_ORDER[0] == "opposes"
    assert sorted(STANCE_CHECK_ORDER) == sorted(get_args(Stance))


def test_actors_of_one_sentence_are_asked_about_one_after_the_other(tmp_path: Path) -> None:
    """A question names its actor only after the sentences, so the server reads a sentence
    that two actors share once when their questions follow each other; the fact sheet keeps
    its order."""
    shared = "SpeakerAlpha and SpeakerCharlie said the treaty would change police work in case 1."
    source = tmp_path / "shared.txt"
    source.write_text(
        f"Shared words\n\n{shared}\n\nSpeakerBravo said the treaty is bad in case 2.",
        encoding="utf-8",
    )
    drafted = [
        position("SpeakerAlpha", "SpeakerAlpha and SpeakerCharlie said the treaty"),
        position("SpeakerBravo", "SpeakerBravo said the treaty is bad", stance="opposes"),
        position("SpeakerCharlie", "SpeakerAlpha and SpeakerCharlie said the treaty"),
    ]

    def model(request: dict[str, Any]) -> Reply:
        if "stance toward" in request["messages"][-1]["content"]:
            return echo_model(request)
        return Reply(content=extraction(positions=drafted))

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=model) as fake:
        assert run(fake, str(source), facts) == 0
        questions = [r["messages"][-1]["content"] for r in fake.requests if asked_actor(r)]
    sheet = fact_sheet(facts)
    names = {actor["id"]: actor["name"] for actor in sheet["actors"]}
    in_sheet = [names[p["actor_id"]] for p in sheet["positions"]]
    assert sorted(in_sheet) == ["SpeakerAlpha", "SpeakerBravo", "SpeakerCharlie"]
    assert in_sheet.index("SpeakerBravo") == 1  # between the two who share a sentence
    asked = [re.findall(r"^What is (\S+)'s", question, re.M)[0] for question in questions]
    assert asked == [
        "SpeakerAlpha", "SpeakerAlpha", "SpeakerCharlie", "SpeakerCharlie",
        "SpeakerBravo", "SpeakerBravo",
    ]  # fmt: skip
    # The four questions about the shared sentence open with the same words up to the actor.
    openings = {question.split("\n\nWhat is")[0] for question in questions[:4]}
    assert len(openings) == 1 and shared in openings.pop()
