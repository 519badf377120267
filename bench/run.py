"""factlint's speed and scale benchmark: one table, the figures issue 8 asks for.

    .venv/bin/python bench/run.py [--runs 3] [--corpus PATH] [--keep DIR]

Corpora: every Reuters-21578 body (``../shared/corpora/reuters21578.jsonl``)
written out as one article per file with its date as front matter, and every
tenth of them for the scaling ratio. Without ``../shared`` (a fresh
machine), 2,000 articles are built deterministically from the seeds'
paragraphs instead, and a tenth of those.

For each corpus, ``factlint check FOLDER`` runs with every built-in rule in
a child process (as a user runs it: both cores, start-up included): wall
time, words per second, peak memory of the main process and of the largest
worker, and how long the cross-article phase took. In the same run, the
floor: reading the same files and running one compiled regex over them, in
one process. Then the pre-commit hook's case: one article of the large
folder changed and checked with ``--corpus`` while the rest of the folder is
in the cache. Timings are medians of ``--runs`` runs; the machine is shared,
so compare the ratios.

factlint's code (``factlint/`` and ``rules/``) is copied first and the copy
is measured, so edits made while the benchmark runs change neither the
figures nor the cache's key.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reuters import REUTERS as DEFAULT_CORPUS, stories

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SYNTHETIC_ARTICLES = 2000
PSS_SAMPLE_SECONDS = 0.05
FLOOR_PATTERN = r"\b(?:reportedly|allegedly|sources said|it is understood)\b"  # one rule's worth of regex


# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------


@dataclass
class Corpus:
    name: str
    folder: Path
    files: int
    words: int


def reuters_articles(corpus: Path):
    """(file name, text, words) for every non-empty Reuters body."""
    for name, date, story in stories(corpus):
        body = story["body"]
        yield name, f'---\ndate: "{date}"\n---\n{body}\n', len(body.split())


def seed_articles(count: int = SYNTHETIC_ARTICLES):
    """Articles made of the seeds' paragraphs, the same ones on every machine."""
    paragraphs = [
        block.strip()
        for seed in sorted(SEEDS.iterdir())
        for block in seed.read_text(encoding="utf-8").split("\n\n")
        if len(block.split()) >= 8
    ]
    chooser = random.Random(8)
    for n in range(count):
        body = "\n\n".join(chooser.sample(paragraphs, chooser.randint(3, 8)))
        text = f"---\ndate: 2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}\n---\n{body}\n"
        yield f"{n:05d}.md", text, len(body.split())


def write_corpora(base: Path, source: Path | None) -> list[Corpus]:
    """The large folder and its every-tenth sample."""
    name = "reuters" if source else "seeds"
    large, tenth = base / name, base / f"{name}-tenth"
    large.mkdir()
    tenth.mkdir()
    counts = {large: [0, 0], tenth: [0, 0]}
    articles = reuters_articles(source) if source else seed_articles()
    for n, (file_name, text, words) in enumerate(articles):
        for folder in (large, tenth) if n % 10 == 0 else (large,):
            (folder / file_name).write_text(text, encoding="utf-8")
            counts[folder][0] += 1
            counts[folder][1] += words
    return [Corpus(f"{name}, all", large, *counts[large]), Corpus(f"{name}, a tenth", tenth, *counts[tenth])]


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def measure_child(argv: list[str]) -> None:
    """Run the CLI here; print wall, cross-article time and peak memory as JSON."""
    import factlint.linter
    from factlint.cli import main

    phase_two = []
    collect = factlint.linter.collect

    def timed_collect(*args, **kwargs):
        started = time.perf_counter()
        try:
            return collect(*args, **kwargs)
        finally:
            phase_two.append(time.perf_counter() - started)

    factlint.linter.collect = timed_collect
    hook = _time_hook_phases() if "--corpus" in argv else {}
    started = time.perf_counter()
    code = main(argv)
    wall = time.perf_counter() - started
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "code": code,
                "wall": wall,
                "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
                "cross": sum(phase_two),
                "main_mib": own.ru_maxrss / 1024,  # KiB on Linux
                "worker_mib": workers.ru_maxrss / 1024,
                "hook": hook,
            }
        )
    )


