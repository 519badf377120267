"""A named thing's founding date, as an article tells it: a figure that does not change with time.

"Founded in 1989, SkyMall said ...", "SkyMall, founded in 1989, ...", "The Forest
Service was created in 1905", "Essential Consultants, a company established by
Cohen in October 2016", "Airod, which was set up in 1985, ...": the year (or the
month and year, or "early 2017") in which one named thing was founded,
established, formed, created, set up, launched or incorporated. The figures kind
compares them within an article (figure-mismatch) and across a story's articles
(figure-disagreement); this module reads them and says when two agree.

What it belongs to is the name the participle is told of: the subject of a
passive ("X was founded"), the name an appositive or a participle follows ("X, a
company formed by", "X, founded in"), the main clause's subject after a fronted
participle ("Founded in 1989, X said"), the object of "founded" ("Jobs co-founded
Apple in 1976"). "The company" or "it" is kept unnamed, with the name that opens
the sentence before, and stands for a thing only when that name is one the
articles name a founding of (``resolve``). Precision first, so nothing is read
from: a decade ("in the 1990s"), a range or an alternative ("in 1989-90", "in
1989 or 1990"), a hedge ("about 1990", "believed to have been founded"), a plan
("to be set up in 1987"), another founding ("re-founded"), a quotation (the
speaker's, not the outlet's), a unit named by its owner ("Acme's unit, set up in
1995"), a name after "of" ("a unit of Acme, founded in 1950": which of them?), or
a thing only "the company" names with no name opening the sentence before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Iterator

from factlint.calendar import MONTH_FORMS, MONTH_NUMBERS
from factlint.document import Document, Location
from factlint.phrases import LazyPattern, trie_alternation
from factlint.quotations import pair_quotations

#: Each verb less its first letter (either case): found with str.find, far cheaper than a regex scan of
#: every article; the verb pattern is tried only where one is.
_STEMS = ("ounded", "stablished", "ormed", "reated", "et up", "et\nup", "aunched", "ncorporated")

_MONTH = trie_alternation(sorted(form for forms in MONTH_FORMS for form in forms))
_PART = r"(?P<part>early|late|mid|the\s+(?:early\s+|late\s+)?(?:spring|summer|autumn|fall|winter)\s+of)"
#: The date after the verb: "in 1989", "in October 2016", "in early 2017", "in mid-2016", "in
#: Phoenix in 1989", "by Cohen in October 2016", "on Oct. 5, 2016" (the month is kept, not the day).
_DATE = LazyPattern("re",
    rf"(?:\s+by\s+(?P<by>[^\s,.;:!?\"“”]+(?:\s+[^\s,.;:!?\"“”]+){{0,5}}?))?"
    rf"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+|at\s+)?[A-Z][\w.'’-]*){{0,4}})?"
    rf"\s+(?:in\s+(?:{_PART}(?:-|\s+))?(?:(?P<month>{_MONTH})\.?\s+)?|on\s+(?P<month2>{_MONTH})\.?\s+[0-3]?\d,?\s+)"
    r"(?P<year>1[6-9]\d\d|20\d\d)\b(?![-–/]\d|s\b|'s\b|’s\b|\s+or\s+\d|\s+(?:and|to)\s+\d)")
_VERB = re.compile(r"(?<![\w-])(?:(?P<co>[Cc]o-)?[Ff]ounded|[Ee]stablished|[Ff]ormed|[Cc]reated|[Ss]et\s+up|[Ll]aunched|"
                   r"[Ii]ncorporated)\b")
#: A number among the words after "by" ("1986", "2,000"), where a name may open on a digit ("3M").
_NUMBER = re.compile(r"\d[\d,.]*")
#: Words a fronted participle may open with: "Originally founded in 1989, ...".
_FRONTED_OPENERS = frozenset({"", "originally", "first"})

#: A name: capitalized words, with "of (the)", "and", "&", "for", "de" inside ("Bank of the Philippine Islands").
_WORD = r"(?:[A-Z][\w.'’&-]*|[0-9][\w-]*)"
_NAME = rf"{_WORD}(?:\s+(?:(?:of|and|for|de|du|&)(?:\s+the)?\s+)?{_WORD})*"
_NAME_AT_END = re.compile(rf"(?<![\w'’.&-])({_NAME})\s*$")  # a whole word: not "Phone" of "iPhone"
_NAME_AT_START = re.compile(rf"\s*(?:the\s+)?({_NAME})")
_NAME_AFTER = re.compile(rf"\s+({_NAME})")  # the object of an active verb: "co-founded Apple in 1976"
#: What "the company" or "it" stands for when the sentence before opens with a name.
_GENERIC = (r"(?:[Tt]he\s+(?:[a-z-]+\s+){0,2}(?:company|firm|group|band|retailer|bank|agency|organi[sz]ation|"
            r"network|chain|catalog|catalogue|magazine|newspaper|paper|school|university|show|series|party|club|"
            r"label|studio|charity|foundation|museum|airline|startup|start-up|restaurant|publisher|partnership|"
            r"venture|institute|center|centre|business|brand|website|site)|[Ii]t)")
_GENERIC_AT_END = re.compile(rf"(?:^|[\s(])({_GENERIC})\s*$")
_GENERIC_AT_START = re.compile(rf"\s*{_GENERIC}\b")

#: Subjects before the verb (the text from the sentence's start up to the verb).
_PASSIVE = re.compile(r"(?:,\s+(?:which|that)\s+)?\s*(?:was|were|is|are|has\s+been|have\s+been|had\s+been)"
                      r"\s+(?:originally\s+|first\s+|officially\s+|formally\s+|jointly\s+)?$")
#: "X, a company formed by", "X, the Phoenix-based catalog founded in", "X, an entity formed in".
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:(?:[a-z][\w-]*|[A-Z][\w.]*-based|U\.S\.)\s+){1,5}$")
_BARE = re.compile(r",\s+(?:also\s+|originally\s+)?$")  # "SkyMall, founded in 1989, ...", "Voyager 2, also launched"
#: Words a name after which a bare participle may belong to something before it: "a unit of Acme,
#: founded in 1950" (the unit's or Acme's?), "Kellogg's farm in Three Rivers, founded in 1896".
_OBJECT_OF = re.compile(r"\b(?:of|in|at|from|near|on|for|with|to|by|into|outside|inside|than|between)\s+(?:the\s+)?$")

#: Words before the verb that make the date someone's estimate or a plan.
_HEDGED = re.compile(r"\b(?:reportedly|believed|thought|said\s+to|may\s+have|might\s+have|probably|possibly|"
                     r"allegedly|apparently|supposedly|to\s+be|will\s+be|would\s+be|could\s+be|should\s+be|"
                     r"being|not|never)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
#: Words a sentence opens with that are no name.
_NOT_NAMES = frozenset("""
the a an in on at but and or so yet it its this that these those he she they we i you his her their our my
when while after before since as if though although because however meanwhile also then there here
""".split())
#: A describing word before a name: "Phoenix-based", "Privately-held", "State-owned".
_DESCRIBED = re.compile(r"-(?:based|held|owned|run|listed|controlled|backed|born)$", re.IGNORECASE)
#: Legal forms: "SkyMall Inc" is SkyMall.
_LEGAL = frozenset("inc corp corporation co ltd llc l.l.c plc sa s.a ag nv n.v limited spa s.p.a gmbh bv".split())


@dataclass(frozen=True)
class Founding:
    """One thing's founding date as an article tells it."""

    key: str  # the thing, normalised ("skymall"); "" for "the company" / "it" until resolved
    name: str  # as written ("SkyMall"), or the words that stand for it ("the company")
    antecedent: str  # for "the company" / "it": the name the sentence before opens with, as written
    year: int
    month: int  # 0 when the article gives none
    part: str  # "early", "mid", "late", a season, or ""
    told: str  # "founded in 1990", "formed by Cohen in early 2017"
    date: str  # "1990", "early 2017", "October 2016"
    start: int  # the verb's offset
    end: int  # the year's end
    location: Location
    excerpt: str

    @property
    def fact(self) -> tuple[str, str]:
        """What two founding dates must share to be one fact: the thing, and the event. A company
        founded in 1976 may be incorporated in 1977 and a catalog founded in 1989 launched in 1990:
        incorporation and launch are compared only with their own kind; founded, established,
        formed, created and set up are one."""
        verb = self.told.lower()
        kind = "incorporated" if "incorporated" in verb else "launched" if "launched" in verb else "founded"
        return self.key, kind

    @property
    def thing(self) -> str:
        """The thing's name as the article gives it: its own, or for "the company" the name before."""
        return self.antecedent or self.name

    @property
    def shown(self) -> str:
        """The founding as a message quotes it: "SkyMall founded in 1990"."""
        return f"{self.thing} {self.verb_phrase}"

    @property
    def verb_phrase(self) -> str:
        """"founded in 1990", lowercase however the sentence opens."""
        return self.told[0].lower() + self.told[1:]


