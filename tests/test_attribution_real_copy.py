"""The attribution rules on the shapes real web copy takes (issue 15).

An editor read the four rules' findings on multi-outlet web copy and sorted
the false alarms and misses into classes. Each class is here, both ways: a
sentence of that shape that must be left alone, and one that must still be
reported. The sentences are modelled on the copy where the class was seen.
"""

from __future__ import annotations

import pytest

from factlint.document import parse_document
from factlint.kinds.attribution import quotations
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

RULES = {rule.params["finding"]: rule for rule in load_rules([builtin_rules_dir()]) if rule.kind == "attribution"}
CHECKS = compile_rules(RULES.values())
RULE_OF = {finding: rule.id for finding, rule in RULES.items()}


def _doc(text: str):
    return parse_document("story.txt", text.encode("utf-8"))


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
        'The bank was closed because it was "insolvent, unsafe and unsound," the Federal Home Loan Bank Board (FHLBB) said.',
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


def test_a_quotation_split_over_a_paragraph_break_is_credited_by_the_tag_after_it():
    """ECB+ dev 7_3ecbplus: a quotation left open at a paragraph's end, closed in the next paragraph and tagged
    there by its speaker, in tokenized copy ("said the 36 - year - old Klitschko"): the tag credits both parts.
    With no tag after the close, the quotation is reported where it opened."""
    credited = (
        'The referee gave the challenger a standing count before stopping the fight at 2:56. "Thompson was not so easy to box.\n\n'
        'I\'m satisfied, " said the 36 - year - old Klitschko, who improved his record to 58 - 3 (51 KO).\n'
    )
    assert found(credited, "unattributed-quote") == []
    assert [q.speaker.name for q in quotations(_doc(credited))] == ["Klitschko", "Klitschko"]
    untagged = (
        'The referee gave the challenger a standing count before stopping the fight at 2:56. "Thompson was not so easy to box.\n\n'
        'I\'m satisfied, " was the verdict after the champion improved his record to 58 - 3 (51 KO).\n'
    )
    assert [f.location.line for f in found(untagged, "unattributed-quote")] == [1]


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
        "Dozens were killed.[39] The road was closed.",  # a reference mark ("Dozens were killed, 39 hurt." is a tally)
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
        # a lead of one sentence that reports, introducing the figures that open the next paragraph
        "A fourth death has been linked to the drug, the Illinois Department of Public Health reported Tuesday.\n\n"
        "Since March 7, the drug has sickened 153 people and been blamed in four deaths.\n",
        "Other findings of the survey show a rapidly changing America.\n\n"
        "Of the 73.7 million children in the country, 27 percent were living in single parent homes last year.\n",
        # a named subject that keeps the count; a page's note on where its figures come from
        "The village, which is home to 900 residents, recorded 34 cases of Ebola during the epidemic.",
        # a source known by its initials too; a tally dated last month
        "Burma's debt service ratio fell to 48.8 pct, the official Council of People's Inspectors (CPI) reported.",
        "More than 60 people were injured in battles between police and steel workers in Reinosa last month.",
        # the body that made the arrests keeps their count; a tally dated to a month named first is background
        "The Indian navy has captured 23 Somali pirates in the Gulf of Aden.",
        "In February, a quake hit the town of Zarand, killing 612 people.",
        # wire copy's "here": the agency in the city of the dateline is still the subject of its verb
        "A quake measuring an estimated 8.0 hit northern Chile, the Meteorological Agency here reported.",
        # a run of figure paragraphs whose next step ends by naming the source
        "Revenue will rise 6.6 pct to 419.24 billion dlrs.\n\n"
        "Total capital investment will increase 38 pct to 330 billion dlrs, the statement said.\n",
        "DNA evidence has been central to less than 3% of women's exonerations.\n\n"
        "*Statistics on this webpage are derived from the National Registry of Exonerations.\n",
        # wire copy's plan: a lead gives a named source's plan, a run of figure paragraphs its details
        "The Tokyo Grain Exchange said it will raise the margin requirement on soybeans, effective March 2.\n\n"
        "Spot April soybean contracts will increase to 90,000 yen per lot from 70,000 now.\n\n"
        "Chinese spot March will be set at 110,000 yen per lot from 90,000.\n\n"
        "The nearby April requirement for red beans will rise to 100,000 yen from 60,000.\n",
        # a forecast of something else, the count in a relative clause; a figure told already; a market's fall
        "The Central Bank was expected to set up a committee in which 10 commercial banks would decide the rate.",
        "The index lost 508 points on Monday.\n\nThat 22.6 percent loss nearly doubled the 1929 loss of 11.7 percent.\n",
        "The storm killed a dozen people, the police said.\n\nVigils for those 12 victims are planned.\n",
        "On the day before that year, the market fell nearly 13 per cent.",
        # a report story: its first paragraphs credit a report, and its forecasts and estimates are the report's
        "Spain has revised its economic targets for 1987, the economy ministry said in its monthly bulletin.\n\n"
        "Internal demand is now forecast to rise four pct against a previous target of 3.5 pct.\n",
        "Asian countries are offering better oil concessions, the United Nations said.\n\n"
        "The U.N. commission said in its annual report that the price fall cut exploration budgets.\n\n"
        "The big losers were the region's exporters. Their aggregate oil income fell an estimated 20 billion dlrs in 1986.\n",
        # a record of an official statistic is no estimate
        "Japan's trade surplus last year amounted to a record 93 billion dlrs.",
        # a named subject's view that holds the figure: its own estimate
        "The group has grown fast.\n\nIt has retained advisers and believes that outside investors"
        " would not exceed 20 pct of the total.\n",
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
        # a lead whose source says something else introduces no figures; a subject that keeps no count
        "Croatia says it will allow migrants to travel on.\n\nMore than 150 migrants have crossed into Croatia from Serbia.\n",
        "Smith recorded an album in 2010.\n\nThe storm killed 12 people.\n",
        # arrests with no body named as the arresting one; a month at the end dates nothing before it
        "Protesters clashed with police, and 46 people were arrested.",
        "Pirates captured 23 sailors on Tuesday.",
        "The storm killed 12 people in February.",
        # the next paragraph's figures are credited mid-sentence, to something else: no source for these
        "Some 2.44 million people, some 88.41 percent of voters, cast their ballots.\n\n"
        "Under Turkmen laws, elections are valid only with a turnout of more than 50 percent.\n",
        # a plan's lead: a figure not in the plan's mode, a lead with no named source, a run broken before the figure
        "The company said it will close the plant.\n\nThe closure is expected to cost 5,000 jobs.\n",
        "Officials said they will raise the margin requirement.\n\nSpot contracts will increase to 90,000 yen per lot.\n",
        "The exchange said it will raise margins.\n\nThe change follows a fall in prices.\n\n"
        "Spot contracts will increase to 90,000 yen per lot.\n",
        # a forecast inside the relative clause is still a forecast; a demonstrative that points at no figure
        "The bank set up a fund whose losses are expected to reach $2 billion.",
        "This year 12 people were killed in the fires.",
        # a report story's tally of an event; a forecast under a lead that names no report; a report named too late
        "The ministry said in its annual report that exports fell.\n\nExports fell for a third year.\n\n"
        "The floods killed at least 40 people.\n",
        "Japan has pledged to buy more U.S. car parts, the Commerce Department said.\n\n"
        "The talks aim to redress an estimated five billion dlr deficit in car parts trade.\n",
        "Spain has revised its targets.\n\nThe economy has slowed.\n\nThe ministry said so in its monthly bulletin.\n\n"
        "Internal demand is now forecast to rise four pct against a previous target of 3.5 pct.\n",
        # an opinion verb with no clause of its own holding the figure; a crowd's view is no source
        "The allies agreed on a force of 30,000 troops to be deployed by May.",
        "Residents agreed to leave after the storm killed 12 people.",
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
        "Diplomatic sources here said West Germany appeared likely to grow the least.",
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


