"""Fact-level grounding: quotes, attribution and numbers are checked in code."""

from __future__ import annotations

import signal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.chunking import chunk_source
from briefing.dates import calendar_date, is_calendar_date
from briefing.grounding import GroundedChunk, SourceIndex, ground_chunk
from briefing.models import ChunkExtraction, EventDraft, PositionDraft, RiskDraft, Source
from briefing.names import (
    actor_name,
    is_the_topic,
    names_actor,
    names_people,
    refers_back,
    spelled_alike,
)

TEXT = (
    "Microsoft said in a written submission that "
    "\u201cno outcome is better than a bad outcome\u201d. "
    "Nick Ashton-Hart spoke for the Cybersecurity Tech Accord. He argued that "
    '"this convention does not have to be the vehicle". '
    "Russia argued that excessive attention to human rights is detrimental. "
    "This stance was opposed by Western countries. "
    "The vote was 102 to 23, with 26 abstentions, on 8 August 2024."
)
SOURCE = Source(id="src", title="t", text=TEXT)


def ground(**lists: list) -> tuple:
    index = SourceIndex(SOURCE)
    chunk = chunk_source(SOURCE, max_chars=5000)[0]
    extraction = ChunkExtraction(**{"positions": [], "risks": [], "events": [], **lists})
    result = ground_chunk(index, chunk, extraction)
    return result, [r.reason for r in result.rejected]


def ground_in(text: str, draft: PositionDraft, topic: str = "") -> GroundedChunk:
    """Ground one position draft against a one-chunk source holding ``text``."""
    source = Source(id="one", title="t", text=text)
    chunk = chunk_source(source, max_chars=5000)[0]
    extraction = ChunkExtraction(positions=[draft], risks=[], events=[])
    return ground_chunk(SourceIndex(source, topic), chunk, extraction)


def ground_event_in(sentence: str, date: str, published: str | None = None) -> GroundedChunk:
    """Ground an event drafted on the whole of a one-sentence source, dated ``date``."""
    source = Source(id="one", title="t", text=sentence, published=published)
    chunk = chunk_source(source, max_chars=5000)[0]
    draft = EventDraft(quote=sentence, date=date, description=sentence)
    extraction = ChunkExtraction(positions=[], risks=[], events=[draft])
    return ground_chunk(SourceIndex(source), chunk, extraction)


def ground_risks_in(text: str, *drafts: RiskDraft, topic: str = "") -> GroundedChunk:
    """Ground risk drafts against a one-chunk source holding ``text``."""
    source = Source(id="one", title="t", text=text)
    chunk = chunk_source(source, max_chars=5000)[0]
    extraction = ChunkExtraction(positions=[], risks=list(drafts), events=[])
    return ground_chunk(SourceIndex(source, topic), chunk, extraction)


def assert_kept(result: GroundedChunk, kept: bool) -> None:
    """The one position drafted was kept for its actor, or rejected, as expected (the reasons
    shown); one given instead to a speaker its sentence names is not kept."""
    drafted = [p for p in result.positions if not p.to_named_speaker]
    assert bool(drafted) is kept, [r.reason for r in result.rejected]


def risk(raised_by: str, quote: str) -> RiskDraft:
    return RiskDraft(raised_by=raised_by, quote=quote, description=quote, category="economic")


def pos(
    actor: str, quote: str, kind: str = "company", summary: str = "They oppose the treaty."
) -> PositionDraft:
    return PositionDraft(
        actor=actor, actor_kind=kind, quote=quote, summary=summary, stance="opposes"
    )


def test_quote_is_stored_as_the_source_text() -> None:
    result, reasons = ground(
        positions=[pos("Microsoft", "no outcome is better than a bad outcome")]
    )
    assert reasons == []
    ev = result.positions[0].evidence
    assert TEXT[ev.start : ev.end] == ev.quote == "no outcome is better than a bad outcome"


def test_words_pinned_on_the_wrong_actor_are_rejected() -> None:
    result, reasons = ground(
        positions=[
            pos("Nick Ashton-Hart", "no outcome is better than a bad outcome", kind="person"),
            pos(
                "Western countries",
                "excessive attention to human rights is detrimental",
                kind="group",
            ),
        ]
    )
    assert result.positions == []
    assert all("is not named in or just before the quoted sentence" in r for r in reasons)


def test_pronoun_sentence_is_attributed_through_the_sentence_before() -> None:
    result, reasons = ground(
        positions=[
            pos(
                "Nick Ashton-Hart", "this convention does not have to be the vehicle", kind="person"
            )
        ]
    )
    assert reasons == [] and len(result.positions) == 1


NAMED_BEFORE = "Veltra sent its minister to the talks in New York. {}"


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the convention gives small countries practical tools.",
        "\u201cThe convention gives small countries practical tools,\u201d the minister added.",
        "The convention gives small countries practical tools, according to the ministry.",
        "Its officials believe the convention gives small countries practical tools.",
        # named in the sentence itself: no word of saying needed
        "Veltra expects the convention gives small countries practical tools.",
    ],
)
def test_a_sentence_that_names_the_actor_or_reports_words_is_attributed(sentence: str) -> None:
    draft = pos("Veltra", "the convention gives small countries practical tools", kind="government")
    result = ground_in(NAMED_BEFORE.format(sentence), draft)
    assert result.rejected == [] and len(result.positions) == 1


def test_a_sentence_that_carries_on_words_reported_just_before_is_attributed() -> None:
    source = (
        "Veltra has expressed concerns over the data articles. "
        "The articles pose risks to the privacy of journalists abroad."
    )
    draft = pos("Veltra", "The articles pose risks to the privacy", kind="government")
    result = ground_in(source, draft)
    assert result.rejected == [] and len(result.positions) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The convention will enter into force 90 days after the 40th state has ratified it.",
        "Under the text, the convention will enter into force once 40 states ratify it.",
    ],
)
def test_the_writers_own_sentence_after_a_name_is_no_position_of_it(sentence: str) -> None:
    """A sentence that states a fact in the writer's voice is not the view of whoever the
    sentence before it named."""
    quote = " ".join(sentence.split()[2:8])
    result = ground_in(NAMED_BEFORE.format(sentence), pos("Veltra", quote, kind="government"))
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "'Veltra' is named only before the quoted sentence, and neither reports anyone's words"
    ]


def test_numbers_in_summary_must_be_in_the_evidence() -> None:
    quote = "The vote was 102 to 23, with 26 abstentions"
    good = RiskDraft(
        raised_by="Russia",
        quote="Russia argued that excessive attention to human rights is detrimental",
        description="Rights provisions could slow cooperation.",
        category="political",
    )
    bad = pos(
        "Russia",
        "Russia argued that excessive attention to human rights is detrimental",
        kind="government",
        summary="Russia won 120 votes.",
    )
    result, reasons = ground(positions=[bad], risks=[good])
    assert reasons == ["summary states 120, not supported by the source"]
    assert len(result.risks) == 1
    event_ok = EventDraft(
        quote=quote + ", on 8 August 2024", date="8 August 2024", description="A vote of 102 to 23."
    )
    event_bad = EventDraft(quote=quote, date="9 August 2024", description="The vote.")
    event_in_sentence = EventDraft(quote=quote, date="8 August 2024", description="The vote.")
    event_vague = EventDraft(quote=quote, date="recently", description="The vote.")
    event_tally = EventDraft(quote=quote, date="102 to 23", description="The vote.")
    result, reasons = ground(events=[event_ok, event_bad, event_vague])
    assert len(result.events) == 1
    assert reasons == [
        "states 9, not supported by the source",
        "the date is not a calendar date",
    ]
    result, reasons = ground(events=[event_tally])
    assert reasons == ["the date is not a calendar date"]
    # The date is outside the quote but in its sentence: the whole sentence becomes evidence.
    result, reasons = ground(events=[event_in_sentence])
    assert reasons == []
    widened = result.events[0].evidence
    assert widened.quote == TEXT[widened.start : widened.end]
    assert widened.quote.startswith("The vote was") and widened.quote.endswith("8 August 2024.")


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "If he won, he would presumably run in 2014 for a full six-year term ..."
        ("If he won, he would presumably run in 2014 for a full term.", False),
        ("But if the toll passes, the port will close in May 2025.", False),
        ("If anything, the council voted in May 2025 to keep the toll.", True),
        ("The council voted in May 2025 to keep the toll if it passes.", True),
        # after its source (BASIL: "According to a study by the Migration Policy Institute,
        # a nonpartisan group, if citizenship were denied to every child ..., the unauthorized
        # population ... would reach 24 million by 2050 ...")
        (
            "According to a study by the port institute, a think tank, if the toll were "
            "doubled, traffic would fall by half in May 2025.",
            False,
        ),
        ("According to the minutes, the council voted in May 2025 to keep the toll.", True),
        # BASIL: "A version of this article appears in print on October 12, 2012, on page A16
        # of the New York edition with the headline: ..."
        ("A version of this article appears in print on May 2025, on page A16.", False),
        # the signature of a post the article embeds (SummEdits news: "-- EviL Ras
        # (@EviL_Ras) February 23, 2023" was an event)
        ("-- Port Watch (@PortWatch) May 2025", False),
        # a pointer to another article (SummEdits news: '(Also see "Gilead CAR-T Joins
        # Billion-Dollar Club ..." - Scrip, 2 Feb, 2023.)' was an event)
        ('(Also see "Port Levy Joins Billion Club" - Harbour Wire, May 2025.)', False),
        # or its end, where a stop inside the headline split it ('Remains \'Very Confident\'
        # In TIGIT" - Scrip, 2 Feb, 2023.)' after "(Also see "Merck & Co.")
        ("Remains 'Very Confident' In Levy\" - Harbour Wire, 2 May, 2025.)", False),
        ("He wrote to @PortWatch in May 2025 to oppose the toll.", True),
    ],
)
def test_what_would_happen_on_a_condition_or_the_article_itself_is_no_event(
    sentence: str, kept: bool
) -> None:
    result = ground_event_in(sentence, "2014" if "2014" in sentence else "May 2025")
    assert bool(result.events) is kept, [r.reason for r in result.rejected]
    if not kept:
        assert [r.reason for r in result.rejected] == [
            "the quoted sentence is about the article itself"
            if "article" in sentence or "(@" in sentence
            else "the quoted sentence points to another article"
            if "Also see" in sentence or "Wire, 2 May" in sentence
            else "the quoted sentence tells what would happen, if"
        ]


@pytest.mark.parametrize(
    ("sentence", "date", "kept"),
    [
        # BASIL: "Obama said economists predict higher job growth in 2011 and 2012 if Congress
        # passes the agreement ..." in a story of December 2010 was an event of 2011
        ("Lund said economists predict more jobs in 2027 if the toll passes.", "2027", False),
        ("The port forecast a loss for 2026.", "2026", False),
        # BASIL: "The most recent projections from the Social Security Administration ...
        # indicate that ... the program's trust funds will be exhausted by 2036", and
        # "Trustees ... last week warned the Social Security Trust Fund will be exhausted in
        # 2036" were events of 2036 in a story of 2011
        ("The latest projections show the fund running dry by 2031.", "2031", False),
        ("Auditors warned the fund will be empty in 2031.", "2031", False),
        ("The board estimates the toll will raise 40 million in 2027.", "2027", False),
        # BASIL: "“The big blue wave that Schumer hopes will make him Senate majority leader in
        # 2019 will not build itself.”" was an event of 2019 in a story of 2018
        (
            "The wave Ms. Lund hopes will make her mayor in 2027 will not build itself.",
            "2027",
            False,
        ),
        # a forecast made in a year gone by is an event of that year, and a plan is no forecast
        ("Economists predicted in 2019 that the toll would fail.", "2019", True),
        ("The new terminal is set to open in 2027.", "2027", True),
    ],
)
def test_a_forecast_of_a_later_year_is_no_event(sentence: str, date: str, kept: bool) -> None:
    result = ground_event_in(sentence, date, published="2025-12-08")
    assert bool(result.events) is kept, [r.reason for r in result.rejected]
    if not kept:
        assert [r.reason for r in result.rejected] == ["the quoted sentence forecasts a later year"]


_RACE = "the year is the race's, not when it happened"
_INQUIRY = "the year is of what is investigated, not of this"
_ASIDE = "the date is told of the speaker in an aside, not of what they said"
_BACK = "the year is how far back something goes, not when this happened"
_LIKENED = "the year is of an earlier occasion the sentence likens this to"
_BEFORE = "the year is of what came before this, not when it happened"


@pytest.mark.parametrize(
    ("sentence", "date", "reason"),
    [
        # BASIL: "New Jersey Gov. Chris Christie (R) announced he's running for president in
        # 2016." and "... to throw his hat in the ring for 2016." were events of 2016 in
        # stories of 2015, as was "He joins an already crowded 2016 Republican field, ..."
        ("Mayor Ana Lund announced she is running for governor in 2027.", "2027", _RACE),
        ("Tom Vale is expected to throw his hat in the ring for 2027.", "2027", _RACE),
        ("He joins an already crowded 2027 Whig field of six.", "2027", _RACE),
        # the race's year in a story of that year or later, a race held then, a weekday given
        ("Tom Vale ran for governor in 2019.", "2019", None),
        ("The governor's race in 2027 will be held on May 4, 2027.", "2027", None),
        ("Tom Vale announced Tuesday he will run for the 2027 nomination.", "2027", None),
        # BASIL: "The existence of the account was discovered by the House select committee
        # investigating the deadly 2012 attacks on the U.S. Consulate in Benghazi, ..." was an
        # event of 2012 in a story of 2015
        (
            "The account was found by the panel investigating the 2019 fire at the port.",
            "2019",
            _INQUIRY,
        ),
        ("The inquiry was ordered to look into the 2019 toll vote.", "2019", _INQUIRY),
        ("The panel began investigating the fire in 2019.", "2019", None),
        ("During the 2019 campaign, Ms. Lund spoke at the port.", "2019", None),
        # BASIL: "“The message from Tuesday is clear ...,” Mr. Labrador, a former immigration
        # lawyer elected in the Tea Party wave of 2010, said in a statement." was an event of
        # 2010 in a story of 2014
        (
            "\u201cIt is clear,\u201d Ms. Lund, a lawyer elected in 2019, said on Monday.",
            "2019",
            _ASIDE,
        ),
        ("Tom Vale, who led the port board in 2018, said the toll was unfair.", "2018", _ASIDE),
        # the year the sentence's own words give, or one told outside the aside
        ("Tom Vale, a port director, said in 2019 that the toll was unfair.", "2019", None),
        ("In 2019 Tom Vale, who led the board in 2019, said the toll was unfair.", "2019", None),
        ("Tom Vale, who led the board, said the toll opened in 2019.", "2019", None),
        # BASIL: "He repaid his campaign more than $60,000 earlier this year for improper
        # expenses dating back to 2015, but the FBI began investigation additional charges
        # dating back as far as 2009, ..." was an event of 2009
        ("He repaid the port for expenses dating back as far as 2009.", "2009", _BACK),
        ("Tom Vale has a long record of fines going back to 2011.", "2011", _BACK),
        ("Tom Vale repaid the port in 2019 for expenses dating back to 2011.", "2019", None),
        # BASIL: "Perhaps out of a belief that an impeachment fight would help him politically
        # — as it did President Bill Clinton in the 1990s — or outright fear ..., Mr. Trump
        # dived into the conversation head first." was an event of the 1990s
        (
            "A fight would help her, as it did Mayor Lee in the 1990s, so Ms. Lund joined in.",
            "1990s",
            _LIKENED,
        ),
        ("Tom Vale raised the toll, as he had in 2011 and 2015.", "2015", _LIKENED),
        ("As it did in 2011, the port raised the toll in 2019.", "2019", None),
        # BASIL: "Mr. Cantor's loss recalled the defeat of former Speaker Thomas S. Foley, a
        # Democrat who lost ..., in the 1994 general elections ..." was an event of 1994
        (
            "Ms. Lund's loss recalled the defeat of Mayor Tom S. Vale, who lost in the 1994 race.",
            "1994",
            _LIKENED,
        ),
        ("Ms. Lund recalled that she first ran in 1994.", "1994", None),
        # BASIL: "After the bruising debt-ceiling fight from 2011, Obama recently warned that he
        # will not "play that game" again." was an event of 2011 in a story of 2012
        (
            "After the bruising toll fight of 2019, Ms. Lund warned she would not do it again.",
            "2019",
            _BEFORE,
        ),
        ("After the vote, Ms. Lund resigned in 2019.", "2019", None),
        # BASIL: "..., even saying at press conference he wished it was 1825 so he could
        # shoot Gattine in a duel" was an event of 1825
        (
            "He refused to apologize, saying he wished it was 1825 so he could fight a duel.",
            "1825",
            "the year is one wished for, not when anything happened",
        ),
    ],
)
def test_a_year_the_sentence_gives_of_something_else_is_no_date_of_it(
    sentence: str, date: str, reason: str | None
) -> None:
    result = ground_event_in(sentence, date, published="2025-12-08")
    assert [r.reason for r in result.rejected] == ([reason] if reason else [])
    assert bool(result.events) is (reason is None)


def test_names_actor_by_full_name_surname_and_acronym() -> None:
    window = "Tirana Hassan of Human Rights Watch (HRW) said the U.N. text was flawed."
    assert names_actor("Human Rights Watch", "organisation", window)
    assert names_actor("HRW", "organisation", "Human Rights Watch said so.")
    assert names_actor("Hassan", "person", window)
    assert names_actor("Ms Tirana Hassan", "person", window)
    assert not names_actor("Amnesty International", "organisation", window)
    assert not names_actor("Microsoft", "company", window)
    # A risk's raiser has no kind: a surname names it only after a title only people bear.
    assert names_actor("Ada Park", None, "Ms. Park said the toll was wrong.")
    assert not names_actor("Ada Park", None, "The park was closed.")
    assert not names_actor("Amnesty International", None, "Its international staff left.")
    # "Mr." is a title, not the initials of Mitt Romney (BASIL: "Mr. Ryan reminded ...").
    assert not names_actor("Mitt Romney", "person", "Mr. Ryan reminded him of his gaffes.")
    assert not names_actor("Mara Rossi", None, "Mr. Lee said so.")
    # Initials are written in capitals (BASIL: "... is what Ryan highlighted as the party's
    # biggest problem." named Adam Schiff by "as").
    assert not names_actor("Ada Stone", "person", "It is what Lee highlighted as the problem.")
    assert not names_actor("United Shipyards", "company", "Let us talk.")
    assert names_actor("United Shipyards", "company", "U.S.'s yards and US said no.")
    # A bill's number is no body's initials (BASIL: "The so-called "HR 1" measure embraced
    # by House Democrats ..." was a position of the House of Representatives).
    assert not names_actor("Harbour Rates", "organisation", "The so-called HR 1 bill passed.")
    assert names_actor("Harbour Rates", "organisation", "HR said the HR 1 bill passed.")
    # An acronym is spelled out by a name in capitals, not by any words with its initials
    # (BASIL: "Obama urges new restrictions on assault weapons" named the NRA).
    assert names_actor("HTA", "organisation", "The Harbour Traders Association met.")
    # A name without a generational suffix is not the suffixed son's (BASIL: "... lawyers for
    # both Jesse Jackson Jr. and Sandra Jackson said ..." was Rev. Jesse Jackson's position)
    son = "Lawyers for both Tom Vale Jr. and Ana Vale said they would go on."
    assert not names_actor("Tom Vale", "person", son)
    assert not names_actor("Rev. Tom Vale", "person", son)
    assert names_actor("Tom Vale Jr.", "person", son)
    assert names_actor("Tom Vale", "person", "Lawyers for Tom Vale said so.")
    assert not names_actor("NRA", "organisation", "Obama urges new restrictions on assault rifles.")
    # A surname written with a capital is named with one (BASIL: "Director of National
    # Intelligence", drafted as a person, was named by "intelligence gathering").
    assert not names_actor("Ada Park", "person", "The park was closed.")
    assert names_actor("Ada Park", "person", "PARK: The toll was wrong.")
    assert not names_actor("Director of Port Security", "person", "Port security was lax.")
    assert names_actor("Tom Lee's wife", "person", "His wife said so.")  # no capital to ask
    # Nor after another given name (BASIL: "Hutchinson called up Mark Mattioli, whose
    # 6-year-old son, James Mattioli, was killed ..." named Mark again by his son's name).
    assert not names_actor("Maria Park", "person", "Her son, James Park, was hurt.")
    assert names_actor("Maria Park", "person", "Her son, James, and Ms. Park were hurt.")
    assert names_actor("Joseph Brandt", "person", "Joe Brandt said so.")  # one given name
    # Nor after a title of the other sex (BASIL: "“You want to pet him?” Mr. Obama asked his
    # daughters." was Malia Obama's position)
    assert not names_actor("Maria Park", "person", "\u201cWhy?\u201d Mr. Park asked his son.")
    assert names_actor("Maria Park", "person", "\u201cWhy?\u201d Ms. Park asked her son.")
    assert names_actor("Ilse Park", "person", "\u201cWhy?\u201d Mr. Park asked.")  # sex unknown
    for woman in ("Malia", "Joni", "Patti", "Kamala", "Heidi", "Mazie", "Jeanne"):
        assert not names_actor(f"{woman} Park", "person", "Mr. Park asked."), woman
    # A role with the body or place it is of (BASIL: "N.C.A.A. president" was named by "...
    # whether to run for re-election or for president in 2016").
    assert not names_actor("H.T.A. president", "person", "He may run for president in 2016.")
    assert names_actor("H.T.A. president", "person", "The H.T.A. president, Ana Park, spoke.")
    assert names_actor("Utah Attorney General", "person", "The Attorney General of Utah spoke.")


def test_a_role_is_no_surname_and_a_longer_name_is_another_actor() -> None:
    # BASIL: "The president asked the congressional leaders ..." drafted as the Vice
    # President's; "White House staff members" as the House's.
    assert not names_actor("Vice President", "person", "The president asked them to return.")
    assert names_actor("Vice President", "person", "Earlier, the vice president had said so.")
    assert names_actor("Dana Price", "person", "Ms. Price asked them to return.")
    assert not names_actor("House", "government", "Some White House staff members agreed.")
    assert names_actor("House", "government", "The House passed it; the White House did not.")
    assert names_actor("White House", "government", "Some White House staff members agreed.")


def test_a_body_the_source_names_only_by_its_acronym_is_shown_by_it() -> None:
    # BASIL: "NATO Rifle Association" drafted for "the NRA said", matched by its initials.
    said = '"The plan has failed," the NRA said after the meeting.'
    result = ground_in(said, pos("NATO Rifle Association", said, "organisation"))
    assert [p.actor for p in result.positions] == ["NRA"]
    # The full name in the source is kept.
    both = 'The National Rifle Association (NRA) said: "The plan has failed."'
    result = ground_in(both, pos("National Rifle Association", both, "organisation"))
    assert [p.actor for p in result.positions] == ["National Rifle Association"]


def test_names_actor_ignores_a_hyphen_inside_a_name_and_a_generational_suffix() -> None:
    assert names_actor("Walmart", "company", "Wal-Mart said the class was too large.")
    assert names_actor("Wal-Mart Stores", "company", "Walmart Stores appealed.")
    said = "Mr. Boutrous told the justices the claims were not typical."
    assert names_actor("Theodore J. Boutrous Jr.", "person", said)
    assert not names_actor("Theodore J. Boutrous Jr.", "person", "Mr. Jr said so.")
    assert not names_actor("Walmart", "company", "Wal and Mart are two towns.")
    assert names_actor("Smith - Jones Ltd", "company", "Smith - Jones Ltd - a firm - said so.")
    assert not names_actor("-", "company", "A dash - alone names no one.")


def test_names_actor_reads_a_possessive_as_the_name() -> None:
    assert names_actor("Walmart", "company", "Wal-Mart's appeal asks the court to stop the case.")
    assert names_actor("Russia", "government", "Russia’s delegation said no.")
    assert names_actor(
        "Retailers' Association", "organisation", "The Retailers' Association said so."
    )
    assert names_actor("Ann O'Neill", "person", "O'Neill's office said so.")
    assert not names_actor("Russia", "government", "Russians said no.")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=len(TEXT) - 12), st.integers(min_value=12, max_value=80))
def test_any_grounded_evidence_is_verbatim(start: int, length: int) -> None:
    quote = TEXT[start : start + length]
    if not quote.strip() or len(quote.strip()) < 8:
        return
    draft = EventDraft(quote=quote, date="2024", description="Something happened.")
    result, _ = ground(events=[draft])
    for event in result.events:
        ev = event.evidence
        assert TEXT[ev.start : ev.end] == ev.quote


def test_names_in_a_summary_must_occur_in_the_source() -> None:
    quote = "no outcome is better than a bad outcome"
    invented = pos("Microsoft", quote, summary="Microsoft and Amnesty International reject it.")
    result, reasons = ground(positions=[invented])
    assert result.positions == []
    assert len(reasons) == 1 and "Amnesty" in reasons[0]
    named = pos("Microsoft", quote, summary="Microsoft, like Russia, has a view.")
    result, reasons = ground(positions=[named])  # Russia is named elsewhere in the source
    assert reasons == [] and len(result.positions) == 1


def test_the_actors_full_name_in_its_summary_is_not_a_new_claim() -> None:
    """The text says "He argued"; the actor is grounded by the sentence before, by full name."""
    draft = pos(
        "Nick Ashton-Hart",
        "this convention does not have to be the vehicle",
        kind="person",
        summary="Nick Ashton-Hart doubts the convention.",
    )
    result, reasons = ground(positions=[draft])
    assert reasons == []


def test_an_acronym_actor_is_removed_from_its_summary_as_a_whole_word_only() -> None:
    """Removing "UN" from "United Nations" once left "ited", rejected as an unknown claim."""
    sentence = "The United Nations (UN) adopted the convention."
    result = ground_in(sentence, pos("UN", sentence, "organisation", sentence))
    assert result.rejected == [] and len(result.positions) == 1


@pytest.mark.parametrize(
    ("date", "calendar"),
    [
        ("8 August 2024", True),
        ("Aug. 8", True),
        ("March 2023", True),
        ("2017", True),
        ("the 1990s", True),
        ("08/08/2024", True),
        ("2024-08-08", True),
        ("Q3 2024", True),
        ("102 to 23", False),
        ("26 abstentions", False),
        ("Monday", False),
        ("not specified", False),
        ("May", False),  # a month alone has no number: which year's May?
        ("on May 5", True),
        ("August 8, 2024", True),
        ("the market fell 3.5 points", False),  # "mar..." is not March, "3.5" not a date
        ("a decision by 12 votes", False),  # nor is "dec..." December
        ("Article 28", False),
    ],
)
def test_an_event_date_must_be_a_calendar_date(date: str, calendar: bool) -> None:
    assert is_calendar_date(date) is calendar


