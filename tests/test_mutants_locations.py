"""The locations kind at its edges (location-mismatch, dateline-mismatch): the
lexicon as compiled, which article of two is reported, events that happen in
many places, the events an article tells as its own, and the messages' words.
Stories have the shape of wire and web copy; each test reads what the kind
reports, or what its functions return, on text an editor would recognise."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from test_locations import lint, story

from factlint.document import parse_document
from factlint import gazetteer as gz
from factlint.kinds.locations import (EventClass, EventWord, Lexicon, _agreeing, _day_key, _head, _modifier, _names, _near,
                                      _place_names, _restates, _unplaced_town, agree, base_lexicon, load_lexicon,
                                      story_events)
from factlint.places import find_places


def doc_of(text: str, name: str = "a.md"):
    return parse_document(name, text.encode("utf-8"))


def found(files: dict[str, str], rules: tuple[str, ...] = ("location-mismatch",)) -> list[tuple]:
    """(path, line, column, message, [(path, line, column, related message)]) of each finding."""
    return [(f.path, f.location.line, f.location.column, f.message,
             [(r.location.path, r.location.line, r.location.column, r.message) for r in f.related])
            for f in lint(files, rules)]


def fresh() -> Lexicon:
    """The shipped lexicon compiled anew (load_lexicon's is compiled once per process)."""
    return Lexicon(base_lexicon())


# ---------------------------------------------------------------------------
# The lexicon as compiled
# ---------------------------------------------------------------------------


def test_the_shipped_classes_and_words_as_compiled():
    lexicon = fresh()
    assert lexicon.classes["meeting"] == EventClass("meeting", "meeting", True, False)
    assert lexicon.classes["attack"] == EventClass("attack", "attack", True, True)
    assert lexicon.classes["protest"] == EventClass("protest", "protest", False, False)
    assert lexicon.words["meeting"] == EventWord("meeting", True, False)  # a noun
    assert lexicon.words["met"] == EventWord("meeting", False, False)  # a verb
    assert lexicon.words["agreement"] == EventWord("agreement", True, True)  # a city noun
    assert lexicon.words["sat down"] == EventWord("meeting", False, False)  # phrases keep their spaces


def test_a_class_spelled_out_only_in_part_takes_the_defaults():
    lexicon = Lexicon({"events": {
        "gathering": {"nouns": ["powwow"], "verbs": ["palavered"]},
        "deal": {"label": "signing", "single_place": True, "targets": True, "city_nouns": ["handshake"]},
    }})
    assert lexicon.classes["gathering"] == EventClass("gathering", "gathering", False, False)
    assert lexicon.classes["deal"] == EventClass("deal", "signing", True, True)
    assert lexicon.words == {"powwow": EventWord("gathering", True, False),
                             "palavered": EventWord("gathering", False, False),
                             "handshake": EventWord("deal", True, True)}
    # no hedges, other-instance, sequence or not-location words: the lists are empty, not missing
    for pattern in (lexicon.hedges, lexicon.other_instance, lexicon.sequence, lexicon.not_location,
                    lexicon.hedges_after, lexicon.not_events):
        assert pattern.search("they will meet next week after last year's talks, felt in Paris") is None
    assert lexicon.in_not_events == frozenset()


def test_a_word_listed_twice_keeps_its_first_class():
    lexicon = Lexicon({"events": {"meeting": {"nouns": ["summit"]}, "match": {"nouns": ["Summit", "final"]}}})
    assert lexicon.words["summit"].event == "meeting"
    assert lexicon.words["final"].event == "match"


def test_each_word_list_of_the_shipped_lexicon_is_read():
    lexicon = fresh()
    assert lexicon.hedges.search("The leaders will meet in Geneva")
    assert lexicon.hedges_after.search("in Geneva next week")
    assert lexicon.other_instance.search("last month's meeting")
    assert lexicon.sequence.search("met in Paris after talks")
    assert lexicon.not_location.search("the quake was felt in Dubai")
    assert lexicon.not_events.search("a cease-fire in Gaza")


def test_only_event_words_inside_a_not_event_phrase_are_checked_against_the_phrases():
    lexicon = fresh()
    assert {"fire", "meeting", "met", "opened fire"} <= lexicon.in_not_events  # "under fire", "meeting point"
    assert "summit" not in lexicon.in_not_events and "convened" not in lexicon.in_not_events


def test_a_not_event_phrase_hides_its_event_word_and_only_there():
    lexicon = fresh()
    doc = doc_of("The convoy came under fire in Kabul on Monday.\n\nA fire at a market in Kabul killed three.\n")
    placed = [(p.event, p.word, p.surface) for p in lexicon.analysis(doc).placements]
    assert placed == [("fire", "fire", "Kabul")]
    assert lexicon.analysis(doc).placements[0].paragraph == 1


def test_a_fresh_lexicon_places_events_as_the_shipped_one_does():
    text = ("PARIS (AP) — European leaders met on Tuesday to discuss guarantees.\n\n"
            "The meeting in Berlin ended without a deal. The Geneva talks had failed in May.\n")
    doc = doc_of(text)
    analysis = fresh().analysis(doc)
    assert [(p.event, p.surface, p.status, p.definite) for p in analysis.placements] == [
        ("meeting", "Berlin", "asserted", True), ("meeting", "Geneva", "other", True)]  # "in May": another round
    assert [(u.event, u.day, text[u.start:u.end]) for u in analysis.unplaced_lead] == [("meeting", "tuesday", "met")]


# ---------------------------------------------------------------------------
# The events an article tells as its own (shared with the dates kind)
# ---------------------------------------------------------------------------


def test_story_events_are_those_of_the_lexicon_asked_for():
    doc = doc_of("Leaders held a powwow in Paris on Tuesday.\n")
    assert story_events(doc, fresh()) == {}
    custom = load_lexicon({"events": {"meeting": {"nouns": ["powwow"]}}})
    assert {e: p.surface for e, p in story_events(doc, custom).items()} == {"meeting": "Paris"}


def test_story_events_take_a_definite_placement_past_the_lead():
    text = ("Rescuers searched the wreckage on Monday.\n\nThe airline said 40 people were on board.\n\n"
            "Officials said the crash near Segovia killed 12 people.\n")
    events = story_events(doc_of(text))
    assert {e: (p.surface, p.paragraph) for e, p in events.items()} == {"crash": ("Segovia", 2)}


# ---------------------------------------------------------------------------
# One article against one
# ---------------------------------------------------------------------------


def test_one_against_one_the_later_path_is_reported():
    files = dict([story("a.md", "Leaders met in Paris on Tuesday."), story("b.md", "Leaders met in Berlin on Tuesday.")])
    assert found(files) == [("b.md", 4, 16, "Puts the meeting in Berlin, but 1 other article on this story says Paris",
                             [("a.md", 4, 16, "puts the meeting in Paris")])]


def test_one_against_one_the_later_date_is_reported_whatever_the_paths():
    files = {"a.md": "---\nstory: s\ndate: 2024-03-02\n---\nLeaders met in Berlin on Tuesday.\n",
             "b.md": "---\nstory: s\ndate: 2024-03-01\n---\nLeaders met in Paris on Tuesday.\n"}
    assert found(files) == [("a.md", 5, 16, "Puts the meeting in Berlin, but 1 other article on this story says Paris",
                             [("b.md", 5, 16, "puts the meeting in Paris")])]


def test_one_against_one_the_place_the_rest_of_the_story_does_not_name_is_reported():
    files = dict([story("a.md", "Leaders met in Paris on Tuesday."), story("b.md", "Leaders met in Berlin on Tuesday."),
                  story("c.md", "Roads in Berlin were closed to traffic on Tuesday.")])
    assert found(files) == [("a.md", 4, 16, "Puts the meeting in Paris, but 1 other article on this story says Berlin",
                             [("b.md", 4, 16, "puts the meeting in Berlin")])]
    files["c.md"] = story("c.md", "Roads in Paris were closed to traffic on Tuesday.")[1]
    assert [f[:2] for f in found(files)] == [("b.md", 4)]


# ---------------------------------------------------------------------------
# Events that happen in many places (protests): each placement on its own
# ---------------------------------------------------------------------------

_PROTESTS = ["Protests in Athens turned violent on Saturday.", "Riots in Athens continued for a third night.",
             "Thousands joined protests in Athens and Thessaloniki."]


def _protest_findings(last: str, third: str = _PROTESTS[2]) -> list[tuple]:
    texts = _PROTESTS[:2] + [third, last]
    return [f[:4] for f in found(dict(story(f"{i}.md", t) for i, t in enumerate(texts)))]


def test_a_protest_abroad_is_found_after_one_in_the_storys_place():
    last = "Protests in Athens drew thousands. An orderly protest turned into a riot in Russeifa tonight."
    assert _protest_findings(last) == [
        ("3.md", 4, 77, "Puts the protest in Russeifa, but 2 other articles on this story say Athens")]


def test_a_protest_abroad_is_found_after_one_in_a_place_the_story_names():
    third = "Thousands joined protests in Athens. Police in Santiago said so."
    last = "A protest in Santiago drew thousands. An orderly protest turned into a riot in Russeifa tonight."
    assert [f[:3] for f in _protest_findings(last, third)] == [("3.md", 4, 80)]


def test_a_protest_abroad_is_found_after_one_in_a_country_the_story_names():
    third = "Thousands joined protests in Athens. Police in Amman said so."
    last = "A protest in Aqaba drew thousands. An orderly protest turned into a riot in Valparaiso tonight."
    assert [f[:3] for f in _protest_findings(last, third)] == [("3.md", 4, 77)]  # Aqaba: Jordan, far from Amman


def test_a_protest_in_a_country_the_story_names_elsewhere_is_no_outlier():
    last = "An orderly protest turned into a riot in Valparaiso tonight."
    assert [f[:3] for f in _protest_findings(last)] == [("3.md", 4, 42)]
    assert _protest_findings(last, "Thousands joined protests in Athens. Police in Santiago said so.") == []


# ---------------------------------------------------------------------------
# The dateline against the body
# ---------------------------------------------------------------------------


def dateline_findings(text: str) -> list[tuple]:
    return [f[1:] for f in found({"a.md": text}, ("dateline-mismatch",))]


def test_a_lead_that_tells_the_meeting_without_a_place_and_a_later_meeting_elsewhere():
    text = "PARIS (AP) — European leaders met on Tuesday to discuss guarantees.\n\nThe meeting in Berlin ended without a deal.\n"
    assert dateline_findings(text) == [(1, 1, "Dateline PARIS, but line 3 says the meeting took place in Berlin", [
        ("a.md", 3, 16, "the meeting is placed in Berlin here"), ("a.md", 1, 31, "the lead tells the meeting without a place")])]


def test_here_places_the_talks_at_the_dateline():
    text = "GENEVA (Reuters) - Negotiators resumed talks here on Monday.\n\nThe talks in Vienna ended without an agreement.\n"
    assert dateline_findings(text) == [(1, 1, "Dateline GENEVA, but line 3 says the meeting took place in Vienna", [
        ("a.md", 3, 14, "the meeting is placed in Vienna here"), ("a.md", 1, 40, "'here' places the meeting at the dateline")])]
    one_line = text.replace("\n\n", " ")
    assert dateline_findings(one_line)[0][2] == "Dateline GENEVA, but the same line says the meeting took place in Vienna"


def test_a_later_placement_refers_to_the_leads_event_by_a_determiner_or_the_same_day():
    lead = "PARIS (AP) — European leaders met on Tuesday to discuss guarantees.\n\n"
    assert [f[2] for f in dateline_findings(lead + "Leaders met in Berlin on Tuesday, officials said.\n")] == [
        "Dateline PARIS, but line 3 says the meeting took place in Berlin"]
    # another day, or no day on either side: another meeting
    assert dateline_findings(lead + "Leaders met in Berlin on Wednesday, officials said.\n") == []
    undated = "PARIS (AP) — European leaders met to discuss guarantees.\n\nLeaders met in Berlin, officials said.\n"
    assert dateline_findings(undated) == []


def test_an_event_the_lead_does_not_tell_does_not_stop_the_next():
    text = ("PARIS (AP) — Leaders met on Tuesday to discuss guarantees.\n\n"
            "A bombing in Lyon killed three on Monday. The meeting in Berlin ended without a deal.\n")
    assert [(f[2], f[3][0][1:]) for f in dateline_findings(text)] == [
        ("Dateline PARIS, but line 3 says the meeting took place in Berlin", (3, 58, "the meeting is placed in Berlin here"))]


def test_an_event_placed_at_the_dateline_does_not_stop_the_next():
    text = ("PARIS (AP) — A bomb exploded on Tuesday and leaders met to discuss guarantees.\n\n"
            "The bombing in Paris killed three. The meeting in Berlin ended without a deal.\n")
    assert [f[2] for f in dateline_findings(text)] == ["Dateline PARIS, but line 3 says the meeting took place in Berlin"]


def test_two_events_told_here_and_placed_elsewhere_are_each_reported():
    text = ("GENEVA (Reuters) - Negotiators resumed talks here on Monday. A bombing here killed three.\n\n"
            "The talks in Vienna ended without an agreement. The bombing in Vienna was condemned.\n")
    assert [(f[2], f[3]) for f in dateline_findings(text)] == [
        ("Dateline GENEVA, but line 3 says the attack took place in Vienna",
         [("a.md", 3, 64, "the attack is placed in Vienna here"), ("a.md", 1, 64, "'here' places the attack at the dateline")]),
        ("Dateline GENEVA, but line 3 says the meeting took place in Vienna",
         [("a.md", 3, 14, "the meeting is placed in Vienna here"), ("a.md", 1, 40, "'here' places the meeting at the dateline")]),
    ]


# ---------------------------------------------------------------------------
# Things across a story: one article against one, and what a majority is
# ---------------------------------------------------------------------------


def _story_findings(texts: list[str]) -> list[tuple]:
    return found(dict(story(f"{i}.md", text) for i, text in enumerate(texts)))


def test_a_generic_thing_one_against_one_when_the_story_names_the_others_place_again():
    texts = ["Office workers in Dubai evacuated buildings.", "The tremor was felt in Dubai, residents said.",
             "An office worker in Sialkot said the tremor lasted 30 seconds."]
    assert _story_findings(texts) == [("2.md", 4, 21, "Puts the worker in Sialkot, but 1 other article on this story says Dubai",
                                       [("0.md", 4, 19, "puts the workers in Dubai")])]
    # the story names Dubai only where it places the workers: one article against one, no slip told
    texts[1] = "The tremor lasted 30 seconds, residents said."
    assert _story_findings(texts) == []
    # the story names Pakistan elsewhere: the worker may well be there
    texts[1] = "The tremor was felt in Dubai and in Lahore, residents said."
    assert _story_findings(texts) == []


def test_a_plain_common_noun_is_one_thing_against_one_article_only_with_the_same_modifier():
    # whole Reuters, two stories grouped as one (03835, 02097): each story's merchants are in its own country
    texts = ["BankAmerica Corp said it agreed to sell its German credit card operations. The credit card operation "
             "services 115,000 Visa card holders and 35,000 merchants in Germany, it said.",
             "Banco de Santander said the unit has 31 branches in Germany.",
             "Visa said plans are underway to install electronic terminals at Visa-accepting merchants in China "
             "later this year."]
    assert _story_findings(texts) == []
    # neither qualified: two sets of merchants
    assert _story_findings([texts[0], texts[1], "Over 1,000 merchants in China now honor the Visa card."]) == []
    # qualified by the same word, the merchants are one thing: the stray is reported
    texts[0] = texts[0].replace("35,000 merchants", "35,000 Visa-accepting merchants")
    assert [f[:4] for f in _story_findings(texts)] == [
        ("2.md", 4, 93, "Puts the Visa-accepting merchants in China, but 1 other article on this story says Germany")]
    # a possessive's merchants ("Frankfurt's merchants") carry no modifier the reader keeps: not compared
    texts[0] = "BankAmerica said Frankfurt's merchants will keep their terminals."
    texts[1] = "Banco de Santander said the unit has 31 branches in Frankfurt."
    assert _story_findings(texts) == []


@pytest.mark.parametrize(
    ("text", "modifier"),
    [("An office worker", "office"), ("Office workers", "office"), ("at Visa-accepting merchants", "visa-accepting"),
     ("services 35,000 merchants", ""), ("the workers", ""), ("many workers", ""), ("workers", "")],
)
def test_the_word_that_qualifies_a_plain_noun(text, modifier):
    assert _modifier(text, text.rindex(" ") + 1 if " " in text else 0, text.rpartition(" ")[2]) == modifier


@pytest.mark.parametrize(
    ("label", "modifier"),
    [("Visa-accepting merchants", "visa-accepting"), ("office workers", "office"), ("35,000 merchants", ""),
     ("many workers", "")],
)
def test_a_things_own_word_before_its_head_qualifies_it(label, modifier):
    assert _modifier("at " + label, 3, label) == modifier


def test_only_the_best_reading_of_the_majoritys_place_gives_its_country():
    # Los Angeles is also a town in Chile: the story is still in the United States
    texts = ["Office workers in Los Angeles evacuated buildings.", "Office workers in Los Angeles fled into the streets.",
             "An office worker in Santiago said the tremor lasted 30 seconds."]
    assert [f[:4] for f in _story_findings(texts)] == [
        ("2.md", 4, 21, "Puts the worker in Santiago, but 2 other articles on this story say Los Angeles")]


def at(name: str) -> tuple:
    """The places "in NAME" stands for, best first."""
    [mention] = find_places(f"Police in {name} said so.", datelines=False)
    return mention.places


def placed(name: str, words: str = "") -> SimpleNamespace:
    """A placement of a thing as the story comparisons read it: its places and its sentence's words."""
    return SimpleNamespace(places=at(name), words=frozenset(words.split()))


def test_a_majority_is_more_than_half_of_the_articles_placements():
    paths = lambda items: [path for path, _ in items]  # noqa: E731
    assert paths(_agreeing([("a", placed("Lyon")), ("b", placed("Paris")), ("c", placed("Paris")),
                            ("d", placed("Paris"))])) == ["b", "c", "d"]
    assert _agreeing([("a", placed("Lyon")), ("b", placed("Lyon")), ("c", placed("Paris")), ("d", placed("Paris"))]) is None
    # two against one and one: half, not a majority
    assert _agreeing([("a", placed("Paris")), ("b", placed("Paris")), ("c", placed("Lyon")), ("d", placed("Berlin"))]) is None
    # an article that places the thing twice counts once
    first, second = placed("Paris"), placed("Paris")
    assert _agreeing([("b", first), ("b", second), ("c", placed("Lyon"))]) == [("b", first)]


def test_a_vague_place_beside_two_that_disagree_makes_no_majority():
    surrey = SimpleNamespace(places=at("Surrey")[1:], words=frozenset())  # the English county, whose extent is unknown
    assert agree(surrey.places, at("Banstead")) and agree(surrey.places, at("Leeds"))
    assert _agreeing([("a", placed("Banstead")), ("b", surrey), ("c", placed("Leeds"))]) is None


_SAID = "he said a decision by the regulator last week to probe certificates held by brokers was prompted by suspicion"


def test_a_restatement_shares_eight_words_and_four_fifths_of_the_shorter_sentence():
    ten = "one two three four five six seven eight nine ten"
    assert _restates(placed("Manila", ten), placed("Skardu", "one two three four five six seven eight x y"))  # 8 of 10
    assert not _restates(placed("Manila", ten), placed("Skardu", "one two three four five six seven x y z"))  # 7
    assert not _restates(placed("Manila", "one two three four"), placed("Skardu", "one two three four"))  # all, but 4
    twenty = " ".join(f"w{i}" for i in range(20))
    assert not _restates(placed("Manila", twenty), placed("Skardu", " ".join(f"w{i}" for i in range(8))
                                                          + " " + " ".join(f"v{i}" for i in range(12))))  # 8 of 20
    assert _restates(placed("Manila", _SAID), placed("Skardu", _SAID))


def test_no_restatement_in_the_same_place_or_without_words():
    assert not _restates(placed("Manila", _SAID), placed("Manila", _SAID))
    assert not _restates(placed("Manila", _SAID), placed("Skardu"))
    assert not _restates(placed("Manila"), placed("Skardu", _SAID))


def test_a_town_the_gazetteer_lacks_is_not_compared_with_its_states_places():
    malibu, la = at("Malibu, California")[0], at("Los Angeles")[0]
    assert malibu.id.startswith("town:")
    assert _unplaced_town(malibu, la) and _unplaced_town(la, malibu)
    assert _unplaced_town(at("Banstead, Calif.")[0], la)  # Banstead, Surrey is a small town
    assert not _unplaced_town(malibu, at("Nashville")[0])  # another state
    assert not _unplaced_town(at("Marseille, Tenn.")[0], at("Nashville")[0])  # a big city's name: read as a slip
    assert not _unplaced_town(la, at("Nashville")[0])
    assert not agree(at("Malibu, California"), at("Nashville"))  # a town's unknown footprint is no county's


def test_a_things_head_word():
    assert _head("police station") == "station"
    assert _head("event:riot") == "riot"
    assert _head("supermarket") == "supermarket"


def test_a_town_named_like_a_city_of_exactly_100000_elsewhere_is_compared():
    # Jaffa (Israel) has 100,000 people in the gazetteer: a big city, so "Jaffa, Calif." may be a slip
    assert not _unplaced_town(at("Jaffa, Calif.")[0], at("Los Angeles")[0])


# ---------------------------------------------------------------------------
# The same event across a story: dates, majorities, no majority
# ---------------------------------------------------------------------------

_PARIS, _BERLIN = "Leaders met in Paris on Tuesday.", "Leaders met in Berlin on Tuesday."


def dated(name: str, date: str, text: str) -> tuple[str, str]:
    return name, f"---\nstory: s\ndate: {date}\n---\n{text}\n"


def test_articles_up_to_max_days_from_the_first_are_compared():
    files = dict([dated("a.md", "2024-03-01", _PARIS), dated("b.md", "2024-03-02", _PARIS),
                  dated("c.md", "2024-03-04", _BERLIN)])  # three days after the first: the same meeting
    assert found(files) == [("c.md", 5, 16, "Puts the meeting in Berlin, but 2 other articles on this story say Paris",
                             [("a.md", 5, 16, "puts the meeting in Paris"), ("b.md", 5, 16, "puts the meeting in Paris")])]
    files.update([dated("c.md", "2024-03-05", _BERLIN)])  # four days: another meeting
    assert found(files) == []


def test_the_window_runs_from_its_first_dated_article_not_the_last():
    files = dict([dated("a.md", "2024-03-01", _PARIS), dated("b.md", "2024-03-03", _PARIS),
                  dated("c.md", "2024-03-05", _BERLIN)])  # two days after b, four after a
    assert found(files) == []


def test_an_undated_article_joins_the_dated_ones_it_falls_with():
    files = dict([story("u.md", _BERLIN), dated("a.md", "2024-03-01", _PARIS), dated("b.md", "2024-03-02", _PARIS)])
    assert [f[:4] for f in found(files)] == [
        ("u.md", 4, 16, "Puts the meeting in Berlin, but 2 other articles on this story say Paris")]


def test_a_rule_may_compare_articles_further_apart():
    from test_locations import _rule
    from factlint.linter import lint_sources
    from factlint.ruleset import compile_rules

    [check] = compile_rules([_rule("compare: [across]\nmax_days: 4\n")])
    files = dict([dated("a.md", "2024-03-01", _PARIS), dated("b.md", "2024-03-02", _PARIS),
                  dated("c.md", "2024-03-05", _BERLIN)])
    report = lint_sources([(name, text.encode()) for name, text in sorted(files.items())], [check])
    assert [(f.path, f.message) for f in report.findings] == [("c.md", "Berlin")]


def test_a_vague_place_beside_two_that_disagree_leaves_no_majority():
    files = dict([story("a.md", "Leaders met in Paris."), story("b.md", "Leaders met in Lyon."),
                  story("c.md", "Leaders met in France.")])
    assert found(files) == [
        ("a.md", 4, 16, "Puts the meeting in Paris, but 1 other article on this story (no majority) says Lyon",
         [("b.md", 4, 16, "puts the meeting in Lyon")]),
        ("b.md", 4, 16, "Puts the meeting in Lyon, but 1 other article on this story (no majority) says Paris",
         [("a.md", 4, 16, "puts the meeting in Paris")]),
    ]


def test_no_majority_each_side_at_its_first_article_with_its_allies():
    files = dict([story(f"{name}.md", _PARIS) for name in "abc"] + [story(f"{name}.md", _BERLIN) for name in "def"])
    berlin = [(f"{name}.md", 4, 16, "puts the meeting in Berlin") for name in "def"]
    paris = [(f"{name}.md", 4, 16, "puts the meeting in Paris") for name in "abc"]
    assert found(files) == [
        ("a.md", 4, 16, "Puts the meeting in Paris, but 3 other articles on this story (no majority) say Berlin",
         berlin + [("b.md", 4, 16, "also puts the meeting in Paris"), ("c.md", 4, 16, "also puts the meeting in Paris")]),
        ("d.md", 4, 16, "Puts the meeting in Berlin, but 3 other articles on this story (no majority) say Paris",
         paris + [("e.md", 4, 16, "also puts the meeting in Berlin"), ("f.md", 4, 16, "also puts the meeting in Berlin")]),
    ]


def test_the_majority_message_and_the_articles_later_agreeing_placements():
    files = dict([story("a.md", _PARIS), story("b.md", _PARIS),
                  story("c.md", "Leaders met in Berlin on Tuesday.\n\nThe meeting in Berlin ended without a deal.")])
    assert found(files) == [("c.md", 4, 16, "Puts the meeting in Berlin, but 2 other articles on this story say Paris",
                             [("a.md", 4, 16, "puts the meeting in Paris"), ("b.md", 4, 16, "puts the meeting in Paris"),
                              ("c.md", 6, 16, "also Berlin here")])]


# ---------------------------------------------------------------------------
# Things across a story: institutions, articles placing a thing twice
# ---------------------------------------------------------------------------

_MARSEILLE = ["Police in Marseille said a man had been arrested after the stabbing.",
              "A man was arrested on Sunday, police in Marseille said."]


def test_police_one_against_one_is_no_finding():
    assert _story_findings(["Police in Marseille said a man was arrested.", "A man was arrested, police in Lyon said."]) == []


def test_an_article_that_places_the_police_twice_in_one_city_is_compared():
    last = "The suspect fled on foot, police in Lyon said. Police in Lyon later found him."
    assert _story_findings(_MARSEILLE + [last]) == [
        ("2.md", 4, 37, "Puts the police in Lyon, but 2 other articles on this story say Marseille",
         [("0.md", 4, 11, "puts the police in Marseille"), ("1.md", 4, 41, "puts the police in Marseille"),
          ("2.md", 4, 58, "also Lyon here")])]


def test_each_protest_abroad_is_its_own_finding_without_the_articles_other_protests():
    last = "An orderly protest turned into a riot in Valparaiso tonight. Protests in Lima followed on Sunday."
    athens = [("0.md", 4, 13, "puts the protest in Athens"), ("2.md", 4, 30, "puts the protest in Athens")]
    assert _story_findings(_PROTESTS + [last]) == [
        ("3.md", 4, 42, "Puts the protest in Valparaiso, but 2 other articles on this story say Athens", athens),
        ("3.md", 4, 74, "Puts the protest in Lima, but 2 other articles on this story say Athens", athens)]


def test_an_article_that_places_the_police_in_two_cities_is_not():
    assert _story_findings(_MARSEILLE + ["The suspect fled, police in Lyon said. Police in Toulouse found him."]) == []
    assert _story_findings(_MARSEILLE + ["The suspect fled, police in Toulouse said. Police in Lyon found him."]) == []


def test_an_article_that_places_the_police_in_two_cities_is_no_part_of_a_majority():
    texts = _MARSEILLE + ["Police in Marseille said so. Police in Toulouse said otherwise.",
                          "The suspect fled on foot, police in Lyon said."]
    assert [f[:4] for f in _story_findings(texts)] == [
        ("3.md", 4, 37, "Puts the police in Lyon, but 2 other articles on this story say Marseille")]


def test_a_town_the_gazetteer_lacks_is_not_an_outlier_of_its_states_city():
    texts = ["Shoppers queued outside the Waitrose supermarket in Los Angeles on Sunday.",
             "The Waitrose supermarket in Los Angeles reopened on Monday.",
             # a town the gazetteer lacks is read in a sentence with an event word (here a fire)
             "A fire broke out at the Waitrose supermarket in Malibu, California, on Sunday."]
    assert _story_findings(texts) == []
    # a city of the same state that the gazetteer knows, 80 km away: another place
    texts[2] = texts[2].replace("Malibu", "Oxnard")
    assert [f[:4] for f in _story_findings(texts)] == [
        ("2.md", 4, 49, "Puts the Waitrose supermarket in Oxnard, California, but 2 other articles on this story say Los Angeles")]


# ---------------------------------------------------------------------------
# Places: one area, naming a place, the names a message gives
# ---------------------------------------------------------------------------


def city(name: str, country: str = "GB") -> gz.Place:
    [place] = [p for p in gz.lookup(name) if p.country == country and p.type == "city"][:1]
    return place


def test_one_area_is_25_km_plus_20_for_each_tenfold_of_the_bigger_city_above_100000():
    london, reading = city("London"), city("Reading")  # 58 km; London's radius 64 km, Reading's 35
    assert 55 < gz.distance_km(london, reading) < 60
    assert _near(london, reading) and _near(reading, london)
    assert not _near(london, city("Biggleswade"))  # 65 km
    # two towns under 100,000: 25 km
    assert _near(city("Ewell"), city("Horley"))  # 21 km
    assert not _near(city("Hemel Hempstead"), city("Aylesbury"))  # 26 km
    assert _near(city("Brooklyn", "US"), city("New York", "US"))
    assert not _near(city("Leeds"), city("Sheffield"))  # 47 km


def test_an_article_names_a_place_by_its_name_by_a_city_near_it_or_by_a_place_inside_it():
    assert _names(at("Paris, Texas"), at("Paris")[:1])  # the same name: the story knows a Paris
    assert _names(at("France")[:1], at("Paris")[:1])  # inside
    assert not _names(at("France")[:1], at("Berlin"))
    assert not _names(at("Paris")[:1], at("France")[:1])  # a city holds no country
    assert _names(at("Brooklyn"), at("New York")[:1])  # near


def test_the_places_a_message_names_the_commonest_first_each_once_in_its_shortest_spelling():
    def named(*spellings: tuple[str, str]) -> str:
        return _place_names([SimpleNamespace(places=at(place), surface=surface) for place, surface in spellings])

    assert named(("Paris", "Paris")) == "Paris"
    assert named(("Berlin", "Berlin"), ("Paris", "Paris, France"), ("Paris", "Paris")) == "Paris or Berlin"
    assert named(("Lyon", "Lyon"), ("Berlin", "Berlin")) == "Berlin or Lyon"  # a tie: by spelling
    assert named(("St. Petersburg", "Saint Petersburg"), ("St. Petersburg", "St. Petersburg")) == "St. Petersburg"
    # a tie ranked by each place's shortest spelling, not its first in the alphabet ("Saint ...")
    assert named(("St. Petersburg", "Saint Petersburg"), ("St. Petersburg", "St. Petersburg"), ("Samara", "Samara"),
                 ("Samara", "Samara")) == "Samara or St. Petersburg"
    assert named(("Paris", "Paris"), ("Paris", "Paris"), ("Lyon", "Lyon"), ("Berlin", "Berlin")) == "Paris, Berlin or Lyon"
    assert named(("Paris", "Paris"), ("Lyon", "Lyon"), ("Berlin", "Berlin"), ("Rome", "Rome")) == \
        "Berlin, Lyon, Paris or elsewhere"


def test_a_day_key_is_a_weekday_or_a_month_and_day():
    assert _day_key("Tuesday") == "tuesday"
    assert _day_key("Tuesday's") == "tuesday" and _day_key("Tuesday’s") == "tuesday"
    assert _day_key("Jan. 6") == "jan 6" and _day_key("January 06") == "jan 6"
    assert _day_key("6 January") == "jan 6" and _day_key("14 Sept") == "sep 14"


def test_an_article_that_names_the_others_place_does_not_stop_the_next_report():
    texts = ["Officials met in Geneva on Sunday."] * 3 + [
        "After the Geneva talks, officials held talks in Abu Dhabi.", "Officials met in Abu Dhabi."]
    assert [f[:4] for f in _story_findings(texts)] == [
        ("4.md", 4, 18, "Puts the meeting in Abu Dhabi, but 3 other articles on this story say Geneva")]


# ---------------------------------------------------------------------------
# A newsroom's rule: its parameters, refused with the reason at the key's line
# ---------------------------------------------------------------------------

_KEYS = ("events, not_events, hedges, hedges_after, other_instance, sequence, not_location, institutions, aliases, "
         "offices, fixed_verbs, persons, never")


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ("compare: [sideways]\n", "'compare' takes within, dateline, across, not ['sideways']"),
        ("compare: []\n", "'compare' takes within, dateline, across, not []"),
        ("compare: [within, sideways, up]\n", "'compare' takes within, dateline, across, not ['sideways', 'up']"),
        ("lexicon: {colours: [red]}\n", f"unknown lexicon key 'colours' (keys: {_KEYS})"),
        ("lexicon: {events: [meeting]}\n", "lexicon 'events' maps a class name to {nouns: [...], verbs: [...]}"),
        ("lexicon: {events: {meeting: [x]}}\n", "lexicon 'events' maps a class name to {nouns: [...], verbs: [...]}"),
        ("lexicon: {events: {meeting: {nouns: powwow}}}\n", "lexicon events: 'nouns' must be a list of words"),
        ("lexicon: {events: {meeting: {verbs: [1]}}}\n", "lexicon events: 'verbs' must be a list of words"),
        ("lexicon: {events: {meeting: {city_nouns: pact}}}\n", "lexicon events: 'city_nouns' must be a list of words"),
        ("lexicon: {events: {meeting: {adverbs: [x]}}}\n", "lexicon events: unknown key 'adverbs'"),
        ("lexicon: {hedges: maybe}\n", "lexicon 'hedges' must be a list of words or phrases"),
        ("lexicon: {sequence: [1]}\n", "lexicon 'sequence' must be a list of words or phrases"),
        ("lexicon: {aliases: [cops]}\n", "lexicon 'aliases' maps a word to the key it stands for"),
        ("lexicon: {aliases: {cops: 1}}\n", "lexicon 'aliases' maps a word to the key it stands for"),
        ("lexicon: {institutions: lighthouse}\n", "lexicon 'institutions' must be a list of words or phrases"),
        ("lexicon: {institutions: [1]}\n", "lexicon 'institutions' must be a list of words or phrases"),
    ],
)
def test_a_bad_parameter_is_refused_with_its_reason_at_its_line(extra, error):
    from test_locations import _rule
    from factlint.errors import FactlintError
    from factlint.ruleset import compile_rules

    with pytest.raises(FactlintError) as raised:
        compile_rules([_rule(extra)])
    assert str(raised.value) == f"test.yaml:7: rule 'test-locations': {error}"