def test_a_quotation_after_a_sentence_about_someone_the_article_quotes_is_theirs():
    """The subject of the sentence before, in the paragraph, speaks on if the article quotes them elsewhere."""
    woods = (
        "“She has a natural affinity for police officers,” said Richard Woods, a Baltimore attorney.\n\n"
        "Woods has known Mosby for years. “It was important to have somebody who was willing to look at both sides.”\n"
    )
    he = (
        "“I am going to win big,” he says.\n\n"
        "He has been at this since dawn. “Today, I am up at six in the morning, meeting the biggest people.”\n"
    )
    assert found(woods, "unattributed-quote") == [] and found(he, "unattributed-quote") == []


def test_first_person_words_after_a_sentence_about_the_last_speaker_are_theirs():
    text = (
        "Hughes said: “I literally just turned to the lads and said I am off, and they cheered me on.”\n\n"
        "It took him 30 minutes to cross the reservoir. “Even though I was knackered halfway, I knew I had to get across.”\n"
    )
    assert found(text, "unattributed-quote") == []
    assert [q.speaker.name for q in quotations(_doc(text))] == ["Hughes", "Hughes"]


def test_a_tag_in_the_sentence_after_a_quotation_that_ends_with_a_stop():
    text = "The staff was sidelined. \"How much influence does he have over me? Zero! Zero!\" Trump muttered and stormed."
    assert found(text, "unattributed-quote") == []
    assert [q.speaker.name for q in quotations(_doc(text))] == ["Trump"]


@pytest.mark.parametrize(
    "text",
    [
        # the last "speaker" is a notice, not a person "his" may refer to
        "“No swimming from the spillways or other structures of the dam,” the sign read, Police said.\n\n"
        "His friends were waiting on the bank. “My friends all think I am a legend, and my mum thinks I am an idiot.”\n",
        # the last speaker was quoted three paragraphs up
        "“I knew I could make it across,” Hughes said.\n\nThe dam is tall.\n\nThe water is cold.\n\n"
        "It took him 30 minutes. “Even though I was knackered halfway, I knew I had to get across.”\n",
    ],
)
def test_first_person_words_with_no_person_quoted_just_before_are_reported(text):
    assert len(found(text, "unattributed-quote")) == 1


