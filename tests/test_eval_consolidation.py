"""bench/eval_consolidation.py end to end against the fake endpoint: figures, checkpoint, resume.

The real evaluation needs the embedded model for hours; here a deterministic stand-in model
answers, on BASIL-shaped data made for the test (and on one real BASIL event when present).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.fakeserver import FakeOpenAI, echo_model

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_consolidation", ROOT / "bench" / "eval_consolidation.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def echo() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(responder=echo_model) as server:
        yield server


def article(event: str, outlet: str, entities: list[str], *paragraphs: str) -> dict[str, Any]:
    return {
        "title": f"{event} ({outlet})",
        "source": outlet,
        "date": "2019-05-01",
        "url": f"https://example.org/{outlet}",
        "main-entities": entities,
        "main-event": event,
        "triplet-uuid": event.lower().replace(" ", "-"),
        "body-paragraphs": [[sentence] for sentence in paragraphs],
    }


def make_data(root: Path) -> Path:
    """Two BASIL-shaped events and one seed article with a credit and a teaser list."""
    treaty = "Treaty vote"
    budget = "Budget deal"
    events = {
        treaty: [
            article(treaty, "nyt", ["Amara Okafor"], "Mayor Okafor said the treaty would hand "
                    "governments sweeping powers over the press."),
            article(treaty, "fox", ["Amara Okafor", "Ana Lee"], "Okafor said the treaty would "
                    "hand governments sweeping powers over the press.",
                    "Senator Ana Lee said the vote was rushed."),
            article(treaty, "hpo", ["Ana Lee"], "Lee said the vote was rushed and unfair."),
        ],
        budget: [
            article(budget, "nyt", ["Jonas Berg", "Nobody Here"], "Jonas Berg said the budget "
                    "deal protects pensions.", "Governor Rosa Lind has not signed it."),
            article(budget, "fox", ["Jonas Berg", "Rosa Lind"], "The deal passed on Monday.",
                    "Ms. Lind met union leaders."),
            article(budget, "hpo", [], "The deal was signed by Gov. Rosa Lind."),
        ],
    }  # fmt: skip
    for event, articles in events.items():
        folder = root / "basil" / "articles" / ("2019" if event == treaty else "2020")
        folder.mkdir(parents=True, exist_ok=True)
        for number, item in enumerate(articles, 1):
            path = folder / f"{item['triplet-uuid']}_{number}.json"
            path.write_text(json.dumps(item), "utf-8")
    (root / "seeds").mkdir()
    (root / "seeds" / "one.txt").write_text(
        "A treaty title\n\nFirst paragraph of the body.\n\nImage credit: Getty Images\n\n"
        "Second paragraph of the body.",
        "utf-8",
    )
    return root


def run(bench: ModuleType, fake: FakeOpenAI, root: Path, *extra: str) -> dict[str, Any]:
    results = root / "results"
    code = bench.main(
        [
            "--data", str(root), "--base-url", fake.base_url, "--model", "echo",
            "--no-stance-check", "-q", "--checkpoint", str(results / "run.jsonl"),
            "--facts-dir", str(results / "facts"), "--json", str(results / "run.json"), *extra,
        ]
    )  # fmt: skip
    assert code == 0
    return json.loads((results / "run.json").read_text("utf-8"))  # type: ignore[no-any-return]


def test_figures_per_event_and_for_the_seeds(
    bench: ModuleType, echo: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = run(bench, echo, make_data(tmp_path), "--limit", "2")
    treaty, budget = results["basil"]["per_event"]
    assert treaty["main_entities"] == ["Amara Okafor", "Ana Lee"]
    assert treaty["matches"] == {"Amara Okafor": ["Mayor Okafor"], "Ana Lee": ["Senator Ana Lee"]}
    assert (treaty["found"], treaty["once"]) == (1.0, 1.0)
    # Okafor's words in two outlets are one position backed by both; so are Lee's.
    assert (treaty["positions"], treaty["multi_outlet_positions"]) == (2, 2)
    # Rosa Lind is named in all three articles and quoted in none: found as "also named" only.
    assert (budget["found"], budget["found_quoted"], budget["once"]) == (0.6667, 0.3333, 1.0)
    assert budget["also_named"] == ["Governor Rosa Lind"]
    summary = results["basil"]["summary"]
    assert (summary["events"], summary["found_mean"], summary["once_mean"]) == (2, 0.8334, 1.0)
    assert summary["found_quoted_mean"] == 0.6666
    assert summary["targets"] == {"found_mean >= 0.80": True, "once_mean == 1.0": True}
    [seed] = results["cleaning"]["articles"]
    assert seed["dropped_by_reason"] == {"image credit or caption": {"items": 1, "chars": 26}}
    assert seed["kept_paragraphs"] == 3
    out = capsys.readouterr().out
    assert "mean of 2 events" in out and "one.txt" in out
    sheet = json.loads((tmp_path / "results" / "facts" / f"{treaty['event']}.json").read_text())
    assert sheet["topic"] == "Treaty vote"


def test_a_rerun_resumes_from_the_checkpoint(
    bench: ModuleType, echo: FakeOpenAI, tmp_path: Path
) -> None:
    root = make_data(tmp_path)
    first = run(bench, echo, root, "--limit", "1")
    asked = len(echo.requests)
    assert first["basil"]["summary"]["events"] == 1
    second = run(bench, echo, root, "--limit", "2")
    assert second["basil"]["per_event"][0] == first["basil"]["per_event"][0]
    assert len(echo.requests) == asked + 3  # only the new event's three chunks were asked
    lines = (root / "results" / "run.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 2
    again = run(bench, echo, root, "--limit", "2")
    assert len(echo.requests) == asked + 3
    assert again["basil"]["summary"] == second["basil"]["summary"]
    # A line cut short by a crash is ignored, and that event is briefed again.
    (root / "results" / "run.jsonl").write_text(lines[0] + "\n" + lines[1][:20], "utf-8")
    run(bench, echo, root, "--limit", "2")
    assert len((root / "results" / "run.jsonl").read_text("utf-8").splitlines()) == 3
    # An event saved by other code (grounding, consolidation) is briefed again (its answers
    # from the response cache) and saved anew.
    record = json.loads(lines[0]) | {"code": "other"}
    (root / "results" / "run.jsonl").write_text(json.dumps(record) + "\n" + lines[1] + "\n")
    run(bench, echo, root, "--limit", "2")
    saved = [json.loads(line) for line in (root / "results" / "run.jsonl").read_text().splitlines()]
    assert len(saved) == 3
    assert saved[2]["event"] == record["event"] and saved[2]["code"] != "other"


def test_first_starts_at_a_later_event(bench: ModuleType, echo: FakeOpenAI, tmp_path: Path) -> None:
    """Held-out events are run on their own: --first 2 --limit 2 is the second event only."""
    results = run(bench, echo, make_data(tmp_path), "--first", "2", "--limit", "2")
    [budget] = results["basil"]["per_event"]
    assert budget["main_entities"] == ["Jonas Berg", "Nobody Here", "Rosa Lind"]
    assert len(echo.requests) == 3  # the budget event's three articles, nothing of the treaty


def test_missing_data_is_skipped_with_a_message(
    bench: ModuleType, echo: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = run(bench, echo, tmp_path)
    assert "skipped" in results["basil"] and "skipped" in results["cleaning"]
    assert "BASIL not found" in capsys.readouterr().err


@pytest.mark.skipif(not (SHARED_DATA / "basil").is_dir(), reason="BASIL is not in ../shared/data")
def test_one_real_basil_event(bench: ModuleType, echo: FakeOpenAI, tmp_path: Path) -> None:
    results = tmp_path / "results"
    code = bench.main(
        [
            "--data", str(SHARED_DATA), "--base-url", echo.base_url, "--model", "echo",
            "--no-stance-check", "-q", "--limit", "1", "--checkpoint", str(results / "r.jsonl"),
            "--facts-dir", str(results / "facts"), "--json", str(results / "r.json"),
        ]
    )  # fmt: skip
    assert code == 0
    figures = json.loads((results / "r.json").read_text("utf-8"))
    [event] = figures["basil"]["per_event"]
    assert event["main_entities"] and event["found"] is not None
    assert len(figures["cleaning"]["articles"]) == 2


def test_people_sharing_a_surname_are_grouped_and_a_home_state_is_no_surname(
    bench: ModuleType,
) -> None:
    from briefing.models import Actor

    actors = [
        Actor(id="a1", name="Representative Ada Lind of Ohio", kind="person"),
        Actor(id="a2", name="Senator Tom Ferris of Ohio", kind="person"),
        Actor(id="a3", name="Ines Ferris", kind="person"),
        Actor(id="a4", name="Ohio", kind="government"),
    ]
    assert bench.shared_surnames(actors) == [["Senator Tom Ferris of Ohio", "Ines Ferris"]]
