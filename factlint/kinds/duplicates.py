"""The ``duplicates`` kind: passages repeated inside an article or reused across articles.

Text is compared as *word codes*: every normalized word (case, quote style
and punctuation dropped) becomes one character, so a rapidfuzz edit distance
over two code strings is a word-level edit distance, and what an article
keeps for the folder scope is two bytes a word instead of its text. Names
(capitalized words) and figures (numbers, number words, months, weekdays)
get code ranges of their own, because a lightly edited copy may fix the
spelling of a name but does not put another name or another figure in its
place: two passages that differ that way are two stories told alike (the
terms of two bond issues, Tuesday's and Wednesday's money market forecast).

Inside an article (``scope: article``) every paragraph is compared with the
earlier ones (exact repeats through a dictionary, edited ones through
rapidfuzz), consecutive repeats are merged into one run, then the sentences
left over are compared the same way.

Across articles (``scope: folder``) the plan (factlint.kinds.plan) joins each
article to the earlier articles it shares sampled word shingles with; a
shingle found in more than ``max_articles_per_phrase`` articles is stock
phrasing and brings nobody together. Article pairs sharing enough uncommon
shingles are aligned word by word (rapidfuzz opcodes) to find the reused
passages, reported once, at the later article: windows around the shared
shingles are aligned, so a passage is found wherever it stands in either
article. Articles with the same words are grouped by a digest of them: each
later one repeats the first. A quotation shared by articles of one story is
left out (outlets quoting the same speaker have not copied each other);
lifted into an article of another story, it is reuse like any passage. Which
story an article tells: front-matter labels, else the names each uses
outside the shared text, else the folder's stories (the Join asks for them).
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import unicodedata
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

import regex

from factlint import calendar
from factlint.document import Block, Document, Location
from factlint.findings import Finding, Related
from factlint.fixes import line_removal
from factlint.kinds.base import Check, Param, register
from factlint.kinds.plan import ArticleInfo, Corpus, Gathered, Group, Join, Joined, Plan
from factlint.phrases import LazyPattern

# ---------------------------------------------------------------------------
# Words as codes
# ---------------------------------------------------------------------------

# A word, or a number with its separators ("1,234.5", "3:30"). Apostrophes are
# dropped first, so "Ukraine's", "Ukraine’s" and "Ukraines" agree. What separates
# two words is looked at only where it matters (a capitalized closed-class word
# inside a text), by splitting the text on the same pattern; neither scan
# backtracks on a run of punctuation.
_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]\w*")
_NO_APOSTROPHES = str.maketrans("", "", "'’‘ʼ`")
# What may come before the first word of a sentence or of a quotation.
_SENTENCE_BREAKS = frozenset('.!?:;"“”«»([—–')
# Code ranges (two bytes a character in a str): plain words, the same words
# as names, and figures in the private use area.
_WORD_BASE, _WORDS = 0x100, (0xD800 - 0x100) // 2
_NAME_BASE = _WORD_BASE + _WORDS
_NUMBER_BASE, _NUMBERS = 0xE000, 0x1900
# Words that state a figure or a date.
_FIGURE_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion mln bln half quarter first second third fourth fifth".split()
) | calendar.lowered(calendar.MONTHS, calendar.MONTH_ABBREVIATIONS, calendar.WEEKDAYS) - {"may"}  # "may": a verb
# Closed-class words that start sentences; any other capitalized word is taken
# for a name, even first in its sentence ("Micropolis Corp said it filed ...").
_FUNCTION_WORDS = frozenset(
    "a an the this that these those it its he she they we i you his her their our my your me him them us "
    "but and or nor so yet in on at for by with from to of into onto over under about after before while when "
    "whenever where wherever if as although though however meanwhile still there here some many most much more "
    "few both either neither no not now then also even only just all any each every other another such what "
    "which who whom whose why how because since until unless whether than despite during among between "
    "against without within through throughout across along around beyond near per via instead rather thus "
    "hence therefore moreover furthermore nevertheless nonetheless otherwise besides later earlier further "
    "according asked said says separately elsewhere overall currently recently today yesterday tomorrow".split()
)
_VOWELS_AFTER_FIRST = regex.compile(r"(?<=.)[aeiouy]")
_REPEATS = regex.compile(r"(.)\1+")
_CACHE_LIMIT = 200_000
_word_codes: dict[str, str] = {}
_name_codes: dict[str, tuple[str, int]] = {}


@lru_cache(maxsize=1)
def _fold_table() -> str:
    """Names to plain words, for str.translate: a table indexed by code (figures, past
    its end, stay as they are). A string is looked up faster than a dict."""
    return "".join(map(chr, range(_NAME_BASE))) + "".join(map(chr, range(_WORD_BASE, _WORD_BASE + _WORDS)))


def _code(word: str) -> str:
    """One stable character for a normalized word (never Python's salted hash)."""
    code = _word_codes.get(word)
    if code is None:
        digest = zlib.crc32(word.encode("utf-8"))
        if word[0].isdigit() or word in _FIGURE_WORDS:
            code = chr(_NUMBER_BASE + digest % _NUMBERS)
        else:
            code = chr(_WORD_BASE + digest % _WORDS)
        if len(_word_codes) > _CACHE_LIMIT:
            _word_codes.clear()
        _word_codes[word] = code
    return code


def _name_code(word: str) -> tuple[str, int]:
    """The code of a word used as a name (a figure stays a figure), and the
    name's shape: one byte for its consonant skeleton, which a spelling fix
    keeps (Reidgefield/Ridgefield, Center/Centre, Zelensky/Zelenskyy)."""
    found = _name_codes.get(word)
    if found is None:
        code = _code(word)
        if _WORD_BASE <= ord(code) < _NAME_BASE:
            code = chr(ord(code) + _WORDS)
        skeleton = _REPEATS.sub(r"\1", _VOWELS_AFTER_FIRST.sub("", word))
        found = code, zlib.crc32(skeleton.encode("utf-8")) & 0xFF
        if len(_name_codes) > _CACHE_LIMIT:
            _name_codes.clear()
        _name_codes[word] = found
    return found


def _is_name(code: str) -> bool:
    return _NAME_BASE <= ord(code) < _NUMBER_BASE


def _is_content(code: str) -> bool:
    """A name or a figure."""
    return ord(code) >= _NAME_BASE


@dataclass(frozen=True, slots=True)
class Words:
    """A passage as word codes, with the shape of each of its names in order."""

    codes: str
    shapes: bytes
    _plain: str | None = field(default=None, compare=False, repr=False)

    @property
    def plain(self) -> str:
        """The codes with names as plain words: what passages are compared on, case aside."""
        if self._plain is None:
            object.__setattr__(self, "_plain", self.codes.translate(_fold_table()))
        return self._plain  # type: ignore[return-value]

    def part(self, start: int, end: int) -> "Words":
        first_name = sum(map(_is_name, self.codes[:start]))
        codes = self.codes[start:end]
        return Words(codes, self.shapes[first_name : first_name + sum(map(_is_name, codes))])

    @staticmethod
    def join(parts: Iterable["Words"]) -> "Words":
        parts = list(parts)
        if len(parts) == 1:
            return parts[0]  # a block of one sentence, as most headings and short paragraphs are
        return Words("".join(p.codes for p in parts), b"".join(p.shapes for p in parts))


class _TokenCodes(NamedTuple):
    """What encoding needs to know of one token, worked out once per distinct token."""

    plain: str  # its code as a plain word
    name: str | None  # its code as a name, if it is capitalized
    shape: int  # the name's shape byte, -1 when the name code is a figure's
    function_word: bool  # capitalized closed-class word: a name only mid-sentence


_token_codes: dict[str, _TokenCodes] = {}


# Figures written two ways are one word: "9,408" and "9408"; "mln" and "million".
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_FIGURE_SPELLINGS = {"mln": "million", "bln": "billion", "pct": "percent", "dlrs": "dollars", "dlr": "dollar"}


def _word(token: str) -> str:
    """A token as the word it is compared as: case folded, figures in one form."""
    word = token.casefold()
    if word[0].isdigit():
        return _THOUSANDS.sub("", word) if "," in word else word
    return _FIGURE_SPELLINGS.get(word, word)


def _token_entry(token: str) -> _TokenCodes:
    word = _word(token)
    if token[0].isupper():
        name, shape = _name_code(word)
        entry = _TokenCodes(_code(word), name, shape if _is_name(name) else -1, word in _FUNCTION_WORDS)
    else:
        entry = _TokenCodes(_code(word), None, -1, False)
    if len(_token_codes) > _CACHE_LIMIT:
        _token_codes.clear()
    _token_codes[token] = entry
    return entry


def encode(text: str) -> Words:
    """The text's words, normalized, one character each."""
    text = unicodedata.normalize("NFKC", text).translate(_NO_APOSTROPHES)
    codes: list[str] = []
    shapes = bytearray()
    known = _token_codes.get
    gaps: list[str] | None = None  # what comes before each word, split out when first needed
    for token in _TOKEN.findall(text):
        plain, name, shape, function_word = known(token) or _token_entry(token)
        if name is not None and function_word:  # a name only inside a sentence
            if not codes:
                name = None
            else:
                gaps = gaps or _TOKEN.split(text)
                if not _SENTENCE_BREAKS.isdisjoint(gaps[len(codes)]):
                    name = None
        if name is not None:
            if shape >= 0:
                shapes.append(shape)
            codes.append(name)
        else:
            codes.append(plain)
    return Words("".join(codes), bytes(shapes))


def _encoded(doc: Document, text: str) -> Words:
    """``encode(text)`` for a passage of doc, worked out once for the article's
    rules (both scopes encode its sentences)."""
    return doc.memo((_encoded, text), lambda: encode(text))


def _block_words(doc: Document, block: Block) -> Words:
    """A block's words: its sentences' joined (each sentence is encoded once, for
    both scopes; a sentence starts where the block's punctuation starts one, so
    the codes are the block's own)."""
    if not block.sentences:
        return _encoded(doc, doc.text[block.start : block.end])
    return doc.memo((_block_words, block.start, block.end), lambda: Words.join(
        _sentence_words(doc, block, start, end)[0] for start, end in block.sentences
    ))


# A copy may correct one name or figure per this many words, after the first
# such stretch: a short passage that puts other names or figures in the same
# places is another story told the same way ("Micropolis Corp said it filed
# ... 75 mln dlr"; a daily money market forecast), a long one a corrected copy.
_WORDS_PER_CORRECTION = 30


def replaces_content(a: Words, b: Words, max_gap: int | None = None, min_run: int = 0) -> bool:
    """Whether b puts other names or figures where a has its own.

    Adding or dropping a dateline or a figure is only an edit, and so is a
    name spelled anew with the same consonants. With ``max_gap``, only
    substitutions between aligned words count (two articles told from one
    template), not passages the articles do not share; with ``min_run``, only
    those next to a run of at least that many aligned words: two unrelated
    articles align a word here and there, a template aligns whole phrases.
    """
    from rapidfuzz.distance import Indel

    replaced = 0
    a_gap: list[int] = []  # positions of names and figures in the current gap
    b_gap: list[int] = []
    a_width = b_width = 0
    before = 0  # the aligned run before the current gap
    ranks: dict[int, list[int]] = {}
    for op in Indel.opcodes(a.plain, b.plain):
        if op.tag == "equal":
            run = op.src_end - op.src_start
            if max_gap is None or (a_width <= max_gap and b_width <= max_gap and max(before, run) >= min_run):
                replaced += _replacements(a, a_gap, b, b_gap, ranks)
            a_gap, b_gap = [], []
            a_width = b_width = 0
            before = run
        else:
            a_gap += [i for i in range(op.src_start, op.src_end) if _is_content(a.codes[i])]
            b_gap += [i for i in range(op.dest_start, op.dest_end) if _is_content(b.codes[i])]
            a_width += op.src_end - op.src_start
            b_width += op.dest_end - op.dest_start
    if max_gap is None or (a_width <= max_gap and b_width <= max_gap and before >= min_run):
        replaced += _replacements(a, a_gap, b, b_gap, ranks)
    return replaced > max(0, min(len(a.codes), len(b.codes)) // _WORDS_PER_CORRECTION - 1)


def _replacements(a: Words, a_gap: list[int], b: Words, b_gap: list[int], ranks: dict[int, list[int]]) -> int:
    """Names and figures of one gap that the other side replaces (respellings aside)."""
    if not a_gap or not b_gap:
        return 0
    a_shapes = _name_shapes(a, a_gap, ranks)
    b_shapes = _name_shapes(b, b_gap, ranks)
    respelled = sum(1 for shape in a_shapes if shape in b_shapes)
    return min(len(a_gap), len(b_gap)) - respelled


def _name_shapes(words: Words, positions: list[int], ranks: dict[int, list[int]]) -> list[int]:
    """The shapes of the names at these positions. ``ranks`` keeps, per passage, how many
    names come before each word, counted once for all the gaps of a comparison (counting
    them again for each gap cost the square of a long passage's length)."""
    before = ranks.get(id(words))
    if before is None:
        before = ranks[id(words)] = [0, *itertools.accumulate(map(_is_name, words.codes))]
    return [words.shapes[before[position]] for position in positions if _is_name(words.codes[position])]


_QUOTE_MARK = regex.compile(r'["“”„«»]|\'\'|``')


def quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where text[start:end] (a paragraph) quotes someone: [start, end) spans, marks
    included, paired as a reader pairs them (``factlint.quotemarks``: a double mark for
    an apostrophe, an inch mark, a mark turned the wrong way); a quotation left open
    runs to the end."""
    from factlint.quotemarks import scan_quote_marks

    end = len(text) if end is None else end
    pairs, _, unclosed = scan_quote_marks(text, start, end)
    spans = [(pair.open, pair.close + len(pair.close_mark)) for pair in pairs]
    if unclosed is not None:
        spans.append((unclosed, end))
    return sorted(spans)


# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------


def _percent(similarity: float) -> int:
    return min(99, int(similarity * 100))


def _how(similarity: float) -> str:
    return "word for word" if similarity == 1.0 else f"almost word for word ({_percent(similarity)}% similar)"


def _lines(location: Location, capital: bool = False) -> str:
    word = "Lines" if capital else "lines"
    if location.line == location.end_line:
        return f"{word[:-1]} {location.line}"
    return f"{word} {location.line}-{location.end_line}"


def _repeat(copy: Location, original: Location) -> str:
    """'Lines 9-15 repeat lines 2-8', 'Line 9 repeats line 2'."""
    verb = "repeat" if copy.line != copy.end_line else "repeats"
    return f"{_lines(copy, capital=True)} {verb} {_lines(original)}"


def _placeholders(
    what: str, source: str, similarity: float, extent: str = "", share: float = 1.0, origin: str | None = None
) -> dict[str, str]:
    return {
        "what": what,
        "source": source,
        "how": _how(similarity),
        "similarity": "100%" if similarity == 1.0 else f"{_percent(similarity)}%",
        "extent": extent,
        "share": f"{max(1, min(100, round(share * 100)))}%",
        "origin": origin or source,
    }


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def filed_earlier(earlier: str | None, later: str | None) -> str:
    """How long before ``later`` the ``earlier`` article was filed, from front-matter
    dates ("filed 2 days earlier", "filed 3 hours earlier"), or "" when a date is missing."""
    from datetime import datetime

    if not earlier or not later:
        return ""
    earlier, later = str(earlier).strip(), str(later).strip()
    try:
        first, then = datetime.fromisoformat(earlier), datetime.fromisoformat(later)
        timed = len(earlier) > 10 and len(later) > 10  # both give a time of day
        seconds = (then - first).total_seconds() if timed else (then.date() - first.date()).days * 86400
    except (ValueError, TypeError):
        return ""
    if seconds < 0:
        return ""
    if seconds >= 86400 or not timed:
        days = int(seconds // 86400)
        return f"filed {_counted(days, 'day')} earlier" if days else "filed the same day"
    if seconds >= 3600:
        return f"filed {_counted(int(seconds // 3600), 'hour')} earlier"
    if seconds >= 60:
        return f"filed {_counted(int(seconds // 60), 'minute')} earlier"
    return "filed at the same time"


# ---------------------------------------------------------------------------
# Alignment (folder scope)
# ---------------------------------------------------------------------------


@dataclass
class Region:
    """A stretch of b that repeats a stretch of a, allowing small edits. (A chain of
    stretches of b that repeat parts of a in another order spans all of them in a,
    and counts only their ``words``.)"""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int
    words: int = 0  # of a, when the stretch is a chain

    @property
    def similarity(self) -> float:
        return 2 * self.matched / (self.length + (self.b_end - self.b_start))

    @property
    def length(self) -> int:
        """Words of the passage as its source has it: a copy that drops a word from a
        passage of min_words is still a copy of one."""
        return self.words or self.a_end - self.a_start


def _chains(regions: list[Region], max_gap: int) -> list[Region]:
    """Stretches (in the copy's order) that follow one another in the copy, gaps of at
    most max_gap words apart, as one passage each."""
    chains: list[list[Region]] = []
    for region in regions:
        if chains and region.b_start - chains[-1][-1].b_end <= max_gap:
            chains[-1].append(region)
        else:
            chains.append([region])
    return [
        chain[0] if len(chain) == 1 else Region(
            min(r.a_start for r in chain), max(r.a_end for r in chain), chain[0].b_start, chain[-1].b_end,
            sum(r.matched for r in chain), sum(r.length for r in chain),
        )
        for chain in chains
    ]


def aligned_regions(a: str, b: str, max_gap: int, a_offset: int = 0, b_offset: int = 0) -> list[Region]:
    """Stretches where code string b follows a word for word but for gaps of at most max_gap words
    (positions shifted by the offsets, when a and b are windows of longer texts). A stretch
    neither starts nor ends with a run of fewer than ``_EDGE_RUN`` words after a gap: two texts
    share a "the" or an "of" next to any passage."""
    from rapidfuzz.distance import Indel

    runs: list[list[tuple[int, int, int]]] = []  # each region's equal runs: (a start, b start, length)
    for op in Indel.opcodes(a, b):
        if op.tag != "equal":
            continue
        run = (op.src_start + a_offset, op.dest_start + b_offset, op.src_end - op.src_start)
        last = runs[-1][-1] if runs else None
        if last and run[0] - (last[0] + last[2]) <= max_gap and run[1] - (last[1] + last[2]) <= max_gap:
            runs[-1].append(run)
        else:
            runs.append([run])
    regions = []
    for region in runs:
        while len(region) > 1 and region[0][2] < _EDGE_RUN:
            region.pop(0)
        while len(region) > 1 and region[-1][2] < _EDGE_RUN:
            region.pop()
        first, last = region[0], region[-1]
        found = Region(first[0], last[0] + last[2], first[1], last[1] + last[2], sum(length for _, _, length in region))
        # An aligner that meets two equal words may pair one with another of the same
        # word nearby: a region takes back the equal words right beside it.
        while found.a_start > a_offset and found.b_start > b_offset and a[found.a_start - a_offset - 1] == b[found.b_start - b_offset - 1]:
            found.a_start, found.b_start, found.matched = found.a_start - 1, found.b_start - 1, found.matched + 1
        while (
            found.a_end - a_offset < len(a) and found.b_end - b_offset < len(b)
            and a[found.a_end - a_offset] == b[found.b_end - b_offset]
        ):
            found.a_end, found.b_end, found.matched = found.a_end + 1, found.b_end + 1, found.matched + 1
        regions.append(found)
    return regions


_EDGE_RUN = 3


def shingle_fingerprints(codes: str, words: int, one_in: int) -> dict[int, int]:
    """Word position -> 40-bit fingerprint of the shingles (``words`` words) kept: those
    whose CRC is 0 modulo ``one_in``.

    The choice depends on the words alone, so two copies of a passage keep the
    same shingles. (Winnowing, the smallest hash of every six shingles, would
    promise one in any shared stretch of ten words; in Python it cost three
    times the CPU, and one in three shingles a quarter more across articles,
    for a passage or two more in 480 on bench/reuse_recall.py.)
    """
    raw = codes.encode("utf-16-le")
    width = 2 * words
    kept = {}
    crc32 = zlib.crc32
    for offset in range(0, len(raw) - width + 1, 2):
        shingle = raw[offset : offset + width]
        check = crc32(shingle)
        if check % one_in == 0:
            kept[offset // 2] = crc32(shingle, 0x5BD1E995) << 8 | check >> 24
    return kept


def shared_places(earlier: str, later: str, places: Iterable[int], words: int) -> list[tuple[int, int]]:
    """(place in later, place in earlier) of each shingle of ``later`` starting at one of
    ``places`` that ``earlier`` has too: found by its words, no fingerprint needed."""
    seeds = []
    for b in places:
        shingle = later[b : b + words]
        a = earlier.find(shingle)
        while a >= 0:
            seeds.append((b, a))
            a = earlier.find(shingle, a + 1)
    return seeds


def seed_boxes(seeds: list[tuple[int, int]], pad: int, words: int, a_length: int, b_length: int) -> list[tuple[int, int, int, int]]:
    """Windows (a_start, a_end, b_start, b_end) around chains of seeds: (position in
    b, position in a) of shingles both share, following one another on nearby
    diagonals. Aligning each window on its own finds a passage wherever it stands
    in either article; aligning whole articles lets the rest of their words
    (their common words, in another order) outweigh a short passage."""
    chains: list[list[int]] = []  # last b, last a, first b, lowest a, highest a
    for b, a in sorted(seeds):
        for chain in reversed(chains):
            if b - chain[0] <= 2 * pad and abs((b - a) - (chain[0] - chain[1])) <= pad:
                chain[0], chain[1] = b, a
                chain[3], chain[4] = min(chain[3], a), max(chain[4], a)
                break
        else:
            chains.append([b, a, b, a, a])
    return [
        (max(0, low - pad), min(a_length, high + words + pad), max(0, first - pad), min(b_length, last + words + pad))
        for last, _, first, low, high in chains
    ]


class FolderExtract(NamedTuple):
    """What an article keeps for the folder scope: word codes and positions, no text.

    ``codes`` and ``shapes`` are the words of its paragraphs (page furniture
    left out), quotations included; ``quoted`` lists the [start, end) word
    ranges inside quotation marks, as pairs. ``rows`` starts with where the
    whole text runs (line, column, end line, end column) and how many words it
    has, then six numbers a sentence: the index of its first word in
    ``codes``, line, column, end line, end column, and its paragraph's number.
    ``excerpts`` holds how the text starts, then how each sentence starts,
    joined by a unit separator and compressed (read only to report).
    ``digest`` identifies all the words, headings and quotations too: equal
    digests are identical articles. ``date`` is the front matter's.
    """

    codes: str
    shapes: bytes
    rows: array
    excerpts: bytes
    digest: int
    quoted: array = array("I")
    date: str | None = None  # front matter's, to say how long before another the article was filed

    @property
    def words(self) -> Words:
        return Words(self.codes, self.shapes)

    @property
    def sentence_count(self) -> int:
        return (len(self.rows) - _HEADER) // _ROW

    def _row(self, sentence: int) -> int:
        return _HEADER + sentence * _ROW

    def word_range(self, first: int, last: int) -> tuple[int, int]:
        """Word indexes [start, end) of sentences first..last."""
        end = self.rows[self._row(last + 1)] if last + 1 < self.sentence_count else len(self.codes)
        return self.rows[self._row(first)], end

    def sentence_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Whole sentences (first, last) that a stretch of words [start, end) may stand
        for: those mostly inside it, then all those it touches (when they differ)."""
        touched, mostly = [], []
        for number in range(self.sentence_count):
            first_word, last_word = self.word_range(number, number)
            if first_word >= end:
                break
            overlap = min(end, last_word) - max(start, first_word)
            if overlap > 0:
                touched.append(number)
                if overlap * 2 >= last_word - first_word:
                    mostly.append(number)
        spans = [(mostly[0], mostly[-1])] if mostly else []
        if touched and (touched[0], touched[-1]) not in spans:
            spans.append((touched[0], touched[-1]))
        return spans

    def paragraph(self, sentence: int) -> int:
        return self.rows[self._row(sentence) + 5]

    def passage_words(self, first: int, last: int, quotations: bool = True) -> Words:
        """The words of sentences first..last, without what they quote unless ``quotations``."""
        start, end = self.word_range(first, last)
        words = self.words
        if quotations or not self.quoted:
            return words.part(start, end)
        parts = []
        for quote in range(0, len(self.quoted), 2):
            quote_start, quote_end = self.quoted[quote], self.quoted[quote + 1]
            if quote_end <= start or quote_start >= end:
                continue
            if quote_start > start:
                parts.append(words.part(start, quote_start))
            start = max(start, quote_end)
        if start < end:
            parts.append(words.part(start, end))
        return Words.join(parts)

    def unquoted_count(self, start: int, end: int) -> int:
        """How many of words [start, end) are outside quotation marks."""
        quoted = self.quoted
        inside = sum(max(0, min(end, quoted[q + 1]) - max(start, quoted[q])) for q in range(0, len(quoted), 2))
        return end - start - inside

    def extent(self, first: int, last: int) -> str:
        """Sentences first..last as an editor counts them: '3 paragraphs', '2 sentences', '4 sentences in 2 paragraphs'."""
        first_paragraph, last_paragraph = self.paragraph(first), self.paragraph(last)
        whole = (first == 0 or self.paragraph(first - 1) != first_paragraph) and (
            last + 1 == self.sentence_count or self.paragraph(last + 1) != last_paragraph
        )
        paragraphs = len({self.paragraph(n) for n in range(first, last + 1)})
        if whole:
            return _counted(paragraphs, "paragraph")
        sentences = _counted(last - first + 1, "sentence")
        return sentences if paragraphs == 1 else f"{sentences} in {paragraphs} paragraphs"

    def location(self, path: str, first: int, last: int) -> Location:
        """Where sentences first..last run."""
        start, end = self._row(first), self._row(last)
        return Location(path, self.rows[start + 1], self.rows[start + 2], self.rows[end + 3], self.rows[end + 4])

    def body(self, path: str) -> Location:
        """Where the whole text runs."""
        return Location(path, *self.rows[:4])

    @property
    def word_count(self) -> int:
        """Words in the whole text, headings and quotations too."""
        return self.rows[4]

    def excerpt(self, first: int, last: int) -> str:
        """How sentences first..last start (only each sentence's first characters are kept)."""
        text = self._excerpts()[first + 1]
        return text if first == last and not text.endswith("...") else text.rstrip(".") + "..."

    @property
    def opening(self) -> str:
        return self._excerpts()[0]

    def _excerpts(self) -> list[str]:
        return zlib.decompress(self.excerpts).decode("utf-8").split(_SEPARATOR)


_HEADER = 5
_ROW = 6
_EXCERPT_CHARS = 40
_SEPARATOR = "\x1f"


def _sentence_words(doc: Document, block: Block, start: int, end: int) -> tuple[Words, list[tuple[int, int]]]:
    """A sentence of a block: its words, and the [start, end) word ranges it quotes.
    A quoting sentence is encoded a stretch at a time, so that its words can be
    told apart (the codes are the same as the whole sentence's)."""
    inside = _quotations_within(_block_quotations(doc, block), start, end)
    if not inside:
        return _encoded(doc, doc.text[start:end]), []
    return doc.memo((_sentence_words, start, end), lambda: _quoting(doc, start, end, inside))


def _quotations_within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a paragraph's quotations (sorted, none inside another) within [start, end):
    found by bisection, since a sentence of a paragraph of thousands of quotations is not
    to look at every one of them."""
    first = bisect.bisect_right(spans, (start, sys.maxsize))  # the first quotation opening after start
    if first and spans[first - 1][1] > start:
        first -= 1  # and the one before it, if it runs into the sentence
    inside = []
    for s, e in itertools.islice(spans, first, None):
        if s >= end:
            break
        if e > start:
            inside.append((max(s, start), min(e, end)))
    return inside


def _paragraphs(doc: Document) -> Iterable[tuple[Block, bool]]:
    """Each paragraph, and whether it is set off as a quotation without marks: the
    paragraphs after one that introduces words said or written and ends with a colon
    ("Sorvino addressed Farrow directly, writing:"), up to a heading or a paragraph
    with quotation marks of its own. (A list after "as follows:" is no quotation.)"""
    set_off = False
    for block in doc.blocks:
        if block.kind != "paragraph":
            set_off = False
            continue
        quoting = set_off and not _QUOTE_MARK.search(doc.text, block.start, block.end)
        yield block, quoting
        text = doc.text[block.start : block.end].rstrip()
        set_off = quoting or (text.endswith(":") and bool(_SPEECH.search(text)))


# Words that introduce what someone said or wrote.
_SPEECH = LazyPattern("regex",
    r"\b(?:say|says|said|saying|tell|tells|told|telling|write|writes|wrote|writing|add|adds|added|adding|ask|asks|asked|"
    r"state|states|stated|statement|letter|memo|e-?mail|note|post|posted|tweet|tweeted|declared|announced|reads)\b",
    regex.IGNORECASE,
)


def _block_quotations(doc: Document, block: Block) -> list[tuple[int, int]]:
    """Where a paragraph quotes someone (lint-text spans); other blocks quote no one."""
    if block.kind != "paragraph":
        return []

    def find() -> list[tuple[int, int]]:
        return quotations(doc.text, block.start, block.end) if _QUOTE_MARK.search(doc.text, block.start, block.end) else []

    return doc.memo((_block_quotations, block.start, block.end), find)


def _quoting(doc: Document, start: int, end: int, inside: list[tuple[int, int]]) -> tuple[Words, list[tuple[int, int]]]:
    parts: list[Words] = []
    ranges: list[tuple[int, int]] = []
    position = 0
    cut = start
    for quote_start, quote_end in inside:
        for piece_start, piece_end, quoted in ((cut, quote_start, False), (quote_start, quote_end, True)):
            if piece_end > piece_start:
                words = _encoded(doc, doc.text[piece_start:piece_end])
                if quoted and words.codes:
                    ranges.append((position, position + len(words.codes)))
                parts.append(words)
                position += len(words.codes)
        cut = quote_end
    if cut < end:
        parts.append(_encoded(doc, doc.text[cut:end]))
    return Words.join(parts), ranges


def _quoted_either(later: FolderExtract, earlier: FolderExtract, region: Region) -> int:
    """How many words of a shared stretch either article quotes: an outlet quoting
    a statement and the statement printed whole share it as a quotation too."""
    return max(
        region.b_end - region.b_start - later.unquoted_count(region.b_start, region.b_end),
        region.a_end - region.a_start - earlier.unquoted_count(region.a_start, region.a_end),
    )


def _faster(pattern: regex.Pattern) -> Any:
    """The standard library's compilation of a rule's pattern when it has one: a
    paragraph and each of its sentences are searched for every exception, and
    ``re`` finds these short anchored patterns several times faster. (A pattern
    ``re`` cannot read, \\p{L} say, stays the ``regex`` module's.)"""
    try:
        return re.compile(pattern.pattern, re.IGNORECASE)
    except re.error:
        return pattern


def _names_outside(extract: FolderExtract, ranges: list[tuple[int, int]]) -> set[str]:
    """The distinct names (as codes) an article uses outside word ranges [start, end)."""
    codes = extract.codes
    kept, position = [], 0
    for start, end in sorted(ranges):
        kept.append(codes[position:start])
        position = max(position, end)
    kept.append(codes[position:])
    return {code for code in set("".join(kept)) if _is_name(code)}


@dataclass
class _Passage:
    """A reused passage as whole sentences: first..last of the later article, a_first..a_last of the source."""

    first: int
    last: int
    a_first: int
    a_last: int
    matched: int
    order: int
    source: str
    earlier: FolderExtract
    similarity: float = 0.0
    words: int = 0  # the copy's words


# ---------------------------------------------------------------------------
# The check
# ---------------------------------------------------------------------------


@register("duplicates")
class DuplicatesCheck(Check):
    PARAMS = {
        "scope": Param(
            "choice", "article", "article: repeats inside one article; folder: passages reused across articles",
            choices=("article", "folder"),
        ),
        "min_words": Param(
            "int", 8, "shortest paragraph (article scope) or reused passage (folder scope) reported, in words; "
            "shorter lines are headings, datelines, bylines", minimum=3,
        ),
        "min_sentence_words": Param("int", 10, "article scope: shortest single sentence reported as a repeat", minimum=3),
        "min_edited_words": Param(
            "int", 15, "article scope: shortest repeat reported when it is not exact; shorter ones are parallel sentences",
            minimum=3,
        ),
        "similarity": Param(
            "float", 0.8, "how alike (word-level, 0-1) a lightly edited copy must be to count as a repeat",
            minimum=0.5, maximum=1.0,
        ),
        "max_gap": Param("int", 4, "folder scope: most words changed, added or dropped in a row inside a reused passage", minimum=0),
        "whole_article": Param(
            "float", 0.9, "folder scope: share of both articles a reuse must cover to be reported as a near-identical article",
            minimum=0.5, maximum=1.0,
        ),
        "max_articles_per_phrase": Param(
            "int", 8, "folder scope: a sampled word sequence found in more articles than this is stock phrasing, ignored",
            minimum=2,
        ),
        "exceptions": Param(
            "list[str]", [], "regexes; a paragraph or sentence they match is never compared (table notes, list lead-ins)"
        ),
    }
    PLACEHOLDERS = ("match", "what", "source", "how", "similarity", "extent", "share", "origin")

    SHINGLE_WORDS = 5  # words per shingle in the folder index
    SAMPLE_ONE_IN = 4  # shingles kept: those whose hash is 0 modulo this
    MIN_SHARED = 2  # uncommon shingles a reused passage must hold
    SEED_PAD = 24  # words aligned beyond the outer shared shingles of a passage (edits near its ends)
    SHORTEST_PIECE = 8  # words of a stretch that may join others into a passage (paragraphs moved)
    # Two articles sharing a passage report one story when they name at least
    # RELATED_NAMES of the same people, places and bodies outside it, and that
    # is RELATED_SHARE of the names of the one naming fewer; they report two
    # when each names at least so many and at most so many are common
    # (UNRELATED). Measured on multinews-dev (outlets on one story) and
    # bench/reuse_recall.py (unrelated Reuters stories): see issue 21's note.
    RELATED_NAMES, RELATED_SHARE = 5, 0.15
    UNRELATED = ((4, 0), (6, 1), (8, 2))
    TEMPLATE_RUN = 3  # aligned words in a row either side of a substitution that shows a template
    MIN_IDENTICAL_WORDS = 10  # an identical article this short is a stub, not a duplicated story
    MAX_UNITS_PER_TRIGRAM = 50  # in one article, a three-word sequence more common than this finds no copies
    # the earlier units an edited copy is compared with: those sharing the most three-word
    # sequences with it (in a text of thirty words used over and over, every unit shares some
    # with every other, and comparing each with all would cost the square of the article)
    MAX_CANDIDATES = 20

    def compile(self) -> None:
        from factlint.kinds.scopes import compile_regex

        self.scope = self.params["scope"]
        self.CROSS_ARTICLE = self.scope == "folder"
        # A repeat within an article covers its copy; a passage reused from another article
        # does not: this article stands alone, its readers read every word of it.
        self.COVERS_SPAN = self.scope == "article"
        self.exceptions = [_faster(compile_regex(self, "exceptions", p, regex.IGNORECASE)) for p in self.params["exceptions"]]

    def _comparable(self, text: str) -> bool:
        return not any(p.search(text) for p in self.exceptions)

    # -- inside one article ------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        if self.scope != "article":
            return []
        blocks = doc.blocks
        texts = [doc.text[b.start : b.end] for b in blocks]
        words = [_block_words(doc, b) for b in blocks]
        substantial = [
            b.kind == "paragraph" and len(w.codes) >= self.params["min_words"] and self._comparable(t)
            for b, w, t in zip(blocks, words, texts)
        ]
        findings: list[Finding] = []
        copies: set[int] = set()
        for run in self._paragraph_runs(blocks, words, substantial):
            copies.update(k for k, _ in run)
            findings.append(self._run_finding(doc, run, words))
        findings.extend(self._sentence_repeats(doc, [b for k, b in enumerate(blocks) if k not in copies]))
        return findings

    def similar(self, a: Words, b: Words) -> float | None:
        """Word-level similarity of two passages if b repeats a, else None."""
        plain_a, plain_b = a.plain, b.plain
        if plain_a == plain_b:
            return 1.0
        if min(len(plain_a), len(plain_b)) < self.params["min_edited_words"] or replaces_content(a, b):
            return None
        from rapidfuzz.distance import Indel

        return Indel.normalized_similarity(plain_a, plain_b, score_cutoff=self.params["similarity"]) or None

    def _earlier_repeats(self, units: list[Words], eligible: list[bool]) -> dict[int, int]:
        """For each eligible unit, the earlier one it repeats: the first exact copy, else the closest edited one.

        Edited copies are looked for only among earlier units sharing a three-word
        sequence with it, so a very long article is not compared pair by pair.
        """
        plain = [u.plain for u in units]
        first_seen: dict[str, int] = {}
        # three-word sequence -> the first earlier unit with it, and the next few (most have one)
        first_having: dict[str, int] = {}
        more_having: dict[str, list[int]] = {}
        best: dict[int, int] = {}
        for k, unit in enumerate(plain):
            if not eligible[k]:
                continue
            if unit in first_seen:
                best[k] = first_seen[unit]
                continue
            first_seen[unit] = k
            if len(unit) < self.params["min_edited_words"]:
                continue
            trigrams = set(map(unit.__getitem__, map(slice, range(len(unit) - 2), range(3, len(unit) + 1))))
            shared = trigrams & first_having.keys()
            sharing = Counter(map(first_having.__getitem__, shared))
            for trigram in shared & more_having.keys():
                sharing.update(more_having[trigram])
            candidates = sorted(other for other, _ in sharing.most_common(self.MAX_CANDIDATES))
            if candidates:
                from rapidfuzz import process  # only now: start-up matters in a pre-commit hook
                from rapidfuzz.distance import Indel

                for _, _, index in process.extract(
                    unit, [plain[i] for i in candidates], scorer=Indel.normalized_similarity,
                    score_cutoff=self.params["similarity"], limit=3,
                ):
                    if not replaces_content(units[candidates[index]], units[k]):
                        best[k] = candidates[index]
                        break
            for trigram in shared:
                holders = more_having.setdefault(trigram, [])
                if len(holders) < self.MAX_UNITS_PER_TRIGRAM - 1:
                    holders.append(k)
            first_having.update(dict.fromkeys(trigrams - shared, k))
        return best

    def _paragraph_runs(self, blocks: list[Block], words: list[Words], substantial: list[bool]) -> list[list[tuple[int, int]]]:
        """Runs of (copy, original) blocks repeating an earlier run in the same order.

        A run starts and ends on substantial paragraphs; short blocks inside it
        (a repeated heading) belong to it only when they repeat exactly too.
        The original run always ends before its copy starts.
        """
        best = self._earlier_repeats(words, substantial)
        runs = []
        k = 0
        while k < len(blocks):
            if k not in best:
                k += 1
                continue
            run = [(k, best[k])]
            pending: list[tuple[int, int]] = []
            copy, original = k + 1, best[k] + 1
            while copy < len(blocks) and original < k:
                if substantial[copy] and substantial[original]:
                    if self.similar(words[original], words[copy]) is None:
                        break
                    run += pending + [(copy, original)]
                    pending = []
                elif (
                    not substantial[copy] and not substantial[original]
                    and words[copy].plain == words[original].plain and blocks[copy].kind == blocks[original].kind
                ):
                    pending.append((copy, original))
                else:
                    break
                copy, original = copy + 1, original + 1
            runs.append(run)
            k = run[-1][0] + 1
        return runs

    def _run_finding(self, doc: Document, run: list[tuple[int, int]], words: list[Words]) -> Finding:
        blocks = doc.blocks
        first_copy, last_copy = blocks[run[0][0]], blocks[run[-1][0]]
        original = doc.locate(blocks[run[0][1]].start, blocks[run[-1][1]].end)
        finding = self._repeat_finding(
            doc, first_copy.start, last_copy.end, original,
            Words.join(words[k] for k, _ in run), Words.join(words[i] for _, i in run), None,
        )

        def spaced(block: Block) -> str:
            return " ".join(doc.text[block.start : block.end].split())

        if doc.offsets is None and all(spaced(blocks[k]) == spaced(blocks[i]) for k, i in run):
            finding = replace(finding, fixes=(line_removal(doc.source, first_copy.start, last_copy.end),))
        return finding

    def _repeat_finding(
        self, doc: Document, start: int, end: int, original: Location, copy: Words, first: Words, what: str | None
    ) -> Finding:
        """A finding on the later copy, with the first statement as related."""
        from rapidfuzz.distance import Indel

        similarity = Indel.normalized_similarity(first.plain, copy.plain)
        return self.finding(
            doc,
            start,
            end,
            related=[Related(original, "first stated here")],
            **_placeholders(what or _repeat(doc.locate(start, end), original), "this article", similarity),
        )

    def _sentence_repeats(self, doc: Document, blocks: list[Block]) -> list[Finding]:
        """Sentences (outside repeated paragraphs) that repeat an earlier sentence, merged into runs."""
        sentences = [(s, e, block) for block in blocks if block.kind == "paragraph" for s, e in block.sentences]
        texts = [doc.text[s:e] for s, e, _ in sentences]
        words = [_sentence_words(doc, block, s, e)[0] for s, e, block in sentences]
        eligible = [len(w.codes) >= self.params["min_sentence_words"] and self._comparable(t) for w, t in zip(words, texts)]
        best = self._earlier_repeats(words, eligible)
        findings = []
        k = 0
        while k < len(sentences):
            if k not in best:
                k += 1
                continue
            first_original = best[k]
            last = k  # consecutive sentences of one paragraph repeating consecutive ones
            while (
                last + 1 < len(sentences)
                and sentences[last + 1][2] is sentences[k][2]
                and first_original + last + 1 - k < k
                and eligible[last + 1]
                and self.similar(words[first_original + last + 1 - k], words[last + 1]) is not None
            ):
                last += 1
            count = last - k + 1
            original = doc.locate(sentences[first_original][0], sentences[first_original + count - 1][1])
            what = "This sentence repeats one" if count == 1 else f"These {count} sentences repeat ones"
            findings.append(
                self._repeat_finding(
                    doc, sentences[k][0], sentences[last][1], original,
                    Words.join(words[k : last + 1]), Words.join(words[first_original : first_original + count]),
                    f"{what} on {_lines(original)}",
                )
            )
            k = last + 1
        return findings

    # -- across articles ---------------------------------------------------------------
    def extract(self, doc: Document) -> FolderExtract | None:
        if self.scope != "folder" or not doc.blocks:
            return None
        import hashlib

        from factlint.furniture import page_furniture

        furniture = page_furniture(doc)
        if furniture.not_article is not None:
            return None  # a page that is no article is reported as one (not-an-article), not as reuse
        everything = "".join(_block_words(doc, b).plain for b in doc.blocks)
        start, end = doc.blocks[0].start, doc.blocks[-1].end
        body = doc.locate(start, end)
        rows = [body.line, body.column, body.end_line, body.end_column, len(everything)]
        excerpts = [doc.excerpt(start, end, _EXCERPT_CHARS)]
        parts: list[Words] = []
        quoted: list[int] = []
        position = 0
        for paragraph, (block, set_off) in enumerate(_paragraphs(doc)):
            for start, end in block.sentences:
                if furniture.spans and furniture.covers(start, end) or not self._comparable(doc.text[start:end]):
                    continue  # page furniture is the scraped-copy rules' to report
                words, quoting = _sentence_words(doc, block, start, end)
                if not words.codes:
                    continue
                if set_off:
                    quoting = [(0, len(words.codes))]
                location = doc.locate(start, end)
                rows.extend((position, location.line, location.column, location.end_line, location.end_column, paragraph))
                excerpts.append(doc.excerpt(start, end, _EXCERPT_CHARS))
                parts.append(words)
                for quote_start, quote_end in quoting:
                    quoted.extend((position + quote_start, position + quote_end))
                position += len(words.codes)
        joined = Words.join(parts)
        return FolderExtract(
            joined.codes,
            joined.shapes,
            array("H" if max(rows) < 1 << 16 else "I", rows),  # two bytes a number unless a file is huge
            zlib.compress(_SEPARATOR.join(excerpts).encode("utf-8")),
            int.from_bytes(hashlib.blake2b(everything.encode("utf-16-le"), digest_size=8).digest(), "little"),
            array("H" if position < 1 << 16 else "I", quoted),
            str(doc.front_matter["date"]) if doc.front_matter.get("date") is not None else None,
        )

    def plan(self) -> Plan | None:
        """Across articles: articles with the same words (a digest) are one group, where
        each later one repeats the first; then each article is joined to the earlier
        articles it shares uncommon sampled shingles with, and aligned with them."""
        if self.scope != "folder":
            return None
        return Plan((
            Group(self._digest, self._identical_group),
            Join(
                self._shingles, self._reused_from, most=self.params["max_articles_per_phrase"], least=self.MIN_SHARED,
                pairs=lambda article, candidate: _before(candidate, article), stories=True,
            ),
        ))

    def _digest(self, extract: FolderExtract) -> tuple[int, ...]:
        """An article's key among identical articles (short ones too: a duplicated file)."""
        return (extract.digest,) if extract.word_count >= self.MIN_IDENTICAL_WORDS else ()

    def _identical_group(self, group: Gathered) -> list[Finding]:
        return self.identical_findings(self.first_identical(sorted(group.values), group.values, group.corpus), group.values)

    def _shingles(self, extract: FolderExtract) -> Iterable[tuple[int, int]]:
        """(word position, fingerprint) of the sampled shingles of an article long enough to compare."""
        return self.fingerprints(extract).items() if self.shingled(extract) else ()

    def _reused_from(self, joined: Joined) -> list[Finding]:
        """An article's passages reused from its candidates, unless it repeats one of them
        word for word (the identical group reports that)."""
        later = joined.extract
        if later.word_count >= self.MIN_IDENTICAL_WORDS and any(joined.extracts[o].digest == later.digest for o in joined.shared):
            return []
        return self.reused(joined.path, later, joined.shared, joined.extracts, joined.corpus)

    # The steps of the plan, each over some of the articles.
    def shingled(self, extract: FolderExtract) -> bool:
        """Whether an article is long enough for its shingles to be compared."""
        return len(extract.codes) >= self.params["min_words"]

    def fingerprints(self, extract: FolderExtract) -> dict[int, int]:
        """Word position -> sampled shingle fingerprint (40 bits)."""
        return shingle_fingerprints(extract.words.plain, self.SHINGLE_WORDS, self.SAMPLE_ONE_IN)

    def identical_findings(self, identical: dict[str, str], extracts: dict[str, Any]) -> list[Finding]:
        """One finding per article that repeats an earlier one word for word (``first_identical``)."""
        return [self._whole_finding(path, extracts[path], first, extracts[first], 1.0) for path, first in identical.items()]

    def reused(self, path: str, later: FolderExtract, shared: dict[str, list[int]], extracts: dict[str, Any], corpus: Corpus) -> list[Finding]:
        """Passages of ``later`` reused from the articles it shares uncommon shingles with.

        ``shared``: other article -> the word positions of ``later`` where they
        share one. A quotation counts between articles of different stories,
        never within one (``_one_story``).
        """
        sources = sorted(
            (other for other, where in shared.items() if len(where) >= self.MIN_SHARED and self._earlier(other, path, corpus)),
            key=corpus.order,
        )
        return self._reuse(path, later, [(other, extracts[other], shared[other]) for other in sources], corpus)

    @staticmethod
    def _earlier(a: str, b: str, corpus: Corpus) -> bool:
        """Whether article a came before b: by date when both have one, else by path."""
        return _before(corpus.articles[a], corpus.articles[b])

    def _one_story(self, path: str, later: FolderExtract, other: str, earlier: FolderExtract, regions: list[Region], corpus: Corpus) -> bool:
        """Whether two articles that share passages report one story: then a
        quotation they share is the speaker's words, not a copy.

        Front-matter story labels decide when both have one. Otherwise the
        names each article uses outside what they share decide: outlets
        reporting one event name its people and places, a story with a
        paragraph pasted in from another shares little else with it. The
        folder's story grouping cannot decide alone, since the pasted text
        pulls the article into its source's story; it settles the cases the
        names leave open (the plan's Join asks for stories), and without it
        they count as one story (quotations left out, the cautious way).
        """
        label, other_label = corpus.articles[path].story, corpus.articles[other].story
        if label and other_label:
            return label == other_label
        names = _names_outside(later, [(r.b_start, r.b_end) for r in regions])
        other_names = _names_outside(earlier, [(r.a_start, r.a_end) for r in regions])
        common = len(names & other_names)
        fewer = min(len(names), len(other_names))
        if common >= self.RELATED_NAMES and common >= self.RELATED_SHARE * fewer:
            return True
        if any(fewer >= named and common <= shared for named, shared in self.UNRELATED):
            return False
        story, other_story = corpus.stories.get(path), corpus.stories.get(other)
        return story is None or other_story is None or story == other_story

    def first_identical(self, paths: list[str], extracts: dict[str, FolderExtract], corpus: Corpus) -> dict[str, str]:
        """For each article whose words repeat an earlier one's exactly, the earliest such article."""
        groups: dict[int, list[str]] = {}
        for path in paths:
            if extracts[path].word_count >= self.MIN_IDENTICAL_WORDS:
                groups.setdefault(extracts[path].digest, []).append(path)
        first: dict[str, str] = {}
        for members in groups.values():
            for path in members:
                earlier = [other for other in members if other != path and self._earlier(other, path, corpus)]
                if earlier:
                    first[path] = min(earlier, key=corpus.order)
        return first

    def _regions(self, earlier_plain: str, later_plain: str, shared_at: list[int]) -> tuple[list[Region], list[Region]]:
        """Passages of the later article that follow the earlier one closely, and all
        the stretches found (however short). A passage is a stretch aligned in a
        window around the uncommon shingles the two share (seeds), or stretches
        joined where the copy runs on from one to the next though the source has them
        in another order (paragraphs moved in a re-sent story); the two overlap, and
        the sentences decide which is reported. Each passage holds some of the
        seeds: stock phrasing alone is no passage."""
        seeds = shared_places(earlier_plain, later_plain, shared_at, self.SHINGLE_WORDS)
        min_words, similarity, max_gap = self.params["min_words"], self.params["similarity"], self.params["max_gap"]
        shortest = min(min_words, self.SHORTEST_PIECE)

        def pieces(a_start: int, a_end: int, b_start: int, b_end: int) -> list[Region]:
            aligned = aligned_regions(earlier_plain[a_start:a_end], later_plain[b_start:b_end], max_gap, a_start, b_start)
            return [r for r in aligned if r.length >= shortest and r.similarity >= similarity]

        found = [piece for box in seed_boxes(seeds, self.SEED_PAD, self.SHINGLE_WORDS, len(earlier_plain), len(later_plain)) for piece in pieces(*box)]
        # Windows overlap: a stretch found twice is one. A stretch that overlaps a longer
        # one is aligned again on what is left of it (the copy repeats the end of one
        # passage of its source and goes on with another).
        kept: list[Region] = []
        pending = sorted(found, key=lambda r: (-r.matched, r.b_start, r.a_start))
        while pending:
            region = pending.pop(0)
            overlap = next((k for k in kept if region.b_start < k.b_end and k.b_start < region.b_end), None)
            if overlap is None:
                kept.append(region)
                continue
            if region.b_end - overlap.b_end >= overlap.b_start - region.b_start:
                rest = pieces(region.a_start, region.a_end, overlap.b_end, region.b_end) if region.b_end > overlap.b_end else []
            else:
                rest = pieces(region.a_start, region.a_end, region.b_start, overlap.b_start)
            pending = sorted(pending + rest, key=lambda r: (-r.matched, r.b_start, r.a_start))
        kept.sort(key=lambda r: r.b_start)
        chains = [chain for chain in _chains(kept, max_gap) if chain.words]
        return [
            passage for passage in kept + chains
            if passage.length >= min_words and sum(passage.b_start <= at < passage.b_end for at in shared_at) >= self.MIN_SHARED
        ], kept

    def _reuse(self, path: str, later: FolderExtract, sources: list[tuple[str, FolderExtract, list[int]]], corpus: Corpus) -> list[Finding]:
        """Passages of ``later`` reused from earlier articles, each reported against its closest source.

        Each source comes with where ``later`` shares uncommon shingles with
        it: a passage must hold some, or it is only stock phrasing (the terms
        of a eurobond, a daily money market forecast).
        """
        from rapidfuzz.distance import Indel

        if not sources:
            return []
        later_words = later.words
        later_plain = later_words.plain
        share = self.params["whole_article"]
        min_words, threshold = self.params["min_words"], self.params["similarity"]
        wholes: list[tuple[float, int, str, FolderExtract]] = []
        passages: list[_Passage] = []
        for order, (other, earlier, shared_at) in enumerate(sources):
            earlier_words = earlier.words
            regions, stretches = self._regions(earlier_words.plain, later_plain, shared_at)
            if not regions:
                continue
            if replaces_content(earlier_words, later_words, self.params["max_gap"], self.TEMPLATE_RUN):
                continue  # two stories told from one template, other names or figures in its places
            quotes = not (later.quoted or earlier.quoted) or not self._one_story(path, later, other, earlier, regions, corpus)
            # Within a story, a shared quotation is the speaker's words, not a copy: what counts is the rest.
            quoted = [0 if quotes else _quoted_either(later, earlier, r) for r in regions]
            matched = sum(r.matched - (0 if quotes else _quoted_either(later, earlier, r)) for r in stretches)
            later_all, earlier_all = later.passage_words(0, later.sentence_count - 1, quotes), earlier.passage_words(0, earlier.sentence_count - 1, quotes)
            if matched >= share * len(later_all.codes) and matched >= share * len(earlier_all.codes):
                wholes.append((-Indel.normalized_similarity(earlier_all.plain, later_all.plain), order, other, earlier))
                continue
            for region, inside_quotes in zip(regions, quoted):
                if region.length - inside_quotes < min_words:
                    continue
                passage = self._whole_sentences(later, earlier, region, quotes, inside_quotes, shared_at)
                if passage is not None:
                    first, last, a_first, a_last, similarity = passage
                    words = len(later.passage_words(first, last).codes)
                    passages.append(_Passage(first, last, a_first, a_last, region.matched, order, other, earlier, similarity, words))
        if wholes:
            similarity, _, other, earlier = min(wholes)
            return [self._whole_finding(path, later, other, earlier, -similarity)]
        chosen: list[_Passage] = []
        for passage in sorted(passages, key=lambda p: (-p.similarity, -p.matched, p.order, p.first)):
            if not any(passage.first <= c.last and c.first <= passage.last for c in chosen):
                chosen.append(passage)
        return [self._passage_finding(path, later, p) for p in sorted(chosen, key=lambda p: p.first)]

    def _whole_sentences(
        self, later: FolderExtract, earlier: FolderExtract, region: Region, quotes: bool, quoted: int, shared_at: list[int]
    ) -> tuple[int, int, int, int, float] | None:
        """The sentences of both articles that a reused stretch stands for, as
        (first, last, source's first, source's last, how alike they are), or None.

        The sentences must be alike (``similarity``), or the stretch must make
        up most of the shorter side's (that share of them, ``quoted`` words of
        the stretch left out when quotations do not count): a copy may drop a
        clause its source sentence ends with, or add one, but two long
        sentences that share a stretch are two sentences. Neither side may put other names or figures
        where the other has its own, and the copy's sentences must hold
        shingles the two share with few other articles (``shared_at``), as the
        stretch does: a stretch may run from a stock lead into what only the
        two share (the date line of two tables filed the same day). Of the
        spans the stretch may stand for (mostly inside it, or all it touches),
        the pair most alike is taken.
        """
        from rapidfuzz.distance import Indel

        best: tuple[int, int, int, int, float] | None = None
        shared = region.matched - quoted
        for first, last in later.sentence_spans(region.b_start, region.b_end):
            start, end = later.word_range(first, last)
            if sum(start <= at < end for at in shared_at) < self.MIN_SHARED:
                continue
            copy = later.passage_words(first, last, quotes)
            for a_first, a_last in earlier.sentence_spans(region.a_start, region.a_end):
                original = earlier.passage_words(a_first, a_last, quotes)
                shorter = min(len(copy.codes), len(original.codes))
                if not shorter or max(len(copy.codes), len(original.codes)) < self.params["min_words"]:
                    continue  # sentences shorter than min_words on both sides are no passage to report
                alike = Indel.normalized_similarity(original.plain, copy.plain)
                if alike < self.params["similarity"] and shared < self.params["similarity"] * shorter:
                    continue
                if (best is None or alike > best[4]) and not replaces_content(original, copy):
                    best = (first, last, a_first, a_last, alike)
        return best

    @staticmethod
    def _origin(later: FolderExtract, other: str, earlier: FolderExtract) -> str:
        """'b.md, filed 2 days earlier', or 'b.md' when a date is missing."""
        filed = filed_earlier(earlier.date, later.date)
        return f"{other}, {filed}" if filed else other

    def _whole_finding(
        self, path: str, later: FolderExtract, other: str, earlier: FolderExtract, similarity: float
    ) -> Finding:
        paragraphs = len({later.paragraph(n) for n in range(later.sentence_count)})
        return self.finding_at(
            later.body(path),
            later.opening,
            related=[Related(earlier.body(other), "earlier copy of the article")],
            match=later.opening,  # the folder scope keeps how the text starts, not the text
            **_placeholders(
                "The whole article", other, similarity, _counted(paragraphs, "paragraph"), 1.0, self._origin(later, other, earlier)
            ),
        )

    def _passage_finding(self, path: str, later: FolderExtract, passage: _Passage) -> Finding:
        copy = later.location(path, passage.first, passage.last)
        original = passage.earlier.location(passage.source, passage.a_first, passage.a_last)
        extent = later.extent(passage.first, passage.last)
        in_part = passage.similarity < self.params["similarity"]  # a stretch inside longer sentences
        # In part, what the article took is the stretch, not all of the sentences it runs through.
        share = (passage.matched if in_part else passage.words) / max(1, len(later.codes))
        values = _placeholders("", passage.source, passage.similarity, extent, share, self._origin(later, passage.source, passage.earlier))
        whole = passage.first == 0 and passage.last == later.sentence_count - 1
        values["what"] = "The whole article" if whole else f"{extent}, {values['share']} of this article"
        if in_part:
            values["how"] = f"in part (a stretch of {passage.matched} words; the sentences are {_percent(passage.similarity)}% similar)"
        excerpt = later.excerpt(passage.first, passage.last)
        return self.finding_at(
            copy,
            excerpt,
            related=[Related(original, f"earlier copy of the passage ({_lines(original)})")],
            match=excerpt,  # the folder scope keeps how each sentence starts, not the text
            **values,
        )


def _before(a: ArticleInfo, b: ArticleInfo) -> bool:
    """Whether article a came before b: by date when both have one, else by path."""
    if a.date and b.date and a.date != b.date:
        return a.date < b.date
    return a.path < b.path

