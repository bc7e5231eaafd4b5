"""Read an EPUB (.epub): a report or book published as one, its chapters in reading order.

Publishers of policy reports (international organisations, official publishers, think
tanks) offer EPUB beside PDF. An EPUB is a zip: ``META-INF/container.xml`` names the package
document (the OPF), whose manifest lists the files and whose spine gives the reading order
of the chapters, each an XHTML page read as a web page is (``briefing.html_page``), its
notes after its text and their marks in the text left out. Pages
the spine marks as outside the reading order (a cover, notes shown as pop-ups) and the
navigation document (a table of contents) are not read. The title, publisher and date come
from the package's metadata. A book whose chapters are encrypted (DRM) is refused in one
line; fonts obfuscated the standard way do not matter.

The zip is untrusted: the parts read are bounded in unpacked size together, and the package
XML may declare no DTD (``briefing.package``); chapters are read by the HTML parser, which
expands nothing.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote
from xml.etree import ElementTree

from briefing.errors import SourceError
from briefing.html_page import read_html
from briefing.package import Package, open_package, usable_title

__all__ = ["EpubText", "read_epub"]

_KIND = "EPUB book"
_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_CONTAINER_NS = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF_NS = "{http://www.idpf.org/2007/opf}"
_DC_NS = "{http://purl.org/dc/elements/1.1/}"
_ENC_NS = "{http://www.w3.org/2001/04/xmlenc#}"
_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
# The font obfuscation algorithms of IDPF and Adobe: not DRM, only fonts.
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)


# A note (EPUB 3 marks it so), and a note's mark: a link marked as a note reference, or a
# superscript link of a few characters to a place in the book (EPUB 2 marks nothing).
_NOTE_ASIDE = re.compile(
    r"<aside\b[^>]{0,500}?epub:type=\"[^\"]{0,100}?\b(?:foot|end|rear)notes?\b[^\"]{0,100}\""
    r"[^>]{0,500}>",
    re.IGNORECASE,
)
_ASIDE_END = re.compile(r"</aside\s{0,20}>", re.IGNORECASE)
_NOTE_MARK = re.compile(
    r"<a\b[^>]{0,500}?epub:type=\"[^\"]{0,100}?\bnoteref\b[^>]{0,500}>[^<]{0,20}</a>"
    r"|<sup>\s{0,20}<a\b[^>]{0,500}?href=\"[^\"#]{0,200}#[^>]{0,500}>[^<]{0,10}</a>\s{0,20}</sup>",
    re.IGNORECASE,
)

# A note's own number at its start, a link back to where it is cited ("<p><a href=...>1</a>").
_NOTE_BACKLINK = re.compile(
    r"^(\s{0,20}(?:<[a-z][^<>]{0,200}>\s{0,20}){0,4})<a\b[^<>]{0,500}>[^<]{0,10}</a>"
)


@dataclass(frozen=True)
class EpubText:
    """An EPUB's text, chapter after chapter, and what its metadata says of it."""

    text: str
    title: str | None
    outlet: str | None
    published: str | None


def read_epub(data: bytes, shown: str) -> EpubText:
    """Read an .epub; ``SourceError`` naming ``shown`` and the reason when it cannot be."""
    with open_package(data, shown, kind=_KIND, extension=".epub") as package:
        if _CONTAINER not in package.names:
            raise package.fail("no META-INF/container.xml: not an EPUB")
        rootfile = next(package.part(_CONTAINER).iter(f"{_CONTAINER_NS}rootfile"), None)
        opf_name = rootfile.get("full-path", "") if rootfile is not None else ""
        if opf_name not in package.names:
            raise package.fail("its package document is missing")
        opf = package.part(opf_name)
        chapters = _spine(opf, posixpath.dirname(opf_name), package)
        protected = _encrypted(package)
        if protected.intersection(chapters):
            raise package.fail("protected by DRM")
        paragraphs: list[str] = []
        for name in chapters:
            page = _notes_last(package.raw(name).decode("utf-8", "replace"))
            paragraphs.extend(read_html(page).paragraphs)
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise SourceError(f"{_KIND} has no text: {shown}")
    return EpubText(
        text=text,
        title=usable_title(_metadata(opf, "title") or ""),
        outlet=_metadata(opf, "publisher"),
        published=(_metadata(opf, "date") or "")[:10] or None,
    )


def _spine(opf: ElementTree.Element, folder: str, package: Package) -> list[str]:
    """The chapters in reading order: the spine's items that are pages in the reading order,
    found in the zip, the navigation document left out."""
    manifest: dict[str, ElementTree.Element] = {
        item.get("id", ""): item for item in opf.iter(f"{_OPF_NS}item")
    }
    chapters: list[str] = []
    for itemref in opf.iter(f"{_OPF_NS}itemref"):
        item = manifest.get(itemref.get("idref", ""))
        if item is None or itemref.get("linear", "yes").lower() == "no":
            continue
        if (
            item.get("media-type") not in _CHAPTER_TYPES
            or "nav" in item.get("properties", "").split()
        ):
            continue
        name = posixpath.normpath(posixpath.join(folder, unquote(item.get("href", ""))))
        if name in package.names and name not in chapters:
            chapters.append(name)
    return chapters


def _encrypted(package: Package) -> set[str]:
    """The files encrypted other than by font obfuscation (DRM)."""
    if _ENCRYPTION not in package.names:
        return set()
    protected: set[str] = set()
    for data in package.part(_ENCRYPTION).iter(f"{_ENC_NS}EncryptedData"):
        method = data.find(f"{_ENC_NS}EncryptionMethod")
        algorithm = method.get("Algorithm", "") if method is not None else ""
        reference = data.find(f".//{_ENC_NS}CipherReference")
        if reference is not None and algorithm not in _FONT_OBFUSCATION:
            protected.add(posixpath.normpath(unquote(reference.get("URI", ""))))
    return protected


def _notes_last(page: str) -> str:
    """A chapter with its notes (``<aside epub:type="footnote">``, which a web page's parser
    skips as a sidebar) moved after its text, and the note marks in the text (a superscript
    link, "1") left out, as the other readers place notes and drop their marks."""
    notes: list[str] = []
    kept: list[str] = []
    position = 0
    for opening in _NOTE_ASIDE.finditer(page):
        if opening.start() < position:
            continue  # inside a note already taken
        closing = _ASIDE_END.search(page, opening.end())
        if closing is None:
            break
        kept.append(page[position : opening.start()])
        notes.append(page[opening.end() : closing.start()])
        position = closing.end()
    kept.append(page[position:])
    page = _NOTE_MARK.sub("", "".join(kept))
    moved = "".join(f"<div>{_without_marks(note)}</div>" for note in notes)
    end = page.lower().rfind("</body>")
    return f"{page[:end]}{moved}{page[end:]}" if end >= 0 else page + moved


def _without_marks(note: str) -> str:
    """A note without its number: a link back to where it is cited, at its start."""
    return _NOTE_BACKLINK.sub(r"\1", _NOTE_MARK.sub("", note), count=1)


def _metadata(opf: ElementTree.Element, field: str) -> str | None:
    found = next(opf.iter(f"{_DC_NS}{field}"), None)
    text = " ".join((found.text or "").split()) if found is not None else ""
    return text or None
