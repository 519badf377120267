"""factlint.places where the mutation campaign found what no test held: each decision the
recogniser makes, on sentences of the shape news copy has. Grouped by what is decided: the
verb forms built at import (``_VERBS``, the words a place name never starts with; a test
through the kind sees the list built before any change, so each inflection rule is held by
calling ``_verb_forms`` itself), headline lines, possessive tokens and the first token's
gazetteer key, datelines, unlisted towns and qualifiers, regions, person and organisation
names, contexts, and the reranking of candidates."""

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
    ("try", {"try", "tries", "tried", "trying"}),  # three letters: the letter before y is read from the end
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


# --- possessive tokens and the first token's gazetteer key -----------------------------------

from itertools import islice  # noqa: E402

from factlint import gazetteer as gz  # noqa: E402
from factlint.places import (_capital_before, _dateline_starts, _split_possessive, find_dateline,  # noqa: E402
                             find_places)


def one(text: str):
    found = find_places(text)
    assert len(found) == 1, found
    return found[0]


def read(text: str) -> list[tuple[str, str, str]]:
    """(surface, context, cue) of each mention."""
    return [(m.surface, m.context, m.cue) for m in find_places(text)]


@pytest.mark.parametrize(("token", "split"), [
    ("Russia's", ("Russia", True)),
    ("Russia’s", ("Russia", True)),  # a curly apostrophe
    ("Philippines'", ("Philippines", True)),  # a plural's apostrophe: possessive
    ("TEXAS'", ("TEXAS", True)),
    ("Kyiv'", ("Kyiv", False)),  # a closing quote, not a possessive
    ("Kyiv’", ("Kyiv", False)),
    ("U's", ("U", True)),  # "Mrauk U's": the last word of a name may be one letter
    ("Paris", ("Paris", False)),
])
def test_a_possessive_is_split_off_the_token(token, split):
    assert _split_possessive(token) == split


def test_possessives_in_running_text():
    assert read("The Philippines' president flew home.") == [("Philippines", "possessive", "'s")]
    assert read("TEXAS' FLOODS KILL 20") == [("TEXAS", "possessive", "'s")]  # a headline in capitals
    assert read("In Texas' capital, lawmakers met.") == [("Texas", "locative", "in")]
    assert read("In Texas’ capital, lawmakers met.") == [("Texas", "locative", "in")]
    assert read("Tensions rose over Kyiv' claims.") == [("Kyiv", "mention", "")]  # a stray quote
    m = one("Fighting flared in Mrauk U's old quarter.")
    assert (m.surface, m.context, m.place.country) == ("Mrauk U", "locative", "MM")


def test_short_capitals_are_acronyms_not_towns():
    # NICE, the health regulator, is not Nice; four capitals spell an organisation
    assert find_places("Officials at NICE said the drug was too costly.") == []
    assert find_places("The ICO fined the firm.") == []
    # five capitals are a name written in capitals
    assert read("The deal was signed in PARIS on Monday.") == [("PARIS", "locative", "in")]
    assert read("Talks resumed in CAIRO on Monday.") == [("CAIRO", "locative", "in")]
    # acronyms the gazetteer lists, and the first words of longer names, stay
    assert read("Talks in the UK and the EU stalled.") == [("UK", "locative", "in"), ("EU", "locative", "in")]
    m = one("Crowds gathered in NEW YORK on Sunday.")
    assert m.surface == "NEW YORK" and m.place.admin1 == "NY"


