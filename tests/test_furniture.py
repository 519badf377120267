"""Page furniture and pages that are not articles (factlint/furniture.py) at the edges an
editor meets on scraped copy: what each finding calls the furniture, short chrome beside
chrome, lists under a links header, lines a page repeats, and the word counts at which a
page with notices or chrome on top stops being an article."""

from __future__ import annotations

import pytest

from factlint.document import parse_document
from factlint.furniture import candidate_lines, lexicon, recurring_lines
from factlint.linter import lint_sources
from factlint.ruleset import compile_rules, load_rules
from tests.test_scraped import BODY, MORE, RULES

HEADLINE = "Talks end in Paris"
# prose with no reporting verb and no notice word, to count a page's words exactly
WORDS = (
    "Leaders from European countries, Canada and the United States met in Paris on Tuesday to discuss security guarantees "
    "for Ukraine. The talks lasted six hours, and the leaders agreed on a monitoring mission led by the United States and on "
    "a multinational force to be deployed after a ceasefire. Russia did not comment on the plan on Tuesday, the eve of Orthodox "
    "Christmas, and the talks will go on in Berlin next month with more countries and more leaders from the region."
).split()
COOKIES = "We use cookies to improve your experience."


def prose(words: int, skip: int = 0) -> str:
    """A sentence of exactly this many words."""
    return " ".join(WORDS[skip : skip + words]).rstrip(",.") + "."


def page(*lines: str) -> str:
    return f"{HEADLINE}\n\n{BODY}\n\n" + "\n\n".join(lines) + f"\n\n{MORE}\n"


def furniture(text: str) -> list[tuple[int, str]]:
    report = lint_sources([("article.txt", text.encode("utf-8"))], compile_rules([RULES["scraped-boilerplate"]]))
    assert not report.errors, report.errors
    return [(f.location.line, f.message.split(" (", 1)[1].split("), not part", 1)[0]) for f in report.findings]


def verdict(text: str) -> tuple[str, str] | None:
    """What not-an-article says the page is, and the line it shows as evidence; None for an article."""
    report = lint_sources([("article.txt", text.encode("utf-8"))], compile_rules([RULES["not-an-article"]]))
    assert not report.errors, report.errors
    if not report.findings:
        return None
    [found] = report.findings
    assert found.location.line == 1
    return found.message.removeprefix("Not an article: ").removesuffix(". Nothing here is a story to publish or check"), found.excerpt


# ---------------------------------------------------------------------------
# What each finding calls the furniture
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("We are close to a deal. — Emmanuel Macron (@EmmanuelMacron) January 6, 2026", "embedded social-media post"),
        ("Emmanuel Macron greets Keir Starmer at the Elysee palace in Paris. REUTERS/Stephanie Lecocq", "photo caption or credit"),
        ("Ludovic Marin/AFP/Getty Images", "photo credit"),
        ("Follow Jane Doe on Twitter and Facebook.", "newsletter or sign-up prompt"),
        ("Download the app to get breaking news alerts on Ukraine from our reporters", "call to action"),
        ("The Elysee palace before the talks (Ludovic Marin)", "photo caption or credit"),
        ("A screenshot of the joint statement", "photo caption"),
        ("[Leaders agree on a monitoring mission for Ukraine]", "link to other stories"),
        ("Advertisement", "advertising slot"),
    ],
)
def test_each_kind_of_furniture_is_named_in_its_finding(line, what):
    assert furniture(page(line)) == [(5, what)]


def test_a_caption_between_the_headline_and_a_dateline_lede_is_named_a_caption():
    text = f"{HEADLINE}\n\nMacron greets Starmer at the Elysee palace in Paris on Jan. 6, 2026\n\nPARIS (AP) — {BODY}\n"
    assert furniture(text) == [(3, "photo caption")]


# ---------------------------------------------------------------------------
# Short chrome beside chrome
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("button", ["Bluesky", "Mastodon Threads", "Flipboard WhatsApp Channel", "BLUESKY"])
def test_a_short_capitalized_line_next_to_chrome_is_chrome_on_either_side(button):
    assert furniture(page("Share this:", button)) == [(5, "sharing and comment buttons"), (7, "sharing and site buttons")]
    assert furniture(page(button, "Share this:")) == [(5, "sharing and site buttons"), (7, "sharing and comment buttons")]