@pytest.mark.parametrize(
    "text",
    [
        # someone the article never quotes is no speaker: the accused, not the prosecutor
        "Smith was arrested on Tuesday. “The evidence against him is overwhelming and clear.”",
        # a pronoun or "no one" opening the sentence before names no speaker
        "The store burned down. No-one has been injured. “The store will be rebuilt as soon as we can manage it.”",
        # "he" speaks on only in the first person
        "“I am going to win big,” he says.\n\nHe has been at this since dawn. “The roads will stay closed all week long.”\n",
    ],
)
def test_a_quotation_after_a_sentence_about_someone_else_is_still_reported(text):
    assert len(found(text, "unattributed-quote")) == 1


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a person's tag ending a sentence that opens with a quotation; the words go on after it
        ('"And we have concerns about the fact that Australia" has a free-trade agreement, began Key.'
         ' "They are a very important part of our market in New Zealand."', ["Key", "Key"]),
        # a pull quote of words credited by the sentence before them
        ("“It was important to have somebody who was willing to look at both sides.”\n\n"
         "“She has a natural affinity for police officers,” said Richard Woods.\n\n"
         "Woods has known Mosby for years. “It was important to have somebody who was willing to look at both sides.”\n",
         ["Richard Woods", "Richard Woods", "Woods"]),  # the first: a quotation opening the story, its speaker next
        # a quotation opening its paragraph after one that ends with someone the story quotes as its subject
        ("“He was following orders,” said Mr. Pigeon. Mr. Pigeon also commended police for their handling of it.\n\n"
         "“They managed to stop any further loss of life.”\n", ["Mr. Pigeon", "Mr. Pigeon"]),
        # first-person words after a sentence whose subject is a name, with an appositive
        ("The bank was evacuated at noon. Tom Simons, 17, who works at the station nearby, also heard the blast."
         " “At first I thought it was thunder, until I saw the police.”", ["Tom Simons"]),
        # a quotation standing alone before the lead that names its speaker, after a line that credits no one
        ("Media playback is not supported on this device\n\n"
         "“The night was about Cristiano. He is relentless in his pursuit of greatness.”\n\n"
         "Match of the Day pundit Rio Ferdinand said he could not breathe as Ronaldo scored.\n",
         ["the Day pundit Rio Ferdinand"]),
        # a byline above the opening words; the title of a paper in a citation is no one's words
        ("Featured article by Emily Halter, CWC alum and Northwestern Pritzker School of Law 2018 graduate\n\n"
         "“While some programs exist, there are few avenues of support.”\n",
         ["Emily Halter"]),
        ('More information: Yinon M. Bar-On et al., "The biomass distribution on Earth," PNAS (2018).', [None]),
        # words quoted in a sentence about a text are the text's
        ('Flying is punished, and the rules also forbid flying them "beyond the direct unaided line of sight" of the operator.', ["the rules"]),
        ('The spot is short, with the ad ending "The truth has power. The truth has a voice."', ["the ad"]),
    ],
)
def test_speakers_a_reader_finds_in_other_shapes(text, speakers):
    assert found(text, "unattributed-quote") == []
    assert [q.speaker.name if q.speaker else None for q in quotations(_doc(text))] == speakers


def test_a_quotation_opening_the_story_after_a_lead_is_not_credited_by_the_next_paragraph():
    text = (
        "Police closed the road on Tuesday after the storm.\n\n"
        "“We will never give up the fight for this town.”\n\n"
        "Mayor Jane Smith said the town would recover.\n"
    )
    assert len(found(text, "unattributed-quote")) == 1


def test_a_text_named_in_another_paragraph_is_no_speaker():
    assert len(found("The ad ran on Sunday night.\n\n“We will never give up the fight for this town.”\n", "unattributed-quote")) == 1


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


# ---------------------------------------------------------------------------
# The issue's classes, the other way: each shape next to the one it must not hide (audit, session 4)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # mixed curly and straight marks with no one named around them
        'The launch failed on Tuesday.\n\n“Either our belief about the rocket is correct, or we are wrong about it."\n',
        # a verb that is no speech verb does not credit the words
        "The mayor toured the site on Monday.\n\nThe crane fell.\n\n“We will build it all again from the ground up.”\n",
    ],
)
def test_a_quotation_in_the_issue_s_shapes_with_no_speaker_is_reported(text):
    assert len(found(text, "unattributed-quote")) == 1


def test_a_named_official_who_sends_a_statement_is_no_anonymous_source():
    assert found("Pentagon spokesman Jeff Davis sent a statement to the network.", "anonymous") == []
    assert len(found("A Pentagon official sent a statement to the network.", "anonymous")) == 1


# ---------------------------------------------------------------------------
# Reuters wire copy: the unsourced-figures dismissals of a held-out tenth (session 5)
# ---------------------------------------------------------------------------

