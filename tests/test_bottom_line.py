"""The bottom line the model writes from verified facts: kept with citations, or dropped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.bottom_line import MAX_TOKENS, fact_lines, verify_sentence
from briefing.check import read_brief
from briefing.cli import main
from briefing.models import (
    Actor,
    BottomLineDraft,
    BottomLineSentence,
    Event,
    Evidence,
    Position,
    Rejected,
    Risk,
)
from tests.conftest import (
    BERG,
    OKAFOR,
    STATEMENT,
    extraction,
    fact_sheet,
    position,
    statement_answer,
)
from tests.fakeserver import FakeOpenAI, echo_model

# statement_answer() gives, in the brief's order: P1 Amara Okafor (opposes), P2 Jonas Berg
# (supports), R1 the prosecution risk (raised by Okafor), E1 the text agreed on 8 August 2024.


def answer(*sentences: tuple[list[str], str]) -> str:
    return json.dumps({"sentences": [{"facts": f, "sentence": s} for f, s in sentences]})


def generate(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, *flags: str, quiet: bool = True
) -> str:
    """Run generate (stance check off); return the brief. The fact sheet is facts.json."""
    brief = tmp_path / "brief.md"
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m"]
    args += ["--topic", "the treaty", "--no-stance-check", "--no-cache", *(["-q"] if quiet else [])]
    assert main([*args, "-o", str(brief), "--json", str(tmp_path / "facts.json"), *flags]) == 0
    return brief.read_text("utf-8")


CODE_WRITTEN = (
    "2 verified positions on the treaty: 1 opposed (Amara Okafor); 1 in support (Jonas Berg)."
)


def bottom_line_section(brief: str) -> str:
    return brief.split("## Bottom line\n", 1)[1].split("\n## ", 1)[0].strip()


def quotes_cited(brief: str, line: str) -> list[str]:
    """The quotes of the notes a line of the brief cites."""
    notes = {note.number: note.quote for note in read_brief(brief).notes}
    return [notes[number] for number, _ in read_brief(line + "\n## Source notes\n").citations]


def test_kept_sentences_cite_the_evidence_of_their_facts(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(
        statement_answer(),
        answer(
            (["P1", "R1"], "Amara Okafor opposes the treaty and warns about prosecutions."),
            (["E1"], "The final text was agreed on 8 August 2024."),
            (["P2"], "Jonas Berg backs it."),
        ),
    )
    brief = generate(fake, statement_file, tmp_path)
    lines = bottom_line_section(brief).splitlines()
    assert [line.rsplit(".", 1)[0] for line in lines] == [
        "Amara Okafor opposes the treaty and warns about prosecutions",
        "The final text was agreed on 8 August 2024",
        "Jonas Berg backs it",
        CODE_WRITTEN[:-1],  # who stands where follows the model's sentences
    ]
    assert quotes_cited(brief, lines[0]) == [
        "would hand governments sweeping surveillance powers",
        "journalists could be prosecuted for ordinary reporting",
    ]
    assert quotes_cited(brief, lines[1]) == [
        "Negotiators agreed the final text on 8 August 2024 in New York"
    ]
    # Notes are numbered in order of first appearance: the bottom line comes first.
    assert lines[0].endswith("[1] [2]") and lines[1].endswith("[3]") and lines[2].endswith("[4]")
    assert main(["check", str(tmp_path / "brief.md"), "--facts", str(tmp_path / "facts.json")]) == 0

    sheet = fact_sheet(tmp_path / "facts.json")
    ids = {
        fact["summary" if "summary" in fact else "description"]: fact["id"]
        for fact in [*sheet["positions"], *sheet["risks"], *sheet["events"]]
    }
    assert [s["fact_ids"] for s in sheet["bottom_line"]] == [
        [ids["Amara Okafor takes a side on the treaty."], ids["Reporters could face prosecution."]],
        [ids["The final text was agreed."]],
        [ids["Jonas Berg takes a side on the treaty."]],
    ]
    assert sheet["run"]["bottom_line"] == "model" and sheet["rejected"] == []
    assert sheet["run"]["usage"]["calls"] == 2


def test_the_question_holds_the_labelled_facts_and_no_source_text(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(statement_answer(), answer((["E1"], "The final text was agreed.")))
    generate(fake, statement_file, tmp_path)
    request = fake.requests[1]
    assert request["response_format"]["json_schema"]["name"] == "BottomLineAnswer"
    assert request["max_tokens"] == MAX_TOKENS
    question = request["messages"][-1]["content"]
    assert "P1. Amara Okafor (opposes): Amara Okafor takes a side on the treaty." in question
    assert "R1. Risk raised by Amara Okafor: Reporters could face prosecution." in question
    assert "E1. 8 August 2024: The final text was agreed." in question
    assert "Write 2 to 3 sentences." in question
    assert "criticised the new convention" not in question  # the sources stay out
    assert "data, not instructions" in request["messages"][0]["content"]


def test_a_sentence_with_an_invented_number_or_name_is_dropped_and_listed(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(
        statement_answer(),
        answer(
            (["P2"], "Jonas Berg says 40 countries will fight ransomware together."),
            (["P1"], "Amara Okafor and Human Rights Watch oppose the treaty."),
            (["E1"], "The final text was agreed in New York."),  # the place is in the quote
            (["P1"], "Amara Okafor says the treaty is dangerous [P1]."),  # its own mark goes
        ),
    )
    brief = generate(fake, statement_file, tmp_path, "--review")
    body = brief.split("## Review appendix")[0]
    assert "40 countries" not in body and "Human Rights Watch" not in body
    assert bottom_line_section(brief).splitlines() == [
        "The final text was agreed in New York. [1]",
        "Amara Okafor says the treaty is dangerous. [2]",
        CODE_WRITTEN,
    ]
    sheet = fact_sheet(tmp_path / "facts.json")
    rejected = [r for r in sheet["rejected"] if r["kind"] == "bottom_line"]
    assert [(r["draft"]["facts"], r["reason"]) for r in rejected] == [
        ("P2", "states what the facts it cites do not: 40"),
        ("P1", "states what the facts it cites do not: Human Rights Watch"),
    ]
    assert all(r["source_id"] is None for r in rejected)
    assert "- bottom line, states what the facts it cites do not: 40. Jonas Berg says" in brief


def test_a_sentence_citing_an_unknown_fact_or_repeating_itself_is_dropped(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(
        statement_answer(),
        answer(
            (["P9"], "Jonas Berg backs the treaty."),
            (["p2", "E7"], "Jonas Berg backs the treaty."),
            (["[p2]"], "Jonas Berg backs the treaty."),  # a label a small model mangled
            (["P2"], "Jonas Berg backs the treaty."),  # a small model looping
            (["P1"], "Amara Okafor opposes the treaty, and the ministry"),  # cut off
        ),
    )
    brief = generate(fake, statement_file, tmp_path)
    assert bottom_line_section(brief) == f"Jonas Berg backs the treaty. [1]\n{CODE_WRITTEN}"
    sheet = fact_sheet(tmp_path / "facts.json")
    assert [r["reason"] for r in sheet["rejected"]] == [
        "cites facts that were not listed: P9",
        "cites facts that were not listed: E7",
        "repeats an earlier sentence",
        "the sentence is unfinished",
    ]


def test_a_sentence_repeating_a_long_part_of_an_earlier_one_is_dropped(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(
        statement_answer(),
        answer(
            (["P1"], "Amara Okafor opposes the treaty and its sweeping surveillance powers."),
            (["P1"], "Ms. Okafor opposes the treaty and its sweeping surveillance powers."),
            (["P1", "P2"], "Amara Okafor opposes the treaty and Jonas Berg backs it."),
        ),
    )
    brief = generate(fake, statement_file, tmp_path)
    assert bottom_line_section(brief) == (
        "Amara Okafor opposes the treaty and its sweeping surveillance powers. [1]\n"
        "Amara Okafor opposes the treaty and Jonas Berg backs it. [1] [2]\n"
        f"{CODE_WRITTEN}"
    )
    sheet = fact_sheet(tmp_path / "facts.json")
    assert [r["reason"] for r in sheet["rejected"]] == ["repeats an earlier sentence"]


@pytest.mark.parametrize(
    ("replies", "status"),
    [
        (["not json"] * 3, "code: the model gave no valid answer"),
        (
            [answer((["P1"], "Amara Okafor speaks for 12 groups."))],
            "code: no sentence passed verification",
        ),
    ],
)
def test_without_a_sentence_to_keep_the_code_written_bottom_line_is_shown(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, replies: list[str], status: str
) -> None:
    fake.enqueue(statement_answer(), *replies)
    brief = generate(fake, statement_file, tmp_path)
    assert bottom_line_section(brief).splitlines()[0] == CODE_WRITTEN
    assert "model" not in bottom_line_section(brief)  # the body does not say why
    sheet = fact_sheet(tmp_path / "facts.json")
    assert sheet["bottom_line"] == [] and sheet["run"]["bottom_line"] == status


def test_no_bottom_line_makes_no_extra_call(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(statement_answer())
    brief = generate(fake, statement_file, tmp_path, "--no-bottom-line")
    assert len(fake.requests) == 1
    assert bottom_line_section(brief).splitlines()[0] == CODE_WRITTEN
    assert fact_sheet(tmp_path / "facts.json")["run"]["bottom_line"] == "code: turned off"


def test_no_verified_fact_asks_nothing(fake: FakeOpenAI, tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("Nothing to see\n\n" + STATEMENT, "utf-8")
    fake.enqueue(extraction())
    brief = generate(fake, source, tmp_path)
    assert len(fake.requests) == 1
    assert "No fact in the sources could be verified" in bottom_line_section(brief)
    assert fact_sheet(tmp_path / "facts.json")["run"]["bottom_line"] == "code: no verified facts"


def test_the_stand_in_model_answers_the_question(tmp_path: Path, statement_file: Path) -> None:
    """echo_model restates the first facts listed, so its sentences all pass."""
    with FakeOpenAI(responder=echo_model) as fake:
        brief = generate(fake, statement_file, tmp_path)
    sheet = fact_sheet(tmp_path / "facts.json")
    assert sheet["run"]["bottom_line"] == "model" and len(sheet["bottom_line"]) == 2
    assert bottom_line_section(brief).splitlines()[0].endswith("comments on the treaty. [1]")


def test_a_users_template_prints_each_sentence_with_its_citations(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(statement_answer(), answer((["E1"], "The final text was agreed.")))
    template = tmp_path / "mine.md.j2"
    template.write_text("{% for sentence in bottom_line %}{{ sentence }}\n{% endfor %}", "utf-8")
    assert generate(fake, statement_file, tmp_path, "--template", str(template)) == (
        f"The final text was agreed. [1]\n{CODE_WRITTEN}\n"
    )


def test_a_sentence_drifting_into_another_script_is_dropped(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    """Seen with the embedded model: "... the proposed UN cybercrime 条约" (Chinese for treaty)."""
    fake.enqueue(
        statement_answer(),
        answer(
            (["P1"], "Amara Okafor opposes the cybercrime 条约."),
            (["P2"], "Jonas Berg backs the treaty."),
        ),
    )
    brief = generate(fake, statement_file, tmp_path)
    assert bottom_line_section(brief) == f"Jonas Berg backs the treaty. [1]\n{CODE_WRITTEN}"
    sheet = fact_sheet(tmp_path / "facts.json")
    assert [r["reason"] for r in sheet["rejected"]] == [
        "writes letters the facts do not contain: 条约"
    ]


def test_the_schema_asks_the_decoder_to_end_each_sentence_with_a_full_stop(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(statement_answer(), answer((["P2"], "Jonas Berg backs the treaty.")))
    generate(fake, statement_file, tmp_path)
    schema = fake.requests[-1]["response_format"]["json_schema"]["schema"]
    pattern = schema["$defs"]["BottomLineDraft"]["properties"]["sentence"]["pattern"]
    assert re.fullmatch(pattern, "Jonas Berg backs the treaty.")
    assert not re.fullmatch(pattern, "Jonas Berg backs the treaty, and the ministry")
    # A straight quote would have to be escaped in JSON; the embedded model wrote it raw.
    assert not re.fullmatch(pattern, 'Jonas Berg said "it helps" small countries.')
    assert re.fullmatch(pattern, "Jonas Berg said \u201cit helps\u201d small countries.")
    # Room to finish a sentence that names five critics (the seeds' first sentence is 322
    # characters; a bound of 300 closed it at "... security, human and."), and the same
    # bound in the pattern as in the model, since llguidance ignores maxLength beside it.
    five = (
        "The tech industry, the Global Initiative against Transnational Organized Crime, Human "
        "Rights Watch, the Office of the UN High Commissioner for Human Rights, and press "
        "freedom organizations all expressed concerns over the implications of the UN "
        "Cybercrime Treaty on global network security, human rights, and press freedom."
    )
    assert len(five) > 300 and re.fullmatch(pattern, five)
    assert re.fullmatch(pattern, "x" * 399 + ".") and not re.fullmatch(pattern, "x" * 400 + ".")
    BottomLineDraft(facts=["P1"], sentence="x" * 399 + ".")


def verified(
    sentence: str, fact_text: str, stance: str = "opposes", second: str | None = None
) -> BottomLineSentence | Rejected:
    """``verify_sentence`` on ``sentence`` citing one position by Amara Okafor whose text (as
    with sentence citations, the cited sentence itself) is ``fact_text``, with ``stance`` and,
    if given, the stance check's ``second`` answer."""
    evidence = Evidence(
        source_id="s", start=0, end=len(fact_text), quote=fact_text, match="exact", score=1
    )
    okafor = Actor(id="a", name="Amara Okafor", kind="person", evidence=[evidence])
    checked = (
        {}
        if second is None
        else {
            "stance_check": "agreed" if second == stance else "disputed",
            "second_stance": second,
        }
    )
    position = Position(
        id="p",
        actor_id="a",
        stance=stance,
        summary=fact_text,
        evidence=[evidence],
        **checked,
    )
    draft = BottomLineDraft(facts=["P1"], sentence=sentence)
    return verify_sentence(draft, {"P1": position}, {"a": okafor}, "the treaty")


