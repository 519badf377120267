"""Suppressions written in the article, and the rule that reports useless ones.

Three forms, each naming the rule (an id or a kind) it silences:

- ``<!-- factlint: ignore RULE reason -->``: the paragraph the comment is in,
  or else the next one;
- ``<!-- factlint: disable RULE -->`` ... ``<!-- factlint: enable RULE -->``:
  everything in between (to the end of the article without an enable);
- front matter ``factlint: {ignore: [RULE, ...]}``: the whole article.

Several rules may be given as ``RULE,RULE``. A suppression that silences
nothing is stale (the text was fixed, the rule renamed) and hides the next
real problem, so it is reported by the rule ``unused-suppression``. Only the
engine can tell (it alone sees every finding), so the kind's Check class
contributes the rule's identity, severity and message, and
``apply_suppressions`` does the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Iterable, Sequence

import regex

from factlint.document import Document, Location
from factlint.findings import Finding
from factlint.kinds.base import Check, kind_names, register

KIND = "suppressions"
_DIRECTIVE = regex.compile(r"^\s*factlint\s*:\s*(?P<action>[^\s]*)\s*(?P<rules>[^\s]*)\s*(?P<reason>.*?)\s*$", regex.S)
_RULE_NAME = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_END = (10**9, 10**9)  # after any position in an article


@register(KIND)
class UnusedSuppressionCheck(Check):
    """The kind of the ``unused-suppression`` rule; the engine reports through it."""

    PLACEHOLDERS = ("rule", "reason")


@dataclass(frozen=True)
class Suppression:
    """One rule silenced over [start, end] (line, column) positions of an article.

    A malformed comment is kept as a Suppression with ``problem`` set: it
    silences nothing and is always reported.
    """

    rule: str
    form: str  # "ignore" | "disable" | "front matter" | "malformed"
    start: tuple[int, int]
    end: tuple[int, int]
    location: Location  # where it is written
    excerpt: str
    problem: str = ""

    def covers(self, finding: Finding) -> bool:
        position = (finding.location.line, finding.location.column)
        return not self.problem and self.start <= position <= self.end


# ---------------------------------------------------------------------------
# Reading suppressions from an article (phase one, cached with its result)
# ---------------------------------------------------------------------------


def _comment_location(doc: Document, offset: int, body: str) -> Location:
    """Where a comment is written in the file."""
    end = offset + len("<!--") + len(body) + len("-->")
    line, column = doc.line_col(offset)
    end_line, end_column = doc.line_col(end - 1)
    return Location(doc.path, line, column, end_line, end_column)


def _paragraph_at(doc: Document, source_offset: int) -> Location | None:
    """The block a comment at this offset sits in, or else the first block after it."""
    for block in doc.blocks:
        if doc.source_offset(block.end - 1) >= source_offset:
            return doc.locate(block.start, block.end)
    return None


def _rule_names(field: str) -> list[str]:
    return [name for name in field.split(",") if name]


def find_suppressions(doc: Document) -> list[Suppression]:
    """Every suppression an article writes, in order."""
    found = _front_matter_suppressions(doc)
    open_ranges: dict[str, tuple[Location, str]] = {}
    for offset, body in doc.comments:
        match = _DIRECTIVE.match(body)
        if match is None:
            continue
        where = _comment_location(doc, offset, body)
        excerpt = "<!-- " + " ".join(body.split()) + " -->"
        action, rules = match.group("action"), _rule_names(match.group("rules"))

        def malformed(problem: str) -> None:
            found.append(Suppression("", "malformed", _END, _END, where, excerpt, problem))

        if action not in ("ignore", "disable", "enable"):
            malformed(f"'{action or '(nothing)'}' is not ignore, disable or enable")
            continue
        if not rules or not all(_RULE_NAME.match(name) for name in rules):
            malformed(f"'factlint: {action}' must name a rule: <!-- factlint: {action} RULE reason -->")
            continue
        start = (where.line, where.column)
        for rule in rules:
            if action == "ignore":
                paragraph = _paragraph_at(doc, offset)
                span = ((paragraph.line, paragraph.column), (paragraph.end_line, paragraph.end_column)) if paragraph else (_END, _END)
                found.append(Suppression(rule, "ignore", *span, where, excerpt))
            elif action == "disable":
                if rule in open_ranges:
                    malformed(f"'{rule}' is already disabled on line {open_ranges[rule][0].line}")
                    continue
                open_ranges[rule] = (where, excerpt)
            elif rule not in open_ranges:
                malformed(f"'enable {rule}' without an earlier 'disable {rule}'")
            else:
                opened, opened_excerpt = open_ranges.pop(rule)
                found.append(Suppression(rule, "disable", (opened.line, opened.column), start, opened, opened_excerpt))
    for rule, (opened, opened_excerpt) in open_ranges.items():
        found.append(Suppression(rule, "disable", (opened.line, opened.column), _END, opened, opened_excerpt))
    return found


_FRONT_MATTER_KEY = regex.compile(r"^factlint[ \t]*:", regex.M)


def _front_matter_suppressions(doc: Document) -> list[Suppression]:
    """``factlint: {ignore: [...]}`` in the front matter: the whole article."""
    if "factlint" not in doc.front_matter:
        return []
    value = doc.front_matter["factlint"]
    key = _FRONT_MATTER_KEY.search(doc.source)
    key_offset = key.start() if key else 0

    def place(text: str) -> Location:
        at = doc.source.find(text, key_offset) if text else -1
        at = key_offset if at < 0 else at
        line, column = doc.line_col(at)
        return Location(doc.path, line, column, line, column + max(len(text), len("factlint")) - 1)

    rules = value.get("ignore") if isinstance(value, dict) else None
    if isinstance(rules, str):
        rules = [rules]
    valid = isinstance(value, dict) and set(value) == {"ignore"} and isinstance(rules, list)
    if not valid or not rules or not all(isinstance(r, str) and _RULE_NAME.match(r) for r in rules):
        return [
            Suppression(
                "", "malformed", _END, _END, place("factlint"), "factlint: ...",
                "front matter 'factlint' must be {ignore: [RULE, ...]} naming rules or kinds",
            )
        ]
    return [Suppression(rule, "front matter", (0, 0), _END, place(rule), f"factlint: ignore {rule}") for rule in rules]


# ---------------------------------------------------------------------------
# Applying them (phase two, after the cross-article checks)
# ---------------------------------------------------------------------------


def _silences(suppression: Suppression, finding: Finding) -> bool:
    return suppression.rule in (finding.rule, finding.kind) and suppression.covers(finding)


def _why_unused(suppression: Suppression) -> str:
    if suppression.form == "ignore":
        where = "the paragraph it covers" if suppression.start != _END else "the article (no paragraph follows it)"
    elif suppression.form == "disable":
        where = "the rest of the article" if suppression.end == _END else f"lines {suppression.start[0]}-{suppression.end[0]}"
    else:
        where = "this article"
    return f"no {suppression.rule} finding in {where}"


def apply_suppressions(
    findings: Iterable[Finding],
    suppressions: dict[str, Sequence[Suppression]],
    checks: Sequence[Check],
    known_rules: Collection[str] | None = None,
) -> list[Finding]:
    """The findings no suppression silences, plus one per useless suppression.

    A suppression of a rule that did not run this time (``--select``) cannot
    be judged and is left alone. ``known_rules`` (every rule id loaded) lets a
    misspelt rule be reported as such; without it any well-formed name counts.
    """
    used: set[tuple[str, int]] = set()
    kept = []
    for finding in findings:
        silencers = [i for i, s in enumerate(suppressions.get(finding.path, ())) if _silences(s, finding)]
        used.update((finding.path, i) for i in silencers)
        if not silencers:
            kept.append(finding)
    reporter = next((c for c in checks if c.kind == KIND), None)
    if reporter is None:
        return kept
    active = {name for check in checks for name in (check.rule.id, check.kind)}
    known = None if known_rules is None else {*known_rules, *kind_names()}
    for path in sorted(suppressions):
        for index, suppression in enumerate(suppressions[path]):
            if suppression.problem:
                reason = suppression.problem
            elif known is not None and suppression.rule not in known:
                reason = f"'{suppression.rule}' is not a rule or kind (see 'factlint rules')"
            elif (path, index) in used or suppression.rule not in active:
                continue
            else:
                reason = _why_unused(suppression)
            kept.append(reporter.finding_at(suppression.location, suppression.excerpt, rule=suppression.rule, reason=reason))
    return kept

