"""factlint.places where the mutation campaign found what no test held: each decision the
recogniser makes, on sentences of the shape news copy has. Grouped by what is decided: the
verb forms built at import (``_VERBS``, the words a place name never starts with; a test
through the kind sees the list built before any change, so each inflection rule is held by
calling ``_verb_forms`` itself), headline lines, possessive tokens and the first token's
gazetteer key, datelines, unlisted towns and qualifiers, regions, person and organisation
names, contexts, and the reranking of candidates."""

from __future__ import annotations

import random
from itertools import islice

import pytest

from factlint import gazetteer as gz
from factlint.places import (_VERBS, _capital_before, _dateline_starts, _is_headline_line, _split_possessive,
                             _verb_forms, find_dateline, find_places)


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


def one(text: str):
    found = find_places(text)
    assert len(found) == 1, found
    return found[0]


def read(text: str) -> list[tuple[str, str, str]]:
    """(surface, context, cue) of each mention."""
    return [(m.surface, m.context, m.cue) for m in find_places(text)]


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


# --- possessive tokens and the first token's gazetteer key -----------------------------------

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


# --- towns the gazetteer lacks, and qualifiers after a comma -------------------------------------

def test_an_unlisted_town_is_placed_by_its_state():
    m = one("She was convicted in Wasilla, Alaska, last year.")
    alaska = gz.lookup("Alaska")[0]
    assert (m.start, m.end, m.surface, m.name, m.context, m.cue) == (21, 36, "Wasilla, Alaska", "Wasilla", "locative", "in")
    assert m.qualifier == alaska and m.ambiguous is False
    assert m.places == (gz.unlisted_town("Wasilla", alaska),) and gz.contains(alaska, m.place)


@pytest.mark.parametrize(("text", "context", "cue"), [
    ("He flew to Wasilla, Alaska, on Monday.", "directional", "to"),
    ("He flew in from Wasilla, Alaska.", "directional", "from"),
    ("A storm hit near Wasilla, Alaska, on Monday.", "locative", "near"),
    ("A fire broke out in Wasilla, Alaska Friday night.", "locative", "in"),  # a day may follow the state
])
def test_an_unlisted_towns_preposition_gives_its_context(text, context, cue):
    m = one(text)
    assert (m.surface, m.context, m.cue, m.place.admin1) == ("Wasilla, Alaska", context, cue, "AK")


def test_an_unlisted_town_in_a_country():
    m = one("Shelling hit homes in Huliaipole, Ukraine, on Sunday.")
    assert (m.surface, m.place.name, m.place.country, m.qualifier.name) == ("Huliaipole, Ukraine", "Huliaipole", "UA", "Ukraine")


@pytest.mark.parametrize("text", [
    "A storm near Wasilla, Alaska Airlines said.",  # the state starts a company's name
    "Deputies in Smith County, Texas, said.",  # a county is no town
    "Starting in May, Texas will require IDs.",  # nor a month
])
def test_what_is_no_unlisted_town(text):
    assert [m.surface for m in find_places(text)] in ([], ["Texas"])


def test_a_listed_small_town_in_a_state_that_does_not_hold_it():
    # no Marion of the gazetteer is in Montana or Washington: the text places a town of that name there
    m = find_places("He was born in Marion, Montana, and grew up in Boise.")
    assert [(x.surface, x.context) for x in m] == [("Marion, Montana", "locative"), ("Boise", "locative")]
    assert m[0].place == gz.unlisted_town("Marion", gz.lookup("Montana")[0]) and m[0].qualifier.name == "Montana"
    assert one("He was born in Marion, Montana").surface == "Marion, Montana"  # the state ends the text
    m = one("She was born in Marion, Washington, in 1970.")  # Washington the city first, the state next
    assert (m.surface, m.place.admin1, m.qualifier.type) == ("Marion, Washington", "WA", "state")
    m = find_places("He was born in Marion, Mont., and grew up in Boise.")
    assert [(x.surface, x.place.admin1) for x in m] == [("Marion, Mont.", "MT"), ("Boise", "ID")]
    # a state later in the sentence qualifies nothing
    assert read("He grew up in Marion, then moved to Montana.") == [("Marion", "locative", "in"), ("Montana", "directional", "to")]


