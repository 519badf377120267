"""Scraped web copy: page furniture, pages that are not articles, mojibake, quotation
marks and broken paragraphs. Lines have the shapes real scraped pages have."""

from __future__ import annotations

import pytest

from factlint.document import parse_document
from factlint.fixes import fixed_text
from factlint.furniture import candidate_lines, not_an_article, page_furniture, recurring_lines
from factlint.kinds.base import Rule
from factlint.linter import lint_sources
from factlint.quotemarks import scan_quote_marks
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULES = {rule.id: rule for rule in load_rules([builtin_rules_dir()])}
BODY = (
    "Leaders from European countries, Canada and the United States met in Paris on Tuesday to discuss "
    "security guarantees for Ukraine. The talks lasted six hours, and the leaders agreed on a monitoring "
    "mission led by the United States and on a multinational force to be deployed after a ceasefire, "
    "officials said. Russia did not comment on the plan on Tuesday, the eve of Orthodox Christmas."
)
MORE = "The plan has three parts, and each will be put to the parliaments of the countries that signed it, a French official said."


def findings(text: str, *rules: str, name: str = "article.txt") -> list:
    report = lint_sources([(name, text.encode("utf-8"))], compile_rules([RULES[r] for r in rules]))
    assert not report.errors, report.errors
    return report.findings


def flagged_lines(text: str, rule: str = "scraped-boilerplate") -> list[int]:
    return [f.location.line for f in findings(text, rule) if f.rule == rule]


def page(*lines: str) -> str:
    """An article as scraped: a headline, paragraphs, the given lines in between."""
    return "Talks end in Paris\n\n" + BODY + "\n\n" + "\n\n".join(lines) + "\n\n" + MORE + "\n"


# ---------------------------------------------------------------------------
# Furniture, class by class, both ways
# ---------------------------------------------------------------------------

FURNITURE = {
    "advertising": ["Advertisement", "Story Continued Below", "Advertisement Continue reading the main story",
                    "Story continues below advertisement"],
    "video player": [
        "CLOSE Leaders gathered in Paris to talk about security guarantees. Video provided by Newsy Newslook",
        "Media playback is unsupported on your device Media caption Leaders arrive at the Elysee",
        "JUST WATCHED Leaders meet in Paris Replay More Videos ... MUST WATCH Leaders meet in Paris 02:41",
        "Your browser does not support HTML5 video.",
        "Please enable Javascript to watch this video",
    ],
    "image": [
        "Image copyright AFP Image caption Leaders met at the Elysee palace",
        "Emmanuel Macron greets Keir Starmer at the Elysee palace in Paris, Tuesday, Jan. 6, 2026. (AP Photo/Michel Euler)",
        "Emmanuel Macron greets Keir Starmer at the Elysee palace in Paris. REUTERS/Stephanie Lecocq",
        "Emmanuel Macron greets Keir Starmer at the Elysee palace. (Photo: AP)",
        "Ludovic Marin/AFP/Getty Images",
        "The Elysee palace before the talks (Ludovic Marin)",
        "Hide Caption 22 of 132",
        "Slideshow (5 Images)",
        "Photo",
        "FILE - In this Dec. 4, 2025, file photo, Emmanuel Macron speaks in Paris.",
        "A screenshot of the joint statement",
    ],
    "embedded post": [
        "We are close to a deal on guarantees. — Emmanuel Macron (@EmmanuelMacron) January 6, 2026",
        "Historic day for Ukraine pic.twitter.com/abc123XYZ",
        "What a day for Europe! Posted by Jane Doe on Tuesday, January 6, 2026",
    ],
    "related links": [
        "Read or Share this story: http://usat.ly/1abcd",
        "More: Leaders agree on security guarantees for Ukraine",
        "(Also on POLITICO: Macron hosts Starmer in Paris)",
        "RELATED: Zelenskyy thanks allies for guarantees",
        "Read more about: Ukraine, France, NATO",
        "[Leaders agree on a monitoring mission for Ukraine]",
    ],
    "sharing": ["Share this:", "SHARE THIS ARTICLE Share Tweet Post Email", "0 comments", "E-mail this to a friend »"],
    "sign-up": [
        "Get our daily newsletter Sign up for the morning briefing, in your inbox. Email Address Subscribe",
        "Follow Jane Doe on Twitter and Facebook.",
        "Have a tip we should know? tips@example.com",
        "Discover more from Archyworldys",
    ],
    "date stamp": ["Published on Jan 6, 2026", "Updated: January 6, 2026 20:09 IST"],
    "site": ["Story highlights Leaders agree on guarantees for Ukraine", "(SCROLL DOWN FOR LIVE UPDATES)", "© 2026 KREM-TV"],
}