def test_chrome_at_the_very_end_of_a_page():
    text = f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n\nShare this:\n\nBluesky\n"
    assert furniture(text) == [(7, "sharing and comment buttons"), (9, "sharing and site buttons")]


@pytest.mark.parametrize(
    "line",
    [
        "Bluesky Mastodon Threads Flipboard",  # four words
        "Bluesky.",  # a sentence
        "— Jane Doe",  # a byline
        "“Bluesky”",  # a quotation
        "AP/ABC",  # a credit
        "***",  # a rule
        "WORLD NEWS",  # a subhead in capitals
        "Our Partners",  # a stopword
        "Bluesky app",  # a word in lower case
    ],
)
def test_what_next_to_chrome_is_not_chrome(line):
    assert furniture(page("Share this:", line)) == [(5, "sharing and comment buttons")]


def test_a_short_line_is_chrome_only_beside_chrome_not_two_lines_away():
    assert furniture(page("Share this:", MORE, "Bluesky")) == [(5, "sharing and comment buttons")]
    assert furniture(page("Bluesky", MORE, "Share this:")) == [(9, "sharing and comment buttons")]


def test_glued_chrome_does_not_make_its_neighbour_chrome():
    # "Advertisement" glued to the end of a sentence is furniture, but the line is text
    assert furniture(page(MORE + " Advertisement", "Bluesky")) == [(5, "advertising slot")]


def test_the_headline_is_never_taken_for_a_button():
    assert furniture("Bluesky\n\nShare this:\n\n" + BODY + "\n\n" + MORE + "\n") == [(3, "sharing and comment buttons")]


# ---------------------------------------------------------------------------
# Lists under a links header
# ---------------------------------------------------------------------------


def test_the_list_under_a_links_header_runs_past_other_furniture_to_the_first_text():
    text = page("RELATED:", "Advertisement", "Zelenskyy thanks allies for guarantees", "Leaders agree on a monitoring mission.")
    assert furniture(text) == [(5, "link to other stories"), (7, "advertising slot"), (9, "link to other stories"), (11, "link to other stories")]


@pytest.mark.parametrize(("words", "linked"), [(15, True), (16, False)])
def test_a_headline_with_a_full_stop_in_a_links_list_is_a_link_up_to_fifteen_words(words, linked):
    item = prose(words)
    assert furniture(page("RELATED:", item)) == [(5, "link to other stories")] + ([(7, "link to other stories")] if linked else [])


def test_the_end_of_a_links_list_does_not_end_the_page_s_reading():
    text = page("RELATED:", "Zelenskyy thanks allies for guarantees", BODY, "Share this:", "Bluesky")
    assert furniture(text) == [
        (5, "link to other stories"), (7, "link to other stories"), (11, "sharing and comment buttons"), (13, "sharing and site buttons"),
    ]


# ---------------------------------------------------------------------------
# Lines a page repeats
# ---------------------------------------------------------------------------


def test_a_short_line_three_times_over_is_chrome_twice_is_not():
    thrice = page("Top Stories Today", MORE, "Top Stories Today", MORE, "Top Stories Today")
    assert furniture(thrice) == [(5, "line the page repeats"), (9, "line the page repeats"), (13, "line the page repeats")]
    assert furniture(page("Top Stories Today", MORE, "Top Stories Today")) == []


def test_only_lines_of_five_words_or_fewer_count_as_repeated_chrome():
    five = "Weather Traffic Sports Opinion Obituaries"
    assert [what for _, what in furniture(page(five, MORE, five, MORE, five))] == ["line the page repeats"] * 3
    six = "Weather Traffic Sports Opinion Obituaries Classifieds"
    assert furniture(page(six, MORE, six, MORE, six)) == []


