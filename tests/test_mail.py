"""E-mail messages (.eml) read as sources: the body with the sender, date and subject, a
forwarded message unwrapped from its forwarding note, the signature set aside, attachments
read as sources of their own, and one-line errors for files that are not messages."""

from __future__ import annotations

import io
import logging
import mailbox
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.errors import SourceError
from briefing.grounding import align_quote
from briefing.mail import iso_date, sender_name
from briefing.models import Source
from briefing.sources import load_sources
from tests.pdf_writer import Text, pdf_bytes
from tests.source_files import read_all, read_error
from tests.test_docx import docx_bytes, para, run
from tests.tnef_writer import tnef_bytes

DELAY = (
    "The transport ministry will delay the congestion charge for the river crossings until "
    "1 April 2031, its minister, Pilar Andersen, told the regional assembly."
)
OBJECTION = (
    "The hauliers' federation warned that the charge would add 14 percent to the cost of a "
    "delivery across the estuary."
)
BODY = f"{DELAY}\n\n{OBJECTION}\n"
LONG_REPORT = " ".join(["The crossing carried 41,000 vehicles a day in the survey year."] * 6)


def message(
    body: str | None = BODY,
    *,
    subject: str = "Congestion charge for the river crossings",
    sender: str = "Transport Ministry Press Office <press@transport.example>",
    sent: str = "Tue, 01 Dec 2026 16:05:00 +0100",
    html: str | None = None,
) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "Newsdesk <desk@paper.example>"
    mail["Subject"] = subject
    mail["Date"] = sent
    if body is not None:
        mail.set_content(body)
    if html is not None:
        if body is None:
            mail.set_content(html, subtype="html")
        else:
            mail.add_alternative(html, subtype="html")
    return mail


def load_all(
    tmp_path: Path, mail: EmailMessage | bytes, name: str = "statement.eml"
) -> list[Source]:
    return read_all(tmp_path / name, mail if isinstance(mail, bytes) else bytes(mail))


def load(tmp_path: Path, mail: EmailMessage | bytes) -> Source:
    (source,) = load_all(tmp_path, mail)
    return source


def error(tmp_path: Path, mail: EmailMessage | bytes) -> str:
    return read_error(tmp_path / "statement.eml", mail if isinstance(mail, bytes) else bytes(mail))


def test_a_message_is_its_body_with_subject_sender_and_date(tmp_path: Path) -> None:
    source = load(tmp_path, message(subject="Re: RE: Congestion charge for the river crossings"))
    assert source.text == BODY.strip()
    assert source.title == "Congestion charge for the river crossings"
    assert source.outlet == "Transport Ministry Press Office"
    assert source.published == "2026-12-01"
    for sentence in (DELAY, OBJECTION):
        found = align_quote(sentence, source.text)
        assert found is not None and found.match == "exact"


def test_a_forwarded_message_is_the_original_and_the_note_is_set_aside(tmp_path: Path) -> None:
    """Gmail's form: the source is the forwarded statement, with its own sender, date and
    subject; the colleague's note is not the ministry's words and is not in the text."""
    body = (
        "Worth a look for tomorrow - they are backing down.\n\nMarta\n\n"
        "---------- Forwarded message ---------\n"
        "From: Transport Ministry Press Office <press@transport.example>\n"
        "Date: Mon, Nov 30, 2026 at 4:30 PM\n"
        "Subject: Congestion charge for the river crossings\n"
        "To: Newsdesk <desk@paper.example>\n\n\n"
        f"{BODY}\n-- \nPress Office | Transport Ministry\n+00 1 234 5678\n"
    )
    source = load(
        tmp_path,
        message(body, subject="Fwd: Congestion charge", sender="Marta <marta@paper.example>"),
    )
    assert source.text == BODY.strip()
    assert (source.title, source.outlet, source.published) == (
        "Congestion charge for the river crossings",
        "Transport Ministry Press Office",
        "2026-11-30",
    )
    reasons = {dropped.reason: dropped.text for dropped in source.dropped}
    assert "backing down" in reasons["forwarding note above the forwarded message"]
    assert reasons["e-mail signature"].startswith("Press Office | Transport Ministry")


