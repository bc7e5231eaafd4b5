"""Typed answers from any OpenAI-compatible endpoint, through the ``openai`` client.

Two failure families, two policies, kept apart on purpose:

* **Transient transport faults** (429, 5xx, timeouts, dropped connections, an empty ``choices``)
  are retried by tenacity with backoff, honouring ``Retry-After``, bounded in attempts and in
  total time. The openai client's own retries are off so that this is the only policy.
* **Invalid answers** (not JSON, not the schema, cut off by the token limit) are *re-asked*: the
  model sees its answer and the validation error, and answers again, a bounded number of times.
  Only the latest failed answer is sent back, so the context does not grow with every re-ask.
  A server that could not read its own model's output as the required JSON answers HTTP 500
  (llama.cpp: "produced output that does not match"); at temperature 0 the same request gives
  the same output, so that is re-asked like an invalid answer instead of retried.

Token usage is summed over every attempt of both kinds. With a ``ResponseCache``, every answer is
stored as it arrives and a request already answered never reaches the endpoint again; the
endpoint itself is only contacted (and, for the embedded model, only started) on the first
request the cache cannot answer.
"""

from __future__ import annotations

import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import openai
from pydantic import BaseModel, ValidationError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
)

from .cache import CachedAnswer, ResponseCache, request_key
from .errors import BackendError, InvalidAnswerError
from .models import Citation, Usage
from .prompting import render_prompt

log = logging.getLogger("briefing")

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
Message = dict[str, str]


class PrefixKeeper(Protocol):
    """Keeps the server-side state of a request's fixed leading messages between runs."""

    def prepare(self, prefix: Sequence[Message]) -> None: ...


