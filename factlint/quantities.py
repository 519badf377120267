"""Quantity extraction for the ``figures`` check.

The figures check compares numbers that count the same thing ("35 countries"
here, "30 countries" there), so this module finds the numbers a reader takes
as figures, turns their qualifiers into numeric ranges ("nearly 800,000" is
at most 800,000) and names the thing each one counts ("800,000 well-trained
troops" counts ``troop``). Numbers that are not figures (years, dates, times,
ordinals, "Article 5", "Boeing 737", "COVID-19", phone and version numbers,
scores, ages) are left out, because each one would become a false conflict.

It is plain regular expressions with a number-word table, no NLP model: the
linter runs in pre-commit hooks over millions of words and needs offsets into
the text. Two cheap scans find where a figure can start (digits and currency
signs; number words), an anchored ``regex`` pattern reads the number itself,
and the words around it are read with one backwards match and set lookups.
Everything is precompiled at import. Precision
of the counted thing matters more than recall, so when the word after a
number is not clearly a noun the thing is left ``None`` and the figure is
never compared.

Run ``python -m factlint.quantities --bench`` for throughput on the shared
corpora and ``python -m factlint.quantities FILE...`` to see what it reads.
"""

from __future__ import annotations

import math
import re
from operator import itemgetter
from typing import Mapping, NamedTuple

import regex

from factlint import calendar
from factlint.phrases import LazyPattern, trie_alternation

__all__ = [
    "Quantity",
    "extract_quantities",
    "conflicts",
    "canonical_thing",
    "singularize",
    "dimension",
    "qualified_range",
    "APPROX",
]

INF = math.inf

#: Relative width of "about 800,000" (both sides) and of "nearly 800,000" (below).
APPROX = 0.10


class Quantity(NamedTuple):
    """One figure in the text.

    ``start``/``end`` cover the whole mention, qualifier included, and
    ``text`` is that slice. ``low``/``high`` is the range the wording allows:
    an exact figure has ``low == high``, "more than 30" is ``(30, inf)``,
    "up to 30" is ``(0, 30)``, "about 800,000" is 800,000 give or take
    :data:`APPROX`. ``value`` is the number as written (the first of a
    range) and ``step`` its precision as written ("1.5 million" is to the
    nearest 100,000), so a comparison can allow for rounding.

    ``kind`` is ``count``, ``money``, ``percent``, ``measure``, ``duration``,
    ``magnitude`` or (only with ``ages=True``) ``age``. ``unit`` is ``count``,
    a currency code (``USD``; ``USD/share`` for a rate), ``percent``,
    ``percentage point``, ``basis point``, a measure (``tonne``, ``km``), a
    time unit (``year``) or ``magnitude``.

    ``thing`` is the counted thing, lowercase and singular ("troop",
    "head of state", "person" for people), or ``None`` when unclear;
    ``thing_start``/``thing_end`` locate it (-1 when None). ``role`` is
    ``level`` for a figure, ``change`` for a difference or increment ("rose
    5%", "another 30", "30 more troops") and ``previous`` for a figure it is
    compared with ("up from 30", "vs 39 cts", "from 30 to 35"); only levels
    are compared by :func:`conflicts`. ``modifies`` is the noun a compound
    figure belongs to ("a 14-car pileup": 14 cars, ``pileup``), read only
    with ``compounds=True``.
    """

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    qualifier: str = ""
    kind: str = "count"
    unit: str = "count"
    thing: str | None = None
    thing_start: int = -1
    thing_end: int = -1
    role: str = "level"
    step: float = 1.0
    modifies: str = ""  # with compounds=True: the noun a compound figure modifies ("pileup" in "a 14-car pileup")

    @property
    def exact(self) -> bool:
        """True when the wording gives one value rather than a range."""
        return self.low == self.high


# --------------------------------------------------------------------------
# Number words and multipliers

_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12,
}
_MULT: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mm": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
#: Multipliers glued to digits that only mean money ("5m" alone is metres).
_MONEY_ONLY_MULT = frozenset({"m", "k", "b"})
#: "dozens", "hundreds": the scale a vague plural counts in.
_VAGUE_SCALE: dict[str, float] = {
    "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9,
}

_MONTH_WORDS = frozenset((*calendar.MONTHS, *calendar.MONTH_ABBREVIATIONS))


_W_TOKEN = trie_alternation([*_UNITS, *_TENS, *_SCALES, "dozen"])
_W_SCALE = "(?:hundred|thousand|million|billion|trillion)"

# --------------------------------------------------------------------------
# Scanning

# Where a figure can start. Running the number pattern at every character is
# slow (it tries every alternative everywhere); these two scans find the few
# places worth an anchored match. Number words are looked for in the
# lowercased text, which is faster than a case-insensitive scan, and with the
# standard library's ``re``, which runs this prefix-tree scan about 1.6 times
# faster than ``regex`` (everything else here needs ``regex``).
_DIGIT_CAND = regex.compile(r"[$€£¥₹]|\d[\d,.]*")
_WORD_CAND_SRC = (
    r"\b(?=[abcdefghjmnorstuz])(?:an?\s+(?=(?:hundred|thousand|million|billion|trillion|dozen|few|couple)\b)|"
    + trie_alternation(
        ["between", "half", "several", "tens", "dozens", "scores", "hundreds",
         "thousands", "millions", "billions", "usd", "eur", "gbp", "jpy", "chf",
         "cad", "aud", "rs", "dozen", *_UNITS, *_TENS, *_SCALES]
    )
    + r")\b"
)
_WORD_CAND = re.compile(_WORD_CAND_SRC)
_WORD_CAND_CI = re.compile(_WORD_CAND_SRC, re.IGNORECASE)
_PHONE = regex.compile(r"\+\d[\d ().-]{6,}\d")
_DOLLAR_PREFIX = regex.compile(r"(?r)(?:\b(?:US|U\.S\.)\s?|\b(?:AU|CA|NZ|HK|[ACSR]))\Z")

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CUR_PREFIX = (
    r"(?:(?:US|U\.S\.)\s?\$|(?:AU|CA|NZ|HK|[ACSR])\$|[$€£¥₹]"
    r"|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|Rs\.?)\s?(?=\d))"
)
_MULT_RE = (
    r"(?:\s*-?\s*(?:[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|mln|bln|bn|mn|MM|tn|trn)\b"
    r"|(?:m|bn|k|b|mn|MM|mln|bln)\b)"
)
_WORDNUM = (  # the number-word tree once per repeat, not once per way of joining: cheaper to compile
    rf"(?:(?:half\s+)?an?\s+(?={_W_SCALE}\b|dozen\b))?{_W_TOKEN}\b"
    rf"(?:(?:\s*-\s*|\s+|(?<=hundred|thousand|million|billion|trillion)\s+and\s+){_W_TOKEN}\b"
    r"|\s+and\s+a\s+half\b)*"
)
# A vague number in words: "tens of thousands", "several hundred", "dozens".
_VAGUE_NUMBER = r"""(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions)
               |(?:several|a\s+few|a\s+couple(?:\s+of)?)\s+(?:hundred|thousand|million|billion|dozen)(?:\s+(?:thousand|million|billion))?
               |dozens|scores(?=\s+of\b)|hundreds|thousands|millions|billions)\b"""
# The number itself, anchored at a candidate: [between] [currency] number
# [multiplier] [range]. What follows (%, dlrs, "basis points") is read by
# _suffix with set lookups, which is cheaper than more alternatives here.
_CORE_SRC = (
    rf"""
    (?P<between>(?i:between)\s+)?
    (?P<cur>{_CUR_PREFIX}\s?)?
    (?:
        (?<![\w.#@/\\:+]|\w-)(?P<n1>{_DIGITS})(?:-(?P<fn>\d{{1,2}})/(?P<fd>\d{{1,3}})\b)?(?!\d|[.,:/]\d)(?P<m1>{_MULT_RE})?
      | (?P<v1>{_VAGUE_NUMBER})
      | (?P<w1>(?i:{_WORDNUM}))(?P<wm>\s+(?:mln|bln|bn|mn)\b)?
    )
    (?:
        (?P<rsep>\s*[-–—]\s*|\s+(?:to|or)\s+|(?(between)\s+and\s+|(?!)))
        (?P<cur2>{_CUR_PREFIX}\s?)?
        (?:(?P<n2>{_DIGITS})(?!\d|[.,:/]\d)(?P<m2>{_MULT_RE})?|(?P<w2>(?i:{_WORDNUM}))(?P<wm2>\s+(?:mln|bln|bn|mn)\b)?)
    )?
    """
)
_CORE = regex.compile(_CORE_SRC, regex.VERBOSE)
# Most candidates start with a digit: the same pattern without what never
# matches there (the currency and "between" prefixes, a first number in words)
# is much cheaper to try, and to compile.
_CORE_DIGIT = regex.compile(
    _CORE_SRC.replace("(?P<between>(?i:between)\\s+)?", "(?P<between>(?!))?")
    .replace(f"(?P<cur>{_CUR_PREFIX}\\s?)?", "(?P<cur>(?!))?")
    .replace("(?P<v1>" + _VAGUE_NUMBER + ")", "(?P<v1>(?!))")
    .replace(f"(?P<w1>(?i:{_WORDNUM}))", "(?P<w1>(?!))"),
    regex.VERBOSE,
)
assert _CORE_DIGIT.groupindex == _CORE.groupindex and _CORE_DIGIT.pattern != _CORE.pattern
# Reading groups by position (one C call) is much cheaper than by name.
_CORE_GROUPS = itemgetter(*(_CORE.groupindex[g] - 1 for g in (
    "n1", "w1", "v1", "cur", "m1", "m2", "between", "rsep", "n2", "w2", "wm", "fn", "fd", "wm2")))

# The next token after a number: (gap, hyphen, token).
_NEXT = regex.compile(r"(\s*)(-?)\s*([A-Za-z][A-Za-z'’.]*|\S)?")
_POINTS = regex.compile(r"\s+(?i:points?)\b")
_PER_CENT = regex.compile(r"\s*-?\s*(?i:per)\s?-?\s?(?i:cent)(?P<age>(?i:age))?\b")
_BASIS = regex.compile(r"\s+(?i:basis)\s+(?i:points?)\b")
_STERLING = regex.compile(r"\s+sterling\b")
_CUR_ADJ_RE = LazyPattern("regex",
    r"\s+(?P<adj>U\.S\.|US|American|Australian|Canadian|Hong\s+Kong|New\s+Zealand|"
    r"Singapore|Taiwan|Swiss|French|Belgian|West\s+German|German|Deutsche|Danish|"
    r"Swedish|Norwegian|Dutch|Japanese|Mexican|Indian|Luxembourg|Austrian|Irish|Italian|"
    r"Spanish|Finnish|Taiwanese|Saudi|Brazilian|Argentine|Chilean|Kuwaiti)\s+(?P<word>[A-Za-z]+)\b"
)
_CUR_ADJ_FIRST = frozenset({
    "U.S.", "US", "American", "Australian", "Canadian", "Hong", "New", "Singapore",
    "Taiwan", "Swiss", "French", "Belgian", "West", "German", "Deutsche", "Danish",
    "Swedish", "Norwegian", "Dutch", "Japanese", "Mexican", "Indian", "Luxembourg",
    "Austrian", "Irish", "Italian", "Spanish", "Finnish", "Taiwanese", "Saudi",
    "Brazilian", "Argentine", "Chilean", "Kuwaiti",
})

