"""Every rule's examples are its tests: 'flag' texts must be flagged, 'ok' texts left alone.

The suite runs the built-in rules' examples one by one (a failure names the
example) and through ``factlint test-rules``, the command a newsroom runs on
its own rules.
"""

from __future__ import annotations

import pytest

from factlint.rule_examples import example_problem
from factlint.ruleset import builtin_rules_dir, load_rules

RULES = load_rules([builtin_rules_dir()])

CASES = [
    pytest.param(rule, group, index, example, id=f"{rule.id}-{group}-{index}")
    for rule in RULES
    for group in ("flag", "ok")
    for index, example in enumerate(rule.examples[group])
]


@pytest.mark.parametrize(("rule", "group", "index", "example"), CASES)
def test_rule_example(rule, group, index, example, tmp_path):
    problem = example_problem(rule, group, example, tmp_path)
    assert problem is None, f"{rule.id}: '{group}' example {index + 1} {problem}: {example!r}"


def test_every_rule_has_examples_of_both_kinds():
    assert RULES
    for rule in RULES:
        assert rule.examples["flag"] and rule.examples["ok"], rule.id


def test_the_built_in_rules_pass_test_rules(cli):
    run = cli("test-rules")
    assert run.code == 0, run.out + run.err
    examples = sum(len(r.examples[g]) for r in RULES for g in ("flag", "ok"))
    assert f"All {examples} examples of {len(RULES)} rules pass." in run.out


HOUSE_RULE = """\
id: no-banner
kind: pattern
severity: warning
message: "Remove the '{match}' banner"
description: Live-blog banners are page furniture.
scope: line
ignorecase: true
patterns: ['^\\s*breaking news\\s*$']
examples:
  flag:
    - "Talks end.\\n\\nBREAKING NEWS\\n"
    - "Developing story\\n"
  ok:
    - "Breaking news coverage continued, the editor said."
    - "BREAKING NEWS\\n"
"""


def test_test_rules_reports_each_failing_example_at_its_line(cli, tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "no-banner.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    run = cli("test-rules", "house", cwd=tmp_path)
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0] == "house/no-banner.yaml:12: rule 'no-banner': 'flag' example 2 is not flagged"
    assert lines[1].startswith("house/no-banner.yaml:15: rule 'no-banner': 'ok' example 2 is flagged (line 1: ")
    assert lines[2] == "2 of 4 examples of 1 rule failed."


def test_test_rules_takes_a_rule_file_and_passes_a_good_rule(cli, tmp_path):
    good = HOUSE_RULE.replace('    - "Developing story\\n"\n', "").replace('    - "BREAKING NEWS\\n"\n', "")
    (tmp_path / "good.yaml").write_text(good, encoding="utf-8")
    run = cli("test-rules", "good.yaml", cwd=tmp_path)
    assert (run.code, run.out) == (0, "All 2 examples of 1 rule pass.\n")


def test_test_rules_on_a_folder_without_rules_is_a_usage_problem(cli, tmp_path):
    run = cli("test-rules", str(tmp_path))
    assert run.code == 2 and "no rule files" in run.err
