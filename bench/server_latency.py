"""The language server's latency and memory on the Reuters folder, driven as an editor drives it.

    .venv/bin/python bench/server_latency.py [--runs 3] [--edits 50] [--keep DIR] [--debounce MS]

Issue 19's targets: from the last change to published diagnostics for a
1,000-word article, at most 150 ms at the 95th percentile beyond the
debounce, warm, with the 19,043-article Reuters folder as the workspace; the
warm server under 300 MiB.

The folder is written as ``bench/run.py`` writes it (one article per file,
its date as front matter), then its folder state is built once by
``factlint check --corpus .`` (timed; a server started without one does the
same in a child process). Each run starts ``factlint server`` in the folder
over stdio, opens the article closest to 1,000 words, waits for its first
diagnostics (the warm-up: lazy modules, the working copy of the state), then
types ``--edits`` edits, each a short sentence inserted somewhere in the
article, waiting for the diagnostics of each version, then saves. Latency is
the time from sending a change to receiving the diagnostics of that
version, less the debounce; a save has no debounce. Also: the server's CPU
per check (from /proc, what a shared machine disturbs least) and its memory
at the end (RSS, PSS, and the high-water mark).

factlint's code is copied first and the copy is served (as bench/run.py
does), so edits made meanwhile change neither the figures nor the cache's key.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reuters import REUTERS  # noqa: E402
from run import reuters_articles, snapshot_code  # noqa: E402

from tests.lsp_session import Session  # noqa: E402

TARGET_WORDS = 1000
SENTENCES = (
    "The minister told reporters in Bonn on Tuesday that talks would resume.",
    "Output rose 3.5 pct in the quarter, the company said.",
    "Analysts said the decision was widely expected.",
    "The bank will pay 12 dlrs a share in cash, it said.",
    "Officials in Tokyo declined to comment on the report.",
)


def write_folder(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, text, _ in reuters_articles(REUTERS):
        (folder / name).write_text(text, encoding="utf-8")


def closest_article(folder: Path) -> tuple[str, int]:
    best = min(
        ((abs(len(path.read_text(encoding="utf-8").split()) - TARGET_WORDS), path.name) for path in folder.glob("*.txt")),
    )
    name = best[1]
    return name, len((folder / name).read_text(encoding="utf-8").split())


def _proc_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _memory(pid: int) -> dict[str, float]:
    found = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line.split(":")[0]] = int(line.split()[1]) / 1024
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            found["Pss"] = next(int(line.split()[1]) for line in rollup if line.startswith("Pss:")) / 1024
    except (OSError, StopIteration):
        pass
    return found


def edited(text: str, n: int) -> str:
    """The text after the n-th edit: a sentence added at the end of one of its lines of prose."""
    lines = text.split("\n")
    body = text.index("\n---\n", 4) + 5 if text.startswith("---\n") else 0
    prose = [i for i, line in enumerate(lines) if len(line.split()) > 3 and sum(len(l) + 1 for l in lines[:i]) >= body]
    k = prose[n % len(prose)]
    lines[k] = lines[k].rstrip() + " " + SENTENCES[n % len(SENTENCES)]
    return "\n".join(lines)


async def one_run(folder: Path, code: Path, name: str, edits: int, debounce: float) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(code)}
    session = Session(folder, debounce_ms=debounce, env=environment)
    session.command = [sys.executable, "-m", "factlint", "server"]
    started = time.perf_counter()
    await session.start()
    pid = session.client._server.pid
    original = (folder / name).read_text(encoding="utf-8")
    try:
        text = original
        uri = session.open(name, text)
        await session.until(lambda: any("folder is ready" in m for m in session.logs), timeout=1800, what="the folder")
        await session.diagnostics(uri, 1)
        first = time.perf_counter() - started
        cpu_before = _proc_cpu(pid)
        latencies = []
        for n in range(edits):
            text = edited(text, n)
            sent = time.perf_counter()
            version = session.change(uri, text)
            await session.diagnostics(uri, version)
            arrived = next(p.at for p in session.published[uri] if p.version == version)
            latencies.append((arrived - sent) * 1000 - debounce)
        cpu = _proc_cpu(pid) - cpu_before
        (folder / name).write_text(text, encoding="utf-8")
        seen = session.count(uri)
        sent = time.perf_counter()
        session.save(uri)
        await session.diagnostics(uri, None, after=seen)
        save = (session.published[uri][seen].at - sent) * 1000
        memory = _memory(pid)
    finally:
        await session.stop()
        (folder / name).write_text(original, encoding="utf-8")  # the kept folder stays as written
    return {"first": first, "latencies": latencies, "cpu_per_check_ms": cpu * 1000 / edits, "save_ms": save, **memory}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--debounce", type=float, default=250, help="the server's debounce in ms (default: 250, its default)")
    parser.add_argument(
        "--keep", type=Path,
        help="build the folder and the copy of factlint here and keep them (reused when they exist: remove DIR/code to measure new code)",
    )
    parser.add_argument("--no-build", action="store_true", help="the kept folder's state is current: do not run factlint check first")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="factlint-lsp-bench-") as temporary:
        base = args.keep or Path(temporary)
        base.mkdir(parents=True, exist_ok=True)
        folder = base / "reuters"
        if not folder.exists():
            write_folder(folder)
        if args.keep and (base / "code").is_dir():  # kept from an earlier run: its folder state is still valid
            code = base / "code"
        else:
            code = snapshot_code(base if args.keep else Path(tempfile.mkdtemp(prefix="code-", dir=temporary)))
        name, words = closest_article(folder)
        started = time.perf_counter()
        subprocess.run(["true"] if args.no_build else 
            [sys.executable, "-m", "factlint", "check", "--corpus", ".", "--format", "json", "--output", os.devnull],
            cwd=folder, env={**os.environ, "PYTHONPATH": str(code)}, check=False,
        )
        print(f"folder: {len(list(folder.glob('*.txt')))} articles; state built in {time.perf_counter() - started:.1f} s (wall)")
        print(f"article: {name}, {words} words; {args.edits} edits per run, debounce {args.debounce:.0f} ms")
        pooled: list[float] = []
        for run in range(args.runs):
            result = asyncio.run(one_run(folder, code, name, args.edits, args.debounce))
            values = result["latencies"]
            pooled += values
            print(
                f"run {run + 1}: beyond the debounce p50 {percentile(values, 0.5):.0f} ms, p95 {percentile(values, 0.95):.0f} ms, "
                f"max {max(values):.0f} ms; save {result['save_ms']:.0f} ms; CPU per check {result['cpu_per_check_ms']:.0f} ms; "
                f"first diagnostics {result['first']:.1f} s after start; memory RSS {result.get('VmRSS', 0):.0f} MiB, "
                f"PSS {result.get('Pss', 0):.0f} MiB, peak RSS {result.get('VmHWM', 0):.0f} MiB"
            )
        print(
            f"all runs: p50 {percentile(pooled, 0.5):.0f} ms, p95 {percentile(pooled, 0.95):.0f} ms, "
            f"min {min(pooled):.0f}, max {max(pooled):.0f}, mean {statistics.mean(pooled):.0f} ms ({len(pooled)} edits)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
