"""Measure the locations rules on ECB+: consistent folders, then mixed ones.

Each ``ecbplus-dev/<N_ecb|N_ecbplus>`` folder holds several outlets' reports
of one real event, so findings there are (almost all) false alarms. Siblings
``N_ecb`` and ``N_ecbplus`` are two events of the same type in different
places: mixed under one front-matter story, the check should notice.

1. every folder alone, grouped by content as the CLI does
   (same as ``factlint check <folder> --select locations``);
2. every sibling pair copied to a temporary folder as .md files with
   ``story: mixed`` in the front matter.

With ``--reuters``: the Reuters-21578 stories (dateline put back before the
body, date as front matter), grouped by content, for speed and for the
findings an editor would have to read.

    .venv/bin/python bench/locations.py [--corpus DIR] [-v]
    .venv/bin/python bench/locations.py --reuters [--limit N] [-v]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ecbplus-dev"


def location_checks() -> list:
    return compile_rules([r for r in load_rules([builtin_rules_dir()]) if r.kind == "locations"])


def lint_folder(folder: Path, checks: list) -> list:
    sources = [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.suffix in (".txt", ".md")]
    return lint_sources(sources, checks).findings


def show(findings: list) -> None:
    for f in findings:
        print(f"    {Path(f.path).name}:{f.location.line} {f.rule}: {f.message}")


def reuters(limit: int | None, verbose: bool) -> None:
    """Lint the Reuters stories; print the time of each phase and the findings."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from reuters import stories

    from factlint.document import Settings
    from factlint.linter import analyze, collect

    checks = location_checks()
    sources = []
    for name, date, story in stories(limit=limit):
        text = f'---\ndate: "{date}"\n---\n{story.get("dateline") or ""} {story["body"].strip()}\n'
        sources.append((name, text.encode("utf-8")))
    started = time.perf_counter()
    results = [analyze(path, data, checks, Settings(), want_story_terms=True) for path, data in sources]
    per_article = time.perf_counter() - started
    report = collect(results, checks)
    total = time.perf_counter() - started
    by_rule: dict[str, int] = {}
    for finding in report.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    print(f"{len(sources)} articles: per-article phase {per_article:.1f} s "
          f"({per_article / len(sources) * 1000:.2f} ms an article), whole run {total:.1f} s")
    print(f"findings: {by_rule or 'none'}; errors: {len(report.errors)}")
    if verbose:
        show(report.findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--reuters", action="store_true", help="lint the Reuters-21578 stories instead")
    parser.add_argument("--limit", type=int, default=None, help="with --reuters: only the first N stories")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every finding")
    args = parser.parse_args()
    if args.reuters:
        reuters(args.limit, args.verbose)
        return
    checks = location_checks()
    folders = sorted((p for p in args.corpus.iterdir() if p.is_dir()), key=lambda p: (int(p.name.split("_")[0]), p.name))
    started = time.perf_counter()
    alone_total = 0
    print("folder alone: findings")
    for folder in folders:
        findings = lint_folder(folder, checks)
        alone_total += len(findings)
        print(f"  {folder.name:12} {len(list(folder.glob('*.txt'))):3} articles  {len(findings)} findings")
        if args.verbose:
            show(findings)
    print(f"  total {alone_total} findings in {len(folders)} folders")

    print("sibling pairs mixed under 'story: mixed': findings (articles flagged)")
    noticed = pairs = 0
    for topic in sorted({f.name.split("_")[0] for f in folders}, key=int):
        pair = [f for f in folders if f.name.split("_")[0] == topic]
        if len(pair) != 2:
            continue
        pairs += 1
        with tempfile.TemporaryDirectory() as tmp:
            for folder in pair:
                for path in sorted(folder.glob("*.txt")):
                    text = path.read_text(encoding="utf-8")
                    Path(tmp, f"{folder.name}__{path.stem}.md").write_text(f"---\nstory: mixed\n---\n{text}", encoding="utf-8")
            findings = lint_folder(Path(tmp), checks)
        flagged = {f.path for f in findings}
        noticed += bool(findings)
        print(f"  {pair[0].name} + {pair[1].name}: {len(findings)} findings ({len(flagged)} articles)")
        if args.verbose:
            show(findings)
    print(f"  noticed in {noticed} of {pairs} mixed pairs")
    print(f"  {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
