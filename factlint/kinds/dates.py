"""The ``dates`` kind: weekdays the calendar contradicts, one event given two dates.

Two findings, one rule each (the rule's ``finding`` key):

``weekday``
    A weekday written with an explicit date ("Tuesday, Jan. 6", "on Monday
    (12 May 2025)", "Wed 3/4/2026") that falls on another day. The year is
    the one written with the date; else the article's ``date:`` front matter
    gives it (the date's nearest occurrence to the article's); else the date
    is not checked. A numeric date is read both ways (month first and day
    first) and reported only when neither reading fits.
``disagreement``
    The same event given different dates. "The same event" is what the
    ``locations`` kind calls one: an event class of factlint/data/events.yaml
    (a death, an attack, a crash ...), asserted in a clause with one date,
    in the lead paragraphs of articles of one story. An article that dates it
    differently from two or more others that agree is reported, with them as
    related. Within an article, a timeline entry ("March 14, 2018:") above an
    embedded post dated another day, and the event of the lead dated again,
    differently, where a later sentence refers back to it ("his death on
    April 19"). Relative dates ("yesterday", "on Tuesday", "last Tuesday")
    count only where the article's ``date:`` is known, and only here.

Precision first: a sentence with two dates, a hedged or future clause ("will
be buried on Friday"), another instance of the event ("last year's attack")
and dates further apart than ``max_apart_days`` (another event) are left out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, NamedTuple

from factlint import calendar
from factlint.document import Document, Location
from factlint.findings import Finding, Related
from factlint.kinds.base import Check, Param, register
from factlint.kinds.plan import STORY, Gathered, Group, Plan
from factlint.phrases import LazyPattern, normal, trie_alternation

FINDINGS = ("weekday", "disagreement")
WEEKDAYS = tuple(day.lower() for day in calendar.WEEKDAYS)
_WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTHS = calendar.MONTH_NUMBERS
LEAD_PARAGRAPHS = 3  # "the same event" across articles is dated in the lead

_DAY_NAME = r"(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)"
_MONTH_NAME = trie_alternation(MONTHS)  # "jan", "january", "sept": any form, lowercase
_MONTH = rf"(?P<month>{_MONTH_NAME})"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)(?!\d))?"
_MONTH_DAY = rf"{_MONTH}\.?\s+(?P<day>[0-3]?\d){_ORDINAL}(?![\d:])(?!\s*(?:%|per\s?cent|percent))"
_DAY_MONTH = rf"(?:the\s+)?(?P<day2>[0-3]?\d){_ORDINAL}\s+(?:of\s+)?(?P<month2>{_MONTH_NAME})\b\.?"
_NUMERIC = r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<nyear>(?:19|20)?\d\d)(?![\d/])|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d)"

# A weekday and the date it names: "Tuesday, Jan. 6", "Tuesday 6 January 2026",
# "on Monday (12 May 2025)", "Wed 3/4/2026".
_WEEKDAY_DATE = re.compile(
    rf"(?<![\w-]){_DAY_NAME}\b(?:\.(?=\s|,))?,?\s++(?:(?P<open>\()\s*)?"  # not \s+(\()?\s*: two runs sharing a long blank
    rf"(?:{_MONTH_DAY}{_YEAR}|{_DAY_MONTH}{_YEAR.replace('year', 'year2')}|{_NUMERIC})"
    r"(?(open)\s*\))",
    re.I,
)
# A weekday is capitalised. Each name opens with its capital and asks for a word's start after it (a leading \b
# has the re module try every position of the article; a capital first lets it skip to the capitals).
_WEEKDAY_WORD = re.compile("|".join(rf"{day[0]}(?<!\w{day[0]}){day[1:]}" for day in "Mon Tue Wed Thu Fri Sat Sun MON TUE WED THU FRI SAT SUN".split()))
# A date in running text, for dating events: "on April 18", "18 April 2019", "April 18, 2019".
_DATE = LazyPattern("re", rf"(?<![\w-])(?:{_MONTH_DAY}{_YEAR}|{_DAY_MONTH}{_YEAR.replace('year', 'year2')})", re.I)
_RELATIVE = re.compile(
    rf"(?<![\w-])(?:(?P<yesterday>yesterday)|(?P<today>today)|(?P<last>last\s+)?(?:on\s+)?(?P<rday>{'|'.join(WEEKDAYS)})(?!['’]s)(?:\s+(?:night|morning|evening|afternoon))?)(?![\w-])",
    re.I,
)
_DATELINE_BEFORE = re.compile(rf"\W*(?:{_DAY_NAME}\W*)?", re.I)
_DATELINE_AFTER = re.compile(r"\s+(?:[A-Z][a-z]*\s|\(|[A-Z]{2,})")  # the story starts right after the date: no comma, no stop
# A timeline entry opening a paragraph: "March 14, 2018:".
_TIMELINE = re.compile(rf"\s*{_MONTH_DAY}{_YEAR}\s*[:—–-]\s", re.I)
# An embedded post's credit line and date: "— Name (@handle) March 15, 2018".
_EMBED_DATE = re.compile(rf"\(@\w+\)\s+{_MONTH_DAY}{_YEAR}", re.I)
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–\"“”]|,\s+(?:but|while|whereas|although|though|after|before|when|as)\b|\s-\s")
_ANOTHER_TIME = re.compile(  # the clause dates something else than the event: "a day after", "since", "until"
    r"(?<![\w-])(?:after|before|since|until|till|through|between|from|by|anniversary|ago|later|earlier|"
    r"following|preceding|previous|prior|next|will|would|expected|scheduled|planned|set\s+to|due\s+to)(?![\w-])",
    re.I,
)


class DayDate(NamedTuple):
    """A calendar day; ``year`` is None when neither the text nor the article gives one."""

    year: int | None
    month: int
    day: int

    def agrees(self, other: "DayDate") -> bool:
        if self.year is None or other.year is None:
            return (self.month, self.day) == (other.month, other.day)
        return self == other

    def days_apart(self, other: "DayDate") -> int:
        year = self.year or other.year or 2000
        try:
            a = dt.date(self.year or year, self.month, self.day)
            b = dt.date(other.year or year, other.month, other.day)
        except ValueError:
            return 999
        return abs((a - b).days)

    def written(self) -> str:
        name = dt.date(2000, self.month, 1).strftime("%B")
        return f"{name} {self.day}" + (f", {self.year}" if self.year else "")


def article_date(doc: Document) -> dt.date | None:
    """The article's ``date:`` front matter as a date, or None."""
    value = doc.front_matter.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", value)
        if match:
            try:
                return dt.date(*map(int, match.groups()))
            except ValueError:
                return None
    return None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest(month: int, day: int, around: dt.date) -> dt.date | None:
    """The day's occurrence nearest to ``around`` (the year before, that year or the next)."""
    found = [d for d in (_valid(around.year + shift, month, day) for shift in (-1, 0, 1)) if d is not None]
    return min(found, key=lambda d: abs((d - around).days)) if found else None


