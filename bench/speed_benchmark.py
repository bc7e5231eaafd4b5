"""Speed and yield of briefing against langextract, side by side, on the same embedded model.

Run from the project root:

    .venv/bin/python bench/speed_benchmark.py                     # the seeds, 3 runs per tool
    .venv/bin/python bench/speed_benchmark.py examples/un-cybercrime-convention --repeat 1

Every run (one tool, one repeat) gets a fresh embedded model server (briefing's own
``EmbeddedServer``: same weights, threads, context and one slot for both tools) in a child
process, behind a small counting proxy in that same child. The tool runs in a second child
(langextract in its own venv, ``/tmp/lxenv/bin/python`` or ``--langextract-python``), so
langextract is never a dependency of this project. Both tools are counted by the same proxy:
calls, ``usage`` and llama.cpp's ``timings`` from every response. Runs alternate between the
tools, so load from other work on the machine falls on both alike.

The floor is what the model must spend at the least: read every source token once and write
the accepted facts once, at the read and write rates llama.cpp reported in the same run. Peak
memory is the model server's RSS high-water mark plus the tool's (in briefing's own embedded
mode both live in one process). A table goes to stdout and every figure, per run, to
``bench/results/speed.json`` (or ``--json PATH``).
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import http.client
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import warnings as warnings_module
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

if TYPE_CHECKING:  # briefing is imported lazily: the langextract worker runs without it
    from briefing import FactSheet
    from briefing.models import Event, Position, Risk

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = PROJECT_ROOT.parent / "shared" / "data" / "seeds"
DEFAULT_JSON = PROJECT_ROOT / "bench" / "results" / "speed.json"
DEFAULT_LANGEXTRACT_PYTHON = Path("/tmp/lxenv/bin/python")
TOOLS = ("briefing", "langextract")
TIMEOUT_SECONDS = 24 * 3600.0  # per request, for both tools: a loaded machine is slow, not stuck
RAW_SUFFIXES = {".txt", ".md", ".markdown"}  # files a langextract user would pass as they are

TARGETS = {
    "yield_ratio": 1.5,  # briefing's grounded facts per 1k tokens over langextract's
    "peak_rss_mb": 3 * 1024,  # briefing's peak memory, model included
    "median_wall_seconds": 90.0,  # briefing's median wall time on the seeds
}

# The worked example briefing's prompt carries (prompts/extract_example_input.j2), given to
# langextract as one ExampleData with the same facts, each as langextract wants it: the
# verbatim span as the extraction text, the rest as attributes.
EXAMPLE_TEXT = (
    "The city council of Lindenfeld voted on 12 March 2023 to introduce a daily congestion "
    'charge of 9 euros from January 2024. Mayor Petra Holm said the charge "will cut traffic '
    "and clean the air our children breathe\". The Lindenfeld Retailers' Association rejected "
    'the plan, warning that "shoppers will simply drive to the out-of-town malls instead". '
    'Transport researcher Omar Diallo said the charge could work, but only "if bus services '
    'are expanded before it starts".'
)
EXAMPLE_EXTRACTIONS: list[tuple[str, str, dict[str, str]]] = [
    (
        "event",
        "voted on 12 March 2023 to introduce a daily congestion charge",
        {"date": "12 March 2023"},
    ),
    (
        "position",
        "will cut traffic and clean the air our children breathe",
        {"actor": "Petra Holm", "stance": "supports"},
    ),
    (
        "position",
        "The Lindenfeld Retailers' Association rejected the plan",
        {"actor": "Lindenfeld Retailers' Association", "stance": "opposes"},
    ),
    (
        "risk",
        "shoppers will simply drive to the out-of-town malls instead",
        {"raised_by": "Lindenfeld Retailers' Association"},
    ),
    (
        "position",
        "if bus services are expanded before it starts",
        {"actor": "Omar Diallo", "stance": "mixed"},
    ),
]
PROMPT = """\
Extract facts about one policy topic from a news text, for a policy brief: {topic}.
- position: what a named person, organisation, company or government thinks of the topic. \
Attributes: actor (who), stance (supports, opposes, concerned, mixed or neutral).
- risk: a harm that someone named in the text warns about. Attribute: raised_by (who).
- event: something the text gives a date for. Attribute: date.
Use exact text from the input for extraction_text, in order of appearance. Do not paraphrase \
and do not overlap extractions."""


# --------------------------------------------------------------------------- counting proxy


_HOP_HEADERS = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
    "accept-encoding",  # keep answers plain, so they can be read
}


class Tally:
    """Sums what the model server's answers report, the same way for every tool."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.first_request: dict[str, Any] | None = None

    def add(self, body: bytes | None, status: int, answer: bytes, seconds: float) -> None:
        try:
            reply = json.loads(answer)
        except ValueError:
            reply = None
        with self.lock:
            if status != 200:
                self.errors.append(f"HTTP {status}: {answer[:200].decode(errors='replace')}")
                return
            if not isinstance(reply, dict) or "usage" not in reply:
                return
            request = json.loads(body) if body else {}
            if self.first_request is None and request:
                self.first_request = _describe_request(request)
            usage = reply.get("usage") or {}
            timings = reply.get("timings") or {}
            self.calls.append(
                {
                    "seconds": round(seconds, 2),
                    "prompt_tokens": usage.get("prompt_tokens", 0),
                    "completion_tokens": usage.get("completion_tokens", 0),
                    "prompt_n": timings.get("prompt_n", 0),
                    "prompt_ms": timings.get("prompt_ms", 0.0),
                    "predicted_n": timings.get("predicted_n", 0),
                    "predicted_ms": timings.get("predicted_ms", 0.0),
                    "cache_n": timings.get("cache_n", 0),
                    "finish_reason": (reply.get("choices") or [{}])[0].get("finish_reason"),
                    "max_tokens": request.get("max_tokens"),
                }
            )

    def summary(self) -> dict[str, Any]:
        with self.lock:
            calls = list(self.calls)

            def total(key: str) -> Any:
                return sum(call[key] for call in calls)

            return {
                "calls": len(calls),
                "prompt_tokens": total("prompt_tokens"),
                "completion_tokens": total("completion_tokens"),
                "cached_prompt_tokens": total("cache_n"),
                "prompt_n": total("prompt_n"),
                "prompt_ms": round(total("prompt_ms"), 1),
                "predicted_n": total("predicted_n"),
                "predicted_ms": round(total("predicted_ms"), 1),
                # A one-token read (a stance label, ``ChatClient.ask_choice``) stops at its
                # limit by design: not an answer cut off.
                "cut_off": sum(
                    1
                    for call in calls
                    if call["finish_reason"] == "length" and call.get("max_tokens") != 1
                ),
                "errors": list(self.errors),
                "first_request": self.first_request,
                "per_call": calls,
            }