@pytest.mark.parametrize(
    "line", [pytest.param(line, id=f"{kind}-{i}") for kind, lines in FURNITURE.items() for i, line in enumerate(lines)]
)
def test_each_class_of_furniture_is_found(line):
    assert flagged_lines(page(line)) == [5]


PROSE = [
    "Macron posted a photo of the meeting on Twitter, and Starmer followed with a video of the talks.",
    "More than 20 countries took part in the talks, officials said.",
    "Share prices in Paris rose 2% on Tuesday as the talks ended.",
    "Subscribers to the plan will share the costs, the French finance minister said.",
    "“We are close to a deal,” Macron told reporters (in French).",
    "Related talks will be held in Berlin next month, the German chancellor said.",
    "Diplomatic thaw",
    "AP/ABC",
    "-- Jane Doe",
    "Read the statement, officials urged reporters, before asking questions.",
]


@pytest.mark.parametrize("line", PROSE)
def test_article_text_with_furniture_words_is_left_alone(line):
    assert flagged_lines(page(line)) == []


def test_a_list_under_a_links_header_is_links_up_to_the_byline():
    text = page("RELATED:", "Zelenskyy thanks allies for guarantees", "What the coalition of the willing means", "-- Jane Doe")
    assert flagged_lines(text) == [5, 7, 9]


def test_short_chrome_next_to_chrome_is_chrome_but_a_subhead_is_not():
    assert flagged_lines(page("Play Facebook", "Twitter", "Google Plus")) == [5, 7, 9]
    assert flagged_lines(page("Advertisement", "Diplomatic thaw")) == [5]


def test_a_caption_between_the_headline_and_a_dateline_lede():
    text = (
        "[No headline in source]\n\n"
        "An employee holds circuit boards at a warehouse in Sao Paulo March 6, 2013. Brazil recycles little.\n\n"
        "OSLO (Reuters) - China and other emerging economies have overtaken Western nations in dumping old electronic goods.\n"
    )
    assert flagged_lines(text) == [3]
    standfirst = "Talks end in Paris\n\nA standfirst that sums the story up in a sentence.\n\nPARIS (Reuters) - Leaders met.\n"
    assert flagged_lines(standfirst) == []


def test_a_bare_link_line_is_found_where_the_lint_text_is_blank():
    found = findings(page("https://twitter.com/someone/status/750139052448362496"), "scraped-boilerplate")
    assert [(f.location.line, f.location.column) for f in found] == [(5, 1)]


def test_a_short_line_a_forum_page_repeats_is_chrome():
    posts = "\n\n".join(f"laszlo\n\nOffline\n\nPost number {n}: I would pay for pizza with bitcoins, {n} of them." for n in range(3))
    assert set(flagged_lines("Pizza for bitcoins?\n\n" + posts + "\n")) >= {3, 5}


def test_wire_copy_tables_and_wrapped_paragraphs_are_not_furniture():
    wire = (
        "    The agriculture department said:\n"
        "    Corn (Mln Tonnes)\n"
        "    SOYBEAN CAKE/MEAL\n"
        "    Arabica Cherry \"AB\" 33.3 976.50 (NA)\n"
        "    The company said it would share in the costs of the\n"
        "plan and that it was sponsored by the government.\n"
        " MORE\n"
    )
    assert flagged_lines(wire) == []


def test_own_site_chrome_as_patterns_and_classes_to_report():
    rule = RULES["scraped-boilerplate"]
    custom = Rule(rule.id, rule.kind, rule.message, rule.severity, "", rule.examples,
                  {**rule.params, "patterns": [r"more from the herald.*"], "classes": ["advertising"]})
    text = page("More from the Herald", "Advertisement", "Hide Caption 2 of 9")
    report = lint_sources([("a.txt", text.encode())], compile_rules([custom]))
    assert [f.location.line for f in report.findings] == [5, 7]


