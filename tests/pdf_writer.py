"""Write small, valid PDFs for tests: text lines placed where a typesetter would put them.

Each page is a list of ``Text`` lines (and, for a page that should look like a scan, ``Rect``
shapes). Text is set in the standard Type1 font Helvetica with WinAnsiEncoding, so no font is
embedded; ``text_width`` measures a string with Helvetica's own advance widths, so a test can
fill a column the way a word processor would. A ``Text`` given a ``width`` is justified to it
with word spacing (``Tw``), as in a justified paragraph. The fi and fl ligatures, which
WinAnsiEncoding lacks, are reached through a ``/Differences`` array and a ToUnicode map, as
producers that set ligatures do. The document title, when given, goes in ``/Info``.

``scanned`` turns any PDF into what a scanner makes of it: each page a picture, no text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium

__all__ = [
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "Field",
    "Rect",
    "Text",
    "pdf_bytes",
    "scanned",
    "text_width",
]

PAGE_WIDTH = 612.0  # US Letter, in points
PAGE_HEIGHT = 792.0

# Helvetica advance widths (AFM, thousandths of an em) for printable ASCII, 32..126.
_ASCII_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_WIDTHS = {chr(32 + i): w for i, w in enumerate(_ASCII_WIDTHS)}
_WIDTHS.update(
    {
        "\u2013": 556,  # endash
        "\u2014": 1000,  # emdash
        "\u2018": 222,  # quoteleft
        "\u2019": 222,  # quoteright
        "\u201c": 333,  # quotedblleft
        "\u201d": 333,  # quotedblright
        "\u2022": 350,  # bullet
        "\u00a0": 278,  # no-break space
        "\u00e9": 556,  # eacute
        "\u00ad": 333,  # soft hyphen
        "\ufb01": 500,  # fi ligature (through the encoding's /Differences)
        "\ufb02": 500,  # fl ligature
        "\u2010": 333,  # hyphen as renderers print it where they hyphenate (through /Differences)
    }
)
# WinAnsiEncoding has no ligatures; two codes it leaves unused name Helvetica's fi and fl
# glyphs through a /Differences array, as producers that set ligatures do.
_LIGATURE_CODES = {"\ufb01": 0x81, "\ufb02": 0x8D, "\u2010": 0x8F}
_DIFFERENCES = "[129 /fi 141 /fl 143 /hyphen]"
# ... and a ToUnicode map says those codes stand for U+FB01 and U+FB02, the ligatures.
_TO_UNICODE = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
3 beginbfchar
<81> <FB01>
<8D> <FB02>
<8F> <2010>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


@dataclass(frozen=True)
class Text:
    """One line of text with its baseline's left end at ``(x, y)``, in points from the
    page's bottom left corner; justified to ``width`` points when given. With ``glyph_spaces``
    off, words are set apart by moving the pen (a ``TJ`` array) with no space glyph between
    them, as TeX does."""

    text: str
    x: float
    y: float
    size: float = 11.0
    width: float | None = None
    glyph_spaces: bool = True


@dataclass(frozen=True)
class Rect:
    """A filled grey rectangle: all a page of a scan without a text layer draws, here."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Stroke:
    """Straight lines stroked as one path, ``width`` points wide: each of ``segments`` from
    its first point to its second (a table's border lines, as LibreOffice draws them, one
    path each; or a whole grid in one path), and each of ``boxes`` (x, y, w, h) as a
    rectangle's outline (``re``), as some producers frame a table's cells."""

    segments: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = ()
    boxes: tuple[tuple[float, float, float, float], ...] = ()
    width: float = 0.5


@dataclass(frozen=True)
class Field:
    """Text filled in on top of the page at the box ``(x, y, w, h)``, its lines one under
    another: a form's text field (with the appearance a viewer saves, or only its value, for
    the reader to draw), or with ``text_box`` a text box added in a viewer (FreeText)."""

    value: str
    x: float
    y: float
    w: float
    h: float
    appearance: bool = True
    text_box: bool = False
    size: float = 11.0


def text_width(text: str, size: float) -> float:
    """Width in points of ``text`` set in Helvetica at ``size`` (no kerning)."""
    return sum(_WIDTHS.get(char, 556) for char in text) * size / 1000