def test_a_rule_spelling_out_a_whole_event_class_is_accepted():
    from test_locations import _rule
    from factlint.linter import lint_sources
    from factlint.ruleset import compile_rules

    [check] = compile_rules([_rule("compare: [within]\nlexicon:\n  events:\n    signing:\n      label: signing\n"
                                   "      single_place: true\n      targets: false\n      city_nouns: [handshake]\n")])
    assert check.lexicon.classes["signing"] == EventClass("signing", "signing", True, False)
    text = "The handshake in Paris sealed the deal on Monday.\n\nThe handshake in Berlin was televised.\n"
    assert [f.location.line for f in lint_sources([("a.md", text.encode())], [check]).findings] == [3]


def test_each_comparison_runs_only_when_the_rule_asks_for_it():
    from test_locations import _rule
    from factlint.linter import lint_sources
    from factlint.ruleset import compile_rules

    within = "Leaders met in Paris on Tuesday.\n\nThe meeting in Berlin ended without a deal.\n"
    dateline = "PARIS (AP) — European leaders met on Tuesday.\n\nThe talks in Vienna ended without a deal.\n"
    files = {"w.md": within, "d.md": dateline}
    files.update(dict([story("a.md", _PARIS), story("b.md", _BERLIN)]))
    sources = [(name, text.encode()) for name, text in sorted(files.items())]
    for compare, expected in [("[within]", ["w.md"]), ("[dateline]", ["d.md"]), ("[across]", ["b.md"]),
                              ("[within, dateline, across]", ["b.md", "d.md", "w.md"])]:
        [check] = compile_rules([_rule(f"compare: {compare}\n")])
        assert sorted(f.path for f in lint_sources(sources, [check]).findings) == expected, compare
        assert check.CROSS_ARTICLE is check.NEEDS_STORIES is ("across" in compare)


