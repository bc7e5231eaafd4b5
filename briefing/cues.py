"""Word cues that a sentence carries someone's words, a view, or a harm.

Grounding proves that a cited sentence exists and names its actor; these cues ask whether the
sentence can carry the fact at all. A small model drafts "positions" from sentences that only
describe someone ("Weiner, 46, is married to Huma Abedin", "As UN member states gather to vote
on the draft text, ...") and "risks" from sentences that warn of nothing ("the treaty was
formally adopted by all 193 UN member states on August 8, 2024"). Such a draft is rejected
with its reason rather than shown.

The lists are mostly stems matched at the start of a word (whole words where a stem would
match common words of no weight, such as "likely" or "committee"), kept broad on purpose: a cue
missed costs a true fact, a cue too many only lets through a draft that the rest of grounding
still checks. They are English: a sentence in another language is not judged.
"""

from __future__ import annotations

import re

from .claims import WEEKDAYS
from .names import without_sentence_stop, without_state

__all__ = [
    "DAY_NAMES",
    "SENT_TEXTS",
    "SUBORDINATORS",
    "addressed_mention",
    "after_a_pronoun_speaker",
    "first_speaker",
    "gives_no_comment",
    "has_a_verb_of_saying",
    "named_speaker",
    "named_speakers",
    "names_a_harm",
    "PRONOUN_SEX",
    "of_the_other_sex",
    "one_body_named",
    "pronoun_speaker",
    "raises_a_concern",
    "reads_as_english",
    "reports_someone",
    "says_of_another",
    "speaks_by_pronoun",
    "states_a_view",
    "views_of_others",
    "voices_a_harm",
]


def _stems(*stems: str) -> str:
    return r"\b(?:" + "|".join(stems) + r")\w*"


