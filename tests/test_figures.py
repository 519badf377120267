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
    ("Klitschko landed 28 of his 68 punches in the round.", "68 punches", "part"),
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
])
def test_within_leaves_different_facts_alone(text: str) -> None:
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
    assert finding.message == "Says 13 people killed, but 3 other articles on this story say 10 people killed or At least 10 people killed"
    assert sorted(r.location.path for r in finding.related) == ["a.md", "b.md", "d.md"]


def test_across_without_a_majority_flags_the_later_article() -> None:
    files = {
        "a.md": story("The earthquake killed 10 people on Qeshm island, state television said."),
        "b.md": story("The earthquake on Qeshm island killed 13 people, officials said."),
    }
    [finding] = lint("figure-disagreement", files)
    assert finding.path == "b.md" and "(no majority)" in finding.message


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
        "a.md": story("Six ships were waiting to load at Portland, the report said.", "1987-04-01"),
        "b.md": story("Eight ships were waiting to load at Portland, the report said.", "1987-04-09"),
    }
    assert lint("figure-change", files) == []
    assert len(lint("figure-change", files, max_days=10)) == 1


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
