"""Paths as CI services want them: relative to the repository root, with '/'."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def repository_root(start: str) -> Path:
    """The nearest folder above start holding .git, else start itself."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def repo_relative(path: str) -> str:
    """The path relative to the repository root (GitHub resolves annotations that way).

    A file outside the repository keeps its absolute path.
    """
    absolute = Path(os.path.abspath(path))
    root = repository_root(os.getcwd())
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()
