"""A fixed random sample of attribution findings, each shown in its paragraph, for an editor's read.

    .venv/bin/factlint check ../shared/corpora/multinews-dev --select attribution --format json --output mn.json
    python3 bench/attribution_sample.py mn.json            # --per-rule 25 --seed 15 --rules weasel-words,...

Issue 15 measures the attribution rules by reading what they say on real copy
nobody edited: a sample of each rule's findings (all of them, if fewer),
drawn with a fixed seed so that the same report always gives the same sample.
Each finding is printed with its whole paragraph (the flagged stretch in
[[ ]]) and the paragraph before it, which is where a reader looks for a
source; the reader then marks it acted on, worth a query, or dismissed.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

RULES = ("unsourced-figures", "unattributed-quotes", "weasel-words", "anonymous-sources", "unsourced-claims")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(first line, last line) of each paragraph, 1-based."""
    spans, start = [], None
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if line.strip() and start is None:
            start = number
        elif not line.strip() and start is not None:
            spans.append((start, number - 1))
            start = None
    if start is not None:
        spans.append((start, len(lines)))
    return spans


def show(finding: dict, width: int = 700) -> str:
    text = Path(finding["path"]).read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")
    spans = paragraphs(text)
    index = next(i for i, (a, b) in enumerate(spans) if a <= finding["line"] <= b)
    line = lines[finding["line"] - 1]
    if finding.get("end_line", finding["line"]) == finding["line"]:
        a, b = finding["column"] - 1, finding["end_column"]
        lines[finding["line"] - 1] = line[:a] + "[[" + line[a:b] + "]]" + line[b:]
    out = []
    for a, b in spans[max(0, index - 1) : index + 1]:
        paragraph = " ".join(lines[a - 1 : b])
        marked = paragraph.find("[[")
        if len(paragraph) > width:  # keep the flagged stretch in view
            start = max(0, marked - width // 2) if marked >= 0 else 0
            paragraph = ("..." if start else "") + paragraph[start : start + width] + "..."
        out.append("    " + paragraph)
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="factlint's JSON report")
    parser.add_argument("--per-rule", type=int, default=25)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--rules", default=",".join(RULES))
    args = parser.parse_args()
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for finding in json.loads(Path(args.report).read_text())["findings"]:
        by_rule[finding["rule"]].append(finding)
    for rule in args.rules.split(","):
        findings = sorted(by_rule.get(rule, []), key=lambda f: (f["path"], f["line"], f["column"]))
        sample = random.Random(args.seed).sample(findings, min(args.per_rule, len(findings)))
        print(f"## {rule}: {len(sample)} of {len(findings)}")
        for n, finding in enumerate(sorted(sample, key=lambda f: (f["path"], f["line"])), 1):
            print(f"{rule[:4]}{n:02d} {finding['path']}:{finding['line']}: {finding['message']}")
            print(show(finding))
        print()


if __name__ == "__main__":
    main()
