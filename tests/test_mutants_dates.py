"""The dates kind at its edges (weekday-mismatch, date-disagreement): the readings of
a date, the article's own date, datelines, relative days, and the limits of what
counts as one event dated two ways. Sentences have the shape of wire and web copy."""

from __future__ import annotations

import datetime as dt

import pytest

from test_quotes_dates import DIED, lint, story

from factlint.document import parse_document
from factlint.kinds.dates import DayDate, article_date, nearest, weekday_dates


def test_two_days_agree_on_month_and_day_when_a_year_is_missing():
    assert DayDate(None, 4, 19).agrees(DayDate(2024, 4, 19))
    assert DayDate(2024, 4, 19).agrees(DayDate(None, 4, 19))
    assert not DayDate(2023, 4, 19).agrees(DayDate(2024, 4, 19))
    assert not DayDate(None, 4, 19).agrees(DayDate(None, 4, 18))
    assert not DayDate(None, 4, 19).agrees(DayDate(None, 5, 19))


def test_days_apart_across_a_new_year_and_for_an_impossible_day():
    assert DayDate(2024, 12, 30).days_apart(DayDate(2025, 1, 2)) == 3
    assert DayDate(None, 3, 1).days_apart(DayDate(2024, 2, 28)) == 2  # 2024 is a leap year
    assert DayDate(None, 3, 1).days_apart(DayDate(None, 2, 28)) == 2  # no year at all: 2000, a leap year too
    assert DayDate(2025, 2, 20).days_apart(DayDate(None, 3, 1)) == 9
    assert DayDate(2025, 2, 29).days_apart(DayDate(2025, 3, 1)) == 999  # no such day
    assert DayDate(2025, 3, 1).days_apart(DayDate(2025, 2, 29)) == 999


def test_a_day_is_written_with_its_year_only_when_known():
    assert DayDate(2024, 4, 9).written() == "April 9, 2024"
    assert DayDate(None, 12, 25).written() == "December 25"


def doc(front: str) -> object:
    return parse_document("a.md", f"---\n{front}\n---\nText.\n".encode())


@pytest.mark.parametrize(("front", "expected"), [
    ("date: 2025-04-21", dt.date(2025, 4, 21)),
    ("date: 2025-04-21 10:30:00", dt.date(2025, 4, 21)),
    ("date: '2025-04-21T10:30:00Z'", dt.date(2025, 4, 21)),
    ("date: '2025-02-30'", None),
    ("date: 'April 21'", None),
    ("date: 20250421", None),
    ("title: No date", None),
])
def test_the_articles_own_date(front, expected):
    assert article_date(doc(front)) == expected


def test_the_nearest_occurrence_of_a_day_is_last_years_this_years_or_next_years():
    assert nearest(1, 6, dt.date(2025, 12, 29)) == dt.date(2026, 1, 6)
    assert nearest(12, 30, dt.date(2026, 1, 3)) == dt.date(2025, 12, 30)
    assert nearest(6, 1, dt.date(2026, 5, 20)) == dt.date(2026, 6, 1)
    assert nearest(2, 29, dt.date(2025, 3, 10)) == dt.date(2024, 2, 29)  # only in a leap year
    assert nearest(2, 30, dt.date(2025, 3, 10)) is None


def readings(text: str, around: dt.date | None = None) -> list[tuple[str, int, tuple]]:
    return [(text[w.start : w.end], w.weekday, w.readings) for w in weekday_dates(text, around)]


def test_a_weekday_with_its_date_is_read_with_every_reading_the_date_allows():
    assert readings("on Wed 3/4/26 at noon") == [("Wed 3/4/26", 2, (dt.date(2026, 3, 4), dt.date(2026, 4, 3)))]
    assert readings("on Wed 3/4/69 at noon")[0][2][0].year == 2069
    assert readings("on Wed 3/4/70 at noon")[0][2][0].year == 1970
    assert readings("on Thurs. 12/25/2025,") == [("Thurs. 12/25/2025", 3, (dt.date(2025, 12, 25),))]  # 25/12 is no date
    assert readings("on Wed 5/5/2026") == [("Wed 5/5/2026", 2, (dt.date(2026, 5, 5),))]  # one reading, not two
    assert readings("Tues., Sept. 9, 2025") == [("Tues., Sept. 9, 2025", 1, (dt.date(2025, 9, 9),))]
    assert readings("on Sunday, the 1st of June 2025") == [("Sunday, the 1st of June 2025", 6, (dt.date(2025, 6, 1),))]
    assert readings("on Monday 2025-02-30") == []  # no such day
    assert readings("on Monday, Feb. 30, 2025") == []
    assert readings("on Monday, Jan. 6") == []  # no year, no article date
    assert readings("on Monday, Jan. 6", dt.date(2025, 12, 29)) == [("Monday, Jan. 6", 0, (dt.date(2026, 1, 6),))]


