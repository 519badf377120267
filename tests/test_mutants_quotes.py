"""The quotes kind at its edges (misquote, quote-speaker-mismatch): how a quotation's
words are folded, who a speaker is, when two renderings are one quotation, and which
rendering or credit is reported. Sentences have the shape of wire and web copy."""

from __future__ import annotations

import pytest

from test_quotes_dates import CREDITED, LATER, WORDS, lint, story

from factlint.kinds.quotes import _contains, _typo, compare_words, identities, quote_words, speaker_of


@pytest.mark.parametrize(("text", "words"), [
    ("It's the population's choice", ("it", "is", "the", "population", "choice")),
    ("We won't and can't, and they shan't", ("we", "will", "not", "and", "can", "not", "and", "they", "shall", "not")),
    ("They're sure we'll go, I've said I'm in", ("they", "are", "sure", "we", "will", "go", "i", "have", "said", "i", "am", "in")),
    ("He ain't the one", ("he", "is", "not", "the", "1")),
    ("The first and 1st, the 2nd and second, 3rd and third", ("the", "1th", "and", "1th", "the", "2th", "and", "2th", "3th", "and", "3th")),
    ("It costs 1,000 dollars, not 10,00", ("it", "costs", "1000", "dollars", "not", "10", "00")),
    ("A pro-active stance", ("a", "pro", "active", "stance")),
    ("... we will win [this] ...", ("we", "will", "win")),  # markers at the ends: none
    ("we [the union] will win", ("we", "[]", "will", "win")),
    ("(Applause) we will win", ("we", "will", "win")),
    ("we will . . . win", ("we", "will", "\u2026", "win")),
    ("The programme and the defence", ("the", "program", "and", "the", "defense")),
    ("Our favourite colours, honoured", ("our", "favorite", "colors", "honored")),
    ("We analysed the theatres and travelled on; the dialogue", ("we", "analyzed", "the", "theaters", "and", "traveled", "on", "the", "dialog")),
    ("An hour and a tour", ("an", "hour", "and", "a", "tour")),  # too short to be UK spellings
    ("s'", ("s",)),
])
def test_how_a_quotations_words_are_folded(text, words):
    assert quote_words(text) == words


def test_a_speakers_name_is_the_last_run_of_capitalised_words_without_titles():
    assert speaker_of("White House spokesman Sean Spicer") == speaker_of("Sean Spicer")
    assert speaker_of("Alan Thornhill, executive director of the Society for Conservation Biology").words == ("alan", "thornhill")
    assert speaker_of("Maria Lopez, who leads the union").words == ("maria", "lopez")
    assert speaker_of("Maria Lopez the head of the union").words == ("maria", "lopez")
    assert speaker_of("Maria Lopez's").words == ("maria", "lopez")
    assert speaker_of("Maria Lopez's").shown == "Maria Lopez"
    assert speaker_of("Mary Ann Smith Jones").words == ("smith", "jones")
    assert speaker_of("Mary Ann Smith Jones").person is False  # four words: not read as one person's name
    assert speaker_of("George W. Bush").words == ("george", "bush")
    assert speaker_of("J. Bush").words == ("bush",)
    assert speaker_of("Ed O'Neill").person and speaker_of("Mary Smith-Jones").person
    assert speaker_of("NASA Chief") == (("nasa",), "NASA", False)  # a title dropped; one word is no full name
    assert speaker_of("Li") == (("li",), "Li", False)  # two letters: a name
    assert speaker_of("X") is None  # one letter: no name
    assert speaker_of("they") is None and speaker_of("Who") is None


def test_a_body_is_no_person_and_a_name_after_of_or_for_is_a_bodys():
    assert not speaker_of("Police Union").person
    assert speaker_of("Anna Berg", before="a spokesman for the ").person  # "for" is not right before the name
    assert not speaker_of("Anna Berg", before="the union of").person
    assert not speaker_of("Green Party", before="the leader of the ").person
    assert not speaker_of("the Society for Conservation Biology").person
    assert speaker_of("Jane Brown").person
    assert not speaker_of("Jane Brown", before="a friend of").person