def test_which_countries_a_story_names_by_article():
    from factlint.kinds.locations import _country_holders, _told

    paris, lyon, berlin = at("Paris")[0], at("Lyon")[0], at("Berlin")[0]
    holders = _country_holders({"a.md": (paris, lyon), "b.md": (berlin,)})
    assert holders == {"FR": {"a.md": {paris.id, lyon.id}}, "DE": {"b.md": {berlin.id}}}
    in_paris = SimpleNamespace(places=(paris,))
    assert _told(holders, "FR", "b.md", in_paris)  # another article names France
    assert _told(holders, "FR", "a.md", in_paris)  # the article itself, apart from the placement: Lyon
    assert not _told(holders, "FR", "a.md", SimpleNamespace(places=(paris, lyon)))  # only the placement's own places
    assert not _told(holders, "DE", "b.md", SimpleNamespace(places=(berlin,)))
    assert not _told(holders, "IT", "a.md", in_paris)


def test_a_things_head_word_is_singular():
    assert _head("event:riots") == "riot"
    assert _head("greeks") == "greek"


def test_every_placeholder_of_a_newsrooms_message_is_filled_for_each_comparison():
    from factlint.linter import lint_sources
    from factlint.ruleset import compile_rules, parse_rule
    from factlint.yamlio import load_yaml

    text = ("id: all-placeholders\nkind: locations\nmessage: \"{match}|{event}|{thing}|{place}|{other}|{elsewhere}\"\n"
            "severity: warning\ndescription: d\nexamples: {flag: [x], ok: [y]}\ncompare: [within, dateline, across]\n")
    [check] = compile_rules([parse_rule(load_yaml(text, "r.yaml"), "r.yaml")])
    files = {
        "w.md": "Leaders met in Paris on Tuesday.\n\nThe meeting in Berlin ended without a deal.\n",
        "d.md": "PARIS (AP) — European leaders met on Tuesday.\n\nThe talks in Vienna ended without a deal.\n",
        "r.md": "# Fire at Roundhay School in Leeds\n\nA fire broke out at Roundhay School in Sheffield on Monday.\n",
    }
    files.update(dict([story("a.md", _PARIS), story("b.md", _BERLIN), story("c.md", "Police in Lyon said so.", "t"),
                       story("e.md", "Police in Lyon said it.", "t"), story("f.md", "Police in Marseille said it.", "t")]))
    findings = lint_sources([(name, text.encode()) for name, text in sorted(files.items())], [check]).findings
    assert [(f.path, f.message) for f in findings] == [
        # across: a finding placed from the story's extracts has no match text of its own
        ("b.md", "{match}|meeting|the meeting|Berlin|Paris|1 other article on this story says"),
        ("d.md", "PARIS|meeting|the meeting|PARIS|Vienna|line 3 says"),
        ("f.md", "{match}|police|the police|Marseille|Lyon|2 other articles on this story say"),
        ("r.md", "Sheffield|Roundhay School|the Roundhay School|Sheffield|Leeds|line 1 says"),
        ("w.md", "Berlin|meeting|the meeting|Berlin|Paris|line 1 says"),
    ]