def _time_hook_phases() -> dict[str, float]:
    """Seconds spent in each phase of a hook run served by the folder state (filled as it runs)."""
    import factlint.engine.folder as state
    import factlint.linter

    phases: dict[str, float] = {}

    def timed(owner, name: str, phase: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                phases[phase] = phases.get(phase, 0.0) + time.perf_counter() - started

        setattr(owner, name, wrapper)

    timed(state, "check_changed", "total")
    for name in ("open", "listing_changes", "digests"):
        timed(state.FolderState, name, "state load")
    timed(factlint.linter, "analyze", "phase one")
    timed(state.FolderState, "update", "state update")
    timed(state.FolderState, "compare", "comparisons")
    return phases


def snapshot_code(base: Path, source: Path = ROOT) -> Path:
    """A copy of factlint's package and rules (of this checkout, or ``source``) to measure,
    importable from the returned folder.

    It is byte-compiled once, as pip compiles an installed package: every run
    would otherwise compile factlint's source again (about 0.15 s here, where
    PYTHONDONTWRITEBYTECODE is set), which no installed hook pays.
    """
    import compileall

    code = base / "code"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(source / "factlint", code / "factlint", ignore=ignore)
    shutil.copytree(source / "rules", code / "factlint" / "rules", ignore=ignore)
    compileall.compile_dir(code, quiet=1)
    return code


def _process_tree(pid: int) -> list[int]:
    """pid and its descendants (Linux)."""
    tree, index = [pid], 0
    while index < len(tree):
        try:
            with open(f"/proc/{tree[index]}/task/{tree[index]}/children") as children:
                tree.extend(int(child) for child in children.read().split())
        except OSError:
            pass
        index += 1
    return tree


def _tree_pss_mib(pid: int) -> float:
    """Proportional set size of a process and its workers: shared pages counted once in all."""
    total_kib = 0
    for member in _process_tree(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup") as rollup:
                total_kib += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return total_kib / 1024


def run_check(args: list[str], cwd: Path, code: Path) -> dict:
    """``factlint ARGS`` in a fresh process; wall time includes interpreter start-up.

    While it runs, the memory of the process and its workers is sampled:
    their summed PSS, the figure to hold against a memory budget (RSS would
    count pages a forked worker shares with its parent twice).
    """
    environment = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--measure", *args],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak_pss = 0.0
    sampling = os.path.exists(f"/proc/{child.pid}/smaps_rollup")
    while child.poll() is None:
        if sampling:
            peak_pss = max(peak_pss, _tree_pss_mib(child.pid))
        time.sleep(PSS_SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    out, err = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"factlint {' '.join(args)} failed:\n{err}")
    measured = json.loads(out.strip().splitlines()[-1])
    if measured["code"] not in (0, 1):
        raise SystemExit(f"factlint {' '.join(args)} exited {measured['code']}:\n{err}")
    measured["process_wall"] = wall
    measured["pss_mib"] = peak_pss if sampling else None
    return measured


def floor_seconds(folder: Path) -> float:
    """Read every file and run one compiled regex over it, in this process."""
    import regex

    pattern = regex.compile(FLOOR_PATTERN, regex.IGNORECASE)
    started = time.perf_counter()
    found = 0
    for path in sorted(folder.iterdir()):
        found += sum(1 for _ in pattern.finditer(path.read_bytes().decode("utf-8")))
    return time.perf_counter() - started


def precommit_runs(corpus: Corpus, runs: int, workdir: Path, code: Path) -> list[dict]:
    """Warm the folder's cache, then check one changed article the way the hook does."""
    article = sorted(corpus.folder.iterdir())[len(list(corpus.folder.iterdir())) // 2]
    original = article.read_text(encoding="utf-8")
    folder = os.path.relpath(corpus.folder, workdir)
    target = os.path.relpath(article, workdir)
    run_check(["check", "--corpus", folder, "--format", "json", "--output", os.devnull], workdir, code)
    measured = []
    try:
        for n in range(runs):
            article.write_text(original + f"\nThe board will meet again in {2030 + n}, a spokesman said.\n", encoding="utf-8")
            measured.append(
                run_check(["check", "--corpus", folder, target, "--format", "json", "--output", os.devnull], workdir, code)
            )
    finally:
        article.write_text(original, encoding="utf-8")
    return measured


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


def _rate(words: int, seconds: float) -> str:
    rate = words / seconds
    return f"{rate / 1e6:.2f}M" if rate >= 1e6 else f"{rate / 1e3:.0f}k"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is shown (default: 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="Reuters JSONL (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="build the folders here (must not exist) and keep them")
    parser.add_argument("--no-dask", action="store_true", help="skip the --engine dask rows (run when Dask is installed)")
    args = parser.parse_args(argv)

    source = args.corpus if args.corpus.is_file() else None
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as temporary:
        base = args.keep or Path(temporary)
        base.mkdir(parents=True, exist_ok=args.keep is None)
        code = snapshot_code(base)
        corpora = write_corpora(base, source)
        rows = []
        engines = ["local"] + (["dask"] if not args.no_dask and importlib.util.find_spec("distributed") else [])
        for corpus in corpora:
            folder = os.path.relpath(corpus.folder, base)
            floors = [floor_seconds(corpus.folder) for _ in range(args.runs)]
            reports = {}
            for engine in engines:
                output = base / f"{corpus.folder.name}-{engine}.json"
                checks = [
                    run_check(["check", folder, "--format", "json", "--output", str(output), "--engine", engine], base, code)
                    for _ in range(args.runs)
                ]
                reports[engine] = output.read_bytes()
                rows.append((corpus, engine, checks, floors))
            if len(set(reports.values())) > 1:
                raise SystemExit(f"--engine dask reported differently from the local engine on {corpus.name}")
        hook = precommit_runs(corpora[0], args.runs, base, code)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"factlint benchmark: every built-in rule, {cores} cores, median of {args.runs} runs "
        f"(Python {platform.python_version()}, {platform.machine()})"
    )
    print()
    print(
        "| corpus | files | words | wall | CPU | words/s | cross-article | peak memory, all processes (PSS) "
        "| peak RSS, main / largest worker | floor | floor words/s | wall / floor |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    walls = {}
    for corpus, engine, checks, floors in rows:
        wall = statistics.median(c["process_wall"] for c in checks)
        cross = statistics.median(c["cross"] for c in checks)
        cpu = statistics.median(c["cpu"] for c in checks)
        main_mib = max(c["main_mib"] for c in checks)
        worker_mib = max(c["worker_mib"] for c in checks)
        pss = [c["pss_mib"] for c in checks if c["pss_mib"] is not None]
        pss_text = f"{max(pss):.0f} MiB" if pss else "n/a"
        floor = statistics.median(floors)
        walls[corpus.name, engine] = wall
        name = corpus.name if engine == "local" else f"{corpus.name}, --engine dask"
        cross_text = f"{cross:.1f} s" if engine == "local" else "n/a"  # Dask overlaps the phases
        print(
            f"| {name} | {corpus.files:,} | {corpus.words:,} | {wall:.1f} s | {cpu:.1f} s | {_rate(corpus.words, wall)} "
            f"| {cross_text} | {pss_text} | {main_mib:.0f} / {worker_mib:.0f} MiB | {floor:.2f} s | {_rate(corpus.words, floor)} "
            f"| {wall / floor:.0f}x |"
        )
    large, small = corpora
    hook_wall = statistics.median(h["process_wall"] for h in hook)
    hook_cpu = statistics.median(h["cpu"] for h in hook)
    hook_pss = [h["pss_mib"] for h in hook if h["pss_mib"] is not None]
    hook_memory = f", peak memory {max(hook_pss):.0f} MiB" if hook_pss else ""
    served = [h for h in hook if "total" in h["hook"]]  # runs the folder state served (not the full path)
    if served:
        parts = {"start-up": [h["process_wall"] - h["hook"]["total"] for h in served]}
        for phase in ("state load", "phase one", "state update", "comparisons"):
            parts[phase] = [h["hook"].get(phase, 0.0) for h in served]
        hook_parts = "; ".join(f"{name} {1000 * statistics.median(values):.0f} ms" for name, values in parts.items())
        hook_parts = f" [{len(served)} of {len(hook)} runs served by the folder state: {hook_parts}]"
    else:
        hook_parts = " [no run served by the folder state]"
    print()
    crosses = {corpus.name: statistics.median(c["cross"] for c in checks) for corpus, engine, checks, _ in rows if engine == "local"}
    print(
        f"- scaling: {large.files / small.files:.1f}x the articles took "
        f"{walls[large.name, 'local'] / walls[small.name, 'local']:.1f}x the time, and "
        f"{crosses[large.name] / crosses[small.name]:.1f}x the cross-article time (target: at most about 12x)"
    )
    print(
        f"- pre-commit: one changed article checked with `--corpus` against {large.name} "
        f"({large.files:,} files) in the cache: {hook_wall:.2f} s wall ({hook_cpu:.2f} s CPU{hook_memory}), "
        f"start-up included (target: under 0.25 s){hook_parts}"
    )
    for corpus in corpora:
        if (corpus.name, "dask") in walls:
            print(
                f"- --engine dask on this one machine (a LocalCluster of {cores} single-threaded workers), {corpus.name}: "
                f"{walls[corpus.name, 'dask'] / walls[corpus.name, 'local']:.2f}x the local engine's wall time, "
                "the same JSON report byte for byte"
            )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure_child(sys.argv[2:])
    else:
        sys.exit(main())
