"""Who said each quotation and what sources a figure, decision by decision: issue 22's mutation run, part B.

The full mutation run of factlint/kinds/attribution.py left mutants alive outside the
sentence reader (``Analyzer``, whose survivors tests/test_mutants_attribution.py
takes): in ``QuoteCredit`` (who said each quotation), ``AttributionCheck`` (which
figures, claims and quotations are reported), ``Lexicon``, ``Analysis`` and the
module's helpers. Each test here pins one of their decisions on sentences an editor
meets in wire and web copy, through ``quotations()`` or the rules, both ways where
the decision has two sides.
"""

from __future__ import annotations

import pytest

from test_mutants_attribution import fresh, house, speakers  # noqa: F401 (fresh: a fixture)

WIN = "“We will win this war, whatever it costs us.”"
REBUILD = "“And we will rebuild every town and every village we lost.”"


# ---------------------------------------------------------------------------
# Who said each quotation (QuoteCredit), through quotations()
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph that only goes on with the words of a speaker credited at the end of the paragraph before
        (f"Smith said the war would go on for years. {WIN}\n\n{REBUILD}",
         [("We will win", True, "Smith", "named"), ("And we will", True, "Smith", "named")]),
        # a lead-in of a name and a colon, as a paragraph of its own: the name, up to eight words
        (f"The debate ran late.\n\nFox News host Sean Hannity:\n\n{WIN}", [("We will win", True, "Fox News host Sean Hannity", "named")]),
        (f"The debate ran late.\n\nFox News host Sean Hannity:   \n\n{WIN}",  # scraped copy: spaces left at the line's end
         [("We will win", True, "Fox News host Sean Hannity", "named")]),
        (f"The debate ran late.\n\nLongtime Fox News host and commentator Sean Hannity:\n\n{WIN}",
         [("We will win", True, "Longtime Fox News host and commentator Sean Hannity", "named")]),
        (f"The debate ran late.\n\nThe longtime Fox News host and commentator Sean Hannity:\n\n{WIN}", [("We will win", True, None, None)]),
        # left open at the paragraph's end, credited at the start of the next (not the first words of its own paragraph)
        ("The crowd waited.\n\nNobody moved. “We will win this war, whatever it costs us,\n\n“and we will rebuild every town,” Smith said.",
         [("We will win", True, "Smith", "named"), ("and we will", True, "Smith", "named")]),
        ("The crowd waited.\n\nThen came the cry “We will win this war, whatever it costs us,\n\n“and we will rebuild every town,” Smith said.",
         [("We will win", True, "Smith", "named"), ("and we will", True, "Smith", "named")]),
        # a quotation continued from the paragraph before has its speaker
        ("Smith said: “We will win this war, whatever it costs us,\n\n“and we will rebuild every town we lost.”",
         [("We will win", True, "Smith", "named"), ("and we will", True, "Smith", "named")]),
    ],
)
def test_who_said_a_quotation_that_opens_its_paragraph(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Obama's remark": the speaker without the possessive ending, straight or curly
        (f"{WIN} That was Obama's answer to the critics.",
         [('We will win', True, 'Obama', 'named')]),
        (f"{WIN} That was Obama’s answer to the critics.",
         [('We will win', True, 'Obama', 'named')]),
        # words quoted in a sentence about a text: "a sign", "an ad", bare "signs"
        ("The door bore a notice “Nobody enters this building without a pass from the office.”",
         [('Nobody enters this', True, 'a notice', 'document')]),
        ("The door bore an order “Nobody enters this building without a pass from the office.”",
         [('Nobody enters this', True, 'an order', 'document')]),
        ("The protesters carried signs “We will not be moved by threats or by money.”",
         [('We will not', True, 'signs', 'document')]),
        # the nearer of two cues either side
        ("Smith said the plan failed. “We will win this war, whatever it costs us.” The crowd cheered for a long time, and then Jones said the vote was close.",
         [('We will win', True, 'Smith', 'named')]),
        ("Smith said on Monday, in a long speech to the party faithful in the capital, that the plan failed. “We will win this war, whatever it costs us.” Jones agreed.",
         [('We will win', True, 'Jones', 'named')]),
        # first person after a sentence about a person, the first person inside the quotation only
        ("Eli Wachtel of Bear, Stearns was emphatic. “The market will not fall this year, not at all.” It hurt us.",
         [('The market will', False, None, None)]),
        # the same speaker goes on: only two words after the tag
        ("“We will win this war, whatever it costs us,” he said. Nobody cheered. “And we will rebuild every town.”",
         [('We will win', True, 'he', 'named'), ('And we will', False, None, None)]),
        ("“We will win this war, whatever it costs us,”he told E! News. “And we will rebuild every town.”",
         [('We will win', True, 'he', 'named'), ('And we will', True, 'he', 'named')]),
        ("“We will win this war, whatever it costs us,” he said. The crowd cheered for a long time. “And we will rebuild every town,\n\n“every village,” Smith said.",
         [('We will win', True, 'he', 'named'), ('And we will', True, 'Smith', 'named'), ('every village,', True, 'Smith', 'named')]),
        ("The crowd waited. “Are you coming tonight?” “No, I am staying here.”",
         [('Are you coming', False, None, None), ('No, I am', False, None, None)]),
        # a credit line in the quotation's own paragraph
        (f"The war went on.\n\n{WIN} — Theresa May, Prime Minister.\n\nThe crowd cheered.",
         [('We will win', True, 'Theresa May, Prime Minister.', 'named')]),
        (f"The war went on.\n\n{WIN}\n\n— Theresa May   \n\nThe crowd cheered.",
         [('We will win', True, 'Theresa May', 'named')]),
        ("Smith said the plan failed.\n\n“We will win this war, whatever it costs us.” The crowd cheered.",
         [('We will win', True, 'Smith', 'named')]),
        # a quotation standing alone as the story's first paragraph
        ("“The night was about Cristiano and nobody else at all” was the verdict.\n\nBBC pundit Rio Ferdinand said he “couldn't breathe” at the end.",
         [('The night was', False, None, None), ("couldn't breathe", True, 'BBC pundit Rio Ferdinand', 'named')]),
        ("Final score at Old Trafford, Manchester, on Saturday 5 December, with an attendance of 73,000 fans (Ronaldo)\n\nManchester United 2 Arsenal 1, Old Trafford, Manchester, Saturday 5 December, attendance 73,000 (Ronaldo 2, Saka)\n\n“The night was about Cristiano and nobody else at all.”\n\nBBC pundit Rio Ferdinand said he “couldn't breathe” at the end.",
         [('The night was', False, None, None), ("couldn't breathe", True, 'BBC pundit Rio Ferdinand', 'named')]),
        ("Manchester United 2 Arsenal 1, Old Trafford, Manchester, Saturday 5 December, attendance 73,000 (Ronaldo 2, Saka)\n\n“The night was about Cristiano and nobody else at all.”\n\nBBC pundit Rio Ferdinand said he “couldn't breathe” at the end.",
         [('The night was', True, 'BBC pundit Rio Ferdinand', 'named'), ("couldn't breathe", True, 'BBC pundit Rio Ferdinand', 'named')]),
        ("The match ended late.   \n\n“The night was about Cristiano and nobody else at all.”\n\nBBC pundit Rio Ferdinand said he “couldn't breathe” at the end.",
         [('The night was', False, None, None), ("couldn't breathe", True, 'BBC pundit Rio Ferdinand', 'named')]),
        ("“The night was about Cristiano and nobody else at all.”\n\nThe report said he “couldn't breathe” at the end.",
         [('The night was', False, None, None), ("couldn't breathe", True, 'The report', 'document')]),
        ("“The night was about Cristiano and nobody else at all.”\n\nThe club said he “couldn't breathe” at the end.",
         [('The night was', False, None, None), ("couldn't breathe", True, 'The club', 'named')]),
        # left open at the article's end
        ("The crowd waited.\n\nThen came the cry “We will win this war. We will rebuild every town.",
         [('We will win', False, None, None)]),
        # a speaker "he" may refer to: a person, not the police
        ("Police said: “We will find the man who did this to the family.” He ran for two hours. “I was scared the whole time.”",
         [('We will find', True, 'Police', 'named'), ('I was scared', True, 'He', 'named')]),
        ("Smith said: “We will find the man who did this to the family.” He ran for two hours. “I was scared the whole time.”",
         [('We will find', True, 'Smith', 'named'), ('I was scared', True, 'Smith', 'named')]),
        # a lead-in ending in a colon and a dash
        ("The judge had advice for him: – “Do not trust Mr. Nichols with anything.”",
         [('Do not trust', True, None, None)]),
        ("Xi Jinping had a message for the delegates: “We will open our markets further.”",
         [('We will open', True, None, None)]),
        # a dialogue
        # a caption card further down the page
        ("The crew posed for photos.\n\nMelissa Moore “To be a chick in fire, you have to be tough every single day.” Engine captain",
         [('To be a', True, 'Melissa Moore', 'named')]),
        # "she", as "he", is someone the story's last speaker may be
        ("“I ran until I could not feel my legs,” she said.\n\nIt took her 30 minutes to cross. “Even though I was knackered, I kept going.”",
         [('I ran until', True, 'she', 'named'), ('Even though I', True, 'she', 'named')]),
        ("He looked up from the fire.\n\n“The road is closed.”\n\n“Then we will walk.”",
         [('The road is', True, None, None), ('Then we will', True, None, None)]),
        ("The fire had gone out.\n\nHe looked up from the ashes.\n\n“The road is closed.”\n\n“Then we will walk.”",
         [('The road is', True, None, None), ('Then we will', True, None, None)]),
        ("He looked up from the fire. “The road is closed.”\n\n“Then we will walk.”",
         [('The road is', False, None, None), ('Then we will', False, None, None)]),
        ("“The road is closed.”\n\n“Then we will walk.”\n\nHe looked up from the fire.",
         [('The road is', True, None, None), ('Then we will', True, None, None)]),
        # a name opening the sentence is its subject's, unless a clause comes between
        ("Author Edward Said had a vision of “a Palestine free of its occupiers and at peace.”",
         [('a Palestine free', True, 'Author Edward Said', 'named')]),
        ("Meanwhile Obama has advanced a vision of “America's commitment to the rule of law at home.”",
         [("America's commitment to", False, None, None)]),
        ("Still Obama has advanced a vision of “America's commitment to the rule of law at home.”",
         [("America's commitment to", False, None, None)]),
    ],
)
def test_who_said_each_quotation_b(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "far"),
    [
        ("Smith said the plan had failed. “We will win this war, whatever it costs us.”", True),  # a cue one sentence away
        ("“We will win this war, whatever it costs us,” Smith said.", False),
        ("Eli Wachtel of Bear, Stearns was emphatic. “I do not believe the market will fall this year.”", True),  # the subject before
        # in the quotation's own sentence: a lead-in, a caption card, an embedded post, a footnote, the sentence's subject
        ("The judge had advice for him: “Do not trust Mr. Nichols with anything.”", False),
        ("Melissa Moore “To be a chick in fire, you have to be tough every single day.” Engine captain", False),
        ("Flights were cut.\n\n“What a wonderful word for the year it has been, truly.” — Merriam-Webster (@MerriamWebster) November 29, 2016", False),
        ("The church was founded on “the fullness of the everlasting Gospel of the Lord.”3 It grew.", False),
        ("President Barack Obama has advanced a vision of “America's commitment to the rule of law at home.”", False),
        # someone the story quotes, just named; the last speaker, spoken of; "he" opening the sentence before
        ("“We will appeal the ruling at once,” Woods said.\n\nWoods has known Mosby for years. “It was important to stand by her.”", True),
        ("“I ran until I could not feel my legs,” Hughes said.\n\nIt took him 30 minutes to cross. “Even though I was knackered, I kept going.”", True),
        ("He ran for two hours. “I was scared the whole time.”", True),
    ],
)
def test_a_speaker_in_the_next_sentence_is_out_of_a_window_of_none(text, far):
    """window: 0 asks for the speaker in the quotation's own sentence; the default window of one takes the next."""
    assert bool(house(text, "unattributed-quote", window=0)) is far
    assert house(text, "unattributed-quote") == []


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Many residents saw the smoke, as did the firefighters.", False),
        ("Many residents saw the smoke which rose as high as the hills.", False),
        ("Many residents saw the smoke that rose as high as the hills.", False),
        ("Many residents saw the firefighters who arrived as the roof fell.", False),
        ("Many residents saw the smoke and ran as fast as they could.", False),
        ("Many residents saw the smoke but stayed as calm as they could.", False),
        ("Many residents saw the fire spread to the roof.", False),
        ("Many residents saw the smoke.", False),
        ("Many residents saw the thick black smoke over the old town hall.", False),  # no complement within eight words
        ("Many residents saw the fire as a warning.", True),
        ("Many residents see the fire to be a warning.", True),
        ("Many hold that Smith lied to the council.", True),
    ],
)
def test_what_a_crowd_saw_or_held_is_a_view_only_in_a_views_shape(text, view):
    """"saw the fire as a warning", "hold that Smith lied": a view; "saw the smoke ... as high as": an act."""
    assert bool(house(text, "weasel")) is view


