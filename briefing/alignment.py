"""Find where a model-supplied quote sits in a source text, as a character span.

A model asked to copy a sentence verbatim usually does, but not always byte for byte: it
straightens curly quotes, turns an em-dash into a hyphen, re-flows line breaks, changes the
case of the first letter, wraps the quote in quotation marks, swaps a word, or cuts the
middle out with an ellipsis. :func:`align_quote` (or :class:`Aligner`, for many quotes
against one text) tries these stages in order and returns the first that succeeds:

1. **exact** -- ``text.find(quote)``; among several occurrences the one nearest ``near``.
2. **normalized** -- both sides pass through a character map (typographic quotes and dashes
   to ASCII, soft hyphens and zero-width characters dropped, whitespace runs collapsed to
   one space, case folded) that remembers, for each normalized character, the original
   character it came from, so a hit maps back to a span of the *original* text. Quotation
   marks around the quote and trailing punctuation are dropped only if needed to match.
   Among several occurrences, one whose original characters equal the quote up to
   quotation-mark style and whitespace (case kept) wins; then the one nearest ``near``.
3. **ellipsis** (only for quotes containing ``...`` or ``…``) -- each piece must align, in
   order, each starting after the previous one ends and at most ``MAX_ELLIPSIS_GAP``
   characters later; the span runs from the first piece to the last. Pieces match exactly
   or normalized; fuzzy pieces are tried only when no such chain exists anywhere. The
   first piece takes its latest placement that still chains and matches at least as well
   (the tightest span), and a bracket or ellipsis opening or closing the quote is included
   when the text has it right next to the span.
4. **fuzzy** -- word-level, in-order matching (longest common subsequence) inside candidate
   windows seeded by the quote's rarest words, accepted only through explicit gates:
   enough of the quote matched (coverage), few unmatched words inside the span (density),
   real content words matched, and both ends of the quote anchored.

Why there is no prefix match: a quote whose first few words match and whose rest does not
is exactly the case of a model that started copying and then made something up. Accepting
it would attach invented words to a real span, so a fuzzy match must cover most of the
quote *and* reach (within one word) its first and last words.

Every search is ``str.find`` on strings or a lookup in a precomputed word index; the quote
is never compiled into a regular expression, so regex metacharacters in quotes are inert.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

MatchKind = Literal["exact", "normalized", "fuzzy"]

MIN_FUZZY_TOKENS = 4
"""A quote shorter than this many words is never matched fuzzily."""
MAX_ELLIPSIS_GAP = 2_000
"""Largest number of characters allowed between two consecutive ellipsis pieces."""
MAX_ELLIPSIS_ATTEMPTS = 16
"""How many placements of the first ellipsis piece are tried before giving up."""
ONE_SCAN_MIN_CHARS = 32_768
"""From this text length on, stages 1 and 2 share one scan (same result, less time)."""
MAX_FUZZY_WINDOWS = 64
"""Upper bound on candidate windows scored for one fuzzy search."""
MAX_ALIGNED_WINDOWS = 8
"""Upper bound on windows given a full word-by-word alignment in one fuzzy search."""

_KIND_RANK: dict[MatchKind, int] = {"exact": 0, "normalized": 1, "fuzzy": 2}

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032`"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Double quotation marks fold to the single one: small models turn "..." into '...' when a
# quote sits inside the JSON string they write, and the two never differ in meaning here.
_ONE_TO_ONE: tuple[tuple[str, str], ...] = (
    *((c, "'") for c in _SINGLE_QUOTES),
    *((c, "'") for c in _DOUBLE_QUOTES),
    ('"', "'"),
    *((c, "-") for c in _DASHES),
)
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
# Everything but a lone plain space between visible characters: a run that starts with a
# non-space whitespace, an invisible character, or a space followed by another of these.
_SPECIAL_RUN = re.compile(f"(?:[^\\S ]|[{_INVISIBLE}]| (?=[\\s{_INVISIBLE}]))[\\s{_INVISIBLE}]*")
_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")

_QUOTE_MARKS = "'\""
_TRAILING_PUNCTUATION = ".,;:!?"
_PIECE_EDGES = " \t\r\n[]()"
_OPENING_MARKS = "([.\u2026"
_CLOSING_MARKS = ")].\u2026"

_Quality = tuple[int, int, int, float]
"""How well an ellipsis piece matched, lower is better: (stage, variant, case differs, -score)."""
_EXACT_QUALITY: _Quality = (0, 0, 0, -1.0)

STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t d ll m re ve said says say
    """.split()
)
"""Function words that cannot, on their own, make a fuzzy match."""


@dataclass(frozen=True)
class Alignment:
    """Where a quote sits in a text: ``text[start:end]``, how it matched, and how well."""

    start: int
    end: int
    match: MatchKind
    score: float


# --------------------------------------------------------------------------- normalization


