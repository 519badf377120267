"""The quote-marks rule (kind quotemarks, factlint/quotemarks.py) on the cases an editor meets:
each problem with the message the editor reads and the column of the mark, the marks a
reader pairs without thinking (inch marks, arrows, a typist's apostrophes, lost
characters), and marks at the very start and end of a file with no final newline."""

from __future__ import annotations

import pytest

from factlint.linter import lint_sources
from factlint.quotemarks import scan_quote_marks
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULE = next(rule for rule in load_rules([builtin_rules_dir()]) if rule.id == "quote-marks")


def marks(text: str) -> list[tuple[int, int, str]]:
    """(column, end column, what the editor reads) of each quote-marks finding (all on line 1 here)."""
    report = lint_sources([("article.txt", text.encode("utf-8"))], compile_rules([RULE]))
    assert not report.errors, report.errors
    return [(f.location.column, f.location.end_column, f.message.removeprefix("Quotation marks: ")) for f in report.findings]


DOUBLED = "two single quote marks stand for a double quotation mark"
CLOSES = "an opening mark “ closes this quotation; use ”"
OPENS = "a closing mark ” opens this quotation; use “"
STRAY_STRAIGHT = 'a closing " where no quotation is open'
NEVER_CLOSED = "the quotation opened here is never closed in its paragraph"
NEXT_OPENS = "the quotation opened here is not closed before the next one opens"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the messages as the editor reads them, at the mark(s) they are about
        ("''I can't make any donations,'' Nassar said on Friday.\n", [(1, 31, DOUBLED)]),
        ("Nassar said ''I can't make any donations,'' on Friday.\n", [(13, 43, DOUBLED)]),
        ("He said ''yes'' to the plan.\n", [(9, 15, DOUBLED)]),
        ("‘‘I can't make any donations,’’ Nassar said on Friday.\n", [(1, 31, DOUBLED)]),
        ("Analysts said Japan\"s exports would fall.\n", [(20, 20, "a double quotation mark where an apostrophe belongs")]),
        ("“We have no indication of a breach,“ the company said.\n", [(36, 36, CLOSES)]),
        ("“We will win“, she said.\n", [(13, 13, CLOSES)]),
        ("“Eureka!” said Thomas.”That’s hard to do.”\n", [(23, 23, OPENS)]),
        ("”We will win,” she said.\n", [(1, 1, OPENS)]),
        ("The deal was done, the minister said.\" Leaders left.\n", [(38, 38, STRAY_STRAIGHT)]),
        ("The deal was done, the minister said.” Leaders left.\n", [(38, 38, "a closing ” where no quotation is open")]),
        ("“We will not give up, the minister said. “Nor will we,” her deputy added.\n", [(1, 1, NEXT_OPENS)]),
        ("“We will win \" she said.\n", [(14, 14, 'a quotation opened with “ is closed with "')]),
    ],
)
def test_each_problem_is_reported_at_its_mark_with_its_message(text, expected):
    assert marks(text) == expected


@pytest.mark.parametrize("before", [",", ".", "!", "?"])
def test_an_opening_mark_after_the_quotation_s_punctuation_closes_it(before):
    # "this, “said Stefanski": the writer meant ”, and the sentence goes on in lower case
    text = f"“We will not give up{before} “said the minister on Tuesday.\n"
    assert marks(text) == [(23, 23, CLOSES)]


def test_an_opening_mark_before_a_capital_after_punctuation_opens_a_new_quotation():
    text = "“We will not give up. “Nor will we,” her deputy added.\n"
    assert marks(text) == [(1, 1, NEXT_OPENS)]


