"""The folder engine: phase two from the folder's stored state, for a few changed articles.

``check --corpus DIR FILE...`` reports FILE's findings against the whole
folder. Re-reading every article's cached result and comparing the whole
folder again costs seconds on a large archive, so the folder's cross-article
state is kept beside the per-article cache (factlint/cache.py), in one SQLite
file, and updated for the articles that changed. What it keeps follows the
rules' plans (factlint/kinds/plan.py), never a kind:

- per article: path, content hash, what the cross-article phase knows of it
  (date, story label, title), its story terms, weighted vector and story, its
  suppressions, and each cross-article rule's extract, one row each, so one
  article's extract is read without unpickling the others';
- per Group step keyed by the extract: one row per key an article gives
  (``members``), with the value it brings to that key's group;
- per Join step: one row per key an article gives (``postings``);
- per Count: how many articles give each key (``counts``);
- the story grouping: centroids, their term index, the terms' document
  frequencies.

A run re-analyses its FILEs (and any article added to or removed from the
folder since), updates the state for them, and runs each step on just the
groups that concern them: the groups of the keys they give, their stories,
the articles they share uncommon Join keys with (each compared, as a full run
compares it, with its own candidates). Findings are kept when they are at a
FILE or point at one; for those the findings are the full run's, given the
same stories. An article's new text held in memory (an editor's unsaved
buffer) is compared the same way, and the state left as it was
(``FolderState.check_articles(..., persist=False)``).

Stories are where a run may differ from a full one. The full grouping is a
two-pass clustering of the whole folder; here an added or changed article
joins the most similar story in time if that passes ``MIN_SIMILARITY``
(where the full grouping's refining pass would put it), else starts its own,
and no other article moves. Term weights keep the document frequencies of
the folder as it changes, but the other articles' vectors keep the weights
of the last full grouping. Once more than one article in ``REGROUP_SHARE``
has been placed this way, the run groups the whole folder again from the
stored story terms (``group_stories``, as a full run does) and compares its
files with that grouping.

Safety as for the per-article cache: every pickled value is signed with the
user's key and checked before it is unpickled; the file carries a signed
token naming the rules, the folder and the settings it was built for (a
foreign, stale or damaged file is rebuilt, never trusted); a rebuilt state is
written under a new name and published by atomically replacing a small
pointer file. A run's update and every read its comparisons make are one
SQLite transaction, so overlapping runs serialize: each sees the state whole,
as one run left it, and leaves it whole. Below ``MIN_ARTICLES`` articles no
state is kept: at 50 Reuters articles the full comparison adds 35 to 45 ms to
a run, the state's 10.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Iterator, Mapping, Sequence

from factlint.cache import Unsigned, seal, unseal
from factlint.document import read_source
from factlint.engine.memory import StepFailure, compare_each, each, failure_errors
from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.kinds.base import Check
from factlint.kinds.plan import FOLDER, STORY, ArticleInfo, Corpus, Gathered, Group, Join, Joined, Plan, candidates, shared_places
from factlint import linter
from factlint.linter import ArticleResult, Report, finish, plans

if TYPE_CHECKING:
    from factlint.cache import ResultCache
    from factlint.document import Settings

FORMAT = 5
POINTER = "folder-state"  # names the current state file
MIN_ARTICLES = 50  # below this, comparing the whole folder costs only tens of milliseconds
MAX_UPDATES = 50  # more changed, added or removed articles than this: the full path
REGROUP_SHARE = 50  # regroup once more than 1 article in this many was placed incrementally
_CHUNK = 500  # SQL parameters per query

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE folders(path TEXT PRIMARY KEY, mtime INTEGER NOT NULL, names TEXT NOT NULL);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, folder TEXT NOT NULL, digest TEXT NOT NULL,
    date TEXT, label TEXT, title TEXT NOT NULL, terms TEXT, vector TEXT, story INTEGER, suppressions BLOB);
CREATE INDEX articles_folder ON articles(folder);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_label ON articles(label);
CREATE TABLE extracts(rule TEXT, article INTEGER, blob BLOB NOT NULL, PRIMARY KEY(rule, article));
CREATE TABLE members(rule TEXT, step INTEGER, key, article INTEGER, value BLOB, PRIMARY KEY(rule, step, key, article)) WITHOUT ROWID;
CREATE TABLE postings(rule TEXT, step INTEGER, key INTEGER, article INTEGER, PRIMARY KEY(rule, step, key, article)) WITHOUT ROWID;
CREATE TABLE counts(rule TEXT, name TEXT, key, articles INTEGER NOT NULL, PRIMARY KEY(rule, name, key)) WITHOUT ROWID;
CREATE TABLE stories(id INTEGER PRIMARY KEY, centroid TEXT NOT NULL, norm2 REAL NOT NULL, first_day INTEGER, last_day INTEGER);
CREATE TABLE story_index(term TEXT, story INTEGER, PRIMARY KEY(term, story)) WITHOUT ROWID;
CREATE TABLE frequency(term TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
"""


