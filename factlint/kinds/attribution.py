"""The ``attribution`` kind: claims nobody can be held to.

A standards editor asks of every claim "says who?". This kind answers it the
way an editor reads: it finds the *cues* that credit a claim (a source verb
or phrase: "said", "cautioned", "according to", "sent a statement") and reads
the source each cue is tied to: the subject before the verb ("Starmer said"),
the name after it ("said Starmer", "according to the agreement") or the agent
of a passive ("hailed by Kyiv"). The source's head word says what kind of
source it is: anonymous ("officials", "a source"), a vague crowd ("critics",
"some experts"), a document ("the agreement"), or named (anything else: a
name, "police", "he"; "investigators" when the article names their agency).
On that reading it reports five kinds of finding, one rule each (the rule's
``finding`` key):

- ``anonymous``: sources whose identity is withheld, unless the reason is
  given within two paragraphs;
- ``weasel``: claims credited to no one ("has been seen as", "it is
  believed", "is hotly disputed") or to a vague crowd ("critics say", "by
  many", "looked fragile to many market watchers");
- ``unsourced-figure``: a statistic someone measured or estimated (a share,
  an estimate, a forecast, a tally of an event, damage or cost) with no
  source in its paragraph or the sentence introducing the figures;
- ``unattributed-quote``: a quotation whose speaker a reader cannot find
  (``QuoteCredit`` looks where a reader looks; factlint/quotations.py pairs
  the marks);
- ``unsourced-claim``: a claim that needs a source however plainly put (a
  cause of death), with none where the article speaks of it.

Precision comes first: where the text cannot be read with confidence (a
crowd that is not plainly the subject, quotation marks that do not pair up)
nothing is reported.

The words are data (factlint/data/attribution.yaml, extended per rule with
the ``lexicon`` key); how they combine is here. One analysis per article is
shared by all the rules, and by other kinds through :func:`quotations`.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

import regex

from factlint import calendar
from factlint.document import MAX_SENTENCE_CHARS, Document
from factlint.findings import Finding
from factlint.kinds.base import Check, Param, register
from factlint.kinds.scopes import repeat_problem
from factlint.phrases import SPACES_AND_APOSTROPHES, LazyPattern, normal, trie_alternation
from factlint.quotations import pair_quotations

FINDINGS = ("anonymous", "weasel", "unsourced-figure", "unattributed-quote", "unsourced-claim")
LEXICON_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "attribution.yaml")

# What a cue's source is.
NAMED = "named"  # a person, body or place a reader can check; also "he", "who"
DOCUMENT = "document"
ANONYMOUS = "anonymous"
VAGUE = "vague"
INHERITED = "inherited"  # "..., saying" or "the official said": a source given elsewhere
CREDITED = frozenset({NAMED, DOCUMENT, INHERITED})
ANY_SOURCE = CREDITED | {ANONYMOUS, VAGUE}
RELAYING = CREDITED | {ANONYMOUS}  # a source whose verb relays the wording after it

# -- word classes the logic itself needs (grammar, not newsroom vocabulary) --
_TOKEN = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]")
_BE = frozenset("is are was were be been being am 's ’s 're ’re".split())
_DEFINITE = frozenset("the this that these those his her their its our my your".split())
_SKIP_BEFORE_VERB = frozenset(
    "here there has have had also would will did does do not never repeatedly previously later then now still long already "
    "further again once publicly privately today yesterday tonight on last this early late earlier night morning "
    "evening afternoon week month year even just itself themselves himself herself "
    "'ve ’ve 'd ’d 'll ’ll could may might must should can".split()
) | calendar.lowered(calendar.WEEKDAYS)
_NOT_ADVERBS = frozenset("family ally rally assembly supply reply monopoly anomaly belly jelly bully lily fly holly italy".split())
_STOP = frozenset(
    "a an the this that these those and or but nor so yet for of to in on at by with from as into onto upon over under "
    "about after before during since until while when where if than then because though although whether not no "
    "is are was were be been being am has have had do does did will would shall should can could may might must "
    "there here what whose how why all both each every any either neither such own same other another "
    "said says told".split()
)
_CLAUSE_OPENERS = frozenset(
    "and but or nor yet so while whereas although though because that as when whenever if since after before "
    "however meanwhile still where unless once until than".split()
)
_SEEMS_BEFORE = regex.compile(r"(?i)\b(?:look|seem|appear|sound)(?:s|ed|ing)?\s+(?:[\w-]+\s+){1,3}$")
_ADJECTIVE = regex.compile(r"[a-z]+(?:ive|ful|ous|ant|ent|ble|ary|ic|al|ial|ical|less)")  # "important", "controversial"
_CLAUSE_ENDERS = frozenset("and but or in on at for with since until because while when after before".split())
# What starts the complement of "is considered", "was deemed": a noun phrase ("a science", "his best work") or an adjective
_COMPLEMENT_STARTS = frozenset("a an the his her its their important likely unlikely".split())
# Words after which a verb's form is a noun ("the project", "their hope"; not "this" or "that": "This told investigators")
_NOUN_DETERMINERS = frozenset("the a an its their his our my your these those".split())
# after one of these, "that" or "this" is a determiner, and a verb's form after it a noun ("before that show")
_DEMONSTRATIVE_PREPOSITIONS = frozenset("before after during at in for from with of on by since until about".split())


def _plural_subject(form: str, after: list["Token"]) -> bool:
    """A form in -s before "have", "were" or "are" is a plural noun, the subject: "questions have been raised"."""
    return form.endswith("s") and bool(after) and after[0].lower in ("have", "were", "are")


@lru_cache(maxsize=None)
def _member_pattern(member: str) -> regex.Pattern:
    """A profession's member word ("analyst"), where a name may stand beside it: one literal search."""
    return regex.compile(rf"(?i)\b{member}")


_MEMBER_NAME_AFTER = regex.compile(r"\s+\p{Lu}[\p{L}'’-]+\s+\p{Lu}")  # "analyst Rosario Ilacqua"
_MEMBER_NAME_BEFORE = regex.compile(r"(?r)\p{Lu}[\p{L}'’-]+,\s+(?:\w+\s+){0,3}$")  # "Allen Sinai, chief economist"
_MEMBER_REACH = 80  # characters before the member word where "Name, a senior" may start
_FORMER = regex.compile(r"(?i)\b(?:former|formerly|ex)(?:\s+|-)(?:[\w-]+\s+){0,2}$")  # "formerly an analyst", "a former chief economist"
_FORMER_REACH = 30
_ESTIMATE_VERB = regex.compile(r"(?i)\b(?:project|estimat|forecast|predict|expect|put|peg|reckon)\w*$")  # a crowd's own figure
_WORD_END = regex.compile(r"(?!\w)")


def _superlative(before: list["Token"], form: str, after: list["Token"]) -> bool:
    """A past form after "most", inside a phrase, before a plural noun: "including most noted personalities"
    (not a crowd's verb: "..., most agreed safeguards exist", where "most" opens the clause)."""
    if len(before) < 2 or before[-1].lower != "most" or not form.endswith("ed") or not after:
        return False
    opens = not before[-2].is_word or before[-2].lower in _CLAUSE_OPENERS
    return not opens and after[0].text.islower() and after[0].lower.endswith("s")


_HELP_LINES = frozenset("911 999 112 police emergency an ambulance firefighters".split())  # "called 911", "called police"
_CONTESTS = frozenset("seat seats election elections race races constituency constituencies ward wards primary primaries title final".split())
_ARTICLE_GAP = regex.compile(r"(?i)\s*(?:the|a|an)\s+")
_NAME_OPENS = regex.compile(r"\W*\p{Lu}")  # a quotation mark, then a capital
_REDUCED_CLAUSE = frozenset("when after while before once if being".split())  # "when questioned by reporters"
_PEOPLE = frozenset(
    "he she they we i who men women girls boys children people suspects students witnesses officers workers "
    "passengers residents employees drivers teens teenagers detainees prisoners".split()
)
# a crowd that speaks, opening what a named speaker reports, is the speaker's source, still unnamed: "Reuter
# correspondent Subhy Haddad reported from Mosul that political observers there said" (not a view the speaker
# sums up: "the NAPM said that most purchasers do not see them as significant")
_OPENS_REPORT = regex.compile(r"(?:\s+[\w.'’-]+){0,3}?\s+that\s+")
# a clause break or a turn to another view: "If confirmed by the Senate, green activists fear", "..., but critics say"
_TURN = regex.compile(r"[,;:]|\b(?:but|while|whereas|although|though|however|yet)\b")
_RELAY_GAP = 6  # characters between a source's verb and the wording it relays: " that "
_PROFESSIONS = frozenset("analysts economists strategists traders dealers bankers brokers".split())  # crowds whose members a story names
_REPORT_CUE = regex.compile(r"(?i)\breport|\baccording\s+to\b")
_HYPOTHETICAL = regex.compile(r"(?i)\b(?:if|unless|until|whether)\b")
_TO_AFTER = regex.compile(r"\s+to\b")
_POSSESSIVES = frozenset("his her their its our my your".split())
_DEGREE = frozenset("very highly extremely too so quite rather fairly most more less least".split())  # "is considered very active"
_VENUE_PREPOSITIONS = frozenset("in at before".split())  # "challenged in court", "questioned at the hearing"
_VENUE_REACH = 3  # words from the preposition to the venue: "before the Supreme Court"
_DEMONYM = regex.compile(r"(?:an|ean|ese|ish|i|ic|ch)$")  # "American", "European", "Chinese", "British", "Israeli", "French"
_REGIONS = frozenset("western eastern northern southern u.s. us uk eu u.n. un arab thai greek swiss dutch international foreign soviet".split())
_TIME_LEADS = frozenset("this last on early late".split())
_FOR_THE_STORY = regex.compile(r"(?i)\b(?:like\s+(?:the\s+)?others|others\s+interviewed|for\s+this\s+(?:story|article|report)|all\s+of\s+whom)\b")
_BODY_VOICES = frozenset(("officials",))  # plural heads that, with the body named, are its voice ("sources" are informants)
_UNSAID_BODIES = frozenset("administration government transition campaign intelligence security military senior".split())
_DECISIONS = ("agree", "concur", "hope", "hoping", "wonder")
_SHARED_SUBJECT = frozenset("to and but then also".split())
_ASIDES = frozenset("however though too meanwhile nevertheless moreover instead furthermore therefore thus".split())  # ", however,"
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_SINGULAR_DETERMINERS = frozenset("a an one another the this that each any no every".split())
_MODIFIER_PREPOSITIONS = frozenset("at in for from with of on".split())
_MODALS = frozenset("could would might may can should must will shall".split())
_FORWARD_STOP = frozenset(
    "as that to who whom which whose where when while because on in at for after before during with without since if let what "
    "but than about over under into from via is are was were has have had will would said says told and".split()
)
_SUBJECT_STOP = (_FORWARD_STOP - {"and"}) | _BE  # where a subject read backwards from its verb ends ("and" joins two)
_TIME_WORDS = frozenset(
    "today yesterday tonight last this week month year "
    "morning evening afternoon night earlier later".split()
) | calendar.lowered(calendar.WEEKDAYS)
_CLOSE_QUOTES = frozenset({"”", '"', "’", "'", ":", "“"})  # “ too: a closing mark facing the wrong way
_MONTHS = "|".join(name for forms in calendar.MONTH_FORMS for name in forms).lower()
_MONTHS_FULL = "|".join(calendar.MONTHS).lower()
_MONTH_BEFORE = regex.compile(rf"(?i)\b(?:{_MONTHS})\.?\s*$")
_MONTH_AFTER = regex.compile(rf"(?i)\s*(?:{_MONTHS})\b")
_AGE = regex.compile(r"(?i)(?:\baged?\s*$|,\s*(?:then\s+|now\s+)?$)")  # "Comeaux, 49,", "Bunch, then 22,"
_AGE_AFTER = regex.compile(r"\s*(?:,|\))")
_RANGE_AFTER = regex.compile(r"\s*[-–/]\s*\d")
_RANGE_BEFORE = regex.compile(r"\d\s*[-–/]\s*$|\d\.\s$|\d\s$")
_THE_BEFORE = regex.compile(r"(?i)\bthe\s+$")
_SINGULAR_AFTER = regex.compile(r"\s+\p{Ll}+(?<!s)\b(?!-)")
_SIGN_BEFORE = regex.compile(r"(?i)\b(?:minus|plus)\s*$")  # a temperature: "minus 20"
_NUMBER_AFTER = regex.compile(r"\.?\s\d")
_PARENTHESIS_BEFORE = regex.compile(r"\(\s*$")
_FIRST_PERSON = regex.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_ASIDE_BEFORE = regex.compile(r"[(\[≈~]\s*[$€£¥]?$")
# (Read only as "is there one": a month before a year, "October 1973", adds nothing to the year's own match.)
_PAST = LazyPattern("regex",  # a sentence dated in the past: "In 2008", "between October 1973 and", "Last July", "That month"
    rf"(?i)\b(?:19|20)\d\d\b(?![-–/]\d)|\blast\s+(?:year|month|week|(?:{_MONTHS_FULL})\b|spring|summer|fall|autumn|winter)"
    rf"|\G\W*in\s+(?:{_MONTHS_FULL})\b"  # a sentence opening "In February, a quake ... killed 612 people"
    r"|\bthat\s+(?:month|year|week|day)\b"
    rf"|\bthe\s+(?:{_MONTHS_FULL})\s+\d{{1,2}}\b"  # "the May 17 Iraqi missile attack ... which killed 37 seamen"
)
_PARENTHESIS_AFTER = regex.compile(r"\s*\)")
_DOCUMENT_REACH = 8  # words before a name's preposition where a document must be to be read as its subject: a phrase of six, "of", the document
# A market's move on one day: "The percentage drop of 22.6 percent on Monday", "the 24.4 percent drop on Dec. 12, 1914",
# "a fall of 4 percent Tuesday"
_MOVE = r"(?:drop|fall|decline|plunge|slide|slump|loss|rise|gain|jump|climb|advance)s?"
_MOVE_BEFORE = regex.compile(rf"(?i)\b{_MOVE}\s+of\s+(?:(?:about|some|nearly|almost|over|more\s+than)\s+)?$")
_ON_A_DAY = LazyPattern("regex",
    rf"(?i)(?:\s+(?P<move>{_MOVE}))?\s+(?:on\s+)?(?:(?:{'|'.join(calendar.WEEKDAYS)})\b|(?:{_MONTHS})\.?\s+\d{{1,2}}\b)"
)
_COMPOUND_AFTER = regex.compile(r"\s?-\s?\p{L}")
_UNIT = regex.compile(r"\s*([\p{L}.'’]+(?:\s+[\p{L}'’]+)?)")
# Read from the end ((?r)): forward, every letter of the window starts a run tried to its end.
_PREVIOUS_WORD = regex.compile(r"(?r)([\p{L}.]+)\s*$")
_AGE_BEFORE = regex.compile(
    r"(?i)\b(?:aged?|age\s+(?:\w+\s+){0,3}?(?:of|to|at|from)|turned|turns|turning|(?:he|she)\s+(?:was|is|would\s+have\s+been)"
    r"|died\s+(?:\w+\s+){0,3}?at)\s*$"  # "died Thursday at 91"
)
_STREET_AFTER = regex.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Ave|Avenue|St|Street|Road|Rd|Blvd|Boulevard|Drive|Dr|Lane|Ln"
    r"|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Square|Terrace|Circle)\b"
)


def _either(*patterns: regex.Pattern) -> regex.Pattern:
    """One pattern that matches where any of the patterns matches, each with its own case rule: one search
    where there were several (the regex module's set-up costs more than a short window's scan)."""
    return regex.compile("|".join(f"(?i:{p.pattern[4:]})" if p.pattern.startswith("(?i)") else f"(?:{p.pattern})" for p in patterns))


# What makes a bare number no statistic, read in one search each side (Analyzer._is_statistic): a date ("March 5",
# "5 March"), an age ("aged 49", "She was 91."), a sign ("minus 20"); a range ("1994 - 96"), a street ("325 E.
# Dahlia Ave."), the next part of a number ("0845 125 222", "13. 6 percent"), a modifier ("a 2,507-member assembly").
_NOT_A_COUNT_BEFORE = _either(_MONTH_BEFORE, _AGE_BEFORE, _SIGN_BEFORE)
_NOT_A_COUNT_AFTER = _either(_MONTH_AFTER, _RANGE_AFTER, _STREET_AFTER, _NUMBER_AFTER, _COMPOUND_AFTER)
_CONDITION = regex.compile(r"(?i)\b(?:if|unless|whether)\b")
_CLAUSE_END = regex.compile(r"[,;:.!?()]|\b(?:which|that|because|while|but|whereas)\b")
_LETTERS = regex.compile(r"\p{L}")
_TAG_GAP = regex.compile(r"[^\s,:—–-]")  # anything but these between a quotation and its tag
_CREDIT_LINE = regex.compile(r"\s*[—–─-]+\s*(?P<name>\p{Lu}[^\n]{0,80})$")  # "─ Milwaukee Journal Sentinel"
_CAPTION_NAME = regex.compile(r"\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*")  # "Melissa Moore "
_EMBEDDED_POST = regex.compile(r"[—–-]\s*(?P<name>\p{Lu}[^\n(—–]{0,60}?)\s*\(@\w+\)")  # "— Name (@handle)"
_FOOTNOTE = regex.compile(r"\d{1,3}\b|\[\d{1,3}\]")  # “...”3, “...”[12]
_REPORTS = regex.compile(r"(?i)\b(?:report|announc|releas|publish|record|count|estimat|found|find|show|survey)")  # a lead that reports figures
_FIGURES_NOTE = regex.compile(  # "*Statistics on this webpage are derived from the National Registry of Exonerations"
    r"(?i)\b(?:statistics|figures|data|numbers)\b[^.\n]{0,60}?\b(?:derived|taken|drawn|compiled|sourced|come|comes)\s+from\s+\p{L}"
)
_PRONOUN_SUBJECT = regex.compile(r"\s*(?:(?:And|But|Then|So)\s+)?(?P<name>[Hh]e|[Ss]he)(?:['’]s)?\s+\p{Ll}")  # "And he's just returned"
_ACTOR_VERB = regex.compile(
    r"(?i)\b(?:arrested|captured|detained|seized|rescued|evacuated|intercepted|apprehended|deported)"
    r"\s+(?:(?:more\s+than|at\s+least|about|some|nearly|around|over|another)\s+)?[$€£¥]?\s*$"
)
_ACTORS = frozenset("navy army military guard guards forces troops marines commandos authorities officers agents warship coastguard".split())
_BYLINE = regex.compile(r"\b(?:[Bb]y|BY)\s+(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\b")
# A lead that announces its source's plan ("The Tokyo Grain Exchange said | it will raise the margin ..."),
# and a sentence that gives the plan's figures in the same mode ("Spot April contracts will increase to 90,000").
_ANNOUNCES_PLAN = regex.compile(
    r"(?i)\s+(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+)\s+(?:will|would|plans\s+to|intends\s+to|is\s+to|are\s+to|is\s+set\s+to)\s+\p{L}"
)
_PLAN_MODE = regex.compile(r"\b(?:will|would)\b")
# A lead that announces a plan of something else's: "The Italian treasury said annual coupon rates ... (CCTs) would be cut"
_ANNOUNCES_CHANGE = regex.compile(r"\s+(?:that\s+)?[\w\s()'’-]{1,120}?\b(?:will|would)\s+(?:be\s+)?\p{L}")
_REPORT_NOUN = regex.compile(  # "in its monthly bulletin", "in its semi-annual review of the world economy"
    r"(?i)\b(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:report|review|bulletin|survey|study|outlook|projections?|forecasts?)\b"
)
_REPORT_LEAD = 2  # paragraphs at the top of a story that name the report it gives
_PLAN_RUN = 10  # paragraphs of figures a plan's lead may introduce
_FORECAST_VIEW = regex.compile(r"(?i)\b(?:believ|think|thought|expect|anticipat|reckon|assum)\w*$")  # "It ... believes"
# The clause of a view that holds its own estimate: "believes that ...", "expects to earn ...", "believes the market
# will drop to ..." (a subject and a modal: "thinks prices could fall").
_VIEW_CLAUSE = regex.compile(r"\s+(?:that|to)\b|\s+[^,;:.]{1,40}?\b(?:will|would|could|may|might|should)\b")
_RELATIVE = regex.compile(r"(?i)\b(?:which|who|whom|whose|where)\b")  # "expected to set up a committee in which 10 banks"
_RESTATED = regex.compile(r"\b(?:those|these|last\s+(?:year|season|month|week)['’]s)\s+$")  # "those 12 deaths", "last year's 7.2 mln tonne mark": told already
_RESTATED_OPENING = regex.compile(r"\s*(?:That|This|Those|These)\s+[$€£¥]?\d")  # "That 22.6 percent loss nearly doubled ..."
_ENDS_SENTENCE = regex.compile(r"(?:\s+\w+){0,3}[\s.\"”’']*$")  # a closing tag: ", the statement said (on Monday)."
_CITED_IN = regex.compile(r"\s*(?:\p{Lu}[\p{L}.&’'-]*\s+){1,6}\((?:19|20)\d\d\)")  # "PNAS (2018)", "Nature Climate Change (2019)"
# How far after a quotation _CITED_IN looks. Always give a regex-module match an end: with none, a
# pattern holding a required literal ("(") looks for it through the rest of the article first,
# so a match per quotation costs the article's length (2.7 s of the 3.6 s on 1 MB of prose).
_CITATION_REACH = 200
# Wire copy's company names and tickers in angle brackets: "<Noranda Inc> said", "Boeing Co <BA> said".
_ANGLED_NAME = regex.compile(r"<(?=\p{Lu})[^<>]{1,60}>")  # (read within a sentence: a wrapped line may split the name)
_HONORIFICS = frozenset("mr mrs ms dr st sen rep gov gen lt sgt capt const prof rev col maj cmdr supt insp det cpl pvt adm".split())
_NOT_SPEAKERS = frozenset(  # sentence openers that are no one's name (he and she are read by _known_speakers)
    "it it's it’s there here what why how he she we they i you he's she's we're they're i'm no-one nobody"
    " everyone everybody someone somebody anyone".split()
)
_QUOTED_TEXTS = frozenset(
    "ad ads sign signs banner banners slogan headline headlines caption placard placards tagline motto notice notices".split()
)
_OPENING_PREPOSITIONS = frozenset(  # "Above the door hung a notice “...”": a place, not a speaker
    "above below beneath behind beside inside outside across along around near among amid between through beyond "
    "toward towards against within underneath".split()
)
_THIRD_PERSON = regex.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b")
_MASCULINE = regex.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")
_FEMININE = regex.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
_FIRST_PERSON_WORD = regex.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|I['’]ll|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|us)\b")
_NAME_SUBJECT = regex.compile(r"\s*(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})(?:\s+\p{Ll}|,)")
_SUBORDINATE = regex.compile(r"(?i)\b(?:after|because|when|that|as|if|since|while|which|who|whom|whose|where|although|though|but|and|said|says|told)\b|[,;:]")
_FURNITURE_WORDS = 60  # a paragraph of more words than this is never page furniture
_PROSE_ENDS = frozenset(".!?\"”’:")  # nor is one that ends as a sentence does (a caption ends with its credit)
_DIALOGUE_WORDS = 12  # a quotation paragraph this short, next to another, is a line of dialogue
_CONVENTION_QUOTES = 4  # this many uncredited quotations, more than half of an article's, are its convention
_TITLE_WORDS = 16
_TERM_WORDS = 5  # a quotation this short, in lower case after "the", "a" or "its", is a term
_TERM_BEFORE = regex.compile(r"(?i)\b(?:the|a|an|its|his|her|their|our|your|this|that|[\p{L}]+['’]s)\s+(?:[\p{Ll}-]+\s+)?$")  # a quotation of this many words or fewer, every one capitalized, is a title
_TERM_FOLLOWS = regex.compile(r"\s+(?:(?:be|have)\s+(?:a\s+|an\s+)?)?[`'‘“\"]")  # "is said to `participate'"
_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as is de la le du von van".split())

# Numbers: money, percentages, large amounts, then bare numbers (filtered in code).
_NUMBER = r"\d[\d,]*(?:\.\s?\d+)?"
_FIGURE = regex.compile(  # every branch starts at a digit or currency sign, so the scan is quick
    rf"(?P<money>[$€£¥]\s?{_NUMBER}(?:\s*(?:million|billion|trillion|bn|mn|m|k)\b)?)"
    rf"|(?<![\p{{L}}\d.,/:\-])(?:(?P<pct>\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))"
    rf"|(?P<big>\d[\d,]*(?:\.\d+)?\s+(?:million|billion|trillion)\b)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d/:]|[.,]\d)|\d+(?:\.\d+)?(?![\p{L}\d/:]|[.,]\d)))",
    regex.I,
)
# The same for a plain ASCII text, with the re module (which runs it faster).
_FIGURE_ASCII = re.compile(_FIGURE.pattern.replace(r"\p{L}", "A-Za-z"), re.I)
_DIGIT = regex.compile(r"\d")
_FIGURE_WORDS = regex.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|hundreds|tens)"
    r"\s+(?:million|billion|trillion)\b",
    regex.I,
)
# The noun a figure counts, shown with it: "12 people", "800,000 well-trained troops" (a plural ends it).
_COUNTED_NOUN = LazyPattern("regex",
    r"(?:\s+(?!(?:of|and|or|to|in|into|on|at|by|for|from|with|the|a|an|last|this|next|per|than|that|who|which)\b)"
    r"(?:[\p{Ll}]+-[\p{Ll}-]+|(?![\p{Ll}]+(?:ed|ing)\b)[\p{Ll}]+)){1,2}"
)
_PLURALS = frozenset("people police children men women personnel staff crew cattle".split())
_QUANTITY_LEAD = frozenset(
    "about some nearly almost around over more less fewer only just roughly approximately up under below above "
    "and of the at by with than to all those these another an a in on for from least most at".split()
)


