"""Benchmark the duplicates rules on the Reuters-21578 bodies.

Writes every non-empty body to a temporary folder (one file per article, the
story's date as front matter), lints the folder with the duplicates rules
through the engine, and prints the wall time, the peak memory, and how many
of the groups of identical bodies were found: a group counts as found when
findings (each at the later article, the earlier one related) connect all
its members.

    .venv/bin/python bench/duplicates.py [--corpus PATH] [--keep DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from reuters import REUTERS as DEFAULT_CORPUS, stories


def disguised(body: str, copy: int) -> str:
    """The body with every word respelled the same way for one copy: the same
    layout, repeats and reuse as the original, but no words shared with it."""
    if not copy:
        return body
    return re.sub(r"[A-Za-z]+", lambda m: m.group() + "xq"[copy % 2] * (copy // 2 + 1), body)


def write_articles(corpus: Path, folder: Path, limit: int | None, copies: int = 1) -> dict[str, str]:
    """One .txt file per non-empty body (per copy); returns path -> body."""
    bodies = {}
    for name, date, story in stories(corpus):
        for copy in range(copies):
            path = folder / (f"{copy}-{name}" if copies > 1 else name)
            text = disguised(story["body"], copy)
            path.write_text(f'---\ndate: "{date}"\n---\n{text}\n', encoding="utf-8")
            bodies[str(path)] = text
        if limit and len(bodies) >= limit:
            break
    return bodies


def identical_groups(bodies: dict[str, str]) -> list[list[str]]:
    """Groups of articles whose bodies are identical up to whitespace."""
    groups = defaultdict(list)
    for path, body in bodies.items():
        groups[" ".join(body.split())].append(path)
    return [sorted(paths) for paths in groups.values() if len(paths) > 1]


def duplicates_rules():
    """The built-in rules of kind duplicates, read on their own."""
    from factlint.ruleset import builtin_rules_dir, parse_rule, rule_files
    from factlint.yamlio import load_yaml_file

    rules = []
    for path in rule_files(builtin_rules_dir()):
        data = load_yaml_file(str(path))
        if isinstance(data, dict) and data.get("kind") == "duplicates":
            rules.append(parse_rule(data, str(path)))
    return rules


def resident_mib() -> float:
    """The process's current resident memory."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", type=Path, help="write the articles here instead of a temporary folder")
    parser.add_argument("--limit", type=int, help="only the first N bodies")
    parser.add_argument("--trace", action="store_true", help="also trace Python allocations (slower)")
    parser.add_argument("--missed", action="store_true", help="list the identical-body groups not found")
    parser.add_argument("--jobs", type=int, help="processes for the per-article phase (default: one per core)")
    parser.add_argument(
        "--copies", type=int, default=1,
        help="write each body this many times, each copy's words respelled apart (5 copies: ~95,000 articles)",
    )
    args = parser.parse_args()

    from factlint.linter import lint_sources
    from factlint.ruleset import compile_rules

    rules = duplicates_rules()
    checks = compile_rules(rules)

    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        bodies = write_articles(args.corpus, folder, args.limit, args.copies)
        if args.trace:
            import tracemalloc

            tracemalloc.start()
        rss_before = resident_mib()
        started, cpu_started = time.perf_counter(), time.process_time()
        sources = ((path, Path(path).read_bytes()) for path in sorted(bodies))
        report = lint_sources(sources, checks, jobs=args.jobs)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        workers = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = workers.ru_utime + workers.ru_stime
        traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if args.trace else None

    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # ru_maxrss is in KiB on Linux
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    by_rule = defaultdict(int)
    for finding in report.findings:
        by_rule[finding.rule] += 1
    linked_to = defaultdict(set)  # article -> articles a finding ties it to, either way
    for finding in report.findings:
        for related in finding.related:
            if related.location.path != finding.path:
                linked_to[finding.path].add(related.location.path)
                linked_to[related.location.path].add(finding.path)
    groups = identical_groups(bodies)
    missed = []
    for group in groups:
        linked = {group[0]}  # the members findings connect to the first one
        for _ in group:
            linked |= {p for p in group if linked_to[p] & linked}
        if linked != set(group):
            missed.append(group)
    print(f"articles: {len(bodies)}  rules: {', '.join(r.id for r in rules)}")
    print(
        f"time: {elapsed:.1f} s wall, CPU {cpu:.1f} s in the main process + {worker_cpu:.1f} s in workers "
        f"({len(bodies) / (cpu + worker_cpu):.0f} articles per CPU second)"
    )
    print(
        f"peak memory: {rss_peak:.0f} MiB peak RSS of the main process ({rss_before:.0f} MiB before linting), "
        f"{worker_peak:.0f} MiB of the largest worker"
    )
    if traced_peak is not None:
        print(f"peak Python allocations during the run (tracemalloc): {traced_peak:.1f} MiB")
    print(f"findings: {dict(sorted(by_rule.items()))}  errors: {len(report.errors)}")
    print(f"identical-body groups found: {len(groups) - len(missed)} of {len(groups)}")
    if args.missed:
        for group in missed:
            print("  missed:", " ".join(group), "|", " ".join(bodies[group[0]].split())[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main())
