"""Scans and pictures of pages, read by OCR.

The reading-order and size rules are tested on made-up line boxes (no model). The rest run
the real recognizer (RapidOCR's models from its wheel) on scans made here: a PDF written by
``tests.pdf_writer``, rendered by PDFium and put back as a picture per page, so the text a
scan should give is the text layer the same document gives.
"""

from __future__ import annotations

import logging
import math
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from briefing import ocr
from briefing.errors import SourceError
from briefing.ocr import OcrLine, reading_order
from briefing.pdf import read_pdf
from briefing.render import page_ranges, render_brief
from briefing.review_page import render_review_page
from briefing.sources import load_sources
from tests.conftest import BERG, OKAFOR, review_sheet
from tests.pdf_writer import Text, pdf_bytes, scanned
from tests.test_pdf import LEFT, P1, P3, P4, P5, WIDTH, column, para, report

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")


def box(text: str, left: float, top: float, right: float | None = None, height: float = 30):
    """A recognized line of letters 15 pixels wide; ``right`` defaults to 15 a character."""
    right = left + 15 * len(text) if right is None else right
    return OcrLine(text, left, right, top, top + height, first_word=40.0, letter_width=15.0)


# --------------------------------------------------------------------------- reading order


def test_two_columns_under_a_title_are_read_one_after_the_other() -> None:
    """The title crosses the gutter but is the only line that does: it spans the columns."""
    title = box("Levy review opens", 100, 50, right=900)
    left = [box(f"left {n}", 100, 150 + 40 * n, right=480) for n in range(5)]
    right = [box(f"right {n}", 540, 150 + 40 * n, right=920) for n in range(5)]
    shuffled = [right[2], left[4], title, *right[:2], *left[:4], *right[3:]]
    assert [line.text for line in reading_order(shuffled)] == [
        "Levy review opens",
        *(f"left {n}" for n in range(5)),
        *(f"right {n}" for n in range(5)),
    ]


def test_one_column_with_short_lines_reads_top_to_bottom() -> None:
    """Short last lines of paragraphs and an indented first line make no columns."""
    lines = [
        box("The council met on Monday and", 100, 100, right=900),
        box("agreed the levy.", 100, 140, right=420),
        box("It will be reviewed in", 160, 200, right=900),
        box("June.", 100, 240, right=200),
    ]
    assert [line.text for line in reading_order(lines[::-1])] == [line.text for line in lines]


def test_boxes_of_one_row_are_one_line() -> None:
    """The recognizer cuts a line at a wide space; a header's title and date are one row."""
    header = [box("2024-05-02", 800, 20, right=900), box("Harbour Times", 100, 22, right=300)]
    body = [
        box("The levy", 100, 100, right=300),
        box("passed.", 320, 101, right=480),
        box("Nobody objected at all.", 100, 140, right=900),
    ]
    assert [line.text for line in reading_order([*body, *header])] == [
        "Harbour Times 2024-05-02",
        "The levy passed.",
        "Nobody objected at all.",
    ]


def test_three_columns_are_read_left_to_right() -> None:
    columns = [
        [box(f"c{c} l{n}", 100 + 300 * c, 100 + 40 * n, right=360 + 300 * c) for n in range(4)]
        for c in range(3)
    ]
    lines = [line for n in range(4) for column in columns for line in [column[n]]]
    assert [line.text for line in reading_order(lines)] == [
        line.text for column in columns for line in column
    ]


