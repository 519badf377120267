"""The one error type the CLI turns into exit code 2 and a single stderr line."""

from __future__ import annotations


class FactlintError(Exception):
    """A problem with input, configuration or a rule file, located where possible."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
