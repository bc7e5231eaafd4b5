"""Read a saved web page: the article's visible text, its title, address, outlet and date.

A scraped news page is mostly chrome: navigation, share buttons, teaser cards, scripts. The
parser skips the elements that hold chrome wholesale (``nav``, ``header``, ``footer``,
``aside``, scripts, forms), keeps block elements as paragraphs, and when the page marks its
story (the longest ``<article>`` holding enough of the page's text, else ``<main>``), keeps
only that. The title, address, outlet and date come from the page's own metadata.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["HtmlPage", "read_html", "squash"]


@dataclass(frozen=True)
class HtmlPage:
    """A page's article text as paragraphs, and what its metadata says of it."""

    paragraphs: list[str]
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    author: str | None = None


def read_html(text: str) -> HtmlPage:
    """Keep the article's visible text; page chrome elements are skipped wholesale."""
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    title = squash("".join(parser.title_parts)) or parser.h1_text
    described = _described_article(parser.linked_data)
    return HtmlPage(
        paragraphs=parser.paragraphs(),
        title=title or parser.meta_value(_META_TITLE) or described.get("headline"),
        url=parser.meta_value(_META_URL) or parser.canonical or described.get("url"),
        outlet=parser.meta_value(_META_OUTLET) or described.get("publisher"),
        published=parser.meta_value(_META_PUBLISHED) or described.get("datePublished"),
        author=parser.author() or described.get("author"),
    )


# What a page's structured data (JSON-LD) may describe it as: a news story, an article, a
# blog post, a report.
_ARTICLE_TYPES = frozenset(
    """Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    BackgroundNewsArticle ReviewNewsArticle BlogPosting SocialMediaPosting Report
    ScholarlyArticle TechArticle""".split()
)
_LINKED_DATA_MAX = 1_000_000  # characters of one block read at most


def _described_article(blocks: list[str]) -> dict[str, str]:
    """The headline, date, author(s), publisher and address a page's JSON-LD gives its
    article (the first one described), as text; empty when it describes none."""
    for block in blocks:
        if len(block) > _LINKED_DATA_MAX:
            continue
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):  # broken, or nested past the parser's depth
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(kind in _ARTICLE_TYPES for kind in kinds if isinstance(kind, str)):
                continue
            found = {
                key: value.strip()
                for key in ("headline", "datePublished", "url")
                if isinstance(value := item.get(key), str) and value.strip()
            }
            if names := _ld_names(item.get("author")):
                found["author"] = " and ".join(
                    [", ".join(names[:-1]), names[-1]] if len(names) > 1 else names
                )
            if names := _ld_names(item.get("publisher")):
                found["publisher"] = names[0]
            return found
    return {}


