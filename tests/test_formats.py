"""Each output format checked against its consumer's rules.

SARIF against the SARIF 2.1.0 schema and what GitHub code scanning reads,
GitHub workflow commands against GitHub's escaping, JUnit with an XML
parser, ``--statistics`` against the findings, the progress bar against
where it may appear.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from factlint.document import Location
from factlint.errors import FactlintError
from factlint.findings import Finding, Related
from factlint.formatters import RenderContext, github, junit, sarif
from factlint.linter import Report
from factlint.progress import Progress
from tests.conftest import ROOT, SEEDS

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def seeds_findings(cli) -> list[dict]:
    run = cli("check", "seeds", "--format", "json", cwd=ROOT)
    assert run.code == 1, run.err
    return json.loads(run.out)["findings"]


def validate_sarif(document: dict) -> None:
    validator_class = jsonschema.validators.validator_for(SARIF_SCHEMA)
    validator_class.check_schema(SARIF_SCHEMA)
    validator_class(SARIF_SCHEMA).validate(document)


def tricky_report(path: str = "desk/a,b:c.md") -> Report:
    """A finding whose text and path hold every character GitHub and SARIF escape."""
    here = Location(path, 3, 5, 4, 12)
    there = Location("desk/other.md", 7, 1, 7, 9)
    finding = Finding(
        location=here,
        rule="consistent-abbreviations",
        kind="consistency",
        severity="warning",
        message="100% sure:\r\nsee [note], line 2, col 3 :: done",
        excerpt="the US, 50%\nnext",
        related=(Related(there, "'U.S.' is used here"),),
        fingerprint="0123456789abcdef0123",
    )
    return Report(files=2, findings=[finding], errors=[FactlintError("cannot read file: Permission denied", "desk/locked.md")])


# ---------------------------------------------------------------------------
# SARIF
# ---------------------------------------------------------------------------


def test_sarif_of_the_seeds_is_valid_sarif_2_1_0_with_every_rule_that_ran(cli):
    findings = seeds_findings(cli)
    run = cli("check", "seeds", "--format", "sarif", cwd=ROOT)
    assert run.code == 1, run.err
    document = json.loads(run.out)
    validate_sarif(document)
    assert document["version"] == "2.1.0"
    sarif_run = document["runs"][0]
    driver = sarif_run["tool"]["driver"]
    listed = cli("rules", cwd=ROOT).out.splitlines()
    assert [rule["id"] for rule in driver["rules"]] == [line.split()[0] for line in listed if "(opt-in:" not in line]
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")

    results = sarif_run["results"]
    assert len(results) == len(findings)
    for result, finding in zip(results, findings):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == finding["rule"]
        assert result["level"] == {"info": "note"}.get(finding["severity"], finding["severity"])
        assert result["message"]["text"].startswith(finding["message"].replace("[", "\\[").replace("]", "\\]"))
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == finding["path"]  # repository-relative, '/'-separated
        assert physical["region"] == {
            "startLine": finding["line"],
            "startColumn": finding["column"],
            "endLine": finding["end_line"],
            "endColumn": finding["end_column"] + 1,  # SARIF's end column is exclusive
            **({"snippet": {"text": finding["excerpt"]}} if finding["excerpt"] else {}),
        }
        assert result["partialFingerprints"] == {"factlintFingerprint/v1": finding["fingerprint"]}
        related = result.get("relatedLocations", [])
        assert [(r["physicalLocation"]["artifactLocation"]["uri"], r["physicalLocation"]["region"]["startLine"]) for r in related] == [
            (r["path"], r["line"]) for r in finding["related"]
        ]
        for place in related:  # GitHub shows related places through links in the message
            assert f"]({place['id']})" in result["message"]["text"]
    assert any(r.get("relatedLocations") for r in results), "the seeds have cross-article findings"


def test_sarif_uris_are_relative_to_the_repository_root_wherever_factlint_runs(cli, tmp_path):
    (tmp_path / ".git").mkdir()  # a repository root
    desk = tmp_path / "desk" / "2024"
    desk.mkdir(parents=True)
    (desk / "a.md").write_text("# Talks end\n\nLeaders met in Paris on Tuesday.\n\n0 comments\n")
    run = cli("check", ".", "--format", "sarif", cwd=desk)
    document = json.loads(run.out)
    validate_sarif(document)
    [result] = document["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/2024/a.md"


def test_sarif_escapes_brackets_and_reports_unreadable_files_as_notifications():
    document = sarif.sarif_log(tricky_report(), rules=[])
    validate_sarif(document)
    run = document["runs"][0]
    [result] = run["results"]
    assert "\\[note\\]" in result["message"]["text"]
    assert "['U.S.' is used here](1)" in result["message"]["text"]
    assert run["tool"]["driver"]["rules"][0]["id"] == "consistent-abbreviations"  # described even if not listed
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("desk/locked.md")


# ---------------------------------------------------------------------------
# GitHub workflow commands
# ---------------------------------------------------------------------------


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back the way the Actions runner does."""
    assert line.startswith("::") and "\n" not in line and "\r" not in line
    head, data = line[2:].split("::", 1)
    command, _, raw_properties = head.partition(" ")
    properties = {}
    for pair in raw_properties.split(",") if raw_properties else []:
        key, value = pair.split("=", 1)
        assert ":" not in value, "an unescaped ':' in a property ends the command early"
        properties[key] = value.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    message = data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    return command, properties, message


