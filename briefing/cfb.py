"""Read the streams of a compound file: the container of Word 97-2003 documents and Outlook
messages ([MS-CFB]).

A compound file is a small file system in one file: fixed-size sectors chained by an
allocation table (the FAT), a directory of storages (folders) and streams (files), and a
mini stream of 64-byte sectors for streams under 4,096 bytes. Every number in it comes from
an untrusted file, so each chain is bounded by the sectors the file holds (a loop or a
sector past the end is damage, not an endless read) and each stream is read no further
than its chain.
"""

from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass

from briefing.legacy_text import guess_legacy_encoding

__all__ = [
    "CompoundFile",
    "CompoundFileError",
    "is_compound_file",
    "legacy_text_codec",
    "summary_codepage",
    "summary_title",
    "windows_codec",
]

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER_SIZE = 512
# Code pages a pre-Unicode document's summary may name for its text: Windows' single-byte
# ones, and the Mac's.
_TEXT_CODEPAGES = frozenset({874, *range(1250, 1259), *range(10000, 10082)})
_MAC_ROMAN = "mac_roman"
_HEADER_DIFAT = 109  # FAT sector numbers held in the header itself
_END_OF_CHAIN = 0xFFFFFFFE
_NO_STREAM = 0xFFFFFFFF
_ENTRY_SIZE = 128
_STORAGE, _STREAM, _ROOT = 1, 2, 5
# Deeper than any real document's storages (a message's attachment's message's ...).
_MAX_DEPTH = 32


class CompoundFileError(ValueError):
    """The file is not a compound file, or its structure is damaged."""


def is_compound_file(data: bytes) -> bool:
    return data.startswith(SIGNATURE)


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int
    left: int
    right: int
    child: int
    start: int
    size: int


