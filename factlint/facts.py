"""The facts file: figures a newsroom has established, and where they come from.

The ``figures`` rule with ``compare: facts`` holds every article to it. Each
fact says what it is, how to recognize a mention of it, its value or range,
and its source::

    facts:
      - fact: Countries represented at the Coalition of the Willing meeting in Paris, 6 January 2026
        thing: countries                 # the counted thing (synonyms apply: nations)
        keywords: [Coalition of the Willing]   # all of them in the mention's sentence
        value: 35
        source: Elysee Palace statement, 6 January 2026
      - fact: Deaths in the Qeshm island earthquake of 27 November 2005
        thing: people
        verbs: [killed]                  # the event: killed, died, dead ... all count
        keywords: [Qeshm]
        min: 10                          # a range: min and/or max
        source: Iranian state television
      - fact: Ukraine's planned armed forces
        pattern: 'armed forces.{0,60}?(?P<value>\\d[\\d,]*) (?:\\S+ )?troops'   # a regex; the figure is group 'value'
        value: 800000
        tolerance: 0.05                  # relative slack
        source: Draft security guarantee, Berlin

A mention found by ``thing`` must be a plain statement of the figure (not a
part, a plan, a change or background: the same frame reading as the
comparisons); a mention found by ``pattern`` is taken as the newsroom wrote
it. Every mistake in the file is reported as ``path:line: what is wrong``.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol

import regex

from factlint.document import Document, Location
from factlint.errors import FactlintError
from factlint.findings import Finding, Related
from factlint.kinds.scopes import REGEX_TIMEOUT, repeat_problem
from factlint.quantities import Quantity, conflicts, extract_quantities



# What a facts file reads of the figures kind (factlint/kinds/figures.py), which
# loads it: described here, not imported, so that neither module needs the other's.
class Mention(Protocol):
    """A figure and its frame, as the figures kind reads it."""

    quantity: Quantity
    start: int
    end: int
    thing: str | None
    predicate: str | None
    sentence: tuple[int, int]
    excluded: str


class Lexicon(Protocol):
    """The figures kind's lexicon: counted things, event verbs, tolerances."""

    tolerance: dict[str, float]
    event_things: dict[str, tuple[str, str]]
    predicate_of: dict[str, str]

    def thing(self, thing: str | None) -> str | None: ...

    def verb(self, word: str) -> str | None: ...


class FiguresCheck(Protocol):
    """A figures rule: how it shows a figure and reports one."""

    tolerance: float | None
    lexicon: Lexicon

    def shown(self, doc: Document, mention: Any) -> str: ...

    def finding(self, doc: Document, start: int, end: int, related: Iterable[Related] = (), **values: Any) -> Finding: ...


FACT_KEYS = ("id", "fact", "source", "thing", "keywords", "verbs", "pattern", "value", "min", "max", "tolerance", "note")
# Mentions found by their counted thing are skipped for these reasons; a
# date alone ("dated") does not make a sentence about another fact.
_SKIPPED = frozenset({"part", "base", "whole", "hypothetical", "change", "previous", "background"})


@dataclass(frozen=True)
class Fact:
    """One established figure and how to recognize it."""

    name: str
    source: str
    expected: Quantity  # the value or range, as a Quantity (thing set when known)
    shown: str  # the value as the file gives it
    thing: str | None
    keywords: tuple[regex.Pattern, ...]
    verbs: frozenset[str]
    pattern: regex.Pattern | None
    tolerance: float | None
    location: Location  # the fact's entry in the facts file

    def recognizes(self, mention: "Mention", sentence: str) -> bool:
        if self.thing is not None and mention.thing != self.thing:
            return False
        if self.verbs and mention.predicate not in self.verbs:
            return False
        return all(k.search(sentence) for k in self.keywords)


