"""The HTTP service: submit, poll and fetch; 20 jobs at once; errors; auth; a kill and restart.

The service runs on 127.0.0.1 in a thread (``tests/liveservice.py``; for the kill test, in a
subprocess), in front of the deterministic ``echo_model`` behind the fake OpenAI server, so
every brief can be predicted.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from briefing import BriefConfig, extract_facts, render_brief
from briefing.cli import main
from briefing.llm import Endpoint
from briefing.service.jobs import MAX_RESTARTS, STATE_FILE, JobStore
from briefing.service.models import JobRequest
from briefing.service.runner import STOPPED_MESSAGE, job_sources
from tests.fakeserver import FakeOpenAI, Reply, echo_model
from tests.liveservice import (
    FAST_RETRY,
    NAMES,
    TOKEN,
    Api,
    config_for,
    live_service,
    statement,
)
from tests.pdf_writer import Rect, Text, pdf_bytes, text_width

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _logs_to_caplog(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers log from their threads; never to a stream an earlier ``main()`` call captured."""
    logger = logging.getLogger("briefing")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "propagate", True)


@pytest.fixture
def model() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(responder=echo_model) as server:
        yield server


@pytest.fixture
def api(model: FakeOpenAI, tmp_path: Path) -> Iterator[Api]:
    with live_service(config_for(model, tmp_path / "cache"), workers=2) as client:
        yield client


# ----------------------------------------------------------------------------- the happy path


