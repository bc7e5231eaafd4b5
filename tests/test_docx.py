"""Word documents (.docx) read as sources: paragraphs, headings, tables, tracked changes,
notes and title, and one-line errors for files that are not what they claim."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from briefing.grounding import align_quote
from briefing.models import Source
from briefing.sources import load_sources
from tests.cfb_writer import compound_file
from tests.source_files import core_properties, read_error, read_one, zipped

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

STATEMENT = "The harbour council will put the tidal barrier levy to a vote on 12 March 2032."
OBJECTION = "The ferry operators say the levy would double the fare for a family crossing."


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def docx_bytes(
    body: str,
    *,
    title: str | None = None,
    footnotes: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A minimal .docx: the content types, the main part, and optionally notes and title."""
    parts = {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
            f'xmlns:mc="{MC}"><w:body>{body}<w:sectPr/></w:body></w:document>'
        ).encode(),
    }
    if footnotes is not None:
        parts["word/footnotes.xml"] = (
            f'<w:footnotes xmlns:w="{W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f"</w:footnote>{footnotes}</w:footnotes>"
        ).encode()
    if title is not None:
        parts["docProps/core.xml"] = core_properties(title)
    parts.update(extra or {})
    return zipped(parts)


def load(tmp_path: Path, data: bytes, name: str = "statement.docx") -> Source:
    return read_one(tmp_path / name, data)


def error(tmp_path: Path, data: bytes, name: str = "statement.docx") -> str:
    return read_error(tmp_path / name, data)


def test_paragraphs_heading_and_runs_read_in_order(tmp_path: Path) -> None:
    """Runs of one paragraph join as written; paragraphs are separated by a blank line; the
    first heading is the title when the document's properties give none."""
    body = (
        para(run("Tidal barrier levy"), style="Heading1")
        + para(
            run("The harbour council "),
            run("will put the tidal barrier levy "),
            run("to a vote on 12 March 2032."),
        )
        + para()  # an empty paragraph is no paragraph
        + para(run(OBJECTION))
    )
    source = load(tmp_path, docx_bytes(body))
    assert source.text == f"Tidal barrier levy\n\n{STATEMENT}\n\n{OBJECTION}"
    assert source.title == "Tidal barrier levy"
    assert source.page_starts is None


def test_tabs_breaks_and_hyphens_inside_a_paragraph(tmp_path: Path) -> None:
    """A tab and a line break are spaces (a sentence broken over two lines stays one);
    Word's non-breaking hyphen is a hyphen."""
    body = para(
        run("Levy"),
        "<w:r><w:tab/></w:r>",
        run("Notes"),
        "<w:r><w:br/></w:r>",
        run("A non"),
        "<w:r><w:noBreakHyphen/></w:r>",
        run("binding vote."),
    )
    assert load(tmp_path, docx_bytes(body)).text == "Levy Notes A non-binding vote."


def test_symbol_glyphs_are_not_text(tmp_path: Path) -> None:
    """A Symbol-font bullet typed as a private-use character is a picture, not a letter."""
    body = para(run("\uf0b7 The levy rises by 4 percent."))
    assert load(tmp_path, docx_bytes(body)).text == "The levy rises by 4 percent."


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    """Inserted text is in, deleted text and field codes are out: the document as it reads
    once its changes are accepted."""
    body = para(
        run("The council will "),
        '<w:del w:id="1" w:author="Ed"><w:r><w:delText>not </w:delText></w:r></w:del>',
        f'<w:ins w:id="2" w:author="Ed">{run("certainly ")}</w:ins>',
        run("vote"),
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        run(" in March."),
    )
    assert load(tmp_path, docx_bytes(body)).text == "The council will certainly vote in March."


def test_a_table_gives_one_paragraph_a_row(tmp_path: Path) -> None:
    def cell(text: str) -> str:
        return f"<w:tc>{para(run(text))}</w:tc>"

    table = (
        "<w:tbl>"
        f"<w:tr>{cell('Group')}{cell('Position')}</w:tr>"
        f"<w:tr>{cell('Ferry operators')}{cell('Oppose the levy')}</w:tr>"
        "</w:tbl>"
    )
    source = load(tmp_path, docx_bytes(para(run(STATEMENT)) + table))
    assert source.text == f"{STATEMENT}\n\nGroup | Position\n\nFerry operators | Oppose the levy"


def test_text_box_content_is_read_once(tmp_path: Path) -> None:
    """A text box comes twice, for new and old readers; its words are read once."""
    box = (
        '<mc:AlternateContent><mc:Choice Requires="wps">'
        f"<w:txbxContent>{para(run('Vote: 12 March'))}"
        f"</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>{para(run('Vote: 12 March'))}"
        "</w:txbxContent></mc:Fallback></mc:AlternateContent>"
    )
    source = load(tmp_path, docx_bytes(para(run(STATEMENT)) + para(f"<w:r>{box}</w:r>")))
    assert source.text.count("Vote: 12 March") == 1


