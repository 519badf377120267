"""What each place of an article is tied to (factlint.attachments): every
shape of attachment the locations kind compares, and the placements it never
compares (lists, other instances, guesses, names that hold a place)."""

from __future__ import annotations

import pytest

from factlint.attachments import (GENERIC, INSTITUTION, NAMED, fronted_spans, initials, read_attachments, singular,
                                  trigger_starts)
from factlint.document import parse_document
from factlint.kinds.locations import article_places, load_lexicon

LEXICON = load_lexicon()


def attachments(text: str) -> list:
    doc = parse_document("example.md", text.encode("utf-8"))
    return read_attachments(doc, article_places(doc, LEXICON), None, LEXICON)


def keyed(text: str) -> dict[str, tuple[str, int, str]]:
    """key -> (place as written, tier, status) of every attachment of the text."""
    return {key: (a.surface, tier, a.status) for a in attachments(text) for key, tier in zip(a.keys, a.tiers)}


# ---------------------------------------------------------------------------
# The shapes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "place", "tier", "shape"),
    [
        # an institution or body before "in"/"at"/"near"/"outside"
        ("Police in Lyon said the suspect had fled on foot.", "police", "Lyon", INSTITUTION, "noun"),
        ("He was taken to a hospital in Denver, where he died on Sunday.", "hospital", "Denver", INSTITUTION, "noun"),
        ("Cops in Brooklyn said the teenager had a gun.", "police", "Brooklyn", INSTITUTION, "noun"),
        ("Protesters gathered outside the embassy in Ankara on Friday.", "embassy", "Ankara", INSTITUTION, "noun"),
        ("The pirates were handed over to authorities in Djibouti.", "authority", "Djibouti", INSTITUTION, "noun"),
        # a name of a facility or body, or a name before an institution
        ("Crews fought the blaze at the Waitrose supermarket in Wellington, Somerset.", "waitrose",
         "Wellington, Somerset", NAMED, "noun"),
        ("Tourists gathered at the Eiffel Tower in Paris on Sunday.", "eiffel tower", "Paris", NAMED, "noun"),
        ("She studied at the University of Texas at Dallas.", "university of texas", "Dallas", NAMED, "noun"),
        # a place named as a thing: "the East Flatbush neighborhood in Brooklyn"
        ("A vigil was held in the East Flatbush neighborhood in Brooklyn, New York.", "place:east flatbush",
         "Brooklyn, New York", NAMED, "noun"),
        # any other noun phrase: generic
        ("Office workers in Dubai evacuated several buildings.", "worker", "Dubai", GENERIC, "noun"),
        # an office or person defined by a place
        ("The mayor of Leeds, Judith Blake, called for calm.", "office:mayor", "Leeds", INSTITUTION, "office"),
        ("A resident of Denver, Tom Ellis, filmed the fire.", "office:resident", "Denver", GENERIC, "office"),
        # a possessive
        ("Manila's police chief resigned on Monday.", "office:police chief", "Manila", INSTITUTION, "possessive"),
        ("Brokers at Manila's two stock exchanges reacted nervously.", "stock exchange", "Manila", INSTITUTION,
         "possessive"),
        # a place before an institution, with or without its state
        ("Marseille police said three people were arrested.", "police", "Marseille", INSTITUTION, "attributive"),
        ("Springfield, Illinois, police said the man was 34.", "police", "Springfield, Illinois", INSTITUTION,
         "attributive"),
        # a verb
        ("Page was born on April 22, 1923, in Nashville, Tennessee.", "verb:born", "Nashville, Tennessee", NAMED,
         "verb"),
    ],
)
def test_attachment_shapes(text, key, place, tier, shape):
    [found] = [a for a in attachments(text) if key in a.keys]
    assert (found.surface, found.tiers[found.keys.index(key)], found.shape, found.status) == (place, tier, shape,
                                                                                               "asserted")


@pytest.mark.parametrize("text", ["Shares traded in Tokyo rose.", "Cheeks also coached at Portland.",
                                  "Sales rose 2.5 pct in February.", "He said in London that talks failed."])
def test_no_thing_to_place(text):
    assert attachments(text) == []


