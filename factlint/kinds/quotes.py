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

import re
from collections import defaultdict
from difflib import SequenceMatcher
from typing import Iterable, NamedTuple

from factlint.document import Document, Location
from factlint.findings import Finding, Related
from factlint.kinds.base import Check, Param, register
from factlint.kinds.plan import STORY, Gathered, Group, Plan

FINDINGS = ("misquote", "speaker")
ELLIPSIS = "\u2026"  # the token an elision becomes
BRACKET = "[]"  # the token an editor's bracketed insertion becomes
MARKERS = frozenset({ELLIPSIS, BRACKET})

_ELISION = re.compile(r"\.\s?\.\s?\.|\u2026|\[[^\]]{0,60}\]|\([^)]{0,60}\)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\u2026|\[\]", re.UNICODE)
_CONTRACTIONS = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not", "ain't": "is not"}
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"), ("'m", " am"))
_NUMBERS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
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
    (re.compile(r"(?<=\w[aeiou][^aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelling
    (re.compile(r"(?<=\w\w)ogue(s)?$"), r"og\1"),  # catalogue, dialogue
)
_PRONOUN_SPEAKERS = frozenset("he she they it we i you who which that this someone somebody".split())


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
    marked = re.sub(r"(?<=\d),(?=\d{3})", "", marked)
    words: list[str] = []
    for token in _WORD.findall(marked):
        token = _CONTRACTIONS.get(token, token)
        for suffix, replacement in _SUFFIXES:
            if token.endswith(suffix) and len(token) > len(suffix):
                token = token[: -len(suffix)] + replacement
                break
        for part in token.split():
            if part.endswith("'s") and len(part) > 2:
                words += [_fold(part[:-2]), "'s"]
            else:
                words.append(_fold(part))
    while words and words[0] in MARKERS:
        words.pop(0)
    while words and words[-1] in MARKERS:
        words.pop()
    return tuple(words)


def speaker_key(name: str | None) -> str | None:
    """One key for the ways a speaker is named ("President Donald Trump", "Trump"), or None."""
    if not name:
        return None
    words = [w for w in re.findall(r"[^\W\d_][\w.'’-]*", name) if w[0].isupper()]
    if not words:
        return None
    last = re.sub(r"['’]s$", "", words[-1]).rstrip(".").lower()
    if last in _PRONOUN_SPEAKERS or len(last) < 2:
        return None
    return last


class Quoted(NamedTuple):
    """One spoken quotation of an article, as phase two compares it."""

    words: tuple[str, ...]
    speaker: str | None  # speaker_key of the named speaker
    speaker_name: str  # as the article names them
    text: str  # the words as written, for the message
    location: Location
    excerpt: str
    position: int  # order in the article


class Edits(NamedTuple):
    """How two renderings of one quotation differ."""

    matched: int  # words they share, in order
    changed: int  # words changed, dropped or added inside the part they share
    contained: bool  # one is a part of the other (or they are the same)


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
        if MARKERS & (set(a[i1:i2]) | set(b[j1:j2])):
            continue  # the writer marked the change
        edge = index == 0 or index == len(codes) - 1
        if edge and tag != "replace":
            continue  # one rendering starts earlier or ends later: a partial quotation
        if edge and (i2 - i1 > 2 or j2 - j1 > 2):
            continue  # two different starts or ends: two stretches of one speech
        if edge and index == 0 and i1 > 0 and a[i1 - 1] in MARKERS:
            continue
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
        if "“" not in doc.text and '"' not in doc.text and "‘" not in doc.text and "'" not in doc.text:
            return None
        from factlint.kinds.attribution import quotations

        kept: list[Quoted] = []
        for number, quotation in enumerate(quotations(doc)):
            if not quotation.speech:
                continue
            words = quote_words(quotation.text)
            if sum(w not in MARKERS for w in words) < self.params["min_words"]:
                continue
            name = quotation.speaker.name if quotation.speaker is not None else ""
            text = " ".join(quotation.text.split())
            kept.append(Quoted(
                words, speaker_key(name), " ".join(name.split()), text if len(text) <= 200 else text[:197] + "...",
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
        pairs = self._candidate_pairs(quoted)
        if self.finding_kind == "misquote":
            return self._misquotes(quoted, pairs, group)
        return self._speakers(quoted, pairs, group)

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
        if edits.contained:
            return edits if edits.matched >= self.params["min_words"] else None
        if edits.changed > self.params["max_changed"] or edits.changed > self.params["max_changed_share"] * edits.matched:
            return None
        if edits.matched < self.params["min_words"]:
            return None
        return edits

    def _support(self, quoted: list[tuple[str, Quoted]], index: int) -> set[str]:
        """The articles that give this rendering (or a part of it, or it as a part)."""
        words = quoted[index][1].words
        return {path for path, quote in quoted if quote.words == words or _contains(quote.words, words) or _contains(words, quote.words)}

    def _misquotes(self, quoted: list[tuple[str, Quoted]], pairs: list[tuple[int, int]], group: Gathered) -> Iterable[Finding]:
        reported: dict[int, list[int]] = defaultdict(list)
        for first, second in pairs:
            (_, a), (_, b) = quoted[first], quoted[second]
            if a.speaker is None or a.speaker != b.speaker:
                continue  # no speaker: compared only with exact text, which is no misquote
            edits = self._same_quotation(a, b)
            if edits is None or edits.contained:
                continue
            support_a, support_b = self._support(quoted, first), self._support(quoted, second)
            minority, other = (first, second) if len(support_a) < len(support_b) else (second, first)
            reported[minority].append(other)
        for index in sorted(reported):
            path, quote = quoted[index]
            others = sorted(set(reported[index]))
            first_other = quoted[others[0]][1]
            yield self.finding_at(
                quote.location, quote.excerpt,
                related=[Related(quoted[o][1].location, f"“{quoted[o][1].text}”") for o in others[:5]],
                match=quote.text, other=first_other.text, speaker=quote.speaker_name, others=str(len(others)),
            )

    def _speakers(self, quoted: list[tuple[str, Quoted]], pairs: list[tuple[int, int]], group: Gathered) -> Iterable[Finding]:
        near_exact = max(1, self.params["max_changed"] // 4)
        speakers: dict[int, set[int]] = defaultdict(set)  # quotation -> the quotations that are it, with another speaker
        for first, second in pairs:
            (_, a), (_, b) = quoted[first], quoted[second]
            if a.speaker is None or b.speaker is None or a.speaker == b.speaker:
                continue
            if a.speaker in b.speaker_name.lower().split() or b.speaker in a.speaker_name.lower().split():
                continue
            edits = compare_words(a.words, b.words)
            if edits.changed > near_exact or edits.matched < max(self.params["min_words"], 0.8 * min(len(a.words), len(b.words))):
                continue
            speakers[first].add(second)
            speakers[second].add(first)
        done: set[int] = set()
        for index in sorted(speakers):
            path, quote = quoted[index]
            mine = {p for i in [index, *speakers[index]] for p in [quoted[i][0]] if quoted[i][1].speaker == quote.speaker}
            theirs: dict[str, set[str]] = defaultdict(set)
            for other in speakers[index]:
                theirs[quoted[other][1].speaker or ""].add(quoted[other][0])
            majority = max(theirs.values(), key=len)
            if len(mine) > len(majority) or (len(mine) == len(majority) and min(speakers[index]) > index):
                continue  # the majority's speaker, or the earlier of a tie
            if index in done:
                continue
            done.add(index)
            others = sorted(speakers[index])
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