HUGHES = "“I ran until I could not feel my legs,” Hughes said."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence about someone the story quotes, at the top of the story or further down
        ("Woods has known Mosby for years. “It was important to stand by her.”\n\n“We will appeal the ruling at once,” Woods said.",
         [('It was important', True, 'Woods', 'named'), ('We will appeal', True, 'Woods', 'named')]),
        ("“I never wanted this job.”\n\n“We will win the league,” Smith said.\n\nSmith has run the club for ten years.",
         [('I never wanted', True, 'Smith', 'named'), ('We will win', True, 'Smith', 'named')]),
        ("“We will appeal the ruling at once,” Woods said.\n\nWoods has known Mosby for years. “It was important to stand by her.”\n\nHe ran for two hours. “I was scared the whole time.”",
         [('We will appeal', True, 'Woods', 'named'), ('It was important', True, 'Woods', 'named'), ('I was scared', True, 'Woods', 'named')]),
        ("“We will appeal the ruling at once,” Woods said.\n\nWoods has known Mosby for years. He calls her “the boss.”",
         [('We will appeal', True, 'Woods', 'named'), ('the boss.', False, None, None)]),
        # the story's last speaker, spoken of in the paragraph before or two paragraphs up
        (f"{HUGHES}\n\nIt took him 30 minutes to cross.\n\n“Even though I was knackered, I kept going.”",
         [('I ran until', True, 'Hughes', 'named'), ('Even though I', True, 'Hughes', 'named')]),
        (f"{HUGHES}\n\nThe river was in flood that week. It took him 30 minutes to cross. “Even though I was knackered, I kept going.”",
         [('I ran until', True, 'Hughes', 'named'), ('Even though I', True, 'Hughes', 'named')]),
        (f"{HUGHES}\n\nThe river was in flood.\n\nThe crossing was slow. It took him 30 minutes. “Even though I was knackered, I kept going.”",
         [('I ran until', True, 'Hughes', 'named'), ('Even though I', True, 'Hughes', 'named')]),
        (f"{HUGHES}\n\nThe river was in flood.\n\nThe crossing was slow.\n\nIt took him 30 minutes. “Even though I was knackered, I kept going.”",
         [('I ran until', True, 'Hughes', 'named'), ('Even though I', False, None, None)]),
        # "he" in a quotation before is not the narrator's: no one is spoken of
        (f"{HUGHES}\n\nThe coach remembered the day. “He ran for two hours.” “I was scared the whole time.”\n\n"
         "It took him 30 minutes to cross. “Even though I was knackered, I kept going.”",
         [("I ran until", True, "Hughes", "named"), ("He ran for", False, None, None), ("I was scared", False, None, None),
          ("Even though I", True, "Hughes", "named")]),
        (f"{HUGHES}\n\nThe coach remembered the day. “He ran for two hours”. “I was scared the whole time.”",  # the stop after the mark
         [("I ran until", True, "Hughes", "named"), ("He ran for", False, None, None), ("I was scared", False, None, None)]),
        (f"{HUGHES}\n\nThe road was long. “I told him I was tired of running.”",
         [('I ran until', True, 'Hughes', 'named'), ('I told him', False, None, None)]),
        # "he" opening the sentence before, in the quotation's paragraph; words in the first person only
        ("He ran for two hours.\n\n“I was scared the whole time.”",
         [('I was scared', False, None, None)]),
        ("He ran for two hours. “The road was long and the night was cold.” It hurt us.",
         [('The road was', False, None, None)]),
        (f"{HUGHES}\n\nIt took him 30 minutes to cross. “Even though I was knackered, I kept going.”\n\nHe reached the far bank at dawn. “I could not feel my feet.”",
         [('I ran until', True, 'Hughes', 'named'), ('Even though I', True, 'Hughes', 'named'), ('I could not', True, 'Hughes', 'named')]),
        ("He ran for two hours. “I was scared the whole time.”\n\nShe waited at home. “I could not sleep at all.”",
         [('I was scared', True, 'He', 'named'), ('I could not', True, 'She', 'named')]),
        ("He ran for two hours. “The road was long and the night was cold.”\n\nShe waited at home. “I could not sleep at all.”",
         [('The road was', False, None, None), ('I could not', True, 'She', 'named')]),
    ],
)
def test_a_quotation_after_a_sentence_about_its_speaker(text, expected):
    assert speakers(text) == expected


