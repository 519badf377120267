"""``--format json``: the contract's JSON object, byte-for-byte deterministic."""

from __future__ import annotations

import json
from typing import Any

from factlint.document import Location
from factlint.findings import Finding
from factlint.linter import Report


def _location(location: Location) -> dict[str, Any]:
    return {
        "path": location.path,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        **_location(finding.location),
        "rule": finding.rule,
        "kind": finding.kind,
        "severity": finding.severity,
        "message": finding.message,
        "excerpt": finding.excerpt,
        "related": [{**_location(r.location), "message": r.message} for r in finding.related],
        "fingerprint": finding.fingerprint,
    }


def render(report: Report, context) -> str:
    document: dict[str, Any] = {
        "version": 1,
        "files": report.files,
        "findings": [finding_dict(f) for f in report.findings],
    }
    if context.show_stories:
        groups: dict[str, list[str]] = {}
        for path, story in sorted(report.stories.items()):
            groups.setdefault(story, []).append(path)
        document["stories"] = [{"story": story, "paths": paths} for story, paths in sorted(groups.items())]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
