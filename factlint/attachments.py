"""What each place of an article is tied to: its *attachments*.

The ``locations`` kind compares the places a story gives one thing. Events are
read by the kind's event analyzer (factlint/kinds/locations.py); this module
reads every other shape that ties a thing to a place, anywhere in the article
(headline and every paragraph):

``noun``
    a noun phrase and a locative: "police in Lyon", "a hospital in Denver",
    "the Waitrose supermarket in Wellington", "office workers in Dubai",
    "the University of Texas at Dallas", "the crash site near Segovia";
``possessive``
    "Manila's two stock exchanges", "Marseille's police chief";
``attributive``
    a place before an institution or office: "Marseille police", "the Leeds mayor";
``office``
    "the mayor of Leeds", "a resident of Austin";
``verb``
    a verb whose place does not move: "was born in Nashville";
``person``
    a person a verb or copula places: "Martinez Cuenca was in London",
    "Cheeks also coached at Portland", "He was in London" after a sentence
    that quotes one person (other verbs, "traded in Tokyo", tie no thing),
    or a person's time there ("Cheeks is 284-286 lifetime, including four
    years in Portland", "not his own failure in Portland");
    a visit told by its purpose ("was in London to brief producers") is
    also the key "person:<last name>:<verb>", NAMED: one visit, one place.

Each attachment carries the *keys* of its thing: the head word, singular and
lower case ("police", "supermarket", "worker"), names in the phrase
("waitrose", "university of texas", "place:east flatbush"), their initials
("ico"), for a birthplace "verb:born", for a person "person:<last name>".
Two attachments are of the same thing when they share a key.
Each key has a *tier*, how surely it names one thing: ``NAMED`` (a proper
name of a facility or body, "the Waitrose supermarket", "the University of
Texas"; a place named as a thing, "the East Flatbush neighborhood"; a
birthplace), ``INSTITUTION`` (an institution, body or office: "police", "a
hospital", "the mayor") or ``GENERIC`` (any other noun or verb: "office
workers", "coached at"). The kind asks more of a disagreement the lower the
tier.

Not attachments, or not asserted ones (``status``):

- places in lists ("rain in Cordoba, Mendoza and Salta", "newspapers in Manila
  and Hong Kong"): ``list``;
- other instances ("last year's rally in Lyon", "a demonstration in Athens in
  1985"): ``other``;
- guesses ("possibly at Djibouti", "in Miami or elsewhere"): ``hedged``;
- names that hold a place ("the Washington Post", "Paris Hilton") are not
  places at all (factlint.places), nor are "Moscow said" or "Paris-based".

Reading is cheap: the caller finds the places of the sentences TRIGGERS
marks (the locations kind does, once, for its event analyzer too), and each
place is read in a window of a few words.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterator

import regex

from factlint import gazetteer as gz
from factlint.document import Document

DATA_PATH = os.path.join(os.path.dirname(__file__), "data", "attachments.yaml")

# Paragraphs that make an article's lead (its main facts).
LEAD_PARAGRAPHS = 2
# Cues that attach a noun phrase or verb to the place after them.
ATTACHING_CUES = frozenset({
    "in", "at", "near", "outside", "inside", "near to", "close to", "next to", "outside of", "outskirts of",
    "suburbs of", "suburb of",
})
# Words looked at before the cue, at most.
MAX_LEFT_WORDS = 8
# A year near a placement makes it another instance ("in Athens in 1985").
_YEAR = re.compile(r"(?<![\w.,$])(?:1[89]\d\d|20\d\d)(?!\w)")
_WORD = re.compile(r"[^\W_][\w'’&.-]*")  # the standard module: faster on these small windows
# Where the words before a cue stop belonging to its phrase.
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–\"“”,]|\s-\s")
_COORDINATION = re.compile(
    r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as|to|and\s+in|or\s+in|and\s+at|or\s+at|"
    r"and\s+then\s+in)\s+)(?:the\s+)?$",
    re.I,
)
_BETWEEN = re.compile(r"(?<![\w'’-])(?:between|from)\s+(?:the\s+)?$", re.I)
_COMMA_GAP = regex.compile(r",[ \t]*")  # "Paris, Texas": a place and the state or country it is in
_OF_BEFORE = regex.compile(r"(?r)(?<![\w'’-])(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*)?)\s+of\s+(?:the\s+)?$")
_HEAD_AFTER = regex.compile(r"\s+((?:\p{Ll}[\p{L}-]*)(?:\s+\p{Ll}[\p{L}-]*)?)")
_POSSESSED = regex.compile(r"(?:['’]s?)?\s+(?:(?:\d+|two|three|four|five)\s+)?(?=(\p{L}))")
_FUNCTION = frozenset(
    "the a an of and or but to from with by for as than that this these those its their his her our your my "
    "is was were are be been being has have had do does did will would can could may might must shall should "
    "who whom whose which what where when while if so not no nor said says say told also".split()
)
_MODALS = frozenset("will would could may might should shall must can to 'll 'd".split())
_COPULAS = frozenset("is was were are be been being am 's".split())
# Words between a subject and the verb that places it ("Cheeks has also coached at").
_AUXILIARIES = frozenset("has have had is was were are be been will would could may might should shall must can "
                         "not never".split())
# Words between a subject and its verb that say nothing of the placement.
_SUBJECT_ADVERBS = frozenset("also still then later once previously again already".split())
# Last words of a body's name ("the Federal Reserve Board agreed in Paris"): no person.
_BODY_WORDS = frozenset("board committee commission agency association service union federation authority "
                        "organisation organization fund reserve trust holdings industries cable systems airlines "
                        "partners party government office".split())
# Verbs that tell where a company or a security is, not a person: "Standard closed in New York",
# "Community Cable is located in San Juan".
_NOT_PERSON_VERBS = frozenset("closed opened listed located incorporated reincorporated launched registered "
                              "headquartered based traded quoted".split())
# Words before a name that make it the object of a preposition, not a subject.
_PREPOSITIONS = frozenset("of in at for with from by to on against about over under into than".split())
# A cue right before the place ("in London", not "at the London premiere"), and the word after the place.
_BARE_CUE = re.compile(r"(?<![\w'’-])(?:in|at|near|outside|inside)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s*([\w'’-]+)?")
# A run of capitalised words, a name's ("Martinez Cuenca").
_NAME = r"(?:[A-Z][\w'’-]+ )*[A-Z][\w'’-]+"
# A name and a verb that quotes it: "Martinez Cuenca told reporters", "Smith said".
_SPEAKER = re.compile(rf"(?<![\w'’-])({_NAME}) (?:said|says|told|added)(?![\w'’-])")
_DETERMINERS = frozenset("the a an this that its their his her our".split())
# "broke out in", "set up in": a particle, whose verb places an event, not a thing.
# A word (a lower-case one, or a name's: "Roundhay School"), maybe a comma, and
# spaces: what stands before a capitalised word mid-sentence.
_MID_SENTENCE = re.compile(r"(?<![\w'’-])(?:[^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]*[,;]?|[A-ZÀ-ÖØ-Þ][\w'’-]*)[ \t]+$")
_PARTICLES = frozenset("out up down off back away over elsewhere".split())
_CUE_BEFORE = regex.compile(r"(?r)(?<![\w'’-])(in|at|near|outside)\s+(?:the\s+)?$", regex.I)
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:in|since|during|of)?\s*(?:1[89]\d\d|20\d\d)(?!\w)")
_HEDGE_AFTER = re.compile(r"\s*(?:,\s*)?(?:or\s+elsewhere|or\s+(?:in|at)\s|next\s+(?:week|month|year))", re.I)
_VERB_ENDINGS = ("ed", "ing")
# A person's span of time in a place ("four years in Portland"), its count, and names before it.
_STINT_WORDS = frozenset("years seasons months year season month".split())
_COUNT = re.compile(r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few")
_NAME_RUN = re.compile(rf"[\"“‘']?({_NAME})(?![\w'’-])")
# Things a person owns or runs, whose place is not the person's ("his company in Russia").
_OWNED = frozenset("company firm business subsidiary unit operation venture".split())
# A purpose after a person's place: "was in London to brief producers".
_PURPOSE = re.compile(r"[ \t\n]+to[ \t\n]+([a-z]+)(?![\w'’-])")
# Words after "to" that tell no purpose ("to the", "to be", "to date").
_NOT_PURPOSE = frozenset("the a an be date his her their its this that".split())
# Words ending like verbs that are nouns ("meeting" is an event; these are things).
_NOUN_LIKE = frozenset(
    "building buildings wedding weddings ceiling evening morning thing things ring king spring string wing "
    "bed red shed hundred hundreds speed seed feed need creed shred".split()
)
# How surely a key names one thing (see the module's docstring).
GENERIC, INSTITUTION, NAMED = 0, 1, 2
# Capitalised words that end a name of a facility or body: a NAMED thing.
_FACILITY_WORDS = frozenset(
    "bank hospital university college school academy airport stadium arena church cathedral mosque synagogue "
    "temple museum hotel supermarket store mall centre center tower towers bridge street road avenue way "
    "square station prison jail court courthouse embassy consulate parliament council hall palace castle "
    "park zoo plant factory refinery mine port base club theatre theater restaurant cafe bar market "
    "exchange institute foundation company corporation corp inc ltd plc group department ministry".split()
)


@dataclass(frozen=True, slots=True)
class _Thing:
    """What the words around a place name: keys, their strength, where the words are."""

    keys: tuple[str, ...]
    tiers: tuple[int, ...]
    start: int
    end: int
    shape: str
    skipped: tuple[str, ...] = ()
    label: str = ""  # the thing as a message names it, when not the words at start:end (a pronoun's person)


@dataclass(frozen=True, slots=True)
class Attachment:
    """One thing tied to one place in one article."""

    keys: tuple[str, ...]  # what the thing is, best first: "waitrose", "supermarket", "verb:born"
    tiers: tuple[int, ...]  # per key: NAMED, INSTITUTION or GENERIC
    label: str  # the thing as written, for messages ("the Waitrose supermarket")
    shape: str  # noun | possessive | attributive | office | verb | person
    thing_start: int
    start: int  # the place expression
    end: int
    surface: str
    places: tuple  # tuple[Place, ...]
    status: str  # asserted | hedged | other | list
    block: int  # index of its block in doc.blocks
    role: str  # headline | lead | body
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, eq=False)  # one instance per additions (cached): hashed by identity
class Vocabulary:
    """attachments.yaml (plus a rule's additions), as sets."""

    institutions: frozenset[str]
    aliases: dict[str, str]
    offices: frozenset[str]
    fixed_verbs: frozenset[str]
    persons: frozenset[str]
    never: frozenset[str]
    skip: frozenset[str]
    other_instance: frozenset[str]
    hedges: frozenset[str]

    compounds: frozenset[str] = frozenset()  # two-word institutions and offices ("police station", "police chief")

    def __post_init__(self) -> None:
        words = self.institutions | self.offices | frozenset(self.aliases)
        object.__setattr__(self, "compounds", frozenset(w for w in words if " " in w))


VOCABULARY_KEYS = ("institutions", "aliases", "offices", "fixed_verbs", "persons", "never", "skip", "other_instance",
                   "hedges")
# The ones a rule of kind `locations` may add to (its `lexicon:` key; the
# others share their names with the event lexicon's).
RULE_KEYS = ("institutions", "aliases", "offices", "fixed_verbs", "persons", "never")


@lru_cache(maxsize=1)
def _base_data() -> dict[str, Any]:
    from factlint.yamlio import load_data_file

    return load_data_file(DATA_PATH)


def load_vocabulary(additions: tuple = ()) -> Vocabulary:
    """The shipped vocabulary, plus additions given as sorted (key, tuple) pairs."""
    return _vocabulary(additions)


@lru_cache(maxsize=16)
def _vocabulary(additions: tuple) -> Vocabulary:
    data = {key: value for key, value in _base_data().items()}
    extra = dict(additions)
    lists = {}
    for key in VOCABULARY_KEYS:
        if key == "aliases":
            continue
        lists[key] = frozenset(_norm(w) for w in list(data.get(key) or []) + list(extra.get(key, ())))
    aliases = {_norm(k): _norm(v) for k, v in (data.get("aliases") or {}).items()}
    aliases.update({_norm(k): _norm(v) for k, v in extra.get("aliases", ())})
    return Vocabulary(aliases=aliases, **lists)


def _norm(word: str) -> str:
    return " ".join(str(word).lower().replace("’", "'").split())


def singular(word: str) -> str:
    """A head word's key form: lower case and singular ("workers" -> "worker",
    "authorities" -> "authority", "buses" -> "bus"); short words stay."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "os", "as", "news", "police")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


# ---------------------------------------------------------------------------
# Where attachments may be
# ---------------------------------------------------------------------------

# Where a place may be tied to a thing: a cue before a capitalised word ("in
# Lyon"; "near" and "outside" mostly place events, whose sentences are read
# anyway), an office before "of" ("the mayor of Leeds"), a capitalised word
# before a possessive ("Manila's"), "police", "mayor" or "-based". Each pattern
# is a literal or starts with one, which the standard re module finds fast:
# about 20 ms for Reuters' tenth (one pattern of alternatives took 60).
_UPPER = "A-ZÀ-ÖØ-Þ"
_CUES_BEFORE_NAME = tuple(re.compile(rf"{cue} (?:the |[a-z]+ )?[{_UPPER}]") for cue in ("in", "at"))
# A sentence that opens on its place, a comma after it ("In Dubai, one of the
# seven emirates, ..."; "At Davos, ..."): nothing before it to tie, but the
# story names the place. Without the comma ("In Manila's case", "In India some
# 240 mln cattle") it is rarely a scene. Two scans of the text cost the kind
# 1.4% of its instructions; trying each sentence start instead cost twice that.
_FRONTED = tuple(re.compile(rf"{cue} (?:the |[a-z]+ )?([{_UPPER}][^\s,]*(?: [{_UPPER}][^\s,]*){{0,3}}),")
                 for cue in ("In", "At"))
_OF_NAME = re.compile(rf" of (?:the )?[{_UPPER}]")
# Found with str.find, in a third of the instructions of a pattern's scan.
_AFTER_NAME = ("'s ", "’s ", " police")
_WORD_AT = re.compile(r"[^\W\d_][^\W_]*(?:\.(?=[A-Z]))?")
_OFFICES_OF = frozenset("mayor governor resident residents native natives sheriff chief bishop consul".split())


@lru_cache(maxsize=1)
def _not_things() -> frozenset[str]:
    """Words before a cue that leave nothing to place: function words, units,
    common verbs, and the vocabulary's ``never`` words ("people in")."""
    words = set(_FUNCTION) | set(_COPULAS) | {str(w).lower() for w in _base_data().get("never") or ()}
    words |= set("pct percent dlrs dollars mln billion million tonnes tons barrels bushels yen marks francs pounds "
                 "rose fell rise fall said says say told made sold held agreed listed based located headquartered "
                 "operates operate traded trade up down out off".split())
    return frozenset(words - {"born"})


def _word_start(text: str, end: int) -> int:
    """Where the word (or comma-ended word) that ends at ``end`` starts."""
    lo = max(0, end - 30)
    return max(text.rfind(" ", lo, end), text.rfind("\n", lo, end), text.rfind("\t", lo, end)) + 1


def _place_word(text: str, at: int) -> bool:
    """Whether the word at ``at`` may start a place's name."""
    data = gz.data()  # loaded on the first cue: an article with none never loads it
    word = _WORD_AT.match(text, at)
    key = word.group().rstrip(".").lower() if word else ""
    return key in data.names or key in data.prefixes or (not key.isascii() and gz.normalize(key) in data.names)


def _named_subject(text: str, verb_start: int) -> bool:
    """Whether the word before a verb or copula (auxiliaries and "also" aside)
    may be a person's name or "he"/"she": "Cuenca was in", "Cheeks also
    coached at", "He was in" (see _Reader._person)."""
    for word in reversed(text[max(0, verb_start - 40):verb_start].split()[-4:]):
        if word.lower() in _AUXILIARIES or word.lower() in _SUBJECT_ADVERBS:
            continue
        return word[:1].isupper() and word[-1:].isalpha()
    return False


def fronted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of "In Dubai," and "At Davos," that open a sentence on a place
    (_FRONTED), cue and comma included: read alone, they tell the story the
    place without a window around them."""
    return [match.span() for pattern in _FRONTED for match in pattern.finditer(text)
            if _place_word(text, match.start(1))]


def _literal_starts(text: str, literal: str) -> Iterator[int]:
    at = text.find(literal)
    while at >= 0:
        yield at
        at = text.find(literal, at + len(literal))


def trigger_starts(text: str) -> list[int]:
    """Offsets where the text may tie a thing to a place (see the patterns
    above), where the capitalised word may start a place's name."""
    not_things = _not_things()
    found = []
    for pattern in _CUES_BEFORE_NAME:
        for match in pattern.finditer(text):
            start = match.start()
            if start and text[start - 1].isalnum():
                continue  # "within", "main"
            verb_start = _word_start(text, start - 1)
            before = text[verb_start:start].strip(" ,").lower()
            if (before in not_things and before not in _STINT_WORDS) or before.endswith(("ed", "ing")):
                if not ((before in _COPULAS or before.endswith(("ed", "ing"))) and _named_subject(text, verb_start)):
                    continue  # "rose 2 pct in February", "said in London", "traded in Tokyo": no thing to place
            if _place_word(text, match.end() - 1):
                found.append(start)
    for match in _OF_NAME.finditer(text):
        start = match.start()
        word_start = _word_start(text, start)
        if text[word_start:start].lower() in _OFFICES_OF:
            found.append(word_start)
    for literal in _AFTER_NAME:
        for start in _literal_starts(text, literal):
            word_start = _word_start(text, start)
            if word_start < start and text[word_start].isupper() and _place_word(text, word_start):
                found.append(word_start)
    return found


# ---------------------------------------------------------------------------
# Reading attachments
# ---------------------------------------------------------------------------


def read_attachments(doc: Document, mentions: list[tuple[int, int, Any]], vocabulary: Vocabulary | None = None,
                     events: Any = None) -> list[Attachment]:
    """The article's attachments, in text order (memoised per vocabulary and
    event lexicon), from its place mentions ((start, end, PlaceMention) in
    text order, lint-text offsets). ``events`` (the locations kind's Lexicon) turns an event
    word at the head of a phrase into the key "event:<class>" ("ICO talks in
    London": the name is a thing), of the INSTITUTION tier for events that
    happen in one place."""
    vocabulary = vocabulary or load_vocabulary()
    return doc.memo(("attachments", vocabulary, events), lambda: _Reader(doc, mentions, vocabulary, events).run())


class _Reader:
    def __init__(self, doc: Document, mentions: list, vocabulary: Vocabulary, events: Any = None) -> None:
        self.doc = doc
        self.mentions = mentions
        self.text = doc.text
        self.v = vocabulary
        self.events = events
        self.title_case = False  # the block being read is a title-case headline
        self.spans: list[tuple[int, int]] = []  # the sentence's place mentions
        self.s_start = 0  # the sentence's start
        self.names: dict[str, bool] = {}  # capitalised first words known as names (_name_elsewhere)
        self.lower: str | None = None  # the text in lower case, made on first use
        self.block_span = (0, 0)
        self.previous: tuple[int, int]  # the sentence before, in the same block (none: an empty span); set by run

    def run(self) -> list[Attachment]:
        mentions = self.mentions
        if not mentions:
            return []
        sentences = []  # (start, end, block number, role), in text order
        paragraph = 0
        for number, block in enumerate(self.doc.blocks):
            if block.kind == "heading" and number > 2:
                continue  # section headings say little of the story's facts
            role = "headline" if block.kind == "heading" else ("lead" if paragraph < LEAD_PARAGRAPHS else "body")
            if block.kind == "paragraph":
                paragraph += 1
            for s_start, s_end in block.sentences or [(block.start, block.end)]:
                sentences.append((s_start, s_end, number, role))
        starts = [s[0] for s in sentences]
        by_sentence: dict[int, list] = {}
        for mention in mentions:
            i = bisect.bisect_right(starts, mention[0]) - 1
            if i >= 0 and mention[1] <= sentences[i][1]:
                by_sentence.setdefault(i, []).append(mention)
        result: list[Attachment] = []
        for i, inside in sorted(by_sentence.items()):
            s_start, s_end, number, role = sentences[i]
            block = self.doc.blocks[number]
            self.title_case = block.kind == "heading" and _title_case(self.text[block.start:block.end])
            self.block_span = (block.start, block.end)
            self.spans = [(m[0], m[1]) for m in inside]
            self.s_start = s_start
            self.previous = sentences[i - 1][:2] if i > 0 and sentences[i - 1][2] == number else (0, 0)
            for index, item in enumerate(inside):
                attachment = self._attachment(item, inside, index, s_start, s_end, number, role)
                if attachment is not None:
                    result.append(attachment)
        return result

    # -- one place --------------------------------------------------------------
    def _attachment(self, item: tuple, inside: list, index: int, s_start: int, s_end: int, block: int,
                    role: str) -> Attachment | None:
        m_start, m_end, mention = item
        context = mention.context
        if context in ("metonymy", "directional", "based", "dateline"):
            return None
        if apposition(self.text, inside, index):
            return None  # "Sincelejo, United Arab Emirates": the qualifier of the place before
        if context == "locative" and mention.cue in ATTACHING_CUES:
            found = self._before_cue(mention.cue, m_start, s_start)
        elif context == "possessive":
            if not _local(mention):
                return None  # "Ecuador's consumer price index": a country's, not a place's
            found = self._possessed(m_end, s_end)
            cue_thing = self._possessive_cue(m_start, s_start)
            if cue_thing is not None and (found is None or not any(found.tiers)):
                found = cue_thing  # "brokers at Manila's two stock exchanges": the brokers, if nothing stronger
        elif context in ("mention", "qualifier"):
            found = self._office_of(m_start, s_start) or \
                (self._attributive(m_end, s_end, mention.qualifier is not None) if _local(mention) else None)
        else:
            return None
        if found is None or not found.keys:
            return None
        if found.shape == "person":
            if not self._where_a_person_is(m_start, m_end, s_start, s_end):
                return None
            purpose = _PURPOSE.match(self.text, m_end, s_end)
            if purpose is not None and purpose.group(1).lower() not in _NOT_PURPOSE:
                # "was in London to brief producers": the visit told by its purpose,
                # one thing however far people travel (see the module's docstring)
                found = replace(found, keys=(*found.keys, f"{found.keys[0]}:{purpose.group(1).lower()}"),
                                tiers=(*found.tiers, NAMED))
        status = self._status(inside, index, found, m_start, m_end, s_start, s_end)
        return Attachment(
            keys=found.keys, tiers=found.tiers, label=found.label or self._label(found), shape=found.shape,
            thing_start=found.start, start=m_start, end=m_end, surface=" ".join(self.text[m_start:m_end].split()),
            places=mention.places, status=status, block=block, role=role, sentence_start=s_start,
            sentence_end=s_end,
        )

    def _label(self, found: _Thing) -> str:
        """The thing as written for a message, its first word in lower case
        where only its place made it a capital ("Police in Lyon said": "police")."""
        label = _label(self.text[found.start:found.end])
        first = label.split(" ", 1)[0]
        if self._capitalised(self.text.find(first, found.start), first):
            return label  # "ICO talks", "Waitrose supermarket": a name's capital (a name's first word is one)
        return label[:1].lower() + label[1:]

    # -- the words before a cue ---------------------------------------------------
    def _left_words(self, end: int, s_start: int) -> list[tuple[int, int, str]]:
        """Up to MAX_LEFT_WORDS words before ``end`` in its clause. A stretch
        of dates between commas does not end the clause ("born on April 22,
        1923, in")."""
        window_start = max(s_start, end - 120)
        breaks = [window_start] + [b.end() for b in _CLAUSE_BREAK.finditer(self.text, window_start, end)]
        words: list[tuple[int, int, str]] = []
        for stop in reversed(breaks):
            words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(self.text, stop, end)]
            if any(not self._skippable(w[2]) for w in words) or self.text[stop - 1:stop] != ",":
                break
        return words[-MAX_LEFT_WORDS:]

    def _skippable(self, word: str) -> bool:
        low = word.lower().rstrip(".")
        return low in self.v.skip or low.isdigit()

    def _capitalised(self, start: int, word: str) -> bool:
        """A word capitalised as a name is: an acronym ("ICO"), or a capitalised
        word that is not a sentence's first word nor in a title-case headline;
        a first word is a name when the article capitalises it mid-sentence too
        ("Waitrose fire in Wellington ... the Waitrose store")."""
        if not word[:1].isupper():
            return False
        if len(word) >= 2 and word.isupper() and word.isalpha():
            return True
        opening = self.text[self.s_start:start]
        if not self.title_case and bool(opening.strip(" \t\n\"'“‘([")) and opening.rstrip()[-1:] not in ".!?:":
            return True
        return self._name_elsewhere(word)

    def _name_elsewhere(self, word: str) -> bool:
        """Whether the article writes ``word`` capitalised after a lower-case word."""
        known = self.names.get(word)
        if known is None:
            known = False
            text = self.text
            at = text.find(word)
            while at >= 0 and not known:
                end = at + len(word)
                if self.title_case and self.block_span[0] <= at < self.block_span[1]:
                    at = text.find(word, at + 1)
                    continue  # the headline's own capitals say nothing
                before = text[max(0, at - 30):at]
                known = _MID_SENTENCE.search(before) is not None and (end == len(text) or not text[end].isalpha())
                at = text.find(word, at + 1)
            self.names[word] = known
        return known

    def _is_place(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)

    def _before_cue(self, cue: str, m_start: int, s_start: int) -> _Thing | None:
        """The thing before "in/at/near ..." (what the place says where)."""
        cue_start = self._cue_start(cue, max(s_start, m_start - 60), m_start)
        if cue_start < 0:
            return None
        if _BETWEEN.search(self.text, max(s_start, cue_start - 12), cue_start):
            return None
        words = self._left_words(cue_start, s_start)
        skipped: list[str] = []
        while words:
            low = words[-1][2].lower().rstrip(".")
            if self._skippable(low) or (low in ("the", "a", "of", "in", "on") and skipped):
                skipped.append(low)
                words.pop()
            else:
                break
        if not words:
            return None
        w_start, w_end, head = words[-1]
        low = head.lower()
        if low in _COPULAS:
            return self._person(words, skipped)  # "Martinez Cuenca was in London"
        if low in _FUNCTION or low in self.v.hedges or low in _PARTICLES:
            return None
        if self._capitalised(w_start, head):
            return self._named(words, skipped)
        event = self._event(words, tuple(skipped))
        if event is not None:
            return event
        if low in self.v.fixed_verbs:
            return _Thing((f"verb:{low}",), (NAMED,), w_start, w_end, "verb", tuple(skipped))
        if low.endswith(_VERB_ENDINGS) and low not in _NOUN_LIKE and not self._noun_phrase_before(words):
            # "traded in Tokyo": no thing; "Cheeks coached at Portland": the person the verb places
            return self._person(words, skipped)
        thing = self._noun(words, skipped)
        if thing is None or not any(thing.tiers):
            return self._stint(words, skipped) or thing
        return thing

    def _stint(self, words: list, skipped: list[str]) -> _Thing | None:
        """A person's time in a place: "Cheeks is 284-286 lifetime, including
        four years in Portland" (a span after the sentence's subject, a name),
        "Cheeks was the victim of a regime change and not his own failure in
        Portland" ("his" or "her" before the noun, one person named before it
        in the sentence). Keyed as a person a verb places."""
        w_start, w_end, head = words[-1]
        if head.lower() in _STINT_WORDS and len(words) >= 2 and _COUNT.fullmatch(words[-2][2].lower()):
            name = self._subject_name()
        elif any(w[2].lower() in ("his", "her") for w in words[-3:-1]) and not self._owned(head.lower()):
            name = self._named_before(next(w[0] for w in words[-3:] if w[2].lower() in ("his", "her")))
        else:
            return None
        if name is None:
            return None
        last = name.split()[-1]
        return _Thing((f"person:{last.lower()}",), (GENERIC,), w_start, w_end, "person", tuple(skipped),
                      " ".join(name.split()[-2:]))

    def _subject_name(self) -> str | None:
        """The name a sentence opens on ("Cheeks is ..."), if it reads as a person's."""
        match = _NAME_RUN.match(self.text, self.s_start)
        if match is None or not self._capitalised(match.start(), match.group(1).split()[0]):
            return None
        return match.group(1) if _a_persons_name(match.group(1)) else None

    def _owned(self, head: str) -> bool:
        """A thing a person owns or runs, whose place is its own ("his company
        in Russia"), not where the person is."""
        key = singular(head)
        return key in _OWNED or key in _FACILITY_WORDS  # an institution's own word is read as one

    def _named_before(self, end: int) -> str | None:
        """The one person the sentence names before ``end`` ("Many felt Cheeks
        was the victim ... not his own failure"), or None when it names none,
        or two names ("Ryan Sweeting attended Joel Silver's party at his home":
        whose home?), a place among them ("under Perry during his tenure": a
        town of Georgia, or the governor?)."""
        names = {}
        for match in _NAME_RUN.finditer(self.text, self.s_start, end):
            words = match.group(1).split()
            for index, word in enumerate(words):
                if word.endswith(("'s", "’s")):  # "Joel Silver's Annual Party": Joel Silver
                    words = words[:index] + [word[:-2]]
                    break
            if not self._capitalised(match.start(1), words[0]) or words[-1].lower() in self.v.skip:
                continue  # a sentence's opener, a month or a day: no name
            names[words[-1]] = " ".join(words)
        if len(names) != 1:
            return None
        name = next(iter(names.values()))
        return name if _a_persons_name(name) else None

    def _person(self, words: list, skipped: list[str]) -> _Thing | None:
        """The person a verb or copula places, its subject right before it:
        "Martinez Cuenca was in London", "Cheeks also coached at Portland",
        "He was in London to brief producers" after a sentence that quotes one
        person ("..., Martinez Cuenca told reporters"). Keyed "person:<last
        name>", generic: a person is placed in many places over a story, so
        only a place in a country no other article names stands out. Not a
        subject that is a place, a facility or body ("the Waitrose store was
        in"), nor a placement after a modal ("Smith will be in Paris")."""
        if words[-1][2].lower() in _NOT_PERSON_VERBS:
            return None
        at = len(words) - 2
        while at >= 0 and (self._skippable(words[at][2]) or words[at][2].lower() in _AUXILIARIES
                           or words[at][2].lower() in _SUBJECT_ADVERBS):
            if words[at][2].lower() in _MODALS:
                return None
            at -= 1
        start, end, word = words[at]  # at -1, the verb itself: no name, no "he"
        if word.lower() in ("he", "she"):
            name = self._quoted_person()
            if name is None:
                return None
            return _Thing((f"person:{name.split()[-1].lower()}",), (GENERIC,), start, end, "person",
                          tuple(skipped), " ".join(name.split()[-2:]))
        run = []
        while at >= 0 and self._capitalised(words[at][0], words[at][2]):
            run.append(words[at])
            at -= 1
        if not run or (at >= 0 and words[at][2].lower() in _PREPOSITIONS):
            return None  # "incidents of Islamophobia have increased in": the name is no subject
        run.reverse()
        name = " ".join(w for _, _, w in run)
        if _names_no_person(name):
            return None  # a place, a body, an acronym ("ICO was in London") or "Inc.": not a person
        return _Thing((f"person:{run[-1][2].lower()}",), (GENERIC,), run[0][0], run[-1][1], "person", tuple(skipped),
                      " ".join(w for _, _, w in run[-2:]))  # "Martinez Cuenca", not the titles before

    def _where_a_person_is(self, m_start: int, m_end: int, s_start: int, s_end: int) -> bool:
        """Whether the place right after a person's verb is where the person
        was: the cue's object itself ("was in London to brief", "arrived in
        Rome early this month"), not a thing the place qualifies ("arrived at
        the Los Angeles premiere", "took part in Sandusky's programme",
        "worked in New York fashion")."""
        if not _BARE_CUE.search(self.text, max(s_start, m_start - 12), m_start):
            return False
        word = _WORD_AFTER.match(self.text, m_end, s_end).group(1)  # always matches, maybe no word
        # a function or time word ("to brief", "in 1985", "Saturday"), or nothing; not "'s" nor a noun
        return not word or word in _FUNCTION or word in _PREPOSITIONS or self._skippable(word)

    def _quoted_person(self) -> str | None:
        """The name of the one person the sentence before quotes ("...,
        Martinez Cuenca told reporters Saturday."), or None when it quotes none
        or two."""
        names = {m.group(1).split()[-1]: m.group(1) for m in _SPEAKER.finditer(self.text, *self.previous)
                 if not gz.lookup(m.group(1))}  # "Honduras said", "Washington said": a place speaks, not a person
        return next(iter(names.values())) if len(names) == 1 else None

    def _event(self, words: list, skipped: tuple = ()) -> _Thing | None:
        """An event word at the head: "ICO talks in", "the bombing in", "met in"."""
        if self.events is None:
            return None
        w_start, w_end, head = words[-1]
        candidates = [(w_start, head.lower())]
        if len(words) >= 2:
            candidates.insert(0, (words[-2][0], f"{words[-2][2].lower()} {head.lower()}"))
        for start, written in candidates:
            word = self.events.words.get(written)
            if word is None:
                continue
            # the event itself is the event analyzer's to compare (it knows other
            # instances and days); a name before it is a thing: "ICO talks"
            thing = self._noun(words, []) if word.noun else None
            names = [k for k in (thing.keys if thing else ()) if k != singular(head.lower())]
            if not names:
                return _Thing((), (), start, w_end, "event", skipped)
            tier = INSTITUTION if self.events.classes[word.event].single_place else GENERIC
            return _Thing(tuple(names), (tier,) * len(names), min(start, thing.start), w_end, "noun", skipped)
        return None

    def _cue_start(self, cue: str, start: int, end: int) -> int:
        """Where the last use of ``cue`` ("in", "north of") before ``end`` starts, or -1."""
        text = self.text
        if self.lower is None:
            lower = text.lower()
            # "İ" lowers to two characters: then only the text's own case is searched
            self.lower = lower if len(lower) == len(text) else text
        first = cue.split()[0]
        at = end
        while True:
            at = self.lower.rfind(first, start, at)
            if at < 0:
                return -1
            before_ok = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")
            if before_ok and _cue_regex(cue).match(text, at, end):
                return at
            if at == start:
                return -1

    def _noun_phrase_before(self, words: list) -> bool:
        """"the shooting", "a building": an article before an -ing/-ed word makes it a noun."""
        return len(words) >= 2 and words[-2][2].lower() in _DETERMINERS

    def _noun(self, words: list, skipped: list[str]) -> _Thing | None:
        """A lower-case head noun, with the compound or names before it."""
        w_start, w_end, head = words[-1]
        low = _norm(head)
        previous = words[-2][2].lower() if len(words) >= 2 else ""
        compound = f"{previous} {low}"
        if previous and (compound in self.v.compounds or compound in self.v.aliases):
            key = self.v.aliases.get(compound, compound)
            w_start = words[-2][0]
            names_from = len(words) - 2
        else:
            if low in self.v.never or singular(low) in self.v.never:
                return None
            key = self.v.aliases.get(low) or singular(low)
            names_from = len(words) - 1
        tier = INSTITUTION if (key in self.v.institutions or key in self.v.offices or low in self.v.institutions) \
            and key not in self.v.persons else GENERIC
        keys, tiers = [key], [tier]
        # "the Waitrose supermarket", "ICO talks", "the East Flatbush neighborhood": a name before the head
        name_words = []
        for start, end, word in reversed(words[:names_from]):
            if self._capitalised(start, word):
                name_words.append((start, end, word))
            else:
                break
        if name_words:
            name_words.reverse()
            name = _name_key(" ".join(w for _, _, w in name_words))
            if name:
                place = self._is_place(name_words[0][0], name_words[-1][1])
                named, named_tiers = self._name_keys(name, place, NAMED if tier == INSTITUTION else GENERIC)
                keys[:0] = named
                tiers[:0] = named_tiers
                w_start = name_words[0][0]
        return _Thing(tuple(keys), tuple(tiers), w_start, w_end, "noun", tuple(skipped))

    def _named(self, words: list, skipped: list[str]) -> _Thing | None:
        """A capitalised name right before the cue: "Waitrose in", "the University
        of Texas at", "4 Yawkey Way in", "East Flatbush in"."""
        run: list[tuple[int, int, str]] = []
        for start, end, word in reversed(words):
            if self._capitalised(start, word) or (run and word.lower() in ("of", "de", "for")):
                run.append((start, end, word))
            else:
                break
        while run and not run[-1][2][:1].isupper():
            run.pop()
        if not run:
            return None
        run.reverse()
        name = _name_key(" ".join(w for _, _, w in run))
        if not name:
            return None
        place = self._is_place(run[0][0], run[-1][1])
        words_of_name = name.split()
        tier = NAMED if place or words_of_name[-1] in _FACILITY_WORDS or words_of_name[0] in _FACILITY_WORDS \
            else GENERIC
        keys, tiers = self._name_keys(name, place, tier)
        before = [w for w in words if w[1] <= run[0][0]]
        if before and before[-1][2].lower() in self.v.fixed_verbs:  # "was born Betty Mae Page in"
            verb = before[-1][2].lower()
            return _Thing((f"verb:{verb}", *keys), (NAMED, *tiers), before[-1][0], run[-1][1], "verb",
                          tuple(skipped))
        return _Thing(tuple(keys), tuple(tiers), run[0][0], run[-1][1], "noun", tuple(skipped))

    # -- other shapes -------------------------------------------------------------
    def _name_keys(self, name: str, place: bool, tier: int) -> tuple[list[str], list[int]]:
        """The keys of a name and their tiers: itself ("place:..." for a place's
        name) and its initials ("International Coffee Organisation": "ico"),
        of the name's tier when the article writes them, else generic (two
        shopping centres in one article may share their initials)."""
        if place:
            return [f"place:{name}"], [NAMED]
        short = initials(name)
        if len(short) < 3:
            return [name], [tier]
        written = short.upper() in self.text and \
            re.search(rf"(?<![\w.]){short.upper()}(?![\w])", self.text) is not None
        return [name, short], [tier, tier if written else GENERIC]

    def _possessed(self, m_end: int, s_end: int) -> _Thing | None:
        """"Manila's two stock exchanges", "Marseille's police chief", "Iran's
        official news agency": the last of up to three lower-case words (or a
        name: "Barquisimeto's High Street")."""
        match = _POSSESSED.match(self.text, m_end, s_end)
        if match is None:
            return None
        words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(self.text, match.start(1), min(s_end, match.start(1) + 60))][:3]
        if not words:
            return None
        if words[0][2][:1].isupper():
            run = []
            for word in words:
                if not word[2][:1].isupper():
                    break
                run.append(word)
            name = _name_key(" ".join(w for _, _, w in run))
            return _Thing((name,), (GENERIC,), run[0][0], run[-1][1], "possessive") if name else None
        run = []
        for word in words:
            low = word[2].lower()
            if not word[2][:1].islower() or low in _FUNCTION or low in _COPULAS or (run and low.endswith(_VERB_ENDINGS)):
                break
            run.append(word)
        if not run:
            return None
        head = run[-1][2].lower()
        compound = f"{run[-2][2].lower()} {head}" if len(run) >= 2 else ""
        if compound and (compound in self.v.compounds or compound in self.v.aliases):
            key, start = self.v.aliases.get(compound, compound), run[-2][0]
        else:
            if head in self.v.never or singular(head) in self.v.never:
                return None
            key, start = self.v.aliases.get(head) or singular(head), run[-1][0]
        tier = INSTITUTION if (key in self.v.institutions or key in self.v.offices) and key not in self.v.persons \
            else GENERIC
        if key in self.v.offices:
            key = f"office:{singular(key)}"
        return _Thing((key,), (tier,), start, run[-1][1], "possessive")

    def _possessive_cue(self, m_start: int, s_start: int) -> _Thing | None:
        """"brokers at Manila's": the phrase before a cue that stands before a possessive."""
        cue = _CUE_BEFORE.search(self.text, max(s_start, m_start - 20), m_start)
        if cue is None:
            return None
        return self._before_cue(cue.group(1).lower(), m_start, s_start)

    def _office_of(self, m_start: int, s_start: int) -> _Thing | None:
        """"the mayor of Leeds", "a resident of Austin", "the police chief of Lyon"."""
        before = self.text[max(s_start, m_start - 8):m_start].rstrip().lower()
        if not (before.endswith(" of") or before.endswith(" of the")):
            return None
        match = _OF_BEFORE.search(self.text, max(s_start, m_start - 40), m_start)
        if match is None:
            return None
        words = match.group(1).lower().split()
        for written in (" ".join(words), words[-1]):
            key = self.v.aliases.get(written, written)
            if key in self.v.offices:
                start = match.end(1) - len(written)
                tier = GENERIC if key in self.v.persons else INSTITUTION
                return _Thing((f"office:{singular(key)}",), (tier,), start, match.end(1), "office")
        return None

    def _attributive(self, m_end: int, s_end: int, qualified: bool = False) -> _Thing | None:
        """"Marseille police said", "the Leeds mayor", "Springfield, Illinois,
        police": a place before an institution or office."""
        if qualified and self.text[m_end:m_end + 1] == ",":
            m_end += 1
        if self.text[m_end:m_end + 1] not in (" ", "\t") or not self.text[m_end + 1:m_end + 2].islower():
            return None
        match = _HEAD_AFTER.match(self.text, m_end, s_end)
        if match is None:
            return None
        words = match.group(1).lower().split()
        for candidate in (" ".join(words), words[0]):
            key = self.v.aliases.get(candidate, candidate)
            if key in self.v.institutions or key in self.v.offices:
                start = match.start(1)
                office = key in self.v.offices
                tier = GENERIC if key in self.v.persons else INSTITUTION
                return _Thing((f"office:{singular(key)}" if office else key,), (tier,), start,
                              start + len(candidate), "office" if office else "attributive")
        return None

    # -- status ---------------------------------------------------------------
    def _status(self, inside: list, index: int, thing: _Thing, m_start: int, m_end: int, s_start: int,
                s_end: int) -> str:
        """asserted, or list / other / hedged (see the module's docstring)."""
        text = self.text
        if coordinated(self.text, inside, index):
            return "list"
        # "last year's bombing at the embassy in Nairobi": the words before the
        # thing's phrase, up to the clause's start
        clause = max([s_start] + [b.end() for b in _CLAUSE_BREAK.finditer(text, max(s_start, thing.start - 60), thing.start)])
        before = [w.group().lower() for w in _WORD.finditer(text, clause, thing.start)][-6:]
        if any(w in self.v.other_instance for w in [*before, *thing.skipped]) \
                or any(w.endswith(("'s", "’s")) and w[:-2] in ("year", "week", "month") for w in before):
            return "other"
        after = text[m_end:min(s_end, m_end + 40)]
        if not any(k.startswith("verb:") and k[5:] in self.v.fixed_verbs for k in thing.keys):
            # "a demonstration in Athens in 1985", "the 2003 quake in Bam"; not "born in 1923 in Nashville"
            span = text[min(thing.start, m_start):m_start]
            if _YEAR.search(span) or _YEAR_AFTER.match(after):
                return "other"
        cue_words = [w.group().lower() for w in _WORD.finditer(text, max(s_start, m_start - 30), m_start)][-3:]
        if any(w in self.v.hedges for w in cue_words) or _HEDGE_AFTER.match(after):
            return "hedged"
        if thing.shape == "verb":  # "the bonds will be listed in": the verb's own modal
            before_verb = [w.group().lower() for w in _WORD.finditer(text, max(s_start, thing.start - 30), thing.start)][-3:]
            if any(w in _MODALS for w in before_verb):
                return "hedged"
        return "asserted"


