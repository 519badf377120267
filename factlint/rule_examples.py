"""A rule's examples are its tests: every 'flag' text must be flagged, every 'ok' text left alone.

``factlint test-rules [DIR ...]`` runs them for a newsroom's own rules (the
built-in ones without a DIR) and reports each failing example at its line in
the rule file; the test suite runs them for the built-in rules. An example is
a text (read as a Markdown article) or ``files:`` (name: text) for checks
that compare articles; a file named ``facts.yaml`` there is the run's facts
file, not an article.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from factlint.errors import FactlintError
from factlint.kinds.base import Rule

FACTS_FILE = "facts.yaml"
GROUPS = ("flag", "ok")


@dataclass(frozen=True)
class ExampleFailure:
    """One example that does not do what its group says."""

    rule: Rule
    group: str
    index: int  # 1-based, as a person counts the examples in the file
    problem: str

    def error(self) -> FactlintError:
        lines = self.rule.example_lines.get(self.group) or []
        line = lines[self.index - 1] if len(lines) >= self.index else self.rule.line
        return FactlintError(f"rule '{self.rule.id}': '{self.group}' example {self.index} {self.problem}", self.rule.path, line)


def example_sources(example: Any) -> list[tuple[str, bytes]]:
    """The articles of an example, as (name, bytes)."""
    if isinstance(example, str):
        return [("example.md", example.encode("utf-8"))]
    return [(name, text.encode("utf-8")) for name, text in sorted(example["files"].items()) if name != FACTS_FILE]


def example_problem(rule: Rule, group: str, example: Any, scratch: Path) -> str | None:
    """What is wrong with one example of a rule (None: it does what its group says).

    The rule runs alone, with factlint's default settings, so an example means
    the same wherever it is run. ``scratch`` is a folder for the example's facts file.
    """
    from factlint.linter import lint_sources
    from factlint.ruleset import compile_rules

    context: dict[str, Any] = {}
    if not isinstance(example, str) and FACTS_FILE in example["files"]:
        facts = scratch / FACTS_FILE
        facts.write_text(example["files"][FACTS_FILE], encoding="utf-8")
        context["facts"] = facts
    checks = compile_rules([rule], context)
    report = lint_sources(example_sources(example), checks, jobs=1)
    if report.errors:
        return f"could not be checked: {report.errors[0]}"
    found = [f for f in report.findings if f.rule == rule.id]
    if group == "flag" and not found:
        return "is not flagged"
    if group == "ok" and found:
        first = found[0]
        return f"is flagged (line {first.location.line}: {first.message})"
    return None


def failing_examples(rules: Sequence[Rule]) -> Iterator[ExampleFailure]:
    """Every example of the rules that does not do what its group says, in order."""
    with tempfile.TemporaryDirectory(prefix="factlint-examples-") as scratch:
        for rule in rules:
            for group in GROUPS:
                for index, example in enumerate(rule.examples[group], 1):
                    problem = example_problem(rule, group, example, Path(scratch))
                    if problem is not None:
                        yield ExampleFailure(rule, group, index, problem)
