"""The ``quotemarks`` kind: double quotation marks that do not pair as they should.

A style finding for each: two single quote marks standing for a double one
(''like this''), a quotation opened with one style and closed with another
(“like this"), a quotation never closed in its paragraph (unless the next
paragraph opens with a quotation mark, as a quotation running over
paragraphs is written), a closing mark where no quotation is open. The
marks are read by ``scan_quote_marks`` in factlint/quotemarks.py.
"""

from __future__ import annotations

from typing import Iterable

import regex

from factlint.document import Document
from factlint.findings import Finding
from factlint.kinds.base import Check, Param, register
from factlint.furniture import page_furniture
from factlint.quotemarks import has_quotation_marks, opens_with_quotation, scan_quote_marks

# Marks a tokenizer set apart from their words: "Nationals ' best", "I ’ m", "said , " he".
_TOKENIZED = regex.compile(r"\w ['’] (?:s|t|re|ll|ve|d|m)\b|\w n['’]t\b|[,.] [\"“”] ")

PROBLEMS = ("doubled-single", "mixed", "wrong-way", "apostrophe", "unclosed", "stray-close")


@register("quotemarks")
class QuoteMarksCheck(Check):
    PARAMS = {
        "report": Param("list[str]", list(PROBLEMS), f"which problems to report: {', '.join(PROBLEMS)}"),
    }
    PLACEHOLDERS = ("match", "problem")

    def compile(self) -> None:
        unknown = [p for p in self.params["report"] if p not in PROBLEMS]
        if unknown:
            raise self.rule.error(f"unknown quotation-mark problem {unknown[0]!r} (known: {', '.join(PROBLEMS)})", "report")
        self.report = frozenset(self.params["report"])

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if not has_quotation_marks(text):
            return
        scanned: dict[int, tuple] = {}

        def scan(index: int) -> tuple:  # read when needed: the rule may stop at its most findings
            if index not in scanned:
                block = doc.blocks[index]
                scanned[index] = scan_quote_marks(text, block.start, block.end)
            return scanned[index]

        if not any(scan(i)[1] or scan(i)[2] is not None for i in range(len(doc.blocks))):
            return
        from factlint.furniture import not_an_article

        if not_an_article(doc) is not None or len(_TOKENIZED.findall(text)) >= 2:
            return  # a page reported once; text split into tokens, whose marks no longer face their words
        closed_above: set[int] = set()  # offsets of stray closes that close the paragraph above's quotation
        for index, block in enumerate(doc.blocks):
            _, shared, left_open = scan(index)
            problems = list(shared)  # the scan is shared with other kinds: added to here only
            if left_open is not None:
                following = self._next_paragraph(doc, index)
                if following is None or not opens_with_quotation(text, doc.blocks[following].start, doc.blocks[following].end):
                    first = _first_mark_closes(scan(following)[1] if following is not None else [], doc.blocks[following].start if following is not None else 0, text)
                    if first is not None:
                        closed_above.add(first)  # a quotation over two paragraphs, its second mark missing: a reader pairs them
                    else:
                        problems.append(_unclosed(left_open))
            if problems and page_furniture(doc).covers(block.start, block.end):
                continue  # a caption or an embedded post: it goes, its marks with it
            for problem in problems:
                if problem.kind in self.report and problem.start not in closed_above:
                    yield self.finding(doc, problem.start, problem.end, problem=problem.detail)


    @staticmethod
    def _next_paragraph(doc: Document, index: int) -> int | None:
        """The index of the next block that is not page furniture, if any."""
        for following in range(index + 1, len(doc.blocks)):
            block = doc.blocks[following]
            if not page_furniture(doc).covers(block.start, block.end):
                return following
        return None


def _first_mark_closes(problems, start: int, text: str) -> int | None:
    """The offset of a paragraph's first quotation mark when it is a stray close (no opening before it)."""
    strays = [p for p in problems if p.kind == "stray-close"]
    if not strays:
        return None
    first = min(strays, key=lambda p: p.start)
    return first.start if not any(m in text[start : first.start] for m in ("“", '"', "«", "``")) else None


def _unclosed(offset: int):
    from factlint.quotemarks import QuoteProblem

    return QuoteProblem(offset, offset + 1, "unclosed", "the quotation opened here is never closed in its paragraph")
