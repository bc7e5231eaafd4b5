"""Outlook messages (.msg): read into the same sources an .eml gives, from messages written
as [MS-OXMSG] describes them (``tests.msg_writer``)."""

from __future__ import annotations

import io
import logging
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing.rtf import decompress_rtf
from briefing.sources import load_sources
from tests.cfb_writer import compound_file
from tests.doc_writer import word_document
from tests.msg_writer import Attached, Message, outlook_message, uncompressed_rtf
from tests.source_files import read_all, read_error, read_one, zipped
from tests.test_signed import ENVELOPED_DATA, envelope

STATEMENT = (
    "The harbour council opposes the tidal barrier levy in its current form and will vote "
    "against it on 12 March unless the ferry routes are exempted from the charge."
)
# A body this long is a message's own statement, not a covering note for its attachments.
LONG = (
    f"{STATEMENT} The council's chair said the vote would go ahead as planned, whatever the "
    "ferry operators decide to do in the meantime, and that the exemption was still open."
)
REPLY = "The ferry operators said the levy would double the fare on the island routes."
SENT = datetime(2032, 3, 4, 9, 30, tzinfo=timezone.utc)


def test_a_message_is_a_source_with_its_sender_date_and_subject(tmp_path: Path) -> None:
    data = outlook_message(
        Message(
            subject="RE: Levy statement",
            body=f"{STATEMENT}\r\n",
            sender_name="Harbour Council Press Office",
            sender_smtp="press@harbour.example",
            sent=SENT,
        )
    )
    source = read_one(tmp_path / "statement.msg", data)
    assert (source.title, source.outlet, source.published) == (
        "Levy statement",
        "Harbour Council Press Office",
        "2032-03-04",
    )
    assert source.text == STATEMENT


@pytest.mark.parametrize(
    ("message", "outlet", "day"),
    [
        # No display name: the domain of the Internet address, never the address.
        (Message(sender_smtp="press@harbour.example"), "harbour.example", None),
        # A time never set (zero, as a draft's) is no date: not 1 January 1601.
        (Message(sent=datetime(1601, 1, 1, tzinfo=timezone.utc)), None, None),
        # An Exchange address names no one outside the organisation.
        (Message(sender_address="/O=EXCHANGE/OU=FIRST/CN=RECIPIENTS/CN=PRESS"), None, None),
        # The sender's own Date header gives the day where it was sent (here the 3rd),
        # which the UTC time of sending (the 4th) does not.
        (
            Message(
                headers="Received: by mx\r\nFrom: Ferry Union <union@ferry.example>\r\n"
                "Date: Tue, 3 Mar 2032 23:30:00 -0500\r\n",
                sent=datetime(2032, 3, 4, 4, 30, tzinfo=timezone.utc),
            ),
            "Ferry Union",
            "2032-03-03",
        ),
    ],
)
def test_sender_and_day(
    tmp_path: Path, message: Message, outlet: str | None, day: str | None
) -> None:
    message.body = STATEMENT
    source = read_one(tmp_path / "m.msg", outlook_message(message))
    assert (source.outlet, source.published) == (outlet, day)


def test_strings_in_a_code_page(tmp_path: Path) -> None:
    """Older Outlook versions store 8-bit strings in the message's code page."""
    body = "Городской совет выступает против сбора в нынешнем виде."
    message = Message(subject="Сбор", body=body, sender_name="Совет", codepage=1251)
    source = read_one(tmp_path / "ru.msg", outlook_message(message))
    assert (source.title, source.outlet, source.text) == ("Сбор", "Совет", body)


def test_an_html_body_is_read_when_there_is_no_plain_one(tmp_path: Path) -> None:
    html = f"<html><body><p>{STATEMENT}</p><p>{REPLY} ✓</p></body></html>".encode()
    message = Message(subject="Levy", html=html, codepage=65001)
    source = read_one(tmp_path / "html.msg", outlook_message(message))
    assert source.text == f"{STATEMENT}\n\n{REPLY} ✓"


def test_compressed_rtf() -> None:
    """The worked example of [MS-OXRTFCP] (section 3.1.1)."""
    compressed = bytes.fromhex(
        "2d0000002b0000004c5a4675f1c5c7a703000a0072637067313235423"
        "20af32068656c0900206277" + "05b06c647d0a800fa0"
    )
    assert decompress_rtf(compressed) == b"{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n"


def test_an_rtf_body_is_read_when_there_is_no_other(tmp_path: Path) -> None:
    rtf = f"{{\\rtf1\\ansi {STATEMENT}\\par {{\\b {REPLY}}}\\par}}".encode()
    message = Message(subject="Levy", rtf=uncompressed_rtf(rtf))
    source = read_one(tmp_path / "rtf.msg", outlook_message(message))
    assert source.text == f"{STATEMENT}\n\n{REPLY}"