def test_an_event_word_is_the_event_analyzers_but_a_name_before_it_is_a_thing():
    assert keyed("Recent ICO talks in London failed to break a deadlock.") == {"ico": ("London", INSTITUTION, "asserted")}
    assert keyed("A car bombing in Kabul killed 12 people.") == {}


def test_initials_are_a_key_as_surely_as_the_name_only_where_the_article_writes_them():
    text = "Talks at the International Coffee Organisation in London failed."
    assert keyed(text)["ico"][1] == GENERIC
    assert keyed(text + " The ICO meets again in May.")["ico"][1] == keyed(text)["international coffee organisation"][1]
    assert initials("international coffee organisation") == "ico" and initials("bank of america") == "ba"


def test_a_headline_in_title_case_is_read_without_names():
    doc = parse_document("a.md", b"# Fire At Waitrose In Wellington\n\nCrews fought the fire for hours.\n")
    [found] = read_attachments(doc, article_places(doc, LEXICON), None, LEXICON)
    assert (found.keys, found.role) == (("waitrose",), "headline")


@pytest.mark.parametrize(("word", "key"), [("workers", "worker"), ("authorities", "authority"), ("police", "police"),
                                           ("boxes", "box"), ("chaos", "chaos"), ("news", "news")])
def test_keys_are_singular(word, key):
    assert singular(word) == key


# ---------------------------------------------------------------------------
# Never compared
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # places in lists
        ("Rain totals in Cordoba, Mendoza and Salta provinces were low.", "list"),
        ("Newspapers in Manila and Hong Kong reported the offer at the weekend.", "list"),
        ("The company has stores in Madrid and Barcelona.", "list"),
        ("His moves were criticized both in Philadelphia and in Portland.", "list"),
        # other instances
        ("It was the worst attack since last year's bombing at the embassy in Nairobi.", "other"),
        ("A similar attack at a hospital in Kabul in 2019 killed 20.", "other"),
        ("Police in Athens in 1985 shot a teenager during a protest.", "other"),
        ("His former club in Porto paid tribute.", "other"),
        # guesses and the future
        ("Her first child will be born in Leeds.", "hedged"),
        ("Fans gathered at the stadium in Miami or elsewhere in Florida.", "hedged"),
        ("The pirates will be handed over to the authorities, possibly at Djibouti.", None),  # no thing before
    ],
)
def test_placements_never_compared(text, status):
    assert {a.status for a in attachments(text)} == ({status} if status else set())


@pytest.mark.parametrize(
    "text",
    [
        "The Washington Post reported the offer on Sunday.",
        "Paris Hilton arrived at the premiere with Jordan Henderson.",
        "The New York Times said the offer was withdrawn.",
        "The Paris-based firm said the offer was withdrawn.",  # where a firm is, not a thing placed
        "Moscow said the talks had failed.",
        "Ecuador's consumer price index rose 2.5 pct in February.",  # a country's index is no place's
        "The Managua government rejected the offer.",  # the government of a place
    ],
)
def test_names_holding_a_place_and_places_that_are_not_where(text):
    assert attachments(text) == []


def test_a_qualifier_that_does_not_hold_the_place_is_not_a_second_placement():
    found = attachments("Office workers in Sincelejo, United Arab Emirates, evacuated several buildings.")
    assert [(a.surface, a.status) for a in found] == [("Sincelejo", "asserted")]


# ---------------------------------------------------------------------------
# Where places are read
# ---------------------------------------------------------------------------


