"""The contract's command line: exit codes, formats, selection, errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema

from factlint.kinds.base import kind_names
import pytest

from tests.conftest import ROOT, SEEDS, child_env

FINDING_PLACE = {
    "path": {"type": "string", "minLength": 1},
    "line": {"type": "integer", "minimum": 1},
    "column": {"type": "integer", "minimum": 1},
    "end_line": {"type": "integer", "minimum": 1},
    "end_column": {"type": "integer", "minimum": 1},
}
CONTRACT_KINDS = ("duplicates", "figures", "attribution", "locations", "pattern", "substitution", "consistency")
assert set(CONTRACT_KINDS) <= set(kind_names())  # the contract's kinds keep their names
CONTRACT_SCHEMA = {
    "type": "object",
    "required": ["version", "files", "findings"],
    "properties": {
        "version": {"const": 1},
        "files": {"type": "integer", "minimum": 0},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [*FINDING_PLACE, "rule", "kind", "severity", "message", "excerpt", "related", "fingerprint"],
                "properties": {
                    **FINDING_PLACE,
                    "rule": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
                    "kind": {"enum": sorted(set(CONTRACT_KINDS) | set(kind_names()))},  # "more kinds may come"
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string", "minLength": 1},
                    "excerpt": {"type": "string"},
                    "fingerprint": {"type": "string", "minLength": 8},
                    "related": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": [*FINDING_PLACE, "message"],
                            "properties": {**FINDING_PLACE, "message": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}


def seeds_json(cli, *extra: str) -> dict:
    run = cli("check", str(SEEDS), "--format", "json", *extra)
    assert run.code == 1, run.err
    return json.loads(run.out)


def test_seeds_json_follows_the_contract(cli):
    data = seeds_json(cli)
    jsonschema.validate(data, CONTRACT_SCHEMA)
    assert data["files"] == 5
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]
    assert keys == sorted(keys)
    for finding in data["findings"]:
        assert (finding["line"], finding["column"]) <= (finding["end_line"], finding["end_column"])
        assert finding["path"].startswith(str(SEEDS))


def test_output_is_byte_for_byte_deterministic(cli):
    first = cli("check", str(SEEDS), "--format", "json")
    second = cli("check", str(SEEDS), "--format", "json")
    assert first.out == second.out


def test_fingerprints_are_unique(cli):
    data = seeds_json(cli)
    prints = [f["fingerprint"] for f in data["findings"]]
    assert len(prints) == len(set(prints))


def _found(data: dict, rule: str) -> set[tuple[str, int]]:
    return {(Path(f["path"]).name[:3], f["line"]) for f in data["findings"] if f["rule"] == rule}


def test_seed_acceptance_for_style_kinds(cli):
    data = seeds_json(cli, "--select", "pattern,substitution,consistency,furniture,page,paragraphs,quotemarks,encoding")
    assert not _found(data, "not-an-article") and not _found(data, "mojibake") and not _found(data, "quote-marks")
    assert _found(data, "scraped-boilerplate") == {("004", 3), ("004", 36), ("004", 38), ("004", 40)}
    assert _found(data, "broken-paragraph") == {("001", 2), ("002", 2)}
    assert _found(data, "name-variants") == {("003", 6)}
    zelensky = [f for f in data["findings"] if f["rule"] == "name-variants"][0]
    assert "'Zelensky'" in zelensky["message"] and "'Zelenskyy'" in zelensky["message"]
    assert {Path(r["path"]).name[:3] for r in zelensky["related"]} <= {"001", "002", "004"}
    us = [f for f in data["findings"] if f["rule"] == "consistent-abbreviations" and "'US'" in f["message"]]
    assert {Path(f["path"]).name[:3] for f in us} == {"003", "004"}
    # Nothing of these kinds in 000, and no section heading of 001/002 is flagged.
    assert not [f for f in data["findings"] if "000_" in f["path"] and f["kind"] != "substitution"]
    headings = {("001", 1), ("001", 4), ("001", 6), ("001", 8), ("002", 1), ("002", 4), ("002", 6)}
    assert not {(Path(f["path"]).name[:3], f["line"]) for f in data["findings"]} & headings


def test_select_and_ignore_by_rule_and_kind(cli):
    only = seeds_json(cli, "--select", "scraped-boilerplate")
    assert {f["rule"] for f in only["findings"]} == {"scraped-boilerplate"}
    without = seeds_json(cli, "--select", "paragraphs,furniture", "--ignore", "scraped-boilerplate")
    assert without["findings"] and {f["kind"] for f in without["findings"]} == {"paragraphs"}
    assert "scraped-boilerplate" not in {f["rule"] for f in without["findings"]}
    by_kind = seeds_json(cli, "--select", "furniture")
    assert {f["rule"] for f in by_kind["findings"]} == {"scraped-boilerplate"}


def test_fail_level_decides_the_exit_code(cli):
    assert cli("check", str(SEEDS), "--select", "trailing-blank-lines").code == 0  # info only
    assert cli("check", str(SEEDS), "--select", "trailing-blank-lines", "--fail-level", "info").code == 1
    assert cli("check", str(SEEDS), "--fail-level", "error").code == 0


def test_clean_article_exits_zero(cli, tmp_path):
    (tmp_path / "a.md").write_text("# Talks end\n\nLeaders met in Paris on Tuesday, French President Emmanuel Macron said.\n")
    run = cli("check", str(tmp_path))
    assert run.code == 0 and "No findings in 1 file." in run.out


def test_output_file(cli, tmp_path):
    target = tmp_path / "report.json"
    run = cli("check", str(SEEDS), "--format", "json", "--output", str(target))
    assert run.code == 1 and run.out == ""
    assert json.loads(target.read_text())["files"] == 5
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # readable by others, like any report


def test_text_format_shows_location_excerpt_related_and_summary(cli):
    run = cli("check", str(SEEDS), "--select", "name-variants")
    lines = run.out.splitlines()
    assert lines[0].startswith(f"{SEEDS}/003_c89cddc9c1940466.txt:6:61: warning name-variants ")
    assert lines[1].startswith("    | ") and "Zelensky" in lines[1]
    assert lines[2].startswith("    = ") and "Zelenskyy" in lines[2]
    assert lines[-1] == "Found 1 finding in 5 files (1 warning)."


def test_folders_recurse_skip_hidden_and_other_suffixes(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    text = "Leaders met.\n\n0 comments\n"
    for name in ("sub/a.md", "sub/b.txt", "c.html", ".hidden/d.md", "e.rst", "sub/f.markdown"):
        (tmp_path / name).write_text(text if not name.endswith("html") else f"<p>Leaders met.</p><p>0 comments</p>")
    data = json.loads(cli("check", str(tmp_path), "--format", "json").out)
    assert data["files"] == 4
    assert sorted(Path(f["path"]).name for f in data["findings"]) == ["a.md", "b.txt", "c.html", "f.markdown"]


def test_no_path_means_current_folder(cli, tmp_path):
    (tmp_path / "a.md").write_text("Leaders met.\n\n0 comments\n")
    run = cli("check", "--format", "json", cwd=tmp_path)
    assert json.loads(run.out)["findings"][0]["path"] == "a.md"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--no-such-option"], "usage: unrecognized arguments: --no-such-option"),
        (["check", "--format", "xml"], "usage: argument --format: invalid choice"),
        (["check", "does-not-exist"], "does-not-exist: no such file or folder"),
        (["check", "--select", "no-such-rule"], "unknown rule or kind 'no-such-rule'"),
        (["explain", "no-such-rule"], "unknown rule 'no-such-rule'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(cli, args, expected, tmp_path):
    run = cli(*args, cwd=tmp_path)
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1
    assert expected in run.err
    assert "Traceback" not in run.err


def _bad_input(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Line one.\nCaf\u00e9 au lait.\n".encode("latin-1"), ":2: not valid UTF-8"),
        ("empty.md", b"", "file is empty"),
        ("broken.md", b"---\ntitle: [unclosed\n---\nBody.\n", "broken front matter"),
        ("unclosed.md", b"---\ntitle: x\nBody.\n", "front matter starts with '---' but is never closed"),
    ],
)
def test_bad_articles_exit_2_naming_the_file(cli, tmp_path, name, data, expected):
    path = _bad_input(tmp_path, name, data)
    good = tmp_path / "good.md"
    good.write_text("Leaders met.\n\n0 comments\n")
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 2
    assert run.err.strip().splitlines() == [line for line in run.err.strip().splitlines() if line.startswith(f"factlint: {path}")]
    assert expected in run.err and "Traceback" not in run.err
    assert json.loads(run.out)["findings"][0]["path"] == str(good)  # the other files are still checked


def test_huge_file_is_refused(cli, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (1_200_000))
    run = cli("check", str(path))
    assert run.code == 2 and "file too large" in run.err


def test_articles_are_never_modified_without_fix(cli, seeds_copy):
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    cli("check", str(seeds_copy), "--format", "json")
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before


def test_rules_lists_every_rule(cli):
    run = cli("rules")
    assert run.code == 0
    ids = [line.split()[0] for line in run.out.splitlines()]
    assert {"scraped-boilerplate", "name-variants", "consistent-abbreviations"} <= set(ids)
    assert ids == sorted(ids)


def test_explain_prints_description_and_examples(cli):
    run = cli("explain", "scraped-boilerplate")
    assert run.code == 0
    assert "Articles copied or scraped" in run.out
    assert "Flags:" in run.out and "Leaves alone:" in run.out and "0 comments" in run.out


def test_python_dash_m_entry_point():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "factlint", "--version"], capture_output=True, text=True, env=child_env())
    assert result.returncode == 0 and result.stdout.startswith("factlint ")


def test_explain_lists_every_key_of_the_kind_with_value_default_and_meaning(cli):
    from factlint.kinds.base import get_kind

    run = cli("explain", "trailing-blank-lines")
    assert run.code == 0
    keys = run.out.split("Keys of kind pattern", 1)[1].split("\nFlags:", 1)[0]
    for name, spec in get_kind("pattern").PARAMS.items():
        assert f"\n  {name}: " in keys, name
        assert spec.help[:20].lower() in keys.lower(), name
    assert '  scope: "document" (default: "sentence")\n      Where to look.' in keys
    assert "  ignorecase: false\n      Match regardless of case." in keys
    assert "One of: line, sentence, paragraph, heading, text, document." in keys


def test_screenshot_tool_help_prints_help_and_writes_nothing(tmp_path):
    import subprocess
    import sys

    picture = ROOT / "docs" / "report.png"
    before = picture.stat().st_mtime_ns
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshot_report.py"), "--help"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.startswith("usage: screenshot_report.py")
    assert picture.stat().st_mtime_ns == before


def test_the_readme_documents_what_it_cites():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contract = ROOT / "CONTRACT.md"
    assert "CONTRACT.md" in readme and contract.is_file()
    shared = ROOT.parent / "shared" / "CONTRACT.md"
    if shared.is_file():  # the contract as the project keeps it is the one it was given
        assert contract.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
    from factlint.document import ARTICLE_SUFFIXES
    from factlint.kinds.base import kind_names

    for kind in kind_names():
        assert f"| `{kind}` |" in readme, kind
    for suffix in ARTICLE_SUFFIXES:
        assert f"`{suffix}`" in readme, suffix
    assert "chromium" in readme and "test-rules" in readme and "analysis-timeout" in readme
