"""The built-in figures rules at their edges (the mutation campaign of issue 22): a newsroom's
lexicon additions refused with the exact message, people's ages within an article and across a
story, and the comparisons' boundaries. Article text has the shape of agency and web copy; every
expected finding was worked out from the text as an editor reads it."""

from __future__ import annotations

import pytest

from test_figures import custom_rule, lint, story

from factlint.errors import FactlintError
from factlint.ruleset import compile_rules


def findings(rule: str, files: dict[str, str], **params) -> list[tuple]:
    """(path, line, column, message, [(related path, line, message)]) of each finding."""
    return [(f.path, f.location.line, f.location.column, f.message,
             [(r.location.path, r.location.line, r.message) for r in f.related])
            for f in lint(rule, files, **params)]


# --------------------------------------------------------------------------
# A newsroom's additions to the lexicon

KEYS = ("parts, scopes, rates, increments, hypothetical, background, generic_verbs, transparent, instance_nouns, "
        "directions, growing, static, synonyms, predicates, implied_things, event_things, tolls, verb_forms, "
        "tolerance, qualifiers")


@pytest.mark.parametrize(("lexicon", "problem"), [
    ({"colours": ["red"]}, f"unknown lexicon key 'colours' (keys: {KEYS})"),
    ({"background": "war"}, "lexicon 'background' must be a list of words or phrases"),
    ({"background": ["war", 3]}, "lexicon 'background' must be a list of words or phrases"),
    ({"synonyms": ["homes", "houses"]}, "lexicon 'synonyms' must be a mapping"),
    ({"predicates": {"killed": "dead"}}, "lexicon 'predicates' maps a group name to a list of words"),
    ({"predicates": {"killed": ["dead", 3]}}, "lexicon 'predicates' maps a group name to a list of words"),
    ({"event_things": {"dead": ["person"]}}, "lexicon 'event_things' maps a thing to [counted thing, event group]"),
    ({"event_things": {"dead": ["person", 3]}}, "lexicon 'event_things' maps a thing to [counted thing, event group]"),
    ({"event_things": {"dead": "person"}}, "lexicon 'event_things' maps a thing to [counted thing, event group]"),
    ({"tolerance": {"count": 2}}, "lexicon 'tolerance' maps a kind of figure to a number from 0 to 1"),
    ({"qualifiers": {"about": -0.1}}, "lexicon 'qualifiers' maps a kind of figure to a number from 0 to 1"),
    ({"tolerance": {"count": True}}, "lexicon 'tolerance' maps a kind of figure to a number from 0 to 1"),
    ({"tolerance": {"count": "5%"}}, "lexicon 'tolerance' maps a kind of figure to a number from 0 to 1"),
    ({"synonyms": {"homes": 3}}, "lexicon 'synonyms' maps words to words"),
    ({"implied_things": {"homes": ["houses"]}}, "lexicon 'implied_things' maps words to words"),
    ({"verb_forms": {"slew": None}}, "lexicon 'verb_forms' maps words to words"),
])
def test_a_bad_lexicon_addition_is_an_error_at_its_key(lexicon, problem):
    with pytest.raises(FactlintError) as caught:
        compile_rules([custom_rule("figure-mismatch", lexicon=lexicon)])
    assert caught.value.message == f"rule 'figure-mismatch': {problem}"
    assert (caught.value.path, caught.value.line) == ("rule.yaml", 8)  # the line of "lexicon:"


@pytest.mark.parametrize("lexicon", [
    {"tolerance": {"count": 0, "money": 1, "percent": 0.5}},  # both bounds included
    {"qualifiers": {"about": 0.2}},
    {"event_things": {"casualties": ["person", "killed"]}},
    {"predicates": {"killed": ["slain", "massacred"]}},
    {"background": ["in the war"], "synonyms": {"homes": "houses"}, "verb_forms": {"slew": "slay"}},
])
def test_good_lexicon_additions_are_taken(lexicon):
    assert compile_rules([custom_rule("figure-mismatch", lexicon=lexicon)])


def test_a_tolerance_addition_changes_what_disagrees():
    text = ("The storm destroyed 100 homes in the town, officials said.\n\n"
            "Officials later said the storm destroyed 104 homes.\n")
    assert len(lint("figure-mismatch", {"a.md": text})) == 1
    assert lint("figure-mismatch", {"a.md": text}, lexicon={"tolerance": {"count": 0.05}}) == []


# --------------------------------------------------------------------------
# People's ages within an article

def test_an_age_given_three_ways_in_one_article():
    text = ("Kevin Johnson, 25, was arrested.\n\nJohnson (24) was held overnight.\n\n"
            "Police said the 26-year-old Johnson was freed.\n")
    assert findings("age-mismatch", {"a.md": text}) == [
        ("a.md", 3, 10, "Says Johnson is 24, but line 1 says 25", [("a.md", 1, "says Kevin Johnson, 25")]),
        ("a.md", 5, 17, "Says Johnson is 26, but line 1 says 25",
         [("a.md", 1, "says Kevin Johnson, 25"), ("a.md", 3, "says Johnson, 24")]),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # titles are not part of the name; a name after the age
    ("Dr. Kevin Johnson, 25, was arrested.\n\nKevin Johnson, 26, was freed.\n",
     [("a.md", 3, 16, "Says Kevin Johnson is 26, but line 1 says 25", [("a.md", 1, "says Kevin Johnson, 25")])]),
    ("A 25-year-old Kevin Johnson was arrested.\n\nKevin Johnson, 26, was freed.\n",
     [("a.md", 3, 16, "Says Kevin Johnson is 26, but line 1 says 25", [("a.md", 1, "says Kevin Johnson, 25")])]),
    # a bare surname is the one person of that surname the article names
    ("Roberts, 46, declined to comment.\n\nJulia Roberts, 47, said so.\n",
     [("a.md", 3, 16, "Says Julia Roberts is 47, but line 1 says 46", [("a.md", 1, "says Roberts, 46")])]),
    # two people, a loose age, no person, the same age twice: nothing
    ("Kevin Johnson, 25, was arrested.\n\nMary Johnson, 24, his sister, was not.\n", []),
    ("Kevin Johnson, aged about 25, was arrested.\n\nKevin Johnson, 26, was freed.\n", []),
    ("Police, 25, said.\n\nThe officials (24) said.\n", []),
    ("Kevin Johnson, 25, was arrested. Johnson, 25, was held.\n", []),
    # a bare surname twice, no given name anywhere: one person
    ("Roberts, 46, declined to comment.\n\nRoberts, 47, said so later.\n",
     [("a.md", 3, 10, "Says Roberts is 47, but line 1 says 46", [("a.md", 1, "says Roberts, 46")])]),
    # hard-wrapped copy: the name is read on the age's own line ("Police Chief" is the line above)
    ("Officials named Police Chief\nJohn Smith, 45, as the head of the inquiry.\n\nJohn Smith, 46, resigned on Friday.\n",
     [("a.md", 4, 13, "Says John Smith is 46, but line 2 says 45", [("a.md", 2, "says John Smith, 45")])]),
])
def test_ages_within_an_article(text, expected):
    assert findings("age-mismatch", {"a.md": text}) == expected