def test_footnotes_follow_the_body_and_separators_are_left_out(tmp_path: Path) -> None:
    note = "Figures from the harbour master's annual report, 2031."
    footnotes = f'<w:footnote w:id="1">{para(run(note))}</w:footnote>'
    source = load(tmp_path, docx_bytes(para(run(STATEMENT)), footnotes=footnotes))
    assert source.text == f"{STATEMENT}\n\n{note}"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Levy statement of the harbour council", "Levy statement of the harbour council"),
        ("Document1", "Tidal barrier levy"),
        ("draft-v2.docx", "Tidal barrier levy"),
    ],
)
def test_title_from_the_properties_unless_a_tool_wrote_it(
    tmp_path: Path, title: str, expected: str
) -> None:
    body = para(run("Tidal barrier levy"), style="Title") + para(run(STATEMENT))
    assert load(tmp_path, docx_bytes(body, title=title)).title == expected


def test_every_sentence_is_quoted_exactly(tmp_path: Path) -> None:
    source = load(tmp_path, docx_bytes(para(run(STATEMENT)) + para(run(OBJECTION))))
    for sentence in (STATEMENT, OBJECTION):
        found = align_quote(sentence, source.text)
        assert found is not None and found.match == "exact"
        assert source.text[found.start : found.end] == sentence


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"PK\x03\x04 not really a zip",
            "cannot read Word document: FILE (damaged, password-protected, or not a .docx)",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "cannot read Word document: FILE (damaged, password-protected, or not a .docx)",
        ),
        (
            compound_file({"EncryptionInfo": bytes(200), "EncryptedPackage": bytes(5000)}),
            "cannot read Word document: FILE (password-protected: open it, remove the password "
            "and save it again)",
        ),
    ],
    ids=["broken-zip", "damaged-compound-file", "password-protected"],
)
def test_damaged_or_locked_file_is_one_line_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    assert error(tmp_path, data) == message


def test_zip_without_a_document_part_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, zipped({"notes.txt": "hello"})) == (
        "cannot read Word document: FILE (no word/document.xml in it)"
    )


def test_a_part_declaring_a_dtd_is_refused(tmp_path: Path) -> None:
    """Entity expansion ('billion laughs') starts with a DTD; Word never writes one."""
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
        b'<w:document xmlns:w="' + W.encode() + b'"><w:body><w:p><w:r><w:t>&a;</w:t></w:r>'
        b"</w:p></w:body></w:document>"
    )
    data = docx_bytes("", extra={"word/document.xml": bomb})
    assert error(tmp_path, data) == (
        "cannot read Word document: FILE (word/document.xml declares a DTD)"
    )


def test_a_document_with_no_text_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, docx_bytes(para())) == "Word document has no text: FILE"


def test_a_folder_skips_a_broken_docx_and_reads_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a-broken.docx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "b-statement.docx").write_bytes(docx_bytes(para(run(STATEMENT))))
    sources = load_sources([str(tmp_path)])
    assert [s.text for s in sources] == [STATEMENT]
    assert "a-broken.docx" in caplog.text


def test_a_part_whose_compressed_data_is_broken_is_one_line_error(tmp_path: Path) -> None:
    """Bytes flipped inside the deflate stream: zlib, not zipfile, raises; still one line."""
    data = bytearray(docx_bytes(para(run(STATEMENT * 40))))
    start = data.index(b"word/document.xml") + len("word/document.xml") + 40
    data[start : start + 8] = b"\xff" * 8
    assert error(tmp_path, bytes(data)) == (
        "cannot read Word document: FILE (damaged part word/document.xml)"
    )