# ---------------------------------------------------------------------------
# Which quotations are reported (AttributionCheck._quotes) and how
# ---------------------------------------------------------------------------


def reported_quotes(text: str, **params) -> list[str]:
    """The quotations a newsroom's unattributed-quote rule reports, as its message shows them."""
    return [m.split("|")[0] for m in house(text, "unattributed-quote", **params)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the message shows the quotation up to 60 characters, marks included; longer, its first 57 and an ellipsis
        ("The crowd waited. “We will win this war, whatever it costs us, and more.”",
         ["“We will win this war, whatever it costs us, and more.”"]),
        ("The crowd waited. “We will win this war, whatever it costs us, and much more.”",  # 60 characters
         ["“We will win this war, whatever it costs us, and much more.”"]),
        ("The crowd waited. “We will win this war, whatever it costs us, and much, more.”",  # 61
         ["“We will win this war, whatever it costs us, and much, mo...”"]),
        ("The crowd waited. “We will win this war, whatever it costs us, and so much more.”",
         ["“We will win this war, whatever it costs us, and so much...”"]),
        # a quotation too short to need a speaker is passed over, not the end of the reading
        ("The crowd waited in the rain for “a miracle.” “We will win this war, whatever it costs us.”",
         ["“We will win this war, whatever it costs us.”"]),
        # left open at its paragraph's end: reported when the next paragraph goes on with it, not when a mark is missing
        ("The crowd waited in the rain for hours.\n\nNobody moved. “We will win this war, whatever it costs us,\n\n“and we will rebuild every town we lost.”\n\nThe vote was close.",
         ["“We will win this war, whatever it costs us,"]),
        ("The crowd waited.\n\n“We will win this war, whatever it costs us.\n\nThe crowd roared. “And we will rebuild every town.”",
         ["“And we will rebuild every town.”"]),
    ],
)
def test_which_quotations_are_reported_and_how_they_are_shown(text, expected):
    assert reported_quotes(text) == expected


