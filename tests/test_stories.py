"""Story grouping: front matter first, then content, kept apart by time."""

from __future__ import annotations

from factlint.document import parse_document
from factlint.kinds.base import ArticleInfo, Corpus
from factlint.stories import MAX_GAP_DAYS, group_stories, story_terms

BANSTEAD = [
    "A fire destroyed the Waitrose store in Banstead on Friday. Surrey Police said Banstead High Street was closed "
    "and Crimestoppers appealed for witnesses. Surrey Fire and Rescue sent crews to Banstead.",
    "Residents of Banstead returned home after the Waitrose fire. Surrey Police and Crimestoppers want CCTV from "
    "Banstead High Street. The Banstead store will be rebuilt, Waitrose said.",
    "Crimestoppers offered a reward after the Banstead Waitrose blaze. Surrey Police said the Banstead fire was "
    "suspicious and Surrey Fire and Rescue stayed overnight.",
]
WELLINGTON = [
    "A fire damaged the Waitrose supermarket in Wellington on Sunday. Devon and Somerset Fire and Rescue said "
    "Robert Pitman was arrested. Taunton Deane council closed Wellington High Street.",
    "Robert Pitman appeared before Taunton magistrates over the Waitrose fire in Wellington. Somerset police said "
    "Pitman, of Wellington, was charged with arson.",
    "Crews from Tiverton and Cullompton helped Devon and Somerset Fire and Rescue in Wellington. Pitman will appear "
    "at Taunton Crown Court, and the Wellington Waitrose stays shut.",
]


def group(texts: dict[str, str], dates: dict[str, str] | None = None, labels: dict[str, str] | None = None):
    dates, labels = dates or {}, labels or {}
    infos = {path: ArticleInfo(path, dates.get(path), labels.get(path), "") for path in texts}
    terms = {path: story_terms(parse_document(path, text.encode())) for path, text in texts.items()}
    stories = group_stories(Corpus(infos), terms)
    together: dict[str, set[str]] = {}
    for path, story in stories.items():
        together.setdefault(story, set()).add(path)
    return sorted(sorted(paths) for paths in together.values())


def test_front_matter_decides():
    texts = {"a.md": BANSTEAD[0], "b.md": WELLINGTON[0], "c.md": BANSTEAD[1]}
    assert group(texts, labels={"a.md": "fires", "b.md": "fires"}) == [["a.md", "b.md"], ["c.md"]]


def test_two_events_of_one_kind_stay_apart():
    texts = {f"b{i}.md": text for i, text in enumerate(BANSTEAD)} | {f"w{i}.md": text for i, text in enumerate(WELLINGTON)}
    assert group(texts) == [["b0.md", "b1.md", "b2.md"], ["w0.md", "w1.md", "w2.md"]]


def test_a_story_covered_again_months_later_is_another_story():
    texts = {f"b{i}.md": text for i, text in enumerate(BANSTEAD)}
    dates = {"b0.md": "2013-07-05", "b1.md": "2013-07-06", "b2.md": "2013-09-30"}
    assert group(texts, dates) == [["b0.md", "b1.md"], ["b2.md"]]
    dates["b2.md"] = f"2013-07-{6 + MAX_GAP_DAYS:02d}"
    assert group(texts, dates) == [["b0.md", "b1.md", "b2.md"]]


def test_a_folder_of_one_story_is_not_split_by_each_outlets_own_names(monkeypatch):
    """Three reports of one fire, each with names of its own: in a folder of
    three, every shared name is common, so rarity is weighed as in a folder
    of MIN_RARITY_BASE articles (without that base the third report is split off)."""
    import factlint.stories as stories

    texts = {
        "a.txt": "A fire badly damaged the Waitrose supermarket in Wellington, Somerset. Crews from Tiverton and "
                 "Cullompton were called. Devon and Somerset Fire and Rescue said Robert Pitman was charged.",
        "b.txt": "Robert Pitman was charged with arson at the Waitrose store in Wellington. Taunton magistrates heard "
                 "the case. Judge Alison Price remanded him.",
        "c.txt": "Shoppers said the Waitrose fire in Wellington shocked the town. Mayor Janet Lloyd praised Exeter and "
                 "Bristol crews. Councillor Mark Hughes said Somerset would recover.",
    }
    assert group(texts) == [["a.txt", "b.txt", "c.txt"]]
    monkeypatch.setattr(stories, "MIN_RARITY_BASE", 0)
    assert group(texts) == [["a.txt", "b.txt"], ["c.txt"]]
