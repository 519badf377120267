"""The folder's cross-article state, so a pre-commit run compares only what concerns its files.

``check --corpus DIR FILE...`` reports FILE's findings against the whole
folder. Re-reading every article's cached result and comparing the whole
folder again costs seconds on a large archive, so the folder's cross-article
state is kept beside the per-article cache (factlint/cache.py), in one SQLite
file, and updated for the articles that changed:

- per article: path, content hash, what the cross-article phase knows of it
  (date, story label, title), its story terms, weighted vector and story, its
  suppressions, and each cross-article rule's extract, one row each, so one
  article's extract is read without unpickling the others';
- per rule, what finds the articles to compare with: the duplicates check's
  sampled shingles (fingerprint -> articles) and whole-text digests, the
  consistency check's listed spellings (group -> articles, with their counts)
  and folder-wide name counts;
- the story grouping: centroids, their term index, the terms' document
  frequencies.

A run re-analyses its FILEs (and any article added to or removed from the
folder since), updates the state for them, and runs each rule's own
comparison (``first_identical``, ``reused``, ``check_listed``, ``check_names``,
``check_corpus`` over one story) on just the articles that concern them: the
same story, shared uncommon shingles, the same listed spelling group. For
those articles the findings are the full run's, given the same stories.

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
pointer file; updates are SQLite transactions, so overlapping runs serialize
and never leave a torn state. Below ``MIN_ARTICLES`` articles no state is
kept: at 50 Reuters articles the full comparison adds 35 to 45 ms to a run,
the state's 10.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Sequence

from factlint.cache import Unsigned, seal, unseal
from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.kinds.base import ArticleInfo, Check, Corpus

if TYPE_CHECKING:
    from factlint.cache import ResultCache
    from factlint.document import Settings
    from factlint.linter import ArticleResult, Report

FORMAT = 4
POINTER = "folder-state"  # names the current state file
MIN_ARTICLES = 50  # below this, comparing the whole folder costs only tens of milliseconds
MAX_UPDATES = 50  # more changed, added or removed articles than this: the full path
REGROUP_SHARE = 50  # regroup once more than 1 article in this many was placed incrementally
STORY_KINDS = ("figures", "locations")  # kinds whose check_corpus compares within stories only
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
CREATE TABLE listed(
    rule TEXT, grp INTEGER, article INTEGER, spelling TEXT, uses INTEGER NOT NULL, path TEXT NOT NULL, date TEXT,
    PRIMARY KEY(rule, grp, article, spelling)) WITHOUT ROWID;
CREATE TABLE usages(rule TEXT, grp INTEGER, article INTEGER, spelling TEXT, usage BLOB NOT NULL, PRIMARY KEY(rule, grp, article, spelling));
CREATE TABLE names(rule TEXT, name TEXT, articles INTEGER NOT NULL, PRIMARY KEY(rule, name)) WITHOUT ROWID;
CREATE TABLE shingles(rule TEXT, fingerprint INTEGER, article INTEGER, PRIMARY KEY(rule, fingerprint, article)) WITHOUT ROWID;
CREATE TABLE identical(rule TEXT, digest INTEGER, article INTEGER, PRIMARY KEY(rule, digest, article)) WITHOUT ROWID;
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


def _signed64(value: int) -> int:
    """A 64-bit unsigned digest as SQLite's signed integer."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _role(check: Check) -> str | None:
    """How the state serves a cross-article check, or None when it cannot."""
    if check.kind == "duplicates":
        return "duplicates"
    if check.kind == "consistency":
        return "consistency"
    if check.kind in STORY_KINDS and check.NEEDS_STORIES:
        return "story"
    return None


def usable_for(checks: Sequence[Check]) -> bool:
    """Whether every cross-article check of this run can be served from the state."""
    return all(_role(c) is not None for c in checks if c.CROSS_ARTICLE)


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
            if _visible(name) and not config.excluded(os.path.join(folder, name))
        ]
    return files, folders


class _StoredUsage:
    """A listed spelling in an article: its count at once, the rest (where, the
    excerpt) read from the state only if a finding needs it."""

    __slots__ = ("count", "_state", "_key", "_usage")

    def __init__(self, count: int, state: "FolderState", key: tuple) -> None:
        self.count = count
        self._state = state
        self._key = key
        self._usage: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._usage is None:
            (blob,) = self._state.db.execute(
                "SELECT usage FROM usages WHERE rule=? AND grp=? AND article=? AND spelling=?", self._key
            ).fetchone()
            self._usage = self._state.unseal(blob)
        return getattr(self._usage, name)