def _describe_request(request: dict[str, Any]) -> dict[str, Any]:
    """What a tool sent besides the messages, so the README can say it from a measurement."""
    described: dict[str, Any] = {}
    for key, value in request.items():
        if key == "messages":
            described[key] = [
                {"role": m.get("role"), "chars": len(str(m.get("content")))} for m in value
            ]
        elif key == "response_format" and isinstance(value, dict):
            described[key] = value.get("type")
        else:
            described[key] = value
    return described


def start_proxy(upstream: str, tally: Tally) -> ThreadingHTTPServer:
    """Forward every request to ``upstream`` (the model server's root) and tally the answers."""
    target = urlparse(upstream)

    class Forward(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._forward()

        def do_POST(self) -> None:
            self._forward()

        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS}
            started = time.monotonic()
            upstream_conn = http.client.HTTPConnection(target.hostname or "", target.port)
            try:
                upstream_conn.request(self.command, self.path, body=body, headers=headers)
                response = upstream_conn.getresponse()
                answer = response.read()
                status, answer_headers = response.status, response.getheaders()
            finally:
                upstream_conn.close()
            tally.add(body, status, answer, time.monotonic() - started)
            self.send_response(status)
            for key, value in answer_headers:
                if key.lower() not in _HOP_HEADERS:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # one line per request would bury the tools' own progress

    proxy = ThreadingHTTPServer(("127.0.0.1", 0), Forward)
    proxy.daemon_threads = True
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    return proxy


def serve_worker(threads: int | None, prefix_dir: str | None) -> int:
    """Child process: the embedded model server and its proxy, until stdin closes.

    Prints one JSON line with the URLs when ready, and one with the tally and this process's
    peak RSS (the model's memory) at the end.
    """
    from briefing.backends.embedded import EmbeddedServer, assemble_model
    from briefing.config import cache_dir

    started = time.monotonic()
    server = EmbeddedServer(
        assemble_model(cache_dir()),
        threads=threads,
        prefix_dir=Path(prefix_dir) if prefix_dir else None,
    )
    root = server.start().removesuffix("/v1")
    tally = Tally()
    proxy = start_proxy(root, tally)
    ready = {
        "server": root,
        "proxy": f"http://127.0.0.1:{proxy.server_address[1]}",
        "load_seconds": round(time.monotonic() - started, 1),
        "threads": server.threads,
    }
    print(json.dumps(ready), flush=True)
    sys.stdin.read()  # the parent closes stdin when the run is over
    proxy.shutdown()
    summary = tally.summary()
    summary["peak_rss_mb"] = round(_peak_rss_mb())
    server.stop()
    print(json.dumps(summary), flush=True)
    return 0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@dataclass
