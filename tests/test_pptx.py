"""PowerPoint decks (.pptx) read as sources: slides in the presentation's order, each a page,
its speaker notes after its text, the master's placeholders (slide number, date, footer) and
hidden slides left out; one-line errors for files that are not what they claim."""

from __future__ import annotations

from pathlib import Path

from briefing.grounding import align_quote
from tests.source_files import core_properties, read_error, read_one, zipped

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"
SLIDE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"

PLAN = "The levy on berths will rise by 4 percent in April 2031."
REASON = "Dredging the harbour mouth costs twice what the council budgeted."
NOTE = "Say that the ferry operators were consulted in March."
RISK = "A storm surge could close the northern gate for a season."


def shape(*paragraphs: str, placeholder: str | None = None) -> str:
    ph = f'<p:ph type="{placeholder}"/>' if placeholder else ""
    runs = "".join(f"<a:p><a:r><a:t>{text}</a:t></a:r></a:p>" for text in paragraphs)
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr>{ph}</p:nvPr>'
        f"</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>{runs}</p:txBody></p:sp>"
    )


def table(*rows: tuple[str, ...]) -> str:
    cells = "".join(
        "<a:tr>"
        + "".join(
            f"<a:tc><a:txBody><a:p><a:r><a:t>{c}</a:t></a:r></a:p></a:txBody></a:tc>" for c in row
        )
        + "</a:tr>"
        for row in rows
    )
    return (
        f"<p:graphicFrame><a:graphic><a:graphicData><a:tbl>{cells}</a:tbl></a:graphicData>"
        "</a:graphic></p:graphicFrame>"
    )


def slide(*shapes: str, hidden: bool = False) -> str:
    show = ' show="0"' if hidden else ""
    return (
        f'<p:sld xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"{show}><p:cSld><p:spTree>'
        f"{''.join(shapes)}</p:spTree></p:cSld></p:sld>"
    )


def rels(*targets: tuple[str, str, str]) -> bytes:
    body = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in targets
    )
    return f'<Relationships xmlns="{PKG}">{body}</Relationships>'.encode()