# --------------------------------------------------------------------------
# People's ages across a story

def test_an_age_against_two_articles_names_the_count():
    files = {"a.md": story("Kevin Johnson, 25, was arrested on Tuesday.", "2024-05-01", "crash"),
             "b.md": story("Kevin Johnson, 25, was held.", "2024-05-02", "crash"),
             "c.md": story("Police said 24-year-old Kevin Johnson was held overnight.", "2024-05-02", "crash")}
    assert findings("age-mismatch", files) == [
        ("c.md", 5, 13, "Says Kevin Johnson is 24, but 2 other articles on this story say 25",
         [("a.md", 5, "says Kevin Johnson, 25"), ("b.md", 5, "says Kevin Johnson, 25")])]


@pytest.mark.parametrize(("first_date", "second_date", "reported"), [
    ("2024-05-01", "2024-05-02", "b.md"),
    ("2024-05-01", "2024-05-04", "b.md"),  # three days apart: max_days
    ("2024-05-01", "2024-05-05", None),    # four: the age may have changed
    ("2024-05-03", "2024-05-02", "a.md"),  # one against one: the later article is reported
])
def test_an_age_one_against_one_across_dated_articles(first_date, second_date, reported):
    files = {"a.md": story("Kevin Johnson, 25, was arrested on Tuesday.", first_date, "crash"),
             "b.md": story("Police said 24-year-old Kevin Johnson was held overnight.", second_date, "crash")}
    found = findings("age-mismatch", files)
    if reported is None:
        assert found == []
        return
    other, (age, other_age) = ("a.md", ("24", "25")) if reported == "b.md" else ("b.md", ("25", "24"))
    [(path, line, _column, message, related)] = found
    assert (path, line) == (reported, 5)
    assert message == f"Says Kevin Johnson is {age}, but 1 other article on this story says {other_age}"
    assert related == [(other, 5, f"says Kevin Johnson, {other_age}")]


def test_the_majority_age_across_a_story_and_the_outliers():
    files = {"a.md": story("Kevin Johnson, 25, was arrested. Kevin Johnson, 25, again.", "2024-05-01", "crash"),
             "b.md": story("Kevin Johnson, 24, was held.", "2024-05-01", "crash"),
             "c.md": story("Kevin Johnson, 24, was held.", "2024-05-01", "crash"),
             "d.md": story("Kevin Johnson, 26, was held.", "2024-05-01", "crash"),
             "e.md": story("Mary Johnson, 30, was not.", "2024-05-01", "crash")}
    against = [("b.md", 5, "says Kevin Johnson, 24"), ("c.md", 5, "says Kevin Johnson, 24")]
    assert findings("age-mismatch", files) == [
        ("a.md", 5, 16, "Says Kevin Johnson is 25, but 2 other articles on this story say 24", against),
        ("a.md", 5, 49, "Says Kevin Johnson is 25, but 2 other articles on this story say 24", against),
        ("d.md", 5, 16, "Says Kevin Johnson is 26, but 2 other articles on this story say 24", against),
    ]


def test_the_same_age_across_a_story_is_no_finding():
    files = {"a.md": story("Kevin Johnson, 25, was arrested.", "2024-05-01", "crash"),
             "b.md": story("Kevin Johnson, 25, was held.", "2024-05-02", "crash")}
    assert findings("age-mismatch", files) == []


@pytest.mark.parametrize(("tolerance", "reported"), [(0.01, True), (0.05, False)])
def test_the_rules_tolerance_overrides_the_lexicons(tolerance, reported):
    text = ("The storm destroyed 100 homes in the town, officials said.\n\n"
            "Officials later said the storm destroyed 104 homes.\n")  # 4% apart
    found = findings("figure-mismatch", {"a.md": text}, tolerance=tolerance)
    assert found == ([("a.md", 3, 42, "Says 104 homes, but line 1 says 100 homes",  # column 42: "104" (1-based)
                       [("a.md", 1, "says 100 homes here")])] if reported else [])


def test_a_story_needs_min_articles_giving_the_figure():
    files = {"a.md": story("The earthquake killed 10 people on Qeshm island, state television said."),
             "b.md": story("The earthquake on Qeshm island killed 13 people, officials said.")}
    assert findings("figure-disagreement", files) == [
        ("b.md", 4, 39, "Says 13 people killed, but 1 other article on this story says 10 people killed "
                        "(b.md is taken as the later: no dates, its path sorts after a.md)",
         [("a.md", 4, "says 10 people killed")])]
    assert findings("figure-disagreement", files, min_articles=3) == []


def test_the_facts_rule_without_a_facts_file_says_nothing():
    text = "The Coalition of the Willing met in Paris, with representatives of 30 countries attending.\n"
    assert findings("figure-contradicts-facts", {"a.md": text}) == []


# --------------------------------------------------------------------------
# Across a story: who is reported, with what count and note

QUAKE_10 = "The earthquake killed 10 people on Qeshm island, state television said."
QUAKE_10B = "A powerful earthquake on Qeshm island killed 10 people, officials said."
QUAKE_13 = "The earthquake on Qeshm island killed 13 people, officials said."
QUAKE_13B = "An earthquake on Qeshm island killed 13 people, the governor said."


def test_two_against_two_is_no_majority():
    files = {"a.md": story(QUAKE_10), "b.md": story(QUAKE_10B), "c.md": story(QUAKE_13), "d.md": story(QUAKE_13B)}
    related = [("a.md", 4, "says 10 people killed"), ("b.md", 4, "says 10 people killed")]
    message = "Says 13 people killed, but 2 other articles on this story say 10 people killed (no majority)"
    assert findings("figure-disagreement", files) == [("c.md", 4, 39, message, related),
                                                      ("d.md", 4, 38, message, related)]


def test_one_against_one_on_the_same_date_needs_no_note():
    files = {"a.md": story(QUAKE_10, "2005-11-27"), "b.md": story(QUAKE_13, "2005-11-27")}
    assert findings("figure-disagreement", files) == [
        ("b.md", 5, 39, "Says 13 people killed, but 1 other article on this story says 10 people killed",
         [("a.md", 5, "says 10 people killed")])]


