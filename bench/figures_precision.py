"""Every figures finding on real copy nobody edited, with its sentences, to read as an editor.

Three corpora, each linted the way a newsroom would lint it (stories grouped
by content, as ``factlint check`` does):

- ``--ecb``: each ``ecbplus-dev/<N_ecb|N_ecbplus>`` folder alone (several
  outlets' reports of one real event; undated, so figure-change cannot fire);
- ``--multinews``: each ``multinews-dev/<cluster>`` folder alone, then the
  whole folder at once (scraped web copy, several outlets per story);
- ``--reuters``: all of Reuters-21578 as one folder, dated (front matter),
  and with ``--sample N`` a reproducible random sample of N findings to read.

Each finding is printed with the text at its place and at each related
place, then a count per rule. Reading them is the measurement: would an
editor act on it? Figure-contradicts-facts needs a facts file and is
measured by the tests.

    .venv/bin/python bench/figures_precision.py --ecb [--folder 20_ecbplus ...]
    .venv/bin/python bench/figures_precision.py --multinews
    .venv/bin/python bench/figures_precision.py --reuters [--limit N] [--sample 50]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
RULES = ("figure-mismatch", "figure-disagreement", "figure-change", "age-mismatch")


def figure_checks() -> list:
    return compile_rules([r for r in load_rules([builtin_rules_dir()]) if r.kind == "figures"])


def window(text: str, column: int, width: int = 110) -> str:
    """The text of a line around a column, enough to judge a figure by."""
    text = " ".join(text.split()) if len(text) <= 2 * width else text
    start = max(0, column - 1 - width)
    return ("..." if start else "") + " ".join(text[start:column - 1 + width].split()) + (
        "..." if column - 1 + width < len(text) else "")


def show(finding, texts: dict[str, list[str]], name: Callable[[str], str] = str) -> None:
    """A finding, the text it flags and the text of each related place, for reading."""
    def at(location) -> str:
        lines = texts[location.path]
        return window(lines[location.line - 1], location.column) if 0 < location.line <= len(lines) else ""

    loc = finding.location
    print(f"{name(loc.path)}:{loc.line}:{loc.column} {finding.rule}: {finding.message}")
    print(f"    here:    {at(loc)}")
    for related in finding.related:
        print(f"    {related.message[:40]:<40} {name(related.location.path)}:{related.location.line}: {at(related.location)}")


def lint_folder(paths: list[Path], checks: list) -> tuple[list, dict[str, list[str]]]:
    sources = [(str(p), p.read_bytes()) for p in paths]
    texts = {path: data.decode("utf-8", "replace").splitlines() for path, data in sources}
    return lint_sources(sources, checks, jobs=1).findings, texts


def folders_alone(folders: list[Path], checks: list, counts: Counter) -> None:
    for folder in folders:
        findings, texts = lint_folder(sorted(folder.glob("*.txt")), checks)
        for finding in findings:
            counts[finding.rule] += 1
            show(finding, texts, lambda path: f"{folder.name}/{Path(path).name}")


def report(counts: Counter, started: float, what: str) -> None:
    print(f"\n{what}, {time.process_time() - started:.1f} s CPU")
    for rule in RULES:
        print(f"  {rule}: {counts[rule]} findings")


def ecb(args: argparse.Namespace) -> int:
    root = args.corpus or CORPORA / "ecbplus-dev"
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (not args.folder or p.name in args.folder))
    counts: Counter[str] = Counter()
    started = time.process_time()
    folders_alone(folders, figure_checks(), counts)
    report(counts, started, f"{len(folders)} ECB+ folders, each alone")
    return 0


def multinews(args: argparse.Namespace) -> int:
    root = args.corpus or CORPORA / "multinews-dev"
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (not args.folder or p.name in args.folder))
    checks = figure_checks()
    counts: Counter[str] = Counter()
    started = time.process_time()
    print("== each cluster folder alone")
    folders_alone(folders, checks, counts)
    report(counts, started, f"{len(folders)} multinews-dev clusters, each alone")
    print("\n== the whole folder at once")
    counts = Counter()
    started = time.process_time()
    findings, texts = lint_folder(sorted(p for folder in folders for p in folder.glob("*.txt")), checks)
    for finding in findings:
        counts[finding.rule] += 1
        show(finding, texts, lambda path: "/".join(Path(path).parts[-2:]))
    report(counts, started, f"multinews-dev as one folder ({len(texts)} articles)")
    return 0


def reuters(args: argparse.Namespace) -> int:
    """All Reuters stories as one dated folder; every finding, or a random sample of them."""
    from reuters import stories

    sources: list[tuple[str, bytes]] = []
    for name, date, story in stories(CORPORA / "reuters21578.jsonl", args.limit):
        text = f'---\ndate: "{date}"\n---\n{story.get("title") or ""}\n\n{story["body"].strip()}\n'
        sources.append((name, text.encode("utf-8")))
    texts = {path: data.decode("utf-8").splitlines() for path, data in sources}
    started = time.process_time()
    findings = lint_sources(sources, figure_checks()).findings
    counts = Counter(f.rule for f in findings)
    shown = findings
    if args.sample:
        shown = random.Random(13).sample(findings, min(args.sample, len(findings)))
        shown.sort(key=lambda f: f.sort_key())
    for finding in shown:
        show(finding, texts)
    report(counts, started, f"{len(sources)} Reuters stories" + (f", {len(shown)} findings shown" if args.sample else ""))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--ecb", action="store_true", help="each ECB+ dev folder alone")
    mode.add_argument("--multinews", action="store_true", help="each multinews-dev cluster alone, then the whole folder")
    mode.add_argument("--reuters", action="store_true", help="all Reuters-21578 stories as one dated folder")
    ap.add_argument("--corpus", type=Path, help="another folder than the shared corpus (--ecb, --multinews)")
    ap.add_argument("--folder", action="append", help="only these sub-folders (e.g. 20_ecbplus, test-121)")
    ap.add_argument("--limit", type=int, help="--reuters: only the first N stories")
    ap.add_argument("--sample", type=int, help="--reuters: show a random sample of this many findings (seed 13)")
    args = ap.parse_args()
    if args.ecb:
        return ecb(args)
    if args.multinews:
        return multinews(args)
    return reuters(args)


if __name__ == "__main__":
    raise SystemExit(main())
