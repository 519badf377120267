"""The text kinds (pattern, substitution) and the scopes they look in.

The built-in rules' examples show that each rule flags something; these pin
what a newsroom relies on when it writes its own: the message's words, case,
whitespace inside a phrase, exceptions, where each scope looks, and the error
a bad rule file gives.
"""

from __future__ import annotations

import textwrap

import pytest
import regex

import factlint.kinds.scopes
from factlint.document import parse_document
from factlint.errors import FactlintError
from factlint.kinds.scopes import iter_scope, matches_outside, words_pattern
from factlint.linter import lint_sources
from factlint.ruleset import compile_rules, parse_rule
from factlint.yamlio import load_yaml


def rule_of(text: str):
    """A rule from YAML as a newsroom writes it (examples are not run here)."""
    body = textwrap.dedent(text).strip() + '\nseverity: warning\ndescription: test\nexamples: {flag: ["x"], ok: ["y"]}\n'
    return parse_rule(load_yaml(body, "house.yaml"), "house.yaml")


def found(rule_yaml: str, article: str, name: str = "a.md") -> list[tuple[int, int, str]]:
    """(line, column, message) of each finding of the rule on the article."""
    report = lint_sources([(name, article.encode("utf-8"))], compile_rules([rule_of(rule_yaml)]), jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    return [(f.location.line, f.location.column, f.message) for f in report.findings]


def compile_error(rule_yaml: str) -> FactlintError:
    with pytest.raises(FactlintError) as err:
        compile_rules([rule_of(rule_yaml)])
    return err.value


# --- substitution -------------------------------------------------------------------

SWAP = """
id: house-style
kind: substitution
message: "Use '{preferred}' rather than '{match}'"
swap:
  Kiev: Kyiv
  the Ukraine: Ukraine
"""


def test_the_message_names_the_preferred_form_and_the_match():
    assert found(SWAP, "Officials in Kiev said aid reached the Ukraine.\n") == [
        (1, 14, "Use 'Kyiv' rather than 'Kiev'"),
        (1, 36, "Use 'Ukraine' rather than 'the Ukraine'"),
    ]


def test_a_phrase_matches_across_any_whitespace_and_keeps_its_preferred_form():
    assert found(SWAP, "Aid reached the\nUkraine and  the   Ukraine.\n") == [
        (1, 13, "Use 'Ukraine' rather than 'the Ukraine'"),  # the message shows the match on one line
        (2, 14, "Use 'Ukraine' rather than 'the Ukraine'"),
    ]


def test_case_matters_unless_the_rule_ignores_it():
    assert found(SWAP, "Officials in KIEV and kiev spoke.\n") == []
    assert found(SWAP + "ignorecase: true\n", "Officials in KIEV and kiev spoke.\n") == [
        (1, 14, "Use 'Kyiv' rather than 'KIEV'"),
        (1, 23, "Use 'Kyiv' rather than 'kiev'"),
    ]


def test_text_already_in_the_preferred_form_is_left_alone():
    rule = """
    id: lowercase-internet
    kind: substitution
    message: "Write '{preferred}', not '{match}'"
    ignorecase: true
    swap: {internet: internet}
    """
    assert found(rule, "The Internet and the internet.\n") == [(1, 5, "Write 'internet', not 'Internet'")]


def test_exceptions_follow_the_rules_case_setting():
    rule = SWAP + "ignorecase: true\nexceptions: ['chicken kiev']\n"
    assert found(rule, "They served Chicken Kiev in KIEV.\n") == [(1, 29, "Use 'Kyiv' rather than 'KIEV'")]


def test_each_scope_looks_only_where_it_says():
    article = "# Talks in Kiev\n\nOfficials in Kiev spoke.\n\n> Kiev, a reader wrote.\n"
    headings = found(SWAP + "scope: heading\n", article)
    assert [(line, column) for line, column, _ in headings] == [(1, 12)]
    paragraphs = found(SWAP + "scope: paragraph\n", article)
    assert [(line, column) for line, column, _ in paragraphs] == [(3, 14)]
    everywhere = found(SWAP, article)  # scope: text, the default
    assert [(line, column) for line, column, _ in everywhere] == [(1, 12), (3, 14), (5, 3)]


@pytest.mark.parametrize(
    ("swap", "expected"),
    [
        ("swap: {}", "'swap' must map each term to its preferred form (text: text)"),
        ("swap: {Kiev: 3}", "'swap' must map each term to its preferred form (text: text)"),
        ("swap: {Kiev: [Kyiv]}", "'swap' must map each term to its preferred form (text: text)"),
        ("swap: {3: Kyiv}", "'swap' must map each term to its preferred form (text: text)"),
    ],
)
def test_a_swap_that_is_not_text_to_text_is_a_rule_error_at_its_line(swap, expected):
    rule = f"id: house-style\nkind: substitution\nmessage: x\n{swap}\n"
    error = compile_error(rule)
    assert (error.path, error.line) == ("house.yaml", 4)
    assert error.message == f"rule 'house-style': {expected}"


def test_a_bad_exception_is_a_rule_error_naming_it():
    error = compile_error(SWAP + "exceptions: ['(chicken']\n")
    assert error.line == 7
    assert error.message.startswith("rule 'house-style': invalid regex '(chicken' in 'exceptions': missing )")


# --- pattern ----------------------------------------------------------------------------

BANNER = """
id: no-banners
kind: pattern
message: "Remove '{match}'"
"""


def test_tokens_are_whole_words_and_case_matters_unless_ignored():
    rule = BANNER + "tokens: [BREAKING]\n"
    assert found(rule, "BREAKING: talks end. Heartbreaking news. breaking news.\n") == [(1, 1, "Remove 'BREAKING'")]
    assert [c for _, c, _ in found(rule + "ignorecase: true\n", "BREAKING: talks. Heartbreaking. breaking news.\n")] == [1, 33]


def test_patterns_see_line_starts_inside_a_paragraph():
    rule = BANNER + "patterns: ['^Read more:.*$']\nscope: paragraph\n"
    article = "Talks ended on Tuesday.\nRead more: the full story\n"
    assert found(rule, article) == [(2, 1, "Remove 'Read more: the full story'")]


def test_tokens_and_patterns_together():
    rule = BANNER + "tokens: [BREAKING]\npatterns: ['\\d+ comments']\nscope: text\n"
    assert [m for _, _, m in found(rule, "BREAKING: talks end.\n\n12 comments\n")] == ["Remove 'BREAKING'", "Remove '12 comments'"]


def test_exceptions_leave_matches_inside_them_alone():
    rule = BANNER + "patterns: ['sponsored']\nignorecase: true\nexceptions: ['sponsored by the un']\n"
    assert [c for _, c, _ in found(rule, "Talks Sponsored by the UN ended. Sponsored content.\n")] == [34]


def test_a_pattern_rule_needs_tokens_or_patterns():
    error = compile_error("id: no-banners\nkind: pattern\nmessage: x\n")
    assert (error.line, error.message) == (2, "rule 'no-banners': kind pattern needs 'tokens' or 'patterns'")


def test_a_bad_pattern_is_named_alone():
    error = compile_error(BANNER + "patterns: ['fine', '(unclosed']\n")
    assert error.line == 4
    assert error.message.startswith("rule 'no-banners': invalid regex '(unclosed' in 'patterns': missing )")


def test_patterns_valid_alone_but_not_together_are_one_error_naming_the_alternation():
    """A verbose-mode comment runs to the end of the alternation it is put in."""
    error = compile_error(BANNER + "patterns: ['(?x) abc  # a note', 'def']\n")
    assert error.line == 4
    assert error.message.startswith(
        "rule 'no-banners': invalid regex '(?:(?x) abc  # a note)|(?:def)' in 'patterns': missing )"
    )


def test_a_bad_exception_of_a_pattern_rule_is_named():
    error = compile_error(BANNER + "tokens: [x]\nexceptions: ['[a-']\n")
    assert error.line == 5 and "invalid regex '[a-' in 'exceptions'" in error.message


# --- scopes -------------------------------------------------------------------------------

ARTICLE = "# Talks end\n\nLeaders met. They left\nat noon.\n\n> A quote here. Another.\n"


def spans(scope: str) -> list[str]:
    doc = parse_document("a.md", ARTICLE.encode())
    return [doc.text[s:e] for s, e in iter_scope(doc, scope)]


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("document", [ARTICLE]),
        ("line", ["# Talks end", "Leaders met. They left", "at noon.", "> A quote here. Another."]),
        ("sentence", ["Leaders met.", "They left\nat noon.", "> A quote here.", "Another."]),
        ("paragraph", ["Leaders met. They left\nat noon."]),
        ("heading", ["# Talks end"]),
        ("text", ["# Talks end", "Leaders met. They left\nat noon.", "> A quote here. Another."]),
    ],
)
def test_each_scope_spans(scope, expected):
    assert spans(scope) == expected


