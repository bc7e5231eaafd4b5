"""Read and validate a batch manifest: the briefs ``briefing batch`` writes, one entry each.

Two formats, told apart by the file's suffix: JSON Lines (``.jsonl``, one object a line,
blank lines ignored) and YAML (``.yaml``/``.yml``, a list of mappings). Each entry::

    {"name": "ransomware", "sources": ["news/", "statement.md"], "topic": "the treaty",
     "template": "house.md.j2", "output": "briefs/ransomware.md",
     "json": "briefs/ransomware.json", "html": "briefs/ransomware.html",
     "since": "briefs/yesterday/ransomware.json"}

Only ``sources`` and one of ``output``, ``json``, ``html`` are required. Relative paths are
relative to the manifest's folder. The whole manifest is validated before any brief starts, and
every problem names the line of its entry; whether sources and templates can be read is each
brief's own business, so one missing file fails one brief, not the batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError
from .output import file_key
from .sources import source_files

SUFFIXES = (".jsonl", ".yaml", ".yml")
_MAX_SHOWN_ERRORS = 5


class ManifestEntry(BaseModel):
    """One brief as the manifest states it (the wire form; paths not yet resolved)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    name: str | None = Field(
        default=None, min_length=1, description="Shown in progress and the summary."
    )
    sources: list[str] = Field(min_length=1, description="Source files or folders.")
    topic: str | None = Field(default=None, min_length=1)
    template: str | None = Field(default=None, description="A Jinja2 template file.")
    output: str | None = Field(default=None, description="Where the Markdown brief goes.")
    json_path: str | None = Field(
        default=None, alias="json", description="Where the fact sheet goes."
    )
    html: str | None = Field(default=None, description="Where the review page goes.")
    since: str | None = Field(
        default=None,
        description="An earlier brief's fact sheet: the brief shows what changed since it.",
    )

    @field_validator("sources")
    @classmethod
    def _no_stdin(cls, sources: list[str]) -> list[str]:
        if "-" in sources:
            raise ValueError("'-' (stdin) cannot be a source in a batch; name a file")
        return sources


@dataclass(frozen=True)
class BriefJob:
    """One brief to write, with every path resolved against the manifest's folder."""

    name: str
    line: int
    sources: list[str]
    topic: str | None
    template: Path | None
    output: Path | None
    json: Path | None
    html: Path | None
    since: Path | None = None

    @property
    def outputs(self) -> list[Path]:
        return [path for path in (self.json, self.html, self.output) if path is not None]


@dataclass(frozen=True)
class Manifest:
    path: Path
    jobs: list[BriefJob]

    @property
    def state_path(self) -> Path:
        """Where ``briefing batch`` records the briefs it finished, beside the manifest."""
        return _state_path(self.path)


def _state_path(manifest: Path) -> Path:
    return manifest.with_name(manifest.name + ".state.json")


def load_manifest(path: str) -> Manifest:
    """Read and validate the manifest at ``path``; raise one ``ConfigError`` for all problems."""
    manifest = Path(path)
    if manifest.suffix.lower() not in SUFFIXES:
        raise ConfigError(f"{path}: a manifest is JSON Lines (.jsonl) or YAML (.yaml, .yml)")
    try:
        text = manifest.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read manifest {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"cannot read manifest {path}: not UTF-8 text") from None
    yaml_file = manifest.suffix.lower() != ".jsonl"
    raw = _yaml_items(text, path) if yaml_file else _jsonl_items(text, path)
    if not raw:
        raise ConfigError(f"{path}: the manifest lists no briefs")
    errors: list[str] = []
    jobs: list[BriefJob] = []
    for line, item in raw:
        try:
            entry = ManifestEntry.model_validate(item)
        except ValidationError as exc:
            errors.extend(f"line {line}: {_describe(error)}" for error in exc.errors())
            continue
        if not (entry.output or entry.json_path or entry.html):
            errors.append(f"line {line}: give at least one of output, json, html")
            continue
        jobs.append(_resolve(entry, line, manifest.parent))
    errors.extend(_clashes(jobs))
    errors.extend(_replaced_inputs(jobs, manifest))
    if errors:
        more = len(errors) - _MAX_SHOWN_ERRORS
        shown = "; ".join(errors[:_MAX_SHOWN_ERRORS]) + (f"; and {more} more" if more > 0 else "")
        raise ConfigError(f"{path}: {shown}")
    return Manifest(manifest, jobs)


