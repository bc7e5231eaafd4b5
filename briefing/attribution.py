"""Whose words a piece of evidence is: the rules that keep a position or risk off an actor
the source does not give it to.

A small model readily pins one actor's words on another: on the one a quotation names, the
one a sentence speaks to or about, the outlet that reported it, the rival in a speaker's
titles. ``attribution_problem`` says why evidence cannot be an actor's position or risk (None
when it can be), the last reason being a sentence that cannot carry the fact at all (``cues``);
``name_for_relation`` and ``name_for_role`` give the name the source gives an actor drafted by a
family tie or a role, and ``subject_body`` the body a sentence opens with by "the" and a noun.
"""

from __future__ import annotations

import re
from typing import Protocol

from .chunking import dateline_end
from .claims import MONTHS, WEEKDAYS
from .consolidate import BODY_ROLES, country_of, institution_words, names_an_office
from .countries import US_STATES
from .cues import (
    DAY_NAMES,
    PRONOUN_SEX,
    SENT_TEXTS,
    SUBORDINATORS,
    addressed_mention,
    after_a_pronoun_speaker,
    first_speaker,
    gives_no_comment,
    has_a_verb_of_saying,
    named_speaker,
    named_speakers,
    names_a_harm,
    of_the_other_sex,
    pronoun_speaker,
    raises_a_concern,
    reports_someone,
    says_of_another,
    speaks_by_pronoun,
    states_a_view,
    views_of_others,
    voices_a_harm,
)
from .given_names import Sex, is_given_name, sex_of_given_name
from .kinds import actor_kind
from .models import ActorKind, Evidence, FactKind
from .names import (
    NEWS_OUTLET_WORDS,
    NOT_AFTER_A_SHORT_FORM,
    OPENS_A_CLAUSE,
    a_common_noun_alone,
    before_suffix,
    is_a_pronoun,
    is_name_title,
    is_the_topic,
    is_title_word,
    names_actor,
    names_people,
    other_given_names,
    refers_back,
    same_given_name,
    sex_of_person,
    spelled,
    spelled_words,
    titled_person,
)
from .source_index import SourceIndex, blank_quoted
from .transcripts import role_of_label, speaker_name

__all__ = [
    "attribution_problem",
    "name_for_epithet",
    "name_for_relation",
    "name_for_role",
    "own_subject",
    "actors_joined",
    "sentence_speakers",
    "subject_body",
    "turn_person",
]


class _Cue(Protocol):
    """A test of what a sentence carries (``cues``); ``english`` as its source tells."""

    def __call__(self, sentence: str, *, english: bool | None = None) -> bool: ...


# What the sentence of an attributed fact must carry, in order, and the reason given when it
# does not.
_CUES: dict[str, tuple[tuple[_Cue, str], ...]] = {
    "position": (
        (
            states_a_view,
            "the quoted sentence shows no view: no one says, backs or opposes anything in it",
        ),
    ),
    "risk": (
        (names_a_harm, "the quoted sentence names no harm, risk or warning"),
        (
            voices_a_harm,
            "no one warns of the harm in the quoted sentence: it reports what was done, "
            "not a warning given",
        ),
    ),
}


# A pointer to another article: '(Also see "Merck & Co. Remains 'Very Confident' In TIGIT" -
# Scrip, 2 Feb, 2023.)', or its end where a stop inside the headline split it ('Remains
# 'Very Confident' In TIGIT" - Scrip, 2 Feb, 2023.)').
A_CROSS_REFERENCE = re.compile(
    r"\W*(?:also\s+see|see\s+also)\b"
    r"|.*[\"”]\s+[-–—]\s+[A-Z][^,()\"“”]{0,40},\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}\.?\)\s*$",
    re.IGNORECASE | re.DOTALL,
)


# A sentence that ends in a colon leads in to the words after it ("DNC spokesman Brad
# Woodhouse addressed the video in a statement Monday:", then the statement): the view is in
# those words, drafted as their own fact. Not one that says something itself, by quoted words
# or a clause of what someone holds ("... and argues that it might be this new brand of
# "journalism" that has Etheridge on edge:", 'the president tweeted, "finally," while
# asking ...:').
_LEADS_IN = re.compile(r"^[^\"“”]*?:\s*$")
_WHAT_IS_HELD = re.compile(r"\bthat\b|\bwhether\b", re.IGNORECASE)


def _leads_in_to_its_subjects_words(
    index: SourceIndex, evidence: Evidence, who: str, who_kind: ActorKind | None
) -> bool:
    """Whether a sentence that leads in to words after it ("Trump responded to Cruz's
    allegations in a statement on Friday afternoon:") opens with ``who`` as its subject and
    is read with those words (``SourceIndex.quotation_evidence``): they are then ``who``'s.
    Not another's named in it ("... used virtually identical language to beat up on his
    general election opponent, Sen. John McCain:")."""
    sentence = index.sentence_text(evidence)
    words = sentence.split()
    # The subject: the words before the first in lower case that is no title or role
    # ("Guild spokesman Tom Vale addressed ...").
    verb = next(
        (i for i, word in enumerate(words) if word[:1].islower() and not is_title_word(word)),
        len(words),
    )
    return names_actor(who, who_kind or "person", " ".join(words[:verb])) and (
        index.quotation_evidence(evidence).end > index.sentence_evidence(evidence).end
    )


