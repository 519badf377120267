"""How well story grouping recovers ECB+'s sub-topics.

Each ``ecbplus-dev/<N_ecb|N_ecbplus>`` folder is one real event; siblings
``N_ecb``/``N_ecbplus`` are two events of the same type. The grouping sees
every article without front matter and is scored pairwise: precision (two
articles put together are from one folder), recall (two articles of one
folder are put together), and how many sibling pairs got merged.

    .venv/bin/python bench/stories.py ../shared/corpora/ecbplus-dev
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from factlint.document import Settings, parse_document
from factlint.kinds.base import ArticleInfo, Corpus
from factlint.stories import group_stories, story_terms


def main(root: str) -> None:
    paths = sorted(Path(root).glob("*/*.txt"))
    terms, infos, label = {}, {}, {}
    started = time.perf_counter()
    for path in paths:
        doc = parse_document(str(path), path.read_bytes(), Settings())
        terms[str(path)] = story_terms(doc)
        infos[str(path)] = ArticleInfo(str(path), None, None, "")
        label[str(path)] = path.parent.name
    extracted = time.perf_counter() - started
    stories = group_stories(Corpus(infos), terms)
    grouped = time.perf_counter() - started - extracted
    together = same = both = 0
    for a, b in combinations(sorted(stories), 2):
        t, s = stories[a] == stories[b], label[a] == label[b]
        together += t
        same += s
        both += t and s
    members = defaultdict(Counter)
    for path, story in stories.items():
        members[story][label[path]] += 1
    merged_siblings = set()
    for counts in members.values():
        topics = defaultdict(list)
        for folder in counts:
            topics[folder.split("_")[0]].append(folder)
        merged_siblings |= {t for t, fs in topics.items() if len(fs) > 1}
    mixed = sum(1 for counts in members.values() if len(counts) > 1)
    print(f"{len(paths)} articles, {len(set(label.values()))} folders -> {len(members)} stories "
          f"({mixed} mixing folders)")
    print(f"pairwise precision {both / max(together, 1):.3f}, recall {both / max(same, 1):.3f}")
    print(f"sibling topics merged somewhere: {len(merged_siblings)} of {len({l.split('_')[0] for l in label.values()})}"
          f" {sorted(merged_siblings, key=int)}")
    print(f"terms {extracted * 1000:.0f} ms, grouping {grouped * 1000:.0f} ms")
    if "-v" in sys.argv:
        for story, counts in sorted(members.items(), key=lambda kv: -sum(kv[1].values())):
            if len(counts) > 1:
                print(" ", dict(counts))


if __name__ == "__main__":
    main(sys.argv[1])