def test_an_abbreviated_state_consumes_no_later_place():
    found = find_places("He grew up in Paris, Tex., and moved to Dallas.")
    assert [(m.surface, m.place.admin1) for m in found] == [("Paris, Tex.", "TX"), ("Dallas", "TX")]


# --- regions: "Kostroma region", "Kherson Oblast" ------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Fighting raged in the Kherson Oblast.", "Kherson Oblast", "Kherson Oblast"),
    ("Fighting raged in the Kherson oblast.", "Kherson oblast", "Kherson Oblast"),
    ("Troops massed in the Krasnodar Krai.", "Krasnodar Krai", "Krasnodar Krai"),
    ("Troops massed in the Krasnodar kray.", "Krasnodar kray", "Krasnodar Krai"),  # both spellings are one region
    ("Drones struck in the Kursk region.", "Kursk region", "Kursk region"),
    ("Drones struck in the Kursk regions.", "Kursk regions", "Kursk region"),
    ("Drones struck in the Kursk Region.", "Kursk Region", "Kursk region"),
    ("Floods hit the Djibouti region.", "Djibouti region", "Djibouti region"),  # a country's capital of one name
])
def test_a_city_and_a_region_word_name_the_citys_region(text, surface, name):
    m = next(m for m in find_places(text) if m.place.type == "region")
    assert (m.surface, m.place.name) == (surface, name)
    assert gz.contains(m.place, next(p for p in gz.lookup(m.name) if p.type == "city"))  # the region holds its city


def test_a_region_or_state_with_a_region_word_stays_itself():
    m = one("Shelling continued in the Donbas region.")
    assert (m.surface, m.place.name, m.place.type) == ("Donbas region", "Donbas", "region")
    m = one("Fires burned in the Quebec province.")
    assert m.surface == "Quebec province"
    assert [p.type for p in m.places] == ["region", "state"]  # the city's division, and the province as listed


def test_a_word_after_a_region_is_not_part_of_its_name():
    m = one("In the Kherson region Russian forces shelled villages.")
    assert (m.surface, m.context, m.place.type) == ("Kherson region", "locative", "region")


# --- person, venue and organisation names ---------------------------------------------------------

def test_a_big_citys_name_on_a_venue_is_still_the_city():
    assert read("They met at a Paris hotel.") == [("Paris", "locative", "at")]


def test_a_title_makes_a_surname_everywhere():
    assert read("He met Sen. Warren in Washington.") == [("Washington", "locative", "in")]
    text = "Gov. Palin spoke in Juneau. The attack was directed at Palin."
    assert read(text) == [("Juneau", "locative", "in")]


def test_an_initial_makes_a_surname_before_it_is_read():
    assert find_places("Crowds gathered at Preston. Later, Jeffrey C. Preston spoke.") == []
    assert read("Jeffrey C. Preston spoke in Preston.") == [("Preston", "locative", "in")]  # "in" is strong enough


@pytest.mark.parametrize("text", [
    "Sarah Palin spoke. The attack was directed at Palin.",
    "Sarah Palin spoke. Crowds gathered around Palin.",
    "Sarah Palin spoke. Ships sailed off Palin.",
])
def test_a_surname_after_a_weak_locative_is_the_person(text):
    assert find_places(text) == []


# --- how much context a name needs -------------------------------------------------------------

def test_an_ambiguous_name_needs_a_strong_context():
    assert read("They gathered at Nice for talks.") == [("Nice", "locative", "at")]  # "at" is weak only after a surname
    assert read("A Reading-based firm won the contract.") == [("Reading", "based", "-based")]


@pytest.mark.parametrize("text", [
    "Banstead voters backed the plan.",  # a bare mention
    "Banstead's council met.",  # a possessive
    "Banstead said it would appeal.",  # a town's council as its government
])
def test_a_small_town_needs_more_than_a_bare_mention(text):
    assert find_places(text) == []


def test_a_small_town_with_its_county_is_enough():
    m = one("Banstead, Surrey, voters backed the plan.")
    assert (m.surface, m.context, m.qualifier.name) == ("Banstead, Surrey", "qualifier", "Surrey")


# --- contexts ----------------------------------------------------------------------------------