def test_a_sentences_words_leave_out_its_place_names_and_only_its_own():
    from factlint.kinds.locations import _sentence_words

    text = "Police in Lyon said so. Officers in Paris and Marseille arrested him in Nice. Roads in Rome closed."
    doc = doc_of(text)
    mentions = [(text.index(name), text.index(name) + len(name), None) for name in ("Lyon", "Paris", "Marseille", "Nice", "Rome")]
    start, end = text.index("Officers"), text.index(". Roads")  # the second sentence, up to "Nice"
    assert _sentence_words(doc, start, end, mentions) == {"officers", "in", "and", "arrested", "him"}
    assert _sentence_words(doc, 0, text.index(" Officers"), mentions) == {"police", "in", "said", "so"}
    assert _sentence_words(doc, 0, len(text), []) == {w.strip(".").lower() for w in text.split()}


def test_how_a_message_names_each_shape_of_thing():
    from factlint.kinds.locations import _thing_phrase

    def phrase(shape: str, label: str) -> str:
        return _thing_phrase(SimpleNamespace(shape=shape, label=label))

    assert phrase("verb", "born") == "'born'"
    assert phrase("possessive", "Waitrose") == "Waitrose"  # "Waitrose's store in Wellington"
    assert phrase("attributive", "Marseille") == "Marseille"
    assert phrase("noun", "Police") == "the Police"  # a noun keeps "the", capital or not
    assert phrase("attributive", "police") == "the police"
    assert phrase("office", "Roundhay School") == "the Roundhay School"  # two words: a name with "the"
    assert phrase("noun", "") == "it"


