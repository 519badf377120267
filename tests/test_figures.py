"""The figures kind: which figures state the same fact, and the conflicts between them.

Extraction in context first (what the frame reading compares and what it must
skip, from real reporting: ECB+ sentences and the seeds), then the three
comparisons (within an article, across a story, changes over dated articles)
with qualifiers and tolerances. The facts file has tests/test_facts.py.
"""

from __future__ import annotations

import pytest

from factlint.document import parse_document
from factlint.errors import FactlintError
from factlint.kinds.figures import Analyzer, load_lexicon
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules, parse_rule
from factlint.yamlio import load_yaml

from conftest import SEEDS

RULES = {r.id: r for r in load_rules([builtin_rules_dir()]) if r.kind == "figures"}


def frames(text: str) -> list[tuple[str, str | None, str | None, str]]:
    """(figure and thing, counted thing, event, why excluded) for every figure of an article."""
    doc = parse_document("a.md", text.encode())
    return [(" ".join(doc.text[m.start:m.end].split()), m.thing, m.predicate, m.excluded)
            for m in Analyzer(load_lexicon(), doc).run()]


def compared(text: str) -> list[tuple[str, str | None, str | None]]:
    """The figures the comparisons use: (figure and thing, counted thing, event)."""
    doc = parse_document("a.md", text.encode())
    return [(" ".join(doc.text[m.start:m.end].split()), m.thing, m.predicate)
            for m in Analyzer(load_lexicon(), doc).run() if m.comparable]


def lint(rule_id: str, files: dict[str, str], **params) -> list:
    rule = RULES[rule_id]
    if params:
        rule = custom_rule(rule_id, **params)
    sources = [(name, text.encode()) for name, text in sorted(files.items())]
    report = lint_sources(sources, compile_rules([rule]), jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    return [f for f in report.findings if f.rule == rule.id]


def custom_rule(rule_id: str, **params):
    """A built-in figures rule with other parameters, as a newsroom would write it."""
    import json

    base = RULES[rule_id]
    params = {"compare": base.params["compare"], **params}  # a key given twice is an error
    lines = [f"id: {rule_id}", "kind: figures", f"severity: {base.severity}",
             f"message: {json.dumps(base.message)}", "description: test", "examples: {flag: [x], ok: [y]}"]
    lines += [f"{key}: {json.dumps(value)}" for key, value in params.items()]
    return parse_rule(load_yaml("\n".join(lines) + "\n", "rule.yaml"), "rule.yaml")


# ---------------------------------------------------------------------------
# Extraction in context: what is compared
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("The quake killed 10 people.", ("10 people", "person", "killed")),
    ("Officials said 10 people were killed.", ("10 people", "person", "killed")),
    ("Three people have died after rioters set fire to a bank.", ("Three people", "person", "killed")),
    ("Riots left three bank workers dead.", ("three bank workers", "bank worker", "killed")),
    ("A man shot one person dead at the office.", ("one person", "person", "killed")),
    ("Police reported 10 deaths.", ("10 deaths", "person", "killed")),
    ("The quake killed 10, officials said.", ("10", "person", "killed")),
    ("The death toll rose to 12 on Monday.", ("12", "person", "killed")),
    ("The meeting gathered representatives of 35 countries.", ("35 countries", "country", "attended")),
    ("Representatives of 35 countries attended the meeting.", ("35 countries", "country", "attended")),
    ("The summit of 35 countries ended on Tuesday.", ("35 countries", "country", "attended")),
    ("Officials said 30 countries were present.", ("30 countries", "country", "attended")),
    ("The army deployed 3,000 soldiers to the border.", ("3,000 soldiers", "troop", "deploy")),
    ("The Indian navy captured 23 pirates.", ("23 pirates", "pirate", "arrested")),
    ("Police said 46 people had been arrested.", ("46 people", "person", "arrested")),
])
def test_figures_with_an_event_are_compared(text: str, expected: tuple) -> None:
    assert compared(text) == [expected]


def test_synonyms_and_event_groups_make_one_fact() -> None:
    lexicon_keys = {(thing, event) for _, thing, event in
                    compared("Police said 10 people died.\n\nThe attack killed 10 persons.\n\nIt left 10 dead.\n")}
    assert lexicon_keys == {("person", "killed")}
    assert {t for _, t, _ in compared("The army deployed 3,000 soldiers.\n\nThe army deployed 3,000 troops.\n")} == {"troop"}


def test_list_items_share_the_verb_of_the_list() -> None:
    found = compared("The ship has confiscated 14 rifles, 31 magazines and 923 rounds of ammunition.")
    assert [(f, e) for f, _, e in found] == [("14 rifles", "seized"), ("31 magazines", "seized"),
                                            ("923 rounds of ammunition", "seized")]


# ---------------------------------------------------------------------------
# Extraction in context: what must be skipped
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "figure", "reason"), [
    # parts, increments, references to a figure
    ("The meeting gathered representatives of 35 countries, including 27 heads of state.", "27 heads of state", "part"),
    ("The three holdouts told the other nine jurors they would not budge.", "nine jurors", "split"),
    ("Five other bank workers were rescued from the balcony.", "Five other bank workers", "split"),
    ("Another group received 11.5 pct of the capital.", "11.5 pct of the capital", "split"),
    ("UAL said it is also selling 543,237 shares to the trust.", "543,237 shares", "split"),
    ("An investor group has paid 100,000 dlrs of the funding.", "100,000 dlrs of the funding", "part"),
    ("Klitschko landed 28 of his 68 punches in the round.", "68 punches", "whole"),
    ("The arrest of the 23 pirates (12 Somali and 11 Yemeni) was the largest yet.", "11", "split"),
    # one of several: an indefinite figure, a personal pronoun's figure, a rate
    ("Kvaerner won a 1.2 billion crown contract to convert the ship.", "1.2 billion crown contract", "indefinite"),
    ("They won 44 seats in parliament.", "44 seats", "pronoun"),
    ("The deposit grades 0.88 troy ounce of gold per ton.", "0.88 troy ounce of gold", "rate"),
    # hedges
    ("We fear that up to 300 people died in the province.", "up to 300 people", "hypothetical"),
    # plans, possibilities, denials
    ("Ukraine's armed forces are expected to expand to approximately 800,000 well-trained troops.",
     "approximately 800,000 well-trained troops", "hypothetical"),
    ("They asked how about if it had been 50 people killed.", "50 people", "hypothetical"),
    ("The gunman did not kill 10 people, police said.", "10 people", "hypothetical"),
    ("Officials convened to finalize two security guarantees.", "two security guarantees", "hypothetical"),
    ("As many as 30 people could have been killed.", "As many as 30 people", "hypothetical"),
    # changes
    ("The company added 300 workers last year.", "300 workers", "change"),
])
def test_parts_plans_and_changes_are_not_compared(text: str, figure: str, reason: str) -> None:
    found = {f: why for f, _, _, why in frames(text)}
    assert found[figure] in reason.split("|")


@pytest.mark.parametrize("text", [
    # background: another time or another instance, after the lead
    "A gunman killed one person on Monday.\n\nIn February, a gunman killed five people at a mall.\n",
    "A quake killed 10 people on Sunday.\n\nThe last major quake struck Zarand in February.\n\nIt killed 612 people.\n",
    "A quake killed 10 people on Sunday.\n\nMore than a dozen people were killed by a quake in eastern China.\n",
    "Teixeira hit 13 homers for the Angels.\n\nTeixeira hit 33 homers last season.\n",
    "Six workers were killed in a rock fall today.\n\nThirty four workers died in a gas explosion last Thursday.\n",
    "Police arrested 46 people.\n\nGray had four prior arrests.\n",
])
def test_background_figures_are_not_compared(text: str) -> None:
    first, *later = frames(text)
    assert first[3] == ""
    assert later and all(why in ("background", "dated") for _, _, _, why in later)


@pytest.mark.parametrize("text", [
    "Police said 12 people were injured.",  # a reporting verb hands the figure to the event after it
])
def test_reporting_verbs_do_not_hide_the_event(text: str) -> None:
    assert compared(text) == [("12 people", "person", "injured")]


@pytest.mark.parametrize("text", [
    "The poll of 1,000 people gave a 3.1 percent margin of error.",  # a sample, not an event
    "Teixeira hit .358 with 13 homers and 43 RBIs.",  # "with": no event of its own
    "An estimated 1,500 pirates in Somalia's Puntland region.",  # no event at all
    "The law protects species; it has 1,400 species on its list.",  # generic verb
])
def test_figures_without_an_event_are_not_compared(text: str) -> None:
    assert compared(text) == []


def test_a_sentence_that_splits_a_figure_states_no_total() -> None:
    text = ("Seven bullets hit him, the autopsy showed.\n\n"
            "One bullet entered his left shoulder; two other bullets struck his thighs. "
            "Two bullets struck from the front; one bullet entered his side.\n")
    assert [f for f, _, _ in compared(text)] == ["Seven bullets"]


def test_scope_words_separate_figures() -> None:
    doc = parse_document("a.md", b"During the operation, 12 magazines were confiscated.\n\n"
                                 b"So far, the navy has confiscated 31 magazines.\n\n"
                                 b"The navy has seized a total of 31 magazines.\n")
    scopes = [m.scope for m in Analyzer(load_lexicon(), doc).run()]
    assert scopes == [("during the operation",), ("so far",), ("a total of",)]


# ---------------------------------------------------------------------------
# Within an article
# ---------------------------------------------------------------------------


def test_within_flags_the_later_mention_with_the_earlier_as_related() -> None:
    text = ("Representatives of 35 countries attended the summit in Paris on Tuesday.\n\n"
            "The leaders agreed on a monitoring mission.\n\n"
            "The 30 countries that attended the summit signed the declaration.\n")
    [finding] = lint("figure-mismatch", {"a.md": text})
    assert finding.location.line == 5
    assert finding.message == "Says 30 countries attended, but line 1 says 35 countries attended"
    assert [r.location.line for r in finding.related] == [1]
    assert finding.severity == "warning"


@pytest.mark.parametrize("text", [
    # qualifiers: ranges that overlap agree
    "Representatives of 35 countries attended the summit.\n\nMore than 30 countries attended the summit.\n",
    "The army deployed nearly 800,000 troops.\n\nThe army deployed 800,000 soldiers.\n",
    "The quake killed about 100 people.\n\nThe quake killed 104 people, officials said.\n",
    "The quake killed at least 10 people.\n\nThe quake killed 12 people, officials said.\n",
    # rounding: "1.5 million" is 1.45-1.55 million
    "Floods displaced 1.5 million people.\n\nFloods displaced 1,520,000 people, the UN said.\n",
    # the same figure repeated, as in seed 003
    "Police arrested 46 people.\n\nPolice arrested 46 people.\n",
    # a range as sent (one figure); market talk: a move from the first price down to the second, within 10%
    "The Nationals upgraded their offer to somewhere between $178 million and $184 million over eight years.",
    "Traders said the market remained quiet with sales reported between 4,230 and 4,210 stg.",
    "Leiner said June bonds should find support between 100 pct and 98 pct of par next week.",
    # not one range: two values side by side, two units, a qualified bound
    "The gap between 8.5 pct and 7.2 pct has widened since January.",
    "The Nationals' offer lies somewhere between $178 million and 110 million euros.",
    "The Nationals' offer lies somewhere between $178 million and about $110 million.",
])
def test_within_agreeing_figures(text: str) -> None:
    assert lint("figure-mismatch", {"a.md": text}) == []


@pytest.mark.parametrize("text", [
    "The army deployed nearly 800,000 troops.\n\nThe army deployed 850,000 soldiers.\n",
    "The quake killed at least 10 people.\n\nThe quake killed eight people, officials said.\n",
    "Police said 46 people were arrested.\n\nBy the end of the night 40 people had been arrested.\n",
    "The quake killed 10 people on Sunday.\n\nThe death toll rose to 12, the governor said.\n",
])
def test_within_conflicting_figures(text: str) -> None:
    assert len(lint("figure-mismatch", {"a.md": text})) == 1


@pytest.mark.parametrize("text", [
    # the warning cases from ECB+: same counted thing, different facts
    "The Indian navy captured 23 pirates in the Gulf of Aden.\n\n"
    "An estimated 1,500 pirates are based in Somalia's Puntland region.\n",
    "During the operation, 12 magazines were found and confiscated.\n\n"
    "So far, the navy has confiscated 31 magazines from pirates.\n",
    "Teixeira hit 13 homers in 54 games with the Angels.\n\nHe hit 33 homers last season.\n",
    "In the quarter, 2,240 homes were sold.\n\nIn the nine months, 7,544 homes were sold.\n",
    "Chemical placed 1.04 billion dlrs of loans to Brazil on non-accrual.\n\n"
    "Chemical also placed 52 mln dlrs of loans to Ecuador on non-accrual.\n",
    "A poll found 52 percent of voters back Obama.\n\nThe poll found 45 percent of voters back McCain.\n",
    "UAL is offering 5.5 mln shares.\n\nIn the U.S., four mln shares are being offered.\n\n"
    "The remaining one mln shares are being offered overseas.\n",
    # different named subjects, different days, one sentence
    "Klitschko landed 178 punches.\n\nRahman landed 30 punches.\n",
    "Police arrested 12 people on Saturday.\n\nPolice arrested 30 people on Sunday.\n",
    "The quake killed 10 people and the aftershock killed 3 people.\n",
    # background after the lead
    "A gunman killed one person at an office on Monday.\n\n"
    "In February, a gunman killed five people at a shopping mall.\n",
    # parallel sentences about different things
    "Tapioca usage fell 9.1 pct to 1.4 mln tonnes, the board said.\n\nGrain usage fell 6.1 pct to 1.1 mln tonnes.\n",
    "Six ships are loading 120,000 tonnes of wheat, the sources said.\n\n"
    "Four ships are currently loading 32,000 tonnes of flour.\n",
    # an update the article itself explains
    "Rescuers said 57 miners were trapped by the fire.\n\nEarlier, the company had said 44 miners were trapped.\n",
    "The trading corporation bought three cargoes of palm olein at its tender yesterday, traders said. "
    "Late yesterday the market was reporting it had bought one to two cargoes.\n",
])
def test_within_leaves_different_facts_alone(text: str) -> None:
    assert lint("figure-mismatch", {"a.md": text}) == []


EQUITY = ("In a statement, General Partners said it has contributed 250 mln dlrs in equity financing and also has "
          "commitments for a one billion dlr credit line from Wells Fargo.\n\n")
FUND = ("MANILA, March 16 - A 250 mln dlr Philippine capital fund will be launched shortly to encourage private sector "
        "investment, Finance Secretary Jaime Ongpin said.\n\n")
NOTES = "Standard and Poor's Corp said it cut to B from B-plus 900 mln dlrs of notes due 1994 of Holiday Inns Inc.\n\n"


@pytest.mark.parametrize(("text", "message"), [
    # Reuters 06463: "the" names the sum the article gave before, in a list of the offer's financing
    (EQUITY + "The financing for the offer includes the 150 mln dlrs in equity from General Partners, the 1.25 "
              "billion dlr loan from Shearson Lehman Brothers and the one billion dlr credit line from Wells Fargo.\n",
     "Says 150 mln dlrs in equity, but line 1 says 250 mln dlrs in equity"),
    # Reuters 02860: "seven-year notes" are notes
    (NOTES + "The 1350 mln dlrs of seven-year notes were priced late yesterday by sole manager Drexel Burnham.\n",
     "Says 1350 mln dlrs of seven-year notes, but line 1 says 900 mln dlrs of notes"),
    # Reuters 05233: introduced as one, named again as a plan's ("proposed the ... fund")
    (FUND + "Ongpin proposed the 325 mln dlr fund during a trip to the United States last September.\n",
     "Says 325 mln dlr fund, but line 1 says 250 mln dlr Philippine capital fund"),
])
def test_within_a_sum_named_again_with_the_is_the_sum_named_before(text: str, message: str) -> None:
    [finding] = lint("figure-mismatch", {"a.md": text})
    assert finding.message == message
    assert [r.location.line for r in finding.related] == [1]


