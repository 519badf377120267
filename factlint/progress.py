"""A progress bar on stderr for long runs at a terminal, and nowhere else.

Nothing is drawn when stderr is not a terminal (piped, redirected, a CI
log), when ``CI`` is set or ``TERM`` is ``dumb``, nor during the first
second: short runs (the usual pre-commit hook) never flicker.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Iterable, Iterator, TypeVar

T = TypeVar("T")
DELAY_SECONDS = 1.0
REDRAW_SECONDS = 0.1
WIDTH = 30


def wanted(stream: IO[str]) -> bool:
    """Is this an interactive terminal where a redrawn line is welcome?"""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Counts articles as they are read; draws once the run proves long."""

    def __init__(self, total: int, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = wanted(self.stream)
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.drawn = False

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Yield the items, counting each as finished when the next is asked for."""
        for item in items:
            yield item
            self.done += 1
            self._draw("reading")
        self._draw("comparing articles", force=True)

    def advance(self, count: int) -> None:
        """Count ``count`` more articles finished (an engine that hears of them in batches)."""
        self.done = min(self.total, self.done + count)
        if self.done == self.total:
            self._draw("comparing articles", force=True)
        else:
            self._draw("reading")

    def _draw(self, phase: str, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < DELAY_SECONDS or (not force and now - self.drawn_at < REDRAW_SECONDS):
            return
        filled = WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(f"\r\x1b[Kfactlint [{bar}] {self.done}/{self.total} articles, {phase}")
        self.stream.flush()
        self.drawn_at = now
        self.drawn = True

    def close(self) -> None:
        """Erase the bar so the report starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