def _words(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


# Quotation marks; an apostrophe after a plural is its possessive ("the attackers' motivation"),
# and a quotation that closes there opened with a mark of its own.
_QUOTED = r"[\"“”«»]|(?<!\w)['‘]|(?<![sS])['’](?!\w)"
# Texts sent to someone: "sent a letter to Pence", "received a letter signed by ...".
SENT_TEXTS = "letter|note|message|memo|e-?mail|petition"
# The days of the week as a story writes them: "on Sunday urged".
DAY_NAMES = "|".join(day.capitalize() for day in sorted(WEEKDAYS))
# Pronouns that stand for a speaker; possessives do not ("his wife is expected to plead").
_PRONOUN = _words("he", "she", "they", "we", "i")
# Verbs of saying. Words as often something else are left out: "it" (as often the object),
# "states" and "note" (nouns), "calls" (phone calls). The second half of a compound is no
# verb: "a self-described promoter", "the so-called caravan".
_SAYING = r"(?<!\w-)" + _words(
    *"say said says saying tell told tells add added adds argue argued argues warn warned warns"
    " write wrote writes stated stating noted urge urged urges insist insisted insists express"
    " expressed expresses claimed believe believes believed"
    " ask asked asks explain explained explains stress stressed stresses suggest suggested"
    " suggests called accuse accused accuses vow vowed vows pledge pledged pledges promise"
    " promised promises announce announced announces describe described describes contend"
    " contended contends maintain maintained maintains think thinks thought statement"
    " identify identifies identified highlight highlights highlighted outline outlines"
    " outlined tweeted tweeting concluded concludes".split()
)
# "concerns which candidate would do more harm": what something is about, not a concern.
_ABOUT_NOT_CONCERN = r"(?!\s+(?:which|whether|how|what|who|whom|why|where|when)\b)"
_CONCERNS = rf"\bconcerns\b{_ABOUT_NOT_CONCERN}"
# "According to" reports someone's words, not a record's: "according to tax returns released
# Friday" gives figures, no one's view.
_RECORDS = (
    r"tax\s+returns?|records?|data|figures|filings?|statistics|census|estimates?|polls?|surveys?"
)
_SAYING += (
    r"|\baccording\b(?!\s+to\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_RECORDS})\b)"
)
# What someone confirmed is their word: "Trump confirmed that former Sen. Joe Lieberman is
# his top choice" (not "the Senate confirmed Gorsuch", a vote).
_SAYING += r"|\bconfirm(?:s|ed|ing)?\s+that\b"
# Said again: "she repeated that the charges did not involve Mr. Trump" (not "repeated
# attempts").
_SAYING += r"|\brepeat(?:s|ed|ing)?\s+that\b"
# Not after a word that comes before a noun, or a possessive: the word after is a noun.
_BEFORE_A_NOUN = "the a an their his her its our your my this that these those such whose"
_NOT_AFTER_A_DETERMINER = (
    "".join(rf"(?<!\b{word} )" for word in _BEFORE_A_NOUN.split()) + r"(?<!['’]s )"
)
# "claim" and "claims" as verbs: "they claim that ...", not "their claims into a single case".
_SAYING += "|" + _NOT_AFTER_A_DETERMINER + r"\bclaims?\b"
# "tweet" and "tweets" as verbs: "Trump tweets that ...", not "a weekend tweet landed the
# White House in hot water" or "the tweets produced by the president's son".
_SAYING += "|" + _NOT_AFTER_A_DETERMINER + r"(?<!\bweekend )(?<!\bTwitter )\btweets?\b"
_CONCERN = rf"\bconcern\w*\b{_ABOUT_NOT_CONCERN}"
# A protest, not the protesters, who are people named ("A protester captured the exchange on
# video Tuesday").
_A_PROTEST = r"\bprotest(?!ers?\b|ors?\b)\w*"
# Taking a side, by word or by act: backing, opposing, suing, voting, praising, doubting.
_VIEW = "|".join(
    (
        _stems(
            *"support oppos endors credit criticis criticiz prais welcom reject condemn"
            " denounc denunc defend comment emphasi lawsuit applau blam challeng demand"
            " lobb fight fought adopt ratif veto resist refus"
            " doubt disput dismiss deny agree(?!ments?\\b) disagree acknowledg admit conced"
            " hope want wish intend seek sought recommend champion embrac boycott"
            " withdr abandon worr fear skeptic sceptic alarm view stance"
            " testif interview insist assert affirm urg argu threaten slam blast"
            " accus hail laud tout celebrat thank appreciat announc believ feel felt prefer"
            " hate love request predict anticipat forecast hammer jok quip mock ridicul"
            " assail lambast rebuk scold fault lash complain demur retort".split()
        ),
        _A_PROTEST,
        # Whole words where a stem would also match "likely", "responsible", "committee",
        # "regarding", "considerable", "replace", "objective", "favorite", "decrease", "the
        # emergency declaration" or "Denice".
        _words(
            *"like likes liked dislike dislikes disliked respond responds responded reply"
            " replies replied react reacts reacted reaction rebut rebutted committed commitment"
            " consider considers considered regard regards regarded object objects objected"
            " objecting objection objections favor favors favored favour favours favoured"
            " adamant proponent proponents decry decries decried declare declares declared"
            " declaring denied denies denial denials denying reversed reverses reversing"
            " reversal reversals".split()
        ),
        # A measure passed or a ban imposed: "the US Congress passed a bill that bans all
        # federal government employees from accessing TikTok", "The EU Commission has now
        # banned employees from using TikTok".
        r"\bpass(?:ed|es|ing)?\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:bill|law|measure|resolution|legislation|amendment|ban|motion)\b",
        _words("banned", "banning", "outlawed", "outlawing", "prohibited", "prohibiting"),
        # Agreement held, not an agreement made (a deal: "a joint defense agreement"): "released
        # a joint statement in agreement", "in full agreement with the president".
        r"\bin\s+(?:full\s+|complete\s+|total\s+)?agreement\b",
        # A theory held: "The plaintiffs’ theory is that a centralized companywide policy gave
        # local managers too much discretion" (not "in theory").
        r"\btheor(?:y|ies)\s+(?:is|was|are|were)\s+that\b",
        # A point made: "made this point abundantly clear when he pointed to the series of
        # 5-4 decisions".
        r"\bpoint(?:s|ed|ing)?\s+(?:out|to)\b"
        r"|\bma(?:de|kes?|king)\s+(?:this|that|the|a|his|her|their|its)\s+point\b(?!\s+of\b)",
        # (not "back-and-forth", an exchange)
        _words("back", "backs", "backed", "backing", "backer", "backers", "sign", "signed")
        + r"(?!-and-)",
        # A concern, not what something is about: "the back-and-forth ... concerns which
        # candidate would do more harm".
        _CONCERN,
        # A position held, not a post: "her position on same-sex marriage", "took the position
        # that ...", "AARP's position", "the position of the government"; not "the contenders
        # for the position include", "remained in No. 3 position of assistant leader".
        r"\b(?:position|positions)\s+(?:on|that|toward|towards|against|in\s+favou?r"
        r"|of(?=\s+(?:the|his|her|their|its|our|my|your|this|that|these|those|(?-i:[A-Z_]))))\b",
        r"(?:\b(?:his|her|their|its|our|my|your)|['’]s?)\s+(?:[\w-]+\s+)?positions?\b",
        _words("push", "pushed", "pushes", "pushing", "pressed", "pressing", "sued", "sues"),
        _words("sue", "suing", "suit", "suits", "calling"),
        # A call made, not a phone call: "calls for a vote", "called on the UN".
        r"\bcalls?\s+(?:for|on|out)\b",
        # "voted against the bill" takes a side, "gather to vote on the text" does not; a critic
        # does, a "critical juncture" does not.
        _words("voted", "against", "critic", "critics"),
        # A charge of bad faith: "Chris Johnson sees a double standard", "hypocritical".
        r"\bdouble\s+standards?\b|\bhypocri\w*",
        # Verbs whose stems also make nouns or adjectives of no view: a campaign, a question,
        # "the attacks", "gun control advocates", "her expected testimony", "likely to win
        # approval".
        _words("campaigned", "campaigning", "questioned", "questioning", "attacked", "attacking"),
        _words("advocated", "advocating", "expect", "expects", "expecting", "approve", "approves"),
        _words("approved", "approving", "advocate", "advocates") + r"(?=\s+(?:for|the|a|an|it)\b)",
        # An intention, as "intend": "plans to invoke the Fifth Amendment".
        _words("plan", "plans", "planned", "planning") + r"(?=\s+to\b)",
        r"\b(?:campaign|question)s?\s+(?:for|against|whether|why|how)\b",
        # Proposing takes a side; "the proposed text" only names the text.
        r"(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bits )(?<!\btheir )(?<!'s )(?<!’s )\bpropos\w*",
    )
)
# Harms and warnings, and the modal verbs that put a harm in the future.
_HARM = "|".join(
    (
        _CONCERN,
        _stems(
            *"risk warn threat danger fear harm abus misus undermin violat jeopard"
            " vulnerab weaponi restrict surveil crisis crises damag cost loss hurt problem"
            " worr alarm catastroph disaster collaps fail erod erosion weak detriment"
            " exhaust insolv shortfall deficit debt crim censor persecut repress suppress"
            " chill expos breach leak fraud unsafe penal punish jail prison arrest kill"
            " death injur pollut unemploy inflation recession shortage burden strain overreach"
            " intrus invasiv discriminat racis bias unfair illegal unlawful unconstitution slash"
            " destabil conflict terror exploit intimidat harass obstruct"
            " disrupt instabil uncertain volatil panic bankrupt layoff caution peril hazard toxic"
            " fragil expensiv scrutin oppress infring endanger imperil eliminat violen"
            " massacr disturbing troubl raid unrest upheaval".split()
        ),
        # An attack, not one on a person in words ("an advertising campaign attacking Obama as
        # an "elitist hypocrite"", "people who attack my wife") nor an "attack dog". (A name
        # is read blanked: "_____".)
        r"\battack(?:s|ed|ing|ers?)?\b(?!\s+(?:dogs?|him|her|them|me|us|my|his|their|our|your"
        r"|the\s+(?:president|governor|senator|mayor)|_+|(?-i:[A-Z])[\w'’-]*)\b)",
        # Hacking, not a political hack, who is a person ("unlike Lyin' Ted Cruz I do not
        # surround myself with political hacks and henchman").
        r"(?<!\bpolitical )(?<!\bparty )\bhack\w*",
        # Prosecution, not the prosecutors ("said she has signed a plea agreement with
        # federal prosecutors" warns of nothing).
        r"\bprosecut(?!ors?\b)\w*",
        # A modal verb puts a harm in the future when a consequence follows it ("could lead
        # to", "would allow governments to", "would wipe out"); "he would be in Switzerland",
        # "would not go that far", "you may have heard" warn of nothing. "may" in lower case
        # only: "3 May 2025" is a date.
        r"\b(?:could|would|(?-i:may)|might)(?:n['’]t)?\s+(?:(?:not|also|even|only|well|then"
        r"|still|eventually|ultimately|effectively|potentially|easily|soon|further)\s+){0,2}"
        r"(?:lead|result|allow|let|enable|force|cause|mean|end|open|give|wipe|undercut|strip"
        r"|deny|prevent|stop|reduce|shrink|raise|drive|push|leave|turn|require|impose|shift"
        r"|limit|affect|derail|doom|hamper|hinder|slow|delay|reconsider|take|hit|make|pay"
        r"|surviv)\w*"
        # Or a power turned on people: "could be used against journalists".
        r"|\b(?:could|would|(?-i:may)|might)\s+(?:(?:also|even|well|easily|then)\s+)?be\s+"
        r"(?:used|turned)\s+against\b",
        # Something going wrong, not someone being wrong ("those views are wrong", "she is
        # dead wrong on the issue", "had done nothing wrong" warn of nothing); death, not "dead
        # wrong" or "dead set".
        r"\b(?:go|goes|going|gone|went)\s+(?:\w+\s+)?wrong\b|\bwrongful\w*"
        r"|\bdead\b(?!\s+(?:wrong|right|set|serious|last|heat|even|ahead|on)\b)",
        _words(
            *"bad worse worst die dies war wars ban bans banned coup coups"
            " target targets targeted targeting track tracking deter block blocks".split(),
        ),
        # Cuts, but not a tax cut, which no one warns of as a harm, nor cutting what is
        # itself a harm ("qualified her to "cut pork" in Washington").
        # Nor cutting oneself off, in speech: "before he cut himself off".
        r"(?<!\btax )\bcuts?\b(?!\W+(?:pork|waste|red\s+tape|taxes|fraud|(?:the\s+)?deficits?"
        r"|(?:him|her|it|them|my|your|our)sel(?:f|ves))\b)",
        # Silencing, not silence kept or broken ("broke his silence Wednesday about the
        # controversy", "a moment of silence").
        r"\bsilenc(?:ed|es|ing)\b|\b(?:to|could|would|will|might|may)\s+silence\b",
        # Whole words where a stem would also match "director", "Los Angeles" or "Spyer".
        _words(*"dire lose loses losing lost spy spies spying spied spyware".split()),
    )
)

# Giving a warning without a verb of saying: a concern, a fear, criticism, an objection, a
# lawsuit, an assessment. Whole words where a stem would also match "objective", "decrease"
# or "issue".
_VOICING = "|".join(
    (
        _CONCERN,  # (not "concerns which candidate would do more harm": what it is about)
        _stems(
            *"worr fear alarm warn caution critic condemn slam blast assess"
            " lawsuit complain alleg accus oppos".split()
        ),
        _A_PROTEST,
        _words(*"object objects objected objecting objection objections decry decries".split()),
        _words("decried", "sue", "sues", "sued", "suing"),
    )
)

# Criticism someone draws or faces, which is not their warning: "drew fierce criticism and a
# call for his resignation", "faced an onslaught of criticism".
_RECEIVED_CRITICISM = re.compile(
    r"\b(?:dr[ae]w|draws|drawn|drawing|fac(?:ed|es|ing|e)|receiv(?:ed|es|ing|e)|attract\w*"
    r"|c[ao]me\s+under|comes\s+under|under)\s+(?:[\w-]+\s+){0,3}?(?:criticism|fire|scrutiny"
    r"|backlash|condemnation|rebukes?|outrage|protests?)\b"
    # or an accusation: "as well as being arrested and accused of threatening to use a bomb"
    # (not "was accused by the union of ...", whose accuser is named)
    r"|\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+\s+(?:and\s+)?){0,2}?accused\b(?!\s+by\b)"
    # or what someone is under: "resigned ..., following multiple allegations of sexual
    # harassment", "would not step down despite widespread criticism over a profane threat",
    # "used taxpayer money to settle sexual harassment claims", "to settle a sexual
    # harassment lawsuit his former communications director ... had filed"
    r"|\b(?:following|after|amid|despite|over|settle[sd]?|settling)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:allegations?|accusations?|criticism|claims|complaints|charges|lawsuits?)\b",
    re.IGNORECASE,
)
# Words nearly every English sentence has and other languages' sentences rarely do. The cue
# lists are English: a sentence without any of these is not judged, so a French or German
# source loses no fact to them.
_ENGLISH = re.compile(
    _words(
        *"the and of to is are was were that with for has have had by from this which will"
        " would said says not did been their his her its into without about after but they she"
        " it be also who than".split()
    ),
    re.IGNORECASE,
)
# (The noun "concerns" reports someone's words where they are someone's, "outlining their
# concerns", "raised concerns", not in a sentence that gives them to no one to carry over
# from the sentence before: "But questions and concerns remain.")
_OWNED_CONCERNS = (
    r"\b(?:their|his|her|its|our|my|your|[\w-]+['’]s?|(?:rais|voic|express|outlin|shar|air)"
    r"(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,2}?concerns\b"
)
_REPORTED_WORDS = re.compile(f"{_QUOTED}|{_SAYING}|{_OWNED_CONCERNS}", re.IGNORECASE)
_SAYING += f"|{_CONCERNS}"
_REPORTED = re.compile(f"{_QUOTED}|{_SAYING}", re.IGNORECASE)
_SAYS = re.compile(_SAYING, re.IGNORECASE)
# Which pronouns can stand for an actor of a kind: "she" for Ms. Park, "they" for a union.
_PRONOUNS_FOR = {
    None: re.compile(_PRONOUN, re.IGNORECASE),
    "person": re.compile(_words("he", "she", "i"), re.IGNORECASE),
    "body": re.compile(_words("they", "we"), re.IGNORECASE),
}


def _pronouns_for(kind: str | None) -> re.Pattern[str]:
    """The pronouns that can stand for an actor of ``kind`` (any, when it is not known)."""
    return _PRONOUNS_FOR[None if kind is None else "person" if kind == "person" else "body"]


_VIEWED = re.compile(f"{_QUOTED}|{_SAYING}|{_VIEW}", re.IGNORECASE)
_HARMFUL = re.compile(_HARM, re.IGNORECASE)
_VOICED = re.compile(_VOICING, re.IGNORECASE)


# A capitalized word inside a sentence is a name, whatever word it starts with: "Sen. Mark
# Warner" warns of nothing, "Hope Hicks" hopes nothing, "Crimea" is no crime. A word that
# opens the sentence, or a quotation or an aside, is read.
_NAME_INSIDE = re.compile(
    r"(?:(?<=[\w,;] )|"
    + "|".join(rf"(?<=\b{title}\. )" for title in "Mr Mrs Ms Dr Sen Rep Gov Gen Lt St Prof".split())
    + r")[A-Z][\w'’-]*"
)


def _names_blanked(sentence: str) -> str:
    """The sentence with each capitalized word inside it blanked, so no cue is read in a name."""
    return _NAME_INSIDE.sub(lambda name: "_" * len(name.group(0)), sentence)


# "Called" that names rather than says: "a program launched in 2007 called PRISM", "so-called".
_NAMING_CALLED = re.compile(r"\b(?:so-called|an?\s+(?:[\w'’-]+\s+){0,4}called)\b", re.IGNORECASE)
# What people at large are said to believe of someone, no one's voice: "Richard Blumenthal,
# once thought to be a shoo-in for the seat, finds himself on the political ropes".
_HEARSAY = re.compile(
    r"\b(?:thought|believed|said|rumou?red|reputed)\s+to\s+(?:be|have)\b", re.IGNORECASE
)
# A poll's share, no one's backing: "former Alaska Gov. Sarah Palin earned 10 percent
# support" (not "I 100 percent support more transparency").
_POLL_SHARE = re.compile(
    r"\b(?:earn|got|get|gets|won|win|wins|receiv|garner|drew|draw|polled|polling|had|has|have"
    r"|with|at)\w*\s+(?:(?:about|just|only|nearly|almost|roughly|some)\s+)?\d+(?:\.\d+)?\s*"
    r"(?:%|percent|per\s+cent|points?)\s+(?:of\s+the\s+)?(?:support|backing|approval)\b",
    re.IGNORECASE,
)


# Remarks made, with nothing of what they said: "Akin made the remarks in an interview with
# Fox affiliate KTVI." Read to a comma or the end of the clause, or to a clause that says
# something ("as Republicans criticized ..."; "after making his remarks, signed ... a step
# that has stirred objections" keeps the objections).
_REMARKS_MADE = re.compile(
    r"\bma(?:de|kes?|king)\s+(?:the|his|her|their|those|these|its)\s+(?:remarks|comments)\b"
    r"[^.,;:“”\"]*?(?=\s+(?:but|while|although|though|as|because|when|saying|and\s+(?:said"
    r"|says|added))\b|[.,;:“”\"]|$)",
    re.IGNORECASE,
)


# Words saying that someone gave no view: "declined to comment", "did not immediately return
# emails seeking comment", "said he could not confirm, deny or comment on the case", with the
# saying verb that reports it. Read to the end of the clause ("..., but said ..." is a view).
_NO_COMMENT = re.compile(
    r"(?:\b(?:said|says)\s+(?:(?:on|in|to)\s+(?:\w+\s+){1,3}?)?(?:that\s+)?"
    r"(?:he|she|they|it|the\s+[a-z]+)\s+)?"
    r"\b(?:(?:declined|refused)\s+to\s+(?:comment|discuss|elaborate|respond)"
    r"|(?:did|would|could)\s+not\s+(?:immediately\s+)?"
    r"(?:respond|return|reply|be\s+reached|confirm|comment|discuss)"
    r"|(?:was|were)\s+not\s+(?:immediately\s+)?available\s+(?:for|to)\s+comment"
    # "She was mum on whether she considered his proposal a final deal."
    r"|(?:was|were|is|are|remained|stayed|kept)\s+(?:largely\s+)?mum"
    # "Neither the White House nor Fincher made any public comment about the issue Saturday."
    r"|(?:made|offered|gave)\s+(?:no|any)\s+(?:public\s+|immediate\s+)?comments?"
    r"|no\s+comment)\b[^.;:“”\"]*?"
    r"(?=,?\s+(?:but|while|although|though|and\s+(?:said|says|added))\b|[.;:“”\"]|$)",
    re.IGNORECASE,
)


def _without_naming(sentence: str) -> str:
    """The sentence with each "called" that names a thing, what someone is "thought to be",
    a poll's share ("earned 10 percent support"), remarks made with nothing of what they said
    ("made the remarks in an interview with ...") and each refusal to comment, left out: none
    shows a view. A refusal in a clause the
    sentence opens with ends there: "While Cumberland and Amber Group did not respond to
    Forbes' request for comment, Binance's Chief Strategy Officer Patrick Hillmann suggested
    that ..." keeps his words."""
    named = _NAMING_CALLED.sub(lambda found: found.group(0)[: -len("called")], sentence)
    named = _REMARKS_MADE.sub(" ", _POLL_SHARE.sub(" ", _HEARSAY.sub(" ", named)))
    opening = _A_CLAUSE_OF_CONTRAST.match(named)
    if opening:
        head, rest = named[: opening.end()], named[opening.end() :]
        return _NO_COMMENT.sub(" ", head) + _NO_COMMENT.sub(" ", rest)
    return _NO_COMMENT.sub(" ", named)


# A clause of contrast opening a sentence, up to its comma: "While X did not respond, ...".
_A_CLAUSE_OF_CONTRAST = re.compile(r"\s*(?:While|Although|Though|Whereas)\b[^,;.]*,")


def gives_no_comment(sentence: str) -> bool:
    """Whether a sentence says only that someone gave no view ("She has declined to comment
    on the allegation."): the sentence before may name the one who declined and hold a view
    of someone else's, which this sentence does not carry over."""
    return _NO_COMMENT.search(sentence) is not None and not states_a_view(sentence)


def reports_someone(sentence: str, kind: str | None = None) -> bool:
    """Whether a sentence reads as someone's words rather than the writer's: quotation
    marks, a pronoun standing for a speaker ("he", "they"; not "his wife"), or a verb of saying.
    Given the ``kind`` of actor the speaker would be, only a pronoun that can stand for it
    counts: "he", "she" or "I" for a person, "they" or "we" for any other.

    It lets a sentence carry the words of someone named only in the sentence before: "He also
    argued that ..." does; "The convention will enter into force 90 days after ..." after a
    sentence about what a company did is the writer's own statement, not the company's; and
    "Republicans and Democrats pressed ahead with one point on which they agree" is no
    official's named in a list before it.
    """
    sentence = _without_naming(sentence)
    found = _REPORTED_WORDS.search(sentence) or _pronouns_for(kind).search(sentence)
    return found is not None


def states_a_view(sentence: str, *, english: bool | None = None) -> bool:
    """Whether a sentence can show someone's view: quoted or reported words (not a title in
    quotation marks), or a word of taking a side ("backed", "opposition", "filed a lawsuit",
    "criticised", "voted").
    A sentence that is not English is not judged (True); ``english`` says whether it is,
    when its source tells (a short sentence may not: "Governor Christie?")."""
    if not _is_english(sentence, english):
        return True
    words = _SCARE_QUOTES.sub(" ", _A_TITLE_QUOTED.sub(" ", _without_naming(sentence)))
    return _VIEWED.search(_names_blanked(_NO_ONES_VIEW.sub(" ", words))) is not None


# Words of a view that show no one's: an accusation whose accuser goes unnamed ("was
# accused of spending $750,000 in campaign funds"; not "was accused by the union of", "had
# been accused of sexual harassment by Lauren Greene"), and
# an autograph ("a football signed by U.S. presidents").
_NO_ONES_VIEW = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+\s+(?:and\s+)?){0,2}?accused\b(?![^,;]*\bby\b)"
    # one questioned, by investigators: "when he was questioned early this year about his
    # conversations" (not "the senator questioned the plan")
    r"|\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?questioned\b"
    # someone's thing proposed, named, not proposed here: "only a fraction of Trump's
    # originally proposed figure of $5.7 billion"
    r"|['’]s\s+(?:[a-z]+ly\s+)propos\w*"
    # a question put to someone, who answers in the rest of the sentence or not at all:
    # "Asked for quick thoughts about each of the candidates ..., Mr. Trump played along."
    r"|^\s*[\"“]?(?:(?:when|after|once)\s+(?:being\s+)?)?asked\b"
    # others' calls the subject acts in spite of, no one named making them: "Ginsburg and
    # Justices Elena Kagan and Clarence Thomas all took part despite calls for them to
    # recuse" (not "despite loud calls from his party's leaders", "despite his criticisms")
    r"|\bdespite\s+(?!(?:his|her|their|its|my|our|your)\b)(?:[\w-]+\s+){0,2}?(?:calls?"
    r"|demands?|pleas?|criticism|objections?|opposition|protests?)\b(?![^,;]*\b(?:from|by)\b)"
    # someone's supporters, who back them: the sentence shows their view only where it says
    # more ("But some of his supporters have started to walk away")
    r"|(?:\b(?:his|her|their|its)|['’]s?)\s+(?:[\w-]+\s+)?(?:supporters|backers)\b"
    r"|\b(?:ball|football|baseball|basketball|jersey|helmet|bat|glove|photo|photograph"
    r"|picture|portrait|poster|guitar|shirt|hat|cap)s?\s+(?:that\s+(?:was|were)\s+)?signed"
    r"\s+by\b"
    # praise someone earned from no one named: "Capt. Ron Johnson ..., who has earned some
    # praise since he took over" (not "drew praise from the mayor")
    r"|\b(?:earn|won|win|drew|draw|receiv|garner|attract)\w*\s+(?:[\w-]+\s+){0,2}?"
    r"(?:praise|plaudits|acclaim|applause)\b(?!\s+(?:from|by)\b)"
    # what is yet to be told, or not known: "when Michael Steele announces whether he plans
    # to step down as party chairman", "It is unclear whether she backs the bill"
    r"|(?:\b(?:announc|decid|say|said|tell|told|reveal|disclos|indicat)\w*\s+)?"
    r"\bwhether\s+(?:or\s+not\s+)?(?:he|she|they|it|we|i|you)\b[^,;:]*"
    # the writer's guess at why someone acted: "Perhaps out of a belief that an impeachment
    # fight would help him politically ..., Mr. Trump dived into the conversation"
    r"|^\W*(?:perhaps|possibly|maybe|presumably)\s+(?:out\s+of|because)\b[^,;]*"
    # and a record's account, which shows a view only where the sentence gives one besides:
    # "Mr. Jackson bought $10,977.74 worth of televisions ..., according to the documents."
    rf"|\baccording\s+to\s+(?:(?:the|an?)\s+)?(?:[\w-]+\s+){{0,3}}?(?:documents?|reports?"
    rf"|indictments?|papers|stud(?:y|ies)|{_RECORDS})\b",
    re.IGNORECASE,
)


