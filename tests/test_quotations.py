"""Quotation marks paired as a reader pairs them, and the quotations other kinds read.

factlint/quotations.py is the one place marks are paired; the attribution
kind reads its quotations from there, and quotations(doc) hands them, with
their speakers, to any kind that checks quotes.
"""

from __future__ import annotations

import pytest

from factlint.document import parse_document
from factlint.kinds.attribution import load_lexicon, quotations
from factlint.quotations import pair_quotations


def _pairs(text: str, open_before: bool = False) -> tuple[list[str], bool, bool]:
    quotes, still_open, readable = pair_quotations(text, 0, len(text), open_before)
    return [text[q.start : q.end] for q in quotes], still_open, readable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # curly opened, straight closed, and back: the shape of scraped copy
        ('“Either our belief is correct," Musk said, "or we are wrong.”', ['“Either our belief is correct,"', '"or we are wrong.”']),
        # straight marks with a stray space inside
        ('"We are being aggressive, " he added. "Really aggressive. "', ['"We are being aggressive, "', '"Really aggressive. "']),
        # two apostrophes, the Penn Treebank's backquotes, the Boston Globe's closing pair
        ("He said ''hello there'' and left.", ["''hello there''"]),
        ("Rix said that `` alas , it is a tragedy '' and left .", ["`` alas , it is a tragedy ''"]),
        ("A rebuke to “2012,’’ a movie that ends the world.", ["“2012,’’"]),
        # single marks outside double ones, not apostrophes
        ("The family is known as the ‘Australasian robins’, and don’t forget it.", ["‘Australasian robins’"]),
        ("The family is described as the ` Australasian robins' .", ["` Australasian robins'"]),
    ],
)
def test_marks_pair_as_a_reader_pairs_them(text, expected):
    found, still_open, readable = _pairs(text)
    assert found == expected and readable and not still_open


def test_a_quotation_left_open_runs_on_into_the_next_paragraph():
    found, still_open, readable = _pairs('"With firearms it has shown it is a good thing. If you use them')
    assert found == ['"With firearms it has shown it is a good thing. If you use them'] and still_open and readable
    continued = '"You need enforcement, and it costs money."'
    quotes, _, _ = pair_quotations(continued, 0, len(continued), open_before=True)
    assert [q.continued for q in quotes] == [True]


def test_a_closing_mark_first_continues_a_quotation_begun_earlier():
    # (the old _curly_balanced allowed a stray closing mark only as the first mark: so does the pairing)
    found, _, readable = _pairs("and the second half of it,” Smith said.", open_before=True)
    assert found == ["and the second half of it,”"] and readable
    found, _, readable = _pairs("The problem is that they are full.” “He is presumed innocent.”")
    assert found == ["The problem is that they are full.”", "“He is presumed innocent.”"] and readable


@pytest.mark.parametrize(
    "text",
    [
        "He said “yes” and then ” no.",  # a closing mark, not the first, with nothing open
        "“Hello “there” he said.",  # an opening curly mark inside an open quotation
    ],
)
def test_marks_that_cannot_be_paired_give_no_quotation(text):
    found, _, readable = _pairs(text)
    assert found == [] and not readable


def test_a_paragraph_without_marks_is_read_quickly_and_readable():
    assert _pairs("No one is quoted here, it's plain.") == ([], False, True)


# ---------------------------------------------------------------------------
# quotations(doc): what the quotes kind (issue 18) reads
# ---------------------------------------------------------------------------


def _doc(text: str):
    return parse_document("a.txt", text.encode("utf-8"))


def test_quotations_give_each_quotation_its_speaker_name_and_span():
    text = (
        '“Either our belief is correct," Musk said, "or we are wrong.”\n\n'
        "Leaders of the so-called “Coalition of the Willing” met in Paris.\n\n"
        "The talks ended. “We will not achieve textbook diplomatic solutions.”\n"
    )
    doc = _doc(text)
    found = quotations(doc)
    assert [q.text for q in found] == [
        "Either our belief is correct,",
        "or we are wrong.",
        "Coalition of the Willing",
        "We will not achieve textbook diplomatic solutions.",
    ]
    musk = found[0].speaker
    assert musk is not None and musk.name == "Musk" and doc.text[musk.start : musk.end] == "Musk"
    assert found[1].speaker == musk  # the same tag credits both halves
    assert not found[2].speech and found[2].speaker is None  # a name in quotation marks
    assert found[3].speech and not found[3].credited and found[3].speaker is None
    assert all(doc.text[q.start : q.end].strip("“”\"") == q.text.strip() for q in found if q.speech)


def test_quotations_speakers_in_other_shapes():
    text = (
        "Jenkins says the plan failed.\n\n"
        "“It never worked, not once in ten years.”\n\n"
        "Fox News’s Sean Hannity:\n\n"
        "“I got this, Romney three points.”\n\n"
        "Woods told reporters about the case. “It was important to have somebody fair,” he added."
        " “Marilyn Mosby fit the bill completely.”\n"
    )
    speakers = [q.speaker.name if q.speaker else None for q in quotations(_doc(text))]
    assert speakers == ["Jenkins", "Fox News’s Sean Hannity", "he", "he"]


def test_quotations_come_from_the_analysis_the_rules_share():
    doc = _doc("“We will win this war together, all of us,” Zelenskyy said.\n")
    found = quotations(doc)
    assert quotations(doc) is found  # memoised on the document
    analysis = load_lexicon().analysis(doc)
    assert [(q.start, q.end) for q in analysis.quotes] == [(q.start, q.end) for q in found]