def test_a_summary_may_name_the_topic_the_user_gave() -> None:
    """The user says what the sources are about; a summary may use the topic's name."""
    text = "Obama said the programs are lawful."
    draft = pos("Obama", "the programs are lawful", "person", "Obama defends the NSA programs.")
    alone = ground_in(text, draft)
    assert [r.reason for r in alone.rejected] == ["summary states NSA, not supported by the source"]
    topic = "National Security Agency programs"
    with_topic = ground_in(text, draft, topic)
    assert with_topic.rejected == [] and len(with_topic.positions) == 1
    # Numbers still need the evidence, whatever the topic says.
    counted = draft.model_copy(update={"summary": "Obama defends the 3 NSA programs."})
    numbered = ground_in(text, counted, "the 3 NSA programs")
    assert [r.reason for r in numbered.rejected] == [
        "summary states 3, not supported by the source"
    ]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The treaty was adopted on August 8, 2024 by all members.", "August 8, 2024"),
        ("Negotiators agreed the text on 8 August 2024 in New York.", "8 August 2024"),
        ("Proposed by Russia in 2017, the treaty grew.", "2017"),
        ("In March 2023 the council voted; in May 2024 it met again.", "March 2023"),
        ("Results are due by Q3 2024.", "Q3 2024"),
        ("It was signed on 08/08/2024.", "08/08/2024"),
        ("NEW YORK, Aug 9 (Wire) - They agreed on Thursday, 8 August 2024.", "8 August 2024"),
        ("It opens on 3 May.", "3 May"),
        ("The vote was 102 to 23 on Monday.", None),
        ("May we decide later?", None),
        # a march is no month (BASIL: "... who attended the 9/12 march in D.C. this year" was
        # dated "12 march")
        ("She attended the 9/12 march in Riverton this year.", None),
        # a date inside a name is none (BASIL: a militia, a law, a primary)
        ("The cable warned that the 17 February Brigade was compromised.", None),
        ("The plan improves on the 1994 Assault Weapons Ban.", None),
        ("He leads the race for the 2012 Republican nomination.", None),
        ("The 2012 election was close.", "2012"),
        # a past incident named by its date dates the incident, not the sentence (BASIL)
        ("The bill lets families of those killed in the Sept. 11 attacks sue.", None),
        ("Congress let families of Sept. 11 victims sue on Wednesday.", None),
        ("Fifteen of the 19 Sept. 11 hijackers were Saudi nationals.", None),
        ("Eva Lund, co-chair of September 11th Advocates, spoke.", None),
        ("On September 11 Congress voted.", "September 11"),
        ("The Sept. 11 attacks killed nearly 3,000 people.", "Sept. 11"),
        ("On 19 Sept. 2016 the Senate voted; the 4 May, 2017 vote followed.", "19 Sept. 2016"),
        # a date a span runs from or between dates no event of its sentence (BASIL: "The
        # Obama administration tried Saturday to ... since 2009" was an event of 2009)
        ("Congress has been briefed 13 times on the programs since 2009.", None),
        # BASIL: "... a leadership team that has failed three times to reclaim the majority
        # since being swept out in 2010."
        ("A board that has failed to win since being swept out in 2010.", None),
        ("It has grown since opening in May 2012, and closed in June 2020.", "June 2020"),
        ("It covers any who worked there going back to late 1998.", None),
        ("A study of the years between 2005 and 2008 was published in May 2012.", "May 2012"),
        ("Joblessness hit its highest level since 1983 in March 2009.", "March 2009"),
        ("He has led the party since the 1990s.", None),
        # BASIL: "... between 2005 and 2008 to a yearly average of 3,690 pounds from 2009 to
        # 2013." was an event of 2009
        ("Seizures rose from 2009 to 2013, the agency said in May 2014.", "May 2014"),
        # BASIL: "the first one-on-one deficit talks ... since the summer of 2011"
        ("They were the first talks between the two since the summer of 2011.", None),
        # BASIL: "... on the anniversary of the Sept. 11, 2001, terrorist attacks", "the
        # overall security budget has more than doubled since fiscal 2004"
        ("Few forces were near on the anniversary of the Sept. 11, 2001, terrorist attacks.", None),
        ("The budget has more than doubled since fiscal 2004.", None),
        # BASIL: "... which did not determine that ... anyone on his campaign conspired with
        # Russia to win the 2016 election."; the election's own sentence keeps its year
        ("No one conspired with the guild to win the 2016 election.", None),
        ("The guild lost the 2016 election.", None),
        ("The 2016 election was close.", "2016"),
        # BASIL: "Mr. McCain defended Mr. Lieberman, who endorsed his 2008 run for president."
        ("Ms. Lund defended Mr. Vale, who endorsed her 2008 run for mayor.", None),
        # BASIL: "the likely 2016 presidential candidate's privacy", "his inquiry into the
        # attacks in 2012 on an American diplomatic compound"
        ("It would protect the likely 2016 presidential candidate's privacy.", None),
        ("He led the inquiry into the attacks in 2012 on the port.", None),
        # a decade with an apostrophe is read whole (BASIL: "In the 1990's, Lerner also
        # served ..." was dated "1990")
        ("In the 1990's, she served as chief of enforcement.", "1990's"),
        # not a year's possessive (BASIL: "The Supreme Court ruled in 1898's U.S. v. Wong Kim
        # Ark that ...")
        ("The court ruled in 1898\u2019s Lund v. Vale that the levy was lawful.", "1898"),
        ("The rule applies from January 2020.", "January 2020"),
        # an incident named by its date, before or after its name; a year in a title (BASIL)
        ("Backers should show their care for Sept. 11 survivors by passing it.", None),
        ("The site lies two blocks from the attacks of Sept. 11, 2001, downtown.", None),
        # BASIL: "We must also remember that after the tragedy of Sept. 11, 2001, it is also a
        # necessary one."
        ("We must remember that after the tragedy of Sept. 11, 2001, it is needed.", None),
        ("Ana Lund, the party\u2019s 2008 vice-presidential nominee, opposed it.", None),
        ("In 2008 Republican candidates lost.", "2008"),
        # BASIL: "Trump, who placed second in an NBC/ Wall Street Journal poll of potential
        # 2012 Republican candidates, said ...", "Gov. Chris Christie, who is insistent he
        # personally is not a candidate for president in 2012, said ..."
        ("Lee, second in a poll of potential 2012 Harbour candidates, spoke.", None),
        ("Ana Lund, who is not a candidate for mayor in 2012, said he would win.", None),
        ("She was elected mayor in 2012.", "2012"),
        # BASIL: "The report has drawn heavy criticism from Republicans, including at least
        # one potential challenger in the 2016 presidential race."
        ("It drew criticism from one potential challenger in the 2016 mayoral race.", None),
        ("During her campaign for the Senate in 1994, Ms. Lund vowed to cut the toll.", "1994"),
        # a date of a thing the sentence acts on (BASIL: "He cited a 1997 Mississippi case in
        # which ...", "Another pivotal issue Wednesday dealt with an Aug. 16 cable.", "...
        # squeezed out of Medicare by the 2010 health law.", "drag out this political charade
        # into 2016"); a thing opening the sentence or holding its words keeps it
        ("He cited a 1997 Ohio case in which a clerk ran for help.", None),
        ("Another issue Wednesday dealt with an Aug. 16 cable.", None),
        ("She would restore the money cut from the port by the 2010 harbor law.", None),
        ("Rather than drag this out into 2016, hold the hearing.", None),
        # BASIL: "He said the deal would keep the government open for three weeks until Feb.
        # 15 and that ..."
        ("He said the deal would keep the port open until Feb. 15.", None),
        # BASIL: "... has said that Congress should wait until at least 2015 to take up the
        # issue again ..."
        ("She said the council should wait until at least 2015 to take it up.", None),
        ("The levy runs through 2020, the council said in May 2019.", "May 2019"),
        # BASIL: "... or resurrect the 2013 comprehensive immigration overhaul that ...", "...
        # made their first visit to the White House since their Dec. 11 meeting with Trump"
        ("She urged the council to resurrect the 2013 comprehensive harbor overhaul.", None),
        ("They made their first visit since their Dec. 11 meeting with the mayor.", None),
        # a year spoken of (BASIL: "He spoke of 1968 and of the political violence he had seen
        # up close as a civil rights leader, ...")
        ("He spoke of 1968 and of the strikes he had seen up close.", None),
        ("She recalled the 1990s, when the port was busy.", None),
        ("He spoke in 1968 of the strikes.", "1968"),
        # in a relative clause (BASIL: "For instance, lawmakers did not read the 18th
        # Amendment, which imposed prohibition on liquor in 1919.")
        ("They did not read the 18th Amendment, which imposed a ban in 1919.", None),
        ("Ana Park, who took office in 2009, opposed the toll in May 2012.", "May 2012"),
        ("The ban, which passed in 1919, was repealed in 1933.", "1933"),
        # BASIL: "As my colleagues ... report from Atlanta, where Chick-fil-A began in the
        # 1940s, the president, Dan T. Cathy, made comments last month ..."
        ("They report from Riverton, where the guild began in the 1940s, that it is over.", None),
        # BASIL: '"This is just too important to sit out," said Bloomberg, a former Democrat
        # who won New York's mayoralty as a Republican in 2001 before leaving the party ...'
        ("\u201cIt matters,\u201d said Lund, a former Whig who won the mayoralty in 2001.", None),
        # BASIL: "Mr. Ryan is to deliver the prestigious Whittington Lecture, named for an
        # associate dean who was killed on the airplane that crashed into the Pentagon on
        # Sept. 11, 2001."
        ("She gives the Lund Lecture, named for a former port dean who died in May 2001.", None),
        ("A 2013 report found that the levy fell short.", "2013"),
        ("But the 2010 harbor law passed anyway.", "2010"),
        ("He wrote in a 2013 letter that the levy fell short.", "2013"),
        # BASIL: "... the special counsel appointed to lead an inquiry into Russia's influence
        # on the 2016 election and possible ties to Trump associates."
        ("He led an inquiry into Norland's influence on the 2016 election.", None),
        ("During the 2016 campaign, she backed the levy.", "2016"),
        # BASIL: "... its intention to end the 2014 ban", "Zinke's 2014 and 2016 congressional
        # campaigns", "Barack Obama's 2012 action to grant work permits", "under a 1970s-era
        # law", "podcast, 2016 Democratic House candidate Zephyr Teachout, ..., said"
        ("The agency signaled its intention to end the 2014 ban on imports.", None),
        ("Donors gave to Ana Lund's 2014 and 2016 harbor campaigns, filings show.", None),
        ("He compared it to Ana Lund's 2012 action to waive the toll.", None),
        ("Mayors have declared emergencies under a 1970s-era law five times.", None),
        ("On the podcast, 2016 Harbour Party candidate Ana Lund said it was wrong.", None),
        ("The 2014 ban was lifted.", "2014"),
        ("The worst warning was an August 2012 harbor cable.", "August 2012"),
        # a thing made then (BASIL: "The state's image is still scarred by a divisive
        # immigration law passed in 2010, which gave police officers the ability ...")
        ("The port is still scarred by a harsh toll law passed in 2010.", None),
        ("The toll bill passed in 2010.", "2010"),
        # in a clause of time or cause inside the sentence (BASIL: "... in connection with a
        # health food restaurant he owned ... after he left the Federal Bureau of
        # Investigation in 2006, two of the people said."); a clause opening it sets its time
        ("It concerns a shop he ran after he left the navy in 2006, two people said.", None),
        ("She opposes the toll, although she voted for it in 2002.", None),
        ("After he left the navy in 2006, he opened a shop.", "2006"),
        ("He resigned before the vote in May 2016.", "May 2016"),
        # in a participle's agent phrase, and a date joined to it (BASIL: "..., one given him
        # by his mother in 1955 just before his ninth birthday and another used by Abraham
        # Lincoln in 1861 and again by Mr. Obama in 2009 and 2013.")
        (
            "She held two keys, one given her by her aunt in 1955 and another used by Ana"
            " Lund in 1861 and again by Mr. Vale in 2009 and 2013.",
            None,
        ),
        ("The toll signed by Mayor Lund in 2010 was upheld in June 2012.", "June 2012"),
        ("He said the key was given him by his aunt in 1955.", "1955"),
        ("The House voted by a wide margin in 2010 to repeal it.", "2010"),
        # a past before the one reported, and a relative clause with no comma (BASIL: "The
        # A.G., according to the Times, said he had misspoken at a 2008 event in Norfolk
        # ...", "... called a New York Times report which includes video of him at a 2008
        # event saying ...")
        ("The mayor said she had misspoken at a 2008 event in Riverton.", None),
        ("Her aides called a Courier report which shows her at a 2008 event a smear.", None),
        ("At a 2008 ceremony in Riverton, she praised the crews.", "2008"),
        # BASIL: "... whether or not to affirm and proliferate a motto that was adopted in
        # 1956", "referring to a 2005 video that came to light ...", "would not have
        # authorized the 2003 invasion of Iraq ..."
        ("They debate whether to affirm a motto that was adopted in 1956.", None),
        ("The motto was adopted in 1956.", "1956"),
        ("He said that was needed in 2010.", "2010"),
        ("She was referring to a 2005 video that came to light in the race.", None),
        ("He would not have backed the 2003 invasion of Norland.", None),
        ("She said in 2010 that she had won.", "2010"),
        # in a phrase between commas after a name (BASIL: "Joni Ernst, a candidate in the
        # Republican Senate primary on June 3, announced in an ad that ...")
        ("Ana Lund, a candidate in the mayoral primary on June 3, announced a plan.", None),
        ("Ana Lund, a candidate, announced a plan on June 3, the council said.", "June 3"),
        ("If we fail in Congress, the port will shut down on Feb. 15, or later.", "Feb. 15"),
        # BASIL: "..., the only two prior instances in which a full or partial text of the
        # Constitution was inserted into the Congressional Record was in 1882, when ..."
        ("The only two times in which the text was read was in 1882, and in 1915.", "1882"),
        # (after a comma too: BASIL's "According to the Office of the Historian of the House
        # of Representatives, the only two prior instances in which ... was in 1882, when
        # ..., and in 1915, when ..." was dated 1915)
        (
            "By the record, the only two times in which it was read was in 1882, and in 1915.",
            "1882",
        ),
        # BASIL: "The Clintons have previously released their tax returns for the period from
        # 1977, when they entered public life, through 2006."
        ("They released the ledgers from 1977, when they took office, through 2006.", None),
        # BASIL: "..., Hillary Clinton filed a disclosure ... showing the couple had earned
        # approximately $30 million ... in 2014 ..."
        ("She filed a form showing the pair had earned $3 million in 2014.", None),
        ("The form showed in May 2015 that the pair earned $3 million.", "May 2015"),
        # BASIL: "Politico reported Tuesday that Perry bought $1 million in broadcast
        # television time ahead of the Jan. 3 caucuses."
        ("Lund bought air time ahead of the Jan. 3 caucuses.", None),
        ("In the Jan. 3 caucuses, Lund came fifth.", "Jan. 3"),
        # BASIL: "Gov. Deval Patrick on Wednesday appointed William Cowan ... until voters
        # chose a successor to John Kerry in a special election set for June 25."
        ("The mayor named Vale to serve until a special vote set for June 25.", None),
        ("The special vote is set for June 25.", "June 25"),
        # BASIL: "Democrats want access to ... Mueller's investigation into Russian
        # interference in the 2016 presidential election ...", "He joined a number of other
        # Democrats, including several 2020 presidential candidates, who ..."
        ("They want his inquiry into Norland's interference in the 2016 election.", None),
        ("He joined other Whigs, including several 2020 mayoral candidates.", None),
        # BASIL: "..., Huckabee falls behind a few other GOP 2016 candidates, ..."
        ("Lund falls behind a few other GOP 2016 candidates.", None),
        ("She voted in the 2016 election.", "2016"),
        # a deadline (BASIL: "Schiff on Monday signed a letter with his fellow House committee
        # chairs demanding the full Mueller report by April 2." was dated April 2)
        ("Vale on Monday signed a letter demanding the full report by April 2.", None),
        ("The bill passed on June 2 and takes effect no later than July 1.", "June 2"),
        ("Results are due by April 2, the board said on Monday.", None),
        # or of a plan (SummEdits news: "It had planned to open hundreds of stores by 2030,
        # ..." was dated 2030)
        ("It had planned to open hundreds of kiosks by 2030, counting on tolls.", None),
        ("The levy passed in May 2019 and aims to cut queues by 2030.", "May 2019"),
        # a time before a date (BASIL: "It also serves as a campaign platform for Democrats
        # ahead of 2020." was dated 2020)
        ("It also serves as a platform for the Whigs ahead of 2020.", None),
        # a year that ends a name after "of" (SummEdits news: "... its obligations under the
        # Chicago Convention of 1944, which stipulates ..." was dated 1944), not a month's
        ("It met its duties under the Riverton Convention of 1944, which bars tolls.", None),
        ("The Port Act of 1964 was signed in July 1964.", "July 1964"),
        ("In March of 2019, the port closed.", "2019"),
        # the start of a change (SummEdits news: "American semiconductor manufacturing has
        # fallen from nearly 40% in 1990 to only 12% in recent years" was dated 1990)
        ("Port traffic has fallen from nearly 40% in 1990 to only 12% in recent years.", None),
        ("Tolls rose from 5% in 2010 to 9% in 2020.", "2020"),
        ("He moved from Riverton in 2010 and opened a shop.", "2010"),
        # a relative clause that opens a quotation (BASIL: "He also took aim at former Senate
        # Democratic Leader Harry Reid, who he said \u201cwas right in 1993, before he and the
        # Democrats went insane ...\u201d" was dated 1993)
        (
            "He also took aim at Ana Park, who he said \u201cwas right in 1993, before she "
            "changed her mind.\u201d",
            None,
        ),
        ("The levy had been cut before 2019 and rose in March 2021.", "March 2021"),
        # a relative clause after a dash (BASIL: "Antonin Scalia – whom Gorsuch would replace
        # on the court following Scalia's death in 2016 – was confirmed 98-0 and Anthony
        # Kennedy had a tally of 97-0 in 1988." was dated 2016)
        (
            "Ana Park \u2013 whom Vale would replace after Park's death in 2016 \u2013 was "
            "confirmed 98-0 and Tom Lee had a tally of 97-0 in 1988.",
            "1988",
        ),
    ],
)
def test_an_events_date_is_read_from_its_sentence_as_written(
    sentence: str, date: str | None
) -> None:
    assert calendar_date(sentence) == date
    if date is not None:
        assert date in sentence and is_calendar_date(date)


@pytest.mark.parametrize(
    ("actor", "topic", "topic_itself"),
    [
        ("Cybercrime Treaty", "the UN Cybercrime Treaty", True),
        ("The UN Cybercrime Treaty", "the UN Cybercrime Treaty", True),
        ("treaty", "the UN Cybercrime Treaty", True),
        ("UN", "the UN Cybercrime Treaty", False),
        ("United Nations", "the UN Cybercrime Treaty", False),
        ("Russia", "Russia's cybercrime treaty", False),
        ("Human Rights Watch", "the UN Cybercrime Treaty", False),
        ("Microsoft", "", False),
    ],
)
def test_an_actor_that_is_the_topic_itself(actor: str, topic: str, topic_itself: bool) -> None:
    assert is_the_topic(actor, topic) is topic_itself


def test_the_topic_named_as_an_actor_is_rejected_with_its_reason() -> None:
    text = "The Cybercrime Treaty sets rules for sharing electronic evidence."
    draft = pos("Cybercrime Treaty", text, "organisation", text)
    result = ground_in(text, draft, "the UN Cybercrime Treaty")
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "'Cybercrime Treaty' is the topic, not someone with a view on it"
    ]


def test_a_person_who_is_the_topic_may_still_hold_a_position() -> None:
    """A brief on a person: what that person says about it is a position."""
    text = "Amara Okafor said the allegations against her were false."
    result = ground_in(text, pos("Amara Okafor", text, "person", text), "Amara Okafor")
    assert result.rejected == [] and len(result.positions) == 1


def test_a_person_who_is_the_topic_may_raise_a_risk_when_the_text_titles_them() -> None:
    """A risk's raiser has no kind; "Ms. Okafor" shows a person, who may warn of harms."""
    text = "Amara Okafor spoke on Monday. Ms. Okafor warned that the plan could cost jobs."
    warning = "Ms. Okafor warned that the plan could cost jobs."
    result = ground_risks_in(text, risk("Amara Okafor", warning), topic="Amara Okafor")
    assert [r.raised_by for r in result.risks] == ["Amara Okafor"]
    body = "The Harbor Institute warned that the plan could cost jobs."
    rejected = ground_risks_in(body, risk("Harbor Institute", body), topic="the Harbor Institute")
    assert [r.reason for r in rejected.rejected] == [
        "'Harbor Institute' is the topic, not someone with a view on it"
    ]


def test_a_position_on_a_sentence_that_only_describes_its_actor_is_rejected() -> None:
    text = "Lena Kessler, 46, is a shop manager in the old town. The charge starts in May."
    draft = pos("Lena Kessler", "Lena Kessler, 46, is a shop manager in the old town.", "person")
    result = ground_in(text, draft)
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence shows no view: no one says, backs or opposes anything in it"
    ]


@pytest.mark.parametrize(
    ("raiser", "rejected", "kept", "reason"),
    [
        (
            "council",
            "The council adopted the charge on 3 March 2025.",
            "The Retailers' Association warned that trade could fall by a fifth.",
            "the quoted sentence names no harm, risk or warning",
        ),
        # The seeds: "Iran proposed to eliminate human rights safeguards" had become a human
        # rights risk raised by Iran, a harm it would do.
        (
            "Norland",
            "Norland proposed to eliminate the privacy safeguards from the charge.",
            "Critics of the charge, among them the Retailers' Association, fear it would cost "
            "jobs.",
            "no one warns of the harm in the quoted sentence: it reports what was done, "
            "not a warning given",
        ),
        # BASIL: "Mr. Sayoc, a registered Republican, has a lengthy criminal history ... as
        # well as being arrested and accused of threatening to use a bomb, public records
        # show." was a risk raised by Sayoc
        (
            "Tom Lee",
            "Mr. Lee has a long record of fraud charges, as well as being arrested and accused "
            "of threatening to use a bomb.",
            "The Retailers' Association accused the council of threatening small shops.",
            "no one warns of the harm in the quoted sentence: it reports what was done, "
            "not a warning given",
        ),
    ],
)
def test_a_risk_on_a_sentence_that_warns_of_nothing_is_rejected(
    raiser: str, rejected: str, kept: str, reason: str
) -> None:
    result = ground_risks_in(
        f"{rejected} {kept}",
        risk(raiser, rejected),
        risk("Retailers' Association", kept),
    )
    assert [r.raised_by for r in result.risks] == ["Retailers' Association"]
    assert [r.reason for r in result.rejected] == [reason]


def test_the_cue_may_stand_in_the_sentence_that_names_the_actor_just_before() -> None:
    text = (
        "The Retailers' Association has voiced concerns about the charge. "
        "These provisions leave small shops paying for every delivery."
    )
    result = ground_risks_in(
        text,
        risk(
            "Retailers' Association",
            "These provisions leave small shops paying for every delivery.",
        ),
    )
    assert result.rejected == [] and len(result.risks) == 1
    # A harm named before, with no concern voiced, is that sentence's risk, not the next
    # one's (BASIL: "... nearly 90 Georgetown University faculty and administrators have
    # called Representative Paul Ryan (R-Wisc.) to task for his misuse of Catholic social
    # teaching in defending his budget, which hurts the poor. The group sent a letter to
    # Rep. Ryan in advance of his appearance ...")
    text = (
        "The Retailers Guild said the mayor was wrong to back his charge, which hurts small "
        "shops. The group sent a letter to the mayor before his speech on Thursday."
    )
    letter = "The group sent a letter to the mayor before his speech on Thursday."
    result = ground_risks_in(text, risk("Retailers Guild", letter))
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence names no harm, risk or warning"
    ]
    # A forecast that goes on from it is still the warning (BASIL: '"It would result in the
    # stock market really taking a hit," Ms. Lagarde said on the CNN program "State of the
    # Union." The overall result could be zero growth next year, ...')
    # Or named later in the quotation the sentence opens (BASIL: '"Colorado voters passed
    # this measure, and more and more states are passing these laws. If the attorney general
    # has a problem with how federal laws are being enforced he should bring that up ..."')
    opening = '"Riverton voters passed this toll, and more towns are passing them.'
    text = (
        'Ana Lund spoke for the toll\'s backers. "It is a stunt," Lund said. '
        f'{opening} If the governor has a problem with it he should say so."'
    )
    assert [r.raised_by for r in ground_risks_in(text, risk("Ana Lund", opening)).risks] == [
        "Ana Lund"
    ]
    # So does the speaker's own quoted words after it (the examples: '"This is a
    # surveillance treaty wearing the badge of law enforcement," said Amara Okafor, ...
    # "No government should trade away its citizens' privacy for a consensus headline."')
    going_on = "\u201cNo town should trade away its people\u2019s privacy for a headline.\u201d"
    text = f"\u201cThis is a surveillance toll,\u201d said Ana Lund, of the guild. {going_on}"
    assert [r.raised_by for r in ground_risks_in(text, risk("Ana Lund", going_on)).risks] == [
        "Ana Lund"
    ]
    forecast = "The overall result could be zero trade next year."
    text = f"\u201cIt would result in shops closing,\u201d Ms. Lund said on Monday. {forecast}"
    assert [r.raised_by for r in ground_risks_in(text, risk("Ana Lund", forecast)).risks] == [
        "Ana Lund"
    ]


def test_an_actor_only_spoken_to_in_its_sentence_is_rejected() -> None:
    text = (
        "The coalition met in Geneva on Monday. "
        "If the levy passes unchanged, it asks national parliaments to refuse ratification. "
        "The Retailers' Association told the council it would sue."
    )
    addressed = pos(
        "national parliaments",
        "If the levy passes unchanged, it asks national parliaments to refuse ratification.",
        kind="group",
    )
    result = ground_in(text, addressed)
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "'national parliaments' is only spoken to, sent to or judged in the quoted sentence "
        "(told, urged, goes to, accused, praised), not speaking"
    ]
    speaking = pos(
        "Retailers' Association",
        "The Retailers' Association told the council it would sue.",
        kind="organisation",
    )
    assert len(ground_in(text, speaking).positions) == 1
    # named again only inside the words quoted (BASIL: 'He added, with a reference to Gen.
    # David H. Petraeus: "That is why I supported the decision ... I support General
    # Petraeus's confirmation."' was a position of Petraeus's)
    quote = (
        "He added, with a reference to Gen. Ana M. Lund: \u201cThat is why I support "
        "General Lund\u2019s confirmation.\u201d"
    )
    result = ground_in(
        f"Mr. Vale spoke on Friday. {quote}", pos("Gen. Ana M. Lund", quote, "person")
    )
    assert [r.reason for r in result.rejected] == [
        "'Gen. Ana M. Lund' is only spoken to, sent to or judged in the quoted sentence "
        "(told, urged, goes to, accused, praised), not speaking"
    ]