# A title in quotation marks, each word capitalized but the small ones: a work's or a day's
# name, not anyone's words ("a reading assignment: “The Compendium of the Social Doctrine of
# the Church,” which was commissioned by John Paul II"); not words in capitals, shouted.
_TITLE_WORD = r"(?:[A-Z][a-z][\w'’.-]*|of|the|and|a|an|in|on|for|to|at|by|with|or|from|&)"
_A_TITLE_QUOTED = re.compile(
    rf"[\"“]\s*[A-Z][a-z][\w'’.-]*(?:\s+{_TITLE_WORD}){{1,12}}\s*[,.!?]?\s*[\"”]"
)
# A few words in quotation marks inside the writer's own: a term, not anyone's words ("the
# search for a “grand bargain” on taxes and spending ultimately failed").
_SCARE_QUOTES = re.compile(r"(?<=\w )[\"“‘]\s*[\w'’-]+(?:\s+[\w'’-]+){0,2}\s*[\"”’](?= \w)")


def has_a_verb_of_saying(text: str) -> bool:
    """Whether ``text`` has a verb of saying ("said", "argued", "according to")."""
    return _SAYS.search(text) is not None


def reads_as_english(sentence: str) -> bool:
    """Whether a sentence has any of the words nearly every English sentence has: the cue
    lists judge only such sentences."""
    return _ENGLISH.search(sentence) is not None


