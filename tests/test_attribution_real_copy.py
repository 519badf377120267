"""The attribution rules on the shapes real web copy takes (issue 15).

An editor read the four rules' findings on multi-outlet web copy and sorted
the false alarms and misses into classes. Each class is here, both ways: a
sentence of that shape that must be left alone, and one that must still be
reported. The sentences are modelled on the copy where the class was seen.
"""

from __future__ import annotations

import pytest

from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULES = {rule.params["finding"]: rule for rule in load_rules([builtin_rules_dir()]) if rule.kind == "attribution"}
CHECKS = compile_rules(RULES.values())
RULE_OF = {finding: rule.id for finding, rule in RULES.items()}


def found(text: str, finding: str) -> list:
    report = lint_sources([("story.txt", text.encode("utf-8"))], CHECKS)
    assert not report.errors, [str(e) for e in report.errors]
    return [f for f in report.findings if f.rule == RULE_OF[finding]]


# ---------------------------------------------------------------------------
# A named source in the same sentence is no vague crowd
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The clause is unconstitutional, according to two experts from the University of Chicago Law School:"
        " Professor Aziz Huq and Assistant Professor Daniel Hemel.",
        "According to Schorer and other neighbours, Magnotta kept to himself and slept late.",
        "The official confirmed details that have previously been reported by other media outlets, including TMZ.",
        "Goldman Sachs analysts say the deal will lift the market.",
        "Most Astros players said they had not seen the gesture.",
        "Plants make up 450 gigatons, scientists report today in the Proceedings of the National Academy of Sciences.",
    ],
)
def test_a_crowd_named_in_its_sentence_is_a_source(text):
    assert found(text, "weasel") == []


@pytest.mark.parametrize(
    "text",
    [
        "The clause is unconstitutional, according to two experts.",
        "The details have previously been reported by other media outlets.",
        "Western analysts say the deal will lift the market.",
    ],
)
def test_a_crowd_with_no_name_is_still_reported(text):
    assert len(found(text, "weasel")) == 1


# ---------------------------------------------------------------------------
# Quotations whose speaker is there, in many shapes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the speaker inside the sentence, around mixed curly and straight marks
        '“Either our belief about the rocket is correct," Musk said, "or we are wrong about it.”',
        # speech verbs beyond "said"
        *(
            f"“We will build it all again from the ground up,” she {verb}."
            for verb in ("wrote", "tweeted", "posted", "told reporters", "added", "recalled", "quipped", "insisted", "began", "continued")
        ),
        "“We will build it all again from the ground up,” according to the mayor.",
        "“Universe must have my back, fell from the sky into my lap,” Grande sings.",
        "Another trader, David White, compared the challengers to “rats deserting a sinking ship.”",
        "The ambassador answered Obama’s remark last week that Russia is a “regional power acting out of weakness.”",
        # the speaker in the sentence before, in or out of the paragraph, or in a lead-in
        "Jenkins says the plan failed. “It never worked, not once in ten years.”",
        "Jenkins says the plan failed.\n\n“It never worked, not once in ten years.”\n",
        "Conservative columnist George Will:\n\nRomney 321, Obama 217. “The wild card is that I am projecting Minnesota.”\n",
        # the speaker's words go on after a stray stop in the tag
        "“Tara was 100 percent professional,” he told E! News. “She came in totally prepared every day.”",
        # a credit line, a caption card, an embedded post, a pull quote of credited words
        "“As funny as it is inspiring, and a great read too.”\n\n─ San Francisco Book Review\n",
        "Melissa Moore “To be a chick in fire, you have to be excellent” Engine captain",
        'No, "What if everyone looked up flummadiddle twice a day?" is the tweet — Merriam-Webster (@MerriamWebster) November 29, 2016',
        "“I just want these guys to stop, that is all I want.”\n\n"
        "“I just want these guys to stop, that is all I want,” she wrote to the investigator.\n",
        # not speech: a title, a sign, a slogan, a term, a scare quote of one to three words
        "She starred in “The Hunger Games: Mockingjay Part One and the Girl on Fire”.",
        "Protesters carried a banner that read “we will not be silenced by anyone.”",
        "The campaign's slogan, “make the city work for everyone again,” was everywhere.",
        "Fascism is the leading candidate for the dictionary's annual “word of the year.”",
        "The plan was a “total failure” from the start.",
    ],
)
def test_a_quotation_whose_speaker_a_reader_finds_is_not_reported(text):
    assert found(text, "unattributed-quote") == []


@pytest.mark.parametrize(
    "text",
    [
        "The hearing began at noon. “We have waited a long time for this day to come.”",
        "Hughes is far from an avid swimmer.\n\n“I did swimming badges when I was seven but not since.”\n",
        "The store burned on Sunday. No one was hurt. “The store will be rebuilt as soon as we can.”",
        # a lyric is credited by its singer, not by the crowd that heard it
        "“Universe must have my back, fell from the sky into my lap.” The crowd cheered.",
    ],
)
def test_a_quotation_with_no_speaker_nearby_is_reported(text):
    assert len(found(text, "unattributed-quote")) == 1


