"""Any kind's plan runs the same on the three engines, with no engine change.

A kind is registered here, in the tests (``headline_kind.py``: one headline
on two stories), and run by the local engine, from the folder's stored
state (``--corpus``, the pre-commit hook) and on Dask: the findings are the
same. Then every built-in cross-article rule, on a generated newsroom, from
the stored state against a full run (the Dask engine's equality on it is in
test_dask_engine.py).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import factlint.engine.folder
import headline_kind
from conftest import run_cli
from newsroom import write_newsroom

from factlint.config import load_config
from factlint.document import Settings
from factlint.formatters import RenderContext, render
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULE = """\
id: same-headline
kind: same-headline
severity: warning
message: "Headline '{match}' was used by {other}, on another story"
description: >
  Two stories under one headline: a paste error, or a template headline left as it was.
examples:
  flag:
    - files: {a.md: "---\\nstory: a\\n---\\n# Fire in Lyon\\n\\nText.\\n", b.md: "---\\nstory: b\\n---\\n# Fire in Lyon\\n\\nMore.\\n"}
  ok:
    - files: {a.md: "---\\nstory: a\\n---\\n# Fire in Lyon\\n\\nText.\\n", b.md: "---\\nstory: a\\n---\\n# Fire in Lyon\\n\\nMore.\\n"}
