"""Precision and recall of the weasel and anonymous-sourcing rules on WikiWeasel.

The CoNLL-2010 Wikipedia sentences (``text,label``, 1 = weasel/uncertain) are
linted one sentence per article with the built-in rules of the chosen
findings; a sentence counts as flagged when any of them reports it.

    .venv/bin/python bench/wikiweasel.py [CSV] [--findings weasel,anonymous] [--show 20]

The labels cover hedging of every sort ("may", "possibly") as well as
weasel wording; this linter reports only claims credited to no one or to a
vague crowd, so recall is bounded well below 100% by design.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "corpora" / "wikiweasel_train.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", default=str(DEFAULT_CSV), help="text,label CSV (default: %(default)s)")
    parser.add_argument("--findings", default="weasel,anonymous", help="attribution findings to count (default: %(default)s)")
    parser.add_argument("--show", type=int, default=0, help="print this many false positives and missed sentences")
    parser.add_argument("--seed", type=int, default=1, help="random seed for --show samples")
    args = parser.parse_args(argv)

    from factlint.linter import lint_sources
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    wanted = {f.strip() for f in args.findings.split(",") if f.strip()}
    rules = [r for r in load_rules([builtin_rules_dir()]) if r.kind == "attribution" and r.params["finding"] in wanted]
    if not rules:
        print(f"no built-in attribution rules for findings {sorted(wanted)}", file=sys.stderr)
        return 2
    checks = compile_rules(rules)

    with open(args.csv, encoding="utf-8", newline="") as handle:
        rows = [(row["text"].strip(), row["label"].strip() == "1") for row in csv.DictReader(handle) if row["text"].strip()]
    sources = [(f"s{i:05d}.txt", (text + "\n").encode("utf-8")) for i, (text, _) in enumerate(rows)]
    started = time.perf_counter()
    report = lint_sources(sources, checks)
    elapsed = time.perf_counter() - started
    flagged = {int(f.path[1:6]) for f in report.findings}

    positives = sum(1 for _, label in rows if label)
    true_positives = sum(1 for i in flagged if rows[i][1])
    precision = true_positives / len(flagged) if flagged else 0.0
    recall = true_positives / positives if positives else 0.0
    words = sum(len(text.split()) for text, _ in rows)
    print(f"rules: {', '.join(r.id for r in rules)}")
    print(f"sentences: {len(rows)}, labelled weasel/uncertain: {positives}")
    print(f"flagged: {len(flagged)}, of which labelled weasel/uncertain: {true_positives}")
    print(f"precision: {precision:.1%}  recall: {recall:.1%}")
    print(f"time: {elapsed:.1f}s for {words} words ({words / elapsed:,.0f} words/s)")
    if report.errors:
        print(f"errors: {len(report.errors)} (first: {report.errors[0]})")

    if args.show:
        rng = random.Random(args.seed)
        messages = {}
        for finding in report.findings:
            messages.setdefault(int(finding.path[1:6]), finding.message)
        false_positives = sorted(i for i in flagged if not rows[i][1])
        missed = sorted(i for i, (_, label) in enumerate(rows) if label and i not in flagged)
        for title, indices in (("flagged, labelled certain", false_positives), ("labelled weasel/uncertain, not flagged", missed)):
            print(f"\n== {title} ({len(indices)}; sample of {min(args.show, len(indices))})")
            for i in rng.sample(indices, min(args.show, len(indices))):
                print(f"- {rows[i][0][:220]}")
                if i in messages:
                    print(f"    -> {messages[i]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
