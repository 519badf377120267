"""Command line: ``factlint check``, ``factlint rules``, ``factlint explain``.

Exit codes (the contract): 0 nothing at or above the fail level, 1 findings
at or above it, 2 usage error, bad configuration or rule file, unreadable
input, internal error. Every problem is one line on stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from typing import Sequence

from factlint import __version__
from factlint.errors import FactlintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise FactlintError(f"usage: {message} (see 'factlint {self.prog.split()[-1]} --help')" if " " in self.prog else f"usage: {message}")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    from factlint.formatters import FORMATS

    parser = _Parser(prog="factlint", description="Editorial fact-checking and consistency linter for news articles.")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    check = commands.add_parser("check", help="lint articles", description="Lint article files and folders.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the current folder)")
    check.add_argument("--format", default="text", choices=list(FORMATS), help="output format (default: text)")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--select", type=_csv, metavar="RULE,...", help="only these rule ids or kinds (an opt-in rule only by its id)")
    check.add_argument("--ignore", type=_csv, metavar="RULE,...", default=[], help="skip these rule ids or kinds")
    check.add_argument("--fail-level", choices=["info", "warning", "error"], help="lowest severity that fails (default: warning)")
    check.add_argument("--rules", action="append", default=[], metavar="DIR", help="add a folder of YAML rules (repeatable)")
    check.add_argument("--config", metavar="FILE", help="config file instead of the nearest .factlint.yaml / pyproject.toml")
    check.add_argument("--show-stories", action="store_true", help="show which articles were grouped as one story")
    check.add_argument("--fix", action="store_true", help="apply safe fixes (exact repeated passages) in place")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff without writing")
    check.add_argument("--no-color", action="store_true", help="never color the text output")
    check.add_argument("--statistics", action="store_true", help="print how many findings each rule gave instead of the findings")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
    check.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0")
    check.add_argument(
        "--corpus",
        metavar="DIR",
        help="read every article in DIR but report only findings involving the given PATHs (for pre-commit)",
    )
    check.add_argument("--no-cache", action="store_true", help="with --corpus, do not use or update .factlint_cache/")
    check.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="where to run: this machine's cores (default) or a Dask cluster (pip install 'factlint[dask]')",
    )
    check.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask, a running Dask scheduler (default: a local cluster)")

    listing = commands.add_parser("rules", help="list every rule", description="List every rule: id, kind, severity, summary. An opt-in rule runs only when selected by its id (--select ID, or extend-select in the config).")
    listing.add_argument("--rules", action="append", default=[], metavar="DIR")
    listing.add_argument("--config", metavar="FILE")

    testing = commands.add_parser(
        "test-rules",
        help="run every rule's examples",
        description="Run every rule's examples: each 'flag' text must be flagged and each 'ok' text left alone. "
        "Exit 1 if one is not, naming its line in the rule file.",
    )
    testing.add_argument("sources", nargs="*", metavar="DIR", help="folders (or files) of YAML rules (default: the built-in rules)")

    server = commands.add_parser(
        "server",
        help="run the language server for editors (LSP over stdio)",
        description="Speak the Language Server Protocol over stdin/stdout: diagnostics, quick fixes and hover "
        "for the articles open in an editor (pip install 'factlint[server]'). Run it in the articles' folder "
        "or let the editor give its workspace folder.",
    )
    server.add_argument("--stdio", action="store_true", help="accepted for editors that pass it; stdio is the only transport")
    server.add_argument("--debounce", type=float, metavar="MS", help="wait this long after the last keystroke before checking (default: 250)")

    explain = commands.add_parser("explain", help="describe a rule", description="Print a rule's description and examples.")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--rules", action="append", default=[], metavar="DIR")
    explain.add_argument("--config", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):  # a file name that is not UTF-8 prints as its bytes
        sys.stdout.reconfigure(errors="surrogateescape")
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return EXIT_ERROR
        return {"check": _check, "rules": _list_rules, "explain": _explain, "test-rules": _test_rules, "server": _server}[args.command](args)
    except FactlintError as err:
        print(f"factlint: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factlint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader stopped early (``factlint rules | head``): normal use
        _silence_stdout()
        return EXIT_CLEAN
    except Exception as exc:  # never a traceback: one line, exit 2
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        print(f"factlint: internal error: {type(exc).__name__}: {exc} (set FACTLINT_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_ERROR


# ---------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    """``factlint check``: lint the articles, fix them if asked, report, and say by the exit code."""
    from factlint.formatters import statistics

    if args.statistics and args.format not in statistics.FORMATS:
        raise FactlintError(f"usage: --statistics works with --format {' or '.join(statistics.FORMATS)}, not {args.format}")
    _check_engine_options(args)
    run = _CheckRun(args)
    report = run.lint()
    if args.fix or args.diff:
        report = _fix(args, report, run.checked, run.lint)
    report = respelled(report, run.shown)
    if args.write_baseline:
        return _write_baseline(report, args.write_baseline)
    if args.baseline:
        from factlint.baseline import without_baseline

        report.findings = without_baseline(report.findings, args.baseline)
    if not args.diff:
        _write_output(_rendered(args, report, run), args.output, args.format)
    return _exit_code(report, run.fail_level)


class _CheckRun:
    """One ``check``: its rules and settings, the articles it reads, and how it lints them
    (the folder state for the pre-commit hook, Dask, or the local engine with its cache)."""

    def __init__(self, args: argparse.Namespace) -> None:
        from factlint.document import Settings
        from factlint.ruleset import compile_rules
        from factlint.workspace import load_rules_for, selected

        self.args = args
        self.config, rules = load_rules_for(args.config, args.rules)
        select = args.select if args.select is not None else self.config.select
        self.active = selected(rules, select, [*self.config.ignore, *args.ignore], self.config.extend_select)
        self.fail_level = args.fail_level or self.config.fail_level
        self.context = {"facts": self.config.facts, "root": self.config.root}
        self.checks = compile_rules(self.active, self.context)
        self.known_rules = {r.id for r in rules}
        self.kind_of = {r.id: r.kind for r in rules}
        self.settings = Settings(
            extra_abbreviations=tuple(self.config.abbreviations), analysis_timeout=self.config.analysis_timeout or None
        )
        # The pre-commit hook's run: the folder's stored state may serve it without listing or reading the folder.
        self.hook = bool(args.corpus and args.paths and not args.no_cache) and not (
            args.fix or args.diff or args.show_stories or args.format == "html"
        )
        self.targets, self.paths, self.shown = self._articles()
        self.read_errors: list[FactlintError] = []
        self.texts: dict[str, str] = {}  # for the HTML report, which shows the articles
        self.checked: dict[str, bytes] = {}  # path -> digest of the bytes linted, so --fix never edits a changed file
        self.ignored_at: dict[str, set[str]] = {}  # path -> rules its per-file-ignores silence, worked out once
        self.cache = None
        if args.corpus and not args.no_cache:
            from factlint.cache import ResultCache

            self.cache = ResultCache.open(self.config.root, self.checks, self.settings, args.corpus)

    def _articles(self) -> tuple[list[str], list[str], dict[str, str]]:
        """The targets (with ``--corpus``: the articles reported on), the articles read, and
        each path as this run spells it -> as the command line gave it."""
        from factlint.workspace import discover, discover_articles

        args = self.args
        if self.hook:
            return corpus_paths(args.corpus, args.paths, self.config, listing=False)
        if args.corpus:
            return corpus_paths(args.corpus, args.paths, self.config)
        if args.engine == "dask":
            return [], discover_articles(args.paths, self.config), {}
        return [], discover(args.paths, self.config), {}

    def sources(self):
        """Each readable article's bytes; an unreadable one is kept as an error."""
        from factlint.document import display_text, read_source

        for path in self.paths:
            try:
                data = read_source(path, self.settings.max_file_bytes)
            except FactlintError as err:
                self.read_errors.append(err)
                continue
            if self.args.format == "html":
                self.texts[path] = display_text(data)
            if self.args.fix or self.args.diff:
                self.checked[path] = hashlib.sha256(data).digest()
            yield path, data

    def keep(self, finding) -> bool:
        """False for a finding the article's per-file-ignores silence."""
        if finding.path not in self.ignored_at:
            self.ignored_at[finding.path] = self.config.ignored_rules(self.shown.get(finding.path, finding.path))
        ignored = self.ignored_at[finding.path]
        return finding.rule not in ignored and self.kind_of.get(finding.rule) not in ignored

    def lint(self):
        """The report: from the folder state when it can serve the hook, else Dask or the local engine."""
        args = self.args
        report = None
        if self.hook and self.cache is not None:
            from factlint.engine.folder import check_changed

            report = check_changed(
                args.corpus, self.targets, self.config, self.checks, self.settings, self.cache, self.keep, self.known_rules
            )
        if report is None and args.engine == "dask":
            report = _lint_on_dask(args, self.paths, self.checks, self.context, self.settings, self.keep, self.known_rules)
            if args.format == "html":
                self.texts.update(_read_texts(report))
        if report is None:
            report = self._lint_locally()
        return involving(report, self.targets) if self.targets else report

    def _lint_locally(self):
        """The local engine over every article (with ``--corpus``: the cache, and the folder state rebuilt)."""
        from factlint.linter import lint_sources
        from factlint.progress import Progress

        if self.hook and not self.paths:
            self.targets, self.paths, _ = corpus_paths(self.args.corpus, self.args.paths, self.config)
        if self.cache is not None:
            self.cache.record()
        self.read_errors.clear()
        progress = Progress(len(self.paths))
        try:
            report = lint_sources(
                progress.track(self.sources()), self.checks, self.settings, self.keep, cache=self.cache, known_rules=self.known_rules
            )
        finally:
            progress.close()
        report.errors = self.read_errors + report.errors
        if self.cache is not None:
            self.cache.prune()
            from factlint.engine.folder import FolderState

            FolderState.build(self.cache, self.args.corpus, self.config, self.checks, report.stories)
        return report