class _OffsetMap:
    """For each position of a normalized string, the index of the original character.

    Stored as runs, not one integer per character, so a megabyte maps in milliseconds: a
    run either advances one original character per normalized one (step 1) or repeats a
    single original character (step 0: a case fold that expanded, ``ß`` -> ``ss``).
    Origins never decrease, and run origins strictly increase.
    """

    def __init__(self) -> None:
        self._norm_starts: array[int] = array("q")
        self._origins: array[int] = array("q")
        self._steps: array[int] = array("b")
        self.length = 0

    def append_run(self, origin: int, length: int) -> None:
        """Map ``length`` new positions to ``origin, origin + 1, ...``."""
        if length <= 0:
            return
        if self._steps and self._steps[-1] == 1 and self._next_origin() == origin:
            self.length += length  # extends the previous run
            return
        self._start_run(origin, 1)
        self.length += length

    def append_repeat(self, origin: int, length: int) -> None:
        """Map ``length`` new positions all to the one original character ``origin``."""
        if length == 1:
            self.append_run(origin, 1)
        elif length > 1:
            self._start_run(origin, 0)
            self.length += length

    def _start_run(self, origin: int, step: int) -> None:
        self._norm_starts.append(self.length)
        self._origins.append(origin)
        self._steps.append(step)

    def _next_origin(self) -> int:
        """The origin a step-1 continuation of the last run would have."""
        return self._origins[-1] + (self.length - self._norm_starts[-1]) * self._steps[-1]

    def origin(self, position: int) -> int:
        """Index in the original text of the character behind normalized ``position``."""
        run = bisect.bisect_right(self._norm_starts, position) - 1
        return self._origins[run] + (position - self._norm_starts[run]) * self._steps[run]

    def origins(self, positions: list[int]) -> list[int]:
        """:meth:`origin` for many ascending positions, in one walk over the runs."""
        result: list[int] = []
        run, last_run = 0, len(self._norm_starts) - 1
        norm_starts, origins, steps = self._norm_starts, self._origins, self._steps
        for position in positions:
            while run < last_run and norm_starts[run + 1] <= position:
                run += 1
            result.append(origins[run] + (position - norm_starts[run]) * steps[run])
        return result

    def first_at_or_after(self, index: int) -> int:
        """Smallest normalized position whose origin is ``>= index`` (``length`` if none)."""
        run = bisect.bisect_right(self._origins, index) - 1
        if run < 0:
            return 0
        run_end = self._norm_starts[run + 1] if run + 1 < len(self._norm_starts) else self.length
        step = self._steps[run]
        last_origin = self._origins[run] + (run_end - 1 - self._norm_starts[run]) * step
        if index <= last_origin:
            return self._norm_starts[run] + (index - self._origins[run]) * step
        return run_end

    def last_at_or_before(self, index: int) -> int:
        """Largest normalized position whose origin is ``<= index`` (-1 if none)."""
        return self.first_at_or_after(index + 1) - 1

    def covers_whole_characters(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` neither begins nor ends inside an expanded character."""
        starts_clean = start == 0 or self.origin(start - 1) != self.origin(start)
        ends_clean = end >= self.length or self.origin(end) != self.origin(end - 1)
        return starts_clean and ends_clean


def normalize(text: str) -> str:
    """Return the normalized form used for matching (see the module docstring)."""
    return _normalize_with_offsets(text)[0]


def _style(text: str) -> str:
    """Quotation marks, dashes and whitespace as :func:`normalize` has them, case kept.

    ``_style(text).casefold() == normalize(text)``: case folding works character by
    character, so folding before or after collapsing whitespace gives the same string.
    """
    return _SPECIAL_RUN.sub(_collapse_run, _replace_one_to_one(text))


def _collapse_whitespace(text: str) -> str:
    """Whitespace runs to one space and invisible characters dropped; nothing else changed."""
    return _SPECIAL_RUN.sub(_collapse_run, text)


def _collapse_run(run: re.Match[str]) -> str:
    """A whitespace run becomes one space; a run of invisible characters vanishes."""
    return " " if _first_whitespace_index(run.group()) >= 0 else ""


def _normalize_with_offsets(text: str) -> tuple[str, _OffsetMap]:
    """Normalize ``text`` and return, with it, the map back to original indices.

    Original characters that vanish (invisible ones, the rest of a whitespace run) have no
    normalized position; a whitespace run becomes one space mapped to its first whitespace.
    """
    translated = _replace_one_to_one(text)  # same length: indices unchanged
    parts: list[str] = []
    offsets = _OffsetMap()
    position = 0
    for run in _SPECIAL_RUN.finditer(translated):
        _append_case_folded(translated, position, run.start(), parts, offsets)
        whitespace_at = _first_whitespace_index(run.group())
        if whitespace_at >= 0:
            parts.append(" ")
            offsets.append_run(run.start() + whitespace_at, 1)
        position = run.end()
    _append_case_folded(translated, position, len(translated), parts, offsets)
    return "".join(parts), offsets


def _replace_one_to_one(text: str) -> str:
    """Typographic quotes and dashes to their ASCII forms, character for character."""
    for typographic, plain in _ONE_TO_ONE:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def _first_whitespace_index(run: str) -> int:
    """Index of the first whitespace character of ``run``, or -1 if it has none."""
    for index, char in enumerate(run):
        if char.isspace():
            return index
    return -1


def _append_case_folded(
    text: str, start: int, end: int, parts: list[str], offsets: _OffsetMap
) -> None:
    """Case-fold ``text[start:end]`` onto ``parts``, recording each output's origin.

    ``str.casefold`` works character by character without context, so a slice whose folded
    length is unchanged maps one to one; otherwise the slice is halved until the characters
    that expand (``ß``, ``İ``, ligatures) are isolated.
    """
    if start >= end:
        return
    folded = text[start:end].casefold()
    if len(folded) == end - start:
        parts.append(folded)
        offsets.append_run(start, end - start)
    elif end - start == 1:
        parts.append(folded)
        offsets.append_repeat(start, len(folded))
    else:
        middle = (start + end) // 2
        _append_case_folded(text, start, middle, parts, offsets)
        _append_case_folded(text, middle, end, parts, offsets)


def _quote_variants(normalized_quote: str) -> list[str]:
    """The normalized quote, then copies without wrapping quotation marks or end punctuation."""
    stripped_marks = normalized_quote.strip(_QUOTE_MARKS + " ")
    stripped_punct = normalized_quote.rstrip(_TRAILING_PUNCTUATION + " ")
    stripped_both = stripped_marks.rstrip(_TRAILING_PUNCTUATION + " ").strip(_QUOTE_MARKS + " ")
    variants: list[str] = []
    for candidate in (normalized_quote, stripped_marks, stripped_punct, stripped_both):
        if candidate and candidate not in variants:
            variants.append(candidate)
    return variants


def _core(normalized_quote: str) -> str:
    """The normalized quote without wrapping quotation marks and end punctuation."""
    return normalized_quote.lstrip(_QUOTE_MARKS + " ").rstrip(
        _QUOTE_MARKS + _TRAILING_PUNCTUATION + " "
    )


def _has_ellipsis(quote: str) -> bool:
    """Whether the quote marks an omission with ``...`` or ``…``."""
    return "..." in quote or "\u2026" in quote


def _ellipsis_pieces(quote: str) -> list[str]:
    """Split a quote at its ellipses, dropping brackets, blanks and pieces under 2 chars."""
    pieces = quote.replace("\u2026", "...").split("...")
    cleaned = (piece.strip(_PIECE_EDGES).lstrip(".").strip(_PIECE_EDGES) for piece in pieces)
    return [piece for piece in cleaned if len(piece) >= 2]


# --------------------------------------------------------------------------- searching


def _always(_start: int) -> bool:
    """Accept every occurrence."""
    return True


def _nearest_occurrence(
    haystack: str,
    needle: str,
    lo: int,
    hi: int,
    near: int | None,
    is_valid: Callable[[int], bool] = _always,
) -> int | None:
    """Start of a valid occurrence of ``needle`` with ``lo <= start <= hi``.

    The first one when ``near`` is None, else the one whose start is nearest ``near``
    (the earlier one on a tie). Uses only ``find``/``rfind``; the backward search is
    limited to the distance of the forward hit, so a hit right at ``near`` costs little.
    """
    if not needle or lo > hi:
        return None
    pivot = lo if near is None else min(max(near, lo), hi + 1)
    stop = hi + len(needle)  # occurrences must start at or before hi
    after = haystack.find(needle, pivot, stop)
    while after != -1 and not is_valid(after):
        after = haystack.find(needle, after + 1, stop)
    if after > hi:
        after = -1
    if near is None:
        return None if after == -1 else after
    # An earlier occurrence only wins if it is at least as close as the later one.
    floor = lo if after == -1 else max(lo, 2 * near - after)
    # Occurrences lying wholly inside haystack[floor : pivot - 1 + len] start before pivot.
    before = haystack.rfind(needle, floor, pivot - 1 + len(needle))
    while before != -1 and not is_valid(before):
        before = haystack.rfind(needle, floor, before - 1 + len(needle))
    if before == -1:
        return None if after == -1 else after
    if after == -1 or near - before <= after - near:
        return before
    return after


def _first_occurrence_ranked(
    haystack: str,
    needle: str,
    lo: int,
    hi: int,
    is_valid: Callable[[int], bool],
    rank: Callable[[int], int],
    floor: int = 0,
) -> tuple[int | None, int]:
    """The first valid occurrence starting in ``[lo, hi]`` of the best (lowest) rank.

    One scan, which stops at the first occurrence ranked ``floor`` (the best possible);
    returns the start (or None) and its rank.
    """
    best: int | None = None
    best_rank = -1
    stop = hi + len(needle)
    at = haystack.find(needle, lo, stop) if needle else -1
    while at != -1:
        if is_valid(at):
            level = rank(at)
            if level <= floor:
                return at, level
            if best is None or level < best_rank:
                best, best_rank = at, level
        at = haystack.find(needle, at + 1, stop)
    return best, best_rank


def _has_clean_edges(quote: str) -> bool:
    """Whether the quote starts and ends with a visible, non-space character."""
    return not (
        quote[0].isspace()
        or quote[-1].isspace()
        or quote[0] in _INVISIBLE
        or quote[-1] in _INVISIBLE
    )


def _latest_occurrence(
    haystack: str, needle: str, lo: int, end: int, is_valid: Callable[[int], bool] = _always
) -> int | None:
    """Start of the last valid occurrence of ``needle`` lying wholly inside ``[lo, end)``."""
    if not needle:
        return None
    at = haystack.rfind(needle, lo, end)
    while at != -1 and not is_valid(at):
        at = haystack.rfind(needle, lo, at + len(needle) - 1)
    return None if at == -1 else at


def _mark_forms(edge: str, allowed: str, brackets: str, *, leading: bool) -> list[str]:
    """What a quote's opening (or closing) marks may look like in the text, longest first.

    ``edge`` is what the quote has before its first piece (or after its last): only a
    bracket or an ellipsis (with dots and spaces) qualifies. The forms keep the spaces
    between the marks and the words, then drop them; ``...`` may also be ``…`` in the text.
    """
    marks = edge.strip()
    if not marks or any(char not in allowed for char in marks):
        return []
    if "..." not in marks and not any(char in brackets for char in marks):
        return []
    spaced = edge.lstrip() if leading else edge.rstrip()
    forms: list[str] = []
    for form in (spaced, marks):
        for variant in (form, form.replace("...", "\u2026")):
            if variant not in forms:
                forms.append(variant)
    return forms


def _lcs_length(quote_masks: dict[str, int], width: int, window: list[str]) -> int:
    """Length of the longest common subsequence, by the bit-vector method (one pass)."""
    full = (1 << width) - 1
    v = full
    for word in window:
        u = v & quote_masks.get(word, 0)
        v = ((v + u) | (v - u)) & full
    return width - v.bit_count()


def _word_masks(words: list[str]) -> dict[str, int]:
    """For each distinct word, a bit mask of the positions where it occurs."""
    masks: dict[str, int] = {}
    for index, word in enumerate(words):
        masks[word] = masks.get(word, 0) | (1 << index)
    return masks


def _latest_start_matches(quote: list[str], window: list[str]) -> list[tuple[int, int]]:
    """A longest in-order matching, as (quote index, window index), starting as late as it can.

    Window words are skipped whenever skipping keeps the matching longest, so stray early
    copies of quote words (a "the" three sentences back) are not picked up.
    """
    n, m = len(quote), len(window)
    # suffix[i][j] = length of the longest common subsequence of quote[i:] and window[j:]
    suffix = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        word, row, below = quote[i], suffix[i], suffix[i + 1]
        for j in range(m - 1, -1, -1):
            if window[j] == word:
                row[j] = below[j + 1] + 1
            else:
                row[j] = below[j] if below[j] >= row[j + 1] else row[j + 1]
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m and suffix[i][j] > 0:
        if suffix[i][j + 1] == suffix[i][j]:
            j += 1
        elif quote[i] == window[j]:
            pairs.append((i, j))
            i += 1
            j += 1
        else:
            i += 1
    return pairs


def _compact_matches(quote: list[str], window: list[str]) -> list[tuple[int, int]]:
    """A longest in-order matching that starts as late and then ends as early as possible."""
    forward = _latest_start_matches(quote, window)
    if not forward:
        return []
    first = forward[0][1]
    tail = window[first:]
    backward = _latest_start_matches(quote[::-1], tail[::-1])
    n, m = len(quote), len(tail)
    return sorted((n - 1 - i, first + m - 1 - j) for i, j in backward)


def _raw_fuzzy_score(quote_length: int, pairs: list[tuple[int, int]]) -> float:
    """Coverage times density, without any gate."""
    if not pairs:
        return 0.0
    span = pairs[-1][1] - pairs[0][1] + 1
    return (len(pairs) / quote_length) * (len(pairs) / span)


def _trim_loose_ends(quote_length: int, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop end matches while that raises coverage x density (a stray word far away)."""
    trimmed = pairs
    while len(trimmed) > 2:
        current = _raw_fuzzy_score(quote_length, trimmed)
        options = [trimmed[1:], trimmed[:-1]]
        best = max(options, key=lambda option: _raw_fuzzy_score(quote_length, option))
        if _raw_fuzzy_score(quote_length, best) <= current:
            break
        trimmed = best
    return trimmed


def _gated_fuzzy_score(quote: list[str], pairs: list[tuple[int, int]]) -> float | None:
    """Coverage x density if the matching passes every fuzzy gate, else None."""
    n, matched = len(quote), len(pairs)
    if n < MIN_FUZZY_TOKENS or matched == 0:
        return None
    if matched * 4 < n * 3:  # coverage >= 75 %
        return None
    span = pairs[-1][1] - pairs[0][1] + 1
    if matched * 3 < span * 2:  # density >= 2/3
        return None
    end_slack = 1 if n >= 8 else 0  # both ends anchored: no bare prefix (or suffix) match
    if pairs[0][0] > end_slack or pairs[-1][0] < n - 1 - end_slack:
        return None
    content = sum(1 for word in quote if word not in STOPWORDS)
    matched_content = sum(1 for i, _ in pairs if quote[i] not in STOPWORDS)
    if matched_content < 2 or matched_content * 5 < content * 3:  # >= 60 % of content
        return None
    return (matched / n) * (matched / span)


def _seed_positions(quote: list[str], positions: dict[str, list[int]]) -> list[int] | None:
    """Quote indices whose occurrences must include at least one matched word, or None.

    At most ``n - ceil(0.75 n)`` quote words may go unmatched; words absent from the text
    use up that allowance first. Picking one more than what is left among the rarest
    present words guarantees (pigeonhole) that every acceptable match contains a seed.
    """
    n = len(quote)
    allowed_missing = n - (3 * n + 3) // 4
    present = [i for i, word in enumerate(quote) if word in positions]
    left = allowed_missing - (n - len(present))
    if left < 0:
        return None
    present.sort(key=lambda i: len(positions[quote[i]]))
    return present[: left + 1]


def _content_can_match(quote: list[str], positions: dict[str, list[int]]) -> bool:
    """Whether enough non-stopwords of the quote occur in the text to pass the gate."""
    content = [word for word in quote if word not in STOPWORDS]
    present = sum(1 for word in content if word in positions)
    return present >= 2 and present * 5 >= len(content) * 3


def _cluster_diagonals(votes: dict[int, int], slack: int) -> list[tuple[int, int, int]]:
    """Group diagonals (text index - quote index) lying within ``slack`` of a cluster's first.

    Returns ``(lowest, highest, votes)`` per cluster, in text order; a window where many
    seed words line up gathers many votes.
    """
    clusters: list[tuple[int, int, int]] = []
    for diagonal in sorted(votes):
        if clusters and diagonal - clusters[-1][0] <= slack:
            low, _, count = clusters[-1]
            clusters[-1] = (low, diagonal, count + votes[diagonal])
        else:
            clusters.append((diagonal, diagonal, votes[diagonal]))
    return clusters


def _best_supported(votes: Counter[int], limit: int, near: int | None) -> list[int]:
    """Up to ``limit`` diagonals with the most votes; ties go to the nearest (or earliest).

    Finds the vote threshold from the (few) distinct vote counts first, since a common seed
    word can cast thousands of single votes.
    """
    level_sizes = Counter(votes.values())
    threshold, above = 0, 0
    for level in sorted(level_sizes, reverse=True):
        threshold = level
        if above + level_sizes[level] >= limit:
            break
        above += level_sizes[level]
    sure = [diagonal for diagonal, count in votes.items() if count > threshold]
    tied = sorted(diagonal for diagonal, count in votes.items() if count == threshold)
    room = limit - len(sure)
    if len(tied) > room:
        tied = tied[:room] if near is None else _closest_values(tied, near, room)
    return sure + tied


def _closest_values(values: list[int], center: int, count: int) -> list[int]:
    """The ``count`` entries of sorted ``values`` nearest ``center`` (lower one on a tie)."""
    right = bisect.bisect_left(values, center)
    left = right - 1
    chosen: list[int] = []
    while len(chosen) < count and (left >= 0 or right < len(values)):
        if right >= len(values) or (left >= 0 and center - values[left] <= values[right] - center):
            chosen.append(values[left])
            left -= 1
        else:
            chosen.append(values[right])
            right += 1
    return chosen


# --------------------------------------------------------------------------- the aligner


class _WordIndex:
    """The words of the normalized text, where each starts, and (lazily) where each occurs.

    Words and starts come from one regex split and a running sum, both done in C, so a
    megabyte indexes in a few tens of milliseconds; the word -> positions table is built
    only when a fuzzy search first needs it. Starts are *normalized* offsets: the
    :class:`_OffsetMap` turns the few that end up in a span into original ones.
    """

    def __init__(self, normalized: str) -> None:
        parts = _WORD_SPLIT.split(normalized)  # separator, word, separator, ..., separator
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = list(accumulate(map(len, parts)))[0:-1:2]
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """For each distinct word, the ascending indices where it occurs."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            get = positions.get
            for index, word in enumerate(self.words):
                found = get(word)
                if found is None:
                    positions[word] = [index]
                else:
                    found.append(index)
            self._positions = positions
        return self._positions


class Aligner:
    """Precomputes the normalized form of one text (and its offset map) so many quotes align fast.

    Build one per source text and call :meth:`align` for each quote.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._normalized, self._offsets = _normalize_with_offsets(text)
        self._word_index: _WordIndex | None = None  # built on the first fuzzy search
        # built on first use: cheap tests that spare a scan of the whole text
        self._characters: frozenset[str] | None = None
        self._has_double_space = False
        self._mark_starts: dict[str, list[int]] = {}

    def align(self, quote: str, *, near: int | None = None) -> Alignment | None:
        """Locate ``quote`` in the text; None when it is blank or not found (see module doc)."""
        if not quote or quote.isspace():
            return None
        end = len(self.text)
        found = None
        if not _has_ellipsis(quote) or self._ellipsis_may_be_literal(quote):
            # With near None and a quote with visible ends, the normalized search ranks the
            # occurrences (verbatim, same marks, same case, other) and so finds verbatim
            # copies too: on a long text the separate exact scan is skipped.
            ranked = near is None and _has_clean_edges(quote)
            if not (ranked and end >= ONE_SCAN_MIN_CHARS) and self._could_be_verbatim(quote):
                found = self._find_exact(quote, 0, end, near)
            if found is None and ranked:
                hit = self._normalized_hit(quote, 0, end, None, verbatim=True)
                found = None if hit is None else hit[0]
            elif found is None:
                found = self._find_normalized(quote, 0, end, near)
        if found is None and _has_ellipsis(quote):
            found = self._find_with_ellipsis(quote, near)
        if found is None:
            found = self._find_fuzzy(quote, 0, end, near)
        return found

    # ------------------------------------------------------------------ quick tests

    def _could_be_verbatim(self, quote: str) -> bool:
        """False when the quote has a character (or a double space) the text lacks."""
        if self._characters is None:
            self._characters = frozenset(self.text)
            self._has_double_space = "  " in self.text
        if not self._has_double_space and "  " in quote:
            return False
        return self._characters.issuperset(quote)

    def _ellipsis_may_be_literal(self, quote: str) -> bool:
        """Whether the text could hold the quote with its ellipsis as written (``...``/``…``).

        Checked only at the (few) places where the text has that ellipsis, so a quote that
        cuts words out with one costs no scan of the whole text before its pieces align.
        An exact or normalized match of the quote (or of any variant) contains its core.
        """
        core = _core(normalize(quote).strip(" "))
        found = [(core.find(mark), mark) for mark in ("...", "\u2026") if mark in core]
        if not found:
            return True
        at, mark = min(found)
        for start in self._mark_positions(mark):
            if start >= at and self._normalized.startswith(core, start - at):
                return True
        return False

    def _mark_positions(self, mark: str) -> list[int]:
        """Every start (overlapping ones too) of ``mark`` in the normalized text."""
        if mark not in self._mark_starts:
            starts: list[int] = []
            at = self._normalized.find(mark)
            while at != -1:
                starts.append(at)
                at = self._normalized.find(mark, at + 1)
            self._mark_starts[mark] = starts
        return self._mark_starts[mark]

    # ------------------------------------------------------------------ stages

    def _find_exact(self, quote: str, lo: int, hi: int, near: int | None) -> Alignment | None:
        """Stage 1: the quote verbatim, starting in ``[lo, hi]``."""
        start = _nearest_occurrence(self.text, quote, lo, hi, near)
        if start is None:
            return None
        return Alignment(start, start + len(quote), "exact", 1.0)

    def _find_normalized(self, quote: str, lo: int, hi: int, near: int | None) -> Alignment | None:
        """Stage 2: normalized quote (or a variant) in the normalized text, mapped back."""
        hit = self._normalized_hit(quote, lo, hi, near)
        return None if hit is None else hit[0]

    def _normalized_hit(
        self,
        quote: str,
        lo: int,
        hi: int,
        near: int | None,
        *,
        prefer_case: bool = True,
        verbatim: bool = False,
    ) -> tuple[Alignment, int, bool] | None:
        """Stage 2 with how it matched: (alignment, variant index, case preserved).

        Variants are tried in order (the whole quote first). Among the occurrences of a
        variant, one whose original characters equal the quote up to quotation-mark style
        and whitespace -- case kept -- wins over one that needs case folding; within each
        group the nearest ``near`` (or the first) wins. ``prefer_case=False`` skips that
        preference (and its extra scan) and takes the nearest occurrence.

        ``verbatim=True`` (only with ``near`` None and a quote that neither starts nor ends
        with whitespace or an invisible character) does stages 1 and 2 in one scan: every
        verbatim copy of such a quote is also an occurrence of its normalized form, so the
        first occurrence that is verbatim -- returned as an exact match -- is the one
        ``str.find`` would give; failing that, the first same-case one, then the first.
        """
        styled_quote = _style(quote).strip(" ")
        if not styled_quote:
            return None
        offsets = self._offsets
        lo_n = offsets.first_at_or_after(lo)
        hi_n = offsets.last_at_or_before(hi)
        if lo_n > hi_n:
            return None
        near_n = None if near is None else offsets.first_at_or_after(near)
        normalized_quote = styled_quote.casefold()
        for attempt, variant in enumerate(_quote_variants(styled_quote)):
            if attempt == 1 and not self._core_occurs(normalized_quote, lo_n, hi_n):
                return None  # every variant contains the core: no need to scan for each
            exact_for = quote if verbatim and attempt == 0 and near_n is None else None
            found = self._variant_occurrence(
                variant, lo_n, hi_n, near_n, prefer_case=prefer_case, verbatim_quote=exact_for
            )
            if found is None:
                continue
            start_n, level = found
            length = len(variant.casefold())
            if level == 0 and exact_for is not None:
                start = offsets.origin(start_n)
                return Alignment(start, start + len(quote), "exact", 1.0), 0, True
            start, end = self._original_span(start_n, length)
            return Alignment(start, end, "normalized", 1.0), attempt, level <= 2
        return None

    def _variant_occurrence(
        self,
        variant: str,
        lo_n: int,
        hi_n: int,
        near_n: int | None,
        *,
        prefer_case: bool,
        verbatim_quote: str | None,
    ) -> tuple[int, int] | None:
        """Normalized start of the best occurrence of a styled ``variant``, and its level.

        Levels: 0 verbatim (``verbatim_quote`` given), 1 the same quotation marks with only
        whitespace differing, 2 the same up to quotation-mark style and whitespace (case
        kept), 3 anything else. Without ``verbatim_quote`` only levels 2 and 3 are told
        apart (and not even those with ``prefer_case=False``).
        """
        folded = variant.casefold()
        length = len(folded)
        whole = self._boundary_check(length)
        haystack = self._normalized

        def same_case(at: int) -> bool:
            return self._styled_slice(at, length) == variant

        if not prefer_case:
            start_n = _nearest_occurrence(haystack, folded, lo_n, hi_n, near_n, whole)
            return None if start_n is None else (start_n, 3)
        if near_n is not None:
            start_n = _nearest_occurrence(
                haystack, folded, lo_n, hi_n, near_n, lambda at: whole(at) and same_case(at)
            )
            if start_n is not None:
                return start_n, 2
            start_n = _nearest_occurrence(haystack, folded, lo_n, hi_n, near_n, whole)
            return None if start_n is None else (start_n, 3)
        floor = 0
        if verbatim_quote is None:
            floor = 2

            def rank(at: int) -> int:
                return 2 if same_case(at) else 3

        else:
            spaced_quote = _collapse_whitespace(verbatim_quote)

            def rank(at: int) -> int:
                start, end = self._original_span(at, length)
                original = self.text[start:end]
                if original == verbatim_quote:
                    return 0
                if _collapse_whitespace(original) == spaced_quote:
                    return 1  # the same quotation marks too: only whitespace differs
                return 2 if _style(original) == variant else 3

        start_n, level = _first_occurrence_ranked(haystack, folded, lo_n, hi_n, whole, rank, floor)
        return None if start_n is None else (start_n, level)

    def _original_span(self, start_n: int, length: int) -> tuple[int, int]:
        """The original ``[start, end)`` behind normalized ``[start_n, start_n + length)``."""
        offsets = self._offsets
        return offsets.origin(start_n), offsets.origin(start_n + length - 1) + 1

    def _styled_slice(self, start_n: int, length: int) -> str:
        """The original characters behind a normalized slice, with :func:`_style` applied."""
        start, end = self._original_span(start_n, length)
        return _style(self.text[start:end])

    def _core_occurs(self, normalized_quote: str, lo_n: int, hi_n: int) -> bool:
        """Whether the quote stripped of wrapping marks and end punctuation can occur there.

        A variant starting in ``[lo_n, hi_n]`` holds the core within ``len(quote)`` after.
        """
        core = _core(normalized_quote)
        if not core:
            return True
        return self._normalized.find(core, lo_n, hi_n + len(normalized_quote)) != -1

    def _boundary_check(self, length: int) -> Callable[[int], bool]:
        """Predicate: does a normalized slice of ``length`` at a start cover whole characters?

        A case fold can turn one original character into several (``ß`` -> ``ss``); a match
        that begins or ends inside such a group would not correspond to a clean span.
        """
        offsets = self._offsets

        def on_char_boundaries(start_n: int) -> bool:
            return offsets.covers_whole_characters(start_n, start_n + length)

        return on_char_boundaries

    # ------------------------------------------------------------------ ellipsis

    def _find_with_ellipsis(self, quote: str, near: int | None) -> Alignment | None:
        """Stage 3: every piece between ellipses aligns, in order, with bounded gaps.

        Pieces are first chained with exact and normalized matches only; fuzzy piece
        matching (which needs the word index) is tried only when no such chain exists. The
        first piece is then moved to its latest placement that still chains and matches at
        least as well, so the span is the tightest one, not one opening on an earlier copy
        of the first words. Brackets or ellipses that open or close the quote are included
        when the text has them right next to the span.
        """
        pieces = _ellipsis_pieces(quote)
        if not pieces:
            return None
        hits = self._ellipsis_chain(pieces, near, fuzzy=False)
        if hits is None:
            hits = self._ellipsis_chain(pieces, near, fuzzy=True)
        if hits is None:
            return None
        if len(hits) > 1:
            hits[0] = self._tightest_first(pieces[0], hits[0], hits[1][0])
        alignments = [hit for hit, _ in hits]
        weakest = max((hit.match for hit in alignments), key=_KIND_RANK.__getitem__)
        start, end = self._widen_to_marks(quote, pieces, alignments[0].start, alignments[-1].end)
        return Alignment(start, end, weakest, min(hit.score for hit in alignments))

    def _ellipsis_chain(
        self, pieces: list[str], near: int | None, *, fuzzy: bool
    ) -> list[tuple[Alignment, _Quality]] | None:
        """Hits for every piece, chained in order, or None.

        The placement of the first piece nearest ``near`` is tried first, then placements in
        text order. After a failed chain (without fuzzy matching), placements that cannot
        reach the next occurrence of the piece that failed are skipped.
        """
        text_end = len(self.text)
        tried: set[int] = set()
        if near is not None:
            first = self._find_piece(pieces[0], 0, text_end, near, fuzzy=fuzzy)
            if first is None:
                return None
            tried.add(first[0].start)
            hits, _ = self._chain_from(first, pieces, fuzzy=fuzzy)
            if hits is not None:
                return hits
        lo, attempts = 0, 0
        while attempts < MAX_ELLIPSIS_ATTEMPTS:
            first = self._find_piece(pieces[0], lo, text_end, None, fuzzy=fuzzy)
            if first is None:
                return None
            start = first[0].start
            lo = start + 1
            if start in tried:
                continue
            tried.add(start)
            attempts += 1
            hits, failed = self._chain_from(first, pieces, fuzzy=fuzzy)
            if hits is not None:
                return hits
            if not fuzzy:
                resume = self._resume_point(pieces, failed, start)
                if resume is None:
                    return None
                lo = max(lo, resume)
        return None

    def _chain_from(
        self, first: tuple[Alignment, _Quality], pieces: list[str], *, fuzzy: bool
    ) -> tuple[list[tuple[Alignment, _Quality]] | None, int]:
        """Align ``pieces[1:]`` one after another following ``first``.

        Returns the hits, or None and the index of the piece that could not be placed.
        """
        hits = [first]
        for index in range(1, len(pieces)):
            previous_end = hits[-1][0].end
            hit = self._find_piece(
                pieces[index], previous_end, previous_end + MAX_ELLIPSIS_GAP, None, fuzzy=fuzzy
            )
            if hit is None:
                return None, index
            hits.append(hit)
        return hits, 0

    def _resume_point(self, pieces: list[str], failed: int, start: int) -> int | None:
        """Lowest start of the first piece from which a chain might still reach ``failed``.

        Any chain whose first piece starts after ``start`` places piece ``failed`` at or
        after its next occurrence past ``start``, and lies within a bounded reach before
        it. None when the piece occurs nowhere after ``start``: no later chain can exist.
        """
        piece = pieces[failed]
        text_end = len(self.text)
        candidates: list[int] = []
        at = self.text.find(piece, start + 1)
        if at != -1:
            candidates.append(at)
        hit = self._normalized_hit(piece, start + 1, text_end, None, prefer_case=False)
        if hit is not None:
            candidates.append(hit[0].start)
        if not candidates:
            return None
        reach = failed * MAX_ELLIPSIS_GAP + 2 * sum(len(p) for p in pieces[:failed]) + 16
        return min(candidates) - reach

    def _tightest_first(
        self, piece: str, first: tuple[Alignment, _Quality], second: Alignment
    ) -> tuple[Alignment, _Quality]:
        """The latest placement of the first piece that still precedes ``second``.

        Only placements matching at least as well as ``first`` count (an exact copy, or a
        normalized one of the same or a longer variant, case kept if it was), so the span
        does not shrink onto the same words without, say, their opening quotation mark.
        """
        alignment, quality = first
        lo, limit = alignment.start + 1, second.start
        if lo >= limit:
            return first
        best = first
        at = self.text.rfind(piece, lo, limit)
        if at != -1:
            best = (Alignment(at, at + len(piece), "exact", 1.0), _EXACT_QUALITY)
        if quality == _EXACT_QUALITY:
            return best
        styled_piece = _style(piece).strip(" ")
        lo_n = self._offsets.first_at_or_after(lo)
        end_n = self._offsets.first_at_or_after(limit)
        variant_limit = quality[1] if quality[0] == 1 else len(styled_piece)
        for attempt, variant in enumerate(_quote_variants(styled_piece)):
            if attempt > variant_limit:
                break
            folded = variant.casefold()
            need_case = quality[0] == 1 and attempt == quality[1] and quality[2] == 0

            def acceptable(
                start_n: int, folded: str = folded, variant: str = variant, need: bool = need_case
            ) -> bool:
                if not self._offsets.covers_whole_characters(start_n, start_n + len(folded)):
                    return False
                return not need or self._styled_slice(start_n, len(folded)) == variant

            start_n = _latest_occurrence(self._normalized, folded, lo_n, end_n, acceptable)
            if start_n is None:
                continue
            start, end = self._original_span(start_n, len(folded))
            if start > best[0].start:
                kept = self._styled_slice(start_n, len(folded)) == variant
                best = (Alignment(start, end, "normalized", 1.0), (1, attempt, int(not kept), -1.0))
        if second.start - best[0].end > MAX_ELLIPSIS_GAP:
            return first
        return best

    def _widen_to_marks(
        self, quote: str, pieces: list[str], start: int, end: int
    ) -> tuple[int, int]:
        """Take in an opening ``(``/``[``/ellipsis or a closing one the quote and text share."""
        plain = quote.replace("\u2026", "...")
        head = plain[: plain.find(pieces[0])]
        last = plain.rfind(pieces[-1])
        tail = plain[last + len(pieces[-1]) :] if last != -1 else ""
        text = self.text
        for candidate in _mark_forms(head, _OPENING_MARKS, "([", leading=True):
            if text.endswith(candidate, 0, start):
                start -= len(candidate)
                break
        for candidate in _mark_forms(tail, _CLOSING_MARKS, ")]", leading=False):
            if text.startswith(candidate, end):
                end += len(candidate)
                break
        return start, end

    def _find_piece(
        self, piece: str, lo: int, hi: int, near: int | None, *, fuzzy: bool
    ) -> tuple[Alignment, _Quality] | None:
        """One ellipsis piece: exact, then normalized, then (if allowed) fuzzy, in ``[lo, hi]``."""
        exact = self._find_exact(piece, lo, hi, near)
        if exact is not None:
            return exact, _EXACT_QUALITY
        hit = self._normalized_hit(piece, lo, hi, near)
        if hit is not None:
            alignment, variant, case_kept = hit
            return alignment, (1, variant, int(not case_kept), -1.0)
        if fuzzy:
            found = self._find_fuzzy(piece, lo, hi, near)
            if found is not None:
                return found, (2, 0, 0, -found.score)
        return None

    # ------------------------------------------------------------------ fuzzy

    def _find_fuzzy(self, quote: str, lo: int, hi: int, near: int | None) -> Alignment | None:
        """Stage 4: best gated in-order word matching whose span starts in ``[lo, hi]``."""
        quote_words = _WORD.findall(normalize(quote))
        if len(quote_words) < MIN_FUZZY_TOKENS:
            return None
        index = self._words()
        if not _content_can_match(quote_words, index.positions):
            return None
        seeds = _seed_positions(quote_words, index.positions)
        if not seeds:
            return None
        offsets = self._offsets
        first_word = bisect.bisect_left(index.starts, offsets.first_at_or_after(lo))
        last_word = bisect.bisect_right(index.starts, offsets.last_at_or_before(hi)) - 1
        if first_word > last_word:
            return None
        near_word = (
            None
            if near is None
            else bisect.bisect_left(index.starts, offsets.first_at_or_after(near))
        )
        windows = self._candidate_windows(quote_words, seeds, first_word, last_word, near_word)
        best = self._best_window_match(quote_words, windows, last_word, near_word)
        if best is None:
            return None
        score, pairs = best
        first, last = pairs[0][1], pairs[-1][1]
        start = offsets.origin(index.starts[first])
        end = offsets.origin(index.starts[last] + len(index.words[last]) - 1) + 1
        return Alignment(start, end, "fuzzy", round(score, 6))

    # ------------------------------------------------------------------ fuzzy helpers

    def _words(self) -> _WordIndex:
        """The word index of the text, built once on first use."""
        if self._word_index is None:
            self._word_index = _WordIndex(self._normalized)
        return self._word_index

    def _candidate_windows(
        self,
        quote: list[str],
        seeds: list[int],
        first_word: int,
        last_word: int,
        near_word: int | None,
    ) -> list[tuple[int, int]]:
        """Word windows ``[start, stop)`` around seed occurrences, most promising first.

        A seed occurrence at text word ``p`` for quote word ``i`` votes for diagonal
        ``p - i``; nearby diagonals merge into one window wide enough to hold any match the
        density gate allows. Windows are ranked by votes, then nearness to ``near_word``
        (or text order).
        """
        index = self._words()
        n = len(quote)
        slack = n // 2 + 1
        votes: Counter[int] = Counter()
        for i in seeds:
            votes.update([p - i for p in index.positions[quote[i]]])
        kept = _best_supported(votes, 4 * MAX_FUZZY_WINDOWS, near_word)

        def closeness(word: int) -> int:
            return word if near_word is None else abs(word - near_word)

        ranked: list[tuple[int, int, tuple[int, int]]] = []
        for low, high, count in _cluster_diagonals({d: votes[d] for d in kept}, slack):
            start = max(low - slack, first_word, 0)
            stop = min(high + n + slack, len(index.words))
            if start <= last_word and stop > start:
                ranked.append((-count, closeness(start), (start, stop)))
        ranked.sort()
        return [window for _, _, window in ranked[:MAX_FUZZY_WINDOWS]]

    def _best_window_match(
        self,
        quote: list[str],
        windows: list[tuple[int, int]],
        last_word: int,
        near_word: int | None,
    ) -> tuple[float, list[tuple[int, int]]] | None:
        """Score windows cheaply, align the most promising, return the best gated match."""
        index = self._words()
        masks = _word_masks(quote)
        needed = (3 * len(quote) + 3) // 4
        scored: list[tuple[int, int, tuple[int, int]]] = []
        for order, (start, stop) in enumerate(windows):
            common = _lcs_length(masks, len(quote), index.words[start:stop])
            if common >= needed:
                scored.append((-common, order, (start, stop)))
        scored.sort()
        best: tuple[float, int, list[tuple[int, int]]] | None = None
        cache: dict[tuple[str, ...], list[tuple[int, int]] | None] = {}
        for _, order, (start, stop) in scored[:MAX_ALIGNED_WINDOWS]:
            window = index.words[start:stop]
            key = tuple(window)
            if key not in cache:
                cache[key] = self._gated_pairs(quote, window)
            relative = cache[key]
            if relative is None:
                continue
            pairs = [(i, start + j) for i, j in relative]
            if pairs[0][1] > last_word:
                continue
            score = _raw_fuzzy_score(len(quote), pairs)
            distance = order if near_word is None else abs(pairs[0][1] - near_word)
            if best is None or (score, -distance) > (best[0], -best[1]):
                best = (score, distance, pairs)
        return None if best is None else (best[0], best[2])

    @staticmethod
    def _gated_pairs(quote: list[str], window: list[str]) -> list[tuple[int, int]] | None:
        """Best matching of quote words to window words that passes the gates, if any."""
        pairs = _compact_matches(quote, window)
        best: tuple[float, list[tuple[int, int]]] | None = None
        for option in (pairs, _trim_loose_ends(len(quote), pairs)):
            score = _gated_fuzzy_score(quote, option)
            if score is not None and (best is None or score > best[0]):
                best = (score, option)
        return None if best is None else best[1]


def align_quote(quote: str, text: str, *, near: int | None = None) -> Alignment | None:
    """Locate ``quote`` in ``text`` (one-off use; build an :class:`Aligner` for many quotes)."""
    return Aligner(text).align(quote, near=near)
