"""Transcripts: a speaker's label names who speaks every sentence of the turn after it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from briefing.chunking import chunk_source
from briefing.cli import main
from briefing.grounding import GroundedChunk, ground_chunk
from briefing.models import ActorKind, ChunkExtraction, PositionDraft, RiskDraft, Source
from briefing.source_index import SourceIndex
from briefing.transcripts import author_turn, role_of_label, speaker_labels, transcript_turns
from tests.conftest import fact_sheet
from tests.fakeserver import FakeOpenAI, Reply
from tests.test_citations import cited, cited_sheet, run, sentence_number
from tests.test_grounding import assert_kept, ground_in, ground_risks_in, pos, risk


def grounded_in(
    text: str,
    title: str,
    positions: Sequence[PositionDraft] = (),
    risks: Sequence[RiskDraft] = (),
    author: str | None = None,
) -> GroundedChunk:
    """Ground drafts against a one-chunk source of ``text`` titled ``title`` (a speech's
    speaker may be named by its title only) and written by ``author``."""
    source = Source(id="one", title=title, text=text, author=author)
    chunk = chunk_source(source, max_chars=5000)[0]
    extraction = ChunkExtraction(positions=list(positions), risks=list(risks), events=[])
    return ground_chunk(SourceIndex(source), chunk, extraction)


def held_by(result: GroundedChunk, actor: str, kept: bool) -> None:
    """The one fact drafted for ``actor`` is held by ``actor`` (kept), or not: rejected, or
    given to the speaker the transcript names instead (the reasons shown)."""
    holders = [p.actor for p in result.positions] + [r.raised_by for r in result.risks]
    assert (holders == [actor]) is kept, (holders, [r.reason for r in result.rejected])


# A hearing, invented: labels in capitals, with an affiliation in one, a chair who introduces a
# witness by her body, a turn of two paragraphs, and a question.
HEARING = (
    "Hearing on the Online Safety Bill, 3 March 2026\n\n"
    "CHAIR LENA ORTIZ: The committee will come to order. Ms. Amara Okafor of the Digital "
    "Rights Coalition, you have the floor.\n\n"
    "AMARA OKAFOR: Thank you. We oppose the bill as drafted. Its scanning powers could be "
    "used against journalists and their sources.\n\n"
    "SENATOR DAVID KIM: I agree with Ms. Okafor on one point only.\n\n"
    "The bill protects children, and the scanning provisions are narrow.\n\n"
    "TOMAS REYES (Veltra Software Association): Our members back the bill's aim. "
    "Senator Kim said the provisions are narrow, and he is wrong.\n\n"
    "Q: Will the government accept amendments?\n\n"
    "MINISTER ANNA WEBER: We are open to amendments that keep children safe.\n"
)


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("SENATOR DAVID KIM: I believe it goes too far.", "SENATOR DAVID KIM"),
        ("THE PRESIDENT: No.", "THE PRESIDENT"),
        ("DAVID KIM: No.", "DAVID KIM"),
        ("**Senator Kim:** No.", "Senator Kim"),
        ("Mr Smith (Bristol West) (Lab): No.", "Mr Smith (Bristol West) (Lab)"),
        ("Senator Kim: No.", "Senator Kim"),
        ("Chair Ortiz: Order.", "Chair Ortiz"),
        ("The Chair: Order.", "The Chair"),
        ("Anna Weber: We disagree.", "Anna Weber"),
        (
            "Mr. Reyes (Veltra Software Association): We back it.",
            "Mr. Reyes (Veltra Software Association)",
        ),
        (
            "TOMAS REYES, Veltra Software Association: We back it.",
            "TOMAS REYES, Veltra Software Association",
        ),
        ("Q: Will you sign?", None),
        ("Answer: Yes.", None),
    ],
)
def test_a_label_names_the_speaker(line: str, speaker: str | None) -> None:
    words = line.index(":") + (4 if ":**" in line else 2)
    assert speaker_labels(line) == [(line.index(line.lstrip("*")), words, speaker)]


def test_a_label_may_stand_on_its_own_line_and_a_bare_q_asks() -> None:
    text = "SENATOR DAVID KIM:\nI believe it goes too far.\n\nQ    Will you vote for it?\n"
    assert speaker_labels(text) == [
        (0, text.index("I believe"), "SENATOR DAVID KIM"),
        (text.index("Q "), text.index("Will"), None),
    ]


def test_a_plain_name_in_capitals_needs_the_text_to_bear_it_out() -> None:
    """ "AMARA OKAFOR" is a speaker where the text names Ms. Okafor, or "KIM" another label's
    surname; a line in capitals that names no one elsewhere still ends the turn before it,
    naming no speaker, and a section's label in capitals is no label at all."""
    borne = (
        "Our guest is Amara Okafor.\n\nAMARA OKAFOR: Thank you.\n\n"
        "DAVID KIM: Welcome.\n\nKIM: Go on.\n\nVERDICT: It passed."
    )
    assert [speaker for *_, speaker in speaker_labels(borne)] == [
        "AMARA OKAFOR",
        "DAVID KIM",
        "KIM",
        None,
    ]
    sections = "THE BIG PICTURE: The bill passed.\n\nBY THE NUMBERS: 12 votes."
    assert speaker_labels(sections) == []
    # A name in title case whose given name no table knows is read the same way; a section's
    # label in title case is not borne out by its own words.
    title_case = "Our guest is Amara Okafor.\n\nAmara Okafor: Thank you.\n\nBottom Line: Yes."
    assert [speaker for *_, speaker in speaker_labels(title_case)] == ["Amara Okafor", None]
    # A roundup's places in capitals name no speaker, though the text names the place.
    roundup = "LONDON: Ministers met in London.\n\nPARIS: The vote in Paris was delayed."
    assert [speaker for *_, speaker in speaker_labels(roundup)] == [None, None]


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE: The vote was delayed.",
        "Editor's note: This story was corrected.",
        "Key points: the bill passed.",
        "The Bottom Line: a vote is due.",
        "Background: the bill was tabled in May.",
        "At 10:30 the committee met.",
        "Critics say the bill goes too far: it scans messages.",
        "He said: the bill goes too far.",
        "Sen. Ana Ruiz, a Veltra Democrat, was quoted as saying: the bill goes too far.",
    ],
)
def test_words_before_a_colon_in_news_are_no_label(line: str) -> None:
    assert speaker_labels(line) == []


