"""Mutation testing, one module at a time, with that module's own tests (mutmut).

    pip install -e '.[bench]'                                  # mutmut, pinned in pyproject's bench extra
    nice .venv/bin/python bench/mutation.py factlint/document.py
    nice .venv/bin/python bench/mutation.py factlint/document.py --survivors   # rerun what was not killed; a plain rerun resumes what was not run
    .venv/bin/python bench/mutation.py --list                  # the modules and the tests each is run with

mutmut changes one thing at a time in the module (``<`` to ``<=``, ``and`` to
``or``, a constant, a call's argument dropped...) and runs the tests that cover
the changed function; a mutant the tests do not notice *survived*: a bug of
that shape would reach users. ``bench/mutation.yaml`` names, for each module,
the test files that exercise it (only those run: a mutation run of the whole
suite would take hours on two cores) and the module's *equivalent* mutants,
each with why it cannot change behaviour. The score is

    killed / (all mutants - equivalent)

where a timeout counts as killed (the tests noticed) and a mutant that no
test even runs counts as survived. The issue's target is 85% per module.

The module is mutated in a copy of the repository (``.mutation/<module>/``,
ignored by git), so the checkout is never touched and a later run with
``--survivors`` reuses the earlier results. One worker by default (the
machine is shared); ``--jobs`` raises it. Exits 1 when the score is below
``--target`` (default 85), so it can gate a branch.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = Path(__file__).resolve().parent / "mutation.yaml"
COPIED = ("factlint", "rules", "seeds", "tests", "tools", "pyproject.toml")
KILLED = {"killed", "timeout"}  # the tests noticed the change
NOT_RUN = {"not checked", "skipped", "check was interrupted by user"}

# Run inside the copy, where mutmut's config and results live: every mutant's status as JSON, and
# the diff of those named on stdin and of those that ran and survived (working a diff out reparses
# the module: only the ones the score needs; a mutant not run yet shows no change).
_REPORT = r"""
import json, sys
from mutmut.__main__ import walk_mutatable_files, SourceFileMutationData, status_by_exit_code, get_diff_for_mutant
wanted = json.load(sys.stdin)
wanted = None if wanted is None else set(wanted)
out = {}
for path in walk_mutatable_files():
    data = SourceFileMutationData(path=path)
    data.load()
    for name, code in data.exit_code_by_key.items():
        status = status_by_exit_code[code]
        needed = wanted is None or name in wanted or status not in SKIPPED
        out[name] = {"status": status, "diff": get_diff_for_mutant(name, path=path) if needed else ""}
json.dump(out, sys.stdout)
"""


def load_config() -> dict:
    import yaml

    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["modules"]


def slug(module: str) -> str:
    return module.replace("/", "_").removesuffix(".py")


def sync(source: Path, target: Path) -> None:
    """Copy what changed (by size and mtime, kept as the source's), remove what is gone."""
    if source.is_file():
        if not target.exists() or (source.stat().st_size, source.stat().st_mtime_ns) != (target.stat().st_size, target.stat().st_mtime_ns):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        return
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.name for p in source.iterdir() if p.name != "__pycache__" and not p.name.endswith(".pyc")}
    for stale in {p.name for p in target.iterdir()} - wanted - {"__pycache__"}:
        gone = target / stale
        shutil.rmtree(gone) if gone.is_dir() else gone.unlink()
    for name in wanted:
        sync(source / name, target / name)


# mutmut tests each mutant in a fork of the process that ran the clean tests, so
# a cache the module filled then (a memo dict, an lru_cache) answers for the
# mutant without running it: every mutant of a memoized function survived. This
# plugin empties the module's caches before each run of its tests.
_CACHES_PLUGIN = "_mutation_caches.py"
_CACHES_SOURCE = """\
# Written by bench/mutation.py: empty the mutated module's caches before its tests run.
import importlib

MODULE = {module!r}
CACHES = {caches!r}  # module-level containers the module fills as a cache (bench/mutation.yaml)


def pytest_sessionstart(session):
    module = importlib.import_module(MODULE)
    for value in list(vars(module).values()):
        if callable(getattr(value, "cache_clear", None)):  # functools.lru_cache / cache
            value.cache_clear()
    for name in CACHES:
        getattr(module, name).clear()
"""


def refresh_package_data(workdir: Path) -> None:
    """Bring mutmut's own copy of the package's data files (``mutants/factlint/data/*.yaml``...)
    up to date. mutmut rewrites the package's .py files on every run but copies its other
    files only when missing, so a resumed run after a lexicon changed would test the new
    code against the old data (and fail its clean run, or score against stale judgement)."""
    package, copy = workdir / "factlint", workdir / "mutants" / "factlint"
    if not copy.is_dir():
        return  # the first run copies everything itself
    for source in package.rglob("*"):
        if source.is_file() and source.suffix not in (".py", ".pyc") and "__pycache__" not in source.parts:
            sync(source, copy / source.relative_to(package))