def test_repeated_lines_in_hard_wrapped_copy_are_not_chrome():
    wrapped = "Leaders from European countries met in Paris on Tuesday\nto discuss security guarantees for Ukraine."
    text = f"{HEADLINE}\n\n{wrapped}\n\nTop Stories Today\n\n{MORE}\n\nTop Stories Today\n\n{MORE}\n\nTop Stories Today\n"
    assert furniture(text) == []


# ---------------------------------------------------------------------------
# When a page stops being an article
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "layout",
    [
        lambda n: f"{HEADLINE}\n\n{COOKIES}\n\n{prose(n)}\n",
        lambda n: f"{HEADLINE}\n\n{COOKIES}\n\n{prose(30)}\n\n{prose(n - 30, 30)}\n",  # in two paragraphs
        lambda n: f"{prose(n)}\n\n{COOKIES}\n",  # a first line that is a sentence is article text
        lambda n: f"{HEADLINE}\n\n{COOKIES}\n\n{prose(n)}\n\nAdvertisement\n",  # furniture is not article text
    ],
)
def test_a_page_with_a_notice_needs_sixty_words_of_article_text(layout):
    assert verdict(layout(59)) == ("a cookie or consent wall", COOKIES)
    assert verdict(layout(60)) is None


def test_furniture_glued_to_the_text_is_not_counted_as_article_text():
    assert verdict(f"{HEADLINE}\n\n{COOKIES}\n\n{prose(59)} Advertisement\n") == ("a cookie or consent wall", COOKIES)


def test_notices_that_outweigh_the_article_text_make_a_page():
    notices = [
        "We use cookies to improve your experience on this site and to show you news, offers and advertising that may interest you.",
        "By continuing to use this site you consent to the use of cookies on your device as described in our cookie policy here.",
        "Manage your privacy settings and consent choices for this site at any time, and read our cookie policy for more details.",
    ]
    assert verdict(f"{HEADLINE}\n\n" + "\n\n".join(notices) + f"\n\n{prose(60)}\n") == ("a cookie or consent wall", notices[0])
    assert verdict(f"{HEADLINE}\n\n" + "\n\n".join(notices[:2]) + f"\n\n{prose(60)}\n") is None


def test_the_commonest_notice_names_the_page():
    text = (
        f"{HEADLINE}\n\n{COOKIES}\n\nSorry, the page you are looking for does not exist.\n\n"
        f"This page has been removed.\n\n{prose(20)}\n"
    )
    assert verdict(text) == ("a page-not-found notice", "Sorry, the page you are looking for does not exist.")


def test_one_appeal_is_not_a_fundraising_page_and_reported_speech_is_a_story():
    appeal = "Please donate to the families of the victims."
    assert verdict(f"{HEADLINE}\n\n{appeal}\n\n{prose(30)}\n") is None
    second = "Every dollar helps the families rebuild their homes."
    assert verdict(f"{HEADLINE}\n\n{appeal}\n\n{second}\n\n{prose(30)}\n") == ("a fundraising appeal", appeal)
    assert verdict(f"{HEADLINE}\n\n{appeal}\n\n{second}\n\n{prose(30)} The mayor said so.\n") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (lambda n: f"Share this:\n\n{prose(n)}\n", "Share this:"),  # chrome on top
        (lambda n: f"{HEADLINE}\n\nShare this:\n\n{prose(n)}\n", "Share this:"),  # chrome under the headline
    ],
)
def test_chrome_on_top_with_twenty_to_fifty_nine_words_is_a_widget_not_an_article(text, expected):
    chrome = "a web page's chrome with too little article text"
    assert verdict(text(19)) is None
    assert verdict(text(20)) == (chrome, expected)
    assert verdict(text(59)) == (chrome, expected)
    assert verdict(text(60)) is None


def test_chrome_below_the_first_sentence_or_further_down_is_not_on_top():
    assert verdict(f"{prose(8)}\n\nShare this:\n\n{prose(30, 10)}\n") is None
    assert verdict(f"{HEADLINE}\n\n{prose(10)}\n\nShare this:\n\n{prose(30, 10)}\n") is None


