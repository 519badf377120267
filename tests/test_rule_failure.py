"""One rule that raises on an article never silences the others.

A newsroom's rule can fail on some text (here a pattern that backtracks
without end and runs out of its time); a kind can have a bug. The failing
rule is one stderr line naming the article and the rule, the run exits 2, and
every other rule's findings on that article are still reported.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import factlint.kinds.scopes
from tests.conftest import run_cli

RUNAWAY = r"""
id: runaway-pattern
kind: pattern
severity: warning
message: "Runaway '{match}'"
description: A newsroom's pattern that backtracks without end after one word.
patterns: ['RUNAWAY (?:[a-z ]|[a-z])*!!']
examples:
  flag: ["RUNAWAY now!!"]
  ok: ["Calm."]
"""

FAILING = (
    "Officials in Kiev said the talks would resume.\n\n"
    "RUNAWAY officials said the negotiations continued throughout the afternoon without agreement in brussels.\n\n"
    "0 comments\n"
)
FINE = "Aid reached Kiev on Monday, officials said.\n"


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(factlint.kinds.scopes, "REGEX_TIMEOUT", 0.05)  # the rule fails fast, as it would in 2 s
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "runaway.yaml").write_text(textwrap.dedent(RUNAWAY).lstrip())
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(FAILING)
    (folder / "b.md").write_text(FINE)
    return tmp_path


def by_file(out: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in json.loads(out)["findings"]:
        found.setdefault(Path(finding["path"]).name, set()).add(finding["rule"])
    return found


def assert_one_failure_and_the_rest(run) -> None:
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "a.md" in lines[0] and "runaway-pattern" in lines[0] and "a regex of the rule took more than" in lines[0], lines[0]
    found = by_file(run.out)
    assert {"preferred-place-names", "scraped-boilerplate"} <= found["a.md"]  # the failing article's other rules
    assert "preferred-place-names" in found["b.md"]
    assert "runaway-pattern" not in found["a.md"]


def test_the_other_rules_findings_on_the_article_are_reported(newsroom):
    run = run_cli("check", "articles", "--rules", "house-rules", "--format", "json", cwd=newsroom)
    assert_one_failure_and_the_rest(run)


def test_the_hook_reports_them_too(newsroom, monkeypatch):
    """``--corpus``: from the folder's stored state as from a full run."""
    import factlint.engine.folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(newsroom / "xdg-cache"))
    monkeypatch.setattr(factlint.engine.folder, "MIN_ARTICLES", 0)
    first = run_cli("check", "--corpus", "articles", "articles/a.md", "--rules", "house-rules", "--format", "json", cwd=newsroom)
    assert_one_failure_and_the_rest_of(first, "a.md")
    again = run_cli("check", "--corpus", "articles", "articles/a.md", "--rules", "house-rules", "--format", "json", cwd=newsroom)
    assert_one_failure_and_the_rest_of(again, "a.md")  # a failed rule's article is not served from the cache


def assert_one_failure_and_the_rest_of(run, name: str) -> None:
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "runaway-pattern" in lines[0], run.err
    assert {"preferred-place-names", "scraped-boilerplate"} <= by_file(run.out)[name]


def test_a_bug_in_a_kind_is_one_line_and_the_other_kinds_still_speak(tmp_path, monkeypatch):
    from factlint.kinds.substitution import SubstitutionCheck

    def broken(self, doc):
        raise KeyError("oops")

    monkeypatch.setattr(SubstitutionCheck, "check", broken)
    (tmp_path / "a.md").write_text(FAILING)
    run = run_cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == "factlint: a.md: internal error in rule 'preferred-place-names': KeyError: 'oops'"
    assert "scraped-boilerplate" in by_file(run.out)["a.md"]