def test_the_title_limit_is_sixteen_capitalized_words():
    """A quotation of capitalized words is a title up to sixteen words; longer, it is someone's words."""
    title = " ".join(["Word"] * 16)
    assert found(f"The talks ended. The wall bore “{title}” in red.", "unattributed-quote") == []
    assert len(found(f"The talks ended. The wall bore “{title} Word” in red.", "unattributed-quote")) == 1


# ---------------------------------------------------------------------------
# Figures that are not claims, and figures that are
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bunch, then 22, was sentenced to 60 years.",  # an age
        "The storm destroyed the harbour wall and several boats.[39]",  # a reference mark
        "The bomb had a yield of one megaton, the equivalent of one million tons of TNT.",  # a conversion
        "The world produced 54 million tons of e-waste last year, the report said. That's an average of about 43 lbs per person.",
        "Last July, Carrey was outraged after the shooting deaths of 12 people in Aurora.",  # an event already reported
        "He faces up to 99 years in prison and a fine of up to $9 million.",  # a limit
        "Shares of the company jumped 2.5 percent in heavy trading.",  # a market's move
        "Snoop Dogg has sold more than 40 million albums since his debut.",  # a sale, not a tally
        "He sold the company in 2007 for $175 million.",  # a deal of record
        "The crew will remain in their suits in a 100% oxygen environment.",
        # a source in the paragraph, or in the sentence that introduces the figures
        "Police said the quake struck at dawn. The roads were closed. It killed 12 people.",
        "The health ministry released its figures on Monday:\n\nThe storm destroyed 300 homes and killed 12 people.\n",
        "The ministry said 1,200 people were killed.\n\nAnother 300 people were injured in the capital.\n",
        "Overall, we continue to see more requests. Content restricted increased by 11% over the half.",  # the publisher's own
    ],
)
def test_a_figure_that_is_no_claim_or_is_sourced_is_not_reported(text):
    assert found(text, "unsourced-figure") == []


@pytest.mark.parametrize(
    "text",
    [
        "The storm killed at least 12 people on Tuesday.",  # a tally of an event
        "Unemployment rose to 9.1% in May.",  # a rate
        "About 62% of voters back the deal.",  # a share
        "The cleanup could cost $2 billion.",  # a forecast of a cost
        "The floods caused $3 billion in damage.",  # damage
        "More than 150 migrants have crossed into Croatia from Serbia.",
        "Police closed the road.\n\nThe blast injured 40 people.\n",  # the source is in another paragraph
    ],
)
def test_a_claim_figure_with_no_source_is_reported(text):
    assert len(found(text, "unsourced-figure")) == 1


# ---------------------------------------------------------------------------
# Anonymous sources: the reason given nearby, and actions that are not sourcing
# ---------------------------------------------------------------------------

REASON = "The official spoke on condition of anonymity because he was not authorized to speak to the media."


def test_an_anonymous_source_with_its_reason_two_paragraphs_away_is_not_reported():
    text = f"A law enforcement official said the search continued.\n\nPolice found the car.\n\n{REASON}\n"
    assert found(text, "anonymous") == []


def test_an_anonymous_source_with_its_reason_far_away_or_missing_is_reported():
    far = f"A law enforcement official said the search continued.\n\nOne.\n\nTwo.\n\nThree.\n\n{REASON}\n"
    assert len(found(far, "anonymous")) == 1
    assert len(found("A law enforcement official said the search continued.\n", "anonymous")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Law enforcement officials released new surveillance video on Thursday.",
        "Officials have also agreed to hold talks next week.",
        "Officials have also agreed that an orchestra from the North will perform.",
        "The risk is slight, as Water Bureau officials acknowledge.",  # the body speaks
    ],
)
def test_actions_and_named_bodies_are_not_anonymous_sourcing(text):
    assert found(text, "anonymous") == []


@pytest.mark.parametrize(
    "text",
    [
        "A Pentagon official sent a statement to the network.",
        "The deal is close, a person familiar with the matter said.",
        "Sources close to the family said she was recovering.",
        "Officials released figures showing the toll had doubled.",
        "Officials said the video had been overlooked.",
    ],
)
def test_anonymous_officials_in_other_shapes_are_reported(text):
    assert len(found(text, "anonymous")) == 1


