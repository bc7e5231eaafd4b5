"""Markdown notes read as their reader sees them: inline marks read, blocks kept."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.markdown import markdown_text
from tests.source_files import read_one


@pytest.mark.parametrize(
    ("written", "seen"),
    [
        ("- **Costs.** Shops could lose trade.", "- Costs. Shops could lose trade."),
        ("A __strong__ and *light* and _soft_ word.", "A strong and light and soft word."),
        ("**Bold with *inner* words** and ***both***.", "Bold with inner words and both."),
        ("The file_name and snake_case_words stay.", "The file_name and snake_case_words stay."),
        ("5 * 3 * 2 = 30, and a * b.", "5 * 3 * 2 = 30, and a * b."),
        ('See [the report](https://example.org/r "Report") now.', "See the report now."),
        ("See [the annex][2] and [sic] there.", "See the annex and [sic] there."),
        (
            "Mail <mailto:press@example.org> or <https://example.org>.",
            "Mail mailto:press@example.org or https://example.org.",
        ),
        ("A ![logo](logo.png) picture.", "A picture."),
        ("The ~~old claim~~ new claim.", "The new claim."),
        ("Kept <!-- a note to the editor --> text.", "Kept text."),
        ("Code `**as written**` and ``a ` tick``.", "Code **as written** and a ` tick."),
        ("Stars \\*kept\\* and \\_kept\\_ too.", "Stars *kept* and _kept_ too."),
        ("A claim.[^1]", "A claim."),
        (
            "**Unclosed bold\n\nin the next paragraph**",
            "**Unclosed bold\n\nin the next paragraph**",
        ),
        ("**Bold over\na line break**", "Bold over\na line break"),
    ],
)
def test_inline_marks_read_as_shown(written: str, seen: str) -> None:
    assert markdown_text(written) == seen


def test_blocks_and_definitions() -> None:
    written = (
        "# A *headline*\n\n"
        "> **Quoted** words.\n\n"
        "1. First [item][a]\n"
        "2. Second item\n\n"
        "[a]: https://example.org/a 'Title'\n"
        "[^1]: A footnote stays as text.\n\n"
        "```\n**code** as _written_\n```\n"
        "After the **fence**."
    )
    assert markdown_text(written) == (
        "# A headline\n\n"
        "> Quoted words.\n\n"
        "1. First item\n"
        "2. Second item\n\n"
        "[^1]: A footnote stays as text.\n\n"
        "```\n**code** as _written_\n```\n"
        "After the fence."
    )


def test_unclosed_fence_keeps_the_rest_as_written() -> None:
    assert markdown_text("Said **this**.\n\n~~~\n**not read**\n") == (
        "Said this.\n\n~~~\n**not read**\n"
    )


def test_a_bracketed_label_before_prose_is_not_a_link_definition() -> None:
    """ "[Editor's note]: This article was updated" reads like a reference definition's
    start, but prose follows the colon, not an address."""
    written = "[Editor's note]: This article was updated on Monday.\n[1]: https://example.org"
    assert markdown_text(written) == "[Editor's note]: This article was updated on Monday.\n"


@pytest.mark.parametrize("unit", ["**a ", "_a ", "[", "![", "~~a ", "`a ", "<!-- "])
def test_unclosed_marks_cost_linear_time(unit: str) -> None:
    """A hostile file of marks that never close is read in bounded time (each pattern's
    reach is capped), and left as written."""
    text = unit * 20_000
    started = time.perf_counter()
    assert markdown_text(text).replace("`", "") == text.replace("`", "")
    assert time.perf_counter() - started < 5


def test_markdown_source_text_and_title(tmp_path: Path) -> None:
    written = (
        "---\noutlet: Example Wire\n---\n\n"
        "# Council *rejects* the plan\n\n"
        "The council opposes it. It names two risks:\n\n"
        "- **Costs.** Shops could lose a fifth of their trade.\n"
        "- **Jobs.** Up to [300 jobs](https://example.org/jobs) may go.\n"
    )
    source = read_one(tmp_path / "note.md", written.encode())
    assert source.title == "Council rejects the plan"
    assert source.text == (
        "# Council rejects the plan\n\n"
        "The council opposes it. It names two risks:\n\n"
        "- Costs. Shops could lose a fifth of their trade.\n"
        "- Jobs. Up to 300 jobs may go."
    )


def test_private_use_characters_in_the_note_are_not_taken_for_parked_marks() -> None:
    """The reader parks escapes and code spans in the private use area; a note's own
    private-use characters (a symbol font's glyphs) are taken out first, so they can neither
    stand for a parked code span (which raised IndexError) nor turn into ASCII punctuation."""
    written = "A note \ue0009\ue001 here, `code` and \U000f002a stars \\* kept."
    assert markdown_text(written) == "A note 9 here, code and stars * kept."
