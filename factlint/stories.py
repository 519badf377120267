"""Which articles report the same story.

Front matter ``story:`` decides when present. Otherwise articles are grouped
by content: each article's salient terms (names and places, capitalized words
that are not sentence openers) are weighted by rarity across the folder, and
articles are taken in date order: each joins the story whose centroid is most
similar (cosine) if that passes a threshold, else starts a story. Candidate
stories come from an inverted index and terms shared by too many articles are
skipped, so the work stays linear. Pairwise linking was tried and chains
unrelated stories together.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import regex

from factlint.document import Document
from factlint.kinds.base import Corpus

_CAPITALIZED = regex.compile(r"(?<![\p{L}\p{N}'’.-])(\p{Lu}[\p{L}’'-]{2,})")
_COMMON = frozenset(
    """the this that these those there their they then than when where what which while with
    however also after before since during according president minister prime secretary chief
    officials official government said says monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december
    mr mrs ms dr but and for from his her its our new last first one two three reuters associated
    press inc corp ltd co company year years week today yesterday""".split()
)
_POSSESSIVE = regex.compile(r"['’]s?$")
TERMS_PER_ARTICLE = 40
MIN_SIMILARITY = 0.2
CANDIDATE_STORIES = 20  # only the stories sharing the most terms are scored


def story_terms(doc: Document) -> dict[str, float]:
    """An article's salient terms with their counts (capitalized, not openers)."""
    counts: Counter[str] = Counter()
    for start, end, _ in doc.sentences(("paragraph", "blockquote")):
        for match in _CAPITALIZED.finditer(doc.text, start, end):
            if match.start() == start:
                continue
            term = _POSSESSIVE.sub("", match.group(1).lower())
            if term not in _COMMON and len(term) > 2:
                counts[term] += 1
    return dict(counts.most_common(TERMS_PER_ARTICLE))


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
    cap = max(50, total // 20)
    centroids: list[dict[str, float]] = []
    squared_norms: list[float] = []
    members: list[str] = []  # first article of each cluster, its id
    index: dict[str, list[int]] = defaultdict(list)
    for path in sorted(unlabeled, key=corpus.order):
        vector = {}
        for term, count in terms.get(path, {}).items():
            df = document_frequency[term]
            if df <= cap:
                vector[term] = (1 + math.log(count)) * math.log(1 + total / df)
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        shared: Counter[int] = Counter(c for term in vector for c in index.get(term, ()))
        best, best_score = -1, 0.0
        for cluster, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATE_STORIES]:
            centroid = centroids[cluster]
            dot = sum(w * centroid[t] for t, w in vector.items() if t in centroid)
            score = dot / (norm * math.sqrt(squared_norms[cluster]))
            if score > best_score:
                best, best_score = cluster, score
        if best >= 0 and best_score >= MIN_SIMILARITY:
            centroid = centroids[best]
            for term, weight in vector.items():
                old = centroid.get(term)
                if old is None:
                    index[term].append(best)
                    old = 0.0
                centroid[term] = old + weight
                squared_norms[best] += 2 * old * weight + weight * weight
        else:
            best = len(centroids)
            centroids.append(dict(vector))
            squared_norms.append(norm * norm)
            members.append(path)
            for term in vector:
                index[term].append(best)
        stories[path] = f"auto:{members[best]}"
    return stories