def test_identities_within_a_story():
    chris, chris_w, welzler, wetzler = (speaker_of(n) for n in ("Chris", "Chris White", "Andrew Welzler", "Andrew Wetzler"))
    found = identities([chris, chris_w, welzler, wetzler])
    assert found[chris] == ("chris", "white")  # a first name stands for the one full name starting with it
    assert found[welzler] == found[wetzler] == ("andrew", "welzler")  # one letter apart: the same name mistyped
    alone = speaker_of("Liberty")
    assert identities([alone])[alone] == ("liberty",)


@pytest.mark.parametrize(("a", "b", "typo"), [
    (("a", "more"), ("amore",), True),
    (("access",), ("acces",), True),
    (("acces",), ("access",), True),
    (("recieve",), ("receive",), True),  # two letters swapped
    (("receive",), ("reveice",), False),  # two letters apart, not neighbours
    (("access",), ("axxess",), False),
    (("four",), ("fur",), False),  # short words: another word
    (("house",), ("horse",), True),
    (("house",), ("houses",), True),
    (("house",), ("housing",), False),
    (("he", "said"), ("she", "said"), False),
    ((), (), False),
])
def test_a_slip_of_the_keys(a, b, typo):
    assert _typo(a, b) == typo


def test_a_run_of_words_is_contained_only_whole_and_in_order():
    assert _contains(("a", "b", "c", "d"), ("b", "c"))
    assert _contains(("a", "b", "c", "d"), ("c", "d"))
    assert _contains(("a", "b"), ("a", "b"))
    assert not _contains(("a", "b", "c"), ("b", "d"))
    assert not _contains(("a", "b"), ("a", "b", "c"))
    assert not _contains(("a", "b"), ())


@pytest.mark.parametrize(("one", "other", "changed"), [
    ("we will stay here until the offer changes", "we will stay here … the offer changes", 0),  # marked
    ("we will stay here and wait until the offer changes", "we will stay here … wait until the offer changes", 0),  # one word beside
    ("we will stay here and then wait until the offer changes", "we will stay here … then wait until the offer changes", 0),
    ("we will stay here until the offer changes", "we shall stay here until the offer changes", 1),
    ("we will stay here until the offer changes now", "we will stay here until the offer changes today", 1),  # a changed last word
    ("they say we will stay here until the offer changes", "we will stay here until the offer changes", 0),  # starts later
    ("so we will stay here until the offer changes", "and we will stay here until the offer changes", 1),
    ("and so we will stay here until the offer changes", "but then we will stay here until the offer changes", 2),
    ("and so then we will stay here until the offer changes", "but now today we will stay here until the offer changes", 0),  # two starts
    ("we will stay here until the offer changes", "we will stay there until the offer changes", 1),
])
def test_changes_counted_between_two_renderings(one, other, changed):
    edits = compare_words(quote_words(one), quote_words(other))
    assert edits.changed == changed


# ---------------------------------------------------------------------------
# misquote
# ---------------------------------------------------------------------------

RIGHT = "We did not hide the records from the committee."


def test_a_misquote_message_names_the_speaker_and_both_renderings():
    found = lint("misquote", {
        "a.md": story(CREDITED.format(RIGHT)), "b.md": story(LATER.format("We did hide the records from the committee.")),
    })
    [f] = found
    assert f.message == "Ruiz is quoted as “We did hide the records from the committee.”, but elsewhere as “We did not hide the records from the committee.”"
    assert [r.message for r in f.related] == ["“We did not hide the records from the committee.”"]
    assert (f.location.line, f.location.column) == (4, 1)


