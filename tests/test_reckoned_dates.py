"""Events a story dates by a weekday, counted from the day the story was published."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.chunking import chunk_source
from briefing.cli import main
from briefing.dates import reckon_weekday, reckon_year
from briefing.extract import number_sentences
from briefing.grounding import ground_chunk
from briefing.models import ChunkExtraction, EventDraft, FactSheet, Source
from briefing.review_page import render_review_page
from briefing.source_index import index_sources
from tests.conftest import extraction, fact_sheet
from tests.fakeserver import FakeOpenAI, Reply
from tests.test_citations import cited, cited_sheet

# 28 September 2016 was a Wednesday.


@pytest.mark.parametrize(
    ("sentence", "published", "date"),
    [
        ("Congress on Wednesday rejected the veto.", "2016-09-28", "Wednesday (28 September 2016)"),
        ("The Senate voted on Tuesday.", "2016-09-28", "Tuesday (27 September 2016)"),
        ("The Senate voted on Tuesday.", "2016-09-29T08:30:00Z", "Tuesday (27 September 2016)"),
        ("The House will vote on Friday.", "2016-09-28", "Friday (30 September 2016)"),
        ("The House is expected to vote Monday.", "2016-09-28", "Monday (3 October 2016)"),
        ("He spoke last Wednesday.", "2016-09-28", "Wednesday (21 September 2016)"),
        ("On Friday, the House will vote on it.", "2016-09-28", "Friday (30 September 2016)"),
        # a future form in another clause, or far before the weekday, is not its verb's
        (
            "Ana Ruiz, the leader who plans to back it, spoke on Tuesday.",
            "2016-09-28",
            "Tuesday (27 September 2016)",
        ),
        (
            "The House ensured the bill will become law after voting 348-77 to override "
            "Wednesday afternoon.",
            "2016-09-29",
            "Wednesday (28 September 2016)",
        ),
        (
            "The House will vote on it, the speaker said on Monday.",
            "2016-09-28",
            "Monday (26 September 2016)",
        ),
        ("They meet next Wednesday.", "2016-09-28", "Wednesday (5 October 2016)"),
        # a plan dates what it plans further on in its clause (BASIL: "Mr. Steele is expected
        # to disclose his intentions during a conference call with committee members on
        # Monday evening", in a story of a Sunday, was dated the Monday before)
        (
            "Ms. Lund is expected to give her answer during a call with the council's members "
            "on Monday evening.",
            "2016-09-28",
            "Monday (3 October 2016)",
        ),
        (
            "Lund, who is expected to take the chair of the port board Thursday afternoon "
            "after eight years away, will act at once.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        (
            "He is scheduled to appear before the board on Thursday.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        # a meeting asked for (BASIL: "Mr. Trump has invited Tea Party leaders and a
        # legislator from Arizona to his office in Manhattan on Friday morning", "he asked
        # members to join him "for a private conference call" Monday evening"); not the day
        # of an urging
        (
            "The mayor has invited the guild to her office at the port on Friday morning.",
            "2016-09-28",
            "Friday (30 September 2016)",
        ),
        (
            "In the note, she asked members to join her for a private call Monday evening.",
            "2016-09-28",
            "Monday (3 October 2016)",
        ),
        # a plan named (BASIL: "This prompted calls to boycott Chick-fil-A ..., along with
        # plans for a same-sex kiss-in at the restaurants on Friday." was dated the Friday
        # before the story)
        (
            "The levy drew calls for a boycott, along with plans for a sit-in at the port on "
            "Friday.",
            "2016-09-28",
            "Friday (30 September 2016)",
        ),
        # a journey under way (BASIL: "GOP Rep. Paul Ryan is heading to Georgetown University
        # for a speech Thursday morning" was dated the Thursday before the story)
        (
            "Mayor Ana Park is heading to Lakeport University for a speech Thursday morning.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        # what is prepared for (BASIL: "Liberal groups prepared for a women's march on
        # Saturday that they said could draw hundreds of thousands." was dated the Saturday
        # before the story)
        (
            "Dock workers prepared for a march on Saturday that could draw thousands.",
            "2016-09-28",
            "Saturday (1 October 2016)",
        ),
        # a meeting to come in the present tense (BASIL: "... urged the president to use the
        # indictments to get tough with Mr. Putin when they meet on Monday in Helsinki,
        # Finland." was dated the Monday before the story)
        (
            "She urged the mayor to be firm with Mr. Lee when they meet on Monday in Riverton.",
            "2016-09-28",
            "Monday (3 October 2016)",
        ),
        # (BASIL: "Representative Nancy Pelosi of California, who is in line to be elected
        # speaker on Thursday, said: ..." in a story of a Wednesday was dated the Thursday
        # before it)
        (
            "Ana Park, who is in line to be elected mayor on Thursday, said the levy must go.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        # (BASIL: "In her first legislative act as speaker, Ms. Pelosi plans on Thursday to
        # bring up two bills to reopen the government." was dated the Thursday before)
        (
            "In her first act as mayor, Ms. Park plans on Thursday to bring up two bills.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        # what ought to be done is ahead, what ought to have been behind (BASIL: "whether Mr.
        # Trump should cancel Monday's meeting in Helsinki" in a story of a Friday was dated
        # the Monday before it)
        (
            "Aldermen argued over whether the mayor should cancel Monday's hearing.",
            "2016-09-28",
            "Monday (3 October 2016)",
        ),
        (
            "Aldermen said the mayor should have cancelled the hearing on Monday.",
            "2016-09-28",
            "Monday (26 September 2016)",
        ),
        # and so is an occasion a quoted future verb follows (BASIL: "McCain tweeted that if
        # Trump ..., the talks in Helsinki on Monday “should not move forward.”" in a story of
        # a Friday was dated the Monday before it)
        (
            "Lee said that if no deal comes, the hearing on Monday “should not go ahead.”",
            "2016-09-28",
            "Monday (3 October 2016)",
        ),
        (
            "Lee said the hearing on Monday “went well.”",
            "2016-09-28",
            "Monday (26 September 2016)",
        ),
        # a plan told in the past tense is the nearer day, ahead or behind (BASIL: "the
        # legislative proposals she planned to bring up on Thursday" in a story of a Wednesday
        # was dated the Thursday before it)
        (
            "Ms. Park laid out the bills she planned to bring up on Thursday.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        (
            "The council had planned to vote on Tuesday but put the vote off.",
            "2016-09-28",
            "Tuesday (27 September 2016)",
        ),
        # and so what someone said would be (BASIL: "Trump's campaign said he would be
        # delivering a "major speech" in New Hampshire on Monday ..." in a story of a Sunday was
        # dated the Monday before it)
        (
            "Her office said she would be giving a speech at the port on Monday.",
            "2016-09-25",
            "Monday (26 September 2016)",
        ),
        (
            "Her office said she would vote on the levy on Tuesday.",
            "2016-09-28",
            "Tuesday (27 September 2016)",
        ),
        (
            "The mayor urged the council to move on the levy Monday.",
            "2016-09-28",
            "Monday (26 September 2016)",
        ),
        # not past a word that opens another clause, nor "will" far from the day
        (
            "She was expected to win the seat after voting ended on Tuesday.",
            "2016-09-28",
            "Tuesday (27 September 2016)",
        ),
        (
            "He admitted there is a chance that the party will lose its majority in the House "
            "in an interview Tuesday.",
            "2016-09-28",
            "Tuesday (27 September 2016)",
        ),
        # BASIL: "In an interview with Fox News, to be shown on Tuesday, Mr. Boehner delivered
        # ...", in a story of a Monday, was dated the Tuesday before
        (
            "In an interview with Harbour TV, to be shown on Thursday, she spoke.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        (
            "The mayor, in an interview with Harbour TV to air Thursday morning, said so.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        # BASIL: "a tax cut bill could be on the Senate floor as early as Thursday", in a
        # story of a Wednesday, was dated the Thursday before
        (
            "He said a bill could be on the floor as early as Thursday.",
            "2016-09-28",
            "Thursday (29 September 2016)",
        ),
        ("A vote may come as soon as Monday.", "2016-09-28", "Monday (3 October 2016)"),
        # BASIL: "Mr. Trump also said he expected to announce his choice of a running mate by
        # Friday", in a story of a Tuesday, was dated the Friday before
        (
            "He said he expected to name his choice by Friday.",
            "2016-09-28",
            "Friday (30 September 2016)",
        ),
        ("The vote was put off until Monday.", "2016-09-28", "Monday (3 October 2016)"),
        # a deadline that opens the sentence is the day by which what follows had happened
        # (BASIL: "By Saturday, the president clarified that he was not speaking about ...",
        # in a story of a Monday, was dated the Saturday after it), unless it is to come
        (
            "By Saturday, the mayor said she had not meant the levy.",
            "2016-09-28",
            "Saturday (24 September 2016)",
        ),
        ("By Friday, the council must decide.", "2016-09-28", "Friday (30 September 2016)"),
        ("By Friday, the council will decide.", "2016-09-28", "Friday (30 September 2016)"),
        ("By Friday, it'll be decided.", "2016-09-28", "Friday (30 September 2016)"),
        # what is set for a day (BASIL: "Meanwhile, a joint campaign rally with Clinton and
        # Obama set for Wednesday in Green Bay, Wis., has been postponed ..." in a story of a
        # Sunday was dated the Wednesday before)
        (
            "A joint rally set for Monday in Riverton has been postponed.",
            "2016-09-28",
            "Monday (3 October 2016)",
        ),
        # a span from the day (BASIL: "All together, 12 crude explosive devices have been
        # found since Monday, ..." was an event of the Monday)
        ("Twelve devices have been found since Monday.", "2016-09-28", None),
        # the verb left out after a dash (BASIL: "... newly empowered Democrats \u2014 poised to
        # assume control of the House on Thursday \u2014 who refuse ..." was dated the week before)
        (
            "The new members \u2014 poised to take their seats on Friday \u2014 refuse to budge.",
            "2016-09-28",
            "Friday (30 September 2016)",
        ),
        (
            "The levy was approved by the council on Monday.",
            "2016-09-28",
            "Monday (26 September 2016)",
        ),
        ("On Sunday, the party met; on Monday it voted.", "2016-09-28", None),  # two weekdays
        ("The Senate voted on Tuesday.", None, None),  # no publication date
        ("The Senate voted on Tuesday.", "September 2016", None),  # no day to count from
        # a publication date written out
        ("The Senate voted on Tuesday.", "28 September 2016", "Tuesday (27 September 2016)"),
        (
            "The Senate voted on Tuesday.",
            "Wed, 28 Sep 2016 10:00:00 +0000",
            "Tuesday (27 September 2016)",
        ),
        ("The Senate voted on Tuesday.", "Sept. 28, 2016", "Tuesday (27 September 2016)"),
        ("The Senate voted on Tuesday.", "31 February 2016", None),
        ("The Senate voted.", "2016-09-28", None),
        ("She told the Sunday Times the bill would pass.", "2016-09-28", None),
        ("The minister resigned yesterday.", "2016-09-28", "yesterday (27 September 2016)"),
        ("MPs will vote tomorrow.", "2016-09-30", "tomorrow (1 October 2016)"),
        ("Tomorrow's voters will judge.", "2016-09-28", None),  # "tomorrow's" is no day
        # an occasion of another day, named after the sentence's own day, is not its date
        # (BASIL: "... asked about the cover during an appearance in Iowa on Monday, where she
        # is campaigning ahead of Thursday's ... debate and Saturday's Ames Straw Poll.")
        ("He quit yesterday after Monday's vote.", "2016-09-28", "yesterday (27 September 2016)"),
        (
            "She spoke in Lakeport on Monday, ahead of Thursday's debate and Saturday's poll.",
            "2016-09-28",
            "Monday (26 September 2016)",
        ),
        ("Thursday's debate was lively.", "2016-09-28", "Thursday (22 September 2016)"),
        # named first, it may be the sentence's subject: two days named
        ("Tuesday's vote came a day after the panel met on Monday.", "2016-09-28", None),
        ("He quit on Tuesday and on Monday.", "2016-09-28", None),
        # the day of an occasion ahead is not the sentence's (BASIL: "The group sent a letter
        # to Rep. Ryan in advance of his appearance on the Catholic campus on Thursday morning
        # ..." was dated the Thursday before the story)
        ("The union wrote to Ms. Park in advance of her speech on Thursday.", "2016-09-28", None),
        ("The union met ahead of the vote next Tuesday.", "2016-09-28", None),
        (
            "The union met on Monday ahead of Friday's vote.",
            "2016-09-28",
            "Monday (26 September 2016)",
        ),
        # (HuffPost: "... told The Huffington Post that it was likely to happen tonight or
        # tomorrow" was dated the day after the story)
        ("An aide said the vote would come tonight or tomorrow.", "2016-09-28", None),
        ("The vote comes tonight.", "2016-09-28", None),
        # (BASIL: "If it happens tonight, any of the bills could come before the Senate for a
        # vote ... as soon as Friday")
        (
            "If it passes tonight, the bill could come to a vote as soon as Friday.",
            "2016-09-28",
            "Friday (30 September 2016)",
        ),
        # a quotation's weekday is counted from when its speaker spoke: not known
        ("Or you could back the bill on Tuesday.”", "2016-09-28", None),
        # a quotation that opens here and goes on past the sentence, in straight marks
        ('"He has been to Harbour Town on Monday.', "2016-09-28", None),
        (
            "“We will win on Tuesday,” he said on Friday.",
            "2016-09-30",
            "Friday (30 September 2016)",
        ),
    ],
)
def test_a_weekday_is_counted_from_the_day_of_publication(
    sentence: str, published: str | None, date: str | None
) -> None:
    assert reckon_weekday(sentence, published) == date


def test_a_weekday_past_the_story_is_the_next_day_where_another_source_is_of_that_day() -> None:
    """BASIL: stories updated after the day they are dated ("Vice President Mike Pence ...
    also checked in on Scalise and Griner on Thursday." in one dated the Wednesday of the
    shooting, beside two dated Thursday; "In a follow-up statement on Saturday, a BuzzFeed
    spokesman told The New York Times ..." in one dated Friday) dated their events six days
    back."""
    sentence = "The mayor was moved out of intensive care on Thursday."
    updated = Source(id="a", title="t", text=sentence, published="2016-09-28")
    later = Source(id="b", title="t", text="The port reopened.", published="2016-09-29")
    earlier = Source(id="c", title="t", text="The port shut.", published="2016-09-27")

    def dated(*sources: Source) -> list[str]:
        index = index_sources(sources)["a"]
        draft = EventDraft(quote=sentence, date="Thursday", description=sentence)
        extraction = ChunkExtraction(positions=[], risks=[], events=[draft])
        grounded = ground_chunk(index, chunk_source(updated, max_chars=5000)[0], extraction)
        return [event.date for event in grounded.events]

    assert dated(updated, later) == ["Thursday (29 September 2016)"]
    assert dated(updated) == ["Thursday (22 September 2016)"]
    # only from the run's first day: in a week of coverage a story of a later day may well
    # mean the weekday before
    assert dated(updated, later, earlier) == ["Thursday (22 September 2016)"]
    assert [i.next_day_reported for i in index_sources([updated, later, earlier]).values()] == [
        False,
        False,
        True,
    ]
    # "last Thursday" is the one before, whatever else was published
    assert (
        reckon_weekday("The port shut last Thursday.", "2016-09-28", next_day_reported=True)
        == "Thursday (22 September 2016)"
    )


STORY = (
    "---\ntitle: Veto overridden\npublished: 2016-09-29\n---\n\n"
    "Congress on Wednesday rejected the veto of the harbour bill.\n\n"
    "The House will take up the port levy on Friday.\n\n"
    "Lawmakers argued for hours.\n"
)


def test_the_timeline_dates_a_weekday_event_and_says_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "story.md"
    source.write_text(STORY, encoding="utf-8")
    events = [
        {"quote": "Congress on Wednesday rejected the veto", "date": "Wednesday",
         "description": "Congress rejected the veto."},
        {"quote": "The House will take up the port levy on Friday", "date": "Friday",
         "description": "The House takes up the levy."},
        {"quote": "Lawmakers argued for hours", "date": "today",
         "description": "Lawmakers argued."},
    ]  # fmt: skip
    facts = tmp_path / "facts.json"
    with FakeOpenAI() as fake:
        fake.enqueue(extraction(events=events))
        args = ["generate", str(source), "--base-url", fake.base_url, "--model", "m", "-q"]
        flags = ["--no-stance-check", "--no-bottom-line", "--json", str(facts)]
        assert main([*args, *flags]) == 0
    brief = capsys.readouterr().out
    assert "| Wednesday (28 September 2016) | Congress rejected the veto. |" in brief
    assert "| Friday (30 September 2016) | The House takes up the levy. |" in brief
    assert "counted from the day its source was published: the weekday" in brief
    sheet = fact_sheet(facts)
    page = render_review_page(FactSheet.model_validate(sheet))
    assert (
        "Wednesday (28 September 2016), counted from its source&#39;s publication date, "
        "2016-09-29" in page
    )
    assert [(e["date"], e["reckoned_from"]) for e in sheet["events"]] == [
        ("Wednesday (28 September 2016)", "2016-09-29"),
        ("Friday (30 September 2016)", "2016-09-29"),
    ]
    # The sentences the embedded model may cite as events include those naming a weekday,
    # when the source gives the day it was published.
    assert number_sentences(STORY, weekdays=True).dated == (1, 2)
    assert number_sentences(STORY).dated == ()
    # An event with no date to count is left out, with its reason.
    (rejected,) = [r for r in sheet["rejected"] if r["kind"] == "event"]
    assert rejected["reason"] == "the date is not a calendar date"


def test_with_sentence_numbers_a_weekday_sentence_may_be_an_event(tmp_path: Path) -> None:
    """The embedded model's schema lets events cite only dated sentences: with a publication
    date, those naming a weekday are dated, and the event takes its day from it."""
    source = tmp_path / "story.md"
    source.write_text(STORY, encoding="utf-8")

    def answer(request: dict[str, Any]) -> Reply:
        schema = request["response_format"]["json_schema"]["schema"]
        assert schema["$defs"]["CitedEventDraft"]["properties"]["sentence"]["enum"] == [1, 2]
        return Reply(content=cited(events=[{"sentence": 1}]))

    sheet = cited_sheet(tmp_path, source, answer)
    (event,) = sheet["events"]
    assert event["date"] == "Wednesday (28 September 2016)"
    assert event["evidence"][0]["quote"] == (
        "Congress on Wednesday rejected the veto of the harbour bill."
    )
    undated = tmp_path / "undated.md"
    undated.write_text(STORY.replace("published: 2016-09-29\n", ""), encoding="utf-8")

    def no_dates(request: dict[str, Any]) -> Reply:
        schema = request["response_format"]["json_schema"]["schema"]
        assert schema["properties"]["events"]["maxItems"] == 0
        return Reply(content=cited())

    assert cited_sheet(tmp_path, undated, no_dates)["events"] == []


@pytest.mark.parametrize(
    ("written", "sentence", "date"),
    [
        # The day of that month nearest the day of publication (15 February 2019).
        ("Jan. 25", "The shutdown ended on Jan. 25.", "Jan. 25 (25 January 2019)"),
        ("Dec. 22", "From Dec. 22 through Jan. 25, they fought.", "Dec. 22 (22 December 2018)"),
        ("Feb. 20", "The deadline is Feb. 20.", "Feb. 20 (20 February 2019)"),
        ("22nd December", "It began on 22nd December.", "22nd December (22 December 2018)"),
        # The next on or after it, where the date's own verb is in the future tense.
        ("Dec. 22", "The House will vote on Dec. 22.", "Dec. 22 (22 December 2019)"),
        # (a plan named is no plan to come: BASIL, "The House approved the Ryan budget plan on
        # March 29 by a vote of 228 to 191" in a story of August 2012 was dated 2013)
        (
            "Dec. 22",
            "The council passed the harbour plan on Dec. 22.",
            "Dec. 22 (22 December 2018)",
        ),
        (
            "Dec. 22",
            "Ms. Lund plans on Dec. 22 to bring up the bill.",
            "Dec. 22 (22 December 2019)",
        ),
        # A date with its year, a month alone, or a day that no year near it has: none.
        ("Jan. 25, 2019", "It ended on Jan. 25, 2019.", None),
        ("29 February", "It happened on 29 February.", None),
        # Another year than the story's, or months ahead with no future verb (BASIL: "On
        # July 22 that year, WikiLeaks released its first batch ..." was dated 22 July 2019
        # in a story of January 2019, "At the end of that week, on Oct. 7, ..." 7 October 2018)
        ("July 22", "On July 22 that year, the guild released its files.", None),
        ("Oct. 7", "At the end of that week, on Oct. 7, the guild released more.", None),
        ("July 22", "On July 22, the guild released its files.", None),
        ("July 22", "The guild will release its files on July 22.", "July 22 (22 July 2019)"),
        # The one year whose day is the weekday the sentence gives it (BASIL: "The process
        # began in earnest at 4:20 p.m. on Friday, Sept. 14, ..." in a story of May 2013 had
        # no year: Sept. 14 of 2013 was months ahead)
        ("Sept. 14", "It began on Friday, Sept. 14, at noon.", "Sept. 14 (14 September 2018)"),
        ("July 22", "On Monday, July 22, the guild released its files.", "July 22 (22 July 2019)"),
    ],
)
def test_a_day_and_month_take_their_year_from_the_day_of_publication(
    written: str, sentence: str, date: str | None
) -> None:
    assert reckon_year(written, sentence, "2019-02-15") == date
    assert reckon_year(written, sentence, None) is None


def test_the_timeline_orders_a_date_given_without_its_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "story.md"
    source.write_text(
        "---\ntitle: Shutdown\npublished: 2019-02-15\n---\n\n"
        "The shutdown began on Dec. 22 after talks failed.\n\n"
        "The council set the port levy in 2017.\n",
        encoding="utf-8",
    )
    events = [
        {"quote": "The shutdown began on Dec. 22", "date": "Dec. 22",
         "description": "The shutdown began."},
        {"quote": "The council set the port levy in 2017", "date": "2017",
         "description": "The levy was set."},
    ]  # fmt: skip
    with FakeOpenAI() as fake:
        fake.enqueue(extraction(events=events))
        args = ["generate", str(source), "--base-url", fake.base_url, "--model", "m", "-q"]
        assert main([*args, "--no-stance-check", "--no-bottom-line"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "| The " in line]
    # Before, "Dec. 22" had no year and sorted before 2017.
    assert rows == [
        "| 2017 | The levy was set. | [1] |",
        "| Dec. 22 (22 December 2018) | The shutdown began. | [2] |",
    ]


def _events_of(tmp_path: Path, published: str, body: str, sentences: list[int]) -> dict[str, Any]:
    """The fact sheet of a story published on ``published`` whose events the model cites by
    sentence number (``sentences``)."""
    source = tmp_path / "story.md"
    source.write_text(f"---\ntitle: Story\npublished: {published}\n---\n\n{body}", "utf-8")

    def answer(request: dict[str, Any]) -> Reply:
        return Reply(content=cited(events=[{"sentence": number} for number in sentences]))

    return cited_sheet(tmp_path, source, answer)


def test_a_year_a_span_runs_from_leaves_the_weekday_to_date_the_event(tmp_path: Path) -> None:
    """BASIL: "The Obama administration tried Saturday to ..., and that Congress has been
    briefed 13 times on the programs since 2009." was an event of 2009 in the timeline."""
    body = (
        "The ministry on Tuesday defended the levy, which ports have paid since 2009.\n\n"
        "Traders have paid the levy since 2011.\n"
    )
    sheet = _events_of(tmp_path, "2016-09-29", body, [1, 2])
    assert [event["date"] for event in sheet["events"]] == ["Tuesday (27 September 2016)"]
    (rejected,) = [r for r in sheet["rejected"] if r["kind"] == "event"]
    assert rejected["reason"] == "the date is not a calendar date"


def test_a_weekday_inside_a_quotation_opened_before_dates_no_event(tmp_path: Path) -> None:
    """BASIL: '"He's been to Pennsylvania. Tomorrow he is going to Detroit. It's now time to
    govern," ...' put "Tomorrow (11 December 2012)" in the timeline: the speaker's tomorrow."""
    body = (
        '"He has been to the port. Tomorrow he is going to the capital. It is time to '
        'govern," Ana Park said.\n\n'
        "The mayor is going to the capital tomorrow.\n"
    )
    sheet = _events_of(tmp_path, "2016-09-28", body, [2, 4])
    assert [event["date"] for event in sheet["events"]] == ["tomorrow (29 September 2016)"]


def test_a_year_alone_gives_way_to_the_weekday_the_sentence_names(tmp_path: Path) -> None:
    """BASIL: "The acrimony on display Thursday as the intelligence committee tried to resume
    its work on Russia's intervention in the 2016 presidential election laid bare ..." was an
    event of 2016 in a story of 2019."""
    body = (
        "The anger on display Monday as the panel resumed its work on the 2012 harbour "
        "election laid bare the divide.\n\n"
        "Harbour voters chose a new board in the 2012 harbour election.\n"
    )
    sheet = _events_of(tmp_path, "2016-09-28", body, [1, 2])
    assert sorted(event["date"] for event in sheet["events"]) == [
        "2012",
        "Monday (26 September 2016)",
    ]


def test_a_date_of_a_thing_acted_on_leaves_the_weekday_to_date_the_event(
    tmp_path: Path,
) -> None:
    """BASIL: "Another pivotal issue Wednesday dealt with an Aug. 16 cable." was an event of
    16 August, and "He cited a 1997 Mississippi case in which ..." one of 1997."""
    body = (
        "Another issue Wednesday dealt with an Aug. 16 memo.\n\n"
        "She cited a 1997 Ohio case in which a clerk ran for help.\n"
    )
    sheet = _events_of(tmp_path, "2012-10-11", body, [1, 2])
    assert [event["date"] for event in sheet["events"]] == ["Wednesday (10 October 2012)"]
    (rejected,) = [r for r in sheet["rejected"] if r["kind"] == "event"]
    assert rejected["reason"] == "the date is not a calendar date"