def test_attachments_and_attached_messages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    reply = Message(
        subject="Ferry reply", body=f"{REPLY} We stand by it.", sender_name="Ferry Union"
    )
    data = outlook_message(
        Message(
            subject="Levy papers",
            body=f"{LONG}\r\n",
            sender_name="Harbour Council",
            attachments=[
                Attached(name="annex.doc", data=word_document(f"{REPLY}\r", title="Annex")),
                Attached(name="logo.png", data=b"\x89PNG", mime="image/png", content_id="l1"),
                Attached(name="hidden.txt", data=b"Not shown to the reader.", hidden=True),
                Attached(name="budget.xlsx", data=b"PK\x03\x04"),
                Attached(message=reply),
            ],
        )
    )
    with caplog.at_level(logging.INFO, logger="briefing.sources"):
        sources = read_all(tmp_path / "papers.msg", data)
    where = str(tmp_path / "papers.msg")
    assert [s.path for s in sources] == [where, f"{where}#annex.doc", f"{where}#Ferry reply.msg"]
    assert [s.text for s in sources] == [LONG, REPLY, f"{REPLY} We stand by it."]
    assert (sources[2].title, sources[2].outlet) == ("Ferry reply", "Ferry Union")
    assert f"skipping cannot read Excel workbook: {where}#budget.xlsx (damaged" in caplog.text
    assert "logo.png" not in caplog.text and "hidden.txt" not in caplog.text


