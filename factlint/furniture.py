"""Page furniture: which lines of a scraped article are web-page chrome, and
whether the document is an article at all.

Scraped copy carries the page it came from: advertising slots, video-player
text, photo captions and credits, embedded posts, links to other stories,
sharing buttons, newsletter prompts. ``page_furniture(doc)`` finds them by
what they are, line by line, in the way boilerplate-removal libraries score
blocks (jusText, trafilatura), taking what fits plain text where the markup
is gone:

- the lexicon in ``factlint/data/furniture.yaml``: whole lines that are a kind
  of furniture, and furniture glued to the end or start of article text;
- shapes that need no list: an embedded post's signature ("— Name (@handle)
  March 3, 2017"), a photo credit at the end of a caption ("... REUTERS/Name",
  "... (Heritage Auctions)", "Name/Getty Images"), a call to action naming a
  channel ("Follow X on Twitter"), a line in square brackets, a bare URL, a
  caption standing between the headline and a dateline lede;
- context, as jusText propagates a class to short blocks between classified
  ones: the title-like lines under a "Related:" header are links, and one- to
  three-word capitalized chrome ("Twitter", "Google Plus") next to furniture
  is furniture.

A document is not an article when what is left once notices (a tweet page's
location notice, a web-archive crawl description, a log-in page, a cookie
wall ...) and furniture are taken out is too little to be one, or when its
first line marks the page (a video page's "Published on" stamp).

The result is memoised on the document, so every kind that asks (the
furniture and page kinds here; the duplicates kind, so a page already
reported as scraped is not also reported as reuse) shares one analysis.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex

from factlint import calendar
from factlint.document import Document
from factlint.phrases import LazyPattern

# A line of text: a stretch without newlines.
_LINES = regex.compile(r"[^\n]+")
_LETTER = regex.compile(r"\p{L}")
_TERMINAL = regex.compile(r"[.!?…][\"'”’)\]]*$")
_PUNCTUATION = "\"'“”‘’()[],.;:!?"
_CLOSERS = "\"'”’)]"
_ENDERS = ".!?…:"
_URL_LINE = regex.compile(r"(?:https?://|www\.)\S+")
_ATTRIBUTION = regex.compile(r"\b(?:said|says|told|according to)\b", regex.I)

_ENDS_WINDOW = 200

# jusText's English stopwords, the commonest ones: prose has many, chrome few.
STOPWORDS = frozenset(
    "a about after all also an and any are as at be been being but by can could did do does for from had has have "
    "he her him his how i if in into is it its just me more most my no not now of on one only or other our out "
    "over said says she so some than that the their them then there these they this those to up us was we were "
    "what when where which while who will with would you your".split()
)

# Shapes (case-sensitive where capitals carry the meaning).
_EMBED_SIGNATURE = regex.compile(
    r"(?:^|\s)(?:—|–|-{1,2}|&mdash;)\s*[^—–\n]{1,80}?\(@\w{1,30}\)\s*(?:\S[^\n]{0,40})?$"
    r"|\bpic\.twitter\.com/\w+"
    r"|\bPosted by [^\n]{1,60}? on (?:[A-Z][a-z]+day,? )?[A-Z][a-z]+\.? \d{1,2},? \d{4}\s*$"
    r"|\bA post shared by\b|\bView this post on Instagram\b"
)
_NAME = r"\p{Lu}[\p{L}.'’-]*"
_CREDIT_TAIL = regex.compile(
    rf"(?<=[.!?”\"’)]\s)(?:{_NAME}(?:\s{_NAME}){{0,3}}\s?(?:/|\s[—–-]\s|\s\|\s))+{_NAME}(?:\s[\p{{Lu}}&][\p{{L}}.'’&-]*){{0,3}}\s*$"
    r"|(?<=[.!?]\s)(?:AP|AFP|REUTERS|Reuters|Getty Images|EPA|PA|Bloomberg|UPI)\s*$"
    rf"|(?<=[.!?”\"’]\s)(?:Video|Photos?|Images?|Graphic|Illustration)\s(?:by|courtesy of)\s{_NAME}(?:\s{_NAME})*"
    rf"(?:,\s{_NAME}(?:\s{_NAME})*)*(?:,?\s(?:and|&)\s{_NAME}(?:\s{_NAME})*)?\s*$"
)
_CREDIT_LINE = regex.compile(rf"{_NAME}[\p{{L}}]\s{_NAME}(?:\s{_NAME}){{0,3}}(?:\s?/\s?{_NAME}(?:\s[\p{{Lu}}&][\p{{L}}.'’&-]*){{0,3}})+")
_CREDIT_PIPE = regex.compile(rf"\s\|\s{_NAME}(?:\s{_NAME}){{0,3}}/(?:AP|AFP|Getty Images|Reuters|REUTERS|EPA|Bloomberg)\b")
_CREDIT_PAREN = regex.compile(r"\s\((?![DRI]-|(?:In|At|On|For|Of|Mln|Bln|Pct|See|Ret)\b)\p{Lu}[\p{L}.'’&]*(?:[\s/-]+[\p{L}.'’&-]+){0,5}(?<!\.)\)$")
_CALL_TO_ACTION = regex.compile(
    r"(?:>\s*)*(?:sign up|subscribe|follow|like|share|click|tap|watch|download|listen|visit|join|register|"
    r"log in|sign in|e-?mail us|contact us|check out)\b.{0,200}?\b(?:newsletters?|e-?mail|inbox|twitter|"
    r"facebook|instagram|youtube|tumblr|google\+|app|podcast|alerts?|notifications?|channel)\b"
    r"|(?:visit|follow|subscribe to|like|find) .{1,60} (?:at|on|via)",
    regex.I,
)
_BRACKETED = regex.compile(r"\[[^\[\]\n]*\p{L}[^\[\]\n]{2,200}\]")
_DATELINE = regex.compile(
    r"(?:\p{Lu}[\p{Lu}.'’ -]{2,40}(?:,\s[\p{L}. ]{2,30})?\s?\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa)\)\s*[—–-]"
    r"|\((?:CNN|Reuters|AP)\)\s)"
)
_FULL_DATE = regex.compile(
    r"\b(?:" + "|".join(calendar.MONTHS_SHORT) + r")[a-z]*\.? \d{1,2}, \d{4}\b"
)
_AUXILIARY = regex.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says)\b", regex.I)
_CAPTION_START = regex.compile(
    r"(?:an?|the) (?:image|photo|picture|screenshot|screen grab|still|video still|file photo|graphic) (?:from|of|shows?|taken)\b",
    regex.I,
)
_LIST_HEADER = regex.compile(r".{1,60}:|related|related (?:stories|articles|coverage|links)|more|see also|read more", regex.I)
_SHARE_NEIGHBOURS = frozenset(("sharing", "video player", "image", "site", "sign-up"))


@dataclass(frozen=True, slots=True)
class FurnitureSpan:
    """One stretch of page furniture: lint-text offsets [start, end) unless
    ``source`` (a bare URL line, which the lint text blanks: file offsets)."""

    start: int
    end: int
    category: str  # the lexicon's class: "advertising", "image", "embedded post" ...
    what: str  # what it is, for a message: "photo caption or credit"
    source: bool = False


@dataclass(frozen=True)
class PageFurniture:
    """What ``page_furniture`` found in one document."""

    spans: tuple[FurnitureSpan, ...]
    not_article: str | None = None  # what the page is instead ("a web-archive notice"), or None
    evidence: tuple[int, int] | None = None  # lint-text span of the line that says so

    def covers(self, start: int, end: int) -> bool:
        """Is lint-text span [start, end) page furniture (or the whole page, when it is not an article)?"""
        if self.not_article is not None:
            return True
        return any(s.start < end and start < s.end for s in self.spans if not s.source)


@dataclass
class _Unit:
    start: int
    end: int
    text: str
    alone: bool = False  # the only line of its block (a paragraph per line)
    wrapped: bool = False  # lines wrapped in the middle of a sentence, joined
    words: int = 0
    terminal: bool = False
    category: str | None = None
    what: str = ""
    partial: tuple[int, int] | None = None  # furniture glued to text: its span
    notice: str | None = None  # a page class whose notice this line holds

    @property
    def stop_share(self) -> float:
        """jusText's stopword density: prose has many stopwords, chrome few."""
        words = self.text.lower().split()
        return sum(1 for w in words if w.strip(_PUNCTUATION) in STOPWORDS) / len(words) if words else 0.0


