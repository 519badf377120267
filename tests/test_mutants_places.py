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
