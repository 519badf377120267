"""Precision of the figures rules on ECB+: every finding, with its sentences, to read.

Each ``ecbplus-dev/<N_ecb|N_ecbplus>`` folder holds several outlets' reports
of one real event, linted alone as ``factlint check <folder> --select
figures`` would (stories grouped by content). ECB+ articles carry no dates,
so figure-change cannot fire there; figure-contradicts-facts needs a facts
file and is measured by the tests.

The script prints every finding with the sentence of each place it names,
so a reader can judge each one, and a count per rule. It also counts the
raw pairs the frame test removed: figures of the same counted thing whose
values conflict, within an article and across a folder, which is what a
check on counted things alone would have reported.

With ``--reuters``: the Reuters-21578 stories, dated (front matter) and
grouped into stories by content, for figure-change and for false alarms
at scale.

    .venv/bin/python bench/figures_precision.py [--corpus DIR] [--folder NAME ...] [--raw]
    .venv/bin/python bench/figures_precision.py --reuters [--limit N]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ecbplus-dev"


def figure_checks() -> list:
    return compile_rules([r for r in load_rules([builtin_rules_dir()]) if r.kind == "figures"])


def line_of(path: str, line: int) -> str:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return " ".join(text.split())


def sentence_at(path: str, line: int, column: int, width: int = 110) -> str:
    """The text around a line and column, enough to judge a figure by."""
    text = line_of(path, line)
    start = max(0, column - 1 - width)
    return ("..." if start else "") + text[start:column - 1 + width] + ("..." if column - 1 + width < len(text) else "")


def show(finding, name, text_at) -> None:
    """A finding, the text it flags and the text of each related place, for reading."""
    loc = finding.location
    print(f"{name(finding.path)}:{loc.line}:{loc.column} {finding.rule}: {finding.message}")
    print(f"    here:    {text_at(loc)}")
    for related in finding.related:
        r = related.location
        print(f"    {related.message[:40]:<40} {name(r.path)}:{r.line}: {text_at(r)}")


def raw_pairs(folder: Path) -> tuple[int, int]:
    """Conflicting pairs of figures with the same counted thing, frames ignored."""
    from factlint.kinds.figures import load_lexicon
    from factlint.quantities import conflicts, extract_quantities

    lexicon = load_lexicon()
    per_article = []
    within = 0
    for path in sorted(folder.glob("*.txt")):
        found = [q for q in extract_quantities(path.read_text(encoding="utf-8")) if q.thing and q.role == "level"]
        found = [q._replace(thing=lexicon.thing(q.thing)) for q in found]
        per_article.append(found)
        within += sum(conflicts(a, b, 0.05) for i, a in enumerate(found) for b in found[i + 1:])
    across = 0
    for i, first in enumerate(per_article):
        for second in per_article[i + 1:]:
            across += sum(conflicts(a, b, 0.05) for a in first for b in second)
    return within, across


def reuters(corpus: Path, limit: int | None) -> int:
    """Lint the Reuters stories as one folder; print every figures finding with its lines."""
    from reuters import stories

    sources: list[tuple[str, bytes]] = []
    for name, date, story in stories(corpus.parent / "reuters21578.jsonl", limit):
        text = f'---\ndate: "{date}"\n---\n{story.get("title") or ""}\n\n{story["body"].strip()}\n'
        sources.append((name, text.encode("utf-8")))
    texts = {path: data.decode("utf-8").splitlines() for path, data in sources}
    started = time.process_time()
    findings = lint_sources(sources, figure_checks()).findings
    elapsed = time.process_time() - started
    counts: Counter[str] = Counter()
    for finding in findings:
        counts[finding.rule] += 1
        show(finding, lambda path: path, lambda loc: " ".join(texts[loc.path][loc.line - 1].split()))
    print(f"\n{len(sources)} stories, {elapsed:.1f} s CPU in this process")
    for rule in ("figure-mismatch", "figure-disagreement", "figure-change"):
        print(f"  {rule}: {counts[rule]} findings")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--folder", action="append", help="only these sub-topic folders (e.g. 20_ecbplus)")
    ap.add_argument("--raw", action="store_true", help="also count the pairs a counted-thing-only check would report")
    ap.add_argument("--reuters", action="store_true", help="lint the dated Reuters-21578 stories instead")
    ap.add_argument("--limit", type=int, default=None, help="with --reuters: only the first N stories")
    args = ap.parse_args()
    if args.reuters:
        return reuters(args.corpus, args.limit)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        return 2
    checks = figure_checks()
    folders = sorted(p for p in args.corpus.iterdir() if p.is_dir() and (not args.folder or p.name in args.folder))
    counts: Counter[str] = Counter()
    raw_within = raw_across = articles = 0
    started = time.process_time()
    for folder in folders:
        sources = [(str(p), p.read_bytes()) for p in sorted(folder.glob("*.txt"))]
        articles += len(sources)
        findings = lint_sources(sources, checks, jobs=1).findings
        for finding in findings:
            counts[finding.rule] += 1
            show(finding, lambda path: f"{folder.name}/{Path(path).name}", lambda loc: sentence_at(loc.path, loc.line, loc.column))
        if args.raw:
            within, across = raw_pairs(folder)
            raw_within += within
            raw_across += across
    elapsed = time.process_time() - started
    print()
    print(f"{len(folders)} folders, {articles} articles, {elapsed:.1f} s CPU")
    for rule in ("figure-mismatch", "figure-disagreement", "figure-change", "figure-contradicts-facts"):
        print(f"  {rule}: {counts[rule]} findings")
    if args.raw:
        print(f"  same counted thing, conflicting values (5% tolerance, frames ignored): "
              f"{raw_within} pairs within articles, {raw_across} across articles of a folder")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
