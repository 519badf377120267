"""The per-article result cache behind ``check --corpus`` (``.factlint_cache/``).

Phase one of the engine is a pure function of an article's bytes and the
compiled rules, so its result can be kept: an entry is keyed by the
article's path and content hash, inside a folder named by a hash of
everything else the result depends on (factlint's code, the rules and their
parameters, the settings, the facts file, the corpus folder). A second run
on a large folder then analyses only the changed articles.

Entries are never trusted blindly. Each is written to a temporary file and
renamed into place (two overlapping runs leave one whole entry, never a
torn one), and carries an HMAC made with a per-user key kept outside the
project: a truncated, garbled or foreign entry (say, a cache committed to a
repository by someone else) fails the check and is recomputed, never
unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

import factlint
from factlint.document import Settings
from factlint.kinds.base import Check
from factlint.linter import ArticleResult

CACHE_DIR = ".factlint_cache"
FORMAT = "v1"
MAGIC = b"factlint-cache-1\n"
STALE_SECONDS = 14 * 24 * 3600  # a rules folder unused this long is removed


def _user_key() -> bytes | None:
    """This user's secret for signing entries, created once; None if it cannot be kept."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factlint"
    key_file = base / "cache-key"
    try:
        key = key_file.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        base.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".key-", dir=base)
        with os.fdopen(handle, "wb") as out:
            out.write(os.urandom(32))
        try:
            os.link(temporary, key_file)  # fails if another run created it first: use theirs
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
        key = key_file.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


class Unsigned(ValueError):
    """A stored blob that failed its signature or does not unpickle: never trusted."""


def seal(key: bytes, value: Any) -> bytes:
    """value pickled, behind an HMAC made with this user's key."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return hmac.new(key, payload, hashlib.sha256).digest() + payload


def unseal(key: bytes, blob: bytes) -> Any:
    """What ``seal`` stored; raises Unsigned before unpickling anything not signed with key."""
    payload = blob[32:]
    if len(blob) <= 32 or not hmac.compare_digest(blob[:32], hmac.new(key, payload, hashlib.sha256).digest()):
        raise Unsigned("a stored value failed its signature")
    try:
        return pickle.loads(payload)  # noqa: S301 - signed by this user's key
    except Exception as exc:  # signed by a build whose classes differ
        raise Unsigned(f"a signed value does not load: {exc}") from None


def _code_stamp() -> list[tuple[str, int, int]]:
    """factlint's own files (size and mtime): a new version or a local edit changes results."""
    package = Path(factlint.__file__).resolve().parent
    stamp = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".yml", ".json", ".gz", ".tsv", ".txt")):
                stat = os.stat(os.path.join(folder, name))
                stamp.append((os.path.relpath(os.path.join(folder, name), package), stat.st_size, stat.st_mtime_ns))
    return stamp


def _file_digest(path: Any) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except (OSError, TypeError):
        return None


def ruleset_fingerprint(checks: Sequence[Check], settings: Settings, corpus: str) -> str:
    """A hash of everything besides an article's bytes that its result depends on."""
    rules = [
        [c.rule.id, c.rule.kind, c.rule.severity, c.rule.message, c.rule.params, c.rule.path] for c in checks
    ]
    context: dict[str, Any] = {}
    for check in checks:
        for name, value in sorted(check.context.items()):
            context[name] = [str(value), _file_digest(value) if isinstance(value, Path) and value.is_file() else None]
    described = json.dumps(
        {
            "version": factlint.__version__,
            "code": _code_stamp(),
            "rules": rules,
            "context": context,
            "settings": repr(settings),
            "corpus": os.path.abspath(corpus),
        },
        sort_keys=True,
        default=repr,
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:24]


class ResultCache:
    """Per-article results on disk for one set of rules and one corpus folder."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self.key = key
        self.hits = 0
        self.misses = 0
        self.seen: set[str] = set()
        self.recorded: dict[str, tuple[str, ArticleResult]] | None = None  # see record()

    def record(self) -> None:
        """Keep every result this run gets or stores, with its content hash, for
        the folder state (factlint/engine/folder.py) to be built from."""
        self.recorded = {}

    @classmethod
    def open(cls, root: Path, checks: Sequence[Check], settings: Settings, corpus: str) -> "ResultCache | None":
        """The cache under root/.factlint_cache, or None when it cannot be used safely."""
        key = _user_key()
        if key is None:
            return None
        base = root / CACHE_DIR
        folder = base / FORMAT / ruleset_fingerprint(checks, settings, corpus)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in (
                (".gitignore", "# Created by factlint: a cache, never commit it.\n*\n"),
                ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# factlint's result cache.\n"),
            ):
                if not (base / name).exists():
                    (base / name).write_text(text, encoding="utf-8")
            os.utime(folder)
        except OSError:
            return None
        cache = cls(folder, key)
        cache._remove_stale_rulesets()
        return cache

    # -- entries -------------------------------------------------------------------
    def _entry(self, path: str) -> Path:
        name = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()
        return self.folder / name[:2] / name[2:]

    def get(self, path: str, data: bytes) -> ArticleResult | None:
        """The stored result for this path and content, if there is a valid one."""
        self.seen.add(path)
        digest = hashlib.sha256(data).hexdigest()
        result = self._read(path, digest)
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
            if self.recorded is not None:
                self.recorded[path] = (digest, result)
        return result

    def _read(self, path: str, digest: str) -> ArticleResult | None:
        try:
            blob = self._entry(path).read_bytes()
        except OSError:
            return None
        if not blob.startswith(MAGIC):
            return None
        try:
            stored_path, stored_digest, result = unseal(self.key, blob[len(MAGIC) :])
        except (Unsigned, TypeError, ValueError):  # garbled, foreign, or from an incompatible build: recompute
            return None
        if stored_path != path or stored_digest != digest or not isinstance(result, ArticleResult):
            return None
        return result

    def put(self, path: str, data: bytes, result: ArticleResult) -> None:
        """Store a result atomically; a cache that cannot be written is skipped."""
        self.seen.add(path)
        digest = hashlib.sha256(data).hexdigest()
        if self.recorded is not None:
            self.recorded[path] = (digest, result)
        sealed = seal(self.key, (path, digest, result))
        entry = self._entry(path)
        try:
            entry.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=entry.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC + sealed)
                os.replace(temporary, entry)
            except BaseException:
                if os.path.exists(temporary):
                    os.unlink(temporary)
                raise
        except OSError:
            pass

    # -- housekeeping ------------------------------------------------------------------
    def prune(self, keep: Iterable[str] | None = None) -> None:
        """Remove entries of articles not in this run (deleted or renamed files)."""
        wanted = {self._entry(path) for path in (self.seen if keep is None else keep)}
        for shard in self.folder.iterdir() if self.folder.is_dir() else ():
            if not shard.is_dir():
                continue
            for entry in shard.iterdir():
                if entry not in wanted and not entry.name.startswith(".tmp-"):
                    try:
                        entry.unlink()
                    except OSError:
                        pass

    def _remove_stale_rulesets(self) -> None:
        """Folders of rule sets not used for weeks (rules since changed)."""
        cutoff = time.time() - STALE_SECONDS
        try:
            for other in self.folder.parent.iterdir():
                if other != self.folder and other.is_dir() and other.stat().st_mtime < cutoff:
                    shutil.rmtree(other, ignore_errors=True)
        except OSError:
            pass
