"""One object for every setting of a run, and the choice of model endpoint.

Precedence: explicit values (CLI flags or keyword arguments) over environment variables over
defaults. Environment variables: ``OPENAI_BASE_URL`` and ``OPENAI_API_KEY`` select and
authenticate a remote endpoint, ``BRIEFING_MODEL`` names its model, ``BRIEFING_CACHE_DIR`` moves
the cache (the assembled embedded model, the response cache and the embedded model's saved
instruction states). Without a base URL the embedded model runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from .cache import ResponseCache
from .errors import ConfigError
from .llm import Endpoint, RetryPolicy
from .models import Citation, FactSheet
from .sources import MAX_SOURCE_BYTES

Progress = Callable[[str], None]


def no_progress(_: str) -> None:
    """The default progress callback: say nothing."""


@dataclass(frozen=True)
class BriefConfig:
    """Settings of one brief. ``None`` means: take it from the environment or the default."""

    topic: str | None = None
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    chunk_chars: int = 3000
    overlap_sentences: int = 1
    cite: Citation | None = None  # None: the endpoint's own default
    quote_feedback: bool = True  # with quotes: ask again for the quotes that were not found
    stance_check: bool = True
    bottom_line: bool = True
    also_named: int = 8  # actors the sources name often but attribute nothing to; 0: none
    concurrency: int = 1
    max_reasks: int = 2
    max_tokens: int = 1200
    max_source_bytes: int = MAX_SOURCE_BYTES
    timeout: float | None = None  # per request; None: 600 s remote, no limit for the embedded model
    threads: int | None = None
    cache: bool = True
    cache_dir: str | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    template_text: str | None = None  # a Jinja2 template's text (not its path); None: built-in
    review: bool = False  # append the review appendix (rejected drafts, disputed stances)
    since: FactSheet | None = field(default=None, repr=False)  # an earlier brief's fact sheet

    def __post_init__(self) -> None:
        if self.chunk_chars < 200:
            raise ConfigError("--chunk-chars must be at least 200")
        if self.concurrency < 1:
            raise ConfigError("--concurrency must be at least 1")
        if self.also_named < 0:
            raise ConfigError("--also-named cannot be negative")
        if self.max_reasks < 0:
            raise ConfigError("--max-reasks cannot be negative")
        if self.timeout is not None and self.timeout <= 0:
            raise ConfigError("--timeout must be a positive number of seconds")

    def resolved_base_url(self) -> str | None:
        return self.base_url or os.environ.get("OPENAI_BASE_URL") or None


REMOTE_TIMEOUT = 600.0
PREFIX_DIR = "prefixes"  # under the cache dir: the embedded model's saved instruction states


def cache_dir(config: BriefConfig | None = None) -> Path:
    """Where briefing keeps its files: --cache-dir, else BRIEFING_CACHE_DIR, else
    XDG_CACHE_HOME/briefing (``~/.cache/briefing``)."""
    explicit = (config.cache_dir if config else None) or os.environ.get("BRIEFING_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "briefing"


def open_cache(config: BriefConfig) -> ResponseCache | None:
    """The response cache for this run, or ``None`` when ``--no-cache`` turned it off."""
    return ResponseCache(cache_dir(config)) if config.cache else None


def remote_endpoint(config: BriefConfig) -> Endpoint:
    base_url = config.resolved_base_url()
    assert base_url is not None
    parsed = urlparse(base_url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"--base-url must be an http(s) URL, got {base_url!r}")
    model = config.model or os.environ.get("BRIEFING_MODEL")
    if not model:
        raise ConfigError(
            "name the model served at the base URL with --model or BRIEFING_MODEL "
            "(omit --base-url and OPENAI_BASE_URL to use the embedded model)"
        )
    api_key = config.api_key or os.environ.get("OPENAI_API_KEY")
    if not api_key:
        if parsed.hostname in ("127.0.0.1", "localhost", "::1"):
            api_key = "not-needed"  # local servers (llama.cpp, Ollama, vLLM) usually take none
        else:
            raise ConfigError(
                f"set OPENAI_API_KEY for {parsed.hostname}, or omit --base-url to use the "
                "embedded model"
            )
    # Shown in progress, errors and the fact sheet: host and path only, never userinfo.
    host = parsed.hostname or ""
    port = f":{parsed.port}" if parsed.port else ""
    display = f"{parsed.scheme}://{host}{port}{parsed.path}".rstrip("/")
    return Endpoint(
        base_url=base_url,
        model=model,
        api_key=api_key,
        label=display,
        timeout=config.timeout or REMOTE_TIMEOUT,
    )  # cached answers are keyed by the shown URL and the model name, never by the key


@contextmanager
def open_endpoint(config: BriefConfig, progress: Progress = no_progress) -> Iterator[Endpoint]:
    """Yield the endpoint to use; for the embedded model, run its server meanwhile."""
    if config.resolved_base_url():
        yield remote_endpoint(config)
        return
    if config.model:
        raise ConfigError(
            "--model names a model at a remote endpoint; pass --base-url too, or omit --model "
            "to use the embedded model"
        )
    from .backends.embedded import MODEL_NAME, MODEL_SHA256, EmbeddedServer, assemble_model

    model_path = assemble_model(cache_dir(config), progress=progress)
    server = EmbeddedServer(
        model_path,
        threads=config.threads,
        parallel=config.concurrency,
        prefix_dir=cache_dir(config) / PREFIX_DIR,
    )

    announced = False

    def start() -> str:
        nonlocal announced
        if not announced:  # the briefs of a batch share the server: say it once
            announced = True
            progress("starting the embedded model")
        return server.start()

    with server:
        yield Endpoint(
            base_url="",
            connect=start,  # started on the first request the response cache cannot answer
            prefixes=server.prefixes,  # the instructions' state, saved once per machine
            identity=f"embedded {MODEL_SHA256}",  # the port changes every run; the weights don't
            model=MODEL_NAME,
            api_key="embedded",
            label="embedded",
            cite="sentences",
            # The server reuses the KV state of the longest prefix it has seen, so the shared
            # instructions and worked example are read once per run (once per machine with the
            # saved prefixes), and a quote-feedback turn costs only its new tokens. Each run
            # starts a fresh server and sends the same requests in the same order, so reuse is
            # identical from run to run.
            extra_body={"cache_prompt": True},
            continues_answers=True,  # llama.cpp: a stance is read from one generated token
            # Our own server on loopback does not hang; a request is slow only because the
            # machine is. Timing it out would queue the retry behind the abandoned request.
            timeout=config.timeout,
        )
