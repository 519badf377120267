"""Applying fixes: only when asked, atomically, never half-written.

A finding may carry edits (start, end, replacement) in its file's text.
Overlapping edits are skipped; the file is rewritten through a temporary
file in the same folder and an atomic rename, so an interrupted run leaves
either the old article or the new one.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tempfile
import time
from collections import defaultdict
from typing import IO, Iterable

from factlint.errors import FactlintError
from factlint.findings import Finding


# A temporary file of ours that a killed run left behind is removed by the next write
# in its folder, once it is old enough not to be another run's write in progress.
TEMPORARY_PREFIX = ".factlint-"
_STALE_SECONDS = 600
_swept: set[str] = set()  # folders already swept by this process


def write_atomically(path: str, data: bytes) -> None:
    """Replace path's content with data via a temp file and os.replace.

    A link is written through: its target gets the new content and the link stays.
    """
    if os.path.islink(path):
        path = os.path.realpath(path)
    folder = os.path.dirname(os.path.abspath(path))
    _sweep(folder)
    if os.path.exists(path):
        mode = os.stat(path).st_mode & 0o7777
    else:  # a new file gets the usual permissions, not mkstemp's private 0600
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _sweep(folder: str) -> None:
    """Remove the temporary files killed runs left in a folder (named as mkstemp names ours)."""
    if folder in _swept:
        return
    _swept.add(folder)
    cutoff = time.time() - _STALE_SECONDS
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if _TEMPORARY_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    try:
                        if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                            os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


_TEMPORARY_NAME = re.compile(re.escape(TEMPORARY_PREFIX) + r"[a-z0-9_]{8}")


def line_removal(source: str, start: int, end: int) -> tuple[int, int, str]:
    """The edit deleting source[start:end] as whole lines, with the blank lines
    after it (or, at the end of the file, before it)."""
    line_start = source.rfind("\n", 0, start) + 1
    end = len(source[:end].rstrip())  # a carriage return belongs to the line break
    following = len(source) - len(source[end:].lstrip())
    if following < len(source):
        return line_start, source.rfind("\n", 0, following) + 1, ""
    return len(source[:line_start].rstrip()), end, ""


def fixed_text(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, int]:
    """Apply non-overlapping edits; return the new text and how many applied."""
    applied = 0
    result = []
    position = 0
    for start, end, replacement in sorted(set(edits)):
        if start < position:
            continue  # overlaps an edit already applied
        result.append(text[position:start])
        result.append(replacement)
        position = end
        applied += 1
    result.append(text[position:])
    return "".join(result), applied


def apply_fixes(
    findings: Iterable[Finding], write: bool, diff_stream: IO[str] | None = None, checked: dict[str, bytes] | None = None
) -> int:
    """Fix every finding that carries edits; return how many were applied.

    ``checked`` maps a path to the SHA-256 of the bytes that were linted: a
    file changed since then is refused, since the edits' offsets no longer fit.
    """
    by_path: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].extend(finding.fixes)
    total = 0
    for path in sorted(by_path):
        if not by_path[path]:
            continue
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as err:
            raise FactlintError(f"cannot read file to fix it: {err.strerror}", path) from None
        if checked is not None and path in checked and hashlib.sha256(raw).digest() != checked[path]:
            raise FactlintError("file changed while it was being checked; nothing was fixed in it, run again", path)
        bom = raw.startswith(b"\xef\xbb\xbf")
        original = raw.decode("utf-8-sig")
        new, applied = fixed_text(original, by_path[path])
        if not applied or new == original:
            continue
        total += applied
        if diff_stream is not None:
            diff_stream.writelines(unified_diff(original, new, *_diff_names(path)))
        if write:
            try:
                write_atomically(path, (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"))
            except OSError as err:
                raise FactlintError(f"cannot write the fixed file: {err.strerror}", path) from None
    return total


def unified_diff(before: str, after: str, old_name: str, new_name: str) -> Iterable[str]:
    """A unified diff that patch and git apply take: lines split at newlines only,
    and a last line without one marked '\\ No newline at end of file'."""
    for line in difflib.unified_diff(_lines(before), _lines(after), old_name, new_name):
        yield line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _diff_names(path: str) -> tuple[str, str]:
    """git-style a/ b/ names; an absolute path is shown as it is."""
    if os.path.isabs(path):
        return path, path
    path = os.path.normpath(path).replace(os.sep, "/")  # git apply refuses "a/./x.md"
    return f"a/{path}", f"b/{path}"