def test_a_bad_pattern_is_a_rule_error():
    from factlint.errors import FactlintError

    rule = RULES["scraped-boilerplate"]
    custom = Rule(rule.id, rule.kind, rule.message, rule.severity, "", rule.examples, {**rule.params, "patterns": ["(unclosed"]})
    with pytest.raises(FactlintError):
        compile_rules([custom])


def test_the_seed_that_ends_in_web_chrome_is_flagged_as_before():
    from tests.conftest import ROOT

    seed = next((ROOT / "seeds").glob("004_*.txt"))
    assert flagged_lines(seed.read_text(encoding="utf-8")) == [3, 36, 38, 40]


# ---------------------------------------------------------------------------
# Pages that are not articles
# ---------------------------------------------------------------------------

NOT_ARTICLES = {
    "social-media page notice": "Tweet with a location\n\nYou can add location information to your Tweets, such as your city or precise location, from the web and via third-party applications. You always have the option to delete your Tweet location history. Learn more\n",
    "web-archive notice": "[No headline in source]\n\nStarting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in every day, these data are added to the Wayback Machine after an embargo period.\n",
    "sign-up": "[No headline in source]\n\nJust One More Thing...\n\nWe have sent you a verification email. Please check your email and click on the link to activate your profile.\n\nClose\n",
    "reprint": "[No headline in source]\n\nDow Jones Reprints: This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution, use the Order Reprints tool at the bottom of any article.\n",
    "video page": "Published on May 8, 2015\n\nAn astronaut shows how to use the toilet on the International Space Station. A fan creates suction to avoid smells and floating waste, and solid waste is stored and burned up in cargo ferries when they leave the station, which the crew has done for years.\n\nFollow Samantha on Twitter\n",
    "fundraising": "[No headline in source]\n\nAshoka is a 33 year-old freelance journalist who worked in Liberia for two years.\n\nWe, some of his close friends, wanted to help provide support by establishing this GoFundMe campaign. There is also an option to refund donations that were already made.\n\nDonated funds will now be directed toward replacing his gear. Thank you so much.\n",
    "cookie wall": "We use cookies to improve your experience. By continuing to use this site you consent to the use of cookies.\n\nAccept all cookies\n\nManage your privacy settings\n",
    "not found": "Page not found\n\nSorry, the page you are looking for does not exist or has been moved.\n",
}


@pytest.mark.parametrize("text", list(NOT_ARTICLES.values()), ids=list(NOT_ARTICLES))
def test_a_page_that_is_not_an_article_gets_one_finding_at_line_1_and_no_other(text):
    found = findings(text, "not-an-article", "scraped-boilerplate", "quote-marks", "broken-paragraph", "mojibake")
    assert [(f.rule, f.location.line) for f in found] == [("not-an-article", 1)]


ARTICLES = {
    "a short story": "Talks end in Paris\n\n" + BODY + "\n",
    "about the archive": "Archive opens\n\nThe Internet Archive said on Tuesday that its Wayback Machine now holds more than 900 billion web pages, a figure that has doubled in five years. The archive began saving pages in 1996 and relies on donations, its founder told reporters.\n",
    "about a fundraiser": "Fundraiser for reporter\n\nFriends of the cameraman set up a GoFundMe page to cover his bills. \"Please donate if you can,\" his brother said. The campaign had raised $16,000 by Friday, and NBC said it would cover the costs of his treatment in Omaha.\n",
    "a brief with chrome": "Talks end in Paris\n\n" + BODY + "\n\nAdvertisement\n\n" + MORE + "\n",
}


@pytest.mark.parametrize("text", list(ARTICLES.values()), ids=list(ARTICLES))
def test_an_article_is_not_reported_as_a_page(text):
    assert not [f for f in findings(text, "not-an-article") if f.rule == "not-an-article"]


def test_the_verdict_is_one_question_every_rule_asks_and_is_memoised():
    doc = parse_document("a.txt", NOT_ARTICLES["web-archive notice"].encode())
    assert not_an_article(doc) == "a web-archive notice"
    found = page_furniture(doc)
    assert found is page_furniture(doc) and found.not_article == "a web-archive notice"
    assert found.covers(0, 5)  # the whole page
    article = parse_document("b.txt", page("Advertisement").encode())
    spans = page_furniture(article).spans
    assert not_an_article(article) is None and [s.category for s in spans] == ["advertising"]
    assert page_furniture(article).covers(spans[0].start, spans[0].end)
    assert not page_furniture(article).covers(0, 10)


