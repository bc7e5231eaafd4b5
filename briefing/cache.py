"""A SQLite cache of model answers: a rerun costs nothing, a killed run resumes where it stopped.

Every answer is stored the moment it arrives, keyed by a hash of everything that determines it:
the model's identity (base URL and model name for a remote endpoint; the weights' SHA-256 for
the embedded model, whose port changes every run), the messages, the answer schema and the
sampling settings. The API key is never part of the key or the row. A run killed at any point
loses at most the answers in flight; run again, and only the unanswered requests reach the model.

Several processes may share one cache file: SQLite's write-ahead log serialises writers, and a
row is written whole or not at all. A cache that cannot be opened or read never costs a run: it
is switched off with one warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

log = logging.getLogger("briefing")

CACHE_FILE = "responses.sqlite3"
_SCHEMA_VERSION = 1
_BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class CachedAnswer:
    """One raw model answer as the endpoint gave it."""

    content: str
    finish_reason: str
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class CacheStats:
    path: Path
    answers: int
    bytes: int
    by_model: dict[str, int]
    oldest: float | None
    newest: float | None


def request_key(model_identity: str, request: dict[str, Any]) -> str:
    """A stable hash of the model identity and the request body (never the API key)."""
    canonical = json.dumps(
        {"model": model_identity, "request": request},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache:
    """Thread-safe access to one cache file; safe to share between processes."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / CACHE_FILE
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = self._connect()
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path,
            timeout=_BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,  # one connection, guarded by self._lock
            isolation_level=None,  # autocommit: every answer is durable the moment it is stored
        )
        db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        try:
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # some network file systems refuse WAL; the rollback journal is still safe
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, _SCHEMA_VERSION):
            db.close()
            raise sqlite3.DatabaseError(f"cache schema version {version} is not supported")
        db.execute(
            "CREATE TABLE IF NOT EXISTS answers ("
            " key TEXT PRIMARY KEY, model TEXT NOT NULL, created REAL NOT NULL,"
            " content TEXT NOT NULL, finish_reason TEXT NOT NULL,"
            " prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL)"
        )
        db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        return db

    def _disable(self, exc: BaseException) -> None:
        log.warning(
            "the response cache %s cannot be used (%s); going on without it "
            "(`briefing cache clear` resets it)",
            self.path,
            exc,
        )
        if self._db is not None:
            self._db.close()
        self._db = None

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get(self, key: str) -> CachedAnswer | None:
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute(
                    "SELECT content, finish_reason, prompt_tokens, completion_tokens "
                    "FROM answers WHERE key = ?",
                    (key,),
                ).fetchone()
            except sqlite3.Error as exc:
                self._disable(exc)
                return None
        return CachedAnswer(*row) if row else None

    def put(self, key: str, model_identity: str, answer: CachedAnswer) -> None:
        with self._lock:
            if self._db is None:
                return
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        key,
                        model_identity,
                        time.time(),
                        answer.content,
                        answer.finish_reason,
                        answer.prompt_tokens,
                        answer.completion_tokens,
                    ),
                )
            except sqlite3.Error as exc:
                self._disable(exc)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def cache_stats(directory: Path) -> CacheStats:
    """Count the cached answers in ``directory``; an absent cache counts as empty."""
    path = directory / CACHE_FILE
    if not path.exists():
        return CacheStats(path, 0, 0, {}, None, None)
    try:
        db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_MS / 1000)
        try:
            by_model = dict(
                db.execute("SELECT model, COUNT(*) FROM answers GROUP BY model ORDER BY 1")
            )
            oldest, newest = db.execute("SELECT MIN(created), MAX(created) FROM answers").fetchone()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise ConfigError(
            f"the response cache {path} cannot be read ({exc}); `briefing cache clear` resets it"
        ) from None
    size = sum(p.stat().st_size for p in directory.glob(CACHE_FILE + "*") if p.is_file())
    return CacheStats(path, sum(by_model.values()), size, by_model, oldest, newest)


def clear_cache(directory: Path) -> int:
    """Delete every cached answer and return how many there were; an unreadable file is removed.

    The assembled embedded model, which lives beside the cache, is left alone.
    """
    path = directory / CACHE_FILE
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            count: int = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
            db.execute("DELETE FROM answers")
            db.execute("VACUUM")
        finally:
            db.close()
    except sqlite3.DatabaseError:
        for leftover in directory.glob(CACHE_FILE + "*"):
            leftover.unlink(missing_ok=True)
        return 0
    return count
