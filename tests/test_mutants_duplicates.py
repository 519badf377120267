"""The duplicates kind inside an article, at its edges: where an edited repeat starts,
what a repeated run takes in with it, and the words it compares (names, figures)."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest

from test_duplicates import FILLER_A, FILLER_B, LEDE, QUOTE, RATE, SECOND, THIRD, _rule, article, dated, findings, labelled

from factlint.kinds.duplicates import encode, filed_earlier
from factlint.linter import lint_sources
from factlint.ruleset import compile_rules

FIFTEEN = "Leaders of European countries met in Paris on Tuesday and agreed security guarantees for Kyiv."
FOURTEEN = "Leaders of European countries met in Paris on Tuesday and agreed guarantees for Kyiv."


def messages(text: str, **overrides) -> list[tuple[int, str]]:
    return [(f.location.line, f.message) for f in findings(text, **overrides)]


def test_an_edited_paragraph_of_min_edited_words_is_a_repeat_and_one_word_shorter_is_not():
    assert messages(article(FIFTEEN, THIRD, FIFTEEN.replace("agreed", "approved"))) == [
        (5, "Line 5 repeats line 1 of this article almost word for word (93% similar)"),
    ]
    assert messages(article(FOURTEEN, THIRD, FOURTEEN.replace("agreed", "approved"))) == []
    assert messages(article(FOURTEEN, THIRD, FOURTEEN.replace("agreed", "approved")), min_edited_words=14) == [
        (5, "Line 5 repeats line 1 of this article almost word for word (92% similar)"),
    ]


def test_an_edit_in_the_first_words_is_still_found():
    copy = FIFTEEN.replace("Leaders of", "Leaders from")  # a capitalised word changed would be another name
    assert messages(article(FIFTEEN, THIRD, copy)) == [(5, "Line 5 repeats line 1 of this article almost word for word (93% similar)")]


def test_an_exact_repeat_does_not_stop_the_search_for_later_edited_ones():
    edited = SECOND.replace("plans", "is planning")
    found = messages(article(LEDE, SECOND, "Officials were cautious on Wednesday.", LEDE, "Talks resume next week in Geneva.", edited))
    assert [line for line, _ in found] == [7, 11]
    assert re.fullmatch(r"Line 11 repeats line 3 of this article almost word for word \(\d+% similar\)", found[1][1])


def test_the_closest_of_many_earlier_paragraphs_is_found_in_a_long_article():
    paragraphs = [
        f"The {place} council said on {day} that its budget for {topic} would rise by {n} percent next year after a long review."
        for n, (place, day, topic) in enumerate(
            (p, d, t)
            for p in ("Lyon", "Porto", "Ghent", "Turin", "Malmo")
            for d, t in (("Monday", "roads"), ("Tuesday", "schools"), ("Friday", "parks"), ("Sunday", "housing"), ("Thursday", "transport"))
        )
    ]
    assert len(paragraphs) == 25
    target = paragraphs[22]
    copy = target.replace("after a long review", "after a review")
    found = findings(article(*paragraphs, copy))
    assert [(f.location.line, f.related[0].location.line) for f in found] == [(51, 45)]


def test_a_repeated_run_takes_in_a_short_block_only_when_it_repeats_it_exactly_and_of_the_same_kind():
    def lines(*blocks: str) -> list[tuple[int, int, int]]:
        return [(f.location.line, f.location.end_line, f.related[0].location.line) for f in findings(article(*blocks))]

    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "## The deal", SECOND) == [(9, 13, 1)]
    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "## The talks", SECOND) == [(9, 9, 1), (13, 13, 5)]
    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "The deal.", SECOND) == [(9, 9, 1), (13, 13, 5)]  # a paragraph
    # a short block after the last repeated paragraph is not part of the run
    assert lines(LEDE, "## The deal", SECOND, THIRD, LEDE, "## The deal") == [(9, 9, 1)]


def test_a_pull_quote_after_a_repeated_paragraph_is_not_part_of_the_repeat():
    found = findings(article(LEDE, SECOND, THIRD, LEDE, f"> {SECOND}"))
    assert [(f.location.line, f.location.end_line) for f in found] == [(7, 7)]


def test_a_repeated_paragraph_the_rule_excepts_ends_a_run():
    prices = "Prices rose by 3 percent in March, the statistics office said on Friday in Paris."
    text = article(LEDE, prices, THIRD, "Officials were cautious on Wednesday.", LEDE, prices.replace("Paris.", "Paris!"), THIRD)
    assert [(f.location.line, f.location.end_line) for f in findings(text)] == [(9, 13)]
    # the copy is excepted, its original is not: the run breaks there, and the paragraph after is a repeat of its own
    assert [(f.location.line, f.location.end_line) for f in findings(text, exceptions=[r"!\s*$"])] == [(9, 9), (13, 13)]


def test_names_figures_and_plain_words_are_told_apart():
    # a capitalised word mid-sentence is a name; first in a sentence a closed-class word is not
    assert encode("the mayor said").plain == encode("The mayor said").plain
    assert encode("said Rose").codes != encode("said rose").codes
    assert encode("said Rose").plain == encode("said rose").plain
    assert encode("It rose. It fell").codes == encode("it rose. it fell").codes
    assert encode("rose, It fell").codes != encode("rose, it fell").codes
    # figures written two ways are one word, and a figure is never a plain word
    assert encode("9,408 tonnes").codes == encode("9408 tonnes").codes
    assert encode("5 mln dlrs").codes == encode("5 million dollars").codes
    assert encode("1,2345").codes != encode("12345").codes
    assert all(ord(c) >= 0xE000 for c in encode("seven 7 March").codes)
    assert all(0x100 <= ord(c) < 0xD800 for c in encode("the talks of Paris").plain)
    # a name keeps its shape: a spelling fix changes the word, not the shape
    assert encode("said Reidgefield").shapes == encode("said Ridgefield").shapes
    assert encode("said Ridgefield").shapes != encode("said Springfield").shapes
    assert len(encode("said Paris and London on Monday").shapes) == 2  # a weekday is a figure: no name shape


# -- names: a respelling is an edit, another name is another story ------------------------------------

CENTER = "Officials at the Lincoln Center said on Tuesday that the concert hall would close for two weeks to repair its roof."
PHILIP = "Prince Philip opened the new wing of the hospital on Tuesday and thanked the nurses who had worked through the winter."


@pytest.mark.parametrize(
    ("first", "copy"),
    [
        (CENTER, CENTER.replace("Center", "Centre")),  # the vowels moved: same consonants, same order
        (PHILIP, PHILIP.replace("Philip", "Phillip")),  # a consonant doubled
    ],
    ids=["vowels-moved", "consonant-doubled"],
)
def test_a_name_respelled_in_a_short_repeat_is_still_a_repeat(first, copy):
    # under 30 words a copy may not put one other name in place of one of its own: these are respellings
    assert messages(article(first, THIRD, copy)) == [(5, "Line 5 repeats line 1 of this article almost word for word (95% similar)")]
    assert messages(article(first, THIRD, first.replace("Center", "Ridgefield").replace("Philip", "Charles"))) == []


# "mogami" is a word whose code is the first of the plain words' range (its CRC-32 is a multiple of their number)
MOGAMI = "Officials said the Mogami river burst its banks on Tuesday and flooded hundreds of homes in the valley below the dam."


def test_a_name_whose_code_opens_the_plain_range_is_still_a_name():
    assert encode("said Mogami").codes != encode("said mogami").codes
    assert encode("said Mogami").plain == encode("said mogami").plain
    # so a paragraph telling the same of another river is a parallel one, not an edited repeat
    assert messages(article(MOGAMI, THIRD, MOGAMI.replace("Mogami", "Tone"))) == []
    assert messages(article(MOGAMI, THIRD, MOGAMI.replace("Mogami", "Mogamy"))) == [
        (5, "Line 5 repeats line 1 of this article almost word for word (95% similar)")
    ]


# -- across articles: whether two articles sharing only a quotation tell one story ---------------------
# Without both front-matter labels, the names each article uses outside what they share decide: at least
# 5 in common, and that is 15% of the names of the one naming fewer, is one story (the quotation is the
# speaker's words: no finding); each naming 4 with none in common, 6 with one, 8 with two, is two stories
# (the quotation was lifted: a finding). Between the two, the folder's story grouping decides.

SURNAMES = [
    first + last
    for first in ("Bar", "Dal", "Ferm", "Gol", "Hask", "Kel", "Lund", "Morv", "Nor", "Pell")
    for last in ("berg", "dahl", "holm", "lund", "stad", "vik", "gard", "ness", "by", "sen", "strom", "feld")
]
# a quotation naming places: the two articles' story terms, not names they use outside it
NAMED_QUOTE = (
    '"We will not rest until every family in Tarnow, Krakow, Rzeszow, Przemysl and Sanok has a roof over its head '
    'before the winter comes, and we will rebuild the bridges and the schools the water took from us," the governor said.'
)


def _listing(names: list[str]) -> str:
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]


def _sharing_a_quotation(common: int, own: int, quote: str = QUOTE, label: str | None = "floods") -> list[str]:
    """Paths reported when a.md (labelled ``label``) and b.md (unlabelled) share only ``quote``, and
    each names ``common`` people in common and ``own`` of its own outside it (in another order, so that
    no two of them align in a row, and away from the quotation, so that they do not read as a template)."""
    shared, a_own, b_own = SURNAMES[:common], SURNAMES[40 : 40 + own], SURNAMES[80 : 80 + own]
    a_names = [n for pair in itertools.zip_longest(shared, a_own) for n in pair if n]
    b_names = [n for pair in itertools.zip_longest(b_own, shared[::-1]) for n in pair if n]
    first = [f"The people at the meeting were {_listing(a_names)}. Nobody expected floods so early.", quote]
    # b.md's first word is one of its names
    later = article(f"{_listing(b_names)} were among the volunteers on the boats. Most had worked several nights without sleep.", quote)
    texts = {"a.md": labelled(label, *first) if label else article(*first), "b.md": later}
    return [f.path for f in findings(texts, "reused-passage")]


def test_five_names_in_common_outside_a_shared_quotation_make_one_story():
    assert _sharing_a_quotation(common=5, own=0) == []
    assert _sharing_a_quotation(common=4, own=0) == ["b.md"]  # the grouping (one labelled, one not) says two


def test_the_names_in_common_must_be_15_percent_of_the_fewer():
    assert _sharing_a_quotation(common=6, own=34) == []  # 6 of 40
    assert _sharing_a_quotation(common=5, own=35) == ["b.md"]  # 5 of 40


def test_articles_naming_enough_others_outside_a_shared_quotation_are_two_stories():
    # the quotation's place names put both in one story of the folder's grouping: that decides below the bars
    assert _sharing_a_quotation(common=0, own=3, quote=NAMED_QUOTE, label=None) == []  # 3 names each, none in common
    assert _sharing_a_quotation(common=0, own=4, quote=NAMED_QUOTE, label=None) == ["b.md"]  # 4 names each
    assert _sharing_a_quotation(common=1, own=4, quote=NAMED_QUOTE, label=None) == []  # 5 names, 1 in common
    assert _sharing_a_quotation(common=1, own=5, quote=NAMED_QUOTE, label=None) == ["b.md"]  # 6 names, 1 in common


# -- across articles: what a finding says (a newsroom's message may show every placeholder) -------------

PLACEHOLDERS = "{what} | {extent} | {share} | {similarity} | {source} | {origin} | {how}"
RAISED = "The central bank raised its lending rate by half a point on Thursday, its third increase this year."
EXPECTED = "Economists had expected a smaller move after inflation in food and energy prices eased in the spring."


def reported(texts: dict[str, str], **overrides) -> list:
    """Findings of reused-passage on a folder, its message showing every placeholder."""
    rule = dataclasses.replace(_rule("reused-passage", **overrides), message=PLACEHOLDERS)
    report = lint_sources([(name, text.encode("utf-8")) for name, text in sorted(texts.items())], compile_rules([rule]))
    assert not report.errors, [str(e) for e in report.errors]
    return report.findings


def _where(finding) -> tuple:
    location = finding.location
    return location.path, location.line, location.column, location.end_line, location.end_column


def _share(passage: str, *paragraphs: str) -> str:
    """How much of an article (its paragraphs) a passage is, as the message rounds it."""
    return f"{round(100 * len(encode(passage).codes) / sum(len(encode(p).codes) for p in paragraphs))}%"


def test_a_passage_ending_a_paragraph_it_does_not_start_is_counted_in_sentences():
    opening = "Markets rose on Wednesday. "
    later = (opening + f"{RAISED} {EXPECTED}", FILLER_B[0])
    texts = {"a.md": dated("2024-03-01", FILLER_A[0], f"{RAISED} {EXPECTED} Officials were cautious."), "b.md": dated("2024-03-02", *later)}
    (finding,) = reported(texts)
    share = _share(f"{RAISED} {EXPECTED}", *later)
    assert finding.message == f"2 sentences, {share} of this article | 2 sentences | {share} | 100% | a.md | a.md, filed 1 day earlier | word for word"
    assert _where(finding) == ("b.md", 4, len(opening) + 1, 4, len(later[0]))
    assert finding.excerpt == RAISED[:37] + "..."  # how its first sentence starts
    assert _where(finding.related[0]) == ("a.md", 6, 1, 6, len(f"{RAISED} {EXPECTED}"))


def test_a_passage_over_the_end_of_one_paragraph_and_the_start_of_the_next():
    later = (f"Markets rose on Wednesday. {RAISED}", f"{EXPECTED} Talks resume next week.", FILLER_B[0])
    texts = {"a.md": dated("2024-03-01", FILLER_A[0], f"{RAISED} {EXPECTED} Officials were cautious."), "b.md": dated("2024-03-02", *later)}
    (finding,) = reported(texts)
    assert finding.message.startswith("2 sentences in 2 paragraphs, ")
    assert finding.message.split(" | ")[1] == "2 sentences in 2 paragraphs"
    assert _where(finding) == ("b.md", 4, len("Markets rose on Wednesday. ") + 1, 6, len(EXPECTED))


def test_a_passage_of_whole_paragraphs_starting_with_a_short_one():
    short = "They cited Malcolm X."  # the excerpt is a sentence shorter than 40 characters: "..." shows more follows
    texts = {
        "a.md": dated("2024-03-01", FILLER_A[0], short, f"{RAISED} {EXPECTED}"),
        "b.md": dated("2024-03-02", short, f"{RAISED} {EXPECTED}", FILLER_B[0]),
    }
    (finding,) = reported(texts)
    assert finding.message.split(" | ")[1] == "2 paragraphs"
    assert finding.excerpt == "They cited Malcolm X..."
    assert _where(finding)[1:] == (4, 1, 6, len(f"{RAISED} {EXPECTED}"))


def test_a_whole_article_repeated_says_so_over_its_paragraphs():
    paragraphs = (FILLER_A[0], RAISED, FILLER_A[1])
    texts = {"a.md": dated("2024-03-01", *paragraphs), "b.md": dated("2024-03-02", *paragraphs)}
    (finding,) = reported(texts)
    assert finding.message == "The whole article | 3 paragraphs | 100% | 100% | a.md | a.md, filed 1 day earlier | word for word"
    assert _where(finding) == ("b.md", 4, 1, 8, len(FILLER_A[1]))
    assert _where(finding.related[0]) == ("a.md", 4, 1, 8, len(FILLER_A[1]))
    assert finding.related[0].message == "earlier copy of the article"


# 25 words: exactly reused-passage's min_words
DAM = "Engineers said the dam above the town had held through the night although the water rose higher than at any time since the records began."


@pytest.mark.parametrize(("a_quotes", "b_quotes", "after"), [(0, 0, ""), (2, 0, ""), (0, 2, ""), (2, 2, ""), (1, 1, "both")])
def test_quotations_elsewhere_take_nothing_from_a_shared_passage_within_a_story(a_quotes, b_quotes, after):
    """Within a story only quoted words of a shared stretch are left out: none here, however many
    quotations the two articles have before it (or after it)."""
    assert len(encode(DAM).codes) == 25
    said_a = ['"We are ready," the mayor told reporters.', '"It will pass," she added.'][:a_quotes]
    said_b = ['"Nobody slept," a neighbour said.', '"We stay," he added.'][:b_quotes]
    then_a, then_b = (' "Never again," the mayor said.', ' "Thank you," a farmer wrote.') if after else ("", "")
    texts = {
        "a.md": labelled("floods", " ".join([FILLER_A[0], *said_a]), DAM, FILLER_A[3] + then_a),
        "b.md": labelled("floods", " ".join([FILLER_B[0], *said_b]), DAM, FILLER_B[2] + then_b),
    }
    (finding,) = findings(texts, "reused-passage")
    assert (finding.path, finding.location.line, finding.related[0].location.line) == ("b.md", 6, 6)
    assert finding.message.endswith("also in a.md, word for word")


def test_the_share_of_an_edited_passage_counts_the_copys_words():
    copy = f"{RAISED.replace('half a point', 'half a percentage point')} {EXPECTED}"  # one word added
    later = (f"Markets rose on Wednesday. {copy}", FILLER_B[0])
    texts = {"a.md": dated("2024-03-01", FILLER_A[0], f"{RAISED} {EXPECTED} Officials were cautious."), "b.md": dated("2024-03-02", *later)}
    (finding,) = reported(texts)
    share = _share(copy, *later)  # 36 words of 58: 62% (the 35 words the two have in common would be 60%)
    assert finding.message == (
        f"2 sentences, {share} of this article | 2 sentences | {share} | 98% | a.md | a.md, filed 1 day earlier | almost word for word (98% similar)"
    )


def test_an_article_that_is_all_one_passage_of_a_longer_one_is_the_whole_article():
    texts = {
        "a.md": dated("2024-03-01", FILLER_A[0], f"{RAISED} {EXPECTED}", FILLER_A[1]),
        "b.md": dated("2024-03-02", f"{RAISED} {EXPECTED}"),
    }
    (finding,) = findings(texts, "reused-passage")
    assert finding.message == "The whole article, also in a.md, filed 1 day earlier, word for word"
    assert (finding.related[0].location.line, finding.related[0].message) == (6, "earlier copy of the passage (line 6)")


def test_within_a_story_sentences_are_compared_without_what_they_quote():
    def pair(story: str) -> dict[str, str]:
        return {
            "a.md": labelled(
                "floods", f'{FILLER_A[0]} "Stay indoors," the police said.', DAM[:-1] + ', and "we are ready for more," the mayor said.',
                f'{FILLER_A[3]} "Never again," she added.',
            ),
            "b.md": labelled(
                story, f'{FILLER_B[0]} "Keep away from the river," a guard said.', DAM[:-1] + ', and "nobody here slept at all," the mayor said.',
                f'{FILLER_B[2]} "We stay," he added.',
            ),
        }

    (finding,) = findings(pair("floods"), "reused-passage")
    assert finding.message.endswith("also in a.md, word for word")
    (finding,) = findings(pair("sport"), "reused-passage")  # in another story the quotation is words like any other
    assert finding.message.endswith("also in a.md, almost word for word (85% similar)")


# a 26-word stretch (reused-passage's min_words is 25) inside two sentences of some 70 words
STRETCH = (
    "the central bank raised its lending rate by half a point on Thursday, its third increase this year, "
    "citing stubborn inflation in food and energy prices"
)


def test_a_stretch_that_is_less_than_half_of_each_sentence_is_not_reuse():
    """Two long sentences that share a stretch are two sentences (the stretch is no sentence's most)."""
    first = (
        "Farmers in the north, who had waited for months for news from the capital about credit for seed and fuel, "
        f"heard on the radio that {STRETCH}, and they said the decision would make the coming season harder for every "
        "family that had borrowed to plant."
    )
    later = (
        "Shop owners across the south, many of them still paying off loans taken during the pandemic and the long "
        f"closures that followed it, learned that {STRETCH}, which several of them said would force them to close "
        "their doors before the end of the year."
    )
    assert len(encode(STRETCH).codes) * 2 < min(len(encode(first).codes), len(encode(later).codes))
    assert findings({"a.md": dated("2024-03-01", first), "b.md": dated("2024-03-02", later)}, "reused-passage") == []
    # the same stretch as most of a sentence is reuse, in part
    (finding,) = findings({"a.md": dated("2024-03-01", first), "b.md": dated("2024-03-02", f"Then {STRETCH}.")}, "reused-passage")
    assert "in part (a stretch of 26 words" in finding.message


def test_similar_says_how_alike_two_passages_are_or_none():
    from factlint.kinds.duplicates import DuplicatesCheck

    check = DuplicatesCheck(_rule("duplicate-passage"))
    check.compile()
    assert check.similar(encode(LEDE), encode(LEDE.upper())) == 1.0
    assert check.similar(encode(LEDE), encode(LEDE.replace("agreed", "approved"))) == pytest.approx(1 - 2 / 36)
    assert check.similar(encode(LEDE), encode(SECOND)) is None
    assert check.similar(encode(FOURTEEN), encode(FOURTEEN.replace("agreed", "approved"))) is None  # under min_edited_words


def test_a_sentence_half_inside_a_reused_stretch_belongs_to_the_passage():
    # the copy's first sentence shares its last 6 words of 12 ("bonds as the figures came in") with the source's
    before, source_before = "Most traders in the city sold bonds as the figures came in.", "A few pension funds kept buying bonds as the figures came in."
    texts = {
        "a.md": dated("2024-03-01", FILLER_A[0], f"{source_before} {RATE}", FILLER_A[3]),
        "b.md": dated("2024-03-02", FILLER_B[0], f"{before} {RATE}", FILLER_B[2]),
    }
    (finding,) = findings(texts, "reused-passage")
    assert (finding.location.line, finding.location.column) == (6, 1)
    assert (finding.related[0].location.line, finding.related[0].location.column) == (6, 1)
    # both sentences: 6 + 26 words of 12 + 26 on each side
    assert re.fullmatch(r"1 paragraph, \d+% of this article, also in a\.md, filed 1 day earlier, almost word for word \(84% similar\)", finding.message)


def test_a_reused_passage_may_respell_a_name_but_not_put_another_in_its_place():
    council = (
        "The Reidgefield council said on Tuesday that its budget for roads and schools would rise by four percent "
        "next year after a long review of the town's finances by Mayor Hollis."
    )

    def reused(copy: str) -> list[str]:
        texts = {"a.md": dated("2024-03-01", FILLER_A[0], council, FILLER_A[3]), "b.md": dated("2024-03-02", FILLER_B[0], copy, FILLER_B[2])}
        return [f.message for f in findings(texts, "reused-passage")]

    assert reused(council.replace("Reidgefield", "Ridgefield")) == [
        f"1 paragraph, {_share(council, FILLER_B[0], council, FILLER_B[2])} of this article, also in a.md, filed 1 day earlier, "
        "almost word for word (96% similar)"
    ]
    assert reused(council.replace("Hollis", "Holis")) == [  # the passage's last name
        f"1 paragraph, {_share(council, FILLER_B[0], council, FILLER_B[2])} of this article, also in a.md, filed 1 day earlier, "
        "almost word for word (96% similar)"
    ]
    assert reused(council.replace("Reidgefield", "Springfield")) == []  # another town's budget told alike


@pytest.mark.parametrize(
    ("earlier", "later", "said"),
    [
        # a time of day counts only when both dates give one: else whole days
        ("2024-03-01", "2024-03-01T09:30:00", "filed the same day"),
        ("2024-03-01T23:00:00", "2024-03-02", "filed 1 day earlier"),
        ("20240301T08", "20240301T11", "filed 3 hours earlier"),  # the basic ISO form: 11 characters
        # at the units' boundaries
        ("2024-03-01T08:00:00", "2024-03-02T08:00:00", "filed 1 day earlier"),
        ("2024-03-01T08:00:00", "2024-03-02T07:59:59", "filed 23 hours earlier"),
        ("2024-03-01T08:00:00", "2024-03-01T09:00:00", "filed 1 hour earlier"),
        ("2024-03-01T08:00:00", "2024-03-01T08:59:59", "filed 59 minutes earlier"),
        ("2024-03-01T08:00:00", "2024-03-01T08:01:00", "filed 1 minute earlier"),
        ("2024-03-01T08:00:00", "2024-03-01T08:00:59", "filed at the same time"),
        ("1700-01-01", "2024-03-01", "filed 118398 days earlier"),  # centuries of days, counted exactly
        ("2024-03-02", "2024-03-01", ""),  # the "earlier" one is later: nothing to say
        ("2024-03-01", "", ""),
    ],
)
def test_filed_earlier_at_its_boundaries(earlier, later, said):
    assert filed_earlier(earlier, later) == said


# two paragraphs under min_words each (17 and 18 words), that a re-sent story puts the other way round
RESCUE = "Rescue teams worked through the night to reach villages cut off by the landslide above the valley."
DAM_WARNING = "Engineers warned that the dam could not hold much longer if the heavy rain kept falling all week."


@pytest.mark.parametrize(
    ("between", "found"),
    [((), True), (("Nobody slept until dawn.",), True), (("Nobody there slept until dawn.",), False), ((FILLER_B[2],), False)],
    ids=["next", "4-words-apart", "5-words-apart", "a-paragraph-apart"],
)
def test_stretches_the_copy_runs_on_from_one_to_the_next_are_one_passage(between, found):
    """The copy takes two paragraphs of its source in another order: each is too short to report, together
    they are a passage, when at most max_gap (4) words apart in the copy."""
    source = dated("2024-03-01", FILLER_A[0], DAM_WARNING, FILLER_A[1], RESCUE, FILLER_A[2])
    copy = dated("2024-03-02", FILLER_B[0], RESCUE, *between, DAM_WARNING, FILLER_B[1])
    reported = findings({"a.md": source, "b.md": copy}, "reused-passage")
    assert [(f.location.line, f.location.end_line, f.related[0].location.line, f.related[0].location.end_line) for f in reported] == (
        [(6, 8 + 2 * len(between), 6, 10)] if found else []
    )
    if found:  # the source's sentences they run through (the paragraph between too) are far less alike
        assert re.search(r"in part \(a stretch of \d+ words; the sentences are \d+% similar\)$", reported[0].message)


# -- aligned_regions: the stretches where one code string follows another (each letter one word) --------


def _aligned(a: str, b: str, max_gap: int = 4, *offsets: int) -> list[tuple[int, int, int, int, int]]:
    from factlint.kinds.duplicates import aligned_regions

    return [(r.a_start, r.a_end, r.b_start, r.b_end, r.matched) for r in aligned_regions(a, b, max_gap, *offsets)]


def test_aligned_regions_allow_gaps_of_max_gap_words_on_either_side():
    assert _aligned("abcdefghij", "abcdefghij") == [(0, 10, 0, 10, 10)]
    assert _aligned("abcdefghijklmnop", "abcdefWXYZghijklmnop") == [(0, 16, 0, 20, 16)]  # 4 words added
    assert _aligned("abcdefghijklmnop", "abcdefVWXYZghijklmnop") == [(0, 6, 0, 6, 6), (6, 16, 11, 21, 10)]  # 5
    assert _aligned("abcdefWXYZghijklmnop", "abcdefghijklmnop") == [(0, 20, 0, 16, 16)]  # 4 words dropped
    assert _aligned("abcdefVWXYZghijklmnop", "abcdefghijklmnop") == [(0, 6, 0, 6, 6), (11, 21, 6, 16, 10)]  # 5
    assert _aligned("abcdefghijklmnop", "abcdefWXYZghijklmnop", 3) == [(0, 6, 0, 6, 6), (6, 16, 10, 20, 10)]


def test_aligned_regions_are_placed_by_the_offsets_of_the_windows():
    assert _aligned("abcdefghij", "abcdefghij", 4, 0, 100) == [(0, 10, 100, 110, 10)]
    assert _aligned("abcdefghijklmnop", "abcdefWXYZghijklmnop", 4, 100, 0) == [(100, 116, 0, 20, 16)]
    assert _aligned("abcdefghijklmnop", "abcdefWXYZghijklmnop", 4, 0, 100) == [(0, 16, 100, 120, 16)]


def test_aligned_regions_drop_runs_of_fewer_than_three_words_at_their_edges():
    assert _aligned("abXYcdefghijkl", "abcdefghijkl") == [(4, 14, 2, 12, 10)]  # "ab" then a gap
    assert _aligned("abcXYdefghijkl", "abcdefghijkl") == [(0, 14, 0, 12, 12)]  # "abc" stays
    assert _aligned("abcdefghijXYklmZWno", "abcdefghijklmno") == [(0, 15, 0, 13, 13)]  # "no" goes, "klm" stays
    assert _aligned("abcdefghijXYkl", "abcdefghijkl") == [(0, 10, 0, 10, 10)]


def test_aligned_regions_take_back_an_equal_word_beside_them():
    # the aligner pairs the copy's first "b" with the source's, then "X b" is a gap and "b" an edge run of one:
    # dropped, the region takes the source's "b" back with the copy's second one
    assert _aligned("bcdefghij", "bXbcdefghij") == [(0, 9, 2, 11, 9)]
    assert _aligned("bcdefghij", "bXbcdefghij", 4, 10, 20) == [(10, 19, 22, 31, 9)]
    # and at its end: the aligner pairs the source's last "j" with the copy's, so "g h" and "j" are runs apart
    assert _aligned("abcdefghjkj", "iabcdefghj") == [(0, 9, 1, 10, 9)]
    assert _aligned("abcdefghjkj", "iabcdefghj", 4, 10, 20) == [(10, 19, 21, 30, 9)]
    # but never past the start of either window (the last word of the other is no word beside it)
    assert _aligned("abcdefghz", "zabcdefgh") == [(0, 8, 1, 9, 8)]
    assert _aligned("zabcdefgh", "abcdefghz") == [(1, 9, 0, 8, 8)]


def test_seed_boxes_join_seeds_on_nearby_diagonals_and_pad_them():
    from factlint.kinds.duplicates import seed_boxes

    def boxes(*seeds: tuple[int, int], a_length: int = 200, b_length: int = 200) -> list[tuple[int, int, int, int]]:
        return seed_boxes(list(seeds), 5, 5, a_length, b_length)  # pad 5, shingles of 5 words

    # (place in b, place in a): a box is (a start, a end, b start, b end), padded by 5 beyond the shingles
    assert boxes((10, 50), (20, 60)) == [(45, 70, 5, 30)]  # 10 apart in b: at most 2 x pad
    assert boxes((20, 60), (10, 50)) == [(45, 70, 5, 30)]  # in any order
    assert boxes((10, 50), (21, 61)) == [(45, 60, 5, 20), (56, 71, 16, 31)]  # 11 apart
    assert boxes((10, 50), (100, 140)) == [(45, 60, 5, 20), (135, 150, 95, 110)]  # same diagonal, far apart
    assert boxes((10, 50), (20, 65)) == [(45, 75, 5, 30)]  # diagonals 5 apart: at most pad
    assert boxes((10, 50), (20, 66)) == [(45, 60, 5, 20), (61, 76, 15, 30)]  # 6 apart
    assert boxes((10, 50), (13, 49)) == [(44, 60, 5, 23)]  # the chain's lowest and highest place in a
    assert boxes((2, 1), a_length=8, b_length=9) == [(0, 8, 0, 9)]  # boxes end at the texts' ends


# Sentences of 28-29 words sharing which of their 5-word shingles are sampled (those whose CRC is 0 modulo 4):
# a reused passage must hold two of them (MIN_SHARED), wherever they stand.
SAMPLED = {
    "one": "The regional council voted on Monday to shut three village schools and to carry their pupils by coach to larger schools in the nearest towns from the autumn.",
    "two": "The regional council agreed on Monday to shut three village schools and to carry their pupils by coach to larger schools in the nearest towns from the autumn.",
    "first-word": "The county board voted late on Monday to merge three small schools and to carry their pupils by coach to larger schools in the nearest towns from the autumn.",
}


@pytest.mark.parametrize(("kind", "places", "found"), [("one", [19], False), ("two", [3, 19], True), ("first-word", [0, 20], True)])
def test_a_reused_sentence_must_hold_two_sampled_shingles(kind, places, found):
    from factlint.kinds.duplicates import DuplicatesCheck, shingle_fingerprints

    sentence = SAMPLED[kind]
    assert sorted(shingle_fingerprints(encode(sentence).plain, DuplicatesCheck.SHINGLE_WORDS, DuplicatesCheck.SAMPLE_ONE_IN)) == places
    texts = {"a.md": dated("2024-03-01", FILLER_A[0], sentence, FILLER_A[3]), "b.md": dated("2024-03-02", FILLER_B[0], sentence, FILLER_B[2])}
    assert [f.location.line for f in findings(texts, "reused-passage")] == ([6] if found else [])


# 20 words, with sampled shingles in them
FERRY = "the ferry between the two islands will run twice a day from May and carry up to four hundred passengers"


@pytest.mark.parametrize(("copy", "found"), [("Officials confirmed very late yesterday", True), ("Officials confirmed very late last night", False)])
def test_a_stretch_inside_longer_sentences_is_reuse_when_it_is_80_percent_of_the_shorter(copy, found):
    """With a house rule's min_words of 20: the copy's sentence is 25 words (20 of them the stretch: 80%) or 26."""
    source = f"After months of delay and a long dispute over subsidies with the operator, the transport office announced that {FERRY}."
    texts = {
        "a.md": dated("2024-03-01", FILLER_A[0], source, FILLER_A[3]),
        "b.md": dated("2024-03-02", FILLER_B[0], f"{copy} {FERRY}.", FILLER_B[2]),
    }
    messages = [f.message for f in findings(texts, "reused-passage", min_words=20)]
    assert len(messages) == found
    if found:
        assert re.search(r"in part \(a stretch of 20 words; the sentences are \d+% similar\)$", messages[0])


def test_sentences_exactly_as_alike_as_the_rule_asks_are_a_copy_not_a_stretch_in_part():
    source = "The old harbour wall near the fish market gave way under heavy seas early on the morning after the storm and flooded the lower streets."
    copy = "The old harbour wall near the fish market fell down amid heavy seas early on the morning after a gale and flooded the lower streets."
    texts = {"a.md": dated("2024-03-01", FILLER_A[0], source, FILLER_A[3]), "b.md": dated("2024-03-02", FILLER_B[0], copy, FILLER_B[2])}
    (finding,) = findings(texts, "reused-passage")  # 5 words of 25 changed: 80%, the rule's similarity
    assert finding.message.endswith("also in a.md, filed 1 day earlier, almost word for word (80% similar)")


def test_sentences_exactly_as_alike_as_the_rule_asks_count_whatever_the_stretch():
    """A house rule's min_words of 15: the stretch is the sentences' first 16 words, 4 more agree after 5 that
    differ (a gap over max_gap): 20 of 25 words alike, 80%, though the stretch is 16 (64% of either)."""
    opening = "The old harbour wall near the fish market gave way under heavy seas early on the"
    source = f"{opening} morning after a violent storm and flooded the streets."
    copy = f"{opening} first night of this week and flooded the streets."
    texts = {"a.md": dated("2024-03-01", FILLER_A[0], source, FILLER_A[3]), "b.md": dated("2024-03-02", FILLER_B[0], copy, FILLER_B[2])}
    (finding,) = findings(texts, "reused-passage", min_words=15)
    assert finding.message.endswith("also in a.md, filed 1 day earlier, almost word for word (80% similar)")


def test_an_exact_repeated_run_is_fixed_by_deleting_it_and_an_edited_one_is_not():
    from factlint.fixes import fixed_text

    text = article("Ceasefire talks", LEDE, SECOND, THIRD, "Officials were cautious on Wednesday.", LEDE, SECOND, THIRD)
    (finding,) = findings(text)
    assert fixed_text(text, finding.fixes) == (article("Ceasefire talks", LEDE, SECOND, THIRD, "Officials were cautious on Wednesday."), 1)
    # spacing aside: a copy wrapped differently is still the same text to delete
    rewrapped = article(LEDE, SECOND, THIRD, LEDE.replace(" in Paris ", "\nin Paris "), SECOND, "Talks resume next week.")
    (finding,) = findings(rewrapped)
    assert fixed_text(rewrapped, finding.fixes) == (article(LEDE, SECOND, THIRD, "Talks resume next week."), 1)
    (finding,) = findings(article(LEDE, SECOND, THIRD, LEDE.replace("agreed", "approved"), SECOND))
    assert finding.fixes == ()  # an edited copy is only reported


def test_a_run_ends_at_a_paragraph_that_differs_and_the_next_repeat_is_reported_on_its_own():
    found = findings(article(LEDE, SECOND, THIRD, LEDE, THIRD))
    assert [(f.location.line, f.location.end_line, f.related[0].location.line) for f in found] == [(7, 7, 1), (9, 9, 5)]
    assert [f.message for f in found] == [
        "Line 7 repeats line 1 of this article word for word",
        "Line 9 repeats line 5 of this article word for word",
    ]


@pytest.mark.parametrize(("sentence", "found"), [
    ("The minister said the ceasefire would certainly hold for now.", True),  # 10 words: min_sentence_words
    ("The minister said the ceasefire would hold for now.", False),  # 9
])
def test_a_sentence_of_min_sentence_words_repeated_inside_another_paragraph(sentence, found):
    reported = findings(article(f"{sentence} {SECOND}", f"Officials were cautious. {sentence}"))
    assert [f.message for f in reported] == (["This sentence repeats one on line 1 of this article word for word"] if found else [])


def test_repeated_sentences_run_on_only_while_their_originals_come_before_the_copy():
    one = "The minister said the ceasefire would certainly hold for now."
    two = "Diplomats expected the talks in Geneva to resume within a week."
    found = findings(article(f"{one} {two}", f"{one} {two} {one}"))
    assert [(f.location.line, f.location.column, f.message) for f in found] == [
        (3, 1, "These 2 sentences repeat ones on line 1 of this article word for word"),
        (3, len(f"{one} {two} ") + 1, "This sentence repeats one on line 1 of this article word for word"),
    ]
    assert [(r.location.line, r.location.column, r.location.end_column) for f in found for r in f.related] == [
        (1, 1, len(f"{one} {two}")),
        (1, 1, len(one)),
    ]


def test_repeated_sentences_starting_a_paragraph_run_on_within_it():
    found = findings(article(f"{LEDE} {SECOND} {THIRD}", f"{SECOND} {THIRD} Officials were cautious."))
    assert [(f.location.line, f.location.column, f.message) for f in found] == [
        (3, 1, "These 2 sentences repeat ones on line 1 of this article word for word"),
    ]
    (related,) = found[0].related
    assert (related.location.line, related.location.column) == (1, len(f"{LEDE} ") + 1)


def test_quotations_pairs_marks_in_a_paragraph_and_runs_an_open_one_to_its_end():
    from factlint.kinds.duplicates import quotations

    assert quotations('He said "yes" and left.') == [(8, 13)]  # marks included
    assert quotations('"Yes," he said.') == [(0, 6)]  # from the first character
    assert quotations('He said "we will stay') == [(8, 21)]  # left open: to the end
    text = 'First line.\n\nShe said "no" twice. "Never," he said. "Again'
    paragraph = text.index("She")
    assert quotations(text, paragraph, text.index(" twice")) == [(text.index('"no'), text.index(" twice"))]
    assert quotations(text, paragraph) == [
        (text.index('"no'), text.index(" twice")), (text.index('"Never'), text.index(" he said")), (text.index('"Again'), len(text)),
    ]
    assert quotations(text, text.index('"Never'), len(text) - 2) == [(text.index('"Never'), text.index(" he said")), (text.index('"Again'), len(text) - 2)]


def test_within_a_story_a_sentence_quoting_twice_is_compared_without_both_quotations():
    def told(first: str, second: str) -> str:
        return (
            "The mayor, who toured the flooded streets on Monday with rescue teams from three regions and met the families "
            f"sheltering at the town hall, said \"{first}\" and then \"{second}\" before leaving."
        )

    texts = {
        "a.md": labelled("floods", FILLER_A[0], told("we will rebuild every bridge", "nobody will be left alone"), FILLER_A[3]),
        "b.md": labelled("floods", FILLER_B[0], told("the water is going down", "help is on its way"), FILLER_B[2]),
    }
    (finding,) = findings(texts, "reused-passage")
    assert finding.message.endswith("also in a.md, word for word")


def test_a_folder_rule_message_may_show_the_match_as_the_passage_starts():
    """{match} is one of the kind's placeholders: across articles it is how the copied passage starts
    (the folder scope keeps no text, only each sentence's first 40 characters)."""
    texts = {
        "a.md": dated("2024-03-01", FILLER_A[0], f"{RAISED} {EXPECTED}", FILLER_A[1]),
        "b.md": dated("2024-03-02", FILLER_B[1], f"{RAISED} {EXPECTED}", FILLER_B[0]),
        "c.md": dated("2024-03-03", FILLER_A[0], f"{RAISED} {EXPECTED}", FILLER_A[1]),
    }
    rule = dataclasses.replace(_rule("reused-passage"), message="{match} ({what})")
    report = lint_sources([(name, text.encode("utf-8")) for name, text in sorted(texts.items())], compile_rules([rule]))
    assert sorted((f.path, f.message) for f in report.findings) == [
        ("b.md", f"{RAISED[:37]}... (1 paragraph, {_share(RAISED + ' ' + EXPECTED, FILLER_B[1], RAISED + ' ' + EXPECTED, FILLER_B[0])} of this article)"),
        ("c.md", f"{FILLER_A[0][:37]}... (The whole article)"),
    ]


def test_a_copy_running_on_from_one_passage_of_its_source_into_another_that_overlaps_it():
    """The source tells S2 twice (after S1, and before S3); the copy tells S1 S2 S3. The longer stretch
    (S1 S2) is kept; the other (S2 S3) overlaps it and is aligned again on what is left (S3). The sentences
    most alike win: S1 S2, word for word (S3 joins them only as a chain through another paragraph)."""
    first = "Rescue teams worked through the night to reach villages cut off by the landslide above the valley on Sunday."
    second = "Hundreds of families had spent two days without power or clean water before the army opened the mountain road."
    third = "Most of them were taken to schools in the town below."
    texts = {
        "a.md": dated("2024-03-01", FILLER_A[0], f"{first} {second}", FILLER_A[1], f"{second} {third}", FILLER_A[2]),
        "b.md": dated("2024-03-02", FILLER_B[0], f"{first} {second} {third}", FILLER_B[1]),
    }
    (finding,) = findings(texts, "reused-passage")
    assert (finding.location.line, finding.location.column, finding.location.end_column) == (6, 1, len(f"{first} {second}"))
    assert finding.message.startswith("2 sentences, ") and finding.message.endswith("also in a.md, filed 1 day earlier, word for word")
    assert (finding.related[0].location.line, finding.related[0].location.end_column) == (6, len(f"{first} {second}"))


def test_a_passage_its_source_tells_twice_is_reported_once_against_the_first():
    """Two windows align the copy's paragraph with each of the source's two copies of it: one stretch is
    kept, the other overlaps it and leaves nothing before it to align again."""
    told = (
        "Rescue teams worked through the night to reach villages cut off by the landslide above the valley, "
        "where hundreds of families had spent two days without power or clean water."
    )
    texts = {
        "a.md": dated("2024-03-01", FILLER_A[0], told, FILLER_A[1], FILLER_A[2], told, FILLER_A[3]),
        "b.md": dated("2024-03-02", FILLER_B[0], told, FILLER_B[1]),
    }
    (finding,) = findings(texts, "reused-passage")
    assert (finding.location.line, finding.related[0].location.line) == (6, 6)
    assert finding.message.endswith("also in a.md, filed 1 day earlier, word for word")


def test_a_passage_several_earlier_articles_share_is_reported_against_the_earliest_by_date():
    passage = f"{RAISED} {EXPECTED}"
    texts = {
        "z.md": dated("2024-03-01", FILLER_A[0], passage, FILLER_A[1]),  # first filed, last by path
        "a.md": dated("2024-03-02", FILLER_B[0], passage, FILLER_B[1]),
        "m.md": dated("2024-03-03", FILLER_A[2], passage, FILLER_B[2]),
    }
    reported = {f.path: f.message for f in findings(texts, "reused-passage")}
    assert sorted(reported) == ["a.md", "m.md"]
    assert "also in z.md, filed 1 day earlier" in reported["a.md"]
    assert "also in z.md, filed 2 days earlier" in reported["m.md"]