class ModelServer:
    """The parent's handle on a ``serve_worker`` child."""

    process: subprocess.Popen[str]
    log: Any
    ready: dict[str, Any]

    @classmethod
    def start(cls, threads: int | None, prefix_dir: str | None = None) -> ModelServer:
        log = tempfile.TemporaryFile(mode="w+")
        command = [sys.executable, str(Path(__file__).resolve()), "--serve-worker"]
        if threads:
            command += ["--threads", str(threads)]
        if prefix_dir:
            command += ["--prefix-dir", prefix_dir]
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            process.wait()
            log.seek(0)
            tail = " | ".join(log.read().strip().splitlines()[-3:])
            raise RuntimeError(f"the model server did not start: {tail}")
        return cls(process, log, json.loads(line))

    def stop(self) -> dict[str, Any]:
        """Close the server's stdin and return its tally."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        line = self.process.stdout.readline()
        self.process.wait()
        self.log.close()
        summary: dict[str, Any] = json.loads(line) if line else {"errors": ["no tally"]}
        return summary

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


def tokenize(server_root: str, texts: Sequence[str]) -> int:
    """Tokens of ``texts`` by the model's own tokenizer (llama.cpp's ``POST /tokenize``)."""
    count = 0
    for text in texts:
        request = urllib.request.Request(
            server_root + "/tokenize",
            data=json.dumps({"content": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            count += len(json.loads(response.read())["tokens"])
    return count


# --------------------------------------------------------------------------- tool workers


def _count(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def briefing_facts(sheet: FactSheet, cite: str) -> list[str]:
    """Each grounded fact as the model wrote its draft, compact JSON: with quotes, its first
    quote and its summary, description or date; with sentence citations, who, the number of
    the sentence (counted in its source) and the label, since the sentence is the fact's text
    and code reads the kind of actor and the date; a risk there is the ``risk`` label on its
    raiser's position on the same sentence (a position of its own where there is none)."""
    from briefing.chunking import split_sentences

    actors = {actor.id: actor for actor in sheet.actors}
    starts = {s.id: [a for a, _ in split_sentences(s.text)] for s in sheet.sources}

    def sentence(fact: Position | Risk | Event) -> int:
        first = fact.evidence[0]
        return bisect.bisect_right(starts[first.source_id], first.start)

    if cite == "quotes":
        facts: list[dict[str, Any]] = []
        for position in sheet.positions:
            actor = actors[position.actor_id]
            facts.append(
                {
                    "actor": actor.name,
                    "actor_kind": actor.kind,
                    "quote": position.evidence[0].quote,
                    "summary": position.summary,
                    "stance": position.stance,
                }
            )
        for risk in sheet.risks:
            facts.append(
                {
                    "raised_by": ", ".join(actors[a].name for a in risk.raised_by if a in actors),
                    "quote": risk.evidence[0].quote,
                    "description": risk.description,
                    "category": risk.category,
                }
            )
        for event in sheet.events:
            facts.append(
                {
                    "quote": event.evidence[0].quote,
                    "date": event.date,
                    "description": event.description,
                }
            )
        return [compact(fact) for fact in facts]
    drafts: dict[tuple[str, int], dict[str, Any]] = {}
    for position in sheet.positions:
        name, number = actors[position.actor_id].name, sentence(position)
        drafts[(name, number)] = {"actor": name, "sentence": number, "stance": position.stance}
    for risk in sheet.risks:
        names = [actors[a].name for a in risk.raised_by if a in actors]
        number = sentence(risk)
        held = [drafts[(name, number)] for name in names if (name, number) in drafts]
        if held:
            held[0]["risk"] = risk.category
        else:
            drafts[(", ".join(names), number)] = {
                "actor": ", ".join(names),
                "sentence": number,
                "stance": "concerned",
                "risk": risk.category,
            }
    events = [{"sentence": sentence(event)} for event in sheet.events]
    return [compact(fact) for fact in [*drafts.values(), *events]]


