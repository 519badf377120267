"""factlint.calendar: the month and weekday names every date pattern is built from."""

from __future__ import annotations

import re

import pytest

from test_quotes_dates import lint

from factlint import calendar
from factlint.kinds.dates import MONTHS


def test_every_abbreviation_starts_its_own_month_so_a_short_pattern_reads_the_full_name():
    for forms in calendar.MONTH_FORMS:
        assert all(forms[0].startswith(short) for short in forms[1:]), forms
    short = re.compile(r"(?:" + "|".join(calendar.MONTHS_SHORT) + r")[a-z]*\.?\Z")
    assert all(short.match(word) for word in (*calendar.MONTHS, *calendar.MONTH_ABBREVIATIONS, "Sept."))
    assert not short.match("Monday")


def test_the_derived_lists_keep_month_order_and_may_is_never_shortened():
    assert len(calendar.MONTHS) == 12 and calendar.MONTHS[4] == "May"
    assert "May" not in calendar.MONTH_ABBREVIATIONS and "May" in calendar.MONTHS_SHORT
    assert calendar.MONTH_ABBREVIATIONS.index("Sept") == calendar.MONTH_ABBREVIATIONS.index("Sep") + 1
    assert calendar.DOT_REQUIRED <= set(calendar.MONTH_ABBREVIATIONS)
    assert calendar.lowered(calendar.WEEKDAYS, ("May",)) == {*"monday tuesday wednesday thursday friday saturday sunday may".split()}


@pytest.mark.parametrize(("word", "number"), [("january", 1), ("jan", 1), ("may", 5), ("sep", 9), ("sept", 9), ("december", 12)])
def test_each_form_names_its_month_number(word, number):
    assert MONTHS[word] == number


def test_a_misspelt_month_in_a_timeline_is_no_date_and_no_internal_error():
    # The hand-written pattern read "sept?(?:ember)?", so also "Sepember", which had no month number.
    entry = "Sepember 14 - The officer posts a warning.\n\n— Jane Doe (@janedoe) March 15, 2018\n"
    assert lint("date-disagreement", {"a.md": entry}) == []
    entry = "Sept. 14 - The officer posts a warning.\n\n— Jane Doe (@janedoe) September 18, 2018\n"
    assert len(lint("date-disagreement", {"a.md": entry})) == 1