@dataclass(frozen=True)
class Lexicon:
    """The furniture lexicon compiled: one alternation per use, named groups for classes."""

    lines: regex.Pattern
    line_ends: regex.Pattern  # searched in a line's last _ENDS_WINDOW characters
    glued_starts: regex.Pattern  # furniture glued before text: matched at a line's start
    glued_ends: regex.Pattern  # furniture glued after text: searched in a line's end
    notices: regex.Pattern
    markers: regex.Pattern
    keywords: tuple[str, ...]  # lower case; a line without one holds no notice
    names: dict[str, tuple[str, str]]  # group name -> (class, what it is)


def _alternation(groups: dict[str, list[str]], reverse: bool = False) -> LazyPattern:
    """One regex for many, a named group per class; ``reverse`` for patterns anchored at
    the end, which a backward search tries at the end first and cheaply everywhere else."""
    parts = [f"(?P<{name}>{'|'.join(f'(?:{p})' for p in patterns)})" for name, patterns in groups.items() if patterns]
    return LazyPattern("regex", "|".join(parts) or r"(?!)", regex.I | regex.V0 | (regex.REVERSE if reverse else 0))


@lru_cache(maxsize=4)
def lexicon(extra_lines: tuple[str, ...] = ()) -> Lexicon:
    """The built-in lexicon, plus whole-line patterns a rule adds (site chrome of its own)."""
    from factlint.yamlio import load_data_file

    data = load_data_file(os.path.join(os.path.dirname(__file__), "data", "furniture.yaml"))
    names: dict[str, tuple[str, str]] = {}
    lines: dict[str, list[str]] = {}
    ends: dict[str, list[str]] = {}
    starts: dict[str, list[str]] = {}
    ends_glued: dict[str, list[str]] = {}
    for i, (category, spec) in enumerate(data["furniture"].items()):
        names[f"f{i}"] = (category, spec["what"])
        lines[f"f{i}"] = list(spec.get("lines", ()))
        ends[f"f{i}"] = [f"(?:{p})$" for p in spec.get("line_ends", ())]
        for pattern in spec.get("fragments", ()):  # anchored at a line's start or end, looked for only there
            (starts if pattern.startswith("^") else ends_glued).setdefault(f"f{i}", []).append(pattern)
    if extra_lines:
        names["extra"] = ("site", "site chrome")
        lines["extra"] = list(extra_lines)
    notices: dict[str, list[str]] = {}
    markers: dict[str, list[str]] = {}
    keywords: set[str] = set()
    for i, (category, spec) in enumerate(data["pages"].items()):
        names[f"p{i}"] = (category, spec["what"])
        notices[f"p{i}"] = list(spec.get("phrases", ()))
        markers[f"p{i}"] = list(spec.get("markers", ()))
        keywords.update(spec["keywords"])
    return Lexicon(
        _alternation(lines),
        _alternation(ends, reverse=True),
        _alternation(starts),
        _alternation(ends_glued, reverse=True),
        _alternation(notices),
        _alternation(markers),
        tuple(sorted(keywords)),
        names,
    )