def attribution_problem(
    index: SourceIndex, evidence: Evidence, kind: FactKind, who: str, who_kind: ActorKind | None
) -> str | None:
    """Why the evidence cannot be ``who``'s position or risk, or None when it can be."""
    # A person who is the topic still has a view of it; a risk's raiser has no kind, so the
    # whole source is read for a title only when the raiser is the topic.
    if (
        who_kind != "person"
        and is_the_topic(who, index.topic)
        and not (who_kind is None and titled_person(who, index.source.text))
    ):
        return f"{who!r} is the topic, not someone with a view on it"
    if not names_people(who) or a_common_noun_alone(who, index.source.text):
        what = "a pronoun" if is_a_pronoun(who) else "a thing, a document or a common noun"
        return f"{who!r} names no one: {what}"
    if A_CROSS_REFERENCE.match(index.sentence_text(evidence)):
        return "the quoted sentence points to another article, not anyone's view"
    if (
        _LEADS_IN.match(index.sentence_text(evidence))
        and not _WHAT_IS_HELD.search(index.sentence_text(evidence))
        and not _leads_in_to_its_subjects_words(index, evidence, who, who_kind)
    ):
        return "the quoted sentence only leads in to the words after it, where the view is"
    if kind == "position":
        opinion = _ANOTHERS_VIEW.match(index.sentence_text(evidence))
        if opinion:
            # "This stance has been met with opposition from Western countries": opposition
            # to another's stance (Russia's), not to the topic.
            return (
                f"the quoted sentence's view is of {opinion.group(1)!r}, someone's view, "
                "not of the topic"
            )
    turn = index.turn_of(evidence)
    if turn is not None and (turn.speaker is not None or turn.question):
        # A transcript's turn is its labelled speaker's words, a speech its speaker's, and a
        # question its asker's, whoever they name: another holds a view in them only as the
        # one they give words to ("Senator Kim says ...", "Q: Amara Okafor says ...").
        sentence = index.sentence_text(evidence)
        earlier = f"{index.source.title}\n{index.text_before(evidence.start)}"
        before = index.source.text[turn.words_start : evidence.start]
        if turn.speaker and _speaks_in_turn(who, who_kind, turn.speaker, before, earlier):
            return _own_words_problem(index, sentence, earlier, kind, who, who_kind)
        speaker = named_speaker(blank_quoted(sentence, 0, len(sentence)))
        if not (speaker and names_actor(who, who_kind or "person", speaker)):
            words = f"{turn.speaker!r} is" if turn.speaker else "they are a question's"
            return f"{who!r} is not the speaker of these words: {words}"
    window = index.attribution_window(evidence)
    earlier = index.text_before(evidence.start)

    def named_in(text: str) -> bool:
        return names_actor(who, who_kind, text) or refers_back(who, who_kind, text, earlier)

    sentence = index.sentence_text(evidence)
    unquoted_sentence = blank_quoted(sentence, 0, len(sentence))
    named_sentence, named_window = _read_for_names(who, sentence, unquoted_sentence, window)
    if who_kind == "person":
        first = _surname_first_given_to_another(who, window, earlier)
        if first:
            return (
                f"{who!r} is named here by surname only, which the source gave first to {first!r}"
            )
    if named_in(named_sentence) and not named_in(unquoted_sentence):
        # Named in the sentence only inside a quotation that a later sentence gives to
        # another: '"It's official: Chuck Schumer is the worst negotiator ... ," CREDO
        # Political Director Murshed Zaheed said.' is Zaheed's view, not Schumer's.
        said_after = index.closing_attribution(evidence)
        other = _reported_by_another(said_after, who, who_kind) if said_after else None
        if other:
            return f"{who!r} is named only inside a quotation the source gives to {other!r}"
        # Or to a pronoun in the sentence itself: '"[Clinton] was the chief architect of a
        # foreign policy that was a disaster," he said ...' (a speaker does not name
        # themselves inside their own words).
        if speaks_by_pronoun(unquoted_sentence) and _QUOTED_WORDS.match(sentence):
            return f"{who!r} is named only inside the quoted words, not as their speaker"
    quoted = False
    if not named_in(named_window):
        # A quotation may go on for sentences after its speaker's name; names inside it are
        # the speaker's words, and another speaker said for it is not the actor.
        said_by = index.quotation_attribution(evidence)
        if said_by is None or not named_in(said_by) or _other_speaker(said_by, who, who_kind):
            return f"{who!r} is not named in or just before the quoted sentence"
        window, quoted = f"{said_by} {sentence}", True
    # '"You can now see what the Congress has seen ...," the spokesman said': the words are
    # the spokesman's; one named only inside them is not speaking.
    unquoted = index.attribution_window_unquoted(evidence)
    only_quoted = not (quoted or named_in(unquoted) or _speaks_for(who_kind, unquoted))
    if named_in(named_sentence):
        if only_quoted:
            return f"{who!r} is named only inside the quoted words, not as their speaker"
        addressed = addressed_mention(who, sentence)
        # (named again only in the words quoted: 'He added, with a reference to Gen. David H.
        # Petraeus: "... I support General Petraeus's confirmation."')
        if (
            addressed
            and not names_actor(
                who,
                who_kind,
                unquoted_sentence[: addressed[0]] + unquoted_sentence[addressed[1] :],
            )
            # "a meeting with House Democrats who are resisting the deal, saying ...": met,
            # and holding a view the sentence gives them
            and not any(
                names_actor(who, who_kind, held) for _, _, held in views_of_others(sentence)
            )
        ):
            return (
                f"{who!r} is only spoken to, sent to or judged in the quoted sentence (told, "
                "urged, goes to, accused, praised), not speaking"
            )
        outlet = _only_the_outlet(who, named_sentence) if who_kind != "person" else None
        if outlet:
            return f"{who!r} is named only as {outlet}, not taking a side"
        if who_kind != "person" and _only_the_place(who, named_sentence):
            return f"{who!r} is named only as the place where it happened, not taking a side"
        speaker = _reported_by_another(unquoted_sentence, who, who_kind)
        if speaker:
            return f"{who!r} is named in words the sentence gives as {speaker!r}'s"
        unnamed = _UNNAMED_SPEAKER_AFTER.search(unquoted_sentence) or _UNNAMED_SPEAKER_FIRST.match(
            unquoted_sentence
        )
        if unnamed and not (
            names_actor(who, who_kind or "person", unnamed.group(0))
            or _one_of(unnamed.group(1), who)
        ):
            # "President Obama and Gov. Chris Christie ... will reprise their tour ..., a
            # White House official said Friday morning.": the official's words.
            return f"{who!r} is named in words the sentence gives as {unnamed.group(1)!r}'s"
        someone = _SOMEONE_SAYS.match(unquoted_sentence)
        if someone and not names_actor(who, who_kind or "person", someone.group(1)):
            # "That same year, a charter school said LePage threatened to strip it of its
            # funding if it did not rescind a job offer to ... Mark Eves.": the school's words.
            return f"{who!r} is named in words the sentence gives as {someone.group(1)!r}'s"
        said = _PRONOUN_SAYS.match(unquoted_sentence)
        if said and not names_actor(who, who_kind or "person", unquoted_sentence[: said.end()]):
            # "They note that then-President Bill Clinton in 1993 signed similar federal
            # legislation": what they note, not Clinton's view.
            return f"{who!r} is named in words the sentence gives as {said.group(1)!r}'s"
        document = _said_by_a_document(who, who_kind, unquoted_sentence)
        if document:
            return f"{who!r} is named only in what {document!r} says, not speaking"
        revealed = _DOCUMENT_REVEALED.search(unquoted_sentence)
        if revealed and _named_only_in(who, who_kind, unquoted_sentence, revealed.end()):
            # "The request comes after reports revealed Clinton used a private email
            # address ...": what the reports revealed.
            return f"{who!r} is named only in what {revealed.group(1)!r} revealed, not speaking"
        judged = _a_text_judged(who, who_kind, unquoted_sentence)
        if judged:
            return f"{who!r} is named only as the author of {judged!r}, which the writer judges"
        text = _a_text_acting(who, who_kind, unquoted_sentence)
        if text:
            return f"{who!r} is named after the sentence's subject, {text!r}, not speaking"
        subject = _another_persons_sentence(who, who_kind, unquoted_sentence, earlier)
        if subject:
            return f"{who!r} is named after the sentence's subject, {subject!r}, not speaking"
        office = _AN_OFFICE_SPEAKING.match(unquoted_sentence)
        if (
            office
            and not _holds_office(who, office.group(2), earlier)
            and not names_actor(who, who_kind or "person", office.group(1))
            # (the one the sentence before is about may be the epithet: "Sen. Ted Cruz has
            # laid down the gauntlet ... The Texas lawmaker blamed his rival ...")
            and not _named_just_before(who, who_kind, window, sentence)
        ):
            # "As he left for Utah on Monday, the president said he felt "very badly" for Mr.
            # Flynn, whom he fired ...": the president's words of Flynn; "The Texas lawmaker
            # blamed his rival ... support Trump ...": Cruz's, not Trump's.
            subject = " ".join(office.group(1).split())
            return f"{who!r} is named after the sentence's subject, {subject!r}, not speaking"
        pronoun_subject = _PRONOUN_FIRST.match(unquoted_sentence)
        if pronoun_subject and not has_a_verb_of_saying(unquoted_sentence):
            # "In June, he was then escorted from his FBI office ... namely, between Strzok
            # and Page.": the pronoun is the subject, and one named after it only mentioned.
            subject = pronoun_subject.group(1)
            return f"{who!r} is named after the sentence's subject, {subject!r}, not speaking"
        subject = _owner_in_anothers_sentence(who, who_kind, unquoted_sentence, earlier)
        if subject:
            return (
                f"{who!r} is named only as the owner of what the sentence's subject, "
                f"{subject!r}, speaks of"
            )
        subject = _a_persons_thing_as_subject(who, who_kind, unquoted_sentence)
        if subject:
            return f"{who!r} is named only as the owner of the sentence's subject, {subject!r}"
        thing = _named_only_before_a_thing(who, who_kind, unquoted_sentence)
        if thing:
            return f"{who!r} is named only in {thing!r}, a thing of theirs, not speaking"
        theirs = _named_only_before_their_people(who, who_kind, unquoted_sentence)
        if theirs:
            return f"{who!r} is named only in {theirs!r}, others acting for them, not speaking"
        if _named_only_in_an_opening_clause(who, who_kind, sentence, unquoted_sentence):
            return f"{who!r} is named only in the sentence's opening clause, not its main one"
        if _only_sent_something(who, who_kind, unquoted_sentence):
            return (
                f"{who!r} only receives what the quoted sentence reports (a letter, a memo), "
                "not holding a view"
            )
        if _only_acted_on(who, who_kind, sentence):
            return (
                f"{who!r} is only acted on in the quoted sentence (was endorsed, was named), "
                "not holding a view"
            )
        others = _view_of_others_only(who, who_kind, sentence, kind)
        if others:
            return f"the view in the quoted sentence is held by others ({others!r}), not {who!r}"
        if kind == "risk" and (told := _harm_told_of_another(who, who_kind, unquoted_sentence)):
            return f"the harm in the quoted sentence is told of {told!r}, not warned of by {who!r}"
        if kind == "risk" and _harm_told_in_an_aside(who, who_kind, unquoted_sentence):
            return (
                f"the harm in the quoted sentence is the writer's aside on {who!r}, not a "
                "warning they give"
            )
        if kind == "risk" and (
            source := _warned_according_to_another(who, who_kind, unquoted_sentence)
        ):
            return f"the quoted sentence gives its words as {source!r}'s, not {who!r}'s"
        cue_text = sentence
    else:
        pronoun_kind = _pronoun_kind(who, who_kind)
        if not quoted and not reports_someone(window, pronoun_kind):
            return (
                f"{who!r} is named only before the quoted sentence, "
                "and neither reports anyone's words"
            )
        # A new paragraph carries the speaker over only when it reports words itself ('"...,"
        # he said.'): after "Microsoft wrote that ...", a paragraph opening "Much of the
        # dispute concerned Articles 28 to 30." is the writer's.
        if index.opens_paragraph_of_no_ones_words(evidence):
            return (
                f"{who!r} is named only in the paragraph before, "
                "and the quoted sentence reports no one's words"
            )
        if _AN_ASIDE.match(sentence):
            # "Jim Ziegler ... said that Mr. Moore had done nothing "immoral or illegal."
            # (Alabama law, both in 1979 and now, finds that ...)": the writer's aside.
            return f"{who!r} is named only before the quoted sentence, the writer's aside"
        subject = _anothers_subject(who, who_kind, sentence, unquoted_sentence, window, earlier)
        if subject:
            return f"{who!r} is named only before the quoted sentence, whose subject is {subject!r}"
        office = _AN_OFFICE_AS_SUBJECT.match(unquoted_sentence) if who_kind == "person" else None
        if office and not _holds_office(who, office.group(2), earlier):
            # "By late Thursday, the president appeared increasingly likely to leave ..." after
            # Joe Lieberman was named: the president's.
            return (
                f"{who!r} is named only before the quoted sentence, whose subject is "
                f"{' '.join(office.group(1).split())!r}"
            )
        # "The statement does not deny that AARP is open to reducing benefits.": the
        # writer's reading of the statement named before, which says nothing itself here.
        text_read = _A_TEXT_AS_SUBJECT.match(unquoted_sentence)
        if text_read and not _A_TEXT_SAYS.search(unquoted_sentence, text_read.end(1)):
            return (
                f"{who!r} is named only before the quoted sentence, the writer's words on "
                f"{' '.join(text_read.group(1).split())!r}"
            )
        # "But polls show that many Republicans continue to believe ...", after Glenn Beck
        # was named: what the polls show (not "The report warns ...", which may be the
        # report of one named before).
        documents = _DOCUMENT_SAYS.match(unquoted_sentence)
        if documents and re.fullmatch(_NEW_DOCUMENTS, documents.group(1)):
            return (
                f"{who!r} is named only before the quoted sentence, which gives what "
                f"{documents.group(1)!r} say"
            )
        unnamed = _UNNAMED_SPEAKER_FIRST.match(unquoted_sentence)
        if unnamed and not _one_of(unnamed.group(1), who):
            # "A person briefed on the matter said the prosecutors had also issued subpoenas
            # ...": that person's words, not the campaign's named before.
            return (
                f"{who!r} is named only before the quoted sentence, whose speaker is "
                f"{' '.join(unnamed.group(1).split())!r}"
            )
        people = _SOMEONES_PEOPLE.match(unquoted_sentence)
        if people and not names_actor(who, who_kind or "person", people.group(1)):
            # "Strzok's attorney, meanwhile, blasted the bureau on Monday, saying ..." after
            # Representative Mark Meadows was quoted: the attorney's words.
            return (
                f"{who!r} is named only before the quoted sentence, whose subject is "
                f"{' '.join(people.group(1).split())!r}"
            )
        group = _A_GROUP_AS_SUBJECT.match(unquoted_sentence) if who_kind == "person" else None
        if group and not names_actor(who, "person", group.group(1)):
            # "And on Monday, the executives of nine Indiana-based companies, including
            # Angie's List and Anthem, sent a letter ..." after Apple's Tim Cook was named.
            return (
                f"{who!r} is named only before the quoted sentence, whose subject is "
                f"{' '.join(group.group(1).split())!r}"
            )
        some = _SOME_OF_THEM.match(unquoted_sentence) if who_kind != "group" else None
        if some:
            return (
                f"{who!r} is named only before the quoted sentence, whose subject is "
                f"{' '.join(some.group(1).split())!r}: some, not one"
            )
        # "Rod Rosenstein announced the charges. According to the DOJ document, 12 officers
        # are accused ...": the words are the document's, whoever was named before (not so
        # "according to the ministry", which may be the actor's).
        # So are unnamed people's: "..., according to one of the officials present, ..."
        # after "the House endorsed ...".
        according = _ACCORDING_TO.search(unquoted_sentence)
        if (
            according
            and (
                _A_DOCUMENT.search(according.group(1))
                or (
                    (
                        (unnamed := _UNNAMED_ACCORDING.match(according.group(1)))
                        and not _one_of(unnamed.group(1), who)
                        # or a news outlet's: "The emails ... were uncovered during the 2016
                        # presidential campaign, according to Politico, ..." after the State
                        # Department was named
                        or _OUTLET.search(according.group(1))
                    )
                    # ("the president appeared likely to leave ..., according to two aides"
                    # may be of the president named before)
                    and office is None
                    and not _OPENS_WITH_A_PRONOUN.match(unquoted_sentence)
                )
            )
            and not named_in(according.group(1))
        ):
            source = " ".join(according.group(1).split())
            return (
                f"{who!r} is named only before the quoted sentence, which gives its words as "
                f"{source!r}'s"
            )
        # "McConnell and Boehner met. Mr. Obama said the two leaders had supported it.": the
        # words are Mr. Obama's.
        speaker = _other_speaker(unquoted_sentence, who, who_kind)
        if speaker and _an_epithet_for(speaker, who, who_kind, window, sentence):
            speaker = None  # "The Arizona Republican said ..." after Sen. John McCain spoke
        sex = sex_of_person(who) if pronoun_kind == "person" else None
        # In the writer's words: '"We brought this to their attention," said Sen. Steve
        # Gallardo. "We said this is exactly what is going to happen.' is still his.
        writers = unquoted[len(unquoted) - len(sentence) :]
        pronoun = pronoun_speaker(writers, pronoun_kind, sex)
        if pronoun and not _BODYS_PERSON.search(window):
            speaker = speaker or pronoun
        # A quotation the sentence opens is given to its speaker after it closes: '"The
        # programs are secret ... classified. They are not secret ...," he said' is not the
        # NSA's, named in the sentence before.
        said_after = None if speaker else index.closing_attribution(evidence)
        if said_after:
            speaker = _reported_by_another(said_after, who, who_kind) or (
                None
                if _BODYS_PERSON.search(window)
                else pronoun_speaker(said_after, pronoun_kind, sex)
            )
        if speaker:
            return f"{who!r} is named only before the quoted sentence, whose speaker is {speaker!r}"
        # "After Mrs. Clinton won ..., Mr. Sanders refused to quit ... But some of his
        # supporters have started to walk away ...": his, not hers.
        pronoun = (
            _only_the_other_sexs_pronoun(who, unquoted_sentence)
            if pronoun_kind == "person"
            else None
        )
        if pronoun:
            return (
                f"{who!r} is named only before the quoted sentence, whose {pronoun!r} stands "
                "for someone else"
            )
        # Read in the writer's words: a sentence inside a quotation opened before it is not.
        subject = _named_subject(who, who_kind, writers)
        if subject and _an_epithet_for(subject, who, who_kind, window, sentence):
            subject = None
        if subject and not (who_kind != "person" and _persons_body(subject, who, earlier)):
            return f"{who!r} is named only before the quoted sentence, whose subject is {subject!r}"
        # "... added Lauten, who works for Rep. Stephen Fincher, R-Tenn. The communications pro
        # also took a shot at President Obama ...": a role as the subject stands for the one
        # the sentence before gives words to, not for another named there.
        role = _A_ROLE_AS_SUBJECT.match(writers)
        named = _the_one_named(_sentence_before(window, sentence)) if role else None
        if role and named and not names_actor(who, who_kind or "person", named):
            return (
                f"{who!r} is named only before the quoted sentence, whose subject, "
                f"{role.group(1)!r}, is {named!r}"
            )
        # "Dowd attempted to explain that the tweet referred to Sally Yates ... He also said
        # ...": a pronoun that speaks, or opens the sentence as its subject ("He was also
        # scheduled to ..."), stands for the subject of the sentence before.
        if (
            speaks_by_pronoun(unquoted_sentence)
            or _OPENS_WITH_A_PRONOUN.match(unquoted_sentence)
            or (said_after and speaks_by_pronoun(said_after))
        ):
            before = unquoted[: len(unquoted) - len(sentence)]
            # (a caption before it has no subject of its own: "Judicial Watch Director ...
            # Chris Farrell on how FBI official Peter Strzok requested ... In June, he was
            # then escorted from his FBI office": the pronoun stands for Strzok)
            caption = _A_CAPTION.match(re.split(r"(?<=[.!?])\s+", before.strip())[-1])
            subject = (
                _caption_subject(who, who_kind, caption.group(1))
                if caption
                else _someone_else_as_subject(who, who_kind, before.strip(), earlier)
            )
            # An outlet opening the sentence before reports ("Fox News confirmed Steele sent an
            # e-mail ... In the note, he asked ..."): the pronoun is of whom it reports. Nor does
            # "she" stand for "Mr. Vale" ("Mr. Vale accused Ana Park ... She said ...").
            if subject and (
                _OUTLET.search(subject) or _other_sex(unquoted_sentence, subject, before)
            ):
                subject = None
            if subject and not (who_kind != "person" and _persons_body(subject, who, earlier)):
                return (
                    f"{who!r} is named only before the quoted sentence, whose speaker stands "
                    f"for {subject!r}, the subject of the sentence before"
                )
        common = _common_body_before(
            who, unquoted_sentence, unquoted[: len(unquoted) - len(sentence)]
        )
        if common:
            return (
                f'{who!r} is named only before the quoted sentence, whose "It" stands for '
                f"{common!r}, the subject of the sentence before"
            )
        outlet = _only_the_outlet(who, named_window) if who_kind != "person" else None
        if outlet:
            # "According to the Washington Post, Mateen expressed ... His son had reportedly
            # pledged ...": the outlet reported both.
            return f"{who!r} is named only before the quoted sentence, as {outlet}"
        if only_quoted:
            # '"President Obama has said that ...," he said. "If you're determined ..."'
            return f"{who!r} is named before the quoted sentence only inside the quoted words"
        # '"We talked about that," he said, referring to an exchange with Speaker Nancy
        # Pelosi. "I said, Why don't you ...?"': named before only as the one spoken with, in
        # a sentence that speaks for no one of its own ("She replied ..." may be hers).
        previous = _sentence_before(window, sentence)
        addressed = addressed_mention(who, previous)
        if (
            addressed
            and not has_a_verb_of_saying(unquoted_sentence)
            and not speaks_by_pronoun(unquoted_sentence)
        ) and not names_actor(who, who_kind, previous[: addressed[0]] + previous[addressed[1] :]):
            return (
                f"{who!r} is named only before the quoted sentence, and there only as the one "
                "spoken to, sent to or judged"
            )
        # "The committee announced it would investigate. That measure could pass if it wins
        # the votes of the senators who have criticized the declaration.": the view is theirs.
        others = _view_of_others_only(who, who_kind, sentence) if kind == "position" else None
        if others:
            return f"the view in the quoted sentence is held by others ({others!r}), not {who!r}"
        # The sentence before, which names the actor, may carry the cue ("The industry has
        # expressed concerns. These provisions pose risks to privacy.").
        cue_text = window
    quotation = index.quotation_evidence(evidence).quote
    return _carries_no_fact(index, sentence, cue_text, kind, quotation)


_FORECAST = re.compile(r"\b(?:could|would|might|(?-i:may))\b", re.IGNORECASE)
_A_WORD = re.compile(r"[^\W\d_]+")
# A sentence that opens with a quotation mark: someone's words.
_QUOTED_WORDS = re.compile(r"\s*[\"“]")


def _carries_no_fact(
    index: SourceIndex, sentence: str, cue_text: str, kind: FactKind, quotation: str = ""
) -> str | None:
    """Why the sentence, read with ``cue_text`` around it, carries no position or risk. A
    risk's harm is named in the sentence itself or the ``quotation`` it is part of
    ('"Colorado voters passed this measure, ... If the attorney general has a problem ...'),
    or the sentence goes on from a concern
    voiced before it ("The industry has voiced concerns. These provisions leave small shops
    paying ...") or from a harm named before as a forecast ("could be zero growth"): a harm
    named only before is that sentence's risk otherwise ("... his budget, which hurts the
    poor. The group sent a letter to Rep. Ryan ..." puts none in the letter's)."""
    if gives_no_comment(sentence):
        return "the quoted sentence says only that no comment was given"
    if len(_A_WORD.findall(quotation or sentence)) < 3:
        # ('The Democratic National Committee issued a brief statement ...: “Okay.', the
        # first of seven sentences too many to be read as one quotation)
        return "the quoted sentence is a fragment of a few words, too short to show anything"
    english = index.english

    # The text read for the cues: the sentence and what is around it, with the rest of its
    # quotation.
    reading = cue_text if not quotation or quotation in cue_text else f"{cue_text} {quotation}"

    def carried(carries: _Cue) -> bool:
        if carries is names_a_harm and not carries(quotation or sentence, english=english):
            # (or carries on with a harm named before as a forecast: '"It would result in the
            # stock market really taking a hit," Ms. Lagarde said ... The overall result could
            # be zero growth next year')
            # (or the speaker's own quoted words go on from it: '"This is a surveillance
            # treaty ...," said Amara Okafor, ... "No government should trade away its
            # citizens' privacy for a consensus headline."')
            goes_on = _FORECAST.search(sentence) is not None or _QUOTED_WORDS.match(sentence)
            return cue_text != sentence and (
                raises_a_concern(cue_text, english=english)
                or (goes_on is not None and carries(cue_text, english=english))
            )
        return carries(reading, english=english)

    return next((lacking for carries, lacking in _CUES[kind] if not carried(carries)), None)


# A speaker's own words that give the body they speak for: "I represent the Veltra Software
# Association", "on behalf of the coalition", "I am the director of ...".
_FOR_A_BODY = re.compile(
    r"\b(?:(?:I|we)\s+(?:represent|speak\s+for|lead|chair|head|direct|run|work\s+(?:for|at))"
    r"|on\s+behalf\s+of|I\s+am\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:of|at|for))\s+([^.;!?\n]+)"
)