def test_matches_outside_skips_empty_matches_and_keeps_to_its_span():
    text = "aa x bb x cc x"
    assert [m.span() for m in matches_outside(regex.compile("x*"), [], text, 0, len(text))] == [(3, 4), (8, 9), (13, 14)]
    assert [m.span() for m in matches_outside(regex.compile("x"), [], text, 4, 10)] == [(8, 9)]


def test_matches_outside_looks_for_exceptions_only_inside_the_span():
    text = "chicken kiev and kiev"
    kiev, chicken = regex.compile("kiev"), regex.compile(r"chicken\s+kiev")
    assert [m.span() for m in matches_outside(kiev, [chicken], text, 0, len(text))] == [(17, 21)]
    assert [m.span() for m in matches_outside(kiev, [chicken], text, 8, len(text))] == [(8, 12), (17, 21)]
    assert [m.span() for m in matches_outside(kiev, [regex.compile("chicken ki")], text, 0, 16)] == [(8, 12)]  # not whole inside
    assert [m.span() for m in matches_outside(kiev, [regex.compile("kiev and")], text, 0, 12)] == [(8, 12)]  # past the span


@pytest.mark.parametrize("where", ["pattern", "exception"])
def test_a_runaway_regex_times_out(where, monkeypatch):
    monkeypatch.setattr(factlint.kinds.scopes, "REGEX_TIMEOUT", 0.05)
    runaway = regex.compile("RUNAWAY (?:[a-z ]|[a-z])*!!")
    # 24 letters: about 2 s of backtracking, 40 times the limit, so the limit must stop it; and
    # without the limit the search ends (no match) instead of running for ever
    text = "RUNAWAY officials said negotiation"
    pattern, exceptions = (runaway, []) if where == "pattern" else (regex.compile("o"), [runaway])
    with pytest.raises(TimeoutError):
        list(matches_outside(pattern, exceptions, text, 0, len(text)))


