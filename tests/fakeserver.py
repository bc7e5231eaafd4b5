"""A fake OpenAI-compatible endpoint on 127.0.0.1 that replays scripted answers.

Tests enqueue what the "model" answers (JSON content, HTTP faults) and afterwards assert on what
was asked. The real ``openai`` client and its HTTP stack are exercised end to end.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Reply:
    """One scripted response: a chat completion, or an HTTP fault."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None  # raw body overriding the completion envelope
    finish_reason: str = "stop"
    prompt_tokens: int = 100
    completion_tokens: int = 50


Responder = Callable[[dict[str, Any]], Reply]


class FakeOpenAI:
    """Serve ``/v1/chat/completions`` from a queue of replies, or from a responder function."""

    def __init__(self, responder: Responder | None = None) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.responder = responder
        # llama.cpp's slot save and restore, served from ``slot_dir`` when it is set: ``slot``
        # is what the one slot holds (the last request's messages), and ``held`` records what
        # it held when each chat request arrived.
        self.slot_dir: Path | None = None
        self.slot: list[dict[str, Any]] = []
        self.held: list[list[dict[str, Any]]] = []
        self.slot_actions: list[str] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def enqueue(self, *replies: Reply | str) -> None:
        for reply in replies:
            self.replies.append(Reply(content=reply) if isinstance(reply, str) else reply)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_reply(self, request: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(request)
            if self.replies:
                return self.replies.popleft()
        if self.responder is not None:
            return self.responder(request)
        return Reply(status=500, body={"error": {"message": "fake server: no reply scripted"}})

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                if self.path.startswith("/slots/"):
                    self._answer(*fake._slot_action(self.path, request))
                    return
                with fake._lock:
                    fake.headers.append({k.lower(): v for k, v in self.headers.items()})
                    fake.held.append(fake.slot)
                    fake.slot = request.get("messages", [])
                reply = fake._next_reply(request)
                if reply.body is not None or reply.status != 200:
                    payload = (
                        reply.body if reply.body is not None else {"error": {"message": "fault"}}
                    )
                else:
                    payload = {
                        "id": f"chatcmpl-{len(fake.requests)}",
                        "object": "chat.completion",
                        "created": 0,
                        "model": request.get("model", "fake"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": reply.content},
                                "finish_reason": reply.finish_reason,
                            }
                        ],
                        "usage": {
                            "prompt_tokens": reply.prompt_tokens,
                            "completion_tokens": reply.completion_tokens,
                            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
                        },
                    }
                self._answer(reply.status, payload, reply.headers)

            def _answer(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def _slot_action(self, path: str, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Save the slot's messages to a file, or restore them from one, as llama.cpp would."""
        action = path.partition("action=")[2]
        with self._lock:
            self.slot_actions.append(action)
            if self.slot_dir is None:
                return 501, {"error": {"message": "This server does not support slots action."}}
            file = self.slot_dir / str(request.get("filename", ""))
            if action == "save":
                file.write_text(json.dumps(self.slot))
                return 200, {"id_slot": 0, "n_saved": len(self.slot)}
            try:
                self.slot = json.loads(file.read_text())
            except (OSError, ValueError):
                return 400, {"error": {"message": "failed to restore slot"}}
            return 200, {"id_slot": 0, "n_restored": len(self.slot)}


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][”\"])\s+|\n+")
_SPEAKER = re.compile(
    r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+),?\s+(?:said|says|warned|argued|added|told)\s+(.+)"
)
_QUOTED_THEN_SPEAKER = re.compile(r"“([^”]{12,})[,.]?”,? (?:said|says) ((?:[A-Z][\w'’-]+ ?){1,4})")
_DATE = re.compile(
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}\b"
)