def test_a_pointer_to_another_article_holds_no_view() -> None:
    # SummEdits news: '(Also see "Merck & Co. Remains 'Very Confident' In TIGIT" - Scrip, 2
    # Feb, 2023.)' was a position of Scrip's, "concerned"
    aside = '(Also see "Harbour Guild Remains Very Confident In Levy" - Harbour Wire, 2 May.)'
    result = ground_in(f"The guild met on Monday. {aside}", pos("Harbour Wire", aside, None))
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence points to another article, not anyone's view"
    ]


def test_a_sentence_leading_in_to_a_statement_holds_no_view() -> None:
    # BASIL: "DNC spokesman Brad Woodhouse addressed the video in a statement Monday:", then
    # the statement in the next paragraph, was a position of his beside the statement's own
    lead_in = "Guild spokesman Tom Vale addressed the vote in a statement Monday:"
    words = "\u201cThis levy will sink the harbour,\u201d Vale said."
    text = f"The council voted.\n\n{lead_in}\n\n{words}"
    result = ground_in(text, pos("Tom Vale", lead_in, "person"))
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence only leads in to the words after it, where the view is"
    ]
    assert [p.actor for p in ground_in(text, pos("Tom Vale", words, "person")).positions] == [
        "Tom Vale"
    ]
    # words that do not name their speaker are read with the sentence that leads in to them
    # (BASIL: "Trump responded to Cruz's allegations in a statement on Friday afternoon:",
    # then his statement in the next paragraph, with no "he said", was no one's position)
    bare = "\u201cThis levy will sink the harbour. I had nothing to do with it."
    (kept,) = ground_in(
        f"{text[: text.index(words)]}{bare}", pos("Tom Vale", lead_in, "person")
    ).positions
    assert kept.evidence.quote == f"{lead_in}\n\n{bare}"
    # not for another it names (BASIL: "Two years prior, then-Senator Obama used virtually
    # identical language to beat up on his general election opponent, Sen. John McCain:")
    other = "Then Ms. Lund used the same words to beat up on her rival, Tom Vale:"
    result = ground_in(f"The council voted.\n\n{other}\n\n{bare}", pos("Tom Vale", other, "person"))
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence only leads in to the words after it, where the view is"
    ]
    # a colon inside the sentence leads in to words it holds itself
    inline = "Vale said of the levy: \u201cIt will sink the harbour.\u201d"
    assert len(ground_in(inline, pos("Vale", inline, "person")).positions) == 1
    # and a sentence that says something itself before its colon keeps it (BASIL:
    # "Mediaite ... argues that it might be this new brand of "journalism" that has
    # Etheridge on edge:"; 'Reacting to the firing, the president tweeted, "finally," while
    # asking whether the Russia case will now be dropped:')
    for says in (
        "The Harbour Post argues that the levy is the real cause of the fight:",
        "The mayor tweeted, \u201cfinally,\u201d while asking about the levy:",
    ):
        held = ground_in(f"The council voted.\n\n{says}\n\n{words}", pos("Vale", says, "person"))
        assert not any("leads in" in r.reason for r in held.rejected), held.rejected


NO_VIEW = "the quoted sentence shows no view: no one says, backs or opposes anything in it"


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # what someone is thought to be (BASIL: "Democratic Attorney General Richard
        # Blumenthal, once thought to be a shoo-in for the seat ..., finds himself on the
        # political ropes after a newspaper exposed ..." was a risk Blumenthal raised,
        # "thought" read as a verb of saying); someone's own belief is still a view
        (
            "Ana Lund, once thought to be a shoo-in for the seat, is on the ropes after a "
            "newspaper exposed her record.",
            False,
        ),
        ("Ana Lund believed the levy would sink the harbour.", True),
        # a poll's share (BASIL: "In the poll, former House Speaker Newt Gingrich garnered 11
        # percent, while former Alaska Gov. Sarah Palin earned 10 percent support." was a
        # position of Palin's); one who backs something a hundred percent still backs it
        (
            "In the poll, former House Speaker Tom Vale garnered 11 percent, while former "
            "Harbor Gov. Ana Lund earned 10 percent support.",
            False,
        ),
        ("I 100 percent support the levy, Ana Lund said.", True),
        # remarks made, with nothing of what they said (BASIL: "Akin made the remarks in an
        # interview with Fox affiliate KTVI." was a position of Akin's); what goes on to say
        # something still does
        ("Ana Lund made the remarks in an interview with Harbour Radio.", False),
        ("Ana Lund made her comments on Sunday.", False),
        ("Ana Lund made the remarks after the vote, saying the levy was unfair.", True),
        # (to a comma: BASIL's "The president, immediately after making his remarks, signed
        # nearly two-dozen executive actions -- a step that has stirred objections ...")
        (
            "Ana Lund, just after making her remarks, signed the levy, a step that has "
            "stirred objections.",
            True,
        ),
        # a title in quotation marks is no one's words (BASIL: 'The scholars also gave the
        # Representative a reading assignment: “The Compendium of the Social Doctrine of the
        # Church,” which was commissioned by John Paul II and published by the Vatican.' was a
        # position of John Paul II's and of the Vatican's); words in capitals are shouted
        (
            "The board sent him a reading list: \u201cThe Harbour Charter of the Free Port,\u201d "
            "which was written by Ana Lund.",
            False,
        ),
        ("Ana Lund wrote: \u201cLEVY NOW!\u201d", True),
        ("\u201cDrop the Levy,\u201d Ana Lund said.", True),
        (
            "Ana Lund made the remarks in an interview in Tolby, Del., where she called it unfair.",
            True,
        ),
    ],
)
def test_hearsay_a_polls_share_and_remarks_made_are_no_ones_view(sentence: str, kept: bool) -> None:
    result = ground_in(sentence, pos("Ana Lund", sentence, "person"))
    assert [r.reason for r in result.rejected] == ([] if kept else [NO_VIEW])
    if "thought to be" in sentence:
        assert [
            r.reason for r in ground_risks_in(sentence, risk("Ana Lund", sentence)).rejected
        ] == [
            "no one warns of the harm in the quoted sentence: it reports what was done, not a "
            "warning given"
        ]


def test_two_people_drafted_as_one_actor_are_each_one() -> None:
    # BASIL: "On Friday, Mr. Udall and Mr. Wyden released a joint statement ..." was drafted
    # for "Udall and Wyden", a row beside "Mark Udall of Colorado", and Wyden had none.
    text = (
        "Senators Ana Park of Norland and Ivo Brandt of Lakeport asked about the levy. On "
        "Friday, Ms. Park and Mr. Brandt released a joint statement repeating that they had "
        "long been concerned about the levy."
    )
    quote = text.split(". ", 1)[1]
    for drafted in ("Park and Brandt", "Ana Park and Ivo Brandt"):
        result = ground_in(text, pos(drafted, quote, "group"))
        assert result.rejected == []
        assert {"Ana Park", "Ivo Brandt"} <= {p.actor for p in result.positions}
        risks = ground_risks_in(text, risk(drafted, quote)).risks
        assert {"Ana Park", "Ivo Brandt"} <= {r.raised_by for r in risks}
    # Two states or countries are each one too (BASIL: "Nebraska and Oklahoma accused
    # Colorado of leaving huge holes in marijuana rules ..." stood beside "Nebraska").
    states = "Nebraska and Oklahoma accused the port of leaving holes in its rules."
    result = ground_in(states, pos("Nebraska and Oklahoma", states, "government"))
    assert [(p.actor, p.actor_kind) for p in result.positions] == [
        ("Nebraska", "government"),
        ("Oklahoma", "government"),
    ]
    # A body's name with "and" in it stays one actor.
    body = "The Health and Safety Board said on Friday that it was concerned about the levy."
    result = ground_in(body, pos("Health and Safety Board", body, "organisation"))
    assert [p.actor for p in result.positions] == ["Health and Safety Board"]


def test_a_plurals_possessive_apostrophe_is_no_quotation() -> None:
    # BASIL: "The ARB, in its unclassified form, mentions that the attackers' motivation is
    # the subject of an ongoing FBI investigation." was a position of The New York Times,
    # named in the sentence before, its apostrophe read as a quotation's closing mark.
    before = "The Harbour Herald later stood by that version, citing it in its fact-check."
    for mark in ("'", "\u2019"):
        quote = f"The board mentions that the attackers{mark} motive is the subject of an inquiry."
        result = ground_in(f"{before}\n\n{quote}", pos("Harbour Herald", quote, "organisation"))
        assert [r.reason for r in result.rejected] == [
            "'Harbour Herald' is named only before the quoted sentence, and neither reports "
            "anyone's words"
        ]
    # A quotation in single marks still is one, and a theory held is a view.
    quoted = "The toll is \u2018a tax on the ports\u2019 and unfair."
    assert ground_in(
        f"{before}\n\n{quoted}", pos("Harbour Herald", quoted, "organisation")
    ).positions
    theory = "The pilots\u2019 theory is that the levy gave the board too much power."
    assert ground_in(theory, pos("pilots", theory, "group")).positions


def test_one_pleaded_with_is_not_the_speaker() -> None:
    # SummEdits news: "Just before the invasion, Ukrainian President Volodymyr Zelenskyy
    # pleaded with his Russian counterpart Vladimir Putin to get off the war path, cautioning
    # that an invasion would only bring ... death ..." was a risk Putin raised
    sentence = (
        "Just before the vote, Port President Ana Park pleaded with her Norland counterpart "
        "Tom Lee to drop the toll, warning that it would bring ruin to the port."
    )
    pleaded = ground_risks_in(sentence, risk("Tom Lee", sentence))
    assert [r.reason for r in pleaded.rejected] == [
        "'Tom Lee' is only spoken to, sent to or judged in the quoted sentence (told, urged, "
        "goes to, accused, praised), not speaking"
    ]
    assert [r.raised_by for r in ground_risks_in(sentence, risk("Ana Park", sentence)).risks] == [
        "Ana Park"
    ]


def test_a_body_a_text_is_sent_to_is_not_its_speaker() -> None:
    text = (
        "Councillors approved the levy on Tuesday. "
        "The approved levy now goes to the Regional Assembly, which is expected to adopt it."
    )
    sent_to = pos(
        "Regional Assembly",
        "The approved levy now goes to the Regional Assembly, which is expected to adopt it.",
        kind="government",
    )
    result = ground_in(text, sent_to)
    assert result.positions == []
    assert "only spoken to, sent to or judged" in result.rejected[0].reason


def test_a_view_held_by_someone_named_after_it_is_not_the_subjects() -> None:
    text = (
        "Member states are meeting to finalize the levy, but the proposed text has sparked "
        "debate and opposition from shop owners. It has been met with opposition from the "
        "Retailers' Association."
    )
    states = pos(
        "Member states",
        "Member states are meeting to finalize the levy, but the proposed text has sparked "
        "debate and opposition from shop owners.",
        kind="government",
    )
    result = ground_in(text, states)
    assert result.positions == []
    assert result.rejected[0].reason == (
        "the view in the quoted sentence is held by others ('opposition from shop owners'), "
        "not 'Member states'"
    )
    holder = pos(
        "Retailers' Association",
        "It has been met with opposition from the Retailers' Association.",
        kind="organisation",
    )
    assert len(ground_in(text, holder).positions) == 1


def test_a_view_others_hold_in_a_sentence_after_the_actor_is_not_the_actors() -> None:
    """BASIL: after "The House Judiciary Committee announced Friday that it would
    investigate ...", the next sentence's view is the senators' "who have criticized"."""
    quote = "That motion could pass if it wins the four Labour councillors who have criticized it."
    text = f"The Harbour Committee announced Friday that it would review the levy. {quote}"
    result = ground_in(text, pos("Harbour Committee", quote, "government", quote))
    assert [r.reason for r in result.rejected] == [
        "the view in the quoted sentence is held by others ('Labour councillors who have "
        "criticized'), not 'Harbour Committee'"
    ]
    assert_kept(ground_in(text, pos("Labour councillors", quote, "group", quote)), True)


def test_a_new_paragraph_that_reports_no_words_is_not_the_last_speakers() -> None:
    text = (
        "Shop owners objected throughout the talks. In a letter, the Retailers' Association "
        'wrote that "no levy is better than a bad levy."\n\n'
        "Much of the argument concerned the delivery surcharge. It was cut in the final text.\n\n"
        '"We will keep fighting the surcharge," it said.'
    )
    narrative = pos(
        "Retailers' Association", "Much of the argument concerned the delivery surcharge."
    )
    result = ground_in(text, narrative)
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        '"Retailers\' Association" is named only in the paragraph before, and the quoted '
        "sentence reports no one's words"
    ]
    # Within one paragraph the sentence after the speaker still counts, and so does a new
    # paragraph that reports words itself.
    same_paragraph = text.replace('"\n\nMuch of', '" Much of')
    assert len(ground_in(same_paragraph, narrative).positions) == 1
    reported = (
        "In a letter, the Retailers' Association wrote that the levy was unfair.\n\n"
        '"We will keep fighting the surcharge," it said.'
    )
    said = pos("Retailers' Association", '"We will keep fighting the surcharge," it said.')
    assert len(ground_in(reported, said).positions) == 1


@pytest.mark.parametrize(
    ("drafted", "name"),
    [
        (
            "Press freedom organisations, including the Lindenfeld Press Club and the",
            "Press freedom organisations",
        ),
        ("Shop owners, such as the bakers", "Shop owners"),
        ("Lindenfeld Retailers' Association and", "Lindenfeld Retailers' Association"),
        ("Amara Okafor, ", "Amara Okafor"),
        ("Martin Luther King, Jr.", "Martin Luther King, Jr."),
        ("groups such as the bakers", "groups such as the bakers"),
        ("Ernst & Young", "Ernst & Young"),
        # an aside after a comma: party and state, a relative clause, an age
        ("Senator Ada Park, Republican of Oregon", "Senator Ada Park"),
        ("Sen. Ada Park, R-Ore.", "Sen. Ada Park"),
        ("Mr. Lee, who chairs the board", "Mr. Lee"),
        ("Tom Vale, 60", "Tom Vale"),
        # a person's role after a comma (BASIL: "Anita L. Russell, president of the Kansas
        # City, Mo., branch of the NAACP" was an actor beside "Anita L. Russell")
        ("Ana Lund, president of the Harbourview, Ore., branch of the guild", "Ana Lund"),
        ("Tom Vale, the port's chief executive", "Tom Vale"),
        ("Harbour Watch, a rights group", "Harbour Watch, a rights group"),
        ("Harris, Wiltshire & Grannis", "Harris, Wiltshire & Grannis"),
        # a parenthesis after the name: an acronym, party and state, a note
        ("Lindenfeld Press Club (LPC)", "Lindenfeld Press Club"),
        ("Rep. Ada Park (D-Ore.)", "Rep. Ada Park"),
        ("Harbor Watch (fictional)", "Harbor Watch"),
        ("(fictional)", "(fictional)"),
        # the outlet a journalist wrote in; not a body's
        ("Maggie Haberman in the New York Times", "Maggie Haberman"),
        ("Ann Lee in The Riverton Post", "Ann Lee"),
        ("Editorial Board in the New York Times", "Editorial Board in the New York Times"),
        # the US state a person is from; not a body's, nor a role's
        ("Senator Dianne Feinstein of California", "Senator Dianne Feinstein"),
        ("Representative Ada Park of New York", "Representative Ada Park"),
        ("University of California", "University of California"),
        ("Governor of New York", "Governor of New York"),
        ("Ada Park of Harbourview", "Ada Park of Harbourview"),
        # the full stop of the sentence it was copied from (BASIL: "Father Reese." beside
        # "Jesuit Father Thomas J. Reese"); not an abbreviation's
        ("Father Lund.", "Father Lund"),
        ("Tom Vale Jr.", "Tom Vale Jr."),
        ("Harbor Tolls Corp.", "Harbor Tolls Corp."),
        ("U.S.", "U.S."),
        # a post written before the name in lower case (BASIL: "senior adviser David
        # Axelrod" was shown as the actor's name); not one with a capital, nor a particle
        ("senior adviser Ana Lund", "Ana Lund"),
        ("chief economist Tom Vale", "Tom Vale"),
        ("former President Tom Vale", "former President Tom Vale"),
        ("de Vries", "de Vries"),
        ("the group", "the group"),
        # a post before a comma (BASIL: "Oklahoma’s Attorney General, Scott Pruitt" was an
        # actor's name, read in the bottom line as two actors); not a body's name
        ("Harbourview\u2019s Attorney General, Tom Vale", "Tom Vale"),
        ("the port's spokesman, Ana M. Lund", "Ana M. Lund"),
        ("Harbour Watch, Tom Vale", "Harbour Watch, Tom Vale"),
        ("Attorney General, Harbour Watch", "Attorney General, Harbour Watch"),
        # a title in the plural, of two names (BASIL: "Senators Sheldon Whitehouse", from
        # "Senators Sheldon Whitehouse of Rhode Island and Richard J. Durbin of Illinois")
        ("Senators Ana Lund", "Ana Lund"),
        ("Sens. Tom Vale", "Tom Vale"),
        ("Reps. Tom Vale", "Tom Vale"),
        ("Senators", "Senators"),
        ("Senators Vale and Lund", "Senators Vale and Lund"),
    ],
)
def test_actor_name_ends_where_the_model_ran_on_past_the_name(drafted: str, name: str) -> None:
    assert actor_name(drafted) == name


def test_a_grounded_fact_carries_the_name_cut_from_a_run_on_draft() -> None:
    """The model ran the name into the sentence's list; the brief shows the name."""
    text = (
        "Press freedom organisations, including the Lindenfeld Press Club and the bakers' "
        "guild, warned that the charge could silence local reporting."
    )
    drafted = "Press freedom organisations, including the Lindenfeld Press Club and the"
    positions = ground_in(text, pos(drafted, text, "organisation", text)).positions
    risks = ground_risks_in(text, risk(drafted, text)).risks
    assert [p.actor for p in positions] == ["Press freedom organisations"]
    assert [r.raised_by for r in risks] == ["Press freedom organisations"]


@pytest.mark.parametrize(
    ("dateline", "actor", "reported"),
    [
        ("Lindenfeld (AP) \u2013 ", "Lindenfeld (AP)", "Lindenfeld"),
        ("KANSAS CITY, Mo. \u2014 ", "KANSAS CITY, Mo.", "KANSAS CITY, Mo."),
    ],
)
def test_a_place_named_only_in_a_dateline_is_no_speaker(
    dateline: str, actor: str, reported: str
) -> None:
    sentence = "The state's top prosecutor opposes the lawsuit."
    result = ground_in(dateline + sentence, pos(actor, sentence, "organisation", sentence))
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        f"{reported!r} is not named in or just before the quoted sentence"
    ]


@pytest.mark.parametrize(
    "actor",
    [
        "Colorado's rules",
        "Lund's case",  # BASIL: "Dukes's case has drawn the attention of ..."
        "Riverton Herald poll",  # BASIL: "An NBC News/Wall Street Journal poll ... found"
        "House Republican immigration principles",
        "Aerial photographs",
        "Citing the Harbour Trust's letter",  # a clause the model took for a name
        "Her",  # a pronoun, taken from "Her son ..."
    ],
)
def test_a_name_ending_in_things_or_a_thing_someone_has_names_no_one(actor: str) -> None:
    text = f"{actor} would ban sales, critics said. {actor} oppose the measure."
    result = ground_in(text, pos(actor, text, "organisation", text))
    what = "a pronoun" if actor == "Her" else "a thing, a document or a common noun"
    assert [r.reason for r in result.rejected] == [f"{actor!r} names no one: {what}"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the sentence is about someone else, named as its subject
        ("Rep. Dale Varga (R-Texas) was the other candidate in the race.", False),
        ("Congressional Democrats were ecstatic, and he said so.", False),
        ("Lund has not yet announced a bid for the seat.", False),  # one word is a name too
        ("In 2007 Mr. Vale was quoted as saying, \u201cIt is real.\u201d", False),
        ("Earlier Sunday, Ms. Lund released a statement on the vote.", False),
        ("While Mr. Vale promised to cut the toll, the port kept it.", False),  # a clause's
        ("Yet Mr. Vale has attacked the toll for months.", False),  # after a linking word
        # a party's people (BASIL: "Republicans are challenging a host of statements made by
        # Secretary of State Hillary Clinton ..." was her position)
        ("Republicans are challenging statements made by Rep. Jeb Hensarling.", False),
        ("As harbour master, he said he opposes the plan.", True),  # "as": a role, no clause
        ("Tom Vale, 60, lives nearby and said the game was a rare truce.", False),  # an age
        # a body's name after "the" (BASIL: "The Democratic National Committee also sent
        # that statement around to reporters." was John Podesta's, named before)
        ("The Harbour Workers Union also sent that statement around.", False),
        ("The Port Authority said the plan was sound.", False),
        ("The Hensarling campaign praised the plan.", True),  # his own campaign
        # BASIL: "The Clinton campaign separately announced that she and Obama would campaign
        # together June 15 in Green Bay." was Sanders's; "The late Sen. Ted Kennedy (D-Mass.)
        # requested in a letter ..." Paul Kirk's
        ("The Lund campaign separately announced that she would run.", False),
        ("The late Sen. Tom Vale (D-Ohio) requested in a letter that she run.", False),
        # BASIL: "The Tea Party movement has been beset with allegations of racism since ..."
        # after the IRS was named
        (
            "The Harbour Party movement has been beset with allegations of bias since "
            "councillors accused its members of hurling insults.",
            False,
        ),
        # an opening that is no name, a name in the possessive, or a quotation's words
        ("Had they been married, Lund's tax would be zero, he said.", True),
        ("On Friday, he said he opposes the plan.", True),
        ("\u201cJohn Boehner is wrong,\u201d he said.", True),
        ("I\u2019m not going to do that,\u201d he said.", True),
        ("Largely, he said, the plan was meant to instruct members.", True),
        ("Talking about the vote, he said the toll was unfair.", True),  # a verb, no name
    ],
)
def test_a_sentence_opening_with_another_name_as_its_subject_is_not_the_last_speakers(
    sentence: str, kept: bool
) -> None:
    text = f"Rep. Jeb Hensarling criticized the plan. {sentence}"
    result = ground_in(text, pos("Jeb Hensarling", sentence, "person", sentence))
    assert_kept(result, kept)


def test_one_called_up_to_speak_holds_no_view_in_that_sentence() -> None:
    # BASIL: "When he had finished introducing the report, Hutchinson called up Mark
    # Mattioli, whose 6-year-old son, James Mattioli, was killed in December ..."
    sentence = (
        "When he had finished, Tom Vale called up Maria Park, whose son, James Park, backed "
        "the plan."
    )
    result = ground_in(sentence, pos("Maria Park", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Maria Park' is only spoken to, sent to or judged in the quoted sentence (told, urged, "
        "goes to, accused, praised), not speaking"
    ]
    praised = "Ms. Park praised the plan."
    kept = ground_in(f"{sentence} {praised}", pos("Maria Park", praised, "person", praised))
    assert [p.actor for p in kept.positions] == ["Maria Park"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "The national intelligence director's rare Saturday statement was notable
        # for what it omitted: ..." was a position of the director's
        ("Mayor Ana Park's rare Saturday statement was notable for what it omitted.", False),
        ("Mayor Ana Park's statement criticized the levy as unfair.", True),
        ("Mayor Ana Park's statement was blunt, and Ms. Park said the levy was unfair.", True),
        # BASIL: "Senate Majority Leader Mitch McConnell said Tuesday Ginsburg's comments
        # were "totally inappropriate."" was read as the writer judging McConnell's comments
        ("Mayor Ana Park said Tuesday Lund's comments were unfair to the port.", True),
        # BASIL: "Mr. Trump's comments Monday on Mr. Flynn come at a time when the special
        # counsel investigation is focusing intensely on the president's inner circle."
        ("Mayor Ana Park's comments Monday on Mr. Lund come at a time of strife.", False),
        ("Mayor Ana Park's comments came as the council voted on the levy.", False),
        ("Mayor Ana Park's comments came out against the levy.", True),
    ],
)
def test_the_writers_judgment_of_someones_text_is_not_their_view(sentence: str, kept: bool) -> None:
    assert_kept(ground_in(sentence, pos("Ana Park", sentence, "person", sentence)), kept)