def test_the_minority_rendering_is_reported_whichever_comes_first():
    wrong = LATER.format("We did hide the records from the committee.")
    found = lint("misquote", {"a.md": story(wrong), "b.md": story(CREDITED.format(RIGHT)), "c.md": story(LATER.format(RIGHT))})
    assert [f.path for f in found] == ["a.md"]


def test_a_short_quotation_is_not_compared_and_min_words_is_its_floor():
    def credited(words: str) -> dict[str, str]:
        return {"a.md": story(f"“{words},” union leader Mary Brandt said."), "b.md": story(f"“{words},” Paul Dean said.")}

    assert [f.path for f in lint("quote-speaker-mismatch", credited("We stay on the picket line"))] == ["b.md"]
    assert not lint("quote-speaker-mismatch", credited("We stay on the line"))


def test_too_many_changed_words_make_two_quotations():
    one = "We will stay on the picket line until the pay offer changes for every driver and every cleaner in this city"
    four = "We will stay at the picket gate until the pay deal changes for each driver and every cleaner in this city"
    five = "We will stay at the picket gate until the pay deal changes for each driver and each cleaner in this city"
    assert [f.path for f in lint("misquote", {"a.md": story(CREDITED.format(one)), "b.md": story(LATER.format(four))})] == ["b.md"]
    assert not lint("misquote", {"a.md": story(CREDITED.format(one)), "b.md": story(LATER.format(five))})


def test_at_most_five_renderings_are_related():
    files = {f"{n}.md": story(LATER.format(RIGHT)) for n in range(7)}
    files["x.md"] = story(LATER.format("We did hide the records from the committee."))
    [found] = lint("misquote", files)
    assert found.path == "x.md" and len(found.related) == 5


# ---------------------------------------------------------------------------
# quote-speaker-mismatch
# ---------------------------------------------------------------------------


def test_a_speaker_finding_names_both_credits_and_relates_the_others():
    found = lint("quote-speaker-mismatch", {
        "a.md": story(f"“{WORDS},” union leader Mary Brandt said."),
        "b.md": story(f"“{WORDS},” said Mary Brandt, the union's leader."),
        "c.md": story(f"“{WORDS},” Transport Secretary Paul Dean said."),
    })
    [f] = found
    assert f.message == f"“{WORDS},” is credited to Paul Dean here, but to Mary Brandt elsewhere"
    assert [r.message for r in f.related] == ["credited to Mary Brandt", "credited to Mary Brandt"]


def test_with_one_credit_each_the_later_is_reported():
    found = lint("quote-speaker-mismatch", {
        "a.md": story(f"“{WORDS},” union leader Mary Brandt said."),
        "b.md": story(f"“{WORDS},” Transport Secretary Paul Dean said."),
    })
    assert [f.path for f in found] == ["b.md"]


def test_a_credit_to_a_changed_quotation_is_no_second_speaker():
    changed = "We will stay at the picket gate until the pay deal changes"
    assert not lint("quote-speaker-mismatch", {
        "a.md": story(f"“{WORDS},” union leader Mary Brandt said."),
        "b.md": story(f"“{changed},” Transport Secretary Paul Dean said."),
    })


def test_within_one_paragraph_a_quotation_said_twice_is_not_compared():
    text = f"“{WORDS},” union leader Mary Brandt said. “{WORDS},” Transport Secretary Paul Dean said."
    assert not lint("quote-speaker-mismatch", {"a.md": story(text)})
    two = f"“{WORDS},” union leader Mary Brandt said.\n\n“{WORDS},” Transport Secretary Paul Dean said."
    assert [f.location.line for f in lint("quote-speaker-mismatch", {"a.md": story(two)})] == [6]


def test_a_partial_quotation_supports_the_rendering_it_is_part_of():
    found = lint("misquote", {
        "a.md": story(LATER.format("We did hide the records from the committee.")),
        "b.md": story(CREDITED.format(RIGHT)),
        "c.md": story("Ruiz said they “did not hide the records from the committee” at any time."),
    })
    assert [f.path for f in found] == ["a.md"]