def test_a_page_marked_by_its_first_line_shows_that_line():
    text = "Published on May 8, 2015\n\nAn astronaut shows how the toilet on the space station works.\n"
    assert verdict(text) == ("a video page", "Published on May 8, 2015")


POLICY = [
    "We use cookies to improve your experience on this site and to show you news, offers and advertising that may interest you.",
    "By continuing to use this site you consent to the use of cookies on your device as described in our cookie policy here.",
    "Manage your privacy settings and consent choices for this site at any time, and read our cookie policy for more details.",
    "Accept all cookies to read the rest of this page, or manage your privacy settings and choose which cookies to allow here.",
    "We and our partners use cookies to store and access information on your device to measure content and understand audiences.",
    "Our cookie policy explains which cookies are used on this site and how you can change your cookie preferences at any time.",
]


def reporting_page(reported: str, words: int) -> str:
    """Notices outweighing the text, the text ending in reported speech: ``words`` words in all."""
    head = "\n\n".join(POLICY) + f"\n\n{prose(60)}\n\n"
    tail = f"Peace is near, {reported}.\n"
    return head + prose(words - len(head.split()) - len(tail.split())) + " " + tail


@pytest.mark.parametrize(
    "reported",
    ["the minister said", "the minister says", "the minister told reporters", "according to the minister", "Said the minister", "Says the minister"],
)
def test_a_long_text_that_reports_speech_is_an_article_whatever_notices_it_holds(reported):
    text = reporting_page(reported, 240)
    assert len(text.split()) == 240
    assert verdict(text) is None
    assert verdict(text.replace(f"Peace is near, {reported}.", "Peace is near now.")) == ("a cookie or consent wall", POLICY[0])


def test_a_text_that_reports_speech_needs_four_times_sixty_words_to_be_an_article_by_that_alone():
    text = reporting_page("the minister said", 239)
    assert len(text.split()) == 239
    assert verdict(text) == ("a cookie or consent wall", POLICY[0])


# ---------------------------------------------------------------------------
# The lexicon and the folder pass
# ---------------------------------------------------------------------------


def test_the_lexicon_as_built_matches_whole_lines_line_ends_and_glued_fragments_in_any_case():
    lex = lexicon.__wrapped__(("more from the herald.*",))  # built afresh, not the memoised one
    whole = lex.lines.fullmatch("STORY CONTINUES BELOW ADVERTISEMENT")
    assert whole is not None and lex.names[whole.lastgroup] == ("advertising", "advertising slot")
    assert lex.lines.fullmatch("Story continues below the fold") is None
    site = lex.lines.fullmatch("More from the Herald: local news")
    assert site is not None and lex.names[site.lastgroup] == ("site", "site chrome")
    caption = "Leaders met at the Elysee palace on Tuesday (Photo: AP)"
    end = lex.line_ends.search(caption)
    assert end is not None and end.end() == len(caption) and lex.names[end.lastgroup][0] == "image"
    glued = lex.glued_ends.search("The talks ended on Tuesday. Advertisement")
    assert glued is not None and glued.group() == "Advertisement"
    assert lex.notices.search("Sorry, the page you are looking for does not exist.") is not None
    assert lex.markers.fullmatch("Published on May 8, 2015") is not None
    assert "cookie" in lex.keywords and list(lex.keywords) == sorted(lex.keywords)
    assert lexicon.__wrapped__().names.get("extra") is None


def docs(*bodies: str) -> dict:
    return {f"{n}.txt": parse_document(f"{n}.txt", body.encode()) for n, body in enumerate(bodies)}


def test_candidate_lines_are_the_short_standalone_lines_not_already_furniture():
    text = (
        f"{HEADLINE}\n\n{BODY}\n\nAdvertisement\n\n  Brought to you by the Daily Planet!\n\n"
        f"{prose(30)}\n\n{prose(31)}\n\nA wrapped line\nof two\n\nOK\n\nHot\n\nBrought By Boston Bulletin Board\n\n{MORE}\n"
    )
    doc = parse_document("a.txt", text.encode())
    found = [doc.text[line.start : line.end] for line in candidate_lines(doc)]
    assert found == [HEADLINE, "Brought to you by the Daily Planet!", prose(30), "Hot", "Brought By Boston Bulletin Board", MORE]


