"""Where in an article a text rule looks: its ``scope`` key."""

from __future__ import annotations

from typing import Iterator

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
    try:
        return regex.compile(pattern, flags | regex.V0)
    except (regex.error, TypeError, ValueError) as err:  # ValueError: "(?V1)", the module's other syntax
        raise check.rule.error(f"invalid regex {pattern!r} in '{key}': {err}", key) from None


def matches_outside(
    pattern: regex.Pattern, exceptions: list[regex.Pattern], text: str, start: int, end: int
) -> Iterator[regex.Match]:
    """Non-empty matches of pattern in text[start:end] that lie inside no match of an exception.

    The exceptions are looked for only once something matched: most spans match nothing.
    """
    excepted: list[tuple[int, int]] | None = None
    for match in pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        if match.end() == match.start():
            continue
        if excepted is None:
            excepted = [(m.start(), m.end()) for e in exceptions for m in e.finditer(text, start, end, timeout=REGEX_TIMEOUT)]
        if not any(a <= match.start() and match.end() <= b for a, b in excepted):
            yield match


def words_pattern(words: list[str]) -> str:
    """An alternation of literal words/phrases matched as whole words, longest first."""
    escaped = [regex.escape(w).replace("\\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]
    return r"(?<![\w.])(?:" + "|".join(escaped) + r")(?![\w])"

# A regex must finish within this many seconds on one text span, or the rule errs.
REGEX_TIMEOUT = 2.0