def test_a_turn_runs_to_the_next_label_and_one_label_makes_no_transcript() -> None:
    turns = transcript_turns(HEARING)
    assert [turn.speaker for turn in turns] == [
        "CHAIR LENA ORTIZ",
        "AMARA OKAFOR",
        "SENATOR DAVID KIM",
        "TOMAS REYES (Veltra Software Association)",
        None,
        "MINISTER ANNA WEBER",
    ]
    kim = turns[2]
    assert HEARING[kim.words_start : kim.end].strip() == (
        "I agree with Ms. Okafor on one point only.\n\n"
        "The bill protects children, and the scanning provisions are narrow."
    )
    assert turns[-1].end == len(HEARING)
    # One line in a story that opens like a label is no transcript.
    story = "Senator Kim: the bill goes too far.\n\nThe vote is on Tuesday, his office said."
    assert speaker_labels(story) and transcript_turns(story) == []


@pytest.mark.parametrize(
    ("actor", "kind", "sentence", "kept"),
    [
        # The turn's speaker, though no sentence of the turn names a speaker: the second
        # paragraph of a turn too.
        (
            "David Kim",
            "person",
            "The bill protects children, and the scanning provisions are narrow.",
            True,
        ),
        ("Anna Weber", "person", "We are open to amendments that keep children safe.", True),
        # Named in the turn (or in the label before) is not speaking: Okafor is only agreed with.
        (
            "Amara Okafor",
            "person",
            "The bill protects children, and the scanning provisions are narrow.",
            False,
        ),
        ("Amara Okafor", "person", "I agree with Ms. Okafor on one point only.", False),
        ("Lena Ortiz", "person", "We oppose the bill as drafted.", False),
        # A body speaks through the one the chair introduced as its own, or the label's
        # affiliation; another body named in the turn does not.
        ("Digital Rights Coalition", "organisation", "We oppose the bill as drafted.", True),
        ("Veltra Software Association", "organisation", "Our members back the bill's aim.", True),
        ("Digital Rights Coalition", "organisation", "Our members back the bill's aim.", False),
        # Words the speaker gives to another are the other's, not the speaker's.
        (
            "Tomas Reyes",
            "person",
            "Senator Kim said the provisions are narrow, and he is wrong.",
            False,
        ),
        (
            "David Kim",
            "person",
            "Senator Kim said the provisions are narrow, and he is wrong.",
            True,
        ),
        # Courtesy, a chair's procedure and a few words with no view word are no view.
        ("Amara Okafor", "person", "Thank you.", False),
        ("Lena Ortiz", "person", "The committee will come to order.", False),
        (
            "Lena Ortiz",
            "person",
            "Ms. Amara Okafor of the Digital Rights Coalition, you have the floor.",
            False,
        ),
        # A question's words are no one's view, however the one answering is named after it.
        ("Anna Weber", "person", "Will the government accept amendments?", False),
    ],
)
def test_a_turn_is_its_speakers_words(actor: str, kind: str, sentence: str, kept: bool) -> None:
    held_by(ground_in(HEARING, pos(actor, sentence, kind, sentence)), actor, kept)