# ---------------------------------------------------------------------------
# Sides: who agrees with whom
# ---------------------------------------------------------------------------


def _named_sides(items: list, **names) -> list[list[str]]:
    from factlint.kinds.locations import sides

    label = {id(item): name for name, item in names.items()}
    return [[label[id(item)] for item in side] for side in sides(items)]


def where(*places) -> SimpleNamespace:
    return SimpleNamespace(places=tuple(places), day="")


def test_the_best_supported_placement_anchors_the_first_side():
    lyon, paris, paris2 = where(*at("Lyon")), where(*at("Paris")), where(*at("Paris"))
    assert _named_sides([lyon, paris, paris2], lyon=lyon, paris=paris, paris2=paris2) == [["paris", "paris2"], ["lyon"]]


def test_a_city_is_never_vague_a_region_beside_two_places_that_disagree_is():
    from factlint.kinds.locations import _same_place, coarse, sides

    assert not coarse(where(*at("Paris")[:1])) and coarse(where(*at("Surrey"))) and coarse(where(*at("France")))
    # London is one area with Reading and with Luton, which are not one area: still a city, it anchors a side
    london, reading, luton = where(city("London")), where(city("Reading")), where(city("Luton"))
    assert sides([london, reading, luton], _same_place, coarse) == [[london, reading], [luton]]
    # a county and a country beside Leeds and Banstead: each agrees with both, so each is left out
    surrey, leeds, britain, banstead, britain2 = (where(*at("Surrey")[1:]), where(*at("Leeds")), where(*at("Britain")),
                                                  where(*at("Banstead")), where(*at("Britain")))
    assert _named_sides([surrey, leeds, britain, banstead, britain2], surrey=surrey, leeds=leeds, britain=britain,
                        banstead=banstead, britain2=britain2) == [["leeds"], ["banstead"]]


