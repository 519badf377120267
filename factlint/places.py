"""Find place mentions in plain text, with the context that says what kind of
mention each one is.

A bare string match is not enough for the ``locations`` check: "Paris Hilton"
is a person, "Moscow said" is a government, "Nice work" is an adjective, and
only some mentions say where something happened. So every mention carries a
``context``:

``dateline``
    opens the text, one of its first lines (after a headline) or a line
    after a blank one: "PARIS (AP) —", "KYIV, Ukraine —", "SALVADOR,
    Feb 26 -". All capitals, or any case with an agency or date.
``locative``
    after a locative preposition: "held in Berlin", "near Reading",
    "north of Kyiv", "in the Ukrainian capital, Kyiv", "deep inside Russia";
    also the second of "in Paris and Berlin".
``directional``
    after "from", "to", "into", "toward(s)", "via": origin or destination,
    weaker evidence of where an event was.
``based``
    "a Paris-based firm", "based in Paris": where someone is, not an event.
``qualifier``
    a city with its state or country and no preposition: "Paris, Texas,
    is ..." (with a preposition the context is ``locative`` and the
    qualifier is still recorded in ``PlaceMention.qualifier``).
``mention``
    any other use of a well-known place: "tensions over Greenland and
    Venezuela".
``possessive``
    "Kyiv's forces", "at Moscow's request": an attribute of a government or
    a country, not a location.
``metonymy``
    the place stands for its government, as the subject of a speech or
    decision verb: "Moscow said", "Washington warned", "Kyiv has rejected",
    "Beijing insists". These are *returned, flagged* (not dropped) so that
    callers can count them; an event-location check must skip them.

What is never returned:

- person and organisation names: a place name glued to another capitalised
  word that is not a place containing it ("Florence Pugh", "Jordan
  Peterson", "Paris Hilton", "Washington Irving", "New York Times",
  "Texas Instruments"), after a title ("President Lincoln"), followed by
  ", who" or an age, or "X of Place" ("Bank of America"); a small town's
  name on a venue ("the Capella hotel"). A name seen as a
  surname anywhere in the text ("Sarah Palin") then needs a locative other
  than "at" ("directed at Palin" is the person).
- ambiguous names (``gazetteer.is_ambiguous``: Nice, Reading, Bath, Jordan,
  Georgia, Chad, Florence ...) without strong context: dateline, locative,
  qualifier or "-based".
- towns under 100,000 people with no context at all (bare mentions).
- "X-led", "X-backed" compounds ("US-led monitoring mechanism").

Towns the gazetteer lacks are still found when the text places them
firmly: "Florence, Colo.", "in Wasilla, Alaska", a dateline "WASILLA, Alaska
(AP) —" give a city Place (id ``town:...``) inside that state or country.

Candidates come best first: the gazetteer's order (countries, big cities,
states, regions, towns), then, per text, a candidate the other unambiguous
places support moves up ("convicted in Georgia" next to "Atlanta" is the US
state). Callers comparing places should still consider all candidates.

Recognition is token based, not a regex per name: one pass finds capitalised
tokens, and each one whose normalised form starts a gazetteer name (one dict
look-up per distinct token, cached) is extended over following tokens (up to
the longest name, "Bosnia and Herzegovina", "Rio de Janeiro") with
dictionary look-ups. Context is read from short slices of text around each
hit, with end-anchored patterns run in reverse. About 400-550k words a
second (CPU time) on Reuters-21578.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator

import regex

from factlint import calendar
from factlint import gazetteer as gz
from factlint.gazetteer import Place
from factlint.phrases import LazyPattern

__all__ = ["PlaceMention", "find_places", "find_dateline", "CONTEXTS", "EVENT_CONTEXTS"]

CONTEXTS = ("dateline", "locative", "directional", "based", "qualifier", "mention", "possessive", "metonymy")
# Contexts in which a mention can say where something happened.
EVENT_CONTEXTS = frozenset({"dateline", "locative", "qualifier"})

# Cities this small need some context; bare "Normal" or "Marion" is not kept.
BARE_MIN_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place expression in the text.

    ``start``/``end`` are character offsets of the whole expression
    (``text[start:end] == surface``), which includes a qualifier ("Paris,
    Texas", "Russia's Kostroma region"); ``name`` is the core place name as
    written ("Paris", "Kostroma"). ``places`` are the candidates, best first,
    already narrowed by the qualifier; ``cue`` is the word(s) that gave the
    context ("in", "north of", "(AP)", "-based", "said").
    """

    start: int
    end: int
    surface: str
    name: str
    places: tuple[Place, ...]
    context: str
    cue: str = ""
    qualifier: Place | None = None
    ambiguous: bool = False

    @property
    def place(self) -> Place:
        """The best candidate."""
        return self.places[0]

    @property
    def is_event_place(self) -> bool:
        """Whether the context can place an event (not possessive, metonymy,
        "-based" or a bare mention)."""
        return self.context in EVENT_CONTEXTS


# --------------------------------------------------------------------------
# word lists

_DAYS_MONTHS = calendar.lowered(calendar.WEEKDAYS, calendar.MONTHS, calendar.MONTH_ABBREVIATIONS)

