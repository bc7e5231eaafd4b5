"""Start the service: check where it may listen, open the endpoint once, run uvicorn.

The model endpoint is opened once for the service's life and shared by every job, so the
embedded model's server starts at most once (on the first answer the cache does not hold). The
state file is locked, so two services cannot run the same jobs twice.
"""

from __future__ import annotations

import dataclasses
import fcntl
import ipaddress
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from ..config import BriefConfig, Progress, cache_dir, no_progress, open_endpoint
from ..errors import ConfigError
from .app import create_app
from .jobs import STATE_FILE, JobStore
from .runner import JobRunner

log = logging.getLogger("briefing")

TOKEN_VARIABLE = "BRIEFING_SERVICE_TOKEN"
TOKEN_MIN_CHARS = 16


@dataclass(frozen=True)
class ServiceOptions:
    host: str = "127.0.0.1"
    port: int = 8765
    workers: int = 2
    max_request_bytes: int = 5_000_000
    state: str | None = None  # the jobs' SQLite file; default: service.sqlite3 in the cache dir

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError("--workers must be at least 1")
        if self.max_request_bytes < 1024:
            raise ConfigError("--max-request-bytes must be at least 1024")
        if not 0 <= self.port <= 65535:
            raise ConfigError("--port must be between 0 and 65535")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def service_token(host: str) -> str | None:
    """The bearer token from the environment; required to listen beyond loopback."""
    token = os.environ.get(TOKEN_VARIABLE, "").strip() or None  # HTTP strips header values too
    if token is None and not is_loopback(host):
        raise ConfigError(
            f"listening on {host} needs a bearer token: set {TOKEN_VARIABLE} (at least "
            f"{TOKEN_MIN_CHARS} characters), or listen on 127.0.0.1"
        )
    if token is not None and len(token) < TOKEN_MIN_CHARS:
        raise ConfigError(f"{TOKEN_VARIABLE} must be at least {TOKEN_MIN_CHARS} characters")
    return token


def state_path(config: BriefConfig, options: ServiceOptions) -> Path:
    return Path(options.state).expanduser() if options.state else cache_dir(config) / STATE_FILE


@contextmanager
def _locked(state: Path) -> Iterator[None]:
    try:
        state.parent.mkdir(parents=True, exist_ok=True)
        lock = open(state.with_name(state.name + ".lock"), "a")
    except OSError as exc:
        raise ConfigError(f"cannot use the job state file {state}: {exc.strerror or exc}") from None
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(
                f"another briefing service uses {state}; stop it, or pass another --state FILE"
            ) from None
        yield  # the lock goes with the file descriptor, even on SIGKILL


@contextmanager
def running_service(
    config: BriefConfig,
    options: ServiceOptions,
    token: str | None,
    progress: Progress = no_progress,
) -> Iterator[FastAPI]:
    """The app with its job store, its workers and its one model endpoint, for a ``with``."""
    state = state_path(config, options)
    # Each job keeps config.concurrency requests in flight; the embedded model gets a slot each.
    shared = dataclasses.replace(config, concurrency=config.concurrency * options.workers)
    with _locked(state), open_endpoint(shared, progress) as endpoint:
        store = JobStore(state)
        runner = JobRunner(store, endpoint, config, options.workers)
        try:
            runner.start()
            yield create_app(
                store, runner, token=token, max_request_bytes=options.max_request_bytes
            )
        finally:
            runner.stop()
            store.close()


def listen(host: str, port: int) -> socket.socket:
    """Bind before starting, so that a busy port is one clear error and port 0 works."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(config: BriefConfig, options: ServiceOptions, progress: Progress = no_progress) -> None:
    """Run the service until interrupted (Ctrl-C or SIGTERM stop it gracefully)."""
    token = service_token(options.host)
    sock = listen(options.host, options.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    with sock, running_service(config, options, token, progress) as app:
        progress(
            f"serving on http://{shown}:{port} with {options.workers} workers; "
            f"jobs in {state_path(config, options)}" + ("; bearer token required" if token else "")
        )
        # uvicorn's own logs (requests, startup) go where briefing's go.
        logging.getLogger("uvicorn").handlers[:] = log.handlers
        logging.getLogger("uvicorn").setLevel(log.getEffectiveLevel())
        logging.getLogger("uvicorn").propagate = False
        server = uvicorn.Server(uvicorn.Config(app, log_config=None, server_header=False))
        server.run(sockets=[sock])
