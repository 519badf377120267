"""``--format html``: one self-contained page an editor can open and read.

A summary by rule and by article, then each article that has findings (or
that a finding points to) line by line: the flagged text highlighted where
it is, a numbered marker at its start, and the message in a note beside the
line, with links to the related places in this or other articles. Styles are
inline and there is no script, font or image to fetch, so the file can be
mailed or archived as it is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from typing import Iterable, Sequence

from factlint import __version__
from factlint.findings import SEVERITY_RANK, Finding
from factlint.kinds.base import Rule
from factlint.linter import Report

SEVERITY_ORDER = ("error", "warning", "info")


@dataclass(frozen=True)
class Span:
    """A stretch of one line: 0-based [start, end) character columns."""

    line: int
    start: int
    end: int


def _spans(lines: Sequence[str], line: int, column: int, end_line: int, end_column: int) -> Iterable[Span]:
    """The per-line pieces of a location (end column inclusive), clipped to the text."""
    for number in range(line, min(end_line, len(lines)) + 1):
        length = len(lines[number - 1])
        start = column - 1 if number == line else 0
        end = end_column if number == end_line else length
        start, end = min(start, length), min(max(end, start), length)
        if end > start or (number == line and length == 0):
            yield Span(number, start, end)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


class _Page:
    """Builds the report; holds the numbering shared by markers, notes and links."""

    def __init__(self, report: Report, rules: Sequence[Rule], sources: dict[str, str], paths: Sequence[str]) -> None:
        self.report = report
        self.rules = {rule.id: rule for rule in rules}
        self.sources = sources
        self.by_path: dict[str, list[Finding]] = defaultdict(list)
        for finding in report.findings:
            self.by_path[finding.path].append(finding)
        related_paths = {r.location.path for f in report.findings for r in f.related}
        everything = sorted({*paths, *self.by_path, *related_paths})
        self.anchor = {path: f"a{n}" for n, path in enumerate(everything, 1)}
        # Most findings first, as in the summary by article; then by path.
        ranked = sorted(everything, key=lambda p: (-len(self.by_path[p]), p))
        self.shown = [p for p in ranked if p in sources and (p in self.by_path or p in related_paths)]
        # Findings are numbered in reading order: section by section, then any not shown.
        in_sections = [f for p in self.shown for f in self.by_path[p]]
        elsewhere = [f for f in report.findings if f.path not in set(self.shown)]
        self.number = {id(finding): n for n, finding in enumerate(in_sections + elsewhere, 1)}
        self.paths = everything

    # -- links -----------------------------------------------------------------
    def line_link(self, path: str, line: int, column: int | None = None) -> str:
        label = f"{path}:{line}" + (f":{column}" if column else "")
        if path in self.shown:
            return f'<a href="#{self.anchor[path]}-L{line}">{escape(label)}</a>'
        return f"<span>{escape(label)}</span>"

    # -- summary -----------------------------------------------------------------
    def header(self) -> str:
        findings = self.report.findings
        by_severity = Counter(f.severity for f in findings)
        parts = [f'<span class="pill sev-{s}">{_plural(by_severity[s], s)}</span>' for s in SEVERITY_ORDER if by_severity[s]]
        total = f"{_plural(len(findings), 'finding')} in {_plural(self.report.files, 'article')}"
        return (
            '<header><h1>factlint report</h1>'
            f'<p class="totals">{total} {" ".join(parts)}</p></header>'
        )

    def rule_summary(self) -> str:
        counts = Counter(f.rule for f in self.report.findings)
        first: dict[str, Finding] = {}
        for finding in self.report.findings:
            first.setdefault(finding.rule, finding)
        ids = sorted({*self.rules, *counts}, key=lambda r: (-counts[r], r))
        rows = []
        for rule_id in ids:
            rule = self.rules.get(rule_id)
            kind = rule.kind if rule else first[rule_id].kind
            severity = rule.severity if rule else first[rule_id].severity
            summary = " ".join(rule.description.split()).split(". ")[0].rstrip(".") + "." if rule else ""
            count = str(counts[rule_id])
            if rule_id in first:
                count = f'<a href="#f{self.number[id(first[rule_id])]}">{count}</a>'
            rows.append(
                f'<tr class="{"" if counts[rule_id] else "quiet"}"><td><code>{escape(rule_id)}</code></td>'
                f"<td>{escape(kind)}</td><td><span class=\"pill sev-{severity}\">{severity}</span></td>"
                f'<td class="num">{count}</td><td class="about" title="{escape(summary)}">{escape(summary)}</td></tr>'
            )
        return (
            '<section id="by-rule"><h2>By rule</h2><table><thead><tr><th>Rule</th><th>Kind</th><th>Severity</th>'
            '<th class="num">Findings</th><th>What it checks</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></section>"
        )

    def article_summary(self) -> str:
        """A row per article with findings; the clean ones folded away (an archive has thousands)."""
        errors = {e.path for e in self.report.errors if e.path}
        rows, clean = [], []
        for path in sorted(self.paths, key=lambda p: (-len(self.by_path[p]), p)):  # the order of the sections
            findings = self.by_path[path]
            name = f'<a href="#{self.anchor[path]}">{escape(path)}</a>' if path in self.shown else escape(path)
            name += " (unreadable)" if path in errors else ""
            if not findings:
                clean.append(f"<li>{name}</li>")
                continue
            counts = Counter(f.severity for f in findings)
            cells = "".join(f'<td class="num">{counts[s] or ""}</td>' for s in SEVERITY_ORDER)
            rows.append(f'<tr><td>{name}</td>{cells}<td class="num">{len(findings)}</td></tr>')
        head = "".join(f'<th class="num">{s.capitalize()}</th>' for s in SEVERITY_ORDER)
        table = (
            f'<div class="scroll"><table><thead><tr><th>Article</th>{head}<th class="num">Total</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>'
            if rows
            else ""
        )
        folded = (
            f'<details class="clean"><summary>{_plural(len(clean), "article")} without findings</summary><ul>{"".join(clean)}</ul></details>'
            if clean
            else ""
        )
        return f'<section id="by-article"><h2>By article</h2>{table}{folded}</section>'

    def problems(self) -> str:
        if not self.report.errors:
            return ""
        items = "".join(f"<li>{escape(str(error))}</li>" for error in self.report.errors)
        return f'<section id="problems"><h2>Not checked</h2><ul>{items}</ul></section>'

    # -- articles ------------------------------------------------------------------
    def article(self, path: str) -> str:
        lines = [line.rstrip("\r") for line in self.sources[path].split("\n")]
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()
        covering: dict[int, list[tuple[Span, Finding]]] = defaultdict(list)
        notes: dict[int, list[Finding]] = defaultdict(list)
        for finding in self.by_path.get(path, []):
            loc = finding.location
            notes[min(loc.line, len(lines))].append(finding)
            for span in _spans(lines, loc.line, loc.column, loc.end_line, loc.end_column):
                covering[span.line].append((span, finding))
        related: dict[int, list[tuple[Span, str]]] = defaultdict(list)
        for finding in self.report.findings:
            for place in finding.related:
                r = place.location
                if r.path == path:
                    for span in _spans(lines, r.line, r.column, r.end_line, r.end_column):
                        related[span.line].append((span, place.message))
        anchor = self.anchor[path]
        rows = []
        for number, text in enumerate(lines, 1):
            body = self._line(text, covering[number], related[number])
            cards = "".join(self._note(f, anchor) for f in notes[number])
            classes = "row" + (" flagged" if covering[number] else "") + ("" if text.strip() else " blank")
            rows.append(
                f'<div class="{classes}" id="{anchor}-L{number}"><a class="ln" href="#{anchor}-L{number}">{number}</a>'
                f'<div class="text">{body}</div><div class="notes">{cards}</div></div>'
            )
        count = len(self.by_path.get(path, []))
        meta = _plural(count, "finding") if count else "no findings here; other articles point to it"
        return (
            f'<article class="doc" id="{anchor}"><h2><code>{escape(path)}</code></h2>'
            f'<p class="meta">{meta} · <a href="#by-article">back to the summary</a></p>'
            f'<div class="lines">{"".join(rows)}</div></article>'
        )

    def _line(self, text: str, flagged: list[tuple[Span, Finding]], related: list[tuple[Span, str]]) -> str:
        """One line of the article with highlights, related-place underlines and markers."""
        if not text and flagged:  # a flagged empty line (a run of blank lines): give the mark a glyph
            text, flagged = "\u00b6", [(Span(span.line, 0, 1), finding) for span, finding in flagged]
        cuts = {0, len(text)}
        for span, _ in [*flagged, *related]:
            cuts.update((span.start, span.end))
        starts: dict[int, list[Finding]] = defaultdict(list)
        for span, finding in flagged:
            if span.line == finding.location.line:
                starts[span.start].append(finding)
        points = sorted(cuts)
        out = []
        for left, right in zip(points, points[1:] + [None]):
            for finding in starts.get(left, []):
                n = self.number[id(finding)]
                out.append(f'<a class="marker sev-{finding.severity}" id="m{n}" href="#f{n}">{n}</a>')
            if right is None:
                break
            piece = escape(text[left:right])
            inside = [f for span, f in flagged if span.start <= left and right <= span.end]
            near = [message for span, message in related if span.start <= left and right <= span.end]
            if near:
                piece = f'<span class="related" title="{escape("; ".join(dict.fromkeys(near)))}">{piece}</span>'
            if inside:
                worst = max(inside, key=lambda f: SEVERITY_RANK[f.severity]).severity
                title = "; ".join(f"{f.rule}: {f.message}" for f in inside)
                piece = f'<mark class="sev-{worst}{" overlap" if len(inside) > 1 else ""}" title="{escape(title)}">{piece}</mark>'
            out.append(piece)
        return "".join(out) or "&#8203;"

    def _note(self, finding: Finding, anchor: str) -> str:
        n = self.number[id(finding)]
        loc = finding.location
        where = f"line {loc.line}" + (f"–{loc.end_line}" if loc.end_line != loc.line else "")
        links = "".join(
            f'<li>{escape(r.message)}: {self.line_link(r.location.path, r.location.line, r.location.column)}</li>'
            for r in finding.related
        )
        related = f'<ul class="see">{links}</ul>' if links else ""
        return (
            f'<div class="note sev-{finding.severity}" id="f{n}"><div class="head"><a class="marker sev-{finding.severity}" '
            f'href="#m{n}">{n}</a> <span class="pill sev-{finding.severity}">{finding.severity}</span> '
            f"<code>{escape(finding.rule)}</code> <span class=\"where\">{where}</span></div>"
            f'<p class="message">{escape(finding.message)}</p>{related}</div>'
        )

    def render(self) -> str:
        articles = "".join(self.article(path) for path in self.shown)
        missing = [p for p in self.by_path if p not in self.sources]
        if missing:  # findings on files whose text was not given: list them plainly
            items = "".join(
                f"<li><code>{escape(f.path)}:{f.location.line}</code> {escape(f.rule)}: {escape(f.message)}</li>"
                for p in missing
                for f in self.by_path[p]
            )
            articles += f'<section id="unshown"><h2>Findings in files not shown</h2><ul>{items}</ul></section>'
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="factlint {__version__}">'
            f"<title>factlint report</title><style>{STYLE}</style></head><body>"
            f"{self.header()}<div class=\"summary\">{self.rule_summary()}{self.article_summary()}</div>"
            f"{self.problems()}<main>{articles}</main>"
            f'<footer>factlint {__version__}</footer></body></html>\n'
        )


def render(report: Report, context) -> str:
    return _Page(report, list(context.rules), dict(context.sources), list(context.paths)).render()


STYLE = """
:root{--error:#b42318;--error-bg:#fee4e2;--warning:#a15c07;--warning-bg:#fef0c7;--info:#175cd3;--info-bg:#d1e9ff;
--ink:#1d2939;--muted:#667085;--line:#eaecf0;--paper:#fff;--related:#7a5af8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 Georgia,"Times New Roman",serif;color:var(--ink);background:#f9fafb}
header,.summary,main,footer,#problems{max-width:1280px;margin:0 auto;padding:0 24px}
header h1{font:600 26px/1.2 system-ui,sans-serif;margin:24px 0 4px}
.totals{font-family:system-ui,sans-serif;color:var(--muted);margin:0 0 16px}
h2{font:600 18px/1.3 system-ui,sans-serif;margin:24px 0 8px}
.summary{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px}
table{border-collapse:collapse;width:100%;background:var(--paper);font:13px/1.4 system-ui,sans-serif;border:1px solid var(--line)}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f2f4f7;font-weight:600}
td code{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.quiet td{color:var(--muted)}
td.about{color:var(--muted);max-width:0;width:45%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#by-article .scroll{max-height:34em;overflow:auto}
#by-article .num{padding-left:4px;padding-right:8px;width:4.2em}
#by-article td:first-child{overflow-wrap:anywhere}
#by-article thead th{position:sticky;top:0}
details.clean{font:13px/1.5 system-ui,sans-serif;color:var(--muted);margin:8px 0}
details.clean ul{columns:2;margin:6px 0;padding-left:18px}
.pill{display:inline-block;font:600 11px/1.6 system-ui,sans-serif;padding:0 7px;border-radius:9px;text-transform:uppercase;letter-spacing:.03em}
.pill.sev-error{background:var(--error-bg);color:var(--error)}
.pill.sev-warning{background:var(--warning-bg);color:var(--warning)}
.pill.sev-info{background:var(--info-bg);color:var(--info)}
article.doc{background:var(--paper);border:1px solid var(--line);border-radius:8px;margin:24px 0;padding:4px 0 8px}
article.doc h2{margin:12px 16px 0}
article.doc .meta{font:13px system-ui,sans-serif;color:var(--muted);margin:2px 16px 10px}
.row{display:grid;grid-template-columns:3.2em minmax(0,1fr) 24em;gap:0 14px;padding:1px 16px 1px 0}
.row.blank .ln{line-height:1.2}
.row.blank .text{padding:0;line-height:.6}
.row:target{background:#f4f3ff}
.ln{font:12px/1.9 ui-monospace,monospace;color:#98a2b3;text-align:right;text-decoration:none;user-select:none}
.text{white-space:pre-wrap;overflow-wrap:anywhere;padding:2px 0}
mark{border-radius:2px;padding:1px 0;color:inherit}
mark.sev-error{background:var(--error-bg);box-shadow:inset 0 -2px var(--error)}
mark.sev-warning{background:var(--warning-bg);box-shadow:inset 0 -2px var(--warning)}
mark.sev-info{background:var(--info-bg);box-shadow:inset 0 -2px var(--info)}
mark.overlap{outline:1px dashed var(--ink)}
.related{text-decoration:underline dotted var(--related) 2px;text-underline-offset:3px}
a.marker{display:inline-block;min-width:1.5em;margin:0 3px 0 1px;padding:0 4px;border-radius:8px;color:#fff;
font:700 11px/1.5 system-ui,sans-serif;text-align:center;text-decoration:none;vertical-align:text-top}
a.marker.sev-error{background:var(--error)} a.marker.sev-warning{background:var(--warning)} a.marker.sev-info{background:var(--info)}
.notes{font:13px/1.45 system-ui,sans-serif}
.note{border-left:3px solid;background:#fcfcfd;border-radius:4px;padding:6px 9px;margin:3px 0 6px;box-shadow:0 1px 2px #1018280f}
.note.sev-error{border-color:var(--error)} .note.sev-warning{border-color:var(--warning)} .note.sev-info{border-color:var(--info)}
.note:target{box-shadow:0 0 0 2px var(--related)}
.note .head code{font-size:12px}
.note .where{color:var(--muted);font-size:12px}
.note .message{margin:4px 0 0}
.note ul.see{margin:4px 0 0;padding-left:16px;color:var(--muted)}
.note ul.see a{color:var(--related)}
#problems li,#unshown li{font:13px system-ui,sans-serif}
footer{color:var(--muted);font:12px system-ui,sans-serif;padding:8px 24px 32px}
@media (max-width:900px){.summary{grid-template-columns:1fr}.row{grid-template-columns:2.6em minmax(0,1fr)}.notes{grid-column:2}}
@media print{body{background:#fff}.row{break-inside:avoid}}
"""