def briefing_worker(request: Path, reply: Path) -> int:
    """Child process: one brief's fact sheet, exactly as ``briefing generate`` would make it."""
    from briefing import BriefConfig, extract_facts, load_sources
    from briefing.backends.embedded import MODEL_NAME, prefix_identity
    from briefing.backends.prefixes import PrefixStore
    from briefing.config import remote_endpoint

    job = json.loads(request.read_text(encoding="utf-8"))
    config = BriefConfig(
        topic=job["topic"],
        base_url=job["proxy"] + "/v1",
        model=MODEL_NAME,
        api_key="not-needed",
        chunk_chars=job["chunk_chars"],
        # Through the proxy the embedded model looks like any endpoint: keep its own default.
        cite=job["cite"],
        stance_check=job["stance_check"],
        bottom_line=job["bottom_line"],
        cache=False,  # the response cache would answer instead of the model
        timeout=TIMEOUT_SECONDS,  # the local model is slow, not stuck
    )
    # As `briefing generate` with the embedded model: its saved instruction states are used
    # (restored through the proxy, which forwards the server's /slots routes) unless turned off.
    # The embedded endpoint's server features too: it continues an answer begun in the
    # assistant turn, so a stance is read from one generated token (``ChatClient.ask_choice``).
    endpoint = dataclasses.replace(remote_endpoint(config), continues_answers=True)
    store = None
    if job.get("prefix_dir"):
        store = PrefixStore(lambda: job["proxy"], Path(job["prefix_dir"]), prefix_identity())
        endpoint = dataclasses.replace(endpoint, prefixes=store)
    started = time.monotonic()
    try:
        sources = load_sources(job["paths"], max_bytes=config.max_source_bytes)
        sheet = extract_facts(
            sources, endpoint, config, progress=lambda m: print(f"  {m}", file=sys.stderr)
        )
    except Exception as exc:  # reported, not raised: the other tool's figures still count
        result: dict[str, Any] = {"error": f"{type(exc).__name__}: {exc}"}
    else:
        usage = sheet.run.usage
        result = {
            "wall_seconds": round(time.monotonic() - started, 2),
            "grounded_facts": len(sheet.positions) + len(sheet.risks) + len(sheet.events),
            "facts": briefing_facts(sheet, job["cite"]),
            "detail": {
                "chunks": sheet.run.chunks,
                "skipped_chunks": len(sheet.run.skipped_chunks),
                "positions": len(sheet.positions),
                "risks": len(sheet.risks),
                "events": len(sheet.events),
                "actors": len(sheet.actors),
                "rejected_drafts": len(sheet.rejected),
                "reasks": usage.reasks,
                "retries": usage.retries,
                "own_count": {
                    "calls": usage.calls,
                    "prompt_tokens": usage.prompt_tokens,
                    "completion_tokens": usage.completion_tokens,
                },
                "bottom_line": sheet.run.bottom_line,
                "prefixes": (
                    {"restored": store.restored, "saved": store.saved} if store else "off"
                ),
                "by_match": _count(
                    [p.evidence[0].match for p in sheet.positions]
                    + [r.evidence[0].match for r in sheet.risks]
                    + [e.evidence[0].match for e in sheet.events]
                ),
            },
        }
    result["peak_rss_mb"] = round(_peak_rss_mb())
    reply.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


def langextract_worker(request: Path, reply: Path) -> int:
    """Child process, in langextract's venv: ``lx.extract`` over the documents.

    The OpenAI provider is named explicitly: the model id starts with "qwen", which
    langextract would otherwise route to its Ollama provider.
    """
    from importlib.metadata import version

    import langextract as lx  # type: ignore[import-not-found]
    import openai

    class PatientClient(openai.OpenAI):
        """The provider builds its own client with openai's 600 s timeout; on a loaded 2-core
        machine one answer can take longer, and the retry would queue behind it. briefing's
        timeout is lifted the same way."""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**{"timeout": TIMEOUT_SECONDS, **kwargs})

    openai.OpenAI = PatientClient  # type: ignore[misc]

    # Naming the provider through ``config`` is deliberate; the schema still comes from the
    # example, as the warning says.
    warnings_module.filterwarnings("ignore", message="With 'config'")

    job = json.loads(request.read_text(encoding="utf-8"))
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(record.getMessage()[:300])

    collector = Collect(level=logging.WARNING)
    logging.getLogger().addHandler(collector)
    logging.getLogger("absl").addHandler(collector)
    logging.getLogger("absl").propagate = False  # counted once, not also through the root

    examples = [
        lx.data.ExampleData(
            text=job["example_text"],
            extractions=[
                lx.data.Extraction(extraction_class=cls, extraction_text=text, attributes=attrs)
                for cls, text, attrs in job["example_extractions"]
            ],
        )
    ]
    config = lx.factory.ModelConfig(
        model_id=job["model"],
        provider="OpenAILanguageModel",
        provider_kwargs={
            "base_url": job["proxy"] + "/v1",
            "api_key": "not-needed",
            "temperature": 0.0,
            "max_workers": 1,
            "max_output_tokens": job["max_tokens"],
        },
    )
    documents = [lx.data.Document(text=d["text"], document_id=d["id"]) for d in job["documents"]]
    started = time.monotonic()
    try:
        annotated = list(
            lx.extract(
                documents,
                prompt_description=job["prompt"],
                examples=examples,
                config=config,
                max_char_buffer=job["chunk_chars"],
                max_workers=1,
                batch_length=1,
                extraction_passes=1,
                show_progress=False,
            )
        )
    except Exception as exc:  # reported, not raised: briefing's figures still count
        result: dict[str, Any] = {"error": f"{type(exc).__name__}: {exc}"}
    else:
        wall = time.monotonic() - started
        extractions = []
        for document in annotated:
            for item in document.extractions or []:
                interval = item.char_interval
                status = item.alignment_status
                extractions.append(
                    {
                        "document": document.document_id,
                        "class": item.extraction_class,
                        "text": item.extraction_text,
                        "attributes": item.attributes,
                        "span": None
                        if interval is None
                        else [interval.start_pos, interval.end_pos],
                        "status": None if status is None else status.name,
                    }
                )
        grounded = [e for e in extractions if e["span"] is not None and e["status"] is not None]
        result = {
            "wall_seconds": round(wall, 2),
            "grounded_facts": len(grounded),
            # As the model writes an extraction: {"class": text, "class_attributes": {...}}.
            "facts": [
                compact({e["class"]: e["text"], f"{e['class']}_attributes": e["attributes"]})
                for e in grounded
            ],
            "detail": {
                "version": version("langextract"),
                "extractions": len(extractions),
                "ungrounded": len(extractions) - len(grounded),
                "by_class": _count(e["class"] for e in grounded),
                "by_match": _count(str(e["status"]) for e in extractions),
                "warnings": warnings,
                "extractions_list": extractions,
            },
        }
    result["peak_rss_mb"] = round(_peak_rss_mb())
    reply.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- runs


