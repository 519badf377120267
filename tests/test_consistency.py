"""The consistency kind: a name or term spelled more than one way.

Listed groups (U.S. / US) across the folder; near-identical proper names
(Zelensky / Zelenskyy) within an article and a story. Which spelling is the
reference, what the message counts, and which pairs are two words, not one
misspelled.
"""

from __future__ import annotations

import textwrap

import pytest

from factlint.errors import FactlintError
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules, parse_rule
from factlint.yamlio import load_yaml

BUILTIN = {rule.id: rule for rule in load_rules([builtin_rules_dir()])}


def rule_of(text: str):
    body = textwrap.dedent(text).strip() + '\nseverity: warning\ndescription: test\nexamples: {flag: ["x"], ok: ["y"]}\n'
    return parse_rule(load_yaml(body, "house.yaml"), "house.yaml")


ABBREVIATIONS = """
id: abbreviations
kind: consistency
message: "'{match}' here, but '{preferred}' ({counts})"
groups:
  - [U.S., US]
  - [New York, NY]
"""


def found(files: dict[str, str], rule=None) -> list[tuple[str, int, int, str, list[tuple[str, int, int, str]]]]:
    """(path, line, column, message, related) of each finding."""
    rule = rule if rule is not None else rule_of(ABBREVIATIONS)
    sources = [(name, text.encode("utf-8")) for name, text in files.items()]
    report = lint_sources(sources, compile_rules([rule]), jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    return [
        (f.path, f.location.line, f.location.column, f.message,
         [(r.location.path, r.location.line, r.location.column, r.message) for r in f.related])
        for f in report.findings
    ]


# --- listed groups ----------------------------------------------------------------------


def test_within_one_article_the_message_counts_uses_there():
    assert found({"a.md": "The U.S. and France met.\n\nThe U.S. envoy left. Later the US delegation left.\n"}) == [
        ("a.md", 3, 32, "'US' here, but 'U.S.' (1 time against 2 times in this article)", [("a.md", 1, 5, "'U.S.' is used here")]),
    ]


def test_across_articles_the_spelling_more_articles_use_is_the_reference():
    files = {
        "a.md": "The U.S. said it would help.\n",
        "b.md": "Officials in the U.S. agreed.\n",
        "c.md": "The US said it would help. The US envoy agreed. The US left.\n",
    }
    assert found(files) == [
        ("c.md", 1, 5, "'US' here, but 'U.S.' ('US' 3 times in 1 article, 'U.S.' 2 times in 2 articles)",
         [("a.md", 1, 5, "'U.S.' is used here")]),
    ]


def test_each_other_article_is_reported_once_and_points_to_its_own_use_when_it_has_one():
    files = {
        "a.md": "The U.S. said it would help.\n",
        "b.md": "The U.S. agreed. The US envoy spoke.\n",
        "c.md": "The US said it would help.\n",
    }
    assert found(files) == [
        ("b.md", 1, 22, "'US' here, but 'U.S.' ('US' 2 times in 2 articles, 'U.S.' 2 times in 2 articles)",
         [("b.md", 1, 5, "'U.S.' is used here")]),
        ("c.md", 1, 5, "'US' here, but 'U.S.' ('US' 2 times in 2 articles, 'U.S.' 2 times in 2 articles)",
         [("a.md", 1, 5, "'U.S.' is used here")]),
    ]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("The US and the U.S. met.\n", "US"),  # a tie: the group's first spelling stands
        ("The US and the US and the U.S. met.\n", "U.S."),  # more uses win
        ("Flights to NY and New York resumed.\n", "NY"),  # a tie: 'New York' is listed first though it sorts after
    ],
)
def test_ties_go_to_more_uses_then_the_listed_first_spelling(text, reported):
    [(_, _, _, message, _)] = found({"a.md": text})
    assert message.startswith(f"'{reported}' here")