@pytest.mark.parametrize(
    "text",
    [
        # marks a reader does not take for quotations, next to a quotation that is fine
        "Caf\ufffd owners said “We will win,” on Tuesday.\n",  # a character lost, not a mark
        "“We will win,\ufffd she said on Tuesday.\n",  # a closing mark lost: the mojibake rule reports it
        "Officials said they don''t know. “The talks will go on,” she said.\n",  # a typist's apostrophe
        "I''m sure of it, the minister said. “The talks will go on,” she said.\n",
        "6\" of snow fell overnight, the forecasters said. “Roads are closed,” police said.\n",  # an inch mark
        "Printer-friendly »\n\n“We will win,” she said on Tuesday.\n",  # an arrow
        "The minister said \" we will win \" and left.\n",  # spaced marks of tokenized text pair too
        "The plan (\"we will win,\" she said) was agreed.\n",
        "The minister said\"We will win,\" and left.\n",  # a missing space does not turn an opening mark round
        "\"We will win,\" she said in 2019",  # a file starting with a mark and ending in a figure
    ],
)
def test_marks_a_reader_pairs_are_left_alone(text):
    assert marks(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was skipped (an inch mark, an apostrophe, a lost character) does not end the reading
        ("He bought a 12\" record. “We will win,\" she said.\n", [(38, 38, 'a quotation opened with “ is closed with "')]),
        ("Officials said they don''t know, “the talks will go on,\" she said.\n", [(56, 56, 'a quotation opened with “ is closed with "')]),
        ("Caf\ufffd owners said “We will win,\" on Tuesday.\n", [(31, 31, 'a quotation opened with “ is closed with "')]),
        ("Analysts said Japan\"s exports would fall. “They will,\" one said.\n", [
            (20, 20, "a double quotation mark where an apostrophe belongs"),
            (54, 54, 'a quotation opened with “ is closed with "'),
        ]),
        ("Rock ''n'' roll fans said “We will win,\" on Friday.\n", [(40, 40, 'a quotation opened with “ is closed with "')]),
        ("“We will not give up, the minister said. “Nor will we,\" her deputy added.\n", [
            (1, 1, NEXT_OPENS),
            (55, 55, 'a quotation opened with “ is closed with "'),
        ]),
    ],
)
def test_the_rest_of_the_paragraph_is_still_read(text, expected):
    assert marks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # files that end without a newline, right after a mark
        ("The deal was done, the minister said.\"", [(38, 38, STRAY_STRAIGHT)]),
        ("“We have no indication of a breach,“", [(36, 36, CLOSES)]),
        ("We will win, the minister said''", [(31, 31, NEVER_CLOSED)]),
        ("''We will win,'' said Thomas", [(1, 16, DOUBLED)]),
        ("”We will win,” she said", [(1, 1, OPENS)]),
    ],
)
def test_marks_at_the_ends_of_a_file_without_a_final_newline(text, expected):
    assert marks(text) == expected


def test_scan_quote_marks_pairs_as_a_reader_pairs_and_says_with_which_marks():
    text = "“One,” he said, \"two,\" and ”three“ and ''four,'' and “five"
    pairs, problems, left_open = scan_quote_marks(text, 0, len(text))
    # a mark turned the wrong way is read as the mark it stands for
    assert [(p.open_mark, p.close_mark) for p in pairs] == [("“", "”"), ('"', '"'), ("“", "”"), ("''", "''")]
    assert [(text[p.open], text[p.close]) for p in pairs] == [("“", "”"), ('"', '"'), ("”", "“"), ("'", "'")]
    assert [p.kind for p in problems] == ["wrong-way", "wrong-way", "doubled-single"]
    assert text[left_open] == "“" and left_open == text.rindex("“")


@pytest.mark.parametrize(
    ("text", "pairs", "problems"),
    [
        ('a 12" record', [], []),  # an inch mark: no quotation opens
        ('"', [], []),  # the text's only mark, at its start: it opens (left open)
        ('He left." Then', [], [(8, "stray-close")]),  # after a word's stop, before a space
        ('He left"', [], [(7, "stray-close")]),  # at the end of the text: a space is taken after it
        ('He left"! x', [], [(7, "stray-close")]),
        ('He left"x', [], []),  # before a letter: it opens
        ('(" x', [], []), ('[" x', [], []), ('{" x', [], []), ('—" x', [], []), ('–" x', [], []), ('-" x', [], []),
        ('/" x', [], []), (' " x', [], []),  # after a mark that opens or a space: it opens
        ('"a" "b"', [(0, 2, '"', '"'), (4, 6, '"', '"')], []),  # straight closes straight
        ('“a" x', [(0, 2, "“", '"')], [(2, "mixed")]),  # straight closes a curly quotation: another style
        ('"a” x', [(0, 2, '"', "”")], [(2, "mixed")]),
        ('"a\"s b"', [(0, 6, '"', '"')], [(2, "apostrophe")]),  # an apostrophe inside a quotation
    ],
)
def test_a_straight_mark_read_on_its_own_as_any_mark_is_read(text, pairs, problems):
    """The straight mark's own reading (the common mark, read first): inch marks, stray closings, openings and
    straight-closes-straight pairs as the reading of any mark gives them."""
    found_pairs, found_problems, _ = scan_quote_marks(text, 0, len(text))
    assert [tuple(p) for p in found_pairs] == pairs
    assert [(p.start, p.kind) for p in found_problems] == problems


