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
passages, reported once, at the later article. Articles with the same words
are grouped by a digest of them: each later one repeats the first.
Quotations are left out there: outlets quoting the same speaker have not
copied each other.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Iterable, NamedTuple

import regex

from factlint.document import Block, Document, Location
from factlint.findings import Finding, Related
from factlint.fixes import line_removal
from factlint.kinds.base import Check, Param, register
from factlint.kinds.plan import ArticleInfo, Corpus, Gathered, Group, Join, Joined, Plan

# ---------------------------------------------------------------------------
# Words as codes
# ---------------------------------------------------------------------------

# A word, or a number with its separators ("1,234.5", "3:30"), with what
# separates it from the previous one. Apostrophes are dropped first, so
# "Ukraine's", "Ukraine’s" and "Ukraines" agree.
# A word and the gap before it. The gap is taken whole from where the last word ended
# (never from inside a run of punctuation: 40 KB of '- ' would otherwise be scanned
# once for each of its characters).
_TOKEN = re.compile(r"(?<!\W)(\W*+)(\d+(?:[.,:/]\d+)*|[^\W\d_]\w*)")
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
    "billion trillion mln bln half quarter first second third fourth fifth january february march april june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
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
_fold_table: dict[int, int] = {}


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

    @property
    def plain(self) -> str:
        """The codes with names as plain words: what passages are compared on, case aside."""
        if not _fold_table:
            _fold_table.update({_NAME_BASE + i: _WORD_BASE + i for i in range(_WORDS)})
        return self.codes.translate(_fold_table)

    def part(self, start: int, end: int) -> "Words":
        first_name = sum(map(_is_name, self.codes[:start]))
        codes = self.codes[start:end]
        return Words(codes, self.shapes[first_name : first_name + sum(map(_is_name, codes))])

    @staticmethod
    def join(parts: Iterable["Words"]) -> "Words":
        parts = list(parts)
        return Words("".join(p.codes for p in parts), b"".join(p.shapes for p in parts))


class _TokenCodes(NamedTuple):
    """What encoding needs to know of one token, worked out once per distinct token."""

    plain: str  # its code as a plain word
    name: str | None  # its code as a name, if it is capitalized
    shape: int  # the name's shape byte, -1 when the name code is a figure's
    function_word: bool  # capitalized closed-class word: a name only mid-sentence


_token_codes: dict[str, _TokenCodes] = {}


def _token_entry(token: str) -> _TokenCodes:
    word = token.casefold()
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
    for gap, token in _TOKEN.findall(text):
        plain, name, shape, function_word = known(token) or _token_entry(token)
        if name is not None and not (function_word and (not codes or not _SENTENCE_BREAKS.isdisjoint(gap))):
            if shape >= 0:
                shapes.append(shape)
            codes.append(name)
        else:
            codes.append(plain)
    return Words("".join(codes), bytes(shapes))


def _encoded(doc: Document, text: str) -> Words:
    """``encode(text)`` for a passage of doc, worked out once for the article's
    rules (both scopes encode its paragraphs, and its sentences when unquoted)."""
    return doc.memo((_encoded, text), lambda: encode(text))


# A copy may correct one name or figure per this many words, after the first
# such stretch: a short passage that puts other names or figures in the same
# places is another story told the same way ("Micropolis Corp said it filed
# ... 75 mln dlr"; a daily money market forecast), a long one a corrected copy.
_WORDS_PER_CORRECTION = 30


def replaces_content(a: Words, b: Words, max_gap: int | None = None) -> bool:
    """Whether b puts other names or figures where a has its own.

    Adding or dropping a dateline or a figure is only an edit, and so is a
    name spelled anew with the same consonants. With ``max_gap``, only
    substitutions between aligned words count (two articles told from one
    template), not passages the articles do not share.
    """
    from rapidfuzz.distance import Indel

    replaced = 0
    a_gap: list[int] = []  # positions of names and figures in the current gap
    b_gap: list[int] = []
    a_width = b_width = 0
    ranks: dict[int, list[int]] = {}
    for op in Indel.opcodes(a.plain, b.plain):
        if op.tag == "equal":
            if max_gap is None or (a_width <= max_gap and b_width <= max_gap):
                replaced += _replacements(a, a_gap, b, b_gap, ranks)
            a_gap, b_gap = [], []
            a_width = b_width = 0
        else:
            a_gap += [i for i in range(op.src_start, op.src_end) if _is_content(a.codes[i])]
            b_gap += [i for i in range(op.dest_start, op.dest_end) if _is_content(b.codes[i])]
            a_width += op.src_end - op.src_start
            b_width += op.dest_end - op.dest_start
    if max_gap is None or (a_width <= max_gap and b_width <= max_gap):
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


_QUOTE_MARK = regex.compile(r'["“”„«»]')


