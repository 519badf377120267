"""Simple front matter is read without the YAML parser, exactly as YAML reads it."""

from __future__ import annotations

import random

from factlint.document import _plain, _simple_front_matter, parse_document
from factlint.errors import FactlintError
from factlint.yamlio import load_yaml

KEYS = ["date", "title", "story", "_k", "a1", "1a", "da te", "yes", "Yes", "on", "OFF", "null", "True", "y", "nan"]
VALUES = [
    '"1987-02-26T15:01:01"', "'single'", '"a: b # c"', "2025-11-20", "2025-02-30", "2025-13-01", '"with \\" escape"',
    '"tab\there"', "'it''s'", '""', "''", '"ünïcödé ✓"', '"\u200bzero width"', "plain", "yes", "1987-2-26", '"unclosed',
    "2025-11-20T10:00:00", '"\x7f"', "[1, 2]",
]


def _yaml(text: str):
    try:
        data = load_yaml(text + ("\n" if text else ""), "a.md", line_offset=1)
    except FactlintError as err:
        return ("error", err.message)
    return _plain(data) if data is not None else {}


def test_the_shortcut_agrees_with_yaml_wherever_it_answers():
    rnd = random.Random(7)
    answered = 0
    for _ in range(5000):
        lines = [
            rnd.choice(KEYS) + ":" + rnd.choice([" ", "  ", "", "\t"]) + rnd.choice(VALUES) + rnd.choice(["", "", " ", "\r"])
            for _ in range(rnd.randint(0, 4))
        ]
        text = "\n".join(lines)
        fast = _simple_front_matter(text)
        if fast is not None:
            answered += 1
            assert fast == _yaml(text), text
    assert answered > 500  # the common forms do take the shortcut


def test_front_matter_reaches_the_document_either_way():
    doc = parse_document("a.md", b'---\ndate: 2025-11-20\ntitle: "Talks: day two"\n---\nBody.\n')
    assert doc.front_matter == {"date": "2025-11-20", "title": "Talks: day two"}
    doc = parse_document("b.md", b"---\ndate: 2025-11-20\ntags: [a, b]\n---\nBody.\n")  # YAML reads this one
    assert doc.front_matter == {"date": "2025-11-20", "tags": ["a", "b"]}