class CompoundFile:
    """The storages and streams of a compound file, by path (``"__attach_0/__substg1.0_3701"``).

    Names compare without case, as in the format."""

    def __init__(self, data: bytes) -> None:
        if not is_compound_file(data) or len(data) < _HEADER_SIZE:
            raise CompoundFileError("not a compound file")
        self._data = data
        try:
            self._open()
        except (struct.error, IndexError) as exc:  # a table cut short
            raise CompoundFileError("damaged compound file") from exc

    def _open(self) -> None:
        data = self._data
        (major, byte_order, sector_shift, mini_shift) = struct.unpack_from("<HHHH", data, 26)
        if byte_order != 0xFFFE or sector_shift not in (9, 12) or mini_shift != 6:
            raise CompoundFileError("damaged compound file header")
        del major  # version 3 has 512-byte sectors, version 4 has 4,096; the shift says which
        self._sector_size = 1 << sector_shift
        (fat_count, first_dir, _, self._cutoff, first_minifat, _, first_difat, _) = (
            struct.unpack_from("<8I", data, 44)
        )
        # The last sector may be cut short: some writers do not pad it.
        self._sectors = max(0, -(-(len(data) - self._sector_size) // self._sector_size))
        self._fat = self._read_fat(fat_count, first_difat)
        self._entries = self._read_directory(first_dir)
        root = self._entries[0]
        if root.kind != _ROOT:
            raise CompoundFileError("damaged compound file directory")
        self._mini_stream = self._chain_bytes(root.start, root.size) if root.size else b""
        self._minifat = (
            _uint32s(self._chain_bytes(first_minifat, None))
            if first_minifat < _NO_STREAM - 3
            else []
        )
        self._paths: dict[str, _Entry] = {}
        self._walk(root.child, "", 0, set())

    # ------------------------------------------------------------------ public

    def exists(self, path: str) -> bool:
        return path.lower() in self._paths

    def is_stream(self, path: str) -> bool:
        entry = self._paths.get(path.lower())
        return entry is not None and entry.kind == _STREAM

    def children(self, path: str = "") -> list[str]:
        """The names of the entries directly inside the storage ``path`` ("" is the root)."""
        prefix = f"{path.lower()}/" if path else ""
        return [
            entry.name
            for key, entry in self._paths.items()
            if key.startswith(prefix) and "/" not in key[len(prefix) :]
        ]

    def read(self, path: str) -> bytes:
        """The bytes of the stream ``path``; ``KeyError`` when there is none."""
        entry = self._paths.get(path.lower())
        if entry is None or entry.kind != _STREAM:
            raise KeyError(path)
        if entry.size == 0:
            return b""
        try:
            if entry.size < self._cutoff:
                return self._mini_bytes(entry.start, entry.size)
            return self._chain_bytes(entry.start, entry.size)
        except (struct.error, IndexError) as exc:
            raise CompoundFileError("damaged compound file") from exc

    # ------------------------------------------------------------------ structure

    def _sector(self, number: int) -> bytes:
        if number >= self._sectors:
            raise CompoundFileError("damaged compound file: a sector past the end")
        offset = (number + 1) * self._sector_size
        return self._data[offset : offset + self._sector_size]

    def _read_fat(self, fat_count: int, first_difat: int) -> list[int]:
        numbers = [
            n
            for n in struct.unpack_from(f"<{_HEADER_DIFAT}I", self._data, 76)
            if n < _NO_STREAM - 3
        ]
        per_sector = self._sector_size // 4 - 1
        difat, seen = first_difat, set()
        while difat < _NO_STREAM - 3 and len(numbers) < fat_count:
            if difat in seen:
                raise CompoundFileError("damaged compound file: a loop in its sector table")
            seen.add(difat)
            values = _uint32s(self._sector(difat))
            numbers.extend(n for n in values[:per_sector] if n < _NO_STREAM - 3)
            difat = values[per_sector]
        if not numbers or len(numbers) > self._sectors:
            raise CompoundFileError("damaged compound file: no sector table")
        fat: list[int] = []
        for number in numbers[:fat_count]:
            fat.extend(_uint32s(self._sector(number)))
        return fat

    def _chain(self, start: int, table: list[int], limit: int) -> list[int]:
        """The sector numbers of a chain, each at most once and within ``limit``."""
        chain: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector != _END_OF_CHAIN:
            if sector >= len(table) or sector >= limit or sector in seen:
                raise CompoundFileError("damaged compound file: a broken sector chain")
            seen.add(sector)
            chain.append(sector)
            sector = table[sector]
        return chain

    def _chain_bytes(self, start: int, size: int | None) -> bytes:
        data = b"".join(self._sector(n) for n in self._chain(start, self._fat, self._sectors))
        if size is not None:
            if len(data) < size:
                raise CompoundFileError("damaged compound file: a stream shorter than it says")
            data = data[:size]
        return data

    def _mini_bytes(self, start: int, size: int) -> bytes:
        limit = len(self._mini_stream) // 64
        parts = [
            self._mini_stream[n * 64 : n * 64 + 64]
            for n in self._chain(start, self._minifat, limit)
        ]
        data = b"".join(parts)
        if len(data) < size:
            raise CompoundFileError("damaged compound file: a stream shorter than it says")
        return data[:size]

    def _read_directory(self, first: int) -> list[_Entry]:
        raw = self._chain_bytes(first, None)
        entries: list[_Entry] = []
        for offset in range(0, len(raw) - _ENTRY_SIZE + 1, _ENTRY_SIZE):
            (name_size,) = struct.unpack_from("<H", raw, offset + 64)
            kind = raw[offset + 66]
            left, right, child = struct.unpack_from("<3I", raw, offset + 68)
            start, size = struct.unpack_from("<IQ", raw, offset + 116)
            if self._sector_size == 512:
                size &= 0xFFFFFFFF  # version 3 leaves the high half undefined
            name_bytes = raw[offset : offset + min(max(name_size - 2, 0), 62)]
            name = name_bytes.decode("utf-16-le", "replace")
            entries.append(_Entry(name, kind, left, right, child, start, size))
        if not entries:
            raise CompoundFileError("damaged compound file: an empty directory")
        return entries

    def _walk(self, sibling: int, prefix: str, depth: int, seen: set[int]) -> None:
        """Record every entry of the red-black tree of siblings rooted at ``sibling``, then the
        children of each storage, each entry once."""
        pending = [sibling]
        while pending:
            index = pending.pop()
            if index == _NO_STREAM:
                continue
            if index >= len(self._entries) or index in seen:
                raise CompoundFileError("damaged compound file: a broken directory")
            seen.add(index)
            entry = self._entries[index]
            pending.extend((entry.left, entry.right))
            if entry.kind not in (_STORAGE, _STREAM):
                continue
            path = f"{prefix}{entry.name}"
            self._paths.setdefault(path.lower(), entry)
            if entry.kind == _STORAGE and entry.child != _NO_STREAM:
                if depth >= _MAX_DEPTH:
                    raise CompoundFileError("damaged compound file: storages nested too deep")
                self._walk(entry.child, f"{path}/", depth + 1, seen)


# Windows code pages whose Python codec is not named "cp" and the number.
_CODECS = {
    65001: "utf-8",
    1200: "utf-16-le",
    20127: "ascii",
    28591: "latin-1",
    50220: "iso2022_jp",
    50221: "iso2022_jp",
    50222: "iso2022_jp",
    51932: "euc_jp",
    51949: "euc_kr",
    52936: "hz",
    54936: "gb18030",
    20866: "koi8_r",
    21866: "koi8_u",
    10000: "mac_roman",
    # Mac PowerPoint's and Word's East Asian code pages, as the encodings they are based on.
    10001: "shift_jis",
    10002: "big5",
    10003: "euc_kr",
    10008: "gb2312",
    **{28590 + n: f"iso8859_{n}" for n in range(2, 16)},
}


def windows_codec(codepage: int) -> str:
    """The Python codec for a Windows code page number, as the text of compound files
    names it (Windows-1252 for one Python does not know)."""
    name = _CODECS.get(codepage, f"cp{codepage}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"


def summary_title(compound: CompoundFile) -> str | None:
    """The title in a compound document's summary properties (Word's, PowerPoint's), when
    its author wrote one."""
    found = _summary(compound)
    if found is None:
        return None
    data, values = found
    codepage = _codepage(data, values)
    codec = windows_codec(codepage) if codepage else "cp1252"
    try:
        if 2 not in values:
            return None
        kind, size = struct.unpack_from("<II", data, values[2])
        raw = data[values[2] + 8 : values[2] + 8 + (size * 2 if kind == 0x1F else size)]
        if kind == 0x1F:
            title = raw.decode("utf-16-le", "replace")
        elif kind == 0x1E:
            title = raw.decode(codec, "replace")
        else:
            return None
    except struct.error:
        return None
    return title.rstrip("\x00").strip() or None


def summary_codepage(compound: CompoundFile) -> int | None:
    """The code page a compound document's summary properties name for its 8-bit strings."""
    found = _summary(compound)
    return _codepage(*found) if found is not None else None


def legacy_text_codec(compound: CompoundFile, raw: bytes, mac: bool = False) -> str:
    """The codec of a pre-Unicode document's 8-bit text (Word 6 and 95's, PowerPoint 95's):
    the code page its summary names when that is one such text is written in (Windows' or
    the Mac's), else Mac Roman for a file marked as the Mac's, else the one ``raw`` reads
    most plausibly in."""
    codepage = summary_codepage(compound)
    if codepage is not None and codepage in _TEXT_CODEPAGES:
        return windows_codec(codepage)
    return _MAC_ROMAN if mac else guess_legacy_encoding(raw)


def _codepage(data: bytes, values: dict[int, int]) -> int | None:
    if 1 not in values:
        return None
    try:
        kind, codepage = struct.unpack_from("<IH", data, values[1])
    except struct.error:
        return None
    return int(codepage) if kind == 0x02 else None


def _summary(compound: CompoundFile) -> tuple[bytes, dict[int, int]] | None:
    """The summary properties' stream and where each property's value lies in it."""
    name = "\x05SummaryInformation"
    if not compound.is_stream(name):
        return None
    data = compound.read(name)
    values: dict[int, int] = {}
    try:
        (offset,) = struct.unpack_from("<I", data, 44)
        _, count = struct.unpack_from("<II", data, offset)
        for index in range(min(count, 64)):
            prop, at = struct.unpack_from("<II", data, offset + 8 + 8 * index)
            values[prop] = offset + at
    except struct.error:
        return None
    return data, values


def _uint32s(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))