# Capitalised words that may stand right before a place without making it
# part of a name: sentence-initial function words, compass words.
_FREE_BEFORE = {
    "the", "a", "an", "in", "at", "on", "from", "for", "but", "and", "or", "nor", "so", "yet",
    "when", "while", "after", "before", "since", "as", "if", "near", "outside", "inside",
    "across", "throughout", "like", "unlike", "both", "also", "then", "meanwhile", "elsewhere",
    "of", "to", "by", "with", "without", "within", "between", "among", "amid", "despite",
    "during", "under", "over", "into", "onto", "toward", "towards", "around", "beyond",
    "against", "via", "per", "than", "including", "not", "only", "even", "just", "where",
    "why", "how", "what", "which", "who", "whose", "that", "this", "these", "those", "there",
    "here", "it", "its", "our", "their", "his", "her", "my", "your", "we", "they", "he", "she",
    "i", "every", "each", "some", "many", "most", "all", "any", "no", "neither", "either",
    "other", "another", "such", "last", "next", "once", "until", "unless", "although",
    "though", "because", "whether", "about", "above", "below", "through", "up", "down", "off",
    "out", "upon", "besides", "beside", "behind", "along", "alongside", "past", "except",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
    "southeast", "southwest", "upper", "lower", "greater", "downtown", "metro", "metropolitan",
    "rural", "suburban", "coastal", "occupied", "mainland", "continental", "inner", "outer",
    "rest", "visit", "visiting", "leave", "leaving", "welcome", "soviet", "nazi", "imperial",
    "communist", "mainland", "modern", "medieval", "ancient", "independent", "postwar", "wartime",
    "today", "yesterday", "tonight", "now", "still", "again", "later", "earlier", "instead",
    "says", "said", "say", "told", "tell", "tells",
}

# Words before a name that make it a person's name.
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "gov",
    "governor", "sen", "senator", "rep", "representative", "gen", "general", "col", "colonel",
    "lt", "sgt", "sergeant", "capt", "captain", "maj", "major", "president", "minister",
    "premier", "chancellor", "king", "queen", "prince", "princess", "pope", "judge", "justice",
    "coach", "officer", "detective", "father", "sister", "brother", "rev", "reverend", "mayor",
    "secretary", "ambassador", "envoy", "chairman", "ceo", "actor", "actress", "singer",
    "striker", "midfielder", "defender", "goalkeeper", "quarterback", "coach", "player",
    "rapper", "star", "model", "author", "writer", "director", "spokesman", "spokeswoman",
    "spokesperson", "leader", "chief", "commissioner", "deputy",
}

# Capitalised words after a name that do not make it part of a longer name.
_FREE_AFTER = _DAYS_MONTHS | {"and", "or", "but", "the", "i", "a", "an", "am", "pm", "ap", "afp", "ap"}

_REGION_WORDS = {"region", "oblast", "province", "governorate", "prefecture", "krai", "kray", "regions", "oblasts",
                 "provinces"}

# Possessed nouns that make "X's" an attribute of a government or country,
# even after a preposition ("at Moscow's request", "in Washington's view").
_AGENT_NOUNS = {
    "view", "views", "request", "behalf", "eyes", "interest", "interests", "favor", "favour",
    "opinion", "response", "position", "stance", "decision", "demand", "demands", "refusal",
    "words", "name", "case", "part", "side", "hands", "wishes", "approval", "consent", "terms",
    "expense", "mind", "policy", "insistence", "invitation", "initiative", "urging", "orders",
}

# Speech, stance and decision verbs for metonymy ("Moscow said").
_VERB_LEMMAS = """
say warn reject insist deny announce accuse claim respond condemn threaten demand urge vow
pledge refuse agree approve decide retaliate welcome dismiss confirm acknowledge signal reveal
hope want seek plan expel recall summon protest blame believe argue maintain oppose support back
offer propose call show push press order impose ban veto object state declare add note reply ask
request tell fear view consider regard expect insist suggest indicate hint stress emphasise
emphasize criticize criticise slam blast accept announce launch attack strike invade deploy send
fire shell bomb hit respond intend aim prepare promise stand refuse sign negotiate retaliate
appear remain continue seem express voice admit concede recognise recognize declare downplay
deny dispute counter rebuff spurn rule react move threaten try attempt vote adopt pass authorize
authorise allow permit block halt suspend freeze cut raise lower keep lift extend renew withdraw
abandon denounce decry lament praise hail applaud thank congratulate blame warn caution advise
""".split()
_VERB_IRREGULAR = """
said says saying told tells sought sent struck hit shot fired stood held kept meant made took
gave knew thought felt brought began begun chose chosen drew drawn froze frozen rose risen
""".split()


def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if regex.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lemma):  # plan -> planned
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_VERBS = sorted({f for lemma in _VERB_LEMMAS for f in _verb_forms(lemma)} | set(_VERB_IRREGULAR),
                key=lambda s: (-len(s), s))

# --------------------------------------------------------------------------
# regular expressions