def test_based_in_is_the_cue():
    assert read("A company based in Berlin won.") == [("Berlin", "based", "based in")]
    assert read("A bank headquartered in Frankfurt won.") == [("Frankfurt", "based", "headquartered in")]
    assert read("A firm based in Moscow's suburbs won.") == [("Moscow", "based", "based in")]  # not a possessive


def test_coordinated_places_share_the_first_ones_context():
    assert read("Flights from Lagos and Abuja were cancelled.") == [("Lagos", "directional", "from"),
                                                                    ("Abuja", "directional", "from")]
    assert read("Talks were held in Paris or Berlin.") == [("Paris", "locative", "in"), ("Berlin", "locative", "in")]
    # a comma that opens a new clause coordinates nothing
    assert read("After years in Europe, Kyiv became his home.") == [("Europe", "locative", "in"), ("Kyiv", "mention", "")]


def test_a_bare_verb_after_a_place_is_its_government_only_with_an_auxiliary_or_two_subjects():
    assert read("Moscow will respond.") == [("Moscow", "metonymy", "respond")]
    assert [m.context for m in find_places("Moscow and Kyiv agree on little.")][0] == "metonymy"
    assert read("Russian attacks on Ukraine continue.") == [("Ukraine", "mention", "")]


@pytest.mark.parametrize(("text", "pos", "capital"), [
    ("Sarah Palin", 6, True),
    ("Sarah  Palin", 7, True),
    ("Sarah\tPalin", 6, True),
    ("A Paris court", 2, True),  # a one-letter word
    ("the Palin", 4, False),
    ("Palin", 0, False),  # nothing before
    ("Mr.Palin", 3, False),  # no space: no word before
    ("Gov. Palin", 5, True),  # an abbreviation's dot
    ("said Gov. Palin", 10, True),
    ("W. Bush", 3, True),  # an initial
    ("Anglo-Paris", 6, True),  # a hyphen right before the name
    ("the Anglo-Paris", 10, True),
    ("anglo-Paris", 6, False),
    ("X- Paris", 3, False),  # a hyphen, then a space: no compound
])
def test_whether_the_word_before_starts_with_a_capital(text, pos, capital):
    assert _capital_before(text, pos) is capital


@pytest.mark.parametrize("text", [
    "Crowds marched on the Bank\nof Paris.",  # "of" opens a hard-wrapped line
    "Crowds marched on the Bank\tof Paris.",
    "Students at the University of the Philippines protested.",
])
def test_an_organisation_of_a_place_is_no_place(text):
    assert find_places(text) == []


def test_people_of_a_place_are_not_an_organisation():
    assert read("Citizens of Paris voted.") == [("Paris", "mention", "")]


# --- a possessive place that qualifies the next one ------------------------------------------------

def test_a_possessive_country_qualifies_the_next_place():
    m = one("In Ukraine's Kherson Oblast, shelling went on.")
    assert (m.surface, m.name, m.context, m.cue, m.qualifier.name) == ("Ukraine's Kherson Oblast", "Kherson", "locative", "in", "Ukraine")
    assert (m.place.name, m.place.type, m.place.country) == ("Kherson Oblast", "region", "UA")
    assert read("Drones hit Russia's Kursk and Belgorod.") == [("Russia's Kursk", "qualifier", ""), ("Belgorod", "mention", "")]
    assert read("Troops in Ukraine's Kyiv's suburbs.") == [("Ukraine's Kyiv", "locative", "in")]  # the inner possessive too
    # a capitalised word after the inner name makes it a longer name the outer place does not qualify
    assert read("California's Imperial Valley is dry.") == [("California", "possessive", "'s")]


# --- hyphenated compounds -----------------------------------------------------------------------

def test_hyphenated_compounds():
    assert read("A Frankfurt-headquartered bank failed.") == [("Frankfurt", "based", "-headquartered")]
    assert read("Migrants crossed the US-Mexico border.") == [("US", "mention", ""), ("Mexico", "mention", "")]
    assert read("Crowds in Dallas cheered Dallas-Boston flights.") == [
        ("Dallas", "locative", "in"), ("Dallas", "mention", ""), ("Boston", "mention", "")]
    # the tail of a compound whose head is no place is no place either
    assert find_places("Fans cheered Anglo-Boston ties.") == []
    assert find_places("Anglo-US ties deepened.") == []


# --- names over several tokens -------------------------------------------------------------------