# ---------------------------------------------------------------------------
# What the kind decides around the scanner: pages, tokens, furniture, paragraphs
# ---------------------------------------------------------------------------


def lines(text: str) -> list[tuple[int, str]]:
    report = lint_sources([("article.txt", text.encode("utf-8"))], compile_rules([RULE]))
    assert not report.errors, report.errors
    return [(f.location.line, f.message.removeprefix("Quotation marks: ")) for f in report.findings]


def test_text_split_into_tokens_is_not_read_for_quotation_marks():
    # a tokenizer's ``...'' and "Sox ' s", "was n't": marks no longer face their words
    tokens = "`` We will win , '' he said . The Sox ' s offer was n't huge .\n"
    assert lines(tokens) == []
    # one such sign is not yet tokenized text
    assert lines("`` We will win , '' he said . The offer was n't huge .\n") == [(1, DOUBLED)]


def test_a_caption_s_marks_go_with_it_and_the_article_s_are_still_read():
    text = (
        "Talks end in Paris\n\n"
        "Emmanuel Macron greets “Keir Starmer at the Elysee palace in Paris. REUTERS/Stephanie Lecocq\n\n"
        "“We will win,\" the minister said on Tuesday after the talks.\n"
    )
    assert lines(text) == [(5, 'a quotation opened with “ is closed with "')]


def test_a_quotation_running_on_past_a_caption_is_not_unclosed():
    text = (
        "Talks end in Paris\n\n"
        "The minister said: “We will not give up. The talks went on until midnight.\n\n"
        "Emmanuel Macron greets Keir Starmer at the Elysee palace in Paris. REUTERS/Stephanie Lecocq\n\n"
        "“We will meet again in Berlin,” she said.\n"
    )
    assert lines(text) == []
    assert lines(text.replace("\n\n“We will meet", "\n\nWe will meet").replace("Berlin,”", "Berlin,")) == [(3, NEVER_CLOSED)]


def test_a_quotation_left_open_is_judged_by_the_paragraph_after_it_not_before():
    text = (
        "“We will win,” the minister said on Tuesday.\n\n"
        "The minister added: “We will not give up. The talks went on until midnight.\n\n"
        "Leaders left Paris on Wednesday.\n"
    )
    assert lines(text) == [(3, NEVER_CLOSED)]


def test_a_stray_close_opening_the_next_paragraph_closes_the_quotation_above():
    # the second paragraph's first mark closes the first's quotation: a reader pairs them
    text = "The minister said: “We will not give up.\n\nThe talks went on until midnight,” she said. And they did.” Leaders left.\n"
    assert lines(text) == [(3, "a closing ” where no quotation is open")]


@pytest.mark.parametrize("opening", ["“yes”", '"yes"', "«yes»", "``yes''"])
def test_a_paragraph_that_opens_a_quotation_of_its_own_does_not_close_the_one_above(opening):
    text = f"The minister said: “We will not give up.\n\nShe said {opening} and the deal was done.” Leaders left.\n"
    assert (1, NEVER_CLOSED) in lines(text)


def test_a_custom_message_can_show_the_mark():
    rule = type(RULE)(RULE.id, RULE.kind, "{problem}: '{match}'", RULE.severity, "", RULE.examples, RULE.params)
    text = "The minister said: “We will not give up.\n\nLeaders left. “We will win,\" she said.\n"
    report = lint_sources([("a.txt", text.encode())], compile_rules([rule]))
    assert [f.message for f in report.findings] == [
        f"{NEVER_CLOSED}: '“'",
        "a quotation opened with “ is closed with \": '\"'",
    ]


def test_report_chooses_the_problems_and_an_unknown_one_is_an_error_at_its_line(tmp_path):
    from factlint.ruleset import load_rules as load
    from tests.conftest import house_rule, house_rule_error

    house_rule(tmp_path, "quotemarks", "report:\n  - mixed\n", "house-marks", message="{problem}")
    text = "''Yes,'' he said. “We will win,\" she said.\n"
    report = lint_sources([("a.txt", text.encode())], compile_rules(load([tmp_path])))
    assert [f.message for f in report.findings] == ['a quotation opened with “ is closed with "']

    assert house_rule_error(tmp_path, "quotemarks", "report:\n  - mixed\n  - curly\n", "house-marks") == (
        "rule 'house-marks': unknown quotation-mark problem 'curly' "
        "(known: doubled-single, mixed, wrong-way, apostrophe, unclosed, stray-close)",
        7,  # report:
    )