class _DatedCorpus(Corpus):
    """Articles known by their dates alone: all a listed spelling group's comparison
    needs (``Corpus.order``), without an ArticleInfo for each of thousands of users."""

    def __init__(self, dates: dict[str, str | None]) -> None:
        super().__init__({})
        self.dates = dates

    def order(self, path: str) -> tuple:
        return (self.dates[path] or "", path)


class FolderState:
    """One open state file."""

    def __init__(self, db: sqlite3.Connection, key: bytes, checks: Sequence[Check]) -> None:
        self.db = db
        self.key = key
        self.checks = checks
        self.cross = [c for c in checks if c.CROSS_ARTICLE]
        self.stories = any(c.NEEDS_STORIES for c in self.cross)

    # -- signing ---------------------------------------------------------------------
    def seal(self, value: Any) -> bytes:
        return seal(self.key, value)

    def unseal(self, blob: bytes) -> Any:
        try:
            return unseal(self.key, blob)
        except Unsigned as err:
            raise StateUnusable(str(err)) from None

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
        if not usable_for(checks) or len(recorded) < MIN_ARTICLES:
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
            self._add_extracts(ids[path], result)
        self._count_names({path: result for path, _, result in good})
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
        full run would (``group_stories``), in one transaction: the other tables stay."""
        from factlint.stories import group_stories

        self.db.execute("BEGIN IMMEDIATE")  # before reading: no run may place an article meanwhile
        try:
            rows = self.db.execute("SELECT id, path, date, label, title, terms FROM articles").fetchall()
            infos = {path: ArticleInfo(path, date, label, title) for _, path, date, label, title, _ in rows}
            unlabeled = [(path, article, infos[path], json.loads(terms)) for article, path, _, label, _, terms in rows if not label]
            stories = group_stories(Corpus(infos), {path: terms for path, _, _, terms in unlabeled})
            self._write_grouping(unlabeled, stories)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # -- one article in, one article out ---------------------------------------------------
    def _insert_article(self, path: str, digest: str, result: "ArticleResult") -> int:
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

    def _add_extracts(self, article: int, result: "ArticleResult") -> None:
        for check in self.cross:
            rule = check.rule.id
            extract = result.extracts.get(rule)
            if extract is None:
                continue
            role = _role(check)
            if role == "duplicates":
                self.db.execute("INSERT INTO extracts VALUES (?, ?, ?)", (rule, article, self.seal(extract)))
                if check.shingled(extract):
                    self.db.executemany(
                        "INSERT OR IGNORE INTO shingles VALUES (?, ?, ?)",
                        ((rule, fingerprint, article) for fingerprint in set(check.fingerprints(extract).values())),
                    )
                if extract.word_count >= check.MIN_IDENTICAL_WORDS:
                    self.db.execute("INSERT OR IGNORE INTO identical VALUES (?, ?, ?)", (rule, _signed64(extract.digest), article))
            elif role == "consistency":
                used = [(group, spelling, usage) for group, usages in extract["groups"].items() for spelling, usage in usages.items()]
                date = result.info.date if result.info is not None else None
                self.db.executemany(
                    "INSERT INTO listed VALUES (?, ?, ?, ?, ?, ?, ?)",
                    ((rule, group, article, spelling, usage.count, result.path, date) for group, spelling, usage in used),
                )
                self.db.executemany(
                    "INSERT INTO usages VALUES (?, ?, ?, ?, ?)",
                    ((rule, group, article, spelling, self.seal(usage)) for group, spelling, usage in used),
                )
                if check.params["auto_names"]:
                    self.db.execute("INSERT INTO extracts VALUES (?, ?, ?)", (rule, article, self.seal(extract["names"])))
            elif extract:
                self.db.execute("INSERT INTO extracts VALUES (?, ?, ?)", (rule, article, self.seal(extract)))

    def _count_names(self, results: dict[str, "ArticleResult"]) -> None:
        """Add these articles to the folder-wide counts of articles per name."""
        for check in self.cross:
            if _role(check) == "consistency" and check.params["auto_names"]:
                counts: Counter[str] = Counter()
                for result in results.values():
                    extract = result.extracts.get(check.rule.id)
                    if extract is not None:
                        counts.update(extract["names"].keys())
                self._change_names(check.rule.id, counts, 1)

    def _change_names(self, rule: str, counts: Counter[str], sign: int) -> None:
        self.db.executemany(
            "INSERT INTO names VALUES (?, ?, ?) ON CONFLICT(rule, name) DO UPDATE SET articles = articles + excluded.articles",
            ((rule, name, sign * count) for name, count in counts.items()),
        )
        if sign < 0:
            for part in _chunks(list(counts)):
                self.db.execute(f"DELETE FROM names WHERE rule=? AND name IN ({_marks(part)}) AND articles <= 0", (rule, *part))

    def _remove(self, path: str) -> None:
        """Take an article and everything it contributed out of the state."""
        row = self.db.execute("SELECT id, terms, vector, story FROM articles WHERE path=?", (path,)).fetchone()
        if row is None:
            return
        article, terms, vector, story = row
        for check in self.cross:
            rule = check.rule.id
            role = _role(check)
            if role == "duplicates":
                stored = self._extract(rule, article)
                if stored is not None:
                    fingerprints = list(set(check.fingerprints(stored).values()))
                    for part in _chunks(fingerprints):
                        self.db.execute(
                            f"DELETE FROM shingles WHERE rule=? AND article=? AND fingerprint IN ({_marks(part)})", (rule, article, *part)
                        )
                    self.db.execute("DELETE FROM identical WHERE rule=? AND digest=? AND article=?", (rule, _signed64(stored.digest), article))
            elif role == "consistency":
                for table in ("listed", "usages"):
                    self.db.executemany(
                        f"DELETE FROM {table} WHERE rule=? AND grp=? AND article=?", ((rule, g, article) for g in range(len(check.groups)))
                    )
                if check.params["auto_names"]:
                    names = self._extract(rule, article)
                    if names:
                        self._change_names(rule, Counter(names.keys()), -1)
        self.db.executemany("DELETE FROM extracts WHERE rule=? AND article=?", ((c.rule.id, article) for c in self.cross))
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
                elif _visible(name):
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
    def update(
        self, removed: list[str], changed: dict[str, tuple[str, "ArticleResult"]], listings: dict[str, tuple[int, str] | None]
    ) -> None:
        """Remove articles, then add the changed and new ones (in date order, as the
        full grouping places them), in one transaction."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for path in [*removed, *changed]:
                self._remove(path)
            kept = {path: result for path, (_, result) in changed.items() if result.error is None and result.info is not None}
            ids = {path: self._insert_article(path, changed[path][0], result) for path, result in kept.items()}
            for path, result in kept.items():
                self._add_extracts(ids[path], result)
            self._count_names(kept)
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
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def needs_regrouping(self) -> bool:
        placed = self.meta("placed") or 0
        total = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return placed * REGROUP_SHARE > total

    # -- comparing -------------------------------------------------------------------------
    def compare(self, targets: dict[str, "ArticleResult"]) -> tuple[list[Finding], list[FactlintError]]:
        """Each cross-article rule's comparisons that concern the targets."""
        findings: list[Finding] = []
        errors: list[FactlintError] = []
        good = {p: r for p, r in targets.items() if r.error is None and r.info is not None}
        stories = {path: self.story_of(path) for path in good} if self.stories else {}
        for check in self.cross:
            try:
                role = _role(check)
                if role == "duplicates":
                    findings += self._duplicates(check, good)
                elif role == "consistency":
                    findings += self._consistency(check, good, stories)
                else:
                    findings += self._within_stories(check, stories)
            except (StateUnusable, sqlite3.Error):
                raise  # the state, not the rule, failed: the full path
            except Exception as exc:
                if os.environ.get("FACTLINT_DEBUG"):
                    raise
                errors.append(
                    FactlintError(f"internal error in rule '{check.rule.id}' across articles: {type(exc).__name__}: {exc}")
                )
        return findings, errors

    def _story_corpus(self, stories: dict[str, tuple[str, list[str]] | None]) -> Corpus:
        members = {}
        for found in stories.values():
            if found is not None:
                members.update({path: found[0] for path in found[1]})
        return Corpus(self.infos(members), dict(members))

    def _within_stories(self, check: Check, stories: dict[str, tuple[str, list[str]] | None]) -> list[Finding]:
        corpus = self._story_corpus(stories)
        if not corpus.stories:
            return []
        return list(check.check_corpus(self.extracts(check.rule.id, corpus.stories), corpus))

    def _consistency(self, check: Any, targets: dict[str, "ArticleResult"], stories: dict) -> list[Finding]:
        rule = check.rule.id
        findings: list[Finding] = []
        groups = sorted({g for r in targets.values() for g in (r.extracts.get(rule) or {"groups": {}})["groups"]})
        for group in groups:
            per_article: dict[str, dict[str, Any]] = defaultdict(dict)
            dates = {}
            for path, date, article, spelling, uses in self.db.execute(
                "SELECT path, date, article, spelling, uses FROM listed WHERE rule=? AND grp=?", (rule, group)
            ):
                per_article[path][spelling] = _StoredUsage(uses, self, (rule, group, article, spelling))
                dates[path] = date
            findings += _involving(check.check_listed(group, dict(per_article), _DatedCorpus(dates)), targets)
        if check.params["auto_names"]:
            corpus = self._story_corpus(stories)
            names = self.extracts(rule, corpus.stories)
            for paths in corpus.story_groups().values():
                per_article = {p: names[p] for p in paths if p in names}
                vocabulary = sorted({name for usages in per_article.values() for name in usages})
                folder_use: Counter[str] = Counter()
                for part in _chunks(vocabulary):
                    folder_use.update(
                        dict(self.db.execute(f"SELECT name, articles FROM names WHERE rule=? AND name IN ({_marks(part)})", (rule, *part)))
                    )
                findings += check.check_names(per_article, corpus, folder_use)
        return findings

    def _duplicates(self, check: Any, targets: dict[str, "ArticleResult"]) -> list[Finding]:
        rule = check.rule.id
        cap = check.params["max_articles_per_phrase"]
        findings: list[Finding] = []
        for path, result in targets.items():
            extract = result.extracts.get(rule)
            if extract is None:
                continue
            identical = self._identical(check, path)
            findings += check.identical_findings(
                {p: first for p, first in identical.items() if path in (p, first)}, self.extracts(rule, {*identical, *identical.values()})
            )
            if not check.shingled(extract):
                continue
            shared = self._shared(check, path, extract, cap)
            if path not in identical:
                findings += self._reused(check, path, extract, shared)
            later = [other for other, where in shared.items() if where]
            infos = self.infos([path, *later])
            corpus = Corpus(infos)
            for other in sorted(later):
                if not check._earlier(path, other, corpus) or other in self._identical(check, other):
                    continue
                other_extract = self.extracts(rule, [other])[other]
                other_shared = self._shared(check, other, other_extract, cap)
                if len(other_shared.get(path, ())) >= check.MIN_SHARED:
                    findings += _involving(self._reused(check, other, other_extract, other_shared), {path: result})
        return findings

    def _identical(self, check: Any, path: str) -> dict[str, str]:
        """first_identical over the articles with the same words as ``path``."""
        rule = check.rule.id
        members = [
            p
            for (p,) in self.db.execute(
                "SELECT a.path FROM identical i JOIN articles a ON a.id = i.article WHERE i.rule=? AND i.digest = "
                "(SELECT i2.digest FROM identical i2 JOIN articles a2 ON a2.id = i2.article WHERE i2.rule=? AND a2.path=?)",
                (rule, rule, path),
            )
        ]
        if len(members) < 2:
            return {}
        return check.first_identical(sorted(members), self.extracts(rule, members), Corpus(self.infos(members)))

    def _shared(self, check: Any, path: str, extract: Any, cap: int) -> dict[str, list[int]]:
        """What ``_ShingleIndex.shared`` gives for this article: other article -> word
        positions where they share a sampled shingle found in 2 to ``cap`` articles."""
        positions = check.fingerprints(extract)
        postings: dict[int, list[str]] = defaultdict(list)
        fingerprints = sorted(set(positions.values()))
        for part in _chunks(fingerprints):
            for fingerprint, other in self.db.execute(
                f"SELECT s.fingerprint, a.path FROM shingles s JOIN articles a ON a.id = s.article "
                f"WHERE s.rule=? AND s.fingerprint IN ({_marks(part)})",
                (check.rule.id, *part),
            ):
                postings[fingerprint].append(other)
        where: dict[str, list[int]] = {}
        for position, fingerprint in positions.items():
            holders = postings.get(fingerprint, ())
            if 2 <= len(holders) <= cap:
                for other in holders:
                    if other != path:
                        where.setdefault(other, []).append(position)
        return where

    def _reused(self, check: Any, path: str, extract: Any, shared: dict[str, list[int]]) -> list[Finding]:
        candidates = [other for other, where in shared.items() if len(where) >= check.MIN_SHARED]
        corpus = Corpus(self.infos([path, *candidates]))
        sources = [other for other in candidates if check._earlier(other, path, corpus)]
        extracts = self.extracts(check.rule.id, sources)
        extracts[path] = extract
        return check.reused(path, extract, {o: w for o, w in shared.items() if o in corpus.articles}, extracts, corpus)


