"""Sentence splitting and chunking: spans always map back to the source text exactly."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.chunking import (
    Chunk,
    chunk_source,
    dateline_end,
    is_heading,
    paragraph_start,
    split_sentences,
)
from briefing.errors import ConfigError
from briefing.models import Source


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def _source(text: str) -> Source:
    return Source(id="0123456789abcdef", title="t", text=text)


def _assert_exact(source: Source, chunks: list[Chunk]) -> None:
    for position, chunk in enumerate(chunks):
        assert chunk.index == position
        assert chunk.source_id == source.id
        assert chunk.text == source.text[chunk.start : chunk.end]


# --------------------------------------------------------------------------- sentences


def test_simple_sentences() -> None:
    text = "The talks ended. Did they agree? Yes!  They did."
    assert _sentences(text) == ["The talks ended.", "Did they agree?", "Yes!", "They did."]


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = (
        "Mr. Berg met Dr. Okafor in the U.S. Capitol on Aug. 8 to discuss Art. 28 of the text. "
        "Growth was 3.5 per cent, said J. R. Smith of No. 10 Policy Unit. "
        "Other issues, e.g. data transfers, remain open."
    )
    assert _sentences(text) == [
        "Mr. Berg met Dr. Okafor in the U.S. Capitol on Aug. 8 to discuss Art. 28 of the text.",
        "Growth was 3.5 per cent, said J. R. Smith of No. 10 Policy Unit.",
        "Other issues, e.g. data transfers, remain open.",
    ]


def test_a_plural_title_does_not_split() -> None:
    # BASIL: "U.S. Reps." became a sentence, and a position of an actor "U. S. Reps.".
    text = "U.S. Reps. Ana Lund and Ed Ward said the vote was fair. Sens. Ito and Park agreed."
    assert _sentences(text) == [
        "U.S. Reps. Ana Lund and Ed Ward said the vote was fair.",
        "Sens. Ito and Park agreed.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # BASIL: "the post-Sept." was a sentence's end, "11 law." the next sentence.
        (
            "Briefings were held before the vote on the post-Sept. 11 law. They went on.",
            ["Briefings were held before the vote on the post-Sept. 11 law.", "They went on."],
        ),
        (
            "The rally was led by ex-Sen. Ana Park and her aides. Few came.",
            ["The rally was led by ex-Sen. Ana Park and her aides.", "Few came."],
        ),
        # A hyphenated word that ends its sentence still ends it.
        (
            "The plan was drawn up mid-Sept. Nobody objected.",
            ["The plan was drawn up mid-Sept.", "Nobody objected."],
        ),
    ],
)
def test_an_abbreviation_after_a_hyphenated_prefix_is_one(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_abbreviation_only_joins_numbers_when_numbered() -> None:
    text = "The answer was no. Then the talks resumed."
    assert _sentences(text) == ["The answer was no.", "Then the talks resumed."]


@pytest.mark.parametrize(
    "dateline",
    [
        "KANSAS CITY, Mo. \u2014 ",
        "FERGUSON, Mo. -- ",
        "Lincoln, Neb. (Reuters) - ",
        "AUGUSTA, Me. \u2013 ",
    ],
)
def test_a_dateline_with_an_abbreviated_state_opens_its_sentence(dateline: str) -> None:
    """The full stop of "Mo." is no sentence end: the dateline is cut from the sentence, not
    left as a sentence of its own that names a place just before someone's words."""
    text = f"{dateline}Leaders accused the activists on Tuesday. They said no."
    first, second = _sentences(text)
    assert (first, second) == (
        f"{dateline}Leaders accused the activists on Tuesday.",
        "They said no.",
    )
    assert first[dateline_end(first) :] == "Leaders accused the activists on Tuesday."


