"""Write Word 97-2003 documents (.doc) for the tests of ``briefing.doc``.

The stories (body, footnotes, headers, comments, endnotes, text boxes) are written as Word
stores them, one character stream with Word's marks: ``\\r`` ends a paragraph, ``\\x07`` a
table cell (and, marked as such, a row), ``\\x13 ... \\x14 ... \\x15`` a field. The text is one
piece (one byte a character when Windows-1252 holds it, else UTF-16), or two pieces, the
first of each kind, split where asked. Character ranges may be marked deleted or hidden, and
cell marks as row ends, through the formatting pages Word writes for them.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

from tests.cfb_writer import compound_file

FIB_SIZE = 1024
PAGE = 512
DELETED, HIDDEN, ROW_END, SYMBOL = 0x0800, 0x083C, 0x2417, 0x6A09
SUMMARY_FORMAT = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")


def word_document(
    body: str,
    *,
    footnotes: str = "",
    headers: str = "",
    comments: str = "",
    endnotes: str = "",
    boxes: str = "",
    split: int | None = None,
    deleted: Sequence[tuple[int, int]] = (),
    hidden: Sequence[tuple[int, int]] = (),
    symbols: Sequence[int] = (),
    row_ends: Sequence[int] = (),
    title: str | None = None,
    version: int = 0x00C1,
    flags: int = 0x0200,
    repeat: int = 1,
) -> bytes:
    """A .doc of these stories; ``deleted`` and ``hidden`` are character ranges of the whole
    text (body first), ``symbols`` the positions of characters Insert Symbol put there (a
    Wingdings glyph: the text holds "(" for it), ``row_ends`` the positions of cell marks
    that end a row. ``repeat``
    lists the pieces that many times over, all pointing at the same bytes (a damaged or
    hostile piece table)."""
    text = body + footnotes + headers + comments + endnotes + boxes
    cut = len(text) if split is None else split
    pieces = [(0, cut), (cut, len(text))] if split is not None else [(0, len(text))]
    stream = bytearray(FIB_SIZE)
    offsets: list[int] = []  # the file offset of every character
    raw_positions: list[int] = []
    for start, end in pieces:
        part = text[start:end]
        one_byte = split is not None and start == 0 or split is None and _one_byte(part)
        if one_byte:
            position = len(stream)
            stream += part.encode("cp1252")
            offsets.extend(range(position, position + len(part)))
            raw_positions.append((position * 2) | 0x40000000)
        else:
            position = len(stream)
            stream += part.encode("utf-16-le")
            offsets.extend(range(position, position + 2 * len(part), 2))
            raw_positions.append(position)
    offsets.append(len(stream))

    def width(index: int) -> int:
        return offsets[index + 1] - offsets[index] if index + 1 < len(offsets) else 1

    table = bytearray()
    marks = [(start, end, DELETED) for start, end in deleted]
    marks += [(start, end, HIDDEN) for start, end in hidden]
    character_runs = [
        (offsets[start], offsets[end - 1] + width(end - 1), struct.pack("<HB", sprm, 1))
        for start, end, sprm in marks
    ]
    character_runs += [
        (offsets[i], offsets[i] + width(i), struct.pack("<HHH", SYMBOL, 2, 0xF04A)) for i in symbols
    ]
    character_runs.sort()
    paragraph_runs = [
        (offsets[i], offsets[i] + width(i), struct.pack("<HBHB", 0x2416, 1, ROW_END, 1))
        for i in row_ends
    ]
    chpx_at = len(table)
    table += _bin_table(stream, character_runs, paragraphs=False)
    chpx_size = len(table) - chpx_at
    papx_at = len(table)
    table += _bin_table(stream, paragraph_runs, paragraphs=True)
    papx_size = len(table) - papx_at
    clx_at = len(table)
    starts = [turn * len(text) + p[0] for turn in range(repeat) for p in pieces]
    plc = struct.pack(f"<{len(starts) + 1}I", *starts, repeat * len(text))
    plc += b"".join(struct.pack("<HIH", 0, raw, 0) for raw in raw_positions * repeat)
    table += b"\x02" + struct.pack("<I", len(plc)) + plc
    clx_size = len(table) - clx_at

    lengths = [len(body) * repeat, len(footnotes), len(headers), 0, len(comments)]
    lengths.append(len(endnotes))
    lengths.append(len(boxes))
    struct.pack_into("<HH", stream, 0, 0xA5EC, version)
    struct.pack_into("<H", stream, 0x0A, flags)
    struct.pack_into("<H", stream, 32, 14)
    struct.pack_into("<H", stream, 62, 22)
    struct.pack_into("<7i", stream, 64 + 12, *lengths)
    struct.pack_into("<H", stream, 152, 93)
    for index, (fc, size) in {12: (chpx_at, chpx_size), 13: (papx_at, papx_size)}.items():
        struct.pack_into("<II", stream, 154 + 8 * index, fc, size)
    struct.pack_into("<II", stream, 154 + 8 * 33, clx_at, clx_size)
    tree: dict[str, bytes] = {"WordDocument": bytes(stream), "1Table": bytes(table)}
    if title is not None:
        tree["\x05SummaryInformation"] = summary_information(title)
    return compound_file(tree)


def _one_byte(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _bin_table(stream: bytearray, runs: list[tuple[int, int, bytes]], *, paragraphs: bool) -> bytes:
    """Append one formatting page (FKP) for ``runs`` to ``stream``; return its bin table."""
    if not runs:
        return b""
    runs = sorted(runs)
    bounds = sorted({edge for start, end, _ in runs for edge in (start, end)})
    flagged = {start: grpprl for start, _, grpprl in runs}
    count = len(bounds) - 1
    page = bytearray(PAGE)
    struct.pack_into(f"<{count + 1}I", page, 0, *bounds)
    entry = 13 if paragraphs else 1
    free = PAGE - 1
    for index in range(count):
        grpprl = flagged.get(bounds[index])
        if grpprl is None:
            continue
        if paragraphs:
            body = b"\0\0" + grpprl  # the style number, then the properties
            size = (len(body) + 2) // 2
            record = bytes([size]) + body.ljust(2 * size - 1, b"\0")
        else:
            record = bytes([len(grpprl)]) + grpprl
        free = (free - len(record)) & ~1
        page[free : free + len(record)] = record
        page[4 * (count + 1) + entry * index] = free // 2
    page[PAGE - 1] = count
    while len(stream) % PAGE:
        stream.append(0)
    number = len(stream) // PAGE
    stream += page
    return struct.pack("<3I", bounds[0], bounds[-1], number)


def summary_information(title: str, codepage: int | None = 1252, codec: str = "cp1252") -> bytes:
    """A summary property set holding ``title`` in ``codepage`` (encoded by ``codec``; no
    code page property when None)."""
    encoded = title.encode(codec) + b"\0"
    title_value = struct.pack("<II", 0x1E, len(encoded)) + encoded.ljust(
        -(-len(encoded) // 4) * 4, b"\0"
    )
    properties = [(2, title_value)]
    if codepage is not None:
        properties.insert(0, (1, struct.pack("<IHH", 0x02, codepage, 0)))
    offset = 8 + 8 * len(properties)
    pairs, values = b"", b""
    for prop, value in properties:
        pairs += struct.pack("<II", prop, offset + len(values))
        values += value
    section = struct.pack("<II", offset + len(values), len(properties)) + pairs + values
    header = struct.pack("<HHI", 0xFFFE, 0, 0) + bytes(16) + struct.pack("<I", 1)
    return header + SUMMARY_FORMAT + struct.pack("<I", 48) + section


def word6_document(
    body: str,
    *,
    footnotes: str = "",
    codec: str = "cp1252",
    codepage: int | None = 1252,
    pieces: Sequence[tuple[int, int]] | None = None,
    mac: bool = False,
    version: int = 104,
    flags: int = 0,
    title: str | None = None,
) -> bytes:
    """A Word 6 or Word 95 (``version`` 101 or 104) .doc: its stories' 8-bit text in
    ``codec``, from byte 768; the summary naming ``codepage`` (none: no summary code page).
    With ``pieces`` (character ranges) the file is fast-saved: the pieces are stored in the
    reverse order and a piece table puts them right."""
    text = (body + footnotes).encode(codec)
    stream = bytearray(768)
    struct.pack_into("<HH", stream, 0, 0xA5DC, version)
    struct.pack_into("<H", stream, 0x14, 256 if mac else 0)
    struct.pack_into("<7i", stream, 0x34, len(body), len(footnotes), 0, 0, 0, 0, 0)
    if pieces is None:
        struct.pack_into("<H", stream, 0x0A, flags)
        struct.pack_into("<II", stream, 0x18, 768, 768 + len(text))
        stream += text
    else:
        struct.pack_into("<H", stream, 0x0A, flags | 0x0004)
        places = {}
        for start, end in reversed(pieces):
            places[start] = len(stream)
            stream += text[start:end]
        cps = [start for start, _ in pieces] + [pieces[-1][1]]
        plc = struct.pack(f"<{len(cps)}I", *cps)
        plc += b"".join(struct.pack("<HIH", 0, places[start], 0) for start, _ in pieces)
        clx = b"\x02" + struct.pack("<I", len(plc)) + plc
        struct.pack_into("<II", stream, 0x160, len(stream), len(clx))
        stream += clx
    summary = summary_information(title or "", codepage, codec if codepage else "cp1252")
    return compound_file({"WordDocument": bytes(stream), "\x05SummaryInformation": summary})