def test_a_long_name_and_the_places_after_it():
    assert read("Flights from Rio de Janeiro to Lima resumed.") == [
        ("Rio de Janeiro", "directional", "from"), ("Lima", "directional", "to")]
    assert read("Flights from New York (JFK) to Boston resumed.") == [
        ("New York", "directional", "from"), ("Boston", "directional", "to")]


@pytest.mark.parametrize("text", ["Troops in Cote d'Ivoire rested.", "Troops in Côte d’Ivoire rested."])
def test_a_lower_case_word_with_an_apostrophe_ends_a_name(text):
    m = one(text)
    assert (m.surface, m.place.country, m.context) == (text[10:23], "CI", "locative")


def test_a_place_with_a_continent_after_a_comma_is_an_apposition():
    # "France, Europe's biggest producer": Europe does not qualify France, nor Paris
    assert read("Farmers in France, Europe's biggest producer, protested.") == [
        ("France", "locative", "in"), ("Europe", "possessive", "'s")]
    assert read("Tourists in Paris, Europe's most visited city, queued.") == [
        ("Paris", "locative", "in"), ("Europe", "possessive", "'s")]


def test_the_tail_of_a_lower_case_compound_is_no_place():
    assert find_places("The pro-Moscow rebels advanced.") == []
    assert find_places("Thousands joined anti-Washington protests.") == []


# --- a capitalised word glued after a name ---------------------------------------------------------

def test_a_state_glued_after_a_town_qualifies_it():
    m = one("He grew up in Paris Texas, a small town.")
    assert (m.surface, m.context, m.place.admin1, m.qualifier.name) == ("Paris Texas", "locative", "TX", "Texas")


def test_a_headline_over_a_body_keeps_its_places():
    assert read("Ukraine Allies Agree Security Pledges\n\nThe talks ended.") == [("Ukraine", "mention", "")]


def test_a_body_lines_answer_is_kept_too():
    cache: dict[int, bool] = {}
    text = "Body of the story.\nUkraine Allies Agree Security Pledges"
    assert _is_headline_line(text, 20, cache) is False and cache == {19: False}
    assert _is_headline_line(text, 25, cache) is False


@pytest.mark.parametrize(("text", "expected"), [
    ("Gaza Talks", True),  # four letters make a long word
    ("Ukraine Allies Agree Security Pledges\nBody text follows here.\nMore of it.", True),  # its own line only
])
def test_more_headline_lines(text, expected):
    assert headline(text) is expected


# --- the candidate the rest of the text supports -----------------------------------------------

def test_a_country_in_the_text_pulls_no_candidate():
    found = find_places("Talks were held in Georgia, officials in the United States said.")
    assert [p.type for p in found[0].places] == ["country", "state"]


def test_a_state_among_its_countrys_states():
    found = find_places("Tornadoes hit homes in Georgia and Alabama.")
    assert [p.type for p in found[0].places] == ["state", "country"]  # the country is still a candidate


def test_a_town_of_comparable_size_moves_up():
    found = find_places("Students in Cambridge protested, officials in England said.")
    assert (found[0].place.country, found[0].place.admin1) == ("GB", "ENG")


def test_a_possessive_region_can_speak_for_its_government():
    assert read("Russia's Kursk region said it shot down drones.") == [("Russia's Kursk region", "metonymy", "said")]


# --- reading a whole text ------------------------------------------------------------------------

def test_sentences_from_a_body_are_read_without_datelines():
    text = "PARIS (AP) — Leaders met in Berlin."
    assert read(text) == [("PARIS", "dateline", "(AP)"), ("Berlin", "locative", "in")]
    assert [(m.surface, m.context) for m in find_places(text, datelines=False)] == [("PARIS", "mention"), ("Berlin", "locative")]


def test_the_place_after_a_glued_qualifier_is_read():
    assert read("He grew up in Paris Texas and moved to Boston.") == [
        ("Paris Texas", "locative", "in"), ("Boston", "directional", "to")]


def test_a_hyphenated_compound_is_no_surname_before_it_is_read():
    # "Anglo-Boston" makes Boston a name's tail there, not a surname for the whole text
    assert read("Crowds gathered at Boston. Later, Anglo-Boston ties grew.") == [("Boston", "locative", "at")]


