"""Word cues: whether a cited sentence can carry a position or a risk at all."""

from __future__ import annotations

import pytest

from briefing.cues import (
    addressed_mention,
    first_speaker,
    gives_no_comment,
    named_speaker,
    named_speakers,
    names_a_harm,
    pronoun_speaker,
    reports_someone,
    says_of_another,
    states_a_view,
    views_of_others,
    voices_a_harm,
)
from briefing.source_index import blank_quoted


@pytest.mark.parametrize(
    "sentence",
    [
        "The farmers' union said the levy was unfair.",
        "\u201cWe will not sign it,\u201d the minister told reporters.",
        "The chamber of commerce backed the plan in a letter to the council.",
        "Two cities filed a lawsuit against the ministry over the rule.",
        "The senator voted against the bill on Tuesday.",
        "Opposition to the levy has grown among retailers.",
        "Economists credit the scheme with cutting congestion.",
        "Critics of the levy gathered outside the town hall.",
        "The union criticised the levy.",
        "The mayor expects the charge to raise revenue for buses.",
        "The union campaigned against the levy for a year.",
        "Two councillors questioned the figures.",
        "The host complained about the tolls.",
        "Earlier, Ms. Park revealed her position on the tolls.",
        "The union took the position that the toll was unfair.",
        "That is the position of the union and of Tom Lee.",
        # a decision reversed, a retort, a point made (BASIL: "President Trump on Friday
        # reversed the government's decision to start allowing hunters to import trophies
        # ...", "The Romney campaign retorted with an ad of its own Tuesday.", "Sen. Sheldon
        # Whitehouse ... made this point abundantly clear when he pointed to the series of 5-4
        # decisions ...")
        "The mayor on Friday reversed the board's decision to raise the toll.",
        "The Lee campaign retorted with an ad of its own Tuesday.",
        "Ms. Park made this point clear when she pointed to the toll's cost.",
        # a measure passed, a ban imposed (SummEdits news: "In late December 2022, the US
        # Congress passed a bill that bans all federal government employees from accessing
        # TikTok ...", "The EU Commission has now banned employees from using TikTok")
        "In late December 2022, the council passed a bill that bars staff from the app.",
        "The port board has now banned employees from using the app.",
        "Retailers question whether the charge will raise anything.",
        "The mayor proposed a lower charge.",
        "The union calls for a vote on the charge.",
        "The governor approved the plan.",
        "She advocates for a ban on the charge.",
        "The union expects the charge to fail.",
        "The senator attacked the plan.",
        "The director plans to refuse to testify.",
        "The mayor called the levy a disgrace.",
        # the accuser named, a letter signed
        "The mayor was accused by the union of hiding the toll figures.",
        "The mayor had been accused of fraud by Ana Park, his former aide.",
        "The mayor accused the union of hiding the figures.",
        "A letter signed by 40 councillors asks for a vote on the toll.",
        # a view a record reports, and what someone confirmed
        "Most residents oppose the toll, according to polls.",
        "Dock workers protested against the toll on Friday.",
        "Ms. Park drew praise from the mayor for the plan.",
        "The mayor confirmed that Ana Park is her top choice, according to pool reports.",
        "The mayor confirmed that Ana Park is her top choice.",
        # asked, the one asked answers (BASIL: "Asked whether he directed a campaign aide to
        # contact Mr. Stone ..., she repeated that the charges did not involve Mr. Trump.";
        # "Asked about those remarks ..., Mr. Santorum ... remained adamant on Sunday.")
        "Asked whether she knew of the levy, she repeated that the port had no part in it.",
        "Asked about those remarks, Ms. Park remained adamant on Sunday.",
        "When asked about the toll, the mayor said it would stay.",
        "Tom Lee, a proponent of the toll, spoke first.",
        "His supporters say the toll is fair.",
        "The senator questioned the toll on Friday.",
        "The mayor tweets that the toll is fair.",
        "The mayor went further on Thursday, tweeting that the toll must go.",
        "Lee's backers opposed the toll.",
        "The mayor stayed on despite calls for her resignation from the council.",
        "The mayor acted alone, despite his criticism of the council for doing so.",
        "The two leaders released a joint statement in agreement.",
        "Ms. Park questioned whether the levy would pass.",
        # (BASIL: "Glenn Beck ... ripped the roof off a Washington hotel Saturday with a
        # sweeping denunciation of progressivism." showed no view: "denounce" is spelt apart)
        "Ms. Park closed the meeting with a sweeping denunciation of the levy.",
        "The council agreed that the toll must go.",
    ],
)
def test_a_sentence_that_says_backs_or_opposes_shows_a_view(sentence: str) -> None:
    assert states_a_view(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms. Holm, 52, is married to a schoolteacher from Lindenfeld.",
        "As delegates gather to vote on the text, the city faces a critical week.",
        "The transport minister appeared with the mayor at the bridge.",
        "Kessler is a shop manager in the old town.",
        "The committee is likely to meet regarding the levy's primary objective.",
        "Splashed across the cover is the candidate, a party favorite.",
        # a campaign, a question or a proposal named, not made
        "The ministry answered some of those questions on Thursday.",
        "The campaign's bus toured the old town on Monday.",
        "The mayor declined to weigh in on the merits of the council's proposals.",
        "The app can be monitored when one end of a call is a landline.",
        # nouns and adjectives from verbs of taking a side
        "The bill is likely to win approval next week.",
        "Her expected testimony was put off until June.",
        "Gun control advocates gathered at the statehouse.",
        "The attacks killed four people at the compound.",
        # a post, not a position held (BASIL: a list of contenders held two positions)
        "The contenders for the position include Ana Park, a former envoy, and Tom Lee.",
        # (BASIL: "..., and Jim Clyburn, South Carolina, remained in No. 3 position of
        # assistant leader." was Clyburn's support)
        "Tom Lee, of Riverton, remained in No. 3 position of assistant leader.",
        "The reverse side of the toll card was blank.",
        "The council is at the point of no return.",
        # (BASIL: "Martha Raddatz of ABC News was the moderator, and she made a point of
        # speaking forcefully, ...": something done on purpose, no point made)
        "Ana Park was the moderator, and she made a point of speaking forcefully.",
        "He passed the ball to his son.",
        # "called" that names
        "The paper reported a program launched in 2007 called Prism.",
        "The so-called levy will start in May.",
        # a declaration made is a document named (BASIL: "the emergency declaration")
        "The emergency declaration took effect on Friday.",
        # a name is no verb (BASIL: "Her son Matthew Denice, 23, was killed in 2011")
        "Her son Tom Denice, 23, was hurt in 2011 in a crash in Riverton.",
        # nor is any name inside a sentence: "Sen. Mark Warner", "Hope Hicks", "Mia Love"
        "The senator met Sen. Warner and Ms. Love at the station on Tuesday.",
        "The mayor sat beside Hope Lee and Tom Fielding at the dinner.",
        # what something is about, and an exchange (BASIL: "The most recent back-and-forth
        # between the Romney and Obama campaigns concerns which candidate would do ...")
        "The latest back-and-forth between the two camps concerns which one would win.",
        # a term in quotation marks (BASIL: "... when the search for a “grand bargain” on
        # taxes and spending ultimately failed.")
        "The two met again, after the search for a \u201cgrand bargain\u201d on tolls ended.",
        # an accusation whose accuser goes unnamed, an autograph (BASIL: "..., was accused of
        # spending $750,000 in campaign funds on personal items", "The memorabilia includes
        # a football signed by U.S. presidents, ... -- all from a company called Antiquities
        # of Nevada." were positions)
        "The former mayor was accused of spending $9,000 in toll revenue on himself.",
        "Ana Park has been repeatedly accused of lying about the tolls.",
        "The lot includes a jersey signed by two captains, all from a dealer in Riverton.",
        # a record's account with no view in it (BASIL: "From 2007 to 2011, Mr. Jackson bought
        # $10,977.74 worth of televisions ... at Best Buy, according to the documents.")
        "Mr. Lee bought four cars with toll money, according to the documents.",
        # protesters are people, not a protest (BASIL: "A protester captured the exchange on
        # video Tuesday and posted it to YouTube and other websites." was a position), and
        # praise earned from no one named
        "A protester filmed the exchange on Tuesday and posted it online.",
        "Capt. Ana Park, who has earned some praise since she took over, greeted him.",
        "According to a report by the auditors, the port spent $9,000 on flowers.",
        # a question put, with no answer in the sentence (BASIL: "Asked for quick thoughts
        # about each of the candidates ..., Mr. Trump played along." was his position)
        "Asked for quick thoughts about each of the candidates, Ms. Park played along.",
        "When asked about the toll, the mayor smiled.",
        # others' calls, no one named making them (BASIL: "..., where Ginsburg and Justices
        # Elena Kagan and Clarence Thomas all took part despite calls for them to recuse.")
        "The three judges all took part despite calls for them to step aside.",
        # a tweet named, not tweeted (BASIL: "... a message shown in the tweets produced by the
        # president's son." was a WikiLeaks position; "... even after a weekend tweet landed the
        # White House in hot water.")
        "The message was shown in the tweets produced by the mayor's son.",
        "The mayor's tweet comes after the port released its figures.",
        # someone's thing proposed, only named (BASIL: "But the deal would provide only a
        # fraction of Trump's originally proposed figure of $5.7 billion ..." was his position)
        "The deal gives only a fraction of the mayor's originally proposed sum of $9 million.",
        # someone's supporters named, no view of theirs given (BASIL: "But some of his
        # supporters have started to walk away, prompting growing calls that it is time to
        # bring the party together to defeat Mr. Trump." was Mrs. Clinton's position)
        "But some of his supporters have started to walk away from the campaign.",
        # one questioned by investigators (BASIL: "Michael T. Flynn ... pleaded guilty on
        # Friday to lying to the F.B.I. when he was questioned early this year about his
        # conversations with the Russian ambassador.")
        "Tom Lee pleaded guilty on Friday to lying when he was questioned in May.",
        "The mayor is eager to bring Lee and his backers into the fold.",
        # the writer's guess at a motive (BASIL: "Perhaps out of a belief that an impeachment
        # fight would help him politically ..., Mr. Trump dived into the conversation head
        # first." was Trump's position)
        "Perhaps out of a belief that the fight would help her, Ms. Park dived in head first.",
        # what is yet to be told (BASIL: "The battle for control of the Republican National
        # Committee will take a new turn on Monday when Michael Steele announces whether he
        # plans to step down ... or will disregard the onslaught of criticism ..." was his
        # position and the committee's)
        "The race turns on Monday when Ms. Park announces whether she plans to step down.",
        "It is unclear whether she backs the levy.",
        # an agreement made, a deal, not agreement held (BASIL: "Mr. Ryan was working with
        # lawyers for the Trump family as part of a joint defense agreement." was his position)
        "Mr. Lee worked with the family's lawyers as part of a joint defense agreement.",
        "The agreement has not been sent to the council.",
    ],
)
def test_a_sentence_that_only_describes_someone_shows_no_view(sentence: str) -> None:
    assert not states_a_view(sentence)


