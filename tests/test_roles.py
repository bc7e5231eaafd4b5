"""Who a person is: the role a source gives them beside their name, read by code."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from pydantic import ValidationError

from briefing.check import check_brief
from briefing.cli import main
from briefing.models import Actor, Evidence, FactSheet, Position, Risk, Role, Source
from briefing.render import raisers_text, render_brief
from briefing.review_page import render_review_page
from briefing.roles import (
    fold_raisers,
    fold_spokespeople,
    read_roles,
    role_after,
    role_before,
    role_of_body,
)
from briefing.source_index import SourceIndex
from tests.conftest import OKAFOR, extraction, minimal_run, position
from tests.fakeserver import FakeOpenAI


def after(text: str, name: str) -> str | None:
    start = text.index(name)
    span = role_after(text, start + len(name), start)
    return text[span[0] : span[1]] if span else None


def before(text: str, name: str) -> str | None:
    span = role_before(text, text.index(name))
    return text[span[0] : span[1]] if span else None


def of_body(text: str, name: str) -> str | None:
    span = role_of_body(text, text.index(name) + len(name))
    return text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Lena Ortiz, executive director of the Harbour Trust, warned on Monday.",
            "Lena Ortiz",
            "executive director of the Harbour Trust",
        ),
        (
            '"It is a bad deal," said Ivo Brandt, spokesperson for the union.',
            "Ivo Brandt",
            "spokesperson for the union",
        ),  # fmt: skip
        ("Sen. Mara Quist, a Vermont Democrat, voted no.", "Mara Quist", "a Vermont Democrat"),
        # a state's abbreviation inside a body's name (BASIL: "Anita L. Russell, president of
        # the Kansas City, Mo., branch of the NAACP" was "president of the Kansas City")
        (
            "said Ana Lund, president of the Harbourview, Ore., branch of the guild, on Monday.",
            "Ana Lund",
            "president of the Harbourview, Ore., branch of the guild",
        ),
        (
            "said Ana Lund, mayor of Harbourview, Ore., on Monday.",
            "Ana Lund",
            "mayor of Harbourview",
        ),
        # a verb after the state's comma ends the role (BASIL: "David Brat, a professor at
        # Randolph-Macon College in Ashland, Va., toppled Mr. Cantor, ..." was his role)
        (
            "Ana Lund, a professor at Harbour College in Ashland, Ore., toppled Mr. Vale.",
            "Ana Lund",
            "a professor at Harbour College in Ashland",
        ),
        (
            "Tom Reyes, the group's policy director, said it would sue.",
            "Tom Reyes",
            "the group's policy director",
        ),  # fmt: skip
        (
            "Ada Ng, who speaks for the Open Net Alliance, said so.",
            "Ada Ng",
            "who speaks for the Open Net Alliance",
        ),  # fmt: skip
        # An abbreviation's stop is no end; a clause after the body is left out.
        (
            "Jo Kim, a spokesman for Rep. Al Fenn, said no.",
            "Jo Kim",
            "a spokesman for Rep. Al Fenn",
        ),
        (
            "Eli Moss, director of the Office of Trade and Budget, said",
            "Eli Moss",
            "director of the Office of Trade and Budget",
        ),  # fmt: skip
        (
            "Ana Ruiz, editor of the Weekly Ledger and a critic of the bill, said",
            "Ana Ruiz",
            "editor of the Weekly Ledger",
        ),  # fmt: skip
        # Two nouns joined, the second a post; a party and state in brackets; "who is".
        (
            "Eva Lund, a 9/11 widow and co-chair of Harbour Families, criticized it.",
            "Eva Lund",
            "a 9/11 widow and co-chair of Harbour Families",
        ),
        (
            "Sen. Ivo Brandt (D-Va.), a member of the Rules Committee, voted no.",
            "Ivo Brandt",
            "a member of the Rules Committee",
        ),  # fmt: skip
        (
            "Tom Reyes (Texas), who is the party's running mate, left.",
            "Tom Reyes",
            "who is the party's running mate",
        ),  # fmt: skip
        # A word of time before the body's name.
        (
            "Mia Kade, the acting Port Authority chief of staff, said no.",
            "Mia Kade",
            "the acting Port Authority chief of staff",
        ),  # fmt: skip
        # Past the state a person is from ("Senator Dianne Feinstein of California, the top
        # Democrat on ...").
        (
            "Senator Mia Kade of Vermont, the top Democrat on the Rules Committee, said no.",
            "Mia Kade",
            "the top Democrat on the Rules Committee",
        ),  # fmt: skip
        # An apposition with "a" or "the" after "appointed" is who they are already; so is
        # one after "-elect".
        (
            "The governor appointed Jo Kim, a lawyer at the Port Trust, to the seat.",
            "Jo Kim",
            "a lawyer at the Port Trust",
        ),  # fmt: skip
        (
            "Representative-elect Mia Kade, Democrat of Vermont, said so.",
            "Mia Kade",
            "Democrat of Vermont",
        ),  # fmt: skip
        # Another person named inside a role that is more than their title.
        (
            "Jo Kim, the chief of staff to Senator Mia Kade, said no.",
            "Jo Kim",
            "the chief of staff to Senator Mia Kade",
        ),  # fmt: skip
    ],
)
def test_an_apposition_after_the_name_is_the_role(text: str, name: str, role: str) -> None:
    assert after(text, name) == role


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lena Ortiz, 54, said the port would close.", "Lena Ortiz"),  # an age
        ("Lena Ortiz, the minister said, will resign.", "Lena Ortiz"),  # a verb of saying
        ("Lena Ortiz, the minister, said so.", "Lena Ortiz"),  # one word besides "the"
        ("Lena Ortiz, Ivo Brandt and Tom Reyes signed.", "Lena Ortiz"),  # a list of names
        # or of titled names (BASIL: "President Barack Obama, former Secretary of State
        # Hillary Clinton, liberal billionaire George Soros, ..." gave Obama Clinton's title)
        (
            "Mayor Lena Ortiz, former Secretary of State Maria Vale, port director Ivo "
            "Brandt and others were sent packages.",
            "Mayor Lena Ortiz",
        ),
        # The role is the next name's: "views of Ortiz, the party's leader, Ivo Brandt".
        ("Critics aired views of Lena Ortiz, the party's leader, Ivo Brandt said.", "Lena Ortiz"),
        ("Lena Ortiz,\nspokesperson for the union", "Lena Ortiz"),  # across a line
        # past a place that is no state or country: "... of the Eastern District of New York,"
        ("Ana Ruiz of Harbourview, a director of the port, said so.", "Ana Ruiz"),
        ('Lena Ortiz, "a true friend of the port," the mayor said.', "Lena Ortiz"),
        # What someone is made, no role yet: the object's complement of "appoint".
        (
            "A petition asks Veltra to appoint its founder, Ivo Brandt, envoy to Norway.",
            "Ivo Brandt",
        ),
    ],
)
def test_no_role_where_the_words_after_a_name_are_not_one(text: str, name: str) -> None:
    assert after(text, name) is None


def test_a_bodys_role_before_the_name() -> None:
    text = "On Tuesday, Harbour Trust executive director Lena Ortiz said the port must stay open."
    assert before(text, "Lena Ortiz") == "Harbour Trust executive director"
    text = "Yesterday Harbour Trust director Lena Ortiz resigned."
    assert before(text, "Lena Ortiz") == "Harbour Trust director"
    assert before("The coalition's policy director, Tom Reyes, spoke.", "Tom Reyes") == (
        "The coalition's policy director"
    )
    # A verb before a post is no part of it; a lone post is no role, nor a capitalized title
    # (the name's).
    text = "The court has taken off special counsel Ivo Brandt."
    assert before(text, "Ivo Brandt") == "special counsel"
    assert before("They met lawyer Ivo Brandt.", "Ivo Brandt") is None
    # A person joined to the body by "and" is theirs, not part of the role.
    text = "a spat between his former aide Amanda Lee and Harbour Herald columnist Ivo Brandt"
    assert before(text, "Ivo Brandt") == "Harbour Herald columnist"
    text = "House Ways and Means Committee chairman Ivo Brandt said"
    assert before(text, "Ivo Brandt") == "House Ways and Means Committee chairman"
    assert before("The rule was backed by President Ivo Brandt.", "Ivo Brandt") is None
    assert before("Mayor Jo Kim and spokesperson Ivo Brandt met.", "Ivo Brandt") is None
    # A saint's stop is part of a body's name; "Fellow" opens a clause, not a name.
    text = (
        "St. Louis Harbour Trust director Ivo Brandt wrote. Fellow St. Louis Trust director Jo Kim"
    )
    assert before(text, "Ivo Brandt") == "St. Louis Harbour Trust director"
    assert before(text, "Jo Kim") == "St. Louis Trust director"


def test_the_body_a_person_is_of_but_not_a_country() -> None:
    text = (
        "Ms. Amara Okafor of the Digital Rights Coalition. "
        "Then Mr. Ivo Brandt of the United States."
    )
    assert of_body(text, "Amara Okafor") == "of the Digital Rights Coalition"
    assert of_body(text, "Ivo Brandt") is None
    assert of_body("Senator Ivo Brandt of Ohio spoke.", "Ivo Brandt") is None


TEXT = (
    "The port levy vote is set for Friday.\n\n"
    '"This levy will close shops," said Lena Ortiz, spokesperson for the group. Minister '
    "Jonas Berg defended the levy.\n\n"
    "Lena Ortiz of the Harbour Traders Association met Jonas Berg, the minister, on Monday."
)


def test_a_person_gets_the_role_naming_a_body_first_with_its_sentence() -> None:
    source = Source(id="s1", title="Levy", text=TEXT)
    actors = [
        Actor(id="a1", name="Lena Ortiz", kind="person"),
        Actor(id="a2", name="Minister Jonas Berg", kind="person"),
        Actor(id="a3", name="Harbour Traders Association", kind="organisation"),
    ]
    ortiz, berg, body = read_roles([SourceIndex(source)], actors)
    # "of the Harbour Traders Association" names the body; "spokesperson for the group",
    # though first, does not.
    assert ortiz.role is not None
    assert ortiz.role.text == "of the Harbour Traders Association"
    assert TEXT[ortiz.role.start : ortiz.role.end] == ortiz.role.text
    assert ortiz.role.evidence.quote == (
        "Lena Ortiz of the Harbour Traders Association met Jonas Berg, the minister, on Monday."
    )
    assert berg.role is None  # "the minister" says nothing the title does not
    assert body.role is None  # a body has no role
    only_the_group = read_roles([SourceIndex(source.model_copy(update={"text": TEXT[:150]}))],
                                actors[:1])[0]  # fmt: skip
    assert only_the_group.role is not None
    assert only_the_group.role.text == "spokesperson for the group"


def test_a_role_that_points_back_to_another_is_not_shown() -> None:
    # BASIL: "President Trump had directed Michael D. Cohen, his longtime lawyer, to lie ..."
    # showed "Michael D. Cohen, his longtime lawyer" (Trump's) in the brief
    text = "The mayor had told Tom Reyes, his longtime lawyer, to pay. Tom Reyes said no."
    source = Source(id="s1", title="Levy", text=text)
    (reyes,) = read_roles([SourceIndex(source)], [Actor(id="a", name="Tom Reyes", kind="person")])
    assert reyes.role is None
    later = text + " Tom Reyes, a lawyer at the Port Trust, spoke."
    source = Source(id="s1", title="Levy", text=later)
    (reyes,) = read_roles([SourceIndex(source)], [Actor(id="a", name="Tom Reyes", kind="person")])
    assert reyes.role is not None and reyes.role.text == "a lawyer at the Port Trust"


def test_a_person_drafted_by_surname_is_found_by_the_full_name_the_sources_give() -> None:
    text = (
        "Port Authority press secretary Josh Tamm said the levy would stay. "
        "Tamm said so again on Friday. Senator Tamm was not asked."
    )
    source = Source(id="s1", title="Levy", text=text)
    (tamm,) = read_roles([SourceIndex(source)], [Actor(id="a1", name="Tamm", kind="person")])
    assert tamm.role is not None and tamm.role.text == "Port Authority press secretary"
    # Two given names for one surname: which one the draft meant is not known.
    two = source.model_copy(update={"text": text + " Anna Tamm of the Harbour Trust agreed."})
    (tamm,) = read_roles([SourceIndex(two)], [Actor(id="a1", name="Tamm", kind="person")])
    assert tamm.role is None


def test_a_role_the_drafted_name_holds_is_not_shown_again() -> None:
    """BASIL: "Former GOP presidential nominee Mitt Romney was the latest prominent voice to
    weigh in" was shown as "Former GOP presidential nominee Mitt Romney, Former GOP
    presidential nominee"."""
    text = (
        "Former harbour board chair Ada Lund urged a veto. "
        "Ada Lund, a trustee of the Harbour Trust, spoke on Friday."
    )
    source = Source(id="s1", title="Levy", text=text)
    actors = [
        Actor(id="a1", name="Former harbour board chair Ada Lund", kind="person"),
        Actor(id="a2", name="Ada Lund", kind="person"),
    ]
    titled, untitled = read_roles([SourceIndex(source)], actors)
    # Another role stands; the one her name holds is the untitled name's.
    assert titled.role is not None and titled.role.text == "a trustee of the Harbour Trust"
    assert untitled.role is not None and untitled.role.text == "Former harbour board chair"
    alone = source.model_copy(update={"text": text.split(" Ada Lund, ")[0]})
    (titled,) = read_roles([SourceIndex(alone)], actors[:1])
    assert titled.role is None
    # Nor a role whose words the name holds in another order (BASIL: "Arkansas Republican
    # Gov. Asa Hutchinson, Republican of Arkansas").
    other = Source(id="s2", title="Levy", text="Ana Park, Republican of Norland, spoke.")
    name = Actor(id="a3", name="Norland Republican Gov. Ana Park", kind="person")
    assert read_roles([SourceIndex(other)], [name])[0].role is None
    # Nor one whose initials have full stops where the name's have none (BASIL: "NCAA
    # President Mark Emmert, N.C.A.A. president").
    other = Source(id="s3", title="Levy", text="Ana Park, the H.T.A. president, spoke.")
    name = Actor(id="a4", name="HTA President Ana Park", kind="person")
    assert read_roles([SourceIndex(other)], [name])[0].role is None
    # Nor one that names the House in full where the name has it short (BASIL: "House
    # Majority Whip Steve Scalise, the majority whip of the House of Representatives").
    other = Source(
        id="s4",
        title="Levy",
        text="Ana Park, the majority whip of the House of Representatives, spoke.",
    )
    name = Actor(id="a5", name="House Majority Whip Ana Park", kind="person")
    assert read_roles([SourceIndex(other)], [name])[0].role is None