def test_words_pattern_prefers_the_longest_phrase_and_any_whitespace():
    pattern = regex.compile(words_pattern(["New York", "New York City", "U.S."]))
    assert [m.group() for m in pattern.finditer("New York City and New  York and U.S. and U.S.A.")] == [
        "New York City", "New  York", "U.S.",
    ]
    folded = regex.compile(words_pattern(["new york", "New York City"]), regex.IGNORECASE)
    assert folded.search("New York City").group() == "New York City"


@pytest.mark.parametrize("key", ["patterns", "exceptions"])
def test_a_pattern_regex_cannot_take_is_a_rule_error_not_an_internal_one(key):
    """``(?V1)`` asks for the regex module's other syntax, which rules do not use."""
    extra = "patterns: ['(?V1)a']\n" if key == "patterns" else "tokens: [x]\nexceptions: ['(?V1)a']\n"
    error = compile_error(BANNER + extra)
    assert error.line == (4 if key == "patterns" else 5)
    assert error.message.startswith(f"rule 'no-banners': invalid regex '(?V1)a' in '{key}': VERSION0 and VERSION1")


def test_a_case_sensitive_swap_may_give_each_case_its_own_form():
    rule = SWAP.replace("  Kiev: Kyiv\n", "  Kiev: Kyiv\n  KIEV: KYIV\n")
    assert [m for _, _, m in found(rule, "KIEV TALKS END\n\nOfficials in Kiev spoke.\n")] == [
        "Use 'KYIV' rather than 'KIEV'", "Use 'Kyiv' rather than 'Kiev'",
    ]


