"""Run the service's jobs on a pool of worker threads that share one model endpoint.

Every job runs ``extract_facts`` against the same endpoint (for the embedded model, the one
server the service started) and the same response cache, then renders its brief, fact sheet
and review page and stores them with the job.

Cancelling and stopping take effect at the next chunk boundary: the pipeline reports progress
after each chunk, and the progress callback raises there. The chunk being read is finished
first, and so is a chunk the pipeline's pool had already begun (answers land in the response
cache); a queued job is cancelled at once. When the service stops, running jobs go back to the
queue and resume on the next start.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from ..chunking import chunk_source
from ..config import BriefConfig
from ..errors import BriefingError, ConfigError
from ..llm import Endpoint
from ..models import FactSheet, Source, parse_fact_sheet
from ..pipeline import extract_facts
from ..render import render_brief
from ..review_page import render_review_page
from ..sources import distinct_sources, sources_from_file_bytes, sources_from_records
from .jobs import JobResults, JobStore
from .models import FileSource, JobRequest, Summary, TextSource

log = logging.getLogger("briefing")

STOPPED_MESSAGE = "the service stopped; the job resumes when it starts again"


class _Interrupted(Exception):
    """Raised at a chunk boundary to stop a job that was cancelled or whose service stops."""


@dataclass
class _Running:
    cancelled: threading.Event = field(default_factory=threading.Event)


def job_sources(request: JobRequest, *, files: bool = True) -> list[Source]:
    """The clean sources of a request, in its order; raises ``SourceError`` for one that
    cannot be read or has no text left. A source whose text equals an earlier one is
    skipped, as for files. ``files=False`` reads only the sources given as text (a quick
    check when a job is submitted; files are read when it runs)."""
    return distinct_sources(_read_sources(request, files))


def _read_sources(request: JobRequest, files: bool) -> Iterator[Source]:
    several = len(request.sources) > 1
    for number, given in enumerate(request.sources, start=1):
        if isinstance(given, TextSource):
            shown = f"submitted#{number}" if several else "submitted"
            yield from sources_from_records([given.model_dump()], shown)
        elif files:
            name = PurePath(given.file.name.replace("\\", "/")).name
            first, *attached = sources_from_file_bytes(given.file.content(), name, name)
            yield first.model_copy(update=_given_metadata(given))
            yield from attached


def _given_metadata(given: FileSource) -> dict[str, str]:
    """What the request says of an uploaded file (title, url, outlet, author, date) over what the
    file says of itself; it names the file's first source, so an e-mail's attachments keep
    their own."""
    fields = given.model_dump(include={"title", "url", "outlet", "author", "published"})
    return {key: value for key, value in fields.items() if value}


class JobRunner:
    """A queue of job ids and ``workers`` threads taking them in order."""

    def __init__(
        self, store: JobStore, endpoint: Endpoint, config: BriefConfig, workers: int
    ) -> None:
        self._store = store
        self._endpoint = endpoint
        self._config = config
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._running: dict[str, _Running] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads = [
            threading.Thread(target=self._work, name=f"briefing-job-{n}", daemon=True)
            for n in range(workers)
        ]

    @property
    def workers(self) -> int:
        return len(self._threads)

    def start(self) -> None:
        """Queue what the last process left unfinished, then start the workers."""
        for job_id in self._store.recover():
            self._queue.put(job_id)
        for thread in self._threads:
            thread.start()

    def submit(self, job_id: str) -> None:
        self._queue.put(job_id)

    def cancel(self, job_id: str) -> None:
        """Stop a running job at its next chunk boundary (the store marks it first)."""
        with self._lock:
            running = self._running.get(job_id)
        if running is not None:
            running.cancelled.set()

    def stop(self, grace: float = 5.0) -> None:
        """Stop taking jobs; put the running ones back in the queue for the next start."""
        self._stopping.set()
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join(grace / len(self._threads))
        with self._lock:
            unfinished = list(self._running)
        for job_id in unfinished:  # still inside a chunk: requeue now, the thread dies with us
            self._store.requeue(job_id, STOPPED_MESSAGE)

    # ------------------------------------------------------------------ workers

    def _work(self) -> None:
        while (job_id := self._queue.get()) is not None and not self._stopping.is_set():
            try:
                self._run(job_id)
            except Exception:  # the store itself failed; keep the worker alive for the next job
                log.exception("job %s could not be run", job_id)

    def _run(self, job_id: str) -> None:
        running = _Running()
        with self._lock:  # registered before the claim, so that no cancel can slip between
            self._running[job_id] = running
        try:
            request = self._store.claim(job_id)
            if request is not None:
                self._execute(job_id, request, running)
        finally:
            with self._lock:
                del self._running[job_id]

    def _earlier_sheet(self, job_id: str | None) -> FactSheet | None:
        """The fact sheet of the job ``options.since`` names; ``ConfigError`` when it is gone
        (deleted after this job was submitted)."""
        if job_id is None:
            return None
        earlier = self._store.results(job_id)
        if earlier is None:
            raise ConfigError(f"options.since: job {job_id!r} has no results any more")
        return parse_fact_sheet(earlier.facts, f"job {job_id}'s fact sheet")

    def _execute(self, job_id: str, request: JobRequest, running: _Running) -> None:
        options = request.options
        config = dataclasses.replace(
            self._config,
            topic=request.topic,
            stance_check=options.stance_check,
            quote_feedback=options.quote_feedback,
            chunk_chars=options.chunk_chars,
            also_named=options.also_named,
        )
        reported, total = 0, 1
        started = time.monotonic()
        try:
            sources = job_sources(request)
            chunks = (
                chunk_source(
                    s, max_chars=config.chunk_chars, overlap_sentences=config.overlap_sentences
                )
                for s in sources
            )
            total = sum(len(c) for c in chunks) + int(config.stance_check) + int(config.bottom_line)

            def progress(message: str) -> None:
                nonlocal reported
                reported += 1
                self._store.note_progress(job_id, message, min(reported / total, 0.99))
                if running.cancelled.is_set() or self._stopping.is_set():
                    raise _Interrupted

            log.info("job %s: %d sources, %d steps", job_id, len(sources), total)
            earlier = self._earlier_sheet(options.since)
            sheet = extract_facts(sources, self._endpoint, config, progress)
            results = JobResults(
                brief=render_brief(sheet, review=options.review, since=earlier),
                facts=sheet.model_dump_json(indent=2) + "\n",
                review=render_review_page(sheet, since=earlier),
            )
        except _Interrupted:
            if running.cancelled.is_set():
                self._store.finish(
                    job_id, "cancelled", f"cancelled after {reported} of {total} steps"
                )
            else:
                self._store.requeue(job_id, STOPPED_MESSAGE)
            return
        except BriefingError as exc:
            log.warning("job %s failed: %s", job_id, exc)
            self._store.finish(job_id, "failed", str(exc))
            return
        except Exception as exc:
            log.exception("job %s failed unexpectedly", job_id)
            self._store.finish(
                job_id, "failed", f"internal error ({type(exc).__name__}); see the service log"
            )
            return
        seconds = round(time.monotonic() - started, 1)
        self._store.finish_done(job_id, summarize(sheet, seconds), results)
        log.info("job %s done in %.0f s", job_id, seconds)


def summarize(sheet: FactSheet, seconds: float) -> Summary:
    return Summary(
        topic=sheet.topic,
        positions=len(sheet.positions),
        risks=len(sheet.risks),
        events=len(sheet.events),
        rejected=len(sheet.rejected),
        skipped_chunks=len(sheet.run.skipped_chunks),
        model_calls=sheet.run.usage.calls,
        cached_answers=sheet.run.usage.cached,
        seconds=seconds,
    )
