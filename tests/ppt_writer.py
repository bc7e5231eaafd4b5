"""Write PowerPoint 97-2003 decks ([MS-PPT]) for the tests of the .ppt reader, the way
PowerPoint lays them out: placeholder text kept in the document's slide list and pointed to
from the slide's drawing, text boxes holding their own characters, a notes page per slide,
a persist directory and user edit per save, and the "Current User" stream naming the last.

A shape is the bytes of its drawing record; a slide is a ``Slide``; ``deck`` puts them in a
compound file."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from tests.cfb_writer import compound_file
from tests.doc_writer import summary_information

RECTANGLE, LINE = 1, 20
# Placeholder types ([MS-PPT] PlaceholderEnum) the tests use.
TITLE, BODY, DATE, SLIDE_NUMBER, FOOTER, NOTES_IMAGE, NOTES_BODY = 13, 14, 7, 8, 9, 11, 12
SLIDE_NUMBER_FIELD = 0x0FD8
HEADER_TOKEN, ENCRYPTED_TOKEN = 0xE391C05F, 0xF3D1C4DF


def record(kind: int, body: bytes = b"", instance: int = 0, version: int = 0) -> bytes:
    return struct.pack("<HHI", version | instance << 4, kind, len(body)) + body


def container(kind: int, *children: bytes, instance: int = 0) -> bytes:
    return record(kind, b"".join(children), instance, 0xF)


def characters(text: str) -> bytes:
    """A text atom: one byte a character when every character fits, else UTF-16."""
    if all(ord(c) < 256 for c in text):
        return record(0x0FA8, text.encode("latin-1"))
    return record(0x0FA0, text.encode("utf-16-le"))


def shape(
    *paragraphs: str,
    placeholder: int | None = None,
    outline: int | None = None,
    text_type: int = 4,
    kind: int = RECTANGLE,
    anchor: tuple[int, int] | None = None,
    fields: tuple[int, ...] = (),
    properties: bytes = b"",
    header_footer: int | None = None,
) -> bytes:
    """A shape: its own text (paragraphs ended by carriage returns), or ``outline``, the
    index of the slide list's text it shows; a placeholder type; its place in its group as
    (top, left); the positions of field marks in its text; ``header_footer``, a date, number,
    footer or header placeholder as PowerPoint 2007 and later mark one."""
    parts = [record(0xF00A, struct.pack("<II", 1024, 0x0A00), kind, 2)]
    if properties:
        parts.append(properties)
    if anchor is not None:
        top, left = anchor
        parts.append(record(0xF00F, struct.pack("<iiii", left, top, left + 100, top + 50)))
    if placeholder is not None:
        atom = record(0x0BC3, struct.pack("<iBBH", 0, placeholder, 0, 0))
        parts.append(container(0xF011, atom))
    if header_footer is not None:
        parts.append(container(0xF011, record(0x0420, bytes([header_footer]))))
    if outline is not None:
        parts.append(container(0xF00D, record(0x0F9E, struct.pack("<I", outline))))
    elif paragraphs:
        text = "\r".join(paragraphs)
        marks = b"".join(record(mark, struct.pack("<I", at)) for mark, at in _fields(fields))
        header = record(0x0F9F, struct.pack("<I", text_type))
        parts.append(container(0xF00D, header, characters(text), marks))
    return container(0xF004, *parts)


def _fields(positions: tuple[int, ...]) -> list[tuple[int, int]]:
    return [(SLIDE_NUMBER_FIELD, at) for at in positions]


def group(*shapes: bytes, table: bool = False) -> bytes:
    """A group of shapes; a table is a group whose own shape carries table properties."""
    options = record(0xF122, struct.pack("<Hi", 0x039F, 1), instance=1, version=3)
    own = shape(properties=options if table else b"")
    return container(0xF003, own, *shapes)


def drawing(*shapes: bytes) -> bytes:
    group_shape = container(0xF004, record(0xF009, bytes(16), version=1))
    tree = container(0xF003, group_shape, *shapes)
    return container(0x040C, container(0xF002, record(0xF008, bytes(8)), tree))


@dataclass
class Slide:
    """A slide: its shapes, the texts the slide list holds for its placeholders (text,
    text type), whether it is hidden, and its notes page's shapes."""

    shapes: tuple[bytes, ...]
    outline: tuple[tuple[str, int], ...] = ()
    hidden: bool = False
    notes: tuple[bytes, ...] = ()
    replaced_by: Slide | None = field(default=None, repr=False)


