"""factlint.places, where the mutation campaign found code no test could reach: the verb
forms built when the module is imported (``_VERBS``, the words a place name never starts
with). A test through the kind sees the list built before any change, so each inflection
rule is held here by calling ``_verb_forms`` itself."""

from __future__ import annotations

import pytest

from factlint.places import _VERBS, _verb_forms


@pytest.mark.parametrize(("lemma", "forms"), [
    ("agree", {"agree", "agrees", "agreed", "agreing"}),  # ends in e: +s, +d, e dropped before -ing
    ("deny", {"deny", "denies", "denied", "denying"}),  # consonant + y: ies, ied, ying
    ("say", {"say", "says", "sayed", "saying"}),  # vowel + y: regular
    ("dismiss", {"dismiss", "dismisses", "dismissed", "dismissing"}),  # s: +es
    ("push", {"push", "pushes", "pushed", "pushing"}),  # sh
    ("reach", {"reach", "reaches", "reached", "reaching"}),  # ch
    ("fix", {"fix", "fixes", "fixed", "fixing"}),  # x
    ("buzz", {"buzz", "buzzes", "buzzed", "buzzing"}),  # z
    ("plan", {"plan", "plans", "planned", "planning", "planed", "planing"}),  # one vowel, then b d g m n p r t: doubled
    ("stop", {"stop", "stops", "stopped", "stopping", "stoped", "stoping"}),
    ("rob", {"rob", "robs", "robbed", "robbing", "robed", "robing"}),
    ("warn", {"warn", "warns", "warned", "warning"}),  # two consonants at the end: not doubled
    ("hail", {"hail", "hails", "hailed", "hailing"}),  # two vowels: not doubled
    ("visit", {"visit", "visits", "visited", "visiting"}),  # more than one vowel group: not doubled
    ("blow", {"blow", "blows", "blowed", "blowing"}),  # w is not doubled
])
def test_each_inflection_rule(lemma, forms):
    assert _verb_forms(lemma) == forms


def test_the_verb_list_holds_the_lexicons_forms_longest_first():
    assert {"warned", "denies", "planned", "said"} <= set(_VERBS)
    assert [len(v) for v in _VERBS] == sorted((len(v) for v in _VERBS), reverse=True)
    assert len(_VERBS) == len(set(_VERBS))


# --- a title-case line: capitalised neighbours there are no person's name -------------------

from factlint.places import _is_headline_line  # noqa: E402


def headline(text: str, line: int = 0) -> bool:
    """Whether line number ``line`` of text reads as a headline (asked at its second character)."""
    start = sum(len(l) + 1 for l in text.split("\n")[:line])
    return _is_headline_line(text, start + 1, {})


@pytest.mark.parametrize(("text", "line", "expected"), [
    ("Ukraine Allies Agree Security Pledges", 0, True),
    ("Ukraine Allies Agree Security Pledges\nBody text follows here.", 0, True),  # the line alone is read
    ("Body of the story.\n\nUkraine Allies Agree Security Pledges", 2, True),  # after a blank line
    ("Body of the story.\nUkraine Allies Agree Security Pledges", 1, False),  # a wrapped line of a body
    ("  \nUkraine Allies Agree Security Pledges", 1, True),  # only blanks before it
    ("Ukraine Allies Agree Security Pledges.", 0, False),  # a sentence
    ("Ukraine Allies Agree Security Pledges.  ", 0, False),
    ("Ukraine Talks", 0, True),  # two long words
    ("Kyiv War", 0, False),  # one word over three letters
    ("Allies Agree Security pledges", 0, True),  # three of four long words capitalised: 75%
    ("Allies Agree security pledges", 0, False),  # two of four
    (" ".join(["Allies"] * 20), 0, True),  # twenty words
    (" ".join(["Allies"] * 21), 0, False),  # twenty-one
    ("WASHINGTON, March 6 - Treasury Secretary James Baker", 0, False),  # a dateline opens a body
])
def test_a_headline_line_is_alone_title_case_and_short(text, line, expected):
    assert headline(text, line) is expected


def test_a_headline_answer_is_kept_per_line():
    cache: dict[int, bool] = {}
    text = "Body of the story.\n\nUkraine Allies Agree Security Pledges\n"
    assert _is_headline_line(text, 22, cache) is True and cache == {20: True}
    assert _is_headline_line(text, 25, cache) is True  # the same line, from the cache
    cache[20] = False
    assert _is_headline_line(text, 22, cache) is False  # the cache answers for the line
    assert _is_headline_line("Body of the story.", 3, cache) is False and cache[0] is False