def _jsonl_items(text: str, path: str) -> list[tuple[int, Any]]:
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: line {number}: not JSON ({exc.msg})") from None
        except RecursionError:
            raise ConfigError(f"{path}: line {number}: not JSON (nested too deep)") from None
    return items


def _yaml_items(text: str, path: str) -> list[tuple[int, Any]]:
    """The list's items with the line each starts on (what ``yaml.safe_load`` does, keeping the
    node tree for its line numbers)."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        line = f"line {exc.problem_mark.line + 1}: " if exc.problem_mark else ""
        raise ConfigError(f"{path}: {line}not valid YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid YAML (nested too deep)") from None
    finally:
        loader.dispose()
    if data is None:
        return []
    if not isinstance(node, yaml.SequenceNode) or not isinstance(data, list):
        raise ConfigError(f"{path}: a YAML manifest is a list of briefs ('- sources: [...]')")
    return [(item.start_mark.line + 1, value) for item, value in zip(node.value, data)]


def _describe(error: Any) -> str:
    field = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"unknown field {field!r} (fields: {', '.join(_FIELDS)})"
    if error["type"] == "missing":
        return f"{field} is missing"
    if error["type"] == "too_short":
        return f"{field} is empty"
    if error["type"] == "model_type":
        return f"a brief is a mapping of fields ({', '.join(_FIELDS)}), not {error['input']!r}"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{field}: {message}" if field else message


_FIELDS = [field.alias or name for name, field in ManifestEntry.model_fields.items()]


def _resolve(entry: ManifestEntry, line: int, folder: Path) -> BriefJob:
    def place(given: str | None) -> Path | None:
        if given is None:
            return None
        path = Path(given).expanduser()
        return path if path.is_absolute() else folder / path

    first_output = entry.output or entry.json_path or entry.html
    return BriefJob(
        name=entry.name or str(first_output),
        line=line,
        sources=[str(place(source)) for source in entry.sources],
        topic=entry.topic,
        template=place(entry.template),
        output=place(entry.output),
        json=place(entry.json_path),
        html=place(entry.html),
        since=place(entry.since),
    )


def _replaced_inputs(jobs: list[BriefJob], manifest: Path) -> list[str]:
    """No brief may write over a file the run reads: any brief's source or template, or the
    manifest and its state file. (A brief's json may replace the fact sheet its own ``since``
    names: a story kept in one file, updated run after run.)"""
    read: dict[object, str] = {
        file_key(manifest): "the manifest",
        file_key(_state_path(manifest)): "the manifest's state file",
    }
    for job in jobs:
        for path in source_files(job.sources):
            read.setdefault(file_key(path), f"a source of line {job.line}")
        if job.template is not None:
            read.setdefault(file_key(job.template), f"the template of line {job.line}")
    errors = []
    for job in jobs:
        for path in job.outputs:
            what = read.get(file_key(path))
            if what is None and job.since is not None and path != job.json:
                what = "its since fact sheet" if file_key(path) == file_key(job.since) else None
            if what:
                errors.append(f"line {job.line}: writes {path}, which is {what}")
    return errors


def _clashes(jobs: list[BriefJob]) -> list[str]:
    """Two briefs may not write the same file (they would overwrite each other) nor share a
    name (the summary and the rerun state go by it)."""
    errors = []
    names: dict[str, int] = {}
    writers: dict[Path, int] = {}
    for job in jobs:
        clashes = [
            f"line {job.line}: writes {path}, as line {writers[path.resolve()]} does"
            for path in job.outputs
            if path.resolve() in writers
        ]
        if len({path.resolve() for path in job.outputs}) < len(job.outputs):
            clashes.append(f"line {job.line}: output, json and html must be different files")
        if not clashes and job.name in names:
            clashes.append(
                f"line {job.line}: the name {job.name!r} is taken by line {names[job.name]}"
            )
        errors.extend(clashes)
        names.setdefault(job.name, job.line)
        for path in job.outputs:
            writers.setdefault(path.resolve(), job.line)
    return errors