@pytest.mark.parametrize(("text", "weekday"), [
    ("Mon, Jan. 5, 2026", 0), ("Tue, Jan. 6, 2026", 1), ("Tues, Jan. 6, 2026", 1), ("Wednes, Jan. 7, 2026", 2),
    ("Thu, Jan. 8, 2026", 3), ("Thur, Jan. 8, 2026", 3), ("Fri, Jan. 9, 2026", 4), ("Satur, Jan. 10, 2026", 5),
    ("Sun., Jan. 11, 2026", 6), ("SUNDAY, Jan. 11, 2026", 6), ("Thursday, Jan. 8, 2026", 3),
])
def test_each_way_of_writing_a_weekday(text, weekday):
    [(_, found, _)] = readings("It was " + text + ".")
    assert found == weekday


def test_a_short_lowercase_day_or_a_newspaper_is_no_weekday_but_a_long_one_is():
    assert readings("the sun 3/4/2026 rose") == []
    assert readings("read The Sun, Jan. 5, 2026, and") == []
    assert readings("read the Sun, Jan. 5, 2026, and") == []
    assert readings("on the Sunday, Jan. 4, 2026, service") != []  # a weekday's full name is a weekday
    assert readings("So Sun, Jan. 4, 2026, came") != []


def test_a_weekday_finding_names_every_reading_and_the_day_each_falls_on():
    [found] = lint("weekday-mismatch", {"a.md": "The vote was held on Mon 3/4/2026 in the capital.\n"})
    assert found.message == (
        "'Mon 3/4/2026': March 4, 2026 or April 3, 2026 is a Wednesday or Friday, not a Monday"
    )
    assert (found.location.line, found.location.column) == (1, 22)


def test_a_weekday_rule_reports_nothing_across_articles():
    assert not lint("weekday-mismatch", {
        "a.md": story(DIED.format("April 18")), "b.md": story(DIED.format("April 19")), "c.md": story(DIED.format("April 19")),
    })


# ---------------------------------------------------------------------------
# date-disagreement
# ---------------------------------------------------------------------------

QUAKE = "An earthquake struck the coast {}, officials said."


def three(first: str, date: str | None = None, template: str = DIED, others: str = "April 19", others_date: str | None = None) -> dict[str, str]:
    """Article a dating the event ``first``, b and c both ``others``."""
    later = story(template.format(others), date=others_date)
    return {"a.md": story(template.format(first), date=date), "b.md": later, "c.md": later}


@pytest.mark.parametrize(("written", "article", "flagged"), [
    ("today", "2025-04-20", True),  # April 20
    ("today", "2025-04-19", False),
    ("on Saturday", "2025-04-20", False),  # Sunday April 20: Saturday was the 19th
    ("on Sunday", "2025-04-20", True),  # the day itself
    ("last Sunday", "2025-04-20", True),  # a week back: April 13, too far from the 19th to be this event
    ("last Saturday", "2025-04-20", False),
    ("on Friday night", "2025-04-20", True),  # April 18
    ("on Sunday's", "2025-04-20", False),  # "Sunday's" is no day the event happened
])
def test_relative_days_are_counted_back_from_the_articles_date(written, article, flagged):
    found = lint("date-disagreement", three(written, article, QUAKE))
    assert bool(found) == flagged, [f.message for f in found]


def test_last_sunday_written_on_a_sunday_is_a_week_back():
    def written(first: str) -> dict[str, str]:
        return {
            "a.md": story(QUAKE.format("on April 18")),
            "b.md": story(QUAKE.format(first), date="2025-04-27"),
            "c.md": story(QUAKE.format(first), date="2025-04-27"),
        }

    [found] = lint("date-disagreement", written("last Sunday"))  # April 20, two days after the 18th
    assert found.message == "Dates the earthquake April 18, but 2 other articles of the story date it last Sunday"
    assert not lint("date-disagreement", written("on Sunday"))  # April 27: another quake


