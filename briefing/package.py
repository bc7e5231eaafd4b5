"""Open an office document's package: a zip of XML parts, read with bounds.

Word (.docx) and OpenDocument (.odt) files are zips of XML. Both are untrusted, so the parts
to be read are bounded in unpacked size before anything is inflated (a zip bomb is refused),
and a part that declares a DTD, the road to entity expansion, is refused; no office program
writes one. A title read from a document's properties (here or in an RTF's ``\\info``) is
kept only when an author wrote it (``usable_title``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from xml.etree import ElementTree

from briefing.errors import SourceError

__all__ = ["document_title", "read_parts", "usable_title"]

# Unpacked, the parts read may hold this much XML.
_MAX_UNPACKED = 200_000_000
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# A title the writing program filled in, not the author.
_TOOL_TITLE = re.compile(r"^(?:untitled\b.*|document\d*|.*\.(?:docx?|pdf|odt|rtf))$", re.IGNORECASE)
_TITLE_MAX = 200


def read_parts(
    data: bytes, shown: str, *, kind: str, extension: str, main: str, others: Sequence[str]
) -> dict[str, ElementTree.Element]:
    """The ``main`` part and whichever of ``others`` exist, parsed; ``SourceError`` naming
    the ``kind`` of document ("Word document") when the package cannot be read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise SourceError(
            f"cannot read {kind}: {shown} (damaged, password-protected, or not a {extension})"
        ) from None
    with archive:
        names = set(archive.namelist())
        if main not in names:
            raise SourceError(f"cannot read {kind}: {shown} (no {main} in it)")
        wanted = [name for name in (main, *others) if name in names]
        if sum(archive.getinfo(name).file_size for name in wanted) > _MAX_UNPACKED:
            raise SourceError(f"cannot read {kind}: {shown} (too large when unpacked)")
        return {name: _part(archive, name, shown, kind) for name in wanted}


def _part(archive: zipfile.ZipFile, name: str, shown: str, kind: str) -> ElementTree.Element:
    try:
        raw = archive.read(name)
    except (zipfile.BadZipFile, OSError, RuntimeError):
        raise SourceError(f"cannot read {kind}: {shown} (damaged part {name})") from None
    if _DTD.search(raw[:4096]):
        raise SourceError(f"cannot read {kind}: {shown} ({name} declares a DTD)")
    try:
        return ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        raise SourceError(f"cannot read {kind}: {shown} (damaged part {name})") from None


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