def test_a_speaker_named_before_the_day_they_spoke_is_the_one_the_words_go_to() -> None:
    # BASIL: "Hillary Rodham Clinton on Sunday urged President Obama to listen to
    # congressional Democrats - particular the House minority leader, Nancy Pelosi - ...",
    # drafted for Pelosi, was given to "Sunday"
    sentence = (
        "Ana Lund on Sunday urged the mayor to listen to the council - in particular its "
        "leader, Maria Park - and change the levy."
    )
    result = ground_in(sentence, pos("Maria Park", sentence, "person", sentence))
    assert [(p.actor, p.to_named_speaker) for p in result.positions] == [("Ana Lund", True)]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # BASIL: "On Wednesday, Senate Majority Leader Harry Reid (D-Nev.) received a letter
        # signed by all 42 Senate Republicans, which stated, '...'"
        (
            "On Wednesday, Mayor Ana Park (D) received a letter signed by all 12 councillors, "
            "which stated, \u201cwe will not agree to any levy until the budget passes.\u201d",
            "'Ana Park' only receives what the quoted sentence reports (a letter, a memo), not "
            "holding a view",
        ),
        # BASIL: "President Obama and Gov. Chris Christie ... will reprise their pre-election
        # tour ..., a White House official said Friday morning."
        (
            "The governor and Mayor Ana Park will tour the flooded port on Tuesday, a city "
            "hall official said Friday morning.",
            "'Ana Park' is named in words the sentence gives as 'a city hall official''s",
        ),
        # BASIL: "The committee also heard testimony from Douglas H. Shulman, the former
        # I.R.S. commissioner; Neal S. Wolin, ...; and J. Russell George, ..."
        (
            "The board also heard testimony from Ana Park, the former port director, on the "
            "levy's effects.",
            "'Ana Park' is only spoken to, sent to or judged in the quoted sentence (told, "
            "urged, goes to, accused, praised), not speaking",
        ),
        # BASIL: "Federal prosecutors in New Jersey have issued grand jury subpoenas to ...,
        # the lawyer for the campaign and the party said Thursday."; "..., two people briefed
        # on the matter have said."
        (
            "Mayor Ana Park has issued subpoenas to the guild, the lawyer for the guild and "
            "the party said Thursday.",
            "'Ana Park' is named in words the sentence gives as 'the lawyer for the guild and "
            "the party''s",
        ),
        # BASIL: "..., was expected to be indicted on federal fraud charges ..., people with
        # knowledge of the case said on Friday."
        (
            "Mayor Ana Park was expected to back the levy, people with knowledge of the case "
            "said on Friday.",
            "'Ana Park' is named in words the sentence gives as 'people with knowledge of the "
            "case''s",
        ),
        (
            "Mayor Ana Park backed the levy in May, two people briefed on the matter have said.",
            "'Ana Park' is named in words the sentence gives as 'two people briefed on the "
            "matter''s",
        ),
        # BASIL: "Rep. Duncan Hunter, R-Calif., and his wife, Margaret, were indicted on
        # charges of illegally converting $250,000 in campaign funds ..., prosecutors
        # announced Tuesday." was a position and a risk of Hunter's
        (
            "Mayor Ana Park and her husband were indicted on charges of converting port funds "
            "for personal expenses, prosecutors announced Tuesday.",
            "'Ana Park' is named in words the sentence gives as 'prosecutors''s",
        ),
        # BASIL: "He tweaked House Republicans for passing a resolution on Tuesday
        # reaffirming the national motto, ..."
        (
            "He tweaked Ana Park for passing a resolution on the harbour motto when she "
            "should be cutting the levy.",
            "'Ana Park' is only spoken to, sent to or judged in the quoted sentence (told, "
            "urged, goes to, accused, praised), not speaking",
        ),
        # BASIL: "Every Republican on the House Intelligence Committee on Thursday demanded
        # Rep. Adam Schiff step down as chairman over ..."
        (
            "Every member of the harbour board on Thursday demanded Mayor Ana Park step down "
            "over her claims about the levy.",
            "'Ana Park' is only spoken to, sent to or judged in the quoted sentence (told, "
            "urged, goes to, accused, praised), not speaking",
        ),
        # BASIL: "But senior administration officials on Wednesday said that Michael J.
        # Morell, then the deputy director of the CIA, also wanted that line removed, ..."
        (
            "But senior port officials on Wednesday said that Ana Park, then the deputy "
            "director, also wanted that levy removed.",
            "'Ana Park' is named in words the sentence gives as 'senior port officials''s",
        ),
        # the people word first, capitalized (BASIL: "Officials said Mr. Biden will travel
        # to the Hill around 4:30 p.m. in an attempt to sell the compromise ...")
        (
            "Officials said Ms. Park will travel to the port at noon to sell the levy.",
            "'Ana Park' is named in words the sentence gives as 'Officials''s",
        ),
        # BASIL: "..., it would put Brown in the tough spot of voting against his legislation"
        (
            "If the levy came up first, it would put Park in the tough spot of voting against "
            "her own plan.",
            "'Ana Park' is only spoken to, sent to or judged in the quoted sentence (told, "
            "urged, goes to, accused, praised), not speaking",
        ),
    ],
)
def test_one_sent_put_or_spoken_of_by_an_unnamed_speaker_holds_no_view(
    sentence: str, reason: str
) -> None:
    result = ground_in(sentence, pos("Ana Park", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [reason]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # BASIL: "A person briefed on the matter said the prosecutors had also issued
        # subpoenas ..." was a position of Gov. Chris Christie's re-election campaign
        (
            "A person briefed on the matter said the prosecutors had also subpoenaed aides.",
            "A person briefed on the matter",
        ),
        # BASIL: "A former Justice Department computer crimes prosecutor said it would not
        # cost much to request an investigation from the FBI." was the U.S. Capitol Police's
        (
            "A former Harbour Office computer crimes prosecutor said it would cost little.",
            "A former Harbour Office computer crimes prosecutor",
        ),
        # BASIL: "The leaders of the Senate intelligence committee said Tuesday they had
        # subpoenaed two of ... Michael Flynn's businesses ..." was Flynn's
        (
            "The leaders of the harbor committee said Tuesday they had subpoenaed her firm.",
            "The leaders of the harbor committee",
        ),
    ],
)
def test_an_unnamed_speaker_opening_a_sentence_is_not_one_named_before(
    sentence: str, speaker: str
) -> None:
    before = "Prosecutors sent subpoenas to Mayor Ana Park's campaign on Thursday. "
    result = ground_in(before + sentence, pos("Ana Park", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        f"'Ana Park' is named only before the quoted sentence, whose speaker is {speaker!r}"
    ]


def test_an_unnamed_speaker_speaks_for_the_group_it_is_one_of() -> None:
    # BASIL: "Meanwhile, senior Obama administration officials, including the directors of
    # the F.B.I. ..., have held 13 classified hearings ..., a senior administration official
    # said Saturday."
    sentence = (
        "Senior port officials, including the head of customs, have held 13 briefings to "
        "defend the levy, a senior port official said Saturday."
    )
    kept = ground_in(sentence, pos("Senior port officials", sentence, "group", sentence))
    assert [p.actor for p in kept.positions] == ["Senior port officials"]
    customs = ground_in(sentence, pos("Harbour Customs", sentence, "government", sentence))
    assert customs.positions == []


def test_one_who_receives_a_letter_and_replies_holds_that_view() -> None:
    sentence = "Mayor Ana Park received a letter from the guild and said the levy would stay."
    assert ground_in(sentence, pos("Ana Park", sentence, "person", sentence)).positions


def test_a_sentence_whose_pronouns_are_all_of_the_other_sex_is_not_the_one_named_before() -> None:
    """BASIL: "After Mrs. Clinton won Tuesday's California primary, Mr. Sanders refused to
    quit the race, despite ... the fact that she had the support of enough delegates ...
    But some of his supporters have started to walk away, ..." was Mrs. Clinton's position."""
    text = (
        "After Mrs. Park won the vote, Mr. Vale refused to quit the race, though she had the "
        "delegates. But some of his backers have started to walk away, prompting calls to unite."
    )
    sentence = text.split("delegates. ", 1)[1]
    result = ground_in(text, pos("Mrs. Park", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Mrs. Park' is named only before the quoted sentence, whose 'his' stands for someone else"
    ]
    kept = ground_in(text, pos("Mr. Vale", sentence, "person", sentence))
    assert [p.actor for p in kept.positions] == ["Mr. Vale"]


def test_a_name_in_what_a_pronoun_says_is_not_the_speaker() -> None:
    # BASIL: "They note that then-President Bill Clinton in 1993 signed similar federal
    # legislation into law, ..." was a position of Bill Clinton's on Indiana's law
    text = (
        "Harbour officials defended the levy on Monday. They note that then-Mayor Ana Park "
        "in 1993 signed a similar levy into law."
    )
    sentence = text.split(". ", 1)[1]
    result = ground_in(text, pos("Ana Park", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Ana Park' is named in words the sentence gives as 'They''s"
    ]
    # Their own words are theirs.
    kept = ground_in(text, pos("Harbour officials", sentence, "group", sentence))
    assert [p.actor for p in kept.positions] == ["Harbour officials"]
    # BASIL: 'Senator Ben Sasse, Republican of Nebraska, called it "a sad day for America
    # because Secretary Mattis was giving advice the President needs to hear." He added that
    # Mr. Mattis "rightly believes that Russia and China are clear adversaries ..."' was a
    # risk Mattis raised: the sentence before opens with a title between commas
    added = "He added that Mr. Vale \u201crightly believes the levy will harm the port.\u201d"
    text = (
        "Tom Vale resigned on Friday. \u201cThis is scary,\u201d Ana Lund said.\n\n"
        "Senator Ivo Brandt, Republican of Norland, called it \u201ca sad day because "
        "Secretary Vale was right.\u201d\n\n"
    )
    result = ground_risks_in(text + added, risk("Mr. Vale", added))
    assert [r.reason for r in result.rejected] == [
        "'Mr. Vale' is named only before the quoted sentence, whose speaker stands for 'Ivo "
        "Brandt', the subject of the sentence before"
    ]
    # BASIL: "..., his campaign noted in an email to supporters Saturday that Clinton's speech
    # in New York didn't 'weigh in on the secretive TPP deal ...'" was Clinton's position
    noted = (
        "In a sign of its reach, his campaign noted in an email on Saturday that Ms. Park's "
        "speech did not weigh in on the levy."
    )
    result = ground_in(
        f"Tom Vale spoke on Friday. {noted}", pos("Ana Park", noted, "person", noted)
    )
    assert [r.reason for r in result.rejected] == [
        "'Ana Park' is named in words the sentence gives as 'his campaign''s"
    ]
    # BASIL: "That same year, a charter school said LePage threatened to strip it of its
    # funding if it did not rescind a job offer to Democratic state House Speaker Mark Eves."
    # was a position and a risk of Eves's
    school = (
        "That same year, a charter school said Vale threatened to cut its funding if it did "
        "not rescind a job offer to Harbour state Speaker Ana Park."
    )
    result = ground_in(
        f"Tom Vale spoke on Friday. {school}", pos("Ana Park", school, "person", school)
    )
    assert [r.reason for r in result.rejected] == [
        "'Ana Park' is named in words the sentence gives as 'a charter school''s"
    ]


_MET = "President Ivo Brandt met Ana Park and two other candidates on Wednesday. "


@pytest.mark.parametrize(
    ("before", "sentence", "actor", "reason"),
    [
        # BASIL: "By late Thursday, the president appeared increasingly likely to leave Friday
        # for a nine-day foreign trip without picking a new director, ..." was a position of
        # Joe Lieberman's, named in the sentence before
        (
            _MET,
            "By late Thursday, the president appeared likely to leave without picking one, "
            "according to two aides.",
            "Ana Park",
            "'Ana Park' is named only before the quoted sentence, whose subject is 'the president'",
        ),
        # The one the source calls by the office may be its holder.
        (
            _MET,
            "By late Thursday, the president appeared likely to leave without picking one, "
            "according to two aides.",
            "Ivo Brandt",
            None,
        ),
        # Named after the office in the sentence itself (BASIL: "As he left for Utah on
        # Monday, the president said he felt "very badly" for Mr. Flynn, whom he fired ..."
        # was Flynn's).
        (
            _MET,
            "As he left on Monday, the president said he felt badly for Ms. Park.",
            "Ana Park",
            "'Ana Park' is named after the sentence's subject, 'the president', not speaking",
        ),
        (
            _MET,
            "As he left on Monday, the president said he felt badly for Ms. Park.",
            "Ivo Brandt",
            None,
        ),
        # Or after an epithet that attacks (BASIL: "The Texas lawmaker blamed his rival for the
        # National Enquirer story ... after hits from Trump's campaign ... to support Trump
        # ..." was Trump's).
        (
            _MET,
            "The harbor lawmaker blamed the story published Friday on his rival, Ms. Park.",
            "Ana Park",
            "'Ana Park' is named after the sentence's subject, 'The harbor lawmaker', not speaking",
        ),
        # The one the sentence before is about may be the epithet (BASIL: "Sen. Ted Cruz has
        # laid down the gauntlet ... The Texas lawmaker blamed his rival for the ... story
        # that alleged Cruz has had extramarital affairs ...")
        (
            "Sen. Tom Vale has laid down the gauntlet. ",
            "The harbor lawmaker blamed his rival for a story that said Vale lied.",
            "Sen. Tom Vale",
            None,
        ),
    ],
)
def test_an_office_opening_the_sentence_is_its_holders_subject(
    before: str, sentence: str, actor: str, reason: str | None
) -> None:
    result = ground_in(before + sentence, pos(actor, sentence, "person", sentence))
    if reason is None:
        assert [p.actor for p in result.positions] == [actor]
    else:
        assert [r.reason for r in result.rejected] == [reason]


def test_the_writers_reading_of_a_statement_is_not_its_speakers() -> None:
    # BASIL: 'AARP CEO A. Barry Rand said in a statement, "It has long been AARP's policy
    # ..." The statement does not deny that AARP is open to reducing benefits.'
    said = 'Guild chief Ana Park said in a statement, "The levy must stay fair for all."'
    sentence = "The statement does not deny that the guild is open to raising the levy."
    text = f"{said} {sentence}"
    result = ground_in(text, pos("Ana Park", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Ana Park' is named only before the quoted sentence, the writer's words on 'The statement'"
    ]
    # BASIL: "... the CIA recently conducted an internal review ... That review showed that
    # many changes were made ... over concerns about accuracy ..."
    review = "That review showed that many changes were made over concerns about accuracy."
    reviewed = ground_in(f"{said} {review}", pos("Ana Park", review, "person", review))
    assert [r.reason for r in reviewed.rejected] == [
        "'Ana Park' is named only before the quoted sentence, the writer's words on 'That review'"
    ]
    # BASIL: "The messages were given to congressional investigators probing whether ..."
    # after Julia Ioffe was named
    given = "The messages were given to harbor investigators probing whether the board lied."
    handed = ground_in(f"{said} {given}", pos("Ana Park", given, "person", given))
    assert [r.reason for r in handed.rejected] == [
        "'Ana Park' is named only before the quoted sentence, the writer's words on 'The messages'"
    ]
    # What the statement says is hers.
    quoted = "Her statement said the guild would consider raising the levy."
    kept = ground_in(f"{said} {quoted}", pos("Ana Park", quoted, "person", quoted))
    assert [p.actor for p in kept.positions] == ["Ana Park"]


@pytest.mark.parametrize(
    ("text", "sentence", "reason"),
    [
        # BASIL: "The report caused immediate problems for Moore with his own party as he
        # heads into the Dec. 12 election ..." was Roy Moore's position
        (
            "",
            "The report caused trouble for Ana Park with her own party.",
            "'Ana Park' is named after the sentence's subject, 'The report', not speaking",
        ),
        # BASIL: "The president's comments, made to reporters as he left Washington for a
        # policy announcement in Utah, saw Trump wading deeper into the Flynn investigation
        # ..." was Michael Flynn's position
        (
            "",
            "The mayor\u2019s comments, made to reporters as she left the city hall for a "
            "policy announcement at the port, saw Ana Park wading deeper into the levy row.",
            "'Ana Park' is named after the sentence's subject, 'The mayor\u2019s comments', not "
            "speaking",
        ),
        # what a text from them says is theirs
        ("", "The statement from Ana Park warned against a rush to judgment.", None),
        ("", "Her statement said Ana Park would wait for the facts.", None),
        # BASIL: "The statement came from Missouri Sen. Roy Blunt, and former Sens. John
        # Ashcroft, Kit Bond, ..." lost the senators but Blunt to the rule above
        ("", "The statement came from Mayor Tom Vale and Ana Park.", None),
        ("", "The letter was signed by Tom Vale and Ana Park.", None),
        # BASIL: '... and said that Mr. Moore had done nothing "immoral or illegal." (Alabama
        # law, both in 1979 and now, finds that someone who is 19 or older ... is guilty of
        # second-degree sex abuse.)' was Jim Ziegler's position and risk
        (
            "Ana Park said the mayor had done nothing wrong. ",
            "(Harbour law, then and now, finds such a toll unlawful.)",
            "'Ana Park' is named only before the quoted sentence, the writer's aside",
        ),
    ],
)
def test_a_text_acting_or_the_writers_aside_is_not_the_view_of_one_named(
    text: str, sentence: str, reason: str | None
) -> None:
    result = ground_in(text + sentence, pos("Ana Park", sentence, "person", sentence))
    if reason is None:
        assert [p.actor for p in result.positions] == ["Ana Park"]
    else:
        assert [r.reason for r in result.rejected] == [reason]


def test_a_view_a_relative_clause_gives_is_theirs_not_the_subjects() -> None:
    # BASIL: "Vice President Biden traveled to the Capitol Wednesday for a private meeting with
    # House Democrats who are resisting the deal, saying it gives away too much ..."
    text = (
        "Mayor Ada Lund went to the port on Monday for a meeting with Harbour Democrats who "
        "are resisting the levy, saying it gives away too much to the shippers."
    )
    result = ground_in(text, pos("Ada Lund", text, "person", text))
    assert result.positions == []
    assert [r.reason for r in result.rejected][0].startswith(
        "the view in the quoted sentence is held by others ('Harbour Democrats who are"
    )
    # They hold it, though the mayor met them.
    theirs = ground_in(text, pos("Harbour Democrats", text, "group", text))
    assert [p.actor for p in theirs.positions] == ["Harbour Democrats"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "A number of the Internet companies issued statements Thursday night saying
        # they only complied when legally bound to do so." was AOL's, one of nine named
        ("A number of the shipping firms issued statements saying they only complied.", False),
        ("On Friday, several of them said they only complied when bound to.", False),
        ("Both of them said they only complied when bound to.", True),
        # BASIL: "After the disclosure, more of his aides came forward to accuse Mr.
        # Farenthold ..." was Representative Stivers's, named the sentence before
        ("After the report, more of its staff came forward to accuse the port.", False),
    ],
)
def test_some_of_those_named_before_is_not_one_of_them(sentence: str, kept: bool) -> None:
    text = f"The report named Harbour Freight, Port Line and Ana Shipping. {sentence}"
    assert_kept(ground_in(text, pos("Port Line", sentence, "company", sentence)), kept)
    # A group speaks in some of its members.
    group = ground_in(text, pos("shipping firms", sentence, "group", sentence))
    assert [p.actor for p in group.positions] == (["shipping firms"] if "firms" in sentence else [])


def test_a_subject_with_a_clause_between_dashes_is_the_sentences() -> None:
    # BASIL: "Kristin Davis, the former Manhattan madam, reportedly told The Washington Post
    # ... Stone ― who worked on presidential campaigns for Nixon, ... ― took credit for Donald
    # Trump's presidential run ..." was a position of Davis's
    sentence = (
        "Vale \u2015 who worked on campaigns for three mayors \u2015 took credit for the toll "
        "and served as an adviser."
    )
    text = f"Ana Park reportedly told the Riverton Post that agents searched her flat. {sentence}"
    result = ground_in(text, pos("Ana Park", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Ana Park' is named only before the quoted sentence, whose subject is 'Vale'"
    ]


def test_a_role_as_the_subject_stands_for_the_one_given_words_before() -> None:
    # BASIL: '"... And certainly don't make faces ..." added Lauten, who works for Rep.
    # Stephen Fincher, R-Tenn. The communications pro also took a shot at President Obama
    # ..., writing "..."' was Fincher's position
    before = "\u201cDress well,\u201d added Lund, who works for Rep. Tom Vale, R-Ore."
    sentence = "The communications pro also took a shot at the mayor, writing \u201cshame.\u201d"
    text = f"{before} {sentence}"
    result = ground_in(text, pos("Rep. Tom Vale", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Rep. Tom Vale' is named only before the quoted sentence, whose subject, "
        "'communications pro', is 'Lund'"
    ]
    assert ground_in(text, pos("Lund", sentence, "person", sentence)).positions


def test_a_body_speaks_through_the_person_named_beside_it() -> None:
    sentence = "At the time, Quinn assailed the press for its coverage."
    text = (
        "The Harbor Institute's executive director, Ada Quinn, spoke on Friday. "
        f"The Harbor Institute said the report was overdue. {sentence}"
    )
    assert ground_in(text, pos("Harbor Institute", sentence, "organisation", sentence)).positions
    other = (
        "Ada Quinn, a lobbyist who has spent decades in Riverton, spoke on Friday. "
        f"The Harbor Institute said the report was overdue. {sentence}"
    )
    result = ground_in(other, pos("Harbor Institute", sentence, "organisation", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Harbor Institute' is named only before the quoted sentence, whose subject is 'Quinn'"
    ]
    # Near it, but in another clause: the institute is the one interviewed, not Quinn's body;
    # or beside another's name (BASIL: "According to New York Magazine writer Yashar Ali,
    # Griffin claims ..." made Kathy Griffin's next sentence the magazine's).
    for apart in (
        "Ben Ortiz said in an interview with the Harbor Institute that Quinn was right. ",
        "According to Harbor Institute writer Ben Ortiz, Quinn was right. ",
    ):
        result = ground_in(
            apart + sentence, pos("Harbor Institute", sentence, "organisation", sentence)
        )
        assert [r.reason for r in result.rejected] == [
            "'Harbor Institute' is named only before the quoted sentence, whose subject is 'Quinn'"
        ]


def test_a_body_named_by_the_head_noun_that_opens_its_name_is_the_sentences_speaker() -> None:
    """ "The ministry will ..." after the Ministry of Digital Affairs of Norland was named is
    the ministry's, under its full name, not the minister's named the sentence before."""
    sentence = "The ministry will present a ratification bill to parliament."
    text = (
        "The Ministry of Digital Affairs of the Republic of Norland supports the convention. "
        f"Minister Lena Sorli praised it. {sentence}"
    )
    ministry = ["Ministry of Digital Affairs of the Republic of Norland"]
    result = ground_in(text, pos("Minister Lena Sorli", sentence, "person", sentence))
    assert [p.actor for p in result.positions] == ministry
    # The country its name ends with is another actor: the sentence is still the ministry's.
    result = ground_in(text, pos("Norland", sentence, "government", sentence))
    assert [p.actor for p in result.positions] == ministry
    # Drafted under its own name, the ministry keeps it.
    result = ground_in(text, pos(ministry[0], sentence, "government", sentence))
    assert [p.actor for p in result.positions] == ministry


def test_a_name_in_parentheses_is_an_aside_not_a_speaker() -> None:
    sentence = (
        "He faces candidates who are better financed (Jeb Bush) and who warn of debt "
        "(Scott Walker)."
    )
    text = f"Chris Christie announced his run on Tuesday. {sentence}"
    result = ground_in(text, pos("Jeb Bush", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Jeb Bush' is not named in or just before the quoted sentence"
    ]
    # A body given with its acronym in parentheses is still named by its full name.
    said = "The Electronic Frontier Foundation (EFF) said the treaty was dangerous."
    assert ground_in(said, pos("EFF", said, "organisation", said)).positions
    # A name that holds its own parentheses is named by them.
    ministry = "Ministry of Digital Affairs of Veltra (fictional)"
    said = f"The {ministry} supports the convention."
    assert ground_in(said, pos(ministry, said, "government", said)).positions


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a speaker named with a word before the verb, and the one named before is not it
        ("The GOP also has attacked the president for declining to meet.", False),
        ("And actor Tom Vale recently tweeted: \u201cAre you serious?\u201d", False),
        # a speaker named inside the quoted words is not the sentence's speaker
        ("\u201cMinister Jonas Berg has said that he is determined,\u201d he said.", True),
    ],
)
def test_the_speaker_named_in_the_writers_words_is_the_sentences(sentence: str, kept: bool) -> None:
    text = f"Prime Minister Benjamin Netanyahu spoke on Sunday. {sentence}"
    drafted = pos("Benjamin Netanyahu", sentence, "person", sentence)
    result = ground_in(text, drafted)
    assert_kept(result, kept)


@pytest.mark.parametrize(
    ("sentence", "actor", "kind", "reason"),
    [
        (
            "The Vale Doctrine argued for lower tolls.",
            "Vale Doctrine",
            "organisation",
            "'Vale Doctrine' names no one: a thing, a document or a common noun",
        ),
        (
            "Ms. Lund criticized the secrecy, according to The Hill.",
            "The Hill",
            "organisation",
            "'The Hill' is named only as the news outlet that reported it, not taking a side",
        ),
        (
            "The New York Times reported that the charges will include fraud.",
            "The New York Times",
            "organisation",
            "'The New York Times' is named only as the news outlet that reported it, not "
            "taking a side",
        ),
        (
            "Mr. Vale asserted in a Riverton Times interview that he backs the toll.",
            "Riverton Times",
            "organisation",
            "'Riverton Times' is named only as the news outlet that reported it, not taking a side",
        ),
        # BASIL: "CNN, which conveniently happened to be staking out Stone's Fort Lauderdale
        # home, posted video of the arrest that showed ..." was a position of CNN's
        (
            "CNN, which happened to be outside the port, posted video of the arrest.",
            "CNN",
            "organisation",
            "'CNN' is named only as the news outlet that reported it, not taking a side",
        ),
        # BASIL: 'The "cabin rabbit transport fees" were first reported in January 2017 by a
        # California newspaper, The Press-Enterprise.' was a position of the newspaper's
        (
            "The fees were first reported in May by a Riverton newspaper, The Harbour-Ledger.",
            "The Harbour-Ledger",
            "organisation",
            "'The Harbour-Ledger' is named only as the news outlet that reported it, not "
            "taking a side",
        ),
        # BASIL: "According to messages obtained by The Atlantic's Julia Ioffe, Trump Jr.
        # messaged with the WikiLeaks account ..." was a position of The Atlantic's
        (
            "According to messages obtained by The Atlantic's Ana Lund, Mr. Vale wrote it.",
            "The Atlantic",
            "organisation",
            "'The Atlantic' is named only as the news outlet that reported it, not taking a side",
        ),
        # BASIL: "In a letter to the House Intelligence Committee reported by Fox and other
        # news organizations, Mr. Page wrote: ..." gave the letter to "Fox and other news
        # organizations"
        (
            "In a letter reported by Ledger and other news organizations, Mr. Vale wrote it.",
            "Ledger and other news organizations",
            "organisation",
            "'Ledger and other news organizations' is named only as the news outlet that "
            "reported it, not taking a side",
        ),
        # BASIL: '"Social Media is totally discriminating against Republican/Conservative
        # voices," Mr. Trump wrote on Twitter, ...' was a position of Twitter's
        (
            "\u201cThe toll is unfair,\u201d Ms. Lund wrote on Twitter.",
            "Twitter",
            "company",
            "'Twitter' is named only as the platform the words were posted on, not taking a side",
        ),
        # BASIL: "Both the Des Moines Register and the Quad-City Times featured the backlash
        # over Braley's comments on their front pages." was a position of the Register's
        (
            "Both the Riverton Times and the Bay Herald featured the backlash over the toll.",
            "Riverton Times",
            "organisation",
            "'Riverton Times' is named only as the news outlet that reported it, not taking a side",
        ),
        # BASIL: '"... incredibly ill-advised," Biden said, according to AFP.' was a position
        # of AFP's
        (
            "Ms. Lund called the toll unfair, according to AFP.",
            "AFP",
            "organisation",
            "'AFP' is named only as the news outlet that reported it, not taking a side",
        ),
        (
            "Ms. Lund criticized the secrecy, according to HuffPost.",
            "HuffPost",
            "organisation",
            "'HuffPost' is named only as the news outlet that reported it, not taking a side",
        ),
        (
            # BASIL: "..., an AARP spokeswoman said in an email to HuffPost."
            "\u201cOur position has not changed,\u201d a union spokeswoman said in an email "
            "to Riverton Post.",
            "Riverton Post",
            "organisation",
            "'Riverton Post' is only spoken to, sent to or judged in the quoted sentence (told, "
            "urged, goes to, accused, praised), not speaking",
        ),
        (
            # BASIL: "According to slides ... obtained by the Washington Post, the program
            # accounts for nearly one in seven intelligence reports."
            "According to slides obtained by the Riverton Post, the levy pays for one in "
            "seven inspections.",
            "The Riverton Post",
            "organisation",
            "'The Riverton Post' is named only as the news outlet that reported it, not taking "
            "a side",
        ),
        (
            # BASIL: "Fox News confirmed Steele sent an e-mail ..."
            "The Riverton Times confirmed that Ms. Lund criticized the secrecy.",
            "Riverton Times",
            "organisation",
            "'Riverton Times' is named only as the news outlet that reported it, not taking a side",
        ),
        (
            # a news agency only reports, whatever its verb (SummEdits news: "The official
            # Xinhua News Agency said people were buried under debris at the mine ..." was a
            # position of Xinhua's)
            "The official Norland News Agency said people were buried under the port's debris.",
            "Norland News Agency",
            "organisation",
            "'Norland News Agency' is named only as the news outlet that reported it, not taking "
            "a side",
        ),
        # an outlet's description of someone, past a date or what the outlet is (BASIL: "The
        # New Haven Register on July 20, 2006, described him as 'a veteran of the Vietnam
        # War,'" and "On May 26, 2009, The Connecticut Post, a Bridgeport newspaper that is
        # the state's third-largest daily, described Mr. Blumenthal as 'a Vietnam veteran.'"
        # were positions, "opposes"; so was "The Shelton Weekly reported on May 23, 2008,
        # that ...")
        (
            "The Harbour Register on July 20, 2006, described him as \u201ca veteran of the "
            "war.\u201d",
            "Harbour Register",
            "organisation",
            "'Harbour Register' is named only as the news outlet that reported it, not taking "
            "a side",
        ),
        (
            "On May 26, 2009, The Riverton Star, a Bridgeport newspaper that is the state's "
            "third-largest daily, described Mr. Vale as \u201ca veteran.\u201d",
            "The Riverton Star",
            "organisation",
            "'The Riverton Star' is named only as the news outlet that reported it, not taking "
            "a side",
        ),
        (
            "The Shelby Weekly reported on May 23, 2008, that Mr. Vale \u201cwas met with "
            "applause when he spoke.\u201d",
            "The Shelby Weekly",
            "organisation",
            "'The Shelby Weekly' is named only as the news outlet that reported it, not taking "
            "a side",
        ),
        (
            # BASIL: "Fox News host Glenn Beck ... blamed 'progressivism'" was a position of
            # Fox News.
            "Riverton News host Ada Vale blamed the council for the tolls.",
            "Riverton News",
            "organisation",
            "'Riverton News' is named only as the news outlet a journalist works for, not "
            "taking a side",
        ),
    ],
)
def test_documents_and_reporting_outlets_hold_no_position(
    sentence: str, actor: str, kind: str, reason: str
) -> None:
    result = ground_in(sentence, pos(actor, sentence, kind, sentence))
    assert [r.reason for r in result.rejected] == [reason]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "The 10-year-old lawsuit, argued in lively exchanges at the court Tuesday,
        # claims that Wal-Mart Stores Inc., the world's largest employer, favors men ..."
        (
            "The 10-year-old lawsuit, argued at the court Tuesday, claims that Harbour "
            "Freight Inc. favors men in pay.",
            False,
        ),
        ("A new report found that Harbour Freight Inc. underpaid its staff.", False),
        ("But polls show that Harbour Freight Inc. underpaid its staff.", False),
        # the document's author is who it names in its subject
        ("The lawsuit filed by Harbour Freight Inc. claims that the levy is unlawful.", True),
        ("Harbour Freight Inc. said the report was wrong.", True),
        # BASIL: "The article said the aide, Huma Abedin, forwarded some government passwords
        # to her private Yahoo email account in 2009, ..."
        ("The article said Harbour Freight Inc. forwarded its passwords in 2009.", False),
        # BASIL: "... the interior designer was actually an undercover F.B.I. employee who
        # was investigating the Jacksons, the documents say." was the employee's
        ("The buyer was in fact Harbour Freight Inc., the court documents say.", False),
        # by no article (BASIL: "Mr. Sayoc, a registered Republican, has a lengthy criminal
        # history in Florida ..., public records show." was Sayoc's)
        ("Harbour Freight Inc. has a long record of fines, public records show.", False),
        ("The levy is unlawful, Harbour Freight Inc. says in court papers.", True),
        # BASIL: "The request comes after reports revealed Clinton used a private email
        # address and a server located in her New York home ..."
        (
            "The request comes after reports revealed Harbour Freight Inc. used a private "
            "server for its records.",
            False,
        ),
    ],
)
def test_a_body_named_only_in_what_a_document_says_holds_no_view(sentence: str, kept: bool) -> None:
    result = ground_in(sentence, pos("Harbour Freight Inc.", sentence, "company", sentence))
    assert_kept(result, kept)
    if not kept:
        (reason,) = [r.reason for r in result.rejected]
        assert reason.startswith("'Harbour Freight Inc.' is named only in what ")


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "Several conservatives, including Glenn Beck and Bill O'Reilly, have
        # criticized Mr. Trump ... But polls show that many Republicans continue to believe
        # ..." was a position of Beck's and of O'Reilly's
        ("But polls show that many voters continue to believe the levy is fair.", False),
        ("New surveys suggest that many voters believe the levy is fair.", False),
        # a document named before by "the" may be hers
        ("The critics' report warns that the levy would hurt the port.", True),
    ],
)
def test_a_person_named_before_holds_no_view_of_what_new_documents_show(
    sentence: str, kept: bool
) -> None:
    text = f"Several critics, including Ada Park, have criticized the levy.\n\n{sentence}"
    assert_kept(ground_in(text, pos("Ada Park", sentence, "person")), kept)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "The court of Chief Justice John G. Roberts Jr. has recently issued a series
        # of rulings in favor of plaintiffs ..." was a position and a risk of his
        ("The court of Chief Justice Ana Park has ruled in favor of plaintiffs.", False),
        ("On Monday, the harbour board of Ana Park voted to keep the levy.", False),
        # those who speak for her, and a sentence that gives her words too
        ("The office of Senator Ana Park said the levy was unfair.", True),
        ("The court of Ana Park has ruled for plaintiffs, Ms. Park said.", True),
        # named only as a thing's modifier (BASIL: "And, of course, it drew widespread
        # criticism for its infamous Sarah Palin cover in 2009." was Palin's position)
        ("And, of course, it drew criticism for its infamous Ana Park cover in 2009.", False),
        ("The former mayor Ana Park said the cover was unfair.", True),
        ("In the Ana Park interview, Ms. Park said the levy was unfair.", True),
        # named only before people of theirs (BASIL: "Last month, a feisty crowd of Brat
        # supporters booed Cantor in front of his family ..." was Brat's position)
        ("Last month, a crowd of Park supporters booed the mayor at the convention.", False),
        ("Park voters and Park critics alike booed the mayor.", False),
        ("Park told her supporters that the levy was unfair.", True),
    ],
)
def test_a_person_named_only_as_the_owner_of_the_subject_holds_no_view(
    sentence: str, kept: bool
) -> None:
    result = ground_in(sentence, pos("Ana Park", sentence, "person", sentence))
    assert [p.actor for p in result.positions if p.actor == "Ana Park"] == (
        ["Ana Park"] if kept else []
    )