def test_vague_places_are_looked_for_up_to_150_placements():
    from factlint.kinds.locations import MAX_VAGUE_CHECK, sides

    assert MAX_VAGUE_CHECK == 150
    surrey, leeds, banstead = where(*at("Surrey")[1:]), where(*at("Leeds")), where(*at("Banstead"))
    paris = where(*at("Paris"))
    at_limit = sides([surrey, banstead, leeds] + [paris] * 147)
    assert [len(side) for side in at_limit] == [147, 1, 1] and not any(surrey in side for side in at_limit)
    beyond = sides([surrey, banstead, leeds] + [paris] * 148)  # the test is cubic: beyond, a vague place joins a side
    assert [len(side) for side in beyond] == [148, 2, 1] and beyond[1] == [surrey, banstead]


def _scanned_whole(lexicon: Lexicon, text: str) -> list[tuple[tuple[int, int], str]]:
    """What the lexicon's pattern finds trying every position (event_words' reference)."""
    import re

    from factlint.kinds.locations import _words_regex

    plain = text.isascii()
    pattern = _words_regex(lexicon.words, 0 if plain else re.I)
    return [(m.span(), m.group()) for m in pattern.finditer(text.lower() if plain else text)]


@pytest.mark.parametrize("text", [
    "talks talks. Round of talks began; the talks' end",  # a repeat right after; a word inside a match; a clitic after
    "Peace talks, stalks, cease-fire, attack's, re-attack and counter-attack-x: none but the talks",
    "ATTACK! Attacks in Kyiv. A by-election, a by election, the vote.",  # any case; a hyphenated phrase
    "attack",  # the text is the word
    "An explosion’s end, then an explosion at the ROUND OF TALKS in Zürich",  # not ASCII: curly apostrophe
    "Die EXPLOSION in Zürich, dann Attack\u00a0on the bank; ein attack\u2019s end",  # a no-break space after a word
])
def test_event_words_are_found_where_a_word_starts_a_phrase_as_a_whole_scan_finds_them(text):
    lexicon = fresh()
    assert list(lexicon.event_words(text)) and [(m.span(), m.group()) for m in lexicon.event_words(text)] == \
        _scanned_whole(lexicon, text)