def test_a_dateline_is_when_the_article_was_written_not_when_the_event_happened():
    for sentence in (
        "April 18, 2025 The singer died at her home in Nashville.",
        "Friday, April 18 The singer died at her home in Nashville.",
        "April 18 (Reuters) The singer died at her home in Nashville.",
        "NASHVILLE, April 18 AP The singer died at her home.",
    ):
        assert not lint("date-disagreement", {"a.md": story(sentence), **{k: v for k, v in three("April 19").items() if k != "a.md"}}), sentence
    # a date well into the sentence is the event's, whatever follows it
    long = "After a long career spanning five decades of country music, the singer died on April 18 (at home)."
    assert [f.path for f in lint("date-disagreement", {"a.md": story(long), **{k: v for k, v in three("April 19").items() if k != "a.md"}})] == ["a.md"]


def test_an_impossible_day_is_no_date():
    assert not lint("date-disagreement", three("April 34"))
    assert [f.path for f in lint("date-disagreement", three("April 30", others="April 29"))] == ["a.md"]


def test_the_majority_must_be_min_agreeing_articles_and_more_than_the_minority():
    four = {"d.md": story(DIED.format("April 19")), **three("April 18")}
    [found] = lint("date-disagreement", four)
    assert (found.path, sorted(r.location.path for r in found.related)) == ("a.md", ["b.md", "c.md", "d.md"])
    assert [r.message for r in found.related] == ["dated April 19 here"] * 3
    # two against three: both of the two are reported
    assert [f.path for f in lint("date-disagreement", {**four, "e.md": story(DIED.format("April 18"))})] == ["a.md", "e.md"]


def test_articles_filed_more_than_max_days_apart_are_not_compared():
    def dated(date_a: str) -> dict[str, str]:
        return {
            "a.md": story(DIED.format("April 18"), date=date_a),
            "b.md": story(DIED.format("April 19"), date="2025-04-20"),
            "c.md": story(DIED.format("April 19"), date="2025-04-20"),
        }

    assert [f.path for f in lint("date-disagreement", dated("2025-04-27"))] == ["a.md"]  # 7 days: compared
    assert not lint("date-disagreement", dated("2025-04-28"))  # 8 days
    assert not lint("date-disagreement", dated("2025-04-12"))  # 8 days before
    undated = dated("2025-04-28")
    undated["a.md"] = story(DIED.format("April 18"))
    assert [f.path for f in lint("date-disagreement", undated)] == ["a.md"]  # no date: compared


def test_dates_max_apart_days_apart_are_one_event_misdated_and_further_two_events():
    assert [f.path for f in lint("date-disagreement", three("April 13"))] == ["a.md"]  # 6 days
    assert not lint("date-disagreement", three("April 12"))  # 7 days


def test_an_article_that_also_gives_the_others_date_tells_two_events():
    text = DIED.format("April 18") + "\n\nHer husband said she had been unwell. The singer died on April 19 in fact.\n"
    assert not lint("date-disagreement", {**three("April 19"), "a.md": story(text)})


def test_a_written_date_beats_a_relative_one_in_the_same_lead():
    # b dates the quake "on Friday" (April 18, filed on Saturday the 19th), then writes April 19:
    # the written date is b's, so a's April 18 stands against three articles
    both = QUAKE.format("on Friday") + "\n\n" + QUAKE.format("on April 19") + "\n"
    found = lint("date-disagreement", {
        "a.md": story(QUAKE.format("on April 18")), "b.md": story(both, date="2025-04-19"),
        "c.md": story(QUAKE.format("on April 19")), "d.md": story(QUAKE.format("on April 19")),
    })
    assert [(f.path, sorted(r.location.path for r in f.related)) for f in found] == [("a.md", ["b.md", "c.md", "d.md"])]


def test_only_the_lead_dates_the_event_across_articles():
    text = "Fans gathered outside the studio.\n\nFlowers piled up.\n\nRadio stations played her songs.\n\n" + DIED.format("April 18") + "\n"
    assert not lint("date-disagreement", {**three("April 19"), "a.md": story(text)})
    text = "Fans gathered outside the studio.\n\nFlowers piled up.\n\n" + DIED.format("April 18") + "\n"
    assert [f.path for f in lint("date-disagreement", {**three("April 19"), "a.md": story(text)})] == ["a.md"]


def test_a_sentence_with_two_dates_or_a_hedge_dates_nothing():
    for sentence in (
        "The singer died on April 18, and was buried on April 19 in Nashville.",
        "The singer possibly died on April 18 at her home.",
        "The singer died on April 18, possibly at her home.",
    ):
        assert not lint("date-disagreement", {**three("April 19"), "a.md": story(sentence)}), sentence


@pytest.mark.parametrize("sentence", [
    "A previous crash on March 4 killed two.",
    "Cease-fire talks on March 4 were called off.",
    "Fire crews on March 4 were called to the plant.",
])
def test_a_reference_back_must_be_the_leads_event(sentence):
    assert not lint("date-disagreement", {"a.md": "The plane crashed on March 3 near the airport.\n\n" + sentence + "\n"})