def deck(
    slides: list[Slide],
    *,
    title: str | None = None,
    title_codepage: tuple[int, str] = (1252, "cp1252"),
    order: list[int] | None = None,
    current_user: bool = True,
    token: int = HEADER_TOKEN,
    version: int = 0x03F4,
    encrypted_edit: bool = False,
    long_edit: bool = False,
) -> bytes:
    """A .ppt of ``slides``, listed in ``order`` (indexes; default as given) while their
    records lie in the stream in the order given. A slide with ``replaced_by`` is saved
    twice: the second save (its own user edit and persist directory) replaces it."""
    order = order if order is not None else list(range(len(slides)))
    slide_ids = {index: 256 + index for index in range(len(slides))}
    persist = {index: 2 + index for index in range(len(slides))}  # 1 is the document
    notes_persist = {
        index: 2 + len(slides) + n
        for n, index in enumerate(i for i, s in enumerate(slides) if s.notes)
    }
    notes_ids = {index: 0x1000 + index for index in notes_persist}

    slide_list = []
    for index in order:
        atom = struct.pack(
            "<IIiII", persist[index], 0, len(slides[index].outline), slide_ids[index], 0
        )
        slide_list.append(record(0x03F3, atom))
        for text, text_type in slides[index].outline:
            slide_list.append(record(0x0F9F, struct.pack("<I", text_type)))
            slide_list.append(characters(text))
    notes_list = [
        record(0x03F3, struct.pack("<IIiII", notes_persist[index], 0, 0, notes_ids[index], 0))
        for index in order
        if index in notes_persist
    ]
    document = container(
        0x03E8,
        record(0x03E9, bytes(40), version=1),
        container(0x0FF0, *notes_list, instance=2),
        container(0x0FF0, *slide_list, instance=0),
        record(0x03EA),
    )
    stream = bytearray(document)
    offsets = {1: 0}
    for index, slide in enumerate(slides):
        offsets[persist[index]] = len(stream)
        stream += _slide_record(slide, notes_ids.get(index, 0))
    for index, number in notes_persist.items():
        offsets[number] = len(stream)
        stream += container(
            0x03F0, record(0x03F1, bytes(8), version=1), drawing(*slides[index].notes)
        )
    if encrypted_edit:  # the encryption session the user edit names
        offsets[63] = len(stream)
        stream += container(0x2F14, record(0x2F15, bytes(16)))
    long_edit = long_edit or encrypted_edit
    edit_at = _save(stream, offsets, 0, long_edit)
    replaced = {persist[i]: s.replaced_by for i, s in enumerate(slides) if s.replaced_by}
    if replaced:
        later = {}
        for number, slide in replaced.items():
            later[number] = len(stream)
            stream += _slide_record(slide, 0)
        edit_at = _save(stream, later, edit_at, long_edit)
    user = struct.pack("<IIIHHBBH", 0x14, token, edit_at, 0, version, 3, 0, 0)
    tree: dict[str, bytes] = {"PowerPoint Document": bytes(stream)}
    if current_user:
        tree["Current User"] = record(0x0FF6, user)
    if title is not None:
        tree["\x05SummaryInformation"] = summary_information(title, *title_codepage)
    return compound_file(tree)


def _slide_record(slide: Slide, notes_id: int) -> bytes:
    atom = record(
        0x03EF, struct.pack("<I8sIIHH", 0, bytes(8), 0x80000000, notes_id, 0, 0), version=2
    )
    show = record(0x03F9, struct.pack("<IIBBHBxxx", 0, 0, 0, 0, 0x0004 if slide.hidden else 0, 0))
    return container(0x03EE, atom, show, drawing(*slide.shapes))


def _save(stream: bytearray, offsets: dict[int, int], last_edit: int, long: bool) -> int:
    """Append a persist directory of ``offsets`` and a user edit pointing back to
    ``last_edit``; where the user edit lies."""
    entries = b""
    for number in sorted(offsets):
        entries += struct.pack("<II", number | 1 << 20, offsets[number])
    directory_at = len(stream)
    stream += record(0x1772, entries)
    edit_at = len(stream)
    body = struct.pack("<IHBBIIIIHH", 256, 0, 0, 3, last_edit, directory_at, 1, 64, 1, 0)
    if long:  # the optional field naming the encryption session (persist id 63)
        body += struct.pack("<I", 63)
    stream += record(0x0FF5, body)
    return edit_at