def test_a_risk_in_a_turn_is_its_speakers_and_no_one_elses() -> None:
    warning = "Its scanning powers could be used against journalists and their sources."
    assert [r.raised_by for r in ground_risks_in(HEARING, risk("Amara Okafor", warning)).risks] == [
        "Amara Okafor"
    ]
    # Drafted for the chair, the warning is still Okafor's, whose turn it is.
    assert [r.raised_by for r in ground_risks_in(HEARING, risk("Lena Ortiz", warning)).risks] == [
        "Amara Okafor"
    ]


def test_evidence_is_the_words_without_the_label() -> None:
    """A quote that copies the label cites the words only, still at the source's offsets."""
    quote = "MINISTER ANNA WEBER: We are open to amendments that keep children safe."
    draft = pos("Anna Weber", quote, "person", "We are open to amendments.")
    (position,) = grounded_in(HEARING, "t", [draft]).positions
    evidence = position.evidence
    assert evidence.quote == "We are open to amendments that keep children safe."
    assert HEARING[evidence.start : evidence.end] == evidence.quote


def test_a_cited_turn_is_briefed_as_its_speakers(tmp_path: Path) -> None:
    """Sentence citations in a transcript: the evidence and the fact's text leave the label
    out, and a risk put on a turn's sentence that names no harm is read from the speaker's
    next sentence."""
    source = tmp_path / "hearing.txt"
    source.write_text(HEARING, encoding="utf-8")

    def answer(request: dict[str, Any]) -> Reply:
        okafor = {
            "actor": "Digital Rights Coalition",
            "sentence": sentence_number(request, "We oppose the bill"),
            "stance": "opposes",
            "risk": "human_rights",
        }
        kim = {
            "actor": "David Kim",
            "sentence": sentence_number(request, "The bill protects children"),
            "stance": "supports",
        }
        return Reply(content=cited(positions=[okafor, kim]))

    sheet = cited_sheet(tmp_path, source, answer)
    quotes = sorted(p["evidence"][0]["quote"] for p in sheet["positions"])
    assert quotes == [
        "The bill protects children, and the scanning provisions are narrow.",
        "We oppose the bill as drafted.",
    ]
    assert [p["summary"] for p in sheet["positions"] if p["summary"].startswith("We")] == [
        "We oppose the bill as drafted."
    ]
    (warning,) = sheet["risks"]
    assert warning["evidence"][0]["quote"] == (
        "Its scanning powers could be used against journalists and their sources."
    )
    assert sheet["rejected"] == []


# A speech and an op-ed, invented: each speaks in the first person, its speaker named once, in
# its heading or its byline.
SPEECH = (
    "# Remarks by Minister Jonas Berg at the signing of the convention\n\n"
    "Thank you all for coming. We are proud to sign this convention today. "
    "Our investigators have waited too long for evidence held abroad.\n\n"
    'As Secretary-General Ana Ruiz said, "this is a milestone for every state."\n'
)
OPED = (
    "Why the cybercrime treaty fails\n\n"
    "By Amara Okafor, director of the Digital Rights Coalition\n\n"
    "I have read every draft of this treaty. We cannot accept the text as it stands.\n\n"
    "The surveillance powers could be used against reporters and their sources.\n"
)
# A story with its reporter's byline.
NEWS = (
    "Senate passes bill\n\nBy Jane Smith\n\nThe Senate passed the bill on Tuesday. "
    '"We did it," Kim said. Opponents vowed to fight on.\n'
)