# ---------------------------------------------------------------------------
# The folder pass: a line recurring in many unrelated articles
# ---------------------------------------------------------------------------


def test_recurring_lines_count_stories_not_articles():
    bodies = ["Rivers rose across Texas on Monday.", "The council in Boston delayed its vote.", "Prices in Tokyo fell for a third day."]
    docs = {
        f"{n}.txt": parse_document(f"{n}.txt", f"Story {n}\n\n{body}\n\nBrought to you by the Daily Planet\n".encode())
        for n, body in enumerate(bodies)
    }
    extracts = {path: candidate_lines(doc) for path, doc in docs.items()}
    assert all(any(l for l in lines) for lines in extracts.values())
    assert recurring_lines(extracts, {"0.txt": "a", "1.txt": "a", "2.txt": "a"}, min_stories=2) == {}
    found = recurring_lines(extracts, {"0.txt": "a", "1.txt": "b", "2.txt": "c"}, min_stories=3)
    assert sorted(found) == ["0.txt", "1.txt", "2.txt"]
    assert [docs["0.txt"].text[line.start : line.end] for line in found["0.txt"]] == ["Brought to you by the Daily Planet"]


def test_the_folder_pass_runs_when_a_rule_asks_for_it():
    rule = RULES["scraped-boilerplate"]
    folder = Rule(rule.id, rule.kind, rule.message, rule.severity, "", rule.examples, {**rule.params, "min_stories": 2})
    texts = [
        ("a.txt", "Floods in Texas\n\nRivers rose across Texas on Monday after days of rain, and the governor said the state would ask for federal aid.\n\nBrought to you by the Daily Planet\n"),
        ("b.txt", "Budget vote delayed\n\nThe city council in Boston postponed its budget vote to next month, the council's spokeswoman said on Monday.\n\nBrought to you by the Daily Planet\n"),
    ]
    report = lint_sources([(p, t.encode()) for p, t in texts], compile_rules([folder]))
    assert [(f.path, f.location.line, f.location.column, f.location.end_column, f.message) for f in report.findings] == [
        (path, 5, 1, 34, "Page furniture (line many unrelated articles of the folder repeat), not part of the article: "
         "'Brought to you by the Daily Planet'")
        for path in ("a.txt", "b.txt")
    ]
    above = [(p, t.replace("\n\nBrought to you by the Daily Planet\n", "\n").replace("\n\n", "\n\nBrought to you by the Daily Planet\n\n", 1))
             for p, t in texts]  # the line mid-article: shown alone, not with the text after it
    found = lint_sources([(p, t.encode()) for p, t in above], compile_rules([folder])).findings
    assert [(f.path, f.location.line, f.excerpt) for f in found] == [(p, 3, "Brought to you by the Daily Planet") for p in ("a.txt", "b.txt")]
    assert not compile_rules([RULES["scraped-boilerplate"]])[0].CROSS_ARTICLE  # off unless asked


# ---------------------------------------------------------------------------
# Mojibake
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "intended"),
    [("Trumpâ€™s", "Trump’s"), ("cafÃ©", "café"), ("Â£5", "£5"), ("â€”", "—"), ("“expectations gap�?", "gap”")],
)
def test_mojibake_is_reported_with_the_intended_text_and_fixed(damaged, intended):
    text = f"The report found {damaged} in the city, officials said.\n"
    found = [f for f in findings(text, "mojibake")]
    assert len(found) == 1 and intended in found[0].message
    assert intended in fixed_text(text, found[0].fixes)[0]


def test_a_lost_character_is_reported_without_a_guess():
    found = findings("The Greek government wants to cut 30bn euros (�25.7bn) from its deficit.\n", "mojibake")
    assert len(found) == 1 and "lost" in found[0].message and not found[0].fixes


@pytest.mark.parametrize("text", ["The café’s owner in São Paulo reopened.", "Zürich and Kraków signed a naïve, “friendly” pact — £5, €6."])
def test_accented_letters_and_curly_quotes_are_not_mojibake(text):
    assert findings(text + "\n", "mojibake") == []


