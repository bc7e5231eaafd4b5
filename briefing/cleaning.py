"""Strip web-page chrome from an article so the model only reads the article.

Scraped news pages carry image credits, share prompts, navigation words and, at the end, a
list of unrelated headlines. Left in, a small model happily "extracts" facts about iPhones
from a brief about a treaty. Cleaning works paragraph by paragraph and errs on the side of
keeping text: a paragraph of the article body must never be dropped, so every rule either
matches a short, unmistakable line or only fires after the body has ended. Everything that
is removed is returned as ``DroppedText`` so a reader can audit it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.models import DroppedText

__all__ = ["clean_text"]

REASON_IMAGE_CREDIT = "image credit or caption"
REASON_PROMPT = "share, subscribe or cookie prompt"
REASON_NAVIGATION = "navigation text"
REASON_DUPLICATE = "repeated paragraph"
_TABLE_CELLS = " | "
REASON_RELATED_MARKER = "related headlines after the article"
REASON_TEASERS = "teaser list after the article"
REASON_CAPITALS = "a headline in capitals, a link to another story"

_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")

# A line that starts like a credit; bounded in length so a real sentence is never caught.
_CREDIT_PREFIX = re.compile(
    r"^\s*(?:image|images|photo|photos|photograph|picture|illustration|video|graphic)"
    r"(?:\s+(?:credits?|courtesy|source|by))?\s*:",
    re.IGNORECASE,
)
_CREDIT_MAX = 160
_CREDIT_ONLY = re.compile(r"^\s*(?:image\s+)?credits?\s*:", re.IGNORECASE)
_CREDIT_AGENCY = re.compile(
    r"(?:getty\s+images|shutterstock|unsplash|alamy|istock(?:photo)?|ap\s+photo)\)?\s*$",
    re.IGNORECASE,
)
_CREDIT_PHOTO_BY = re.compile(r"^\s*\(?photo(?:graph)?\s+(?:by|courtesy of)\b", re.IGNORECASE)
# A wire photo's caption run into a paragraph: "FILE - Steve Johnson, right, and his wife
# Rosemarie arrive at the Supreme Court ... (AP Photo/Rick Rycroft, File)".
_FILE_PHOTO_CAPTION = re.compile(
    r"^\s*FILE\b.*\((?:AP\s+Photo|Photo\s+by)\b[^()]*\)\s*$", re.DOTALL
)
_FILE_PHOTO_CAPTION_MAX = 800

_PROMPTS = re.compile(
    r"^\s*(?:"
    r"share\s+(?:this|on|via)\b"
    r"|share\s*$"
    r"|subscribe\W*$"
    r"|subscribe\s+(?:now|today|here|to\s+(?:our|the|this)|for\s+(?:free|only|just|unlimited|full|\$))"
    r"|sign\s+up\s+(?:now|here|today|free|for\s+(?:our|the|free)\b.*newsletter|to\s+(?:our|get|receive))"
    r"|(?:join|get)\s+(?:our|the)\s+(?:\w+\s+)?(?:newsletter|mailing\s+list)"
    r"|follow\s+us\b"
    r"|click\s+here\s+to\s+(?:subscribe|share|sign\s+up|read\s+more)"
    r")",
    re.IGNORECASE,
)
_PROMPT_MAX = 100
# A newsletter's sign-up form run into the text: a line with three of its phrases ("Top editors
# give you the stories you want -- delivered right to your inbox each weekday. ... Thanks for
# signing up! ... By clicking 'Sign up', you agree to receive marketing emails ..."), or one
# that asks to sign up for a newsletter ("Sign up for CNN's Wonder Theory science newsletter.").
_SIGN_UP_PHRASES = re.compile(
    r"\b(?:your\s+inbox|signing\s+up|sign\s+up|newsletter|marketing\s+e-?mails"
    r"|privacy\s+policy|terms\s+of\s+(?:service|use)|e-?mail\s+address)\b",
    re.IGNORECASE,
)
_SIGN_UP_FOR_A_NEWSLETTER = re.compile(
    r"^\W*(?:editor['’]s\s+note\s*:\s*)?sign\s+up\s+for\b[^.!?]{0,80}\bnewsletter\b",
    re.IGNORECASE,
)
_SIGN_UP = re.compile(r"\b(?:sign(?:ing)?\s+up|newsletter|your\s+inbox)\b", re.IGNORECASE)
_SIGN_UP_MAX = 800
# A headline in capital letters between paragraphs, a link to another story: "ANDREW TATE
# CLAIMS BIG TECH BANNED HIM AFTER 'LARGE SWATHS' OF PEOPLE AGREED WITH HIS 'MASCULINE
# VALUES'". Six words at least, so a transcript's speaker label is never one; never ending in
# a colon, as a label does.
_CAPITALS_MIN_WORDS = 6
_CAPITALS_MAX = 200
_LOWER_CASE = re.compile(r"[^\W\d_A-Z]")
_COOKIES = re.compile(
    r"^\s*(?:we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies"
    r"|(?:accept|manage)\s+(?:all\s+)?cookies|by\s+(?:continuing|using)\s+.{0,60}cookies)",
    re.IGNORECASE,
)
_COOKIE_MAX = 300

_NAVIGATION = frozenset(
    {
        "load more",
        "read more",
        "show more",
        "see more",
        "view more",
        "more",
        "advertisement",
        "advertisements",
        "sponsored",
        "sponsored content",
        "skip to content",
        "skip to main content",
        "continue reading",
        "back to top",
        "share",
        "tweet",
        "print",
        "email",
        "comments",
        "view comments",
        "show comments",
        "close",
        "menu",
        "next article",
        "previous article",
        "scroll to continue with content",
        "getty images",
    }
)
_NAV_TRIM = " \t\u00a0»«›‹→←>|·•-–—:.…()[]"

# Short paragraphs that announce a list of other stories; everything after them goes.
_MARKERS = frozenset(
    {
        "explore more",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "related news",
        "related content",
        "related reading",
        "you may also like",
        "you might also like",
        "you may be interested in",
        "recommended",
        "recommended for you",
        "recommended stories",
        "recommended articles",
        "recommended reading",
        "read next",
        "what to read next",
        "up next",
        "latest news",
        "latest stories",
        "latest articles",
        "more stories",
        "more news",
        "more articles",
        "most read",
        "most popular",
        "popular stories",
        "top stories",
        "trending",
        "trending now",
        "also read",
        "don't miss",
        "don’t miss",
    }
)
_MARKER_PREFIX = re.compile(r"^more\s+(?:from|on|in|about)\s+\S", re.IGNORECASE)
_MARKER_MAX = 60
# The body must have started before a marker counts: one paragraph of this length at least.
_BODY_MIN = 100

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"(?:" + _MONTHS + r"\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{1,2}\s+" + _MONTHS + r",?\s+\d{4}"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b)",
    re.IGNORECASE,
)
_META_LINE_MAX = 80
_META_LINES_MAX = 4
_HEADLINE_MAX = 200
_TEASER_MAX = 600
_TEASER_END = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*\s*$")
_TEASER_BLOCKS_MIN = 2


@dataclass
class _Paragraph:
    """One raw paragraph with the lines that survive line-level filtering."""

    raw: str
    kept: str
    dropped_lines: list[DroppedText] = field(default_factory=list)


def clean_text(raw: str) -> tuple[str, list[DroppedText]]:
    """Return the article text without page chrome, and what was removed with a reason.

    Paragraphs are split on blank lines (on single lines when the text has none) and
    re-joined with ``"\\n\\n"``; kept paragraphs keep their inner text exactly.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [_filter_lines(p) for p in _split_paragraphs(text)]
    cut = _tail_cut(paragraphs)
    dropped: list[DroppedText] = []
    kept: list[str] = []
    seen: set[str] = set()
    for position, para in enumerate(paragraphs):
        if cut is not None and position >= cut[0]:
            dropped.append(DroppedText(text=para.raw, reason=cut[1]))
            continue
        dropped.extend(para.dropped_lines)
        if not para.kept:
            continue
        key = para.kept.strip()
        # A table's row (its cells joined by " | ", as the office and PDF readers give one)
        # is the table's, not a page's chrome: a second table's header row is kept.
        if key in seen and _TABLE_CELLS not in key:
            dropped.append(DroppedText(text=para.kept, reason=REASON_DUPLICATE))
            continue
        seen.add(key)
        kept.append(para.kept)
    return "\n\n".join(kept), dropped