def _ld_items(data: object, depth: int = 0) -> Iterator[dict[str, object]]:
    """The objects of a JSON-LD block: itself, a list's, a ``@graph``'s."""
    if depth > 3:
        return
    if isinstance(data, list):
        for entry in data:
            yield from _ld_items(entry, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _ld_items(data.get("@graph"), depth + 1)


def _ld_names(value: object) -> list[str]:
    """The names of a JSON-LD person or organization, or of a list of them (a profile's
    address is no name)."""
    entries = value if isinstance(value, list) else [value]
    names = []
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip() and not re.match(r"(?i)https?:", name):
            names.append(squash(name))
    return names


_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "svg",
        "template",
        "iframe",
        "button",
        "select",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "br",
        "article",
        "section",
        "blockquote",
        "tr",
        "ul",
        "ol",
        "table",
        "main",
        "figure",
        "figcaption",
        "pre",
        "dd",
        "dt",
        "hr",
        "body",
    }
)
_CELL_TAGS = frozenset({"td", "th"})
_BREAK = "\x00"  # cannot occur in decoded text: NUL bytes were removed
# Where an outermost table's row begins and ends, and where each of its cells begins: control
# characters, taken out of the page's own text so that none of its can pass for one.
_ROW_START, _ROW_END, _CELL = "\x02", "\x03", "\x01"
# A table's row read as one paragraph opens with this, so its empty cells' spaces are kept.
_JOINED_ROW = "\x04"
_MARKERS_OUT = str.maketrans("", "", _ROW_START + _ROW_END + _CELL + _JOINED_ROW)
_ROW = re.compile(f"{_ROW_START}([^{_ROW_START}{_ROW_END}]*){_ROW_END}")
# A row of two cells or more, no more text than this and no more paragraphs in a cell is a
# table's row, read as one paragraph, its cells joined by " | " (as Word and PDF tables are
# read); another is a page laid out in a table, its cells' paragraphs kept.
_ROW_MAX_CHARS = 1000
_CELL_MAX_PARAGRAPHS = 3
# The longest <article> must hold this share of the page's text to be taken as the story;
# otherwise the <article> elements are probably teaser cards.
_ARTICLE_SHARE_MIN = 0.3
_META_OUTLET = frozenset({"og:site_name", "application-name"})
_META_PUBLISHED = frozenset(
    {"article:published_time", "og:published_time", "datepublished", "pubdate", "date"}
)
_META_URL = frozenset({"og:url"})
_META_TITLE = frozenset({"og:title"})
_LINKED_DATA = "application/ld+json"
_META_AUTHOR = frozenset(
    {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"}
)
_BY = re.compile(r"^by\s+", re.IGNORECASE)


class _ArticleParser(HTMLParser):
    """Collect visible text, paragraph by paragraph, noting which ``<article>`` holds it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: dict[str, int] = {}
        self.skipped_depth = 0  # the sum of ``skipping``, read for every piece of text
        self.pieces: list[tuple[str, int | None, bool]] = []
        self.article_depth = 0
        self.article_index: int | None = None
        self.articles = 0
        self.main_depth = 0
        self.pre_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] | None = None
        self.h1_text: str | None = None
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.table_depth = 0
        self.row_open = False
        self.linked_parts: list[str] | None = None
        self.linked_data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            if tag == "script" and (dict(attrs).get("type") or "").lower() == _LINKED_DATA:
                self.linked_parts = []  # the page's structured data, read for its metadata
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
            self.skipped_depth += 1
            return
        if self._skipped():
            return
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "link":
            values = dict(attrs)
            if (values.get("rel") or "").lower() == "canonical" and values.get("href"):
                self.canonical = values["href"]
        elif tag == "title" and not self.title_parts:
            self.in_title = True
        elif tag == "article":
            if self.article_depth == 0:
                self.article_index = self.articles
                self.articles += 1
            self.article_depth += 1
        elif tag == "main":
            self.main_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "h1" and self.h1_text is None:
            self.h1_parts = []
        if tag in _BLOCK_TAGS:
            self._emit(_BREAK)
        self._table_start(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.linked_parts is not None:
            self.linked_data.append("".join(self.linked_parts))
            self.linked_parts = None
        if tag in _SKIP_TAGS:
            if self.skipping.get(tag, 0) > 0:
                self.skipping[tag] -= 1
                self.skipped_depth -= 1
            return
        if self._skipped():
            return
        if tag == "table" and self.table_depth > 0:
            if self.table_depth == 1:
                self._end_row()
            self.table_depth -= 1
        elif tag == "tr" and self.table_depth == 1:
            self._end_row()
        if tag in _BLOCK_TAGS:
            self._emit(_BREAK)
        elif tag in _CELL_TAGS:
            self._emit(" ")
        if tag == "title":
            self.in_title = False
        elif tag == "article" and self.article_depth > 0:
            self.article_depth -= 1
            if self.article_depth == 0:
                self.article_index = None
        elif tag == "main" and self.main_depth > 0:
            self.main_depth -= 1
        elif tag == "pre" and self.pre_depth > 0:
            self.pre_depth -= 1
        elif tag == "h1" and self.h1_parts is not None:
            self.h1_text = squash("".join(self.h1_parts)) or None
            self.h1_parts = None

    def handle_data(self, data: str) -> None:
        if self.linked_parts is not None:
            self.linked_parts.append(data)
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self._skipped():
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        data = data.translate(_MARKERS_OUT)
        self._emit(data if self.pre_depth else re.sub(r"\s+", " ", data))

    def _table_start(self, tag: str) -> None:
        """Mark an outermost table's rows and cells (a row's end tag may be left out, as
        HTML allows: the next row or the table's end closes it)."""
        if tag == "table":
            self.table_depth += 1
        elif tag == "tr" and self.table_depth == 1:
            self._end_row()
            self._emit(_ROW_START)
            self.row_open = True
        elif tag in _CELL_TAGS and self.table_depth == 1 and self.row_open:
            self._emit(_CELL)

    def _end_row(self) -> None:
        if self.row_open:
            self._emit(_ROW_END)
            self.row_open = False

    def _emit(self, data: str) -> None:
        if not self._skipped():
            self.pieces.append((data, self.article_index, self.main_depth > 0))

    def _skipped(self) -> bool:
        return self.skipped_depth > 0

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = (attrs.get("content") or "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content

    def meta_value(self, keys: frozenset[str]) -> str | None:
        for key, value in self.meta.items():
            if key in keys:
                return value
        return None

    def author(self) -> str | None:
        """Who the page's metadata says wrote it: a name, not a profile's address ("By"
        before it left out)."""
        for key, value in self.meta.items():
            if key in _META_AUTHOR and not re.match(r"(?i)https?:|www\.", value):
                return squash(_BY.sub("", value)) or None
        return None

    def paragraphs(self) -> list[str]:
        """The main text: the longest ``<article>``, else ``<main>``, else the whole page."""
        chosen = self.pieces
        if self.articles:
            lengths: dict[int, int] = {}
            for data, article, _ in self.pieces:
                if article is not None and data != _BREAK:
                    lengths[article] = lengths.get(article, 0) + len(data.strip())
            total = sum(len(data.strip()) for data, _, _ in self.pieces if data != _BREAK)
            best = max(lengths, key=lambda k: lengths[k]) if lengths else None
            if best is not None and lengths[best] >= _ARTICLE_SHARE_MIN * total > 0:
                chosen = [piece for piece in self.pieces if piece[1] == best]
        elif any(in_main and data.strip() for data, _, in_main in self.pieces):
            chosen = [piece for piece in self.pieces if piece[2]]
        joined = _ROW.sub(_row_text, "".join(data for data, _, _ in chosen))
        for marker in (_ROW_START, _ROW_END, _CELL):  # a row cut off by the story's edge
            joined = joined.replace(marker, " ")
        result: list[str] = []
        for block in joined.split(_BREAK):
            if block.startswith(_JOINED_ROW):  # its cells are squashed: "a |  | b" stays
                text = block[1:]
            elif "\n" in block.strip():
                lines = [squash(line) for line in block.split("\n")]
                text = "\n".join(line for line in lines if line)
            else:
                text = squash(block)
            if text:
                result.append(text)
        return result


def _row_text(row: re.Match[str]) -> str:
    """A table's row as one paragraph, its cells joined by " | ", when it is a table's row
    (two cells or more, no longer than ``_ROW_MAX_CHARS``, no cell of more paragraphs than
    ``_CELL_MAX_PARAGRAPHS``); else its text as it was, each cell's paragraphs kept."""
    marked = row.group(1).split(_CELL)[1:]
    cells = [squash(cell.replace(_BREAK, " ")) for cell in marked]
    paragraphs = [sum(1 for part in cell.split(_BREAK) if part.strip()) for cell in marked]
    if (
        len(cells) >= 2
        and sum(map(len, cells)) <= _ROW_MAX_CHARS
        and max(paragraphs) <= _CELL_MAX_PARAGRAPHS
    ):
        return f"{_BREAK}{_JOINED_ROW}{' | '.join(cells)}{_BREAK}" if any(cells) else _BREAK
    return row.group(1).replace(_CELL, " ")


def squash(text: str) -> str:
    """``text`` with every run of whitespace one space, trimmed."""
    return re.sub(r"\s+", " ", text).strip()