def _is_english(sentence: str, english: bool | None) -> bool:
    return reads_as_english(sentence) if english is None else english


# A remedy: a harm put an end to, fought or kept away is no harm warned of ("the bill aims at
# eliminating fraud", "to combat terrorism"); a harm named besides it still counts.
_REMEDY = re.compile(
    r"\b(?:eliminat|prevent|combat|fight|fought|curb|tackl|reduc|deter|eradicat"
    r"|crack\w*\s+down\s+on|root\w*\s+out|(?:put|putting|puts)\s+an\s+end\s+to)\w*\s+"
    # (words between, not a preposition: "the fight over the deficit" is no remedy)
    r"(?:(?!(?:over|about|with|between|among|on|in|for|of|from|into|to|against|by|at)\b)"
    r"[a-z]+-?[a-z]*\s+){0,2}?"
    r"(?:fraud|corruption|crimes?|criminality|terrorism|terror|abuses?|waste|discrimination"
    r"|racism|violence|misuse|harassment|exploitation|risks?|threats?|inflation|unemployment"
    r"|debt|deficits?|pollution|trafficking|smuggling|money\s+laundering)\b",
    re.IGNORECASE,
)


# A worry denied: "Biden didn’t worry so much about numbers", "is not concerned about the
# toll" warn of nothing ("not only worried" still does).
_NO_WORRY = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bno\s+longer)\s+(?!(?:only|just|merely|simply)\b)"
    r"(?:[a-z]+\s+){0,2}?"
    r"(?:worr(?:y|ies|ied|ying)|concerned|fear(?:s|ed|ful)?|alarmed|troubled)\b",
    re.IGNORECASE,
)


