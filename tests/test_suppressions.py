"""Suppressions written in articles, and the unused ones reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

BOILERPLATE = "0 comments"  # scraped-boilerplate flags this line


# The rules these tests exercise (others' findings on the sample texts are beside the point).
RULES = "scraped-boilerplate,broken-paragraph,consistent-abbreviations,name-variants,unused-suppression"


def findings(cli, folder: Path, *extra: str) -> list[dict]:
    run = cli("check", "--format", "json", "--select", RULES, *extra, cwd=folder)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["findings"]


def where(found: list[dict]) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["rule"]) for f in found]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ignore_covers_the_next_paragraph_only(cli, tmp_path):
    write(
        tmp_path,
        "a.md",
        "# Talks end\n\n"
        "<!-- factlint: ignore scraped-boilerplate the counter is quoted on purpose -->\n"
        f"{BOILERPLATE}\n\n"
        f"{BOILERPLATE}\n",
    )
    assert where(findings(cli, tmp_path)) == [("a.md", 6, "scraped-boilerplate")]


def test_ignore_inside_a_paragraph_covers_that_paragraph(cli, tmp_path):
    write(tmp_path, "a.md", f"# Talks end\n\n{BOILERPLATE} <!-- factlint: ignore scraped-boilerplate quoted -->\n")
    assert findings(cli, tmp_path) == []


def test_a_suppression_shown_in_code_is_not_one(cli, tmp_path):
    """A style guide quoting the comment syntax in a code fence or inline code suppresses nothing."""
    write(
        tmp_path,
        "a.md",
        "# How to silence a rule\n\n"
        "```\n<!-- factlint: disable scraped-boilerplate -->\n```\n\n"
        "Write `<!-- factlint: ignore scraped-boilerplate why -->` before the paragraph.\n\n"
        f"{BOILERPLATE}\n",
    )
    assert where(findings(cli, tmp_path)) == [("a.md", 9, "scraped-boilerplate")]


def test_ignore_accepts_a_kind_and_several_rules(cli, tmp_path):
    write(tmp_path, "a.md", f"# Talks end\n\n<!-- factlint: ignore furniture -->\n{BOILERPLATE}\n")
    write(tmp_path, "b.md", f"# Talks end\n\n<!-- factlint: ignore scraped-boilerplate,broken-paragraph -->\n{BOILERPLATE}\n")
    found = findings(cli, tmp_path)
    # a.md: silenced by kind; b.md: one of the two rules silenced, the other reported as unused
    assert where(found) == [("b.md", 3, "unused-suppression")]
    assert "no broken-paragraph finding in the paragraph it covers" in found[0]["message"]


def test_disable_and_enable_cover_a_range(cli, tmp_path):
    write(
        tmp_path,
        "a.md",
        "# Talks end\n\n"
        "<!-- factlint: disable scraped-boilerplate -->\n\n"
        f"{BOILERPLATE}\n\n"
        "You may also like\n\n"
        "<!-- factlint: enable scraped-boilerplate -->\n\n"
        f"{BOILERPLATE}\n",
    )
    assert where(findings(cli, tmp_path)) == [("a.md", 11, "scraped-boilerplate")]


def test_disable_without_enable_runs_to_the_end(cli, tmp_path):
    write(tmp_path, "a.md", f"{BOILERPLATE}\n\n<!-- factlint: disable scraped-boilerplate -->\n\nText.\n\n{BOILERPLATE}\n")
    assert where(findings(cli, tmp_path)) == [("a.md", 1, "scraped-boilerplate")]


def test_html_comments_in_html_articles(cli, tmp_path):
    write(
        tmp_path,
        "a.html",
        "<html><body><h1>Talks end</h1>\n"
        "<!-- factlint: ignore scraped-boilerplate page furniture kept for the archive -->\n"
        f"<p>{BOILERPLATE}</p>\n<p>Leaders met.</p>\n<p>{BOILERPLATE}</p>\n</body></html>\n",
    )
    assert where(findings(cli, tmp_path)) == [("a.html", 5, "scraped-boilerplate")]


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_front_matter_ignores_a_rule_for_the_whole_article(cli, tmp_path, name):
    write(tmp_path, name, f"---\ntitle: Talks\nfactlint: {{ignore: [scraped-boilerplate]}}\n---\n{BOILERPLATE}\n\nText.\n\n{BOILERPLATE}\n")
    assert findings(cli, tmp_path) == []


def test_cross_article_findings_are_silenced_where_they_are_reported(cli, tmp_path):
    for name in ("a.md", "b.md"):
        write(tmp_path, name, "# Aid\n\nThe U.S. said it would help.\n")
    write(tmp_path, "c.md", "# Aid\n\n<!-- factlint: ignore consistent-abbreviations the quote keeps its spelling -->\n\"The US will help,\" he said.\n")
    assert findings(cli, tmp_path) == []
    write(tmp_path, "c.md", "# Aid\n\n\"The US will help,\" he said.\n")
    assert where(findings(cli, tmp_path)) == [("c.md", 3, "consistent-abbreviations")]


def test_unused_suppressions_of_every_form_are_reported_where_they_are_written(cli, tmp_path):
    write(
        tmp_path,
        "a.md",
        "---\nfactlint: {ignore: [name-variants]}\n---\n"  # 2
        "# Talks end\n\n"
        "<!-- factlint: ignore scraped-boilerplate nothing to hide -->\n"  # 6
        "Leaders met in Paris.\n\n"
        "<!-- factlint: disable broken-paragraph -->\n\n"  # 9
        "They left.\n\n"
        "<!-- factlint: enable broken-paragraph -->\n\n"
        "<!-- factlint: ignore -->\n"  # 15
        "<!-- factlint: ignore no-such-rule because -->\n"  # 16
        "<!-- factlint: enable scraped-boilerplate -->\n"  # 17
        "<!-- factlint: pardon scraped-boilerplate -->\n"  # 18
        "Done.\n",
    )
    found = findings(cli, tmp_path)
    assert where(found) == [("a.md", line, "unused-suppression") for line in (2, 6, 9, 15, 16, 17, 18)]
    messages = [f["message"] for f in found]
    assert "no name-variants finding in this article" in messages[0]
    assert "no scraped-boilerplate finding in the paragraph it covers" in messages[1]
    assert "no broken-paragraph finding in lines 9-13" in messages[2]
    assert "must name a rule" in messages[3]
    assert "'no-such-rule' is not a rule or kind" in messages[4]
    assert "without an earlier 'disable scraped-boilerplate'" in messages[5]
    assert "'pardon' is not ignore, disable or enable" in messages[6]
    assert found[1]["excerpt"] == "<!-- factlint: ignore scraped-boilerplate nothing to hide -->"
    assert found[0]["column"] == 21 and found[0]["end_column"] == 33  # at the rule's name in the front matter


def test_suppressions_of_rules_left_out_of_the_run_are_not_judged(cli, tmp_path):
    write(tmp_path, "a.md", "# Talks end\n\n<!-- factlint: ignore scraped-boilerplate -->\nLeaders met.\n")
    assert where(findings(cli, tmp_path)) == [("a.md", 3, "unused-suppression")]
    assert findings(cli, tmp_path, "--select", "unused-suppression,broken-paragraph") == []
    assert findings(cli, tmp_path, "--ignore", "unused-suppression") == []


def test_unused_suppression_is_a_rule_like_any_other(cli, tmp_path):
    listed = cli("rules").out
    assert any(line.split()[:3] == ["unused-suppression", "suppressions", "warning"] for line in listed.splitlines())
    explained = cli("explain", "unused-suppression")
    assert explained.code == 0 and "factlint: ignore RULE reason" in explained.out
    write(tmp_path, ".factlint.yaml", "severity: {unused-suppression: info}\n")
    write(tmp_path, "a.md", "<!-- factlint: ignore scraped-boilerplate -->\nLeaders met.\n")
    [found] = findings(cli, tmp_path)
    assert found["severity"] == "info"
    assert cli("check", ".", cwd=tmp_path).code == 0  # below the default fail level


def test_per_file_ignores_in_the_config_cover_plain_text_articles(cli, tmp_path):
    write(tmp_path, ".factlint.yaml", "per-file-ignores: {'wire/*.txt': [scraped-boilerplate]}\n")
    (tmp_path / "wire").mkdir()
    write(tmp_path, "wire/a.txt", f"Leaders met.\n\n{BOILERPLATE}\n")
    write(tmp_path, "b.txt", f"Leaders met.\n\n{BOILERPLATE}\n")
    assert where(findings(cli, tmp_path)) == [("b.txt", 3, "scraped-boilerplate")]


# ---------------------------------------------------------------------------
# How each form is read: the suppression's rule, reach and written place
# ---------------------------------------------------------------------------

from factlint.document import Location, parse_document  # noqa: E402
from factlint.suppressions import _END, Suppression, find_suppressions  # noqa: E402

FRONT_MATTER_PROBLEM = "front matter 'factlint' must be {ignore: [RULE, ...]} naming rules or kinds"


def read(text: str, name: str = "a.md") -> list[Suppression]:
    return find_suppressions(parse_document(name, text.encode("utf-8")))


def test_front_matter_names_each_rule_where_it_is_written_after_the_key():
    text = '---\ntitle: "consistency and name-variants"\nfactlint: {ignore: [name-variants, consistency]}\n---\nThe consistency desk.\n'
    assert read(text) == [
        Suppression("name-variants", "front matter", (0, 0), _END, Location("a.md", 3, 21, 3, 33), "factlint: ignore name-variants"),
        Suppression("consistency", "front matter", (0, 0), _END, Location("a.md", 3, 36, 3, 46), "factlint: ignore consistency"),
    ]


def test_front_matter_may_name_one_rule_without_a_list():
    [only] = read("---\nfactlint: {ignore: name-variants}\n---\nText.\n")
    assert (only.rule, only.form, only.location) == ("name-variants", "front matter", Location("a.md", 2, 20, 2, 32))


def test_a_rule_name_not_written_as_such_is_placed_at_the_key():
    [only] = read('---\ntitle: "factlint"\nfactlint: {ignore: ["name\\x2dvariants"]}\n---\nText.\n')
    assert (only.rule, only.location) == ("name-variants", Location("a.md", 3, 1, 3, 13))


def test_a_quoted_key_is_read_too():
    [only] = read('---\n"factlint": {ignore: [name-variants]}\n---\nText.\n')
    assert only.rule == "name-variants" and only.location.line == 2


@pytest.mark.parametrize(
    "value",
    [
        "name-variants",
        "{ignore: []}",
        "{ignore: [Name Variants]}",
        "{ignore: [3]}",
        "{ignore: [name-variants], also: [consistency]}",
        "{skip: [name-variants]}",
        "[name-variants]",
    ],
)
def test_a_malformed_front_matter_suppression_is_one_problem_at_the_key(value):
    text = f'---\ntitle: "factlint and me"\nfactlint: {value}\n---\nText.\n'
    assert read(text) == [
        Suppression("", "malformed", _END, _END, Location("a.md", 3, 1, 3, 8), "factlint: ...", FRONT_MATTER_PROBLEM)
    ]


def test_a_comment_is_located_from_its_first_to_its_last_character():
    text = "Leaders met.\n\nIntro <!-- factlint: ignore\n  name-variants spelled as quoted -->\nThey left.\n"
    [only] = read(text)
    assert only.location == Location("a.md", 3, 7, 4, 37)
    assert only.excerpt == "<!-- factlint: ignore name-variants spelled as quoted -->"
    assert (only.rule, only.form, only.start, only.end) == ("name-variants", "ignore", (3, 1), (3, 5))  # "Intro"


def test_ignore_covers_the_paragraph_it_is_in_or_else_the_next_and_else_nothing():
    text = "Leaders met.\n\n<!-- factlint: ignore name-variants -->\n\nThey left\nat noon.\n\n<!-- factlint: ignore consistency -->\n"
    first, last = read(text)
    assert (first.start, first.end) == ((5, 1), (6, 8))
    assert (last.rule, last.start, last.end) == ("consistency", _END, _END)


def test_disable_and_enable_ranges_and_their_mistakes():
    text = (
        "<!-- factlint: disable name-variants -->\n\nOne.\n\n"  # 1
        "<!-- factlint: disable name-variants -->\n\nTwo.\n\n"  # 5
        "<!-- factlint: enable name-variants -->\n\n"  # 9
        "<!-- factlint: disable consistency,scraped-boilerplate -->\n\nThree.\n"  # 11
        "<!-- factlint: -->\n<!-- not a directive -->\n"  # 14
    )
    found = read(text)
    assert [(s.rule, s.form, s.start, s.end, s.location.line, s.problem) for s in found] == [
        ("", "malformed", _END, _END, 5, "'name-variants' is already disabled on line 1"),
        ("name-variants", "disable", (1, 1), (9, 1), 1, ""),
        ("", "malformed", _END, _END, 14, "'(nothing)' is not ignore, disable or enable"),
        ("consistency", "disable", (11, 1), _END, 11, ""),
        ("scraped-boilerplate", "disable", (11, 1), _END, 11, ""),
    ]
    assert found[0].excerpt == "<!-- factlint: disable name-variants -->"
    assert found[3].excerpt == found[4].excerpt == "<!-- factlint: disable consistency,scraped-boilerplate -->"


def test_a_malformed_comment_silences_nothing(cli, tmp_path):
    write(tmp_path, "a.md", f"<!-- factlint: ignore Scraped Boilerplate -->\n{BOILERPLATE}\n")
    assert [f["rule"] for f in findings(cli, tmp_path)] == ["unused-suppression", "scraped-boilerplate"]


def test_a_range_reported_unused_says_which_lines_or_the_rest(cli, tmp_path):
    write(tmp_path, "a.md", "<!-- factlint: disable name-variants -->\n\nOne.\n\n<!-- factlint: enable name-variants -->\n\n"
          "<!-- factlint: disable consistency -->\n\nTwo.\n\n<!-- factlint: ignore scraped-boilerplate -->\n")
    messages = [f["message"] for f in findings(cli, tmp_path, "--select", RULES + ",consistency")]
    assert [m.split(": ", 1)[-1] for m in messages] == [
        "no name-variants finding in lines 1-5",
        "no consistency finding in the rest of the article",
        "no scraped-boilerplate finding in the article (no paragraph follows it)",
    ]


def test_a_malformed_front_matter_suppression_under_a_quoted_key_is_placed_at_the_key():
    [only] = read('---\n"factlint": [name-variants]\n---\nText.\n')
    assert (only.form, only.location) == ("malformed", Location("a.md", 2, 2, 2, 9))


def test_a_comment_on_the_line_after_a_paragraph_covers_the_next_paragraph():
    text = "Leaders met.\n<!-- factlint: ignore name-variants -->\n\nThey left.\n"
    [only] = read(text)
    assert (only.start, only.end) == ((4, 1), (4, 10))


def test_directives_after_a_plain_comment_or_a_mistake_are_still_read():
    text = (
        "<!-- an editor's note -->\n"
        "<!-- factlint: pardon name-variants -->\n"
        "<!-- factlint: disable consistency -->\n"
        "<!-- factlint: disable consistency,name-variants -->\n"
        "<!-- factlint: ignore scraped-boilerplate -->\n\nText.\n"
    )
    assert [(s.form, s.rule, s.location.line) for s in read(text)] == [
        ("malformed", "", 2),
        ("malformed", "", 4),
        ("ignore", "scraped-boilerplate", 5),
        ("disable", "consistency", 3),
        ("disable", "name-variants", 4),
    ]


def house_rule(folder: Path, text: str) -> Path:
    """A folder holding one rule of the newsroom's own (its description and examples added)."""
    rules = folder / "house"
    rules.mkdir()
    write(rules, "rule.yaml", text + "description: d\nexamples: {flag: ['x'], ok: ['y']}\n")
    return rules