def key_of(name: str) -> str:
    """A thing's name as two articles must both give it: lowercase, without "the", a possessive or a
    legal form ("SkyMall Inc." is SkyMall)."""
    words = [w.strip(",.") for w in name.replace("’", "'").split()]
    while words and (words[0].lower() == "the" or _DESCRIBED.search(words[0])):
        words = words[1:]  # "Privately-held GeCAD Software", "Phoenix-based SkyMall"
    while words and words[-1].lower() in _LEGAL:  # stripped of its dot: "Inc." is "inc", "S.A." "s.a"
        words = words[:-1]
    if words and words[-1].lower().endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(words).lower()


#: A season first: "the early fall of 2016" is in the fall, not in early 2016. "The winter of 1989" may
#: be its first months or its last, so it admits the whole year.
_SEASONS = {"spring": (3, 6), "summer": (6, 9), "autumn": (9, 11), "fall": (9, 11), "winter": (1, 12),
            "early": (1, 5), "mid": (4, 9), "late": (8, 12)}


def _months(founding: Founding) -> tuple[int, int]:
    """The months of its year a founding date admits: one month, part of the year, or all of it."""
    if founding.month:
        return founding.month, founding.month
    for word, months in _SEASONS.items():
        if word in founding.part:
            return months
    return 1, 12


