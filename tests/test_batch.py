"""``briefing batch``: manifests, a broken entry among good ones, reruns, concurrency."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing import batch
from briefing.cli import main
from briefing.manifest import load_manifest
from tests.fakeserver import FakeOpenAI, Reply, echo_model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "un-cybercrime-convention"


@pytest.fixture
def model() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(responder=echo_model) as server:
        yield server


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A manifest folder holding the examples as ``ex/``."""
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    return tmp_path


def write_jsonl(path: Path, *entries: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(entry) + "\n" for entry in entries), encoding="utf-8")
    return path


def run(model: FakeOpenAI, manifest: Path, *flags: str) -> int:
    return main(["batch", str(manifest), "--base-url", model.base_url, "--model", "m", *flags])


def rows(out: str) -> dict[str, list[str]]:
    """The summary table on stdout, by name: status, positions, risks, events, seconds, error."""
    lines = out.strip().splitlines()
    assert lines[0].split() == [
        "name",
        "status",
        "positions",
        "risks",
        "events",
        "seconds",
        "error",
    ]
    table = {}
    for line in lines[1:]:
        name, *cells = line.split(maxsplit=6)
        table[name] = cells
    return table


GOOD = [
    {"name": "treaty", "sources": ["ex"], "topic": "the treaty", "output": "out/treaty.md",
     "json": "out/treaty.json", "html": "out/treaty.html"},
    {"name": "wire", "sources": ["ex/01-wire-report.md"], "topic": "ransomware",
     "output": "out/wire.md"},
]  # fmt: skip


def test_one_broken_entry_fails_alone(
    model: FakeOpenAI, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "broken.md.j2").write_text("{% for %}", encoding="utf-8")
    manifest = write_jsonl(
        folder / "briefs.jsonl",
        GOOD[0],
        {"name": "missing", "sources": ["ex/nope.md"], "output": "out/missing.md"},
        {"name": "template", "sources": ["ex"], "template": "broken.md.j2", "output": "t.md"},
        GOOD[1],
    )
    assert run(model, manifest, "--concurrency", "2") == 7
    captured = capsys.readouterr()
    table = rows(captured.out)
    assert list(table) == ["treaty", "missing", "template", "wire"]  # manifest order
    assert table["treaty"][:4] == ["done", "2", "0", "5"]
    assert table["wire"][0] == "done"
    assert table["missing"][:4] == ["failed", "-", "-", "-"]
    assert table["missing"][-1].endswith(f"source not found: {folder / 'ex' / 'nope.md'}")
    assert table["template"][0] == "failed" and "template error on line 1" in table["template"][-1]
    for name in ("treaty.md", "treaty.json", "treaty.html", "wire.md"):
        assert (folder / "out" / name).stat().st_size > 0
    assert not (folder / "out" / "missing.md").exists() and not (folder / "t.md").exists()
    assert "] missing: failed: source not found" in captured.err
    assert "4 briefs in " in captured.err and "2 done, 0 skipped (finished earlier), 2 failed" in (
        captured.err
    )
    assert (folder / "out" / "treaty.md").read_text().startswith("# Policy brief: the treaty")