def test_github_annotations_escape_data_and_properties_as_github_requires(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    report = tricky_report()
    lines = github.render(report, RenderContext()).splitlines()
    assert len(lines) == 2  # one command per line: the newlines are escaped
    command, properties, message = parse_workflow_command(lines[0])
    assert command == "warning"
    assert properties == {
        "file": "desk/a,b:c.md",
        "line": "3",
        "endLine": "4",
        "col": "5",
        "endColumn": "12",
        "title": "factlint consistent-abbreviations",
    }
    finding = report.findings[0]
    assert message.split("\n| ")[0] == finding.message  # %, CR and LF round-trip
    assert "\n| the US, 50%\nnext" in message
    assert message.endswith("= desk/other.md:7:1: 'U.S.' is used here")
    assert "%25" in lines[0] and "%0D%0A" in lines[0] and "%2C" in lines[0] and "%3A" in lines[0]
    error_command, error_properties, error_message = parse_workflow_command(lines[1])
    assert (error_command, error_properties, error_message) == ("error", {"file": "desk/locked.md"}, "cannot read file: Permission denied")


def test_github_format_of_the_seeds_gives_one_annotation_per_finding(cli):
    findings = seeds_findings(cli)
    run = cli("check", "seeds", "--format", "github", cwd=ROOT)
    assert run.code == 1
    commands = [parse_workflow_command(line) for line in run.out.splitlines()]
    assert len(commands) == len(findings)
    for (command, properties, message), finding in zip(commands, findings):
        assert command == {"info": "notice"}.get(finding["severity"], finding["severity"])
        assert (properties["file"], int(properties["line"]), int(properties["col"])) == (finding["path"], finding["line"], finding["column"])
        assert message.startswith(finding["message"])


# ---------------------------------------------------------------------------
# JUnit
# ---------------------------------------------------------------------------


def test_junit_has_a_test_case_per_file_and_a_failure_per_finding(cli):
    findings = seeds_findings(cli)
    run = cli("check", "seeds", "--format", "junit", cwd=ROOT)
    assert run.code == 1
    root = ET.fromstring(run.out.encode("utf-8"))
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert sorted(case.get("name") for case in cases) == sorted(f"seeds/{p.name}" for p in SEEDS.iterdir())
    per_file = Counter(f["path"] for f in findings)
    for case in cases:
        failures = case.findall("failure")
        assert len(failures) == per_file[case.get("name")]
        assert case.get("file") == case.get("name")
        for failure in failures:
            assert failure.get("type") and failure.get("message") and failure.text.startswith(case.get("name") + ":")
    assert [f.get("type") for c in cases for f in c.findall("failure")] == [f["rule"] for f in findings]
    assert int(suite.get("tests")) == len(cases)
    assert int(suite.get("failures")) == len(per_file)
    assert root.get("tests") == suite.get("tests") and root.get("failures") == suite.get("failures")


def test_junit_stays_well_formed_with_control_characters_and_unreadable_files():
    report = tricky_report()
    report.findings[0] = Finding(**{**report.findings[0].__dict__, "message": "bell\x07 & <tag> \"quoted\""})
    text = junit.render(report, RenderContext(paths=["desk/a,b:c.md", "desk/clean.md"]))
    root = ET.fromstring(text.encode("utf-8"))
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"desk/a,b:c.md", "desk/clean.md", "desk/locked.md"}
    assert cases["desk/clean.md"].find("failure") is None
    assert "& <tag> \"quoted\"" in cases["desk/a,b:c.md"].find("failure").get("message")
    assert cases["desk/locked.md"].find("error") is not None
    assert root.get("errors") == "1"