NORANDA_LEAD = "<Noranda Inc> said production will remain shut down at its mine.\n\n"
NORANDA_FIRE = "The fire killed one miner and trapped 56 others underground.\n\n"
NORANDA_SPOKESMAN = "Company spokesman Dale Coffin said the inquiry could take weeks.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        # a wire's company name or ticker in angle brackets is the subject of its verb
        "<Trilogy Resource Corp> said <Teck Corp> agreed to buy shares, which would increase its stake to 37 pct.",
        "Boeing Co <BA> said the crash of its 747, in which 520 died, was caused by faulty repairs.",
        "<Teck\nCorp> said its stake would increase to 37 pct.",
        # "H.K." before a word that does not start a sentence ends none: the tag, a crowd's (reported as a weasel), is in the figure's sentence
        "Cathay's profits are expected to surpass the airline's forecast of one billion H.K. Dlrs, stock analysts said.",
        "New Zealand's deficit is forecast to reach 2.1 billion N.Z. Dlrs, some economists said.",
        # a speaker described by a relative clause before the verb
        "At least 26 people died when a ferry struck a pier, a nurse who took part in the rescue operation said.",
        "At least 26 people died, a nurse who took part in the long and very difficult rescue of the passengers said.",
        # a subject's short name in parentheses before its verb (not only initials)
        "The economy will contract an estimated 4 pct and its output will drop by 42 pct,"
        " the national development council (Conade) said.",
        # a named subject's view whose clause holds its own forecast: a subject and a modal, or "to"
        "Kaul believes the market will drop to 80 cents a lb before June.",
        "Smith thinks unemployment could rise to 9 percent.",
        "Smith expects to see unemployment reach 9 percent.",
        # a subject with "itself" and "so far"/"thus far" before its verb
        "The system itself has so far predicted losses for 1987 will reach only 1.1 billion dlrs.",
        "The banks have thus far said losses are expected to reach 2 billion dlrs.",
        "Turnout rose to 62 percent, Hans Far said.",  # a name, not an adverb
        # the lead's source speaks for a paragraph of figures between two paragraphs that credit it
        NORANDA_LEAD + NORANDA_FIRE + "Noranda said it plans to reopen the mine.\n",
        NORANDA_LEAD + NORANDA_FIRE + NORANDA_SPOKESMAN + "Noranda said it plans to reopen the mine.\n",
        "Profits will fall, Wako Research Institute said.\n\nThey fell last year, it said.\n\n"
        "Sales are expected to rise 2.3 pct.\n\nWako forecasts that profits will rise in 1988.\n",
    ],
)
def test_wire_copy_whose_figures_a_reader_sees_sourced_is_not_reported(text):
    assert found(text, "unsourced-figure") == []


@pytest.mark.parametrize(
    "text",
    [
        # a word in parentheses that is no name; a view whose modal is beyond a clause's reach or past a comma
        "The economy will contract an estimated 4 pct and its output will drop by 42 pct, the council (roughly) said.",
        "Kaul believes the long and painful decline of the coffee market around the world will drop it to 80 cents a lb.",
        "Kaul believes, as traders do, the market will drop to 80 cents a lb.",
        # a name in brackets that is no subject of a source verb
        "Shares of <Teck Corp> fell after the fire killed 12 people.",
        # "H.K." before a word that starts a sentence ends one
        "Cathay expects to earn one billion dlrs in H.K. The airline's loss was 37 pct, analysts said.\n\n"
        "The forecast is expected to reach 2 billion dlrs.\n",
        # a relative clause too long to read, broken by a comma, or a verb denied
        "At least 26 people died, a nurse who took part in the long and very difficult rescue of all the passengers said.",
        "At least 26 people died when a ferry struck a pier. A nurse who took part in the rescue did not say so.",
        # the lead's source: not credited again within two paragraphs, not the paragraph before's, or the story's last word
        NORANDA_LEAD + NORANDA_FIRE + NORANDA_SPOKESMAN + "The mine reopened.\n\nNoranda said it plans to reopen the mine.\n",
        NORANDA_LEAD + "The union said the mine was unsafe.\n\n" + NORANDA_FIRE + "Noranda said it plans to reopen the mine.\n",
        NORANDA_LEAD + NORANDA_FIRE.rstrip() + "\n",
        "Officials said production will remain shut.\n\n" + NORANDA_FIRE + "Officials said the mine would reopen.\n",
        # ... nor a paragraph with a cue of its own, nor after a view, nor where only "The" or "Inc" is shared
        NORANDA_LEAD + "The union believes the fire trapped 56 others underground.\n\nNoranda said it plans to reopen the mine.\n",
        NORANDA_LEAD + "Noranda believes the mine is safe.\n\n" + NORANDA_FIRE + "Noranda said it plans to reopen the mine.\n",
        "Noranda believes production will stay shut.\n\nNoranda said the fire was out.\n\n" + NORANDA_FIRE
        + "Noranda said it plans to reopen the mine.\n",
        "The company said production will stay shut.\n\n" + NORANDA_FIRE + "The union said the mine was unsafe.\n",
        NORANDA_LEAD + NORANDA_FIRE + "Teck Inc said it will buy the mine.\n",
        "Croatia says it will allow migrants to travel on.\n\nMore than 150 migrants have crossed into Croatia from Serbia.\n\n"
        "Hungarian police fired tear gas at migrants.\n",
    ],
)
def test_wire_copy_figures_with_no_source_a_reader_sees_are_reported(text):
    assert len(found(text, "unsourced-figure")) == 1


