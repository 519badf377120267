"""Lexicon phrases as one regex: an alternation factored into a prefix tree.

A lexicon of hundreds of phrases written as ``a|b|c`` makes the engine try
every phrase at every position; factored into a trie it costs one pass
whatever the lexicon's size. The kinds' lexicons (attribution, locations,
figures) and the number words of ``factlint.quantities`` all build theirs here.
The output is plain syntax that both ``re`` and ``regex`` compile.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

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
