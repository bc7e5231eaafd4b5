"""Open an office document's package: a zip of XML parts, read with bounds.

Word (.docx), PowerPoint (.pptx) and OpenDocument (.odt) files are zips of XML, as EPUB
books are of XML and XHTML. All are
untrusted, so the parts read are bounded in unpacked size before they are inflated (a zip
bomb is refused), and a part that declares a DTD, the road to entity expansion, is refused;
no office program writes one. A title read from a document's properties (here or in an
RTF's ``\\info``) is kept only when an author wrote it (``usable_title``).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from xml.etree import ElementTree

from briefing.cfb import CompoundFile, CompoundFileError, is_compound_file
from briefing.errors import SourceError

__all__ = [
    "DIAGRAM_DATA",
    "diagram_texts",
    "UNREADABLE_MEMBER",
    "Package",
    "document_title",
    "open_package",
    "read_parts",
    "usable_title",
]

# Unpacked, the parts read may hold this much XML.
_MAX_UNPACKED = 200_000_000
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# What opening a damaged zip or reading a damaged member can raise: a bad header, a CRC
# mismatch, a broken or truncated deflate stream, a compression method or version unknown.
UNREADABLE_MEMBER = (
    zipfile.BadZipFile,
    OSError,
    RuntimeError,
    ValueError,
    EOFError,
    NotImplementedError,
    zlib.error,
)
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# A title the writing program filled in, not the author.
_TOOL_TITLE = re.compile(
    r"^(?:untitled\b.*|unknown title|document\d*|(?:powerpoint )?presentation\d*"
    r"|.*\.(?:docx?|pdf|odt|rtf|pptx?)"
    # PowerPoint's default title in other languages: "PowerPoint-Präsentation", "Présentation
    # PowerPoint", "Presentación de PowerPoint", "PowerPoint 演示文稿", "Презентация PowerPoint".
    r"|(?:\w+\s+(?:de|di|do|du|van|programu)\s+|\w+\s+)?powerpoint(?:[\s-]+\w+)?"
    # A slide's default name, which PowerPoint takes for a title with none on the slide.
    r"|(?:slide|folie|diapositiva|diapositive|dia)\s*\d+)$",
    re.IGNORECASE,
)
_TITLE_MAX = 200
# The private use area, where symbol fonts' glyphs sit (a Wingdings smiley, a Symbol-font
# bullet typed as a character): a picture to the reader, not a letter.
SYMBOL_GLYPHS = re.compile("[\ue000-\uf8ff]")


class Package:
    """An open office package: its part names, and its parts parsed one at a time, the
    unpacked size of all parts read bounded together."""

    def __init__(self, archive: zipfile.ZipFile, shown: str, kind: str) -> None:
        self._archive = archive
        self._shown = shown
        self._kind = kind
        self._unpacked = 0
        self.names = frozenset(archive.namelist())

    def size(self, name: str) -> int:
        """The part's unpacked size, as the zip declares it (reading stops there)."""
        return self._archive.getinfo(name).file_size

    def fail(self, reason: str) -> SourceError:
        return SourceError(f"cannot read {self._kind}: {self._shown} ({reason})")

    def raw(self, name: str) -> bytes:
        """The part ``name`` as bytes; ``SourceError`` when it is damaged or would take the
        parts read past the bound."""
        self._unpacked += self.size(name)
        if self._unpacked > _MAX_UNPACKED:
            raise self.fail("too large when unpacked")
        try:
            return self._archive.read(name)
        except UNREADABLE_MEMBER:
            raise self.fail(f"damaged part {name}") from None

    def part(self, name: str) -> ElementTree.Element:
        """The part ``name`` parsed; ``SourceError`` when it is damaged, declares a DTD, or
        would take the parts read past the bound."""
        raw = self.raw(name)
        if _DTD.search(raw[:4096]):
            raise self.fail(f"{name} declares a DTD")
        try:
            return ElementTree.fromstring(raw)
        except (ElementTree.ParseError, LookupError):  # LookupError: an unknown encoding named
            raise self.fail(f"damaged part {name}") from None


@contextmanager
def open_package(data: bytes, shown: str, *, kind: str, extension: str) -> Iterator[Package]:
    """``data`` opened as a zip package; ``SourceError`` naming the ``kind`` of document
    ("Word document") when it is not one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except UNREADABLE_MEMBER:
        if _encrypted(data):
            raise SourceError(
                f"cannot read {kind}: {shown} (password-protected: open it, remove the "
                "password and save it again)"
            ) from None
        raise SourceError(
            f"cannot read {kind}: {shown} (damaged, password-protected, or not a {extension})"
        ) from None
    with archive:
        yield Package(archive, shown, kind)


def _encrypted(data: bytes) -> bool:
    """Whether ``data`` is an Office file saved with a password: Office then wraps the
    encrypted package in a compound file, beside the key's description."""
    if not is_compound_file(data):
        return False
    try:
        return CompoundFile(data).is_stream("EncryptedPackage")
    except CompoundFileError:
        return False


def read_parts(
    data: bytes, shown: str, *, kind: str, extension: str, main: str, others: Sequence[str]
) -> dict[str, ElementTree.Element]:
    """The ``main`` part and whichever of ``others`` exist, parsed; ``SourceError`` naming
    the ``kind`` of document when the package cannot be read. Their unpacked size is checked
    before any is inflated."""
    with open_package(data, shown, kind=kind, extension=extension) as package:
        if main not in package.names:
            raise package.fail(f"no {main} in it")
        wanted = [name for name in (main, *others) if name in package.names]
        if sum(package.size(name) for name in wanted) > _MAX_UNPACKED:
            raise package.fail("too large when unpacked")
        return {name: package.part(name) for name in wanted}


def document_title(properties: ElementTree.Element | None) -> str | None:
    """The title in a document's properties part (Dublin Core ``title``), if usable."""
    if properties is None:
        return None
    found = next(properties.iter(_DC_TITLE), None)
    return usable_title(found.text or "") if found is not None else None


def usable_title(title: str) -> str | None:
    """``title`` with its whitespace squashed, unless a program wrote it ("Document1",
    "draft.docx") or it is too long to be one."""
    title = " ".join(title.split())
    if not title or len(title) > _TITLE_MAX or _TOOL_TITLE.match(title):
        return None
    return title


_DIAGRAM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DIAGRAM_DATA = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"
# A diagram's points that hold its text: a node, an assistant; not the document, the
# transitions between points or the presentation's own.
_DIAGRAM_TEXT_POINTS = frozenset({"node", "asst"})


def diagram_texts(data_model: ElementTree.Element) -> list[str]:
    """The text of a SmartArt diagram (its data part, which ``dgm:relIds r:dm`` names), a
    point a paragraph, in the order the diagram lists them."""
    texts = []
    for point in data_model.iter(f"{_DIAGRAM}pt"):
        if point.get("type", "node") not in _DIAGRAM_TEXT_POINTS:
            continue
        body = point.find(f"{_DIAGRAM}t")
        if body is None:
            continue
        lines = [
            "".join(t.text or "" for t in paragraph.iter(f"{_DRAWING}t")).strip()
            for paragraph in body.iter(f"{_DRAWING}p")
        ]
        text = " ".join(line for line in lines if line)
        if text:
            texts.append(text)
    return texts
