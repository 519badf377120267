"""The attribution kind's shortcuts change nothing it reads.

A plain ASCII article has its lexicon patterns run by the standard re module
over its lowered text, and a sentence with no document word skips reading
"in", "under" ... as document cues. Each test reads the same texts with and
without a shortcut and expects the same analysis, offsets and all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.document import parse_document
from factlint.kinds.attribution import Analyzer, load_lexicon

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SENTENCES = [
    "Officials SAID the deal was close, According To the agreement signed in Paris.",
    "The plan is widely seen as a snub. It is believed that talks will resume, critics say.",
    "The move was Widely Regarded as crucial by analysts at Moody's, who have since said so.",
    "A senior official, who spoke on condition of anonymity, said 12 people were killed.",
    "People familiar with the matter said two million dollars were paid under the contract.",
    "Some would argue the deal came too late. Studies show that sanctions rarely work.",
    "In its report, the ministry put the toll at 1,200; under the agreement 800,000 troops stay.",
    "The official, who asked not to be named, told reporters: \"The talks have stalled for good.\"",
    "It's said to be final. Sources close to the talks, in a statement released today, denied it.",
    "Experts estimated about 5% of voters, or roughly 300 people, were not authorized to vote.",
]


def _read(text: str, ascii_shortcut: bool, document_gate: bool, additions: dict | None = None) -> list:
    doc = parse_document("a.md", text.encode("utf-8"))
    analyzer = Analyzer(load_lexicon(additions), doc)
    if not ascii_shortcut:
        analyzer.ascii_lower = None
    if not document_gate:
        analyzer._lowered = None
    analysis = analyzer.run()
    return [
        (s.start, s.end, s.cues, s.anonymous, s.weasel, s.figures) for s in analysis.sentences
    ] + list(analysis.quotes)


def _texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    plain = [s.translate(str.maketrans("“”‘’—–", "\"\"''--")) for s in seeds]
    return [*plain, "\n\n".join(SENTENCES), "\n\n".join(s.upper() for s in SENTENCES)]


@pytest.mark.parametrize("index", range(len(_texts())))
def test_ascii_text_reads_the_same_through_the_re_module(index):
    text = _texts()[index]
    assert text.isascii()
    assert _read(text, True, True) == _read(text, False, True)


@pytest.mark.parametrize("index", range(len(_texts())))
def test_the_document_word_gate_drops_no_cue(index):
    text = _texts()[index]
    assert _read(text, True, True) == _read(text, True, False)


def test_a_newsroom_regex_runs_with_the_regex_module():
    """An added anonymity regex may use regex-only syntax or capitals: it is never run lowered."""
    additions = {"anonymity_phrases": [r"\p{Lu}{3,}\s+insiders"]}
    lexicon = load_lexicon(additions)
    assert not lexicon.anonymity.ascii_lowered and load_lexicon().anonymity.ascii_lowered
    text = "NATO insiders said the plan was dead."
    assert any(s[3] is not None for s in _read(text, True, True, additions))
