"""Who the sources name: mention counts, and the "also named" actors read by code."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.check import check_brief
from briefing.cli import main
from briefing.consolidate import match_keys, same_actor
from briefing.given_names import sex_of_given_name
from briefing.mentions import count_mentions
from briefing.models import Actor, ActorKind, Evidence, FactSheet, Source
from briefing.render import render_brief
from briefing.review_page import render_review_page
from tests.conftest import minimal_run

# Two made-up reports on one made-up bill. Governor Lena Marsh is named in both and quoted in
# neither; Senator Okoro is quoted (the brief's one actor).
FIRST = (
    "The Harbor Safety Bill passed the state senate on Monday. Governor Lena Marsh has not "
    "said whether she will sign it. Senator Ade Okoro, who wrote the bill, said it would "
    "protect dock workers in Iowa and beyond. Ms. Marsh met union leaders on Tuesday.\n\n"
    "The Port Authority said it was studying the text. A Texas Republican called the bill "
    "costly."
)
SECOND = (
    "Lawmakers sent the harbor bill to Gov. Lena Marsh on Monday. Okoro said the Attorney "
    "General had reviewed it. Marsh said nothing about it at a press event in Iowa.\n\n"
    "Russian shipping firms were not consulted, the Port Authority said."
)


def sources(*texts: str) -> list[Source]:
    return [Source(id=f"s{i}", title=f"Report {i}", text=text) for i, text in enumerate(texts, 1)]


def quoted(name: str = "Ade Okoro") -> Actor:
    return Actor(id="actor-okoro", name=name, kind="person")


def also_named(actors: list[Actor]) -> dict[str, Actor]:
    return {actor.name: actor for actor in actors if actor.named_in}


def test_a_person_named_in_every_source_but_never_quoted_is_also_named() -> None:
    texts = sources(FIRST, SECOND)
    actors = count_mentions(texts, [quoted()], also_named=8)
    named = also_named(actors)
    marsh = named["Governor Lena Marsh"]
    assert marsh.kind == "person"
    # "Governor Lena Marsh", "Ms. Marsh", "Gov. Lena Marsh", "Marsh said": four mentions.
    assert marsh.mentions == 4
    assert marsh.evidence == []  # nothing is attributed to an actor only named
    first = [ev.quote for ev in marsh.named_in]
    assert first == [
        "Governor Lena Marsh has not said whether she will sign it.",
        "Lawmakers sent the harbor bill to Gov. Lena Marsh on Monday.",
    ]
    by_id = {source.id: source.text for source in texts}
    for ev in marsh.named_in:
        assert by_id[ev.source_id][ev.start : ev.end] == ev.quote


def test_a_name_of_an_actor_of_the_brief_counts_for_it_and_is_not_listed_again() -> None:
    actors = count_mentions(sources(FIRST, SECOND), [quoted()], also_named=8)
    okoro = actors[0]
    assert okoro.id == "actor-okoro"
    assert okoro.mentions == 2  # "Senator Ade Okoro", "Okoro said"
    assert okoro.named_in == []
    assert not any("Okoro" in name for name in also_named(actors))


def test_places_offices_demonyms_and_party_members_are_no_one() -> None:
    named = also_named(count_mentions(sources(FIRST, SECOND), [quoted()], also_named=8))
    # The Port Authority speaks in both reports, but twice in all: below three mentions.
    assert set(named) == {"Governor Lena Marsh"}
    for text in ("Iowa", "Attorney General", "Texas Republican", "Russian", "Harbor Safety Bill"):
        assert not any(text in name for name in named)


def test_a_garden_is_no_one_though_its_first_word_is_a_given_name() -> None:
    """BASIL: "the Rose Garden", named in two sources, was also named as a person."""
    garden = "Mayor Ana Lund spoke in the Rose Garden. The Rose Garden was full. Ms. Lund left."
    other = "Later, at the Rose Garden, Tom Vale and Ana Lund met."
    named = also_named(count_mentions(sources(garden, other), [], also_named=8))
    assert "Rose Garden" not in named
    assert "Mayor Ana Lund" in named


def test_the_initials_of_a_thing_named_are_no_one() -> None:
    """BASIL: "TPS", the initials of "Temporary Protected Status", was also named as an
    organisation (ten times, after "the")."""
    first = "Harbour Protected Status (HPS) ends soon. The HPS covers 300 families."
    second = "The HPS was renewed before. Ending the HPS hurts the port."
    named = also_named(count_mentions(sources(first, second), [], also_named=8))
    assert "HPS" not in named
    # a body's initials are still its name
    body = "The Harbour Pilots Society (HPS) said no. The HPS met."
    named = also_named(count_mentions(sources(body, "The HPS said no again."), [], also_named=8))
    assert "HPS" in named or "Harbour Pilots Society" in named


def test_a_body_named_three_times_in_two_sources_is_listed_as_an_organisation() -> None:
    third = "The Port Authority said again that it would wait."
    named = also_named(count_mentions(sources(FIRST, SECOND + " " + third), [], also_named=8))
    assert named["Port Authority"].kind == "organisation"
    assert named["Port Authority"].mentions == 3


def test_a_body_whose_name_has_and_in_it_is_named_whole() -> None:
    """BASIL: "the U.S. Fish and Wildlife Service" was counted as "Wildlife Service", listed
    as also named beside the service's own positions."""
    first = "The Harbour Fish and Wildlife Service said no. Lena Marsh and Ade Okoro met."
    second = "Permits from the Harbour Fish and Wildlife Service were paused. Ms. Marsh spoke."
    third = "The Harbour Fish and Wildlife Service will rule, Lena Marsh said."
    named = also_named(count_mentions(sources(first, second + " " + third), [], also_named=8))
    assert named["Harbour Fish and Wildlife Service"].mentions == 3
    assert "Wildlife Service" not in named and "Harbour Fish" not in named
    # Two persons joined by "and" stay two.
    assert named["Lena Marsh"].mentions == 3