def test_a_change_names_the_earlier_articles_and_their_dates():
    one = {"a.md": story(QUAKE_10, "2005-11-27"), "b.md": story(QUAKE_13, "2005-11-28"),
           "c.md": story(QUAKE_13B, "2005-11-29")}
    assert findings("figure-change", one) == [
        ("b.md", 5, 39, "Says 13 people killed (2005-11-28), where 1 earlier article on this story (2005-11-27) "
                        "says 10 people killed: the figure moved", [("a.md", 5, "says 10 people killed (2005-11-27)")])]
    two = {"a.md": story(QUAKE_10, "2005-11-27"), "b.md": story(QUAKE_10B, "2005-11-27"),
           "c.md": story(QUAKE_13B, "2005-11-29")}
    assert findings("figure-change", two) == [
        ("c.md", 5, 38, "Says 13 people killed (2005-11-29), where 2 earlier articles on this story (2005-11-27) "
                        "say 10 people killed: the figure moved",
         [("a.md", 5, "says 10 people killed (2005-11-27)"), ("b.md", 5, "says 10 people killed (2005-11-27)")])]


QUAKE = "The earthquake on Qeshm island killed {} people, officials said."


def test_four_tolls_all_different_are_each_set_against_the_earliest():
    files = {name: story(QUAKE.format(toll)) for name, toll in (("a.md", 10), ("b.md", 12), ("c.md", 13), ("d.md", 14))}
    assert findings("figure-disagreement", files) == [
        (path, 4, 39, f"Says {toll} people killed, but 1 other article on this story says 10 people killed "
                      f"({path} is taken as the later: no dates, its path sorts after a.md)",
         [("a.md", 4, "says 10 people killed")])
        for path, toll in (("b.md", 12), ("c.md", 13), ("d.md", 14))]


def test_two_outliers_that_disagree_with_each_other_and_the_majority():
    files = {name: story(QUAKE.format(toll))
             for name, toll in (("a.md", 10), ("b.md", 10), ("c.md", 13), ("d.md", 14), ("e.md", 10))}
    majority = [("a.md", 4, "says 10 people killed"), ("b.md", 4, "says 10 people killed"),
                ("e.md", 4, "says 10 people killed")]
    assert findings("figure-disagreement", files) == [
        ("c.md", 4, 39, "Says 13 people killed, but 3 other articles on this story say 10 people killed", majority),
        ("d.md", 4, 39, "Says 14 people killed, but 3 other articles on this story say 10 people killed", majority)]


KEVIN = [("a.md", 5, 16, "Says Kevin Johnson is 26, but line 3 says 25", [("a.md", 3, "says Kevin Johnson, 25")])]


@pytest.mark.parametrize(("text", "expected"), [
    # an age in months is no age in years to compare
    ("Police said 10-month-old Ava Jones was found safe.\n\nAva Jones, 1, was taken to hospital.\n", []),
    # an age passed over (months, no name, no person, a man unnamed) does not end the reading
    ("Police said 10-month-old Ava Jones was found.\n\nKevin Johnson, 25, was arrested.\n\nKevin Johnson, 26, was freed.\n",
     KEVIN),
    ("The victim, 25, died.\n\nKevin Johnson, 25, was arrested.\n\nKevin Johnson, 26, was freed.\n", KEVIN),
    ("Police, 25, said.\n\nKevin Johnson, 25, was arrested.\n\nKevin Johnson, 26, was freed.\n", KEVIN),
    ("Police said a 25-year-old man was held.\n\nKevin Johnson, 25, was arrested.\n\nKevin Johnson, 26, was freed.\n",
     KEVIN),
    ("Julia Roberts and Eric Roberts came.\n\nRoberts, 46, spoke.\n\nKevin Johnson, 25, was arrested.\n\n"
     "Kevin Johnson, 26, was freed.\n",
     [("a.md", 7, 16, "Says Kevin Johnson is 26, but line 5 says 25", [("a.md", 5, "says Kevin Johnson, 25")])]),
    # hard-wrapped copy: the name is on the age's own line, never the line above
    ("Officials named the head of the FBI\nJohn Smith, 45, as the new director.\n\nJohn Smith, 46, resigned.\n",
     [("a.md", 4, 13, "Says John Smith is 46, but line 2 says 45", [("a.md", 2, "says John Smith, 45")])]),
    ("Officials met on Monday.\nThey named Police Chief\nJohn Smith, 45, as head.\n\nJohn Smith, 46, resigned.\n",
     [("a.md", 5, 13, "Says John Smith is 46, but line 3 says 45", [("a.md", 3, "says John Smith, 45")])]),
    # other given names, or a bare surname no full name explains: other people
    ("John F. Kennedy, 46, spoke.\n\nRobert Kennedy, 42, listened.\n", []),
    ("Kevin Johnson, 25, was arrested.\n\nSmith, 30, was not.\n", []),
    # two people of one surname: each keeps his own ages
    ("Kevin Johnson, 25, was arrested.\n\nMary Johnson, 24, was not.\n\nKevin Johnson, 26, was freed.\n",
     [("a.md", 5, 16, "Says Kevin Johnson is 26, but line 1 says 25", [("a.md", 1, "says Kevin Johnson, 25")])]),
])
def test_which_ages_are_read_and_whose(text, expected):
    assert findings("age-mismatch", {"a.md": text}) == expected


def test_a_bare_surname_in_one_article_is_the_full_name_in_another():
    files = {"a.md": story("Roberts, 46, declined to comment.", "2024-05-01", "s"),
             "b.md": story("Julia Roberts, 47, said so.", "2024-05-02", "s")}
    assert findings("age-mismatch", files) == [
        ("b.md", 5, 16, "Says Julia Roberts is 47, but 1 other article on this story says 46", [("a.md", 5, "says Roberts, 46")])]


