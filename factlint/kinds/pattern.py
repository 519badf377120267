"""The ``pattern`` kind: words or expressions a rule lists (boilerplate, banned phrases)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

import regex

from factlint.document import Document
from factlint.findings import Finding
from factlint.fixes import line_removal
from factlint.kinds.base import Check, Param, register
from factlint.kinds.scopes import SCOPES, compile_regex, iter_scope, matches_outside, repeat_problem, words_pattern


@register("pattern")
class PatternCheck(Check):
    PARAMS = {
        "tokens": Param("list[str]", [], "literal words or phrases, matched as whole words"),
        "patterns": Param("list[str]", [], "regular expressions (Python `regex` syntax)"),
        "exceptions": Param("list[str]", [], "regexes; a match inside a match of one of these is left alone"),
        "ignorecase": Param("bool", False, "match regardless of case"),
        "scope": Param("choice", "sentence", "where to look", choices=SCOPES),
    }
    PLACEHOLDERS = ("match",)

    def compile(self) -> None:
        if not self.params["tokens"] and not self.params["patterns"]:
            raise self.rule.error("kind pattern needs 'tokens' or 'patterns'", "kind")
        flags = regex.MULTILINE | (regex.IGNORECASE if self.params["ignorecase"] else 0)
        alternatives = []
        if self.params["tokens"]:
            alternatives.append(words_pattern(self.params["tokens"]))
        alternatives += [f"(?:{pattern})" for pattern in self.params["patterns"]]
        for pattern in self.params["patterns"]:
            if repeat_problem(pattern):
                compile_regex(self, "patterns", pattern, flags)  # raises, naming the pattern
        try:
            self.regex = regex.compile("|".join(alternatives), flags | regex.V0)
        except (regex.error, TypeError, ValueError):
            for pattern in self.params["patterns"]:  # compiled alone only now: the error names the bad one
                compile_regex(self, "patterns", pattern, flags)
            self.regex = compile_regex(self, "patterns", "|".join(alternatives), flags)
        self.exceptions = [compile_regex(self, "exceptions", p, flags) for p in self.params["exceptions"]]

    def check(self, doc: Document) -> Iterable[Finding]:
        for start, end in iter_scope(doc, self.params["scope"]):
            for match in matches_outside(self.regex, self.exceptions, doc.text, start, end):
                finding = self.finding(doc, match.start(), match.end())
                if self._whole_line(doc, match.start(), match.end()):  # scraped page furniture: offer to remove the line
                    finding = replace(finding, suggestions=(line_removal(doc.source, match.start(), match.end()),))
                yield finding

    @staticmethod
    def _whole_line(doc: Document, start: int, end: int) -> bool:
        """Whether a match is all of its line's text (in a file whose lint text is its source)."""
        if doc.offsets is not None:
            return False
        line_start = doc.text.rfind("\n", 0, start) + 1
        line_end = doc.text.find("\n", end)
        line_end = len(doc.text) if line_end < 0 else line_end
        return not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip()
