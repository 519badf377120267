"""Reading the Reuters-21578 stories for the benchmarks: one place for the corpus path and its dates.

The scripts in bench/ import it as a sibling module (they are run as files).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

REUTERS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_STAMP = re.compile(r"\s*(\d+)-([A-Z]{3})-(\d{4})\s+(\d+):(\d+):(\d+)")


def iso_date(raw: str) -> str:
    """'26-FEB-1987 15:01:01.79' as '1987-02-26T15:01:01'; a few stamps are malformed, keep their day."""
    match = _STAMP.match(raw)
    if not match:
        return raw.strip()
    day, month, year, hour, minute, second = match.groups()
    time_of_day = f"T{int(hour):02d}:{minute}:{second}" if int(hour) < 24 else ""
    return f"{year}-{_MONTHS[month]:02d}-{int(day):02d}{time_of_day}"


def stories(corpus: Path = REUTERS, limit: int | None = None) -> Iterator[tuple[str, str, dict]]:
    """(file name, ISO date, story) for each story with a body, in corpus order."""
    yielded = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            if not (story.get("body") or "").strip():
                continue
            yield f"{int(story['newid']):05d}.txt", iso_date(story["date"]), story
            yielded += 1
            if limit and yielded >= limit:
                return