def test_a_person_drafted_with_a_post_is_named_alone_beside_the_role() -> None:
    """BASIL: "Obama campaign aide Robert Gibbs, a political adviser to President Obama" named
    two posts."""
    text = (
        "Port union aide Ivo Brandt spoke first. "
        "On Sunday, Ivo Brandt, a political adviser to the mayor, criticized the levy."
    )
    source = Source(id="s1", title="Levy", text=text)
    drafted = Actor(id="a1", name="Port union aide Ivo Brandt", kind="person")
    (brandt,) = read_roles([SourceIndex(source)], [drafted])
    assert (brandt.name, brandt.aliases) == ("Ivo Brandt", ["Port union aide Ivo Brandt"])
    assert brandt.role is not None and brandt.role.text == "a political adviser to the mayor"
    # A post in capitals is part of the name as the sources write it ("Secretary of State",
    # its small word no post); a name another actor has stays that actor's.
    for name in ("Union Secretary Ivo Brandt", "Secretary of State Ivo Brandt"):
        titled = Actor(id="a2", name=name, kind="person")
        assert read_roles([SourceIndex(source)], [titled])[0].name == name
    # A title after the post is no part of the name: "former Gov. Mitt Romney".
    former = Actor(id="a4", name="former Gov. Ivo Brandt", kind="person")
    assert read_roles([SourceIndex(source)], [former])[0].name == "Ivo Brandt"
    other = Actor(id="a3", name="Ivo Brandt", kind="person")
    assert [a.name for a in read_roles([SourceIndex(source)], [drafted, other])] == [
        "Port union aide Ivo Brandt",
        "Ivo Brandt",
    ]