def apposition(text: str, inside: list, index: int) -> bool:
    """A country or state right after another place and a comma, ending the
    phrase: "in Sincelejo, United Arab Emirates, evacuated" (a qualifier
    that does not hold the place is still not a second placement).
    ``inside``: the mentions of a sentence, (start, end, mention) in order."""
    if index == 0:
        return False
    p_start, p_end, previous = inside[index - 1]
    m_start, m_end, mention = inside[index]
    if mention.places[0].type not in ("country", "state") or previous.places[0].type == "country":
        return False
    if not _COMMA_GAP.fullmatch(text[p_end:m_start]):
        return False
    if index + 1 < len(inside):  # "in Paris, France, Berlin and Rome": a list goes on
        return not _COORDINATION.match(text[m_end:inside[index + 1][0]])
    return True


def coordinated(text: str, inside: list, index: int) -> bool:
    """Coordinated with a neighbouring place: "in Manila and Hong Kong",
    "in Cordoba, Mendoza and Salta", "both in Philadelphia and in Portland"."""
    m_start, m_end, _ = inside[index]
    if index + 1 < len(inside):
        n_start = inside[index + 1][0]
        if _COORDINATION.match(text[m_end:n_start]) and not apposition(text, inside, index + 1):
            return True
    if index > 0:
        p_end = inside[index - 1][1]
        if _COORDINATION.match(text[p_end:m_start]) and not apposition(text, inside, index):
            return True
    return False


