"""The Python API: ``generate_brief`` and the README's Python examples, run against the fake
server exactly as a user would run them against a real endpoint."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing import Brief, BriefConfig, ConfigError, SourceError, generate_brief, load_sources
from tests.conftest import statement_answer
from tests.fakeserver import FakeOpenAI, echo_model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "un-cybercrime-convention"


def readme_python_blocks() -> list[str]:
    """The ```python blocks of the README's "Python API" section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```python\n(.*?)^```$", section, re.S | re.M)


def test_readme_python_examples_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's code unchanged; the environment points it at the fake server, as
    OPENAI_BASE_URL and BRIEFING_MODEL would point it at any endpoint."""
    blocks = readme_python_blocks()
    assert len(blocks) == 2
    shutil.copytree(EXAMPLES, tmp_path / "examples" / EXAMPLES.name)
    monkeypatch.chdir(tmp_path)
    with FakeOpenAI(responder=echo_model) as fake:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("BRIEFING_MODEL", "fake-model")
        for number, block in enumerate(blocks, 1):
            exec(compile(block, f"README.md, Python block {number}", "exec"), {})
    assert fake.requests and {r["model"] for r in fake.requests} == {"fake-model"}
    out = capsys.readouterr().out
    assert re.search(r"^[1-9]\d* positions, \d+ model calls$", out, re.M)
    assert "# the UN convention against cybercrime\n- " in out  # the second block's template
    assert (tmp_path / "brief.md").read_text().startswith("# Policy brief: the UN convention")
    assert (tmp_path / "review.html").read_text().startswith("<!DOCTYPE html>")
    assert '"schema_version"' in (tmp_path / "facts.json").read_text()


def test_generate_brief_from_one_path_or_loaded_sources(
    fake: FakeOpenAI, statement_file: Path
) -> None:
    config = BriefConfig(
        base_url=fake.base_url, model="m", stance_check=False, bottom_line=False, topic="the treaty"
    )
    fake.enqueue(statement_answer())
    from_path = generate_brief(statement_file, config)  # one path, not a list of characters
    from_sources = generate_brief(load_sources([str(statement_file)]), config)  # from the cache
    assert isinstance(from_path, Brief)
    assert from_path.markdown == from_sources.markdown
    assert from_path.markdown.startswith("# Policy brief: the treaty")
    assert len(from_path.sheet.positions) == 2
    assert (from_path.usage.calls, from_sources.usage.cached) == (1, 1)
    assert len(fake.requests) == 1
    assert "span-1" in from_path.review_html()


def test_template_and_review_come_from_the_config(fake: FakeOpenAI, statement_file: Path) -> None:
    fake.enqueue(statement_answer())
    config = BriefConfig(
        base_url=fake.base_url,
        model="m",
        stance_check=False,
        bottom_line=False,
        template_text="{{ positions | length }} positions{% if review %}, review{% endif %}",
        review=True,
    )
    brief = generate_brief([statement_file], config)
    assert brief.markdown == "2 positions, review"


def test_broken_template_fails_before_any_model_call(
    fake: FakeOpenAI, statement_file: Path
) -> None:
    config = BriefConfig(base_url=fake.base_url, model="m", template_text="{% for %}")
    with pytest.raises(ConfigError, match="template error on line 1"):
        generate_brief([statement_file], config)
    assert fake.requests == []


def test_sources_are_paths_or_sources_not_both(statement_file: Path) -> None:
    loaded = load_sources([str(statement_file)])
    with pytest.raises(ConfigError, match="not both"):
        generate_brief(
            [*loaded, str(statement_file)], BriefConfig(base_url="http://127.0.0.1:9/v1", model="m")
        )
    with pytest.raises(SourceError):
        generate_brief([], BriefConfig())