def test_line_heights_are_evened_but_a_heading_keeps_its_size() -> None:
    """A body line whose box came out a fifth short, and a paragraph's one-word last line
    whose box came out a third tall, take the usual height (a change of size would start a
    paragraph); a heading, taller with wider letters, keeps its own, and so does a title's
    short line, far taller."""
    body = [box(f"line {n} of the body text", 100, 200 + 40 * n) for n in range(5)]
    short = box("a line whose box is short", 100, 400, height=24)
    last = box("Boeing.", 100, 440, height=40)  # a paragraph's last word, its box padded
    heading = replace(box("Costs and reserves", 100, 100, height=40), letter_width=22.0)
    title_end = box("border wall", 100, 60, height=52)  # a title's short second line
    lines = [title_end, heading, *body, short, last]
    heights = [round(line.height, 1) for line in ocr._even_heights(lines)]
    assert heights[2:] == [30] * 7
    assert heights[1] == pytest.approx(30 * (40 / 30 * 22 / 15) ** 0.5, abs=0.1)
    assert heights[0] == 52
    # The middle of every line stays where the recognizer found it.
    assert [line.middle for line in ocr._even_heights(lines)] == [line.middle for line in lines]


def test_page_ranges_shorten_runs() -> None:
    assert page_ranges([5, 1, 2, 3]) == "1–3, 5"
    assert page_ranges([2]) == "2"
    assert page_ranges([1, 3, 4]) == "1, 3–4"


# --------------------------------------------------------------------------- scans


def plain(text: str) -> str:
    """OCR reads curly quotes as straight ones."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    pages, _ = report()
    return pdf_bytes(pages)


@pytest.fixture(scope="module")
def report_scan(report_pdf: bytes) -> bytes:
    return scanned(report_pdf)


@needs_ocr
def test_a_scanned_report_reads_as_its_text_layer(report_pdf: bytes, report_scan: bytes) -> None:
    """Three scanned pages: the same paragraphs, the running header and page numbers
    dropped as furniture, the same page starts, every page said to be read by OCR."""
    from_text = read_pdf(report_pdf, "report.pdf")
    from_scan = read_pdf(report_scan, "scan.pdf")
    assert from_scan.text.split("\n\n") == plain(from_text.text).split("\n\n")
    assert from_scan.page_starts == from_text.page_starts
    assert sorted(d.reason for d in from_scan.dropped) == sorted(
        d.reason for d in from_text.dropped
    )
    assert from_scan.ocr_pages == [1, 2, 3]
    assert from_text.ocr_pages == []


def test_page_skew_is_the_long_lines_slant() -> None:
    """Top edges falling 2 pixels in 100 give the page's turn; short boxes (a page number)
    and too few lines give none."""
    slant = [[(0.0, y), (800.0, y + 16), (800.0, y + 46), (0.0, y + 30)] for y in (0, 50, 99)]
    short = [[(0.0, 0.0), (40.0, 9.0), (40.0, 39.0), (0.0, 30.0)]]
    assert ocr.page_skew(slant + short) == pytest.approx(math.atan2(16, 800))
    upright = [[(0.0, y), (800.0, y), (800.0, y + 30), (0.0, y + 30)] for y in (0, 50, 99)]
    assert ocr.page_skew(upright) == 0.0
    assert ocr.page_skew(slant[:2]) == 0.0


@needs_ocr
def test_a_two_column_page_fed_in_askew_reads_as_its_text_layer() -> None:
    """Turned by two degrees, the lines of two columns run into each other where the
    recognizer finds text; straightened, each column is read whole."""
    gutter = 18.0
    width = (WIDTH - gutter) / 2
    left = column([para(P1, width=width), para(P4, width=width, space_before=8.0)], width=width)
    right = column(
        [para(P3, width=width), para(P5, width=width, space_before=8.0)],
        x=LEFT + width + gutter,
        width=width,
    )
    page = pdf_bytes([[*left, *right]])
    askew = read_pdf(scanned(page, skew=2.0), "askew.pdf")
    assert askew.text.split("\n\n") == plain(read_pdf(page, "page.pdf").text).split("\n\n")


@needs_ocr
@pytest.mark.parametrize(("turn", "readings"), [(0, 1), (90, 2), (180, 2), (270, 2)])
def test_a_page_fed_in_sideways_or_upside_down_reads_as_its_text_layer(
    turn: int, readings: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upside down, the recognizer reads nonsense with low confidence; sideways, its boxes
    stand up. Either way the page is turned until it reads well across: one more reading,
    the first turn tried being the right one; an upright page is read once."""
    calls: list[object] = []
    read = ocr._read
    monkeypatch.setattr(ocr, "_read", lambda pixels: calls.append(1) or read(pixels))
    page = pdf_bytes([column([para(P1), para(P4, space_before=8.0)])])
    turned = read_pdf(scanned(page, turn=turn), "turned.pdf")
    assert len(calls) == readings
    assert turned.text.split("\n\n") == plain(read_pdf(page, "page.pdf").text).split("\n\n")