@pytest.mark.parametrize(("second", "line"), [
    ("The crash on March 4 was caused by ice.", 3),
    ("Its crash on March 4 was caused by ice.", 3),
    ("This crash on March 4 was caused by ice.", 3),
    ("The crash on March 10 was caused by ice.", None),  # 7 days: another crash
    ("The crash on March 3 was caused by ice.", None),
    ("The crash on Tuesday was caused by ice.", None),  # relative: never against the lead
])
def test_within_an_article_the_reference_back_to_the_leads_event(second, line):
    found = lint("date-disagreement", {"a.md": "The plane crashed on March 3 near the airport.\n\n" + second + "\n"})
    assert [f.location.line for f in found] == ([line] if line else [])
    if line:
        assert found[0].message == "Dates the crash March 4, but the article dates it March 3 before"
        assert [r.message for r in found[0].related] == ["dated March 3 here"]


def test_within_an_article_a_third_date_of_the_event_leaves_it_undecided():
    text = "The plane crashed on March 3 near the airport.\n\nThe crash on March 4 was caused by ice.\n\nThe crash on March 5 closed the runway.\n"
    assert not lint("date-disagreement", {"a.md": text})


def test_a_timeline_entry_is_compared_with_the_first_post_below_it_only():
    entry = "March 14, 2018: The officer posts a warning.\n\n— Jane Doe (@janedoe) March 14, 2018\n\n— Jo Roe (@joroe) March 15, 2018\n"
    assert not lint("date-disagreement", {"a.md": entry})
    no_year = "March 14 — The officer posts a warning.\n\n— Jane Doe (@janedoe) March 15, 2018\n"
    [found] = lint("date-disagreement", {"a.md": no_year})
    assert (found.location.line, found.location.column) == (1, 1)
    assert found.message == "Dates the timeline entry March 14, but the post below it is dated March 15, 2018"
    assert [r.message for r in found.related] == ["the post is dated March 15, 2018"]
    far = "March 4, 2018: The officer posts a warning.\n\n— Jane Doe (@janedoe) March 15, 2018\n"
    assert not lint("date-disagreement", {"a.md": far})
    plain = "March 14, 2018: The officer posts a warning.\n\nJane Doe posted on March 15, 2018.\n"
    assert not lint("date-disagreement", {"a.md": plain})


def test_a_rule_naming_an_unknown_event_class_is_an_error_at_its_line(tmp_path):
    from conftest import house_rule_error

    message, line = house_rule_error(tmp_path, "dates", "finding: disagreement\nevents: [death, wedding]\n")
    assert (message, line) == ("rule 'house-rule': unknown event classes ['wedding'] (see factlint/data/events.yaml)", 8)


def test_every_weekday_with_a_date_is_checked_past_ones_that_are_not():
    text = "The council met on Monday and on Wednesday, January 7, 2026, and again on Monday, January 13, 2026."
    found = lint("weekday-mismatch", {"a.md": text + "\n"})
    assert [f.message for f in found] == ["'Monday, January 13, 2026': January 13, 2026 is a Tuesday, not a Monday"]
    for before in ("The Sun, Jan. 5, 2026, reported that", "On Tuesday, Sepember 9, 2025, and"):  # a newspaper, a misspelt month
        found = lint("weekday-mismatch", {"a.md": f"{before} the council met on Monday, January 13, 2026.\n"})
        assert [f.location.column for f in found] == [len(before) + 21], before


def test_after_the_a_short_weekday_up_to_four_letters_is_a_title_not_a_day():
    assert readings("sold at the Tues, Jan. 7, 2026, market") == []
    assert readings("sold at the Thurs, Jan. 7, 2026, market") == [("Thurs, Jan. 7, 2026", 3, (dt.date(2026, 1, 7),))]


def rest(of: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in of.items() if k != "a.md"}


def test_a_weekday_and_punctuation_before_the_date_make_it_a_dateline():
    assert not lint("date-disagreement", {"a.md": story("Friday, April 18, 2025, the singer died at her home."), **rest(three("April 19"))})
    assert [f.path for f in lint("date-disagreement", {"a.md": story("At noon, April 18, 2025, the singer died at her home."), **rest(three("April 19"))})] == ["a.md"]


