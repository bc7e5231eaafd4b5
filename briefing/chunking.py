"""Cut a source into model-sized chunks made of whole sentences.

A small model reads one chunk at a time, and every quote it returns must be found again in
``Source.text``. So chunks are plain slices of the source (``text == source.text[start:end]``),
end on sentence boundaries so a quote is never cut in half, and overlap by a sentence so a
fact stated across a boundary is still seen whole once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.errors import ConfigError
from briefing.models import Source

__all__ = [
    "Chunk",
    "chunk_source",
    "dateline_end",
    "is_heading",
    "parts_paragraphs",
    "split_sentences",
]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A line break before a list item ends the previous item even without a full stop.
_LIST_MARKER = r"(?:[•\-*–·▪●◦]|\d{1,3}[.)])\s"
_LIST_ITEM_BREAK = re.compile(rf"\n(?=[ \t]*{_LIST_MARKER})")
_LIST_ITEM = re.compile(_LIST_MARKER)
_SENTENCE_END = re.compile(r"(?:\.{2,}|[.!?…])+[\"'”’»)\]]*")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_TOKEN_WINDOW = 64
_OPENERS = "\"'“‘«([•-–—*"
_TOKEN_LEAD = "\"'“‘«([{"

# Titles and the like that are followed by a capitalised name, never a new sentence; plural
# titles too ("U.S. Reps. John Lewis, Andre Carson and ...").
_ABBREVIATIONS = frozenset(
    {
        "reps",
        "sens",
        "govs",
        "gens",
        "drs",
        "profs",
        "revs",
        "atty",
        "supt",
        "msgr",
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gen",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "col",
        "lt",
        "maj",
        "capt",
        "cmdr",
        "sgt",
        "adm",
        "amb",
        "vs",
        "cf",
        "approx",
        "dept",
        "ca",
        "al",
        "mme",
        "mlle",
        "esq",
    }
)
# Abbreviations that only stay joined when a number follows: "No. 5", "Art. 28", "Aug. 8".
_NUMBERED_ABBREVIATIONS = frozenset(
    {
        "no",
        "nos",
        "art",
        "arts",
        "sec",
        "secs",
        "para",
        "paras",
        "pp",
        "vol",
        "vols",
        "ch",
        "chap",
        "fig",
        "figs",
        "op",
        "res",
        "ref",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


@dataclass(frozen=True)
class Chunk:
    """A slice of one source's clean text that the model reads in one call."""

    source_id: str
    index: int  # 0-based within the source
    start: int  # offsets into Source.text, half-open
    end: int
    text: str  # == source.text[start:end]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, in order, without edge spaces.

    Paragraph breaks always end a sentence; a full stop after an abbreviation ("Mr.", "U.S."),
    an initial or inside a number ("3.5") does not. Every non-space character is in a span.
    """
    cuts: set[int] = {0, len(text)}
    for match in _PARAGRAPH_BREAK.finditer(text):
        cuts.add(match.start())
    for match in _LIST_ITEM_BREAK.finditer(text):
        cuts.add(match.start())
    for match in _SENTENCE_END.finditer(text):
        if _ends_sentence(text, match.start(), match.end()):
            cuts.add(match.end())
    spans: list[tuple[int, int]] = []
    ordered = sorted(cuts)
    for left, right in zip(ordered, ordered[1:]):
        start, end = _trim(text, left, right)
        if start < end:
            spans.append((start, end))
    return spans


_HEADING_MAX_WORDS = 12
# A Markdown heading ("# Title", "## Section") is a heading whatever its length: a headline
# restates the article in a line no fact should cite ("\# Coalition urges ..." in a brief).
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]")
_CLOSING = ".!?…:;,\"'”’»)]"


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph that ``position`` lies in begins (after the last blank line).

    Read backwards in growing steps, so that a draft late in a long source does not cost a
    scan of everything before it."""
    low, step = position, 4096
    while low > 0:
        low = max(0, low - step)
        breaks = list(_PARAGRAPH_BREAK.finditer(text, low, position))
        if breaks:
            return breaks[-1].end()
        step *= 2
    return 0