def _speaks_in_turn(
    who: str, who_kind: ActorKind | None, speaker: str, before: str, earlier: str
) -> bool:
    """Whether the ``speaker`` of a transcript's turn or a speech is ``who``, or speaks for it:
    by the label's affiliation ("TOMAS REYES (Veltra Software Association)"), by the turn's
    own words before ("I represent the ..."), or by a phrase naming the two together before
    ("Ms. Amara Okafor of the Digital Rights Coalition"). A label that gives a role, not a
    name ("THE PRESIDENT:"), is a person's whom the title or text before gives that role
    ("Remarks by President Trump ...")."""
    if names_actor(who, who_kind, speaker):
        return True
    role = role_of_label(speaker)
    if role and who_kind in (None, "person") and _holds_role(who, role, earlier):
        return True
    if who_kind == "person":
        return False
    if any(names_actor(who, who_kind, found.group(1)) for found in _FOR_A_BODY.finditer(before)):
        return True
    name = speaker_name(speaker)
    return _persons_body(name.title() if name.isupper() else name, who, earlier)


# Words that make a role another one: "Vice President Pence" is no "THE PRESIDENT".
_ROLE_MODIFIER = re.compile(r"\b(?:vice|deputy|assistant|associate|acting|former)[\s-]*$", re.I)


def _holds_role(who: str, role: str, text: str) -> bool:
    """Whether ``text`` gives ``who`` the role: "President Trump" or "President Donald J.
    Trump" for "Donald Trump" and the role "president"; not "Vice President Trump"."""
    surname = who.split()[-1]
    words = r"[ \t]+".join(map(re.escape, role.split()))
    given = r"(?:[A-Z][\w.'’-]*[ \t]+){0,3}"
    holder = re.compile(rf"(?<![\w-])(?i:{words})[ \t]+{given}{re.escape(surname)}(?![\w'’])")
    return any(
        not _ROLE_MODIFIER.search(text[max(0, found.start() - 20) : found.start()])
        for found in holder.finditer(text)
    )


def _own_words_problem(
    index: SourceIndex,
    sentence: str,
    earlier: str,
    kind: FactKind,
    who: str,
    who_kind: ActorKind | None,
) -> str | None:
    """Why a sentence of ``who``'s own turn of a transcript, or speech, is not their position
    or risk: a courtesy, words it gives to another, or a view it gives another as its subject
    ("The coalition opposes the bill." in the minister's turn is the coalition's)."""
    if _COURTESY.match(sentence) or _PROCEDURE.search(sentence):
        return "the quoted sentence is a courtesy or a chair's procedure, not a view"
    unquoted_sentence = blank_quoted(sentence, 0, len(sentence))
    speaker = _other_speaker(unquoted_sentence, who, who_kind)
    if speaker:
        return f"{who!r} is named in words the sentence gives as {speaker!r}'s"
    if says_of_another(unquoted_sentence):
        return f"the quoted sentence reports another's words, not {who!r}'s own view"
    # Another as the subject: a body by "the" and its head noun ("The coalition ...", not "The
    # bill ..."), or a person by title or given name ("Senator Kim is wrong", "Mike is ...");
    # not any capitalized word ("Parliament must amend the bill." is the speaker's view).
    body = own_subject(who, sentence, earlier)
    found = _opening_subject(unquoted_sentence)
    first = found.group(0).split()[0] if found else ""
    person = (
        found.group(1)
        if found
        and (is_title_word(first) or is_given_name(first.lower()))
        and not names_actor(who, who_kind or "person", found.group(1))
        else None
    )
    subject = (body if body and _A_BODY.search(body) else None) or person
    if subject:
        return f"the quoted sentence's subject is {subject!r}, not its speaker {who!r}"
    if kind == "position" and (others := _view_of_others_only(who, who_kind, sentence)):
        return f"the view in the quoted sentence is held by others ({others!r}), not {who!r}"
    # The turn is spoken words, as a quotation is: read so by the cues; but a few words ("We
    # will see.", "I am.") show no view unless a cue word says so.
    spoken = len(sentence.split()) >= _SPOKEN_VIEW_WORDS
    return _carries_no_fact(index, sentence, f"“{sentence}”" if spoken else sentence, kind)


# The fewest words a spoken sentence needs to be read as a view without a cue word.
_SPOKEN_VIEW_WORDS = 5
# A speaker's thanks or greeting, whatever it goes on to say, unless "but" turns it: "Thank
# you, Madam Chair, for the chance to testify.", "Good morning, everyone."
_COURTESY = re.compile(
    r"\s*(?:thank\s+you|thanks|good\s+(?:morning|afternoon|evening)|hello|welcome)\b"
    r"(?![^.!?]*\bbut\b)",
    re.IGNORECASE,
)
# A chair's procedure: "The committee will come to order.", "You have the floor.", "We stand
# adjourned.", "I yield back.", "Without objection, so ordered."
_PROCEDURE = re.compile(
    r"\b(?:come\s+to\s+order|(?:have|has)\s+the\s+floor|stands?\s+adjourned|is\s+adjourned"
    r"|(?:I|we)\s+yield|is\s+recognized|I\s+recognize|without\s+objection|so\s+ordered)\b",
    re.IGNORECASE,
)


# An actor drafted by a family tie to someone named ("Liz Cheney's father"), and the words that
# give that relative's own name ("Their father, former Vice President Dick Cheney, ...").
# The family ties one person has to another, as a word for one of them.
_TIES = r"wife|husband|father|mother|son|daughter|sister|brother|spouse|widow|widower"
_RELATION = re.compile(rf"^(.+?['’]s)\s+(?:[a-z]+\s+)?({_TIES})$", re.IGNORECASE)


_CAPITALIZED_RUN = r"((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+)"


def name_for_relation(index: SourceIndex, evidence: Evidence, who: str) -> str | None:
    """The name the source gives a relative the draft named by the tie ("Liz Cheney's
    father"), in the last "<tie>, <Name>" up to the evidence's sentence; else the tie alone,
    without a word the model put before it ("Liz Cheney's former father" is "Liz Cheney's
    father"); None when ``who`` names no tie. Consolidation then takes the relative for the
    person named elsewhere."""
    tie = _RELATION.match(who)
    if not tie:
        return None
    sentence = index.sentence_evidence(evidence)
    text = index.text_before(sentence.start) + sentence.quote
    pattern = rf"\b{tie.group(2)},\s+(?:[a-z][\w-]*\s+)*?{_FORMER}{_CAPITALIZED_RUN}"
    names = [_with_former(found) for found in re.finditer(pattern, text)]
    if not names and tie.group(2).lower() in _PARENT_SEX:
        names = _parents_named(text, tie.group(1), _PARENT_SEX[tie.group(2).lower()])
    return names[-1] if names else f"{tie.group(1)} {tie.group(2)}"


# "former" before a title, which a relative's name keeps: "Their father, former Vice
# President Dick Cheney," is "Former Vice President Dick Cheney", no vice president now.
_FORMER = r"(?:(former)\s+)?"


def _with_former(found: re.Match[str]) -> str:
    """The name a pattern of ``_FORMER`` and a capitalized run found, "Former" first if
    the text gives it."""
    former, name = found.group(1), found.group(2)
    return f"Former {name}" if former else name


_PARENT_SEX: dict[str, Sex] = {"father": "male", "mother": "female"}
# A parent named by a child of the family: "daughter of former Vice President Dick Cheney",
# "one of ex-Vice President Dick Cheney's two daughters".
_CHILD_OF = re.compile(
    rf"\b(?:daughters?|sons?|child|children)\s+of\s+(?:[a-z][\w-]*\s+)*?{_FORMER}"
    rf"{_CAPITALIZED_RUN}|{_CAPITALIZED_RUN}['’]s\s+(?:[\w-]+\s+)?(?:daughters?|sons?"
    r"|children)\b"
)


def _parents_named(text: str, child: str, sex: Sex) -> list[str]:
    """The names ``text`` gives as a parent of ``child``'s family ("Liz Cheney's"): a name
    with the child's surname, not of the other sex by its given name."""
    surname = child.removesuffix("'s").removesuffix("’s").split()[-1]
    names = []
    for found in _CHILD_OF.finditer(text):
        name = _with_former(found) if found.group(2) else found.group(3)
        words = [word for word in name.split() if not is_title_word(word)]
        if len(words) < 2 or words[-1] != surname:
            continue
        if sex_of_given_name(words[0].lower()) not in (sex, None):
            continue
        names.append(name)
    return names


# A person drafted by a body's role ("DNC spokesman", "Fox News host"), and the words that
# give that person's name ("DNC spokesman Brad Woodhouse addressed the video").
_ROLE = re.compile(rf"^[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+)*?\s+(?:{BODY_ROLES})$")


# A day or month after a role or a name is when it spoke ("the DNC spokesman Tuesday ...").
_NOT_GIVEN = frozenset(word.lower() for word in (*WEEKDAYS, *MONTHS))


_PERSON_NAME = r"([A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})"


def name_for_role(index: SourceIndex, evidence: Evidence, who: str) -> str | None:
    """The name the source gives a person the draft named by a body's role ("DNC
    spokesman"), in the last "<role> <Name> <Surname>" up to and in the evidence's sentence;
    None when there is none, or the sentence names the role as someone else ("another DNC
    spokesman") without a name. The role may be the body's by a possessive ("the group's
    chief executive, Barry Rand" for "AARP chief executive", AARP named beside it). An
    office is such a role: "Director of National Intelligence" is the "Director of National
    Intelligence James Clapper" of the sentence before."""
    if not (_ROLE.match(who) or names_an_office(who)):
        return None
    sentence = index.sentence_evidence(evidence)
    role = rf"(?<![\w-])(?i:{re.escape(who)})"
    words = who.split()
    lower = next((at for at, word in enumerate(words) if word.islower()), 0)
    body, held = " ".join(words[:lower]), " ".join(words[lower:])
    if body and names_actor(body, None, index.attribution_window(evidence)):
        owner = rf"(?:(?i:the\s+(?:{_BODY_NOUNS}))|{re.escape(body)})['’]s"
        role = rf"(?:{role}|(?<![\w-]){owner}\s+(?i:{re.escape(held)}))"

    def last_named(text: str) -> str | None:
        names = []
        for found in re.finditer(rf"{role},?\s+{_PERSON_NAME}", text):
            words = found.group(1).split()
            while words and words[-1].lower() in _NOT_GIVEN:
                words.pop()  # "DNC spokesman Brad Woodhouse Monday said"
            if len(words) >= 2 and words[0].lower() not in _NOT_GIVEN:
                names.append(" ".join(words))
        return names[-1] if names else None

    in_sentence = last_named(sentence.quote)
    if in_sentence or re.search(rf"\b(?i:an?|another|other)\s+{role}", sentence.quote):
        return in_sentence
    return last_named(index.text_before(sentence.start))


# A person drafted by the epithet news writing calls them by in the sentence after their name:
# "The Florida Republican, who delivered his speech ..., said" after "U.S. Sen. Marco Rubio
# said if elected, ...".
_EPITHET = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,2}(?i:republican|democrat|independent|lawmaker|senator"
    r"|congressman|congresswoman|governor|billionaire|businessman|mogul)"
)


def _as_epithet(name: str) -> str | None:
    """``name`` as an epithet ("Florida Republican"), drafted with its "the" or not; None
    when it is no epithet."""
    epithet = re.sub(r"^(?i:the)\s+", "", name.strip())
    return epithet if _EPITHET.fullmatch(epithet) else None


def name_for_epithet(index: SourceIndex, evidence: Evidence, who: str) -> str | None:
    """The person the sentence before names as its one speaker or subject, when ``who`` is
    an epithet ("Florida Republican") that the evidence's sentence opens with by "the"; else
    None."""
    epithet = _as_epithet(who)
    if epithet is None:
        return None
    sentence = index.sentence_text(evidence)
    if not re.match(rf"{_LEAD_IN}(?i:the)\s+{re.escape(epithet)}\b", sentence):
        return None
    window = index.attribution_window(evidence)
    previous = _sentence_before(window, sentence)
    named = _the_one_named(previous)
    # A person's name, not a group's ("Prominent Republicans" before "The Republican governor")
    if named and len(named.split()) >= 2 and actor_kind(named, index.source.text) == "person":
        return named
    return None


def _an_epithet_for(
    speaker: str, who: str, who_kind: ActorKind | None, window: str, sentence: str
) -> bool:
    """Whether a sentence's speaker is an epithet ("The Arizona Republican") standing for
    ``who``, the one speaker or subject of the sentence before."""
    return _as_epithet(speaker) is not None and _named_just_before(
        who, who_kind or "person", window, sentence
    )


def _named_just_before(who: str, who_kind: ActorKind | None, window: str, sentence: str) -> bool:
    """Whether the sentence before ``sentence`` in ``window`` names ``who`` as its one
    speaker or subject."""
    previous = _sentence_before(window, sentence)
    named = _the_one_named(previous)
    return named is not None and names_actor(who, who_kind or "person", named)


def _anothers_subject(
    who: str,
    who_kind: ActorKind | None,
    sentence: str,
    unquoted: str,
    window: str,
    earlier: str,
) -> str | None:
    """The subject of a sentence that names ``who`` only before it, when that subject is
    someone else: a body named earlier by its head noun (``own_subject``), ``who``'s relative
    ("His son had reportedly pledged allegiance to ISIS ..." after "Seddique Mateen expressed
    gratitude ..."; not "..., he said."), "he" or "she" for a body with no verb of saying ("But
    he does have a solution." after "Trump used Twitter to tear into social media companies
    ..."), or many unnamed ("Privately, many harbor suspicions that he obstructed justice
    ..." after Speaker Nancy Pelosi was named), also named by examples ("..., prominent
    conservative figures like former Arkansas Gov. Mike Huckabee, ... began showing their
    support" after Dan Cathy was named)."""
    body = own_subject(who, sentence, earlier)
    if body:
        return body
    relative = _A_RELATIVE_FIRST.match(unquoted)
    if (
        relative
        and who_kind in (None, "person")
        and not _RELATION.match(who)
        and not speaks_by_pronoun(unquoted)
        and names_actor(who, "person", _sentence_before(window, sentence))
    ):
        return " ".join(relative.group(1).split())
    person = _PRONOUN_FIRST.match(unquoted)
    if (
        person
        and person.group(1).lower() in ("he", "she")
        and who_kind not in (None, "person")
        and not has_a_verb_of_saying(unquoted)
    ):
        return person.group(1)
    unnamed = _UNNAMED_MANY_FIRST.match(unquoted) or (
        None if speaks_by_pronoun(unquoted) else _OTHERS_LIKE_FIRST.match(unquoted)
    )
    return unnamed.group(1) if unnamed else None


def _sentence_before(window: str, sentence: str) -> str:
    """The part of an attribution ``window`` before its ``sentence``: the sentence before."""
    return window[: len(window) - len(sentence)] if window.endswith(sentence) else ""


def _the_one_named(sentence: str) -> str | None:
    """The one speaker a sentence names, or else its one named subject ("Sen. Ted Cruz has
    laid down the gauntlet ..."); None when it names none or several ("Ana Park and Tom
    Lee")."""
    unquoted = blank_quoted(sentence, 0, len(sentence))
    names = named_speakers(unquoted)
    subject = _NAMED_SUBJECT.match(unquoted)
    if not names and subject and not _JOINS_A_SUBJECT.match(unquoted, subject.end(1)):
        names = [subject.group(1)]
    return names[0] if len(names) == 1 else None


def subject_body(index: SourceIndex, evidence: Evidence, who: str) -> str | None:
    """The body the evidence's sentence opens with by "the" and its head noun, named earlier
    in the source, when that body is not ``who``."""
    sentence = index.sentence_evidence(evidence)
    return own_subject(who, sentence.quote, index.text_before(sentence.start))