def test_a_spelling_of_several_words_matches_across_any_spaces():
    [(path, line, column, message, _)] = found({"a.md": "Flights to New  York and New York resumed. NY officials agreed.\n"})
    assert (line, column) == (1, 44) and message.startswith("'NY' here, but 'New York' (1 time against 2 times")


def test_all_caps_lines_are_not_read_and_case_matters_unless_ignored():
    assert found({"a.md": "THE US AND FRANCE MET\n\nThe U.S. envoy spoke first.\n"}) == []
    assert found({"a.md": "The U.S. met us.\n"}) == []
    ignoring = rule_of(ABBREVIATIONS + "ignorecase: true\n")
    [(_, _, column, message, _)] = found({"a.md": "The U.S. envoy and the U.S. team met us.\n"}, ignoring)
    assert column == 38 and message.startswith("'US' here, but 'U.S.' (1 time against 2 times")  # counted as the listed 'US'



def test_exceptions_are_not_counted():
    rule = rule_of(ABBREVIATIONS + "exceptions: ['US ?\\$']\n")
    assert found({"a.md": "The U.S. paid US$160 million.\n"}, rule) == []
    assert len(found({"a.md": "The U.S. paid US$160 million.\n"})) == 1


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ("", 2, "kind consistency needs 'groups' or 'auto_names: true'"),
        ("groups: [[US]]", 4, "each entry of 'groups' must list two or more spellings"),
        ("groups: [US, U.S.]", 4, "each entry of 'groups' must list two or more spellings"),
        ("groups: [[US, '']]", 4, "each entry of 'groups' must list two or more spellings"),
        ("groups: [[US, 3]]", 4, "each entry of 'groups' must list two or more spellings"),
        ("auto_names: true\ndistinct: [Brazil]", 5, "each entry of 'distinct' must list names"),
        ("auto_names: true\ndistinct: [[Brazil, 3]]", 5, "each entry of 'distinct' must list names"),
        ("groups: [[US, U.S.]]\nexceptions: ['(']", 5, "invalid regex '(' in 'exceptions'"),
    ],
)
def test_rule_errors_at_their_line(extra, line, message):
    with pytest.raises(FactlintError) as err:
        compile_rules([rule_of(f"id: spellings\nkind: consistency\nmessage: x\n{extra}\n")])
    assert err.value.line == line
    assert err.value.message == f"rule 'spellings': {message}" or err.value.message.startswith(f"rule 'spellings': {message}: ")


# --- name variants (auto_names) ----------------------------------------------------------


def story(*texts: str) -> dict[str, str]:
    return {f"{n}.md": f"---\nstory: talks\n---\n{text}\n" for n, text in enumerate(texts)}


def names(files: dict[str, str]) -> list[tuple[str, str]]:
    """(path, the spelling reported) of each name-variants finding."""
    return [(path, message.split("'")[1]) for path, _, _, message, _ in found(files, BUILTIN["name-variants"])]


def test_a_name_spelled_two_ways_in_a_story_is_reported_where_it_is_rare():
    files = story(
        "Ukrainian President Volodymyr Zelenskyy spoke in Paris.",
        "Ukrainian President Volodymyr Zelenskyy met Macron in Paris.",
        "Ukrainian President Volodymyr Zelensky met Macron in Paris.",
    )
    assert found(files, BUILTIN["name-variants"]) == [
        ("2.md", 4, 31, "'Zelensky' here, but 'Zelenskyy' elsewhere on this story "
         "('Zelensky' 1 time in 1 article, 'Zelenskyy' 2 times in 2 articles)", [("0.md", 4, 31, "'Zelenskyy' is used here")]),
    ]


def test_name_variants_are_compared_within_a_story_only():
    files = {
        "a.md": "---\nstory: one\n---\nPresident Volodymyr Zelenskyy spoke.\n",
        "b.md": "---\nstory: two\n---\nPresident Volodymyr Zelensky spoke.\n",
    }
    assert names(files) == []