@pytest.mark.parametrize(("files", "expected"), [
    # a person already compared, one with no counterpart, one whose ages agree: the others are still compared
    ({"a.md": "Kevin Johnson, 25, was arrested.", "b.md": "Kevin Johnson, 24, and Mary Lee, 31, were held.",
      "c.md": "Mary Lee, 30, was freed."},
     [("b.md", 5, 16, "Says Kevin Johnson is 24, but 1 other article on this story says 25",
       [("a.md", 5, "says Kevin Johnson, 25")]),
      ("c.md", 5, 11, "Says Mary Lee is 30, but 1 other article on this story says 31", [("b.md", 5, "says Mary Lee, 31")])]),
    ({"a.md": "Tom Lee, 40, and Kevin Johnson, 25, were arrested.", "b.md": "Kevin Johnson, 24, was held."},
     [("b.md", 5, 16, "Says Kevin Johnson is 24, but 1 other article on this story says 25",
       [("a.md", 5, "says Kevin Johnson, 25")])]),
    ({"a.md": "Tom Lee, 40, and Kevin Johnson, 25, were arrested.", "b.md": "Tom Lee, 40, and Kevin Johnson, 24, were held."},
     [("b.md", 5, 33, "Says Kevin Johnson is 24, but 1 other article on this story says 25",
       [("a.md", 5, "says Kevin Johnson, 25")])]),
])
def test_every_person_of_a_story_is_compared(files, expected):
    assert findings("age-mismatch", {p: story(t, "2024-05-01", "s") for p, t in files.items()}) == expected


def house_rule(rule_id: str, message: str):
    """A newsroom's copy of a built-in figures rule with its own message."""
    import json

    from factlint.ruleset import parse_rule
    from factlint.yamlio import load_yaml

    from test_figures import RULES

    lines = [f"id: house-{rule_id}", "kind: figures", "severity: warning", f"message: {json.dumps(message)}",
             "description: test", "examples: {flag: [x], ok: [y]}", f"compare: {RULES[rule_id].params['compare']}"]
    return parse_rule(load_yaml("\n".join(lines) + "\n", "rule.yaml"), "rule.yaml")


def messages(rule, files: dict[str, str]) -> list[tuple[str, str]]:
    from factlint.linter import lint_sources

    report = lint_sources([(n, t.encode()) for n, t in sorted(files.items())], compile_rules([rule]), jobs=1)
    return [(f.path, f.message) for f in report.findings]


def test_an_age_rules_message_may_quote_the_name_as_match():
    rule = house_rule("age-mismatch", "{match}: {person} {age} vs {other}")
    assert messages(rule, {"a.md": "Kevin Johnson, 25, was arrested.\n\nKevin Johnson, 26, was freed.\n"}) == [
        ("a.md", "Kevin Johnson: Kevin Johnson 26 vs 25")]
    across = {"a.md": story("Kevin Johnson, 25, was arrested.", "2024-05-01", "s"),
              "b.md": story("Kevin Johnson, 24, was held.", "2024-05-01", "s")}
    assert messages(rule, across) == [("b.md", "Kevin Johnson: Kevin Johnson 24 vs 25")]


def test_the_outlier_side_counts_its_own_articles():
    kursk = "The Kursk went down with {} crew on board, a spokesman said."
    files = {f"{c}.md": story(kursk.format(118 if c in "abcd" else 236), name="kursk") for c in "abcdefg"}
    message = ("Says 236 crew aboard, but 4 other articles on this story say 118 crew aboard "
               "(2 other articles agree with this one)")
    assert [(p, m) for p, _l, _c, m, _r in findings("figure-disagreement", files)] == [
        ("e.md", message), ("f.md", message), ("g.md", message)]


def _mine(first: str, second: str, elsewhere: str) -> dict[str, str]:
    return {"a.md": story(f"The study calls for {first} ounces of silver per year being produced over the mine life.",
                          name="mine"),
            "b.md": story(f"The study calls for {second} ounces of silver per year being produced over the mine life.",
                          name="mine"),
            "c.md": story(f"It said production will average 41,000 ounces of gold and {elsewhere} ounces of silver "
                          "per year.", name="mine")}


def _deal(first: str, second: str, elsewhere: str) -> dict[str, str]:
    return {"a.md": story(f"The company said it would pay {first} for the plant, its chief executive said.", name="deal"),
            "b.md": story(f"The company said it would pay {second} for the plant, its chief executive said.", name="deal"),
            "c.md": story(f"Shares rose after it agreed to pay {elsewhere} for the plant and 3 mln dlrs in fees.",
                          name="deal")}


@pytest.mark.parametrize(("files", "reported", "related"), [
    # one against one; a third article gives one side's value elsewhere: it breaks the tie only when the value
    # is specific (three significant digits, or two with a counted thing)
    (_mine("198,000", "99,000", "99,000"), "a.md", ["b.md", "c.md"]),  # 99: two digits and silver
    (_mine("180,000", "90,000", "90,000"), "b.md", ["a.md"]),          # 9: one digit, even with silver
    (_mine("198,000", "99,000", "98,000"), "b.md", ["a.md"]),          # another value: no echo
    (_deal("$19.5 million", "$14.8 million", "$14.8 million"), "a.md", ["b.md", "c.md"]),  # 148: three digits
    (_deal("$19 million", "$14 million", "$14 million"), "b.md", ["a.md"]),  # 14: two digits, no counted thing
])
def test_a_specific_value_elsewhere_breaks_a_tie(files, reported, related):
    [(path, _line, _column, _message, found)] = findings("figure-disagreement", files)
    assert (path, sorted(p for p, _l, _m in found)) == (reported, related)


def test_every_placeholder_a_figures_rule_offers():
    """A newsroom's message may use each placeholder: the counted thing, each value and date given
    elsewhere (joined with "or" and commas), the note; an age rule has no thing and leaves it as written."""
    tolls = {"a.md": story(QUAKE.format(10), "2005-11-27"), "b.md": story(QUAKE.format(11), "2005-11-28"),
             "c.md": story(QUAKE.format(13), "2005-11-29")}
    change = house_rule("figure-change", "{match}|{thing}|{other}|{date}|{other_date}|{elsewhere}|{note}")
    assert messages(change, tolls) == [
        ("b.md", "11 people killed|person|10 people killed|2005-11-28|2005-11-27|"
                 "1 earlier article on this story (2005-11-27) says|"),
        ("c.md", "13 people killed|person|10 people killed or 11 people killed|2005-11-29|2005-11-27, 2005-11-28|"
                 "2 earlier articles on this story (2005-11-27, 2005-11-28) say|")]
    across = house_rule("figure-disagreement", "{match}|{thing}|{other}|{elsewhere}|{note}")
    assert messages(across, {"a.md": story(QUAKE_10), "b.md": story(QUAKE_10B), "c.md": story(QUAKE_13)}) == [
        ("c.md", "13 people killed|person|10 people killed|2 other articles on this story say|")]
    within = house_rule("figure-mismatch", "{match}|{thing}|{other}|{elsewhere}|{note}")
    text = ("The storm sank 5 ships on Monday.\n\nThe storm destroyed 100 homes in the town, officials said.\n\n"
            "Officials later said the storm destroyed 104 homes.\n")  # a fact told once first: still read on
    assert messages(within, {"a.md": text}) == [("a.md", "104 homes|home|100 homes|line 3 says|")]
    ages = house_rule("age-mismatch", "{person}|{age}|{other}|{elsewhere}|{note}|{thing}")
    assert messages(ages, {"a.md": "Kevin Johnson, 25, was arrested.\n\nKevin Johnson, 26, was freed.\n"}) == [
        ("a.md", "Kevin Johnson|26|25|line 1 says||{thing}")]