def test_a_text_whose_letters_fold_to_ascii_or_whose_lowercase_is_longer_is_scanned_whole():
    lexicon = fresh()
    long_s, kelvin = "\u017f", "\u212a"  # "ſ" and the Kelvin sign match "s" and "k" ignoring case
    texts = (f"A {long_s}torm and an attac{kelvin} in Zürich", f"a ta{long_s}k, a atta{kelvin}",
             "The İstanbul attack and a storm")  # "İ" lowercases to two characters
    for text in texts:
        assert [(m.span(), m.group()) for m in lexicon.event_words(text)] == _scanned_whole(lexicon, text)
    assert [m.group() for m in lexicon.event_words(texts[0])] == [f"{long_s}torm", f"attac{kelvin}"]
    assert [m.span() for m in lexicon.event_words(texts[2])] == [(13, 19), (26, 31)]  # the text's offsets


@pytest.mark.parametrize("word, text, expected", [
    ("'ll meet", "They'll meet in Paris", ["'ll meet"]),  # a clitic ends a word: no word starts it
    ("-fest", "a fun-fest", []),  # a phrase that starts with a mark
    ("émeute", "Une émeute à Paris", ["émeute"]),  # not ASCII
])
def test_a_phrase_no_split_word_starts_makes_the_lexicon_scan_every_position(word, text, expected):
    lexicon = Lexicon({"events": {"riot": {"nouns": [word, "riot"]}}})
    assert [m.group() for m in lexicon.event_words(text)] == expected == [g for _, g in _scanned_whole(lexicon, text)]
    assert [m.group() for m in lexicon.event_words("a riot, a riot")] == ["riot", "riot"]


def test_a_curly_apostrophe_inside_a_phrases_first_word_is_found():
    lexicon = Lexicon({"events": {"concert": {"nouns": ["rock'n'roll gala"]}}})
    text = "A rock\u2019n\u2019roll gala in Zürich and a rock'n'roll gala in Bern"
    assert [m.span() for m in lexicon.event_words(text)] == [(2, 18), (35, 51)] == [sp for sp, _ in _scanned_whole(lexicon, text)]


def test_an_ascii_text_is_matched_only_where_a_word_starts_a_phrase(monkeypatch):
    import factlint.kinds.locations as locations

    calls = []
    original = locations._matches_at_words
    monkeypatch.setattr(locations, "_matches_at_words", lambda *args: calls.append(args[1]) or original(*args))
    lexicon = fresh()
    assert [m.group() for m in lexicon.event_words("The Talks in Paris")] == ["talks"]
    assert [m.group() for m in lexicon.event_words("Die Talks in Zürich")] == ["Talks"]
    assert calls == ["the talks in paris", "Die Talks in Zürich"]  # the lowercase scanned; the text as written


def test_the_first_words_of_event_phrases():
    from factlint.kinds.locations import _first_words

    assert _first_words(["round of talks", "  ", "by-election", "talks", "u.s. strike"]) == \
        frozenset({b"round", b"by-election", b"talks", b"u"})
    assert _first_words(["talks", "'ll meet"]) is None and _first_words(["(talks)"]) is None
    assert _first_words(["café", "talks"]) is None and _first_words([]) == frozenset()


def test_lexicon_phrases_match_across_any_spaces_and_either_apostrophe_and_blank_entries_are_dropped():
    lexicon = Lexicon({"events": {"meeting": {"label": "meeting", "single_place": True, "verbs": ["sat down"]}},
                       "hedges": ["  ", "won't", "maybe"]})
    assert lexicon.hedges.search("Leaders met in Paris on Tuesday.") is None  # no empty phrase matching anywhere
    assert lexicon.hedges.search("They won’t meet in Geneva.") and lexicon.hedges.search("They won't meet in Geneva.")
    hits = [m.group() for m in lexicon.event_words("Leaders sat\ndown in Paris; others sat  down in Rome.")]
    assert hits == ["sat\ndown", "sat  down"]
    doc = doc_of("The leaders sat\ndown in Paris on Tuesday.\n")
    assert [(p.event, p.surface) for p in lexicon.analysis(doc).placements] == [("meeting", "Paris")]


def test_the_surest_key_of_a_thing_speaks_for_it():
    # "the Waitrose supermarket": a named thing (two other articles) and a supermarket (three); the name speaks
    texts = ["Shoppers queued outside the Waitrose supermarket in Wellington on Sunday.",
             "The Waitrose supermarket in Wellington reopened on Monday.", "Staff at the supermarket in Wellington were praised.",
             "The Waitrose supermarket in Taunton reopened on Monday."]
    assert [f[:4] for f in _story_findings(texts)] == [
        ("3.md", 4, 29, "Puts the Waitrose supermarket in Taunton, but 2 other articles on this story say Wellington")]


# ---------------------------------------------------------------------------
# Counterparts: the same sentence told with another place
# ---------------------------------------------------------------------------


def told(key: str, place: str, location: str, words: set[str]) -> SimpleNamespace:
    return SimpleNamespace(key=key, places=at(place)[:1], location=location, asserted=True, words=frozenset(words))


_X = {f"x{i}" for i in range(1, 15)}  # the words the two sentences may share


def _counterparts(by_key: dict, named: dict) -> list[tuple]:
    from factlint.kinds.locations import _counterpart_outliers

    return [(first.location, [(path, q.location) for path, q in matches])
            for first, matches in _counterpart_outliers(by_key, named)]


def test_a_counterpart_shares_two_fifths_of_the_shorter_sentences_content_words():
    cleveland, ibb = at("Cleveland")[:1], at("Ibb")[:1]
    named = {"a.md": cleveland, "b.md": cleveland, "c.md": ibb}
    mine = told("setback", "Ibb", "c:1", {"setback"} | _X)  # 15 words
    six = told("loss", "Cleveland", "a:1", {"setback", "x1", "x2", "x3", "x4", "x5"} | {f"y{i}" for i in range(9)})
    assert _counterparts({"setback": [("c.md", (mine,))], "loss": [("a.md", (six,))]}, named) == [("c:1", [("a.md", "a:1")])]
    five = told("loss", "Cleveland", "a:1", {"setback", "x1", "x2", "x3", "x4"} | {f"y{i}" for i in range(10)})
    assert _counterparts({"setback": [("c.md", (mine,))], "loss": [("a.md", (five,))]}, named) == []
    # the story's place must be one two other articles name
    assert _counterparts({"setback": [("c.md", (mine,))], "loss": [("a.md", (six,))]},
                         {"a.md": cleveland, "b.md": at("Paris")[:1], "c.md": ibb}) == []


def test_each_article_a_counterpart_is_found_in_is_related_once():
    cleveland, ibb = at("Cleveland")[:1], at("Ibb")[:1]
    named = {"a.md": cleveland, "b.md": cleveland, "d.md": cleveland, "c.md": ibb}
    mine = told("setback", "Ibb", "c:1", {"setback"} | _X)
    words = {"setback"} | _X
    by_key = {"setback": [("c.md", (mine,))],
              "loss": [("a.md", (told("loss", "Cleveland", "a:1", words), told("loss", "Cleveland", "a:2", words))),
                       ("d.md", (told("loss", "Cleveland", "d:1", words),))]}
    assert _counterparts(by_key, named) == [("c:1", [("a.md", "a:1"), ("d.md", "d:1")])]


def test_a_sentence_that_tells_none_of_the_others_thing_is_no_counterpart_of_it_but_the_next_may_be():
    cleveland, ibb = at("Cleveland")[:1], at("Ibb")[:1]
    named = {"a.md": cleveland, "b.md": cleveland, "c.md": ibb}
    mine = told("setback", "Ibb", "c:1", {"setback"} | _X)
    by_key = {"setback": [("c.md", (mine,))],
              "coach": [("a.md", (told("coach", "Cleveland", "a:1", _X),))],  # shares words, tells no setback
              "loss": [("b.md", (told("loss", "Cleveland", "b:1", {"setback"} | _X),))]}
    assert _counterparts(by_key, named) == [("c:1", [("b.md", "b:1")])]


# issue 20 (per-byte cost): a run's places shared out by bisection, a repeated window read once