def test_an_outlet_that_says_something_itself_keeps_its_position() -> None:
    said = "The New York Times said in an editorial that the bill should be vetoed."
    assert ground_in(said, pos("The New York Times", said, "organisation", said)).positions
    said = "The Harbour Register on Sunday called for the levy to be scrapped."
    assert ground_in(said, pos("The Harbour Register", said, "organisation", said)).positions
    # A journalist's outlet named again as the one that speaks keeps it too.
    said = "Riverton News host Ada Vale and Riverton News itself said the tolls were unfair."
    assert ground_in(said, pos("Riverton News", said, "organisation", said)).positions


def test_a_refusal_to_comment_is_no_position_even_after_a_view_named_before() -> None:
    text = (
        "Mayor Ada Park accused the governor's aides of threats. "
        "Rebekah Lund, a spokeswoman, called the claim false. "
        "She has declined to comment on the mayor's allegation."
    )
    sentence = "She has declined to comment on the mayor's allegation."
    result = ground_in(text, pos("Rebekah Lund", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence says only that no comment was given"
    ]


WROTE = "\u201cTry a little patience,\u201d she wrote above a picture of Tom Vale."
BERG = "\u201cWhat he said is wrong,\u201d Berg said."


@pytest.mark.parametrize(
    ("before", "sentence", "actor", "kept"),
    [
        ("Ada Lund posted on Monday.", WROTE, "Ada Lund", True),
        # named after "she wrote": the object of the words, not their speaker
        ("Ada Lund posted on Monday.", WROTE, "Tom Vale", False),
        # a "he said" inside the quotation speaks for no one
        ("Jonas Berg spoke on Monday.", BERG, "Jonas Berg", True),
    ],
)
def test_a_name_after_a_speaking_pronoun_is_not_the_speaker(
    before: str, sentence: str, actor: str, kept: bool
) -> None:
    result = ground_in(f"{before} {sentence}", pos(actor, sentence, "person", sentence))
    assert_kept(result, kept)


@pytest.mark.parametrize(
    ("drafted", "shown"),
    [
        ("Sen. Mitt Romney", "Mitt Romney"),  # a title the source never gives him
        ("Former Sen. Mitt Romney", "Mitt Romney"),
        ("Gov. Jan Brewer", "Gov. Jan Brewer"),  # as the source writes her
        ("Mitt Romney", "Mitt Romney"),
        ("Romney", "Romney"),
        ("Indy Mayor Ed Murray", "Mayor Ed Murray"),  # a person: any word the source lacks
        # a given name the source never writes, for the one it gives (BASIL: "Erik Cantor" of
        # a source that names "Eric Cantor")
        ("Matt Romney", "Mitt Romney"),
        ("Utah Attorney General", "Utah Attorney General"),  # a role, not a person's name
        # initials as the source writes them; the model wrote "U. S. officials"
        ("U. S. officials", "U.S. officials"),
    ],
)
def test_a_grounded_fact_shows_no_title_its_source_does_not_give(drafted: str, shown: str) -> None:
    text = (
        "Gov. Jan Brewer is weighing the bill. Former GOP presidential nominee Mitt Romney "
        "urged Gov. Jan Brewer to veto the bill, and she and Romney said it was wrong. "
        "Seattle Mayor Ed Murray, the Attorney General of Utah and U.S. officials said it was "
        "wrong."
    )
    positions = ground_in(text, pos(drafted, text, "person", "They said it was wrong.")).positions
    assert [p.actor for p in positions] == [shown]


@pytest.mark.parametrize(
    ("written", "drafted", "alike"),
    [
        ("Vincente", "Vincee", True),
        ("Catherine", "Katherine", False),  # another first letter: read as another name
        ("Mark", "Mary", False),  # a man's name and a woman's
        ("Vincente", "Vinnie", False),
        ("Al", "Ali", False),  # too short to tell
    ],
)
def test_given_names_spelled_alike(written: str, drafted: str, alike: bool) -> None:
    assert spelled_alike(written, drafted) is alike


@pytest.mark.parametrize(
    ("drafted", "shown"),
    [
        # BASIL: "Vincee Fox", the model's slip, of a source naming "Vincente Fox"
        ("Vincee Fox", "Vincente Fox"),
        ("Vincente Fox", "Vincente Fox"),
        ("Vinnie Fox", "Vinnie Fox"),  # another name, not a slip
    ],
)
def test_a_given_name_the_model_misspelled_is_shown_as_the_source_writes_it(
    drafted: str, shown: str
) -> None:
    text = "Former Mexican President Vincente Fox said the levy was wrong."
    positions = ground_in(text, pos(drafted, text, "person", text)).positions
    assert [p.actor for p in positions] == [shown]


@pytest.mark.parametrize(
    ("name", "kind", "text", "earlier", "refers"),
    [
        (
            "Digital Rights Coalition",
            "organisation",
            "The coalition opposes it.",
            "The Digital Rights Coalition met.",
            True,
        ),
        (
            "Digital Rights Coalition",
            None,
            "It asks the coalition's members.",
            "Digital Rights Coalition",
            True,
        ),
        # Not named in full before: "the coalition" may be any coalition.
        (
            "Digital Rights Coalition",
            "organisation",
            "The coalition opposes it.",
            "A group met.",
            False,
        ),
        # No "the" before the head noun, a one-word name, a person: no reference.
        (
            "Digital Rights Coalition",
            "organisation",
            "A coalition opposes it.",
            "Digital Rights Coalition",
            False,
        ),
        ("Oxfam", "organisation", "The oxfam report.", "Oxfam", False),
        ("Amara Okafor", "person", "The okafor view.", "Amara Okafor", False),
    ],
)
def test_refers_back_reads_the_body_by_its_head_noun_after_its_full_name(
    name: str, kind: str | None, text: str, earlier: str, refers: bool
) -> None:
    assert refers_back(name, kind, text, earlier) is refers  # type: ignore[arg-type]


def test_a_sentence_whose_subject_is_another_named_body_is_that_bodys_not_the_drafted_actors() -> (
    None
):
    text = (
        "The Harbour Traders Alliance met on Monday. "
        "The port authority and Lena Berg backed the levy. "
        "The alliance urges members to refuse it."
    )
    draft = pos("Lena Berg", "The alliance urges members to refuse it.", "person")
    result = ground_in(text, draft)
    assert result.rejected == []
    assert [(p.actor, p.actor_kind, p.stance) for p in result.positions] == [
        ("Harbour Traders Alliance", "organisation", "opposes")
    ]
    assert result.positions[0].evidence.quote == "The alliance urges members to refuse it."


def test_a_sentence_whose_subject_is_another_body_after_an_opening_phrase_is_that_bodys() -> None:
    """BASIL: "The United States Fish and Wildlife Service had signaled its intention to end
    the 2014 ban, citing Zimbabwe's conservation efforts. On Thursday, the service announced
    ... that it would begin issuing permits" was kept as Zimbabwe's position."""
    sentence = "On Thursday, the service announced that it would begin issuing permits."
    text = (
        "The Harbour Fish and Wildlife Service had signaled its plan to end the ban, citing "
        f"Norland's conservation efforts. {sentence}"
    )
    result = ground_in(text, pos("Norland", sentence, "government", sentence))
    assert result.rejected == []
    assert [(p.actor, p.evidence.quote) for p in result.positions] == [
        ("Harbour Fish and Wildlife Service", sentence)
    ]


def test_what_a_named_body_concluded_is_its_view_not_that_of_whom_it_concluded_about() -> None:
    """BASIL: "The FWS concluded that Zimbabwe has made strides to improve elephant
    management" was kept as Zimbabwe's position on lifting the import ban."""
    sentence = "The FWS concluded that Norland has made strides to improve harbour management."
    draft = pos("Norland", sentence, "government", sentence)
    result = ground_in(f"Permits were paused. {sentence}", draft)
    assert [r.reason for r in result.rejected] == [
        "'Norland' is named in words the sentence gives as 'FWS''s"
    ]
    assert [(p.actor, p.to_named_speaker) for p in result.positions] == [("FWS", True)]


QUOTED = (
    "The vote came late. \u201cWe warned them weeks ago,\u201d said Sen. Ivo Brandt. "
    "\u201cWe said this would happen. The toll is toxic. It will harm the harbour.\u201d "
    "He left.\n\n\u201cOne. Two,\u201d she said. \u201cAlone.\u201d"
)


@pytest.mark.parametrize(
    ("sentence", "widened"),
    [
        # Any sentence of a quotation over several sentences: the whole quotation.
        (
            "The toll is toxic.",
            "\u201cWe said this would happen. The toll is toxic. It will harm the harbour.\u201d",
        ),
        (
            "\u201cWe said this would happen.",
            "\u201cWe said this would happen. The toll is toxic. It will harm the harbour.\u201d",
        ),
        # With the writer's words in the sentence that closes it.
        ("\u201cOne.", "\u201cOne. Two,\u201d she said."),
        # A quotation within its sentence, or none: the sentence.
        ("\u201cWe warned them weeks ago,\u201d said Sen. Ivo Brandt.", None),
        ("\u201cAlone.\u201d", None),
        ("He left.", None),
    ],
)
def test_quotation_evidence_is_the_whole_quotation_a_sentence_is_part_of(
    sentence: str, widened: str | None
) -> None:
    index = SourceIndex(Source(id="one", title="t", text=QUOTED))
    evidence = index.evidence(sentence, near=0)
    assert evidence is not None
    wide = index.quotation_evidence(evidence)
    assert wide.quote == (widened or sentence)
    assert QUOTED[wide.start : wide.end] == wide.quote


def test_a_quotation_too_long_to_be_read_whole_leaves_the_sentence() -> None:
    long = " ".join(f"Point {n} of the toll plan is unfair." for n in range(1, 6))
    text = f"\u201c{long}\u201d Ada Lund said."
    index = SourceIndex(Source(id="one", title="t", text=text))
    evidence = index.evidence("Point 3 of the toll plan is unfair.", near=0)
    assert evidence is not None
    assert index.quotation_evidence(evidence).quote == "Point 3 of the toll plan is unfair."


def test_a_position_cites_the_whole_quotation_its_sentence_is_part_of() -> None:
    sentence = "The toll is toxic."
    whole = "\u201cWe said this would happen. The toll is toxic. It will harm the harbour.\u201d"
    result = ground_in(QUOTED, pos("Sen. Ivo Brandt", sentence, "person", "The toll is toxic."))
    assert [(p.summary, p.evidence.quote) for p in result.positions] == [(whole, whole)]
    # A summary the model wrote stays its own.
    own = ground_in(QUOTED, pos("Sen. Ivo Brandt", sentence, "person", "Brandt calls it toxic."))
    assert [(p.summary, p.evidence.quote) for p in own.positions] == [
        ("Brandt calls it toxic.", whole)
    ]
    # A quote tighter than its sentence stays as the model gave it.
    tight = ground_in(
        QUOTED, pos("Sen. Ivo Brandt", "toll is toxic", "person", "The toll is toxic.")
    )
    assert [p.evidence.quote for p in tight.positions] == ["toll is toxic"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: kept as the NRA's position, the first of its evidence.
        ("Mayor Ana Park has been critical of the HTA's plan to arm every ferry.", False),
        ("Mayor Ana Park has been critical of the Harbour Traders Association's plan.", False),
        # The body's own person, its person after the possessive, or the body as subject.
        ("Lena Ortiz defended the HTA's plan to arm every ferry.", True),
        ("Mayor Ana Park said the HTA's chief lobbyist would fight the toll.", False),
        ("The Harbour Traders Association said Mayor Ana Park's toll was unfair.", True),
    ],
)
def test_a_body_named_only_as_the_owner_of_what_another_speaks_of_holds_no_view(
    sentence: str, kept: bool
) -> None:
    text = (
        "The Harbour Traders Association (HTA) met on Monday. HTA president Lena Ortiz spoke. "
        f"{sentence}"
    )
    result = ground_in(text, pos("Harbour Traders Association", sentence, "organisation", sentence))
    assert_kept(result, kept)


def test_a_risk_whose_description_is_its_sentence_reads_its_whole_quotation() -> None:
    whole = "\u201cWe said this would happen. The toll is toxic. It will harm the harbour.\u201d"
    warning = "It will harm the harbour.\u201d"
    result = ground_risks_in(QUOTED, risk("Sen. Ivo Brandt", warning))
    assert [(r.description, r.evidence.quote) for r in result.risks] == [(whole, whole)]
    # A description of the model's own keeps its sentence.
    own = RiskDraft(
        raised_by="Sen. Ivo Brandt",
        quote=warning,
        description="The toll may harm the harbour.",
        category="political",
    )
    result = ground_risks_in(QUOTED, own)
    assert [(r.description, r.evidence.quote) for r in result.risks] == [
        ("The toll may harm the harbour.", warning)
    ]
    # Its category is read from the whole quotation too (BASIL: '"I'm worried about
    # undermining our civil liberties, the constant wars going on, the debt of $16 trillion.
    # And they are worried about birth control pills?"' was "other", read from its last
    # sentence alone).
    worried = (
        "Sen. Ivo Brandt spoke. \u201cI\u2019m worried about our civil liberties. And they "
        "are worried about ferry timetables?\u201d he said."
    )
    last = "And they are worried about ferry timetables?\u201d he said."
    (given,) = ground_risks_in(worried, risk("Sen. Ivo Brandt", last)).risks
    assert given.category == "human_rights"


def test_a_pronoun_inside_the_quotation_going_on_is_not_its_speaker() -> None:
    """BASIL: '"We brought this to their attention five weeks ago," said Sen. Steve Gallardo,
    D-Phoenix. "We said this is exactly what is going to happen. You have a bill ...' was
    rejected as Gallardo's, "whose speaker is 'we'": the "we" is his own, in his quotation."""
    sentence = "\u201cWe said this is exactly what the toll would do."
    text = (
        "\u201cWe warned them five weeks ago,\u201d said Sen. Ivo Brandt, D-Riverton. "
        f"{sentence} It will divide the harbour.\u201d"
    )
    result = ground_in(text, pos("Sen. Ivo Brandt", sentence, "person", sentence))
    assert result.rejected == []
    assert [p.actor for p in result.positions] == ["Sen. Ivo Brandt"]
    # In the writer's words, "we" still speaks for others than one person.
    other = "Sen. Ivo Brandt met the council. We said the toll would divide the harbour."
    said = "We said the toll would divide the harbour."
    result = ground_in(other, pos("Sen. Ivo Brandt", said, "person", said))
    assert [r.reason for r in result.rejected] == [
        "'Sen. Ivo Brandt' is named only before the quoted sentence, whose speaker is 'we'"
    ]


def test_the_main_clauses_subject_after_an_opening_clause_holds_the_fact() -> None:
    """BASIL: "After Gorsuch repeatedly stated that ..., Democrats reminded him of how the
    court's decisions play a key role ..." was rejected as the Democrats' risk ("named after
    the sentence's subject, 'Gorsuch'") and given to "After Gorsuch"."""
    sentence = (  # an opening clause longer than an opening phrase ("On Friday, ...")
        "After Ada Lund repeatedly stated that the harbour had ample room for more ships "
        "without any change to the rules, Democrats reminded her that the levy could drive "
        "shippers away."
    )
    text = f"Judge Ada Lund testified on Tuesday. {sentence}"
    result = ground_risks_in(text, risk("Democrats", sentence))
    assert result.rejected == []
    assert [(r.raised_by, r.to_named_speaker) for r in result.risks] == [("Democrats", False)]


def test_a_risks_raiser_the_source_names_as_a_person_is_named_by_surname() -> None:
    """BASIL: "Herrod added she was surprised and disappointed that ..." was kept as Cathi
    Herrod's position but rejected as her risk, "not named": a raiser has no kind drafted."""
    sentence = "Herrod added that the levy would drive ships away from the harbour."
    text = (
        "The group's president, Cathi Herrod, has derided the opponents.\n\n"
        f"\u201cWe will not give up,\u201d she said.\n\n{sentence}"
    )
    result = ground_risks_in(text, risk("Cathi Herrod", sentence))
    assert result.rejected == []
    assert [r.raised_by for r in result.risks] == ["Cathi Herrod"]
    # A body is no person: the last word of its name does not name it.
    body = text.replace("The group's president, Cathi Herrod,", "The Harbour Policy Center")
    sentence = sentence.replace("Herrod", "Center")
    result = ground_risks_in(
        body.replace("Herrod", "Center"), risk("Harbour Policy Center", sentence)
    )
    assert [r.reason for r in result.rejected] == [
        "'Harbour Policy Center' is not named in or just before the quoted sentence"
    ]


def test_one_named_before_only_as_the_one_spoken_with_does_not_speak_next() -> None:
    """BASIL: '"We even talked about that today," he told reporters ..., referring to an
    exchange with Speaker Nancy Pelosi ... "I said, Why don't you use this for ...?' was
    drafted as Pelosi's; it is the speaker's quotation going on."""
    before = (
        "\u201cWe talked about that today,\u201d he told reporters, referring to an exchange "
        "with Mayor Ana Park during a meeting on Friday. "
    )
    quote = "\u201cI said, Why don't you use the levy for the harbour?"
    result = ground_in(before + quote, pos("Mayor Ana Park", quote, "person", quote))
    assert [r.reason for r in result.rejected] == [
        "'Mayor Ana Park' is named only before the quoted sentence, and there only as the one "
        "spoken to, sent to or judged"
    ]


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        # "She" cannot stand for "Mr. Vale" or "Tom Vale": the words are Ana Park's reply.
        ("Mr. Vale accused Ana Park of lying about the levy.", True),
        ("Tom Vale accused Ana Park of lying about the levy.", True),
        # "She" may stand for "Ms. Vale", the subject before.
        ("Ms. Vale accused Ana Park of lying about the levy.", False),
    ],
)
def test_a_pronoun_of_the_other_sex_does_not_stand_for_the_subject_before(
    before: str, kept: bool
) -> None:
    quote = "She said the claim was false and unfair."
    assert_kept(ground_in(f"{before} {quote}", pos("Ana Park", quote, "person", quote)), kept)


def test_a_sentence_opening_with_a_title_is_no_body_named_by_it() -> None:
    """BASIL: "The president asked the congressional leaders to return ..." was given to the
    "Vice President" named earlier, as if "president" were a body's head noun."""
    quote = "The president asked the leaders to return on Friday, an official said."
    text = f"Vice President Tom Vale met the leaders. The talks stalled. {quote}"
    result = ground_in(text, pos("White House", quote, "government", quote))
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "'White House' is not named in or just before the quoted sentence"
    ]


def test_a_risk_in_a_sentence_whose_subject_is_another_named_body_is_raised_by_that_body() -> None:
    text = (
        "NEW YORK - The Digital Rights Coalition called on governments to reject the treaty. "
        "UN officials defended the text.\n\n"
        "The coalition warns that the powers invite abuse by police."
    )
    result = ground_risks_in(
        text, risk("UN", "The coalition warns that the powers invite abuse by police.")
    )
    assert [r.raised_by for r in result.risks] == ["Digital Rights Coalition"]