"""

ARTICLES = {  # name: (date, story, headline)
    "01.md": ("2025-03-01", "lyon-fire", "Fire in Lyon"),
    "02.md": ("2025-03-02", "lyon-fire", "Fire in Lyon"),  # a follow-up of the same story: fine
    "03.md": ("2025-03-02", "porto-fire", "Fire in Lyon"),  # another story under the same headline
    "04.md": ("2025-03-03", "markets", "Markets rise"),
    "05.md": ("2025-03-04", "bonds", "Markets rise!"),
    "06.md": ("2025-03-05", "oil", "MARKETS RISE"),
    "07.md": ("2025-03-05", "talks", "Talks resume in Geneva"),
    "08.md": ("2025-03-06", None, "A mayor for Ghent"),
    "09.md": ("2025-03-06", None, "Ferry strike ends"),
    "10.md": ("2025-03-07", "talks", "Talks resume in Geneva"),
}


@pytest.fixture
def desk(state_kept: Path) -> Path:
    tmp_path = state_kept
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "same-headline.yaml").write_text(RULE)
    folder = tmp_path / "desk"
    folder.mkdir()
    for name, (date, story, headline) in ARTICLES.items():
        front = f"date: {date}\n" + (f"story: {story}\n" if story else "")
        (folder / name).write_text(f"---\n{front}---\n# {headline}\n\nThe desk filed copy number {name[:2]}.\n")
    return tmp_path


def findings(cwd: Path, *args: str) -> list[dict]:
    run = run_cli("check", *args, "--rules", "rules", "--select", "same-headline", "--format", "json", cwd=cwd)
    assert run.code in (0, 1) and run.err == "", run.err
    return json.loads(run.out)["findings"]


def involving(found: list[dict], path: str) -> list[dict]:
    return [f for f in found if f["path"] == path or any(r["path"] == path for r in f["related"])]


def test_a_kind_of_the_tests_runs_on_the_local_engine_and_from_the_folder_state(desk):
    full = findings(desk, "desk")
    assert [(f["path"], f["related"][0]["path"]) for f in full] == [
        ("desk/03.md", "desk/01.md"), ("desk/05.md", "desk/04.md"), ("desk/06.md", "desk/04.md"),
    ]
    findings(desk, "--corpus", "desk", "desk/01.md")  # builds the folder's state
    state = factlint.engine.folder.FolderState  # the hook runs below are served by it, not by a full run
    served = []
    original = state.check_files
    try:
        state.check_files = lambda self, *a, **k: served.append(True) or original(self, *a, **k)  # type: ignore[method-assign]
        for name in ARTICLES:
            assert findings(desk, "--corpus", "desk", f"desk/{name}") == involving(full, f"desk/{name}")
        # 09 takes the talks' headline: it is on no story, so it is another one than theirs
        path = desk / "desk" / "09.md"
        path.write_text(path.read_text().replace("Ferry strike ends", "Talks resume in Geneva!"))
        hooked = findings(desk, "--corpus", "desk", "desk/09.md")
    finally:
        state.check_files = original  # type: ignore[method-assign]
    assert len(served) == len(ARTICLES) + 1
    assert hooked == involving(findings(desk, "desk"), "desk/09.md")
    assert [(f["path"], f["related"][0]["path"]) for f in hooked] == [("desk/09.md", "desk/07.md"), ("desk/10.md", "desk/09.md")]


def test_a_step_that_raises_is_one_error_in_either_engine(desk, monkeypatch):
    findings(desk, "--corpus", "desk", "desk/03.md")  # builds the folder's state

    def broken(self, group):
        raise ValueError("no headline")

    monkeypatch.setattr(headline_kind.SameHeadlineCheck, "_compare", broken)
    expected = "factlint: internal error in rule 'same-headline' across articles: ValueError: no headline\n"
    for args in (["desk"], ["--corpus", "desk", "desk/03.md"]):
        run = run_cli("check", *args, "--rules", "rules", "--select", "same-headline", cwd=desk)
        assert (run.code, run.err) == (2, expected)


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="Dask is not installed: pip install 'factlint[dask]'")
def test_a_kind_of_the_tests_gives_the_local_engines_json_on_dask(desk):
    from distributed import Client

    from factlint.engine import dask as dask_engine

    config = load_config(None)
    context = {"facts": config.facts, "root": config.root}
    rules = [r for r in load_rules([builtin_rules_dir(), desk / "rules"]) if r.id in ("same-headline", "reused-passage")]
    checks = compile_rules(rules, context)
    paths = sorted(str(p) for p in (desk / "desk").iterdir())
    local = lint_sources(((p, Path(p).read_bytes()) for p in paths), checks, Settings())
    with dask_engine.local_cluster(workers=1) as cluster, Client(cluster) as client:
        client.upload_file(headline_kind.__file__)  # the workers import the kind, as a newsroom's own would be installed
        distributed = dask_engine.lint_paths([(p, p) for p in paths], checks, context, Settings(), client=client)
    assert [f.rule for f in local.findings].count("same-headline") == 3
    context_json = RenderContext(rules=rules, color=False, show_stories=True, sources={}, paths=[])
    assert render("json", distributed, context_json) == render("json", local, context_json)


def test_every_cross_article_rule_from_the_folder_state_is_a_full_runs(tmp_path, monkeypatch):
    """A generated newsroom; articles that every cross-article rule reports on, edited and checked together."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    write_newsroom(tmp_path / "archive", stories=42, per_story=6)
    cross = {c.rule.id for c in compile_rules(load_rules([builtin_rules_dir()]), {}) if c.CROSS_ARTICLE}
    whole = json.loads(run_cli("check", "archive", "--format", "json", cwd=tmp_path).out)["findings"]
    targets: list[str] = []
    for rule in sorted(cross):
        at = sorted({f["path"] for f in whole if f["rule"] == rule})
        assert at, f"the newsroom has nothing for {rule}"
        targets += [path for path in at[len(at) // 2 :: 7][:2] if path not in targets]
    run_cli("check", "--corpus", "archive", targets[0], cwd=tmp_path)  # builds the folder's state
    [pointer] = (tmp_path / ".factlint_cache").rglob(factlint.engine.folder.POINTER)
    state = pointer.read_text()
    for path in targets:
        with open(tmp_path / path, "a", encoding="utf-8") as article:
            article.write("\nThe desk will update this report.\n")
    hooked = run_cli("check", "--corpus", "archive", *targets, "--format", "json", cwd=tmp_path)
    assert hooked.err == "" and pointer.read_text() == state  # served by the stored state
    full = run_cli("check", "--corpus", "archive", *targets, "--format", "json", "--no-cache", cwd=tmp_path)
    assert hooked.out == full.out
    assert cross <= {f["rule"] for f in json.loads(full.out)["findings"]}
