"""Quantity extraction and the conflict helper behind the ``figures`` check.

Each case says what a reader takes as a figure, what it counts and what range
its wording allows, and what must never be read as a figure (a false figure
becomes a false conflict later).
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from factlint.quantities import (Quantity, canonical_thing, conflicts, dimension, extract_quantities, qualified_range,
                                  singularize)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def qs(text: str, **kw: bool) -> list[Quantity]:
    found = extract_quantities(text, **kw)
    for q in found:  # offsets always index the text
        assert text[q.start:q.end] == q.text
        if q.thing is not None:
            assert 0 <= q.thing_start < q.thing_end <= len(text)
    return found


def one(text: str, **kw: bool) -> Quantity:
    found = qs(text, **kw)
    assert len(found) == 1, found
    return found[0]


def seed_line(name: str, line: int) -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


# --------------------------------------------------------------------------
# The seed sentences

def test_seed_000_troops() -> None:
    text = seed_line("000", 21)
    q = one(text)
    assert q.text == "approximately 800,000"
    assert q.value == 800_000 and q.qualifier == "about"
    assert q.low < 800_000 < q.high
    assert (q.kind, q.unit, q.thing) == ("count", "count", "troop")  # "well-trained" skipped
    assert text[q.thing_start:q.thing_end] == "troops"


def test_seed_003_countries_and_heads_of_state() -> None:
    text = seed_line("003", 2)
    countries, heads = qs(text)
    assert (countries.text, countries.value, countries.thing) == ("35", 35, "country")
    assert (heads.text, heads.value, heads.thing) == ("27", 27, "head of state")
    assert text[heads.thing_start:heads.thing_end] == "heads of state"
    assert not conflicts(countries, heads)  # different things


def test_seed_004_nearly_four_year_old_invasion_is_an_age() -> None:
    text = seed_line("004", 5)
    assert qs(text) == []
    q = one(text, ages=True)
    assert q.text == "nearly four-year-old"
    assert (q.kind, q.unit, q.value, q.qualifier, q.thing) == ("age", "year", 4, "nearly", "invasion")
    assert q.low < 4 and q.high == 4


def test_seed_000_article_5_and_003_world_war_ii_are_not_figures() -> None:
    assert qs(seed_line("000", 9)) == []  # Article 5 of the NATO charter
    assert qs(seed_line("003", 8)) == []  # since World War II


def test_seeds_hold_no_figure_conflict() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        found = qs(path.read_text(encoding="utf-8"))
        for a, b in itertools.combinations(found, 2):
            assert not conflicts(a, b, 0.0), (path.name, a, b)


def test_seed_003_repeats_its_figures() -> None:
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    assert [(q.value, q.thing) for q in qs(text)] == [(35, "country"), (27, "head of state")] * 2


# --------------------------------------------------------------------------
# Numbers, multipliers and units

@pytest.mark.parametrize(
    ("text", "value", "kind", "unit", "thing"),
    [
        ("It pledged $1.2 billion.", 1.2e9, "money", "USD", None),
        ("It pledged $1.2 billion in aid.", 1.2e9, "money", "USD", "aid"),
        ("a €3bn package", 3e9, "money", "EUR", "package"),
        ("a £5m grant", 5e6, "money", "GBP", "grant"),
        ("It had 1.5 mln dlrs in cash.", 1.5e6, "money", "USD", "cash"),
        ("debts of 2 trillion yen", 2e12, "money", "JPY", None),
        ("a 15.6 mln U.S. dlr program", 15.6e6, "money", "USD", "program"),
        ("1.5 mln Canadian dlrs", 1.5e6, "money", "CAD", None),
        ("Shr 41 cts", 0.41, "money", "USD", None),
        ("a dividend of 18 cts a share", 0.18, "money", "USD/share", None),
        ("US$160 million", 160e6, "money", "USD", None),
        ("five billion marks", 5e9, "money", "DEM", None),
        ("tens of millions of dollars", 2e7, "money", "USD", None),
        ("Growth was 2.5%.", 2.5, "percent", "percent", None),
        ("2.5% of GDP", 2.5, "percent", "percent", "gdp"),
        ("5 per cent of the vote", 5, "percent", "percent", "vote"),
        ("15 percent of eligible voters", 15, "percent", "percent", "eligible voter"),
        ("a 15 pct stake", 15, "percent", "percent", None),
        ("2.5 percentage points", 2.5, "percent", "percentage point", None),
        ("50 basis points", 50, "percent", "basis point", None),
        ("1.5 million people", 1.5e6, "count", "count", "person"),
        ("a million people", 1e6, "count", "count", "person"),
        ("half a million refugees", 5e5, "count", "count", "refugee"),
        ("twenty-seven countries", 27, "count", "count", "country"),
        ("three children", 3, "count", "count", "child"),
        ("one man was killed", 1, "count", "count", "man"),
        ("155,221 bags", 155_221, "count", "count", "bag"),
        ("5.93 mln", 5.93e6, "count", "count", None),
        ("three mln common shares", 3e6, "count", "count", "common share"),
        ("118,350 tonnes of sugar", 118_350, "measure", "tonne", "sugar"),
        ("150 nautical miles", 150, "measure", "nautical mile", None),
        ("a magnitude 6.1 earthquake", 6.1, "magnitude", "magnitude", "magnitude"),
        ("a 6.1-magnitude quake", 6.1, "magnitude", "magnitude", "magnitude"),
        ("for three days", 3, "duration", "day", None),
    ],
)
def test_values_units_and_things(text: str, value: float, kind: str, unit: str, thing: str | None) -> None:
    q = one(text)
    assert q.value == pytest.approx(value)
    assert (q.kind, q.unit, q.thing) == (kind, unit, thing)


def test_word_numbers() -> None:
    assert one("a dozen eggs").value == 12
    assert one("a dozen eggs").qualifier == "about"  # "a dozen" is loose
    assert one("two hundred and fifty soldiers").value == 250
    assert one("two and a half million voters").value == 2.5e6
    assert one("Thirty-five countries").value == 35


def test_vague_numbers_get_wide_ranges() -> None:
    q = one("hundreds of protesters")
    assert (q.qualifier, q.low, q.high, q.thing) == ("vague", 200, 1000, "protester")
    q = one("dozens of people")
    assert (q.qualifier, q.thing) == ("vague", "person") and q.low >= 12 and q.high <= 144
    q = one("tens of thousands of union members")
    assert (q.low, q.high, q.thing) == (20_000, 100_000, "union member")
    q = one("a few hundred thousand bags")
    assert (q.low, q.high, q.thing) == (200_000, 1_000_000, "bag")


def test_reuters_cocoa_review() -> None:
    text = (
        "Arrivals for the week ended February 22 were 155,221 bags\n"
        "of 60 kilos making a cumulative total for the season of 5.93\n"
        "mln against 5.81 at the same stage last year."
    )
    bags, kilos, total, last_year = qs(text)
    assert (bags.value, bags.thing) == (155_221, "bag")
    assert (kilos.kind, kilos.unit) == ("measure", "kg")
    assert total.value == pytest.approx(5.93e6) and total.role == "level"
    assert last_year.value == 5.81 and last_year.role == "previous"  # "against 5.81"


# --------------------------------------------------------------------------
# Qualifiers

@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("about 800,000 troops", "about", 720_000, 880_000),
        ("around 30 people", "about", 27, 33),
        ("roughly 30 people", "about", 27, 33),
        ("some 30 people", "about", 27, 33),
        ("nearly 800,000 troops", "nearly", 720_000, 800_000),
        ("almost 30 people", "nearly", 27, 30),
        ("more than 30 countries", "more than", 30, math.inf),
        ("over 30 countries", "more than", 30, math.inf),
        ("at least 70 people", "at least", 70, math.inf),
        ("30 or more people", "at least", 30, math.inf),
        ("up to 5,000 soldiers", "up to", 0, 5_000),
        ("as many as 40 firefighters", "up to", 0, 40),
        ("fewer than 10 children", "fewer than", 0, 10),
        ("under 10 children", "fewer than", 0, 10),
        ("between 20 and 30 people", "between", 20, 30),
        ("20 to 30 people", "between", 20, 30),
        ("20-30 people", "between", 20, 30),
        ("$140-150 million", "between", 140e6, 150e6),
        ("between $140 million and $150 million", "between", 140e6, 150e6),
        ("30-odd people", "about", 27, 33),
    ],
)
def test_qualifiers_make_ranges(text: str, qualifier: str, low: float, high: float) -> None:
    q = one(text)
    assert q.qualifier == qualifier
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)
    assert q.start == 0  # the qualifier is part of the mention


def test_exact_figures() -> None:
    q = one("35 countries")
    assert q.exact and q.low == q.high == 35 and q.qualifier == ""


# --------------------------------------------------------------------------
# The counted thing

@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("800,000 well-trained troops", "troop"),
        ("800,000 well - trained troops", "troop"),  # tokenized text (ECB+)
        ("30 new cases", "case"),
        ("12 aid workers", "aid worker"),
        ("5 police officers", "police officer"),
        ("two male gang members", "male gang member"),
        ("35 European countries", "european country"),
        ("20 Americans", "american"),
        ("23 Somali pirates", "somali pirate"),
        ("300 rounds of ammunition", "round of ammunition"),
        ("one count of attempted murder", "count of attempted murder"),
        ("40,000 seamen", "seaman"),
        ("10 persons", "person"),
        ("at least 70 people injured", "person"),
        ("30 dead and 12 injured", "dead"),
        ("$100 million worth of crude oil", "crude oil"),
        ("a $90 million deal", "deal"),
        # a sum written as a modifier reaches past a name or two to its thing
        ("A 250 mln dlr Philippine capital fund will be launched", "capital fund"),
        ("a 20 mln dlr Chrysler Corp unit", "unit"),
    ],
)
def test_counted_thing(text: str, thing: str) -> None:
    assert qs(text)[0].thing == thing


@pytest.mark.parametrize(
    "text",
    [
        "35 said they would",       # a verb, not a thing
        "the score was 35.",
        "the two were arrested",
        "nine voting to convict",
        "five totally decked out",
        "the next four straight",
        "the 3400 block of Thorpe Street",
        "It paid 250 mln dlrs Thursday for the shares",  # a plural sum modifies nothing
        "The 21 mln dlr Belgian tax-spared tranche carries interest",  # past the names, no noun phrase ends
    ],
)
def test_no_thing_when_unclear(text: str) -> None:
    assert all(q.thing is None for q in qs(text))


def test_increments_and_changes_are_not_levels() -> None:
    assert one("800,000 additional troops").role == "change"
    assert one("30 more troops").role == "change"
    assert one("another 30 people").role == "change"
    assert one("profits rose 5 pct").role == "change"
    assert one("up from 30 countries").role == "previous"
    chg = qs("rose from 30 to 35 countries")
    assert [(q.value, q.role) for q in chg] == [(30, "previous"), (35, "level")]
    net = qs("Net 30.5 mln dlrs from 25 mln dlrs; shr 41 cts vs 39 cts")
    assert [q.role for q in net] == ["level", "previous", "level", "previous"]


def test_singularize() -> None:
    assert [singularize(w) for w in ("troops", "countries", "people", "children", "buses", "crises",
                                     "movies", "species", "boxes", "gunmen", "campuses", "cargoes")] == [
        "troop", "country", "person", "child", "bus", "crisis", "movie", "species", "box", "gunman",
        "campus", "cargo"]


# --------------------------------------------------------------------------
# What is not a figure

@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 1987.",
        "in 2014",
        "the 1986/87 season",
        "between 1993 and 2001",
        "SALVADOR, Feb 26 - Showers continued",
        "on January 5, 2026",
        "on 26 February",
        "on March nine",
        "music of the 1990s and the 1930's",
        "at 3 p.m. on Tuesday",
        "at 10:30 local time",
        "at 1500 GMT",
        "the first, second and 27th time",
        "Article 5 of the charter",
        "No. 10 Downing Street",
        "since World War II",
        "a Boeing 737 jet",
        "Section 230 of the act",
        "Flight 370 vanished",
        "the G7 and the G-7",
        "COVID-19 cases",
        "MH370, an A380 and F-16s",
        "call 555-1234 or (202) 555-0100 or +44 20 7946 0000",
        "version 2.0.1 of iOS 7",
        "the Nine Mile Point Unit Two plant",
        "the team won 3-1 and lost 21-24",
        "a 5-4 vote",
        "a 9-14 start",
        "a 10-year plan with a 12-member team",
        "one third of the shares and two-thirds of voters",
        "one of the victims",
        "the million dollar question",
        "a two-for-one stock split",
        "a 5m fall",  # metres, not money
        "#5",
    ],
)
def test_not_figures(text: str) -> None:
    assert qs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "a 33-year-old man",
        "the 33 - year - old actress",
        "Tara Reid, 33, checked in",
        "Nichols , 37 , told the court",
        "Reid (33) said",
        "a man aged 33",
        "She was 91.",
        "dies at 91",
        "he turned 30",
        "a nearly four-year-old invasion",
    ],
)
def test_ages_only_on_request(text: str) -> None:
    assert qs(text) == []
    q = one(text, ages=True)
    assert q.kind == "age" and q.unit == "year"


def test_age_keeps_what_it_describes() -> None:
    q = one("the 33-year-old actress's rep", ages=True)
    assert (q.value, q.thing) == (33, "actress")


def test_appositions_that_are_not_ages() -> None:
    q = one("In Paris, 35 countries met")
    assert (q.value, q.thing) == (35, "country")


# --------------------------------------------------------------------------
# Conflicts

def fig(text: str) -> Quantity:
    return qs(text)[0]


@pytest.mark.parametrize(
    ("a", "b", "tolerance", "expected"),
    [
        ("more than 30 countries", "35 countries", 0.0, False),
        ("nearly 800,000 troops", "800,000 troops", 0.0, False),
        ("approximately 800,000 troops", "850,000 troops", 0.0, False),
        ("35 countries", "30 countries", 0.0, True),
        ("35 countries", "30 countries", 0.05, True),
        ("35 countries", "34 countries", 0.05, False),
        ("800,000 troops", "810,000 troops", 0.0, True),
        ("800,000 troops", "810,000 troops", 0.02, False),
        ("1.5 million people", "1.55 million people", 0.0, False),  # rounding of 1.5
        ("1.5 million people", "1.7 million people", 0.0, True),
        ("between 20 and 30 people", "25 people", 0.0, False),
        ("between 20 and 30 people", "40 people", 0.0, True),
        ("up to 5,000 soldiers", "4,000 soldiers", 0.0, False),
        ("up to 5,000 soldiers", "6,000 soldiers", 0.0, True),
        ("fewer than 10 children", "12 children", 0.0, True),
        ("at least 70 people", "60 people", 0.0, True),
        ("hundreds of protesters", "300 protesters", 0.0, False),
        ("hundreds of protesters", "35 protesters", 0.0, True),
        ("$1.2 billion in aid", "$1.5 billion in aid", 0.0, True),
        ("$1.2 billion in aid", "€1.5 billion in aid", 0.0, False),  # other currency
        ("2.5% of GDP", "3.5% of GDP", 0.0, True),
        ("2.5% of GDP", "3% of GDP", 0.0, False),  # 3% may be 2.5% rounded
        ("35 countries", "27 heads of state", 0.0, False),  # other thing
        ("35 said", "30 said", 0.0, False),  # no thing: never compared
        ("30 more troops", "50 troops", 0.0, False),  # an increment
        ("rose 5 pct of GDP", "7 pct of GDP", 0.0, False),  # a change
        ("about 30 people", "33 people", 0.0, False),   # "about" is 27-33; 33 is 32.5-33.5
        ("about 30 people", "34 people", 0.0, True),
        ("about 30 people", "34 people", 0.05, False),  # 27 x 0.95 .. 33 x 1.05 = 34.65
        ("more than 30 people", "30 people", 0.0, False),
        ("more than 30 people", "25 people", 0.0, True),
        ("fewer than 10 children", "10 children", 0.0, False),
        ("between 20 and 30 people", "30.6 people", 0.0, True),  # 19.5-30.5 against 30.55-30.65
        ("1.5 million people", "1.56 million people", 0.0, True),  # 1.45-1.55 against 1.555-1.565
        ("1.5 million people", "1.56 million people", 0.01, False),
        ("30 troops", "33 troops", 0.0, True),
        ("30 troops", "33 troops", 0.05, False),
        ("30 dead", "35 dead", 0.0, True),
        ("5 pct of the shares", "7 pct of the shares", 0.0, True),
        ("5 pct of the shares", "7 pct of the votes", 0.0, False),   # other things
        ("5 pct of the shares", "7 mln of the shares", 0.0, False),  # other kinds
        ("30 tonnes of wheat", "40 kg of wheat", 0.0, False),         # other units
        ("$5 million in aid", "7 mln dlrs in aid", 0.0, True),
        ("50 troops", "30 more troops", 0.0, False),
        ("up from 30 troops", "50 troops", 0.0, False),               # nor an earlier value
        ("35 countries", "30 said", 0.0, False),                      # a figure without a thing: never compared
        ("between 20 and 30 pct of the vote", "30.4 pct of the vote", 0.0, False),  # a range keeps its rounding
        ("30 dead", "31 dead", 0.0, True),  # 29.5-30.5 and 30.5-31.5 only touch: two counts
        ("1.5 million people", "1.6 million people", 0.0, True),
    ],
)
def test_conflicts(a: str, b: str, tolerance: float, expected: bool) -> None:
    qa, qb = fig(a), fig(b)
    assert conflicts(qa, qb, tolerance) is expected
    assert conflicts(qb, qa, tolerance) is expected


def test_conflicts_with_synonyms() -> None:
    troops, soldiers = fig("800,000 troops"), fig("500,000 soldiers")
    assert not conflicts(troops, soldiers)
    synonyms = {"soldiers": "troops", "persons": "people"}
    assert conflicts(troops, soldiers, 0.05, synonyms)
    assert not conflicts(fig("nearly 800,000 troops"), fig("790,000 soldiers"), 0.0, synonyms)
    assert conflicts(fig("35 people"), fig("30 persons"), 0.0, {"person": "people"}) is True


def test_canonical_thing() -> None:
    assert canonical_thing("heads of state") == "head of state"
    assert canonical_thing("soldier", {"Soldiers": "Troops"}) == "troop"
    assert canonical_thing(None) is None


# --------------------------------------------------------------------------
# Newswire details found on the corpora

def test_reuters_word_numbers_with_mln() -> None:
    first, second = qs("raised from five mln to 25 mln shares")
    assert (first.value, first.role) == (5e6, "previous")
    assert (second.value, second.thing) == (25e6, "share")
    q = one("between four mln and seven mln dlrs")
    assert (q.low, q.high, q.kind, q.unit) == (4e6, 7e6, "money", "USD")
    q = one("between four and seven mln dlrs")
    assert (q.low, q.high) == (4e6, 7e6)


def test_reuters_fractions() -> None:
    q = one("base rates to 9-1/2 pct")
    assert (q.value, q.kind) == (9.5, "percent")
    fell, to = qs("Seagram fell 2-1/8 to 100-3/8")
    assert (fell.text, fell.value, fell.role) == ("2-1/8", 2.125, "change")
    assert to.value == 100.375


def test_richter_scale() -> None:
    text = "An earthquake measuring 6.5 on the\nRichter scale caused damage"
    q = one(text)
    assert (q.text, q.kind, q.value) == ("6.5", "magnitude", 6.5)
    assert text[q.thing_start:q.thing_end] == "Richter"


def test_units_that_are_not_money_without_a_multiplier() -> None:
    assert one("5 pounds of flour").kind == "measure"
    assert one("5 mln pounds sterling").unit == "GBP"
    assert one("five billion marks").unit == "DEM"


def test_tokenized_text_dates_and_models() -> None:
    assert qs("Posted: 04 / 9 / 2012 8:33 am") == []
    assert [q.thing for q in qs("14 AK - 47 Rifles")] == [None]
    assert one("two female co - workers").thing == "female co-worker"


def test_money_per_unit_and_earlier_values() -> None:
    q = one("a dividend of 18 cts a share")
    assert (q.unit, q.value) == ("USD/share", 0.18)
    a, b = qs("rose 5 pct to 30.5 mln dlrs from 25 mln dlrs")[1:]
    assert (a.role, b.role) == ("level", "previous")


# ---------------------------------------------------------------------------
# Compound figures, durations in two units, dimensions (compounds=True, for the figures kind)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "kind", "unit", "thing", "modifies"), [
    ("A 14-car pileup closed the interstate.", 14, "count", "count", "car", "pileup"),
    ("It was a 12-vehicle pileup, police said.", 12, "count", "count", "vehicle", "pileup"),
    ("the rubber-stamp 2,507-member assembly of appointees", 2507, "count", "count", "member", "assembly"),
    ("the film's 143-minute running time", 143, "duration", "minute", None, "running time"),
    ("He began a two-day visit to Paris.", 2, "duration", "day", None, "visit"),
])
def test_compound_figures_and_what_they_modify(text: str, value: float, kind: str, unit: str, thing: str | None,
                                               modifies: str) -> None:
    q = one(text, compounds=True)
    assert (q.value, q.kind, q.unit, q.thing, q.modifies) == (value, kind, unit, thing, modifies)


def test_compounds_are_read_only_when_asked() -> None:
    assert qs("A 14-car pileup closed the interstate.") == []
    assert qs("a 10-year-old boy", compounds=True) == []  # an age, not a compound


@pytest.mark.parametrize(("text", "minutes"), [
    ("Running time: 1 hour, 40 minutes.", 100),
    ("Running time: 1 hour 35 minutes. MPAA rating: PG.", 95),
    ("The flight took two hours and 10 minutes.", 130),
    ("Running time: 101 min.", 101),
])
def test_a_duration_in_two_units_is_one_figure(text: str, minutes: float) -> None:
    q = one(text, compounds=True)
    assert (q.kind, q.unit, q.value) == ("duration", "minute", minutes)


@pytest.mark.parametrize(("a", "b"), [
    ("about 400 miles", "about 644 km"),
    ("2,000 acres", "809 hectares"),
    ("101 minutes", "1 hour, 41 minutes"),
    ("5,000 tons", "5,000 tonnes"),
])
def test_dimensions_put_units_on_one_scale(a: str, b: str) -> None:
    qa, qb = one(a, compounds=True), one(b, compounds=True)
    dim_a, size_a, slack_a = dimension(qa)
    dim_b, size_b, slack_b = dimension(qb)
    assert dim_a == dim_b
    assert math.isclose(qa.value * size_a, qb.value * size_b, rel_tol=0.01 + max(slack_a, slack_b))


def test_money_keeps_its_currency() -> None:
    assert dimension(one("1.5 mln stg"))[0] != dimension(one("1.5 mln dlrs"))[0]
    assert dimension(one("1.5 mln dlrs"))[0] == dimension(one("$1.5 million"))[0] == "USD"


def test_qualifier_widths_are_the_callers() -> None:
    assert qualified_range("nearly", 1000, 1000, nearly=0.05) == (950, 1000)
    assert qualified_range("about", 50, 50, about=0.1) == pytest.approx((45, 55))
    assert qualified_range("at least", 10, 10) == (10, math.inf)
    assert qualified_range("up to", 900, 900) == (0, 900)


def test_tokenized_decimals_and_sentence_openers() -> None:
    assert [q.value for q in qs("a quake of magnitude 6. 1 struck the island")] != [1.0]  # "6. 1" is 6.1 split
    assert [q.text for q in qs("A 10 pct stake was sold.")] == ["10 pct"]  # "A" opens a sentence, names nothing


@pytest.mark.parametrize(("text", "value", "low", "high"), [
    ("It will import 4 or 5 mln tonnes of wheat.", 4e6, 4e6, 5e6),  # "or" scales both ends, as "to" and "-" do
    ("two or three mln dlrs", 2e6, 2e6, 3e6),
    ("It will import 4 to 5 mln tonnes of wheat.", 4e6, 4e6, 5e6),
])
def test_a_range_scales_both_numbers_by_the_multiplier_after_the_second(text, value, low, high):
    q = qs(text)[0]
    assert (q.value, q.low, q.high) == (value, low, high)


def test_an_or_range_conflicts_with_a_figure_outside_it():
    assert conflicts(fig("It will import 4 or 5 mln tonnes of wheat."), fig("It will import 2 mln tonnes of wheat."))