def agree(a: Founding, b: Founding) -> bool:
    """Two founding dates that can both be true: one year, and months that overlap ("early 2017" and
    "2017" agree; "October 2016" and "early 2017" do not; "March 2017" and "early 2017" do)."""
    if a.year != b.year:
        return False
    (a_low, a_high), (b_low, b_high) = _months(a), _months(b)
    return a_low <= b_high and b_low <= a_high


def foundings(doc: Document) -> list[Founding]:
    """Every founding date the article's paragraphs tell, in order."""
    text = doc.text
    verbs = _verbs(text)
    if not verbs:
        return []
    out: list[Founding] = []
    sentences = list(doc.sentences())
    starts = [s for s, _e, _b in sentences]
    for verb in verbs:
        k = bisect.bisect_right(starts, verb.start()) - 1
        if k < 0 or verb.start() >= sentences[k][1]:
            continue
        start, end, block = sentences[k]
        founding = _read(doc, verb, start, end, sentences[k - 1] if k > 0 else None)
        if founding is not None and not _quoted(text, block.start, block.end, verb.start()):
            out.append(founding)
    return out


def _verbs(text: str) -> list[re.Match]:
    """The founding verbs of the text, in order: each stem's places, the verb read from its first
    letter ("founded", "Established") or from "co-" before it."""
    found = {}
    for stem in _STEMS:
        at = text.find(stem)
        while at >= 0:
            for start in (at - 1, at - 4):
                verb = _VERB.match(text, start) if start >= 0 else None
                if verb is not None:
                    found[verb.start()] = verb
                    break
            at = text.find(stem, at + len(stem))
    return [found[at] for at in sorted(found)]


def _read(doc: Document, verb: re.Match, start: int, end: int, before: tuple | None) -> Founding | None:
    """The founding the verb at ``verb`` tells, if its frame names a date and a thing."""
    text = doc.text
    date = _DATE.match(text, verb.end(), end)
    head = text[max(start, verb.start() - 200):verb.start()]
    if date is None:
        return _active(doc, verb, start, end)
    if _HEDGED.search(head):
        return None
    if date.group("by") and any(_NUMBER.fullmatch(w) for w in date.group("by").split()):
        return None  # "created by 1986 legislation in 1987", "set up by 200 farmers in 1990": not "by 3M"
    name = _subject(text, head, date.end(), end, verb.group("co") is not None)
    if name is None:
        return None
    return _founding(doc, name, verb.start(), date, before)


def _subject(text: str, head: str, after: int, end: int, co: bool) -> str | None:
    """The words for what was founded: a name, "the company" / "it", or None when the frame names neither."""
    if head.strip().lower() in _FRONTED_OPENERS:
        # "Founded in 1989, SkyMall said": the subject after the participle's clause
        comma = text.find(",", after, end)
        if comma < 0 or comma - after > 160 or any(c in text[after:comma] for c in ";:\"“”"):
            return None
        rest = text[comma + 1:end]
        generic = _GENERIC_AT_START.match(rest)
        if generic:
            return generic.group().strip()
        name = _NAME_AT_START.match(rest)
        return name.group(1) if name and _named(name.group(1), owns_next=rest[name.end():name.end() + 1] != ",") else None
    passive = _PASSIVE.search(head)
    if co and passive is None:
        return None  # "Smith co-founded in 1990 ...": a person ("Apple was co-founded in 1976": the thing)
    if passive:
        subject = head[:passive.start()]
        generic = _GENERIC_AT_END.search(subject)
        if generic and not passive.group().lstrip().startswith(",") \
                and subject[:generic.start(1)].strip() in ("", "And", "But"):
            return generic.group(1)  # "The company was founded in 1989", not "a unit of the company was set up"
        return _name_before(subject, ",which" in passive.group().replace(" ", "") or "that" in passive.group())
    appositive = _APPOSITIVE.search(head)
    if appositive:
        return _name_before(head[:appositive.start()], True)
    bare = _BARE.search(head)
    if bare:
        subject = head[:bare.start()]
        name = _NAME_AT_END.search(subject)
        if name is None or _OBJECT_OF.search(subject, 0, name.start()):
            return None  # "a unit of Acme, founded in 1950": the unit's or Acme's?
        return _name_before(subject, True)
    return None


