"""EPUB books and reports: chapters in the spine's order, metadata, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.source_files import read_error, read_one, zipped

STATEMENT = "The harbour council opposes the tidal barrier levy in its current form."
REPLY = "The ferry operators said the levy would double the fare on the island routes."
NOTE = "Figures are from the council's own consultation of March 2032."
LATER = "The vote was later moved to April."

CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def chapter(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>'
        f"{title}</title></head><body><section><h1>{title}</h1>{body}</section></body></html>"
    )


def book(spine: str, extra: dict[str, str] | None = None) -> bytes:
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>The Harbour Levy: a Review</dc:title>"
        "<dc:publisher>Harbour Institute</dc:publisher><dc:date>2032-03-04T09:00:00Z</dc:date>"
        "</metadata><manifest>"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="c1" href="text/chapter%201.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="c2" href="text/chapter2.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="notes" href="notes.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="img" href="map.png" media-type="image/png"/>'
        f"</manifest>{spine}</package>"
    )
    parts = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": opf,
        "OEBPS/nav.xhtml": chapter("Contents", "1. Costs", "2. Replies"),
        "OEBPS/cover.xhtml": chapter("Cover", "A review by the Harbour Institute"),
        "OEBPS/text/chapter 1.xhtml": chapter("Costs", STATEMENT),
        "OEBPS/text/chapter2.xhtml": chapter("Replies", REPLY),
        "OEBPS/notes.xhtml": chapter("Notes", NOTE),
        "OEBPS/map.png": "not read",
        **(extra or {}),
    }
    return zipped(parts)


SPINE = (
    '<spine><itemref idref="cover" linear="no"/><itemref idref="nav"/>'
    '<itemref idref="c2"/><itemref idref="c1"/><itemref idref="notes"/></spine>'
)


def test_chapters_are_read_in_the_spine_order_with_the_metadata(tmp_path: Path) -> None:
    """The spine, not the manifest, gives the order; the cover outside the reading order
    and the table of contents are not read."""
    source = read_one(tmp_path / "review.epub", book(SPINE))
    assert source.text.split("\n\n") == ["Replies", REPLY, "Costs", STATEMENT, "Notes", NOTE]
    assert (source.title, source.outlet, source.published) == (
        "The Harbour Levy: a Review",
        "Harbour Institute",
        "2032-03-04",
    )


def test_fonts_obfuscated_do_not_matter_but_drm_is_refused(tmp_path: Path) -> None:
    def encryption(algorithm: str, uri: str) -> str:
        return (
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            f'<enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData>'
            f'<enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>'
            "</encryption>"
        )

    fonts = encryption("http://www.idpf.org/2008/embedding", "OEBPS/font.otf")
    source = read_one(tmp_path / "a.epub", book(SPINE, {"META-INF/encryption.xml": fonts}))
    assert STATEMENT in source.text
    drm = encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/text/chapter2.xhtml")
    message = read_error(tmp_path / "b.epub", book(SPINE, {"META-INF/encryption.xml": drm}))
    assert message == "cannot read EPUB book: FILE (protected by DRM)"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a zip", "cannot read EPUB book: FILE (damaged, password-protected, or not a"),
        (zipped({"word/document.xml": "<w/>"}), "cannot read EPUB book: FILE (no META-INF"),
        (zipped({"META-INF/container.xml": CONTAINER}), "cannot read EPUB book: FILE (its pack"),
        (book('<spine><itemref idref="img"/></spine>'), "EPUB book has no text: FILE"),
    ],
)
def test_unreadable_books_are_one_line_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    assert read_error(tmp_path / "bad.epub", data).startswith(reason)


def test_notes_follow_their_chapter_and_their_marks_are_left_out(tmp_path: Path) -> None:
    """EPUB 3 marks a note's reference and the note (an aside, which a web page's parser
    skips as a sidebar); EPUB 2 has a superscript link to the note's place."""
    page = (
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f'<body><p>{STATEMENT}<a epub:type="noteref" href="#n1">1</a> It meets on Monday'
        '<sup><a href="notes.xhtml#n2">2</a></sup>.</p>'
        '<aside epub:type="footnote" id="n1"><p><a href="#r1">1</a> '
        f"{NOTE}</p></aside><aside class='sidebar'><p>Read more</p></aside><p>{LATER}</p>"
        "</body></html>"
    )
    data = book(SPINE, {"OEBPS/text/chapter 1.xhtml": page})
    source = read_one(tmp_path / "notes.epub", data)
    costs = source.text.split("\n\n")[2:]
    assert costs == [f"{STATEMENT} It meets on Monday.", LATER, NOTE, "Notes"]


def test_a_book_libreoffice_wrote(tmp_path: Path) -> None:
    """LibreOffice's EPUB export of a document written for these tests (its tracked change
    is written out as plain text by the export itself): the footnote after the text, its
    mark left out, and its "Unknown Title" no title."""
    data = (Path(__file__).parent / "files" / "libreoffice-footnote.epub").read_bytes()
    source = read_one(tmp_path / "levy.epub", data)
    assert source.title == "Levy consultation"
    assert source.text.endswith("after the frame.\n\nFerries\n\nThe vote date was set on 2 May.")
    assert "March. Two" in source.text
