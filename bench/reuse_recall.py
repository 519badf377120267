"""Recall and false findings of reused-passage on passages pasted between unrelated Reuters stories.

    .venv/bin/python bench/reuse_recall.py [--stories 300] [--pasted 160] [--seed 21] [--show 8]

``../shared/eval``'s reuse set has 20 labels; this puts in many more, of the
shapes the rule must find at the same precision: passages of 25 to 32 words
and of 33 to 70, anywhere in the receiving story (often where the source has
them at the other end), exact or lightly edited: a word dropped, added or
changed, two such edits, punctuation and quotation marks changed, figures
written another way ("9,408" and "9408", "mln" and "million"), and a
paragraph quoted from an unrelated story. The stories are Reuters bodies of
six or more paragraphs that share no eight-word sequence with each other, so
that any other finding is a false one (printed, to be read).

Prints recall by case and by length, and the unlabeled findings. Runs the
rule in one process through the local engine (the folder's stories grouped
as a plain run groups them).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reuters import REUTERS, stories  # noqa: E402

CASES = ("exact", "dropped", "added", "changed", "two-edits", "punctuation", "figures", "quoted")
FILLERS = ("also", "still", "now", "again", "later", "reportedly")


def paragraphs(body: str) -> list[str]:
    """A Reuters body's paragraphs (indented lines start them), each on one line, the sign-off left out."""
    parts = re.split(r"\n\s{3,}", "\n" + body.strip())
    found = [" ".join(p.split()) for p in parts if p.strip()]
    return [p for p in found if p.upper() not in ("REUTER", "REUTERS")]


def prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= 8 and paragraph[-1:] in ".\"')" and not re.search(r"\d\s+vs\s+\S*\d", paragraph)


def grams(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def pool(count: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """Stories of six or more prose paragraphs sharing no eight-word sequence (headline, paragraphs)."""
    candidates = []
    for _, _, story in stories(REUTERS):
        paras = paragraphs(story["body"])
        if len(paras) >= 6 and all(prose(p) for p in paras[:12]):
            candidates.append((" ".join(story.get("title", "").split()).title() or "Untitled", paras[:12]))
    rng.shuffle(candidates)
    taken: set[tuple[str, ...]] = set()
    chosen = []
    for headline, paras in candidates:
        own = grams(" ".join(paras))
        if own & taken or len(own) < sum(len(p.split()) - 7 for p in paras if len(p.split()) >= 8):
            continue  # shares a sequence with a chosen story, or repeats itself
        taken |= own
        chosen.append((headline, paras))
        if len(chosen) >= count:
            break
    return chosen


def edited(passage: str, case: str, rng: random.Random) -> str:
    words = passage.split(" ")
    inner = lambda: rng.randrange(2, len(words) - 2)  # noqa: E731
    if case == "dropped":
        del words[inner()]
    elif case == "added":
        words.insert(inner(), rng.choice(FILLERS))
    elif case == "changed":
        words[inner()] = rng.choice(FILLERS)
    elif case == "two-edits":
        del words[inner()]
        words.insert(inner(), rng.choice(FILLERS))
    elif case == "punctuation":
        text = " ".join(words).replace(",", "", 2).replace('"', "\u201c", 1).replace('"', "\u201d", 1)
        return text.replace("-", " ", 1) if "-" in text else text.rstrip(".") + "!"
    elif case == "figures":
        text = " ".join(words)
        text = re.sub(r"\b(\d{1,3}),(\d{3})\b", r"\1\2", text)
        text = re.sub(r"\b(\d)(\d{3})\b", r"\1,\2", text, count=1)
        return text.replace(" mln ", " million ").replace(" pct", " percent").replace(" bln ", " billion ")
    elif case == "quoted":
        return f'"{" ".join(words).rstrip(".")}," an official said.'
    return " ".join(words)


def figure_passage(passage: str) -> bool:
    return bool(re.search(r"\d,\d{3}\b|\b\d{4,}\b| mln | pct| bln ", passage))


def build(count: int, pasted: int, rng: random.Random) -> tuple[dict[str, str], list[dict]]:
    stories_ = pool(count, rng)
    texts = [list(paras) for _, paras in stories_]
    plans = []
    receivers = sorted(rng.sample(range(count // 5, count), pasted))
    for number, receiver in enumerate(receivers):
        case = CASES[number % len(CASES)]
        short = number % 2 == 0
        fits = lambda p: (25 <= len(p.split()) <= 32) if short else (33 <= len(p.split()) <= 70)  # noqa: E731
        donors = [
            (d, p) for d in range(receiver) for p in stories_[d][1]
            if fits(p) and (case != "figures" or figure_passage(p)) and (case != "quoted" or '"' not in p)
        ]
        if not donors:
            continue
        donor, passage = rng.choice(donors)
        at = rng.randrange(0, len(texts[receiver]) + 1)
        texts[receiver].insert(at, edited(passage, case, rng))
        plans.append({"receiver": receiver, "donor": donor, "at": at, "case": case, "words": len(passage.split())})
    folder: dict[str, str] = {}
    labels = []
    for number, (headline, _) in enumerate(stories_):
        name = f"s{number:03d}.txt"
        folder[name] = headline + "\n\n" + "\n\n".join(texts[number]) + "\n"
        for plan in plans:
            if plan["receiver"] == number:
                line = 3 + 2 * plan["at"]  # headline, blank, then a paragraph every other line
                labels.append({**plan, "path": name, "line": line})
    return folder, labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--pasted", type=int, default=160)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--show", type=int, default=8, help="unlabeled findings and misses to print")
    args = parser.parse_args(argv)
    if not REUTERS.exists():
        print(f"reuse_recall: {REUTERS} is missing (../shared/corpora)", file=sys.stderr)
        return 2
    from factlint.linter import lint_sources
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    folder, labels = build(args.stories, args.pasted, random.Random(args.seed))
    checks = compile_rules([r for r in load_rules([builtin_rules_dir()]) if r.id == "reused-passage"], {})
    report = lint_sources([(name, text.encode()) for name, text in sorted(folder.items())], checks, jobs=1)
    found = defaultdict(list)
    for finding in report.findings:
        found[finding.path].append(finding)
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    used = set()
    misses = []
    for label in labels:
        key = f"{label['case']}"
        length = "25-32 words" if label["words"] <= 32 else "33-70 words"
        totals[key] += 1
        totals[length] += 1
        covering = [f for f in found[label["path"]] if f.location.line <= label["line"] <= f.location.end_line]
        if covering:
            hits[key] += 1
            hits[length] += 1
            used.update(id(f) for f in covering)
        else:
            misses.append(label)
    unlabeled = [f for f in report.findings if id(f) not in used]
    print(f"{len(folder)} stories, {len(labels)} pasted passages, seed {args.seed}")
    for key in (*CASES, "25-32 words", "33-70 words"):
        if totals[key]:
            print(f"  {key:12} {hits[key]:3}/{totals[key]:<3} {hits[key] / totals[key]:.2f}")
    found_total = sum(hits[c] for c in CASES)
    precision = found_total / max(1, found_total + len(unlabeled))
    print(f"recall {found_total / max(1, len(labels)):.3f} ({found_total}/{len(labels)}), unlabeled findings {len(unlabeled)}, "
          f"precision {precision:.3f}")
    for finding in unlabeled[: args.show]:
        print(f"  unlabeled {finding.path}:{finding.location.line} {finding.message}")
    for label in misses[: args.show]:
        text = folder[label["path"]].split("\n")[label["line"] - 1]
        print(f"  missed {label['path']}:{label['line']} {label['case']} ({label['words']} words) from s{label['donor']:03d}: {text[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
