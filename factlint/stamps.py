"""The time stamp a scraped article carries in its text, for copy with no front-matter date.

Web copy keeps the page's stamp at the head of the article: "Updated 5 / 5 / 2010 1:41 PM",
"Wed May 5, 2010 7:12pm BST", "PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM UPDATED: TUESDAY,
MARCH 12, 2013, 9:36 AM", "Published on: Fri, 11 Nov 2011 at 09:56 IST". ``head_stamp(text)``
reads the latest one: the version of the report that is being read. A date counts as a stamp
only where a stamp stands: after a stamp word ("Updated", "Posted", "Published", "Last Updated")
or at the start of a line, in the article's first lines; a date told in a sentence ("on March 11,
2013, police said") is not one.

A time with its zone ("7:12pm BST", "20:09 IST") is turned to UTC; a time with none is taken as
written (``Stamp.zoned`` says which), so two stamps on one day order by their clocks only as well
as the copy tells them; the messages quote both stamps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from factlint import calendar
from factlint.phrases import LazyPattern

#: How far into an article a stamp is looked for: the headline, the stamp lines, the lead.
HEAD_CHARACTERS = 900

_MONTH = r"(?P<month>" + "|".join(sorted(calendar.MONTH_NUMBERS, key=len, reverse=True)) + r")[a-z]*\.?"
_WEEKDAY = r"(?:" + "|".join(day[:3] for day in calendar.WEEKDAYS) + r")[a-z]*\.?,?\s+"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DATES = (
    rf"(?:{_WEEKDAY})?{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # "Wed May 5, 2010", "March 11, 2013"
    rf"(?:{_WEEKDAY})?{_DAY}\s+{_MONTH},?\s+{_YEAR}",  # "Fri, 11 Nov 2011", "28 November 2005"
    r"(?P<first>[01]?\d|[23]\d)\s*/\s*(?P<second>[0-3]?\d)\s*/\s*(?P<numeric_year>(?:19|20)?\d\d)(?!\d)",  # "5 / 5 / 2010"
)
_DATE = LazyPattern("re", "|".join(f"(?:{pattern.replace('?P<', f'?P<g{index}_')})" for index, pattern in enumerate(_DATES)),
                   re.IGNORECASE)
#: Hours from UTC of the zones news pages stamp with.
ZONES = {"gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3, "ist": 5.5, "hkt": 8,
         "sgt": 8, "jst": 9, "aest": 10, "aedt": 11, "et": -5, "est": -5, "edt": -4, "ct": -6, "cst": -6, "cdt": -5,
         "mt": -7, "mst": -7, "mdt": -6, "pt": -8, "pst": -8, "pdt": -7}
_ZONE = r"(?P<zone>\b(?:" + "|".join(ZONES) + r")\b)"
_TIME = re.compile(
    r"\s*(?:,|\||@|at)?\s*(?P<hour>[0-2]?\d):(?P<minute>\d\d)(?::\d\d)?\s*(?P<half>[ap]\.?\s?m\b\.?)?\s*"
    rf"{_ZONE}?", re.IGNORECASE)
#: Where a stamp may start: a line's start, or after a stamp word; the date then opens it, or a clock
#: before the date ("UPDATED 3:09 AM EST Dec 19, 2008", "PUBLISHED: 22:07 GMT, 7 July 2012").
_OPENING = re.compile(r"(?:\A|\n)\s*|\b(?:updated|posted|published|edited\s+time)(?:\s+on)?\s*:?\s*(?:at\s+)?",
                      re.IGNORECASE)
_TIME_BEFORE = re.compile(
    r"(?P<hour>[0-2]?\d):(?P<minute>\d\d)(?::\d\d)?\s*(?P<half>[ap]\.?\s?m\b\.?)?\s*" + _ZONE + r"?\s*,?\s*",
    re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Stamp:
    """When a report was stamped: UTC when ``zoned``, else its clock as written (midnight when it
    gives no time)."""

    when: datetime
    written: str  # as the page writes it, for the messages
    zoned: bool = False
    timed: bool = False

    @property
    def day(self) -> date:
        return self.when.date()


def _date_of(match: re.Match) -> date | None:
    groups = {key.split("_", 1)[1]: value for key, value in match.groupdict().items() if value is not None}
    try:
        if "numeric_year" in groups:
            first, second, year = int(groups["first"]), int(groups["second"]), calendar.full_year(groups["numeric_year"])
            month, day = (first, second) if first <= 12 else (second, first)  # US order unless it cannot be
            return date(year, month, day)
        return date(int(groups["year"]), calendar.MONTH_NUMBERS[groups["month"].lower()], int(groups["day"]))
    except (ValueError, KeyError):
        return None


def _clock(match: re.Match | None) -> tuple[timedelta, bool] | None:
    """A time of day as hours since midnight UTC (or as written), and whether a zone was given."""
    if match is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    half = (match.group("half") or "").lower()[:1]
    if hour > 23 or minute > 59 or (half and not 1 <= hour <= 12):
        return None
    hour = hour % 12 + 12 if half == "p" else hour % 12 if half == "a" else hour
    zone = ZONES.get((match.group("zone") or "").lower())
    offset = timedelta(hours=zone) if zone is not None else timedelta()
    return timedelta(hours=hour, minutes=minute) - offset, zone is not None


def head_stamp(text: str) -> Stamp | None:
    """The latest time stamp at the head of an article, or None. Only where a stamp may start is a date
    tried (a few places a head), so an article's own dates cost nothing."""
    head = text[:HEAD_CHARACTERS]
    found: list[Stamp] = []
    for opening in _OPENING.finditer(head):
        before = _TIME_BEFORE.match(head, opening.end())
        match = _DATE.match(head, before.end() if before else opening.end())
        if match is None:
            continue
        day = _date_of(match)
        if day is None:
            continue
        after = _TIME.match(head, match.end())
        clock, start, end = _clock(after), match.start(), after.end() if after else match.end()
        if clock is None:  # a clock before the date, or none
            clock, end = _clock(before), match.end()
            start = before.start() if clock else match.start()
        written = " ".join(head[start:end].split())
        offset, zoned = clock if clock else (timedelta(), False)
        found.append(Stamp(datetime(day.year, day.month, day.day) + offset, written, zoned, clock is not None))
    return max(found) if found else None
