"""Output formats. Each module renders a Report to one string."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # the CLI imports this module for FORMATS before it knows it will lint
    from factlint.kinds.base import Rule
    from factlint.linter import Report

FORMATS = {
    "text": "factlint.formatters.text",
    "json": "factlint.formatters.json_format",
    "sarif": "factlint.formatters.sarif",
    "github": "factlint.formatters.github",
    "junit": "factlint.formatters.junit",
    "html": "factlint.formatters.html",
}


@dataclass
class RenderContext:
    """What a formatter may need besides the findings."""

    rules: Sequence[Rule] = ()
    color: bool = False
    show_stories: bool = False
    sources: dict[str, str] = field(default_factory=dict)  # path -> file text, for reports that show articles
    paths: Sequence[str] = ()  # every article checked, for reports with an entry per file


def render(name: str, report: Report, context: RenderContext) -> str:
    module = importlib.import_module(FORMATS[name])
    return module.render(report, context)
