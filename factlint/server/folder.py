"""The workspace folder as the cross-article rules see it, for the language server.

This is the one place the server reaches the folder state that the
pre-commit path keeps (factlint/engine/folder.py), through its public entry:
``FolderState.open`` / ``transaction`` / ``update`` / ``compare`` /
``suppressions``. The rest
of the server sees only ``FolderView``: put an article's current text (an
editor's buffer or the disk's), take it back to the disk's, compare articles
with the rest of the folder.

- A large folder (``engine.folder.MIN_ARTICLES`` articles or more) is served
  by a *working copy* of the folder state: the state the CLI and the hook
  keep is copied once, when the server starts (built first, by a normal
  ``factlint check --corpus .`` run in a child process, if there is none),
  and the server writes unsaved buffers only into its copy. So a commit's
  hook never compares with text that is not on disk, and a crashed server
  leaves nothing behind but a copy it removes on its next start.
- A small folder is kept in memory: every article's phase-one result, and
  the whole folder compared on each check (tens of milliseconds below 50
  articles), as a full ``factlint check`` does.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, Sequence

from factlint.errors import FactlintError
from factlint.findings import Finding

if TYPE_CHECKING:
    from factlint.config import Config
    from factlint.document import Settings
    from factlint.kinds.base import Check
    from factlint.linter import ArticleResult

CORPUS = "."  # the server runs in the workspace folder, as the hook runs at the repository's top
COPY_PREFIX = "server-"  # the working copies of the state, one per running server


class FolderView(Protocol):
    """What the server asks of the folder."""

    def put(self, path: str, data: bytes, result: "ArticleResult") -> None:
        """This article's current text is ``data`` (analysed as ``result``)."""

    def restore(self, path: str) -> None:
        """This article is again what the disk holds (a buffer closed unsaved, a file changed outside the editor)."""

    def compare(self, targets: dict[str, "ArticleResult"]) -> tuple[list[Finding], dict[str, list[Any]], list[FactlintError]]:
        """The cross-article findings involving the targets (each in its current text), the
        suppressions of the other articles they land on, and what failed."""

    def idle(self) -> None:
        """Housekeeping that may take a while, run when no check is waiting."""

    def close(self) -> None:
        """Release what the view holds."""


def _analyze_file(path: str, checks: Sequence["Check"], settings: "Settings") -> tuple[bytes, "ArticleResult"] | None:
    """An article as the disk holds it, or None when it is not there."""
    from factlint.document import read_source
    from factlint.errors import FactlintError
    from factlint.linter import analyze, needs_stories

    try:
        data = read_source(path, settings.max_file_bytes)  # never waits on a FIFO, never reads past the limit
    except FactlintError:
        return None
    return data, analyze(path, data, checks, settings, want_story_terms=needs_stories(checks))


def article_paths(config: "Config") -> list[str]:
    """The workspace's articles, spelled as the folder state spells them."""
    from factlint.workspace import discover

    return [os.path.normpath(path) for path in discover([CORPUS], config)]


def open_view(
    config: "Config", checks: Sequence["Check"], settings: "Settings", log: Callable[[str], None]
) -> "FolderView | None | str":
    """The view for this folder and these rules: a working copy of the stored state
    (large folders), the folder in memory (small ones), ``"build"`` when a large
    folder has no stored state yet (``build_command`` makes one), or None when
    the folder's articles cannot be compared (its cache cannot be kept)."""
    from factlint.engine.folder import MIN_ARTICLES

    paths = article_paths(config)
    if len(paths) < MIN_ARTICLES:
        return MemoryFolder(paths, config, checks, settings)
    return StoredFolder.open(config, checks, settings) or "build"


def build_command() -> list[str]:
    """The run that builds the folder's stored state: what ``factlint check --corpus .`` does
    on a folder of 50 articles or more, in a child process (its memory is returned when it ends)."""
    return [sys.executable, "-m", "factlint", "check", "--corpus", CORPUS, "--format", "json", "--output", os.devnull]


