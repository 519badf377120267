"""Where in an article a text rule looks: its ``scope`` key."""

from __future__ import annotations

import bisect
import itertools
from typing import Iterable, Iterator

import regex

from factlint.document import Document

SCOPES = ("line", "sentence", "paragraph", "heading", "text", "document")
_LINES = regex.compile(r"[^\n]+")


def iter_scope(doc: Document, scope: str) -> Iterator[tuple[int, int]]:
    """Spans (start, end) of doc.text the scope covers.

    line: each line of any block; sentence: each sentence of paragraphs and
    blockquotes; paragraph: each paragraph; heading: each heading; text:
    every block, headings included; document: the whole text, blank lines too.
    """
    if scope == "document":
        yield 0, len(doc.text)
    elif scope == "sentence":
        for start, end, _ in doc.sentences(("paragraph", "blockquote")):
            yield start, end
    elif scope == "line":
        for block in doc.blocks:
            for match in _LINES.finditer(doc.text, block.start, block.end):
                yield match.start(), match.end()
    else:
        kinds = {"paragraph": ("paragraph",), "heading": ("heading",), "text": ("paragraph", "heading", "blockquote")}[scope]
        for block in doc.blocks:
            if block.kind in kinds:
                yield block.start, block.end


def compile_regex(check, key: str, pattern: str, flags: int = 0) -> regex.Pattern:
    """Compile a rule's regex, turning a bad one into a located rule error."""
    problem = repeat_problem(pattern)
    if problem:
        raise check.rule.error(f"regex {_shown(pattern)} in '{key}': {problem}", key)
    try:
        return regex.compile(pattern, flags | regex.V0)
    except (regex.error, TypeError, ValueError, MemoryError, OverflowError) as err:  # ValueError: "(?V1)", the module's other syntax
        raise check.rule.error(f"invalid regex {_shown(pattern)} in '{key}': {err}", key) from None


def _shown(pattern: str, limit: int = 80) -> str:
    return repr(pattern if len(pattern) <= limit else pattern[: limit - 3] + "...")


# The regex module compiles a counted repeat ``x{n}`` by writing x out n times (nested
# repeats multiply): ``a{1000000000}`` asks for gigabytes before it matches anything.
MAX_REPEAT = 100_000
_COUNTED = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


def repeat_problem(pattern: str) -> str | None:
    """Why a regex's counted repeats are too large to compile, or None.

    A light scan, not a parser: it follows escapes, character classes and groups
    far enough to multiply the counts of nested repeats.
    """
    if not isinstance(pattern, str) or "{" not in pattern:
        return None
    inside = [1]  # per open group: the largest repeat product within it
    last = 1  # the repeat product of the atom just read
    largest = 1
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i, last = i + 2, 1
            continue
        if char == "[":
            i, last = _class_end(pattern, i), 1
            continue
        if char == "(":
            inside.append(1)
        elif char == ")":
            last = inside.pop() if len(inside) > 1 else 1
            inside[-1] = max(inside[-1], last)
            i += 1
            continue
        elif char == "{":
            counted = _COUNTED.match(pattern, i)
            if counted and (counted.group(1) or counted.group(2)):
                count = max(int(counted.group(1) or 0), int(counted.group(2) or 0))
                last *= max(count, 1)
                inside[-1] = max(inside[-1], last)
                largest = max(largest, last)
                i = counted.end()
                continue
        last = 1
        i += 1
    largest = max(largest, *inside)
    if largest > MAX_REPEAT:
        return f"counted repeats allow at most {MAX_REPEAT:,} (nested ones multiplied), not {largest:,}"
    return None


def _class_end(pattern: str, start: int) -> int:
    """The index after a character class that opens at ``start``."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    depth = 1
    while i < len(pattern) and depth:
        if pattern[i] == "\\":
            i += 1
        elif pattern[i] == "[":
            depth += 1  # the regex module's nested sets (V1), harmless to count in V0
        elif pattern[i] == "]":
            depth -= 1
        i += 1
    return i


def matches_outside(
    pattern: regex.Pattern, exceptions: list[regex.Pattern], text: str, start: int, end: int
) -> Iterator[regex.Match]:
    """Non-empty matches of pattern in text[start:end] that lie inside no match of an exception.

    The exceptions are looked for only once something matched: most spans match nothing.
    """
    excepted: _Spans | None = None
    for match in pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        if match.end() == match.start():
            continue
        if excepted is None:
            excepted = _Spans((m.start(), m.end()) for e in exceptions for m in e.finditer(text, start, end, timeout=REGEX_TIMEOUT))
        if not excepted.cover(match.start(), match.end()):
            yield match


class _Spans:
    """Spans, to ask whether one of them covers [start, end) in a bisection, not a look at
    each (a line of a hundred thousand matches, each excepted, cost their product)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(itertools.accumulate((b for _, b in ordered), max))  # the furthest end so far

    def cover(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)  # the spans that start at or before start
        return index > 0 and self.reach[index - 1] >= end


def words_pattern(words: list[str]) -> str:
    """An alternation of literal words/phrases matched as whole words, longest first."""
    escaped = [regex.escape(w).replace("\\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]
    return r"(?<![\w.])(?:" + "|".join(escaped) + r")(?![\w])"

# A regex must finish within this many seconds on one text span, or the rule errs.
REGEX_TIMEOUT = 2.0
