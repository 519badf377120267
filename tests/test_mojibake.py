"""The mojibake rule (kind encoding) as an editor uses it: the finding names the damaged
word as written and the text it stands for, --fix puts exactly that text in, a lost
character is guessed only where a reader can tell what it was, and damage at the very
start or end of a file is found like any other."""

from __future__ import annotations

import pytest

from factlint.fixes import fixed_text
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULE = next(rule for rule in load_rules([builtin_rules_dir()]) if rule.id == "mojibake")
LOST = "a character was lost in conversion (shown as �)"


def mojibake(text: str) -> list:
    report = lint_sources([("article.txt", text.encode("utf-8"))], compile_rules([RULE]))
    assert not report.errors, report.errors
    return report.findings


def fixed(text: str) -> str:
    return fixed_text(text, [edit for f in mojibake(text) for edit in f.fixes])[0]


@pytest.mark.parametrize(
    ("text", "message", "columns", "repaired"),
    [
        ("The report found Trumpâ€™s plan flawed.\n", "Encoding damage: 'Trumpâ€™s' is likely 'Trump’s'", (18, 26), "The report found Trump’s plan flawed.\n"),
        # damage at the very start of a file, and at its very end with no final newline
        ("Â£5 million was the fine set by the regulator.\n", "Encoding damage: 'Â£5' is likely '£5'", (1, 3), "£5 million was the fine set by the regulator.\n"),
        ("“Itâ€™s over,” she said.\n", "Encoding damage: '“Itâ€™s' is likely '“It’s'", (1, 7), "“It’s over,” she said.\n"),
        ("The fine was set by the cafÃ©", "Encoding damage: 'cafÃ©' is likely 'café'", (25, 29), "The fine was set by the café"),
        ("Trumpâ€™s plan was announced on Tuesday.", "Encoding damage: 'Trumpâ€™s' is likely 'Trump’s'", (1, 9), "Trump’s plan was announced on Tuesday."),
    ],
)
def test_the_damaged_word_is_named_and_fixed_exactly(text, message, columns, repaired):
    [found] = mojibake(text)
    assert found.message == message
    assert (found.location.column, found.location.end_column) == columns
    assert fixed(text) == repaired


def test_every_damaged_word_is_found_past_words_that_only_look_damaged_and_lost_characters():
    text = "The café’s owner lost 30bn� when Trumpâ€™s plan and the cafÃ© deal fell through.\n"
    found = mojibake(text)
    assert [f.message for f in found] == [
        f"Encoding damage in '30bn�': {LOST}",
        "Encoding damage: 'Trumpâ€™s' is likely 'Trump’s'",
        "Encoding damage: 'cafÃ©' is likely 'café'",
    ]
    assert fixed(text) == "The café’s owner lost 30bn� when Trump’s plan and the café deal fell through.\n"


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        # a closing quotation mark lost, its quotation open in the paragraph: a reader knows it was ”
        ("“We will win,� she said.\n\nThe talks went on.\n", "“We will win,” she said.\n\nThe talks went on.\n"),
        ("Leaders met.\n\nThe report found an “expectations gap�? among voters.\n\nThe talks went on.\n",
         "Leaders met.\n\nThe report found an “expectations gap” among voters.\n\nThe talks went on.\n"),
    ],
)
def test_a_lost_closing_quotation_mark_is_restored(text, repaired):
    assert fixed(text) == repaired


@pytest.mark.parametrize(
    "text",
    [
        # no quotation open in the paragraph of the lost character: nothing to tell what it was
        "The Greek deficit is 30bn� this year, officials said.\n",
        "Leaders met.\n\n“We will not give up, the minister said.\n\nThe Greek deficit is 30bn� this year.\n\nThe talks went on.\n",
        "“We will,” she said of the 30bn� cut.\n",
    ],
)
def test_a_lost_character_with_no_quotation_open_is_not_guessed(text):
    [found] = mojibake(text)
    assert found.message == f"Encoding damage in '30bn�': {LOST}" and not found.fixes