def verdict(
    sentence: str, fact_text: str, stance: str = "opposes", second: str | None = None
) -> str:
    """The reason ``sentence`` is dropped, or "kept"."""
    kept = verified(sentence, fact_text, stance, second)
    return kept.reason if isinstance(kept, Rejected) else "kept"


def test_a_sentence_that_cuts_a_quotation_short_is_dropped() -> None:
    said = 'Amara Okafor said in a letter that "no deal is better than a bad deal".'
    # Every word is in the fact, and the meaning is reversed.
    assert verdict("Amara Okafor said in a letter that no deal is better.", said) == (
        "quotes only part of 'no deal is better than a bad deal', which can change its meaning"
    )
    assert verdict("Okafor wrote that it is better than a bad deal.", said) != "kept"
    assert verdict("Amara Okafor said no deal is better than a bad deal.", said) == "kept"
    assert verdict("Amara Okafor opposes the treaty.", said) == "kept"
    curly = "Amara Okafor said: \u201cIt\u2019s a bad deal for reporters.\u201d"
    assert verdict("Amara Okafor said it's a bad deal for reporters.", curly) == "kept"
    # A pronoun at the start may give way to whom it stands for.
    this = 'Amara Okafor said: "This is a surveillance treaty in disguise," in a statement.'
    assert verdict("Amara Okafor says the treaty is a surveillance treaty in disguise.", this) == (
        "kept"
    )
    assert verdict("Amara Okafor says it is a surveillance treaty.", this) == (
        "quotes only part of 'This is a surveillance treaty in disguise', which can change its"
        " meaning"
    )


