"""A generated newsroom folder: thousands of dated articles on hundreds of stories.

Made so every cross-article check has something real to find in it: each
story is told by several articles over three days, some of which state the
toll differently (or report it risen on the third day), place the event in
another city, misspell the official's name, use "US"
where the others write "U.S.", reuse an earlier article's paragraph or repeat
a whole earlier article. Half the stories carry a ``story:`` label in their
front matter, the other half are grouped by content. Filler paragraphs come
from the seeds. The same folder on every machine (a seeded generator).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

CITIES = [
    "Lisbon", "Porto", "Valencia", "Seville", "Lyon", "Marseille", "Munich", "Hamburg", "Cologne", "Milan",
    "Naples", "Turin", "Krakow", "Gdansk", "Brno", "Graz", "Ghent", "Utrecht", "Aarhus", "Bergen",
]
FIRST = ["Anna", "Marek", "Lucia", "Pieter", "Ingrid", "Tomas", "Elena", "Jonas", "Sofia", "Henrik"]
LAST = [
    "Kowalczyk", "Albrechtsen", "Marchetti", "Vandermeer", "Oyelaran", "Castellano", "Lindqvist", "Hrabovsky",
    "Delacroix", "Szymanski", "Fitzgerald", "Rautenberg", "Okonkwo", "Papadakis", "Weatherby", "Galbraith",
]
EVENTS = [
    ("earthquake", "An earthquake in {city} on Monday killed {dead} people, {title} {name} said."),
    ("fire", "A warehouse fire in {city} on Monday killed {dead} people, {title} {name} said."),
    ("flood", "Floods swept through {city} on Monday, killing {dead} people, {title} {name} said."),
]


def _misspelt(name: str) -> str:
    """One letter doubled: the kind of slip a copy editor catches."""
    return name[:-1] + name[-1] * 2


def _filler(chooser: random.Random, paragraphs: list[str]) -> list[str]:
    return chooser.sample(paragraphs, chooser.randint(1, 3))


def write_newsroom(folder: Path, stories: int = 300, per_story: int = 10, seed: int = 9) -> int:
    """Write ``stories * per_story`` articles into folder; returns how many."""
    chooser = random.Random(seed)
    paragraphs = [
        block.strip()
        for path in sorted(SEEDS.iterdir())
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if len(block.split()) >= 12 and not block.startswith(("#", "---"))
    ]
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    start = date(2025, 1, 6)
    for story in range(stories):
        kind, lead = EVENTS[story % len(EVENTS)]
        city = CITIES[story % len(CITIES)]
        other_city = CITIES[(story + 7) % len(CITIES)]
        name = f"{FIRST[story % len(FIRST)]} {LAST[(story * 7) % len(LAST)]}"
        surname = name.split()[1]
        day = start + timedelta(days=30 * story)
        dead = 4 + story % 40
        label = f"story-{story:04d}" if story % 2 == 1 else None
        written: list[str] = []
        for n in range(per_story):
            facts = {"city": city, "dead": dead, "title": "Mayor", "name": name}
            if n == per_story - 1 and story % 3 == 0:
                facts["dead"] = dead + 9  # one article's toll disagrees
            if n == per_story - 2 and story % 4 == 1:
                facts["city"] = other_city  # one article places the event elsewhere
            if n % 3 == 2 and story % 10 == 7:
                facts["dead"] = dead + 2  # the toll rose by the third day
            body = [lead.format(**facts)]
            spelt = _misspelt(surname) if n == 3 and story % 5 == 2 else surname
            body.append(f"{spelt} told reporters that rescue teams from the region were still searching the area.")
            body.append("The U.S. embassy offered help." if not (n == 4 and story % 6 == 5) else "The US embassy offered help.")
            body += _filler(chooser, paragraphs)
            if written and n % 4 == 3:
                body.append(chooser.choice(written))  # a paragraph reused from an earlier article of the story
            written.extend(body[3:])
            front = [f"date: {day + timedelta(days=n % 3)}"] + ([f"story: {label}"] if label else [])
            text = "---\n" + "\n".join(front) + "\n---\n" + "\n\n".join(body) + "\n"
            if n == per_story - 1 and story % 7 == 3:
                text = previous  # a whole article filed twice
            previous = text
            (folder / f"{story:04d}-{n:02d}.md").write_text(text, encoding="utf-8")
            count += 1
    return count
