"""The HTTP service on 127.0.0.1 in a thread, and a small client for it, for the tests.

The client is urllib, nothing beyond the standard library; requests are predictable because the
model behind the service is the fake server's deterministic ``echo_model``.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from briefing import BriefConfig
from briefing.llm import RetryPolicy
from briefing.service import ServiceOptions, running_service
from briefing.service.server import listen
from tests.fakeserver import FakeOpenAI

FAST_RETRY = RetryPolicy(max_attempts=4, max_seconds=30, base_delay=0.01, max_delay=0.05)
TOKEN = "a-service-token-for-tests-only-3f9c"
NAMES = (
    "Alder Birch Cedar Dogwood Elm Fir Ginkgo Hazel Ilex Juniper "
    "Kapok Larch Maple Nutmeg Olive Poplar Quince Rowan Spruce Tamarind"
).split()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Api:
    """A small client for the service under test (urllib: nothing beyond the standard library)."""

    base_url: str
    token: str | None = None

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        sent = {"Content-Type": "application/json", **(headers or {})}
        if self.token and "Authorization" not in sent:
            sent["Authorization"] = f"Bearer {self.token}"
        data = raw if raw is not None else None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path, data=data, method=method, headers=sent
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return Answer(response.status, _lower(response.headers), response.read())
        except urllib.error.HTTPError as error:
            with error:
                return Answer(error.code, _lower(error.headers), error.read())

    def wait(self, job_id: str, seconds: float = 60) -> dict[str, Any]:
        """Poll a job until it has finished."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status: dict[str, Any] = self.call("GET", f"/jobs/{job_id}").json()
            if status["status"] in ("done", "failed", "cancelled"):
                return status
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} did not finish in {seconds} s: {status}")


def _lower(headers: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def config_for(model: FakeOpenAI, cache_dir: Path, **settings: Any) -> BriefConfig:
    return BriefConfig(
        base_url=model.base_url,
        model="m",
        retry=FAST_RETRY,
        timeout=10,
        cache_dir=str(cache_dir),
        **settings,
    )


@contextmanager
def live_service(config: BriefConfig, token: str | None = None, **options: Any) -> Iterator[Api]:
    """The service on a free port of 127.0.0.1, in a thread, for the ``with`` block."""
    with running_service(config, ServiceOptions(**options), token) as app:
        sock = listen("127.0.0.1", 0)
        server = uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        try:
            deadline = time.monotonic() + 10
            while not server.started:
                assert time.monotonic() < deadline and thread.is_alive(), "no service"
                time.sleep(0.01)
            yield Api(f"http://127.0.0.1:{sock.getsockname()[1]}", token)
        finally:
            server.should_exit = True
            thread.join(10)
            sock.close()


def statement(name: str, number: int) -> dict[str, Any]:
    """A request whose brief names ``name``, and only ``name``, as an actor."""
    text = (
        f"Talks on the treaty, round {number}\n\n"
        f"Delegates met again to discuss the draft treaty. Envoy {name} said the draft "
        f"protects {name.lower()} farmers and must pass this year.\n\n"
        f"The round closed on {number % 28 + 1} March 2024 in Vienna."
    )
    return {
        "sources": [{"title": f"Round {number}: envoy {name} backs the treaty", "text": text}],
        "topic": "the draft treaty",
    }