def _split_paragraphs(text: str) -> list[str]:
    """Split on blank lines, or on every line when the document has no blank line at all."""
    if _BLANK_LINE.search(text.strip("\n")):
        pieces = _BLANK_LINE.split(text)
    else:
        pieces = text.split("\n")
    result: list[str] = []
    for piece in pieces:
        piece = piece.strip("\n").rstrip()
        if piece.strip():
            result.append(piece)
    return result


def _filter_lines(paragraph: str) -> _Paragraph:
    """Drop chrome lines inside a paragraph; the paragraph is unchanged when none match."""
    lines = paragraph.split("\n")
    kept_lines: list[str] = []
    dropped: list[DroppedText] = []
    for line in lines:
        reason = _line_chrome(line)
        if reason is None:
            kept_lines.append(line)
        else:
            dropped.append(DroppedText(text=line.strip(), reason=reason))
    if not dropped:
        return _Paragraph(raw=paragraph, kept=paragraph)
    while kept_lines and not kept_lines[0].strip():
        kept_lines.pop(0)
    kept = "\n".join(kept_lines).rstrip()
    return _Paragraph(raw=paragraph, kept=kept, dropped_lines=dropped)


def _line_chrome(line: str) -> str | None:
    """Say why a single line is chrome, or None when it may be content."""
    stripped = line.strip()
    if not stripped:
        return None
    words = stripped.split()
    credit = _CREDIT_PREFIX.match(stripped) or _CREDIT_ONLY.match(stripped)
    if credit and len(stripped) <= _CREDIT_MAX:
        return REASON_IMAGE_CREDIT
    if (
        len(words) <= 8
        and not stripped.endswith(".")
        and (_CREDIT_AGENCY.search(stripped) or _CREDIT_PHOTO_BY.match(stripped))
    ):
        return REASON_IMAGE_CREDIT
    if len(stripped) <= _FILE_PHOTO_CAPTION_MAX and _FILE_PHOTO_CAPTION.match(stripped):
        return REASON_IMAGE_CREDIT
    if len(stripped) <= _PROMPT_MAX and _PROMPTS.match(stripped):
        return REASON_PROMPT
    if len(stripped) <= _COOKIE_MAX and _COOKIES.match(stripped):
        return REASON_PROMPT
    if len(stripped) <= _SIGN_UP_MAX and (
        _SIGN_UP_FOR_A_NEWSLETTER.match(stripped)
        or (
            _SIGN_UP.search(stripped)
            and len({m.group(0).lower() for m in _SIGN_UP_PHRASES.finditer(stripped)}) >= 3
        )
    ):
        return REASON_PROMPT
    if _normalise_short(stripped) in _NAVIGATION:
        return REASON_NAVIGATION
    if (
        len(words) >= _CAPITALS_MIN_WORDS
        and len(stripped) <= _CAPITALS_MAX
        and not stripped.endswith(":")
        and re.search(r"[A-Z]{2}", stripped)
        and not _LOWER_CASE.search(stripped)
    ):
        return REASON_CAPITALS
    return None


