"""Which figures state the same fact, and whether their values can both be true.

An editor reading several reports of one story lines their figures up the
way factlint.figures does here: *everyone else on this story says 118 crew;
this one says 236*. Two figures are taken as one fact in one of two ways:

- **the same statement**: the words on either side of the figure match, from
  the figure outward ("The purchase valued at 14.8 mln dlrs follows the
  recent acquisition ..." in one version of a wire story, "16.8 mln dlrs"
  in the next). What the sentence says about the figure (a plan, a rate, a
  part) is then the same in both, so nothing more is asked;
- **the same frame** (factlint.figure_frames): the same counted thing after
  synonyms, the same event or relation, the same scope, and nothing that
  tells them apart (two named subjects, two places, two weekdays, two
  dates, a compound's two owners). Parts, increments, plans, rates and
  background never match by frame.

Between two articles each figure is paired with at most one figure of the
other, the closest first (``align``), so an article that states a figure
twice, or a list of figures of one kind, is not compared with itself.

Values: a figure is the range its wording allows ("about 50" is 45 to 55,
"at least 10" is 10 or more, "1.5 million" is 1.45 to 1.55 million), in the
base unit of its dimension (miles and km, minutes and hours compare; money
never changes currency); two figures disagree when their ranges, with the
lexicon's tolerance, do not meet.

Time: a figure is ``growing`` (a toll, arrests, money raised: a later,
larger figure is news, a later, smaller one is not), ``static`` (people on
board, a distance, an area, a running time, a closed period's result: any
change is a disagreement) or ``moving`` (a price, a level: it may move
either way between dates).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from functools import lru_cache
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from factlint.document import Location
from factlint.figure_frames import PRICED, TOKEN, context_words, opener
from factlint.quantities import (Quantity, dimension, qualified_range, ranges_conflict, significant_digits,
                                 specific_value)

if TYPE_CHECKING:
    from factlint.figure_frames import Lexicon, Mention

#: Scopes that make a count cumulative: it may grow between reports.
CUMULATIVE = frozenset({"so far", "thus far", "to date", "until now", "up to now", "a total of", "in total",
                        "in all", "all told", "altogether", "since", "overall"})
#: Words of a company's name that do not tell two companies apart ("Commercial Credit Co", "Ford
#: Motor Credit Co").
_NOT_NAMING = frozenset("co corp inc ltd plc group credit bank trust international national american".split())
#: Scopes of a period that was over before any article of a story (days apart) was written.
_CLOSED = frozenset({"last year", "last season", "previous year"})
#: Scopes that mean another time in an article of another date ("in the week", "last week", "today"),
#: after their preposition; the day an article tells of is no part of a fact ("today": its own day).
_RELATIVE = frozenset({"week", "month", "day", "weekend", "last week", "last month", "previous week", "previous month",
                       "this week", "this month", "same week", "same month", "past week", "past month"})
_DAYS = frozenset({"today", "yesterday", "tonight", "this morning", "this afternoon"})
#: Lengths that measure what falls or rises (rain, snow, water), not a distance.
_FALLING = frozenset({"mm", "cm", "inch"})
#: Words a period's scope starts with that do not change which period it is.
_PERIOD_WORDS = frozenset("in during for over through throughout the its his her their".split())
_TOPIC_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
#: Words that say nothing of what a sentence is about.
_TOPIC_SKIP = frozenset("""
the and but for from with that this these those which who whom what when where was were are has have had
its their his her they them she said says will would could should also than then there here into over
about after before been being not mln bln dlrs pct per cent
""".split())
#: Words that do not tell two sentences apart when they match.
_FUNCTION = frozenset("""
# of to in on at for by with from and or but as is are was were be been has have had will would said says
its their his her it they he she this that these those which who also than about up down over under per
befor after when whil
""".split())
# Context needed for two figures to be one statement: words matching from the figure outward,
# of which content words (not "#", not function words).
STATEMENT = 3.0  # the score from which two figures are one statement
_STATEMENT_WORDS = 4
SAME_FIGURES = 6.0  # what giving the same other figures adds to a statement's score: more than its words can
_STATEMENT_CONTENT = 2
# ... in sentences that share this much of their content words (topic_overlap); more when the words
# around a figure make it a plan, a part or background, which a loose match would compare anyway
_STATEMENT_OVERLAP = 0.35
#: Figures that are a part of another ("28 of his 68 punches", "(12 Somali and 11 Yemeni)",
#: "$158 billion" converted in parentheses): never one statement with a whole.
_PARTS = frozenset({"part", "split", "table", "elapsed"})  # and a span still growing ("after eight days of riots")
_STATEMENT_OVERLAP_EXCLUDED = 0.5
# A looser match for a figure worded a little differently ("averaging 41,000 ounces a year for the
# life of the mine" / "will average 41,000 ounces per year for the mine life"): content words shared
# among the six either side, and the share of the fewer they make.
_NEAR_SHARED = 3
_NEAR_SHARE = 0.6
# A sentence reworded around its only figure: this many content words in each, and this share of
# all their content words in both.
_REWORDED_WORDS = 6
_REWORDED_SHARE = 0.85


@dataclass(frozen=True)
class Figure:
    """What the comparisons keep of one figure: its frame, its range in base units and where it is.

    This is what an article's extract holds for the comparisons across articles (it is pickled
    with the cache and the folder state), so it keeps plain values only."""

    dimension: str  # "count", a currency ("USD"), "percent", "length", "mass", "time", ...
    low: float  # the range its wording allows, in the dimension's base unit
    high: float
    step: float  # its precision as written, in base units ("1.5 million": 100,000)
    nominal: float  # its value as written, in base units ("some 300 mln": 300 mln)
    exact: bool  # no qualifier: rounding is allowed for
    bound: bool  # "at least 10", "more than 200", "up to 30": agrees with every value on its side
    slack: float  # extra relative tolerance its unit needs (a ton is 907 to 1,016 kg)
    role: str  # level, change, previous
    thing: str | None
    predicate: str | None
    owner: str | None
    subject: str | None
    complement: str | None
    scope: tuple[str, ...]
    relative: bool  # its scope means another time in an article of another date ("last week", "today")
    weekdays: frozenset[str]
    dates: frozenset[str]
    excluded: str  # why it is not compared by frame ("" when it is)
    at: tuple[int, int]  # where the figure (and its counted thing) is in its sentence
    text: str  # its sentence
    siblings: frozenset[float]  # the values of the other figures of its sentence
    earlier: frozenset[float]  # those of them written before it
    headline: bool
    sentence: int  # its sentence's start: figures of one sentence are never one fact twice
    time: str  # growing, static, moving
    kind: str  # count, money, percent, measure, duration, magnitude
    location: Location
    excerpt: str
    shown: str  # the figure as a reader would quote it: "10 people killed"
    lead_in: str = ""  # the sentence before it in its paragraph, when that one gives a specific figure
    marks: frozenset[tuple[str, float]] = frozenset()  # what its paragraph tells its event by (figure_frames.event_marks)

    @property
    def left(self) -> tuple[str, ...]:
        """The words before it in its sentence, nearest first (stems; "#" for a number): read only when
        two figures are weighed as one statement."""
        return _window(self.text, self.at)[0]

    @property
    def right(self) -> tuple[str, ...]:
        """The words after it and its counted thing, nearest first."""
        return _window(self.text, self.at)[1]

    @property
    def opener(self) -> str | None:
        """The name its sentence opens with ("control data corp is raising ...")."""
        return _opener(self.text)

    @property
    def topic(self) -> frozenset[str]:
        """Its sentence's content words: what the sentence is about (read when two figures are weighed)."""
        return _topic(self.text)