def run_tool(python: Path, mode: str, job: dict[str, Any]) -> dict[str, Any]:
    """Run one tool's worker in a child process; its stderr (progress) passes through."""
    with tempfile.TemporaryDirectory() as folder:
        request, reply = Path(folder) / "job.json", Path(folder) / "reply.json"
        request.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        started = time.monotonic()
        done = subprocess.run(
            [str(python), str(Path(__file__).resolve()), mode, str(request), str(reply)],
            check=False,
        )
        process_seconds = time.monotonic() - started
        if done.returncode != 0 or not reply.exists():
            return {"error": f"worker exited with status {done.returncode}"}
        result: dict[str, Any] = json.loads(reply.read_text(encoding="utf-8"))
    result["process_seconds"] = round(process_seconds, 2)
    return result


def one_run(
    tool: str, python: Path, job: dict[str, Any], threads: int | None, source_texts: list[str]
) -> dict[str, Any]:
    """A fresh model server, one tool's run through its proxy, then the tally and the floor."""
    load = os.getloadavg()[0]
    server = ModelServer.start(threads, job.get("prefix_dir") if tool == "briefing" else None)
    try:
        mode = "--briefing-worker" if tool == "briefing" else "--langextract-worker"
        result = run_tool(python, mode, {**job, "proxy": server.ready["proxy"]})
        source_tokens = tokenize(server.ready["server"], source_texts)
        given = source_texts if tool == "briefing" else [d["text"] for d in job["documents"]]
        input_tokens = (
            source_tokens if given is source_texts else tokenize(server.ready["server"], given)
        )
        fact_tokens = tokenize(server.ready["server"], result.get("facts", []))
    except BaseException:
        server.kill()
        raise
    tally = server.stop()
    if tool == "langextract" and "detail" in result:
        outside = outside_clean_text(
            result["detail"]["extractions_list"], job["documents"], source_texts
        )
        result["detail"]["grounded_outside_clean_text"] = len(outside)
        result["detail"]["outside_clean_text"] = outside
    result.update(
        {
            "server": {k: server.ready[k] for k in ("load_seconds", "threads")},
            "server_peak_rss_mb": tally.pop("peak_rss_mb", None),
            "tally": tally,
            "source_tokens": source_tokens,
            "input_tokens": input_tokens,
            "fact_tokens": fact_tokens,
            "load_average_before": round(load, 2),
        }
    )
    return result


def outside_clean_text(
    extractions: list[dict[str, Any]], documents: list[dict[str, Any]], clean_texts: list[str]
) -> list[str]:
    """Grounded langextract spans that briefing's cleaning drops (page chrome, teasers).

    Whitespace is collapsed on both sides, since cleaning rewraps paragraphs.
    """
    raw = {document["id"]: document["text"] for document in documents}
    clean = {
        document["id"]: " ".join(text.split()) for document, text in zip(documents, clean_texts)
    }
    outside = []
    for item in extractions:
        if item["span"] is None or item["status"] is None:
            continue
        start, end = item["span"]
        span = " ".join(raw[item["document"]][start:end].split())
        if span and span not in clean[item["document"]]:
            outside.append(span)
    return outside


