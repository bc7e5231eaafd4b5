r"""Rich Text Format documents (.rtf) read as sources: the text a reader sees, not the
markup: paragraphs, characters in every form RTF writes them, tables, fields, tracked
deletions, notes and text boxes; font tables, pictures, headers and the like left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import SourceError
from briefing.grounding import align_quote
from briefing.models import Source
from briefing.sources import load_sources
from tests.source_files import read_error, read_one

HEAD = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}{\f1 Arial;}}"
    r"{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}{\s1 heading 1;}}"
    "\n"
)
PROPOSAL = "The lighthouse trust will close the coastal path near the cliffs from 2 July 2030."
OBJECTION = "Walkers' groups say the closure cuts the only route between the two villages."


def rtf(body: str, head: str = HEAD) -> bytes:
    return f"{head}{body}}}".encode("latin-1")


def load(tmp_path: Path, data: bytes, name: str = "statement.rtf") -> Source:
    return read_one(tmp_path / name, data)


def error(tmp_path: Path, data: bytes) -> str:
    return read_error(tmp_path / "statement.rtf", data)


def test_paragraphs_without_the_markup(tmp_path: Path) -> None:
    body = (
        r"{\info{\title Coastal path closure}{\author Press office}}"
        rf"\pard\plain\s1\b\fs32 Coastal path\par\pard\plain\f0\fs24 {PROPOSAL}\par"
        "\n"
        rf"{{\b Walkers'}} groups say the closure cuts the only route\line between the two "
        r"villages.\par "
    )
    source = load(tmp_path, rtf(body))
    assert source.text == f"Coastal path\n\n{PROPOSAL}\n\n{OBJECTION}"
    assert source.title == "Coastal path closure"
    assert "Times New Roman" not in source.text and "Press office" not in source.text


def test_characters_in_every_form_rtf_writes_them(tmp_path: Path) -> None:
    r"""Code-page bytes (\'hh), Unicode (\uN with its fallback skipped, \uc0 with none, a
    surrogate pair), named punctuation, escaped braces and backslashes, a non-breaking space,
    an optional hyphen (not shown) and a non-breaking one."""
    body = (
        r"Caf\'e9 \ldblquote terrasse\rdblquote\emdash na\u239?ve, "
        r"{\uc0\u8364 40}, \u-10179\'3f\u-8638\'3f, \{x\} a\\b, 10\~km, lighthouse\-keeper, "
        r"co\_op\par"
    )
    assert load(tmp_path, rtf(body)).text == (
        "Café “terrasse”—naïve, €40, 🙂, {x} a\\b, 10\u00a0km, lighthousekeeper, co-op"
    )


@pytest.mark.parametrize(
    "junk",
    [r"\u99999999999 ", r"\u-99999999?", r"\bin999999999 ", r"\uc99999 ", "\\", r"\'zz", "}}}"],
)
def test_malformed_control_words_are_no_crash(tmp_path: Path, junk: str) -> None:
    """Numbers out of range, a \\bin past the end, a lone backslash, a bad hex escape and
    unbalanced braces: the text before them is read, nothing raises."""
    source = load(tmp_path, rtf(rf"\pard {PROPOSAL}\par {junk}\par {OBJECTION}\par"))
    assert source.text.startswith(PROPOSAL)
    if "bin" not in junk and "}" not in junk:  # those end the document, as they say
        assert source.text.endswith(OBJECTION)


def test_the_code_page_the_document_names(tmp_path: Path) -> None:
    head = r"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}"
    assert load(tmp_path, rtf(r"\'cf\'f0\'e8\'e2\'e5\'f2\par", head=head)).text == "Привет"


def test_a_table_gives_one_paragraph_a_row(tmp_path: Path) -> None:
    body = (
        r"\trowd\cellx3000\cellx6000\pard\intbl Group\cell Stance\cell\row"
        r"\trowd\cellx3000\cellx6000\pard\intbl Walkers\cell Oppose\cell\row\pard After.\par"
    )
    assert load(tmp_path, rtf(body)).text == "Group | Stance\n\nWalkers | Oppose\n\nAfter."


def test_fields_show_their_result_and_a_table_of_contents_is_left_out(tmp_path: Path) -> None:
    body = (
        r"{\field{\*\fldinst { TOC \\o \"1-3\" }}{\fldrslt {Coastal path 1\par}}}"
        r"Read {\field{\*\fldinst HYPERLINK \"https://trust.example/path\"}"
        r"{\fldrslt {\ul the notice}}} first.\par"
    )
    assert load(tmp_path, rtf(body)).text == "Read the notice first."


def test_deletions_hidden_text_headers_and_pictures_are_left_out(tmp_path: Path) -> None:
    body = (
        r"{\header\pard Trust newsletter\par}{\footer\pard Page 1\par}"
        r"The path will{\deleted  not} close{\v  HIDDEN} in July."
        r"{\pict\pngblip 89504e470d0a1a0a}{\*\bkmkstart anchor}{\*\bkmkend anchor}"
        r"{\object{\*\objdata 0105}{\result kept}}\par "
        "Then{\\*\\blipuid 0a0b}{\\bin4 \\}{}} done.\\par"
    )
    assert load(tmp_path, rtf(body)).text == "The path will close in July.\n\nThen done."


def test_notes_follow_the_body_and_a_text_box_is_read_once(tmp_path: Path) -> None:
    body = (
        r"The trust decided in May.{\super\chftn}{\*\footnote\pard\plain{\super\chftn} "
        r"Minutes of 4 May 2030.\par}\par"
        r"{\shp{\*\shpinst\shpleft0{\sp{\sn shapeType}{\sv 202}}{\shptxt\pard Map below.\par}}"
        r"{\shprslt{\*\do\dobxcolumn Map below.}}}The map.\par"
    )
    assert load(tmp_path, rtf(body)).text.split("\n\n") == [
        "The trust decided in May.",
        "Map below.",
        "The map.",
        "Minutes of 4 May 2030.",
    ]


def test_every_sentence_is_quoted_exactly(tmp_path: Path) -> None:
    source = load(tmp_path, rtf(rf"\pard {PROPOSAL}\par\pard {OBJECTION}\par"))
    for sentence in (PROPOSAL, OBJECTION):
        found = align_quote(sentence, source.text)
        assert found is not None and found.match == "exact"


@pytest.mark.parametrize("name", ["statement.txt", "statement.doc"])
def test_rtf_saved_under_another_name_is_still_read_as_rtf(tmp_path: Path, name: str) -> None:
    """Word saves RTF under .doc when asked to; TextEdit users rename files."""
    source = load(tmp_path, rtf(rf"\pard {PROPOSAL}\par"), name=name)
    assert source.text == PROPOSAL


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("memo.pages", "a Pages document; export it as .docx or PDF"),
        ("budget.numbers", "a Numbers spreadsheet; export it as .xlsx or CSV"),
        ("talk.key", "Keynote slides; export them as .pptx or PDF"),
    ],
)
def test_a_format_briefing_does_not_read_says_what_to_do(
    tmp_path: Path, name: str, hint: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(SourceError) as caught:
        load_sources([str(path)])
    assert str(caught.value) == f"cannot read {path}: {hint}"


def test_a_file_that_is_not_rtf_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, PROPOSAL.encode()) == (
        "cannot read RTF document: FILE (not an RTF file)"
    )


def test_a_document_with_no_text_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, rtf(r"{\info{\title Empty}}\pard\par")) == (
        "RTF document has no text: FILE"
    )


def test_a_folder_reads_its_rtf_files(tmp_path: Path) -> None:
    (tmp_path / "a.rtf").write_bytes(rtf(rf"\pard {PROPOSAL}\par"))
    (tmp_path / "b.rtf").write_bytes(b"not rtf at all")
    assert [s.text for s in load_sources([str(tmp_path)])] == [PROPOSAL]
