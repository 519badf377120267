"""The ``pattern`` kind: words or expressions a rule lists (boilerplate, banned phrases)."""

from __future__ import annotations

from typing import Iterable

import regex

from factlint.document import Document
from factlint.findings import Finding
from factlint.kinds.base import Check, Param, register
from factlint.kinds.scopes import REGEX_TIMEOUT, SCOPES, compile_regex, excepted_spans, iter_scope, words_pattern


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
        for pattern in self.params["patterns"]:
            compile_regex(self, "patterns", pattern, flags)
            alternatives.append(f"(?:{pattern})")
        self.regex = compile_regex(self, "patterns", "|".join(alternatives), flags)
        self.exceptions = [compile_regex(self, "exceptions", p, flags) for p in self.params["exceptions"]]

    def check(self, doc: Document) -> Iterable[Finding]:
        for start, end in iter_scope(doc, self.params["scope"]):
            excepted: list[tuple[int, int]] | None = None  # looked for only once something matched
            for match in self.regex.finditer(doc.text, start, end, timeout=REGEX_TIMEOUT):
                if match.end() == match.start():
                    continue
                if excepted is None:
                    excepted = excepted_spans(self.exceptions, doc.text, start, end)
                if any(a <= match.start() and match.end() <= b for a, b in excepted):
                    continue
                yield self.finding(doc, match.start(), match.end())
