"""Loading documents: formats, metadata, decoding fallbacks and one-line errors."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from briefing.errors import SourceError
from briefing.sources import load_sources, source_files, sources_from_records
from tests.test_docx import docx_bytes

BODY = (
    "The committee agreed the draft convention on Thursday after two weeks of talks. "
    "Several delegations said the text still lacked firm human rights safeguards."
)
BODY_2 = (
    "Rights groups urged parliaments to refuse ratification unless the surveillance "
    "articles are narrowed. Industry groups made similar points in written submissions."
)


def _write(path: Path, content: str | bytes) -> str:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _error(paths: list[str], max_bytes: int = 20_000_000) -> str:
    with pytest.raises(SourceError) as info:
        load_sources(paths, max_bytes=max_bytes)
    message = str(info.value)
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------- text files


def test_txt_title_is_the_short_first_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt", f"Treaty agreed in New York\n\n{BODY}\n")
    [source] = load_sources([path])
    assert source.title == "Treaty agreed in New York"
    assert source.text == f"Treaty agreed in New York\n\n{BODY}"
    assert source.path == path
    assert source.id == hashlib.sha256(source.text.encode("utf-8")).hexdigest()[:16]
    assert source.dropped == []


def test_txt_title_falls_back_to_stem_when_first_line_is_a_sentence(tmp_path: Path) -> None:
    path = _write(tmp_path / "wire-report.txt", f"{BODY}\n\n{BODY_2}")
    [source] = load_sources([path])
    assert source.title == "wire-report"


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.log", f"Meeting notes\n\n{BODY}")
    [source] = load_sources([path])
    assert source.title == "Meeting notes"
    assert BODY in source.text


def test_cleaning_runs_and_is_recorded(tmp_path: Path) -> None:
    raw = f"Headline of the day\n\nImage Credits: Pexels\n\n{BODY}\n\nAdvertisement\n\n{BODY_2}"
    [source] = load_sources([_write(tmp_path / "a.txt", raw)])
    assert source.text == f"Headline of the day\n\n{BODY}\n\n{BODY_2}"
    assert [d.text for d in source.dropped] == ["Image Credits: Pexels", "Advertisement"]


def test_bom_crlf_and_nul_bytes_are_normalised(tmp_path: Path) -> None:
    filler = "word " * 2000  # pushes the NUL past the 8 KB binary probe
    raw = "\ufeffTitle line\r\n\r\n" + BODY + "\r\n\r\n" + filler + "\x00end."
    [source] = load_sources([_write(tmp_path / "a.txt", raw.encode("utf-8"))])
    assert source.text.startswith("Title line\n\nThe committee")
    assert "\r" not in source.text
    assert "\x00" not in source.text
    assert source.text.endswith("word end.")


def test_invalid_utf8_decodes_via_cp1252(tmp_path: Path) -> None:
    raw = "Caf\xe9 talks\n\nThe minister said \u201cno deal\u201d \u2013 for now.".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    [source] = load_sources([_write(tmp_path / "a.txt", raw)])
    assert source.title == "Café talks"
    assert "\u201cno deal\u201d \u2013 for now." in source.text


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    raw = b"Na\xefve headline\n\nA body sentence with an odd byte \x81 inside it."
    [source] = load_sources([_write(tmp_path / "a.txt", raw)])
    assert source.title == "Naïve headline"
    assert "odd byte \x81 inside" in source.text


@pytest.mark.parametrize(
    ("text", "encoding", "declaration"),
    [
        (
            "Министр сказал, что договор «не будет подписан».",
            "windows-1251",
            '<meta charset="windows-1251">',
        ),
        (
            "大臣は条約に署名しないと述べた。",
            "shift_jis",
            '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
        ),
        ("部长表示不会签署该条约。", "gb2312", "<meta charset=gb2312>"),
    ],
    ids=["cyrillic", "japanese", "chinese"],
)
def test_a_web_page_is_decoded_as_it_declares(
    tmp_path: Path, text: str, encoding: str, declaration: str
) -> None:
    """Read as Windows-1252, these pages would be nonsense that still looks like text."""
    page = f"<html><head>{declaration}<title>t</title></head><body><p>{text}</p></body></html>"
    [source] = load_sources([_write(tmp_path / "a.html", page.encode(encoding))])
    assert source.text == text


def test_a_named_file_of_another_text_type_is_read_as_text(tmp_path: Path) -> None:
    """Only the formats briefing names as not read are refused: a .csv of quotes is text."""
    raw = b"speaker,quote\nBerg,The treaty gives small countries a way to fight ransomware.\n"
    [source] = load_sources([_write(tmp_path / "quotes.csv", raw)])
    assert "fight ransomware" in source.text


@pytest.mark.parametrize(
    "declaration", ['<meta charset="utf-8">', '<meta charset="no-such-charset">', ""]
)
def test_a_page_whose_bytes_do_not_fit_its_declaration_falls_back_to_cp1252(
    tmp_path: Path, declaration: str
) -> None:
    page = (
        f"<html><head>{declaration}</head><body><p>Caf\xe9 talks \u2013 for now.</p></body></html>"
    )
    [source] = load_sources([_write(tmp_path / "a.html", page.encode("cp1252"))])
    assert source.text == "Café talks \u2013 for now."


# --------------------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert _error([missing]) == f"source not found: {missing}"


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", "")
    blank = _write(tmp_path / "blank.md", "  \n\n\t \n")
    assert _error([empty]) == f"source is empty: {empty}"
    assert _error([blank]) == f"source is empty: {blank}"


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    path = _write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    assert _error([path]) == f"not a text document (binary data): {path}"


def test_binary_without_nul_bytes_is_mostly_undecodable(tmp_path: Path) -> None:
    noise = bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 20
    path = _write(tmp_path / "blob.txt", noise)
    assert _error([path]) == f"not a text document (binary data): {path}"


def test_too_large_names_limit_and_option(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", BODY)
    message = _error([path], max_bytes=50)
    assert path in message
    assert "50" in message
    assert "--max-source-bytes" in message


def test_nothing_left_after_cleaning(tmp_path: Path) -> None:
    path = _write(tmp_path / "chrome.txt", "Advertisement\n\nShare this article\n\nLoad More")
    assert _error([path]) == f"no article text left after cleaning: {path}"


# --------------------------------------------------------------------------- folders


def test_folder_loads_documents_sorted_and_skips_others(tmp_path: Path) -> None:
    _write(tmp_path / "b.md", f"# Second\n\n{BODY_2}")
    _write(tmp_path / "a.txt", f"First\n\n{BODY}")
    _write(tmp_path / ".hidden.txt", "Hidden\n\nShould never be read.")
    _write(tmp_path / "picture.png", b"\x89PNG\x00\x00")
    _write(tmp_path / "empty.txt", "")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "c.txt", "Nested\n\nNot read: the folder is not recursive.")
    sources = load_sources([str(tmp_path)])
    assert [s.title for s in sources] == ["First", "Second"]
    assert sources[0].path == str(tmp_path / "a.txt")


def test_folder_without_documents(tmp_path: Path) -> None:
    _write(tmp_path / "picture.png", b"\x89PNG\x00\x00")
    _write(tmp_path / ".notes.txt", BODY)
    _write(tmp_path / "empty.txt", "")
    assert _error([str(tmp_path)]) == f"no readable documents in folder: {tmp_path}"


def test_a_pattern_the_shell_left_unexpanded_is_read_as_its_files(tmp_path: Path) -> None:
    # Windows' cmd passes "sources\*.txt" on as it is; so does a quoted pattern
    _write(tmp_path / "b.txt", f"Second\n\n{BODY_2}")
    _write(tmp_path / "a.txt", f"First\n\n{BODY}")
    _write(tmp_path / "c.md", "# Third\n\nNot a .txt file.")
    sources = load_sources([str(tmp_path / "*.txt")])
    assert [s.path for s in sources] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert source_files([str(tmp_path / "[ab].txt")]) == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert _error([str(tmp_path / "*.pdf")]) == f"no file matches {tmp_path / '*.pdf'}"
    # a file whose name holds a wildcard character is read by that name
    odd = _write(tmp_path / "odd[1].txt", f"Odd\n\n{BODY}")
    assert [s.path for s in load_sources([odd])] == [odd]


def test_a_web_address_is_not_a_source() -> None:
    assert _error(["https://example.org/story"]) == (
        "source not found: https://example.org/story is a web address; briefing reads files "
        "and folders: save the page (as .html) and give its file"
    )


def test_identical_documents_are_kept_once(tmp_path: Path) -> None:
    first = _write(tmp_path / "one.txt", f"Same story\n\n{BODY}")
    second = _write(tmp_path / "two.txt", f"Same story\r\n\r\n{BODY}\r\n")
    sources = load_sources([first, second])
    assert [s.path for s in sources] == [first]


# --------------------------------------------------------------------------- markdown


def test_markdown_front_matter(tmp_path: Path) -> None:
    raw = (
        "---\n"
        'title: "Rights groups reject the draft"\n'
        "outlet: Example Wire\n"
        "date: 2024-08-07\n"
        "url: https://example.org/story\n"
        "tags: [ignored, list]\n"
        "---\n\n"
        f"# A different heading\n\n{BODY}\n"
    )
    [source] = load_sources([_write(tmp_path / "story.md", raw)])
    assert source.title == "Rights groups reject the draft"
    assert source.outlet == "Example Wire"
    assert source.published == "2024-08-07"
    assert source.url == "https://example.org/story"
    assert source.text == f"# A different heading\n\n{BODY}"
    assert "outlet:" not in source.text


def test_markdown_title_from_heading_then_first_line(tmp_path: Path) -> None:
    with_heading = _write(tmp_path / "a.markdown", f"Intro words\n\n# Real Heading #\n\n{BODY}")
    long_line = "A first line that goes on " + "and on " * 30 + "without a heading"
    without = _write(tmp_path / "b.md", f"{long_line}\n\n{BODY_2}")
    first, second = load_sources([with_heading, without])
    assert first.title == "Real Heading"
    assert second.title == long_line[:120].rstrip()
    assert len(second.title) <= 120


# --------------------------------------------------------------------------- html

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Treaty talks end &amp; vote looms</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-08-09T10:00:00Z">
<meta property="og:url" content="https://example.org/treaty">
<style>body { color: red; }</style>
<script>var tracking = "do not keep me";</script>
</head>
<body>
<header><a href="/">Home</a> | <a href="/world">World</a></header>
<nav><ul><li>Politics</li><li>Tech</li></ul></nav>
<div class="content">
<h1>Treaty talks end</h1>
<p>The committee agreed the text on Thursday.<br>Delegates
   applauded.</p>
<p>Critics said it &#8220;lacks safeguards&#8221; &mdash; and vowed to fight on.</p>
<script>window.ads.push({slot: "mid"});</script>
<ul><li>First point</li><li>Second point</li></ul>
<form><input name="email"> Subscribe to our newsletter</form>
<noscript>Enable JavaScript</noscript>
<svg><title>icon</title><path d="M0 0"/></svg>
</div>
<aside>Most read: Something else entirely</aside>
<footer>Copyright 2024 Example Wire</footer>
</body></html>
"""