class StateUnusable(Exception):
    """A stored value failed its check: the run takes the full path and rebuilds."""


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


def _stored(key: Hashable) -> int | str:
    """A step's key as SQLite keeps it: a 64-bit integer as one (unsigned ones folded
    into the signed range), anything else as its repr (ints, strings and tuples of them
    have one repr in every process)."""
    if isinstance(key, int) and not isinstance(key, bool) and 0 <= key < 1 << 64:
        return key - (1 << 64) if key >= 1 << 63 else key
    return repr(key)


def _identity(cache: "ResultCache", corpus: str, config: Any) -> bytes:
    """What the state was built for, beyond the rules the cache folder is named by."""
    described = json.dumps(
        [FORMAT, cache.folder.name, os.getcwd(), os.path.normpath(corpus), list(config.exclude), str(config.root)]
    )
    return hmac.new(cache.key, described.encode("utf-8"), hashlib.sha256).digest()


def _folder_of(path: str) -> str:
    """The folder an article is listed in, spelled as ``_walk`` spells folders."""
    return os.path.dirname(path) or "."


def _listings(files: list[str], folders: dict[str, int]) -> dict[str, tuple[int, str]]:
    """Each folder's mtime and the names of its articles, as the state keeps them."""
    names: dict[str, list[str]] = {folder: [] for folder in folders}
    for path in files:
        names.setdefault(_folder_of(path), []).append(os.path.basename(path))
    return {folder: (folders.get(folder, -1), "\0".join(sorted(found))) for folder, found in names.items()}


def _visible(name: str) -> bool:
    """An article's file name, as ``discover`` takes them."""
    from factlint.document import ARTICLE_SUFFIXES

    return name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".")


def _walk(top: str, config: Any) -> tuple[list[str], dict[str, int]]:
    """Articles under a folder and each folder's mtime, as ``discover`` finds them."""
    files: list[str] = []
    folders: dict[str, int] = {}
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and not config.excluded(os.path.join(folder, d)))
        folders[os.path.normpath(folder)] = os.stat(folder).st_mtime_ns
        files += [
            os.path.normpath(os.path.join(folder, name))
            for name in sorted(names)
            if _visible(name) and os.path.isfile(os.path.join(folder, name)) and not config.excluded(os.path.join(folder, name))
        ]
    return files, folders




class _Counts(Mapping):
    """A Count's folder-wide numbers, read from the state when a step asks (0: no article)."""

    def __init__(self, state: "FolderState", rule: str, name: str) -> None:
        self.state, self.rule, self.name = state, rule, name
        self.known: dict[Any, int] = {}

    def __getitem__(self, key: Any) -> int:
        if key not in self.known:
            row = self.state.db.execute(
                "SELECT articles FROM counts WHERE rule=? AND name=? AND key=?", (self.rule, self.name, _stored(key))
            ).fetchone()
            self.known[key] = row[0] if row else 0
        return self.known[key]

    def __iter__(self) -> Iterator[Any]:
        raise TypeError("folder-wide counts are looked up by key, not listed")

    def __len__(self) -> int:
        raise TypeError("folder-wide counts are looked up by key, not listed")