def test_a_wire_name_in_angle_brackets_is_the_speaker_and_spans_its_brackets():
    text = "“The mine will stay shut until we know more,” said <Noranda Inc>."
    (quotation,) = quotations(_doc(text))
    assert text[quotation.speaker.start : quotation.speaker.end] == "<Noranda Inc>"
    # a crowd credited by a closing tag that opens on a bracketed name is vouched for
    assert found("Droughts are being linked by some scientists to El Nino, <Accu-Weather Inc>, a forecasting service, said.", "weasel") == []


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Sources who attended the conference this morning said the communique was changed.", "anonymous"),
        ("Critics who attended the meeting said the plan was a failure.", "weasel"),
        ("Officials themselves said the talks had failed.", "anonymous"),  # a reflexive after the subject
    ],
)
def test_a_source_described_by_a_relative_clause_is_read(text, finding):
    assert len(found(text, finding)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The survey, released in February, also showed that most who experienced harassment did not report it.",
        "The survey, released in February, also showed that most who experienced harassment never reported it.",
        # a relative clause broken by a mark is not read
        "Critics who met in Paris (last week) said the plan was a failure.",
    ],
)
def test_a_crowd_whose_act_is_denied_or_whose_clause_is_broken_is_no_source(text):
    assert found(text, "weasel") == []


# ---------------------------------------------------------------------------
# Session 7b: sources a fresh Reuters read saw missed before a modifying preposition
# ---------------------------------------------------------------------------

SPAIN_RESERVES = (
    "Spain's foreign reserves rose by 905 mln\ndlrs in February to total 17.05 billion dlrs, compared with\n"
    "14.11 billion dlrs in February 1986, Bank of Spain figures\nshow.\n"
    "    Under a new accounting system introduced this month,\nSpain's foreign reserves now exclude foreign currency.\n"
    "    Under the previous system, Spain's foreign reserves would\nhave risen by 391 mln dlrs in February.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # a doubled word (a typo) before the figure's noun does not hide the sentence's own subject
        "     An NPRA survey of of 139 refineries, which was released at\nthe conference, said reducing sulphur content to 0.05 pct\n"
        "weight in highway diesel fuel would cost refiners 6.65 billion dlrs.\n",
        # a poll, survey or study that "gave", "showed" or "found", whatever newspaper or journal carried it
        "    A poll in yesterday's Sunday Times gave the Conservatives\n41 pct support, 12 percentage points ahead of both opposition\n"
        "groups -- their biggest lead in three-and-a-half years.\n",
        "A survey in The Lancet found the cure would cost 6.65 billion dlrs.\n",
        # a named body's figures ("Bank of Spain figures show") source the lead of a one-source story
        SPAIN_RESERVES,
        SPAIN_RESERVES.replace("Bank of Spain figures\nshow", "Bank of Spain data\nshowed"),
    ],
)
def test_a_document_before_a_modifying_preposition_is_the_figure_s_source(text):
    assert found(text, "unsourced-figure") == []


@pytest.mark.parametrize(
    "text",
    [
        # no source word before the doubled preposition
        "Reducing sulphur content at of of 139 refineries would cost refiners 6.65 billion dlrs.\n",
        # a subject that is no document does not "give" a figure, whatever follows its preposition
        "A rally in yesterday's Hyde Park gave the Conservatives a lead of 12 percentage points.\n",
        # a name's figures, but someone else is credited in the story: the reader cannot tell whose forecast it is
        SPAIN_RESERVES + "    Economists said the rise was strong.\n",
        # a lower-case word before "of" makes no name: "The head of Spain figures" is no body's figures
        SPAIN_RESERVES.replace("Bank of Spain figures\nshow", "the head of Spain figures"),
    ],
)
def test_figures_with_no_document_before_the_preposition_are_reported(text):
    assert len(found(text, "unsourced-figure")) == 1


def test_a_document_that_is_an_object_before_a_name_credits_no_claim():
    # ECB+ copy: "a proposal in the U.N. Security Council that would allow" is no source for "reportedly"
    text = (
        "The United States is reportedly circulating a proposal in the U.N. Security Council that would allow"
        " military forces to enter Somali territory in “hot pursuit” of pirates.\n"
    )
    assert [f.message.split("'")[1] for f in found(text, "weasel")] == ["reportedly"]


BLACK_MONDAY = (
    "President Reagan is concerned about\nthe record drop in stock prices, the White House said.\n"
    "    However, his three-paragraph statement gave no hint of\nwhat action Reagan might take if the plunge continues.\n"
    "    The percentage drop of 22.6 percent on Monday was the\nsecond largest ever, exceeded only by the 24.4 percent drop on\n"
    "Dec. 12, 1914.\n"
    "    It easily eclipsed the fall of 12.8 percent on Oct. 28,\n1929 which helped spark the Great Depression.\n"
)


