"""The duplicates kind inside an article, at its edges: where an edited repeat starts,
what a repeated run takes in with it, and the words it compares (names, figures)."""

from __future__ import annotations

import re

from test_duplicates import LEDE, SECOND, THIRD, article, findings

from factlint.kinds.duplicates import encode

FIFTEEN = "Leaders of European countries met in Paris on Tuesday and agreed security guarantees for Kyiv."
FOURTEEN = "Leaders of European countries met in Paris on Tuesday and agreed guarantees for Kyiv."


def messages(text: str, **overrides) -> list[tuple[int, str]]:
    return [(f.location.line, f.message) for f in findings(text, **overrides)]


def test_an_edited_paragraph_of_min_edited_words_is_a_repeat_and_one_word_shorter_is_not():
    assert messages(article(FIFTEEN, THIRD, FIFTEEN.replace("agreed", "approved"))) == [
        (5, "Line 5 repeats line 1 of this article almost word for word (93% similar)"),
    ]
    assert messages(article(FOURTEEN, THIRD, FOURTEEN.replace("agreed", "approved"))) == []
    assert messages(article(FOURTEEN, THIRD, FOURTEEN.replace("agreed", "approved")), min_edited_words=14) == [
        (5, "Line 5 repeats line 1 of this article almost word for word (92% similar)"),
    ]


def test_an_edit_in_the_first_words_is_still_found():
    copy = FIFTEEN.replace("Leaders of", "Leaders from")  # a capitalised word changed would be another name
    assert messages(article(FIFTEEN, THIRD, copy)) == [(5, "Line 5 repeats line 1 of this article almost word for word (93% similar)")]


def test_an_exact_repeat_does_not_stop_the_search_for_later_edited_ones():
    edited = SECOND.replace("plans", "is planning")
    found = messages(article(LEDE, SECOND, "Officials were cautious on Wednesday.", LEDE, "Talks resume next week in Geneva.", edited))
    assert [line for line, _ in found] == [7, 11]
    assert re.fullmatch(r"Line 11 repeats line 3 of this article almost word for word \(\d+% similar\)", found[1][1])


def test_the_closest_of_many_earlier_paragraphs_is_found_in_a_long_article():
    paragraphs = [
        f"The {place} council said on {day} that its budget for {topic} would rise by {n} percent next year after a long review."
        for n, (place, day, topic) in enumerate(
            (p, d, t)
            for p in ("Lyon", "Porto", "Ghent", "Turin", "Malmo")
            for d, t in (("Monday", "roads"), ("Tuesday", "schools"), ("Friday", "parks"), ("Sunday", "housing"), ("Thursday", "transport"))
        )
    ]
    assert len(paragraphs) == 25
    target = paragraphs[22]
    copy = target.replace("after a long review", "after a review")
    found = findings(article(*paragraphs, copy))
    assert [(f.location.line, f.related[0].location.line) for f in found] == [(51, 45)]


def test_a_repeated_run_takes_in_a_short_block_only_when_it_repeats_it_exactly_and_of_the_same_kind():
    def lines(*blocks: str) -> list[tuple[int, int, int]]:
        return [(f.location.line, f.location.end_line, f.related[0].location.line) for f in findings(article(*blocks))]

    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "## The deal", SECOND) == [(9, 13, 1)]
    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "## The talks", SECOND) == [(9, 9, 1), (13, 13, 5)]
    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "The deal.", SECOND) == [(9, 9, 1), (13, 13, 5)]  # a paragraph
    # a short block after the last repeated paragraph is not part of the run
    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "## The deal") == [(9, 9, 1)]


def test_a_pull_quote_after_a_repeated_paragraph_is_not_part_of_the_repeat():
    found = findings(article(LEDE, SECOND, THIRD, LEDE, f"> {SECOND}"))
    assert [(f.location.line, f.location.end_line) for f in found] == [(7, 7)]


def test_a_repeated_paragraph_the_rule_excepts_ends_a_run():
    prices = "Prices rose by 3 percent in March, the statistics office said on Friday in Paris."
    text = article(LEDE, prices, THIRD, "Officials were cautious on Wednesday.", LEDE, prices.replace("Paris.", "Paris!"), THIRD)
    assert [(f.location.line, f.location.end_line) for f in findings(text)] == [(9, 13)]
    # the copy is excepted, its original is not: the run breaks there, and the paragraph after is a repeat of its own
    assert [(f.location.line, f.location.end_line) for f in findings(text, exceptions=[r"!\s*$"])] == [(9, 9), (13, 13)]


def test_names_figures_and_plain_words_are_told_apart():
    # a capitalised word mid-sentence is a name; first in a sentence a closed-class word is not
    assert encode("the mayor said").plain == encode("The mayor said").plain
    assert encode("said Rose").codes != encode("said rose").codes
    assert encode("said Rose").plain == encode("said rose").plain
    assert encode("It rose. It fell").codes == encode("it rose. it fell").codes
    assert encode("rose, It fell").codes != encode("rose, it fell").codes
    # figures written two ways are one word, and a figure is never a plain word
    assert encode("9,408 tonnes").codes == encode("9408 tonnes").codes
    assert encode("5 mln dlrs").codes == encode("5 million dollars").codes
    assert encode("1,2345").codes != encode("12345").codes
    assert all(ord(c) >= 0xE000 for c in encode("seven 7 March").codes)
    assert all(0x100 <= ord(c) < 0xD800 for c in encode("the talks of Paris").plain)
    # a name keeps its shape: a spelling fix changes the word, not the shape
    assert encode("said Reidgefield").shapes == encode("said Ridgefield").shapes
    assert encode("said Ridgefield").shapes != encode("said Springfield").shapes
    assert len(encode("said Paris and London on Monday").shapes) == 2  # a weekday is a figure: no name shape