def test_a_state_abbreviation_inside_a_sentence_still_ends_one_before_a_capital() -> None:
    text = "She moved to Kansas City, Mo. The city grew."
    assert _sentences(text) == ["She moved to Kansas City, Mo.", "The city grew."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Leaders are calling for Ariz. Gov. Jan Brewer to veto the bill. She did.",
            ["Leaders are calling for Ariz. Gov. Jan Brewer to veto the bill.", "She did."],
        ),
        (
            "It was signed with Wash. Governor Jay Inslee beside them. "
            "N.C. Congressman Bob Etheridge apologized.",
            [
                "It was signed with Wash. Governor Jay Inslee beside them.",
                "N.C. Congressman Bob Etheridge apologized.",
            ],
        ),
        # A state's abbreviation before any other capital still ends its sentence.
        (
            "They met in Phoenix, Ariz. Gallardo spoke.",
            ["They met in Phoenix, Ariz.", "Gallardo spoke."],
        ),
        # And a title's abbreviation after any other word does not join them.
        ("It ended at last. Gov. Brewer left.", ["It ended at last.", "Gov. Brewer left."]),
    ],
)
def test_a_state_abbreviation_before_a_title_names_the_office(
    text: str, expected: list[str]
) -> None:
    """ "Ariz. Gov. Jan Brewer" is one governor: cutting after "Ariz." left a sentence that
    opened "Gov. Jan Brewer to veto a controversial bill", the evidence of her own position."""
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cCould any judge be approved with 60 votes?\u201d Senate Majority Leader "
            "Ada Lund, R-Ky., asked on Tuesday. \u201cI doubt it.\u201d",
            [
                "\u201cCould any judge be approved with 60 votes?\u201d Senate Majority Leader "
                "Ada Lund, R-Ky., asked on Tuesday.",
                "\u201cI doubt it.\u201d",
            ],
        ),
        ('"Enough!" Tom Reyes shouted. He left.', ['"Enough!" Tom Reyes shouted.', "He left."]),
        # a name with its place (BASIL: "“Is this the behavior ...?” Representative Kevin
        # McCarthy of California, the Republican leader, asked at a news conference.")
        (
            '"Is this how they govern?" Senator Ada Lund of Ohio, the whip, asked. He left.',
            ['"Is this how they govern?" Senator Ada Lund of Ohio, the whip, asked.', "He left."],
        ),
        # A quoted question followed by a sentence of its own is cut there.
        (
            '"Why now?" The council met on Friday.',
            ['"Why now?"', "The council met on Friday."],
        ),
        ("Why now? Tom Reyes said no.", ["Why now?", "Tom Reyes said no."]),
    ],
)
def test_a_quoted_question_and_its_named_speaker_are_one_sentence(
    text: str, expected: list[str]
) -> None:
    """BASIL: the speaker's name after a quoted question was cut off into a sentence of its
    own ("Senate Majority Leader Mitch McConnell, R-Ky., asked on Tuesday."), shown as the
    summary of McConnell's position with no words of his in it."""
    assert _sentences(text) == expected


def test_quotes_and_ellipses() -> None:
    text = '"We will not sign," she said. "Never." The room fell silent... Then it erupted.'
    assert _sentences(text) == [
        '"We will not sign," she said.',
        '"Never."',
        "The room fell silent...",
        "Then it erupted.",
    ]


def test_paragraph_breaks_always_split() -> None:
    text = "A Heading Without a Stop\n\nThe body starts here. It continues\non a wrapped line."
    assert _sentences(text) == [
        "A Heading Without a Stop",
        "The body starts here.",
        "It continues\non a wrapped line.",
    ]


def test_list_items_split() -> None:
    text = "Three risks:\n  • surveillance powers\n  • weak safeguards\n- broad offences"
    assert _sentences(text) == [
        "Three risks:",
        "• surveillance powers",
        "• weak safeguards",
        "- broad offences",
    ]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


# --------------------------------------------------------------------------- chunks


def _long_text(sentences: int) -> str:
    return " ".join(
        f"Sentence number {i} says something about the treaty." for i in range(sentences)
    )


def test_short_source_is_one_chunk() -> None:
    source = _source("Just one short paragraph. With two sentences.")
    chunks = chunk_source(source)
    assert chunks == [Chunk(source.id, 0, 0, len(source.text), source.text)]


