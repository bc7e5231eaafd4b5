"""Write every brief of a manifest: one model endpoint, one response cache, several in flight.

All briefs share one endpoint (for the embedded model, one server, started once) and the
response cache file. ``config.concurrency`` bounds the model requests in flight across the
batch: that is what an endpoint's rate limit and a local server's slots see. It is spent on
whole briefs first (``min(N, briefs)`` at once, each asking one request at a time), since
briefs are independent while a brief's stance checks wait for its extraction; when the batch
has fewer briefs than N, each brief gets an equal share of the rest. Every brief's facts are
the same at any concurrency.

A brief that fails (a missing source, a broken template, the endpoint giving up) is reported
and the others go on. A brief that finished is recorded in a state file beside the manifest
(``briefs.yaml.state.json``) with a fingerprint of what it was made from: its sources' clean
text, topic, template and output paths. A rerun skips it while that fingerprint matches and
its outputs still exist (outputs are written atomically, so a file that exists is complete);
changing a source, the topic or the template makes it run again, and ``force`` runs all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from .brief import Brief, brief_from_sources
from .config import BriefConfig, Progress, no_progress, open_endpoint
from .errors import BriefingError, ConfigError, OutputError, SourceError
from .llm import Endpoint
from .manifest import BriefJob, Manifest
from .models import Source, parse_fact_sheet
from .output import write_atomic
from .render import plural
from .sources import load_sources

log = logging.getLogger("briefing")

Status = Literal["done", "skipped", "failed"]


@dataclass(frozen=True)
class BriefOutcome:
    """How one brief of the batch ended; counts are ``None`` when it failed."""

    name: str
    status: Status
    positions: int | None = None
    risks: int | None = None
    events: int | None = None
    seconds: float | None = None
    error: str = ""


class _Finished(BaseModel):
    fingerprint: str
    positions: int
    risks: int
    events: int
    seconds: float
    finished: str


class _StateFile(BaseModel):
    version: Literal[1] = 1
    finished: dict[str, _Finished] = {}


class _State:
    """The briefs earlier runs of this manifest finished, by name. Thread-safe."""

    def __init__(self, path: Path, names: set[str]) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._state = self._read()
        # Entries no longer in the manifest are forgotten at the next write.
        self._state.finished = {k: v for k, v in self._state.finished.items() if k in names}

    def _read(self) -> _StateFile:
        try:
            return _StateFile.model_validate_json(self.path.read_bytes())
        except FileNotFoundError:
            return _StateFile()
        except (OSError, ValidationError) as exc:
            log.warning("cannot read %s (%s); every brief runs", self.path, str(exc).split("\n")[0])
            return _StateFile()

    def finished(self, job: BriefJob, fingerprint: str) -> _Finished | None:
        with self._lock:
            record = self._state.finished.get(job.name)
        if record is None or record.fingerprint != fingerprint:
            return None
        return record if all(path.exists() for path in job.outputs) else None

    def record(self, job: BriefJob, fingerprint: str, brief: Brief, seconds: float) -> None:
        sheet = brief.sheet
        with self._lock:
            self._state.finished[job.name] = _Finished(
                fingerprint=fingerprint,
                positions=len(sheet.positions),
                risks=len(sheet.risks),
                events=len(sheet.events),
                seconds=seconds,
                finished=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            )
            try:
                write_atomic(str(self.path), self._state.model_dump_json(indent=2) + "\n")
            except OutputError as exc:
                log.warning("%s; a rerun will write %s again", exc, job.name)


def fingerprint(
    job: BriefJob, sources: Sequence[Source], template: str | None, since: str | None = None
) -> str:
    """A hash of everything a brief is made from that its manifest entry controls (``since``:
    the earlier fact sheet's text)."""
    made_of = {
        "sources": [source.id for source in sources],
        "topic": job.topic,
        "template": template,
        "outputs": [str(path) for path in job.outputs],
        **({"since": since} if since is not None else {}),
    }
    return hashlib.sha256(json.dumps(made_of, sort_keys=True).encode()).hexdigest()[:16]


def run_batch(
    manifest: Manifest,
    config: BriefConfig,
    *,
    force: bool = False,
    progress: Progress = no_progress,
) -> list[BriefOutcome]:
    """Write every brief of ``manifest`` and return how each ended, in manifest order.

    ``config`` holds the settings all briefs share; ``config.concurrency`` is the number of
    model requests in flight across the batch. ``force`` runs briefs that finished before.
    """
    jobs = manifest.jobs
    at_once = min(config.concurrency, len(jobs))
    per_brief = replace(config, concurrency=config.concurrency // at_once)
    state = _State(manifest.state_path, {job.name for job in jobs})
    ended = 0
    lock = threading.Lock()
    started = time.monotonic()

    def run(job: BriefJob, endpoint: Endpoint) -> BriefOutcome:
        nonlocal ended
        outcome = _run_one(job, endpoint, per_brief, state, force, progress)
        with lock:
            ended += 1
            progress(f"[{ended}/{len(jobs)}] {job.name}: {_describe(outcome)}")
        return outcome

    with open_endpoint(config, progress) as endpoint:
        pool = ThreadPoolExecutor(max_workers=at_once)
        try:
            outcomes = list(pool.map(lambda job: run(job, endpoint), jobs))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # on Ctrl-C, start no more briefs
    counts = {status: sum(o.status == status for o in outcomes) for status in ("done", "skipped")}
    failed = len(outcomes) - sum(counts.values())
    progress(
        f"{len(jobs)} briefs in {time.monotonic() - started:.0f} s: {counts['done']} done, "
        f"{counts['skipped']} skipped (finished earlier), {failed} failed"
    )
    return outcomes


def _run_one(
    job: BriefJob,
    endpoint: Endpoint,
    config: BriefConfig,
    state: _State,
    force: bool,
    progress: Progress,
) -> BriefOutcome:
    started = time.monotonic()
    try:
        sources = load_sources(job.sources, max_bytes=config.max_source_bytes)
        if not sources:
            raise SourceError("no sources found")
        template = _read_template(job.template)
        since = _read_text(job.since, "fact sheet") if job.since else None
        made_of = fingerprint(job, sources, template, since)
        if not force and (done := state.finished(job, made_of)) is not None:
            return BriefOutcome(job.name, "skipped", done.positions, done.risks, done.events)
        progress(f"{job.name}: started ({len(sources)} sources)")
        brief = brief_from_sources(
            sources,
            endpoint,
            replace(
                config,
                topic=job.topic,
                template_text=template,
                since=parse_fact_sheet(since, str(job.since)) if since else None,
            ),
            lambda line: log.debug("%s: %s", job.name, line),
        )
        _write(job, brief)
        state.record(job, made_of, brief, _since(started))
    except BriefingError as exc:
        return BriefOutcome(job.name, "failed", seconds=_since(started), error=_one_line(exc))
    except Exception as exc:  # a bug met by one brief must not cost the others theirs
        log.debug("%s failed", job.name, exc_info=True)
        error = f"unexpected {type(exc).__name__}: {_one_line(exc)} (--debug shows the traceback)"
        return BriefOutcome(job.name, "failed", seconds=_since(started), error=error)
    sheet = brief.sheet
    return BriefOutcome(
        job.name,
        "done",
        len(sheet.positions),
        len(sheet.risks),
        len(sheet.events),
        _since(started),
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _since(started: float) -> float:
    return round(time.monotonic() - started, 1)


def _read_template(path: Path | None) -> str | None:
    return _read_text(path, "template") if path is not None else None


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"cannot read {what} {path}: not UTF-8 text") from None


def _write(job: BriefJob, brief: Brief) -> None:
    """The fact sheet first (it holds the model's work), the brief last."""
    texts: list[tuple[Path | None, Callable[[], str]]] = [
        (job.json, lambda: brief.sheet.model_dump_json(indent=2) + "\n"),
        (job.html, brief.review_html),
        (job.output, lambda: brief.markdown),
    ]
    for path, text in texts:
        if path is None:
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create {path.parent}: {exc.strerror}") from None
        write_atomic(str(path), text())


def _describe(outcome: BriefOutcome) -> str:
    if outcome.status == "failed":
        return f"failed: {outcome.error}"
    counts = ", ".join(
        plural(count or 0, noun)
        for count, noun in [
            (outcome.positions, "position"),
            (outcome.risks, "risk"),
            (outcome.events, "event"),
        ]
    )
    if outcome.status == "skipped":
        return f"skipped, finished earlier ({counts}; --force writes it again)"
    return f"done in {outcome.seconds:.0f} s ({counts})"


def summary_table(outcomes: Sequence[BriefOutcome]) -> str:
    """One row per brief, columns aligned: name, status, counts, seconds, error."""
    header = ("name", "status", "positions", "risks", "events", "seconds", "error")
    rows = [header] + [
        (
            o.name,
            o.status,
            *("-" if n is None else str(n) for n in (o.positions, o.risks, o.events)),
            "-" if o.seconds is None else f"{o.seconds:.0f}",
            o.error,
        )
        for o in outcomes
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if column < 2 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"