# Up to four words before a number, read backwards from it.
_W = r"[A-Za-z][\w'’.&-]*"
_BEFORE = regex.compile(
    rf"(?r)(?:(?:(?:(?:\b(?P<w4>{_W})\s+)?\b(?P<w3>{_W})\s+)?\b(?P<w2>{_W})\s+)?\b(?P<w1>{_W})"
    rf"|(?:\b(?P<cw>[A-Z][\w'’.-]*)\s*)?(?P<punct>[,(#№/])|(?<=\w)\s?(?P<dash>-))\s*\Z"
)
_WNAMES = ("w4", "w3", "w2", "w1")
_BEFORE_GROUPS = itemgetter(*(_BEFORE.groupindex[g] - 1 for g in ("w4", "w3", "w2", "w1", "cw", "punct", "dash")))

_AGE_AFTER = regex.compile(r"(?i)\s*-?\s*(?:years?|yrs?|months?|weeks?|days?)\s*-?\s*old\b")
_OR_AFTER = regex.compile(r"(?i)\s+or\s+(?:(?P<so>so)|(?P<more>more)|fewer|less)\b")
_RICHTER_AFTER = regex.compile(r"(?i)\s+on\s+the\s+richter\b")
_TO_AFTER = regex.compile(r"\s+(?:to|at)\s+[$€£¥]?\d")

# Up to six tokens after a number, in one match: (gap, token) pairs.
_TOK_SRC = r"(\s*)([A-Za-z][A-Za-z'’.-]*|\S)"
_TOK6 = LazyPattern("regex",
    _TOK_SRC + "(?:" + _TOK_SRC + "(?:" + _TOK_SRC + "(?:" + _TOK_SRC
    + "(?:" + _TOK_SRC + "(?:" + _TOK_SRC + ")?)?)?)?)?"
)
_ALPHA = regex.compile(r"[a-z]+")

# --------------------------------------------------------------------------
# Words around a number

_QUAL_WORDS: dict[str, str] = {
    "about": "about", "around": "about", "approximately": "about",
    "approx": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "not quite": "nearly", "just shy of": "nearly",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than",
    "exceeding": "more than", "well over": "more than",
    "well above": "more than", "more then": "more than",
    "just over": "just over", "just above": "just over",
    "slightly more than": "just over", "a little over": "just over",
    "slightly over": "just over",
    "at least": "at least", "no fewer than": "at least",
    "no less than": "at least", "not less than": "at least",
    "a minimum of": "at least", "as few as": "at least", "as little as": "at least",
    "as low as": "at least",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as high as": "up to",
    "at most": "up to", "no more than": "up to", "not more than": "up to",
    "a maximum of": "up to",
    "fewer than": "fewer than", "less than": "fewer than",
    "under": "fewer than", "below": "fewer than",
}
_QUAL_TUPLES: dict[tuple[str, ...], str] = {tuple(k.split()): v for k, v in _QUAL_WORDS.items()}
_QUAL_LAST = frozenset(k[-1] for k in _QUAL_TUPLES)

#: Words that make the next number a name, not a figure ("Article 5", "flight 370").
_LABELS = frozenset("""
article articles section sections chapter chapters flight flights room rooms route
routes highway interstate page pages paragraph paragraphs clause clauses rule rules
resolution resolutions amendment amendments proposition prop form forms phase stage
category class type model version vol volume issue episode season series game round
gate platform terminal pier lane exit block building floor unit apartment apt suite
district ward precinct zone sector reactor line bus channel code tier step figure
fig table item lot row seat box exhibit appendix annex schedule act bill decree
directive regulation protocol number num no nos cycle level grade size formula bay
hangar track lap hole pit camp division squadron battalion brigade regiment studio
qtr tranche stanza verse windows boeing airbus apollo iphone ipad galaxy xbox
playstation ps hurricane typhoon mk mark ios android macos os
""".split())
#: Abbreviations that label a number when they end in a full stop ("No. 10").
_ABBREV_LABELS = frozenset({
    "no", "nos", "num", "art", "sec", "para", "vol", "fig", "ch", "pp", "p", "ver",
    "v", "tel", "ph",
})
_CHANGE_WORDS = frozenset("""
rose rise rises rising risen fell fall falls falling fallen gained gain gains gaining
lost lose loses losing dropped drop drops climbed climbs jumped jumps increased
increase increases decreased decreases declined declines slipped slips slid eased
eases advanced advances surged surges soared plunged plummeted tumbled grew grow
grows growing shrank added adds cut cuts raised raising lowered boosted reduced
trimmed expanded widened narrowed up down
""".split())
_CHANGE_OF = frozenset({"increase", "rise", "fall", "gain", "drop", "decline", "growth", "cut", "reduction", "change"})
_INCREMENT_WORDS = frozenset({"another", "further", "additional", "extra"})
_PREVIOUS_WORDS = frozenset({"vs", "versus", "against", "previously", "formerly"})
_AGE_WORDS = frozenset({"aged", "age", "ages", "turn", "turns", "turned", "turning"})
_DIE_WORDS = frozenset({"die", "died", "dies", "dead"})
_PRONOUNS = frozenset({"he", "she", "who", "they", "i"})
_BE_WORDS = frozenset({"was", "is", "were", "are", "be", "been"})
_SCORE_WORDS = frozenset("""
won win wins beat beats lost defeated drew tied edged routed trailed trails led leads
leading victory defeat score scored
""".split())
#: What "9-14" is when it is a record or a score, not a range.
_SCORE_NOUNS = frozenset("""
record start mark lead win loss victory defeat finish season run streak vote
decision split draw tie margin verdict ruling majority score
""".split())
_TIME_WORDS = frozenset({
    "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "hrs", "h", "gmt", "est",
    "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "utc", "local",
})
_AGE_UNITS = frozenset({"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days"})
_APPOS_WORDS = frozenset({"and", "who", "of", "from"})
_OF_NEXT = regex.compile(r"\s+of\b")
#: Function words after a sum that still lead to what it is for ("in aid", "a share").
_MONEY_LEADS = frozenset({"a", "an", "per", "in", "of", "worth"})
_FRACTIONS = frozenset("""
half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths
eighth eighths ninth ninths tenth tenths hundredth hundredths thousandth
""".split())

# --------------------------------------------------------------------------
# Word lists for the counted thing

_FUNCTION = frozenset("""
a an the this that these those of in on at to for from by with without into onto
over under above below between among amongst across through throughout during
before after since until till against about around per via vs versus and or but nor
so yet as than if while when where which who whom whose what whether it its he she
they them their theirs his her hers we our ours you your i me my mine us one ones
is are was were be been being am has have had having do does did doing done will
would shall should can could may might must not no nor said say says saying told
tell tells reported reports according also each every all both either neither any
some such only just even still again ago later earlier last next then there here
now today yesterday tomorrow tonight times time percent pct cent per apiece each
own other others else instead rather quite very too much many more most less least
fewer few several half third quarter whole up down out off away back near far
because although though unless once
rose fell rise rises fall falls went came took made got gave left won lost saw
became began held kept ran set put let met led paid sent spent sold bought brought
thought felt found stood sat hit shot cut beat grew drew knew threw wore tore
including included includes excluding plus minus
yes yeah mr mrs ms dr st
outside inside behind beyond within upon toward towards amid amidst despite like
unlike except besides alongside aboard underway apart aside ahead
twenties thirties forties fifties sixties seventies eighties nineties teens
hundreds thousands millions billions dozens
something anything nothing everything someone anyone everyone nobody somebody
everybody overseas abroad beneath due prior higher lower earlier firmer weaker
stronger steady unchanged depending first second third fourth fifth sixth seventh
eighth ninth tenth soon regardless fob cif fas
seen been done given taken made gone known shown grown drawn thrown driven written
chosen spoken broken stolen forgotten hidden ridden risen fallen a.m. p.m. am pm gmt
shook struck broke spoke woke rode wrote drove chose froze fled fought caught taught
sought swept slept wept crept leapt dealt meant stole flew threw blew withdrew swam
sank rang sang understood overcame forgave mistook heard arose hid bit lit spat
spread quit burst shut
""".split())
#: Words that are never the counted thing although they follow numbers.
_NOT_HEADS = frozenset("""
upfront already worldwide globally annually apiece overall altogether respectively
together alone straight consecutive running lifetime
""".split())
#: Nouns that end in -ly, so are not adverbs.
_LY_NOUNS = frozenset("""
family ally assembly supply rally anomaly monopoly reply fly belly jelly bully lily
folly holly tally butterfly dragonfly firefly homily gully melee jolly italy july
quarterly monthly weekly daily yearly nightly hourly biweekly elderly deadly costly
friendly
""".split())
#: Plural-looking words that often modify a following noun ("police officers").
_NOUN_ADJUNCT_PLURALS = frozenset({"police", "staff", "personnel", "arms", "sales", "news", "sports", "savings"})

_MODIFIERS = frozenset("""
additional new more other further extra well-trained trained armed fresh total
estimated reported confirmed known registered alleged suspected so-called
young old elderly small large big little major minor senior junior key top
different separate various similar individual unidentified unnamed unarmed
innocent ordinary active full part-time full-time former current existing
remaining surviving local national international regional foreign domestic
private public federal main principal potential possible likely actual real
mostly mainly largely heavily lightly newly recently fully highly seriously
critically severely badly slightly mortally fatally already
best worst largest biggest smallest highest lowest greatest latest newest oldest
youngest strongest deadliest longest fastest richest poorest closest nearest
consecutive straight successive plainclothes previous prior past recent following
""".split())
#: Modifiers that make the figure an increment, not a total.
_INCREMENT_MODIFIERS = frozenset({"additional", "more", "further", "extra"})

#: Past participles that are used as nouns after a number ("30 dead, 12 injured").
_PARTICIPLE_NOUNS = frozenset("""
dead killed injured wounded hurt missing arrested detained displaced evacuated
rescued hospitalized hospitalised infected affected employed unemployed
homeless jailed imprisoned executed kidnapped abducted
""".split())

_IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "oxen": "ox", "lives": "life", "wives": "wife",
    "knives": "knife", "leaves": "leaf", "halves": "half", "thieves": "thief",
    "wolves": "wolf", "shelves": "shelf", "selves": "self", "calves": "calf",
    "criteria": "criterion", "phenomena": "phenomenon", "data": "data",
    "media": "media", "police": "police", "staff": "staff",
    "personnel": "personnel", "cattle": "cattle", "sheep": "sheep",
    "fish": "fish", "aircraft": "aircraft", "spacecraft": "spacecraft",
    "deer": "deer", "series": "series", "species": "species", "news": "news",
    "means": "means", "headquarters": "headquarters", "barracks": "barracks",
    "crossroads": "crossroads", "troops": "troop", "clothes": "clothes",
    "analyses": "analysis", "crises": "crisis", "theses": "thesis",
    "bases": "base", "diagnoses": "diagnosis", "thanks": "thanks",
    "congress": "congress", "boss": "boss", "gas": "gas", "bus": "bus",
    "status": "status", "virus": "virus", "census": "census",
    "campus": "campus", "bonus": "bonus", "process": "process",
    "passersby": "passerby", "passers-by": "passer-by", "dice": "die",
    "plainclothes": "plainclothes", "campuses": "campus", "viruses": "virus",
    "bonuses": "bonus", "censuses": "census", "buses": "bus", "busses": "bus",
    "statuses": "status", "circuses": "circus", "geniuses": "genius",
    "movies": "movie", "cookies": "cookie", "zombies": "zombie",
    "rookies": "rookie", "calories": "calorie", "prairies": "prairie",
    "pies": "pie", "ties": "tie", "lies": "lie", "goalies": "goalie",
    "sorties": "sortie", "hippies": "hippie", "selfies": "selfie",
    "women's": "woman", "men's": "man", "species": "species", "arms": "arms",
    "sales": "sales", "earnings": "earnings", "savings": "savings",
    "proceeds": "proceeds", "premises": "premises", "odds": "odds",
    "goods": "goods", "remains": "remains", "outskirts": "outskirts",
    "potatoes": "potato", "tomatoes": "tomato", "heroes": "hero", "cargoes": "cargo",
    "echoes": "echo", "vetoes": "veto", "torpedoes": "torpedo", "volcanoes": "volcano",
    "mosquitoes": "mosquito", "embargoes": "embargo", "tornadoes": "tornado",
    "tranches": "tranche", "niches": "niche", "caches": "cache", "avalanches": "avalanche",
}
#: Singular nouns ending in -men.
_NOT_MEN = frozenset("""
omen specimen regimen abdomen stamen semen acumen hymen yemen bitumen rumen lumen
dolmen albumen
""".split())
_PLURAL_IRREGULAR_FORMS = frozenset(
    k for k, v in _IRREGULAR_PLURALS.items() if k != v
) | {"police", "personnel", "staff", "cattle"}

#: Heads that keep an "of" phrase ("27 heads of state", "12 cases of cholera").
_OF_HEADS = frozenset({
    "head", "member", "prisoner", "chief", "case", "round", "count", "barrel",
    "bag", "piece", "bottle", "box", "crate", "sack", "carton", "bale", "act",
})

_TIME_UNITS: dict[str, str] = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "month": "month", "months": "month", "week": "week", "weeks": "week",
    "day": "day", "days": "day", "night": "night", "nights": "night",
    "hour": "hour", "hours": "hour", "hrs": "hour", "minute": "minute",
    "minutes": "minute", "mins": "minute", "second": "second",
    "seconds": "second", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "weekend": "weekend",
    "weekends": "weekend", "season": "season", "seasons": "season",
    "term": "term", "terms": "term", "quarter": "quarter", "quarters": "quarter",
    "mth": "month", "mths": "month", "qtr": "quarter", "qtrs": "quarter",
    "wk": "week", "wks": "week", "min": "minute", "hr": "hour",
}
_MEASURES: dict[str, str] = {
    "tonnes": "tonne", "tonne": "tonne", "tons": "ton", "ton": "ton",
    "kilos": "kg", "kilo": "kg", "kilograms": "kg", "kilogram": "kg",
    "kilogrammes": "kg", "kg": "kg", "kgs": "kg", "grams": "g", "gram": "g",
    "grammes": "g", "lbs": "lb", "lb": "lb", "ounces": "oz", "ounce": "oz",
    "oz": "oz", "pounds": "lb", "pound": "lb", "metres": "m", "meters": "m", "metre": "m",
    "meter": "m", "km": "km", "kms": "km", "kilometres": "km",
    "kilometers": "km", "kilometre": "km", "kilometer": "km", "miles": "mile",
    "mile": "mile", "cwt": "cwt", "mt": "tonne", "troy": "troy", "ft": "ft", "feet": "ft", "foot": "ft", "nautical": "nautical", "inches": "inch", "inch": "inch",
    "yards": "yard", "yard": "yard", "acres": "acre", "acre": "acre",
    "hectares": "hectare", "hectare": "hectare", "barrels": "barrel",
    "barrel": "barrel", "bpd": "barrel/day", "gallons": "gallon",
    "gallon": "gallon", "litres": "litre", "liters": "litre",
    "litre": "litre", "liter": "litre", "bushels": "bushel",
    "bushel": "bushel", "degrees": "degree", "degree": "degree",
    "mph": "mph", "cm": "cm", "mm": "mm", "centimetres": "cm",
    "centimeters": "cm", "millimetres": "mm", "millimeters": "mm",
    "megawatts": "MW", "megawatt": "MW", "mw": "MW", "kilowatts": "kW",
    "watts": "W", "volts": "V", "knots": "knot", "cubic": "cubic",
    "sq": "square", "square": "square", "points": "point", "point": "point",
}
_RATE_WORDS = frozenset({
    "day", "year", "week", "month", "hour", "share", "barrel", "ton", "tonne",
    "ounce", "head", "person", "capita", "pound", "kilo", "gallon", "litre",
    "night", "annum", "unit", "game", "season",
})
#: Nouns too generic to compare on their own after a percentage or in money.
_GENERIC_THINGS = frozenset("""
increase rise gain drop fall decline cut reduction growth jump hike decrease
stake interest rate chance probability discount premium return yield margin
majority minority share lead advantage surge slump improvement boost loss
profit deficit surplus raise range figure total sum amount
""".split())
#: Words after "$5 in" that do not say what the money is for.
_IN_STOP = frozenset("""
trade trading fiscal band comparison late early total addition terms value return
exchange response line part principle excess view connection lieu case order effect
advance contrast relation respect light spite favor favour turn time place full
kind question charge front force active heavy light thin moderate nominal
""".split())
#: Things after "one" that are idioms, not counts ("at one point").
_ONE_IDIOMS = frozenset("""
point way hand thing side time reason problem question issue example part place
moment day night morning evening afternoon thing another other kind sort type
end step word area aspect factor option occasion instance case piece lot
""".split())

_CURRENCY_SYMBOL: dict[str, str] = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
    "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "RS": "INR",
    "RS.": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY",
    "CHF": "CHF", "CAD": "CAD", "AUD": "AUD",
}
_CURRENCY_WORD: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD",
    "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP", "pound": "GBP",
    "pounds": "GBP", "stg": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "franc": "FRF", "francs": "FRF", "mark": "DEM", "marks": "DEM",
    "lire": "ITL", "lira": "ITL", "guilder": "NLG", "guilders": "NLG",
    "peso": "MXN", "pesos": "MXN", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "cent": "USD", "cents": "USD",
    "cts": "USD", "pence": "GBP", "crowns": "SEK", "kronor": "SEK",
    "kroner": "NOK", "rand": "ZAR", "riyal": "SAR", "riyals": "SAR",
    "dinar": "DIN", "dinars": "DIN", "won": "KRW", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "cad": "CAD", "aud": "AUD",
    "ct": "USD", "kwacha": "ZMK", "punt": "IEP", "punts": "IEP", "schilling": "ATS",
    "schillings": "ATS", "markka": "FIM", "markkaa": "FIM", "cruzado": "BRC",
    "cruzados": "BRC", "drachma": "GRD", "drachmas": "GRD", "escudo": "PTE",
    "escudos": "PTE", "peseta": "ESP", "pesetas": "ESP", "krone": "DKK",
    "krona": "SEK", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF",
    "shekel": "ILS", "shekels": "ILS", "baht": "THB", "ringgit": "MYR",
    "rupiah": "IDR", "dirham": "AED", "dirhams": "AED", "naira": "NGN",
    "austral": "ARS", "australs": "ARS", "ecu": "XEU", "ecus": "XEU",
    "sdr": "XDR", "sdrs": "XDR", "bolivar": "VEB", "bolivars": "VEB",
    "crown": "SEK",
}
_CURRENCY_ADJ: dict[str, str] = {
    "australian": "AUD", "canadian": "CAD", "hong kong": "HKD",
    "new zealand": "NZD", "singapore": "SGD", "taiwan": "TWD", "swiss": "CHF",
    "french": "FRF", "belgian": "BEF", "west german": "DEM", "german": "DEM",
    "deutsche": "DEM", "danish": "DKK", "swedish": "SEK", "norwegian": "NOK",
    "mexican": "MXN", "indian": "INR", "japanese": "JPY", "u.s.": "USD",
    "luxembourg": "LUF", "austrian": "ATS", "irish": "IEP", "italian": "ITL",
    "spanish": "ESP", "finnish": "FIM", "taiwanese": "TWD", "saudi": "SAR",
    "brazilian": "BRL", "argentine": "ARS", "chilean": "CLP", "kuwaiti": "KWD",
    "us": "USD", "american": "USD", "dutch": "NLG",
}
#: Currency words that need a multiplier or a country to be money ("5 pounds", "won").
_AMBIGUOUS_CURRENCY = frozenset({
    "pound", "pounds", "mark", "marks", "won", "rand", "crowns", "franc",
    "sterling", "crown", "real", "austral", "punt",
})
_SUBUNIT = frozenset({"cent", "cents", "cts", "ct", "pence"})


# --------------------------------------------------------------------------
# Helpers