def test_a_word_in_quotation_marks_after_a_verb_of_saying_is_still_quoted() -> None:
    assert states_a_view("She called the levy \u201cunfair\u201d on Monday.")
    assert states_a_view("The levy is \u201cunworkable\u201d, she told them.")
    assert states_a_view("Mr. Vale: \u201cNo.\u201d")


def test_a_concern_is_still_a_view_and_a_harm() -> None:
    for sentence in (
        "The guild concerns itself with the levy's cost.",
        "The mayor raised concerns about the levy.",
        "Traders are concerned the levy is unfair.",
    ):
        assert states_a_view(sentence), sentence
    assert names_a_harm("The mayor raised concerns about the levy.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Shopkeepers warned that trade would fall in the centre.",
        "The rule could be misused to track journalists.",
        "Drivers may pay twice for the same trip.",
        "Critics fear the data will be shared without oversight.",
        "The fund will be exhausted by 2036 unless taxes rise.",
        "Privacy groups say the scheme puts drivers' data at risk.",
        "The plan couldn't survive a court challenge, lawyers said.",
        # a modal verb before a consequence
        "Repeal would also wipe out the new benefits.",
        "The bill could lead to the disclosure of secrets.",
        "It would result in the market taking a hit.",
        # BASIL: "said the violence would have been a "massacre" if not for ... detail"
        "Members said the violence would have been a massacre without the guards.",
        # a power turned on people
        "Without a warrant the new powers could be used against reporters.",
        # something going wrong, and death
        "Officials fear what could go badly wrong at the port.",
        "Two divers were found dead near the pier.",
        "Unions warn the plan would cut pay for dockworkers.",
        # BASIL: "“I find Indiana’s new law disturbing, particularly at a time when ...,"
        # Inslee said in a statement."
        "\u201cI find the new toll disturbing,\u201d Ms. Lund said in a statement.",
        "It is deeply troubling, she said.",
        # a remedy beside a harm warned of (BASIL: "AARP insisted that the Social Security
        # trust funds should not be raided to reduce the deficit ...")
        "The plan to curb inflation could lead to job losses.",
        "The guild insisted the pension fund should not be raided to reduce the deficit.",
        "The fight over the deficit has begun, critics said.",
        "Iran proposed to eliminate human rights safeguards.",
        "Reporters could face prosecution for publishing the files.",
        "Russian agents hacked the party's email, officials said.",
        "She said the port chief should be prosecuted.",
        "The toll could lead to the death of small shops, she warned.",
        # BASIL: "In a Friday statement, Royce pointed to the unrest in Zimbabwe -- where a
        # military coup is thought to be unfolding -- and said he has no confidence that the
        # regime is properly managing conservation programs." named no harm
        "She pointed to the unrest in the north and said the port was not safe.",
        "A military coup is thought to be unfolding there, he said.",
        "The attack on the port shut it for a week, he said.",
        "Rebels could attack the port, she warned.",
    ],
)
def test_a_sentence_that_warns_of_something_names_a_harm(sentence: str) -> None:
    assert names_a_harm(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The charge was adopted by the council on 3 March 2025.",
        "The council adopted the charge in May 2025.",
        "The minister emphasised the need for closer cooperation among cities.",
        "Delegates are meeting in the capital to finalise the text.",
        # stems of harm inside other words
        "The director of the unit spoke in Los Angeles, Mr. Spyer said.",
        "\u201cYour complaint faces in two directions,\u201d the judge told a lawyer.",
        # BASIL: a modal verb with no consequence after it ("he would be in Switzerland
        # negotiating", "would not go that far", "You may have heard that ...")
        "Ms. Park said Tuesday that she would be in Geneva negotiating.",
        "Mr. Lee would not go that far but said the chief must apologize.",
        "\u201cYou may have heard that the mayor chose a deputy.",
        "He may have a fondness for her, but he called her choice odd.",
        # BASIL names that begin like harms: "Sen. Mark Warner", "Crimea", "Costa Rica"
        "Sen. Warner flew to Costa Rica and then to Crimea for the talks.",
        "The surplus would be used for new schools in the north.",
        # someone being wrong (BASIL: "For the record, I love my sister, but she is dead wrong
        # on the issue of marriage.", "The problem is, those views are wrong.", "Lerner said
        # ... that she had done nothing wrong.")
        "\u201cI love my brother, but he is dead wrong on the toll,\u201d Ms. Lee wrote.",
        "Ms. Park said at the hearing that she had done nothing wrong.",
        "Mr. Lee is dead set on the plan, and his views are wrong, Ms. Park said.",
        # BASIL: "Ms. Ernst said that qualified her to “cut pork” in Washington."
        "Ms. Park said that qualified her to \u201ccut pork\u201d at the port.",
        "He vowed to cut waste and red tape, and to cut taxes.",
        # BASIL: "... Congressman Anthony Weiner (D-N.Y.) broke his silence Wednesday about the
        # controversy surrounding a lewd photo sent from his Twitter account."
        "Mr. Lee broke his silence Wednesday about the photo sent from his account.",
        "The council held a moment of silence for the crew.",
        # BASIL: "But not even Gillespie, when he was asked by a reporter where he was going
        # before he cut himself off, could resist getting some digs at Biden."
        "Not even Mr. Lee, before he cut himself off, could resist a dig at the mayor.",
        # a harm fought or ended is a remedy (a BASIL story's "eliminating fraud" was a risk)
        "The council said the new rolls aim at eliminating voter fraud.",
        "They vowed to fight corruption and to reduce the deficit.",
        "The port will crack down on crime, its chief said.",
        # a worry denied (BASIL: "Biden didn\u2019t worry so much about numbers." was a risk
        # Biden raised; "she\u2019s not worried about her job")
        "Mr. Lee didn\u2019t worry so much about numbers.",
        "Ms. Park said she is not worried about her seat.",
        "\u201cThe mayor is not particularly concerned about that,\u201d Mr. Lee said.",
        # prosecutors are no prosecution (BASIL: "Tom Kirsch, an attorney for Jackson's wife,
        # said she has signed a plea agreement with federal prosecutors and would plead
        # guilty to one tax count." was a risk)
        "Her lawyer said she has signed a plea deal with federal prosecutors.",
        # a political hack is a person (BASIL: "... unlike Lyin' Ted Cruz I do not surround
        # myself with political hacks and henchman (sic) and then pretend total innocence.")
        "Unlike Mr. Lee, I do not surround myself with political hacks, she said.",
        "The council asked the ministry to appoint a special prosecutor.",
        # a named person's death, a fact told (BASIL: "Mr. McConnell has said he wants the
        # Senate to confirm Judge Gorsuch to fill the vacancy, which was created by the death
        # of Justice Antonin Scalia more than a year ago, ..." was McConnell's risk)
        "She said she wants to fill the seat, left empty by the death of Judge Ana Park.",
        "The couple used a coupon at the port cafe.",
        # an attack in words on a person, or an "attack dog" (BASIL: "accusing the civil rights
        # body of acting as a “partisan political attack dog”" and "people who attack my wife
        # and attack my family" were risks)
        "The club called the union a partisan attack dog.",
        "I do not back people who attack my wife, Mr. Lee said.",
        "The ads kept attacking Ms. Park as a spendthrift.",
    ],
)
def test_a_sentence_that_warns_of_nothing_names_no_harm(sentence: str) -> None:
    assert not names_a_harm(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shopkeepers warned that trade would fall in the centre.",
        "Critics fear the data will be shared without oversight.",
        "The union filed a lawsuit over the unsafe conditions.",
        "Mr. Lund offered a dire assessment of the stakes.",
        '"It will cost jobs," the mayor said.',
        "Mr. Vale described the toll as a threat to small shops.",
        "The union made allegations of abuse against the council.",
        "After the allegations surfaced, the union warned of abuse at the port.",
        # not only a worry denied, but a worry
        "Ms. Park is not only worried about the toll; she fears for the port.",
        "Ms. Park said she was not concerned about the toll, but fears it will hurt trade.",
    ],
)
def test_a_warning_someone_gives_voices_a_harm(sentence: str) -> None:
    assert voices_a_harm(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # The harm is done or planned, not warned of (seeds, BASIL).
        "Norland proposed to eliminate the privacy safeguards from the charge.",
        "The senator pushed through a law that would have turned officers into border agents.",
        "The fund will be exhausted by 2036 unless taxes rise.",
        # A harm named but no one speaking; and "objective" or "issue" are no objection or suit.
        "The objective of the rule is to cut fraud.",
        "The issue could cost the city its grant.",
        # No harm at all; a tax cut is none (BASIL: "a tax cut bill could be on the Senate
        # floor as early as Thursday").
        "Shopkeepers said the market opens at nine.",
        "Mr. Lee told reporters that a tax cut bill could reach the floor on Thursday.",
        # A pronoun is no voice (BASIL: "In 1970, with his last deferment in jeopardy, he landed
        # a coveted spot ..."), nor criticism someone drew ("Dodd, who faced an onslaught of
        # criticism for his involvement with ...").
        "In 1970, with his last permit in jeopardy, he landed a post abroad.",
        "Mr. Vale, who faced an onslaught of criticism for his ties to a failed lender, quit.",
        # The second half of a compound is no verb of saying (BASIL: "Sayoc is a registered
        # Republican and a self-described promoter and booking agent. He has a history of
        # multiple arrests, including for felony grand theft ..." was a risk he raised).
        "Vale is a self-described promoter. He has a history of arrests for felony theft.",
        "The so-called toll tax has a history of arrests for fraud behind it.",
        # What something is about is no concern (BASIL: "The most recent back-and-forth
        # between the Romney and Obama campaigns concerns which candidate would do more harm
        # to people's benefits." was a risk Romney raised)
        "The row between the two camps concerns which one would do more harm to shops.",
        # Allegations, criticism and claims someone is under (BASIL: "U.S. Representative
        # Blake Farenthold resigned from Congress on Friday, following multiple allegations
        # of sexual harassment, ...", "LePage ... declared on Wednesday that he would not step
        # down despite widespread criticism over a profane threat ...")
        "Mr. Vale resigned on Friday, following multiple allegations of harassment.",
        "Mr. Vale declared that he would not step down despite criticism over a threat.",
        "He quit after reports that he used port money to settle harassment claims.",
        # (BASIL: "Farenthold used $84,000 in taxpayer funds to settle a sexual harassment
        # lawsuit his former communications director, Lauren Greene, had filed in 2014,
        # Politico reported in December." was a risk Farenthold raised)
        "Mr. Vale used port money to settle a harassment lawsuit his aide had filed.",
        # protesters are no protest (BASIL: "The authorities made at least 47 arrests after
        # demonstrators tossed bottles ..., some of whom used pepper spray to subdue some
        # protesters." was a risk the protesters raised)
        "Police made 47 arrests after some protesters threw bottles at the port gate.",
    ],
)
def test_a_harm_no_one_warns_of_is_not_voiced(sentence: str) -> None:
    assert not voices_a_harm(sentence)


