"""The ``figures`` kind: the same quantity given different values.

A matching counted thing is not enough to say two figures state the same
fact: in real reporting "captured 23 pirates" and "an estimated 1,500
pirates based in Somalia", "12 magazines seized in this operation" and "31
magazines seized so far", "13 homers in 54 games" and "33 homers last
season" all count the same thing and are all right. So every figure gets a
*frame* read from its clause, and only figures with the same frame are
compared:

- the counted thing (factlint.quantities, after the lexicon's synonyms;
  "10 deaths" and "the death toll rose to 10" count people killed);
- the event word that governs it: the verb before it ("killing 10 people",
  "gathered representatives of 35 countries") or after it ("10 people were
  killed", "left three people dead"), grouped by the lexicon (killed, died,
  dead). A figure with no event word, or only a generic one ("has 35
  countries", "a poll of 1,000 people"), is never compared;
- its scope: "so far", "a total of", "last season", "in the quarter", "in
  54 games"; figures compare only when their scopes are the same;
- its named subject and place, when it has them: "Klitschko landed ..." and
  "Rahman landed ...", "loans to Brazil" and "loans to Ecuador" are
  different figures.

Left out altogether: parts, increments and splits ("the other nine
jurors", "including 27 heads of state", "28 of his 68 punches", "it is also
selling", "the remaining one mln shares", asides in parentheses); plans,
possibilities, hedges and denials ("expected to expand to 800,000 troops",
"we fear up to 300 died"); rates ("per ton", "a day", "average");
indefinite figures, one of several ("won a 300-mln crown contract"); a
personal pronoun's figures ("They won 44 seats"); background, another time
or instance, after the lead ("In February, a gunman killed five people", a
date, "a quake in China", and the paragraphs that go on with "It ...");
and sentences that set figures of one thing side by side (a breakdown, not
a restatement). Two figures on different named weekdays are not compared.

Four comparisons, one per rule (``compare``):

``within``
    Within an article, a later figure that cannot be true with an earlier
    one of the same frame is reported, the earlier ones as related.
``across``
    Within a story (``corpus.stories``), each article's most precise
    statement of a frame: the articles that disagree with the majority are
    reported, the majority as related (with no majority, the sides other
    than the earliest article's). Articles with different front-matter dates
    are left to ``changes``.
``changes``
    The same, when the articles carry different dates (at most max_days
    apart): a figure that moved (a death toll rising over days) is reported
    at the first article that gives the new figure, as information.
``facts``
    Against the newsroom's facts file (factlint/facts.py): a mention of a
    fact with another value is reported, quoting the fact and its source.

One pass of factlint.quantities over the article, each lexicon pattern run
once over its lowercased text, and the frame read from a few tokens around
each figure: about 1 ms an article on Reuters-21578, a third of it the
extraction.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterable, Iterator


from factlint.document import Document, Location
from factlint.findings import Finding, Related
from factlint.kinds.base import MAX_PAIRWISE, Check, Corpus, Param, register
from factlint.phrases import trie_alternation
from factlint.quantities import Quantity, canonical_thing, conflicts, extract_quantities

LEXICON_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "figures.yaml")
COMPARISONS = ("within", "across", "changes", "facts")
LIST_KEYS = ("parts", "scopes", "rates", "increments", "hypothetical", "background", "generic_verbs", "transparent",
             "instance_nouns")
MAP_KEYS = ("synonyms", "predicates", "implied_things", "event_things", "tolls", "verb_forms", "tolerance")
LEXICON_KEYS = LIST_KEYS + MAP_KEYS

# A clause ends at these; commas too, which keeps frames local.
_CLAUSE_BREAK = frozenset(";:()[]\"“”—–,?!")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d|[^\s\w]")  # re: faster here
# Where a scope's clause ends: "so far" in another clause is another figure's.
_SCOPE_BREAKS = ";:(“”\"—"
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
_PERSONAL_PRONOUNS = frozenset("he she they we i you".split())
# Part words that split a figure into pieces ("the remaining one mln shares").
_SPLIT_WORDS = frozenset("other others another remaining rest additional extra further".split())
_DIGIT_OR_CURRENCY = frozenset("0123456789$€£¥₹")
# Periods that scope a figure: "in the quarter", "in the nine months", "in 54 games", "in 1986".
_PERIOD = re.compile(  # in lowercased text
    r"\b(?:in|during|for|over|through|throughout)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:(?:first|second|third|fourth|final|latest|last|past|next|previous|same|current|fiscal|calendar|opening|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+){0,2}"
    r"(?:quarters?|months?|years?|half|halves|period|weeks?|days?|seasons?|games?|matches|operations?|innings|"
    r"rounds?|raids?|races?|starts?)\b"
    r"|\b(?:in|for|during)\s+(?:fiscal\s+)?(?:19|20)\d\d\b",
)
_NEGATIONS = frozenset("not no never neither nor".split())
_NON_VERBS = frozenset("""
red bed need speed seed hundred shed during including according morning evening building thing king
ring wedding nothing something everything anything spring string sibling ceiling darling pudding
shilling lightning ending ongoing upcoming outstanding following remaining
""".split())
# How far before its figure a toll phrase is looked for ("the death toll has risen to" and more).
_TOLL_REACH = 200
# Words between a toll and its figure: "the death toll has risen to 12".
_TOLL_LINKS = ("rose|risen|rises|climbed|climbs|jumped|increased|stood|stands|reached|reaches|hit|hits|is|was|"
               "has|had|have|now|officially|at|to|of|was put at|put at")
_PRONOUN_START = re.compile(r"\s*[\"“]?(?:It|They|He|She|This|That|These|Those|Its|Their)\b")
_WEEKDAYS = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_DATE_MARK = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|May(?=\s+\d))\b|\b(?:19|20)\d\d\b"
)


def _stem(word: str) -> str:
    """A crude base form: killed, kills, killing -> kill; seized, seize -> seiz."""
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
    return re.compile(rf"(?<![\w'’-]){trie_alternation(words, _ANY_SPACES)}(?![\w'’-])")


class Lexicon:
    """factlint/data/figures.yaml with a rule's additions, compiled."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.tolerance: dict[str, float] = {k: float(v) for k, v in data["tolerance"].items()}
        self.synonyms: dict[str, str] = dict(data["synonyms"])
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
        self.another_instance = re.compile(
            rf"(?<![\w'’-])[Aa]n?\s+(?:[\w.’'-]+\s+){{0,2}}?(?:{nouns})"
            rf"(?=\s*[,.;:)]|\s+(?:in|on|at|near|off|that|which|struck|hit|rocked|killed|last|earlier|of)\b)"
        ) if nouns else None  # "a quake in China", not "a fire truck"

    def _base(self, word: str) -> str:
        return self.verb_forms.get(word.lower(), word.lower())

    def thing(self, thing: str | None) -> str | None:
        return canonical_thing(thing, self.synonyms)

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
    excluded: str = ""  # why it is not compared: part, split, hypothetical, rate, background, ...

    @property
    def comparable(self) -> bool:
        return not self.excluded and self.thing is not None and self.predicate is not None

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