def sentence_speakers(index: SourceIndex, evidence: Evidence) -> list[str]:
    """The names the evidence's sentence gives as the speakers of its words, outside any
    quotation ("..., Speaker Ana Park and Senator Ivo Brandt said"), or where a quotation it
    is part of opens or closes; no pronoun. A lone word must be a name the source writes
    within a sentence or after a given name ("Schiff" of "Adam Schiff"), not a common noun
    that opens one ("Presidents have declared ..."), and takes that given name (and an
    initial: "Ana M. Park")."""
    sentence = index.sentence_text(evidence)
    text = index.source.text
    names = named_speakers(blank_quoted(sentence, 0, len(sentence)))
    if not names:
        # A quotation the sentence opens or goes on with, said by someone named where it
        # closes or opens: '"Cancel the Putin meeting. Now," Schumer tweeted Friday.'
        said = index.closing_attribution(evidence) or index.quotation_attribution(evidence)
        names = named_speakers(said) if said else []
    return [
        name if " " in name else _in_full(name, text[: evidence.start])
        for name in names
        if " " in name
        or re.search(rf"(?:[a-z,;:]|[A-Z][a-z]+|\b[A-Z]\.) {re.escape(name)}\b", text)
    ]


# Capitalized words before a surname that are no given name: a sentence's or clause's opening.
_OPENING_WORDS = (
    frozenset(
        """the a an but and or so when if as in on at after before while then now today this that
    it for with by from of to said says democrat republican""".split()
    )
    | _NOT_GIVEN
)


def _in_full(surname: str, earlier: str) -> str:
    """A speaker named by surname ("Schumer tweeted"), with the one given name the source
    gave it before ("Senate Minority Leader Chuck Schumer"): "Chuck Schumer", as written
    there ("Ana M. Park"); with a middle name or the first part of a double surname where
    the name stands whole after a title, a lower-case word or a sentence's start ("Justice
    Ruth Bader Ginsburg": "Ruth Bader Ginsburg", not "Bader Ginsburg"; not "Security
    Charlene Lamb" of "Diplomatic Security Charlene Lamb"); the surname alone where it gave
    none, or two."""
    written: dict[str, str] = {}  # each given name, by how the source wrote it first
    for found in re.finditer(rf"\b([A-Z][a-z]+)(\s+[A-Z]\.)?\s+{re.escape(surname)}\b", earlier):
        if not _a_given_name(found.group(1)):
            continue
        given = found.group(1)
        before = re.search(r"(?:^|(\S+)\s+)([A-Z][a-z]+)\s+$", earlier[: found.start()])
        if (
            before
            and _a_given_name(before.group(2))
            and (
                before.group(1) is None
                or is_title_word(before.group(1))
                or before.group(1)[0].islower()
                or before.group(1)[-1] in ".!?"
            )
        ):
            given = f"{before.group(2)} {given}"
        written.setdefault(given, given + (found.group(2) or ""))
    # "Ruth Bader" and "Bader" in one source are one person's names, the longer in full.
    given_names = [name for name in written if not any(o.endswith(f" {name}") for o in written)]
    return f"{written[given_names[0]]} {surname}" if len(given_names) == 1 else surname


# Two people a model drafted as one actor: "Udall and Wyden", "Ana Park and Ivo Brandt".
_TWO_NAMES = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+)\s+(?:and|&)\s+((?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+)"
)


def actors_joined(index: SourceIndex, name: str) -> list[tuple[str, ActorKind]]:
    """The two actors a drafted actor joins by "and", each with its kind: two people
    ("Udall and Wyden", from "Mr. Udall and Mr. Wyden released a joint statement"), each as
    the source names them in full ("Mark Udall", "Ron Wyden"), or two countries or US states
    ("Nebraska and Oklahoma accused Colorado ..."): the fact is each one's. None where either
    part is neither, or the name is an institution's ("Health and Human Services", "Procter
    and Gamble")."""
    found = _TWO_NAMES.fullmatch(name.strip())
    if found is None or institution_words(name):
        return []
    parts = found.groups()
    if all(part.lower() in US_STATES or country_of(part, demonyms=False) for part in parts):
        return [(part, "government") for part in parts]
    text = index.source.text
    people: list[tuple[str, ActorKind]] = []
    for part in parts:
        words = part.split()
        full = _in_full(words[-1], text) if len(words) == 1 else part
        if len(full.split()) < 2 or not re.search(rf"(?<!\w){re.escape(full)}(?!\w)", text):
            return []
        people.append((full, "person"))
    return people


def _a_given_name(word: str) -> bool:
    """Whether a capitalized word before a surname may be a given name: no title (nor titles:
    "Senators Ron Wyden of Oregon and Mark Udall"), no word that opens a sentence or clause."""
    title = is_title_word(word) or (word.endswith("s") and is_title_word(word[:-1]))
    return not title and word.lower() not in _OPENING_WORDS


def turn_person(index: SourceIndex, evidence: Evidence) -> str | None:
    """The person a transcript's label or a speech's heading names as the speaker of the
    evidence's words, without an affiliation ("TOMAS REYES (Veltra Software Association)":
    "TOMAS REYES"); None where none is named or the label gives only a role ("THE
    PRESIDENT")."""
    turn = index.turn_of(evidence)
    if turn is None or turn.speaker is None or role_of_label(turn.speaker):
        return None
    return speaker_name(turn.speaker) or None


# The rest of a body's name after its head noun: "of Digital Affairs of the Republic of Veltra".
_OF_NAME = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*"


# "The coalition urges ...", "On Thursday, the service announced ...": after an opening
# phrase or none.
_DEFINITE_SUBJECT = re.compile(
    r"\s*(?:[A-Z][^,;:\"“”]{0,60},\s+(?=the\s))?[\"“‘']?[Tt]he\s+([a-z][a-z-]{3,})\b"
)


# A sentence's opening phrase before its subject, if any: "On Thursday, ", "In a sign of
# its resonance within the party, ".
_LEAD_IN = r"\s*(?:[A-Z][^,;:\"“”]{0,60},\s+)?"
# A person's role as a sentence's subject, in lower case: "The communications pro also took a
# shot at ...". (Not one who speaks for another, a spokesman, an aide or a lawyer, whose words
# are that other's too.)
_A_ROLE_AS_SUBJECT = re.compile(
    rf"{_LEAD_IN}[Tt]he\s+((?:[a-z][\w-]*\s+){{0,3}}(?:pro|staffer|operative|strategist"
    r"|consultant|analyst|economist|professor|writer|author|activist|veteran))"
    r"\s+(?!of\b|for\b|to\b|at\b)[a-z]"
)


# A text as a sentence's subject: "The statement does not deny ...", "Another security
# review, on June 25, 2012, reported a spike in violence ...".
_A_TEXT_AS_SUBJECT = re.compile(
    _LEAD_IN + r"((?i:the|this|that|its|his|her|their|another)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?i:statements?|letters?|releases?|remarks|speech|interview"
    r"|comments|memo|filing|documents?|reviews?|reports?|assessments?|analys[ie]s|stud(?:y|ies)"
    r"|cables?|messages|e-?mails|tweets))(?:,[^;:\"“”]{1,100}?,)?\s+[a-z]"
)
# Offices a sentence calls their holder by: "the president".
_OFFICES = (
    r"president|governor|senator|mayor|speaker|chairman|chairwoman|secretary|minister"
    r"|prime\s+minister|attorney\s+general"
)
# An office as a sentence's subject: "By late Thursday, the president appeared ...".
_AN_OFFICE_AS_SUBJECT = re.compile(
    _LEAD_IN + rf"(?:But\s+|And\s+)?((?i:the)\s+({_OFFICES}))\s+[a-z]"
)


# An office, or the epithet news writing calls someone by, as the subject of a verb of saying
# or of attack right after it: "the president said ...", "The Texas lawmaker blamed his rival
# ..."; not "the mayor of Riverton, Ben Ortiz, said ...".
_AN_OFFICE_SPEAKING = re.compile(
    _LEAD_IN + rf"(?:But\s+|And\s+)?((?i:the)\s+(?:[\w-]+\s+){{0,2}}?({_OFFICES}"
    r"|lawmaker|congressman|congresswoman|billionaire|mogul|businessman|candidate|nominee"
    r"|front-?runner))\s+(?:also\s+)?(?:said|says|told|tells|added|wrote|tweeted|blamed|accused"
    r"|attacked|criticized|slammed|lashed|urged|warned|argued|insisted|denied)\b"
)


def _holds_office(who: str, office: str, earlier: str) -> bool:
    """Whether ``who`` may be the holder of ``office`` a sentence names by "the": the name
    carries the title, or the source gave it before the surname ("President Trump")."""
    if re.search(rf"\b{office}\b", who, re.IGNORECASE):
        return True
    surname = who.split()[-1] if who.split() else who
    title = "(?i:" + r"\s+".join(office.split()) + ")"
    named = rf"{title}\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}{re.escape(surname)}\b"
    return re.search(named, earlier) is not None


# What a text says, as its verb: "The statement said ...", "The letter urges ...".
_A_TEXT_SAYS = re.compile(
    r"\b(?:say|says|said|state|states|stated|note|notes|noted|argue|argues|argued|warn|warns"
    r"|warned|urge|urges|urged|call|calls|called|write|writes|wrote|declare|declares|declared"
    r"|claim|claims|claimed|add|adds|added|insist|insists|insisted)\b"
)
# Someone's people by a named possessive as a sentence's subject, before its verb:
# "Strzok's attorney, meanwhile, blasted the bureau ...".
_SOMEONES_PEOPLE = re.compile(
    _LEAD_IN + r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*['’]s?\s+(?:[a-z]+\s+)?"
    r"(?:attorneys?|lawyers?|spokes(?:man|woman|person)|aides?|advis[eo]rs?|counsel"
    r"|campaign|office|staff|team))(?:,\s*[^,;:\"“”]{1,40},)?\s+(?:also\s+)?"
    r"(?:said|says|told|[a-z]+(?:ed|s))\b"
)
# People of a body, in the plural, as a sentence's subject: "the executives of nine
# Indiana-based companies, including ..., sent a letter".
_A_GROUP_AS_SUBJECT = re.compile(
    _LEAD_IN + r"(?:(?:But|And)\s+)?((?i:the)\s+(?:[a-z][\w-]*\s+){0,2}?(?:executives|leaders"
    r"|heads|chiefs|officials|members|lawmakers|senators|governors|mayors|presidents|CEOs)"
    r"\s+(?:of|from|at)\s+[^,;:\"“”]{1,80})(?:,[^;:\"“”]{1,100},)?\s+(?:also\s+)?"
    r"(?:[a-z]+ed|sent|said|say|says|told|wrote|gave|took|made|met|have|has|had|are|were|will"
    r"|would)\b"
)
# A subject that is some of those named before, not one of them: "A number of the Internet
# companies issued statements ..." after "Microsoft, Yahoo, Google, Facebook, AOL ...".
_SOME_OF_THEM = re.compile(
    _LEAD_IN + r"((?i:a\s+number|some|several|many|most|more|a\s+few|few|two|three)"
    r"\s+of\s+(?i:the|these|those|them|his|her|their|its)\b(?:\s+[\w'’-]+){0,4}?)\s+"
    r"(?=(?:also\s+)?(?:have|has|had|were|are|said|say|says|issued|came|\w+ed)\b)"
)


def own_subject(name: str, sentence: str, earlier: str) -> str | None:
    """The body a sentence opens with by "the" and a noun (after an opening phrase or none),
    when that noun ends the name of another body named earlier in the source: "The coalition
    urges delegations ..." after the Digital Rights Coalition was named is the coalition's,
    not the UN's whose name stands in the sentence before; "On Thursday, the service
    announced ..." is the Fish and Wildlife Service's, not Zimbabwe's, whose conservation it
    cited. ``None`` when the noun may stand for ``name`` ("The group said ..." after "Human
    Rights Watch": no body named "... Group")."""
    opening = _DEFINITE_SUBJECT.match(sentence)
    if opening is None or opening.group(1) in spelled_words(name):
        return None
    head = opening.group(1)
    if is_title_word(head):
        return None  # "The president asked ..." is a person's title, not a "Vice President"
    # The head noun ends the body's name ("Digital Rights Coalition") or opens it before "of"
    # ("Ministry of Digital Affairs of the Republic of Veltra").
    # A name may hold "and" ("United States Fish and Wildlife Service" for "the service").
    pattern = rf"(?:\b[A-Z][\w'’.-]*\s+(?:and\s+(?=[A-Z]))?){{0,5}}{head.capitalize()}\b{_OF_NAME}"
    bodies = [
        re.sub(r"^The ", "", " ".join(found.split())) for found in re.findall(pattern, earlier)
    ]
    named = [body for body in bodies if body != head.capitalize() and not _is_body(name, body)]
    return named[-1] if named else None


def _is_body(name: str, body: str) -> bool:
    """Whether a drafted ``name`` is ``body``: it names the body's name before any "of" (a
    country after "of" is another actor: "Veltra" is not the "Ministry of Digital Affairs of
    the Republic of Veltra"), or the body's name names all of it."""
    return names_actor(name, None, body.split(" of ")[0]) or names_actor(body, None, name)


# A sentence that opens with a person's or body's name as its subject: "Rep. Pete Sessions
# (R-Texas) was the other conservative alternate ...". Titles before the name are skipped; a
# sentence that opens with a quotation mark is someone's words, and is not read here.
_NAMED_SUBJECT = re.compile(
    # ("The late Sen. Ted Kennedy (D-Mass.) requested ...")
    r"\s*(?:[Tt]he\s+late\s+)?(?:(?:Rep|Sen|Gov|Mr|Mrs|Ms|Dr|Rev|Gen)\.\s+"
    r"|(?:Representative|Senator|Governor|President|Speaker)\s+)?"
    r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)(?:\s*\([^()\n]{1,30}\)|,\s*\d{1,3},"
    # or a title between commas: "Senator Ben Sasse, Republican of Nebraska, called it ..."
    r"|,\s+[^,;:\"“”\n]{1,60},)?"
    # or a clause between dashes after it: "Stone ― who worked on ... ― took credit"
    r"(?:,?\s+|\s+[―—–]\s+)[a-z]"
)


_NOT_SUBJECT_WORDS = frozenset(
    "the a an but and or so yet on in at by for from with after before when while if as "
    "since until though although however meanwhile still also then now this that these those "
    "last next early late earlier later today yesterday tomorrow instead separately overall "
    "finally first second third there here he she they we it i you his her their its our my "
    "your one some many most several both each few other others all any no not another such "
    "every according like unlike had has have was were is are did do does would could should "
    "will can may might must much more less without within despite amid among under over "
    "through during against about into toward towards across beyond".split()
)


# An opening phrase before the subject: "Earlier Sunday, ", "After his meeting with Reid, ".
_OPENING_PHRASE = re.compile(r"[^,;:\"“”]{1,80},\s+")


# A body's name after "the", before its verb: "The Democratic National Committee also sent
# that statement around", "The Tea Party movement has been beset with allegations ..."
# (the head noun of a name in lower case goes with it: "The Obama administration tried" is
# the administration's, and may be Obama's).
_THE_NAMED_SUBJECT = re.compile(
    r"\s*[Tt]he\s+((?:[A-Z][\w'’.-]+\s+){0,4}[A-Z][\w'’-]+(?:\s+(?:movement|campaign|party"
    r"|coalition|caucus|group|administration))?)\s+"
    r"(?=(?:also\s+|then\s+|later\s+|\w+ly\s+)?(?:has|had|have|is|was|are|were|will|would|said|says"
    r"|sent|told|wrote|gave|made|took|put|issued|\w+ed)\b)"
)


def _named_subject(who: str, who_kind: ActorKind | None, sentence: str) -> str | None:
    """The name a sentence opens with as its subject, after an opening phrase or not, when
    it is not ``who``'s, after a linking word or not ("Yet Mr. Trump has waged ..."), or
    after "the" ("The Democratic National Committee also sent ..."); else the subject of an
    opening clause ("While President Obama promised ..., U.S. forces remain" is no one
    else's words)."""
    found = _opening_subject(sentence) or _THE_NAMED_SUBJECT.match(sentence)
    if found is None:
        return None
    name = found.group(1)
    return None if names_actor(who, who_kind or "person", name) else name


def _opening_subject(sentence: str) -> re.Match[str] | None:
    """The name a sentence opens with as its subject: at its start, after an opening phrase
    ("Earlier Sunday, ..."), after a linking word ("Yet ..."), or as the subject of an opening
    clause ("While President Obama promised ..., ...")."""
    found = _NAMED_SUBJECT.match(sentence)
    for lead in (_OPENING_PHRASE, _CONNECTIVE, _SUBORDINATOR):
        if found is not None and not _not_a_subject(found, sentence):
            return found
        opened = lead.match(sentence)
        if opened:
            found = _NAMED_SUBJECT.match(sentence, opened.end())
    return found if found is not None and not _not_a_subject(found, sentence) else None


# A caption, a name and what it is on, with no verb: "Judicial Watch Director of Investigations
# Chris Farrell on how FBI official Peter Strzok requested that he retain his security
# clearance ..." (the clause after "how" tells of someone).
_A_CAPTION = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+(?:of\s+)?){1,8}on\s+(?:how|why|what|whether|when)\s+(.+)", re.DOTALL
)