def test_a_finding_on_the_last_character_of_an_ignored_paragraph_is_silenced(cli, tmp_path):
    rules = house_rule(tmp_path, 'id: no-bang\nkind: pattern\nseverity: warning\nmessage: "No \'{match}\'"\n'
                       "patterns: ['!']\nscope: text\n")
    write(tmp_path, "a.md", "<!-- factlint: ignore no-bang -->\nTalks end!\n\nAid came!\n")
    found = findings(cli, tmp_path, "--rules", str(rules), "--select", "no-bang,unused-suppression")
    assert [(f["line"], f["column"], f["rule"]) for f in found] == [(4, 9, "no-bang")]


def test_a_house_rule_of_the_suppressions_kind_may_name_the_rule(cli, tmp_path):
    rules = house_rule(tmp_path, 'id: stale-suppression\nkind: suppressions\nseverity: error\nmessage: "Stale {rule}: {reason}"\n')
    write(tmp_path, "a.md", "<!-- factlint: ignore scraped-boilerplate -->\nLeaders met.\n")
    run = cli("check", "--format", "json", "--rules", str(rules), "--select", "stale-suppression,scraped-boilerplate", cwd=tmp_path)
    [found] = json.loads(run.out)["findings"]
    assert found["message"] == "Stale scraped-boilerplate: no scraped-boilerplate finding in the paragraph it covers"


def test_without_the_list_of_known_rules_a_suppression_of_a_rule_not_run_is_not_judged():
    from factlint.linter import lint_sources
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    checks = compile_rules([r for r in load_rules([builtin_rules_dir()]) if r.id in ("unused-suppression", "scraped-boilerplate")])
    text = b"<!-- factlint: ignore no-such-rule -->\nLeaders met.\n\n<!-- factlint: ignore scraped-boilerplate -->\nAid came.\n"
    report = lint_sources([("a.md", text)], checks, jobs=1)
    assert [(f.location.line, f.rule) for f in report.findings] == [(4, "unused-suppression")]