@pytest.mark.parametrize(
    ("title", "text", "speaker"),
    [
        ("Remarks by Minister Jonas Berg", SPEECH, "Minister Jonas Berg"),
        (
            "Why the cybercrime treaty fails",
            OPED,
            "Amara Okafor, director of the Digital Rights Coalition",
        ),
        # Named by the title only, when the text has no heading.
        (
            "Statement by the Digital Rights Coalition",
            "We oppose the treaty. Our reasons follow.",
            "Digital Rights Coalition",
        ),
        (
            "Testimony of Amara Okafor, Director, Digital Rights Coalition, before the Committee",
            "I thank the committee. We oppose the bill.",
            "Amara Okafor, Director, Digital Rights Coalition",
        ),
        # A story about remarks, or a reporter's byline, speaks in the third person.
        (
            "Statement by Berg sparks criticism",
            "The minister spoke on Monday. Critics said he was wrong.",
            None,
        ),
        (
            "Senate passes bill",
            NEWS,
            None,
        ),
    ],
)
def test_a_speech_in_the_first_person_is_its_speakers(
    title: str, text: str, speaker: str | None
) -> None:
    turn = author_turn(title, text)
    assert (turn.speaker if turn else None) == speaker
    if turn:
        assert turn.end == len(text) and text[turn.words_start :].strip()[0].isupper()


# A consultation's response, invented: short, in the first person, naming no one.
RESPONSE = "We oppose the proposed levy on delivery vans. It would close small shops."


@pytest.mark.parametrize(
    ("title", "text", "author", "speaker"),
    [
        # The file names who wrote the text, and the text speaks in the first person: one
        # sentence of a short text is enough.
        (
            "Consultation response",
            RESPONSE,
            "Harbour Traders Association",
            "Harbour Traders Association",
        ),
        ("Why I back the levy", OPED.split("\n\n", 2)[2], "Amara Okafor", "Amara Okafor"),
        # A heading or a byline in the text names the speaker over the file's author.
        (
            "Why the cybercrime treaty fails",
            OPED,
            "Web Desk",
            "Amara Okafor, director of the Digital Rights Coalition",
        ),
        # A reporter's story in the third person is nobody's turn, whoever wrote it.
        ("Senate passes bill", NEWS, "Jane Smith", None),
        (
            "Levy adopted",
            "The council adopted the levy. The traders' association opposes it.",
            "Jo Reporter",
            None,
        ),
        # A reporter's story that says "we" only further down ("We asked the ministry").
        (
            "Levy adopted",
            "The council adopted the levy on Tuesday. The traders' association opposes it. "
            "The mayor said it would cut congestion. Shops fear the cost. We asked the "
            "ministry for comment. Our reporter was there. The vote was close.",
            "Jo Reporter",
            None,
        ),
        # A Roman numeral is no first person.
        (
            "Funding",
            "Phase I of the plan ends in May. Title I funds rise. World War I is over.",
            "Jo Reporter",
            None,
        ),
        (
            "Funding",
            "Then I said no. The plan ends in May. It was costly. It failed.",
            "Jo Ruiz",
            None,
        ),
    ],
)
def test_a_text_in_the_first_person_is_its_authors(
    title: str, text: str, author: str, speaker: str | None
) -> None:
    turn = author_turn(title, text, author)
    assert (turn.speaker if turn else None) == speaker


@pytest.mark.parametrize(("author", "kept"), [("Harbour Traders Association", True), (None, False)])
def test_a_response_is_its_respondents_view(author: str | None, kept: bool) -> None:
    """A view a response gives in the first person is the respondent's its file names; with
    no author, "We oppose" names no one and the fact is not kept."""
    actor, sentence = "Harbour Traders Association", RESPONSE.split(". ")[0] + "."
    drafted = [pos(actor, sentence, "organisation", sentence)]
    held_by(grounded_in(RESPONSE, "Response", drafted, author=author), actor, kept)