@dataclass
class _Frame:
    """What the clause around one figure says about it."""

    predicate: str | None = None
    from_right: bool = False  # the event word follows the figure: "23 died"
    relation_blocked: bool = False  # "a poll of 1,000 people": counts a poll's sample
    subject: str | None = None
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

    def run(self) -> list[Mention]:
        quantities = extract_quantities(self.text)  # once over the article: much cheaper than per sentence
        if not quantities:
            return []
        sentences = self._sentences()
        starts = [sentence.start for sentence in sentences]
        by_sentence: dict[int, list[Quantity]] = defaultdict(list)
        for q in quantities:
            k = bisect.bisect_right(starts, q.start) - 1
            if k >= 0 and q.end <= sentences[k].end:
                by_sentence[k].append(q)
        self._marks(sentences)
        mentions: list[Mention] = []
        paragraphs: list[int] = []
        for k in sorted(by_sentence):
            for mention in self._sentence(sentences[k], by_sentence[k]):
                mentions.append(mention)
                paragraphs.append(sentences[k].paragraph)
        # "One bullet entered his shoulder; two other bullets struck ... Two bullets
        # struck from the front": a paragraph that splits a figure gives parts only
        split = {(p, m.thing) for m, p in zip(mentions, paragraphs) if m.excluded in ("part", "split") and m.thing}
        return [replace(m, excluded=m.excluded or "part") if (p, m.thing) in split else m
                for m, p in zip(mentions, paragraphs)]

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
            for index, (start, end) in enumerate(block.sentences):
                out.append(_Sentence(start, end, paragraph, lead, "", frozenset()))
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
                days[k].add(match.group(1))
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
        return out

    def _marks(self, sentences: list[_Sentence]) -> None:
        """Scope, period and rate words of the whole article, for _scope to look up."""
        lex = self.lexicon
        scopes = []
        for pattern in (lex.scopes, _PERIOD):
            if pattern is not None:
                scopes.extend((m.start(), m.end(), " ".join(m.group().split())) for m in pattern.finditer(self.lower))
        scopes.sort()
        self.scope_marks = scopes
        self.scope_starts = [m[0] for m in scopes]
        self.rate_starts = sorted(m.start() for m in lex.rates.finditer(self.lower)) if lex.rates is not None else []

    def _sentence(self, sentence: _Sentence, found: list[Quantity]) -> list[Mention]:
        s, e = sentence.start, sentence.end
        # a sum or a percentage that counts no thing is never compared: no frame to read
        # ("net profit 10.5 mln dlrs vs 9.8 mln", most figures of financial news)
        quantities = [q for q in found if q.thing is not None or q.kind == "count"]
        plain = [Mention(q, q.start, q.end, None, None, (), None, None, (s, e), sentence.weekdays, "no thing")
                 for q in found if q.thing is None and q.kind != "count"]
        if not quantities:
            return plain
        chunk = self.text[s:e]
        tokens = [(m.group(), s + m.start(), s + m.end()) for m in _TOKEN.finditer(chunk)]
        starts = [t[1] for t in tokens]
        # parentheses still open before each token, counted once for the sentence's figures
        self._open_before = [0, *itertools.accumulate((t[0] == "(") - (t[0] == ")") for t in tokens)]
        frames: list[_Frame] = []
        spans: list[tuple[Quantity, int, str | None]] = []
        for q in quantities:
            first = bisect.bisect_left(starts, q.start)
            last_end = q.thing_end if q.thing_end >= 0 else q.end
            after = bisect.bisect_left(starts, last_end)
            frame = self._frame(q, tokens, first, after)
            thing = self.lexicon.thing(q.thing) if q.thing else None
            if thing is not None and thing in self.lexicon.event_things:
                thing, frame.predicate = self.lexicon.event_things[thing]  # "10 deaths", "30 dead"
            elif thing is None and q.kind == "count" and q.role == "level":
                thing = self._implied(q, frame, tokens, after)
            frames.append(frame)
            spans.append((q, last_end, thing))
        self._share_list_frames(spans, frames)
        self._breakdowns(spans, frames)
        another = _ANOTHER_START.match(chunk) is not None
        out: list[Mention] = []
        for (q, last_end, thing), frame in zip(spans, frames):
            excluded = frame.excluded or ("" if q.role == "level" else q.role) or ("split" if another else "")
            if frame.indefinite and not sentence.lead:
                excluded = excluded or "background"  # "a quake that killed ..." told after the lead
            excluded = excluded or sentence.background
            predicate = frame.predicate
            if frame.relation_blocked or (predicate is not None and self.lexicon.is_generic(predicate)):
                predicate = None
            scope, rate = self._scope(q, sentence)
            if rate:
                excluded = excluded or "rate"
            complement = self._complement(tokens, bisect.bisect_left(starts, last_end), sentence)
            out.append(Mention(q, q.start, last_end, thing, predicate, scope, frame.subject, complement,
                               (s, e), sentence.weekdays, excluded))
        return sorted(out + plain, key=lambda m: m.start) if plain else out

    # -- the frame of one figure ------------------------------------------------
    def _frame(self, q: Quantity, tokens: list, first: int, after: int) -> _Frame:
        lex = self.lexicon
        frame = _Frame()
        clause = first
        while clause > 0 and tokens[clause - 1][0] not in _CLAUSE_BREAK:
            clause -= 1
        left = [t[0] for t in tokens[clause:first]]
        lower = [w.lower() for w in left]
        # plans, possibilities, hedges and denials anywhere before the figure in its clause
        if not lex.hypothetical_words.isdisjoint(lower) or any(w.endswith("n't") for w in lower) or (
                lex.hypothetical_phrases is not None and lex.hypothetical_phrases.search(" ".join(lower))):
            frame.excluded = "hypothetical"
        elif not lex.increment_words.isdisjoint(lower) or (
                lex.increment_phrases is not None and lex.increment_phrases.search(" ".join(lower))):
            frame.excluded = "split"  # "it is also selling 543,237 shares"
        if self._open_before[first] > 0:
            frame.excluded = frame.excluded or "split"  # "(12 Somali and 11 Yemeni)": an aside, often a breakdown
        between = self.text[q.end:q.thing_start].lower().split() if q.thing_start > q.end else []
        if any(w in lex.parts for w in between):
            frame.excluded = frame.excluded or "split"  # "five other bank workers"
        if q.kind in ("count", "money") and between[-2:] in (["of", "the"], ["of", "its"], ["of", "their"]):
            frame.excluded = frame.excluded or "part"  # "100,000 dlrs of the funding"
        if lower and lower[-1] in ("a", "an") and q.text[:1] in _DIGIT_OR_CURRENCY:
            frame.excluded = frame.excluded or "indefinite"  # "won a 300-mln crown contract": one of several
        i = len(lower) - 1
        while i >= 0 and lower[i] in _DETERMINERS:
            i -= 1
        if i >= 0 and lower[i] in lex.parts:
            frame.excluded = frame.excluded or ("split" if lower[i] in _SPLIT_WORDS else "part")
        if i >= 2 and lower[i - 2: i + 1] == ["a", "total", "of"]:
            i -= 3  # a scope word, read by _scope
        while i >= 0:
            word = lower[i]
            if word == "of":
                before = lower[i - 1] if i >= 1 else ""
                if not before or before in _NUMBER_WORDS or before[0].isdigit():
                    frame.excluded = frame.excluded or "part"  # "28 of his 68 punches", "one of the 23"
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
                return frame  # "with 13 homers", "to 800,000 troops": no event of its own
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
        if override_only or frame.predicate is not None:
            return frame
        k = after
        seen_aux = False
        while k < n and tokens[k][0].lower() in _AUXILIARIES | _MODALS | _NEGATIONS:
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
        Brazil", "were killed in Lwarai Mandi", "52 percent of voters back Obama"."""
        n = len(tokens)
        limit = min(n, k + 6)
        while k < limit and tokens[k][0] not in _CLAUSE_BREAK:
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
            split = any(frames[i].excluded in ("part", "split") for i in indexes)
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
                frame.predicate = source.predicate
                frame.subject = frame.subject or first.subject
                frame.relation_blocked = first.relation_blocked
                frame.indefinite = frame.indefinite or first.indefinite
                if first.excluded and not frame.excluded:
                    frame.excluded = first.excluded

    def _scope(self, q: Quantity, sentence: _Sentence) -> tuple[tuple[str, ...], bool]:
        """Scope words and periods in the figure's clause ("so far", "a total of", "in the
        quarter", "in 54 games"), and whether it is a rate ("per ton", "a day", "average")."""
        text = self.text
        start = max(text.rfind(c, sentence.start, q.start) for c in _SCOPE_BREAKS) + 1
        start = max(start, sentence.start)
        end = q.thing_end if q.thing_end >= 0 else q.end
        ends = [i for i in (text.find(c, end, sentence.end) for c in _SCOPE_BREAKS + ")") if i >= 0]
        end = min(ends) if ends else sentence.end
        found = set()
        k = bisect.bisect_left(self.scope_starts, start)
        while k < len(self.scope_marks) and self.scope_marks[k][0] < end:
            if self.scope_marks[k][1] <= end:
                found.add(self.scope_marks[k][2])
            k += 1
        k = bisect.bisect_left(self.rate_starts, start)
        rate = k < len(self.rate_starts) and self.rate_starts[k] < end
        return tuple(sorted(found)), rate


