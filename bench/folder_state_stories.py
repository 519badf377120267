"""How far the folder state's incremental story placement drifts from a full regrouping.

The hook places an added article in the most similar story (or a story of
its own) and moves no other article; a full run regroups the whole folder.
This takes the Reuters stories in date order, groups all but the last
``--added`` of them and builds the folder state from that grouping, then adds
the last ones one at a time through the state, as successive commits would.
It then groups the whole folder from scratch and compares, for the added
articles, which other articles share their story:

- pairs: the (added article, other article) pairs in one story, incremental
  against full: precision and recall;
- same story: added articles whose story-mates are exactly the full run's;
- moved: articles already in the folder that the full regrouping puts with
  different story-mates than the grouping they had (the incremental state
  never moves them).

    .venv/bin/python bench/folder_state_stories.py [--added N] [--limit N]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reuters import stories as reuters_stories  # noqa: E402

from factlint.document import parse_document  # noqa: E402
from factlint.engine.folder import _SCHEMA, FolderState  # noqa: E402
from factlint.kinds.base import Corpus  # noqa: E402
from factlint.linter import ArticleResult, article_info  # noqa: E402
from factlint.stories import group_stories, story_terms  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def analysed(limit: int | None, corpus: Path) -> list[ArticleResult]:
    """Each Reuters story's info and story terms (all the grouping reads), in date order."""
    results = []
    for name, date, story in reuters_stories(corpus):
        doc = parse_document(name, f'---\ndate: "{date}"\n---\n{story["body"]}\n'.encode())
        results.append(ArticleResult(name, info=article_info(doc), story_terms=story_terms(doc)))
        if limit and len(results) >= limit:
            break
    order = Corpus({r.path: r.info for r in results})
    return sorted(results, key=lambda r: order.order(r.path))


def mates(stories: dict[str, str]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for path, story in stories.items():
        groups.setdefault(story, set()).add(path)
    return {path: frozenset(groups[story] - {path}) for path, story in stories.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--added", type=int, default=380, help="articles added one at a time (default: 380, 1 in 50)")
    parser.add_argument("--limit", type=int, help="only the first N stories of the corpus")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    started = time.perf_counter()
    results = analysed(args.limit, args.corpus)
    base, added = results[: -args.added], results[-args.added :]
    print(f"{len(results):,} articles read in {time.perf_counter() - started:.0f} s; {len(added)} added one at a time")

    base_stories = group_stories(Corpus({r.path: r.info for r in base}), {r.path: r.story_terms for r in base})
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.executescript(_SCHEMA)
    state = FolderState(db, b"k" * 32, [])
    state.stories = True  # no rules: only the grouping
    db.execute("BEGIN")
    state._fill([r.path for r in base], {}, {r.path: ("", r) for r in base}, base_stories)
    db.execute("COMMIT")
    started = time.perf_counter()
    for result in added:
        db.execute("BEGIN IMMEDIATE")  # as a hook's run updates it: one transaction
        state.update([], {result.path: ("", result)}, {})
        db.execute("COMMIT")
    per_article = (time.perf_counter() - started) / len(added)
    incremental = {
        path: f"auto:{story}" for path, story in db.execute("SELECT path, story FROM articles") if story is not None
    }
    full = group_stories(Corpus({r.path: r.info for r in results}), {r.path: r.story_terms for r in results})

    incremental_mates, full_mates = mates(incremental), mates(full)
    new = [r.path for r in added]
    pairs_incremental = {(a, b) for a in new for b in incremental_mates[a]}
    pairs_full = {(a, b) for a in new for b in full_mates[a]}
    shared = len(pairs_incremental & pairs_full)
    precision = shared / len(pairs_incremental) if pairs_incremental else 1.0
    recall = shared / len(pairs_full) if pairs_full else 1.0
    same = sum(incremental_mates[a] == full_mates[a] for a in new)
    base_mates = mates(base_stories)
    moved = sum((full_mates[p] - set(new)) != base_mates[p] for p in base_mates)
    print(f"placing one article in the state: {1000 * per_article:.1f} ms")
    print(f"added articles with exactly the full run's story-mates: {same} of {len(new)}")
    print(f"story-mate pairs of added articles, incremental against full: precision {precision:.3f}, recall {recall:.3f} "
          f"({len(pairs_incremental)} against {len(pairs_full)} pairs)")
    print(f"articles already in the folder that the full regrouping gives other story-mates: {moved} of {len(base_mates)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