def figures(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """A tool's figures: median wall, the median run's counts and floor, the worst peak RSS."""
    ok = [run for run in runs if "error" not in run]
    if not ok:
        return {"status": "failed: " + "; ".join(run["error"] for run in runs)}
    walls = [run["wall_seconds"] for run in ok]
    median_run = sorted(ok, key=lambda run: run["wall_seconds"])[(len(ok) - 1) // 2]
    tally = median_run["tally"]
    read_rate = 1000 * tally["prompt_n"] / tally["prompt_ms"] if tally["prompt_ms"] else 0.0
    write_rate = (
        1000 * tally["predicted_n"] / tally["predicted_ms"] if tally["predicted_ms"] else 0.0
    )
    floor = (
        median_run["source_tokens"] / read_rate + median_run["fact_tokens"] / write_rate
        if read_rate and write_rate
        else None
    )
    tokens = tally["prompt_tokens"] + tally["completion_tokens"]
    grounded = median_run["grounded_facts"]
    return {
        "status": "ok" if len(ok) == len(runs) else f"{len(runs) - len(ok)} runs failed",
        "wall_median_seconds": round(statistics.median(walls), 1),
        "wall_runs_seconds": [round(w, 1) for w in walls],
        "prefixes_runs": [run.get("detail", {}).get("prefixes") for run in ok],
        "model_calls": tally["calls"],
        "prompt_tokens": tally["prompt_tokens"],
        "cached_prompt_tokens": tally["cached_prompt_tokens"],
        "completion_tokens": tally["completion_tokens"],
        "cut_off_answers": tally["cut_off"],
        "read_tokens_per_second": round(read_rate, 1),
        "write_tokens_per_second": round(write_rate, 2),
        "source_tokens": median_run["source_tokens"],
        "input_tokens": median_run["input_tokens"],
        "fact_tokens": median_run["fact_tokens"],
        "floor_seconds": None if floor is None else round(floor, 1),
        "wall_over_floor": None if not floor else round(median_run["wall_seconds"] / floor, 2),
        "peak_rss_mb": max(run["server_peak_rss_mb"] + run["peak_rss_mb"] for run in ok),
        "peak_rss_server_mb": max(run["server_peak_rss_mb"] for run in ok),
        "peak_rss_tool_mb": max(run["peak_rss_mb"] for run in ok),
        "grounded_facts": grounded,
        "by_match": median_run.get("detail", {}).get("by_match"),
        "grounded_outside_clean_text": median_run.get("detail", {}).get(
            "grounded_outside_clean_text"
        ),
        "grounded_per_1k_tokens": round(1000 * grounded / tokens, 2) if tokens else None,
    }


def ratios(results: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    ours, theirs = results.get("briefing", {}), results.get("langextract", {})
    if ours.get("status") != "ok" or theirs.get("status") != "ok":
        return {}

    def ratio(key: str) -> float | None:
        a, b = ours.get(key), theirs.get(key)
        return round(a / b, 2) if a is not None and b else None  # shown with 2 decimals

    return {
        "grounded_per_1k_tokens": ratio("grounded_per_1k_tokens"),
        "wall_median_seconds": ratio("wall_median_seconds"),
        "grounded_facts": ratio("grounded_facts"),
        "model_tokens": round(
            (ours["prompt_tokens"] + ours["completion_tokens"])
            / max(1, theirs["prompt_tokens"] + theirs["completion_tokens"]),
            2,
        ),
    }


def check_targets(
    results: dict[str, dict[str, Any]], ratio: dict[str, float | None]
) -> list[tuple[str, bool | None, str]]:
    """The issue's targets: (what, met or None when not measured, the figure)."""
    ours, theirs = results.get("briefing", {}), results.get("langextract", {})
    checks: list[tuple[str, bool | None, str]] = []
    yield_ratio = ratio.get("grounded_per_1k_tokens")
    checks.append(
        (
            f"grounded facts per 1k tokens >= {TARGETS['yield_ratio']}x langextract's",
            None if yield_ratio is None else yield_ratio >= TARGETS["yield_ratio"],
            f"{yield_ratio}x" if yield_ratio is not None else "not measured",
        )
    )
    if ours.get("status") == "ok" and theirs.get("status") == "ok":
        a, b = ours["wall_median_seconds"], theirs["wall_median_seconds"]
        checks.append(("median wall time below langextract's", a < b, f"{a} s vs {b} s"))
    else:
        checks.append(("median wall time below langextract's", None, "not measured"))
    if ours.get("status") == "ok":
        rss, wall = ours["peak_rss_mb"], ours["wall_median_seconds"]
        checks.append(("peak memory < 3 GB", rss < TARGETS["peak_rss_mb"], f"{rss:,} MB"))
        checks.append(
            (
                "median wall <= 90 s (on the seeds)",
                wall <= TARGETS["median_wall_seconds"],
                f"{wall} s",
            )
        )
    return checks


# --------------------------------------------------------------------------- report


ROWS: list[tuple[str, str, Callable[[Any], str]]] = [
    ("wall time, median (s)", "wall_median_seconds", str),
    ("wall time, each run (s)", "wall_runs_seconds", lambda v: " ".join(str(x) for x in v)),
    ("model calls", "model_calls", str),
    ("prompt tokens", "prompt_tokens", lambda v: f"{v:,}"),
    ("  of which reused (cache)", "cached_prompt_tokens", lambda v: f"{v:,}"),
    ("completion tokens", "completion_tokens", lambda v: f"{v:,}"),
    ("answers cut off (length)", "cut_off_answers", str),
    ("read rate (tokens/s)", "read_tokens_per_second", str),
    ("write rate (tokens/s)", "write_tokens_per_second", str),
    ("source tokens (clean text)", "source_tokens", lambda v: f"{v:,}"),
    ("  tokens of the text given", "input_tokens", lambda v: f"{v:,}"),
    ("accepted-fact tokens", "fact_tokens", lambda v: f"{v:,}"),
    ("floor (s)", "floor_seconds", str),
    ("wall / floor", "wall_over_floor", str),
    ("peak RSS, server + tool (MB)", "peak_rss_mb", lambda v: f"{v:,}"),
    ("grounded facts", "grounded_facts", str),
    ("grounded per 1k tokens", "grounded_per_1k_tokens", str),
]
RATIO_ROWS = {
    "wall_median_seconds": "wall_median_seconds",
    "grounded_facts": "grounded_facts",
    "grounded_per_1k_tokens": "grounded_per_1k_tokens",
}


def print_report(report: dict[str, Any]) -> None:
    setup = report["setup"]
    print(
        f"{len(setup['sources'])} sources, {setup['source_chars']:,} clean characters, "
        f"topic {setup['topic']!r}, {setup['chunk_chars']}-character chunks, "
        f"{setup['repeat']} run(s) per tool, {setup['cpus']} CPUs"
    )
    results = report["tools"]
    names = [tool for tool in TOOLS if tool in results]
    header = f"{'':<30}" + "".join(f"{name:>16}" for name in names)
    both = "briefing" in results and "langextract" in results
    print(header + (f"{'briefing/lx':>14}" if both else ""))
    for label, key, show in ROWS:
        cells = []
        for name in names:
            value = results[name].get(key)
            if results[name].get("status") != "ok" and value is None:
                cells.append(f" {'-':>15}")
            else:  # the space keeps a cell wider than its column apart from the next
                cells.append(f" {'-' if value is None else show(value):>15}")
        ratio = report["ratios"].get(RATIO_ROWS.get(key, ""), None) if both else None
        print(f"{label:<30}" + "".join(cells) + (f"{ratio:>14.2f}" if ratio is not None else ""))
    if any(results.get("briefing", {}).get("prefixes_runs") or []):
        print(f"briefing, saved instruction states per run: {results['briefing']['prefixes_runs']}")
    for name in names:
        if results[name].get("status") != "ok":
            print(f"{name}: {results[name].get('status')}")
        elif results[name].get("by_match"):
            matches = ", ".join(f"{k} {v}" for k, v in results[name]["by_match"].items())
            print(f"{name}, how the grounded facts matched: {matches}")
        if results[name].get("grounded_outside_clean_text") is not None:
            print(
                f"{name}, grounded facts in text briefing's cleaning drops: "
                f"{results[name]['grounded_outside_clean_text']}"
            )
    for what, met, figure in report["targets"]:
        verdict = "n/a" if met is None else ("met" if met else "NOT met")
        print(f"target: {what}: {verdict} ({figure})")


# --------------------------------------------------------------------------- main


def default_sources() -> list[str]:
    return [str(path) for path in sorted(DEFAULT_SEEDS.glob("*.txt"))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sources",
        nargs="*",
        help="files or folders (default: ../shared/data/seeds/*.txt from the project root)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool (median reported)")
    parser.add_argument(
        "--json",
        default=str(DEFAULT_JSON),
        help="write every figure here (default: bench/results/speed.json)",
    )
    parser.add_argument(
        "--tools", default=",".join(TOOLS), help="comma-separated subset of briefing,langextract"
    )
    parser.add_argument(
        "--chunk-chars",
        type=int,
        help="briefing's chunk size and langextract's max_char_buffer (default: briefing's own, "
        "BriefConfig.chunk_chars)",
    )
    parser.add_argument("--topic", help="the brief's topic (default: briefing's, from titles)")
    parser.add_argument(
        "--langextract-input",
        choices=("raw", "clean"),
        default="raw",
        help="raw: each file's text as is, as a langextract user would pass it (default); "
        "clean: the text briefing reads after cleaning",
    )
    parser.add_argument(
        "--langextract-python",
        default=str(DEFAULT_LANGEXTRACT_PYTHON),
        help="python of a venv with langextract installed",
    )
    parser.add_argument("--threads", type=int, help="llama.cpp threads (default: all CPUs)")
    parser.add_argument("--no-stance-check", action="store_true", help="briefing without it")
    parser.add_argument("--no-bottom-line", action="store_true", help="briefing without it")
    parser.add_argument(
        "--cite",
        choices=("sentences", "quotes"),
        default="sentences",
        help="how briefing's drafts name their evidence (default: sentences, as `briefing "
        "generate` does with the embedded model)",
    )
    parser.add_argument(
        "--prefixes",
        choices=("fresh", "off"),
        default="fresh",
        help="fresh: briefing keeps its instructions' state as `briefing generate` does, in a "
        "folder that is empty before its first run, so run 1 is a first use and later runs "
        "restore (default); off: every run reads its instructions",
    )
    parser.add_argument("--prefix-dir", help=argparse.SUPPRESS)
    parser.add_argument("--serve-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--briefing-worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--langextract-worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_worker:
        return serve_worker(args.threads, args.prefix_dir)
    if args.briefing_worker:
        return briefing_worker(*map(Path, args.briefing_worker))
    if args.langextract_worker:
        return langextract_worker(*map(Path, args.langextract_worker))

    tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    if not tools or any(tool not in TOOLS for tool in tools):
        parser.error(f"--tools takes a comma-separated subset of {','.join(TOOLS)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    from briefing import BriefConfig, load_sources
    from briefing.backends.embedded import MODEL_NAME
    from briefing.pipeline import default_topic

    if args.chunk_chars is None:
        args.chunk_chars = BriefConfig.chunk_chars

    paths = args.sources or default_sources()
    if not paths:
        parser.error(f"no sources given and none found in {DEFAULT_SEEDS}")
    sources = load_sources(paths)
    topic = args.topic or default_topic(sources)

    def langextract_text(source: Any) -> str:
        if args.langextract_input == "raw" and source.path:
            path = Path(source.path)
            if path.suffix.lower() in RAW_SUFFIXES:
                return path.read_text(encoding="utf-8")
        return str(source.text)

    job: dict[str, Any] = {
        "topic": topic,
        "model": MODEL_NAME,
        "chunk_chars": args.chunk_chars,
        "max_tokens": BriefConfig.max_tokens,
        # briefing
        "paths": paths,
        "stance_check": not args.no_stance_check,
        "bottom_line": not args.no_bottom_line,
        "cite": args.cite,
        # langextract
        "documents": [{"id": s.id, "text": langextract_text(s)} for s in sources],
        "prompt": PROMPT.format(topic=topic),
        "example_text": EXAMPLE_TEXT,
        "example_extractions": EXAMPLE_EXTRACTIONS,
    }
    pythons = {"briefing": Path(sys.executable), "langextract": Path(args.langextract_python)}
    runs: dict[str, list[dict[str, Any]]] = {tool: [] for tool in tools}
    results: dict[str, dict[str, Any]] = {}
    if "langextract" in tools and not pythons["langextract"].exists():
        results["langextract"] = {"status": f"not installed ({pythons['langextract']} not found)"}
        tools.remove("langextract")
    source_texts = [source.text for source in sources]
    prefix_folder = tempfile.TemporaryDirectory(prefix="briefing-prefixes-")
    if args.prefixes == "fresh":
        job["prefix_dir"] = prefix_folder.name
    for repeat in range(args.repeat):
        for tool in tools:  # alternating, so other load on the machine falls on both
            print(f"{tool}: run {repeat + 1} of {args.repeat}", file=sys.stderr)
            run = one_run(tool, pythons[tool], job, args.threads, source_texts)
            runs[tool].append(run)
            print(
                f"{tool}: run {repeat + 1}: "
                + (run["error"] if "error" in run else f"{run['wall_seconds']} s"),
                file=sys.stderr,
            )
    prefix_folder.cleanup()
    for tool in tools:
        results[tool] = figures(runs[tool])
    ratio = ratios(results)
    report: dict[str, Any] = {
        "setup": {
            "sources": [{"path": s.path, "title": s.title, "chars": len(s.text)} for s in sources],
            "source_chars": sum(len(s.text) for s in sources),
            "topic": topic,
            "model": MODEL_NAME,
            "chunk_chars": args.chunk_chars,
            "repeat": args.repeat,
            "cpus": os.cpu_count(),
            "langextract_input": args.langextract_input,
            "langextract_python": args.langextract_python,
            "briefing": {
                "cite": args.cite,
                "stance_check": not args.no_stance_check,
                "bottom_line": not args.no_bottom_line,
                "prefixes": args.prefixes,
            },
        },
        "tools": results,
        "ratios": ratio,
        "runs": runs,
    }
    report["targets"] = check_targets(results, ratio)
    print_report(report)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
