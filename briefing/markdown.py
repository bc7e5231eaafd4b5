"""Read a Markdown note's inline marks as its reader sees them.

A statement written in Markdown says ``**Surveillance.** Articles 28 to 30 ...``; its reader
sees "Surveillance. Articles 28 to 30 ...", and so should a brief that quotes it (with the
marks kept, the quote showed as ``\\*\\*Surveillance.\\*\\*`` once escaped). So emphasis,
code spans, links, images and backslash escapes become the text they show; struck-through
text (``~~...~~``), which a reader sees as withdrawn, and HTML comments are left out, as
tracked deletions are in office files. Block marks (``#`` headings, ``-`` list items, ``>``
quotations) stay: the sentence splitter reads them (a heading is cited by no fact; a lead-in
and its list are one sentence). Fenced code blocks are kept as written.

Every pattern is bounded in length, so a file full of unclosed marks costs linear time.
"""

from __future__ import annotations

import re

from briefing.package import SYMBOL_GLYPHS

__all__ = ["markdown_text"]

# A fence opens and closes a code block: three or more backticks or tildes at a line's start.
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A reference definition ("[1]: https://example.org/ 'Title'") is a link's address, not text.
_REFERENCE_DEFINITION = re.compile(
    r"^[ ]{0,3}\[(?!\^)[^\]\n]{1,200}\]:[ \t]*(?:<[^>\n]{0,500}>|\S{1,500})"
    r"(?:[ \t]+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|\([^)\n]{0,300}\)))?[ \t]*$\n?",
    re.MULTILINE,
)
_CODE_SPAN = re.compile(r"(?<!`)(`+)([^`]|[^`][\s\S]{0,500}?[^`])\1(?!`)")
# An ASCII punctuation character after a backslash is itself (CommonMark's escapes).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\](?:\([^()\n]{0,500}\)|\[[^\]\n]{0,200}\])")
_LINK = re.compile(
    r"\[([^\]\n]{1,300})\](?:\([^()\s]{0,500}(?:\s+\"[^\"\n]{0,200}\")?\)|\[[^\]\n]{0,200}\])"
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,500})>")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,50}\](?!:)")
_STRUCK = re.compile(r"~~(?=\S)[\s\S]{0,400}?(?<=\S)~~")
# Emphasis: a run that opens before a non-space character and closes after one. Underscores
# inside a word ("snake_case", "file_name") are not emphasis; asterisks may be ("un*frigging*
# believable"), as in CommonMark.
_EMPHASIS = (
    re.compile(r"\*\*\*(?=[^\s*])([\s\S]{0,400}?[^\s*])\*\*\*"),
    re.compile(r"\*\*(?=[^\s*])([\s\S]{0,400}?[^\s*])\*\*"),
    re.compile(r"(?<![\w_])__(?=[^\s_])([\s\S]{0,400}?[^\s_])__(?![\w_])"),
    re.compile(r"(?<!\*)\*(?=[^\s*])([\s\S]{0,300}?[^\s*])\*(?!\*)"),
    re.compile(r"(?<![\w_])_(?=[^\s_])([\s\S]{0,300}?[^\s_])_(?![\w_])"),
)
# Spaces left doubled where a picture or struck text was taken out (a reader sees one space).
_INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
# Escaped characters are parked in the Private Use Area while the marks are read, so that
# "\*" is never taken for emphasis, and code spans are held there by number; so a source's
# own private-use characters (symbol fonts' glyphs, pictures to a reader, left out of every
# office format too) are taken out first: left in, they could be read as parked ones.
_PARKED = 0xF0000
_PRIVATE_USE = re.compile(SYMBOL_GLYPHS.pattern + "|[\U000f0000-\U000fffff]")


def markdown_text(body: str) -> str:
    """``body`` with its inline marks read; its blocks and line breaks as written."""
    body = _without_comments(_PRIVATE_USE.sub("", body))
    pieces: list[str] = []
    position = 0
    for start, end in _fenced_blocks(body):
        pieces.append(_read_prose(body[position:start]))
        pieces.append(body[start:end])
        position = end
    pieces.append(_read_prose(body[position:]))
    return "".join(pieces)


def _without_comments(body: str) -> str:
    """``body`` without its HTML comments; an unclosed one is left as written. (A scan, not
    a pattern: a pattern tried at every "<!--" would read to the end from each.)"""
    kept: list[str] = []
    position = 0
    while (start := body.find("<!--", position)) >= 0:
        end = body.find("-->", start + 4)
        if end < 0:
            break
        kept.append(body[position:start])
        position = end + 3
    kept.append(body[position:])
    return "".join(kept)


def _fenced_blocks(body: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks, fence lines included; an unclosed fence runs to the end."""
    blocks: list[tuple[int, int]] = []
    opening = None
    for fence in _FENCE.finditer(body):
        if opening is None:
            opening = fence
        elif fence.group(1)[0] == opening.group(1)[0] and len(fence.group(1)) >= len(
            opening.group(1)
        ):
            line_end = body.find("\n", fence.end())
            blocks.append((opening.start(), len(body) if line_end == -1 else line_end))
            opening = None
    if opening is not None:
        blocks.append((opening.start(), len(body)))
    return blocks


def _read_prose(text: str) -> str:
    """Inline marks read, paragraph by paragraph (no mark spans a blank line)."""
    text = _REFERENCE_DEFINITION.sub("", text)
    text = _ESCAPE.sub(lambda m: chr(_PARKED + ord(m.group(1))), text)
    parts = _BLANK_LINE.split(text)
    breaks = _BLANK_LINE.findall(text)
    read = [_read_paragraph(part) for part in parts]
    joined = read[0]
    for gap, paragraph in zip(breaks, read[1:]):
        joined += gap + paragraph
    return re.sub("[\U000f0021-\U000f007e]", lambda m: chr(ord(m.group()) - _PARKED), joined)


def _read_paragraph(text: str) -> str:
    spans: list[str] = []

    def park_code(match: re.Match[str]) -> str:
        code = match.group(2)
        if len(code) > 2 and code[0] == code[-1] == " " and code.strip(" "):
            code = code[1:-1]  # CommonMark's one padding space on each side
        spans.append(code)
        return f"\ue000{len(spans) - 1}\ue001"

    text = _CODE_SPAN.sub(park_code, text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _FOOTNOTE_MARK.sub("", text)
    text = _STRUCK.sub("", text)
    for pattern in _EMPHASIS:
        previous = None
        while previous != text:
            previous, text = text, pattern.sub(r"\1", text)
    text = _INNER_SPACES.sub(" ", text)
    return re.sub("\ue000(\\d+)\ue001", lambda m: spans[int(m.group(1))], text)
