"""Baselines: adopt factlint on an archive, hold only new text to it.

``--write-baseline FILE`` records every current finding by fingerprint;
``--baseline FILE`` drops the findings recorded there. The fingerprint is
the one ``findings.with_fingerprints`` computes (rule, file, normalized
flagged text, occurrence), so a finding keeps it when lines are added or
removed elsewhere in the article. Paths are taken relative to the baseline
file's folder first, so the baseline matches however the articles are named
on the command line (``articles/a.md``, ``./articles/a.md``, from a subfolder).
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from factlint.errors import FactlintError
from factlint.findings import Finding, with_fingerprints

FORMAT_VERSION = 1


def _relative_to(folder: Path, path: str) -> str:
    return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def baseline_fingerprints(findings: Iterable[Finding], baseline_path: str) -> list[tuple[str, Finding]]:
    """Each finding with its fingerprint, computed on paths relative to the baseline."""
    folder = Path(os.path.abspath(baseline_path)).parent
    findings = list(findings)
    relocated = [replace(f, location=replace(f.location, path=_relative_to(folder, f.path))) for f in findings]
    order = sorted(range(len(findings)), key=lambda i: relocated[i].sort_key())
    fingerprinted = with_fingerprints([relocated[i] for i in order])
    result: list[tuple[str, Finding]] = [("", f) for f in findings]
    for position, index in enumerate(order):
        result[index] = (fingerprinted[position].fingerprint, findings[index])
    return result


def write_baseline(findings: Iterable[Finding], path: str) -> int:
    """Record the findings; return how many were written."""
    from factlint.fixes import write_atomically

    folder = Path(os.path.abspath(path)).parent
    entries = [
        {
            "fingerprint": fingerprint,
            "rule": finding.rule,
            "path": _relative_to(folder, finding.path),
            "line": finding.location.line,
            "excerpt": finding.excerpt,
        }
        for fingerprint, finding in baseline_fingerprints(findings, path)
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    document = {"factlint-baseline": FORMAT_VERSION, "findings": entries}
    try:
        write_atomically(path, (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
    except OSError as err:
        raise FactlintError(f"cannot write baseline: {err.strerror}", path) from None
    return len(entries)


def read_baseline(path: str) -> set[str]:
    """The fingerprints a baseline file records."""
    try:
        with open(path, "rb") as handle:
            document = json.loads(handle.read().decode("utf-8"))
    except OSError as err:
        raise FactlintError(f"cannot read baseline: {err.strerror}", path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FactlintError(f"not a factlint baseline (invalid JSON: {err})", path) from None
    if not isinstance(document, dict) or document.get("factlint-baseline") != FORMAT_VERSION:
        raise FactlintError(f"not a factlint baseline (expected 'factlint-baseline: {FORMAT_VERSION}')", path)
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise FactlintError("not a factlint baseline ('findings' must list entries with a 'fingerprint')", path)
    return {entry["fingerprint"] for entry in entries}


def without_baseline(findings: list[Finding], path: str) -> list[Finding]:
    """The findings the baseline does not record: the new ones."""
    known = read_baseline(path)
    return [finding for fingerprint, finding in baseline_fingerprints(findings, path) if fingerprint not in known]