def test_a_pronoun_reports_someone_but_does_not_by_itself_show_a_view() -> None:
    sentence = "They met on the third floor."
    assert reports_someone(sentence)
    assert not states_a_view(sentence)


def test_a_pronoun_reports_only_a_speaker_it_can_stand_for() -> None:
    assert reports_someone("She is sure the plan is late.", "person")
    assert not reports_someone("She is sure the plan is late.", "organisation")
    assert reports_someone("They agree on one point: the plan is late.", "organisation")
    assert not reports_someone("They agree on one point: the plan is late.", "person")
    # Quoted or reported words stand for anyone.
    assert reports_someone('"The plan is late," the minister said.', "organisation")


@pytest.mark.parametrize(
    "sentence",
    [
        "Their office is on the third floor.",
        # BASIL: carried the judge named before it into a position of his.
        "His wife is expected to plead guilty before the same judge on Wednesday.",
        # BASIL: "claims" as a noun carried three companies named before into a position.
        "Much of the hearing turned on whether the women could join their claims in one case.",
        "Ms. Lund's claim was heard on Monday.",
    ],
)
def test_a_possessive_pronoun_reports_no_one(sentence: str) -> None:
    assert not reports_someone(sentence)


def test_claim_as_a_verb_reports_someone() -> None:
    assert reports_someone("The lawsuit claims that the firm pays women less.")
    assert reports_someone("Retailers claim the toll is unfair.")


