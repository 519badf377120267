"""A kind's per-article cost in instructions, for when the machine is too busy for CPU seconds.

On a shared two-core machine, bench/kinds_cpu.py's CPU seconds move by a third
from one run to the next. Instructions do not: run this script under valgrind
once with one pass and once with two, and subtract (the second pass is the
kind's warm cost, as kinds_cpu.py's best of N is)::

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/kind_instructions.py --kinds locations --passes 1
    # ... --passes 2; the difference of the two "I refs" lines is one pass

Each pass runs every built-in rule of the kinds on the Reuters tenth as
kinds_cpu.py does: the document's shared analyses cleared before and after
each article, the extracts kept. To compare two commits, run the same script
from each checkout (it imports factlint from the folder it lives in).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kinds_cpu import tenth  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default="locations", help="comma-separated kinds (default: locations)")
    parser.add_argument("--passes", type=int, default=1)
    args = parser.parse_args(argv)

    from factlint.document import parse_document
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    kinds = set(args.kinds.split(","))
    checks = compile_rules([r for r in load_rules([builtin_rules_dir()]) if r.kind in kinds])
    docs = [parse_document(path, data) for path, data in tenth()]
    for _ in range(args.passes):
        extracts = {}
        for doc in docs:
            doc._memo.clear()
            for check in checks:
                list(check.check(doc))
                if check.CROSS_ARTICLE:
                    extracts[check.rule.id, doc.path] = check.extract(doc)
            doc._memo.clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