def test_long_source_has_overlapping_chunks_of_whole_sentences() -> None:
    source = _source(_long_text(60))
    sentences = _sentences(source.text)
    chunks = chunk_source(source, max_chars=300, overlap_sentences=1)
    assert len(chunks) > 5
    _assert_exact(source, chunks)
    for chunk in chunks:
        assert len(chunk.text) <= 300
        assert chunk.text.startswith("Sentence number")
        assert chunk.text.endswith("treaty.")
    for before, after in zip(chunks, chunks[1:]):
        last_sentence = _sentences(before.text)[-1]
        assert _sentences(after.text)[0] == last_sentence
        assert after.start < before.end
    assert chunks[0].start == 0
    assert chunks[-1].end == len(source.text)
    covered = {s for c in chunks for s in _sentences(c.text)}
    assert covered == set(sentences)


def test_zero_overlap_chunks_are_adjacent() -> None:
    source = _source(_long_text(40))
    chunks = chunk_source(source, max_chars=250, overlap_sentences=0)
    _assert_exact(source, chunks)
    for before, after in zip(chunks, chunks[1:]):
        assert source.text[before.end : after.start] == " "


def test_overlap_shrinks_when_sentences_are_large() -> None:
    text = "A" * 90 + ". " + "B" * 90 + ". " + "C" * 90 + "."
    chunks = chunk_source(_source(text), max_chars=100, overlap_sentences=1)
    assert [c.text[0] for c in chunks] == ["A", "B", "C"]


def test_overlong_sentence_is_split_on_whitespace() -> None:
    words = [f"word{i:03d}" for i in range(100)]
    text = "Intro sentence. " + " ".join(words) + ". Outro sentence."
    source = _source(text)
    chunks = chunk_source(source, max_chars=80, overlap_sentences=0)
    _assert_exact(source, chunks)
    assert all(len(c.text) <= 80 for c in chunks)
    for chunk in chunks:
        assert not chunk.text[0].isspace() and not chunk.text[-1].isspace()
    joined = " ".join(c.text for c in chunks)
    assert joined == text


def test_giant_word_is_cut_at_the_limit() -> None:
    source = _source("x" * 250)
    chunks = chunk_source(source, max_chars=100)
    assert [len(c.text) for c in chunks] == [100, 100, 50]
    _assert_exact(source, chunks)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ConfigError):
        chunk_source(_source("Text."), max_chars=0)
    with pytest.raises(ConfigError):
        chunk_source(_source("Text."), overlap_sentences=-1)