def test_a_file_the_message_only_links_to_is_named_not_lost(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Outlook can attach a link to a file on a share, or an embedded object, instead of
    the file: the message does not hold the document, and the editor is told which."""
    data = outlook_message(
        Message(
            subject="Levy papers",
            body=f"{LONG}\r\n",
            attachments=[
                Attached(name="annex.pdf", data=b"\\\\council\\papers\\annex.pdf", method=2),
                Attached(name="Chart", data=b"\x01\x05", method=6),
            ],
        )
    )
    with caplog.at_level(logging.WARNING, logger="briefing.sources"):
        sources = read_all(tmp_path / "papers.msg", data)
    where = str(tmp_path / "papers.msg")
    assert [s.text for s in sources] == [LONG]
    assert f"skipping {where}#annex.pdf: attached as a link to a file elsewhere" in caplog.text
    assert f"skipping {where}#Chart: an object embedded in the message" in caplog.text


def test_a_covering_note_is_not_a_source(tmp_path: Path) -> None:
    data = outlook_message(
        Message(
            subject="Statement",
            body="Please find our statement attached.",
            attachments=[Attached(name="statement.txt", data=STATEMENT.encode())],
        )
    )
    sources = read_all(tmp_path / "note.msg", data)
    assert [s.text for s in sources] == [STATEMENT]


def test_a_forward_gives_the_original_and_sets_the_note_aside(tmp_path: Path) -> None:
    body = (
        "Worth a look before the vote.\r\n\r\n"
        "________________________________\r\n"
        "From: Harbour Council <press@harbour.example>\r\n"
        "Sent: Tuesday, 3 March 2032 10:00\r\n"
        "To: News Desk\r\n"
        "Subject: Levy statement\r\n\r\n"
        f"{STATEMENT}\r\n"
    )
    message = Message(subject="FW: Levy statement", body=body, sender_name="A. Editor", sent=SENT)
    source = read_one(tmp_path / "fw.msg", outlook_message(message))
    assert (source.text, source.outlet, source.published) == (
        STATEMENT,
        "Harbour Council",
        "2032-03-03",
    )
    assert [d.text for d in source.dropped] == ["Worth a look before the vote."]


def test_a_msg_in_a_press_pack_or_attached_to_an_e_mail(tmp_path: Path) -> None:
    data = outlook_message(Message(subject="Levy", body=STATEMENT, sender_name="Harbour Council"))
    [packed] = read_all(tmp_path / "pack.zip", zipped({"pack/levy.msg": data}))
    assert (packed.text, packed.outlet) == (STATEMENT, "Harbour Council")
    mail = EmailMessage()
    mail["From"] = "News Desk <desk@paper.example>"
    mail["Subject"] = "For the brief"
    mail.set_content("Attached, as promised.")
    mail.add_attachment(data, maintype="application", subtype="vnd.ms-outlook", filename="levy.msg")
    [attached] = read_all(tmp_path / "desk.eml", bytes(mail))
    assert attached.path.endswith("desk.eml#levy.msg") and attached.text == STATEMENT


def test_nesting_is_bounded(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inner = Message(subject="Level 0", body=STATEMENT)
    for level in range(1, 8):
        inner = Message(
            subject=f"Level {level}",
            body=f"{LONG} {level}",
            attachments=[Attached(message=inner)],
        )
    with caplog.at_level(logging.WARNING, logger="briefing.sources"):
        sources = read_all(tmp_path / "deep.msg", outlook_message(inner))
    assert [s.title for s in sources] == [f"Level {n}" for n in range(7, 1, -1)]
    assert "nested more than 5 deep" in caplog.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"From: someone\r\n\r\nnot a .msg", "not an Outlook .msg file"),
        (compound_file({"WordDocument": b"\xec\xa5" + bytes(100)}), "not an Outlook .msg file"),
        (
            outlook_message(Message(message_class="IPM.Note.SMIME", body="x")),
            "the message is encrypted",
        ),
        (outlook_message(Message(subject="Levy", body=STATEMENT))[:1100], "damaged"),
    ],
)
def test_unreadable_messages_are_one_line_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    assert read_error(tmp_path / "bad.msg", data) == f"cannot read Outlook message: FILE ({reason})"


def test_a_message_with_nothing_to_read_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.msg"
    path.write_bytes(outlook_message(Message(subject="Empty")))
    with pytest.raises(Exception, match="e-mail has no text and no readable attachment"):
        load_sources([str(path)])


def test_a_message_or_document_without_a_name_to_go_by_is_told_by_content(
    tmp_path: Path,
) -> None:
    """On standard input, or saved without an extension, an Outlook message and a Word
    97-2003 document are told apart by the streams inside the compound file."""
    message = outlook_message(Message(subject="Levy", body=STATEMENT, sender_name="Council"))
    document = word_document(f"{REPLY}\r")
    stream = io.TextIOWrapper(io.BytesIO(message), encoding="utf-8")
    [piped] = load_sources(["-"], stdin=stream)
    assert (piped.path, piped.outlet, piped.text) == ("-", "Council", STATEMENT)
    assert read_one(tmp_path / "levy", message).text == STATEMENT
    assert read_one(tmp_path / "annex", document).text == REPLY
    stream = io.TextIOWrapper(io.BytesIO(document), encoding="utf-8")
    assert [s.text for s in load_sources(["-"], stdin=stream)] == [REPLY]


def signed_entity(body: str, attachment: tuple[str, bytes]) -> bytes:
    """A clear-signed MIME entity (multipart/signed): the body and an attachment in a
    multipart of their own, then the signature."""
    content = EmailMessage()
    content.set_content(body)
    name, data = attachment
    content.add_attachment(data, maintype="text", subtype="plain", filename=name)
    signed = EmailMessage()
    signed.make_mixed()
    signed.set_type("multipart/signed")
    signed.set_param("protocol", "application/pkcs7-signature")
    signed.attach(content)
    signature = EmailMessage()
    signature.set_content(
        b"0\x82signature", maintype="application", subtype="pkcs7-signature", filename="smime.p7s"
    )
    signed.attach(signature)
    return bytes(signed)


def test_a_signed_message_is_read_as_its_reader_sees_it(tmp_path: Path) -> None:
    """Outlook keeps a clear-signed message's bodies and attachments as a signed MIME entity
    attached to it; the sender, subject and date are the message's own."""
    entity = signed_entity(LONG, ("annex.txt", REPLY.encode()))
    data = outlook_message(
        Message(
            subject="Levy statement",
            sender_name="Harbour Council",
            sent=SENT,
            message_class="IPM.Note.SMIME.MultipartSigned",
            attachments=[Attached(name="smime.p7m", data=entity, mime="multipart/signed")],
        )
    )
    sources = read_all(tmp_path / "signed.msg", data)
    assert [(s.text, s.outlet, s.published) for s in sources] == [
        (LONG, "Harbour Council", "2032-03-04"),
        (REPLY, "Harbour Council", "2032-03-04"),  # the attachment: the message's
    ]
    assert sources[1].path.endswith("signed.msg#annex.txt")


def test_a_signed_e_mail_keeps_its_attachments(tmp_path: Path) -> None:
    """A signed .eml holds its attachments inside the signed part; they were lost."""
    entity = signed_entity(LONG, ("annex.txt", REPLY.encode()))
    head = (
        b"From: Harbour Council <press@harbour.example>\r\nSubject: Levy statement\r\n"
        b"Date: Thu, 04 Mar 2032 09:30:00 +0000\r\nMIME-Version: 1.0\r\n"
    )
    sources = read_all(tmp_path / "signed.eml", head + entity)
    assert [s.text for s in sources] == [LONG, REPLY]


def test_a_message_signed_opaquely_is_read_from_inside_the_envelope(tmp_path: Path) -> None:
    """Signed opaquely, Outlook keeps the whole MIME entity inside a signature's envelope as
    the message's attachment; a message encrypted the same way has nothing to take out."""
    content = EmailMessage()
    content.set_content(LONG)
    content.add_attachment(REPLY.encode(), maintype="text", subtype="plain", filename="annex.txt")
    data = outlook_message(
        Message(
            subject="Levy statement",
            sender_name="Harbour Council",
            message_class="IPM.Note.SMIME",
            attachments=[Attached(name="smime.p7m", data=envelope(bytes(content)))],
        )
    )
    sources = read_all(tmp_path / "opaque.msg", data)
    assert [(s.text, s.outlet) for s in sources] == [
        (LONG, "Harbour Council"),
        (REPLY, "Harbour Council"),
    ]
    encrypted = outlook_message(
        Message(
            message_class="IPM.Note.SMIME",
            attachments=[Attached(name="smime.p7m", data=envelope(b"x", kind=ENVELOPED_DATA))],
        )
    )
    message = read_error(tmp_path / "sealed.msg", encrypted)
    assert message == "cannot read Outlook message: FILE (the message is encrypted)"