def test_submit_poll_fetch(api: Api) -> None:
    submitted = api.call("POST", "/jobs", statement("Alder", 1))
    assert submitted.status == 202, submitted.text
    job = submitted.json()
    assert submitted.headers["location"] == f"/jobs/{job['id']}"
    assert job["status"] in ("queued", "running") and job["sources"] == 1
    done = api.wait(job["id"])
    assert done["status"] == "done", done
    assert done["progress"]["fraction"] == 1 and done["progress"]["messages"]
    assert done["summary"]["positions"] == 1 and done["summary"]["events"] == 1
    assert done["created_at"] <= done["started_at"] <= done["finished_at"]

    brief = api.call("GET", f"/jobs/{job['id']}/brief")
    assert brief.status == 200 and brief.headers["content-type"].startswith("text/markdown")
    assert "Envoy Alder" in brief.text and "protects alder farmers" in brief.text
    facts = api.call("GET", f"/jobs/{job['id']}/facts").json()
    assert facts["topic"] == "the draft treaty" and facts["sources"][0]["path"] == "submitted"
    for evidence in facts["positions"][0]["evidence"]:
        text = facts["sources"][0]["text"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    review = api.call("GET", f"/jobs/{job['id']}/review")
    assert review.status == 200 and review.text.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in review.headers["content-security-policy"]
    assert review.headers["x-content-type-options"] == "nosniff"

    listed = api.call("GET", "/jobs").json()["jobs"]
    assert [entry["id"] for entry in listed] == [job["id"]]
    assert api.call("GET", "/jobs?status=queued").json() == {"jobs": []}
    health = api.call("GET", "/health").json()
    assert health["status"] == "ok" and health["workers"] == 2


def test_an_ended_job_keeps_no_documents_and_can_be_deleted(api: Api, tmp_path: Path) -> None:
    """Once a job has ended, the documents submitted with it are not kept in the state file
    (its fact sheet keeps the text the brief quotes); DELETE removes the job and its results."""
    request = statement("Juniper", 11)
    request["sources"].append(
        {
            "file": {
                "name": "memo.pdf",
                "content_base64": base64.b64encode(_pdf_statement("Juniper")).decode(),
            }
        }
    )
    job = api.call("POST", "/jobs", request).json()
    assert api.wait(job["id"])["status"] == "done"
    with sqlite3.connect(tmp_path / "cache" / STATE_FILE) as db:
        (kept,) = db.execute("SELECT request FROM jobs WHERE id = ?", (job["id"],)).fetchone()
    assert kept == ""
    assert api.call("GET", f"/jobs/{job['id']}/facts").status == 200

    deleted = api.call("DELETE", f"/jobs/{job['id']}")
    assert deleted.status == 204 and deleted.body == b""
    for path in ("", "/brief", "/facts", "/review"):
        assert api.call("GET", f"/jobs/{job['id']}{path}").status == 404
    assert api.call("DELETE", f"/jobs/{job['id']}").status == 404
    assert api.call("GET", "/jobs").json() == {"jobs": []}
    with sqlite3.connect(tmp_path / "cache" / STATE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM results").fetchone() == (0,)


def test_a_brief_since_an_earlier_job_shows_what_changed(api: Api) -> None:
    """``options.since`` names an earlier finished job: the brief shows what changed since
    its brief; a job that is not finished, or is unknown, is refused at once."""
    first = api.call("POST", "/jobs", statement("Alder", 1)).json()
    assert api.wait(first["id"])["status"] == "done"
    later = statement("Birch", 2)
    later["sources"] += statement("Alder", 1)["sources"]
    later["options"] = {"since": first["id"]}
    second = api.call("POST", "/jobs", later).json()
    assert api.wait(second["id"])["status"] == "done"
    brief = api.call("GET", f"/jobs/{second['id']}/brief").text
    section = brief.split("## Since the last brief", 1)[1].split("\n## ", 1)[0]
    assert "(1 source); new here: source 1." in section
    assert "- New position: Envoy Birch, " in section and "Alder" not in section
    refused = api.call("POST", "/jobs", {**statement("Cedar", 3), "options": {"since": "nope"}})
    assert refused.status == 409 and "no finished job 'nope'" in refused.text


def test_source_text_is_data_not_markup(api: Api) -> None:
    request = statement("Birch", 2)
    request["sources"][0]["text"] += "\n\n<script>alert(1)</script> [x](javascript:alert(2))"
    request["sources"][0]["url"] = "javascript:alert(3)"
    job = api.call("POST", "/jobs", request).json()
    assert api.wait(job["id"])["status"] == "done"
    page = api.call("GET", f"/jobs/{job['id']}/review").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert 'href="javascript:' not in page


def test_twenty_jobs_at_once_none_lost_or_mixed_up(model: FakeOpenAI, tmp_path: Path) -> None:
    started = time.monotonic()
    with live_service(config_for(model, tmp_path / "cache"), workers=4) as api:
        requests = [statement(name, number) for number, name in enumerate(NAMES)]
        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            answers = list(pool.map(lambda body: api.call("POST", "/jobs", body), requests))
        assert [answer.status for answer in answers] == [202] * len(requests)
        ids = [answer.json()["id"] for answer in answers]
        assert len(set(ids)) == len(ids)
        finished = [api.wait(job_id) for job_id in ids]
        assert [status["status"] for status in finished] == ["done"] * len(ids)
        briefs = [api.call("GET", f"/jobs/{job_id}/brief").text for job_id in ids]
        facts = [api.call("GET", f"/jobs/{job_id}/facts").json() for job_id in ids]
        listed = api.call("GET", "/jobs?status=done&limit=1000").json()["jobs"]
    print(f"20 jobs submitted at once, all done in {time.monotonic() - started:.1f} s")
    assert sorted(entry["id"] for entry in listed) == sorted(ids)
    for name, brief, sheet in zip(NAMES, briefs, facts):
        others = [other for other in NAMES if other != name]
        assert f"Envoy {name}" in brief, brief
        assert not [other for other in others if other in brief]
        assert [actor["name"] for actor in sheet["actors"]] == [f"Envoy {name}"]
        assert sheet["sources"][0]["title"].endswith(f"envoy {name} backs the treaty")


def test_the_embedded_model_starts_once_for_all_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.backends import embedded

    started: list[str] = []
    slots: list[object] = []

    class OneFakeServer:
        prefixes = None  # no saved instruction states

        def __init__(self, *args: object, parallel: int = 1, **kwargs: object) -> None:
            slots.append(parallel)
            self.fake = FakeOpenAI(responder=echo_model)

        def __enter__(self) -> OneFakeServer:
            self.fake.__enter__()
            return self

        def start(self) -> str:
            started.append(self.fake.base_url)
            return self.fake.base_url

        def __exit__(self, *exc: object) -> None:
            self.fake.__exit__()

    monkeypatch.setattr(embedded, "EmbeddedServer", OneFakeServer)
    monkeypatch.setattr(embedded, "assemble_model", lambda directory, progress: Path("m.gguf"))
    config = BriefConfig(cache_dir=str(tmp_path / "cache"), retry=FAST_RETRY)
    with live_service(config, workers=3) as api:
        ids = [
            api.call("POST", "/jobs", statement(name, n)).json()["id"]
            for n, name in enumerate(NAMES[:6])
        ]
        assert [api.wait(job_id)["status"] for job_id in ids] == ["done"] * 6
        facts = api.call("GET", f"/jobs/{ids[0]}/facts").json()
    assert slots == [3] and len(set(started)) == 1  # one server, a slot per worker
    assert facts["run"]["endpoint"] == "embedded"


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({}, "sources: Field required"),
        ({"sources": []}, "sources: List should have at least 1 item"),
        ({"sources": [{"title": "t", "text": "  \n "}]}, "sources.0.text: String should match"),
        ({"sources": [{"title": "t", "text": "x", "colour": "red"}]}, "sources.0.colour"),
        ({"sources": [{"title": "t", "text": "Share"}]}, "no article text left after cleaning"),
        ({"sources": [{"title": "t"}]}, "sources.0.text: Field required"),
        (
            {
                "sources": [
                    {"title": "t", "text": "x", "file": {"name": "a.pdf", "content_base64": "QQ=="}}
                ]
            },
            "sources.0.text: Extra inputs are not permitted",
        ),
        (
            {"sources": [{"file": {"name": "a.pdf", "content_base64": "not base64!"}}]},
            "sources.0.file.content_base64: String should match",
        ),
        (
            {"sources": [{"file": {"name": "setup.exe", "content_base64": "QUJD"}}]},
            "sources.0.file.name: String should match",
        ),
        ({**statement("Cedar", 3), "options": {"chunk_chars": 10}}, "options.chunk_chars"),
        ({**statement("Cedar", 3), "options": {"also_named": -1}}, "options.also_named"),
    ],
)
def test_bad_input_is_422_with_a_reason(api: Api, body: dict[str, Any], detail: str) -> None:
    answer = api.call("POST", "/jobs", body)
    assert answer.status == 422, answer.text
    assert answer.json()["error"] == "invalid_request" and detail in answer.json()["detail"]
    assert api.call("GET", "/jobs").json() == {"jobs": []}  # nothing was stored


