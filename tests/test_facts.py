"""The facts file: loading it (every mistake located), and holding articles to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.errors import FactlintError
from factlint.facts import load_facts
from factlint.kinds.figures import load_lexicon
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

from conftest import SEEDS

RULE = next(r for r in load_rules([builtin_rules_dir()]) if r.id == "figure-contradicts-facts")

COALITION = """\
facts:
  - fact: Countries represented at the Coalition of the Willing meeting in Paris
    thing: countries
    keywords: [Coalition of the Willing]
    value: 35
    source: Elysee Palace statement, 6 January 2026
"""


def check(tmp_path: Path, facts: str, articles: dict[str, str]) -> list:
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    sources = [(name, text.encode()) for name, text in sorted(articles.items())]
    report = lint_sources(sources, compile_rules([RULE], {"facts": path}), jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    return report.findings


def test_a_mention_with_another_value_is_an_error_quoting_fact_and_source(tmp_path: Path) -> None:
    text = "The Coalition of the Willing met in Paris, with representatives of 30 countries attending.\n"
    [finding] = check(tmp_path, COALITION, {"a.md": text})
    assert finding.severity == "error"
    assert finding.message == (
        "Says 30 countries, but the facts file gives 35: Countries represented at the Coalition of "
        "the Willing meeting in Paris (source: Elysee Palace statement, 6 January 2026)"
    )
    [related] = finding.related
    assert related.location.path.endswith("facts.yaml") and related.location.line == 2


@pytest.mark.parametrize("text", [
    "The Coalition of the Willing gathered representatives of 35 countries, including 27 heads of state.\n",
    "More than 30 countries sent representatives to the Coalition of the Willing meeting.\n",  # a range that fits
    "Some 36 countries attended the Coalition of the Willing meeting.\n",  # "some": about
    "Representatives of 30 countries met in Geneva on Tuesday.\n",  # no keyword: another meeting
    "The Coalition of the Willing said it may grow to 40 countries.\n",  # a possibility
])
def test_mentions_that_agree_or_are_not_the_fact(tmp_path: Path, text: str) -> None:
    assert check(tmp_path, COALITION, {"a.md": text}) == []


def test_seed_003_agrees_with_its_fact(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    assert check(tmp_path, COALITION, {"003.txt": seed}) == []
    wrong = COALITION.replace("value: 35", "value: 30")
    findings = check(tmp_path, wrong, {"003.txt": seed})
    assert [f.location.line for f in findings] == [2, 9]  # the story, and its repeated body


def test_ranges_events_and_tolerance(tmp_path: Path) -> None:
    facts = """\
facts:
  - fact: Deaths in the Qeshm island earthquake
    thing: people
    verbs: [killed]
    keywords: [Qeshm]
    min: 10
    max: 13
    source: Iranian state television
  - fact: Ukraine's planned armed forces
    pattern: 'armed forces.{0,60}?(?P<value>\\d[\\d,]*) (?:\\S+ )?troops'
    value: 800000
    tolerance: 0.05
    source: Draft guarantee
"""
    articles = {
        "a.md": "The earthquake on Qeshm island killed 12 people.\n",
        "b.md": "Twenty people died on Qeshm island.\n",
        "c.md": "The earthquake on Qeshm island injured 40 people.\n",  # another event: injured
        "d.md": "The armed forces will reach 820,000 well-trained troops.\n",  # within 5%
        "e.md": "The armed forces will reach 600,000 troops.\n",
    }
    findings = check(tmp_path, facts, articles)
    assert [(f.path, f.location.line) for f in findings] == [("b.md", 1), ("e.md", 1)]
    assert "gives 10 to 13: Deaths in the Qeshm island earthquake" in findings[0].message


def test_an_event_thing_stands_for_its_event(tmp_path: Path) -> None:
    facts = ("facts:\n  - fact: Deaths in the Qeshm earthquake\n    thing: deaths\n    keywords: [Qeshm]\n"
             "    value: 10\n    source: Iranian state television\n")
    articles = {
        "a.md": "The quake on Qeshm island killed 12 people.\n",
        "b.md": "Officials on Qeshm island reported 12 deaths.\n",
        "c.md": "The quake on Qeshm island injured 12 people.\n",
    }
    assert [f.path for f in check(tmp_path, facts, articles)] == ["a.md", "b.md"]


def test_values_written_as_figures(tmp_path: Path) -> None:
    facts = """\
facts:
  - fact: Price paid for the startup
    pattern: 'paid (?P<value>\\S+ billion) for the startup'
    value: $1.2 billion
    source: Company filing