def test_a_name_from_one_source_of_two_is_not_listed() -> None:
    lone = "Mayor Ines Vale said the port is safe. Ms. Vale said so twice. Vale said it again."
    named = also_named(count_mentions(sources(lone, "Nothing about her here."), [], 8))
    assert named == {}
    # With a single source, one source is all there is.
    assert "Mayor Ines Vale" in also_named(count_mentions(sources(lone), [], 8))


def test_the_most_named_come_first_and_the_limit_holds() -> None:
    texts = sources(FIRST, SECOND)
    assert also_named(count_mentions(texts, [quoted()], also_named=0)) == {}
    many = (
        "Judge Rosa Lind said no. Ms. Lind said it twice. Lind said it again. Lind said more. "
        "Mr. Tom Ferris said yes. Ferris said it again. Ferris said more."
    )
    actors = count_mentions(sources(many, many), [], also_named=1)
    assert [a.name for a in actors if a.named_in] == ["Judge Rosa Lind"]


def test_former_stays_on_a_title_but_not_on_a_body() -> None:
    first = (
        "Former GOP governor Ann Vale backed the port bill. Former President Tom Ferris said "
        "no. The Republicans said they would wait. Former President Tom Ferris said it again."
    )
    second = "Former GOP donors were unmoved. Mr. Ferris said nothing on Monday."
    named = also_named(count_mentions(sources(first, second), [], also_named=8))
    # "GOP" twice and "Republicans" once are one party named three times in two sources.
    assert named["GOP"].aliases == ["Republicans"] and named["GOP"].mentions == 3
    assert named["Former President Tom Ferris"].mentions == 3
    assert not any(name.startswith("Former GOP") for name in named)


def test_a_sentence_full_stop_after_an_acronym_is_no_part_of_its_name() -> None:
    first = "The port bill was written by the NTSA. The NTSA said it would help. Iowa agreed."
    second = "Critics of the bill blamed the NTSA."
    named = also_named(count_mentions(sources(first, second), [], also_named=8))
    assert named["NTSA"].aliases == [] and named["NTSA"].mentions == 3


def test_a_headline_run_into_the_text_names_no_one() -> None:
    first = (
        "Governor Lena Marsh signed the bill. Marsh said it was overdue. Related: Port Board "
        "Names Former Chief Of Staff To Replace Lena Marsh. The vote was close.\n\n"
        "FIRED Eric Petrov: the port chief is out. Mr. Petrov said so."
    )
    second = "Gov. Lena Marsh spoke on Monday. Eric Petrov said he was leaving."
    named = also_named(count_mentions(sources(first, second), [], also_named=8))
    # The title-case headline is no name; the shouted word is no part of the one after it.
    assert not any("Chief" in name for name in named)
    assert named["Governor Lena Marsh"].mentions == 3
    assert "FIRED Eric Petrov" not in named and named["Eric Petrov"].mentions == 3