def test_a_forward_of_a_forward_is_the_innermost_message(tmp_path: Path) -> None:
    inner = (
        "Begin forwarded message:\n\n"
        "From: Pilar Andersen <minister@transport.example>\n\n"
        "Subject: River crossings\n\n"
        "Date: 28 November 2026 at 09:15:00 CET\n\n"
        "To: Press Office <press@transport.example>\n\n"
        f"{BODY}"
    )
    outer = (
        "See below.\n\n---------- Forwarded message ---------\n"
        "From: Press Office <press@transport.example>\nDate: Sun, Nov 29, 2026\n"
        f"Subject: Fwd: River crossings\n\nFor the record.\n\n{inner}"
    )
    source = load(tmp_path, message(outer, subject="Fwd: Fwd: River crossings"))
    assert source.text == BODY.strip()
    assert (source.title, source.outlet, source.published) == (
        "River crossings",
        "Pilar Andersen",
        "2026-11-28",
    )
    (note,) = source.dropped
    assert "See below." in note.text and "For the record." in note.text


OUTLOOK_QUOTE = (
    "________________________________\n"
    "From: Transport Ministry Press Office <press@transport.example>\n"
    "Sent: Monday, 30 November 2026 16:30\n"
    "To: Newsdesk\n"
    "Subject: Congestion charge for the river crossings\n\n"
    f"{BODY}"
)


def test_outlook_forward_is_unwrapped_but_a_reply_keeps_its_own_words(tmp_path: Path) -> None:
    """Outlook writes the same block above a forwarded and a replied-to message: only the
    subject tells them apart, and a spokesperson's reply above the quote is the source, the
    message it quotes (another sender's, of another day) set aside."""
    forwarded = load(tmp_path, message(f"FYI\n\n{OUTLOOK_QUOTE}", subject="FW: Congestion"))
    assert forwarded.text == BODY.strip() and forwarded.published == "2026-11-30"
    reply = "The minister stands by the delay and will not comment further."
    replied = load(tmp_path, message(f"{reply}\n\n{OUTLOOK_QUOTE}", subject="RE: Congestion"))
    assert replied.text == reply and replied.published == "2026-12-01"
    [quoted] = replied.dropped
    assert quoted.text == OUTLOOK_QUOTE.strip() and quoted.reason.startswith("earlier message")


@pytest.mark.parametrize(
    "quotation",
    [
        # Gmail, its attribution wrapped onto a second line
        "On Mon, Nov 30, 2026 at 4:30 PM Transport Ministry Press Office <\n"
        "press@transport.example> wrote:\n\n> {DELAY}\n>\n> {OBJECTION}\n",
        # Thunderbird, in German
        "Am 30.11.26 um 16:30 schrieb Pressestelle:\n> {DELAY}\n> {OBJECTION}\n",
        # Outlook's plain text of old, the subject saying RE:
        "-----Original Message-----\nFrom: Press Office\nSent: 30 November 2026\n"
        "Subject: Congestion\n\n{DELAY}\n\n{OBJECTION}\n",
    ],
)
def test_a_reply_sets_aside_the_message_it_quotes(tmp_path: Path, quotation: str) -> None:
    reply = "We stand by the delay.\n\nThe minister will not comment further."
    quotation = quotation.format(DELAY=DELAY, OBJECTION=OBJECTION)
    source = load(tmp_path, message(f"{reply}\n\n{quotation}", subject="Re: Congestion"))
    assert source.text == reply and source.published == "2026-12-01"
    assert [d.text for d in source.dropped] == [quotation.strip()]


def test_answers_between_quoted_questions_are_kept(tmp_path: Path) -> None:
    body = (
        "Answers below.\n\n> Will the charge start in March?\n\nNo, in June.\n\n"
        "> Are lorries exempt?\n> From the charge, I mean.\nYes, until 2028.\n"
    )
    source = load(tmp_path, message(body, subject="RE: Questions"))
    assert source.text == "Answers below.\n\nNo, in June.\n\nYes, until 2028."
    assert [d.text for d in source.dropped] == [
        "> Will the charge start in March?",
        "> Are lorries exempt?\n> From the charge, I mean.",
    ]