@pytest.mark.parametrize(("text", "expected"), [
    # two owners' debts, two quakes' magnitudes, two fleets' loads: other facts
    ("GAF has 416 mln dlrs of debt, the filing said.\n\nBorg-Warner's 1.2 billion dlrs of debt was cut.\n", []),
    ("A magnitude 6.1 earthquake struck the island on Sunday.\n\nA magnitude 6.4 earthquake struck the island on Monday.\n",
     []),
    ("Six ships are loading 120,000 tonnes of wheat.\n\nFour ships are loading 32,000 tonnes of wheat.\n", []),
    # several named subjects: a figure that names none could be any of theirs
    ("Smith won 20.5 pct of the vote.\n\nJones won 8 pct of the vote.\n\nThe winner won 12 pct of the vote.\n", []),
    ("Smith received 20 votes in the count.\n\nJones received 8 votes in the count.\n\n"
     "The winner received 12 votes in the count.\n", []),
    # one fact: a count, and a measure with its event and thing
    ("The storm destroyed 100 homes, officials said.\n\nThe storm destroyed 120 homes, the governor said.\n",
     [("a.md", 3, 21, "Says 120 homes, but line 1 says 100 homes", [("a.md", 1, "says 100 homes here")])]),
    ("Officials said 100 homes were destroyed.\n\nThe governor said 120 homes were destroyed.\n",
     [("a.md", 3, 19, "Says 120 homes, but line 1 says 100 homes", [("a.md", 1, "says 100 homes here")])]),
    ("The plant employs 300 workers.\n\nThe plant employs 350 workers, the union said.\n",
     [("a.md", 3, 19, "Says 350 workers employed, but line 1 says 300 workers employed",
       [("a.md", 1, "says 300 workers employed here")])]),
    ("Six ships are loading 120,000 tonnes of wheat at Portland.\n\n"
     "The ships are loading 130,000 tonnes of wheat at Portland, the report said.\n",
     [("a.md", 3, 23, "Says 130,000 tonnes of wheat, but line 1 says 120,000 tonnes of wheat",
       [("a.md", 1, "says 120,000 tonnes of wheat here")])]),
])
def test_what_is_one_fact_within_an_article(text, expected):
    assert findings("figure-mismatch", {"a.md": text}) == expected


def test_a_reported_figure_is_no_earlier_figure_for_the_next():
    text = ("The quake killed 10 people, officials said.\n\nThe quake killed 12 people, a hospital said.\n\n"
            "The quake killed 10 people, the governor said.\n")
    assert findings("figure-mismatch", {"a.md": text}) == [
        ("a.md", 3, 18, "Says 12 people killed, but line 1 says 10 people killed",
         [("a.md", 1, "says 10 people killed here")])]


def test_a_finding_lists_the_later_figures_that_agree_with_it():
    text = ("The quake killed 10 people, officials said.\n\nThe quake killed 12 people, a hospital said.\n\n"
            "The quake killed 12 people, the governor said.\n")
    found = findings("figure-mismatch", {"a.md": text})
    assert found[0] == ("a.md", 3, 18, "Says 12 people killed, but line 1 says 10 people killed",
                        [("a.md", 1, "says 10 people killed here"), ("a.md", 5, "also 12 people killed here")])
    # (line 5 is then reported again on its own: a duplicate report, told to issue 13; not asserted)


def test_the_others_values_told_two_ways_are_both_quoted():
    files = {"a.md": story("The earthquake on Qeshm island killed 10 people, officials said."),
             "b.md": story("Ten people were killed when the earthquake hit Qeshm island, officials said."),
             "c.md": story(QUAKE_13)}
    assert findings("figure-disagreement", files) == [
        ("c.md", 4, 39, "Says 13 people killed, but 2 other articles on this story say 10 people killed or "
                        "Ten people killed", [("a.md", 4, "says 10 people killed"), ("b.md", 4, "says Ten people killed")])]


def test_a_change_is_reported_once_at_the_first_article_giving_the_new_figure():
    files = {"a.md": story(QUAKE.format(10), "2005-11-27"), "b.md": story(QUAKE.format(13), "2005-11-28"),
             "c.md": story(QUAKE.format(13).replace("officials", "the governor"), "2005-11-29"),
             "d.md": story(QUAKE.format(15).replace("officials", "the governor"), "2005-11-30")}
    assert findings("figure-change", files) == [
        ("b.md", 5, 39, "Says 13 people killed (2005-11-28), where 1 earlier article on this story (2005-11-27) says "
                        "10 people killed: the figure moved", [("a.md", 5, "says 10 people killed (2005-11-27)")]),
        ("d.md", 5, 39, "Says 15 people killed (2005-11-30), where 3 earlier articles on this story (2005-11-27, "
                        "2005-11-28, 2005-11-29) say 10 people killed or 13 people killed: the figure moved",
         [("a.md", 5, "says 10 people killed (2005-11-27)"), ("b.md", 5, "says 13 people killed (2005-11-28)"),
          ("c.md", 5, "says 13 people killed (2005-11-29)")])]


def test_one_against_one_with_one_article_undated_says_which_is_taken_as_later():
    files = {"a.md": story(QUAKE_10, "2005-11-27"), "b.md": story(QUAKE_13)}  # undated articles come first
    [(path, _line, _column, message, _related)] = findings("figure-disagreement", files)
    # a.md sorts before b.md by path: the reason is b.md's missing date, not the path
    assert path == "a.md" and message.endswith("(a.md is taken as the later: b.md has no date)")


def test_one_against_one_on_two_dates_needs_no_reason():
    static = "The submarine Kursk sank with {} crew on board, the navy said."
    files = {"a.md": story(static.format(118), "2005-11-28"), "b.md": story(static.format(236), "2005-11-27")}
    [(path, _line, _column, message, _related)] = findings("figure-disagreement", files)
    assert (path, message) == ("a.md", "Says 118 crew aboard, but 1 other article on this story says 236 crew aboard")