def _write_baseline(report, path: str) -> int:
    """``--write-baseline``: record the findings instead of reporting them."""
    from factlint.baseline import write_baseline

    count = write_baseline(report.findings, path)
    print(f"factlint: recorded {count} finding{'s' if count != 1 else ''} in {path}", file=sys.stderr)
    for error in report.errors:
        print(f"factlint: {error}", file=sys.stderr)
    return EXIT_ERROR if report.errors else EXIT_CLEAN


def _rendered(args: argparse.Namespace, report, run: _CheckRun) -> str:
    """The report in the format asked for (or its statistics)."""
    from factlint.formatters import RenderContext, render
    from factlint.formatters import statistics

    if args.statistics:
        return statistics.render(report, args.format)
    context = RenderContext(
        rules=run.active,
        color=args.format == "text" and not args.output and not args.no_color and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
        show_stories=args.show_stories,
        sources={run.shown.get(path, path): text for path, text in run.texts.items()},
        paths=[run.shown.get(path, path) for path in run.targets or run.paths],
    )
    return render(args.format, report, context)


def _exit_code(report, fail_level: str) -> int:
    """Errors on stderr; 2 if there were any, 1 if a finding is at or above the fail level, else 0."""
    from factlint.findings import SEVERITY_RANK

    for error in report.errors:
        print(f"factlint: {error}", file=sys.stderr)
    if report.errors:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[fail_level]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) else EXIT_CLEAN