def test_an_actor_named_by_title_and_surname_takes_the_fuller_name_the_sources_give() -> None:
    # BASIL: "Mr. Schiff" in a brief whose sources name "Representative Adam B. Schiff"
    counted = count_mentions(sources(FIRST, SECOND), [quoted("Senator Okoro")], also_named=8)
    assert (counted[0].id, counted[0].name, counted[0].aliases) == (
        "actor-okoro",
        "Senator Ade Okoro",
        ["Senator Okoro"],
    )
    # A title's sex picks between two who share the surname; a body keeps its name.
    text = "Ana Reyes and Luis Reyes spoke. Ms. Reyes said the port was safe."
    ms = count_mentions(sources(text), [Actor(id="a", name="Ms. Reyes", kind="person")], 8)
    assert ms[0].name == "Ana Reyes"
    mr = count_mentions(sources(text), [Actor(id="a", name="Mr. Reyes", kind="person")], 8)
    assert mr[0].name == "Mr. Reyes"  # "Luis" tells no sex here: no name is given him
    # The one person of a surname the sources name in full is the titled one, unless the
    # title tells the other sex (BASIL: "Mr. Richtman" beside "Max Richtman, executive vice
    # president of ...", a given name whose sex the table does not know).
    alone = "Teo Reyes, who leads the port union, spoke. Mr. Reyes said the port was safe."
    mr = count_mentions(sources(alone), [Actor(id="a", name="Mr. Reyes", kind="person")], 8)
    assert (mr[0].name, mr[0].aliases) == ("Teo Reyes", ["Mr. Reyes"])
    her = "Tom Reyes, who leads the port union, spoke. Ms. Reyes said the port was safe."
    ms = count_mentions(sources(her), [Actor(id="a", name="Ms. Reyes", kind="person")], 8)
    assert ms[0].name == "Ms. Reyes"
    # Beside actors that are no one's surname: a group in lower case, a body
    others = [
        Actor(id="b", name="port workers", kind="group"),
        Actor(id="c", name="Port Authority", kind="organisation"),
        Actor(id="a", name="Mr. Reyes", kind="person"),
    ]
    assert [a.name for a in count_mentions(sources(alone), others, 8)][:3] == [
        "port workers",
        "Port Authority",
        "Teo Reyes",
    ]
    body = Actor(id="b", name="Port Authority", kind="organisation")
    assert count_mentions(sources(FIRST), [body], also_named=8)[0].name == "Port Authority"
    # A title of no sex picks the one the sources give it (BASIL: "President Trump" was shown
    # as "Melania Trump"), and none where they give it neither.
    both = "Mayor Ana Reyes and Luis Reyes spoke. Mayor Reyes said the port was safe."
    mayor = Actor(id="a", name="Mayor Reyes", kind="person")
    assert count_mentions(sources(both), [mayor], 8)[0].name == "Mayor Ana Reyes"
    untitled = "Ana Reyes and Luis Reyes spoke. Mayor Reyes said the port was safe."
    assert count_mentions(sources(untitled), [mayor], 8)[0].name == "Mayor Reyes"
    # A suffix after the surname (BASIL: "Mr. Clapper" where the source names "James R.
    # Clapper Jr.")
    junior = "James R. Reyes Jr. spoke first. Mr. Reyes said the port was safe."
    mister = Actor(id="a", name="Mr. Reyes", kind="person")
    assert count_mentions(sources(junior), [mister], 8)[0].name == "James R. Reyes Jr."
    # Another source's title makes the full name a person's, a suffix after it or not
    # (BASIL: "Mr. Mueller, special counsel" was also named where one source names "Robert
    # S. Mueller III" and another "Robert Mueller")
    full, short = "The staff of Robert S. Reyes III left. Robert Reyes spoke.", "Mr. Reyes said no."
    assert count_mentions(sources(full, short), [mister], 8)[0].name == "Robert S. Reyes III"
    # A surname alone (BASIL: "Bam" where the source names "Dmitry Bam" once), not where two
    # share it
    bare = Actor(id="a", name="Reyes", kind="person")
    assert count_mentions(sources(junior), [bare], 8)[0].name == "James R. Reyes Jr."
    assert count_mentions(sources(text), [bare], 8)[0].name == "Reyes"
    # a verb of saying before the surname is no given name (BASIL: "Added Gibbs: ..." left
    # "Gibbs" without "Press Secretary Robert Gibbs")
    added = 'Press Secretary Luis Reyes spoke. Added Reyes: "No one wants a fight."'
    assert count_mentions(sources(added), [bare], 8)[0].name == "Press Secretary Luis Reyes"
    # A home after the name, and a title of several before it (BASIL: "Mr. Udall" and "Mr.
    # Wyden" where the source names "Senators Ron Wyden of Oregon and Mark Udall of Colorado")
    two = "Senators Ron Vale of Oregon and Mark Reyes of Maine wrote. Mr. Reyes and Mr. Vale spoke."
    both = [Actor(id=n, name=f"Mr. {n}", kind="person") for n in ("Reyes", "Vale")]
    assert [a.name for a in count_mentions(sources(two), both, 8)[:2]] == [
        "Mark Reyes of Maine",
        "Ron Vale of Oregon",
    ]