def page_furniture(doc: Document, extra_lines: tuple[str, ...] = (), min_article_words: int = 60) -> PageFurniture:
    """The page furniture of a document and whether it is an article (``not_an_article``'s
    verdict), computed once per document."""

    def analyse() -> PageFurniture:
        found = _analyse(doc, lexicon(extra_lines), min_article_words)
        if found.not_article is not None and _plainly_article(doc, min_article_words):
            found = PageFurniture(found.spans)
        return found

    return doc.memo(("page_furniture", extra_lines, min_article_words), analyse)


def not_an_article(doc: Document, min_article_words: int = 60) -> str | None:
    """What the document is when it is not an article (a tweet page's notice, a web-archive
    description ...), else None. Every rule asks this one question, so a page is
    reported once, as a page; most articles are told from the text alone, cheaply."""
    if _plainly_article(doc, min_article_words):
        return None
    return page_furniture(doc, min_article_words=min_article_words).not_article


def _plainly_article(doc: Document, min_article_words: int) -> bool:
    """An article by its text alone: its first line marks no page, and it either reports
    speech at length or holds no notice's keyword and opens with no chrome."""
    memo = ("plainly_article", min_article_words)
    return doc.memo(memo, lambda: _judge_plainly(doc, min_article_words))


def _judge_plainly(doc: Document, min_article_words: int) -> bool:
    text = doc.text
    if _marked(doc):
        return False
    if _long_and_reported(text, len(text.split()), min_article_words):
        return True
    lex = lexicon()
    lowered = text.lower()
    if any(k in lowered for k in lex.keywords):
        return False
    opening = _units(doc, blocks=2)  # chrome at the top of a short page is the other way not to be one
    _classify(opening, lex)
    top = opening[:2] if opening and not opening[0].terminal else opening[:1]
    return not any(u.category is not None and u.partial is None for u in top)


