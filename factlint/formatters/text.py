"""``--format text``: what a person reads in a terminal."""

from __future__ import annotations

from collections import Counter

from factlint.linter import Report

_COLORS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text


def render(report: Report, context) -> str:
    color = context.color
    lines = []
    for finding in report.findings:
        loc = finding.location
        where = _paint(f"{loc.path}:{loc.line}:{loc.column}:", "bold", color)
        severity = _paint(finding.severity, finding.severity, color)
        lines.append(f"{where} {severity} {finding.rule} {finding.message}")
        if finding.excerpt:
            lines.append(_paint(f"    | {finding.excerpt}", "dim", color))
        for related in finding.related:
            r = related.location
            lines.append(f"    = {r.path}:{r.line}:{r.column}: {related.message}")
    if context.show_stories and report.stories:
        groups: dict[str, list[str]] = {}
        for path, story in sorted(report.stories.items()):
            groups.setdefault(story, []).append(path)
        lines.append("Stories:")
        for number, (story, paths) in enumerate(sorted(groups.items(), key=lambda g: g[1]), 1):
            label = story.split(":", 1)[1] if story.startswith("story:") else f"#{number} (grouped by content)"
            lines.append(f"  {label}: {', '.join(paths)}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    files = f"{report.files} file" + ("" if report.files == 1 else "s")
    if not report.findings:
        return f"No findings in {files}."
    by_severity = Counter(f.severity for f in report.findings)
    parts = [f"{by_severity[s]} {s}" + ("s" if by_severity[s] != 1 and s != "info" else "") for s in ("error", "warning", "info") if by_severity[s]]
    total = len(report.findings)
    return f"Found {total} finding{'s' if total != 1 else ''} in {files} ({', '.join(parts)})."
