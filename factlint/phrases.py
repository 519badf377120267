"""Lexicon phrases as one regex: an alternation factored into a prefix tree.

A lexicon of hundreds of phrases written as ``a|b|c`` makes the engine try
every phrase at every position; factored into a trie it costs one pass
whatever the lexicon's size. The kinds' lexicons (attribution, locations,
figures) and the number words of ``factlint.quantities`` all build theirs here.
The output is plain syntax that both ``re`` and ``regex`` compile.

Such a pattern is compiled when it is first used (``LazyPattern``): compiling
the lexicons is most of factlint's start-up, and a one-article run (a
pre-commit hook, the language server's first answer) uses about half of them.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, Iterable, Mapping

#: The compiled pattern's methods a LazyPattern hands on: bound into the instance at the first use.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A regex compiled on first use, then read as the compiled pattern itself. ``engine`` is the
    module that compiles it, "re" or "regex"; the arguments are that module's ``compile``'s.

    Each of its methods (``_METHODS``) compiles the pattern and binds the compiled pattern's methods into
    the instance, where they shadow the class's: from then on a hot loop's ``pattern.search`` is one
    lookup in the instance, cheaper than a compiled pattern's own (which binds a method each time)."""

    def __init__(self, engine: str, pattern: str, flags: int = 0) -> None:
        self._source = (engine, pattern, flags)

    def compiled(self) -> Any:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            engine, pattern, flags = self._source
            compiled = importlib.import_module(engine).compile(pattern, flags)
            self.__dict__.update({name: getattr(compiled, name) for name in _METHODS if hasattr(compiled, name)})
            self._compiled = compiled
        return compiled

    @property
    def pattern(self) -> str:
        return self._source[1]  # as given: read without compiling

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled().groupindex

    def __getstate__(self) -> tuple[str, str, int]:
        return self._source  # what it compiles, not the compiled pattern or its bound methods

    def __setstate__(self, source: tuple[str, str, int]) -> None:
        self._source = source

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]}, {self._source[1][:40]!r}...)"


def _compiling(name: str) -> Any:
    """LazyPattern's method ``name`` until the first use: compile, then call the compiled pattern's."""
    def method(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)

    method.__name__, method.__qualname__ = name, f"LazyPattern.{name}"
    return method


for _name in _METHODS:
    setattr(LazyPattern, _name, _compiling(_name))

# Lexicon phrases match across any run of spaces and with either apostrophe.
SPACES_AND_APOSTROPHES = {" ": r"\s+", "'": "['’]"}


def normal(text: str) -> str:
    """A phrase as lexicons store it: lower case, straight apostrophe, single spaces."""
    return " ".join(text.lower().replace("’", "'").split())


def trie_alternation(phrases: Iterable[str], char_patterns: Mapping[str, str] | None = None) -> str:
    """``(?:...)`` matching exactly the given phrases (as written: normalize them
    first); a character in ``char_patterns`` stands for that pattern."""
    special = char_patterns or {}
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [special.get(char, re.escape(char)) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + pattern(trie) + ")"