def _marked(doc: Document) -> bool:
    """Does the document's first line mark a page that is not an article?"""
    if not doc.blocks:
        return False
    first = doc.blocks[0]
    end = doc.text.find("\n", first.start, first.end)
    return lexicon().markers.fullmatch(doc.text[first.start : first.end if end < 0 else end].strip()) is not None


# ---------------------------------------------------------------------------
# The analysis
# ---------------------------------------------------------------------------


def _units(doc: Document, blocks: int | None = None) -> list[_Unit]:
    """The document's lines, trimmed, as units: a wrapped line that goes on with the
    sentence of the line above joins that line's unit (hard-wrapped copy reads as
    paragraphs); plus the bare URL lines, which the lint text blanks."""
    text = doc.text
    units: list[_Unit] = []
    for block in doc.blocks if blocks is None else doc.blocks[:blocks]:
        first = len(units)
        position = block.start
        ended = True  # whether the line above ended a sentence (or a heading, a list's lead)
        for line in text[block.start : block.end].split("\n"):
            stripped = line.strip()
            if stripped:
                start = position + len(line) - len(line.lstrip())
                end = start + len(stripped)
                if len(units) > first and (not ended or stripped[0].islower()):
                    units[-1].end = end
                    units[-1].wrapped = True
                else:
                    units.append(_Unit(start, end, ""))
                ended = stripped.rstrip(_CLOSERS)[-1:] in _ENDERS
            position += len(line) + 1
        alone = len(units) == first + 1
        for unit in units[first:]:
            unit.alone = alone and not unit.wrapped
            unit.text = text[unit.start : unit.end].replace("\n", " ") if unit.wrapped else text[unit.start : unit.end]
    if blocks is None and doc.offsets is None and ("://" in doc.source or "www." in doc.source):
        position = 0
        for line in doc.source.split("\n"):
            stripped = line.strip()
            end = position + len(line)
            if stripped and _URL_LINE.fullmatch(stripped) and not text[position:end].strip():
                start = position + line.index(stripped)
                units.append(_Unit(start, start + len(stripped), stripped, alone=True, category="link", what="bare link"))
            position = end + 1
        units.sort(key=lambda u: u.start)
    for unit in units:
        unit.words = len(unit.text.split())
        unit.terminal = bool(_TERMINAL.search(unit.text))
    return units


def _classify(units: list[_Unit], lex: Lexicon) -> None:
    """Each line's furniture class, from the lexicon and from shapes."""
    for index, unit in enumerate(units):
        if unit.category is not None or unit.wrapped:
            continue  # a hard-wrapped paragraph is prose: chrome is one line a block in scraped copy
        match = lex.lines.fullmatch(unit.text) if len(unit.text) <= 5000 else None
        if match is None and unit.text[-1:] in ").":
            match = lex.line_ends.search(unit.text, max(0, len(unit.text) - _ENDS_WINDOW))
        if match is not None:
            unit.category, unit.what = lex.names[match.lastgroup]
            continue
        if unit.alone:
            shape = _shape(unit, first=index == 0)
            if shape is not None:
                unit.category, unit.what = shape
                continue
        fragment = lex.glued_starts.match(unit.text) or lex.glued_ends.search(unit.text, max(0, len(unit.text) - _ENDS_WINDOW))
        if fragment is not None:
            unit.partial = (unit.start + fragment.start(), unit.start + fragment.end())
            unit.category, unit.what = lex.names[fragment.lastgroup]


def _shape(unit: _Unit, first: bool) -> tuple[str, str] | None:
    """Furniture known by its shape alone (a line standing alone in its block)."""
    text = unit.text
    if _EMBED_SIGNATURE.search(text):
        return "embedded post", "embedded social-media post"
    tail = _CREDIT_TAIL.search(text) or _CREDIT_PIPE.search(text) if unit.words <= 60 and not text.isupper() else None
    if tail is not None and len(text[: tail.start()].split()) >= 4:  # a sentence, then its credit
        return "image", "photo caption or credit"
    if unit.words <= 8 and _CREDIT_LINE.fullmatch(text) and not text.isupper():  # capitals: a table's heading
        return "image", "photo credit"
    if unit.words <= 40 and _CALL_TO_ACTION.match(text) and not _ATTRIBUTION.search(text):
        return "sign-up", "call to action"
    if first:
        return None  # the headline's place: what follows is shapes a headline may have too
    credit = _CREDIT_PAREN.search(text) if unit.words <= 30 else None
    if credit and len(text[: credit.start()].split()) >= 2 and not _ATTRIBUTION.search(text) and not _tabular(text):
        return "image", "photo caption or credit"
    if unit.words <= 15 and _CAPTION_START.match(text) and not _AUXILIARY.search(text):
        return "image", "photo caption"
    if _BRACKETED.fullmatch(text):
        return "related links", "link to other stories"
    return None