@pytest.mark.parametrize(
    ("text", "actor", "kind", "sentence", "kept"),
    [
        (
            SPEECH,
            "Jonas Berg",
            "person",
            "Our investigators have waited too long for evidence held abroad.",
            True,
        ),
        (
            SPEECH,
            "Ana Ruiz",
            "person",
            "Our investigators have waited too long for evidence held abroad.",
            False,
        ),
        # Words the speech gives to another are not the speaker's.
        (
            SPEECH,
            "Jonas Berg",
            "person",
            'As Secretary-General Ana Ruiz said, "this is a milestone for every state."',
            False,
        ),
        (OPED, "Amara Okafor", "person", "We cannot accept the text as it stands.", True),
        (
            OPED,
            "Digital Rights Coalition",
            "organisation",
            "We cannot accept the text as it stands.",
            True,
        ),
        # A reporter's byline makes no speaker.
        (
            NEWS,
            "Jane Smith",
            "person",
            "Opponents vowed to fight on.",
            False,
        ),
    ],
)
def test_a_speech_is_its_speakers_words(
    text: str, actor: str, kind: str, sentence: str, kept: bool
) -> None:
    title = text.split("\n", 1)[0].lstrip("# ")
    held_by(grounded_in(text, title, [pos(actor, sentence, kind, sentence)]), actor, kept)


def test_an_op_eds_warning_is_its_authors() -> None:
    warning = "The surveillance powers could be used against reporters and their sources."
    title = "Why the cybercrime treaty fails"
    assert grounded_in(OPED, title, risks=[risk("Amara Okafor", warning)]).risks


def test_a_chunk_begun_inside_a_turn_is_told_whose_words_it_opens_with(tmp_path: Path) -> None:
    """A long turn runs on into the next chunk, which shows no label: the model is told whose
    words the chunk opens with, and a sentence cited there is the speaker's."""
    source = tmp_path / "hearing.txt"
    filler = " ".join(f"Point {n} of the minister's case concerns the bill." for n in range(12))
    source.write_text(
        "CHAIR LENA ORTIZ: The committee will come to order.\n\n"
        f"MINISTER ANNA WEBER: {filler}\n\n"
        "The government supports ratification without delay.\n\n"
        "CHAIR LENA ORTIZ: Thank you, minister.\n",
        encoding="utf-8",
    )
    asked: list[str] = []

    def answer(request: dict[str, Any]) -> Reply:
        text = request["messages"][-1]["content"]
        asked.append(text)
        if "supports ratification" not in text:
            return Reply(content=cited())
        weber = {
            "actor": "Anna Weber",
            "sentence": sentence_number(request, "supports ratification"),
            "stance": "supports",
        }
        return Reply(content=cited(positions=[weber]))

    facts = tmp_path / "facts.json"
    with FakeOpenAI(responder=answer) as fake:
        assert (
            run(
                fake,
                str(source),
                "--cite",
                "sentences",
                "--chunk-chars",
                "400",
                "--json",
                str(facts),
            )
            == 0
        )
    speakers = [re.findall(r"^Speaker: (.+?) \(", text, re.M) for text in asked]
    assert speakers[0] == [] and ["MINISTER ANNA WEBER"] in speakers[1:]
    sheet = fact_sheet(facts)
    (position,) = sheet["positions"]
    assert position["evidence"][0]["quote"] == "The government supports ratification without delay."


def test_a_risk_is_read_from_the_speakers_next_sentence_only_within_its_paragraph(
    tmp_path: Path,
) -> None:
    """In an op-ed every sentence is its author's, yet a warning in the next paragraph is a
    point of its own: a risk cited on a sentence naming no harm is not moved there."""
    source = tmp_path / "oped.md"
    source.write_text(OPED, encoding="utf-8")

    def answer(request: dict[str, Any]) -> Reply:
        okafor = {
            "actor": "Amara Okafor",
            "sentence": sentence_number(request, "We cannot accept"),
            "stance": "opposes",
            "risk": "human_rights",
        }
        return Reply(content=cited(positions=[okafor]))

    sheet = cited_sheet(tmp_path, source, answer)
    assert [p["evidence"][0]["quote"] for p in sheet["positions"]] == [
        "We cannot accept the text as it stands."
    ]
    assert sheet["risks"] == []
    assert [r["reason"] for r in sheet["rejected"]] == [
        "the quoted sentence names no harm, risk or warning"
    ]