def prepare(module: str, tests: list[str], workdir: Path, caches: list[str] = (), deselect: list[str] = ()) -> None:
    """The copy: the repository's files, and mutmut's settings for this module in its pyproject.toml."""
    for name in COPIED:
        sync(ROOT / name, workdir / name)
    refresh_package_data(workdir)
    dotted = module.removesuffix(".py").replace("/", ".")
    plugin = _CACHES_SOURCE.format(module=dotted, caches=list(caches))
    if not (workdir / _CACHES_PLUGIN).exists() or (workdir / _CACHES_PLUGIN).read_text(encoding="utf-8") != plugin:
        (workdir / _CACHES_PLUGIN).write_text(plugin, encoding="utf-8")
    settings = {
        "source_paths": ["factlint"],
        "only_mutate": [module],
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q", "-p", _CACHES_PLUGIN.removesuffix(".py")]
        + [arg for test in deselect for arg in ("--deselect", test)],
        "also_copy": ["rules", "seeds", "tools", _CACHES_PLUGIN],
        "use_git_change_detection": False,
        # a mutant is timed out after (its tests' time + constant) * multiplier, wall clock: on a
        # shared machine at nice 19, mutmut's defaults (1 s, x15) time out slow runs of tests that
        # pass, and a timeout counts as killed; these limits leave only real hangs
        "timeout_constant": 30.0,
        "timeout_multiplier": 50.0,
    }
    lines = ["", "[tool.mutmut]"] + [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    pyproject = workdir / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8") + "\n".join(lines) + "\n"
    if pyproject.read_text(encoding="utf-8") != text:
        pyproject.write_text(text, encoding="utf-8")


def mutmut(workdir: Path, *args: str, log: Path | None = None) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).with_name("mutmut")
    if not executable.exists():
        raise SystemExit("mutation: mutmut is not installed in this environment: pip install -e '.[bench]'")
    # mutmut puts its mutated copy first on the path itself (a PYTHONPATH of its own leaves it finding no tests)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k not in ("FACTLINT_DEBUG", "PYTHONPATH")}
    # Dask's scratch space of its own: the shared /tmp/dask-scratch-space is cleaned by other runs mid-test
    env["DASK_TEMPORARY_DIRECTORY"] = str(workdir / "dask-scratch")
    if log is not None:
        with log.open("w") as out:
            return subprocess.run([str(executable), *args], cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT)
    return subprocess.run([str(executable), *args], cwd=workdir, env=env, capture_output=True, text=True)