def _involving(findings: Iterable[Finding], targets: Collection[str]) -> list[Finding]:
    return [f for f in findings if f.path in targets or any(r.location.path in targets for r in f.related)]


def _listed_in(path: str, folder: str) -> bool:
    """Whether the folder's listing holds this path, spelled as given (else the full path
    handles it as an article from outside)."""
    relative = os.path.relpath(path, folder)
    parts = relative.split(os.sep)
    return (
        not os.path.isabs(path) and parts[0] != ".." and not any(part.startswith(".") for part in parts)
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
) -> "Report | None":
    """``check --corpus DIR FILE...`` from the stored state: the FILEs' report, or
    None when the state cannot serve this run (the caller takes the full path)."""
    folder = os.path.normpath(corpus)
    if not targets or not all(_listed_in(t, folder) for t in targets) or not usable_for(checks):
        return None
    state = FolderState.open(cache, corpus, config, checks)
    if state is None:
        return None
    try:
        return _run(state, folder, targets, config, checks, settings, cache, keep, known_rules)
    except (StateUnusable, sqlite3.Error):
        return None
    finally:
        state.db.close()


def _run(
    state: FolderState,
    folder: str,
    targets: list[str],
    config: Any,
    checks: Sequence[Check],
    settings: "Settings",
    cache: "ResultCache",
    keep: Callable[[Finding], bool] | None,
    known_rules: Collection[str] | None,
) -> "Report | None":
    from factlint.linter import Report, analyze, finish

    added, removed, listings = state.listing_changes(config)
    reading = list(dict.fromkeys([*targets, *added]))
    if len(reading) + len(removed) > MAX_UPDATES:
        return None
    datas = {}
    for path in reading:
        try:
            with open(path, "rb") as handle:
                datas[path] = handle.read()
        except OSError:
            return None  # the full path reports it
    stored = state.digests(reading)
    want_terms = any(c.CROSS_ARTICLE and c.NEEDS_STORIES for c in checks)
    results: dict[str, Any] = {}
    changed: dict[str, tuple[str, Any]] = {}
    for path, data in datas.items():
        result = cache.get(path, data)
        if result is None:
            result = analyze(path, data, checks, settings, want_terms)
            if not result.problems:
                cache.put(path, data, result)
        results[path] = result
        digest = hashlib.sha256(data).hexdigest()
        if stored.get(path) != digest or result.error is not None:
            changed[path] = (digest, result)
    if changed or removed or listings:
        state.update(removed, changed, listings)
    if state.stories and state.needs_regrouping():
        state.regroup()  # the changed articles too: grouped as a full run groups them
    reported = {path: results[path] for path in targets}
    cross, errors = state.compare(reported)
    findings = [f for r in reported.values() if r.error is None for f in r.findings] + cross
    elsewhere = {f.path for f in cross} - set(reported)
    suppressions = state.suppressions(elsewhere)
    suppressions.update({p: r.suppressions for p, r in reported.items() if r.error is None and r.suppressions})
    return Report(
        files=len(targets),
        findings=finish(findings, suppressions, checks, keep, known_rules),
        errors=[e for r in reported.values() for e in r.problems] + errors,
    )