def test_a_case_sensitive_rules_exceptions_are_case_sensitive_too():
    rule = SWAP + "exceptions: ['chicken Kiev']\n"
    assert [c for _, c, _ in found(rule, "They served chicken Kiev and Chicken Kiev.\n")] == [38]


@pytest.mark.parametrize(
    ("scope", "lines"),
    [("heading", [3]), ("paragraph", [1, 5])],
)
def test_a_pattern_rule_looks_only_in_its_scope(scope, lines):
    rule = BANNER + f"tokens: [Kiev]\nscope: {scope}\n"
    article = "Officials in Kiev spoke.\n\n## Kiev talks\n\nKiev again.\n"
    assert [line for line, _, _ in found(rule, article)] == lines


# --- suggestions: what an editor offers as a quick fix ------------------------------------------


def suggested(rule_yaml: str, article: str, name: str = "a.md") -> list[tuple[str, tuple]]:
    """(matched text, suggestions) of each finding of the rule on the article."""
    report = lint_sources([(name, article.encode("utf-8"))], compile_rules([rule_of(rule_yaml)]), jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    return [(f.excerpt, f.suggestions) for f in report.findings]


def test_a_pattern_match_that_is_its_whole_line_is_offered_for_removal():
    rule = BANNER + "patterns: ['\\d+ comments', 'Subscribe now']\nscope: line\n"
    article = "Talks ended.\n\n  12 comments  \n\nRead this. Subscribe now for more.\n\nSubscribe now\n"
    found = suggested(rule, article)
    start = article.index("  12 comments")
    assert [s for _, s in found] == [
        ((start, article.index("Read this."), ""),),  # the line and the blank line after it
        (),  # inside a sentence: not removed
        ((article.rindex("\n\nSubscribe now"), len(article) - 1, ""),),  # the last line: with the blank line before it
    ]


def test_a_whole_line_is_judged_on_its_own_line_only():
    rule = BANNER + "patterns: ['Subscribe now']\nscope: line\n"
    found = suggested(rule, "Read this first.\nSubscribe now\nThen more.\n")
    assert found[0][1] != ()
    assert suggested(rule, "Read this first. Subscribe now\n")[0][1] == ()
    assert suggested(rule, "Subscribe now and then more.\n")[0][1] == ()
    assert suggested(rule, "Read this first.\nSubscribe now and then more.\n")[0][1] == ()  # what follows, on its own line
    assert suggested(rule, "Read this first.\n» Subscribe now\n")[0][1] == ()  # one mark before it
    assert suggested(rule, "Read this first.\nSubscribe now!")[0][1] == ()  # the last line, without a newline


def test_html_matches_are_not_offered_for_removal():
    rule = BANNER + "patterns: ['Subscribe now']\nscope: text\n"
    assert suggested(rule, "<body><p>Subscribe now</p></body>", "a.html")[0][1] == ()


def test_a_substitution_offers_its_preferred_form_where_the_match_is_written():
    article = "Officials in Kiev said so.\n"
    [(_, suggestions)] = suggested(SWAP, article)
    start = article.index("Kiev")
    assert suggestions == ((start, start + 4, "Kyiv"),)
    html = "<body><p>Aid reached the&#32;Ukraine and Kiev.</p></body>"
    offered = [s for _, s in suggested(SWAP, html, "a.html")]
    assert offered == [(), ((html.index("Kiev"), html.index("Kiev") + 4, "Kyiv"),)]  # an entity inside: none


def test_a_pattern_whose_counted_repeat_is_too_large_is_refused_before_the_alternation_compiles():
    # Compiled into the rule's alternation, a{200000} would be written out 200,000 times (and
    # a{1000000000} would take gigabytes): the pattern is refused alone, at its key, first.
    err = compile_error(
        """
        id: house-repeats
        kind: pattern
        message: "Avoid {match}"
        patterns:
          - fine
          - a{200000}
        """
    )
    assert err.message == (
        "rule 'house-repeats': regex 'a{200000}' in 'patterns': "
        "counted repeats allow at most 100,000 (nested ones multiplied), not 200,000"
    )
    assert (err.path, err.line) == ("house.yaml", 4)
