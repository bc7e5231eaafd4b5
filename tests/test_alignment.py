"""Quote alignment finds the right span, tolerates typography, and refuses loose matches.

The article below is invented. Spans are checked by slicing the text, so an off-by-one or
a wrong occurrence fails the test rather than slipping through.
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing.alignment import (
    Aligner,
    Alignment,
    _gated_fuzzy_score,
    _style,
    _WordIndex,
    align_quote,
    normalize,
)

ARTICLE = (
    "Ministers from forty countries met in Geneva on Tuesday to discuss a draft accord on "
    "cross-border data requests.\n\n"
    "“We cannot support a text that allows secret requests without judicial oversight,” said "
    "Lena Ortiz of the Open Wires Project. Her group’s analysis — published on Monday — "
    "found that the draft’s safeguards were optional.\n\n"
    "The Interior Ministry said the accord would help police trace ransomware payments across "
    "borders and shorten investigations by several months.\n"
    "Delegates will return in March to settle the remaining articles, officials said, and a "
    "vote is expected before the summer recess."
)


def span(text: str, alignment: Alignment | None) -> str:
    """The text an alignment points at (fails the test when there is none)."""
    assert alignment is not None
    assert 0 <= alignment.start < alignment.end <= len(text)
    return text[alignment.start : alignment.end]


# --------------------------------------------------------------------------- exact


def test_exact_match_returns_the_verbatim_span() -> None:
    quote = "found that the draft’s safeguards were optional"
    alignment = align_quote(quote, ARTICLE)
    assert alignment == Alignment(
        ARTICLE.index(quote), ARTICLE.index(quote) + len(quote), "exact", 1.0
    )


def test_repeated_quote_picks_first_without_near_and_nearest_with_near() -> None:
    text = "alpha beta. " * 5  # "alpha" at 0, 12, 24, 36, 48
    aligner = Aligner(text)
    assert aligner.align("alpha") == Alignment(0, 5, "exact", 1.0)
    assert aligner.align("alpha", near=25) == Alignment(24, 29, "exact", 1.0)
    assert aligner.align("alpha", near=34) == Alignment(36, 41, "exact", 1.0)
    assert aligner.align("alpha", near=10_000) == Alignment(48, 53, "exact", 1.0)
    assert aligner.align("alpha", near=-3) == Alignment(0, 5, "exact", 1.0)
    assert aligner.align("alpha", near=6) == Alignment(0, 5, "exact", 1.0)  # tie: earlier


def test_near_also_chooses_among_normalized_occurrences() -> None:
    text = "He said “stop”. Later: “stop”. Finally “stop”."
    alignment = align_quote('"stop"', text, near=text.rindex("“"))
    assert alignment is not None and alignment.match == "normalized"
    assert alignment.start == text.rindex("“")


def test_regex_metacharacters_in_quotes_are_plain_characters() -> None:
    quote = r"a+b (c)? [d] $5.00 \d"
    text = f"Prefix text {quote} and suffix ^.*$ stays."
    assert span(text, align_quote(quote, text)) == quote
    assert align_quote(quote, text).match == "exact"  # type: ignore[union-attr]
    assert align_quote(".*", "no dots or stars here") is None
    assert align_quote("^x|y$", "x y x|y") is None


def test_blank_quotes_and_empty_texts_return_none() -> None:
    assert align_quote("", ARTICLE) is None
    assert align_quote("   \n\t", ARTICLE) is None
    assert align_quote("\u200b", ARTICLE) is None
    assert align_quote("Geneva", "") is None


def test_missing_quote_returns_none() -> None:
    assert align_quote("The central bank raised interest rates.", ARTICLE) is None


def test_alignment_is_frozen() -> None:
    alignment = Alignment(0, 1, "exact", 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        alignment.start = 2  # type: ignore[misc]


# --------------------------------------------------------------------------- normalized


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        # straight quotes in the quote, curly ones in the text
        (
            '"We cannot support a text that allows secret requests without judicial '
            'oversight," said Lena Ortiz',
            "“We cannot support a text that allows secret requests without judicial "
            "oversight,” said Lena Ortiz",
        ),
        ("Her group's analysis", "Her group’s analysis"),
        # em-dash in the text, hyphen in the quote
        ("analysis - published on Monday - found", "analysis — published on Monday — found"),
        # case of the first letter changed
        ("the Interior Ministry said", "The Interior Ministry said"),
        # whitespace doubled, and a paragraph break replaced by one space
        ("met  in   Geneva", "met in Geneva"),
        ("data requests. “We cannot", "data requests.\n\n“We cannot"),
        ("payments\tacross \n borders", "payments across borders"),
        ("several months. Delegates will", "several months.\nDelegates will"),
    ],
)
def test_normalized_matches_cover_the_original_characters(quote: str, expected: str) -> None:
    alignment = align_quote(quote, ARTICLE)
    assert alignment is not None and alignment.match == "normalized"
    assert alignment.score == 1.0
    assert span(ARTICLE, alignment) == expected


def test_curly_quotes_in_quote_match_straight_quotes_in_text() -> None:
    text = 'She said "no deal" and it\'s final - really.'
    assert span(text, align_quote("“no deal” and it’s final — really", text)) == (
        '"no deal" and it\'s final - really'
    )


def test_soft_hyphens_nbsp_and_zero_width_characters_in_text_are_ignored() -> None:
    text = "The con\u00advention\u00a0text was sign\u200bed in Vienna."
    assert span(text, align_quote("convention text was signed", text)) == (
        "con\u00advention\u00a0text was sign\u200bed"
    )


def test_collapsed_whitespace_outside_the_match_is_not_included() -> None:
    text = "First line.\n\n   Second line here.   \n\nThird."
    assert span(text, align_quote("  \n second LINE here. \n", text)) == "Second line here."


def test_wrapping_quotation_marks_and_trailing_punctuation_are_dropped_if_needed() -> None:
    text = "The minister said we will not sign it, and left."
    assert span(text, align_quote("“We will not sign it.”", text)) == "we will not sign it"
    assert span(text, align_quote("'we will not sign it'", text)) == "we will not sign it"
    # kept when they are part of the text
    text2 = "He called it 'a disaster.' Then he left."
    assert span(text2, align_quote("‘a disaster.’", text2)) == "'a disaster.'"


def test_case_folding_that_expands_maps_back_to_whole_characters() -> None:
    text = "Die Straße ist gesperrt."
    assert span(text, align_quote("STRASSE IST", text)) == "Straße ist"
    # "s" alone must not match half of the "ß"
    assert align_quote("aS", "aß") is None
    assert span("aß as", align_quote("AS", "aß as")) == "as"


# --------------------------------------------------------------------------- fuzzy


def test_one_changed_word_in_a_twelve_word_quote_aligns_fuzzily() -> None:
    quote = "the accord would help police track ransomware payments across borders and shorten"
    assert len(quote.split()) == 12
    alignment = align_quote(quote, ARTICLE)
    assert alignment is not None and alignment.match == "fuzzy"
    assert 0.75 <= alignment.score < 1.0
    assert span(ARTICLE, alignment) == (
        "the accord would help police trace ransomware payments across borders and shorten"
    )


def test_fuzzy_tolerates_a_changed_last_word_in_a_long_quote() -> None:
    quote = "Delegates will return in March to settle the remaining clauses"
    alignment = align_quote(quote, ARTICLE)
    assert alignment is not None and alignment.match == "fuzzy"
    assert span(ARTICLE, alignment) == "Delegates will return in March to settle the remaining"


def test_prefix_only_match_is_rejected() -> None:
    quote = "The Interior Ministry said that farmers deserve faster subsidy payments this year"
    assert align_quote(quote, ARTICLE) is None


def test_short_prefix_only_match_is_rejected() -> None:
    assert align_quote("The Interior Ministry resigned", ARTICLE) is None


def test_suffix_only_match_is_rejected() -> None:
    quote = "Farmers protested loudly outside as the summer recess"
    assert align_quote(quote, ARTICLE) is None


def test_scattered_common_words_are_rejected() -> None:
    assert align_quote("the of and to in that", ARTICLE) is None
    assert align_quote("said the to a on of the and in", ARTICLE) is None


def test_sentence_from_another_text_is_rejected() -> None:
    quote = "The central bank raised its key interest rate by half a point on Thursday."
    assert align_quote(quote, ARTICLE) is None


def test_words_spread_too_thinly_fail_the_density_gate() -> None:
    text = (
        "police said on Monday that they would trace the stolen payments back, "
        "and the ministry added that ransomware gangs had moved many borders away"
    )
    quote = "police trace payments ransomware borders"
    assert align_quote(quote, text) is None


def test_fuzzy_needs_at_least_four_words() -> None:
    assert align_quote("police track ransomware", ARTICLE) is None
    # all three words are there, but only punctuation differs: still too short for fuzzy
    assert align_quote("police, trace; ransomware", ARTICLE) is None
    assert align_quote("police, trace; ransomware payments", ARTICLE) is not None


def test_quote_with_a_third_of_its_words_replaced_fails_the_coverage_gate() -> None:
    text = "Auditors found grave flaws in every procurement contract signed during March."
    # 8 of 12 words match in order, ends anchored, span dense enough: coverage 67 % < 75 %
    quote = "Auditors found grave flaws across each single fresh contract signed during March"
    assert align_quote(quote, text) is None
    quote_ok = "Auditors found grave flaws in every single procurement contract signed during March"
    assert align_quote(quote_ok, text) is not None


def test_matching_only_function_words_fails_the_content_gate() -> None:
    text = "The king sold the house. It was in the garden of the queen that they met."
    # "it was in the ... of the" matches (6 of 8) but neither "house" nor "king" does there
    assert align_quote("it was in the house of the king", text) is None


def test_matched_words_diluted_by_unmatched_ones_fail_the_density_gate() -> None:
    quote = (
        "Auditors found grave flaws in procurement offices, payroll systems remain exposed "
        "during March"
    )
    diluted = (
        "Auditors found grave flaws in three regional procurement offices, while its payroll "
        "systems and tender portals remain badly exposed, mostly during March."
    )
    assert align_quote(quote, diluted) is None  # 13 matched words in a 22-word span
    lightly = (
        "Auditors found grave flaws in regional procurement offices, while payroll systems "
        "remain exposed during March."
    )
    alignment = align_quote(quote, lightly)  # 13 matched words in a 15-word span
    assert alignment is not None and alignment.match == "fuzzy"
    assert span(lightly, alignment) == lightly[:-1]


QUOTE_12 = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11".split()


@pytest.mark.parametrize(
    ("pairs", "accepted"),
    [
        ([(i, i) for i in range(12)], True),  # everything, contiguous
        ([(i, i) for i in range(12) if i not in (4, 5, 6)], True),  # 9/12 = 75 % coverage
        ([(i, i) for i in range(12) if i not in (3, 4, 5, 6)], False),  # 8/12 coverage
        ([(i, i + (7 if i >= 6 else 0)) for i in range(12)], False),  # 12 in 19: density 0.63
        ([(i, i + (6 if i >= 6 else 0)) for i in range(12)], True),  # 12 in 18: exactly 2/3
        ([(i, i) for i in range(10)], False),  # bare prefix: last two words unmatched
        ([(i, i) for i in range(11)], True),  # only the last word changed
        ([(i, i) for i in range(2, 12)], False),  # bare suffix
    ],
)
def test_fuzzy_gates_on_hand_made_matchings(pairs: list[tuple[int, int]], accepted: bool) -> None:
    score = _gated_fuzzy_score(QUOTE_12, pairs)
    assert (score is not None) is accepted
    if score is not None:
        span_words = pairs[-1][1] - pairs[0][1] + 1
        assert score == pytest.approx(len(pairs) / 12 * len(pairs) / span_words)


def test_fuzzy_content_gate_on_hand_made_matchings() -> None:
    quote = "it was in the house of the king".split()
    function_words_only = [(0, 0), (1, 1), (2, 2), (3, 3), (5, 5), (6, 6)]
    assert _gated_fuzzy_score(quote, function_words_only) is None
    with_content = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7)]
    assert _gated_fuzzy_score(quote, with_content) == 1.0


def test_fuzzy_prefers_the_occurrence_near_the_hint() -> None:
    sentence = "the committee will review the new surveillance rules next spring in Brussels. "
    text = sentence + "Unrelated filler words here. " * 10 + sentence
    quote = "the committee will review the new monitoring rules next spring"
    first = align_quote(quote, text)
    second = align_quote(quote, text, near=len(text) - 10)
    assert first is not None and second is not None
    assert first.start == 0
    assert second.start == text.rindex("the committee")
    assert span(text, second) == "the committee will review the new surveillance rules next spring"


# --------------------------------------------------------------------------- ellipsis


def test_ellipsis_spans_from_first_to_last_piece() -> None:
    quote = "We cannot support a text ... without judicial oversight"
    alignment = align_quote(quote, ARTICLE)
    assert span(ARTICLE, alignment) == (
        "We cannot support a text that allows secret requests without judicial oversight"
    )
    assert alignment is not None and alignment.match == "exact" and alignment.score == 1.0


def test_ellipsis_pieces_take_the_weakest_kind() -> None:
    quote = "“We cannot support a text … without JUDICIAL oversight,”"
    alignment = align_quote(quote, ARTICLE)
    assert alignment is not None and alignment.match == "normalized"
    assert span(ARTICLE, alignment).startswith("“We cannot support")
    assert span(ARTICLE, alignment).endswith("judicial oversight,”")


def test_ellipsis_in_brackets_and_trailing_ellipsis() -> None:
    assert span(ARTICLE, align_quote("Delegates will return [...] in March", ARTICLE)) == (
        "Delegates will return in March"
    )
    assert span(ARTICLE, align_quote("Delegates will return in March to…", ARTICLE)) == (
        "Delegates will return in March to"
    )


def test_ellipsis_pieces_out_of_order_are_rejected() -> None:
    assert align_quote("without judicial oversight ... We cannot support a text", ARTICLE) is None


def test_ellipsis_pieces_too_far_apart_are_rejected() -> None:
    text = "Opening words here. " + "filler " * 400 + "closing words there."
    assert align_quote("Opening words here ... closing words there", text) is None
    near_text = "Opening words here. " + "filler " * 10 + "closing words there."
    assert span(
        near_text, align_quote("Opening words here ... closing words there", near_text)
    ).endswith("closing words there")


def test_ellipsis_retries_a_later_first_piece() -> None:
    text = "Start here. " + "x " * 1500 + "Start here. Then a long middle passage. End there."
    alignment = align_quote("Start here ... End there", text)
    assert alignment is not None and alignment.match == "exact"
    assert alignment.start == text.rindex("Start here")
    assert alignment.end == len(text) - 1


def test_literal_ellipsis_in_text_matches_exactly() -> None:
    text = "He paused... then spoke."
    assert align_quote("paused... then", text) == Alignment(3, 17, "exact", 1.0)


# --------------------------------------------------------------------------- properties

ALPHABET = "abcdeXYZßé  ’'“\"”—-–\n."
texts = st.text(alphabet=ALPHABET, min_size=1, max_size=120)


@settings(max_examples=300, deadline=None)
@given(text=texts, data=st.data())
def test_any_substring_aligns_exactly_to_itself(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    assume(quote.strip())
    alignment = align_quote(quote, text)
    assert alignment is not None and alignment.match == "exact"
    assert text[alignment.start : alignment.end] == quote
    assert alignment.start == text.find(quote)


@settings(max_examples=300, deadline=None)
@given(text=texts, quote=st.text(alphabet=ALPHABET + "fghij…", min_size=1, max_size=60))
def test_any_returned_span_lies_inside_the_text(text: str, quote: str) -> None:
    alignment = align_quote(quote, text)
    if alignment is not None:
        assert 0 <= alignment.start < alignment.end <= len(text)
        assert 0.0 < alignment.score <= 1.0


def perturb(quote: str, swap_quotes: bool, flip_case: list[bool], double_spaces: bool) -> str:
    """Swap straight/curly quotes and dashes, flip the case of chosen letters, double spaces."""
    swaps = {"'": "’", "’": "'", '"': "“", "“": '"', "”": '"', "—": "-", "-": "–"}
    out: list[str] = []
    for index, char in enumerate(quote):
        if swap_quotes and char in swaps:
            char = swaps[char]
        if flip_case[index % len(flip_case)]:
            char = char.swapcase()
        if double_spaces and char == " ":
            char = "  "
        out.append(char)
    return "".join(out)


def count_occurrences(haystack: str, needle: str) -> int:
    """Overlapping occurrences of ``needle`` in ``haystack``."""
    count, position = 0, haystack.find(needle)
    while position != -1:
        count += 1
        position = haystack.find(needle, position + 1)
    return count


@settings(max_examples=400, deadline=None)
@given(
    text=texts,
    data=st.data(),
    swap_quotes=st.booleans(),
    flip_case=st.lists(st.booleans(), min_size=1, max_size=5),
    double_spaces=st.booleans(),
)
def test_normalization_never_moves_a_span(
    text: str,
    data: st.DataObject,
    swap_quotes: bool,
    flip_case: list[bool],
    double_spaces: bool,
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    original = text[start:end]
    assume(original.strip() == original)  # a span never starts or ends on whitespace
    quote = perturb(original, swap_quotes, flip_case, double_spaces)
    alignment = align_quote(quote, text)
    assert alignment is not None
    assert alignment.match in ("exact", "normalized")
    found = text[alignment.start : alignment.end]
    if (alignment.start, alignment.end) != (start, end):
        assert count_occurrences(normalize(text), normalize(original)) > 1
        assert normalize(found) == normalize(original)


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]),
        min_size=4,
        max_size=30,
    ),
    data=st.data(),
)
def test_fuzzy_spans_start_and_end_on_words(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words) + "."
    drop = data.draw(st.integers(0, len(words) - 1))
    quote = " ".join(words[:drop] + ["omega"] + words[drop + 1 :])
    alignment = align_quote(quote, text)
    if alignment is not None:
        found = text[alignment.start : alignment.end]
        assert found == found.strip(" .")
        assert found.split()[0] in words and found.split()[-1] in words


def test_double_quotes_turned_single_by_the_model_align_as_normalized() -> None:
    text = "He said the text could require governments \u201cto facilitate investigations\u201d."
    quote = "could require governments 'to facilitate investigations'"
    found = align_quote(quote, text)
    assert found is not None and found.match == "normalized"
    assert text[found.start : found.end] == (
        "could require governments \u201cto facilitate investigations\u201d"
    )


# --------------------------------------------------------------------------- regressions


def test_ellipsis_pieces_chain_without_the_fuzzy_word_index() -> None:
    # The first placement of "more than a few of" does not chain; a later one does. The
    # pieces are long enough for fuzzy matching, but an exact chain exists, so the word
    # index (costly on a large text) must not be built.
    text = (
        "They hired more than a few of the clerks. "
        + "filler " * 400
        + "Officials said more than a few of them read the Times's report on Monday."
    )
    aligner = Aligner(text)
    found = aligner.align("more than a few of ... read the Times's report")
    assert span(text, found) == "more than a few of them read the Times's report"
    assert found is not None and found.match == "exact"
    assert aligner._word_index is None


def test_ellipsis_finds_a_chain_past_many_placements_of_a_common_first_piece() -> None:
    # 40 copies of the first piece, each too far from the last one, before the real chain.
    block = "It is more than a rumor. " + "padding words " * 180
    text = block * 40 + "It is more than a rumor now, said the Times's editor."
    aligner = Aligner(text)
    found = aligner.align("It is more than ... the Times's editor.")
    assert found is not None and found.match == "exact"
    assert found.start == text.rindex("It is more than")
    assert text[found.start : found.end].endswith("the Times's editor.")
    assert aligner._word_index is None


def test_ellipsis_still_falls_back_to_fuzzy_pieces() -> None:
    text = "The minister said the new levy will fund rural clinics and schools next year."
    found = align_quote("The minister said ... fund remote clinics and schools next year", text)
    assert found is not None and found.match == "fuzzy"
    assert span(text, found) == text[:-1]


def test_ellipsis_span_starts_at_the_closest_copy_of_the_first_piece() -> None:
    text = (
        "Mr. Ryan claimed a mandate. The vote was close. Mr. Ryan claimed that his budget "
        "followed the bishops’ collective opinion."
    )
    found = align_quote("Mr. Ryan claimed ... bishops’ collective opinion.", text)
    assert span(text, found) == (
        "Mr. Ryan claimed that his budget followed the bishops’ collective opinion."
    )


def test_tightest_ellipsis_span_keeps_the_match_quality_of_the_first_piece() -> None:
    # A later copy of the first words without the opening quotation mark (or in another
    # case) would chain too, but it matches worse than the exact copy: the span keeps it.
    text = "“We will act,” he said, and we will act soon on the nuclear-armed Iran."
    found = align_quote("“We will act ... nuclear-armed Iran.", text)
    assert span(text, found) == text
    found = align_quote('"We will act ... nuclear-armed Iran.', text)  # normalized piece
    assert span(text, found) == text
    text2 = "We will act, he said, and we will act soon on Iran."
    assert span(text2, align_quote("We will act ... soon on Iran.", text2)) == text2
    # a later copy that matches as well does move the start
    text3 = "“We will act,” one said. “We will act,” another said, on Iran."
    found = align_quote('"We will act ... another said, on Iran.', text3)
    assert span(text3, found) == "“We will act,” another said, on Iran."


def test_normalized_match_prefers_the_copy_with_the_same_case() -> None:
    text = (
        "“dress like you deserve respect, not a spot at a bar.” was the slogan. "
        "Later the mayor said: “Dress like you deserve respect, not a spot at a bar.”"
    )
    found = align_quote('Dress like you deserve respect, not a spot at a bar."', text)
    assert found is not None and found.match == "normalized"
    assert found.start == text.index("Dress")
    assert span(text, align_quote("Dress like you deserve respect", text)).startswith("Dress")
    text2 = "It was very unfair, he said. Very unfair."
    found = align_quote("Very  unfair", text2)
    assert found is not None and found.start == text2.index("Very unfair")
    # with no copy in the same case, the first (or nearest) copy is still found
    assert span(text2, align_quote("VERY  UNFAIR", text2)) == "very unfair"


def test_same_case_copies_come_first_then_the_nearest() -> None:
    text = "Very unfair. very unfair. Very unfair. very unfair."
    aligner = Aligner(text)
    assert aligner.align("Very  unfair").start == 0  # type: ignore[union-attr]
    assert aligner.align("Very  unfair", near=20).start == 26  # type: ignore[union-attr]
    assert aligner.align("very  unfair", near=0).start == 13  # type: ignore[union-attr]
    assert aligner.align("VERY  unfair", near=30).start == 26  # type: ignore[union-attr]
    crooked = "He wrote 'crooked' first, then \"Crooked\" later."
    found = align_quote("“Crooked”", crooked)
    assert span(crooked, found) == '"Crooked"'


def test_ellipsis_quote_takes_in_brackets_and_ellipses_next_to_the_span() -> None:
    text = (
        "As he put it, [W]e have heard loud and clear from our partners. "
        "(Federal officials believe the files came via Russian hackers.) "
        "She said ... Not a single thing he said is accurate. ... Then she left."
    )
    assert span(text, align_quote("[W]e have heard ... from our partners", text)) == (
        "[W]e have heard loud and clear from our partners"
    )
    assert span(text, align_quote("(Federal officials believe ... Russian hackers.)", text)) == (
        "(Federal officials believe the files came via Russian hackers.)"
    )
    assert span(text, align_quote("... Not a ... he said is accurate. ...", text)) == (
        "... Not a single thing he said is accurate. ..."
    )
    # marks the text does not have next to the span are not taken in
    assert span(text, align_quote("(As he put ... loud and clear)", text)) == (
        "As he put it, [W]e have heard loud and clear"
    )
    unicode_text = "He said … the rest is history … and went on."
    assert span(unicode_text, align_quote("... the rest ... history ...", unicode_text)) == (
        "… the rest is history …"
    )


def test_two_thousand_quotes_against_a_megabyte_all_align() -> None:
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choices(letters, k=rng.randint(2, 9))) for _ in range(3000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    sentences: list[str] = []
    size = 0
    while size < 1 << 20:
        words = rng.choices(vocabulary, weights, k=rng.randint(6, 30))
        words[0] = words[0].capitalize()
        if rng.random() < 0.2:
            words[1] = "“" + words[1]
            words[-2] = words[-2] + "”"
        sentence = " ".join(words) + rng.choice(".?!")
        sentences.append(sentence)
        size += len(sentence) + 1
    text = " ".join(sentences)
    assert len(text) >= 1 << 20

    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    aligner = Aligner(text)
    for k in range(2000):
        length = rng.randint(5, 25)
        first = rng.randrange(len(tokens) - length)
        original = text[tokens[first][0] : tokens[first + length - 1][1]]
        quote = original
        words = original.split()
        if k % 2:
            kind = (k // 2) % 4
            if kind == 0:
                quote = original.replace("“", '"').replace("”", '"')
            elif kind == 1:
                quote = original.replace(" ", "  ")
            elif kind == 2:
                quote = original[0].swapcase() + original[1:]
            elif len(words) >= 8:
                quote = " ".join(words[:3]) + " ... " + " ".join(words[-3:])
        found = aligner.align(quote)
        assert found is not None, quote
        got = normalize(text[found.start : found.end])
        if "..." in quote:
            assert got.startswith(normalize(" ".join(words[:3]))), quote
            assert got.endswith(normalize(" ".join(words[-3:]))), quote
        else:
            assert got == normalize(original), quote
    assert aligner._word_index is None  # nothing needed fuzzy matching


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET + "ﬁİ\u200b\t", max_size=80))
def test_word_index_and_styling_agree_with_normalize(text: str) -> None:
    normalized = normalize(text)
    index = _WordIndex(normalized)
    assert index.words == re.findall(r"\w+", normalized)
    assert index.starts == [m.start() for m in re.finditer(r"\w+", normalized)]
    assert _style(text).casefold() == normalized


def test_fuzzy_spans_map_back_after_expanding_characters() -> None:
    text = "Die Straße ﬁel. The accord would help police trace ransomware payments across borders."
    quote = "the accord would help police track ransomware payments across borders"
    found = align_quote(quote, text)
    assert found is not None and found.match == "fuzzy"
    assert span(text, found) == (
        "The accord would help police trace ransomware payments across borders"
    )


def test_a_copy_with_the_same_quotation_marks_beats_one_with_other_marks() -> None:
    text = "They said we don't accept it. Later: we don’t  accept it."
    found = align_quote("we  don’t  accept", text)
    assert span(text, found) == "we don’t  accept"
    found = align_quote("we  don't  accept", text)
    assert span(text, found) == "we don't accept"
    # without such a copy, the first one whose case matches is taken
    assert span(text, align_quote("WE  don’t  accept", text)) == "we don't accept"