def test_recurring_lines_ignore_case_and_punctuation_and_count_stories_not_articles():
    found = docs(
        "Floods in Texas\n\nRivers rose across Texas on Monday.\n\nBrought to you by the Daily Planet!\n",
        "Budget vote\n\nThe council in Boston delayed its vote.\n\nbrought to you by the daily planet\n",
        "Prices fall\n\nPrices in Tokyo fell for a third day.\n\nBROUGHT TO YOU BY -- THE DAILY PLANET\n",
    )
    extracts = {path: candidate_lines(doc) for path, doc in found.items()}
    recurring = recurring_lines(extracts, {}, min_stories=3)  # articles with no story are stories of their own
    assert sorted(recurring) == ["0.txt", "1.txt", "2.txt"]
    assert [found["2.txt"].text[line.start : line.end] for line in recurring["2.txt"]] == ["BROUGHT TO YOU BY -- THE DAILY PLANET"]
    assert recurring_lines(extracts, {"0.txt": "s", "1.txt": "s"}, min_stories=3) == {}


# ---------------------------------------------------------------------------
# The limits of each shape, and of headlines in a links list
# ---------------------------------------------------------------------------


def filled(head: str, words: int, tail: str = "") -> str:
    """A line of exactly ``words`` words: head, words of article text, tail."""
    extra = words - len(head.split()) - len(tail.split())
    return " ".join(head.split() + [w.strip(",.") for w in WORDS[:extra]] + tail.split())


CAPTION = "Emmanuel Macron greets Keir Starmer at the Elysee palace"


@pytest.mark.parametrize(
    ("at_the_limit", "over_it", "what"),
    [
        (filled(CAPTION, 60, "in Paris. REUTERS/Stephanie Lecocq"), filled(CAPTION, 61, "in Paris. REUTERS/Stephanie Lecocq"), "photo caption or credit"),
        ("Macron greets Starmer today. REUTERS/Stephanie Lecocq", "Macron greets Starmer. REUTERS/Stephanie Lecocq", "photo caption or credit"),
        ("Ludovic Marin Jean Paul Dupont/Agence France Presse/Getty Images",
         "Ludovic Marin Jean Paul Dupont/Agence France Presse Photo/Getty Images", "photo credit"),
        (filled("Download the app to get breaking news alerts", 40), filled("Download the app to get breaking news alerts", 41), "call to action"),
        ("Elysee palace (Ludovic Marin)", "Elysee (Ludovic Marin)", "photo caption or credit"),
        (filled("The Elysee palace before the talks", 30, "(Ludovic Marin)"), filled("The Elysee palace before the talks", 31, "(Ludovic Marin)"),
         "photo caption or credit"),
        (filled("A screenshot of the joint statement", 15), filled("A screenshot of the joint statement", 16), "photo caption"),
    ],
)
def test_each_shape_holds_up_to_its_limit_and_no_further(at_the_limit, over_it, what):
    assert furniture(page(at_the_limit)) == [(5, what)]
    assert furniture(page(over_it)) == []


@pytest.mark.parametrize("ending", ["?", "!", "?”", '?"'])
def test_a_long_headline_in_a_links_list_may_end_in_a_question_or_exclamation_mark(ending):
    assert furniture(page("RELATED:", prose(20).rstrip(".") + ending)) == [(5, "link to other stories"), (7, "link to other stories")]
    assert furniture(page("RELATED:", prose(20))) == [(5, "link to other stories")]  # a sentence of twenty words is text


def test_a_headline_in_a_links_list_is_up_to_twenty_five_words_and_may_be_quoted():
    assert furniture(page("RELATED:", prose(25).rstrip("."))) == [(5, "link to other stories"), (7, "link to other stories")]
    assert furniture(page("RELATED:", prose(26).rstrip("."))) == [(5, "link to other stories")]
    quoted = "“" + prose(20).rstrip(".") + "”"
    assert furniture(page("RELATED:", quoted)) == [(5, "link to other stories"), (7, "link to other stories")]