def test_cues_match_at_the_start_of_a_word_only() -> None:
    # "support" inside another word, "ban" inside "urban", "may" inside "mayor": no cue.
    assert not states_a_view("The unsupportable timetable slipped.")
    assert not names_a_harm("The urban mayor opened the station.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Le ministère a adopté le texte le 3 mars 2025.",
        "Die Regierung hat den Vertrag am Montag unterzeichnet.",
    ],
)
def test_a_sentence_in_another_language_is_not_judged(sentence: str) -> None:
    # The word lists are English; a French or German source must not lose its facts to them.
    assert states_a_view(sentence) and names_a_harm(sentence)


def test_an_english_sentence_with_few_function_words_is_still_judged() -> None:
    # BASIL: a writer's remark on a speech read as another language and passed unjudged.
    sentence = "Without a script, Mr. Lee often drifted into cliches."
    assert not states_a_view(sentence) and not names_a_harm(sentence)
    # BASIL: "Rep. Jim Jordan (R-Ohio) also demurred." was passed unjudged, and is a view; so
    # is "Chris Johnson sees a double standard."
    assert states_a_view("Rep. Ana Park (R-Ore.) also demurred.")
    assert states_a_view("Tom Vale sees a double standard.")
    assert states_a_view("Tom Vale found the plan hypocritical.")


@pytest.mark.parametrize(
    ("sentence", "reports"),
    [
        # BASIL: "... according to tax returns released Friday": figures, no one's view
        ("The couple earned about $9 million, according to tax returns released Friday.", False),
        ("Turnout fell by a third, according to official figures.", False),
        ("The levy rose twice, according to court records.", False),
        ("The plan will fail, according to a senior aide.", True),
        ("The talks stalled, according to the ministry.", True),
    ],
)
def test_according_to_records_reports_no_ones_words(sentence: str, reports: bool) -> None:
    assert reports_someone(sentence) is reports
    assert states_a_view(sentence) is reports


