"""``--format junit``: JUnit XML for CI dashboards.

Each article is a test case; each finding in it is a ``<failure>`` whose type
is the rule id, and a file that could not be read is an ``<error>``. Clean
articles appear as passing cases, so the dashboard shows what was checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

import regex

from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.linter import Report

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = regex.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
RUN_CASE = "(factlint run)"


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _failure_body(finding: Finding) -> str:
    loc = finding.location
    lines = [f"{loc.path}:{loc.line}:{loc.column}: {finding.severity} {finding.rule} {finding.message}"]
    if finding.excerpt:
        lines.append(f"    | {finding.excerpt}")
    lines += [f"    = {r.location.path}:{r.location.line}:{r.location.column}: {r.message}" for r in finding.related]
    return "\n".join(lines)


def render(report: Report, context) -> str:
    findings: dict[str, list[Finding]] = defaultdict(list)
    errors: dict[str, list[FactlintError]] = defaultdict(list)
    for finding in report.findings:
        findings[finding.path].append(finding)
    for error in report.errors:
        errors[error.path or RUN_CASE].append(error)
    cases = sorted({*context.paths, *findings, *errors})

    suites = ET.Element("testsuites", name="factlint")
    suite = ET.SubElement(suites, "testsuite", name="factlint")
    for path in cases:
        case = ET.SubElement(suite, "testcase", classname="factlint", name=_xml_text(path), file=_xml_text(path))
        for finding in findings[path]:
            loc = finding.location
            failure = ET.SubElement(
                case,
                "failure",
                type=finding.rule,
                message=_xml_text(f"{loc.line}:{loc.column}: {finding.severity}: {finding.message}"),
            )
            failure.text = _xml_text(_failure_body(finding))
        for error in errors[path]:
            element = ET.SubElement(case, "error", type="factlint-error", message=_xml_text(error.message))
            element.text = _xml_text(str(error))
    totals = {
        "tests": str(len(cases)),
        "failures": str(sum(1 for path in cases if findings[path])),
        "errors": str(sum(1 for path in cases if errors[path])),
        "skipped": "0",
    }
    for element in (suites, suite):
        element.attrib.update(totals)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