def without_quotations(text: str) -> str:
    """The text with quoted words blanked (same length). Quotation marks pair up
    within the text; an unclosed one runs to its end."""
    chars = list(text)
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text):
        symbol = mark.group()
        closes = symbol in "”»" or (symbol == '"' and opened is not None)
        if opened is None and not closes:
            opened = mark.start()
        elif opened is not None and (closes or symbol == '"'):
            chars[opened : mark.end()] = " " * (mark.end() - opened)
            opened = None
    if opened is not None:
        chars[opened:] = " " * (len(chars) - opened)
    return "".join(chars)


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


def _placeholders(what: str, source: str, similarity: float) -> dict[str, str]:
    return {
        "what": what,
        "source": source,
        "how": _how(similarity),
        "similarity": "100%" if similarity == 1.0 else f"{_percent(similarity)}%",
    }


# ---------------------------------------------------------------------------
# Alignment (folder scope)
# ---------------------------------------------------------------------------


@dataclass
class Region:
    """A stretch of b that repeats a stretch of a, allowing small edits."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int

    @property
    def similarity(self) -> float:
        return 2 * self.matched / ((self.a_end - self.a_start) + (self.b_end - self.b_start))


def aligned_regions(a: str, b: str, max_gap: int) -> list[Region]:
    """Stretches where code string b follows a word for word but for gaps of at most max_gap words."""
    from rapidfuzz.distance import Indel

    regions: list[Region] = []
    for op in Indel.opcodes(a, b):
        if op.tag != "equal":
            continue
        last = regions[-1] if regions else None
        if last and op.src_start - last.a_end <= max_gap and op.dest_start - last.b_end <= max_gap:
            last.a_end, last.b_end = op.src_end, op.dest_end
            last.matched += op.src_end - op.src_start
        else:
            regions.append(Region(op.src_start, op.src_end, op.dest_start, op.dest_end, op.src_end - op.src_start))
    return regions


class FolderExtract(NamedTuple):
    """What an article keeps for the folder scope: word codes and positions, no text.

    ``codes`` and ``shapes`` are the words of its paragraphs, quotations left
    out. ``rows`` starts with where the whole text runs (line, column, end
    line, end column) and how many words it has, then five numbers a sentence: the index of its first
    word in ``codes``, line, column, end line, end column. ``excerpts`` holds
    how the text starts, then how each sentence starts, joined by a unit
    separator and compressed (read only to report). ``digest`` identifies all
    the words, headings and quotations too: equal digests are identical articles.
    """

    codes: str
    shapes: bytes
    rows: array
    excerpts: bytes
    digest: int

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

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """First and last sentence mostly inside words [start, end) (or, for a
        passage inside one long sentence, the sentences it touches)."""
        touched, mostly = [], []
        for number in range(self.sentence_count):
            first_word, last_word = self.word_range(number, number)
            overlap = min(end, last_word) - max(start, first_word)
            if overlap > 0:
                touched.append(number)
                if overlap * 2 >= last_word - first_word:
                    mostly.append(number)
        inside = mostly or touched
        return inside[0], inside[-1]

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
_ROW = 5
_EXCERPT_CHARS = 40
_SEPARATOR = "\x1f"


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
    PLACEHOLDERS = ("match", "what", "source", "how", "similarity")

    SHINGLE_WORDS = 5  # words per shingle in the folder index
    SAMPLE_ONE_IN = 4  # shingles kept: those whose hash is 0 modulo this
    MIN_SHARED = 2  # uncommon sampled shingles a reused passage must hold
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
        self.exceptions = [compile_regex(self, "exceptions", p, regex.IGNORECASE) for p in self.params["exceptions"]]

    def _comparable(self, text: str) -> bool:
        return not any(p.search(text) for p in self.exceptions)

    # -- inside one article ------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        if self.scope != "article":
            return []
        blocks = doc.blocks
        texts = [doc.text[b.start : b.end] for b in blocks]
        words = [_encoded(doc, t) for t in texts]
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
        having: dict[str, list[int]] = {}  # three-word sequence -> earlier units with it (the first few)
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
            shared = trigrams & having.keys()
            sharing = Counter(other for trigram in shared for other in having[trigram])
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
                holders = having[trigram]
                if len(holders) < self.MAX_UNITS_PER_TRIGRAM:
                    holders.append(k)
            having.update({trigram: [k] for trigram in trigrams - shared})
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
        words = [_encoded(doc, t) for t in texts]
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

        everything = "".join(_encoded(doc, doc.text[b.start : b.end]).plain for b in doc.blocks)
        start, end = doc.blocks[0].start, doc.blocks[-1].end
        body = doc.locate(start, end)
        rows = [body.line, body.column, body.end_line, body.end_column, len(everything)]
        excerpts = [doc.excerpt(start, end, _EXCERPT_CHARS)]
        parts: list[Words] = []
        position = 0
        for block in doc.blocks:
            if block.kind != "paragraph":
                continue
            unquoted = without_quotations(doc.text[block.start : block.end])
            for start, end in block.sentences:
                words = _encoded(doc, unquoted[start - block.start : end - block.start])
                if not words.codes or not self._comparable(doc.text[start:end]):
                    continue
                location = doc.locate(start, end)
                rows.extend((position, location.line, location.column, location.end_line, location.end_column))
                excerpts.append(doc.excerpt(start, end, _EXCERPT_CHARS))
                parts.append(words)
                position += len(words.codes)
        joined = Words.join(parts)
        return FolderExtract(
            joined.codes,
            joined.shapes,
            array("H" if max(rows) < 1 << 16 else "I", rows),  # two bytes a number unless a file is huge
            zlib.compress(_SEPARATOR.join(excerpts).encode("utf-8")),
            int.from_bytes(hashlib.blake2b(everything.encode("utf-16-le"), digest_size=8).digest(), "little"),
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
                pairs=lambda article, candidate: _before(candidate, article),
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

        ``shared``: other article -> the word positions of ``later`` where they share one.
        """
        sources = sorted(
            (other for other, where in shared.items() if len(where) >= self.MIN_SHARED and self._earlier(other, path, corpus)),
            key=corpus.order,
        )
        return self._reuse(path, later, [(other, extracts[other], shared[other]) for other in sources])

    @staticmethod
    def _earlier(a: str, b: str, corpus: Corpus) -> bool:
        """Whether article a came before b: by date when both have one, else by path."""
        return _before(corpus.articles[a], corpus.articles[b])

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

    def _reuse(self, path: str, later: FolderExtract, sources: list[tuple[str, FolderExtract, list[int]]]) -> list[Finding]:
        """Passages of ``later`` reused from earlier articles, each reported against its closest source.

        Each source comes with where ``later`` shares uncommon sampled shingles
        with it: a passage must hold some, or it is only stock phrasing (the
        terms of a eurobond, a daily money market forecast).
        """
        if not sources:
            return []
        from rapidfuzz.distance import Indel

        later_words = later.words
        later_plain = later_words.plain
        share = self.params["whole_article"]
        wholes: list[tuple[float, int, str, FolderExtract]] = []
        passages: list[_Passage] = []
        for order, (other, earlier, shared_at) in enumerate(sources):
            earlier_words = earlier.words
            earlier_plain = earlier_words.plain
            regions = [
                r for r in aligned_regions(earlier_plain, later_plain, self.params["max_gap"])
                if r.matched >= self.params["min_words"] and r.similarity >= self.params["similarity"]
                and sum(r.b_start <= at < r.b_end for at in shared_at) >= self.MIN_SHARED
            ]
            if not regions or replaces_content(earlier_words, later_words, self.params["max_gap"]):
                continue  # nothing reused, or two stories told from one template
            matched = sum(r.matched for r in regions)
            if matched >= share * len(later_plain) and matched >= share * len(earlier_plain):
                wholes.append((-Indel.normalized_similarity(earlier_plain, later_plain), order, other, earlier))
                continue
            for region in regions:
                first, last = later.sentence_span(region.b_start, region.b_end)
                a_first, a_last = earlier.sentence_span(region.a_start, region.a_end)
                copy = later_words.part(*later.word_range(first, last))
                original = earlier_words.part(*earlier.word_range(a_first, a_last))
                similarity = Indel.normalized_similarity(original.plain, copy.plain)
                if similarity >= self.params["similarity"] and not replaces_content(original, copy):
                    passages.append(_Passage(first, last, a_first, a_last, region.matched, order, other, earlier, similarity))
        if wholes:
            similarity, _, other, earlier = min(wholes)
            return [self._whole_finding(path, later, other, earlier, -similarity)]
        chosen: list[_Passage] = []
        for passage in sorted(passages, key=lambda p: (-p.similarity, -p.matched, p.order, p.first)):
            if not any(passage.first <= c.last and c.first <= passage.last for c in chosen):
                chosen.append(passage)
        return [self._passage_finding(path, later, p) for p in sorted(chosen, key=lambda p: p.first)]

    def _whole_finding(self, path: str, later: FolderExtract, other: str, earlier: FolderExtract, similarity: float) -> Finding:
        return self.finding_at(
            later.body(path),
            later.opening,
            related=[Related(earlier.body(other), "earlier copy of the article")],
            **_placeholders("This article repeats all", other, similarity),
        )

    def _passage_finding(self, path: str, later: FolderExtract, passage: _Passage) -> Finding:
        copy = later.location(path, passage.first, passage.last)
        original = passage.earlier.location(passage.source, passage.a_first, passage.a_last)
        return self.finding_at(
            copy,
            later.excerpt(passage.first, passage.last),
            related=[Related(original, "earlier copy of the passage")],
            **_placeholders(_repeat(copy, original), passage.source, passage.similarity),
        )


def _before(a: ArticleInfo, b: ArticleInfo) -> bool:
    """Whether article a came before b: by date when both have one, else by path."""
    if a.date and b.date and a.date != b.date:
        return a.date < b.date
    return a.path < b.path


def shingle_fingerprints(codes: str, words: int, one_in: int) -> dict[int, int]:
    """Word position -> 40-bit hash of the sampled shingles of ``words`` words starting there.

    Sampling keeps the shingles whose CRC is 0 modulo ``one_in``: it depends
    on the words alone, so two copies of a passage sample the same shingles.
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