# ---------------------------------------------------------------------------
# --statistics
# ---------------------------------------------------------------------------


def test_statistics_count_findings_per_rule(cli):
    findings = seeds_findings(cli)
    expected = Counter(f["rule"] for f in findings)
    text = cli("check", "seeds", "--statistics", cwd=ROOT)
    assert text.code == 1
    rows = [line.split() for line in text.out.splitlines()[:-1]]
    assert {row[1]: int(row[0]) for row in rows} == dict(expected)
    assert text.out.splitlines()[-1].startswith(f"Found {len(findings)} findings in 5 files")
    data = json.loads(cli("check", "seeds", "--statistics", "--format", "json", cwd=ROOT).out)
    assert {row["rule"]: row["count"] for row in data["statistics"]} == dict(expected)
    assert [row["count"] for row in data["statistics"]] == sorted(expected.values(), reverse=True)


def test_statistics_refuses_formats_that_cannot_hold_them(cli):
    run = cli("check", "seeds", "--statistics", "--format", "sarif", cwd=ROOT)
    assert run.code == 2
    assert run.err.count("\n") == 1 and "--statistics" in run.err


# ---------------------------------------------------------------------------
# Progress bar
# ---------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_only_on_a_terminal_outside_ci_once_the_run_is_long(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("factlint.progress.DELAY_SECONDS", 0.0)

    terminal = FakeTerminal()
    progress = Progress(3, terminal)
    assert list(progress.track(["a", "b", "c"])) == ["a", "b", "c"]
    progress.close()
    drawn = terminal.getvalue()
    assert "3/3 articles" in drawn and drawn.endswith("\r\x1b[K")

    piped = io.StringIO()
    progress = Progress(3, piped)
    list(progress.track("abc"))
    progress.close()
    assert piped.getvalue() == ""

    monkeypatch.setenv("CI", "true")
    terminal = FakeTerminal()
    progress = Progress(3, terminal)
    list(progress.track("abc"))
    progress.close()
    assert terminal.getvalue() == ""


def test_short_runs_draw_nothing_even_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = FakeTerminal()
    progress = Progress(2, terminal)
    list(progress.track("ab"))
    progress.close()
    assert terminal.getvalue() == ""


@pytest.mark.parametrize("name", ["sarif", "github", "junit", "html"])
def test_every_format_writes_to_output_with_the_same_exit_code(cli, tmp_path, name):
    target = tmp_path / f"report.{name}"
    run = cli("check", "seeds", "--format", name, "--output", str(target), cwd=ROOT)
    assert run.code == 1 and run.out == ""
    assert target.read_text(encoding="utf-8").strip()


def test_sarif_messages_read_as_prose(cli):
    """A finding's message ends as a sentence before the links to its related places (issue 20)."""
    document = json.loads(cli("check", "seeds", "--format", "sarif", cwd=ROOT).out)
    texts = [r["message"]["text"] for r in document["runs"][0]["results"] if r.get("relatedLocations")]
    assert texts
    for text in texts:
        message, _, links = text.partition(" See [")
        assert links and message.rstrip("\"'”’)").endswith((".", "!", "?")), text
    assert any("say Paris. See [puts the meeting in Paris](1)" in text for text in texts)
