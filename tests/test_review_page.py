"""The review page: spans highlighted at their offsets, facts linked both ways, text inert."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing import cli
from briefing.check import read_brief
from briefing.cli import main
from briefing.models import Evidence, Source
from briefing.render import Note, number_notes, render_brief
from briefing.review_page import render_review_page, split_at_spans
from tests.conftest import STATEMENT, review_sheet, statement_answer
from tests.fakeserver import FakeOpenAI, Reply

GOLDEN = Path(__file__).parent / "golden"
ARTIFACTS = Path(__file__).parent / "artifacts"


class Page(HTMLParser):
    """What a browser would make of the page: elements, links, and each source's marked text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.rows: dict[str, list[int]] = {}  # fact row id -> note numbers it links to
        self.texts: dict[
            int, str
        ] = {}  # source number -> its text, reference and page badges left out
        self.marks: dict[int, list[tuple[int, int, str]]] = {}  # note -> (source, offset, text)
        self.mark_ids: dict[str, int] = {}  # a mark's id -> its note
        self._source: int | None = None
        self._in_text = False
        self._open: list[str] = []
        self._marks: list[int] = []
        self._ref_depth = 0
        self._row: str | None = None
        self.title = ""
        self._in_title = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags[tag] += 1
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a":
            self.hrefs.append(attributes.get("href", ""))
            span = re.fullmatch(r"#span-(\d+)", attributes.get("href", ""))
            if self._row and span:
                self.rows[self._row].append(int(span.group(1)))
        if tag == "tr" and re.fullmatch(r"(position|risk|event)-\d+", attributes.get("id", "")):
            self._row = attributes["id"]
            self.rows[self._row] = []
        if tag == "article":
            self._source = int(attributes["id"].removeprefix("source-"))
            self.texts[self._source] = ""
        if tag == "div" and attributes.get("class") == "text":
            self._in_text = True
        if self._ref_depth or (tag == "span" and attributes.get("class") in ("ref", "page")):
            self._ref_depth += 1
        if tag == "mark":
            note = int(attributes["data-note"])
            self._marks.append(note)
            if "id" in attributes:
                self.mark_ids[attributes["id"]] = note
        if tag == "title":
            self._in_title = True
        if tag != "meta":  # the page's only void element
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self._open.pop() == tag, f"</{tag}> closes another element"
        if self._ref_depth:
            self._ref_depth -= 1
        if tag == "mark":
            self._marks.pop()
        if tag == "div":
            self._in_text = False
        if tag == "tr":
            self._row = None
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if not self._in_text or self._ref_depth or self._source is None:
            return
        offset = len(self.texts[self._source])
        for note in self._marks:
            self.marks.setdefault(note, []).append((self._source, offset, data))
        self.texts[self._source] += data


def test_every_span_is_highlighted_at_its_offsets() -> None:
    sheet = review_sheet()
    page = Page(render_review_page(sheet))
    assert page.texts == {n: source.text for n, source in enumerate(sheet.sources, 1)}
    notes = number_notes(sheet).notes
    assert len(notes) == 10 and set(page.marks) == {note.number for note in notes}
    for note in notes:
        pieces = page.marks[note.number]
        assert {source for source, _, _ in pieces} == {note.source_number}
        assert pieces[0][1] == note.evidence.start
        # The pieces follow each other without a gap, and together they are the quote.
        for (_, offset, text), (_, following, _) in zip(pieces, pieces[1:]):
            assert offset + len(text) == following
        assert "".join(text for _, _, text in pieces) == note.evidence.quote
        assert page.mark_ids[f"span-{note.number}"] == note.number
    # Overlapping, nested and same-start spans are all there: the fixture has each.
    assert len(page.mark_ids) == len(notes)


def test_a_pdf_sources_page_breaks_are_marked_and_its_spans_stay_whole() -> None:
    """Each page after the first is marked where it begins, even inside a highlighted span,
    and the source's text and every span read as before."""
    sheet = review_sheet()
    statement = sheet.sources[0]
    inside_a_span = statement.text.index("sweeping")  # inside the OKAFOR quote
    next_paragraph = statement.text.index("The Ministry")
    paged = statement.model_copy(update={"page_starts": [inside_a_span, next_paragraph]})
    sheet = sheet.model_copy(update={"sources": [paged, *sheet.sources[1:]]})
    html = render_review_page(sheet)
    page = Page(html)
    assert page.texts == {n: source.text for n, source in enumerate(sheet.sources, 1)}
    for note in number_notes(sheet).notes:
        assert "".join(text for _, _, text in page.marks[note.number]) == note.evidence.quote
    assert re.search(r'<span class="page">page 2</span>(<mark[^>]*>)*sweeping', html)
    assert '<span class="page">page 3</span>The Ministry' in html
    assert html.count('class="page"') == 2