# --fix applies the fixes, lints again and fixes what that run finds, until nothing is
# left to fix (a fix may uncover another) or this many rounds have run.
FIX_ROUNDS = 10


def _fix(args: argparse.Namespace, report, checked: dict[str, bytes], lint):
    """Apply the fixes (``--fix``) or print them as a patch (``--diff``, to ``--output``
    if given). After fixing, the report is the one on the fixed articles."""
    import io

    from factlint.fixes import apply_fixes

    total = 0
    for _ in range(FIX_ROUNDS):
        patch = io.StringIO() if args.diff else None
        fixed = apply_fixes(report.findings, write=args.fix, diff_stream=patch, checked=checked)
        if patch is not None:
            _write_output(patch.getvalue(), args.output, "text")
        if not args.fix or not fixed:
            break
        total += fixed
        report = lint()
        if args.diff:
            break  # the patch shows one round; the report is on the text as fixed
    if total:
        print(f"factlint: fixed {total} finding{'s' if total != 1 else ''}", file=sys.stderr)
    return report


def _check_engine_options(args: argparse.Namespace) -> None:
    if args.diff and args.format != "text":
        raise FactlintError(f"usage: --diff prints a patch; it does not combine with --format {args.format}")
    if args.diff and args.statistics:
        raise FactlintError("usage: --diff prints a patch; it does not combine with --statistics")
    if args.scheduler and args.engine != "dask":
        raise FactlintError("usage: --scheduler needs --engine dask")
    if args.engine == "dask":
        for option, given in (("--corpus", args.corpus), ("--fix", args.fix), ("--diff", args.diff)):
            if given:
                raise FactlintError(f"usage: {option} works with the local engine only, not --engine dask")


