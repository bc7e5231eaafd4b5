"""Read the text of a Rich Text Format document (.rtf): paragraphs, table rows and notes.

TextEdit saves .rtf by default, WordPad too, and older press-release systems export it, so
statements arrive as RTF. An RTF file is text in which groups ``{...}`` nest and control words
(``\\par``, ``\\u8220``) carry the formatting; read as plain text it is mostly markup. This
reader keeps what a reader of the document sees: the body's characters (``\\'hh`` in the
document's code page, ``\\uN`` as Unicode, its fallback characters skipped), paragraphs at
``\\par``, a table as one paragraph a row with its cells separated by ' | ', a field's shown
result but not its instruction, tracked deletions and hidden text left out, footnotes after
the body. Font, colour and style tables, pictures, embedded objects, page headers and
footers, and every group marked ignorable (``{\\*...}``) are skipped. The title is the one
in the document's ``\\info`` group, unless a program wrote it.
"""

from __future__ import annotations

import codecs
import re
import struct
import sys
from dataclasses import dataclass, replace

from briefing.errors import SourceError
from briefing.package import usable_title

__all__ = ["RtfText", "decompress_rtf", "is_rtf", "read_rtf"]

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word, its number, one delimiting space
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the document's code page
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"
    rb"|[\r\n]+"  # line ends in the file are not text
    rb"|([^\\{}\r\n]+)"
)
# Groups whose content is not text of the page.
_SKIPPED = frozenset(
    {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "listtable",
        "listoverridetable",
        "revtbl",
        "rsidtbl",
        "generator",
        "pict",
        "object",
        "shppict",
        "nonshppict",
        "header",
        "headerl",
        "headerr",
        "headerf",
        "footer",
        "footerl",
        "footerr",
        "footerf",
        "shprslt",
        "listtext",
        "pntext",
        "pntxta",
        "pntxtb",
        "xe",
        "tc",
        "txe",
        "info",
        "filetbl",
        "pgdsctbl",
        "latentstyles",
        "themedata",
        "colorschememapping",
        "datastore",
        "xmlnstbl",
        "mmathPr",
        "bkmkstart",
        "bkmkend",
        "annotation",
        "atnid",
        "atnauthor",
        "atrfstart",
        "atrfend",
    }
)
_CHARACTERS = {
    "emdash": "\u2014",
    "endash": "\u2013",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "bullet": "\u2022",
    "emspace": " ",
    "enspace": " ",
    "qmspace": " ",
    "tab": " ",
    "line": " ",  # a line break inside a paragraph keeps its sentence whole
}
_SYMBOLS = {"~": "\u00a0", "_": "-", "\\": "\\", "{": "{", "}": "}", "-": ""}
# Ignorable groups ({\\*\\word ...}) that hold text of the document: a note, a field's
# instruction (read to tell a table of contents from a link), a text box's shape.
_IGNORABLE_READ = frozenset({"footnote", "fldinst", "shpinst"})
# Fields whose shown result is generated from the headings or the text.
_GENERATED_FIELDS = frozenset({"TOC", "INDEX", "TOA"})
_PARAGRAPH_ENDS = frozenset({"par", "sect", "page", "row", "nestrow"})
_CELL_ENDS = frozenset({"cell", "nestcell"})
_CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class RtfText:
    """An RTF document's paragraphs separated by blank lines, and its title."""

    text: str
    title: str | None


@dataclass(frozen=True)
class _Group:
    """What a group's characters are: body text, a footnote, the title, or skipped."""

    target: str = "body"
    ignorable: bool = False  # opened with \\*: skipped unless its first word is one read
    deleted: bool = False
    hidden: bool = False
    fallback: int = 1  # characters after \\uN that stand in for it in old readers


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"{\\rtf"