# --- datelines ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "starts"), [
    ("PARIS (AP) — Leaders met.", [0]),
    ("PARIS (AP) — Leaders met.\n", [0]),  # the end of the text is no line
    ("\nPARIS (AP) — Leaders met.", [1]),  # after an empty first line
    ("Headline\nPARIS (AP) — Leaders met.\nSecond line.", [0, 9, 35]),  # the first three lines
    ("  PARIS (AP) — Leaders met.", [0]),  # an indented line
    ("Headline\nby Jane Doe\nPARIS (AP) — x", [0, 21]),  # a lower-case line is no dateline
    # past the third line only a line after a blank one
    ("Headline\nBy Jane Doe\nText starts here.\nPARIS (AP) — Not a dateline.", [0, 9, 21]),
    ("A\nB\nC\nD\nE\n\nF\nG\n\n  H", [0, 2, 4, 11, 16]),
    ("a\nb\nc\n\nd\n\nE", [10]),
    ("A\nB\n\nC", [0, 2, 5]),  # the third line blank: the fourth may open with one
])
def test_where_a_dateline_may_stand(text, starts):
    assert list(islice(_dateline_starts(text), 20)) == starts  # bounded: a change that loops fails, not hangs


def test_datelines_past_the_first_lines():
    story = "Headline\n\nSome body text.\nMore body.\nMore.\n\nBERLIN — The talks ended."
    assert [(m.name, m.context) for m in find_places(story)] == [("BERLIN", "dateline")]
    story = "Headline\nBy Jane Doe\nText starts here.\nPARIS (AP) — Not a dateline."
    assert [(m.name, m.context) for m in find_places(story)] == [("PARIS", "mention")]
    assert find_places("Headline\nPARIS (AP) — Leaders met.\nSecond line.")[0].context == "dateline"
    assert find_places("\nPARIS (AP) — Leaders met.")[0].context == "dateline"


def test_a_dateline_after_a_headline_a_standfirst_and_a_blank_line():
    # the blank line is the third line: the dateline opens the fourth
    story = "Ukraine Allies Agree Security Pledges\nLeaders meet again next month\n\nPARIS (AP) — Leaders met."
    assert [(m.name, m.context) for m in find_places(story)] == [("Ukraine", "mention"), ("PARIS", "dateline")]
    assert list(_dateline_starts(story)) == [0, 38, story.index("PARIS")]


@pytest.mark.parametrize(("text", "surface", "cue"), [
    ("PARIS (AP) — Leaders met.", "PARIS", "(AP)"),
    ("SALVADOR, Feb 26 - Showers continued.", "SALVADOR", "Feb 26"),
    ("WASHINGTON, March 3 (Reuters) - The Fed said.", "WASHINGTON", "(Reuters)"),  # the agency before the date
    ("BERLIN — The talks ended.", "BERLIN", "—"),
    ("Kyiv (Reuters) - Drones struck.", "Kyiv", "(Reuters)"),  # any case, with an agency alone
    ("Kyiv, Jan 5 - Drones struck.", "Kyiv", "Jan 5"),  # or a date alone
])
def test_the_dateline_cue(text, surface, cue):
    m = find_dateline(text)
    assert (m.surface, m.context, m.cue) == (surface, "dateline", cue)


def test_a_dateline_read_within_a_paragraph():
    text = "Headline\n\nPARIS (AP) — Talks ended."
    assert find_dateline(text, 10).surface == "PARIS"
    assert find_dateline(text, 10, 20) is None  # the paragraph ends before the dash
    assert find_dateline(text) is None  # the text opens with its headline


@pytest.mark.parametrize(("text", "surface", "name", "admin1"), [
    ("BRONX, N.Y. (AP) — A fire broke out.", "BRONX, N.Y.", "The Bronx", "NY"),
    ("DeRidder, La. (AP) — A fire broke out.", "DeRidder, La.", "DeRidder", "LA"),  # unlisted, as written
    ("HULIAIPOLE, Ukraine (Reuters) - Shells fell.", "HULIAIPOLE, Ukraine", "Huliaipole", ""),  # unlisted, in a country
])
def test_dateline_towns_and_their_qualifiers(text, surface, name, admin1):
    m = find_dateline(text)
    assert (m.surface, m.place.name, m.place.admin1) == (surface, name, admin1)
    assert m.place.country == m.qualifier.country and gz.contains(m.qualifier, m.place)


def test_a_slug_with_a_comma_is_no_dateline():
    assert find_dateline("FACTBOX, Markets (Reuters) - Oil prices rose.") is None