def _lint_on_dask(args, paths: list[str], checks, context, settings, keep, known_rules):
    """The report of ``--engine dask``: workers read the files themselves (local ones by absolute path)."""
    from factlint.engine.dask import lint_paths
    from factlint.progress import Progress

    locations = [(path, path if "://" in path else os.path.abspath(path)) for path in paths]
    progress = Progress(len(paths))
    try:
        return lint_paths(
            locations, checks, context, settings, keep, known_rules,
            scheduler=args.scheduler, progress=progress,
        )
    finally:
        progress.close()


def _read_texts(report) -> dict[str, str]:
    """For the HTML report: the text of every article it shows (read here, on the client)."""
    from factlint.document import display_text
    from factlint.engine.dask import read_article

    wanted = {f.path for f in report.findings} | {r.location.path for f in report.findings for r in f.related}
    texts = {}
    for path in sorted(p for p in wanted if p):
        try:
            texts[path] = display_text(read_article(path))
        except (OSError, FactlintError):
            pass  # the report says the article could not be shown
    return texts


def corpus_paths(corpus: str, given: list[str], config, listing: bool = True) -> tuple[list[str], list[str], dict[str, str]]:
    """The articles to report on, every article to read (without ``listing``, none),
    and how the command line gave each path this run spells otherwise.

    A given file inside the folder is spelt as the folder's listing spells it,
    however it was given (absolute, with ./, through a link to the folder), so
    it is that article of the folder, and the folder state can serve the run.
    """
    from factlint.workspace import discover

    if not os.path.isdir(corpus):
        raise FactlintError("--corpus: no such folder", corpus)
    real_folder = os.path.realpath(corpus)
    targets: list[str] = []
    shown: dict[str, str] = {}
    for path in discover(given, config) if given else []:
        real = os.path.join(os.path.realpath(os.path.dirname(path) or "."), os.path.basename(path))
        relative = os.path.relpath(real, real_folder)
        spelt = path if relative.startswith("..") or os.path.isabs(relative) else os.path.normpath(os.path.join(corpus, relative))
        if spelt != path:
            shown[spelt] = path
        targets.append(spelt)
    if not listing:
        return targets, [], shown
    paths = [os.path.normpath(path) for path in discover([corpus], config)]
    listed = set(paths)
    return targets, paths + [path for path in targets if path not in listed], shown


def respelled(report, shown: dict[str, str]):
    """The report with each path as the command line gave it (see ``corpus_paths``):
    findings re-sorted and fingerprinted under the paths shown."""
    if not shown:
        return report
    from dataclasses import replace

    from factlint.findings import Finding, with_fingerprints

    def place(location):
        return replace(location, path=shown[location.path]) if location.path in shown else location

    findings = [
        replace(f, location=place(f.location), related=tuple(replace(r, location=place(r.location)) for r in f.related))
        for f in report.findings
    ]
    report.findings = with_fingerprints(sorted(findings, key=Finding.sort_key))
    report.errors = [FactlintError(e.message, shown[e.path], e.line) if e.path in shown else e for e in report.errors]
    report.stories = {shown.get(path, path): story for path, story in report.stories.items()}
    return report


