"""CPU time per kind on the benchmark's tenth of Reuters, in one process.

    .venv/bin/python bench/kinds_cpu.py            # --runs N (best of N, default 3), --kinds a,b, --limit N

The issues hold a kind's CPU to a multiple of what it cost before; this is the
one way the project measures it. Every built-in rule is compiled as a plain
``factlint check`` would; each article is parsed once (timed as "parsing"),
then each kind's rules run ``check`` and ``extract`` on it with the document's
shared analyses cleared before the kind, so a kind pays for what it reads
itself. Phase two is timed per kind after the stories are grouped once
(timed as "grouping stories"): each rule's plan run in memory, as the local
engine runs it. Times are process CPU seconds, the best of
``--runs``: CPU time is what other jobs on a shared machine disturb least,
but compare two commits measured in the same conditions, not a figure from
another day.

The folder is every tenth non-empty Reuters body, as ``bench/run.py`` writes it
(its date as front matter); the articles are read from the corpus in memory.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reuters import REUTERS, stories  # noqa: E402


def tenth(limit: int | None = None) -> list[tuple[str, bytes]]:
    """Every tenth Reuters body as (name, bytes), as bench/run.py writes the tenth folder."""
    articles = []
    for n, (name, date, story) in enumerate(stories(REUTERS)):
        if n % 10 == 0:
            articles.append((name, f'---\ndate: "{date}"\n---\n{story["body"]}\n'.encode()))
            if limit and len(articles) >= limit:
                break
    return articles


def measure(articles: list[tuple[str, bytes]], kinds: set[str] | None) -> dict[str, float]:
    from factlint.document import Settings, parse_document
    from factlint.kinds.base import ArticleInfo, Corpus
    from factlint.linter import article_info
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules
    from factlint.stories import group_stories, story_terms

    rules = [r for r in load_rules([builtin_rules_dir()]) if kinds is None or r.kind in kinds]
    checks = compile_rules(rules, {})
    by_kind = defaultdict(list)
    for check in checks:
        by_kind[check.kind].append(check)
    times: dict[str, float] = defaultdict(float)
    settings = Settings()
    extracts: dict[str, dict[str, object]] = defaultdict(dict)
    infos: dict[str, ArticleInfo] = {}
    terms: dict[str, dict[str, float]] = {}
    for path, data in articles:
        started = time.process_time()
        doc = parse_document(path, data, settings)
        times["parsing"] += time.process_time() - started
        infos[path] = article_info(doc)
        for kind, kind_checks in by_kind.items():
            doc._memo.clear()
            started = time.process_time()
            for check in kind_checks:
                list(check.check(doc))
                if check.CROSS_ARTICLE:
                    extracts[check.rule.id][path] = check.extract(doc)
            times[kind] += time.process_time() - started
        doc._memo.clear()
        started = time.process_time()
        terms[path] = story_terms(doc)
        times["story terms"] += time.process_time() - started
    corpus = Corpus(infos)
    started = time.process_time()
    corpus.stories = group_stories(corpus, terms)
    times["grouping stories"] += time.process_time() - started
    from factlint.engine.memory import run_plan

    for kind, kind_checks in by_kind.items():
        for check in kind_checks:
            plan = check.plan() if check.CROSS_ARTICLE else None
            if plan is not None:
                started = time.process_time()
                run_plan(check.rule.id, plan, extracts[check.rule.id], corpus)  # as the local engine runs it
                times[f"{kind} (across articles)"] += time.process_time() - started
    return dict(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kinds", help="comma-separated kinds (default: every kind with a built-in rule)")
    parser.add_argument("--limit", type=int, help="only the first N articles of the tenth")
    args = parser.parse_args(argv)
    if not REUTERS.exists():
        print(f"kinds_cpu: {REUTERS} is missing (../shared/corpora)", file=sys.stderr)
        return 2
    articles = tenth(args.limit)
    kinds = set(args.kinds.split(",")) if args.kinds else None
    best: dict[str, float] = {}
    for _ in range(args.runs):
        for name, seconds in measure(articles, kinds).items():
            best[name] = min(best.get(name, seconds), seconds)
    total = sum(best.values())
    print(f"CPU seconds per kind, best of {args.runs}, {len(articles)} articles (Reuters, every tenth)")
    print(f"| part | CPU s | share |\n|---|--:|--:|")
    for name, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    print(f"| total | {total:.2f} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