def pdf_bytes(
    pages: Sequence[Sequence[Text | Rect | Stroke | Field]],
    *,
    title: str | None = None,
    page_size: tuple[float, float] = (PAGE_WIDTH, PAGE_HEIGHT),
    locked: bool = False,
) -> bytes:
    """A complete PDF file: one page per item of ``pages``, drawn in the order given.

    ``locked`` adds the standard security handler with a user password (its check values
    are made up, so no password opens it: a reader can only say it needs one).

    Objects: 1 catalog, 2 page tree, 3 font, 4 the font's ToUnicode map (only when a line
    holds a ligature), 5 document information (only with ``title``), then a page and its
    content stream for each page. The cross-reference table holds each object's byte offset,
    so a strict reader never has to repair the file.
    """
    uses_ligatures = any(
        isinstance(item, Text) and any(char in _LIGATURE_CODES for char in item.text)
        for page in pages
        for item in page
    )
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    if uses_ligatures:
        font = (
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
            f"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences {_DIFFERENCES} >> "
            "/ToUnicode 4 0 R >>"
        )
    page_ids = [6 + 2 * n for n in range(len(pages))]
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    fields: list[tuple[int, int, Field]] = []  # object number, its page's, the field
    next_id = 6 + 2 * len(pages) + 10
    for page_id, page in zip(page_ids, pages):
        for item in page:
            if isinstance(item, Field):
                fields.append((next_id, page_id, item))
                next_id += 2  # the annotation, and its appearance stream
    form = " ".join(f"{n} 0 R" for n, _, field in fields if not field.text_box)
    catalog = "<< /Type /Catalog /Pages 2 0 R"
    if form:
        catalog += (
            f" /AcroForm << /Fields [{form}] /DA (/Helv 0 Tf 0 g) "
            "/DR << /Font << /Helv 3 0 R >> >> >>"
        )
    objects: dict[int, bytes] = {
        1: (catalog + " >>").encode("ascii"),
        2: f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode("ascii"),
        3: font.encode("ascii"),
    }
    if uses_ligatures:
        objects[4] = _stream(_TO_UNICODE.encode("ascii"))
    if title is not None:
        objects[5] = b"<< /Title " + _text_string(title) + b" /Producer (tests) >>"
    width, height = page_size
    for page_id, page in zip(page_ids, pages):
        annots = " ".join(f"{n} 0 R" for n, on, _ in fields if on == page_id)
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_num(width)} {_num(height)}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_id + 1} 0 R"
            + (f" /Annots [{annots}]" if annots else "")
            + " >>"
        ).encode("ascii")
        objects[page_id + 1] = _stream(_content(page))
    for number, page_id, item in fields:
        objects[number], appearance = _field(item, page_id, number)
        if appearance is not None:
            objects[number + 1] = appearance
    encrypt = None
    if locked:
        encrypt = max(objects) + 1
        check = "<" + "5a" * 32 + ">"
        objects[encrypt] = f"<< /Filter /Standard /V 1 /R 2 /O {check} /U {check} /P -4 >>".encode(
            "ascii"
        )
    return _assemble(objects, info=5 if title is not None else None, encrypt=encrypt)


def scanned(
    data: bytes,
    pages: set[int] | None = None,
    dpi: int = 200,
    grain: float = 0.0,
    skew: float = 0.0,
    turn: int = 0,
) -> bytes:
    """``data`` with its pages (all, or those numbered from 1 in ``pages``) replaced by a
    picture of themselves and no text layer, as a scanner makes them. ``grain`` (grey
    levels) adds a photocopier's blur and noise, the same for every run; ``skew`` turns the
    page that many degrees anticlockwise, as a sheet fed in askew is; ``turn`` (90, 180 or
    270) as a sheet fed in sideways or upside down is, the page's shape turned with it."""
    source = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    for number in range(len(source)):
        if pages is not None and number + 1 not in pages:
            out.import_pages(source, [number])
            continue
        page = source[number]
        width, height = page.get_size()
        picture = page.render(scale=dpi / 72, grayscale=True)
        if skew:
            turned = picture.to_pil().rotate(skew, resample=_BICUBIC, fillcolor=255)
            picture = pdfium.PdfBitmap.from_pil(turned)
        if turn:
            picture = pdfium.PdfBitmap.from_pil(picture.to_pil().rotate(turn, expand=True))
            if turn % 180:
                width, height = height, width
        if grain:
            picture = pdfium.PdfBitmap.from_pil(_photocopied(picture.to_pil(), grain, number))
        new = out.new_page(width, height)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(picture)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        new.insert_obj(image)
        new.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


_BICUBIC = 3  # PIL.Image.Resampling.BICUBIC, without importing PIL for every test


def _photocopied(picture: Any, grain: float, seed: int) -> Any:
    import numpy
    from PIL import Image, ImageFilter

    blurred = numpy.asarray(picture.filter(ImageFilter.GaussianBlur(0.8)), dtype=float)
    noisy = blurred + numpy.random.default_rng(seed).normal(0, grain, blurred.shape)
    return Image.fromarray(noisy.clip(0, 255).astype("uint8"))


def _stream(content: bytes) -> bytes:
    return f"<< /Length {len(content)} >>\nstream\n".encode("ascii") + content + b"\nendstream"