def test_a_message_that_is_all_quotation_is_kept_whole(tmp_path: Path) -> None:
    body = f"> {DELAY}\n> {OBJECTION}\n"
    source = load(tmp_path, message(body, subject="Re: Congestion"))
    assert DELAY in source.text and OBJECTION in source.text and source.dropped == []


def test_an_html_body_is_read_when_the_plain_one_is_a_stub(tmp_path: Path) -> None:
    html = (
        "<html><head><style>p {color: red}</style></head><body><table><tr><td>"
        "<p>FYI</p><div><b>From:</b> Transport Ministry Press Office "
        "&lt;press@transport.example&gt;<br><b>Sent:</b> Monday, November 30, 2026 4:30 PM<br>"
        "<b>To:</b> Newsdesk<br><b>Subject:</b> Congestion charge</div>"
        f"<p>{DELAY}</p><p>{OBJECTION}</p></td></tr></table></body></html>"
    )
    stub = "This message is best viewed in a browser."
    source = load(tmp_path, message(stub, html=html, subject="FW: Congestion charge"))
    assert source.text == f"{DELAY}\n\n{OBJECTION}"
    assert (source.outlet, source.published) == ("Transport Ministry Press Office", "2026-11-30")


def test_a_faithful_plain_body_is_preferred_to_the_html(tmp_path: Path) -> None:
    html = f"<p>{DELAY}</p><p>{OBJECTION}</p><p>Unsubscribe from these e-mails</p>"
    assert load(tmp_path, message(BODY, html=html)).text == BODY.strip()


def test_attachments_are_sources_named_after_the_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mail = message(BODY + "\n" + LONG_REPORT)
    report = pdf_bytes([[Text("Crossing traffic survey", 72, 720, 16), Text(DELAY, 72, 690, 10)]])
    mail.add_attachment(report, maintype="application", subtype="pdf", filename="survey.pdf")
    word = docx_bytes(para(run(OBJECTION)))
    mail.add_attachment(
        word,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="../../federation.docx",
    )
    mail.add_attachment(b"BEGIN:VCALENDAR", maintype="text", subtype="calendar", filename="a.ics")
    mail.add_attachment(b"%PDF-1.7 broken", maintype="application", subtype="pdf", filename="x.pdf")
    mail.add_attachment(b"\x89PNG logo", maintype="image", subtype="png", disposition="inline")
    mail.add_attachment(
        b"PK\x03\x04", maintype="application", subtype="x-iwork-pages", filename="old.pages"
    )
    with caplog.at_level(logging.INFO, logger="briefing.sources"):
        sources = load_all(tmp_path, mail)
    where = str(tmp_path / "statement.eml")
    assert [s.path for s in sources] == [where, f"{where}#survey.pdf", f"{where}#federation.docx"]
    assert sources[1].title == "Crossing traffic survey"
    assert {(s.outlet, s.published) for s in sources} == {
        ("Transport Ministry Press Office", "2026-12-01")
    }
    assert sources[1].text == f"Crossing traffic survey\n\n{DELAY}"
    assert sources[2].text == OBJECTION
    assert f"skipping {where}#a.ics: not a document type briefing reads" in caplog.text
    assert f"{where}#x.pdf" in caplog.text  # the damaged PDF: warned, the rest still read
    assert f"skipping {where}#old.pages: a Pages document; export it as" in caplog.text


def test_a_short_covering_note_beside_an_attachment_is_not_a_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mail = message("Please find our statement attached.\n\nPress Office")
    mail.add_attachment(BODY.encode(), maintype="text", subtype="plain", filename="statement.txt")
    with caplog.at_level(logging.INFO, logger="briefing.sources"):
        (source,) = load_all(tmp_path, mail)
    assert source.path is not None and source.path.endswith("statement.eml#statement.txt")
    assert "short covering note is not a source" in caplog.text
    # The statement has no outlet or date of its own: the message's sender sent it, that day.
    assert (source.outlet, source.published) == ("Transport Ministry Press Office", "2026-12-01")


