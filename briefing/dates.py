"""Calendar dates in text: whether a date is one, and which one a sentence gives.

An event's date must be a calendar date, and an event drafted by sentence number takes its
date verbatim from its sentence, so the model never writes one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "calendar_date",
    "calendar_dates",
    "is_a_year_alone",
    "is_calendar_date",
    "names_a_weekday",
    "published_day",
    "reckon_weekday",
    "reckon_year",
]

# A calendar date: a month beside a day or year ("8 August 2024", "Aug. 8", "March 2023"), a
# year ("2017", "the 1990s", "Q3 2024") or a numeric date ("08/08/2024", "2024-08-08"). A vote
# count ("102 to 23"), a weekday, "May" alone or a word that starts like a month ("market",
# "decision") is not one.
_MONTH = (
    # ("March" and "May" only as names: "the 9/12 march in D.C." is a protest march)
    r"(?:january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july|august|september"
    r"|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?![\w]))"
)
_YEAR = r"(?:1[5-9]|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A year, or a decade ("the 1990s", "the 1990's"; not "1898's", a year's possessive).
_YEAR_OR_DECADE = rf"{_YEAR}(?:s|(?<=0)['’]s)?"
# Each match spans the whole date as written, so ``calendar_date`` can read it out of a
# sentence: day, month and year together when the text gives them together ("8 August 2024",
# "August 8, 2024", "March 2023", "Q3 2024").
_CALENDAR = re.compile(
    # (not "19 Sept." of "the 19 Sept. 11 hijackers": a day after the month is the month's)
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\.?\s*\d{{1,2}}\b)(?:,?\s+{_YEAR}\b)?"
    rf"|\b{_MONTH}\s+(?:{_DAY}\b(?:,?\s+{_YEAR}\b)?|{_YEAR}\b)"
    rf"|\b(?:[Qq][1-4]\s+)?{_YEAR_OR_DECADE}\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(rf"\b{_YEAR}")
_YEAR_ONLY = re.compile(_YEAR)
_YEAR_OR_DECADE_ONLY = re.compile(_YEAR_OR_DECADE)
# "the <date> <Capitalized word>": a date inside a name ("the 17 February Brigade", "co-chair
# of September 11th Advocates").
_BEFORE_A_NAME = re.compile(r"\b(?:the|of|for|with)\s+$", re.IGNORECASE)
_IN_A_NAME = re.compile(r"\s+(?-i:[A-Z])[a-z]")
# Or a year that ends a name after "of": "the Chicago Convention of 1944", "the Civil Rights
# Act of 1964".
# (not a month's or a season's: "In March of 2019, the port closed" is dated)
_NAME_OF_A_YEAR = re.compile(
    r"\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Fall|Autumn"
    r"|Winter|Christmas|Easter)\w*\s)(?-i:[A-Z])[\w'’-]+\s+of\s+$"
)
# "of the <date> attacks": a past attack's date used as its name dates the attack, not what
# the sentence tells ("families of those killed in the Sept. 11 attacks to sue").
_AFTER_A_PREPOSITION = re.compile(
    r"\b(?:in|of|after|since|before|from|by|to|for|on|over|about|with|against|during)\s+"
    r"(?:the\s+)?(?:\d+\s+)?$",
    re.IGNORECASE,
)
# A past election named by its year after who won or lost it: "conspired with Russia to win
# the 2016 election".
_ELECTION_WON = re.compile(
    r"\b(?:win|wins|won|winning|lose|loses|lost|losing)\s+the\s+$", re.IGNORECASE
)
_ELECTION = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:elections?|campaigns?|race|primary|primaries|midterms?"
    r"|caucus(?:es)?)\b",
    re.IGNORECASE,
)
_INCIDENT = re.compile(
    r",?\s+(?:terror(?:ist)?\s+)?(?:attacks?|hijack(?:ers|ings?)|bombings?|shootings?|massacres?"
    r"|riots?|insurrection|killings|anniversary|victims|survivors|families|responders"
    r"|memorial|commission)\b",
    re.IGNORECASE,
)
# "the attacks of Sept. 11, 2001", "after the tragedy of Sept. 11, 2001": the incident's name
# before its date.
_INCIDENT_OF = re.compile(
    r"\b(?:attacks?|bombings?|shootings?|massacres?|riots?|events|tragedy|tragedies"
    r"|disaster|catastrophe)\s+(?:of|in|on)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Sarah Palin, the party's 2008 vice-presidential nominee": a year in someone's title.
_BEFORE_A_TITLE = re.compile(
    # (or an apposition's comma: "podcast, 2016 Democratic House candidate Zephyr Teachout")
    # (or many: "including several 2020 presidential candidates")
    r"(?:\b(?:the|a|an|his|her|their|its|of|several|some|many|other|fellow|both|all|most)"
    r"|\w['’]s?|,)\s+(?:(?:GOP|Republican|Democratic)\s+)?(?:(?:likely|presumptive|eventual"
    r"|former|defeated|probable|potential|possible|prospective|would-be)\s+)?$",
    re.IGNORECASE,
)
# "not a candidate for president in 2012": the year of a candidacy (not of a run or a
# campaign, during which things happened then: "During his campaign for the Senate in 1994,
# Mr. Romney vowed ...").
_A_CANDIDACY_FOR = re.compile(
    r"\b(?:candidates?|candidacy|nominee)\s+for\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){1,2}?in\s+$"
    # or in a race: "at least one potential challenger in the 2016 presidential race"
    r"|\b(?:candidates?|challengers?|contenders?|rivals?|nominees?|hopefuls?|opponents?)\s+"
    r"(?:in|for)\s+the\s+$",
    re.IGNORECASE,
)
_A_YEARS_TITLE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:nominee|candidate|hopeful|contender|winner|runner-up"
    # or someone's run for an office: "Mr. Lieberman, who endorsed his 2008 run for president"
    r"|challenger|opponent|rival|graduate|class|run|bid)s?\b",
    re.IGNORECASE,
)


# "He cited a 1997 Mississippi case in which ...", "dealt with an Aug. 16 cable", "squeezed
# out of Medicare by the 2010 health law": a date dates a thing the sentence acts on, not what
# it tells. A thing that opens the sentence ("A 2013 report found ...") or that the sentence's
# words are in ("he wrote in a 2013 letter that ...") keeps the date.
_BEFORE_A_THING = re.compile(
    # (or someone's: "reverse Obama's 2012 action", "Zinke's 2014 and 2016 campaigns")
    r"(?P<before>^|.*\b(?P<last>\w+)\W+)(?:a|an|the|his|her|its|their|this|that"
    rf"|(?-i:[A-Z])[\w.-]*['’]s?)\s+(?:{_YEAR_OR_DECADE}\s+(?:and|or)\s+)?$",
    re.IGNORECASE | re.DOTALL,
)
# A deed done in a dated thing: "Russia's interference in the 2016 election".
_A_DEED_IN = re.compile(
    r"\b(?:interference|interfering|meddling|involvement|role|fraud|hacking|collusion)\s+in\W*$",
    re.IGNORECASE,
)
_OPENING_WORD = re.compile(r"\W*(?:(?:but|and|yet|still|now|then|also)\W+)?", re.IGNORECASE)
_DATED_THINGS = (
    r"(?:law|act|case|cable|memo|memorandum|e-?mail|letter|report|ruling|ban|moratorium"
    r"|sanction|tariff|action|decision|opinion|statute|order|treaty|accord|agreement|deal|study"
    r"|survey|poll|lawsuit|settlement|amendment|legislation|measure|book|article|document"
    r"|directive|overhaul|bill|reform|plan|proposal|package|program|programme|policy|rule"
    # "referring to a 2005 video", "authorized the 2003 invasion of Iraq"
    r"|video|tape|recording|invasion"
    # "Russia's influence on the 2016 election" ("during the 2016 campaign" keeps it)
    r"|regulation|election|campaign|race|primary|primaries|midterm"
    # "ahead of the Jan. 3 caucuses"
    r"|caucus(?:es)?)s?"
)
_A_DATED_THING = re.compile(
    # ("a 1970s-era law", "Zinke's 2014 and 2016 congressional campaigns")
    rf"(?:-era)?\s+(?:[\w.-]+\s+){{0,3}}?{_DATED_THINGS}\b",
    re.IGNORECASE,
)
# The same things, made then: "The state's image is still scarred by a divisive immigration
# law passed in 2010".
_A_THING_MADE_IN = re.compile(
    rf"\b(?:a|an|the|his|her|its|their)\s+(?:[\w.-]+\s+){{0,3}}?{_DATED_THINGS}\s+"
    r"(?:passed|signed|enacted|adopted|approved|created|issued|released|published|written"
    r"|founded|filed|launched)\s+(?:in\s+)?$",
    re.IGNORECASE,
)


# "lawmakers did not read the 18th Amendment, which imposed prohibition on liquor in 1919": a
# date inside a relative clause after a comma dates what the clause tells of its noun.
_IN_A_RELATIVE_CLAUSE = re.compile(
    # or of a noun after the comma: "said Bloomberg, a former Democrat who won New York's
    # mayoralty as a Republican in 2001", "the Whittington Lecture, named for an associate
    # dean who was killed ... on Sept. 11, 2001"
    # (or of a place: "report from Atlanta, where Chick-fil-A began in the 1940s")
    # (or after a dash: "Antonin Scalia – whom Gorsuch would replace on the court following
    # Scalia's death in 2016 – was confirmed 98-0")
    # (and into a quotation the clause opens: "Harry Reid, who he said “was right in 1993,
    # before ...”")
    r"[,—–]\s+(?:[\w'’.-]+\s+){0,6}?(?:which|who|whose|whom|where)\b[^,;:—–()“”\"]*"
    r"(?:“[^,;:—–()“”\"]*)?$"
)
# The main verb after a relative clause with a verb of its own: "..., the only two prior
# instances in which a ... text of the Constitution was inserted into the Congressional
# Record was in 1882, ...".
_MAIN_VERB_AFTER_THE_CLAUSE = re.compile(
    r"\b(?:which|who|whom)\b[^,;:—–()“”\"]*?\b(?:was|were|is|are|had|has|have|\w+ed)\b"
    r"[^,;:—–()“”\"]*\s(?:was|were|is|are)\s+(?:in|on)\s+$"
)
# "... a restaurant he owned after he left the FBI in 2006, two of the people said": a date
# in a clause of time or cause within the sentence dates that clause's verb, not the
# sentence's ("After he left the FBI in 2006, he opened a restaurant" keeps it: a clause
# opening the sentence sets its time). "when", "as" and "while" tell of the same time.
_IN_A_SUBORDINATE_CLAUSE = re.compile(
    r"(?P<before>^|.*\W)(?:after|before|because|although|though)\s+"
    r"(?:he|she|they|it|we|i|you|(?:[\w.'’-]+\s+){1,4}?(?:was|were|had|has|is|are|did|\w+ed))"
    r"\s[^,;:—–()“”\"]*$",
    re.IGNORECASE | re.DOTALL,
)
# A past before the one told, reported: "The A.G. ... said he had misspoken at a 2008 event
# in Norfolk"; and a relative clause with no comma: "a New York Times report which includes
# video of him at a 2008 event".
_REPORTED_EARLIER = re.compile(
    r"\b(?:said|says|told|acknowledged|admitted|claimed|conceded|insisted|denied|wrote"
    # (or a document: "filed a disclosure ... showing the couple had earned ... in 2014")
    r"|show(?:s|ed|ing)?|reveal(?:s|ed|ing))\b"
    r"[^;:—–()“”\"]*?\bhad\s+(?:(?:not|never|already|also|once)\s+)?[a-z]+\b[^;:—–()“”\"]*$",
    re.IGNORECASE,
)
_IN_A_RESTRICTIVE_CLAUSE = re.compile(
    # (a noun's, not a preposition's: "the only two prior instances in which a ... text ...
    # was inserted ... was in 1882, when ...")
    r"\b(?!(?:in|of|at|on|by|for|to|from|with|under|during|through)\s)[a-z][\w-]*\s+"
    r"(?:which|who|whom|whose)\b[^,;:—–()“”\"]*$"
    # or of "that" and a passive verb: "a motto that was adopted in 1956"
    # (not a pronoun's, after a verb: "He said that was needed in 2010")
    r"|\b(?!(?:said|says|say|told|argued|noted|added|insisted|claimed|thought|knew|believed"
    r"|showed|found|and|but)\s)[a-z][\w-]*\s+that\s+(?:was|were|had\s+been|has\s+been)\s+"
    r"[a-z]+(?:ed|en)\b[^,;:—–()“”\"]*$"
)
# "... placed his hand on two Bibles, one given him by his mother in 1955": a date in a
# phrase of a participle and its agent dates what was done to its noun, wherever the noun
# stands ("The law signed by Obama in 2010 was upheld in June 2012"); "The Bible was given him
# by his mother in 1955" keeps it.
_GIVEN_BY = re.compile(
    r"\b(?:one|another|the\s+other|a|an|the|his|her|its|their)\s+"
    r"(?:(?!(?:was|were|is|are|be|been|being|had|has|have)\s)[\w'’-]+\s+){0,3}?"
    r"(?:given|used|signed|written|made|taken|held|worn|built|owned|bought|sold|sent|received"
    r"|awarded|donated|presented|brought|approved|adopted|enacted|issued|published|released"
    r"|created|founded|drafted|commissioned|ordered)\s+(?:[\w'’-]+\s+)?by\s+"
    # (and its next agent: "another used by Abraham Lincoln in 1861 and again by Mr. Obama in
    # 2009")
    r"(?:(?:[\w.'’-]+\s+){1,5}?in\s+[^,;:—–()“”\"]*?\band\s+(?:again\s+|later\s+)?by\s+)?"
    r"(?=his\s|her\s|their\s|its\s|the\s|(?-i:[A-Z]))(?:(?!(?:was|were|is|are|had|has|have)\s)"
    r"[\w.'’-]+\s+){1,5}?in\s+$",
    re.IGNORECASE,
)


def _in_a_clause_of_its_own(text: str, start: int) -> bool:
    """Whether the date starting at ``start`` dates a clause of time or cause inside the
    sentence ("after he left the FBI in 2006"), a past before the one reported ("said he had
    misspoken at a 2008 event"), a relative clause with no comma ("a report which includes
    video of him at a 2008 event") or a participle's agent phrase ("one given him by his
    mother in 1955"), not the sentence's own verb."""
    clause = _IN_A_SUBORDINATE_CLAUSE.match(text, 0, start)
    if clause is not None and not _OPENING_WORD.fullmatch(clause.group("before")):
        return True
    if _REPORTED_EARLIER.search(text, 0, start) or _IN_A_RESTRICTIVE_CLAUSE.search(text, 0, start):
        return True
    return _GIVEN_BY.search(text, 0, start) is not None


# "Joni Ernst, a candidate in the Republican Senate primary on June 3, announced ...": a date
# in a phrase between commas after a name dates what the phrase tells of the name.
_IN_AN_APPOSITIVE = re.compile(
    # (a phrase with no verb: not "If we don't get a fair deal from Congress, the government
    # will either shut down on Feb. 15, or ...")
    r"\b[A-Z][\w.'’-]*,\s+(?:a|an|the)\s+"
    r"(?:(?!\b(?:will|would|shall|could|can|may|might|must|is|was|are|were|has|have|had|did"
    r"|does|do|[a-z]+ed)\b)[^,;:—–()“”\"])*$"
)
_APPOSITIVE_END = re.compile(r"[^,;:—–()“”\".!?]*,")


# "until voters chose a successor ... in a special election set for June 25": the date a
# thing is set for, after its noun ("The vote is set for June 25" keeps it).
_SET_FOR = r"(?:set|scheduled|slated|planned)\s+for"
_A_THING_SET_FOR = re.compile(
    rf"\b(?!(?:is|was|are|were|been|be|being)\s)[a-z]+\s+{_SET_FOR}\s+$", re.IGNORECASE
)


# "He spoke of 1968 and of the political violence he had seen": a year spoken of.
_SPOKEN_OF = re.compile(
    r"\b(?:sp[eo]ke|speaks|talk(?:s|ed)?|wr[io]te|writes|recall(?:s|ed)?|remember(?:s|ed)?"
    r"|invok(?:es|ed|ing)|evok(?:es|ed|ing)|mention(?:s|ed)?)\s+(?:of\s+|about\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _dates_a_thing_acted_on(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` dates a thing the sentence acts on ("cited a
    1997 case"), not one that opens it, holds its words ("in a 2013 letter") or its time
    ("during the 2016 campaign"), or that it says its subject is ("was an August 2012
    cable")."""
    made = _A_THING_MADE_IN.search(text, 0, start)
    if made is not None:
        return not _OPENING_WORD.fullmatch(text[: made.start()])
    if _A_DATED_THING.match(text, end) is None:
        return False
    before = _BEFORE_A_THING.match(text, 0, start)
    if before is None or _OPENING_WORD.fullmatch(before.group("before")):
        return False
    # ("One of the most significant warnings was an August 2012 State Department cable": the
    # thing the sentence is about; not "Russian interference in the 2016 presidential
    # election", a thing of the thing's)
    if _A_DEED_IN.search(text, 0, before.end("before")):
        return True
    return (before.group("last") or "").lower() not in ("in", "during", "was", "is", "were", "are")


def _names_something(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is part of a name ("the 17 February Brigade",
    "the Chicago Convention of 1944"),
    names a past incident after a preposition ("in the Sept. 11 attacks") or after the
    incident ("the attacks of Sept. 11, 2001"), is a year in someone's title or run ("the
    party's 2008 vice-presidential nominee", "a candidate for president in 2012"), dates a
    thing the sentence acts on ("cited a 1997 case"), stands in a relative clause (", which
    imposed prohibition in 1919"), another clause of its own ("after he left the FBI in
    2006") or a phrase between commas after a name (", a candidate in the primary on June
    3,"), is a deadline where a weekday dates the event ("Schiff on Monday signed a letter
    ... demanding the full Mueller report by April 2") or of a plan ("had planned to open
    hundreds of stores by 2030"), or is a year spoken of ("He spoke of 1968")."""
    return (
        (
            _IN_A_NAME.match(text, end) is not None
            and _BEFORE_A_NAME.search(text, 0, start) is not None
        )
        or (
            _YEAR_ONLY.fullmatch(text[start:end]) is not None
            and _NAME_OF_A_YEAR.search(text, 0, start) is not None
        )
        or (
            _INCIDENT.match(text, end) is not None
            and _AFTER_A_PREPOSITION.search(text, 0, start) is not None
        )
        or _INCIDENT_OF.search(text, 0, start) is not None
        or (
            _ELECTION.match(text, end) is not None
            and _ELECTION_WON.search(text, 0, start) is not None
        )
        or (
            _YEAR_ONLY.fullmatch(text[start:end]) is not None
            and _A_YEARS_TITLE.match(text, end) is not None
            and _BEFORE_A_TITLE.search(text, 0, start) is not None
        )
        or (
            _YEAR_ONLY.fullmatch(text[start:end]) is not None
            and _A_CANDIDACY_FOR.search(text, 0, start) is not None
        )
        or _dates_a_thing_acted_on(text, start, end)
        or _A_THING_SET_FOR.search(text, 0, start) is not None
        or (
            _BY_A_DEADLINE.search(text, 0, start) is not None
            and (names_a_weekday(text) or _A_PLAN_BEFORE.search(text, 0, start) is not None)
        )
        or (
            _IN_A_RELATIVE_CLAUSE.search(text, 0, start) is not None
            and _MAIN_VERB_AFTER_THE_CLAUSE.search(text, 0, start) is None
        )
        or _in_a_clause_of_its_own(text, start)
        or (
            _IN_AN_APPOSITIVE.search(text, 0, start) is not None
            and _APPOSITIVE_END.match(text, end) is not None
        )
        or (
            _YEAR_OR_DECADE_ONLY.fullmatch(text[start:end]) is not None
            and _SPOKEN_OF.search(text, 0, start) is not None
        )
    )


# A deadline before a date: "by April 2", "no later than July 1".
_BY = r"by|no\s+later\s+than"
_BY_A_DEADLINE = re.compile(rf"\b(?:{_BY})\s+$", re.IGNORECASE)
# A plan or an aim the deadline is of: "It had planned to open hundreds of stores by 2030".
_A_PLAN_BEFORE = re.compile(
    r"\b(?:plan(?:s|ned)?|aim(?:s|ed)?|hope(?:s|d)?|expect(?:s|ed)?|want(?:s|ed)?"
    r"|intend(?:s|ed)?|target(?:s|ed)?|goals?|pledg(?:es|ed|e)|promis(?:es|ed|e)|vow(?:s|ed)?)\b"
    r"[^.;:]*$",
    re.IGNORECASE,
)


# A date a span of time runs from dates no event of its sentence: "briefed 13 times on the
# programs since 2009", "employees who worked there going back to late 1998", "between 2005
# and 2008" (with the date the span runs to), "drag out this charade into 2016"; nor one it
# runs to: "keep the government open for three weeks until Feb. 15", "a campaign platform for
# Democrats ahead of 2020".
_SPAN_FROM = re.compile(
    r"\b(?:since|(?:going|dating|dates?)\s+back\s+to|between|into|until|till|through|before"
    r"|ahead\s+of)\s+"
    r"(?:at\s+(?:least|the\s+earliest)\s+)?"  # "wait until at least 2015"
    r"(?:(?:early|mid|late)[\s-]+|(?:fiscal|calendar)\s+(?:year\s+)?|(?:the\s+)?(?:summer|spring|fall|autumn|winter|beginning"
    r"|start|end|middle|turn)\s+of\s+)?(?:(?:the|their|his|her|its|our)\s+)?$",
    re.IGNORECASE,
)
# Or that a span runs from by a participle's clause: "has failed three times to reclaim the
# majority since being swept out in 2010".
_SINCE_DOING = re.compile(
    r"\bsince\s+(?:being\s+|having\s+(?:been\s+)?)?[a-z]+(?:ing|ed|en)\b[^,;:—–()“”\"]*\bin\s+$",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?$", re.IGNORECASE)
# A measure a change runs from, dated, and what it runs to: "from nearly 40% in 1990 to ...".
_FROM_A_MEASURE_IN = re.compile(r"\bfrom\s+[^,;:.]{1,40}?\bin\s+$", re.IGNORECASE)
_TO_ANOTHER = re.compile(r",?\s+to\s", re.IGNORECASE)
_SPAN_TO = re.compile(
    # (an aside between commas may come first: "for the period from 1977, when they entered
    # public life, through 2006")
    r"^(?:,\s+(?:when|as|after)\s[^,;:—–()“”\"]{1,80},)?"
    r"\s*(?:and|to|until|through|-|–)\s*(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?$",
    re.IGNORECASE,
)


_JOINED = re.compile(r"\s+(?:and|or)\s+", re.IGNORECASE)


_A_YEAR_ALONE = re.compile(rf"(?:the\s+)?{_YEAR_OR_DECADE}")


def is_a_year_alone(date: str) -> bool:
    """Whether an event's date is a year or a decade and nothing more: "2016", "the 1950s"."""
    return _A_YEAR_ALONE.fullmatch(date) is not None


def is_calendar_date(text: str) -> bool:
    """Whether ``text`` gives a calendar date (see ``_CALENDAR``), as an event's date must."""
    return _CALENDAR.search(text) is not None


def calendar_dates(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives calendar dates, as (start, end) spans."""
    return [found.span() for found in _CALENDAR.finditer(text)]


def calendar_date(text: str) -> str | None:
    """The first calendar date in ``text`` that gives a year (else the first date), exactly as
    written, or None.

    An event drafted by sentence number takes its date from its sentence this way, so the
    model writes no date and the date is verbatim by construction. A date that is part of a
    name is none ("the 17 February Brigade", "the 1994 Assault Weapons Ban"), nor is one that
    names a past incident ("killed in the Sept. 11 attacks"), nor one a span runs from ("since
    2009") or between ("between 2005 and 2008"). A year wins over
    a bare day: in "NEW YORK, Aug 9 (Wire) - Negotiators agreed on 8 August 2024 ..." the event
    is dated "8 August 2024", not the dateline.
    """
    dates: list[str] = []
    span_end = -1  # where the last date a span runs from ends
    named_end = -1  # where the last date that names something ends
    found_dates = list(_CALENDAR.finditer(text))
    for at, found in enumerate(found_dates):
        following = found_dates[at + 1] if at + 1 < len(found_dates) else None
        if (
            (
                _SPAN_FROM.search(text, 0, found.start())
                or _SINCE_DOING.search(text, 0, found.start())
                # (the start of a change: "has fallen from nearly 40% in 1990 to only 12% in
                # recent years")
                or (
                    _FROM_A_MEASURE_IN.search(text, 0, found.start()) is not None
                    and _TO_ANOTHER.match(text, found.end()) is not None
                )
            )
            or (
                # "from 2009 to 2013", with the date it runs to ("from January, the rule applies"
                # dates the rule)
                _FROM.search(text, 0, found.start())
                and following is not None
                and _SPAN_TO.match(text[found.end() : following.start()])
            )
        ):
            span_end = found.end()
        elif (span_end >= 0 and _SPAN_TO.match(text[span_end : found.start()])) or (
            # (and a date joined to one: "used by Mr. Obama in 2009 and 2013")
            named_end >= 0 and _JOINED.fullmatch(text, named_end, found.start())
        ):
            continue
        elif _names_something(text, found.start(), found.end()):
            named_end = found.end()
        else:
            dates.append(found.group(0))
    with_year = [date for date in dates if _HAS_YEAR.search(date)]
    chosen = with_year or dates
    return chosen[0] if chosen else None


# A story dates what happened this week by its weekday ("The Senate voted on Wednesday"): the
# day it is can be counted from the day the story was published.
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# (a newspaper's name is no day: "told the Sunday Times")
_WEEKDAY = re.compile(
    rf"\b(?:((?i:last|next|this))\s+)?({'|'.join(_WEEKDAYS)})\b"
    r"(?!\s+(?:Times|Telegraph|Herald|Express|Mirror|Post|Independent|Mail|Tribune|Star|Observer"
    r"|World|Sport|People|Journal|Business))"
)
# A day's own occasion: "Thursday's debate".
_POSSESSIVE = re.compile(r"['’]s\b")
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:\w+\s+)?(?:set|expected|scheduled|due|slated|poised)\s+to"
    # after a dash or comma, the verb left out: "Democrats — poised to assume control of the
    # House on Thursday —"
    r"|(?:poised|slated|scheduled)\s+to"
    r"|plans?\s+to|intends?\s+to|(?:is|are)\s+to\s+(?:vote|meet|decide|rule|sign)"
    # what ought to be done ("whether Mr. Trump should cancel Monday's meeting"), not what
    # ought to have been ("should have voted on Monday")
    r"|(?:should|must)(?!\s+(?:not\s+)?have\b)"
    # what is yet to air: "In an interview with Fox News, to be shown on Tuesday, ..."
    r"|to\s+be\s+(?:shown|aired|broadcast|televised|released|published)|to\s+air)\b",
    re.IGNORECASE,
)
# A plan told in the past tense, whose day may be behind the story or still ahead of it:
# "the proposals she planned to bring up on Thursday" in a story of a Wednesday is the next
# day, "had planned to vote on Tuesday" in one of a Wednesday the day before; and so what
# someone said would be ("said he would be delivering a "major speech" ... on Monday").
_A_PLAN_TOLD_BEFORE = re.compile(
    r"\b(?:(?:planned|intended|hoped|(?:was|were)\s+(?:supposed|due|set|scheduled|expected))"
    r"\s+to|would)\b",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_FULL_MONTHS = {name[:3].lower(): name for name in _MONTH_NAMES}


# British papers date the day before and after so: "The minister resigned yesterday."
_NEXT_DOOR = re.compile(r"\b(yesterday|tomorrow)\b(?!['’]s)", re.IGNORECASE)
# "Tonight" as the other of two days ("likely to happen tonight or tomorrow"), not beside a
# day of its own ("If it happens tonight, the bills could come ... as soon as Friday").
_TONIGHT = re.compile(
    rf"\btonight\s+(?:or|and)\s+(?:tomorrow|{'|'.join(_WEEKDAYS)})\b"
    rf"|\b(?:tomorrow|{'|'.join(_WEEKDAYS)})\s+(?:or|and)\s+tonight\b",
    re.IGNORECASE,
)


def names_a_weekday(sentence: str) -> bool:
    """Whether a sentence names a weekday (or "yesterday" or "tomorrow") outside a quotation,
    by which a story may date what it tells."""
    words = _unquoted(sentence)
    return _WEEKDAY.search(words) is not None or _NEXT_DOOR.search(words) is not None


# A publication date written out: "28 September 2016", "Sept. 28, 2016", "Wed, 28 Sep 2016".
_WRITTEN_DAY = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({_MONTH})|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?),?\s+({_YEAR})\b",
    re.IGNORECASE,
)


def _month_number(word: str) -> int:
    """1 for "January", "Jan." or "jan", and so on."""
    return _MONTH_NAMES.index(_FULL_MONTHS[word.lower()[:3]]) + 1


def published_day(published: str | None) -> date | None:
    """The day a source's ``published`` gives: an ISO date at its start ("2016-09-28",
    "2016-09-28T10:00:00Z") or a day, month and year written out ("28 September 2016",
    "Sept. 28, 2016"); None for anything less (a month, a year)."""
    found = _ISO_DAY.match(published or "")
    written = None if found else _WRITTEN_DAY.search(published or "")
    try:
        if found:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        if written:
            day = written.group(1) or written.group(4)
            number = _month_number(written.group(2) or written.group(3))
            return date(int(written.group(5)), number, int(day))
    except ValueError:
        return None
    return None


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def _unquoted(sentence: str) -> str:
    """The writer's words of a sentence: a quotation's weekday is counted from when its
    speaker spoke, which the story does not say ("Or you could support Ted Cruz on
    Tuesday.”", the end of a quotation, is all quoted)."""
    text = _QUOTED.sub(" ", sentence)
    if "”" in text:  # a quotation that began in an earlier sentence ends here
        text = text[text.rindex("”") + 1 :]
    if "“" in text:  # one that goes on past this sentence begins here
        text = text[: text.index("“")]
    if text.count('"') % 2:  # one that ends here, or one that opens here and goes on
        end = text.rstrip().endswith('"')
        text = text[text.rindex('"') + 1 :] if end else text[: text.index('"')]
    return text


# How far before a weekday a future tense may be and still be its verb's: "will take up the
# port levy on Friday"; not "ensured the bill will become law after voting 348-77 to override
# Wednesday afternoon", nor "admitted there's a chance that the Republicans will lose their
# majority in the House in an interview Tuesday".
_FUTURE_REACH = 7
# A plan dates what it plans further on, within its clause: "is expected to disclose his
# intentions during a conference call with committee members on Monday evening".
_PLAN_REACH = 16
_PLANNED = re.compile(
    r"\b(?:(?:expected|scheduled|set|due|slated|poised|plans?|planning|intends?"
    # "who is in line to be elected speaker on Thursday"
    r"|in\s+line)\s+to"
    # or a plan named: "along with plans for a same-sex kiss-in at the restaurants on Friday"
    r"|plans\s+for"
    # or a plan with its day before the verb: "Ms. Pelosi plans on Thursday to bring up two
    # bills to reopen the government" (not a plan named: "approved the Ryan budget plan on
    # March 29")
    r"|(?:plans|(?:i|we|they|you)\s+plan)\s+on(?=\s*$)"
    # or what is prepared for: "Liberal groups prepared for a women's march on Saturday"
    r"|prepar(?:e|es|ed|ing)\s+for"
    # or a journey under way: "GOP Rep. Paul Ryan is heading to Georgetown University for a
    # speech Thursday morning"
    r"|(?:is|are)\s+(?:heading|headed|traveling|travelling|flying|going|returning)\s+"
    r"(?:back\s+)?to"
    # or a meeting asked for: "has invited Tea Party leaders ... to his office in Manhattan
    # on Friday morning", "asked members to join him "for a private conference call" Monday
    # evening" (not "urged lawmakers to move on ... Wednesday", the day of the urging)
    r"|(?:has|have)\s+invited|invites|inviting"
    # or a meeting to come in the present tense: "to get tough with Mr. Putin when they meet
    # on Monday in Helsinki"
    r"|(?:they|we|the\s+two(?:\s+[a-z]+)?)\s+meet"
    r"|(?:ask|asks|asked|tell|tells|told)\s+(?:[\w'’-]+\s+){0,3}?to\s+"
    r"(?:join|attend|come|return|meet|visit|appear|gather))\b",
    re.IGNORECASE,
)
# Words that open another clause, whose verb the weekday may be: "who", "which"; "after" or
# "before" with a verb or its subject ("after voting", not "before his committee").
_OPENS_A_CLAUSE = frozenset(
    "when whenever while because if unless once who whom whose which that".split()
)
_OPENS_A_CLAUSE_WITH_A_VERB = frozenset("after before since until following".split())
_SUBJECTS = frozenset("i you he she it we they".split())
_WORD_OR_STOP = re.compile(r"[\w'’-]+|[,;:—–()]")


# What must or may yet be done: "By Friday, the council must decide".
_OBLIGED = re.compile(
    r"\b(?:would|must|should|could|can|may|might|(?:has|have|need|needs)\s+to)\b|\w['’]ll\b",
    re.IGNORECASE,
)
# A deadline or the earliest a thing may happen, just before the weekday: "announce his
# choice of a running mate by Friday", "on the Senate floor as early as Thursday".
_DEADLINE_BEFORE = re.compile(
    rf"\b(?:{_BY}|until|as\s+(?:early|soon)\s+as"
    # and what is set for a day: "a joint campaign rally ... set for Wednesday in Green Bay,
    # Wis., has been postponed"
    rf"|{_SET_FOR})\s+$",
    re.IGNORECASE,
)


def _in_the_future(sentence: str, day: re.Match[str]) -> bool:
    """Whether the verb a weekday goes with is in the future tense: a future form in its own
    clause, at most ``_FUTURE_REACH`` words before it, or a plan at most ``_PLAN_REACH``
    ("Pelosi, the leader who plans to support the effort, tried on Tuesday" is past), or,
    for a weekday opening the sentence ("On Friday, the House will vote"), at the start of
    the clause after it."""
    before = _WORD_OR_STOP.findall(sentence[: day.start()])
    after = sentence[day.end() :].lstrip()
    # The start of the clause after a weekday that opens the sentence ("On Friday, ...").
    then = (
        " ".join(_WORD_OR_STOP.findall(after)[1 : _FUTURE_REACH + 1])
        if len(before) <= 2 and after.startswith(",")
        else None
    )
    if _DEADLINE_BEFORE.search(sentence, 0, day.start()):
        # "By Saturday, the president clarified ...": a deadline that opens the sentence is
        # the day by which what follows had happened, unless that is still to come ("By
        # Friday, the council must decide").
        if then is not None:
            return _FUTURE.search(then) is not None or _OBLIGED.search(then) is not None
        return True
    clause = _own_clause(before)
    if _FUTURE.search(" ".join(clause[-_FUTURE_REACH:])) or _PLANNED.search(" ".join(clause)):
        return True
    return then is not None and _FUTURE.search(then) is not None


def _a_future_verb_after(sentence: str, weekday: str) -> bool:
    """Whether the weekday's occasion is the subject of a future verb right after it, quoted
    or not: "the talks in Helsinki on Monday “should not move forward.”" (not "should have")."""
    return (
        re.search(
            rf"\b{weekday}(?:\s+(?:morning|afternoon|evening|night))?\s*[“\"]?\s*"
            r"(?:will|shall|should|must)\b(?!\s+(?:not\s+)?have\b)",
            sentence,
        )
        is not None
    )


def _own_clause(before: list[str]) -> list[str]:
    """The words of a day's own clause before it, at most ``_PLAN_REACH``, from the words and
    stops of the sentence before the day."""
    clause: list[str] = []
    for token in reversed(before[-_PLAN_REACH:]):
        if not token[0].isalnum() or _opens_a_clause(token, clause[0] if clause else ""):
            break
        clause.insert(0, token)
    return clause


def _opens_a_clause(word: str, following: str) -> bool:
    """Whether ``word``, before ``following``, opens a clause of its own."""
    word = word.lower()
    return word in _OPENS_A_CLAUSE or (
        word in _OPENS_A_CLAUSE_WITH_A_VERB
        and (following.lower().endswith("ing") or following.lower() in _SUBJECTS)
    )


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:last\s+)?$", re.IGNORECASE)
_AHEAD_OF = re.compile(
    r"\b(?:ahead|in\s+advance)\s+of\s+(?:[\w'’-]+\s+){0,8}?(?:on\s+|this\s+|next\s+)?$",
    re.IGNORECASE,
)


def reckon_weekday(
    sentence: str, published: str | None, *, next_day_reported: bool = False
) -> str | None:
    """The date of a sentence that gives its event only by a weekday, counted from the day its
    source was published, written as the weekday with the day it is in brackets: "Wednesday
    (28 September 2016)". The last such weekday on or before the day of publication, or,
    where its own verb is in the future tense ("will vote on Friday", "is set to meet
    Monday"), the next on or after it, and where it is a plan told in the past tense ("she
    planned to bring up on Thursday"), the nearer of the two; "last" and "next" step a week
    when the weekday is the day of publication; "yesterday" and "tomorrow" are the day
    before and after it. The weekday after publication is that next day, not six days
    back, where ``next_day_reported`` (the story is of the run's first day and another
    source of the next, so the story was likely updated after its date: "was upgraded ...
    on Thursday" in a story dated the Wednesday of a shooting). None without a publication
    date, or where the sentence names no such day or two (an occasion of another day after
    one of its own aside: "on Monday, after Thursday's debate"; and an occasion ahead:
    "ahead of Thursday's debate", "in advance of his speech on Thursday")."""
    day = published_day(published)
    original, sentence = sentence, _unquoted(sentence)
    found = list(_WEEKDAY.finditer(sentence))
    next_door = list(_NEXT_DOOR.finditer(sentence))
    # "asked about the cover in Iowa on Monday, ahead of Thursday's debate and Saturday's
    # straw poll": an occasion of another day named after the sentence's own day is not its
    # date (one named first may be its subject: "Tuesday's vote came after ... on Monday").
    own = [m.start() for m in (*found, *next_door) if not _POSSESSIVE.match(sentence, m.end())]
    if own:
        found = [m for m in found if m.start() <= own[0] or m.start() in own]
    # "sent a letter ... in advance of his appearance on the campus on Thursday morning": the
    # day of an occasion ahead is never the sentence's own.
    found = [m for m in found if not _AHEAD_OF.search(sentence, 0, m.start())]
    named = {m.group(2).lower() for m in found} | {m.group(1).lower() for m in next_door}
    if _TONIGHT.search(sentence):
        named.add("tonight")  # "likely to happen tonight or tomorrow": which, it does not say
    if day is None or len(named) != 1 or named == {"tonight"}:
        return None
    if next_door:
        word = next_door[0].group(1)
        return _written(word, day + timedelta(days=1 if word.lower() == "tomorrow" else -1))
    if _SINCE_BEFORE.search(sentence, 0, found[0].start()):
        return None  # "12 devices have been found since Monday": a span, not the day
    which, name = (found[0].group(1) or "").lower(), found[0].group(2)
    weekday = _WEEKDAYS.index(name)
    if which == "next" or (
        which != "last"
        and (_in_the_future(sentence, found[0]) or _a_future_verb_after(original, name))
    ):
        step = (weekday - day.weekday()) % 7 or (7 if which == "next" else 0)
        return _written(name, day + timedelta(days=step))
    step = (day.weekday() - weekday) % 7 or (7 if which == "last" else 0)
    ahead = (weekday - day.weekday()) % 7
    if not which and ahead == 1 and next_day_reported:
        return _written(name, day + timedelta(days=1))
    if not which and ahead < step:
        own_clause = " ".join(_own_clause(_WORD_OR_STOP.findall(sentence[: found[0].start()])))
        if _A_PLAN_TOLD_BEFORE.search(own_clause):
            return _written(name, day + timedelta(days=ahead))  # the nearer of the two
    return _written(name, day - timedelta(days=step))


# A day and month without a year: "Jan. 25", "25 January", "December 22nd".
_DAY_AND_MONTH = re.compile(
    rf"^\s*(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})|({_MONTH})\s+(\d{{1,2}})"
    r"(?:st|nd|rd|th)?)\s*$",
    re.IGNORECASE,
)


# A sentence that dates by another year than the story's: "On July 22 that year", "At the
# end of that week, on Oct. 7", "the same month".
_ANOTHER_YEAR = re.compile(
    r"\b(?:that|the\s+same|the\s+following|the\s+previous|the\s+next|the\s+prior)\s+"
    r"(?:year|month|week|summer|spring|fall|autumn|winter)\b",
    re.IGNORECASE,
)
# How many days after the story's date a day and month with no future verb may be: "The
# deadline is Feb. 15" in a story of late January; not July in a story of January.
_AHEAD_UNMARKED = 92


# The weekday a date is given with: "on Friday, Sept. 14".
_WEEKDAY_BEFORE = re.compile(rf"\b({'|'.join(_WEEKDAYS)}),?\s+$")


def reckon_year(written: str, sentence: str, published: str | None) -> str | None:
    """The date a story writes without its year ("Trump reopened the government on Jan. 25"),
    with the year counted from the day the story was published: the written words with the
    day in brackets, "Jan. 25 (25 January 2019)". The day of that month nearest the
    publication date (a story dates days within months of it: "Dec. 22" in a story of 15
    February 2019 is 22 December 2018), or the next on or after it where the date's own verb
    is in the future tense; where the sentence gives its weekday ("on Friday, Sept. 14"), the
    one of those whose weekday it is. None for anything but a day and a month, or without a
    publication date, or where the sentence dates by another year ("On July 22 that year")
    or the nearest day is months ahead with no future verb."""
    found = _DAY_AND_MONTH.match(written)
    day = published_day(published)
    if found is None or day is None:
        return None
    number = int(found.group(1) or found.group(4))
    month_number = _month_number(found.group(2) or found.group(3))
    candidates = []
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            candidates.append(date(year, month_number, number))
        except ValueError:  # 29 February of a year that has none; 31 April
            continue
    if not candidates:
        return None
    if _ANOTHER_YEAR.search(sentence):
        return None  # "On July 22 that year, WikiLeaks released ...": the story's year is not it
    mention = re.compile(re.escape(written.strip())).search(sentence)
    future = mention is not None and _in_the_future(sentence, mention)
    weekday = mention and _WEEKDAY_BEFORE.search(sentence, 0, mention.start())
    named_day = [c for c in candidates if weekday and _WEEKDAYS[c.weekday()] == weekday.group(1)]
    if len(named_day) == 1:
        # "on Friday, Sept. 14" in a story of May 2013: the one year whose Sept. 14 is a Friday
        when: date | None = named_day[0]
    elif future:
        when = min((c for c in candidates if c >= day), default=None)
    else:
        when = min(candidates, key=lambda c: (abs((c - day).days), c > day))
        if abs((when - day).days) > 184:  # "29 February" four years on is no near day
            when = None
        elif (when - day).days > _AHEAD_UNMARKED:
            when = None  # months ahead with no future verb: a past day of another year
    return None if when is None else _written(written.strip(), when)


def _written(word: str, when: date) -> str:
    """ "Wednesday (28 September 2016)": the word the sentence dates by, and the day it is."""
    return f"{word} ({when.day} {_MONTH_NAMES[when.month - 1]} {when.year})"
