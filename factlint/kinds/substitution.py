"""The ``substitution`` kind: a term that has a preferred form."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

import regex

from factlint.document import Document
from factlint.findings import Finding
from factlint.kinds.base import Check, Param, register
from factlint.kinds.scopes import SCOPES, compile_regex, iter_scope, matches_outside, words_pattern


@register("substitution")
class SubstitutionCheck(Check):
    PARAMS = {
        "swap": Param("dict", None, "term: preferred form (terms are literal words or phrases)", required=True),
        "exceptions": Param("list[str]", [], "regexes; a term inside a match of one of these is left alone"),
        "ignorecase": Param("bool", False, "match terms regardless of case"),
        "scope": Param("choice", "text", "where to look", choices=SCOPES),
    }
    PLACEHOLDERS = ("match", "preferred")

    def compile(self) -> None:
        swap = self.params["swap"]
        if not swap or not all(isinstance(k, str) and isinstance(v, str) for k, v in swap.items()):
            raise self.rule.error("'swap' must map each term to its preferred form (text: text)", "swap")
        self.ignorecase = self.params["ignorecase"]
        self.swap = {self._key(k): v for k, v in swap.items()}
        flags = regex.IGNORECASE if self.ignorecase else 0
        self.regex = compile_regex(self, "swap", words_pattern(list(swap)), flags)
        self.exceptions = [compile_regex(self, "exceptions", p, flags) for p in self.params["exceptions"]]

    def _key(self, term: str) -> str:
        term = " ".join(term.split())
        return term.lower() if self.ignorecase else term

    def check(self, doc: Document) -> Iterable[Finding]:
        for start, end in iter_scope(doc, self.params["scope"]):
            for match in matches_outside(self.regex, self.exceptions, doc.text, start, end):
                preferred = self.swap.get(self._key(match.group()))
                if preferred is not None and preferred != match.group():
                    finding = self.finding(doc, match.start(), match.end(), preferred=preferred)
                    start, end = doc.source_offset(match.start()), doc.source_offset(match.end() - 1) + 1
                    if doc.source[start:end] == match.group():  # offered in the editor, never applied by --fix
                        finding = replace(finding, suggestions=((start, end, preferred),))
                    yield finding
