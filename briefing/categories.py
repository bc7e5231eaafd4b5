"""A risk's category, as its cited sentence's own words support it.

The model labels each risk it drafts (human rights, privacy, security, legal, economic,
political, other), and a small model labels by habit: the worked example's one risk is
economic, and over the saved BASIL briefs half of all risks came out "economic", "the treaty's
implications ... on global network security" came out "human rights", and a sentence about a
golf foursome "economic". A label is part of what the brief states about a risk, so it is held
to the sentence like everything else:

* the drafted label stands when the sentence has a word of that kind ("surveillance" for
  privacy, "prosecutors" for legal, "Republicans" or "election" for political);
* otherwise the risk takes the kind the sentence has most words of (ties in the order of
  ``_CUES``, the narrowest kinds first);
* a sentence with no such word is "other": the tool does not say which kind of risk it is.

The lists are English words and stems, matched case-blind as whole words; a sentence that is
not English keeps the drafted label.
"""

from __future__ import annotations

import re

from .cues import reads_as_english
from .models import RiskCategory

__all__ = ["risk_category"]

# The narrowest kinds first: a tie between "rights" and "Republicans" is a rights risk.
_CUES: dict[RiskCategory, str] = {
    "human_rights": r"human rights?|rights|freedoms?|libert(?:y|ies)|discriminat\w*"
    r"|journalists?|dissent\w*|dissidents?|censor\w*|repress\w*|persecut\w*|tortur\w*"
    r"|abuses?|equality|minorit(?:y|ies)|activists?",
    "privacy": r"privacy|private (?:data|information|lives?|communications?)"
    r"|personal (?:data|information)|surveil\w*|data|spy\w*|spies|monitor\w*|intercept\w*"
    r"|wiretap\w*|encrypt\w*|tracking",
    # Not "Social Security" (a benefit), "Homeland Security" or the Security Council (bodies),
    # nor an attack "on" someone by name or on a character (words, not force: "criticized
    # such attacks on “character and faith.”").
    "security": r"(?<!social )(?<!homeland )security(?! council)|secure|(?<!verbal )attacks?"
    r"(?! on (?:the )?[A-Z])(?! on [“\"]?(?:\w+ )?(?:character|faith|integrity|patriotism"
    r"|record|reputation|credibility|religion)\b)|terror\w*|threats?|military|war|wars"
    r"|weapons?|nuclear|safety"
    r"|safe|cyber\w*|hack\w*|violen\w*|kill\w*|armed|defen[cs]e|extremis\w*|troops|bomb\w*"
    r"|shooting|gunman|guns?|crime\w*|criminals?",
    "legal": r"laws?|legal\w*|illegal\w*|courts?|judges?|justice|lawsuits?|sue|sued|suing"
    r"|charges|charged|indict\w*|prosecut\w*|constitution\w*|unconstitutional|statutes?"
    r"|liab\w*|accountable|litigat\w*|attorneys?|lawyers?|plaintiffs?|complaint|fraud"
    r"|convict\w*|ruling|rulings|jurisdiction\w*|legislation|investigat\w*|oversight"
    r"|violat\w*|subpoena\w*|probe|allegations?|accused|testimony|testif\w*",
    "economic": r"econom\w*|costs?|costly|prices?|jobs?|tax\w*|budget\w*|spending|spend"
    r"|money|fund\w*|financ\w*|markets?|trade|tariffs?|business\w*|wages?|income|debt"
    r"|deficits?|inflation|revenues?|invest\w*|profits?|benefits?|pay|paid|dollars?"
    r"|billions?|millions?|unemploy\w*|insurance|social security|medicare|pensions?"
    r"|retirement|customers|shoppers|shops|sales|fiscal|recession|growth|stocks?|cuts"
    r"|subsid\w*|wealth\w*|poverty|workforce|workers|\$",
    "political": r"politic\w*|republicans?|democrats?|gop|tea party|party|parties|majority"
    r"|congress\w*|senate|senators?|lawmakers|legislators?|legislature|speaker(?:ship)?"
    r"|leadership|protocol|media|veto\w*|filibuster\w*|elections?|electoral|votes?|voters?"
    r"|voting|campaign\w*|partisan\w*|polls?|polling|candidac\w*|candidates?|re-?elect\w*"
    r"|security council|diplomat\w*|backlash|reputation|image|legitimacy|power|coalition"
    r"|nominat\w*|primary|impeach\w*",
}
# "(?-i:...)" keeps the capital in "on Trump" significant under the case-blind match.
_PATTERNS = {
    kind: re.compile(rf"(?<![\w$])(?:{cues.replace('[A-Z]', '(?-i:[A-Z])')})(?!\w)", re.I)
    for kind, cues in _CUES.items()
}


def risk_category(sentence: str, drafted: RiskCategory) -> RiskCategory:
    """The category a risk shows: ``drafted`` when ``sentence`` has a word of that kind, else
    the kind it has most words of, else "other" (see the module docstring)."""
    if not reads_as_english(sentence):
        return drafted
    counts = {kind: len(pattern.findall(sentence)) for kind, pattern in _PATTERNS.items()}
    if counts.get(drafted):
        return drafted
    best = max(_CUES, key=lambda kind: counts[kind])  # the first of the most-named kinds
    return best if counts[best] else "other"