def test_a_bare_link_is_reported_with_its_address():
    report = lint_sources([("a.txt", page("https://twitter.com/someone/status/750139052448362496").encode())],
                          compile_rules([RULES["scraped-boilerplate"]]))
    assert [f.message for f in report.findings] == [
        "Page furniture (bare link), not part of the article: 'https://twitter.com/someone/status/750139052448362496'"
    ]


# ---------------------------------------------------------------------------
# The rules: where findings are, what the editor is offered
# ---------------------------------------------------------------------------


def report(text: str, rule: str = "scraped-boilerplate", name: str = "article.txt"):
    found = lint_sources([(name, text.encode("utf-8"))], compile_rules([RULES[rule]]))
    assert not found.errors, found.errors
    return found.findings


def removed(text: str, name: str = "article.txt") -> str:
    from factlint.fixes import fixed_text

    return fixed_text(text, [s for f in report(text, name=name) for s in f.suggestions])[0]


def test_a_furniture_line_is_offered_for_removal_with_its_blank_line():
    clean = f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n"
    assert removed(page("Advertisement")) == clean
    assert removed(page("https://twitter.com/someone/status/750139052448362496")) == clean
    assert removed(f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n\nAdvertisement\n") == clean  # the last line, with the blank line before it


def test_furniture_glued_to_a_sentence_or_in_html_is_reported_but_not_offered_for_removal():
    [glued] = report(page(MORE + " Advertisement"))
    assert (glued.location.line, glued.location.column, glued.location.end_column) == (5, 124, 136) and glued.suggestions == ()
    [html] = report("<p>" + BODY + "</p>\n<p>Advertisement</p>\n", name="article.html")
    assert (html.location.line, html.location.column, html.location.end_column) == (2, 4, 16) and html.suggestions == ()


def test_a_bare_link_is_located_in_the_file():
    [link] = report(page("https://twitter.com/someone/status/750139052448362496"))
    assert (link.location.line, link.location.column, link.location.end_line, link.location.end_column) == (5, 1, 5, 53)
    assert link.excerpt == "https://twitter.com/someone/status/750139052448362496"


def test_a_page_is_reported_at_its_first_line_of_text_with_the_notice_as_excerpt():
    text = (
        "---\ntitle: Tweet\n---\n\nTweet with a location\n\nYou can add location information to your Tweets, such as your city "
        "or precise location, from the web and via third-party applications. You always have the option to delete your Tweet "
        "location history. Learn more\n"
    )
    [found] = report(text, "not-an-article", "article.md")
    assert (found.location.line, found.location.column, found.location.end_column) == (5, 1, 21)
    assert found.excerpt == "Tweet with a location" and found.message.startswith("Not an article: a social-media page notice.")


def test_an_unknown_furniture_class_is_an_error_at_its_line(tmp_path):
    from tests.conftest import house_rule_error

    assert house_rule_error(tmp_path, "furniture", "classes:\n  - advertising\n  - popups\n", "house-chrome") == (
        "rule 'house-chrome': unknown furniture class 'popups' (known: advertising, video player, image, related links, "
        "sharing, sign-up, date stamp, site, embedded post, link)",
        7,  # classes:
    )


def test_furniture_glued_before_a_headline_is_only_its_words():
    [glued] = report(page("Further reading Leaders agree on guarantees for Ukraine"))
    assert glued.message == "Page furniture (link to other stories), not part of the article: 'Further reading'"
    assert (glued.location.line, glued.location.column, glued.location.end_column) == (5, 1, 15)
    assert glued.suggestions == ()  # the headline after it stays: no line to remove


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Brent crude rose 3% on Tuesday (Reuters Graphic)", True),  # one figure in eight words: a caption
        ("Output rose to 12 (Reuters Poll)", True),  # one in six
        ("Output rose 12 (Reuters Poll)", False),  # one in five: a row of a table
        ("Output rose 3% (Reuters Poll)", False),
    ],
)
def test_a_credit_in_brackets_ends_a_caption_not_a_table_row(line, caption):
    assert furniture(page(line)) == ([(5, "photo caption or credit")] if caption else [])


