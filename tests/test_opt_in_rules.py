"""Opt-in rules: a rule too noisy on real copy for the default set runs only when selected by its id.

``unattributed-quotes`` is the built-in one (issue 15: an editor acted on 20-46% of its findings on
real web copy). A newsroom's own rule can be opt-in the same way (``opt_in: true``).
"""

from __future__ import annotations

import json

from conftest import house_rule

from factlint.ruleset import builtin_rules_dir, load_rules
from factlint.workspace import selected

# A quotation with no one near it (unattributed-quotes), and an anonymous source (anonymous-sources).
STORY = (
    "The council met on Monday to discuss the budget.\n\n"
    "“We cannot keep cutting the libraries every single year,” was heard in the hall.\n\n"
    "A senior official said the vote would be close.\n"
)


def _rules_found(run) -> set[str]:
    assert run.code in (0, 1), run.err
    return {f["rule"] for f in json.loads(run.out)["findings"]}


def _article(tmp_path):
    (tmp_path / "a.md").write_text(STORY, encoding="utf-8")
    return "a.md"


def test_an_opt_in_rule_does_not_run_by_default_nor_when_its_kind_is_selected(cli, tmp_path):
    article = _article(tmp_path)
    default = _rules_found(cli("check", article, "--format", "json", cwd=tmp_path))
    assert "anonymous-sources" in default and "unattributed-quotes" not in default
    by_kind = _rules_found(cli("check", article, "--select", "attribution", "--format", "json", cwd=tmp_path))
    assert "anonymous-sources" in by_kind and "unattributed-quotes" not in by_kind


def test_an_opt_in_rule_runs_when_selected_by_its_id(cli, tmp_path):
    article = _article(tmp_path)
    alone = _rules_found(cli("check", article, "--select", "unattributed-quotes", "--format", "json", cwd=tmp_path))
    assert alone == {"unattributed-quotes"}
    both = _rules_found(cli("check", article, "--select", "attribution,unattributed-quotes", "--format", "json", cwd=tmp_path))
    assert {"anonymous-sources", "unattributed-quotes"} <= both


def test_extend_select_adds_an_opt_in_rule_to_the_default_set(cli, tmp_path):
    article = _article(tmp_path)
    (tmp_path / ".factlint.yaml").write_text("extend-select: [unattributed-quotes]\n")
    found = _rules_found(cli("check", article, "--format", "json", cwd=tmp_path))
    assert {"anonymous-sources", "unattributed-quotes"} <= found
    # and to a narrowed select: only what select and extend-select name
    (tmp_path / ".factlint.yaml").write_text("select: [anonymous-sources]\nextend-select: [unattributed-quotes]\n")
    assert _rules_found(cli("check", article, "--format", "json", cwd=tmp_path)) == {"anonymous-sources", "unattributed-quotes"}


def test_ignore_wins_over_extend_select(cli, tmp_path):
    article = _article(tmp_path)
    (tmp_path / ".factlint.yaml").write_text("extend-select: [unattributed-quotes]\nignore: [unattributed-quotes]\n")
    assert "unattributed-quotes" not in _rules_found(cli("check", article, "--format", "json", cwd=tmp_path))


def test_extend_select_naming_no_rule_is_a_located_error(cli, tmp_path):
    article = _article(tmp_path)
    (tmp_path / ".factlint.yaml").write_text("fail-level: warning\nextend-select: [unattributed-quote]\n")
    run = cli("check", article, cwd=tmp_path)
    assert run.code == 2
    assert ".factlint.yaml:2: extend-select: unknown rule or kind 'unattributed-quote'" in run.err


def test_a_newsrooms_own_rule_can_be_opt_in(cli, tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    house_rule(folder, "pattern", "opt_in: true\ntokens: [council]\n", rule_id="no-council")
    article = _article(tmp_path)
    assert "no-council" not in _rules_found(cli("check", article, "--rules", "house", "--format", "json", cwd=tmp_path))
    found = _rules_found(cli("check", article, "--rules", "house", "--select", "no-council", "--format", "json", cwd=tmp_path))
    assert found == {"no-council"}


def test_opt_in_must_be_true_or_false(cli, tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    house_rule(folder, "pattern", "opt_in: sometimes\ntokens: [council]\n", rule_id="no-council")
    run = cli("check", _article(tmp_path), "--rules", "house", cwd=tmp_path)
    assert run.code == 2 and "no-council.yaml:7: rule 'no-council': 'opt_in' must be true or false" in run.err


def test_rules_explain_and_sarif_say_which_rules_are_opt_in(cli, tmp_path):
    listing = {line.split()[0]: line for line in cli("rules").out.splitlines()}
    assert "(opt-in: runs only when selected by its id)" in listing["unattributed-quotes"]
    assert "opt-in" not in listing["weasel-words"]
    assert cli("explain", "unattributed-quotes").out.splitlines()[0] == (
        "unattributed-quotes (attribution, info, opt-in: runs only when selected by its id)"
    )
    # SARIF describes the rules that ran; an opt-in one that was selected is not enabled by default
    article = _article(tmp_path)
    run = cli("check", article, "--format", "sarif", cwd=tmp_path)
    assert "unattributed-quotes" not in {r["id"] for r in json.loads(run.out)["runs"][0]["tool"]["driver"]["rules"]}
    run = cli("check", article, "--select", "anonymous-sources,unattributed-quotes", "--format", "sarif", cwd=tmp_path)
    rules = {r["id"]: r for r in json.loads(run.out)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["unattributed-quotes"]["defaultConfiguration"]["enabled"] is False
    assert "enabled" not in rules["anonymous-sources"]["defaultConfiguration"]


def test_selected_reads_select_extend_and_ignore_the_same_way_for_every_caller():
    rules = load_rules([builtin_rules_dir()])
    ids = lambda chosen: {r.id for r in chosen}  # noqa: E731
    opt_in = {r.id for r in rules if r.opt_in}
    assert opt_in == {"unattributed-quotes"}
    assert ids(selected(rules, [], [])) == {r.id for r in rules} - opt_in
    assert ids(selected(rules, [], [], ["unattributed-quotes"])) == {r.id for r in rules}
    assert "unattributed-quotes" not in ids(selected(rules, ["attribution"], []))
    assert ids(selected(rules, ["weasel-words"], [], ["unattributed-quotes"])) == {"weasel-words", "unattributed-quotes"}


def test_the_opt_in_rule_keeps_its_examples_tested():
    """test-rules (and the suite's run of every rule's examples) still runs an opt-in rule's examples."""
    from factlint.rule_examples import failing_examples

    quotes = [r for r in load_rules([builtin_rules_dir()]) if r.id == "unattributed-quotes"]
    assert quotes and quotes[0].examples["flag"]
    assert list(failing_examples(quotes)) == []


def test_the_readme_documents_opt_in_rules_and_extend_select():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**Opt-in rules.**" in readme and "extend-select: [unattributed-quotes]" in readme
    assert "`opt_in: true`" in readme