@pytest.mark.parametrize(
    "pair",
    [
        ("Russia", "Russian"),  # an added letter: another word
        ("Somalis", "Somalia"),  # same stem, another ending
        ("Killed", "Killer"),
        ("Organisation", "Organization"),  # British and American spelling
        ("Brazil", "Brasil"),  # listed as distinct
        ("Wallace", "Vallace"),  # the first three letters differ
        ("Abramov", "Abramovs"),  # an added s
        ("Harris", "Harriss"),  # a doubled s: a plural, not a spelling
        ("Romano", "Romany"),  # another ending on one side
    ],
)
def test_pairs_that_are_two_words_are_left_alone(pair):
    first, second = pair
    files = story(f"The talks with {first} officials went on.", f"The talks with {first} officials went on.",
                  f"The talks with {second} officials went on.")
    assert names(files) == []


def test_a_doubled_last_letter_is_one_name_misspelled():
    files = story("Talks with Mr Hartmann ended.", "Talks with Mr Hartmann ended.", "Talks with Mr Hartman ended.")
    assert names(files) == [("2.md", "Hartman")]


def test_names_shorter_than_min_name_length_are_not_compared():
    files = story("Talks with Mr Adamm ended.", "Talks with Mr Adamm ended.", "Talks with Mr Adam ended.")
    assert names(files) == []
    rule = rule_of("id: names\nkind: consistency\nmessage: \"'{match}' or '{preferred}'\"\nauto_names: true\nmin_name_length: 4\n")
    assert [m.split("'")[1] for _, _, _, m, _ in found(files, rule)] == ["Adam"]


def test_a_capitalised_word_that_only_opens_sentences_is_not_a_name():
    files = story("Killed were three soldiers.", "Killed were three soldiers.", "Killedd were three soldiers.")
    assert names(files) == []
    quoted = story("“Killed were three,” he said.", "“Killed were three,” he said.", "“Killedd were three,” he said.")
    assert names(quoted) == []
    straight = story('"Killed were three," he said.', '"Killed were three," he said.', '"Killedd were three," he said.')
    assert names(straight) == []


def test_two_spellings_each_used_repeatedly_in_one_article_are_two_people():
    files = story("Martin spoke to Marvin. Then Martin and Marvin left together.",
                  "Martin spoke to Marvin. Then Martin and Marvin left together.")
    assert names(files) == []


@pytest.mark.parametrize(
    ("known", "another", "misspelt", "reported"),
    [  # the names beside a surname (after it, or before it at the line's start) tell two people apart
        ("Officials met Philip Hickok on Monday.", "Officials met Phillip Stirling on Monday.",
         "Officials met Phillip Hickok on Monday.", "Phillip"),
        ("Joe Hickok met officials on Monday.", "Anna Hickock met officials on Monday.",
         "Joe Hickock met officials on Monday.", "Hickock"),
    ],
)
def test_two_spellings_always_beside_other_names_are_two_people(known, another, misspelt, reported):
    assert names(story(known, known, another)) == []
    assert names(story(known, known, misspelt)) == [("2.md", reported)]


def test_a_hyphenated_prefix_is_not_a_name():
    files = story("The Hartmann-U.S. deal ended.", "The Hartmann-U.S. deal ended.", "The Hartman-U.S. deal ended.")
    assert names(files) == []


def test_a_letter_changed_inside_a_name_is_one_name_misspelled():
    files = story("Talks with Mohammed Ali ended.", "Talks with Mohammed Ali ended.", "Talks with Mohammad Ali ended.")
    assert names(files) == [("2.md", "Mohammad")]


def test_a_name_counts_once_per_use_over_several_lines():
    files = story("President Zelenskyy spoke.\nPresident Zelenskyy left.", "President Zelenskyy met Macron.",
                  "President Zelensky met Macron.\nLater Zelensky left.")
    [(_, _, _, message, _)] = found(files, BUILTIN["name-variants"])
    assert message.endswith("('Zelensky' 2 times in 1 article, 'Zelenskyy' 3 times in 2 articles)")