# The one a caption's clause tells of, by name before its verb: "FBI official Peter Strzok
# requested ...".
_NAME_BEFORE_A_VERB = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+)\s+[a-z]+(?:ed|s)\b")


def _caption_subject(who: str, who_kind: ActorKind | None, clause: str) -> str | None:
    """The person a caption's clause tells of, when that is not ``who``."""
    found = _NAME_BEFORE_A_VERB.search(clause)
    if found is None or names_actor(who, who_kind or "person", found.group(1)):
        return None
    return found.group(1)


def _someone_else_as_subject(
    who: str, who_kind: ActorKind | None, sentence: str, earlier: str
) -> str | None:
    """The person a sentence opens with as its subject (after any opening phrase), when that
    is not ``who``: a name of two words or more, one after a title ("Mr. Udall"), or a
    surname the source gave in full before ("Dowd" after "John Dowd"), for a lone
    capitalized word opening a sentence is as often a common noun ("Draft talking points
    ..."). Either name may hold the other ("Nancy Pelosi" and "Representative Nancy Pelosi of
    California"; "Mr. Udall" and "Udall and Wyden")."""
    found = _opening_subject(sentence)
    if found is None:
        return None
    name = found.group(1)
    titled = found.start(1) > found.start() + len(found.group(0)) - len(found.group(0).lstrip())
    if len(name.split()) < 2 and not titled and not _named_in_full(name, earlier):
        return None
    kind = who_kind or "person"
    if names_actor(who, kind, name) or names_actor(name, kind, who):
        return None
    return name


# A name in the possessive ("the NRA's plan"), unless what follows is a person who speaks for
# its owner ("the NRA's chief lobbyist", "Boehner's spokesman").
_OWNER = re.compile(
    r"(?:[A-Z][\w.&-]*\s+){0,5}[A-Z][\w.&-]*['’]s?(?=\s)"
    r"(?!\s+(?:[\w-]+\s+){0,3}?(?:spokes\w+|aides?|advis[eo]rs?|lawyers?|attorneys?|chief"
    r"|president|director|head|leader|chair\w*|officials?|executive|secretary|counsel"
    r"|lobbyists?|staff)\b)"
)


def _owner_in_anothers_sentence(
    who: str, who_kind: ActorKind | None, sentence: str, earlier: str
) -> str | None:
    """The name a sentence opens with as its subject, when ``who``, a body, is named in it
    only as the owner of what that subject speaks of: "Obama has been critical of the NRA's
    plan to install armed security in every school" is Obama's view of the plan, not the
    NRA's. Not when the subject is one of the body's people (``_persons_body``). A person so
    named is read by ``_another_persons_sentence``."""
    if who_kind in (None, "person"):
        return None
    opening = _opening_subject(sentence)
    if opening is None or names_actor(who, who_kind, opening.group(1)):
        return None
    if not names_actor(who, who_kind, sentence):
        return None
    owners_blanked = _OWNER.sub(lambda found: " " * len(found.group(0)), sentence)
    if names_actor(who, who_kind, owners_blanked):
        return None
    subject = opening.group(1)
    return None if _persons_body(subject, who, earlier) else subject


# A sentence's subject that is a person's thing: "The court of Chief Justice John G.
# Roberts Jr. has recently issued a series of rulings ..."; not the people who speak for the
# person ("The office of Senator Ana Park said ...").
_THING_OF_A_PERSON = re.compile(
    _LEAD_IN + r"([Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?!(?:office|campaign|spokes\w+|aides?|advis[eo]rs?|lawyers?|attorneys?|counsel"
    r"|administration|team|camp|staff|representatives?|government|family|allies)\s+of\b)"
    r"[a-z][\w-]*)\s+of\s+((?:[A-Z][\w'’.-]*,?\s+){0,5}?[A-Z][\w'’.-]*)\s+(?=[a-z])"
)


def _a_persons_thing_as_subject(who: str, who_kind: ActorKind | None, sentence: str) -> str | None:
    """The subject a sentence opens with when it is a thing of ``who``, a person named
    nowhere else in it ("The court of Chief Justice John G. Roberts Jr. has recently issued
    ...": the court's doing, not his view)."""
    if who_kind not in (None, "person"):
        return None
    found = _THING_OF_A_PERSON.match(sentence)
    if found is None or not names_actor(who, "person", found.group(2)):
        return None
    rest = sentence[: found.start(2)] + " " * len(found.group(2)) + sentence[found.end(2) :]
    return None if names_actor(who, "person", rest) else found.group(1)


# A person's name as a thing's modifier, after a determiner: "it drew widespread criticism
# for its infamous Sarah Palin cover in 2009".
_DETERMINER_BEFORE = re.compile(
    r"\b(?:its|his|her|their|the|a|an|this|that)\s+(?:[a-z][\w-]*\s+){0,2}$"
)
_A_THING_AFTER = re.compile(
    r"\s+(?:cover|photo|photograph|picture|image|portrait|interview|profile|article|story"
    r"|video|ad|book|joke|speech|rally|moment|era|years|impersonation)s?\b"
)


def _named_only_before_a_thing(who: str, who_kind: ActorKind | None, sentence: str) -> str | None:
    """The thing of ``who``'s, a person, that ``sentence`` names with every mention of them
    as its modifier ("its infamous Sarah Palin cover"): the thing's sentence, not their
    view. None when a mention is not such a modifier."""
    surname = who.split()[-1] if who.split() else ""
    if who_kind not in (None, "person") or len(surname) < 3:
        return None
    things = []
    for found in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", sentence):
        run = _NAME_RUN_BEFORE.search(sentence, 0, found.start())
        determiner = _DETERMINER_BEFORE.search(sentence, 0, run.start() if run else found.start())
        thing = _A_THING_AFTER.match(sentence, found.end())
        if determiner is None or thing is None:
            return None
        things.append(sentence[determiner.start() : thing.end()])
    return things[0] if things else None


_NAME_RUN_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*\s+)+$")
# People named after someone, who hold their own views of that someone: "a feisty crowd of
# Brat supporters booed Cantor", "Trump voters", "Obama critics".
_PEOPLE_AFTER = re.compile(
    r"\s+(?:supporters|backers|fans|voters|loyalists|followers|critics|opponents|detractors"
    r"|donors|delegates|admirers)\b"
)


def _named_only_before_their_people(
    who: str, who_kind: ActorKind | None, sentence: str
) -> str | None:
    """The people of ``who``'s, a person, that ``sentence`` names with every mention of them
    as their modifier ("Brat supporters"): those people's view, not theirs. None when a
    mention is not such a modifier."""
    surname = who.split()[-1] if who.split() else ""
    if who_kind not in (None, "person") or len(surname) < 3:
        return None
    people = []
    for found in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", sentence):
        after = _PEOPLE_AFTER.match(sentence, found.end())
        if after is None:
            return None
        run = _NAME_RUN_BEFORE.search(sentence, 0, found.start())
        people.append(sentence[run.start() if run else found.start() : after.end()])
    return people[0] if people else None


# Lower-case words of a role between a body's name and a person's: " nominee ".
_ROLE_WORDS_AFTER = re.compile(
    # (not a verb and its object: "Mr. Cohen drafted his statement to Congress ... along with
    # Steven Ryan")
    r"(?:\s+(?!(?:[a-z]+ed|to|his|her|their|its|with)\b)"
    r"[a-z][\w-]*){1,4}\s+(?=[A-Z])"
)
# What joins a second subject to the first: "Mr. Cruz and Mr. Trump both ...".
_JOINS_A_SUBJECT = re.compile(r"\s*(?:,\s*|\s+)(?:and|or|&)\s+|\s*,\s+")


# A party's people in one word, which opens a sentence as its subject as a name does.
_A_PARTYS_PEOPLE = re.compile(r"Republicans|Democrats|Conservatives|Liberals|Progressives")


def _another_persons_sentence(
    who: str, who_kind: ActorKind | None, sentence: str, earlier: str
) -> str | None:
    """The person a sentence opens with as its subject, when ``who``, a person, is named only
    after it and no verb of saying gives ``who`` words: "On Wednesday, Mr. Cruz repeatedly
    quoted from the movie ... as she faced questions about Mr. Trump's threats" holds no view
    of Mr. Trump's. Not when ``who`` shares the subject ("Mr. Cruz and Mr. Trump both ...")."""
    if who_kind not in (None, "person"):
        return None  # a body speaks through its people ("Wayne Pacelle, the CEO of ...")
    subject = _someone_else_as_subject(who, who_kind, sentence, earlier)
    opening = _opening_subject(sentence)
    if subject is None and opening is not None and _A_PARTYS_PEOPLE.fullmatch(opening.group(1)):
        subject = opening.group(1)  # "Republicans are challenging ... statements made by ..."
    if subject is None or opening is None:
        return None
    # "After Gorsuch repeatedly stated that ..., Democrats reminded him ...": the subject of
    # an opening clause, and ``who`` the main clause's.
    comma = sentence.find(",", opening.end(1)) if _SUBORDINATOR.match(sentence) else -1
    main = _NAMED_SUBJECT.match(sentence, comma + 1) if comma >= 0 else None
    if main and names_actor(who, who_kind or "person", main.group(1)):
        return None
    # (a name after a comma joins it, a place does not: "Labrador, of Idaho, would be the Tea
    # Party alternative to McCarthy")
    joined = _JOINS_A_SUBJECT.match(sentence, opening.end(1))
    if (
        joined
        and (joined.group(0).strip() != "," or sentence[joined.end() : joined.end() + 1].isupper())
        and names_actor(who, "person", sentence[joined.end() : joined.end() + 60])
    ):
        return None
    # "Presumptive GOP nominee Mitt Romney said": the capitalized words are the role of
    # ``who``, the subject.
    role = _ROLE_WORDS_AFTER.match(sentence, opening.end(1))
    if role and names_actor(who, "person", sentence[role.end() : role.end() + 60]):
        return None
    said = first_speaker(sentence)
    if said and names_actor(who, "person", sentence[said[1] : said[2]]):
        return None
    return subject


def _surname_first_given_to_another(who: str, window: str, earlier: str) -> str | None:
    """The person the source named first with ``who``'s surname, when that is someone else
    and ``window`` gives the surname without ``who``'s given name: news writing calls the
    one it is about by surname ("Hunter said") and a relative by both names ("his wife,
    Margaret Hunter"), so "Hunter said" is not Margaret Hunter's. A source that names the
    surname first after a title ("President Trump") may mean ``who`` by it."""
    core = before_suffix(who.split())
    before = [word for word in core[:-1] if len(word.rstrip(".")) > 1]  # no initials
    if len(core) < 2 or not before or not core[-1][:1].isupper() or len(core[-1]) < 3:
        return None
    given, surname = before[-1], core[-1]
    if not given[:1].isupper() or is_title_word(given):
        return None  # "Vermont Sen. Sanders": no given name
    if any(same_given_name(word, given) for word in _CAPITALIZED.findall(window)):
        return None  # ("Liz Cheney" for Elizabeth Cheney)
    if _titled_as_before(given, surname, window, earlier):
        return None
    for found in _NAMES_BEFORE.finditer(earlier):
        if found.group(2) != surname:
            continue
        words = [word for word in found.group(1).split() if len(word.rstrip(".")) > 1]
        ends = [at for at, word in enumerate(words) if _ENDS_A_SENTENCE.search(word)]
        words = words[ends[-1] + 1 :] if ends else words  # "... John Kerry. Cowan said"
        if not words or words[-1].lower() in _NOT_SUBJECT_WORDS:
            continue  # "When Hutchinson ...": no given name
        if is_title_word(words[-1]):
            return None  # first given by a title ("President Trump"), who may be ``who``
        names = [
            word
            for word in words
            if not is_title_word(word) and word.lower() not in _NOT_SUBJECT_WORDS
        ]
        if any(same_given_name(word, given) for word in names):
            return None
        return f"{' '.join(names)} {surname}"
    return None


def _titled_as_before(given: str, surname: str, window: str, earlier: str) -> bool:
    """Whether ``window`` gives the surname after a title the source gave before to the
    whole name: "Former Vice President Cheney" after "ex-Vice President Dick Cheney"."""
    for titled in re.finditer(rf"(\w[\w.]*)\s+{re.escape(surname)}\b", window):
        title = titled.group(1)
        if is_title_word(title) and re.search(
            rf"\b{re.escape(title)}\s+{re.escape(given)}\s+{re.escape(surname)}\b", earlier
        ):
            return True
    return False


_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*")