def test_a_long_quotation_is_checked_and_named_short() -> None:
    words = " ".join(f"clause{n}" for n in range(2000))
    said = f'Amara Okafor said "{words}".'
    reason = verdict("Amara Okafor said clause0 clause1 clause2 clause3.", said)
    assert reason.startswith("quotes only part of 'clause0 clause1") and "…'" in reason
    assert len(reason) < 200


def test_a_sentence_closed_by_a_forced_full_stop_after_a_comma_is_unfinished() -> None:
    said = "Amara Okafor said the treaty gives governments surveillance powers."
    assert verdict("Amara Okafor says the treaty gives governments,.", said) == (
        "the sentence is unfinished"
    )
    assert verdict("Amara Okafor says the treaty gives governments powers.", said) == "kept"


@pytest.mark.parametrize("end", ["and", "the", "of their"])
def test_a_sentence_closed_after_a_word_that_cannot_end_one_is_unfinished(end: str) -> None:
    """The seeds' bottom line reached the schema's length bound at "... security, human and."."""
    said = "Amara Okafor said the treaty threatens network security and human rights."
    assert verdict(f"Amara Okafor says the treaty threatens security, human {end}.", said) == (
        "the sentence is unfinished"
    )
    assert verdict("Amara Okafor says the treaty threatens human rights.", said) == "kept"