def test_with_one_rendering_each_the_later_by_date_is_reported():
    wrong = LATER.format("We did hide the records from the committee.")
    found = lint("misquote", {"a.md": story(wrong, date="2025-04-21"), "b.md": story(CREDITED.format(RIGHT), date="2025-04-20")})
    assert [f.path for f in found] == ["a.md"]
    found = lint("misquote", {"a.md": story(wrong, date="2025-04-19"), "b.md": story(CREDITED.format(RIGHT), date="2025-04-20")})
    assert [f.path for f in found] == ["b.md"]


def test_a_long_quotation_is_shortened_in_the_message():
    words = " ".join(["We did not hide the records from the committee and we will say so again"] * 4) + "."
    changed = words.replace("did not hide", "did hide", 1)
    [found] = lint("misquote", {"a.md": story(CREDITED.format(words)), "b.md": story(LATER.format(changed))})
    shown = found.message.split("“")[1].split("”")[0]
    assert len(shown) == 200 and shown.endswith("...") and shown.startswith("We did hide the records")


def test_a_credit_to_a_quotation_one_word_apart_is_a_second_speaker_but_two_words_apart_is_not():
    one = WORDS.replace("pay offer", "pay deal")
    two = WORDS.replace("pay offer", "wage deal")
    credited = "“{},” Transport Secretary Paul Dean said."
    found = lint("quote-speaker-mismatch", {"a.md": story(f"“{WORDS},” union leader Mary Brandt said."), "b.md": story(credited.format(one))})
    assert [f.path for f in found] == ["b.md"]
    assert not lint("quote-speaker-mismatch", {"a.md": story(f"“{WORDS},” union leader Mary Brandt said."), "b.md": story(credited.format(two))})


def test_a_speaker_named_by_one_word_or_a_body_is_not_credited():
    for credit in ("Dean said", "the Transport Workers Union said"):
        assert not lint("quote-speaker-mismatch", {
            "a.md": story(f"“{WORDS},” union leader Mary Brandt said."), "b.md": story(f"“{WORDS},” {credit}."),
        }), credit


def test_two_credits_against_one_report_the_one_and_a_tie_the_later():
    brandt, dean = "“{},” union leader Mary Brandt said.".format(WORDS), "“{},” Transport Secretary Paul Dean said.".format(WORDS)
    found = lint("quote-speaker-mismatch", {"a.md": story(dean), "b.md": story(brandt), "c.md": story(brandt)})
    assert [f.path for f in found] == ["a.md"]
    found = lint("quote-speaker-mismatch", {"a.md": story(dean), "b.md": story(brandt)})
    assert [f.path for f in found] == ["b.md"]


@pytest.mark.parametrize(("one", "other", "changed"), [
    # an ellipsis one word before a change marks it (the writer cut there)
    ("acting like that, it is just disrespectful to them", "acting like that … is disrespectful to them", 0),
    # ... and one word after it
    ("we will stay here until then the offer changes for us all", "we will stay put until … the offer changes for us all", 0),
    # ... and at the very start of the quotation, one word before the change
    ("so we must stay here until the offer changes", "and … we will stay here until the offer changes", 0),
    # two words between the ellipsis and the change: the change is the writer's own
    ("we will stay here until the offer changes for us all", "we will stay put until the … changes for us all", 1),
    ("we all will stay here until the offer changes for us", "we … will stay put until the offer changes for us", 1),
])
def test_an_ellipsis_one_word_from_a_change_marks_it_but_two_words_away_does_not(one, other, changed):
    assert compare_words(quote_words(one), quote_words(other)).changed == changed


def test_a_single_word_missing_from_a_quotation_is_not_contained():
    assert _contains(("we", "will", "win"), ("lose",)) is False
    assert _contains(("we", "will", "win"), ("win",)) is True