def read_rtf(data: bytes, shown: str) -> RtfText:
    """Parse ``data`` as RTF; ``SourceError`` with a one-line reason when it cannot be."""
    if not is_rtf(data):
        raise SourceError(f"cannot read RTF document: {shown} (not an RTF file)")
    reader = _Reader(_code_page(data))
    reader.read(data)
    paragraphs = reader.paragraphs("body") + reader.paragraphs("note")
    if not paragraphs:
        raise SourceError(f"RTF document has no text: {shown}")
    title = usable_title(" ".join(reader.paragraphs("title")))
    return RtfText(text="\n\n".join(paragraphs), title=title)


def _code_page(data: bytes) -> str:
    """The code page ``\\'hh`` bytes are in (``\\ansicpgN``; Windows-1252 when absent or
    unknown)."""
    match = re.search(rb"\\ansicpg(\d{3,5})", data[:4096])
    name = f"cp{match.group(1).decode()}" if match else "cp1252"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


class _Reader:
    def __init__(self, code_page: str) -> None:
        self.code_page = code_page
        self.out: dict[str, list[str]] = {"body": [], "note": [], "title": [], "instruction": []}
        self.pending = bytearray()  # \\'hh bytes, decoded together (a code page may use two)
        self.skip_fallback = 0

    def read(self, data: bytes) -> None:
        stack: list[_Group] = []
        group = _Group()
        first_in_group = False
        at = 0
        while at < len(data):
            match = _TOKEN.match(data, at)
            if match is None:  # a backslash before nothing RTF knows ("\\'zz", the end)
                at += 1
                continue
            at = match.end()
            word, number, hexbyte, symbol, brace, text = match.groups()
            if hexbyte is not None:
                self._byte(group, int(hexbyte, 16))
                first_in_group = False
                continue
            self._flush(group)
            if brace == b"{":
                stack.append(group)
                first_in_group = True
                continue
            if brace == b"}":
                group = stack.pop() if stack else _Group()
                self.skip_fallback = 0
                continue
            if symbol is not None:
                if symbol == b"*" and first_in_group:
                    group = replace(group, ignorable=True)
                    continue  # the word after it is still the group's first
                if symbol in (b"\n", b"\r"):
                    self._paragraph_end(group)
                else:
                    self._text(group, _SYMBOLS.get(symbol.decode("latin-1"), ""))
                first_in_group = False
                continue
            if word is not None:
                name = word.decode("ascii")
                value = int(number) if number is not None else None
                if name == "bin" and value:
                    at += value  # raw binary data, as long as it says
                group = self._control(group, name, value, first_in_group)
                first_in_group = False
                continue
            first_in_group = False
            if text is not None:
                self._text(group, text.decode(self.code_page, errors="replace"))
        self._flush(group)

    def _control(self, group: _Group, name: str, value: int | None, first: bool) -> _Group:
        if group.ignorable:
            group = replace(group, ignorable=False)
            if name not in _IGNORABLE_READ or not first:
                return replace(group, target="skip")
        if name == "fldinst":
            self.out["instruction"] = []
            return replace(group, target="instruction")
        if name == "fldrslt":
            instruction = "".join(self.out["instruction"]).split()
            if instruction and instruction[0].upper() in _GENERATED_FIELDS:
                return replace(group, target="skip")
            return group
        if name == "shpinst":
            return replace(group, target="shape" if group.target == "body" else "skip")
        if name == "shptxt" and group.target == "shape":
            self.out["body"].append("\n")  # a text box's paragraphs, on lines of their own
            return replace(group, target="body")
        if name in _SKIPPED and group.target != "skip":
            if name == "info":
                return replace(group, target="info")
            return replace(group, target="skip")
        if name == "title" and group.target == "info":
            return replace(group, target="title")
        if name == "footnote" and group.target == "body":
            self.out["note"].append("\n")  # each note a paragraph of its own
            return replace(group, target="note")
        if name == "deleted":
            return replace(group, deleted=value != 0)
        if name == "v":
            return replace(group, hidden=value != 0)
        if name == "plain":
            return replace(group, deleted=False, hidden=False)
        if name == "uc" and value is not None:
            return replace(group, fallback=max(0, value))
        if name == "u" and value is not None:
            code = value + 0x10000 if value < 0 else value
            if 0 <= code <= sys.maxunicode:  # a 16-bit number, signed; anything else is junk
                self._text(group, chr(code))
            self.skip_fallback = group.fallback
            return group
        if name in _PARAGRAPH_ENDS:
            self._paragraph_end(group)
        elif name in _CELL_ENDS:
            self._append(group, _CELL_SEPARATOR)
        elif name in _CHARACTERS:
            self._text(group, _CHARACTERS[name])
        return group

    def _byte(self, group: _Group, byte: int) -> None:
        if self.skip_fallback:
            self.skip_fallback -= 1
            return
        self.pending.append(byte)

    def _flush(self, group: _Group) -> None:
        if self.pending:
            text = bytes(self.pending).decode(self.code_page, errors="replace")
            self.pending.clear()
            self._append(group, text)

    def _text(self, group: _Group, text: str) -> None:
        if self.skip_fallback:
            dropped = min(self.skip_fallback, len(text))
            self.skip_fallback -= dropped
            text = text[dropped:]
        self._append(group, text)

    def _append(self, group: _Group, text: str) -> None:
        if text and group.target in self.out and not group.deleted and not group.hidden:
            self.out[group.target].append(text)

    def _paragraph_end(self, group: _Group) -> None:
        self._append(group, "\n")

    def paragraphs(self, target: str) -> list[str]:
        """The text written to ``target``, one paragraph a line, each trimmed of its last
        cell separator; a UTF-16 surrogate pair written as two \\uN is joined."""
        joined = "".join(self.out[target])
        joined = joined.encode("utf-16", "surrogatepass").decode("utf-16", errors="replace")
        paragraphs = []
        for line in joined.split("\n"):
            line = line.strip()
            if line.endswith(_CELL_SEPARATOR.strip()):
                line = line[: -len(_CELL_SEPARATOR.strip())].rstrip()
            if line:
                paragraphs.append(line)
        return paragraphs


