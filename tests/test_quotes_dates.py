"""The quotes and dates kinds: misquotes, one quotation given to two speakers,
weekdays the calendar contradicts, one event given two dates; and the three
engines giving the same findings on both kinds."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import run_cli

from factlint.document import Settings
from factlint.kinds.quotes import compare_words, identities, quote_words, speaker_of
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULES = {r.id: r for r in load_rules([builtin_rules_dir()])}
KINDS = ("misquote", "quote-speaker-mismatch", "weekday-mismatch", "date-disagreement")


def lint(rule: str, files: dict[str, str]) -> list:
    checks = compile_rules([RULES[rule]], {})
    report = lint_sources(((name, text.encode()) for name, text in sorted(files.items())), checks, Settings())
    assert not report.errors, [str(e) for e in report.errors]
    return [f for f in report.findings if f.rule == rule]


def story(text: str, name: str = "s", date: str | None = None) -> str:
    return "---\nstory: " + name + ("\ndate: " + date if date else "") + "\n---\n" + text + "\n"


# ---------------------------------------------------------------------------
# Reading quotations
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("one", "other"), [
    ("We honour the colour of the centre", "We honor the color of the center"),
    ("They organised and travelled to the theatre", "They organized and traveled to the theater"),
    ("We do not know and we can't say", "We don't know and we cannot say"),
    ("Three people were hurt at 6:00 p.m.", "3 people were hurt at 6 p.m."),
    ("I ’ m sure it ’ s the eleventh hour", "I'm sure it's the 11th hour"),
    ("We don\"t believe it", "We don't believe it"),
])
def test_spelling_house_style_and_tokenizing_are_not_words(one, other):
    assert quote_words(one) == quote_words(other)


@pytest.mark.parametrize(("one", "other", "changed"), [
    ("Why did he leave the house that night?", "Why did you leave the house that night?", 1),  # a pronoun
    ("We are a close community", "They are a close community", 1),
    ("I did say that to the committee", "I did not say that to the committee", 1),  # a negation
    ("has already offered to share the records with the committee", "has already offered the records to the committee", 3),
    ("has already offered to share the records with the committee", "offered to share the records", 0),  # partial
    ("the records with the committee, he said and left", "offered to share the records with the committee", 0),  # overlap
    ("[He] has already offered the records", "The governor has already offered the records", 0),  # bracket
    ("we will ... win this fight", "we will fight on and win this fight", 0),  # ellipsis
    ("market access is not free", "market acces is not free", 0),  # a typo
    ("This is a more realistic approach", "This is amore realistic approach", 0),
])
def test_words_changed_dropped_or_added_are_counted_and_partial_quotes_are_not(one, other, changed):
    edits = compare_words(quote_words(one), quote_words(other))
    assert edits.changed == changed
    assert edits.contained == (changed == 0)


def test_speakers_are_one_by_their_names_without_titles():
    assert speaker_of("President Donald J. Trump").words == ("donald", "trump")
    assert speaker_of("DEA Acting Administrator Chuck Rosenberg") == speaker_of("acting DEA chief Chuck Rosenberg")
    assert speaker_of("Ian Lafrenière").words == speaker_of("Ian Lafreniere").words
    for nobody in ("he", "The judges", "Grayson’s father", None, ""):
        assert speaker_of(nobody) is None
    assert not speaker_of("Society for Conservation Biology").person
    assert not speaker_of("Natural Resources Defense Council's Endangered Species Program").person
    assert speaker_of("Emma Norton the head of legal casework").person
    chris, dana, white, lone = (speaker_of(n) for n in ("Chris White", "Dana White", "White", "Chris"))
    found = identities([chris, dana, white, lone])
    assert found[lone] == found[chris] != found[dana]
    assert white not in found  # two full names end with it: nobody's


# ---------------------------------------------------------------------------
# misquote
# ---------------------------------------------------------------------------

CREDITED = "“{}” Sheriff Dana Ruiz told reporters."
LATER = "“{}” Ruiz said on Friday."


def test_a_misquote_is_reported_at_the_minority_rendering_with_the_others_related():
    right, wrong = "Why did he leave the house that night?", "Why did you leave the house that night?"
    found = lint("misquote", {
        "a.md": story(CREDITED.format(right)), "b.md": story(LATER.format(wrong)), "c.md": story(LATER.format(right)),
    })
    assert [(f.path, sorted(r.location.path for r in f.related)) for f in found] == [("b.md", ["a.md", "c.md"])]
    assert "“Why did you leave the house that night?”" in found[0].message
    assert "“Why did he leave the house that night?”" in found[0].message


def test_with_one_rendering_each_the_later_article_is_reported():
    found = lint("misquote", {
        "a.md": story(CREDITED.format("We did not hide the records from the committee.")),
        "b.md": story(LATER.format("We did hide the records from the committee.")),
    })
    assert [f.path for f in found] == ["b.md"]


@pytest.mark.parametrize("other", [
    "the records from the committee",  # a partial quotation
    "We did not hide the records from the committee, and we never will.",  # a longer one
    "We did not hide the records … from the committee.",  # an elision
    "We didn't hide the records from the Committee!",  # a contraction, case, punctuation
])
def test_partial_quotations_and_marked_changes_are_no_misquote(other):
    assert not lint("misquote", {
        "a.md": story(CREDITED.format("We did not hide the records from the committee.")), "b.md": story(LATER.format(other)),
    })


def test_quotations_without_a_named_speaker_or_of_another_speaker_are_not_compared():
    right = CREDITED.format("We did not hide the records from the committee.")
    for other in ("“We did hide the records from the committee,” he said.", "“We did hide the records from the committee,” Mayor Tom Hill said."):
        assert not lint("misquote", {"a.md": story(right), "b.md": story(other)})


def test_within_an_article_the_later_rendering_is_reported_but_not_within_a_paragraph():
    first, second = CREDITED.format("We did not hide the records from the committee."), LATER.format("We did hide the records from the committee.")
    found = lint("misquote", {"a.md": first + "\n\nThe hearing went on.\n\n" + second + "\n"})
    assert [f.location.line for f in found] == [5]
    assert not lint("misquote", {"a.md": first + " " + second + "\n"})


# ---------------------------------------------------------------------------
# quote-speaker-mismatch
# ---------------------------------------------------------------------------

WORDS = "We will stay on the picket line until the pay offer changes"


def test_one_quotation_credited_to_two_people_is_reported_at_the_minority_credit():
    found = lint("quote-speaker-mismatch", {
        "a.md": story(f"“{WORDS},” union leader Mary Brandt said."),
        "b.md": story(f"“{WORDS},” said Mary Brandt, the union's leader."),
        "c.md": story(f"“{WORDS},” Transport Secretary Paul Dean said."),
        "d.md": story(f"“{WORDS},” Brandt said."),
    })
    assert [(f.path, sorted(r.location.path for r in f.related)) for f in found] == [("c.md", ["a.md", "b.md", "d.md"])]
    assert "Paul Dean" in found[0].message and "Mary Brandt" in found[0].message


@pytest.mark.parametrize("credit", ["she said", "Brandt said", "the union said", "the Transport Workers Union said"])
def test_the_same_person_a_pronoun_or_a_body_is_no_second_speaker(credit):
    assert not lint("quote-speaker-mismatch", {
        "a.md": story(f"“{WORDS},” union leader Mary Brandt said."), "b.md": story(f"“{WORDS},” {credit}."),
    })


# ---------------------------------------------------------------------------
# weekday-mismatch
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "date", "flagged"), [
    ("on Tuesday, Jan. 6, 2026,", None, False),  # 2026-01-06 is a Tuesday
    ("on Wednesday, January 7, 2026,", None, False),
    ("on Tuesday, January 7, 2026,", None, True),
    ("on Tuesday, Jan. 7, 2025,", None, False),  # another year, another weekday
    ("on Monday, Jan. 7, 2019,", None, False),
    ("on Monday, Jan. 7, 2020,", None, True),
    ("on Monday (12 May 2025)", None, False),
    ("on Tuesday (12 May 2025)", None, True),
    ("on Saturday, 15 March 2019,", None, True),
    ("on Friday, the 15th of March 2019,", None, False),
    ("on Wed 3/4/2026", None, False),  # March 4
    ("on Fri 3/4/2026", None, False),  # 3 April
    ("on Mon 3/4/2026", None, True),  # neither
    ("on Sunday 2019-03-17", None, False),
    ("on Monday 2019-03-17", None, True),
    ("on Tuesday, Jan. 6,", "2025-12-29", False),  # the nearest Jan. 6 is next year's
    ("on Monday, Jan. 6,", "2025-12-29", True),
    ("on Monday, Jan. 6,", "2025-01-02", False),
    ("on Monday, Jan. 6,", None, False),  # no year anywhere: not checked
])
def test_weekdays_against_the_calendar_across_years_and_formats(text, date, flagged):
    front = f"---\ndate: {date}\n---\n" if date else ""
    found = lint("weekday-mismatch", {"a.md": f"{front}The court met {text} to hear the case.\n"})
    assert bool(found) == flagged, [f.message for f in found]


def test_a_weekday_message_names_the_day_the_date_falls_on():
    [found] = lint("weekday-mismatch", {"a.md": "The court met on Tuesday, January 7, 2026, to hear it.\n"})
    assert found.message == "'Tuesday, January 7, 2026': January 7, 2026 is a Wednesday, not a Tuesday"


@pytest.mark.parametrize("text", ["The Sun, Jan. 5, 2026, ran it.", "On Friday, March 18 workers left.", "Sunday Times, March 3"])
def test_words_that_are_not_a_weekday_with_its_date_are_left_alone(text):
    assert not lint("weekday-mismatch", {"a.md": text + "\n"})


# ---------------------------------------------------------------------------
# date-disagreement
# ---------------------------------------------------------------------------

DIED = "The singer died on {} at her home in Nashville."


def test_twin_events_with_two_dates_report_the_minority_date():
    found = lint("date-disagreement", {
        "a.md": story(DIED.format("April 18")), "b.md": story(DIED.format("April 19")),
        "c.md": story(DIED.format("19 April")), "d.md": story(DIED.format("April 19, 2024")),
    })
    assert [(f.path, len(f.related)) for f in found] == [("a.md", 3)]
    assert found[0].message == "Dates the death April 18, but 3 other articles of the story date it April 19"


def test_two_against_two_or_one_against_one_is_no_majority():
    for dates in (("April 18", "April 19"), ("April 18", "April 18", "April 19", "April 19")):
        files = {f"{n}.md": story(DIED.format(d)) for n, d in enumerate(dates)}
        assert not lint("date-disagreement", files)


def test_dates_far_apart_or_articles_of_other_stories_are_other_events():
    assert not lint("date-disagreement", {
        "a.md": story(DIED.format("April 2")), "b.md": story(DIED.format("April 19")), "c.md": story(DIED.format("April 19")),
    })
    assert not lint("date-disagreement", {
        "a.md": story(DIED.format("April 18"), "x"), "b.md": story(DIED.format("April 19")), "c.md": story(DIED.format("April 19")),
    })


def test_relative_dates_count_only_against_a_known_article_date():
    quake = "An earthquake struck the coast {}, officials said."
    others = {"b.md": story(quake.format("on April 19")), "c.md": story(quake.format("on April 19"))}
    found = lint("date-disagreement", {"a.md": story(quake.format("yesterday"), date="2025-04-21"), **others})
    assert [f.path for f in found] == ["a.md"]  # yesterday was April 20
    assert not lint("date-disagreement", {"a.md": story(quake.format("yesterday"), date="2025-04-20"), **others})
    assert not lint("date-disagreement", {"a.md": story(quake.format("yesterday")), **others})  # no date: unknown
    found = lint("date-disagreement", {"a.md": story(quake.format("on Sunday"), date="2025-04-22"), **others})
    assert [f.path for f in found] == ["a.md"]  # the Sunday before April 22 was April 20


def test_within_an_article_a_reference_back_dated_otherwise_and_a_timeline_entry_against_its_post():
    found = lint("date-disagreement", {"a.md": "The plane crashed on March 3 near the airport.\n\nThe crash on March 4 was caused by ice.\n"})
    assert [f.location.line for f in found] == [3]
    assert not lint("date-disagreement", {"a.md": "The plane crashed on March 3 near the airport.\n\nA crash on March 4 killed two.\n"})
    post = "March 14, 2018: The officer posts a warning.\n\n— Jane Doe (@janedoe) March {}, 2018\n"
    assert [f.location.line for f in lint("date-disagreement", {"a.md": post.format(15)})] == [1]
    assert not lint("date-disagreement", {"a.md": post.format(14)})


@pytest.mark.parametrize("sentence", [
    "The singer will be buried on April 25 in Nashville.",  # future
    "The singer died a day after the concert on April 18.",  # the date is another's
    "Monday, April 18, 2025 The singer died at her home.",  # a dateline
    "Last year's attack on April 18 killed four.",  # another instance
    "Published: April 18, 2025 The singer died at her home.",  # a dateline with its label
    "The singer suffered a heart attack on April 18 at her home.",  # not an attack
])
def test_dates_that_are_not_the_events_are_left_out(sentence):
    assert not lint("date-disagreement", {
        "a.md": story(sentence), "b.md": story(DIED.format("April 19")), "c.md": story(DIED.format("April 19")),
    })


# ---------------------------------------------------------------------------
# The three engines
# ---------------------------------------------------------------------------

DESK = {
    "01.md": story("“Why did he leave the house that night?” Sheriff Dana Ruiz asked. " + DIED.format("April 19"), date="2025-04-20"),
    "02.md": story("“Why did you leave the house that night?” Ruiz asked. " + DIED.format("April 19"), date="2025-04-20"),
    "03.md": story("“Why did he leave the house that night?” Ruiz asked. " + DIED.format("April 18"), date="2025-04-21"),
    "04.md": story(f"“{WORDS},” union leader Mary Brandt said.", "strike", "2025-04-20"),
    "05.md": story(f"“{WORDS},” Mary Brandt said.", "strike", "2025-04-21"),
    "06.md": story(f"“{WORDS},” Transport Secretary Paul Dean said on Tuesday, April 21, 2025.", "strike", "2025-04-22"),
    "07.md": story("The council met on Friday to discuss the pay offer.", "council", "2025-04-22"),
}


@pytest.fixture
def desk(state_kept: Path) -> Path:
    tmp_path = state_kept
    folder = tmp_path / "desk"
    folder.mkdir()
    for name, text in DESK.items():
        (folder / name).write_text(text)
    return tmp_path


def findings(cwd: Path, *args: str) -> list[dict]:
    run = run_cli("check", *args, "--select", ",".join(KINDS), "--format", "json", cwd=cwd)
    assert run.code in (0, 1) and run.err == "", run.err
    return json.loads(run.out)["findings"]


def test_both_kinds_from_the_folder_state_are_a_full_runs(desk):
    full = findings(desk, "desk")
    assert sorted((f["rule"], f["path"]) for f in full) == [
        ("date-disagreement", "desk/03.md"), ("misquote", "desk/02.md"),
        ("quote-speaker-mismatch", "desk/06.md"), ("weekday-mismatch", "desk/06.md"),
    ]
    findings(desk, "--corpus", "desk", "desk/01.md")  # builds the folder's state
    for name in DESK:
        path = f"desk/{name}"
        assert findings(desk, "--corpus", "desk", path) == [
            f for f in full if f["path"] == path or any(r["path"] == path for r in f["related"])
        ]
    # 03 is corrected and 01 takes another date: served by the stored state as a full run reports it
    for name, old, new in (("03.md", "April 18", "April 19"), ("01.md", "April 19", "April 17")):
        article = desk / "desk" / name
        article.write_text(article.read_text().replace(old, new))
    hooked = findings(desk, "--corpus", "desk", "desk/01.md", "desk/03.md")
    assert [(f["rule"], f["path"]) for f in hooked if f["rule"] == "date-disagreement"] == [("date-disagreement", "desk/01.md")]
    assert hooked == [f for f in findings(desk, "desk") if f["path"] in ("desk/01.md", "desk/03.md")
                      or any(r["path"] in ("desk/01.md", "desk/03.md") for r in f["related"])]


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="Dask is not installed: pip install 'factlint[dask]'")
def test_both_kinds_give_the_local_engines_json_on_dask(desk):
    from distributed import Client

    from factlint.config import load_config
    from factlint.engine import dask as dask_engine
    from factlint.formatters import RenderContext, render

    config = load_config(None)
    context = {"facts": config.facts, "root": config.root}
    rules = [r for r in load_rules([builtin_rules_dir()]) if r.id in KINDS]
    checks = compile_rules(rules, context)
    paths = sorted(str(p) for p in (desk / "desk").iterdir())
    local = lint_sources(((p, Path(p).read_bytes()) for p in paths), checks, Settings())
    with dask_engine.local_cluster(workers=1) as cluster, Client(cluster) as client:
        distributed = dask_engine.lint_paths([(p, p) for p in paths], checks, context, Settings(), client=client)
    assert sorted({f.rule for f in local.findings}) == sorted(KINDS)
    context_json = RenderContext(rules=rules, color=False, show_stories=True, sources={}, paths=[])
    assert render("json", distributed, context_json) == render("json", local, context_json)
