"""OpenDocument texts (.odt) read as sources: paragraphs, headings, lists, tables, tracked
changes, notes and title, ODF's whitespace rules, and one-line errors for files that are not
what they claim."""

from __future__ import annotations

from pathlib import Path

from briefing.grounding import align_quote
from briefing.models import Source
from briefing.sources import load_sources
from tests.source_files import read_error, read_one, zipped

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
PROPOSAL = "The canal authority proposes a mooring fee of 40 euros a night from 1 June 2031."
OBJECTION = "Houseboat owners say the fee would force long-term residents off the water."


def odt_bytes(
    body: str,
    *,
    title: str | None = None,
    kind: str = "text",
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A minimal .odt: the mimetype, the content part, and optionally the metadata."""
    parts = {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
            f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
            "</office:document-content>"
        ).encode(),
    }
    if title is not None:
        parts["meta.xml"] = (
            f"<office:document-meta {NAMESPACES}><office:meta><dc:title>{title}</dc:title>"
            "</office:meta></office:document-meta>"
        ).encode()
    parts.update(extra or {})
    return zipped(parts)


def p(content: str) -> str:
    return f"<text:p>{content}</text:p>"


def load(tmp_path: Path, data: bytes) -> Source:
    return read_one(tmp_path / "consultation.odt", data)


def error(tmp_path: Path, data: bytes) -> str:
    return read_error(tmp_path / "consultation.odt", data)


def test_headings_and_paragraphs_read_in_order_and_titled(tmp_path: Path) -> None:
    body = (
        '<text:h text:outline-level="1">Mooring fees on the canal</text:h>'
        f"{p(PROPOSAL)}<text:p/>{p(OBJECTION)}"
    )
    source = load(tmp_path, odt_bytes(body))
    assert source.text == f"Mooring fees on the canal\n\n{PROPOSAL}\n\n{OBJECTION}"
    assert source.title == "Mooring fees on the canal"
    assert load(tmp_path, odt_bytes(body, title="Canal consultation")).title == (
        "Canal consultation"
    )
    assert load(tmp_path, odt_bytes(body, title="Untitled 1")).title == (
        "Mooring fees on the canal"
    )


def test_whitespace_follows_odf_rules(tmp_path: Path) -> None:
    """Runs of whitespace in the XML (a pretty-printed file's line breaks) are one space;
    ``text:s`` counts its spaces; tabs and line breaks read as spaces."""
    body = p(
        "The canal\n      authority proposes<text:s/>a mooring<text:s text:c='3'/>fee"
        "<text:tab/>of 40 euros<text:line-break/>a night."
    )
    assert load(tmp_path, odt_bytes(body)).text == (
        "The canal authority proposes a mooring   fee of 40 euros a night."
    )


def test_symbol_glyphs_are_not_text(tmp_path: Path) -> None:
    """A Wingdings smiley is stored as a private-use character (as in a file from oletools'
    test data): a picture to the reader, not a letter."""
    body = p("Have fun reading it \uf04a") + p("\uf0b7 Fees rise by 40 euros.")
    assert load(tmp_path, odt_bytes(body)).text == "Have fun reading it\n\nFees rise by 40 euros."


def test_tracked_changes_read_as_accepted_and_comments_left_out(tmp_path: Path) -> None:
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p> never</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        + p(
            'The fee<text:change text:change-id="c1"/> would<text:change-start '
            'text:change-id="c2"/> not<text:change-end text:change-id="c2"/> apply to visitors.'
            "<office:annotation><dc:creator>Editor</dc:creator><text:p>Check this.</text:p>"
            "</office:annotation>"
        )
    )
    assert load(tmp_path, odt_bytes(body)).text == "The fee would not apply to visitors."


def test_lists_tables_and_text_boxes(tmp_path: Path) -> None:
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>"
    body = (
        "<text:list><text:list-item>"
        f"{p(PROPOSAL)}<text:list><text:list-item>{p(OBJECTION)}</text:list-item></text:list>"
        "</text:list-item></text:list>"
        "<table:table><table:table-column/><table:table-header-rows><table:table-row>"
        + cell.format("Group")
        + cell.format("Stance")
        + "</table:table-row></table:table-header-rows><table:table-row>"
        + cell.format("Houseboat owners")
        + "<table:table-cell><table:table><table:table-row>"
        + cell.format("Oppose")
        + "</table:table-row></table:table></table:table-cell>"
        + "</table:table-row></table:table>"
        + p(
            "See the map.<draw:frame><svg:title>Map of moorings</svg:title><draw:text-box>"
            "<text:p>Moorings run from the lock to the bridge.</text:p></draw:text-box>"
            "</draw:frame>"
        )
    )
    assert load(tmp_path, odt_bytes(body)).text.split("\n\n") == [
        PROPOSAL,
        OBJECTION,
        "Group | Stance",
        "Houseboat owners | Oppose",
        "See the map.\nMoorings run from the lock to the bridge.",
    ]


def test_notes_follow_the_body_and_generated_indexes_are_left_out(tmp_path: Path) -> None:
    def note(number: int, text: str) -> str:
        return (
            f'<text:note text:note-class="footnote"><text:note-citation>{number}'
            f"</text:note-citation><text:note-body>{p(text)}</text:note-body></text:note>"
        )

    body = (
        "<text:table-of-content><text:index-body>"
        f"{p('Mooring fees 1')}</text:index-body></text:table-of-content>"
        + p(f"The authority proposes a fee.{note(1, 'Board paper 12 of 2031.')}")
        + p(f"Owners object.{note(2, 'Letter of 3 May 2031.')}")
    )
    assert load(tmp_path, odt_bytes(body)).text.split("\n\n") == [
        "The authority proposes a fee.",
        "Owners object.",
        "Board paper 12 of 2031.",
        "Letter of 3 May 2031.",
    ]


def test_every_sentence_is_quoted_exactly(tmp_path: Path) -> None:
    source = load(tmp_path, odt_bytes(p(PROPOSAL) + p(OBJECTION)))
    for sentence in (PROPOSAL, OBJECTION):
        found = align_quote(sentence, source.text)
        assert found is not None and found.match == "exact"
        assert source.text[found.start : found.end] == sentence


def test_damaged_file_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, b"PK\x03\x04 not really a zip") == (
        "cannot read OpenDocument text: FILE (damaged, password-protected, or not a .odt)"
    )


def test_zip_without_content_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, zipped({"mimetype": "application/vnd.oasis.opendocument.text"})) == (
        "cannot read OpenDocument text: FILE (no content.xml in it)"
    )


def test_a_password_protected_file_says_so(tmp_path: Path) -> None:
    manifest = (
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
        b"</manifest:file-entry></manifest:manifest>"
    )
    data = odt_bytes(
        "", extra={"content.xml": b"\x8f\x02 ciphertext", "META-INF/manifest.xml": manifest}
    )
    assert error(tmp_path, data) == "cannot read OpenDocument text: FILE (password-protected)"


def test_a_spreadsheet_named_odt_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, odt_bytes("<table:table/>", kind="spreadsheet")) == (
        "cannot read OpenDocument text: FILE (not a text document: a spreadsheet or slides?)"
    )


def test_a_part_declaring_a_dtd_is_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        b"<office:document-content " + NAMESPACES.encode() + b"><office:body><office:text>"
        b"<text:p>&a;</text:p></office:text></office:body></office:document-content>"
    )
    assert error(tmp_path, odt_bytes("", extra={"content.xml": bomb})) == (
        "cannot read OpenDocument text: FILE (content.xml declares a DTD)"
    )


def test_a_document_with_no_text_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, odt_bytes(p("  "))) == "OpenDocument text has no text: FILE"


def test_a_folder_reads_its_odt_files(tmp_path: Path) -> None:
    (tmp_path / "a.odt").write_bytes(odt_bytes(p(PROPOSAL)))
    (tmp_path / "b.odt").write_bytes(b"PK\x03\x04 broken")
    assert [s.text for s in load_sources([str(tmp_path)])] == [PROPOSAL]