@pytest.mark.parametrize(
    ("name", "sentence", "addressed"),
    [
        ("national parliaments", "It asks national parliaments to refuse ratification.", True),
        ("The Daily Courier", "\u201cWe will appeal,\u201d she told The Daily Courier.", True),
        # BASIL: "on the radio show of former Republican presidential candidate Mike Huckabee"
        ("Ana Park", "He spoke on the radio show of former councillor Ana Park.", True),
        # BASIL: "tweeted to a Seattle woman, later identified as Gennette Cordova"
        ("Ana Park", "It was sent to a woman in Riverton, later identified as Ana Park.", True),
        # BASIL: "offered support ... for the nomination of Victoria Nuland"
        ("Ana Park", "Two senators offered support for the nomination of Ana Park.", True),
        ("the UN", "The coalition called on the UN to pause the vote.", True),
        # BASIL: "growing frustrated with Reince Priebus, ..., who they contend is ..."
        ("Ana Park", "Some members are growing frustrated with Ana Park, the chair.", True),
        ("Ana Park", "The mayors were angry at Ana Park over the levy.", True),
        # BASIL: "imposed a number of restrictions on the White House"
        ("Harbor Board", "The bill imposed new limits on the Harbor Board.", True),
        ("Harbor Board", "The Harbor Board imposed new limits on travel.", False),
        # BASIL: "A top Trump campaign official dispatched Roger J. Stone Jr. ... to get"
        ("Ana Park", "An aide dispatched Ana Park to get the papers.", True),
        # BASIL: "referring to an exchange with Speaker Nancy Pelosi during a meeting"
        ("Ana Park", "He was referring to an exchange with Mayor Ana Park on Friday.", True),
        # BASIL: "the Senate panel quietly called back for another interview with Jared Kushner"
        ("Ana Park", "The panel called back for another interview with Ana Park.", True),
        # BASIL: "Mr. Trump succeeded in ratcheting up the political pressure on Ms. Pelosi"
        ("Ana Park", "Aides said he raised the pressure on Ms. Park this week.", True),
        # BASIL: "sending a representative next week to the American Israel Public Affairs
        # Committee's conference"
        (
            "Harbor League",
            "It has not sent an envoy this year to the Harbor League's summit.",
            True,
        ),
        # BASIL: "an eagerness to assail presumptive GOP nominee Donald Trump", "to meet with
        # President Enrique Pena Nieto", "rescind a job offer to ... Speaker Mark Eves"
        ("Ana Park", "He is eager to assail Ana Park, which could help.", True),
        ("Ana Park", "He flies to Riverton to meet with Mayor Ana Park.", True),
        ("Ana Park", "The school was told to rescind a job offer to Speaker Ana Park.", True),
        # BASIL: "offered swift, negative reactions to Michael Steele", "Federal prosecutors have
        # subpoenaed New Jersey Gov. Chris Christie's campaign"
        ("Ana Park", "Several donors offered swift, negative reactions to Ana Park.", True),
        # BASIL: "But members of Mr. Trump's staff -- alarmed by his rapid embrace of Mr.
        # Lieberman, ... -- have quietly urged him to take more time" was Lieberman's position
        ("Ana Park", "His aides, alarmed by his embrace of Ana Park, urged him to wait.", True),
        ("Ana Park", "The mayor has voiced strong support for Ana Park.", True),
        ("Ana Park", "The levy won the support of Ana Park on Monday.", False),
        ("Ana Park", "Ana Park spoke in defense of the levy.", False),
        # BASIL: "... issued subpoenas Tuesday afternoon to Mr. Flynn's two firms, seeking
        # information ..." was Flynn's position
        ("Ana Park", "The panel issued subpoenas Tuesday afternoon to Ms. Park's firms.", True),
        ("Park campaign", "Prosecutors have subpoenaed the Park campaign over the loans.", True),
        # BASIL: "took a swipe at CNN and MSNBC"; "Multiple sources identified the suspect to
        # Fox News as Cesar Sayoc"
        ("Riverton Radio", "He took a swipe at Harbor TV and Riverton Radio.", True),
        ("Ana Park", "Sources identified the suspect to Harbor TV as Ana Park.", True),
        ("Ana Park", "\u201cWe will go,\u201d he told Harbor TV, and Ana Park agreed.", False),
        ("the ministry", "The ministry told reporters it would sign.", False),
        ("The Daily Courier", "The Daily Courier reported that the vote was close.", False),
        # the one judged is not the judge
        ("Obama", "Trump accused Obama of conducting a confusing policy on Libya.", True),
        ("Rick Perry", "Sheriff Joe Arpaio endorsed Rick Perry on Tuesday.", True),
        ("the union", "The mayor criticised the union for the strike.", True),
        ("John Boehner", "The president called out John Boehner for the delay.", True),
        ("John Boehner", "Obama went on, calling out Speaker of the House John Boehner.", True),
        # BASIL: "The White House asked former President Bill Clinton to talk to Rep. Joe
        # Sestak about ..." was a position of Clinton's
        ("Ana Park", "The council asked former Mayor Ana Park to talk to the union.", True),
        ("Ana Park", "The council asked then-Mayor Ana Park to talk to the union.", True),
        ("John Boehner", "Obama asked the committee whether John Boehner agreed.", False),
        ("Joe Arpaio", "Joe Arpaio endorsed Rick Perry on Tuesday.", False),
        # the one sided with
        ("landlords", "The court's majority has sided with landlords in case after case.", True),
        ("the court", "The court sided with the tenants on Friday.", False),
        # the one a feeling or a fight is aimed at
        ("Ms. Park", "There was anger toward Ms. Park on the call, two members said.", True),
        ("Tom Lee", "The union ran a campaign against Tom Lee all spring.", True),
        ("the Courier", "He then took a swipe at the Courier, calling it fake.", True),
        # the one taken to task (BASIL: "... faculty and administrators have called
        # Representative Paul Ryan (R-Wisc.) to task for his misuse of Catholic social
        # teaching", "The letter ... took Mr. Ryan to task for that argument")
        ("Tom Lee", "Scholars have called Mayor Tom Lee (R-Vale) to task for the toll.", True),
        ("Mr. Lee", "The letter took Mr. Lee to task for that argument.", True),
        ("Mr. Lee", "Mr. Lee took the council to task for the toll.", False),
        ("Tom Lee", "He blamed a rival, a clear reference to Tom Lee.", True),
        # the one spoken of or described
        ("Obama", 'Of Obama, he said, "I want him to do well."', True),
        ("Mitt Romney", "The magazine portrayed Mitt Romney as a star of the show.", True),
        # BASIL: "... and cast former Secretary of State Hillary Clinton as his loyal deputy."
        ("Ana Lund", "He cast former Mayor Ana Lund as his loyal deputy.", True),
        ("Obama", "Obama said of the plan that it would work.", False),
        # BASIL: '"He's cool," Murray said of Cowan. "Tom Brady, ... have nothing on Mo."' was
        # a position of Mo Cowan's
        ("Cowan", "\u201cHe is cool,\u201d Lund said of Cowan.", True),
        ("Lund", "\u201cHe is cool,\u201d Lund said of Cowan.", False),
        # the one given something
        ("officials", "Ms. Nuland sent officials a pointed e-mail, objecting to the text.", True),
        ("the Representative", "The scholars gave the Representative a reading list.", True),
        ("Ms. Nuland", "Ms. Nuland sent officials a pointed e-mail.", False),
        # named twice: once spoken to, once speaking
        ("Berg", "Berg told Berg's staff that he backs the text.", False),
        # the one a letter is sent to, and a person named by surname alone
        ("Tom Berg", "Nine firms sent a letter to Berg listing their worries.", True),
        ("Tom Berg", "Berg sent a letter to the firms.", False),
        ("Ada Rose", "The senator also told Rose he would not sign it.", True),
        # the one run against, after a post before a comma (BASIL: "few of them give Mr.
        # Labrador much of a chance against the current House majority whip, Representative
        # Kevin McCarthy of California." was McCarthy's position)
        ("Ana Lund", "Few give him a chance against the current port chair, Mayor Ana Lund.", True),
        # a press secretary is not pressed (BASIL: "White House Press Secretary Josh Earnest
        # said in a statement." was only spoken to, ten sentences so read)
        ("Tom Vale", "Port Press Secretary Tom Vale said the toll was fair.", False),
        ("Tom Vale", "\u201cNo,\u201d the port\u2019s press secretary, Tom Vale, said.", False),
        ("Tom Vale", "The union pressed Tom Vale to drop the toll.", True),
        # the one let or made to act (BASIL: "... since the House of Representatives refused
        # on Friday to allow Mr. Obama to negotiate it freely, Mrs. Clinton laid out ..." was
        # Obama's position)
        ("Tom Vale", "The board refused to allow Mr. Vale to set the toll.", True),
        ("Tom Vale", "The rules permitted Tom Vale to use his own email.", True),
    ],
)
def test_a_name_only_spoken_to_is_an_addressed_mention(
    name: str, sentence: str, addressed: bool
) -> None:
    assert (addressed_mention(name, sentence) is not None) is addressed