def test_a_party_before_a_given_name_is_no_part_of_the_name() -> None:
    # BASIL: "Republican Mitt Romney" beside "Mitt Romney" left "Mr. Romney" also named apart;
    # and a surname that is a person's makes no phrase ending in it a person ("Support for
    # Israel", where the sources name Rep. Steve Israel)
    first = "Republican Mitt Vale spoke. Mr. Vale said no. Rep. Ana Lund spoke. Ms. Lund left."
    second = "Mitt Vale came. Mr. Vale left. Support for Lund grew. Ms. Lund said so."
    named = also_named(count_mentions(sources(first, second), [], also_named=8))
    assert sorted(named) == ["Mitt Vale", "Rep. Ana Lund"]
    assert named["Mitt Vale"].aliases == ["Mr. Vale"]


def test_a_man_and_a_woman_sharing_a_surname_are_never_one_also_named() -> None:
    # BASIL: "President Bill Clinton" was also named with "Hillary Clinton", "Mrs. Clinton"
    # and "Mr. Clinton" as his aliases, and her role
    text = (
        "Former President Tom Reyes sat beside nominee Ana Reyes. Mrs. Reyes waved. "
        "Ana Reyes smiled. Mr. Reyes spoke. Ana Reyes left."
    )
    second = "Ana Reyes and Former President Tom Reyes came. Mr. Reyes and Mrs. Reyes left."
    named = also_named(count_mentions(sources(text, second), [], also_named=8))
    assert sorted((name, actor.aliases) for name, actor in named.items()) == [
        ("Ana Reyes", ["Mrs. Reyes"]),
        ("Former President Tom Reyes", ["Mr. Reyes"]),
    ]


def test_a_surname_of_a_man_and_of_a_woman_are_counted_once_each() -> None:
    """BASIL: "Mr. Trump", "Mrs. Trump" and "Trump" alone made clusters of one actor id, so
    each was counted again for the others: Donald Trump 54 mentions (28 in the text), Ted
    Cruz 71 (29), and "Mrs. Trump" also named with Mr. Trump's 24."""
    text = "Mr. Reyes spoke. Mrs. Reyes waved. Mr. Reyes left. Then Mr. Reyes sat."
    second = "Mrs. Reyes and Mr. Reyes met. Mrs. Reyes spoke."
    actor = Actor(id="actor-reyes", name="Tom Reyes", kind="person")
    counted = count_mentions(sources(text, second), [actor], also_named=8)
    assert counted[0].mentions == 4  # "Mr. Reyes", four times
    assert [(a.name, a.mentions) for a in also_named(counted).values()] == [("Mrs. Reyes", 3)]


def test_a_surname_two_actors_share_counts_for_neither() -> None:
    text = "Ana Reyes and Luis Reyes spoke. Reyes said the port was safe. Reyes said it again."
    actors = [
        Actor(id="a1", name="Ana Reyes", kind="person"),
        Actor(id="a2", name="Luis Reyes", kind="person"),
    ]
    counted = count_mentions(sources(text), actors, also_named=8)
    assert [a.mentions for a in counted[:2]] == [1, 1]
    assert also_named(counted) == {}


def test_a_surname_actor_takes_a_full_name_whose_given_name_tells_a_sex() -> None:
    # BASIL: "Clinton" stayed so beside "Hillary Clinton", which no title or verb of saying
    # marked as a person's name
    text = "The toll was raised. Hillary Reyes spoke at the port. Reyes opposed the toll."
    second = "Hillary Reyes came to the pier on Monday."
    counted = count_mentions(sources(text, second), [quoted("Reyes")], also_named=8)
    assert (counted[0].name, counted[0].aliases) == ("Hillary Reyes", ["Reyes"])
    # not a state's name that is also a given name
    place = "Virginia Reyes"
    assert sex_of_given_name("virginia") == "female"
    counted = count_mentions(sources(f"{place} is a town. Reyes spoke."), [quoted("Reyes")], 8)
    assert counted[0].name == "Reyes"