class StoredFolder:
    """A working copy of the folder state, current with the editor's buffers."""

    def __init__(self, state: Any, copy: Path, config: "Config", checks: Sequence["Check"], settings: "Settings") -> None:
        self.state = state
        self.copy = copy
        self.config = config
        self.checks = checks
        self.settings = settings

    @classmethod
    def open(cls, config: "Config", checks: Sequence["Check"], settings: "Settings") -> "StoredFolder | None":
        """A copy of the stored state for this folder and these rules, or None if there is none."""
        from factlint.cache import ResultCache
        from factlint.engine.folder import FolderState

        cache = ResultCache.open(config.root, checks, settings, CORPUS)
        if cache is None:
            return None
        _remove_abandoned_copies(cache.folder)
        shared = FolderState.open(cache, CORPUS, config, checks)
        if shared is None:
            return None
        copy = cache.folder / f"{COPY_PREFIX}{os.getpid()}.sqlite"
        try:
            db = sqlite3.connect(copy, isolation_level=None, check_same_thread=False)
            shared.db.backup(db)
            db.execute("PRAGMA journal_mode=MEMORY")  # a private copy: a crash loses nothing worth a journal file
            db.execute("PRAGMA synchronous=OFF")
        except sqlite3.Error:
            copy.unlink(missing_ok=True)
            return None
        finally:
            shared.db.close()
        return cls(FolderState(db, cache.key, checks), copy, config, checks, settings)

    def put(self, path: str, data: bytes, result: "ArticleResult") -> None:
        digest = hashlib.sha256(data).hexdigest()
        if result.error is None and self.state.digests([path]).get(path) == digest:
            return
        with self.state.transaction():
            self.state.update([], {path: (digest, result)}, {})

    def restore(self, path: str) -> None:
        found = _analyze_file(path, self.checks, self.settings)
        if found is None:
            with self.state.transaction():
                self.state.update([path], {}, {})
        else:
            self.put(path, *found)

    def compare(self, targets: dict[str, "ArticleResult"]) -> tuple[list[Finding], dict[str, list[Any]], list[FactlintError]]:
        from factlint.engine.memory import failure_errors

        self._follow_listing()
        with self.state.transaction(write=False):
            findings, failures = self.state.compare(targets)
            suppressions = self.state.suppressions({f.path for f in findings} - set(targets))
        return findings, suppressions, failure_errors(failures, [c.rule.id for c in self.checks])

    def _follow_listing(self) -> None:
        """Articles added to or removed from the folder since the last look (a stat per folder)."""
        added, removed, listings = self.state.listing_changes(self.config)
        if not (added or removed or listings):
            return
        changed = {}
        for path in added:
            found = _analyze_file(path, self.checks, self.settings)
            if found is not None:
                changed[path] = (hashlib.sha256(found[0]).hexdigest(), found[1])
        with self.state.transaction():
            self.state.update(removed, changed, listings)

    def idle(self) -> None:
        if self.state.stories and self.state.needs_regrouping():
            with self.state.transaction():
                self.state.regroup()  # as the hook does, but never while a check waits

    def close(self) -> None:
        try:
            self.state.db.close()
        finally:
            self.copy.unlink(missing_ok=True)


def _remove_abandoned_copies(folder: Path) -> None:
    """Working copies left by servers that are no longer running."""
    for copy in folder.glob(f"{COPY_PREFIX}*.sqlite*"):
        pid = copy.name[len(COPY_PREFIX) :].split(".")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            copy.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


class MemoryFolder:
    """A small folder, every article's result in memory, compared whole."""

    def __init__(self, paths: list[str], config: "Config", checks: Sequence["Check"], settings: "Settings") -> None:
        self.config = config
        self.checks = checks
        self.settings = settings
        self.results: dict[str, "ArticleResult"] = {}
        for path in paths:
            self.restore(path)

    def put(self, path: str, data: bytes, result: "ArticleResult") -> None:
        self.results[path] = result

    def restore(self, path: str) -> None:
        found = _analyze_file(path, self.checks, self.settings)
        if found is None:
            self.results.pop(path, None)
        else:
            self.results[path] = found[1]

    def compare(self, targets: dict[str, "ArticleResult"]) -> tuple[list[Finding], dict[str, list[Any]], list[FactlintError]]:
        from factlint.linter import cross_article

        self._follow_listing()
        results = {**self.results, **targets}
        findings, _, errors = cross_article(list(results.values()), self.checks)
        suppressions = {p: r.suppressions for p, r in results.items() if p not in targets and r.error is None and r.suppressions}
        return findings, suppressions, errors

    def _follow_listing(self) -> None:
        present = set(article_paths(self.config))
        for path in present - set(self.results):
            self.restore(path)
        for path in set(self.results) - present:
            if not os.path.exists(path):  # an unsaved new article stays
                del self.results[path]

    def idle(self) -> None:
        pass

    def close(self) -> None:
        self.results.clear()
