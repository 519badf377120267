"""Baselines: record today's findings, report only new ones, survive edits elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLE = (
    "# Talks end\n\n"
    "Leaders met in Paris on Tuesday to discuss the plan.\n\n"
    "0 comments\n\n"
    "They agreed to meet again in March.\n\n"
    "You may also like\n"
)


def json_findings(cli, *args: str, cwd: Path) -> tuple[int, list[dict]]:
    """Exit code and findings of the scraped-boilerplate rule, which these samples exercise."""
    run = cli("check", *args, "--format", "json", "--select", "scraped-boilerplate", cwd=cwd)
    assert run.code in (0, 1), run.err
    return run.code, json.loads(run.out)["findings"]


def test_write_then_check_against_the_baseline_reports_nothing(cli, seeds_copy, tmp_path):
    baseline = tmp_path / "baseline.json"
    before = json.loads(cli("check", "seeds", "--format", "json", cwd=tmp_path).out)["findings"]
    assert before
    written = cli("check", "seeds", "--write-baseline", str(baseline), cwd=tmp_path)
    assert written.code == 0 and written.out == ""
    assert f"recorded {len(before)} findings" in written.err
    recorded = json.loads(baseline.read_text())
    assert len(recorded["findings"]) == len(before)
    assert {e["rule"] for e in recorded["findings"]} == {f["rule"] for f in before}
    run = cli("check", "seeds", "--baseline", str(baseline), "--format", "json", cwd=tmp_path)
    assert run.code == 0 and json.loads(run.out)["findings"] == []


def test_fingerprints_survive_edits_elsewhere_in_the_article(cli, tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    article = desk / "a.md"
    article.write_text(ARTICLE)
    baseline = tmp_path / ".factlint-baseline.json"
    assert cli("check", "desk", "--write-baseline", str(baseline), "--select", "scraped-boilerplate", cwd=tmp_path).code == 0

    # New paragraphs above, a paragraph rewritten, lines renumbered: nothing new to report.
    edited = ARTICLE.replace("# Talks end\n\n", "# Talks end in Paris\n\nA new first paragraph.\n\nAnd a second.\n\n")
    edited = edited.replace("They agreed to meet again in March.", "They agreed, after long talks, to meet again in April.")
    article.write_text(edited)
    assert json_findings(cli, "desk", "--baseline", str(baseline), cwd=tmp_path) == (0, [])

    # A new problem is reported, and only it.
    article.write_text(edited + "\nSubscribe to get the latest posts sent to your email.\n")
    code, new = json_findings(cli, "desk", "--baseline", str(baseline), cwd=tmp_path)
    assert code == 1
    assert [(f["rule"], f["excerpt"]) for f in new] == [
        ("scraped-boilerplate", "Subscribe to get the latest posts sent to your email.")
    ]


def test_a_second_copy_of_a_recorded_finding_is_new(cli, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    baseline = tmp_path / "baseline.json"
    cli("check", "a.md", "--write-baseline", str(baseline), "--select", "scraped-boilerplate", cwd=tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE + "\n0 comments\n")
    _, new = json_findings(cli, "a.md", "--baseline", str(baseline), cwd=tmp_path)
    assert [(f["rule"], f["line"]) for f in new] == [("scraped-boilerplate", 11)]


def test_the_baseline_matches_however_the_paths_are_spelt(cli, tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "a.md").write_text(ARTICLE)
    baseline = tmp_path / "baseline.json"
    cli("check", "desk", "--write-baseline", str(baseline), "--select", "scraped-boilerplate", cwd=tmp_path)
    assert json_findings(cli, "./desk/", "--baseline", str(baseline), cwd=tmp_path) == (0, [])
    assert json_findings(cli, "a.md", "--baseline", "../baseline.json", cwd=desk) == (0, [])
    assert json_findings(cli, str(desk / "a.md"), "--baseline", str(baseline), cwd=tmp_path) == (0, [])


def test_a_broken_baseline_is_a_usage_error_on_one_line(cli, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    for content in ("not json", '{"findings": []}', '{"factlint-baseline": 1, "findings": [{"rule": "x"}]}'):
        (tmp_path / "baseline.json").write_text(content)
        run = cli("check", "a.md", "--baseline", "baseline.json", cwd=tmp_path)
        assert run.code == 2 and run.err.count("\n") == 1 and "baseline.json" in run.err, run.err
    run = cli("check", "a.md", "--baseline", "missing.json", cwd=tmp_path)
    assert run.code == 2 and "cannot read baseline" in run.err


def test_statistics_and_other_formats_respect_the_baseline(cli, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    cli("check", "a.md", "--write-baseline", "baseline.json", "--select", "scraped-boilerplate", cwd=tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE + "\n0 comments\n")
    stats = cli("check", "a.md", "--baseline", "baseline.json", "--statistics", "--select", "scraped-boilerplate", cwd=tmp_path)
    assert stats.out.splitlines()[0].split() == ["1", "scraped-boilerplate", "furniture", "warning"]
    sarif = json.loads(
        cli("check", "a.md", "--baseline", "baseline.json", "--format", "sarif", "--select", "scraped-boilerplate", cwd=tmp_path).out
    )
    assert len(sarif["runs"][0]["results"]) == 1