def parts_paragraphs(text: str, end: int, start: int) -> bool:
    """Whether a blank line lies in ``text[end:start]``, between one sentence and the next."""
    return _PARAGRAPH_BREAK.search(text, end, max(end, start)) is not None


# A news dateline before the first sentence: a place in capitals, perhaps a date and the
# agency, then a dash ("NEW YORK, Aug 9 (Example Wire) - ", "WASHINGTON -- ", "BERKELEY
# HEIGHTS, N.J. — ", "WASHINGTON ― ", a horizontal bar).
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]*)*(?:,\s*[^—–―\n()]{1,40}?)?"
    r"(?:\s*\([^()\n]{1,40}\))?"
    # or a place in title case before a wire's name: "Denver (AP)"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:,\s*[A-Z][\w.]+){0,2}"
    r"\s*\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|The Associated Press)\))"
    r"\s*(?:—|–|―|--|-)\s+(?=[A-Z\"“])"
)


def dateline_end(sentence: str) -> int:
    """Where a sentence's text starts after a leading dateline (0 when it has none).

    The dateline says where and when the story was filed, not what anyone said: a position
    or risk cites the sentence without it, while an event keeps it for its date."""
    found = _DATELINE.match(sentence)
    return found.end() if found else 0


def is_list_item(text: str, start: int) -> bool:
    """Whether the sentence starting at ``start`` opens a list item ("- ...", "2. ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _LIST_ITEM.match(text, start) is not None


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a section heading ("Human Rights at Risk").

    A heading is a short line of its own with no closing punctuation, or a Markdown heading
    line of any length, or a block of such short lines (a press note's "Press note / Ministry
    of ... / Issued: 12 August 2024"). It states nothing, so no fact may cite it, and it does
    not attribute the sentence after it to anyone.
    """
    piece = text[start:end]
    if not piece or piece[-1] in _CLOSING:
        return False
    lines = piece.split("\n")
    if any(len(line.split()) > _HEADING_MAX_WORDS for line in lines) and not (
        len(lines) == 1 and _MARKDOWN_HEADING.match(piece)
    ):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


# A dateline's place whose state or country is abbreviated ("KANSAS CITY, Mo."), at the start
# of a line, and the dash (after an optional wire's name) that follows the place in a dateline.
_DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z.'’ -]{1,30},[ \t]*[A-Z][A-Za-z.]{0,10}$")
_DATELINE_DASH = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:—|–|--|-)[ \t]")


# A state's abbreviation before a title is the office's, inside one sentence: "calling for
# Ariz. Gov. Jan Brewer to veto", "with Wash. Gov. Jay Inslee", "N.C. Congressman".
_STATE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich"
    r"|Minn|Miss|Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D"
    r"|Tenn|Tex|Va|Vt|Wash|W\.Va|Wis|Wyo)$"
)
_STATE_TITLE = re.compile(
    r"\s+(?:Gov|Sen|Rep|Lt|Atty)\.|\s+(?:Governor|Senator|Representative|Congress(?:wo)?man"
    r"|Mayor|Sheriff|Attorney\s+General)\b"
)


# A question or exclamation quoted, then its speaker named with a capital: '"... with 60 or
# more votes in the Senate?" Senate Majority Leader Mitch McConnell, R-Ky., asked on
# Tuesday.' is one sentence, as '"Why?" she asked.' is, and a name may give its place
# ("Representative Kevin McCarthy of California, the Republican leader, asked").
_ATTRIBUTION_AFTER = re.compile(
    r"[^\S\n]+(?:(?:[A-Z][\w.'’-]*|of)[^\S\n]+){0,6}[A-Z][\w.'’-]*"
    r"(?:[^\S\n]*,[^,!?\n\"“”]{1,40},)?"
    r"[^\S\n]+"
    r"(?:said|says|asked|asks|added|adds|wrote|writes|tweeted|replied|responded|continued"
    r"|shouted|exclaimed|wondered|demanded|told)\b"
)


