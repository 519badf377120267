"""Edges of the judgement kinds, each where a one-character bug would hide.

Planted in a copy of the code, each of these bugs survived the rest of the
suite (issue 22): a group of agreeing figures that lets in a figure agreeing
with only one member; "December 30" read as a year away from a January
article; placements on two named days read as one contradiction; a closing
attribution tag limited to 2 words; a paragraph that opens inside an earlier
quotation read as unbalanced; an edited paragraph of exactly the minimum
length not taken as continuing a repeated run. The tests go through the built-in rules on article text, so they
hold whatever the kinds' insides become.
"""

from __future__ import annotations

import pytest

from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULES = {rule.id: rule for rule in load_rules([builtin_rules_dir()])}


def lint(rule_ids: tuple[str, ...], files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    checks = compile_rules([RULES[r] for r in rule_ids])
    report = lint_sources([(name, text.encode("utf-8")) for name, text in sorted(files.items())], checks, jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    return [(f.path, f.location.line, f.rule, f.message) for f in report.findings]


def story(*texts: str, label: str = "quake") -> dict[str, str]:
    return {f"{i}.md": f"---\nstory: {label}\n---\n{text}\n" for i, text in enumerate(texts)}


# --- figures: a side is figures that all agree with each other ---------------------------


def test_a_figure_that_agrees_with_only_part_of_a_side_is_not_on_it():
    """"More than 30" agrees with 35 and with 50, but 35 and 50 do not agree: 50 is the outlier."""
    found = lint(("figure-disagreement",), story(
        "More than 30 people were killed in the earthquake, officials said.",
        "35 people were killed in the earthquake, officials said.",
        "50 people were killed in the earthquake, officials said.",
    ))
    assert [(path, rule) for path, _, rule, _ in found] == [("2.md", "figure-disagreement")]
    assert "Says 50 people killed" in found[0][3] and "35 people killed" in found[0][3]


# --- locations: the article's date and named days ----------------------------------------

ACROSS_THE_NEW_YEAR = (
    "Ministers met in Paris on December 30 to stabilise currencies.\n\n"
    "The meeting in Berlin ended without a deal.\n"
)


def test_a_date_days_before_new_year_is_the_same_instance_in_a_january_article():
    found = lint(("location-mismatch",), {"a.md": f"---\ndate: 1988-01-02\n---\n{ACROSS_THE_NEW_YEAR}"})
    assert [(line, rule) for _, line, rule, _ in found] == [(6, "location-mismatch")]
    assert "Berlin" in found[0][3] and "Paris" in found[0][3]


def test_the_same_date_months_from_the_article_is_another_instance():
    assert lint(("location-mismatch",), {"a.md": f"---\ndate: 1988-03-02\n---\n{ACROSS_THE_NEW_YEAR}"}) == []


def test_placements_on_two_named_days_are_two_rounds_not_a_contradiction():
    two_rounds = story(
        "Officials held talks in Geneva on Sunday.",
        "Officials held talks in Abu Dhabi on Monday.",
        "Officials held talks in Geneva on Sunday.",
        label="talks",
    )
    assert lint(("location-mismatch",), two_rounds) == []
    one_day = {name: text.replace("Monday", "Sunday") for name, text in two_rounds.items()}
    assert [path for path, _, _, _ in lint(("location-mismatch",), one_day)] == ["1.md"]


# --- attribution: a closing tag, and quotations continued from a paragraph before ----------

CROWD = "Some witnesses told police they heard shots, Police Chief Charles Craft said "


@pytest.mark.parametrize(
    ("rest", "flagged"),
    [
        ("", False),
        ("on Tuesday.", False),
        ("on Tuesday at a news conference in Troy.", False),  # 8 words after the tag's verb: still a closing tag
        ("on Tuesday at a crowded news conference in Troy.", True),  # 9: the sentence goes on; the crowd is not vouched for
    ],
)
def test_a_short_closing_tag_vouches_for_a_crowd(rest, flagged):
    found = lint(("weasel-words",), {"a.md": f"{CROWD}{rest}".strip() + "\n"})
    assert bool(found) == flagged, found
    if flagged:
        assert "vague crowd ('Some witnesses')" in found[0][3]


def test_a_paragraph_may_open_inside_a_quotation_begun_in_the_one_before():
    text = (
        "“We will rebuild,” the mayor said. “It will take years\n\n"
        "and a great deal of money.” The council met on Monday. "
        "“Nobody has come to help us in all these weeks since the flood.”\n"
    )
    found = lint(("unattributed-quotes",), {"a.md": text})
    assert [(line, rule) for _, line, rule, _ in found] == [(3, "unattributed-quotes")]
    assert "Nobody has come" in found[0][3]


# --- duplicates: an edited repeat of exactly the minimum length ------------------------------

MISSION = "The United States will lead a truce monitoring mission, while Britain plans military hubs across Ukraine."


@pytest.mark.parametrize(
    ("first", "edited", "message"),
    [
        (  # 15 words each, min_edited_words: the edited paragraph continues the repeated run
            "Leaders of European countries met in Paris on Tuesday to agree security guarantees for Kyiv.",
            "Leaders of European countries met in Paris on Tuesday and agreed security guarantees for Kyiv.",
            "Lines 7-9 repeat lines 1-3 of this article almost word for word (93% similar)",
        ),
        (  # 14 words each: too short to call an edited copy a repeat; the run is the first paragraph
            "Leaders of European countries met in Paris on Tuesday to agree guarantees for Kyiv.",
            "Leaders of European countries met in Paris on Tuesday and agreed guarantees for Kyiv.",
            "Line 7 repeats line 1 of this article word for word",
        ),
    ],
    ids=["15-words", "14-words"],
)
def test_an_edited_paragraph_continues_a_repeated_run_from_min_edited_words(first, edited, message):
    assert RULES["duplicate-passage"].params["min_edited_words"] == 15
    text = f"{MISSION}\n\n{first}\n\nThe talks lasted six hours.\n\n{MISSION}\n\n{edited}\n"
    assert lint(("duplicate-passage",), {"a.md": text}) == [("a.md", 7, "duplicate-passage", message)]