def test_articles_are_ordered_by_date_not_path():
    files = {"a.md": story(QUAKE_13, "2005-11-27"), "b.md": story(QUAKE_10, "2005-11-26")}
    assert findings("figure-disagreement", files) == []  # a toll that grew between dates
    assert findings("figure-change", files) == [
        ("a.md", 5, 39, "Says 13 people killed (2005-11-27), where 1 earlier article on this story (2005-11-26) says "
                        "10 people killed: the figure moved", [("b.md", 5, "says 10 people killed (2005-11-26)")])]


def test_a_change_exactly_max_days_apart_is_still_compared():
    files = {"a.md": story(QUAKE.format(10), "2005-11-27"), "b.md": story(QUAKE.format(13), "2005-11-30")}
    assert [(p, m) for p, _l, _c, m, _r in findings("figure-change", files)] == [
        ("b.md", "Says 13 people killed (2005-11-30), where 1 earlier article on this story (2005-11-27) says "
                 "10 people killed: the figure moved")]


def test_what_cannot_change_with_time_is_compared_weeks_apart():
    kursk = "The Kursk went down with {} crew on board, a spokesman said."
    files = {"a.md": story(kursk.format(118), "2000-08-14", "kursk"), "b.md": story(kursk.format(236), "2000-08-30", "kursk")}
    assert findings("figure-disagreement", files) == [
        ("b.md", 5, 26, "Says 236 crew aboard, but 1 other article on this story says 118 crew aboard",
         [("a.md", 5, "says 118 crew aboard")])]


def test_articles_without_a_story_are_grouped_by_what_they_name():
    dated = {"a.md": "---\ndate: 2005-11-27\n---\n" + QUAKE_10 + "\n", "b.md": "---\ndate: 2005-11-27\n---\n" + QUAKE_13 + "\n"}
    assert findings("figure-disagreement", dated) == [
        ("b.md", 4, 39, "Says 13 people killed, but 1 other article on this story says 10 people killed",
         [("a.md", 4, "says 10 people killed")])]


def test_a_figure_no_other_article_gives_does_not_stop_the_reading():
    other = "The earthquake on Qeshm island damaged 300 homes and killed 13 people, officials said."
    files = {"a.md": story(QUAKE_10), "b.md": story(QUAKE_10B), "c.md": story(other)}
    assert findings("figure-disagreement", files) == [
        ("c.md", 4, 61, "Says 13 people killed, but 2 other articles on this story say 10 people killed",
         [("a.md", 4, "says 10 people killed"), ("b.md", 4, "says 10 people killed")])]


def test_the_same_figure_stated_twice_against_the_same_articles_is_reported_once():
    twice = QUAKE_13 + " The earthquake on Qeshm island killed 13 people."
    files = {"a.md": story(QUAKE_10 + " " + QUAKE_10), "b.md": story(QUAKE_10B + " " + QUAKE_10B), "c.md": story(twice)}
    assert findings("figure-disagreement", files) == [
        ("c.md", 4, 39, "Says 13 people killed, but 2 other articles on this story say 10 people killed",
         [("a.md", 4, "says 10 people killed"), ("b.md", 4, "says 10 people killed")])]


def test_a_headline_the_body_contradicts_is_named_as_the_headline():
    text = ("# Quake kills 10 in southern Iran\n\n"
            "A powerful earthquake hit southern Iran on Sunday, killing 12 people, officials said.\n")
    assert findings("figure-mismatch", {"a.md": text}) == [
        ("a.md", 3, 60, "Says 12 people killed, but the headline says 10 killed", [("a.md", 1, "says 10 killed here")])]


def test_two_rules_with_their_own_lexicons_read_an_article_each_their_way():
    from factlint.linter import lint_sources

    from test_figures import RULES

    text = "The storm destroyed 100 homes, officials said.\n\nThe storm destroyed 120 houses, the governor said.\n"
    rules = [RULES["figure-mismatch"], custom_rule("figure-mismatch", lexicon={"synonyms": {"houses": "homes"}})]
    report = lint_sources([("a.md", text.encode())], compile_rules(rules), jobs=1)
    assert [f.message for f in report.findings] == ["Says 120 houses, but line 1 says 100 homes"]  # the second rule's


def test_a_figure_without_a_thing_first_does_not_stop_the_comparison():
    text = ("Officials said 12 were missing.\n\nThe storm destroyed 100 homes, officials said.\n\n"
            "The storm destroyed 120 homes, the governor said.\n")
    assert findings("figure-mismatch", {"a.md": text}) == [
        ("a.md", 5, 21, "Says 120 homes, but line 3 says 100 homes", [("a.md", 3, "says 100 homes here")])]


def test_a_story_of_one_article_does_not_stop_the_next_story():
    files = {"a.md": story(QUAKE_10, name="aa"), "b.md": story(QUAKE_10), "c.md": story(QUAKE_13)}
    assert findings("figure-disagreement", files) == [
        ("c.md", 4, 39, "Says 13 people killed, but 1 other article on this story says 10 people killed "
                        "(c.md is taken as the later: no dates, its path sorts after b.md)", [("b.md", 4, "says 10 people killed")])]


# --------------------------------------------------------------------------
# A sum named again with "the" (figure-mismatch), session 6

PRICED = "The 1350 mln dlrs of notes were priced late yesterday.\n"


@pytest.mark.parametrize(("text", "line", "message"), [
    # the reference ends the sentence: nothing after it to define it
    ("In a statement, General Partners said it has contributed 250 mln dlrs in equity financing.\n\n"
     "The financing includes the 150 mln dlrs in equity.\n",
     3, "Says 150 mln dlrs in equity, but line 1 says 250 mln dlrs in equity"),
    # a sum with no thing, a sum in another currency and a sum of other things before it name no notes in dollars
    ("The offer is worth 2.23 billion dlrs, the company said.\n\nHoliday Inns sold 500 mln stg of notes in London.\n\n"
     "Drexel placed 400 mln dlrs of debentures in Tokyo.\n\nIt sold 900 mln dlrs of notes in New York.\n\n" + PRICED,
     9, "Says 1350 mln dlrs of notes, but line 7 says 900 mln dlrs of notes"),
])
def test_a_sum_named_again_with_the_names_the_one_sum_of_its_thing_and_currency(text, line, message):
    assert [(f[1], f[3]) for f in findings("figure-mismatch", {"a.md": text})] == [(line, message)]


