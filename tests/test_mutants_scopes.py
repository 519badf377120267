"""factlint.kinds.scopes, where the mutation campaign found it untested: the counted-repeat
scan that keeps ``a{1000000000}`` from compiling (issue 20's item 3), the character classes
it steps over, and the located errors ``compile_regex`` gives for a rule's bad regex.

A planted bug in these scans is a loop that never ends; each test here stops itself after a
few seconds (``stop_a_hang``) so such a bug fails the test instead of hanging the run.
"""

from __future__ import annotations

import signal
import textwrap

import pytest
import regex

from factlint.errors import FactlintError
from factlint.kinds.scopes import MAX_REPEAT, compile_regex, repeat_problem
from factlint.ruleset import parse_rule
from factlint.yamlio import load_yaml


@pytest.fixture(autouse=True)
def stop_a_hang():
    def hung(signum, frame):
        raise TimeoutError("the scan did not finish: a loop that never ends")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, 5.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def too_large(count: int) -> str:
    return f"counted repeats allow at most {MAX_REPEAT:,} (nested ones multiplied), not {count:,}"


# --- counted repeats -------------------------------------------------------------------------

@pytest.mark.parametrize("pattern", ["", "plain words", "a+b*", "a{", "a{}", "a{,}", "{", "x{abc}", None, 12])
def test_a_pattern_without_a_counted_repeat_is_fine(pattern):
    assert repeat_problem(pattern) is None


@pytest.mark.parametrize(
    "pattern, largest",
    [
        ("a{100001}", 100_001),
        ("a{,100001}", 100_001),  # only the upper bound given
        ("a{100001,}", 100_001),  # only the lower bound given
        ("a{3,100001}", 100_001),  # the larger of the two
        ("a{100001,3}", 100_001),
        ("(a{1000}){1000}", 1_000_000),  # nested repeats multiply
        ("(?:a{1000}){101}", 101_000),
        ("((a{10}){100}){101}", 101_000),  # three levels
        ("(a{0}){100001}", 100_001),  # a repeat of none still repeats the group
        ("(a|b{1000})c{2}(d{101}){1000}", 101_000),  # the largest group, not the sum
        ("(a{100001}", 100_001),  # a group never closed
        ("[x]{100001}", 100_001),  # a class is one atom
        ("\\d{100001}", 100_001),  # so is an escape
        ("[a-z]{400}(b{300})", 400),  # never mind: only over the limit is reported (below)
    ],
)
def test_the_largest_repeat_product_is_measured(pattern, largest):
    expected = too_large(largest) if largest > MAX_REPEAT else None
    assert repeat_problem(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        "a{100000}",  # at the limit
        "(a{1000}){100}",
        "a{1000}b{1000}",  # siblings do not multiply
        "(a{1000})b{1000}",  # the group's product is not carried to the next atom
        "(?:a{50000})(b{2})",
        "(a{60000}){1}",
        "(a{0}){60000}",  # a count of 0 is taken as 1, not 2
        "a{1000})b{1000}",  # a stray ")" closes nothing
        "(a{400}))){250}",  # the group closed, then strays: 400 * 1 * 250 is under the limit
        "\\{100001}",  # an escaped brace is a literal
        "a\\{100001}",
        "[{]100001}",
        "[a{100001}]",  # braces inside a class are literals
        "[]{100001}]",  # "]" first in a class is a literal: the class runs to the last "]"
        "[^]{100001}]",
        "[\\]{100001}]",  # an escaped "]" does not end the class
        "[[a]{100001}]",  # the regex module's nested set
        "[a\\\\]{1000}b{1000}",  # an escaped backslash, then the class ends
    ],
)
def test_repeats_within_the_limit_or_not_repeats_at_all_are_fine(pattern):
    assert repeat_problem(pattern) is None


@pytest.mark.parametrize(
    "pattern, largest",
    [
        ("[a]{100001}", 100_001),
        ("[^a]{100001}", 100_001),
        ("[]]{100001}", 100_001),  # the class is "]" alone, then the repeat
        ("[^]]{100001}", 100_001),
        ("[\\]]{100001}", 100_001),
        ("[[a]]{100001}", 100_001),
        ("[a]b{100001}", 100_001),
        ("[\\\\]{100001}", 100_001),  # the class holds a backslash; the brace is outside it
        ("a\\(b{1000}){101}", 1_000),  # an escaped "(" opens no group: ")" is a stray
    ],
)
def test_the_scan_steps_over_a_class_to_the_repeat_after_it(pattern, largest):
    expected = too_large(largest) if largest > MAX_REPEAT else None
    assert repeat_problem(pattern) == expected


def test_an_unclosed_class_ends_the_scan():
    assert repeat_problem("[a{100001}") is None  # the class never closes: the braces are in it
    assert repeat_problem("a{100001}[") == too_large(100_001)
    for ending in ("[", "[^", "[]", "[^]", "[\\", "[a\\"):  # a class cut short at the pattern's end
        assert repeat_problem("x{2}" + ending) is None, ending


# --- compile_regex: a rule's bad regex is an error at its key ----------------------------------

def rule_with(key_value: str):
    text = textwrap.dedent(
        """\
        id: house-phrase
        kind: pattern
        severity: warning
        message: "Avoid {match}"
        description: A house rule.
        KEY
        examples:
          flag: ["ab"]
          ok: ["cd"]
        """
    ).replace("KEY", key_value)
    return parse_rule(load_yaml(text, "house.yaml"), "house.yaml")


class _Check:
    """What compile_regex needs of a check: its rule, to locate the error."""

    def __init__(self, rule):
        self.rule = rule


def test_compile_regex_compiles_in_the_modules_version_0_with_the_flags_given():
    check = _Check(rule_with("patterns: [ab]"))
    folded = compile_regex(check, "patterns", "AB", regex.IGNORECASE)
    assert folded.flags & regex.V0 and folded.flags & regex.IGNORECASE
    assert folded.search("xaby") and not compile_regex(check, "patterns", "AB").search("xaby")


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("a{1000000000}", "regex 'a{1000000000}' in 'patterns': " + too_large(1_000_000_000)),
        ("(a{1000}){1000}", "regex '(a{1000}){1000}' in 'patterns': " + too_large(1_000_000)),
        ("(ab", "invalid regex '(ab' in 'patterns': "),
        ("(?V1)[[a]--[b]](?V0)", "invalid regex '(?V1)[[a]--[b]](?V0)' in 'patterns': "),  # ValueError, not regex.error
        ("x" * 79 + "(", "invalid regex '" + "x" * 79 + "(' in 'patterns': "),  # 80 characters: shown whole
        ("x" * 80 + "(", "invalid regex '" + "x" * 77 + "...' in 'patterns': "),  # 81: cut to 77 and "..."
        ("x" * 80 + "{100001}", "regex '" + "x" * 77 + "...' in 'patterns': " + too_large(100_001)),
    ],
)
def test_a_bad_regex_is_a_rule_error_at_its_key(pattern, message):
    rule = rule_with("patterns:\n  - ab")
    with pytest.raises(FactlintError) as caught:
        compile_regex(_Check(rule), "patterns", pattern)
    error = caught.value
    assert error.message.startswith("rule 'house-phrase': " + message), error.message
    assert (error.path, error.line) == ("house.yaml", rule.key_lines["patterns"]) and error.line == 6