def test_a_risk_announced_by_another_is_not_the_one_named_before() -> None:
    """BASIL: "Trump announced Thursday that he would delay the address, but ... it could take
    place on Tuesday" was drafted as a risk raised by Pelosi, named in the sentence before."""
    said = "Mr. Vale announced Thursday that he would delay the vote, but it could still fail."
    text = f"Ann Park had called on Mr. Vale to delay the vote.\n\n{said}"
    result = ground_risks_in(text, risk("Ann Park", said))
    assert [r.reason for r in result.rejected] == [
        "'Ann Park' is named only before the quoted sentence, whose speaker is 'Mr. Vale'"
    ]


def test_a_sentence_that_names_its_own_speaker_is_not_the_actor_named_before_it() -> None:
    text = (
        "Senator Mitch McConnell and Speaker John Boehner met the president on Tuesday. "
        "Mr. Obama said the two leaders had supported public works in the past."
    )
    draft = pos(
        "Mitch McConnell",
        "Mr. Obama said the two leaders had supported public works in the past.",
        "person",
    )
    result = ground_in(text, draft)
    assert [r.reason for r in result.rejected] == [
        "'Mitch McConnell' is named only before the quoted sentence, whose speaker is 'Mr. Obama'"
    ]
    # The sentence is given to its speaker instead, with itself as the summary.
    (obama,) = result.positions
    assert (obama.actor, obama.to_named_speaker, obama.summary) == (
        "Mr. Obama", True, "Mr. Obama said the two leaders had supported public works in the past."
    )  # fmt: skip
    # The speaker's own words stay his, named by title and surname.
    own = pos(
        "Barack Obama",
        "Mr. Obama said the two leaders had supported public works in the past.",
        "person",
    )
    assert [p.actor for p in ground_in(text, own).positions] == ["Barack Obama"]
    # A risk's raiser, which has no kind, is named by surname as well.
    warned = "Reince Priebus spoke on Monday. Mr. Priebus warned the cuts could cost seats."
    raised = ground_risks_in(
        warned, risk("Reince Priebus", "Mr. Priebus warned the cuts could cost seats.")
    )
    assert [r.raised_by for r in raised.risks] == ["Reince Priebus"]


@pytest.mark.parametrize(
    ("actor", "kind", "sentence", "kept"),
    [
        # another's statement about the actor
        (
            "Port Authority",
            "organisation",
            "The Port Authority is taking over the inquiry, Harbour Chief Ana Ruiz said.",
            False,
        ),
        (
            "Tom Lee",
            "person",
            "The toll was drafted from a plan that Tom Lee backed as a councillor, Ms. Park said.",
            False,
        ),
        # BASIL: a rival named in the speaker's titles, three of them between commas
        (
            "Ana Park",
            "person",
            "\u201cThe harbour is ours,\u201d Ed Ward, a Republican trying to unseat "
            "Representative Ana Park, a Democrat, in the Third District, said in a statement.",
            False,
        ),
        # a relative named in the speaker's titles, before or after the tie: a relative
        # speaks for themselves, not as a spokesman does
        (
            "Tom Vale",
            "person",
            "Ana Lee, the daughter of former Mayor Tom Vale, said the toll is unfair.",
            False,
        ),
        ("Tom Vale", "person", "Ana Lee, Mayor Tom Vale's wife, said the toll is unfair.", False),
        # the actor speaks, or someone of theirs does
        (
            "Ana Ruiz",
            "person",
            "The Port Authority is taking over the inquiry, Harbour Chief Ana Ruiz said.",
            True,
        ),
        (
            "Ben Ortiz",
            "person",
            "On Monday, the mayor of Riverton, Ben Ortiz, said the council had agreed.",
            True,
        ),
        (
            "Tom Lee",
            "person",
            "\u201cWe will look at it,\u201d Lee spokesman Sam Hale said.",
            True,
        ),
        (
            "Harbour Trust",
            "organisation",
            "\u201cSafety is a priority for the Harbour Trust,\u201d the group's director Mia "
            "Cole said.",
            True,
        ),
        (
            "Harbour Trust",
            "organisation",
            "Mia Cole, the director of the Harbour Trust, said the plan went too far.",
            True,
        ),
        # a speaker in the sentence's opening clause leaves the main clause to its subject
        (
            "Harbour Trust",
            "organisation",
            "After Ben Ortiz stated that the toll was fair, the Harbour Trust reminded him of "
            "the costs.",
            True,
        ),
        (
            "Harbour Committee",
            "organisation",
            "The Harbour Committee will summon Tom Lee, the committee's senior member said.",
            True,
        ),
        # the actor is the sentence's subject after an opening phrase that names a speaker
        (
            "Dana Wolfe",
            "person",
            "After Ben Ortiz said the toll was unfair, Ms. Wolfe backed it too.",
            True,
        ),
    ],
)
def test_a_sentence_naming_another_speaker_is_not_the_position_of_one_it_names(
    actor: str, kind: str, sentence: str, kept: bool
) -> None:
    text = "The toll plan went to the council in May. " + sentence
    result = ground_in(text, pos(actor, sentence, kind))
    assert_kept(result, kept)
    if not kept:
        assert "is named in words the sentence gives as" in result.rejected[0].reason


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Mr. Lee, a former harbour pilot, was endorsed by the pilots' union.", False),
        ("Tom Lee was confirmed 61-38 as harbour master after a long fight.", False),
        ("His deputy, Tom Lee, who left the board, is expected to plead guilty.", False),
        # an aside of about 100 characters before the passive verb
        (
            "Tom Lee, a former harbour pilot and sailor who traded on his plain-spoken image to "
            "win a seat on the board, was endorsed by the pilots' union.",
            False,
        ),
        # with a place, and another joined to him (BASIL: "Republican Sens. Scott Brown in
        # Massachusetts and Dean Heller in Nevada, who was appointed to fill the vacancy left
        # by John Ensign, are both considered vulnerable." was a position of each)
        (
            "Whig Councillors Tom Lee in Riverton and Ana Park in Port Vale, who was appointed "
            "to fill a vacancy, are both considered vulnerable.",
            False,
        ),
        ("Tom Lee in Riverton was widely seen as the favourite.", False),
        # asked, with asking named as a thing done (BASIL: "The spokeswoman, Marie Harf, was
        # asked on Tuesday whether there was any connection between the requests from
        # Congress and the decision to ask the former secretaries of state for emails ...")
        (
            "The spokesman, Tom Lee, was asked whether the toll had anything to do with the "
            "decision to ask the pilots for their logs.",
            False,
        ),
        # after an apposition that opened before the name (BASIL: "..., the House majority
        # leader, Eric Cantor, was soundly defeated on Tuesday by a Tea Party-backed
        # economics professor who had hammered him ..." was Cantor's position)
        (
            "In an upset, the board's chairman, Tom Lee, was soundly defeated by a pilot who "
            "had hammered him for the toll.",
            False,
        ),
        # reported by another (BASIL: "Sayoc has been charged with five federal crimes ―
        # ..., making threats against former presidents ... ― the Department of Justice
        # said." was Sayoc's position and risk)
        (
            "Lee has been charged with five crimes \u2015 fraud, making threats against "
            "officials and assault \u2015 the Department of Justice said.",
            False,
        ),
        ("Tom Lee was endorsed by the union, Mr. Lee said.", True),
        ("Tom Lee was elected in May and said the toll is unfair.", True),
        # acting, or quoted, or saying
        ("Tom Lee was quoted as saying the toll is unfair.", True),
        # BASIL: "Sen. Michael Bennet, D-Colo., was caught on a hot mic ... ripping the lame-duck
        # agenda ... as "rigged"": his view, a word in quotation marks notwithstanding
        ("Tom Lee, D-Ore., was caught on a hot mic ripping the plan as \u201crigged.\u201d", True),
        ("Tom Lee was asked about the toll and said it was unfair.", True),
        ("Tom Lee opposed the toll after he was elected.", True),
    ],
)
def test_an_actor_only_acted_on_holds_no_view(sentence: str, kept: bool) -> None:
    text = f"The harbour board met on Monday. {sentence}"
    result = ground_in(text, pos("Tom Lee", sentence, "person"))
    assert_kept(result, kept)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("When Ms. Park arrived, some in the crowd chanted \u201cNo toll!\u201d", False),
        ("As Ada Park leaves the council, Tom Lee will face the toll vote alone.", False),
        # the clause's comma inside a quotation (BASIL: 'about the "47 percent," Mr. Ryan ...')
        (
            "When Mr. Lee went after Ms. Park\u2019s remark about the \u201ctoll tax,\u201d "
            "Mr. Ward reminded him of his own gaffes.",
            False,
        ),
        # after a time (BASIL: "On Tuesday as the House was preparing to vote ..., Weiner ...")
        ("On Tuesday as Ms. Park was preparing to vote, Mr. Lee was attacking the toll.", False),
        # an exchange with her (BASIL: "In follow-up questioning by Representative Gerald E.
        # Connolly, a Virginia Democrat, Mr. Shulman offered ...")
        (
            "In follow-up questioning by Mayor Ada Park, a Democrat, Mr. Lee defended the toll.",
            False,
        ),
        ("In a meeting with Ada Park, a Riverton Democrat, Tom Lee opposed the toll.", False),
        # a setting that involves her (BASIL: "In the current political environment involving
        # Mr. Akin's comments, a decision by Mr. Romney to accept the party's abortion plank
        # will open his campaign to attacks ...")
        (
            "In the current climate involving Ms. Park\u2019s comments, a decision by Mr. Lee "
            "to accept the plan will open his campaign to attacks from his rivals.",
            False,
        ),
        ("Amid the uproar over Ada Park\u2019s remarks, Tom Lee backed the toll.", False),
        # a turn of events for her, after a dateline (BASIL: "WASHINGTON \u2015 In a stinging
        # blow to President Barack Obama, the Senate voted Wednesday to override his veto")
        (
            "RIVERTON \u2015 In a stinging blow to Mayor Ada Park, the council voted Wednesday "
            "to override her veto of the toll.",
            False,
        ),
        # how long after, and a verb of saying in a clause of time (BASIL: "Shortly after
        # Kristol called for his resignation, a GOP operative began pitching the column to
        # reporters, hoping that the meme of Steele's troubles would spread ...")
        ("Shortly after Ms. Park called for his exit, an aide began pitching the story.", False),
        ("After Ms. Park said she would quit, the board voted to keep the toll.", False),
        # the main clause's subject an epithet that may be hers (BASIL: "Three days after an
        # Internet video surfaced showing North Carolina Rep. Bob Etheridge in a physical
        # confrontation with a young man, the lawmaker said he is "profoundly" sorry ...")
        (
            "Three days after a video surfaced showing Ms. Park in a scuffle, the mayor said "
            "she was sorry.",
            True,
        ),
        # someone doing something beside the main clause, commas inside it (BASIL: "With the
        # moderator, ABC News' Martha Raddatz, opening the debate with a question about the
        # Libya strike, which happened a month ago Thursday, Ryan criticized the
        # administration ...")
        (
            "With the chair, Councillor Ada Park, opening the meeting with a question about "
            "the toll, which rose in May, Mr. Lee criticized the board for waiting.",
            False,
        ),
        ("With Ada Park cheering, Tom Lee opposed the toll.", False),
        ("With the vote looming, Ms. Park criticized the toll.", True),
        ("With Mr. Lee watching, Ada Park, the mayor, criticized the toll.", True),
        ("With Mr. Lee, Ada Park opposed the toll.", True),
        ("In Ada Park\u2019s view, the toll is a tax on the poor.", True),
        ("In a letter from Ms. Park, the council was told the toll is unfair.", True),
        # the opening says whose words follow, or the main clause goes on about her
        ("As Ada Park said, the toll is a tax on the poor.", True),
        ("If Ms. Park wins the vote, she said, she will oppose the toll.", True),
        ("When the vote came, Ms. Park rejected the toll.", True),
    ],
)
def test_an_actor_named_only_in_a_sentences_opening_clause_is_not_its_speaker(
    sentence: str, kept: bool
) -> None:
    text = f"Mayor Ada Park spoke in Riverton on Tuesday. {sentence}"
    result = ground_in(text, pos("Ada Park", sentence, "person"))
    assert_kept(result, kept)


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        # the pronoun stands for the subject of the sentence before, not a name inside it
        ("Robin Ortiz said the memo was about Ada Park telling the council it was late.", False),
        ("Dr. Ortiz said the memo was about Ada Park telling the council it was late.", False),
        (
            "Harbour lawyer Robin Ortiz spoke first. Ortiz said the memo was about Ada Park's "
            "letter to the council.",
            False,
        ),
        # the actor is that subject, or the subject is no one's name
        ("Ada Park said the memo was late.", True),
        ("Mayor Ada Park of Riverton spoke after Robin Ortiz.", True),
        ("Draft minutes obtained by the Courier quote Ada Park at length.", True),
        ("Without a text, Ms. Park spoke for an hour.", True),
        # a caption has no subject: the pronoun stands for whom it tells of (BASIL: "Judicial
        # Watch Director of Investigations Chris Farrell on how FBI official Peter Strzok
        # requested that he retain his security clearance ... In June, he was then escorted
        # ..." was Farrell's)
        ("Harbour Watch Director of Ports Ada Park on how port official Ana Lund resigned.", False),
        (
            "Harbour Watch Director of Ports Robin Ortiz on how port official Ada Park resigned.",
            True,
        ),
    ],
)
def test_a_speaking_pronoun_stands_for_the_subject_of_the_sentence_before(
    before: str, kept: bool
) -> None:
    sentence = "She also said the toll was unfair."
    result = ground_in(f"{before} {sentence}", pos("Ada Park", sentence, "person"))
    assert_kept(result, kept)


@pytest.mark.parametrize(
    ("text", "actor", "kept"),
    [
        # "Lee" alone is the one the source named first; a relative goes by both names (the
        # sentence before, naming the actor in full, would carry the actor on)
        (
            "Rep. Tom Lee and his wife, Margaret Lee, were charged on Tuesday. Both deny it. "
            "\u201cThere is no case,\u201d Lee said.",
            "Margaret Lee",
            False,
        ),
        (
            "Rep. Tom Lee and his wife, Margaret Lee, were charged on Tuesday. Both deny it. "
            "\u201cThere is no case,\u201d Lee said.",
            "Tom Lee",
            True,
        ),
        # named in full in the sentence, or first named by a title (who may be the actor)
        (
            "Tom Lee spoke first. \u201cThere is no case,\u201d Margaret Lee said.",
            "Margaret Lee",
            True,
        ),
        (
            "Mayor Lee met Margaret Lee on Monday. \u201cThere is no case,\u201d Mr. Lee said.",
            "Tom Lee",
            True,
        ),
        # a short form or a one-letter spelling of the same given name
        ("Joseph Lee spoke first. \u201cThere is no case,\u201d Lee said.", "Joe Lee", True),
        ("Cathi Lee spoke first. \u201cThere is no case,\u201d Lee said.", "Cathy Lee", True),
        # the short form in full (BASIL: "The Times reports Liz Cheney on Friday first
        # articulated her position" after "Mary Cheney", of Elizabeth Cheney)
        (
            "Margaret Lee spoke first. \u201cThere is no case,\u201d Liz Lee said.",
            "Elizabeth Lee",
            True,
        ),
        # the surname after a title the source gave the whole name (BASIL: "Former Vice
        # President Cheney has publicly voiced support ..." after "Mary Cheney, one of
        # ex-Vice President Dick Cheney's two daughters")
        (
            "Margaret Lee, a daughter of ex-Mayor Tom Lee, spoke first. The hearing went on. "
            "\u201cThere is no case,\u201d former Mayor Lee said.",
            "Tom Lee",
            True,
        ),
        (
            "Margaret Lee spoke first. \u201cThere is no case,\u201d former Mayor Lee said.",
            "Tom Lee",
            False,
        ),
    ],
)
def test_a_surname_alone_is_the_person_the_source_named_first_with_it(
    text: str, actor: str, kept: bool
) -> None:
    sentence = "\u201cThere is no case,\u201d " + text.rsplit("\u201d ", 1)[1]
    result = ground_in(text, pos(actor, sentence, "person"))
    assert_kept(result, kept)


# A speaker named once, then a quotation that runs on for sentences: news writing's way.
QUOTATION = (
    "Mayor Ada Park spoke in Riverton on Tuesday.\n\n"
    "\u201cTom Lee is a fine man. He works hard,\u201d Ms. Park said. "
    "\u201cBut his toll plan is wrong for Riverton. It would cost commuters dearly.\u201d\n\n"
    "According to Ben Ortiz of the Harbor Institute, the toll would raise $40 million.\n\n"
    "\u201cThe figure I get is close to $40 million. Drivers would pay most of it. "
    "Freight firms would pay the rest.\u201d"
)


def test_a_quotation_stays_its_speakers_sentences_after_the_name() -> None:
    source = "It would cost commuters dearly.\u201d"
    result = ground_in(QUOTATION, pos("Ada Park", source, "person"))
    assert [p.actor for p in result.positions] == ["Ada Park"]
    warned = ground_risks_in(QUOTATION, risk("Ada Park", source))
    assert [r.raised_by for r in warned.risks] == ["Ada Park"]
    # A paragraph that is one quotation, after the paragraph that names its source.
    later = "Freight firms would pay the rest.\u201d"
    assert [p.actor for p in ground_in(QUOTATION, pos("Ben Ortiz", later, "person")).positions] == [
        "Ben Ortiz"
    ]


def test_a_name_inside_a_quotation_is_not_its_speaker() -> None:
    result = ground_in(QUOTATION, pos("Tom Lee", "It would cost commuters dearly.\u201d", "person"))
    assert [r.reason for r in result.rejected] == [
        "'Tom Lee' is not named in or just before the quoted sentence"
    ]
    # The words are given to the speaker the quotation names.
    assert [(p.actor, p.to_named_speaker) for p in result.positions] == [("Ms. Park", True)]


def test_a_quotation_opening_a_sentence_is_the_view_of_whom_it_is_given_to_later() -> None:
    # BASIL: a group's director judged a senator in a quotation of two sentences, the senator
    # named unquoted in the sentence before (as the one slammed).
    text = (
        "Activists slammed the ministry and in particular Minister Jonas Berg for giving away "
        "leverage.\n\n"
        "\u201cIt is official: Jonas Berg is the worst negotiator in the capital. Any plan "
        "that relies on his word is doomed,\u201d Port Watch director Ada Park said.\n\n"
        "\u201cWe will keep the tolls low,\u201d Jonas Berg said in reply."
    )
    official = "\u201cIt is official: Jonas Berg is the worst negotiator in the capital."
    result = ground_in(text, pos("Jonas Berg", official, "person"))
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "'Jonas Berg' is named only inside a quotation the source gives to 'Ada Park'"
    ]
    # His own quotation, given to him after it, is his.
    reply = "\u201cWe will keep the tolls low,\u201d Jonas Berg said in reply."
    assert [p.actor for p in ground_in(text, pos("Jonas Berg", reply, "person")).positions] == [
        "Jonas Berg"
    ]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "In June, he was then escorted from his FBI office and lost his security
        # clearance amid the release of a scathing ... report that ... uncovered messages ...
        # -- namely, between Strzok and Page." was a position and a risk of Lisa Page's
        (
            "In June, he was then escorted from his office amid a scathing report on "
            "messages between Lee and Ms. Park.",
            False,
        ),
        ("He later attacked the toll that Ms. Park had backed.", False),
        # or someone's thing (BASIL: "His brash behavior made him less of a subject of news
        # media scrutiny than other current and former aides to President Trump ...")
        (
            "His brash style made him less of a target than other aides to Ms. Park, like a "
            "suspect readers dismiss as too obvious to have committed the crime.",
            False,
        ),
        # she shares the subject
        ("He and Ms. Park opposed the toll.", True),
    ],
)
def test_one_named_after_a_pronoun_subject_is_not_its_speaker(sentence: str, kept: bool) -> None:
    text = f"Tom Lee lost his post on Monday. {sentence}"
    assert_kept(ground_in(text, pos("Ada Park", sentence, "person")), kept)


@pytest.mark.parametrize(
    ("before", "actor", "kept"),
    [
        # BASIL: "The task force panel called on the Departments of Homeland Security,
        # Education and Justice to coordinate ... It recommended that officers ..." was a
        # position of "Education and Justice"
        ("The review panel called on the Ports Agency to act.", "Ports Agency", False),
        (
            "The review panel called on the Ministries of Ports, Trade and Transport to act.",
            "Trade and Transport",
            False,
        ),
        # the noun may stand for the actor, or the actor is the subject
        (
            "The association called on the mayor to act.",
            "Riverton Harbour Association",
            True,
        ),
        ("The Ports Agency called on the mayor to act.", "Ports Agency", True),
        # a lawsuit, with a clause between commas (BASIL: "The lawsuit, which was brought by
        # ... Oklahoma's attorney general, Scott Pruitt, accused Colorado officials ... It was
        # filed directly with the Supreme Court ..." was Pruitt's)
        (
            "The lawsuit, which was brought by Ports Agency chief Ana Park, accused the mayor.",
            "Ana Park",
            False,
        ),
    ],
)
def test_it_stands_for_a_body_the_sentence_before_opens_with(
    before: str, actor: str, kept: bool
) -> None:
    sentence = "It said the levy should be halved."
    text = f"The Riverton Harbour Association backs the levy. {before} {sentence}"
    assert_kept(ground_in(text, pos(actor, sentence)), kept)


def test_a_quotation_opened_after_a_body_is_named_is_given_by_its_closing_words() -> None:
    # BASIL: "President Barack Obama on Friday defended revelations that the National
    # Security Agency is collecting phone records ..." and then '"The programs are secret in
    # the sense that they are classified. They are not secret, ...," he said ...': the NSA's
    # position, on the quotation's first sentence.
    text = (
        "Minister Jonas Berg on Friday defended reports that the Port Agency is reading "
        "cargo records.\n\n"
        "\u201cThe records are secret in the sense that they are sealed. They are not "
        "secret, since every member has been briefed,\u201d he said in a speech."
    )
    first = "\u201cThe records are secret in the sense that they are sealed."
    for kind in ("government", "person"):
        result = ground_in(text, pos("Port Agency", first, kind))
        assert result.positions == []
    (reason,) = [r.reason for r in ground_in(text, pos("Port Agency", first)).rejected]
    assert reason == (
        "'Port Agency' is named only before the quoted sentence, whose speaker is 'he'"
    )
    (reason,) = [r.reason for r in ground_in(text, pos("Port Agency", first, "person")).rejected]
    assert reason.endswith("stands for 'Minister Jonas Berg', the subject of the sentence before")
    # The one the pronoun stands for holds it.
    kept = ground_in(text, pos("Jonas Berg", first, "person")).positions
    assert [p.actor for p in kept] == ["Jonas Berg"]
    # A quotation closed by a name is that name's.
    named = text.replace("he said", "Ada Park said")
    (reason,) = [r.reason for r in ground_in(named, pos("Port Agency", first)).rejected]
    assert reason.endswith("whose speaker is 'Ada Park'")


def test_a_name_only_inside_the_quoted_words_of_its_sentence_is_not_their_speaker() -> None:
    # The shapes met on BASIL: a spokesman's words naming Congress, a challenger's naming AARP.
    text = (
        "The ministry released the e-mails on Wednesday.\n\n"
        "\u201cYou can now see what the Congress has seen: the process was sound,\u201d "
        "a spokesman said.\n\n"
        "\u201cIt is tragic that Harbor Freight would oppose the toll,\u201d Tom Lee said.\n\n"
        'Ada Park said Harbor Freight "would oppose the toll".'
    )
    congress = "the process was sound,\u201d a spokesman said."
    result = ground_in(text, pos("Congress", "\u201cYou can now see what the " + congress))
    assert [r.reason for r in result.rejected] == [
        "'Congress' is named only inside the quoted words, not as their speaker"
    ]
    tragic = "\u201cIt is tragic that Harbor Freight would oppose the toll,\u201d Tom Lee said."
    given = ground_in(text, pos("Harbor Freight", tragic)).positions
    assert [(p.actor, p.to_named_speaker) for p in given] == [("Tom Lee", True)]
    assert [p.actor for p in ground_in(text, pos("Tom Lee", tragic, "person")).positions] == [
        "Tom Lee"
    ]
    # A body's own words, said by someone the writer gives as its officer.
    own = (
        "\u201cProtecting our users is a top priority for Harbor Freight,\u201d the company's "
        "security chief Tom Lee said."
    )
    assert [p.actor for p in ground_in(own, pos("Harbor Freight", own)).positions] == [
        "Harbor Freight"
    ]
    # Named outside the quotation marks, the actor is the one whose view is reported.
    reported = 'Harbor Freight said in a filing that it "would oppose the toll".'
    assert [p.actor for p in ground_in(reported, pos("Harbor Freight", reported)).positions] == [
        "Harbor Freight"
    ]
    # Another named speaker's report of it is that speaker's statement, and theirs to hold.
    secondhand = 'Ada Park said Harbor Freight "would oppose the toll".'
    result = ground_in(text, pos("Harbor Freight", secondhand))
    assert [(p.actor, p.to_named_speaker) for p in result.positions] == [("Ada Park", True)]


def test_a_body_named_before_holds_no_view_of_a_sentence_whose_subject_is_he_or_she() -> None:
    # BASIL: "President Donald Trump used Twitter to tear into social media companies ...,
    # claiming they were "totally discriminating ..." But he does have a solution." was a
    # position of the companies'
    text = (
        "Mayor Ana Lund used Twitter to tear into port firms, claiming they were "
        "\u201ctotally unfair.\u201d But she does have a solution."
    )
    result = ground_in(text, pos("port firms", "But she does have a solution.", "group"))
    assert [r.reason for r in result.rejected] == [
        "'port firms' is named only before the quoted sentence, whose subject is 'she'"
    ]


_PRAISED = "According to the Courier, Tom Lund praised the rebels in videos. "
_SAID = "Speaker Ana Lund said the inquiry would go on. "