def test_a_role_must_be_its_evidences_text_at_its_offsets() -> None:
    sentence = Evidence(
        source_id="s1", start=10, end=42, quote="Ivo Brandt, editor of the Ledger", match="exact",
        score=1,
    )  # fmt: skip
    Role(text="editor of the Ledger", start=22, end=42, evidence=sentence)
    with pytest.raises(ValidationError, match="a role must be the text"):
        Role(text="editor of the Ledger", start=21, end=41, evidence=sentence)


def sheet_with_role(evidence_quote: str, text: str = TEXT) -> FactSheet:
    """A sheet of one position of Lena Ortiz's, on ``evidence_quote`` in ``text``, her role
    read from it."""
    source = Source(id="s1", title="Levy", text=text)
    index = SourceIndex(source)
    start = text.index(evidence_quote)
    evidence = Evidence(
        source_id="s1", start=start, end=start + len(evidence_quote), quote=evidence_quote,
        match="exact", score=1,
    )  # fmt: skip
    actors = read_roles([index], [Actor(id="a1", name="Lena Ortiz", kind="person")])
    return FactSheet(
        topic="the port levy",
        sources=[source],
        actors=actors,
        positions=[
            Position(
                id="p1",
                actor_id="a1",
                stance="opposes",
                summary=evidence_quote,
                evidence=[evidence],
                support=1,
            )  # fmt: skip
        ],
        run=minimal_run(),
    )