def figure_of(mention: "Mention", lexicon: "Lexicon", location: Location, excerpt: str, shown: str,
              text: str, lead_in: str = "") -> Figure:
    """The comparisons' view of a mention (``text``: its sentence; ``lead_in``: the sentence before
    it, see Figure.lead_in)."""
    q = _qualified(mention.quantity, lexicon)
    dim, size, slack = dimension(q)
    return Figure(
        dim, q.low * size, q.high * size, q.step * size, q.value * size, q.qualifier in ("", "between"),
        q.qualifier in ("more than", "at least", "up to", "fewer than"), slack, q.role, mention.thing,
        mention.predicate, mention.owner, mention.subject, mention.complement,
        tuple(s for s in scopes(mention.scope) if s not in _DAYS), relative(mention.scope), mention.weekdays,
        mention.dates, mention.excluded, (mention.start - mention.sentence[0], mention.end - mention.sentence[0]), text,
        mention.siblings, mention.earlier, mention.headline,
        mention.sentence[0],
        time_class(mention, dim, lexicon), q.kind, location, excerpt, shown, lead_in, mention.marks,
    )


@lru_cache(maxsize=8192)
def _window(sentence: str, at: tuple[int, int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    tokens = _sentence_tokens(sentence)
    starts = [t[1] for t in tokens]
    first = bisect.bisect_left(starts, at[0])
    after = bisect.bisect_left(starts, at[1])
    return context_words(tokens, first - 1, -1), context_words(tokens, after, 1)


@lru_cache(maxsize=4096)
def _sentence_tokens(sentence: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(sentence)]


@lru_cache(maxsize=4096)
def _opener(sentence: str) -> str | None:
    return opener(_sentence_tokens(sentence))


@lru_cache(maxsize=4096)
def _topic(sentence: str) -> frozenset[str]:
    return frozenset(_TOPIC_WORD.findall(sentence.lower())).difference(_TOPIC_SKIP)


def _qualified(q: Quantity, lexicon: "Lexicon") -> Quantity:
    """The quantity with its qualifier's reach from the lexicon ("nearly 1,600" is just under 1,600).
    A figure written to three or more significant digits is precise whatever qualifies it: "an
    estimated 18.53 billion" is not 10% either way."""
    if q.qualifier not in ("about", "nearly", "just over"):
        return q
    digits = math.log10(q.value / q.step) + 1 if q.value > 0 and q.step > 0 else 1
    narrow = 1.0 if digits < 2.5 else 0.5 if digits < 3.5 else 0.2
    widths = lexicon.qualifiers
    low, high = qualified_range(q.qualifier, q.value, q.value, widths.get("about", 0.1) * narrow,
                                widths.get("nearly", 0.05) * narrow, widths.get("just over", 0.05) * narrow)
    return q._replace(low=low, high=high)


def time_class(mention: "Mention", dim: str, lexicon: "Lexicon") -> str:
    """growing, static or moving: how a figure may change between dated reports of one story."""
    if mention.predicate in lexicon.growing_groups or CUMULATIVE.intersection(mention.scope):
        return "growing"
    if mention.predicate in lexicon.directions:
        return "moving"  # "the index fell 900 points", "stocks rose by 628,000 barrels"
    if mention.scope and running(scopes(mention.scope)):
        return "growing"  # "has received 10.7 billion dlrs from the World Bank in the past 20 years"
    q = mention.quantity
    if (mention.predicate in lexicon.static_groups or mention.owner in lexicon.static_groups
            or (q.modifies and q.kind == "count") or _priced(mention.owner)
            or (dim == "length" and not q.modifies and q.unit not in _FALLING)
            or any(scope in _CLOSED for scope in mention.scope)):
        return "static"
    return "moving"


def _priced(owner: str | None) -> bool:
    """A lot's count owned by the price paid for it ("offered 3.8 billion pesos in cash for the 38 mln
    shares"): an offer raised changes its price, never the count one price buys."""
    return owner is not None and owner.startswith(PRICED)


def relative(scope: tuple[str, ...]) -> bool:
    """A scope that means another time in an article of another date: "last week", "in the week",
    "today", "the same month"."""
    return any(s in _RELATIVE or s in _DAYS for s in scopes(scope))


def scopes(raw: tuple[str, ...]) -> tuple[str, ...]:
    """Scopes as compared: a period without its preposition ("during the nine months" and "in the
    nine months" are one period)."""
    out = []
    for scope in raw:
        words = scope.split()
        while len(words) > 1 and words[0] in _PERIOD_WORDS:
            words = words[1:]
        out.append(" ".join(words))
    return tuple(sorted(set(out)))


def running(scope: tuple[str, ...]) -> bool:
    """A span up to now: "so far", "since 1968", "in the past 20 years" (one span, told two ways)."""
    return all(s in CUMULATIVE or s == "past" or (s.startswith(("past ", "last ")) and s[-1] == "s") for s in scope)


# ---------------------------------------------------------------------------
# One fact?
# ---------------------------------------------------------------------------


def _agree_if_both(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _overlap_if_both(a: frozenset, b: frozenset) -> bool:
    return not a or not b or bool(a & b)


def compatible(a: Figure, b: Figure) -> bool:
    """Nothing in the two frames tells the figures apart: the same kind of value, role, counted thing
    and scope, and no two named subjects, places, owners, weekdays or dates."""
    return (a.dimension == b.dimension and a.role == b.role and _same_thing(a, b)
            and (not a.scope or not b.scope or bool(set(a.scope) & set(b.scope))
                 or (running(a.scope) and running(b.scope)))
            and _agree_if_both(a.predicate, b.predicate)
            and _agree_if_both(a.subject, b.subject) and _agree_if_both(a.complement, b.complement)
            and ((a.subject is not None and a.subject == b.subject) or _openers_agree(a.opener, b.opener)
                 or _two_ends(a, b))
            and _agree_if_both(a.owner, b.owner)
            and _overlap_if_both(a.weekdays, b.weekdays) and _overlap_if_both(a.dates, b.dates)
            and _one_event(a.marks, b.marks))


#: How far two magnitudes of one quake may be told apart (agencies differ: Tehran's 5.9, the USGS's 6.1).
_MAGNITUDE_SPREAD = 0.3


def _one_event(a: frozenset[tuple[str, float]], b: frozenset[tuple[str, float]]) -> bool:
    """The two paragraphs' marks of their events agree, for each kind both give: a magnitude within
    _MAGNITUDE_SPREAD of one the other gives, a contract's length the other gives too. "a magnitude-5.2
    quake has injured three people" is not the "5.6 magnitude earthquake ... injuring five people";
    "a seven-year, $161-million deal" is not "an eight-year, $200MM deal"."""
    if not a or not b:
        return True
    for kind in {k for k, _ in a} & {k for k, _ in b}:
        mine = [v for k, v in a if k == kind]
        theirs = [v for k, v in b if k == kind]
        spread = _MAGNITUDE_SPREAD if kind == "magnitude" else 0.0
        if not any(abs(x - y) <= spread + 1e-9 for x in mine for y in theirs):
            return False
    return True


def _openers_agree(a: str | None, b: str | None) -> bool:
    """Sentences that open on two names are about two things ("Brunswick Corp is raising 100 mln
    dlrs", "Time Inc is raising 250 mln dlrs"); a name and its short form agree ("Time")."""
    return a is None or b is None or bool((set(a.split()) & set(b.split())) - _NOT_NAMING)


#: The verbs of a payment, by the end of it their sentence stands at: the payer's ("Disney would pay
#: 217 mln dlrs to GenCorp and 103 mln dlrs to a group") or the payee's ("RKO General would receive 217
#: mln dlrs and Fidelity Television ... would get about 103 mln dlrs").
_PAYMENT_VERB = re.compile(r"\b(?:(pay|pays|paid|paying)|receive|receives|received|receiving|gets?|got|getting)\b")


@lru_cache(maxsize=4096)
def _payment_end(sentence: str, figure_start: int) -> str | None:
    """"payer" or "payee": the end of a payment the last payment verb before a sum in its sentence
    tells (a sum after "and" shares the verb before it: "pay 217 mln dlrs to GenCorp and 103 mln dlrs
    to a group"), or None."""
    end = None
    for match in _PAYMENT_VERB.finditer(sentence.lower(), 0, figure_start):
        end = "payer" if match.group(1) else "payee"
    return end


def _two_ends(a: Figure, b: Figure) -> bool:
    """One sum told from the two ends of a payment: the payer's sentence opens on the payer, the
    payee's on the payee, so two names at their openings do not tell the sums apart."""
    if a.kind != "money":
        return False
    return {_payment_end(a.text, a.at[0]), _payment_end(b.text, b.at[0])} == {"payer", "payee"}


def _same_thing(a: Figure, b: Figure) -> bool:
    """The same counted thing; a sum names what it is for loosely ("in cash", "of official debt",
    "of medium and long-term debt"), so two sums compare by the last word, when both name one."""
    if a.kind != "money":
        return a.thing == b.thing
    if a.thing is None or b.thing is None:
        return True
    return a.thing.rsplit(" ", 1)[-1] == b.thing.rsplit(" ", 1)[-1]


def _anchored(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[int, int]:
    """Words that match from the figure outward, and how many of them are content words."""
    matched = content = 0
    for first, second in zip(x, y):
        if first != second:
            break
        matched += 1
        if first not in _FUNCTION:
            content += 1
    return matched, content


def words_alike(a: Figure, b: Figure) -> int:
    """How many words match from the two figures outward, both sides together: at most the 12
    words each figure keeps of its sentence (six a side)."""
    return _anchored(a.left, b.left)[0] + _anchored(a.right, b.right)[0]


def worded_alike(a: Figure, b: Figure) -> bool:
    """The words on either side of two figures match from the figure outward, as many as make a
    statement, whatever else their sentences say ("if the buffer stock, currently 360,000 tonnes,
    rises to 450,000 tonnes" in a longer sentence and a shorter one)."""
    left, left_content = _anchored(a.left, b.left)
    right, right_content = _anchored(a.right, b.right)
    return left + right >= _STATEMENT_WORDS and left_content + right_content >= _STATEMENT_CONTENT


def _common(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[int, int]:
    """Words the two sides share in order (their longest common subsequence), and how many of them
    are content words: "purchases or sales reach 600,000" / "purchases or sales amount to 300,000"."""
    if not x or not y:
        return 0, 0
    previous = [(0, 0)] * (len(y) + 1)
    for word in x:
        current = [(0, 0)]
        for j, other in enumerate(y):
            if word == other:
                n, c = previous[j]
                current.append((n + 1, c + (word not in _FUNCTION)))
            else:
                current.append(max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def topic_overlap(a: Figure, b: Figure) -> float:
    """How much two figures' sentences are about the same things: shared content words over the
    fewer (1.0: one sentence's words are all in the other)."""
    if not a.topic or not b.topic:
        return 0.0
    return len(a.topic & b.topic) / min(len(a.topic), len(b.topic))


def _statement_overlap(a: Figure, b: Figure) -> float:
    """``topic_overlap``, with a payment told from its two ends sharing its verb: "pay" in the
    payer's sentence is "receive" in the payee's (``_two_ends``)."""
    if not _two_ends(a, b) or not a.topic or not b.topic:
        return topic_overlap(a, b)
    return (len(a.topic & b.topic) + 1) / min(len(a.topic), len(b.topic))


def statement_score(a: Figure, b: Figure) -> float:
    """How closely the words around two figures match (0: not one statement): the words matching
    from the figure outward, or, for a sentence reworded a little ("averaging 41,000 ounces a year
    for the life of the mine" / "will average 41,000 ounces per year for the mine life"), a word
    matching on each side in sentences about the same things."""
    left, left_content = _anchored(a.left, b.left)
    right, right_content = _anchored(a.right, b.right)
    overlap = topic_overlap(a, b)
    # a phrase many figures share ("tariffs on $200 billion in Chinese goods", "tariffs on $34 billion
    # of Chinese goods") is one statement only in sentences about the same things
    needed = _STATEMENT_OVERLAP if not (a.excluded or b.excluded) else _STATEMENT_OVERLAP_EXCLUDED
    if overlap < needed or a.excluded in _PARTS or b.excluded in _PARTS or a.role != "level":
        return 0.0  # a change ("is raising 100 mln dlrs", "lowers price 0.25 ct") is no statement of a level
    if left + right >= _STATEMENT_WORDS and left_content + right_content >= _STATEMENT_CONTENT:
        return STATEMENT + left + right + overlap
    if _reworded(a, b):
        return STATEMENT + overlap
    common_left, content_left = _common(a.left, b.left)
    common_right, content_right = _common(a.right, b.right)
    common = common_left + common_right
    if content_left + content_right >= 3 and overlap >= _STATEMENT_OVERLAP_EXCLUDED and (
            (common >= _STATEMENT_WORDS + 1 and (left_content or right_content)) or common >= _STATEMENT_WORDS + 2) \
            and not _other_relation(a, b):
        return STATEMENT + common / 2 + overlap
    shared = _shared_words(a, b)
    if (left or right) and a.thing is not None and overlap >= _NEAR_SHARE and (
            shared >= _NEAR_SHARED or (overlap >= 0.9 and min(len(a.topic), len(b.topic)) >= 5)):
        return 1.0 + overlap
    return 0.0


def _reworded(a: Figure, b: Figure) -> bool:
    """One sentence reworded around its one figure: nearly the same content words, enough of them
    to be one statement, and no other figure in either ("The 5.2 mln barrels shipment will be
    made by the Saudis on March 24 as scheduled, the statement said" / "The Petrobras statement
    said the shipment of 2.2 mln barrels will be made by the Saudis on March 24 as scheduled")."""
    if a.siblings or b.siblings or min(len(a.topic), len(b.topic)) < _REWORDED_WORDS:
        return False
    return len(a.topic & b.topic) >= _REWORDED_SHARE * len(a.topic | b.topic)


def _nearest_content(words: tuple[str, ...]) -> str | None:
    return next((w for w in words if w not in _FUNCTION), None)


def _other_relation(a: Figure, b: Figure) -> bool:
    """The word a figure hangs on differs: "was exporting about 140,000 bpd before the earthquake"
    and "was pumping about 260,000 bpd before the earthquake", "debts of about 2.7 billion dlrs last
    year" and "interest payments of about 200 mln dlrs last year" are two facts in one mould."""
    first, second = _nearest_content(a.left), _nearest_content(b.left)
    return first is not None and second is not None and first != second \
        and first not in b.left and second not in a.left


def _content_words(f: Figure) -> set[str]:
    return {w for w in f.left + f.right if w not in _FUNCTION}


def _shared_words(a: Figure, b: Figure) -> int:
    """Content words the two figures' contexts share."""
    return len(_content_words(a) & _content_words(b))


def _scopes_agree(a: Figure, b: Figure) -> bool:
    """The same scope, or one figure scoped only as a running total the other may be ("so far")."""
    if a.scope == b.scope:
        return True
    if not a.scope or not b.scope:
        return CUMULATIVE.issuperset(a.scope or b.scope)
    return False


def same_fact(a: Figure, b: Figure) -> bool:
    """Whether two figures' frames state one fact, values aside: the same event (a sum or a measure
    of a named thing needs none: "$1 million in damage"), the same scope, nothing that tells them apart."""
    if a.excluded or b.excluded or not _scopes_agree(a, b) or not compatible(a, b):
        return False
    if a.kind == "percent":
        return False  # a share needs a whole and a part: "5% of the world's biomass" is whose?
    if a.kind in ("money", "measure") and a.thing is not None and b.thing is not None:
        return _agree_if_both(a.predicate, b.predicate)  # "$1 million in damage", "34 miles of pipeline"
    if a.predicate != b.predicate or (a.predicate is None and (a.owner is None or b.owner is None)):
        return False
    if a.kind != "count" and a.thing is None and a.owner is None and (a.subject is None or a.subject != b.subject):
        return False  # "totalled 7.1 mln tonnes": of what?
    if a.kind == "money" and a.owner is None:
        return a.subject is not None and a.subject == b.subject  # "Ross was paid $3 million": whose sum
    return a.thing is not None or a.kind != "count"


def told_with_the_same_figures(a: Figure, b: Figure) -> bool:
    """Two sentences that give the same other figures, each on the same side of this one, tell
    one thing, however they word it ("RKO General would receive 130 mln dlrs and Fidelity
    Television ... would get about 103 mln dlrs" / "Disney would pay 217 mln dlrs to GenCorp and
    103 mln dlrs to a group that challenged the station's license"). The shared figures must not
    meet by chance: one of three significant digits or more, or two of two ("150 cents",
    "currently 360,000 tonnes"). A sum on the other side of the shared one is another sum
    ("sell WOR for 387 mln dlrs and KHJ for 217 mln dlrs" / "pay 217 mln dlrs to GenCorp and 103
    mln dlrs to a group")."""
    shared = a.siblings & b.siblings
    if not shared or (a.earlier & shared) != (b.earlier & shared):
        return False
    if a.excluded in _PARTS or b.excluded in _PARTS or _statement_overlap(a, b) < _STATEMENT_OVERLAP:
        return False
    return any(specific_value(v) for v in shared) or sum(significant_digits(v) >= 2 for v in shared) >= 2


def match_score(a: Figure, b: Figure) -> float:
    """How surely two figures of different sentences state one fact (0: they do not)."""
    if not compatible(a, b):
        return 0.0
    score = statement_score(a, b)
    if score >= STATEMENT:
        # of two sentences in one mould ("than the 3.85 mln hectares [of maize] planted in the 1985/86
        # harvest", "than the record 3.14 mln hectares [of sunflower] planted in the 1985/86 harvest"),
        # the one that gives the same other figures is the same sentence
        return score + SAME_FIGURES if told_with_the_same_figures(a, b) else score
    if told_with_the_same_figures(a, b):
        return STATEMENT + topic_overlap(a, b)
    if same_fact(a, b):
        return max(score, 1.0 + topic_overlap(a, b))
    return score


def disagree(a: Figure, b: Figure, tolerance: float) -> bool:
    """Whether two figures of one fact give values that cannot both hold. Ranges that only touch
    disagree: "three injured" (2.5 to 3.5 as rounding goes) and "four injured" (3.5 to 4.5) are two
    counts, "101 min." and "1 hour, 40 minutes" two running times."""
    tolerance = max(tolerance, a.slack, b.slack)
    return ranges_conflict(_widened(a, tolerance), _widened(b, tolerance))


def _widened(f: Figure, tolerance: float) -> tuple[float, float]:
    low, high = f.low, f.high
    if f.exact:
        low -= f.step / 2
        high += f.step / 2
    return low * (1 - tolerance), high * (1 + tolerance)


# ---------------------------------------------------------------------------
# Lining up two articles
# ---------------------------------------------------------------------------


def bucket(f: Figure) -> tuple:
    """Figures that may be one fact share a bucket: the same dimension, role and (but for sums) thing."""
    return (f.dimension, None if f.kind == "money" else f.thing, f.role)


def align(first: Sequence[Figure], second: Sequence[Figure], tolerance: float,
          limit: int | None = None) -> list[tuple[int, int, float]]:
    """Each figure of one article paired with at most one of the other: the same statements first,
    the closest first; then figures of one frame, where a partner that gives the same value is
    taken first, then one that gives another, then a bound (an article that says "at least three"
    and then "three" says three; one that gives the figure twice, once agreeing, agrees)."""
    by_bucket: dict[tuple, list[int]] = defaultdict(list)
    for j, f in enumerate(second):
        by_bucket[bucket(f)].append(j)
    if limit is not None:  # at most limit figures of a bucket on each side are weighed pair by pair
        by_bucket = defaultdict(list, {key: js[:limit] for key, js in by_bucket.items()})
    seen: dict[tuple, int] = defaultdict(int)
    candidates = []
    for i, f in enumerate(first):
        key = bucket(f)
        seen[key] += 1
        if limit is not None and seen[key] > limit:
            continue
        for j in by_bucket.get(key, ()):
            score = match_score(f, second[j])
            if score:
                band = 0 if score >= STATEMENT else 1
                candidates.append((band, _preference(f, second[j], tolerance) if band else 0, -score, i, j))
    candidates.sort()
    used_first: set[int] = set()
    used_second: set[int] = set()
    pairs = []
    for _band, _preferred, negative, i, j in candidates:
        if i in used_first or j in used_second:
            continue
        used_first.add(i)
        used_second.add(j)
        pairs.append((i, j, -negative))
    return pairs


def _preference(a: Figure, b: Figure, tolerance: float) -> int:
    """Of equally sure partners: one that names the same value, then one that names another value,
    then a bound ("at least three" then "three people were killed": the article says three)."""
    if a.bound or b.bound:
        return 2
    return 1 if disagree(a, b, tolerance) else 0


def resent(a: Figure, b: Figure) -> bool:
    """The same sentence sent again with one figure changed: its other figures are the same ("produced
    413,800 tonnes of zinc and 206,000 tonnes of lead ... 70.5 pct zinc" / "827,600 tonnes of zinc and
    206,000 tonnes of lead ... 70.5 pct zinc"). A recurring report's sentence changes them all ("fell on
    March 10 to 2.842 billion dlrs from 3.073" / "rose on March 6 to 3.879 billion dlrs from 3.467")."""
    if a.role != "level" or a.siblings != b.siblings or not a.siblings:
        return False
    if len(a.siblings) == 1 and not specific_value(next(iter(a.siblings))) and not _led_in_alike(a, b):
        return False  # "denominations of 1,000 and 10,000 dlrs" / "of 1,000 and 5,000 dlrs": two bonds
    return statement_score(a, b) >= STATEMENT


def _led_in_alike(a: Figure, b: Figure) -> bool:
    """The sentence before each, in its paragraph, is the same and gives a specific figure: the
    paragraph was sent again, so one other figure of two digits did not stay the same by chance
    ("The Brunswick mine produced 413,800 tonnes of zinc ... last year ... Concentrates produced
    were 238,000 tonnes of zinc and 81,000 tonnes of lead" / "... were 309,400 tonnes of zinc and
    81,000 tonnes of lead")."""
    return bool(a.lead_in) and a.lead_in == b.lead_in


def distinct(texts: Iterable[str]) -> list[str]:
    """Each wording once, whatever its case, in order."""
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(text.lower(), text)
    return list(seen.values())