def test_a_market_s_move_on_a_day_in_a_story_about_the_market_is_its_record():
    assert found(BLACK_MONDAY, "unsourced-figure") == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # no market named before: whose drop is it, and who measured it?
        (BLACK_MONDAY.replace("the record drop in stock prices", "the floods"), ["22.6 percent", "12.8 percent"]),
        # a move with no day is a claim of its own, even in a market story
        (BLACK_MONDAY.replace("22.6 percent on Monday", "22.6 percent this year"), ["22.6 percent"]),
        # something else's rise on a day, in a market story
        (BLACK_MONDAY.replace("The percentage drop of 22.6 percent on Monday", "A rise of 22.6 percent in cases on Monday"), ["22.6 percent"]),
    ],
)
def test_a_move_that_is_no_market_s_day_is_still_reported(text, figures):
    assert [f.message.split("'")[1] for f in found(text, "unsourced-figure")] == figures


# ---------------------------------------------------------------------------
# Crowds counted by a quantifier of several words ("a number of officials")
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A number of officials said the talks had failed.",
        "The talks, a number of officials said, had failed.",
        "According to a number of officials, the talks failed.",
        "Some of the officials said the talks had failed.",
    ],
)
def test_officials_counted_by_a_quantifier_of_several_words_are_anonymous(text):
    (finding,) = found(text, "anonymous")
    assert "number of officials" in finding.message or "of the officials" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "A lot of analysts said the plan would fail.",
        "A majority of economists said the plan would fail.",
        "The majority of economists said the plan would fail.",
        "Plenty of analysts said the plan would fail.",
        "A few analysts said the plan would fail.",
        "According to a lot of analysts, the plan will fail.",
    ],
)
def test_crowds_counted_by_a_quantifier_of_several_words_are_vague(text):
    assert len(found(text, "weasel")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "A Goldman Sachs analyst said the plan would fail.",  # an article before a name: still the name's
        "A number of Water Bureau officials said the pipes were safe.",  # the body speaks
        "According to the number of votes cast, the plan failed.",  # a number that is no quantifier
        "Aspects of American life said to be at risk were listed.",
    ],
)
def test_a_quantifier_s_words_elsewhere_make_no_crowd(text):
    assert found(text, "weasel") == [] and found(text, "anonymous") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The plan has been criticised by a number of officials.", "unnamed officials"),
        ("The plan has been criticised by some of the officials.", "unnamed officials"),
        ("The plan has been criticised by both U.S. and European officials.", "unnamed U.S. and European officials"),
    ],
)
def test_a_crowd_of_officials_is_named_in_the_message_without_its_quantifier(text, source):
    (finding,) = found(text, "weasel")
    assert f"credits this claim to {source}:" in finding.message


def test_a_quantifier_of_several_words_counts_the_head_only_as_whole_words():
    from factlint.kinds.attribution import Analyzer, load_lexicon

    analyzer = Analyzer(load_lexicon(), _doc("Text."))
    assert analyzer._quantified(["plenty", "of", "analysts"])
    assert analyzer._quantified(["a", "number", "of", "officials"])
    assert not analyzer._quantified(["a", "lot", "offered", "analysts"])  # "a lot of" is no prefix of a word
    assert not analyzer._quantified(["ta", "number", "of", "officials"])
    assert not analyzer._quantified(["number", "of", "officials"])


def test_a_view_s_clause_holds_its_modal_within_forty_characters():
    from factlint.kinds.attribution import _VIEW_CLAUSE

    assert _VIEW_CLAUSE.match(" " + "a" * 39 + " will drop")
    assert not _VIEW_CLAUSE.match(" " + "a" * 40 + " will drop")
    assert _VIEW_CLAUSE.match(" that prices") and _VIEW_CLAUSE.match(" to see prices")
    assert not _VIEW_CLAUSE.match(" the market, as traders will")


# ---------------------------------------------------------------------------
# A claim passive with a venue tells of an act (mutation-hints.md: "in court")
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The law was challenged in court.",
        "The figures were questioned at the hearing.",
        "The ruling was challenged before the Supreme Court.",
        "The bill was hotly debated in the national parliament.",  # the venue three words on
    ],
)
def test_a_claim_passive_with_its_venue_is_an_act(text):
    assert found(text, "weasel") == []


@pytest.mark.parametrize(
    "text",
    [
        "The claim has been disputed in recent years.",  # "in" with no venue
        "The figures were questioned at the committee's long hearing.",  # the venue four words on
        "The figures were questioned for the hearing.",  # a venue after another preposition
        "The figures were questioned in court filings by some analysts.",  # "by" a crowd still credits the claim to it
        "The talks ended on Monday after a long day of debate. The status of these detainees is hotly disputed",  # nothing after
    ],
)
def test_a_claim_passive_with_no_venue_is_still_reported(text):
    assert len(found(text, "weasel")) == 1


# ---------------------------------------------------------------------------
# Session 7: Reuters' one-source stories and the wire's own market calls
# ---------------------------------------------------------------------------

