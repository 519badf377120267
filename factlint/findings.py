"""Findings: what a check reports, in the shape the contract's JSON gives."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from factlint.document import Location

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Related:
    """Another place a finding involves (the first statement, the majority)."""

    location: Location
    message: str


@dataclass(frozen=True)
class Finding:
    location: Location
    rule: str
    kind: str
    severity: str
    message: str
    excerpt: str
    related: tuple[Related, ...] = ()
    fingerprint: str = ""
    fixes: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)  # (start, end, replacement) in source
    # Edits offered to a person (the editor's quick fixes) but never applied by --fix: a
    # preferred form, a scraped line's removal. Same shape as ``fixes``.
    suggestions: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)

    @property
    def path(self) -> str:
        return self.location.path

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, loc.end_line, loc.end_column, self.message)


def _normalized(text: str) -> str:
    return " ".join(text.lower().split())


def with_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Give each finding an id that survives edits elsewhere in its article.

    It hashes the rule, the file and the flagged text (not its line), plus
    how many identical ones came before it in the same file.
    """
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for finding in findings:
        key = (finding.rule, finding.path, _normalized(finding.excerpt))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\x1f".join((*key, str(occurrence))).encode("utf-8", "surrogateescape")).hexdigest()[:20]
        result.append(replace(finding, fingerprint=digest))
    return result