def _name_before(subject: str, clause: bool) -> str | None:
    """The name that ends ``subject``: the whole subject for a passive ("The Forest Service"), the
    name before the comma for a clause or an appositive."""
    match = _NAME_AT_END.search(subject)
    if match is None:
        return None
    name = match.group(1)
    if not clause:
        opening = subject[:match.start()].strip()
        if opening and opening.lower() not in ("the",):
            return None  # "Sales at Acme were launched" / "the original Innocence Project": not the subject alone
    return name if _named(name, owns_next=False) else None


def _named(name: str, owns_next: bool) -> bool:
    """Whether capitalized words are a thing's name: not an opening word ("But", "In"), not a
    possessive owner ("Apple's iPhone", "Smith's firm": another thing, when ``owns_next``: a noun
    may follow; a name that ends its noun phrase, before a comma or the verb, is one that ends in
    "'s": "McDonald's was founded in 1940"), not a lone initial."""
    words = name.split()
    first = words[0].lower().strip(".,")
    if first in _NOT_NAMES and len(words) == 1:
        return False
    if owns_next and words[-1].endswith(("'s", "’s", "'", "’")):
        return False
    return len(key_of(name)) >= 2


def _active(doc: Document, verb: re.Match, start: int, end: int) -> Founding | None:
    """"Jobs co-founded Apple in 1976", "Cohen established Essential Consultants in October 2016": the
    object, when it is a name and the date follows it."""
    if not verb.group().lower().endswith(("founded", "established")):
        return None
    text = doc.text
    obj = _NAME_AFTER.match(text, verb.end(), end)
    if obj is None or not _named(obj.group(1), owns_next=True):
        return None
    date = _DATE.match(text, obj.end(), end)
    if date is None or date.group("by") or _HEDGED.search(text[start:verb.start()]):
        return None
    return _founding(doc, obj.group(1), verb.start(), date, None)


def _founding(doc: Document, name: str, at: int, date: re.Match, before: tuple | None) -> Founding:
    text = doc.text
    generic = _GENERIC_AT_START.fullmatch(name) is not None
    month_word = date.group("month") or date.group("month2")
    month = MONTH_NUMBERS[month_word.lower()] if month_word else 0
    part = " ".join((date.group("part") or "").lower().split())
    year = int(date.group("year"))
    told = " ".join(text[at:date.end()].split())
    said = " ".join(text[min(date.start(g) for g in ("part", "month", "month2", "year") if date.group(g)):date.end()].split())
    antecedent = _antecedent(text, before) if generic else ""
    return Founding("" if generic else key_of(name), " ".join(name.split()), antecedent, year, month, part, told,
                    said, at, date.end(), doc.locate(at, date.end()), doc.context(at, date.end()))


def _antecedent(text: str, before: tuple | None) -> str:
    """The name the sentence before opens with ("SkyMall filed for bankruptcy."), when it is its
    subject (no possessive: "SkyMall's parent Xhibit ..." opens with another thing)."""
    if before is None:
        return ""
    start, end, _block = before
    match = _NAME_AT_START.match(text, start, end)
    following = text[match.end():match.end() + 1] if match else ""
    if match is None or not _named(match.group(1), owns_next=following != ",") or following in ("'", "’"):
        return ""
    return " ".join(match.group(1).split())


def _quoted(text: str, start: int, end: int, at: int) -> bool:
    """Whether ``at`` lies inside a quotation of the paragraph text[start:end]."""
    if not any(mark in text[start:at] for mark in "\"“”‘`«"):
        return False
    quotes, _open, readable = pair_quotations(text, start, end)
    return not readable or any(q.body_start <= at < q.body_end for q in quotes)


def resolve(items: list[Founding], named: set[str]) -> Iterator[Founding]:
    """The foundings that belong to a named thing: those that name it, and "the company" / "it" when
    the sentence before opens with a name in ``named`` (a thing the articles name a founding of)."""
    for founding in items:
        if founding.key:
            yield founding
        elif founding.antecedent and key_of(founding.antecedent) in named:
            yield replace(founding, key=key_of(founding.antecedent))
