"""The ``locations`` kind: the same event placed in different places.

An *event location* is a place tied to an event word (factlint/data/events.yaml)
in the same clause: "a pivotal meeting held in Berlin", "met in Paris on
Tuesday", "the Paris summit", "In Geneva, the talks ...", "the quake struck
southern Iran". Places come from factlint.places (datelines, locatives,
qualifiers; metonymy such as "Moscow said" and person names are not places).
A placement is only compared when the clause asserts it: hedged and future
placements ("talks potentially taking place in Miami", "will meet in Geneva
next week", "no meeting in Paris"), other instances of the event ("last
month's meeting in Berlin", "the 2003 quake in Bam", "on February 22" in a
March article) and a sentence that puts one event in two places are left out.

Two placements agree when one place contains or overlaps the other ("in Paris"
and "in France"); approximate ones ("near Bandar Abbas", "off Qeshm") count as
their whole first-level division. Only event classes that happen in one place
are compared (a meeting, a bombing, an earthquake), never strikes, protests,
floods or arrests, which happen in many places at once.

Three comparisons, each chosen by the rule's ``compare`` list:

``within``
    The article's first asserted placement of an event, in its first
    paragraphs, and later ones that refer back to it ("the meeting", or a
    verb on the same day): the side with fewer placements is reported, at
    its first placement.
``dateline``
    The dateline stands for the event's place when the body says "here" ("met
    here on Tuesday") or when the lead sentence tells the event with a verb
    and no place ("PARIS — Leaders met on Tuesday"); a definite placement
    elsewhere in the body contradicts it. A dateline alone is where the
    reporter was, not where the event was.
``across``
    "The same event" across articles is an event class placed in each
    article's first paragraphs, within one story (``corpus.stories``) and
    among articles dated at most ``max_days`` apart (a story followed for
    months has many meetings): articles that disagree with the majority are
    reported, with the majority as related; with no majority, each side
    once, at its earliest article. A vague place that agrees with both sides
    ("in Surrey" beside Banstead and Wellington) counts for neither, and an
    article that itself ties the event to the others' place too ("after the
    Geneva talks, ... talks in Abu Dhabi") tells another round on purpose.

Extraction is cheap: one regex pass finds event words, and places are read
only in sentences that hold one of a compared class (plus the dateline):
about 0.4 ms an article on Reuters-21578, less than reading every place of
the article, and an article without such a word never loads the gazetteer.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Iterator

import regex

from factlint import calendar
from factlint import gazetteer as gz
from factlint.attachments import (GENERIC, LEAD_PARAGRAPHS, NAMED, coordinated, fronted_spans, read_attachments, singular,
                                  trigger_starts)
from factlint.document import Document, Location
from factlint.findings import Finding, Related
from factlint.kinds.base import MAX_PAIRWISE, Check, Corpus, Param, others_on_the_story, register
from factlint.phrases import SPACES_AND_APOSTROPHES, LazyPattern, normal, trie_alternation
from factlint.places import find_dateline, find_places
from factlint.stories import article_day

LEXICON_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "events.yaml")

COMPARISONS = ("within", "dateline", "across")
# Places an article ties to one kind of event, kept for the across comparison.
MAX_KNOWN = 12
# Words allowed between an event word and its place ("meeting of the so-called
# Coalition of the Willing in Paris" has eight).
MAX_GAP_WORDS = 9
# Words before an event word read for a determiner or an other-instance word.
PREFIX_WORDS = 4
# Words after a place read for "next week", "in 2003", "or elsewhere".
TAIL_WORDS = 4
# Locative cues that place an event only roughly: compared by their region.
APPROXIMATE_CUES = frozenset({
    "near", "outside", "off", "around", "close to", "near to", "next to", "outside of", "outskirts of",
    "suburbs of", "suburb of", "north of", "south of", "east of", "west of", "northeast of", "northwest of",
    "southeast of", "southwest of", "north-east of", "north-west of", "south-east of", "south-west of",
})
# Cues that spread an event over a place rather than putting it there.
SPREAD_CUES = frozenset({"across", "throughout", "amid"})


# ---------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def base_lexicon() -> dict[str, Any]:
    """The shipped lexicon file, parsed once."""
    from factlint.yamlio import load_data_file

    return load_data_file(LEXICON_PATH)


def _alternation(phrases: Iterable[str]) -> str:
    """Lexicon phrases as one prefix-tree alternation (any spaces, either apostrophe)."""
    return trie_alternation({normal(p) for p in phrases if p and p.strip()}, SPACES_AND_APOSTROPHES)


def _words_regex(phrases: Iterable[str], flags: int = re.I) -> LazyPattern:
    # "\b" lets the engine skip to word starts; the look-behind then rules out
    # "-fire". The standard re module runs this a third faster than regex.
    # A contraction ("'ll", "'d") is the end of a word ("they'll"): it must follow a letter.
    phrases = [p for p in phrases if p and p.strip()]
    clitics = [p for p in phrases if p[0] in "'’"]
    words = [p for p in phrases if p[0] not in "'’"]
    pattern = rf"\b(?<![\w'’-]){_alternation(words)}(?![\w'’-])"
    if clitics:
        pattern += rf"|(?<=[^\W\d_]){_alternation(clitics)}(?![\w'’-])"
    return LazyPattern("re", pattern, flags)


# A byte of a word as the event-word pattern's look-arounds see one ([\w'-] in
# ASCII); any other byte is a space, so a text's words are its split().
_WORD_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or chr(c) in "_'-") else 32 for c in range(256))
# the letters re.IGNORECASE takes for ASCII ones: "İ", "ı", "ſ", the Kelvin sign
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _first_words(phrases: Iterable[str]) -> frozenset[bytes] | None:
    """The first words of the event phrases ("round" of "round of talks"), or
    None when a word cannot be found by splitting a text: a clitic ("'ll"
    ends a word), a phrase that starts with a mark, or one not in ASCII."""
    firsts = set()
    for phrase in phrases:
        if not phrase.strip():
            continue
        if not phrase.isascii() or _WORD_BYTES[ord(phrase[0])] == 32 or phrase[0] == "'":
            return None
        firsts.add(phrase.encode("ascii").translate(_WORD_BYTES).split()[0])
    return frozenset(firsts)


def _matches_at_words(pattern: re.Pattern, scanned: str, words: bytes, firsts: frozenset[bytes]) -> Iterator[re.Match]:
    """``pattern.finditer(scanned)``, tried only at the starts of the words
    that begin a phrase. ``words``: the text lowercased, its non-word bytes
    spaces, between two spaces (so a word at offset i is " word " at i)."""
    starts = []
    for word in firsts.intersection(words.split()):
        needle = b" " + word + b" "
        at = words.find(needle)
        while at >= 0:
            starts.append(at)
            at = words.find(needle, at + len(needle) - 1)  # its closing space opens the next
    starts.sort()
    end = 0
    for start in starts:
        if start >= end:  # a word inside the last match ("talks" of "round of talks") is part of it
            match = pattern.match(scanned, start)
            if match:
                end = match.end()
                yield match


@dataclass(frozen=True)
class EventWord:
    """What an event word means: its class, and whether it is a noun."""

    event: str
    noun: bool
    city_only: bool = False


@dataclass(frozen=True)
class EventClass:
    name: str
    label: str
    single_place: bool
    targets: bool  # "an attack on a bank in Athens": the target's place is the event's


class Lexicon:
    """events.yaml (plus a rule's additions) compiled into regexes."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: dict[str, EventClass] = {}
        self.words: dict[str, EventWord] = {}
        for name, spec in data["events"].items():
            self.classes[name] = EventClass(name, spec.get("label", name), bool(spec.get("single_place", False)),
                                            bool(spec.get("targets", False)))
            for key, noun, city_only in (("nouns", True, False), ("verbs", False, False), ("city_nouns", True, True)):
                for word in spec.get(key, ()) or ():
                    self.words.setdefault(normal(word), EventWord(name, noun, city_only))
        self._events: dict[bool, re.Pattern] = {}  # compiled on first use: for plain ASCII texts or any
        self._first_words = _first_words(self.words)
        self.not_events = _words_regex(data.get("not_events", ()))
        # the event words a not_events phrase holds: only those need the check
        phrases = [f" {normal(phrase)} " for phrase in data.get("not_events", ())]
        self.in_not_events = frozenset(written for written in self.words
                                       if any(f" {written} " in phrase for phrase in phrases))
        self.hedges = _words_regex(data.get("hedges", ()))
        self.other_instance = _words_regex(data.get("other_instance", ()))
        self.not_location = _words_regex(data.get("not_location", ()))
        self.sequence = _words_regex(data.get("sequence", ()))
        self.hedges_after = _words_regex(data.get("hedges_after", ()))

    def event_words(self, text: str) -> Iterator[re.Match]:
        """The event words of an article, as the lexicon's pattern finds them
        scanning the text. A plain ASCII text is matched lowercased and
        case-sensitively, which the re module runs twice as fast as ignoring
        case (same matches: lowercasing ASCII keeps every offset).

        The pattern is tried only where a word of the text is the first word of
        an event phrase (found by splitting the text, in C): scanning every
        position was a third of the kind's cost, and most articles hold none.
        A text whose lowercasing moves offsets, or with a letter that matches
        an ASCII one ignoring case ("ſ", the Kelvin sign), is scanned whole."""
        plain = text.isascii()
        pattern = self._events.get(plain)
        if pattern is None:
            pattern = self._events[plain] = _words_regex(self.words, 0 if plain else re.I)
        lower = text.lower()
        scanned = lower if plain else text
        if self._first_words is None or not plain and (len(lower) != len(text) or _FOLDS_TO_ASCII.search(text)):
            yield from pattern.finditer(scanned)
            return
        words = lower.replace("’", "'").encode("ascii", "replace").translate(_WORD_BYTES)
        yield from _matches_at_words(pattern, scanned, b" " + words + b" ", self._first_words)

    def analysis(self, doc: Document) -> "Analysis":
        """The article's placements; the rules of this kind share them."""
        return doc.memo(self, lambda: Analyzer(self, doc).run())


LEXICON_KEYS = ("events", "not_events", "hedges", "hedges_after", "other_instance", "sequence", "not_location")


def load_lexicon(additions: dict[str, Any] | None = None) -> Lexicon:
    import json

    return _load_lexicon(json.dumps(additions or {}, sort_keys=True))


@lru_cache(maxsize=16)
def _load_lexicon(additions_json: str) -> Lexicon:
    import copy
    import json

    data = copy.deepcopy(base_lexicon())
    for key, value in json.loads(additions_json).items():
        if key == "events":
            for name, spec in value.items():
                target = data["events"].setdefault(name, {"label": name, "single_place": False})
                for field_name, entries in spec.items():
                    if field_name in ("nouns", "verbs", "city_nouns"):
                        target[field_name] = list(target.get(field_name) or []) + list(entries)
                    else:
                        target[field_name] = entries
        else:
            data[key] = list(data.get(key) or []) + list(value)
    return Lexicon(data)


# ---------------------------------------------------------------------------
# Reading an article
# ---------------------------------------------------------------------------

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
# A run of capitalised words counts as one word of a gap: "at a West Coast Bank branch".
_GAP_WORD = regex.compile(r"\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}'’.-]*)*|[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
# Punctuation that ends a clause; a comma only with what follows it (see _gap_blocked).
_HARD_BREAK = regex.compile(r"[;:()\[\]—–\"“”]|\s-\s")
_CLAUSE_BREAK = regex.compile(
    r"[;:()\[\]—–\"“”]|\s-\s|,\s+(?=(?:and|but|or|while|whereas|although|though|which|who|whom|whose|where|when|"
    r"as|after|before|because|since|if|so|yet|then)\b)|(?<![\w'’-])(?:but|while|whereas|although|though|which|who|"
    r"whom|where|when|because|since|after|before|until|unless)(?![\w'’-])",
    regex.I,
)
# "the meeting, which was held in", "talks that took place in": a clause about the venue.
_VENUE_PHRASE = regex.compile(
    r",?\s*(?:(?:which|that)\s+)?(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been|to\s+be|being|to)\s+)?"
    r"(?:held|hosted|staged|convened|organi[sz]ed|take\s+place|taking\s+place|took\s+place|takes\s+place|"
    r"under\s+way|underway)"
    r"(?![\w'’-])",
    regex.I,
)
_SHORT_MONTH = "(?:" + "|".join(calendar.MONTHS_SHORT).lower() + ")"
_DAY = ("(?:" + "|".join(calendar.WEEKDAYS).lower() + "|"
        rf"{_SHORT_MONTH}[a-z]*\.?\s+\d{{1,2}}(?!\d)|"
        rf"\d{{1,2}}\s+{_SHORT_MONTH}[a-z]*)")
_DAY_RE = regex.compile(rf"(?<![\w'’-]){_DAY}(?:['’]s)?(?![\w-])", regex.I)
# "on Tuesday", "on the sidelines of": an "on" that does not introduce a topic.
_ON_OK = LazyPattern("regex",
    rf"(?<![\w'’-])on\s+(?:{_DAY}|the\s+(?:sidelines|margins|eve|morning|evening|afternoon|night|day|weekend|same\s+day)"
    r"|(?:the\s+)?\d)",
    regex.I,
)
_BETWEEN = regex.compile(r"(?<![\w'’-])between\s+(?:[\p{L}\p{N}.'’-]+\s+){1,4}?and\s+(?:[\p{L}\p{N}.'’-]+\s+){0,3}?(?=in\b|at\b|\s*$)", regex.I)
_NUMBER_COMMA = regex.compile(r"(?<=\d),(?=\d{3})")
_TOPIC_ON = regex.compile(r"(?<![\w'’-])(?:on|upon)(?![\w'’-])", regex.I)
_TARGET_WORDS = frozenset({"against"})
# "to discuss", "to end": an infinitive starts a purpose clause with its own places.
_INFINITIVE = regex.compile(r"(?<![\w'’-])to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b|\d)\p{Ll}+", regex.I)
_YEAR = regex.compile(r"(?<![\w.,])(?:1[89]\d\d|20\d\d)(?![\w])")
# "in April", "in early February": a month without a day is not the story's day.
_MONTH_ONLY = regex.compile(
    r"(?<![\w'’-])(?:in|since|until|during)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?:" + "|".join(calendar.MONTHS).lower() + r")(?!\s+\d)(?![\w'’-])",
    regex.I,
)
_MONTHS = {month[:3].lower(): number for number, month in enumerate(calendar.MONTHS, 1)}
# "the 1992 (Los Angeles) riots": a year in an event's own words.
_DATED_BEFORE = regex.compile(r"(?<![\w'’-])(?:the|a|an|its|their|this|that)\s+(?:1[89]\d\d|20\d\d)(?:['’]s)?\s+$",
                              regex.I)
# A dated placement this far from the article's own date is another instance.
MAX_DAYS_FROM_ARTICLE = 7
_DETERMINER = regex.compile(
    r"(?:^|\s)(?:the|this|that|these|those|its|their|his|her|today['’]s|yesterday['’]s|\p{L}+['’]s?)"
    r"(?:\s+[\p{L}-]+){0,2}\s*$",
    regex.I,
)
_ATTRIBUTIVE_GAP = regex.compile(r"\s+(?:(\p{Ll}[\p{L}-]*)\s+)?")
# Words that cannot modify an event noun: "heading for Washington for talks".
_FUNCTION_WORDS = frozenset(
    "for to of in on at and or but the a an with by from as after before since during about into over under "
    "is was were are be been will would said says told than that this these those its their his her".split()
)
# "In Moscow, officials said the talks had failed": the scene of the saying.
_REPORTING = regex.compile(
    r"(?<![\w'’-])(?:said|says|say|told|tells|announced|reported|reports|added|stated|warned|claimed|believe[sd]?|"
    r"think|thinks|thought|hope[sd]?|expect(?:s|ed)?|according)(?![\w'’-])",
    regex.I,
)
_FRONTED = regex.compile(r"^\W*(?:in|at)\s+(?:the\s+)?$", regex.I)
_WHERE_AFTER = regex.compile(r",?\s+where\s+", regex.I)
_HERE = regex.compile(r"(?<![\w'’-])here(?![\w'’-])", regex.I)
# "The quake struck southern Iran": a place as the object of an impact verb.
_IMPACT_VERB = regex.compile(
    r"(?:struck|strikes|strike|hit|hits|ravaged|devastated|flattened|levelled|leveled|razed|"
    r"tore\s+through|ripped\s+through|engulfed|gutted)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$",
    regex.I,
)
# Sentence-level words for a neutral "for the first time", kept away from the other-instance list.
_NEUTRAL = regex.compile(
    r"(?<![\w'’-])(?:for\s+the\s+(?:first|second|third|last)\s+time|the\s+same\s+(?:day|time)|at\s+the\s+same\s+time|"
    r"another\s+\d[\d,.]*)(?![\w-])",  # "another 1,000 demonstrated": more people, not another instance
    regex.I,
)


@dataclass(frozen=True)
class Placement:
    """An event tied to a place in one clause of one article."""

    event: str  # event class
    word: str  # the event word as written
    word_start: int
    start: int  # the place expression, lint-text offsets
    end: int
    surface: str
    places: tuple  # tuple[Place, ...], widened for approximate cues
    status: str  # "asserted" | "hedged" | "other" (another instance) | "unclear" (two places in one sentence)
    definite: bool  # "the meeting": refers to one already told
    day: str  # "tuesday", "jan 6" or ""
    sentence: int
    paragraph: int
    here: bool = False  # "talks here": the place is the dateline's


@dataclass(frozen=True)
class UnplacedEvent:
    """An event verb of the lead sentence, asserted, that the sentence does not place."""

    event: str
    start: int
    end: int
    day: str


@dataclass
class Analysis:
    dateline: Any  # PlaceMention | None
    placements: list[Placement] = field(default_factory=list)
    unplaced_lead: list[UnplacedEvent] = field(default_factory=list)


def _widen(mention: Any) -> tuple:
    """The places a mention stands for: its candidates, or for "near X" the
    first-level division around each city candidate."""

    if mention.cue not in APPROXIMATE_CUES:
        return mention.places
    widened = []
    for place in mention.places:
        region = gz.admin1_region(place) if place.type == "city" else None
        widened.append(region if region is not None else place)
    return tuple(widened)


def event_hits(doc: Document, lexicon: Lexicon) -> list[tuple[int, int, EventWord]]:
    """The article's event words (start, end, EventWord), not those inside
    "cease-fire", "press conference", "heart attack"; found once per article."""
    def find() -> list[tuple[int, int, EventWord]]:
        text = doc.text
        hits = []
        for match in lexicon.event_words(text):
            start, end = match.span()
            written = match.group()
            if written not in lexicon.words:
                written = normal(written)
            word = lexicon.words[written]
            if written in lexicon.in_not_events:
                window = lexicon.not_events.finditer(text, max(0, start - 30), min(len(text), end + 30))
                if any(m.start() <= start and end <= m.end() for m in window):
                    continue
            hits.append((start, end, word))
        return hits

    return doc.memo(("event hits", lexicon), find)


def main_events(analysis: Analysis, lexicon: Lexicon, beyond_lead: bool = False) -> dict[str, list[Placement]]:
    """Per single-place event class, the asserted placements of the article's
    main instance: the first, in the lead, and later ones that refer back to
    it ("the meeting in ...", or the same named day). A reference that fits
    another instance told in between ("a quake in China ... the quake in
    China") refers to that one. ``beyond_lead`` (across articles): with no
    placement in the lead, the first definite one that no other instance
    precedes ("the crash near Segovia" in the eleventh paragraph)."""
    by_event: dict[str, list[Placement]] = {}
    others: dict[str, list[Placement]] = defaultdict(list)  # the article's other instances
    for placement in analysis.placements:
        if placement.here or not lexicon.classes[placement.event].single_place:
            continue
        told = others[placement.event]
        if placement.status != "asserted":
            if placement.status == "other" and len(told) < MAX_PAIRWISE:
                told.append(placement)  # "talks held last Sunday in Qatar"
            continue
        group = by_event.get(placement.event)
        if group is None:
            if placement.paragraph < LEAD_PARAGRAPHS or (beyond_lead and placement.definite and not told):
                by_event[placement.event] = [placement]
            elif len(told) < MAX_PAIRWISE:
                told.append(placement)
            continue
        main = group[0]
        if placement.sentence == main.sentence:
            continue  # "met in Paris and then in Berlin": a tour, not a contradiction
        refers = placement.definite or placement.day == main.day != ""
        if not refers or _other_days(placement.day, main.day):
            if len(told) < MAX_PAIRWISE:
                told.append(placement)
        elif len(group) < MAX_PAIRWISE and not any(agree(placement.places, o.places) for o in told):
            group.append(placement)  # at most MAX_PAIRWISE of each: a table of places is not prose
    return by_event


def story_events(doc: Document, lexicon: Lexicon | None = None) -> dict[str, Placement]:
    """The events an article tells as its own, by event class: each single-place
    class's main placement (its class, place and day), as the locations kind
    decides "the same event" across a story. Memoised on the document; other
    kinds (dates across a story) call it to pair an article's events with
    other articles' events of the same class and story."""
    lexicon = lexicon or load_lexicon()
    return doc.memo(("story events", lexicon), lambda: {
        event: group[0] for event, group in main_events(lexicon.analysis(doc), lexicon, beyond_lead=True).items()})


# A cue in a headline, in any case ("Fire At Waitrose In Wellington").
_HEADLINE_CUE = re.compile(r"(?<![\w'’-])(?i:in|at|near|outside)\s+(?:(?i:the)\s+)?[A-ZÀ-ÖØ-Þ]")
# A cue right after an event word ("protested in Athens").
_CUE_NEXT = re.compile(r"[ \t\n]+(?:in|at)[ \t\n]+(?:the[ \t\n]+)?[A-ZÀ-ÖØ-Þ]")
# The window read around an attachment's cue (characters): the words of the
# thing before it, the place, its qualifier or list after it.
TRIGGER_BEFORE = 50
TRIGGER_AFTER = 90


def sentence_table(doc: Document) -> tuple[list[int], list[int], list[int]]:
    """Every sentence of the article (a heading is one) in text order: starts,
    ends and block numbers, for bisecting offsets into sentences."""
    def table() -> tuple[list[int], list[int], list[int]]:
        starts, ends, blocks = [], [], []
        for number, block in enumerate(doc.blocks):
            for s_start, s_end in block.sentences or [(block.start, block.end)]:
                starts.append(s_start)
                ends.append(s_end)
                blocks.append(number)
        return starts, ends, blocks

    return doc.memo(("sentence table",), table)


def _sentence_at(doc: Document, at: int) -> int:
    """The number of the sentence (in sentence_table) that offset ``at`` falls in; -1 before the first."""
    return bisect.bisect_right(sentence_table(doc)[0], at) - 1


def article_places(doc: Document, lexicon: Lexicon) -> list[tuple[int, int, Any]]:
    """The places of the sentences that can tie one to an event or a thing:
    those with an event word or an attachment's cue ("in Paris", "Manila's",
    "Marseille police"; factlint.attachments.TRIGGERS), read a run of
    neighbouring sentences at a time (neighbours are context for names), as
    (start, end, PlaceMention) in lint-text offsets; found once per article.
    Reading every sentence would cost the check twice as much on Reuters."""
    return doc.memo(("article places", lexicon), lambda: _find_places(doc, lexicon))


def _find_places(doc: Document, lexicon: Lexicon) -> list[tuple[int, int, Any]]:

    text = doc.text
    starts, ends, blocks = sentence_table(doc)
    # sentences with a one-place event word are read whole ("the quake struck
    # southern Iran", "the Paris summit"), and so is a headline ("Fire At
    # Waitrose In Wellington": title case hides its cues)
    hits = event_hits(doc, lexicon)
    whole = {bisect.bisect_right(starts, hit[0]) - 1 for hit in hits if lexicon.classes[hit[2].event].single_place}
    for i, block in enumerate(blocks):
        if block >= 3:
            break
        if doc.blocks[block].kind == "heading" and _HEADLINE_CUE.search(text, starts[i], ends[i]):
            whole.add(i)
    spans = [(starts[i], ends[i]) for i in whole if i >= 0]
    # around a cue, the words before it and the place after it (with a list or
    # qualifier that follows): a window, not the sentence
    for mark in trigger_starts(text):
        i = bisect.bisect_right(starts, mark) - 1
        if i >= 0 and i not in whole:
            spans.append((max(starts[i], mark - TRIGGER_BEFORE), min(ends[i], mark + TRIGGER_AFTER)))
    spans += fronted_spans(text)  # "In Dubai, ...": the place alone
    # an event told by a verb ("Thousands protested in Athens"): no cue after a
    # verb is a trigger, so the event word's cue opens a window (a one-place
    # event's sentence is read whole anyway)
    for start, end, _ in hits:
        if _CUE_NEXT.match(text, end):
            i = bisect.bisect_right(starts, start) - 1
            spans.append((start, min(ends[i], end + TRIGGER_AFTER)))
    spans.sort()
    runs: list[list[int]] = []
    for start, end in spans:
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    mentions = []
    read: dict[str, list] = {}  # a window's places, by its words: an article that repeats itself is read once
    for start, end in runs:
        window = text[start:end]
        found = read.get(window)
        if found is None:
            found = read[window] = find_places(window, datelines=False)
        for mention in found:
            mentions.append((start, mention))
    qualified = {}
    for _, mention in mentions:
        if mention.qualifier is not None:
            qualified.setdefault(mention.name, mention.places)
    result = []
    for start, mention in mentions:
        if mention.qualifier is None and len(mention.places) > 1 and mention.name in qualified:
            # "in Wellington" where the article also writes "Wellington, Somerset"
            mention = replace(mention, places=qualified[mention.name])
        result.append((start + mention.start, start + mention.end, mention))
    return result


class Analyzer:
    """One pass over an article: event words, then places in their sentences."""

    def __init__(self, lexicon: Lexicon, doc: Document) -> None:
        self.lex = lexicon
        self.doc = doc
        self.text = doc.text
        self._starts: list[int] | None = None
        self.article_date = article_day(doc.front_matter.get("date"))

    def run(self) -> Analysis:

        doc, text = self.doc, self.text
        paragraphs = [b for b in doc.blocks if b.kind == "paragraph" and b.sentences]
        dateline = None
        if doc.blocks:
            first = doc.blocks[0]
            lead = paragraphs[0] if paragraphs else None
            for block in (first, lead) if lead is not None and lead is not first else (first,):
                found = find_dateline(text, block.start, min(block.end, block.start + 200))
                if found is not None:
                    dateline = found
                    break
        analysis = Analysis(dateline)
        if not paragraphs:
            return analysis
        hits = event_hits(doc, self.lex)
        starts = [h[0] for h in hits]
        lead_sentence = paragraphs[0].sentences[0]
        index = 0
        for number, block in enumerate(paragraphs):
            spans = []  # sentences with a compared event word: (index, start, end, hits)
            for s_start, s_end in block.sentences:
                lo = bisect.bisect_left(starts, s_start)
                hi = bisect.bisect_left(starts, s_end)
                # words of other events stay in as boundaries ("met after strikes in ...")
                if hits[lo:hi]:  # every class: one-place events are compared, the others placed against the story
                    spans.append((index, s_start, s_end, hits[lo:hi]))
                index += 1
            # places are read only in those sentences, a run of them at a time
            # (neighbours are context for names: "Wellington ... Somerset")
            runs: list[list[tuple]] = []
            for span in spans:
                if runs and runs[-1][-1][0] == span[0] - 1:
                    runs[-1].append(span)
                else:
                    runs.append([span])
            for run in runs:
                mentions = self._mentions(run[0][1], run[-1][2])
                mention_starts = [m[0] for m in mentions]  # in order: each sentence takes its share by bisection
                for s_index, s_start, s_end, s_hits in run:
                    lo = bisect.bisect_left(mention_starts, s_start)
                    hi = bisect.bisect_left(mention_starts, s_end + 1)
                    inside = [m for m in mentions[lo:hi] if m[1] <= s_end]
                    placed = self._sentence(analysis, s_index, number, s_start, s_end, s_hits, inside)
                    if (s_start, s_end) == lead_sentence:
                        self._unplaced_lead(analysis, s_start, s_end, s_hits, placed)
        return analysis

    def _mentions(self, start: int, end: int) -> list[tuple[int, int, Any]]:
        """Places of a stretch of text that may locate an event: (start, end, mention),
        from the article's places (found once: article_places)."""
        mentions = article_places(self.doc, self.lex)
        if self._starts is None:
            self._starts = [m[0] for m in mentions]
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [(m_start, m_end, mention) for m_start, m_end, mention in mentions[lo:hi]
                if m_end <= end and mention.context not in ("dateline", "metonymy", "based", "directional")
                and mention.cue not in SPREAD_CUES]

    # -- one sentence -----------------------------------------------------------
    def _sentence(self, analysis: Analysis, index: int, paragraph: int, s_start: int, s_end: int, hits: list,
                  mentions: list) -> set[int]:
        """Placements of one sentence; returns the starts of the event words placed."""
        text = self.text
        placed: set[int] = set()
        seen: set[tuple[int, str]] = set()
        dateline = analysis.dateline
        first = len(analysis.placements)
        for m_start, m_end, mention in mentions:
            if dateline is not None and m_start < dateline.end and m_end > dateline.start:
                continue
            hit = self._tie(mention, m_start, m_end, s_start, s_end, hits)
            if hit is None:
                continue
            w_start, w_end, word = hit
            if word.city_only and not all(p.type == "city" for p in mention.places):
                continue
            if (m_start, word.event) in seen:
                continue
            seen.add((m_start, word.event))
            placed.add(w_start)
            analysis.placements.append(self._placement(word, w_start, w_end, m_start, m_end, _widen(mention),
                                                       index, paragraph, s_start, s_end))
        self._order_instances(analysis, first, s_start)
        if dateline is not None:
            for here in _HERE.finditer(text, s_start, s_end):
                hit = self._preceding_hit(here.start(), s_start, hits)
                if hit is None or hit[2].city_only or (here.start(), hit[2].event) in seen:
                    continue
                seen.add((here.start(), hit[2].event))
                placed.add(hit[0])
                placement = self._placement(hit[2], hit[0], hit[1], here.start(), here.end(), dateline.places,
                                            index, paragraph, s_start, s_end, here=True)
                analysis.placements.append(placement)
        return placed

    def _order_instances(self, analysis: Analysis, first: int, s_start: int) -> None:
        """Placements of one sentence (``analysis.placements[first:]``) that
        cannot be read as one event in one place.

        "Met in Paris after talks in Berlin": the event after a sequence word
        is another instance when the sentence places one of its class
        elsewhere. What is left and still disagrees ("met in Paris and
        Berlin", a tour; a venue the recogniser took for a town) is unclear.
        """
        mine = analysis.placements[first:]
        for i, placement in enumerate(mine):
            if placement.status == "asserted" and self.lex.sequence.search(self._prefix(placement.word_start, s_start)) \
                    and any(o.event == placement.event and o.start != placement.start for o in mine):
                mine[i] = replace(placement, status="other")
        asserted = [p for p in mine if p.status == "asserted"]
        for i, placement in enumerate(mine):
            if placement.status == "asserted" and self.lex.classes[placement.event].single_place and any(
                o.event == placement.event and not agree(o.places, placement.places) for o in asserted
            ):
                mine[i] = replace(placement, status="unclear")
        analysis.placements[first:] = mine

    def _preceding_hit(self, m_start: int, s_start: int, hits: list, cue: str = "") -> tuple | None:
        """The nearest event word before a place, if nothing in between cuts
        them apart. The words from the place's cue on ("in the Saudi capital,
        Riyadh") were read by find_places and are not looked at again."""
        before = [h for h in hits if h[1] <= m_start]
        if not before:
            return None
        hit = before[-1]
        end = m_start
        if cue:
            cue_at = _cue_regex(cue).search(self.text, hit[1], m_start)
            if cue_at is not None:
                end = cue_at.start()
        if self._gap_blocked(hit[1], end, hit[2].event):
            return None
        return hit

    def _tie(self, mention: Any, m_start: int, m_end: int, s_start: int, s_end: int, hits: list) -> tuple | None:
        """The event word a place belongs to, or None."""
        text = self.text
        if mention.context in ("locative", "qualifier"):
            hit = self._preceding_hit(m_start, s_start, hits, mention.cue) if mention.context == "locative" else None
            if hit is not None:
                return hit
        # "The quake struck southern Iran": the object of an impact verb
        before = [h for h in hits if h[1] <= m_start]
        if before and mention.context in ("mention", "possessive"):
            hit = before[-1]
            gap = text[hit[1]:m_start]
            if _IMPACT_VERB.search(gap) and not _CLAUSE_BREAK.search(gap) and len(_GAP_WORD.findall(gap)) <= 5:
                return hit
        after = [h for h in hits if h[0] >= m_end]
        if not after:
            return None
        nxt = after[0]
        between = text[m_end:nxt[0]]
        # "the Paris summit", "the Berlin peace talks"; only a city (a country
        # or region before an event names who acts or what it is about: "a US
        # intervention", "a Middle East peace conference")
        if nxt[2].noun and mention.context in ("mention", "qualifier") and mention.place.type == "city":
            modifier = _ATTRIBUTIVE_GAP.fullmatch(between)
            if modifier and (modifier.group(1) or "").lower() not in _FUNCTION_WORDS:
                return nxt
        # "In Paris, leaders met ...": a fronted locative sets the scene of the main clause
        if mention.context == "locative" and _FRONTED.match(text[s_start:m_start]) and (comma := _COMMA_AFTER.match(between)):
            rest = between[comma.end():]
            if not _CLAUSE_BREAK.search(rest) and not _REPORTING.search(rest) and len(_WORD.findall(rest)) <= 12:
                return nxt
        # "in Paris, where leaders met"
        where = _WHERE_AFTER.match(text, m_end, nxt[0])  # endpos: without it, regex looks for "where" to the article's end
        if mention.context == "locative" and where and where.end() <= nxt[0]:
            rest = text[where.end():nxt[0]]
            if not _CLAUSE_BREAK.search(rest) and not _REPORTING.search(rest) and len(_WORD.findall(rest)) <= 8:
                return nxt
        return None

    def _gap_blocked(self, start: int, end: int, event: str) -> bool:
        """Whether the words between an event word and a place cut them apart."""
        gap = _NUMBER_COMMA.sub("", self.text[start:end])  # "killed 26,000 people in Bam"
        gap = _VENUE_PHRASE.sub(" ", gap)
        gap = _BETWEEN.sub(" ", gap)  # "talks between Israel and Hamas in Cairo"
        if _HARD_BREAK.search(gap) or "," in gap or "\n\n" in gap:
            return True
        if len(_GAP_WORD.findall(gap)) > MAX_GAP_WORDS:
            return True
        if _INFINITIVE.search(gap):
            return True
        targets = self.lex.classes[event].targets
        for word in self.lex.not_location.finditer(gap):
            if not (targets and word.group().lower() in _TARGET_WORDS):
                return True
        topic = _TOPIC_ON.search(gap)
        if topic and not targets and not _ON_OK.match(gap, topic.start()):
            return True
        return False

    def _placement(self, word: EventWord, w_start: int, w_end: int, m_start: int, m_end: int, places: tuple,
                   index: int, paragraph: int, s_start: int, s_end: int, here: bool = False) -> Placement:
        text = self.text
        first, last = min(w_start, m_start), max(w_end, m_end)
        clause_start = s_start
        for brk in _CLAUSE_BREAK.finditer(text, s_start, first):
            clause_start = brk.end()
        tail = self._tail(last, s_end)
        scope = text[clause_start:tail]
        scope = _NEUTRAL.sub(" ", scope)
        prefix = self._prefix(w_start, s_start)
        between = text[min(w_end, m_end):max(w_start, m_start)]
        after = text[last:tail]
        day = _DAY_RE.search(scope)
        day_key = _day_key(day.group()) if day else ""
        if self.lex.hedges.search(_NEUTRAL.sub(" ", text[clause_start:last])) or self.lex.hedges_after.search(after):
            status = "hedged"
        elif (self.lex.other_instance.search(_NEUTRAL.sub(" ", prefix + " " + between + " " + after))
              or _YEAR.search(prefix + " " + between + " " + after) or _MONTH_ONLY.search(between + " " + after)
              or self._far_from_article(day_key)):
            status = "other"
        else:
            status = "asserted"
        return Placement(
            event=word.event,
            word=text[w_start:w_end],
            word_start=w_start,
            start=m_start,
            end=m_end,
            surface=" ".join(text[m_start:m_end].split()),
            places=places,
            status=status,
            definite=word.noun and bool(_DETERMINER.search(prefix)),
            day=day_key,
            sentence=index,
            paragraph=paragraph,
            here=here,
        )

    def _far_from_article(self, day_key: str) -> bool:
        """"On February 22" in an article of March 26: another instance."""
        from datetime import date

        if " " not in day_key or self.article_date is None:
            return False
        month, number = day_key.split()
        try:
            told = date(self.article_date.year, _MONTHS[month], int(number))
        except (KeyError, ValueError):
            return False
        gap = abs((self.article_date - told).days)
        return min(gap, 365 - gap) > MAX_DAYS_FROM_ARTICLE  # "Dec 30" in a January article

    def _prefix(self, w_start: int, s_start: int) -> str:
        """Up to PREFIX_WORDS words before the event word, in its sentence."""
        words = list(_WORD.finditer(self.text, max(s_start, w_start - 80), w_start))
        if not words:
            return ""
        return self.text[words[max(0, len(words) - PREFIX_WORDS)].start():w_start]

    def _tail(self, pos: int, s_end: int) -> int:
        """Where the words read after a place end: TAIL_WORDS words, or a clause break."""
        end = pos
        for count, word in enumerate(_WORD.finditer(self.text, pos, s_end)):
            if count >= TAIL_WORDS or _CLAUSE_BREAK.search(self.text, end, word.start()) or "," in self.text[end:word.start()]:
                break
            end = word.end()
        return end

    def _unplaced_lead(self, analysis: Analysis, s_start: int, s_end: int, hits: list, placed: set[int]) -> None:
        """Events the lead sentence tells, asserted, without a place of their own."""
        text = self.text
        for w_start, w_end, word in hits:
            # a verb tells the event ("Leaders met on Tuesday"); a noun may be
            # an object only ("the collapse of talks")
            if w_start in placed or word.noun or not self.lex.classes[word.event].single_place:
                continue
            if any(p.sentence == 0 and p.event == word.event for p in analysis.placements):
                continue
            clause_start = s_start
            for brk in _CLAUSE_BREAK.finditer(text, s_start, w_start):
                clause_start = brk.end()
            tail = self._tail(w_end, s_end)
            scope = text[clause_start:tail]
            if self.lex.hedges.search(text[clause_start:w_end]) or self.lex.hedges_after.search(text[w_end:tail]) \
                    or self.lex.other_instance.search(_NEUTRAL.sub(" ", self._prefix(w_start, s_start))):
                continue
            day = _DAY_RE.search(scope)
            analysis.unplaced_lead.append(UnplacedEvent(word.event, w_start, w_end,
                                           _day_key(day.group()) if day else ""))


@lru_cache(maxsize=64)
def _cue_regex(cue: str) -> regex.Pattern:
    """The last use of a cue ("in", "north of") before a place, searched backwards."""
    words = r"\s+".join(regex.escape(w) for w in cue.split())
    return regex.compile(rf"(?r)(?<![\w'’-]){words}(?![\w'’-])", regex.I)


def _day_key(day: str) -> str:
    day = normal(day).replace(".", "")
    day = _POSSESSIVE_END.sub("", day)
    parts = day.split()
    if len(parts) == 2:
        if parts[0].isdigit():
            parts = parts[::-1]
        return f"{parts[0][:3]} {int(parts[1])}"
    return day


# ---------------------------------------------------------------------------
# Comparing placements
# ---------------------------------------------------------------------------


def agree(a: tuple, b: tuple) -> bool:
    """Whether two placements' places can be the same place: one candidate of
    each overlaps ("Paris" and "France"), or they have the same name (a town
    placed by its county and the gazetteer's own entry)."""

    for x in a:
        for y in b:
            if gz.overlaps(x, y) or gz.normalize(x.name) == gz.normalize(y.name):
                return True
            if x.country == y.country and x.country and _unknown_extent(x) != _unknown_extent(y):
                return True  # "Banstead" and "Surrey": a county GeoNames cannot subdivide
    return False


def _unknown_extent(place: Any) -> bool:
    """A region whose extent the gazetteer does not know (an English county)."""
    return place.type == "region" and "#" in place.footprint[0]


def _other_days(a: str, b: str) -> bool:
    """Two placements on different named days ("on Monday", "on Wednesday") are
    two instances of the event, not a contradiction."""
    return bool(a and b and a != b)


def compatible(a: Any, b: Any) -> bool:
    """Whether two placements (with ``places`` and ``day``) can stand
    together: the same place, or two named days ("talks in Geneva on Sunday",
    "talks in Abu Dhabi on Monday": two rounds). Across articles the days are
    compared only within ``max_days``, where "Tuesday" is one Tuesday."""
    return agree(a.places, b.places) or _other_days(a.day, b.day)


# Above this many placements of one event in one story, vague ones are not
# looked for (the test is cubic); they then join the first side they fit.
MAX_VAGUE_CHECK = 150


def coarse(placement: Any) -> bool:
    """A placement that may be a region ("Surrey" is also a Canadian city):
    it may be vague (see sides)."""
    return any(p.type != "city" for p in placement.places)


def sides(items: list[Any], agrees: Any = compatible, is_coarse: Any = coarse) -> list[list[Any]]:
    """Split items into sides whose members all agree with each other.

    A vague item, a region or country that agrees with two items that
    contradict each other ("in Surrey" beside "in Banstead" and "in
    Wellington"; "in Europe"), contradicts nothing and is left out. Then the item agreeing with the most
    others anchors a side (ties: the earliest), which takes every item that
    agrees with all its members so far, the best supported first; and so on
    with what is left.
    """
    n = len(items)
    matrix = [[i == j or agrees(items[i], items[j]) for j in range(n)] for i in range(n)]
    keep = list(range(n))
    if n <= MAX_VAGUE_CHECK:
        def vague(i: int) -> bool:
            near = [j for j in range(n) if j != i and matrix[i][j]]
            return any(not matrix[a][b] for x, a in enumerate(near) for b in near[x + 1:])

        keep = [i for i in range(n) if not (is_coarse(items[i]) and vague(i))]
    result = []
    remaining = keep
    while remaining:
        support = {i: sum(matrix[i][j] for j in remaining) for i in remaining}
        order = sorted(remaining, key=lambda i: (-support[i], i))
        side = [order[0]]
        for i in order[1:]:
            if all(matrix[i][j] for j in side):
                side.append(i)
        result.append([items[i] for i in sorted(side)])
        remaining = [i for i in remaining if i not in side]
    return result


@dataclass(frozen=True)
class StoryPlacement:
    """What the across comparison keeps of one article's placement of an event."""

    event: str
    surface: str
    places: tuple
    location: Location
    excerpt: str
    day: str  # "tuesday", "jan 6" or ""
    also: tuple[Location, ...] = ()  # the article's later placements of the same event, agreeing
    # other places the article ties to this kind of event, asserted or not ("after the Geneva talks")
    known: tuple[tuple, ...] = ()


@dataclass(frozen=True)
class ThingPlacement:
    """What the across comparison keeps of one attachment of a thing (factlint.attachments)."""

    key: str
    tier: int  # attachments.NAMED, INSTITUTION or GENERIC
    thing: str  # as the message says it: "the Waitrose supermarket", "'born'"
    surface: str
    places: tuple
    location: Location
    excerpt: str
    role: str
    asserted: bool  # else another instance ("last month's talks in London"): a counterpart of a restatement only
    words: frozenset[str]  # the sentence's words but the places: a restatement shares most of them
    spread: bool = False  # an event that happens in many places (a protest): each placement on its own
    # a plain common noun's word before its head ("office" workers; "" for "35,000 merchants"); None for any
    # other thing: a plain noun is one thing against one article only with the same modifier (see _stray)
    modifier: str | None = None


@dataclass(frozen=True)
class StoryExtract:
    """An article's part in the across comparison: its main events, its things
    by key, and every place it names (a place the story knows is no slip)."""

    events: dict[str, StoryPlacement]
    things: dict[str, tuple[ThingPlacement, ...]]
    named: tuple  # tuple[Place, ...]: the places the article names (see _named_places)
    within: frozenset = frozenset()  # places the article's own comparison reports (Location)


def _one_against_one(items: list[tuple[str, Any]], named: dict[str, tuple] | None,
                     corpus: Corpus | None) -> list[tuple[tuple[str, Any], tuple[str, Any]]]:
    """Two articles that disagree: the one whose place the rest of the story
    does not name is reported; when the story names both or neither, the later
    article. [(reported item, the other item)]."""
    first, second = items
    def known(item: tuple[str, Any]) -> bool:
        path, placement = item
        return any(_names(placement.places, places) for p, places in (named or {}).items() if p != path)
    if known(first) != known(second):
        return [(second, first)] if known(first) else [(first, second)]
    later = max(items, key=lambda item: corpus.order(item[0]) if corpus is not None else item[0])
    return [(later, first if later is second else second)]


# A restatement: two sentences that share this much of the shorter one's
# words (places aside), and at least this many, say the same thing, whatever
# their thing's tier (a story re-sent with a place changed).
RESTATED = 0.8
RESTATED_WORDS = 8
# Articles that must agree against one, by the tier of the thing's key
# (attachments.GENERIC, INSTITUTION, NAMED).
MAJORITY_BY_TIER = (2, 2, 1)


def _thing_outlier(path: str, found: tuple, items: list, named: dict[str, tuple],
                   corpus: Corpus) -> tuple | None:
    """(the article's placement, the agreeing articles' placements) when the
    article at ``path`` places the thing where the rest of the story does not.

    The article's first asserted placement must disagree with every other
    article's (near or inside counts as agreeing) and with none of its own;
    the others must agree, a majority of at least MAJORITY_BY_TIER of the
    key's tier, or one article that restates the sentence. The place must be
    named nowhere else in the story (a place the story knows is no slip); for
    a generic thing ("office workers in ...") it must also lie in a country
    no other article names. One article against one is reported at the one
    whose place the rest of the story does not know, else at the later one.
    """
    mine = [p for p in found if p.asserted]
    if not mine or _mixed(mine):
        return None
    first = mine[0]
    others = [(p, f) for p, f in items if p != path]
    if any(_same_place(first, other) for _, f in others for other in f if other.asserted):
        return None  # another article agrees
    restated = [(p, other) for p, f in others for other in f if first.tier and other.tier and _restates(first, other)]
    against = [(p, [q for q in f if q.asserted]) for p, f in others]
    against = [(p, f[0]) for p, f in against if f and not _mixed(f)]
    if restated:
        majority = _agreeing(restated)
        if majority is None:
            return None
    else:
        if not against:
            return None
        majority = _agreeing(against)
        if majority is None:
            return None
        tier = min([first.tier] + [p.tier for _, p in majority])
        if len(majority) < MAJORITY_BY_TIER[tier] and not _stray(first, majority, named, path):
            return None
    if any(_names(first.places, places) for p, places in named.items() if p != path):
        return None  # the story knows the place: no slip
    if not restated and min([first.tier] + [p.tier for _, p in majority]) == GENERIC and _known_country(first, majority, named, path):
        return None  # a generic thing: only a place in a country the story does not know
    if len(majority) == 1:
        other_path, theirs_placement = majority[0]
        if _visit(first.key) and not _known(theirs_placement, named, other_path):
            return None  # one visit against one, and the story names neither place again: no telling
        if not _known(theirs_placement, named, other_path) and corpus.order(path) < corpus.order(other_path):
            return None  # the story knows neither place: the later article is reported
    return first, majority


def _visit(key: str) -> bool:
    """A person's visit told by its purpose ("person:cuenca:brief", see factlint.attachments)."""
    return key.startswith("person:") and key.count(":") == 2


def _known(placement: Any, named: dict[str, tuple], own: str) -> bool:
    """Whether an article other than ``own`` names the placement's place."""
    return any(_names(placement.places, places) for p, places in named.items() if p != own)


def _known_country(first: Any, majority: list, named: dict[str, tuple], path: str) -> bool:
    """Whether the placement's country is the majority's, or one the story names:
    another article, or this one apart from the place itself."""
    theirs = {place.country for _, p in majority for place in p.places[:1]}
    holders = _country_holders(named)
    return any(
        not place.country or place.country in theirs or _told(holders, place.country, path, first) for place in first.places
    )


def _stray(first: Any, majority: list, named: dict[str, tuple], path: str) -> bool:
    """One article against one, below the tier's majority: still an outlier when
    the other article's place is one the story names elsewhere too and this
    one's lies in a country the rest of the story never names ("an office
    worker in Sialkot" where the story is in Dubai). A plain common noun
    counts only when both articles qualify it by the same word ("an office
    worker" / "office workers"): "Visa-accepting merchants in China" and
    "35,000 merchants in Germany" are two sets of merchants, not one thing."""
    if len(majority) != 1:
        return False
    other_path, theirs = majority[0]
    if (first.modifier is not None or theirs.modifier is not None) and (
            not first.modifier or first.modifier != theirs.modifier):
        return False  # "merchants in China" / "35,000 merchants in Germany": a plain common noun is no one thing
    return _known(theirs, named, other_path) and not _known_country(first, majority, named, path)


def _spread_outliers(path: str, found: tuple, items: list, named: dict[str, tuple]) -> list[tuple]:
    """An event that happens in many places (protests, floods): a placement
    of it in a country the rest of the story names nowhere, while two or more
    other articles place it, all in another one ("protests in Athens" in
    three reports, "a demonstration in Santiago" in one)."""
    others = [(p, f) for p, f in items if p != path]
    if len(others) < 2:
        return []
    countries = {place.country for _, f in others for q in f for place in q.places[:1]}
    if len(countries) != 1:
        return []
    told = {place.country for p, places in named.items() if p != path for place in places}
    result = []
    for first in found:
        if any(_same_place(first, q) for _, f in others for q in f):
            continue
        if any(_names(first.places, places) for p, places in named.items() if p != path):
            continue
        if any(place.country in countries or place.country in told or not place.country for place in first.places):
            continue
        result.append((first, [(p, f[0]) for p, f in others]))
    return result


# A counterpart: another article's sentence that tells the same thing in
# many of the same words (a restatement is the closest kind), with its place
# one the story agrees on and this one's a place the story never names.
COUNTERPART = 0.4
COUNTERPART_WORDS = 5
_NOT_CONTENT = frozenset(
    """a an the and or but nor of in at on to for with by from as into onto over under about after before
    than then that this these those it its he she they them his her their our we you i is was were be been
    being are am has have had do does did will would could should may might can must not no s t also which
    who whom whose what when where while there here said says say told last next first one two""".split())


def _counterpart_outliers(by_key: dict[str, list], named: dict[str, tuple]) -> list[tuple]:
    """Placements whose sentence another article tells in much the same words
    with another place ("the 88-72 setback at Ibb" / "Friday's 88-72 loss in
    Cleveland"), whatever thing either sentence ties to its place: the place
    is named nowhere else in the story and lies in a country no other article
    names (nor this one, but for the place itself), and the counterpart's place is one two or more other articles name
    (the story's place). [(placement, [(path, counterpart), ...])]

    Those two tests on the placement alone rule out nearly every one, so the
    sentences' words are read only for the placements that pass them and for
    what they are set against: a server checks one article against its story
    on every edit."""
    placements: dict[str, dict[Location, Any]] = defaultdict(dict)
    places_as_things: set[Location] = set()  # "Maseru in Ivory Coast": a place's own place is no counterpart
    for key, items in by_key.items():
        for path, found in items:
            for p in found:
                if key.startswith("place:"):
                    places_as_things.add(p.location)
                elif p.asserted and p.words:
                    placements[path].setdefault(p.location, p)
    for mine in placements.values():
        for location in places_as_things & mine.keys():
            del mine[location]
    holders = _country_holders(named)
    content: dict[Location, tuple[frozenset[str], frozenset[str]]] = {}

    def words_of(placement: Any) -> tuple[frozenset[str], frozenset[str]]:
        found = content.get(placement.location)
        if found is None:
            found = content[placement.location] = _content_words(placement)
        return found

    result = []
    for path, mine in placements.items():
        others: list[tuple[str, Any]] | None = None
        for first in mine.values():
            if first.places[0].type == "country":
                continue  # "a distributor for Ford in Japan": a market, not a place inside one the story never names
            if any(not place.country or _told(holders, place.country, path, first) for place in first.places):
                continue  # the story, or the article apart from this place, names its country
            if any(_names(first.places, places) for o, places in named.items() if o != path):
                continue
            if others is None:
                others = [(o, q) for o, found in placements.items() if o != path for q in found.values()]
            words, heads = words_of(first)
            matches = []
            for other_path, q in others:
                theirs, their_heads = words_of(q)
                shared = len(words & theirs)
                if shared < COUNTERPART_WORDS or shared < COUNTERPART * min(len(words), len(theirs)):
                    continue
                if _head(first.key) not in their_heads and _head(q.key) not in heads:
                    continue  # one sentence must tell the other's thing ("losses" / "the loss in Cleveland")
                if _same_place(first, q):
                    break
                naming = sum(1 for o, places in named.items() if o != path and _names(q.places[:1], places))
                if naming >= 2:
                    matches.append((other_path, q))
            else:
                if matches:
                    seen: dict[str, tuple] = {}
                    for item in matches:
                        seen.setdefault(item[0], item)
                    result.append((first, list(seen.values())))
    return result


def _country_holders(named: dict[str, tuple]) -> dict[str, dict[str, set[str]]]:
    """Per country, the articles that name a place of it, and those places' ids."""
    holders: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for path, places in named.items():
        for place in places:
            holders[place.country].setdefault(path, set()).add(place.id)
    return holders


def _told(holders: dict[str, dict[str, set[str]]], country: str, path: str, first: Any) -> bool:
    """Whether the story names ``country``: another article, or the article at ``path``
    apart from the placement's own places ("a setback at Toronto ... their third loss
    in Canada": the article knows it went to Canada)."""
    by_path = holders.get(country, {})
    if any(p != path for p in by_path):
        return True
    own = {place.id for place in first.places}
    return any(place_id not in own for place_id in by_path.get(path, ()))


def _content_words(placement: Any) -> tuple[frozenset[str], frozenset[str]]:
    """A placement's sentence words that carry content, and their singulars: read once
    per placement, not once for each sentence it is set against."""
    words = placement.words - _NOT_CONTENT
    return words, frozenset(singular(w) for w in words)


def _head(key: str) -> str:
    """A thing key's head word, singular as the sentence words it is looked up
    in: "police station" -> "station", "event:riot" -> "riot", "greeks" -> "greek"."""
    return singular(key.rpartition(":")[2].rpartition(" ")[2])


def _agreeing(items: list[tuple[str, Any]]) -> list[tuple[str, Any]] | None:
    """The articles' placements that agree, when they are a strict majority of them."""
    split = sides(items, lambda a, b: _same_place(a[1], b[1]), lambda item: coarse(item[1]))
    split.sort(key=lambda side: -len(side))
    majority = split[0]
    if len(majority) <= sum(len(side) for side in split[1:]):
        return None
    seen: dict[str, tuple[str, Any]] = {}
    for path, placement in majority:
        seen.setdefault(path, (path, placement))
    return list(seen.values())


def _restates(a: Any, b: Any) -> bool:
    """Two placements in sentences that say the same thing in the same words,
    with places that disagree: a restated sentence with its place changed."""
    if not a.words or not b.words or _same_place(a, b):
        return False
    shared = len(a.words & b.words)
    return shared >= RESTATED_WORDS and shared >= RESTATED * min(len(a.words), len(b.words))


def _sentence_words(doc: Document, start: int, end: int, mentions: list) -> frozenset[str]:
    """The lower-case words of the sentence doc.text[start:end], but its place names."""
    text = doc.text[start:end]
    lo = bisect.bisect_left(mentions, (start,))
    for m_start, m_end, _ in mentions[lo:]:
        if m_start >= end:
            break
        if m_end <= end:
            text = text[:m_start - start] + " " * (m_end - m_start) + text[m_end - start:]
    return frozenset(_SENTENCE_WORD.findall(text.lower()))


_SENTENCE_WORD = regex.compile(r"[\p{L}\p{N}]+")
_COMMA_AFTER = regex.compile(r"\s*,")
_POSSESSIVE_END = regex.compile(r"['’]s$")


def _same_place(a: Any, b: Any) -> bool:
    """Two placements of a thing agree: one place holds the other, or two cities are near."""

    return agree(a.places, b.places) or any(_near(x, y) or _unplaced_town(x, y) for x in a.places for y in b.places)


def _near(a: Any, b: Any) -> bool:
    """Two cities of one area: closer than a radius that grows with the bigger
    one (25 km, plus 20 km for each tenfold above 100,000 people): Brooklyn
    and New York, Malibu and Los Angeles, Aurora and Denver are one area;
    Leeds and Sheffield (47 km) or Segovia and Madrid (70 km) are not."""
    from math import log10


    distance = gz.distance_km(a, b)
    if distance is None:
        return False
    biggest = max(a.population, b.population, 100_000)
    return distance < 25 + 20 * log10(biggest / 100_000)


def _unplaced_town(a: Any, b: Any) -> bool:
    """A town the gazetteer lacks ("Malibu, California") and a place of its
    state: how far apart they are cannot be told, so they are not compared;
    unless the town's name is a big city elsewhere ("Marseille, Tenn.")."""

    for town, other in ((a, b), (b, a)):
        if town.id.startswith("town:") and town.country == other.country and town.admin1 \
                and town.admin1 == other.admin1:
            return not any(p.type == "city" and p.population >= 100_000 for p in gz.lookup(town.name))
    return False


def _mixed(found: tuple) -> bool:
    """An article that places one thing in places that disagree."""
    return any(not _same_place(found[0], other) for other in found[1:])


def _names(places: tuple, named: tuple) -> bool:
    """Whether an article names one of ``places`` (in a sentence whose places
    were read): the place itself, a city near it, or (for a region or
    country) a place inside it."""
    for place in places:
        for other in named:
            if other.id == place.id or gz.normalize(other.name) == gz.normalize(place.name) or _near(place, other):
                return True
            if place.type != "city" and gz.contains(place, other):
                return True
    return False


def _named_places(doc: Document, analysis: Analysis, lexicon: Lexicon) -> tuple:
    """The places the article names, in any context, where places were read
    (see article_places): the best candidate of each mention, qualifiers and
    the dateline. A capitalised-word scan of the whole text would catch a few
    more, for 7% of the kind's time."""
    seen: dict[str, Any] = {}
    for _, _, mention in article_places(doc, lexicon):
        for place in mention.places[:1] + ((mention.qualifier,) if mention.qualifier is not None else ()):
            seen.setdefault(place.id, place)
    if analysis.dateline is not None:
        for place in analysis.dateline.places[:1]:
            seen.setdefault(place.id, place)

    return tuple(seen.values())


# A place of a list that lies this far from every place of the list's
# country, in a country the article names nowhere else, is a slip: "95 mm in
# Kaluga" among Argentine provinces (12,600 km), not "Entre Rios" (a
# province the gazetteer knows only as a Brazilian town, 3,200 km away) nor
# "Hong Kong" beside Tokyo and Osaka (2,900 km).
LIST_OUTLIER_KM = 5000
# Between two places of one list: a separator, then at most a few words of
# figures or names (twelve at most), then the cue again ("83 mm in Cordoba, 41 in Santa Fe",
# "five to 50 mm in Quetta, five to 31 mm in San Luis", "in Chaco and Formosa").
_LIST_GAP = regex.compile(r"\s*(?:,|;|,?\s+and|,?\s+or)\s+((?:[\p{L}\p{N}.,'’-]+\s+){0,12}?)(?:in|at)\s+(?:the\s+)?")
# The number words a list's figures are written in.
_LIST_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred"
_LIST_WORD = LazyPattern("regex", r"\p{Lu}[\p{L}'’.-]*|\d[\d.,]*|and|or|to|from|between|in|at|the|of|parts?|"
                           r"mm|cm|inches|millimetres|millimeters|centimetres|centimeters|pct|percent|per|cent|"
                           + _LIST_NUMBERS)
_NUMBER = regex.compile(rf"\d|\b(?:{_LIST_NUMBERS})\b")


def list_outliers(doc: Document, mentions: list[tuple[int, int, Any]]) -> list[tuple[tuple, list[tuple]]]:
    """Places of a list that do not belong to it: a list of three or more
    places after "in" or "at" (not countries), each with its own figure (a
    table in prose; a plain list, "offices in New York, Chicago and Tokyo",
    may go abroad on purpose), whose other places lie in one
    country (two in three of them at least: the gazetteer knows some
    provinces only as towns abroad), but for this one, which lies in a country the article names
    nowhere else, LIST_OUTLIER_KM or more from every place of theirs ("83 mm
    in Cordoba, 41 in Santa Fe, 50 in Entre Rios, 95 in Kaluga, 35 in
    Formosa"). [(the mention, the list's other mentions)]. A list of places in
    several countries ("newspapers in Manila and Hong Kong", "offices in New
    York, London and Tokyo") has no country to stray from."""
    starts, ends, _ = sentence_table(doc)
    text = doc.text
    runs: list[list[tuple]] = []
    for item in mentions:
        m_start, m_end, mention = item
        if mention.context != "locative" or mention.cue not in ("in", "at") or mention.places[0].type == "country":
            if runs and runs[-1]:
                runs.append([])  # a place of another kind ends the list
            continue
        if runs and runs[-1]:
            last = runs[-1][-1]
            sentence = bisect.bisect_right(starts, last[0]) - 1
            if m_start < ends[sentence] and _list_gap(text[last[1]:m_start]):
                runs[-1].append(item)
                continue
        runs.append([item])
    result = []
    for run in runs:
        if len(run) < 3:
            continue
        for index, item in enumerate(run):
            others = run[:index] + run[index + 1:]
            counts: dict[str, int] = defaultdict(int)
            for _, _, other in others:
                counts[other.places[0].country] += 1  # the best candidate: "London" is not London, Kentucky
            country, count = max(sorted(counts.items()), key=lambda pair: pair[1])
            if 3 * count < 2 * len(others):
                continue
            own = {p.country for p in item[2].places}
            if any(
                    mention is not item[2] and any(p.country in own for p in mention.places[:1])
                    for _, _, mention in mentions):
                continue  # the article names the place's country elsewhere (the list's own, or another): on purpose
            theirs = [p for _, _, other in others for p in other.places if p.country == country]
            distances = [d for p in item[2].places for q in theirs if (d := gz.distance_km(p, q)) is not None]
            if distances and min(distances) >= LIST_OUTLIER_KM:
                result.append((item, others))
    return result


def _list_gap(gap: str) -> bool:
    """Whether the text between two places joins them in one list and gives
    the next place its own figure ("83 mm in Cordoba, 41 in Santa Fe", "50
    in Entre Rios and Misiones, 95 in"; see _LIST_GAP): not a separator alone
    ("in Cordoba, Santa Fe") nor other words ("in New York, spoke to
    reporters in")."""
    match = _LIST_GAP.fullmatch(gap)
    if match is None:
        return False
    words = match.group(1).split()
    if not all(_LIST_WORD.fullmatch(w.rstrip(",")) for w in words):
        return False
    lower = " ".join(w for w in words if not w[:1].isupper() and w not in _LIST_JOINS)
    return _NUMBER.search(lower) is not None


_LIST_JOINS = frozenset("and or in at the of".split())


# A local story: the article names at least this many other cities, all within
# this distance of one another (Dubai, Bandar Abbas and Ras Al Khaimah: 500 km).
LOCAL_CITIES = 3
LOCAL_KM = 1500


def lead_strays(doc: Document, mentions: list[tuple[int, int, Any]], named: tuple,
                lexicon: Lexicon) -> list[tuple[tuple, list, float, bool]]:
    """A place the headline or lead puts its story in that lies far from a
    local story: "Tremors from an earthquake ... near Bandar Abbas in Iran
    were felt in Freetown today" in a story whose other places are Dubai, Bandar
    Abbas and Ras Al Khaimah. The place follows "in", "at" or "near" in a
    paragraph that tells an event (an event word of the lexicon: people "on
    holiday in Orlando" in a local story are no slip) and is in
    no list; no reading of it lies in a country the article names elsewhere;
    the story is local (see _local_cities) and the place lies
    LIST_OUTLIER_KM or more from every one of its cities (a province the gazetteer
    misplaces is nearer). [(the mention, the first mention of each of the
    article's local cities, the distance, whether the emergency services of
    its sentence made the story local)]."""
    located = sum(1 for place in named if place.lat is not None)
    lead_end = _lead_end(doc)
    result = []
    for index, (m_start, m_end, mention) in enumerate(mentions):
        if m_start >= lead_end:
            break
        if mention.context != "locative" or coordinated(doc.text, mentions, index):
            continue
        readings = [place for place in mention.places if place.lat is not None]
        if len(readings) < len(mention.places):
            continue  # a region or country: no one point to be far from
        own = {place.id for place in readings} | {gz.normalize(place.name) for place in readings}
        others = [place for place in named if place.id not in own and gz.normalize(place.name) not in own]
        if any(other.country == place.country for other in others for place in readings):
            continue  # the article names the place's country elsewhere
        local, by_responders = _local_cities(doc, mentions, m_start, others, located)
        if not local:
            continue
        distance = min(gz.distance_km(place, city) for place in readings for city in local)
        if distance >= LIST_OUTLIER_KM and _tells_an_event(doc, lexicon, m_start):
            ids = {city.id for city in local}
            if _locals_abroad(doc.text, mentions, ids):
                continue
            firsts: dict[str, tuple] = {}
            for item in mentions:
                if item[2].places[0].id in ids:
                    firsts.setdefault(item[2].places[0].id, item)
            result.append(((m_start, m_end, mention), list(firsts.values()), distance, by_responders))
    return result


def _lead_end(doc: Document) -> int:
    """Where the headline and the first LEAD_PARAGRAPHS paragraphs end."""
    paragraphs = 0
    for block in doc.blocks:
        if block.kind == "paragraph":
            paragraphs += 1
            if paragraphs == LEAD_PARAGRAPHS:
                return block.end
    return len(doc.text)


def _local_cities(doc: Document, mentions: list[tuple[int, int, Any]], at: int, others: list,
                  located: int) -> tuple[list, bool]:
    """The cities that make a story local, for the lead's place at offset ``at``
    (``others``: the article's other places; ``located``: how many of all its
    places are points): more than LOCAL_CITIES of them, all points within
    LOCAL_KM of one another and in one country; or, with fewer, the towns that
    the emergency services in the place's own sentence come from ("FIRE crews
    from Tiverton and Cullompton were called in to help fight a blaze at the
    supermarket in Wellington": crews come from near the fire). (the cities,
    whether the emergency services gave them); no cities when the story is not local."""
    by_responders = located <= LOCAL_CITIES
    if by_responders:
        local = _responders_homes(doc, mentions, at)
    else:
        local = [place for place in others if place.lat is not None]
    countries = {city.country for city in local}
    if not local or any(other.country not in countries for other in others):
        return [], by_responders
    if any(gz.distance_km(a, b) > LOCAL_KM for a in local for b in local):
        return [], by_responders
    return local, by_responders


# Emergency services named by where they were sent from: "FIRE crews from Tiverton", "firefighters from Cullompton".
_RESPONDERS_FROM = re.compile(r"\b(?:crews|firefighters|firemen|fire\s+engines|appliances|paramedics|ambulances|"
                              r"lifeboats?|coastguards?)\s+from\s+$", re.I)


def _responders_homes(doc: Document, mentions: list[tuple[int, int, Any]], at: int) -> list:
    """The towns (points) that the emergency services of the sentence around
    offset ``at`` are sent from, and the towns listed with them ("crews from
    Tiverton and Cullompton")."""
    starts, ends, _ = sentence_table(doc)
    index = _sentence_at(doc, at)
    s_start, s_end = (starts[index], ends[index]) if index >= 0 else (0, len(doc.text))
    homes: list = []
    for number, (m_start, _, mention) in enumerate(mentions):
        if not s_start <= m_start < s_end or mention.context != "directional" or mention.cue != "from":
            continue
        if _RESPONDERS_FROM.search(doc.text, max(s_start, m_start - 40), m_start):
            listed = number + 1
            while listed < len(mentions) and mentions[listed][0] < s_end and coordinated(doc.text, mentions, listed):
                listed += 1  # "from Tiverton and Cullompton"
            homes += [home.places[0] for _, _, home in mentions[number:listed] if home.places[0].lat is not None]
    return homes


# An article that ties people or a body to one of the story's own cities: "A Leeds student", "students from
# Leeds", "police in Leeds said". The story is local news of its people abroad, not a slip.
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_NOT_PEOPLE = frozenset("said says was were is are has have had will would could may might".split())
_PEOPLE_FROM_BEFORE = re.compile(r"(?:\b(?:people|persons?|students?|pupils?|men|man|women|woman|boys?|girls?|"
                                 r"family|families|couples?|residents?|tourists?|teenagers?|fans|workers|soldiers|"
                                 r"children|child|climbers?|volunteers|crew|teachers?)|,)\s+from\s+$", re.I)
_LOCAL_VOICE_BEFORE = re.compile(r"\b(?:police|officials?|authorities|relatives|family|families|friends|parents|"
                                 r"neighbou?rs|council|coroner|university|college|school)\s+(?:in|at|from)\s+$", re.I)


def _locals_abroad(text: str, mentions: list[tuple[int, int, Any]], ids: set) -> bool:
    """Whether the article names one of the local cities (``ids``) as where its people come from
    ("students from Leeds"; "A Bristol couple": a bare name before a lower-case word that is no
    function word or verb) or as the home of a body that speaks for them ("police in Leeds",
    "relatives in Exeter")."""
    for m_start, m_end, mention in mentions:
        if mention.places[0].id not in ids:
            continue
        after = _WORD_AFTER.match(text, m_end) if mention.context == "mention" else None
        if (mention.context == "directional" and mention.cue == "from"
                and _PEOPLE_FROM_BEFORE.search(text, max(0, m_start - 40), m_start)) \
                or (after and after.group(1) not in _FUNCTION_WORDS and after.group(1) not in _NOT_PEOPLE) \
                or _LOCAL_VOICE_BEFORE.search(text, max(0, m_start - 40), m_start):
            return True
    return False


def _tells_an_event(doc: Document, lexicon: Lexicon, at: int) -> bool:
    """Whether the paragraph (or heading) around offset ``at`` holds an event word of the lexicon."""
    blocks = sentence_table(doc)[2]
    index = _sentence_at(doc, at)
    block = doc.blocks[blocks[index]] if index >= 0 else None
    b_start, b_end = (block.start, block.end) if block is not None else (0, len(doc.text))
    return any(b_start <= start < b_end for start, _, _ in event_hits(doc, lexicon))


# The word before a plain noun's head, when it qualifies it: a word (lower-cased), not a number or function word.
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_NOT_MODIFIERS = _FUNCTION_WORDS | frozenset("our your my some many several few all other more most such any no "
                                              "each every".split())


def _modifier(text: str, thing_start: int, label: str) -> str:
    """The word that qualifies a plain noun right before its head, lower case:
    the thing's own word before it ("Visa-accepting" in "Visa-accepting
    merchants"), else the text's ("office" in "An office worker"); or "" ("35,000
    merchants", "the workers")."""
    words = label.split()
    if len(words) > 1:
        word = words[-2].lower()
    else:
        found = _WORD_BEFORE.search(text, max(0, thing_start - 40), thing_start)
        word = found.group(1).lower() if found else ""
    return "" if word in _NOT_MODIFIERS or not word[:1].isalpha() else word


def _and_list(names: list[str]) -> str:
    """Names as a message lists them: "Dubai, Bandar Abbas and Ras Al Khaimah"."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _thing_phrase(attachment: Any) -> str:
    """How a message names the thing: "the Waitrose supermarket", "'born'"."""
    if attachment.shape == "verb":
        return f"'{attachment.label}'"
    label = attachment.label
    if attachment.shape == "person":
        return label  # "Martinez Cuenca"
    if not label:
        return "it"
    return label if label[:1].isupper() and " " not in label and attachment.shape != "noun" else f"the {label}"


@register("locations")
class LocationsCheck(Check):
    PARAMS = {
        "compare": Param(
            "list[str]", ["within", "across"],
            "which comparisons this rule makes: within (one article), dateline (dateline against body), "
            "across (articles on one story)",
        ),
        "lexicon": Param(
            "dict", {},
            "additions to factlint/data/events.yaml: events (class -> nouns/verbs/city_nouns, label, single_place), "
            "not_events, hedges, other_instance, not_location; and to factlint/data/attachments.yaml: "
            "institutions, aliases, offices, fixed_verbs, persons, never",
        ),
        "min_articles": Param("int", 2, "articles that must place an event before they are compared", minimum=2),
        "max_days": Param(
            "int", 3, "articles dated (front matter) more days apart than this report different instances of an "
            "event and are not compared", minimum=0,
        ),
    }
    PLACEHOLDERS = ("match", "event", "thing", "place", "other", "elsewhere")

    def compile(self) -> None:
        compare = self.params["compare"]
        unknown = [c for c in compare if c not in COMPARISONS]
        if unknown or not compare:
            raise self.rule.error(f"'compare' takes {', '.join(COMPARISONS)}, not {unknown or compare}", "compare")
        self.compare = frozenset(compare)
        from factlint.attachments import RULE_KEYS, load_vocabulary

        additions = {key: value for key, value in self.params["lexicon"].items() if key not in RULE_KEYS}
        things = {key: value for key, value in self.params["lexicon"].items() if key in RULE_KEYS}
        for key, value in additions.items():
            if key not in LEXICON_KEYS:
                known = ", ".join(LEXICON_KEYS + RULE_KEYS)
                raise self.rule.error(f"unknown lexicon key {key!r} (keys: {known})", "lexicon")
            if key == "events":
                if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                    raise self.rule.error("lexicon 'events' maps a class name to {nouns: [...], verbs: [...]}", "lexicon")
                for spec in value.values():
                    for name, entries in spec.items():
                        if name in ("nouns", "verbs", "city_nouns"):
                            if not (isinstance(entries, list) and all(isinstance(e, str) for e in entries)):
                                raise self.rule.error(f"lexicon events: '{name}' must be a list of words", "lexicon")
                        elif name not in ("label", "single_place", "targets"):
                            raise self.rule.error(f"lexicon events: unknown key {name!r}", "lexicon")
            elif not (isinstance(value, list) and all(isinstance(e, str) for e in value)):
                raise self.rule.error(f"lexicon {key!r} must be a list of words or phrases", "lexicon")
        self.lexicon = load_lexicon(additions)
        for key, value in things.items():
            if key == "aliases":
                if not (isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                        for k, v in value.items())):
                    raise self.rule.error("lexicon 'aliases' maps a word to the key it stands for", "lexicon")
            elif not (isinstance(value, list) and all(isinstance(e, str) for e in value)):
                raise self.rule.error(f"lexicon {key!r} must be a list of words or phrases", "lexicon")
        self.vocabulary = load_vocabulary(tuple(sorted(
            (key, tuple(sorted(value.items())) if key == "aliases" else tuple(value)) for key, value in things.items())))
        self.CROSS_ARTICLE = "across" in self.compare
        self.NEEDS_STORIES = self.CROSS_ARTICLE

    # -- per article ------------------------------------------------------------
    def _compared(self, analysis: Analysis) -> dict[str, list[Placement]]:
        return main_events(analysis, self.lexicon)

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = self.lexicon.analysis(doc)
        if "within" in self.compare:
            reported = set()
            for finding in self._within(doc, analysis):
                reported.add((finding.location.line, finding.location.column))
                yield finding
            for flagged, reference in self._things_within(doc):
                location = doc.locate(flagged.start, flagged.end)
                if (location.line, location.column) in reported:
                    continue
                related = [Related(doc.locate(a.start, a.end), f"puts {_thing_phrase(a)} in {a.surface} here")
                           for a in reference]
                first = reference[0]
                yield self.finding(doc, flagged.start, flagged.end, related, event=_thing_phrase(flagged).removeprefix("the "),
                                   thing=_thing_phrase(flagged), place=flagged.surface, other=first.surface,
                                   elsewhere=_line_says(doc, first, flagged.start))
            for (m_start, m_end, mention), others in list_outliers(doc, article_places(doc, self.lexicon)):
                location = doc.locate(m_start, m_end)
                if (location.line, location.column) in reported:
                    continue
                reported.add((location.line, location.column))
                related = [Related(doc.locate(o_start, o_end), f"{other.surface}, in the same list")
                           for o_start, o_end, other in others]
                names = [other.surface for _, _, other in others]
                yield self.finding(doc, m_start, m_end, related, event="list", thing="one of the list's places",
                                   place=mention.surface, other=_and_list(names),
                                   elsewhere="the list's other places lie in another country:")
            for (m_start, m_end, mention), local, distance, by_responders in self._lead_strays(doc, analysis):
                location = doc.locate(m_start, m_end)
                if (location.line, location.column) in reported:
                    continue
                related = [Related(doc.locate(c_start, c_end), f"{other.surface} is named here")
                           for c_start, c_end, other in local]
                names = [other.surface for _, _, other in local][:3]
                yield self.finding(doc, m_start, m_end, related, event="story", thing="the lead", place=mention.surface,
                                   other=_and_list(names),
                                   elsewhere=f"the emergency services sent there come from {distance:,.0f} km away:"
                                   if by_responders else f"the article's other places lie {distance:,.0f} km or more away:")
        if "dateline" in self.compare and analysis.dateline is not None:
            yield from self._dateline(doc, analysis)

    def _lead_strays(self, doc: Document, analysis: Analysis) -> list[tuple[tuple, list, float, bool]]:
        """The lead's places far from a local story (see lead_strays), once an article."""
        return doc.memo(("lead strays", self.lexicon), lambda: lead_strays(
            doc, article_places(doc, self.lexicon), _named_places(doc, analysis, self.lexicon), self.lexicon))

    def _things_within(self, doc: Document) -> list[tuple[Any, list[Any]]]:
        """A named thing ("the Roundhay School", "the Waitrose supermarket", a
        birthplace) that the headline or lead puts in one place and another
        paragraph in another: (the attachment reported, those it disagrees
        with). The place most attachments give stands; on a tie, the first.
        Institutions ("police") are left out: an article may tell of two."""

        def find() -> list[tuple[Any, list[Any]]]:
            by_key: dict[str, list[Any]] = defaultdict(list)
            for attachment in read_attachments(doc, article_places(doc, self.lexicon), self.vocabulary, self.lexicon):
                if attachment.status == "asserted":
                    for key, tier in zip(attachment.keys, attachment.tiers):
                        if tier == NAMED and len(by_key[key]) < MAX_PAIRWISE:
                            by_key[key].append(attachment)  # sides() compares each with each
            result, seen = [], set()
            for key, found in sorted(by_key.items()):
                if len(found) < 2 or found[0].role == "body":
                    continue  # compared only when the headline or lead tells it
                split = sides(found, _same_place, coarse)
                if len(split) < 2:
                    continue
                split.sort(key=lambda side: (-len(side), min(a.start for a in side)))
                for side in split[1:]:
                    flagged = min(side, key=lambda a: a.start)
                    if flagged.start not in seen:
                        seen.add(flagged.start)
                        result.append((flagged, sorted(split[0], key=lambda a: a.start)))
            return result

        return doc.memo(("things within", self.lexicon, self.vocabulary), find)

    def _within(self, doc: Document, analysis: Analysis) -> Iterable[Finding]:
        for event, group in self._compared(analysis).items():
            if len(group) < 2:
                continue
            split = sides(group)
            if len(split) < 2:
                continue
            # the majority stands; on a tie, the side of the first placement
            split.sort(key=lambda side: (-len(side), min(p.start for p in side)))
            reference = split[0]
            for side in split[1:]:
                flagged = min(side, key=lambda p: p.start)
                other = reference[0]
                label = self.lexicon.classes[event].label
                related = [Related(doc.locate(p.start, p.end), f"the {label} is placed in {p.surface} here")
                           for p in sorted(reference, key=lambda p: p.start)]
                related += [Related(doc.locate(p.start, p.end), f"also {p.surface} here")
                            for p in sorted(side, key=lambda p: p.start) if p is not flagged]
                yield self.finding(doc, flagged.start, flagged.end, related, event=label, thing=f"the {label}", place=flagged.surface,
                                   other=other.surface, elsewhere=_line_says(doc, other, flagged.start))

    def _dateline(self, doc: Document, analysis: Analysis) -> Iterable[Finding]:
        dateline = analysis.dateline
        compared = self._compared(analysis)
        here = [p for p in analysis.placements if p.here and p.status == "asserted"]
        reported = set()
        for event, group in compared.items():
            label = self.lexicon.classes[event].label
            anchors = [p for p in here if p.event == event]
            if anchors:
                against = [p for p in group if not agree(p.places, dateline.places)]
            else:
                lead = next((u for u in analysis.unplaced_lead if u.event == event), None)
                if lead is None:
                    continue
                # the lead tells the event without a place: later references place it
                against = [p for p in group
                           if (p.definite or p.day == lead.day != "") and not agree(p.places, dateline.places)]
                anchors = []
            if not against or event in reported:
                continue
            reported.add(event)
            related = [Related(doc.locate(p.start, p.end), f"the {label} is placed in {p.surface} here") for p in against]
            if anchors:
                related += [Related(doc.locate(p.word_start, p.end), f"'here' places the {label} at the dateline")
                            for p in anchors]
            else:
                related.append(Related(doc.locate(lead.start, lead.end), f"the lead tells the {label} without a place"))
            first = against[0]
            yield self.finding(doc, dateline.start, dateline.end, related, event=label, thing=f"the {label}", place=dateline.surface,
                               other=first.surface, elsewhere=_line_says(doc, first, dateline.start))

    # -- across articles --------------------------------------------------------
    def extract(self, doc: Document) -> "StoryExtract":
        analysis = self.lexicon.analysis(doc)
        events = {}
        for event, group in main_events(analysis, self.lexicon, beyond_lead=True).items():
            main = group[0]
            also = tuple(doc.locate(p.start, p.end) for p in group[1:] if agree(p.places, main.places))
            known = tuple(p.places for p in analysis.placements
                          if p.event == event and not p.here and not agree(p.places, main.places))[:MAX_KNOWN]
            events[event] = StoryPlacement(event, main.surface, main.places, doc.locate(main.start, main.end),
                                           doc.context(main.start, main.end), main.day, also, known)
        things = self._things(doc)
        for event, found in self._spread(doc, analysis).items():
            things[f"event:{event}"] = found
        within = frozenset([doc.locate(flagged.start, flagged.end) for flagged, _ in self._things_within(doc)]
                           + [doc.locate(m_start, m_end) for (m_start, m_end, _), *_ in self._lead_strays(doc, analysis)]) \
            if "within" in self.compare else frozenset()
        return StoryExtract(events, things, _named_places(doc, analysis, self.lexicon), within)

    def _spread(self, doc: Document, analysis: Analysis) -> dict[str, tuple["ThingPlacement", ...]]:
        """Events that happen in many places at once (protests, floods, air
        strikes): every asserted placement, compared against the story's as a
        generic thing whose places may be many (see _spread_outliers)."""
        found: dict[str, list[ThingPlacement]] = defaultdict(list)
        for placement in analysis.placements:
            if placement.status != "asserted" or placement.here or self.lexicon.classes[placement.event].single_place:
                continue
            label = self.lexicon.classes[placement.event].label
            found[placement.event].append(ThingPlacement(
                f"event:{placement.event}", 0, f"the {label}", placement.surface, placement.places,
                doc.locate(placement.start, placement.end), doc.context(placement.start, placement.end), "body",
                True, frozenset(), spread=True))
        return {event: tuple(items) for event, items in found.items()}

    def _things(self, doc: Document) -> dict[str, tuple["ThingPlacement", ...]]:
        """The article's attachments (factlint.attachments) by key: asserted ones,
        and other instances ("last month's talks in London"), which only a
        restatement of their sentence is compared with."""

        mentions = article_places(doc, self.lexicon)
        # events the article dates in another year in their own words ("the 1992 Los Angeles riots")
        background = [p for p in self.lexicon.analysis(doc).placements if p.status == "other"
                      and _DATED_BEFORE.search(doc.text, max(0, min(p.start, p.word_start) - 16),
                                               min(p.start, p.word_start))]
        things: dict[str, list[ThingPlacement]] = defaultdict(list)
        sentences: dict[int, frozenset[str]] = {}
        for attachment in read_attachments(doc, mentions, self.vocabulary, self.lexicon):
            if attachment.status not in ("asserted", "other"):
                continue
            if attachment.status == "asserted" and any(
                    attachment.sentence_start <= p.start < attachment.sentence_end and agree(p.places, attachment.places)
                    for p in background):
                # "Inspired by the 1992 Los Angeles riots, ... a pair of Los Angeles cops": a sentence
                # that places another year's event there is background for its things too
                attachment = replace(attachment, status="other")
            words: frozenset[str] = frozenset()
            if attachment.status == "asserted" or any(attachment.tiers):  # restatements and counterparts
                words = sentences.get(attachment.sentence_start)
                if words is None:
                    words = sentences[attachment.sentence_start] = _sentence_words(
                        doc, attachment.sentence_start, attachment.sentence_end, mentions)
            location = doc.locate(attachment.start, attachment.end)
            excerpt = doc.context(min(attachment.thing_start, attachment.start), attachment.end)
            thing = _thing_phrase(attachment)
            asserted = attachment.status == "asserted"
            for key, tier in zip(attachment.keys, attachment.tiers):
                if len(things[key]) >= MAX_PAIRWISE:
                    continue  # a table of places is not prose: the story compares each with each
                modifier = _modifier(doc.text, attachment.thing_start, attachment.label) if attachment.shape == "noun" and \
                    tier == GENERIC and " " not in key and ":" not in key else None
                things[key].append(ThingPlacement(key, tier, thing, attachment.surface, attachment.places, location,
                                                  excerpt, attachment.role, asserted, words, modifier=modifier))
        return {key: tuple(found) for key, found in things.items()}

    def check_corpus(self, extracts: dict[str, Any], corpus: Corpus) -> Iterable[Finding]:
        """Per story: each event class (as before), then each thing, its outlier articles."""
        for story, paths in sorted(corpus.story_groups().items()):
            if len(paths) < 2:
                continue
            ordered = sorted(paths, key=corpus.order)
            by_event: dict[str, list[tuple[str, StoryPlacement]]] = defaultdict(list)
            for path in ordered:
                extract = extracts.get(path)
                for event, placement in (extract.events if extract else {}).items():
                    by_event[event].append((path, placement))
            reported: set[Location] = set()
            within = {location for p in ordered if extracts.get(p) is not None for location in extracts[p].within}
            for event, items in sorted(by_event.items()):
                named = {p: extracts[p].named for p in ordered if extracts.get(p) is not None}
                for window in self._date_windows(items, corpus):
                    for finding in self._across(event, window, named, corpus):
                        if finding.location in within:
                            continue  # the article's own reading reports it
                        reported.add(finding.location)
                        yield finding
            yield from self._things_across(ordered, extracts, corpus, reported)

    def _things_across(self, ordered: list[str], extracts: dict[str, Any], corpus: Corpus,
                       reported: set[Location]) -> Iterable[Finding]:
        """Each thing the story's articles place: the article that places it
        where no other article does, against a majority that agrees (see
        _thing_outlier). One finding per place expression, for its surest key."""
        by_key: dict[str, list[tuple[str, tuple[ThingPlacement, ...]]]] = defaultdict(list)
        for path in ordered:
            extract = extracts.get(path)
            for key, found in (extract.things if extract else {}).items():
                by_key[key].append((path, found))
        named = {p: extracts[p].named for p in ordered if extracts.get(p) is not None}
        reported = reported | {location for p in ordered if extracts.get(p) is not None for location in extracts[p].within}
        candidates: dict[Location, tuple] = {}
        for key, items in sorted(by_key.items()):
            if len(items) < 2:
                continue
            for path, found in items:
                outliers = _spread_outliers(path, found, items, named) if found[0].spread else \
                    [_thing_outlier(path, found, items, named, corpus)]
                for outlier in outliers:
                    if outlier is None:
                        continue
                    first, majority = outlier
                    rank = (-first.tier, -len(majority), key)
                    if first.location not in reported and (first.location not in candidates
                                                           or rank < candidates[first.location][0]):
                        candidates[first.location] = (rank, first, majority, () if first.spread else found)
        for first, majority in _counterpart_outliers(by_key, named):
            if first.location not in reported and first.location not in candidates:
                candidates[first.location] = ((1, -len(majority), first.key), first, majority, ())
        for location in sorted(candidates, key=lambda loc: (loc.path, loc.line, loc.column)):
            _, first, majority, found = candidates[location]
            related = [Related(p.location, f"puts {p.thing} in {p.surface}") for _, p in majority]
            related += [Related(p.location, f"also {p.surface} here") for p in found[1:]
                        if p.asserted and p.location != location]
            count = len(majority)
            yield self.finding_at(
                first.location, first.excerpt, related, event=first.thing.removeprefix("the "), thing=first.thing,
                place=first.surface, other=_place_names([p for _, p in majority]),
                elsewhere=others_on_the_story(count),
            )

    def _date_windows(self, items: list[tuple[str, StoryPlacement]], corpus: Corpus) -> list[list]:
        """Items (in date order) cut into runs of at most max_days from the
        run's first dated article: a story covered for months has many
        meetings. Undated articles stay in the run they fall in."""
        limit = self.params["max_days"]
        windows: list[list] = []
        start = None
        for item in items:
            day = article_day(corpus.articles[item[0]].date)
            if windows and (day is None or start is None or (day - start).days <= limit):
                windows[-1].append(item)
                start = start or day
            else:
                windows.append([item])
                start = day
        return windows

    def _across(self, event: str, items: list[tuple[str, StoryPlacement]], named: dict[str, tuple] | None = None,
                corpus: Corpus | None = None) -> Iterable[Finding]:
        if len(items) < self.params["min_articles"]:
            return
        split = sides(items, lambda a, b: compatible(a[1], b[1]), lambda item: coarse(item[1]))
        if len(split) < 2:
            return
        label = self.lexicon.classes[event].label
        split.sort(key=lambda side: -len(side))
        if len(split[0]) * 2 > sum(len(side) for side in split):
            # the majority stands: every article of the other sides is reported
            reported = [(placement, split[0], []) for side in split[1:] for _, placement in side]
            note = ""
        elif len(items) == 2:  # one article against one: once (see _one_against_one)
            reported = [(placement, [other], []) for (path, placement), other in _one_against_one(items, named, corpus)]
            note = ""
        else:  # no majority: each side once, at its earliest article
            reported = [(side[0][1], [item for other in split if other is not side for item in other], side[1:])
                        for side in split]
            note = " (no majority)"
        for placement, others, allies in reported:
            if any(agree(known, p.places) for known in placement.known for _, p in others):
                continue  # the article names the others' place too: it tells another round on purpose
            related = [Related(p.location, f"puts the {label} in {p.surface}") for _, p in others]
            related += [Related(p.location, f"also puts the {label} in {p.surface}") for _, p in allies]
            related += [Related(location, f"also {placement.surface} here") for location in placement.also]
            count = len(others)
            yield self.finding_at(
                placement.location, placement.excerpt, related, event=label, thing=f"the {label}", place=placement.surface,
                other=_place_names([p for _, p in others]),
                elsewhere=f"{count} other article{'s' if count != 1 else ''} on this story{note} "
                          f"say{'s' if count == 1 else ''}",
            )


def _line_says(doc: Document, placement: Placement, flagged: int) -> str:
    """"line 3 says", or "the same line says" when both are on one line."""
    line = doc.locate(placement.start, placement.end).line
    return "the same line says" if line == doc.locate(flagged, flagged + 1).line else f"line {line} says"


def _place_names(placements: list[Any], most: int = 3) -> str:
    """"Paris", "Paris or Berlin": each place once, as its shortest spelling,
    the commonest first."""

    spellings: dict[str, list[str]] = defaultdict(list)
    for placement in placements:
        spellings[gz.normalize(placement.places[0].name)].append(placement.surface)
    ranked = sorted(spellings.values(), key=lambda names: (-len(names), min(names, key=len)))
    names = [min(names, key=len) for names in ranked[:most]]
    if len(ranked) > most:
        names.append("elsewhere")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
