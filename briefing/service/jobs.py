"""The service's jobs in SQLite, so that a restart, even after SIGKILL, loses none.

A job is stored with its whole request the moment it is accepted. Its state moves
``queued → running → done | failed | cancelled``; every move is one conditional UPDATE, so two
threads cannot both claim a job, and a cancelled job is never started. A job's results (brief,
fact sheet, review page) are written in the same transaction that marks it done: a job is done
with all three or not done at all. The move that ends a job also empties its request: the
documents submitted are not kept once no run needs them (the fact sheet keeps the text the
brief quotes), and ``delete`` removes an ended job and its results; deleted rows are
overwritten (``secure_delete``), so a deleted document does not linger in the file.

On startup ``recover`` looks at what the last process left: a job still ``running`` was
interrupted, and is queued again (the response cache makes the rerun cheap) unless it was
interrupted ``MAX_RESTARTS`` times already, then it fails with that reason. Nothing vanishes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .models import JobRequest, JobState, JobStatus, Progress, Summary

STATE_FILE = "service.sqlite3"
MAX_RESTARTS = 2
MESSAGES_KEPT = 20
_BUSY_TIMEOUT_MS = 30_000
_SCHEMA_VERSION = 1
# A job that ended stays ended, whatever a late worker or a second cancel says.
_UNFINISHED = "status IN ('queued', 'running')"
# What a job's request becomes when it ends: no run will read it again.
_ENDED = "request = ''"
_COLUMNS = (
    "id, status, topic, source_count, created, started, finished, messages, fraction, error,"
    " cancel_requested, restarts, summary"
)


@dataclass(frozen=True)
class JobResults:
    brief: str
    facts: str
    review: str


class JobStore:
    """Thread-safe access to one state file; one service process per file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                path,
                timeout=_BUSY_TIMEOUT_MS / 1000,
                check_same_thread=False,  # one connection, guarded by self._lock
                isolation_level=None,  # autocommit; transactions are explicit
            )
            self._db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")  # a done job survives a power cut
            self._db.execute("PRAGMA secure_delete = ON")  # emptied requests leave no trace
            self._create()
        except sqlite3.Error as exc:
            raise ConfigError(
                f"the job state file {path} cannot be used ({exc}); pass another --state FILE"
            ) from None

    def _create(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, _SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"state schema version {version} is not supported")
        self._db.executescript(
            "CREATE TABLE IF NOT EXISTS jobs ("
            " id TEXT PRIMARY KEY, status TEXT NOT NULL, request TEXT NOT NULL, topic TEXT,"
            " source_count INTEGER NOT NULL, created REAL NOT NULL, started REAL, finished REAL,"
            " messages TEXT NOT NULL DEFAULT '[]', fraction REAL NOT NULL DEFAULT 0,"
            " error TEXT, cancel_requested INTEGER NOT NULL DEFAULT 0,"
            " restarts INTEGER NOT NULL DEFAULT 0, summary TEXT);"
            "CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (status, created);"
            "CREATE TABLE IF NOT EXISTS results ("
            " job_id TEXT PRIMARY KEY REFERENCES jobs (id),"
            " brief TEXT NOT NULL, facts TEXT NOT NULL, review TEXT NOT NULL);"
            f"PRAGMA user_version = {_SCHEMA_VERSION};"
        )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # ------------------------------------------------------------------ writes

    def add(self, request: JobRequest) -> JobStatus:
        job_id = uuid.uuid4().hex
        with self._lock:
            self._db.execute(
                "INSERT INTO jobs (id, status, request, topic, source_count, created)"
                " VALUES (?, 'queued', ?, ?, ?, ?)",
                (job_id, request.model_dump_json(), request.topic, len(request.sources), _now()),
            )
        return self._require(job_id)

    def claim(self, job_id: str) -> JobRequest | None:
        """Mark a queued job running and return its request; ``None`` if it is not queued."""
        with self._lock:
            claimed = self._db.execute(
                "UPDATE jobs SET status = 'running', started = ?"
                " WHERE id = ? AND status = 'queued'",
                (_now(), job_id),
            ).rowcount
            if not claimed:
                return None
            row = self._db.execute("SELECT request FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return JobRequest.model_validate_json(row[0])

    def note_progress(self, job_id: str, message: str, fraction: float) -> None:
        with self._lock:
            row = self._db.execute("SELECT messages FROM jobs WHERE id = ?", (job_id,)).fetchone()
            messages = [*json.loads(row[0]), message][-MESSAGES_KEPT:]
            self._db.execute(
                "UPDATE jobs SET messages = ?, fraction = MAX(fraction, ?) WHERE id = ?",
                (json.dumps(messages), min(max(fraction, 0.0), 1.0), job_id),
            )

    def finish_done(self, job_id: str, summary: Summary, results: JobResults) -> None:
        """Store the results and mark the job done, in one transaction."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                updated = self._db.execute(
                    "UPDATE jobs SET status = 'done', finished = ?, fraction = 1, topic = ?,"
                    f" summary = ?, error = NULL, {_ENDED} WHERE id = ? AND {_UNFINISHED}",
                    (_now(), summary.topic, summary.model_dump_json(), job_id),
                ).rowcount
                if updated:
                    self._db.execute(
                        "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                        (job_id, results.brief, results.facts, results.review),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def finish(self, job_id: str, status: JobState, error: str) -> None:
        """End a job without results: ``failed`` or ``cancelled``, with the reason."""
        with self._lock:
            self._db.execute(
                f"UPDATE jobs SET status = ?, finished = ?, error = ?, {_ENDED}"
                f" WHERE id = ? AND {_UNFINISHED}",
                (status, _now(), error, job_id),
            )

    def requeue(self, job_id: str, message: str) -> None:
        """Put a running job back in the queue (the service is stopping)."""
        with self._lock:
            self._db.execute(
                "UPDATE jobs SET status = 'queued' WHERE id = ? AND status = 'running'", (job_id,)
            )
        self.note_progress(job_id, message, 0.0)

    def request_cancel(self, job_id: str) -> JobStatus | None:
        """Cancel a queued job now; flag a running one. ``None`` for an unknown job."""
        with self._lock:
            self._db.execute(
                "UPDATE jobs SET status = 'cancelled', finished = ?, cancel_requested = 1,"
                f" error = 'cancelled before it started', {_ENDED}"
                " WHERE id = ? AND status = 'queued'",
                (_now(), job_id),
            )
            self._db.execute(
                "UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND status = 'running'",
                (job_id,),
            )
        return self.get(job_id)

    def recover(self) -> list[str]:
        """Settle what the last process left behind; return the queued jobs, oldest first."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                interrupted = self._db.execute(
                    "SELECT id, restarts, cancel_requested, messages FROM jobs"
                    " WHERE status = 'running'"
                ).fetchall()
                for job_id, restarts, cancel_requested, messages in interrupted:
                    self._settle_interrupted(job_id, restarts, cancel_requested, messages)
                queued = self._db.execute(
                    "SELECT id FROM jobs WHERE status = 'queued' ORDER BY created, rowid"
                ).fetchall()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return [job_id for (job_id,) in queued]

    def _settle_interrupted(
        self, job_id: str, restarts: int, cancel_requested: int, messages: str
    ) -> None:
        if cancel_requested:
            status, error = "cancelled", "cancelled; the service stopped before the job did"
        elif restarts >= MAX_RESTARTS:
            status = "failed"
            error = (
                f"the service stopped {restarts + 1} times while this job ran; it is not "
                "resumed again (submit it anew to retry)"
            )
        else:
            note = [*json.loads(messages), "resumed after the service restarted"]
            self._db.execute(
                "UPDATE jobs SET status = 'queued', restarts = restarts + 1, messages = ?"
                " WHERE id = ?",
                (json.dumps(note[-MESSAGES_KEPT:]), job_id),
            )
            return
        self._db.execute(
            f"UPDATE jobs SET status = ?, finished = ?, error = ?, {_ENDED} WHERE id = ?",
            (status, _now(), error, job_id),
        )

    def delete(self, job_id: str) -> bool:
        """Remove an ended job and its results; False (nothing removed) while it is queued
        or running, or when there is no such job."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                ended = self._db.execute(
                    f"SELECT 1 FROM jobs WHERE id = ? AND NOT {_UNFINISHED}", (job_id,)
                ).fetchone()
                if ended:
                    self._db.execute("DELETE FROM results WHERE job_id = ?", (job_id,))
                    self._db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return ended is not None

    # ------------------------------------------------------------------ reads

    def get(self, job_id: str) -> JobStatus | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)
            ).fetchone()
        return _status(row) if row else None

    def _require(self, job_id: str) -> JobStatus:
        status = self.get(job_id)
        assert status is not None
        return status

    def jobs(self, status: JobState | None, limit: int) -> list[JobStatus]:
        """The newest ``limit`` jobs, optionally only those in one state."""
        query = f"SELECT {_COLUMNS} FROM jobs"
        params: tuple[Any, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            params = (status,)
        with self._lock:
            rows = self._db.execute(
                query + " ORDER BY created DESC, rowid DESC LIMIT ?", (*params, limit)
            ).fetchall()
        return [_status(row) for row in rows]

    def counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self._db.execute("SELECT status, COUNT(*) FROM jobs GROUP BY status"))

    def results(self, job_id: str) -> JobResults | None:
        with self._lock:
            row = self._db.execute(
                "SELECT brief, facts, review FROM results WHERE job_id = ?", (job_id,)
            ).fetchone()
        return JobResults(*row) if row else None


def _now() -> float:
    return time.time()


def _time(stamp: float | None) -> datetime | None:
    return datetime.fromtimestamp(stamp, timezone.utc) if stamp is not None else None


def _status(row: tuple[Any, ...]) -> JobStatus:
    (job_id, status, topic, sources, created, started, finished, messages, fraction, error,
     cancel_requested, restarts, summary) = row  # fmt: skip
    return JobStatus(
        id=job_id,
        status=status,
        topic=topic,
        sources=sources,
        created_at=datetime.fromtimestamp(created, timezone.utc),
        started_at=_time(started),
        finished_at=_time(finished),
        progress=Progress(fraction=fraction, messages=json.loads(messages)),
        error=error,
        cancel_requested=bool(cancel_requested),
        restarts=restarts,
        summary=Summary.model_validate_json(summary) if summary else None,
    )