# A run of capitalized words and the capitalized word after it: "Donald John Trump".
_NAMES_BEFORE = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+){1,4})([A-Z][\w'’-]+)\b")


# A word that ends a sentence: a full stop after more than an initial or a title's short form.
_ENDS_A_SENTENCE = re.compile(rf"{NOT_AFTER_A_SHORT_FORM}\.$")


def _named_in_full(surname: str, earlier: str) -> bool:
    """Whether ``earlier`` gives ``surname`` after a capitalized word ("John Dowd")."""
    return re.search(rf"[A-Z][\w'’.-]*\s+{re.escape(surname)}(?!\w)", earlier) is not None


def _persons_body(person: str, body: str, earlier: str) -> bool:
    """Whether the source named ``person`` beside ``body``, in one phrase, before: a body
    speaks through its people ("NRA executive vice president Wayne LaPierre", then "LaPierre
    assailed ..."; "Wayne Pacelle, the CEO of the Humane Society"). A clause between them
    ("an interview with Fox News that Trump was ...") makes them no such pair, and so does
    another's name just before ("According to New York Magazine writer Yashar Ali, Griffin
    claims ...": the writer is the magazine's)."""
    surname = person.split()[-1]
    for found in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", earlier):
        before = _CLAUSE_BREAK.split(earlier[max(0, found.start() - _BESIDE) : found.start()])
        after = _CLAUSE_BREAK.split(earlier[found.end() : found.end() + _BESIDE])
        other = _ANOTHER_NAME_BEFORE.search(before[-1])
        if other and not names_actor(body, None, other.group(1)):
            before[-1] = ""
        if names_actor(body, None, before[-1]) or names_actor(body, None, after[0]):
            return True
    return False


# A name and a comma just before another: "Yashar Ali, Griffin claims".
_ANOTHER_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*),\s*$")


# Words and stops that end the phrase a person's name and their body's share.
_CLAUSE_BREAK = re.compile(
    r"\b(?:that|said|says|who|whom|which|when|while|with|and|but|to|was|is|were|are|told"
    r"|after|before|because)\b|[.;:!?]"
)


# How close a person's name and a body's stand when the text gives one as the other's.
_BESIDE = 60


def _not_a_subject(found: re.Match[str], sentence: str) -> bool:
    """Whether the capitalized words a sentence opens with are no name: "On Friday", "I’m",
    "Largely,", a name in the possessive ("Windsor's tax burden"), or a verb in -ing before
    its object ("Talking about her victory, she said ...")."""
    if re.search(r"['’]s?$", found.group(1)) or OPENS_A_CLAUSE.match(sentence, found.start(1)):
        return True
    tokens = found.group(1).split()
    if len(tokens) > 1 and tokens[0].lower().endswith("ing") and is_name_title(tokens[1]):
        return True  # "Calling Mr. Trump a ...": a verb in -ing before its object
    # "I’m" is "I"; "Largely," opens with an adverb, not a name.
    words = [re.split(r"['’]", word.strip(".,"))[0] for word in found.group(1).lower().split()]
    if any(w in _NOT_SUBJECT_WORDS or w in MONTHS or w in WEEKDAYS for w in words):
        return True
    return len(words) == 1 and words[0].endswith("ly") and sentence[found.end(1) :].startswith(",")


def _read_for_names(
    who: str, sentence: str, unquoted_sentence: str, window: str
) -> tuple[str, str]:
    """The sentence and the window as they are read for the actor's name (offsets unchanged).

    A name in parentheses is an aside ("several who are better financed ... (Jeb Bush)"). The
    writer's words after a speaking pronoun name its words' object, not a speaker ('"...," she
    wrote above a picture of the Obama daughters'); quoted words there are still read, for the
    rules on quotations.
    """
    named_sentence = _outside_parentheses(sentence, who)
    named_window = _outside_parentheses(window, who)
    spoken = after_a_pronoun_speaker(unquoted_sentence)
    if spoken is None or not window.endswith(sentence):
        return named_sentence, named_window
    rest = "".join(
        " " if plain == original else original
        for plain, original in zip(unquoted_sentence[spoken:], sentence[spoken:], strict=True)
    )
    return named_sentence[:spoken] + rest, named_window[: len(named_window) - len(rest)] + rest


# A news outlet's name, and the words that give it as the one that reported ("according to The
# Hill", "The New York Times reported", "told NY1", "Haberman in the New York Times", "said
# in a New York Times interview", "an interview with Fox News", "said on CNN").
_OUTLET = re.compile(
    # (or outlets by what they are: "reported by Fox and other news organizations")
    rf"\b(?:{NEWS_OUTLET_WORDS})\b|\w\.com\b|\b(?:news|media)\s+(?:organi[sz]ations?|outlets?)\b"
)


_AS_THE_OUTLET_BEFORE = re.compile(
    r"(?:according\s+to|(?:reported|obtained|published|seen|reviewed|cited)\s+by|told|in|to|on"
    r"|(?:interview|appearance)s?\s+(?:with|on)"
    # "were first reported in January 2017 by a California newspaper, The Press-Enterprise"
    r"|(?:reported|published)\b[^.;]{0,40}?\bby\s+an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:newspaper|paper|magazine|news\s+site|website),)"
    r"\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
# What an outlet is called: "a California newspaper, The Press-Enterprise".
_AN_OUTLET = r"(?:newspaper|paper|magazine|news\s+site|website|broadcaster|daily|weekly)"
# A name the sentence calls a newspaper, by apposition: "a California newspaper, The
# Press-Enterprise".
_CALLED_AN_OUTLET = rf"\b{_AN_OUTLET},\s+(?:the\s+)?"


_AS_THE_OUTLET_AFTER = re.compile(
    # (a clause between commas may come first: "CNN, which ... was staking out Stone's ...
    # home, posted video of the arrest"; or what it is: "The Connecticut Post, a Bridgeport
    # newspaper that is the state's third-largest daily, described ..."; or when: "The New
    # Haven Register on July 20, 2006, described him as ...")
    r"^['’]?s?(?:,\s+(?:which|that)\b[^,;:]{1,100},"
    rf"|,\s+an?\s+[^,;:]{{0,40}}?{_AN_OUTLET}\b[^,;:]{{0,100}},"
    r"|\s+(?:on|in)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?,?(?:\s+\d{4})?,?)?"
    # (or another outlet with it: "Both the Des Moines Register and the Quad-City Times
    # featured the backlash")
    r"(?:\s+and\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)?"
    r"\s+(?:(?:first|also|later|previously)\s+)?"
    r"(?:reported|reports|featured|published"
    r"|obtained|posted|broke|confirmed|learned|reviewed|cited|quoted"
    # and how it wrote of someone ("described him as "a veteran of the Vietnam War"")
    r"|described|describes)\b",
    re.IGNORECASE,
)


# A platform people post on, named as an outlet is: "Mr. Trump wrote on Twitter".
_PLATFORM = re.compile(
    r"Twitter|Facebook|Instagram|YouTube|TikTok|Truth\s+Social|Reddit|Snapchat|Threads",
    re.IGNORECASE,
)


# An outlet named as a journalist's employer: "Fox News host Glenn Beck", "a Times columnist".
_JOURNALIST = (
    r"(?:host|anchor|reporter|correspondent|columnist|cartoonist|commentator|contributor"
    r"|analyst|pundit|personality|writer|journalist|editor|photographer|moderator"
    r"|interviewer)s?"
)
_AS_THE_EMPLOYER_AFTER = re.compile(rf"^['’]?s?\s+(?:[\w-]+\s+)?{_JOURNALIST}\b", re.IGNORECASE)
# Or before it: "a cartoonist for The Bangor Daily News".
_AS_THE_EMPLOYER_BEFORE = re.compile(
    rf"\b{_JOURNALIST}\s+(?:for|at|with)\s+(?:the\s+)?$", re.IGNORECASE
)


# A news agency, which reports and holds no view of its own.
_NEWS_AGENCY = re.compile(
    r"\b(?:news|press)\s+agency\b|\bwire\s+service\b|^(?:AP|AFP|Reuters|Xinhua|TASS|Yonhap"
    r"|Kyodo|Associated\s+Press|Agence\s+France-Presse)$",
    re.IGNORECASE,
)


def _only_the_outlet(who: str, sentence: str) -> str | None:
    """How the sentence names ``who``, a news outlet, when it names it only as the one that
    reported it or as a journalist's employer ("Fox News host Glenn Beck", "a cartoonist for
    The Bangor Daily News"): the outlet reports the view, or one of its people holds it; the
    outlet does not. None when it names the outlet otherwise, or ``who`` is no outlet."""
    name = re.sub(r"^the\s+", "", who.strip(), flags=re.IGNORECASE)
    called = re.search(_CALLED_AN_OUTLET + re.escape(name), sentence, re.IGNORECASE) or re.search(
        re.escape(name) + rf",\s+an?\s+[^,;:]{{0,40}}?{_AN_OUTLET}\b", sentence, re.IGNORECASE
    )
    platform = _PLATFORM.fullmatch(name) is not None
    # (a news agency only reports, whatever its verb: "The official Xinhua News Agency said
    # people were buried under debris at the mine")
    agency = _NEWS_AGENCY.search(name) is not None
    if not (_OUTLET.search(who) or called or platform or agency):
        return None
    mentions = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.IGNORECASE))
    if not mentions:
        return None
    reported = [
        bool(
            agency
            or _AS_THE_OUTLET_BEFORE.search(sentence, 0, found.start())
            or _AS_THE_OUTLET_AFTER.match(sentence[found.end() :])
        )
        for found in mentions
    ]
    if all(reported):
        # ('"Social Media is totally discriminating ...," Mr. Trump wrote on Twitter')
        return (
            "the platform the words were posted on"
            if platform
            else "the news outlet that reported it"
        )
    employer = [
        _AS_THE_EMPLOYER_AFTER.match(sentence[found.end() :])
        or _AS_THE_EMPLOYER_BEFORE.search(sentence, 0, found.start())
        for found in mentions
    ]
    if all(was or employs for was, employs in zip(reported, employer, strict=True)):
        return "the news outlet a journalist works for"
    return None


# A building or a ground, and the words that put something at it: "Outside the St. Louis
# County Justice Center, where the grand jury convened, two dozen protesters gathered".
_A_PLACES_NAME = re.compile(
    r"\b(?:Center|Centre|Hall|Building|Courthouse|Square|Plaza|Hotel|Arena|Stadium|Library"
    r"|Museum|Church|Cathedral|Park|Airport|Station|Bridge|Mall)$"
)
# (only words of where, not "at", which also tells whom someone works for: "a senior fellow
# at the Southern Poverty Law Center")
_AT_A_PLACE = re.compile(
    r"\b(?:outside(?:\s+of)?|inside|in\s+front\s+of|near|behind|beside|around|across\s+from"
    r"|(?:on\s+)?the\s+steps\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _only_the_place(who: str, sentence: str) -> bool:
    """Whether the sentence names ``who``, a building or a ground by its name, only as where
    something happened: the place takes no side."""
    name = re.sub(r"^the\s+", "", who.strip(), flags=re.IGNORECASE)
    if not _A_PLACES_NAME.search(name):
        return False
    mentions = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.IGNORECASE))
    return bool(mentions) and all(
        _AT_A_PLACE.search(sentence, 0, found.start()) for found in mentions
    )


_PARENTHESES = re.compile(r"\([^()\n]*\)")


def _outside_parentheses(text: str, name: str) -> str:
    """``text`` with what stands in parentheses blanked (offsets unchanged), but for a part of
    ``name`` ("Ministry of Digital Affairs of the Republic of Veltra (fictional)")."""
    return _PARENTHESES.sub(
        lambda found: found.group(0) if found.group(0) in name else " " * len(found.group(0)),
        text,
    )


# The words by which a writer gives a speaker as someone of a body without naming it: "the
# company's chief security officer Joe Sullivan said", "a spokesman for the group"; any of
# them, whatever kind the draft gave (the embedded model calls Facebook an organisation).
_BODY_NOUNS = (
    "company|firm|group|organi[sz]ation|association|coalition|union|campaign|alliance"
    "|government|ministry|department|agency|administration|committee|commission|council"
    "|board"
)


_A_BODY = re.compile(rf"\b(?:{_BODY_NOUNS})\b", re.IGNORECASE)
_OF_A_BODY = re.compile(
    rf"\b(?:(?:for|of|at) the (?:{_BODY_NOUNS})\b|the (?:{_BODY_NOUNS})['’]s\b)", re.IGNORECASE
)


def _speaks_for(who_kind: ActorKind | None, unquoted: str) -> bool:
    """Whether the writer's own words around a quotation give its speaker as someone of a
    body: then the body named inside the quotation may be the speaker's own. Never a person."""
    return who_kind != "person" and _OF_A_BODY.search(unquoted) is not None


# A body's person the writer names by role, whom "he" or "she" may then stand for: "Veltra sent
# its minister to the talks. He said ...".
_BODYS_PERSON = re.compile(
    r"\bits\s+(?:minister|spokes\w+|president|chief|head|leader|director|chair\w*|officials?"
    r"|representatives?|ambassador|envoy|lawyers?|secretary|executive|founder)\b",
    re.IGNORECASE,
)


def _pronoun_kind(who: str, who_kind: ActorKind | None) -> ActorKind | None:
    """The kind a pronoun standing for ``who`` must fit: "Udall and Wyden" are "they"."""
    return "group" if re.search(r"\s(?:and|&)\s", who) else who_kind


def _other_speaker(text: str, who: str, who_kind: ActorKind | None) -> str | None:
    """The speaker ``text`` names beside a verb of saying, when that is not ``who``. A risk's
    raiser has no kind, yet "Mr. Priebus" names "Reince Priebus" by surname."""
    speaker = named_speaker(text)
    return speaker if speaker and not names_actor(who, who_kind or "person", speaker) else None


def _reported_by_another(sentence: str, who: str, who_kind: ActorKind | None) -> str | None:
    """The speaker a sentence names for its first verb of saying when that is not ``who``,
    though the sentence names ``who``: "The FBI is taking over the investigation, Police Chief
    Ana Ruiz said." is the chief's statement, not the FBI's; "..., Mr. Pence said" of a bill
    Obama voted for is not Obama's.

    ``who`` still speaks when named among the speaker's titles ("ABC News, Gov. Chris
    Christie, ..., said"), but not as a rival in them ("a Republican trying to unseat Rep.
    Nick J. Rahall II"), as the sentence's opening subject ("In a letter posted on her
    website, Ms. Davis recalled ..."), or through a person of theirs: a body's ("Wayne
    Pacelle, the CEO of the Humane Society ...", "the company's chief security officer"), or
    anyone's spokesman or lawyer ("Boehner spokesman Michael Steel said"); and a speaker in
    the sentence's opening clause leaves its main clause to its own subject."""
    found = first_speaker(sentence)
    if found is None:
        return None
    speaker, start, end = found
    titles = _CONTESTED.sub(lambda named: " " * len(named.group(0)), sentence[start:end])
    if names_actor(who, who_kind or "person", titles):
        return None
    opening_clause = _OPENING_CLAUSE.match(sentence)
    if opening_clause and start < opening_clause.end():
        return None  # "After Gorsuch stated ..., Democrats reminded him": the main clause's
    spoken_for = _SPOKESPERSON_OF.search(sentence, 0, start)
    if spoken_for and names_actor(who, who_kind or "person", spoken_for.group(1)):
        return None
    if who_kind != "person" and (
        _persons_body(speaker, who, sentence) or _OF_A_BODY.search(sentence)
    ):
        return None
    opening = _opening_subject(sentence)
    if opening and names_actor(who, who_kind or "person", opening.group(1)):
        return None
    return speaker


# One a speaker's titles name as a rival, not as someone the speaker speaks for: "Elliott
# Maynard, a Republican trying to unseat Representative Nick J. Rahall II, ..., said"; or as
# a relative, who speaks for themselves: "Liz Cheney, daughter of former Vice President Dick
# Cheney, said", "Ana Lee, Tom Vale's wife, said".
_KIN = (
    rf"(?:{_TIES}|sons|daughters|sisters|brothers|niece|nephew|cousin"
    r"|grand(?:son|daughter|father|mother)|child|children)"
)
_CONTESTED = re.compile(
    r"\b(?:unseat|challeng\w*|defeat\w*|oust\w*|replac\w*|succeed\w*|against|rivals?\s+(?:of|to)"
    rf"|opponents?\s+of|{_KIN}\s+of(?:\s+(?:former|late|the\s+late))?)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*"
    rf"|(?:[A-Z][\w'’.-]*\s+){{0,4}}[A-Z][\w'’.-]*['’]s\s+(?:[a-z]+\s+)?{_KIN}\b"
)


# Someone's person, named just before the speaker: "Boehner spokesman Michael Steel".
_SPOKESPERSON_OF = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})['’]?s?\s+(?:press\s+)?(?:spokes\w+|aides?"
    r"|advis[eo]rs?|lawyers?|attorneys?|secretary|campaign\s+manager|chief\s+of\s+staff)\s+$"
)


# A passive verb after a name, with an aside between commas or none: "Mr. Rogers, a former
# agent, was endorsed by ...", "Ruth Bader Ginsburg was confirmed 96-3".
# (a place after the name, and another name joined to it: "Sens. Scott Brown in Massachusetts
# and Dean Heller in Nevada, ..., are both considered vulnerable")
_PLACE_AFTER = r"(?:\s+(?:in|of|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
_PASSIVE_AFTER = re.compile(
    _PLACE_AFTER + rf"(?:\s+and\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*{_PLACE_AFTER})?"
    # (or the comma that closes an apposition before the name: "the House majority leader,
    # Eric Cantor, was soundly defeated")
    r"\s*(?:(?:,[^,;:\"“”]{1,120}){1,3},\s*|\s+\([^()]{1,30}\)\s*|,\s*)?"
    r"\s*(?:was|were|is|are|has been|have been|had been|will be|would be|be)\s+"
    r"(?:(?:\w+ly|both|all|each|also|still)\s+)?"
    # Not "was quoted", nor "was caught on a hot mic ripping the agenda": the words are theirs.
    r"(?!quoted\b|caught\b)(?:\w+ed|\w+en|told|sent|given"
    r"|shown|held|sworn|hit|put|set|cut|struck|brought|sought|taught|won|led|left)\b",
    re.IGNORECASE,
)