@pytest.mark.parametrize("text", [
    # a count, not a sum: shares are counted in parts and blocks
    "The company has 22.3 mln shares outstanding.\n\nThe 38 mln shares were sold to Bond.\n",
    # a reference with no thing
    "Holiday Inns sold 900 mln dlrs of notes.\n\nThe 1350 mln dlrs were priced late yesterday.\n",
    # a plan, before or after
    "Holiday Inns sold 900 mln dlrs of notes.\n\nThe 1350 mln dlrs of notes would be sold next year if the rating holds.\n",
    "It plans to sell 900 mln dlrs of notes next year.\n\n" + PRICED,
    # one sentence
    "It has 900 mln dlrs of notes outstanding, and the 1350 mln dlrs of notes were priced yesterday.\n",
])
def test_a_sum_named_again_with_the_needs_a_sum_named_before_it(text):
    assert findings("figure-mismatch", {"a.md": text}) == []


def test_a_sum_reported_by_its_frame_is_not_reported_again_as_named_with_the():
    from factlint.document import parse_document

    from test_figures import RULES

    text = "The company paid 250 mln dlrs in cash for the stake.\n\nIt paid the 300 mln dlrs in cash on Monday.\n"
    [check] = compile_rules([RULES["figure-mismatch"]])
    # the check itself yields it once (the linter would also drop a finding made twice)
    assert [f.message for f in check.check(parse_document("a.md", text.encode()))] == [
        "Says 300 mln dlrs in cash, but line 1 says 250 mln dlrs in cash"]


def test_a_past_season_in_the_lead_of_one_report_may_have_moved():
    from test_figures import CROP_LEAD, SUNFLOWER

    files = {"a.md": story(CROP_LEAD.format("03-04") + SUNFLOWER.format("3.14"), "1987-03-04", "crop"),
             "b.md": story(SUNFLOWER.format("8.14"), "1987-03-11", "crop"),
             "c.md": story(CROP_LEAD.format("04-08") + SUNFLOWER.format("3.14"), "1987-04-08", "crop")}
    assert findings("figure-disagreement", files) == []


def test_a_bound_on_the_majority_side_seeks_no_echo():
    """One against one in a sentence sent again ("up to 300" / "390"): a bound states no one value, so
    the third report's "300 mln dlrs worth of Japanese goods" does not take its side."""
    from test_figures import tariff_story

    assert findings("figure-disagreement", tariff_story("up to 300", "390", "300")) == []


@pytest.mark.parametrize(("first", "second", "third", "reported"), [
    # "about 150 mln dlrs" is 150 as written: two digits and no counted thing, so "150 mln dlrs" told in
    # other words may meet it by chance; "about 152.5 mln dlrs" is specific, and its echo counts
    ("about 150", "about 190", "150", []),
    ("about 152.5", "about 192.5", "152.5", ["c.md"]),
])
def test_a_qualified_figure_is_specific_by_its_value_as_written(first, second, third, reported):
    from test_figures import TARIFFS

    files = {"a.md": story(f"Japan's exporters said the tariffs hit goods worth {third} mln dlrs.",
                           "1987-04-24", "tariffs"),
             "b.md": story(TARIFFS.format(first), "1987-04-26", "tariffs"),
             "c.md": story(TARIFFS.format(second), "1987-04-27", "tariffs")}
    assert [path for path, *_rest in findings("figure-disagreement", files)] == reported


@pytest.mark.parametrize(("text", "excluded"), [
    ("Athens was calm after three weeks of riots.", "elapsed"),
    ("Athens was calm after two months of riots.", "elapsed"),
    ("Athens was calm after four nights of riots.", "elapsed"),
    ("Athens was calm after two years of riots.", ""),  # a span of years is history, not a report's time
    ("Athens was calm after 36 hours of riots.", ""),
    ("Athens was calm after four days, and of riots nothing was left.", ""),  # "of" after a comma
    ("The riots went on for four days into next week.", "elapsed"),
    ("The riots went on for four days in Athens.", ""),
])
def test_a_span_still_going_on_is_of_days_weeks_or_months(text, excluded):
    from test_figures import frames

    [(_figure, _thing, _event, why)] = frames(text)
    assert why == excluded


def test_a_count_per_day_is_reported_with_the_figures_of_its_day():
    """Tuesday's one arrest and Wednesday's 46: the report that gives Wednesday 12 is compared with the
    one that names Wednesday (and not with Tuesday's); one against one, the rest of the story's 46
    echoes that side."""
    from test_figures import TUESDAY, protests

    files = protests(**{"b.md": TUESDAY, "f.md": "In East Flatbush, 12 were arrested Wednesday night."})
    assert findings("figure-disagreement", files) == [
        ("f.md", 4, 19, "Says 12 arrested, but 3 other articles on this story say 46 arrested or 46 arrests or "
                        "46 people arrested",
         [("c.md", 4, "says 46 arrested"), ("d.md", 4, "says 46 arrests"), ("e.md", 4, "says 46 people arrested")])]


def test_a_count_per_day_weighs_at_most_fifty_values_of_a_day():
    """A cost guard: Monday's 51st value is not weighed, so Monday's bounds, all agreeing with Tuesday's,
    leave the count one fact, and the report that names no day is still held to the others."""
    monday = " ".join(f"On Monday at least {n} people were arrested in East Flatbush." for n in range(1, 51))
    files = {"a.md": story(monday + " Three people were arrested in East Flatbush on Monday.", name="protests"),
             "b.md": story("On Tuesday at least 60 people were arrested in East Flatbush.", name="protests"),
             "c.md": story("In all, 46 people were arrested in East Flatbush.", name="protests"),
             "d.md": story("In all, 46 people were arrested in East Flatbush, police said.", name="protests"),
             "e.md": story("In all, 12 people were arrested in East Flatbush.", name="protests")}
    assert "e.md" in [path for path, *_rest in findings("figure-disagreement", files)]


# --------------------------------------------------------------------------
# Session 8: the events a paragraph marks, a statement bracketed by agreeing reports


@pytest.mark.parametrize(("first", "second", "one"), [
    ({("magnitude", 5.9)}, {("magnitude", 6.2)}, True),  # 0.3 apart: one quake told by two agencies
    ({("magnitude", 5.9)}, {("magnitude", 6.3)}, False),
    ({("magnitude", 5.2), ("magnitude", 5.6)}, {("magnitude", 5.6)}, True),  # a paragraph of both quakes
    ({("term", 7.0)}, {("term", 8.0)}, False),
    ({("term", 8.0)}, {("term", 8.0), ("magnitude", 6.1)}, True),  # kinds only one gives tell nothing
    ({("term", 8.0)}, {("magnitude", 6.1)}, True),
    (set(), {("term", 8.0)}, True),
])
def test_two_paragraphs_mark_one_event_when_every_kind_both_give_agrees(first, second, one):
    from factlint.figure_matching import _one_event

    assert _one_event(frozenset(first), frozenset(second)) is one
    assert _one_event(frozenset(second), frozenset(first)) is one


