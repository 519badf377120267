"""The ``quotes`` kind: one quotation rendered two ways, or given to two speakers.

The quotations and their speakers are the attribution kind's reading
(:func:`factlint.kinds.attribution.quotations`: the same pairing of marks and
the same speakers as ``unattributed-quotes``), never a second analysis.
Phase one keeps each article's spoken quotations, their words normalized;
phase two compares the quotations of one story (``STORY``), across its
articles and within each article. Two findings, one rule each (the rule's
``finding`` key):

``misquote``
    A quotation that matches a quotation of the same speaker closely but
    not exactly: words changed, dropped or added, pronouns and negations
    included ("Why did he leave" against "Why did you leave"). What does not
    change the words is no misquote: punctuation, case, US/UK spelling
    ("honour", "honor"), contractions ("do not", "don't"), numbers in words
    or figures, and an ellipsis or a bracket that marks the change ("[the
    mayor] is", "we will ... win"). A partial quotation is no misquote: one
    rendering that starts or ends inside the other. The minority rendering
    is reported (the one fewer articles give; with as many on each side, the
    later one), quoting the other, with the others related.
``speaker``
    The same quotation, near-exact, credited to different speakers across
    the articles of a story or within an article: the minority speaker's
    (else the later) is reported, with the others related.

A speaker is who the attribution reading names ("Donald Trump", "Trump",
"President Trump" are one speaker, by the last capitalised word); a
quotation with no named speaker ("he said", "the official said", none)
counts only where its text is exactly another's: it supports that
rendering, and is never reported.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable, NamedTuple

from factlint.document import Document, Location
from factlint.findings import Finding, Related
from factlint.kinds.base import Check, Param, register
from factlint.kinds.plan import STORY, Gathered, Group, Plan

FINDINGS = ("misquote", "speaker")
MAX_WORDS = 400  # a longer "quotation" is marks mispaired; aligning two of them would cost quadratic time
ELLIPSIS = "\u2026"  # the token an elision becomes
BRACKET = "[]"  # the token an editor's bracketed insertion becomes
MARKERS = frozenset({ELLIPSIS, BRACKET})

_ELISION = re.compile(r"\.\s?\.\s?\.|\u2026|\[[^\]]{0,60}\]|\([^)]{0,60}\)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\u2026|\[\]", re.UNICODE)
_CONTRACTIONS = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not", "ain't": "is not"}
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"), ("'m", " am"))
_NUMBERS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update({w: f"{n}th" for n, w in enumerate("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())})
_NUMBERS.update({"1st": "1th", "2nd": "2th", "3rd": "3th"})
_IS_BEFORE = frozenset("it he she that there what who here where this how".split())
_SPELLINGS = {
    "programme": "program", "programmes": "programs", "grey": "gray", "cheque": "check", "cheques": "checks",
    "aluminium": "aluminum", "tyre": "tire", "tyres": "tires", "kerb": "curb", "plough": "plow", "mould": "mold",
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense", "percent": "per cent",
    "ok": "okay", "towards": "toward", "afterwards": "afterward", "amongst": "among", "whilst": "while",
}
_ENDINGS = (
    (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able)?$"), r"or\1"),  # colour, honoured, favourite
    (re.compile(r"(?<=\w\w)is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, realisation
    (re.compile(r"(?<=\w\w)ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=\w\w[^aeiou])re(s|d)?$"), r"er\1"),  # centre, theatres, metre
    (re.compile(r"(?<=\w[^aeiou][aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelling
    (re.compile(r"(?<=\w\w)ogue(s)?$"), r"og\1"),  # catalogue, dialogue
)
_LONG_QUOTE = re.compile(r'["“‘«„][^"“”«»\n]*?(?:\s+[^\s"“”«»]+){5}')  # a mark, then six words: min_words' floor
_PRONOUN_SPEAKERS = frozenset("he she they it we i you who which that this someone somebody".split())


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    """One spelling of a word whatever the house style: US/UK, contractions, small numbers."""
    word = _SPELLINGS.get(word, word)
    if word in _NUMBERS:
        return _NUMBERS[word]
    for pattern, replacement in _ENDINGS:
        folded = pattern.sub(replacement, word)
        if folded != word:
            return folded
    return word


def quote_words(text: str) -> tuple[str, ...]:
    """A quotation's words as they are compared (see the module's docstring); an
    elision or bracket becomes one marker token."""
    marked = _ELISION.sub(lambda m: f" {BRACKET} " if m.group()[0] in "[(" else f" {ELLIPSIS} ", text)
    marked = marked.lower().replace("’", "'").replace("‘", "'")
    marked = re.sub(r'(?<=[^\W\d_])"(?=[^\W\d_])', "'", marked)  # wire copy's "don"t"
    marked = re.sub(r"(?<=[^\W\d_]) ?' ?(?=(?:s|m|t|re|ll|ve|d)\b)", "'", marked)  # tokenized copy's "I ' m"
    marked = re.sub(r"(?<=\d):00\b", "", marked)  # "6:00 p.m.", "6 p.m."
    marked = re.sub(r"(?<=\d),(?=\d{3})", "", marked)
    marked = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", marked)  # "pro-active": two words, "proactive" a typo
    words: list[str] = []
    for token in _WORD.findall(marked):
        token = _CONTRACTIONS.get(token, token)
        for suffix, replacement in _SUFFIXES:
            if token.endswith(suffix) and len(token) > len(suffix):
                token = token[: -len(suffix)] + replacement
                break
        for part in token.split():
            if part.endswith("'s") and len(part) > 2:  # "it's" is "it is"; "the population's" is no extra word
                words += [part[:-2], "is"] if part[:-2] in _IS_BEFORE else [_fold(part[:-2])]
            else:
                words.append(_fold(part))
    while words and words[0] in MARKERS:
        words.pop(0)
    while words and words[-1] in MARKERS:
        words.pop()
    return tuple(words)


_TITLES = frozenset(
    "the a an mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady president president-elect vice prime minister "
    "secretary mayor sheriff senator sen sen. rep rep. representative gov gov. governor judge justice officer chief "
    "deputy detective det. commissioner chancellor professor prof prof. rev rev. reverend father pope king queen "
    "prince princess general gen gen. col col. colonel capt capt. captain lt lt. lieutenant sgt sgt. sergeant coach "
    "administrator attorney speaker leader spokesman spokeswoman spokesperson director chairman chairwoman chair ceo founder "
    "former acting interim u.s. us uk british american french german".split()
)
_BODIES = frozenset(
    "house department ministry office police court council agency service company inc inc. corp corp. group "
    "association union party committee commission university college school hospital times news post journal "
    "press reuters afp ap bbc cnn government administration campaign foundation institute network church program "
    "programme society center centre fund bank coalition alliance project initiative league federation board "
    "authority bureau organization organisation trust network".split()
)
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


class Speaker(NamedTuple):
    """A quotation's speaker as phase two links them: the name's words, without titles."""

    words: tuple[str, ...]  # lowercased, accents dropped: ("donald", "trump"), ("trump",)
    shown: str  # as written: "Donald Trump"
    person: bool  # reads as a person's name (no body's word, not "of"/"for" or a possessive before it)


def speaker_of(name: str | None, before: str = "") -> Speaker | None:
    """The name's last run of capitalised words, titles dropped ("White House spokesman
    Sean Spicer": sean spicer); None for "he", "the judges", "Grayson's father".
    ``before``: the text before the name, which may tell a body's name ("the Society for")."""
    if not name:
        return None
    if name.strip()[:1].isupper():  # "Alan Thornhill, executive director of the Society for Conservation Biology"
        name = re.split(r",|\s(?:who|whose|an?|the)\s", name, maxsplit=1)[0]
    tokens = _NAME_WORD.findall(name)
    for index, token in enumerate(tokens):
        if re.search(r"['’]s$", token) and index + 1 < len(tokens) and tokens[index + 1][0].islower():
            return None  # someone described by another's name: "Grayson's father"
    runs: list[list[str]] = [[]]
    for token in tokens:
        if token[0].isupper() and token.lower().rstrip(",") not in _TITLES:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    run = runs[-1] if runs[-1] else (runs[-2] if len(runs) > 1 else [])
    words = [w for w in run if not re.fullmatch(r"\w\.?", w)]
    person = 2 <= len(words) <= 3 and all(w[1:].islower() or "'" in w or "’" in w or "-" in w for w in words)
    if person and run:  # "the Society for Conservation Biology", "the Council's Species Program": a body's name
        ahead = (before + " " + name[: name.find(run[0])]).split()
        person = not (ahead and (ahead[-1].lower() in ("of", "for", "at", "from") or re.search(r"['’]s$", ahead[-1])))
    words = words[-2:]  # given name and surname: "DEA Administrator Chuck Rosenberg" is Chuck Rosenberg
    if not words:
        return None
    folded = tuple(_plain(re.sub(r"['’]s$", "", w)).rstrip(".").lower() for w in words)
    if folded[-1] in _PRONOUN_SPEAKERS or len(folded[-1]) < 2:
        return None
    person = person and not _BODIES & set(folded)
    return Speaker(folded, " ".join(re.sub(r"['’]s$", "", w) for w in words), person)


