"""Reading a figure in context: the frame that says which fact it states.

A matching counted thing is not enough to say two figures state the same
fact: in real reporting "captured 23 pirates" and "an estimated 1,500
pirates based in Somalia", "12 magazines seized in this operation" and "31
magazines seized so far" all count the same thing and are all right. So
every figure of an article (factlint.quantities) gets a *frame* read from
its clause, and factlint.figure_matching compares figures by their frames:

- the counted thing, after the lexicon's synonyms ("10 deaths" and "the
  death toll rose to 10" count people killed; cars are vehicles);
- the event or relation that governs it: the verb before it ("killing 10
  people") or after it ("10 people were killed", "118 crew on board"),
  grouped by the lexicon (killed, died, dead);
- what it belongs to: a named subject ("Klitschko landed ..."), a named place
  or party after it ("loans to Brazil"), the noun a compound figure
  modifies ("a 14-car pileup") or the thing that did it ("the index fell
  900 points"), a label ("Running time: 101 min.");
- its scope: "so far", "a total of", "last season", "in the quarter", a
  weekday or a date;
- whether it is a part, an increment, a plan, a rate or background, which
  keeps it out of the comparisons by frame ("including 27 heads of state",
  "expected to expand to 800,000 troops", "0.88 ounce per ton", "In
  February, a gunman killed five people");
- the words around it, for telling the same sentence in two versions of a
  story apart from a paraphrase.

One pass of factlint.quantities over the article, each lexicon pattern run
once over its lowercased text, and the frame read from a few tokens around
each figure.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterable

from factlint import calendar
from factlint.document import Document
from factlint.phrases import trie_alternation
from factlint.quantities import Quantity, canonical_thing, extract_quantities, specific_value

LEXICON_PATH = os.path.join(os.path.dirname(__file__), "data", "figures.yaml")
COMPARISONS = ("within", "across", "changes", "facts", "ages")
LIST_KEYS = ("parts", "scopes", "rates", "increments", "hypothetical", "background", "generic_verbs", "transparent",
             "instance_nouns", "directions", "growing", "static")
MAP_KEYS = ("synonyms", "predicates", "implied_things", "event_things", "tolls", "verb_forms", "tolerance",
            "qualifiers")
LEXICON_KEYS = LIST_KEYS + MAP_KEYS

#: Why a figure is one piece of a breakdown: a part ("including 27 heads of state"), one of several
#: ("five other bank workers"), the value another is set against ("less than the 3.85 mln hectares"),
#: the whole a part is taken of ("28 of his 68 punches"). A paragraph that has one gives parts only.
PARTED = frozenset({"part", "split", "base", "whole"})
# A clause ends at these; commas too, which keeps frames local.
_CLAUSE_BREAK = frozenset(";:()[]\"“”—–,?!")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d|[^\s\w]")  # re: faster here
# Where a scope's clause ends: "so far" in another clause is another figure's.
_SCOPE_BREAKS = ";:(“”\"—"
_SCOPE_BREAKS_AFTER = _SCOPE_BREAKS + ")"
_NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
million billion dozen dozens hundreds thousands millions some many most all none each both several few
any half majority minority part
""".split())
_DETERMINERS = frozenset("the a an its their his her our my your all some about".split())
_PREPOSITIONS = frozenset("""
with to by for from in on at into onto over under between among against after before during since
until without within via per than as about around of
""".split())
# Capitalized words that open sentences without naming anyone.
_NOT_NAMES = frozenset("""
the a an he she it they we i you this that these those his her their its our my there here it's
""".split())
_AUXILIARIES = frozenset("""
is are was were be been being have has had also reportedly allegedly apparently all now later
initially still then already both who that which
""".split())
_MODALS = frozenset("would could might may will shall should must can wo".split())
# Words after a bare figure that leave it counting the event's victims ("killed 10 in Iran").
_AFTER_BARE_FIGURE = frozenset("and or in on at near after as when during while across".split())
# A sentence about another member of a set: "Another group ... received 11.5 pct".
_ANOTHER_START = re.compile(
    r"\s*[\"“]?(?:Another|Other|A\s+(?:second|third|fourth|fifth|further)|The\s+(?:other|remaining|rest|second|third|fourth))\b")
_CONJUNCTS = frozenset("and but while whereas".split())  # a name after one is the next conjunct's (_complement)
_PERSONAL_PRONOUNS = frozenset("he she they we i you".split())
# Part words that split a figure into pieces ("the remaining one mln shares").
_SPLIT_WORDS = frozenset("other others another remaining rest additional extra further".split())
_DIGIT_OR_CURRENCY = frozenset("0123456789$€£¥₹")
#: Characters a word may not follow (``_starts``): a word character, or also an apostrophe or hyphen.
NOT_AFTER_WORD = r"\w"
NOT_AFTER_NAME = r"[\w'’-]"


def _starts(words: Iterable[str], not_after: str, whole: dict[str, str] | None = None,
            spaces: dict[str, str] | None = None) -> str:
    """``(?:...)`` matching any of ``words`` where the character before is not ``not_after``
    (a regex class), as a prefix tree. Each branch opens with its literal first character
    and checks the character before it only then: a scan skips to the characters that can
    start a match (a lookbehind or ``\\b`` first makes it try every position, 3-4 times the
    cost). ``whole``: words given as their own pattern; ``spaces``: trie_alternation's."""
    whole = whole or {}
    by_first: dict[str, list[str]] = defaultdict(list)
    for word in words:
        by_first[word[0]].append(word)
    branches = []
    for first, group in sorted(by_first.items()):
        char = re.escape(first)
        rests = [w[1:] for w in group if w not in whole]
        own = [whole[w][len(char):] for w in group if w in whole]  # each starts with its first character
        tails = ([trie_alternation(rests, spaces)] if rests else []) + own
        tail = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
        branches.append(f"{char}(?<!{not_after}{char}){tail}")
    return "(?:" + "|".join(branches) + ")"


# Periods that scope a figure: "in the quarter", "in the nine months", "in 54 games", "in 1986".
_PERIOD = re.compile(  # in lowercased text
    rf"{_starts(('in', 'during', 'for', 'over', 'through', 'throughout'), NOT_AFTER_WORD)}\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:(?:first|second|third|fourth|final|latest|last|past|next|previous|same|current|fiscal|calendar|opening|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+){0,2}"
    r"(?:quarters?|months?|years?|half|halves|period|weeks?|days?|seasons?|games?|matches|operations?|innings|"
    r"rounds?|raids?|races?|starts?|nights?)\b"
    rf"|{_starts(('in', 'for', 'during'), NOT_AFTER_WORD)}\s+(?:fiscal\s+|calendar\s+)?(?:19|20)\d\d\b",
)
_NEGATIONS = frozenset("not no never neither nor".split())
_NON_VERBS = frozenset("""
red bed need speed seed hundred shed during including according morning evening building thing king
ring wedding nothing something everything anything spring string sibling ceiling darling pudding
shilling lightning ending ongoing upcoming outstanding following remaining
""".split())
# Words between a toll and its figure: "the death toll has risen to 12".
# How far before its figure a toll phrase is looked for ("the death toll has risen to" and more).
_TOLL_REACH = 200
_TOLL_LINKS = ("rose|risen|rises|climbed|climbs|jumped|increased|stood|stands|reached|reaches|hit|hits|is|was|"
               "has|had|have|now|officially|at|to|of|was put at|put at")