@pytest.mark.parametrize(("text", "marks"), [
    ("a magnitude of 6.1 was recorded", {("magnitude", 6.1)}),
    ("a 6.15 magnitude quake", set()),  # no magnitude is told to two decimals: not read as one
    ("an 8-year, $160 million contract", {("term", 8.0)}),
    ("an 8-year contract worth $160 million", set()),  # the length told apart from the sum
    ("in a 12-year, $250 million extension", {("term", 12.0)}),
])
def test_event_marks_at_their_edges(text, marks):
    from factlint.figure_frames import event_marks

    assert event_marks(text) == marks


def _maize(area: str, day: str, sentence: str | None = None) -> str:
    from test_figures import MAIZE_BASE

    return story((sentence or MAIZE_BASE).format(area), f"1987-{day}", "maize")


def test_a_bracketed_statement_needs_its_partners_to_agree_with_each_other():
    # March 4 and March 25 give two values: nothing says which the story holds
    from test_figures import MAIZE

    files = {"a.md": _maize("3.85", "03-04"), "b.md": _maize("8.85", "03-18", MAIZE), "c.md": _maize("2.85", "03-25")}
    assert findings("figure-disagreement", files) == []


def test_a_bracketed_statement_needs_a_report_on_each_side():
    from test_figures import MAIZE

    files = {"a.md": _maize("3.85", "03-04"), "b.md": _maize("3.85", "03-11"), "c.md": _maize("8.85", "03-18", MAIZE)}
    assert findings("figure-disagreement", files) == []
    # the same day is no side: a report of that day is compared as one of that day (a contradiction, the
    # later report's specific figure echoing it), not as one before it
    files = {"a.md": _maize("3.85", "03-18"), "b.md": _maize("8.85", "03-18", MAIZE), "c.md": _maize("3.85", "03-25")}
    assert [message for _path, _line, _column, message, _related in findings("figure-disagreement", files)] == [
        "Says 8.85 mln hectares, but 2 other articles on this story say 3.85 mln hectares"]


def test_a_bracketed_statement_is_reported_with_its_partners_in_date_order():
    from test_figures import MAIZE

    files = {"c.md": _maize("3.85", "03-04"), "b.md": _maize("8.85", "03-18", MAIZE), "a.md": _maize("3.85", "03-25")}
    [(path, _line, _column, message, related)] = findings("figure-disagreement", files)
    assert path == "b.md" and message.endswith("(reports before and after it agree)")
    assert [r[0] for r in related] == ["c.md", "a.md"]


@pytest.mark.parametrize("ending", [
    "rose to more than 450,000 tonnes.",  # a bound keeps no one value
    "rose to 450,000 tonnes a year.",  # a rate
    "rose to 450,000 tonnes of latex.",  # another counted thing than the story's figure
    "rose to 450,000 dlrs.",  # another kind of value
])
def test_a_statement_kept_in_other_words_keeps_its_kind_thing_and_plain_value(ending):
    from test_figures import rubber

    c = ("During the negotiations, consumers abandoned a proposal that the floor price be adjusted downward if the "
         "buffer stock, currently 360,000 tonnes, " + ending)
    assert findings("figure-disagreement", rubber(**{"c.md": c})) == []


# --------------------------------------------------------------------------
# Undated copy's stamps (session 9): which report is later, and a day another report names

def _toll(stamp: str, injured: int) -> str:
    return story(f"{stamp} Riots over austerity measures engulfed the streets of Athens.\n\n"
                 f"Police said {injured} people were injured in the riots.", name="athens")


@pytest.mark.parametrize(("second", "change"), [
    ("Thu May 6, 2010", True),  # the next day, no clocks: another day is enough
    ("Sat May 8, 2010", True),  # three days: max_days
    ("Sun May 9, 2010", False),  # four days: further apart than max_days, no change is read
])
def test_stamped_days_apart_up_to_max_days_tell_a_change(second: str, change: bool) -> None:
    files = {"a.md": _toll("Wed May 5, 2010", 12), "b.md": _toll(second, 18)}
    assert bool(findings("figure-change", files)) is change
    assert bool(findings("figure-disagreement", files)) is not change


def test_a_day_named_by_the_earlier_path_is_read_as_well() -> None:
    # the report that names its day sorts first by path: the pair is read both ways
    night = ("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM\n\nThe trouble Wednesday night began soon after more "
             "than 200 people set off from the vigil site.")
    monday = ("PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM\n\nStarting at about 8 p.m., nearly 100 people set off "
              "from the vigil site.")
    assert findings("figure-disagreement", {"a.md": story(night, name="vigil"), "b.md": story(monday, name="vigil")}) == []
    # both name their day: the weekdays themselves tell them apart, as before
    tuesday = monday.replace("Starting at about", "Tuesday, starting at about")
    assert findings("figure-disagreement", {"a.md": story(night, name="vigil"), "b.md": story(tuesday, name="vigil")}) == []


def test_a_dated_report_keeps_its_date_whatever_stamp_its_text_carries() -> None:
    # front matter wins: a.md dated the 6th is the later, though its text is stamped the 4th
    files = {"a.md": "---\nstory: athens\ndate: 2010-05-06\n---\nTue May 4, 2010 Riots engulfed Athens.\n\n"
                     "Police said 12 people were injured in the riots.\n",
             "b.md": "---\nstory: athens\ndate: 2010-05-05\n---\nWed May 5, 2010 Riots engulfed Athens.\n\n"
                     "Police said 18 people were injured in the riots.\n"}
    [(path, *_rest)] = findings("figure-disagreement", files)
    assert path == "a.md"


# --------------------------------------------------------------------------
# A range that runs backwards: its edges

@pytest.mark.parametrize(("text", "flagged"), [
    ("The offer lies between $200 million and $179 million.", True),
    ("The offer lies between $200 million and $180 million.", False),  # 10% below: market talk's reach
    ("Between $178 million and $110 million was offered.", True),  # no word before it
    ("The difference between $178 million and $110 million is the signing bonus.", False),
    ("The offer lies between $178 million in cash and $110 million.", False),  # not one range
    ("The offer lies between $178 million and 110 pct of last year's.", False),  # two kinds of value
    ("The rainfall was between 30 cm and 20 mm.", True),  # a measure, converted: 20 mm is 2 cm
    ("The rainfall was between 30 cm and 280 mm.", False),  # 28 cm: within 10%
    ("Police said between 300 and 200 people gathered.", False),  # a count: no unit of its own
])
def test_the_edges_of_a_backwards_range(text, flagged):
    assert bool(findings("figure-mismatch", {"a.md": text})) == flagged