QUOTED = ["“We will win this war, whatever it costs us.”", "“We will rebuild every town we lost.”",
          "“We will never forget the ones who died.”", "“We will honour them every single year.”"]


def test_an_article_whose_quotations_mostly_name_no_one_is_not_reported():
    """Four uncredited quotations are the article's convention when they are more than half of its quotations."""
    credited = [f"“I will stand by the plan number {n} to the end,” Smith said." for n in range(1, 5)]
    uncredited = [f"The crowd waited. {q}" for q in QUOTED]
    assert len(reported_quotes("\n\n".join(credited + uncredited))) == 4  # four of eight: half
    assert reported_quotes("\n\n".join(credited[:3] + uncredited)) == []  # four of seven
    assert len(reported_quotes("\n\n".join(credited + credited[:1] + uncredited))) == 4  # four of nine
    # a quotation over two paragraphs is one quotation: four of seven
    two_paragraphs = "Smith said: “Our plan is sound, and it always was,\n\n“and the vote on Monday will prove it to everyone.”"
    assert reported_quotes("\n\n".join(credited[:2] + [two_paragraphs] + uncredited)) == []


# ---------------------------------------------------------------------------
# Pull quotes and the nearest cue
# ---------------------------------------------------------------------------

LEAD = "Smith spoke to reporters after the vote on Monday."
SAID = "“We will rebuild every town and every village we lost,” Smith said."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pull quote repeats words credited elsewhere (five words at least): their speaker's
        (f"{LEAD}\n\n{SAID}\n\nThe crowd cheered.\n\n“We will rebuild every town.”\n\nThe vote was close.",
         [('We will rebuild', True, 'Smith', 'named'), ('We will rebuild', True, 'Smith', 'named')]),
        (f"{LEAD}\n\n{SAID}\n\nThe crowd cheered.\n\n“We will rebuild every.”\n\nThe vote was close.",
         [('We will rebuild', True, 'Smith', 'named'), ('We will rebuild', False, None, None)]),
        (f"{LEAD}\n\n“Every town we lost,” Smith said.\n\nThe crowd cheered.\n\n“We will rebuild every town we lost, and more.”\n\nThe vote was close.",
         [('Every town we', True, 'Smith', 'named'), ('We will rebuild', False, None, None)]),
        (f"{LEAD}\n\n“Rebuild every town we lost,” Smith said.\n\nThe crowd cheered.\n\n“We rebuild every town we lost, and more.”\n\nThe vote was close.",
         [('Rebuild every town', True, 'Smith', 'named'), ('We rebuild every', True, 'Smith', 'named')]),
        (f"{LEAD}\n\n{SAID}\n\nThe crowd cheered. It was “a farce.”\n\n“We will rebuild every town.”\n\nThe vote was close.",
         [('We will rebuild', True, 'Smith', 'named'), ('a farce.', False, None, None), ('We will rebuild', True, 'Smith', 'named')]),
        (f"{LEAD}\n\n{SAID}\n\nThe crowd cheered.\n\n“We will rebuild every town.”\n\nThe vote was close.\n\n“Every town and every village.”\n\nIt ended late.",
         [('We will rebuild', True, 'Smith', 'named'), ('We will rebuild', True, 'Smith', 'named'), ('Every town and', True, 'Smith', 'named')]),
        # the cue nearest the quotation in its sentence, outside its marks
        ("The crowd waited. “Smith said no to the deal, and we all went home.”",
         [('Smith said no', False, None, None)]),
        ("“Smith said no to the deal, and we all went home,” Jones said.",
         [('Smith said no', True, 'Jones', 'named')]),
        ("“We will win this war, whatever it costs us,”said Smith.",
         [('We will win', True, 'Smith', 'named')]),
        ("Smith said “We will win this war, whatever it costs us,” and the crowd cheered as Jones said goodbye.",
         [('We will win', True, 'Smith', 'named')]),
        ("Smith said on Monday, after a long meeting of the party in the capital, “We will win this war,” Jones added.",
         [('We will win', True, 'Jones', 'named')]),
    ],
)
def test_a_pull_quote_and_the_nearest_cue(text, expected):
    assert speakers(text) == expected