@pytest.mark.parametrize(
    ("sentence", "reports"),
    [
        ("It identifies three main risks:", True),
        ("The report highlighted two gaps in the text.", True),
        ("The minister outlined the plan.", True),
        ("The convention will enter into force 90 days after ratification.", False),
    ],
)
def test_a_body_that_identifies_or_outlines_points_reports_them(
    sentence: str, reports: bool
) -> None:
    assert reports_someone(sentence) is reports


def test_proposing_takes_a_side_and_the_proposed_text_does_not() -> None:
    assert states_a_view("Russia proposed the treaty in 2017.")
    assert states_a_view("The ministry proposes a lighter levy.")
    assert not states_a_view("The House is to take up the proposed trim on Thursday.")
    assert not states_a_view("Delegates met to finalize the proposed text.")


def test_a_view_with_its_holder_after_it_is_found() -> None:
    sentence = "The text has sparked debate and opposition from various stakeholders, as expected."
    ((start, end, holder),) = views_of_others(sentence)
    assert sentence[start:end] == "opposition from various stakeholders"
    assert holder == "various stakeholders"
    # The holder runs to the next punctuation: enough to ask whether it names an actor.
    holder = views_of_others("Criticism by rights groups grew; the minister shrugged.")[0][2]
    assert holder == "rights groups grew"
    assert views_of_others("The minister backed the plan.") == []


@pytest.mark.parametrize(
    ("sentence", "view"),
    [
        # BASIL: "Critics, however, say the Indiana law includes different wording ..."
        (
            "Critics, however, say the Veltra law could open the door to abuse.",
            "Critics, however, say",
        ),
        ("Opponents have argued the levy is unfair.", "Opponents have argued"),
        ("Many critics warned of delays.", "Many critics warned"),
        # BASIL: "prompted critics to once again question the tactics of Special Counsel ..."
        (
            "The arrest prompted critics to once again question it.",
            "critics to once again question",
        ),
    ],
)
def test_a_view_of_critics_no_one_names_is_theirs(sentence: str, view: str) -> None:
    ((start, end, holder),) = views_of_others(sentence)
    assert sentence[start:end] == view
    assert holder.lower().endswith(("critics", "opponents"))


def test_concerns_spoken_of_as_theirs_are_held_by_them() -> None:
    """BASIL: "Colorado Gov. John Hickenlooper told The Denver Post he spoke with Nebraska and
    Oklahoma officials about their concerns." was a risk Hickenlooper raised."""
    sentence = "The mayor said she spoke with port officials about their concerns."
    ((start, end, holder),) = views_of_others(sentence)
    assert (sentence[start:end], holder) == ("about their concerns", "their")
    assert views_of_others("The mayor voiced her concerns.") == []


def test_a_view_a_relative_clause_gives_is_held_by_the_people_before_it() -> None:
    # BASIL: "the half-dozen Republican senators who have criticized the declaration"
    sentence = "It needs the votes of the four Labour councillors who have criticized the levy."
    ((start, end, holder),) = views_of_others(sentence)
    assert sentence[start:end] == "Labour councillors who have criticized"
    assert holder == "Labour councillors"
    assert views_of_others("Drivers who backed it were few.")[0][2] == "Drivers"
    assert views_of_others("The levy, which councillors criticized, passed.") == []
    # BASIL: "... a private meeting with House Democrats who are resisting the deal, saying
    # it gives away too much to the wealthy." was a position of Vice President Biden's
    met = "Mayor Ada Lund met Harbour Democrats who are resisting the levy, saying it is unfair."
    ((start, end, holder),) = views_of_others(met)
    assert met[start:end] == "Harbour Democrats who are resisting the levy, saying it is unfair."
    assert holder == "Harbour Democrats"
    # BASIL: "Trump Jr. became embroiled in the Russia investigation after it was revealed he
    # and other campaign officials met with a Kremlin-backed attorney in June 2016 who had
    # promised damaging information about Clinton." was Trump Jr.'s position
    met = "Mr. Vale met with a port-backed lawyer in May who had promised files on the mayor."
    ((start, end, holder),) = views_of_others(met)
    assert holder == "a port-backed lawyer"
    assert met[start:end] == "a port-backed lawyer in May who had promised files on the mayor"
    # not another's title set off by commas, nor a time
    assert views_of_others("He knows Tom Vale, a former mayor, who has said it would pass.") == []
    assert views_of_others("She met girls who were teens at the time who claimed it.") == []