_PRONOUN_START = re.compile(r"\s*[\"“]?(?:It|They|He|She|This|That|These|Those|Its|Their)\b")
#: Capitalized words that name no one.
_PRONOUNS = frozenset("he she it they we i you this that these those who".split())
_WEEKDAYS = re.compile(
    _starts(calendar.WEEKDAYS, NOT_AFTER_WORD) + r"\b")
_MONTHS = "|".join([*calendar.MONTHS, *(short + (r"\." if short in calendar.DOT_REQUIRED else r"\.?")
                                        for short in calendar.MONTH_ABBREVIATIONS)])  # "Mar." only with its dot
# "February 22", "22 Feb": a date a figure may belong to ("arrivals in the week ended February 22")
_MONTH_DAY = re.compile(rf"\b(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}})(?!\d)|(?P<d2>\d{{1,2}})\s+(?=[ADFJMNOS])(?P<m2>{_MONTHS}))(?![\w])")
_MONTH_HINT = re.compile("(?:" + "|".join(month[:3] for month in calendar.MONTHS) + ")")
# A wire dateline before the date: "LA PAZ, March 23 - "
_DATELINE = re.compile(r"\s*(?:[A-Z][A-Za-z.'’]*[ ,/-]*){1,4}\s*,?\s*$")
# Words after a figure that start another figure's clause: "79,516,753 gallons versus 76,919,119 last year"
_CONTRAST = re.compile(r"\s(?:while|whereas|versus|vs\.?|against|compared\s+(?:with|to)|from)\s")
#: A name after "from" says where a sum came from, not the value it is set against ("has received 13.7
#: billion dlrs from the World Bank since 1968" / "rose to 3.14 dlrs from 3.04", "from March's 3.04").
_SOURCE_NAME = re.compile(rf"(?:the\s+)?(?!(?:{_MONTHS})\b)[A-Z][a-z]")
_WHILE = re.compile(r"\s(?:while|whereas)\s")
#: A second clause that reports: "began their first strike for 25 years and union leaders say they have
#: idled 208 ships" (the first clause's period is not the figure's).
_AND_SAY = re.compile(r"\s(?:and|but)\s+(?:[\w'’-]+\s+){0,3}?(?:say|says|said)\s")
# A field label opening a sentence: "Running time: 101 min.", "Population: 1,200".
_LABEL = re.compile(r"\s*([A-Z][a-z]+(?: [a-z]+){0,2}):\s")
#: A sum paid to someone, told in the passive ("Ross was reportedly paid $3 million", "who ended up being
#: paid $3 million"): the pay, as "a $12 million salary" names it.
_PAID = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?paid\s+(?:a\s+|an\s+)?$", re.IGNORECASE)
#: Who was paid: the name before the passive, or before ", who" ("Ross, who ended up being paid").
_PAYEE = re.compile(r"\b([A-Z][\w'’-]+)(?:,\s+who\b[^,.;]{0,40}?)?\s+(?:\w+ly\s+)?$")
#: A sum paid for a counted lot: "3.8 billion pesos [in cash] for [the] 38 mln shares" (not "for each of").
_FOR_LOT = re.compile(r"\s+(?:in\s+cash\s+)?for\s+(?:the\s+)?", re.IGNORECASE)
#: Words after a lot's count that are not what it counts.
_NOT_LOT_THINGS = _PREPOSITIONS | _DETERMINERS | frozenset("and or nor but".split())
#: What a lot's count belongs to: the price paid for it ("for the 41 mln shares" after "3.8 billion pesos").
PRICED = "priced at "
#: The lot's counted thing after its count, past up to three capitalized words ("38 mln San Miguel shares").
_LOT_THING = re.compile(r"(?:\s+[A-Z][\w'’.-]*){0,3}\s+([a-z]+)")
_UNIT_AFTER = re.compile(r"\s*-?\s*[A-Za-z]+(?:\s+(?:miles?|metres?|meters?|feet|foot|kilometres?|kilometers?))?\.?")
_CONTEXT_SIZE = 6  # words each side of a figure kept to tell the same sentence in two versions of a story
_CONTEXT_SKIP = frozenset("""
, ; : ( ) [ ] " “ ” ' ‘ ’ — – - . < > the a an per
""".split())
# "a week ago", "a year earlier": a time, not a rate
_AGO = re.compile(r"\s+(?:ago|earlier|later|before|after)\b")
#: A span of an event still going on, told as the time that has passed ("after eight days of riots",
#: "four days into the strike"): it grows with each report, so it says when a report was written.
_ELAPSED_UNITS = frozenset({"day", "night", "week", "month"})
_ELAPSED_AFTER = re.compile(r"\bafter\s+$")  # in lowercased text, up to the figure
_ELAPSED_OF = re.compile(r"\s+of\s+\w")
_ELAPSED_INTO = re.compile(r"\s+into\s+\w")
#: An index named for an average is no rate: "the Dow Jones industrial average fell 900 points".
_INDEX_NAME = re.compile(r"(?:industrial|jones|nikkei|stock)\s+$")
# A capitalized word inside a sentence (or after a wire dateline): a name.
_NAME_WORD = re.compile(r"[a-z0-9,;'’\"“)-] ([A-Z][a-z][A-Za-z'’-]+)")  # the name is group 1
# Capitalized words that do not say which story an article tells.
_NOT_STORY_NAMES = frozenset("""
the this that these those his her its their our said says reuters inc corp corporation co company ltd plc
group mln bln dlrs
""".split()) | calendar.lowered(calendar.MONTHS, calendar.MONTH_ABBREVIATIONS, calendar.WEEKDAYS)
# Capitalized words that open sentences without naming what they are about.
_OPENING_WORDS = frozenset("""
in on at but and or as if when while after before since during last total under about some many most
officials police analysts sources traders dealers earlier later meanwhile however also yesterday today
""".split())
# Words before a verb that are not the thing that did it.
_NOT_AGENTS = frozenset("""
the a an this that these those it its there here which who what when where and or but also then than as
people person one ones some many most all none each both several few who whom
""".split())
_DATE_MARK = re.compile(  # month names as a prefix tree: much cheaper to scan for than an alternation
    _starts([*calendar.MONTHS, *"Jan. Feb. Aug. Sept. Oct. Nov. Dec. 19 20".split()], NOT_AFTER_WORD,
            {"May": r"May(?=\s+\d)", "19": r"19\d\d", "20": r"20\d\d"}) + r"\b"
)


#: What tells one event of a kind from another of that kind, told with it: a quake's magnitude ("a
#: magnitude-5.2 quake", "A 5.6 magnitude earthquake", "measuring 5.6 on the Richter scale", "puts the
#: magnitude at 6. 1"), a contract's length ("a seven-year, $161-million deal", "an eight - year, $200MM deal").
_MAGNITUDE = re.compile(
    r"magnitude(?:\s+(?:at|of))?[\s-]+(\d(?:\.\s?\d)?)(?!\.?\d)|(?<![\d.])(\d\.\s?\d)(?:[\s-]+magnitude|\s+on\s+the\s+richter)",
    re.IGNORECASE)
