"""Consolidation: one actor per real-world actor, each fact once with its support, and
conflicts between sources found precisely."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefing.cli import main
from briefing.consolidate import consolidate, find_conflicts, merge_same_stance
from briefing.grounding import GroundedChunk, GroundedEvent, GroundedPosition, GroundedRisk
from briefing.models import (
    Actor,
    ActorKind,
    Conflict,
    ConflictSide,
    Evidence,
    FactSheet,
    Position,
    Source,
    Stance,
)
from briefing.render import render_brief
from tests.conftest import extraction, fact_sheet, minimal_run, position
from tests.fakeserver import FakeOpenAI

TEXT = "x" * 20000  # room for every test's fresh spans (``ev``)
_spans = itertools.count(0, 20)


def ev(start: int | None = None, source: str = "s1", length: int = 10) -> Evidence:
    """Evidence on a dummy text; a fresh, non-overlapping span unless ``start`` is given."""
    start = next(_spans) if start is None else start
    return Evidence(
        source_id=source,
        start=start,
        end=start + length,
        quote=TEXT[start : start + length],
        match="exact",
        score=1.0,
    )


def actors_of(
    *names: tuple[str, ActorKind | None], texts: tuple[str, ...] = ()
) -> list[tuple[str, list[str]]]:
    """The actors consolidation makes of these names (from sources of ``texts``), as (name,
    aliases)."""
    chunk = GroundedChunk(
        positions=[GroundedPosition(n, k, "opposes", "No.", ev()) for n, k in names if k],
        risks=[
            GroundedRisk(n, "other", f"Risk {i}.", ev()) for i, (n, k) in enumerate(names) if not k
        ],
    )
    actors, *_ = consolidate([chunk], texts)
    return [(actor.name, actor.aliases) for actor in actors]


# --------------------------------------------------------------------------- actors


def test_names_acronyms_and_surnames_merge_into_one_actor() -> None:
    chunks = [
        GroundedChunk(
            positions=[
                GroundedPosition("Human Rights Watch", "organisation", "opposes", "No.", ev(0)),
                GroundedPosition("Nick Ashton-Hart", "person", "opposes", "No.", ev(20)),
            ]
        ),
        GroundedChunk(
            positions=[
                GroundedPosition("HRW", "organisation", "opposes", "No again.", ev(40, "s2")),
                GroundedPosition("Ashton-Hart", "person", "opposes", "No.", ev(20)),
                GroundedPosition(
                    "the Human Rights Watch", "organisation", "concerned", "Hm.", ev(60)
                ),
            ],
            risks=[GroundedRisk("HRW", "privacy", "Data could leak.", ev(80))],
        ),
    ]
    actors, positions, risks, _ = consolidate(chunks)
    assert sorted(a.name for a in actors) == ["Human Rights Watch", "Nick Ashton-Hart"]
    hrw = next(a for a in actors if a.name == "Human Rights Watch")
    assert hrw.aliases == ["HRW", "the Human Rights Watch"]
    hrw_positions = [p for p in positions if p.actor_id == hrw.id]
    assert sorted(p.stance for p in hrw_positions) == ["concerned", "opposes"]
    opposes = next(p for p in hrw_positions if p.stance == "opposes")
    assert [(e.source_id, e.start) for e in opposes.evidence] == [("s1", 0), ("s2", 40)]
    assert opposes.support == 2
    nick = next(p for p in positions if p.actor_id != hrw.id)
    assert len(nick.evidence) == 1  # the same span found twice (chunk overlap) counts once
    assert nick.support == 1
    assert risks[0].raised_by == [hrw.id]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (  # titles dropped, surname and full name, whatever kind the model gave
            [
                ("Minister Jonas Berg", "person"),
                ("Berg", "person"),
                ("Jonas Berg", "government"),
                ("Mr. Berg", None),
            ],
            [("Minister Jonas Berg", ["Berg", "Jonas Berg", "Mr. Berg"])],
        ),
        (  # a country, its government in three forms; the capital and the people stay apart
            [
                ("Russia", "government"),
                ("the Russian government", "government"),
                ("Russia's government", None),
                ("government of the Russian Federation", "government"),
                ("Moscow", "government"),
                ("Russians", "group"),
            ],
            [
                (
                    "government of the Russian Federation",
                    ["Russia", "Russia's government", "the Russian government"],
                ),
                ("Moscow", []),
                ("Russians", []),
            ],
        ),
        (
            [
                ("U.S. government", "government"),
                ("US", "government"),
                ("American government", None),
                ("United States", "government"),
            ],
            [("U.S. government", ["American government", "US", "United States"])],
        ),
        (  # case, "the", dotted acronyms
            [
                ("U.N.", "organisation"),
                ("United Nations", "organisation"),
                ("UN", "organisation"),
                ("the united nations", None),
            ],
            [("United Nations", ["U.N.", "UN", "the united nations"])],
        ),
        (
            [("Committee to Protect Journalists", "organisation"), ("CPJ", None)],
            [("Committee to Protect Journalists", ["CPJ"])],
        ),
        (  # an acronym that leaves out the country opening the name
            [
                ("United States Fish and Wildlife Service", "government"),
                ("FWS", "organisation"),
                ("U.S. Environmental Protection Agency", "government"),
                ("EPA", None),
                ("Harbour Fish and Wildlife Service", "organisation"),
            ],
            [
                ("United States Fish and Wildlife Service", ["FWS"]),
                ("U.S. Environmental Protection Agency", ["EPA"]),
                ("Harbour Fish and Wildlife Service", []),
            ],
        ),
        (  # a body's name less the country that opens it
            [
                ("United States Supreme Court", "government"),
                ("Supreme Court", "government"),
                ("Norland Supreme Court", "government"),
                ("Court", None),
            ],
            [
                ("United States Supreme Court", ["Supreme Court"]),
                ("Norland Supreme Court", []),
                ("Court", []),
            ],
        ),
        (  # a surname fits one person only
            [("Hillary Clinton", "person"), ("Clinton", "person"), ("Mrs. Clinton", "person")],
            [("Hillary Clinton", ["Clinton", "Mrs. Clinton"])],
        ),
        (  # a body and the people who speak for it
            [
                ("Tea Party groups", "group"),
                ("tea party organizers", "person"),
                ("Tea Party", "organisation"),
                ("St. Louis Tea Party", "organisation"),
            ],
            [
                ("Tea Party", ["Tea Party groups", "tea party organizers"]),
                ("St. Louis Tea Party", []),
            ],
        ),
        (
            [("White House officials", "government"), ("White House", "government")],
            [("White House", ["White House officials"])],
        ),
        (  # BASIL: "the rifle association", as one outlet calls the National Rifle Association
            [("National Rifle Association", "organisation"), ("rifle association", "organisation")],
            [("National Rifle Association", ["rifle association"])],
        ),
        (  # fitting two bodies, it names neither
            [
                ("Harbour Pilots Association", "organisation"),
                ("Port Pilots Association", "organisation"),
                ("pilots association", "organisation"),
            ],
            [
                ("Harbour Pilots Association", []),
                ("Port Pilots Association", []),
                ("pilots association", []),
            ],
        ),
        (  # nor does a word for people: "officials" may be anyone's
            [("Port Authority officials", "group"), ("officials", "group")],
            [("Port Authority officials", []), ("officials", [])],
        ),
        (  # BASIL: "His wife, Sandra, had agreed to plead guilty" stood beside "Sandra Jackson"
            [("Carol Ilves", "person"), ("Jonas Ilves", "person"), ("Carol", "person")],
            [("Carol Ilves", ["Carol"]), ("Jonas Ilves", [])],
        ),
        (  # a given name of no kind (a risk's raiser) too
            [("Carol Ilves", "person"), ("Carol", None)],
            [("Carol Ilves", ["Carol"])],
        ),
        (  # BASIL: "Vicente Fox" in two outlets, "Vincente Fox" in the third, and "Fox"
            [
                ("Vicente Fox", "person"),
                ("Vincente Fox", "person"),
                ("Fox", "person"),
                ("Danielle Lund", "person"),
                ("Daniel Lund", "person"),
            ],
            [
                ("Vicente Fox", ["Fox", "Vincente Fox"]),
                ("Danielle Lund", []),
                ("Daniel Lund", []),
            ],
        ),
        (  # BASIL: a cabinet post by its formal name ("Secretary of the Interior Ryan Zinke")
            [
                ("Interior Secretary Tom Vale", "person"),
                ("Secretary of the Interior Tom Vale", "person"),
                ("Secretary of the Interior", "government"),
            ],
            [
                ("Secretary of the Interior Tom Vale", ["Interior Secretary Tom Vale"]),
                ("Secretary of the Interior", []),
            ],
        ),
        (  # BASIL: "Special Agent Strzok" stood beside "Peter Strzok" ("Agent Peter Strzok")
            [
                ("Peter Vale", "person"),
                ("Special Agent Vale", "person"),
                ("Agent Peter Vale", "person"),
            ],
            [("Agent Peter Vale", ["Peter Vale", "Special Agent Vale"])],
        ),
        (  # a given name and its short form
            [("William Kristol", "person"), ("Bill Kristol", "person"), ("Kristol", None)],
            [("William Kristol", ["Bill Kristol", "Kristol"])],
        ),
        (
            [("Sen. Chuck Schumer", "person"), ("Charles E. Schumer", "person")],
            [("Charles E. Schumer", ["Sen. Chuck Schumer"])],
        ),
        (  # BASIL: a lieutenant governor and a prime minister, each named two ways
            [
                ("Tim Murray", "person"),
                ("Lt. Gov. Timothy Murray", "person"),
                ("Bibi Netanyahu", "person"),
                ("Prime Minister Benjamin Netanyahu", "person"),
            ],
            [
                ("Lt. Gov. Timothy Murray", ["Tim Murray"]),
                ("Prime Minister Benjamin Netanyahu", ["Bibi Netanyahu"]),
            ],
        ),
        (  # a legislator with the state news writing puts after the name; a bank keeps it
            [
                ("House Speaker John Boehner", "person"),
                ("Speaker John A. Boehner of Ohio", "person"),
                ("Bank of England", "organisation"),
                ("England", "government"),
            ],
            [
                ("Speaker John A. Boehner of Ohio", ["House Speaker John Boehner"]),
                ("Bank of England", []),
                ("England", []),
            ],
        ),
        (  # a campaign's words before a name, as a title
            [
                ("Hillary Rodham Clinton", "person"),
                ("Democratic presidential hopeful Hillary Clinton", "person"),
                ("Mrs. Clinton", "person"),
            ],
            [
                (
                    "Hillary Rodham Clinton",
                    ["Democratic presidential hopeful Hillary Clinton", "Mrs. Clinton"],
                )
            ],
        ),
        (  # one office, with and without the suffix; a father and son by other titles
            [
                ("Attorney General Eric Holder", "person"),
                ("Attorney General Eric H. Holder Jr.", "person"),
                ("Rev. Jesse Jackson", "person"),
                ("Rep. Jesse L. Jackson Jr.", "person"),
            ],
            [
                ("Attorney General Eric H. Holder Jr.", ["Attorney General Eric Holder"]),
                ("Rev. Jesse Jackson", []),
                ("Rep. Jesse L. Jackson Jr.", []),
            ],
        ),
        (  # one name spelt with and without a hyphen, as two outlets write it
            [("Wal-Mart", "company"), ("Walmart", "company"), ("Nick Ashton-Hart", "person")],
            [("Wal-Mart", ["Walmart"]), ("Nick Ashton-Hart", [])],
        ),
        (  # a curly and a straight apostrophe, as two outlets type it
            [("Terry O\u2019Neill", "person"), ("Terry O'Neill", "person")],
            [("Terry O\u2019Neill", ["Terry O'Neill"])],
        ),
        (  # a name with and without its accents, as two outlets type it
            [("Felipe Calder\u00f3n", "person"), ("Felipe Calderon", "person")],
            [("Felipe Calder\u00f3n", ["Felipe Calderon"])],
        ),
        (  # a justice by title and without; the department keeps its word
            [
                ("Justice Elena Kagan", "person"),
                ("Elena Kagan", "person"),
                ("Justice Department", "government"),
                ("Department", "government"),
            ],
            [
                ("Justice Elena Kagan", ["Elena Kagan"]),
                ("Justice Department", []),
                ("Department", []),
            ],
        ),
        (  # a role's words before a full name; the speaker of a house
            [
                ("Obama campaign deputy press secretary Ben Labolt", "person"),
                ("Ben Labolt", "person"),
                ("Obama campaign aide Robert Gibbs", "person"),
                ("Robert Gibbs", "person"),
                ("Speaker John A. Boehner", "person"),
                ("John A. Boehner", "person"),
                ("John Boehner", "person"),
            ],
            [
                ("Obama campaign deputy press secretary Ben Labolt", ["Ben Labolt"]),
                ("Obama campaign aide Robert Gibbs", ["Robert Gibbs"]),
                ("Speaker John A. Boehner", ["John A. Boehner", "John Boehner"]),
            ],
        ),
        (  # one who speaks for a campaign, unnamed
            [("Romney campaign aide", "person"), ("Romney campaign", "organisation")],
            [("Romney campaign", ["Romney campaign aide"])],
        ),
        (  # a person's lawyer, unnamed (BASIL: "Michael Flynn's lawyer" stood beside Flynn)
            [("Tom Vale", "person"), ("Tom Vale's lawyer", "person"), ("U.S. Attorney", None)],
            [("Tom Vale", ["Tom Vale's lawyer"]), ("U.S. Attorney", [])],
        ),
        (  # a suffix kept, a middle initial dropped
            [
                ("Theodore J. Boutrous Jr.", "person"),
                ("Theodore Boutrous Jr.", "person"),
                ("Boutrous", "person"),
            ],
            [("Theodore J. Boutrous Jr.", ["Boutrous", "Theodore Boutrous Jr."])],
        ),
        (  # a company's legal form
            [
                ("Walmart Stores Inc.", "company"),
                ("Wal-Mart", "company"),
                ("Walmart Stores", "company"),
                ("Ford Motor Co.", "company"),
                ("Ford", None),
            ],
            [
                ("Walmart Stores Inc.", ["Wal-Mart", "Walmart Stores"]),
                ("Ford Motor Co.", ["Ford"]),
            ],
        ),
        (  # a centre or coalition named without that word, after a name of two words or
            # more (BASIL: "MedStar Washington Hospital" beside "MedStar Washington Hospital
            # Center"); not a surname alone
            [
                ("Lakeside General Hospital Center", "organisation"),
                ("Lakeside General Hospital", "organisation"),
                ("Vale Center", "organisation"),
                ("Vale", None),
            ],
            [
                ("Lakeside General Hospital Center", ["Lakeside General Hospital"]),
                ("Vale Center", []),
                ("Vale", []),
            ],
        ),
        (  # a department named either way round, and by what it is of (BASIL: "U.S.
            # Department of the Treasury", "Treasury Department" and "Treasury" were three)
            [
                ("U.S. Department of the Treasury", "government"),
                ("Treasury Department", "government"),
                ("Treasury", "government"),
                ("Department of Harbour Affairs", "government"),
                ("Harbour Affairs Ministry", "government"),
                ("Ministry of Harbour Affairs of Norland", "government"),
                # a joint name's first body is not its short form
                ("Port Authority and Customs Department", "government"),
                ("Port Authority", "government"),
            ],
            [
                ("U.S. Department of the Treasury", ["Treasury", "Treasury Department"]),
                ("Department of Harbour Affairs", []),
                ("Harbour Affairs Ministry", []),
                ("Ministry of Harbour Affairs of Norland", []),
                ("Port Authority and Customs Department", []),
                ("Port Authority", []),
            ],
        ),
        (  # a title of more words, its place in lower case before it (BASIL: "state Senate
            # President Pro Tem David Long" beside "David Long")
            [("state Senate President Pro Tem Ada Lund", "person"), ("Ada Lund", "person")],
            [("state Senate President Pro Tem Ada Lund", ["Ada Lund"])],
        ),
        (  # a general's title in full (BASIL: "General Flynn" stood beside "Michael T.
            # Flynn"); "Attorney General" is still one title
            [
                ("Ada T. Lund", "person"),
                ("General Lund", "person"),
                ("Attorney General Tom Vale", "person"),
                ("Tom Vale", "person"),
            ],
            [("Ada T. Lund", ["General Lund"]), ("Attorney General Tom Vale", ["Tom Vale"])],
        ),
        (  # a prosecutor's or a lawyer's title, with its place
            [
                ("Tom R. Lee", "person"),
                ("U. S. Attorney Tom Lee", "person"),
                ("Harbour Board Counsel Ada Park", "person"),
                ("Ada Park", "person"),
                ("Lee lawyer Robin Ortiz", "person"),
                ("Robin Ortiz", "person"),
            ],
            [
                ("Tom R. Lee", ["U. S. Attorney Tom Lee"]),
                ("Harbour Board Counsel Ada Park", ["Ada Park"]),
                ("Lee lawyer Robin Ortiz", ["Robin Ortiz"]),
            ],
        ),
        (  # a numeral after a name goes; "Jr." stays (a son is someone else)
            [
                ("Robin S. Ortiz III", "person"),
                ("Robin Ortiz", "person"),
                ("Dana Vale", "person"),
                ("Dana Vale Jr.", "person"),
            ],
            [
                ("Robin S. Ortiz III", ["Robin Ortiz"]),
                ("Dana Vale", []),
                ("Dana Vale Jr.", []),
            ],
        ),
        (  # "Former" before a title that has its own qualifier
            [
                ("Ada R. Park", "person"),
                ("Former Harbour Board Chair Ada Park", "person"),
            ],
            [("Ada R. Park", ["Former Harbour Board Chair Ada Park"])],
        ),
        (  # "International" at the end of a body's name; a foundation is another body
            [
                ("Harbour Anglers International", "organisation"),
                ("The Harbour Anglers", "organisation"),
                ("Harbour Anglers International Foundation", "organisation"),
            ],
            [
                ("Harbour Anglers International", ["The Harbour Anglers"]),
                ("Harbour Anglers International Foundation", []),
            ],
        ),
        (  # a title with the place or body it is of
            [
                ("Texas Governor Rick Perry", "person"),
                ("Gov. Rick Perry", "person"),
                ("Perry", "person"),
                ("Arizona State Sen. Russell Pearce", "person"),
                ("Russell Pearce", "person"),
                ("Russian Foreign Minister Sergei Lavrov", "government"),
                ("Sergei Lavrov", "person"),
            ],
            [
                ("Texas Governor Rick Perry", ["Gov. Rick Perry", "Perry"]),
                ("Arizona State Sen. Russell Pearce", ["Russell Pearce"]),
                ("Russian Foreign Minister Sergei Lavrov", ["Sergei Lavrov"]),
            ],
        ),
        (  # first and last name without the middle ones
            [("George W. Bush", "person"), ("George Bush", "person"), ("Bush", "person")],
            [("George W. Bush", ["Bush", "George Bush"])],
        ),
        (  # one known by a middle name, after an initial
            [("A. Barry Rand", "person"), ("Barry Rand", "person")],
            [("A. Barry Rand", ["Barry Rand"])],
        ),
        (  # a suffix or an honorific makes a person, whatever kind the model said
            [
                ("Theodore J. Boutrous Jr.", "person"),
                ("Theodore Boutrous Jr.", "company"),
                ("Max Richtman", None),
                ("Mr. Richtman", "organisation"),
            ],
            [
                ("Theodore J. Boutrous Jr.", ["Theodore Boutrous Jr."]),
                ("Max Richtman", ["Mr. Richtman"]),
            ],
        ),
        (  # a party by its name, its members, its nickname and its lawmakers or leaders
            [
                ("Republican Party", "organisation"),
                ("Republicans", "group"),
                ("GOP", "organisation"),
                ("Republican lawmakers", "group"),
                ("Democratic officials", "group"),
                ("Democrats", "group"),
                ("Democratic Party", "organisation"),
            ],
            [
                ("Republican Party", ["GOP", "Republican lawmakers", "Republicans"]),
                ("Democratic Party", ["Democratic officials", "Democrats"]),
            ],
        ),
        (  # a chamber's party, whichever way it is written
            [
                ("House Republicans", "group"),
                ("House GOP", "group"),
                ("House Republican leadership", "group"),
            ],
            [("House Republicans", ["House GOP", "House Republican leadership"])],
        ),
        (  # a surname of two words after a title, a surname with its suffix, and the titles
            # of a sheriff and a party's leader or whip
            [
                ("President Enrique Peña Nieto", "person"),
                ("Mr. Peña Nieto", "person"),
                # and the first of the two (BASIL: "President Peña" was also named beside him)
                ("President Peña", "person"),
                ("Donald Trump Jr.", "person"),
                ("Trump Jr.", "person"),
                ("Sheriff Arpaio", "person"),
                ("Joe Arpaio", "person"),
                ("House Republican Leader Kevin McCarthy", "person"),
                ("Kevin McCarthy", "person"),
                ("Majority Whip Steve Scalise", "person"),
                ("Scalise", "person"),
            ],
            [
                ("President Enrique Peña Nieto", ["Mr. Peña Nieto", "President Peña"]),
                ("Donald Trump Jr.", ["Trump Jr."]),
                ("Joe Arpaio", ["Sheriff Arpaio"]),
                ("House Republican Leader Kevin McCarthy", ["Kevin McCarthy"]),
                ("Majority Whip Steve Scalise", ["Scalise"]),
            ],
        ),
        (  # a title about to be held is the title (BASIL: "House Speaker-to-be Nancy Pelosi")
            [
                ("House Speaker Nancy Pelosi", "person"),
                ("House Speaker-to-be Nancy Pelosi", "person"),
                ("Representative-elect Mikie Sherrill", "person"),
                ("Mikie Sherrill", "person"),
            ],
            [
                ("House Speaker Nancy Pelosi", ["House Speaker-to-be Nancy Pelosi"]),
                ("Representative-elect Mikie Sherrill", ["Mikie Sherrill"]),
            ],
        ),
        (  # an office the son does not hold is his father's (BASIL: "President Trump" and
            # "Mr. Trump" had joined "Donald Trump Jr."); a plain title joins the son
            [
                ("Donald Trump Jr.", "person"),
                ("President Trump", "person"),
                ("Mr. Trump", "person"),
                ("Theodore J. Boutrous Jr.", "person"),
                ("Mr. Boutrous", "person"),
            ],
            [
                ("Donald Trump Jr.", []),
                ("President Trump", ["Mr. Trump"]),
                ("Theodore J. Boutrous Jr.", ["Mr. Boutrous"]),
            ],
        ),
        (  # a campaign's manager, named
            [("Obama campaign manager Jim Messina", "person"), ("Jim Messina", "person")],
            [("Obama campaign manager Jim Messina", ["Jim Messina"])],
        ),
        (  # a country's initials at the start of a body's name
            [
                ("U. S. Conference of Catholic Bishops", "organisation"),
                ("United States Conference of Catholic Bishops", "organisation"),
                ("U.K. Independence Party", "organisation"),
                ("United Kingdom Independence Party", None),
            ],
            [
                (
                    "United States Conference of Catholic Bishops",
                    ["U. S. Conference of Catholic Bishops"],
                ),
                ("United Kingdom Independence Party", ["U.K. Independence Party"]),
            ],
        ),
    ],
)
def test_aliases_merge(
    names: list[tuple[str, ActorKind | None]], expected: list[tuple[str, list[str]]]
) -> None:
    assert actors_of(*names) == expected


@pytest.mark.parametrize(
    "names",
    [
        # two people sharing a surname, and the surname that could be either
        [("Hillary Clinton", "person"), ("Bill Clinton", "person"), ("Clinton", "person")],
        # a short given name is read only before a surname, and never for an organisation
        [("Bill Clinton", "person"), ("Bill", "person")],
        # a given name alone fits two people, or has a title, or the one it fits is no person
        [("Carol Ilves", "person"), ("Carol Berg", "person"), ("Carol", "person")],
        [("Carol Ilves", "person"), ("Dr. Carol", "person")],
        [("Carol Ilves", "organisation"), ("Carol", "person")],
        [("Ted Cruz", "person"), ("Ted Kennedy", "person")],
        [("Bob Evans Farms", "company"), ("Robert Evans Farms", "company")],
        [("Donald Trump", "person"), ("Donald Trump Jr.", "person"), ("Trump", "person")],
        [("Donald Trump", "person"), ("Trump Jr.", "person")],
        # two surnames need a title to be read as one: "Peña Nieto" may be first and last
        [("Enrique Peña Nieto", "person"), ("Peña Nieto", "person")],
        [("Enrique Peña Nieto", "person"), ("Peña", "person")],  # and the first, a title
        [("Enrique Peña Nieto", "person"), ("Tom Peña", "person"), ("Mr. Peña", "person")],
        [("Donald Trump", "person"), ("Donald J. Trump Jr.", "person")],
        [("Donald Trump Sr.", "person"), ("Donald J. Trump Jr.", "person")],
        # a company's first word that is a connector or too short to be its name
        [("Bank of America Corp.", "company"), ("Bank of", "company")],
        [("George W. Bush", "person"), ("George H. W. Bush", "person"), ("George Bush", "person")],
        # a group and the wider group, an office and its head, a ministry and its minister
        [("House Democrats", "group"), ("Democrats", "group")],
        [("Democratic governors", "group"), ("Democrats", "group")],
        # one member of a party may be anyone: only its members in the plural are the party
        [("Republican", "person"), ("Republicans", "group")],
        [("Senate Republicans", "group"), ("House Republican leaders", "group")],
        [("Eurasia Group", "company"), ("Eurasia", "government")],
        # institutions a model called people: no surname there
        [("White House", "person"), ("House", "person")],
        [("Senate Democrats", "person"), ("Democrats", "person")],
        [("University of Denver", "person"), ("Denver", "person")],
        [("Trump administration", "government"), ("Donald Trump", "person")],
        [("Ministry of Digital Affairs", "government"), ("Minister of Digital Affairs", "person")],
        [("Prime Minister's Office", "government"), ("Office", "organisation")],
        # a title's qualifiers go only before a name: "Texas Governor's Mansion" is a house
        [("Texas Governor's Mansion", "government"), ("Mansion", "person")],
        # a role's words go only before a full name: "House Speaker" alone is no one's name
        [("House Speaker", "person"), ("Speaker", "person")],
        [("campaign aide Smith", "person"), ("Smith", "person")],
        [("Bank of England Governor Andrew Bailey", "person"), ("England", "person")],
        # an initial first is passed over only before a middle name, which alone is no one
        [("A. Barry Rand", "person"), ("Barry", "person")],
        # a surname joins a name of no kind only as a person's; "us" is a word, not initials
        [("Richtman", "organisation"), ("Max Richtman", None)],
        # a title some companies bear in their name is no sign of a person
        [("Dr Pepper", "company"), ("Pepper", "person")],
        [("us conference", "organisation"), ("United States conference", "organisation")],
        # a person named like a country; a company whose name starts like a title
        [("India", "person"), ("Indian government", "government")],
        [("General Motors", "company"), ("Motors", "company")],
    ],
)
def test_different_actors_stay_apart(names: list[tuple[str, ActorKind | None]]) -> None:
    assert [name for name, _ in actors_of(*names)] == [name for name, _ in names]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (  # "Mrs." and "Mr." tell which Clinton, and a bare "Clinton" goes with its cluster
            ["Hillary Clinton", "Bill Clinton", "Mrs. Clinton", "Clinton"],
            [("Hillary Clinton", ["Clinton", "Mrs. Clinton"]), ("Bill Clinton", [])],
        ),
        (
            ["Hillary Clinton", "Bill Clinton", "Mr. Clinton"],
            [("Hillary Clinton", []), ("Bill Clinton", ["Mr. Clinton"])],
        ),
        (  # a short given name tells it as its full form does; a title tells it too
            ["Liz Berg", "Sen. Peter Berg", "Ms. Berg"],
            [("Liz Berg", ["Ms. Berg"]), ("Sen. Peter Berg", [])],
        ),
        (  # a woman's title never joins the one man of that surname: his wife, perhaps
            ["Peter Berg", "Mrs. Berg"],
            [("Peter Berg", []), ("Mrs. Berg", [])],
        ),
        (  # a given name borne by men and women alike tells nothing, nor a short form both
            # share ("Pat" for Patrick or Patricia)
            ["Kelly Berg", "Mrs. Berg"],
            [("Kelly Berg", ["Mrs. Berg"])],
        ),
        (["Pat Berg", "Ms. Berg"], [("Pat Berg", ["Ms. Berg"])]),
        (["Terry Berg", "Ms. Berg"], [("Terry Berg", ["Ms. Berg"])]),
        (  # a surname alone is one person per sex its title tells (BASIL: "Mrs. Trump" was
            # taken for "Mr. Trump"); a bare one joins the one there is, or stays apart
            ["Mr. Berg", "Mrs. Berg"],
            [("Mr. Berg", []), ("Mrs. Berg", [])],
        ),
        (["Mr. Berg", "Mrs. Berg", "Berg"], [("Mr. Berg", []), ("Mrs. Berg", []), ("Berg", [])]),
        (["Mr. Berg", "Berg"], [("Mr. Berg", ["Berg"])]),
    ],
)
def test_a_title_or_given_name_tells_a_man_from_a_woman(
    names: list[str], expected: list[tuple[str, list[str]]]
) -> None:
    assert actors_of(*((name, "person") for name in names)) == expected


def test_a_middle_name_written_out_is_its_initial() -> None:
    # BASIL: "Donald John Trump was inaugurated ...", "Donald J. Trump took the oath ..." and
    # "Donald Trump assumed the nation's highest office ..." were three actors, and "Mr.
    # Trump" a fourth
    names = ["Daniel Jan Vale", "Daniel J. Vale", "Daniel Vale", "Mr. Vale"]
    assert actors_of(*((name, "person") for name in names)) == [
        ("Daniel Jan Vale", ["Daniel J. Vale", "Daniel Vale", "Mr. Vale"])
    ]
    # Not another middle name, nor a body.
    assert len(actors_of(("Daniel Jan Vale", "person"), ("Daniel K. Vale", "person"))) == 2


def test_a_clerical_title_is_a_title() -> None:
    # BASIL: "Father Reese" beside "Jesuit Father Thomas J. Reese", two actors in one brief
    names = ["Jesuit Father Tomas J. Vale", "Father Vale", "Bishop Ana Lund", "Lund"]
    assert actors_of(*((name, "person") for name in names)) == [
        ("Jesuit Father Tomas J. Vale", ["Father Vale"]),
        ("Bishop Ana Lund", ["Lund"]),
    ]
    # A surname that is a title word stays a name ("Rep. Rob Bishop").
    assert actors_of(("Rep. Tom Bishop", "person"), ("Bishop", "person")) == [
        ("Rep. Tom Bishop", ["Bishop"])
    ]


STONE = ("Roger J. Stone Jr.", "Roger Stone Jr.", "Roger Stone", "Mr. Stone")


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (  # one outlet writes the formal name, another the plain one: one man
            ("Roger J. Stone Jr. was charged. Mr. Stone said no.", "Roger Stone said no."),
            [("Roger J. Stone Jr.", ["Mr. Stone", "Roger Stone", "Roger Stone Jr."])],
        ),
        (  # a source that names both forms tells father from son
            ("Roger J. Stone Jr. and his father, Roger Stone, spoke.", "Mr. Stone said no."),
            [("Roger J. Stone Jr.", ["Roger Stone Jr."]), ("Roger Stone", []), ("Mr. Stone", [])],
        ),
        (  # no sources read: nothing tells them apart or together
            (),
            [("Roger J. Stone Jr.", ["Roger Stone Jr."]), ("Roger Stone", []), ("Mr. Stone", [])],
        ),
    ],
)
def test_a_junior_with_a_middle_initial_is_the_plain_name_when_no_source_names_both(
    texts: tuple[str, ...], expected: list[tuple[str, list[str]]]
) -> None:
    assert actors_of(*((name, "person") for name in STONE), texts=texts) == expected


def test_a_father_named_by_a_short_given_name_is_still_his_sons_father() -> None:
    names = [("William J. Berg Jr.", "person"), ("William Berg", "person")]
    texts = ("William J. Berg Jr. and his father, Bill Berg, spoke.", "William Berg spoke.")
    assert [name for name, _ in actors_of(*names, texts=texts)] == [
        "William J. Berg Jr.",
        "William Berg",
    ]


def test_a_junior_without_a_middle_initial_stays_apart_from_the_plain_name() -> None:
    """ "Donald Trump Jr." is how everyone writes the son, so one outlet naming him and another
    the father ("Donald Trump") are two men, even when no source names both."""
    names = [("Donald Trump Jr.", "person"), ("Donald Trump", "person")]
    texts = ("Donald Trump Jr. wrote to WikiLeaks.", "Donald Trump said so.")
    assert [name for name, _ in actors_of(*names, texts=texts)] == [
        "Donald Trump Jr.",
        "Donald Trump",
    ]


SAYOC = (("Cesar Vale Jr.", "person"), ("Cesar Vale", "person"), ("Vale", "person"))


@pytest.mark.parametrize(
    ("texts", "one"),
    [
        # BASIL: "Cesar Sayoc Jr." (The New York Times, "Mr. Sayoc" after), "Cesar Sayoc" (two
        # other outlets) and "Sayoc" were three actors in one brief
        (
            (
                "The suspect was identified as Cesar Vale Jr. Mr. Vale has a long record.",
                "Police arrested Cesar Vale on Friday. Asked why Vale did it, they said no.",
            ),
            True,
        ),
        # or by the bare surname, and the formal name with a middle initial (BASIL: "Theodore
        # J. Boutrous Jr.", "Theodore Boutrous Jr.", "Wal-Mart lawyer Theodore Boutrous" and
        # "Boutrous" were three actors)
        (("Cesar Vale Jr. argued. Vale said no.", "Cesar Vale spoke."), True),
        (("Cesar J. Vale Jr. argued. Mr. Vale said no.", "Cesar Vale spoke."), True),
        # the son beside his father is "Mr. Vale Jr.", or the father is named
        (("Cesar Vale Jr. spoke. Mr. Vale Jr. wrote.", "Cesar Vale said no."), False),
        (("Cesar Vale Jr. spoke. Mr. Vale, his father, wrote.", "Cesar Vale said no."), False),
        (("Cesar Vale Jr. spoke.", "Cesar Vale said no."), False),
        (("Cesar Vale Jr. spoke. Mr. Vale wrote.", "Mayor Vale and Cesar Vale spoke."), False),
        (("Cesar Vale Jr. spoke. Mr. Vale and Ana Vale wrote.", "Cesar Vale said no."), False),
        (("Cesar Vale Jr. and Cesar Vale spoke. Mr. Vale wrote.", "Vale spoke."), False),
        ((), False),
    ],
)
def test_a_plain_junior_is_the_plain_name_when_the_sources_show_one_man_of_it(
    texts: tuple[str, ...], one: bool
) -> None:
    actors = actors_of(*SAYOC, texts=texts)
    if one:
        assert actors == [("Cesar Vale Jr.", ["Cesar Vale", "Vale"])]
    else:
        assert [name for name, _ in actors][:2] == ["Cesar Vale Jr.", "Cesar Vale"]


def test_a_man_and_a_woman_named_by_one_surname_are_two_actors_with_two_ids() -> None:
    chunk = GroundedChunk(
        positions=[
            GroundedPosition("Mr. Vale", "person", "opposes", "No.", ev(0)),
            GroundedPosition("Mrs. Vale", "person", "supports", "Yes.", ev(1)),
        ]
    )
    actors, positions, _, _ = consolidate([chunk])
    assert len({actor.id for actor in actors}) == 2
    names = {actor.id: actor.name for actor in actors}
    assert sorted((names[p.actor_id], p.stance) for p in positions) == [
        ("Mr. Vale", "opposes"),
        ("Mrs. Vale", "supports"),
    ]


_VALES = "Mayor Tom Vale spoke. Vale said no. Mr. Vale left."


@pytest.mark.parametrize(
    ("names", "texts", "expected"),
    [
        # BASIL: "In the face of widespread public backlash, Tump announced late Friday that he
        # has suspended ..." made "Tump" an actor beside President Donald Trump
        (
            [("Mayor Tom Vale", "person"), ("Vle", None), ("Vaele", None)],
            (_VALES, "Vles spoke. Vle said no.", "Vaele wrote."),
            [("Mayor Tom Vale", ["Vaele"]), ("Vle", [])],  # "Vle": three letters, twice
        ),
        (
            [("Mayor Tom Vale", "person"), ("Vae", None), ("Vaile", None)],
            (_VALES, "Vaile wrote. Vae spoke."),
            [("Mayor Tom Vale", ["Vaile"]), ("Vae", [])],
        ),
        # not a surname written once or twice, a given name, nor a word fitting two people
        (
            [("Mayor Tom Vale", "person"), ("Vaile", None)],
            ("Mayor Tom Vale spoke.", "Vaile wrote."),
            [("Mayor Tom Vale", []), ("Vaile", [])],
        ),
        (  # (BASIL: "the Clintons", written once, are not Hillary Clinton)
            [("Mayor Tom Vale", "person"), ("Vales", None)],
            (_VALES, "The Vales wrote."),
            [("Mayor Tom Vale", []), ("Vales", [])],
        ),
        (
            [("Mayor Tom Allan", "person"), ("Alan", None)],
            ("Mayor Tom Allan spoke. Allan said no. Mr. Allan left.", "Alan wrote."),
            [("Mayor Tom Allan", []), ("Alan", [])],
        ),
        (
            [("Tom Vale", "person"), ("Ann Vaile", "person"), ("Vaile", None)],
            (_VALES, "Ann Vaile and Vaile wrote. Ms. Vaile spoke.", "Vaile spoke."),
            [("Tom Vale", []), ("Ann Vaile", ["Vaile"])],
        ),
    ],
)
def test_a_one_off_spelling_a_letter_from_a_surname_is_that_person(
    names: list[tuple[str, ActorKind | None]],
    texts: tuple[str, ...],
    expected: list[tuple[str, list[str]]],
) -> None:
    assert actors_of(*names, texts=texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # BASIL: "President Trump" joined "Melania Trump", the one full name of that surname
        # drafted, where the sources say "President Donald Trump"
        (
            ("Mayor Tom Vale spoke. The first lady, Ana Vale, wrote.",),
            [("Ana Vale", []), ("Mayor Vale", [])],
        ),
        (("Ana Vale, the mayor, wrote.",), [("Ana Vale", ["Mayor Vale"])]),
        ((), [("Ana Vale", ["Mayor Vale"])]),  # no sources read: as before
    ],
)
def test_an_office_the_sources_give_another_of_the_surname_is_not_joined(
    texts: tuple[str, ...], expected: list[tuple[str, list[str]]]
) -> None:
    names = [("Ana Vale", "person"), ("Mayor Vale", "person")]
    assert actors_of(*names, texts=texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # BASIL: one source called Glenn Beck "the Fox News host" and never "Fox News host
        # Glenn Beck", as another did; the role was an actor of its own
        (
            ("Harbor News host Ana Lund spoke.", "Lund spoke, and the Harbor News host sighed."),
            [("Ana Lund", ["Harbor News host"])],
        ),
        # two holders (a former one is none), or none: the role stays apart
        (
            ("Harbor News host Ana Lund and Harbor News host Tom Vale spoke.",),
            [("Harbor News host", []), ("Ana Lund", [])],
        ),
        (
            ("Former Harbor News host Tom Vale and Harbor News host Ana Lund spoke.",),
            [("Ana Lund", ["Harbor News host"])],
        ),
        (
            ("Ana Lund spoke, and the Harbor News host sighed.",),
            [("Harbor News host", []), ("Ana Lund", [])],
        ),
    ],
)
def test_a_role_another_source_gives_one_person_is_that_person(
    texts: tuple[str, ...], expected: list[tuple[str, list[str]]]
) -> None:
    names = [("Harbor News host", "person"), ("Ana Lund", "person")]
    assert actors_of(*names, texts=texts) == expected


def test_a_county_prosecutor_named_by_the_office_alone_is_its_one_holder() -> None:
    # BASIL: "St. Louis County Prosecutor" stood beside "Robert P. McCulloch", whom a source
    # called "St. Louis County Prosecutor Bob McCulloch"
    texts = ("Riverton County Prosecutor Ana Lund spoke.", "The prosecutor said no.")
    names = [("Riverton County Prosecutor", "person"), ("Ana Lund", "person")]
    assert actors_of(*names, texts=texts) == [("Ana Lund", ["Riverton County Prosecutor"])]


def test_actors_that_share_their_words_keep_distinct_ids() -> None:
    chunk = GroundedChunk(
        positions=[
            GroundedPosition("India", "person", "opposes", "No.", ev()),
            GroundedPosition("the India", "government", "supports", "Yes.", ev()),
        ]
    )
    actors, positions, _, _ = consolidate([chunk])
    assert len({a.id for a in actors}) == 2 and len({p.id for p in positions}) == 2


def test_the_fullest_name_is_shown_and_every_form_kept() -> None:
    assert actors_of(("Berg", "person"), ("Jonas Berg", "person"), ("berg", None)) == [
        ("Jonas Berg", ["Berg", "berg"])
    ]


def test_ids_depend_on_content_only() -> None:
    chunk = GroundedChunk(
        positions=[GroundedPosition("Microsoft", "company", "opposes", "No.", ev(0))]
    )
    first = consolidate([chunk])
    second = consolidate([chunk])
    assert [p.id for p in first[1]] == [p.id for p in second[1]]
    assert first[0][0].id.startswith("actor-")


# --------------------------------------------------------------------------- facts


def test_a_span_found_again_under_another_stance_stays_one_position() -> None:
    """A chunk overlap may label the same quote twice; it is one position, not two."""
    chunks = [
        GroundedChunk(positions=[GroundedPosition("Berg", "person", "supports", "Yes.", ev(0))]),
        GroundedChunk(
            positions=[GroundedPosition("Berg", "person", "mixed", "Partly.", ev(5, length=20))]
        ),
    ]
    _, positions, _, _ = consolidate(chunks)
    assert [(p.stance, len(p.evidence)) for p in positions] == [("supports", 2)]


def test_risks_merge_on_evidence_description_or_one_raisers_similar_words() -> None:
    chunk = GroundedChunk(
        risks=[
            GroundedRisk("Okafor", "privacy", "Data could leak to governments.", ev(0)),
            GroundedRisk("Okafor", "privacy", "Data could leak.", ev(100, "s2")),  # similar
            GroundedRisk("Berg", "privacy", "Data could leak.", ev(200, "s3")),  # same words
            GroundedRisk("Amnesty", "legal", "Reporters face jail.", ev(5)),  # same span
            GroundedRisk("Lee", "privacy", "Data could leak abroad quickly.", ev(300)),
            GroundedRisk("Okafor", "security", "Hackers gain new tools.", ev(400)),
        ]
    )
    actors, _, risks, _ = consolidate([chunk])
    names = {actor.id: actor.name for actor in actors}
    assert [([names[a] for a in r.raised_by], r.support) for r in risks] == [
        (["Okafor", "Berg", "Amnesty"], 3),
        (["Lee"], 1),  # similar words, but another raiser and another span
        (["Okafor"], 1),
    ]


def test_events_merge_across_sources_on_date_and_similar_description() -> None:
    chunks = [
        GroundedChunk(events=[GroundedEvent("8 August 2024", "The final text was agreed.", ev(0))]),
        GroundedChunk(
            events=[
                GroundedEvent("August 8, 2024", "Negotiators agreed the final text.", ev(0, "s2")),
                GroundedEvent("August 8, 2024", "Protesters marched in Geneva.", ev(40, "s2")),
                GroundedEvent("9 August 2024", "The final text was agreed.", ev(80, "s2")),
            ]
        ),
    ]
    _, _, _, events = consolidate(chunks)
    assert [(e.date, e.support) for e in events] == [
        ("8 August 2024", 2),
        ("August 8, 2024", 1),
        ("9 August 2024", 1),
    ]


def test_events_on_one_day_merge_on_a_shared_word_but_years_need_similar_descriptions() -> None:
    chunks = [
        GroundedChunk(
            events=[
                GroundedEvent("June 28", "The judge will sentence Ms. Ortiz on June 28.", ev(0)),
                GroundedEvent("2010", "The health law passed in 2010.", ev(100)),
            ]
        ),
        GroundedChunk(
            events=[
                GroundedEvent("June 28", "Sentencing has been set for June 28.", ev(0, "s2")),
                GroundedEvent("June 28", "On Monday, June 28, he said nothing.", ev(50, "s2")),
                GroundedEvent("2010", "Republicans won in 2010 over the law.", ev(90, "s2")),
            ]
        ),
    ]
    _, _, _, events = consolidate(chunks)
    assert [(e.description, e.support) for e in events] == [
        ("The judge will sentence Ms. Ortiz on June 28.", 2),  # "sentenc-" is shared
        ("The health law passed in 2010.", 1),  # a shared "law" is not enough for a year
        ("On Monday, June 28, he said nothing.", 1),  # date words and "said" are no detail
        ("Republicans won in 2010 over the law.", 1),
    ]


# --------------------------------------------------------------------------- conflicts


def stance_positions(*stances: tuple[Stance, list[str]]) -> list[Position]:
    return [
        Position(
            id=f"p{i}",
            actor_id="a1",
            stance=stance,
            summary="S.",
            evidence=[ev(source=source) for source in sources],
        )
        for i, (stance, sources) in enumerate(stances)
    ]


BERG_ACTOR = Actor(id="a1", name="Berg", kind="person")


def test_opposite_stances_from_different_sources_conflict() -> None:
    positions = stance_positions(("supports", ["s1"]), ("opposes", ["s2", "s3"]))
    [conflict] = find_conflicts([BERG_ACTOR], positions, [], [])
    assert (conflict.kind, conflict.subject, conflict.actor_id) == ("stance", "Berg", "a1")
    assert [(side.value, side.fact_ids, side.support) for side in conflict.sides] == [
        ("opposes", ["p1"], 2),
        ("supports", ["p0"], 1),
    ]


@pytest.mark.parametrize(
    "stances",
    [
        [("supports", ["s1"]), ("opposes", ["s1"])],  # one source: a change of mind, not a dispute
        [("supports", ["s1"]), ("opposes", ["s1", "s2"]), ("concerned", ["s3"])],
        [("supports", ["s1"]), ("concerned", ["s2"])],  # not opposite
        [("mixed", ["s1"]), ("opposes", ["s2"]), ("neutral", ["s3"])],
    ],
)
def test_stances_that_are_no_conflict_between_sources(
    stances: list[tuple[Stance, list[str]]],
) -> None:
    assert find_conflicts([BERG_ACTOR], stance_positions(*stances), [], []) == []


def test_a_disputed_stance_is_no_evidence_of_a_conflict() -> None:
    supports, opposes = stance_positions(("supports", ["s1"]), ("opposes", ["s2"]))
    disputed = opposes.model_copy(update={"stance_check": "disputed", "second_stance": "mixed"})
    assert find_conflicts([BERG_ACTOR], [supports, disputed], [], []) == []


def test_positions_relabelled_to_one_stance_merge_and_keep_a_dispute() -> None:
    """After the stance questions: one position per actor and stance, with all the evidence of
    its parts; a part the check disputed makes the whole disputed, never quietly agreed."""
    agreed, disputed, other = stance_positions(
        ("opposes", ["s1"]), ("opposes", ["s2"]), ("supports", ["s3"])
    )
    agreed = agreed.model_copy(update={"stance_check": "agreed", "second_stance": "opposes"})
    disputed = disputed.model_copy(update={"stance_check": "disputed", "second_stance": "mixed"})
    merged, kept = merge_same_stance([agreed, disputed, other])
    assert (merged.stance, merged.stance_check, merged.second_stance) == (
        "opposes",
        "disputed",
        "mixed",
    )
    assert merged.evidence == [*agreed.evidence, *disputed.evidence] and merged.support == 2
    assert merged.id != kept.id and kept.evidence == other.evidence
    [alone] = merge_same_stance([agreed])
    assert alone.stance_check == "agreed" and alone.evidence == agreed.evidence


def sources_with(*texts: str) -> list[Source]:
    return [Source(id=f"s{i}", title=f"S{i}", text=text) for i, text in enumerate(texts, 1)]


def whole(source: Source) -> Evidence:
    return Evidence(
        source_id=source.id,
        start=0,
        end=len(source.text),
        quote=source.text,
        match="exact",
        score=1.0,
    )


def figure_conflicts(*texts: str) -> list[Conflict]:
    """Conflicts among positions of one actor each quoting one whole source."""
    positions = [
        Position(id=f"p{i}", actor_id="a1", stance="neutral", summary="S.", evidence=[whole(s)])
        for i, s in enumerate(sources_with(*texts))
    ]
    return find_conflicts([BERG_ACTOR], positions, [], [])


def test_figures_that_differ_between_sources_conflict() -> None:
    [conflict] = figure_conflicts(
        "The treaty was signed by 120 countries last year.",
        "About 110 countries have signed the treaty, officials said.",
        "It was signed by 120 countries, the agency said.",
    )
    assert (conflict.kind, conflict.subject, conflict.actor_id) == ("figure", "countries", None)
    assert [(side.value, side.fact_ids, side.support) for side in conflict.sides] == [
        ("120 countries", ["p0", "p2"], 2),
        ("About 110 countries", ["p1"], 1),
    ]


@pytest.mark.parametrize(
    "texts",
    [
        ("Signed by 120 countries.", "Signed by 120 countries so far."),  # agree
        ("Signed by 120 countries.", "More than 100 countries signed it."),  # compatible
        ("Signed by 120 countries.", "Ratified by 40 countries."),  # another count
        ("Signed by 120 countries.", "Signed by 110 companies."),  # another noun
        ("Signed by 120 countries.", "In 2019 countries signed."),  # a year
        ("Signed by 120 countries.", "Signed by 100 to 110 countries."),  # a range
        # one source gives two values (a count that changed): no side can be taken
        ("Signed by 120 countries, up from signed by 90 countries.", "Signed by 110 countries."),
        ("It was signed by 120 countries.",),  # one source only
    ],
)
def test_figures_that_are_no_conflict(texts: tuple[str, ...]) -> None:
    assert figure_conflicts(*texts) == []


def test_a_figure_conflict_in_one_source_twice_is_not_a_conflict() -> None:
    [source] = sources_with("Signed by 120 countries. Later, signed by 110 countries.")
    a, b = (
        Evidence(source_id="s1", start=s, end=e, quote=source.text[s:e], match="exact", score=1.0)
        for s, e in ((0, 24), (33, 55))
    )
    positions = [
        Position(id="p1", actor_id="a1", stance="neutral", summary="S.", evidence=[a]),
        Position(id="p2", actor_id="a1", stance="neutral", summary="S.", evidence=[b]),
    ]
    assert find_conflicts([BERG_ACTOR], positions, [], []) == []


# --------------------------------------------------------------------------- the brief


def sheet_with_conflicts() -> FactSheet:
    texts = (
        "Berg said the treaty was signed by 120 countries and he supports it.",
        "Berg [x](javascript:y) opposes it; about 110 countries signed it.",
    )
    sources = sources_with(*texts)
    evidence = [whole(s) for s in sources]
    positions = [
        Position(id="p1", actor_id="a1", stance="supports", summary="Yes.", evidence=[evidence[0]]),
        Position(id="p2", actor_id="a1", stance="opposes", summary="No.", evidence=[evidence[1]]),
    ]
    actors = [BERG_ACTOR.model_copy(update={"name": "Berg <b>"})]
    return FactSheet(
        topic="the treaty",
        sources=sources,
        actors=actors,
        positions=positions,
        conflicts=find_conflicts(actors, positions, [], []),
        run=minimal_run(chunks=2),
    )


def test_conflicts_render_with_both_values_and_their_notes() -> None:
    sheet = sheet_with_conflicts()
    assert [c.kind for c in sheet.conflicts] == ["stance", "figure"]
    brief = render_brief(FactSheet.model_validate_json(sheet.model_dump_json()))
    section = brief.split("## Where sources disagree\n", 1)[1].split("## Sources", 1)[0]
    assert section.strip().splitlines() == [
        "- Berg \\<b\\> is reported with different stances: opposes [1]; supports [2].",
        "- Sources give different figures for countries: “120 countries” [2]; "
        "“about 110 countries” [1].",
    ]
    html = MarkdownIt("commonmark").enable("table").render(brief)
    assert "<li>Berg &lt;b&gt; is reported" in html and 'href="javascript' not in html


def test_a_conflict_must_quote_spans_that_facts_cite() -> None:
    sheet = sheet_with_conflicts()
    stray = sheet.positions[0].evidence[0].model_copy(update={"end": 5, "quote": "Berg "})
    data = sheet.model_dump()
    data["conflicts"].append(
        Conflict(
            id="c",
            kind="figure",
            subject="x",
            sides=[
                ConflictSide(value="a", evidence=[stray], fact_ids=[]),
                ConflictSide(value="b", evidence=[stray], fact_ids=[]),
            ],
        ).model_dump()
    )
    with pytest.raises(ValueError, match="quotes a span no fact cites"):
        FactSheet.model_validate(data)


def test_brief_of_disagreeing_sources_end_to_end(
    fake: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two outlets: one actor under two names, a figure they give differently."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(
        "Treaty signed\n\nMinister Jonas Berg said the treaty, signed by 120 countries, "
        "is a good deal.",
        "utf-8",
    )
    Path("b.txt").write_text(
        "Treaty signed\n\nBerg said about 110 countries have signed the treaty, a good deal "
        "for small states.",
        "utf-8",
    )
    fake.enqueue(
        extraction(
            positions=[
                position(
                    "Minister Jonas Berg",
                    "the treaty, signed by 120 countries, is a good deal",
                    "supports",
                )
            ]
        ),
        extraction(
            positions=[
                position(
                    "Berg",
                    "about 110 countries have signed the treaty, a good deal for small states",
                    "supports",
                )
            ]
        ),
    )
    code = main(
        ["generate", "a.txt", "b.txt", "--topic", "the treaty", "--base-url", fake.base_url,
         "--model", "m", "-q", "--no-stance-check", "--no-bottom-line",
         "-o", "brief.md", "--json", "facts.json"]
    )  # fmt: skip
    assert code == 0
    sheet = fact_sheet(Path("facts.json"))
    [actor] = sheet["actors"]
    assert (actor["name"], actor["aliases"]) == ("Minister Jonas Berg", ["Berg"])
    [berg] = sheet["positions"]
    assert berg["support"] == 2
    [conflict] = sheet["conflicts"]
    assert [side["value"] for side in conflict["sides"]] == ["120 countries", "about 110 countries"]
    brief = Path("brief.md").read_text("utf-8")
    assert "| Minister Jonas Berg | supports | " in brief and "[1] [2] (2 sources) |" in brief
    assert "- Sources give different figures for countries: “120 countries” [1]; " in brief
    html = MarkdownIt("commonmark").enable("table").render(brief)
    assert html.count("<h2>Where sources disagree</h2>") == 1
    assert main(["check", "brief.md", "--facts", "facts.json"]) == 0  # every citation resolves
    assert json.loads(Path("facts.json").read_text("utf-8"))["schema_version"] == "1"


def test_a_fact_given_to_a_named_speaker_comes_after_the_speakers_own_drafts() -> None:
    given = GroundedPosition("Ana Park", None, "supports", "Her sentence.", ev(0), True)
    drafted = GroundedPosition("Ana Park", "person", "supports", "She backs it.", ev(20))
    _, positions, _, _ = consolidate([GroundedChunk(positions=[given]), GroundedChunk([drafted])])
    (merged,) = positions
    assert merged.summary == "She backs it."
    assert [e.start for e in merged.evidence] == [20, 0]  # the stance questions read these