def _normalise_short(line: str) -> str:
    """Lower-case a short line and trim arrows and punctuation around it, for set lookups."""
    if len(line) > _MARKER_MAX:
        return ""
    return " ".join(line.strip(_NAV_TRIM).lower().split())


def _tail_cut(paragraphs: list[_Paragraph]) -> tuple[int, str] | None:
    """Find where the article ends and unrelated headlines begin, if it can tell for sure."""
    body_seen = False
    for position, para in enumerate(paragraphs):
        if not para.kept:
            continue
        if body_seen and _is_marker(para.kept):
            return position, REASON_RELATED_MARKER
        if len(para.kept.strip()) >= _BODY_MIN:
            body_seen = True
    start = _teaser_run_start(paragraphs)
    if start is not None:
        return start, REASON_TEASERS
    return None


def _is_marker(text: str) -> bool:
    """A short paragraph such as "Explore more" or "More from Reuters" on its own."""
    stripped = text.strip()
    if "\n" in stripped or len(stripped) > _MARKER_MAX:
        return False
    if _normalise_short(stripped) in _MARKERS:
        return True
    return bool(_MARKER_PREFIX.match(stripped))


def _teaser_run_start(paragraphs: list[_Paragraph]) -> int | None:
    """Walk back from the end over teaser blocks (meta lines, headline, "..." teaser).

    Only a run of at least two blocks that reaches the very end of the document counts, and
    something must be left before it: an article never ends in two such blocks.
    """
    indexed = [(i, p.kept.strip()) for i, p in enumerate(paragraphs) if p.kept.strip()]
    pos = len(indexed) - 1
    blocks = 0
    run_start: int | None = None
    while pos >= 0:
        if not _is_teaser(indexed[pos][1]):
            break
        first = pos
        pos -= 1
        headline = pos >= 0 and _is_headline(indexed[pos][1])
        if headline:
            first = pos
            pos -= 1
        metas = 0
        while pos >= 0 and _is_meta(indexed[pos][1]):
            first = pos
            pos -= 1
            metas += 1
        if not headline and not metas:
            break
        blocks += 1
        run_start = indexed[first][0]
    if blocks < _TEASER_BLOCKS_MIN or run_start is None or pos < 0:
        return None
    return run_start


def _is_teaser(text: str) -> bool:
    """A short blurb cut off with an ellipsis."""
    return len(text) <= _TEASER_MAX and bool(_TEASER_END.search(text))


def _is_headline(text: str) -> bool:
    """One short line that does not end like a sentence."""
    return "\n" not in text and len(text) <= _HEADLINE_MAX and not text.endswith((".", "…"))


def _is_meta(text: str) -> bool:
    """A few short lines with a date in them: the category and time stamp of a teaser."""
    lines = text.split("\n")
    if len(lines) > _META_LINES_MAX:
        return False
    if any(len(line.strip()) > _META_LINE_MAX for line in lines):
        return False
    return bool(_DATE.search(text))