def test_places_are_read_only_where_an_attachment_or_event_may_be():
    text = ("Police in Lyon said the man fled.\n\nThe company reported higher sales for Europe and Asia.\n\n"
            "Marseille police made an arrest. Reagan's aides met reporters.\n")
    marks = sorted(trigger_starts(text))
    assert [text[m:m + 9] for m in marks] == ["in Lyon s", "Marseille"]
    doc = parse_document("a.md", text.encode())
    assert [m.surface for _, _, m in article_places(doc, LEXICON)] == ["Lyon", "Marseille"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a fronted place sets the scene of its sentence: the story names it (ECB+ 20: the place the
        # rest of the story agrees on, against "an office worker in Sialkot")
        ('"People poured into the streets." In Dubai, one of the seven emirates, buildings were evacuated.',
         ["In Dubai,"]),
        ("At Davos, the leaders met bankers.", ["At Davos,"]),
        ("In central Athens, youths attacked a police station. In the United States, shares fell.",
         ["In central Athens,", "In the United States,"]),
        ("In New York, <Airbus Industrie> said AMR is also talking to Boeing.", ["In New York,"]),  # Reuters 01060
        # no comma after the place: not a scene the sentence opens on (Reuters 00270, 00443)
        ("In Manila's case, about 40 pct was owed. In India some 240 mln cattle graze.", []),
        # a capitalised "In"/"At" before a word that is no place
        ("In January, sales rose. In addition, prices fell. At Least, one bank closed.", []),
        # not a trigger of an attachment: nothing before it to tie
        ("In Dubai, buildings were evacuated.", ["In Dubai,"]),
        # after its opening quotes (Reuters 17429), after a wire paragraph's spaces (01060)
        ('He said so. "In China, production concentrates on the domestic market."', ["In China,"]),
        ("The order was signed.\n     In New York, Airbus said AMR is also talking to Boeing.", ["In New York,"]),
    ],
)
def test_a_fronted_place_is_read(text, read):
    assert [text[start:end] for start, end in sorted(fronted_spans(text))] == read
    assert not [m for m in trigger_starts(text) if text[m:m + 3] in ("In ", "At ")]


def test_a_fronted_place_is_read_alone():
    # the place and its comma, no window: what follows is read only around cues of its own
    text = "In Dubai, Abu Dhabi officials said so. In Paris, the police in Lyon said so."
    doc = parse_document("a.md", text.encode())
    assert [m.surface for _, _, m in article_places(doc, LEXICON)] == ["Dubai", "Paris", "Lyon"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a sentence's first word is capitalised as every first word is: the message writes it as a noun
        ("Police in Lyon said the suspect fled on foot.", "police"),
        ("# Police In Lyon Arrest A Man\n\nThe suspect fled.", "police"),  # a title-case headline
        ('"He ran," Police in Lyon said.', "Police"),  # mid-sentence: capitalised as a name is
        ("ICO talks in London ended.", "ICO talks"),  # initials
        ("Police in Lyon said so. Reporters asked the Police about it.", "Police"),  # a name elsewhere
    ],
)
def test_a_things_label_keeps_a_capital_only_for_a_name(text, label):
    assert [a.label for a in attachments(text)][:1] == [label]


def test_every_place_before_police_or_a_possessive_is_a_trigger():
    text = "Marseille police said so; the police in Paris did not, and Lyon police agreed. Manila's mayor met Leeds's mayor."
    assert [text[m:m + 4] for m in sorted(trigger_starts(text))] == ["Mars", "in P", "Lyon", "Mani", "Leed"]


# ---------------------------------------------------------------------------
# A person placed by a verb or copula (Reuters' ICO story, ECB+'s 76ers story)
# ---------------------------------------------------------------------------

_QUOTE = ("Costa Rica and Honduras said they would put their objections aside, Nicaraguan External Trade Minister "
          "Alejandro Martinez Cuenca told reporters Saturday. ")


