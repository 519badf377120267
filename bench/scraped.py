"""How much of the page furniture in real scraped copy factlint finds, against a hand-made list.

    .venv/bin/python bench/scraped.py                 # recall on the listed furniture and non-articles
    .venv/bin/python bench/scraped.py --sample 50     # also 50 findings of the scraped-copy rules, at random, to read

The corpus is ``../shared/corpora/multinews-dev`` (real web articles, scraped as
found). The 30 clusters are ``random.Random(16).sample(sorted(cluster names), 30)``,
drawn before any rule was tuned on them. In each of their documents every line
that is unmistakably page furniture was listed by hand below (FURNITURE), by
reading the whole document; lines a careful editor could keep (bylines,
"(Editing by ...)", contributor lines, update notes, pull quotes, author
e-mail) are not listed and not counted either way. NOT_ARTICLES lists every
document of the whole corpus (all 106 clusters) that is not an article.

A listed line is found when a scraped-boilerplate finding starts on it, or
its document got a not-an-article finding. Line numbers are 1-based.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("FACTLINT_SHARED", ROOT.parent / "shared")) / "corpora" / "multinews-dev"
SEED = 16
SCRAPED_RULES = ("scraped-boilerplate", "not-an-article", "mojibake", "quote-marks", "broken-paragraph")

# cluster/doc -> the lines of page furniture in it (the 30 drawn clusters only).
FURNITURE: dict[str, list[int]] = {
    "test-000/doc2.txt": [127],  # Corrections? Tips? ... Sign up here.
    "test-001/doc1.txt": [7, 11, 17, 27, 39, 47],  # (VIDEO: ...), (Also on POLITICO: ...), (PHOTOS: ...), Read more about:
    "test-001/doc3.txt": [5, 21, 23, 25],  # RELATED:, Watch the video below:, > >Follow ..., Have a tip ...?
    "test-002/doc2.txt": [3, 9],  # caption | Name/AP glued to headline and dek, Story Continued Below
    "test-005/doc1.txt": [15, 45],  # infographic credit, Follow ... on Twitter
    "test-005/doc3.txt": [3, 41],  # photo caption above the dateline, For StEP maps, click here
    "test-038/doc1.txt": [5, 11, 17],  # embedded tweets
    "test-047/doc3.txt": [35],  # caption ... REUTERS/Name
    "test-065/doc1.txt": [15],  # Read <another headline>
    "test-065/doc2.txt": [3],  # caption (Name - GETTY IMAGES)
    "test-065/doc3.txt": [17, 19, 21, 23, 29],  # RELATED: and its headlines, Photo: ... Credit: ...
    "test-066/doc5.txt": [15, 21, 23, 29],  # embedded tweets (their signature lines)
    "test-067/doc1.txt": [1, 3, 5, 7, 9],  # video page: transcript buttons, | Share, Copy Link Copy, Advertisement, WEBVTT
    "test-067/doc3.txt": [3, 27],  # caption with photographer credit, Advertisement
    "test-070/doc1.txt": [3, 13, 35, 45],  # captions, embedded Facebook post, embedded tweet
    "test-070/doc2.txt": [17],  # SEE ALSO:
    "test-080/doc1.txt": [7, 11, 15, 19, 21, 23, 25],  # captions, embedded tweets
    "test-080/doc2.txt": [7, 9],  # [bracketed link], caption (Capital Concerts)
    "test-080/doc3.txt": [3, 9, 11, 13, 15, 17, 21, 25, 31, 33, 35, 37, 41, 43, 45, 47, 49],  # caption, link, tweets, gallery, More from ...: list
    "test-080/doc4.txt": [21],  # RELATED:
    "test-085/doc1.txt": [5, 7],  # AP captions
    "test-085/doc2.txt": [1, 15, 17, 19, 21, 29, 37, 49, 61, 77, 93, 111],  # Story highlights, CNN's inline links and video player
    "test-086/doc1.txt": [37],  # JUST WATCHED ... MUST WATCH
    "test-086/doc2.txt": [33, 65],  # caption REUTERS/Name, Slideshow (5 Images)
    "test-086/doc3.txt": [15, 23, 37],  # Image: ...
    "test-088/doc1.txt": [25],  # newsletter sign-up
    "test-088/doc2.txt": [1],  # Photo: Name/Getty Images
    "test-096/doc1.txt": [27],  # Image caption ...
    "test-096/doc3.txt": [1, 3],  # SHARE THIS ARTICLE ..., Photographer: ...
    "test-109/doc2.txt": [13, 15],  # SOCIAL, embedded tweet
    "test-118/doc1.txt": [5],  # Further Reading <headline> glued to a paragraph
    "test-118/doc2.txt": [17],  # A screenshot of ...
    "test-119/doc1.txt": [25, 31, 65, 67, 95, 97, 99, 135, 137, 145, 147],  # video captions, profile cards, HTML5 notice
    "test-119/doc3.txt": [1, 11, 15],  # Photo, Advertisement Continue reading ..., Newsletter Sign Up ...
    "test-119/doc5.txt": [27],  # MORE:
    "test-128/doc1.txt": [1, 13, 17, 19],  # Story highlights, Name/AFP/Getty Images, tweet, Read More
    "test-128/doc2.txt": [5, 9, 11, 15, 19],  # tweets, Have a tip ...?
    "test-128/doc5.txt": [7],  # tweet
    "test-136/doc1.txt": [13],  # Name/Getty Images
    "test-136/doc2.txt": [11, 27],  # <name> Today Show Video, tip her here
    "test-136/doc3.txt": [13, 23],  # Also read:
    "test-169/doc1.txt": [3, 23],  # Image copyright ... Image caption ...
    "test-169/doc3.txt": [45],  # READ ALSO:
    "test-178/doc3.txt": [15, 23, 29, 43, 57],  # captions (Heritage Auctions), (Rex)
    "test-180/doc2.txt": [5, 7, 9],  # AP captions
    "test-180/doc3.txt": [9, 21],  # Related:, Top Reads from ...:
    "test-192/doc1.txt": [13, 21, 27, 31],  # Advertisement, [source link]
    "test-192/doc3.txt": [15, 17],  # press-release contact and open-access boilerplate
    "test-195/doc1.txt": [1],  # Photo
    "test-223/doc2.txt": [5],  # (SCROLL DOWN FOR LIVE UPDATES)
    "test-223/doc3.txt": list(range(5, 34, 2)),  # fifteen AP captions
    "test-223/doc4.txt": [17, 29, 37, 41, 61],  # Advertisement ..., Video, Newsletter Sign Up
}

# Every document of the corpus that is not an article.
NOT_ARTICLES = {
    # tweet pages' location notices and an embed page
    "test-000/doc1.txt", "test-000/doc3.txt", "test-002/doc3.txt", "test-017/doc1.txt", "test-034/doc1.txt",
    "test-038/doc3.txt", "test-062/doc3.txt", "test-066/doc4.txt", "test-080/doc5.txt", "test-080/doc6.txt",
    "test-128/doc4.txt", "test-131/doc1.txt", "test-131/doc2.txt", "test-137/doc2.txt", "test-167/doc4.txt",
    "test-191/doc2.txt", "test-191/doc5.txt", "test-070/doc3.txt",
    # web-archive crawl and collection descriptions, a newspaper archive's landing page
    "test-001/doc2.txt", "test-016/doc2.txt", "test-038/doc2.txt", "test-066/doc1.txt", "test-066/doc3.txt",
    "test-104/doc3.txt", "test-110/doc2.txt", "test-113/doc2.txt", "test-119/doc2.txt", "test-124/doc2.txt",
    "test-148/doc2.txt", "test-163/doc1.txt", "test-163/doc2.txt", "test-195/doc3.txt", "test-213/doc2.txt",
    "test-225/doc3.txt", "test-227/doc4.txt", "test-085/doc3.txt",
    # video pages: YouTube descriptions, a rental notice, a player with its transcript
    "test-048/doc3.txt", "test-104/doc6.txt", "test-137/doc4.txt", "test-164/doc2.txt", "test-165/doc2.txt",
    "test-229/doc1.txt", "test-239/doc4.txt", "test-067/doc1.txt",
    # sign-up and e-mail pages, a reprint notice, a fundraising page, a ratings widget, a site's tagline
    "test-197/doc1.txt", "test-132/doc3.txt", "test-219/doc2.txt", "test-180/doc5.txt", "test-200/doc4.txt",
    "test-069/doc3.txt",
}


def clusters() -> list[str]:
    """The 30 clusters drawn for the furniture list."""
    return sorted(random.Random(SEED).sample(sorted(p.name for p in CORPUS.iterdir() if p.is_dir()), 30))


def run_factlint(rules: tuple[str, ...]) -> list[dict]:
    """factlint's JSON findings of the given rules (those it has) over the whole corpus."""
    listing = subprocess.run([str(ROOT / ".venv" / "bin" / "factlint"), "rules"], capture_output=True, text=True, cwd=ROOT)
    known = {line.split()[0] for line in listing.stdout.splitlines() if line.strip()}
    rules = tuple(r for r in rules if r in known)
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "factlint"), "check", str(CORPUS), "--format", "json",
         "--select", ",".join(rules)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    if done.returncode not in (0, 1):
        sys.exit(done.stderr)
    findings = json.loads(done.stdout)["findings"]
    for finding in findings:
        finding["doc"] = os.path.relpath(finding["path"], CORPUS)
    return findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="print this many findings of the scraped-copy rules, at random")
    parser.add_argument("--misses", action="store_true", help="list the listed lines not found")
    args = parser.parse_args()
    assert {d.split("/")[0] for d in FURNITURE} <= set(clusters()), "a listed document is outside the drawn clusters"
    findings = run_factlint(SCRAPED_RULES)
    pages = {f["doc"] for f in findings if f["rule"] == "not-an-article"}
    lines = {(f["doc"], f["line"]) for f in findings if f["rule"] == "scraped-boilerplate"}
    listed = [(doc, line) for doc, numbers in FURNITURE.items() for line in numbers]
    found = [(doc, line) for doc, line in listed if doc in pages or (doc, line) in lines]
    print(f"clusters: {' '.join(clusters())}")
    print(f"furniture lines found: {len(found)}/{len(listed)} = {len(found) / len(listed):.1%}")
    print(f"non-articles flagged: {len(NOT_ARTICLES & pages)}/{len(NOT_ARTICLES)}; "
          f"not-an-article on an article: {sorted(pages - NOT_ARTICLES)}")
    missed_pages = sorted(NOT_ARTICLES - pages)
    if missed_pages:
        print(f"  non-articles missed: {missed_pages}")
    drawn = set(clusters())
    unlisted = [f for f in findings if f["rule"] == "scraped-boilerplate" and f["doc"].split("/")[0] in drawn
                and (f["doc"], f["line"]) not in set(listed)]
    print(f"scraped-boilerplate findings in the drawn clusters on lines not listed: {len(unlisted)}")
    for f in unlisted:
        print(f"  {f['doc']}:{f['line']}: {f['excerpt'][:110]}")
    if args.misses:
        for doc, line in sorted(set(listed) - set(found)):
            text = (CORPUS / doc).read_text(encoding="utf-8").split("\n")[line - 1]
            print(f"  missed {doc}:{line}: {text[:110]}")
    print("findings by rule:", dict(Counter(f["rule"] for f in findings)))
    if args.sample:
        chosen = random.Random(SEED).sample(findings, min(args.sample, len(findings)))
        for n, f in enumerate(sorted(chosen, key=lambda f: (f["doc"], f["line"])), 1):
            print(f"{n:2}. {f['doc']}:{f['line']} {f['rule']}: {f['message'][:90]}\n      | {f['excerpt'][:150]}")


if __name__ == "__main__":
    main()
