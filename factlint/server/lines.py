"""Places in an open article as the editor counts them, and what was last published for it.

Shared by the protocol and the code actions (factlint/server/protocol.py,
actions.py), so neither imports the other.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Callable

from lsprotocol import types

from factlint.findings import Finding

SELECT_COMMAND = "factlint.select"  # selects a suppression's placeholder reason after it is inserted


class Lines:
    """A text's line starts, to turn factlint's places (1-based lines and character
    columns, end column inclusive; offsets into the text) into the client's positions."""

    def __init__(self, text: str, units: Callable[[str], int]) -> None:
        self.text = text
        self.units = units
        self.starts = [0]
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def position(self, line: int, character: int) -> types.Position:
        """Line and column, both 0-based, the column in characters."""
        if line >= len(self.starts):
            return types.Position(line=len(self.starts), character=0)
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        prefix = self.text[start : min(start + character, end)]
        return types.Position(line=line, character=len(prefix) if prefix.isascii() else self.units(prefix))

    def range(self, location: Any) -> types.Range:
        return types.Range(
            start=self.position(location.line - 1, location.column - 1),
            end=self.position(location.end_line - 1, location.end_column),
        )

    def at(self, offset: int) -> types.Position:
        line = bisect_right(self.starts, offset) - 1
        return self.position(line, offset - self.starts[line])

    def span(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.at(start), end=self.at(end))


@dataclass
class Published:
    """What was last published for an open article: the version it was read at, the
    text, and each diagnostic with its finding (for code actions and hover)."""

    version: int | None
    text: str
    pairs: list[tuple[types.Diagnostic, Finding]]
    sent: list[types.Diagnostic]  # the pairs' diagnostics, and the unreadable article's error


def overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (b.start.line, b.start.character) <= (
        a.end.line,
        a.end.character,
    )
