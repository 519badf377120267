"""``--statistics``: how many findings each rule gave, instead of the findings."""

from __future__ import annotations

import json
from collections import Counter

from factlint.linter import Report

FORMATS = ("text", "json")


def rule_counts(report: Report) -> list[dict]:
    counts = Counter(f.rule for f in report.findings)
    first = {}
    for finding in report.findings:
        first.setdefault(finding.rule, finding)
    return [
        {"rule": rule, "kind": first[rule].kind, "severity": first[rule].severity, "count": count}
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render(report: Report, format_name: str) -> str:
    """The counts as text (a table) or JSON; the CLI allows only FORMATS."""
    rows = rule_counts(report)
    if format_name == "json":
        document = {"version": 1, "files": report.files, "statistics": rows}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    total = len(report.findings)
    files = f"{report.files} file" + ("" if report.files == 1 else "s")
    if not rows:
        return f"No findings in {files}.\n"
    rule_width = max(len(r["rule"]) for r in rows)
    count_width = len(str(rows[0]["count"]))
    lines = [f"{r['count']:>{count_width}}  {r['rule']:<{rule_width}}  {r['kind']:<12}  {r['severity']}" for r in rows]
    lines.append(f"Found {total} finding{'s' if total != 1 else ''} in {files}.")
    return "\n".join(lines) + "\n"