@pytest.mark.parametrize(("one", "other", "changed"), [
    # after a change the writer marked, a later change still counts
    ("we will stay here until the offer changes for us all", "we will stay here … the offer shifts for us all", 1),
    # after a partial start, a later change still counts
    ("they say we will stay here until the offer changes", "we will stay there until the offer changes", 1),
    # after two different starts, a later change still counts
    ("and so then we will stay here until the offer changes", "but now today we will stay there until the offer changes", 1),
    # after a slip of the keys, a later change still counts
    ("we will stay here untill the offer changes for us", "we will stay here until the offer shifts for us", 1),
    # three words against one at the start: two stretches of one speech, whichever side is longer
    ("and so then we will stay here until the offer changes", "but we will stay here until the offer changes", 0),
    ("but we will stay here until the offer changes", "and so then we will stay here until the offer changes", 0),
])
def test_one_change_does_not_hide_the_changes_after_it(one, other, changed):
    assert compare_words(quote_words(one), quote_words(other)).changed == changed


def test_the_words_two_renderings_share_are_counted_wherever_they_stand():
    edits = compare_words(quote_words("so we will stay here until the offer changes"), quote_words("and we will stay there until the offer changes"))
    assert edits.matched == 7


@pytest.mark.parametrize(("text", "words"), [
    ("I don‘t know", ("i", "do", "not", "know")),  # an apostrophe typed the wrong way round
    ("That's what she's said, and here's why", ("that", "is", "what", "she", "is", "said", "and", "here", "is", "why")),
    ("The A's won it", ("the", "a", "won", "it")),
])
def test_more_ways_of_writing_the_same_words(text, words):
    assert quote_words(text) == words


def test_a_slip_of_the_keys_either_way_round():
    assert _typo(("amore",), ("a", "more"))  # run together / split, whichever side is split
    assert _typo(("acces",), ("access",)) and _typo(("access",), ("acces",))  # a letter dropped
    assert not _typo(("stayed",), ("started",))  # one letter longer, but another word


def test_more_speakers():
    assert speaker_of("Jane Brown the Labour leader").words == ("jane", "brown")
    assert speaker_of("Jane Brown who chairs the Senate Committee").words == ("jane", "brown")
    assert speaker_of("Mayor Grayson's father") is None
    assert speaker_of("Mary Ann Smith").person  # three words: a person's name
    assert speaker_of("Ed O’Neill").person  # a curly apostrophe in a surname
    assert not speaker_of("NHS England").person  # capitals inside a word: no person's name
    assert not speaker_of("Goldman Sachs", before="an analyst at ").person
    assert not speaker_of("Morgan Stanley", before="a strategist from ").person
    assert not speaker_of("Hoover Institution", before="a fellow at Stanford's ").person
    assert not speaker_of("Hoover Institution", before="a fellow at Stanford’s ").person
    assert speaker_of("Robert Downey Jr.").words == speaker_of("Robert Downey Jr").words == ("downey", "jr")


def test_a_quotation_sharing_only_its_last_three_words_is_still_compared():
    # two words changed, with one kept between them: "the offer changes" is the only run of three shared
    one = "We will stay here until the offer changes"
    two = "We will remain here unless the offer changes"
    found = lint("misquote", {"a.md": story(CREDITED.format(one)), "b.md": story(LATER.format(two))})
    assert [f.path for f in found] == ["b.md"]


def test_a_slip_of_the_keys_inside_a_word():
    assert _typo(("acess",), ("access",)) and _typo(("access",), ("acess",))


@pytest.mark.parametrize(("ending", "length", "shortened"), [
    (", we say that.", 200, False),  # 200 characters: shown whole
    (", we said that.", 201, True),  # 201: shortened to 197 and "..."
])
def test_a_quotation_of_200_characters_is_shown_whole_and_of_201_shortened(ending, length, shortened):
    base = "We did not hide the records from the committee and we will say so again"
    right = " ".join([base] * 2) + " We did not hide the records from the committee" + ending
    wrong = right.replace("did not hide", "did hide", 1)
    assert len(wrong) == length
    [found] = lint("misquote", {"a.md": story(CREDITED.format(right)), "b.md": story(LATER.format(wrong))})
    shown = found.message.split("“")[1].split("”")[0]
    assert shown == (wrong[:197] + "..." if shortened else wrong)