def _only_acted_on(who: str, who_kind: ActorKind | None, sentence: str) -> bool:
    """Whether every mention of ``who`` in a sentence without quoted words, and without
    reported words but another's, is the subject of a passive verb: "Mr. Rogers, a former
    agent, was endorsed by the agents' association" is the association's view; "was
    confirmed 96-3", "was interviewed" show none."""
    # "William P. Barr was asked if ...": a question put to someone is no one's words yet.
    if _QUOTED_WORDS.search(sentence):
        return False
    if has_a_verb_of_saying(_ASKED_OR_TOLD.sub(" ", sentence)):
        # The words may be another's, who reports what was done to them: "Sayoc has been
        # charged with five federal crimes ..., the Department of Justice said."
        speakers = named_speakers(sentence)
        if not speakers or any(names_actor(who, who_kind or "person", x) for x in speakers):
            return False
    if _INVERTED_PASSIVE.match(sentence):
        return True  # "Also interviewed were two other judges, ... and Henry E. Hudson ..."
    ends = _mention_ends(who, who_kind, sentence)
    return bool(ends) and all(_PASSIVE_AFTER.match(sentence, end) for end in ends)


# A passive verb before its subjects: "Also interviewed were two other judges, ...".
_INVERTED_PASSIVE = re.compile(
    r"\s*(?:Also\s+)?(?:[a-z]+ed|chosen|seen|shown|given|named|taken)\s+(?:was|were)\s+",
    re.IGNORECASE,
)


# What someone is sent, after their name: "Senate Majority Leader Harry Reid (D-Nev.)
# received a letter signed by all 42 Senate Republicans, which stated, ...".
_RECEIVED_AFTER = re.compile(
    r"(?:\s*,[^,;:]{1,80},|\s+\([^()]{1,20}\))?\s+(?:also\s+)?(?:received|got|was\s+sent"
    r"|was\s+handed|was\s+given)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{SENT_TEXTS}|request|report|warning|ultimatum)s?\b",
    re.IGNORECASE,
)
_REPLIED = re.compile(r"\band\s+(?:said|replied|responded|answered|wrote)\b", re.IGNORECASE)


def _only_sent_something(who: str, who_kind: ActorKind | None, unquoted: str) -> bool:
    """Whether every mention of ``who`` is as the one who received a letter or the like, and
    the sentence gives no reply of theirs: the letter's words are its writers'."""
    ends = _mention_ends(who, who_kind, unquoted)
    return (
        bool(ends)
        and all(_RECEIVED_AFTER.match(unquoted, end) for end in ends)
        and not _REPLIED.search(unquoted)
    )


_ASKED_OR_TOLD = re.compile(
    r"\b(?:was|were|been|being)\s+(?:asked|told)\b"
    # or asking named as a thing done: "the decision to ask the former secretaries of state"
    r"|\b(?:decisions?|plans?|moves?|efforts?|requests?|orders?)\s+to\s+(?:ask|tell|urge)\b",
    re.IGNORECASE,
)


# Someone's words in quotation marks: three words or more, not a word or two set off ('"yea"
# votes', 'upgraded from "critical" to "serious"').
_QUOTED_WORDS = re.compile(r"[\"“«]\s*[^\"“”«»\s]+\s+[^\"“”«»\s]+\s+[^\"“”«»]*[\"”»]")


def _mention_ends(who: str, who_kind: ActorKind | None, sentence: str) -> set[int]:
    """Where each mention of ``who`` in ``sentence`` ends: the name as drafted, or a
    person's surname ("Mr. Rogers" for Mike Rogers)."""
    words = who.split()
    forms = [who.strip()]
    if who_kind in (None, "person") and len(words) > 1 and len(words[-1]) > 2:
        forms.append(words[-1])
    return {
        found.end()
        for form in forms
        for found in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sentence)
    }


# A word that links a sentence to the one before without a comma: "Yet Mr. Trump has ...".
_CONNECTIVES = "But|Yet|And|So|Still|Now|Then|Also"
_CONNECTIVE = re.compile(rf"\s*(?:{_CONNECTIVES})\s")


_SUBORDINATOR = re.compile(rf"\s*[\"“‘]?(?:{SUBORDINATORS})\s")


# A sentence's opening clause: "When Mrs. Clinton arrived, ...", "As the Obamas depart, ...",
# after a time or none ("On Tuesday as the House was preparing to vote ..., Weiner was ...").
_TIME_FIRST = r"(?:On|Early|Late|Earlier|Later|Last)\s+\w+(?:\s+\w+)?,?\s+"


# "In follow-up questioning by Representative Gerald E. Connolly, ..., Mr. Shulman offered
# ...": an exchange with someone, opening the sentence.
_IN_AN_EXCHANGE = (
    r"In\s+(?:[\w-]+\s+){0,3}?(?:questioning|questions|exchanges?|meetings?|talks|calls?"
    r"|conversations?|response|reply|answer)\s+(?:by|with|to)"
    # or a turn of events for someone: "In a stinging blow to President Barack Obama, the
    # Senate voted Wednesday to override his veto ..."
    r"|In\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:blow|victory|win|defeat|setback|rebuke"
    r"|boost|loss|snub|slap|reversal|embarrassment|gift|rebuff)\s+(?:to|for|against)"
)
# "In the current political environment involving Mr. Akin's comments, a decision by Mr.
# Romney ...": a setting that involves someone (not "In the words of ...").
_IN_A_SETTING = (
    r"(?:In|Amid|Given|Despite|After|Following)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:involving|over|about|surrounding|around|after|following)"
)
_OPENING_CLAUSE = re.compile(
    rf"\s*[\"“‘]?(?:As|{SUBORDINATORS}|{_TIME_FIRST}(?:as|when|while|after|before|once)"
    # (how long after: "Shortly after Kristol called for his resignation, a GOP operative
    # began pitching the column ...")
    r"|(?:Shortly|Soon|Just|Right|Long|Moments|Minutes|Hours|Days|Weeks|Months"
    r"|\w+\s+(?:minutes|hours|days|weeks|months|years))\s+(?:after|before|when|as)"
    rf"|{_IN_AN_EXCHANGE}|{_IN_A_SETTING})"
    rf"\s([^,;:]{{1,160}}),[\"”’]?\s+"  # a comma inside a closing quotation mark too
)
# "With the moderator, ABC News' Martha Raddatz, opening the debate with a question ...,
# Ryan criticized ...": someone doing something, set beside the main clause, whose commas
# may stand inside it; it ends at the comma before a name and its verb.
_WITH_SOMEONE_DOING = re.compile(
    r"\s*[\"“‘]?With\s([^;:\"“”]{1,200}?\b[a-z]{2,}ing\b[^;:\"“”]{0,160}?),\s+"
    r"(?=(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+\s+(?:also\s+)?[a-z]+(?:ed|s)\b)"
)


_HE_OR_SHE = re.compile(r"\b([Hh]e|[Ss]he)\b")


# A pronoun that tells a person's sex (``cues.PRONOUN_SEX``).
_SEXED_PRONOUN = re.compile(rf"\b({'|'.join(PRONOUN_SEX)})\b", re.IGNORECASE)


def _only_the_other_sexs_pronoun(who: str, sentence: str) -> str | None:
    """The first of a sentence's pronouns when every one of them tells the other sex than
    ``who``'s name ("his" for Mrs. Clinton): none can stand for ``who``."""
    sex = sex_of_person(who)
    found = [m.group(1).lower() for m in _SEXED_PRONOUN.finditer(sentence)]
    if not found or not all(of_the_other_sex(p, sex) for p in found):
        return None
    return found[0]


def _other_sex(sentence: str, subject: str, before: str) -> bool:
    """Whether the sentence's first "he" or "she" is of the other sex than the subject, as
    its title or given name in ``before`` tells ("Mr. Vale"): then it cannot stand for it."""
    pronoun = _HE_OR_SHE.search(sentence)
    named = re.search(rf"(?:\b[A-Z][\w.]*\s+)?{re.escape(subject)}", before)
    sex = sex_of_person(named.group(0) if named else subject)
    return pronoun is not None and of_the_other_sex(pronoun.group(1), sex)


# A sentence whose subject is a pronoun: "He was also scheduled to meet with ...".
_OPENS_WITH_A_PRONOUN = re.compile(
    rf"\s*(?:(?:{_CONNECTIVES}),?\s+)?(?:He|She|They)\s"
    r"|\s*(?:In|On|At|By|After|Before|Later|Earlier)\b[^,;:\"“”]{0,40},\s+(?:he|she|they)\s"
)
# "It" opening a sentence, and a body named by "the" and common nouns as the subject of the
# sentence before: "The task force panel called on ...".
_OPENS_WITH_IT = re.compile(
    rf"\s*(?:(?:{_CONNECTIVES}),?\s+)?It\s+(?:also\s+)?(?:said|[a-z]+(?:ed|s))\b"
)
_COMMON_BODY_AS_SUBJECT = re.compile(
    _LEAD_IN + r"((?i:the)\s+(?:[a-z][\w-]*\s+){0,3}?(panel|task\s+force|committee|commission"
    r"|board|council|agency|department|ministry|court|government|administration|company"
    r"|association|union|coalition|campaign|group|report|study|review|lawsuit|suit|complaint))"
    # (a clause between commas may follow it: "The lawsuit, which was brought by ...,
    # accused Colorado officials ... It was filed directly with the Supreme Court ...")
    r"(?:,[^;:\"“”]{1,160}?,)?\s+(?:also\s+)?[a-z]+(?:ed|s)\b"
)


def _common_body_before(who: str, sentence: str, before: str) -> str | None:
    """The body an "It" opening ``sentence`` stands for, when the sentence ``before`` opens
    with it by common nouns ("The task force panel called on the Departments of Homeland
    Security, Education and Justice to ... It recommended ...") and the noun cannot stand for
    ``who`` ("The association called on ... It said ..." may be the rifle association's)."""
    if not _OPENS_WITH_IT.match(sentence):
        return None
    found = _COMMON_BODY_AS_SUBJECT.match(before.strip())
    if found is None or spelled(found.group(2).split()[-1]) in spelled_words(who):
        return None
    return " ".join(found.group(1).split())


# Where a sentence's subject starts: after an opening phrase and a connective, if any.
_SUBJECT_START = _LEAD_IN + rf"(?:(?:{_CONNECTIVES}),?\s+)?"

# A pronoun as a sentence's subject, after any opening phrase or linking word, not sharing
# the subject with another ("He and Ms. Park ...").
_PRONOUN_FIRST = re.compile(
    _SUBJECT_START + r"((?i:he|she|they)"
    # or someone's thing by a possessive: "His brash behavior made him less of a subject ...
    # than other ... aides to President Trump"
    r"|(?-i:His|Her|Their)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*(?=\s+(?:also\s+)?"
    r"(?:[a-z]+ed|[a-z]+s|made|was|is|has|had|will|would|could|did|took|gave|came|went|left"
    r"|won|lost|drew|got|led|ran|sent)\b))\s+(?!and\b|or\b|&)"
)
_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they|we|i|his|her|their|its|our)\b", re.IGNORECASE)
# A relative by a possessive pronoun, as a sentence's subject: "His son had reportedly ...".
_A_RELATIVE_FIRST = re.compile(
    _SUBJECT_START + r"((?-i:His|Her)\s+(?:[a-z]+\s+)?"
    r"(?:son|daughter|wife|husband|father|mother|brother|sister|children|parents))\b"
)
# Unnamed people by a bare quantifier, as a sentence's subject before a verb of view: "Many
# harbor suspicions that ...", "Some of them say ...".
_UNNAMED_MANY_FIRST = re.compile(
    _SUBJECT_START + r"((?i:many|some|others|most|few|several)"
    r"(?:\s+of\s+them)?)\s+(?:(?:also|still|privately|publicly|now)\s+)?"
    r"(?:say|said|argue|argued|believe|believed|fear|feared|harbor|harbored|harbour|harboured"
    r"|think|thought|worry|worried|want|wanted|expect|expected|suspect|suspected|doubt|doubted"
    r"|question|questioned|oppose|opposed|support|supported|agree|agreed|warn|warned|hope"
    r"|hoped|feel|felt|see|saw|view|viewed|remain|remained)\b"
)


# Many, named by examples, as a sentence's subject: "As gay rights groups launched boycotts
# against the company, prominent conservative figures like former Arkansas Gov. Mike
# Huckabee, ... began showing their support".
_OTHERS_LIKE_FIRST = re.compile(
    _SUBJECT_START + r"((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*s),?\s+(?:like|such\s+as|including)\s"
)


def _named_only_in_an_opening_clause(
    who: str, who_kind: ActorKind | None, sentence: str, unquoted: str
) -> bool:
    """Whether ``who`` is named only in the clause a sentence opens with, and the main
    clause has a subject of its own: "When Mrs. Clinton arrived, some in the crowd chanted
    ..." is the crowd's, "As the Obamas depart the White House ..., Trump will ..." Trump's,
    "In follow-up questioning by Representative Connolly, Mr. Shulman offered ..." Shulman's,
    "In the current political environment involving Mr. Akin's comments, a decision by Mr.
    Romney ... will ..." no view of Akin's.
    An opening "as" someone says ("As Axelrod said, ...") gives the words' speaker, and a main
    clause opening with a pronoun ("If Lee wins, he will ...") may go on about the actor.

    The clause is found in ``sentence`` (its comma may stand inside a quotation: 'about the
    "47 percent," Mr. Ryan ...') and read in ``unquoted``, the same sentence with its quoted
    words blanked."""
    start = dateline_end(sentence)
    found = _OPENING_CLAUSE.match(sentence, start) or _WITH_SOMEONE_DOING.match(sentence, start)
    if found is None:
        return False
    clause, main = unquoted[found.start(1) : found.end(1)], unquoted[found.end() :]
    says_as = _SAYS_AS.match(sentence, dateline_end(sentence)) is not None
    return (
        names_actor(who, who_kind, clause)
        and not names_actor(who, who_kind, main)
        and not (says_as and has_a_verb_of_saying(clause))
        and _PRONOUN_SUBJECT.match(main) is None
        # ("Three days after an Internet video surfaced showing ... Rep. Bob Etheridge ...,
        # the lawmaker said he is "profoundly" sorry": the epithet may be the actor)
        and (who_kind not in (None, "person") or _AN_EPITHET_FIRST.match(main) is None)
    )


_AN_EPITHET_FIRST = re.compile(
    r"\s*(?i:the)\s+(?:[\w-]+\s+){0,2}?(?i:president|governor|senator|mayor|speaker|chairman"
    r"|chairwoman|secretary|minister|lawmaker|congressman|congresswoman|representative"
    r"|candidate|nominee|billionaire|businessman|justice|judge|official)\b"
)


# An opening that gives the words' speaker: "As Axelrod said, ..."; not one of time ("Shortly
# after Kristol called for his resignation, a GOP operative began ...").
_SAYS_AS = re.compile(r"\s*[\"“‘]?As\s")


# A sentence whose subject is a view the sentence before gave: what it says is said of that
# view ("This stance has been met with opposition from ...").
_ANOTHERS_VIEW = re.compile(
    r"\s*((?:This|That|These|Those|Such\s+an?)\s+(?:stance|position|view|remark|comment"
    r"|statement|argument|claim|suggestion|demand|proposal|idea|approach)s?)\b(?!\s+(?:of|on|to)\b)"
)
# The one whose words a sentence gives by "according to": "..., according to a White House
# official."
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+([^,.;:]+)", re.IGNORECASE)
# What a sentence may give its words to that is a paper, not a speaker.
_A_DOCUMENT = re.compile(
    r"\b(?:documents?|reports?|indictments?|filings?|papers|records|complaints?|memos?"
    r"|memorandum|stud(?:y|ies)|surveys?|polls?|data|figures|estimates|analys[ie]s|transcripts?"
    r"|affidavits?|lawsuits?|charging|articles?|stor(?:y|ies)|editorials?|columns?|books?)\b",
    re.IGNORECASE,
)