def involving(report, targets: list[str]):
    """Only the findings (and problems) at one of the targets or pointing to one."""
    wanted = {os.path.abspath(path) for path in targets}

    def involved(path: str | None) -> bool:
        return path is not None and os.path.abspath(path) in wanted

    report.findings = [
        f for f in report.findings if involved(f.path) or any(involved(r.location.path) for r in f.related)
    ]
    report.errors = [e for e in report.errors if e.path is None or involved(e.path)]
    report.files = len(targets)
    return report


def _silence_stdout() -> None:
    """What is still buffered for a reader who has gone goes nowhere, also at exit."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (captured in-process): nothing will flush to a pipe
        pass


def _write_output(text: str, destination: str | None, format: str = "text") -> None:
    data = _encoded(text, format)
    if destination is None:
        try:
            out = getattr(sys.stdout, "buffer", None)
            if out is None:  # a text stream without bytes beneath (a test's capture)
                sys.stdout.write(data.decode("utf-8", "surrogateescape"))
            else:
                sys.stdout.flush()
                out.write(data)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped early: the check's own exit code still stands
            _silence_stdout()
        return
    from factlint.fixes import write_atomically

    try:
        write_atomically(destination, data)
    except OSError as err:
        raise FactlintError(f"cannot write output: {err.strerror}", destination) from None


def _encoded(text: str, format: str) -> bytes:
    """The report as UTF-8. A file name that is not UTF-8 reaches the report as
    surrogate escapes: the text formats give back its bytes (as ls does), JSON
    and SARIF write them as \\udcXX escapes (JSON readers turn them back into
    the name as Python's file functions take it), HTML and JUnit show U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    import re

    name_byte = re.compile("[\udc80-\udcff]")  # a byte of a name that is not UTF-8, as Python keeps it
    if format in ("json", "sarif"):
        text = name_byte.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    elif format in ("html", "junit"):
        text = name_byte.sub("\ufffd", text)
    return text.encode("utf-8", "surrogateescape")


def _list_rules(args: argparse.Namespace) -> int:
    from factlint.workspace import load_rules_for

    _, rules = load_rules_for(args.config, args.rules)
    width = max(len(r.id) for r in rules)
    kind_width = max(len(r.kind) for r in rules)
    for rule in rules:
        summary = rule.description.split("\n")[0].split(". ")[0].rstrip(".")
        if rule.opt_in:
            summary = f"(opt-in: runs only when selected by its id) {summary}"
        print(f"{rule.id:<{width}}  {rule.kind:<{kind_width}}  {rule.severity:<7}  {summary}")
    return EXIT_CLEAN


def _test_rules(args: argparse.Namespace) -> int:
    from factlint.rule_examples import failing_examples
    from factlint.ruleset import builtin_rules_dir, load_rules

    rules = load_rules(args.sources or [builtin_rules_dir()])
    if not rules:
        raise FactlintError(f"no rule files (*.yaml) in {', '.join(args.sources)}")
    examples = sum(len(r.examples[group]) for r in rules for group in ("flag", "ok"))
    failed = 0
    for failure in failing_examples(rules):
        print(failure.error())
        failed += 1
    rules_text = f"{len(rules)} rule{'s' if len(rules) != 1 else ''}"
    if failed:
        print(f"{failed} of {examples} examples of {rules_text} failed.")
        return EXIT_FINDINGS
    print(f"All {examples} examples of {rules_text} pass.")
    return EXIT_CLEAN


def _server(args: argparse.Namespace) -> int:
    from factlint.server import serve

    return serve(args.debounce)


def _explain(args: argparse.Namespace) -> int:
    from factlint.workspace import load_rules_for

    _, rules = load_rules_for(args.config, args.rules)
    matched = [r for r in rules if r.id == args.rule]
    if not matched:
        raise FactlintError(f"unknown rule '{args.rule}' (see 'factlint rules')")
    from factlint.ruleset import explain

    print(explain(matched[0]))
    return EXIT_CLEAN