def test_a_spelling_first_seen_opening_a_sentence_still_counts_when_used_mid_sentence_later():
    files = story("Officials said President Zelenskyy spoke.", "Officials said President Zelenskyy met Macron.",
                  "Zelensky met Macron. Then President Zelensky left.")
    assert names(files) == [("2.md", "Zelensky")]


def test_a_spelling_used_repeatedly_beside_a_rare_one_in_an_article_is_one_name():
    files = story("Officials said Martin spoke to reporters. Later Martin left and then Marvin stayed on.")
    assert names(files) == [("0.md", "Marvin")]


def test_at_most_eight_neighbours_of_a_name_are_kept():
    firsts = ["Adam", "Bill", "Carl", "Dave", "Earl", "Fred", "Gary", "Hank", "Ivan"]
    files = story(" ".join(f"Officials met {first} Hickok." for first in firsts), "Officials met Ivan Hickock.")
    assert names(files) == []  # 'Ivan' is the ninth neighbour of Hickok: not kept, so none is shared


def test_an_all_caps_line_inside_a_paragraph_is_skipped_and_the_lines_after_it_read():
    [(path, line, _, message, _)] = found({"a.md": "The U.S. envoy spoke\nNATO AND THE EU\nand the US team left.\n"})
    assert line == 3 and message.startswith("'US' here")


def test_the_excerpt_is_the_line_of_the_use():
    rule = rule_of(ABBREVIATIONS)
    report = lint_sources([("a.md", b"The U.S. envoy spoke on Monday.\n\nLater the US team left.\n")], compile_rules([rule]), jobs=1)
    [finding] = report.findings
    assert finding.excerpt == "Later the US team left."


def test_an_article_without_the_reference_spelling_points_to_the_earliest_article_using_it():
    files = {
        "a.md": "---\ndate: 2025-03-02\n---\nThe U.S. said it would help.\n",
        "b.md": "---\ndate: 2025-03-01\n---\nOfficials in the U.S. agreed.\n",
        "c.md": "---\ndate: 2025-03-03\n---\nThe US said it would help.\n",
    }
    [(path, _, _, _, related)] = found(files)
    assert path == "c.md" and related == [("b.md", 4, 18, "'U.S.' is used here")]


def test_the_reference_is_the_spelling_more_articles_of_the_whole_folder_use():
    """In a story of three, two articles write 'Zelensky'; across the folder 'Zelenskyy' is in four."""
    files = {
        **{f"a{n}.md": f"---\nstory: talks\n---\nPresident {name} met Macron in Paris.\n"
           for n, name in enumerate(["Zelensky", "Zelensky", "Zelenskyy"])},
        **{f"b{n}.md": f"---\nstory: aid\n---\nAid reached Kyiv, President Zelenskyy said on day {n}.\n" for n in range(3)},
    }
    assert sorted(names(files)) == [("a0.md", "Zelensky"), ("a1.md", "Zelensky")]


def test_two_names_each_misspelled_are_two_clusters():
    files = story("Officials said Zelenskyy met Hartmann.", "Officials said Zelenskyy met Hartmann.",
                  "Officials said Zelensky met Hartman.", "Officials said Hickok and Hickok left.", "Officials said Hickox left.")
    assert sorted(names(files)) == [("2.md", "Hartman"), ("2.md", "Zelensky"), ("4.md", "Hickox")]
    [check] = compile_rules([BUILTIN["name-variants"]])
    from factlint.document import parse_document

    per_article = {name: check.extract(parse_document(name, text.encode()))["names"] for name, text in files.items()}
    assert sorted(map(sorted, check.name_clusters(per_article))) == [
        ["Hartman", "Hartmann"], ["Hickok", "Hickox"], ["Zelensky", "Zelenskyy"],
    ]