def test_a_first_name_of_three_letters_makes_a_surname():
    assert find_places("Crowds gathered at Preston. Later, Tom Preston spoke.") == []


def test_a_big_place_before_a_name_is_no_first_name():
    # "Tokyo Narita": the airport's city, not a person called Narita
    assert read("Flights landed at Tokyo Narita.") == [("Narita", "mention", "")]


def test_a_list_of_small_towns_is_no_town_and_qualifier():
    assert read("Rallies were held in Marion, Banstead, and Juneau.") == [
        ("Marion", "locative", "in"), ("Banstead", "locative", "in"), ("Juneau", "locative", "in")]


# ---- the reading of one hit: _read and its steps (m-places2) ----
# Each step of _read decides one thing about a raw gazetteer hit: whether a possessive place
# qualifies the next ("Russia's Kostroma region"), whether a state after a comma places a town the
# gazetteer lacks ("in Wasilla, Alaska"), hyphenated compounds, region words and comma qualifiers,
# a capitalised word glued after the name, a person's or organisation's name around it, the
# context and its cue, and how much context the name needs. Each test reads find_places on a
# sentence of the shape news copy has; a few call a step directly where that is the unit.

import signal  # noqa: E402
from contextlib import contextmanager  # noqa: E402

from factlint import gazetteer as gz  # noqa: E402
from factlint.places import _read, _scan, _State, find_places  # noqa: E402


@contextmanager
def reading_ends(seconds: float = 10.0):
    """Fail, instead of hanging, when reading does not end (a hit read again and again)."""
    def stop(*_):
        raise TimeoutError("find_places did not end")
    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def places(text: str):
    with reading_ends():
        return find_places(text)


def seen(text: str) -> list[tuple[str, str, str]]:
    """(surface, context, cue) of every mention found in text."""
    return [(m.surface, m.context, m.cue) for m in places(text)]


def named(text: str, name: str):
    """The one mention of ``name`` in text (its core name as written)."""
    found = [m for m in places(text) if m.name == name]
    assert len(found) == 1, places(text)
    return found[0]


# --- how much context a name needs (_context_enough) -----------------------------------------

def test_a_city_of_exactly_100000_is_no_small_town():
    # Jaffa is listed at 100,000 people: BARE_MIN_POPULATION is the first size kept bare
    assert seen("Tensions over Jaffa rose.") == [("Jaffa", "mention", "")]


def test_a_small_town_with_a_qualifier_keeps_a_government_verb():
    # "Paris, Texas" (25,000 people) says which town it is: its verb makes it the town's government
    assert seen("Paris, Texas, on Friday, announced a curfew.") == [("Paris, Texas", "metonymy", "announced")]


# --- a person's, a venue's or an organisation's name (_part_of_a_name) ------------------------

def test_a_small_towns_name_on_a_venue_is_the_venue():
    assert [m.name for m in places("Guests arrived at the Capella hotel in Singapore.")] == ["Singapore"]
    # a bigger place before a venue noun is where the venue is; so is a small town without one
    assert seen("Actors performed at the Subotica theatre on Friday.") == [("Subotica", "locative", "at")]
    assert seen("Reporters waited outside the Kyiv hotel where the delegation stayed.") == [("Kyiv", "locative", "outside")]
    assert seen("Fighting intensified in the Bakhmut area overnight.") == [("Bakhmut", "locative", "in")]


def test_a_title_before_the_name_makes_it_a_person_and_a_surname():
    assert seen("The papers were found in Chairman Houston's office.") == []


def test_a_first_name_before_the_name_makes_it_a_surname():
    assert seen("Ed Houston, a local farmer, said the rain came late. Houston said the crop was lost.") == []
    assert seen("The crowd rose in Christian Houston's honour.") == []
    # a word ending in a full stop is no first name: "Jr." ends a sentence here
    assert seen("The award went to Martin Luther King Jr. Atlanta's mayor said.") == [("Atlanta", "possessive", "'s")]


def test_capitalised_words_before_a_name_in_a_headline_are_no_first_name():
    text = "Blasts In Russian Belgorod Kill Two\n\nTwo people died in the city on Friday."
    assert seen(text) == [("Belgorod", "locative", "in")]


