"""The locations kind: places tied to events, hedges, containment, and the
three comparisons (within an article, dateline against body, across a story)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.document import parse_document
from factlint.errors import FactlintError
from factlint.kinds.locations import agree, load_lexicon
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules, parse_rule
from factlint.yamlio import load_yaml

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULES = {rule.id: rule for rule in load_rules([builtin_rules_dir()]) if rule.kind == "locations"}


def placements(text: str, status: str | None = "asserted") -> list[tuple[str, str]]:
    """(event class, place as written) of every placement the kind reads."""
    doc = parse_document("example.md", text.encode("utf-8"))
    found = load_lexicon().analysis(doc).placements
    return [(p.event, p.surface) for p in found if status is None or p.status == status]


def statuses(text: str) -> dict[str, str]:
    doc = parse_document("example.md", text.encode("utf-8"))
    return {p.surface: p.status for p in load_lexicon().analysis(doc).placements}


def lint(files: dict[str, str], rules: tuple[str, ...] = ("location-mismatch",)) -> list:
    checks = compile_rules([RULES[r] for r in rules])
    report = lint_sources([(name, text.encode("utf-8")) for name, text in sorted(files.items())], checks)
    assert not report.errors, [str(e) for e in report.errors]
    return report.findings


def story(name: str, text: str, label: str = "s") -> tuple[str, str]:
    return name, f"---\nstory: {label}\n---\n{text}\n"


# ---------------------------------------------------------------------------
# Recognition in context, as the kind sees it
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a pivotal meeting held in Berlin, officials agreed.", [("meeting", "Berlin")]),
        ("Leaders met in Paris on Tuesday to discuss the plan.", [("meeting", "Paris")]),
        ("The agreement was reached during a meeting of the so-called Coalition of the Willing in Paris.",
         [("meeting", "Paris")]),
        ("The Geneva talks ended without a deal.", [("meeting", "Geneva")]),
        ("In Geneva, the talks resumed on Monday.", [("meeting", "Geneva")]),
        ("The summit, which was held in Helsinki, ended early.", [("meeting", "Helsinki")]),
        ("A powerful earthquake struck southern Iran on Sunday.", [("earthquake", "Iran")]),
        ("A bomb attack on a bank in Athens killed three people.", [("attack", "Athens")]),
        ("Officials met in Nice on Friday.", [("meeting", "Nice")]),  # ambiguous name, locative context
        ("The ministers met in Paris, Texas, on Friday.", [("meeting", "Paris, Texas")]),
        ("Negotiators met in Kiev on Monday.", [("meeting", "Kiev")]),  # an alias
        ("Talks between Israel and Hamas in Cairo ended on Sunday.", [("meeting", "Cairo")]),
        ("They met in the Saudi capital, Riyadh, on Tuesday.", [("meeting", "Riyadh")]),
        ("Kim and Trump met at the Capella hotel in Singapore.", [("meeting", "Singapore")]),  # a venue's name
        ("Ministers meeting in Brussels agreed to extend sanctions.", [("meeting", "Brussels")]),
        ("Employers and unions met for talks in northern Germany, where wages are higher.", [("meeting", "Germany")]),
    ],
)
def test_event_places(text, expected):
    assert placements(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said the meeting was a waste of time.",  # metonymy: a government
        "Nice work came out of the meeting.",  # an ambiguous name without context
        "Florence Pugh attended the premiere.",  # a person's name
        "Paris Hilton arrived at the wedding.",
        "Talks on the war in Ukraine continued.",  # a topic, not a venue
        "Leaders met to discuss the situation in Gaza.",  # a purpose clause
        "Leaders from France met on Tuesday.",  # origin, not venue
        "The US military intervention in Venezuela was condemned after the summit.",  # the actor before the event
        "The quake was felt in Dubai.",  # where it was felt, not where it was
        "A Paris-based firm organised the conference.",
        "Officials held a press conference in Washington.",  # not an event of the story
        "In Moscow, officials said the talks had failed.",  # the scene of the saying
        "The minister was heading for Washington for talks.",  # a destination
        "Delegates discussed a Middle East peace conference.",  # a region names the topic
    ],
)
def test_no_event_place(text):
    assert [p for p in placements(text) if p[0] not in ("strikes",)] == []


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("PARIS (AP) — Leaders met here on Tuesday.", "PARIS"),
        ("KYIV, Ukraine (Reuters) - Talks resumed here.", "KYIV, Ukraine"),
        ("# Talks resume\n\nGENEVA, March 3 - Negotiators met here.", "GENEVA"),
        ("Paris Hilton — the heiress — attended the gala.", None),
        ("Leaders met here on Tuesday.", None),
    ],
)
def test_datelines_as_the_kind_reads_them(text, dateline):
    doc = parse_document("example.md", text.encode("utf-8"))
    analysis = load_lexicon().analysis(doc)
    assert (analysis.dateline.surface if analysis.dateline else None) == dateline
    here = [p for p in analysis.placements if p.here]
    assert [p.places == analysis.dateline.places for p in here] == ([True] if dateline and "here" in text else [])


def test_strikes_on_several_places_are_placements_never_compared():
    text = ("Drones hit an arsenal in Russia's Kostroma region and an oil depot in Russia's Lipetsk region.\n\n"
            "The drone strikes in Russia's Kostroma region triggered explosions. Air strikes in Lipetsk caused a fire.\n")
    assert lint({"a.md": text}) == []


# ---------------------------------------------------------------------------
# Hedged, future and other placements
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Further negotiations are expected to continue, with talks potentially taking place in Miami.", "Miami"),
        ("The two leaders will meet in Geneva next week.", "Geneva"),
        ("Talks could take place in Vienna.", "Vienna"),
        ("There was no meeting in Paris.", "Paris"),
        ("The summit is scheduled to be held in Riyadh.", "Riyadh"),
        ("The summit is to take place in Jeddah.", "Jeddah"),
        ("Officials denied that the talks took place in Doha.", "Doha"),
        ("Talks in Miami or elsewhere in the U.S. are possible.", "Miami"),
    ],
)
def test_hedged_and_future_placements(text, place):
    assert statuses(text)[place] == "hedged"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Last month's meeting in Berlin ended without a deal.", "Berlin"),
        ("An earlier round of talks in Geneva failed.", "Geneva"),
        ("A quake killed 26,000 people in Bam in December 2003.", "Bam"),
        ("Leaders met in Paris after talks in Berlin failed.", "Berlin"),
        ("It was the deadliest attack in France since 2015.", "France"),
    ],
)
def test_other_instances(text, place):
    assert statuses(text)[place] == "other"


def test_one_event_in_two_places_in_one_sentence_is_unclear():
    assert statuses("Macron met Scholz in Paris at a summit in Berlin.") == {"Paris": "unclear", "Berlin": "unclear"}


def test_a_date_weeks_from_the_article_is_another_instance():
    text = "---\ndate: 1987-03-26\n---\nMinisters met in Paris on February 22 to stabilise currencies.\n"
    assert statuses(text) == {"Paris": "other"}
    assert statuses(text.replace("1987-03-26", "1987-02-23")) == {"Paris": "asserted"}


def test_charged_after_a_fire_keeps_the_fire():
    text = "A man has been charged with arson after a fire at the Waitrose supermarket in Wellington, Somerset."
    assert statuses(text)["Wellington, Somerset"] == "asserted"


# ---------------------------------------------------------------------------
# Containment
# ---------------------------------------------------------------------------


def _places(text: str) -> tuple:
    doc = parse_document("example.md", text.encode("utf-8"))
    return load_lexicon().analysis(doc).placements[0].places


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Leaders met in Paris.", "Leaders met in France.", True),
        ("Leaders met in Paris.", "Leaders met in Berlin.", False),
        ("Leaders met in Kiev.", "Leaders met in Kyiv.", True),
        ("Leaders met in Donetsk.", "Leaders met in the Donbas.", True),
        ("A fire broke out at a store in Banstead.", "A fire broke out at a store in Surrey.", True),
        ("A fire broke out at a store in Banstead.", "A fire broke out at a store in Wellington, Somerset.", False),
        ("The quake struck near Bandar Abbas.", "The quake struck in Qeshm.", True),  # "near": its province
        ("The quake struck in Bandar Abbas.", "The quake struck in Qeshm.", False),
        ("Leaders met in Paris.", "Leaders met in Europe.", True),
    ],
)
def test_containment(a, b, same):
    assert agree(_places(a), _places(b)) is same


# ---------------------------------------------------------------------------
# Within an article
# ---------------------------------------------------------------------------


def test_within_the_same_meeting_in_two_places():
    text = "Leaders met in Paris on Tuesday to discuss the plan.\n\nThe meeting in Berlin ended without a deal.\n"
    [finding] = lint({"a.md": text})
    assert (finding.location.line, finding.excerpt.count("Berlin")) == (3, 1)
    assert "Berlin" in finding.message and "Paris" in finding.message
    assert [r.location.line for r in finding.related] == [1]


def test_within_the_majority_stands():
    text = ("A summit was held in Paris on Tuesday.\n\nThe summit in Paris agreed guarantees.\n\n"
            "Critics said the summit in Berlin changed nothing.\n")
    [finding] = lint({"a.md": text})
    assert finding.location.line == 5


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met in Paris on Tuesday.\n\nThe meeting in France ended without a deal.\n",  # containment
        "Leaders met in Paris on Monday.\n\nThey met in Berlin on Wednesday.\n",  # two meetings
        "Macron met Scholz in Paris and later in Berlin.\n",  # one sentence: a tour
        "Leaders met in Paris.\n\nLast year's meeting in Berlin ended without a deal.\n",
        "Leaders met in Paris.\n\nThey will meet in Berlin next week.\n",
        "A quake hit Iran.\n\nOn Saturday a quake in eastern China killed 13.\n\nMore text.\n\nThe quake in China was weaker.\n",
    ],
)
def test_within_left_alone(text):
    assert lint({"a.md": text}) == []


# ---------------------------------------------------------------------------
# Dateline against body
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "PARIS (AP) — European leaders met on Tuesday to discuss guarantees.\n\nThe meeting in Berlin ended without a deal.\n",
        "GENEVA (Reuters) - Negotiators resumed talks here on Monday.\n\nThe talks in Vienna ended without an agreement.\n",
    ],
)
def test_dateline_disagrees_with_the_body(text):
    [finding] = lint({"a.md": text}, ("dateline-mismatch",))
    assert finding.location.line == 1 and finding.location.column == 1
    assert finding.related


@pytest.mark.parametrize(
    "text",
    [
        # the reporter's city is not the event's
        "WASHINGTON (Reuters) - A strong earthquake struck southern Iran on Sunday.\n",
        "LONDON (Reuters) - OPEC ministers meeting in Vienna agreed to cut output.\n",
        # a noun in the lead is no statement of where the event was
        "WASHINGTON, March 3 - The collapse of coffee talks yesterday removes the need for a bill, analysts here said."
        "\n\nThe failure of the talks in London means the bill is not needed.\n",
        "PARIS (AP) — Leaders met on Tuesday.\n\nThe meeting in France ended early.\n",
        "PARIS (AP) — Leaders met on Tuesday. Further talks will take place in Berlin next week.\n",
    ],
)
def test_dateline_left_alone(text):
    assert lint({"a.md": text}, ("dateline-mismatch",)) == []


# ---------------------------------------------------------------------------
# Across articles on one story
# ---------------------------------------------------------------------------


def test_across_the_article_against_the_majority():
    files = dict([
        story("a.md", "In a pivotal meeting held in Berlin, allies agreed guarantees.\n\nThe agreements in Berlin matter."),
        story("b.md", "Allies agreed guarantees during a meeting in Paris."),
        story("c.md", "Leaders met in Paris on Tuesday and agreed guarantees."),
        story("d.md", "The agreement was reached at a summit in Paris."),
    ])
    [finding] = lint(files)
    assert (finding.path, finding.location.line) == ("a.md", 4)
    assert "3 other articles" in finding.message
    related = sorted((r.location.path, r.location.line) for r in finding.related)
    assert related == [("b.md", 4), ("c.md", 4), ("d.md", 4)]


def test_across_no_majority_reports_each_side_once():
    files = dict([
        story("a.md", "Leaders met in Paris on Tuesday."),
        story("b.md", "Leaders met in Paris on Tuesday."),
        story("c.md", "Leaders met in Berlin on Tuesday."),
        story("d.md", "Leaders met in Berlin on Tuesday."),
    ])
    findings = lint(files)
    assert sorted(f.path for f in findings) == ["a.md", "c.md"]
    assert all("no majority" in f.message for f in findings)


def test_across_only_within_a_story():
    files = dict([
        story("a.md", "Leaders met in Paris on Tuesday.", "one"),
        story("b.md", "Leaders met in Berlin on Tuesday.", "two"),
    ])
    assert lint(files) == []


@pytest.mark.parametrize(
    "texts",
    [
        # containment and aliases agree
        ["Leaders met in Paris.", "The summit took place in France.", "Talks were held in Paris."],
        ["Talks in Kiev ended.", "Talks in Kyiv ended.", "The Kyiv talks ended."],
        # a vague place sides with everyone and contradicts no one
        ["A fire gutted a store in Surrey.", "A fire gutted a store in Banstead.", "A fire gutted a store in Banstead."],
        # hedged and other placements are not compared
        ["Leaders met in Paris.", "Talks could potentially take place in Miami.", "Leaders met in Paris."],
        ["Leaders met in Paris.", "Last month's meeting in Berlin failed.", "Leaders met in Paris."],
        # different events of one story
        ["Leaders met in Paris.", "Drone strikes hit an arsenal in Kostroma.", "Leaders met in Paris."],
        ["Officials met in Geneva on Sunday.", "After the Geneva talks, officials held talks in Abu Dhabi on Monday.",
         "Officials met in Geneva on Sunday."],
        ["Officials met in Geneva.", "After the Geneva talks, officials held talks in Abu Dhabi.", "Officials met in Geneva."],
        # things (factlint.attachments): a borough and its city, a suburb and its centre, one area
        ["Police in New York said the boy had a gun.", "Police in New York said so.", "Police in Brooklyn said so."],
        ["He died at a hospital in Denver.", "He died at a hospital in Denver on Sunday.", "He died at a hospital in Aurora."],
        # a place inside the other
        ["Police in France said the man fled.", "Police in Lyon said the man fled.", "Police in Lyon arrested him."],
        # lists, other instances, guesses
        ["Police in Lyon said so.", "Police in Lyon said so.", "Police in Lyon and Paris were on alert."],
        ["Police in Lyon said so.", "Police in Lyon said so.", "Last year's attack near the embassy in Rome was similar."],
        ["Police in Lyon said so.", "Police in Lyon said so.", "The suspect may be held by police, possibly in Paris."],
        # twin events the story itself places in two places
        ["The bombing at the station in Madrid killed 12.", "The bombing at the station in Madrid killed 12.",
         "The twin bombings at stations in Madrid and Barcelona killed 20. The bombing at the station in Barcelona "
         "killed eight."],
        # a place the story knows is no slip
        ["Police in Lyon said the man fled.", "Police in Lyon said the man fled to Paris.",
         "Police in Paris said the man was caught."],
        # a generic thing in the story's own country
        ["Office workers in Dubai fled.", "Office workers in Dubai fled.", "Office workers in Abu Dhabi fled."],
        # names that hold a place
        ["The Washington Post said police in Lyon made an arrest.", "Police in Lyon made an arrest.",
         "The New York Times said police in Lyon made an arrest."],
    ],
)
def test_across_left_alone(texts):
    files = dict(story(f"{i}.md", text) for i, text in enumerate(texts))
    assert lint(files) == []


def test_seeds_acceptance():
    sources = [(f"seeds/{p.name}", p.read_bytes()) for p in sorted(SEEDS.iterdir())]
    checks = compile_rules(list(RULES.values()))
    findings = lint_sources(sources, checks).findings
    assert len(findings) == 1
    [finding] = findings
    assert (finding.path, finding.location.line) == ("seeds/000_be04edceb295be90.txt", 3)
    assert finding.excerpt.startswith("In a pivotal meeting held in Berlin")
    related = {(Path(r.location.path).name[:3], r.location.line) for r in finding.related}
    assert {("001", 2), ("003", 2), ("004", 5)} <= related
    assert related <= {("001", 2), ("003", 2), ("004", 5), ("000", 43)}


# ---------------------------------------------------------------------------
# Rule parameters
# ---------------------------------------------------------------------------


def _rule(extra: str):
    text = ("id: test-locations\nkind: locations\nmessage: '{place}'\nseverity: warning\ndescription: d\n"
            "examples: {flag: [x], ok: [y]}\n" + extra)
    return parse_rule(load_yaml(text, "test.yaml"), "test.yaml")


def test_lexicon_additions_reach_the_kind():
    rule = _rule("compare: [within]\nlexicon:\n  events:\n    meeting:\n      nouns: [powwow]\n")
    [check] = compile_rules([rule])
    text = "Leaders held a powwow in Paris on Tuesday.\n\nThe powwow in Berlin ended early.\n"
    report = lint_sources([("a.md", text.encode())], [check])
    assert [f.location.line for f in report.findings] == [3]


@pytest.mark.parametrize(
    "extra",
    ["compare: [sideways]\n", "lexicon: {colours: [red]}\n", "lexicon: {events: {meeting: {adverbs: [x]}}}\n",
     "lexicon: {aliases: [cops]}\n", "lexicon: {institutions: lighthouse}\n"],
)
def test_bad_parameters_are_rule_errors(extra):
    with pytest.raises(FactlintError):
        compile_rules([_rule(extra)])


# ---------------------------------------------------------------------------
# Things across a story (factlint.attachments): the outlier article
# ---------------------------------------------------------------------------


def test_across_police_placed_elsewhere_by_one_article():
    files = dict([
        story("a.md", "Police in Marseille said a man had been arrested after the stabbing.\n\nThe victim was 34."),
        story("b.md", "A man was arrested on Sunday, police in Marseille said.\n\nHe was 25."),
        story("c.md", "The suspect fled on foot, police in Lyon said.\n\nThe victim, 34, died in hospital."),
    ])
    [finding] = lint(files)
    assert (finding.path, finding.location.line) == ("c.md", 4)
    assert finding.message == "Puts the police in Lyon, but 2 other articles on this story say Marseille"
    assert sorted((r.location.path, r.location.line) for r in finding.related) == [("a.md", 4), ("b.md", 4)]


def test_across_a_named_thing_one_article_against_one_at_the_later():
    files = dict([
        story("a.md", "Shoppers queued outside the Waitrose supermarket in Wellington on Sunday."),
        story("b.md", "The Waitrose supermarket in Taunton reopened its doors on Monday."),
    ])
    [finding] = lint(files)
    assert (finding.path, finding.message) == (
        "b.md", "Puts the Waitrose supermarket in Taunton, but 1 other article on this story says Wellington")


def test_across_one_against_one_the_place_the_story_does_not_know_is_reported():
    files = dict([
        story("a.md", "Crews fought a blaze at the Waitrose supermarket in Barquisimeto for six hours."),
        story("b.md", "A fire damaged the Waitrose supermarket in Wellington on Sunday."),
        story("c.md", "Roads in Wellington were closed to traffic while the fire burned."),
    ])
    [finding] = lint(files)
    assert finding.path == "a.md"  # the earlier article, since the story names Wellington elsewhere


_RESTATED = ("He said a decision by the PCGG last week to probe certificates held by brokers at {}'s two stock "
             "exchanges was prompted by suspicion.")


@pytest.mark.parametrize(
    ("texts", "place"),
    [
        # a restated sentence with its place changed: one article against one is enough
        ([_RESTATED.format("Manila"), _RESTATED.format("Skardu")], "Skardu"),
        # a generic thing, in a country the rest of the story never names
        (["Office workers in Dubai evacuated buildings after the quake struck southern Iran.",
          "The quake was felt across the Gulf. Office workers in Dubai fled into the streets.",
          "An office worker in Sialkot said the tremor lasted 30 seconds."], "Sialkot"),
        # an event that happens in many places, placed abroad
        (["Protests in Athens turned violent on Saturday.", "Riots in Athens continued for a third night.",
          "Thousands joined protests in Athens and Thessaloniki.",
          "An orderly protest turned into a riot in Russeifa tonight."], "Russeifa"),
        # the crash placed past the lead ("the crash near Segovia" in a later paragraph)
        (["A bus crashed near Madrid on Monday. The crash near Madrid killed 12.",
          "The crash near Madrid killed 12 people on Monday.",
          "Rescuers searched the wreckage on Monday.\n\nThe airline said 40 people were on board.\n\n"
          "Officials said the crash near Segovia killed 12 people."], "Segovia"),
    ],
)
def test_across_the_last_article_is_the_outlier(texts, place):
    files = dict(story(f"{i}.md", text) for i, text in enumerate(texts))
    [finding] = lint(files)
    assert finding.path == f"{len(texts) - 1}.md" and place in finding.message
    assert finding.location.line == 4 + texts[-1][:texts[-1].index(place)].count("\n")


# ---------------------------------------------------------------------------
# Things within an article
# ---------------------------------------------------------------------------


def test_within_the_headline_and_a_later_paragraph_against_the_lead():
    text = ("# Fire at Roundhay School in Leeds\n\nA fire broke out at Roundhay School in Sheffield on Monday.\n\n"
            "Firefighters were called at 6am.\n\nPupils will return on Wednesday.\n\n"
            "Roundhay School in Leeds has 1,200 pupils.\n")
    [finding] = lint({"a.md": text})
    assert finding.location.line == 3
    assert finding.message == "Puts the Roundhay School in Sheffield, but line 1 says Leeds"
    assert [r.location.line for r in finding.related] == [1, 9]


@pytest.mark.parametrize(
    "text",
    [
        # two police forces in one story are no contradiction
        "Police in Athens fired tear gas.\n\nPolice in Thessaloniki arrested 12.\n",
        # a thing told only in the body
        "Leaders met on Tuesday.\n\nMore text.\n\nRoundhay School in Leeds closed. Roundhay School in Sheffield opened.\n",
        # two shopping centres with the same initials
        "Bought the Best Plaza Shopping Center in Pleasanton, Calif., and the Bristol Place Shopping Center in "
        "Santa Ana, Calif.\n",
    ],
)
def test_within_things_left_alone(text):
    assert lint({"a.md": text}) == []


# ---------------------------------------------------------------------------
# The events other kinds share; dates and days
# ---------------------------------------------------------------------------


def test_story_events_is_the_events_an_article_tells_as_its_own():
    from factlint.kinds.locations import story_events

    doc = parse_document("a.md", b"Leaders met in Paris on Tuesday.\n\nA quake struck near Tokyo last year.\n")
    events = story_events(doc)
    assert {event: (p.surface, p.day) for event, p in events.items()} == {"meeting": ("Paris", "tuesday")}
    assert story_events(doc) is events  # memoised on the document


@pytest.mark.parametrize(
    ("article", "told", "far"),
    [
        ("1987-03-26", "feb 22", True),
        ("1987-03-26", "mar 24", False),
        ("1987-01-02", "dec 30", False),  # across the new year: 3 days
        ("1987-12-30", "jan 3", False),
        ("1987-01-20", "dec 30", True),
        ("1987-03-26", "tuesday", False),  # a weekday is no date
        ("1987-02-27", "feb 31", False),  # no such day
    ],
)
def test_a_date_far_from_the_articles_is_another_instance(article, told, far):
    from factlint.kinds.locations import Analyzer

    doc = parse_document("a.md", f"---\ndate: {article}\n---\nText.\n".encode())
    assert Analyzer(load_lexicon(), doc)._far_from_article(told) is far


@pytest.mark.parametrize(("a", "b", "other"), [("monday", "wednesday", True), ("monday", "monday", False),
                                                ("monday", "", False), ("", "", False), ("mar 3", "mar 4", True)])
def test_other_days(a, b, other):
    from factlint.kinds.locations import _other_days

    assert _other_days(a, b) is other


def test_a_rule_adds_institutions_to_the_things_compared():
    rule = _rule("compare: [across]\nlexicon:\n  institutions: [lighthouse]\n  aliases: {beacon: lighthouse}\n")
    [check] = compile_rules([rule])
    files = dict([
        story("a.md", "Keepers at the lighthouse in Genoa raised the alarm."),
        story("b.md", "The beacon in Genoa guided the rescue."),
        story("c.md", "Keepers at the lighthouse in Naples raised the alarm."),
    ])
    report = lint_sources([(name, text.encode()) for name, text in sorted(files.items())], [check])
    assert [(f.path, f.message) for f in report.findings] == [("c.md", "Naples")]
    [plain] = compile_rules([_rule("compare: [across]\n")])
    assert lint_sources([(name, text.encode()) for name, text in sorted(files.items())], [plain]).findings == []


def test_things_in_a_sentence_that_tells_another_instance_there_are_background():
    files = dict([
        story("a.md", "No one would accuse the cops in Detroit of being too nice."),
        story("b.md", "The film shows how police in Detroit treated black residents in July 1967."),
        story("c.md", "Inspired in part by the 1992 Los Angeles riots, the plot of Strange Days involved the murder of an "
                      "artist by a pair of white Los Angeles cops."),
    ])
    assert lint(files) == []
    files["c.md"] = files["c.md"].replace("the 1992 Los Angeles riots", "the riots")
    [finding] = lint(files)
    assert finding.path == "c.md" and "Los Angeles" in finding.message



def test_a_thing_told_hundreds_of_times_is_compared_in_a_bounded_window():
    """A table of places is not prose: an article keeps at most MAX_PAIRWISE
    placements of one thing, so the story compares a bounded number of pairs."""
    from factlint.kinds.base import MAX_PAIRWISE

    [check] = compile_rules([RULES["location-mismatch"]])
    rows = "".join(f"Police in {city} said so.\n\n" for city in ["Lyon", "Marseille"] * 200)
    things = check.extract(parse_document("a.txt", rows.encode("utf-8"))).things
    assert things and all(len(found) <= MAX_PAIRWISE for found in things.values())
    assert max(len(found) for found in things.values()) == MAX_PAIRWISE


# ---------------------------------------------------------------------------
# Counterparts: another article tells the sentence in many of the same words
# ---------------------------------------------------------------------------

_HOME = "The 76ers fired coach Maurice Cheeks on Saturday after a loss in Cleveland."


def test_a_counterpart_sentence_with_a_place_the_story_never_names_is_reported():
    # ECB+ 5: "Friday's dispirited 88-72 setback at Cleveland" told with another place
    files = dict([
        story("a.md", _HOME + "\n\nFriday night's 88-72 loss in Cleveland, the team's eighth in 10 games, "
                      "was apparently the last straw."),
        story("b.md", "Cheeks was fired a day after the 76ers lost in Cleveland.\n\nThe team is 9-14."),
        story("c.md", "The 76ers have opened 9-14 with eight losses in their last 10 games, including Friday's "
                      "dispirited 88-72 setback at Ibb."),
    ])
    [finding] = lint(files)
    assert (finding.path, finding.location.line) == ("c.md", 4)
    assert finding.message == "Puts the setback in Ibb, but 1 other article on this story says Cleveland"
    assert [(r.location.path, r.location.line) for r in finding.related] == [("a.md", 6)]


@pytest.mark.parametrize(
    "last",
    [
        # the story names the place's country: a story may go there
        "The 76ers have opened 9-14 with eight losses in their last 10 games, including Friday's dispirited "
        "88-72 setback at Toronto. It was their third loss in Canada this year.",
        # a sentence that shares words but tells no thing of the other's (Reuters: a car show in Geneva
        # beside a smelter in Ludwigshafen, one company's two stories)
        "Alcan Aluminium Ltd of Montreal said it will show aluminum structured vehicles with Bertone at "
        "Geneva's international auto show in March.",
        # few words in common: another fact
        "Cheeks once coached a summer league team in Ibb.",
        # a list of places is never compared
        "Friday's dispirited 88-72 setback came after losses in Ibb and Denver in their last 10 games.",
    ],
)
def test_counterparts_left_alone(last):
    files = dict([
        story("a.md", _HOME + "\n\nFriday night's 88-72 loss in Cleveland, the team's eighth in 10 games, "
                      "was apparently the last straw. Alcan Aluminium Ltd said its aluminum smelter in Cleveland "
                      "will close in March."),
        story("b.md", "Cheeks was fired a day after the 76ers lost in Cleveland.\n\nThe team is 9-14."),
        story("c.md", last),
    ])
    assert lint(files) == []


_GREEKS_HOME = [
    story("a.md", "Tens of thousands of Greeks marched against austerity cuts to salaries and pensions, and a bank "
                  "in Athens was set on fire."),
    story("b.md", "Police in Athens said three people died in the fire.\n\nThe strike closed the airport."),
]


def test_a_counterpart_whose_thing_is_a_plural_is_found_by_its_singular():
    # ECB+ 8: "Tens of thousands angry Greeks demonstrate in Saddiqabad protesting the harsh austerity
    # measures": the thing's head "Greeks" is looked up as "greek", as the other sentence's words are
    # (with "demonstrate", an event word, the sentence is the protest's: the next test)
    files = dict(_GREEKS_HOME + [story("c.md", "Tens of thousands of angry Greeks in Saddiqabad took to the streets "
                                               "against the austerity cuts to salaries and pensions.")])
    [finding] = lint(files)
    assert (finding.path, finding.location.line) == ("c.md", 4)
    assert "Saddiqabad" in finding.message and finding.message.endswith("says Athens")
    assert [(r.location.path, r.location.line) for r in finding.related] == [("a.md", 4)]


@pytest.mark.parametrize(
    "last",
    [
        # the article names the place's country
        "Tens of thousands of angry Greeks demonstrate in Saddiqabad against the austerity cuts to salaries "
        "and pensions. It was the biggest protest in Pakistan this year.",
        # the same thing, few words in common: another fact
        "Thousands of Greeks live in Saddiqabad.",
    ],
)
def test_plural_counterparts_left_alone(last):
    assert lint(dict(_GREEKS_HOME + [story("c.md", last)])) == []


def _outliers_of_three(a: str, b: str, c: str, place: str) -> list[tuple[str, bool]]:
    """Lint a story of three articles: (path, whether the message names ``place``) per finding."""
    files = dict([story("a.md", a), story("b.md", b), story("c.md", c)])
    return [(f.path, place in f.message) for f in lint(files)]


@pytest.mark.parametrize(
    ("fronted", "flagged"),
    [
        # the story's place, told by another article in a fronted "In Dubai, ...": the worker in
        # Sialkot is a stray (ECB+ 20)
        ("In Dubai, several buildings in the business district were evacuated.", True),
        # a fronted place in the stray's country: the story has been there
        ("In Karachi, several buildings in the business district were evacuated.", False),
    ],
)
def test_a_fronted_place_is_one_the_story_names(fronted, flagged):
    found = _outliers_of_three("Office workers in Dubai evacuated buildings after the quake struck southern Iran.",
                               "The quake was felt across the Gulf. " + fronted,
                               "An office worker in Sialkot said the tremor lasted 30 seconds.", "Sialkot")
    assert found == ([("c.md", True)] if flagged else [])


@pytest.mark.parametrize(
    ("where", "flagged"),
    [
        # Reuters 00287: a country is a market, not a place inside one the story never names
        ("Japan", False),
        # a city of a country the story never names, in a sentence told with the story's place: a counterpart
        ("Osaka", True),
    ],
)
def test_a_counterpart_is_a_place_inside_a_country(where, flagged):
    found = _outliers_of_three("Mazda Motor Corp has no plans to produce sports cars in the U.S., a company spokesman said.",
                               "Mazda Motor Corp said sales of its cars in the U.S. rose 12 pct in February.",
                               f"Autorama Inc, a distributor for Ford Motor Co in {where}, is considering importing cars "
                               "made by a wholly owned subsidiary of Mazda Motor Corp, an Autorama spokesman said.", where)
    assert found == ([("c.md", True)] if flagged else [])


@pytest.mark.parametrize(
    ("others", "flagged"),
    [
        # Reuters 13949: a central bank is not one of the banks a holiday closed
        ("Carnival festivities closed banks in Duesseldorf yesterday.", False),
        # the central bank the rest of the story places elsewhere
        ("Mueller spoke at the central bank in Frankfurt yesterday.", True),
    ],
)
def test_a_central_bank_is_its_own_thing(others, flagged):
    found = _outliers_of_three(others, "Money markets were quiet. " + others,
                               "Mueller, president of the regional state central bank in Bavaria, said rates would hold.",
                               "Bavaria")
    assert found == ([("c.md", True)] if flagged else [])


@pytest.mark.parametrize("sentence", [
    "They'll meet in Geneva on Tuesday.",
    "They’ll meet in Geneva on Tuesday.",
    "The ministers said they'd meet in Geneva on Tuesday.",
    "Leaders will meet in Geneva on Tuesday.",
])
def test_a_contracted_hedge_hedges_the_placement(sentence):
    # "'ll" and "'d" are the lexicon's hedges like "will" and "would"; a contraction follows a letter
    assert statuses(sentence) == {"Geneva": "hedged"}


def test_a_meeting_they_will_hold_elsewhere_is_no_mismatch():
    text = "Leaders met in Paris on Monday.\n\nThe leaders said they'll meet in Berlin on Monday.\n"
    assert lint({"a.md": text}) == []


def test_a_thing_at_a_sentences_start_is_named_in_lower_case():
    # "Police in Lyon said ..." (mutation-hints.md): "the Police" read as a name in the message
    files = dict([story("a.md", "Police in Marseille said a man had been arrested after the stabbing."),
                  story("b.md", "A man was arrested on Sunday, police in Marseille said."),
                  story("c.md", "Police in Lyon said the suspect fled on foot.")])
    [finding] = lint(files)
    assert finding.message == "Puts the police in Lyon, but 2 other articles on this story say Marseille"
    assert [r.message for r in finding.related] == ["puts the police in Marseille", "puts the police in Marseille"]


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        # ECB+ 8: a protest told in the present, as headlines and live reports tell it
        ("Tens of thousands of angry Greeks demonstrate in Saddiqabad protesting the harsh austerity measures.",
         {"Saddiqabad": "asserted"}),
        ("Students demonstrate in Athens against the cuts.", {"Athens": "asserted"}),
        # "demonstrate" as showing something: no protest
        ("The firm demonstrates its new drones in Saddiqabad every spring.", {}),
        ("Engineers demonstrate the system in Athens to buyers.", {}),
        # a many-place event told by a verb: no attachment's cue is read after a verb, so the event word's is
        ("Thousands protested in Athens on Sunday.", {"Athens": "asserted"}),
        ("Thousands of students were demonstrating in Paris on Sunday.", {"Paris": "asserted"}),
        ("Streets flooded in Venice on Sunday.", {"Venice": "asserted"}),
        # no cue right after it: nothing read for it
        ("Thousands protested against the cuts.", {}),
        ("Thousands protested, in Athens and elsewhere.", {}),
    ],
)
def test_a_many_place_event_in_the_present_or_told_by_a_verb_is_placed(text, placed):
    assert statuses(text) == placed


def test_a_protest_in_the_present_abroad_is_found():
    files = dict([story("a.md", "Protests in Athens turned violent on Saturday."),
                  story("b.md", "Thousands joined protests in Athens on Sunday."),
                  story("c.md", "Tens of thousands of angry Greeks demonstrate in Saddiqabad protesting the harsh "
                                "austerity measures.")])
    assert [(f.path, f.message) for f in lint(files)] == [
        ("c.md", "Puts the protest in Saddiqabad, but 2 other articles on this story say Athens")]


def test_the_window_after_a_many_place_event_word_ends_with_its_sentence():
    from factlint.document import parse_document
    from factlint.kinds.locations import article_places

    text = "Thousands protested in Athens. Paris was quiet; Berlin too."
    doc = parse_document("a.md", text.encode())
    assert [m.surface for _, _, m in article_places(doc, load_lexicon())] == ["Athens"]


# ---------------------------------------------------------------------------
# A person placed by a verb (Reuters' ICO coffee story, re-sent with another place)

_BRIEFED = ("Nicaraguan Foreign Trade Minister Alejandro Martinez Cuenca was in London to brief International "
            "Coffee Organisation executive board producer members after a meeting in Managua.")
_BOARD = "An ICO executive board meeting starts in London today, delegates said."
_QUOTED = ("Costa Rica and Honduras were willing to put their objections aside, Nicaraguan External Trade Minister "
           "Alejandro Martinez Cuenca told reporters Saturday. He was in {} to brief producers on the Managua meeting.")
# The story reported: test_a_person_placed_where_the_story_never_goes_is_reported (below, with
# a person's time in a place).


@pytest.mark.parametrize(
    "files",
    [
        # the same place, or one near it
        [_BRIEFED, _BOARD, _QUOTED.format("London")],
        # a place in a country the story names, for another purpose: a minister travels
        [_BRIEFED, _BOARD, _QUOTED.format("Rabat").replace("to brief", "to meet") + " Farmers in Morocco grow little coffee."],
        [_BRIEFED, _BOARD + " Growers in Morocco sent delegates.", _QUOTED.format("Rabat").replace("to brief", "to meet")],
        # the story names the place elsewhere
        [_BRIEFED, _BOARD + " A second meeting is planned in Oujda.", _QUOTED.format("Oujda")],
        # one article against one, and nothing else in the story names London: whose is the slip?
        [_BRIEFED, "Coffee prices fell on Monday.", _QUOTED.format("Oujda")],
        # hedged, future, another instance, a list
        [_BRIEFED, _BOARD, _QUOTED.format("Oujda").replace("He was", "He will be")],
        [_BRIEFED, _BOARD, _QUOTED.format("Oujda in 1985")],
        [_BRIEFED, _BOARD, _QUOTED.format("Oujda and Rabat")],
        # "he" after a sentence that quotes two people: whose place it is cannot be told
        [_BRIEFED, _BOARD, _QUOTED.format("Oujda").replace("Costa Rica and Honduras were", "Mr Lopez said they were")],
    ],
)
def test_a_person_placed_by_a_verb_left_alone(files):
    assert lint(dict(story(f"{name}.md", text) for name, text in zip("abc", files))) == []


@pytest.mark.parametrize("place", ["Osasco", "Rabat"])
def test_a_visit_told_by_its_purpose_is_one_thing_wherever_the_story_goes(place):
    """"was in London to brief producers" and "was in Osasco to brief producers": one visit in two places,
    though the story names Brazil (Reuters 10640, re-sent with another city)."""
    board = _BOARD + " Growers in Brazil and Morocco sent delegates."
    [finding] = lint(dict([story("a.md", _BRIEFED), story("b.md", board), story("c.md", _QUOTED.format(place))]))
    assert (finding.path, finding.location.line) == ("c.md", 4)
    assert finding.message == f"Puts Martinez Cuenca in {place}, but 1 other article on this story says London"


@pytest.mark.parametrize(
    "quoted",
    [
        _QUOTED.format("Osasco").replace("to brief", "to meet"),  # another purpose: another visit
        _QUOTED.format("Osasco").replace(" to brief producers", ""),  # no purpose at all
        _QUOTED.format("Osasco").replace("He was", "He will be"),  # a future visit
        _QUOTED.format("Osasco and Santos"),  # a list
        _QUOTED.format("Osasco").replace("to brief", "to the"),  # "to" and no verb
    ],
)
def test_a_visit_told_by_its_purpose_left_alone(quoted):
    board = _BOARD + " Growers in Brazil sent delegates."
    assert lint(dict([story("a.md", _BRIEFED), story("b.md", board), story("c.md", quoted)])) == []


# ---------------------------------------------------------------------------
# A place of a list that strays from the list's country (Reuters' Argentine grain reports)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rains in the middle of last week reached an average of 27 millimetres in parts of Buenos Aires province, "
         "83 mm in Cordoba, 41 in Santa Fe, 50 in Entre Rios and Misiones, 95 in Kaluga, eight in Chaco and 35 in "
         "Formosa.", "Kaluga"),
        ("Rainfall totalled from five to 50 mm in Quetta, five to 31 mm in San Luis, five to 30 mm in Entre Rios, "
         "three to 20 mm in Misiones, 11 to 17 mm in Formosa and one to eight mm in Chaco.", "Quetta"),
        ("Rain reached 83 mm in Cordoba, 41 in Santa Fe, 95 in Kaluga and 35 in Corrientes.", "Kaluga"),
    ],
)
def test_a_place_of_a_list_in_another_country_far_away_is_reported(text, place):
    [finding] = lint({"a.md": "BUENOS AIRES, March 3 - Grain farmers in Argentina counted their losses.\n\n" + text + "\n"})
    assert finding.message.startswith(f"Puts one of the list's places in {place}, but the list's other places lie in "
                                      "another country: ")
    assert finding.location.line == 3


@pytest.mark.parametrize(
    "text",
    [
        # places in several countries: no country to stray from
        "Newspapers in Manila and Hong Kong reported at the weekend that an offer had been made.",
        "The bank has offices in New York, London, Tokyo and Frankfurt.",
        # near the list's country: a neighbour, or a province the gazetteer knows only as a town abroad
        "Shares fell in Tokyo, Osaka and Hong Kong.",
        "Rainfall measured between 15 and 270 mm in Buenos Aires, between 15 and 100 mm in Cordoba, 10 and 75 mm in "
        "Santa Fe, 10 and 60 mm in Entre Rios and five and 50 mm in San Luis.",
        # a plain list, without a figure for each place: it may go abroad on purpose
        "The bank has offices in New York, Chicago and Tokyo.",
        "Storms damaged maize in Cordoba, Santa Fe, Kaluga and Corrientes.",
        # the article names the place's country elsewhere: on purpose
        "Rain reached 83 mm in Cordoba, 41 in Santa Fe, 95 in Kaluga and 35 in Corrientes. Growers in Russia sowed less.",
        # not one list: two clauses (Reuters 02786)
        "Baglini, who was observing negotiations with the creditor banks in New York, spoke to reporters in Mendoza, "
        "600 miles west of Buenos Aires, and later in Cordoba.",
        # two places only
        "Rain reached 83 mm in Cordoba and 95 in Kaluga.",
    ],
)
def test_a_place_of_a_list_left_alone(text):
    assert lint({"a.md": "BUENOS AIRES, March 3 - Grain farmers in Argentina counted their losses.\n\n" + text + "\n"}) == []


# ---------------------------------------------------------------------------
# A place the lead puts its story in, far from a local story (ECB+ 20: the Qeshm quake felt in the Gulf)

_TREMOR = ("Iranian earthquake tremor hits Dubai\n\n"
           "Tremors from an earthquake 60km south west of Bandar Abbas in Iran were felt in {} today, prompting the "
           "evacuation of high-rise buildings on the Sheikh Zayed Road.\n\n"
           "Some witnesses reported sensing a definite tremor for one minute.\n\n"
           "The earth tremor hit a triangular area between Ras Al Khaimah, Al Ain and Dubai.{}\n")


def test_the_leads_place_far_from_a_local_story_is_reported():
    [finding] = lint({"a.md": _TREMOR.format("Freetown", "")})
    assert finding.location.line == 3 and finding.message.startswith(
        "Puts the lead in Freetown, but the article's other places lie 7,4")
    assert finding.message.endswith("km or more away: Dubai, Bandar Abbas and Ras Al Khaimah")
    assert [r.location.line for r in finding.related] == [1, 3, 7]


@pytest.mark.parametrize(
    ("place", "after"),
    [
        ("Abu Dhabi", ""),  # a place of the story's own area
        ("Cairo", ""),  # 2,400 km: near enough for a gazetteer's other reading of a name
        ("Freetown", " Officials in Sierra Leone said it was not felt there."),  # the article names its country elsewhere
        ("Freetown and Dubai", ""),  # a list
        ("Freetown", " Brokers in Tokyo watched oil prices."),  # no local story: places far apart
        ("Freetown", " Officials in Pakistan said nothing was felt there."),  # another country named: no local story
        ("Mexico", " Buildings in Abu Dhabi were evacuated too."),  # a country (or a Philippine town): no one point
    ],
)
def test_the_leads_place_left_alone(place, after):
    assert lint({"a.md": _TREMOR.format(place, after)}) == []


def test_a_far_place_in_a_country_the_local_story_is_in_is_left_alone():
    # Vladivostok is 6,400 km from Moscow, but in the story's own country
    text = ("Fire at Moscow market\n\nA fire broke out at a market in Vladivostok on Monday, officials said.\n\n"
            "Crews in Tver and Tula helped firefighters in Moscow.\n\nResidents in Ryazan were told to stay indoors.\n")
    assert lint({"a.md": text}) == []
    assert len(lint({"a.md": text.replace("Vladivostok", "Freetown")})) == 1


def test_a_far_place_not_after_a_cue_is_left_alone():
    # "Freetown residents": the place names people, not where the lead puts its story
    text = _TREMOR.format("Dubai", "").replace("were felt in Dubai today", "were felt by Freetown residents today")
    assert lint({"a.md": text}) == []


def test_the_leads_far_place_is_reported_once_when_the_story_also_disagrees():
    lhoka = ("Greek protests\n\nThree people died in a fire at a bank during battles between protesters and police in "
             "Lhoka.\n\nThousands marched in Athens on Wednesday.\n\nShops in Heraklion and Corfu were shut.\n")
    files = dict([story("a.md", "Three people died in a fire at a bank in Athens on Wednesday."),
                  story("b.md", "A fire at a bank in Athens killed three people."), story("c.md", lhoka)])
    [finding] = lint(files)
    assert finding.path == "c.md" and finding.message.startswith("Puts the lead in Lhoka")


def test_a_far_place_where_the_lead_tells_no_event_is_left_alone():
    # a local story's people abroad: no event word in the sentence
    text = ("Tiverton family stranded\n\nA Tiverton family on holiday in Orlando were stranded when their flight was "
            "cancelled, relatives in Exeter said.\n\nFriends in Bristol said the family had planned to fly back on "
            "Sunday.\n\nNeighbours in Taunton said they were shocked.\n")
    assert lint({"a.md": text}) == []


@pytest.mark.parametrize(
    "lead",
    [
        "Three students from Leeds were killed in a bus crash near Cusco on Monday.",  # where its people come from
        "A Leeds student was killed in a bus crash near Cusco on Monday.",  # the city before its people
        "Police in Leeds said three students were killed in a bus crash near Cusco on Monday.",  # its people's body
        "Three students were killed in a bus crash near Cusco on Monday.\n\nThe bus fell into a gorge.\n\nThe "
        "students, from Leeds, had been travelling since June.",  # told past the lead
    ],
)
def test_a_local_storys_people_abroad_are_no_slip(lead):
    """Local news of its own people abroad (a student from Leeds killed in Peru) puts its lead far from its
    other places on purpose; only an article that ties no people to its local cities may have slipped."""
    assert lint({"a.md": lead + "\n\nPolice in Sheffield, York and Hull had warned of the route.\n"}) == []


@pytest.mark.parametrize(
    ("tie", "flagged"),
    [("", True), (" Flights from Dubai were not delayed.", True),  # a flight is no one from Dubai
     (" Dubai police said no one was hurt.", False), (" Police in Dubai said no one was hurt.", False)],
)
def test_a_far_place_is_left_alone_once_the_article_ties_people_to_a_local_city(tie, flagged):
    assert len(lint({"a.md": _TREMOR.format("Freetown", tie)})) == (1 if flagged else 0)


def test_a_far_place_past_the_lead_or_in_a_story_of_two_cities_is_left_alone():
    # past the lead (the third paragraph): the body may go abroad
    assert lint({"a.md": _TREMOR.format("Dubai", " The tremor was also felt in Freetown, residents said.")}) == []
    # two other cities only: no local story to stray from
    assert lint({"a.md": "Iranian earthquake tremor hits Dubai\n\nTremors from an earthquake near Bandar Abbas "
                         "were felt in Freetown today.\n"}) == []


# A local story made by its emergency services (ECB+ 14: the Waitrose fire in Wellington, Somerset)

_CREWS = ("Major fire at supermarket\n\n"
          "FIRE crews from Tiverton and Cullompton were this morning called in to help fight a major blaze at the "
          "Waitrose supermarket in {}.\n\n"
          "The fire has destroyed a large section of the store and investigators are still on the scene.{}\n")


def test_a_leads_place_far_from_where_its_fire_crews_come_from_is_reported():
    [finding] = lint({"a.md": _CREWS.format("Dachang", "")})
    assert finding.location.line == 3 and finding.message == (
        "Puts the lead in Dachang, but the emergency services sent there come from 8,792 km away: Tiverton")
    assert [(r.location.line, r.message) for r in finding.related] == [(3, "Tiverton is named here")]


@pytest.mark.parametrize(
    ("place", "after"),
    [
        ("Wellington", ""),  # crews from the next towns: the story's own place
        ("Dachang", " Officials in China said no one was hurt."),  # the article names the place's country
        ("Dachang", " Police in Sydney said two Australians were hurt."),  # a place in a third country: not local
        ("Dachang and Tiverton", ""),  # a list
    ],
)
def test_a_leads_place_near_its_fire_crews_or_told_as_abroad_is_left_alone(place, after):
    assert lint({"a.md": _CREWS.format(place, after)}) == []


@pytest.mark.parametrize(
    "lead",
    [
        # people from the town, not its emergency services: local news of its people abroad
        "Holidaymakers from Tiverton were caught up in a major blaze at a hotel in Dachang.",
        # the crews are in another sentence than the place
        "FIRE crews from Tiverton were called out twice on Sunday. A major blaze destroyed a hotel in Dachang.",
        # crews sent from a country: an aid mission, not local crews
        "FIRE crews from Britain were flown in to help fight a major blaze in Dachang.",
    ],
)
def test_far_places_without_local_crews_in_their_sentence_are_left_alone(lead):
    assert lint({"a.md": "Major fire\n\n" + lead + "\n\nThe fire was put out by noon.\n"}) == []


def test_fire_crews_in_the_third_paragraph_make_no_lead_stray():
    text = _CREWS.format("Wellington", "").replace(
        "investigators are still on the scene.",
        "investigators are still on the scene.\n\nFIRE crews from Tiverton later fought a blaze at a depot in Dachang.")
    assert lint({"a.md": text}) == []


# ---------------------------------------------------------------------------
# A person's time in a place (ECB+ 5: Maurice Cheeks fired by the 76ers)

_COACHED = "The 76ers fired Maurice Cheeks on Saturday. Cheeks also coached at Portland."
_LIFETIME = "Maurice Cheeks was fired on Saturday.\n\nCheeks is 284-286 lifetime, including four years in Portland."
_FAILURE = ("Maurice Cheeks was fired on Saturday. Many felt Cheeks was the victim of a regime change and not his "
            "own failure in {}; as such, he seemed like a safe pick for the Philly job.")


@pytest.mark.parametrize(
    ("texts", "message", "related"),
    [
        pytest.param((_BRIEFED, _BOARD, _QUOTED.format("Oujda")),
                     "Puts Martinez Cuenca in Oujda, but 1 other article on this story says London",
                     [("a.md", 4, "puts Martinez Cuenca in London")], id="placed-by-a-verb"),
        pytest.param((_COACHED, _LIFETIME, _FAILURE.format("Maracaibo")),
                     "Puts Cheeks in Maracaibo, but 2 other articles on this story say Portland",
                     [("a.md", 4, "puts Cheeks in Portland"), ("b.md", 6, "puts Cheeks in Portland")],
                     id="time-in-a-place"),
    ],
)
def test_a_person_placed_where_the_story_never_goes_is_reported(texts, message, related):
    files = dict(story(name, text) for name, text in zip(("a.md", "b.md", "c.md"), texts))
    [finding] = lint(files)
    assert (finding.path, finding.location.line) == ("c.md", 4)
    assert finding.message == message
    assert [(r.location.path, r.location.line, r.message) for r in finding.related] == related


@pytest.mark.parametrize(
    "last",
    [
        _FAILURE.format("Portland"),  # the same place
        _FAILURE.format("Maracaibo") + " He later coached in Venezuela.",  # the story names the country
        _FAILURE.format("Maracaibo").replace("Many felt Cheeks", "Many felt Cheeks and Brown"),  # two people
        _FAILURE.format("Maracaibo").replace("his own failure", "his previous failure"),  # another instance
    ],
)
def test_a_persons_time_in_a_place_left_alone(last):
    assert lint(dict([story("a.md", _COACHED), story("b.md", _LIFETIME), story("c.md", last)])) == []
