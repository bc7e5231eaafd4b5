"""Cleaning removes page chrome and nothing else.

The mini-articles below are invented; they imitate the chrome of real scraped pages (image
credits glued into the first paragraph, share prompts, a trailing teaser list) around an
ordinary article body.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cleaning import clean_text

BODY_1 = (
    "Ministers from forty countries met in Geneva on Tuesday to discuss a draft accord on "
    "cross-border data requests. The talks ran late into the night."
)
BODY_2 = (
    'Civil society groups said the draft lacked safeguards. "We cannot support a text that '
    'allows secret requests," said Lena Ortiz of the Open Wires Project.'
)
BODY_3 = (
    "Delegates will return in March to settle the remaining articles, officials said, and a "
    "vote is expected before the summer recess."
)

TEASER_TAIL = """Policy Europe
Image Credits: Pexels
PolicyMarch 3, 2025 at 9:00:00 AM

Port workers strike over automation plans

Dock workers walked out on Monday after the harbour authority announced a plan to...

Policy Asia
Image Credits: Pexels
PolicyMarch 2, 2025 at 4:15:00 PM

Chipmaker shares slide on export curbs

Shares in the region's largest chipmaker fell sharply after new export rules were...

Load More"""


def test_keeps_body_subheading_and_bullets_drops_credit_and_teaser_tail() -> None:
    raw = (
        "Geneva talks stall over data access rules\n\n"
        "Image Credits: PexelsImage Credits: Pexels\n"
        "  • Talks on a data-access accord stalled in Geneva.\n"
        "  • Rights groups oppose secret requests.\n\n"
        f"{BODY_1}\n\n"
        f"{BODY_2}\n\n"
        "The Path Forward\n\n"
        f"{BODY_3}\n\n\n"
        f"{TEASER_TAIL}"
    )
    text, dropped = clean_text(raw)
    assert text == (
        "Geneva talks stall over data access rules\n\n"
        "  • Talks on a data-access accord stalled in Geneva.\n"
        "  • Rights groups oppose secret requests.\n\n"
        f"{BODY_1}\n\n{BODY_2}\n\nThe Path Forward\n\n{BODY_3}"
    )
    reasons = {d.reason for d in dropped}
    assert "image credit or caption" in reasons
    assert "teaser list after the article" in reasons
    dropped_text = "\n".join(d.text for d in dropped)
    assert "Image Credits: PexelsImage Credits: Pexels" in dropped_text
    assert "Port workers strike" in dropped_text
    assert "Chipmaker shares slide" in dropped_text
    assert "Load More" in dropped_text


def test_marker_drops_everything_after_it() -> None:
    raw = (
        f"{BODY_1}\n\n{BODY_2}\n\nExplore more\n\n"
        "How AI is changing payroll\n\n"
        "Imagine a world where payroll errors cost millions and nobody notices for months\n\n"
        "Smartphone prices rise on new tariffs\n\n"
        "What happens when the device in your pocket becomes a casualty of trade wars"
    )
    text, dropped = clean_text(raw)
    assert text == f"{BODY_1}\n\n{BODY_2}"
    assert [d.text for d in dropped][0] == "Explore more"
    assert len(dropped) == 5
    assert all(d.reason == "related headlines after the article" for d in dropped)


def test_more_from_marker_variant() -> None:
    raw = f"{BODY_1}\n\nMore from Example Wire:\n\nSome other story\n\nAnother story"
    text, _ = clean_text(raw)
    assert text == BODY_1


def test_marker_before_any_body_text_is_not_a_cut() -> None:
    raw = f"Recommended\n\n{BODY_1}\n\n{BODY_2}"
    text, dropped = clean_text(raw)
    assert text == raw
    assert dropped == []


def test_plain_article_is_untouched() -> None:
    raw = (
        f"Treaty text agreed\n\n{BODY_1}\n\nBackground\n\n{BODY_2}\n\nThe Path Forward\n\n{BODY_3}"
    )
    text, dropped = clean_text(raw)
    assert text == raw
    assert dropped == []


def test_single_ellipsis_paragraph_at_end_is_kept() -> None:
    ending = 'The minister paused before adding: "We will see what the summer brings..."'
    raw = f"{BODY_1}\n\nWhat Comes Next\n\n{ending}"
    text, dropped = clean_text(raw)
    assert text == raw
    assert dropped == []


def test_repeated_paragraph_keeps_the_first() -> None:
    raw = f"{BODY_1}\n\n{BODY_2}\n\n{BODY_1}\n\n{BODY_3}"
    text, dropped = clean_text(raw)
    assert text == f"{BODY_1}\n\n{BODY_2}\n\n{BODY_3}"
    assert [(d.text, d.reason) for d in dropped] == [(BODY_1, "repeated paragraph")]


def test_a_repeated_table_row_is_kept() -> None:
    """Two tables with the same header row (and a row alike in both): each keeps its rows."""
    header, total = "Route | Fare today | Fare in 2031", "Total | 14 euros | 27 euros"
    raw = f"{BODY_1}\n\n{header}\n\n{total}\n\n{BODY_2}\n\n{header}\n\n{total}"
    text, dropped = clean_text(raw)
    assert text == raw
    assert dropped == []


def test_share_subscribe_and_navigation_lines_are_dropped() -> None:
    raw = "\n\n".join(
        [
            "Skip to content",
            BODY_1,
            "Share this article",
            "Advertisement",
            BODY_2,
            "Sign up for our daily newsletter",
            "Follow us on X and LinkedIn",
            "We use cookies to improve your experience on our site.",
            "Read more »",
            "Getty Images",
            "Photo: Jan Novak for Example Wire",
            BODY_3,
        ]
    )
    text, dropped = clean_text(raw)
    assert text == f"{BODY_1}\n\n{BODY_2}\n\n{BODY_3}"
    assert len(dropped) == 9


def test_a_newsletters_sign_up_form_is_dropped() -> None:
    # SummEdits news: "Top editors give you the stories you want -- delivered right to your
    # inbox each weekday. Loading ... Thanks for signing up! ..." was a position and a
    # sentence of the bottom line; "Sign up for CNN's Wonder Theory science newsletter. ..."
    forms = [
        "Our editors pick the stories you want, delivered to your inbox each morning. Thanks "
        "for signing up! Email address By clicking 'Sign up', you agree to receive marketing "
        "emails from Example Wire and accept our Terms of Service and Privacy Policy",
        "Sign up for Example Wire's Harbour Watch newsletter. Explore the port with news on "
        "shipping and more.",
        "Editor's Note: Sign up for Port Days, Example Wire's weekly newsletter.",
    ]
    raw = "\n\n".join([BODY_1, *forms, BODY_2])
    text, dropped = clean_text(raw)
    assert text == f"{BODY_1}\n\n{BODY_2}"
    assert [d.text for d in dropped] == forms


def test_a_wire_photos_caption_is_dropped() -> None:
    # SummEdits news: "FILE Carlos Watson participates in ... panel ..., July 29, 2016, in
    # Beverly Hills, Calif. Watson, founder of ... Ozy Media, was arrested ... (Photo by
    # Richard Shotwell/Invision/AP, File)" was a position of Watson's and an event
    captions = [
        "FILE - Ana Park, right, arrives at the port court on May 2, 2022. Park was charged "
        "on Thursday. (AP Photo/Tom Vale, File)",
        "FILE Ana Park speaks at a panel, July 29, 2016. (Photo by Tom Vale/Wire, File)",
    ]
    kept = "FILE transfers at the port rose in May, the board said (in a statement)."
    raw = "\n\n".join([*captions, BODY_1, kept])
    text, dropped = clean_text(raw)
    assert text == f"{BODY_1}\n\n{kept}"
    assert [d.text for d in dropped] == captions


def test_a_headline_in_capitals_between_paragraphs_is_dropped() -> None:
    # SummEdits news: "ANDREW TATE CLAIMS BIG TECH BANNED HIM AFTER 'LARGE SWATHS' OF PEOPLE
    # AGREED WITH HIS 'MASCULINE VALUES'" was a position of Tate's
    links = [
        "PORT BOSS CLAIMS THE LEVY HAS 'WIDE SUPPORT' AMONG TRADERS",
        "CLICK HERE TO GET THE HARBOUR WIRE APP",
    ]
    kept = [
        "SENATOR ANA PARK OF THE HARBOUR COMMITTEE:",  # a transcript's label
        "NO TO THE LEVY",  # a short heading or slogan
    ]
    raw = "\n\n".join([BODY_1, *links, BODY_2, *kept])
    text, dropped = clean_text(raw)
    assert text == "\n\n".join([BODY_1, BODY_2, *kept])
    assert [d.text for d in dropped] == links


def test_sentences_that_merely_start_like_prompts_are_kept() -> None:
    lines = [
        "Subscribers to the service complained about the new rules.",
        "Sign up deadlines for the programme were extended by two weeks.",
        "Photographers covering the talks were kept outside the hall.",
        "Share prices of the two operators fell after the announcement.",
        # (words of a sign-up form in a story's own sentences)
        "The company said its privacy policy and terms of service let it keep any email "
        "address users give.",
        "Residents can sign up for the city newsletter to get alerts about the toll.",
    ]
    raw = "\n\n".join([BODY_1, *lines])
    text, dropped = clean_text(raw)
    assert text == raw
    assert dropped == []


def test_text_without_blank_lines_splits_on_lines() -> None:
    raw = f"Headline here\n{BODY_1}\nAdvertisement\n{BODY_2}\r\n"
    text, dropped = clean_text(raw)
    assert text == f"Headline here\n\n{BODY_1}\n\n{BODY_2}"
    assert [d.text for d in dropped] == ["Advertisement"]


def test_credit_line_inside_paragraph_is_dropped_as_a_line() -> None:
    raw = f"Image Credits: Unsplash\n{BODY_1}\n\n{BODY_2}"
    text, dropped = clean_text(raw)
    assert text == f"{BODY_1}\n\n{BODY_2}"
    assert [(d.text, d.reason) for d in dropped] == [
        ("Image Credits: Unsplash", "image credit or caption")
    ]


def test_teaser_run_needs_two_blocks() -> None:
    one_block = (
        "Policy Europe\nPolicyMarch 3, 2025 at 9:00:00 AM\n\n"
        "Port workers strike over automation plans\n\n"
        "Dock workers walked out on Monday after the harbour authority announced..."
    )
    raw = f"{BODY_1}\n\n{one_block}"
    text, dropped = clean_text(raw)
    assert text == raw
    assert dropped == []


def test_empty_input() -> None:
    assert clean_text("") == ("", [])
    assert clean_text("\n \n\t\n") == ("", [])


_WORD = st.one_of(
    st.text(alphabet="abcdefgh XYZ.,…:", min_size=1, max_size=40),
    st.sampled_from(
        [
            BODY_1,
            BODY_2,
            "Advertisement",
            "Image Credits: Pexels",
            "Explore more",
            "Tech WorldJuly 1, 2025 at 9:00 AM",
            "A short headline",
            "A teaser that trails off...",
            "  • A bullet point.",
        ]
    ),
)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=3).map(lambda ws: "\n".join(ws))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PARAGRAPH, max_size=8))
def test_cleaning_only_removes_text(paragraphs: list[str]) -> None:
    raw = "\n\n".join(paragraphs)
    text, dropped = clean_text(raw)
    for paragraph in text.split("\n\n") if text else []:
        assert paragraph.strip()
        for line in paragraph.split("\n"):
            assert line in raw
    for removed in dropped:
        assert removed.reason
        for line in removed.text.split("\n"):
            assert line.strip() in raw
    # Nothing is lost silently: every non-space character is kept or reported as dropped.
    kept_or_dropped = text + "".join(d.text for d in dropped)
    assert sorted(raw.replace(" ", "").replace("\n", "")) == sorted(
        kept_or_dropped.replace(" ", "").replace("\n", "")
    )