@pytest.mark.parametrize(
    ("text", "key", "label", "place"),
    [
        ("Nicaraguan Foreign Trade Minister Alejandro Martinez Cuenca was in London to brief producer members.",
         "person:cuenca", "Martinez Cuenca", "London"),
        # "he" after a sentence that quotes one person ("Costa Rica and Honduras said": places, not persons)
        (_QUOTE + "He was in London to brief producers on the Managua meeting.", "person:cuenca", "Martinez Cuenca",
         "London"),
        # a verb, an adverb and an auxiliary between the name and the cue
        ("The 76ers fired Maurice Cheeks on Saturday. Cheeks has also coached at Portland.", "person:cheeks",
         "Cheeks", "Portland"),
        ("Defender John O'Neill was playing in Madrid last season.", "person:o'neill", "John O'Neill", "Madrid"),
        # after the place: a name, a word of time, a function word, or nothing
        ("Prospector Curtis Barwick was in Oroville Saturday waiting for the store to open.", "person:barwick",
         "Curtis Barwick", "Oroville"),
        ("Reporters found the tree. The fir Spelacchio was in Rome early this month.", "person:spelacchio",
         "Spelacchio", "Rome"),
        ("Reporters met John Smith. John Smith was in London.", "person:smith", "John Smith", "London"),
    ],
)
def test_a_person_placed_by_a_verb_or_copula(text, key, label, place):
    [found] = [a for a in attachments(text) if key in a.keys]
    assert (found.label, found.surface, found.tiers[found.keys.index(key)], found.shape, found.status) == (
        label, place, GENERIC, "person", "asserted")


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # a visit told by its purpose: the person, and the person with the verb (one visit, one place)
        ("Trade Minister Alejandro Martinez Cuenca was in London to brief producer members.",
         {"person:cuenca": GENERIC, "person:cuenca:brief": NAMED}),
        ("Costa Rica agreed, Martinez Cuenca told reporters. He was in London to brief producers.",
         {"person:cuenca": GENERIC, "person:cuenca:brief": NAMED}),
        # "to" and no verb, or a verb that tells no purpose
        ("Trade Minister Martinez Cuenca was in London to the end of the talks.", {"person:cuenca": GENERIC}),
        ("Trade Minister Martinez Cuenca was in London to be briefed.", {"person:cuenca": GENERIC}),
        ("Trade Minister Martinez Cuenca was in London.", {"person:cuenca": GENERIC}),
    ],
)
def test_a_visit_told_by_its_purpose_is_its_own_key(text, keys):
    [found] = [a for a in attachments(text) if a.shape == "person"]
    assert dict(zip(found.keys, found.tiers)) == keys


@pytest.mark.parametrize(
    ("text", "label", "place"),
    [
        # a span of time after the sentence's subject, a name (Reuters-style wire copy of a coach fired)
        ("Maurice Cheeks was fired on Saturday.\n\nCheeks is 284-286 lifetime, including four years in Portland.",
         "Cheeks", "Portland"),
        ("Maurice Cheeks was fired on Saturday. Cheeks spent two seasons at Portland.", "Cheeks", "Portland"),
        # "his" or "her" before the noun, and one person named before it in the sentence
        ("Many felt Cheeks was the victim of a regime change and not his own failure in Portland; as such, he "
         "seemed a safe pick.", "Cheeks", "Portland"),
        ("Analysts said Ana Botella had built her career in Madrid.", "Ana Botella", "Madrid"),
        ("Analysts said Ana Garcia had built her career in Madrid.", "Ana Garcia", "Madrid"),  # a surname, a town too
        # a possessive ends a name: "Joel Silver's Annual Memorial Day Party" is Joel Silver's
        ("Guests attended Joel Silver's Annual Memorial Day Party at his home in Malibu, California on May 26.",
         "Joel Silver", "Malibu, California"),
    ],
)
def test_a_persons_time_in_a_place(text, label, place):
    [found] = [a for a in attachments(text) if a.shape == "person"]
    assert (found.label, found.surface, found.status) == (label, place, "asserted")