def test_rerun_skips_finished_briefs_without_model_calls(
    model: FakeOpenAI, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_jsonl(folder / "briefs.jsonl", *GOOD)
    assert run(model, manifest, "--no-cache") == 0
    asked = len(model.requests)
    assert asked > 0 and (folder / "briefs.jsonl.state.json").exists()
    written = (folder / "out" / "treaty.md").stat().st_mtime_ns
    capsys.readouterr()

    assert run(model, manifest, "--no-cache") == 0  # no cache: only the state file can skip
    assert len(model.requests) == asked
    table = rows(capsys.readouterr().out)
    assert table["treaty"] == ["skipped", "2", "0", "5", "-"]
    assert table["wire"][0] == "skipped"
    assert (folder / "out" / "treaty.md").stat().st_mtime_ns == written

    # A brief whose output is gone, or whose topic changed, runs again; the other does not.
    (folder / "out" / "wire.md").unlink()
    changed = {**GOOD[0], "topic": "the cybercrime treaty"}
    write_jsonl(manifest, changed, GOOD[1])
    assert run(model, manifest, "--no-cache") == 0
    table = rows(capsys.readouterr().out)
    assert (table["treaty"][0], table["wire"][0]) == ("done", "done")
    assert (
        (folder / "out" / "treaty.md")
        .read_text()
        .startswith("# Policy brief: the cybercrime treaty")
    )

    assert run(model, manifest, "--no-cache", "--force") == 0
    assert {row[0] for row in rows(capsys.readouterr().out).values()} == {"done"}


def test_a_changed_source_makes_its_brief_run_again(
    model: FakeOpenAI, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_jsonl(folder / "briefs.jsonl", *GOOD)
    assert run(model, manifest) == 0
    wire = folder / "ex" / "01-wire-report.md"
    wire.write_text(wire.read_text() + "\nDiplomats said more talks would follow.\n")
    capsys.readouterr()
    assert run(model, manifest) == 0
    table = rows(capsys.readouterr().out)
    assert (table["treaty"][0], table["wire"][0]) == ("done", "done")  # both read the file


def test_a_brief_since_an_earlier_one_shows_what_changed_and_reruns_when_it_changes(
    model: FakeOpenAI, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``since`` names an earlier brief's fact sheet: the brief shows what changed since it;
    a changed earlier sheet makes the brief run again, a broken one fails that brief alone."""
    first = write_jsonl(folder / "first.jsonl", GOOD[1] | {"json": "out/wire.json"})
    assert run(model, first) == 0
    later = {**GOOD[0], "since": "out/wire.json"}
    manifest = write_jsonl(folder / "briefs.jsonl", later)
    assert run(model, manifest) == 0
    brief = (folder / "out" / "treaty.md").read_text(encoding="utf-8")
    section = brief.split("## Since the last brief", 1)[1].split("\n## ", 1)[0]
    assert "(on ransomware, 1 source); new here: sources 2–4." in section
    capsys.readouterr()
    assert run(model, manifest) == 0
    assert rows(capsys.readouterr().out)["treaty"][0] == "skipped"
    (folder / "out" / "wire.json").write_text("{}", encoding="utf-8")
    assert run(model, manifest) == 7
    error = rows(capsys.readouterr().out)["treaty"][-1]
    assert error.startswith(f"{folder / 'out' / 'wire.json'} is not a valid fact sheet")


def test_yaml_and_jsonl_manifests_give_the_same_briefs_at_any_concurrency(
    model: FakeOpenAI, folder: Path
) -> None:
    write_jsonl(
        folder / "briefs.jsonl",
        *({**entry, "output": f"jsonl/{entry['name']}.md"} for entry in GOOD),
    )
    (folder / "briefs.yaml").write_text(
        "# the same briefs, as YAML\n"
        "- name: treaty\n"
        "  sources: [ex]\n"
        "  topic: the treaty\n"
        "  output: yaml/treaty.md\n"
        "- name: wire\n"
        "  sources:\n"
        "    - ex/01-wire-report.md\n"
        "  topic: ransomware\n"
        "  output: yaml/wire.md\n",
        encoding="utf-8",
    )
    assert run(model, folder / "briefs.jsonl", "--concurrency", "1", "-q") == 0
    assert run(model, folder / "briefs.yaml", "--concurrency", "4", "-q", "--no-cache") == 0
    for name in ("treaty", "wire"):
        jsonl = (folder / "jsonl" / f"{name}.md").read_text()
        assert jsonl == (folder / "yaml" / f"{name}.md").read_text()


def test_a_brief_written_into_its_source_folder_is_warned_of_then_refused(
    model: FakeOpenAI, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_jsonl(folder / "b.jsonl", {"sources": ["ex"], "output": "ex/brief.md"})
    assert run(model, manifest, "-q") == 0
    assert "ex/brief.md is written into a source folder" in capsys.readouterr().err
    # the next run would read the brief as a source and then replace it
    assert run(model, manifest, "-q") == 2
    assert "brief.md, which is a source of line 1" in capsys.readouterr().err


def test_a_brief_may_replace_the_fact_sheet_it_follows(folder: Path) -> None:
    manifest = write_jsonl(
        folder / "story.jsonl", {"sources": ["ex"], "since": "story.json", "json": "story.json"}
    )
    (job,) = load_manifest(str(manifest)).jobs
    assert job.json == job.since == folder / "story.json"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("b.jsonl", '{"sources": ["ex"], "output": "a.md"}\n{"sources": [\n', "line 2: not JSON"),
        ("b.jsonl", '{"output": "a.md"}\n', "line 1: sources is missing"),
        ("b.jsonl", '\n{"sources": [], "output": "a.md"}\n', "line 2: sources is empty"),
        ("b.jsonl", '{"sources": ["ex"]}\n', "line 1: give at least one of output, json, html"),
        ("b.jsonl", '{"sources": ["ex"], "out": "a.md"}\n', "line 1: unknown field 'out'"),
        ("b.jsonl", '{"sources": ["-"], "output": "a.md"}\n', "'-' (stdin) cannot be a source"),
        ("b.jsonl", '{"sources": ["ex"], "output": "a.md", "json": "a.md"}\n', "different files"),
        ("b.jsonl", '{"sources": ["ex"], "output": "a.md"}\n{"sources": ["x"], "output": "a.md"}\n',
         "line 2: writes"),
        ("b.jsonl", '{"name": "n", "sources": ["ex"], "output": "a.md"}\n'
                    '{"name": "n", "sources": ["ex"], "output": "b.md"}\n',
         "line 2: the name 'n' is taken by line 1"),
        ("b.jsonl", '{"sources": ["ex"], "output": "ex/01-wire-report.md"}\n',
         "01-wire-report.md, which is a source of line 1"),
        ("b.jsonl", '{"sources": ["ex/01-wire-report.md"], "output": "a.md"}\n'
                    '{"sources": ["x"], "json": "ex/01-wire-report.md"}\n',
         "which is a source of line 1"),
        ("b.jsonl", '{"sources": ["ex"], "output": "b.jsonl"}\n', "which is the manifest"),
        ("b.jsonl", '{"sources": ["ex"], "output": "b.jsonl.state.json"}\n', "state file"),
        ("b.jsonl", '{"sources": ["ex"], "template": "t.j2", "output": "t.j2"}\n',
         "which is the template of line 1"),
        ("b.jsonl", '{"sources": ["ex"], "since": "old.json", "output": "old.json"}\n',
         "which is its since fact sheet"),
        ("b.jsonl", "\n\n", "lists no briefs"),
        ("b.yaml", "- sources: [ex]\n  output: a.md\n- sources: ex\n  output: b.md\n",
         "line 3: sources: Input should be a valid list"),
        ("b.yaml", "- sources: [ex\n", "not valid YAML"),
        ("b.yml", "sources: [ex]\noutput: a.md\n", "a YAML manifest is a list of briefs"),
        ("b.yml", "- [ex]\n", "line 1: a brief is a mapping of fields"),
        ("b.txt", "", "a manifest is JSON Lines (.jsonl) or YAML (.yaml, .yml)"),
    ],
)  # fmt: skip
def test_invalid_manifests_are_refused_before_any_brief(
    model: FakeOpenAI,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    expected: str,
) -> None:
    manifest = folder / name
    manifest.write_text(text, encoding="utf-8")
    assert run(model, manifest) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"briefing: error: {manifest}: ") and err.count("\n") == 1, err
    assert expected in err
    assert model.requests == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.yaml", "- " + "[" * 100_000, "not valid YAML (nested too deep)"),
        ("deep.jsonl", "[" * 100_000 + "\n", "line 1: not JSON (nested too deep)"),
    ],
)
def test_a_manifest_nested_too_deep_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    manifest = tmp_path / name
    manifest.write_text(content, encoding="utf-8")
    assert main(["batch", str(manifest)]) == 2
    assert capsys.readouterr().err == f"briefing: error: {manifest}: {message}\n"


def test_every_problem_of_a_manifest_is_named_at_once(
    model: FakeOpenAI, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_jsonl(
        folder / "b.jsonl", {"sources": []}, {"sources": ["ex"], "topic": "", "output": "a.md"}
    )
    assert run(model, manifest) == 2
    err = capsys.readouterr().err
    assert "b.jsonl: line 1: sources is empty; line 2: topic: String should have at least" in err


def test_briefs_in_flight_are_bounded_by_concurrency(folder: Path) -> None:
    """--concurrency 3: three briefs at once (one request each), never more."""
    in_flight = peak = 0
    lock = threading.Lock()

    def slow(request: dict[str, Any]) -> Reply:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.05)
        with lock:
            in_flight -= 1
        return echo_model(request)

    entries = [{"sources": ["ex"], "topic": f"topic {n}", "output": f"{n}.md"} for n in range(5)]
    manifest = write_jsonl(folder / "b.jsonl", *entries)
    with FakeOpenAI(responder=slow) as server:
        assert run(server, manifest, "--concurrency", "3", "-q", "--no-cache") == 0
    assert 2 <= peak <= 3


def test_fewer_briefs_than_concurrency_share_it(folder: Path) -> None:
    """One brief at --concurrency 4 asks four requests at once, as `generate` would."""
    manifest = write_jsonl(folder / "b.jsonl", {"sources": ["ex"], "output": "a.md"})
    seen: list[int] = []
    original = batch.brief_from_sources

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(args[2].concurrency)
        return original(*args, **kwargs)

    with FakeOpenAI(responder=echo_model) as server, pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "brief_from_sources", spy)
        assert run(server, manifest, "--concurrency", "4", "-q") == 0
    assert seen == [4]


def test_one_endpoint_for_the_whole_batch(
    model: FakeOpenAI, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    original = batch.open_endpoint

    def counting(*args: Any, **kwargs: Any) -> Any:
        opened.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(batch, "open_endpoint", counting)
    manifest = write_jsonl(folder / "b.jsonl", *GOOD)
    assert run(model, manifest, "--concurrency", "2", "-q") == 0
    assert len(opened) == 1


def test_an_unexpected_error_costs_one_brief(
    model: FakeOpenAI,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    original = batch.brief_from_sources

    def flaky(sources: Any, endpoint: Any, config: Any, progress: Any) -> Any:
        if config.topic == "ransomware":
            raise RuntimeError("boom")
        return original(sources, endpoint, config, progress)

    monkeypatch.setattr(batch, "brief_from_sources", flaky)
    manifest = write_jsonl(folder / "b.jsonl", *GOOD)
    assert run(model, manifest, "-q") == 7
    table = rows(capsys.readouterr().out)
    assert table["treaty"][0] == "done"
    assert table["wire"][0] == "failed" and "unexpected RuntimeError: boom" in table["wire"][-1]


def test_the_readme_manifest_is_valid(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Batch runs\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "briefs.yaml").write_text(example, encoding="utf-8")
    jobs = load_manifest(str(tmp_path / "briefs.yaml")).jobs
    assert [job.name for job in jobs] == ["treaty", "briefs/ransomware.md"]
    assert jobs[0].sources == [str(tmp_path / "news"), str(tmp_path / "statements" / "un.md")]
    assert jobs[0].html == tmp_path / "briefs" / "treaty.html"


def test_the_embedded_model_serves_the_whole_batch_from_one_server(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One server for every brief, started once, on the first answer the cache lacks."""
    from briefing.backends import embedded

    servers: list[FakeOpenAI] = []

    class OneServer:
        prefixes = None  # no saved instruction states

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.fake = FakeOpenAI(responder=echo_model)
            servers.append(self.fake)

        def __enter__(self) -> OneServer:
            self.fake.__enter__()
            return self

        def start(self) -> str:
            return self.fake.base_url

        def __exit__(self, *exc: object) -> None:
            self.fake.__exit__()

    monkeypatch.setattr(embedded, "EmbeddedServer", OneServer)
    monkeypatch.setattr(embedded, "assemble_model", lambda directory, progress: Path("m.gguf"))
    manifest = write_jsonl(folder / "b.jsonl", *GOOD)
    assert main(["batch", str(manifest), "--concurrency", "2"]) == 0
    assert len(servers) == 1 and servers[0].requests
    assert capsys.readouterr().err.count("starting the embedded model") == 1