class Facts:
    """A loaded facts file."""

    def __init__(self, path: str, facts: list[Fact]) -> None:
        self.path = path
        self.facts = facts

    def check(self, check: "FiguresCheck", doc: Document, mentions: list["Mention"]) -> Iterator[Finding]:
        sentences = sorted({m.sentence for m in mentions})
        reported: set[tuple[int, int]] = set()
        for fact in self.facts:
            for mention in self._mentions(fact, doc, mentions, sentences):
                if (mention.start, mention.end) in reported:
                    continue
                q = mention.quantity
                if q.kind != fact.expected.kind or q.unit != fact.expected.unit:
                    continue
                tolerance = fact.tolerance
                if tolerance is None:
                    tolerance = check.tolerance if check.tolerance is not None else check.lexicon.tolerance.get(q.kind, 0.0)
                if not conflicts(q._replace(thing="-", role="level"), fact.expected._replace(thing="-"), tolerance):
                    continue
                reported.add((mention.start, mention.end))
                shown = check.shown(doc, mention)
                yield check.finding(
                    doc, mention.start, mention.end, [Related(fact.location, f"the facts file gives {fact.shown}: {fact.name}")],
                    match=shown, thing=mention.thing or fact.thing or "", fact=fact.name, expected=fact.shown,
                    source=fact.source,
                )

    def _mentions(self, fact: Fact, doc: Document, mentions: list["Mention"],
                  sentences: list[tuple[int, int]]) -> Iterator["Mention"]:
        if fact.pattern is None:
            for mention in mentions:
                if mention.excluded in _SKIPPED:
                    continue
                s, e = mention.sentence
                if fact.recognizes(mention, doc.text[s:e]):
                    yield mention
            return
        for s, e in sentences:
            try:
                matches = list(fact.pattern.finditer(doc.text, s, e, timeout=REGEX_TIMEOUT))
            except TimeoutError:
                raise FactlintError(
                    f"the facts file's pattern for {fact.name!r} ({fact.location.path}:{fact.location.line}) took more than "
                    f"{REGEX_TIMEOUT:g} s on the sentence at line {doc.locate(s, e).line}; simplify the pattern", doc.path,
                ) from None
            for match in matches:
                start, end = match.span("value")
                inside = [m for m in mentions if m.sentence == (s, e) and m.quantity.start < end and m.quantity.end > start]
                if not inside:
                    continue
                mention = inside[0]
                if fact.thing is not None and mention.thing != fact.thing:
                    continue
                if all(k.search(doc.text, s, e) for k in fact.keywords):
                    yield mention


def load_facts(path: str | Path, lexicon: "Lexicon") -> Facts:
    """Read and validate a facts file; problems raise FactlintError with path:line."""
    from factlint.yamlio import LineDict, load_yaml_file

    path = Path(path)
    shown = os.path.relpath(path) if path.is_absolute() and _inside_cwd(path) else str(path)  # as errors name it
    if not path.is_file():
        raise FactlintError("facts file does not exist", shown)
    data = load_yaml_file(shown)
    if isinstance(data, LineDict):
        unknown = [k for k in data if k != "facts"]
        if unknown:
            raise FactlintError(f"unknown key {unknown[0]!r} in facts file (it holds 'facts:', a list)", shown,
                                data.line_of(unknown[0]))
        entries = data.get("facts")
        line = data.line_of("facts")
    else:
        entries, line = data, 1
    if entries is None:
        return Facts(shown, [])
    if not isinstance(entries, list):
        raise FactlintError("'facts' must be a list of facts (- fact: ..., value: ..., source: ...)", shown, line)
    facts = []
    previous_line = line
    for entry in entries:
        if not isinstance(entry, LineDict):
            raise FactlintError("each fact must be a mapping with fact, value (or min/max) and source", shown,
                                previous_line + 1)
        facts.append(_fact(entry, shown, lexicon))
        previous_line = max(entry.key_lines.values(), default=entry.line)
    return Facts(shown, facts)


def _inside_cwd(path: Path) -> bool:
    try:
        path.relative_to(Path.cwd())
    except ValueError:
        return False
    return True