@needs_ocr
def test_photos_of_pages_taken_from_different_distances_read_as_one_text(
    report_pdf: bytes, tmp_path: Path
) -> None:
    """The report's three pages as a three-frame TIFF, the last two photographed closer (the
    type a fifth larger in pixels): each page's lines are evened to the document's size, so
    the larger pages are not read as headings with their paragraphs run together."""
    document = pdfium.PdfDocument(report_pdf)
    frames = [
        document[number].render(scale=dpi / 72, grayscale=True).to_pil()
        for number, dpi in enumerate((200, 236, 236))
    ]
    path = tmp_path / "pages.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    (source,) = load_sources([str(path)])
    assert source.ocr_pages == [1, 2, 3]
    assert source.text.split("\n\n") == plain(read_pdf(report_pdf, "r.pdf").text).split("\n\n")


@needs_ocr
def test_only_the_scanned_page_of_a_pdf_is_read_by_ocr(report_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(scanned(report_pdf, pages={2}))
    (source,) = load_sources([str(path)])
    assert source.ocr_pages == [2]
    assert source.text == plain(read_pdf(report_pdf, "r.pdf").text)


@needs_ocr
def test_a_picture_of_a_page_is_a_source(report_pdf: bytes, tmp_path: Path) -> None:
    page = pdfium.PdfDocument(report_pdf)[0]
    path = tmp_path / "page.png"
    page.render(scale=200 / 72, grayscale=True).to_pil().save(path)
    (source,) = load_sources([str(path)])
    assert source.ocr_pages == [1]
    assert source.page_starts == []
    first_page = plain(read_pdf(report_pdf, "r.pdf").text).split("\n\n")
    # One page shows no running header (it recurs on none), so its header stays; the page
    # number goes, and then come the page's paragraphs, the last cut where the page ends.
    paragraphs = source.text.split("\n\n")
    assert paragraphs[0] == "Marrowgate Harbour Council | Tidal Barrier Levy Review"
    assert paragraphs[1:3] == first_page[:2]
    assert first_page[2].startswith(paragraphs[3])
    assert "Page 1" not in source.text
    assert [d.reason for d in source.dropped] == ["page number"]


@needs_ocr
@pytest.mark.parametrize("suffix", [".heic", ".webp"])
def test_an_iphone_photo_and_a_webp_picture_are_read(
    report_pdf: bytes, tmp_path: Path, suffix: str
) -> None:
    """An iPhone's camera saves HEIC (opened through the ocr extra's pillow-heif), the web
    and Android often WebP: the page reads as the PNG of it does."""
    picture = pdfium.PdfDocument(report_pdf)[0].render(scale=200 / 72, grayscale=True).to_pil()
    png, other = tmp_path / "page.png", tmp_path / f"page{suffix}"
    picture.save(png)
    if suffix == ".heic":  # written without registering the opener: briefing must
        heif = pytest.importorskip("pillow_heif")
        heif.from_pillow(picture.convert("RGB")).save(str(other), quality=95)
    else:
        picture.convert("RGB").save(other, quality=95)
    (from_png,) = load_sources([str(png)])
    (source,) = load_sources([str(other)])
    assert source.ocr_pages == [1]
    assert source.text == from_png.text


@needs_ocr
def test_a_photo_stored_sideways_is_turned_as_its_exif_says(
    report_pdf: bytes, tmp_path: Path
) -> None:
    from PIL import Image

    upright = pdfium.PdfDocument(report_pdf)[0].render(scale=200 / 72, grayscale=True).to_pil()
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees clockwise to show"
    path = tmp_path / "photo.jpg"
    upright.rotate(90, expand=True).save(path, exif=exif, quality=95)
    (source,) = load_sources([str(path)])
    first_page = plain(read_pdf(report_pdf, "r.pdf").text).split("\n\n")
    assert source.text.split("\n\n")[1:3] == first_page[:2]


def test_a_blank_page_is_not_sent_to_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(pixels: object) -> list[OcrLine]:
        raise AssertionError("a page with no picture went to OCR")

    monkeypatch.setattr(ocr, "recognize", refuse)
    data = pdf_bytes([[Text("The levy passed on Monday.", 72, 700)], []])
    assert read_pdf(data, "two.pdf").text == "The levy passed on Monday."


def test_a_folder_reads_its_documents_not_its_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(pixels: object) -> list[OcrLine]:
        raise AssertionError("a picture in a folder went to OCR")

    monkeypatch.setattr(ocr, "recognize", refuse)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "statement.txt").write_text("The council backs the levy.", encoding="utf-8")
    (source,) = load_sources([str(tmp_path)])
    assert source.path == str(tmp_path / "statement.txt")