def _ends_sentence(text: str, punct_start: int, punct_end: int) -> bool:
    """Decide whether the punctuation at ``text[punct_start:punct_end]`` closes a sentence."""
    if (
        text[punct_start] == "."
        and _DATELINE_DASH.match(text, punct_end)
        and _DATELINE_PLACE.search(text, max(0, punct_start - 48), punct_start)
    ):
        return False  # "KANSAS CITY, Mo. — Leaders ...": the dateline opens the sentence
    if (
        punct_end == punct_start + 1
        and text[punct_start] == "."
        and _STATE_TITLE.match(text, punct_end)
        and _STATE_ABBREVIATION.search(text, max(0, punct_start - 8), punct_start)
    ):
        return False
    if punct_end >= len(text):
        return True
    if not text[punct_end].isspace():
        return False
    following = punct_end
    while following < len(text) and text[following].isspace():
        following += 1
    if following >= len(text):
        return True
    nxt = text[following]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if (
        text[punct_start] in "?!"
        and text[punct_end - 1] in "\"”’'"
        and _ATTRIBUTION_AFTER.match(text, punct_end)
    ):
        return False
    if text[punct_start] != "." or text[punct_start : punct_start + 2] == "..":
        return True
    token_match = _TOKEN_BEFORE.search(text, max(0, punct_start - _TOKEN_WINDOW), punct_start)
    if token_match is None:
        return True
    token = token_match.group(1).lstrip(_TOKEN_LEAD)
    # A prefix joined by a hyphen leaves the abbreviation one: "the post-Sept. 11 law",
    # "ex-Sen. Ana Park".
    word = token.lower().rsplit("-", 1)[-1]
    if word in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial, as in "John F. Kennedy"
    if _ACRONYM.match(token):
        return False  # "U.S.", "e.g."
    if word in _NUMBERED_ABBREVIATIONS and nxt.isdigit():
        return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def chunk_source(
    source: Source, *, max_chars: int = 2400, overlap_sentences: int = 1
) -> list[Chunk]:
    """Pack whole sentences into chunks of at most ``max_chars`` characters.

    Consecutive chunks share ``overlap_sentences`` sentences (fewer when sharing more would
    leave no room for new text). A sentence longer than ``max_chars`` is split on whitespace.
    """
    if max_chars < 1:
        raise ConfigError(f"chunk size must be at least 1 character, got {max_chars}")
    if overlap_sentences < 0:
        raise ConfigError(f"chunk overlap cannot be negative, got {overlap_sentences}")
    text = source.text
    units: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        units.extend(_hard_split(text, start, end, max_chars))
    if not units:
        return []
    chunks: list[Chunk] = []
    first = 0
    last = _pack(units, first, max_chars)
    while True:
        start, end = units[first][0], units[last][1]
        chunks.append(
            Chunk(
                source_id=source.id,
                index=len(chunks),
                start=start,
                end=end,
                text=text[start:end],
            )
        )
        if last == len(units) - 1:
            return chunks
        first, last = _next_window(units, first, last, max_chars, overlap_sentences)


def _pack(units: list[tuple[int, int]], first: int, max_chars: int) -> int:
    """Index of the last unit that still fits in a chunk starting at ``first``."""
    last = first
    while last + 1 < len(units) and units[last + 1][1] - units[first][0] <= max_chars:
        last += 1
    return last


def _next_window(
    units: list[tuple[int, int]], first: int, last: int, max_chars: int, overlap: int
) -> tuple[int, int]:
    """Start the next chunk ``overlap`` units back, shrinking the overlap until it advances."""
    for shared in range(min(overlap, last - first), -1, -1):
        new_first = last + 1 - shared
        new_last = _pack(units, new_first, max_chars)
        if new_last > last:
            return new_first, new_last
    raise AssertionError("unreachable: a unit on its own always fits")


def _hard_split(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Split an over-long sentence on whitespace (or anywhere, for a giant word)."""
    if end - start <= max_chars:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start: int | None = None
    piece_end = start
    for word in re.finditer(r"\S+", text[start:end]):
        word_start, word_end = start + word.start(), start + word.end()
        if piece_start is not None and word_end - piece_start <= max_chars:
            piece_end = word_end
            continue
        if piece_start is not None:
            pieces.append((piece_start, piece_end))
        while word_end - word_start > max_chars:
            pieces.append((word_start, word_start + max_chars))
            word_start += max_chars
        piece_start, piece_end = word_start, word_end
    if piece_start is not None:
        pieces.append((piece_start, piece_end))
    return pieces
