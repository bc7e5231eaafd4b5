"""Saved instruction prefixes: the embedded model reads briefing's fixed instructions once per
machine instead of once per run.

Every request of one kind (extraction, stance question, bottom line) begins with the same fixed
messages: the instructions, and for extraction the worked example. Within a run llama.cpp reuses
their state from one request to the next, but every run starts a fresh server, so the first
request of each kind read them again: on the seeds about 540 tokens of extraction instructions
(about 10 s on two cores), 220 of the stance question's and 150 of the bottom line's.

``PrefixStore`` keeps that state on disk through llama.cpp's slot save and restore. Before a
request it restores the saved state of the request's fixed messages into the server's one slot
(a few milliseconds); the server then reads only what follows. The first time a prefix is seen
it is read on its own (the fixed messages and an empty user turn, one token written), saved,
and the request reuses it. Only the fixed messages are ever saved, never a source's text or an
answer: callers name how many leading messages are fixed (``ChatClient.ask(shared=...)``).

Files are keyed by the weights, the server build, the context size and the messages, so a
changed prompt or model gets a new file and never an old state; only the newest ``keep`` files
are kept. Any failure here (a server without slot saving, a full disk, a file the server cannot
read) costs at most the time the prefix takes to read: the request is sent as it would be
without the store. With more than one slot the server picks the slot, so the store is off.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("briefing")

SUFFIX = ".slot"
_TIMEOUT = 600.0  # priming reads the prefix: seconds on two cores, more under load


class PrefixStore:
    """Restore, or read and save, the state of a request's fixed leading messages."""

    def __init__(
        self, root: Callable[[], str], directory: Path, identity: str, *, keep: int = 8
    ) -> None:
        self._root = root  # the server's root URL (no /v1), asked on first use
        self.directory = directory
        self.identity = identity
        self.keep = keep
        self._held = ""  # the key whose state the slot begins with now, if known
        self._lock = threading.Lock()
        self._off = False  # set when the server cannot save: then nothing is tried again
        self.restored = 0
        self.saved = 0

    def key(self, prefix: Sequence[dict[str, str]]) -> str:
        canonical = json.dumps(
            {"identity": self.identity, "prefix": list(prefix)}, sort_keys=True, ensure_ascii=False
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]

    def prepare(self, prefix: Sequence[dict[str, str]]) -> None:
        """Make the slot begin with ``prefix``'s state; no prefix: the slot's state is unknown."""
        with self._lock:
            if not prefix or self._off:
                self._held = ""
                return
            key = self.key(prefix)
            if key == self._held:
                return  # the slot's last request began with this prefix: the server reuses it
            self._held = ""
            try:
                if self._restore(key) or self._prime_and_save(key, prefix):
                    self._held = key
            except (OSError, ValueError) as exc:  # urllib's errors are OSErrors
                log.debug("instruction prefixes not kept: %s", exc)
                self._off = True

    def _restore(self, key: str) -> bool:
        path = self.directory / (key + SUFFIX)
        if not path.is_file():
            return False
        try:
            self._post("/slots/0?action=restore", {"filename": path.name})
        except (OSError, ValueError) as exc:
            # Read again and saved over: a file the server cannot read is replaced, whole.
            log.debug("saved instruction prefix %s not restored: %s", path.name, exc)
            return False
        os.utime(path)  # pruning keeps the most recently used
        self.restored += 1
        return True

    def _prime_and_save(self, key: str, prefix: Sequence[dict[str, str]]) -> bool:
        self.directory.mkdir(parents=True, exist_ok=True)  # a read-only cache: fail before reading
        # An empty user turn after the fixed messages: the real request's tokens match up to
        # the start of its own user turn, so the server reuses everything before it.
        self._post(
            "/v1/chat/completions",
            {
                "messages": [*prefix, {"role": "user", "content": ""}],
                "max_tokens": 1,
                "temperature": 0,
                "cache_prompt": True,
            },
        )
        partial = self.directory / f".{key}.{os.getpid()}.{threading.get_ident()}.part"
        try:
            self._post("/slots/0?action=save", {"filename": partial.name})
            os.replace(partial, self.directory / (key + SUFFIX))  # whole or not at all
        finally:
            partial.unlink(missing_ok=True)
        self.saved += 1
        self._prune()
        return True

    def _prune(self) -> None:
        """Keep the ``keep`` most recently used files; another run may prune at the same time."""
        used: list[tuple[float, Path]] = []
        for path in self.directory.glob("*" + SUFFIX):
            try:
                used.append((path.stat().st_mtime, path))
            except FileNotFoundError:
                continue
        for _, stale in sorted(used, reverse=True)[self.keep :]:
            stale.unlink(missing_ok=True)

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self._root().rstrip("/") + path,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raise ValueError(f"HTTP {exc.code} from {path.split('?')[0]}") from None
        if not isinstance(answer, dict):
            raise ValueError(f"unexpected answer from {path.split('?')[0]}")
        return answer


def stored_prefixes(directory: Path) -> list[Path]:
    """The saved prefix files in ``directory`` (for ``briefing cache``)."""
    return sorted(directory.glob("*" + SUFFIX)) if directory.is_dir() else []