METALBANC = (
    "Metalbanc Corp said it signed a letter of intent for a proposed public offering of one mln units.\n\n"
    "The units are expected to be sold at between five dlrs and 6.50 dlrs per unit.\n"
)
BARING = (
    "Baring Capital Investors Ltd (BCI), a unit of the merchant bank <Baring Brothers and Co Ltd>, said it has "
    "launched a fund for management buy-outs.\n\n"
    "It expects to raise more soon through a French fund.\n\n"
    "BCI said the new fund is structured as a unit trust.\n\n"
    "Individual investments are expected to range between one and 10 mln ECUs.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # a story whose lead names its one source: a later forecast with no source of its own is the lead's
        METALBANC,
        "<Metalbanc Corp> said it signed a letter of intent for a public offering.\n\n"
        "The units are expected to be sold at between five dlrs and 6.50 dlrs per unit.\n",
        # the source named again by a name the lead gives it, or by no name of its own, is the same source
        BARING,
        "The People's Construction Bank of China is launching its first bond issue, lead manager Banque Indosuez said.\n\n"
        "The bank said the proceeds will fund two power plants.\n\n"
        "The plants will cost more than 300 mln dlrs.\n",
        # the wire's own call before a market opens
        "Comex gold futures are expected to open 1.50 to 2.00 dlrs higher, following overnight gains in London.\n",
        "Cocoa futures are expected to open 10 to 15 dlrs lower following London cocoa prices.\n",
        "Crude futures are called unchanged to five cts weaker.\n",
    ],
)
def test_a_one_source_story_s_forecasts_and_the_wire_s_market_calls_are_not_reported(text):
    assert found(text, "unsourced-figure") == []


@pytest.mark.parametrize(
    "text",
    [
        # another source anywhere in the story: the reader can no longer tell whose forecast it is
        METALBANC + "\nDealer Tom Hart said demand for the units was strong.\n",
        METALBANC + "\nAnalysts said demand for the units was strong.\n",
        METALBANC + "\nOne banking source said demand for the units was strong.\n",
        BARING.replace("BCI said", "Rival fund manager Apax said"),
        # a lead that does not name its source, or names none
        "The company said it signed a letter of intent for a public offering.\n\n"
        "The units are expected to be sold at between five dlrs and 6.50 dlrs per unit.\n",
        "Metalbanc Corp signed a letter of intent for a public offering.\n\n"
        "The units are expected to be sold at between five dlrs and 6.50 dlrs per unit.\n",
        # a tally of an event, or a figure marked as someone's estimate, keeps its query in a one-source story
        "<Noranda Inc> said its mine will stay shut.\n\nThe fire killed one miner and trapped 56 others underground.\n",
        "Metalbanc Corp said it signed a letter of intent for a public offering.\n\n"
        "The offering comes after an estimated 2.5 billion dlrs in losses.\n",
        # a forecast of a market's close or level is someone's forecast, not the wire's call before the open
        "Comex gold futures are expected to close 1.50 to 2.00 dlrs higher.\n",
        "Gold production is expected to reach 1,500 tonnes this year.\n",
    ],
)
def test_forecasts_whose_source_a_reader_cannot_tell_are_reported(text):
    assert len(found(text, "unsourced-figure")) == 1


# ---------------------------------------------------------------------------
# Session 8 (issue 15b): a wire's settled facts, a source a paragraph or two away, a quotation's speaker across a break
# ---------------------------------------------------------------------------

HANOI = (
    "Insects are threatening to destroy 367,000 hectares of the spring rice crop in northern Vietnam, Hanoi radio reported.\n\n"
    "Drought has hit another 189,000 hectares, with 40,000 hectares very badly affected, it said.\n\n"
    "{middle}"
    "The affected areas produce between 30 to 40 per cent of the country's rice.\n"
)


def test_a_share_in_a_one_source_story_whose_lead_gives_figures_is_that_sources():
    """Reuters 17257: the lead's source gives figures and no one else is credited: a share with no source of
    its own is the lead source's, as a forecast already was."""
    assert found(HANOI.format(middle=""), "unsourced-figure") == []


@pytest.mark.parametrize(
    "middle",
    [
        "A U.N. official said aid was on its way.\n\n",  # someone else is credited: whose share is it?
        "Vietnam has asked for aid.\n\nA U.N. official said aid was on its way.\n\n",
    ],
)
def test_a_share_where_the_story_has_another_source_is_still_reported(middle):
    assert "40 per cent" in " ".join(f.message for f in found(HANOI.format(middle=middle), "unsourced-figure"))


def test_a_share_after_a_lead_that_only_holds_a_view_is_still_reported():
    text = (
        "President Reagan is concerned about the floods, the White House said.\n\n"
        "The affected areas produce between 30 to 40 per cent of the country's rice.\n"
    )
    assert len(found(text, "unsourced-figure")) == 1


BEET = (
    "Sugar beet plantings are almost complete in the south, trade sources said.\n\n"
    "In the west about 60 pct of the plantings were completed, while in the north only 40 pct was sown, they said.\n\n"
    "The weather is forecast to stay mild in the north, {tag}.\n\n"
    "This year's area sown to sugar beets is likely to fall to 38,500 hectares from around 40,000 last year.\n"
)