def _long_and_reported(text: str, words: int, min_article_words: int) -> bool:
    """Reported speech and enough text (four times an article's least): an article, whatever
    notices or chrome it also holds. Decided on the text alone, so it is cheap to ask first."""
    return words >= 4 * min_article_words and _reported(text)


def _reported(text: str) -> bool:
    """Does the text report what someone said (a cheap test, for long texts)?"""
    return any(word in text for word in (" said", " says", " told ", "according to", "Said ", "Says "))


def _tabular(text: str) -> bool:
    """A row of a table: figures make a fifth of its words or more."""
    tokens = text.split()
    return sum(1 for t in tokens if t[:1].isdigit()) * 5 >= len(tokens)


def _title_like(unit: _Unit) -> bool:
    """A headline-shaped line: alone, short, capitalized, no full stop at its end."""
    opening = unit.text.lstrip("\"'“‘(")[:1]
    return (
        unit.alone
        and unit.words <= 25
        and opening.isupper()
        and (not unit.terminal or unit.text.endswith(("?", "!", "?”", "?\"")))
    )


def _in_context(units: list[_Unit]) -> None:
    """Classes that neighbours give: lists under a links header, short chrome beside chrome,
    captions between the headline and a dateline lede."""
    for index, unit in enumerate(units):
        if unit.category == "related links" and unit.partial is None and _LIST_HEADER.fullmatch(unit.text):
            for follower in units[index + 1 :]:
                if follower.category is not None:
                    continue
                if not (_title_like(follower) or follower.alone and follower.words <= 15 and follower.text[:1].isupper()):
                    break
                follower.category, follower.what = "related links", "link to other stories"
    chrome = [u.category in _SHARE_NEIGHBOURS and u.partial is None for u in units]  # before any spreads
    for index, unit in enumerate(units):
        if unit.category is not None or index == 0 or not unit.alone or unit.words > 3 or unit.terminal:
            continue
        if unit.text[:1] in "-—–\"'“‘" or "/" in unit.text or not _LETTER.search(unit.text) or unit.words > 1 and unit.text.isupper():
            continue  # a byline, a quotation, a credit (AP/ABC), a rule, a subhead in capitals
        if unit.stop_share or not all(w[:1].isupper() or not w[:1].isalpha() for w in unit.text.split()):
            continue  # stopwords or words in lower case: text, not buttons
        if any(chrome[i] for i in (index - 1, index + 1) if 0 <= i < len(units)):
            unit.category, unit.what = "sharing", "sharing and site buttons"
    repeats: dict[str, int] = {}
    scraped = not any(u.wrapped for u in units)  # one block a line, as scraped pages are; not wrapped tables
    for unit in units if scraped else ():
        if unit.alone and unit.words <= 5 and not unit.terminal:
            repeats[unit.text] = repeats.get(unit.text, 0) + 1
    for unit in units:  # a short line three times over in one page: a forum's or a feed's chrome
        if unit.category is None and repeats.get(unit.text, 0) >= 3 and _LETTER.search(unit.text):
            unit.category, unit.what = "site", "line the page repeats"
    for index, unit in enumerate(units[:6]):
        if _DATELINE.match(unit.text):
            for before in units[1:index]:
                if before.category is None and before.alone and _FULL_DATE.search(before.text):
                    before.category, before.what = "image", "photo caption"
            break


