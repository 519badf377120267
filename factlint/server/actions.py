"""Code actions: the fixes factlint knows as quick fixes, and silencing a finding with a reason."""

from __future__ import annotations

from typing import Any, Protocol

from lsprotocol import types

from factlint.findings import Finding
from factlint.server import edits
from factlint.server.lines import SELECT_COMMAND, Lines, Published, overlaps


class _Server(Protocol):
    """What the actions read of the server (factlint/server/protocol.py)."""

    def _units(self, text: str) -> int: ...


def code_actions(ls: _Server, uri: str, published: Published, wanted: types.Range, path: str) -> list[types.CodeAction]:
    """The actions for the findings whose diagnostics touch ``wanted``, in the text they were found in."""
    lines = Lines(published.text, ls._units)
    doc = _parsed(path, published.text)
    actions: list[types.CodeAction] = []
    silenced: set[str] = set()
    for diagnostic, finding in published.pairs:
        if not overlaps(diagnostic.range, wanted):
            continue
        for fix in finding.fixes:
            actions.append(_edit_action(uri, lines, diagnostic, _fix_title(published.text, fix), [fix], preferred=True))
        for suggestion in finding.suggestions:
            actions.append(_edit_action(uri, lines, diagnostic, _fix_title(published.text, suggestion), [suggestion]))
        if finding.rule in silenced or doc is None:
            continue
        silenced.add(finding.rule)
        actions += _silencing(ls, uri, lines, doc, diagnostic, finding)
    return actions


def _parsed(path: str, text: str) -> Any:
    from factlint.document import parse_document
    from factlint.errors import FactlintError

    try:
        return parse_document(path, text.encode("utf-8"))
    except FactlintError:
        return None


def _fix_title(text: str, edit: tuple[int, int, str]) -> str:
    start, end, replacement = edit
    before = " ".join(text[start:end].split())
    shown = before if len(before) <= 50 else before[:47] + "..."
    if not replacement:
        return f"Remove '{shown}'"
    return f"Replace '{shown}' with '{replacement}'"


def _edit_action(
    uri: str, lines: Lines, diagnostic: types.Diagnostic, title: str, changes: list[tuple[int, int, str]], preferred: bool = False
) -> types.CodeAction:
    text_edits = [types.TextEdit(range=lines.span(start, end), new_text=replacement) for start, end, replacement in changes]
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: text_edits}),
    )


def _silencing(
    ls: _Server, uri: str, lines: Lines, doc: Any, diagnostic: types.Diagnostic, finding: Finding
) -> list[types.CodeAction]:
    """'Silence with a reason': the comment before the paragraph (Markdown, HTML), the
    front matter entry for the whole article (Markdown, plain text)."""
    rule = finding.rule
    found: list[tuple[str, tuple[int, int, str], tuple[int, int]]] = []
    if doc.format in ("markdown", "html"):
        offset = lines.starts[finding.location.line - 1] + finding.location.column - 1
        edit, reason = edits.ignore_comment(doc, offset, rule)
        found.append((f"Silence {rule} in this paragraph, with a reason", edit, reason))
    if doc.format in ("markdown", "text"):
        listed = doc.front_matter.get("factlint")
        existing = listed.get("ignore") if isinstance(listed, dict) else None
        existing = [existing] if isinstance(existing, str) else existing if isinstance(existing, list) else []
        edit, reason = edits.front_matter_ignore(doc.source, rule, [r for r in existing if isinstance(r, str)])
        found.append((f"Silence {rule} in this article (front matter), with a reason", edit, reason))
    actions = []
    for title, edit, reason in found:  # the reason's span is in the text after the edit
        action = _edit_action(uri, lines, diagnostic, title, [edit])
        after = Lines(lines.text[: edit[0]] + edit[2] + lines.text[edit[1] :], ls._units)
        action.command = types.Command(title="Select the reason", command=SELECT_COMMAND, arguments=[uri, after.span(*reason)])
        actions.append(action)
    return actions
