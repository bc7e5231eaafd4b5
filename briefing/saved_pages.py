"""Read a web page saved as one file: .mhtml (Chrome, Edge) and .webarchive (Safari).

"Save page as: single file" in Chrome or Edge writes the page and its pictures as one MIME
message (.mhtml, .mht); Safari's "Save As: Web Archive" writes them as a property list
(.webarchive). Either way this module hands back the page's HTML and the address it was
saved from, for ``briefing.sources`` to read as it reads a saved .html page. The file is
untrusted: the address is kept only when it is a web address, and a property list that
declares XML entities is refused by the standard library's reader.
"""

from __future__ import annotations

import plistlib
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from briefing.errors import SourceError
from briefing.mail import DAMAGED_MESSAGE, header_text, part_text

__all__ = ["SavedPage", "is_mhtml", "read_mhtml", "read_webarchive"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class SavedPage:
    """A saved web page: its HTML and the address it was saved from."""

    html: str
    url: str | None


def is_mhtml(data: bytes, reach: int = 2048) -> bool:
    """Whether ``data`` is a page saved as one file (MHTML, a MIME message), whatever its
    name says: its first ``reach`` bytes hold a MIME-Version header."""
    head = data[:reach].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"mime-version:") or b"\nmime-version:" in head


def read_mhtml(data: bytes, shown: str) -> SavedPage:
    """The page in an .mhtml file; ``SourceError`` with a one-line reason when there is none."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)  # the default policy's message class
    try:
        page = message.get_body(preferencelist=("html",))
        if page is None or page.get_content_type() != "text/html":
            raise SourceError(f"cannot read saved web page: {shown} (no HTML page in it)")
        html = part_text(page)
    except DAMAGED_MESSAGE:
        raise SourceError(f"cannot read saved web page: {shown} (damaged)") from None
    url = header_text(message, "snapshot-content-location") or header_text(page, "content-location")
    return SavedPage(html=html, url=_web_address(url))


def read_webarchive(data: bytes, shown: str) -> SavedPage:
    """The page in a Safari .webarchive; ``SourceError`` with a one-line reason when the
    file cannot be read or holds no HTML page."""
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, OverflowError, KeyError):
        raise SourceError(
            f"cannot read saved web page: {shown} (damaged or not a .webarchive)"
        ) from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    body = main.get("WebResourceData") if isinstance(main, dict) else None
    kind = main.get("WebResourceMIMEType", "text/html") if isinstance(main, dict) else None
    if not isinstance(body, bytes) or kind not in _HTML_TYPES:
        raise SourceError(f"cannot read saved web page: {shown} (no HTML page in it)")
    assert isinstance(main, dict)
    encoding = main.get("WebResourceTextEncodingName") or "utf-8"
    try:
        html = body.decode(str(encoding), errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    url = main.get("WebResourceURL")
    return SavedPage(html=html, url=_web_address(url if isinstance(url, str) else None))


def _web_address(url: str | None) -> str | None:
    """``url`` when it is a web address: a local file's path or a "cid:" part name is not
    the page's address."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None
