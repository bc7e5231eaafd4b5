"""The one-call Python API: sources and a ``BriefConfig`` in, a ``Brief`` out.

``generate_brief`` loads the sources, runs the model, grounds every fact and renders the
Markdown; the stages it wires together (``load_sources``, ``extract_facts``, ``render_brief``,
``render_review_page``, ``check_brief``) stay public for callers that need one of them alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from .config import BriefConfig, Progress, no_progress, open_endpoint
from .errors import ConfigError, SourceError
from .llm import Endpoint
from .models import FactSheet, Source, Usage
from .pipeline import extract_facts
from .render import check_template, render_brief
from .review_page import render_review_page
from .sources import load_sources

PathLike: TypeAlias = str | os.PathLike[str]
SourcesGiven: TypeAlias = PathLike | Sequence[PathLike] | Sequence[Source]


@dataclass(frozen=True)
class Brief:
    """A finished brief: the grounded fact sheet and the Markdown rendered from it."""

    sheet: FactSheet
    markdown: str
    since: FactSheet | None = None  # the earlier brief's fact sheet it shows changes since

    @property
    def usage(self) -> Usage:
        """Model calls and tokens of the run, re-asks and retries included."""
        return self.sheet.run.usage

    def review_html(self) -> str:
        """The review page (what ``--html`` writes), rendered on request."""
        return render_review_page(self.sheet, since=self.since)


def generate_brief(
    sources: SourcesGiven,
    config: BriefConfig | None = None,
    *,
    progress: Progress = no_progress,
) -> Brief:
    """Write a grounded brief of ``sources``: file or folder paths, or loaded ``Source`` objects.

    Without ``config.base_url`` (or ``OPENAI_BASE_URL``) the embedded model runs for this call.
    ``progress`` receives one line per step. Raises a ``BriefingError`` subclass on failure.
    """
    config = config or BriefConfig()
    loaded = _load(sources, config)
    progress(f"read {len(loaded)} sources ({sum(len(s.text) for s in loaded):,} characters)")
    with open_endpoint(config, progress) as endpoint:
        return brief_from_sources(loaded, endpoint, config, progress)


def brief_from_sources(
    sources: Sequence[Source],
    endpoint: Endpoint,
    config: BriefConfig,
    progress: Progress = no_progress,
) -> Brief:
    """``generate_brief`` on loaded sources against an open endpoint, which callers may share."""
    if config.template_text is not None:
        check_template(config.template_text)  # fail now, not after minutes of model work
    sheet = extract_facts(sources, endpoint, config, progress)
    markdown = render_brief(sheet, config.template_text, review=config.review, since=config.since)
    return Brief(sheet, markdown, config.since)


def _load(sources: SourcesGiven, config: BriefConfig) -> list[Source]:
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]  # one path, not a sequence of characters
    given = list(sources)
    loaded = [item for item in given if isinstance(item, Source)]
    if loaded and len(loaded) != len(given):
        raise ConfigError("pass either paths or loaded Source objects, not both")
    if not loaded:
        paths = [os.fspath(item) for item in given if not isinstance(item, Source)]
        loaded = load_sources(paths, max_bytes=config.max_source_bytes)
    if not loaded:
        raise SourceError("no sources given")
    return loaded
