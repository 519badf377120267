"""The thresholds as shipped, not lowered for a small test folder.

Other tests lower ``MIN_ARTICLES``, ``REGROUP_SHARE`` and
``PARALLEL_MIN_COMPARED`` so that small folders reach the code behind them;
these run that code at the shipped values, at the boundary each one draws.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

import factlint.engine.folder
import factlint.linter
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules
from tests.conftest import run_cli

TOWNS = ["Banstead", "Reigate", "Epsom", "Dorking", "Leatherhead", "Redhill", "Horley", "Caterham"]


def brief(n: int) -> str:
    """A short dated local brief, each about another council vote; one in seven writes 'US'."""
    town = TOWNS[n % len(TOWNS)]
    return (
        f"---\ndate: 2025-03-{n % 28 + 1:02d}\n---\n"
        f"The {town} council voted {n + 3} to {n % 5 + 1} on Tuesday to repair road number {1000 + n}, "
        f"the {'US' if n % 7 == 3 else 'U.S.'} consultant hired for the work said after meeting {n + 2} residents.\n"
    )


def folder_of(root: Path, count: int) -> Path:
    folder = root / "archive"
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.md").write_text(brief(n))
    return folder


def hook(root: Path, name: str) -> None:
    run = run_cli("check", "--corpus", "archive", f"archive/{name}", "--format", "json", cwd=root)
    assert run.code in (0, 1), run.err


def state_files(root: Path) -> list[Path]:
    return list((root / ".factlint_cache").rglob("state-*.sqlite"))


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.mark.parametrize("count", [factlint.engine.folder.MIN_ARTICLES - 1, factlint.engine.folder.MIN_ARTICLES])
def test_a_folder_keeps_a_state_from_min_articles(tmp_path, count):
    assert factlint.engine.folder.MIN_ARTICLES == 50  # the shipped value
    folder_of(tmp_path, count)
    hook(tmp_path, "000.md")
    assert bool(state_files(tmp_path)) == (count >= 50)


def test_the_folder_is_regrouped_once_more_than_one_article_in_regroup_share_was_placed(tmp_path):
    """98 articles and the shipped 1 in 50: the second placement makes 2 of 100 (not more
    than 1 in 50), the third 3 of 101 (more): the folder is regrouped and the count restarts."""
    assert factlint.engine.folder.REGROUP_SHARE == 50  # the shipped value
    folder = folder_of(tmp_path, 98)
    hook(tmp_path, "000.md")
    [state] = state_files(tmp_path)
    placed = []
    for n in range(98, 101):
        (folder / f"{n:03d}.md").write_text(brief(n))
        hook(tmp_path, f"{n:03d}.md")
        with sqlite3.connect(state) as db:
            placed.append(db.execute("SELECT value FROM meta WHERE key='placed'").fetchone()[0])
    assert placed == [1, 2, 0]
    assert state_files(tmp_path) == [state]  # regrouped in place, not rebuilt


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
@pytest.mark.parametrize("count", [factlint.linter.PARALLEL_MIN_COMPARED - 1, factlint.linter.PARALLEL_MIN_COMPARED])
def test_articles_are_compared_in_a_worker_from_parallel_min_compared(count, monkeypatch):
    import multiprocessing

    assert factlint.linter.PARALLEL_MIN_COMPARED == 500  # the shipped value
    rules = [r for r in load_rules([builtin_rules_dir()]) if r.id in ("reused-passage", "consistent-abbreviations")]
    checks = compile_rules(rules, {"facts": None, "root": None})
    sources = [(f"archive/{n:03d}.md", brief(n).encode()) for n in range(count)]
    serial = factlint.linter.lint_sources(sources, checks, jobs=1)
    forks = []
    get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: forks.append(method) or get_context(method))
    parallel = factlint.linter.lint_sources(sources, checks, jobs=2)
    assert forks == (["fork", "fork"] if count >= 500 else ["fork"])  # analysing workers, then the comparing one
    assert serial.findings and parallel.findings == serial.findings