# A named person's death, a fact told, not a harm warned of: "the vacancy, which was
# created by the death of Justice Antonin Scalia more than a year ago".
_A_DEATH_NAMED = re.compile(r"\b(?i:death)\s+of\s+(?:the\s+late\s+)?(?=[A-Z])")


def names_a_harm(sentence: str, *, english: bool | None = None) -> bool:
    """Whether a sentence names a harm, a risk or a warning, or puts one in the future by a
    modal verb before a consequence ("could lead to", "would wipe out"); a harm fought or
    ended is none ("eliminating fraud"), nor is a worry denied ("didn't worry about"). A
    sentence that is not English is not judged (True; see ``states_a_view`` for
    ``english``)."""
    if not _is_english(sentence, english):
        return True
    unharmed = _NO_WORRY.sub(" ", _REMEDY.sub(" ", _A_DEATH_NAMED.sub(" ", sentence)))
    return _HARMFUL.search(_names_blanked(unharmed)) is not None


def raises_a_concern(text: str, *, english: bool | None = None) -> bool:
    """Whether ``text`` voices a concern, a fear, criticism or a warning by its own words
    ("has voiced concerns about the charge"), not criticism someone drew. A text that is
    not English is not judged (True; see ``states_a_view``)."""
    if not _is_english(text, english):
        return True
    voiced = _names_blanked(_RECEIVED_CRITICISM.sub(" ", _without_naming(text)))
    return names_a_harm(text, english=True) and _VOICED.search(voiced) is not None


def voices_a_harm(sentence: str, *, english: bool | None = None) -> bool:
    """Whether a sentence names a harm as someone's warning: it names a harm and reports
    someone's words, or names a concern, a fear, criticism or a lawsuit. "Iran proposed to
    eliminate human rights safeguards" names a harm Iran would do, not one it warns of.
    A sentence that is not English is not judged (True; see ``states_a_view``)."""
    if not _is_english(sentence, english):
        return True
    # A pronoun is no voice here ("In 1970, with his last deferment in jeopardy, he landed
    # ..."), nor criticism someone drew ("Michael Steele ... drew fierce criticism").
    said = _names_blanked(_RECEIVED_CRITICISM.sub(" ", _without_naming(sentence)))
    return names_a_harm(sentence, english=True) and (
        _REPORTED.search(said) is not None or _VOICED.search(said) is not None
    )


# Verbs that put the one named after them on the receiving end: "told the New York Times",
# "asks national parliaments to refuse ratification", "urged lawmakers", "called on the UN",
# "sent officials an e-mail", "the draft goes to the General Assembly"; and the one judged:
# "Trump accused Obama of ...", "Arpaio endorsed Perry".
# A title may stand between a verb and the one it addresses: "calling out Speaker of the
# House John Boehner", "asked former President Bill Clinton to talk to ...". So may others
# named with it: "took a swipe at CNN and MSNBC".
_TITLE_BETWEEN = (
    r"\s+(?:on\s+)?(?:the\s+)?(?:(?:former|current|outgoing|fellow)\s+|then-)?"
    # (or a tie to the subject: "pleaded with his Russian counterpart Vladimir Putin")
    r"(?:(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:counterpart|deputy|predecessor"
    r"|successor|rival|opponent|colleague|boss|friend|ally),?\s+)?"
    # (or a post before a comma: "against the current House majority whip, Representative
    # Kevin McCarthy of California")
    r"(?:(?:[\w-]+\s+){0,3}?(?:whip|leader|chair|chairman|chairwoman|speaker|secretary"
    r"|director|governor|senator|president|minister|mayor|incumbent|nominee|candidate),\s+)?"
    r"(?:(?-i:[A-Z])[\w.'’-]*\s+(?:of\s+the\s+|of\s+|and\s+)?){0,5}$"
)
_ADDRESSING = re.compile(
    r"\b(?:asks?|asked|asking|urges?|urged|urging|(?:calls?|called|calling)\s+(?:on|for|out|up)"
    # The one brought to speak: "Hutchinson called up Mark Mattioli, whose son ...".
    r"|introduc(?:es|ed|ing|e)"
    # The one put somewhere: "it would put Brown in the tough spot of voting against ...".
    r"|puts?|putting"
    # The one a demand is made of: "demanded Rep. Adam Schiff step down as chairman".
    r"|demand(?:s|ed|ing)?"
    # The one let or made to act: "refused on Friday to allow Mr. Obama to negotiate it".
    r"|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|forc(?:es|ed|ing|e)"
    # The ones heard, with nothing of what they said: "The committee also heard testimony
    # from Douglas H. Shulman, the former I.R.S. commissioner; ...".
    r"|heard\s+(?:(?:testimony|evidence)\s+)?from"
    r"|tells?|told|telling|invites?|invited|inviting"
    # (not the noun: "the White House press secretary, Sarah Huckabee Sanders, said")
    r"|press(?:es|ed|ing)?(?!\s+(?:secretar|release|conference|briefing|office|aide|corps))"
    r"|warns?|warned|warning"
    # The one pleaded with: "Zelenskyy pleaded with his Russian counterpart Vladimir Putin".
    r"|(?:plead(?:s|ed|ing)?|pled|appeal(?:s|ed|ing)?)\s+(?:with|to)|begs?|begged|begging"
    r"|implor(?:es|ed|ing|e)"
    r"|accus(?:es|ed|ing|e)|blam(?:es|ed|ing|e)|criticiz(?:es|ed|ing|e)|criticis(?:es|ed|ing|e)"
    r"|prais(?:es|ed|ing|e)|thank(?:s|ed|ing)?|endors(?:es|ed|ing|e)|attack(?:s|ed|ing)?"
    r"|condemn(?:s|ed|ing)?|denounc(?:es|ed|ing|e)|assail(?:s|ed|ing)?|slam(?:s|med|ming)?"
    r"|blast(?:s|ed|ing)?|rebuk(?:es|ed|ing|e)|lambast(?:es|ed|ing|e)?|mock(?:s|ed|ing)?"
    r"|tweak(?:s|ed|ing)?|needl(?:es|ed|ing|e)|chid(?:es|ed|ing|e)"
    r"|ridicul(?:es|ed|ing|e)|scold(?:s|ed|ing)?|subpoena(?:s|ed|ing)?"
    # The one reacted to: "offered swift, negative reactions to Michael Steele".
    r"|reactions?\s+to"
    # The one a view is held of, by a noun: "alarmed by his rapid embrace of Mr. Lieberman",
    # "criticism of Ms. Park", "support for Mr. Lee" (not "the support of", "the endorsement
    # of", which may be given by the one named; nor the "Defense of Marriage Act").
    r"|(?:embrace|criticism|critique|(?-i:defen[cs]e))\s+of|opposition\s+to"
    r"|(?:disdain|contempt|admiration|praise|support)\s+for"
    # The one met or dealt with: "heading to Mexico to meet with President Enrique Pena Nieto".
    r"|(?:meet|meets|meeting|met)\s+with"
    # The other side of an exchange: "referring to an exchange with Speaker Nancy Pelosi",
    # "called back for another interview with Jared Kushner".
    r"|(?:exchanges?|conversations?|talks|calls?|negotiations?|interviews?)\s+with"
    # The one sided with: "the majority has sided with corporations"; and the one a feeling
    # or a fight is aimed at: "anger toward Ms. Klobuchar", "a campaign against Lee".
    r"|sid(?:es|ed|ing|e)\s+with|toward|towards|against"
    # "growing frustrated with Reince Priebus", "angry at Obama", "disappointed in Boehner".
    r"|(?:frustrat|anger|angry|upset|furious|disappoint|fed\s+up)\w*\s+(?:with|at|by|in)"
    # The one swiped at: "took a swipe at CNN", "took aim at Twitter".
    r"|(?:swipes?|jabs?|aim|shots?|digs?)\s+at"
    # The one bound or pressed: "imposed a number of restrictions on the White House",
    # "ratcheting up the political pressure on Ms. Pelosi".
    r"|(?:restrictions?|limits?|curbs?|sanctions?|constraints?|pressure)\s+on"
    # The one spoken of: '"He's cool," Murray said of Cowan.'
    r"|(?:said|says|spoke|speaks|wrote|writes|joked|quipped)\s+of"
    # The one referred to: "a clear reference to former Speaker Paul D. Ryan", "the tweet was
    # referring to then-acting Attorney General Sally Yates".
    r"|references?\s+to|refer(?:s|red|ring)?\s+to"
    # The one a post or a process is about: "support for the nomination of Victoria Nuland".
    r"|(?:nomination|confirmation|appointment|ouster|impeachment|resignation)\s+of"
    # The one described: "the magazine portrayed Mitt Romney as ...", "cast former Secretary
    # of State Hillary Clinton as his loyal deputy".
    r"|portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|describ(?:es|ed|ing|e)|cast(?:s|ing)?"
    # The one given something: "Ms. Nuland sent White House officials an e-mail".
    r"|sent|sends?|dispatch(?:es|ed)?|e-?mail(?:s|ed)|hand(?:s|ed)|gave|gives?|show(?:s|ed)"
    r"|remind(?:s|ed)"
    r"|assur(?:es|ed)|inform(?:s|ed)|brief(?:s|ed)|notifie[sd]"
    # Whom words are written or given to: "said in an email to HuffPost".
    r"|(?:e-?mails?|messages?|letters?|notes?|statements?|offers?|subpoenas"
    r"|apolog(?:y|ies|i[sz]e[sd]?))(?:\s+(?:on\s+)?(?-i:[A-Z][a-z]+day)(?:\s+(?:morning"
    r"|afternoon|evening|night))?)?\s+to"
    # The one whose show it is: "on the radio show of former candidate Mike Huckabee".
    r"|(?:show|program|programme|podcast|blog)\s+of(?:\s+[\w-]+){0,4}"
    # The one identified: "a Seattle woman, later identified as Gennette Cordova".
    r"|(?:identified|named)\s+(?:[\w.-]+\s+){0,5}?as"
    # Whom a letter is sent to: "sent a letter to Pence outlining their concerns".
    r"|(?:sent|sends?|wrote|writes|addressed|delivered)\s+(?:a|an|the|their|his|her|its)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{SENT_TEXTS})s?\s+to"
    # Where a text, a case or someone is sent: "the draft now goes to the General Assembly",
    # "not committed to sending a representative next week to the AIPAC conference".
    r"|(?:goes|go|going|went|sent|sends?|sending|passe[sd]|referred|submitted|forwarded"
    r"|heads?)\s+(?:[\w-]+\s+){0,4}?to)"
    rf"{_TITLE_BETWEEN}",
    re.IGNORECASE,
)
# The one taken to task: "have called Representative Paul Ryan (R-Wisc.) to task for ...".
_TAKING_TO_TASK = re.compile(
    rf"\b(?:calls?|called|calling|takes?|took|taken|taking){_TITLE_BETWEEN}", re.IGNORECASE
)
_TO_TASK = re.compile(r"['’]?s?\s*(?:\([^()]*\)\s*)?to\s+task\b", re.IGNORECASE)