def _weekday_number(word: str) -> int:
    word = word.lower().rstrip(".")
    if word.endswith("day"):
        word = word[:-3]
    for stem, number in _WEEKDAY_ABBREVIATIONS.items():
        if word == stem or WEEKDAYS[number].startswith(word):
            return number
    return -1


class WeekdayDate(NamedTuple):
    start: int
    end: int
    weekday: int
    readings: tuple[dt.date, ...]  # what the date can mean (two for 3/4/2026)


def weekday_dates(text: str, around: dt.date | None) -> Iterable[WeekdayDate]:
    """Weekdays written with a date, and the days the date can mean."""
    for day in _WEEKDAY_WORD.finditer(text):  # the full pattern only where a weekday's name starts
        match = _WEEKDAY_DATE.match(text, day.start())
        if match is None:
            continue
        word = match["weekday"]
        if len(word) <= 4 and (not word[0].isupper() or text[max(0, match.start() - 4) : match.start()].lower() == "the "):
            continue  # "sun 3/4", "The Sun, Jan. 5": a newspaper, not a day
        weekday = _weekday_number(word)
        if weekday < 0:
            continue
        readings: list[dt.date] = []
        if match["iy"]:
            readings = [d for d in [_valid(int(match["iy"]), int(match["im"]), int(match["id"]))] if d]
        elif match["a"]:
            year = calendar.full_year(match["nyear"])
            a, b = int(match["a"]), int(match["b"])
            readings = [d for d in {_valid(year, a, b), _valid(year, b, a)} if d]
        else:
            month = MONTHS.get((match["month"] or match["month2"]).lower().rstrip("."))
            day = int(match["day"] or match["day2"])
            year_text = match["year"] or match["year2"]
            if month is None:
                continue
            if year_text:
                readings = [d for d in [_valid(int(year_text), month, day)] if d]
            elif around is not None:
                readings = [d for d in [nearest(month, day, around)] if d]
        if readings:
            yield WeekdayDate(match.start(), match.end(), weekday, tuple(sorted(readings)))


