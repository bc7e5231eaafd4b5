"""Signed files (.p7m): the file inside a CMS signature envelope, read as what it is; and
e-mail signed opaquely."""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing.cms import SignatureError, signed_content
from tests.pdf_writer import Text, pdf_bytes
from tests.source_files import read_all, read_error, read_one

STATEMENT = "The harbour council opposes the tidal barrier levy in its current form."
SIGNED_DATA = bytes.fromhex("06092a864886f70d010702")
ENVELOPED_DATA = bytes.fromhex("06092a864886f70d010703")
DATA = bytes.fromhex("06092a864886f70d010701")
SHA256 = bytes.fromhex("0609608648016503040201")


def der(tag: int, *content: bytes) -> bytes:
    body = b"".join(content)
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + body


def open_length(tag: int, *content: bytes) -> bytes:
    """BER's open length: the content, then two zero bytes."""
    return bytes([tag, 0x80]) + b"".join(content) + b"\x00\x00"


def envelope(content: bytes | None, *, kind: bytes = SIGNED_DATA, pieces: int = 0) -> bytes:
    """A signed-data envelope around ``content`` (none: a detached signature); ``pieces``
    cuts the content into that many octet strings under open lengths, as streaming signers
    write it. The certificate and signer are placeholders: nothing checks them."""
    if content is None:
        encapsulated = der(0x30, DATA)
    elif pieces:
        step = -(-len(content) // pieces)
        chunks = [der(0x04, content[i : i + step]) for i in range(0, len(content), step)]
        encapsulated = open_length(0x30, DATA, open_length(0xA0, open_length(0x24, *chunks)))
    else:
        encapsulated = der(0x30, DATA, der(0xA0, der(0x04, content)))
    signed = der(
        0x30,
        der(0x02, b"\x01"),
        der(0x31, der(0x30, SHA256)),
        encapsulated,
        der(0xA0, der(0x30, b"\x05\x00")),  # a certificate, as far as this reader cares
        der(0x31, der(0x30, der(0x02, b"\x01"))),
    )
    if pieces:
        return open_length(0x30, kind, open_length(0xA0, signed))
    return der(0x30, kind, der(0xA0, signed))


def pdf() -> bytes:
    return pdf_bytes([[Text("Harbour levy", 72, 720, 16), Text(STATEMENT, 72, 690, 10)]])


def test_a_signed_pdf_is_read_as_the_pdf(tmp_path: Path) -> None:
    """``act.pdf.p7m``, as public administrations publish signed acts; the source keeps the
    signed file's name."""
    source = read_one(tmp_path / "act.pdf.p7m", envelope(pdf()))
    assert source.text == f"Harbour levy\n\n{STATEMENT}"
    assert source.path == str(tmp_path / "act.pdf.p7m")


def _pem(data: bytes) -> bytes:
    return b"-----BEGIN PKCS7-----\n" + base64.encodebytes(data) + b"-----END PKCS7-----\n"


@pytest.mark.parametrize(
    ("name", "wrap"),
    [
        ("act.pdf.p7m", lambda data: base64.encodebytes(envelope(data))),
        ("act.pdf.p7m", lambda data: _pem(envelope(data))),
        ("act.pdf.p7m", lambda data: envelope(data, pieces=3)),
        ("act.pdf.p7m.p7m", lambda data: envelope(envelope(data))),
    ],
    ids=["base64", "pem", "open-lengths-in-pieces", "signed-twice"],
)
def test_every_way_a_signer_writes_the_envelope(
    tmp_path: Path, name: str, wrap: Callable[[bytes], bytes]
) -> None:
    assert read_one(tmp_path / name, wrap(pdf())).text == f"Harbour levy\n\n{STATEMENT}"


def test_a_signed_file_named_without_its_own_extension_is_told_by_content(tmp_path: Path) -> None:
    assert read_one(tmp_path / "act.p7m", envelope(pdf())).text.endswith(STATEMENT)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (envelope(None), "a detached signature: the signed file is not inside it"),
        (envelope(b"secret", kind=ENVELOPED_DATA), "not a signed-data envelope"),
        (b"plain text, not a signature", "not a signature envelope"),
        (envelope(pdf())[:200], "damaged signature envelope"),
    ],
)
def test_unreadable_envelopes_are_one_line_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    assert read_error(tmp_path / "act.pdf.p7m", data).startswith(
        f"cannot read signed file: FILE ({reason}"
    )


def test_open_lengths_nested_deep_are_bounded() -> None:
    data = b"\x30\x80" * 50_000 + b"\x00\x00" * 50_000
    started = time.perf_counter()
    with pytest.raises(SignatureError):
        signed_content(data)
    assert time.perf_counter() - started < 5


def test_an_e_mail_signed_opaquely_is_read(tmp_path: Path) -> None:
    """Some mail programs sign a message by wrapping all of it (application/pkcs7-mime,
    signed-data): the body and attachments are inside the signature's envelope."""
    content = EmailMessage()
    content.set_content(STATEMENT)
    content.add_attachment(
        b"Annex: the levy is 2 euros.", maintype="text", subtype="plain", filename="annex.txt"
    )
    mail = EmailMessage()
    mail["From"] = "Harbour Council <press@harbour.example>"
    mail["Subject"] = "Levy statement"
    mail["Date"] = "Thu, 04 Mar 2032 09:30:00 +0000"
    mail.set_content(
        envelope(bytes(content)),
        maintype="application",
        subtype="pkcs7-mime",
        params={"smime-type": "signed-data", "name": "smime.p7m"},
    )
    sources = read_all(tmp_path / "signed.eml", bytes(mail))
    assert [s.text for s in sources] == [STATEMENT, "Annex: the levy is 2 euros."]
    assert (sources[0].outlet, sources[0].published) == ("Harbour Council", "2032-03-04")
    encrypted = EmailMessage()
    encrypted["From"] = "Harbour Council <press@harbour.example>"
    encrypted["Subject"] = "Levy statement"
    encrypted.set_content(
        envelope(b"ciphertext", kind=ENVELOPED_DATA),
        maintype="application",
        subtype="pkcs7-mime",
        params={"smime-type": "enveloped-data"},
    )
    message = read_error(tmp_path / "encrypted.eml", bytes(encrypted))
    assert message == "cannot read e-mail: FILE (the message is encrypted)"