_W = r"[\p{L}\p{M}]"
# A capitalised token: an acronym with dots ("U.S.") or a word, possibly with
# inner apostrophes ("d'Ivoire") and a possessive ("Russia's").
_CAP_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{Nd}'’.])(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*['’]?)"
)
# Any token, for extending a name over its following words.
_TOKEN_RE = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}\p{M}]+)*['’]?")
# What may stand between two tokens of one name.
_GAP_RE = regex.compile(r"-|\.?[ \t]*(?:\r?\n[ \t]*)?")
_ABBREV = {"st", "ste", "mt", "ft", "pt"}

_LOC_PREPS = ("in|at|near|outside|inside|within|across|throughout|around|off|amid|"
              "north\\s+of|south\\s+of|east\\s+of|west\\s+of|northeast\\s+of|northwest\\s+of|"
              "southeast\\s+of|southwest\\s+of|north-east\\s+of|north-west\\s+of|south-east\\s+of|"
              "south-west\\s+of|outskirts\\s+of|suburbs?\\s+of|close\\s+to|near\\s+to|next\\s+to|outside\\s+of")
_DIR_PREPS = "from|to|into|toward|towards|via|onto"
_FILL = (
    r"(?:the|a|an|its|their|his|her|nearby|neighbou?ring|northern|southern|eastern|western|central|"
    r"north(?:east|west)?(?:ern)?|south(?:east|west)?(?:ern)?|east|west|north|south|"
    r"coastal|occupied|front-?line|border|port|capital|city|cities|town|towns|village|villages|"
    r"region|province|state|country|countries|area|areas|district|suburbs?|outskirts|heart|centre|center|"
    r"streets|downtown|rural|remote|embattled|besieged|war-torn|resort|island|of|deep|"
    r"[\p{L}-]+-(?:held|occupied|controlled|annexed)|"
    r"\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ch|i|ic)|Swiss|Greek|Basque|,)"
)
# Patterns anchored at the end of the text before a name run in reverse
# ((?r)): they start at the name and fail fast, instead of being tried at
# every position of the 90 characters before it.
_PRE_RE = LazyPattern("regex",
    rf"(?r)(?i:(?<![\p{{L}}])(?P<based>based|headquartered)\s+in|(?<![\p{{L}}])(?P<loc>{_LOC_PREPS})|"
    rf"(?<![\p{{L}}])(?P<dir>{_DIR_PREPS}))"
    rf"(?P<fill>(?:\s*,|\s+{_FILL})*)\s*$"
)
_COORD_RE = regex.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?$")
_PREV_WORD_RE = regex.compile(r"(?r)(?:(?<=^)|(?<=[^\p{L}\p{M}'’.]))(\p{Lu}[\p{L}\p{M}]*\.?)([ \t]+|-)$")
_OF_ORG_RE = regex.compile(r"(?r)(?<![\p{L}])(\p{Lu}[\p{L}\p{M}]+)\s+of\s+(?:the\s+)?$")
_NEXT_WORD_RE = regex.compile(
    r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)(\p{Lu}[\p{L}\p{M}'’]*|(?:\p{Lu}\.){2,}|\d+\p{Ll}+(?![\p{L}]))")
_PERSON_AFTER_RE = regex.compile(r",\s*(?:who|whose|\d{1,3}\s*,)")
_REGION_AFTER_RE = regex.compile(
    r"[ \t]+(?i:(region|oblast|province|governorate|prefecture|krai|kray)s?)(?![\p{L}])")
_QUAL_ABBR_RE = regex.compile(
    r",[ \t]*((?:\p{Lu}\.){2,}|\p{Lu}\.[ ]?\p{Lu}\p{Ll}\.|\p{Lu}\p{Ll}{1,4}\.|\p{Lu}{2}(?![\p{L}]))")
_UNLISTED_RE = regex.compile(
    r"(?r)(?<![\p{L}])(?P<prep>in|at|near|outside|from|to)\s+(?P<town>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}),[ \t]*$")
_WORDS_RE = regex.compile(r"[\p{L}][\p{L}'’\-]*")
_HYPHEN_BEFORE_RE = regex.compile(r"(?r)([\p{L}\p{M}'’]+)-$")
_NEXT_LOWER_RE = regex.compile(r"\s+(\p{L}+)")
_COMMA_GAP_RE = regex.compile(r",[ \t]*")
# What follows a qualifier that ends the expression: punctuation, a line end or the text's end.
_QUAL_END_RE = regex.compile(r"[ \t]*(?:[^\p{L}\p{N}\s]|\r?\n|$)")
# after "in Paris, Berlin": the list goes on (", Rome", " and Rome"), so
# Berlin is coordinated; "in Europe, Cardenas left" is a new clause
_LIST_GOES_ON_RE = regex.compile(r"\s*(?:,|and\s|or\s)")
_ORG_WORDS = {"inc", "corp", "co", "ltd", "llc", "plc", "bank", "university", "college", "hospital", "brothers",
              "group", "company", "school", "church", "center", "centre", "airport", "county", "department"}
_PERSON_NOUN_RE = regex.compile(
    r"\s+(?:and\s+\p{Lu}\p{Ll}+\s+)?(?:administrations?|presidency|era|years|legacy|campaign|camp|family|"
    r"doctrine|aides|loyalists|supporters|cabinet|White\s+House)(?![\p{L}])")
_HYPHEN_AFTER_RE = regex.compile(r"-(\p{L}+)")
# "the Capella hotel", "the Crown casino": a small town's name on a venue.
_VENUE_AFTER_RE = regex.compile(
    r"[ \t]+(?:hotel|palace|resort|stadium|arena|theatre|theater|hall|club|casino|tower|towers|mall|plaza|"
    r"centre|center|restaurant|cafe|bar|pub|lodge|inn|estate|villa|chateau|manor)(?![\p{L}])")
_THE_BEFORE_RE = regex.compile(r"(?r)(?<![\p{L}])the[ \t]+$", regex.I)
_AUX = (r"(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|should|shall|did|does|do|"
        r"also|again|already|still|now|repeatedly|reportedly|officially|quickly|flatly|strongly|"
        r"publicly|firmly|not|never|been|long|swiftly|immediately|later|then|since|previously|yet|"
        r"always|consistently|vehemently|both|too|itself|has\s+since|so\s+far|on\s+\w+day|"
        r"meanwhile|however|in\s+turn|for\s+its\s+part|in\s+response)")
_METO_RE = LazyPattern("regex",
    rf"(?P<coord>\s+(?:and|or)\s+\p{{Lu}}[\p{{L}}'’]+)?(?:\s*,[^,\n]{{1,60}},)?(?P<aux>(?:\s+{_AUX}\b,?){{1,3}})?\s+"
    rf"(?P<verb>{'|'.join(_VERBS)})(?![\p{{L}}])"
)
# Bare verb forms: after a singular place they mean another subject.
_BARE_VERBS = frozenset(_VERB_LEMMAS) - set(_VERB_IRREGULAR)
# A preposition right before the place: it is an object, not a subject.
_OBJECT_RE = regex.compile(
    r"(?r)(?<![\p{L}])(?:on|of|with|against|by|for|over|about|between|upon|than|like|and|or)\s+(?:the\s+)?$")
_DATELINE_RE = LazyPattern("regex",
    r"""[ \t]*
    (?P<place>\p{Lu}[\p{Lu}\p{M}'’.\-]*\p{Lu}\.?(?:[ ](?:\p{Lu}[\p{Lu}\p{M}'’.\-]*|DE|LA|DU|EL|AL|OF)){0,3}
       |\p{Lu}\p{Ll}[\p{L}\p{M}'’.\-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.\-]*){0,3})
    (?:,[ ]*(?P<qual>\p{Lu}[\p{L}\p{M}.'’\-]*(?:[ ]\p{Lu}[\p{L}\p{M}.'’\-]*){0,2}))?
    (?:,?[ ]*(?P<date>(?:""" + "|".join(calendar.MONTHS_SHORT) + r""")[a-z]*\.?[ ]+\d{1,2}))?
    [ ]*(?P<agency>\([\p{L}\p{M}&.\-/ ]{1,40}\))?
    [ ]*(?P<dash>--?|[–—])[ ]""",
    regex.VERBOSE,
)

# --------------------------------------------------------------------------


_NORM_CACHE: dict[str, str] = {}


def _norm(token: str) -> str:
    key = _NORM_CACHE.get(token)
    if key is None:
        key = gz.normalize(token)
        if len(_NORM_CACHE) < 200_000:
            _NORM_CACHE[token] = key
    return key


def _split_possessive(token: str) -> tuple[str, bool]:
    if token.endswith(("'s", "’s")) and len(token) > 2:
        return token[:-2], True
    if token.endswith(("'", "’")):
        return token[:-1], token[-2:-1] in ("s", "S")
    return token, False


@dataclass(slots=True)
class _Hit:
    """A raw dictionary match before context is read."""

    start: int
    end: int  # end of the name, without a possessive 's
    tok_end: int  # end of the last token, with the possessive
    key: str
    possessive: bool
    places: list[Place] = field(default_factory=list)


# token as written -> (name part, possessive, key), or () when no gazetteer
# name starts with it. Bounded; the shipped gazetteer never changes in a run.
_FIRST: dict[str, tuple[str, bool, str] | tuple[()]] = {}


def _first_key(raw: str, names: dict, prefixes: frozenset, acronyms: frozenset) -> tuple[str, bool, str] | tuple[()]:
    tok, poss = _split_possessive(raw) if ("'" in raw or "’" in raw) else (raw, False)
    key = _norm(tok)
    result: tuple[str, bool, str] | tuple[()] = (tok, poss, key)
    if key not in names and key not in prefixes:
        result = ()
    elif key in acronyms and not tok.replace(".", "").isupper():
        result = ()  # "Us Weekly", "Eu" are not the US and the EU
    elif len(tok) <= 4 and tok.isupper() and key not in acronyms and key not in prefixes:
        result = ()  # "ICO", "SAMBA": capitals spell organisations, not towns
    if len(_FIRST) < 300_000:
        _FIRST[raw] = result
    return result


def _scan(text: str, d: object) -> Iterator[_Hit]:
    """Longest gazetteer names starting at capitalised tokens, left to right."""
    names = d.names  # type: ignore[attr-defined]
    prefixes = d.prefixes  # type: ignore[attr-defined]
    acronyms = d.acronyms  # type: ignore[attr-defined]
    pos_done = 0
    for m in _CAP_RE.finditer(text):
        if m.start() < pos_done:
            continue
        raw = m.group()
        first = _FIRST.get(raw)
        if first is None:
            first = _first_key(raw, names, prefixes, acronyms)
        if not first:
            continue  # not the start of any name: one dict look-up per token
        tok, poss, key = first
        in_names = key in names
        if not in_names and key not in prefixes:
            continue
        best: tuple[int, int, str, bool] | None = (m.start() + len(tok), m.end(), key, poss) if in_names else None
        if not poss and key in prefixes:
            pos, cur, prev = m.end(), key, key
            for _ in range(6):
                g = _GAP_RE.match(text, pos)
                gap = g.group()
                if not gap or (gap.startswith(".") and prev not in _ABBREV):
                    break
                t = _TOKEN_RE.match(text, g.end())
                if t is None:
                    break
                ttok, tposs = _split_possessive(t.group())
                tkey = _norm(ttok)
                cur = f"{cur} {tkey}"
                if cur in names and (ttok[:1].isupper() or "'" in ttok or "’" in ttok):
                    best = (t.start() + len(ttok), t.end(), cur, tposs)
                if tposs or cur not in prefixes:
                    break
                pos, prev = t.end(), tkey
        if best is None:
            continue
        end, tok_end, key, poss = best
        pos_done = tok_end
        yield _Hit(m.start(), end, tok_end, key, poss, d.places(names[key]))  # type: ignore[attr-defined]


def _is_headline_line(text: str, pos: int, cache: dict[int, bool]) -> bool:
    """A title-case line ("Ukraine Allies: Security Pledges Boost Hope"),
    where capitalised neighbours do not mean a person's name."""
    ls = text.rfind("\n", 0, pos) + 1
    if ls in cache:
        return cache[ls]
    le = text.find("\n", pos)
    line = text[ls: le if le >= 0 else len(text)]
    # a headline stands alone: first in the text or after a blank line, and
    # not a hard-wrapped first line of a body ("WASHINGTON, March 6 - U.S.
    # Treasury Secretary James Baker")
    alone = ls == 0 or text[max(0, ls - 2):ls] == "\n\n" or not text[:ls].strip()
    if not alone or _DATELINE_RE.match(line):
        cache[ls] = False
        return False
    words = _WORDS_RE.findall(line)
    long_words = [w for w in words if len(w) > 3]
    result = (
        len(words) <= 20
        and len(long_words) >= 2
        and not line.rstrip().endswith(".")
        and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)
    )
    cache[ls] = result
    return result


def _capital_before(text: str, pos: int) -> bool:
    """Whether the word before ``pos`` (across spaces or a hyphen) starts with a
    capital: the cheap test before _PREV_WORD_RE, which needs one."""
    j = pos - 1
    if j < 0 or text[j] not in " \t-":
        return False
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] == "-" and pos - 1 == j:
        j -= 1
    if j >= 0 and text[j] == ".":
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return k < j and text[k + 1].isupper()


def _looks_like_first_name(word: str) -> bool:
    """A capitalised word before a place name that makes it a surname:
    "Sarah" in "Sarah Palin", an initial "W." in "George W. Bush"."""
    if len(word) == 2 and word.endswith("."):
        return True
    if word.endswith(".") or len(word) < 3:
        return False
    wkey = _norm(word)
    return wkey not in _FREE_BEFORE and wkey not in _TITLES and word[1:].islower() and not _is_big_place(word)


def _is_big_place(word: str) -> bool:
    """A country, state, region or city of 100,000+ (so "Washington" before
    "Irving" does not make Irving a surname, but "Maria" before a town does)."""
    return any(p.type != "city" or p.population >= BARE_MIN_POPULATION for p in gz.lookup(word))


def _contained_in(cands: list[Place], outer: list[Place]) -> tuple[list[Place], Place | None]:
    """Candidates inside some outer place, and the first such outer place.

    Only a country, a state or a region of one country qualifies, and only
    something smaller than a country is qualified ("France, Western Europe's
    only ..." is an apposition, not a qualifier)."""
    cands = [c for c in cands if c.type != "country"]
    if not cands:
        return [], None
    for o in outer:
        if o.type == "region" and not o.country:
            continue
        inside = [c for c in cands if c.id != o.id and gz.contains(o, c)]
        if not inside and "#" in o.footprint[0]:
            # a county GeoNames cannot subdivide ("Banstead, Surrey"): trust
            # the qualifier for towns of the same country
            inside = [c for c in cands if c.type == "city" and c.country == o.country]
        if inside:
            return inside, o
    return [], None


def _dateline_starts(text: str) -> Iterator[int]:
    """Where a dateline may stand: the start of the text, the first lines
    (after a headline), and after a blank line."""
    pos, line = 0, 0
    while pos < len(text):
        nl = text.find("\n", pos)
        c = text[pos:pos + 1]
        if (line < 3 or text[pos - 2:pos] == "\n\n") and (c.isupper() or c in " \t"):
            yield pos
        if nl < 0:
            return
        pos, line = nl + 1, line + 1
        if line >= 3:  # after the first lines, only blank-line starts
            nxt = text.find("\n\n", pos - 2)  # from the end of the line before: it may be blank
            if nxt < 0:
                return
            pos = nxt + 2


def _datelines(text: str) -> list[PlaceMention]:
    out = []
    for pos in _dateline_starts(text):
        mention = _dateline_at(text, pos)
        if mention is not None:
            out.append(mention)
    return out


# A dateline ends in a dash and a space, on the line it starts (no part of _DATELINE_RE reads a line break).
_DATELINE_DASHES = ("- ", "– ", "— ")


def _dateline_at(text: str, pos: int, endpos: int | None = None) -> PlaceMention | None:
    """The dateline starting at ``pos`` ("PARIS (AP) —"), if one does."""
    end = endpos if endpos is not None else len(text)
    line_end = text.find("\n", pos, end)
    if not any(text.find(dash, pos, end if line_end < 0 else line_end) >= 0 for dash in _DATELINE_DASHES):
        return None  # most paragraphs open with no dateline: a look for its dash spares the pattern
    m = _DATELINE_RE.match(text, pos, end)
    if m is None:
        return None
    raw = m.group("place")
    caps = raw.upper() == raw
    if not caps and not (m.group("agency") or m.group("date")):
        return None
    cands = gz.lookup(raw.rstrip("."))
    qual = None
    if m.group("qual"):
        qcands = gz.lookup_qualifier(m.group("qual"))
        inside, qual = _contained_in(cands, qcands)
        if inside:
            cands = inside
        else:  # "WASILLA, Alaska (AP) —": a town the gazetteer lacks
            qual = next((p for p in qcands if p.type in ("state", "country")), None)
            town = gz.unlisted_town(raw.title() if caps else raw, qual) if qual is not None else None
            cands = [town] if town is not None else []
    if not cands:
        return None
    cue = (m.group("agency") or m.group("date") or m.group("dash")).strip()
    end = m.end("qual") if qual is not None else m.end("place")
    start = m.start("place")
    return PlaceMention(start, end, text[start:end], raw, tuple(cands), "dateline", cue, qual, gz.is_ambiguous(raw))


def find_dateline(text: str, start: int = 0, end: int | None = None) -> PlaceMention | None:
    """The dateline opening ``text[start:end]`` (a paragraph: "PARIS (AP) —",
    "KYIV, Ukraine —", "SALVADOR, Feb 26 -"), with offsets into ``text``; None
    when the paragraph does not open with one. Cheaper than find_places for
    callers that read the body sentence by sentence."""
    return _dateline_at(text, start, end)


def find_places(text: str, datelines: bool = True) -> list[PlaceMention]:
    """Place mentions in ``text`` (a sentence, paragraph or whole article),
    in text order, each with its context; see the module docstring for the
    contexts and for what is left out. Offsets index into ``text``.

    ``datelines=False`` skips looking for datelines, for callers that pass
    sentences from inside a body (and read the dateline with find_dateline)."""
    d = gz.data()
    out: list[PlaceMention] = _datelines(text) if datelines else []
    taken = [(m.start, m.end) for m in out]
    hits = [h for h in _scan(text, d) if not any(s <= h.start < e for s, e in taken)]
    state = _State(text, d, hits)
    state.prev = out[-1] if out else None
    for h in hits:  # surnames anywhere in the text count for every use
        if not _capital_before(text, h.start):
            continue
        pw = _PREV_WORD_RE.search(text, max(0, h.start - 40), h.start)
        if pw and _looks_like_first_name(pw.group(1)) and pw.group(2) != "-":
            state.surnames.add(h.key)
    while state.i < len(hits):
        h = hits[state.i]
        state.i += 1
        mention = _read(state, h)
        if mention is not None:
            out.append(mention)
            state.prev = mention
            while state.i < len(hits) and hits[state.i].start < mention.end:
                state.i += 1  # "Paris Texas": Texas was read as the qualifier
    out.sort(key=lambda m: m.start)
    return _rerank(out)


def _related(a: Place, b: Place) -> bool:
    """One contains the other; or one is a region of unknown extent (an
    English county) in the same country as the other."""
    if a.id == b.id:
        return False
    if gz.contains(a, b) or gz.contains(b, a):
        return True
    if a.country != b.country or not a.country:
        return False
    # Georgia next to Alabama and Florida: a state among its country's states
    return "#" in a.footprint[0] or "#" in b.footprint[0] or a.type == b.type == "state"


def _rerank(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Put first the candidate the rest of the text supports: "convicted in
    Georgia" next to "Atlanta" is the US state. Conservative: only when the
    default has no support, and never a town a tenth the size of the default
    (a US story mentioning "the U.S." does not turn Paris into Paris, Texas)."""
    # anchors: places the text names unambiguously, finer than a country (a
    # US story mentions "the U.S." anyway: that must not pull "Venice" to
    # Venice, California)
    anchors = {m.place.id: m.place for m in mentions
               if (len(m.places) == 1 or m.qualifier is not None) and m.place.type != "country"
               and not (m.place.type == "region" and not m.place.country)}
    if not anchors:
        return mentions
    result = []
    for m in mentions:
        if len(m.places) > 1 and m.qualifier is None:
            top = m.places[0]
            if not any(_related(top, a) for a in anchors.values()):
                for c in m.places[1:]:
                    # a state or region may displace anything; a town only a
                    # default at most four times its size (Georgia the state,
                    # not Geneva, Illinois for Geneva in a US story)
                    comparable = c.type in ("state", "region") or c.population * 4 >= top.population
                    if comparable and any(_related(c, a) for a in anchors.values()):
                        m = replace(m, places=(c, *[p for p in m.places if p.id != c.id]))
                        break
        result.append(m)
    return result


class _State:
    """What reading one text needs to remember between hits."""

    __slots__ = ("text", "d", "hits", "i", "prev", "surnames", "headlines")

    def __init__(self, text: str, d: object, hits: list[_Hit]) -> None:
        self.text = text
        self.d = d
        self.hits = hits
        self.i = 0
        self.prev: PlaceMention | None = None
        self.surnames: set[str] = set()  # names seen as a person's surname
        self.headlines: dict[int, bool] = {}


@dataclass(slots=True)
class _Reading:
    """One hit as it is read: the name, its candidates, and what the words
    around it have said so far. The steps of ``_read`` narrow it in turn."""

    start: int
    end: int
    tail: int  # where the words after the expression start
    name: str
    key: str
    cands: list[Place]
    possessive: bool
    pre: str  # up to 90 characters before the name
    post: str = ""  # up to 90 characters from ``tail``
    qualifier: Place | None = None
    hyphen: bool = False  # "Paris-based", "Texas-Mexico": a hyphenated compound after the name
    region: bool = False  # "Kostroma region" was read
    context: str = ""
    cue: str = ""

    def move_tail(self, text: str, tail: int) -> None:
        self.tail = tail
        self.post = text[tail:tail + 90]

    def mention(self, text: str, ambiguous: bool) -> PlaceMention:
        return PlaceMention(self.start, self.end, text[self.start:self.end], self.name, tuple(self.cands),
                            self.context, self.cue, self.qualifier, ambiguous)


def _read(st: _State, h: _Hit) -> PlaceMention | None:
    """Turn one raw hit into a mention, or None when it is not a place here."""
    text = st.text
    r = _Reading(h.start, h.end, h.tok_end, text[h.start:h.end], h.key, h.places, h.possessive,
                 text[max(0, h.start - 90):h.start])
    _read_possessive_qualifier(st, r)
    r.move_tail(text, r.tail)
    if r.qualifier is None and not r.possessive:
        town = _unlisted_town_before(st, r)
        if town is not None:
            return town
    if not _read_hyphen(st, r):
        return None
    if r.qualifier is None and not r.possessive:
        _read_region_or_qualifier(st, h, r)
    if not _read_glued_word(st, r) or _part_of_a_name(st, r):
        return None
    _read_context(st, r)
    ambiguous = r.key in st.d.needs_context  # type: ignore[attr-defined]
    if not _context_enough(st, r, ambiguous):
        return None
    return r.mention(text, ambiguous)


def _read_possessive_qualifier(st: _State, r: _Reading) -> None:
    """"Russia's Kostroma region": a possessive place that qualifies the
    next one makes that one the name, with the first as its qualifier."""
    text, hits = st.text, st.hits
    if not (r.possessive and st.i < len(hits) and not text[r.tail:hits[st.i].start].strip(" \t")):
        return
    nxt = hits[st.i]
    inner = nxt.places
    region = _REGION_AFTER_RE.match(text, nxt.end, nxt.end + 64)  # an end: regex looks for its literal to the end
    if region:
        inner = _region_places(inner, region.group(1).lower())
    inside, outer = _contained_in(inner, r.cands)
    glued = None if region or nxt.possessive else _NEXT_WORD_RE.match(text, nxt.tok_end)
    if glued and _norm(glued.group(1)) not in _FREE_AFTER:
        inside = []  # "California's Imperial Valley": a longer name
    if inside:
        st.i += 1
        r.qualifier, r.cands, r.name, r.key = outer, inside, text[nxt.start:nxt.end], nxt.key
        r.end = region.end() if region else nxt.end
        r.tail = region.end() if region else nxt.tok_end
        r.possessive = nxt.possessive and not region


def _unlisted_town_before(st: _State, r: _Reading) -> PlaceMention | None:
    """"in Wasilla, Alaska": a town the gazetteer lacks, placed by the state
    or country this hit names, after a locative or directional preposition."""
    um = _UNLISTED_RE.search(r.pre) if r.pre.rstrip(" \t").endswith(",") else None
    if um is None:
        return None
    container = r.cands[0] if r.cands[0].type in ("state", "country") else None
    town_words = set(_norm(um.group("town")).split())
    glued = _NEXT_WORD_RE.match(r.post)
    if container is None or (_ORG_WORDS | _DAYS_MONTHS) & town_words \
            or (glued and _norm(glued.group(1)) not in _FREE_AFTER):
        return None
    town_start = r.start - len(r.pre) + um.start("town")
    before = st.hits[st.i - 2] if st.i >= 2 else None
    if before is not None and before.tok_end > town_start:
        return None
    town = gz.unlisted_town(um.group("town"), container)
    if town is None:
        return None
    prep = um.group("prep").lower()
    ctx = "directional" if prep in ("from", "to") else "locative"
    return PlaceMention(town_start, r.end, st.text[town_start:r.end], um.group("town"), (town,), ctx,
                        prep, container, False)


def _read_hyphen(st: _State, r: _Reading) -> bool:
    """Hyphenated compounds: "X-based" and "X-headquartered" say where
    someone is; "US-led", "Bank-Houston" are no place (False)."""
    hy = _HYPHEN_AFTER_RE.match(r.post) if not r.possessive else None
    if hy:
        r.hyphen = True
        word = hy.group(1)
        if word.lower() in ("based", "headquartered"):
            r.context, r.cue = "based", "-" + word.lower()
        elif not word[:1].isupper():
            return False
    text, start = st.text, r.start
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        before = _HYPHEN_BEFORE_RE.search(r.pre)
        if before and not gz.lookup(before.group(1)):
            return False  # "Bank-Houston": the tail of a compound name
    return True


def _read_region_or_qualifier(st: _State, h: _Hit, r: _Reading) -> None:
    """What follows the name narrows it: "Kostroma region", "Kherson
    Oblast"; or a state or country after a comma: "Paris, Texas", "Paris,
    Tex.", "Atlanta, Ga."."""
    region = _REGION_AFTER_RE.match(r.post)
    if region:
        rc = _region_places(r.cands, region.group(1).lower())
        if rc:
            r.cands, r.region = rc, True
            r.end = r.tail + region.end()
            r.move_tail(st.text, r.end)
        return
    q = _qualify(st.text, h, st.hits, st.i, r.cands)
    if q is not None:
        r.cands, r.qualifier, r.end, consumed = q
        st.i += consumed
        r.move_tail(st.text, r.end)


def _read_glued_word(st: _State, r: _Reading) -> bool:
    """A capitalised word glued after the name: a place containing it
    qualifies it ("Paris Texas", without the comma); any other makes the
    name part of a person's or organisation's (False), except in a headline,
    where every word is capitalised."""
    if r.qualifier is not None or r.region or r.possessive or r.hyphen:
        return True
    nw = _NEXT_WORD_RE.match(r.post)
    if not nw:
        return True
    wbase, _ = _split_possessive(nw.group(1))
    if _norm(wbase) in _FREE_AFTER:
        return True
    inside, outer = _contained_in(r.cands, gz.lookup(wbase))
    if inside:
        r.cands, r.qualifier = inside, outer
        r.end = r.tail + nw.start(1) + len(wbase)
        r.move_tail(st.text, r.end)
        return True
    return _is_headline_line(st.text, r.start, st.headlines)


def _part_of_a_name(st: _State, r: _Reading) -> bool:
    """The place is part of a person's, a venue's or an organisation's name:
    "Jackson, 34,", "the Obama administration", "the Capella hotel",
    "President Lincoln", "Sarah Palin", "Bank of America". A surname is
    remembered, so the name needs strong context everywhere in the text."""
    if _PERSON_AFTER_RE.match(r.post) or _PERSON_NOUN_RE.match(r.post):
        return True
    if r.qualifier is None and _VENUE_AFTER_RE.match(r.post) and _THE_BEFORE_RE.search(r.pre) \
            and all(c.type == "city" and c.population < BARE_MIN_POPULATION for c in r.cands):
        return True  # "at the Capella hotel in Singapore": a venue's name, not the town Capella
    pre = r.pre
    pw = _PREV_WORD_RE.search(pre) if _capital_before(pre, len(pre)) else None
    if pw:
        word = pw.group(1)
        wkey = _norm(word.rstrip("."))
        if wkey in _TITLES:
            st.surnames.add(r.key)
            return True
        initial = len(word) == 2 and word.endswith(".")  # "George W. Bush"
        if initial or (wkey not in _FREE_BEFORE and not word.endswith(".") and not _is_big_place(word)):
            # a place before a hyphen ("the Bucha-Kyiv highway": _read_hyphen kept only those) is
            # no first name, nor a capitalised word in a headline
            if pw.group(2) != "-" and not _is_headline_line(st.text, r.start, st.headlines):
                st.surnames.add(r.key)
                return True
    of = _OF_ORG_RE.search(pre) if pre.rstrip()[-2:].lower() in ("of", "he") else None
    if of:
        okey = _norm(of.group(1))
        if okey not in _FREE_BEFORE and okey not in _OF_PLACE_WORDS:
            return True  # "Bank of America", "University of Texas"
    return False


def _read_context(st: _State, r: _Reading) -> None:
    """The mention's context and cue: the preposition before it, or
    coordination with a placed mention ("in Paris and Berlin"); else a
    possessive, a government's verb after it (metonymy), a qualifier, or a
    bare mention."""
    text = st.text
    if not r.context:
        pm = _PRE_RE.search(r.pre)
        prev = st.prev
        if pm:
            if pm.group("based"):
                r.context, r.cue = "based", pm.group("based").lower() + " in"
            elif pm.group("loc"):
                r.context, r.cue = "locative", " ".join(pm.group("loc").lower().split())
            else:
                r.context, r.cue = "directional", pm.group("dir").lower()
        elif prev is not None and prev.context in ("locative", "directional") \
                and prev.end <= r.start and _COORD_RE.match(text[prev.end:r.start]) \
                and (" and " in text[prev.end:r.start] or " or " in text[prev.end:r.start]
                     or _LIST_GOES_ON_RE.match(text, r.end)):
            r.context, r.cue = prev.context, prev.cue  # "in Paris and Berlin"
    if r.possessive:
        after = _NEXT_LOWER_RE.match(text, r.tail, r.tail + 40)
        agentive = after is not None and after.group(1).lower() in _AGENT_NOUNS
        if r.context != "based" and (not r.context or agentive or r.cue not in _POSSESSIVE_OK_CUES):
            r.context, r.cue = "possessive", "'s"
    if r.context:
        return
    mm = _METO_RE.match(r.post) if not _OBJECT_RE.search(r.pre) else None
    if mm and not mm.group("aux") and not mm.group("coord") and mm.group("verb") in _BARE_VERBS:
        mm = None  # "attacks on Ukraine continue": a plural subject, not the place
    if mm:
        r.context, r.cue = "metonymy", mm.group("verb")
    elif r.qualifier is not None:
        r.context = "qualifier"
    else:
        r.context = "mention"


def _context_enough(st: _State, r: _Reading, ambiguous: bool) -> bool:
    """How much context each kind of name needs: an ambiguous name or a
    known surname a strong one; a small town more than a bare mention."""
    if ambiguous or r.key in st.surnames:
        strong = r.context in ("dateline", "based", "locative") or r.qualifier is not None
        if r.key in st.surnames and r.cue in ("at", "around", "off"):
            strong = False  # "directed at Palin", after "Sarah Palin"
        if not strong:
            return False
    if r.context in ("mention", "possessive", "metonymy") and r.qualifier is None:
        return not all(c.type == "city" and c.population < BARE_MIN_POPULATION for c in r.cands)
    return True


_OF_PLACE_WORDS = {
    "republic", "kingdom", "state", "states", "commonwealth", "city", "town", "province", "region",
    "capital", "outskirts", "suburbs", "north", "south", "east", "west", "people", "citizens", "streets",
}
# Prepositions after which "X's ..." still locates ("in Russia's Kostroma
# region" is merged earlier; "in Kyiv's Podil district").
_POSSESSIVE_OK_CUES = {"in", "inside", "across", "throughout", "within", "near", "outside"}


def _region_places(cands: list[Place], label: str) -> list[Place]:
    """"Kostroma region": the first-level divisions around the city
    candidates; regions and states stay as they are."""
    label = label.rstrip("s")
    label = {"oblast": "Oblast", "krai": "Krai", "kray": "Krai"}.get(label, label)
    seen: dict[str, Place] = {}
    for c in cands:
        r = gz.admin1_region(c, label) if c.type == "city" else (c if c.type in ("state", "region") else None)
        if r is not None and r.id not in seen:
            seen[r.id] = r
    return list(seen.values())


def _qualify(text: str, h: _Hit, hits: list[_Hit], i: int,
             cands: list[Place]) -> tuple[list[Place], Place, int, int] | None:
    """", Texas" / ", Tex." / ", TX" after a city: the narrowed candidates,
    the qualifier, the new end, and how many later hits it consumed."""
    if text[h.tok_end:h.tok_end + 1] != "," or cands[0].type == "state":
        return None  # "California, Florida and Texas" is a list (a country may be a US town: "Lebanon, Pa.")
    if i < len(hits):
        nxt = hits[i]
        if _COMMA_GAP_RE.fullmatch(text, h.tok_end, nxt.start):
            inside, outer = _contained_in(cands, nxt.places)
            # "Seattle, Washington" qualifies; "Bonn, Washington and Tokyo" is
            # a list: a qualifier that is first of all a city must keep the
            # town's default reading
            # a country qualifies where the expression ends, or a list goes on after its full name
            # ("Lyon, France and Berlin"); not before a word: "In Moscow, US (and EU) diplomats"
            if inside and (nxt.places[0].type != "city" or inside[0] == cands[0]) \
                    and (outer.type != "country" or _QUAL_END_RE.match(text, nxt.end)
                         or (_LIST_GOES_ON_RE.match(text, nxt.end) and not text[nxt.start:nxt.end].isupper())):
                return inside, outer, nxt.end, 1  # type: ignore[return-value]
        # "Florence, Colo.": a US state that holds none of the candidates
        # still places the town, as one the gazetteer does not list
        # (a full state name only when punctuation follows it and the name
        # is not a big city elsewhere: "Bonn, Washington and Tokyo" is a list)
        if _COMMA_GAP_RE.fullmatch(text, h.tok_end, nxt.start) \
                and (nxt.end == len(text) or text[nxt.end] in ",.;:)") \
                and all(c.population < BARE_MIN_POPULATION for c in cands):
            state = next((p for p in nxt.places if p.type == "state" and p.country == "US"), None)
            town = gz.unlisted_town(text[h.start:h.end], state) if state is not None else None
            if town is not None:
                return [town], state, nxt.end, 1  # type: ignore[return-value]
    m = _QUAL_ABBR_RE.match(text, h.tok_end)
    if m:
        qcands = gz.lookup_qualifier(m.group(1))
        # "In Moscow, US diplomats", "In Paris, U.S. officials", "In Paris, CO2 emissions": a word
        # goes on, so the capitals start a phrase; only a state's dotted abbreviation may be followed
        # by the next sentence ("in Paris, Tex. He ...")
        if not _QUAL_END_RE.match(text, m.end(1)) \
                and not (m.group(1).endswith(".") and any(p.type == "state" for p in qcands)):
            return None
        inside, outer = _contained_in(cands, qcands)
        if inside:
            return inside, outer, m.end(1), 0  # type: ignore[return-value]
        state = next((p for p in qcands if p.type == "state" and p.country == "US"), None)
        town = gz.unlisted_town(text[h.start:h.end], state) if state is not None else None
        if town is not None:
            return [town], state, m.end(1), 0
    return None