@pytest.mark.parametrize(
    ("before", "actor", "sentence", "kept"),
    [
        # BASIL: "According to the Washington Post, Seddique Mateen expressed gratitude toward
        # the Afghan Taliban in videos posted online. His son had reportedly pledged
        # allegiance to ISIS before executing the attack, ..." was the father's position
        (_PRAISED, "Tom Lund", "His son had reportedly pledged allegiance to the rebels.", False),
        (_PRAISED, "Tom Lund", "His son had pledged allegiance to the rebels, he said.", True),
        (_PRAISED, "Tom Lund", "His statement said the rebels were wrong.", True),
        # BASIL: "Privately, many harbor suspicions that he obstructed justice, collaborated
        # with the Russians in 2016 or both." was a position and a risk of Speaker Pelosi's
        (
            _SAID,
            "Speaker Ana Lund",
            "Privately, many harbor suspicions that he broke the law.",
            False,
        ),
        (_SAID, "Speaker Ana Lund", "But some of them say the inquiry has gone too far.", False),
        (_SAID, "Speaker Ana Lund", "Many voters also back it, she said.", True),
        # BASIL: "As gay rights groups launched boycotts against the company, prominent
        # conservative figures like former Arkansas Gov. Mike Huckabee, ... began showing
        # their support by visiting the restaurant." was a position of Dan Cathy's
        (
            _SAID,
            "Speaker Ana Lund",
            "As the port workers struck, prominent harbor figures like Tom Vale came to help.",
            False,
        ),
        (_SAID, "Speaker Ana Lund", "At the port, figures like Tom Vale back it, she said.", True),
    ],
)
def test_a_person_named_before_holds_no_view_of_a_relatives_deed_or_of_many_unnamed(
    before: str, actor: str, sentence: str, kept: bool
) -> None:
    assert_kept(ground_in(before + sentence, pos(actor, sentence, "person")), kept)


def test_one_named_in_a_sentence_only_inside_a_pronouns_quoted_words_is_not_its_speaker() -> None:
    # BASIL: 'Rubio said Obama ... and cast former Secretary of State Hillary Clinton as his
    # loyal deputy. "[Clinton] was the chief architect of a foreign policy that was a
    # disaster," he said ...' was a position of Clinton's
    quote = '"[Lund] was the architect of a toll that was a disaster," he said on the radio.'
    text = f"Mr. Vale cast former Mayor Ana Lund as his loyal deputy.\n\n{quote}"
    result = ground_in(text, pos("Ana Lund", quote, "person"))
    assert [r.reason for r in result.rejected] == [
        "'Ana Lund' is named only inside the quoted words, not as their speaker"
    ]
    assert [p.actor for p in ground_in(text, pos("Mr. Vale", quote, "person")).positions] == [
        "Mr. Vale"
    ]


def test_a_speaker_named_before_only_inside_quoted_words_or_by_an_unfit_pronoun_is_not_it() -> None:
    # BASIL: Netanyahu quoting Obama, then going on in his own words.
    text = (
        'Ada Park spoke on the Sunday show. "Tom Lee has said the toll is fair," she said. '
        '"If it is fair, it will pass."'
    )
    result = ground_in(text, pos("Tom Lee", '"If it is fair, it will pass."', "person"))
    assert [r.reason for r in result.rejected] == [
        "'Tom Lee' is named before the quoted sentence only inside the quoted words"
    ]
    # A broadcaster named before a "he said" is not the one who said it.
    show = 'The toll came up on Harbor News. "It is a fair toll," he said.'
    draft = pos("Harbor News", '"It is a fair toll," he said.', "organisation")
    assert [r.reason for r in ground_in(show, draft).rejected] == [
        "'Harbor News' is named only before the quoted sentence, whose speaker is 'he'"
    ]
    # Two people named together are "they".
    pair = 'Ada Park and Tom Lee wrote to the council. "The toll is unfair," they said.'
    both = pos("Ada Park and Tom Lee", '"The toll is unfair," they said.', "person")
    assert [p.actor for p in ground_in(pair, both).positions] == ["Ada Park and Tom Lee"]


def test_a_relative_drafted_by_the_tie_takes_the_name_the_source_gives() -> None:
    # BASIL: "Jackson's wife" beside "Sandra Jackson", one person twice in a brief.
    text = (
        "Tom Lee pleaded guilty on Wednesday.\n\n"
        "His wife, Sandra Lee, said the plea was a mistake and vowed to appeal."
    )
    quote = "His wife, Sandra Lee, said the plea was a mistake and vowed to appeal."
    result = ground_in(text, pos("Lee's wife", quote, "person"))
    assert [p.actor for p in result.positions] == ["Sandra Lee"]
    # BASIL: "Liz Cheney's former father", a word between the name and the tie.
    result = ground_in(text, pos("Tom Lee's loyal wife", quote, "person"))
    assert [p.actor for p in result.positions] == ["Sandra Lee"]
    # "former" before a title stays with the name: no such office now.
    father = "Her father, former Mayor Tom Lee, said the plea was a mistake."
    text = f"Ana Lee pleaded guilty on Wednesday.\n\n{father}"
    result = ground_in(text, pos("Ana Lee's father", father, "person"))
    assert [p.actor for p in result.positions] == ["Former Mayor Tom Lee"]
    # No name given: the tie stays the actor's name, without a word put before it.
    unnamed = "Tom Lee pleaded guilty.\n\nHis wife said the plea was a mistake."
    draft = pos("Tom Lee's wife", "His wife said the plea was a mistake.", "person")
    assert [p.actor for p in ground_in(unnamed, draft).positions] == ["Tom Lee's wife"]
    draft = pos("Tom Lee's former wife", "His wife said the plea was a mistake.", "person")
    assert [p.actor for p in ground_in(unnamed, draft).positions] == ["Tom Lee's wife"]


@pytest.mark.parametrize(
    ("opening", "actor"),
    [
        # BASIL: "Mary Cheney, the younger sister of ... Liz Cheney (R) and daughter of former
        # Vice President Dick Cheney, ..." and, later, "Her opposition also puts her at odds
        # with her father, ... "I think that freedom means freedom for everyone," the former
        # vice president said." drafted for "Liz Cheney's father"
        (
            # ("former" kept: no mayor now)
            "Ana Lee, sister of Liz Lee and daughter of former Mayor Tom Lee, spoke.",
            "Former Mayor Tom Lee",
        ),
        ("Ana Lee, one of former Mayor Tom Lee's two daughters, spoke.", "Mayor Tom Lee"),
        # a parent of the other sex, or of another family, is not the one
        ("Ana Lee, daughter of former Mayor Mary Lee, spoke.", "Liz Lee's father"),
        ("Ana Lee, daughter-in-law of former Mayor Tom Ortiz, spoke.", "Liz Lee's father"),
    ],
)
def test_a_parent_drafted_by_the_tie_takes_the_name_a_child_is_given_by(
    opening: str, actor: str
) -> None:
    quote = "\u201cThe toll is fair,\u201d the former mayor said."
    text = (
        f"{opening} Liz Lee opposes the toll.\n\n"
        f"Her view puts her at odds with her father, who backed the toll. {quote}"
    )
    result = ground_in(text, pos("Liz Lee's father", quote, "person"))
    assert [p.actor for p in result.positions] == [actor]


@pytest.mark.parametrize(
    ("text", "quote", "drafted", "actor"),
    [
        # BASIL: "DNC spokesman" beside "Brad Woodhouse", one person twice in a brief.
        (
            "Ed Ward apologized on Monday. "
            "Harbor Party spokesman Brad Ovens addressed the video in a statement.",
            "Harbor Party spokesman Brad Ovens addressed the video in a statement.",
            "Harbor Party spokesman",
            "Brad Ovens",
        ),
        # BASIL: "the Fox News host complained", named in full paragraphs before.
        (
            "Riverton News host Glenn Vale spoke on Saturday.\n\nThe hall was full.\n\n"
            "All we hear, the Riverton News host complained, is talk of tolls.",
            "All we hear, the Riverton News host complained, is talk of tolls.",
            "Riverton News host",
            "Glenn Vale",
        ),
        # A day after the name is when it was said, not part of the name.
        (
            "Ed Ward apologized. Harbor Party spokesman Brad Ovens Monday called it a mistake.",
            "Harbor Party spokesman Brad Ovens Monday called it a mistake.",
            "Harbor Party spokesman",
            "Brad Ovens",
        ),
        # Another one in that role, or none named: the role stays the actor's name.
        (
            "Riverton News host Glenn Vale spoke on Saturday.\n\n"
            "Another Riverton News host complained about the tolls.",
            "Another Riverton News host complained about the tolls.",
            "Riverton News host",
            "Riverton News host",
        ),
        (
            "The toll rose on Friday. A Harbor Party spokesman said the toll was unfair.",
            "A Harbor Party spokesman said the toll was unfair.",
            "Harbor Party spokesman",
            "Harbor Party spokesman",
        ),
        # BASIL: "As word of AARP's position set off debate ..., the group's chief executive,
        # Barry Rand, issued a formal statement saying ..." drafted as "AARP chief executive".
        (
            "As word of the Harbor Party's plan spread on Friday, the group's chief executive, "
            "Ana Park, issued a statement saying the plan was unfair.",
            "As word of the Harbor Party's plan spread on Friday, the group's chief executive, "
            "Ana Park, issued a statement saying the plan was unfair.",
            "Harbor Party chief executive",
            "Ana Park",
        ),
        # BASIL: "Director of National Intelligence James Clapper issued a statement late
        # Thursday ... He called the disclosure ... At the same time, he took the rare step
        # of moving to declassify ..." drafted as "Director of National Intelligence".
        (
            "Director of Port Security Ana Park issued a statement on Thursday.\n\nAt the same "
            "time, the Director of Port Security moved to publish the rules, to defend them.",
            "At the same time, the Director of Port Security moved to publish the rules, to "
            "defend them.",
            "Director of Port Security",
            "Ana Park",
        ),
    ],
)
def test_a_person_drafted_by_a_role_takes_the_name_the_source_gives(
    text: str, quote: str, drafted: str, actor: str
) -> None:
    result = ground_in(text, pos(drafted, quote, "person"))
    assert [p.actor for p in result.positions] == [actor], [r.reason for r in result.rejected]
    assert result.positions[0].actor_kind == "person"


@pytest.mark.parametrize(
    ("before", "actor"),
    [
        # BASIL: "New York – In his first major foreign policy speech ..., U.S. Sen. Marco
        # Rubio said if elected, ..." then "The Florida Republican, who delivered his speech
        # ..., said that ..." was an actor "Florida Republican" beside Rubio
        (
            "In her first speech since launching her run, Sen. Ana Lund said she backs it.",
            "Sen. Ana Lund",
        ),
        ("Sen. Ana Lund spoke in Riverton on Tuesday.", "Ana Lund"),
        # two people before, or none: the epithet stays
        ("Sen. Ana Lund and Tom Vale spoke in Riverton.", "Harbor Republican"),
        ("The council met in Riverton.", "Harbor Republican"),
        # a group is no person the epithet stands for (BASIL: "The Republican governor
        # returned home ..." became a position of "Prominent Republicans")
        ("Prominent Republicans criticized the bill.", "Harbor Republican"),
    ],
)
def test_a_person_drafted_by_an_epithet_is_the_one_named_just_before(
    before: str, actor: str
) -> None:
    quote = "The Harbor Republican, who spoke in Manhattan, said the city was losing ground."
    # drafted with the article or without (BASIL: "The Arizona Republican said Steele needs
    # to ..." after 'Speaking on ABC's "This Week," Sen. John McCain, R-Ariz., said ...'
    # stayed an actor "The Arizona Republican")
    for drafted in ("Harbor Republican", "The Harbor Republican"):
        result = ground_in(f"{before}\n\n{quote}", pos(drafted, quote, "person"))
        expected = drafted if actor == "Harbor Republican" else actor
        assert [p.actor for p in result.positions] == [expected]
    # drafted for the one it stands for, who spoke the sentence before (BASIL: a draft for
    # "John McCain" was rejected, "whose speaker is 'Arizona Republican'", and the fact
    # given to "Arizona Republican")
    if actor.startswith("Sen."):
        result = ground_in(f"{before}\n\n{quote}", pos("Ana Lund", quote, "person"))
        assert [p.actor for p in result.positions] == ["Ana Lund"], [
            r.reason for r in result.rejected
        ]
        # and a draft for someone else, given to the sentence's speaker, goes to the one the
        # epithet stands for, not to the epithet
        text = f"Tom Vale spoke first.\n\n{before}\n\n{quote}"
        result = ground_in(text, pos("Tom Vale", quote, "person"))
        assert [p.actor for p in result.positions] == [actor]


def test_a_quotation_wrapped_over_lines_is_still_quoted() -> None:
    text = (
        'Tom Lee spoke on Monday. He said: "The toll is\nunfair, Harbor Freight agrees," and left.'
    )
    quote = 'He said: "The toll is\nunfair, Harbor Freight agrees," and left.'
    result = ground_in(text, pos("Harbor Freight", quote))
    assert [r.reason for r in result.rejected] == [
        "'Harbor Freight' is named only inside the quoted words, not as their speaker"
    ]


def test_a_closing_mark_left_unpaired_does_not_make_the_next_paragraph_a_quotation() -> None:
    # BASIL: a quotation runs over paragraphs, its first mark two paragraphs up.
    text = (
        'Dukes told the rally: "They are big.\n\n'
        'But they can be challenged in a court of law."\n\n'
        "Dukes's case has drawn the attention of the business community, who fear more lawsuits."
    )
    quote = (
        "Dukes's case has drawn the attention of the business community, who fear more lawsuits."
    )
    result = ground_in(text, pos("business community", quote, "organisation"))
    assert [p.actor for p in result.positions] == ["business community"]


def test_a_quotation_after_someone_elses_words_is_not_the_one_named_beside_them() -> None:
    text = (
        "With the moderator, Jane Roe, opening the debate, Tom Lee criticized the toll plan.\n\n"
        "\u201cThis is getting worse by the day. First they blamed the weather.\u201d"
    )
    quote = "First they blamed the weather.\u201d"
    given = ground_in(text, pos("Jane Roe", quote, "person")).positions
    assert [(p.actor, p.to_named_speaker) for p in given] == [("Tom Lee", True)]
    assert [p.actor for p in ground_in(text, pos("Tom Lee", quote, "person")).positions] == [
        "Tom Lee"
    ]


@pytest.mark.parametrize(
    ("name", "people"),
    [
        ("foreign affairs", False),
        ("world", False),
        ("the treaty", False),
        ("plaintiffs", True),
        ("human rights advocates", True),
        ("critics", True),
        ("citizens", True),
        ("the public", True),
        ("rights", False),
        ("progress", False),
        ("fiscal conservatives", True),
        ("rights groups", True),
        ("tea party organizers", True),
        ("the government", True),
        ("lawmakers", True),
        ("Foreign Affairs Committee", True),
        ("G7", True),
        # a run of words the model cut off, or what something is called: no one's name
        ("known as the Comprehensive International Convention on Countering the Use of...", False),
        ("the Harbour Rights Forum and…", False),
        ("Known as the Lindenfeld Charge", False),
        ("Dubbed the toll", False),
        ("Harbour Rights Forum", True),
        ("N.W.A.", True),
        # a name run over the end of one sentence into the next (BASIL: "... congressional
        # Republicans. Liberal groups such as MoveOn.org ..."), not a shortened word's stop
        ("Republicans. Liberal", False),
        ("Sen. Ivo Brandt", True),
        ("Harbour Shipping Corp. Foundation", True),
        ("Calif. Gov. Ana Park", True),
        # an opening article's capital is no name's (BASIL: "According to the official, the
        # program began in 2007 ..." was a position of "The official")
        ("The official", False),
        # a document (BASIL: "NRA School Safety Report" recommended armed staff)
        ("Harbour Guild Safety Report", False),
        ("Harbour levy plan", False),
        ("Drudge Report", True),  # a news site
        # a day (BASIL: "Hillary Rodham Clinton on Sunday urged ..." gave "Sunday" a position)
        ("Sunday", False),
        ("Friday night", False),
        ("May", True),  # a surname too
        ("Republican-controlled state legislature", True),  # a body, however written
        ("Senior administration official", False),
        ("Senior Obama administration official", True),
        ("Microsoft", True),
        ("A senior official", False),
        ("The officials", True),
        ("The Hill", True),
        ("The company", True),
        # one member of a party (BASIL: "..., the committee's senior Democrat said on
        # Wednesday" was an actor "Democrat"); its members are a group
        ("Democrat", False),
        ("a Republican", False),
        ("Democrats", True),
        ("Democratic Party", True),
        # the people before a place, or either part joined by "and" (BASIL: "Democrats in
        # the room", "Trump's campaign and family" named no one)
        ("Whigs in the room", True),
        ("Lee\u2019s campaign and family", True),
        ("Riverton-based florist", False),
        # a name cut from after its noun (SummEdits news: "of East Palestine" held a position)
        ("of Port Vale", False),
        ("Friends of Port Vale", True),
        ("rules in the old town", False),
        # a party's leaders, as one body (BASIL: "At the time, Republican leadership praised
        # his decision to step aside" was rejected as naming no one)
        ("Republican leadership", True),
        # words of a clause (BASIL: "None of the devices inside have exploded on their own so
        # far, and investigators" held a position)
        ("None of the devices inside have exploded so far, and investigators", False),
        ("Who Is Who Foundation", True),
    ],
)
def test_a_lower_case_actor_must_be_a_word_for_people(name: str, people: bool) -> None:
    assert names_people(name) is people


@pytest.mark.parametrize(
    ("text", "actor", "kept"),
    [
        # BASIL: "A protester captured the exchange on video Tuesday and posted it to YouTube
        # ..." was a position of "Protester"
        (
            "A protester filmed the exchange and posted it. She opposes the toll.",
            "Protester",
            False,
        ),
        # a name the source also writes as a word ("brown") is still a name where it is one
        ("The brown hulls rusted. Mr. Brown said he opposes the toll.", "Brown", True),
        ("Police said they oppose the toll.", "Police", True),
    ],
)
def test_a_common_noun_the_model_capitalized_names_no_one(
    text: str, actor: str, kept: bool
) -> None:
    sentence = text.split(". ")[-1] if ". " in text else text
    result = ground_in(text, pos(actor, sentence, "person", sentence))
    assert bool(result.positions) is kept
    if not kept:
        assert [r.reason for r in result.rejected] == [
            f"{actor!r} names no one: a thing, a document or a common noun"
        ]


def test_a_common_noun_is_not_an_actor() -> None:
    text = 'He said Obama "has no doctrine on foreign affairs." The world is laughing at us.'
    draft = pos("foreign affairs", 'He said Obama "has no doctrine on foreign affairs."', "group")
    result = ground_in(text, draft)
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "'foreign affairs' names no one: a thing, a document or a common noun"
    ]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "Outside the St. Louis County Justice Center, where the grand jury convened,
        # two dozen protesters gathered ... and held signs urging McCulloch to step aside."
        # was the Justice Center's position
        (
            "Outside the Riverton Justice Center, where the board met, dock workers held "
            "signs urging the mayor to drop the toll.",
            False,
        ),
        ("Workers rallied in front of the Harbour Trade Center against the toll.", False),
        # a body that works there, or one named otherwise, takes a side
        ("Ana Park, a fellow at the Harbour Policy Center, said the toll was unfair.", True),
        ("The Harbour Policy Center said the toll was unfair.", True),
    ],
)
def test_a_building_named_only_as_where_it_happened_takes_no_side(
    sentence: str, kept: bool
) -> None:
    actor = next(
        name
        for name in ("Riverton Justice Center", "Harbour Trade Center", "Harbour Policy Center")
        if name in sentence
    )
    result = ground_in(sentence, pos(actor, sentence, "organisation"))
    assert bool(result.positions) is kept, [r.reason for r in result.rejected]
    if not kept:
        assert [r.reason for r in result.rejected] == [
            f"{actor!r} is named only as the place where it happened, not taking a side"
        ]


def test_a_fragment_of_a_long_quotation_shows_no_view() -> None:
    """BASIL: 'The Democratic National Committee issued a brief statement ...: “Okay. So
    here's ...' gave the committee a position whose words were “Okay."""
    text = (
        "The port board issued a statement on Monday:\n\n\u201cRight, okay. So here is the plan. "
        "Tolls stay. Fees rise. Ferries stop. No talks. No deal for the islands.\u201d"
    )
    result = ground_in(text, pos("port board", "\u201cRight, okay.", "organisation"))
    assert result.positions == []
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence is a fragment of a few words, too short to show anything"
    ]
    # the same words at the head of a short quotation are read with the rest of it
    short = "The port board issued a statement:\n\n\u201cRight, okay. The tolls stay.\u201d"
    assert ground_in(short, pos("port board", "\u201cRight, okay.", "organisation")).positions


def test_a_sentence_that_only_gives_the_speaker_takes_the_quotation_before() -> None:
    """BASIL: '"As a result, our nation ... may find themselves subject to lawsuits in foreign
    courts." Obama wrote in a letter delivered Tuesday.' gave Obama a position whose words
    were only its last sentence (a full stop where a comma belongs)."""
    words = "\u201cAs a result, the port may face lawsuits in foreign courts.\u201d"
    tail = "Lund wrote in a letter delivered Tuesday."
    text = f"The board fought it.\n\n{words} {tail}"
    (kept,) = ground_in(text, pos("Ana Lund", tail, "person", tail)).positions
    assert kept.evidence.quote == f"{words} {tail}" == kept.summary
    # (BASIL: '“How about the mayor starts it off in honor of the city?” Mr. Trump was quoted
    # as saying, playing peacemaker ...')
    said = "Mr. Vale was quoted as saying, smiling."
    asked = f"\u201cHow about the mayor starts?\u201d {said}"
    (kept,) = ground_in(f"Tom Vale came.\n\n{asked}", pos("Tom Vale", said, "person")).positions
    assert kept.evidence.quote == asked
    # not across paragraphs, nor after a sentence that is not all quotation
    for before in (f"{words}\n\n", "The board said it would appeal. "):
        result = ground_in(f"Ana Lund spoke. {before}{tail}", pos("Ana Lund", tail, "person", tail))
        (kept,) = result.positions
        assert kept.evidence.quote == tail


def test_a_pronoun_drafted_as_an_actor_is_told_as_one() -> None:
    text = "Ms. Park spoke at the port. He said he opposes the toll."
    result = ground_in(text, pos("He", "He said he opposes the toll.", "person"))
    assert result.positions == []
    assert [r.reason for r in result.rejected] == ["'He' names no one: a pronoun"]


def test_the_group_after_a_named_body_stays_that_bodys_sentence() -> None:
    text = "Human Rights Watch published a report. The group said the treaty is dangerous."
    draft = pos("Human Rights Watch", "The group said the treaty is dangerous.", "organisation")
    assert [p.actor for p in ground_in(text, draft).positions] == ["Human Rights Watch"]


@pytest.mark.parametrize(
    ("text", "quote", "drafted", "holder"),
    [
        # BASIL: a body "issued a brief statement shortly after Rubio's speech:", then quoted;
        # a sentence of the quotation was given to Rubio, named only in "Rubio's speech".
        (
            "Ana Park spoke on Wednesday about trade.\n\n"
            "The Riverton Party issued a brief statement shortly after Park's speech:\n\n"
            "\u201cWell. So here is her plan. A trade policy that is stuck in the past.\u201d",
            "A trade policy that is stuck in the past.",
            ("Ana Park", "person"),
            ("Riverton Party", "organisation"),
        ),
        # BASIL: "Critics, however, say the Indiana law includes different wording that could
        # open the door to wider discrimination" was drafted as Indiana's position.
        (
            "Gov. Ana Park of Veltra signed the law last week. Critics, however, say the Veltra "
            "law could open the door to abuse.",
            "Critics, however, say the Veltra law could open the door to abuse.",
            ("Veltra", "government"),
            ("critics", "group"),
        ),
    ],
)
def test_a_view_is_held_by_the_one_who_says_it_not_the_one_it_names(
    text: str, quote: str, drafted: tuple[str, str], holder: tuple[str, str]
) -> None:
    assert_kept(ground_in(text, pos(drafted[0], quote, drafted[1], quote)), False)
    assert_kept(ground_in(text, pos(holder[0], quote, holder[1], quote)), True)


def test_a_short_sentence_of_an_english_source_is_judged() -> None:
    """BASIL: "Governor Christie? “Strong,” he said.": the question put to the speaker has
    none of the English words the cue lists look for, and was passed as another language."""
    text = (
        "Asked for quick thoughts about each of the candidates, Mr. Vale played along.\n\n"
        "Mayor Ana Park? \u201cStrong,\u201d he said."
    )
    result = ground_in(text, pos("Mayor Ana Park", "Mayor Ana Park?", "person", "Park is strong."))
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence shows no view: no one says, backs or opposes anything in it"
    ]
    english = SourceIndex(Source(id="en", title="t", text=text)).english
    french = "Le ministère a adopté le texte le 3 mars 2025. Il entre en vigueur en mai."
    assert (english, SourceIndex(Source(id="fr", title="t", text=french)).english) == (True, None)


@pytest.mark.parametrize(
    ("text", "quote", "reason"),
    [
        # BASIL: "to the son of a cartoonist for The Bangor Daily News"
        (
            "Mr. Lee apologized to the son of a cartoonist for The Riverton Post over a threat.",
            "Mr. Lee apologized to the son of a cartoonist for The Riverton Post over a threat.",
            "'Riverton Post' is named only as the news outlet a journalist works for, not "
            "taking a side",
        ),
        # BASIL: "According to the Washington Post, Seddique Mateen expressed gratitude ...
        # His son had reportedly pledged allegiance to ISIS ...": the outlet reported both.
        (
            "According to the Riverton Post, Tom Vale praised the militia in videos. His son had "
            "reportedly pledged allegiance to the militia before the attack.",
            "His son had reportedly pledged allegiance to the militia before the attack.",
            "'Riverton Post' is named only before the quoted sentence, as the news outlet that "
            "reported it",
        ),
    ],
)
def test_an_outlet_named_only_as_a_journalists_employer_or_the_reporter_holds_no_view(
    text: str, quote: str, reason: str
) -> None:
    result = ground_in(text, pos("Riverton Post", quote, "organisation", "It takes a side."))
    assert [r.reason for r in result.rejected] == [reason]


def test_the_object_of_an_opening_verb_in_ing_is_not_the_sentences_subject() -> None:
    """BASIL: 'Calling Mr. Trump a "sniveling coward," Mr. Cruz told his rival to ...' was
    drafted as Trump's position: "Calling Mr. Trump" was read as the subject's name."""
    text = (
        "Calling Mr. Vale a \u201ccoward,\u201d Mr. Park told his rival to leave his family alone."
    )
    result = ground_in(text, pos("Tom Vale", text, "person", "Vale is a coward."))
    assert_kept(result, False)
    assert_kept(ground_in(text, pos("Jon Park", text, "person", "Vale is a coward.")), True)


