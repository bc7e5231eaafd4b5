"""Web pages saved as one file, read as the page: Chrome's and Edge's .mhtml, Safari's
.webarchive; the address they were saved from kept when it is a web address."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from briefing.errors import SourceError
from briefing.sources import load_sources
from tests.source_files import read_error, read_one

DELAY = "The transport ministry will delay the congestion charge for the river crossings."
OBJECTION = "The hauliers' federation warned that the charge would add 14 percent to a delivery."


def mhtml(html: str, location: str = "https://news.example/2026/12/crossings") -> bytes:
    """A page as Chrome's "Save as: single file" writes it: the page quoted-printable, a
    picture after it, the address it was saved from in the headers."""
    boundary = "----MultipartBoundary--a1b2c3"
    quoted = html.replace("=", "=3D")
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {location}\r\n"
        "Subject: =?utf-8?Q?Crossings_charge_delayed?=\r\n"
        "Date: Wed, 2 Dec 2026 10:00:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n'
        f"\r\n\r\n--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {location}\r\n\r\n"
        f"{quoted}\r\n"
        f"--{boundary}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://news.example/logo.png\r\n\r\n"
        "iVBORw0KGgo=\r\n"
        f"--{boundary}--\r\n"
    ).encode()


PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Crossings charge delayed</title>'
    '<meta property="og:site_name" content="Estuary News">'
    '<meta property="article:published_time" content="2026-12-01T16:00:00Z"></head>'
    "<body><nav>Home | Politics</nav><article><h1>Crossings charge delayed</h1>"
    f"<p>{DELAY}</p><p>{OBJECTION}</p></article><footer>Contact us</footer></body></html>"
)


def test_a_page_saved_as_one_file_is_read_as_the_page(tmp_path: Path) -> None:
    path = tmp_path / "crossings.mhtml"
    path.write_bytes(mhtml(PAGE))
    (source,) = load_sources([str(path)])
    assert source.text == f"Crossings charge delayed\n\n{DELAY}\n\n{OBJECTION}"
    assert (source.title, source.outlet, source.published) == (
        "Crossings charge delayed",
        "Estuary News",
        "2026-12-01T16:00:00Z",
    )
    assert source.url == "https://news.example/2026/12/crossings"
    path.write_bytes(mhtml(PAGE, location="file:///home/editor/Downloads/page.html"))
    (local,) = load_sources([str(path)])
    assert local.url is None  # a path on someone's disk is not the page's address


def test_a_saved_page_without_a_page_in_it_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "crossings.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n")
    with pytest.raises(SourceError) as caught:
        load_sources([str(path)])
    assert str(caught.value) == f"cannot read saved web page: {path} (no HTML page in it)"


def webarchive(html: str, *, encoding: str = "UTF-8", url: str = "https://news.example/a") -> bytes:
    """A page as Safari's "Save As: Web Archive" writes it: a binary property list holding
    the page and its pictures."""
    return plistlib.dumps(
        {
            "WebMainResource": {
                "WebResourceData": html.encode(encoding),
                "WebResourceMIMEType": "text/html",
                "WebResourceTextEncodingName": encoding,
                "WebResourceURL": url,
                "WebResourceFrameName": "",
            },
            "WebSubresources": [
                {"WebResourceData": b"\x89PNG", "WebResourceMIMEType": "image/png"}
            ],
        },
        fmt=plistlib.FMT_BINARY,
    )


def test_a_safari_web_archive_is_read_as_the_page(tmp_path: Path) -> None:
    source = read_one(tmp_path / "crossings.webarchive", webarchive(PAGE))
    assert source.text == f"Crossings charge delayed\n\n{DELAY}\n\n{OBJECTION}"
    assert (source.outlet, source.url) == ("Estuary News", "https://news.example/a")
    latin = read_one(
        tmp_path / "b.webarchive",
        webarchive(PAGE.replace("delayed", "d\xe9j\xe0"), encoding="ISO-8859-1"),
    )
    assert latin.title == "Crossings charge d\xe9j\xe0"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"bplist00 broken", "cannot read saved web page: FILE (damaged or not a .webarchive)"),
        (
            plistlib.dumps(
                {"WebMainResource": {"WebResourceData": b"x", "WebResourceMIMEType": "image/png"}}
            ),
            "cannot read saved web page: FILE (no HTML page in it)",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaa">]>'
            b"<plist><string>&a;</string></plist>",
            "cannot read saved web page: FILE (damaged or not a .webarchive)",
        ),
    ],
    ids=["damaged", "no-page", "entity-declaration"],
)
def test_a_web_archive_that_cannot_be_read_is_one_line_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    assert read_error(tmp_path / "page.webarchive", data) == message