def _page(units: list[_Unit], lex: Lexicon, min_article_words: int) -> tuple[str | None, tuple[int, int] | None]:
    """What the page is when it is not an article (and the line that shows it), else (None, None)."""
    if not units:
        return None, None
    marker = lex.markers.fullmatch(units[0].text)
    if marker is not None:
        return lex.names[marker.lastgroup][1], (units[0].start, units[0].end)
    whole = " ".join(u.text for u in units)
    if _long_and_reported(whole, sum(u.words for u in units), min_article_words):
        return None, None
    lowered = whole.lower()
    search = any(k in lowered for k in lex.keywords)
    counts: dict[str, int] = {}
    first_notice: dict[str, tuple[int, int]] = {}
    notice_words = prose_words = 0
    for index, unit in enumerate(units):
        found = None
        if search and any(k in unit.text.lower() for k in lex.keywords):
            found = lex.notices.search(unit.text)
        if found is not None and not _ATTRIBUTION.search(unit.text):  # reported speech is a story
            unit.notice = found.lastgroup
            counts[unit.notice] = counts.get(unit.notice, 0) + 1
            first_notice.setdefault(unit.notice, (unit.start, unit.end))
            notice_words += unit.words
        elif unit.category is None or unit.partial is not None:
            if index > 0 or unit.terminal:  # a headline is not article text; a first sentence is
                prose_words += unit.words - (len(unit.text[unit.partial[0] - unit.start :].split()) if unit.partial else 0)
    attributed = bool(_ATTRIBUTION.search(whole))
    fundraising = [name for name in counts if lex.names[name][0] == "fundraising appeal"]
    if fundraising and counts[fundraising[0]] >= 2 and not attributed:
        return lex.names[fundraising[0]][1], first_notice[fundraising[0]]
    pages = [name for name in counts if lex.names[name][0] != "fundraising appeal"]
    if pages and (prose_words < min_article_words or notice_words > prose_words):
        name = max(pages, key=lambda n: counts[n])
        return lex.names[name][1], first_notice[name]
    top = units[:2] if not units[0].terminal else units[:1]  # the first line, or the first under a headline
    opening = [u for u in top if u.category is not None and u.partial is None]
    if opening and min_article_words // 3 <= prose_words < min_article_words:  # chrome, then a paragraph: a widget, a teaser
        return "a web page's chrome with too little article text", (opening[0].start, opening[0].end)
    return None, None


def _analyse(doc: Document, lex: Lexicon, min_article_words: int) -> PageFurniture:
    units = _units(doc)
    _classify(units, lex)
    _in_context(units)
    what, evidence = _page(units, lex, min_article_words)
    spans = tuple(_spans(units))
    return PageFurniture(spans, what, evidence)


def _spans(units: Iterable[_Unit]) -> Iterable[FurnitureSpan]:
    for unit in units:
        if unit.category is None:
            continue
        start, end = unit.partial or (unit.start, unit.end)
        yield FurnitureSpan(start, end, unit.category, unit.what, source=unit.category == "link")


# ---------------------------------------------------------------------------
# Across a folder: a line that recurs verbatim in many unrelated articles
# ---------------------------------------------------------------------------

_NORMAL = regex.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class CandidateLine:
    """A short line an article keeps for the folder pass: a digest of its normalized
    text and where it is (lint-text offsets); no text, so extracts stay small."""

    digest: int
    start: int
    end: int


def candidate_lines(doc: Document, max_words: int = 30) -> tuple[CandidateLine, ...]:
    """The lines of an article that could be furniture recurring across the folder: short
    lines standing alone that the per-article analysis did not already call furniture."""
    if not_an_article(doc) is not None:
        return ()
    import hashlib

    found = page_furniture(doc)
    text = doc.text
    lines = []
    for block in doc.blocks:
        start, end = block.start, block.end
        line = text[start:end].strip()
        if "\n" in line or not line or len(line.split()) > max_words or found.covers(start, end):
            continue
        normal = _NORMAL.sub(" ", line.lower()).strip()
        if len(normal) < 3:
            continue
        digest = int.from_bytes(hashlib.blake2b(normal.encode(), digest_size=8).digest(), "big")
        lines.append(CandidateLine(digest, start + text[start:end].index(line[0]), start + text[start:end].index(line[0]) + len(line)))
    return tuple(lines)


def recurring_lines(
    extracts: dict[str, tuple[CandidateLine, ...] | None], stories: dict[str, str], min_stories: int
) -> dict[str, list[CandidateLine]]:
    """Path -> its lines that recur verbatim in articles of at least ``min_stories`` different
    stories (an article with no story is a story of its own): the folder's furniture.
    Articles of one story quoting one sentence are not unrelated, so they count once.
    A pure function of the articles' extracts and the story grouping."""
    seen: dict[int, set[str]] = {}
    for path, lines in extracts.items():
        for line in lines or ():
            seen.setdefault(line.digest, set()).add(stories.get(path, "\0" + path))
    recurring = {digest for digest, where in seen.items() if len(where) >= min_stories}
    result: dict[str, list[CandidateLine]] = {}
    for path, lines in extracts.items():
        hits = [line for line in lines or () if line.digest in recurring]
        if hits:
            result[path] = hits
    return result
