"""A cross-article kind written outside factlint, for the tests: one headline on two stories.

``same-headline``: an article whose headline an earlier article of another
story already used (a paste error, or a desk reusing a template headline).
Articles of one story may share a headline: a follow-up often does.

It is one module and nothing else: phase one keeps the article's headline,
and its plan is one Group step keyed by the headline's words, which asks for
the members' stories. No engine knows it; importing this module registers it.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from factlint.document import Document, Location
from factlint.findings import Finding, Related
from factlint.kinds.base import Check, register
from factlint.kinds.plan import Gathered, Group, Plan


class Headline(NamedTuple):
    words: str  # lowercase, punctuation dropped: what makes two headlines the same
    location: Location
    text: str


@register("same-headline")
class SameHeadlineCheck(Check):
    PLACEHOLDERS = ("match", "other")
    CROSS_ARTICLE = True

    def extract(self, doc: Document) -> Headline | None:
        heading = next((block for block in doc.blocks if block.kind == "heading"), None)
        if heading is None:
            return None
        text = " ".join(doc.text[heading.start : heading.end].lstrip("#").split())
        words = " ".join("".join(c for c in text.lower() if c.isalnum() or c.isspace()).split())
        return Headline(words, doc.locate(heading.start, heading.end), text) if words else None

    def plan(self) -> Plan:
        return Plan((Group(lambda headline: (headline.words,), self._compare, stories=True),))

    def _compare(self, group: Gathered) -> Iterable[Finding]:
        order = sorted(group.values, key=group.corpus.order)
        for later in order[1:]:
            earlier = [p for p in order[: order.index(later)] if group.corpus.stories[p] != group.corpus.stories[later]]
            if earlier:
                first: Any = group.values[earlier[0]]
                yield self.finding_at(
                    group.values[later].location, group.values[later].text,
                    related=[Related(first.location, "the same headline, another story")],
                    match=group.values[later].text, other=earlier[0],
                )