# ---------------------------------------------------------------------------
# Where a figure, a cause of death and a quotation find their source (AttributionCheck)
# ---------------------------------------------------------------------------


def reported_figures(text: str) -> list[str]:
    return [m.split("|")[0] for m in house(text, "unsourced-figure")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead-in ending in a colon (spaces after it left by scraping) sources the paragraph below, when a crowd is not its source
        ("Here are the figures, as the ministry put them:   \n\nThe storm killed 12 people.", []),
        ("Critics say the real figures are these:\n\nThe storm killed 12 people.", ["12 people"]),
        # a crowd in a paragraph of figures above, or in a one-sentence lead that reports, is no source for the figures below
        ("Critics said the storm killed 12 people.\n\nAnother 40 were injured.", ["40"]),
        ("Many experts reported on Tuesday.\n\nThe storm killed 12 people.", ["12 people"]),
        ("Storm report\n\nThe ministry spoke on Tuesday.\n\nThe storm killed 12 people.", ["12 people"]),  # a lead that reports: its verb, not a word before it
        # a run of figures sourced at its next step, the sentence doing it followed by another
        ("Revenue will rise 6.6 pct to 419 billion dlrs.\n\nTotal investment will increase 38 pct, the statement said. The plan was approved.", []),
        # the publisher's own figures: "we" or "our" in the figure's paragraph, outside quotations
        ("The storm killed 12 people in what locals call “our county.”", ["12 people"]),
        ("We met the mayor on Monday.\n\nThe storm killed 12 people.", ["12 people"]),
        ("The storm killed 12 people.\n\nWe met the mayor on Monday.", ["12 people"]),
        ("The storm killed 12 people, we were told.", []),
        # a figure sourced in one paragraph does not end the reading of the next
        ("The storm killed 12 people, police said.\n\nThe vote was held on Monday.\n\nThe flood killed 40 people.", ["40 people"]),
        # a body known by its initials publishes figures: two letters are initials already
        ("The UN showed that 300 people were killed in the fighting.", []),
        ("The FBI showed that 300 people were killed in the fighting.", []),
    ],
)
def test_where_a_figure_finds_its_source_b(text, expected):
    assert reported_figures(text) == expected


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a cause of death sourced in its own paragraph does not end the reading of the others
        ("Smith died of an overdose. Police said he was sad.\n\nJones died of a heart attack.", ["died of a heart attack"]),
        # a sourced sentence speaks of the death only by words of its own, not by the words after it
        ("His album sold well, his manager said.\n\nSmith died of an overdose.", ["died of an overdose"]),
    ],
)
def test_a_cause_of_death_and_where_its_source_is(text, reported):
    assert [m.split("|")[0] for m in house(text, "unsourced-claim")] == reported


