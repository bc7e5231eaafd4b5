"""OpenDocument presentations (.odp): slides in order, each a page, notes after the slide."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.source_files import read_error, read_one, zipped

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
)
STATEMENT = "The harbour council opposes the tidal barrier levy in its current form."
NOTE = "Say that the vote is on 12 March."
COSTS = "Ferry fares would double on the island routes."


def frame(cls: str, *paragraphs: str) -> str:
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return (
        f'<draw:frame presentation:class="{cls}"><draw:text-box>{body}</draw:text-box></draw:frame>'
    )


def deck(pages: str, styles: str = "", meta_title: str | None = None) -> bytes:
    content = (
        f'<?xml version="1.0"?><office:document-content {NS}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:presentation>{pages}</office:presentation></office:body>"
        "</office:document-content>"
    )
    parts = {"mimetype": "application/vnd.oasis.opendocument.presentation", "content.xml": content}
    if meta_title is not None:
        parts["meta.xml"] = (
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
            f"<dc:title>{meta_title}</dc:title></office:meta></office:document-meta>"
        )
    return zipped(parts)


HIDDEN = (
    '<style:style style:name="dp2" style:family="drawing-page">'
    '<style:drawing-page-properties presentation:visibility="hidden"/></style:style>'
)
PAGES = (
    '<draw:page draw:name="one">'
    + frame("title", "Harbour levy")
    + frame("outline", STATEMENT)
    + frame("page-number", "1")
    + f"<presentation:notes>{frame('notes', NOTE)}</presentation:notes></draw:page>"
    + '<draw:page draw:name="hidden" draw:style-name="dp2">'
    + frame("outline", "A slide kept back from the talk.")
    + "</draw:page>"
    + '<draw:page draw:name="two">'
    + frame("title", "What it costs")
    + f"<draw:custom-shape><text:p>{COSTS}</text:p></draw:custom-shape>"
    + "<draw:frame><table:table><table:table-row><table:table-cell><text:p>Route</text:p>"
    + "</table:table-cell><table:table-cell><text:p>Fare</text:p></table:table-cell>"
    + "</table:table-row></table:table></draw:frame>"
    + frame("footer", "Harbour council, March 2032")
    + "</draw:page>"
)


def test_slides_in_order_each_a_page_notes_after_the_slide(tmp_path: Path) -> None:
    source = read_one(tmp_path / "talk.odp", deck(PAGES, HIDDEN))
    assert source.text.split("\n\n") == [
        "Harbour levy",
        STATEMENT,
        NOTE,
        "What it costs",
        COSTS,
        "Route | Fare",
    ]
    assert source.title == "Harbour levy"
    # The hidden second slide is not read but is counted: Impress shows this one as slide 3.
    assert source.page_at(source.text.index(COSTS)) == 3


def test_the_title_comes_from_the_properties_first(tmp_path: Path) -> None:
    source = read_one(tmp_path / "talk.odp", deck(PAGES, HIDDEN, meta_title="Levy briefing"))
    assert source.title == "Levy briefing"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            zipped(
                {
                    "content.xml": f"<office:document-content {NS}><office:body><office:text/>"
                    "</office:body></office:document-content>"
                }
            ),
            "cannot read OpenDocument presentation: FILE (not slides",
        ),
        (deck('<draw:page draw:name="empty"/>'), "OpenDocument presentation has no text: FILE"),
        (
            zipped({"META-INF/manifest.xml": "<manifest:encryption-data/>", "content.xml": "x"}),
            "cannot read OpenDocument presentation: FILE (password-protected)",
        ),
    ],
)
def test_unreadable_decks_are_one_line_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    assert read_error(tmp_path / "bad.odp", data).startswith(reason)


@pytest.mark.parametrize(
    "name", ["libreoffice-slides.odp", "libreoffice-slides.pptx", "libreoffice-slides.ppt"]
)
def test_a_deck_libreoffice_wrote_in_either_format(tmp_path: Path, name: str) -> None:
    """The same two slides and speaker note written by LibreOffice Impress as .odp and as
    .pptx (whose notes it writes in a text box, not the notes placeholder): the same text."""
    data = (Path(__file__).parent / "files" / name).read_bytes()
    source = read_one(tmp_path / name, data)
    assert source.text.split("\n\n") == [
        "Budget 2027: the plan",
        "Spending rises by 3 percent.",
        "Defence gets 2 billion more.",
        "Speaker note: stress the defence figure.",
        "Risks",
        "Inflation could erode the gains.",
    ]
    assert source.page_at(source.text.index("Risks")) == 2
