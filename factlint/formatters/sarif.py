"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning ingests it.

Every rule that ran is described in ``tool.driver.rules`` (so code scanning
can show its help even with no result), each finding is one result at a
repository-relative path, the other places of a finding are
``relatedLocations`` linked from the message, and the contract's fingerprint
goes in ``partialFingerprints`` so alerts follow text that moves.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from factlint import __version__
from factlint.document import Location
from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.formatters.repo import repo_relative
from factlint.kinds.base import Rule
from factlint.linter import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "factlintFingerprint/v1"


def _escaped(text: str) -> str:
    """Plain message text: brackets would read as embedded links (SARIF 3.11.6)."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _first_sentence(text: str) -> str:
    first = " ".join(text.split()).split(". ")[0].rstrip(".")
    return first + "."


def _example_text(example: Any) -> str:
    if isinstance(example, str):
        return example.strip()
    return "\n".join(f"{name}: {text.strip()}" for name, text in example["files"].items())


def _help(rule: Rule) -> dict[str, str]:
    """The rule's description with what it flags and leaves alone, as text and Markdown."""
    description = " ".join(rule.description.split())
    text = [description, "", f"Kind: {rule.kind}. Message: {rule.message}"]
    markdown = [description, "", f"Kind: `{rule.kind}`. Message: *{rule.message}*"]
    for group, title in (("flag", "Flags"), ("ok", "Leaves alone")):
        examples = [_example_text(e) for e in rule.examples.get(group, [])[:2]]
        if examples:
            text += ["", f"{title}:"] + ["\n".join("  " + line for line in e.splitlines()) for e in examples]
            markdown += ["", f"**{title}:**", ""] + [f"```\n{e}\n```" for e in examples]
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": _first_sentence(rule.description)},
        "fullDescription": {"text": " ".join(rule.description.split())},
        "help": _help(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity], **({"enabled": False} if rule.opt_in else {})},
        "properties": {"tags": ["factlint", rule.kind]},
    }


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    """A finding of a rule the context did not list still needs a descriptor."""
    return {
        "id": finding.rule,
        "name": _pascal(finding.rule),
        "shortDescription": {"text": f"{finding.rule} ({finding.kind})."},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"tags": ["factlint", finding.kind]},
    }


def _physical(location: Location, snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column + 1,  # SARIF's end column is exclusive
    }
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"artifactLocation": {"uri": repo_relative(location.path), "uriBaseId": "%SRCROOT%"}, "region": region}


def _full_stop(text: str) -> str:
    """The text ending as a sentence does, so another can follow it."""
    stripped = text.rstrip()
    return stripped if stripped.rstrip("\"'”’)]*").endswith((".", "!", "?", "…")) else stripped + "."


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    message = _escaped(finding.message)
    if finding.related:
        links = [
            f"[{_escaped(r.message)}]({number}) ({_escaped(repo_relative(r.location.path))}:{r.location.line})"
            for number, r in enumerate(finding.related, 1)
        ]
        message = _full_stop(message) + " See " + "; ".join(links) + "."
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical(finding.location, finding.excerpt)}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "physicalLocation": _physical(r.location), "message": {"text": _escaped(r.message)}}
            for number, r in enumerate(finding.related, 1)
        ]
    return result


def _notification(error: FactlintError) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": repo_relative(error.path), "uriBaseId": "%SRCROOT%"}}
        if error.line:
            physical["region"] = {"startLine": error.line}
        notification["locations"] = [{"physicalLocation": physical}]
    return notification


def sarif_log(report: Report, rules: Sequence[Rule]) -> dict[str, Any]:
    descriptors = [rule_descriptor(rule) for rule in rules]
    index = {rule.id: number for number, rule in enumerate(rules)}
    for finding in report.findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(_fallback_descriptor(finding))
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factlint", "version": __version__, "semanticVersion": __version__, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [_notification(error) for error in report.errors],
            }
        ],
        "results": [_result(finding, index[finding.rule]) for finding in report.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, context) -> str:
    return json.dumps(sarif_log(report, list(context.rules)), indent=2, ensure_ascii=False) + "\n"
