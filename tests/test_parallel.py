"""Phase one in worker processes gives exactly what it gives in-process.

``lint_sources`` forks one worker per core when there are enough articles;
the findings, their order, the problems and the cache's contents must not
depend on it.
"""

from __future__ import annotations

import sys

import pytest

import factlint.cache
import factlint.linter
from factlint.cache import ResultCache
from factlint.document import Settings
from factlint.linter import PARALLEL_MIN_ARTICLES, analyze_all, lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules
from tests.conftest import SEEDS

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


@pytest.fixture(scope="module")
def checks():
    return compile_rules(load_rules([builtin_rules_dir()]), {"facts": None, "root": None})


def articles(count: int) -> list[tuple[str, bytes]]:
    """Articles made of the seeds' paragraphs (repeats and variants across files), plus unreadable ones."""
    paragraphs = [p.strip() for seed in sorted(SEEDS.iterdir()) for p in seed.read_text().split("\n\n") if p.strip()]
    sources = []
    for n in range(count):
        chosen = [paragraphs[(n * 7 + k * 3) % len(paragraphs)] for k in range(4)]
        front = f"---\ndate: 2025-01-{n % 28 + 1:02d}\n---\n" if n % 3 else ""
        sources.append((f"articles/{n:03d}.md", (front + "\n\n".join(chosen) + "\n").encode()))
    sources.insert(count // 2, ("articles/binary.md", b"\x00\x01 not text"))
    sources.insert(count // 3, ("articles/broken.md", b"---\ndate: [unclosed\n---\nText.\n"))
    return sources


def as_compared(report) -> tuple:
    return report.findings, [str(e) for e in report.errors], report.stories, report.files


def test_workers_give_the_same_report_as_one_process(checks, monkeypatch):
    import multiprocessing

    contexts = []
    get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: contexts.append(method) or get_context(method))
    monkeypatch.setattr(factlint.linter, "PARALLEL_MIN_COMPARED", 10)  # compare across articles in a worker too
    sources = articles(PARALLEL_MIN_ARTICLES * 3)
    serial = lint_sources(sources, checks, jobs=1)
    assert contexts == []
    parallel = lint_sources(iter(sources), checks, jobs=2)
    assert contexts == ["fork", "fork"]  # phase one, then phase two
    assert serial.findings and serial.errors  # the comparison means something
    assert as_compared(parallel) == as_compared(serial)


def test_results_come_back_in_the_sources_order(checks):
    sources = articles(PARALLEL_MIN_ARTICLES * 2)
    results = list(analyze_all(sources, checks, Settings(), True, jobs=2))
    assert [r.path for r in results] == [path for path, _ in sources]
    assert [r for r in results if r.error is None][0].story_terms  # asked for, so computed in the workers


def test_few_articles_stay_in_process(checks, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    sources = articles(PARALLEL_MIN_ARTICLES - 3)  # two unreadable ones added: still below the threshold
    report = lint_sources(sources, checks, jobs=2)
    assert report.files == len(sources)


def test_with_a_cache_only_misses_are_analysed_and_all_are_stored(checks, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(factlint.cache, "_code_stamp", lambda: [])  # factlint's files may be edited meanwhile
    sources = articles(PARALLEL_MIN_ARTICLES * 2)
    cache = ResultCache.open(tmp_path, checks, Settings(), "articles")
    first = lint_sources(sources, checks, jobs=2, cache=cache)
    readable = len(sources) - 2
    assert (cache.hits, cache.misses) == (0, len(sources))

    changed = [(p, d + b"\nOne more line.\n") if p.endswith("007.md") else (p, d) for p, d in sources]
    cache = ResultCache.open(tmp_path, checks, Settings(), "articles")
    analysed = []
    original = factlint.linter.analyze
    monkeypatch.setattr(factlint.linter, "analyze", lambda path, *a: analysed.append(path) or original(path, *a))
    import multiprocessing

    contexts = []
    get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: contexts.append(method) or get_context(method))
    monkeypatch.setattr(factlint.linter, "PARALLEL_MIN_COMPARED", 10)
    again = lint_sources(changed, checks, jobs=2, cache=cache)
    assert cache.hits == readable - 1 and sorted(analysed) == ["articles/007.md", "articles/binary.md", "articles/broken.md"]
    assert contexts == ["fork"]  # three articles analysed in-process, the folder compared in a worker
    assert as_compared(again) == as_compared(lint_sources(changed, checks, jobs=1))
    assert first.files == again.files