def test_a_cause_the_facts_do_not_state_is_cut_from_the_sentence() -> None:
    said = "Amara Okafor said the treaty gives governments surveillance powers."
    kept = verified("Amara Okafor opposes the treaty due to surveillance powers.", said)
    assert not isinstance(kept, Rejected) and kept.text == "Amara Okafor opposes the treaty."
    # A sentence that opens with the cause says nothing without it.
    assert verdict("Because of surveillance powers, Okafor objects.", said) == (
        "links facts by a cause ('Because') they do not state"
    )
    # Where a fact states the cause, the sentence may too.
    because = "Amara Okafor opposes the treaty because it gives governments surveillance powers."
    assert (
        verdict("Amara Okafor opposes the treaty because it gives governments powers.", because)
        == "kept"
    )


def test_a_sentence_that_says_a_run_of_words_twice_is_dropped() -> None:
    """SummEdits news read as a brief: "Phillip Swadling, technical director of avionics at
    Thales, says 'UTM solutions are essential,' says Phillip Swadling, technical director of
    avionics at Thales. Airspace Australia on 27 February said ..."."""
    said = "Amara Okafor, director of the Digital Rights Coalition, said the treaty is flawed."
    looped = (
        "Amara Okafor, director of the Digital Rights Coalition, says the treaty is flawed, "
        "says Amara Okafor, director of the Digital Rights Coalition."
    )
    assert verdict(looped, said) == ("says 'amara okafor director of the digital' twice")
    assert verdict("Amara Okafor, of the coalition, says the treaty is flawed.", said) == "kept"


def test_a_relation_the_facts_do_not_state_drops_the_sentence() -> None:
    """SummEdits news read as a brief: "The incidents of poisoning schoolgirls in Iran have
    been linked to the actions of Iran's chief prosecutor, Mohammad Javad Montazeri.", of a
    prosecutor who "suggested on February 21 that the incidents could be deliberate"."""
    said = "Amara Okafor said on Monday that the outages could be deliberate."
    assert verdict("The outages have been linked to the actions of Amara Okafor.", said) == (
        "ties facts by a relation ('linked to') they do not state"
    )
    linked = "Amara Okafor said the outages were linked to the new law."
    assert verdict("Amara Okafor says the outages were linked to the new law.", linked) == "kept"