def test_buttons_are_found_past_lines_that_are_not_buttons_and_at_the_top():
    assert furniture(page("Share this:", "Xbox")) == [(5, "sharing and comment buttons"), (7, "sharing and site buttons")]
    for not_a_button in ("— Jane Doe", "Our Partners"):
        assert furniture(page(not_a_button, MORE, "Share this:", "Bluesky")) == [
            (9, "sharing and comment buttons"), (11, "sharing and site buttons"),
        ]
    assert furniture(f"Share this:\n\nBluesky\n\n{BODY}\n\n{MORE}\n") == [(1, "sharing and comment buttons"), (3, "sharing and site buttons")]


def test_an_article_just_long_enough_beside_a_notice_is_checked_by_every_rule():
    def article(words: int) -> str:  # words of article text: the paragraph, then three on the last line
        return f"{HEADLINE}\n\n{COOKIES}\n\n{prose(words - 8)} “We will win,\" one said.\n\nAdvertisement\n\nThe caf\u00c3\u00a9 reopened.\n"

    rules = compile_rules([RULES[r] for r in ("not-an-article", "scraped-boilerplate", "quote-marks", "mojibake")])
    found = lint_sources([("article.txt", article(60).encode())], rules).findings
    assert [(f.rule, f.location.line) for f in found] == [("quote-marks", 5), ("scraped-boilerplate", 7), ("mojibake", 9)]
    found = lint_sources([("article.txt", article(59).encode())], rules).findings
    assert [(f.rule, f.location.line) for f in found] == [("not-an-article", 1)]


def test_a_brief_its_text_shows_to_be_an_article_stays_one_when_its_headline_recurs():
    # the analysis of the whole page calls the headline chrome (a line the page repeats) and
    # the page a widget; the text alone (no notice, no chrome by itself on top) says article
    text = f"Weather Warning\n\n{prose(15)}\n\nWeather Warning\n\n{prose(15, 20)}\n\nWeather Warning\n"
    assert verdict(text) is None
    assert furniture(text) == [(1, "line the page repeats"), (5, "line the page repeats"), (9, "line the page repeats")]


def test_a_furniture_line_between_two_lines_of_text_is_offered_for_removal_alone():
    text = f"{HEADLINE}\n\n{BODY}\n\nThe talks ended on Tuesday.\nShare this:\nThe plan has three parts.\n\n{MORE}\n"
    assert removed(text) == f"{HEADLINE}\n\n{BODY}\n\nThe talks ended on Tuesday.\nThe plan has three parts.\n\n{MORE}\n"


def test_classes_choose_what_is_reported_and_site_chrome_only_with_patterns():
    from factlint.kinds.base import Rule

    rule = RULES["scraped-boilerplate"]

    def reported(text: str, **params) -> list[int]:
        custom = Rule(rule.id, rule.kind, rule.message, rule.severity, "", rule.examples, {**rule.params, **params})
        return [f.location.line for f in lint_sources([("a.txt", text.encode())], compile_rules([custom])).findings]

    assert reported(page("Advertisement", "Hide Caption 2 of 9"), classes=["image"]) == [7]
    assert reported(page("Advertisement", "© 2026 KREM-TV"), classes=["advertising"]) == [5]
    assert reported(page("Advertisement", "© 2026 KREM-TV", "More from the Herald"), classes=["advertising"],
                    patterns=["more from the herald"]) == [5, 7, 9]


def test_a_bad_pattern_is_an_error_at_its_line(tmp_path):
    from tests.conftest import house_rule_error

    message, line = house_rule_error(tmp_path, "furniture", "patterns:\n  - '(unclosed'\n", "house-chrome")
    assert line == 7 and "patterns" in message


def test_a_one_line_page_without_a_final_newline_is_reported_on_its_whole_line():
    [found] = report("Page not found", "not-an-article")
    assert (found.location.line, found.location.column, found.location.end_column) == (1, 1, 14)