def _plain(text: str) -> str:
    """Accents dropped: "Lafrenière" and "Lafreniere" are one name."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def identities(speakers: Iterable[Speaker]) -> dict[Speaker, tuple[str, ...]]:
    """Each speaker's identity within a story: a full name stands for itself; one word
    stands for the one full name of the story that starts or ends with it ("Chris":
    Chris White), else for itself ("Liberty"); a word two full names share ("White",
    beside Chris White and Dana White) is nobody's."""
    speakers = set(speakers)
    full = {s.words for s in speakers if len(s.words) >= 2}
    found: dict[Speaker, tuple[str, ...]] = {}
    for speaker in speakers:
        if len(speaker.words) >= 2:  # "Andrew Welzler" is Andrew Wetzler mistyped
            found[speaker] = min(f for f in full if f[:-1] == speaker.words[:-1] and (f == speaker.words or _typo(f[-1:], speaker.words[-1:])))
            continue
        word = speaker.words[0]
        owners = {f for f in full if f[0] == word or f[-1] == word}
        if len(owners) == 1:
            found[speaker] = next(iter(owners))
        elif not owners:
            found[speaker] = speaker.words
    return found


class Quoted(NamedTuple):
    """One spoken quotation of an article, as phase two compares it."""

    words: tuple[str, ...]
    speaker: Speaker | None  # the named speaker, None for none ("he said")
    speaker_name: str  # the speaker's name as written, titles dropped
    paragraph: int  # the article's paragraph (block) it stands in
    text: str  # the words as written, for the message
    location: Location
    excerpt: str
    position: int  # order in the article