def echo_model(request: dict[str, Any]) -> Reply:
    """A deterministic stand-in model that answers any briefing request from its content alone.

    It reads the chunk like a naive extractor: "<Name> said <words>" becomes a position quoting
    up to twelve of those words, a sentence with a full date becomes an event. Asked for the
    bottom line, it restates the first facts listed, one sentence each. The same request
    always gets the same answer, in any order and on any thread, as a cached model's would.
    """
    last = request["messages"][-1]["content"]
    if "\nFacts:\n" in last:
        return Reply(content=json.dumps({"sentences": _bottom_line_for(last)}))
    if "stance toward" in last:
        actor = re.search(r"^What is (.+)'s stance toward", last, re.M)
        return Reply(content=json.dumps({"stance": _stance_for(actor.group(1) if actor else "")}))
    if "not in the text word for word" in last:
        count = len(re.findall(r"^\d+\. ", last, re.M))
        return Reply(content=json.dumps({"quotes": [""] * count}))
    text = last.split("\n", 3)[-1]
    numbered = _NUMBERED.findall(text)
    if numbered:  # sentence citations: the same naive reading, citing numbers, not quotes
        return Reply(content=json.dumps(_cited_answer(numbered)))
    positions, events = [], []
    for sentence in _SENTENCE_END.split(text):
        said = _SPEAKER.search(sentence)
        quoted = _QUOTED_THEN_SPEAKER.search(sentence)
        if (said or quoted) and len(positions) < 6:
            actor, words = (
                (said.group(1), said.group(2)) if said else (quoted.group(2), quoted.group(1))
            )  # type: ignore[union-attr]
            actor = actor.strip()
            quote = " ".join(words.split()[:12]).rstrip(".,;:")
            positions.append(
                {
                    "actor": actor,
                    "actor_kind": "person",
                    "quote": quote,
                    "summary": f"{actor} comments on the treaty.",
                    "stance": _stance_for(actor),
                }
            )
        if (date := _DATE.search(sentence)) and len(events) < 3:
            events.append(
                {"quote": sentence.strip(), "date": date.group(0), "description": "It happened."}
            )
    return Reply(content=json.dumps({"positions": positions, "risks": [], "events": events}))


_NUMBERED = re.compile(r"^\[(\d+)\] (.+)$", re.M)


def _cited_answer(numbered: list[tuple[str, str]]) -> dict[str, Any]:
    positions: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for number, sentence in numbered:
        said = _SPEAKER.search(sentence)
        quoted = _QUOTED_THEN_SPEAKER.search(sentence)
        if (said or quoted) and len(positions) < 6:
            actor = (said.group(1) if said else quoted.group(2)).strip()  # type: ignore[union-attr]
            positions.append(
                {"actor": actor, "sentence": int(number), "stance": _stance_for(actor)}
            )
        if _DATE.search(sentence) and len(events) < 3:
            events.append({"sentence": int(number)})
    return {"positions": positions, "events": events}


_FACT_LINE = re.compile(r"^([PRE]\d+)(?:, [PRE]\d+)*\. .*: (.+)$", re.M)


def _bottom_line_for(question: str) -> list[dict[str, Any]]:
    """One sentence per listed fact, as many as the question asks at least: the fact's text."""
    least = int(re.findall(r"Write (\d+)", question)[-1])
    return [
        {"facts": [label], "sentence": text} for label, text in _FACT_LINE.findall(question)[:least]
    ]


def _stance_for(actor: str) -> str:
    return ("supports", "opposes", "concerned")[sum(map(ord, actor)) % 3]


class SlowEchoModel:
    """``echo_model`` behind a fixed latency per request, 0.3 to 1.2 s from a hash of its
    messages, so benchmarks measure scheduling against a slow endpoint, not a model.
    ``delays`` records every latency served, in the order served."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self._lock = threading.Lock()

    @staticmethod
    def latency(request: dict[str, Any]) -> float:
        digest = hashlib.sha256(json.dumps(request["messages"]).encode()).digest()
        return 0.3 + 0.9 * digest[0] / 255

    def __call__(self, request: dict[str, Any]) -> Reply:
        seconds = self.latency(request)
        with self._lock:
            self.delays.append(seconds)
        time.sleep(seconds)
        return echo_model(request)
