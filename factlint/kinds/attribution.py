"""The ``attribution`` kind: claims nobody can be held to.

A standards editor asks of every claim "says who?". This kind answers it the
way an editor reads: it finds the *cues* that credit a claim (a source verb
or phrase: "said", "cautioned", "according to") and reads the source each
cue is tied to: the subject before the verb ("Starmer said"), the name after
it ("said Starmer", "according to the agreement") or the agent of a passive
("hailed by Kyiv"). The source's head word says what kind of source it is:
anonymous ("officials", "a source"), a vague crowd ("critics", "some
experts"), a document ("the agreement"), or named (anything else: a name,
"police", "he"). On that reading it reports four kinds of finding, one rule
each (the rule's ``finding`` key):

- ``anonymous``: sources whose identity is withheld;
- ``weasel``: claims credited to no one ("has been seen as", "it is
  believed") or to a vague crowd ("critics say", "by many");
- ``unsourced-figure``: an estimate, tally, percentage or large sum with no
  source in its sentence or the sentences next to it in the paragraph;
- ``unattributed-quote``: a quotation with no speaker nearby.

Precision comes first: where the text cannot be read with confidence (a
crowd that is not plainly the subject, quotation marks that do not pair up)
nothing is reported.

The words are data (factlint/data/attribution.yaml, extended per rule with
the ``lexicon`` key); how they combine is here. One analysis per article is
shared by all four rules.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

import regex

from factlint.document import Document
from factlint.findings import Finding
from factlint.kinds.base import Check, Param, register
from factlint.kinds.scopes import repeat_problem
from factlint.phrases import SPACES_AND_APOSTROPHES, normal, trie_alternation

FINDINGS = ("anonymous", "weasel", "unsourced-figure", "unattributed-quote")
LEXICON_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "attribution.yaml")

# What a cue's source is.
NAMED = "named"  # a person, body or place a reader can check; also "he", "who"
DOCUMENT = "document"
ANONYMOUS = "anonymous"
VAGUE = "vague"
INHERITED = "inherited"  # "..., saying" or "the official said": a source given elsewhere
CREDITED = frozenset({NAMED, DOCUMENT, INHERITED})
ANY_SOURCE = CREDITED | {ANONYMOUS, VAGUE}

# -- word classes the logic itself needs (grammar, not newsroom vocabulary) --
_TOKEN = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]")
_BE = frozenset("is are was were be been being am 's ’s 're ’re".split())
_DEFINITE = frozenset("the this that these those his her their its our my your".split())
_SKIP_BEFORE_VERB = frozenset(
    "has have had also would will did does do not never repeatedly previously later then now still long already "
    "further again once publicly privately today yesterday tonight on last this early late earlier night morning "
    "evening afternoon week month year monday tuesday wednesday thursday friday saturday sunday even just "
    "'ve ’ve 'd ’d 'll ’ll could may might must should can".split()
)
_NOT_ADVERBS = frozenset("family ally rally assembly supply reply monopoly anomaly belly jelly bully lily fly holly italy".split())
_STOP = frozenset(
    "a an the this that these those and or but nor so yet for of to in on at by with from as into onto upon over under "
    "about after before during since until while when where if than then because though although whether not no "
    "is are was were be been being am has have had do does did will would shall should can could may might must "
    "there here what whose how why all both each every any either neither such own same other another "
    "said says told".split()
)
_CLAUSE_OPENERS = frozenset(
    "and but or nor yet so while whereas although though because that as when whenever if since after before "
    "however meanwhile still where unless once until than".split()
)
_SHARED_SUBJECT = frozenset("to and but then also".split())
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_SINGULAR_DETERMINERS = frozenset("a an one another the this that each any no every".split())
_MODIFIER_PREPOSITIONS = frozenset("at in for from with of on".split())
_MODALS = frozenset("could would might may can should must will shall".split())
_FORWARD_STOP = frozenset(
    "as that to who whom which whose where when while because on in at for after before during with without since if "
    "but than about over under into from via is are was were has have had will would said says told and".split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this week month year "
    "morning evening afternoon night earlier later".split()
)
_CLOSE_QUOTES = frozenset({"”", '"', "’", "'", ":"})
_MONTHS = (
    r"jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|"
    r"oct|october|nov|november|dec|december"
)
_MONTH_BEFORE = regex.compile(rf"(?i)\b(?:{_MONTHS})\.?\s*$")
_MONTH_AFTER = regex.compile(rf"(?i)\s*(?:{_MONTHS})\b")
_AGE = regex.compile(r"(?i)(?:\baged?\s*$|,\s*$)")
_AGE_AFTER = regex.compile(r"\s*(?:,|\))")
_RANGE_AFTER = regex.compile(r"\s*[-–/]\s*\d")
_RANGE_BEFORE = regex.compile(r"\d\s*[-–/]\s*$|\d\.\s$|\d\s$")
_THE_BEFORE = regex.compile(r"(?i)\bthe\s+$")
_SINGULAR_AFTER = regex.compile(r"\s+\p{Ll}+(?<!s)\b(?!-)")
_SIGN_BEFORE = regex.compile(r"(?i)\b(?:minus|plus)\s*$")  # a temperature: "minus 20"
_NUMBER_AFTER = regex.compile(r"\.?\s\d")
_PARENTHESIS_BEFORE = regex.compile(r"\(\s*$")
_PARENTHESIS_AFTER = regex.compile(r"\s*\)")
_COMPOUND_AFTER = regex.compile(r"\s?-\s?\p{L}")
_UNIT = regex.compile(r"\s*([\p{L}.'’]+(?:\s+[\p{L}'’]+)?)")
# Read from the end ((?r)): forward, every letter of the window starts a run tried to its end.
_PREVIOUS_WORD = regex.compile(r"(?r)([\p{L}.]+)\s*$")
_AGE_BEFORE = regex.compile(
    r"(?i)\b(?:aged?|age\s+(?:\w+\s+){0,3}?(?:of|to|at|from)|turned|turns|turning|(?:he|she)\s+(?:was|is|would\s+have\s+been))\s*$"
)
_STREET_AFTER = regex.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Ave|Avenue|St|Street|Road|Rd|Blvd|Boulevard|Drive|Dr|Lane|Ln"
    r"|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Square|Terrace|Circle)\b"
)
_CONDITION = regex.compile(r"(?i)\b(?:if|unless|whether)\b")
_CLAUSE_END = regex.compile(r"[,;:.!?()]|\b(?:which|that|because|while|but|whereas)\b")
_QUOTE = regex.compile(
    r"“[^“”]*”?"  # curly; unclosed runs to the end of the paragraph (continued in the next)
    r"|\"[^\"]*\""
    r"|(?<![\p{L}\p{N}])‘(?!\s*s\b)(?:[^‘’]|’(?=\p{L}))*’(?![\p{L}\p{N}])"  # not "Beaufoy ‘ s script"
)
_LETTERS = regex.compile(r"\p{L}")
_LOOSE_STRAIGHT = regex.compile(r'(?:^|\s)"(?:\s|$)', regex.M)
_CURLY = regex.compile(r"[“”]")


def _curly_balanced(text: str, start: int, end: int) -> bool:
    """Do “ and ” alternate (a closing one may come first, continuing a quotation)?"""
    open_quote = False
    for index, mark in enumerate(m.group() for m in _CURLY.finditer(text, start, end)):
        if mark == "“":
            if open_quote:
                return False
            open_quote = True
        elif open_quote:
            open_quote = False
        elif index > 0:
            return False
    return True
_TERM_FOLLOWS = regex.compile(r"\s+(?:be|have)\s+(?:a\s+|an\s+)?[`'‘“\"]")
_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as is de la le du von van".split())

# Numbers: money, percentages, large amounts, then bare numbers (filtered in code).
_NUMBER = r"\d[\d,]*(?:\.\s?\d+)?"
_FIGURE = regex.compile(  # every branch starts at a digit or currency sign, so the scan is quick
    rf"(?P<money>[$€£¥]\s?{_NUMBER}(?:\s*(?:million|billion|trillion|bn|mn|m|k)\b)?)"
    rf"|(?<![\p{{L}}\d.,/:\-])(?:(?P<pct>\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))"
    rf"|(?P<big>\d[\d,]*(?:\.\d+)?\s+(?:million|billion|trillion)\b)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d/:]|[.,]\d)|\d+(?:\.\d+)?(?![\p{L}\d/:]|[.,]\d)))",
    regex.I,
)
_DIGIT = regex.compile(r"\d")
_FIGURE_WORDS = regex.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|hundreds|tens)"
    r"\s+(?:million|billion|trillion)\b",
    regex.I,
)
# The noun a figure counts, shown with it: "12 people", "800,000 well-trained troops" (a plural ends it).
_COUNTED_NOUN = regex.compile(
    r"(?:\s+(?!(?:of|and|or|to|in|into|on|at|by|for|from|with|the|a|an|last|this|next|per|than|that|who|which)\b)"
    r"(?:[\p{Ll}]+-[\p{Ll}-]+|(?![\p{Ll}]+(?:ed|ing)\b)[\p{Ll}]+)){1,2}"
)
_PLURALS = frozenset("people police children men women personnel staff crew cattle".split())
_QUANTITY_LEAD = frozenset(
    "about some nearly almost around over more less fewer only just roughly approximately up under below above "
    "and of the at by with than to all those these another an a in on for from least most at".split()
)


# ---------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def base_lexicon() -> dict[str, Any]:
    """The shipped lexicon file, parsed once (with libyaml when there is one)."""
    from factlint.yamlio import load_data_file

    return load_data_file(LEXICON_PATH)


def lexicon_sections() -> dict[str, bool]:
    """Section name -> whether its entries are regexes."""
    return {name: bool(section.get("regexes")) for name, section in base_lexicon().items()}


def inflect(lemma: str) -> set[str]:
    """A verb's regular forms: base, -s, -ed, -ing ("point out" -> "pointed out" ...)."""
    head, *rest = lemma.split()
    if head.endswith("e"):
        forms = {head, head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        forms = {head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = {head, head + "es", head + "ed", head + "ing"}
    else:
        forms = {head, head + "s", head + "ed", head + "ing"}
    return {" ".join([form, *rest]) for form in forms}


def _phrase_alternation(phrases: Iterable[str]) -> str:
    """Lexicon phrases as one prefix-tree alternation (any spaces, either apostrophe)."""
    return trie_alternation({normal(p) for p in phrases if p.strip()}, SPACES_AND_APOSTROPHES)


class _WordScan:
    """A lexicon pattern (ignoring case), compiled on first use for the texts it
    meets: with regex for any text, and for a plain ASCII one with the standard
    re module in ASCII mode over the lowered text, which finds the same matches
    (ASCII lowers in place) two to three times faster: most news wires are ASCII.

    ``ascii_lowered``: whether the pattern may run that way. Patterns made here
    from words may; a regexes section only with the shipped entries, which use
    nothing that differs (a newsroom's own regexes may use regex-only syntax, or
    capitals that a lowered text never matches).
    """

    def __init__(self, source: str, ascii_lowered: bool = True) -> None:
        self.source = source
        self.ascii_lowered = ascii_lowered
        self._any: regex.Pattern | None = None
        self._ascii: re.Pattern | None = None

    def finditer(self, analyzer: "Analyzer", start: int, end: int) -> Iterable[Any]:
        """Matches in the analyzer's text (match.group() is lower case for an ASCII text)."""
        if analyzer.ascii_lower is not None and self.ascii_lowered:
            if self._ascii is None:
                self._ascii = re.compile(self.source.replace(r"\p{Ll}", "[a-z]"), re.ASCII)
            return self._ascii.finditer(analyzer.ascii_lower, start, end)
        if self._any is None:
            self._any = regex.compile(self.source, regex.I)
        return self._any.finditer(analyzer.text, start, end)


class Lexicon:
    """The lexicon sections compiled into word sets and alternations."""

    def __init__(self, sections: dict[str, list[str]], irregular: dict[str, list[str]]) -> None:
        words = {name: [e.strip() for e in entries if e.strip()] for name, entries in sections.items()}
        self.documents = frozenset(normal(w) for w in words["documents"])
        # Any document word in lowered text: where none is, "in", "under" ... name no document.
        self.any_document = re.compile("|".join(re.escape(w) for w in sorted(self.documents)) or "(?!)")
        self.anonymous = frozenset(normal(w) for w in words["anonymous_sources"])
        self.vague = frozenset(normal(w) for w in words["vague_crowds"])
        self.quantifiers = frozenset(normal(w) for w in words["quantifiers"])
        self.pronouns = frozenset(normal(w) for w in words["pronoun_sources"])
        self.not_statistics = frozenset(normal(w) for w in words["not_statistics"])
        self.agentless_as = frozenset(normal(w) for w in words["agentless_as"])
        self.agentless_to = frozenset(normal(w) for w in words["agentless_to"])
        self.widely = frozenset(normal(w) for w in words["widely"])
        self.widely_participles = frozenset(normal(w) for w in words["widely_participles"])

        # Cue words: every form of each verb, and the phrases, with what each form does.
        self.cue_kinds: dict[str, str] = {}
        self.participles: set[str] = set()
        self.base_forms: set[str] = set()  # forms that double as nouns: "claim", "claims"
        self.lemmas: set[str] = set()
        for name, kind in (("document_verbs", "docverb"), ("opinion_verbs", "opinion"), ("source_verbs", "verb")):
            for lemma in words[name]:
                lemma = normal(lemma)
                forms = set(irregular.get(lemma, ())) | inflect(lemma)
                self.base_forms |= {f for f in forms if f == lemma or f.split()[0].endswith("s")}
                self.lemmas.add(lemma)
                for form in forms:
                    form = normal(form)
                    self.cue_kinds[form] = kind
                    if form.split()[0].endswith("ing") and not lemma.split()[0].endswith("ing"):
                        self.participles.add(form)
        for name, kind in (("document_phrases", "docphrase"), ("source_phrases", "phrase")):
            for phrase in words[name]:
                self.cue_kinds[normal(phrase)] = kind
        # "\b" lets the engine skip to word starts (a look-behind would be tried at every character);
        # words glued to a dot, hyphen or apostrophe ("so-called") are dropped when read.
        self.cues = _WordScan(rf"\b{_phrase_alternation(self.cue_kinds)}(?![\w'’-])")

        widely = _phrase_alternation(self.widely)
        other_adverb = rf"(?!{widely}\b)\p{{Ll}}+ly"  # the consensus adverbs get their own group
        be = (
            rf"\b(?:is|are|was|were|am)(?:\s+(?:not|also|still|now|already|even|{other_adverb})){{0,2}}(?:\s+being)?"
            rf"|\b(?:has|have|had)(?:\s+(?:not|also|still|already|even|since|{other_adverb})){{0,2}}(?:\s+(?P<early>{widely}))?\s+been"
        )
        participles = self.agentless_as | self.agentless_to | self.widely_participles
        self.agentless = _WordScan(
            rf"(?P<be>{be})(?:\s+(?P<adverb>{_phrase_alternation(self.widely)}))?\s+(?P<part>{_phrase_alternation(participles)})\b"
        )
        self.widely_bare = _WordScan(
            rf"\b(?P<adverb>{widely})\s+(?P<part>{_phrase_alternation(self.widely_participles | self.agentless_as)})(?=\s+(?:as|to)\b)"
        )
        self.it_passive = regex.compile(
            rf"\bit\s+(?:is|was|has\s+been|had\s+been|is\s+being|['’]s)\s+(?:(?:also|now|still|{_phrase_alternation(self.widely)})\s+)?"
            rf"{_phrase_alternation(words['it_passives'])}\b",
            regex.I,
        )
        self.estimates = regex.compile(rf"\b{_phrase_alternation(words['estimate_words'])}\s*$", regex.I)
        self.tallies = regex.compile(rf"\b{_phrase_alternation(words['tally_words'])}\b", regex.I)
        self.background = regex.compile(rf"\b{_phrase_alternation(words['background_phrases'])}\s*$", regex.I)
        self.hedges = regex.compile(rf"\b{_phrase_alternation(words['hedge_adverbs'])}\b", regex.I)
        # Each regex starts at a word: anchoring the alternation there lets the engine skip ahead.
        shipped = {name: [e.strip() for e in section["entries"] if e.strip()] for name, section in base_lexicon().items()}
        self.anonymity = _WordScan(
            r"\b(?:" + "|".join(f"(?:{p})" for p in words["anonymity_phrases"]) + ")",
            ascii_lowered=words["anonymity_phrases"] == shipped["anonymity_phrases"],
        )
        self.weasel_phrases = _WordScan(
            r"\b(?:" + "|".join(f"(?:{p})" for p in words["weasel_phrases"]) + ")",
            ascii_lowered=words["weasel_phrases"] == shipped["weasel_phrases"],
        )
        self.naming = regex.compile(rf"(?<![\w-]){_phrase_alternation(words['naming_words'])}\s*$", regex.I)

    def analysis(self, doc: Document) -> "Analysis":
        """The article's analysis; the four rules on one article share it."""
        return doc.memo(self, lambda: Analyzer(self, doc).run())


def load_lexicon(additions: dict[str, list[str]] | None = None) -> Lexicon:
    return _load_lexicon(tuple(sorted((k, tuple(v)) for k, v in (additions or {}).items())))


@lru_cache(maxsize=16)
def _load_lexicon(additions: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    base = base_lexicon()
    sections = {name: list(section["entries"]) for name, section in base.items()}
    for name, entries in additions:
        sections[name] = sections[name] + list(entries)
    return Lexicon(sections, base["source_verbs"].get("irregular_forms", {}))


# ---------------------------------------------------------------------------
# Reading an article
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A source verb or phrase and the kind of source it is tied to."""

    start: int  # the source phrase and the cue, whichever comes first
    end: int
    source: str  # NAMED | DOCUMENT | ANONYMOUS | VAGUE | INHERITED
    source_text: str
    credits: bool = True  # False for opinion verbs: "the allies agreed" is no source for a figure


@dataclass(frozen=True)
class Flag:
    """A stretch of text that credits a claim badly, and to whom."""

    start: int
    end: int
    source: str  # "no one", "unnamed officials", "a vague crowd ('critics')"


@dataclass
class Sentence:
    start: int
    end: int
    block: int
    cues: list[Cue] = field(default_factory=list)
    anonymous: Flag | None = None
    weasel: Flag | None = None
    figures: list[tuple[int, int, str, bool]] = field(default_factory=list)  # (start, end, the number, a tally?)


@dataclass
class Quote:
    start: int
    end: int
    block: int
    first: int  # index of the first and last sentence it touches
    last: int
    continued: bool  # continues a quotation left open before, or follows a lead-in ending in a colon
    unclosed: bool  # runs on into the next paragraph


@dataclass
class Analysis:
    sentences: list[Sentence]
    quotes: list[Quote]


class Token:
    """A word or punctuation mark near a cue, with its offsets."""

    __slots__ = ("text", "start", "end", "lower", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower().replace("’", "'")
        self.is_word = text[0].isalnum()


# _TOKEN for a plain ASCII text: the re module runs it a third faster.
_ASCII_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:[.'’\-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]", re.ASCII)


def _tokens(text: str, start: int, end: int, ascii_text: bool = False) -> list[Token]:
    pattern = _ASCII_TOKEN if ascii_text else _TOKEN
    return [Token(m.group(), m.start(), m.end()) for m in pattern.finditer(text, start, end)]


_NOT_NUMBER = regex.compile(r"[^\d.\w ]|(?<=\d),")
_DIGITS = regex.compile(r"\d[\d,]*(?:\.\d+)?")
_BY = regex.compile(r"\bby\s+")


def _number_key(text: str) -> str:
    """The number of a figure, to tell a repeat: '$160 million' and '160 million' -> '160 million'."""
    return " ".join(_NOT_NUMBER.sub("", text.lower()).split())


_NON_SPACE = regex.compile(r"\S+")


def _number_value(text: str) -> float:
    digits = _DIGITS.search(text)
    return float(digits.group().replace(",", "")) if digits else 0.0


def _last_words(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


def _first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


def form_is_past(word: str) -> bool:
    """A past form that can also be a participle: 'published', 'found' (not 'said', 'told')."""
    word = normal(word).split()[0]
    return word.endswith("ed") or word in ("found", "written", "thought", "felt", "put", "spoken", "forecast", "cast")


_PARTICIPLE_FOLLOWERS = frozenset(
    "in on at by after before from during as for with under over into onto since until among , . ; : ( )".split()
)


def _bare(word: str) -> str:
    """A word without a possessive ending: Kyiv's -> kyiv."""
    word = normal(word)
    return word[:-2] if word.endswith("'s") else word


class Analyzer:
    """One pass over an article: cues, flags, figures and quotes per sentence."""

    def __init__(self, lexicon: Lexicon, doc: Document) -> None:
        self.lex = lexicon
        self.doc = doc
        self.text = doc.text
        self._sentence_start = 0
        # A plain ASCII text lowered (every offset kept): lexicon words are looked for in it.
        self.ascii_lower = doc.text.lower() if doc.text.isascii() else None
        # Lower case, ’ as ', to look for document words in: None unless every offset is kept
        # and a token lowers alone as in its sentence (a capital sigma lowers by its neighbours).
        lowered = self.ascii_lower or doc.text.lower().replace("’", "'")
        self._lowered = lowered if len(lowered) == len(doc.text) and "Σ" not in doc.text else None

    def run(self) -> Analysis:
        sentences: list[Sentence] = []
        quotes: list[Quote] = []
        open_quote = False  # the paragraph before ended inside a quotation
        for index, block in enumerate(self.doc.blocks):
            if block.kind != "paragraph":
                open_quote = False
                continue
            first = len(sentences)
            sentences.extend(Sentence(s, e, index) for s, e in block.sentences)
            block_quotes, open_quote = self._quotes(block.start, block.end, index, first, sentences, open_quote)
            quotes.extend(block_quotes)
            spans = [(q.start, q.end) for q in block_quotes]
            for sentence in sentences[first:]:
                self._read(sentence, spans)
        return Analysis(sentences, quotes)

    # -- quotations ------------------------------------------------------------
    def _quotes(
        self, start: int, end: int, block: int, first: int, sentences: list[Sentence], open_before: bool
    ) -> tuple[list[Quote], bool]:
        found = []
        still_open = False
        # Quotation marks that cannot be paired (an odd number of straight ones, a straight one with
        # space on both sides, an opening curly one after another) make the paragraph's quotations
        # unreadable: report none rather than guess.
        straight_paired = self.text.count('"', start, end) % 2 == 0 and not _LOOSE_STRAIGHT.search(self.text, start, end)
        if not _curly_balanced(self.text, start, end):
            return [], self.text.rfind("“", start, end) > self.text.rfind("”", start, end)
        first_close = self.text.find("”", start, end)
        first_open = self.text.find("“", start, end)
        if first_close >= 0 and (first_open < 0 or first_close < first_open):
            # The paragraph opens inside a quotation begun earlier: its speaker is there.
            touched = [i for i in range(first, len(sentences)) if sentences[i].start <= first_close]
            if touched:
                found.append(Quote(start, first_close + 1, block, touched[0], touched[-1], True, False))
        for match in _QUOTE.finditer(self.text, start, end):
            q_start, q_end = match.span()
            body = match.group()
            if body.startswith('"') and not straight_paired:
                continue
            unclosed = body.startswith("“") and not body.endswith("”")
            still_open = unclosed
            continued = open_before and not self.text[start:q_start].strip()
            if not self._is_speech(body, q_start):
                continue
            touched = [i for i in range(first, len(sentences)) if sentences[i].start < q_end and q_start < sentences[i].end]
            if touched:
                introduced = self._introduced(q_start, sentences[touched[0]].start)
                found.append(Quote(q_start, q_end, block, touched[0], touched[-1], continued or introduced, unclosed))
        return found, still_open

    def _introduced(self, quote_start: int, sentence_start: int) -> bool:
        """'The judge had advice for him: “Do not trust Mr. Nichols.”': a lead-in names the speaker."""
        lead = self.text[sentence_start:quote_start].rstrip()
        return lead.endswith(":") and len(_WORD_CHAR.findall(lead)) > 8 and lead[:1].isupper()

    def _is_speech(self, body: str, start: int) -> bool:
        """Quotation marks around someone's words, not a title, name or term."""
        inner = body.strip("“”\"‘’ \n")
        if not _LETTERS.search(inner):
            return False
        words = inner.split()
        significant = [w for w in words if w.lower() not in _SMALL_WORDS]
        if len(words) <= 8 and significant and all(w[:1].isupper() or not w[:1].isalpha() for w in significant):
            return False  # a title or name: “Twilight”, “Coalition of the Willing”
        before = self.text[max(0, start - 40) : start]
        return not self.lex.naming.search(before)

    # -- one sentence ------------------------------------------------------------
    def _read(self, sentence: Sentence, quotes: list[tuple[int, int]]) -> None:
        s, e = sentence.start, sentence.end
        self._sentence_start = s
        self._sentence_tokens: list[Token] | None = None  # made on first need, shared by the sentence's cues
        self._sentence_end = e
        self._sentence_documents: bool | None = None  # whether a document word is in it, on first need

        def quoted(position: int) -> bool:
            return any(a <= position < b for a, b in quotes)

        for match in self.lex.cues.finditer(self, s, e):
            if quoted(match.start()) or (match.start() > 0 and self.text[match.start() - 1] in ".'’-"):
                continue
            cue = self._resolve(match, s, e)
            if cue is not None:
                sentence.cues.append(cue)
        # Any source in the sentence, even an anonymous one (reported by its own rule), answers "says who?"
        # for wording credited to no one: "..., reportedly showed ..., legal sources said".
        credited = any(c.source in CREDITED or c.source == ANONYMOUS for c in sentence.cues)
        sentence.weasel = self._weasel(sentence, quoted, credited)
        sentence.anonymous = self._anonymous(sentence, quoted)
        if sentence.anonymous and sentence.weasel and sentence.anonymous.start < sentence.weasel.end and sentence.weasel.start < sentence.anonymous.end:
            sentence.anonymous = None  # "interpreted by Western officials as": one problem, reported once
        sentence.figures = self._figures(s, e, quoted)

    def _anonymous(self, sentence: Sentence, quoted) -> Flag | None:
        for match in self.lex.anonymity.finditer(self, sentence.start, sentence.end):
            if not quoted(match.start()):
                return Flag(match.start(), match.end(), "an anonymous source")
        for cue in sentence.cues:
            if cue.source == ANONYMOUS:
                return Flag(cue.start, cue.end, self._describe(ANONYMOUS, cue.source_text))
        return None

    def _weasel(self, sentence: Sentence, quoted, credited: bool) -> Flag | None:
        s, e = sentence.start, sentence.end
        candidates: list[Flag] = []
        for match in self.lex.agentless.finditer(self, s, e):
            flag = self._agentless(match, e, credited)
            if flag is not None:
                candidates.append(flag)
        for match in self.lex.widely_bare.finditer(self, s, e):
            flag = self._agentless(match, e, credited)
            if flag is not None:
                candidates.append(flag)
        if not credited:
            for pattern in (self.lex.it_passive, self.lex.hedges):
                candidates.extend(Flag(m.start(), m.end(), "no one") for m in pattern.finditer(self.text, s, e))
        candidates.extend(Flag(m.start(), m.end(), "no one") for m in self.lex.weasel_phrases.finditer(self, s, e))
        # A crowd reported by a named source or a document is credited: "some witnesses told police
        # ..., the chief said", "polls showed that many think".
        vouched = any(c.source == DOCUMENT or (c.source == NAMED and self._tag(c, e)) for c in sentence.cues if c.credits)
        for cue in sentence.cues:
            if cue.source == VAGUE and not vouched:
                candidates.append(Flag(cue.start, cue.end, f"a vague crowd ('{cue.source_text}')"))
        candidates = [c for c in candidates if not quoted(c.start)]
        return min(candidates, key=lambda f: f.start) if candidates else None

    def _tag(self, cue: Cue, sentence_end: int) -> bool:
        """A closing attribution for the whole sentence: '..., Troy Police Chief Charles Craft said.'"""
        lead = self.text[max(self._sentence_start, cue.start - 3) : cue.start].rstrip()
        rest = self.text[cue.end : sentence_end]
        return lead.endswith((",", "”", '"')) and len(rest.split()) <= 8

    def _agentless(self, match: regex.Match, end: int, credited: bool) -> Flag | None:
        """'has been seen as', 'is believed to': reported unless a named agent holds the view."""
        part = normal(match.group("part"))
        adverb = match.group("adverb") or (match.groupdict().get("early"))
        after = self._after(match.end())
        follow = after[0].lower if after else ""
        if follow == "by":
            source, text, _ = self._forward_source(after[1:])
            if source in CREDITED or source is None:
                return None
            return Flag(match.start(), after[0].end if len(after) < 2 else self._np_end(after[1:]), self._describe(source, text))
        as_form = part in self.lex.agentless_as and follow in ("as", "one", "among")
        to_form = part in self.lex.agentless_to and follow in ("to", "that")
        consensus = adverb is not None and part in self.lex.widely_participles
        if not (as_form or to_form or consensus):
            return None
        if to_form and _TERM_FOLLOWS.match(self.text, after[0].end):
            return None  # a definition: "the allele is said to be `split'"
        flag_end = after[0].end if follow in ("as", "to", "that", "one", "among") else match.end()
        agent = self._later_agent(match.end(), end)
        if agent is not None:
            source, text = agent
            return None if source in CREDITED else Flag(match.start(), flag_end, self._describe(source, text))
        if credited:
            return None  # "the move was seen as a snub, Macron said"
        if _CONDITION.search(self.text, self._clause_start(match.start()), match.start()):
            return None  # "if the assessment is thought to be insufficient": a condition, not a claim
        return Flag(match.start(), flag_end, "no one")

    def _clause_start(self, position: int) -> int:
        boundary = max(self.text.rfind(mark, self._sentence_start, position) for mark in (",", ";", ":", "—"))
        return max(self._sentence_start, boundary + 1)

    def _later_agent(self, start: int, end: int) -> tuple[str, str] | None:
        """The 'by ...' agent later in the clause: 'is seen as crucial by analysts'."""
        stop = _CLAUSE_END.search(self.text, start, end)
        clause_end = stop.start() if stop else end
        by = _BY.search(self.text[start:clause_end])
        if by is None:
            return None
        source, text, _ = self._forward_source(self._after(start + by.end()))
        return (source, text) if source is not None else None

    def _describe(self, source: str, text: str) -> str:
        if source == ANONYMOUS:
            return f"unnamed {self._bare_phrase(text)}"
        if source == VAGUE:
            return f"a vague crowd ('{text}')"
        return "no one"

    def _bare_phrase(self, text: str) -> str:
        """'both U.S. and European officials' -> 'U.S. and European officials'."""
        words = text.split()
        drop = _DEFINITE | self.lex.quantifiers | {"a", "an", "both", "all", "two", "three", "four", "five"}
        while len(words) > 1 and (normal(words[0]) in drop or words[0].isdigit()):
            words.pop(0)
        return " ".join(words)

    def _np_end(self, tokens: list[Token]) -> int:
        _, _, last = self._forward_np(tokens)
        return last.end if last is not None else tokens[0].end

    # -- tokens around a position of the current sentence ------------------------
    def _sentence(self) -> tuple[list[Token], list[int]]:
        if self._sentence_tokens is None:
            self._sentence_tokens = _tokens(self.text, self._sentence_start, self._sentence_end, self.ascii_lower is not None)
            self._token_starts = [t.start for t in self._sentence_tokens]
        return self._sentence_tokens, self._token_starts

    def _before(self, position: int, count: int = 24) -> list[Token]:
        tokens, starts = self._sentence()
        index = bisect.bisect_left(starts, position)
        return tokens[max(0, index - count) : index]

    def _after(self, position: int, count: int = 24) -> list[Token]:
        tokens, starts = self._sentence()
        index = bisect.bisect_left(starts, position)
        return tokens[index : index + count]

    # -- cues --------------------------------------------------------------------
    def _resolve(self, match: regex.Match, s: int, e: int) -> Cue | None:
        """Tie a cue to its source, or None if the word credits no one here."""
        form = normal(match.group())
        kind = self.lex.cue_kinds.get(form)
        if kind is None or (kind == "docphrase" and not self._names_documents()):
            return None
        after = self._after(match.end())
        if kind in ("phrase", "docphrase"):
            source, text, last = self._forward_source(after)
            if source is None or (kind == "docphrase" and source != DOCUMENT):
                return None
            return Cue(match.start(), last.end if last else match.end(), source, text)
        before = self._before(match.start())
        if self.text[match.start()].isupper() and any(t.is_word for t in before):
            return None  # a name mid-sentence: "the United States", "The Washington Post"
        if form in self.lex.participles:
            return Cue(match.start(), match.end(), INHERITED, "") if kind == "verb" else None
        cue = self._verb_source(match, before, after)
        if cue is None or (kind == "docverb" and cue.source != DOCUMENT):
            return None
        if cue.source in (ANONYMOUS, VAGUE) and after and after[0].lower in ("to", "with"):
            return None  # "officials agreed to meet": an act, not a claim
        if self._noun_use(form, cue):
            return None  # "many details", "Trump's claims"
        if kind == "opinion":
            return Cue(cue.start, cue.end, cue.source, cue.source_text, credits=False)
        return cue

    def _names_documents(self) -> bool:
        """Whether the sentence may name a document ("under the agreement"): a source is
        one only if a token is a document word, and then that word is in its lowered text."""
        if self._sentence_documents is None:
            self._sentence_documents = self._lowered is None or bool(
                self.lex.any_document.search(self._lowered, self._sentence_start, self._sentence_end)
            )
        return self._sentence_documents

    def _noun_use(self, form: str, cue: Cue) -> bool:
        """A verb form that is a noun here: after a possessive, or an -s form after a plural."""
        subject = self.text[cue.start : cue.end].split()
        if len(subject) < 2:
            return False
        head = subject[-2] if not subject[-2].endswith(",") else ""
        possessive = normal(head).endswith("'s") and normal(head) not in ("it's", "he's", "she's", "that's", "who's")
        if possessive and form in self.lex.base_forms:
            return True
        if form.endswith("s") and not form.endswith("ss"):
            word = normal(head)
            return word in self.lex.quantifiers or (word.endswith("s") and not word.endswith("ss") and word.isalpha() and word.islower())
        return False

    def _verb_source(self, match: regex.Match, before: list[Token], after: list[Token]) -> Cue | None:
        # Skip auxiliaries, adverbs and times between subject and verb: "officials have also said".
        i = len(before) - 1
        while i >= 0 and self._skippable(before[i]):
            i -= 1
        previous = before[i] if i >= 0 else None
        hypothetical = any(t.lower in _MODALS for t in before[i + 1 :])  # "critics could argue"
        reduced_passive = after and after[0].lower == "by" and form_is_past(match.group())  # "figures released by"
        if previous is not None and previous.lower in _BE or reduced_passive:
            if after and after[0].lower == "by":  # passive: "emphasized by European officials"
                source, text, last = self._forward_source(after[1:])
                if source is not None:
                    return Cue(match.start(), last.end, source, text)
            return None  # agentless passive ("was announced") credits no one
        # Inversion ("said Starmer"); at the start of a sentence only a past or -s form ("Says Smith:"),
        # since a base form there is an imperative ("Expect endless experts ...").
        inverted = (previous is None and normal(match.group()) not in self.lex.lemmas) or (
            previous is not None and previous.text in _CLOSE_QUOTES
        )
        if previous is not None and previous.text == ",":
            inverted = self._looks_inverted(after)
        if inverted:
            source, text, last = self._forward_source(after)
            if source is not None:
                return Cue(match.start(), last.end, source, text)
            if previous is None:
                return None
            if previous.text in _CLOSE_QUOTES:  # 'co-author of “The Life,” said in an interview'
                while i >= 0 and not before[i].is_word and before[i].text != ",":
                    i -= 1
                previous = before[i] if i >= 0 else None
                if previous is None:
                    return None
        if previous is None:
            return None
        if previous.text == ",":
            return self._appositive_source(before[: i + 1], match)
        if previous.lower in _SHARED_SUBJECT:
            return Cue(match.start(), match.end(), INHERITED, "")  # "went on to praise", "... and said"
        source, text, first = self._backward_source(before[: i + 1])
        if source is None or (hypothetical and source in (ANONYMOUS, VAGUE)):
            return None
        if (
            source == VAGUE
            and _bare(text.split()[-1]) not in self.lex.vague
            and " " not in match.group().strip()
            and form_is_past(match.group())
            and (not after or after[0].lower in _PARTICIPLE_FOLLOWERS)
        ):
            return None  # "some rare species found in this region": a participle, not a verb
        return Cue(first.start, match.end(), source, text)

    def _skippable(self, token: Token) -> bool:
        word = token.lower
        if word in _SKIP_BEFORE_VERB:
            return True
        return token.text.islower() and word.endswith("ly") and word not in _NOT_ADVERBS and len(word) > 4

    def _looks_inverted(self, after: list[Token]) -> bool:
        """', said Alfredo Perez, a spokesman' but not ', said the agreement was fine'."""
        _, _, last = self._forward_np(after)
        if last is None:
            return False
        index = next(i for i, t in enumerate(after) if t is last)
        return index + 1 >= len(after) or after[index + 1].text in (",", ".", ";", ":", "!", "?", "(", "“", '"')

    def _appositive_source(self, before: list[Token], match: regex.Match) -> Cue | None:
        """'Alfredo Perez, a spokesman for the Marshals Service, said': either side names the source."""
        inner = before[:-1]  # drop the comma next to the verb
        candidates = []
        source, text, first = self._backward_source(inner)
        if source is not None:
            candidates.append((source, text, first))
        commas = [k for k in range(len(inner) - 1, max(-1, len(inner) - 16), -1) if inner[k].text == ","]
        if commas and commas[0] + 1 < len(inner) and inner[commas[0] + 1].lower in ("who", "which", "whom", "whose"):
            candidates = []  # "Critics, who met in Paris, said": a relative clause names no one
        if commas:
            source, text, first = self._backward_source(inner[: commas[0]])
            if source is not None:
                candidates.append((source, text, first))
        if not candidates:
            return None
        for preferred in (NAMED, DOCUMENT, ANONYMOUS, VAGUE):
            for source, text, first in candidates:
                if source == preferred:
                    return Cue(min(f.start for _, _, f in candidates), match.end(), source, text)
        return None

    def _backward_source(self, tokens: list[Token], relative: bool = False) -> tuple[str | None, str, Token | None]:
        """The subject ending the tokens: its kind, its text, its first token."""
        if not tokens or not tokens[-1].is_word:
            return None, "", None
        head = tokens[-1]
        if head.lower in ("who", "which", "that") and len(tokens) > 1:
            antecedent = tokens[:-1]
            if antecedent and antecedent[-1].text == ",":
                antecedent = antecedent[:-1]
            source, text, first = self._backward_source(antecedent, relative=True)
            return source, text, first
        phrase = [head]
        k = len(tokens) - 2
        while k >= 0 and len(phrase) < 6:
            token = tokens[k]
            if not token.is_word:
                break
            if token.lower == "of":  # "some of the critics", but not "aspects of American life"
                if k > 0 and tokens[k - 1].lower in self.lex.quantifiers:
                    phrase[0:0] = [tokens[k - 1], token]
                    k -= 2
                    continue
                break
            if token.lower in _FORWARD_STOP - {"and"} or token.lower in _BE:
                break
            if token.lower == "and" and (phrase[0] is head or phrase[0].lower in self.lex.quantifiers | _DEFINITE):
                partner = tokens[k - 1] if k > 0 and phrase[0] is not head else None
                if partner is not None and partner.is_word and (partner.lower in self.lex.pronouns or partner.text[:1].isupper()):
                    if partner.lower not in _CLAUSE_OPENERS and _WORD_CHAR.search(self.text, self._sentence_start, partner.start):
                        return NAMED, " ".join(t.text for t in tokens[k - 1 :]), partner  # "he and other officials said"
                    if partner.lower in self.lex.pronouns:
                        return NAMED, " ".join(t.text for t in tokens[k - 1 :]), partner
                break  # "... signed a treaty, and some have suggested": "and" joins clauses here
            phrase.insert(0, token)
            k -= 1
        # A crowd is only read as the subject when its phrase starts a clause:
        # "..., and many experts believe", not "has written several books that criticize".
        bounded = k < 0 or not tokens[k].is_word or tokens[k].lower in _CLAUSE_OPENERS
        if not bounded and tokens[k].lower in _MODIFIER_PREPOSITIONS and not head.text[:1].isupper() and k > 0:
            # "a spokesperson at naval headquarters said": the subject is before the preposition
            source, text, first = self._backward_source(tokens[:k], relative=relative)
            if source is not None:
                return source, text + " " + " ".join(t.text for t in tokens[k:]), first
        source = self._classify(head, phrase, bounded=bounded, relative=relative)
        return source, " ".join(t.text for t in phrase), phrase[0]

    def _forward_np(self, tokens: list[Token]) -> tuple[list[Token], Token | None, Token | None]:
        """The noun phrase starting the tokens: (phrase, head, last token)."""
        phrase: list[Token] = []
        index = 0
        while index < len(tokens) and tokens[index].lower in _TIME_WORDS:
            index += 1
        for token in tokens[index:]:
            word = token.lower
            if not token.is_word or len(phrase) >= 8:
                break
            if word == "and" and phrase:
                phrase.append(token)  # "both U.S. and European officials"
                continue
            if word == "of" and phrase and all(t.lower in self.lex.quantifiers | _DEFINITE | {"a", "an"} or t.lower.isdigit() for t in phrase):
                phrase.append(token)
                continue
            if word in _FORWARD_STOP or word == "of":
                break
            has_noun = any(t.lower not in _DEFINITE | self.lex.quantifiers | {"a", "an"} and not t.lower.endswith("ly") for t in phrase)
            if has_noun and token.text.islower() and (word.endswith(("ed", "ing")) or word in _TIME_WORDS):
                break  # "a statement released today by the Academy"
            phrase.append(token)
        while phrase and phrase[-1].lower == "and":
            phrase.pop()
        if not phrase:
            return [], None, None
        return phrase, phrase[-1], phrase[-1]

    def _forward_source(self, tokens: list[Token]) -> tuple[str | None, str, Token | None]:
        phrase, head, last = self._forward_np(tokens)
        if head is None:
            return None, "", None
        return self._classify(head, phrase), " ".join(t.text for t in phrase), last

    def _classify(self, head: Token, phrase: list[Token], bounded: bool = True, relative: bool = False) -> str | None:
        """What kind of source a noun phrase is, from its head word and determiners.

        Anonymous and vague readings need a phrase that plainly is the subject
        (``bounded``); anything else that is a noun credits the claim.
        """
        word = _bare(head.text)
        if not head.is_word or word.replace(",", "").replace(".", "").isdigit():
            return None
        sentence_initial = not _WORD_CHAR.search(self.text, self._sentence_start, phrase[0].start)
        if word in self.lex.pronouns:
            return NAMED
        if word in _STOP or word in _BE:
            return None
        words = [t.lower for t in phrase]
        if word in self.lex.documents or (word.endswith("s") and word[:-1] in self.lex.documents):
            return DOCUMENT
        if any(w in self.lex.pronouns and w not in ("that", "which", "one") for w in words[:-1]):
            return NAMED  # "he most recently wrote"
        if not bounded:  # not plainly the subject: "Let people say", "has written several books that"
            return NAMED if head.text[:1].isupper() else None  # but "analysts at Moody's say" names one
        for j, w in enumerate(words[1:-1], 1):
            if w == "and" and phrase[j - 1].text[:1].isupper() and words[j + 1] in _DEFINITE:
                return NAMED  # "Ban and his aides claimed"
        definite = words[0] in _DEFINITE or (len(phrase) > 1 and _bare(phrase[0].text) != phrase[0].lower)
        quantified = any(
            w in self.lex.quantifiers
            and not (k + 1 < len(words) and words[k + 1][:1].isdigit())  # "some 300 troops"
            and not (w == "most" and k > 0 and words[k - 1] == "the")  # "the most senior"
            for k, w in enumerate(words[:-1])
        ) or any(q in " ".join(words[:-1]) for q in self.lex.quantifiers if " " in q)
        if word in self.lex.anonymous:
            if not word.endswith("s") and not (set(words[:-1]) & _SINGULAR_DETERMINERS or quantified):
                return None  # "undermining official claims": no determiner, so not a person
            return INHERITED if definite and not quantified else ANONYMOUS  # "the official": reported at first mention
        crowd = word in self.lex.vague and not (word == "most" and "the" in words)
        if crowd and head.text[:1].isupper() and (len(phrase) > 1 or not sentence_initial):
            return NAMED  # a name: "Forrester Research", "People quoted him"
        plural = word.endswith("s") and not word.endswith("ss") and word.isalpha()
        if crowd or (quantified and plural):
            if relative and not crowd:
                return None  # "many monks, who feared": who is the source is unclear
            return INHERITED if definite and not quantified else VAGUE
        return NAMED

    # -- figures -------------------------------------------------------------------
    def _figures(self, s: int, e: int, quoted) -> list[tuple[int, int, str, bool]]:
        """The sentence's statistics in order, each with the noun it counts ('12 people') and its number."""
        # Every figure holds a digit, or "million" after a word: a sentence without either is not scanned.
        matches = [
            m
            for m in (_FIGURE.finditer(self.text, s, e) if _DIGIT.search(self.text, s, e) else ())
            if not quoted(m.start()) and (m.group("num") is None or self._is_statistic(m, s))
        ]
        if self.ascii_lower is None or self.ascii_lower.find("illion", s, e) >= 0:
            matches.extend(m for m in _FIGURE_WORDS.finditer(self.text, s, e) if not quoted(m.start()))
        figures = []
        for match in sorted(matches, key=lambda m: m.start()):
            if self.lex.background.search(self.text, max(s, match.start() - 40), match.start()):
                continue  # "a population of more than 100,000": background, not news
            end = self._counted_end(match.end(), e)
            figures.append((match.start(), end, _number_key(match.group()), self._is_tally(match, end, s, e)))
        return figures

    def _is_tally(self, match: regex.Match, end: int, s: int, e: int) -> bool:
        """A figure someone counted or estimated: a percentage, a large sum, an estimate or a tally.

        Plain counts of standing facts ("a 2,507-member council", "Klaw paid $80") are
        left alone; estimates ("at least 12", "an estimated $1 million") and tallies of
        what happened ("12 people were killed", "46 demonstrators were arrested") need a source.
        """
        if match.groupdict().get("pct"):
            return True
        if self.lex.estimates.search(self.text, max(s, match.start() - 30), match.start()):
            return True
        text = match.group().lower()
        if match.groupdict().get("money") and not any(w in text for w in ("million", "billion", "trillion", "bn")):
            return _number_value(text) >= 100_000
        if match.groupdict().get("money") or match.groupdict().get("big") or match.groupdict().get("words") is not None:
            return True
        before = self.text[max(s, match.start() - 40) : match.start()]
        after = self.text[match.end() : min(e, end + 60)]
        return bool(self.lex.tallies.search(_last_words(before, 4) + " " + _first_words(after, 7)))

    def _counted_end(self, end: int, sentence_end: int) -> int:
        """Where the noun a figure counts ends: '12 people', '800,000 well-trained troops', else the number."""
        noun = _COUNTED_NOUN.match(self.text, end, sentence_end)
        if noun is None:
            return end
        for word in _NON_SPACE.finditer(noun.group()):
            if word.group().endswith("s") or word.group() in _PLURALS:
                return end + word.end()
            if "-" not in word.group():
                break  # only a hyphenated modifier may come before the noun
        return end

    def _is_statistic(self, match: regex.Match, sentence_start: int) -> bool:
        """A bare number that is a count: not a year, date, time, age, score, phone number or identifier."""
        number = match.group()
        if "," not in number and "." not in number:
            value = int(number) if len(number) < 10 else 10**9  # (Python refuses int() of 4,300 digits)
            if value < 10 or 1000 <= value <= 2099 or (number.startswith("0") and len(number) > 1):
                return False
        before = self.text[max(sentence_start, match.start() - 40) : match.start()]
        wider_before = self.text[max(0, match.start() - 30) : match.start()]
        after = self.text[match.end() : match.end() + 40]
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _RANGE_AFTER.match(after):
            return False
        if _RANGE_BEFORE.search(wider_before) or _STREET_AFTER.match(after) or _NUMBER_AFTER.match(after):
            return False  # "1994 - 96", "13. 6 percent", "325 E. Dahlia Ave.", "0845 125 222"
        if _PARENTHESIS_BEFORE.search(before) and _PARENTHESIS_AFTER.match(after):
            return False  # an aside: "two rebounds (8.0) per contest"
        if _AGE.search(before) and _AGE_AFTER.match(after) or _AGE_BEFORE.search(before) or _SIGN_BEFORE.search(before):
            return False  # "Comeaux, 49, was", "aged 49", "She was 91."
        if _COMPOUND_AFTER.match(after):
            return False  # a modifier: "a 2,507-member assembly", "a 10-fight streak"
        unit = _UNIT.match(after)
        if unit:
            first = unit.group(1).split()[0].split("-")[0].rstrip(".").lower()
            if first in self.lex.not_statistics or normal(unit.group(1)) in self.lex.not_statistics:
                return False
            if first in ("a.m", "p.m"):
                return False
        if _THE_BEFORE.search(before) and _SINGULAR_AFTER.match(after):
            return False  # a name: "the 76 station", "the 405 freeway"
        previous = _PREVIOUS_WORD.search(before)
        if previous and previous.group(1)[:1].isupper() and previous.group(1).lower() not in _QUANTITY_LEAD:
            return False  # "Article 5", "Flight 370", "No. 10"
        return True


# ---------------------------------------------------------------------------
# The kind
# ---------------------------------------------------------------------------


@register("attribution")
class AttributionCheck(Check):
    PARAMS = {
        "finding": Param("choice", None, "what this rule reports", required=True, choices=FINDINGS),
        "lexicon": Param(
            "dict", {}, "entries added to the built-in lexicons (factlint/data/attribution.yaml): section name -> list"
        ),
        "window": Param(
            "int", 1, "sentences either side, within the paragraph, where a source still counts (figures, quotes)",
            minimum=0, maximum=5,
        ),
        "min_quote_words": Param(
            "int", 4, "shortest quotation (in words) that needs a speaker; shorter ones are mostly terms", minimum=1
        ),
    }
    PLACEHOLDERS = ("match", "source")

    def compile(self) -> None:
        additions = self.params["lexicon"]
        sections = lexicon_sections()
        for name, entries in additions.items():
            if name not in sections:
                raise self.rule.error(f"unknown lexicon section {name!r} (sections: {', '.join(sorted(sections))})", "lexicon")
            if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
                raise self.rule.error(f"lexicon section {name!r} must be a list of words or phrases", "lexicon")
            if sections[name]:
                for pattern in entries:
                    try:
                        if repeat_problem(pattern):
                            raise regex.error(repeat_problem(pattern))
                        regex.compile(pattern)
                    except regex.error as err:
                        raise self.rule.error(f"invalid regex {pattern!r} in lexicon section {name!r}: {err}", "lexicon") from None
        self.lexicon = load_lexicon(additions)

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = self.lexicon.analysis(doc)
        finding = self.params["finding"]
        if finding == "anonymous":
            for sentence in analysis.sentences:
                if sentence.anonymous:
                    yield self.finding(doc, sentence.anonymous.start, sentence.anonymous.end, source=sentence.anonymous.source)
        elif finding == "weasel":
            for sentence in analysis.sentences:
                if sentence.weasel:
                    yield self.finding(doc, sentence.weasel.start, sentence.weasel.end, source=sentence.weasel.source)
        elif finding == "unsourced-figure":
            yield from self._figures(doc, analysis)
        else:
            yield from self._quotes(doc, analysis)

    def _sourced(
        self, analysis: Analysis, first: int, last: int, block: int, exclude: tuple[int, int] = (0, 0), views: bool = False
    ) -> bool:
        """Does a cue in sentences first-window .. last+window of the block credit anyone?

        ``views``: opinion verbs count too ("the neighbors thought it was “cool”"
        credits a quotation; "the allies agreed" is no source for a figure).
        """
        window = self.params["window"]
        sentences = analysis.sentences
        for index in range(max(0, first - window), min(len(sentences), last + window + 1)):
            sentence = sentences[index]
            if sentence.block != block:
                continue
            if any(
                (c.credits or views)
                and c.source in ANY_SOURCE
                and (views or c.source != VAGUE or index == first)  # "critics say" next door is no source for a toll
                and not exclude[0] <= c.start < exclude[1]
                for c in sentence.cues
            ):
                return True
        return False

    def _figures(self, doc: Document, analysis: Analysis) -> Iterable[Finding]:
        seen: set[str] = set()  # a figure repeated later in the article needs its source only once
        for index, sentence in enumerate(analysis.sentences):
            new = [f for f in sentence.figures if f[2] not in seen and f[3]]
            seen.update(f[2] for f in sentence.figures)
            if not new or sentence.anonymous or sentence.weasel:
                continue  # a sentence already reported for its sourcing is not reported again
            if not self._sourced(analysis, index, index, sentence.block):
                yield self.finding(doc, new[0][0], new[0][1])

    def _quotes(self, doc: Document, analysis: Analysis) -> Iterable[Finding]:
        previous: tuple[Quote, bool] | None = None  # the quotation before and whether it was credited
        for quote in analysis.quotes:
            credited = self._quote_credited(analysis, quote, previous)
            previous = (quote, credited)
            if credited or len(doc.text[quote.start : quote.end].split()) < self.params["min_quote_words"]:
                continue
            text = " ".join(doc.text[quote.start : quote.end].split())
            shown = text if len(text) <= 60 else text[:57].rstrip() + "...”"
            yield self.finding(doc, quote.start, quote.end, match=shown)

    def _quote_credited(self, analysis: Analysis, quote: Quote, previous: tuple[Quote, bool] | None) -> bool:
        sentences = analysis.sentences
        if quote.continued:
            return True  # the paragraph that opened it is where its speaker is (or is reported)
        if any(sentences[i].anonymous or sentences[i].weasel for i in range(quote.first, quote.last + 1)):
            return True  # reported for its sourcing already
        if self._sourced(analysis, quote.first, quote.last, quote.block, (quote.start, quote.end), views=True):
            return True
        if previous is not None and previous[1] and previous[0].block == quote.block and previous[0].last >= quote.first - 1:
            return True  # the same speaker's words go on: “...,” he said. “...”
        starts_paragraph = quote.first == 0 or sentences[quote.first - 1].block != quote.block
        if starts_paragraph and quote.first > 0 and self._sourced_at(analysis, quote.first - 1):
            return True  # a new paragraph of the same speaker's words
        return quote.unclosed and self._next_paragraph_sourced(analysis, quote)  # its speaker given in the next

    def _next_paragraph_sourced(self, analysis: Analysis, quote: Quote) -> bool:
        following = [i for i in range(quote.last + 1, len(analysis.sentences)) if analysis.sentences[i].block != quote.block]
        if not following:
            return False
        first = following[0]
        block = analysis.sentences[first].block
        return self._sourced(analysis, first, first, block, views=True)

    @staticmethod
    def _sourced_at(analysis: Analysis, index: int) -> bool:
        return any(c.source in ANY_SOURCE for c in analysis.sentences[index].cues)