def test_html_keeps_only_article_text(tmp_path: Path) -> None:
    [source] = load_sources([_write(tmp_path / "page.html", HTML_PAGE)])
    assert source.text == (
        "Treaty talks end\n\n"
        "The committee agreed the text on Thursday.\n\n"
        "Delegates applauded.\n\n"
        "Critics said it \u201clacks safeguards\u201d \u2014 and vowed to fight on.\n\n"
        "First point\n\nSecond point"
    )
    assert source.title == "Treaty talks end & vote looms"
    assert source.outlet == "Example Wire"
    assert source.published == "2024-08-09T10:00:00Z"
    assert source.url == "https://example.org/treaty"
    for chrome in ("tracking", "Politics", "Subscribe", "JavaScript", "icon", "Copyright"):
        assert chrome not in source.text


def test_html_title_from_h1_and_longest_article(tmp_path: Path) -> None:
    page = (
        "<html><body>"
        f"<article><h1>Main story</h1><p>{BODY}</p><p>{BODY_2}</p></article>"
        "<article><h2>Unrelated teaser</h2><p>Phone prices rise.</p></article>"
        "</body></html>"
    )
    [source] = load_sources([_write(tmp_path / "page.htm", page)])
    assert source.title == "Main story"
    assert source.text == f"Main story\n\n{BODY}\n\n{BODY_2}"