class FolderState:
    """One open state file."""

    def __init__(self, db: sqlite3.Connection, key: bytes, checks: Sequence[Check]) -> None:
        self.db = db
        self.key = key
        self.checks = checks
        self.plans: list[tuple[str, Plan]] = [(check.rule.id, plan) for check, plan in plans(checks)]
        self.stories = any(plan.needs_stories for _, plan in self.plans)
        self._story_names: dict[int, str] = {}  # story number -> its id, during one transaction

    # -- signing ---------------------------------------------------------------------
    def seal(self, value: Any) -> bytes:
        return seal(self.key, value)

    def unseal(self, blob: bytes) -> Any:
        try:
            return unseal(self.key, blob)
        except Unsigned as err:
            raise StateUnusable(str(err)) from None

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[None]:
        """One SQLite transaction: an update, and every read that must see the state as
        one run left it (a comparison reads many rows; another run may replace them)."""
        self.db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def meta(self, name: str) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (name,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, name: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    # -- opening, building -------------------------------------------------------------
    @classmethod
    def open(cls, cache: "ResultCache", corpus: str, config: Any, checks: Sequence[Check]) -> "FolderState | None":
        """The state for this folder and these rules, or None when there is no valid one."""
        try:
            name = (cache.folder / POINTER).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if not name.startswith("state-") or "/" in name:
            return None
        path = cache.folder / name
        try:
            db = sqlite3.connect(path.absolute().as_uri() + "?mode=rw", uri=True, isolation_level=None, timeout=30)
        except sqlite3.Error:
            return None
        state = cls(db, cache.key, checks)
        try:
            token = state.meta("token")
            if not isinstance(token, bytes) or not hmac.compare_digest(token, _identity(cache, corpus, config)):
                raise StateUnusable("built for another user, folder or settings")
            db.execute("PRAGMA synchronous=OFF")
        except (sqlite3.Error, StateUnusable):
            db.close()
            return None
        return state

    @classmethod
    def build(
        cls,
        cache: "ResultCache",
        corpus: str,
        config: Any,
        checks: Sequence[Check],
        stories: dict[str, str],
    ) -> None:
        """Write a new state from a full run's results (``cache.recorded``) and story
        grouping, then publish it. Nothing is kept if the folder changed meanwhile."""
        recorded = cache.recorded or {}
        if len(recorded) < MIN_ARTICLES:
            return
        files, folders = _walk(os.path.normpath(corpus), config)
        if len(files) < MIN_ARTICLES or not set(recorded) <= set(files):
            return  # a small folder, or articles from outside it in the grouping
        handle, temporary = tempfile.mkstemp(prefix=".tmp-state-", suffix=".sqlite", dir=cache.folder)
        os.close(handle)
        try:
            db = sqlite3.connect(temporary, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=OFF")
                db.execute("PRAGMA synchronous=OFF")
                db.executescript(_SCHEMA)
                db.execute("BEGIN")
                state = cls(db, cache.key, checks)
                state._fill(files, folders, recorded, stories)
                state.set_meta("token", _identity(cache, corpus, config))
                db.execute("COMMIT")
            finally:
                db.close()
            name = f"state-{os.urandom(8).hex()}.sqlite"
            os.replace(temporary, cache.folder / name)
            _publish(cache.folder, name)
        except (OSError, sqlite3.Error):
            if os.path.exists(temporary):
                os.unlink(temporary)

    def _fill(self, files: list[str], folders: dict[str, int], recorded: dict, stories: dict[str, str]) -> None:
        good = [
            (path, *recorded[path])
            for path in files
            if path in recorded and recorded[path][1].error is None and recorded[path][1].info is not None
        ]
        unread = {_folder_of(path) for path in files if path not in recorded}  # added meanwhile, or failed
        for folder, (mtime, names) in _listings([path for path, _, _ in good], folders).items():
            self.db.execute("INSERT INTO folders VALUES (?, ?, ?)", (folder, -1 if folder in unread else mtime, names))
        ids: dict[str, int] = {}
        for path, digest, result in good:
            ids[path] = self._insert_article(path, digest, result)
        self._contribute([(ids[path], result) for path, _, result in good], 1)
        if self.stories:
            unlabeled = [(path, ids[path], result.info, result.story_terms) for path, _, result in good if not result.info.story]
            self._write_grouping(unlabeled, stories)
        else:
            self.set_meta("unlabeled", 0)
            self.set_meta("placed", 0)

    def _write_grouping(self, unlabeled: list[tuple[str, int, ArticleInfo, dict[str, float]]], stories: dict[str, str]) -> None:
        """Store a full grouping of the unlabeled articles (path, id, info, story terms):
        document frequencies, each article's vector and story, the stories' centroids,
        spans and term index. Whatever grouping was stored before is replaced."""
        from factlint.stories import article_day, story_vector

        for table in ("frequency", "stories", "story_index"):
            self.db.execute(f"DELETE FROM {table}")
        frequency: Counter[str] = Counter()
        for _, _, _, terms in unlabeled:
            frequency.update(terms.keys())
        self.db.executemany("INSERT INTO frequency VALUES (?, ?)", frequency.items())
        numbers: dict[str, int] = {}
        centroids: dict[int, dict[str, float]] = defaultdict(dict)
        spans: dict[int, list[int]] = {}
        corpus = Corpus({path: info for path, _, info, _ in unlabeled})
        for path, article, info, terms in sorted(unlabeled, key=lambda item: corpus.order(item[0])):
            story = numbers.setdefault(stories.get(path, f"alone:{path}"), len(numbers) + 1)
            vector, _ = story_vector(terms, frequency, len(unlabeled))
            centroid = centroids[story]
            for term, weight in vector.items():
                centroid[term] = centroid.get(term, 0.0) + weight
            day = article_day(info.date)
            if day is not None:
                ordinal = day.toordinal()
                span = spans.setdefault(story, [ordinal, ordinal])
                span[0], span[1] = min(span[0], ordinal), max(span[1], ordinal)
            self.db.execute("UPDATE articles SET vector=?, story=? WHERE id=?", (json.dumps(vector), story, article))
        for story, centroid in centroids.items():
            span = spans.get(story)
            norm2 = sum(w * w for w in centroid.values())
            self.db.execute(
                "INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
                (story, json.dumps(centroid), norm2, span and span[0], span and span[1]),
            )
            self.db.executemany("INSERT OR IGNORE INTO story_index VALUES (?, ?)", ((t, story) for t in centroid))
        self.set_meta("unlabeled", len(unlabeled))
        self.set_meta("placed", 0)

    def regroup(self) -> None:
        """Group the whole folder's stories again from the stored story terms, as a
        full run would (``group_stories``): the other tables stay."""
        from factlint.stories import group_stories

        rows = self.db.execute("SELECT id, path, date, label, title, terms FROM articles").fetchall()
        infos = {path: ArticleInfo(path, date, label, title) for _, path, date, label, title, _ in rows}
        unlabeled = [(path, article, infos[path], json.loads(terms)) for article, path, _, label, _, terms in rows if not label]
        stories = group_stories(Corpus(infos), {path: terms for path, _, _, terms in unlabeled})
        self._write_grouping(unlabeled, stories)
        self._story_names.clear()

    # -- one article in, one article out ---------------------------------------------------

    # -- one article in, one article out ---------------------------------------------------
    def _insert_article(self, path: str, digest: str, result: ArticleResult) -> int:
        info = result.info
        assert info is not None
        cursor = self.db.execute(
            "INSERT INTO articles(path, folder, digest, date, label, title, terms, suppressions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                path, _folder_of(path), digest, info.date, info.story, info.title,
                json.dumps(result.story_terms) if self.stories and not info.story else None,
                self.seal(result.suppressions) if result.suppressions else None,
            ),
        )
        return int(cursor.lastrowid)

    def _contribute(self, articles: list[tuple[int, ArticleResult]], sign: int) -> None:
        """Add (sign 1) or take out (-1) what these articles give each rule's plan: the
        extract, its keys of each Group and Join step, its Count keys."""
        for rule, plan in self.plans:
            counted: dict[str, Counter] = defaultdict(Counter)
            for article, result in articles:
                extract = result.extracts.get(rule)
                if extract is None:
                    continue
                if sign > 0:
                    self.db.execute("INSERT INTO extracts VALUES (?, ?, ?)", (rule, article, self.seal(extract)))
                for number, step in enumerate(plan.steps):
                    self._step_rows(rule, number, step, article, extract, sign)
                for count in plan.counts:
                    counted[count.name].update(set(count.keys(extract)))
            for name, counts in counted.items():
                self._change_counts(rule, name, counts, sign)
            if sign < 0:
                self.db.executemany("DELETE FROM extracts WHERE rule=? AND article=?", ((rule, a) for a, _ in articles))

    def _step_rows(self, rule: str, number: int, step: Any, article: int, extract: Any, sign: int) -> None:
        if isinstance(step, Join):
            keys = {key for _, key in step.keys(extract)}
            if sign > 0:
                self.db.executemany("INSERT OR IGNORE INTO postings VALUES (?, ?, ?, ?)", ((rule, number, k, article) for k in keys))
            else:
                self.db.executemany("DELETE FROM postings WHERE rule=? AND step=? AND key=? AND article=?", ((rule, number, k, article) for k in keys))
        elif callable(step.keys):
            keys = dict.fromkeys(step.keys(extract))
            if sign > 0:
                self.db.executemany(
                    "INSERT OR REPLACE INTO members VALUES (?, ?, ?, ?, ?)",
                    ((rule, number, _stored(k), article, None if step.value is None else self.seal(step.value(extract, k))) for k in keys),
                )
            else:
                self.db.executemany("DELETE FROM members WHERE rule=? AND step=? AND key=? AND article=?", ((rule, number, _stored(k), article) for k in keys))

    def _change_counts(self, rule: str, name: str, counts: Counter, sign: int) -> None:
        self.db.executemany(
            "INSERT INTO counts VALUES (?, ?, ?, ?) ON CONFLICT(rule, name, key) DO UPDATE SET articles = articles + excluded.articles",
            ((rule, name, _stored(key), sign * count) for key, count in counts.items()),
        )
        if sign < 0:
            keys = [_stored(key) for key in counts]
            for part in _chunks(keys):
                self.db.execute(f"DELETE FROM counts WHERE rule=? AND name=? AND key IN ({_marks(part)}) AND articles <= 0", (rule, name, *part))

    def _remove(self, path: str) -> None:
        """Take an article and everything it contributed out of the state."""
        row = self.db.execute("SELECT id, terms, vector, story FROM articles WHERE path=?", (path,)).fetchone()
        if row is None:
            return
        article, terms, vector, story = row
        stored = ArticleResult(path, extracts={rule: self._extract(rule, article) for rule, _ in self.plans})
        self._contribute([(article, stored)], -1)
        if terms is not None:
            self._change_frequency(json.loads(terms), -1)
            self.set_meta("unlabeled", self.meta("unlabeled") - 1)
        if story is not None and vector is not None:
            self._leave_story(story, path, json.loads(vector))
        self.db.execute("DELETE FROM articles WHERE id=?", (article,))

    def _extract(self, rule: str, article: int) -> Any:
        row = self.db.execute("SELECT blob FROM extracts WHERE rule=? AND article=?", (rule, article)).fetchone()
        return None if row is None else self.unseal(row[0])

    def _change_frequency(self, terms: Iterable[str], sign: int) -> None:
        self.db.executemany(
            "INSERT INTO frequency VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET articles = articles + excluded.articles",
            ((term, sign) for term in terms),
        )
        if sign < 0:
            for part in _chunks(list(terms)):
                self.db.execute(f"DELETE FROM frequency WHERE term IN ({_marks(part)}) AND articles <= 0", part)

    # -- stories -------------------------------------------------------------------------
    def _loaded_stories(self, numbers: Collection[int], index: dict[str, set[int]] | None = None) -> Any:
        from factlint.stories import _Stories

        centroids, norms2, spans, members = {}, {}, {}, {}
        for part in _chunks(sorted(numbers)):
            for story, centroid, norm2, first, last in self.db.execute(
                f"SELECT id, centroid, norm2, first_day, last_day FROM stories WHERE id IN ({_marks(part)})", part
            ):
                centroids[story] = json.loads(centroid)
                norms2[story] = norm2
                spans[story] = None if first is None else (first, last)
                members[story] = set()
            for story, path in self.db.execute(f"SELECT story, path FROM articles WHERE story IN ({_marks(part)})", part):
                members[story].add(path)
        return _Stories.loaded(centroids, norms2, members, spans, index or {})

    def _save_stories(self, stories: Any, before: dict[int, set[str]]) -> None:
        for story, centroid in stories.centroids.items():
            span = stories.spans[story]
            self.db.execute(
                "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?)",
                (story, json.dumps(centroid), stories.norms2[story], span and span[0], span and span[1]),
            )
            new_terms = set(centroid) - before.get(story, set())
            self.db.executemany("INSERT OR IGNORE INTO story_index VALUES (?, ?)", ((t, story) for t in new_terms))

    def _leave_story(self, story: int, path: str, vector: dict[str, float]) -> None:
        stories = self._loaded_stories([story])
        before = {s: set(c) for s, c in stories.centroids.items()}
        stories.add(story, path, vector, None, -1.0)
        self._save_stories(stories, before)

    def _place(self, path: str, article: int, terms: dict[str, float], date: str | None) -> None:
        """Weigh an added or changed article's terms and put it in a story."""
        from factlint.stories import MAX_POSTINGS, article_day, story_vector

        frequency = {term: 0 for term in terms}
        for part in _chunks(list(terms)):
            frequency.update(self.db.execute(f"SELECT term, articles FROM frequency WHERE term IN ({_marks(part)})", part))
        vector, keys = story_vector(terms, frequency, self.meta("unlabeled"))
        index: dict[str, set[int]] = defaultdict(set)
        for part in _chunks(keys):
            for term, story in self.db.execute(f"SELECT term, story FROM story_index WHERE term IN ({_marks(part)})", part):
                index[term].add(story)
        candidates = {s for postings in index.values() if len(postings) <= MAX_POSTINGS for s in postings}
        stories = self._loaded_stories(candidates, index)
        day = article_day(date)
        story = stories.join(vector, keys, day)
        if story < 0:
            story = self.db.execute("INSERT INTO stories(centroid, norm2) VALUES ('{}', 0.0)").lastrowid
            stories.centroids[story], stories.norms2[story], stories.members[story], stories.spans[story] = {}, 0.0, set(), None
        before = {story: set(stories.centroids[story])}
        stories.add(story, path, vector, day)
        stories.centroids = {story: stories.centroids[story]}  # only this one changed: write it back alone
        self._save_stories(stories, before)
        self.db.execute("UPDATE articles SET vector=?, story=? WHERE id=?", (json.dumps(vector), story, article))

    def story_of(self, path: str) -> tuple[str, list[str]] | None:
        """An article's story id (as the full grouping names it) and its members."""
        row = self.db.execute("SELECT label, story FROM articles WHERE path=?", (path,)).fetchone()
        if row is None or (row[0] is None and row[1] is None):
            return None
        label, story = row
        if label is not None:
            members = [p for (p,) in self.db.execute("SELECT path FROM articles WHERE label=?", (label,))]
            return f"story:{label}", sorted(members)
        rows = self.db.execute("SELECT path, date FROM articles WHERE story=?", (story,)).fetchall()
        first = min(rows, key=lambda row: (row[1] or "", row[0]))[0]
        return f"auto:{first}", sorted(p for p, _ in rows)

    def story_ids(self, paths: Iterable[str]) -> dict[str, str]:
        """Each article's story id, as the full grouping names it."""
        found: dict[str, str] = {}
        numbered: dict[str, int] = {}
        for part in _chunks(sorted(set(paths))):
            for path, label, story in self.db.execute(f"SELECT path, label, story FROM articles WHERE path IN ({_marks(part)})", part):
                if label is not None:
                    found[path] = f"story:{label}"
                elif story is not None:
                    numbered[path] = story
        for path, story in numbered.items():
            if story not in self._story_names:
                rows = self.db.execute("SELECT path, date FROM articles WHERE story=?", (story,)).fetchall()
                self._story_names[story] = "auto:" + min(rows, key=lambda row: (row[1] or "", row[0]))[0]
            found[path] = self._story_names[story]
        return found

    # -- reading -------------------------------------------------------------------------
    def infos(self, paths: Iterable[str]) -> dict[str, ArticleInfo]:
        found = {}
        wanted = sorted(set(paths))
        for part in _chunks(wanted):
            for path, date, label, title in self.db.execute(
                f"SELECT path, date, label, title FROM articles WHERE path IN ({_marks(part)})", part
            ):
                found[path] = ArticleInfo(path, date, label, title)
        return found

    def extracts(self, rule: str, paths: Iterable[str]) -> dict[str, Any]:
        found = {}
        wanted = sorted(set(paths))
        for part in _chunks(wanted):
            for path, blob in self.db.execute(
                f"SELECT a.path, e.blob FROM articles a JOIN extracts e ON e.article = a.id AND e.rule=? "
                f"WHERE a.path IN ({_marks(part)})",
                (rule, *part),
            ):
                found[path] = self.unseal(blob)
        return found

    def suppressions(self, paths: Iterable[str]) -> dict[str, list[Any]]:
        found = {}
        wanted = sorted(set(paths))
        for part in _chunks(wanted):
            for path, blob in self.db.execute(
                f"SELECT path, suppressions FROM articles WHERE suppressions IS NOT NULL AND path IN ({_marks(part)})", part
            ):
                found[path] = self.unseal(blob)
        return found

    def digests(self, paths: Sequence[str]) -> dict[str, str]:
        found = {}
        for part in _chunks(list(paths)):
            found.update(self.db.execute(f"SELECT path, digest FROM articles WHERE path IN ({_marks(part)})", part))
        return found

    # -- the folder's listing --------------------------------------------------------------
    def listing_changes(self, config: Any) -> tuple[list[str], list[str], dict[str, tuple[int, str] | None]]:
        """Articles added to and removed from the folder since the state last saw it,
        and the new listings of the folders that changed (None: gone). Only a folder
        whose mtime changed is listed, and compared by name with its stored listing.
        (An article rewritten in place, outside the FILEs, is not noticed.)"""
        added: list[str] = []
        removed: list[str] = []
        listings: dict[str, tuple[int, str] | None] = {}
        known = dict(self.db.execute("SELECT path, mtime FROM folders"))
        for folder, mtime in known.items():
            try:
                now = os.stat(folder).st_mtime_ns
            except OSError:
                now = None
            if now == mtime:
                continue
            (names,) = self.db.execute("SELECT names FROM folders WHERE path=?", (folder,)).fetchone()
            stored = set(names.split("\0")) if names else set()
            prefix = "" if folder == "." else folder + os.sep
            try:
                listed = set(os.listdir(folder)) if now is not None else set()
            except OSError:
                listed = set()
            present = stored & listed
            for name in sorted(listed - stored):  # only what is new here is looked at
                path = prefix + name
                if name.startswith(".") or config.excluded(path):
                    continue
                if os.path.isdir(path):
                    if path not in known:
                        files, folders = _walk(path, config)
                        added += files
                        listings.update(_listings(files, folders))
                elif _visible(name) and os.path.isfile(path):
                    present.add(name)
            added += sorted(prefix + name for name in present - stored)
            removed += sorted(prefix + name for name in stored - present)
            listings[folder] = None if now is None else (now, "\0".join(sorted(present)))
        return added, removed, listings

    def _record_folders(self, listings: dict[str, tuple[int, str] | None]) -> None:
        for folder, listing in listings.items():
            if listing is None:
                self.db.execute("DELETE FROM folders WHERE path=?", (folder,))
            else:
                self.db.execute("INSERT OR REPLACE INTO folders VALUES (?, ?, ?)", (folder, *listing))

    # -- an update -------------------------------------------------------------------------

    # -- an update -------------------------------------------------------------------------
    def update(
        self, removed: list[str], changed: dict[str, tuple[str, ArticleResult]], listings: dict[str, tuple[int, str] | None]
    ) -> None:
        """Remove articles, then add the changed and new ones (in date order, as the
        full grouping places them). Inside the caller's transaction."""
        for path in [*removed, *changed]:
            self._remove(path)
        kept = {path: result for path, (_, result) in changed.items() if result.error is None and result.info is not None}
        ids = {path: self._insert_article(path, changed[path][0], result) for path, result in kept.items()}
        self._contribute([(ids[path], result) for path, result in kept.items()], 1)
        if self.stories:
            unlabeled = {p: r for p, r in kept.items() if not r.info.story}  # type: ignore[union-attr]
            for result in unlabeled.values():
                self._change_frequency(result.story_terms, 1)
            self.set_meta("unlabeled", self.meta("unlabeled") + len(unlabeled))
            order = Corpus({p: r.info for p, r in unlabeled.items()})  # type: ignore[misc]
            for path in sorted(unlabeled, key=order.order):
                self._place(path, ids[path], unlabeled[path].story_terms, unlabeled[path].info.date)  # type: ignore[union-attr]
            self.set_meta("placed", self.meta("placed") + len(unlabeled) + len(removed))
        self._record_folders(listings)

    def needs_regrouping(self) -> bool:
        placed = self.meta("placed") or 0
        total = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return placed * REGROUP_SHARE > total

    # -- comparing -------------------------------------------------------------------------

    # -- comparing -------------------------------------------------------------------------
    def compare(self, targets: Mapping[str, ArticleResult]) -> tuple[list[Finding], list[StepFailure]]:
        """Every plan step's comparisons that concern the targets: the findings at one of
        them or pointing at one. Inside the caller's transaction."""
        good = {p: r for p, r in targets.items() if r.error is None and r.info is not None}
        findings: list[Finding] = []
        failures: list[StepFailure] = []
        for rule, plan in self.plans:
            for number, step in enumerate(plan.steps):
                if isinstance(step, Join):
                    items = self._joined(rule, step, number, good)
                else:
                    items = self._gathered(rule, plan, step, number, good)
                # the state failing, not the rule, raises: the caller takes the full path
                gathered = each(rule, items, failures, passing=(StateUnusable, sqlite3.Error))
                findings += _involving(compare_each(rule, step, gathered, failures), good)
        return findings, failures

    def _gathered(self, rule: str, plan: Plan, step: Group, number: int, targets: Mapping[str, ArticleResult]) -> Iterator[Gathered]:
        """The groups of a Group step that hold a target, read from the state."""
        counts = {name: _Counts(self, rule, name) for name in step.counts}
        if step.keys in (STORY, FOLDER):
            if step.keys == FOLDER:
                everyone = sorted(p for (p,) in self.db.execute("SELECT path FROM articles"))
                groups = {None: everyone} if any(targets) else {}
            else:
                groups = dict(found for found in map(self.story_of, sorted(targets)) if found is not None)
            for key, paths in sorted(groups.items(), key=lambda item: repr(item[0])):
                extracts = self.extracts(rule, paths)
                values = {p: step.member_value(extracts[p], key) for p in paths if extracts.get(p) is not None}
                stories = {p: key for p in paths} if step.keys == STORY else self.story_ids(paths) if step.stories else {}
                yield Gathered(key, values, Corpus(self.infos(paths), stories), counts)
            return
        wanted: dict[Any, Hashable] = {}
        for result in targets.values():
            extract = result.extracts.get(rule)
            if extract is not None:
                for key in step.keys(extract):  # type: ignore[operator]
                    wanted.setdefault(_stored(key), key)
        for stored, key in sorted(wanted.items(), key=lambda item: repr(item[0])):
            rows = self.db.execute(
                "SELECT a.path, a.date, a.label, a.title, m.value FROM members m JOIN articles a ON a.id = m.article "
                "WHERE m.rule=? AND m.step=? AND m.key=? ORDER BY a.path",
                (rule, number, stored),
            ).fetchall()
            infos = {path: ArticleInfo(path, date, label, title) for path, date, label, title, _ in rows}
            if step.value is None:
                extracts = self.extracts(rule, infos)
                values = {path: extracts[path] for path in infos if path in extracts}
            else:
                values = {path: self.unseal(blob) for path, _, _, _, blob in rows}
            yield Gathered(key, values, Corpus(infos, self.story_ids(infos) if step.stories else {}), counts)

    def _joined(self, rule: str, step: Join, number: int, targets: Mapping[str, ArticleResult]) -> Iterator[Joined]:
        """Each target with its candidates, and each article a target may be a candidate
        of, with its own candidates (as a full run compares it)."""
        done: set[str] = set()
        around: dict[str, tuple[Any, dict[str, list[int]]]] = {}  # article -> its extract and shared places

        def sharing(article: str) -> tuple[Any, dict[str, list[int]]]:
            if article not in around:
                result = targets.get(article)
                own = result.extracts.get(rule) if result is not None else self.extracts(rule, [article])[article]
                around[article] = own, self._shared(rule, number, step, article, own)
            return around[article]

        for path in sorted(targets):
            if targets[path].extracts.get(rule) is None:
                continue
            infos = self.infos([path, *sharing(path)[1]])
            for article in [path, *sorted(sharing(path)[1])]:
                if article in done or article != path and step.pairs is not None and not step.pairs(infos[article], infos[path]):
                    continue
                own, shared = sharing(article)
                if article != path and len(shared.get(path, ())) < step.least:
                    continue  # path is not among its candidates
                done.add(article)
                chosen = candidates(step, article, shared, self.infos([article, *shared]))
                if chosen:
                    extracts = self.extracts(rule, chosen)
                    extracts[article] = own
                    known = self.infos([article, *chosen])
                    yield Joined(article, own, chosen, extracts, Corpus(known, self.story_ids(known) if step.stories else {}))

    def _shared(self, rule: str, number: int, step: Join, path: str, extract: Any) -> dict[str, list[int]]:
        """Other article -> the places of ``path`` where they share an uncommon key."""
        places = list(step.keys(extract))
        holders: dict[int, list[str]] = defaultdict(list)
        for part in _chunks(sorted({key for _, key in places})):
            for key, other in self.db.execute(
                f"SELECT p.key, a.path FROM postings p JOIN articles a ON a.id = p.article "
                f"WHERE p.rule=? AND p.step=? AND p.key IN ({_marks(part)})",
                (rule, number, *part),
            ):
                holders[key].append(other)
        return shared_places(path, places, lambda key: holders.get(key, ()), step.most)

    # -- a run -----------------------------------------------------------------------------
    def check_files(
        self,
        folder: str,
        targets: list[str],
        config: Any,
        settings: "Settings",
        cache: "ResultCache",
        keep: Callable[[Finding], bool] | None = None,
        known_rules: Collection[str] | None = None,
    ) -> Report | None:
        """The hook's run: read the targets (and what was added to the folder), analyse what
        the cache does not hold, and report the targets. None: too much changed."""
        added, removed, listings = self.listing_changes(config)
        reading = list(dict.fromkeys([*targets, *added]))
        if len(reading) + len(removed) > MAX_UPDATES:
            return None
        articles: dict[str, tuple[bytes, ArticleResult]] = {}
        for path in reading:
            try:
                data = read_source(path, settings.max_file_bytes)  # never waits on a FIFO, never reads past the limit
            except FactlintError:
                return None  # the full path reports it
            result = cache.get(path, data)
            if result is None:
                result = linter.analyze(path, data, self.checks, settings, self.stories)
                if not result.problems:  # a failed rule (a runaway regex) may not fail next time
                    cache.put(path, data, result)
            articles[path] = data, result
        return self.check_articles(articles, targets, removed, listings, keep, known_rules)

    def check_articles(
        self,
        articles: Mapping[str, tuple[bytes, ArticleResult]],
        targets: Sequence[str] | None = None,
        removed: Sequence[str] = (),
        listings: dict[str, tuple[int, str] | None] | None = None,
        keep: Callable[[Finding], bool] | None = None,
        known_rules: Collection[str] | None = None,
        persist: bool = True,
    ) -> Report:
        """The report of ``targets`` (default: every given article) against the folder, with
        the given articles (path -> bytes and phase-one result, e.g. of an unsaved text)
        in place of what the state holds and ``removed`` gone.

        The update and every read of the comparisons are one transaction: a run sees
        the state as one run left it. ``persist=False`` rolls it back, leaving the state as
        it was (and never regroups the stories, which only a kept update should pay for).
        """
        targets = list(articles) if targets is None else list(targets)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._story_names.clear()
            stored = self.digests(list(articles))
            changed = {}
            for path, (data, result) in articles.items():
                digest = hashlib.sha256(data).hexdigest()
                if stored.get(path) != digest or result.problems:  # stored as this run read it
                    changed[path] = (digest, result)
            if changed or removed or listings:
                self.update(list(removed), changed, listings or {})
            if persist and self.stories and self.needs_regrouping():
                self.regroup()  # the changed articles too: grouped as a full run groups them
            reported = {path: articles[path][1] for path in targets}
            cross, failures = self.compare(reported)
            suppressions = self.suppressions({f.path for f in cross} - set(reported))
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT" if persist else "ROLLBACK")
        suppressions.update({p: r.suppressions for p, r in reported.items() if r.error is None and r.suppressions})
        findings = [f for r in reported.values() if r.error is None for f in r.findings] + cross
        return Report(
            files=len(targets),
            findings=finish(findings, suppressions, self.checks, keep, known_rules),
            errors=[e for r in reported.values() for e in r.problems] + failure_errors(failures, [c.rule.id for c in self.checks]),
        )


def _involving(findings: Iterable[Finding], targets: Collection[str]) -> list[Finding]:
    return [f for f in findings if f.path in targets or any(r.location.path in targets for r in f.related)]


def _listed_in(path: str, folder: str) -> bool:
    """Whether the folder's listing holds this path, spelled as given (else the full path
    handles it as an article from outside)."""
    relative = os.path.relpath(path, folder)
    parts = relative.split(os.sep)
    return (
        os.path.isabs(path) == os.path.isabs(folder) and parts[0] != ".." and not any(part.startswith(".") for part in parts)
        and _visible(parts[-1]) and os.path.normpath(os.path.join(folder, relative)) == path
    )


def _publish(folder: Path, name: str) -> None:
    """Point at the new state file (atomically) and remove the states it replaces."""
    handle, temporary = tempfile.mkstemp(prefix=".tmp-pointer-", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(name + "\n")
    os.replace(temporary, folder / POINTER)
    for old in folder.glob("state-*.sqlite*"):
        if not old.name.startswith(name):
            try:
                old.unlink()
            except OSError:
                pass



# ---------------------------------------------------------------------------
# The hook's run
# ---------------------------------------------------------------------------


def check_changed(
    corpus: str,
    targets: list[str],
    config: Any,
    checks: Sequence[Check],
    settings: "Settings",
    cache: "ResultCache",
    keep: Callable[[Finding], bool] | None = None,
    known_rules: Collection[str] | None = None,
) -> Report | None:
    """``check --corpus DIR FILE...`` from the stored state: the FILEs' report, or
    None when the state cannot serve this run (the caller takes the full path)."""
    folder = os.path.normpath(corpus)
    if not targets or not all(_listed_in(t, folder) for t in targets):
        return None
    state = FolderState.open(cache, corpus, config, checks)
    if state is None:
        return None
    try:
        return state.check_files(folder, targets, config, settings, cache, keep, known_rules)
    except (StateUnusable, sqlite3.Error):
        return None
    finally:
        state.db.close()
