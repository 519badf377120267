"""The language server's linting, without the protocol: rules, buffers, the folder.

Everything here runs on the server's one worker thread, so nothing is
shared with the protocol's event loop but the ``cancelled`` callbacks it
passes in. A check is the CLI's pipeline on one article's unsaved text:
phase one (``linter.analyze``), the cross-article comparison against the
folder (``folder.FolderView``), then ``linter.finish`` (suppressions,
per-file ignores, order, fingerprints), keeping what lands on that article.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection, Iterator, Sequence

from factlint.errors import FactlintError
from factlint.findings import Finding

# Analysed once when the rules load, so the first real check finds every lazily
# loaded module and table (gazetteer, fuzzy matching, quantities) in place.
WARM_UP = (
    "---\ndate: 2025-01-06\n---\n# Talks\n\nForeign ministers met in Geneva on Tuesday and agreed a 3.5 billion euro aid plan, "
    "officials said. Critics say the plan is too small.\n\nForeign ministers met in Geneva on Tuesday and agreed a 3.5 billion "
    "euro aid plan, officials said.\n"
)


class Superseded(Exception):
    """A newer change arrived: this check's result would be stale, so it stops."""


@dataclass
class RuleSet:
    """One loaded configuration and the rules it selects, compiled."""

    config: Any  # factlint.config.Config
    rules: list[Any]  # every rule loaded (factlint.kinds.base.Rule)
    checks: list[Any]  # the selected ones, compiled and guarded
    settings: Any  # factlint.document.Settings
    signature: tuple

    @property
    def by_id(self) -> dict[str, Any]:
        return {rule.id: rule for rule in self.rules}

    def keep(self, finding: Finding) -> bool:
        """What the config's per-file-ignores leave."""
        ignored = self.config.ignored_rules(finding.path)
        return finding.rule not in ignored and finding.kind not in ignored


@dataclass
class Outcome:
    """A check's answer for one article."""

    findings: list[Finding]
    error: FactlintError | None = None  # the article could not be read (binary, broken front matter ...)
    problems: list[str] = field(default_factory=list)  # rules that failed, for the log


class GuardedCheck:
    """A compiled rule whose crash on one article is reported, not fatal: the
    article's other rules still report, and the failure goes to the editor's log."""

    def __init__(self, check: Any, failed: Callable[[str], None]) -> None:
        self._check = check
        self._failed = failed

    def __getattr__(self, name: str) -> Any:
        return getattr(self._check, name)

    def check(self, doc: Any) -> list[Finding]:
        try:
            return list(self._check.check(doc))
        except Exception as exc:
            self._failed(f"rule '{self._check.rule.id}' failed on {doc.path}: {type(exc).__name__}: {exc}")
            return []

    def extract(self, doc: Any) -> Any:
        try:
            return self._check.extract(doc)
        except Exception as exc:
            self._failed(f"rule '{self._check.rule.id}' failed on {doc.path} (across articles): {type(exc).__name__}: {exc}")
            return None


class _Interruptible(Sequence):
    """The checks, handed to ``analyze`` so that a superseded check stops between two rules."""

    def __init__(self, checks: Sequence[Any], cancelled: Callable[[], bool]) -> None:
        self._checks = checks
        self._cancelled = cancelled

    def __len__(self) -> int:
        return len(self._checks)

    def __getitem__(self, index: Any) -> Any:
        return self._checks[index]

    def __iter__(self) -> Iterator[Any]:
        for check in self._checks:
            if self._cancelled():
                raise Superseded()
            yield check


def _never() -> bool:
    return False


def _signature(config: Any) -> tuple:
    """What a reload looks at: the nearest config file, the rules folders' files, the facts file."""
    from factlint.config import find_config

    watched: list[Path] = []
    found = find_config()
    if found is not None:
        watched.append(found)
    for folder in getattr(config, "rules", []):
        watched.append(folder)
        try:
            watched += sorted(p for p in Path(folder).iterdir() if p.suffix in (".yaml", ".yml"))
        except OSError:
            pass
    if getattr(config, "facts", None) is not None:
        watched.append(config.facts)
    stamps = []
    for path in watched:
        try:
            stat = os.stat(path)
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


def load_rule_set(failed: Callable[[str], None]) -> RuleSet:
    """The workspace's config and rules, as ``factlint check`` loads them; raises FactlintError."""
    from factlint.document import Settings
    from factlint.ruleset import compile_rules
    from factlint.workspace import load_rules_for, selected

    config, rules = load_rules_for(None)
    active = selected(rules, config.select, config.ignore, config.extend_select)
    try:
        checks = compile_rules(active, {"facts": config.facts, "root": config.root})
    except FactlintError as err:
        if err.path is None and config.path:
            raise FactlintError(err.message, config.path) from None
        raise
    return RuleSet(
        config=config,
        rules=rules,
        checks=[GuardedCheck(check, failed) for check in checks],
        settings=Settings(extra_abbreviations=tuple(config.abbreviations), analysis_timeout=config.analysis_timeout or None),
        signature=_signature(config),
    )


