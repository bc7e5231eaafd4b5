"""Write a file's bytes and read it as sources, or as the one-line error it gives: shared by
the tests of each document format."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from briefing.errors import SourceError
from briefing.models import Source
from briefing.sources import load_sources


def read_all(path: Path, data: bytes) -> list[Source]:
    path.write_bytes(data)
    return load_sources([str(path)])


def read_one(path: Path, data: bytes) -> Source:
    (source,) = read_all(path, data)
    return source


def read_error(path: Path, data: bytes) -> str:
    """The one-line error reading ``data`` as ``path`` gives, the path written as FILE."""
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        load_sources([str(path)])
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message.replace(str(path), "FILE")


def zipped(parts: Mapping[str, bytes | str]) -> bytes:
    """A zip of ``parts`` (name to content), deflated, as office files and press packs are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def core_properties(title: str) -> bytes:
    """An office package's properties part (``docProps/core.xml``) naming ``title``."""
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title></cp:coreProperties>"
    ).encode()