def deck(
    slides: list[str],
    *,
    order: list[int] | None = None,
    notes: dict[int, str] | None = None,
    title: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A minimal .pptx: the presentation listing ``slides`` (in ``order``, by their number
    from 1), each slide a part, speaker notes for some, and the document's title."""
    order = order or list(range(1, len(slides) + 1))
    listed = "".join(f'<p:sldId id="{255 + n}" r:id="rId{n}"/>' for n in order)
    parts: dict[str, bytes] = {
        "ppt/presentation.xml": (
            f'<p:presentation xmlns:p="{P}" xmlns:r="{R}"><p:sldIdLst>{listed}</p:sldIdLst>'
            "</p:presentation>"
        ).encode(),
        "ppt/_rels/presentation.xml.rels": rels(
            *((f"rId{n}", SLIDE, f"slides/slide{n}.xml") for n in range(1, len(slides) + 1))
        ),
    }
    for number, content in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{number}.xml"] = content.encode()
        if notes and number in notes:
            parts[f"ppt/slides/_rels/slide{number}.xml.rels"] = rels(
                ("rId1", NOTES, f"../notesSlides/notesSlide{number}.xml")
            )
            parts[f"ppt/notesSlides/notesSlide{number}.xml"] = (
                slide(shape("1", placeholder="sldImg"), shape(notes[number], placeholder="body"))
                .replace("p:sld ", "p:notes ")
                .replace("</p:sld>", "</p:notes>")
                .encode()
            )
    if title is not None:
        parts["docProps/core.xml"] = core_properties(title)
    parts.update(extra or {})
    return zipped(parts)


def test_slides_in_the_presentations_order_each_a_page(tmp_path: Path) -> None:
    """The presentation lists slide 2 before slide 1; the hidden slide 3 is left out; each
    slide's notes follow its text; slide numbers, dates and footers are the master's."""
    slides = [
        slide(shape("Risks", placeholder="title"), shape(RISK), shape("7", placeholder="sldNum")),
        slide(
            shape("Harbour levy 2031", placeholder="ctrTitle"),
            f"<p:grpSp>{shape(PLAN, REASON)}</p:grpSp>",
            shape("Council briefing", placeholder="ftr"),
            shape("4 May 2031", placeholder="dt"),
        ),
        slide(shape("Draft numbers, do not share"), hidden=True),
    ]
    source = read_one(tmp_path / "deck.pptx", deck(slides, order=[2, 1, 3], notes={2: NOTE}))
    assert source.text.split("\n\n") == ["Harbour levy 2031", PLAN, REASON, NOTE, "Risks", RISK]
    assert source.title == "Harbour levy 2031"
    assert source.page_at(source.text.index(NOTE)) == 1
    assert source.page_at(source.text.index(RISK)) == 2
    found = align_quote(PLAN, source.text)
    assert found is not None and found.match == "exact"


def test_a_table_gives_one_paragraph_a_row_and_the_title_comes_from_the_properties(
    tmp_path: Path,
) -> None:
    slides = [
        slide(shape("Who pays", placeholder="title"), table(("Group", "Share"), ("Ferries", "40%")))
    ]
    source = read_one(tmp_path / "deck.pptx", deck(slides, title="Harbour levy briefing"))
    assert source.text.split("\n\n") == ["Who pays", "Group | Share", "Ferries | 40%"]
    assert source.title == "Harbour levy briefing"
    tool_titled = read_one(tmp_path / "b.pptx", deck(slides, title="PowerPoint Presentation"))
    assert tool_titled.title == "Who pays"


def test_a_deck_that_cannot_be_read_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    assert read_error(path, b"PK\x03\x04 broken") == (
        "cannot read PowerPoint deck: FILE (damaged, password-protected, or not a .pptx)"
    )
    assert read_error(path, zipped({"word/document.xml": "<x/>"})) == (
        "cannot read PowerPoint deck: FILE (no ppt/presentation.xml in it)"
    )
    assert read_error(path, deck([slide(shape("3", placeholder="sldNum"))])) == (
        "PowerPoint deck has no text: FILE"
    )


def test_macro_enabled_and_slide_show_decks_are_decks(tmp_path: Path) -> None:
    """.pptm (macros kept, never run: only the slides' XML is read) and .ppsx (opened to
    play) are the same package; so is Word's macro-enabled .docm."""
    from tests.test_docx import docx_bytes, para, run

    data = deck([slide(shape(PLAN))])
    for name in ("deck.pptm", "deck.ppsx"):
        assert read_one(tmp_path / name, data).text == PLAN
    assert read_one(tmp_path / "memo.docm", docx_bytes(para(run(RISK)))).text == RISK


DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
DIAGRAM_DATA = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData"


def diagram_data(*points: tuple[str | None, str]) -> bytes:
    """A SmartArt diagram's data part: its points, each (type, text); type None is a node."""
    listed = "".join(
        f'<dgm:pt modelId="{n}"{f" type={chr(34)}{kind}{chr(34)}" if kind else ""}>'
        f"<dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></dgm:t></dgm:pt>"
        for n, (kind, text) in enumerate(points)
    )
    return (
        f'<dgm:dataModel xmlns:dgm="{DGM}" xmlns:a="{A}"><dgm:ptLst>{listed}</dgm:ptLst>'
        "</dgm:dataModel>"
    ).encode()


def test_a_smartart_diagrams_boxes_are_read_in_its_place(tmp_path: Path) -> None:
    """A SmartArt diagram keeps its text in a data part of its own: each box is a paragraph,
    where the diagram sits on the slide; the diagram's own points (the document, the
    transitions) hold none worth reading."""
    frame = (
        "<p:graphicFrame><a:graphic><a:graphicData>"
        f'<dgm:relIds xmlns:dgm="{DGM}" r:dm="rId7" r:lo="rId8" r:qs="rId9" r:cs="rId10"/>'
        "</a:graphicData></a:graphic></p:graphicFrame>"
    )
    data = deck(
        [slide(shape("Three risks", placeholder="title"), frame, shape(NOTE))],
        extra={
            "ppt/slides/_rels/slide1.xml.rels": rels(
                ("rId7", DIAGRAM_DATA, "../diagrams/data1.xml")
            ),
            "ppt/diagrams/data1.xml": diagram_data(
                ("doc", "Diagram"), (None, PLAN), ("parTrans", "x"), (None, RISK), ("asst", REASON)
            ),
        },
    )
    assert read_one(tmp_path / "risks.pptx", data).text.split("\n\n") == [
        "Three risks",
        PLAN,
        RISK,
        REASON,
        NOTE,
    ]
