"""Rerun a module's surviving mutants with a few fast test files, and rescore.

    nice .venv/bin/python bench/mutation_survivors.py factlint/kinds/duplicates.py tests/test_mutants_duplicates.py

``bench/mutation.py --survivors`` reruns the survivors with every test file the
module lists, and a survivor that stays one runs all of them (seconds of CPU
each: hours at nice 19 on a shared machine, for a module of thousands of
mutants). After new tests are written in one file, a survivor they kill is
killed whatever the other files do: this reruns only the last run's survivors,
with only the given test files (which must be among the module's listed ones),
in a second copy (``.mutation/<module>-survivors/``; the first copy's results
are left as they are), and prints the score counting a mutant killed in either
copy. A mutant that survives here is still a survivor (the other files already
let it through). With ``--unrun``, the mutants an interrupted run did not get
to are run here too: killed by the given files, they are killed; surviving
them, they count as survivors, marked as checked by those files only (a lower
bound of the score, as a mutant no test ran is). The score is the one ``bench/mutation.py`` would give after a
``--survivors`` run, at a fraction of the CPU.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutation  # noqa: E402  (bench/mutation.py)


def merge(found: dict[str, dict], again: dict[str, dict], unrun: set[str], tests: list[str]) -> None:
    """The first copy's results, with what the second copy killed, and what it alone ran."""
    for name, result in again.items():
        if name not in found:
            continue
        if result["status"] in mutation.KILLED:
            found[name] = result
        elif name in unrun and result["status"] not in mutation.NOT_RUN:
            found[name] = {**result, "status": f"{result['status']} (only {' '.join(tests)} ran)"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", help="a module of bench/mutation.yaml, run before with bench/mutation.py")
    parser.add_argument("tests", nargs="+", help="test files (among the module's listed ones) to rerun the survivors with")
    parser.add_argument("--unrun", action="store_true", help="also run the mutants the last run did not get to (interrupted): "
                        "those the given files kill are killed; the others stay unchecked by the module's other files")
    parser.add_argument("--report", action="store_true", help="run nothing: the score of both copies' results as they are")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--target", type=float, default=85.0)
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the score and survivors as JSON")
    args = parser.parse_args(argv)

    module = args.module.removeprefix("./")
    entry = mutation.load_config()[module]
    unlisted = [t for t in args.tests if t.split("::")[0] not in entry["tests"]]
    if unlisted:
        raise SystemExit(f"mutation_survivors: not among {module}'s tests in bench/mutation.yaml: {' '.join(unlisted)}")
    equivalents = entry.get("equivalent") or []
    first = mutation.ROOT / ".mutation" / mutation.slug(module)
    second = mutation.ROOT / ".mutation" / (mutation.slug(module) + "-survivors")
    if not (first / "mutants").exists():
        raise SystemExit("mutation_survivors: run bench/mutation.py on the module first")
    found = mutation.results(first, equivalents)
    unrun = {name for name, result in found.items() if result["status"] == "not checked"}
    if (second / "mutants").exists():  # an earlier pass here: what it killed is not run again
        merge(found, mutation.results(second, []), unrun, args.tests)
    scored = mutation.score(module, found, equivalents)["survivors"]
    survivors = [s["name"] for s in scored if not s["status"].startswith("not checked") or args.unrun]
    started, cpu = time.monotonic(), os.times()
    if survivors and not args.report:
        second.mkdir(parents=True, exist_ok=True)
        mutation.prepare(module, args.tests, second, entry.get("caches") or [], entry.get("deselect") or [])
        done = mutation.mutmut(second, "run", "--max-children", str(args.jobs), *survivors, log=second / "mutmut.log")
        if done.returncode != 0:
            raise SystemExit(f"mutation_survivors: mutmut failed (see {second / 'mutmut.log'})")
    # read again after the run: mutmut forgets the results of functions changed since (their mutants are new)
    found = mutation.results(first, equivalents)
    if (second / "mutants").exists():
        merge(found, mutation.results(second, []), unrun, args.tests)
    after = os.times()
    report = mutation.score(module, found, equivalents)
    report["rerun"] = 0 if args.report else len(survivors)
    report["not_run_by_the_first"] = len(unrun)
    report["rerun_with"] = args.tests
    report["wall_seconds"] = round(time.monotonic() - started, 1)
    report["cpu_seconds"] = round((after.children_user + after.children_system) - (cpu.children_user + cpu.children_system), 1)
    how = f"{report['rerun']} survivors rerun with {' '.join(args.tests)}: {report['cpu_seconds']} s CPU, {report['wall_seconds']} s wall"
    return mutation.finish(report, how, args.json, args.target)

if __name__ == "__main__":
    sys.exit(main())
