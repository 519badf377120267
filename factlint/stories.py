"""Which articles report the same story.

Front matter ``story:`` decides when present. Otherwise articles are grouped
by content: each article's salient terms (names and places: capitalized words
that are not sentence openers) are weighted by rarity across the folder into a
unit vector. (Years mentioned in the text were tried as terms too: no help.) Two passes, both linear:

1. In date order, each article joins the story whose centroid is most similar
   (cosine) if that passes ``JOIN_SIMILARITY``, else starts a story. The bar
   is high on purpose: two events of one kind (two earthquakes, two store
   fires, two boxing title defences) share most of their vocabulary, and a
   low bar lets the first article of the second event join the first, after
   which its centroid pulls in the rest.
2. ``REFINE_PASSES`` times, each article is taken out of its story and put in
   the most similar one, if that passes ``MIN_SIMILARITY``: articles left
   alone by the high bar find their story, and articles that joined too early
   move to the story that formed later.

An article may join a story only within ``MAX_GAP_DAYS`` of the story's
dated articles (front-matter dates; undated articles are not held back): a
topic covered for months is several stories. Candidate stories come from an
inverted index on each article's heaviest terms, and terms shared by too many
articles are skipped. Pairwise linking was tried and chains unrelated stories
together. Measured with bench/stories.py on ECB+ (400 articles, 36 events).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from datetime import date
from typing import Any, Mapping

import regex

from factlint import calendar
from factlint.document import Document
from factlint.kinds.base import Corpus

_CAPITALIZED = regex.compile(r"(?<![\p{L}\p{N}'’.-])(\p{Lu}[\p{L}’'-]{2,})")
_COMMON = frozenset(
    """the this that these those there their they then than when where what which while with
    however also after before since during according president minister prime secretary chief
    officials official government said says
    mr mrs ms dr but and for from his her its our new last first one two three reuters associated
    press inc corp ltd co company year years week today yesterday""".split()
) | calendar.lowered(calendar.WEEKDAYS, calendar.MONTHS)
_POSSESSIVE = regex.compile(r"['’]s?$")
TERMS_PER_ARTICLE = 40
JOIN_SIMILARITY = 0.35
MIN_SIMILARITY = 0.2
REFINE_PASSES = 2
MAX_GAP_DAYS = 7
CANDIDATE_STORIES = 10  # only the stories sharing the most terms are scored
INDEX_TERMS = 6  # an article's heaviest terms find its candidate stories
MAX_POSTINGS = 30  # a term in more stories than this finds none of them
# Rarity is weighed as if the folder held at least this many articles. In a
# folder of one or two stories every shared name is common, so its own
# vocabulary (weighed rare) drowned what articles share and split one story
# into several: ECB+ folders checked one at a time kept 48% of their pairs
# together, 74% with this base; two sibling events mixed, pairwise precision
# 0.94 -> 0.88, recall 0.48 -> 0.73; the whole of ECB+ (400) is unchanged.
MIN_RARITY_BASE = 100


def story_terms(doc: Document) -> dict[str, float]:
    """An article's salient terms with their counts (capitalized, not openers).

    The capitalized words are counted as written first (in C), then each spelling
    is made a term once: a long article names the same few words thousands of times.
    Terms keep the order of their first use, so ties rank as they did word by word.
    """
    spellings: Counter[str] = Counter()
    text = doc.text
    for start, end, _ in doc.sentences(("paragraph", "blockquote")):
        words = _CAPITALIZED.findall(text, start, end)
        if words and _CAPITALIZED.match(text, start, end):
            del words[0]  # the sentence's opener
        spellings.update(words)
    counts: Counter[str] = Counter()
    for word, uses in spellings.items():
        term = _POSSESSIVE.sub("", word.lower())
        if term not in _COMMON and len(term) > 2:
            counts[term] += uses
    return dict(counts.most_common(TERMS_PER_ARTICLE))


def article_day(value: Any) -> date | None:
    """An article's front-matter date (text starting YYYY-MM-DD) as a day, if it reads as one."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def story_vector(terms: dict[str, float], document_frequency: Mapping[str, int], total: int) -> tuple[dict[str, float], list[str]]:
    """An article's unit vector (terms weighted by rarity among ``total`` unlabeled
    articles) and its heaviest terms that another article shares (its index keys).

    One function for the full grouping and the folder state's incremental one,
    so both weigh an article alike.
    """
    cap = max(50, total // 20)
    vector = {}
    for term, count in terms.items():
        df = document_frequency[term]
        if df <= cap:
            vector[term] = (1 + math.log(count)) * math.log(1 + max(total, MIN_RARITY_BASE) / df)
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    shared = [t for t in vector if document_frequency[t] > 1]
    return {t: w / norm for t, w in vector.items()}, sorted(shared, key=lambda t: (-vector[t], t))[:INDEX_TERMS]


class _Stories:
    """Centroids (sums of unit vectors), their squared norms, members, date
    ranges, and an inverted index term -> stories (entries are never removed;
    a stale one only costs a score)."""

    def __init__(self) -> None:
        self.centroids: list[dict[str, float]] = []
        self.norms2: list[float] = []
        self.members: list[set[str]] = []
        self.spans: list[tuple[int, int] | None] = []  # first and last dated day (ordinals)
        self.index: dict[str, set[int]] = defaultdict(set)

    @classmethod
    def loaded(
        cls,
        centroids: dict[int, dict[str, float]],
        norms2: dict[int, float],
        members: dict[int, set[str]],
        spans: dict[int, tuple[int, int] | None],
        index: dict[str, set[int]],
    ) -> "_Stories":
        """Some stories of a stored grouping under their stored numbers (the folder
        state's): enough to place one article with ``join``."""
        stories = cls()
        stories.centroids, stories.norms2, stories.members, stories.spans = centroids, norms2, members, spans  # type: ignore[assignment]
        stories.index.update(index)
        return stories

    def join(self, vector: dict[str, float], keys: list[str], day: date | None) -> int:
        """The story an article added or changed since the full grouping joins, or -1
        for a story of its own: the most similar story in time, if that passes
        ``MIN_SIMILARITY`` (where the refining pass would move an article that
        started a story of its own). Other articles stay where they are."""
        best, score = self.best(vector, keys, day)
        return best if best >= 0 and score >= MIN_SIMILARITY else -1

    def new(self) -> int:
        self.centroids.append({})
        self.norms2.append(0.0)
        self.members.append(set())
        self.spans.append(None)
        return len(self.centroids) - 1

    def add(self, story: int, path: str, vector: dict[str, float], day: date | None, sign: float = 1.0) -> None:
        centroid = self.centroids[story]
        norm2 = self.norms2[story]
        for term, weight in vector.items():
            old = centroid.get(term, 0.0)
            new = old + sign * weight
            norm2 += new * new - old * old
            if abs(new) < 1e-12:
                centroid.pop(term, None)
            else:
                centroid[term] = new
                if old == 0.0:
                    self.index[term].add(story)
        self.norms2[story] = max(norm2, 0.0)
        if sign > 0:
            self.members[story].add(path)
            if day is not None:
                span = self.spans[story]
                ordinal = day.toordinal()
                self.spans[story] = (ordinal, ordinal) if span is None else (min(span[0], ordinal), max(span[1], ordinal))
        else:  # the span stays: a little wider than its members, never narrower
            self.members[story].discard(path)

    def similarity(self, story: int, vector: dict[str, float]) -> float:
        norm2 = self.norms2[story]
        if norm2 <= 0.0:
            return 0.0
        centroid = self.centroids[story]
        return sum(w * centroid[t] for t, w in vector.items() if t in centroid) / math.sqrt(norm2)

    def in_time(self, story: int, day: date | None) -> bool:
        span = self.spans[story]
        if day is None or span is None:
            return True
        return span[0] - MAX_GAP_DAYS <= day.toordinal() <= span[1] + MAX_GAP_DAYS

    def best(self, vector: dict[str, float], keys: list[str], day: date | None, skip: int = -1) -> tuple[int, float]:
        """The most similar story in time among those sharing the article's heaviest terms."""
        shared: Counter[int] = Counter()
        for term in keys:
            postings = self.index.get(term, ())
            if len(postings) <= MAX_POSTINGS:
                shared.update(postings)
        shared.pop(skip, None)
        best, best_score = -1, 0.0
        for story, _ in heapq.nsmallest(CANDIDATE_STORIES, shared.items(), key=lambda item: (-item[1], item[0])):
            if not self.members[story] or not self.in_time(story, day):
                continue
            score = self.similarity(story, vector)
            if score > best_score:
                best, best_score = story, score
        return best, best_score


def group_stories(corpus: Corpus, terms: dict[str, dict[str, float]]) -> dict[str, str]:
    """Story id for every article: front matter first, then content groups."""
    stories: dict[str, str] = {}
    unlabeled = []
    for path in sorted(corpus.articles):
        label = corpus.articles[path].story
        if label:
            stories[path] = f"story:{label}"
        else:
            unlabeled.append(path)
    if not unlabeled:
        return stories

    document_frequency: Counter[str] = Counter()
    for path in unlabeled:
        document_frequency.update(terms.get(path, {}).keys())
    total = len(unlabeled)
    ordered = sorted(unlabeled, key=corpus.order)
    vectors: dict[str, dict[str, float]] = {}
    keys: dict[str, list[str]] = {}  # heaviest terms that another article shares
    days = {path: article_day(corpus.articles[path].date) for path in ordered}
    for path in ordered:
        vectors[path], keys[path] = story_vector(terms.get(path, {}), document_frequency, total)

    groups = _Stories()
    story_of: dict[str, int] = {}
    for path in ordered:
        best, score = groups.best(vectors[path], keys[path], days[path])
        if best < 0 or score < JOIN_SIMILARITY:
            best = groups.new()
        groups.add(best, path, vectors[path], days[path])
        story_of[path] = best

    for _ in range(REFINE_PASSES):
        moved = False
        for path in ordered:
            own = story_of[path]
            vector, day = vectors[path], days[path]
            groups.add(own, path, vector, day, sign=-1.0)
            stay = groups.similarity(own, vector) if groups.members[own] else 0.0
            best, score = groups.best(vector, keys[path], day, skip=own)
            if best >= 0 and score > stay and score >= MIN_SIMILARITY:
                story_of[path] = best
                moved = True
            groups.add(story_of[path], path, vector, day)
        if not moved:
            break

    first: dict[int, str] = {}
    for path in ordered:
        first.setdefault(story_of[path], path)
    for path in ordered:
        stories[path] = f"auto:{first[story_of[path]]}"
    return stories