# The one spoken of, named first: "Of Obama, he said, ...".
_SPOKEN_OF = re.compile(r"\s*[\"“]?(?:of|about|on)\s+(?:the\s+)?$", re.IGNORECASE)


def addressed_mention(name: str, sentence: str) -> tuple[int, int] | None:
    """Where ``sentence`` names ``name`` once, and only as the one spoken to or asked: the
    span of that mention, else None. Such an actor is not the speaker of the sentence."""
    if not name.strip():
        return None
    mentions = list(re.finditer(rf"(?<!\w){re.escape(name.strip())}(?!\w)", sentence, re.I))
    surname = name.split()[-1]
    if not mentions and len(name.split()) > 1 and surname[:1].isupper() and len(surname) > 2:
        # A person named by surname alone: "sent a letter to Pence".
        mentions = list(re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", sentence))
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    before = sentence[: mention.start()]
    addressed = (
        _ADDRESSING.search(before)
        or _SPOKEN_OF.match(before)
        or (_TAKING_TO_TASK.search(before) and _TO_TASK.match(sentence, mention.end()))
    )
    return mention.span() if addressed else None


# A view with its holder named after it: "opposition from Western countries", "criticism by
# rights groups". The view is the holder's, not that of the sentence's subject.
# Or holders no one names, with the verb they say it by: "Critics, however, say the Indiana law
# ..." is the critics' view, not Indiana's.
_VIEW_OF_OTHERS = re.compile(
    r"\b(?:opposition|criticisms?|support|backing|concerns?|objections?|backlash|praise"
    r"|condemnation|pushback|resistance|protests?)\s+(?:from|by|among)\s+([^,.;:]+)"
    r"|\b((?:many\s+|some\s+|other\s+)?(?:critics|opponents|detractors|skeptics|sceptics))"
    r"(?:\s*,\s*(?:however|though|meanwhile)\s*,)?\s+(?:have\s+|had\s+)?(?:say|said|argue"
    r"|argued|warn|warned|contend|contended|claim|claimed|charge|charged|fear|feared)\b"
    # Critics moved to speak: "prompted critics to once again question the tactics".
    r"|\b((?:many\s+|some\s+|other\s+)?(?:critics|opponents|detractors|skeptics|sceptics))"
    r"\s+to\s+(?:once\s+again\s+|again\s+|also\s+)?(?:question|criticize|criticise|attack"
    r"|condemn|denounce|say|warn|argue|call)\b"
    # People a relative clause gives the view: "the half-dozen Republican senators who have
    # criticized the declaration"; with what they say after it: "a private meeting with House
    # Democrats who are resisting the deal, saying it gives away too much to the wealthy".
    r"|((?-i:(?:[A-Z][\w'’-]*\s+)*)[a-z]+s)\s+who\s+(?:have\s+|had\s+|are\s+|were\s+)?"
    r"(?:openly\s+)?(?:criticiz|criticis|oppos|support|back|prais|condemn|object|question|denounc"
    r"|attack|resist|reject|fight|block)\w*\b(?:[^.;:\"“”]*?,\s+saying\b[^;]*)?"
    # Someone a relative clause gives words to, named by a common noun: "met with a
    # Kremlin-backed attorney in June 2016 who had promised damaging information about
    # Clinton" (the attorney's promise, no one else's).
    # (Not one set off by commas, another's title: "Jeff Sessions, a former senator, who has
    # told ...", nor a time: "teenagers at the time who claimed ...".)
    r"|(?<!,\s)((?-i:\b(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?!(?:time|times|day|days|year|years|moment|week|weeks)\b)[a-z][\w-]*))"
    r"(?:\s+(?:in|on|at|from)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+who\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:said|promised|claimed|told|warned|vowed|argued|insisted"
    r"|offered)\b[^.;:\"“”]*"
    # Others' concerns spoken of: "he spoke with Nebraska and Oklahoma officials about their
    # concerns" (their own where ``their`` is the speaker's people: see ``attribution``).
    r"|\b(?:about|over|with|to|on)\s+(their)\s+(?:concerns?|worries|fears|objections?"
    r"|complaints?)\b"
    # One named who is made to take a side: "forcing Mr. Trump to issue the first veto".
    r"|\b(?:forc|compel|press|pressur|push)\w*\s+((?-i:(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}))\s+to\s+(?:[\w'’-]+\s+){0,3}?(?:veto|vote|oppos"
    r"|reject|back|support|sign|withdraw|resign|retreat|drop|abandon)\w*\b",
    re.IGNORECASE,
)


def views_of_others(sentence: str) -> list[tuple[int, int, str]]:
    """Where ``sentence`` names a view together with its holder: (start, end, holder)."""
    return [
        (m.start(), m.end(), next(holder for holder in m.groups() if holder))
        for m in _VIEW_OF_OTHERS.finditer(sentence)
    ]


# A speaker the sentence names beside a verb of saying: "Mr. Obama said ...", "..., said
# Jonathan Cowan, president of Third Way", "AARP insisted that ...". A capitalized word that
# opens a sentence without naming anyone ("He", "But", "The") is not one.
_SPEAKING = (
    r"(?:said|says|told|tells|added|adds|argued|argues|insisted|insists|wrote|writes|warned"
    r"|warns|contended|contends|claimed|claims|stated|noted|notes|explained|explains"
    r"|reiterated|replied|responded|countered|acknowledged|conceded|declared|maintained"
    r"|tweeted|tweets|posted|continued(?=[,.])"  # "..., Santorum continued, suggests ..."
    r"|confirmed|confirms"  # "Trump confirmed that former Sen. Joe Lieberman is his top choice"
    r"|concluded|concludes"  # "The FWS concluded that Zimbabwe has made strides ..."
    # "Trump had promised that Republicans ...", "Trump announced Thursday that he would ..."
    r"|promised|promises|pledged|pledges|vowed|vows|announced|announces"
    # "Mr. Stone indicated that he had advance knowledge ..."
    r"|indicated|indicates|suggested|suggests|hinted|boasted|asserted|alleged"
    r"|(?:was|were)\s+quoted(?:\s+as\s+saying)?"
    # "The Democratic National Committee issued a brief statement shortly after ...:"
    r"|(?:issued|released|put\s+out)\s+an?\s+(?:[\w-]+\s+){0,2}?statement)"
)
# Verbs whose subject takes a side, said before it only ("Ryan criticized the administration";
# never "criticized Ryan", whose name is the one judged).
_JUDGING = (
    r"(?:criticized|criticised|accused|attacked|blamed|praised|defended|slammed|mocked"
    r"|condemned|denounced|endorsed|urged|scoffed)"
)
# Lower-case words inside a name ("Secretary of State ..."), which never end one.
_NAME_JOINERS = ("of", "the", "for", "and")
# Lower-case particles inside a person's name: "Kevin de León", "Mr. van Hollen".
_NAME_PARTICLES = ("de", "del", "della", "der", "den", "di", "du", "da", "dos", "van", "von", "bin")
# (One or two spaces between its words, a line's end among them: a quotation blanked out
# between two names leaves a longer run, and 'ABC's "This Week," Sen. John McCain' is no
# name "ABC's Sen. John McCain".)
_NAME_RUN = (
    rf"(?:(?:[A-Z][\w'’.-]*|{'|'.join(_NAME_JOINERS + _NAME_PARTICLES)})\s{{1,2}}(?!\s)){{0,5}}"
    r"[A-Z][\w'’.-]*"
)
# The name, perhaps with a title or two after it between commas ("Max Richtman, executive
# vice president of ..., an advocacy group, said").
# Words that may stand between a speaker and the verb: "Ashton Kutcher recently tweeted".
_BEFORE_VERB = (
    r"(?:\s+(?:also|later|recently|then|previously|again|repeatedly|publicly|first|has|had|have))"
    r"{0,2}"
    # and the day it spoke: "Hillary Rodham Clinton on Sunday urged ..."
    rf"(?:\s+(?:on\s+)?(?:{DAY_NAMES})"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
)
_SPEAKER_BEFORE = re.compile(
    rf"(?<![\w'’])({_NAME_RUN})(?:(?:\s*,[^,\"“”]{{1,80}}){{1,2}},)?{_BEFORE_VERB}"
    rf"\s+(?:{_SPEAKING}|{_JUDGING})\b"
)
_SPEAKER_AFTER = re.compile(rf"\b{_SPEAKING}\s+({_NAME_RUN})")
_NOT_NAMES = frozenset(
    """
    he she they we i it you this that these those there here his her their our its but and
    or so yet then also still now when while as if though although because the a an one some
    many most others other officials critics analysts experts supporters opponents
    """.split()
)


_PRONOUN_SPEAKING = re.compile(
    rf"\b(he|she|they|we)\s+(?:also\s+|later\s+)?{_SPEAKING}\b|\b{_SPEAKING}\s+(he|she|they|we)\b",
    re.IGNORECASE,
)


# The pronouns that tell a person's sex, and the sex each tells.
PRONOUN_SEX = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}