def test_a_run_of_figures_goes_on_through_a_paragraph_where_its_source_goes_on_speaking():
    """Reuters 17275: "they said" without figures between the run's sourced figures and the forecast below
    does not end the run: the forecast is theirs."""
    assert found(BEET.format(tag="they said"), "unsourced-figure") == []


@pytest.mark.parametrize("tag", ["the weather service said", "and more planting progress is due"])
def test_a_run_of_figures_ends_at_a_paragraph_with_another_source_or_none(tag):
    assert len(found(BEET.format(tag=tag), "unsourced-figure")) == 1


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # an event of last week, already reported, recalled (Reuters 15166); the same event as news is reported
        ("Insurers met on Monday.\n\nLast week's fire killed one miner and trapped 52 others underground.\n", 0),
        ("Insurers met on Monday.\n\nThe fire killed one miner and trapped 52 others underground.\n", 1),
        # a rate a body has set (Reuters 00209); an estimate with no one setting it is reported
        ("The government has set public sector wage rises at about 1.7 per cent this year.", 0),
        ("Public sector wage rises will be about 1.7 per cent this year.", 1),
        # a deal's terms (ECB+ 5_2ecb); damage worth a sum is someone's estimate
        ("They signed Elton Brand to a five-year deal worth nearly $80 million last summer.", 0),
        ("The storm caused damage worth nearly $80 million last summer.", 1),
    ],
)
def test_settled_facts_of_a_wire_and_the_claims_they_look_like(text, reported):
    assert len(found(text, "unsourced-figure")) == reported


@pytest.mark.parametrize(
    ("before", "credited"),
    [
        # one person credited in the paragraph before, its last sentence not theirs (Reuters 16773, 17372)
        ('"They do not have the same money," Fernandez said. Groups of banks had decided the arena was not to their liking.', True),
        ("He said prices of tea fell to half their 1984 levels. World prices of rubber also fell.", True),
        # two people, a body, or no one: a reader cannot tell
        ("Smith said the plan failed. Jones said it worked. The vote is next week.", False),
        ("Police said the plan failed. The vote is next week.", False),
        ("The plan failed. The vote is next week.", False),
        ("They said the plan failed. The vote is next week.", False),  # a group
        ("He said the plan failed. She said it worked. The vote is next week.", False),  # two people
        ("Officials said the plan failed. The vote is next week.", False),  # unnamed: no one to credit
        # a name and its "he" are one person
        ("Smith said the plan failed. He said it would be appealed. The vote is next week.", True),
    ],
)
def test_a_quotation_opening_its_paragraph_after_one_persons_paragraph_is_theirs(before, credited):
    text = before + '\n\n"They wind up with very little, and who wants that really? It is nothing."\n'
    assert (found(text, "unattributed-quote") == []) is credited


@pytest.mark.parametrize(
    ("opening", "credited"),
    [
        ("Tim Fanning told a news conference. He said no one else was hurt.", True),
        ("The store closed early. Tim Fanning told a news conference.", False),  # the name does not open the paragraph
    ],
)
def test_a_tag_cut_at_a_titles_stop_by_a_paragraph_break_credits_the_quotation(opening, credited):
    """ECB+ dev 18_14ecb: '“...,” Vancouver police Const.' / 'Tim Fanning told a news conference.'"""
    text = (
        "Police arrested a former employee. “A man who had just been let go came in and shot another man,”"
        " Vancouver police Const.\n\n" + opening + "\n"
    )
    assert (found(text, "unattributed-quote") == []) is credited


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a lead that announces a change of something else's, then its details in the same mode (Reuters 00233)
        ("The Italian treasury said annual coupon rates on two issues of treasury certificates (CCTs) would be cut.\n\n"
         "Coupon rates on 10-year certificates will fall to 9.80 pct from 13.65 pct.\n", 0),
        # a lead of the plan with its source's closing tag (Reuters 03962)
        ("Transfer payments to seven provinces will rise over the next two years, the finance department announced.\n\n"
         "In fiscal 1989 payments will rise to 5.9 billion dlrs.\n", 0),
        # a lead that announces no plan: the forecast below is no one's
        ("The ministry said exports fell sharply.\n\nExports will fall 12 pct next year.\n", 1),
        ("Exports fell sharply, the ministry said.\n\nExports will fall 12 pct next year.\n", 1),
    ],
)
def test_a_plans_details_below_a_lead_that_announces_it_in_any_form(text, reported):
    assert len(found(text, "unsourced-figure")) == reported


@pytest.mark.parametrize(
    "cut",
    [
        " Vancouver police officers.",  # no title's stop: a sentence of its own
        " and the crowd went home that night in the rain.",  # more than four words after the quotation
    ],
)
def test_a_quotation_followed_by_no_title_is_not_credited_by_the_next_paragraph(cut):
    text = "Police arrested a former employee. “A man who had just been let go came in and shot another man,”" + cut
    assert len(found(text + "\n\nTim Fanning told a news conference.\n", "unattributed-quote")) == 1
