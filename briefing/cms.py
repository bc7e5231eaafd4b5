"""Take the signed file out of a CMS signature envelope (.p7m, [RFC 5652] SignedData).

Public administrations that sign documents electronically (Italy's for every act and
certified e-mail, much of the EU's under eIDAS) publish them as ``act.pdf.p7m``: the PDF
wrapped in a signature. An e-mail signed "opaquely" is the same envelope around the
message. The signature is not checked here (briefing reads what the document says, it does
not certify who signed it); the content is taken out and read as the file it is.

The envelope is ASN.1 in DER, or in BER with lengths left open and the content cut into
pieces (as streaming signers write it), or either one in base64. Every length is checked
against the data, and nesting is bounded.
"""

from __future__ import annotations

import base64
import binascii
import re

__all__ = ["SignatureError", "signed_content"]

# The object identifiers of a signed-data envelope and of plain data, as DER writes them.
_SIGNED_DATA = bytes.fromhex("2a864886f70d010702")  # 1.2.840.113549.1.7.2
_SEQUENCE, _OID, _OCTETS, _OCTETS_PIECES, _CONTEXT_0 = 0x30, 0x06, 0x04, 0x24, 0xA0
_DEPTH_MAX = 64
_PEM = re.compile(rb"-----(?:BEGIN|END) [A-Z0-9 ]{1,40}-----")


class SignatureError(ValueError):
    """Not a signature envelope, or one without the signed file (a detached signature)."""


def signed_content(data: bytes) -> bytes:
    """The file inside a signed-data envelope; ``SignatureError`` when there is none."""
    der = _Reader(data if data[:1] == bytes([_SEQUENCE]) else _from_base64(data))
    content_info = der.children(0, len(der.data), 0, _SEQUENCE)
    if len(content_info) < 2 or content_info[0].tag != _OID:
        raise SignatureError("not a signature envelope")
    if der.data[content_info[0].start : content_info[0].end] != _SIGNED_DATA:
        raise SignatureError("not a signed-data envelope (encrypted, or another kind)")
    signed_data = der.only(content_info[1], _SEQUENCE)
    parts = der.children(signed_data.start, signed_data.end, 1)
    encapsulated = parts[2] if len(parts) > 2 and parts[2].tag == _SEQUENCE else None
    if encapsulated is None:
        raise SignatureError("damaged signature envelope")
    inside = der.children(encapsulated.start, encapsulated.end, 2)
    if len(inside) < 2 or inside[1].tag != _CONTEXT_0:
        raise SignatureError("a detached signature: the signed file is not inside it")
    return der.octets(der.only(inside[1], None), 3)


class _Node:
    """One ASN.1 element: its tag and where its content lies (``end`` past its content)."""

    __slots__ = ("end", "start", "tag")

    def __init__(self, tag: int, start: int, end: int) -> None:
        self.tag, self.start, self.end = tag, start, end


def _from_base64(data: bytes) -> bytes:
    text = _PEM.sub(b"", data)
    try:
        der = base64.b64decode(b"".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError("not a signature envelope") from None
    if der[:1] != bytes([_SEQUENCE]):
        raise SignatureError("not a signature envelope")
    return der


class _Reader:
    """ASN.1 elements read from ``data``, each once (an element of open length is found by
    reading its children, which are then asked for again)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._read: dict[int, tuple[_Node, int]] = {}

    def element(self, at: int, end: int, depth: int) -> tuple[_Node, int]:
        """The element starting at ``at`` and where the next one starts. An open length
        (BER's 0x80) runs to the two zero bytes that close it."""
        known = self._read.get(at)
        if known is not None and known[1] <= end:
            return known
        found = self._element(at, end, depth)
        self._read[at] = found
        return found

    def _element(self, at: int, end: int, depth: int) -> tuple[_Node, int]:
        data = self.data
        if depth > _DEPTH_MAX or at + 2 > end:
            raise SignatureError("damaged signature envelope")
        tag = data[at]
        if tag & 0x1F == 0x1F:
            raise SignatureError("damaged signature envelope")  # no tag numbers this high here
        length = data[at + 1]
        at += 2
        if length == 0x80:
            if not tag & 0x20:
                raise SignatureError("damaged signature envelope")
            start = at
            while True:
                if at + 2 > end:
                    raise SignatureError("damaged signature envelope")
                if data[at] == 0 and data[at + 1] == 0:
                    return _Node(tag, start, at), at + 2
                _, at = self.element(at, end, depth + 1)
        if length > 0x80:
            size = length & 0x7F
            if size > 4 or at + size > end:
                raise SignatureError("damaged signature envelope")
            length = int.from_bytes(data[at : at + size], "big")
            at += size
        if at + length > end:
            raise SignatureError("damaged signature envelope")
        return _Node(tag, at, at + length), at + length

    def children(self, start: int, end: int, depth: int, tag: int | None = None) -> list[_Node]:
        """The elements inside ``data[start:end]``; with ``tag``, first the one element
        there (which must have that tag), then its children."""
        if tag is not None:
            node, _ = self.element(start, end, depth)
            if node.tag != tag:
                raise SignatureError("not a signature envelope")
            start, end = node.start, node.end
        nodes: list[_Node] = []
        while start < end:
            node, start = self.element(start, end, depth + 1)
            nodes.append(node)
        return nodes

    def only(self, node: _Node, tag: int | None) -> _Node:
        """The single element inside an explicitly tagged ``node``."""
        inner, _ = self.element(node.start, node.end, 1)
        if tag is not None and inner.tag != tag:
            raise SignatureError("damaged signature envelope")
        return inner

    def octets(self, node: _Node, depth: int) -> bytes:
        """An octet string's bytes, joining the pieces of one cut into pieces."""
        if node.tag == _OCTETS:
            return self.data[node.start : node.end]
        if node.tag != _OCTETS_PIECES or depth > _DEPTH_MAX:
            raise SignatureError("damaged signature envelope")
        pieces = self.children(node.start, node.end, depth)
        return b"".join(self.octets(piece, depth + 1) for piece in pieces)