# ---------------------------------------------------------------------------
# Vague crowds in other shapes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Economists have pointed to several causes of the slump.",
        "The data showed a recovery that looked fragile to many market watchers.",
        "The plant closed, prompting many observers to conclude the town was finished.",
        "Investigators say the fire was set deliberately.",
        "The status of these detainees is hotly disputed.",
        "Moon's works have been ridiculed by some reviewers.",
        "There is growing speculation that the minister will resign.",
    ],
)
def test_vague_crowds_in_other_shapes_are_reported(text):
    assert len(found(text, "weasel")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The recovery looked fragile to Goldman Sachs analysts.",
        "The blast left many residents without homes.",
        "The county fire department is looking into the blaze. Investigators say the fire was set deliberately.",
        "The result is disputed by the company.",
        "Some chefs add a few tablespoons of wine after the sautee step.",
        "Several people charge their smartphones next to the satellite truck.",
        "Other cities are considering similar lawsuits.",
        "The other characters think, correctly, that the two are in love.",
    ],
)
def test_shapes_that_look_like_crowds_but_are_not(text):
    assert found(text, "weasel") == []


def test_a_crowd_reported_by_a_closing_tag_of_up_to_eight_words_is_credited():
    """_tag: '..., Troy Police Chief Gary Mayer said.' vouches for the crowd; a long clause after the name does not."""
    tagged = "Some witnesses told police that the gunman hid a rifle, Troy Police Chief Gary Mayer said."
    assert found(tagged, "weasel") == []
    long_tail = "Some witnesses told police that the gunman hid a rifle, Mayer said on Tuesday at a news conference held in the old city hall."
    assert len(found(long_tail, "weasel")) == 1


# ---------------------------------------------------------------------------
# A claim that needs a source: a cause of death
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Grande lost her former boyfriend Mac Miller, who died from an apparent drug overdose on Sept. 7.",
        "Weeks later, the singer took his own life at his home in Los Angeles.",
    ],
)
def test_a_cause_of_death_stated_flatly_is_reported(text):
    assert len(found(text, "unsourced-claim")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Mac Miller died from an apparent drug overdose on Sept. 7, the Los Angeles County coroner said.",
        "Police said the singer was found dead on Monday.\n\nHe died of an apparent overdose.\n",
        "Her father died of cancer in 2009.",  # a death long past, not the news
        "The cause of death was not released.",
    ],
)
def test_a_cause_of_death_the_article_attributes_is_not_reported(text):
    assert found(text, "unsourced-claim") == []


# ---------------------------------------------------------------------------
# Scraped copy: page furniture, citations, conventions of a whole article
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the speaker is in the paragraph before the photo caption or page furniture
        "Davis ejected the team to bolster his own club, Powell alleged.\n\n"
        "These were the jeans the boy wore on Saturday. (Eddy Kennedy/CBC)\n\n"
        "“He owes these three kids a written apology, and he knows it.”\n",
        "Her spokesman told Radar the sisters had a complex relationship.\n\nPHOTOS: Stars at the gala\n\n"
        "“It hurt Julia, but she knew her sister was battling addiction.”\n",
        # a footnoted citation; words woven into a named subject's sentence; a dialogue
        "This was no ordinary history, for it contained “the fullness of the everlasting Gospel as delivered.”3",
        "President Barack Obama has advanced a vision of “America's commitment to seek a world without nuclear weapons.”",
        "“YOU bought it? How did you pay?”\n\n“With your credit card.”\n\n“Oh. That card is for emergencies, honey.”\n",
    ],
)
def test_scraped_copy_shapes_with_a_speaker_a_reader_finds(text):
    assert found(text, "unattributed-quote") == []


def test_furniture_does_not_lend_a_speaker_it_does_not_have():
    text = "The meeting ran late.\n\nPHOTOS: Stars at the gala\n\n“We will be back next year, bigger and better.”\n"
    assert len(found(text, "unattributed-quote")) == 1


def test_an_article_whose_quotations_mostly_name_no_one_quotes_by_its_own_convention():
    """An interview, a profile, ad copy: when most quotations (four or more) name no one, none is reported."""
    lines = [f"“This is line number {n} of what he told me that night.”" for n in range(4)]
    interview = "\n\n".join(["He sat down at last.", *(f"We talked for an hour. {line}" for line in lines)]) + "\n"
    assert found(interview, "unattributed-quote") == []
    three = "\n\n".join(["He sat down at last.", *(f"We talked for an hour. {line}" for line in lines[:3])]) + "\n"
    assert len(found(three, "unattributed-quote")) == 3


def test_officials_of_a_named_company_speak_for_it_but_unnamed_bodies_do_not():
    assert found("In an e-mail, LinkedIn officials wrote that passwords were reset.", "anonymous") == []
    assert len(found("Senior administration officials said the strike was legal.", "anonymous")) == 1


def test_a_reason_given_for_all_the_story_s_sources_explains_each_of_them():
    text = (
        "Four former intelligence officials said the names were leads.\n\nOne.\n\nTwo.\n\nThree.\n\n"
        "The courier was found, according to an official, who like others interviewed for this story spoke only"
        " on condition of anonymity to discuss the sensitive operation.\n"
    )
    assert found(text, "anonymous") == []