# ---------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------


def quote_problems(text: str) -> list[str]:
    return [f.message.split(": ", 1)[1] for f in findings(text, "quote-marks")]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("''I can't make any donations,'' Nassar said on Friday.", "two single quote marks"),
        ("“In The Road,’’ the world has ended, the critic wrote.", "two single quote marks"),
        ("“We will not give up,\" the minister said on Tuesday.", "opened with “ is closed with \""),
        ("\"We will not give up,” the minister said on Tuesday.", "opened with \" is closed with ”"),
        ("“Eureka!” said Thomas.”That’s hard to do.”", "a closing mark ” opens this quotation"),
        ("“We have no indication of a breach,“ the company said.", "an opening mark “ closes this quotation"),
        ("Analysts said Japan\"s exports would fall.", "an apostrophe"),
        ("The minister said: “We will not give up.\n\nLeaders left Paris on Wednesday.", "never closed in its paragraph"),
        ("The deal was done, the minister said.” Leaders left.", "a closing ” where no quotation is open"),
    ],
)
def test_each_quotation_mark_problem(text, problem):
    found = quote_problems(text + "\n")
    assert len(found) == 1 and problem in found[0], found


@pytest.mark.parametrize(
    "text",
    [
        "“We will not give up,” the minister said. \"Nor will we,\" her deputy added.",
        "The minister said: “We will not give up. The talks went on.\n\n“We will meet again in Berlin,” she said.",
        "The minister said: \"We will not give up. The talks went on\n\nuntil midnight,\" she said.",
        "    The NYSE said, \"The study will review new trading\ntechniques and their risks.\n    \"It will also explore the\nregulatory implications,\" it said.",
        "He bought a 12\" record, a 2” pipe and the band's 'greatest hits' for his son.",
        "Rock ''n'' roll fans gathered outside the arena on Friday.",
        "Printer-friendly »",
        "The Nationals ' best chance was to outbid everyone , \" he said . \" That ' s all .\n\nThe Red Sox ' s offer was \" huge . \"",
    ],
)
def test_quotations_a_reader_pairs_are_left_alone(text):
    assert quote_problems(text + "\n") == []


def test_scan_quote_marks_pairs_as_a_reader_pairs():
    text = "“One,” he said, \"two,\" and “three"
    pairs, problems, left_open = scan_quote_marks(text, 0, len(text))
    assert [(text[p.open], text[p.close]) for p in pairs] == [("“", "”"), ('"', '"')]
    assert list(problems) == [] and text[left_open] == "“"  # tuples: the scan is shared (factlint.quotemarks)


# ---------------------------------------------------------------------------
# Broken paragraphs
# ---------------------------------------------------------------------------


def broken(text: str) -> list[int]:
    return [f.location.line for f in findings(text, "broken-paragraph")]


def test_a_sentence_broken_across_a_blank_line():
    assert broken("The Soviet Union held the seat on the council for decades before it broke up\n\nin 1991, and Russia took it over.\n") == [1]
    assert broken("Leaders met in Paris on Tuesday to discuss the plan, which includes the U.S.,\n\nalong with officials of the European Union.\n") == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Talks end in Paris\n\nthe leaders met on Tuesday, officials said.\n",  # under a heading
        "The company will sell three products:\n\n- phones and tablets\n\n- laptops\n",  # a list
        "The leaders met on Tuesday and agreed on a plan\n\niPhone sales rose, analysts said.\n",  # iPhone
        "PARIS —\n\nthe leaders met on Tuesday, officials said.\n",  # a dateline
        "Macron greets Starmer at the Elysee palace in Paris (Ludovic Marin)\n\nthe leaders met on Tuesday, officials said.\n",
        "The leaders met on Tuesday and agreed on a plan.\n\nthe plan has three parts.\n",  # a full stop ends the first
    ],
)
def test_what_is_not_a_broken_paragraph(text):
    assert broken(text) == []


def test_a_line_break_inside_a_long_line_paragraph_is_still_found():
    long_line = "The leaders met in Paris on Tuesday to discuss measures to end the war, and they agreed on a plan that includes the U.S.,"
    assert broken(long_line + "\nalong with officials from the European Union and NATO.\n") == [1]