def results(workdir: Path, equivalents: list[dict] | None = None) -> dict[str, dict]:
    """Every mutant's status and diff; with ``equivalents``, the diffs of killed mutants only
    where a listed equivalent may match them (the others' diffs are left empty)."""
    wanted = None
    if equivalents is not None:
        functions = {entry["function"] for entry in equivalents}
        names = subprocess.run([sys.executable, "-c", _NAMES], cwd=workdir, capture_output=True, text=True)
        if names.returncode == 0:
            wanted = [name for name in json.loads(names.stdout) if function_of(name) in functions]
    script = _REPORT.replace("SKIPPED", repr(KILLED | {"not checked"}))
    done = subprocess.run([sys.executable, "-c", script], cwd=workdir, input=json.dumps(wanted), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mutation: cannot read mutmut's results: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


_NAMES = r"""
import json, sys
from mutmut.__main__ import walk_mutatable_files, SourceFileMutationData
names = []
for path in walk_mutatable_files():
    data = SourceFileMutationData(path=path)
    data.load()
    names += list(data.exit_code_by_key)
json.dump(names, sys.stdout)
"""


def function_of(mutant: str) -> str:
    """'factlint.document.xǁDocumentǁlocate__mutmut_3' -> 'Document.locate'."""
    name = mutant.rsplit(".", 1)[1].rsplit("__mutmut_", 1)[0]
    if name.startswith("xǁ"):
        return ".".join(part for part in name[2:].split("ǁ") if part)
    return name.removeprefix("x_")


def change_of(diff: str) -> tuple[str, str]:
    """The mutated line before and after, stripped: what the ignore list matches."""
    removed = [line[1:].strip() for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return " / ".join(removed), " / ".join(added)


def equivalent_reason(function: str, change: tuple[str, str], equivalents: list[dict]) -> str | None:
    for entry in equivalents:
        if entry["function"] == function and entry["from"].strip() == change[0] and entry["to"].strip() == change[1]:
            return entry["reason"]
    return None


def score(module: str, found: dict[str, dict], equivalents: list[dict]) -> dict:
    rows = []
    for name, result in sorted(found.items(), key=lambda item: (item[0].rsplit("__mutmut_", 1)[0], int(item[0].rsplit("_", 1)[1]))):
        function = function_of(name)
        change = change_of(result["diff"])
        reason = equivalent_reason(function, change, equivalents)
        rows.append({"name": name, "function": function, "status": result["status"], "change": change, "equivalent": reason})
    used = {(r["function"], r["change"]) for r in rows if r["equivalent"]}
    unused = [e for e in equivalents if (e["function"], (e["from"].strip(), e["to"].strip())) not in used]
    counted = [r for r in rows if not r["equivalent"]]
    killed = sum(r["status"] in KILLED for r in counted)
    return {
        "module": module,
        "mutants": len(rows),
        "equivalent": len(rows) - len(counted),
        "killed": killed,
        "not_run": sum(r["status"] in NOT_RUN for r in counted),
        "score": 100.0 * killed / len(counted) if counted else 100.0,
        "survivors": [r for r in counted if r["status"] not in KILLED],
        "unused_equivalents": unused,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("module", nargs="?", help="e.g. factlint/document.py (listed in bench/mutation.yaml)")
    parser.add_argument("--tests", nargs="+", metavar="PATH", help="run these tests instead of the module's listed ones")
    parser.add_argument("--survivors", action="store_true", help="rerun the mutants the last run did not kill (a plain rerun resumes the ones not run yet)")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results of this module")
    parser.add_argument("--timeouts", action="store_true", help="rerun the mutants that timed out (a loaded machine times out passing tests)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default 1: the machine is shared)")
    parser.add_argument("--target", type=float, default=85.0, help="exit 1 below this score (default 85)")
    parser.add_argument("--workdir", type=Path, help="where the copy lives (default .mutation/<module>)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the score and survivors as JSON")
    parser.add_argument("--list", action="store_true", help="list the configured modules and their tests")
    args = parser.parse_args(argv)

    modules = load_config()
    if args.list or not args.module:
        for module, entry in modules.items():
            print(f"{module}: {' '.join(entry['tests'])} ({len(entry.get('equivalent') or [])} equivalent)")
        return 0
    module = args.module.removeprefix("./")
    if module not in modules and not args.tests:
        raise SystemExit(f"mutation: {module} is not in {CONFIG.relative_to(ROOT)}; add it with its tests, or give --tests")
    entry = modules.get(module, {})
    tests = args.tests or entry["tests"]
    equivalents = entry.get("equivalent") or []
    workdir = args.workdir or ROOT / ".mutation" / slug(module)
    if args.fresh and workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    prepare(module, tests, workdir, entry.get("caches") or [], entry.get("deselect") or [])

    names: list[str] = []
    if args.survivors:
        if not (workdir / "mutants").exists():
            raise SystemExit("mutation: no earlier run of this module to take the survivors of")
        # mutants never run are left to a plain rerun (without --fresh), which resumes where a run stopped
        survivors = [s for s in score(module, results(workdir, equivalents), equivalents)["survivors"] if s["status"] != "not checked"]
        names = [s["name"] for s in survivors]
        if any(s["status"] == "no tests" for s in survivors):
            # mutmut maps tests to the functions they call once, and after that only for new tests: a
            # function added since (or a test list it never mapped) has "no tests" until it maps them again
            (workdir / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        if not names:
            print("mutation: no survivors to rerun")
    if args.timeouts:
        if not (workdir / "mutants").exists():
            raise SystemExit("mutation: no earlier run of this module to take the timeouts of")
        names += [name for name, found in results(workdir).items() if found["status"] == "timeout"]
    started = time.monotonic()
    cpu = os.times()
    if names or not (args.survivors or args.timeouts):
        log = workdir / "mutmut.log"
        done = mutmut(workdir, "run", "--max-children", str(args.jobs), *names, log=log)
        if done.returncode != 0:
            tail = log.read_text(errors="replace").splitlines()[-15:]
            raise SystemExit("mutation: mutmut failed (see " + str(log) + "):\n" + "\n".join(tail))
    after = os.times()
    report = score(module, results(workdir, equivalents), equivalents)
    report["tests"] = tests
    report["wall_seconds"] = round(time.monotonic() - started, 1)
    report["cpu_seconds"] = round((after.children_user + after.children_system) - (cpu.children_user + cpu.children_system), 1)

    return finish(report, f"{report['cpu_seconds']} s CPU, {report['wall_seconds']} s wall; tests: {' '.join(tests)}", args.json, args.target)


def finish(report: dict, how: str, json_file: Path | None, target: float) -> int:
    """Print the survivors and the score (``how``: what was run), write the JSON; the exit code."""
    for row in report["survivors"]:
        before, after_change = row["change"]
        print(f"{row['status']:>11}  {row['function']}  [{row['name'].rsplit('_', 1)[1]}]")
        print(f"             - {before}\n             + {after_change}")
    for entry in report["unused_equivalents"]:
        print(f"  unused equivalent in mutation.yaml: {entry['function']}: {entry['from']!r} -> {entry['to']!r}")
    print(
        f"{report['module']}: {report['killed']} killed of {report['mutants'] - report['equivalent']} non-equivalent mutants "
        f"({report['mutants']} in all, {report['equivalent']} equivalent): {report['score']:.1f}%  [{how}]"
    )
    if json_file:
        json_file.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if report["score"] >= target else 1


if __name__ == "__main__":
    sys.exit(main())