def of_the_other_sex(pronoun: str, sex: str | None) -> bool:
    """Whether a pronoun that tells a sex ("he", "his", "she") cannot stand for someone of
    ``sex`` ("she" for Donald Trump); never when either tells none."""
    told = PRONOUN_SEX.get(pronoun.lower())
    return sex is not None and told is not None and told != sex


def pronoun_speaker(sentence: str, kind: str | None, sex: str | None = None) -> str | None:
    """The pronoun a sentence gives as its speaker ('"...," he said') when it cannot stand for
    an actor of ``kind`` ("he" for a broadcaster, "they" for one person) or of ``sex`` ("she"
    for Donald Trump), else None."""
    found = _PRONOUN_SPEAKING.search(sentence)
    if not found or kind is None:
        return None
    pronoun = (found.group(1) or found.group(2)).lower()
    if of_the_other_sex(pronoun, sex):
        return pronoun
    return None if _pronouns_for(kind).fullmatch(pronoun) else pronoun


def speaks_by_pronoun(sentence: str) -> bool:
    """Whether a sentence gives its speaker by a pronoun ('"...," he said', "She added")."""
    return _PRONOUN_SPEAKING.search(sentence) is not None


def after_a_pronoun_speaker(sentence: str) -> int | None:
    """Where a sentence's words go on after a pronoun that speaks ('"...," she wrote above a
    picture of the Obama daughters'): a name after it is the words' object, not their speaker."""
    found = _PRONOUN_SPEAKING.search(sentence)
    return found.end() if found and found.group(1) else None


# A speaker named before another and "and": "Speaker Nancy Pelosi of California and Senator
# Chuck Schumer of New York said".
_CO_SPEAKER = re.compile(
    r"(?<![\w'’.-])([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the)){0,7})\s+and\s+$"
)
# The last word of a body's name: "and" before it may join the name's own words ("U.S. Fish
# and Wildlife Service", "Department of Health and Human Services", "Food and Drug
# Administration"), not two speakers.
_BODY_HEAD = re.compile(
    r"(?i:services?|administration|department|agency|commission|committee|council|foundation"
    r"|institute|cent(?:er|re)|bureau|office|authority|association|board|fund|caucus|party"
    r"|coalition|alliance|union|league|society|federation|organi[sz]ation|corporation|company"
    r"|group|network|trust|ministry|watch)"
)
# A name after its verb speaks only where it closes the clause ('"...," said Ana Park.',
# "said Ana Park in a statement"), not where a clause goes on ("vowed Congress would ...").
_TOLD = re.compile(r"(?:told|tells)\b")
# A pronoun as the verb's subject: "He said Obama “doesn't have a doctrine”" is his
# words of Obama, not Obama's.
_PRONOUN_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\s+(?:also\s+)?$")
_CLOSES_THE_CLAUSE = re.compile(r"\s*(?:$|[,.;:!?)—–]|(?:in|on|at|during|to|after)\b)")
# A place's state or country between commas after it: the name is a place that a noun goes on
# to qualify ("tweeted the Brooklyn, N.Y., chapter of Indivisible Nation").
_PLACE_OF = re.compile(r",\s*[A-Z][\w.]*\.,\s+[a-z]")


# A word that opens a clause before the main one ("While", "When" ...); not "As", as often a
# preposition ("As Texas governor, he directed ...").
SUBORDINATORS = "When|While|After|Before|Although|Though|If|Because|Since|Until|Once|Whereas|Unless"
_OPENING_SUBORDINATE_CLAUSE = re.compile(rf"\s*[\"“‘]?(?:{SUBORDINATORS})\s[^,;:]{{1,160}},")