def test_the_brief_shows_the_role_and_cites_its_sentence_once() -> None:
    quote = '"This levy will close shops," said Lena Ortiz, spokesperson for the group.'
    # The position's evidence is a sentence without the role: the role's sentence is a note.
    sheet = sheet_with_role("This levy will close shops")
    brief = render_brief(sheet)
    row = next(line for line in brief.splitlines() if line.startswith("| Lena Ortiz"))
    assert row.startswith("| Lena Ortiz, of the Harbour Traders Association | opposes |")
    assert row.endswith("| [1] [2] |")
    assert "Lena Ortiz of the Harbour Traders Association met Jonas Berg" in brief
    assert check_brief(brief, sheet) == []
    page = render_review_page(sheet)
    assert "Lena Ortiz, of the Harbour Traders Association" in page
    # Evidence that quotes the role already is its note: nothing is added.
    sheet = sheet_with_role(
        "Lena Ortiz of the Harbour Traders Association met Jonas Berg, the minister, on Monday."
    )
    row = next(line for line in render_brief(sheet).splitlines() if line.startswith("| Lena"))
    assert row.endswith("| [1] |")
    assert quote not in render_brief(sheet)


def position_of(actor_id: str, evidence: list[Evidence], stance: str = "opposes") -> Position:
    return Position(
        id=f"p-{actor_id}-{stance}-{len(evidence)}", actor_id=actor_id, stance=stance,
        summary="...", evidence=evidence, support=1,
    )  # fmt: skip