def test_an_attachment_keeps_its_own_sender_and_date(tmp_path: Path) -> None:
    """An attached message keeps its own sender and date; a file forwarded with a message
    is dated and sent as the forwarded original."""
    inner = message(
        sender="Harbour Council <news@harbour.example>", sent="Mon, 30 Nov 2026 09:00:00 +0000"
    )
    outer = message("Please find their statement attached.", subject="Fwd: statement")
    outer.add_attachment(inner)
    outer.add_attachment(OBJECTION.encode(), maintype="text", subtype="plain", filename="n.txt")
    attached, notes = load_all(tmp_path, outer)
    assert (attached.outlet, attached.published) == ("Harbour Council", "2026-11-30")
    assert (notes.outlet, notes.published) == ("Transport Ministry Press Office", "2026-12-01")
    forward = (
        "See below.\n\n---------- Forwarded message ---------\n"
        "From: Harbour Council <news@harbour.example>\nDate: Mon, 30 Nov 2026 at 09:00\n"
        f"Subject: Levy\nTo: Newsdesk <desk@paper.example>\n\n{BODY}\n\n{LONG_REPORT}"
    )
    mail = message(forward, subject="Fwd: Levy")
    mail.add_attachment(OBJECTION.encode(), maintype="text", subtype="plain", filename="a.txt")
    body, attachment = load_all(tmp_path, mail, name="forward.eml")
    assert (body.outlet, body.published) == ("Harbour Council", "2026-11-30")
    assert (attachment.outlet, attachment.published) == ("Harbour Council", "2026-11-30")


def test_a_message_forwarded_as_an_attachment_is_read_as_one(tmp_path: Path) -> None:
    inner = message(subject="Congestion charge for the river crossings")
    outer = message("Please find our statement attached.", subject="Fwd: statement")
    outer.add_attachment(inner)
    (source,) = load_all(tmp_path, outer)
    assert source.path is not None
    assert source.path.endswith("#Congestion charge for the river crossings.eml")
    assert (source.text, source.outlet) == (BODY.strip(), "Transport Ministry Press Office")


def test_messages_nested_past_the_limit_are_skipped_not_a_crash(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mail = message(subject="level 0", body=f"{DELAY}\n\n{LONG_REPORT}")
    for level in range(1, 9):
        outer = message(f"Level {level}: {OBJECTION}\n\n{LONG_REPORT}", subject=f"level {level}")
        outer.add_attachment(mail)
        mail = outer
    sources = load_all(tmp_path, mail)
    assert len(sources) == 6  # the message and five levels of attached messages
    assert "nested more than 5 deep" in caplog.text


def test_a_folder_reads_its_messages(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(bytes(message()))
    (tmp_path / "b.txt").write_text(LONG_REPORT, encoding="utf-8")
    assert [s.title for s in load_sources([str(tmp_path)])][0] == (
        "Congestion charge for the river crossings"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 01 Dec 2026 23:30:00 -0800", "2026-12-01"),
        ("Mon, Nov 30, 2026 at 4:30 PM", "2026-11-30"),
        ("Monday, 30 November 2026 16:30", "2026-11-30"),
        ("Montag, 30. November 2026 16:30", "2026-11-30"),
        ("2026-11-30 16:30", "2026-11-30"),
        ("sometime last week", None),
        ("Feb 30, 2026", None),
    ],
)
def test_dates_as_mail_programs_write_them(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            '"Press Office, Transport Ministry" <press@transport.example>',
            "Press Office, Transport Ministry",
        ),
        ("press@transport.example", "transport.example"),
        ("Press Office [mailto:press@transport.example]", "Press Office"),
        ("<press@transport.example>", "transport.example"),
    ],
)
def test_the_sender_is_a_name_or_a_domain_never_an_address(value: str, expected: str) -> None:
    assert sender_name(value) == expected


def test_a_signature_line_inside_a_long_tail_cuts_nothing(tmp_path: Path) -> None:
    body = f"{DELAY}\n--\n" + "\n".join(f"{number}. {OBJECTION}" for number in range(14))
    source = load(tmp_path, message(body))
    assert source.dropped == [] and source.text.endswith(f"13. {OBJECTION}")