@given(
    st.text(alphabet="ab \n", min_size=1, max_size=30).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(
                    lambda span: span[0] < span[1]
                ),
                max_size=6,
                unique=True,
            ),
        )
    )
)
def test_splitting_at_spans_keeps_every_span_whole(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    source = Source(id="s", title="t", text=text)
    notes = [
        Note(
            n,
            Evidence(source_id="s", start=a, end=b, quote=text[a:b], match="exact", score=1),
            source,
            1,
        )
        for n, (a, b) in enumerate(spans, 1)
    ]
    pieces = split_at_spans(text, notes)
    assert "".join(piece.text for piece in pieces) == text
    for note in notes:
        covered = [i for i, piece in enumerate(pieces) if note.number in piece.notes]
        assert covered == list(range(covered[0], covered[-1] + 1))
        assert "".join(pieces[i].text for i in covered) == note.evidence.quote
        assert [i for i, piece in enumerate(pieces) if note.number in piece.starts] == covered[:1]
        assert [i for i, piece in enumerate(pieces) if note.number in piece.ends] == covered[-1:]


def test_every_fact_links_to_its_spans_and_every_link_lands() -> None:
    sheet = review_sheet()
    page = Page(render_review_page(sheet))
    assert len(page.ids) == len(set(page.ids))
    internal = [href for href in page.hrefs if href.startswith("#")]
    assert {href[1:] for href in internal} <= set(page.ids)
    numbered = number_notes(sheet)
    expected = {
        **{f"position-{i}": notes for i, (_, notes) in enumerate(numbered.positions, 1)},
        **{f"risk-{i}": notes for i, (_, notes) in enumerate(numbered.risks, 1)},
        **{f"event-{i}": notes for i, (_, notes) in enumerate(numbered.events, 1)},
    }
    assert page.rows == expected
    # Each span's badge links back to every fact that cites it.
    html = render_review_page(sheet)
    badge = re.search(r'<span class="ref"><a href="#note-9">\[9\]</a> (.*?)</span>', html)
    assert badge and badge.group(1) == '<a href="#risk-2">R2</a>'


def test_note_numbers_are_the_briefs() -> None:
    sheet = review_sheet()
    brief = read_brief(render_brief(sheet))
    page = Page(render_review_page(sheet))
    assert [note.number for note in brief.notes] == list(range(1, 11))
    for note in brief.notes:
        quote = "".join(text for _, _, text in page.marks[note.number])
        assert quote.split() == note.quote.split()
    cited_in_brief = [number for number, _ in brief.citations]
    cited_on_page = [n for row in page.rows.values() for n in row]
    assert cited_on_page == cited_in_brief


def test_source_text_is_inert() -> None:
    html = render_review_page(review_sheet())
    page = Page(html)
    assert page.tags["script"] == 0
    assert not [href for href in page.hrefs if "javascript" in href.lower()]
    assert page.tags["b"] == page.tags["i"] == page.tags["em"] == 0
    assert page.tags["h1"] == 1  # the "# Okafor said" line did not become a heading
    assert page.title == "Review: the <em>treaty</em>"
    assert "<script>document.title='pwned'</script>" in page.texts[2]
    assert "[click](javascript:alert(1))" in page.texts[2]
    assert "# Okafor said the draft was dangerous" in page.texts[2]
    assert 'href="https://example.org/statement"' in html  # an http(s) URL is a link...
    assert (  # ...any other is text, as the author's markup is
        '<p class="meta">by &lt;b&gt;Anon&lt;/b&gt; [me](javascript:alert(2)) · javascript:alert(1)'
        "</p>" in html
    )
    assert "default-src 'none'" in html  # and no script or external resource would load


def test_disputed_stances_and_rejected_drafts_are_listed() -> None:
    html = render_review_page(review_sheet())
    disputed = html.split('<section id="disputed">', 1)[1].split("</section>", 1)[0]
    assert "Jonas Berg: the first stance question said <strong>supports</strong>" in disputed
    assert "the second said <strong>mixed</strong>" in disputed
    assert '<tr id="position-3" class="disputed">' in html
    assert "<td>disputed: supports / mixed</td>" in html
    rejected = html.split('<section id="rejected">', 1)[1].split("</section>", 1)[0]
    assert rejected.count("<tr>") == 3  # header and two drafts
    assert "<td>quote not found in the source</td>" in rejected
    assert "<td>the date is not in the quote</td>" in rejected
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in rejected


def test_render_writes_a_byte_identical_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Golden file: update with BRIEFING_UPDATE_GOLDEN=1 after a deliberate change."""
    facts = tmp_path / "facts.json"
    facts.write_text(review_sheet().model_dump_json(indent=2), "utf-8")
    pages = []
    for name in ("first.html", "second.html"):
        assert main(["render", str(facts), "--html", str(tmp_path / name), "-q"]) == 0
        pages.append((tmp_path / name).read_text("utf-8"))
    assert pages[0] == pages[1]
    assert capsys.readouterr().out.startswith("# Policy brief:")  # the brief still on stdout
    golden = GOLDEN / "review.html"
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        golden.write_text(pages[0], "utf-8")
    assert pages[0] == golden.read_text("utf-8")


def test_generate_writes_the_page_with_the_briefs_note_numbers(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    bottom_line = [
        {"facts": ["E1"], "sentence": "Negotiators agreed the final text on 8 August 2024."},
        {"facts": ["P2", "P1"], "sentence": "Jonas Berg backs the treaty; Amara Okafor does not."},
    ]
    fake.enqueue(
        statement_answer(),
        # Both stance questions about Amara Okafor, then both about Jonas Berg.
        *(json.dumps({"stance": s}) for s in ("opposes", "opposes", "supports", "mixed")),
        json.dumps({"sentences": bottom_line}),
    )
    brief, facts, review = tmp_path / "brief.md", tmp_path / "facts.json", tmp_path / "review.html"
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    assert main([*args, "-o", str(brief), "--json", str(facts), "--html", str(review)]) == 0
    page = Page(review.read_text("utf-8"))
    notes = read_brief(brief.read_text("utf-8")).notes
    assert len(notes) == 5  # the facts' four quotes, and the sentence giving Okafor's role
    for note in notes:
        assert "".join(text for _, _, text in page.marks[note.number]) == note.quote
    html = review.read_text("utf-8")
    assert "Jonas Berg: the first stance question said <strong>supports</strong>" in html
    assert STATEMENT.splitlines()[0] in page.texts[1]
    # The bottom line cites first, so the event's quote is note 1 in the brief and on the page.
    assert "Negotiators agreed the final text on 8 August 2024. [1]" in brief.read_text("utf-8")
    assert page.marks[1][0][2].startswith("Negotiators agreed")
    assert 'href="#event-1">E1</a>: <a class="cite" href="#span-1">[1]</a>' in html


def test_a_page_that_cannot_be_written_leaves_no_file(
    fake: FakeOpenAI,
    statement_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake.enqueue(statement_answer())
    brief, facts = tmp_path / "brief.md", tmp_path / "facts.json"
    folder = tmp_path / "pages"
    folder.mkdir()
    review = folder / "review.html"
    generate_facts = cli.generate_facts

    def folder_removed_meanwhile(*args: Any, **kwargs: Any) -> Any:
        sheet = generate_facts(*args, **kwargs)
        folder.rmdir()
        return sheet

    monkeypatch.setattr(cli, "generate_facts", folder_removed_meanwhile)
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    code = main(
        [
            *args,
            "--no-stance-check",
            "--no-bottom-line",
            "-o",
            str(brief),
            "--json",
            str(facts),
            "--html",
            str(review),
        ]
    )
    assert code == 5
    assert "cannot write" in capsys.readouterr().err
    assert facts.exists()  # the model's work is kept...
    assert not brief.exists() and not review.exists()  # ...and nothing half-written


@pytest.mark.parametrize("flag", ["-o", "--json", "--html"])
def test_an_output_that_cannot_be_written_fails_before_any_model_call(
    fake: FakeOpenAI,
    statement_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flag: str,
) -> None:
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    missing = tmp_path / "missing" / "out"
    assert main([*args, flag, str(missing)]) == 5
    assert capsys.readouterr().err == (
        f"briefing: error: cannot write {missing}: no folder {missing.parent}\n"
    )
    assert main([*args, flag, str(tmp_path)]) == 5
    assert f"cannot write {tmp_path}: it is a folder" in capsys.readouterr().err
    assert fake.requests == []
    assert list(tmp_path.iterdir()) == [statement_file]


def test_a_failed_run_writes_no_page(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.responder = lambda request: Reply(status=401, body={"error": {"message": "bad key"}})
    review = tmp_path / "review.html"
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    assert main([*args, "--html", str(review)]) == 4
    assert not review.exists() and list(tmp_path.glob(".review.html*")) == []


def _chromium() -> str | None:
    found = shutil.which("chromium")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


def test_page_in_headless_chromium(tmp_path: Path) -> None:
    """The page as a browser shows it: marks present, no injected script, a screenshot kept."""
    browser = _chromium()
    if browser is None:
        pytest.skip(
            "chromium not installed: .ci/run installs Debian's chromium package when it runs "
            "as root with apt-get; elsewhere install chromium to run this test"
        )
    sheet = review_sheet()
    page_file = tmp_path / "review.html"
    page_file.write_text(render_review_page(sheet), "utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "review.png"
    screenshot.unlink(missing_ok=True)
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]

    def run(*args: str) -> str:
        done = subprocess.run(
            [*command, *args, page_file.as_uri()], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    run(f"--screenshot={screenshot}", "--window-size=1280,2000")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a rendered page, not a blank one

    dom = run("--dump-dom")
    assert re.search(r"<title>Review: the &lt;em&gt;treaty&lt;/em&gt;</title>", dom)
    assert "pwned</title>" not in dom
    assert "<script" not in dom.lower()
    marks = re.findall(r'<mark data-note="(\d+)"(?: id="span-\1")?>', dom)
    assert {int(n) for n in marks} == {note.number for note in number_notes(sheet).notes}
    assert all(f'id="span-{n}"' in dom for n in range(1, 11))
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