# --------------------------------------------------------------------------- without OCR


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)


@pytest.mark.usefixtures("no_ocr")
def test_without_ocr_a_scan_is_refused_with_the_install_command(report_scan: bytes) -> None:
    with pytest.raises(SourceError) as error:
        read_pdf(report_scan, "scan.pdf")
    assert str(error.value) == (
        "PDF has no text layer: scan.pdf (a scan: install OCR with "
        "pip install 'briefing[ocr]', or run OCR on it first)"
    )


@pytest.mark.usefixtures("no_ocr")
def test_without_ocr_the_text_pages_are_read_and_the_scanned_ones_named(
    report_pdf: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="briefing"):
        text = read_pdf(scanned(report_pdf, pages={2, 3}), "mixed.pdf")
    assert text.ocr_pages == []
    assert text.text.startswith("Tidal Barrier Levy Review")
    assert "mixed.pdf: page(s) 2, 3 have no text layer and were not read" in caplog.text


@pytest.mark.usefixtures("no_ocr")
def test_without_ocr_a_picture_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(SourceError, match=r"cannot read picture: .*page.png \(install OCR with"):
        load_sources([str(path)])


@needs_ocr
@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\nnot really", b"plain words"])
def test_a_damaged_picture_is_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "page.jpg"
    path.write_bytes(content)
    with pytest.raises(SourceError) as error:
        load_sources([str(path)])
    assert str(error.value) == f"cannot read picture: {path} (damaged or not a picture)"


@needs_ocr
def test_a_picture_with_no_text_is_one_line(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("L", (400, 300), color=255).save(path)
    with pytest.raises(SourceError, match=r"^OCR found no text in picture: .*blank.png$"):
        load_sources([str(path)])


# --------------------------------------------------------------------------- the brief


def test_the_brief_and_review_page_say_which_pages_ocr_read() -> None:
    """No model: the statement's second page was read by OCR. Sources says so, and so does
    each note of a quote on that page, and only those."""
    sheet = review_sheet()
    statement = sheet.sources[0]
    page_2 = statement.text.index("The Ministry")
    scan = statement.model_copy(update={"page_starts": [page_2], "ocr_pages": [2]})
    sheet = sheet.model_copy(update={"sources": [scan, *sheet.sources[1:]]})
    brief = render_brief(sheet)
    assert (
        "(https://example.org/statement); read by OCR (page 2): "
        "check its quotes against the page\n" in brief
    )
    notes = [line for line in brief.splitlines() if "match" in line]
    assert any(OKAFOR in line and line.endswith("match, page 1)") for line in notes)
    assert any(BERG in line and line.endswith("match, page 2, read by OCR)") for line in notes)
    assert sum("read by OCR)" in line for line in notes) == sum("page 2" in line for line in notes)
    page = render_review_page(sheet)
    assert "read by OCR (page 2)" in page
    assert "page 2, read by OCR</td>" in page
