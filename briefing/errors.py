"""Errors raised by briefing, and the exit codes the CLI maps them to.

Exception tree::

    BriefingError                 root; the CLI catches it once and prints one line
    ├── ConfigError               you asked for something inconsistent (exit 2)
    ├── SourceError               a source could not be read or holds no text (exit 3)
    ├── BackendError              the model endpoint failed or misbehaved (exit 4)
    │   ├── InvalidAnswerError    the model kept answering output that fits no schema
    │   └── EmbeddedModelError    the embedded model could not be assembled or started
    └── OutputError               an output file could not be written (exit 5)

Every message says what went wrong and, where it can, what to do next. Messages never
carry secrets: the API key is never formatted into one.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Root of every error briefing raises on purpose."""

    exit_code = 1


class ConfigError(BriefingError):
    """The options or environment do not describe a usable configuration."""

    exit_code = 2


class SourceError(BriefingError):
    """A source document is missing, unreadable, binary or empty."""

    exit_code = 3


class BackendError(BriefingError):
    """The model endpoint failed after retries, or kept answering invalid output."""

    exit_code = 4


class InvalidAnswerError(BackendError):
    """Re-asks were exhausted: the model kept answering invalid or cut-off output.

    The pipeline records the chunk as skipped and goes on; the brief says what is missing.
    """


class EmbeddedModelError(BackendError):
    """The embedded model's weights could not be assembled, or its server would not start."""


class OutputError(BriefingError):
    """An output file could not be written."""

    exit_code = 5


EXIT_INTERRUPTED = 130
EXIT_CHECK_FAILED = 6  # `briefing check` found a problem: a result, not an error
EXIT_BATCH_FAILED = 7  # `briefing batch`: some briefs failed, the others were written