class Engine:
    """The rules, the open articles' results and the folder view, for one workspace folder."""

    def __init__(self, log: Callable[[str], None]) -> None:
        self.log = log
        self.rule_set: RuleSet | None = None
        self.problem: FactlintError | None = None  # the config or rule file that failed to load
        self.signature: tuple | None = None  # of the last load tried, good or bad
        self.folder: Any = None  # a folder.FolderView once open
        self.buffers: dict[str, tuple[bytes, Any]] = {}  # open article -> (its text's bytes, ArticleResult)
        self._problems: list[str] = []

    # -- rules -------------------------------------------------------------------
    def load(self) -> bool:
        """(Re)load config and rules. On an error the last good rules stay (the built-in
        ones with defaults when there never were any) and ``problem`` says what failed.
        True when the rules changed."""
        try:
            rule_set = load_rule_set(self._problems.append)
        except FactlintError as err:
            self.problem = err
            self.signature = _signature(self.rule_set.config if self.rule_set else None)
            if self.rule_set is None:
                self.rule_set = self._defaults()
                return True
            return False
        self.problem = None
        self.signature = rule_set.signature
        self.rule_set = rule_set
        self.buffers.clear()  # analysed with the old rules: each open article is checked again
        self._warm_up()
        return True

    def _defaults(self) -> RuleSet:
        from factlint.config import Config
        from factlint.document import Settings
        from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

        rules = load_rules([builtin_rules_dir()])
        checks = compile_rules(rules, {"facts": None, "root": Path.cwd()})
        return RuleSet(Config(path=None), rules, [GuardedCheck(c, self._problems.append) for c in checks], Settings(), ())

    def _warm_up(self) -> None:
        from factlint.linter import analyze

        assert self.rule_set is not None
        analyze("warm-up.md", WARM_UP.encode("utf-8"), self.rule_set.checks, self.rule_set.settings, True)
        self._problems.clear()

    def rules_changed_on_disk(self) -> bool:
        """Whether a config, rule or facts file changed since the last load (a few stats)."""
        return _signature(self.rule_set.config if self.rule_set else None) != self.signature

    # -- the folder ------------------------------------------------------------------
    def open_folder(self) -> str:
        """Open the folder view for the current rules: 'ready', 'build' (a large folder
        without a stored state) or 'unavailable'."""
        from factlint.server.folder import open_view

        self.close_folder()
        assert self.rule_set is not None
        view = open_view(self.rule_set.config, self.rule_set.checks, self.rule_set.settings, self.log)
        if isinstance(view, str):
            return view
        if view is None:
            return "unavailable"
        self.folder = view
        for path, (data, result) in self.buffers.items():
            if self.in_folder(path):
                view.put(path, data, result)
        return "ready"

    def close_folder(self) -> None:
        if self.folder is not None:
            folder, self.folder = self.folder, None
            folder.close()

    def in_folder(self, path: str) -> bool:
        """Whether an article is one of the workspace folder's (so compared with the others)."""
        parts = Path(path).parts
        return not os.path.isabs(path) and ".." not in parts and not any(p.startswith(".") for p in parts)

    def excluded(self, path: str) -> bool:
        return self.rule_set is not None and self.rule_set.config.excluded(path)

    # -- checks ----------------------------------------------------------------------
    def check(self, path: str, text: str, cancelled: Callable[[], bool] = _never) -> Outcome:
        """An article's findings, its text as given (an unsaved buffer)."""
        from factlint.linter import analyze, needs_stories

        rule_set = self.rule_set
        assert rule_set is not None
        data = text.encode("utf-8")
        checks = _Interruptible(rule_set.checks, cancelled)
        result = analyze(path, data, checks, rule_set.settings, needs_stories(rule_set.checks))
        if cancelled():
            raise Superseded()
        self.buffers[path] = (data, result)
        return self._outcome(path, data, result, cancelled)

    def refresh(self, path: str, cancelled: Callable[[], bool] = _never) -> Outcome | None:
        """An open article's findings again, after another article changed; None when it has
        not been checked yet."""
        if path not in self.buffers:
            return None
        return self._outcome(path, *self.buffers[path], cancelled)

    def _outcome(self, path: str, data: bytes, result: Any, cancelled: Callable[[], bool]) -> Outcome:
        from factlint.linter import finish

        rule_set = self.rule_set
        assert rule_set is not None
        if result.error is not None:
            if self.folder is not None and self.in_folder(path):
                self.folder.put(path, data, result)  # out of the comparisons while it cannot be read
            return Outcome([], result.error, self._take_problems())
        findings = list(result.findings)
        suppressions: dict[str, Sequence[Any]] = {}
        errors: list[FactlintError] = []
        if self.folder is not None and self.in_folder(path):
            self.folder.put(path, data, result)
            if cancelled():
                raise Superseded()
            cross, suppressions, errors = self.folder.compare({path: result})
            findings += cross
        if result.suppressions:
            suppressions = {**suppressions, path: result.suppressions}
        known: Collection[str] = {rule.id for rule in rule_set.rules}
        kept = finish(findings, suppressions, rule_set.checks, rule_set.keep, known)
        problems = self._take_problems() + [str(error) for error in errors]
        return Outcome([f for f in kept if f.path == path], None, problems)

    def _take_problems(self) -> list[str]:
        problems, self._problems[:] = list(self._problems), []
        return problems

    def close(self, path: str) -> None:
        """An article's buffer closed: the folder compares the disk's text again."""
        if self.buffers.pop(path, None) is not None and self.folder is not None and self.in_folder(path):
            self.folder.restore(path)

    def disk_changed(self, path: str) -> None:
        """An article changed on disk, outside the editor (a pull, another program)."""
        if path not in self.buffers and self.folder is not None and self.in_folder(path):
            self.folder.restore(path)

    def idle(self) -> None:
        if self.folder is not None:
            self.folder.idle()

    def shutdown(self) -> None:
        self.close_folder()