# --- hyphenated compounds (_read_hyphen) ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Bank-Houston merger closed.",  # the tail of a compound name
    "The e-Estonia programme grew.",  # a one-letter first part
    "e-Estonia offers digital residency.",  # ... at the very start of the text
])
def test_a_name_after_a_hyphen_and_a_word_that_is_no_place_is_no_place(text):
    assert seen(text) == []


def test_lowercase_compounds_are_no_place():
    assert seen("Drones targeted Russia's Moscow-area airports and a depot in Tula.") == [("Tula", "locative", "in")]


# --- a possessive place that qualifies the next (_read_possessive_qualifier) -------------------

def test_a_possessive_countrys_region_is_a_region_of_that_country():
    m = named("Drones hit Russia's Kostroma region overnight.", "Kostroma")
    assert (m.surface, m.place.name, m.place.type, m.qualifier.name) == (
        "Russia's Kostroma region", "Kostroma region", "region", "Russia")
    m = named("Russia's Kostroma Region was hit.", "Kostroma")  # capitalised, still the region word
    assert (m.surface, m.place.type) == ("Russia's Kostroma Region", "region")
    # what follows the region word is read for the context
    assert seen("Russia's Belgorod region said it had shot down drones.") == [("Russia's Belgorod region", "metonymy", "said")]


def test_a_possessive_after_the_qualified_name_stays_a_possessive():
    m = named("Russia's Kostroma's governor said the fire was out.", "Kostroma")
    assert (m.surface, m.context, m.cue, m.qualifier.name) == ("Russia's Kostroma", "possessive", "'s", "Russia")


def test_a_possessive_does_not_qualify_across_a_paragraph():
    found = places("Drones hit an arsenal in Russia's\n\nKostroma region officials said.")
    assert [(m.surface, m.qualifier) for m in found] == [("Russia", None), ("Kostroma region", None)]


# --- a town the gazetteer lacks, placed by the state or country after it (_unlisted_town_before) -

def test_a_listed_place_before_a_country_is_not_read_again_as_a_town():
    assert seen("Exports from Peru to Brazil, Argentina and Chile rose.") == [
        ("Peru", "directional", "from"), ("Brazil", "directional", "to"),
        ("Argentina", "directional", "to"), ("Chile", "directional", "to")]


def test_a_possessive_country_places_no_town_before_it():
    # Bürgenstock (Switzerland, not listed) is not a town in Ukraine
    assert seen("Speaking at Bürgenstock, Ukraine's president thanked the delegations.") == [("Ukraine", "possessive", "'s")]


# --- a state or country after a comma (_qualify) -------------------------------------------------

def test_a_list_of_states_is_no_qualifier():
    assert seen("Storms battered Texas, Florida, Alabama and Georgia.")[:3] == [
        ("Texas", "mention", ""), ("Florida", "mention", ""), ("Alabama", "mention", "")]


def test_a_state_name_in_a_list_of_cities_keeps_the_towns_default():
    # Rome, New York exists, but "Rome, New York and London" is a list of three cities
    m = named("Officials in Rome, New York and London said.", "Rome")
    assert (m.surface, m.place.country, m.qualifier) == ("Rome", "IT", None)


@pytest.mark.parametrize("text", [
    "Versailles, Kentucky and Ohio voted.",  # a list: no punctuation after the state
    "Uvalde, a small town, is in Texas.",  # the state is not right after the comma
    "Subotica, Kentucky, is small.",  # Subotica has 100,000 people: not a small town to move
    "Russian troops shelled Kupiansk, Kharkiv, and Izium.",  # no US state after the comma
])
def test_no_unlisted_town_without_a_us_state_right_after_a_small_towns_comma(text):
    assert not any(p.id.startswith("town:") for m in places(text) for p in m.places)


def test_an_abbreviation_no_state_or_place_qualifies_leaves_the_name():
    assert seen("He moved to Paris, Ont., in 1990.") == [("Paris", "directional", "to")]


# --- a capitalised word glued after the name (_read_glued_word) ---------------------------------

def test_a_state_glued_after_a_city_without_a_comma_qualifies_it():
    m = named("Protests spread in Paris Texas on Friday.", "Paris")
    assert (m.surface, m.context, m.qualifier.name, m.place.admin1) == ("Paris Texas", "locative", "Texas", "TX")
    # the words after the qualifier are the ones read for the context
    assert seen("Paris Texas said it would appeal.") == [("Paris Texas", "metonymy", "said")]


