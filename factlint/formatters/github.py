"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

GitHub reads ``::warning file=...,line=...::message`` lines from a step's
output. The message (data) escapes ``%``, CR and LF; property values also
escape ``:`` and ``,`` which would otherwise end the value.
"""

from __future__ import annotations

from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.formatters.repo import repo_relative
from factlint.linter import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    loc = finding.location
    properties = {
        "file": repo_relative(loc.path),
        "line": str(loc.line),
        "endLine": str(loc.end_line),
        "col": str(loc.column),
        "endColumn": str(loc.end_column),
        "title": f"factlint {finding.rule}",
    }
    body = [finding.message]
    if finding.excerpt:
        body.append(f"| {finding.excerpt}")
    for related in finding.related:
        r = related.location
        body.append(f"= {repo_relative(r.path)}:{r.line}:{r.column}: {related.message}")
    fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = escape_data("\n".join(body))
    return f"::{COMMANDS[finding.severity]} {fields}::{message}"


def error_command(error: FactlintError) -> str:
    """An unreadable file or broken rule as an error annotation on that file."""
    properties = []
    if error.path:
        properties.append(f"file={escape_property(repo_relative(error.path))}")
        if error.line:
            properties.append(f"line={error.line}")
    head = "::error " + ",".join(properties) if properties else "::error"
    return f"{head}::{escape_data(error.message)}"


def render(report: Report, context) -> str:
    lines = [annotation(finding) for finding in report.findings] + [error_command(e) for e in report.errors]
    return "".join(line + "\n" for line in lines)
