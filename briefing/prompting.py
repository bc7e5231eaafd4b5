"""Load and render the model prompts shipped in ``prompts/`` (the package ``briefing.prompts``).

Prompts are Jinja2 templates kept out of the code so they can be read, diffed and versioned on
their own; ``prompt_version()`` is a hash of their text, and of the stance labels' definitions the
templates are given, and is recorded with every run. ``code_version()`` adds the package's code:
an evaluation reuses a result it saved only while both are the same.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from .models import STANCE_CHECK_ORDER, STANCE_DEFINITIONS

_PACKAGE = "briefing.prompts"


@cache
def _environment() -> jinja2.Environment:
    # StrictUndefined: a prompt that names a missing variable fails loudly, never renders blank.
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )


def _load(name: str) -> str:
    return read_prompt(name)


@cache
def read_prompt(name: str) -> str:
    """The raw text of one prompt file."""
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def render_prompt(name: str, **variables: Any) -> str:
    return _environment().get_template(name).render(**variables).strip()


def _prompt_names() -> list[str]:
    return sorted(
        entry.name
        for entry in resources.files(_PACKAGE).iterdir()
        if entry.name.endswith((".j2", ".json"))
    )


@cache
def prompt_version() -> str:
    digest = hashlib.sha256()
    for name in _prompt_names():
        digest.update(name.encode())
        digest.update(read_prompt(name).encode())
    # Rendered into the extraction and stance prompts: their wording and order are prompt text.
    digest.update(json.dumps([STANCE_DEFINITIONS, STANCE_CHECK_ORDER]).encode())
    return digest.hexdigest()[:12]


@cache
def code_version() -> str:
    """A hash of the prompts and of every module of the package: what a saved evaluation result
    depends on beyond the model's answers (grounding, consolidation and checks are code)."""
    digest = hashlib.sha256(prompt_version().encode())
    package = resources.files("briefing")
    for name in sorted(entry.name for entry in package.iterdir() if entry.name.endswith(".py")):
        digest.update(name.encode())
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]