def _pdf_statement(name: str) -> bytes:
    """The text of ``statement(name, 5)`` as a one-page PDF with a running footer."""
    text = statement(name, 5)["sources"][0]["text"]
    lines: list[Text | Rect] = []
    y = 720.0
    for paragraph in text.split("\n\n"):
        line = ""
        for word in paragraph.split():
            if line and text_width(f"{line} {word}", 11) > 468:
                lines.append(Text(line, 72, y, 11))
                y, line = y - 14, word
            else:
                line = f"{line} {word}".strip()
        lines.append(Text(line, 72, y, 11))
        y -= 28
    return pdf_bytes([[*lines, Text("1", 300, 40, 8)]], title=f"Round 5: envoy {name}")


def test_a_pdf_uploaded_as_a_file_is_briefed_with_its_pages(api: Api) -> None:
    """A source may be a file (base64): read as a file of its name would be, so a PDF's
    notes give their page; the request's title replaces the file's."""
    content = base64.b64encode(_pdf_statement("Hazel")).decode()
    body = {
        "sources": [
            {"file": {"name": "reports/round5.pdf", "content_base64": content}, "title": "Round 5"}
        ],
        "topic": "the draft treaty",
    }
    submitted = api.call("POST", "/jobs", body)
    assert submitted.status == 202, submitted.text
    done = api.wait(submitted.json()["id"])
    assert done["status"] == "done", done
    facts = api.call("GET", f"/jobs/{done['id']}/facts").json()
    (source,) = facts["sources"]
    assert source["path"] == "round5.pdf" and source["title"] == "Round 5"
    assert source["page_starts"] == [] and "Envoy Hazel said" in source["text"]
    brief = api.call("GET", f"/jobs/{done['id']}/brief").text
    assert "Envoy Hazel" in brief and "match, page 1)" in brief


