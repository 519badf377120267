"""reused-passage gives the same findings on the three engines (issue 21's cases).

A desk of articles holding each case the rule decides across articles: a
quotation shared within one story (left alone) and lifted into another story
(reuse), by front-matter labels and, where the names leave it open, by the
folder's stories (the plan's Join asks for them); a passage of min_words with
a word dropped; an identical article. The local engine's findings are
checked case by case, then the folder's stored state (the pre-commit hook,
every article as its target, then an edited one) and Dask must give the same.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import run_cli

from factlint.config import load_config
from factlint.document import Settings
from factlint.formatters import RenderContext, render
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

FLOODS = (
    '"We will not rest until every family has a roof over its head before the winter comes, and we will rebuild '
    'the bridges, the schools and the clinics that the water took from us," the governor said.'
)
PLEDGE = (
    '"Every pupil in this district will have a laptop, a library card and a warm meal at noon before the end of '
    'the school year, and we will find the money for it without raising a single tax," the mayor said.'
)
RATE = (  # 26 words
    "The central bank raised its lending rate by half a point on Thursday, its third increase this year, "
    "citing stubborn inflation in food and energy prices."
)
ARTICLES = {  # name: (date, story label, paragraphs)
    "01.md": ("2025-03-01", "floods", ("The water rose overnight in the valley of Arden.", FLOODS)),
    "02.md": ("2025-03-02", "floods", ("Rain fell again on the flooded towns near Arden.", FLOODS)),  # one story: fine
    "03.md": ("2025-03-03", "football", ("Rovers won the match with a late goal from a corner.", FLOODS)),  # another story: reuse
    # No labels, and too few names to tell: the folder's stories decide.
    "04.md": ("2025-01-05", None, ("Teachers in Wexley met the board on Monday about the Wexley budget.", PLEDGE)),
    "05.md": ("2025-01-06", None, ("The Wexley board heard teachers again about the budget.", PLEDGE)),  # one story: fine
    "06.md": ("2025-02-20", None, ("Harbour pilots in Dunmore went on strike over pay.", PLEDGE)),  # weeks later: reuse
    "07.md": ("2025-03-05", None, ("Shares fell in early trading as investors waited for the figures.", RATE, "Yields rose.")),
    "08.md": ("2025-03-07", None, ("Grain prices eased after a week of heavy rain.", RATE.replace(" stubborn", ""))),  # a word dropped
    "09.md": ("2025-03-08", None, ("Shares fell in early trading as investors waited for the figures.", RATE, "Yields rose.")),  # 07 again
}


@pytest.fixture
def desk(state_kept: Path) -> Path:
    tmp_path = state_kept
    folder = tmp_path / "desk"
    folder.mkdir()
    for name, (date, story, paragraphs) in ARTICLES.items():
        front = f"date: {date}\n" + (f"story: {story}\n" if story else "")
        (folder / name).write_text(f"---\n{front}---\n" + "\n\n".join(paragraphs) + "\n")
    return tmp_path


def findings(cwd: Path, *args: str) -> list[dict]:
    run = run_cli("check", *args, "--select", "reused-passage", "--format", "json", cwd=cwd)
    assert run.code in (0, 1) and run.err == "", run.err
    return json.loads(run.out)["findings"]


def involving(found: list[dict], path: str) -> list[dict]:
    return [f for f in found if f["path"] == path or any(r["path"] == path for r in f["related"])]


def test_the_local_engine_decides_each_case(desk):
    full = findings(desk, "desk")
    assert [(f["path"], f["related"][0]["path"], f["message"]) for f in full] == [
        ("desk/03.md", "desk/01.md", "1 paragraph, 77% of this article, also in desk/01.md, filed 2 days earlier, word for word"),
        ("desk/06.md", "desk/04.md", "1 paragraph, 82% of this article, also in desk/04.md, filed 46 days earlier, word for word"),
        (
            "desk/08.md", "desk/07.md",
            "1 paragraph, 74% of this article, also in desk/07.md, filed 2 days earlier, almost word for word (98% similar)",
        ),
        ("desk/09.md", "desk/07.md", "The whole article, also in desk/07.md, filed 3 days earlier, word for word"),
    ]


def test_the_folder_state_gives_the_local_engines_findings(desk):
    full = findings(desk, "desk")
    findings(desk, "--corpus", "desk", "desk/01.md")  # builds the folder's state
    for name in ARTICLES:
        assert findings(desk, "--corpus", "desk", f"desk/{name}") == involving(full, f"desk/{name}")
    # 05 moves weeks later: out of 04's story, its quotation is reuse now
    path = desk / "desk" / "05.md"
    path.write_text(path.read_text().replace("2025-01-06", "2025-02-25"))
    hooked = findings(desk, "--corpus", "desk", "desk/05.md")
    assert hooked == involving(findings(desk, "desk"), "desk/05.md")
    assert [(f["path"], f["related"][0]["path"]) for f in hooked] == [("desk/05.md", "desk/04.md")]


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="Dask is not installed: pip install 'factlint[dask]'")
def test_dask_gives_the_local_engines_json(desk):
    from distributed import Client

    from factlint.engine import dask as dask_engine

    config = load_config(None)
    context = {"facts": config.facts, "root": config.root}
    rules = [r for r in load_rules([builtin_rules_dir()]) if r.id == "reused-passage"]
    checks = compile_rules(rules, context)
    paths = sorted(str(p) for p in (desk / "desk").iterdir())
    local = lint_sources(((p, Path(p).read_bytes()) for p in paths), checks, Settings())
    with dask_engine.local_cluster(workers=1) as cluster, Client(cluster) as client:
        distributed = dask_engine.lint_paths([(p, p) for p in paths], checks, context, Settings(), client=client)
    assert len(local.findings) == 4
    context_json = RenderContext(rules=rules, color=False, show_stories=True, sources={}, paths=[])
    assert render("json", distributed, context_json) == render("json", local, context_json)