def test_after_a_qualifier_a_capitalised_word_is_a_new_clause():
    assert seen("In Paris, Texas Republicans won every seat.") == [("Paris, Texas", "locative", "in")]


def test_a_capitalised_word_after_a_name_in_a_headline_is_no_longer_name():
    text = "Paris Summit Ends Without Deal\n\nLeaders met on Friday and left."
    assert seen(text) == [("Paris", "mention", "")]


# --- the windows read around a name (_read, _Reading.move_tail) -----------------------------------

def test_the_context_before_a_name_is_read_90_characters_back():
    cue = "in the embattled, besieged, war-torn, remote, rural eastern frontline border port city of "
    assert len(cue) == 90
    assert seen("Shelling went on " + cue + "Kharkiv.") == [("Kharkiv", "locative", "in")]
    cue = cue.replace("rural eastern", "rural, eastern")  # one character more: "in" is out of reach
    assert seen("Shelling went on " + cue + "Kharkiv.") == [("Kharkiv", "mention", "")]


def test_the_verb_after_a_name_is_read_within_90_characters():
    post = ", in a statement issued on Tuesday by its foreign ministry, has since also repeatedly said"
    assert len(post) == 90
    assert seen("Moscow" + post + " it would respond.") == [("Moscow", "metonymy", "said")]
    post = post.replace("Tuesday", "Thursday")  # the verb's last letter is out of reach
    assert seen("Moscow" + post + " it would respond.") == [("Moscow", "mention", "")]


# --- found by the mutants of _qualify: an abbreviation after a comma that starts a phrase -----------

@pytest.mark.parametrize(("text", "name", "country"), [
    ("In Moscow, US diplomats met Russian officials.", "Moscow", "RU"),  # not Moscow, Idaho
    ("In Paris, U.S. officials said talks would resume.", "Paris", "FR"),  # not Paris, Texas
    ("In Athens, US Secretary of State Antony Blinken met Greek leaders.", "Athens", "GR"),
    ("In Paris, CO2 emissions fell last year.", "Paris", "FR"),  # not a town in Colorado
    ("In Moscow, US and Russian diplomats met.", "Moscow", "RU"),  # capitals: an adjective before "and"
])
def test_an_abbreviation_that_starts_a_phrase_is_no_qualifier(text, name, country):
    m = named(text, name)
    assert (m.surface, m.qualifier, m.place.country) == (name, None, country)


def test_a_country_after_a_comma_that_starts_a_clause_is_its_subject():
    assert seen("In Kyiv, Ukraine said the talks had failed.") == [("Kyiv", "locative", "in"), ("Ukraine", "metonymy", "said")]


@pytest.mark.parametrize(("text", "surface", "state"), [
    ("In Birmingham, UK, police said the roads were closed.", "Birmingham, UK", None),  # a country, then punctuation
    ("He lives in Paris, Tex. He likes it.", "Paris, Tex.", "TX"),  # a dotted state may end the sentence
    ("Storms hit Paris, TX, on Sunday.", "Paris, TX", "TX"),
    ("He is held in Florence, Colo., which is remote.", "Florence, Colo.", "CO"),
    ("He visited Lyon, France and Berlin, Germany.", "Lyon, France", None),  # a country's full name in a list
    ("Leaders met in Paris, France, on Friday.", "Paris, France", None),
    ("He was born in Lyon, France.", "Lyon, France", None),  # a full stop ends it
])
def test_an_abbreviation_that_ends_the_expression_qualifies(text, surface, state):
    m = places(text)[0]
    assert m.surface == surface and m.qualifier is not None and (state is None or m.place.admin1 == state)


# --- found by the mutants of _qualify: a US town named after a country -------------------------------

@pytest.mark.parametrize(("text", "surface", "state"), [
    ("He grew up in Lebanon, Pa., and moved away.", "Lebanon, Pa.", "PA"),  # listed: Lebanon, Pennsylvania
    ("He grew up in Mexico, Mo., and moved away.", "Mexico, Mo.", "MO"),  # not listed: placed by the state
])
def test_a_us_town_named_after_a_country_is_placed_by_its_state(text, surface, state):
    m = places(text)[0]
    assert (m.surface, m.place.type, m.place.country, m.place.admin1) == (surface, "city", "US", state)