def test_an_uploaded_e_mail_gives_its_title_to_the_message_not_its_attachments() -> None:
    """An .eml upload is read as an .eml file is: the message, then its attachments as
    sources of their own; the title the request gives names the message only."""
    mail = EmailMessage()
    mail["From"] = "Press Office <press@envoy.example>"
    mail["Subject"] = "Statement by envoy Hazel"
    mail["Date"] = "Mon, 30 Nov 2026 10:00:00 +0000"
    text = statement("Hazel", 5)["sources"][0]["text"]
    mail.set_content(
        f"{text}\n\nEnvoy Hazel will brief the committee on the draft's farm rules, "
        "its customs chapter and the timetable for ratification next week."
    )
    mail.add_attachment(
        _pdf_statement("Ivy"), maintype="application", subtype="pdf", filename="ivy.pdf"
    )
    content = base64.b64encode(bytes(mail)).decode()
    request = {
        "sources": [{"file": {"name": "in/hazel.eml", "content_base64": content}, "title": "Hazel"}]
    }
    message, attached = job_sources(JobRequest.model_validate(request))
    assert (message.path, message.title, message.outlet) == ("hazel.eml", "Hazel", "Press Office")
    assert (attached.path, attached.title) == ("hazel.eml#ivy.pdf", "Round 5: envoy Ivy")
    assert "Envoy Ivy said" in attached.text


def test_a_request_names_who_wrote_each_source() -> None:
    """``author`` in a request: a text's and an uploaded file's (over what the file says)."""
    page = b'<html><head><meta name="author" content="Web Desk"></head><p>I back it.</p></html>'
    request = {
        "sources": [
            {"title": "Response", "text": "We oppose the levy.", "author": "Harbour Traders"},
            {"file": {"name": "op-ed.html", "content_base64": base64.b64encode(page).decode()}},
            {
                "file": {
                    "name": "b.html",
                    "content_base64": base64.b64encode(page.replace(b"back", b"like")).decode(),
                },
                "author": "Amara Okafor",
            },
        ]
    }
    sources = job_sources(JobRequest.model_validate(request))
    assert [source.author for source in sources] == ["Harbour Traders", "Web Desk", "Amara Okafor"]


def test_an_unreadable_file_fails_its_job_saying_why(api: Api) -> None:
    body = {"sources": [{"file": {"name": "round6.pdf", "content_base64": "JVBERi0xLjQK"}}]}
    submitted = api.call("POST", "/jobs", body)
    assert submitted.status == 202, submitted.text
    failed = api.wait(submitted.json()["id"])
    assert failed["status"] == "failed"
    assert failed["error"] == "cannot read PDF: round6.pdf (damaged or not a PDF)"


def test_malformed_json_is_422(api: Api) -> None:
    answer = api.call("POST", "/jobs", raw=b'{"sources": [')
    assert answer.status == 422 and answer.json()["error"] == "invalid_request"


def test_too_large_is_413_whatever_the_length_header_says(
    model: FakeOpenAI, tmp_path: Path
) -> None:
    with live_service(config_for(model, tmp_path / "c"), max_request_bytes=2000) as api:
        big = statement("Dogwood", 4)
        big["sources"][0]["text"] += " more words" * 300
        answer = api.call("POST", "/jobs", big)
        assert answer.status == 413
        assert answer.json() == {
            "error": "too_large",
            "detail": "the request body exceeds 2,000 bytes",
        }
        # A chunked body declares no length; it is counted as it arrives.
        chunked = api.call(
            "POST", "/jobs", raw=json.dumps(big).encode(), headers={"Transfer-Encoding": "chunked"}
        )
        assert chunked.status == 413
        assert api.call("POST", "/jobs", statement("Dogwood", 4)).status == 202


