"""A zip archive (a press pack) read as a folder of sources: its documents in name order,
each named after the archive, pictures and hidden files left out, and one that cannot be
read skipped with a warning; bounds against a zip bomb."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from briefing.models import Source
from tests.source_files import read_all, read_error, zipped
from tests.test_docx import docx_bytes, para, run

STATEMENT = "The port authority will dredge the eastern channel from 5 May 2031."
RESPONSE = "The anglers' union says dredging in spring will disturb the spawning grounds."


def archive(members: dict[str, bytes], encrypted: set[str] | None = None) -> bytes:
    data = bytearray(zipped(members))
    for name in encrypted or set():  # mark the member encrypted, as a locked zip does
        for header in (b"PK\x03\x04", b"PK\x01\x02"):
            at = data.find(header)
            while at != -1:
                name_at = at + (30 if header == b"PK\x03\x04" else 46)
                if data[name_at : name_at + len(name)] == name.encode():
                    flag_at = at + (6 if header == b"PK\x03\x04" else 8)
                    data[flag_at] |= 0x1
                at = data.find(header, at + 1)
    return bytes(data)


def load(tmp_path: Path, data: bytes) -> list[Source]:
    return read_all(tmp_path / "pack.zip", data)


def test_a_press_pack_is_read_as_a_folder(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = archive(
        {
            "pack/b-response.docx": docx_bytes(para(run(RESPONSE))),
            "pack/a-statement.txt": STATEMENT.encode(),
            "pack/logo.png": b"\x89PNG not read",
            "pack/.DS_Store": b"\x00\x01",
            "__MACOSX/pack/._a-statement.txt": b"\x00\x05\x16\x07",
            "pack/old-notes.numbers": b"PK\x03\x04",
            "pack/broken.pdf": b"%PDF-1.7 broken",
            "pack/inner.zip": archive({"memo.md": b"# Dredging memo\n\nDredging is set for May."}),
        }
    )
    with caplog.at_level(logging.WARNING, logger="briefing.sources"):
        sources = load(tmp_path, data)
    where = str(tmp_path / "pack.zip")
    assert [s.path for s in sources] == [
        f"{where}#pack/a-statement.txt",
        f"{where}#pack/b-response.docx",
        f"{where}#pack/inner.zip#memo.md",
    ]
    assert [s.text for s in sources[:2]] == [STATEMENT, RESPONSE]
    assert sources[2].title == "Dredging memo"
    assert f"skipping {where}#pack/old-notes.numbers: a Numbers spreadsheet" in caplog.text
    assert f"{where}#pack/broken.pdf" in caplog.text
    assert "logo.png" not in caplog.text and "MACOSX" not in caplog.text


def test_a_password_protected_member_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = archive({"a.txt": STATEMENT.encode(), "b.txt": RESPONSE.encode()}, encrypted={"b.txt"})
    (source,) = load(tmp_path, data)
    assert source.text == STATEMENT
    assert "b.txt: password-protected" in caplog.text


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    data = archive({f"part{n}.txt": bytes(60_000_000) for n in range(4)})
    assert read_error(tmp_path / "pack.zip", data) == (
        "cannot read zip archive: FILE (too large when unpacked)"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 broken", "cannot read zip archive: FILE (damaged or not a zip)"),
        (archive({"logo.png": b"\x89PNG"}), "no readable documents in zip archive: FILE"),
    ],
)
def test_an_archive_with_nothing_to_read_is_one_line_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    assert read_error(tmp_path / "pack.zip", data) == message
