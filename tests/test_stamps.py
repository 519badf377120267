"""The time stamp undated web copy carries at its head (factlint.stamps), read from the shapes the
ECB+ and multinews pages give it."""

from __future__ import annotations

from datetime import datetime

import pytest

from factlint.stamps import HEAD_CHARACTERS, head_stamp


@pytest.mark.parametrize(("head", "when", "written", "zoned"), [
    ("Three die in bank during Greek riots\n\nUpdated 5 / 5 / 2010 1:41 PM Riots over harsh new austerity measures "
     "left three bank workers dead.", datetime(2010, 5, 5, 13, 41), "5 / 5 / 2010 1:41 PM", False),
    ("Greek anti - austerity march erupts in violence, 3 dead\n\nWed May 5, 2010 7:12pm BST Three people, one of them "
     "a pregnant woman, were killed.", datetime(2010, 5, 5, 18, 12), "Wed May 5, 2010 7:12pm BST", True),
    # the later of two stamps: the version being read
    ("Memorial turned ugly. PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM\n\nUPDATED: TUESDAY, MARCH 12, 2013, 9:36 AM "
     "Anger over the death of a Brooklyn teenager fueled a riot.", datetime(2013, 3, 12, 9, 36),
     "TUESDAY, MARCH 12, 2013, 9:36 AM", False),
    ("Published on: Fri, 11 Nov 2011 at 09:56 IST New Delhi / Mumbai: An Indian warship foiled a piracy attempt.",
     datetime(2011, 11, 11, 4, 26), "Fri, 11 Nov 2011 at 09:56 IST", True),
    ("Despite saying they have been outbid. UPDATED 3:09 AM EST Dec 19, 2008 The Nationals made an offer.",
     datetime(2008, 12, 19, 8, 9), "3:09 AM EST Dec 19, 2008", True),
    # a clock before the date, at a line's start
    ("Waitrose fire: man charged\n9:53 AM, MON 22 JUL 2013 A man has been charged with arson.",
     datetime(2013, 7, 22, 9, 53), "9:53 AM, MON 22 JUL 2013", False),
    ("Ellen DeGeneres to host the Oscars\n8:13 AM PDT 8 / 2 / 2013 She will make her second turn as host.",
     datetime(2013, 8, 2, 15, 13), "8:13 AM PDT 8 / 2 / 2013", True),
    # day first when the first number cannot be a month; a date alone is midnight, untimed
    ("27 / 09 / 2013 - Turkmenistan holds parliamentary elections.", datetime(2013, 9, 27), "27 / 09 / 2013", False),
    ("Posted 11 / 27 / 2005 7:21 AM  Updated 11 / 27 / 2005 3:41 PM Strong quake hits Iran.",
     datetime(2005, 11, 27, 15, 41), "11 / 27 / 2005 3:41 PM", False),
])
def test_a_stamp_at_the_head_is_read(head: str, when: datetime, written: str, zoned: bool) -> None:
    stamp = head_stamp(head)
    assert (stamp.when, stamp.written, stamp.zoned) == (when, written, zoned)


def test_a_date_alone_is_not_timed() -> None:
    assert not head_stamp("Friday, November 11, 2011\n\nAnti Piracy Ops by INS Sukanya.").timed
    assert head_stamp("Wed May 5, 2010 7:12pm BST Three people died.").timed


@pytest.mark.parametrize("text", [
    # a date told in a sentence is the story's, not the page's
    "ATHENS (Reuters) - Police said on May 5, 2010, that 12 people were injured in the riots.",
    "The strike that began on March 11, 2013 spread to three more cities.",
    # a clock with no date
    "Updated 4:08 p.m. Lindsay Lohan has left the Betty Ford clinic.",
    # no such day
    "Updated 2 / 30 / 2010 1:41 PM Riots over harsh new austerity measures.",
    # beyond the head: in the body
    "Riots over austerity measures left three dead. " * (HEAD_CHARACTERS // 40) + "\nUpdated 5 / 5 / 2010 1:41 PM",
])
def test_no_stamp(text: str) -> None:
    assert head_stamp(text) is None


@pytest.mark.parametrize(("head", "when", "timed"), [
    # the two halves of the day at their edges, and a 24-hour clock
    ("Updated 5 / 5 / 2010 12:05 AM Riots.", datetime(2010, 5, 5, 0, 5), True),
    ("Updated 5 / 5 / 2010 12:30 PM Riots.", datetime(2010, 5, 5, 12, 30), True),
    ("Updated 5 / 5 / 2010 11:59 PM Riots.", datetime(2010, 5, 5, 23, 59), True),
    ("Updated 5 / 5 / 2010 23:10 Riots.", datetime(2010, 5, 5, 23, 10), True),
    ("Updated 5 / 5 / 2010 10:59 Riots.", datetime(2010, 5, 5, 10, 59), True),
    # no such time of day: the date alone stands, at midnight
    ("Updated 5 / 5 / 2010 24:10 Riots.", datetime(2010, 5, 5), False),
    ("Updated 5 / 5 / 2010 10:60 Riots.", datetime(2010, 5, 5), False),
    ("Updated 5 / 5 / 2010 13:10 PM Riots.", datetime(2010, 5, 5), False),
    # a two-digit year is this century's; month first up to 12, day first past it
    ("Posted 11 / 28 / 05 Strong quake hits Iran.", datetime(2005, 11, 28), False),
    ("Posted 11 / 28 / 97 Strong quake hits Iran.", datetime(1997, 11, 28), False),  # as the dates kind reads it
    ("Posted 12 / 5 / 2010 Riots.", datetime(2010, 12, 5), False),
    ("Posted 13 / 5 / 2010 Riots.", datetime(2010, 5, 13), False),
    # an opening that is no stamp, or no real day, does not end the search
    ("Updated 2 / 30 / 2010 1:41 PM\nUpdated 5 / 5 / 2010 1:41 PM Riots.", datetime(2010, 5, 5, 13, 41), True),
])
def test_a_stamps_clock_and_date_at_their_edges(head: str, when: datetime, timed: bool) -> None:
    stamp = head_stamp(head)
    assert (stamp.when, stamp.timed) == (when, timed)