def test_unknown_job_is_404_and_unfinished_results_are_409(
    model: FakeOpenAI, tmp_path: Path
) -> None:
    release = threading.Event()

    def slow(request: dict[str, Any]) -> Reply:
        release.wait(30)
        return echo_model(request)

    model.responder = slow
    with live_service(config_for(model, tmp_path / "c"), workers=1) as api:
        for path in ("/jobs/nope", "/jobs/nope/brief", "/jobs/nope/facts", "/jobs/nope/review"):
            answer = api.call("GET", path)
            assert answer.status == 404 and answer.json()["error"] == "not_found"
        assert api.call("POST", "/jobs/nope/cancel").status == 404
        assert api.call("GET", "/nowhere").json()["error"] == "not_found"
        assert api.call("DELETE", "/jobs").status == 405

        assert api.call("DELETE", "/jobs/nope").status == 404

        job = api.call("POST", "/jobs", statement("Elm", 5)).json()
        for result in ("brief", "facts", "review"):
            answer = api.call("GET", f"/jobs/{job['id']}/{result}")
            assert answer.status == 409 and answer.json()["error"] == "not_ready"
        busy = api.call("DELETE", f"/jobs/{job['id']}")
        assert busy.status == 409 and busy.json()["error"] == "not_finished"
        release.set()
        assert api.wait(job["id"])["status"] == "done"
        again = api.call("POST", f"/jobs/{job['id']}/cancel")
        assert again.status == 409 and again.json()["error"] == "already_finished"


def test_cancel_a_queued_and_a_running_job(model: FakeOpenAI, tmp_path: Path) -> None:
    arrived = threading.Event()
    release = threading.Event()

    def holds_the_first(request: dict[str, Any]) -> Reply:
        if not arrived.is_set():
            arrived.set()
            release.wait(30)
        return echo_model(request)

    model.responder = holds_the_first
    many_chunks = statement("Fir", 6)
    many_chunks["sources"][0]["text"] += "\n\n" + "Delegates kept talking. " * 100
    many_chunks["options"] = {"chunk_chars": 300}
    with live_service(config_for(model, tmp_path / "c"), workers=1) as api:
        running = api.call("POST", "/jobs", many_chunks).json()
        queued = api.call("POST", "/jobs", statement("Ginkgo", 7)).json()
        assert arrived.wait(10)
        cancelled = api.call("POST", f"/jobs/{queued['id']}/cancel").json()
        assert cancelled["status"] == "cancelled" and cancelled["error"]
        with sqlite3.connect(tmp_path / "c" / STATE_FILE) as db:
            requests = dict(db.execute("SELECT id, request FROM jobs"))
        assert requests[queued["id"]] == "" and requests[running["id"]] != ""
        stopping = api.call("POST", f"/jobs/{running['id']}/cancel").json()
        assert stopping["status"] == "running" and stopping["cancel_requested"]
        release.set()
        ended = api.wait(running["id"])
        assert ended["status"] == "cancelled" and "cancelled after 1 of" in ended["error"]
        assert api.call("GET", f"/jobs/{running['id']}/brief").status == 409
        assert api.call("POST", f"/jobs/{queued['id']}/cancel").status == 200  # idempotent
    # The chunk in flight was finished, and perhaps the next one the pipeline had begun; no more.
    steps = re.search(r"of (\d+) steps", ended["error"])
    assert steps is not None and len(model.requests) <= 2 < int(steps.group(1))


def test_a_failing_endpoint_fails_the_job_with_the_reason(
    model: FakeOpenAI, tmp_path: Path
) -> None:
    model.responder = lambda request: Reply(status=404, body={"error": {"message": "no"}})
    with live_service(config_for(model, tmp_path / "c", cache=False)) as api:
        job = api.call("POST", "/jobs", statement("Hazel", 8)).json()
        failed = api.wait(job["id"])
    assert failed["status"] == "failed" and "model 'm'" in failed["error"]
    assert "(HTTP 404)" in failed["error"] and failed["summary"] is None


# ----------------------------------------------------------------------------- security