_TERM_WORDS = {w: float(n) for n, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_TERM = re.compile(rf"(?<![\w-])({'|'.join(_TERM_WORDS)}|\d{{1,2}})\s*-\s*year\s*,\s*\$", re.IGNORECASE)


def event_marks(text: str) -> frozenset[tuple[str, float]]:
    """A paragraph's marks of its event: ("magnitude", 5.2), ("term", 7.0). Two figures whose paragraphs
    mark their events otherwise are of two events of one kind (Qeshm's quakes of Sunday and Monday; two
    players' contracts), however alike their frames."""
    if "agnitude" not in text and "ichter" not in text and "year" not in text:
        return frozenset()  # most paragraphs: no scan
    found = set()
    for match in _MAGNITUDE.finditer(text):
        found.add(("magnitude", float((match.group(1) or match.group(2)).replace(" ", ""))))
    for match in _TERM.finditer(text):
        word = match.group(1).lower()
        found.add(("term", _TERM_WORDS[word] if word in _TERM_WORDS else float(word)))
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude base form: killed, kills, killing -> kill; seized, seize -> seiz (a news vocabulary
    is small: each word is worked out once)."""
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # nabbed -> nab
    return w


_ANY_SPACES = {" ": r"\s+"}  # a phrase's words may be apart by any run of spaces


def _phrases_regex(phrases: Iterable[str]) -> re.Pattern | None:
    """Whole words or phrases, matched in lowercased text."""
    words = {" ".join(p.lower().split()) for p in phrases if p.strip()}
    if not words:
        return None
    return re.compile(rf"{_starts(words, NOT_AFTER_NAME, spaces=_ANY_SPACES)}(?![\w'’-])")


def context_words(tokens: list, k: int, step: int) -> tuple[str, ...]:
    """Up to _CONTEXT_SIZE words from tokens[k] outward (step -1: leftward), as stems, a number as "#";
    punctuation and articles are left out, so "the state corporation, Comibol" is "state corporation comibol"."""
    out: list[str] = []
    n = len(tokens)
    while 0 <= k < n and len(out) < _CONTEXT_SIZE:
        word = tokens[k][0]
        k += step
        lower = word.lower()
        if lower in _CONTEXT_SKIP:
            continue
        out.append("#" if word[0].isdigit() else _stem(lower))
    return tuple(out)


def _dates(chunk: str) -> frozenset[str]:
    """The days a sentence names ("the week ended February 22"), its wire dateline left out."""
    if _MONTH_HINT.search(chunk) is None:
        return frozenset()
    found = set()
    for match in _MONTH_DAY.finditer(chunk):
        if not _DATELINE.match(chunk, 0, match.start()):
            month = (match.group("m1") or match.group("m2"))[:3].lower()
            found.add(f"{month} {int(match.group('d1') or match.group('d2'))}")
    return frozenset(found)


def opener(tokens: list) -> str | None:
    """The name a sentence opens with, after a wire dateline: "Control Data Corp", "In Vancouver";
    None when it opens otherwise ("The index ...", "Ten people ...")."""
    k = 0
    for i in range(min(len(tokens), 12)):
        if tokens[i][0] in ("-", "—", "–") and i >= 2 and tokens[i - 1][0][0].isdigit():
            k = i + 1  # "LA PAZ, March 23 - "
            break
    if k < len(tokens) and tokens[k][0] in ("In", "At", "On") and k + 1 < len(tokens):
        k += 1  # "In Vancouver, the index rose ..."
    elif k + 1 < len(tokens) and tokens[k][0] == "The" and tokens[k + 1][0][:1].isupper():
        k += 1  # "The Orioles, according to reports, have offered ...": a name after its article
    names = []
    while k < len(tokens) and tokens[k][0][:1].isupper() and tokens[k][0].lower() not in _NOT_NAMES \
            and tokens[k][0].lower() not in _NUMBER_WORDS and tokens[k][0].lower() not in _OPENING_WORDS:
        names.append(tokens[k][0].lower())
        k += 1
    if k < len(tokens) and tokens[k][0] in ("said", "says", "told", "added"):
        return None  # "Weinberger said four U.S. destroyers ...": who speaks, not what it is about
    return " ".join(names) or None


def _is_table_row(tokens: list, figures: int) -> bool:
    """A results table's row told as a sentence: "Shr 1.32 dlrs vs 1.18 dlrs", "Named-A 8.8 10.4
    nil nil", "Qtly div 66 cts vs 66 cts prior": figures set against each other, few words. Not a
    label ("Running time: 1 hour 35 minutes.") nor a short clause ("or 1.4 cts per share")."""
    if figures < 2:
        return False
    words = sum(1 for t in tokens if t[0][0].isalpha())
    if words <= 3 or (figures >= 3 and words <= figures):
        return True
    return words <= 12 and any(t[0] in ("vs", "Vs", "VS") for t in tokens)


class Lexicon:
    """factlint/data/figures.yaml with a rule's additions, compiled."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.tolerance: dict[str, float] = {k: float(v) for k, v in data["tolerance"].items()}
        self.qualifiers: dict[str, float] = {k: float(v) for k, v in data["qualifiers"].items()}
        self.directions = frozenset(data["directions"])
        self.growing_groups = frozenset(data["growing"])
        self.static_groups = frozenset(data["static"])
        self.synonyms: dict[str, str] = dict(data["synonyms"])
        self._things: dict[str, str | None] = {}
        self.verb_forms: dict[str, str] = {k.lower(): v.lower() for k, v in data["verb_forms"].items()}
        self.generic = frozenset(_stem(self._base(w)) for w in data["generic_verbs"])
        self.transparent = frozenset(w.lower() for w in data["transparent"])
        self.groups = frozenset(data["predicates"])
        self.predicate_of: dict[str, str] = {}  # stem of a one-word event word -> group
        self.phrase_of: dict[tuple[str, ...], str] = {}  # several words -> group
        for group, words in data["predicates"].items():
            for word in words:
                parts = tuple(word.lower().split())
                if len(parts) == 1:
                    self.predicate_of[_stem(self._base(parts[0]))] = group
                    self.predicate_of[parts[0]] = group
                else:
                    self.phrase_of[parts] = group
        self.longest_phrase = max((len(p) for p in self.phrase_of), default=1)
        self.implied_things = {k: canonical_thing(v, self.synonyms) for k, v in data["implied_things"].items()}
        self.event_things = {
            canonical_thing(k): (canonical_thing(v[0], self.synonyms), v[1]) for k, v in data["event_things"].items()
        }
        self.tolls = {" ".join(k.lower().split()): (canonical_thing(v[0], self.synonyms), v[1])
                      for k, v in data["tolls"].items()}
        toll_words = _phrases_regex(self.tolls)
        self.toll = re.compile(
            rf"(?P<toll>{toll_words.pattern})(?:\s+(?:{_TOLL_LINKS}))*\s*$"
        ) if toll_words is not None else None  # searched in lowercased text
        self.parts = frozenset(w.lower() for w in data["parts"])
        self.scopes = _phrases_regex(data["scopes"])
        self.rates = _phrases_regex(data["rates"])
        self.increment_words = frozenset(w.lower() for w in data["increments"] if " " not in w)
        self.increment_phrases = _phrases_regex(w for w in data["increments"] if " " in w)
        self.hypothetical_words = frozenset(w.lower() for w in data["hypothetical"] if " " not in w and w != "n't")
        self.hypothetical_phrases = _phrases_regex(w for w in data["hypothetical"] if " " in w)
        self.background = _phrases_regex(data["background"])
        nouns = "|".join(re.escape(n.lower()) for n in sorted(set(data["instance_nouns"]), key=len, reverse=True))
        self.another_instance = re.compile(  # (its letter first and the look behind after it: a scan skips to the a's)
            rf"[Aa](?<![\w'’-][Aa])n?\s+(?:[\w.’'-]+\s+){{0,2}}?(?:{nouns})"
            rf"(?=\s*[,.;:)]|\s+(?:in|on|at|near|off|that|which|struck|hit|rocked|killed|last|earlier|of)\b)"
        ) if nouns else None  # "a quake in China", not "a fire truck"

    def _base(self, word: str) -> str:
        return self.verb_forms.get(word.lower(), word.lower())

    def thing(self, thing: str | None) -> str | None:
        """The counted thing under the lexicon's synonyms, worked out once per wording."""
        if thing is None:
            return None
        known = self._things.get(thing)
        if known is None:
            known = self._things[thing] = canonical_thing(thing, self.synonyms)
        return known

    def verb(self, word: str) -> str | None:
        """The event word's key if ``word`` is a verb form (its group, or its stem), else None."""
        lw = word.lower()
        if not lw.isalpha() or not word[0].islower() or lw in _NON_VERBS:
            return None
        group = self.predicate_of.get(lw)
        if group is not None:
            return group
        base = self.verb_forms.get(lw)
        if base is not None:
            return self.predicate_of.get(_stem(base), _stem(base))
        if (lw.endswith("ed") and len(lw) > 4) or (lw.endswith("ing") and len(lw) > 5):
            stem = _stem(lw)
            return self.predicate_of.get(stem, stem)
        return None

    def is_generic(self, key: str) -> bool:
        return key in self.generic

    def group_of(self, word: str) -> str | None:
        """The event group a word belongs to, if any ("died" -> killed)."""
        lower = word.lower()
        return self.predicate_of.get(lower, self.predicate_of.get(_stem(word)))


@lru_cache(maxsize=8)
def _load_lexicon(additions_key: str) -> Lexicon:
    import json

    from factlint.yamlio import load_data_file

    data = load_data_file(LEXICON_PATH)
    for key, value in json.loads(additions_key).items():
        if key in LIST_KEYS:
            data[key] = [*data[key], *value]
        elif key == "predicates":
            merged = {k: list(v) for k, v in data[key].items()}
            for group, words in value.items():
                merged.setdefault(group, []).extend(words)
            data[key] = merged
        else:
            data[key] = {**data[key], **value}
    return Lexicon(data)


def load_lexicon(additions: dict[str, Any] | None = None) -> Lexicon:
    import json

    return _load_lexicon(json.dumps(additions or {}, sort_keys=True))


# ---------------------------------------------------------------------------
# Reading figures in context
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A figure with the frame that says which fact it states."""

    quantity: Quantity  # offsets in the lint text
    start: int  # the figure and its counted thing
    end: int
    thing: str | None
    predicate: str | None
    scope: tuple[str, ...]
    subject: str | None  # a named subject ("Klitschko landed ..."), lowercase
    complement: str | None  # a named place or party after it ("loans to Brazil"), lowercase
    sentence: tuple[int, int]  # its sentence's span
    weekdays: frozenset[str]
    excluded: str = ""  # why it is not compared by frame: part, split, hypothetical, rate, background, ...
    owner: str | None = None  # what it belongs to: "pileup" ("a 14-car pileup"), "index" ("the index fell 900
    #                           points"), "running time" ("Running time: 101 min."), lowercase
    headline: bool = False  # in the article's headline
    dates: frozenset[str] = frozenset()  # the dates its sentence names ("february 22"), the dateline left out
    siblings: frozenset[float] = frozenset()  # the values of the other figures of its sentence
    earlier: frozenset[float] = frozenset()  # those of them written before it
    marks: frozenset[tuple[str, float]] = frozenset()  # what its paragraph tells its event by (event_marks)

    @property
    def comparable(self) -> bool:
        """Whether its frame says which fact it states: a counted thing and an event, or a measure,
        a duration or a sum with what it belongs to."""
        if self.excluded:
            return False
        if self.predicate is not None and (self.thing is not None or self.quantity.kind != "count"):
            return True
        return self.owner is not None and self.quantity.kind in ("measure", "duration", "money", "count") and (
            self.quantity.kind != "count" or self.thing is not None)

    def key(self) -> tuple:
        q = self.quantity
        return (self.thing, self.predicate, self.scope, q.kind, q.unit)


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    lead: bool
    background: str  # "", "background" (another time or instance) or "dated" (a date after the lead)
    weekdays: frozenset[str]
    headline: bool = False


def _lead_ins(sentences: list[_Sentence], by_sentence: dict[int, list[Quantity]]) -> dict[int, tuple[int, int]]:
    """For each sentence with figures, the sentence before it in its paragraph when that one gives a
    figure unlikely to recur by chance ("The Brunswick mine produced 413,800 tonnes of zinc ...
    Concentrates produced were 238,000 tonnes of zinc and 81,000 tonnes of lead"), by the
    sentence's start: a paragraph sent again keeps it word for word, a recurring report's next
    issue changes it."""
    out = {}
    for k in by_sentence:
        before = by_sentence.get(k - 1)
        if before and sentences[k - 1].paragraph == sentences[k].paragraph \
                and any(specific_value(q.value) for q in before):
            out[sentences[k].start] = (sentences[k - 1].start, sentences[k - 1].end)
    return out


@dataclass
class _Frame:
    """What the clause around one figure says about it."""

    predicate: str | None = None
    from_right: bool = False  # the event word follows the figure: "23 died"
    relation_blocked: bool = False  # "a poll of 1,000 people": counts a poll's sample
    subject: str | None = None
    agent: str | None = None  # a common noun before the verb: "the index fell 900 points"
    indefinite: bool = False  # "a gunman killed ...": another instance after the lead
    excluded: str = ""


class Analyzer:
    """Reads one article's figures and their frames."""

    def __init__(self, lexicon: Lexicon, doc: Document) -> None:
        self.lexicon = lexicon
        self.doc = doc
        self.text = doc.text
        lower = doc.text.lower()
        if len(lower) != len(doc.text):  # a few characters lowercase to two: keep offsets
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in doc.text)
        self.lower = lower  # what the lexicon's phrases are matched in
        self._names: set[str] | None = None
        self._open_before: list[int] | None = None  # the current sentence's open parentheses before each token

    def run(self) -> list[Mention]:
        # once over the article: much cheaper than per sentence
        found = extract_quantities(self.text, ages=True, compounds=True)
        quantities = [q for q in found if q.kind != "age"]
        self.ages = [q for q in found if q.kind == "age"]  # named people's ages: the ages rule reads them
        self.mentions: list[Mention] = []
        self.lead_ins: dict[int, tuple[int, int]] = {}
        if not quantities:
            return []
        sentences = self._sentences()
        starts = [sentence.start for sentence in sentences]
        by_sentence: dict[int, list[Quantity]] = defaultdict(list)
        for q in quantities:
            k = bisect.bisect_right(starts, q.start) - 1
            if k >= 0 and q.end <= sentences[k].end:
                by_sentence[k].append(q)
        self.lead_ins = _lead_ins(sentences, by_sentence)
        self._marks([sentences[k] for k in sorted(by_sentence)])
        mentions: list[Mention] = []
        paragraphs: list[int] = []
        for k in sorted(by_sentence):
            for mention in self._sentence(sentences[k], by_sentence[k]):
                mentions.append(mention)
                paragraphs.append(sentences[k].paragraph)
        # "One bullet entered his shoulder; two other bullets struck ... Two bullets
        # struck from the front": a paragraph that splits a figure gives parts only
        split = {(p, m.thing) for m, p in zip(mentions, paragraphs) if m.excluded in PARTED and m.thing}
        marks = {p: event_marks(self.text[self.doc.blocks[p].start:self.doc.blocks[p].end]) for p in set(paragraphs)}
        self.mentions = [replace(m, excluded=m.excluded or ("part" if (p, m.thing) in split else ""), marks=marks[p])
                         if (p, m.thing) in split or marks[p] else m for m, p in zip(mentions, paragraphs)]
        return self.mentions

    @property
    def names(self) -> set[str]:
        """Capitalized words inside sentences: the places, people and companies the article is about."""
        if self._names is None:
            self._names = {name.lower() for name in _NAME_WORD.findall(self.text)} - _NOT_STORY_NAMES
        return self._names

    def _sentences(self) -> list[_Sentence]:
        """Every sentence, with whether it tells background: each pattern is run once over
        the whole article and its hits are placed in sentences."""
        lex = self.lexicon
        out: list[_Sentence] = []
        lead_seen = False
        continues: list[bool] = []  # the sentence opens a paragraph that goes on about the one before
        for paragraph, block in enumerate(self.doc.blocks):
            lead = not lead_seen
            if block.kind == "paragraph":
                lead_seen = True
            opener = _PRONOUN_START.match(self.text, block.start, block.end) is not None
            headline = lead and block.kind == "heading"
            for index, (start, end) in enumerate(block.sentences):
                out.append(_Sentence(start, end, paragraph, lead, "", frozenset(), headline))
                continues.append(index == 0 and opener)
        starts = [sentence.start for sentence in out]

        def hits(pattern: re.Pattern | None, text: str) -> set[int]:
            if pattern is None:
                return set()
            found = set()
            for match in pattern.finditer(text):
                k = bisect.bisect_right(starts, match.start()) - 1
                if k >= 0 and match.end() <= out[k].end:
                    found.add(k)
            return found

        background = hits(lex.background, self.lower)
        dated = hits(_DATE_MARK, self.text) | hits(lex.another_instance, self.text)
        days: dict[int, set[str]] = defaultdict(set)
        for match in _WEEKDAYS.finditer(self.text):
            k = bisect.bisect_right(starts, match.start()) - 1
            if k >= 0:
                days[k].add(match.group())
        state = ""
        for k, sentence in enumerate(out):
            if k and sentence.paragraph != out[k - 1].paragraph and not continues[k]:
                state = ""  # "It killed 612 people" goes on about the paragraph before
            if k in background:
                state = "background"  # and so is the rest of the paragraph
            elif not sentence.lead and not state and k in dated:
                state = "dated"
            sentence.background = state
            sentence.weekdays = frozenset(days.get(k, ()))
        # a sentence that names no day is on its paragraph's day, when the paragraph names one
        by_paragraph: dict[int, set[str]] = defaultdict(set)
        for k, sentence in enumerate(out):
            by_paragraph[sentence.paragraph].update(days.get(k, ()))
        for sentence in out:
            if not sentence.weekdays and len(by_paragraph[sentence.paragraph]) == 1:
                sentence.weekdays = frozenset(by_paragraph[sentence.paragraph])
        return out

    def _marks(self, sentences: list[_Sentence]) -> None:
        """Scope, period and rate words of the sentences with figures, for _scope to look up."""
        lex = self.lexicon
        lower = self.lower
        scopes = []
        rates = []
        for sentence in sentences:
            s, e = sentence.start, sentence.end
            for pattern in (lex.scopes, _PERIOD):
                if pattern is not None:
                    scopes.extend((m.start(), m.end(), " ".join(m.group().split())) for m in pattern.finditer(lower, s, e))
            if lex.rates is not None:
                rates.extend(m.start() for m in lex.rates.finditer(lower, s, e) if not _AGO.match(lower, m.end())
                             and not _INDEX_NAME.search(lower, max(s, m.start() - 12), m.start()))
        scopes.sort()
        self.scope_marks = scopes
        self.scope_starts = [m[0] for m in scopes]
        self.rate_starts = sorted(rates)

    def _sentence(self, sentence: _Sentence, found: list[Quantity]) -> list[Mention]:
        s, e = sentence.start, sentence.end
        # a percentage that counts no thing is never compared: no frame to read
        # ("rose 5.2 pct", "a 15 pct stake", most figures of financial news)
        quantities = [q for q in found if q.thing is not None or q.kind != "percent"]
        plain = [Mention(q, q.start, q.end, None, None, (), None, None, (s, e), sentence.weekdays, "no thing")
                 for q in found if q.thing is None and q.kind == "percent"]
        if not quantities:
            return plain
        chunk = self.text[s:e]
        tokens = [(m.group(), *m.span()) for m in TOKEN.finditer(self.text, s, e)]
        starts = [t[1] for t in tokens]
        # parentheses still open before each token, counted once for the sentence's figures
        self._open_before = [0, *itertools.accumulate((t[0] == "(") - (t[0] == ")") for t in tokens)] \
            if "(" in chunk else None  # most sentences open none: nothing to count
        if _is_table_row(tokens, len(found)):  # "Shr 1.32 dlrs vs 1.18 dlrs": never compared, no frame to read
            return sorted(plain + [Mention(q, q.start, q.thing_end if q.thing_end >= 0 else q.end, None, None, (), None,
                                           None, (s, e), sentence.weekdays, "table") for q in quantities],
                          key=lambda m: m.start)
        frames: list[_Frame] = []
        spans: list[tuple[Quantity, int, str | None]] = []
        lots = self._lots(quantities, found)  # a sum's start -> the counted lot it pays for
        prices = {lot.start: price for price, lot in lots.values()}
        for q in quantities:
            first = bisect.bisect_left(starts, q.start)
            last_end = q.thing_end if q.thing_end >= 0 else self._unit_end(q)
            thing = self.lexicon.thing(q.thing) if q.thing else None
            if thing is None and q.start in prices:
                thing, last_end = self._lot_thing(q)  # "for 38 mln San Miguel shares"
            after = bisect.bisect_left(starts, last_end)
            frame = self._frame(q, tokens, first, after)
            if thing is None and q.kind == "money":
                thing = self._pay(q, frame, s)
            if thing is not None and thing in self.lexicon.event_things:
                thing, frame.predicate = self.lexicon.event_things[thing]  # "10 deaths", "30 dead"
            elif thing is None and q.kind == "count" and q.role == "level":
                thing = self._implied(q, frame, tokens, after)
            frames.append(frame)
            spans.append((q, last_end, thing))
        self._share_list_frames(spans, frames)
        self._breakdowns(spans, frames)
        another = _ANOTHER_START.match(chunk) is not None
        label = _LABEL.match(chunk)  # "Running time: 101 min."
        dates = _dates(chunk)
        values = [(q.start, q.value) for q in found]
        out = [self._mention(q, last_end, thing, frame, sentence, tokens, starts, another, label, dates, values,
                             self._lot_owner(lots.get(q.start), prices.get(q.start)))
               for (q, last_end, thing), frame in zip(spans, frames)]
        return sorted(out + plain, key=lambda m: m.start) if plain else out

    def _mention(self, q: Quantity, last_end: int, thing: str | None, frame: _Frame, sentence: _Sentence,
                 tokens: list, starts: list[int], another: bool, label: re.Match | None, dates: frozenset[str],
                 values: list[tuple[int, float]], lot: str | None) -> Mention:
        """One figure as the comparisons see it: its frame, what it belongs to, its scope, and why it
        is not compared by frame (a change, a rate, background, a time "ago"). ``lot``: the counted lot a
        sum is the price of, or the price a lot's count is bought for (see _lot_owner)."""
        predicate = frame.predicate
        if frame.relation_blocked or (predicate is not None and self.lexicon.is_generic(predicate)):
            predicate = None
        if lot is not None:
            predicate = None  # "offered 3.8 billion pesos for 38 mln shares", "to pay 8.8 billion pesos ... for 38 mln
            #                   San Miguel shares": the lot's price, whichever verb pays it
        owner = lot or self._owner(q, frame, predicate, label, sentence.start)
        excluded = frame.excluded or ("" if q.role == "level" or (
            owner and predicate in self.lexicon.directions and q.kind != "count") else q.role) or (
            "split" if another else "")
        if frame.indefinite and not sentence.lead:
            excluded = excluded or "background"  # "a quake that killed ..." told after the lead
        if q.kind == "duration" and _AGO.match(self.text, last_end):
            excluded = excluded or "time"  # "three years ago", "292,000 week ago": when, not how long
        elif self._elapsed(q, last_end, sentence.start):
            excluded = "elapsed"  # "after eight days of riots": when the report was written, whatever else
        excluded = excluded or sentence.background
        scope, rate = self._scope(q, sentence)
        if rate:
            excluded = excluded or "rate"
        # a priced lot's count is the lot the price buys; the name after it is its issuer, told many ways
        # ("of Philippine brewing company San Miguel Corp", "San Miguel shares")
        complement = None if lot is not None and lot.startswith(PRICED) else self._complement(
            tokens, bisect.bisect_left(starts, last_end), sentence)
        return Mention(q, q.start, last_end, thing, predicate, scope, frame.subject, complement,
                       (sentence.start, sentence.end), sentence.weekdays, excluded, owner, sentence.headline, dates,
                       frozenset(v for _start, v in values if v != q.value),
                       frozenset(v for start, v in values if v != q.value and start < q.start))

    def _pay(self, q: Quantity, frame: _Frame, s: int) -> str | None:
        """A sum told in the passive is its payee's pay, as "a $12 million salary" names it: the thing
        "pay", with the payee named before the passive as the frame's subject ("Ross was reportedly
        paid $3 million", "Ross, who ended up being paid $3 million"; "He was paid" names no one)."""
        paid = _PAID.search(self.text, max(s, q.start - 40), q.start)
        if paid is None:
            return None
        payee = _PAYEE.search(self.text, max(s, paid.start() - 60), paid.start())
        if payee is not None and payee.group(1).lower() not in _PRONOUNS:
            frame.subject = payee.group(1).lower()
        return self.lexicon.thing("pay")

    def _lots(self, quantities: list[Quantity], in_sentence: list[Quantity]) -> dict[int, tuple[Quantity, Quantity]]:
        """Each sum paid for a counted lot named right after it ("3.8 billion pesos in cash for the 38
        mln shares"; not "for each of"), with that lot's count, by the sum's start."""
        out = {}
        for q in quantities:
            if q.kind != "money":
                continue
            after = _FOR_LOT.match(self.text, q.thing_end if q.thing_end >= 0 else q.end)
            if after is None:
                continue
            for other in in_sentence:
                if other.start == after.end() and other.kind == "count":
                    out[q.start] = (q, other)
        return out

    def _lot_thing(self, count: Quantity) -> tuple[str | None, int]:
        """A lot's counted thing, past up to three capitalized words ("38 mln San Miguel shares"), and
        where the lot's words end."""
        if count.thing is not None:
            return self.lexicon.thing(count.thing), count.thing_end
        word = _LOT_THING.match(self.text, count.end)
        if word is None or word.group(1) in _NOT_LOT_THINGS:  # "for the 100 mln of bills", "for 97 and 92 octane"
            return None, count.end
        return self.lexicon.thing(word.group(1)), word.end()

    def _lot_owner(self, lot: tuple[Quantity, Quantity] | None, price: Quantity | None) -> str | None:
        """What a sum or a count of a priced lot belongs to: a sum the lot it pays for ("3.8 billion
        pesos in cash for the 38 mln shares" is the price "for 38000000 share"; two reports that price
        one lot otherwise disagree, whatever verb pays it), and the lot's count the price it is bought
        for ("priced at 3.8e+09 PHP": two reports of one sum paid for one lot count it alike)."""
        if lot is not None:
            thing = self._lot_thing(lot[1])[0]
            return f"for {lot[1].value:g} {thing}" if thing else None
        if price is not None:
            return f"{PRICED}{price.value:g} {price.unit}"
        return None

    def _elapsed(self, q: Quantity, last_end: int, sentence_start: int) -> bool:
        """A span of days or weeks of an event still going on: "after eight days of riots", "four
        days into the strike" (not "the strike lasted four days", "for four days")."""
        if q.unit not in _ELAPSED_UNITS:
            return False
        if _ELAPSED_INTO.match(self.lower, last_end):
            return True
        return (_ELAPSED_OF.match(self.lower, last_end) is not None
                and _ELAPSED_AFTER.search(self.lower, sentence_start, q.start) is not None)

    def _unit_end(self, q: Quantity) -> int:
        """Where a measure's or a duration's unit ends ("400 miles", "101 min."): the figure as quoted."""
        if q.kind in ("measure", "duration") and not q.modifies:
            unit = _UNIT_AFTER.match(self.text, q.end)
            if unit is not None:
                word = unit.group().rstrip(".").split()[-1] if unit.group().strip(" .-") else ""
                if unit.group().endswith(".") and len(word) > 4:
                    return unit.end() - 1  # "100 minutes.": the sentence's full stop, no abbreviation's
                return unit.end()
        return q.end

    def _owner(self, q: Quantity, frame: _Frame, predicate: str | None, label: re.Match | None, s: int) -> str | None:
        """What the figure belongs to: the noun a compound figure modifies ("a 14-car pileup"), a
        label ("Running time: 101 min."), or the thing that moved or measures ("the index fell 900 points")."""
        if q.modifies:
            return self.lexicon.thing(q.modifies)
        if label is not None and q.start - s <= label.end() + 2:
            return " ".join(label.group(1).lower().split())
        if frame.agent is not None and predicate in self.lexicon.directions:
            return frame.agent
        return None

    # -- the frame of one figure ------------------------------------------------
    def _frame(self, q: Quantity, tokens: list, first: int, after: int) -> _Frame:
        """What the figure's clause says of it: why it is no fact to compare (a plan, a part, an
        aside), then the event or relation it states, read leftward from the figure and, failing
        that, rightward."""
        frame = _Frame()
        clause = first
        while clause > 0 and tokens[clause - 1][0] not in _CLAUSE_BREAK:
            clause -= 1
        left = [t[0] for t in tokens[clause:first]]
        lower = [w.lower() for w in left]
        frame.excluded = self._excluded_by_clause(q, tokens, first, lower)
        i = len(lower) - 1
        while i >= 0 and lower[i] in _DETERMINERS:
            i -= 1
        if i >= 0 and lower[i] in self.lexicon.parts:
            # "than the 3.85 mln hectares": the value set against, compared only as the same statement
            frame.excluded = frame.excluded or ("split" if lower[i] in _SPLIT_WORDS else "base" if lower[i] == "than"
                                                else "part")
        if q.kind == "money" and q.thing is None:
            return frame  # a sum that names nothing is compared only as the same statement: no event to read
        if i >= 2 and lower[i - 2: i + 1] == ["a", "total", "of"]:
            i -= 3  # a scope word, read by _scope
        return self._event_before(q, tokens, after, frame, left, lower, i)

    def _excluded_by_clause(self, q: Quantity, tokens: list, first: int, lower: list[str]) -> str:
        """Why the words of the figure's clause before it, or between it and its thing, make it no
        fact to compare ("" when they do not): a plan or denial, an increment, an aside, a part,
        one of several."""
        lex = self.lexicon
        excluded = ""
        # plans, possibilities, hedges and denials anywhere before the figure in its clause
        if not lex.hypothetical_words.isdisjoint(lower) or any(w.endswith("n't") for w in lower) or (
                lex.hypothetical_phrases is not None and lex.hypothetical_phrases.search(" ".join(lower))):
            excluded = "hypothetical"
        elif not lex.increment_words.isdisjoint(lower) or (
                lex.increment_phrases is not None and lex.increment_phrases.search(" ".join(lower))):
            excluded = "split"  # "it is also selling 543,237 shares"
        if self._open_before is not None and self._open_before[first] > 0:
            excluded = excluded or "split"  # "(12 Somali and 11 Yemeni)": an aside, often a breakdown
        between = self.text[q.end:q.thing_start].lower().split() if q.thing_start > q.end else []
        if any(w in lex.parts for w in between):
            excluded = excluded or "split"  # "five other bank workers"
        if q.kind in ("count", "money") and between[-2:] in (["of", "the"], ["of", "its"], ["of", "their"]):
            excluded = excluded or "part"  # "100,000 dlrs of the funding"
        if lower and lower[-1] in ("a", "an") and q.text[:1] in _DIGIT_OR_CURRENCY and not q.modifies:
            excluded = excluded or "indefinite"  # "won a 300-mln crown contract": one of several
        return excluded

    def _event_before(self, q: Quantity, tokens: list, after: int, frame: _Frame, left: list[str],
                      lower: list[str], i: int) -> _Frame:
        """The event or relation read leftward from lower[i] ("killed 10 people", "the deaths of
        10 people", "with 118 crew"), with its subject; else the one after the figure (_right)."""
        lex = self.lexicon
        while i >= 0:
            word = lower[i]
            if word == "of":
                before = lower[i - 1] if i >= 1 else ""
                if not before or before in _NUMBER_WORDS or before[0].isdigit():
                    # the whole a part is taken of ("28 of his 68 punches", "all of the 288 candidates"):
                    # compared only as the same statement
                    frame.excluded = frame.excluded or "whole"
                    return frame
                if before in lex.transparent:
                    i -= 2
                    while i >= 0 and lower[i] in _DETERMINERS:
                        i -= 1
                    continue
                event = lex.predicate_of.get(before) or lex.predicate_of.get(_stem(before))
                if event is not None:  # "the deaths of 10 people"
                    frame.predicate = event
                else:
                    frame.relation_blocked = True  # "a poll of 1,000 people", "a backlog of hundreds"
                return self._right(q, tokens, after, frame)
            phrase = self._phrase_ending(lower, i)
            if phrase is not None:
                frame.predicate = phrase
                self._subject(left, i, frame)
                return self._right(q, tokens, after, frame, override_only=True)
            if word in _PREPOSITIONS:
                return self._aboard(tokens, after, frame)  # "with 13 homers", "to 800,000 troops": no event
            if i >= 1 and lower[i - 1] == "to" and word.isalpha() and left[i][0].islower():
                frame.excluded = frame.excluded or "hypothetical"  # "convened to finalize two guarantees"
                return frame
            key = lex.verb(left[i])
            if key is not None and lex.is_generic(key):
                break  # "police said 12 people were injured": the event is after the figure
            if key is not None:
                frame.predicate = key
                self._subject(left, i - 1, frame)
                return self._right(q, tokens, after, frame, override_only=True)
            break
        return self._right(q, tokens, after, frame)

    def _phrase_ending(self, lower: list[str], i: int) -> str | None:
        for size in range(min(self.lexicon.longest_phrase, i + 1), 1, -1):
            group = self.lexicon.phrase_of.get(tuple(lower[i - size + 1: i + 1]))
            if group is not None:
                return group
        return None

    def _subject(self, left: list[str], i: int, frame: _Frame) -> None:
        """The named subject before a verb ("Klitschko landed"), or an indefinite one ("a gunman killed").
        A personal pronoun ("They currently hold 44 seats") names no one we can compare."""
        while i >= 0 and left[i].lower() in _AUXILIARIES | _MODALS:
            if left[i].lower() in ("who", "that", "which"):
                i -= 1
                break
            i -= 1
        if i >= 0 and left[i].lower() in _PERSONAL_PRONOUNS:
            frame.excluded = frame.excluded or "pronoun"
            return
        names = []
        while i >= 0 and (left[i][:1].isupper() or left[i] in "<>") and left[i].lower() not in _NOT_NAMES:
            if left[i] not in "<>":  # Reuters tickers: "A/S <KVIO.OL> won"
                names.append(left[i])
            i -= 1
        if names:
            frame.subject = " ".join(reversed(names)).lower()
        elif i >= 1 and left[i - 1].lower() in ("a", "an") and left[i][:1].islower():
            frame.indefinite = True
        elif i >= 0 and left[i].isalpha() and left[i].islower() and left[i] not in _NOT_AGENTS:
            frame.agent = self.lexicon.thing(left[i])  # "the index fell 900 points"

    def _right(self, q: Quantity, tokens: list, after: int, frame: _Frame, override_only: bool = False) -> _Frame:
        """The event word after the counted thing ("10 people were killed", "three workers dead")."""
        lex = self.lexicon
        n = len(tokens)
        if after < n:
            word = tokens[after][0].lower()
            group = lex.predicate_of.get(word)
            if group is not None and word in lex.event_things:
                frame.predicate = group  # "left three people dead", "shot one person dead"
                frame.from_right = True
                return frame
        if self._aboard(tokens, after, frame).predicate is not None and frame.from_right:
            return frame  # "118 crew on board", "with 23 people on board"
        if override_only or frame.predicate is not None:
            return frame
        k = after
        seen_aux = False
        while k < n and (tokens[k][0].lower() in _AUXILIARIES | _MODALS | _NEGATIONS or (
                seen_aux and tokens[k][0].endswith("ly") and tokens[k][0].islower())):  # "were critically injured"
            w = tokens[k][0].lower()
            if w in _MODALS or w in _NEGATIONS:
                frame.excluded = frame.excluded or "hypothetical"
            seen_aux = True
            k += 1
        if k < n and tokens[k][0].lower().endswith("n't"):
            frame.excluded = frame.excluded or "hypothetical"
            k += 1
        if k >= n:
            return frame
        word = tokens[k][0]
        lw = word.lower()
        key = lex.verb(word)
        if key is None and lw in lex.predicate_of and (seen_aux or lw in lex.event_things):
            key = lex.predicate_of[lw]
        if key is None and not seen_aux:
            for suffix in ("s", "es"):
                if lw.endswith(suffix) and lw[: -len(suffix)] in lex.predicate_of:
                    key = lex.predicate_of[lw[: -len(suffix)]]  # "the quake kills 10"
        if key is not None:
            frame.predicate = key
            frame.from_right = True
        return frame

    def _aboard(self, tokens: list, after: int, frame: _Frame) -> _Frame:
        """A relation that does not change after the counted thing: "with 118 crew on board"."""
        if after + 1 < len(tokens):
            group = self.lexicon.phrase_of.get((tokens[after][0].lower(), tokens[after + 1][0].lower()))
            if group is not None and group in self.lexicon.static_groups:
                frame.predicate = group
                frame.from_right = True
        return frame

    def _implied(self, q: Quantity, frame: _Frame, tokens: list, after: int) -> str | None:
        """The thing a bare figure counts: "killing 10, police said", "23 died", "the death toll rose to 12"."""
        lex = self.lexicon
        if frame.predicate in lex.implied_things:
            following = tokens[after][0] if after < len(tokens) else "."
            if frame.from_right or not following[0].isalpha() or following.lower() in _AFTER_BARE_FIGURE:
                return lex.implied_things[frame.predicate]
        if lex.toll is not None and not frame.excluded:
            sentence_start = tokens[0][1] if tokens else 0  # never further back than the sentence
            clause = max(sentence_start, *(self.text.rfind(mark, sentence_start, q.start) + 1 for mark in ".;:!?\n"))
            # the toll ends where the figure starts: a window before it, not the whole clause, is searched
            found = lex.toll.search(self.lower, max(clause, q.start - _TOLL_REACH), q.start)
            if found is not None:
                thing, frame.predicate = lex.tolls[" ".join(found.group("toll").lower().split())]
                return thing
        return None

    def _complement(self, tokens: list, k: int, sentence: _Sentence) -> str | None:
        """A name the figure is for, at or about, in the next words of its clause: "loans to
        Brazil", "were killed in Lwarai Mandi", "52 percent of voters back Obama". A name after
        "and" opens the next conjunct ("RKO General would receive 130 mln dlrs and Fidelity
        Television ... would get about 103 mln dlrs"): not this figure's."""
        n = len(tokens)
        limit = min(n, k + 6)
        while k < limit and tokens[k][0] not in _CLAUSE_BREAK and tokens[k][0] not in _CONJUNCTS:
            names = []
            j = k
            while j < n and tokens[j][0][:1].isupper() and tokens[j][0].lower() not in _NOT_NAMES \
                    and not _WEEKDAYS.match(tokens[j][0]) and not _DATE_MARK.match(tokens[j][0]):
                names.append(tokens[j][0])
                j += 1
            if names:
                return " ".join(names).lower()
            k += 1
        return None

    def _breakdowns(self, spans: list, frames: list[_Frame]) -> None:
        """A sentence that splits a figure ("One bullet entered his shoulder; two other
        bullets struck ...") or sets two side by side ("about 45 people were killed in
        Lwarai Mandi and 23 died in Angur Adar") states no total: none of its figures of
        that thing is compared."""
        by_thing: dict[str, list[int]] = defaultdict(list)
        for index, (_q, _end, thing) in enumerate(spans):
            if thing is not None:
                by_thing[thing].append(index)
        for indexes in by_thing.values():
            if len(indexes) < 2:
                continue
            predicates = [frames[i].predicate for i in indexes if frames[i].predicate is not None]
            split = any(frames[i].excluded in PARTED for i in indexes)
            contrast = len(set(predicates)) < len(predicates) and not all(
                spans[i][0].value == spans[indexes[0]][0].value for i in indexes)
            if split or contrast:
                for i in indexes:
                    frames[i].excluded = frames[i].excluded or "split"

    def _share_list_frames(self, spans: list, frames: list[_Frame]) -> None:
        """Items of a list ("14 rifles, 31 magazines and 923 rounds") share one frame:
        the first item's verb before, or the last item's verb after."""
        chains: list[list[int]] = []
        for index, (q, _end, _thing) in enumerate(spans):
            if index and chains:
                previous_end = spans[index - 1][1]
                gap = self.text[previous_end:q.start]
                if gap.strip().lower() in (",", "and", ", and", "or", ", or") and "\n" not in gap:
                    chains[-1].append(index)
                    continue
            chains.append([index])
        for chain in chains:
            if len(chain) < 2:
                continue
            first, last = frames[chain[0]], frames[chain[-1]]
            source = first if first.predicate is not None else last
            for index in chain:
                frame = frames[index]
                frame.predicate = frame.predicate or source.predicate  # "six killed, five people were hurt"
                frame.subject = frame.subject or first.subject
                frame.relation_blocked = first.relation_blocked
                frame.indefinite = frame.indefinite or first.indefinite
                if first.excluded and not frame.excluded:
                    frame.excluded = first.excluded

    def _contrast(self, start: int, stop: int) -> int:
        """Where the words after a figure turn to another value it is set against ("to 3.14 dlrs from
        3.04 dlrs", "while ..."): its scope is read before that. "from" a name is the figure's source
        ("from the World Bank since 1968"), and the scope goes on after it."""
        for contrast in _CONTRAST.finditer(self.lower, start, stop):
            if not (contrast.group().strip() == "from" and _SOURCE_NAME.match(self.text, contrast.end())):
                return contrast.start()
        return stop

    def _scope(self, q: Quantity, sentence: _Sentence) -> tuple[tuple[str, ...], bool]:
        """Scope words and periods in the figure's clause ("so far", "a total of", "in the
        quarter", "in 54 games"), and whether it is a rate ("per ton", "a day", "average")."""
        text = self.text
        start = sentence.start
        for c in _SCOPE_BREAKS:
            start = max(start, text.rfind(c, start, q.start) + 1)
        for contrast in _WHILE.finditer(self.lower, start, q.start):
            start = contrast.end()  # "6.80 mln last year, while residual fuel demand was 1.47 mln bpd"
        for reported in _AND_SAY.finditer(self.lower, start, q.start):
            start = reported.end()
        end = q.thing_end if q.thing_end >= 0 else q.end
        stop = sentence.end
        for c in _SCOPE_BREAKS_AFTER:
            found_at = text.find(c, end, stop)
            if found_at >= 0:
                stop = found_at
        end = self._contrast(end, stop)
        found = set()
        k = bisect.bisect_left(self.scope_starts, start)
        while k < len(self.scope_marks) and self.scope_marks[k][0] < end:
            if self.scope_marks[k][1] <= end:
                found.add(self.scope_marks[k][2])
            k += 1
        k = bisect.bisect_left(self.rate_starts, start)
        rate = k < len(self.rate_starts) and self.rate_starts[k] < end
        return tuple(sorted(found)), rate