@pytest.mark.parametrize(
    ("text", "window", "reported"),
    [
        # a quotation in a sentence already reported for its sourcing is not reported again
        ("It is widely believed that the move was “a disaster for every town and village.”", 1, False),
        # a wider window: any cue near it, outside its marks, in its paragraph, past a sentence of another paragraph
        ("The crowd waited. “Smith said no to the deal, and we all went home.”", 2, True),
        ("The vote was close.\n\n“We will win this war, whatever it costs us.” The crowd roared. Smith said so later.", 2, False),
        ("The vote was close.\n\n“We will win this war, whatever it costs us.” The crowd roared. Smith said so later.", 1, True),
    ],
)
def test_a_quotation_credited_within_the_rules_window(text, window, reported):
    assert bool(house(text, "unattributed-quote", window=window)) is reported


def test_a_phrase_of_the_lexicon_credits_as_a_phrase(fresh):
    """"According to police" is a source phrase (read as one, not as a verb with a subject before it)."""
    assert reported_figures("According to police, the storm killed 12 people.") == []
    assert reported_figures("The storm killed 12 people.") == ["12 people"]


def test_background_phrases_at_a_sentences_start(fresh):
    assert reported_figures("Home to about 5,000 people, the village was cut off by the storm.") == []


def test_rules_with_other_lexicons_each_read_the_article_with_their_own():
    """One analysis per lexicon: a rule that adds "bloggers" to the vague crowds sees them even when a rule
    with the built-in lexicon read the same article first (in one run)."""
    from factlint.linter import lint_sources
    from factlint.ruleset import compile_rules, parse_rule
    from factlint.yamlio import load_yaml

    def rule(rule_id: str, extra: str = "") -> str:
        return (f"id: {rule_id}\nkind: attribution\nfinding: weasel\nseverity: warning\nmessage: \"{{match}}\"\n"
                f"description: d\n{extra}examples:\n  flag: ['x']\n  ok: ['y']\n")

    rules = [parse_rule(load_yaml(rule("shipped"), "a.yaml"), "a.yaml"),
             parse_rule(load_yaml(rule("house", "lexicon:\n  vague_crowds: [bloggers]\n"), "b.yaml"), "b.yaml")]
    report = lint_sources([("story.txt", b"Bloggers say the deal failed.")], compile_rules(rules))
    assert [(f.rule, f.message) for f in report.findings] == [("house", "Bloggers say")]