# An unnamed speaker closing the sentence: "..., a White House official said Friday morning."
# The people an unnamed speaker is: "a White House official", "two people briefed on the
# matter", "the lawyer for the campaign and the party".
# The article or count before unnamed people: "a White House official", "two people ...".
_HOW_MANY = r"(?:a|an|the|one|two|three|several|some)"
_UNNAMED_PEOPLE = (
    r"(?:officials?|spokes\w+|aides?|sources?|staffers?|advis[eo]rs?|lawmakers?|diplomats?"
    r"|lawyers?|attorneys?|prosecutors?|investigators?|experts?|analysts?|leaders|members"
    r"|people|person)"
    r"(?:\s+(?:for|of|at|with|briefed\s+on|familiar\s+with|close\s+to)\s+[^,;:\"“”]{1,60}?)?"
)
_UNNAMED_SPEAKER_AFTER = re.compile(
    rf",\s+((?:{_HOW_MANY}\s+)?(?:[\w.-]+\s+){{0,4}}?"
    + _UNNAMED_PEOPLE
    + r")\s+(?:have\s+|has\s+)?(?:said|says|added|announced|confirmed|told\s+[\w. ]{1,40}?)"
    r"(?:\s+(?:on\s+)?[\w-]+(?:\s+(?:morning|afternoon|evening|night))?)?\s*[.!?]?\s*$"
)


# Unnamed speakers opening the sentence: "But senior administration officials on Wednesday
# said that Michael J. Morell ... also wanted that line removed".
_UNNAMED_SPEAKER_FIRST = re.compile(
    _LEAD_IN + rf"(?:But\s+|And\s+)?((?i:{_HOW_MANY}\s+)?"
    # (up to five words before: "A former Justice Department computer crimes prosecutor")
    # (or the people word first, capitalized: "Officials said Mr. Biden will travel ...")
    r"(?:(?-i:[a-zA-Z])[\w.-]*\s+){0,5}?(?i:" + _UNNAMED_PEOPLE + r"))\s+"
    rf"(?:(?:on\s+)?(?:{DAY_NAMES}|also|later|recently)\s+)?"
    r"(?:have\s+|has\s+)?(?:said|say|says|told\s+[\w. ]{1,40}?)\s+(?:that\s+)?"
)


# Unnamed people given as the source of a sentence's words: "according to one of the
# officials present", "according to two people briefed on the talks".
_UNNAMED_ACCORDING = re.compile(
    rf"((?:(?:{_HOW_MANY}|many)\s+)?(?:of\s+the\s+)?"
    r"(?:[\w.-]+\s+){0,3}?" + _UNNAMED_PEOPLE + r")\b",
    re.IGNORECASE,
)


def _one_of(speaker: str, who: str) -> bool:
    """Whether an unnamed speaker is one of the group ``who`` ("a senior administration
    official" of the "Senior Obama administration officials"): every word of the speaker
    but its article is a word of the group's, a plural as its singular."""

    def stems(text: str) -> set[str]:
        return {word.removesuffix("s") for word in spelled_words(text)}

    words = spelled_words(speaker)[1:]
    return bool(words) and {word.removesuffix("s") for word in words} <= stems(who)


# A pronoun as a sentence's speaker, at its start, or someone's people by a possessive:
# "They note that ...", "He said ...", "his campaign noted in an email ... that ...".
_PRONOUN_SAYS = re.compile(
    _LEAD_IN + r"(He|She|They|We|I|(?i:his|her|their|its)\s+"
    r"(?:campaign|spokes\w+|office|aides?|team|lawyers?|staff|camp))\s+(?:also\s+|later\s+)?"
    r"(?:say|says|said|note|notes|noted|argue|argues|argued|claim|claims|claimed|insist"
    r"|insists|insisted|contend|contends|contended|point\s+out|points\s+out|pointed\s+out)\b"
    r"(?:[^.;:\"“”]{0,80}?\s+that\b)?"
)
# Someone unnamed, by "a" and common nouns, as the speaker opening a sentence: "That same
# year, a charter school said ...".
_SOMEONE_SAYS = re.compile(
    _LEAD_IN + r"(?:(?:But|And|Yet|Still)\s+)?((?i:a|an)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
    r"\s+(?:also\s+|later\s+)?(?:said|says|told|claimed|claims|alleged|alleges)\b"
)
# Documents named for the first time, by no article: "But polls show that many Republicans
# continue to believe ...", "New surveys suggest ...".
_NEW_DOCUMENTS = (
    r"(?:(?:[Nn]ew|[Rr]ecent|[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther)\s+)?(?:[Pp]olls|[Ss]urveys"
    r"|[Ss]tudies|[Rr]eports|[Dd]ata|[Ff]igures|[Rr]ecords)"
)
# A document as a sentence's subject, before its verb: "The 10-year-old lawsuit, argued in
# lively exchanges at the court Tuesday, claims that Wal-Mart Stores Inc. ... favors men".
# (Not a news outlet: what "The Atlantic first reported" someone did stays theirs.)
_DOCUMENT_SAYS = re.compile(
    _LEAD_IN + r"(?:(?:But|And|Yet|Still)\s+)?((?:[Tt]he|[Aa]n?)\s+[^,;:\"“”]{0,60}?"
    rf"{_A_DOCUMENT.pattern}|{_NEW_DOCUMENTS})(?:\s*,[^;:\"“”]{{1,100}},)?\s+(?:also\s+)?"
    r"(?:says|said|claims|claimed|alleges|alleged|argues|argued|finds|found|concludes"
    r"|concluded|states|stated|shows|showed|show|contends|contended|asserts|asserted"
    r"|suggests?|suggested|indicates?|indicated)\b"
)


def _said_by_a_document(who: str, who_kind: ActorKind | None, unquoted: str) -> str | None:
    """The document a sentence opens with as the subject of its verb of saying, when ``who``
    is named only after that verb, in what the document says ("The lawsuit ... claims that
    Wal-Mart ... favors men" is no view of Wal-Mart's); not when the subject names ``who``
    ("The lawsuit filed by the union claims ..."); or a document that closes the sentence
    as its speaker ("..., the documents say.")."""
    kind = who_kind or "person"
    closing = _DOCUMENT_SAYS_AFTER.search(unquoted)
    if closing and not names_actor(who, kind, closing.group(0)):
        return " ".join(closing.group(1).split())
    found = _DOCUMENT_SAYS.match(unquoted)
    if found is None or names_actor(who, kind, unquoted[: found.end()]):
        return None
    return " ".join(found.group(1).split())


# A document closing the sentence as the one that says it: "..., the documents say.", or
# documents by no article: "..., public records show."
_DOCUMENT_SAYS_AFTER = re.compile(
    rf",\s+((?:(?:the|an?)\s+(?:[\w-]+\s+){{0,3}}?|(?-i:[a-z][\w-]*\s+){{0,2}})"
    rf"{_A_DOCUMENT.pattern})\s+"
    r"(?:says?|said|shows?|showed|states?|stated|alleges?|alleged|claims?|claimed)\s*[.!?]?\s*$",
    re.IGNORECASE,
)


# Documents and what they revealed, inside a sentence: "after reports revealed Clinton used".
_DOCUMENT_REVEALED = re.compile(
    r"\b((?:news\s+)?(?:reports|documents|records|e-?mails|files|papers|reviews))\s+"
    r"(?:have\s+|had\s+)?(?:revealed|showed|shown|found|suggested|indicated|reveal|show)\s+"
    r"(?:that\s+)?"
)


def _named_only_in(who: str, who_kind: ActorKind | None, sentence: str, start: int) -> bool:
    """Whether ``sentence`` names ``who`` at ``start`` (within a title's length) and nowhere
    before it: a name in what another's words say."""
    kind = who_kind or "person"
    return names_actor(who, kind, sentence[start : start + 60]) and not names_actor(
        who, kind, sentence[:start]
    )


# Someone's text as a sentence's subject, judged by the writer: "The national intelligence
# director's rare Saturday statement was notable for what it omitted: ...", or placed in
# time: "Mr. Trump's comments Monday on Mr. Flynn come at a time when ..." (the text's day
# and subject may stand between, nothing it says: not "came out against").
_TEXT_JUDGED = re.compile(
    _LEAD_IN + r"(?:[Tt]he\s+)?([^,;:\"“”]{1,60}?)['’]s?\s+"
    r"((?:[\w-]+\s+){0,3}?(?:statement|letter|remarks|speech|testimony|comments|report|memo"
    r"|op-ed|tweet|post)s?)\s+(?:(?:was|were|is|are)\s+(?!quoted\b)"
    r"|(?:(?:on|about|to|at|in|this|last|[A-Z][\w.'’-]*)\s+){0,5}(?:come|comes|came)\s+"
    r"(?!(?:from|out)\b))"
)


# A sentence in parentheses, the writer's aside to the one before.
_AN_ASIDE = re.compile(r"\s*\(")
# What follows a text as a subject when it names its author: "The statement from Sanders",
# "The statement came from Missouri Sen. Roy Blunt, ...", "The letter was signed by ...".
_TEXT_OF = re.compile(
    r"\s+(?:(?:came|comes|was|is|were|are)\s+)?(?:(?:also|jointly)\s+)?"
    r"(?:from|by|of|issued|released|signed|written|sent|posted|published)\b",
    re.IGNORECASE,
)


def _a_text_acting(who: str, who_kind: ActorKind | None, unquoted: str) -> str | None:
    """The text a sentence opens with as the subject of a verb other than one of saying, when
    ``who`` is named only after it ("The report caused immediate problems for Moore with his
    own party"): the text acts, and ``who`` is what it acts on."""
    found = _A_TEXT_AS_SUBJECT.match(unquoted)
    if found is None or _TEXT_OF.match(unquoted, found.end(1)):
        return None
    if _A_TEXT_SAYS.search(unquoted, found.end(1)):
        return None
    if names_actor(who, who_kind or "person", unquoted[: found.end()]):
        return None
    return " ".join(found.group(1).split())


def _a_text_judged(who: str, who_kind: ActorKind | None, unquoted: str) -> str | None:
    """The text of ``who``'s that a sentence opens with, when the sentence says what the text
    was or is rather than what it says ("The national intelligence director's rare Saturday
    statement was notable for what it omitted") and names ``who`` nowhere else."""
    found = _TEXT_JUDGED.match(unquoted)
    kind = who_kind or "person"
    if found is None or not names_actor(who, kind, found.group(1)):
        return None
    # "Mitch McConnell said Tuesday Ginsburg's comments were ...": the one named says it
    if has_a_verb_of_saying(found.group(1)) or names_actor(who, kind, unquoted[found.end() :]):
        return None
    return " ".join(found.group(2).split())


def _warned_according_to_another(who: str, who_kind: ActorKind | None, unquoted: str) -> str | None:
    """Who a risk's sentence gives its words to by "according to", when that is not ``who``
    and the sentence has no other verb of saying: "a joint campaign rally with Clinton and
    Obama ... has been postponed in light of the attack, according to a White House
    official" warns of nothing for Clinton. (A position is left alone: "Obama will veto the
    bill, according to an aide" is still Obama's.)"""
    found = _ACCORDING_TO.search(unquoted)
    if found is None or names_actor(who, who_kind, found.group(1)):
        return None
    rest = unquoted[: found.start()] + unquoted[found.end() :]
    return None if has_a_verb_of_saying(rest) else " ".join(found.group(1).split())


# A clause on someone named just before it: "comparing Mr. Schiff ... to Senator Joseph R.
# McCarthy, who fueled fears in the 1950s that Communist spies had infiltrated ...".
_A_CLAUSE_ON_A_NAME = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*),\s+who\s+[^,;:]*(?:,|(?=[.;:]?\s*$))"
)


def _harm_told_of_another(who: str, who_kind: ActorKind | None, unquoted: str) -> str | None:
    """The one a risk's harm is told of, when the sentence names it only in a clause on
    someone other than ``who`` ("..., who fueled fears in the 1950s that ..."): their doing,
    not a warning ``who`` gives."""

    # (by name, and no other given name: "Senator Joseph R. McCarthy" is not "Kevin McCarthy")
    clauses = [
        found
        for found in _A_CLAUSE_ON_A_NAME.finditer(unquoted)
        if not names_actor(who, who_kind, found.group(1)) or other_given_names(who, found.group(1))
    ]
    rest = unquoted
    for found in reversed(clauses):
        rest = rest[: found.start(1) + len(found.group(1))] + rest[found.end() :]
    if not clauses or names_a_harm(rest):
        return None
    return next(
        (
            found.group(1)
            for found in clauses
            if names_a_harm(unquoted[found.start() : found.end()])
        ),
        None,  # (the harm is in the words quoted, blanked here)
    )


# The writer's aside on a speaker, between the name and the verb of saying: "Representative
# Anthony D. Weiner, trying to put to rest a bizarre episode that is overshadowing his role
# ... and threatening his dream of becoming New York's mayor, emphatically denied ...".
_AN_ASIDE_ON_THE_SPEAKER = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’-]*),\s+"
    r"(?P<aside>(?:who|whose|trying|seeking|facing|hoping|fighting|a|an|the|then|now|once)\b"
    r"[^;:“”\"]{3,240}?),\s+(?:[a-z]+ly\s+)?"
    r"(?:said|says|told|added|denied|insisted|argued|wrote|noted|explained|acknowledged"
    r"|conceded|declared|maintained|replied|responded)\b"
)


def _harm_told_in_an_aside(who: str, who_kind: ActorKind | None, unquoted: str) -> bool:
    """Whether a risk's harm is named only in the writer's aside on ``who``, its speaker, and
    the aside gives no words of theirs ("..., who has warned of ..., said" is their warning)."""
    found = _AN_ASIDE_ON_THE_SPEAKER.search(unquoted)
    if found is None or not names_actor(who, who_kind or "person", found.group("name")):
        return False
    aside = found.group("aside")
    rest = unquoted[: found.start("aside")] + unquoted[found.end("aside") :]
    return (
        names_a_harm(aside)
        and not names_a_harm(rest)
        and not has_a_verb_of_saying(aside)
        and not raises_a_concern(aside)
    )


def _view_of_others_only(
    who: str, who_kind: ActorKind | None, sentence: str, kind: FactKind = "position"
) -> str | None:
    """The phrase that holds the sentence's only view when that view is someone else's.

    "UN member states are convening ..., but the text has sparked opposition from various
    stakeholders": the opposition is the stakeholders', and the member states show none. A
    risk likewise warns of nothing for ``who`` when the rest of its sentence voices no harm:
    "The FBI's pre-dawn arrest of ... Roger Stone ... prompted critics to once again question
    the tactics of Special Counsel Robert Mueller" is the critics' concern, not the FBI's,
    and "Colorado Gov. John Hickenlooper told The Denver Post he spoke with Nebraska and
    Oklahoma officials about their concerns" no risk of his ("their" is others' only beside
    one person: a body's or a group's may be its own).
    """
    theirs = [
        (start, end)
        for start, end, holder in views_of_others(sentence)
        if not names_actor(who, who_kind, holder)
        and (holder.lower() != "their" or who_kind == "person")
    ]
    if not theirs:
        return None
    rest = sentence
    for start, end in reversed(theirs):
        rest = rest[:start] + " " + rest[end:]
    if states_a_view(rest) if kind == "position" else voices_a_harm(rest):
        return None
    start, end = theirs[0]
    return sentence[start:end]
