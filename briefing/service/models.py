"""What the HTTP service reads and answers: the JSON bodies of its API.

These models are the OpenAPI description: each field's description is its documentation, and
every bound here is enforced before a job is stored (a body that breaks one gets 422).
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    Tag,
)

from ..sources import DOCUMENT_EXTENSIONS

JobState = Literal["queued", "running", "done", "failed", "cancelled"]
FINISHED: frozenset[str] = frozenset({"done", "failed", "cancelled"})

_IN = ConfigDict(extra="forbid")
_OUT = ConfigDict(extra="forbid")
# An uploaded file's name ends in an extension briefing reads; its content is padded base64.
_FILE_NAME = r"(?i)\.(?:" + "|".join(sorted(ext[1:] for ext in DOCUMENT_EXTENSIONS)) + r")$"
_BASE64 = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"

MAX_SOURCES = 200


def _json_integer(value: object) -> object:
    """JSON Schema's integer: 2000 and 2000.0, but neither "2000" nor true (pydantic's lax
    mode would take both, and strict mode would refuse 2000.0)."""
    if isinstance(value, (str, bool)):
        raise ValueError("must be a JSON number")
    return value


JsonInteger = Annotated[int, BeforeValidator(_json_integer)]


class SourceFile(BaseModel):
    """A document file, uploaded whole: a PDF report, a Word document, a saved web page."""

    model_config = _IN
    name: str = Field(
        min_length=1,
        max_length=255,
        pattern=_FILE_NAME,
        description="The file's name; its extension says how it is read: "
        + ", ".join(sorted(DOCUMENT_EXTENSIONS))
        + ".",
    )
    content_base64: str = Field(
        min_length=4,
        pattern=_BASE64,
        description="The file's bytes, base64-encoded (standard alphabet, padded).",
    )

    def content(self) -> bytes:
        return base64.b64decode(self.content_base64, validate=True)


class _SourceFacts(BaseModel):
    model_config = _IN
    url: str | None = Field(default=None, max_length=2000, description="Where it was published.")
    outlet: str | None = Field(default=None, max_length=500, description="Who published it.")
    author: str | None = Field(
        default=None,
        max_length=500,
        description="Who wrote it (a byline, a respondent); a text in the first person is "
        "read as their words.",
    )
    published: str | None = Field(
        default=None, max_length=100, description="When it was published, as written."
    )


class TextSource(_SourceFacts):
    """One source document as text. It is data: never run, and escaped wherever it is shown."""

    title: str = Field(min_length=1, max_length=500, description="The document's headline.")
    text: str = Field(
        min_length=1,
        pattern=r"\S",
        description="The document's full text (plain text or Markdown); it is cleaned of web "
        "page chrome like a source file, and every quote in the brief points into it.",
    )


class FileSource(_SourceFacts):
    """One source document as a file, read as a source file of its name would be (a PDF's
    notes then give their pages; an e-mail's attachments are sources of their own, and the
    title, url, outlet and date given here are its message's). A file that cannot be read
    fails the job, saying why."""

    file: SourceFile
    title: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="The document's headline, instead of the title read from the file.",
    )


def _source_kind(value: object) -> str:
    """Which of the two a source is, so that a bad one is told only what that kind needs."""
    if isinstance(value, dict):
        return "FileSource" if "file" in value else "TextSource"
    return "FileSource" if isinstance(value, FileSource) else "TextSource"


SourceIn = Annotated[
    Annotated[TextSource, Tag("TextSource")] | Annotated[FileSource, Tag("FileSource")],
    Discriminator(_source_kind),
]
SOURCE_KINDS = frozenset({"TextSource", "FileSource"})
"""The tags the union puts in a validation error's location, which an answer leaves out."""


class JobOptions(BaseModel):
    """How to write the brief; the model, endpoint and cache are the service's own."""

    model_config = _IN
    stance_check: StrictBool = Field(
        default=True, description="Ask two narrow questions about each position's stance."
    )
    quote_feedback: StrictBool = Field(
        default=True, description="Ask the model again when its quotes are not in the text."
    )
    chunk_chars: JsonInteger = Field(
        default=2000, ge=200, le=50_000, description="Largest piece of text sent in one request."
    )
    review: StrictBool = Field(
        default=False,
        description="Append the review appendix (rejected drafts, disputed stances) to the brief.",
    )
    also_named: JsonInteger = Field(
        default=8,
        ge=0,
        le=100,
        description="List up to this many people and bodies the sources name often but "
        "attribute no verified position or risk to; 0 leaves the section out.",
    )
    since: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="The id of an earlier job of this service, done, on the topic: the brief "
        "then shows, after its bottom line, what changed since that job's brief.",
    )


class JobRequest(BaseModel):
    """A brief to write: its sources, and optionally its topic and options."""

    model_config = _IN
    sources: list[SourceIn] = Field(min_length=1, max_length=MAX_SOURCES)
    topic: str | None = Field(
        default=None,
        min_length=1,
        max_length=300,
        description="The policy topic; default: the words all source titles share.",
    )
    options: JobOptions = Field(default_factory=JobOptions)


class Progress(BaseModel):
    model_config = _OUT
    fraction: float = Field(
        ge=0, le=1, description="Share of the work done: chunks read, then the stance check."
    )
    messages: list[str] = Field(description="The latest progress messages, oldest first.")


class Summary(BaseModel):
    """What a finished brief holds; the fact sheet has the details."""

    model_config = _OUT
    topic: str
    positions: int
    risks: int
    events: int
    rejected: int
    skipped_chunks: int = Field(description="Chunks the model never answered validly.")
    model_calls: int
    cached_answers: int = Field(description="Answers taken from the response cache.")
    seconds: float


class JobStatus(BaseModel):
    model_config = _OUT
    id: str
    status: JobState = Field(
        description="queued → running → done | failed | cancelled. Only a done job has results."
    )
    topic: str | None = Field(description="The topic asked for, or the one chosen once done.")
    sources: int = Field(description="Number of sources submitted.")
    created_at: datetime
    started_at: datetime | None = Field(description="When the job last started running.")
    finished_at: datetime | None
    progress: Progress
    error: str | None = Field(description="Why the job failed or was cancelled.")
    cancel_requested: bool
    restarts: int = Field(
        description="How often the service stopped while this job ran and resumed it."
    )
    summary: Summary | None = Field(description="Counts of the finished brief.")


class JobList(BaseModel):
    model_config = _OUT
    jobs: list[JobStatus] = Field(description="Newest first.")


class Health(BaseModel):
    model_config = _OUT
    status: Literal["ok"]
    version: str
    workers: int
    queued: int
    running: int


class ErrorBody(BaseModel):
    """Every error answer: a stable code for programs, a sentence for people."""

    model_config = _OUT
    error: str = Field(
        description="not_found, not_ready, invalid_request, too_large, unauthorized, "
        "method_not_allowed, already_finished or http_error."
    )
    detail: str