def test_html_with_only_scripts_has_no_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "app.html", "<html><script>render()</script><nav>Menu</nav></html>")
    assert _error([path]) == f"no article text left after cleaning: {path}"


# --------------------------------------------------------------------------- json


def test_json_single_object(tmp_path: Path) -> None:
    record = {"text": BODY, "title": "Wire story", "outlet": "Example Wire", "url": "u"}
    path = _write(tmp_path / "one.json", json.dumps(record))
    [source] = load_sources([path])
    assert (source.path, source.title, source.outlet, source.url) == (
        path,
        "Wire story",
        "Example Wire",
        "u",
    )
    assert source.text == BODY


def test_json_list_gives_numbered_paths(tmp_path: Path) -> None:
    records = [
        {"text": BODY, "published": "2024-08-09"},
        {"text": f"Second headline\n\n{BODY_2}"},
    ]
    path = _write(tmp_path / "many.json", json.dumps(records))
    first, second = load_sources([path])
    assert first.path == f"{path}#1"
    assert first.published == "2024-08-09"
    assert first.title == "many #1"
    assert second.path == f"{path}#2"
    assert second.title == "Second headline"


def test_who_wrote_a_source_is_read_from_its_file(tmp_path: Path) -> None:
    """A record's author (a name, or a list of names), a Markdown byline, a web page's author
    meta tag (not a profile's address; "By" left out): the source's author."""
    records = [
        {"text": BODY, "author": "Jane Smith"},
        {"text": BODY_2, "authors": ["Ana Ruiz", "Jo Lee", "Kim Berg"]},
    ]
    feed = _write(tmp_path / "feed.json", json.dumps(records))
    note = _write(
        tmp_path / "op-ed.md", "---\ntitle: Why\nbyline: Amara Okafor\n---\n\nI oppose it."
    )
    page = _write(
        tmp_path / "page.html",
        '<html><head><meta property="article:author" content="https://example.org/okafor">'
        '<meta name="author" content="By  Amara   Okafor"></head>'
        "<title>I back it</title><body><p>I back the levy. We need it.</p></body></html>",
    )
    plain = _write(tmp_path / "plain.html", "<title>Levy</title><p>The levy passed.</p>")
    loaded = load_sources([feed, note, page, plain])
    assert [(source.title, source.author) for source in loaded] == [
        ("feed #1", "Jane Smith"),
        ("feed #2", "Ana Ruiz, Jo Lee and Kim Berg"),
        ("Why", "Amara Okafor"),
        ("I back it", "Amara Okafor"),
        ("Levy", None),
    ]