@pytest.mark.parametrize("text", [
    # the same value: the reference agrees
    EQUITY + "The financing includes the 250 mln dlrs in equity from General Partners.\n",
    # another thing
    NOTES + "The 500 mln dlrs of subordinated debentures were priced at par.\n",
    # no "the": another issue of notes may be meant
    NOTES + "Holiday Inns also sold 1350 mln dlrs of seven-year notes via Drexel.\n",
    # two tranches before: which one "the" names is not known
    "The company sold 100 mln dlrs of notes due 1990 and 50 mln dlrs of notes due 1992.\n\n"
    "The 75 mln dlrs of notes carry a 9 pct coupon.\n",
    # another lender named
    "It has a 100 mln dlr loan from Chase Manhattan.\n\nThe 50 mln dlr loan from Citibank runs for five years.\n",
    # a plan is no sum named before
    NOTES + "It said the 1350 mln dlrs of notes it may sell next year would be rated lower.\n",
    # the fund named again alike; another fund introduced as one; two funds before "the"
    FUND + "Ongpin proposed the 250 mln dlr fund during a trip to the United States last September.\n",
    FUND + "Ongpin proposed a 325 mln dlr fund during a trip to the United States last September.\n",
    FUND + "A 100 mln dlr venture fund is also planned.\n\nOngpin proposed the 325 mln dlr fund last September.\n",
    # Reuters 08639: the article gives the new value before "the" names it
    "Last year Barbados tapped the market for a 25 mln dlr transferable loan facility. The facility was "
    "subsequently increased to 40 mln dlrs.\n\nAt the signing of the 40 mln dlr facility, Cox spoke.\n",
])
def test_within_a_sum_named_with_the_that_names_no_earlier_sum_is_left_alone(text: str) -> None:
    assert lint("figure-mismatch", {"a.md": text}) == []


def test_tolerance_and_synonyms_are_rule_parameters() -> None:
    text = "The army deployed 3,000 soldiers.\n\nThe army deployed 3,100 troops.\n"
    assert len(lint("figure-mismatch", {"a.md": text})) == 1
    assert lint("figure-mismatch", {"a.md": text}, tolerance=0.05) == []
    text = "The storm destroyed 30 homes.\n\nThe storm destroyed 40 houses.\n"
    assert lint("figure-mismatch", {"a.md": text}) == []  # homes and houses: not the same thing until listed
    assert len(lint("figure-mismatch", {"a.md": text}, lexicon={"synonyms": {"homes": "houses"}})) == 1


def test_the_lexicon_tolerates_rounding_in_money() -> None:
    text = "Microsoft paid $1.20 billion for the startup deal.\n\nMicrosoft paid $1.21 billion for the startup deal.\n"
    assert lint("figure-mismatch", {"a.md": text}) == []


def test_seeds_give_no_figures_finding() -> None:
    sources = [(str(p), p.read_bytes()) for p in sorted(SEEDS.iterdir())]
    report = lint_sources(sources, compile_rules(list(RULES.values())), jobs=1)
    assert report.findings == [] and not report.errors


# ---------------------------------------------------------------------------
# Across articles on a story
# ---------------------------------------------------------------------------


def story(body: str, date: str | None = None, name: str = "quake") -> str:
    front = f"story: {name}\n" + (f"date: {date}\n" if date else "")
    return f"---\n{front}---\n{body}\n"


def test_across_flags_the_outlier_against_the_majority() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island, state television said."),
        "b.md": story("A powerful earthquake on Qeshm island killed 10 people, officials said."),
        "c.md": story("The earthquake on Qeshm island killed 13 people, officials said."),
        "d.md": story("At least 10 people died when the earthquake hit Qeshm island."),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "c.md"
    # "at least 10" admits 13: it neither backs nor contradicts it
    assert finding.message == "Says 13 people killed, but 2 other articles on this story say 10 people killed"
    assert sorted(r.location.path for r in finding.related) == ["a.md", "b.md"]


def test_across_without_a_majority_flags_the_later_article() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island, state television said."),
        "b.md": story("The earthquake on Qeshm island killed 13 people, officials said."),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md"
    assert finding.message.endswith("(b.md is taken as the later: no dates, its path sorts after a.md)")


TWICE = "The earthquake killed {0} people on Qeshm island. Officials said the earthquake killed {0} people."


@pytest.mark.parametrize(("files", "where", "message"), [
    # c.md states its figure twice; b.md's one figure is aligned with its first statement only
    ({"a.md": story(TWICE.format(10)), "b.md": story("The earthquake killed 10 people on Qeshm island."),
      "c.md": story("The earthquake killed 14 people on Qeshm island. The quake killed 14 people, officials said.")},
     ("c.md", 23), "Says 14 people killed, but 2 other articles on this story say 10 people killed"),
    # two statements against two: the first of equals
    ({"a.md": story(TWICE.format(10)), "b.md": story(TWICE.format(14))},
     ("b.md", 23), "Says 14 people killed, but 1 other article on this story says 10 people killed "
                   "(b.md is taken as the later: no dates, its path sorts after a.md)"),
    # a.md is aligned with c.md's first statement, b.md and d.md (worded as the second) with the
    # second: the statement with most articles against it
    ({"a.md": story("The quake killed 10 people on Qeshm island."),
      "b.md": story("Officials said the earthquake on Qeshm island killed 10 people on Sunday."),
      "c.md": story("The quake killed 14 people on Qeshm island. "
                    "Officials said the earthquake on Qeshm island killed 14 people on Sunday."),
      "d.md": story("Officials said the earthquake on Qeshm island killed 10 people on Sunday, the governor added.")},
     ("c.md", 98), "Says 14 people killed, but 2 other articles on this story say 10 people killed"),
])
def test_across_an_outlier_told_twice_is_reported_once(files, where, message) -> None:
    [finding] = lint("figure-disagreement", files)
    assert ((finding.path, finding.location.column), finding.message) == (where, message)


def test_across_two_outlying_figures_of_one_article_are_both_reported() -> None:
    toll = "The earthquake killed {} people on Qeshm island. It injured {} people, officials said."
    files = {"a.md": story(toll.format(10, 40)), "b.md": story(toll.format(10, 40)), "c.md": story(toll.format(14, 30))}
    assert [(f.path, f.message) for f in lint("figure-disagreement", files)] == [
        ("c.md", "Says 14 people killed, but 2 other articles on this story say 10 people killed"),
        ("c.md", "Says 30 people injured, but 2 other articles on this story say 40 people injured")]


def test_within_a_figure_listed_as_agreeing_is_not_reported_again() -> None:
    text = ("# Quake kills 10 in southern Iran\n\n"
            "A powerful earthquake hit southern Iran on Sunday, killing 12 people, officials said.\n\n"
            "The quake killed 12 people, the governor said.\n")
    [finding] = lint("figure-mismatch", {"a.md": text})
    assert finding.location.line == 3
    assert [r.message for r in finding.related] == ["says 10 killed here", "also 12 people killed here"]


# A dated wire sentence told again word for word (Reuters 18947/18958/19300: "Moody's corrects amount of
# debt from 65 mln dlrs"; 10268/10375/10406): a figure that may move is held to the value two or more
# other articles give, when all but one of the twelve words kept around it match and no other figure of
# its sentence changed.
EDDIE = ("Moody's Investors Service Inc said it may downgrade Crazy Eddie Inc's {} mln dlrs of B-1 convertible "
         "subordinated debentures.")
COPPER = ("Magma Copper Co, a subsidiary of Newmont Mining Corp, said it is raising its copper cathode price by {} cent "
          "to {} cents a lb, effective immediately.")
TRADE = ("Total trade with the Soviet Union, involving swaps of agricultural produce and textiles for Soviet arms and "
         "crude oil, is estimated at {} billion dlrs in fiscal 1986/87{}.")


@pytest.mark.parametrize(("first", "later", "where", "message"), [
    (EDDIE.format(65), EDDIE.format(81), 71, "Says 65 mln dlrs, but 2 other articles on this story say 81 mln dlrs"),
    # eleven of the twelve words: the sixth after the figure differs
    (EDDIE.replace("debentures", "notes").format(65), EDDIE.format(81), 71,
     "Says 65 mln dlrs, but 2 other articles on this story say 81 mln dlrs"),
    # the other figures of the sentence are the same (66.00 cents), or one report leaves them out
    (COPPER.format("0.25", "66.00"), COPPER.format("0.50", "66.00"), 102,
     "Says 0.25 cent, but 2 other articles on this story say 0.50 cent"),
    (TRADE.format("10.04", ", against three billion in 1985/86"), TRADE.format("3.04", ""), 136,
     "Says 10.04 billion dlrs, but 2 other articles on this story say 3.04 billion dlrs"),
    (TRADE.format("10.04", ""), TRADE.format("3.04", ", against three billion in 1985/86"), 136,
     "Says 10.04 billion dlrs, but 2 other articles on this story say 3.04 billion dlrs"),
])
def test_across_a_sentence_told_again_on_other_dates_is_held_to_the_story(first, later, where, message) -> None:
    files = {"a.md": story(first, "1987-03-26", "wire"), "b.md": story(later, "1987-03-27", "wire"),
             "c.md": story(later.replace("three billion", "three billion dlrs"), "1987-03-27", "wire")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.location.column, finding.message) == ("a.md", where, message)


@pytest.mark.parametrize("files", [
    # one against one: the figure may have moved between the dates
    {"a.md": story(EDDIE.format(81), "1987-06-18", "wire"), "b.md": story(EDDIE.format(65), "1987-06-19", "wire")},
    # ten words of twelve: another sentence in a shared phrase
    {"a.md": story(EDDIE.replace("subordinated debentures", "senior notes").format(65), "1987-06-18", "wire"),
     "b.md": story(EDDIE.format(81), "1987-06-19", "wire"), "c.md": story(EDDIE.format(81), "1987-06-19", "wire")},
    # a recurring report changes its other figures too: the price moved
    {"a.md": story(COPPER.format("0.50", "66.00"), "1987-04-07", "wire"),
     "b.md": story(COPPER.format("0.50", "66.00"), "1987-04-07", "wire"),
     "c.md": story(COPPER.format("0.25", "65.75"), "1987-04-09", "wire")},
    {"a.md": story(TRADE.format("10.04", ", against three billion in 1985/86"), "1987-03-26", "wire"),
     "b.md": story(TRADE.format("3.04", ", against 2.5 billion in 1985/86"), "1987-03-27", "wire"),
     "c.md": story(TRADE.format("3.04", ", against 2.5 billion in 1985/86"), "1987-03-27", "wire")},
])
def test_across_a_figure_that_may_have_moved_between_dates_is_left_alone(files) -> None:
    assert lint("figure-disagreement", files) == []


CROP_LEAD = "BUENOS AIRES, {} - Argentine grain markets were quiet in the week to Wednesday, trade sources said.\n\n"
SUNFLOWER = ("Total area planted with sunflower for this harvest was two to 2.2 mln hectares, or 29.9 to 36.3 pct lower "
             "than the record {} mln hectares planted in the 1985/86 harvest.")


def crop_report(day: str, area: str, sentence: str = SUNFLOWER) -> str:
    return story(CROP_LEAD.format(day) + sentence.format(area), f"1987-{day}", "crop")


