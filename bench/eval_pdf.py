"""Evaluate how faithfully PDF sources are read (`briefing.pdf`, through `load_sources`).

Run from the project root (needs Chromium, which `.ci/run` installs for the review page):

    .venv/bin/python bench/eval_pdf.py [--articles 60] [--json bench/results/pdf.json]

No evaluation set holds PDFs, and whether a PDF is read well depends on its layout, so this
prints BASIL articles (read at run time from ``../shared/data/basil``; nothing of them is
copied into the repository) to PDF with Chromium in six layouts a report or a print story
uses, reads each PDF back as a source, and compares the text with the article's own
paragraphs and sentences:

- report: one justified column, spaced paragraphs, the outlet and title as a running header,
  "Page N of M" as footer;
- columns: two justified columns, paragraphs marked only by a first-line indent, the title
  and date as running header, a bare page number;
- ragged: small pages (many page breaks), ragged right, "- N -" as footer;
- typeset: three narrow justified columns with words hyphenated at line ends (soft
  hyphens put in every long word, as a typesetter's hyphenation would break them), a bare
  page number;
- memo: wide line spacing, indented and spaced paragraphs, a large title that wraps, no
  header or footer;
- writer: the article as plain HTML opened and exported by LibreOffice Writer (its default
  page style), a second producer of PDF; left out when ``soffice`` is not installed.

Reported per layout: sentences of the article found word for word in the text read (what
grounding needs), paragraphs rebuilt exactly, paragraphs split or merged, header, footer or
page-number lines left in the text, sentences whose page (``Source.page_at``) is the page
the PDF prints them on, and pages read per second: a table on stdout, and to the JSON file
the same figures with the ids and counts of the documents read less than perfectly.

With ``--scan`` every PDF is first made a scan of itself (each page a 200-dpi grey picture,
no text layer; ``--noise`` adds a photocopier's blur and grain, ``--skew`` turns the page as
a sheet fed in askew, ``--turn`` as one fed in sideways or upside down) and read back by OCR
(needs the ``ocr`` extra). OCR reads curly quotation marks and apostrophes as straight
ones, so a sentence is then looked for with those folded; every other character must match.
"""

from __future__ import annotations

import argparse
import ast
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pdf_writer makes the scans

import pypdfium2 as pdfium  # noqa: E402

from briefing import ocr  # noqa: E402
from briefing.sources import load_sources  # noqa: E402
from tests.pdf_writer import scanned  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "basil"
DEFAULT_JSON = ROOT / "bench" / "results" / "pdf.json"
OUTLETS = {"nyt": "The New York Times", "hpo": "HuffPost", "fox": "Fox News"}

WRITER = "writer"
_MARGIN_BOX = "font: 8pt sans-serif; color: #444"
LAYOUTS: dict[str, str] = {
    "report": (
        "@page { size: A4; margin: 2.2cm 2cm;"
        f" @top-left {{ content: var(--outlet); {_MARGIN_BOX} }}"
        f" @top-right {{ content: var(--title); {_MARGIN_BOX} }}"
        ' @bottom-center { content: "Page " counter(page) " of " counter(pages);'
        f" {_MARGIN_BOX} }} }}"
        " body { font: 11pt/1.35 serif } h1 { font-size: 18pt }"
        " p { text-align: justify; margin: 0 0 0.7em }"
    ),
    "columns": (
        "@page { size: letter; margin: 1.8cm 1.5cm;"
        f" @top-left {{ content: var(--title); {_MARGIN_BOX} }}"
        f" @top-right {{ content: var(--date); {_MARGIN_BOX} }}"
        f" @bottom-right {{ content: counter(page); {_MARGIN_BOX} }} }}"
        " body { font: 9.5pt/1.25 serif } h1 { font-size: 16pt; column-span: all }"
        " main { columns: 2; column-gap: 0.8cm }"
        " p { text-align: justify; margin: 0; text-indent: 1.2em }"
    ),
    "ragged": (
        "@page { size: A5; margin: 1.5cm;"
        f' @bottom-center {{ content: "- " counter(page) " -"; {_MARGIN_BOX} }} }}'
        " body { font: 10pt/1.3 sans-serif } h1 { font-size: 14pt }"
        " p { text-align: left; margin: 0 0 0.6em }"
    ),
    "typeset": (
        "@page { size: A4; margin: 1.5cm;"
        f" @bottom-center {{ content: counter(page); {_MARGIN_BOX} }} }}"
        " body { font: 9pt/1.2 serif } h1 { font-size: 15pt; column-span: all }"
        " main { columns: 3; column-gap: 0.5cm }"
        " p { text-align: justify; margin: 0; text-indent: 1em }"
    ),
    WRITER: "",  # printed by LibreOffice Writer, not Chromium
    "memo": (
        "@page { size: letter; margin: 2.5cm }"
        " body { font: 12pt/1.7 serif } h1 { font-size: 24pt; line-height: 1.2 }"
        " p { margin: 0 0 1em; text-indent: 2em }"
    ),
}