def test_a_quotation_sharing_three_words_only_in_its_middle_is_still_compared():
    # "one of the" is the only run of three shared, and it is not at the end
    one, two = "She was one of the best officers ever", "She is one of the finest officers ever"
    assert [f.path for f in lint("misquote", {"a.md": story(CREDITED.format(one)), "b.md": story(LATER.format(two))})] == ["b.md"]


def test_three_of_four_words_must_be_shared_whatever_the_changes():
    # 12 words, 4 changed (within max_changed and half the 8 shared), but 8 < 3/4 of 12: two quotations
    one = "We will stay on the picket line until the pay offer changes"
    two = "We shall stay on the strike line until the wage offer improves"
    assert not lint("misquote", {"a.md": story(CREDITED.format(one)), "b.md": story(LATER.format(two))})


def test_changes_of_exactly_half_the_shared_words_are_one_quotation():
    # 6 words shared, 3 added inside: 3 is at most half of 6
    one, two = "We stay until the offer changes", "We stay right here today until the offer changes"
    assert [f.path for f in lint("misquote", {"a.md": story(CREDITED.format(one)), "b.md": story(LATER.format(two))})]


WRONG = "We did hide the records from the committee."


@pytest.mark.parametrize("before", [
    "The so-called “zero tolerance” policy ended in March.\n\n",  # a scare quote: no speech
    "“We stay,” Ruiz said.\n\n",  # too short to compare
    "“We did not see the records before the committee met,” the statement read.\n\n",  # no one named
])
def test_a_quotation_left_out_does_not_end_the_article(before):
    found = lint("misquote", {"a.md": story(CREDITED.format(RIGHT)), "b.md": story(before + LATER.format(WRONG))})
    assert [f.path for f in found] == ["b.md"]


def test_a_misquote_finding_shows_the_quotation_as_its_excerpt():
    [found] = lint("misquote", {"a.md": story(CREDITED.format(RIGHT)), "b.md": story(LATER.format(WRONG))})
    assert "We did hide the records" in found.excerpt


def test_a_quotation_of_400_words_is_compared():
    right = " ".join(["We did not hide the records from the committee and we will say so again today"] * 25)
    assert len(quote_words(right)) == 400
    wrong = right.replace("did not hide", "did hide", 1)
    assert [f.path for f in lint("misquote", {"a.md": story(CREDITED.format(right)), "b.md": story(LATER.format(wrong))})] == ["b.md"]


def test_others_counts_every_other_rendering_and_credit_though_five_are_related(monkeypatch):
    from dataclasses import replace

    from test_quotes_dates import RULES

    monkeypatch.setitem(RULES, "misquote", replace(RULES["misquote"], message="{speaker}: {others} other renderings"))
    files = {f"{n}.md": story(LATER.format(RIGHT)) for n in range(7)}
    files["x.md"] = story(LATER.format(WRONG))
    [found] = lint("misquote", files)
    assert found.message == "Ruiz: 7 other renderings" and len(found.related) == 5

    monkeypatch.setitem(RULES, "quote-speaker-mismatch", replace(RULES["quote-speaker-mismatch"], message="{speaker}: {others} other credits"))
    files = {f"{n}.md": story(f"“{WORDS},” union leader Mary Brandt said.") for n in range(7)}
    files["x.md"] = story(f"“{WORDS},” Transport Secretary Paul Dean said.")
    [found] = lint("quote-speaker-mismatch", files)
    assert found.message == "Paul Dean: 7 other credits" and len(found.related) == 5