# A press gaggle, invented, in the White House's form: a role for a label, bare "Q"s.
GAGGLE = (
    "THE PRESIDENT: Thank you. The wall will be built, and the shutdown will last as long as "
    "it takes.\n\n"
    "Q    Will you sign the bill?\n\n"
    "THE PRESIDENT: We will see. I think the bill is a disaster.\n\n"
    "Q    And the Vice President?\n\n"
    "THE PRESIDENT: Mike is doing a great job.\n"
)


@pytest.mark.parametrize(
    ("title", "actor", "sentence", "kept"),
    [
        # The title gives the role its holder.
        (
            "Remarks by President Trump Before Marine One Departure",
            "Donald Trump",
            "I think the bill is a disaster.",
            True,
        ),
        (
            "Remarks by President Trump Before Marine One Departure",
            "Mike Pence",
            "Mike is doing a great job.",
            False,
        ),
        # Another role, or none given, is not the president's.
        (
            "Remarks by Vice President Trump at the Rally",
            "Donald Trump",
            "I think the bill is a disaster.",
            False,
        ),
        ("Gaggle aboard Air Force One", "Donald Trump", "I think the bill is a disaster.", False),
        # A few words with no view word are none ("We will see."), a thanks neither.
        (
            "Remarks by President Trump Before Marine One Departure",
            "Donald Trump",
            "We will see.",
            False,
        ),
        (
            "Remarks by President Trump Before Marine One Departure",
            "Donald Trump",
            "Thank you.",
            False,
        ),
        # A view the speaker gives another as its subject is not the speaker's.
        (
            "Remarks by President Trump Before Marine One Departure",
            "Donald Trump",
            "Mike is doing a great job.",
            False,
        ),
        # A question is no one's view.
        (
            "Remarks by President Trump Before Marine One Departure",
            "Donald Trump",
            "Will you sign the bill?",
            False,
        ),
    ],
)
def test_a_role_for_a_label_is_the_one_the_source_gives_it(
    title: str, actor: str, sentence: str, kept: bool
) -> None:
    assert_kept(grounded_in(GAGGLE, title, [pos(actor, sentence, "person", sentence)]), kept)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("THE PRESIDENT", "president"),
        ("THE VICE PRESIDENT", "vice president"),
        ("Madam Chair", "chair"),
        ("MR. KIM", None),
        ("SENATOR DAVID KIM", None),
    ],
)
def test_a_label_may_give_a_role_instead_of_a_name(label: str, role: str | None) -> None:
    assert role_of_label(label) == role


def test_a_title_case_title_ends_the_speakers_name_at_a_preposition() -> None:
    text = "We are doing well. I thank you all. Our country is strong."
    turn = author_turn("Remarks By President Trump Before Marine One Departure", text)
    assert turn is not None and turn.speaker == "President Trump"


@pytest.mark.parametrize(
    ("drafted", "kind", "shown"),
    [
        # As the source writes the name elsewhere, else in title case: a label's capitals
        # are no way to write a name in a brief.
        ("AMARA OKAFOR", "person", "Amara Okafor"),
        ("MINISTER ANNA WEBER", "person", "Minister Anna Weber"),
        # An acronym, and a name in capitals that no label gives, stay as written.
        ("NATO", "organisation", "NATO"),
        ("UN SECURITY COUNCIL", "organisation", "UN SECURITY COUNCIL"),
    ],
)
def test_a_name_copied_from_a_label_in_capitals_is_written_as_a_name(
    drafted: str, kind: ActorKind, shown: str
) -> None:
    index = SourceIndex(Source(id="one", title="t", text=HEARING))
    assert index.as_written(drafted, kind) == shown


# A panel, invented: the minister speaks of the coalition, whose director then speaks for it.
PANEL = (
    "CHAIR LENA ORTIZ: Ms. Amara Okafor of the Digital Rights Coalition is with us.\n\n"
    "MINISTER ANNA WEBER: The coalition opposes the bill, and it is mistaken about the scanning "
    "powers.\n\n"
    "AMARA OKAFOR: The coalition opposes the bill as drafted.\n"
)