# ---------------------------------------------------------------------------
# Comparing
# ---------------------------------------------------------------------------


def _names_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_fact(a: Mention, b: Mention) -> bool:
    """Whether two comparable mentions state the same fact, values aside."""
    if a.key() != b.key():
        return False
    if a.weekdays and b.weekdays and not (a.weekdays & b.weekdays):
        return False  # "on Sunday" and "on Saturday": two days, two events
    return _names_agree(a.subject, b.subject) and _names_agree(a.complement, b.complement)


def disagree(a: Mention, b: Mention, lexicon: Lexicon, tolerance: float | None) -> bool:
    """Whether two mentions of the same fact give values that cannot both hold."""
    tol = lexicon.tolerance.get(a.quantity.kind, 0.0) if tolerance is None else tolerance
    qa = a.quantity._replace(thing=a.thing, role="level")
    qb = b.quantity._replace(thing=b.thing, role="level")
    return conflicts(qa, qb, tol)


def sides(items: list, agree: Any) -> list[list]:
    """Items split into groups that agree, in order: each joins the first group
    it agrees with entirely."""
    groups: list[list] = []
    for item in items:
        for group in groups:
            if all(agree(item, other) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def shown(lexicon: Lexicon, text: str, mention: Mention) -> str:
    """The figure as a reader would quote it: "35 countries attended", "10 people killed"."""
    words = text.split()
    predicate = mention.predicate
    if predicate in lexicon.groups and not any(
            lexicon.predicate_of.get(w.lower(), lexicon.predicate_of.get(_stem(w))) == predicate for w in words):
        words.append(predicate)
    return " ".join(words)


def _days_apart(earlier: str, later: str) -> float:
    """Days between two front-matter dates (0 when either is not an ISO date or time)."""
    from datetime import datetime

    try:
        first = datetime.fromisoformat(earlier)
        second = datetime.fromisoformat(later)
    except ValueError:
        return 0.0
    if (first.tzinfo is None) != (second.tzinfo is None):
        first, second = first.replace(tzinfo=None), second.replace(tzinfo=None)
    return abs((second - first).total_seconds()) / 86400


def _distinct(texts: Iterable[str]) -> list[str]:
    """Each wording once, whatever its case, in order."""
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(text.lower(), text)
    return list(seen.values())


@dataclass(frozen=True)
class StoryFigure:
    """What the comparison across articles keeps of an article's figure."""

    mention: Mention
    location: Location
    excerpt: str
    shown: str  # "35 countries"


@register("figures")
class FiguresCheck(Check):
    PARAMS = {
        "compare": Param(
            "choice", "within", "which comparison this rule makes: within (one article), across (articles on one "
            "story), changes (the same across dated articles: figures that moved), facts (the facts file)",
            choices=COMPARISONS,
        ),
        "tolerance": Param(
            "float", None, "relative slack between two figures (0.05 is 5%), instead of the lexicon's per kind",
            minimum=0.0, maximum=1.0,
        ),
        "lexicon": Param(
            "dict", {},
            "additions to factlint/data/figures.yaml: synonyms, predicates, event_things, implied_things, "
            "verb_forms, tolerance, parts, scopes, hypothetical, background, generic_verbs, transparent",
        ),
        "min_articles": Param("int", 2, "articles on a story that must give a figure before they are compared",
                              minimum=2),
        "max_days": Param("int", 3, "changes: articles dated further apart than this are not compared (a story "
                          "covered for weeks, a recurring report)", minimum=0),
    }
    PLACEHOLDERS = ("match", "thing", "other", "elsewhere", "fact", "expected", "source", "date", "other_date")

    def compile(self) -> None:
        additions = self.params["lexicon"]
        for key, value in additions.items():
            if key not in LEXICON_KEYS:
                raise self.rule.error(f"unknown lexicon key {key!r} (keys: {', '.join(LEXICON_KEYS)})", "lexicon")
            if key in LIST_KEYS:
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise self.rule.error(f"lexicon {key!r} must be a list of words or phrases", "lexicon")
            elif not isinstance(value, dict):
                raise self.rule.error(f"lexicon {key!r} must be a mapping", "lexicon")
            elif key == "predicates" and not all(
                    isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values()):
                raise self.rule.error("lexicon 'predicates' maps a group name to a list of words", "lexicon")
            elif key == "event_things" and not all(
                    isinstance(v, list) and len(v) == 2 and all(isinstance(w, str) for w in v) for v in value.values()):
                raise self.rule.error("lexicon 'event_things' maps a thing to [counted thing, event group]", "lexicon")
            elif key == "tolerance" and not all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in value.values()):
                raise self.rule.error("lexicon 'tolerance' maps a kind of figure to a number from 0 to 1", "lexicon")
            elif key in ("synonyms", "implied_things", "verb_forms") and not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise self.rule.error(f"lexicon {key!r} maps words to words", "lexicon")
        self.lexicon = load_lexicon(additions)
        self.compare = self.params["compare"]
        self.tolerance = self.params["tolerance"]
        self.CROSS_ARTICLE = self.compare in ("across", "changes")
        self.NEEDS_STORIES = self.CROSS_ARTICLE
        self.facts = None
        if self.compare == "facts":
            from factlint.facts import load_facts

            path = self.context.get("facts")
            self.facts = load_facts(path, self.lexicon) if path is not None else None

    def mentions(self, doc: Document) -> list[Mention]:
        return doc.memo(("figures", id(self.lexicon)), lambda: Analyzer(self.lexicon, doc).run())

    def shown(self, doc: Document, mention: Mention) -> str:
        return shown(self.lexicon, doc.text[mention.start:mention.end], mention)

    # -- one article --------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        if self.compare == "within":
            yield from self._within(doc)
        elif self.compare == "facts" and self.facts is not None:
            yield from self.facts.check(self, doc, self.mentions(doc))

    def _within(self, doc: Document) -> Iterator[Finding]:
        mentions = self.mentions(doc)
        # a thing the article splits ("the remaining one mln shares") is counted in parts
        split = {m.thing for m in mentions if m.excluded == "split"}
        by_key: dict[tuple, list[Mention]] = defaultdict(list)
        for mention in mentions:
            if mention.comparable and mention.thing not in split:
                by_key[mention.key()].append(mention)
        for group in by_key.values():
            if len(group) < 2:
                continue
            group = group[:MAX_PAIRWISE]
            # several named subjects or places ("X received 20.5 pct", "Y received 8 pct"):
            # a figure that names none could be any of them
            named = len({m.subject for m in group if m.subject}) > 1 or len({m.complement for m in group if m.complement}) > 1
            if named:
                group = [m for m in group if m.subject or m.complement]
            reported: set[int] = set()
            for index, later in enumerate(group):
                earlier = [m for m in group[:index]
                           if m.sentence != later.sentence and same_fact(m, later) and m.start not in reported
                           and disagree(m, later, self.lexicon, self.tolerance)]
                if not earlier:
                    continue
                reported.add(later.start)
                same = [m for m in group[index + 1:] if m.sentence != later.sentence and same_fact(m, later)
                        and not disagree(m, later, self.lexicon, self.tolerance)]
                for m in same:
                    reported.add(m.start)
                related = [Related(doc.locate(m.start, m.end), f"says {self.shown(doc, m)} here") for m in earlier]
                related += [Related(doc.locate(m.start, m.end), f"also {self.shown(doc, m)} here") for m in same]
                first = earlier[0]
                line = doc.locate(first.start, first.end).line
                yield self.finding(
                    doc, later.start, later.end, related, thing=later.thing,
                    match=self.shown(doc, later), other=self.shown(doc, first), elsewhere=f"line {line} says",
                )

    # -- across articles ----------------------------------------------------------
    def extract(self, doc: Document) -> dict[tuple, StoryFigure]:
        """Per frame, the article's figure: its most precise statement when its statements
        agree ("at least three people" then "three people" give three), else its first."""
        by_key: dict[tuple, list[Mention]] = defaultdict(list)
        for mention in self.mentions(doc):
            if mention.comparable:
                by_key[mention.key()].append(mention)
        result: dict[tuple, StoryFigure] = {}
        for key, group in by_key.items():
            chosen = group[0]
            group = group[:MAX_PAIRWISE]
            if all(not disagree(a, b, self.lexicon, self.tolerance) for i, a in enumerate(group) for b in group[i + 1:]):
                chosen = min(group, key=lambda m: m.quantity.high - m.quantity.low)
            result[key] = StoryFigure(chosen, doc.locate(chosen.start, chosen.end), doc.context(chosen.start, chosen.end),
                                      self.shown(doc, chosen))
        return result

    def check_corpus(self, extracts: dict[str, Any], corpus: Corpus) -> Iterable[Finding]:
        for _story, paths in sorted(corpus.story_groups().items()):
            if len(paths) < self.params["min_articles"]:
                continue
            by_key: dict[tuple, list[tuple[str, StoryFigure]]] = defaultdict(list)
            for path in sorted(paths, key=corpus.order):
                for key, figure in (extracts.get(path) or {}).items():
                    by_key[key].append((path, figure))
            for key in sorted(by_key, key=repr):
                items = by_key[key]
                if len(items) < self.params["min_articles"]:
                    continue
                dates = [corpus.articles[path].date for path, _ in items]
                dated = all(dates) and len(set(dates)) > 1
                if dated:
                    yield from self._over_time(items, corpus)
                elif self.compare == "across":
                    yield from self._outliers(items)

    def _agree(self, a: tuple[str, StoryFigure], b: tuple[str, StoryFigure]) -> bool:
        return not disagree(a[1].mention, b[1].mention, self.lexicon, self.tolerance)

    def _outliers(self, items: list[tuple[str, StoryFigure]]) -> Iterator[Finding]:
        if self.compare != "across":
            return
        split = sides(items, self._agree)
        if len(split) < 2:
            return
        total = sum(len(side) for side in split)
        ordered = sorted(split, key=lambda side: -len(side))
        if len(ordered[0]) * 2 > total:
            reference, others, note = ordered[0], ordered[1:], ""
        else:  # no majority: the earliest article's side stands
            reference = split[0]
            others = split[1:]
            note = " (no majority)"
        for side in others:
            for path, figure in side:
                against = [(p, f) for p, f in reference if _names_agree(f.mention.subject, figure.mention.subject)
                           and _names_agree(f.mention.complement, figure.mention.complement)]
                if not against:
                    continue
                related = [Related(f.location, f"says {f.shown}") for _, f in against]
                count = len({p for p, _ in against})
                quoted = _distinct(f.shown for _, f in against)
                yield self.finding_at(
                    figure.location, figure.excerpt, related, match=figure.shown, thing=figure.mention.thing,
                    other=" or ".join(quoted),
                    elsewhere=f"{count} other article{'s' if count != 1 else ''} on this story{note} "
                              f"say{'s' if count == 1 else ''}",
                )

    def _over_time(self, items: list[tuple[str, StoryFigure]], corpus: Corpus) -> Iterator[Finding]:
        """Articles of one date compared among themselves; each date's figure against the previous date's."""
        by_date: dict[str, list[tuple[str, StoryFigure]]] = defaultdict(list)
        for path, figure in items:
            by_date[str(corpus.articles[path].date)].append((path, figure))
        previous: tuple[str, list[tuple[str, StoryFigure]]] | None = None
        for date in sorted(by_date):
            group = by_date[date]
            if len(group) >= self.params["min_articles"]:
                yield from self._outliers(group)
            split = sides(group, self._agree)
            ordered = sorted(split, key=lambda side: -len(side))
            standing = ordered[0] if len(ordered) == 1 or len(ordered[0]) > len(ordered[1]) else split[0]
            if previous is not None and self.compare == "changes" and _days_apart(previous[0], date) <= self.params["max_days"]:
                before_date, before = previous
                path, figure = standing[0]
                moved = [(p, f) for p, f in before
                         if not self._agree((path, figure), (p, f))
                         and _names_agree(f.mention.subject, figure.mention.subject)
                         and _names_agree(f.mention.complement, figure.mention.complement)]
                if moved:
                    related = [Related(f.location, f"says {f.shown} ({before_date})") for _, f in moved]
                    quoted = _distinct(f.shown for _, f in moved)
                    count = len({p for p, _ in moved})
                    yield self.finding_at(
                        figure.location, figure.excerpt, related, match=figure.shown, thing=figure.mention.thing,
                        other=" or ".join(quoted), date=date, other_date=before_date,
                        elsewhere=f"{count} earlier article{'s' if count != 1 else ''} on this story "
                                  f"({before_date}) say{'s' if count == 1 else ''}",
                    )
            previous = (date, standing)
