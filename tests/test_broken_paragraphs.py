"""The broken-paragraph rule (kind paragraphs) at its edges: where each finding points and
what it says, the shortest paragraph that counts, a heading on either side, captions,
pages that are not articles, and the two switches a newsroom can turn off."""

from __future__ import annotations

import pytest

from factlint.kinds.base import Rule
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULE = next(rule for rule in load_rules([builtin_rules_dir()]) if rule.id == "broken-paragraph")
AFTER_BLANK = "Paragraph broken in the middle of a sentence: it goes on after the blank line"
NEXT_LINE = "Paragraph broken in the middle of a sentence: it goes on in the next line"
LONG_LINE = "The leaders met in Paris on Tuesday to discuss measures to end the war, and they agreed on a plan that includes the U.S.,"


def broken(text: str, **params) -> list[tuple[int, int, int, int, str]]:
    rule = Rule(RULE.id, RULE.kind, RULE.message, RULE.severity, "", RULE.examples, {**RULE.params, **params})
    report = lint_sources([("article.txt", text.encode("utf-8"))], compile_rules([rule]))
    assert not report.errors, report.errors
    return [(f.location.line, f.location.column, f.location.end_line, f.location.end_column, f.message) for f in report.findings]


def test_each_finding_points_at_the_last_character_before_the_break():
    assert broken(LONG_LINE + "\nalong with officials from the European Union and NATO.\n") == [(1, 121, 1, 121, NEXT_LINE)]
    text = "The Soviet Union held the seat on the council for decades before it broke up\n\nin 1991, and Russia took it over.\n"
    assert broken(text) == [(1, 76, 1, 76, AFTER_BLANK)]


def test_each_switch_turns_off_its_own_case_only():
    within = LONG_LINE + "\nalong with officials from the European Union and NATO.\n"
    across = "The Soviet Union held the seat on the council for decades before it broke up\n\nin 1991, and Russia took it over.\n"
    assert broken(within, within_paragraphs=False) == []
    assert broken(across, within_paragraphs=False) == [(1, 76, 1, 76, AFTER_BLANK)]
    assert broken(across, across_blank_lines=False) == []
    assert broken(within, across_blank_lines=False) == [(1, 121, 1, 121, NEXT_LINE)]


def test_the_shortest_first_half_is_min_words_long():
    assert [f[0] for f in broken("The seat was held for\ndecades\n\nuntil 1991, when Russia took it over.\n")] == [2]
    assert broken("The seat was held\nfor\n\nuntil 1991, when Russia took it over.\n") == []


def test_a_heading_never_starts_a_broken_paragraph_but_may_end_one():
    assert broken("Leaders of Europe meet in Paris for talks on Ukraine\n\nthe leaders met on Tuesday, officials said.\n") == []
    # the second half, short and without a full stop, reads as a heading: still the same sentence
    text = "The Soviet Union held the seat on the council for decades before it broke up\n\nin 1991 and Russia took over\n"
    assert broken(text) == [(1, 76, 1, 76, AFTER_BLANK)]


def test_a_second_half_indented_is_read_from_its_first_word():
    text = "The leaders met in Paris on Tuesday to discuss measures to end the war, and agreed\n\n  on a plan, officials said.\n"
    assert [f[0] for f in broken(text)] == [1]


def test_a_caption_is_not_the_first_half_and_furniture_elsewhere_does_not_hide_a_break():
    caption = (
        "Talks end in Paris\n\nEmmanuel Macron greets Keir Starmer at the Elysee palace in Paris on the day of the talks. "
        "REUTERS/Stephanie Lecocq\n\nthe leaders met on Tuesday, officials said.\n"
    )
    assert broken(caption) == []
    text = (
        "The Soviet Union held the seat on the council for decades before it broke up\n\nin 1991, and Russia took it over.\n\n"
        "Advertisement\n\nThe plan has three parts.\n"
    )
    assert broken(text) == [(1, 76, 1, 76, AFTER_BLANK)]
    body = (
        "Leaders from European countries, Canada and the United States met in Paris on Tuesday to discuss security "
        "guarantees for Ukraine. The talks lasted six hours, and the leaders agreed on a monitoring mission led by the "
        "United States and on a multinational force to be deployed after a ceasefire, officials said."
    )
    assert broken(f"Talks end in Paris\n\n{body}\n\nAdvertisement\n\n" + text) == [(7, 76, 7, 76, AFTER_BLANK)]


def test_a_page_that_is_not_an_article_has_no_broken_paragraphs():
    page = (
        "We use cookies to improve your experience. By continuing to use this site you consent to the use of cookies and\n\n"
        "similar technologies on this site.\n\nAccept all cookies\n"
    )
    assert broken(page) == []