# --------------------------------------------------------------------------- compressed RTF

_COMPRESSED = 0x75465A4C  # "LZFu"
_UNCOMPRESSED = 0x414C454D  # "MELA"
# The dictionary every compressed RTF stream starts from ([MS-OXRTFCP] 2.1.3.1.1).
_PREBUILT = (
    b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
    b"\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
    b"{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx"
)
_RTF_MAX = 50_000_000


def decompress_rtf(data: bytes) -> bytes:
    """The RTF of a message's compressed RTF body (LZFu), or its stored bytes ("MELA")."""
    if len(data) < 16:
        raise SourceError("a damaged RTF body")
    size, raw_size, magic, _ = struct.unpack_from("<4I", data, 0)
    if magic == _UNCOMPRESSED:
        return data[16 : 16 + raw_size]
    if magic != _COMPRESSED or raw_size > _RTF_MAX:
        raise SourceError("a damaged RTF body")
    window = bytearray(4096)
    window[: len(_PREBUILT)] = _PREBUILT
    write = len(_PREBUILT)
    out = bytearray()
    position, end = 16, min(len(data), size + 4)
    while position < end and len(out) < raw_size:
        flags = data[position]
        position += 1
        for bit in range(8):
            if position >= end or len(out) >= raw_size:
                break
            if flags & (1 << bit):
                if position + 2 > end:
                    break
                reference = (data[position] << 8) | data[position + 1]
                position += 2
                offset, length = reference >> 4, (reference & 0x0F) + 2
                if offset == write:
                    return bytes(out)  # the end marker
                for step in range(length):
                    byte = window[(offset + step) % 4096]
                    out.append(byte)
                    window[write] = byte
                    write = (write + 1) % 4096
            else:
                byte = data[position]
                position += 1
                out.append(byte)
                window[write] = byte
                write = (write + 1) % 4096
    return bytes(out)