def test_serve_help_names_every_option_and_the_token(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--help"])
    shown = capsys.readouterr().out
    assert exited.value.code == 0 and "BRIEFING_SERVICE_TOKEN" in shown
    for option in ("--host", "--port", "--workers", "--max-request-bytes", "--state", "--no-cache"):
        assert option in shown


def test_beyond_loopback_needs_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BRIEFING_SERVICE_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--base-url", "http://127.0.0.1:9/v1"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "set BRIEFING_SERVICE_TOKEN" in error
    monkeypatch.setenv("BRIEFING_SERVICE_TOKEN", "short")
    assert main(["serve", "--host", "10.1.2.3", "--base-url", "http://127.0.0.1:9/v1"]) == 2
    assert "at least 16 characters" in capsys.readouterr().err


def test_with_a_token_every_route_but_health_requires_it(
    model: FakeOpenAI, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with live_service(config_for(model, tmp_path / "c"), token=TOKEN) as api:
        anonymous = Api(api.base_url)
        wrong = Api(api.base_url, token=TOKEN[:-1] + "x")
        for path in ("/jobs", "/jobs/x", "/jobs/x/brief", "/openapi.json"):
            for client in (anonymous, wrong):
                answer = client.call("GET", path)
                assert answer.status == 401, (path, answer.text)
                assert answer.headers["www-authenticate"] == "Bearer"
                assert answer.json()["error"] == "unauthorized"
        assert anonymous.call("POST", "/jobs", statement("Ilex", 9)).status == 401
        assert anonymous.call("GET", "/health").status == 200
        job = api.call("POST", "/jobs", statement("Ilex", 9)).json()
        assert api.wait(job["id"])["status"] == "done"
        described = api.call("GET", "/openapi.json").json()
        assert "HTTPBearer" in described["components"]["securitySchemes"]
        seen = json.dumps([api.call("GET", "/jobs").json(), described])
    assert TOKEN not in seen and TOKEN not in caplog.text


def test_openapi_lists_every_route(api: Api) -> None:
    described = api.call("GET", "/openapi.json").json()
    assert set(described["paths"]) == {
        "/health",
        "/jobs",
        "/jobs/{job_id}",
        "/jobs/{job_id}/brief",
        "/jobs/{job_id}/facts",
        "/jobs/{job_id}/review",
        "/jobs/{job_id}/cancel",
    }
    assert "securitySchemes" not in described.get("components", {})  # loopback, no token


def test_a_second_service_on_the_same_state_is_refused(model: FakeOpenAI, tmp_path: Path) -> None:
    config = config_for(model, tmp_path / "c")
    with live_service(config):
        with pytest.raises(Exception, match="another briefing service uses"):
            with live_service(config):
                pass


# ----------------------------------------------------------------------------- restarts


def test_interrupted_jobs_resume_and_finally_fail_with_a_reason(tmp_path: Path) -> None:
    store = JobStore(tmp_path / STATE_FILE)
    job = store.add(JobRequest.model_validate(statement("Juniper", 10)))
    waiting = store.add(JobRequest.model_validate(statement("Kapok", 11)))
    for restart in range(MAX_RESTARTS):
        assert store.claim(job.id) is not None  # running when the service "dies"
        assert store.recover() == [job.id, waiting.id]
        resumed = store.get(job.id)
        assert resumed is not None and resumed.status == "queued"
        assert resumed.restarts == restart + 1
        assert resumed.progress.messages[-1] == "resumed after the service restarted"
    assert store.claim(job.id) is not None
    assert store.recover() == [waiting.id]
    failed = store.get(job.id)
    assert failed is not None and failed.status == "failed" and failed.error
    assert f"stopped {MAX_RESTARTS + 1} times" in failed.error
    assert failed.created_at == job.created_at and failed.sources == 1


def test_a_graceful_stop_requeues_the_running_job_for_the_next_start(
    model: FakeOpenAI, tmp_path: Path
) -> None:
    asked = threading.Event()

    def slow(request: dict[str, Any]) -> Reply:
        asked.set()
        time.sleep(0.2)
        return echo_model(request)

    model.responder = slow
    request = statement("Maple", 13)
    request["sources"][0]["text"] += "\n\n" + " ".join(
        f"Minister Quill said session {n} went on." for n in range(30)
    )
    request["options"] = {"chunk_chars": 300}
    config = config_for(model, tmp_path / "cache")
    with live_service(config, workers=1) as api:
        job = api.call("POST", "/jobs", request).json()
        assert asked.wait(10)
    model.responder = echo_model
    with live_service(config, workers=1) as api:
        ended = api.wait(job["id"])
    assert ended["status"] == "done" and ended["restarts"] == 0
    assert STOPPED_MESSAGE in ended["progress"]["messages"]
    assert ended["summary"]["cached_answers"] >= 1


def _serve_command(base_url: str, cache: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "briefing",
        "serve",
        "--port",
        "0",
        "--workers",
        "1",
        "--base-url",
        base_url,
        "--model",
        "m",
        "--cache-dir",
        str(cache),
    ]


@contextmanager
def _service_process(base_url: str, cache: Path, log: Path) -> Iterator[tuple[Api, Any]]:
    """``briefing serve`` in a subprocess; its address is read from its log."""
    with log.open("w") as err:
        process = subprocess.Popen(
            _serve_command(base_url, cache),
            stderr=err,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    try:
        deadline = time.monotonic() + 60
        while not (found := re.search(r"serving on (http://\S+) ", log.read_text())):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the service never said where it listens"
            time.sleep(0.05)
        yield Api(found.group(1)), process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(30)


def test_killed_mid_job_then_restarted_the_job_ends_done(tmp_path: Path) -> None:
    request = statement("Larch", 12)
    request["sources"][0]["text"] += "\n\n" + " ".join(
        f"Minister Quill said session {n} went on." for n in range(30)
    )
    request["options"] = {"chunk_chars": 300}
    answered = 0
    hung = threading.Event()
    release = threading.Event()
    lock = threading.Lock()

    def hangs_on_the_fourth(body: dict[str, Any]) -> Reply:
        nonlocal answered
        with lock:
            answered += 1
            mine = answered
        if mine == 4:
            hung.set()
            release.wait(30)
            return Reply(status=500)  # nobody is listening any more
        return echo_model(body)

    cache = tmp_path / "cache"
    with FakeOpenAI(responder=hangs_on_the_fourth) as model:
        with _service_process(model.base_url, cache, tmp_path / "first.log") as (api, process):
            submitted = api.call("POST", "/jobs", request).json()
            try:
                assert hung.wait(60), "the job never reached its fourth request"
                before = api.call("GET", f"/jobs/{submitted['id']}").json()
                process.send_signal(signal.SIGKILL)
                process.wait(30)
            finally:
                release.set()
        assert process.returncode == -signal.SIGKILL
        assert before["status"] == "running" and before["progress"]["messages"]
        state = sqlite3.connect(cache / STATE_FILE)
        try:
            assert state.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            state.close()

        model.responder = echo_model
        asked_before_restart = len(model.requests)
        with _service_process(model.base_url, cache, tmp_path / "second.log") as (api, _):
            ended = api.wait(submitted["id"])
            brief = api.call("GET", f"/jobs/{submitted['id']}/brief").text
        asked_after_restart = len(model.requests) - asked_before_restart

    assert ended["status"] == "done", ended
    assert ended["restarts"] == 1 and "resumed after the service restarted" in json.dumps(ended)
    for field in ("id", "created_at", "sources", "topic"):
        assert ended[field] == submitted[field]
    assert ended["summary"]["cached_answers"] == 3  # the three answered before the kill
    assert asked_after_restart == ended["summary"]["model_calls"]

    # The resumed brief is the brief an uninterrupted run writes.
    with FakeOpenAI(responder=echo_model) as model:
        endpoint = Endpoint(base_url=model.base_url, model="m", api_key="x", label="ref")
        config = BriefConfig(topic=request["topic"], chunk_chars=300, cache=False, retry=FAST_RETRY)
        sheet = extract_facts(job_sources(JobRequest.model_validate(request)), endpoint, config)
    reference = render_brief(sheet)
    assert _without_run(brief) == _without_run(reference)


def _without_run(brief: str) -> str:
    """The brief without the line naming the endpoint and the run's time and traffic."""
    return "\n".join(line for line in brief.splitlines() if "model" not in line.lower())


def test_also_named_is_a_job_option(api: Api) -> None:
    """Minister Ola Berg is named three times and quoted nowhere: "also named" by default,
    and left out when the job asks for none."""
    facts = {}
    for also_named in (None, 0):
        request = statement("Alder", 5)
        request["sources"][0]["text"] += (
            "\n\nMinister Ola Berg chaired the round. Ms. Berg opened it. Berg left early."
        )
        if also_named is not None:
            request["options"] = {"also_named": also_named}
        submitted = api.call("POST", "/jobs", request)
        assert submitted.status == 202, submitted.text
        assert api.wait(submitted.json()["id"])["status"] == "done"
        facts[also_named] = api.call("GET", f"/jobs/{submitted.json()['id']}/facts").json()
    named = [actor["name"] for actor in facts[None]["actors"] if actor["named_in"]]
    assert named == ["Minister Ola Berg"]
    assert not any(actor["named_in"] for actor in facts[0]["actors"])