def test_a_pages_structured_data_gives_its_date_outlet_and_authors(tmp_path: Path) -> None:
    """A news page that names its metadata only in JSON-LD (a graph of objects, the article
    among them): its date, publisher and authors are the source's; broken JSON-LD and the
    script's text are not read."""
    described = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Harbour Gazette home"},
            {
                "@type": ["NewsArticle"],
                "headline": "Council backs levy",
                "datePublished": "2026-11-02T09:00:00Z",
                "author": [
                    {"@type": "Person", "name": "Ana Ruiz"},
                    {"@type": "Person", "name": "Jo Lee", "url": "https://example.org/jo"},
                ],
                "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
            },
        ],
    }
    page = _write(
        tmp_path / "story.html",
        '<html><head><script type="application/ld+json">{broken</script>'
        f'<script type="application/ld+json">{json.dumps(described)}</script></head>'
        f"<body><p>{BODY}</p></body></html>",
    )
    [source] = load_sources([page])
    assert (source.title, source.outlet, source.published, source.author) == (
        "Council backs levy",
        "Harbour Gazette",
        "2026-11-02T09:00:00Z",
        "Ana Ruiz and Jo Lee",
    )
    assert source.text == BODY


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.json", "[" * 100_000, "invalid JSON in FILE: nested too deep"),
        ("deep.jsonl", "[" * 100_000, "invalid JSON in FILE line 1: nested too deep"),
        (
            "deep.docx",
            "<w:customXml>" * 3000 + "<w:p><w:r><w:t>Deep.</w:t></w:r></w:p>",
            "cannot read FILE: nested too deep",
        ),
    ],
)
def test_a_file_nested_past_what_a_reader_walks_is_a_one_line_error(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    """JSON and XML nested thousands deep, as no program writes: a one-line error, not the
    parser's recursion error (a web page's JSON-LD nested so is passed over)."""
    data = docx_bytes(content + "</w:customXml>" * 3000) if name.endswith(".docx") else content
    path = _write(tmp_path / name, data)
    assert str(_error([path])) == message.replace("FILE", path)
    page = _write(
        tmp_path / "page.html",
        f'<script type="application/ld+json">{"[" * 100_000}</script><p>{BODY}</p>',
    )
    assert load_sources([page])[0].text == BODY


def test_json_record_without_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.json", json.dumps([{"text": BODY}, {"title": "No body"}]))
    message = _error([path])
    assert path in message
    assert "record 2" in message
    assert '"text"' in message


def test_invalid_json(tmp_path: Path) -> None:
    path = _write(tmp_path / "broken.json", '{"text": "unterminated')
    message = _error([path])
    assert message.startswith(f"invalid JSON in {path}")


def test_jsonl_one_record_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": BODY, "title": "One"}), "", json.dumps({"text": BODY_2})]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines))
    first, second = load_sources([path])
    assert (first.path, first.title) == (f"{path}#1", "One")
    assert second.path == f"{path}#2"
    assert second.text == BODY_2


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.jsonl", json.dumps({"text": BODY}) + "\n" + json.dumps({}))
    message = _error([path])
    assert path in message and "record 2" in message


# --------------------------------------------------------------------------- stdin


def test_stdin_is_read_once(tmp_path: Path) -> None:
    stream = io.StringIO(f"Piped headline\r\n\r\n{BODY}")
    file_path = _write(tmp_path / "other.txt", f"Other\n\n{BODY_2}")
    sources = load_sources(["-", file_path, "-"], stdin=stream)
    assert [s.path for s in sources] == ["-", file_path]
    assert sources[0].title == "Piped headline"
    assert sources[0].text == f"Piped headline\n\n{BODY}"


def test_stdin_binary_buffer_uses_fallback_decoding() -> None:
    raw = "Caf\xe9 headline\n\nThe talks resumed on Monday.".encode("cp1252")
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    [source] = load_sources(["-"], stdin=stream)
    assert source.title == "Café headline"


def test_empty_stdin() -> None:
    with pytest.raises(SourceError, match=r"^source is empty: -$"):
        load_sources(["-"], stdin=io.StringIO("   \n"))


def test_html_table_cells_are_separated(tmp_path: Path) -> None:
    page = (
        f"<html><body><p>{BODY}</p>"
        "<table><tr><th>Vote</th><th>Count</th></tr><tr><td>For</td><td>102</td></tr></table>"
        "</body></html>"
    )
    [source] = load_sources([_write(tmp_path / "votes.html", page)])
    assert source.text == f"{BODY}\n\nVote | Count\n\nFor | 102"


def test_an_html_tables_row_is_one_paragraph_however_its_cells_are_marked_up(
    tmp_path: Path,
) -> None:
    """A row reads as one paragraph, cells joined by " | " as a Word or PDF table's are: with
    paragraphs inside its cells (as Word saves HTML), an empty cell kept empty, end tags left
    out (as HTML allows), a table inside a cell flattened into it. A page laid out in a table
    (a cell of long text, or of many paragraphs) keeps its paragraphs, and a control character
    of the page's own text marks nothing."""
    story = " ".join(f"Delegation {n} spoke on clause {n + 3} of the draft." for n in range(30))
    page = (
        f"<html><body><p>{BODY}</p><table>"
        "<tr><th><p>Item</p></th><th><p>Cost</p></th><th>Who\x01 pays</th></tr>"
        "<tr><td><p>Dredging of the</p><p>harbour entrance</p></td><td></td><td>Port</td></tr>"
        "<tr><td>Quay wall<td>95 million<td><table><tr><td>City</td><td>Region</td></tr></table>"
        "</table>"
        f"<table><tr><td>From the floor</td><td><p>{story}</p><p>{BODY_2}</p></td></tr></table>"
        "</body></html>"
    )
    layout = (
        "<table><tr><td>Press office</td><td><p>Short statement.</p><p>The council met.</p>"
        "<p>It voted on the levy.</p><p>Fares rise in May.</p></td></tr></table>"
    )
    [short] = load_sources([_write(tmp_path / "short.html", f"<p>{BODY}</p>{layout}")])
    assert " | " not in short.text and "\n\nFares rise in May." in short.text
    [source] = load_sources([_write(tmp_path / "budget.html", page)])
    assert source.text.split("\n\n") == [
        BODY,
        "Item | Cost | Who pays",
        "Dredging of the harbour entrance |  | Port",
        "Quay wall | 95 million | City Region",
        "From the floor",
        story,
        BODY_2,
    ]


def test_text_handed_over_as_text_is_not_judged_binary() -> None:
    """A request's or a JSON record's text is taken as given, control characters and all;
    only text read out of a file's bytes is refused as binary data."""
    text = "Vote\x9c\x9d\x81 count\x1b: 102 to 23\x7f\x85 in favour."
    [source] = sources_from_records([{"text": text, "title": "t"}], "submitted")
    assert source.text == text
