"""Malformed rule files: exit 2 with 'path:line: what is wrong', never a traceback."""

from __future__ import annotations

import textwrap

import pytest

GOOD = """\
id: no-breaking
kind: pattern
severity: warning
message: "Avoid '{match}'"
description: Breaking news banners are not part of the article.
tokens: [BREAKING]
examples:
  flag: ["BREAKING: talks end."]
  ok: ["Talks end."]
"""


def _rules_dir(tmp_path, text: str, name: str = "rule.yaml"):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text))
    return folder


def test_a_custom_rule_folder_adds_rules(cli, tmp_path):
    folder = _rules_dir(tmp_path, GOOD, "custom.yml")
    article = tmp_path / "a.md"
    article.write_text("BREAKING: talks end in Paris.\n")
    run = cli("check", str(article), "--rules", str(folder), "--select", "no-breaking")
    assert run.code == 1
    assert f"{article}:1:1: warning no-breaking Avoid 'BREAKING'" in run.out


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (("kind: pattern", "kind: patern"), 2, "unknown kind 'patern'"),
        (("tokens: [BREAKING]", "tokens: [BREAKING]\nwords: [x]"), 7, "unknown key 'words'"),
        (("severity: warning", "severity: fatal"), 3, "severity must be one of"),
        (("tokens: [BREAKING]", "patterns: ['(unclosed']"), 6, "invalid regex '(unclosed'"),
        (('message: "Avoid \'{match}\'"', 'message: "Avoid {word}"'), 4, "unknown placeholder {word}"),
        (("  ok: [\"Talks end.\"]", "  ok: []"), 7, "'examples' needs 'flag' and 'ok'"),
        (("id: no-breaking", "id: No Breaking"), 1, "'id' must be lowercase words"),
        (("tokens: [BREAKING]", "tokens: BREAKING"), 6, "'tokens' must be a list[str]"),
        (("flag: [\"BREAKING: talks end.\"]", "flag: [\"BREAKING: talks end.\""), 9, "invalid YAML"),
    ],
)
def test_malformed_rule_file(cli, tmp_path, change, line, expected):
    folder = _rules_dir(tmp_path, GOOD.replace(*change))
    run = cli("check", str(tmp_path), "--rules", str(folder))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1, run.err
    assert f"rule.yaml:{line}: " in run.err, run.err
    assert expected in run.err and "Traceback" not in run.err


def test_missing_required_key(cli, tmp_path):
    folder = _rules_dir(tmp_path, GOOD.replace("description: Breaking news banners are not part of the article.\n", ""))
    run = cli("rules", "--rules", str(folder))
    assert run.code == 2 and "rule.yaml:1: rule 'no-breaking': missing 'description'" in run.err


def test_duplicate_rule_id(cli, tmp_path):
    _rules_dir(tmp_path, GOOD, "a.yaml")
    folder = _rules_dir(tmp_path, GOOD, "b.yaml")
    run = cli("rules", "--rules", str(folder))
    assert run.code == 2 and "rule id 'no-breaking' is already defined" in run.err


def test_rule_id_clashing_with_a_builtin(cli, tmp_path):
    folder = _rules_dir(tmp_path, GOOD.replace("id: no-breaking", "id: scraped-boilerplate"))
    run = cli("rules", "--rules", str(folder))
    assert run.code == 2 and "already defined" in run.err


def test_not_a_mapping(cli, tmp_path):
    folder = _rules_dir(tmp_path, "- just\n- a list\n")
    run = cli("rules", "--rules", str(folder))
    assert run.code == 2 and "rule.yaml:1: a rule file must hold one YAML mapping" in run.err


def test_missing_rules_folder(cli, tmp_path):
    run = cli("check", str(tmp_path), "--rules", str(tmp_path / "nope"))
    assert run.code == 2 and "does not exist" in run.err