# ---------------------------------------------------------------------------
# Events and their dates (phase one of date-disagreement)
# ---------------------------------------------------------------------------


class DatedEvent(NamedTuple):
    event: str  # event class (factlint/data/events.yaml)
    date: DayDate
    relative: bool  # "yesterday", "on Tuesday": resolved against the article's date
    lead: bool  # in the article's lead paragraphs
    refers_back: bool  # "the attack", "his death": the article's event told before
    location: Location
    excerpt: str
    written: str  # the date as the article writes it


class DatesExtract(NamedTuple):
    events: tuple[DatedEvent, ...]


def _sentence_dates(text: str, start: int, end: int, around: dt.date | None) -> list[tuple[int, int, DayDate, bool]]:
    """The dates of one sentence: (start, end, date, relative)."""
    found: list[tuple[int, int, DayDate, bool]] = []
    for match in _DATE.finditer(text, start, end):
        if _DATELINE_BEFORE.fullmatch(text, start, match.start()) or (
            match.start() - start < 60 and _DATELINE_AFTER.match(text, match.end())
        ):
            continue  # "Monday, July 22, 2013 A man has been charged", "Published: Nov. 28, 2005 A quake": when it was written
        month = MONTHS.get((match["month"] or match["month2"]).lower().rstrip("."))
        day = int(match["day"] or match["day2"])
        year_text = match["year"] or match["year2"]
        if month is None or not 1 <= day <= 31:
            continue
        if year_text:
            year: int | None = int(year_text)
        elif around is not None:
            near = nearest(month, day, around)
            year = near.year if near else None
        else:
            year = None
        found.append((match.start(), match.end(), DayDate(year, month, day), False))
    if around is not None:
        for match in _RELATIVE.finditer(text, start, end):
            if any(s <= match.start() < e for s, e, _, _ in found):
                continue
            if match["yesterday"]:
                day_ = around - dt.timedelta(days=1)
            elif match["today"]:
                day_ = around
            else:
                back = (around.weekday() - WEEKDAYS.index(match["rday"].lower())) % 7
                if match["last"] and back == 0:
                    back = 7
                day_ = around - dt.timedelta(days=back)
            found.append((match.start(), match.end(), DayDate(day_.year, day_.month, day_.day), True))
    return found