@lru_cache(maxsize=64)
def _cue_regex(cue: str) -> re.Pattern:
    """A cue ("north of") matched where it starts, as a whole word, any case."""
    words = r"\s+".join(re.escape(w) for w in cue.split())
    return re.compile(rf"{words}(?![\w'’-])", re.I)


def initials(name_key: str) -> str:
    """"international coffee organisation" -> "ico": the acronym a story may use for a name."""
    words = [w for w in name_key.split() if w not in ("of", "the", "and", "for", "de", "&")]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _name_key(name: str) -> str:
    """A name as a key: lower case, without a leading article, a possessive or
    an acronym in brackets."""
    words = gz.normalize(name).split()
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    while words and words[-1] in ("of", "de", "for"):
        words.pop()
    key = " ".join(words)
    if key.endswith("'s"):
        key = key[:-2]
    return key if len(key) >= 3 else ""


def _local(mention: Any) -> bool:
    """A city or town ("Marseille police", "Manila's two stock exchanges"):
    before a noun, a country or state names whose it is ("the U.S. embassy",
    "Ecuador's price index"), not where."""
    return all(place.type == "city" for place in mention.places[:1])


def _names_no_person(name: str) -> bool:
    """Whether capitalised words name a place, a facility or body ("Waitrose
    store"), an acronym or "Inc.": not a person."""
    written = name.split()[-1]
    last = written.lower()
    return bool(gz.lookup(name) or last in _FACILITY_WORDS or last in _BODY_WORDS or written.isupper()
                or not last.replace("'", "").replace("’", "").replace("-", "").isalpha())


def _a_persons_name(name: str) -> bool:
    """Whether capitalised words may be a person's name: not a place, a
    facility or body, an acronym or "Inc." (_names_no_person), nor a
    function word or determiner."""
    last = name.split()[-1].lower()
    return not (_names_no_person(name) or last in _FUNCTION or last in _DETERMINERS)


def _title_case(line: str) -> bool:
    """A headline in title case ("Riot Breaks Out in Brooklyn"), where capitals say nothing of names."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _label(text: str) -> str:
    """The thing as written, short enough for a message."""
    words = text.split()
    while words and words[0].lower() in ("a", "an", "the"):
        words.pop(0)
    if len(words) > 6:
        words = words[-6:]
    return " ".join(words)