def singularize(word: str) -> str:
    """Lowercase singular of a plural noun, by rule and a small irregular table.

    Good enough to compare counted things ("countries" -> "country",
    "people" -> "person"); it is not a general lemmatizer.
    """
    w = word.lower()
    irr = _IRREGULAR_PLURALS.get(w)
    if irr is not None:
        return irr
    if w.endswith("men") and len(w) > 4 and w not in _NOT_MEN:
        return w[:-3] + "man"  # crewmen, gunmen, policemen
    if len(w) <= 3 or not w.endswith("s"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return w[:-2]
    if w.endswith(("ss", "us", "is", "ous")):
        return w
    return w[:-1]


def _looks_plural(word: str) -> bool:
    """A cheap guess that a word is a plural noun (compound heads, "Americans")."""
    w = word.lower()
    if w in _PLURAL_IRREGULAR_FORMS:
        return True
    if w.endswith(("men", "children", "people")) and len(w) > 4 and w not in _NOT_MEN:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _parse_words(s: str) -> float | None:
    """Value of a run of number words ("twenty-seven", "half a million")."""
    toks = _ALPHA.findall(s.lower())
    total = 0.0
    current = 0.0
    seen = False
    half = False
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "and":
            if toks[i + 1:i + 3] == ["a", "half"]:
                current += 0.5
                i += 3
                continue
        elif t == "half":
            half = True
        elif t in ("a", "an"):
            current = current or 1.0
        elif t in _UNITS:
            current += _UNITS[t]
            seen = True
        elif t in _TENS:
            current += _TENS[t]
            seen = True
        elif t == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif t == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif t in _SCALES:
            total += (current or 1.0) * _SCALES[t]
            current = 0.0
            seen = True
        i += 1
    if not seen:
        return None
    value = total + current
    return value * 0.5 if half else value


def _num(digits: str) -> tuple[float, float]:
    """Value of a digit string and its precision as written (1.25 -> 0.01)."""
    s = digits.replace(",", "")
    if "." in s:
        return float(s), 10.0 ** -(len(s) - s.index(".") - 1)
    return float(s), 1.0


def _mult(m: str | None) -> float:
    """Value of a multiplier as matched (" million", "-million", "mln", "bn")."""
    if not m:
        return 1.0
    return _MULT.get(m.strip().lstrip("-").strip().lower(), 1.0)


# --------------------------------------------------------------------------
# The counted thing

Token = tuple[str, int, int, bool]


def _tokens(text: str, pos: int, n: int = 6) -> list[Token]:
    """Up to n tokens after pos as (token, start, end, is_word), stopping at a paragraph."""
    out: list[Token] = []
    m = _TOK6.match(text, pos)
    if m is None:
        return out
    g = m.groups()
    off = pos
    for k in range(0, 2 * min(n, 6), 2):
        tok = g[k + 1]
        if tok is None:
            break
        gap = g[k]
        if "\n" in gap and ("\n\n" in gap or gap.endswith((" ", "\t")) or gap.count("\n") > 1):
            break  # a blank line or an indented (Reuters) paragraph start
        off += len(gap)
        end = off + len(tok)
        if tok[-1] in ".-" and len(tok) > 1:
            # "people." ends a sentence; "U.S." and "a.m." keep their stops
            core = tok.rstrip(".-")
            if tok[-1] == "-" or "." not in core:
                out.append((core, off, off + len(core), True))
                out.append((tok[len(core)], off + len(core), off + len(core) + 1, False))
                off = end
                continue
        out.append((tok, off, end, tok[0].isalpha()))
        off = end
    return out


def _content(word: str) -> bool:
    """True for a word that can be part of a counted thing."""
    lw = word.lower()
    return not (lw in _FUNCTION or lw in _UNITS or lw in _TENS or lw in _SCALES)


def _strip_poss(word: str) -> str:
    """"people's" -> "people"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


def _qualifies(tok: Token) -> bool:
    """A token that can be a word of a counted thing: lowercase, not a function word."""
    w = tok[0]
    if not tok[3] or not w[0].islower():
        return False
    lw = _strip_poss(w).lower()
    if lw in _FUNCTION or lw in _NOT_HEADS or lw in _UNITS or lw in _TENS or lw in _SCALES:
        return False
    if lw.endswith("ly") and lw not in _LY_NOUNS:
        return False  # adverbs: "totally", "globally"
    return len(lw) > 1


def _run(
    toks: list[Token], i: int, gerund_ok: bool = False, possessor: bool = False
) -> tuple[str | None, int, int]:
    """The counted thing as a short noun phrase starting at toks[i].

    Up to four lowercase words ending at the first plural ("aid workers",
    "air pollution standards", "male gang members"); "police", "staff" may
    start a longer one ("police officers"). Leading modifiers ("additional")
    are dropped; a possessor ("the world's traded oil") starts the run again,
    unless ``possessor`` says a possessive first word is the thing ("30
    people's lives", "the 33-year-old actress's rep").
    A lone participle or gerund ("nine voting to") or a lone hyphenated
    adjective ("short-term") is no thing.
    """
    n = len(toks)
    words: list[str] = []
    start = end = -1
    j = i
    while j < n and len(words) < 4 and _qualifies(toks[j]):
        tok, s, e, _ = toks[j]
        w = _strip_poss(tok)
        lw = w.lower()
        if w != tok:  # possessive: what follows belongs to it
            if possessor and j == i:
                return singularize(lw) if _looks_plural(lw) else lw, s, s + len(w)
            words = []
            j += 1
            continue
        nxt_ok = j + 1 < n and _qualifies(toks[j + 1])
        if words and (lw in _PARTICIPLE_NOUNS or lw.endswith("ed") or (lw.endswith("ing") and not nxt_ok)):
            break  # "one person dead", "share offering expected", "one employee screaming"
        if (j + 2 < n and toks[j + 1][0] == "-" and _qualifies(toks[j + 2])
                and toks[j + 1][1] == e + 1 and toks[j + 2][1] == toks[j + 1][2] + 1):
            lw = lw + "-" + toks[j + 2][0].lower()  # "co - workers" (tokenized text)
            e = toks[j + 2][2]
            j += 2
            nxt_ok = j + 1 < n and _qualifies(toks[j + 1])
        if not words and lw in _MODIFIERS:
            if not nxt_ok:
                break
            j += 1
            continue
        if (not words and lw.endswith("ed") and lw not in _PARTICIPLE_NOUNS and not gerund_ok
                and not (nxt_ok and _looks_plural(toks[j + 1][0]))):
            break  # "8,863,000 represented merger costs": a verb; "23 arrested pirates" is kept
        if not words:
            start = s
        words.append(lw)
        end = e
        j += 1
        if _looks_plural(lw) and lw not in _NOUN_ADJUNCT_PLURALS:
            break
        if lw in _NOUN_ADJUNCT_PLURALS and not nxt_ok:
            break
    if not words:
        return None, -1, -1
    last = words[-1]
    if len(words) == 1 and (("-" in last and not _looks_plural(last))
                            or (last.endswith("ing") and not gerund_ok)):
        return None, -1, -1
    if last.endswith("ed") and last not in _PARTICIPLE_NOUNS:
        return None, -1, -1  # "two companies involved": a verb, not a thing
    if _looks_plural(last):
        words[-1] = singularize(last)
    return " ".join(words), start, end


def _of_phrase(toks: list[Token], i: int) -> tuple[str | None, int]:
    """"of state", "of attempted murder" after heads like "head", "count", "round"."""
    if i + 1 >= len(toks) or toks[i][0] != "of":
        return None, -1
    thing, _s, e = _run(toks, i + 1, True)
    if thing is None:
        return None, -1
    return "of " + thing, e


def _head(text: str, pos: int) -> tuple[str | None, int, int, str, bool]:
    """Find the counted thing after a number.

    Returns (thing, start, end, category, increment): category is ``count``,
    ``duration:<unit>`` or ``measure:<unit>``; increment says a modifier like
    "more" made the figure an increment rather than a total.
    """
    toks = _tokens(text, pos)
    i, increment = _past_modifiers(toks)
    if i < 0 or i >= len(toks) or not toks[i][3]:
        return None, -1, -1, "count", increment
    w = _strip_poss(toks[i][0])
    lw = w.lower()
    if lw in _TIME_UNITS:
        return None, -1, -1, "duration:" + _TIME_UNITS[lw], increment
    if lw in _MEASURES and (w[0].islower() or lw in ("km", "kg", "mph", "bpd")):
        thing, ts, te, unit = _measured_thing(toks, i, _MEASURES[lw])
        return thing, ts, te, "measure:" + unit, increment
    if w[0].isupper():
        thing, ts, te = _capitalized_thing(toks, i)
    else:
        thing, ts, te = _counted_noun(toks, i)
    return thing, ts, te, "count", increment


def _past_modifiers(toks: list[Token]) -> tuple[int, bool]:
    """Where the head noun starts after modifiers ("well-trained", "additional", ECB's "well -
    trained"), and whether one of them made the figure an increment ("more"); -1 when a modifier
    ends the words (no thing)."""
    i = 0
    n = len(toks)
    increment = False
    while i < n and toks[i][3]:
        w = toks[i][0]
        lw = w.lower()
        nxt_word = i + 1 < n and toks[i + 1][3]
        if lw in _MODIFIERS:
            if not nxt_word:
                return -1, increment
            if lw in _INCREMENT_MODIFIERS:
                increment = True
            i += 1
            continue
        if "-" in w and nxt_word and w[0].islower() and _content(toks[i + 1][0]):
            i += 1
            continue
        if (i + 3 < n and toks[i + 1][0] == "-" and toks[i + 2][3] and toks[i + 3][3]
                and w[0].islower() and toks[i + 2][0][0].islower()):
            i += 3  # "well - trained troops" (tokenized text)
            continue
        break
    return i, increment


def _measured_thing(toks: list[Token], i: int, unit: str) -> tuple[str | None, int, int, str]:
    """The unit at toks[i] in full ("square miles") and what it measures ("of wheat")."""
    if unit in ("square", "cubic", "nautical", "troy") and i + 1 < len(toks) and toks[i + 1][3]:
        nxt_l = toks[i + 1][0].lower()
        unit = unit + " " + _MEASURES.get(nxt_l, singularize(nxt_l))
        i += 1
    thing, ts, te = _of_noun(toks, i + 1)
    return thing, ts, te, unit


def _capitalized_thing(toks: list[Token], i: int) -> tuple[str | None, int, int]:
    """A capitalized head: "20 Americans", "35 European countries"; not "Downing Street", "11 Times"."""
    w, s, e, _ = toks[i]
    w = _strip_poss(w)
    lw = w.lower()
    if len(w) < 2 or lw in _FUNCTION or lw in _MONTH_WORDS:
        return None, -1, -1
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and _qualifies(nxt) and _looks_plural(nxt[0]):
        return lw + " " + singularize(_strip_poss(nxt[0])), s, nxt[2]
    if _looks_plural(w) and not (nxt is not None and nxt[3] and nxt[0][0].isupper()):
        return singularize(w), s, e
    return None, -1, -1


def _counted_noun(toks: list[Token], i: int) -> tuple[str | None, int, int]:
    """A lowercase head: "30 dead", "aid workers", "counts of attempted murder"; not "the 3400
    block of Thorpe Street"."""
    n = len(toks)
    w, s, e, _ = toks[i]
    lw = _strip_poss(w).lower()
    if lw in _PARTICIPLE_NOUNS and not (i + 1 < n and _qualifies(toks[i + 1])):
        return lw, s, e  # "30 dead", "12 injured"
    thing, ts, te = _run(toks, i, False, True)
    if thing is None:
        return None, -1, -1
    last = thing.rsplit(" ", 1)[-1]
    if last in _OF_HEADS or last == "block":
        k = i
        while k < n and toks[k][2] <= te:
            k += 1
        if last == "block":
            if k < n and toks[k][0] == "of":
                return None, -1, -1  # "the 3400 block of Thorpe Street"
        else:
            of, oe = _of_phrase(toks, k)
            if of is not None:
                return thing + " " + of, ts, oe
    return thing, ts, te


def _of_noun(toks: list[Token], i: int) -> tuple[str | None, int, int]:
    """The noun phrase in "of (the) wheat" after a measure or a percentage."""
    n = len(toks)
    if i >= n or toks[i][0].lower() != "of":
        return None, -1, -1
    i += 1
    if i < n and toks[i][0].lower() in ("the", "its", "their", "his", "her", "our", "all", "a", "an"):
        i += 1
    if i < n and toks[i][3] and toks[i][0].isupper() and len(toks[i][0]) > 1:
        if i + 1 < n and _qualifies(toks[i + 1]):
            rest, _rs, re_ = _run(toks, i + 1, True)  # "of the AFG stock"
            if rest is not None:
                return toks[i][0].lower() + " " + rest, toks[i][1], re_
        return toks[i][0].lower(), toks[i][1], toks[i][2]  # "2.5% of GDP"
    thing, ts, te = _run(toks, i, True)
    if thing is not None and thing.split(" ", 1)[0] in _TIME_UNITS:
        return None, -1, -1  # "101 pct of a year ago"
    return thing, ts, te


def _money_thing(text: str, pos: int, attributive: bool = False) -> tuple[str | None, int, int, str]:
    """What a sum is for ("$1.2 billion in aid", "a $90 million deal") and its rate ("a share").
    A sum written as a modifier ("a 250 mln dlr fund", ``attributive``: its currency word singular)
    modifies the thing past a name or two ("a 250 mln dlr Philippine capital fund"), where the noun
    phrase ends ("The 21 mln dlr Belgian tax-spared tranche carries interest": no thing read)."""
    toks = _tokens(text, pos, 6)
    n = len(toks)
    if not n or not toks[0][3]:
        return None, -1, -1, ""
    if attributive:
        named = _names_before_thing(toks)
        if named:
            thing, ts, te = _run(toks, named, True)
            after = next((tok for tok in toks if tok[1] >= te), None)
            if thing is not None and (after is None or not _qualifies(after)):
                return thing, ts, te, ""  # the noun phrase ends there: "Philippine capital fund will be ..."
    w0 = toks[0][0].lower()
    if w0 in ("a", "an", "per") and n > 1 and toks[1][3]:
        rate = singularize(toks[1][0])
        return None, -1, -1, ("/" + rate if rate in _RATE_WORDS else "")
    if w0 == "worth" and n > 1 and toks[1][0] == "of":
        thing, ts, te = _of_noun(toks, 1)  # "$100 million worth of crude oil"
    elif w0 == "of":
        thing, ts, te = _of_noun(toks, 0)
    elif w0 == "in":
        if n > 1 and toks[1][0].lower() in _IN_STOP:
            return None, -1, -1, ""  # "in active trade", "in fiscal 1987"
        thing, ts, te = _run(toks, 1, True)
    else:
        thing, ts, te = _run(toks, 0, True)
    if thing is None or thing in _GENERIC_THINGS or thing.split()[0] in _TIME_UNITS:
        return None, -1, -1, ""
    return thing, ts, te, ""


def _names_before_thing(toks: list[Token]) -> int:
    """How many capitalized words (one or two) open ``toks`` before a lowercase word: the names a
    modifying sum reaches past to its thing ("Philippine capital fund", "Boeing 747 order" is not one)."""
    k = 0
    while k < min(2, len(toks)) and toks[k][3] and toks[k][0][:1].isupper() and len(toks[k][0]) > 1 \
            and toks[k][0].lower() not in _FUNCTION and toks[k][0].lower() not in _MONTH_WORDS:
        k += 1
    return k if k < len(toks) and toks[k][3] and toks[k][0][:1].islower() else 0


# --------------------------------------------------------------------------
# Extraction

def extract_quantities(text: str, *, ages: bool = False, compounds: bool = False) -> list[Quantity]:
    """Every figure in ``text`` (a sentence, a paragraph or a whole article).

    Offsets index into ``text``. Ages ("a 33-year-old man", "Tara Reid, 33,",
    "a nearly four-year-old invasion") are figures only when ``ages`` is true,
    as ``kind="age"``: otherwise they are left out, since a person's age is
    not a count to compare across an article. With ``compounds``, figures
    that modify a noun are read too ("a 14-car pileup", "a 101-minute film",
    ``modifies`` naming the noun), and a duration in two units is one
    figure ("1 hour, 40 minutes" is 100 minutes).
    """
    out: list[Quantity] = []
    L = len(text)
    cands = [m.start() for m in _DIGIT_CAND.finditer(text)]
    lower = text.lower()
    if len(lower) == L:
        words = [m.start() for m in _WORD_CAND.finditer(lower)]
    else:  # a few characters change length when lowercased
        words = [m.start() for m in _WORD_CAND_CI.finditer(text)]
    if words:
        cands.extend(words)
        cands.sort()
    match = _CORE.match
    match_digit = _CORE_DIGIT.match
    pos = 0
    for p in cands:
        if p < pos:
            continue
        if p and text[p - 1] == "+":
            ph = _PHONE.match(text, p - 1)
            if ph is not None:
                pos = ph.end()  # "+44 20 7946 0000"
                continue
        c = text[p]
        if c.isdigit():
            m = match_digit(text, p)
        else:
            if c == "$" and p:
                pm = _DOLLAR_PREFIX.match(text, max(0, p - 6), p)
                if pm is not None:
                    p = pm.start()
            m = match(text, p)
        if m is None:
            continue
        q, resume = _quantity(text, m, L, ages, out[-1].end if out else -1, compounds)
        if q is not None:
            out.append(q)
        pos = resume
    return _join_durations(text, out) if compounds else out


_DURATION_JOIN = regex.compile(r"\s*,?\s*(?:and\s+)?")
_UNIT_WORD = regex.compile(r"\s*-?\s*[A-Za-z]+\.?")


def _join_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """"1 hour, 40 minutes", "two hours and 10 minutes": one duration, in the smaller unit."""
    out: list[Quantity] = []
    for q in found:
        if out and q.kind == "duration" and out[-1].kind == "duration" and q.exact and out[-1].exact:
            first = out[-1]
            big, small = _UNIT_SCALE.get(first.unit), _UNIT_SCALE.get(q.unit)
            unit = _UNIT_WORD.match(text, first.end)
            gap = _DURATION_JOIN.match(text, unit.end())
            if big and small and big[0] == small[0] and big[1] > small[1] and gap is not None and gap.end() == q.start:
                value = first.value * big[1] / small[1] + q.value
                out[-1] = first._replace(end=q.end, text=text[first.start:q.end], value=value, low=value, high=value,
                                         unit=q.unit, step=q.step, modifies=q.modifies or first.modifies)
                continue
        out.append(q)
    return out


#: Measures and durations by dimension, with their size in its base unit: figures
#: in miles and km, acres and hectares, minutes and hours compare.
_UNIT_SCALE: dict[str, tuple[str, float]] = {
    "m": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "mile": ("length", 1609.344), "ft": ("length", 0.3048), "inch": ("length", 0.0254), "yard": ("length", 0.9144),
    "nautical mile": ("length", 1852.0),
    "acre": ("area", 4046.856), "hectare": ("area", 10000.0), "square km": ("area", 1e6),
    "square mile": ("area", 2589988.0), "square m": ("area", 1.0), "square ft": ("area", 0.0929),
    "tonne": ("mass", 1000.0), "ton": ("mass", 1000.0), "kg": ("mass", 1.0), "g": ("mass", 0.001),
    "lb": ("mass", 0.4536), "oz": ("mass", 0.02835), "troy ounce": ("mass", 0.0311),
    "litre": ("volume", 1.0), "gallon": ("volume", 3.785), "barrel": ("volume", 159.0), "cubic m": ("volume", 1000.0),
    "mph": ("speed", 1.609), "knot": ("speed", 1.852),
    "second": ("time", 1.0), "minute": ("time", 60.0), "hour": ("time", 3600.0), "day": ("time", 86400.0),
    "week": ("time", 604800.0), "month": ("time", 2629800.0), "year": ("time", 31557600.0),
    "decade": ("time", 315576000.0), "century": ("time", 3155760000.0),
}
#: Units whose size differs by use: a ton is 907, 1,000 or 1,016 kg.
_LOOSE_UNITS = frozenset({"ton"})


def dimension(q: Quantity) -> tuple[str, float, float]:
    """A figure's dimension, the size of its unit in the dimension's base unit and the slack its
    unit allows: "101 min." and "1 hour, 41 minutes" are both 6,060 seconds ("time", 60 and 60.0
    per minute). Money keeps its currency (never mixed), counts and percentages their unit."""
    if q.kind in ("measure", "duration"):
        scale = _UNIT_SCALE.get(q.unit)
        if scale is not None:
            return scale[0], scale[1], 0.1 if q.unit in _LOOSE_UNITS else 0.0
    return q.unit, 1.0, 0.0


def significant_digits(value: float) -> int:
    """A number's significant digits: 413,800 has four, 2.1 two, 1,000 one."""
    return len(f"{value:.6f}".replace(".", "").strip("0"))


def specific_value(value: float) -> bool:
    """A number unlikely to recur by chance: three significant digits or more (65.50, 413,800; not
    1,000 or 2.1)."""
    return significant_digits(value) >= 3


def _suffix(text: str, end: int, m: regex.Match) -> tuple[str | None, int, str, str]:
    """What a number's unit is, from the word after it (``m``: _NEXT matched at end).

    Returns (kind, end, currency word, currency country) with kind one of
    ``pct``, ``pp`` (percentage points), ``bp``, ``cur`` or None.
    """
    gap, hyphen, tok = m.groups()
    if tok is None:
        return None, end, "", ""
    if tok == "%":
        e = m.end()
        pm = _POINTS.match(text, e)
        return ("pp", pm.end(), "", "") if pm else ("pct", e, "", "")
    c0 = tok[0]
    if not c0.isalpha():
        return None, end, "", ""
    tend = m.end()
    if tok.endswith(".") and "." not in tok[:-1].rstrip("."):
        tend -= len(tok) - len(tok.rstrip("."))
        tok = tok.rstrip(".")  # "dlrs." at the end of a sentence
    low = tok.lower()
    if low in ("percent", "pct", "percentage", "per"):
        if low == "per":
            pc = _PER_CENT.match(text, end)
            if pc is None:
                return None, end, "", ""
            e, age = pc.end(), pc.group("age")
        else:
            e, age = tend, low == "percentage"
        pm = _POINTS.match(text, e)
        if pm is not None:
            return "pp", pm.end(), "", ""
        return ("pp" if age else "pct"), e, "", ""
    if hyphen or not gap:
        return None, end, "", ""
    if low in ("bp", "bps"):
        return "bp", tend, "", ""
    if low == "basis":
        bm = _BASIS.match(text, end)
        return ("bp", bm.end(), "", "") if bm else (None, end, "", "")
    if low in _CURRENCY_WORD:
        if low in ("pound", "pounds"):
            st = _STERLING.match(text, tend)
            if st is not None:
                return "cur", st.end(), "sterling", ""
        return "cur", tend, low, ""
    if tok in _CUR_ADJ_FIRST:
        cm = _CUR_ADJ_RE.match(text, end)
        if cm is not None and cm.group("word").lower() in _CURRENCY_WORD:
            adj = " ".join(cm.group("adj").lower().split())
            return "cur", cm.end(), cm.group("word").lower(), adj
    return None, end, "", ""


def _after(text: str, end: int, L: int, m: regex.Match | None = None) -> tuple[str | None, int]:
    """Classify what follows a number: (label, end of what was read).

    Labels: age ("-year-old"), odd, plus, orless, mag, date, time, decade,
    compound ("-member"), fraction, to, appos (punctuation, as in "Reid,
    33,"), or None. ``m`` may be _NEXT already matched at end.
    """
    if end >= L:
        return "appos", end
    c = text[end]
    if c in "'’" and end + 1 < L and text[end + 1] == "s" and (end + 2 >= L or not text[end + 2].isalnum()):
        return "decade", end + 2
    if c == "+":
        return "plus", end + 1
    if m is None:
        m = _NEXT.match(text, end)
    gap, hyphen, tok = m.groups()
    if tok is None:
        return "appos", end
    c0 = tok[0]
    if not c0.isalpha():
        if not hyphen and (c0 in ",;)" or (c0 == "." and not (m.end() < L and text[m.end()].isdigit()))):
            return "appos", end
        if c0 == "/" and m.end() < L and text[m.end():m.end() + 2].strip()[:1].isdigit():
            return "date", end  # "04 / 9 / 2012"
        return None, end
    low = tok.lower()
    if low.rstrip(".") in _AGE_UNITS:
        am = _AGE_AFTER.match(text, end)
        if am is not None:
            return "age", am.end()
    if low in _FRACTIONS:
        return "fraction", end
    if low == "odd":
        return "odd", m.end()
    if low == "plus":
        return "plus", m.end()
    if low == "magnitude":
        return "mag", m.end()
    if hyphen:
        return "compound", end
    if not gap:
        return None, end
    if low == "or":
        om = _OR_AFTER.match(text, end)
        if om is not None:
            return ("odd" if om.group("so") else "plus" if om.group("more") else "orless"), om.end()
        return None, end
    t = tok.rstrip(".")
    if t in _MONTH_WORDS or (t.isupper() and t.capitalize() in _MONTH_WORDS):
        return "date", end
    if low in _TIME_WORDS:
        return "time", end
    if low in ("to", "at") and _TO_AFTER.match(text, end):
        return "to", end
    if low == "on":
        rm = _RICHTER_AFTER.match(text, end)
        if rm is not None:
            return "mag", rm.end()
    if low in _APPOS_WORDS:
        return "appos", end
    return None, end


class _Reading:
    """One number match on its way to a Quantity: what each step has decided so far.

    The steps run in order and each decides one thing (the number; its unit;
    the words before; whether it names something rather than counts; dates
    and times; a range; an open bound; an age; a magnitude; its role; what
    it counts). A step that finds the match is no figure returns False, and
    ``resume`` says where scanning goes on.
    """

    __slots__ = ("text", "m", "L", "start", "end", "resume", "n1", "w1", "v1", "cur", "m1", "m2", "between",
                 "rsep", "n2", "w2", "wm", "fn", "fd", "wm2", "is_digits", "qualifier", "step", "vague", "lo", "hi",
                 "value", "suf", "cword", "cadj", "nm", "plain", "bpos", "rw", "pw", "pw2", "pw3", "dot",
                 "name_word", "punct", "cw", "kind_after", "after_end", "n1_int", "low", "high", "role")

    def __init__(self, text: str, m: regex.Match, L: int) -> None:
        self.text, self.m, self.L = text, m, L
        self.start, self.end = m.span()
        self.resume = self.end
        (self.n1, self.w1, self.v1, self.cur, self.m1, self.m2, self.between, self.rsep, self.n2, self.w2,
         self.wm, self.fn, self.fd, self.wm2) = _CORE_GROUPS(m.groups())
        self.is_digits = self.n1 is not None
        self.qualifier = ""
        self.step = 1.0
        self.vague = False
        self.lo = self.hi = 0.0
        self.role = "level"

    # -- the number itself --------------------------------------------------------
    def number(self) -> bool:
        """Its value and precision as written; False for codes, years and glued words."""
        if self.is_digits:
            return self._digits()
        if self.v1 is not None:
            self._vague()
            return True
        return self._words()

    def _digits(self) -> bool:
        text, n1, m1 = self.text, self.n1, self.m1
        if self.end < self.L and text[self.end].isalpha():
            return False  # glued letters: 1990s, 27th, 3D, 5G, 747s
        if n1[0] == "0" and len(n1) > 1 and n1[1].isdigit():
            return False  # 0900, 007: times and codes
        start = self.start
        if start >= 3 and text[start - 1] == " " and text[start - 2] == "." and text[start - 3].isdigit():
            return False  # "6. 1": the decimals of a number that tokenized text split ("magnitude 6. 1")
        if m1 is not None:
            if m1.strip() in _MONEY_ONLY_MULT and not self.cur:
                return False  # "5m" without currency is metres
        elif not self.cur and len(n1) == 4 and n1.isdigit() and 1700 <= int(n1) <= 2100:
            return False  # years: 1987, in 2014, 1993 to 2001
        value, step = _num(n1)
        fn, fd = self.fn, self.fd
        if fd is not None and int(fd) > int(fn) > 0:
            value += int(fn) / int(fd)  # Reuters fractions: "9-1/2 pct", "fell 2-1/8"
            step = 1.0 / int(fd)
        if m1:
            mult = _mult(m1)
        elif self.m2 and self.n2 is not None:
            mult = _mult(self.m2)  # "$140-150 million"
        else:
            mult = 1.0
        self.value = value * mult
        self.step = step * mult
        return True

    def _vague(self) -> None:
        """"several hundred", "tens of thousands", "dozens": a range, not a value."""
        self.vague = True
        lv = " ".join(self.v1.lower().split())
        if lv.startswith(("several", "a few", "a couple")):
            rest = lv[12:] if lv.startswith("a couple of ") else lv.split(" ", 1)[1]
            scale = 12.0 if "dozen" in lv else (_parse_words(rest) or 1.0)
            lo, hi = (3 if lv.startswith("several") else 2) * scale, 10 * scale
        elif lv.startswith(("tens of", "hundreds of")):
            scale = (10 if lv.startswith("tens") else 100) * (1e3 if lv.endswith("thousands") else 1e6)
            lo, hi = 2 * scale, 10 * scale
        else:
            scale = _VAGUE_SCALE[lv]
            lo, hi = 2 * scale, 10 * scale
        self.lo, self.hi = lo, hi
        self.value = lo
        self.step = scale
        self.qualifier = "vague"

    def _words(self) -> bool:
        w1 = self.w1
        lw1 = w1.lower()
        if lw1 in _SCALES or (self.start and self.text[self.start - 1] == "-"):
            return False  # "the million dollar question", "multi-million", "one-for-one"
        parsed = _parse_words(w1)
        if parsed is None:
            return False
        value = parsed
        wmult = self.wm or (self.wm2 if self.rsep is not None else None)
        if wmult:
            value *= _mult(wmult)  # "three mln", "between four and seven mln"
            self.step = _mult(wmult)
            self.m1 = wmult
        if "dozen" in lw1:
            self.qualifier = "about"  # "a dozen" is loose
        if value >= 1000 and any(x in lw1 for x in ("thousand", "million", "billion", "trillion")):
            self.step = 10.0 ** int(math.log10(value))
        self.value = value
        return True

    # -- what follows and what comes before -----------------------------------------
    def unit_suffix(self) -> None:
        """%, per cent, percentage points, basis points, dlrs: the unit right after the number."""
        self.suf, self.cword, self.cadj = None, "", ""
        self.nm = nm = _NEXT.match(self.text, self.end)
        if self.rsep is None or self.n2 is not None or self.w2 is not None:
            suf, suf_end, cword, cadj = _suffix(self.text, self.end, nm)
            if suf == "cur" and cword in _AMBIGUOUS_CURRENCY and not (
                    self.m1 or cadj or cword == "sterling" or self.value >= 1e6):
                suf = None  # "5 pounds", "won": the noun logic reads the word
            if suf is not None:
                self.end = self.resume = suf_end
                self.nm = _NEXT.match(self.text, self.end)
            self.suf, self.cword, self.cadj = suf, cword, cadj
        self.plain = self.is_digits and not (self.cur or self.m1 or self.suf)

    def words_before(self) -> None:
        """Up to four words before: a qualifier ("more than"), and the words a label or a change shows in."""
        text, start = self.text, self.start
        self.bpos = start
        rw = pw = pw2 = pw3 = ""  # previous words: raw, then lowercased
        dot = name_word = False
        punct = cw = None
        bm = _BEFORE.match(text, start - 60 if start > 60 else 0, start)
        if bm is not None:
            ws = _BEFORE_GROUPS(bm.groups())
            cw, punct = ws[4], ws[5] or ws[6]
            top = 3
            if ws[3] is not None:
                if not self.between and not self.vague and ws[3].lower().rstrip(".") in _QUAL_LAST:
                    low3 = [w.lower().rstrip(".") if w is not None else "" for w in ws[:4]]
                    for k in (3, 2, 1):
                        qual = _QUAL_TUPLES.get(tuple(low3[4 - k:4]))
                        if qual is not None:
                            self.qualifier = qual
                            self.bpos = bm.start(_WNAMES[4 - k])
                            top -= k
                            break
                if top >= 0 and ws[top] is not None:
                    rw = ws[top]
                    dot = rw.endswith(".")
                    if dot:
                        rw = rw.rstrip(".")
                    pw = rw.lower()
                    if top >= 1 and ws[top - 1] is not None:
                        pw2 = ws[top - 1].lower()
                        if rw[0].isupper() and not pw2.endswith(".") and pw in _FUNCTION \
                                and "\n" not in text[bm.end(_WNAMES[top - 1]):bm.start(_WNAMES[top])]:
                            name_word = True  # "the Lower 48", "AM 830": part of a name
                        pw2 = pw2.rstrip(".")
                        if top >= 2 and ws[top - 2] is not None:
                            pw3 = ws[top - 2].lower().rstrip(".")
        if self.between:
            self.qualifier = "between"
        self.rw, self.pw, self.pw2, self.pw3 = rw, pw, pw2, pw3
        self.dot, self.name_word, self.punct, self.cw = dot, name_word, punct, cw

    def names_something(self) -> bool:
        """A number that is part of a name or a label: "Article 5", "Boeing 737", "No. 10", "#5", a phone."""
        pw, rw, w1, text, end, L = self.pw, self.rw, self.w1, self.text, self.end, self.L
        sentence_start = self.dot and pw not in _ABBREV_LABELS
        if pw and not self.qualifier and not sentence_start:
            if w1 is not None and (pw in _LABELS or rw in _MONTH_WORDS or (w1[0].isupper() and (
                    rw[0].isupper() or (end + 1 < L and text[end] == " " and text[end + 1].isupper())))):
                return True  # "Unit Two", "March nine", "the Nine Mile Point"
            if self.plain:
                if pw in _LABELS or (self.dot and pw in _ABBREV_LABELS):
                    return True  # "Article 5", "flight 370", "No. 10"
                if ("," not in self.n1 and not rw.islower() and (pw not in _FUNCTION or self.name_word or rw.isupper())
                        and rw not in _MONTH_WORDS and not pw.endswith(("s", "ed")) and rw not in ("A", "I")):
                    return True  # "Boeing 737", "Section 230", "iOS 7", "the Lower 48"
        punct = self.punct
        if self.plain and not self.qualifier and punct is not None:
            if punct in "#№/-":
                return True  # "#5", "04 / 9 / 2012", "AK - 47" (tokenized text)
            if punct == "(" and text.startswith(") ", end) and end + 2 < L and text[end + 2].isdigit():
                return True  # "(202) 555-0100"
        return False

    def is_date_or_time(self) -> bool:
        """"Feb 26", "26 February", "3 p.m.", "1500 GMT", "1930's"; reads what follows for the next steps."""
        self.kind_after, self.after_end = _after(self.text, self.end, self.L, self.nm)
        kind_after, value = self.kind_after, self.value
        self.n1_int = n1_int = self.plain and self.n1.isdigit()
        if self.plain:
            rw = self.rw
            if n1_int and value <= 31 and (kind_after == "date" or rw in _MONTH_WORDS or (
                    rw.isupper() and rw.capitalize() in _MONTH_WORDS)):
                return True  # "Feb 26", "January 5", "26 February"
            if kind_after == "time" and value <= 2400:
                return True  # "3 p.m.", "1500 GMT"
            if kind_after == "decade":
                return True  # "1930's"
        elif self.is_digits and kind_after == "time" and not (self.cur or self.suf) and "," not in self.n1 \
                and value <= 2400:
            return True
        return False

    # -- ranges and bounds -------------------------------------------------------------
    def range(self) -> bool:
        """X-Y, X to Y, X or Y, between X and Y: one range, or two figures ("from 30 to 35");
        False for scores, phone numbers and seasons ("3-1", "555-0100", "1986-87")."""
        self.low = self.high = value = self.value
        rsep = self.rsep
        if rsep is None:
            if self.vague:
                self.low, self.high = self.lo, self.hi
            return True
        n1, n2, text, pw = self.n1, self.n2, self.text, self.pw
        if n2 is not None:
            v2 = _num(n2)[0] * _mult(self.m2)
        else:
            v2 = (_parse_words(self.w2 or "") or 0.0) * _mult(self.wm2)
        sep = rsep.strip().lower()
        if sep in ("-", "–", "—"):
            if v2 <= value or pw in _SCORE_WORDS or self.pw2 in _SCORE_WORDS or self.pw3 in _SCORE_WORDS:
                return False  # scores: 3-1, a 5-4 vote, won 21-24
            if self.plain and n2 is not None and rsep == "-" and (
                    (len(n1) == 3 and len(n2) == 4) or (self.end < self.L and text[self.end] == "-")):
                return False  # phone numbers: 555-0100, 202-555-0100
            if self.plain and self.n1_int and len(n1) == 4 and 1700 <= value <= 2100:
                return False  # 1986-87
        split = v2 <= value or (sep == "to" and value > 0 and v2 > 10 * value)
        if sep == "to" and not self.qualifier and pw == "from":
            split = True  # "from 30 to 35": a change, two figures
            self.role = "previous"
        if split:
            m = self.m
            if self.is_digits:
                end = m.end("m1") if self.m1 else m.end("fd") if self.fd else m.end("n1")
            elif self.w1 is not None:
                end = m.end("wm") if self.wm else m.end("w1")
            else:
                end = m.end("v1")
            self.end = self.resume = end
            self.suf = None
            self.cword = self.cadj = ""
            self.kind_after, self.after_end = _after(text, end, self.L)
        else:
            self.low, self.high = value, v2
            if not self.qualifier:
                self.qualifier = "between"
        if self.vague:
            self.low, self.high = self.lo, self.hi
        return True

    def open_bound(self) -> None:
        """"30-odd", "30-plus", "30 or more", "30 or fewer"."""
        kind_after = self.kind_after
        if kind_after in ("odd", "plus", "orless") and self.qualifier != "between":
            if kind_after == "odd":
                self.qualifier = self.qualifier or "about"
            elif kind_after == "plus":
                self.qualifier = "at least"
            else:
                self.qualifier = "up to"
            self.end = self.resume = max(self.resume, self.after_end)
            self.kind_after, self.after_end = _after(self.text, self.end, self.L)

    # -- figures of a kind of their own ----------------------------------------------
    def age_unit(self) -> tuple[str | None, int]:
        """The unit of an age ("33-year-old", "aged 33", "Tara Reid, 33,", "dies at 91") and where it ends."""
        if self.kind_after == "age" and not self.suf and not self.cur:
            u = self.text[self.end:self.after_end].lower()
            return next((x for x in ("month", "week", "day") if x in u), "year"), self.after_end
        pw, pw2 = self.pw, self.pw2
        if self.n1_int and self.value < 130 and (
                pw in _AGE_WORDS or (pw == "at" and pw2 in _DIE_WORDS) or (pw == "of" and pw2 == "age")
                or (pw in _BE_WORDS and (pw2 in _PRONOUNS or (pw2 == "will" and self.pw3 in _PRONOUNS)))
                or (self.punct is not None and self.punct in ",(" and self.cw and self.kind_after == "appos")):
            return "year", self.end
        return None, self.end

    def age(self, unit: str, age_end: int) -> Quantity:
        thing, ts, te = None, -1, -1
        if self.kind_after == "age":
            h, hs, he, cat, _inc = _head(self.text, age_end)
            if cat == "count" and h is not None:
                thing, ts, te = h, hs, he
        return self._quantity(age_end, "age", unit, thing, ts, te, "level")

    def is_magnitude(self) -> bool:
        pw = self.pw
        return self.is_digits and not (self.cur or self.suf) and self.value < 10 and (
            self.kind_after == "mag" or pw.rstrip("-") == "magnitude" or (pw == "of" and self.pw2 == "magnitude"))

    def magnitude(self) -> Quantity:
        """An earthquake's magnitude: "magnitude 6.1", "a 6.1-magnitude quake", "6.1 on the Richter scale"."""
        text, bpos, end, after_end = self.text, self.bpos, self.end, self.after_end
        if self.kind_after == "mag":
            qend = after_end
            ts = text.lower().find("magnitude", end, after_end)
            te = ts + 9
            if ts < 0:  # "on the Richter scale": the mention keeps the number only
                qend = end
                ts = after_end - 7
                te = after_end
        else:
            qend = end
            ts = text.lower().rfind("magnitude", max(0, bpos - 20), bpos)
            te = ts + 9
        self.resume = max(self.resume, qend)
        return self._quantity(qend, "magnitude", "magnitude", "magnitude", ts, te, "level")

    # -- role and counted thing ---------------------------------------------------------
    def read_role(self, last_end: int) -> None:
        """A change ("rose 5%", "another 30") or an earlier value ("vs 39 cts", "from 30 to 35")."""
        pw, pw2 = self.pw, self.pw2
        if self.role != "level" or not pw:
            return
        if (pw in _CHANGE_WORDS or pw in _INCREMENT_WORDS or (pw == "by" and pw2 in _CHANGE_WORDS)
                or (pw == "of" and pw2 in _CHANGE_OF)):
            self.role = "change"
        elif (pw in _PREVIOUS_WORDS or (pw == "from" and pw2 in ("up", "down", "a"))
                or (pw in ("with", "to") and pw2 == "compared")
                or (pw == "from" and (self.kind_after == "to" or 0 <= self.bpos - last_end <= 8))):
            self.role = "previous"

    def counted(self) -> Quantity | None:
        """Kind, unit and counted thing: money, a percentage, a measure, a duration or a count of things;
        None for a score's noun ("a 9-14 start") and "one" as an idiom ("at one point")."""
        text, end = self.text, self.end
        thing: str | None = None
        ts = te = -1
        # the first word after the number, when no unit was read: most figures in
        # newswire tables are followed by punctuation or a function word, and
        # then there is no counted thing to look for
        first = ""
        if self.nm is not None:
            first = self.nm.group(3) or ""
            first = "." if first and not first[0].isalpha() else first.lower()
        suf = self.suf
        if self.cur or suf == "cur":
            kind = "money"
            unit, thing, ts, te = self._money(first)
        elif suf == "pct" or suf == "pp":
            kind = "percent"
            unit = "percent" if suf == "pct" else "percentage point"
            if _OF_NEXT.match(text, end):
                thing, ts, te = _of_noun(_tokens(text, end, 6), 0)
        elif suf == "bp":
            kind, unit = "percent", "basis point"
        else:
            read = self._counted_words(first)
            if read is None:
                return None
            kind, unit, thing, ts, te = read
        return self._quantity(end, kind, unit, thing, ts, te, self.role)

    def _money(self, first: str) -> tuple[str, str | None, int, int]:
        """A sum's currency (a subunit, "cents", scales the value to its unit) and what it is for
        ("$1 million in damage"), with where that is."""
        if self.cur:
            unit = _CURRENCY_SYMBOL.get(self.cur.replace(" ", "").upper(), "USD")
        else:
            unit = _CURRENCY_ADJ.get(self.cadj, "") or _CURRENCY_WORD[self.cword]
            if self.cword in _SUBUNIT:
                self.value /= 100.0
                self.low /= 100.0
                self.high /= 100.0
                self.step /= 100.0
        if first != "." and (first not in _FUNCTION or first in _MONEY_LEADS):
            thing, ts, te, rate = _money_thing(self.text, self.end, self.cword + "s" in _CURRENCY_WORD)
            return unit + rate, thing, ts, te
        return unit, None, -1, -1

    def _counted_words(self, first: str) -> tuple[str, str, str | None, int, int] | None:
        """A figure with no currency or percent sign: (kind, unit, thing, start, end) from the words
        after it: a duration, a measure, money in words ("millions of dollars") or a count of things;
        None for a score ("a 9-14 start") and "one" as an idiom."""
        kind = unit = "count"
        thing: str | None = None
        ts = te = -1
        hpos = self.end
        vague = self.vague
        if vague:
            toks = _tokens(self.text, self.end, 1)
            if toks and toks[0][0].lower() == "of":
                hpos = toks[0][2]  # "dozens of people"
        if not vague and (first == "." or (first in _FUNCTION and first not in _MODIFIERS)):
            h, hs, he, cat, inc = None, -1, -1, "count", False  # "Net 10.6 mln vs 5,967,000"
        else:
            h, hs, he, cat, inc = _head(self.text, hpos)
        if inc and self.role == "level":
            self.role = "change"  # "30 more troops", "800,000 additional troops"
        if cat.startswith("duration:"):
            kind, unit = "duration", cat[9:]
        elif cat.startswith("measure:"):
            kind, unit = "measure", cat[8:]
            thing, ts, te = h, hs, he
        elif h in _CURRENCY_WORD and h not in _AMBIGUOUS_CURRENCY:
            kind, unit = "money", _CURRENCY_WORD[h]  # "millions of dollars"
        else:
            thing, ts, te = h, hs, he
            if self.rsep is not None and self.rsep.strip() in ("-", "–", "—") and h in _SCORE_NOUNS:
                return None  # "a 9-14 start", "a 5-4 vote"
        w1 = self.w1
        if w1 is not None and w1.lower() == "one":
            if thing is None or thing in _ONE_IDIOMS or self.pw in ("no", "the", "this", "that", "any", "every",
                                                                    "each"):
                return None  # "one of", "at one point", "the one"
        return kind, unit, thing, ts, te

    def compound(self) -> Quantity | None:
        """A figure that modifies a noun: "a 14-car pileup" counts 14 cars of the pileup,
        "a 101-minute film" lasts 101 minutes; None when the word after the hyphen is no noun."""
        toks = _tokens(self.text, self.end, 6)
        if len(toks) < 3 or toks[0][0] != "-" or not toks[1][3]:
            return None
        word, ws, we, _ = toks[1]
        lw = word.lower()
        if not word[0].islower() or lw in _FUNCTION or lw in _UNITS or lw in _TENS or lw in _SCALES:
            return None
        if [t[0].lower() for t in toks[2:4]] == ["running", "time"]:
            owner = "running time"  # "running" alone is no thing ("a running total")
        else:
            owner = _run(toks, 2, True)[0]
        if owner is None:
            return None
        self.role = "level"
        if lw in _TIME_UNITS:
            kind, unit, thing = "duration", _TIME_UNITS[lw], None
        elif lw in _MEASURES:
            kind, unit, thing = "measure", _MEASURES[lw], None
        else:
            kind, unit, thing = "count", "count", singularize(lw)
        self.resume = max(self.resume, we)
        return self._quantity(we, kind, unit, thing, ws if thing else -1, we if thing else -1, "level", owner)

    def _quantity(self, end: int, kind: str, unit: str, thing: str | None, ts: int, te: int, role: str,
                  modifies: str = "") -> Quantity:
        low, high = _apply_qualifier(self.qualifier, self.low, self.high)
        return Quantity(self.bpos, end, self.text[self.bpos:end], self.value, low, high, self.qualifier, kind, unit,
                        thing, ts, te, role, self.step, modifies)


def _quantity(
    text: str, m: regex.Match, L: int, ages: bool, last_end: int, compounds: bool = False
) -> tuple[Quantity | None, int]:
    """Turn one number match into a Quantity (or None) and where to scan on.

    ``last_end`` is where the previous figure ended, for "30 mln dlrs from 25
    mln dlrs" (the second is an earlier value).

    Scanning resumes inside the match when a would-be range turns out to be
    two figures ("rose 1.5 to 30.5", "from 30 to 35").
    """
    reading = _Reading(text, m, L)
    if not reading.number():
        return None, reading.resume
    reading.unit_suffix()
    reading.words_before()
    if reading.names_something() or reading.is_date_or_time() or not reading.range():
        return None, reading.resume
    reading.open_bound()
    age_unit, age_end = reading.age_unit()
    if age_unit is not None:
        if not ages:
            return None, max(reading.resume, age_end)
        return reading.age(age_unit, age_end), max(reading.resume, age_end)
    if reading.is_magnitude():
        return reading.magnitude(), reading.resume
    if reading.kind_after == "compound" and compounds:
        return reading.compound(), reading.resume
    if reading.kind_after == "compound" or reading.kind_after == "fraction":
        return None, reading.resume  # "a 10-year plan", "a 12-member team"; "two thirds"
    reading.read_role(last_end)
    return reading.counted(), reading.resume


def _apply_qualifier(qualifier: str, low: float, high: float) -> tuple[float, float]:
    """The range a qualifier allows around a stated value or range."""
    return qualified_range(qualifier, low, high)


def qualified_range(qualifier: str, low: float, high: float, about: float = APPROX, nearly: float = APPROX,
                    just_over: float = APPROX) -> tuple[float, float]:
    """The range a qualifier allows around a stated value or range, with the relative widths of
    "about" (both sides), "nearly" (below) and "just over" (above); bounds are open on one side."""
    if qualifier == "about":
        return low * (1 - about), high * (1 + about)
    if qualifier == "nearly":
        return low * (1 - nearly), high
    if qualifier in ("more than", "at least"):
        return low, INF
    if qualifier == "just over":
        return low, high * (1 + just_over)
    if qualifier in ("up to", "fewer than"):
        return 0.0, high
    return low, high


# --------------------------------------------------------------------------
# Comparing

def _norm_thing(thing: str) -> str:
    """Lowercase, single spaces, last word singular: how things and synonym keys compare."""
    parts = thing.lower().split()
    if not parts:
        return ""
    if "of" in parts[1:]:
        i = parts.index("of", 1)
        parts[i - 1] = singularize(parts[i - 1])  # "heads of state"
    else:
        parts[-1] = singularize(parts[-1])
    return " ".join(parts)


def canonical_thing(thing: str | None, synonyms: Mapping[str, str] | None = None) -> str | None:
    """The counted thing under the caller's equivalences.

    ``synonyms`` maps a thing to its canonical name (``{"soldiers": "troops",
    "persons": "people"}``, as written in YAML); keys and values are
    normalized like extracted things, so plurals and case do not matter.
    """
    if thing is None:
        return None
    key = _norm_thing(thing)
    if not synonyms:
        return key
    for k, v in synonyms.items():
        if _norm_thing(k) == key:
            return _norm_thing(v)
    return key


def _synonym_map(synonyms: Mapping[str, str] | None) -> dict[str, str]:
    """Normalize a synonyms mapping, once per mapping: conflicts() runs for many pairs.

    The mapping (read from YAML) is treated as read-only; a changed size
    renormalizes it.
    """
    if not synonyms:
        return {}
    cached = _SYN_CACHE.get(id(synonyms))
    if cached is not None and cached[0] is synonyms and cached[1] == len(synonyms):
        return cached[2]
    norm = {_norm_thing(k): _norm_thing(v) for k, v in synonyms.items()}
    if len(_SYN_CACHE) > 64:
        _SYN_CACHE.clear()
    _SYN_CACHE[id(synonyms)] = (synonyms, len(synonyms), norm)
    return norm


_SYN_CACHE: dict[int, tuple[Mapping[str, str], int, dict[str, str]]] = {}


def conflicts(
    a: Quantity,
    b: Quantity,
    tolerance: float = 0.0,
    synonyms: Mapping[str, str] | None = None,
) -> bool:
    """True when a and b count the same thing with values that cannot both hold.

    Both must be levels (not changes or earlier values) of the same kind and
    unit and the same counted thing after ``synonyms``; a figure without a
    counted thing is never compared, since that is where false conflicts
    come from. Each range is widened by half its written precision (for
    exact figures) and by ``tolerance`` (relative: 0.05 is 5%), and the two
    conflict only if the widened ranges do not overlap: ranges that only touch
    conflict (``ranges_conflict``: "34 countries", 33.5 to 34.5 as rounding
    goes, and "35 countries" are two counts), unless one is a point.
    So "more than 30 countries" and "35 countries" agree, "nearly 800,000" and
    "800,000" agree, and "35 countries" and "30" or "34 countries" conflict.
    """
    if a.thing is None or b.thing is None:
        return False
    if a.role != "level" or b.role != "level" or a.kind != b.kind or a.unit != b.unit:
        return False
    syn = _synonym_map(synonyms)
    ta = _norm_thing(a.thing)
    tb = _norm_thing(b.thing)
    if syn:
        ta = syn.get(ta, ta)
        tb = syn.get(tb, tb)
    if ta != tb:
        return False
    return ranges_conflict(_widen(a, tolerance), _widen(b, tolerance))


def ranges_conflict(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two widened ranges (rounding and tolerance allowed for) cannot both hold: apart,
    or only touching ("three injured", 2.5 to 3.5 as rounding goes, and "four injured", 3.5 to
    4.5, are two counts), unless one is a point (a bound's edge, a value with no precision)."""
    (alo, ahi), (blo, bhi) = a, b
    if alo == ahi or blo == bhi:
        return ahi < blo or bhi < alo
    return ahi <= blo or bhi <= alo


def _widen(q: Quantity, tolerance: float) -> tuple[float, float]:
    """A quantity's range with room for rounding and the caller's tolerance."""
    lo, hi = q.low, q.high
    if q.qualifier in ("", "between"):
        lo -= q.step / 2
        hi += q.step / 2
    return lo * (1 - tolerance), hi * (1 + tolerance)


# --------------------------------------------------------------------------
# Command line: a look at what is extracted, and throughput

def _main(argv: list[str] | None = None) -> int:
    """``python -m factlint.quantities [--bench] [--ages] [FILE ...]``."""
    import argparse
    import glob
    import json
    import os
    import time

    ap = argparse.ArgumentParser(prog="python -m factlint.quantities", description=_main.__doc__)
    ap.add_argument("files", nargs="*", help="text files (or .jsonl with a 'body' field) to show")
    ap.add_argument("--bench", action="store_true", help="measure words/second on the shared corpora")
    ap.add_argument("--corpora", default=os.path.join("..", "shared", "corpora"))
    ap.add_argument("--ages", action="store_true")
    args = ap.parse_args(argv)

    def read(path: str) -> list[str]:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as fh:
                return [b for b in (json.loads(line).get("body") for line in fh) if b]
        with open(path, encoding="utf-8") as fh:
            return [fh.read()]

    if args.bench:
        sets = {
            "reuters21578": read(os.path.join(args.corpora, "reuters21578.jsonl")),
            "ecbplus-dev": [d for f in sorted(glob.glob(os.path.join(args.corpora, "ecbplus-dev", "*", "*.txt")))
                            for d in read(f)],
        }
        for name, docs in sets.items():
            words = sum(len(d.split()) for d in docs)
            best = INF
            n = 0
            for _ in range(3):
                t0 = time.process_time()
                n = sum(len(extract_quantities(d)) for d in docs)
                best = min(best, time.process_time() - t0)
            print(f"{name}: {len(docs)} docs, {words:,} words, {n:,} quantities, "
                  f"{best:.2f} s CPU, {words / best:,.0f} words/s")
        return 0
    for path in args.files:
        for doc in read(path):
            for q in extract_quantities(doc, ages=args.ages):
                rng = f"{q.low:g}..{q.high:g}" if not q.exact else f"{q.value:g}"
                print(f"{path}:{q.start}\t{q.text!r}\t{rng}\t{q.qualifier or '-'}\t{q.kind}/{q.unit}"
                      f"\t{q.thing or '-'}\t{q.role}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