@dataclass
class Article:
    name: str
    title: str
    outlet: str
    date: str
    paragraphs: list[list[str]]


def load_articles(data: Path, limit: int) -> list[Article]:
    files = sorted((data / "articles").glob("*/*.json"))
    step = max(1, len(files) // limit) if limit else 1
    articles = []
    for path in files[::step][: limit or None]:
        raw = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = raw["body-paragraphs"]
        if isinstance(paragraphs, str):
            paragraphs = ast.literal_eval(paragraphs)
        # Chromium prints no format characters (U+200E and the like), so they are not compared.
        paragraphs = [[_visible(s) for s in p if _visible(s)] for p in paragraphs]
        articles.append(
            Article(
                name=path.stem,
                title=" ".join(raw["title"].split()),
                outlet=OUTLETS.get(raw.get("source", ""), raw.get("source", "")),
                date=raw.get("date", ""),
                paragraphs=[p for p in paragraphs if p],
            )
        )
    return articles


def _visible(text: str) -> str:
    """The text as a browser prints it: no format characters, whitespace runs as one space."""
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())


_LONG_WORD = re.compile(r"\b[^\W\d_]{8,}\b")


def _hyphenable(text: str, layout: str) -> str:
    """The paragraph as HTML; for the typeset layout, long words get soft hyphens every
    three letters (Chromium here has no hyphenation dictionary), so lines break inside
    words the way a typesetter's do."""
    if layout != "typeset":
        return html.escape(text)
    pieces, last = [], 0
    for word in _LONG_WORD.finditer(text):
        pieces.append(html.escape(text[last : word.start()]))
        letters = word.group(0)
        cuts = range(3, len(letters) - 2, 3)
        pieces.append("&shy;".join(letters[a:b] for a, b in zip([0, *cuts], [*cuts, None])))
        last = word.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def article_html(article: Article, layout: str) -> str:
    if layout == WRITER:  # Writer's HTML import reads no page CSS: its own page style
        body = "".join(f"<p>{html.escape(' '.join(p))}</p>" for p in article.paragraphs)
        return (
            "<!doctype html><html><head><meta charset=utf-8>"
            f"<title>{html.escape(article.title)}</title></head>"
            f"<body><h1>{html.escape(article.title)}</h1>{body}</body></html>"
        )
    variables = (
        f":root {{ --outlet: {_css_string(article.outlet)}; --title: {_css_string(article.title)};"
        f" --date: {_css_string(article.date)} }}"
    )
    body = "".join(f"<p>{_hyphenable(' '.join(p), layout)}</p>" for p in article.paragraphs)
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(article.title)}</title>"
        f"<style>{variables} {LAYOUTS[layout]}</style></head>"
        f"<body><h1>{html.escape(article.title)}</h1><main>{body}</main></body></html>"
    )