# ---------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def base_lexicon() -> dict[str, Any]:
    """The shipped lexicon file, parsed once (with libyaml when there is one)."""
    from factlint.yamlio import load_data_file

    return load_data_file(LEXICON_PATH)


def lexicon_sections() -> dict[str, bool]:
    """Section name -> whether its entries are regexes."""
    return {name: bool(section.get("regexes")) for name, section in base_lexicon().items()}


def _forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    return {normal(f) for f in irregular.get(lemma, ())} | inflect(lemma)


def inflect(lemma: str) -> set[str]:
    """A verb's regular forms: base, -s, -ed, -ing ("point out" -> "pointed out" ...)."""
    head, *rest = lemma.split()
    if head.endswith("ee"):  # "see", "agree": "sees", "agreeing" ("seed" and "seing" are no forms)
        forms = {head, head + "s", head + "ing"} | ({head + "d"} if len(head) > 3 else set())
    elif head.endswith("e"):
        forms = {head, head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        forms = {head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = {head, head + "es", head + "ed", head + "ing"}
    else:
        forms = {head, head + "s", head + "ed", head + "ing"}
    return {" ".join([form, *rest]) for form in forms}


def _word_start(opening: str) -> str:
    """``opening`` (lower-case letters) at the start of a word: the same as ``\\b`` before it, with the word's start
    asked behind the letters. A pattern that begins with a literal lets the regex engine skip ahead to where those
    letters stand instead of trying the pattern at every character (the "it is said" scan of a Reuters tenth: a sixth
    of the time; the be-verbs' scan, one branch per first letter: 0.7 of it)."""
    return rf"{opening}(?<!\w{opening})"


def _phrase_alternation(phrases: Iterable[str]) -> str:
    """Lexicon phrases as one prefix-tree alternation (any spaces, either apostrophe)."""
    return trie_alternation({normal(p) for p in phrases if p.strip()}, SPACES_AND_APOSTROPHES)


class _WordScan:
    """A lexicon pattern (ignoring case), compiled on first use for the texts it
    meets: with regex for any text, and for a plain ASCII one with the standard
    re module in ASCII mode over the lowered text, which finds the same matches
    (ASCII lowers in place) two to three times faster: most news wires are ASCII.

    ``ascii_lowered``: whether the pattern may run that way. Patterns made here
    from words may; a regexes section only with the shipped entries, which use
    nothing that differs (a newsroom's own regexes may use regex-only syntax, or
    capitals that a lowered text never matches).

    ``triggers``: lower-case strings one of which every match contains (a
    section's ``triggers``, kept only while it holds the shipped entries): an
    article with none of them is not scanned, since a substring search costs
    far less than the pattern.
    """

    def __init__(self, source: str, ascii_lowered: bool = True, triggers: Iterable[str] = ()) -> None:
        self.source = source
        self.ascii_lowered = ascii_lowered
        self.triggers = tuple(triggers)
        self._any: regex.Pattern | None = None
        self._ascii: re.Pattern | None = None

    def finditer(self, analyzer: "Analyzer", start: int, end: int) -> Iterable[Any]:
        """Matches in the analyzer's text (match.group() is lower case for an ASCII text)."""
        if self.triggers and not any(t in analyzer.lowered_text for t in self.triggers):
            return ()
        if analyzer.ascii_lower is not None and self.ascii_lowered:
            if self._ascii is None:
                self._ascii = re.compile(self.source.replace(r"\p{Ll}", "[a-z]"), re.ASCII)
            return self._ascii.finditer(analyzer.ascii_lower, start, end)
        if self._any is None:
            self._any = regex.compile(self.source, regex.I)
        return self._any.finditer(analyzer.text, start, end)


class Lexicon:
    """The lexicon sections compiled into word sets and alternations."""

    def __init__(self, sections: dict[str, list[str]], irregular: dict[str, list[str]]) -> None:
        words = {name: [e.strip() for e in entries if e.strip()] for name, entries in sections.items()}
        shipped = {name: [e.strip() for e in section["entries"] if e.strip()] for name, section in base_lexicon().items()}
        self._compile_sources(words)
        self._compile_cues(words, irregular)
        self._compile_wording(words, shipped)
        self._compile_figures(words)
        self._compile_anonymity(words, shipped)
        self.claims = self._regexes(words, shipped, "claims_needing_sources")
        self.death_words = regex.compile(rf"\b{_phrase_alternation(words['death_words'])}\b", regex.I)
        self.naming = LazyPattern("regex", rf"(?<![\w-]){_phrase_alternation(words['naming_words'])}\s*[,:]?\s*$", regex.I)

    def _compile_sources(self, words: dict[str, list[str]]) -> None:
        """The head words that say what kind of source a noun phrase is."""
        words_of = {name: frozenset(normal(w) for w in words[name]) for name in words}
        self.documents = words_of["documents"]
        # Any document word in lowered text: where none is, "in", "under" ... name no document.
        # (As one prefix tree: a flat alternation of some hundred words costs the stdlib engine a try of each at every character.)
        self.any_document = re.compile(trie_alternation(self.documents) if self.documents else "(?!)")
        self.anonymous = words_of["anonymous_sources"]
        self.vague = words_of["vague_crowds"]
        self.crowds_of = words_of["crowds_of"]
        self.body_nouns = words_of["body_nouns"]
        self.text_sources = words_of["text_sources"]
        self.quantifiers = words_of["quantifiers"]
        self.long_quantifiers = tuple(q for q in self.quantifiers if " " in q)  # "a number of", "a lot of"
        self.determiners = _DEFINITE | self.quantifiers | {"a", "an"}  # words before a noun that name no one
        self.crowd_openers = self.determiners | {"both", "all", "two", "three", "four", "five", "of"}  # "some of the officials"
        self.pronouns = words_of["pronoun_sources"]
        self.institutions = words_of["institution_words"]
        self.agency_crowds = words_of["agency_crowds"]
        self.agency_words = LazyPattern("regex", "|".join(f"(?:{p})" for p in words["agency_words"]))
        self.statement_nouns = words_of["statement_nouns"]
        self.statement_ahead = regex.compile(rf"(?i)\b{_phrase_alternation(self.statement_nouns)}\b")
        self.not_statistics = words_of["not_statistics"]
        self.agentless_as = words_of["agentless_as"]
        self.agentless_to = words_of["agentless_to"]
        self.widely = words_of["widely"]
        self.widely_participles = words_of["widely_participles"]
        self.claim_passives = words_of["claim_passives"]
        self.venues = words_of["venues"]

    def _compile_cues(self, words: dict[str, list[str]], irregular: dict[str, list[str]]) -> None:
        """Cue words: every form of each verb, and the phrases, with what each form does."""
        self.object_verbs = frozenset(form for lemma in words["object_verbs"] for form in _forms(normal(lemma), irregular))
        self.cue_kinds: dict[str, str] = {}
        self.participles: set[str] = set()
        self.base_forms: set[str] = set()  # forms that double as nouns: "claim", "claims"
        self.lemmas: set[str] = set()
        verb_sections = (  # a form in two sections does what the later one says
            ("quote_verbs", "tag"),
            ("statement_verbs", "statement"),
            ("document_verbs", "docverb"),
            ("opinion_verbs", "opinion"),
            ("source_verbs", "verb"),
        )
        for name, kind in verb_sections:
            for lemma in words[name]:
                lemma = normal(lemma)
                forms = set(irregular.get(lemma, ())) | inflect(lemma)
                self.base_forms |= {f for f in forms if f == lemma or f.split()[0].endswith("s")}
                self.lemmas.add(lemma)
                for form in forms:
                    form = normal(form)
                    self.cue_kinds[form] = kind
                    if form.split()[0].endswith("ing") and not lemma.split()[0].endswith("ing"):
                        self.participles.add(form)
        for name, kind in (("document_phrases", "docphrase"), ("source_phrases", "phrase")):
            for phrase in words[name]:
                self.cue_kinds[normal(phrase)] = kind
        # "\b" lets the engine skip to word starts (a look-behind would be tried at every character);
        # words glued to a dot, hyphen or apostrophe ("so-called") are dropped when read.
        self.cues = _WordScan(rf"\b{_phrase_alternation(self.cue_kinds)}(?![\w'’-])")

    def _compile_wording(self, words: dict[str, list[str]], shipped: dict[str, list[str]]) -> None:
        """Wording that credits a claim to no one, or to a crowd that is not the subject."""
        widely = _phrase_alternation(self.widely)
        other_adverb = rf"(?!{widely}\b)\p{{Ll}}+ly"  # the consensus adverbs get their own group
        is_ = rf"(?:\s+(?:not|also|still|now|already|even|sometimes|{other_adverb})){{0,2}}(?:\s+being)?"
        has = rf"(?:\s+(?:not|also|still|already|even|since|sometimes|{other_adverb})){{0,2}}(?:\s+(?P<early>{widely}))?\s+been"
        # is, are, am, was, were; has, have, had: one branch for each first letter, so that the scan skips to those letters
        be = "|".join(
            (_word_start("i") + "s" + is_, _word_start("a") + "(?:re|m)" + is_, _word_start("w") + "(?:as|ere)" + is_, _word_start("h") + "(?:as|ave|ad)" + has)
        )
        participles = self.agentless_as | self.agentless_to | self.widely_participles
        # One scan for both readings of "be" + participle: the agentless claim ("is seen as", "is said
        # to") and the claim held by no one ("is hotly disputed"); _weasel_wording reads a match both ways.
        self.agentless = _WordScan(
            rf"(?P<be>{be})(?:\s+(?P<adverb>{widely}|hotly|fiercely|heavily|sharply|roundly|much))?"
            rf"\s+(?P<part>{_phrase_alternation(participles | self.claim_passives)})\b"
        )
        self.widely_bare = _WordScan(
            rf"\b(?P<adverb>{widely})\s+(?P<part>{_phrase_alternation(self.widely_participles | self.agentless_as)})(?=\s+(?:as|to)\b)",
            triggers=self.widely,  # each match holds one of its adverbs
        )
        self.it_passive = _WordScan(
            rf"{_word_start('it')}(?:\s+(?:is|was|has\s+been|had\s+been|is\s+being)|\s?['’]s(?:\s+been)?)\s+(?:(?:also|now|still|{widely})\s+)?"
            rf"{_phrase_alternation(words['it_passives'])}\b"
        )
        self.hedges = _WordScan(rf"\b{_phrase_alternation(words['hedge_adverbs'])}\b", triggers=words["hedge_adverbs"])
        self.crowd_views = self._regexes(words, shipped, "crowd_views")
        self.raised_doubts = self._regexes(words, shipped, "raised_doubts")
        self.weasel_phrases = self._regexes(words, shipped, "weasel_phrases")

    def _compile_figures(self, words: dict[str, list[str]]) -> None:
        """The words around a number that make it a claim, background or a market's move."""
        approximately = _phrase_alternation(words["estimate_words"])
        self.estimate_markers = LazyPattern("regex", rf"\b{_phrase_alternation(words['estimate_markers'])}\s*$", regex.I)
        self.tallies = LazyPattern("regex", rf"\b{_phrase_alternation(words['tally_words'])}\b", regex.I)
        self.money_claims = LazyPattern("regex", rf"\b{_phrase_alternation(words['money_claims'])}\b", regex.I)
        self.markets = LazyPattern("regex", rf"\b{_phrase_alternation(words['market_words'])}\b", regex.I)
        self.forecasts = LazyPattern("regex", r"\b(?:" + "|".join(f"(?:{p})" for p in words["forecast_words"]) + ")", regex.I)
        self.market_calls = LazyPattern("regex", r"\b(?:" + "|".join(f"(?:{p})" for p in words["market_calls"]) + ")", regex.I)
        self.of_record = LazyPattern("regex", "|".join(f"(?:{p})" for p in words["figures_of_record"]), regex.I)
        levies = _phrase_alternation(words["levies"])
        # "a 20 pct withholding tax", "a 15 per cent duty" (not "60 pct of tax revenue"); "tariffs of 100 per cent"
        self.levy_after = LazyPattern(
            "regex", rf"\s*(?:%|pct\b|per\s*cent\b|percent\b)?\s*(?:(?!of\b)[\w-]+\s+){{0,2}}?{levies}\b", regex.I)
        self.levy_before = LazyPattern("regex", rf"\b{levies}\s+of\s+(?:{approximately}\s+)?$", regex.I)
        background = rf"(?<![\w-]){_phrase_alternation(words['background_phrases'])}\s+(?:{approximately}\s+)?[$€£¥]?\s*$"
        self.background = LazyPattern("regex", background, regex.I)
        # The same for a plain ASCII text, with the re module: each figure looks back 40 characters, a search whose
        # set-up costs the regex module more than the scan (on ASCII text the two read \s, \w and case alike).
        # Compiled at the first figure of an ASCII text (some 8 ms), as the others at their first use.
        self.background_ascii = LazyPattern("re", background, re.I | re.ASCII)

    def _compile_anonymity(self, words: dict[str, list[str]], shipped: dict[str, list[str]]) -> None:
        """Wording that withholds a source's name, and wording that says why."""
        self.anonymity = self._regexes(words, shipped, "anonymity_phrases")
        self.anonymity_reasons = self._regexes(words, shipped, "anonymity_reasons")

    @staticmethod
    def _regexes(words: dict[str, list[str]], shipped: dict[str, list[str]], name: str) -> _WordScan:
        """A regexes section as one scan, each entry starting at a word (anchoring the alternation
        there lets the engine skip ahead); shortcuts only while it holds the shipped entries."""
        as_shipped = words[name] == shipped[name]
        triggers = base_lexicon()[name].get("triggers", ()) if as_shipped else ()
        # (an entry's own leading \b says again what the alternation's does: dropped, a branch the scan need not enter)
        entries = (p[2:] if p.startswith(r"\b") else p for p in words[name])
        return _WordScan(r"\b(?:" + "|".join(f"(?:{p})" for p in entries) + ")", as_shipped, triggers)

    def analysis(self, doc: Document) -> "Analysis":
        """The article's analysis; the four rules on one article share it."""
        return doc.memo(self, lambda: Analyzer(self, doc).run())


def load_lexicon(additions: dict[str, list[str]] | None = None) -> Lexicon:
    return _load_lexicon(tuple(sorted((k, tuple(v)) for k, v in (additions or {}).items())))


@lru_cache(maxsize=16)
def _load_lexicon(additions: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    base = base_lexicon()
    sections = {name: list(section["entries"]) for name, section in base.items()}
    for name, entries in additions:
        sections[name] = sections[name] + list(entries)
    irregular: dict[str, list[str]] = {}
    for section in base.values():
        irregular.update(section.get("irregular_forms", {}))
    return Lexicon(sections, irregular)


# ---------------------------------------------------------------------------
# Reading an article
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A source verb or phrase and the kind of source it is tied to."""

    start: int  # the source phrase and the cue, whichever comes first
    end: int
    source: str  # NAMED | DOCUMENT | ANONYMOUS | VAGUE | INHERITED
    source_text: str
    credits: bool = True  # False for opinion verbs: "the allies agreed" is no source for a figure
    source_start: int = -1  # the source phrase alone ("German Chancellor Friedrich Merz"), when there is one
    source_end: int = -1
    quote_only: bool = False  # credits a quotation only: "Obama's remark that “...”", "“...,” she posted"


@dataclass(frozen=True)
class Flag:
    """A stretch of text that credits a claim badly, and to whom."""

    start: int
    end: int
    source: str  # "no one", "unnamed officials", "a vague crowd ('critics')"


@dataclass
class Sentence:
    start: int
    end: int
    block: int
    cues: list[Cue] = field(default_factory=list)
    anonymous: Flag | None = None
    anonymity_explained: bool = False  # the reason for anonymity is given within two paragraphs
    weasel: Flag | None = None
    figures: list[Figure] = field(default_factory=list)  # the sentence's statistics, in order
    claims: list[tuple[int, int]] = field(default_factory=list)  # claims that need a source: "died of an overdose"


class Figure:
    """A statistic in a sentence. Where the noun it counts ends and whether it is a claim that needs
    a source are read only when asked: most figures have a source in their paragraph, and are never asked."""

    __slots__ = ("start", "key", "_match", "_sentence", "_paragraph_start", "_reader", "_end", "_claim")

    @property
    def forecast(self) -> bool:
        """An estimate or forecast (see Analyzer._is_forecast), read on asking: only for claims with no source."""
        return self._reader._is_forecast(self._match, self._sentence[0])

    @property
    def share(self) -> bool:
        """A share or rate ("40 per cent of the country's rice"), not a tally or a sum."""
        return bool(self._match.groupdict().get("pct"))

    @property
    def estimated(self) -> bool:
        """Marked as an estimate just before it ("an estimated $1 million"): someone's estimate, not a plan's terms."""
        return self._reader._estimated(self._match, self._sentence[0])

    def __init__(self, match: Any, key: str, sentence: tuple[int, int], paragraph_start: int, reader: "Analyzer") -> None:
        self.start = match.start()
        self.key = key  # the number, to tell a repeat: '$160 million' and '160 million' -> '160 million'
        self._match = match
        self._sentence = sentence
        self._paragraph_start = paragraph_start
        self._reader = reader
        self._end: int | None = None
        self._claim: bool | None = None

    @property
    def end(self) -> int:
        """Where the noun the figure counts ends: '12 people', else the number."""
        if self._end is None:
            self._end = self._reader._counted_end(self._match.end(), self._sentence[1])
        return self._end

    @property
    def claim(self) -> bool:
        """A statistic someone measured or estimated (see Analyzer._is_claim)."""
        if self._claim is None:
            s, e = self._sentence
            self._claim = self._reader._is_claim(self._match, self.end, s, e, self._paragraph_start)
        return self._claim

    def _fields(self) -> tuple[int, int, str, bool]:
        return self.start, self.end, self.key, self.claim

    def __eq__(self, other: object) -> bool:  # read in full: two analyses of one text compare alike
        return isinstance(other, Figure) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Figure{self._fields()}"


@dataclass(frozen=True)
class Speaker:
    """Who a quotation is credited to, as the article writes it ("Merz", "a senior official", "he")."""

    name: str
    start: int
    end: int
    kind: str  # NAMED | DOCUMENT | ANONYMOUS | VAGUE | INHERITED


@dataclass
class Quote:
    """A quotation as the analysis reads it (the public view is :class:`Quotation`)."""

    start: int  # the opening mark (or the paragraph's start, for one begun earlier)
    end: int  # after the closing mark (or the paragraph's end, for one that runs on)
    body_start: int
    body_end: int
    block: int
    first: int  # index of the first and last sentence it touches
    last: int
    continued: bool  # continues a quotation opened in an earlier paragraph
    closed: bool  # False: left open at the paragraph's end
    speech: bool  # someone's words, not a title, name or term
    runs_on: bool = False  # left open, and the next paragraph continues it (else a mark is missing: unreadable)
    credited: bool = False  # the reader can tell who said it
    speaker: Speaker | None = None  # who, when the article names them near it
    distance: int | None = None  # sentences between the quotation and the cue that credits it, if a cue does


@dataclass(frozen=True)
class Quotation:
    """One quotation of an article, for any kind that reads quotations: what :func:`quotations` returns."""

    start: int  # offsets in doc.text, marks included
    end: int
    text: str  # the words inside the marks
    speech: bool  # False for a title, name or term in quotation marks
    speaker: Speaker | None  # None when no speaker is named nearby (see ``credited``)
    credited: bool  # a reader can tell who said it (a speaker named, or the words continue a credited quotation)


class _FigureParagraph(NamedTuple):
    """A paragraph as a figure's source is looked for in it (Analysis.figure_paragraph)."""

    credits: bool  # a cue in it credits figures (a vague crowd does only in the figure's own sentence: not read here)
    colon: bool  # its last sentence ends in a colon: a lead-in to the paragraph below
    figures: bool  # a sentence of it holds figures
    figures_credited: bool  # a cue in a sentence of it with figures credits them
    report_lead: bool  # one sentence, no figures, crediting a named source that reports ("..., the department reported")
    goes_on: bool  # no figures, and every cue of it credits the source named before ("they said", "it added", "the official said")


@dataclass
class Analysis:
    sentences: list[Sentence]
    quotes: list[Quote]
    text: str = ""
    _blocks: dict[int, range] | None = field(default=None, repr=False, compare=False)
    _first_person: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)
    _lead_only_source: bool | None = field(default=None, repr=False, compare=False)
    _figure_paragraphs: dict[int, "_FigureParagraph | None"] = field(default_factory=dict, repr=False, compare=False)
    _report_lead: int | None = field(default=None, repr=False, compare=False)

    def text_of(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def first_person(self, block: int) -> bool:
        """Does the paragraph say "we" or "our" outside its quotations (the publisher's own words)?
        Read once a paragraph (each of its figures asks)."""
        if block in self._first_person:
            return self._first_person[block]
        sentences = self.paragraph(block)
        if not sentences:
            return False
        start, end = self.sentences[sentences[0]].start, self.sentences[sentences[-1]].end
        spans = [(q.start, q.end) for q in self.quotes if q.block == block]
        says = _outside_quotations(_FIRST_PERSON.finditer(self.text, start, end), spans)
        self._first_person[block] = says
        return says

    def lead_is_the_only_source(self) -> bool:
        """The story half of AttributionCheck._one_source_story: the lead credits a named source and every
        cue of the story is that source's by name or reads as it. The same for every figure of the article:
        read once."""
        if self._lead_only_source is None:
            self._lead_only_source = self._read_lead_is_the_only_source()
        return self._lead_only_source

    def _read_lead_is_the_only_source(self) -> bool:
        sentences = self.sentences
        lead_sentences = self.paragraph(sentences[0].block)
        if not _named_words(self, sentences[0].block) - _BACK_REFERENCES:
            return False  # the lead names its source ("Metalbanc Corp said"), not only "the company said"
        # the names the lead gives: its source and who it is ("Baring Capital Investors Ltd (BCI), a unit of ...")
        lead_text = self.text[sentences[lead_sentences[0]].start : sentences[lead_sentences[-1]].end]
        lead = {_bare(word) for word in _CAPITALISED.findall(lead_text)} - _NOT_NAME_WORDS
        for sentence in sentences:
            if sentence.anonymous or sentence.weasel:
                return False  # "A source close to the underwriters said": someone unnamed, with no cue of their own
            for c in sentence.cues:
                if c.source in (ANONYMOUS, VAGUE):
                    return False  # "officials said", "experts voiced doubts": someone else
                named = _name_words(c.source_text) - _BACK_REFERENCES
                if named and not named & lead:
                    return False  # another name: "Dealer Tom Hart said"
        return True  # every other cue is the lead's by name or reads as it: "the company said", "it said"

    def figure_paragraph(self, block: int) -> "_FigureParagraph | None":
        """What AttributionCheck._figure_sourced asks of a paragraph (None for a block that is not one), read once
        a paragraph: each figure asks of its own and of up to three paragraphs before it."""
        if block in self._figure_paragraphs:
            return self._figure_paragraphs[block]
        indices = self.paragraph(block)
        read = None
        if indices:
            sentences = self.sentences
            credits = any(_credits_figure(c, False) for i in indices for c in sentences[i].cues)
            colon = self.text_of(sentences[indices[-1]]).rstrip().endswith(":")
            with_figures = [i for i in indices if sentences[i].figures]
            credited = credits and any(_credits_figure(c, False) for i in with_figures for c in sentences[i].cues)
            report = (
                not with_figures
                and len(indices) == 1
                and any(
                    _credits_figure(c, False) and c.source != INHERITED and _REPORTS.search(self.text, c.start, c.end)
                    for c in sentences[indices[0]].cues
                )
            )
            cues = [c for i in indices for c in sentences[i].cues] if not with_figures else []  # (asked only of one without)
            goes_on = bool(cues) and all(
                _credits_figure(c, False) and (c.source == INHERITED or c.source_text.lower() in _BACK_REFERENCES) for c in cues
            )
            read = _FigureParagraph(credits, colon, bool(with_figures), credited, report, goes_on)
        self._figure_paragraphs[block] = read
        return read

    def report_lead(self) -> int:
        """The first sentence of the story's first two paragraphs that credits a named source or a document and
        names its report, review, bulletin or survey (len(sentences) when none): AttributionCheck._report_story's
        reading, read once an article."""
        if self._report_lead is None:
            self._report_lead = len(self.sentences)
            blocks: list[int] = []
            for i, sentence in enumerate(self.sentences):
                if sentence.block not in blocks:
                    if len(blocks) == _REPORT_LEAD:
                        break
                    blocks.append(sentence.block)
                if any(c.credits and not c.quote_only and c.source in (NAMED, DOCUMENT) for c in sentence.cues) and _REPORT_NOUN.search(
                    self.text, sentence.start, sentence.end
                ):
                    self._report_lead = i
                    break
        return self._report_lead

    def paragraph(self, block: int) -> range:
        """Indices of the sentences of one paragraph (empty for a block that is not one)."""
        if self._blocks is None:
            self._blocks = {}
            for index, sentence in enumerate(self.sentences):
                first = self._blocks.get(sentence.block, range(index, index)).start
                self._blocks[sentence.block] = range(first, index + 1)
        return self._blocks.get(block, range(0))


def _nowhere(position: int) -> bool:
    return False


def _person_named(text: str) -> bool:
    """'Trump', 'Match of the Day pundit Rio Ferdinand', 'he': a name or he/she; not 'The crowd', 'the sign'."""
    words = text.split()
    if len(words) == 1 and words[0].lower() in ("he", "she"):
        return True
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in _STOP and words[-1].lower() not in _DEFINITE


def _views_object(after: list[Token]) -> bool:
    """Does an opinion verb's object have a complement ("... this as a move", "... the name to be a
    misnomer") before its clause ends? Then the verb states a view of it, not an act on it."""
    for i, token in enumerate(after[:_VIEW_REACH]):
        if not token.is_word or token.lower in ("that", "which", "who", "and", "but"):
            return False
        following = after[i + 1].lower if i + 1 < len(after) else ""
        if token.lower == "as":
            return following not in _SUBJECT_PRONOUNS  # not "saw the plane as it came down"
        if token.lower == "to" and following == "be":
            return True
    return False


_SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
# Opinion verbs that state a view only in a view's shape ("many saw it as", "most hold that the ...");
# otherwise they are acts, whoever their subject ("Klitschko held that title").
_VIEW_VERBS = frozenset("see sees saw seeing hold holds held holding perceive perceives perceived perceiving".split())
_THAT_CLAUSE_STARTS = _SUBJECT_PRONOUNS | frozenset("the a an this these those there his her its their our many some most".split())


def _opens_clause(after: list[Token]) -> bool:
    """'that' opening a clause ("hold that the plan ..."), not a determiner ("held that title")."""
    return len(after) > 1 and after[0].lower == "that" and (after[1].lower in _THAT_CLAUSE_STARTS or after[1].text[:1].isupper())


_TITLE_REACH = 14  # words of a speaker's title between the name and the verb ("manager of ... department said")
_RELATIVE_CLAUSE_WORDS = 12  # words of a relative clause between a speaker and the verb ("a nurse who took part ... said")
_VIEW_REACH = 8  # words between an opinion verb and the "as" or "to be" of its object's complement


def _credits_claim(cue: Cue) -> bool:
    return not cue.quote_only and cue.source in ANY_SOURCE and (cue.credits or cue.source != VAGUE)


def _credits_figure(cue: Cue, same_sentence: bool) -> bool:
    """Does the cue credit a figure? A vague crowd does only in the figure's own sentence."""
    return cue.credits and not cue.quote_only and cue.source in ANY_SOURCE and (cue.source != VAGUE or same_sentence)


_NOT_EMPLOYERS = _DEFINITE | {"a", "an"}  # "A few analysts", "A number of officials": an article, not a name
_BACK_REFERENCES = frozenset("it they he she".split())  # "it said": the source named before
_NOT_NAME_WORDS = _STOP | _DEFINITE | frozenset("inc corp co ltd plc llc group company".split())  # shared by many names


_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\p{N}&'’-]*")  # "BCI" of "(BCI),", "Baring" of "<Baring"


def _outside_quotations(matches: Iterable[regex.Match], spans: list[tuple[int, int]]) -> bool:
    """Does any of the matches start outside every quotation's span (start, end): the narrator's words?"""
    return any(not any(a <= m.start() < b for a, b in spans) for m in matches)


def _name_words(text: str) -> set[str]:
    """The words of a source's name that tell it from another: 'Noranda Inc' -> {'noranda'}."""
    return {
        _bare(word)
        for word in _NON_SPACE.findall(text)
        if word[:1].isupper() and _bare(word) not in _NOT_NAME_WORDS
    }


def _named_words(analysis: Analysis, block: int) -> set[str]:
    """The name words of the named sources a paragraph credits."""
    sentences = analysis.sentences
    return {
        word
        for i in analysis.paragraph(block)
        for c in sentences[i].cues
        if _credits_figure(c, False) and c.source in (NAMED, DOCUMENT)
        for word in _name_words(c.source_text)
    }


def _holds_figure(text: str, cue: Cue, sentence: Sentence) -> bool:
    """Is the figure the forecast of a named subject's view, in the clause its verb opens? "It ... believes
    that outside investors would hold no more than 20 pct": the company's own estimate. (An opinion verb is
    otherwise no source for a figure: "the allies agreed on a force of 30,000 troops".)"""
    return (
        cue.source in (NAMED, INHERITED)
        and bool(sentence.figures)
        and cue.end < sentence.figures[0].start
        and _FORECAST_VIEW.search(text, cue.start, cue.end) is not None
        and _VIEW_CLAUSE.match(text, cue.end, sentence.figures[0].start) is not None
    )


class Token:
    """A word or punctuation mark near a cue, with its offsets."""

    __slots__ = ("text", "start", "end", "lower", "is_word")

    def __init__(self, text: str, start: int, end: int, lower: str | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower().replace("’", "'") if lower is None else lower
        self.is_word = text[0].isalnum()


# _TOKEN for a plain ASCII text: the re module runs it a third faster.
_ASCII_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:[.'’\-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]", re.ASCII)


def _tokens(text: str, start: int, end: int, ascii_lower: str | None = None) -> list[Token]:
    """The tokens of text[start:end]; for a plain ASCII text, lowered from its lowered copy."""
    if ascii_lower is None:
        return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    return [Token(m.group(), a, b, ascii_lower[a:b]) for m in _ASCII_TOKEN.finditer(text, start, end) for a, b in (m.span(),)]


_NOT_NUMBER = regex.compile(r"[^\d.\w ]|(?<=\d),")
_DIGITS = regex.compile(r"\d[\d,]*(?:\.\d+)?")
_BY = regex.compile(r"\bby\s+")


def _words_key(text: str, start: int, end: int) -> str:
    """A quotation's words, lower case, without punctuation: to tell the same words quoted twice."""
    return " ".join(_NON_WORD.sub(" ", text[start:end].lower()).split())


def _number_key(text: str) -> str:
    """The number of a figure, to tell a repeat: '$160 million' and '160 million' -> '160 million'."""
    return " ".join(_NOT_NUMBER.sub("", text.lower()).split())


_NON_SPACE = regex.compile(r"\S+")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def _number_value(text: str) -> float:
    digits = _DIGITS.search(text)
    return float(digits.group().replace(",", "")) if digits else 0.0


def _last_words(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


def _first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


def form_is_past(word: str) -> bool:
    """A past form that can also be a participle: 'published', 'found' (not 'said', 'told')."""
    word = normal(word).split()[0]
    return word.endswith("ed") or word in ("found", "written", "thought", "felt", "put", "spoken", "forecast", "cast")


_PARTICIPLE_FOLLOWERS = frozenset(
    "in on at by after before from during as for with under over into onto since until among , . ; : ( )".split()
)


def _is_acronym(text: str) -> bool:
    """'the FBI', 'NHTSA's': a body known by its initials."""
    word = _bare(text.split()[-1]) if text.split() else ""
    letters = text.split()[-1].rstrip("'’s") if text.split() else ""
    return len(word) >= 2 and letters.isalpha() and letters.isupper()


def _bare(word: str) -> str:
    """A word without a possessive ending: Kyiv's -> kyiv."""
    word = normal(word)
    return word[:-2] if word.endswith("'s") else word


class Analyzer:
    """One pass over an article: cues, flags, figures and quotes per sentence."""

    def __init__(self, lexicon: Lexicon, doc: Document) -> None:
        self.lex = lexicon
        self.doc = doc
        self.text = doc.text
        self._sentence_start = 0
        self._paragraph_start = 0
        self._agency: bool | None = None  # whether the article names an agency, on first need
        self._scans: dict[int, tuple[list[Any], list[int]]] = {}  # scanner -> its matches in the article
        self._rare_starts: list[int] | None = None
        self._sentence_starts: list[int] | None = None  # every sentence of the article, on first need
        self._page_furniture: list[tuple[int, int]] | None = None  # furniture spans, on first need
        # A plain ASCII text lowered (every offset kept): lexicon words are looked for in it.
        self.ascii_lower = doc.text.lower() if doc.text.isascii() else None
        # Lower case, ’ as ', to look for document words in: None unless every offset is kept
        # and a token lowers alone as in its sentence (a capital sigma lowers by its neighbours).
        lowered = self.ascii_lower or doc.text.lower().replace("’", "'")
        self._lowered = lowered if len(lowered) == len(doc.text) and "Σ" not in doc.text else None
        self.lowered_text = self.ascii_lower or doc.text.lower()  # for a scan's triggers
        self._angled = "<" in doc.text  # a wire's "<Company Name>" may be in it

    def run(self) -> Analysis:
        sentences: list[Sentence] = []
        quotes: list[Quote] = []
        open_quote = False  # the paragraph before ended inside a quotation
        for index, block in enumerate(self.doc.blocks):
            if open_quote and block.kind != "paragraph" and self._furniture(index):
                continue  # "PHOTOS: ...": a reader skips it, and a quotation left open runs on
            if block.kind != "paragraph":
                open_quote = False
                continue
            first = len(sentences)
            self._paragraph_start = block.start
            sentences.extend(Sentence(s, e, index) for s, e in block.sentences)
            block_quotes, open_quote = self._paragraph_quotes(block.start, block.end, index, first, sentences, open_quote)
            quotes.extend(block_quotes)
            spans = [(q.start, q.end) for q in block_quotes] if block_quotes else []
            # the sentence before, for a hedge's report: the paragraph before's last, when it cites a report
            # ("According to a report from TMZ ... ¶ she is reportedly already a patient": _weasel_wording asks)
            previous: Sentence | None = sentences[first - 1] if first else None
            for sentence in sentences[first:]:
                self._read(sentence, spans, previous)
                previous = sentence
        QuoteCredit(self, sentences, quotes).run()
        self._explain_anonymity(sentences, quotes)
        return Analysis(sentences, quotes, self.text)

    def _relays_report(self, previous: Sentence) -> bool:
        """Does the sentence before name the report a hedge relays: any named source or document in the same
        paragraph, a report in the paragraph before?"""
        if previous.end <= self._paragraph_start:
            return self._cites_report(previous)
        return any(c.source in (NAMED, DOCUMENT) and c.credits for c in self._unhedged_cues(previous))

    def _cites_report(self, sentence: Sentence) -> bool:
        """Does the sentence credit a report: a document, or a source phrase or verb of reporting ("according
        to TMZ", "The Post reported")? Not any speaker ("they said"), whose words a hedge does not relay."""
        return any(
            c.credits and (c.source == DOCUMENT or c.source == NAMED and _REPORT_CUE.search(self.text, c.start, c.end))
            for c in self._unhedged_cues(sentence)
        )

    def _unhedged_cues(self, sentence: Sentence) -> list[Cue]:
        """The sentence's cues outside its own hedged clause: a cue after "reportedly" with no comma between is
        part of what is only reported ("have reportedly been named in five federal lawsuits"), not the report;
        one after a comma may close the sentence on it ("..., reportedly, according to TMZ")."""
        hedges = self._within(self.lex.hedges, sentence.start, sentence.end) if sentence.cues else ()
        if not hedges:
            return sentence.cues
        hedged = hedges[0].end()
        return [c for c in sentence.cues if c.start < hedged or "," in self.text[hedged : c.start]]

    def _explain_anonymity(self, sentences: list[Sentence], quotes: list[Quote]) -> None:
        """Anonymous sources within two paragraphs of the reason they were not named are explained."""
        if not any(s.anonymous for s in sentences):
            return
        spans = [(q.start, q.end) for q in quotes]
        # each paragraph giving a reason, with whom the reason is for: the unnamed sources its sentences speak
        # of ("The diplomats, who asked to speak on condition of anonymity ..."), or None for anyone ("He spoke ...")
        whose: dict[int, set[str] | None] = {}
        for s in sentences:
            if _outside_quotations(self._within(self.lex.anonymity_reasons, s.start, s.end), spans):
                heads = self._unnamed_heads(s)
                whose[s.block] = None if not heads or whose.get(s.block, set()) is None else whose.get(s.block, set()) | heads
        if any(_FOR_THE_STORY.search(self.text, s.start, s.end) for s in sentences if s.block in whose):
            whose = {s.block: None for s in sentences}  # "who like others interviewed for this story spoke on condition ..."
        paragraphs = sorted({s.block for s in sentences})
        rank = {block: i for i, block in enumerate(paragraphs)}  # paragraphs counted, headings skipped
        near: dict[int, list[set[str] | None]] = {}
        for block, heads in whose.items():
            for j in range(max(0, rank[block] - 2), min(len(paragraphs), rank[block] + 3)):
                near.setdefault(paragraphs[j], []).append(heads)
        for sentence in sentences:
            if sentence.anonymous and sentence.block in near:
                mine = self._unnamed_heads(sentence)
                # a reason given for the diplomats does not explain "a White House official" beside them
                if not mine or any(heads is None or heads & mine for heads in near[sentence.block]):
                    sentence.anonymity_explained = True

    def _unnamed_heads(self, sentence: Sentence) -> set[str]:
        """The head words, singular, of the unnamed sources the sentence's cues read ("diplomat", "official")."""
        heads = set()
        for cue in sentence.cues:
            words = cue.source_text.split()
            word = _bare(words[-1]) if words else ""
            if word in self.lex.anonymous:
                heads.add(word[:-1] if word.endswith("s") and word[:-1] in self.lex.anonymous else word)
        return heads

    def _furniture(self, index: int) -> bool:
        """Is the block page furniture a reader skips ("PHOTOS: ...", a photo caption, "Advertisement")?
        factlint/furniture.py says, read once per article and only when a quotation needs it."""
        block = self.doc.blocks[index]
        if block.kind == "paragraph" and (
            self.text.count(" ", block.start, block.end) > _FURNITURE_WORDS or self.text[block.start : block.end].rstrip()[-1:] in _PROSE_ENDS
        ):
            return False  # prose: long, or ending as a sentence ends; no need to read the page's furniture
        if self._page_furniture is None:
            from factlint.furniture import page_furniture

            self._page_furniture = [(s.start, s.end) for s in page_furniture(self.doc).spans if not s.source]
        return any(start <= block.start and block.end <= end for start, end in self._page_furniture)

    # -- quotations ------------------------------------------------------------
    def _paragraph_quotes(
        self, start: int, end: int, block: int, first: int, sentences: list[Sentence], open_before: bool
    ) -> tuple[list[Quote], bool]:
        """The paragraph's quotations (paired by factlint.quotations) and whether it ends inside one."""
        spans, still_open, _ = pair_quotations(self.text, start, end, open_before)
        found: list[Quote] = []
        if not spans:
            return found, still_open  # most paragraphs quote no one: no sentence table to build
        # the sentences a quotation touches, found by bisection: the paragraph's sentences follow one another
        # (a paragraph of many quotations looked through all its sentences for each)
        starts = [s.start for s in sentences[first:]]
        ends = [s.end for s in sentences[first:]]
        for span in spans:
            # those that end after it starts and start before it ends
            touched = range(first + bisect.bisect_right(ends, span.start), first + bisect.bisect_left(starts, span.end))
            if not touched:
                continue
            speech = not span.continued and self._is_speech(span.body_start, span.body_end, span.start, span.end) or span.continued
            found.append(
                Quote(span.start, span.end, span.body_start, span.body_end, block, touched[0], touched[-1], span.continued, span.closed, speech)
            )
        return found, still_open

    def _is_speech(self, body_start: int, body_end: int, start: int, end: int) -> bool:
        """Quotation marks around someone's words, not a title, name or term."""
        inner = self.text[body_start:body_end].strip("“”\"‘’`' \n")
        if not _LETTERS.search(inner):
            return False
        if _CITED_IN.match(self.text, end, end + _CITATION_REACH):
            return False  # the title of a paper in a citation: 'Bar-On et al., “The biomass distribution on Earth,” PNAS (2018)'

        words = inner.split()
        significant = [w for w in words if w.lower() not in _SMALL_WORDS]
        if len(words) <= _TITLE_WORDS and significant and all(w[:1].isupper() or not w[:1].isalpha() for w in significant):
            return False  # a title or name: “Twilight”, “Coalition of the Willing”
        before = self.text[max(0, start - 40) : start]
        if len(words) <= _TERM_WORDS and inner[:1].islower() and _TERM_BEFORE.search(before):
            return False  # a term: the dictionary's annual “word of the year”, the old “once upon a time”
        return not self.lex.naming.search(before)

    # -- one sentence ------------------------------------------------------------
    def _read(self, sentence: Sentence, quotes: list[tuple[int, int]], previous: Sentence | None = None) -> None:
        s, e = sentence.start, sentence.end
        self._sentence_start = s
        self._sentence_tokens: list[Token] | None = None  # made on first need, shared by the sentence's cues
        self._sentence_end = e
        self._sentence_documents: bool | None = None  # whether a document word is in it, on first need

        self._quote_spans = quotes

        if quotes:
            def quoted(position: int) -> bool:
                return any(a <= position < b for a, b in quotes)
        else:
            quoted = _nowhere  # most paragraphs quote no one

        for match in self._within(self.lex.cues, s, e):
            if quoted(match.start()) or (match.start() > 0 and self.text[match.start() - 1] in ".'’-"):
                continue
            cue = self._resolve(match, s, e)
            if cue is not None:
                sentence.cues.append(cue)
        rare = self._rare(s, e)
        # Any source in the sentence, even an anonymous one (reported by its own rule), answers "says who?"
        # for wording credited to no one: "..., reportedly showed ..., legal sources said" (asked only where such wording is).
        credited = rare and any((c.source in CREDITED or c.source == ANONYMOUS) and not c.quote_only for c in sentence.cues)
        sentence.figures = self._figures(s, e, quoted)  # (before the crowds: a member named gives these too, or not)
        sentence.weasel = self._weasel(sentence, quoted, credited, previous, rare)
        sentence.anonymous = self._anonymous(sentence, quoted, rare)
        if sentence.anonymous and sentence.weasel and sentence.anonymous.start < sentence.weasel.end and sentence.weasel.start < sentence.anonymous.end:
            sentence.anonymous = None  # "interpreted by Western officials as": one problem, reported once
        if rare:
            sentence.claims = [
                m.span() for m in self._within(self.lex.claims, s, e) if not quoted(m.start()) and not _PAST.search(self.text, s, e)
            ]

    def _rare(self, start: int, end: int) -> bool:
        """Does any of the rarely matching scanners (weasel wording, anonymity, claims) match in text[start:end]?
        Most sentences have none: one look here spares each of them a look of its own."""
        if self._rare_starts is None:
            lex = self.lex
            scanners = (lex.agentless, lex.widely_bare, lex.crowd_views, lex.raised_doubts, lex.it_passive, lex.hedges, lex.weasel_phrases)
            starts = [m.start() for scanner in (*scanners, lex.anonymity, lex.claims) for m in self._within(scanner, 0, len(self.text))]
            self._rare_starts = sorted(starts)
        index = bisect.bisect_left(self._rare_starts, start)
        return index < len(self._rare_starts) and self._rare_starts[index] < end

    def _within(self, scanner: "_WordScan | regex.Pattern", start: int, end: int) -> list[Any]:
        """The scanner's matches inside text[start:end]: the whole article is scanned once per scanner
        (a scan per sentence costs more in calls than in matching), then each sentence takes its share."""
        found = self._scans.get(id(scanner))
        if found is None:
            if isinstance(scanner, _WordScan):
                matches = list(scanner.finditer(self, 0, len(self.text)))
            else:
                matches = list(scanner.finditer(self.text))
            found = self._scans[id(scanner)] = (matches, [m.start() for m in matches])
        matches, starts = found
        if not matches:
            return []
        index = bisect.bisect_left(starts, start)
        out = []
        while index < len(matches) and starts[index] < end:
            if matches[index].end() <= end:
                out.append(matches[index])
            index += 1
        return out

    def _anonymous(self, sentence: Sentence, quoted, rare: bool = True) -> Flag | None:
        for match in self._within(self.lex.anonymity, sentence.start, sentence.end) if rare else ():
            if not quoted(match.start()):
                return Flag(match.start(), match.end(), "an anonymous source")
        for cue in sentence.cues:
            if cue.source == ANONYMOUS and not cue.quote_only:
                if _HYPOTHETICAL.search(self.text, self._clause_start(cue.start), cue.start):
                    continue  # "treat the report with skepticism until it's confirmed by another source": no one said anything
                return Flag(cue.start, cue.end, self._describe(ANONYMOUS, cue.source_text))
        return None

    def _weasel(self, sentence: Sentence, quoted, credited: bool, previous: Sentence | None = None, rare: bool = True) -> Flag | None:
        s, e = sentence.start, sentence.end
        candidates: list[Flag] = []
        if rare:
            self._weasel_wording(candidates, s, e, credited, previous, sentence.cues)
        # A crowd reported by a named source or a document is credited: "some witnesses told police
        # ..., the chief said", "polls showed that many think" (asked only of a sentence with a crowd: most have none).
        crowds = [c for c in sentence.cues if c.source == VAGUE and not c.quote_only]
        vouched = bool(crowds) and any(c.source == DOCUMENT or (c.source == NAMED and self._tag(c, e)) for c in sentence.cues if c.credits)
        for cue in crowds:
            if not vouched and not self._member_named(cue, sentence) and not self._reported_by_name(cue, sentence.cues):
                candidates.append(Flag(cue.start, cue.end, f"a vague crowd ('{cue.source_text}')"))
        candidates = [c for c in candidates if not quoted(c.start)]
        return min(candidates, key=lambda f: f.start) if candidates else None

    def _reported_by_name(self, crowd: Cue, cues: list[Cue]) -> bool:
        """Does a named speaker report the crowd in the same clause ("Harkin said his policy would not ruin
        exports as critics claim", "He said his mother had been told by other parents")? The speaker
        answers for it. Not across a comma, "but", "while" or a semicolon ("Smith welcomed it, but critics say
        ...", "If confirmed by the Senate, green activists fear")."""
        crowd_end = crowd.source_end if crowd.source_end > 0 else crowd.end  # "even though experts": the turn is in the phrase
        return any(
            c.source == NAMED and c.credits and c.end <= crowd.start and not _TURN.search(self.text, c.end, crowd_end)
            and not self._informs(crowd, c)
            for c in cues
        )

    def _informs(self, crowd: Cue, named: Cue) -> bool:
        """Is the crowd the named speaker's source: a crowd that speaks, opening what the speaker reports ("Haddad
        reported from Mosul that political observers there said")? Not a crowd the speaker speaks of ("Baldrige said
        that observers who were attributing the drop ... were barking up the wrong tree"), nor a phrase whose head is
        no crowd ("She noted that most of the reductions in soybean acres came in southeastern states")."""
        if not crowd.credits or not _OPENS_REPORT.fullmatch(self.text, named.end, crowd.start):
            return False
        words = crowd.source_text.split()
        return bool(words) and _bare(words[-1]) in self.lex.vague and not _RELATIVE.search(self.text, crowd.source_end, crowd.end)

    def _member_named(self, cue: Cue, sentence: Sentence) -> bool:
        """Does the story name one of the crowd, in the crowd's paragraph or the one either side ("analysts
        said ... ¶ “...,” said analyst Rosario Ilacqua", "Tony Measor, an economist at ...")? The wire's
        "analysts said" sums up the analysts it goes on to name. Only for a profession's crowd, only a member
        now ("formerly an analyst" is not one), and only when those paragraphs give the crowd's figures too
        ("Analysts have projected the market at 1.5 billion dlrs" is not summed up by an analyst on the delay)."""
        words = cue.source_text.split()
        head = _bare(words[-1]) if words else ""
        if head not in _PROFESSIONS:
            return False
        blocks, block = self.doc.blocks, sentence.block
        start = blocks[max(0, block - 2)].start
        end = blocks[min(len(blocks) - 1, block + 2)].end
        for word in _member_pattern(head[:-1]).finditer(self.text, start, end):  # "analysts" -> "analyst"
            if _FORMER.search(self.text, max(start, word.start() - _FORMER_REACH), word.start()):
                continue  # "Scott King, formerly an analyst with Montgomery Securities": a consultant now
            if _MEMBER_NAME_AFTER.match(self.text, word.end(), end) or (
                _WORD_END.match(self.text, word.end()) and _MEMBER_NAME_BEFORE.search(self.text, max(start, word.start() - _MEMBER_REACH), word.start())
            ):
                return self._estimates_given_near(cue, sentence, start, end)  # "analyst Rosario Ilacqua", "Allen Sinai, chief economist"
        return False

    def _estimates_given_near(self, crowd: Cue, sentence: Sentence, start: int, end: int) -> bool:
        """Is each figure the crowd estimates ("Analysts have projected the market at 1.5 billion dlrs") given again,
        as written, in text[start:end] outside the sentence? Figures it only mentions ("the disposal of 31.7 pct",
        "..., analysts said") need no member's estimate."""
        text = self.text
        if not sentence.figures or not _ESTIMATE_VERB.search(text, crowd.start, crowd.end):
            return True
        found = (_DIGITS.search(text, f.start, sentence.end) for f in sentence.figures if f.start >= crowd.end)
        numbers = {digits.group() for digits in found if digits}
        return all(text.find(number, start, sentence.start) >= 0 or text.find(number, sentence.end, end) >= 0 for number in numbers)

    def _relayed(self, position: int, cues: list[Cue], sentence_end: int) -> bool:
        """Is wording at the position a source's, relayed: right after its verb ("The Fed said studies show",
        "They said that it was an open secret") or under a closing tag ("..., say Wall Street sources")?"""
        return any(
            c.credits and c.source in RELAYING and (0 <= position - c.end <= _RELAY_GAP or self._tag(c, sentence_end))
            for c in cues
            if c.start != position
        )

    def _weasel_wording(self, candidates: list[Flag], s: int, e: int, credited: bool, previous: Sentence | None, cues: list[Cue] = ()) -> None:
        """Wording that credits a claim to no one: agentless passives, consensus adverbs, crowds' views, fixed phrases."""
        for match in self._within(self.lex.agentless, s, e):
            flag = self._agentless(match, e, credited)
            if flag is None and normal(match.group("part")) in self.lex.claim_passives:
                flag = self._claim_passive(match, e, credited)
            if flag is not None:
                candidates.append(flag)
        for match in self._within(self.lex.widely_bare, s, e):
            flag = self._agentless(match, e, credited)
            if flag is not None:
                candidates.append(flag)
        for match in self._within(self.lex.crowd_views, s, e):
            flag = self._crowd_view(match)
            if flag is not None:
                candidates.append(flag)
        for match in self._within(self.lex.raised_doubts, s, e):
            flag = self._raised_doubt(match, e, credited)
            if flag is not None:
                candidates.append(flag)
        if not credited:
            # (not "it's supposed to be entertaining": an "it" that stands for something, and what it is meant to do)
            candidates.extend(Flag(m.start(), m.end(), "no one") for m in self._within(self.lex.it_passive, s, e) if not _TO_AFTER.match(self.text, m.end(), e))
            hedges = self._within(self.lex.hedges, s, e)
            # "The Washington Post reported that ... The men reportedly skirted the law": the report is named (in the
            # paragraph before, only a report: "According to a report from TMZ ... ¶ she is reportedly a patient").
            if hedges and not (previous is not None and self._relays_report(previous)):
                candidates.extend(Flag(m.start(), m.end(), "no one") for m in hedges)
        for m in self._within(self.lex.weasel_phrases, s, e):
            if not self._relayed(m.start(), cues, e):
                candidates.append(Flag(m.start(), m.end(), "no one"))

    def _tag(self, cue: Cue, sentence_end: int) -> bool:
        """A closing attribution for the whole sentence: '..., Troy Police Chief Charles Craft said.'"""
        lead = self.text[max(self._sentence_start, cue.start - 3) : cue.start].rstrip()
        rest = self.text[cue.end : sentence_end]
        return lead.endswith((",", "”", '"')) and len(rest.split()) <= 8

    def _agentless(self, match: regex.Match, end: int, credited: bool) -> Flag | None:
        """'has been seen as', 'is believed to': reported unless a named agent holds the view."""
        part = normal(match.group("part"))
        adverb = match.group("adverb") or (match.groupdict().get("early"))
        after = self._after(match.end())
        follow = after[0].lower if after else ""
        if follow == "by":
            source, text, _, _ = self._forward_source(after[1:])
            if source in CREDITED or source is None:
                return None
            return Flag(match.start(), after[0].end if len(after) < 2 else self._np_end(after[1:]), self._describe(source, text))
        as_form = part in self.lex.agentless_as and follow in ("as", "one", "among")
        to_form = part in self.lex.agentless_to and follow in ("to", "that")
        consensus = adverb is not None and part in self.lex.widely_participles
        if not (as_form or to_form or consensus):
            return None
        if to_form and _TERM_FOLLOWS.match(self.text, after[0].end, self._sentence_end):
            return None  # a definition: "the allele is said to be `split'"
        if as_form and self._quoted_at(after[0].end):
            return None  # "were seen as “a way to confront ...”": the quotation's speaker holds the view
        flag_end = after[0].end if follow in ("as", "to", "that", "one", "among") else match.end()
        agent = self._later_agent(match.end(), end)
        if agent is not None:
            source, text = agent
            return None if source in CREDITED else Flag(match.start(), flag_end, self._describe(source, text))
        if credited:
            return None  # "the move was seen as a snub, Macron said"
        if _CONDITION.search(self.text, self._clause_start(match.start()), match.start()):
            return None  # "if the assessment is thought to be insufficient": a condition, not a claim
        return Flag(match.start(), flag_end, "no one")

    def _claim_passive(self, match: regex.Match, end: int, credited: bool) -> Flag | None:
        """'is hotly disputed', 'has long been claimed', 'is considered important': a claim held by no one named."""
        part = normal(match.group("part"))
        after = self._after(match.end())
        follow = after[0] if after else None
        if follow is not None and follow.lower == "by":  # "ridiculed by some reviewers"
            source, text, last, _ = self._forward_source(after[1:])
            if source in CREDITED or source is None or last is None:
                return None
            return Flag(match.start(), last.end, self._describe(source, text))
        if follow is not None and follow.lower in ("as", "to", "that", "one", "among"):
            return None  # the agentless reading: "is seen as", "is said to"
        if part in ("considered", "deemed", "regarded"):
            graded = follow is not None and follow.lower in _DEGREE and len(after) > 1 and after[1].is_word
            if graded:
                follow = after[1]  # "is considered very active", "was deemed too risky" (not "considered more closely")
            adjective = _ADJECTIVE.fullmatch(follow.lower) or graded and not follow.lower.endswith("ly") if follow else False
            if follow is None or not (follow.lower in _COMPLEMENT_STARTS or adjective):
                return None  # "was considered for the job"
        elif part in ("accused", "blamed", "credited"):
            if match.group("adverb") is None:
                return None  # "is accused of fraud": the charge, credited to its prosecutors nearby
        elif follow is not None and follow.is_word and follow.lower not in _CLAUSE_ENDERS:
            return None  # "was questioned by police": an act, not a claim
        elif part == "contested" and any(t.lower in _CONTESTS for t in self._before(match.start(), 1)):
            return None  # "while the seats are contested": candidates compete for them
        elif part == "questioned" and self._people_before(match.start()):
            return None  # "Both girls are questioned and ...", "He was questioned for hours": interrogated
        agent = self._later_agent(match.end(), end)
        if agent is not None:
            source, text = agent
            return None if source in CREDITED else Flag(match.start(), match.end(), self._describe(source, text))
        if credited or _CONDITION.search(self.text, self._clause_start(match.start()), match.start()) or self._at_venue(after):
            return None  # "was challenged in court": an act, with where it took place
        return Flag(match.start(), match.end(), "no one")

    def _raised_doubt(self, match: regex.Match, end: int, credited: bool) -> Flag | None:
        """'Questions have been raised about ...', 'concerns were voiced': doubts whose holders go unsaid."""
        before = self._before(match.start(), 1)
        if before and (before[-1].lower in _POSSESSIVES or normal(before[-1].text).endswith("'s")):
            return None  # "the family's concerns were raised with the council": whose they are is said
        after = self._after(match.end())
        if after and after[0].lower in ("by", "from"):  # "raised by residents", "voiced by some economists"
            source, text, last, _ = self._forward_source(after[1:])
            if source in CREDITED or source is None or last is None:
                return None
            return Flag(match.start(), last.end, self._describe(source, text))
        agent = self._later_agent(match.end(), end)
        if agent is not None:
            source, text = agent
            return None if source in CREDITED else Flag(match.start(), match.end(), self._describe(source, text))
        if credited or _CONDITION.search(self.text, self._clause_start(match.start()), match.start()) or self._at_venue(after):
            return None  # "..., the mayor said"; "if concerns are raised"; "questions were raised at the hearing"
        return Flag(match.start(), match.end(), "no one")

    def _people_before(self, position: int) -> bool:
        """Is the subject just before the position a person or people ("he", "both girls", "Smith")?"""
        before = self._before(position, 1)
        return bool(before) and (before[-1].lower in _PEOPLE or before[-1].text[:1].isupper() and before[-1].lower not in _STOP)

    def _at_venue(self, after: list[Token]) -> bool:
        """Does a venue follow ("in court", "at the hearing", "before the Supreme Court"): where an act took place?"""
        return bool(after) and after[0].lower in _VENUE_PREPOSITIONS and any(t.lower in self.lex.venues for t in after[1 : 1 + _VENUE_REACH])

    def _crowd_view(self, match: regex.Match) -> Flag | None:
        """'looked fragile to many market watchers', 'prompting many observers to conclude': a crowd's view."""
        if match.group().lower().startswith("to") and not _SEEMS_BEFORE.search(self.text, max(0, match.start() - 60), match.start()):
            return None  # "to many" after anything but "looked fragile", "seemed ... to"
        after = self._after(match.end())
        source, text, last, _ = self._forward_source(after)
        if source != VAGUE or last is None:
            return None
        if not match.group().rstrip().lower().endswith(("to", "from")):  # "prompting many observers to conclude"
            rest = self._after(last.end, 2)
            if len(rest) < 2 or rest[0].lower != "to" or rest[1].lower not in self.lex.lemmas:
                return None
        return Flag(match.start(), last.end, self._describe(VAGUE, text))

    def _quoted_at(self, position: int) -> bool:
        """Does a quotation open right after the position ("as “...”", "as a ‘bikini’"), or a name in quotation marks
        after "the" ("as the ‘Australasian robins’"; not a description, "as the “apple of Theo Epstein's eye”")?"""
        return any(
            0 <= start - position <= 3 or _ARTICLE_GAP.fullmatch(self.text, position, start) and _NAME_OPENS.match(self.text, start)
            for start, _ in self._quote_spans
        )

    def _clause_start(self, position: int) -> int:
        boundary = max(self.text.rfind(mark, self._sentence_start, position) for mark in (",", ";", ":", "—"))
        return max(self._sentence_start, boundary + 1)

    def _later_agent(self, start: int, end: int) -> tuple[str, str] | None:
        """The 'by ...' agent later in the clause: 'is seen as crucial by analysts'."""
        stop = _CLAUSE_END.search(self.text, start, end)
        clause_end = stop.start() if stop else end
        by = _BY.search(self.text[start:clause_end])
        if by is None:
            return None
        source, text, _, _ = self._forward_source(self._after(start + by.end()))
        return (source, text) if source is not None else None

    def _describe(self, source: str, text: str) -> str:
        if source == ANONYMOUS:
            return f"unnamed {self._bare_phrase(text)}"
        if source == VAGUE:
            return f"a vague crowd ('{text}')"
        return "no one"

    def _bare_phrase(self, text: str) -> str:
        """'both U.S. and European officials' -> 'U.S. and European officials'."""
        words = text.split()
        # "a number of officials" -> "officials", "some of the officials" -> "officials"
        words = words[next((len(q.split()) for q in self.lex.long_quantifiers if " ".join(words[: len(q.split())]).lower() == q), 0) :]
        while len(words) > 1 and (normal(words[0]) in self.lex.crowd_openers or words[0].isdigit()):
            words.pop(0)
        return " ".join(words)

    def _np_end(self, tokens: list[Token]) -> int:
        _, _, last = self._forward_np(tokens)
        return last.end if last is not None else tokens[0].end

    # -- tokens around a position of the current sentence ------------------------
    def _sentence(self) -> tuple[list[Token], list[int]]:
        if self._sentence_tokens is None:
            self._sentence_tokens = _tokens(self.text, self._sentence_start, self._sentence_end, self.ascii_lower)
            if self._angled:
                self._sentence_tokens = self._unbracketed(self._sentence_tokens)
            self._token_starts = [t.start for t in self._sentence_tokens]
        return self._sentence_tokens, self._token_starts

    def _unbracketed(self, tokens: list[Token]) -> list[Token]:
        """The tokens of a wire's company name or ticker in angle brackets ("<Noranda Inc> said", "Boeing Co
        <BA> said") without the brackets, its first and last words spanning them: the name reads as any other
        subject, and where it starts and ends is the bracket's. A "<" that opens no name is kept ("x < 5")."""
        opening, closing = {}, {}
        for m in _ANGLED_NAME.finditer(self.text, self._sentence_start, self._sentence_end):
            opening[m.start() + 1] = m.start()
            closing[m.end() - 1] = m.end()
        if not opening:
            return tokens  # most sentences of such an article name no company in brackets
        out = []
        for token in tokens:
            if token.start in closing or token.start + 1 in opening:
                continue
            if token.start in opening or token.end in closing:
                token = Token(token.text, opening.get(token.start, token.start), closing.get(token.end, token.end), token.lower)
            out.append(token)
        return out

    def _before(self, position: int, count: int = 40) -> list[Token]:
        tokens, starts = self._sentence()
        index = bisect.bisect_left(starts, position)
        return tokens[max(0, index - count) : index]

    def _after(self, position: int, count: int = 24) -> list[Token]:
        tokens, starts = self._sentence()
        index = bisect.bisect_left(starts, position)
        return tokens[index : index + count]

    # -- cues --------------------------------------------------------------------
    def _resolve(self, match: regex.Match, s: int, e: int) -> Cue | None:
        """Tie a cue to its source, or None if the word credits no one here."""
        form = normal(match.group())
        kind = self.lex.cue_kinds.get(form)
        if kind is None or not self._may_credit(kind, match):
            return None
        after = self._after(match.end())
        if kind in ("phrase", "docphrase"):
            return self._phrase_cue(kind, match, after)
        before = self._before(match.start())
        if self.text[match.start()].isupper() and any(t.is_word for t in before):
            return None  # a name mid-sentence: "the United States", "The Washington Post"
        last = before[-1].lower if before else ""
        if last in _NOUN_DETERMINERS or form[-1] == "s" and _plural_subject(form, after):
            return None  # a noun: "the effectiveness of the project", "in the hope that", "questions have been raised"
        if last in ("that", "this") and len(before) > 1 and before[-2].lower in _DEMONSTRATIVE_PREPOSITIONS:
            return None  # a noun: "before that show", "in this report" (not "the data that show")
        if last in ("'", "’") and form[-1] == "s" and len(before) > 1 and before[-2].lower.endswith("s") and before[-2].is_word:
            return None  # a plural noun after a plural's possessive: "analysts' estimates of 1.55 dlr per shr"
        if last == "most" and _superlative(before, form, after):
            return None  # "including most noted personalities"
        if last in _REDUCED_CLAUSE and form.startswith("question"):
            return None  # "when questioned by some media outlets": asked, not doubting
        if kind == "opinion" and form.split()[0].endswith("ing") and before and before[-1].lower in _BE:
            return None  # "other cities are considering lawsuits": deliberation, not a view
        if form in self.lex.participles and not (before and before[-1].lower in _BE):  # not "the map was showing"
            return Cue(match.start(), match.end(), INHERITED, "") if kind == "verb" else None
        cue = self._verb_source(match, before, after)
        if cue is None or (kind == "docverb" and cue.source != DOCUMENT and not self._keeps_count(form, cue, after)):
            return None  # "the report found"; "the FBI showed" (a body that publishes figures); not "Smith showed"
        if self._act_not_claim(form, kind, cue, match, after):
            return None
        if form in _VIEW_VERBS and not (_views_object(after) or _opens_clause(after)):
            return None  # "Klitschko held that title", "residents saw the smoke": no view stated
        return self._what_the_verb_credits(form, kind, cue, match, after)

    def _may_credit(self, kind: str, match: regex.Match) -> bool:
        """Cheap checks before any reading: what the sentence must hold for this kind of cue to credit."""
        if kind == "docphrase":
            return self._names_documents()
        if kind not in ("tag", "statement"):
            return True
        quoted = any(a < self._sentence_end and self._sentence_start < b for a, b in self._quote_spans)
        if kind == "tag" and not quoted:
            # a tag verb credits a quotation: one in its sentence, or one that ends a sentence just before it
            # ("“Zero! Zero!” Trump muttered and stormed.")
            return any(b <= self._sentence_start and self._sentence_start - b <= 3 for _, b in self._quote_spans)
        if kind == "statement" and not quoted:
            # no statement handed over and no quotation to tag: "provide funds"
            return bool(self.lex.statement_ahead.search(self.text, match.end(), min(match.end() + 60, self._sentence_end)))
        return True

    def _phrase_cue(self, kind: str, match: regex.Match, after: list[Token]) -> Cue | None:
        """A source phrase ("according to", "under the terms of") credits the noun phrase after it."""
        source, text, last, first = self._forward_source(after)
        if source is None or (kind == "docphrase" and source != DOCUMENT):
            return None
        if source == VAGUE and _bare(text.split()[-1]) not in self.lex.vague:
            return None  # "citing several reasons": what is cited, not who
        return Cue(match.start(), last.end, source, text, source_start=first.start, source_end=last.end)

    def _act_not_claim(self, form: str, kind: str, cue: Cue, match: regex.Match, after: list[Token]) -> bool:
        """An unnamed or vague subject doing something rather than saying it: no sourcing at all."""
        if cue.source not in (ANONYMOUS, VAGUE):
            return False
        if after and after[0].lower in ("to", "with"):
            return True  # "officials agreed to meet": an act, not a claim
        if form.startswith("call") and after and after[0].lower in _HELP_LINES:
            return True  # "several members of the public called emergency services": a telephone call
        if kind != "statement" and form in self.lex.object_verbs and cue.start < match.start():
            if after and after[0].is_word and after[0].lower != "that" and not self._tags_quotation(cue):
                # "some chefs add a few tablespoons": an object, not a claim; but a view of the object
                # is one: "many consider the locomotive to be ...", "some saw him as a traitor"
                return not (kind == "opinion" and _views_object(after))
        # "officials have agreed that an orchestra will perform", "officials hope": no sourcing
        return cue.source == ANONYMOUS and kind == "opinion" and form.split()[0].startswith(_DECISIONS)

    def _what_the_verb_credits(self, form: str, kind: str, cue: Cue, match: regex.Match, after: list[Token]) -> Cue | None:
        """The cue as it credits: a claim, only a quotation (a tag, a possessive remark), or nothing (a noun)."""
        noun = self._noun_use(form, cue) if cue.start < match.start() else None
        if noun == "possessive" and cue.source == NAMED:
            return replace(cue, credits=False, quote_only=True)  # "Obama's remark that Russia is “...”"
        if noun is not None:
            return None  # "many details", "Trump's claims"
        if kind == "statement":
            if not self._hands_over_statement(after):
                return replace(cue, credits=False, quote_only=True) if self._tags_quotation(cue) else None
            if cue.source == VAGUE:
                return None  # "experts released a report": the report is the source, not the crowd
        if kind == "tag" and not self._tags_quotation(cue):
            return None  # "he began the inquiry": only a quotation's tag credits it
        if kind == "tag" and cue.source == VAGUE:
            return replace(cue, credits=False, quote_only=True)  # "Others shouted “Thank you, Serbia”": a scene
        if kind in ("opinion", "tag"):
            return replace(cue, credits=False)
        return cue

    @staticmethod
    def _keeps_count(form: str, cue: Cue, after: list[Token]) -> bool:
        """A body that publishes figures ("the FBI showed"), or any named subject of a count
        ("the village recorded 34 cases", "the ministry counted 1,200"), is their source."""
        if _is_acronym(cue.source_text):
            return True
        counts = form.split()[0].startswith(("record", "count")) and bool(after) and after[0].text[:1].isdigit()
        return counts and cue.source == NAMED

    def _hands_over_statement(self, after: list[Token]) -> bool:
        """'sent a statement', 'released new figures', 'issued a brief written response': not 'released the video'."""
        for token in after[:5]:
            if not token.is_word or token.lower in _FORWARD_STOP:
                return False
            if token.lower in self.lex.statement_nouns:
                return True
        return False

    def _tags_quotation(self, cue: Cue) -> bool:
        """Does the cue stand right after a quotation (“...,” he began) or right before one (sings: “...”)?"""
        for start, end in self._quote_spans:
            if end <= cue.start and cue.start - end <= 3 and not _TAG_GAP.search(self.text, end, cue.start):
                # in the sentence before, only a person named or "he"/"she" tags it: not "“...” The crowd cheered."
                return end > self._sentence_start or (cue.source == NAMED and _person_named(cue.source_text))
            if cue.end <= start and start - cue.end <= 3 and not _TAG_GAP.search(self.text, cue.end, start):
                return True
            if self._sentence_start <= start < cue.start and self._ends_quoting_sentence(start, cue):
                return True
        return False

    def _ends_quoting_sentence(self, quote_start: int, cue: Cue) -> bool:
        """'“... the fact that Australia” has a free-trade agreement, began Key.': a person's tag ending a
        sentence that opens with a quotation tags it, whatever words of the speaker's run between."""
        if _WORD_CHAR.search(self.text, self._sentence_start, quote_start) or _WORD_CHAR.search(self.text, cue.end, self._sentence_end):
            return False
        return cue.source == NAMED and _person_named(cue.source_text)

    def _names_documents(self) -> bool:
        """Whether the sentence may name a document ("under the agreement"): a source is
        one only if a token is a document word, and then that word is in its lowered text."""
        if self._sentence_documents is None:
            self._sentence_documents = self._lowered is None or bool(
                self.lex.any_document.search(self._lowered, self._sentence_start, self._sentence_end)
            )
        return self._sentence_documents

    def _noun_use(self, form: str, cue: Cue) -> str | None:
        """A verb form that is a noun here: 'possessive' ("Obama's remark"), 'plural' ("many details") or None."""
        subject = self.text[cue.start : cue.end].split()
        if len(subject) < 2:
            return None
        head = subject[-2] if not subject[-2].endswith(",") else ""
        possessive = normal(head).endswith("'s") and normal(head) not in ("it's", "he's", "she's", "that's", "who's")
        if possessive and form in self.lex.base_forms:
            return "possessive"
        if form.endswith("s") and not form.endswith("ss"):  # "many details", not "Adams says"
            word = normal(head)
            if word in self.lex.quantifiers or (word.endswith("s") and not word.endswith("ss") and head.isalpha() and head.islower()):
                return "plural"
        return None

    def _verb_source(self, match: regex.Match, before: list[Token], after: list[Token]) -> Cue | None:
        """The source of a verb cue: the agent of a passive, the name after an inverted verb
        ("said Starmer"), a subject in apposition, or the subject before the verb."""
        i = self._subject_end(match, before)
        if i >= 3 and (before[i - 2].text, before[i].text) in (("(", ")"), ("[", "]")) and before[i - 1].text[:1].isupper():
            i -= 3  # "the Federal Home Loan Bank Board (FHLBB) said", "(Conade) said": its short name; "Daimler-Benz AG [DAIG.F] said": its ticker
        if i >= 2 and before[i].text == "," and before[i - 2].text == "," and self._aside(before[i - 1]):
            i -= 3  # "Others, however, claimed": the aside stands between the subject and its verb
        previous = before[i] if i >= 0 else None
        between = i + 1  # the words between the subject and its verb: a modal there ("critics could argue") is read last
        reduced_passive = after and after[0].lower == "by" and form_is_past(match.group())  # "figures released by"
        if previous is not None and (previous.lower in _BE or previous.lower in ("it's", "it’s")) or reduced_passive:  # "it's said"
            return self._passive_source(match, after)
        # Inversion ("said Starmer"); at the start of a sentence only a past or -s form ("Says Smith:"),
        # since a base form there is an imperative ("Expect endless experts ...").
        inverted = (previous is None and normal(match.group()) not in self.lex.lemmas) or (
            previous is not None and previous.text in _CLOSE_QUOTES
        )
        if previous is not None and (previous.text == "," or (previous.text in _CLOSE_QUOTES and self._closes_title(previous))):
            inverted = self._looks_inverted(after)  # 'co-author of “The Life,” said the book took ten years'
        if inverted:
            cue = self._inverted_source(match, after)
            if cue is not None or previous is None:
                return cue
        if previous is not None and previous.text in _CLOSE_QUOTES:  # 'co-author of “The Life,” said in an interview'
            while i >= 0 and not before[i].is_word and before[i].text != ",":
                i -= 1
            previous = before[i] if i >= 0 else None
        if previous is None:
            return None
        if previous.text == ",":
            return self._appositive_source(before[: i + 1], match)
        if previous.lower in _SHARED_SUBJECT:
            return Cue(match.start(), match.end(), INHERITED, "")  # "went on to praise", "... and said"
        source = None
        if self._quote_spans and i == len(before) - 1 and previous.text.islower():  # "..." Name, title of the body said
            source, text, first, last = self._titled_speaker(before)
        if source is None:
            source, text, first, last = self._backward_source(before[: i + 1])
        if source is None and not any(t.lower in ("not", "never") for t in before[i + 1 :]):
            # (not "most who experienced harassment did not report it": an act, denied, credits no one)
            source, text, first, last = self._relative_speaker(before[: i + 1])
        if source is None or (source in (ANONYMOUS, VAGUE) and any(t.lower in _MODALS for t in before[between:])):
            return None
        if (
            source == VAGUE
            and _bare(text.split()[-1]) not in self.lex.vague
            and " " not in match.group().strip()
            and form_is_past(match.group())
            and (not after or after[0].lower in _PARTICIPLE_FOLLOWERS or after[0].lower.endswith("ing"))
            and not self._tags_quotation(Cue(first.start, match.end(), source, text))
        ):
            return None  # "some rare species found in this region": a participle, not a verb (not "protesters shouted, “...”")
        return Cue(first.start, match.end(), source, text, source_start=first.start, source_end=last.end)

    def _titled_speaker(self, tokens: list[Token]) -> tuple[str | None, str, Token | None, Token | None]:
        """The wire's tag after a quotation: a name and its title in apposition, no comma before the verb
        ('"...," Hiromitsu Sunada, manager of Meiji Mutual Life Insurance Co's international investment department
        said'). The name right after the quotation's closing mark speaks; its title, lower case and without a comma
        or quotation mark, runs up to the verb."""
        closing = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k].text in _CLOSE_QUOTES), None)
        if closing is None or tokens[closing - 1].text != "," or not any(b == tokens[closing].end for _, b in self._quote_spans):
            return None, "", None, None
        rest = tokens[closing + 1 :]
        name = list(itertools.takewhile(lambda t: t.is_word and t.text[:1].isupper() and t.lower not in _NOT_NAME_WORDS, rest))
        title = rest[len(name) + 1 :]
        if len(name) < 2 or len(rest) <= len(name) or rest[len(name)].text != "," or not title or len(title) > _TITLE_REACH:
            return None, "", None, None
        if not title[0].text.islower() or any(not t.is_word and t.text not in "'’" for t in title):
            return None, "", None, None  # "Tokyo, Japan said", "Smith, who ..., said"
        return NAMED, " ".join(t.text for t in name), name[0], name[-1]

    @staticmethod
    def _aside(token: Token) -> bool:
        """A word set off by commas between a subject and its verb: "however", "controversially"."""
        return token.lower in _ASIDES or (token.text.islower() and token.lower.endswith("ly") and len(token.lower) > 4)

    def _closes_title(self, mark: Token) -> bool:
        """Does the mark close a title or name in quotation marks (“The Life,”), not someone's words?"""
        span = next(((a, b) for a, b in self._quote_spans if b == mark.end), None)
        return span is not None and not self._is_speech(span[0], span[1], span[0], span[1])

    def _relative_speaker(self, tokens: list[Token]) -> tuple[str | None, str, Token | None, Token | None]:
        """The speaker a relative clause describes, before the verb: "a nurse who took part in the rescue
        operation said" (the clause runs unbroken from "who" to the verb, and holds a word of its own)."""
        for k in range(len(tokens) - 2, max(-1, len(tokens) - 2 - _RELATIVE_CLAUSE_WORDS), -1):
            if not tokens[k].is_word:
                break  # "Critics, who met in Paris, said": the appositive reading's
            if tokens[k].lower == "who":
                return self._backward_source(tokens[:k], relative=True)
        return None, "", None, None

    def _subject_end(self, match: regex.Match, before: list[Token]) -> int:
        """Index of the token before the verb once auxiliaries, adverbs and times are skipped:
        "officials have also said", "a poll published by Ethnos newspaper on Sunday said",
        "the outage map was showing" (a progressive, not a passive)."""
        i = len(before) - 1
        while i >= 0:
            if i >= 1 and before[i].lower == "far" and before[i - 1].lower in ("so", "thus"):
                i -= 2  # "The system itself has so far predicted"
                continue
            if not self._skippable(before[i]):
                break
            if before[i].lower in _TIME_LEADS and (i + 1 >= len(before) or not self._opens_time(before, i + 1)):
                break  # "this" of "this week" is skipped; "This told investigators" has "This" for its subject
            i -= 1
            if i >= 0 and before[i].lower in ("on", "in", "at") and i + 1 < len(before) and before[i + 1].lower in _TIME_WORDS:
                i -= 1
        if i >= 0 and before[i].lower in _BE and match.group().endswith("ing"):
            i -= 1
            while i >= 0 and self._skippable(before[i]):
                i -= 1
        return i

    @staticmethod
    def _opens_time(tokens: list[Token], k: int) -> bool:
        """Do tokens[k:] open a time: "week" of "this week", "at night" of "late at night", "on Tuesday"?"""
        if tokens[k].lower in ("on", "in", "at") and k + 1 < len(tokens):
            k += 1
        return tokens[k].lower in _TIME_WORDS

    def _passive_source(self, match: regex.Match, after: list[Token]) -> Cue | None:
        """The agent of a passive ("emphasized by European officials"); an agentless one credits no one."""
        if after and after[0].lower == "by":
            source, text, last, first = self._forward_source(after[1:])
            if source is not None:
                return Cue(match.start(), last.end, source, text, source_start=first.start, source_end=last.end)
        return None

    def _inverted_source(self, match: regex.Match, after: list[Token]) -> Cue | None:
        """The speaker after an inverted verb: ", said Alfredo Perez", "“...,” said a spokesman"."""
        source, text, last, first = self._forward_source(after)
        if source == VAGUE and _bare(text.split()[-1]) not in self.lex.vague:
            return None  # "Cockerell, described most of the known species": an object, not a speaker
        if source is None:
            return None
        return Cue(match.start(), last.end, source, text, source_start=first.start, source_end=last.end)

    def _skippable(self, token: Token) -> bool:
        word = token.lower
        if word in _SKIP_BEFORE_VERB:
            return True
        return token.text.islower() and word.endswith("ly") and word not in _NOT_ADVERBS and len(word) > 4

    def _looks_inverted(self, after: list[Token]) -> bool:
        """', said Alfredo Perez, a spokesman' but not ', said the agreement was fine'."""
        _, _, last = self._forward_np(after)
        if last is None:
            return False
        index = next(i for i, t in enumerate(after) if t is last) + 1
        while index < len(after) and after[index].lower in _TIME_WORDS:
            index += 1  # "reports The Wall Street Journal this morning, “...”"
        return index >= len(after) or after[index].text in (",", ".", ";", ":", "!", "?", "(", "“", '"')

    def _appositive_source(self, before: list[Token], match: regex.Match) -> Cue | None:
        """'Alfredo Perez, a spokesman for the Marshals Service, said': either side names the source."""
        inner = before[:-1]  # drop the comma next to the verb
        candidates = []
        source, text, first, last = self._backward_source(inner)
        if source is not None and not any(a <= last.start < b for a, b in self._quote_spans):
            candidates.append((source, text, first, last))  # not the title in 'Smith, co-author of “The Life,” said'
        commas = [k for k in range(len(inner) - 1, max(-1, len(inner) - 40), -1) if inner[k].text == ","]
        if commas and commas[0] + 1 < len(inner) and inner[commas[0] + 1].lower in ("who", "which", "whom", "whose"):
            candidates = []  # "Critics, who met in Paris, said": a relative clause names no one
        if commas:
            source, text, first, last = self._backward_source(inner[: commas[0]])
            if source is not None:
                candidates.append((source, text, first, last))
        if not candidates:
            return None
        for preferred in (NAMED, DOCUMENT, ANONYMOUS, VAGUE):
            for source, text, first, last in candidates:
                if source == preferred:
                    start = min(c[2].start for c in candidates)
                    return Cue(start, match.end(), source, text, source_start=first.start, source_end=last.end)
        return None

    def _backward_source(
        self, tokens: list[Token], relative: bool = False
    ) -> tuple[str | None, str, Token | None, Token | None]:
        """The subject ending the tokens: its kind, its text, its first and last tokens."""
        if not tokens or not tokens[-1].is_word:
            return None, "", None, None
        head = tokens[-1]
        if head.text in ("who", "which", "that", "Who", "Which", "That") and len(tokens) > 1:  # not "the WHO"
            antecedent = tokens[:-1]
            if antecedent and antecedent[-1].text == ",":
                antecedent = antecedent[:-1]
            return self._backward_source(antecedent, relative=True)
        phrase = [head]
        k = len(tokens) - 2
        while k >= 0 and len(phrase) < 6:
            token = tokens[k]
            if not token.is_word:
                break
            if token.lower == "of":  # "some of the critics", "a number of officials", but not "aspects of American life"
                size = self._quantifier_before(tokens, k)
                if size:
                    phrase[0:0] = tokens[k - size : k + 1]
                    k -= size + 1
                    continue
                break
            if token.lower in _SUBJECT_STOP:
                break
            if token.lower == "and" and (phrase[0] is head or phrase[0].lower in self.lex.quantifiers | _DEFINITE):
                partner = self._named_partner(tokens, k, phrase, head)
                if partner is not None:
                    return NAMED, " ".join(t.text for t in tokens[k - 1 :]), partner, head  # "he and other officials said"
                break  # "... signed a treaty, and some have suggested": "and" joins clauses here
            phrase.insert(0, token)
            k -= 1
        # A crowd is only read as the subject when its phrase starts a clause:
        # "..., and many experts believe", not "has written several books that criticize".
        bounded = k < 0 or not tokens[k].is_word or tokens[k].lower in _CLAUSE_OPENERS
        if not bounded and tokens[k].lower in _MODIFIER_PREPOSITIONS and k > 0:
            found = self._source_before_modifier(tokens, k, phrase, head, relative)
            if found is not None:
                return found
        source = self._classify(head, phrase, bounded=bounded, relative=relative)
        return source, " ".join(t.text for t in phrase), phrase[0], head

    def _source_before_modifier(
        self, tokens: list[Token], k: int, phrase: list[Token], head: Token, relative: bool
    ) -> tuple[str | None, str, Token | None, Token | None] | None:
        """The subject before a modifying preposition (tokens[k]), when it is the source: "a spokesperson at
        naval headquarters said"; "A poll in yesterday's Sunday Times gave" (a document, whatever the name
        after it); "Bank of Spain figures show" (a body's figures: a document). None: the phrase after the
        preposition is read on its own ("officials in Washington said" -> 'Washington')."""
        before = k - 1 if tokens[k - 1].lower == tokens[k].lower else k  # a doubled word, a typo: "survey of of 139 refineries"
        if head.lower in self.lex.pronouns:
            return None  # "the qualities in the work he wrote": "he" is the subject
        # "Critics of Social Security claim": the name says what the crowd stands against, not who it is
        named = head.text[:1].isupper() and not (tokens[k].lower == "of" and _bare(tokens[before - 1].text) in self.lex.crowds_of)
        if named and not any(self._is_document(_bare(t.text)) for t in tokens[max(0, before - _DOCUMENT_REACH) : before]):
            return None  # no document before a name's preposition (most: "officials in Washington"): not read again
        source, text, first, _ = self._backward_source(tokens[:before], relative=relative)
        if source is None:
            return None
        if named:
            at = tokens.index(first)
            if source != DOCUMENT:
                return None  # "analysts at Moody's say": the name after the preposition is read on its own
            if at > 0 and tokens[at - 1].is_word and tokens[at - 1].lower not in _CLAUSE_OPENERS:
                return None  # "is reportedly circulating a proposal in the U.N. Security Council that would allow": no subject
        if tokens[k - 1].text[:1].isupper() and phrase[0].text[:1].isupper() and self._classify(head, phrase) == DOCUMENT:
            source = DOCUMENT  # "Bank of Spain figures", "Centers for Disease Control data": a name running through its preposition, and its figures
        return source, text + " " + " ".join(t.text for t in tokens[k:]), first, head

    def _is_document(self, word: str) -> bool:
        """A document noun, singular or plural ('poll', 'surveys'; ``word`` as _bare gives it)."""
        return word in self.lex.documents or (word.endswith("s") and word[:-1] in self.lex.documents)

    def _quantifier_before(self, tokens: list[Token], k: int) -> int:
        """How many words before tokens[k] ("of") make a quantifier with it: two for "a number of",
        "the majority of"; one for "some of", "plenty of"; none for "aspects of"."""
        for size in (2, 1):
            if k >= size and " ".join(t.lower for t in tokens[k - size : k + 1]) in self.lex.quantifiers:
                return size
        return 1 if k >= 1 and tokens[k - 1].lower in self.lex.quantifiers else 0

    def _named_partner(self, tokens: list[Token], k: int, phrase: list[Token], head: Token) -> Token | None:
        """The name or pronoun joined by tokens[k] ("and") to a crowd, when the two make one named group:
        "he and other officials said" names it; "the King and some critics call" joins two clauses."""
        joins_group = phrase[0] is not head and phrase[0].lower not in self.lex.quantifiers - {"other"}
        partner = tokens[k - 1] if k > 0 and joins_group else None
        if partner is None or not partner.is_word:
            return None
        if partner.lower in self.lex.pronouns:
            return partner
        if partner.text[:1].isupper() and partner.lower not in _CLAUSE_OPENERS:
            return partner if _WORD_CHAR.search(self.text, self._sentence_start, partner.start) else None
        return None

    def _article_names_agency(self) -> bool:
        """Does the article name an agency ("police", "the FBI", "the Fire Department") anywhere?"""
        if self._agency is None:
            self._agency = bool(self.lex.agency_words.search(self.text))
        return self._agency

    def _names_employer(self, modifiers: list[Token], body: bool = False) -> bool:
        """Capitalized modifiers naming who a crowd works for ('Goldman Sachs', 'Moody's'), not where it is from.
        For a body's officials (``body``) a capital that starts the sentence names the body when the article
        writes it mid-sentence too ("Interior officials"); for a crowd it does not ("Defense analysts said",
        where "Defense Department" is a name but the analysts are no one's)."""
        words = [t for t in modifiers if t.text[:1].isupper() and t.lower not in _NOT_EMPLOYERS and t.lower not in self.lex.quantifiers]
        if words and (self._only_starts_sentence(words[0]) if body else not words[0].text.isupper() and self._starts_sentence(words[0])):
            words = words[1:]  # "Several analysts", "Political sources": a capital that only starts the sentence
        return any(not _DEMONYM.search(_bare(t.text)) and _bare(t.text) not in _REGIONS for t in words)

    def _starts_sentence(self, token: Token) -> bool:
        return not _WORD_CHAR.search(self.text, self._sentence_start, token.start)

    def _only_starts_sentence(self, token: Token) -> bool:
        """Is the token's capital only the sentence's ("Several analysts"), not a name's? A name is written
        with its capital mid-sentence elsewhere in the article too ("Interior officials said" where
        "said Interior Secretary Dirk Kempthorne" stands), or as the end of one longer name ("Department of Public
        Health"; not of several, "Deutsche Bank" and "Dresdner Bank" in a story of banks); initials ("CIA") are a
        name wherever they stand."""
        if token.text.isupper() or not self._starts_sentence(token):
            return False
        word, text = token.text, self.text
        names: set[str] = set()  # the longer names it ends mid-sentence ("Deutsche" of "Deutsche Bank")
        at = text.find(word, 1)
        while at > 0:  # the word after a space or tab, after a lower-case letter, comma or semicolon ("said Interior Secretary")
            before = at - 1
            while before > 0 and text[before] in " \t":
                before -= 1
            if before < at - 1 and (text[before].islower() or text[before] in ",;") and _WORD_END.match(text, at + len(word)):
                first = before
                while text[before].isalpha() and first > 0 and text[first - 1].isalpha():
                    first -= 1
                if not text[first].isupper():
                    return False  # "said Interior Secretary", "James Crivits, Consul chairman": the body itself
                names.add(text[first : before + 1])
            at = text.find(word, at + 1)
        # one longer name is the body's ("Department of Public Health"); several ("Deutsche Bank", "Dresdner Bank") no one's
        return len(names) != 1

    def _names_body(self, modifiers: list[Token]) -> bool:
        """'LinkedIn officials', 'OECD officials': a proper name for the body; not 'U.S. officials',
        'administration officials' or 'ministry officials', whose body is left unsaid."""
        if any(t.lower in _UNSAID_BODIES for t in modifiers):
            return False
        return self._names_employer(modifiers, body=True)

    def _names_institution(self, modifiers: list[Token]) -> bool:
        """Capitalized modifiers that name a body: 'Water Bureau', 'CIA', 'White House' (not 'U.S.', 'Ukrainian')."""
        words = [t for t in modifiers if t.text[:1].isupper() and t.lower not in _DEFINITE]
        if words and self._only_starts_sentence(words[0]):
            words = words[1:]  # "Company officials said": a capital that only starts the sentence (not "CIA")
        if not words:
            return False
        pairs = {f"{a.lower} {b.lower}" for a, b in zip(words, words[1:])}
        return any(_bare(t.text) in self.lex.institutions for t in words) or bool(pairs & self.lex.institutions)

    def _forward_np(self, tokens: list[Token]) -> tuple[list[Token], Token | None, Token | None]:
        """The noun phrase starting the tokens: (phrase, head, last token)."""
        phrase: list[Token] = []
        index = 0
        while index < len(tokens) and tokens[index].lower in _TIME_WORDS:
            index += 1
        age = index + 1 if index < len(tokens) and tokens[index].lower in ("the", "a", "an") else index  # "said the 36 - year - old Klitschko"
        if age + 4 < len(tokens) and tokens[age].lower.isdigit() and [t.lower for t in tokens[age + 1 : age + 5]] == ["-", "year", "-", "old"]:
            index = age + 5  # "said 61 - year - old Anargyros Bizianis" (tokenized copy): the age is no part of the name
        for token in tokens[index:]:
            word = token.lower
            if token.text == "." and phrase and phrase[-1].lower in _HONORIFICS and phrase[-1].end == token.start:
                continue  # "said Mr. Pigeon", "said Const. Tim Fanning": the name goes on
            if not token.is_word or len(phrase) >= 8:
                break
            if word == "and" and phrase:
                phrase.append(token)  # "both U.S. and European officials"
                continue
            if word == "of" and phrase and (
                all(t.lower in self.lex.determiners or t.lower.isdigit() for t in phrase)
                or " ".join([*(t.lower for t in phrase), "of"]) in self.lex.quantifiers  # "according to a number of officials"
            ):
                phrase.append(token)
                continue
            if word in _FORWARD_STOP or word == "of":
                break
            has_noun = any(t.lower not in self.lex.determiners and not t.lower.endswith("ly") for t in phrase)
            if has_noun and token.text.islower() and (word.endswith(("ed", "ing")) or word in _TIME_WORDS):
                break  # "a statement released today by the Academy"
            phrase.append(token)
        while phrase and phrase[-1].lower == "and":
            phrase.pop()
        if not phrase:
            return [], None, None
        return phrase, phrase[-1], phrase[-1]

    def _forward_source(self, tokens: list[Token]) -> tuple[str | None, str, Token | None, Token | None]:
        """The noun phrase starting the tokens: its kind of source, its text, its last and first tokens."""
        phrase, head, last = self._forward_np(tokens)
        if head is None:
            return None, "", None, None
        source = self._classify(head, phrase)
        if source in (VAGUE, ANONYMOUS) and self._named_after(tokens, last):
            source = NAMED
        return source, " ".join(t.text for t in phrase), last, phrase[0]

    def _named_after(self, tokens: list[Token], last: Token) -> bool:
        """A crowd named right after it: 'two experts from the University of Chicago', 'outlets, including TMZ',
        'two experts: Professor Aziz Huq and ...'."""
        index = next((i for i, t in enumerate(tokens) if t is last), len(tokens)) + 1
        rest = tokens[index : index + 4]
        if len(rest) >= 2 and rest[0].lower in ("from", "at", "of", "with") and rest[0].lower != "of":
            named = rest[2] if rest[1].lower == "the" and len(rest) > 2 else rest[1]
            return named.text[:1].isupper()
        if len(rest) >= 2 and rest[0].text == ":" and rest[1].text[:1].isupper():
            return True
        if len(rest) >= 3 and rest[0].text == "," and rest[1].lower in ("including", "among", "notably", "such") and rest[2].text[:1].isupper():
            return True
        return False

    def _classify(self, head: Token, phrase: list[Token], bounded: bool = True, relative: bool = False) -> str | None:
        """What kind of source a noun phrase is, from its head word and determiners.

        Anonymous and vague readings need a phrase that plainly is the subject
        (``bounded``); anything else that is a noun credits the claim.
        """
        word = _bare(head.text)
        if not head.is_word or word.replace(",", "").replace(".", "").isdigit():
            return None
        if word in self.lex.pronouns:
            return NAMED
        if word in _STOP or word in _BE or word in _ASIDES:
            return None  # (nor "However, state investigators": a connective, no one)
        words = [t.lower for t in phrase]
        if self._is_document(word):
            return DOCUMENT
        if any(t.lower in self.lex.documents for t in phrase[:-1]) and word not in self.lex.anonymous | self.lex.vague:
            return DOCUMENT  # "a newspaper poll published Sunday showed", "an opinion poll published by Ethnos newspaper"
        if any(w in self.lex.pronouns and w not in ("that", "which", "one") for w in words[:-1]):
            return NAMED  # "he most recently wrote"
        if "and" in words[1:-1] and self._names_employer(phrase[: words.index("and")]):
            return NAMED  # "according to Schorer and other neighbours"
        if not bounded:  # not plainly the subject: "Let people say", "has written several books that"
            return NAMED if head.text[:1].isupper() else None  # but "analysts at Moody's say" names one
        for j, w in enumerate(words[1:-1], 1):
            if w == "and" and phrase[j - 1].text[:1].isupper() and words[j + 1] in _DEFINITE:
                return NAMED  # "Ban and his aides claimed"
        definite = words[0] in _DEFINITE or (len(phrase) > 1 and _bare(phrase[0].text) != phrase[0].lower)
        quantified = self._quantified(words)
        if word in self.lex.anonymous:
            return self._unnamed_kind(word, words, phrase, definite, quantified)
        if word in self.lex.agency_crowds and not quantified:
            if definite:
                return INHERITED  # "the investigators said": back to an earlier mention
            return NAMED if self._article_names_agency() else VAGUE  # "Investigators say": whose?
        return self._crowd_kind(head, word, words, phrase, definite, quantified, relative)

    def _quantified(self, words: list[str]) -> bool:
        """Does a quantifier ("some", "many", "a number of") count the head? Not "some 300", "the most senior"."""
        if any(
            w in self.lex.quantifiers
            and not (k + 1 < len(words) and words[k + 1][:1].isdigit())  # "some 300 troops"
            and not (w in ("most", "other") and k > 0 and words[k - 1] in _DEFINITE)  # "the most senior", "the other characters"
            for k, w in enumerate(words[:-1])
        ):
            return True
        if len(words) < 3:
            return False  # "plenty of", "a few" need two words before the head at least
        before_head = f" {' '.join(words[:-1])} "
        return any(f" {q} " in before_head for q in self.lex.long_quantifiers)  # "a number of officials", not "ta few"

    def _unnamed_kind(self, word: str, words: list[str], phrase: list[Token], definite: bool, quantified: bool) -> str | None:
        """A head that withholds a name ("official", "sources"): anonymous, the voice of a named body, or a back-reference."""
        if not word.endswith("s") and not (set(words[:-1]) & _SINGULAR_DETERMINERS or quantified):
            return None  # "undermining official claims": no determiner, so not a person
        if len(phrase) > 1 and phrase[-1].text[:1].isupper() and phrase[-2].text[:1].isupper() and not phrase[-2].text.endswith("."):
            return NAMED  # a name's capitals: "Gordon Advisors issued a statement" (not the wire's "U.S. Official")
        if word in _BODY_VOICES and (self._names_institution(phrase[:-1]) or self._names_body(phrase[:-1])):
            return NAMED  # "Water Bureau officials", "LinkedIn officials": the body speaks (not "a Pentagon official", a person)
        if word in _BODY_VOICES and len(words) > 1 and words[-2] in self.lex.body_nouns:
            return NAMED  # "company officials said": the story's company speaks
        if word in ("source", "sources") and set(words[:-1]) & self.lex.text_sources:
            return DOCUMENT  # "several ancient sources state": texts
        return INHERITED if definite and not quantified else ANONYMOUS  # "the official": reported at first mention

    def _crowd_kind(
        self, head: Token, word: str, words: list[str], phrase: list[Token], definite: bool, quantified: bool, relative: bool,
    ) -> str | None:
        """A crowd ("critics", "many analysts") is vague unless a name or employer goes with it; anything else is named."""
        crowd = word in self.lex.vague and not (word == "most" and "the" in words)
        if crowd and head.text[:1].isupper() and (len(phrase) > 1 or _WORD_CHAR.search(self.text, self._sentence_start, phrase[0].start)):
            return NAMED  # a name: "Forrester Research", "People quoted him" (not a capital that opens the sentence)
        plural = word.endswith("s") and not word.endswith("ss") and word.isalpha()
        if (crowd or quantified and plural) and word not in self.lex.crowds_of and self._names_employer(phrase[:-1]):
            return NAMED  # "Goldman Sachs analysts", "most Astros players" (not "Gore supporters": whom they back)
        if crowd or (quantified and plural):
            if relative and not crowd:
                return None  # "many monks, who feared": who is the source is unclear
            return INHERITED if definite and not quantified else VAGUE
        return NAMED

    # -- figures -------------------------------------------------------------------
    def _figures(self, s: int, e: int, quoted) -> list[Figure]:
        """The sentence's statistics in order, each with the noun it counts ('12 people') and its number."""
        # Every figure holds a digit, or "million" after a word: a sentence without either is not scanned.
        matches = [
            m
            for m in ((_FIGURE if self.ascii_lower is None else _FIGURE_ASCII).finditer(self.text, s, e) if _DIGIT.search(self.text, s, e) else ())
            if not quoted(m.start()) and (m.group("num") is None or self._is_statistic(m, s))
        ]
        if self.ascii_lower is None or self.ascii_lower.find("illion", s, e) >= 0:
            matches.extend(m for m in _FIGURE_WORDS.finditer(self.text, s, e) if not quoted(m.start()))
        figures: list[Figure] = []
        if not matches:
            return figures
        background = self.lex.background if self.ascii_lower is None else self.lex.background_ascii
        for match in sorted(matches, key=lambda m: m.start()):
            if background.search(self.text, max(s, match.start() - 40), match.start()):
                continue  # "a population of more than 100,000", "a fine of up to $9 million": background, not news
            if _ASIDE_BEFORE.search(self.text, max(s, match.start() - 3), match.start()):
                continue  # a conversion or reference mark: "54 million tons (49 million metric tons)", "[39]"
            figures.append(Figure(match, _number_key(match.group()), (s, e), self._paragraph_start, self))
        return figures

    def _is_claim(self, match: regex.Match, end: int, s: int, e: int, paragraph_start: int) -> bool:
        """A statistic someone measured or estimated, which needs a source.

        A share or rate ("62% of voters"; not a market's move: "shares rose 2%"),
        an estimate ("an estimated $1 million"), a forecast ("is expected to reach
        800,000"), a tally of an event ("12 people were killed", "about 10,000
        protesters") or a sum of damage, cost or loss ("$3 billion in damage").
        Counts of standing facts, sales, prices, deals and fines are left alone.
        """
        if self._restated(match.start(), s):
            return False
        return self._measured(match, end, s, e, paragraph_start) and not self._of_record(match, s, e)

    def _of_record(self, match: regex.Match, s: int, e: int) -> bool:
        """A figure of record, however it reads: the wire's call before a market opens, a measure's terms, a vote's
        decision, an election's result, a levy's rate (read only for a figure that would otherwise be a claim)."""
        if self.lex.market_calls.search(self.text, self._clause_before(match.start(), s), match.start()):
            return True  # "Comex gold futures are expected to open 1.50 to 2.00 dlrs higher": the wire's own call
        if self.lex.of_record.search(self.text, s, match.start()) and not self._estimated(match, s):
            return True  # "the amendments would increase funding to 2.5 billion dlrs": the measure's terms
        if self._days_move(match, s, e):
            return True  # "The percentage drop of 22.6 percent on Monday": the market's record of that day
        # "a 20 pct withholding tax", "tariffs of 35 per cent": a rate set, of record
        return bool(self.lex.levy_after.match(self.text, match.end(), e) or self.lex.levy_before.search(self.text, max(s, match.start() - 40), match.start()))

    def _days_move(self, match: regex.Match, s: int, e: int) -> bool:
        """A percentage move on one day ("the fall of 12.8 percent on Oct. 28, 1929", "the 24.4 percent drop on Dec.
        12, 1914") in a story that has named its market before (the sentence need not: "The Dow Jones industrial
        average plunged" in the lead): the market's own record, as "shares rose 2%" is. Not a move with no day ("a
        drop of 12 percent this year"), nor a day's rise of something else ("a rise of 12 percent in cases on Monday")."""
        if not match.groupdict().get("pct"):
            return False
        day = _ON_A_DAY.match(self.text, match.end(), e)
        if day is None or not (day.group("move") or _MOVE_BEFORE.search(self.text, s, match.start())):
            return False
        return self.lex.markets.search(self.text, 0, s) is not None

    def _measured(self, match: regex.Match, end: int, s: int, e: int, paragraph_start: int) -> bool:
        """Does the figure read as a statistic someone measured or estimated (see _is_claim)?"""
        if self._is_forecast(match, s):
            return True
        if match.groupdict().get("pct"):
            if match.group().startswith("100") and not match.group()[3:4].isdigit():
                return False  # "100% oxygen": a whole, not a share someone measured
            return not self.lex.markets.search(self.text, self._sentence_before(s, paragraph_start), e)
        before = _last_words(self.text[max(s, match.start() - 40) : match.start()], 4)
        after = _first_words(self.text[match.end() : min(e, end + 60)], 7)
        text = match.group().lower()
        if match.groupdict().get("money") or match.groupdict().get("big") and text[:1] in "$€£¥":
            if match.groupdict().get("money") and not any(w in text for w in ("million", "billion", "trillion", "bn")):
                if _number_value(text) < 100_000:
                    return False
            return bool(self.lex.money_claims.search(before + " " + _first_words(after, 6)))
        if not self.lex.tallies.search(before + " " + after):
            return False
        if self._actor_counts(match.start(), s):
            return False  # "The Indian navy captured 23 pirates": the body that made the arrests is the count's source
        return not _PAST.search(self.text, s, e)  # "Last July, after the shooting deaths of 12 people in Aurora"

    def _is_forecast(self, match: regex.Match, s: int) -> bool:
        """An estimate ("an estimated $1 million") or a forecast ("is expected to reach 800,000") in the figure's clause."""
        if self._estimated(match, s):
            return True
        clause = self._clause_before(match.start(), s)
        relative = None
        for relative in _RELATIVE.finditer(self.text, clause, match.start()):
            pass
        if relative is not None:
            clause = relative.end()  # the forecast is of the clause's own subject, not of a count in a relative clause
        return self.lex.forecasts.search(self.text, clause, match.start()) is not None

    def _estimated(self, match: regex.Match, s: int) -> bool:
        return self.lex.estimate_markers.search(self.text, max(s, match.start() - 30), match.start()) is not None

    def _restated(self, position: int, sentence_start: int) -> bool:
        """Does a demonstrative point the figure back to one already told ("those 12 deaths"), or open a
        sentence about one ("That 22.6 percent loss nearly doubled the 1929 loss of 11.7 percent")?"""
        if _RESTATED_OPENING.match(self.text, sentence_start, position + 2):
            return True  # and the sentence is about that figure: "That 22.6 percent loss nearly doubled the 1929 loss of 11.7 percent"
        return bool(_RESTATED.search(self.text, max(sentence_start, position - 20), position))

    def _actor_counts(self, position: int, sentence_start: int) -> bool:
        """Is the figure the object of an arrest, capture or rescue by a body named before the verb?"""
        verb = _ACTOR_VERB.search(self.text, max(sentence_start, position - 40), position)
        if verb is None:
            return False
        words = {t.lower for t in _tokens(self.text, sentence_start, verb.start())}
        return bool(words & (self.lex.institutions | _ACTORS))

    def _sentence_before(self, sentence_start: int, paragraph_start: int) -> int:
        """The start of the sentence before, in the same paragraph ("Japan's Nikkei ended up 2.7%. It lost 10.2%")."""
        # The document's own sentences (a stop followed by two spaces, or a line wrapped inside the sentence
        # before, do not cut it short), in the paragraph only, and no further back than a sentence can be
        # long: on text with no stops (an endless sentence cut into pieces) every percentage searched the whole block.
        if self._sentence_starts is None:
            self._sentence_starts = [start for block in self.doc.blocks for start, _ in block.sentences]
        index = bisect.bisect_left(self._sentence_starts, sentence_start)
        previous = self._sentence_starts[index - 1] if index > 0 else paragraph_start
        return max(previous, paragraph_start, sentence_start - MAX_SENTENCE_CHARS)

    def _clause_before(self, position: int, sentence_start: int) -> int:
        """Where the clause holding a position starts (after the last comma, semicolon or dash)."""
        boundary = max(self.text.rfind(mark, sentence_start, position) for mark in (",", ";", ":", "—", "("))
        return max(sentence_start, boundary + 1)

    def _counted_end(self, end: int, sentence_end: int) -> int:
        """Where the noun a figure counts ends: '12 people', '800,000 well-trained troops', else the number."""
        noun = _COUNTED_NOUN.match(self.text, end, sentence_end)
        if noun is None:
            return end
        for word in _NON_SPACE.finditer(noun.group()):
            if word.group().endswith("s") or word.group() in _PLURALS:
                return end + word.end()
            if "-" not in word.group():
                break  # only a hyphenated modifier may come before the noun
        return end

    def _is_statistic(self, match: regex.Match, sentence_start: int) -> bool:
        """A bare number that is a count: not a year, date, time, age, score, phone number or identifier."""
        number = match.group()
        if "," not in number and "." not in number:
            value = int(number) if len(number) < 10 else 10**9  # (Python refuses int() of 4,300 digits)
            if value < 10 or 1000 <= value <= 2099 or (number.startswith("0") and len(number) > 1):
                return False
        before = self.text[max(sentence_start, match.start() - 40) : match.start()]
        wider_before = self.text[max(0, match.start() - 30) : match.start()]
        after = self.text[match.end() : match.end() + 40]
        if _NOT_A_COUNT_AFTER.match(after) or _NOT_A_COUNT_BEFORE.search(before) or _RANGE_BEFORE.search(wider_before):
            return False  # a date, an age, a sign, a range ("1994 - 96"), a street, a number's next part, a modifier ("a 10-fight streak")
        if _PARENTHESIS_AFTER.match(after) and _PARENTHESIS_BEFORE.search(before):
            return False  # an aside: "two rebounds (8.0) per contest" (the rare side read first)
        if _AGE_AFTER.match(after) and _AGE.search(before):
            return False  # "Comeaux, 49, was"
        unit = _UNIT.match(after)
        if unit:
            first = unit.group(1).split()[0].split("-")[0].rstrip(".").lower()
            if first in self.lex.not_statistics or normal(unit.group(1)) in self.lex.not_statistics:
                return False
            if first in ("a.m", "p.m"):
                return False
        if _THE_BEFORE.search(before) and _SINGULAR_AFTER.match(after):
            return False  # a name: "the 76 station", "the 405 freeway"
        previous = _PREVIOUS_WORD.search(before)
        if previous and previous.group(1)[:1].isupper() and previous.group(1).lower() not in _QUANTITY_LEAD:
            return False  # "Article 5", "Flight 370", "No. 10"
        return True


class QuoteCredit:
    """Who said each quotation, read as an editor looks for the speaker.

    In order: a cue in the quotation's own sentence ("..., Merz said"), in the
    sentence before or after it in the paragraph, the speaker of the quotation
    it continues (the same paragraph with only the tag between, a paragraph
    that only continues one left open), and, for a quotation that opens its
    paragraph, the paragraph before: a lead-in ending in a colon ("Fox News's
    Sean Hannity:"), a cue in its last sentence, or a credited quotation there.
    Last, a credit line after it ("— Milwaukee Journal Sentinel") or, for one
    that runs on, a cue at the start of the next paragraph.
    """

    def __init__(self, analyzer: "Analyzer", sentences: list[Sentence], quotes: list[Quote]) -> None:
        self.analyzer = analyzer
        self.text = analyzer.text
        self.blocks = analyzer.doc.blocks
        self.sentences = sentences
        self.quotes = quotes
        self.block_sentences: dict[int, tuple[int, int]] = {}
        for index, sentence in enumerate(sentences):
            first, _ = self.block_sentences.get(sentence.block, (index, index))
            self.block_sentences[sentence.block] = (first, index)

    def _block_before(self, block: int) -> int:
        """The block before, past page furniture ("PHOTOS: ...", a photo caption) a reader skips."""
        block -= 1
        while block >= 0 and (self._wordless(block) or self.analyzer._furniture(block)):
            block -= 1
        return block

    def _wordless(self, block: int) -> bool:
        """A paragraph of marks alone (":", "***"): nothing a reader reads, so no lead-in to a quotation."""
        span = self.blocks[block]
        return _WORD_CHAR.search(self.text, span.start, span.end) is None

    def run(self) -> None:
        for quote, following in zip(self.quotes, self.quotes[1:]):
            quote.runs_on = not quote.closed and following.continued and following.block == quote.block + 1
        previous: Quote | None = None
        for quote in self.quotes:
            if not quote.speech:
                continue  # a title, name or term has no speaker
            if quote.continued:
                self._continue(quote, previous)
            else:
                (
                    self._in_sentence(quote)
                    or self._nearby(quote)
                    or self._goes_on(quote, previous)
                    or self._credit_line(quote)
                    or self._tag_cut_off(quote)
                    or self._from_paragraph_before(quote, previous)
                    or self._runs_on(quote)
                    or self._opens_story(quote)
                    or (self._dialogue(quote) and self._credit(quote, None))
                )
            previous = quote
        self._known_speakers()
        self._pulled_quotes()  # last: a pull quote repeats words credited by any of the readings above

    def _pulled_quotes(self) -> None:
        """A pull quote repeats words credited elsewhere in the article: it has their speaker."""
        credited = [(_words_key(self.text, q.body_start, q.body_end), q) for q in self.quotes if q.credited]
        for quote in self.quotes:
            if quote.credited or not quote.speech:
                continue
            key = _words_key(self.text, quote.body_start, quote.body_end)
            if key.count(" ") < 4:
                continue
            for other_key, other in credited:
                if key in other_key or other_key in key and other_key.count(" ") >= 4:
                    self._credit(quote, None, None, other.speaker)
                    break

    def _known_speakers(self) -> None:
        """A quotation right after a sentence about someone the story quotes is theirs, as a reader takes it:

        - "Woods has known Mosby for years. “It was important ...”": the sentence's subject is quoted elsewhere
          (the sentence before in the paragraph, or the last of the paragraph before for a quotation opening its own);
        - "It took him 30 minutes to cross. “Even though I was knackered ...”": words in the first person after
          a sentence that speaks of him or her are those of the story's last speaker, a person quoted
          within two paragraphs; but after "She waited at home." when the story has called its last speaker
          "him" since (and never "her"), they are hers: someone else's.

        Someone the story never quotes is no speaker: "Smith was arrested. “The evidence is overwhelming.”"
        is reported, and so are words not in the first person after "he" or "she".
        """
        names = {
            word
            for q in self.quotes
            if q.credited and q.speaker is not None and q.speaker.kind == NAMED
            for word in q.speaker.name.split()
            if word[:1].isupper() and word.lower() not in _STOP
        }
        last_speaker: Quote | None = None
        for quote in self.quotes:
            if quote.credited or not quote.speech or quote.continued or quote.first == 0:
                if quote.credited and quote.speaker is not None and self._a_person(quote.speaker):
                    last_speaker = quote
                continue
            before = self.sentences[quote.first - 1]
            if before.block >= self._block_before(quote.block):  # its paragraph, or the one before for one that opens it
                subject = self._named_subject_of(before)
                if subject is not None and subject.name.split()[-1] in names:
                    self._credit(quote, None, 1, subject)
                    continue
            if before.block < self._block_before(quote.block) or not _FIRST_PERSON_WORD.search(self.text, quote.body_start, quote.body_end):
                continue
            if any(q.start <= before.start and before.end <= q.end + 1 for q in self.quotes):
                continue  # the sentence before is itself quoted: its "he" is not the narrator's
            pronoun = _PRONOUN_SUBJECT.match(self.text, before.start, before.end) if before.block == quote.block else None
            if (
                last_speaker is not None
                and last_speaker.block >= quote.block - 2
                and _THIRD_PERSON.search(self.text, before.start, before.end)
                and not (pronoun is not None and self._someone_else(pronoun.group("name"), last_speaker, before))
            ):
                self._credit(quote, None, 1, last_speaker.speaker)
                continue
            if pronoun is not None:
                start, end = pronoun.span("name")
                self._credit(quote, None, 1, Speaker(self.text[start:end], start, end, NAMED))

    def _someone_else(self, pronoun: str, last_speaker: Quote, before: Sentence) -> bool:
        """Is "she" (or "he") opening the sentence someone other than the last speaker, whom the story has
        called only "him" (or "her") between their words and that sentence (outside quotations)?"""
        spans = [(q.start, q.end) for q in self.quotes if last_speaker.end <= q.start < before.start]

        def told(pattern: regex.Pattern) -> bool:
            return _outside_quotations(pattern.finditer(self.text, last_speaker.end, before.start), spans)

        same, other = (_FEMININE, _MASCULINE) if pronoun.lower() == "she" else (_MASCULINE, _FEMININE)
        return told(other) and not told(same)

    def _a_person(self, speaker: Speaker) -> bool:
        """'Hughes', 'Rio Ferdinand', 'he': someone "he" or "his" may refer to; not 'Police', 'the record books'."""
        last = speaker.name.split()[-1].lower() if speaker.name.split() else ""
        lex = self.analyzer.lex
        return (
            speaker.kind == NAMED
            and _person_named(speaker.name)
            and last not in lex.institutions
            and last not in lex.documents
            and last not in lex.agency_crowds  # (three lookups, not a union of the three sets built at each call)
        )

    def _credit(self, quote: Quote, cue: Cue | None, distance: int | None = None, speaker: Speaker | None = None) -> bool:
        quote.credited = True
        quote.distance = distance
        if speaker is None and cue is not None and cue.source_start >= 0:
            end = cue.source_end
            if self.text[end - 2 : end] in ("'s", "’s"):
                end -= 2  # "Obama's remark"
            speaker = Speaker(self.text[cue.source_start : end], cue.source_start, end, cue.source)
        quote.speaker = speaker
        return True

    def _nearest_cue(self, quote: Quote, first: int, last: int) -> Cue | None:
        """The cue of sentences first..last nearest the quotation (opinion verbs count: "thought it was “cool”")."""
        best: tuple[int, Cue] | None = None
        for index in range(first, last + 1):
            for cue in self.sentences[index].cues:
                if cue.source not in ANY_SOURCE or quote.start <= cue.start < quote.end:
                    continue
                gap = max(cue.start - quote.end, quote.start - cue.end, 0)
                if best is None or gap < best[0]:
                    best = (gap, cue)
        return best[1] if best else None

    def _in_sentence(self, quote: Quote) -> bool:
        cue = self._nearest_cue(quote, quote.first, quote.last)
        if cue is not None:
            return self._credit(quote, cue, 0)
        if self._introduced(quote):
            return self._credit(quote, None, 0)
        lead = self.text[self.sentences[quote.first].start : quote.start]
        if _CAPTION_NAME.fullmatch(lead):  # a caption card: 'Melissa Moore “To be a chick in fire ...” Engine captain'
            name = lead.strip()
            start = self.sentences[quote.first].start + lead.index(name)
            return self._credit(quote, None, 0, Speaker(name, start, start + len(name), NAMED))
        post = _EMBEDDED_POST.search(self.text, quote.end, self.blocks[quote.block].end)
        if post is not None:  # an embedded tweet: '... — Merriam-Webster (@MerriamWebster) November 29, 2016'
            name = post.group("name")
            return self._credit(quote, None, 0, Speaker(name, post.start("name"), post.end("name"), NAMED))
        if _FOOTNOTE.match(self.text, quote.end, quote.end + 6):
            return self._credit(quote, None, 0)  # cited: “the fullness of the everlasting Gospel.”3
        subject = self._named_subject(quote) or self._document_lead(quote)
        if subject is not None:
            return self._credit(quote, None, 0, subject)
        return False

    def _document_lead(self, quote: Quote) -> Speaker | None:
        """'rules also forbid flying them “beyond the direct unaided line of sight”', 'with the ad ending “...”':
        words quoted in a sentence about a text (a document word after "the", "a", "its" ...) are that text's."""
        sentence = self.sentences[quote.first]
        tokens = _tokens(self.text, sentence.start, quote.start)
        for k in range(len(tokens) - 1, 0, -1):
            token = tokens[k]
            if token.text.islower() and (token.text in self.analyzer.lex.documents or token.text in _QUOTED_TEXTS):
                determined = tokens[k - 1].lower in _DEFINITE or tokens[k - 1].lower in ("a", "an")
                if determined or token.text.endswith("s"):  # "the ad", "a sign"; bare plurals: "rules forbid"
                    first = tokens[k - 1] if determined else token
                    return Speaker(self.text[first.start : token.end], first.start, token.end, DOCUMENT)
        return None

    def _named_subject(self, quote: Quote) -> Speaker | None:
        """'President Barack Obama has advanced a vision of “America's commitment ...”': words woven into
        a sentence whose subject is a name are that subject's (not after a clause with a subject of its own)."""
        sentence = self.sentences[quote.first]
        lead = self.text[sentence.start : quote.start]
        match = _NAME_SUBJECT.match(lead)
        if match is None or _SUBORDINATE.search(lead, match.end("name")):
            return None
        return self._name_of(match, sentence)

    def _named_subject_of(self, sentence: Sentence) -> Speaker | None:
        """The name a sentence opens with as its subject ("Eli Wachtel of Bear, Stearns was emphatic."), if any."""
        match = _NAME_SUBJECT.match(self.text[sentence.start : sentence.end])
        return self._name_of(match, sentence) if match is not None else None

    def _name_of(self, match: regex.Match, sentence: Sentence) -> Speaker | None:
        first = match.group("name").split()[0].lower()
        if first in _STOP or first in _DEFINITE or first in _NOT_SPEAKERS or first in _CLAUSE_OPENERS or first in _TIME_WORDS:
            return None  # "The", "His friends", "It was", "Last year": no name
        if first in _OPENING_PREPOSITIONS:
            return None  # "Above the door hung a notice"
        if first.endswith(("ing", "ly")):
            return None  # "Flying a drone", "Only"
        start = sentence.start + match.start("name")
        return Speaker(match.group("name"), start, start + len(match.group("name")), NAMED)

    def _dialogue(self, quote: Quote) -> bool:
        """Short quotations standing as paragraphs one after another: a dialogue, its speakers implied."""
        if not self._only_quotation(quote.block) or len(self.text[quote.body_start : quote.body_end].split()) > _DIALOGUE_WORDS:
            return False
        return self._only_quotation(self._block_before(quote.block)) or self._only_quotation(quote.block + 1)

    def _only_quotation(self, block: int) -> bool:
        if block not in self.block_sentences or not 0 <= block < len(self.blocks):
            return False
        spans = [q for q in self.quotes if q.block == block]
        if len(spans) != 1:
            return False
        b = self.blocks[block]
        q = spans[0]
        return not self.text[b.start : q.start].strip() and not self.text[q.end : b.end].strip() and len(
            self.text[q.body_start : q.body_end].split()
        ) <= _DIALOGUE_WORDS

    def _introduced(self, quote: Quote) -> bool:
        """'The judge had advice for him: “Do not trust Mr. Nichols.”': a lead-in names the speaker."""
        lead = self.text[self.sentences[quote.first].start : quote.start].rstrip().rstrip("-—–").rstrip()
        lead = lead.lstrip("> *•")  # "> More: Further apology from KTVU president Tom Raponi:"
        return lead.endswith(":") and len(_WORD_CHAR.findall(lead)) > 8 and lead[:1].isupper()

    def _nearby(self, quote: Quote) -> bool:
        """A cue in the sentence before or after, in the same paragraph."""
        first, last = self.block_sentences[quote.block]
        before = self._nearest_cue(quote, quote.first - 1, quote.first - 1) if quote.first > first else None
        after = self._nearest_cue(quote, quote.last + 1, quote.last + 1) if quote.last < last else None
        cue = before or after
        if before and after:  # the nearer one
            cue = before if quote.start - before.end <= after.start - quote.end else after
        if cue is not None:
            return self._credit(quote, cue, 1)
        if quote.first > first and _FIRST_PERSON_WORD.search(self.text, quote.body_start, quote.body_end):
            # "Eli Wachtel of Bear, Stearns was emphatic. “I do not believe ...”", "T.J. Simons, 17, also heard
            # the blast. “At first I thought it was thunder”": the person just named speaks in the first person
            subject = self._named_subject_of(self.sentences[quote.first - 1])
            if subject is not None:
                return self._credit(quote, None, 1, subject)
        return False

    def _goes_on(self, quote: Quote, previous: Quote | None) -> bool:
        """The same speaker's words go on in the paragraph: “...,” he said. “...”"""
        if previous is None or not previous.credited or previous.block != quote.block:
            return False
        between = self.text[previous.end : quote.start]
        adjacent = previous.last >= quote.first - 1
        if not adjacent:  # only the tag between, split by a stray stop: “...,” he told E! News. “...”
            cues = [c for i in range(previous.last, quote.first + 1) for c in self.sentences[i].cues if previous.end <= c.start < quote.start]
            rest = self.text[cues[-1].end : quote.start] if cues else between
            adjacent = bool(cues) and len(rest.split()) <= 2
        if not adjacent:
            return False
        return self._credit(quote, None, None, previous.speaker)

    def _continue(self, quote: Quote, previous: Quote | None) -> None:
        """A quotation continued from an earlier paragraph has the speaker of the one it continues."""
        if previous is not None and not previous.closed and previous.block < quote.block:
            quote.credited, quote.speaker = previous.credited, previous.speaker
        else:
            quote.credited = True  # its start is in copy we do not have (the page it was cut from)

    def _from_paragraph_before(self, quote: Quote, previous: Quote | None) -> bool:
        """A quotation that opens its paragraph, credited by the end of the paragraph before."""
        before = self.block_sentences.get(self._block_before(quote.block))
        if before is None:
            return False
        last = self.sentences[before[1]]
        lead = self.text[last.start : last.end].rstrip()
        cue = self._nearest_cue(quote, before[1], before[1])
        if lead.endswith(":"):  # "Fox News's Sean Hannity:" introduces the paragraph below
            name = lead[:-1].strip()
            speaker = Speaker(name, last.start, last.start + len(name), NAMED) if cue is None and len(name.split()) <= 8 else None
            return self._credit(quote, cue, None, speaker)
        first, _ = self.block_sentences[quote.block]
        if quote.first != first:
            return False
        byline = _BYLINE.search(lead) if cue is None and lead[-1:] not in _PROSE_ENDS else None
        if byline is not None:  # "Featured article by Emily Halter, CWC alum" above the article's opening words
            start = last.start + byline.start("name")
            return self._credit(quote, None, None, Speaker(byline.group("name"), start, start + len(byline.group("name")), NAMED))
        if cue is not None:  # "Jenkins says the plan failed." / "The fund had “no way out.”"
            return self._credit(quote, cue, None)
        if _WORD_CHAR.search(self.text, self.sentences[first].start, quote.start):
            return False  # only a quotation that opens its paragraph continues the one before
        if previous is not None and previous.credited and previous.block == self._block_before(quote.block) and previous.last == before[1]:
            return self._credit(quote, None, None, previous.speaker)  # a new paragraph of the same speaker's words
        return self._one_speaker_before(quote, before)

    def _one_speaker_before(self, quote: Quote, before: tuple[int, int]) -> bool:
        """A quotation opening its paragraph after a paragraph that credits one person and no one else, the last
        sentence not being theirs: '"They don't have the same money," Fernandez said. Groups of banks had decided
        the arena was not to their liking.' / '"They wind up with 7/8 ..."'. The same speaker goes on, as a reader
        takes it; after a paragraph that credits two people, or a body, a document or no one, a reader cannot tell."""
        cues = [c for i in range(before[0], before[1] + 1) for c in self.sentences[i].cues if c.source in ANY_SOURCE]
        if not cues or not all(c.source == NAMED and c.source_start >= 0 for c in cues):
            return False
        heads = {_bare(self.text[c.source_start : c.source_end].split()[-1]) for c in cues}
        if heads & {"it", "they"} or len(heads - {"he", "she"}) > 1 or len(heads & {"he", "she"}) > 1:
            return False  # a body ("it"), a group, two people: whose words these are is unclear
        if not self._a_person(Speaker(self.text[cues[-1].source_start : cues[-1].source_end], 0, 0, NAMED)):
            return False
        return self._credit(quote, cues[-1], None)

    def _credit_line(self, quote: Quote) -> bool:
        """A credit line after the quotation, in its paragraph or the line below: “...” — Theresa May."""
        _, last = self.block_sentences[quote.block]
        if quote.last != last:
            return False
        tail = self.text[quote.end : self.sentences[last].end]
        line = _CREDIT_LINE.match(tail) if tail.strip() else None
        if line is None and not tail.strip() and quote.block + 1 < len(self.blocks):
            following = self.blocks[quote.block + 1]
            line = _CREDIT_LINE.match(self.text, following.start, following.end)
            offset = 0
        else:
            offset = quote.end
        if line is None or any(ch.isdigit() for ch in line.group("name")):
            return False  # "— Nov. 2, on Fox News" dates the words; it does not name a speaker
        name = line.group("name").rstrip()
        start = offset + line.start("name")
        return self._credit(quote, None, None, Speaker(name, start, start + len(name), NAMED))

    def _tag_cut_off(self, quote: Quote) -> bool:
        """A tag the copy's paragraph break cut at a title's stop, its name and verb opening the next paragraph:
        '“... shot and killed another man,” Vancouver police Const.' / 'Tim Fanning told a news conference.'"""
        _, last = self.block_sentences[quote.block]
        following = self.block_sentences.get(quote.block + 1)
        if quote.last != last or following is None:
            return False
        words = self.text[quote.end : self.sentences[last].end].split()
        if not 0 < len(words) <= 4 or words[-1][-1:] != "." or words[-1][:-1].lower() not in _HONORIFICS:
            return False
        opening = self.sentences[following[0]]
        line = self.text[opening.start : opening.end]
        words_start = opening.start + len(line) - len(line.lstrip())
        cues = [c for c in opening.cues if c.source == NAMED and c.source_start == words_start]  # the paragraph opens with the name
        return bool(cues) and self._credit(quote, cues[0], None)

    def _opens_story(self, quote: Quote) -> bool:
        """A quotation standing alone as the story's first paragraph, its speaker named at the start of the next:
        '“The night was about Cristiano. ...”' / 'Match of the Day pundit Rio Ferdinand said he “couldn't breathe” ...'."""
        first, last = self.block_sentences[quote.block]
        earlier = [block for block in self.block_sentences if block < quote.block and not self.analyzer._furniture(block)]
        block = self.blocks[quote.block]
        alone = not self.text[block.start : quote.start].strip() and not self.text[quote.end : block.end].strip()
        if not alone or quote.last != last or len(earlier) > 1:
            return False
        if earlier and (
            any(self.sentences[i].cues for i in range(first)) or self.text[: self.blocks[earlier[0]].end].rstrip()[-1:] in _PROSE_ENDS
        ):
            return False  # only a line before it that is no sentence (a headline, a player's notice), not a lead
        following = last + 1
        if following >= len(self.sentences):
            return False
        cues = [c for c in self.sentences[following].cues if c.source == NAMED and _person_named(c.source_text) and c.source_start >= 0]
        return bool(cues) and self._credit(quote, cues[0], None)

    def _runs_on(self, quote: Quote) -> bool:
        """A quotation that runs on into the next paragraph, credited at that paragraph's start."""
        if quote.closed:
            return False
        following = [i for i in range(quote.last + 1, len(self.sentences)) if self.sentences[i].block != quote.block]
        cue = self._nearest_cue(quote, following[0], following[0]) if following else None
        return cue is not None and self._credit(quote, cue, None)


# ---------------------------------------------------------------------------
# What other kinds read
# ---------------------------------------------------------------------------


def quotations(doc: Document) -> list[Quotation]:
    """Every quotation of the article with its speaker, as the attribution kind reads them.

    The quotations come from the article's one attribution analysis (the one the
    attribution rules share, with the built-in lexicon), so a kind that checks
    quotations across a story (misquotes, one quotation credited to two
    speakers) reads the same pairing of marks and the same speakers as
    ``unattributed-quotes``. Memoised on ``doc.memo``; in document order.

    Each :class:`Quotation` gives ``start``/``end`` (offsets in ``doc.text``,
    marks included), ``text`` (the words inside the marks), ``speech`` (False
    for a title, name or term in marks: those have no speaker), ``speaker`` and
    ``credited``. ``speaker`` is a :class:`Speaker`: ``name`` as the article
    writes it ("Merz", "a senior official", "he", "the report"), ``start``/``end``
    where that name was found in ``doc.text`` (in the quotation's sentence, the
    sentence before or after, the paragraph before, a credit line, or the
    quotation this one continues), and ``kind`` (NAMED, DOCUMENT, ANONYMOUS,
    VAGUE or INHERITED). ``speaker`` is None when no one is named nearby;
    ``credited`` still says whether a reader can tell who spoke (a quotation
    continuing a credited one, a footnoted citation, a line of dialogue).
    """

    def read() -> list[Quotation]:
        analysis = load_lexicon().analysis(doc)
        return [
            Quotation(q.start, q.end, doc.text[q.body_start : q.body_end], q.speech, q.speaker, q.credited)
            for q in analysis.quotes
        ]

    return doc.memo(("attribution", "quotations"), read)


# ---------------------------------------------------------------------------
# The kind
# ---------------------------------------------------------------------------


@register("attribution")
class AttributionCheck(Check):
    PARAMS = {
        "finding": Param("choice", None, "what this rule reports", required=True, choices=FINDINGS),
        "lexicon": Param(
            "dict", {}, "entries added to the built-in lexicons (factlint/data/attribution.yaml): section name -> list"
        ),
        "window": Param(
            "int", 1, "sentences either side, within the paragraph, where a speaker still counts for a quotation"
            " (a figure's source may be anywhere in its paragraph)",
            minimum=0, maximum=5,
        ),
        "min_quote_words": Param(
            "int", 4, "shortest quotation (in words) that needs a speaker; shorter ones are mostly terms", minimum=1
        ),
    }
    PLACEHOLDERS = ("match", "source")

    def compile(self) -> None:
        additions = self.params["lexicon"]
        sections = lexicon_sections()
        for name, entries in additions.items():
            if name not in sections:
                raise self.rule.error(f"unknown lexicon section {name!r} (sections: {', '.join(sorted(sections))})", "lexicon")
            if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
                raise self.rule.error(f"lexicon section {name!r} must be a list of words or phrases", "lexicon")
            if sections[name]:
                for pattern in entries:
                    try:
                        if repeat_problem(pattern):
                            raise regex.error(repeat_problem(pattern))
                        regex.compile(pattern)
                    except regex.error as err:
                        raise self.rule.error(f"invalid regex {pattern!r} in lexicon section {name!r}: {err}", "lexicon") from None
        self.lexicon = load_lexicon(additions)

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = self.lexicon.analysis(doc)
        finding = self.params["finding"]
        if finding == "anonymous":
            for sentence in analysis.sentences:
                if sentence.anonymous and not sentence.anonymity_explained:
                    yield self.finding(doc, sentence.anonymous.start, sentence.anonymous.end, source=sentence.anonymous.source)
        elif finding == "weasel":
            for sentence in analysis.sentences:
                if sentence.weasel:
                    yield self.finding(doc, sentence.weasel.start, sentence.weasel.end, source=sentence.weasel.source)
        elif finding == "unsourced-figure":
            yield from self._figures(doc, analysis)
        elif finding == "unsourced-claim":
            yield from self._claims(doc, analysis)
        else:
            yield from self._quotes(doc, analysis)

    def _sourced(
        self, analysis: Analysis, first: int, last: int, block: int, exclude: tuple[int, int] = (0, 0), views: bool = False
    ) -> bool:
        """Does a cue in sentences first-window .. last+window of the block credit anyone?

        ``views``: opinion verbs count too ("the neighbors thought it was “cool”"
        credits a quotation; "the allies agreed" is no source for a figure).
        """
        window = self.params["window"]
        sentences = analysis.sentences
        for index in range(max(0, first - window), min(len(sentences), last + window + 1)):
            sentence = sentences[index]
            if sentence.block != block:
                continue
            if any(
                (c.credits or views)
                and c.source in ANY_SOURCE
                and (views or c.source != VAGUE or index == first)  # "critics say" next door is no source for a toll
                and not exclude[0] <= c.start < exclude[1]
                for c in sentence.cues
            ):
                return True
        return False

    def _figures(self, doc: Document, analysis: Analysis) -> Iterable[Finding]:
        seen: set[str] = set()  # a figure repeated later in the article needs its source only once
        noted: bool | None = None  # the page says where its figures come from ("Statistics ... are derived from ...")
        for index, sentence in enumerate(analysis.sentences):
            unseen = [f for f in sentence.figures if f.key not in seen]
            seen.update(f.key for f in sentence.figures)
            if not unseen or sentence.anonymous or sentence.weasel:
                continue  # a sentence already reported for its sourcing is not reported again
            if self._figure_sourced(analysis, index) or self._sourced_below(analysis, index) or self._details_plan(analysis, index):
                continue
            new = [f for f in unseen if f.claim]  # read last: most figures have a source
            if new and all(f.forecast for f in new) and self._report_story(analysis, index):
                continue
            if new and self._carries_lead_source(analysis, index):
                continue
            if new and all(f.forecast and not f.estimated for f in new) and self._one_source_story(analysis, index):
                continue
            if new and all(f.share and not f.estimated for f in new) and self._one_source_story(analysis, index) and self._lead_gives_figures(analysis):
                continue
            if new:
                if noted is None:
                    noted = bool(_FIGURES_NOTE.search(doc.text))
                if noted:
                    return
                yield self.finding(doc, new[0].start, new[0].end)

    @staticmethod
    def _sourced_below(analysis: Analysis, index: int) -> bool:
        """Wire copy's run of figure paragraphs that names its source at the run's next step: 'Central
        government revenue will rise 6.6 pct.' / 'Total capital investment will increase 38 pct, the
        statement said.' The next paragraph must open with a sentence of figures that ends by crediting
        them (not 'Under Turkmen laws, ... a turnout of more than 50 percent')."""
        sentences = analysis.sentences
        below = analysis.paragraph(sentences[index].block + 1)
        if not below:
            return False
        opening = sentences[below[0]]
        return bool(opening.figures) and any(
            _credits_figure(c, False) and c.source != INHERITED and _ENDS_SENTENCE.match(analysis.text, c.end, opening.end)
            for c in opening.cues
        )

    @staticmethod
    def _carries_lead_source(analysis: Analysis, index: int) -> bool:
        """Wire copy's convention: the source its lead credits speaks for the story until another is named.
        A paragraph with no source of its own is the lead source's when the paragraph before credits that
        source (by a word of its name, or as "it"/"they"/"he"/"she") and one of the next two credits it by name
        again: "<Noranda Inc> said production will remain shut ..." / "The fire ... trapped 56 others
        underground." / "Company spokesman Dale Coffin said ..." / "Noranda said ...". Not a story's last word,
        and not a paragraph after someone else's ("Croatia says it will allow migrants to travel on." / "More
        than 150 migrants have crossed into Croatia" / "Hungarian police fired tear gas ...")."""
        sentences = analysis.sentences
        block = sentences[index].block
        if any(sentences[i].cues for i in analysis.paragraph(block)):
            return False  # a source of its own, which credits nothing here
        lead = _named_words(analysis, sentences[0].block)  # (the lead's own paragraph has its cue: not read here)
        before = analysis.paragraph(block - 1)
        if not any(
            _credits_figure(c, False) and (_name_words(c.source_text) & lead or c.source_text.lower() in _BACK_REFERENCES)
            for i in before
            for c in sentences[i].cues
        ):
            return False
        return any(_named_words(analysis, after) & lead for after in (block + 1, block + 2))

    @staticmethod
    def _one_source_story(analysis: Analysis, index: int) -> bool:
        """Wire copy's one-source story: its lead credits a named source ("Metalbanc Corp said it signed a letter
        of intent for a public offering of one mln units ...") and no one else is credited anywhere in the story,
        so a later paragraph with no source of its own that forecasts ("The units are expected to be sold at
        between five dlrs and 6.50 dlrs per unit.") gives the lead source's forecast (the caller asks only for
        forecasts: a tally of an event, "More than 150 migrants have crossed", or "an estimated" figure keeps
        its query). Any other source named in the story, even one that only holds a view ("Many foreign sugar
        experts voiced doubts"), breaks it: the reader can no longer tell. A source named in the lead ("BCI said"
        after "Baring Capital Investors Ltd (BCI) ... said"), or with no name of its own ("the department said",
        "it said"), reads as the lead's."""
        sentences = analysis.sentences
        block = sentences[index].block
        if block == sentences[0].block or any(sentences[i].cues for i in analysis.paragraph(block)):
            return False  # the lead itself, or a paragraph with a source of its own
        return analysis.lead_is_the_only_source()

    @staticmethod
    def _lead_gives_figures(analysis: Analysis) -> bool:
        """Does the lead's source give figures in its own sentence ("Insects are threatening to destroy 367,000
        hectares ..., Hanoi radio reported")? Then, in a one-source story, a share with no source of its own
        ("The affected areas produce between 30 to 40 per cent of the country's rice") is that source's too;
        a lead whose source only holds a view ("President Reagan is concerned about the drop in stock prices,
        the White House said") gives no one's shares."""
        sentences = analysis.sentences
        return any(
            sentences[i].figures and any(_credits_figure(c, False) and c.source in (NAMED, DOCUMENT) for c in sentences[i].cues)
            for i in analysis.paragraph(sentences[0].block)
        )

    @staticmethod
    def _report_story(analysis: Analysis, index: int) -> bool:
        """Wire copy's report story: its first two paragraphs credit a report, review, bulletin or survey
        ("..., the economy ministry said in its monthly bulletin.", "The OECD, in its semi-annual review of the
        world economy, said ..."), and the story goes on to give its forecasts and estimates ("Internal demand
        is now forecast to rise four pct"). Only forecasts and estimates are the report's: a tally of an event
        in a report story keeps its query."""
        return analysis.report_lead() < index

    @staticmethod
    def _details_plan(analysis: Analysis, index: int) -> bool:
        """Wire copy's announcement: a lead of one or two sentences gives a named source's plan ("The Tokyo
        Grain Exchange said it will raise the margin requirement on ..., effective March 2."), then an
        unbroken run of paragraphs of figures gives its details in the plan's own mode ("Spot April
        contracts will increase to 90,000 yen per lot"). A tally below such a lead is no detail of the
        plan and keeps its query ("Croatia says it will allow migrants to travel on." / "More than 150
        migrants have crossed into Croatia")."""
        sentences = analysis.sentences
        sentence = sentences[index]
        first = sentence.figures[0].start if sentence.figures else sentence.end
        if not _PLAN_MODE.search(analysis.text, sentence.start, first):
            return False
        block = sentence.block
        for block in range(block - 1, max(-1, block - 1 - _PLAN_RUN), -1):
            lead = analysis.paragraph(block)
            if not lead:
                return False
            if not any(sentences[i].figures for i in lead):
                break
        else:
            return False
        return len(lead) <= 2 and any(
            c.credits and c.source in (NAMED, DOCUMENT) and AttributionCheck._announces(analysis, c, sentences[i])
            for i in lead
            for c in sentences[i].cues
        )

    @staticmethod
    def _announces(analysis: Analysis, cue: Cue, sentence: Sentence) -> bool:
        """Does the cue give its source's plan: "said it will raise the margin", "said annual coupon rates ...
        would be cut", or, as a closing tag, "Transfer payments will rise over two years, the finance department
        announced."?"""
        text = analysis.text
        if _ANNOUNCES_PLAN.match(text, cue.end, sentence.end) or _ANNOUNCES_CHANGE.match(text, cue.end, sentence.end):
            return True
        return _ENDS_SENTENCE.match(text, cue.end, sentence.end) is not None and _PLAN_MODE.search(text, sentence.start, cue.start) is not None

    @staticmethod
    def _figure_sourced(analysis: Analysis, index: int) -> bool:
        """A source in the figure's paragraph, or in the sentence that introduces the figures.

        That sentence is a lead-in ending in a colon just before the paragraph, or
        a sourced sentence with figures in the run of figure paragraphs this one
        belongs to ("The report found 54 million tons ...", then paragraph after
        paragraph of its figures). A vague crowd counts only in the figure's own
        sentence ("critics say" next door is no source for a toll).
        """
        sentences = analysis.sentences
        sentence = sentences[index]
        block = sentence.block
        if analysis.figure_paragraph(block).credits or any(_credits_figure(c, True) for c in sentence.cues):
            return True  # (the figure's own paragraph is one: it holds the figure's sentence)
        if any(_holds_figure(analysis.text, c, sentence) for c in sentence.cues):
            return True
        if analysis.first_person(block):
            return True  # "We saw a rise in requests ... up 11%": the publisher's own figures
        for previous_block in range(block - 1, block - 4, -1):  # the run of paragraphs of figures before this one
            previous = analysis.figure_paragraph(previous_block)
            if previous is None:
                return False
            if previous.colon:
                return previous.credits
            if not previous.figures:
                # a lead of one sourced sentence introduces the figures that open the paragraph below:
                # "..., the Department of Public Health reported Tuesday." / "Since March 7, ... sickened 153 people"
                if previous.report_lead and previous_block == block - 1 and index == analysis.paragraph(block)[0]:
                    return True
                if not previous.goes_on:
                    return False
                # the source of the run goes on speaking without figures ("The weather is forecast to stay mild, they
                # said."): the run goes on above it ("About 60 pct of the plantings were completed, they said.")
                continue
            if previous.figures_credited:
                return True
        return False

    def _claims(self, doc: Document, analysis: Analysis) -> Iterable[Finding]:
        """A cause of death stated flatly, with no source in its paragraph or wherever the article speaks of the death."""
        attributed: bool | None = None
        for sentence in analysis.sentences:
            if not sentence.claims or sentence.anonymous or sentence.weasel:
                continue
            if any(_credits_claim(c) for i in analysis.paragraph(sentence.block) for c in analysis.sentences[i].cues):
                continue
            if attributed is None:
                attributed = any(
                    any(_credits_claim(c) for c in other.cues) and self.lexicon.death_words.search(doc.text, other.start, other.end)
                    for other in analysis.sentences
                )
            if not attributed:
                start, end = sentence.claims[0]
                yield self.finding(doc, start, end)

    def _quotes(self, doc: Document, analysis: Analysis) -> Iterable[Finding]:
        speech = [q for q in analysis.quotes if q.speech and not q.continued and (q.closed or q.runs_on)]
        uncredited = [q for q in speech if not self._quote_credited(analysis, q)]
        if len(uncredited) >= _CONVENTION_QUOTES and 2 * len(uncredited) > len(speech):
            return  # most of the article's quotations name no one: an interview, a profile, ad copy, a dialogue
        for quote in analysis.quotes:
            if not quote.speech or quote.continued or (not quote.closed and not quote.runs_on):
                continue  # a title or term; a continuation, reported where it opened; or a mark missing
            if self._quote_credited(analysis, quote):
                continue
            text = " ".join(doc.text[quote.body_start : quote.body_end].split())
            if len(text.split()) < self.params["min_quote_words"]:
                continue  # a term or a scare quote
            shown = doc.text[quote.start : quote.body_start] + text + doc.text[quote.body_end : quote.end]
            shown = shown if len(shown) <= 60 else shown[:57].rstrip() + "...”"
            yield self.finding(doc, quote.start, quote.end, match=shown)

    def _quote_credited(self, analysis: Analysis, quote: Quote) -> bool:
        """Credited by the analysis's reading (within this rule's window), or reported for its sourcing already."""
        sentences = analysis.sentences
        if any(sentences[i].anonymous or sentences[i].weasel for i in range(quote.first, quote.last + 1)):
            return True
        window = self.params["window"]
        if quote.credited and (quote.distance is None or quote.distance <= window):
            return True
        return window > 1 and self._sourced(analysis, quote.first, quote.last, quote.block, (quote.start, quote.end), views=True)