def _clause(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The clause of a sentence around ``position``."""
    left, right = start, end
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.end() <= position:
            left = match.end()
        elif match.start() >= position:
            right = match.start()
            break
    return left, right


# ---------------------------------------------------------------------------
# The kind
# ---------------------------------------------------------------------------


@register("dates")
class DatesCheck(Check):
    PARAMS = {
        "finding": Param("choice", None, "what this rule reports", required=True, choices=FINDINGS),
        "events": Param(
            "list[str]", ["attack", "crash", "death", "earthquake", "fire", "ceremony", "admission"],
            "event classes of factlint/data/events.yaml whose dates are compared (one instance per story: "
            "not strikes, protests or talks, which last several days)",
        ),
        "lexicon": Param(
            "dict", {}, "additions to factlint/data/events.yaml, as the locations kind takes them (events: class -> "
            "nouns/verbs), for this rule only",
        ),
        "max_days": Param("int", 7, "articles dated (front matter) more days apart than this are not compared", minimum=0),
        "max_apart_days": Param(
            "int", 6, "two dates of an event further apart than this tell two events, not one misdated", minimum=1,
        ),
        "min_agreeing": Param("int", 2, "articles that must agree on a date before an article differing is reported", minimum=1),
    }
    PLACEHOLDERS = ("match", "event", "date", "other", "weekday", "others")

    def compile(self) -> None:
        self.finding_kind = self.params["finding"]
        self.CROSS_ARTICLE = self.finding_kind == "disagreement"
        if self.CROSS_ARTICLE:
            from factlint.kinds.locations import load_lexicon

            self.lexicon = load_lexicon(self.params["lexicon"])
            unknown = [e for e in self.params["events"] if e not in self.lexicon.classes]
            if unknown:
                raise self.rule.error(f"unknown event classes {unknown} (see factlint/data/events.yaml)", "events")
            self.events = frozenset(self.params["events"])
            from factlint.kinds.locations import _words_regex

            # the compared classes' words only, one pass over the article (the lexicon's own
            # scan reads every class's words)
            compared = [w for w, meaning in self.lexicon.words.items() if meaning.event in self.events]
            self.event_words = {False: _words_regex(compared), True: _words_regex(compared, 0)}

    # -- weekday-mismatch --------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        if self.finding_kind == "weekday":
            yield from self._weekdays(doc)
        else:
            yield from self._timeline(doc)
            extract = self.extract(doc)
            if extract is not None:
                yield from self._within(extract)

    def _weekdays(self, doc: Document) -> Iterable[Finding]:
        around = article_date(doc)
        for found in weekday_dates(doc.text, around):
            if any(reading.weekday() == found.weekday for reading in found.readings):
                continue
            actual = " or ".join(f"{reading:%A}" for reading in found.readings)
            yield self.finding(
                doc, found.start, found.end, weekday=WEEKDAYS[found.weekday].capitalize(),
                date=" or ".join(f"{reading:%B} {reading.day}, {reading.year}" for reading in found.readings), other=actual,
            )

    # -- date-disagreement within an article -------------------------------------
    def _timeline(self, doc: Document) -> Iterable[Finding]:
        """A timeline entry ("March 14, 2018:") above an embedded post dated another day."""
        if "(@" not in doc.text:
            return
        entry: tuple[Any, DayDate] | None = None
        for block in doc.blocks:
            match = _TIMELINE.match(doc.text, block.start, block.end)
            if match:
                entry = (match, self._day(match))
                continue
            post = _EMBED_DATE.search(doc.text, block.start, block.end)
            if post and entry is not None:
                timeline, written = entry
                posted = self._day(post)
                if not written.agrees(posted) and written.days_apart(posted) <= self.params["max_apart_days"]:
                    yield self.finding(
                        doc, timeline.start("month"), timeline.end("day") if not timeline["year"] else timeline.end("year"),
                        related=[Related(doc.locate(post.start("month"), post.end()), f"the post is dated {posted.written()}")],
                        event="timeline entry", date=written.written(), other=f"the post below it is dated {posted.written()}",
                    )
                entry = None

    @staticmethod
    def _day(match: re.Match) -> DayDate:
        year = match["year"]
        return DayDate(int(year) if year else None, MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))

    # -- date-disagreement across a story -----------------------------------------
    def extract(self, doc: Document) -> DatesExtract | None:
        if not self.CROSS_ARTICLE:
            return None
        return doc.memo((self.rule.id, "dated events"), lambda: self._read_events(doc))

    def _read_events(self, doc: Document) -> DatesExtract | None:
        text = doc.text
        plain = text.isascii()  # lowercased ASCII scanned case-sensitively: twice as fast, the same offsets
        scan = self.event_words[plain].finditer(text.lower() if plain else text)
        words = [match.start() for match in scan]  # most articles have none
        if not words:
            return None
        around = article_date(doc)
        found: list[DatedEvent] = []
        for number, block in enumerate(doc.paragraphs):
            lead = number < LEAD_PARAGRAPHS
            for s_start, s_end in block.sentences:
                at = bisect.bisect_left(words, s_start)
                if at < len(words) and words[at] < s_end:
                    found += self._dated_events(doc, s_start, s_end, around, lead)
        return DatesExtract(tuple(found)) if found else None

    def _dated_events(self, doc: Document, start: int, end: int, around: dt.date | None, lead: bool) -> list[DatedEvent]:
        text = doc.text
        dates = _sentence_dates(text, start, end, around)
        if len(dates) != 1:
            return []  # none, or two: which one is the event's cannot be told
        d_start, d_end, date, relative = dates[0]
        left, right = _clause(text, d_start, start, end)
        events: dict[str, tuple[int, int]] = {}
        for match in self.lexicon.event_words(text[left:right]):
            word = self.lexicon.words.get(normal(match.group()))
            if word is None or word.event not in self.events:
                continue
            w_start, w_end = left + match.start(), left + match.end()
            window = self.lexicon.not_events.finditer(text, max(0, w_start - 30), min(len(text), w_end + 30))
            if any(m.start() <= w_start and w_end <= m.end() for m in window):
                continue  # "heart attack", "fire crews", "cease-fire"
            between = text[min(w_end, d_start) : max(w_start, d_end)]
            if _ANOTHER_TIME.search(between.replace(text[d_start:d_end], " ")):
                continue  # "died a day after the attack on April 18": the date is another's
            if self.lexicon.other_instance.search(" ".join(text[left:w_start].split()[-4:])):
                continue  # "last year's attack", "a previous crash"
            events.setdefault(word.event, (w_start, w_end))
        if not events:
            return []
        unhedged = text[left:d_start] + " " + text[d_end:right]  # "May 3" is no hedge
        if self.lexicon.hedges.search(unhedged):
            return []
        out = []
        for event, (w_start, w_end) in sorted(events.items()):
            before = text[max(left, w_start - 12) : w_start].lower().split()
            refers_back = bool(before) and before[-1] in ("the", "his", "her", "their", "its", "this")
            s, e = min(w_start, d_start), max(w_end, d_end)
            out.append(DatedEvent(event, date, relative, lead, refers_back, doc.locate(d_start, d_end),
                                  doc.context(s, e), " ".join(text[d_start:d_end].split())))
        return out

    def plan(self) -> Plan | None:
        if not self.CROSS_ARTICLE:
            return None
        return Plan((Group(STORY, self._across, stories=True),))

    def _within(self, extract: DatesExtract) -> Iterable[Finding]:
        """The lead's event dated again, differently, where a later sentence refers back to it."""
        limit = self.params["max_apart_days"]
        leads: dict[str, DatedEvent] = {}
        for event in extract.events:
            if event.lead and not event.relative:
                leads.setdefault(event.event, event)
        dated: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for event in extract.events:
            dated[event.event].add((event.date.month, event.date.day))
        for event in extract.events:
            first = leads.get(event.event)
            if (first is None or event is first or event.relative or not event.refers_back
                    or len(dated[event.event]) != 2 or event.date.agrees(first.date)
                    or event.date.days_apart(first.date) > limit):
                continue
            yield self.finding_at(
                event.location, event.excerpt,
                related=[Related(first.location, f"dated {first.written} here")],
                match=event.written, event=self._label(event.event), date=event.written,
                other=f"the article dates it {first.written} before", others="",
            )

    def _across(self, group: Gathered) -> Iterable[Finding]:
        """Per event class: the article whose lead date differs from two or more others that agree."""
        extracts: dict[str, DatesExtract] = group.values
        corpus = group.corpus
        if len(extracts) < 3:
            return
        limit, max_days = self.params["max_apart_days"], self.params["max_days"]
        by_event: dict[str, dict[str, DatedEvent]] = defaultdict(dict)
        every: dict[str, dict[str, list[DayDate]]] = defaultdict(lambda: defaultdict(list))
        for path in sorted(extracts):
            for event in sorted(extracts[path].events, key=lambda e: e.relative):  # a date written beats "on Monday"
                every[event.event][path].append(event.date)
                if event.lead:
                    by_event[event.event].setdefault(path, event)
        for event_class, firsts in sorted(by_event.items()):
            if len(firsts) < self.params["min_agreeing"] + 1:
                continue
            for path, mine in sorted(firsts.items()):
                agreeing = [
                    other for other, theirs in firsts.items()
                    if other != path and not theirs.date.agrees(mine.date) and self._close(corpus, path, other, max_days)
                ]
                if not agreeing:
                    continue
                votes = Counter((firsts[o].date.month, firsts[o].date.day) for o in agreeing)
                (month, day), count = votes.most_common(1)[0]
                if count < self.params["min_agreeing"]:
                    continue
                majority = [o for o in agreeing if (firsts[o].date.month, firsts[o].date.day) == (month, day)]
                same = [o for o, theirs in firsts.items() if o != path and theirs.date.agrees(mine.date)]
                if len(same) + 1 >= len(majority):
                    continue  # not the minority
                reference = firsts[majority[0]].date
                if mine.date.days_apart(reference) > limit:
                    continue  # another event of the class, not this one misdated
                if any(d.agrees(reference) for d in every[event_class][path]):
                    continue  # the article tells the others' date too: two events, on purpose
                yield self.finding_at(
                    mine.location, mine.excerpt,
                    related=[Related(firsts[o].location, f"dated {firsts[o].written} here") for o in majority],
                    match=mine.written, event=self._label(event_class), date=mine.written,
                    other=f"{len(majority)} other articles of the story date it {firsts[majority[0]].written}",
                    others=str(len(majority)),
                )

    @staticmethod
    def _close(corpus: Any, path: str, other: str, max_days: int) -> bool:
        a, b = corpus.articles[path].date, corpus.articles[other].date
        if not a or not b:
            return True
        try:
            return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) <= max_days
        except ValueError:
            return True

    def _label(self, event: str) -> str:
        return self.lexicon.classes[event].label