@pytest.mark.parametrize(
    ("actor", "kind", "sentence", "kept"),
    [
        # The minister gives the coalition a view: it is not the minister's, nor the
        # coalition's in her words.
        (
            "Anna Weber",
            "person",
            "The coalition opposes the bill, and it is mistaken about the scanning powers.",
            False,
        ),
        (
            "Digital Rights Coalition",
            "organisation",
            "The coalition opposes the bill, and it is mistaken about the scanning powers.",
            False,
        ),
        # Its director speaks for it.
        (
            "Digital Rights Coalition",
            "organisation",
            "The coalition opposes the bill as drafted.",
            True,
        ),
    ],
)
def test_a_view_a_speaker_gives_another_is_not_the_speakers(
    actor: str, kind: str, sentence: str, kept: bool
) -> None:
    assert_kept(grounded_in(PANEL, "t", [pos(actor, sentence, kind, sentence)]), kept)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # A sentence opening with a capitalized word is still the speaker's view.
        ("Ransomware gangs do not stop at our borders.", True),
        ("Parliament must amend the bill before it votes.", True),
        ("Security researchers need protection in the bill.", True),
        # Words the speaker reports of another are not the speaker's view; the speaker's own
        # telling is.
        ("The ministry insists the law is safe for every user.", False),
        ("I told the committee that the law is unsafe for users.", True),
        # A person by title or given name as the subject is another's view.
        ("Senator Kim is wrong about the bill.", False),
        ("Mike is doing a great job on the bill.", False),
    ],
)
def test_only_a_person_or_a_body_as_the_subject_takes_a_speakers_sentence(
    sentence: str, kept: bool
) -> None:
    text = f"CHAIR LENA ORTIZ: Welcome.\n\nMINISTER JONAS BERG: {sentence}\n\nCHAIR: Thanks."
    assert_kept(grounded_in(text, "t", [pos("Jonas Berg", sentence, "person", sentence)]), kept)


# An interview, invented: questions and answers, the guest named by the heading only.
INTERVIEW = (
    "# Interview with Minister Jonas Berg\n\n"
    "Q: Why should parliament ratify the convention now?\n\n"
    "A: Our investigators wait months for evidence held abroad, and the convention gives them "
    "a faster channel.\n\n"
    "Q: Amara Okafor says the powers could be used against journalists. Is she wrong?\n\n"
    "A: We have heard the concerns, and the implementing law will require a court order.\n"
)


@pytest.mark.parametrize(
    ("actor", "sentence", "kept"),
    [
        # The answers are the guest's.
        (
            "Jonas Berg",
            "Our investigators wait months for evidence held abroad, and the convention gives "
            "them a faster channel.",
            True,
        ),
        (
            "Jonas Berg",
            "We have heard the concerns, and the implementing law will require a court order.",
            True,
        ),
        # A question is the interviewer's: no one's view, though it names someone's words.
        ("Jonas Berg", "Why should parliament ratify the convention now?", False),
        # The question gives Okafor words, but "Is she wrong?" is the asker's.
        (
            "Amara Okafor",
            "Amara Okafor says the powers could be used against journalists.",
            True,
        ),
        ("Amara Okafor", "Is she wrong?", False),
        # Named in the question before, Okafor does not answer.
        (
            "Amara Okafor",
            "We have heard the concerns, and the implementing law will require a court order.",
            False,
        ),
    ],
)
def test_an_interviews_answers_are_its_guests(actor: str, sentence: str, kept: bool) -> None:
    title = "Interview with Minister Jonas Berg"
    held_by(grounded_in(INTERVIEW, title, [pos(actor, sentence, "person", sentence)]), actor, kept)


@pytest.mark.parametrize(
    ("title", "guest"),
    [
        ("Interview with Minister Jonas Berg", "Minister Jonas Berg"),
        ("Q&A: Amara Okafor on the treaty", "Amara Okafor"),
        ("In conversation with Amara Okafor", "Amara Okafor"),
        # No guest named: the answers are read as news is.
        ("Readers ask about the treaty", None),
    ],
)
def test_an_interviews_guest_is_named_by_its_title(title: str, guest: str | None) -> None:
    text = "Q: Why?\n\nA: We cannot wait any longer for evidence.\n"
    answers = [turn for turn in transcript_turns(text, title) if turn.answer]
    assert [turn.speaker for turn in answers] == [guest]


