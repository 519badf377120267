"""No article stalls a run: CPU and memory of one article of each adversarial shape.

    .venv/bin/python bench/adversarial.py                    # every shape at 5 MiB
    .venv/bin/python bench/adversarial.py --size 100000      # or another size in bytes
    .venv/bin/python bench/adversarial.py --shapes bangs,dashes --cap 60
    .venv/bin/python bench/adversarial.py --profile bangs    # where one shape's time goes

The target (issue 20): every article up to 5 MiB, of any content, analysed in
under 10 s of CPU on the project's 2-core machine, and one that is not gets
one ``analysis-timeout`` error line while the run goes on.

Each shape (the inputs that used to stall a run, and others of the same
families: runs of one punctuation mark, one endless sentence or line, deep
nesting, markup soup, huge front matter, many repeats of one sentence) is
written to a scratch folder as one article of about ``--size`` bytes. Then
``factlint check FILE --format json`` runs on it in a child process, as a
user runs it (on a copy of ``factlint/`` and ``rules/`` taken at the start,
so edits meanwhile do not change the figures), with every built-in rule and the per-article budget switched
off (``analysis-timeout: 0`` in a scratch config), so the figure is what the
analysis itself costs: CPU seconds (user + system) and peak memory of the
child, from ``wait4``. A child that has used ``--cap`` seconds of CPU is
stopped by the kernel (RLIMIT_CPU) and shown as ``> cap``. With ``--budget`` each shape runs a
second time with the default budget, and the table shows how that run ended.

``--profile SHAPE`` instead times, in this process, parsing and each rule's
check on that shape: where to look when a shape is slow.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import snapshot_code  # noqa: E402 - the byte-compiled copy of factlint that bench/run.py measures
FACTLINT = [sys.executable, "-m", "factlint"]
LIMIT = 5 * 1024 * 1024
DEFAULT_SIZE = LIMIT - 1024  # the largest articles factlint reads, short of the limit
TARGET_SECONDS = 10.0

PROSE = (
    "Leaders from 35 countries met in Paris on Tuesday to discuss security guarantees for Ukraine, "
    "officials said. The talks, which lasted seven hours, ended without a deal. \"We made progress,\" "
    "the French president told reporters. Some analysts believe the plan could cost $2.5 billion. "
    "According to the ministry, 1,200 troops will be deployed from Berlin by March. "
    "Mr. Smith, a U.S. official, said the U.N. would monitor the ceasefire in Kyiv.\n\n"
)


def _repeat(unit: str, size: int) -> str:
    """unit repeated to about size bytes (UTF-8)."""
    per = max(1, len(unit.encode("utf-8")))
    return unit * max(1, size // per)


def _lines(make_line: Callable[[int], str], size: int) -> str:
    out, total, n = [], 0, 0
    while total < size:
        line = make_line(n)
        out.append(line)
        total += len(line.encode("utf-8"))
        n += 1
    return "".join(out)


def _words(size: int, seed: int = 20) -> str:
    rng = random.Random(seed)
    vocabulary = ("the council said that officials in Paris and Berlin met 12 people on Tuesday while "
                  "reports from Kyiv suggested 3,400 troops may have been moved by the ministry").split()
    return _lines(lambda n: rng.choice(vocabulary) + " ", size)


def _unicode_soup(size: int, seed: int = 20) -> str:
    rng = random.Random(seed)
    alphabet = [chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x370, 0x3FF), *range(0x400, 0x4FF),
                                 *range(0x300, 0x36F), 0x2019, 0x201C, 0x201D, 0x2026, 0x4E00, 0x4E8C, 0x1F600)]
    alphabet += ["\n"] * 4 + [" "] * 20 + list(".,;:!?\"'()[]<>#*-_`~|") * 2
    return _lines(lambda n: "".join(rng.choice(alphabet) for _ in range(200)), size)


# name -> (file suffix, text of about the given size in bytes)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    # ordinary copy, for scale
    "prose": (".md", lambda n: _repeat(PROSE, n)),
    "one-line": (".txt", lambda n: _repeat(PROSE.replace("\n\n", " "), n) + "\n"),
    # the issue's shapes
    "one-sentence": (".txt", lambda n: _words(n) + ".\n"),
    "bangs": (".txt", lambda n: "Talks ended" + "!" * n + "\n"),
    "dashes": (".md", lambda n: _repeat("- ", n) + "\n"),
    "html-lt": (".html", lambda n: "<html><body><p>Talks " + "<" * n + "</p></body></html>\n"),
    "combining": (".txt", lambda n: _repeat("e\u0301", n) + "\n"),
    "combining-stack": (".txt", lambda n: "Talks ended in Pe" + "\u0301" * (n // 2) + "ris.\n"),
    "prose-no-stops": (".txt", lambda n: _repeat(PROSE.replace(".", "").replace("\n\n", " "), n) + "\n"),
    "blasts": (".txt", lambda n: _lines(lambda i: f"The blast killed {i % 97 + 2} people." + ("\n\n" if i % 10 == 9 else " "), n)),
    "blank-lines": (".txt", lambda n: "Talks ended on Tuesday.\n" + "\n" * n + "Leaders left Paris.\n"),
    "front-matter-keys": (".md", lambda n: "---\n" + _lines(lambda i: f"key{i}: value {i}\n", n) + "---\nTalks ended.\n"),
    "nested-divs": (".html", lambda n: "<div>" * (n // 11) + "Talks ended." + "</div>" * (n // 11) + "\n"),
    # runs of one mark, each a backtracking risk in some regex
    "dots": (".txt", lambda n: "Talks ended" + "." * n + "\n"),
    "spaced-dots": (".txt", lambda n: "Talks ended" + _repeat(". ", n) + "\n"),
    "question-quotes": (".txt", lambda n: "Talks ended" + _repeat("?\" ", n) + "\n"),
    "quotes": (".txt", lambda n: _repeat('"', n) + "\n"),
    "backticks": (".md", lambda n: _repeat("`", n) + "\n"),
    "asterisks": (".md", lambda n: _repeat("*", n) + "\n"),
    "brackets": (".md", lambda n: _repeat("[a](", n) + "\n"),
    "at-signs": (".txt", lambda n: _repeat("a@", n) + "\n"),
    "www": (".txt", lambda n: _repeat("www.", n) + "\n"),
    "url-parens": (".md", lambda n: "see https://x.org/" + _repeat("(a", n) + "\n"),
    "digits": (".txt", lambda n: "Officials said " + "9" * n + " people died.\n"),
    "number-list": (".txt", lambda n: "The counts were " + _lines(lambda i: f"{i:,}, ", n) + "and 7.\n"),
    "commas": (".txt", lambda n: "Talks ended" + "," * n + "\n"),
    "hyphens": (".txt", lambda n: "Talks ended " + "-" * n + "\n"),
    "apostrophes": (".txt", lambda n: "Talks ended " + _repeat("'s", n) + "\n"),
    "whitespace": (".txt", lambda n: "Talks ended." + " \t" * (n // 2) + "Leaders left.\n"),
    "capitals": (".txt", lambda n: _repeat("Paris Berlin London Kyiv Moscow ", n) + "\n"),
    "capital-sentences": (".txt", lambda n: _repeat("A. B. C. D. ", n) + "\n"),
    "abbreviations": (".txt", lambda n: _repeat("Mr. Gen. Dr. U.S. ", n) + "\n"),
    "initials": (".txt", lambda n: _lines(lambda i: f"J. R. Smith met A. B. Jones in Paris on day {i}. ", n)),
    # structure
    "short-lines": (".txt", lambda n: _lines(lambda i: f"Line {i}\n", n)),
    "one-word-paragraphs": (".txt", lambda n: _repeat("Talks.\n\n", n)),
    "headings": (".md", lambda n: _lines(lambda i: f"# Heading {i}\n\nText {i}.\n\n", n)),
    "blockquote-depth": (".md", lambda n: ">" * n + " Talks ended.\n"),
    "list-depth": (".md", lambda n: _lines(lambda i: "  " * (i % 400) + "- item\n", n)),
    "unclosed-fences": (".md", lambda n: _repeat("```\nTalks ended.\n", n)),
    "indented": (".md", lambda n: _repeat("    Talks ended.\n", n)),
    "html-comments": (".md", lambda n: _repeat("<!-- factlint: ignore ", n) + "\n"),
    "html-entities": (".html", lambda n: "<p>" + _repeat("&amp;&#x41;&nbsp;", n) + "</p>\n"),
    "html-tags": (".html", lambda n: "<body>" + _repeat("<p>Talks <b>ended</b> in <a href='x'>Paris</a>.</p>", n) + "</body>\n"),
    "html-unclosed-script": (".html", lambda n: "<body><p>Talks</p>" + _repeat("<script>x", n) + "\n"),
    "deep-front-matter": (".md", lambda n: "---\n" + "[" * min(n, 100_000) + "]" * min(n, 100_000) + "\n---\nTalks.\n"),
    "long-front-matter-value": (".md", lambda n: "---\ntitle: \"" + "a" * n + "\"\n---\nTalks ended.\n"),
    # repeats and comparisons
    "same-sentence": (".txt", lambda n: _repeat("Leaders from 35 countries met in Paris on Tuesday. ", n) + "\n"),
    "same-paragraph": (".txt", lambda n: _repeat("Leaders from 35 countries met in Paris on Tuesday, officials said.\n\n", n)),
    "quotes-said": (".txt", lambda n: _lines(lambda i: f"\"We left {i},\" she said. Officials said {i} people died. ", n)),
    "places": (".txt", lambda n: _lines(lambda i: f"The meeting in {('Paris', 'Berlin', 'Rome', 'Kyiv')[i % 4]} on day {i} drew 35 leaders. ", n)),
    "weasel": (".txt", lambda n: _repeat("Some say critics argue it is believed that many experts think. ", n)),
    "unicode-soup": (".txt", _unicode_soup),
}


# The issue's own cases at its sizes (issue 20, item 4): shape, bytes, extra arguments.
ISSUE_CASES = [
    ("one-sentence", 100_000, ()),
    ("prose-no-stops", 100_000, ()),
    ("one-line", int(4.9 * 1024 * 1024), ()),
    ("bangs", 20_000, ()),
    ("dashes", 80_000, ("--select", "duplicates")),  # 40 KB of '- ': 40,000 pairs
    ("html-lt", 50_000, ()),
    ("combining", 100_000, ()),
    ("combining-stack", 100_000, ()),
    ("blasts", 54_000, ()),  # 2,000 sentences
    ("blank-lines", 100_000, ()),
    ("front-matter-keys", 200_000, ()),  # 10,000 keys
    ("nested-divs", 1_100_000, ()),  # 100,000 nested <div>s
]


def write_shape(name: str, size: int, folder: Path) -> Path:
    suffix, make = SHAPES[name]
    path = folder / f"{name}{suffix}"
    data = make(size).encode("utf-8")[: LIMIT]
    path.write_bytes(data.decode("utf-8", errors="ignore").encode("utf-8"))
    return path


WALL_CAP_SECONDS = 3600  # a safety net only: the cap is on CPU time, which a loaded machine does not stretch


def _cpu_limit(seconds: float) -> None:
    """In the child: the kernel stops it after this much CPU (SIGXCPU, then SIGKILL)."""
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (int(seconds), int(seconds) + 5))


def run_one(path: Path, folder: Path, cap: float, budget: bool, code: Path, extra: tuple[str, ...] = ()) -> dict:
    """factlint check on one file in a child: CPU, peak memory, exit code, stderr."""
    config = folder / ("budget.yaml" if budget else "nobudget.yaml")
    knows_budget = "analysis-timeout" in (code / "factlint" / "config.py").read_text(encoding="utf-8")
    config.write_text("" if budget or not knows_budget else "analysis-timeout: 0\n")  # (an older factlint has none)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen([*FACTLINT, "check", str(path), "--format", "json", "--config", str(config), *extra],
                                 stdout=out, stderr=err, cwd=folder, start_new_session=True,
                                 env={**os.environ, "PYTHONPATH": str(code)}, preexec_fn=lambda: _cpu_limit(cap))
        capped = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                capped = os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL)
                break
            if time.monotonic() - started > WALL_CAP_SECONDS:
                os.killpg(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                capped = True
                break
            time.sleep(0.05)
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        out.seek(0)
        try:
            findings = len(json.loads(out.read())["findings"])
        except (ValueError, KeyError):
            findings = None
    return {
        "cpu": usage.ru_utime + usage.ru_stime,
        "wall": time.monotonic() - started,
        "rss_mb": usage.ru_maxrss / 1024,
        "exit": None if capped else child.returncode,
        "capped": capped,
        "findings": findings,
        "stderr": stderr.strip().splitlines(),
    }


def profile(name: str, size: int, cap: float) -> None:
    """Time parsing and each rule's check (and extract) on one shape, in this process;
    a step stopped after ``cap`` CPU seconds shows as '> cap'."""
    sys.path.insert(0, str(ROOT))
    from factlint.budget import AnalysisTimeout, time_limit
    from factlint.document import Settings, parse_document
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    with tempfile.TemporaryDirectory() as scratch:
        path = write_shape(name, size, Path(scratch))
        data = path.read_bytes()

    def timed(step: Callable[[], object]) -> tuple[str, object]:
        started = time.process_time()
        try:
            with time_limit(cap):
                outcome = step()
        except AnalysisTimeout:
            return f"> {cap:.0f}", None
        except Exception as exc:  # noqa: BLE001 - shown, not raised: the other steps still run
            return f"{time.process_time() - started:.2f}", f"{type(exc).__name__}: {exc}"[:100]
        return f"{time.process_time() - started:.2f}", outcome

    seconds, doc = timed(lambda: parse_document(path.name, data, Settings(analysis_timeout=None)))
    if doc is None or isinstance(doc, str):
        print(f"{name}: {len(data):,} bytes; parsing {seconds} s {doc or ''}")
        return
    print(f"{name}: {len(data):,} bytes, {len(doc.blocks):,} blocks, "
          f"{sum(len(b.sentences) for b in doc.blocks):,} sentences; parsing {seconds} s")
    for check in compile_rules(load_rules([builtin_rules_dir()]), {}):
        def run(check=check) -> int:
            found = len(list(check.check(doc)))
            if check.CROSS_ARTICLE:
                check.extract(doc)
            return found

        seconds, found = timed(run)
        print(f"  {check.rule.id:<28} {seconds:>8} s  {found}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help=f"bytes per article (default {DEFAULT_SIZE:,})")
    parser.add_argument("--shapes", help="comma-separated shapes (default: all); --list shows them")
    parser.add_argument("--list", action="store_true", help="list the shapes")
    parser.add_argument("--cap", type=float, default=120.0, help="stop a child after this many CPU seconds")
    parser.add_argument("--budget", action="store_true", help="also run each shape with the default budget")
    parser.add_argument("--profile", metavar="SHAPE", help="time parsing and each rule on one shape, in-process")
    parser.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    parser.add_argument("--issue", action="store_true", help="the issue's own cases at its sizes instead of --size")
    parser.add_argument("--code", metavar="DIR", type=Path, default=ROOT,
                        help="measure the factlint of another checkout (a worktree of an older commit)")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(SHAPES))
        return 0
    if args.profile:
        profile(args.profile, args.size, args.cap)
        return 0
    names = args.shapes.split(",") if args.shapes else list(SHAPES)
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r} (--list shows them)")
    cases = ISSUE_CASES if args.issue else [(name, args.size, ()) for name in names]
    sizes = "the issue's sizes" if args.issue else f"{args.size:,} bytes each"
    print(f"factlint check on one article per shape, {sizes}, budget off; CPU seconds (user+system)")
    header = "| shape | bytes | CPU s | peak MB | exit | findings |" + (" with budget |" if args.budget else "")
    print(header + "\n|---|--:|--:|--:|--:|--:|" + ("---|" if args.budget else ""))
    results = {}
    slow = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        code = snapshot_code(folder, args.code)
        for name, size, extra in cases:
            path = write_shape(name, size, folder)
            run = run_one(path, folder, args.cap, budget=False, code=code, extra=extra)
            cpu = f"> {args.cap:.0f}" if run["capped"] else f"{run['cpu']:.2f}"
            shown = f"{name} {' '.join(extra)}".strip()
            row = f"| {shown} | {path.stat().st_size:,} | {cpu} | {run['rss_mb']:.0f} | {run['exit']} | {run['findings']} |"
            if args.budget:
                budgeted = run_one(path, folder, args.cap, budget=True, code=code, extra=extra)
                ended = "timeout" if any("analysis-timeout" in line for line in budgeted["stderr"]) else "done"
                row += f" {ended}, exit {budgeted['exit']}, {budgeted['cpu']:.1f} s |"
                run["budgeted"] = budgeted
            print(row, flush=True)
            if run["capped"] or run["cpu"] >= TARGET_SECONDS:
                slow.append(name)
            tracebacks = [line for line in run["stderr"] if "Traceback" in line or "internal error" in line]
            if tracebacks:
                print(f"  {name}: {tracebacks[0]}", flush=True)
            results[name] = run
            path.unlink()
    print(f"\n{len(cases) - len(slow)} of {len(cases)} shapes under {TARGET_SECONDS:.0f} s"
          + (f"; over: {', '.join(slow)}" if slow else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