def test_a_bodys_position_that_repeats_its_speakers_is_left_out() -> None:
    text = (
        "Ivo Brandt, director of the Harbour Trust, said the levy would close shops. "
        "The Harbour Trust said it would sue."
    )
    source = Source(id="s1", title="Levy", text=text)
    index = SourceIndex(source)
    first, second = (index.sentence_evidence(_at(source, q)) for q in ("Ivo", "The Harbour"))
    actors = read_roles(
        [index],
        [
            Actor(id="brandt", name="Ivo Brandt", kind="person"),
            Actor(id="trust", name="Harbour Trust", kind="organisation"),
            Actor(id="other", name="Port Board", kind="organisation"),
        ],
    )
    person = position_of("brandt", [first])
    kept = fold_spokespeople([person, position_of("trust", [first])], actors)
    assert kept == [person]
    # Words of its own, another stance, or a body the role does not name keep the body's row.
    for body in (
        position_of("trust", [first, second]),
        position_of("trust", [first], stance="concerned"),
        position_of("other", [first]),
    ):
        assert fold_spokespeople([person, body], actors) == [person, body]


def test_a_body_does_not_raise_a_risk_beside_the_person_who_speaks_for_it() -> None:
    text = "Ivo Brandt, director of the Harbour Trust, warned that shops could close."
    source = Source(id="s1", title="Levy", text=text)
    index = SourceIndex(source)
    actors = read_roles(
        [index],
        [
            Actor(id="brandt", name="Ivo Brandt", kind="person"),
            Actor(id="trust", name="Harbour Trust", kind="organisation"),
            Actor(id="board", name="Port Board", kind="organisation"),
            Actor(id="kade", name="Mia Kade", kind="person"),
        ],
    )

    def risk(*raisers: str) -> Risk:
        return Risk(
            id="r1", description="Shops could close.", category="economic",
            raised_by=list(raisers), evidence=[index.sentence_evidence(_at(source, "Ivo"))],
            support=1,
        )  # fmt: skip

    assert fold_raisers([risk("trust", "brandt")], actors)[0].raised_by == ["brandt"]
    # A body the role does not name, a body alone, and a person without a role stay.
    for raisers in (("board", "brandt"), ("trust",), ("trust", "kade")):
        assert fold_raisers([risk(*raisers)], actors)[0].raised_by == list(raisers)
    by_id = {actor.id: actor for actor in actors}
    assert raisers_text([by_id["board"], by_id["kade"]]) == "Port Board, Mia Kade"
    assert raisers_text([by_id["brandt"], by_id["board"]]) == (
        "Ivo Brandt, director of the Harbour Trust; Port Board"
    )