def test_the_model_is_told_whose_answers_an_interview_gives(tmp_path: Path) -> None:
    source = tmp_path / "interview.md"
    source.write_text(INTERVIEW, encoding="utf-8")
    asked: list[str] = []

    def answer(request: dict[str, Any]) -> Reply:
        asked.append(request["messages"][-1]["content"])
        return Reply(content=cited())

    cited_sheet(tmp_path, source, answer)
    assert [re.findall(r"^Speaker: (.+?) \(", text, re.M) for text in asked] == [
        ["Minister Jonas Berg"]
    ]


def test_sources_says_whose_words_a_transcript_or_a_speech_is_read_as(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hearing, oped, news = tmp_path / "hearing.txt", tmp_path / "oped.md", tmp_path / "news.txt"
    hearing.write_text(HEARING, encoding="utf-8")
    oped.write_text(OPED, encoding="utf-8")
    news.write_text(NEWS, encoding="utf-8")
    assert main(["sources", str(hearing), str(oped), str(news)]) == 0
    read_as = [line for line in capsys.readouterr().out.splitlines() if line.startswith("---")]
    assert read_as == [
        "--- read as a transcript of 6 turns: CHAIR LENA ORTIZ 1, AMARA OKAFOR 1, SENATOR DAVID "
        "KIM 1, TOMAS REYES (Veltra Software Association) 1, questions 1, MINISTER ANNA WEBER 1",
        "--- read as the words of Amara Okafor, director of the Digital Rights Coalition (a "
        "speech, statement or op-ed in the first person)",
    ]


@pytest.mark.parametrize(
    ("text", "title", "drafted", "sentence", "speaker"),
    [
        (
            HEARING,
            "t",
            "Amara Okafor",
            "I agree with Ms. Okafor on one point only.",
            "Senator David Kim",
        ),
        (HEARING, "t", "Lena Ortiz", "We oppose the bill as drafted.", "Amara Okafor"),
        (
            HEARING,
            "t",
            "Digital Rights Coalition",
            "Our members back the bill's aim.",
            "Tomas Reyes",
        ),
        (
            SPEECH,
            "t",
            "Ana Ruiz",
            "Our investigators have waited too long for evidence held abroad.",
            "Minister Jonas Berg",
        ),
        (
            INTERVIEW,
            "Interview with Minister Jonas Berg",
            "Amara Okafor",
            "We have heard the concerns, and the implementing law will require a court order.",
            "Minister Jonas Berg",
        ),
        # Never to a role ("THE PRESIDENT"), nor where the words hold no view of the speaker's.
        (
            GAGGLE,
            "Remarks by President Trump Before Marine One Departure",
            "Mike Pence",
            "I think the bill is a disaster.",
            None,
        ),
        (HEARING, "t", "Anna Weber", "The committee will come to order.", None),
    ],
)
def test_a_fact_the_model_gave_another_is_the_labelled_speakers(
    text: str, title: str, drafted: str, sentence: str, speaker: str | None
) -> None:
    """The model named the wrong speaker of words whose speaker a label or heading names: the
    fact is the speaker's, written as a name, when it holds as theirs."""
    result = grounded_in(text, title, [pos(drafted, sentence, "person", sentence)])
    assert [p.actor for p in result.positions] == ([speaker] if speaker else [])


# A story that quotes an exchange, invented: two labelled paragraphs among the story's own.
STORY = (
    "Veltra's parliament debated the bill on Tuesday.\n\n"
    "The minister faced questions from the opposition.\n\n"
    "The exchange went as follows.\n\n"
    "SENATOR DAVID KIM: Will the government withdraw the bill?\n\n"
    "MINISTER JONAS BERG: No. The bill protects children, and we will pass it.\n\n"
    "The opposition has long opposed the bill.\n\n"
    "The vote is expected next month, officials said.\n"
)


def test_a_turn_quoted_in_a_story_ends_with_its_paragraph() -> None:
    """The story's paragraphs after a quoted exchange are not the last speaker's turn."""
    turns = transcript_turns(STORY)
    assert [STORY[turn.words_start : turn.end] for turn in turns] == [
        "Will the government withdraw the bill?",
        "No. The bill protects children, and we will pass it.",
    ]

    def holders(sentence: str) -> list[str]:
        drafts = [pos("Jonas Berg", sentence, "person", sentence)]
        return [p.actor for p in grounded_in(STORY, "Bill debated", drafts).positions]

    assert holders("The opposition has long opposed the bill.") == []
    assert holders("The bill protects children, and we will pass it.") == ["Jonas Berg"]
