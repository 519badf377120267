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