def test_a_list_of_countries_is_no_qualifier():
    assert [(m.surface, m.place.type) for m in places("Exports to Lebanon, Syria, Iraq and Egypt rose.")] == [
        ("Lebanon", "country"), ("Syria", "country"), ("Iraq", "country"), ("Egypt", "country")]
    m = named("Officials from Kyiv, US, and EU missions met in Geneva.", "Kyiv")
    assert (m.surface, m.place.country) == ("Kyiv", "UA")


# --- the reading index: a hit read as a qualifier is not read again ---------------------------------

def reading_state(text: str) -> tuple[_State, list]:
    hits = list(_scan(text, gz.data()))
    return _State(text, gz.data(), hits), hits


def test_a_qualifier_hit_after_a_comma_is_consumed():
    st, hits = reading_state("Leaders met in Berlin and in Paris, Texas, on Friday.")
    assert [h.key for h in hits] == ["berlin", "paris", "texas"]
    st.i = 2  # find_places has moved past Paris, the hit being read
    assert _read(st, hits[1]).surface == "Paris, Texas" and st.i == 3


def test_a_possessive_hit_that_qualifies_the_next_consumes_it():
    st, hits = reading_state("Drones hit Berlin and Russia's Kostroma overnight.")
    assert [h.key for h in hits] == ["berlin", "russia", "kostroma"]
    st.i = 2
    assert _read(st, hits[1]).surface == "Russia's Kostroma" and st.i == 3


# --- found by the mutants of _part_of_a_name: two places joined by a hyphen, "Bank\u00a0of America" ---

def test_a_small_place_before_a_hyphen_is_no_first_name():
    text = "Traffic returned to the Bucha-Kyiv highway on Friday. Kyiv said repairs were done."
    assert seen(text) == [("Bucha", "directional", "to"), ("Kyiv", "mention", ""), ("Kyiv", "metonymy", "said")]
    text = "Bucha-Kyiv Road Reopens\n\nTraffic returned on Friday."  # in a headline too
    assert [m.name for m in places(text)] == ["Kyiv"]


def test_x_of_place_names_an_organisation_after_a_no_break_space():
    assert seen("Shares of the Bank\u00a0of America fell.") == []


# issue 20 (per-byte cost, session 10): a paragraph's dateline is read only when its first line holds a dash and a space
_DATELINE_OPENINGS = [
    "PARIS (AP) — ", "KYIV, Ukraine — ", "SALVADOR, Feb 26 - ", "WASILLA, Alaska (AP) — ", "NEW YORK, March 5 -- ",
    "LONDON – ", "Paris (Reuters) - ", "BEIRUT, Lebanon (AP)— ", "TOKYO -", "TOKYO\n- ", "MEXICO CITY, Nov. 3 -\n",
    "Officials said on Tuesday - ", "The talks ended.", "Mr Smith Went To Washington, D.C. - ", "",
]


def test_a_datelines_dash_look_answers_as_the_pattern_alone(monkeypatch):
    """The look for a dash and a space on a paragraph's first line never changes what _dateline_at finds: on
    datelines of every shape (cut by the paragraph's end, a line break before the dash, none at all), the answer
    with the look equals the pattern's alone (an empty dash always found), and real datelines are still found."""
    import factlint.places as places_module

    rng = random.Random(20)
    texts = [opening + rest for opening in _DATELINE_OPENINGS
             for rest in ("Leaders met on Tuesday.", "Leaders met - and left.\n\nLONDON - More.", "")]
    texts += ["".join(rng.choice(_DATELINE_OPENINGS) for _ in range(3)) for _ in range(60)]
    cases = [(text, pos, end) for text in texts for pos in range(0, len(text), 5)
             for end in (None, len(text), pos + 12, text.find("\n", pos) if "\n" in text[pos:] else None)]
    with_look = [places_module._dateline_at(text, pos, end) for text, pos, end in cases]
    monkeypatch.setattr(places_module, "_DATELINE_DASHES", ("",))
    plain = [places_module._dateline_at(text, pos, end) for text, pos, end in cases]
    assert with_look == plain
    assert sum(found is not None for found in plain) > 50