"""
    assert check(tmp_path, facts, {"a.md": "Microsoft paid $1.2 billion for the startup.\n"}) == []
    [finding] = check(tmp_path, facts, {"a.md": "Microsoft paid $1.5 billion for the startup.\n"})
    assert "gives $1.2 billion" in finding.message


def test_no_facts_file_finds_nothing() -> None:
    report = lint_sources([("a.md", b"The Coalition of the Willing gathered 30 countries.\n")], compile_rules([RULE]))
    assert report.findings == []


def test_an_empty_facts_file_finds_nothing(tmp_path: Path) -> None:
    assert check(tmp_path, "facts:\n", {"a.md": "Representatives of 30 countries attended.\n"}) == []


# ---------------------------------------------------------------------------
# Bad facts files
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("facts:\n  - fact: x\n    thing: countries\n    vlaue: 3\n    source: s\n", 4, "unknown key 'vlaue'"),
    ("facts:\n  - fact: x\n    thing: countries\n    value: 3\n", 2, "needs 'source'"),
    ("facts:\n  - thing: countries\n    value: 3\n    source: s\n", 2, "needs 'fact'"),
    ("facts:\n  - fact: x\n    value: 3\n    source: s\n", 2, "needs 'thing'"),
    ("facts:\n  - fact: x\n    thing: countries\n    source: s\n", 2, "needs 'value', or 'min'"),
    ("facts:\n  - fact: x\n    thing: countries\n    value: lots\n    source: s\n", 4, "is not one figure"),
    ("facts:\n  - fact: x\n    thing: countries\n    value: 3\n    min: 2\n    source: s\n", 4, "not both"),
    ("facts:\n  - fact: x\n    thing: countries\n    min: 5\n    max: 2\n    source: s\n", 4, "larger than 'max'"),
    ("facts:\n  - fact: x\n    thing: countries\n    min: five\n    source: s\n", 4, "'min' must be a number"),
    ("facts:\n  - fact: x\n    pattern: '(unclosed'\n    value: 3\n    source: s\n", 3, "not a valid regular expression"),
    ("facts:\n  - fact: x\n    thing: countries\n    value: 3\n    tolerance: 2\n    source: s\n", 5, "from 0 to 1"),
    ("facts:\n  - fact: x\n    thing: countries\n    keywords: [1, 2]\n    value: 3\n    source: s\n", 4, "'keywords'"),
    ("facts:\n  fact: x\n", 1, "must be a list of facts"),
    ("facts:\n  - just text\n", 2, "each fact must be a mapping"),
    ("fatcs:\n  - fact: x\n", 1, "unknown key 'fatcs'"),
    # issue 20, item 13: a pattern that could never give a value, or said twice how to find the figure
    ("facts:\n  - fact: x\n    pattern: 'troops'\n    value: 3\n    source: s\n", 3, "needs a group named value"),
    ("facts:\n  - fact: x\n    thing: troops\n    pattern: '(?P<value>\\d+) troops'\n    value: 3\n    source: s\n", 4,
     "give 'thing' (the counted thing) or 'pattern' (a regex), not both"),
    ("facts:\n  - fact: x\n    pattern: '(?P<value>\\d{1000000})'\n    value: 3\n    source: s\n", 3,
     "counted repeats allow at most 100,000"),
    ("facts:\n  - fact: x\n    thing: troops\n    thing: soldiers\n    value: 3\n    source: s\n", 4, "given twice"),
    ("facts:\n  - fact: x\n   thing: countries\n", 3, "invalid YAML"),
])
def test_bad_facts_files_are_located_errors(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactlintError) as caught:
        load_facts(path, load_lexicon())
    assert problem in caught.value.message
    assert caught.value.line == line


def test_cli_exits_2_naming_the_facts_file_and_line(cli, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Representatives of 30 countries attended.\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text("facts:\n  - fact: x\n    thing: countries\n    value: 3\n", encoding="utf-8")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == "factlint: facts.yaml:2: a fact needs 'source' (where it comes from)"


def test_cli_reports_a_missing_configured_facts_file(cli, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Representatives of 30 countries attended.\n", encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("facts: newsroom-facts.yaml\n", encoding="utf-8")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and run.err == "factlint: .factlint.yaml:1: facts file 'newsroom-facts.yaml' does not exist\n"


def test_cli_uses_facts_yaml_beside_the_config(cli, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("The Coalition of the Willing gathered representatives of 30 countries.\n",
                                   encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(COALITION, encoding="utf-8")
    run = cli("check", "a.md", "--select", "figures", cwd=tmp_path)
    assert run.code == 1
    assert "a.md:1:" in run.out and "error figure-contradicts-facts" in run.out


@pytest.mark.parametrize("count", [34, 36])
def test_a_count_one_off_the_facts_file_is_an_error(tmp_path: Path, count: int) -> None:
    # 34 reads as 33.5 to 34.5 and 35 as 34.5 to 35.5: ranges that only touch are two counts
    text = f"The Coalition of the Willing met in Paris, with representatives of {count} countries attending.\n"
    [finding] = check(tmp_path, COALITION, {"a.md": text})
    assert finding.message.startswith(f"Says {count} countries, but the facts file gives 35")