def test_a_risks_raiser_is_shown_with_the_role_and_its_sentence_is_cited(
    fake: FakeOpenAI, statement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warning = "journalists could be prosecuted for ordinary reporting"
    fake.enqueue(
        extraction(
            risks=[
                {
                    "raised_by": who,
                    "quote": warning,
                    "description": "Reporters could face prosecution.",
                    "category": "human_rights",
                }
                for who in ("Open Net Alliance", "Amara Okafor")
            ]  # fmt: skip
        )
    )
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    assert main([*args, "--no-bottom-line", "--json", str(statement_file) + ".json"]) == 0
    brief = capsys.readouterr().out
    row = next(line for line in brief.splitlines() if line.startswith("| Reporters"))
    assert row == (
        "| Reporters could face prosecution. | human rights | Amara Okafor, who speaks for the "
        "Open Net Alliance | [1] [2] |"
    )
    assert "Amara Okafor, who speaks for the Open Net Alliance, said the treaty" in brief
    sheet = FactSheet.model_validate_json(Path(str(statement_file) + ".json").read_text())
    assert check_brief(brief, sheet) == []
    assert "Amara Okafor, who speaks for the Open Net Alliance</td>" in render_review_page(sheet)
    # A risk is drafted with no kind of actor: her role makes her a person.
    assert [actor.kind for actor in sheet.actors] == ["person"]


def _at(source: Source, opening: str) -> Evidence:
    start = source.text.index(opening)
    return Evidence(
        source_id=source.id, start=start, end=start + len(opening), quote=opening,
        match="exact", score=1,
    )  # fmt: skip


def brief_of_okafor_and_her_alliance(
    fake: FakeOpenAI,
    statement_file: Path,
    capsys: pytest.CaptureFixture[str],
    *flags: str,
    stances: Sequence[str] = (),
) -> str:
    """The brief when the model drafts Okafor's sentence for her and for the Open Net
    Alliance she speaks for (``stances`` answer the stance questions asked)."""
    both = [
        position("Amara Okafor", OKAFOR),
        position("Open Net Alliance", OKAFOR, kind="organisation"),
    ]
    fake.enqueue(
        extraction(positions=both), *(json.dumps({"stance": stance}) for stance in stances)
    )
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    assert main([*args, "--no-bottom-line", *flags]) == 0
    return capsys.readouterr().out


def test_generate_shows_a_spokesperson_once_with_the_body_in_the_role(
    fake: FakeOpenAI, statement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = brief_of_okafor_and_her_alliance(fake, statement_file, capsys, "--no-stance-check")
    rows = [line for line in brief.splitlines() if "| opposes |" in line]
    assert rows == [
        "| Amara Okafor, who speaks for the Open Net Alliance | opposes | Amara Okafor takes a "
        "side on the treaty. | [1] [2] |"
    ]


def test_a_body_left_out_is_not_asked_the_stance_questions(
    fake: FakeOpenAI, statement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = brief_of_okafor_and_her_alliance(
        fake, statement_file, capsys, "--no-cache", stances=("opposes", "opposes")
    )
    asked = [request["messages"][-1]["content"] for request in fake.requests[1:]]
    assert len(asked) == 2 and all("Amara Okafor" in question for question in asked)
    assert "| Amara Okafor, who speaks for the Open Net Alliance | opposes |" in brief


def test_a_body_the_stance_questions_bring_to_its_speakers_labels_is_left_out(
    fake: FakeOpenAI, statement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """BASIL: the model drafted Kerri Talbot's sentence ("..., Kerri Talbot, the director of
    federal advocacy at the group Immigration Hub, said") for her and for Immigration Hub
    with two stances; the stance questions agreed on one for both, and both rows stayed."""
    both = [
        position("Amara Okafor", OKAFOR),
        position("Open Net Alliance", OKAFOR, stance="supports", kind="organisation"),
    ]
    fake.enqueue(extraction(positions=both), *(json.dumps({"stance": "opposes"}),) * 4)
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m", "-q"]
    assert main([*args, "--no-bottom-line", "--no-cache"]) == 0
    brief = capsys.readouterr().out
    assert len(fake.requests) == 5  # both rows were asked: their drafted stances differed
    rows = [line for line in brief.splitlines() if line.startswith(("| Amara", "| Open Net"))]
    assert [row.split(" | ")[:2] for row in rows] == [
        ["| Amara Okafor, who speaks for the Open Net Alliance", "opposes"]
    ]


def test_a_role_that_opened_its_sentence_is_shown_with_a_small_article() -> None:
    """BASIL: "The lieutenant governor, Kim Guadagno, emphatically denied the allegations"
    was shown as "Kim Guadagno, The lieutenant governor"."""
    text = "The harbour spokesperson, Lena Ortiz, denied it. Ortiz said the levy was fair."
    sheet = sheet_with_role("Ortiz said the levy was fair.", text)
    role = sheet.actors[0].role
    assert role is not None and role.text == "The harbour spokesperson"
    brief = render_brief(sheet)
    assert "| Lena Ortiz, the harbour spokesperson | opposes |" in brief
    assert "The harbour spokesperson, Lena Ortiz, denied it." in brief  # the note, as written
    assert check_brief(brief, sheet) == []
    assert "Lena Ortiz, the harbour spokesperson" in render_review_page(sheet)