def test_a_part_naming_an_unknown_encoding_is_one_line_error(tmp_path: Path) -> None:
    """An XML declaration naming an encoding no codec knows ("UT5-8") made the parser raise
    LookupError, a traceback; found by mutating spreadsheets, whose parts share the reader."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes(para(run(STATEMENT))))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"]
    if not document.startswith(b"<?xml"):
        document = b'<?xml version="1.0" encoding="UTF-8"?>' + document
    parts["word/document.xml"] = document.replace(b'encoding="UTF-8"', b'encoding="UT5-8"', 1)
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert error(tmp_path, broken.getvalue()) == (
        "cannot read Word document: FILE (damaged part word/document.xml)"
    )


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def carrying(body: str, chunks: dict[str, bytes]) -> bytes:
    """A .docx whose body carries ``chunks`` (part name under word/ -> its bytes) as
    altChunks, one each where ``body`` writes ``{name}``."""
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{CHUNK}" Target="{name}"/>'
        for n, name in enumerate(chunks, 1)
    )
    for n, name in enumerate(chunks, 1):
        body = body.replace(f"{{{name}}}", f'<w:altChunk xmlns:r="{R}" r:id="rId{n}"/>')
    extra = {f"word/{name}": data for name, data in chunks.items()}
    extra["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>"
    ).encode()
    return docx_bytes(body, extra=extra)


def test_a_document_the_file_carries_is_read_in_its_place(tmp_path: Path) -> None:
    """Word shows a carried document (altChunk) where the body puts it, as a web
    application's "export to Word" writes its whole text: a web page (in Windows-1252 here;
    its table's row as a row), a web archive (.mht, quoted-printable), RTF, plain text and
    another .docx."""
    page = (
        "<html><head><meta charset='windows-1252'></head><body>"
        f"<p>{STATEMENT}</p><p>Café owners agree.</p>"
        "<table><tr><td>Levy</td><td>12 euros</td></tr></table></body></html>"
    ).encode("cp1252")
    archive = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
        b"\r\n\r\n<p>The ferry operators=20object.</p>\r\n--b--\r\n"
    )
    rtf = rb"{\rtf1\ansi The council will hear the operators in May.\par}"
    inner = docx_bytes(para(run(OBJECTION)))
    body = (
        para(run("Before the carried pages."))
        + "{page.htm}{archive.mht}{note.rtf}{plain.txt}{inner.docx}"
        + para(run("After them."))
    )
    chunks = {
        "page.htm": page,
        "archive.mht": archive,
        "note.rtf": rtf,
        "plain.txt": b"A plain note.\n\nIts second paragraph.",
        "inner.docx": inner,
    }
    assert load(tmp_path, carrying(body, chunks)).text.split("\n\n") == [
        "Before the carried pages.",
        STATEMENT,
        "Café owners agree.",
        "Levy | 12 euros",
        "The ferry operators object.",
        "The council will hear the operators in May.",
        "A plain note.",
        "Its second paragraph.",
        OBJECTION,
        "After them.",
    ]


def test_a_file_that_is_only_a_carried_page_is_read(tmp_path: Path) -> None:
    """html-docx-js, behind many an "export to Word" button, writes the body as one altChunk."""
    data = carrying(
        "{afchunk.mht}",
        {"afchunk.mht": b"<html><body><p>" + STATEMENT.encode() + b"</p></body></html>"},
    )
    assert load(tmp_path, data).text == STATEMENT


def test_a_smartart_diagrams_boxes_are_read_in_its_place(tmp_path: Path) -> None:
    """A SmartArt diagram's text is in a data part of its own: each box a paragraph, where
    the diagram sits, the diagram's own points (the document, transitions) left out."""
    dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    points = "".join(
        f'<dgm:pt modelId="{n}"{kind}><dgm:t><a:p><a:r><a:t>{text}</a:t></a:r></a:p></dgm:t>'
        "</dgm:pt>"
        for n, (kind, text) in enumerate(
            [
                (' type="doc"', "Diagram"),
                ("", STATEMENT),
                (' type="sibTrans"', "x"),
                ("", OBJECTION),
            ]
        )
    )
    data = (
        f'<dgm:dataModel xmlns:dgm="{dgm}" xmlns:a="{a}"><dgm:ptLst>{points}</dgm:ptLst>'
        "</dgm:dataModel>"
    ).encode()
    drawing = (
        f'<w:p><w:r><w:drawing><a:graphic xmlns:a="{a}"><a:graphicData>'
        f'<dgm:relIds xmlns:dgm="{dgm}" xmlns:r="{R}" r:dm="rId1"/>'
        "</a:graphicData></a:graphic></w:drawing></w:r></w:p>"
    )
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="diagramData" Target="diagrams/data1.xml"/></Relationships>'
    )
    body = para(run("Two positions:")) + drawing + para(run("End."))
    extra = {"word/diagrams/data1.xml": data, "word/_rels/document.xml.rels": rels}
    assert load(tmp_path, docx_bytes(body, extra=extra)).text.split("\n\n") == [
        "Two positions:",
        STATEMENT,
        OBJECTION,
        "End.",
    ]


def test_a_forms_empty_fields_are_not_read_as_their_prompts(tmp_path: Path) -> None:
    """A Word form's content control left empty shows Word's prompt ("Click or tap here to
    enter text."), which is no one's words; a filled one is read, in a paragraph or inline."""
    prompt = "Click or tap here to enter text."

    def control(text: str, empty: bool, block: bool) -> str:
        marker = "<w:showingPlcHdr/>" if empty else ""
        content = para(run(text)) if block else run(text)
        return f"<w:sdt><w:sdtPr>{marker}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"

    body = (
        para(run("Name of organisation: "), control("Harbour Traders", False, False))
        + para(run("Date: "), control(prompt, True, False))
        + para(run("Your response:"))
        + control(OBJECTION, False, True)
        + control(prompt, True, True)
    )
    assert load(tmp_path, docx_bytes(body)).text.split("\n\n") == [
        "Name of organisation: Harbour Traders",
        "Date:",
        "Your response:",
        OBJECTION,
    ]
