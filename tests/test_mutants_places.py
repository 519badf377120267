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