def test_a_text_file_named_eml_is_one_line_error(tmp_path: Path) -> None:
    assert error(tmp_path, BODY.encode()) == (
        "cannot read e-mail: FILE (no message headers; not an .eml file)"
    )


def test_an_encrypted_message_is_one_line_error(tmp_path: Path) -> None:
    mail = message(None)
    mail.set_content(b"\x30\x80 ciphertext", maintype="application", subtype="pkcs7-mime")
    assert error(tmp_path, mail) == "cannot read e-mail: FILE (the message is encrypted)"


def test_a_message_with_nothing_to_read_is_one_line_error(tmp_path: Path) -> None:
    mail = message("-- \nPress Office")
    mail.add_attachment(b"BEGIN:VCALENDAR", maintype="text", subtype="calendar", filename="a.ics")
    assert error(tmp_path, mail) == "e-mail has no text and no readable attachment: FILE"


def test_briefing_sources_shows_what_the_message_gave_and_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "For the desk.\n\n---------- Forwarded message ---------\n"
        "From: Transport Ministry Press Office <press@transport.example>\n"
        f"Date: Mon, Nov 30, 2026 at 4:30 PM\nSubject: Crossings\n\n{BODY}\n-- \nPress Office\n"
    )
    path = tmp_path / "fwd.eml"
    path.write_bytes(bytes(message(body, subject="Fwd: Crossings")))
    assert main(["sources", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("=== Crossings [")
    assert lines[1] == "--- outlet: Transport Ministry Press Office; published: 2026-11-30"
    assert "--- dropped (forwarding note above the forwarded message): 'For the desk.'" in lines
    assert "--- dropped (e-mail signature): 'Press Office'" in lines


def test_a_mailbox_gives_each_message_in_order(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An .mbox export (and a mail program's folder file, which has no extension): each
    message read as an .eml is, named by its number, one with nothing to read skipped with a
    warning; a body line that began "From " (the mailbox writes ">From ") is restored."""
    path = tmp_path / "Statements.mbox"
    box = mailbox.mbox(str(path))
    box.add(message(f"{DELAY}\n\nFrom the minister's office: {OBJECTION}\n"))
    box.add(message("-- \nPress Office", subject="Signature only"))
    box.add(message(LONG_REPORT, subject="Traffic survey", sender="Survey Unit <s@t.example>"))
    box.close()
    sources = load_sources([str(path)])
    assert [(s.path, s.title) for s in sources] == [
        (f"{path}#1", "Congestion charge for the river crossings"),
        (f"{path}#3", "Traffic survey"),
    ]
    assert sources[0].text == f"{DELAY}\n\nFrom the minister's office: {OBJECTION}"
    assert f"e-mail has no text and no readable attachment: {path}#2" in caplog.text
    folder_file = tmp_path / "Inbox"
    folder_file.write_bytes(path.read_bytes())
    assert [s.text for s in load_sources([str(folder_file)])] == [s.text for s in sources]


def test_a_file_named_mbox_that_is_not_one_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "Statements.mbox"
    path.write_bytes(BODY.encode())
    with pytest.raises(SourceError) as caught:
        load_sources([str(path)])
    assert str(caught.value) == f"cannot read mailbox: {path} (not an mbox file)"


def test_a_message_piped_to_standard_input_is_read_as_one(tmp_path: Path) -> None:
    """A mail pipeline delivers each message on stdin (``briefing generate -``), and a mail
    program's saved message may have no extension: both are read as e-mail, by content."""
    mail = message()
    mail.add_attachment(LONG_REPORT.encode(), maintype="text", subtype="plain", filename="s.txt")
    stream = io.TextIOWrapper(io.BytesIO(bytes(mail)), encoding="utf-8")
    piped = load_sources(["-"], stdin=stream)
    assert [(s.path, s.title, s.outlet) for s in piped] == [
        ("-", "Congestion charge for the river crossings", "Transport Ministry Press Office"),
        ("-#s.txt", "s", "Transport Ministry Press Office"),
    ]
    assert piped[0].text == BODY.strip()
    no_extension = load_all(tmp_path, mail, name="statement")
    assert [s.text for s in no_extension] == [s.text for s in piped]


def test_text_that_only_opens_like_a_header_stays_text() -> None:
    """A note that starts "From:" but has no Date or Subject is not a message."""
    stream = io.TextIOWrapper(io.BytesIO(f"From: the desk\n\n{BODY}".encode()), encoding="utf-8")
    [source] = load_sources(["-"], stdin=stream)
    assert source.text == f"From: the desk\n\n{BODY.strip()}"


def test_a_message_whose_body_is_binary_noise_is_not_a_source(tmp_path: Path) -> None:
    """Whatever format claims it, text that is mostly control and replacement characters is
    binary data, refused as a binary .txt is."""
    noise = bytes(range(256)) * 40
    data = b"From: a@b.example\nSubject: Scan\nContent-Type: text/plain\n\n" + noise
    assert error(tmp_path, data) == "not a text document (binary data): FILE"


@pytest.mark.parametrize("sender", [b"a <b@", b"=?utf-8?q?x?= <a@["])
def test_a_header_the_parser_chokes_on_is_no_crash(tmp_path: Path, sender: bytes) -> None:
    """The standard library parses a header when it is asked for, and these make it raise
    (IndexError, AttributeError): the message is read without the header's value."""
    data = b"From: " + sender + b"\nSubject: Crossings\nDate: Tue, 1 Dec 2026 10:00:00 +0000\n\n"
    source = load(tmp_path, data + BODY.encode())
    assert (source.title, source.outlet, source.text) == ("Crossings", None, BODY.strip())


def test_a_short_statement_beside_an_attachment_saying_less_is_kept(tmp_path: Path) -> None:
    """A 30-word statement with a letterhead attached whose text is a few words: the body is
    the statement, not a covering note."""
    mail = message(DELAY)
    mail.add_attachment(b"Transport Ministry", maintype="text", subtype="plain", filename="h.txt")
    sources = load_all(tmp_path, mail)
    assert [s.text for s in sources] == [DELAY, "Transport Ministry"]


@pytest.mark.parametrize("subject", ["FW: Congestion", "RE: Congestion"])
def test_many_header_like_lines_are_read_in_linear_time(tmp_path: Path, subject: str) -> None:
    """Every "From:" line may start a block: each is looked at a bounded number of lines on,
    and a run that is no block is passed over whole (this took minutes, a scan per line)."""
    body = "".join(f"From: sender{n}@example.org\n" for n in range(30_000)) + DELAY
    started = time.perf_counter()
    source = load(tmp_path, message(body, subject=subject))
    assert time.perf_counter() - started < 10
    assert source.text.endswith(DELAY)


def test_a_certified_mail_envelope_gives_the_message_it_carries(tmp_path: Path) -> None:
    """Italy's certified e-mail (PEC): the provider signs an envelope whose body is its own
    notice ("the message was sent by ... to ...") and attaches the sender's message; the
    notice, however long, is not a source, and the message is read with its own sender."""
    original = message(f"{BODY}\n{LONG_REPORT}", subject="Comunicato sul pedaggio")
    inner = EmailMessage()
    inner.set_content(
        "Messaggio di posta certificata\n\nIl giorno 01/12/2026 alle ore 16:05:00 (+0100) il "
        'messaggio "Comunicato sul pedaggio" è stato inviato da "press@transport.example" '
        "indirizzato a: desk@paper.example\nIl messaggio originale è incluso in allegato, "
        "insieme ai dati di certificazione che ne attestano l'integrità, la data e l'ora "
        "di invio secondo le regole tecniche del servizio.\n"
        "Identificativo messaggio: opec210.20261201160500.12345.67.1.1@pec.provider.example\n"
    )
    inner.add_attachment(original)
    inner.add_attachment(
        b"<postacert/>", maintype="application", subtype="xml", filename="daticert.xml"
    )
    envelope = EmailMessage()
    envelope["From"] = '"Per conto di: press@transport.example" <posta-certificata@pec.example>'
    envelope["Subject"] = "POSTA CERTIFICATA: Comunicato sul pedaggio"
    envelope["Date"] = "Tue, 01 Dec 2026 16:05:01 +0100"
    envelope["X-Trasporto"] = "posta-certificata"
    envelope.make_mixed()
    envelope.set_type("multipart/signed")
    envelope.attach(inner)
    signature = EmailMessage()
    signature.set_content(
        b"0\x82sig", maintype="application", subtype="pkcs7-signature", filename="smime.p7s"
    )
    envelope.attach(signature)
    sources = load_all(tmp_path, bytes(envelope), name="pec.eml")
    assert [(s.title, s.outlet) for s in sources] == [
        ("Comunicato sul pedaggio", "Transport Ministry Press Office")
    ]
    assert sources[0].text.startswith(BODY.strip())


def test_an_attachment_with_no_name_is_read_by_its_type(tmp_path: Path) -> None:
    """Some mail programs send a file with no name, only its type: the type names it, so it
    is read as that type (a PowerPoint 97-2003 deck here)."""
    from tests.ppt_writer import Slide, deck, shape

    mail = message(BODY + "\n" + LONG_REPORT)
    mail.add_attachment(
        deck([Slide(shapes=(shape(OBJECTION),))]),
        maintype="application",
        subtype="vnd.ms-powerpoint",
    )
    sources = load_all(tmp_path, mail)
    assert sources[1].path == f"{tmp_path / 'statement.eml'}#attachment 1.ppt"
    assert sources[1].text == OBJECTION


def with_winmail(mail: EmailMessage, tnef: bytes) -> EmailMessage:
    mail.add_attachment(tnef, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    return mail


@pytest.mark.parametrize("as_objects", [False, True], ids=["data", "mapi-object"])
def test_the_files_outlook_put_in_winmail_dat_are_attachments(
    tmp_path: Path, as_objects: bool
) -> None:
    """Outlook sends its rich-text messages to other mail programs with their attachments
    inside winmail.dat (TNEF): those files are the message's own, by their long names,
    whether their bytes are the attachment's data or a MAPI object (its interface id
    before them)."""
    statement = docx_bytes(para(run(DELAY)) + para(run(OBJECTION)))
    name = "Ministry statement on the charge.docx"
    tnef = tnef_bytes([(name, statement)], as_objects=as_objects)
    sources = load_all(tmp_path, with_winmail(message("Please find our statement attached."), tnef))
    assert [(s.path, s.text) for s in sources] == [
        (str(tmp_path / "statement.eml#Ministry statement on the charge.docx"), BODY.strip())
    ]
    assert sources[0].outlet == "Transport Ministry Press Office"


def test_a_message_whose_body_is_in_winmail_dat_is_read_from_it(tmp_path: Path) -> None:
    """With no body of its own, the message's body is the RTF inside winmail.dat; a file
    there with only a short name keeps it."""
    rtf = (r"{\rtf1\ansi " + DELAY + r"\par " + OBJECTION + r"\par}").encode()
    tnef = tnef_bytes([("notes.txt", LONG_REPORT.encode())], rtf=rtf, long_names=False)
    body, notes = load_all(tmp_path, with_winmail(message(""), tnef))
    assert body.text == BODY.strip() and body.title == "Congestion charge for the river crossings"
    assert (notes.path, notes.text) == (str(tmp_path / "statement.eml#notes.txt"), LONG_REPORT)


def test_a_message_whose_only_body_is_html_in_winmail_dat_is_read_from_it(tmp_path: Path) -> None:
    html = f"<html><body><p>{DELAY}</p><p>{OBJECTION}</p></body></html>".encode()
    body = load(tmp_path, with_winmail(message(""), tnef_bytes(html=html)))
    assert body.text == BODY.strip()


def test_a_damaged_winmail_dat_is_skipped_saying_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    tnef = tnef_bytes([("notes.txt", LONG_REPORT.encode())])[:-20]
    with caplog.at_level(logging.WARNING, logger="briefing.sources"):
        source = load(tmp_path, with_winmail(message(), tnef))
    assert source.text == BODY.strip()
    assert "statement.eml#winmail.dat: a damaged winmail.dat (TNEF)" in caplog.text
