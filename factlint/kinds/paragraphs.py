"""The ``paragraphs`` kind: a paragraph broken in the middle of a sentence.

Two ways it happens in copied and scraped text: a line break inside a
paragraph written one paragraph per line (the line is long, ends without
closing punctuation, and the next line goes on in lower case), and a blank
line inside a sentence, so one paragraph becomes two ("... before it broke
up" / blank line / "in 1991."). Headings, list items, captions and other
page furniture, datelines and bylines are not paragraphs, and a word that
starts in lower case by nature (iPhone, eBay, de Gaulle) does not make the
next block a continuation.
"""

from __future__ import annotations

from typing import Iterable

import regex

from factlint.document import WRAP_WIDTH, Block, Document
from factlint.findings import Finding
from factlint.kinds.base import Check, Param, register

# Inside a paragraph: a long line ending mid-sentence, the next line going on in lower case.
_BROKEN_LINE = regex.compile(rf"(?<=[^\n]{{{WRAP_WIDTH}}})[\p{{Ll}}\p{{N}},;]\n(?=[ \t]*\p{{Ll}})")
# The end of a paragraph that stops mid-sentence: a word, a figure, a comma or a semicolon.
_OPEN_END = regex.compile(r"[\p{L}\p{N},;]$")
# The start of a paragraph that goes on with a sentence: a word in lower case (not iPhone, not a list's "a)").
_LOWER_START = regex.compile(r"\p{Ll}[\p{Ll}'’-]*\b(?![)])")
_LIST_ITEM = regex.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)]|[a-z][.)])\s")
_DATELINE_OR_BYLINE = regex.compile(r"(?:by\s|[-—–]{1,2}\s*\p{Lu})|\p{Lu}[\p{Lu} ,.'-]{2,40}\s?[—–-]\s*$", regex.I)
# Words that begin a name in lower case: never a sign of a sentence going on.
_NAME_PARTICLES = frozenset("de del della der di du da van von la le al el bin ibn dos das e".split())


@register("paragraphs")
class ParagraphsCheck(Check):
    PARAMS = {
        "across_blank_lines": Param("bool", True, "report a sentence that goes on after a blank line"),
        "within_paragraphs": Param("bool", True, "report a line break inside a sentence of a paragraph written one per line"),
        "min_words": Param("int", 6, "the shortest paragraph (in words) that can be the first half of a broken one", minimum=1),
    }
    PLACEHOLDERS = ("where",)

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if self.params["within_paragraphs"] and "\n" in text:
            for match in _BROKEN_LINE.finditer(text):
                yield self.finding(doc, match.start(), match.end() - 1, where="it goes on in the next line")
        if self.params["across_blank_lines"]:
            blocks = doc.blocks
            for first, second in zip(blocks, blocks[1:]):
                if self._broken(doc, first, second):
                    end = first.end
                    yield self.finding(doc, max(first.start, end - 1), end, where="it goes on after the blank line")

    def _broken(self, doc: Document, first: Block, second: Block) -> bool:
        text = doc.text
        if first.kind != "paragraph" or second.kind not in ("paragraph", "heading"):
            return False
        head = text[first.start : first.end]
        tail = text[second.start : second.end]
        if not _OPEN_END.search(head) or not _LOWER_START.match(tail.lstrip()):
            return False
        if text.count("\n", first.end, second.start) < 2:
            return False  # no blank line between: the within-paragraph case, or one block
        if len(head.split()) < self.params["min_words"] or _LIST_ITEM.match(head) or _LIST_ITEM.match(tail):
            return False
        if tail.split()[0].lower().strip(",;:") in _NAME_PARTICLES or _DATELINE_OR_BYLINE.match(head.strip()):
            return False
        from factlint.furniture import page_furniture, not_an_article

        if not_an_article(doc) is not None:
            return False
        furniture = page_furniture(doc)
        return not furniture.covers(first.start, first.end) and not furniture.covers(second.start, second.end)