def named_speakers(sentence: str) -> list[str]:
    """The names a sentence gives as the speakers of its words, for giving them a fact the
    model drafted for another: one ("Mr. Obama said ..."), or two joined by "and" before the
    verb ("Ana Park and Senator Ivo Brandt said"), each less a state it is "of"; none when no
    name speaks. Stricter than ``named_speaker``: a name after the verb must close the
    clause, and be one name."""
    before = [(m, True) for m in _SPEAKER_BEFORE.finditer(sentence)]
    after = [(m, False) for m in _SPEAKER_AFTER.finditer(sentence)]
    # "After Gorsuch repeatedly stated that ..., Democrats reminded him ...": who spoke in an
    # opening clause does not speak the sentence's main one.
    clause = _OPENING_SUBORDINATE_CLAUSE.match(sentence)
    for match, is_before in sorted([*before, *after], key=lambda item: item[0].start()):
        if clause and match.start() < clause.end():
            continue
        run = match.group(1)
        last = run.rsplit(" and ", 1)[-1]  # the name next to the verb; one before is read below
        name = _speaker_name(last, _NOT_SPEAKER_WORDS)  # ("On Saturday, the mayor ... said")
        if not name or (not is_before and " and " in run):
            continue
        if is_before and _IN_A_PLACE.search(sentence, 0, match.start()):
            continue  # "... Medical Group in Mount Kisco, New York, said": a place
        if not is_before and (
            not _CLOSES_THE_CLAUSE.match(sentence, match.end())
            or _PRONOUN_BEFORE.search(sentence, 0, match.start())
            or _TOLD.match(match.group(0))
            or _PLACE_OF.match(sentence, match.end())
        ):
            continue  # "told NBC on Friday": the one told
        at = match.start(1) + len(run) - len(last) + last.find(name)
        joined = _CO_SPEAKER.search(sentence, 0, at) if is_before else None
        other = _speaker_name(joined.group(1)) if joined else None
        return [without_state(speaker) for speaker in _joined_speakers(other, name)]
    return []


def one_body_named(first: str, second: str) -> bool:
    """Whether "<first> and <second>" is one body's name: the second part ends in a body's
    word and the first does not ("U.S. Fish and Wildlife Service", not "Human Rights Watch
    and Amnesty International" or "Ana Park and Ivo Brandt")."""
    return bool(
        _BODY_HEAD.fullmatch(second.split()[-1]) and not _BODY_HEAD.fullmatch(first.split()[-1])
    )


def _joined_speakers(first: str | None, second: str) -> list[str]:
    """The speakers of "<first> and <second> said": two names ("Ana Park and Senator Ivo
    Brandt"), or one body's name that has "and" in it ("U.S. Fish and Wildlife Service"); none
    when two single words may be either ("Procter and Gamble", "Obama and Biden")."""
    if first is None:
        return [second]
    if one_body_named(first, second):
        return [f"{first} and {second}"]
    if len(first.split()) >= 2:
        return [first, second]
    return [] if len(second.split()) == 1 else [second]


def named_speaker(sentence: str) -> str | None:
    """The name a sentence gives as the speaker of its words, or None.

    "Mr. Obama said the two leaders had supported public works": the words are Mr. Obama's,
    whoever the sentence before named.
    """
    matches = [*_SPEAKER_BEFORE.finditer(sentence), *_SPEAKER_AFTER.finditer(sentence)]
    for match in sorted(matches, key=lambda m: m.start()):  # the first speaker named
        # (not a day or a month: "He said Tuesday he will suspend his account")
        name = _speaker_name(match.group(1), _NOT_SPEAKER_WORDS)
        if name:
            return name
    return None


def _speaker_name(run: str, not_names: frozenset[str] = _NOT_NAMES) -> str | None:
    """A run of capitalized words as a speaker's name: leading words that name no one
    dropped ("But Mr. Obama" is "Mr. Obama"), None when nothing is left."""
    words = run.split()
    while words and words[0].lower().strip(".,") in not_names:
        words = words[1:]
    while words and words[-1] in _NAME_JOINERS:
        words = words[:-1]
    if not (words and words[0][:1].isupper()):
        return None
    return without_sentence_stop(" ".join(words))  # ('..." said Father Reese.')


# A speaker's name, up to three titles between commas ("Ed Ward, a Republican trying to unseat
# Rep. Ana Park, a Democrat, in the Third District, said"; one may be long: "a Republican of
# New York and a longtime critic of proposals to change the immigration system"), a clause
# of "who", "whose" or "which" longer still ("America's Toughest Sheriff, who famously
# re-instituted chain gangs in 1995 and has also been ..., said"), and the words before the
# verb,
# ending where the verb begins; and a speaker named after the verb, the clause ending with the
# name ("...," said Representative Ted Deutch.), not "said Mr. Christie's lieutenant governor
# had ...".
_SPEAKER_UP_TO_VERB = re.compile(
    rf"({_NAME_RUN})(?:(?:\s*,(?:\s+wh(?:o|ose|ich)\b[^,\"“”]{{1,200}}|[^,\"“”]{{1,120}}))"
    rf"{{1,3}},)?{_BEFORE_VERB},?\s+$"
)
_SAYING_VERB = re.compile(rf"\b{_SPEAKING}\b")
_SPEAKER_NAMED_AFTER = re.compile(rf"{_SPEAKING}\s+({_NAME_RUN})")
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:!?()]|$)")
# Where a speaker's name cannot begin: inside a run of capitalized words, or after a
# preposition or "and" ("Attorneys general in Utah and New Mexico said": places, not
# speakers).
_INSIDE_A_RUN = re.compile(
    r"(?:(?<![\w'’])[A-Z][\w'’.-]*|\b(?:of|the|for|or|in|from|at|to|with|by|on|about)"
    # ("and" after a comma opens a clause: "..., and Mr. Holder said they are ...")
    r"|(?<!,)\s\band)\s+$"
)
# A preposition of place before a name: the name is where something is ("Officials in
# Riverton said").
_IN_A_PLACE = re.compile(r"\b(?:in|near|outside|across|throughout|within)\s+$", re.IGNORECASE)
# How far back the word before a capital is looked for (a long word and a space).
_RUN_REACH = 40
# Capitalized words that open a clause without naming anyone: times and connectives.
_NOT_SPEAKER_WORDS = _NOT_NAMES | frozenset(
    """
    on in at by after before during earlier later last this next today yesterday however
    meanwhile asked monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    """.split()
)


# "I" or "we" as a subject before a verb of saying: the speaker's own words. The verbs are
# those that only report ("adds" and "notes" also add amendments and take notes).
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:I|[Ww]e)\b")
_REPORTING_VERB = re.compile(
    r"\b(?:says|said|tells|told|insists|insisted|argues|argued|claims|claimed|contends"
    r"|contended|maintains|maintained|believes|believed|thinks|warns|warned|writes|wrote)\b"
)


def says_of_another(sentence: str) -> bool:
    """Whether a sentence's first verb of reporting has no "I" or "we" before it: in a
    speaker's own words, "The ministry insists the law is safe." reports another's, while "I
    told the committee the law is unsafe." is the speaker's."""
    verb = _REPORTING_VERB.search(sentence)
    return verb is not None and _FIRST_PERSON_SUBJECT.search(sentence, 0, verb.start()) is None


def first_speaker(sentence: str) -> tuple[str, int, int] | None:
    """The name a sentence gives as the speaker of its first verb of saying, with the span
    of the words that give it (the name, any titles between commas, the verb); None when
    that verb has no named speaker ("officials said", "he said").

    "The FBI is taking over the investigation, Police Chief Ana Ruiz said." gives "Police Chief
    Ana Ruiz"; "On Saturday, the mayor, Dana Wolfe, said ..." gives a span holding "Dana
    Wolfe", since its first name ("On Saturday") names no one.
    """
    verb = _SAYING_VERB.search(sentence)
    if verb is None:
        return None
    before = sentence[: verb.start()]
    for capital in re.finditer(r"(?<![\w'’])[A-Z]", before):
        if _INSIDE_A_RUN.search(before, max(0, capital.start() - _RUN_REACH), capital.start()):
            continue
        found = _SPEAKER_UP_TO_VERB.match(before, capital.start())
        name = _speaker_name(found.group(1), _NOT_SPEAKER_WORDS) if found else None
        if found and name:
            return name, found.start(), verb.end()
    # The whole run of capitalized words, then the clause must end ("Rep. Ada Park (D-Ore.)").
    after = _SPEAKER_NAMED_AFTER.match(sentence, verb.start())
    name = _speaker_name(after.group(1), _NOT_SPEAKER_WORDS) if after else None
    if after and name and _CLAUSE_ENDS.match(sentence, after.end()):
        return name, verb.start(), after.end()
    return None