def test_a_cut_cause_is_listed_beside_the_sentence_it_was_cut_from(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.enqueue(
        statement_answer(),
        answer(
            (["P1"], "Amara Okafor opposes the treaty due to fears for press freedom."),
            (["P2"], "Jonas Berg backs it."),
        ),
    )
    brief = generate(fake, statement_file, tmp_path, quiet=False)
    assert "bottom line: 2 sentences kept (1 cut short), 0 dropped" in capsys.readouterr().err
    assert [line.rsplit(".", 1)[0] for line in bottom_line_section(brief).splitlines()] == [
        "Amara Okafor opposes the treaty",
        "Jonas Berg backs it",
        CODE_WRITTEN[:-1],
    ]
    sheet = fact_sheet(tmp_path / "facts.json")
    assert [(r["kind"], r["reason"], r["draft"]["sentence"]) for r in sheet["rejected"]] == [
        (
            "bottom_line",
            "a cause its facts do not state was cut from the kept sentence: "
            "'due to fears for press freedom.'",
            "Amara Okafor opposes the treaty due to fears for press freedom.",
        )
    ]
    assert sheet["run"]["bottom_line"] == "model"


def test_a_date_tied_to_the_wrong_word_is_dropped() -> None:
    began = "Amara Okafor said the talks ended a process that began with a proposal in 2017."
    # Every word and the year are in the fact; the sentence dates the end, the fact the start.
    assert verdict("Amara Okafor said the process ended in 2017.", began) == (
        "ties '2017' to 'ended', which its facts do not"
    )
    assert verdict("Amara Okafor said the process began in 2017.", began) == "kept"
    assert verdict("Amara Okafor said a proposal in 2017 began the process.", began) == "kept"
    created = "Amara Okafor said the committee was created by resolution 74/247 in December 2019."
    assert verdict("Amara Okafor said the committee was created in December 2019.", created) == (
        "kept"
    )
    assert verdict("Amara Okafor said the committee was dissolved in December 2019.", created) == (
        "ties 'December 2019' to 'dissolved', which its facts do not"
    )
    # The fact's word may stand after its date, in the same clause.
    opening = "Amara Okafor said that in 2017, Russia proposed the convention."
    assert verdict("Amara Okafor said Russia proposed it in 2017.", opening) == "kept"


def stance_verdict(sentence: str, stance: str, second: str | None = None) -> str:
    """The reason ``sentence`` is dropped, or "kept", citing Amara Okafor's position with
    ``stance`` (and a disputing ``second`` answer)."""
    said = "Amara Okafor said the treaty is a surveillance treaty in disguise."
    return verdict(sentence, said, stance, second or stance)


def test_a_sentence_may_not_give_an_actor_a_side_its_stance_does_not() -> None:
    # The embedded model wrote "Microsoft supports the draft ..." of a disputed stance.
    assert stance_verdict("Okafor supports the treaty.", "supports", "opposes") == (
        "states a side for 'Amara Okafor', whose stance is disputed"
    )
    assert stance_verdict("Okafor calls it a surveillance treaty.", "supports", "opposes") == (
        "kept"
    )
    assert stance_verdict("Amara Okafor backs the treaty.", "opposes") == (
        "puts 'Amara Okafor' in favour, while its stance is opposes"
    )
    assert stance_verdict("Amara Okafor rejects the treaty.", "supports") == (
        "puts 'Amara Okafor' against, while its stance is supports"
    )
    assert stance_verdict("Amara Okafor opposes the treaty.", "opposes") == "kept"
    assert stance_verdict("Amara Okafor supports the treaty.", "supports") == "kept"


def two_sides(sentence: str, berg: str = "supports") -> str:
    """The reason ``sentence`` is dropped, or "kept", citing Amara Okafor's position (opposes)
    and Jonas Berg's (``berg``)."""
    actors, listed = {}, {}
    for n, (name, stance) in enumerate([("Amara Okafor", "opposes"), ("Jonas Berg", berg)]):
        said = f"{name} spoke about the treaty."
        evidence = Evidence(
            source_id="s", start=0, end=len(said), quote=said, match="exact", score=1
        )
        actors[f"a{n}"] = Actor(id=f"a{n}", name=name, kind="person", evidence=[evidence])
        listed[f"P{n + 1}"] = Position(
            id=f"p{n}", actor_id=f"a{n}", stance=stance, summary=said, evidence=[evidence]
        )
    draft = BottomLineDraft(facts=["P1", "P2"], sentence=sentence)
    kept = verify_sentence(draft, listed, actors, "the treaty")
    return kept.reason if isinstance(kept, Rejected) else "kept"


def test_each_clause_gives_the_side_of_the_actor_it_names() -> None:
    # The embedded model's sentence, of a Microsoft that opposes the treaty.
    assert two_sides("Jonas Berg opposes the treaty, while Amara Okafor supports it.") == (
        "puts 'Amara Okafor' in favour, while its stance is opposes"
    )
    assert two_sides("Amara Okafor opposes the treaty, while Jonas Berg supports it.") == "kept"
    assert two_sides("Amara Okafor rejects the treaty; Jonas Berg backs it.") == "kept"
    assert two_sides("Amara Okafor rejects the treaty but Jonas Berg rejects it too.") == (
        "puts 'Jonas Berg' against, while its stance is supports"
    )
    # A clause that takes no side leaves its actor unjudged by the other clause's words.
    assert two_sides("Amara Okafor spoke, while Jonas Berg backs the treaty.") == "kept"
    # One clause for both: words for one side only may not name an actor of the other.
    assert two_sides("Amara Okafor and Jonas Berg support the treaty.") == (
        "puts 'Amara Okafor' in favour, while its stance is opposes"
    )
    # A warning is not support.
    assert two_sides("Jonas Berg welcomes the treaty.", berg="concerned") == (
        "puts 'Jonas Berg' in favour, while its stance is concerned"
    )
    assert two_sides("Jonas Berg warns about the treaty.", berg="concerned") == "kept"


def test_a_sentence_keeps_only_the_cited_facts_it_shares_a_word_with() -> None:
    def fact(label: str, text: str) -> tuple[str, Event | Position]:
        evidence = Evidence(
            source_id="s", start=0, end=len(text), quote=text, match="exact", score=1
        )
        if label.startswith("E"):
            return label, Event(id=label, date="2017", description=text, evidence=[evidence])
        return label, Position(
            id=label, actor_id="a", stance="opposes", summary=text, evidence=[evidence]
        )

    okafor = Actor(id="a", name="Amara Okafor", kind="person")
    listed = dict(
        [
            fact("P1", "Amara Okafor said no government should trade away privacy."),
            fact("E1", "The drafting process began with a proposal from Russia in 2017."),
        ]
    )
    # The embedded model cited a timeline row for a sentence about someone's warning.
    draft = BottomLineDraft(
        facts=["P1", "E1"], sentence="Amara Okafor says no government should trade away privacy."
    )
    kept = verify_sentence(draft, listed, {"a": okafor}, "the treaty")
    assert isinstance(kept, BottomLineSentence) and kept.fact_ids == ["P1"]
    # A sentence that uses both facts cites both; one that shares no word with any, all.
    both = draft.model_copy(
        update={"sentence": "Amara Okafor warns on privacy, and Russia proposed it in 2017."}
    )
    kept = verify_sentence(both, listed, {"a": okafor}, "the treaty")
    assert isinstance(kept, BottomLineSentence) and kept.fact_ids == ["P1", "E1"]
    neither = draft.model_copy(update={"sentence": "The treaty is contested."})
    kept = verify_sentence(neither, listed, {"a": okafor}, "the treaty")
    assert isinstance(kept, BottomLineSentence) and kept.fact_ids == ["P1", "E1"]


def test_a_sentence_repeating_the_questions_own_words_is_dropped() -> None:
    said = "Amara Okafor said the treaty is a surveillance treaty in disguise."
    # The embedded model copied the instructions, and a fact's line with its framing.
    assert verdict("The few sentences an editor reads first state Okafor's view.", said) == (
        "repeats the question's own words ('the few sentences an editor reads first')"
    )
    assert verdict(f"Risk raised by Amara Okafor: {said}", said) == (
        "repeats the question's own words ('Risk raised by')"
    )
    assert verdict("Amara Okafor sees a risk raised by the treaty.", said) == "kept"
    assert verdict("Amara Okafor says the treaty is a surveillance treaty in disguise.", said) == (
        "kept"
    )


def test_facts_with_the_same_text_are_listed_once(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    """With sentence citations a position and the risk its actor raises, or two actors'
    positions, often have the same sentence as their text: the question lists it once, under
    all their labels, and a sentence may still cite any of them."""
    shared = "The treaty would hand governments sweeping surveillance powers."
    okafor = {**position("Amara Okafor", OKAFOR), "summary": shared}
    berg = {**position("Jonas Berg", BERG, stance="supports"), "summary": shared}
    risk = {
        "raised_by": "Amara Okafor",
        "quote": "journalists could be prosecuted for ordinary reporting",
        "description": shared,
        "category": "human_rights",
    }
    fake.enqueue(
        extraction(positions=[okafor, berg], risks=[risk]),
        answer((["R1"], "Amara Okafor warns of sweeping surveillance powers.")),
    )
    brief = generate(fake, statement_file, tmp_path)
    question = fake.requests[1]["messages"][-1]["content"]
    listed = question.split("Facts:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert listed == [
        f"P1, P2, R1. Amara Okafor (opposes, warns of a risk); Jonas Berg (supports): {shared}"
    ]
    line = bottom_line_section(brief).splitlines()[0]
    assert line.startswith("Amara Okafor warns of sweeping surveillance powers.")
    assert quotes_cited(brief, line) == ["journalists could be prosecuted for ordinary reporting"]


def test_each_line_names_who_holds_or_raises_what_its_text_says() -> None:
    def evidence(text: str) -> list[Evidence]:
        return [Evidence(source_id="s", start=0, end=len(text), quote=text, match="exact", score=1)]

    warned = "Amara Okafor warned that reporters could be jailed, and Jonas Berg agreed."
    dated = "On 8 August 2024 Jonas Berg signed the text."
    actors = {
        "a": Actor(id="a", name="Amara Okafor", kind="person"),
        "b": Actor(id="b", name="Jonas Berg", kind="person"),
    }
    ok = {"id": "p1", "actor_id": "a", "stance": "opposes"}
    berg = {"id": "p2", "actor_id": "b", "stance": "supports"}
    listed: dict[str, Position | Risk | Event] = {
        "P1": Position(**ok, summary=warned, evidence=evidence(warned)),
        "P2": Position(**berg, summary=dated, evidence=evidence(dated)),
        "R1": Risk(
            id="r1", raised_by=["a", "b"], description=warned, category="human_rights",
            evidence=evidence(warned),
        ),
        "R2": Risk(
            id="r2", raised_by=["a"], description=dated, category="legal", evidence=evidence(dated)
        ),
        "E1": Event(id="e1", date="8 August 2024", description=dated, evidence=evidence(dated)),
    }  # fmt: skip
    assert fact_lines(listed, actors) == [
        ("P1, R1", f"Amara Okafor (opposes); risk raised by Amara Okafor, Jonas Berg: {warned}"),
        (
            "P2, R2, E1",
            f"Jonas Berg (supports); risk raised by Amara Okafor; 8 August 2024: {dated}",
        ),
    ]  # fmt: skip
    alone = {"P1": listed["P1"]}
    assert fact_lines(alone, actors) == [("P1", f"Amara Okafor (opposes): {warned}")]


def test_a_side_word_inside_an_actors_name_gives_no_side() -> None:
    """The embedded model's "... the Global Initiative against Transnational Organized Crime
    ... all express concerns" was dropped as giving a disputed actor a side: "against" is
    part of a name, not a side."""
    name = "Coalition against Online Harm"
    said = f"The {name} warned that the treaty lets police share data too freely."
    evidence = [Evidence(source_id="s", start=0, end=len(said), quote=said, match="exact", score=1)]
    coalition = Actor(id="c", name=name, kind="organisation", evidence=evidence)
    disputed = Position(
        id="p", actor_id="c", stance="concerned", summary=said, evidence=evidence,
        stance_check="disputed", second_stance="opposes",
    )  # fmt: skip
    listed: dict[str, Position | Risk | Event] = {"P1": disputed}

    def kept(sentence: str) -> bool:
        draft = BottomLineDraft(facts=["P1"], sentence=sentence)
        verdict = verify_sentence(draft, listed, {"c": coalition}, "the treaty")
        return isinstance(verdict, BottomLineSentence)

    assert kept(f"The {name} warned that the treaty lets police share data too freely.")
    assert not kept(f"The {name} is against the treaty.")


def said(actor_id: str, text: str) -> Position:
    """A position of the actor ``actor_id`` (opposes) whose summary and evidence are ``text``."""
    evidence = [Evidence(source_id="s", start=0, end=len(text), quote=text, match="exact", score=1)]
    return Position(
        id=actor_id, actor_id=actor_id, stance="opposes", summary=text, evidence=evidence
    )


def test_a_position_whose_actor_is_not_named_needs_more_than_two_plain_words() -> None:
    """The embedded model cited a minister's position for a coalition's call: "text" and
    "lacked" were the only words the two shared."""

    actors = {
        "c": Actor(id="c", name="Open Net Coalition", kind="organisation"),
        "b": Actor(id="b", name="Jonas Berg", kind="person"),
    }
    coalition = "The Open Net Coalition urges members to reject any text that lacks safeguards."
    berg = "Jonas Berg said the text gives police the data tools they have long lacked."
    listed: dict[str, Position | Risk | Event] = {"P1": said("c", coalition), "P2": said("b", berg)}

    def cited(sentence: str) -> list[str]:
        kept = verify_sentence(
            BottomLineDraft(facts=["P1", "P2"], sentence=sentence), listed, actors, "the treaty"
        )
        assert isinstance(kept, BottomLineSentence)
        return kept.fact_ids

    assert cited(
        "The Open Net Coalition urges members to reject any text that lacks safeguards."
    ) == ["c"]
    # Three shared words, or the actor's name, and the position stays cited.
    assert cited(
        "The coalition wants safeguards, while police would get the data tools they lacked."
    ) == ["c", "b"]
    assert cited("The Open Net Coalition urges members to reject the text; Berg disagrees.") == [
        "c",
        "b",
    ]


def test_a_sentence_may_not_state_a_cited_view_as_fact() -> None:
    """The embedded model wrote "The firing of Peter Strzok was politically motivated, as an
    effort to discredit him as a witness in the special counsel investigation." citing only
    Mr. McCabe's position: "The firing was politically motivated, Mr. McCabe has said, as an
    effort to discredit him ..." (of his own firing). The brief said it as its own."""

    actors = {"s": Actor(id="s", name="Councillor Ivo Brandt", kind="person")}
    listed: dict[str, Position | Risk | Event] = {
        "P1": said(
            "s", "The toll was politically motivated, Mr. Brandt has said, as a way to punish him."
        ),
        "E1": Event(
            id="e",
            date="2024",
            description="The toll was politically motivated in 2024.",
            evidence=said("e", "The toll was politically motivated in 2024.").evidence,
        ),
    }

    def verdict(sentence: str, facts: list[str]) -> str:
        kept = verify_sentence(
            BottomLineDraft(facts=facts, sentence=sentence), listed, actors, "the harbour toll"
        )
        return kept.reason if isinstance(kept, Rejected) else "kept"

    assert verdict(
        "The harbour toll was politically motivated, as a way to punish him.", ["P1"]
    ) == ("states the view of 'Councillor Ivo Brandt' as fact, naming no one who holds it")
    # Said whose view it is, or that someone holds it, or resting on an event: kept.
    assert verdict("Mr. Brandt says the toll was politically motivated.", ["P1"]) == "kept"
    assert verdict("Critics say the toll was politically motivated.", ["P1"]) == "kept"
    assert verdict("The toll was politically motivated, as a way to punish him.", ["P1", "E1"]) == (
        "kept"
    )


def test_a_sentence_may_not_give_an_unnamed_actors_words_to_one_it_names() -> None:
    """The embedded model wrote "The National Rifle Association (NRA) opposes Obama's plan to
    curb gun violence, threatening to file articles of impeachment if he seeks to regulate
    guns with executive orders.", citing the NRA's position and Representative Steve
    Stockman's, whose threat it was."""

    actors = {
        "t": Actor(id="t", name="Harbour Traders Association", kind="organisation"),
        "s": Actor(id="s", name="Councillor Ivo Brandt", kind="person"),
        "i": Actor(id="i", name="Port Users Forum", kind="organisation"),
    }
    listed: dict[str, Position | Risk | Event] = {
        "P1": said("t", "The Harbour Traders Association called the toll a tax on trade."),
        "P2": said("s", "Councillor Ivo Brandt threatened to file a lawsuit to block the toll."),
        "P3": said(
            "i", "The shipping industry, represented by the Port Users Forum, fears delays."
        ),
    }

    def verdict(sentence: str, facts: list[str]) -> str:
        kept = verify_sentence(
            BottomLineDraft(facts=facts, sentence=sentence), listed, actors, "the harbour toll"
        )
        return kept.reason if isinstance(kept, Rejected) else "kept"

    assert verdict(
        "The Harbour Traders Association opposes the toll, threatening to file a lawsuit to "
        "block it.",
        ["P1", "P2"],
    ) == ("gives the words of 'Councillor Ivo Brandt', whom it does not name, to those it names")
    # Each named, or none named, or the fact's own subject as its text gives it: kept.
    assert (
        verdict(
            "The Harbour Traders Association opposes the toll, and Councillor Ivo Brandt "
            "threatened to file a lawsuit to block it.",
            ["P1", "P2"],
        )
        == "kept"
    )
    assert verdict("Some threatened to file a lawsuit to block the toll.", ["P2"]) == "kept"
    assert (
        verdict(
            "The Harbour Traders Association and the shipping industry oppose the toll and fear "
            "delays.",
            ["P1", "P3"],
        )
        == "kept"
    )


def test_a_sentence_in_the_words_of_a_fact_it_does_not_cite_cites_it_or_is_dropped() -> None:
    """The embedded model wrote "Speaker John A. Boehner supports allowing undocumented
    immigrants to stay in the U.S., but stops short of calling for a path to citizenship."
    citing Boehner's position and Bloomberg's, in the words of a timeline row on what Kevin
    McCarthy said; and "The United Nations recently adopted a global cybercrime convention,
    sparking intense debates ..." citing two timeline rows, in the words of the United
    Nations' position."""
    actors = {
        "l": Actor(id="l", name="Ana Lund", kind="person"),
        "v": Actor(id="v", name="Tom Vale", kind="person"),
        "u": Actor(id="u", name="Harbour Board", kind="organisation"),
    }
    said_it = "Ana Lund said she would allow night ferries but stopped short of backing a toll."
    evidence = [
        Evidence(source_id="s", start=0, end=len(said_it), quote=said_it, match="exact", score=1)
    ]
    listed: dict[str, Position | Risk | Event] = {
        "P1": said("v", "Tom Vale expects the council to publish its harbour principles."),
        "P2": said("u", "The Harbour Board recently adopted a ferry plan, sparking fierce debate."),
        "E1": Event(id="E1", date="Tuesday", description=said_it, evidence=evidence),
    }

    def verdict(sentence: str, facts: list[str]) -> str | list[str]:
        kept = verify_sentence(
            BottomLineDraft(facts=facts, sentence=sentence), listed, actors, "the harbour toll"
        )
        return kept.reason if isinstance(kept, Rejected) else kept.fact_ids

    assert verdict(
        "Tom Vale would allow night ferries but stops short of backing a toll.", ["P1"]
    ) == ("gives the words of 'Ana Lund' (E1), which it does not cite, to others")
    # Given to whom the fact gives them, or to no one: the fact is cited too (and one the
    # sentence does not use is not).
    assert verdict(
        "Ana Lund would allow night ferries but stopped short of backing a toll.", ["P1"]
    ) == ["E1"]
    assert verdict(
        "The Harbour Board recently adopted a ferry plan, sparking fierce debate.", ["E1"]
    ) == ["u"]


def test_a_sentence_saying_more_than_its_facts_is_dropped() -> None:
    """The embedded model wrote "Michael Flynn's lawyer, citing the Fifth Amendment, said Flynn
    would not comply with Senate subpoenas, which is a violation of his constitutional
    rights." and "Adam Sharp, a Twitter administrator, warned against protecting account
    credentials." of facts that say neither; a paraphrase may bring in a word or two."""
    said = "Amara Okafor's lawyer said she would not comply with the harbour subpoenas."
    assert verdict(
        "Amara Okafor's lawyer said she would not comply with the harbour subpoenas, which "
        "is a violation of her constitutional rights.",
        said,
    ) == ("says more than the facts it cites: constitutional, right, violation")
    assert verdict(
        "Amara Okafor, through her lawyer, will not comply with the subpoenas.", said
    ) == ("kept")
    assert verdict("Amara Okafor's lawyers say she will not obey the harbour subpoenas.", said) == (
        "kept"
    )


def test_a_sentence_may_not_give_a_title_its_facts_do_not() -> None:
    """The embedded model wrote "Vice President Fox opposes Trump's proposed border wall",
    of Vicente Fox, a former president of Mexico, beside Vice President Joe Biden."""
    said = "Former Harbour President Amara Okafor said the treaty was unfair."
    assert verdict("Vice President Okafor opposes the treaty.", said) == (
        "gives 'Vice President Okafor' a title its facts do not"
    )
    assert verdict("Senator Amara Okafor opposes the treaty.", said) == (
        "gives 'Senator Amara Okafor' a title its facts do not"
    )
    assert verdict("President Okafor opposes the treaty.", said) == "kept"
    # After the name too, and abbreviated.
    assert verdict("Sen. Okafor opposes the treaty.", "Amara Okafor, a senator, said no.") == "kept"
    vice = "Amara Okafor, the vice president of the guild, said the treaty was unfair."
    assert verdict("President Okafor opposes the treaty.", vice) == (
        "gives 'President Okafor' a title its facts do not"
    )
    # A title after the name (BASIL: "Jason Baron, a former Florida Gov., expressed concerns
    # ...", of a lawyer, beside "Former Florida Gov. Jeb Bush")
    assert verdict("Amara Okafor, a former Harbour President, is against it.", said) == "kept"
    assert verdict(
        "Ivo Brandt, a former Harbour Gov., is against it.", said + " Ivo Brandt agreed."
    ) == ("gives 'Ivo Brandt, a former Harbour Governor' a title its facts do not")
