"""Config from .factlint.yaml or [tool.factlint]: every key works, every mistake is located."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import ROOT

BAD_ARTICLE = "Leaders met in Paris.\n\n0 comments\n\nThe talks ended.\n\n\n\n"


def _project(tmp_path, config_name: str, config_text: str):
    (tmp_path / config_name).write_text(textwrap.dedent(config_text))
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(BAD_ARTICLE)
    (articles / "drafts").mkdir()
    (articles / "drafts" / "b.md").write_text(BAD_ARTICLE)
    return articles


def _rules(run) -> list[tuple[str, str, str]]:
    return [(f["path"], f["rule"], f["severity"]) for f in json.loads(run.out)["findings"]]


def test_yaml_config_select_exclude_severity(cli, tmp_path):
    _project(
        tmp_path,
        ".factlint.yaml",
        """\
        select: [pattern, furniture]
        exclude: [drafts]
        severity: {trailing-blank-lines: error}
        """,
    )
    run = cli("check", "articles", "--format", "json", cwd=tmp_path)
    assert _rules(run) == [
        ("articles/a.md", "scraped-boilerplate", "warning"),
        ("articles/a.md", "trailing-blank-lines", "error"),
    ]


def test_pyproject_config_fail_level_and_per_file_ignores(cli, tmp_path):
    _project(
        tmp_path,
        "pyproject.toml",
        """\
        [project]
        name = "newsroom"

        [tool.factlint]
        fail-level = "error"
        per-file-ignores = { "articles/drafts/*" = ["pattern", "furniture"] }
        """,
    )
    run = cli("check", "articles", "--format", "json", cwd=tmp_path)
    assert run.code == 0  # warnings only, fail level error
    assert {p for p, _, _ in _rules(run)} == {"articles/a.md"}


def test_config_is_found_from_a_subfolder(cli, tmp_path):
    articles = _project(tmp_path, ".factlint.yaml", "ignore: [scraped-boilerplate]\n")
    run = cli("check", ".", "--format", "json", cwd=articles)
    assert "scraped-boilerplate" not in {r for _, r, _ in _rules(run)}
    assert {r for _, r, _ in _rules(run)} == {"trailing-blank-lines"}


def test_cli_select_overrides_config(cli, tmp_path):
    _project(tmp_path, ".factlint.yaml", "select: [trailing-blank-lines]\n")
    run = cli("check", "articles", "--select", "scraped-boilerplate", "--format", "json", cwd=tmp_path)
    assert {r for _, r, _ in _rules(run)} == {"scraped-boilerplate"}


def test_explicit_config_and_rules_folder(cli, tmp_path):
    custom = tmp_path / "house-rules"
    custom.mkdir()
    (custom / "no-breaking.yaml").write_text(
        "id: no-breaking\nkind: pattern\nseverity: error\nmessage: No banners\n"
        "description: Banners are page furniture.\ntokens: [BREAKING]\n"
        "examples: {flag: ['BREAKING: x'], ok: ['x']}\n"
    )
    (tmp_path / "elsewhere.yaml").write_text("rules: [house-rules]\nselect: [no-breaking]\n")
    (tmp_path / "a.txt").write_text("BREAKING: talks end.\n")
    run = cli("check", "a.txt", "--config", "elsewhere.yaml", "--format", "json", cwd=tmp_path)
    assert run.code == 1 and _rules(run) == [("a.txt", "no-breaking", "error")]


def test_unknown_key_is_located(cli, tmp_path):
    _project(tmp_path, ".factlint.yaml", "select: [pattern]\nfail_level: error\n")
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2 and ".factlint.yaml:2: unknown config key 'fail_level'" in run.err


def test_bad_value_in_pyproject_is_located(cli, tmp_path):
    _project(tmp_path, "pyproject.toml", '[tool.factlint]\nselect = ["pattern"]\nfail-level = "fatal"\n')
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml:3: config key 'fail-level' must be one of" in run.err


def test_broken_toml_is_located(cli, tmp_path):
    _project(tmp_path, "pyproject.toml", '[tool.factlint]\nselect = ["pattern"\n')
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml" in run.err and "invalid TOML" in run.err
    assert len(run.err.strip().splitlines()) == 1


def test_severity_override_for_unknown_rule(cli, tmp_path):
    _project(tmp_path, ".factlint.yaml", "severity: {no-such-rule: error}\n")
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2 and "unknown rule 'no-such-rule'" in run.err


def test_missing_config_file(cli, tmp_path):
    run = cli("check", ".", "--config", "nope.yaml", cwd=tmp_path)
    assert run.code == 2 and "nope.yaml: config file does not exist" in run.err


def test_abbreviations_extend_the_sentence_splitter(tmp_path):
    from factlint.document import Settings, parse_document

    text = b"The Supt. Jones arrived. He left.\n\nThe Brig. Smith arrived. He left.\n"
    default = parse_document("a.md", text)
    extended = parse_document("a.md", text, Settings(extra_abbreviations=("Brig.",)))
    assert [len(b.sentences) for b in default.paragraphs] == [2, 3]
    assert [len(b.sentences) for b in extended.paragraphs] == [2, 2]


# ---------------------------------------------------------------------------
# Issue 20, item 14: every name and file the config gives is checked, located
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text", "error"), [
    (".factlint.yaml", "select: [consistency, nosuch]\n", ".factlint.yaml:1: select: unknown rule or kind 'nosuch'"),
    (".factlint.yaml", "ignore:\n  - nosuch\n", ".factlint.yaml:1: ignore: unknown rule or kind 'nosuch'"),
    (".factlint.yaml", 'per-file-ignores:\n  "wire/*": [name-variants]\n  "*.md": [nosuch]\n',
     ".factlint.yaml:3: per-file-ignores '*.md': unknown rule or kind 'nosuch'"),
    (".factlint.yaml", "severity:\n  name-variants: error\n  nosuch: error\n",
     ".factlint.yaml:3: severity override for unknown rule 'nosuch'"),
    (".factlint.yaml", "fail-level: info\nselect: [pattern]\nselect: [consistency]\n",
     ".factlint.yaml:3: key 'select' is given twice (first on line 2)"),
    (".factlint.yaml", "facts: newsroom.yaml\n", ".factlint.yaml:1: facts file 'newsroom.yaml' does not exist"),
    (".factlint.yaml", "fail-level: info\nfacts: .\n", ".factlint.yaml:2: facts file '.' is a folder; name a YAML file of facts"),
    ("pyproject.toml", '[tool.factlint]\nfail-level = "info"\nselect = ["nosuch"]\n',
     "pyproject.toml:3: select: unknown rule or kind 'nosuch'"),
    ("pyproject.toml", '[tool.factlint]\nfail-level = "info"\n\n[tool.factlint.severity]\nnosuch = "error"\n',
     "pyproject.toml:5: severity override for unknown rule 'nosuch'"),
    ("pyproject.toml", '[tool.factlint.per-file-ignores]\n"wire/*" = ["nosuch"]\n',
     "pyproject.toml:2: per-file-ignores 'wire/*': unknown rule or kind 'nosuch'"),
    (".factlint.yaml", "analysis-timeout: -1\n", ".factlint.yaml:1: config key 'analysis-timeout' must be"),
])
def test_config_mistakes_name_the_file_and_line(cli, tmp_path, name, text, error):
    _project(tmp_path, name, text)
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2
    assert run.err.startswith("factlint: " + error) and len(run.err.splitlines()) == 1, run.err


def test_the_readme_config_example_works_as_written(cli, tmp_path):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# \.factlint\.yaml\n.*?)```", readme, re.S).group(1)
    _project(tmp_path, ".factlint.yaml", example)
    (tmp_path / "house-rules").mkdir()  # the example adds this folder of rules
    assert not (tmp_path / "facts.yaml").exists()  # named as the default: not required
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code in (0, 1), run.err
    assert run.err == ""