@pytest.mark.parametrize(
    "text",
    [
        # two people named before "his": whose it is cannot be told
        "Reporters said Smith told Jones it was not his own failure in Portland.",
        # no one named before "his"
        "It was not his own failure in Portland.",
        # the sentence's subject is a place, a body or no name
        "Philadelphia is 9-14, after four years in Portland.",
        "The Sixers Board said it spent four years in Portland.",
        "The team spent four years in Portland.",
        "Analysts spent four years in Portland.",
        "The 76ers beat Philadelphia. Philadelphia is 9-14, after four years in Portland.",
        # no count before the span
        "Maurice Cheeks was fired. Cheeks is 284-286 lifetime, including years in Portland.",
        # two names before "his", one a possessive's ("Joel Silver's party": whose home?), or a place among them
        "Kaley Cuoco and her husband Ryan Sweeting attended Joel Silver's Annual Memorial Day Party at his home in "
        "Malibu, California on May 26.",
        "Wind power did expand under Perry during his tenure in Texas, from 200 megawatts in 2000.",
        # a month is no name; a thing a person runs has its own place
        "But in September, after the end of her three-month season in Oregon, Myers had enough.",
        "An attorney for Vekselberg did not respond, nor did representatives for his company in Russia.",
        "Reporters said Smith closed his factory in Dayton on Monday.",
        # another instance, or his place qualifies another thing
        "Maurice Cheeks was fired. Cheeks recalled his previous three years in Portland.",
        "Many felt Cheeks would miss his home in Portland Heights.",
    ],
)
def test_no_persons_time_in_a_place(text):
    assert [(a.label, a.surface, a.status) for a in attachments(text) if a.shape == "person" and a.status == "asserted"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Smith will be in Paris next week.",  # a modal: not a placement
        "John Smith would also be in Paris for the talks.",
        "Smith was in Paris on Monday.",  # a first word the article never writes as a name
        "The Waitrose store was in Taunton.",  # no name before the verb
        "Shares of the company traded in Tokyo rose.",
        "He was in London to brief producers.",  # "he" with no sentence before
        "He was in Oujda to brief producers. Costa Rica agreed, Martinez Cuenca told reporters.",  # only after
        "Smith and Jones said they agreed, Brown told reporters. He was in London on Monday.",  # two quoted: whose?
        "Martinez Cuenca told reporters Saturday.\n\nHe was in London to brief producers.",  # another paragraph
        "Officials said the summit ended. NATO was in London for the summit.",  # an acronym
        "Reporters asked about the Royal Free Hospital. The Royal Free Hospital was in London.",  # a body
        # Reuters: a body, a company's share price, a company's seat
        "Asked if the U.S. Federal Reserve Board agreed in Paris last month to intervene, Miyazawa said yes.",
        "Shares in Standard Oil fell. Standard closed in New York at 64-7/8 dlrs.",
        "Century said Community Cable Corp was sold. Century said Community Cable is located in San Juan.",
        "Reporters called Acme Inc. The meeting began when Acme Inc. was in Tokyo for the meeting.",  # "Inc."
        "Reporters asked about Monday. The ruling came Monday was in Paris.",
        "Reporters met Brooklyn fans. Fans of Brooklyn were in Manhattan.",  # the object of "of"
        "Reporters followed Sheffield all season. Sheffield were in Leeds on Saturday.",  # a place is no person
        # the first word of the clause (eight words at most) is a preposition: the name is its object
        "Reports of abuse against Islamophobia Awareness Month Committee Chair have increased in Quebec.",
        "The summit ended; was in Geneva.",  # no subject in the clause
        "Incidents of Islamophobia have increased in Quebec in recent years.",  # the object of "of"
        # the place qualifies the cue's object: no place of the person's
        "Actress Jennifer Lawrence wowed at the New York premiere on Saturday.",
        "Reporters met Matt Smith. Matt Smith participated in Sandusky's mentoring program.",
        "Reporters met Matt Smith. Matt Smith participated in Sandusky’s mentoring program.",
        "Reporters met John Smith. John Smith worked in New York fashion for years.",
    ],
)
def test_no_person_to_place(text):
    assert [a for a in attachments(text) if a.shape == "person"] == []


def test_a_person_in_a_list_or_another_year_is_not_asserted():
    # (Paris, away from the cue, is no person's place at all)
    assert {a.surface: a.status for a in attachments(
        "Trade Minister Alejandro Martinez Cuenca was in London and Paris last week.")} == {"London": "list"}
    assert [a.status for a in attachments("Trade Minister Alejandro Martinez Cuenca was in London in 1985.")] == [
        "other"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Alejandro Martinez Cuenca was in London.", True),
        ("He was in London.", True),
        ("Cheeks also coached at Portland.", True),
        ("Prices of shares traded in Tokyo rose.", False),  # a verb after a lower-case word
        ("In 2010, was in Paris.", False),  # a comma before the verb: another clause
        ("Smith said in London that talks failed.", False),  # "said": no placement
        ("The chairman of Acme Inc. was in London.", False),  # a word with a stop before the verb: no name's
        ("Playing in Boston was his dream.", False),  # nothing before the verb
    ],
)
def test_a_verbs_cue_is_a_trigger_only_after_a_name_or_he(text, trigger):
    verb_cues = [m for m in trigger_starts(text) if text[m:m + 3] in ("in ", "at ")]
    assert bool(verb_cues) == trigger