def test_another_of_the_actors_surname_is_not_counted_for_the_actor() -> None:
    # BASIL: "Malia" and "Malia Obama" counted for "President Barack Obama" (alias "Obama"),
    # 18 mentions where he had 9, and she was never also named
    text = "Mayor Tom Reyes spoke. Reyes said the port was safe. Ana Reyes, his daughter, smiled."
    second = "Ana Reyes came with Mr. Reyes. Ana Reyes waved at Ana."
    actors = [Actor(id="a1", name="Mayor Tom Reyes", kind="person", aliases=["Reyes"])]
    counted = count_mentions(sources(text, second), actors, also_named=8)
    assert counted[0].mentions == 3  # "Mayor Tom Reyes", "Reyes said", "Mr. Reyes"
    ana = also_named(counted)["Ana Reyes"]
    assert (ana.mentions, ana.aliases) == (4, ["Ana"])
    # one given name shared is one person, a middle name written out or not
    actors = [Actor(id="a1", name="Tom Reyes", kind="person", aliases=["Reyes"])]
    counted = count_mentions(sources("Walter Tom Reyes spoke. Reyes left.", second), actors, 8)
    assert counted[0].mentions == 3
    # a title's word is no given name (BASIL: "Vice President Biden" lost "Joe Biden")
    actors = [Actor(id="a1", name="Vice President Reyes", kind="person", aliases=["Reyes"])]
    counted = count_mentions(sources("Tom Reyes spoke. Reyes left.", "Tom Reyes came."), actors, 8)
    assert counted[0].mentions == 3


def sheet_for(texts: list[Source], actors: list[Actor]) -> FactSheet:
    return FactSheet(topic="the harbor bill", sources=texts, actors=actors, run=minimal_run())


def test_the_brief_lists_the_also_named_with_checkable_notes() -> None:
    texts = sources(FIRST, SECOND)
    sheet = sheet_for(texts, count_mentions(texts, [quoted()], also_named=8))
    brief = render_brief(sheet)
    assert "## Also named" in brief
    row = next(line for line in brief.splitlines() if line.startswith("| Governor Lena Marsh"))
    assert row == "| Governor Lena Marsh | 4 times in 2 sources | [1] [2] |"
    assert "1. “Governor Lena Marsh has not said whether she will sign it.”" in brief
    assert check_brief(brief, sheet) == []
    assert "Also named" not in render_brief(sheet, brief_format="one-page")
    page = render_review_page(sheet)
    assert '<tr id="named-1"><td class="label">N1</td><td>Governor Lena Marsh</td>' in page
    assert '<a class="cite" href="#span-1">[1]</a>' in page


def test_a_name_in_a_source_cannot_inject_markup() -> None:
    text = "Dr. Ana_Bel_ [Lyle](javascript:x) spoke. Ana_Bel_ said no. Ana_Bel_ said it twice."
    texts = sources(text)
    brief = render_brief(sheet_for(texts, count_mentions(texts, [], also_named=8)))
    assert "| Dr. Ana\\_Bel\\_ | 3 times in 1 source | [1] |" in brief
    assert "[Lyle](" not in brief  # the quote is escaped as well


def test_a_sentence_that_is_not_the_sources_text_is_refused() -> None:
    texts = sources(FIRST)
    forged = Evidence(source_id="s1", start=0, end=9, quote="Forged it", match="exact", score=1)
    with pytest.raises(ValueError, match="not the source's text"):
        sheet_for(texts, [Actor(id="a1", name="Marsh", named_in=[forged])])


NAMES = [
    "Barack Obama", "Obama", "Mr. Obama", "President Barack Obama", "Human Rights Watch", "HRW",
    "Walmart", "Wal-Mart Stores Inc.", "Russia", "the Russian government", "Bill Kristol",
    "William Kristol", "Robert S. Mueller III", "Robert Mueller", "A. Barry Rand", "Barry Rand",
    "Speaker John A. Boehner of Ohio", "John Boehner", "Amnesty International", "Amnesty",
    "U.S.", "United States", "White House officials", "White House", "Jonas Berg", "Berg",
    "GOP", "Republicans", "Republican Party", "Democratic lawmakers", "Democrats",
    "House Republican leadership", "House GOP", "Mrs. Clinton", "Hillary Clinton",
    "Roger J. Stone Jr.", "Roger Stone",
]  # fmt: skip
KINDS: list[ActorKind | None] = [None, "person", "organisation", "government", "group"]


@given(st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from(KINDS))
def test_names_of_one_actor_share_a_match_key(a: str, b: str, kind: ActorKind | None) -> None:
    """The index that keeps clustering fast tries only names sharing a key: it must never
    hide a pair that ``same_actor`` would join."""
    if same_actor(a, b, kind):
        assert match_keys(a) & match_keys(b)


def test_a_negative_also_named_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(FIRST, encoding="utf-8")
    assert main(["generate", str(source), "--also-named", "-1"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "briefing: error: --also-named cannot be negative"