def test_a_view_someone_named_is_made_to_take_is_theirs() -> None:
    # BASIL: "..., forcing Mr. Trump to issue the first veto of his presidency."
    sentence = "It could pass, forcing Mayor Ivo Brandt to issue his first veto, aides said."
    ((start, end, holder),) = views_of_others(sentence)
    assert sentence[start:end] == "forcing Mayor Ivo Brandt to issue his first veto"
    assert holder == "Mayor Ivo Brandt"
    assert views_of_others("Rain forced the council to meet indoors.") == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mr. Obama said the two leaders had supported public works.", "Mr. Obama"),
        (
            "\u201cIt is time to act,\u201d said Jonathan Cowan, president of Third Way.",
            "Jonathan Cowan",
        ),
        ("AARP insisted that the trust funds should not be raided.", "AARP"),
        (
            "But Justice Stephen G. Breyer said the company could be held to account.",
            "Justice Stephen G. Breyer",
        ),
        (
            "Max Richtman, executive vice president of the committee, an advocacy group, said "
            "the talks were a mistake.",
            "Max Richtman",
        ),
        # the first speaker named, whichever side of the verb
        (
            "\u201cWe will fight,\u201d said Lena Smith, adding that Tom Jones said no.",
            "Lena Smith",
        ),
        (
            "And actor Tom Vale recently tweeted: \u201cAre you serious?\u201d",
            "Tom Vale",
        ),
        # a speaker's words going on after a comma-enclosed tag
        ("That plan, Tom Lee continued, would raise the tolls.", "Tom Lee"),
        ("The talks continued until Monday.", None),
        # a verb of taking a side names its subject, never the one it judges
        (
            "With the moderator, Jane Roe, opening the debate, Tom Lee criticized the plan.",
            "Tom Lee",
        ),
        ("The mayor's office said nothing as Ada Park accused Tom Lee of delay.", "Ada Park"),
        ("They criticized Tom Lee on Monday.", None),
        # a pronoun, a common noun, no verb of saying: no speaker named
        ("He added: \u201cI think it is important.\u201d", None),
        # a day after the verb is no speaker (SummEdits news: "He said Tuesday he
        # will suspend his account, ..." was "Tuesday"'s)
        ("He said Tuesday he will suspend his account.", None),
        ("\u201cWe will sign,\u201d she said.", None),
        ("The official said that he had been told.", None),
        ("Critics said the plan was flawed.", None),
        ("The coalition notes that Human Rights Watch has raised concerns.", None),
        ("Human Rights Watch published a report on Monday.", None),
    ],
)
def test_the_speaker_a_sentence_names_beside_a_verb_of_saying(
    sentence: str, speaker: str | None
) -> None:
    assert named_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker", "span"),
    [
        (
            "The port authority is taking over the inquiry, Harbour Chief Ana Ruiz said.",
            "Harbour Chief Ana Ruiz",
            "Harbour Chief Ana Ruiz said",
        ),
        # a name that names no one is passed over, as is one after a preposition ("of
        # Riverton"); the titles between commas stay in the span
        (
            "On Monday, the mayor of Riverton, Dana Wolfe, said the council had agreed.",
            "Dana Wolfe",
            "Dana Wolfe, said",
        ),
        (
            "After Ben Ortiz said the toll was unfair, Ms. Wolfe backed it.",
            "Ben Ortiz",
            "After Ben Ortiz said",
        ),
        (
            "However, one of her lawyers, Tom Kirsch, says the deal stands.",
            "Tom Kirsch",
            "Tom Kirsch, says",
        ),
        # three titles between commas
        (
            "Ed Ward, a rival of Ana Park, a Democrat, in the Third District, said it.",
            "Ed Ward",
            "Ed Ward, a rival of Ana Park, a Democrat, in the Third District, said",
        ),
        # a long one (BASIL: Peter T. King's, over 80 characters, left Goodlatte as a speaker)
        (
            "Ed Ward, a Republican of the Third District and a longtime critic of proposals to "
            "change the harbour tolls, said it was significant.",
            "Ed Ward",
            None,
        ),
        # a clause of "who" longer still (BASIL: Arpaio's, over 120 characters, left the
        # sentence to Rick Perry, named in what he said)
        (
            "The self-styled People's Mayor, who famously reopened the night ferry in 1995 and "
            "has also been a loud supporter of the harbour district's disputed tolls, said that "
            "Ortiz has done more than any rival.",
            "People's Mayor",
            None,
        ),
        # after a comma and "and", a new clause (BASIL: "More than 40 F.B.I. agents have been
        # dispatched to Ferguson, and Mr. Holder said they are ..." was the agents')
        (
            "Forty port agents have been sent to Riverton, and Mr. Vale said they are busy.",
            "Mr. Vale",
            "Mr. Vale said",
        ),
        # named after the verb, the clause ending with the name (an aside may follow)
        ("                 said Rep. Ada Park (D-Ore.), who chairs it.", "Rep. Ada Park", None),
        # the first verb of saying decides; one inside the reported words does not
        (
            "A Riverton councillor, Ben Ortiz, also said that Ms. Wolfe told him so.",
            None,
            None,
        ),
        # no named speaker: a place after a preposition, a possessive's person, a common noun
        ("Attorneys general in Utah and New Mexico said they would wait.", None, None),
        ("                 said Mr. Lee's deputy had called.", None, None),
        ("Officials said the plan would go ahead.", None, None),
        ("The council adopted the plan on Monday.", None, None),
    ],
)
def test_the_speaker_of_a_sentences_first_verb_of_saying(
    sentence: str, speaker: str | None, span: str | None
) -> None:
    found = first_speaker(sentence)
    assert (found[0] if found else None) == speaker
    if span is not None:
        assert found is not None and sentence[found[1] : found[2]] == span


def test_a_pronoun_speaker_that_cannot_stand_for_the_actor_is_named() -> None:
    said = '"The plan is late," he said on the Sunday show.'
    assert pronoun_speaker(said, "organisation") == "he"
    assert pronoun_speaker(said, "person") is None
    assert pronoun_speaker('"It is late," they added.', "person") == "they"
    assert pronoun_speaker('"It is late," they added.', "group") is None
    assert pronoun_speaker("He added: the plan is late.", "organisation") == "he"
    assert pronoun_speaker('"It is late," the minister said.', "organisation") is None


