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