def print_pdf(tools: dict[str, str], layout: str, page: Path, out: Path) -> None:
    if layout == WRITER:
        # LibreOffice writes ``<stem>.pdf`` into the output folder.
        subprocess.run(
            [
                tools["soffice"],
                "--headless",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(out.parent),
                str(page),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return
    chromium = tools["chromium"]
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


_FURNITURE = re.compile(r"Page \d+ of \d+|^- \d+ -$|^\d+$", re.MULTILINE)


_STRAIGHT = str.maketrans("‘’“”", "''\"\"")


def measure(article: Article, pdf: Path, read: Path | None = None) -> dict[str, Any]:
    """Read ``read`` (a scan of ``pdf``), or ``pdf`` itself, and compare with the article;
    pages are checked against ``pdf``'s text layer."""
    began = time.perf_counter()
    (source,) = load_sources([str(read or pdf)])
    seconds = time.perf_counter() - began
    fold = (lambda text: text.translate(_STRAIGHT)) if read else (lambda text: text)
    document = pdfium.PdfDocument(str(pdf))
    # Letters and digits only: the page's own text has its line-end hyphens and breaks.
    page_texts = [
        _letters(document[i].get_textpage().get_text_range()) for i in range(len(document))
    ]
    document.close()

    text = fold(source.text)
    read_paragraphs = [_squash(p) for p in text.split("\n\n")]
    wanted = [fold(_squash(" ".join(p))) for p in article.paragraphs]
    read_set = set(read_paragraphs)
    sentences = [fold(s) for p in article.paragraphs for s in p]
    found = 0
    paged_right = 0
    cursor = 0
    for sentence in sentences:
        at = text.find(sentence, cursor)
        if at < 0:
            at = text.find(sentence)
        if at < 0:
            continue
        found += 1
        cursor = at
        page = source.page_at(at)
        head = _letters(sentence)[:25]
        if page is not None and head in page_texts[page - 1]:
            paged_right += 1
    furniture = [
        line
        for line in text.split("\n")
        if _FURNITURE.search(line)
        or (line.strip() and line.strip() in {article.outlet, article.date})
        or (
            article.title
            and line.strip() == fold(article.title)
            and text.count(fold(article.title)) > 1
        )
    ]
    return {
        "pages": len(page_texts),
        "seconds": seconds,
        "sentences": len(sentences),
        "sentences_found": found,
        "sentences_paged_right": paged_right,
        "paragraphs": len(wanted),
        "paragraphs_exact": sum(1 for p in wanted if p in read_set),
        "paragraphs_read": len(read_paragraphs) - 1,  # the title is a paragraph of its own
        "furniture_left": len(furniture),
        "title_right": fold(source.title) == fold(article.title),
    }


def _imperfect(row: dict[str, Any]) -> bool:
    return bool(
        row["sentences_found"] < row["sentences"]
        or row["paragraphs_exact"] < row["paragraphs"]
        or row["furniture_left"]
        or not row["title_right"]
    )


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    total = {
        key: sum(r[key] for r in rows) for key in rows[0] if key not in ("title_right", "article")
    }
    return {
        "documents": len(rows),
        "pages": total["pages"],
        "sentences_found": total["sentences_found"] / total["sentences"],
        "sentences_paged_right": total["sentences_paged_right"] / max(total["sentences_found"], 1),
        "paragraphs_exact": total["paragraphs_exact"] / total["paragraphs"],
        "paragraph_count_ratio": total["paragraphs_read"] / total["paragraphs"],
        "documents_with_furniture_left": sum(1 for r in rows if r["furniture_left"]),
        "titles_right": sum(1 for r in rows if r["title_right"]) / len(rows),
        "pages_per_second": total["pages"] / total["seconds"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=60, help="0 for all")
    parser.add_argument("--layouts", nargs="+", default=list(LAYOUTS), choices=list(LAYOUTS))
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("--scan", action="store_true", help="read scans of the PDFs, by OCR")
    parser.add_argument(
        "--noise", type=float, default=0.0, help="with --scan: grain (0-255 grey levels) and blur"
    )
    parser.add_argument(
        "--skew", type=float, default=0.0, help="with --scan: turn each page this many degrees"
    )
    parser.add_argument(
        "--turn",
        type=int,
        default=0,
        choices=(0, 90, 180, 270),
        help="with --scan: feed each page in turned this far (sideways, upside down)",
    )
    args = parser.parse_args()
    if args.scan and not ocr.available():
        print(f"--scan needs OCR: {ocr.INSTALL_HINT}", file=sys.stderr)
        return 2
    if not (args.data / "articles").is_dir():
        print(f"BASIL not found at {args.data}; nothing to evaluate", file=sys.stderr)
        return 0
    tools = {
        name: found
        for name, found in (
            ("chromium", shutil.which("chromium") or shutil.which("chromium-browser")),
            ("soffice", shutil.which("soffice")),
        )
        if found
    }
    layouts = [layout for layout in args.layouts if layout != WRITER or "soffice" in tools]
    if "chromium" not in tools:
        print("Chromium not found (apt-get install chromium); nothing to evaluate", file=sys.stderr)
        return 0
    if len(layouts) < len(args.layouts):
        print("LibreOffice not found: the writer layout is left out", file=sys.stderr)
    articles = load_articles(args.data, args.articles)
    results: dict[str, Any] = {
        "articles": len(articles),
        "scan": {"dpi": 200, "noise": args.noise, "skew": args.skew, "turn": args.turn}
        if args.scan
        else None,
        "layouts": {},
    }
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for layout in layouts:
            rows = []
            for number, article in enumerate(articles, 1):
                page = folder / f"{article.name}-{layout}.html"
                pdf = page.with_suffix(".pdf")
                page.write_text(article_html(article, layout), encoding="utf-8")
                print_pdf(tools, layout, page, pdf)
                scan = None
                if args.scan:
                    scan = pdf.with_name(f"{pdf.stem}-scan.pdf")
                    scan.write_bytes(
                        scanned(pdf.read_bytes(), grain=args.noise, skew=args.skew, turn=args.turn)
                    )
                rows.append({"article": article.name, **measure(article, pdf, scan)})
                print(f"\r{layout}: {number}/{len(articles)}", end="", file=sys.stderr)
            print(file=sys.stderr)
            results["layouts"][layout] = {
                "summary": summarise(rows),
                # Only the documents read less than perfectly, to look at (ids and counts).
                "imperfect": [row for row in rows if _imperfect(row)],
            }
    print(
        "| layout | documents | pages | sentences found | paged right | paragraphs exact "
        "| paragraphs read / written | documents with furniture left | titles | pages/s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for layout, result in results["layouts"].items():
        s = result["summary"]
        print(
            f"| {layout} | {s['documents']} | {s['pages']} | {s['sentences_found']:.1%} "
            f"| {s['sentences_paged_right']:.1%} | {s['paragraphs_exact']:.1%} "
            f"| {s['paragraph_count_ratio']:.2f} | {s['documents_with_furniture_left']} "
            f"| {s['titles_right']:.0%} | {s['pages_per_second']:.3g} |"
        )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