_TOKENS = st.sampled_from(
    ["word", "Treaty", "U.S.", "Mr.", "3.5", "end.", "why?", "no!", "...", "e.g.", "A.", "“Q.”"]
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  \n  • "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(_TOKENS, min_size=1, max_size=120))
    parts: list[str] = []
    for token in tokens:
        parts.append(token)
        parts.append(draw(_SEPARATORS))
    return draw(st.sampled_from(["", " ", "\n"])) + "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_texts(), st.integers(min_value=5, max_value=200), st.integers(min_value=0, max_value=3))
def test_chunks_map_back_and_cover_everything(text: str, max_chars: int, overlap: int) -> None:
    spans = split_sentences(text)
    for (_, end), (next_start, _) in zip(spans, spans[1:]):
        assert end <= next_start
    covered_by_sentence = {i for start, end in spans for i in range(start, end)}
    assert all(i in covered_by_sentence for i, ch in enumerate(text) if not ch.isspace())
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()

    source = _source(text)
    chunks = chunk_source(source, max_chars=max_chars, overlap_sentences=overlap)
    _assert_exact(source, chunks)
    covered = {i for c in chunks for i in range(c.start, c.end)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    for chunk in chunks:
        assert 0 < len(chunk.text) <= max_chars
    for before, after in zip(chunks, chunks[1:]):
        assert before.start < after.start
        assert before.end < after.end


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Intro sentence.\n\nHuman Rights at Risk\n\nNext sentence.", "Human Rights at Risk"),
        ("Tech Industry Opposition\n\nThe firms object.", "Tech Industry Opposition"),
        ("Intro sentence.\n\nIs the treaty safe?\n\nNext sentence.", None),  # a question
        ("Intro sentence.\n\nThe firms object\n\nNext.", "The firms object"),
        ("Intro sentence. The firms object\n\nNext.", None),  # not a line of its own
        ("Intro.\n\n" + " ".join(["word"] * 13) + "\n\nNext.", None),  # too long for one
        # A Markdown heading is one at any length: a headline restates the story.
        ("# " + " ".join(["word"] * 13) + "\n\nNext.", "# " + " ".join(["word"] * 13)),
        ("Intro.\n\n## Why it matters\n\nNext.", "## Why it matters"),
        ("Intro.\n\n#hashtag " + " ".join(["word"] * 13) + "\n\nNext.", None),
        # A block of short lines without closing punctuation: a press note's header.
        (
            "Press note\nMinistry of Ports\nIssued: 12 August 2024\n\nThe ministry agrees.",
            "Press note\nMinistry of Ports\nIssued: 12 August 2024",
        ),
        # A wrapped sentence is not one, though it ends without punctuation: a line is long.
        ("Intro.\n\n" + " ".join(["word"] * 13) + "\nend\n\nNext.", None),
    ],
)
def test_a_heading_is_a_short_line_of_its_own_without_closing_punctuation(
    text: str, heading: str | None
) -> None:
    found = [text[a:b] for a, b in split_sentences(text) if is_heading(text, a, b)]
    assert found == ([heading] if heading else [])


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        (
            "NEW YORK, Aug 9 (Example Wire) - United Nations negotiators agreed.",
            "United Nations negotiators agreed.",
        ),
        (
            "WASHINGTON -- Donald Trump said Thursday he has doubts.",
            "Donald Trump said Thursday he has doubts.",
        ),
        ("BERKELEY HEIGHTS, N.J. \u2014 Mr. Trump said so.", "Mr. Trump said so."),
        # a horizontal bar (BASIL: "WASHINGTON \u2015 In a stinging blow to ...")
        ("RIVERTON \u2015 The council voted Wednesday.", "The council voted Wednesday."),
        (
            "NEW YORK, 7 August 2024 \u2014 The coalition called on governments.",
            "The coalition called on governments.",
        ),
        # a place in title case before a wire's name
        (
            "Lindenfeld (AP) \u2013 The state's top official said so.",
            "The state's top official said so.",
        ),
        ("Lincoln, Neb. (Reuters) - The state sued.", "The state sued."),
        # no dateline: a short acronym, a dash inside the sentence, a sentence in lower case,
        # a name with its party and state
        ("Sen. Tom Coburn (R-Okla.) - He objected.", "Sen. Tom Coburn (R-Okla.) - He objected."),
        ("US - China talks resumed.", "US - China talks resumed."),
        ("The UN - and its members - agreed.", "The UN - and its members - agreed."),
        ("NATO members met on Monday.", "NATO members met on Monday."),
    ],
)
def test_a_leading_dateline_is_found(sentence: str, rest: str) -> None:
    assert sentence[dateline_end(sentence) :] == rest


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["word ", "x", "\n", "\n\n", " \n \n", "\t"]), max_size=3000),
    st.floats(min_value=0, max_value=1),
)
def test_paragraph_start_is_just_after_the_last_blank_line(parts: list[str], at: float) -> None:
    text = "".join(parts)
    position = int(len(text) * at)
    starts = [0] + [found.end() for found in re.finditer(r"\n[ \t]*\n", text[:position])]
    found = paragraph_start(text, position)
    # After a blank line (a run of newlines may be split either way), and no blank line
    # between there and the position.
    assert found in starts or text[found - 1] == "\n"
    assert not re.search(r"\n[ \t]*\n", text[found:position])
    assert found >= starts[-1] - 1
