"""The default topic: what all the titles share, else the first title."""

from __future__ import annotations

from briefing.models import Source
from briefing.pipeline import default_topic


def titled(*titles: str) -> list[Source]:
    return [Source(id=str(n), title=title, text="text") for n, title in enumerate(titles)]


def test_shared_run_of_words_names_the_subject() -> None:
    sources = titled(
        "Will the Congestion Charge Save the Old Town?",
        "Retailers attack congestion charge plan",
        "Congestion charge: what changes on Monday",
    )
    assert default_topic(sources) == "the Congestion Charge"


def test_without_a_shared_run_the_first_title_is_the_topic() -> None:
    assert default_topic(titled("Budget passes", "Storm hits coast")) == "Budget passes"
    assert default_topic(titled("A single source")) == "A single source"


def test_a_run_never_ends_on_a_function_word() -> None:
    assert default_topic(titled("Rules of the road", "Rules of the game")) == "Rules of the road"