@dataclass(frozen=True)
class Endpoint:
    """Where the model lives and how to reach it. ``api_key`` is never logged or shown.

    ``identity`` names the model for the response cache; it defaults to the shown URL and the
    model name. ``connect``, when given, starts a server on first use and returns its base URL
    (the embedded model is only loaded when the cache cannot answer). ``prefixes``, when
    given, is told each request's fixed leading messages before it is sent.
    """

    base_url: str
    model: str
    api_key: str = field(repr=False)
    label: str = ""  # what errors and run metadata show instead of the URL, e.g. "embedded"
    extra_body: dict[str, Any] = field(default_factory=dict)
    timeout: float | None = 600.0  # seconds per request; None waits as long as it takes
    identity: str = ""
    connect: Callable[[], str] | None = field(default=None, repr=False, compare=False)
    prefixes: PrefixKeeper | None = field(default=None, repr=False, compare=False)
    # How drafts name their evidence unless the config says: strong remote models copy quotes
    # well; a small local model writes slowly, so it cites sentence numbers (see extract.py).
    cite: Citation = "quotes"
    # Whether the server continues an answer begun in the assistant turn under a GBNF grammar
    # (llama.cpp does; the OpenAI API does not): ``ask_choice`` then reads one token.
    continues_answers: bool = False

    @property
    def display(self) -> str:
        return self.label or self.base_url

    @property
    def cache_identity(self) -> str:
        return self.identity or f"{self.display} {self.model}"


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds for transient faults. Validation re-asks are bounded separately."""

    max_attempts: int = 6
    max_seconds: float = 300.0
    base_delay: float = 1.0
    max_delay: float = 30.0  # for backoff of our own choosing
    max_retry_after: float = 120.0  # the longest wait an endpoint's Retry-After is obeyed for


class _UnreadableAnswer(Exception):
    """The server generated an answer but could not parse it; the answer itself is not sent."""


_UNREADABLE = re.compile(r"produced output that does not match", re.IGNORECASE)


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
    return ""


class _TransientFault(Exception):
    """A fault worth retrying that the openai client does not raise as one: no choices, a body
    that is not JSON or not a chat completion."""


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, _TransientFault)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return False


def _retry_after_seconds(exc: BaseException | None) -> float | None:
    if not isinstance(exc, openai.APIStatusError):
        return None
    value = exc.response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


# Jitter from a generator of its own: a library that draws from the global one changes the
# sequence a caller's seeded ``random`` gives (and, under hypothesis, a test's draws).
_JITTER = random.Random()


def _backoff_seconds(policy: RetryPolicy, state: RetryCallState) -> float:
    """Retry-After when the endpoint says it, else exponential backoff with jitter."""
    exc = state.outcome.exception() if state.outcome else None
    told = _retry_after_seconds(exc)
    if told is not None:
        return min(told, policy.max_retry_after)
    backoff: float = policy.base_delay * 2 ** (state.attempt_number - 1)
    return min(policy.max_delay, backoff) * _JITTER.uniform(0.5, 1.0)


def _is_rate_limit(state: RetryCallState) -> bool:
    exc = state.outcome.exception() if state.outcome else None
    return isinstance(exc, openai.APIStatusError) and exc.status_code == 429


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "the request timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "could not connect"
    return str(exc) or type(exc).__name__


def _schema_errors(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        lines = [
            f"- {'.'.join(str(p) for p in err['loc']) or 'answer'}: {err['msg']}"
            for err in exc.errors()[:8]
        ]
        return "\n".join(lines)
    return f"- {exc}"


class ChatClient:
    """Asks an endpoint for JSON that validates against a pydantic model."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        retry: RetryPolicy | None = None,
        max_reasks: int = 2,
        max_tokens: int = 1200,
        seed: int = 0,
        cache: ResponseCache | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.retry = retry or RetryPolicy()
        self.max_reasks = max_reasks
        self.max_tokens = max_tokens
        self.seed = seed
        self.cache = cache
        self.usage = Usage()
        self._usage_lock = threading.Lock()  # requests may run on several threads
        self._json_schema_supported = True
        self._continues_answers = endpoint.continues_answers  # off if the server refuses one
        self._client: openai.OpenAI | None = None
        self._client_lock = threading.Lock()
        # When one request is told to slow down (429), every thread waits until this moment.
        self._paused_until = 0.0

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def _openai(self) -> openai.OpenAI:
        with self._client_lock:
            if self._client is None:
                base_url = self.endpoint.base_url
                if self.endpoint.connect is not None:
                    base_url = self.endpoint.connect()
                self._client = openai.OpenAI(
                    base_url=base_url,
                    api_key=self.endpoint.api_key,
                    max_retries=0,
                    timeout=self.endpoint.timeout,
                )
            return self._client

    # ------------------------------------------------------------------ public

    def ask(
        self,
        messages: list[Message],
        answer_model: type[T],
        *,
        max_tokens: int | None = None,
        shared: int = 0,
    ) -> tuple[T, str]:
        """Return the validated answer and its raw text, re-asking on invalid answers.

        ``max_tokens`` bounds this question's answer instead of the client's default.
        ``shared`` counts the leading messages that are fixed instructions, the same for every
        question of this kind and free of source text: an endpoint with ``prefixes`` keeps
        their state between runs.
        """
        conversation = list(messages)
        prefix = messages[:shared]
        last_error: Exception | None = None
        for attempt in range(self.max_reasks + 1):
            try:
                raw, finish_reason = self._complete(conversation, answer_model, max_tokens, prefix)
                if finish_reason == "length":
                    raise ValueError(
                        "the answer was cut off by the token limit; give fewer, shorter items"
                    )
                return answer_model.model_validate_json(raw), raw
            except _UnreadableAnswer as exc:
                last_error = exc
                # The answer never arrived, so only the note goes back; it changes the prompt,
                # and with it the greedy answer.
                answer_turns: list[Message] = []
            except (ValidationError, ValueError) as exc:
                last_error = exc
                answer_turns = [{"role": "assistant", "content": raw[:4000]}]
            if attempt == self.max_reasks:
                break
            with self._usage_lock:
                self.usage.reasks += 1
            log.debug("invalid answer, re-asking: %s", last_error)
            conversation = [
                *messages,
                *answer_turns,
                {"role": "user", "content": self.reask_message(_schema_errors(last_error))},
            ]
        raise InvalidAnswerError(
            f"{self.endpoint.display}: model answered invalid JSON {self.max_reasks + 1} times "
            f"({str(last_error).splitlines()[0] if last_error else 'unknown error'}); "
            "try a larger model with --model"
        )

    @staticmethod
    def reask_message(errors: str) -> str:
        return render_prompt("reask_invalid.j2", errors=errors)

    def ask_choice(
        self,
        messages: list[Message],
        answer_model: type[T],
        field_name: str,
        choices: Sequence[str],
        *,
        shared: int = 0,
    ) -> str:
        """One of ``choices``: the value of the answer's only field ``field_name``.

        Where the endpoint ``continues_answers``, the answer's opening (``{"stance":"``) is
        written into the assistant turn, a grammar leaves the model only the choices, and one
        generated token is read when the choices' first letters tell them apart: on two
        cores the JSON around a one-word answer cost six of its seven generated tokens. An
        answer that names no choice is asked again the usual way (``ask``).
        """
        if self._continues_answers:
            opening = json.dumps({field_name: ""}, separators=(",", ":"))[:-2]  # {"stance":"'
            distinct = len({choice[:1] for choice in choices}) == len(choices)
            grammar = "root ::= (" + " | ".join(json.dumps(c) for c in choices) + ') "\\"}"'
            request = self._base_request(
                [*messages, {"role": "assistant", "content": opening}],
                max_tokens=1 if distinct else max(map(len, choices)) + 2,
            )
            request["extra_body"] = {**request["extra_body"], "grammar": grammar}
            answered = self._complete_request(request, messages[:shared])
            content = answered[0] if answered else ""
            written = content.removeprefix(opening).removesuffix('"}')
            named = [choice for choice in choices if written and choice.startswith(written)]
            if len(named) == 1:
                return named[0]
            log.debug("the continued answer %r names no one choice; asking again", content)
        answer, _ = self.ask(messages, answer_model, shared=shared)
        value: str = getattr(answer, field_name)
        return value

    # ------------------------------------------------------------------ transport

    def _complete(
        self,
        messages: list[Message],
        answer_model: type[BaseModel],
        max_tokens: int | None,
        prefix: Sequence[Message] = (),
    ) -> tuple[str, str]:
        return self._with_retries(self._request, messages, answer_model, max_tokens, prefix)

    def _complete_request(
        self, request: dict[str, Any], prefix: Sequence[Message] = ()
    ) -> tuple[str, str] | None:
        """``_complete`` for a request built by the caller; ``None`` where the endpoint
        refused it (HTTP 400)."""
        return self._with_retries(self._cached_send, request, prefix)

    def _with_retries(self, send: Callable[..., R], *args: Any) -> R:
        retrying = Retrying(
            retry=retry_if_exception(_is_transient),
            stop=stop_after_attempt(self.retry.max_attempts)
            | stop_after_delay(self.retry.max_seconds),
            wait=self._wait,
            before_sleep=self._note_retry,
            reraise=True,
        )
        try:
            result: R = retrying(send, *args)
        except openai.APIStatusError as exc:
            if exc.status_code in (401, 403):
                raise BackendError(
                    f"{self.endpoint.display}: the endpoint refused the API key (HTTP "
                    f"{exc.status_code}); check OPENAI_API_KEY"
                ) from None
            if exc.status_code == 404:
                raise BackendError(
                    f"{self.endpoint.display}: model {self.endpoint.model!r} or the chat "
                    "completions route was not found (HTTP 404); check --model and --base-url"
                ) from None
            raise BackendError(
                f"{self.endpoint.display}: request failed after retries ({_describe(exc)})"
            ) from None
        except (openai.APIConnectionError, openai.APITimeoutError, _TransientFault) as exc:
            raise BackendError(
                f"{self.endpoint.display}: request failed after retries ({_describe(exc)})"
            ) from None
        return result

    def _wait(self, state: RetryCallState) -> float:
        seconds = _backoff_seconds(self.retry, state)
        if _is_rate_limit(state):
            # A rate limit applies to the whole client: hold every thread, not just this one.
            with self._usage_lock:
                self._paused_until = max(self._paused_until, time.monotonic() + seconds)
        return seconds

    def _hold_while_paused(self) -> None:
        while (delay := self._paused_until - time.monotonic()) > 0:
            time.sleep(delay)

    def _note_retry(self, state: RetryCallState) -> None:
        with self._usage_lock:
            self.usage.retries += 1
        exc = state.outcome.exception() if state.outcome else None
        log.info(
            "%s: %s, retrying (attempt %d)",
            self.endpoint.display,
            _describe(exc) if exc else "fault",
            state.attempt_number + 1,
        )

    def _request(
        self,
        messages: list[Message],
        answer_model: type[BaseModel],
        max_tokens: int | None,
        prefix: Sequence[Message] = (),
    ) -> tuple[str, str]:
        schema = answer_model.model_json_schema()
        if self._json_schema_supported:
            response_format: dict[str, Any] = {
                "type": "json_schema",
                "json_schema": {"name": answer_model.__name__, "schema": schema, "strict": True},
            }
        else:
            response_format = {"type": "json_object"}
            messages = self._with_schema_hint(messages, schema)
        request = self._base_request(messages, max_tokens)
        request["response_format"] = response_format
        answer = self._cached_send(request, prefix)
        if answer is None:  # the endpoint refused json_schema: ask again with json_object
            return self._request(messages, answer_model, max_tokens, prefix)
        return answer

    def _base_request(self, messages: list[Message], max_tokens: int | None) -> dict[str, Any]:
        return {
            "messages": messages,
            "temperature": 0,
            "seed": self.seed,
            "max_tokens": max_tokens or self.max_tokens,
            "extra_body": dict(self.endpoint.extra_body),
        }

    def _cached_send(
        self, request: dict[str, Any], prefix: Sequence[Message] = ()
    ) -> tuple[str, str] | None:
        """The answer's text and finish reason, from the cache or the endpoint; ``None`` when
        the endpoint does not accept ``json_schema``, or a continued answer."""
        key = request_key(self.endpoint.cache_identity, request) if self.cache else ""
        if self.cache and (cached := self.cache.get(key)) is not None:
            with self._usage_lock:
                self.usage.cached += 1
            return cached.content, cached.finish_reason
        try:
            answer = self._send(request, prefix)
        except _UnreadableAnswer:
            with self._usage_lock:
                self.usage.calls += 1  # the model wrote an answer; its tokens are not reported
            raise
        if answer is None:
            return None
        with self._usage_lock:
            self.usage.calls += 1
            self.usage.prompt_tokens += answer.prompt_tokens
            self.usage.completion_tokens += answer.completion_tokens
        if self.cache:
            self.cache.put(key, self.endpoint.cache_identity, answer)
        return answer.content, answer.finish_reason

    def _send(self, request: dict[str, Any], prefix: Sequence[Message] = ()) -> CachedAnswer | None:
        """One HTTP request; ``None`` when the endpoint does not accept ``json_schema``."""
        self._hold_while_paused()
        client = self._openai()
        if self.endpoint.prefixes is not None:
            self.endpoint.prefixes.prepare(prefix)
        try:
            response = client.chat.completions.create(
                model=self.endpoint.model,
                messages=request["messages"],
                temperature=request["temperature"],
                seed=request["seed"],
                max_tokens=request["max_tokens"],
                response_format=request.get("response_format", openai.NOT_GIVEN),
                extra_body=request["extra_body"] or None,
            )
        except openai.BadRequestError as exc:
            if "response_format" not in request:  # a continued answer (``ask_choice``)
                log.info("%s does not continue answers: %s", self.endpoint.display, exc)
                self._continues_answers = False
                return None
            if self._json_schema_supported and "response_format" in str(exc).lower():
                log.info("%s does not accept json_schema; using json_object", self.endpoint.display)
                self._json_schema_supported = False
                return None
            raise
        except openai.InternalServerError as exc:
            message = _server_message(exc)
            if _UNREADABLE.search(message):
                raise _UnreadableAnswer(
                    "the server could not read the answer as the required JSON "
                    f"({' '.join(message.split())[:160]})"
                ) from None
            raise
        except json.JSONDecodeError:
            raise _TransientFault("the endpoint sent a malformed JSON body") from None
        choices = getattr(response, "choices", None)
        if choices is None:
            raise _TransientFault("the endpoint answered something other than a chat completion")
        usage = getattr(response, "usage", None)
        log.debug(
            "%s: finish=%s usage=%s",
            self.endpoint.display,
            choices[0].finish_reason if choices else None,
            usage,
        )
        if not choices:
            raise _TransientFault("the endpoint answered with no choices")
        choice = choices[0]
        refusal = getattr(choice.message, "refusal", None)
        if refusal:
            # Not worth retrying at temperature 0; the pipeline skips this chunk and says so.
            raise InvalidAnswerError(
                f"{self.endpoint.display}: the model refused: {' '.join(refusal.split())[:200]}"
            )
        return CachedAnswer(
            content=choice.message.content or "",
            finish_reason=choice.finish_reason or "stop",
            prompt_tokens=(usage.prompt_tokens or 0) if usage else 0,
            completion_tokens=(usage.completion_tokens or 0) if usage else 0,
        )

    @staticmethod
    def _with_schema_hint(messages: list[Message], schema: dict[str, Any]) -> list[Message]:
        hint = "Answer with one JSON object that follows this JSON Schema:\n" + json.dumps(schema)
        first, *rest = messages
        if first["role"] == "system":
            return [{"role": "system", "content": first["content"] + "\n\n" + hint}, *rest]
        return [{"role": "system", "content": hint}, *messages]