def test_across_a_past_season_told_again_weeks_apart_is_held_to_the_story() -> None:
    # Reuters' weekly Argentine crop reports (01582, 06890, 12160): last season's area does not move
    files = {"a.md": crop_report("03-04", "3.14"),
             "b.md": crop_report("03-11", "8.14", SUNFLOWER.replace("planted in the 1985/86 harvest", "of 1985/86")),
             "c.md": crop_report("04-08", "3.14")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == (
        "b.md", "Says 8.14 mln hectares, but 2 other articles on this story say 3.14 mln hectares")


@pytest.mark.parametrize("files", [
    # the season's figures changed too: this week's estimate, not last season's area
    {"a.md": crop_report("03-04", "3.14"),
     "b.md": crop_report("03-11", "8.14", SUNFLOWER.replace("29.9 to 36.3", "30.5 to 37.1")),
     "c.md": crop_report("04-08", "3.14")},
    # told as this week's figure in the lead, not as the past: it may move
    {"a.md": story(SUNFLOWER.format("3.14"), "1987-03-04", "crop"),
     "b.md": story(SUNFLOWER.format("8.14"), "1987-03-11", "crop"),
     "c.md": story(SUNFLOWER.format("3.14"), "1987-04-08", "crop")},
    # a past month's figure in a sentence with no other figure: a recurring report's
    {name: story(CROP_LEAD.format(day) + "In February, shipments from the port of "
                 f"Rosario amounted to {tonnes} tonnes of wheat and maize bound for the Soviet Union, the board said.",
                 f"1987-{day}", "crop")
     for name, tonnes, day in (("a.md", "418,755", "03-04"), ("b.md", "102,870", "03-11"), ("c.md", "418,755", "04-08"))},
    # one other figure of two digits may be the same by chance (Reuters 18411 and 19431, four days apart)
    {name: story("The Brunswick mine produced 413,800 tonnes of zinc last year, the company said.\n\n"
                 f"In 1986, concentrates produced were {zinc} tonnes of zinc and 81,000 tonnes of lead.", day, "mine")
     for name, zinc, day in (("a.md", "238,000", "1987-06-15"), ("b.md", "309,400", "1987-06-19"),
                             ("c.md", "238,000", "1987-06-15"))},
])
def test_across_a_past_figure_weeks_apart_needs_its_whole_sentence_told_again(files) -> None:
    assert lint("figure-disagreement", files) == []


BRUNSWICK = ("The Brunswick mine produced {} tonnes of zinc and 206,000 tonnes of lead last year at a recovery rate "
             "of 70.5 pct zinc and 55.6 pct lead. Concentrates produced were {} tonnes of zinc and 81,000 tonnes of "
             "lead.")


def mine_report(day: str, zinc: str, concentrates: str, lead: str = "TORONTO - Noranda Inc said contract talks "
                "with unionized workers at its Brunswick mine were continuing.\n\n") -> str:
    return story(lead + BRUNSWICK.format(zinc, concentrates), f"1987-06-{day}", "mine")


@pytest.mark.parametrize("wrapped", [False, True])
def test_across_a_paragraph_sent_again_days_later_keeps_its_figures(wrapped) -> None:
    # Reuters 18411, 18414 (June 15) and 19431 (June 19): the background paragraph told again four days
    # later; its sentence before is the same, with a figure no report gives by chance (413,800), so the
    # one other figure of two digits (81,000) is no chance either: the paragraph was sent again (its lines
    # wrapped otherwise or not)
    later = mine_report("19", "413,800", "309,400")
    if wrapped:
        later = later.replace("of lead last year at a recovery", "of lead last year\nat a  recovery")
    files = {"a.md": mine_report("15", "413,800", "238,000"), "b.md": mine_report("15", "413,800", "238,000"),
             "c.md": later}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == (
        "c.md", "Says 309,400 tonnes of zinc, but 2 other articles on this story say 238,000 tonnes of zinc")


@pytest.mark.parametrize("files", [
    # the sentence before changed too: next year's report of the mine, not the paragraph sent again
    {"a.md": mine_report("15", "413,800", "238,000"), "b.md": mine_report("15", "413,800", "238,000"),
     "c.md": mine_report("19", "427,100", "309,400")},
    # the sentence before (background, as in the report) gives no figure that could not recur by chance
    {name: story("TORONTO - Noranda Inc said talks were continuing.\n\nThe Brunswick mine employed 1,000 workers "
                 f"last year. Concentrates produced were {zinc} tonnes of zinc and 81,000 tonnes of lead.",
                 f"1987-06-{day}", "mine")
     for name, zinc, day in (("a.md", "238,000", "15"), ("b.md", "238,000", "15"), ("c.md", "309,400", "19"))},
])
def test_across_a_sentence_days_later_is_no_paragraph_sent_again_when_its_lead_in_changed(files) -> None:
    assert lint("figure-disagreement", files) == []


TARIFFS = ("Reagan said the 100 pct tariffs he imposed on {} mln dlrs worth of Japanese goods was a special case of "
           "trade retaliation.")
DECISION = ("Trade friction was further fueled by President Reagan's April 17 decision to impose 100 pct tariffs on {} "
            "mln dlrs worth of Japanese goods in retaliation for unfair practices.")


def tariff_story(first: str, second: str, third: str) -> dict[str, str]:
    """Reuters 17201 and 17269, a radio address sent again a day later, and 17083 three days before."""
    return {"a.md": story(DECISION.format(third), "1987-04-24", "tariffs"),
            "b.md": story(TARIFFS.format(first), "1987-04-26", "tariffs"),
            "c.md": story(TARIFFS.format(second), "1987-04-27", "tariffs")}


def test_across_a_qualified_figure_is_echoed_by_its_value_as_written() -> None:
    # one against one in the sentence sent again ("some 300" / "some 390"); the third report's "300 mln dlrs
    # worth of Japanese goods", told in the same words, says which side the story is on
    [finding] = lint("figure-disagreement", tariff_story("some 300", "some 390", "300"))
    assert (finding.path, finding.message) == (
        "c.md", "Says some 390 mln dlrs, but 2 other articles on this story say some 300 mln dlrs or 300 mln dlrs")
    assert [r.location.path for r in finding.related] == ["b.md", "a.md"]


@pytest.mark.parametrize(("first", "second", "third"), [
    ("some 300", "some 390", "320"),  # another value: no echo
    ("some 300", "some 390", "more than 300"),  # a bound gives no one value
])
def test_across_a_qualified_figure_needs_its_value_as_written_elsewhere(first, second, third) -> None:
    assert lint("figure-disagreement", tariff_story(first, second, third)) == []


def scoped(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(figure, scope) for every figure of an article."""
    doc = parse_document("a.md", text.encode())
    return [(doc.text[m.start:m.end], m.scope) for m in Analyzer(load_lexicon(), doc).run()]


@pytest.mark.parametrize(("text", "expected"), [
    # "from" a name is where the sum came from: the scope after it is the sum's
    ("It has received 13.7 billion dlrs from the World Bank since 1968.", [("13.7 billion dlrs", ("since",))]),
    ("It has received 13.7 billion dlrs from Japan since 1968.", [("13.7 billion dlrs", ("since",))]),
    # "from" a value, or a month's value, is what the figure is set against: the scope after it is the other's
    ("Prices rose to 3.14 dlrs from March's 3.04 dlrs in the quarter.",
     [("3.14 dlrs", ()), ("3.04 dlrs", ("in the quarter",))]),
    ("Area stood at 3.58 mln hectares, down from the 3.85 mln hectares planted in 1985.",
     [("3.58 mln hectares", ()), ("3.85 mln hectares", ("in 1985",))]),
    # a contrast after the source still ends the figure's scope
    ("It received 10 mln dlrs from the Bank against 8 mln in 1986.", [("10 mln dlrs", ()), ("8 mln", ("in 1986",))]),
])
def test_a_scope_read_after_from_a_source_but_not_after_from_a_value(text, expected) -> None:
    assert scoped("ATLANTA - The company reported.\n\n" + text) == expected


WORLD_BANK = ("Indonesia, hurt by the fall in oil prices, is the Third World's sixth largest debtor. It has received {} "
              "billion dlrs from the World Bank {}.")


def test_across_a_sum_received_since_a_year_is_a_running_total_that_may_not_shrink() -> None:
    # Reuters 08069 (March 21) against 08606 and 08703 (March 24): "since 1968" and "in the past 20 years"
    # are one running total, and "from the World Bank" is where it came from, not a value it is set against
    files = {"a.md": story(WORLD_BANK.format("13.7", "since 1968"), "1987-03-21", "debt"),
             "b.md": story(WORLD_BANK.format("10.7", "in the past 20 years"), "1987-03-24", "debt"),
             "c.md": story(WORLD_BANK.format("10.7", "in the past 20 years"), "1987-03-24", "debt")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == (
        "a.md", "Says 13.7 billion dlrs, but 2 other articles on this story say 10.7 billion dlrs")


def test_across_a_running_total_that_grew_is_a_change() -> None:
    files = {"a.md": story(WORLD_BANK.format("10.7", "since 1968"), "1987-03-21", "debt"),
             "b.md": story(WORLD_BANK.format("11.9", "in the past 20 years"), "1987-03-24", "debt")}
    assert lint("figure-disagreement", files) == []
    [change] = lint("figure-change", files)
    assert (change.path, change.severity) == ("b.md", "info")


def test_across_a_running_total_is_not_one_year_of_it() -> None:
    files = {"a.md": story(WORLD_BANK.format("1.2", "in 1986"), "1987-03-21", "debt"),
             "b.md": story(WORLD_BANK.format("10.7", "in the past 20 years"), "1987-03-24", "debt"),
             "c.md": story(WORLD_BANK.format("10.7", "since 1968"), "1987-03-24", "debt")}
    assert lint("figure-disagreement", files) == []


# ECB+ 19_ecb/19_3ecb, 19_12ecb: the riots went on between the two reports
RIOTS = "Athens was calm Sunday after {} days of the worst riots Greece has seen in decades."
RIOTS_LATER = "The youths smashed windows newly replaced after {} days of the worst riots Greece has seen in decades."


@pytest.mark.parametrize(("text", "excluded"), [
    (RIOTS.format("eight"), "elapsed"),
    ("Greece calm after 8 days of riots by angry youths.", "elapsed"),
    ("Athens was quiet on Sunday.\n\n" + RIOTS_LATER.format("four"), "elapsed"),  # and no longer background
    ("Police said they may ease patrols after eight days of riots in Athens.", "elapsed"),  # not hypothetical
    ("Four days into the strike, the union met again in Athens.", "elapsed"),
    ("After eight nights of protests, the vigil ended.", "elapsed"),
    # not a span still going on: how long something lasted, or a time of another unit
    ("The strike in Athens lasted four days, the union said.", ""),
    ("After four days, talks resumed in Athens.", ""),
    ("The eight days of riots cost 200 million euros.", ""),
    ("Talks resumed in Athens after eight hours of talks.", ""),
])
def test_a_span_of_an_event_still_going_on_is_when_a_report_was_written(text, excluded) -> None:
    [(_figure, _thing, _event, why)] = [f for f in frames(text) if "euros" not in f[0] and "Sunday" not in f[0]]
    assert why == excluded


def test_across_the_days_an_event_has_gone_on_grow_between_reports() -> None:
    files = {"a.md": story(RIOTS_LATER.format("four"), name="riots"), "b.md": story(RIOTS.format("eight"), name="riots")}
    assert lint("figure-disagreement", files) == []
    assert lint("figure-mismatch", {"a.md": story(RIOTS_LATER.format("four") + " " + RIOTS.format("eight"))}) == []


def test_across_how_long_an_event_lasted_is_one_fact() -> None:
    files = {"a.md": story("The strike in Athens lasted four days, the union said.", name="strike"),
             "b.md": story("The strike in Athens lasted eight days, the union said.", name="strike")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message.split(",")[0]) == ("b.md", "Says eight days")


# ECB+ 19_ecbplus: protests in East Flatbush night after night, each report with its own count
ARRESTED_OVER_NIGHTS = ("Since the shooting, over 50 arrests have been made over four nights of protesting in "
                        "East Flatbush where community members are expressing outrage.")
ARRESTED_WEDNESDAY = {"c.md": "As fights between cops and angry teens erupted in East Flatbush, 46 were arrested "
                              "Wednesday night.",
                      "d.md": "Then came another protest in East Flatbush on Wednesday night, and there were 46 "
                              "arrests.",
                      "e.md": "By the end a police van in East Flatbush had been hit with bricks, and 46 people had "
                              "been arrested."}


def protests(**bodies: str) -> dict[str, str]:
    return {name: story(body, name="protests") for name, body in {**ARRESTED_WEDNESDAY, **bodies}.items()}


def test_a_span_of_nights_scopes_a_figure() -> None:
    doc = parse_document("a.md", ARRESTED_OVER_NIGHTS.encode())
    [arrests] = [m for m in Analyzer(load_lexicon(), doc).run() if m.comparable]
    assert "over four nights" in arrests.scope


def test_across_a_count_over_several_nights_is_not_one_nights_count() -> None:
    assert lint("figure-disagreement", protests(**{"a.md": ARRESTED_OVER_NIGHTS})) == []


def test_across_a_count_over_several_nights_is_held_to_the_same_span() -> None:
    files = {name: story(ARRESTED_OVER_NIGHTS.replace("over 50", value), name="protests")
             for name, value in (("a.md", "52"), ("b.md", "52"), ("c.md", "30"))}
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "c.md"


TUESDAY = ("The NYPD said one person was arrested for disorderly conduct in East Flatbush. Overnight and into early "
           "Tuesday morning, police barricaded Snyder Avenue.")


def test_across_a_count_that_names_no_day_is_any_days_in_a_story_told_day_by_day() -> None:
    # Tuesday's one arrest and Wednesday's 46: "One person has been arrested" could be either night's
    files = protests(**{"a.md": "One person has been arrested in East Flatbush, though no injuries have been reported.",
                        "b.md": TUESDAY})
    assert lint("figure-disagreement", files) == []


def test_across_a_count_that_names_no_day_is_held_to_a_story_of_one_day() -> None:
    files = protests(**{"a.md": "One person has been arrested in East Flatbush, though no injuries have been reported."})
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "a.md"
    assert finding.message.startswith("Says One person arrested, but 3 other articles")


def test_across_a_count_told_for_a_day_is_held_to_that_days_in_a_story_told_day_by_day() -> None:
    files = protests(**{"a.md": TUESDAY, "f.md": "In East Flatbush, 12 were arrested Wednesday night."})
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message.split(",")[0]) == ("f.md", "Says 12 arrested")


@pytest.mark.parametrize("china", ["", "\n\nOn Saturday, more than a dozen people were killed by a quake in eastern China."])
def test_across_a_toll_told_alike_on_two_days_is_one_fact(china) -> None:
    # ECB+ 20_ecbplus: the quake's 10 dead on Sunday and again on Monday; another quake's toll on
    # Saturday is background, no count of this story's per day
    files = {"a.md": story("A powerful earthquake hit Qeshm island on Sunday, killing 10 people." + china),
             "b.md": story("Rescue workers on Qeshm island handed out blankets Monday to survivors of the earthquake "
                           "that killed 10 people."),
             "c.md": story("The earthquake killed 10 people on Qeshm island, state television said."),
             "d.md": story("The earthquake on Qeshm island killed 13 people, officials said.")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message.split(",")[0]) == ("d.md", "Says 13 people killed")


def test_across_a_figure_with_no_event_word_is_not_a_count_per_day() -> None:
    # the story gives the day's turnover for Monday and Tuesday; the session's is still one figure
    session = "Turnover on the Zurich exchange was {} mln shares in the session, dealers said."
    files = {"a.md": story("Zurich turnover rose to 120 mln shares on Monday.", name="zurich"),
             "b.md": story("Zurich turnover fell to 95 mln shares on Tuesday.", name="zurich"),
             "c.md": story(session.format(110), name="zurich"), "d.md": story(session.format(110), name="zurich"),
             "e.md": story(session.format(140), name="zurich")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message.split(",")[0]) == ("e.md", "Says 140 mln shares")


def test_across_compares_only_articles_of_one_story() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island.", name="qeshm"),
        "b.md": story("The earthquake killed 612 people in Zarand.", name="zarand"),
    }
    assert lint("figure-disagreement", files) == []


def test_across_leaves_different_subjects_alone() -> None:
    files = {
        "a.md": story("Klitschko landed 178 punches in the fight."),
        "b.md": story("Rahman landed 30 punches in the fight."),
    }
    assert lint("figure-disagreement", files) == []


def test_dated_articles_report_a_change_at_info_not_a_disagreement() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island, state television said.", "2005-11-27"),
        "b.md": story("The earthquake on Qeshm island killed 13 people, officials said.", "2005-11-28"),
        "c.md": story("The quake on Qeshm island killed 13 people, the governor said.", "2005-11-28"),
    }
    assert lint("figure-disagreement", files) == []
    [change] = lint("figure-change", files)
    assert change.path == "b.md" and change.severity == "info"
    assert change.message == ("Says 13 people killed (2005-11-28), where 1 earlier article on this story "
                              "(2005-11-27) says 10 people killed: the figure moved")
    assert [r.location.path for r in change.related] == ["a.md"]


def test_articles_of_one_date_still_disagree() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island.", "2005-11-27"),
        "b.md": story("The earthquake killed 10 people on Qeshm island, officials said.", "2005-11-27"),
        "c.md": story("The earthquake killed 14 people on Qeshm island, the governor said.", "2005-11-27"),
        "d.md": story("The earthquake killed 14 people on Qeshm island, officials said.", "2005-11-28"),
    }
    [disagreement] = lint("figure-disagreement", files)
    assert disagreement.path == "c.md"
    [change] = lint("figure-change", files)
    assert change.path == "d.md"


def test_an_article_is_compared_by_its_most_precise_statement() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island, state television said."),
        "b.md": story("The earthquake on Qeshm island killed 10 people, officials said."),
        "c.md": story("An earthquake hit Qeshm island, killing at least three people.\n\n"
                      "The governor said three people were killed."),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "c.md" and finding.location.line == 6
    assert finding.message.startswith("Says three people killed, but 2 other articles")


def test_changes_are_compared_only_within_max_days() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island, state television said.", "2005-11-21"),
        "b.md": story("The earthquake on Qeshm island killed 13 people, officials said.", "2005-11-28"),
    }
    assert lint("figure-change", files) == []
    assert len(lint("figure-change", files, max_days=10)) == 1


@pytest.mark.parametrize(("first", "second"), [
    # a level of the moment moves between reports
    ("Six ships were waiting to load at Portland, the report said.",
     "Eight ships were waiting to load at Portland, the report said."),
    # "last week" in reports of two weeks is two weeks
    ("There were 3,814,891 gallons of foreign imports last week, the association said.",
     "There were 499,967 gallons of foreign imports last week, the association said."),
])
def test_a_figure_that_may_move_either_way_is_neither_change_nor_disagreement(first: str, second: str) -> None:
    files = {"a.md": story(first, "1987-03-12"), "b.md": story(second, "1987-03-13")}
    assert lint("figure-change", files) == [] and lint("figure-disagreement", files) == []


def test_a_figure_that_did_not_move_is_no_change() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island.", "2005-11-27"),
        "b.md": story("The earthquake killed 10 people and injured 40, officials said.", "2005-11-28"),
    }
    assert lint("figure-change", files) == []


# ---------------------------------------------------------------------------
# Rule files
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("params", "problem"), [
    ({"compare": "sideways"}, "'compare' must be one of"),
    ({"lexicon": {"colours": ["red"]}}, "unknown lexicon key 'colours'"),
    ({"lexicon": {"predicates": {"killed": "dead"}}}, "maps a group name to a list"),
    ({"lexicon": {"tolerance": {"count": 2}}}, "from 0 to 1"),
    ({"tolerance": -1}, "'tolerance' must be at least"),
])
def test_bad_rule_parameters_are_located_errors(params: dict, problem: str) -> None:
    with pytest.raises(FactlintError) as caught:
        compile_rules([custom_rule("figure-mismatch", **params)])
    assert problem in caught.value.message
    assert caught.value.path == "rule.yaml" and caught.value.line


# ---------------------------------------------------------------------------
# What makes two figures one fact (issue 13): real copy's shapes, must flag and must not
# ---------------------------------------------------------------------------


def test_the_outlier_on_a_story_is_reported_with_the_agreeing_places() -> None:
    files = {
        "a.md": story("The Kursk sank with 118 crew on board, the navy said.", name="kursk"),
        "b.md": story("All 118 crew on board the Kursk died, officials said.", name="kursk"),
        "c.md": story("The submarine had 118 crew on board when it sank.", name="kursk"),
        "d.md": story("The Kursk went down with 236 crew on board, a spokesman said.", name="kursk"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "d.md"
    assert finding.message == "Says 236 crew aboard, but 3 other articles on this story say 118 crew aboard"
    assert sorted(r.location.path for r in finding.related) == ["a.md", "b.md", "c.md"]


def test_the_outlier_message_gives_the_count_on_each_side() -> None:
    files = {
        "a.md": story("The Kursk sank with 118 crew on board, the navy said.", name="kursk"),
        "b.md": story("All 118 crew on board the Kursk died, officials said.", name="kursk"),
        "c.md": story("The submarine had 118 crew on board when it sank.", name="kursk"),
        "d.md": story("The Kursk went down with 236 crew on board, a spokesman said.", name="kursk"),
        "e.md": story("The submarine Kursk sank with 236 crew on board.", name="kursk"),
    }
    found = lint("figure-disagreement", files)
    assert [f.path for f in found] == ["d.md", "e.md"]
    assert found[0].message == ("Says 236 crew aboard, but 3 other articles on this story say 118 crew aboard "
                                "(1 other article agrees with this one)")


@pytest.mark.parametrize(("ours", "theirs"), [
    # the counted thing with synonyms: cars are vehicles
    ("Police said a 14-car pileup closed the interstate for hours.",
     "Police said a 12-vehicle pileup closed the interstate for hours."),
    # the event with its inflections: hurt is injured
    ("Nine people had been hurt in the disturbances in Luhansk.",
     "In the Luhansk protest, Ukrainian television said three people had been injured."),
    # a measure in two units: "1 hour, 35 minutes" is 95 minutes
    ("Running time: 1 hour, 35 minutes.", "Running time: 106 minutes."),
    # counts one apart: "three" (2.5 to 3.5 as rounding goes) and "four" only touch
    ("Four people had been hurt in the disturbances in Luhansk.",
     "In the Luhansk protest, Ukrainian television said three people had been injured."),
    ("Running time: 1 hour, 40 minutes.", "Running time: 101 min."),
])
def test_one_fact_in_two_wordings_disagrees(ours: str, theirs: str) -> None:
    files = {"a.md": story(theirs, name="s"), "b.md": story(ours, name="s")}
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md"
    assert finding.message.endswith("(b.md is taken as the later: no dates, its path sorts after a.md)")


@pytest.mark.parametrize(("first", "second"), [
    # the same measure in other units
    ("Running time: 101 min.", "Running time: 1 hour, 41 minutes."),
    ("The Trail smelter, about 400 miles east of Vancouver, produced zinc.",
     "The Trail smelter, about 644 km east of Vancouver, produced zinc."),
    # money as the wire and as a website write it
    ("The purchase valued at 1.5 mln dlrs follows the acquisition of Johnson Matthey.",
     "The purchase valued at $1.5 million follows the acquisition of Johnson Matthey."),
    # a bound admits every value on its side
    ("At least 10 people were killed in the earthquake on Qeshm island.",
     "The earthquake killed 10 people on Qeshm island, officials said."),
    ("More than 200 people set off from the vigil in Brooklyn.", "About 250 people set off from the vigil in Brooklyn."),
])
def test_one_fact_in_two_wordings_agrees(first: str, second: str) -> None:
    files = {"a.md": story(first, name="s"), "b.md": story(second, name="s")}
    assert lint("figure-disagreement", files) == []


def test_nearly_lies_just_under_its_figure() -> None:
    """ "as much as 900 points" and "nearly 1,000 points" cannot both describe the index's fall."""
    files = {
        "a.md": story("The Dow Jones index fell as much as 900 points on Monday, traders said.", name="crash"),
        "b.md": story("The Dow Jones index fell nearly 1,000 points on Monday, traders said.", name="crash"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md" and "nearly 1,000 points" in finding.message


def test_an_index_named_for_an_average_is_no_rate() -> None:
    """ "The Dow Jones industrial average fell 900 points" states a fall, not an average of falls."""
    files = {
        "a.md": story("The Dow Jones industrial average fell as much as 900 points on Monday.", name="crash"),
        "b.md": story("The Dow Jones industrial average fell nearly 1,000 points on Monday.", name="crash"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md"
    assert lint("figure-disagreement", {"a.md": story("Home runs averaged 900 a season.", name="s"),
                                        "b.md": story("Home runs averaged 1,000 a season.", name="s")}) == []


def test_a_figure_is_quoted_without_the_sentence_full_stop() -> None:
    files = {"a.md": story("Running time: 101 minutes.", name="s"), "b.md": story("Running time: 100 minutes.", name="s")}
    [finding] = lint("figure-disagreement", files)
    assert finding.message.startswith("Says 100 minutes, but 1 other article on this story says 101 minutes (")


def test_currencies_are_never_compared() -> None:
    files = {
        "a.md": story("The purchase valued at 1.5 mln stg follows the acquisition of Johnson Matthey.", name="s"),
        "b.md": story("The purchase valued at 2.5 mln dlrs follows the acquisition of Johnson Matthey.", name="s"),
    }
    assert lint("figure-disagreement", files) == []


@pytest.mark.parametrize("files", [
    # a part and the whole: one operation against the total so far
    {"a.md": "During the operation, six rifles and 12 magazines were found and confiscated by the Indian Navy.",
     "b.md": "So far, the Indian Navy has confiscated 14 rifles and 31 magazines from pirates.",
     "c.md": "The Indian Navy has seized a total of 31 magazines from pirates in the Gulf of Aden."},
    # a subgroup
    {"a.md": "The Coalition of the Willing gathered 35 countries in Paris, including 27 heads of state.",
     "b.md": "The Coalition of the Willing gathered 27 heads of state in Paris."},
    # one town's deaths against the story's toll
    {"a.md": "The bombing raids into Pakistan killed 150 people, officials in Peshawar said.",
     "b.md": "About 45 people were killed in Lwarai Mandi and 23 died in Angur Adar, officials in Peshawar said."},
])
def test_parts_and_wholes_are_never_one_fact(files: dict[str, str]) -> None:
    assert lint("figure-disagreement", {k: story(v, name="s") for k, v in files.items()}) == []


def test_one_instance_of_several_is_a_part_of_the_toll() -> None:
    """Reuters 08660/09221: one village's bombing, then the toll of all the raids a day later."""
    files = {
        "a.md": story("Afghan warplanes killed 22 people in a second bombing in as many days of a remote Pakistani "
                      "village, official Radio Pakistan said.", date="1987-03-24", name="raids"),
        "b.md": story("Afghan warplanes killed almost 150 people in bombing raids into Pakistani territory, "
                      "Pakistani officials said.", date="1987-03-25", name="raids"),
    }
    assert lint("figure-change", files) == [] and lint("figure-disagreement", files) == []


def test_two_instances_in_one_mould_are_two_facts() -> None:
    """Wire copy repeats its wording for other companies, crops and weeks: a sentence that opens on
    another name, a results table, a figure that hangs on another word are other facts."""
    raising = {
        "a.md": "NEW YORK, March 3 - Brunswick Corp is raising 100 mln dlrs through an offering of notes due 1997.",
        "b.md": "NEW YORK, March 5 - Time Inc is raising 250 mln dlrs through an offering of notes due 1997.",
    }
    table = {"a.md": "Shr 1.32 dlrs vs 1.18 dlrs\n\nNet 10.5 mln vs 9.8 mln", "b.md": "Shr 1.96 dlrs vs 1.88 dlrs\n\nNet 12.5 mln vs 9.8 mln"}
    mould = {
        "a.md": "Ecuador was exporting about 140,000 bpd before the earthquake, Energy Ministry officials said.",
        "b.md": "Ecuador was pumping about 260,000 bpd before the earthquake, Energy Ministry officials said.",
    }
    for files in (raising, table, mould):
        assert lint("figure-disagreement", {k: story(v, name="s") for k, v in files.items()}) == [], files


def test_a_re_sent_sentence_with_one_figure_changed_disagrees() -> None:
    body = ("The Brunswick mine produced {} tonnes of zinc and 206,000 tonnes of lead last year at a recovery "
            "rate of 70.5 pct zinc and 55.6 pct lead.")
    files = {
        "a.md": story(body.format("413,800"), "1987-06-15T10:00:00", "brunswick"),
        "b.md": story(body.format("413,800"), "1987-06-15T12:00:00", "brunswick"),
        "c.md": story(body.format("827,600"), "1987-06-15T16:00:00", "brunswick"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "c.md" and "827,600 tonnes of zinc" in finding.message


def test_the_rest_of_the_story_breaks_a_tie() -> None:
    """One article against one, but a third gives one side's specific figure elsewhere."""
    files = {
        "a.md": story("The study calls for 198,000 ounces of silver per year being produced over the mine life.",
                      name="mine"),
        "b.md": story("The study calls for 99,000 ounces of silver per year being produced over the mine life.",
                      name="mine"),
        "c.md": story("It said production will average 41,000 ounces of gold and 99,000 ounces of silver per year.",
                      name="mine"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "a.md"
    assert sorted(r.location.path for r in finding.related) == ["b.md", "c.md"]


@pytest.mark.parametrize("third", [
    # the same words around the same value, in a sentence about more ("currently 360,000 tonnes")
    "Producers had strongly opposed a consumer proposal to lower the reference price and the floor price of "
    "150 cents in the present pact if the buffer stock, currently 360,000 tonnes, reached 450,000 tonnes.",
    # the same value in the same scope ("in the first three years"), worded otherwise
    "Talks went on all week. It said the buffer stock in the first three years should be 360,000 tonnes.",
])
def test_a_plain_value_told_alike_elsewhere_breaks_a_tie(third: str) -> None:
    """ "360,000 tonnes" may meet by chance, but not in the same words or the same scope: the
    article on the other side is the outlier, whichever path sorts later."""
    files = {
        "a.md": story("The consumers are seeking an adjustment of the lower indicative price if the buffer stock, "
                      "currently 720,000 tonnes, rises to 450,000 tonnes.", date="1987-03-13", name="rubber"),
        "b.md": story("Throughout the talks producers had adamantly resisted a consumer proposal to lower the floor "
                      "price if the buffer stock, currently 360,000 tonnes, rose to 450,000 tonnes.",
                      date="1987-03-13", name="rubber"),
        "c.md": story(third, date="1987-03-19", name="rubber"),
    }
    if "first three years" in third:
        files = {name: text.replace("currently 720,000 tonnes", "in the first three years 720,000 tonnes")
                 .replace("currently 360,000 tonnes", "in the first three years 360,000 tonnes")
                 for name, text in files.items()}
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "a.md", finding.message
    assert sorted(r.location.path for r in finding.related) == ["b.md", "c.md"]


# -- time ---------------------------------------------------------------------------


def test_a_period_in_a_clause_before_is_not_the_figures_scope() -> None:
    """ "first national strike for 25 years and union leaders say they have idled 208 ships": the
    ships idled are the toll of this strike, which grew from 160 the day before."""
    files = {
        "a.md": story("The walkout by Brazil's 40,000 seamen has idled 160 ships in various ports, an official said.",
                      date="1987-03-05", name="seamen"),
        "b.md": story("A week ago seamen began their first national strike for 25 years and union leaders say they "
                      "have idled 208 ships in various ports.", date="1987-03-06", name="seamen"),
    }
    [finding] = lint("figure-change", files)
    assert finding.path == "b.md" and "208 ships" in finding.message


def test_a_growing_count_may_grow_but_not_shrink() -> None:
    grew = {
        "a.md": story("The ferry capsized off Zeebrugge and about 200 people were rescued.", "1987-03-06T16:00:00"),
        "b.md": story("Officials at Zeebrugge said 345 people were rescued from the ferry.", "1987-03-06T23:00:00"),
    }
    assert lint("figure-disagreement", grew) == []
    [change] = lint("figure-change", grew)
    assert change.path == "b.md" and change.severity == "info"
    shrank = {
        "a.md": story("The earthquake killed 13 people on Qeshm island, officials said.", "2005-11-27"),
        "b.md": story("The earthquake killed 10 people on Qeshm island, state television said.", "2005-11-28"),
    }
    assert lint("figure-change", shrank) == []
    [finding] = lint("figure-disagreement", shrank)
    assert finding.path == "b.md"


def test_a_figure_that_does_not_change_with_time_may_not_change() -> None:
    files = {
        "a.md": story("The Kursk sank with 118 crew on board, the navy said.", "2000-08-14", "kursk"),
        "b.md": story("The Kursk went down with 116 crew on board, a spokesman said.", "2000-08-15", "kursk"),
    }
    assert lint("figure-change", files) == []
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md" and not finding.message.endswith(")")  # dated: no note on which is later


# -- within an article -----------------------------------------------------------------


def test_a_headline_the_body_contradicts() -> None:
    text = ("# Quake kills 10 in southern Iran\n\n"
            "A powerful earthquake hit southern Iran on Sunday, killing 12 people, officials said.\n")
    [finding] = lint("figure-mismatch", {"a.md": text})
    assert finding.location.line == 3 and "the headline says" in finding.message


# -- a thing's founding date (factlint/foundings.py) ----------------------------------------


def founded(text: str) -> list[tuple[str, str, str]]:
    """(thing, date as written, words told) for every founding date an article tells."""
    from factlint.foundings import foundings

    doc = parse_document("a.md", text.encode())
    return [(f.key or f"<{f.name}: {f.antecedent}>", f.date, f.told) for f in foundings(doc)]


@pytest.mark.parametrize("text, expected", [
    ("Founded in 1989, SkyMall said it sold more than 30,000 products it calls \"cool stuff.\"\n",
     ("skymall", "1989", "Founded in 1989")),
    ("Founded in 1990 to cater to airplane passengers with time and money to spare, SkyMall catalog’s often "
     "featured wacky product offerings.\n", ("skymall", "1990", "Founded in 1990")),
    ("A document purported to show wire transfers made to Essential Consultants, a company established by Cohen "
     "in October 2016.\n", ("essential consultants", "October 2016", "established by Cohen in October 2016")),
    ("The company engaged Essential Consultants, a company formed by Cohen in early 2017, to provide insights.\n",
     ("essential consultants", "early 2017", "formed by Cohen in early 2017")),
    ("The Forest Service was created in 1905 as an arm of the U.S. Department of Agriculture.\n",
     ("forest service", "1905", "created in 1905")),
    ("Airod, which was set up in 1985, has a paid-up capital of 10 mln ringgit.\n", ("airod", "1985", "set up in 1985")),
    ("The PCGG, set up by Aquino in February 1986, has sweeping powers.\n",
     ("pcgg", "February 1986", "set up by Aquino in February 1986")),
    ("Established by Congress in 1934, the SEC traces its roots to the crash.\n",
     ("sec", "1934", "Established by Congress in 1934")),
    ("Sony France SA was established in 1973.\n", ("sony france", "1973", "established in 1973")),
    ("Acme Inc was founded in Phoenix in 1989 by two brothers.\n", ("acme", "1989", "founded in Phoenix in 1989")),
    ("Jobs co-founded Apple in 1976 with Steve Wozniak.\n", ("apple", "1976", "co-founded Apple in 1976")),
    ("Acme, a Phoenix-based company founded in mid-2016, said sales rose.\n", ("acme", "mid-2016", "founded in mid-2016")),
    ("Privately-held GeCAD Software, founded in 1992, supplies antivirus products.\n",
     ("gecad software", "1992", "founded in 1992")),
    ("The Bank of the Philippine Islands was founded in 1851.\n", ("bank of the philippine islands", "1851", "founded in 1851")),
    ("Voyager 2, also launched in 1977, lags some 1.6 billion miles behind Voyager 1.\n",
     ("voyager 2", "1977", "launched in 1977")),
    ("The Albino Squirrel Preservation Society was founded at the University of Texas at Austin in 2001.\n",
     ("albino squirrel preservation society", "2001", "founded at the University of Texas at Austin in 2001")),
    ("Montedison said net profit for its Agrimont Group, formed in June 1986, totalled 1.5 billion lire.\n",
     ("agrimont group", "June 1986", "formed in June 1986")),
    ("Cohen established Essential Consultants in October 2016 to pay for his work.\n",
     ("essential consultants", "October 2016", "established Essential Consultants in October 2016")),
    ("Originally founded in 1989 as a mail-order catalog, SkyMall said it would close.\n",
     ("skymall", "1989", "founded in 1989")),
    ("Founded in 1998 by two former Xerox engineers, Acme makes printers.\n", ("acme", "1998", "Founded in 1998")),
    # a possessive name the comma closes is the thing's own name, not an owner's
    ("Founded in 1906, Kellogg's, the cereal maker, said profit fell.\n", ("kellogg", "1906", "Founded in 1906")),
    ("Founded in 1906, Kellogg’s, the cereal maker, said profit fell.\n", ("kellogg", "1906", "Founded in 1906")),
    ("Xhibit Corp was founded in 2012 in Phoenix.\n", ("xhibit", "2012", "founded in 2012")),
    ("SkyMall Inc. was founded in 1989.\n", ("skymall", "1989", "founded in 1989")),
    ("HP was founded in 1939 in a Palo Alto garage.\n", ("hp", "1939", "founded in 1939")),  # two letters are a name
    ("Lockheed owns 49 percent of Airod, which was set up in 1985.\n", ("airod", "1985", "set up in 1985")),
    # a passive co-founding is told of the thing, not of a person
    ("Apple was co-founded in 1976 by Steve Jobs and Steve Wozniak.\n", ("apple", "1976", "co-founded in 1976")),
    # a name that ends its noun phrase, before the verb or a comma, is one that ends in "'s"
    ("McDonald's was founded in 1940 as a barbecue drive-in.\n", ("mcdonald", "1940", "founded in 1940")),
    ("Macy’s, which was founded in 1858, will close 100 stores.\n", ("macy", "1858", "founded in 1858")),
    # a name that opens on a digit may found a thing
    ("Acme was formed by 3M in 1996 to make tapes.\n", ("acme", "1996", "formed by 3M in 1996")),
])
def test_a_founding_date_belongs_to_the_named_thing(text: str, expected: tuple) -> None:
    assert founded(text) == [expected]


@pytest.mark.parametrize("text", [
    "Acme was founded in the 1990s.\n",  # a decade is no year
    "Acme was founded in 1989-90.\n",  # a range
    "Acme was founded in 1989 or 1990, records show.\n",  # an alternative
    "Acme was founded in about 1990.\n",  # a hedge
    "Acme is believed to have been founded in 1990.\n",
    "The plan, to be launched in July 1988, is ambitious.\n",  # a plan
    "Acme was re-founded in 1995 after the war.\n",  # another founding
    "Acme set up its Beta unit in 1995.\n",  # the unit's founding, not Acme's
    "Acme's Beta unit, set up in 1995, makes tyres.\n",
    "Beta, a unit of Acme, founded in 1950, said sales rose.\n",  # the unit's or Acme's?
    "The best known strawberry farm was R. M. Kellogg's in Three Rivers, founded in 1896.\n",  # the farm's
    "The festival, first held in 1990, drew 10,000 people.\n",  # another fact
    "Physical rubber trading was launched in 1985 in Kuala Lumpur.\n",  # no name
    "The investment firm, which Scaramucci founded in 2005, is being sold.\n",
    "Joint Task Force 2 is a specialized unit that was created in 1993.\n",
    "When it was formed in June 1986 it had 2.7 mln customers.\n",
    "\"Acme was founded in 1990,\" he said.\n",  # the speaker's, not the outlet's
    "Snoop Dogg and Martha Stewart have co-hosted the series since 2016.\n",  # a start, not a founding
    "A joint venture with Daewoo was set up in 1995 to make cars.\n",  # the venture's, not Daewoo's
    "They were formed in 1969 in Birmingham.\n",  # no name
    "Founded in 2012, SkyMall's parent Xhibit filed for bankruptcy.\n",  # Xhibit's, not SkyMall's
    "Founded in 2012, SkyMall’s parent Xhibit filed for bankruptcy.\n",
    "Founded in 1987, Hastings' company employs 40 people.\n",
    "Founded in 1987, Hastings’ company employs 40 people.\n",
    "Founded in 1989 by Robert Worsley, the Phoenix-based catalog sold gadgets to air travelers.\n",  # no name
    # the sentence ends before a comma or a year: the next one's are not the participle's
    "Founded in 1905 the agency manages 193 million acres. Its chief, Tom Tidwell, said fires were rising.\n",
    "Acme was founded in Britain. Sales in 1990 doubled.\n",
    "Smith founded Acme in Britain. Sales in 1990 doubled.\n",
    "Sanders reportedly founded Acme Bank in 1999 with money from his father.\n",  # a hedge
    "Jobs co-founded Apple with Steve Wozniak and Ronald Wayne.\n",  # no date
    "Smith co-founded in 1990 a band that toured Europe.\n",  # a person co-founds; the band is unnamed
    "Apple's iPhone was launched in 2007.\n",  # Apple's owns the iPhone: not Apple's launch
    "Apple's iPhone, which was launched in 2007, sold well.\n",  # "Phone" of "iPhone" is no name
    "The fund was created by 1986 legislation in 1987.\n",  # a number among the words after "by"
    "The co-op was set up by 200 farmers in 1990.\n",
    "\"SkyMall, founded in 1989, was a pioneer,\" said Smith.\n",  # the speaker's
    "# Founded in 1989, SkyMall files for bankruptcy\n\nSkyMall filed for bankruptcy on Friday.\n",  # a heading
])
def test_no_founding_date_is_read_where_the_frame_names_none(text: str) -> None:
    assert founded(text) == []


@pytest.mark.parametrize("text, expected", [
    # a headline's hedge is not the sentence's
    ("Apple founder Jobs said to resign\n\nJobs co-founded Apple in 1976 with Steve Wozniak.\n",
     [("apple", "1976", "co-founded Apple in 1976")]),
    # a comma in a paragraph before is not the participle's
    ("Shares of SkyMall, a catalog retailer, fell on Friday after it filed for bankruptcy protection in a court in "
     "Phoenix, Arizona, on Thursday.\n\nFounded in 1989, SkyMall said it sold 30,000 products.\n",
     [("skymall", "1989", "Founded in 1989")]),
    # a quotation before the founding, in its paragraph or another
    ("\"We are closing,\" the chief said on Friday. SkyMall, founded in 1989, sold gadgets to fliers.\n",
     [("skymall", "1989", "founded in 1989")]),
    ("\"We are closing,\" the chief said on Friday.\n\nSkyMall, founded in 1989, sold gadgets to fliers.\n",
     [("skymall", "1989", "founded in 1989")]),
    # a heading between (no sentence) and the paragraphs after it
    ("SkyMall filed for bankruptcy on Friday.\n\n## A catalog founded for fliers\n\nSkyMall, founded in 1989, sold "
     "gadgets.\n", [("skymall", "1989", "founded in 1989")]),
    ("Acme was founded in 1990.\n\nBeta was founded in 1995.\n\nGamma was founded in 2001.\n",
     [("acme", "1990", "founded in 1990"), ("beta", "1995", "founded in 1995"), ("gamma", "2001", "founded in 2001")]),
])
def test_founding_dates_read_from_an_article(text: str, expected: list) -> None:
    assert founded(text) == expected


def test_a_founding_keeps_where_it_is_told_and_the_part_of_the_year() -> None:
    from factlint.foundings import foundings

    text = "Acme, a unit formed in the early fall of 2016, makes tyres.\n"
    [told] = foundings(parse_document("a.md", text.encode()))
    assert (told.key, told.part, told.date) == ("acme", "the early fall of", "the early fall of 2016")
    assert text[told.start:told.end] == "formed in the early fall of 2016"
    [plain] = foundings(parse_document("a.md", b"Acme was founded in 1990.\n"))
    assert (plain.part, plain.start, plain.end) == ("", 9, 24)


@pytest.mark.parametrize("text, expected", [
    # the first sentence: no sentence before (not the article's last)
    ("The company was founded in 1989. SkyMall filed for bankruptcy on Friday.\n",
     [("<The company: >", "1989", "founded in 1989")]),
    ("SkyMall filed for bankruptcy on Friday. Founded in 1989, the company sold gadgets to air travelers.\n",
     [("<the company: SkyMall>", "1989", "Founded in 1989")]),
    ("Essential Consultants paid Daniels $130,000. But the company was founded in October 2016, records show.\n",
     [("<the company: Essential Consultants>", "October 2016", "founded in October 2016")]),
    ("Essential Consultants paid Daniels $130,000. And the company was formed in October 2016, records show.\n",
     [("<the company: Essential Consultants>", "October 2016", "formed in October 2016")]),
    # a possessive the comma closes is the name; a possessive after a number is an owner
    ("Kellogg's, the cereal maker, cut 500 jobs on Friday. The company was founded in 1906.\n",
     [("<The company: Kellogg's>", "1906", "founded in 1906")]),
    ("Channel 4's chief executive resigned on Friday. The network was launched in 1982.\n",
     [("<The network: >", "1982", "launched in 1982")]),
    ("Channel 4’s chief executive resigned on Friday. The network was launched in 1982.\n",
     [("<The network: >", "1982", "launched in 1982")]),
])
def test_the_company_and_the_sentence_before(text: str, expected: list) -> None:
    assert founded(text) == expected


def test_the_company_stands_for_the_name_the_sentence_before_opens_with() -> None:
    assert founded("SkyMall filed for bankruptcy on Friday. The company was founded in 1989.\n") == [
        ("<The company: SkyMall>", "1989", "founded in 1989")]
    # "SkyMall's parent Xhibit": the sentence opens with another thing's owner
    assert founded("SkyMall's parent Xhibit filed for bankruptcy. The company was founded in 1989.\n") == [
        ("<The company: >", "1989", "founded in 1989")]


@pytest.mark.parametrize("a, b, same", [
    ("in early 2017", "in 2017", True),
    ("in March 2017", "in early 2017", True),
    ("in October 2016", "in early 2017", False),
    ("in October 2017", "in early 2017", False),
    ("in late 2016", "in November 2016", True),
    ("in 1989", "in 1990", False),
    ("on Oct. 5, 2016", "in October 2016", True),
    ("in January 2017", "in 2017", True),
    ("in the early fall of 2016", "in October 2016", True),  # the fall's early part, not the year's
    ("in the early fall of 2016", "in March 2016", False),
    ("in the winter of 1989", "in February 1989", True),  # its first months or its last
    ("in the winter of 1989", "in December 1989", True),
])
def test_founding_dates_agree_when_their_months_can_meet(a: str, b: str, same: bool) -> None:
    from factlint.foundings import agree, foundings

    [x] = foundings(parse_document("a.md", f"Acme was founded {a}.\n".encode()))
    [y] = foundings(parse_document("b.md", f"Acme was founded {b}.\n".encode()))
    assert agree(x, y) is same and agree(y, x) is same


def test_within_a_founding_dated_two_ways() -> None:
    text = ("Avenatti circulated wire transfers made to Essential Consultants, a company established by Cohen in "
            "October 2016.\n\nAT&T confirmed it engaged Essential Consultants, a company formed by Cohen in early "
            "2017, to provide insights.\n\nEssential Consultants was formed in 2017, records show.\n")
    [finding] = lint("figure-mismatch", {"a.md": text})
    assert finding.location.line == 3
    assert finding.message == "Says Essential Consultants formed by Cohen in early 2017, but line 1 says October 2016"
    assert [(r.location.line, r.message) for r in finding.related] == [
        (1, "says established by Cohen in October 2016 here"), (5, "also formed in 2017 here")]


def test_within_the_company_stands_for_the_thing_the_article_dates() -> None:
    text = ("Founded in 1989, SkyMall said it sold 30,000 products.\n\n"
            "SkyMall filed for bankruptcy on Friday. The company was founded in 1990, court papers show.\n")
    [finding] = lint("figure-mismatch", {"a.md": text})
    assert finding.message == "Says SkyMall founded in 1990, but line 1 says 1989"
    # "the company" after a sentence opening with a name the article dates no founding of: another company
    other = ("Founded in 1989, SkyMall said it sold 30,000 products.\n\n"
             "Xhibit bought it in 2013. The company was founded in 1990.\n")
    assert lint("figure-mismatch", {"a.md": other}) == []


@pytest.mark.parametrize("text", [
    "Acme was founded in 1990.\n\nIts Beta unit was set up in 1995.\n\nBeta was founded in 1995.\n",  # two things
    "Essential Consultants, a company formed by Cohen in early 2017, was paid.\n\n"
    "Essential Consultants was formed in 2017.\n",  # early 2017 is 2017
    "Acme was founded in 1990.\n\nAcme was re-founded in 1995 after the war.\n",
    "Apple was founded in April 1976.\n\nApple was incorporated in January 1977.\n",  # two events
    # "the company" after a name the article dates no founding of: not that name's (here SkyMall's, then Xhibit's?)
    "Xhibit bought SkyMall in 2013. The company was founded in 1989.\n\nXhibit then cut jobs. The company was "
    "founded in 2012.\n",
])
def test_within_founding_dates_that_do_not_disagree(text: str) -> None:
    assert lint("figure-mismatch", {"a.md": text}) == []


def test_across_the_outlying_founding_year() -> None:
    files = {
        "a.md": story("Founded in 1990, SkyMall sold gadgets to air travelers.", name="skymall"),
        "b.md": story("Founded in 1989, SkyMall said it sold more than 30,000 products.", name="skymall"),
        "c.md": story("SkyMall filed for bankruptcy on Friday. The company was founded in 1989.", name="skymall"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "a.md"
    assert finding.message == "Says SkyMall founded in 1990, but 2 other articles on this story say 1989"
    assert [(r.location.path, r.message) for r in finding.related] == [
        ("b.md", "says founded in 1989"), ("c.md", "says founded in 1989")]


def test_across_one_against_one_the_later_article_is_reported() -> None:
    files = {
        "doc1.md": story("Founded in 1990 to cater to airplane passengers, SkyMall catalogs featured odd gadgets.",
                         name="skymall"),
        "doc3.md": story("Founded in 1989, SkyMall said it sold more than 30,000 products.", name="skymall"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "doc3.md"
    assert finding.message == ("Says SkyMall founded in 1989, but 1 other article on this story says 1990 (doc3.md is "
                               "taken as the later: no dates, its path sorts after doc1.md)")


def test_across_founding_sides_count_their_articles() -> None:
    said = {"1989": "Founded in 1989, SkyMall said it sold 30,000 products.",
            "1990": "SkyMall, founded in 1990, sold gadgets to air travelers."}
    files = {f"{name}.md": story(said[year], name="skymall")
             for name, year in (("a", "1989"), ("b", "1989"), ("c", "1989"), ("d", "1990"), ("e", "1990"))}
    findings = lint("figure-disagreement", files)
    assert [(f.path, f.message) for f in findings] == [
        (path, "Says SkyMall founded in 1990, but 3 other articles on this story say 1989 (1 other article agrees "
               "with this one)") for path in ("d.md", "e.md")]
    # two against two: the later side, with no majority
    del files["c.md"]
    findings = lint("figure-disagreement", files)
    assert [(f.path, f.message) for f in findings] == [
        (path, "Says SkyMall founded in 1990, but 2 other articles on this story say 1989 (no majority)")
        for path in ("d.md", "e.md")]


@pytest.mark.parametrize("files", [
    {  # a parent and its unit
        "a.md": story("Acme, founded in 1950, makes tyres.", name="acme"),
        "b.md": story("Acme Labs was founded in 1995, the company said.", name="acme"),
    },
    {  # "the company" after a sentence that opens with another thing
        "a.md": story("Founded in 1989, SkyMall said it sold 30,000 products.", name="skymall"),
        "b.md": story("SkyMall's parent Xhibit filed for bankruptcy. The company was founded in 2012.", name="skymall"),
    },
    {  # the same year, the legal form dropped
        "a.md": story("SkyMall Inc was founded in 1989.", name="skymall"),
        "b.md": story("Founded in 1989, SkyMall said it sold 30,000 products.", name="skymall"),
    },
    {  # a quotation
        "a.md": story("\"SkyMall was founded in 1990,\" its chief said.", name="skymall"),
        "b.md": story("Founded in 1989, SkyMall said it sold 30,000 products.", name="skymall"),
    },
    {  # a company founded in 1976 may be incorporated in 1977
        "a.md": story("Apple was founded in April 1976 by Jobs and Wozniak.", name="apple"),
        "b.md": story("Apple was incorporated in January 1977, filings show.", name="apple"),
    },
    {  # a catalog founded in 1989 may be launched in 1990
        "a.md": story("Founded in 1989, SkyMall said it sold 30,000 products.", name="skymall"),
        "b.md": story("SkyMall was launched in 1990 with a few hundred products.", name="skymall"),
    },
    {  # an article that dates it two ways is left to figure-mismatch
        "a.md": story("SkyMall was founded in 1989.\n\nSkyMall was founded in 1990.", name="skymall"),
        "b.md": story("Founded in 1989, SkyMall said it sold 30,000 products.", name="skymall"),
    },
])
def test_across_foundings_that_are_not_one_fact_told_two_ways(files: dict) -> None:
    assert lint("figure-disagreement", files) == []


# -- people's ages -----------------------------------------------------------------------


def test_ages_across_dated_articles_a_few_days_apart() -> None:
    files = {
        "a.md": story("Kevin Johnson, 25, was arrested on Tuesday.", "2024-05-01", "crash"),
        "b.md": story("Police said 24-year-old Kevin Johnson was held overnight.", "2024-05-02", "crash"),
    }
    [finding] = lint("age-mismatch", files)
    assert finding.path == "b.md" and finding.message.startswith("Says Kevin Johnson is 24")
    undated = {"a.md": story("Kevin Johnson, 25, was arrested.", name="crash"),
               "b.md": story("Johnson, 27, was sentenced.", name="crash")}
    assert lint("age-mismatch", undated) == []  # undated copy may be years apart


def test_ages_across_the_outlier_against_a_majority_and_the_later_of_a_tie() -> None:
    def told(age: int, day: int) -> str:
        return story(f"Kevin Johnson, {age}, was arrested on Tuesday.", f"2024-05-0{day}", "crash")

    # 25 twice, 24 twice, 27 once: a side as large as the largest one reported first (25) is reported
    # only at its later articles; a smaller side at every article, the earliest one too (d.md)
    files = {"d.md": told(27, 1), "a.md": told(25, 2), "b.md": told(24, 3), "c.md": told(25, 3), "e.md": told(24, 4)}
    found = {(f.path, f.message) for f in lint("age-mismatch", files)}
    assert found == {
        ("b.md", "Says Kevin Johnson is 24, but 2 other articles on this story say 25"),
        ("e.md", "Says Kevin Johnson is 24, but 2 other articles on this story say 25"),
        ("d.md", "Says Kevin Johnson is 27, but 2 other articles on this story say 25"),
    }
    # one against one: the later article, whichever value it gives
    assert [f.path for f in lint("age-mismatch", {"a.md": told(25, 2), "b.md": told(24, 1)})] == ["a.md"]


def test_a_bare_surname_two_people_share_is_no_ones_age() -> None:
    text = ("Julia Roberts said her sister felt ashamed.\n\nRoberts, 46, declined to comment.\n\n"
            "Her other siblings include Eric Roberts, 57, who is also an actor.\n")
    assert lint("age-mismatch", {"a.md": text}) == []


def test_the_same_bound_twice_backs_itself() -> None:
    """ECB+ 19: three reports say "more than 200 people arrested", an earlier one says 120: that
    one is the outlier, and the three are not each flagged against it as one against one."""
    files = {
        "a.md": story("Stores have been smashed and looted in Athens, and 120 people have been arrested.", name="riots"),
        "b.md": story("Hundreds of stores have been smashed and looted, and more than 200 people arrested.", name="riots"),
        "c.md": story("Hundreds of stores have been looted, and more than 200 people have been arrested.", name="riots"),
        "d.md": story("Stores were smashed and looted in Athens, and more than 200 people were arrested.", name="riots"),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "a.md"
    assert sorted(r.location.path for r in finding.related) == ["b.md", "c.md", "d.md"]


def test_a_figure_across_a_wider_place_is_another_fact() -> None:
    """ECB+ 19: arrests across Europe in solidarity protests are not the Athens riots' arrests."""
    files = {
        "a.md": story("Police in Athens said more than 200 people were arrested during the riots.", name="riots"),
        "b.md": story("Protests spread to Germany, Spain and Italy, and 40 people were arrested across the continent.",
                      name="riots"),
    }
    assert lint("figure-disagreement", files) == []


# ---------------------------------------------------------------------------
# Recall (session 4): sentences told with the same other figures
# ---------------------------------------------------------------------------

_PEGASUS = "Pegasus Gold said a feasibility study of its Montana mine was completed.\n\n"


@pytest.mark.parametrize(("files", "message"), [
    # ECB+ 11: everyone else says 288 candidates for 125 seats; the count of seats has no event to
    # compare by, but the 288 candidates on the same side say it is one statement
    ({"a.md": story("But out of the 288 candidates running for the 125 seats on Sunday, more than half are "
                    "members of the Democratic Party.", name="turkmen"),
      "b.md": story("Almost all of the 288 candidates running for 125 seats in the parliament came from the "
                    "ruling party.", name="turkmen"),
      "c.md": story("A total of 288 candidates are vying for the 75 seats in the legislature.", name="turkmen")},
     "Says 75 seats, but 2 other articles on this story say 125 seats"),
    # wire copy of one day (Reuters 07629/07645/07823): the same 3,302,000 tons of ore, one report's
    # grade ten times the others'
    ({"a.md": story(_PEGASUS + "The company said the study found proven ore reserves of 3,302,000 short tons "
                    "grading 0.077 ounce of gold per ton.", "1987-03-20", "pegasus"),
      "b.md": story(_PEGASUS + "The study found proven ore reserves of 3,302,000 short tons grading 0.077 ounce "
                    "of gold per ton, the company said.", "1987-03-20", "pegasus"),
      "c.md": story(_PEGASUS + "The study said ore reserves including dilution were 3,302,000 tons at 0.77 "
                    "ounces of gold per ton at a cut off grade.", "1987-03-20", "pegasus")},
     "Says 0.77 ounces of gold, but 2 other articles on this story say 0.077 ounce of gold"),
    # one sentence reworded around its only figure (Reuters 05123/05125/05281, one day)
    ({"a.md": story("The Petrobras statement said the shipment of 2.2 mln barrels will be made by the Saudis on "
                    "March 24 as scheduled.", name="petrobras"),
      "b.md": story("The Petrobras statement said the shipment of 2.2 mln barrels will be made by the Saudis on "
                    "March 24 as scheduled.", name="petrobras"),
      "c.md": story("The 5.2 mln barrels shipment will be made by the Saudis on March 24 as scheduled, the "
                    "statement said.", name="petrobras")},
     "Says 5.2 mln barrels, but 2 other articles on this story say 2.2 mln barrels"),
])
def test_one_statement_in_other_words_is_compared(files: dict[str, str], message: str) -> None:
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "c.md" and finding.message == message


@pytest.mark.parametrize(("candidates", "one_statement"), [
    ("288", True),  # three significant digits do not meet by chance
    ("38", False),  # two may: one shared figure of two digits is not enough
])
def test_how_specific_a_shared_figure_must_be(candidates: str, one_statement: bool) -> None:
    from factlint.figure_matching import told_with_the_same_figures

    check = compile_rules([RULES["figure-disagreement"]])[0]

    def seats(sentence: str):
        doc = parse_document("a.md", sentence.encode())
        return next(f for f in check.figures(doc) if f.thing == "seat")

    first = seats(f"In all, {candidates} candidates are vying for 75 seats in the assembly.\n")
    second = seats(f"Out of the {candidates} candidates running, most back the president, and 125 seats are "
                   f"at stake.\n")
    assert told_with_the_same_figures(first, second) is one_statement


def test_a_figure_knows_which_figures_of_its_sentence_come_before_it() -> None:
    doc = parse_document("a.md", b"Disney would pay 217 mln dlrs to GenCorp and 103 mln dlrs to a group.\n")
    first, second = Analyzer(load_lexicon(), doc).run()
    assert first.siblings == {103e6} and first.earlier == frozenset()
    assert second.siblings == {217e6} and second.earlier == {217e6}


@pytest.mark.parametrize(("first", "second"), [
    # the shared sum is on the other side: the other sums are two payments, not one told twice
    ("Under the deal, GenCorp would sell WOR to MCA for 387 mln dlrs and KHJ to Disney for 217 mln dlrs.",
     "Under the deal, Disney would pay 217 mln dlrs to GenCorp and 103 mln dlrs to a group that challenged the "
     "license of KHJ."),
    # two loans of one council: the words that differ (stadium, airport terminal) tell them apart
    ("The 120 mln stg stadium loan was approved by the city council on Monday.",
     "The city council on Monday approved a 250 mln stg loan for the new airport terminal."),
    # another figure in the sentence: reworded sentences with several figures are read by their figures
    ("The 5.2 mln barrels shipment will be made by the Saudis on March 24, the statement said.",
     "The statement said the 2.2 mln barrels shipment and 125,000 barrels more will be made by the Saudis "
     "on March 24."),
])
def test_sentences_with_other_words_or_figures_are_not_one_statement(first: str, second: str) -> None:
    files = {"a.md": story(first, name="deal"), "b.md": story(second, name="deal")}
    assert lint("figure-disagreement", files) == []


def test_sentences_that_open_on_two_names_after_the_are_about_two_things() -> None:
    # ECB+ 10: the Red Sox's eight-year offer and the Orioles' seven-year one (the Orioles' sentence opens
    # on "The Orioles", its subject lost behind an aside)
    files = {
        "a.md": story("The Orioles, according to reports, have offered Teixeira a seven-year deal worth between "
                      "$140 million and $150 million.", name="teixeira"),
        "b.md": story("Lynch reported the Red Sox offered Teixeira, 28, an eight-year deal worth $184 million.",
                      name="teixeira"),
    }
    assert lint("figure-disagreement", files) == []
    # one name told with and without its article is one name
    files = {
        "a.md": story("The Kursk sank with 118 crew on board, the navy said.", name="kursk"),
        "b.md": story("Kursk went down with 236 crew on board, a spokesman said.", name="kursk"),
    }
    assert len(lint("figure-disagreement", files)) == 1


# ---------------------------------------------------------------------------
# Session 8: a comparison's base, the whole of a part, a statement reports before and after agree on
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "figure", "reason"), [
    ("This is 21.1 to 22.7 pct lower than the 12.8 mln tonnes produced in the last harvest.", "12.8 mln tonnes", "base"),
    ("Almost all of the 288 candidates running for 125 seats came from the ruling party.", "288 candidates", "whole"),
    ("But more than half of the 288 candidates running for the 125 seats are from the party.", "288 candidates",
     "whole"),
    ("Of the 23 pirates, 12 were Somali.", "23 pirates", "whole"),
])
def test_a_comparisons_base_and_the_whole_of_a_part_are_not_compared_by_frame(text, figure, reason) -> None:
    found = {f: why for f, _, _, why in frames(text)}
    assert found[figure] == reason
    assert figure not in {f for f, _, _ in compared(text)}


TURKMEN = {"a.md": "Almost all of the 288 candidates running for 125 seats in the parliament came from the ruling party.",
           "b.md": "But out of the 288 candidates running for the 125 seats Sunday, more than half are members of the "
                   "Democratic Party.",
           "c.md": "But more than half of the 288 candidates running for the parliament's 125 seats on Sunday are from "
                   "the Democratic Party."}


def test_across_the_whole_of_a_part_is_compared_as_the_same_statement() -> None:
    # ECB+ 11_ecb (the Turkmen election): "all of the 288 candidates" states the whole, told with the same seats
    files = {name: story(body, name="turkmen") for name, body in TURKMEN.items()}
    files["d.md"] = story("A total of 374 candidates are vying for the 125 seats in the legislature.", name="turkmen")
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == (
        "d.md", "Says 374 candidates, but 3 other articles on this story say 288 candidates")


def test_across_the_whole_of_a_part_is_not_compared_with_a_figure_told_otherwise() -> None:
    # no same other figure, no same words: the registered candidates may be another count than those running
    files = {name: story(body, name="turkmen") for name, body in TURKMEN.items()}
    files["d.md"] = story("The commission registered 374 candidates last month.", name="turkmen")
    assert lint("figure-disagreement", files) == []


MAIZE = ("Total area planted with maize for this harvest stood at 3.58 to 3.78 mln hectares, down two to seven pct "
         "from the {} mln hectares planted in the previous harvest.")


MAIZE_BASE = ("Total maize area planted for the 1986/87 harvest was estimated at between 3.58 and 3.78 mln hectares, or "
              "two to seven pct less than the {} mln hectares planted in the 1985/86 harvest.")


def maize_report(day: str, area: str, sentence: str = MAIZE_BASE) -> str:
    return story(CROP_LEAD.format(day) + sentence.format(area), f"1987-{day}", "crop")


def test_across_a_statement_reports_before_and_after_agree_on_is_held_to_them() -> None:
    # Reuters' weekly Argentine crop reports (01582, 06890, 09521): last season's maize area, the base of
    # the comparison, told with the same other figures on March 4 and 25; March 18 has it otherwise
    files = {"a.md": maize_report("03-04", "3.85"), "b.md": maize_report("03-18", "8.85", MAIZE),
             "c.md": maize_report("03-25", "3.85")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == (
        "b.md", "Says 8.85 mln hectares, but 2 other articles on this story say 3.85 mln hectares (reports before "
                "and after it agree)")
    assert [r.location.path for r in finding.related] == ["a.md", "c.md"]


@pytest.mark.parametrize("files", [
    # the last report differs: the figure may have been revised, nothing after it says otherwise
    {"a.md": maize_report("03-04", "3.85"), "b.md": maize_report("03-11", "3.85"), "c.md": maize_report("03-25", "8.85")},
    # the other figures of the sentence changed too: this week's estimate, another sentence
    {"a.md": maize_report("03-04", "3.85"),
     "b.md": maize_report("03-18", "8.85", MAIZE.replace("3.58 to 3.78", "3.6 to 3.7")),
     "c.md": maize_report("03-25", "3.85")},
    # a level of the moment told plainly may go back: "stood at" this week's stock, with the same other figure
    {name: story(CROP_LEAD.format(day) + f"Stocks at the board's silos stood at {stock} tonnes of wheat and 512,300 "
                 "tonnes of maize.", f"1987-{day}", "crop")
     for name, stock, day in (("a.md", "1.25 mln", "03-04"), ("b.md", "1.45 mln", "03-18"), ("c.md", "1.25 mln", "03-25"))},
])
def test_across_only_a_fixed_statement_between_agreeing_reports_is_bracketed(files) -> None:
    assert lint("figure-disagreement", files) == []


def test_alignment_prefers_the_sentence_with_the_same_other_figures() -> None:
    # two sentences in one mould ("than the ... mln hectares planted in the 1985/86 harvest"), maize and
    # sunflower: each is lined up with its own crop's sentence, so the maize area is compared with the maize area
    sunflower = SUNFLOWER.format("3.14")
    files = {name: story(CROP_LEAD.format(day) + (MAIZE if name == "b.md" else MAIZE_BASE).format(area) + "\n\n"
                         + sunflower, f"1987-{day}", "crop")
             for name, area, day in (("a.md", "3.85", "03-04"), ("b.md", "8.85", "03-18"), ("c.md", "3.85", "03-25"))}
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md" and "3.14" not in finding.message


@pytest.mark.parametrize(("text", "marks"), [
    ("Iran's state television says a magnitude-5.2 quake has injured three people.", {("magnitude", 5.2)}),
    ("A 5.6 magnitude earthquake hit an island off Iran's southern coast, injuring five people.", {("magnitude", 5.6)}),
    ("An earthquake measuring 5.6 on the Richter scale jolted Qeshm island.", {("magnitude", 5.6)}),
    ("Ten people are killed and about 50 hurt. U.S. Geological Survey puts the magnitude at 6. 1.", {("magnitude", 6.1)}),
    ("Sabathia agreed to a seven-year, $161-million deal with the Yankees.", {("term", 7.0)}),
    ("The Red Sox offered Mark Teixeira an eight - year, $200MM deal.", {("term", 8.0)}),
    ("The quake killed 10 people in 2005.", set()),
    ("The five-year plan costs $3 million.", set()),  # a plan's span, no contract told with its sum
])
def test_a_paragraph_marks_its_event_by_a_magnitude_or_a_contracts_length(text, marks) -> None:
    from factlint.figure_frames import event_marks

    assert event_marks(text) == marks


def test_across_two_quakes_of_one_place_are_two_events() -> None:
    # ECB+ 20_ecb: Sunday's 5.6 quake on Qeshm injured five; Monday's 5.2 quake, three. One story by
    # content, two events: their injured are not compared
    files = {"a.md": story("A 5.6 magnitude earthquake hit Qeshm island on Sunday, injuring five people, media said."),
             "b.md": story("An earthquake measuring 5.6 on the Richter scale jolted Qeshm island, injuring five people."),
             "c.md": story("Iran's state television says a magnitude-5.2 quake has injured three people on Qeshm.")}
    assert lint("figure-disagreement", files) == []


def test_across_one_quake_told_with_two_agencies_magnitudes_is_one_event() -> None:
    # Tehran's 5.9 and the USGS's 6.1 are one quake: its injured are compared
    files = {"a.md": story("A magnitude-5.9 quake hit Qeshm island, injuring five people, media said."),
             "b.md": story("The quake, put at magnitude 6.1 by the USGS, injured five people on Qeshm island."),
             "c.md": story("A 6.1 magnitude earthquake on Qeshm island injured three people, officials said.")}
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "c.md"


def test_across_two_players_contracts_are_two_deals() -> None:
    # the whole ECB+ folder grouped Teixeira's offers with Sabathia's contract
    files = {"a.md": story("The Red Sox offered Mark Teixeira an eight - year, $200MM deal.", name="teixeira"),
             "b.md": story("Sabathia agreed to a seven-year, $161-million deal with the Yankees.", name="teixeira")}
    assert lint("figure-disagreement", files) == []
    files["b.md"] = story("Boras said the Red Sox offered Teixeira an eight - year, $161-million deal.", name="teixeira")
    assert [f.path for f in lint("figure-disagreement", files)] == ["b.md"]


RUBBER = {"a.md": ("1987-03-13", "Throughout the talks producers had adamantly resisted a consumer proposal to lower the "
                                 "floor price of 150 cents if the buffer stock, currently 360,000 tonnes, rose to 450,000 "
                                 "tonnes."),
          "b.md": ("1987-03-19", "Throughout the talks, which began on March 9, producers had strongly opposed a consumer "
                                 "proposal to lower the reference price and the floor price of 150 cents in the present "
                                 "pact if the buffer stock, currently 360,000 tonnes, reached 585,000 tonnes."),
          "c.md": ("1987-03-21", "During the negotiations, consumers abandoned a proposal that the floor price be adjusted "
                                 "downward if the buffer stock, currently 360,000 tonnes, rose to 450,000 tonnes.")}


RUBBER_LEAD = "GENEVA - Rubber producers and consumers resumed talks on a new pact, delegates said.\n\n"


def rubber(**changes: str) -> dict[str, str]:
    return {name: story(RUBBER_LEAD + changes.get(name, body), day, "rubber") for name, (day, body) in RUBBER.items()}


def test_across_a_bracketed_statement_may_be_kept_in_other_words_on_one_side() -> None:
    # Reuters 04405 ... 08060: the consumers' proposal, told with the same other figures the week before
    # (150 cents, currently 360,000 tonnes), and two days after in other words that keep 450,000 and
    # "currently 360,000 tonnes"
    [finding] = lint("figure-disagreement", rubber())
    assert (finding.path, finding.message) == (
        "b.md", "Says 585,000 tonnes, but 2 other articles on this story say 450,000 tonnes (reports before and "
                "after it agree)")
    assert [r.location.path for r in finding.related] == ["a.md", "c.md"]


@pytest.mark.parametrize("c", [
    # the report after keeps the value but none of the sentence's other figures: another proposal may
    "During the negotiations, consumers abandoned a proposal that the floor price be adjusted downward if the "
    "buffer stock rose to 450,000 tonnes.",
    # the report after gives another value: the proposal may have moved
    "During the negotiations, consumers abandoned a proposal that the floor price be adjusted downward if the "
    "buffer stock, currently 360,000 tonnes, rose to 500,000 tonnes.",
])
def test_across_a_statement_kept_in_other_words_needs_the_value_and_an_other_figure(c: str) -> None:
    assert lint("figure-disagreement", rubber(**{"c.md": c})) == []


def test_across_last_weeks_figure_in_weekly_reports_is_each_reports_own_week() -> None:
    # Reuters' EC sugar tender reports (09305 ... 15394): "last week" is another week in each
    lead = "LONDON - The European Community granted licences to export white sugar at today's tender, traders said.\n\n"
    files = {name: story(lead + f"Last week the EC awarded licences for {tonnes} tonnes at a rebate of 45.678 Ecus.",
                         f"1987-{day}", "sugar")
             for name, tonnes, day in (("a.md", "60,000", "03-04"), ("b.md", "59,000", "03-11"), ("c.md", "60,000", "03-18"))}
    assert lint("figure-disagreement", files) == []


# Session 9: undated copy's stamps tell the later report; a report stamped before the day another names
# ---------------------------------------------------------------------------

ATHENS_AP = ("Updated 5 / 5 / 2010 1:41 PM Riots over harsh new austerity measures left three bank workers dead "
             "and engulfed the streets of Athens on Wednesday.\n\nFirefighters extinguished blazes at two buildings. "
             "Police said 12 people were injured in the riots.")
ATHENS_REUTERS = ("{} Three people were killed when Greeks protesting against austerity measures threw petrol bombs at "
                  "a bank in Athens on Wednesday.\n\nPolice said 18 people had been injured in the violence and 12 "
                  "arrested for carrying weapons.")


def athens(stamp: str) -> dict[str, str]:
    # ECB+ 8_ecbplus: AP's 1:41 PM copy and Reuters' 7:12pm BST copy of one riot, neither with a front-matter date
    return {"a.md": story(ATHENS_AP, name="athens"), "b.md": story(ATHENS_REUTERS.format(stamp), name="athens")}


def test_across_a_growing_count_larger_in_the_later_stamped_report_is_a_change() -> None:
    files = athens("Wed May 5, 2010 7:12pm BST")
    assert lint("figure-disagreement", files) == []
    [finding] = lint("figure-change", files)
    assert (finding.path, finding.message) == (
        "b.md", "Says 18 people injured (stamped Wed May 5, 2010 7:12pm BST), where 1 earlier article on this story "
                "(stamped 5 / 5 / 2010 1:41 PM) says 12 people injured: the figure moved")
    assert [r.message for r in finding.related] == ["says 12 people injured (stamped 5 / 5 / 2010 1:41 PM)"]


@pytest.mark.parametrize(("stamp", "note"), [
    # the larger count came first: the later report's smaller count is a disagreement, at the later one
    ("Wed May 5, 2010 11:12am BST", "(a.md is taken as the later: stamped 5 / 5 / 2010 1:41 PM, "
                                    "b.md Wed May 5, 2010 11:12am BST)"),
    # one report stamped, one not: the stamped one is taken as the later, and the message says why
    ("ATHENS (Reuters) -", "(a.md is taken as the later: stamped 5 / 5 / 2010 1:41 PM, b.md carries no date)"),
])
def test_across_a_count_smaller_in_the_later_stamped_report_is_a_disagreement(stamp: str, note: str) -> None:
    files = athens(stamp)
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == (
        "a.md", f"Says 12 people injured, but 1 other article on this story says 18 people injured {note}")
    assert lint("figure-change", files) == []


@pytest.mark.parametrize(("first", "second", "note"), [
    # ECB+ 20_ecbplus: "November 28, 2005" twice, 80 hurt against about 50: which came first is not told
    ("November 28, 2005\n\nThe quake on Qeshm island injured about 50 people, the governor said.",
     "November 28, 2005\n\nThe quake on Qeshm island injured 80 people, officials said.",
     "(b.md is taken as the later: no dates, its path sorts after a.md)"),
    # a figure that does not change with time: the later stamp changes nothing
    ("Updated 3 / 28 / 2012 1:41 PM Mirror Mirror opens Friday.\n\nRunning time: 106 minutes.",
     "Updated 3 / 30 / 2012 9:00 AM Mirror Mirror opened Friday.\n\nRunning time: 95 minutes.",
     "(b.md is taken as the later: stamped 3 / 30 / 2012 9:00 AM, a.md 3 / 28 / 2012 1:41 PM)"),
])
def test_across_stamps_without_clocks_on_one_day_or_a_static_figure_leave_a_disagreement(first, second, note) -> None:
    files = {"a.md": story(first, name="story"), "b.md": story(second, name="story")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message.endswith(note)) == ("b.md", True)
    assert lint("figure-change", files) == []


FLATBUSH_MONDAY = ("PUBLISHED: {}\n\nAnger over the death of a Brooklyn teenager shot by police fueled a riot on the "
                   "streets of East Flatbush Monday.\n\nStarting at about 8 p.m., nearly 100 people set off from the "
                   "vigil site to march the more than 20 blocks to the precinct stationhouse.")
FLATBUSH_WEDNESDAY = ("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM\n\nProtesters enraged over the fatal shooting of a "
                      "teenager by police poured into Brooklyn streets for a third straight night Wednesday.\n\nThe "
                      "trouble Wednesday night began soon after more than 200 people set off from the vigil site at "
                      "Church Ave. and E. 55th St.")


def test_across_a_report_stamped_before_the_day_another_names_tells_another_event() -> None:
    # ECB+ 19_ecbplus: the Daily News' Monday march (stamped March 11) against Wednesday night's
    files = {"a.md": story(FLATBUSH_MONDAY.format("MONDAY, MARCH 11, 2013, 10:34 PM"), name="flatbush"),
             "b.md": story(FLATBUSH_WEDNESDAY, name="flatbush")}
    assert lint("figure-disagreement", files) == []


@pytest.mark.parametrize("stamp", [
    "THURSDAY, MARCH 14, 2013, 9:31 AM",  # written after Wednesday night: its march may be that one
    "WEDNESDAY, MARCH 13, 2013, 11:50 PM",  # the same day
    "",  # no stamp: nothing says when it was written
])
def test_across_a_report_stamped_on_or_after_the_day_another_names_is_compared(stamp: str) -> None:
    first = FLATBUSH_MONDAY.format(stamp) if stamp else FLATBUSH_MONDAY.split("\n\n", 1)[1]
    files = {"a.md": story(first, name="flatbush"), "b.md": story(FLATBUSH_WEDNESDAY, name="flatbush")}
    [finding] = lint("figure-disagreement", files)
    assert "nearly 100 people" in finding.message and "more than 200 people" in finding.message


# Session 9: a sum paid for a counted lot; a sum paid to a named person

SAN_MIGUEL = {
    "a.md": ("1987-03-22", "MANILA, March 22 - Diversified investment company Ariadne Australia Ltd has offered 3.8 "
                           "billion pesos for 38 mln shares in the Philippine brewing firm San Miguel, a Manila newspaper "
                           "reported."),
    "b.md": ("1987-03-22", "HONG KONG, March 22 - He added Jacksons is arranging an offer by Barwon to pay a total {} "
                           "billion pesos in cash for 38 mln San Miguel shares."),
    "c.md": ("1987-03-23", "HONG KONG, March 23 - Ariadne group unit Barwon Farmlands Ltd confirmed it offered 3.8 "
                           "billion pesos in cash for the 38 mln shares of Philippine brewing company San Miguel Corp."),
}


def san_miguel(value: str, **changed: str) -> dict[str, str]:
    # Reuters 08085, 08091, 08130: one offer for the government's block of San Miguel shares
    texts = {name: (day, body.format(value)) for name, (day, body) in SAN_MIGUEL.items()}
    texts.update((f"{name}.md", (texts[f"{name}.md"][0], body)) for name, body in changed.items())
    return {name: story(body, day, "sanmiguel") for name, (day, body) in texts.items()}


@pytest.mark.parametrize(("text", "owner"), [
    ("Ariadne has offered 3.8 billion pesos for 38 mln shares in San Miguel.", "for 3.8e+07 share"),
    ("Barwon is to pay a total 8.8 billion pesos in cash for 38 mln San Miguel shares.", "for 3.8e+07 share"),
    ("Delta Air Lines paid 300 mln dlrs for eight jet aircraft from Boeing.", "for 8 jet aircraft"),
    # no lot: a period, a rate, a share of a whole, what the money is for
    ("The company lost 25 mln dlrs for 11 months.", None),
    ("Jacksons forwarded an offer of 100 pesos for each of the 38.1 mln A and B shares.", None),
    ("The loan of 500 mln dlrs for 12.5 pct of the company was approved.", None),
    ("The bank set aside 400 mln dlrs for buying Fairchild.", None),
    ("Applications totalled 440 mln ringgit for the 100 mln of bills on offer.", None),  # of what?
])
def test_a_sum_paid_for_a_counted_lot_belongs_to_the_lot(text: str, owner: str | None) -> None:
    doc = parse_document("a.md", text.encode())
    money = [m for m in Analyzer(load_lexicon(), doc).run() if m.quantity.kind == "money"]
    assert money[0].owner == owner


def test_across_one_lot_priced_otherwise_is_flagged_whichever_verb_pays_it() -> None:
    [finding] = lint("figure-disagreement", san_miguel("8.8"))
    assert (finding.path, finding.message) == (
        "b.md", "Says 8.8 billion pesos in cash, but 1 other article on this story says 3.8 billion pesos")


@pytest.mark.parametrize("files", [
    san_miguel("3.8"),
    # a rival bidder names itself: another offer for the same lot
    san_miguel("3.8", c="HONG KONG, March 22 - Neptunia Corp offered 4.2 billion pesos for the 38 mln shares of San "
                        "Miguel Corp, a spokesman said."),
    # raised a day later: an offer may move between dated reports
    san_miguel("3.8", c="MANILA, March 23 - Ariadne Australia Ltd raised its offer to 4.2 billion pesos for the 38 mln "
                        "shares in San Miguel, a spokesman said."),
])
def test_across_one_lot_priced_alike_or_by_another_bidder_or_raised_is_left_alone(files) -> None:
    assert lint("figure-disagreement", files) == []


# Session 10: a lot's count belongs to the price paid for it

@pytest.mark.parametrize(("text", "lot"), [
    ("Ariadne has offered 3.8 billion pesos for 38 mln shares in San Miguel.",
     ("38 mln shares", "share", "priced at 3.8e+09 MXN", None)),
    # the issuer's name between the count and its thing is part of the lot's words, no place
    ("Barwon is to pay a total 3.8 billion pesos in cash for 38 mln San Miguel shares.",
     ("38 mln San Miguel shares", "share", "priced at 3.8e+09 MXN", None)),
    ("Barwon confirmed it offered 3.8 billion pesos in cash for the 41 mln shares of brewing company San Miguel Corp.",
     ("41 mln shares", "share", "priced at 3.8e+09 MXN", None)),
    ("Delta Air Lines paid 300 mln dlrs for eight jet aircraft from Boeing.",
     ("eight jet aircraft", "jet aircraft", "priced at 3e+08 USD", None)),
    # no priced lot: the count told before its price, a part of the lot, each of a lot, a period
    ("Barwon bought 38 mln shares from the bank for 3.8 billion pesos.", ("38 mln shares", "share", None, None)),
    ("It paid 1.5 mln dlrs for the remaining 10,000 shares of Cominco.", ("10,000 shares", "share", None, "cominco")),
    ("Jacksons forwarded an offer of 100 pesos for each of the 38.1 mln A and B shares.", None),
    ("The company lost 25 mln dlrs for 11 months.", None),
    ("Applications totalled 440 mln ringgit for the 100 mln of bills on offer.", None),
    ("SPC announced pump prices of 96.8 cents and 90.6 cents for 97 and 92 octane, respectively.",
     ("92 octane", "octane", None, None)),  # "97" counts no thing it could be compared by
])
def test_a_lots_count_belongs_to_the_price_paid_for_it(text: str, lot: tuple | None) -> None:
    doc = parse_document("a.md", text.encode())
    counts = [(doc.text[m.start:m.end], m.thing, m.owner, m.complement)
              for m in Analyzer(load_lexicon(), doc).run() if m.quantity.kind == "count" and m.thing]
    assert counts == ([lot] if lot else [])


def test_across_a_lot_one_price_buys_counted_otherwise_is_flagged() -> None:
    # Reuters 08130 (March 23) against 08091 and 08085 (March 22): one offer of one sum for one block
    files = san_miguel("3.8", c="HONG KONG, March 23 - Ariadne group unit Barwon Farmlands Ltd confirmed it offered 3.8 "
                                "billion pesos in cash for the 41 mln shares of Philippine brewing company San Miguel Corp.")
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == (
        "c.md", "Says 41 mln shares, but 2 other articles on this story say 38 mln San Miguel shares or 38 mln shares")


def test_within_a_lot_one_price_buys_counted_otherwise_is_flagged() -> None:
    text = ("MANILA, March 22 - Ariadne has offered 3.8 billion pesos for 38 mln shares in San Miguel.\n\n"
            "A spokesman said Ariadne offered 3.8 billion pesos in cash for the 41 mln shares.")
    [finding] = lint("figure-mismatch", {"a.md": story(text, "1987-03-22", "sanmiguel")})
    assert finding.message == "Says 41 mln shares, but line 5 says 38 mln shares"


@pytest.mark.parametrize("files", [
    # another price for another count: a raised offer for a larger block, a day later
    san_miguel("3.8", c="MANILA, March 23 - Ariadne Australia Ltd raised its offer to 4.2 billion pesos for the 41 mln "
                        "shares in San Miguel, a spokesman said."),
    # two buyers that each pay one round sum for their own lot
    {"a.md": story("SEATTLE, March 22 - Delta Air Lines paid 300 mln dlrs for eight jet aircraft from Boeing, the "
                   "company said.", "1987-03-22", "boeing"),
     "b.md": story("SEATTLE, March 23 - United Airlines paid 300 mln dlrs for 10 jet aircraft from Boeing, the company "
                   "said.", "1987-03-23", "boeing")},
    # the count told before its price is not read as the lot's: "bought 41 mln shares for"
    san_miguel("3.8", c="HONG KONG, March 23 - He said Barwon bought 41 mln shares from the government for 3.8 billion "
                        "pesos in cash."),
])
def test_across_lots_of_other_prices_or_buyers_are_left_alone(files) -> None:
    assert lint("figure-disagreement", files) == []


# Session 10: a range that runs backwards (ECB+ 10_3ecbplus: "between $178 million and $184 million" mistyped)

TEIXEIRA_RANGE = ("One report suggested that the Washington Nationals have upgraded their initial offer to Teixeira - - "
                  "eight years, $160 million - - to somewhere between $178 million and {} over the same timeframe.")


def test_within_a_range_that_runs_backwards_is_flagged_at_its_second_bound() -> None:
    [finding] = lint("figure-mismatch", {"a.md": TEIXEIRA_RANGE.format("$110 million")})
    assert finding.message == "Says $110 million, but its range starts higher, at $178 million"
    assert [r.message for r in finding.related] == ["says between $178 million here"]


@pytest.mark.parametrize("text", [
    "Analysts expect the bank's loan losses to rise by between 12 pct and 8 pct this year.",
    "The rival group is believed to be ready to pay between 1.5 billion pesos and 900 mln pesos for the block.",
])
def test_within_other_backwards_ranges_of_one_unit_are_flagged(text: str) -> None:
    assert len(lint("figure-mismatch", {"a.md": text})) == 1


def test_across_two_lots_told_in_one_mould_are_two_prices() -> None:
    files = {"a.md": story("SEATTLE, March 22 - Delta Air Lines paid 543 mln dlrs for 14 jet aircraft from Boeing, the "
                           "company said.", "1987-03-22", "boeing"),
             "b.md": story("SEATTLE, March 22 - Delta Air Lines paid 300 mln dlrs for eight jet aircraft from Boeing last "
                           "year, the company said.", "1987-03-22", "boeing")}
    assert lint("figure-disagreement", files) == []


ROSS = {  # ECB+ 6_ecbplus: Gary Ross's pay for The Hunger Games
    "a.md": "Ross was reportedly paid $3 million to write and direct \"The Hunger Games.\"",
    "b.md": "Lionsgate reportedly played some hardball with Ross, who ended up being paid $3 million.",
    "c.md": "THR says Ross, a seasoned director, accepted a relatively low {} salary for directing The Hunger Games.",
}


@pytest.mark.parametrize(("text", "thing", "subject"), [
    ("Ross was reportedly paid $3 million to write and direct the film.", "pay", "ross"),
    ("Lionsgate played some hardball with Ross, who ended up being paid $3 million.", "pay", "ross"),
    ("He was paid $3 million for co-writing and directing the film.", "pay", None),
    ("Ross accepted a relatively low $12 million salary for directing.", "pay", None),
    # not a pay: the payer's sum, a sum paid for something
    ("Disney paid 217 mln dlrs to GenCorp.", None, None),
    ("The debt was paid off with 30 mln dlrs in new stock.", None, None),
])
def test_a_sum_paid_to_someone_is_their_pay(text: str, thing: str | None, subject: str | None) -> None:
    doc = parse_document("a.md", text.encode())
    [money] = [m for m in Analyzer(load_lexicon(), doc).run() if m.quantity.kind == "money"]
    pay = money.thing if money.thing == "pay" else None
    assert (pay, money.subject if pay else None) == (thing, subject)


def test_across_a_persons_pay_told_otherwise_is_flagged_against_the_reports_that_agree() -> None:
    files = {name: story(body.format("$12 million"), name="ross") for name, body in ROSS.items()}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == ("c.md", "Says $12 million salary, but 2 other articles on this story "
                                                       "say $3 million")


@pytest.mark.parametrize("files", [
    {name: story(body.format("$3 million"), name="ross") for name, body in ROSS.items()},
    # two people's pay: the payees are named
    {"a.md": story("Ross was reportedly paid $3 million to write and direct the film.", name="ross"),
     "b.md": story("Lawrence was reportedly paid $500,000 to star in the film.", name="ross")},
])
def test_across_one_pay_told_alike_or_two_peoples_pay_is_left_alone(files) -> None:
    assert lint("figure-disagreement", files) == []


# Session 11: one payment told from its two ends; a deal's terms told again a week later

KHJ = {  # Reuters 06410, 06665 (March 18) and 09638 (March 25): Walt Disney's purchase of KHJ-TV from GenCorp
    "a.md": ("1987-03-18", "GenCorp has agreed to sell its Los Angeles station KHJ to Walt Disney Co for 217 mln dlrs. "
                           "An investor group challenging the Los Angeles license would also receive 103 mln dlrs "
                           "from Disney."),
    "b.md": ("1987-03-18", "GenCorp earlier this month reached an agreement with Walt Disney Co to sell its Los Angeles "
                           "television station. Disney would pay 217 mln dlrs to GenCorp and 103 mln dlrs to a group "
                           "that challenged the station's license."),
    "c.md": ("1987-03-25", "The partners said they would proceed with the proposed sale of KHJ-TV in Los Angeles to "
                           "Walt Disney Co <DIS>. RKO General would receive {} mln dlrs and Fidelity Television, which "
                           "challenged the license, would get about {} mln dlrs."),
}


def khj(received: str = "217", challenger: str = "103", **changed: str) -> dict[str, str]:
    texts = {name: (day, body) for name, (day, body) in KHJ.items()}
    texts["c.md"] = (texts["c.md"][0], texts["c.md"][1].format(received, challenger))
    texts.update((f"{name}.md", (texts[f"{name}.md"][0], body)) for name, body in changed.items())
    return {name: story(body, day, "khj") for name, (day, body) in texts.items()}


def test_across_a_payment_told_by_its_payee_a_week_later_is_held_to_the_payers_terms() -> None:
    # the payer's sentence opens on Disney, the payee's on RKO General: the shared 103 mln dlrs,
    # on the same side of the sum, says they tell one set of terms, a week apart
    [finding] = lint("figure-disagreement", khj(received="130"))
    assert (finding.path, finding.message) == ("c.md", "Says 130 mln dlrs, but 2 other articles on this story say "
                                                       "217 mln dlrs")
    assert sorted(r.location.path for r in finding.related) == ["a.md", "b.md"]


def test_across_the_payers_second_sum_is_held_to_the_payees_reports() -> None:
    # "pay 217 mln dlrs to GenCorp and 62 mln dlrs to a group": the second sum shares the verb before it
    [finding] = lint("figure-disagreement", khj(b="GenCorp earlier this month reached an agreement with Walt Disney "
                                                  "Co to sell its Los Angeles television station. Disney would pay 217 "
                                                  "mln dlrs to GenCorp and 62 mln dlrs to a group that challenged the "
                                                  "station's license."))
    assert (finding.path, finding.message) == ("b.md", "Says 62 mln dlrs, but 2 other articles on this story say "
                                                       "about 103 mln dlrs or 103 mln dlrs")


@pytest.mark.parametrize("files", [
    khj(),  # the terms told alike
    # renegotiated: both sums changed, nothing says the two sentences tell one set of terms
    khj(received="130", challenger="90"),
    # two payers: both sentences stand at the payer's end, and open on two names
    khj(received="217", c="The partners said they would proceed with the proposed sale of KHJ-TV in Los Angeles to "
                           "Walt Disney Co <DIS>. Lockheed would pay 130 mln dlrs to Boeing and 103 mln dlrs to a group "
                           "that challenged the license."),
])
def test_across_terms_told_alike_renegotiated_or_of_two_payers_are_left_alone(files) -> None:
    assert lint("figure-disagreement", files) == []


def test_across_terms_that_keep_only_some_of_their_other_figures_are_not_told_again() -> None:
    # Reuters 03072 and 04910, a week apart: two sentences of one merger's terms, each with other sums
    files = {"a.md": story("Holders of the company's 2.19 dlrs cumulative preference shares will receive 20 dlrs a "
                           "share and those owning its 11.25 dlrs convertible preferred will receive 87.50 dlrs a "
                           "share.", "1987-03-06", "allegheny"),
             "b.md": story("Under terms of the agreement, tendering shareholders will receive 24.60 dlrs per common "
                           "share, 20 dlrs per preference share and 87.50 dlrs per preferred share.", "1987-03-13",
                           "allegheny")}
    assert lint("figure-disagreement", files) == []


def test_across_a_weekly_tender_that_keeps_only_its_notes_terms_is_left_alone() -> None:
    # Reuters 04639 and 07542, a week apart: the 13-week and 26-week notes recur by themselves
    files = {"a.md": story("The Reserve Bank of Australia said it would offer 500 mln dlrs of 13-week treasury notes "
                           "and 200 mln dlrs of 26-week notes for tender next week.", "1987-03-13", "tender"),
             "b.md": story("The Reserve Bank said it would offer 400 mln dlrs of 13-week treasury notes and 100 mln of "
                           "26-week notes for tender next week.", "1987-03-20", "tender")}
    assert lint("figure-disagreement", files) == []


@pytest.mark.parametrize(("text", "complement"), [
    ("RKO General would receive 130 mln dlrs and Fidelity Television would get 103 mln dlrs.", None),
    ("The bank lent 130 mln dlrs to Brazil and 103 mln dlrs to Peru.", "brazil"),
    ("Six people were killed in Kabul while Taliban fighters fled.", "kabul"),
])
def test_a_name_after_and_is_the_next_conjuncts_not_the_figures(text: str, complement: str | None) -> None:
    doc = parse_document("a.md", text.encode())
    first = Analyzer(load_lexicon(), doc).run()[0]
    assert first.complement == complement


# A wire item that says it corrects an earlier version is the desk's later word on its figures

TSENG = ("Tseng Laboratories Inc said it expects first quarter 1987 sales to exceed total sales for 1986.\n\n"
         "Tseng posted total revenues for 1986 of 4,255,731, and net income of 258,125, or {} cts per share.\n\n"
         "Jack Tseng, president of the company, attributed the expectations to increased orders.{}\n")


@pytest.mark.parametrize("note", [" (corrects cts per share)", " (Corrects amount in second paragraph)",
                                  "\n\nCorrection: An earlier version of this story gave the wrong earnings per share."])
def test_across_one_against_one_the_article_a_correction_disagrees_with_is_reported(note: str) -> None:
    # Reuters 09330 (10:35) and 09390 (11:51, "(corrects cts per share)"): the correction is right,
    # the version before it is what the archive must fix
    files = {"a.md": story(TSENG.format("14", ""), "1987-03-25", "tseng"),
             "b.md": story(TSENG.format("1.4", note), "1987-03-25", "tseng")}
    [finding] = lint("figure-disagreement", files)
    assert (finding.path, finding.message) == ("a.md", "Says 14 cts, but 1 other article on this story says 1.4 cts "
                                                       "(b.md carries a correction)")


def test_across_an_article_that_corrects_nothing_is_reported_as_the_later() -> None:
    files = {"a.md": story(TSENG.format("14", ""), "1987-03-25", "tseng"),
             "b.md": story(TSENG.format("1.4", " The company corrects its figures each quarter."), "1987-03-26",
                           "tseng")}
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md"