class Edits(NamedTuple):
    """How two renderings of one quotation differ."""

    matched: int  # words they share, in order
    changed: int  # words changed, dropped or added inside the part they share
    contained: bool  # one is a part of the other (or they are the same)


def _typo(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two stretches are one word mistyped: split or run together ("a more",
    "amore"), or a long word one letter apart ("access", "acces")."""
    if a and b and "".join(a) == "".join(b):
        return True
    if len(a) != 1 or len(b) != 1 or min(len(a[0]), len(b[0])) < 5:
        return False
    x, y = a[0], b[0]
    if len(x) == len(y):
        diffs = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and x[diffs[0]] == y[diffs[1]] and x[diffs[1]] == y[diffs[0]])
    if abs(len(x) - len(y)) != 1:
        return False
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _marked(codes: list, index: int, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether an ellipsis or bracket stands in this change, or one word from it
    ("acting like that … is disrespectful" for "acting like that, it's just disrespectful")."""

    def holds(k: int) -> bool:
        tag, i1, i2, j1, j2 = codes[k]
        return tag != "equal" and bool(MARKERS & (set(a[i1:i2]) | set(b[j1:j2])))

    if holds(index):
        return True
    for step in (-1, 1):
        near, beyond = index + step, index + 2 * step
        if 0 <= beyond < len(codes) and codes[near][0] == "equal" and codes[near][2] - codes[near][1] <= 1 and holds(beyond):
            return True
    return False


def compare_words(a: tuple[str, ...], b: tuple[str, ...]) -> Edits:
    """Align two renderings. Words that only one side has before its first or after
    its last shared word are where a partial quotation starts or ends: no change.
    A change that touches an ellipsis or bracket is marked by the writer: no change."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    codes = matcher.get_opcodes()
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in codes if tag == "equal")
    changed = 0
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            continue
        if _marked(codes, index, a, b):
            continue  # the writer marked the change
        edge = index == 0 or index == len(codes) - 1
        if edge and tag != "replace":
            continue  # one rendering starts earlier or ends later: a partial quotation
        if edge and (i2 - i1 > 2 or j2 - j1 > 2):
            continue  # two different starts or ends: two stretches of one speech
        if _typo(a[i1:i2], b[j1:j2]):
            continue  # "acces", "amore": a slip of the keys, not another word
        changed += max(i2 - i1, j2 - j1)
    return Edits(matched, changed, changed == 0)


@register("quotes")
class QuotesCheck(Check):
    PARAMS = {
        "finding": Param("choice", None, "what this rule reports", required=True, choices=FINDINGS),
        "min_words": Param("int", 6, "quotations of fewer words are not compared (a short phrase is said by many)", minimum=2),
        "max_changed_share": Param(
            "float", 0.5, "renderings are one quotation when at most this share of the words they share is changed",
            minimum=0.0, maximum=1.0,
        ),
        "max_changed": Param("int", 4, "at most this many words changed between two renderings of one quotation", minimum=1),
    }
    PLACEHOLDERS = ("match", "other", "speaker", "others")
    CROSS_ARTICLE = True

    def compile(self) -> None:
        self.finding_kind = self.params["finding"]

    # -- phase one -----------------------------------------------------------------
    def extract(self, doc: Document) -> tuple[Quoted, ...] | None:
        """The article's spoken quotations, read once for both rules of the kind."""
        return doc.memo(("quotes", self.params["min_words"]), lambda: self._quoted(doc))

    def _quoted(self, doc: Document) -> tuple[Quoted, ...] | None:
        if not _LONG_QUOTE.search(doc.text):
            return None  # no stretch after a quotation mark as long as a compared quotation: no reading needed
        from factlint.kinds.attribution import quotations

        kept: list[Quoted] = []
        block_starts = [block.start for block in doc.blocks]
        for number, quotation in enumerate(quotations(doc)):
            if not quotation.speech:
                continue
            words = quote_words(quotation.text)
            if not self.params["min_words"] <= sum(w not in MARKERS for w in words) <= MAX_WORDS:
                continue  # too short to tell, or a mark paired across paragraphs
            said_by = quotation.speaker
            speaker = speaker_of(said_by.name, doc.text[max(0, said_by.start - 30) : said_by.start]) if said_by else None
            text = " ".join(quotation.text.split())
            kept.append(Quoted(
                words, speaker, speaker.shown if speaker else "", bisect.bisect_right(block_starts, quotation.start),
                text if len(text) <= 200 else text[:197] + "...",
                doc.locate(quotation.start, quotation.end), doc.excerpt(quotation.start, quotation.end), number,
            ))
        return tuple(kept) or None

    # -- phase two -----------------------------------------------------------------
    def plan(self) -> Plan:
        return Plan((Group(STORY, self._compare, stories=True),))

    def _compare(self, group: Gathered) -> Iterable[Finding]:
        quoted = [
            (path, quote)
            for path in sorted(group.values, key=group.corpus.order)
            for quote in group.values[path]
        ]
        who = identities(q.speaker for _, q in quoted if q.speaker is not None)
        speakers = [who.get(q.speaker) if q.speaker is not None else None for _, q in quoted]
        pairs = [
            (first, second) for first, second in self._candidate_pairs(quoted)
            if quoted[first][0] != quoted[second][0] or quoted[first][1].paragraph != quoted[second][1].paragraph
        ]  # within a paragraph, a speaker who says a thing twice says it twice
        if self.finding_kind == "misquote":
            return self._misquotes(quoted, speakers, pairs)
        return self._speakers(quoted, speakers, pairs)

    @staticmethod
    def _candidate_pairs(quoted: list[tuple[str, Quoted]]) -> list[tuple[int, int]]:
        """Pairs of quotations (indices, earlier first) sharing a run of three words."""
        by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for index, (_, quote) in enumerate(quoted):
            words = [w for w in quote.words if w not in MARKERS]
            for shingle in {tuple(words[i : i + 3]) for i in range(len(words) - 2)}:
                by_shingle[shingle].append(index)
        pairs: set[tuple[int, int]] = set()
        for holders in by_shingle.values():
            if len(holders) > 60:
                continue  # a phrase every quotation has ("one of the"): it brings nobody together
            for i, first in enumerate(holders):
                for second in holders[i + 1 :]:
                    pairs.add((first, second))
        return sorted(pairs)

    def _same_quotation(self, a: Quoted, b: Quoted) -> Edits | None:
        """How two quotations differ, when they are renderings of one; None when they are two."""
        edits = compare_words(a.words, b.words)
        if edits.matched < max(self.params["min_words"], 0.75 * min(len(a.words), len(b.words))):
            return None  # a few words in common: two quotations
        if not edits.contained and (
            edits.changed > self.params["max_changed"] or edits.changed > self.params["max_changed_share"] * edits.matched
        ):
            return None
        return edits

    @staticmethod
    def _support(quoted: list[tuple[str, Quoted]], index: int) -> set[str]:
        """The articles that give this rendering (or a part of it, or it as a part), whoever they credit."""
        words = quoted[index][1].words
        return {path for path, quote in quoted if _contains(quote.words, words) or _contains(words, quote.words)}

    def _misquotes(self, quoted: list[tuple[str, Quoted]], speakers: list, pairs: list[tuple[int, int]]) -> Iterable[Finding]:
        reported: dict[int, list[int]] = defaultdict(list)
        for first, second in pairs:
            if speakers[first] is None or speakers[first] != speakers[second]:
                continue  # no speaker: compared only with exact text, which is no misquote
            edits = self._same_quotation(quoted[first][1], quoted[second][1])
            if edits is None or edits.contained:
                continue
            support_a, support_b = self._support(quoted, first), self._support(quoted, second)
            minority, other = (first, second) if len(support_a) < len(support_b) else (second, first)
            reported[minority].append(other)
        for index in sorted(reported):
            quote = quoted[index][1]
            others = sorted(set(reported[index]))
            yield self.finding_at(
                quote.location, quote.excerpt,
                related=[Related(quoted[o][1].location, f"“{quoted[o][1].text}”") for o in others[:5]],
                match=quote.text, other=quoted[others[0]][1].text, speaker=quote.speaker_name, others=str(len(others)),
            )

    def _speakers(self, quoted: list[tuple[str, Quoted]], speakers: list, pairs: list[tuple[int, int]]) -> Iterable[Finding]:
        """Near-exact quotations credited to two people (full names, or a word that stands for one)."""
        near_exact = max(1, self.params["max_changed"] // 4)
        people = {s for (_, q), s in zip(quoted, speakers) if s is not None and len(s) >= 2 and q.speaker.person}
        person = [s in people for s in speakers]  # "Brandt" stands for Mary Brandt, a person
        same: dict[int, set[int]] = defaultdict(set)  # quotation -> the same quotation elsewhere, whoever said it
        for first, second in pairs:
            if not (person[first] and person[second]):
                continue
            a, b = quoted[first][1], quoted[second][1]
            edits = compare_words(a.words, b.words)
            if edits.changed > near_exact or edits.matched < max(self.params["min_words"], 0.8 * min(len(a.words), len(b.words))):
                continue
            same[first].add(second)
            same[second].add(first)
        for index in sorted(same):
            credits = {o for o in same[index] if speakers[o] != speakers[index]}
            if not credits:
                continue
            quote = quoted[index][1]
            votes: dict[tuple, set[str]] = defaultdict(set)  # speaker -> the articles crediting them
            for member in [index, *same[index]]:
                votes[speakers[member]].add(quoted[member][0])
            mine = len(votes.pop(speakers[index]))
            majority = max(len(paths) for paths in votes.values())
            if mine > majority or (mine == majority and min(credits) > index):
                continue  # the majority's speaker, or the earlier of a tie
            others = sorted(credits)
            yield self.finding_at(
                quote.location, quote.excerpt,
                related=[Related(quoted[o][1].location, f"credited to {quoted[o][1].speaker_name}") for o in others[:5]],
                match=quote.text, speaker=quote.speaker_name, other=quoted[others[0]][1].speaker_name, others=str(len(others)),
            )


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a run of ``longer``'s words."""
    if len(shorter) > len(longer) or not shorter:
        return False
    first = shorter[0]
    for start in range(len(longer) - len(shorter) + 1):
        if longer[start] == first and longer[start : start + len(shorter)] == shorter:
            return True
    return False
