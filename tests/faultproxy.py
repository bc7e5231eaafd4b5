"""A fault-injecting HTTP proxy on 127.0.0.1 in front of any OpenAI-compatible endpoint.

Each request either fails with one of the transient faults a real endpoint shows, without
reaching the model, or is forwarded unchanged. The fake server, the embedded model's server or
any endpoint given by ``--base-url`` can sit behind it, so the same faults test them all.
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TRANSIENT_FAULTS = (
    "429",  # rate limited, no Retry-After: the client backs off on its own
    "429-retry-after",  # rate limited, told when to come back
    "500",
    "503",
    "timeout",  # no answer before the client's timeout
    "drop",  # connection closed without an answer
    "malformed",  # a 200 whose JSON body is cut off
    "empty",  # a 200 chat completion with no choices
)


class FaultProxy:
    """Forward to ``upstream`` (a base URL ending in /v1); fail a share ``rate`` of requests.

    ``schedule`` (fault names, "" for none) fixes the first requests' fate; after it, faults are
    drawn at random with ``seed``. ``hang`` is how long a "timeout" holds the request: set it
    above the client's timeout.
    """

    def __init__(
        self,
        upstream: str,
        *,
        rate: float = 0.0,
        seed: int = 0,
        kinds: Sequence[str] = TRANSIENT_FAULTS,
        schedule: Sequence[str] = (),
        hang: float = 1.0,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.rate = rate
        self.kinds = list(kinds)
        self.schedule = list(schedule)
        self.hang = hang
        self.injected: Counter[str] = Counter()
        self.forwarded = 0
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_fault(self) -> str:
        with self._lock:
            if self.schedule:
                fault = self.schedule.pop(0)
            elif self._random.random() < self.rate:
                fault = self._random.choice(self.kinds)
            else:
                fault = ""
            if fault:
                self.injected[fault] += 1
            else:
                self.forwarded += 1
            return fault

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                fault = proxy._next_fault()
                if fault:
                    self._fail(fault)
                    return
                suffix = self.path.removeprefix("/v1")
                request = urllib.request.Request(
                    proxy.upstream + suffix,
                    data=body,
                    headers={
                        name: value
                        for name, value in self.headers.items()
                        if name.lower() in ("content-type", "authorization")
                    },
                    method="POST",
                )
                try:
                    with urllib.request.urlopen(request, timeout=600) as answer:
                        status, data = answer.status, answer.read()
                        kind = answer.headers.get("content-type", "application/json")
                except urllib.error.HTTPError as error:
                    status, data = error.code, error.read()
                    kind = error.headers.get("content-type", "application/json")
                self._send(status, data, kind)

            def _send(
                self,
                status: int,
                data: bytes,
                kind: str = "application/json",
                headers: dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def _fail(self, fault: str) -> None:
                error = json.dumps({"error": {"message": f"injected fault {fault}"}}).encode()
                if fault == "429":
                    self._send(429, error)
                elif fault == "429-retry-after":
                    self._send(429, error, headers={"Retry-After": "0"})
                elif fault in ("500", "503"):
                    self._send(int(fault), error)
                elif fault == "timeout":
                    time.sleep(proxy.hang)
                    self.close_connection = True
                elif fault == "drop":
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                elif fault == "malformed":
                    self._send(200, b'{"id": "chatcmpl-x", "choices": [{"index": 0, "mess')
                elif fault == "empty":
                    empty = {"id": "chatcmpl-x", "object": "chat.completion", "created": 0}
                    empty |= {"model": "m", "choices": []}
                    self._send(200, json.dumps(empty).encode())
                else:
                    raise ValueError(f"unknown fault {fault!r}")

        return Handler