@pytest.mark.parametrize(
    ("sentence", "no_comment"),
    [
        ("She has declined to comment on the allegation.", True),
        ("A spokesman, Nick Ames, did not immediately return emails seeking comment Friday.", True),
        ("A spokesman for the prosecutor said he could not confirm, deny or comment on it.", True),
        ("Mr. Lee said on his blog that he could not confirm whether they had met.", True),
        ("The office was not available for comment.", True),
        ("She was mum on whether she considered his proposal a final deal.", True),
        # BASIL: "Neither the White House nor Fincher made any public comment about the issue
        # Saturday." was the White House's "neutral" position
        ("Neither the council nor Ms. Lund made any public comment about it Saturday.", True),
        ("He made comments about the levy, calling it unfair.", False),
        # a view beside the refusal, or no refusal at all
        ("She declined to comment, but said the plan was flawed.", False),
        # the refusal in an opening clause of contrast (SummEdits news: "While Cumberland and
        # Amber Group did not respond to Forbes' request for comment, Binance's Chief
        # Strategy Officer Patrick Hillmann suggested that ...")
        (
            "While the union did not respond to a request for comment, the port's director "
            "Ana Park suggested that the levy was routine.",
            False,
        ),
        ("While in Riverton, she declined to comment on the levy.", True),
        ("He said he would not support the bill.", False),
        ("Smith said the bill could not pass.", False),
    ],
)
def test_a_sentence_saying_only_that_no_comment_was_given(sentence: str, no_comment: bool) -> None:
    assert gives_no_comment(sentence) == no_comment
    assert states_a_view(sentence) != no_comment


@pytest.mark.parametrize(
    ("sentence", "of_another"),
    [
        ("The ministry insists the law is safe.", True),
        ("People told us the law is dangerous.", True),
        ("I told the committee the law is unsafe.", False),
        ("We said from the start that the bill is flawed.", False),
        ("The bill is flawed.", False),
        # "adds" that is no telling
        ("If parliament adds these amendments, we will support it.", False),
    ],
)
def test_words_a_speaker_reports_of_another(sentence: str, of_another: bool) -> None:
    assert says_of_another(sentence) is of_another


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("Mr. Obama said the two leaders had backed it.", ["Mr. Obama"]),
        # Two speakers joined by "and", each less the state they are "of".
        (
            "It is a power grab, Speaker Ana Park of California and Senator Ivo Brandt of New "
            "York said in a statement.",
            ["Speaker Ana Park", "Senator Ivo Brandt"],
        ),
        ("The levy is unfair, said Tom Reyes, the union's director.", ["Tom Reyes"]),
        ("It is unfair, said Tom Reyes in a statement.", ["Tom Reyes"]),
        # A name after the verb that goes on as the subject of what was said is no speaker.
        ("They vowed Congress would defend its powers.", []),
        # Two names joined before the verb are two speakers; after it, none is read.
        ("On Friday, Port Workers and Tom Reyes said no.", ["Port Workers", "Tom Reyes"]),
        ("No, said Ana Park and Tom Reyes.", []),
        # The one told is no speaker.
        ("A source told Harbour News on Friday that it was over.", []),
        ("The port and Tom Reyes said no.", ["Tom Reyes"]),
        # A body's name with "and" in it is one speaker, not two, nor its last words.
        (
            "The rule stands, a spokesperson for the U.S. Fish and Wildlife Service said.",
            ["U.S. Fish and Wildlife Service"],
        ),
        (
            "The Department of Health and Human Services said on Monday it would act.",
            ["Department of Health and Human Services"],
        ),
        ("The Food and Drug Administration said it would act.", ["Food and Drug Administration"]),
        (
            "Human Rights Watch and Harbour Port Authority said no.",
            ["Human Rights Watch", "Harbour Port Authority"],
        ),
        # Two single words may be one firm or two persons: neither is read.
        ("Procter and Gamble said it would help.", []),
        # A place a noun goes on to qualify is no speaker.
        ("Stay strong, tweeted the Brooklyn, N.Y., chapter of Harbour Watch.", []),
        ("Stay strong, tweeted Harbour Watch, N.Y.", ["Harbour Watch"]),
        # A lower-case particle is part of the name.
        ("Mr. de Léon said Monday that it was a grave mistake.", ["Mr. de Léon"]),
        ("Ana van Dijk, the mayor, said no.", ["Ana van Dijk"]),
        # Who spoke in an opening clause does not speak the main one.
        ("After Ana Park stated her case, the council told her no.", []),
        ("When Ana Park spoke, Tom Reyes said no.", ["Tom Reyes"]),
        ("Pelosi and Senator Ivo Brandt said no.", ["Senator Ivo Brandt"]),
        ("Nobody commented.", []),
        # without the sentence's full stop (BASIL: '..." said Father Reese.' was an actor
        # "Father Reese." beside "Jesuit Father Thomas J. Reese")
        ("It is unfair, said Father Reyes.", ["Father Reyes"]),
        ("It is unfair, said Tom Reyes Jr.", ["Tom Reyes Jr."]),
        # A place is no speaker, nor a day (BASIL: "the statement on her health, from Dr. Lisa
        # Bardack, ... at the Mount Kisco Medical Group in Mount Kisco, New York, said" gave
        # Hillary Clinton's health to an actor "Mount Kisco")
        ("Officials in Riverton, Ohio, said the plan was late.", []),
        ("On Saturday, the mayor of Riverton, Ben Ortiz, said the plan was late.", []),
        ("In Riverton, Mayor Ana Lee said the plan was late.", ["Mayor Ana Lee"]),
        ("A letter from Dr. Ana Lee said the plan was late.", ["Dr. Ana Lee"]),
    ],
)
def test_the_speakers_a_sentence_names(sentence: str, speakers: list[str]) -> None:
    assert named_speakers(sentence) == speakers


def test_a_name_after_a_pronouns_verb_of_saying_is_no_speaker() -> None:
    # BASIL: 'He said Obama "doesn't have a doctrine (on foreign affairs.)' was given to Obama
    # as the speaker of a draft the model made for "foreign affairs".
    for sentence in (
        'He said Park "has no plan (for the port.)',
        "She also said Ada Park \u201chas no plan.\u201d",
    ):
        assert named_speakers(blank_quoted(sentence, 0, len(sentence))) == []
    said = '"It has no plan," said Ada Park, the mayor.'
    assert named_speakers(blank_quoted(said, 0, len(said))) == ["Ada Park"]
    # A quotation blanked out between two names joins neither to the other (BASIL: 'Speaking
    # on ABC's "This Week," Sen. John McCain, R-Ariz., said ...' was "ABC's Sen. John McCain")
    show = 'Speaking on WRVT\'s "Morning Desk," Sen. Ana Lund, R-Harbor, said it was wrong.'
    assert named_speakers(blank_quoted(show, 0, len(show))) == ["Sen. Ana Lund"]
    # a name a plain-text source wraps at a line's end is still one name
    wrapped = "The levy is wrong, said Sen. Ana \nLund on Monday."
    assert named_speakers(blank_quoted(wrapped, 0, len(wrapped))) == ["Sen. Ana Lund"]