def _fact(entry: Any, path: str, lexicon: "Lexicon") -> Fact:
    def fail(message: str, key: str | None = None) -> FactlintError:
        return FactlintError(message, path, entry.line_of(key) if key else entry.line)

    for key in entry:
        if key not in FACT_KEYS:
            raise fail(f"unknown key {key!r} in a fact (keys: {', '.join(FACT_KEYS)})", key)
    for key in ("fact", "source"):
        if key not in entry:
            raise fail(f"a fact needs '{key}' ({'what the fact is' if key == 'fact' else 'where it comes from'})")
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise fail(f"'{key}' must be text", key)
    name = " ".join(entry["fact"].split())
    if "thing" not in entry and "pattern" not in entry:
        raise fail("a fact needs 'thing' (the counted thing) or 'pattern' (a regex) to recognize its mentions")
    thing = None
    implied_verbs: set[str] = set()
    if "thing" in entry:
        if not isinstance(entry["thing"], str) or not entry["thing"].strip():
            raise fail("'thing' must be the counted thing, like 'countries' or 'people'", "thing")
        thing = lexicon.thing(entry["thing"])
        if thing in lexicon.event_things:  # "deaths": people killed
            thing, event = lexicon.event_things[thing]
            implied_verbs.add(event)
    keywords = entry.get("keywords", [])
    if isinstance(keywords, str):
        keywords = [keywords]
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
        raise fail("'keywords' must be a word or phrase, or a list of them", "keywords")
    compiled_keywords = tuple(
        regex.compile(r"(?<!\w)" + r"\s+".join(regex.escape(w) for w in k.split()) + r"(?!\w)", regex.IGNORECASE)
        for k in keywords
    )
    verbs = entry.get("verbs", [])
    if isinstance(verbs, str):
        verbs = [verbs]
    if not isinstance(verbs, list) or not all(isinstance(v, str) and v.strip() for v in verbs):
        raise fail("'verbs' must be a list of event words, like [killed] or [attended]", "verbs")
    verb_keys = set() if verbs else implied_verbs
    for verb in verbs:
        word = verb.strip().lower()
        verb_keys.add(lexicon.predicate_of.get(word) or lexicon.verb(word) or word)
    pattern = None
    if "pattern" in entry:
        if "thing" in entry:
            raise fail("give 'thing' (the counted thing) or 'pattern' (a regex), not both: a pattern says "
                       "where the figure is itself", "pattern")
        if not isinstance(entry["pattern"], str) or not entry["pattern"]:
            raise fail("'pattern' must be a regular expression", "pattern")
        problem = repeat_problem(entry["pattern"])
        if problem:
            raise fail(f"'pattern': {problem}", "pattern")
        try:
            pattern = regex.compile(entry["pattern"], regex.IGNORECASE)
        except (regex.error, MemoryError, OverflowError) as err:
            raise fail(f"'pattern' is not a valid regular expression: {err}", "pattern") from None
        if "value" not in pattern.groupindex:
            raise fail("'pattern' needs a group named value around the figure, like "
                       "'armed forces of (?P<value>[\\d,]+)': without it nothing is compared", "pattern")
    expected, shown = _expected(entry, fail)
    tolerance = entry.get("tolerance")
    if tolerance is not None and (isinstance(tolerance, bool) or not isinstance(tolerance, (int, float))
                                  or not 0 <= tolerance <= 1):
        raise fail("'tolerance' must be a number from 0 to 1 (0.05 is 5%)", "tolerance")
    line = entry.line
    return Fact(name, " ".join(entry["source"].split()), expected._replace(thing=thing), shown, thing,
                compiled_keywords, frozenset(verb_keys), pattern, tolerance, Location(path, line, 1, line, 1))


def _expected(entry: Any, fail: Any) -> tuple[Quantity, str]:
    """The fact's value or range as a Quantity, and as the file shows it."""
    if "value" in entry and ("min" in entry or "max" in entry):
        raise fail("give 'value' or a range with 'min'/'max', not both", "value")
    if "value" in entry:
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise fail("'value' must be a number, or a figure like '$1.2 billion' or '2.5%'", "value")
        if isinstance(value, str):
            found = extract_quantities(value.strip())
            if len(found) != 1 or found[0].role != "level":
                raise fail(f"'value' {value!r} is not one figure (write 35, '1.5 million', '$1.2 billion', '2.5%')",
                           "value")
            return found[0], value.strip()
        return Quantity(0, 0, str(value), float(value), float(value), float(value)), f"{value:,}"
    if "min" not in entry and "max" not in entry:
        raise fail("a fact needs 'value', or 'min' and/or 'max'")
    bounds = []
    for key in ("min", "max"):
        bound = entry.get(key)
        if bound is not None and (isinstance(bound, bool) or not isinstance(bound, (int, float))):
            raise fail(f"'{key}' must be a number", key)
        bounds.append(bound)
    low = float(bounds[0]) if bounds[0] is not None else 0.0
    high = float(bounds[1]) if bounds[1] is not None else math.inf
    if low > high:
        raise fail("'min' is larger than 'max'", "min")
    if bounds[1] is None:
        shown = f"at least {bounds[0]:,}"
    elif bounds[0] is None:
        shown = f"at most {bounds[1]:,}"
    else:
        shown = f"{bounds[0]:,} to {bounds[1]:,}"
    return Quantity(0, 0, shown, low, low, high, "between"), shown