def test_a_sentences_places_taken_from_its_run_by_bisection_are_the_sentences_own(monkeypatch):
    """locations reads a run of neighbouring event sentences' places once and gives each sentence its share by
    bisection: the share is the places inside the sentence, as asking for that sentence alone gives."""
    from factlint.kinds import locations as L
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    seen = []
    plain = L.Analyzer._sentence

    def sentence(self, analysis, index, paragraph, s_start, s_end, hits, mentions):
        seen.append((mentions, self._mentions(s_start, s_end)))
        return plain(self, analysis, index, paragraph, s_start, s_end, hits, mentions)

    monkeypatch.setattr(L.Analyzer, "_sentence", sentence)
    rng = random.Random(28)
    towns = ["Paris", "Berlin", "Lyon", "Kyiv", "Rome", "Springfield, Illinois", "Madrid"]
    for _ in range(40):
        text = " ".join(f"The meeting in {rng.choice(towns)} drew {rng.randint(2, 90)} leaders after a blast near {rng.choice(towns)}."
                        for _ in range(rng.randint(1, 30))) + "\n"
        check = next(c for c in compile_rules(load_rules([builtin_rules_dir()]), {}) if c.rule.id == "location-mismatch")
        list(check.check(parse_document("story.txt", text.encode("utf-8"))))
    assert seen and any(len(given) > 1 for given, _ in seen)
    for given, own in seen:
        assert given == own


def test_an_article_that_repeats_a_paragraph_has_its_places_read_once_and_found_in_each_repeat(monkeypatch):
    """locations reads the places of each distinct window of text once an article: every repeat of a paragraph
    has the first one's places at its own offsets, and the gazetteer is asked once for the repeated words."""
    from factlint.kinds import locations as L
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    calls = []
    plain = L.find_places
    monkeypatch.setattr(L, "find_places", lambda window, **kw: calls.append(window) or plain(window, **kw))
    paragraph = "Leaders met in Paris on Tuesday, officials said. Police in Lyon said 35 people were hurt in a blast near Madrid.\n\n"
    text = paragraph * 12
    doc = parse_document("story.txt", text.encode("utf-8"))
    check = next(c for c in compile_rules(load_rules([builtin_rules_dir()]), {}) if c.rule.id == "location-mismatch")
    found = L.article_places(doc, check.lexicon)
    assert len(calls) == len(set(calls)) < len(found)
    per = len(found) // 12
    assert per and len(found) == 12 * per
    for k in range(12):
        shift = k * len(paragraph)
        assert [(s - shift, e - shift, m) for s, e, m in found[k * per:(k + 1) * per]] == found[:per]
    assert [text[s:e] for s, e, _ in found[:per]] == ["Paris", "Lyon", "Madrid"]


# ---------------------------------------------------------------------------
# A place of a list that strays from the list's country
# ---------------------------------------------------------------------------

_GRAIN = "BUENOS AIRES, March 3 - Grain farmers in Argentina counted their losses.\n\n{}\n"


def strays(text: str) -> list[tuple[str, list[str]]]:
    from factlint.kinds.locations import article_places, list_outliers

    doc = doc_of(_GRAIN.format(text))
    return [(item[2].surface, [o[2].surface for o in others])
            for item, others in list_outliers(doc, article_places(doc, load_lexicon()))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # three places, two of one country, each with its figure: the third strays
        ("Rain reached 83 mm in Cordoba, 41 in Corrientes and 95 in Kaluga.", [("Kaluga", ["Cordoba", "Corrientes"])]),
        # two in three of the others is enough (Entre Rios is a Brazilian town to the gazetteer)
        ("Rain reached 83 mm in Corrientes, 41 in Cordoba, 50 in Entre Rios and 95 in Kaluga.",
         [("Kaluga", ["Corrientes", "Cordoba", "Entre Rios"])]),
        # one in two is not
        ("Rain reached 83 mm in Corrientes, 50 in Entre Rios and 95 in Kaluga.", []),
        # two places are no list to stray from
        ("Rain reached 83 mm in Corrientes and 95 in Kaluga.", []),
        # a country is no member: two members left
        ("Rain reached 83 mm in Corrientes, 41 in Cordoba and 95 in Russia.", []),
        # a country ends the list: its places span two countries
        ("Rain reached 83 mm in Corrientes, 41 in Cordoba, 50 in Uruguay and 95 in Kaluga.", []),
        # a place of another kind between them ends the list
        ("Rain reached 83 mm in Corrientes, 41 in Cordoba, Moscow said, and 95 in Kaluga.", []),
        # a plain list, without a figure for each place: it may go abroad on purpose
        ("Storms damaged maize in Corrientes, Cordoba and Kaluga.", []),
        ("Rain reached 83 mm in Corrientes, Cordoba and 95 in Kaluga.", []),
        # a gap of words that are no list's ("spoke to reporters in") joins nothing
        ("Rain reached 83 mm in Corrientes, 41 in Cordoba, spoke to reporters in Kaluga.", []),
        # a gap of thirteen words does not
        ("Rain reached 83 mm in Cordoba, 41 in Corrientes, and one two three four five six seven eight nine ten "
         "eleven twelve mm in Kaluga.", []),
    ],
)
def test_list_outliers_at_their_edges(text, expected):
    assert strays(text) == expected


def test_a_list_outlier_is_measured_against_the_lists_country_only(monkeypatch):
    import factlint.kinds.locations as locations

    text = "Rain reached 83 mm in Cordoba, 41 in Corrientes and 95 in Kaluga."
    kaluga = gz.lookup("Kaluga")[0]
    distance = min(gz.distance_km(kaluga, gz.lookup(name)[0]) for name in ("Cordoba", "Corrientes"))
    monkeypatch.setattr(locations, "LIST_OUTLIER_KM", distance + 1)
    assert strays(text) == []
    monkeypatch.setattr(locations, "LIST_OUTLIER_KM", distance)
    assert strays(text) == [("Kaluga", ["Cordoba", "Corrientes"])]
    monkeypatch.setattr(locations, "LIST_OUTLIER_KM", distance - 1)
    assert strays(text) == [("Kaluga", ["Cordoba", "Corrientes"])]


def test_a_list_outliers_finding_names_the_list():
    assert found({"a.md": _GRAIN.format("Rain reached 83 mm in Cordoba, 41 in Corrientes and 95 in Kaluga.")}) == [
        ("a.md", 3, 59, "Puts one of the list's places in Kaluga, but the list's other places lie in another "
         "country: Cordoba and Corrientes",
         [("a.md", 3, 23, "Cordoba, in the same list"), ("a.md", 3, 38, "Corrientes, in the same list")])]


@pytest.mark.parametrize(("gap", "joined"), [
    (", 41 in ", True), (", five to 31 mm in ", True), (" and 95 in ", True), ("; 95 in ", True), (", or 95 in ", True),
    (" and Misiones, 95 in ", True), (", eight in Chaco and 35 in ", True), (", between 15 and 100 mm in ", True),
    (", ", False), (" and ", False), (" and in ", False), (", spoke to 5 reporters in ", False), (", Chaco and ", False), (" ", False), (" in ", False), (", 41 ", False),
    ("41 in ", False), (", spoke to reporters in ", False), (", where police in ", False),
    (", and later in ", False), (" neighborhood in ", False),
])
def test_what_joins_two_places_in_one_list(gap, joined):
    from factlint.kinds.locations import _list_gap

    assert _list_gap(gap) is joined


@pytest.mark.parametrize(("key", "visit"), [
    ("person:cuenca:brief", True), ("person:cuenca", False), ("office:mayor", False), ("event:meeting", False),
    ("place:east flatbush", False),
])
def test_a_visit_key(key, visit):
    from factlint.kinds.locations import _visit

    assert _visit(key) is visit