def _assemble(objects: dict[int, bytes], info: int | None, encrypt: int | None = None) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    size = max(objects) + 1
    offsets = [0] * size
    for number in range(1, size):
        body = objects.get(number)
        if body is None:
            body = b"null"  # an optional object left out: the numbering stays fixed
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {size}\n".encode("ascii")
    out += b"0000000000 65535 f \n"
    for number in range(1, size):
        out += f"{offsets[number]:010d} 00000 n \n".encode("ascii")
    trailer = f"<< /Size {size} /Root 1 0 R"
    if info is not None:
        trailer += f" /Info {info} 0 R"
    if encrypt is not None:
        file_id = "<" + "0f" * 16 + ">"
        trailer += f" /Encrypt {encrypt} 0 R /ID [{file_id} {file_id}]"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def _field(item: Field, page_id: int, number: int) -> tuple[bytes, bytes | None]:
    """A field's (or text box's) annotation, and its appearance stream when it has one."""
    box = " ".join(_num(v) for v in (item.x, item.y, item.x + item.w, item.y + item.h))
    lines = b" T* ".join(_literal(line) + b" Tj" for line in item.value.split("\n"))
    shown = (
        (
            f"/Tx BMC BT /F1 {_num(item.size)} Tf {_num(item.size * 1.2)} TL 2 "
            f"{_num(item.h - item.size - 2)} Td "
        ).encode("ascii")
        + lines
        + b" ET EMC"
    )
    kind = (
        b"/Subtype /FreeText /Contents " + _literal(item.value)
        if item.text_box
        else b"/Subtype /Widget /FT /Tx /T (field"
        + str(number).encode()
        + b") /V "
        + _literal(item.value)
        + (b" /Ff 4096" if "\n" in item.value else b"")
    )
    annotation = (
        b"<< /Type /Annot "
        + kind
        + f" /Rect [{box}] /F 4 /P {page_id} 0 R /DA (/Helv {_num(item.size)} Tf 0 g)".encode()
        + (f" /AP << /N {number + 1} 0 R >>".encode() if item.appearance else b"")
        + b" >>"
    )
    if not item.appearance:
        return annotation, None
    bbox = f"[0 0 {_num(item.w)} {_num(item.h)}]"
    head = f"<< /Type /XObject /Subtype /Form /BBox {bbox} /Resources << /Font << /F1 3 0 R >> >>"
    return annotation, head.encode() + f" /Length {len(shown)} >>\nstream\n".encode() + shown + (
        b"\nendstream"
    )


def _content(page: Sequence[Text | Rect | Stroke | Field]) -> bytes:
    """The page's content stream: each text line in its own BT/ET block, in order (a
    ``Field`` is an annotation on top of the page, not its content)."""
    parts: list[bytes] = []
    for item in page:
        if isinstance(item, Field):
            continue
        if isinstance(item, Rect):
            box = " ".join(_num(v) for v in (item.x, item.y, item.w, item.h))
            parts.append(f"0.6 g {box} re f 0 g".encode("ascii"))
            continue
        if isinstance(item, Stroke):
            path = [
                f"{_num(a[0])} {_num(a[1])} m {_num(b[0])} {_num(b[1])} l" for a, b in item.segments
            ]
            path += [" ".join(_num(v) for v in box) + " re" for box in item.boxes]
            parts.append(f"{_num(item.width)} w {' '.join(path)} S".encode("ascii"))
            continue
        spacing = 0.0
        spaces = item.text.count(" ")
        if item.width is not None and spaces:
            spacing = (item.width - text_width(item.text, item.size)) / spaces
        start = f"BT /F1 {_num(item.size)} Tf {_num(item.x)} {_num(item.y)} Td "
        if item.glyph_spaces:
            shown = f"{_num(spacing)} Tw ".encode("ascii") + _literal(item.text) + b" Tj"
        else:
            # A TJ number moves the pen left by thousandths of an em: negative moves right.
            gap = -(_WIDTHS[" "] + spacing * 1000 / item.size)
            words = [_literal(word) for word in item.text.split(" ")]
            shown = b"0 Tw [" + f" {_num(gap)} ".encode("ascii").join(words) + b"] TJ"
        parts.append(start.encode("ascii") + shown + b" ET")
    return b"\n".join(parts)


def _literal(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding, with ``(``, ``)`` and ``\\`` escaped."""
    raw = bytearray()
    for char in text:
        code = _LIGATURE_CODES.get(char)
        raw += bytes([code]) if code is not None else char.encode("cp1252")
    escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + bytes(escaped) + b")"


def _text_string(text: str) -> bytes:
    """A PDF text string for the document information dictionary: UTF-16BE with a BOM."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _num(value: float) -> str:
    """A PDF number without exponent or needless trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"
