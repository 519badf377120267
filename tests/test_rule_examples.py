"""Every rule's examples are its tests: 'flag' texts must be flagged, 'ok' texts left alone."""

from __future__ import annotations

import pytest

from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULES = load_rules([builtin_rules_dir()])


FACTS_FILE = "facts.yaml"  # in an example's files: the run's facts file, not an article


def _sources(example) -> list[tuple[str, bytes]]:
    if isinstance(example, str):
        return [("example.md", example.encode("utf-8"))]
    return [(name, text.encode("utf-8")) for name, text in sorted(example["files"].items()) if name != FACTS_FILE]


def _context(example, folder) -> dict:
    if isinstance(example, str) or FACTS_FILE not in example["files"]:
        return {}
    facts = folder / FACTS_FILE
    facts.write_text(example["files"][FACTS_FILE], encoding="utf-8")
    return {"facts": facts}


CASES = [
    pytest.param(rule, group, index, example, id=f"{rule.id}-{group}-{index}")
    for rule in RULES
    for group in ("flag", "ok")
    for index, example in enumerate(rule.examples[group])
]


@pytest.mark.parametrize(("rule", "group", "index", "example"), CASES)
def test_rule_example(rule, group, index, example, tmp_path):
    checks = compile_rules([rule], _context(example, tmp_path))
    report = lint_sources(_sources(example), checks)
    assert not report.errors, [str(e) for e in report.errors]
    found = [f for f in report.findings if f.rule == rule.id]
    if group == "flag":
        assert found, f"{rule.id} should flag example {index}: {example!r}"
    else:
        assert not found, f"{rule.id} should leave example {index} alone, got {[f.message for f in found]}"


def test_every_rule_has_examples_of_both_kinds():
    assert RULES
    for rule in RULES:
        assert rule.examples["flag"] and rule.examples["ok"], rule.id