def test_a_dateline_is_told_by_its_place_in_the_sentence_not_in_the_article():
    lead = "Fans gathered outside the studio on Saturday to lay flowers and to sing her songs.\n\n"
    assert not lint("date-disagreement", {"a.md": story(lead + "NASHVILLE, April 18 AP The singer died at her home."), **rest(three("April 19"))})


def test_a_date_followed_by_a_capital_is_a_dateline_only_in_the_first_60_characters():
    prefix = "After a career of five decades in music, the singer died on "
    assert len(prefix) == 60
    found = lint("date-disagreement", {"a.md": story(prefix + "April 18 (local time) at her home."), **rest(three("April 19"))})
    assert [f.path for f in found] == ["a.md"]
    shorter = prefix.replace("five decades", "decades")
    assert not lint("date-disagreement", {"a.md": story(shorter + "April 18 (local time) at her home."), **rest(three("April 19"))})


def test_after_a_dateline_the_sentences_own_date_still_counts():
    found = lint("date-disagreement", {"a.md": story("NASHVILLE, April 19 AP The singer died on April 18 at her home."), **rest(three("April 19"))})
    assert [f.path for f in found] == ["a.md"]


def test_articles_filed_with_a_time_are_compared_by_their_day():
    def filed(first: str) -> dict[str, str]:
        return {
            "a.md": story(DIED.format("April 18"), date=first),
            "b.md": story(DIED.format("April 19"), date="2025-04-20 09:00:00"),
            "c.md": story(DIED.format("April 19"), date="2025-04-20 09:00:00"),
        }

    assert [f.path for f in lint("date-disagreement", filed("2025-04-27 23:00:00"))] == ["a.md"]
    assert not lint("date-disagreement", filed("2025-04-28 08:00:00"))


def test_dates_across_a_new_year_are_compared_by_their_years():
    assert [f.path for f in lint("date-disagreement", three("December 31, 2024", others="January 1, 2025"))] == ["a.md"]
    # no year written: the articles' dates give it
    found = lint("date-disagreement", three("December 31", "2025-01-02", others="January 1", others_date="2025-01-02"))
    assert [f.path for f in found] == ["a.md"]


def test_the_first_and_last_days_of_a_month_are_dates():
    assert [f.path for f in lint("date-disagreement", three("April 1", others="March 31"))] == ["a.md"]
    assert [f.path for f in lint("date-disagreement", three("March 31", others="April 1"))] == ["a.md"]


def test_a_misspelt_month_or_an_impossible_day_is_no_date_and_the_sentences_other_date_counts():
    assert not lint("date-disagreement", three("Sepember 18", others="September 19"))
    found = lint("date-disagreement", {"a.md": story("Fans recalled her Sepember 9 show, and the singer died on April 18 at her home."), **rest(three("April 19"))})
    assert [f.path for f in found] == ["a.md"]
    text = "The plane crashed on March 3 near the airport.\n\nThe crash on March 4 was caused by ice.\n\nThe crash on March 32 closed the runway.\n"
    assert [f.location.line for f in lint("date-disagreement", {"a.md": text})] == [3]


def test_an_event_is_dated_by_the_clause_the_date_stands_in():
    # a clause break before the date and one after it bound the clause: no hedge beyond them counts
    text = "Fans gathered outside; the singer died on April 18 — at home. A memorial may follow."
    assert [f.path for f in lint("date-disagreement", {"a.md": story(text), **rest(three("April 19"))})] == ["a.md"]
    # the clause ends with its sentence: a hedge in the next sentence does not reach it
    text = "The singer died on April 18 at her home. Her family may hold a memorial; details are private."
    assert [f.path for f in lint("date-disagreement", {"a.md": story(text), **rest(three("April 19"))})] == ["a.md"]
    # a date in parentheses is a clause of its own
    assert not lint("date-disagreement", {"a.md": story("The singer died (April 18) at her home."), **rest(three("April 19"))})


def test_a_relative_day_in_the_next_sentence_is_not_this_sentences_date():
    text = "The singer died on April 18 at her home. Fans gathered on Sunday."
    found = lint("date-disagreement", {"a.md": story(text, date="2025-04-21"), **rest(three("April 19"))})
    assert [f.path for f in found] == ["a.md"]


def test_a_relative_day_across_a_new_year_keeps_its_year():
    found = lint("date-disagreement", three("yesterday", "2025-01-01", QUAKE, others="on January 1", others_date="2025-01-02"))
    assert [f.path for f in found] == ["a.md"]


def test_an_impossible_day_with_the_articles_date_is_read_without_a_year():
    assert not lint("date-disagreement", {"a.md": story(DIED.format("February 30"), date="2025-03-01"), **rest(three("March 1"))})
