"""The ``furniture`` and ``page`` kinds: scraped web copy.

``furniture`` reports the lines of an article that are the web page's
furniture (advertising slots, video-player text, captions and credits,
embedded posts, links to other stories, sharing buttons, sign-up prompts);
``page`` reports, once at line 1, a document that is not an article at all
(a tweet page's notice, a web-archive description, a log-in page, a cookie
wall, a fundraising appeal). Both read one analysis, ``page_furniture`` in
factlint/furniture.py; the furniture of a page that is not an article is not
reported line by line.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from factlint.document import Document, Location
from factlint.findings import Finding
from factlint.fixes import line_removal
from factlint.furniture import CandidateLine, PageFurniture, candidate_lines, lexicon, not_an_article, page_furniture, recurring_lines
from factlint.kinds.base import Check, Param, register
from factlint.kinds.plan import Gathered, Group, Plan
from factlint.kinds.scopes import compile_regex


def _furniture_classes() -> tuple[str, ...]:
    import os

    from factlint.yamlio import load_data_file

    data = load_data_file(os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "furniture.yaml"))
    return (*data["furniture"], "embedded post", "link")


@register("furniture")
class FurnitureCheck(Check):
    PARAMS = {
        "patterns": Param("list[str]", [], "regexes: whole lines that are your sites' own chrome (case-insensitive)"),
        "min_stories": Param(
            "int", 0, "across the folder: a short line found verbatim in articles of this many different stories is "
            "furniture too (0: off)", minimum=0,
        ),
        "classes": Param(
            "list[str]", [], "furniture classes to report (advertising, video player, image, related links, sharing, "
            "sign-up, date stamp, site, embedded post, link); empty: all"
        ),
    }
    PLACEHOLDERS = ("match", "what")

    def compile(self) -> None:
        for pattern in self.params["patterns"]:
            compile_regex(self, "patterns", pattern)
        self.extra = tuple(self.params["patterns"])
        known = _furniture_classes()
        unknown = [c for c in self.params["classes"] if c not in known]
        if unknown:
            raise self.rule.error(f"unknown furniture class {unknown[0]!r} (known: {', '.join(known)})", "classes")
        self.classes = frozenset(self.params["classes"] or known) | ({"site"} if self.extra else frozenset())
        lexicon(self.extra)  # a bad pattern is an error now, not in the middle of a run
        self.CROSS_ARTICLE = self.params["min_stories"] > 0

    def check(self, doc: Document) -> Iterable[Finding]:
        if page_furniture(doc).not_article is not None:
            return  # reported once, by not-an-article (the same verdict, from the analysis this rule needs anyway)
        found = page_furniture(doc, self.extra)
        for span in found.spans:
            if span.category not in self.classes:
                continue
            if span.source:  # a bare link: blank in the lint text, so located in the file
                line, column = doc.line_col(span.start)
                end_line, end_column = doc.line_col(span.end - 1)
                text = doc.source[span.start : span.end]
                location = Location(doc.path, line, column, end_line, end_column)
                finding = self.finding_at(location, text, match=text, what=span.what)
                yield replace(finding, suggestions=(line_removal(doc.source, span.start, span.end),))
            else:
                finding = self.finding(doc, span.start, span.end, what=span.what)
                if doc.offsets is None and _whole_line(doc.text, span.start, span.end):  # offered in the editor, never by --fix
                    finding = replace(finding, suggestions=(line_removal(doc.source, span.start, span.end),))
                yield finding


    def extract(self, doc: Document) -> tuple[CandidateLine, ...]:
        """Digests and places of the short lines not already furniture, for the folder pass."""
        return tuple(
            (line, doc.locate(line.start, line.end), doc.excerpt(line.start, line.end)) for line in candidate_lines(doc)
        )

    def plan(self) -> Plan | None:
        """The folder pass: articles giving the same short line (its digest) are one group,
        reported when they belong to ``min_stories`` different stories."""
        if not self.CROSS_ARTICLE:
            return None
        return Plan((Group(
            lambda extract: [item[0].digest for item in extract], self._recurring,
            value=lambda extract, digest: tuple(item for item in extract if item[0].digest == digest), stories=True,
        ),))

    def _recurring(self, group: Gathered) -> Iterable[Finding]:
        lines = {path: tuple(item[0] for item in items) for path, items in group.values.items()}
        recurring = recurring_lines(lines, group.corpus.stories, self.params["min_stories"])
        for path in sorted(recurring):
            places = {item[0]: item[1:] for item in group.values[path]}
            for line in recurring[path]:
                location, excerpt = places[line]
                yield self.finding_at(location, excerpt, match=excerpt, what="line many unrelated articles of the folder repeat")


def _whole_line(text: str, start: int, end: int) -> bool:
    """Is text[start:end] all of its line's text?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end : len(text) if line_end < 0 else line_end].strip()


@register("page")
class PageCheck(Check):
    PARAMS = {}
    PLACEHOLDERS = ("what",)

    def check(self, doc: Document) -> Iterable[Finding]:
        if not_an_article(doc) is None:
            return
        found: PageFurniture = page_furniture(doc)
        if found.not_article is None or found.evidence is None:
            return
        start, end = found.evidence
        first = doc.blocks[0].start if doc.blocks else start
        line_end = doc.text.find("\n", first)
        location = doc.locate(first, len(doc.text) if line_end < 0 else line_end)
        yield self.finding_at(location, doc.excerpt(start, end), what=found.not_article)