def test_a_pronoun_opening_a_sentence_stands_for_the_subject_before() -> None:
    """BASIL: "..., Mr. Sanders made a quick exit ... on his way to meet with Senator Chuck
    Schumer of New York. He was also scheduled to meet with Vice President Joseph R. Biden
    Jr." was drafted as Schumer's position."""
    text = (
        "After his meeting with Lee, Mr. Park made a quick exit on his way to meet with Senator "
        "Ann Vale of Riverton. He was also scheduled to meet with the mayor, whom he backs."
    )
    quote = "He was also scheduled to meet with the mayor, whom he backs."
    result = ground_in(text, pos("Senator Ann Vale", quote, "person", "They back the mayor."))
    assert_kept(result, False)
    assert_kept(ground_in(text, pos("Tom Park", quote, "person", "They back the mayor.")), True)


def test_a_title_the_model_gave_from_another_person_is_left_out() -> None:
    """BASIL: "Vermont Sen. O'Malley" of a source that says "ex-Maryland Gov. Martin
    O'Malley, did endorse Clinton"."""
    text = "Another former rival, ex-Riverton Gov. Martin O'Hara, did endorse Ms. Park."
    drafted = pos("Vermont Sen. O'Hara", text, "person", "He endorsed Ms. Park.")
    assert [p.actor for p in ground_in(text, drafted).positions] == ["O'Hara"]
    drafted = pos("Riverton Gov. Martin O'Hara", text, "person", "He endorsed Ms. Park.")
    assert [p.actor for p in ground_in(text, drafted).positions] == ["Gov. Martin O'Hara"]


def test_a_speaking_pronoun_of_the_other_sex_is_not_the_person_named_before() -> None:
    """BASIL: '"I will never stop believing in our country & its future," she wrote.' was
    drafted as Donald J. Trump's, named in the sentence before."""
    quote = "\u201cI will never stop believing in us,\u201d she wrote."
    text = f"Donald Vale took the oath at noon. {quote}"
    result = ground_in(text, pos("Donald Vale", quote, "person", "They believe in us."))
    assert [r.reason for r in result.rejected] == [
        "'Donald Vale' is named only before the quoted sentence, whose speaker is 'she'"
    ]
    assert_kept(ground_in(text, pos("Ms. Vale", quote, "person", "They believe in us.")), True)


@pytest.mark.parametrize(
    ("text", "actor", "kept"),
    [
        # BASIL: "Trump confirmed that former Sen. Joe Lieberman is his top choice"
        (
            "Mr. Vale confirmed that former Sen. Ann Park, who backs the toll, is his top choice.",
            "Ann Park",
            False,
        ),
        # BASIL: "Mr. Stone indicated that he had advance knowledge ... Julian Assange"
        ("Mr. Vale indicated that Ann Park had backed the levy first.", "Ann Park", False),
        # BASIL: 'Trump had promised that Republicans "will not cave"'
        ("On Thursday, Mr. Vale had promised that Ann Park would not cave.", "Ann Park", False),
        ("Mr. Vale announced that Ann Park would chair the inquiry.", "Ann Park", False),
        ("Ann Park announced that she would vote against the toll.", "Ann Park", True),
        # BASIL: "The Atlantic first reported on Monday that Trump Jr. received a private
        # message from the WikiLeaks Twitter account"
        # An outlet that reports is no speaker: what it reports stays the actor's.
        (
            "The Riverton Post reported on Monday that Ann Park backed the toll.",
            "Ann Park",
            True,
        ),
        # BASIL: "the tweet was referring to then-acting Attorney General Sally Yates"
        (
            "The post was referring to Attorney General Ann Park, who backed the inquiry.",
            "Ann Park",
            False,
        ),
        # BASIL: "William P. Barr was asked if the president would have committed a crime"
        ("At the hearing, Ann Park was asked if the levy was lawful.", "Ann Park", False),
        # BASIL: 'Ruth Bader Ginsburg was confirmed 96-3 two years later and "yea" votes have
        # dwindled': a word in quotation marks is nobody's words.
        (
            "Ann Park was confirmed 96-3 two years later and \u201cyea\u201d votes have dwindled.",
            "Ann Park",
            False,
        ),
        # BASIL: an aside with commas of its own before the passive verb
        (
            "Ann Park, the agent in charge of the Riverton, Ore., field office, was interviewed.",
            "Ann Park",
            False,
        ),
        ("Ann Park confirmed that she backs the toll.", "Ann Park", True),
        # BASIL: "Also interviewed were two other judges, Michael J. Garcia of ... and Henry
        # E. Hudson of Federal District Court ..."
        (
            "Also interviewed were two other judges, Tom R. Vale of the New Harbour Court of "
            "Appeals and Ann Park of the Port Court.",
            "Ann Park",
            False,
        ),
    ],
)
def test_one_confirmed_reported_referred_to_or_acted_on_holds_no_view(
    text: str, actor: str, kept: bool
) -> None:
    assert_kept(ground_in(text, pos(actor, text, "person", "They take a side.")), kept)


def test_a_long_quotation_that_never_closes_is_read_in_time() -> None:
    """A rule's pattern with nested repeats once took exponential time on a sentence with a
    long quotation that never closes; this sentence must be read in well under a second, so
    the alarm (a hang guard, not a speed target) fails the test instead of stalling the run."""
    sentence = "Ann Park was endorsed by \u201c" + "the union of the harbour pilots " * 300 + "."
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("grounding did not finish"))
    signal.alarm(30)
    try:
        result = ground_in(sentence, pos("Ann Park", sentence[:200], "person", "She backs it."))
    finally:
        signal.alarm(0)
    assert result.positions or result.rejected


def test_a_risk_given_according_to_someone_else_is_not_raised_by_the_one_it_names() -> None:
    """BASIL: "Meanwhile, a joint campaign rally with Clinton and Obama ... has been postponed
    in light of the attack, according to a White House official." was Clinton's risk."""
    text = (
        "A joint rally with Ann Park set for Friday has been postponed in light of the attack, "
        "according to a city official."
    )
    result = ground_risks_in(text, risk("Ann Park", text))
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence gives its words as 'a city official''s, not 'Ann Park''s"
    ]
    said = "The attack could hurt the rally, Ann Park warned, according to a city official."
    assert [r.raised_by for r in ground_risks_in(said, risk("Ann Park", said)).risks] == [
        "Ann Park"
    ]
    # A position is left alone: what an aide says of Ann Park's plan is still hers.
    plan = "Ann Park will oppose the toll, according to an aide."
    assert_kept(ground_in(plan, pos("Ann Park", plan, "person", plan)), True)


def test_a_risk_whose_only_warning_is_others_is_not_raised_by_the_one_it_names() -> None:
    """BASIL: "The FBI's pre-dawn arrest of President Trump's ex-adviser Roger Stone ...
    prompted critics to once again question the tactics of Special Counsel Robert Mueller,
    ..." was the FBI's risk."""
    text = (
        "The Port Authority's dawn raid on the docks prompted critics to once again question "
        "the tactics of the inquiry, after dozens of agents searched the sheds on Friday."
    )
    result = ground_risks_in(text, risk("Port Authority", text))
    assert [r.reason for r in result.rejected] == [
        "the view in the quoted sentence is held by others ('critics to once again question'), "
        "not 'Port Authority'"
    ]
    # One who warns beside them keeps the risk.
    warned = (
        "The Port Authority warned that the raid could hurt trade, which prompted critics to "
        "question the inquiry."
    )
    result = ground_risks_in(warned, risk("Port Authority", warned))
    assert [r.raised_by for r in result.risks] == ["Port Authority"]
    # BASIL: "Colorado Gov. John Hickenlooper told The Denver Post he spoke with Nebraska and
    # Oklahoma officials about their concerns." was his risk; a body's "their" is its own
    spoke = "Mayor Ann Park said she spoke with port officials about their concerns."
    assert ground_risks_in(spoke, risk("Mayor Ann Park", spoke)).risks == []
    own = "Port workers said they met the mayor about their concerns."
    assert [r.raised_by for r in ground_risks_in(own, risk("Port workers", own)).risks] == [
        "Port workers"
    ]


@pytest.mark.parametrize(
    ("sentence", "drafted", "told_of"),
    [
        # BASIL: "Representative Kevin McCarthy, the House Republican leader, spent much of his
        # weekly news conference comparing Mr. Schiff, ..., to Senator Joseph R. McCarthy, who
        # fueled fears in the 1950s that Communist spies had infiltrated the American
        # government." was Kevin McCarthy's risk
        (
            "Rep. Ann Hart spent her news conference likening Mr. Vale to Senator Tom Hart, "
            "who fueled fears of a crash in the 1990s.",
            "Rep. Ann Hart",
            "Senator Tom Hart",
        ),
        (
            "Ann Park likened Tom Vale to Lee Hart, who fueled fears of a crash.",
            "Ann Park",
            "Lee Hart",
        ),
        # a clause on the one who warns, or a harm outside the clause, is theirs
        ("Ann Park, who fears the toll will hurt trade, voted against it.", "Ann Park", None),
        (
            "Ann Park warned the toll would hurt trade, agreeing with Tom Vale, who fears it.",
            "Ann Park",
            None,
        ),
    ],
)
def test_a_harm_told_in_a_clause_on_another_is_not_their_warning(
    sentence: str, drafted: str, told_of: str | None
) -> None:
    result = ground_risks_in(sentence, risk(drafted, sentence))
    assert [r.raised_by for r in result.risks] == ([] if told_of else [drafted])
    assert [r.reason for r in result.rejected] == (
        [f"the harm in the quoted sentence is told of {told_of!r}, not warned of by {drafted!r}"]
        if told_of
        else []
    )


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # BASIL: "Representative Anthony D. Weiner, trying to put to rest a bizarre episode that
        # is overshadowing his role as liberal pugilist and threatening his dream of becoming
        # New York's mayor, emphatically denied on Wednesday that he had sent ..." was his risk
        (
            "Ann Park, trying to end an episode that is threatening her career, denied sending "
            "the photograph.",
            False,
        ),
        ("Ann Park, facing a threat of a recall, said the toll was fine.", False),
        # a harm outside the aside, or an aside that gives a warning of theirs, is theirs
        ("Ann Park, who faces a threat of a recall, said the toll could hurt the port.", True),
        ("Ann Park, who has long warned of the dangers of the toll, said a vote was near.", True),
    ],
)
def test_a_harm_only_in_the_writers_aside_on_the_speaker_is_not_their_warning(
    sentence: str, kept: bool
) -> None:
    result = ground_risks_in(sentence, risk("Ann Park", sentence))
    assert [r.raised_by for r in result.risks] == (["Ann Park"] if kept else [])
    if not kept:
        assert [r.reason for r in result.rejected] == [
            "the harm in the quoted sentence is the writer's aside on 'Ann Park', not a "
            "warning they give"
        ]


def test_a_pronoun_after_an_opening_phrase_stands_for_the_subject_before() -> None:
    """BASIL: "In June, he was then escorted from his FBI office ..." (Strzok) was drafted as
    the position of people named in the sentence before, after Strzok as its subject."""
    quote = "In June, he was escorted out amid a scathing report that criticized his conduct."
    text = f"Tom Vale was fired on Friday after Ann Park and Lee Hart criticized him. {quote}"
    result = ground_in(text, pos("Ann Park", quote, "person", "They criticize the conduct."))
    assert_kept(result, False)
    # BASIL: "Fox News confirmed Steele sent an e-mail to committee members ... In the note, he
    # asked members to join him": an outlet opening the sentence before reports; "he" is Steele.
    quote = "In the note, he asked members to join him and backed the plan."
    text = f"Riverton News confirmed Tom Vale sent an e-mail on Saturday. {quote}"
    assert_kept(ground_in(text, pos("Tom Vale", quote, "person", "He backs the plan.")), True)


def test_an_outlet_that_cites_someone_holds_no_view() -> None:
    """BASIL: "Axios cited John Eastman, ..., who said the amendment has been misapplied"."""
    text = "Riverton News cited Tom Vale, a law professor, who said the rule was misapplied."
    result = ground_in(text, pos("Riverton News", text, "organisation", "It opposes the rule."))
    assert [r.reason for r in result.rejected] == [
        "'Riverton News' is named only as the news outlet that reported it, not taking a side"
    ]


def test_a_person_named_after_another_persons_subject_holds_no_view_there() -> None:
    """BASIL: "On Wednesday, Mr. Cruz repeatedly quoted from the movie ... as she held an
    event and faced questions about Mr. Trump's threats" was drafted as Trump's position."""
    sentence = (
        "On Wednesday, Mr. Ivo Brandt defended his wife as she faced questions about "
        "Mr. Tom Reyes's threats."
    )
    result = ground_in(sentence, pos("Tom Reyes", sentence, "person", sentence))
    assert [r.reason for r in result.rejected] == [
        "'Tom Reyes' is named after the sentence's subject, 'Ivo Brandt', not speaking"
    ]
    # The subject's own view stays; so does one who shares the subject, or who speaks.
    assert_kept(ground_in(sentence, pos("Ivo Brandt", sentence, "person", sentence)), True)
    shared = "Mr. Ivo Brandt and Mr. Tom Reyes both oppose the levy."
    assert_kept(ground_in(shared, pos("Tom Reyes", shared, "person", shared)), True)
    spoken = "Mr. Ivo Brandt is wrong about the levy, Tom Reyes said on Monday."
    assert_kept(ground_in(spoken, pos("Tom Reyes", spoken, "person", spoken)), True)
    # Capitalized words of a role are no other subject (BASIL: "Presumptive GOP nominee").
    titled = "Presumptive Harbour Party nominee Tom Reyes opposed the levy on Monday."
    assert_kept(ground_in(titled, pos("Tom Reyes", titled, "person", titled)), True)
    # A verb and its object are no role (BASIL: "Mr. Cohen drafted his statement to Congress
    # in August 2017 along with Steven Ryan, his lawyer at the time, ..." was Ryan's).
    drafted = "Mr. Ivo Brandt drafted his plea to Harbour Council along with Tom Reyes."
    result = ground_in(drafted, pos("Tom Reyes", drafted, "person", drafted))
    assert [r.reason for r in result.rejected] == [
        "'Tom Reyes' is named after the sentence's subject, 'Ivo Brandt', not speaking"
    ]
    # A place after a comma joins no one to the subject (BASIL: "Labrador, of Idaho, would
    # be the Tea Party alternative to McCarthy, who is the whip ..." was McCarthy's); a name
    # does.
    placed = "Mr. Brandt, of Ohio, would be the rival to Reyes, who is the whip."
    result = ground_in(placed, pos("Tom Reyes", placed, "person", placed))
    assert [r.reason for r in result.rejected] == [
        "'Tom Reyes' is named after the sentence's subject, 'Brandt', not speaking"
    ]
    listed = "Mr. Brandt, Mr. Reyes and Ms. Park all opposed the levy."
    assert_kept(ground_in(listed, pos("Tom Reyes", listed, "person", listed)), True)


def test_a_draft_rejected_for_its_actor_goes_to_the_speakers_its_sentence_names() -> None:
    # BASIL: "... power grab ...," Speaker Nancy Pelosi of California and Senator Chuck
    # Schumer of New York said, drafted for "Democrats" named in the sentence before.
    text = (
        "The toll drew condemnation from Democrats on the council. "
        "\u201cIt is a grab for power,\u201d Speaker Ana Park of Ohio and Senator Ivo Brandt "
        "said in a statement."
    )
    quote = "\u201cIt is a grab for power,\u201d"
    result = ground_in(text, pos("Democrats", quote, "group", "Democrats call it a grab."))
    (rejected,) = result.rejected  # the draft as written stays on record
    assert rejected.reason.startswith("'Democrats' is named only before the quoted sentence")
    sentence = text[text.index("\u201c") :]
    # Each is a person, as the source titles them (BASIL: "Cohen said" beside "Adriana
    # Cohen" stayed an actor of its own, having no kind); a body would have none.
    assert [(p.actor, p.actor_kind, p.summary, p.to_named_speaker) for p in result.positions] == [
        ("Speaker Ana Park", "person", sentence, True),
        ("Senator Ivo Brandt", "person", sentence, True),
    ]
    assert all(p.evidence.quote == quote for p in result.positions)
    # A risk keeps its description, which must still be borne out by the sentence.
    warning = "Shops could close, Ana Park warned."
    (given,) = ground_risks_in(warning, risk("Retailers", warning)).risks
    assert (given.raised_by, given.description, given.to_named_speaker) == (
        "Ana Park", warning, True
    )  # fmt: skip
    wrong = RiskDraft(
        raised_by="Retailers", quote=warning, description="40 shops could close.",
        category="economic",
    )  # fmt: skip
    assert ground_risks_in(warning, wrong).risks == []


def test_a_sentence_without_a_named_speaker_gives_a_rejected_draft_to_no_one() -> None:
    for text in (
        # A common noun that opens the sentence is no name; a name that goes on to be the
        # subject of what was said is no speaker; a pronoun is no name.
        "Mayors have declared emergencies under the law five times.",
        "They vowed Congress would defend its powers in the courts.",
        "\u201cIt is a grab for power,\u201d she said.",
    ):
        result = ground_in(text, pos("Port Authority", text, "organisation", text))
        assert result.positions == [] and len(result.rejected) == 1, text


def test_a_sentence_giving_its_words_to_a_document_is_not_the_one_named_before() -> None:
    # BASIL: "Deputy Attorney General Rod Rosenstein announced the charges ... According to
    # the DOJ document, 12 Russian intelligence officers are accused of hacking ..."
    before = "Prosecutor Ivo Brandt announced the charges on Friday."
    quote = "According to the court filing, the port levy was used to hide bribes."
    result = ground_in(f"{before} {quote}", pos("Ivo Brandt", quote, "person", quote))
    assert [r.reason for r in result.rejected] == [
        "'Ivo Brandt' is named only before the quoted sentence, which gives its words as "
        "'the court filing''s"
    ]
    # Named in the sentence itself, the actor's view is still reported by it.
    own = "Ivo Brandt opposes the levy, according to the court filing."
    assert_kept(ground_in(f"{before} {own}", pos("Ivo Brandt", own, "person", own)), True)
    # Nor a news outlet's (BASIL: "The emails, ..., were uncovered during the 2016
    # presidential campaign, according to Politico, ..." after "released by the State
    # Department on Friday"), unless a pronoun carries the actor on.
    before = "The levy papers were released by the Harbour Department on Friday."
    quote = "The papers were found during the 2016 race, according to Politico."
    result = ground_in(f"{before} {quote}", pos("Harbour Department", quote, "organisation"))
    assert [r.reason for r in result.rejected] == [
        "'Harbour Department' is named only before the quoted sentence, which gives its words "
        "as 'Politico''s"
    ]
    before, quote = "Ivo Brandt spoke on Friday.", "He will veto the levy, according to Politico."
    assert_kept(ground_in(f"{before} {quote}", pos("Ivo Brandt", quote, "person")), True)


def test_a_sentence_giving_its_words_to_unnamed_people_is_not_the_one_named_before() -> None:
    # BASIL: "The larger figure referred to the amount Mr. Trump has demanded for the wall,
    # which the House endorsed in a vote last month ... But inside the Situation Room later on
    # Wednesday, the proposal resurfaced and Mr. Trump appeared open to it, according to one
    # of the officials present, ..." was the House's position
    before = "The levy was the figure the Harbour Board endorsed in a vote last month."
    quote = "Later, the mayor appeared open to it, according to one of the officials present."
    result = ground_in(f"{before}\n\n{quote}", pos("Harbour Board", quote, "organisation"))
    assert [r.reason for r in result.rejected] == [
        "'Harbour Board' is named only before the quoted sentence, which gives its words as "
        "'one of the officials present''s"
    ]
    # One of them.
    officials = "Harbour Board officials said the levy was fair."
    result = ground_in(f"{officials}\n\n{quote}", pos("Harbour Board officials", quote, "group"))
    assert_kept(result, True)


def test_a_quotation_s_sentence_goes_to_the_speaker_named_where_it_closes() -> None:
    # BASIL: '"Cancel the Putin meeting. Now," Schumer tweeted Friday.' drafted for the next
    # paragraph's senator; the speaker named by surname takes the full name given before.
    text = (
        "Within minutes, council leader Ana Park urged the mayor to drop the levy.\n\n"
        "\u201cDrop the levy. Now,\u201d Park wrote on Friday.\n\n"
        "Councillor Ivo Brandt said the levy was unfair."
    )
    quote = "\u201cDrop the levy."
    result = ground_in(text, pos("Ivo Brandt", quote, "person", "He wants it dropped."))
    # Its summary and evidence are the whole quotation the sentence is part of.
    whole = "\u201cDrop the levy. Now,\u201d Park wrote on Friday."
    assert [
        (p.actor, p.summary, p.evidence.quote, p.to_named_speaker) for p in result.positions
    ] == [("Ana Park", whole, whole, True)]


@pytest.mark.parametrize(
    ("named_before", "speaker"),
    [
        # BASIL: "Justice Ruth Bader Ginsburg said ..." then '"...," Ginsburg said' had made
        # a second justice, "Bader Ginsburg".
        ("Justice Ana Maria Park", "Ana Maria Park"),
        ("Ana Maria Park", "Ana Maria Park"),
        ("the planner Ana Maria Park", "Ana Maria Park"),
        ("Councillor Ana Park", "Councillor Ana Park"),
        # With an initial, as written.
        ("Councillor Ana M. Park", "Councillor Ana M. Park"),
        ("Ana M. Park", "Ana M. Park"),
        # A capitalized word before the name that belongs to an office's name is no part of it
        # (BASIL: "Deputy Assistant Secretary for Diplomatic Security Charlene Lamb").
        ("Head of Harbour Security Ana Park", "Ana Park"),
        ("Vice Chairman Park", "Park"),
    ],
)
def test_a_speaker_named_by_surname_takes_the_whole_name_given_before(
    named_before: str, speaker: str
) -> None:
    text = (
        f"The levy was opposed by {named_before}, who spoke first.\n\n"
        "\u201cDrop the levy,\u201d Park said on Friday."
    )
    quote = "\u201cDrop the levy,\u201d Park said on Friday."
    result = ground_in(text, pos("Ivo Brandt", quote, "person", "He wants it dropped."))
    assert [p.actor for p in result.positions] == [speaker]


def test_a_kept_draft_is_also_the_view_of_those_named_speaking_with_its_actor() -> None:
    text = (
        "\u201cIt is a grab for power,\u201d Speaker Ana Park and Senator Ivo Brandt said in a "
        "joint statement."
    )
    result = ground_in(text, pos("Ana Park", text, "person", text))
    assert [(p.actor, p.to_named_speaker) for p in result.positions] == [
        ("Ana Park", False),
        ("Senator Ivo Brandt", True),
    ]
    # One speaker alone gives no one else the words.
    alone = "\u201cIt is a grab for power,\u201d Speaker Ana Park said, citing Ivo Brandt."
    assert [p.actor for p in ground_in(alone, pos("Ana Park", alone, "person")).positions] == [
        "Ana Park"
    ]


def test_a_titled_name_is_named_by_the_full_name_under_another_title() -> None:
    text = "The council will not take up the levy, according to Majority Leader Ana Park."
    assert names_actor("Sen. Ana Park", None, text)
    assert names_actor("Senator Ana Park", "person", text)
    # The full name is needed: a title and a surname alone are not enough for a raiser.
    assert not names_actor("Sen. Ana Park", None, "Tom Park spoke.")
    result = ground_risks_in(text, risk("Sen. Ana Park", text))
    assert not any("not named" in r.reason for r in result.rejected)


def test_a_view_of_someone_s_stance_is_no_position_on_the_topic() -> None:
    # The seeds: "This stance has been met with opposition from Western countries" (Russia's
    # stance) had made Western countries opponents of the treaty.
    text = (
        "Veltra argued that the treaty should drop its safeguards. This stance has been met "
        "with opposition from Nordic countries."
    )
    quote = "This stance has been met with opposition from Nordic countries."
    result = ground_in(text, pos("Nordic countries", quote, "group", quote), topic="the treaty")
    assert [r.reason for r in result.rejected] == [
        "the quoted sentence's view is of 'This stance', someone's view, not of the topic"
    ]
    # A stance "on" something names what it is about; the sentence is read as any other.
    on = "That position on the treaty is shared by Nordic countries, their envoy said."
    assert not any(
        "someone's view" in r.reason
        for r in ground_in(on, pos("Nordic countries", on, "group", on)).rejected
    )


def test_concerns_of_no_one_are_not_the_view_of_one_named_before() -> None:
    # SummEdits news: "But questions and concerns remain." was a position of East Palestine,
    # the town named in the sentence before
    remain = "But questions and concerns remain."
    text = f"Residents of Riverton went home on Wednesday after the spill. {remain}"
    assert [r.reason for r in ground_in(text, pos("Riverton", remain, "government")).rejected] == [
        "'Riverton' is named only before the quoted sentence, and neither reports anyone's words"
    ]
    # concerns that are someone's carry over as before
    voiced = "She raised concerns about the water."
    text = f"Mayor Ana Lund spoke on Wednesday. {voiced}"
    assert [p.actor for p in ground_in(text, pos("Ana Lund", voiced, "person")).positions] == [
        "Ana Lund"
    ]


def test_a_bodys_people_as_the_subject_are_not_one_named_before() -> None:
    # BASIL: "... Apple CEO Tim Cook ... And on Monday, the executives of nine Indiana-based
    # companies, including Angie's List and Anthem, sent a letter to Pence outlining their
    # concerns." was a position of Tim Cook's
    sentence = (
        "And on Monday, the executives of nine harbour firms, including Port Line and Ferro, "
        "sent a letter to the mayor outlining their concerns."
    )
    text = f"Guild chief Ana Park criticized the levy on Sunday. {sentence}"
    (reason,) = [r.reason for r in ground_in(text, pos("Ana Park", sentence, "person")).rejected]
    assert reason == (
        "'Ana Park' is named only before the quoted sentence, whose subject is "
        "'the executives of nine harbour firms'"
    )


def test_someones_attorney_as_the_subject_speaks_not_the_one_quoted_before() -> None:
    # BASIL: '"... His conduct should deeply concern every American," House Freedom Caucus
    # Chairman Mark Meadows, R-N.C., said in a statement to Fox News. Strzok's attorney,
    # meanwhile, blasted the bureau on Monday, saying ...' was a position of Meadows's
    text = (
        "\u201cThe levy must go,\u201d Councillor Tom Lee said in a statement.\n\n"
        "Ms. Park\u2019s attorney, meanwhile, blasted the board on Monday, saying the toll "
        "was unlawful."
    )
    sentence = text.split("\n\n")[1]
    (reason,) = [r.reason for r in ground_in(text, pos("Tom Lee", sentence, "person")).rejected]
    assert reason == (
        "'Tom Lee' is named only before the quoted sentence, whose subject is "
        "'Ms. Park\u2019s attorney'"
    )
    # The attorney speaks for the one whose attorney they are.
    assert_kept(ground_in(f"Ada Park sued.\n\n{text}", pos("Ada Park", sentence, "person")), True)
