"""The ``figures`` kind: one fact given two values.

Each figure of an article is read in its frame (factlint.figure_frames) and
figures are lined up as an editor lines them up (factlint.figure_matching):
the same statement in two versions of a story, or the same counted thing,
event, owner and scope in two wordings. One rule per comparison
(``compare``):

``within``
    Within an article, a later figure that cannot be true with an earlier
    one of the same fact is reported, the earlier ones as related (a
    headline the body contradicts counts).
``across``
    Within a story (``corpus.stories``), the outlier: an article whose
    figure disagrees with what two or more others agree on is reported,
    with the agreeing places as related. With one article on each side, or
    sides of one size, the later article is reported (date, else path,
    which the message says). Between dated articles a figure that may move
    is left to ``changes``, unless its sentence is told again word for word
    and two or more articles keep the other value; a count that grows may
    only grow, and a figure that does not change with time (people on
    board, a distance, a running time, a closed period's result) may not
    change.
``changes``
    Between dated articles at most max_days apart: a figure that moved (a
    death toll rising over days) is reported at the first article that
    gives the new figure, as information.
``facts``
    Against the newsroom's facts file (factlint/facts.py): a mention of a
    fact with another value is reported, quoting the fact and its source.
``ages``
    A named person's age given two ways ("Kevin Johnson, 25" / "Johnson,
    24"), within an article or across a story's articles at most max_days
    apart.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any, Callable, Iterable, Iterator

from factlint import calendar
from factlint.document import Document, Location
from factlint.figure_frames import COMPARISONS, LEXICON_KEYS, LIST_KEYS, Analyzer, Lexicon, Mention, load_lexicon
from factlint.figure_matching import (STATEMENT, Figure, align, bucket, compatible, disagree, distinct, figure_of, resent,
                                      running, same_fact, told_with_the_same_figures, worded_alike, words_alike)
from factlint.findings import Finding, Related
from factlint.foundings import Founding, agree, foundings, resolve
from factlint.kinds.base import MAX_PAIRWISE, Check, Corpus, Param, others_on_the_story, register
from factlint.quantities import dimension, specific_value
from factlint.stamps import Stamp, head_stamp
from factlint.stories import article_day

__all__ = ["FiguresCheck", "Analyzer", "Mention", "load_lexicon", "sides", "shown"]


def sides(items: list, agree: Any) -> list[list]:
    """Items split into groups that agree, in order: each joins the first group
    it agrees with entirely."""
    groups: list[list] = []
    for item in items:
        for group in groups:
            if all(agree(item, other) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def shown(lexicon: Lexicon, text: str, mention: Mention) -> str:
    """The figure as a reader would quote it: "35 countries attended", "10 people killed"."""
    words = text.split()
    predicate = mention.predicate
    if predicate in lexicon.groups and not any(lexicon.group_of(w) == predicate for w in words):
        words.append(predicate)
    return " ".join(words)


@dataclass(frozen=True)
class Age:
    """A named person's age as an article gives it: "Kevin Johnson, 25"."""

    surname: str  # lowercase
    given: str  # the names before the surname, lowercase ("" when only the surname is given)
    name: str  # as written
    value: float
    location: Location
    excerpt: str


@dataclass(frozen=True)
class ArticleFigures:
    """An article's extract for the comparisons across articles."""

    figures: tuple[Figure, ...]
    ages: tuple[Age, ...] = ()
    names: frozenset[str] = frozenset()  # the names it mentions: two articles that share none tell two stories
    stamp: Stamp | None = None  # the time stamp its text carries ("Updated 5 / 5 / 2010 1:41 PM"), for undated copy
    foundings: tuple[Founding, ...] = ()  # things' founding dates ("Founded in 1989, SkyMall said")
    corrects: bool = False  # its text carries a correction note: "(corrects cts per share)"


#: A wire item's or a page's note that it corrects an earlier version: "(corrects cts per share)",
#: "(Corrects spelling of name in third paragraph)", "Correction: An earlier version of this story ...".
_CORRECTION_NOTE = re.compile(r"\(\s*corrects?\b|\(\s*correcting\b|^\s*\**corrections?\**\s*:", re.IGNORECASE | re.MULTILINE)


# A person's name written before an age ("Kevin Johnson, 25,", "Johnson (24)") or after
# one ("25-year-old Kevin Johnson").
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)\s*[,(]\s*$")
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)")
_NOT_PERSON = frozenset("""
the a an he she they it this that his her their police officials authorities mr mrs ms dr
""".split())


@register("figures")
class FiguresCheck(Check):
    PARAMS = {
        "compare": Param(
            "choice", "within", "which comparison this rule makes: within (one article), across (articles on one "
            "story), changes (the same across dated articles: figures that moved), facts (the facts file), ages "
            "(a named person's age, within an article and across a story)",
            choices=COMPARISONS,
        ),
        "tolerance": Param(
            "float", None, "relative slack between two figures (0.05 is 5%), instead of the lexicon's per kind",
            minimum=0.0, maximum=1.0,
        ),
        "lexicon": Param(
            "dict", {},
            "additions to factlint/data/figures.yaml: synonyms, predicates, event_things, implied_things, "
            "verb_forms, tolerance, qualifiers, parts, scopes, hypothetical, background, generic_verbs, transparent, "
            "directions, growing, static",
        ),
        "min_articles": Param("int", 2, "articles on a story that must give a figure before they are compared",
                              minimum=2),
        "max_days": Param("int", 3, "articles dated further apart than this are not compared (a story covered for "
                          "weeks, a recurring report)", minimum=0),
    }
    PLACEHOLDERS = ("match", "thing", "other", "elsewhere", "fact", "expected", "source", "date", "other_date", "note",
                    "person", "age")

    def compile(self) -> None:
        additions = self.params["lexicon"]
        for key, value in additions.items():
            if key not in LEXICON_KEYS:
                raise self.rule.error(f"unknown lexicon key {key!r} (keys: {', '.join(LEXICON_KEYS)})", "lexicon")
            if key in LIST_KEYS:
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise self.rule.error(f"lexicon {key!r} must be a list of words or phrases", "lexicon")
            elif not isinstance(value, dict):
                raise self.rule.error(f"lexicon {key!r} must be a mapping", "lexicon")
            elif key == "predicates" and not all(
                    isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values()):
                raise self.rule.error("lexicon 'predicates' maps a group name to a list of words", "lexicon")
            elif key == "event_things" and not all(
                    isinstance(v, list) and len(v) == 2 and all(isinstance(w, str) for w in v) for v in value.values()):
                raise self.rule.error("lexicon 'event_things' maps a thing to [counted thing, event group]", "lexicon")
            elif key in ("tolerance", "qualifiers") and not all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in value.values()):
                raise self.rule.error(f"lexicon {key!r} maps a kind of figure to a number from 0 to 1", "lexicon")
            elif key in ("synonyms", "implied_things", "verb_forms") and not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise self.rule.error(f"lexicon {key!r} maps words to words", "lexicon")
        self.lexicon = load_lexicon(additions)
        self.compare = self.params["compare"]
        self.tolerance = self.params["tolerance"]
        self.CROSS_ARTICLE = self.compare in ("across", "changes", "ages")
        self.NEEDS_STORIES = self.CROSS_ARTICLE
        self.facts = None
        if self.compare == "facts":
            from factlint.facts import load_facts

            path = self.context.get("facts")
            self.facts = load_facts(path, self.lexicon) if path is not None else None

    # -- reading an article ------------------------------------------------------
    def analysis(self, doc: Document) -> Analyzer:
        """The article's figures read once for every figures rule with this lexicon."""

        def run() -> Analyzer:
            analyzer = Analyzer(self.lexicon, doc)
            analyzer.run()
            return analyzer

        return doc.memo(("figures", id(self.lexicon)), run)

    def mentions(self, doc: Document) -> list[Mention]:
        return self.analysis(doc).mentions

    def figures(self, doc: Document) -> list[Figure]:
        """The mentions the comparisons can use: those with a counted thing or a unit."""

        def build() -> list[Figure]:
            out = []
            lead_ins = self.analysis(doc).lead_ins
            for mention in self.mentions(doc):
                q = mention.quantity
                if mention.excluded in ("no thing", "table") or (q.kind == "count" and mention.thing is None):
                    continue
                s, e = mention.sentence
                lead_in = lead_ins.get(s)
                out.append(figure_of(mention, self.lexicon, doc.locate(mention.start, mention.end),
                                     doc.context(mention.start, mention.end), self.shown(doc, mention), doc.text[s:e],
                                     " ".join(doc.text[lead_in[0]:lead_in[1]].split()) if lead_in else ""))
            return out

        return doc.memo(("figures:compared", id(self.lexicon)), build)

    def shown(self, doc: Document, mention: Mention) -> str:
        return shown(self.lexicon, doc.text[mention.start:mention.end], mention)

    def _tolerance(self, figure: Figure) -> float:
        if self.tolerance is not None:
            return self.tolerance
        return self.lexicon.tolerance.get(figure.kind, 0.0)

    # -- one article --------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        if self.compare == "within":
            yield from self._within(doc)
            yield from self._foundings_within(self.foundings(doc))
        elif self.compare == "facts" and self.facts is not None:
            yield from self.facts.check(self, doc, self.mentions(doc))
        elif self.compare == "ages":
            yield from self._ages_within(self._ages(doc))

    def _within(self, doc: Document) -> Iterator[Finding]:
        """A later figure that cannot be true with an earlier one of the same fact. Within an article
        only frames say so: an article repeats its own wording about different things ("Tapioca
        usage fell 9.1 pct to 1.4 mln tonnes ... Grain usage fell 6.1 pct to 1.1 mln tonnes")."""
        figures = self.figures(doc)
        # a thing the article splits ("the remaining one mln shares") is counted in parts
        split = {f.thing for f in figures if f.excluded == "split" and f.thing}
        figures = [f for f in figures if f.thing not in split or f.thing is None]
        by_bucket: dict[tuple, list[Figure]] = defaultdict(list)
        for figure in figures:
            by_bucket[(figure.dimension, figure.thing, figure.role)].append(figure)
        reported: set[int] = set()
        for group in by_bucket.values():
            if len(group) < 2:
                continue
            group = group[:MAX_PAIRWISE]  # 35,000 "The blast killed N people." must not cost their square
            # several named subjects or places ("X received 20.5 pct", "Y received 8 pct"):
            # a figure that names none could be any of them
            if len({f.subject for f in group if f.subject}) > 1 or len({f.complement for f in group if f.complement}) > 1:
                group = [f for f in group if f.subject or f.complement]
            for index, later in enumerate(group):
                if id(later) in reported:
                    continue  # already listed as agreeing with a reported figure ("also ... here")
                same = [f for f in group[:index] if f.sentence != later.sentence and _one_fact_within(f, later)]
                earlier = [f for f in same if id(f) not in reported and disagree(f, later, self._tolerance(later))]
                if not earlier:
                    continue
                reported.add(id(later))
                agreeing = [f for f in group[index + 1:] if f.sentence != later.sentence
                            and _one_fact_within(f, later) and not disagree(f, later, self._tolerance(later))]
                reported.update(id(f) for f in agreeing)
                related = [Related(f.location, f"says {f.shown} here") for f in earlier]
                related += [Related(f.location, f"also {f.shown} here") for f in agreeing]
                yield self._mismatch(later, earlier[0], related)
        for later, named in _referred_back(figures, reported, self._tolerance):
            yield self._mismatch(later, named, [Related(named.location, f"says {named.shown} here")])
        yield from self._backwards_ranges(doc)

    def _backwards_ranges(self, doc: Document) -> Iterator[Finding]:
        """A range whose second bound lies well below its first, each bound with its unit: "somewhere
        between $178 million and $110 million" (one bound mistyped). Reported at the second bound."""
        mentions = self.mentions(doc)
        for first, second in zip(mentions, mentions[1:]):
            if _runs_backwards(doc.text, first, second):
                shown = " ".join(doc.text[second.quantity.start:second.quantity.end].split())
                opens = " ".join(doc.text[first.quantity.start:first.quantity.end].split())
                yield self.finding_at(
                    doc.locate(second.quantity.start, second.quantity.end),
                    doc.context(second.quantity.start, second.quantity.end),
                    [Related(doc.locate(first.quantity.start, first.quantity.end), f"says {opens} here")],
                    match=shown, thing=None, other=opens.split(None, 1)[1], elsewhere="its range starts higher, at",
                    note="")

    def _mismatch(self, later: Figure, first: Figure, related: list[Related]) -> Finding:
        """The finding at ``later``, whose value the article gave otherwise first at ``first``."""
        where = "the headline says" if first.headline else f"line {first.location.line} says"
        return self.finding_at(later.location, later.excerpt, related, match=later.shown, thing=later.thing,
                               other=first.shown, elsewhere=where, note="")

    # -- across articles ----------------------------------------------------------
    def extract(self, doc: Document) -> ArticleFigures:
        if self.compare == "ages":
            return ArticleFigures((), tuple(self._ages(doc)))
        figures = tuple(self.figures(doc))
        # undated copy only: a front-matter date always wins, and Reuters' stamps are none
        undated = figures and doc.front_matter.get("date") is None
        stamp = doc.memo(("figures:stamp",), lambda: head_stamp(doc.text)) if undated else None
        return ArticleFigures(figures, (), frozenset(self.analysis(doc).names), stamp,
                              tuple(self.foundings(doc)) if self.compare == "across" else (),
                              bool(figures) and _CORRECTION_NOTE.search(doc.text) is not None)

    def check_corpus(self, extracts: dict[str, Any], corpus: Corpus) -> Iterable[Finding]:
        for story, paths in sorted(corpus.story_groups().items()):
            present = sorted((p for p in paths if extracts.get(p) is not None),
                             key=lambda p: _report_order(corpus, extracts, p))
            if len(present) < self.params["min_articles"]:
                continue
            if self.compare == "ages":
                yield from self._ages_across(present, extracts, corpus)
            else:
                yield from StoryComparison(self, present, extracts, corpus, story.startswith("auto:")).findings()
                if self.compare == "across":
                    yield from self._foundings_across(present, extracts, corpus)

    # -- things' founding dates (factlint.foundings): a figure that does not change with time ------
    @staticmethod
    def foundings(doc: Document) -> list[Founding]:
        return doc.memo(("figures:foundings",), lambda: foundings(doc))

    def _foundings_within(self, told: list[Founding]) -> Iterator[Finding]:
        """A later founding date of one thing that cannot be true with an earlier one ("a company
        established by Cohen in October 2016" ... "a company formed by Cohen in early 2017"), the
        earlier as related, and later ones that agree with it listed with it."""
        if len(told) < 2:
            return
        told = list(resolve(told, {f.key for f in told if f.key}))
        reported: set[int] = set()
        for index, later in enumerate(told):
            if index in reported:
                continue
            earlier = [f for i, f in enumerate(told[:index]) if f.fact == later.fact and i not in reported
                       and not agree(f, later)]
            if not earlier:
                continue
            agreeing = [i for i in range(index + 1, len(told)) if told[i].fact == later.fact and agree(told[i], later)]
            reported.update(agreeing)
            first = earlier[0]
            related = [Related(f.location, f"says {f.verb_phrase} here") for f in earlier]
            related += [Related(told[i].location, f"also {told[i].verb_phrase} here") for i in agreeing]
            yield self.finding_at(later.location, later.excerpt, related, match=later.shown, thing=later.thing,
                                  other=first.date, elsewhere=f"line {first.location.line} says", note="")

    def _foundings_across(self, paths: list[str], extracts: dict[str, Any], corpus: Corpus) -> Iterator[Finding]:
        """The outlier among a story's articles that date one thing's founding: an article against two
        or more that agree, or the later of one against one. An article that dates it two ways is left
        to figure-mismatch."""
        named = {f.key for path in paths for f in extracts[path].foundings if f.key}
        if not named:
            return
        rank = {path: index for index, path in enumerate(paths)}
        stamps = {path: _undated_stamp(corpus, extracts, path) for path in paths}  # for the later of one against one
        by_fact: dict[tuple[str, str], list[tuple[str, Founding]]] = defaultdict(list)
        for path in paths:
            mine: dict[tuple[str, str], list[Founding]] = defaultdict(list)
            for founding in resolve(list(extracts[path].foundings), named):
                mine[founding.fact].append(founding)
            for fact, told in mine.items():
                if all(agree(told[0], f) for f in told[1:]):
                    by_fact[fact].append((path, told[0]))
        for group in by_fact.values():
            for path, founding, side, majority in _outliers(sides(group, lambda x, y: agree(x[1], y[1])), rank.__getitem__):
                if len(side) == len(majority):
                    note = " (no majority)" if len(side) > 1 else _later_note(corpus, path, majority[0][0], stamps)
                else:
                    note = _agreeing_note(len(side) - 1) if len(side) > 1 else ""
                yield self.finding_at(
                    founding.location, founding.excerpt, [Related(f.location, f"says {f.verb_phrase}") for _p, f in majority],
                    match=founding.shown, thing=founding.thing, other=" or ".join(distinct(f.date for _p, f in majority)),
                    elsewhere=others_on_the_story(len(majority)), note=note)

    # -- people's ages --------------------------------------------------------------
    def _ages(self, doc: Document) -> list[Age]:
        """Named people's ages: "Kevin Johnson, 25,", "Johnson (24)", "25-year-old Kevin Johnson"."""
        out = []
        text = doc.text
        for q in self.analysis(doc).ages:
            if q.unit != "year" or not q.exact:
                continue
            line_start = text.rfind("\n", 0, q.start) + 1
            before = _NAME_BEFORE.search(text, max(line_start, q.start - 80), q.start)
            name = before.group(1) if before is not None else None
            if name is None and q.text.endswith("old"):
                after = _NAME_AFTER.match(text, q.end)
                name = after.group(1) if after is not None else None
            if name is None:
                continue
            words = [w for w in name.split() if w.lower().strip(".") not in _NOT_PERSON]
            if not words or words[-1][0].islower():
                continue
            given = " ".join(words[:-1]).lower()
            if not given:  # "Roberts, 46": the one Roberts the article names, if it names only one
                known = {m.group(1).lower() for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(words[-1])}\b", text)}
                if len(known) > 1:
                    continue  # Julia and Eric Roberts: which one is 46?
                given = next(iter(known), "")
            out.append(Age(words[-1].lower(), given, " ".join(words), q.value,
                           doc.locate(q.start, q.end), doc.context(q.start, q.end)))
        return out

    def _ages_within(self, ages: list[Age]) -> Iterator[Finding]:
        for index, later in enumerate(ages):
            earlier = [a for a in ages[:index] if _same_person(a, later) and a.value != later.value]
            if earlier:
                first = earlier[0]
                yield self.finding_at(later.location, later.excerpt,
                                      [Related(a.location, f"says {a.name}, {a.value:g}") for a in earlier],
                                      person=later.name, age=f"{later.value:g}", other=f"{first.value:g}",
                                      elsewhere=f"line {first.location.line} says", match=later.name, note="")

    def _ages_across(self, paths: list[str], extracts: dict[str, Any], corpus: Corpus) -> Iterator[Finding]:
        people: list[tuple[str, Age]] = [(path, age) for path in paths for age in extracts[path].ages]
        done: set[int] = set()
        for index, (path, age) in enumerate(people):
            if index in done:
                continue
            same = [(i, p, a) for i, (p, a) in enumerate(people) if p != path and _same_person(a, age)
                    and _dated_within(corpus, p, path, self.params["max_days"])]
            if not same:
                continue
            done.update(i for i, _p, _a in same)
            group = [(path, age)] + [(p, a) for _i, p, a in same]
            by_value: dict[float, list[tuple[str, Age]]] = defaultdict(list)
            for p, a in group:
                if all(p != q for q, _ in by_value[a.value]):
                    by_value[a.value].append((p, a))
            for _p, a, _side, majority in _outliers(list(by_value.values()), corpus.order):
                yield self.finding_at(  # no note says which is the later: ages are compared in dated copy only
                    a.location, a.excerpt,
                    [Related(b.location, f"says {b.name}, {b.value:g}") for _q, b in majority],
                    person=a.name, age=f"{a.value:g}", other=f"{majority[0][1].value:g}", match=a.name,
                    elsewhere=others_on_the_story(len(majority)), note="")


#: Words that must match around two dated articles' figures (of the 12 kept) for a figure that may
#: move to be held to the value the rest of the story gives (``_restated``).
_RESTATED_WORDS = 11


def _restated(a: Figure, b: Figure) -> bool:
    """Two dated articles' figures in one sentence told again word for word, all but one of the
    twelve words kept around each figure ("Total trade with the Soviet Union ... is estimated at
    10.04 billion dlrs in fiscal 1986/87" / "... at 3.04 billion dlrs in fiscal 1986/87"), with no
    other figure changed: a recurring report changes its other figures too ("lowering its copper
    cathode price by 0.50 cent to 65.50 cents a lb" / "raising ... by 0.25 cent to 65.75 cents a
    lb"). Fewer words is another agency's or another pact's figure in a shared phrase ("affirmed
    the ratings on 19 billion dlrs of debt of Chrysler", S and P's; "12 billion", Moody's)."""
    if a.siblings and b.siblings and a.siblings != b.siblings:
        return False
    return words_alike(a, b) >= _RESTATED_WORDS


#: Why a figure is told as the past: background, or a date after the lead.
_PAST = frozenset({"background", "dated"})
_BRACKETED_NOTE = " (reports before and after it agree)"
#: Why a figure that may move is told as one that does not, for a report bracketed by others
#: (``StoryComparison._bracketed``): the past, a plan or condition, the base of a comparison, the
#: whole a part is taken of.
_TOLD_AS_FIXED = _PAST | {"hypothetical", "base", "whole"}


def _settled(a: Figure, b: Figure) -> bool:
    """A sentence about the past sent again with one figure changed, however far apart the reports:
    its other figures are the same and one is specific (``resent``: "Total area planted with
    sunflower for this harvest was two to 2.2 mln hectares, or 29.9 to 36.3 pct lower than the
    record 8.14 mln hectares planted in the 1985/86 harvest" / "... the record 3.14 mln hectares in
    1985/86"). A past season's figure does not move; a recurring report changes its other figures."""
    return a.excluded in _PAST and b.excluded in _PAST and resent(a, b)


def _terms_told_again(a: Figure, b: Figure) -> bool:
    """A deal's or a plan's terms told again on another date with their other figure unchanged
    ("Disney would pay 217 mln dlrs to GenCorp and 103 mln dlrs to a group that challenged the
    station's license" / a week later "RKO General would receive 130 mln dlrs and Fidelity
    Television, which challenged the license, would get about 103 mln dlrs"): terms that were
    renegotiated would not keep the other sums, so the two state one set of terms, however far apart:
    all their other figures are the same ("will receive 24.60 dlrs per common share, 20 dlrs per
    preference share and 87.50 dlrs per preferred share" is not "2.19 dlrs cumulative preference shares
    will receive 20 dlrs a share and ... 11.25 dlrs convertible preferred will receive 87.50 dlrs a share").
    One figure kept must be unlikely to recur by chance: a weekly tender keeps its notes' terms
    ("would offer 500 mln dlrs of 13-week treasury notes and 200 mln dlrs of 26-week notes" / a week
    later "400 mln dlrs of 13-week treasury notes and 100 mln of 26-week notes")."""
    return a.excluded == b.excluded == "hypothetical" and a.siblings == b.siblings \
        and told_with_the_same_figures(a, b) and any(specific_value(v) for v in a.siblings)


#: Names two articles must share for their figures to be compared: a story's articles name its
#: places, people and companies; results tables of two companies share only their wording.
_SHARED_NAMES = 1


def _told_again(a: Figure, b: Figure, score: float) -> bool:
    """One sentence told again on another date: a statement giving the same other figures ("two to
    seven pct less than the 3.85 mln hectares" after "3.58 and 3.78 mln hectares"). Two sentences in
    one mould about two things ("the 3.85 mln hectares [of maize] planted in the 1985/86 harvest",
    "the record 3.14 mln hectares [of sunflower] planted in the 1985/86 harvest") give other
    figures; a sentence with no other figure ("In February, shipments ... amounted to 418,755
    tonnes") may be a recurring report's."""
    return score >= STATEMENT and told_with_the_same_figures(a, b)


def _specific(figure: Figure) -> bool:
    """A value unlikely to be given twice by chance: three significant digits or more, or two with
    a named thing ("99,000 ounces of silver", "14.8 mln dlrs"; not "10 people", "$1 million")."""
    if figure.low <= 0 or figure.step <= 0:
        return False
    digits = len(str(round(figure.nominal / figure.step)).rstrip("0"))  # "100 mln": one; "99,000": two
    return digits >= 3 or (digits >= 2 and figure.thing is not None)


def _stated_value(figure: Figure) -> tuple[float, float] | None:
    """The range another figure must give to state the same value: an exact figure's own, a
    qualified figure's value as written ("some 300 mln dlrs", "about 50"); a bound ("more than
    200") states no one value."""
    if figure.exact:
        return figure.low, figure.high
    if figure.bound:
        return None
    return figure.nominal, figure.nominal


def _one_fact_within(a: Figure, b: Figure) -> bool:
    """Within an article, the same frame, and for a sum or a measure the same event word too: an
    article names several debts, deposits or loans ("GAF has 416 mln dlrs of debt ... Borg-Warner's
    1.2 billion dlrs of debt"; "one-week deposits ... One-month deposits")."""
    if a.kind != "count" and (a.predicate is None or a.thing is None or a.owner is not None or a.kind == "magnitude"):
        return False
    if a.siblings and b.siblings and not a.siblings & b.siblings:
        return False  # "Six ships are loading 120,000 tonnes of wheat ... Four ships are loading 32,000 tonnes"
    return same_fact(a, b)


#: Why a sum may be excluded from the frames and still be named again with "the": one item of a
#: list ("The financing includes the 150 mln dlrs in equity, the 1.25 billion dlr loan ..."). The
#: sum named first may be introduced as one ("A 250 mln dlr Philippine capital fund will be
#: launched"); the one that names it again may be planned or proposed ("Ongpin proposed the 325 mln
#: dlr fund"): "the" still names the thing the article introduced.
_REFERABLE = frozenset({"", "part", "base", "whole"})
_INTRODUCED = _REFERABLE | {"indefinite"}
#: Words after a sum that make the sum itself a plan's ("The 1350 mln dlrs of notes would be sold next year").
_PLANNED_AFTER = frozenset("would could might may will shall should must can wo to".split())


def _named_again(figure: Figure) -> bool:
    """Whether a sum may name one introduced before: not excluded from the frames but as an item of a
    list, a part or a base; or told in a plan's clause about it ("Ongpin proposed the 325 mln dlr
    fund"), where the sum is not itself what is planned ("would be sold next year")."""
    if figure.excluded in _REFERABLE:
        return True
    return figure.excluded == "hypothetical" and not (figure.right and figure.right[0] in _PLANNED_AFTER)


_THE = re.compile(r"(?:^|\W)the\s*$", re.IGNORECASE)


#: Words that open a clause defining the sum ("the 1350 mln dlrs of notes it may sell next year"):
#: "the" then names what the clause says, not a sum named before.
_DEFINING = frozenset("that which who it they he she we".split())


def _definite(figure: Figure) -> bool:
    """A sum introduced by "the" and not defined by the clause after it: one the article has named
    already ("the 150 mln dlrs in equity from General Partners", "The 1350 mln dlrs of seven-year
    notes were priced")."""
    defined = bool(figure.right) and figure.right[0] in _DEFINING
    return not defined and _THE.search(figure.text, 0, figure.at[0]) is not None


#: Words before "between" that set two values side by side, not a range ("the gap between 8.5 pct and 7.2 pct").
_SIDE_BY_SIDE = frozenset("difference differences gap spread split choice choose margin differential".split())
_AND = re.compile(r"\s+and\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s*$")
#: How far below a range's first bound its second may lie: market talk tells a move that way ("sales
#: reported between 4,230 and 4,210 stg", "support between 100 and 99-16/32").
_BACKWARDS = 0.1


def _runs_backwards(text: str, mention: Mention, next_mention: Mention) -> bool:
    """"between $178 million and $110 million": a first bound the reader splits from its second
    (each with its unit: quantities reads a range only upward), of one kind of value, the second
    more than _BACKWARDS below the first. Not two values set side by side ("the gap between ...")."""
    first, second = mention.quantity, next_mention.quantity
    if first.qualifier != "between" or first.low != first.high or first.kind not in ("money", "percent", "measure"):
        return False
    end = mention.end if first.kind == "measure" else first.end  # "between 30 cm and": past a measure's unit
    if second.kind != first.kind or second.qualifier or _AND.fullmatch(text, end, second.start) is None:
        return False
    (unit, size, _), (other_unit, other_size, _) = dimension(first), dimension(second)
    if unit != other_unit or second.value * other_size >= first.value * size * (1 - _BACKWARDS):
        return False
    before = _WORD_BEFORE.search(text, max(0, first.start - 30), first.start)
    return before is None or before.group(1).lower() not in _SIDE_BY_SIDE


def _head(thing: str) -> str:
    return thing.rsplit(" ", 1)[-1]


def _referred_back(figures: list[Figure], reported: set[int],
                   tolerance: Callable[[Figure], float]) -> Iterator[tuple[Figure, Figure]]:
    """A sum named again with "the" whose value is not the one the article gave it: every sum of
    that thing named before it gives one value, and this one disagrees ("has contributed 250 mln
    dlrs in equity financing" ... "the financing includes the 150 mln dlrs in equity"). A thing the
    article gives two values (two tranches of notes) is ambiguous and left alone, and so is a value the
    article gave before in any words ("a 25 mln dlr transferable loan facility ... The facility was
    subsequently increased to 40 mln dlrs ... At the signing of the 40 mln dlr facility": the value as
    written, not one a rounder figure admits, "debt totaling 1.4 billion dlrs" and "The 1350 mln dlrs")."""
    for index, later in enumerate(figures):
        if (later.kind != "money" or later.thing is None or not _named_again(later)
                or id(later) in reported or not _definite(later)):
            continue
        before = [f for f in figures[:index] if f.sentence != later.sentence]
        if any(f.dimension == later.dimension and f.nominal == later.nominal for f in before):
            continue  # the article gave this value before ("The facility was subsequently increased to 40 mln dlrs")
        named = [f for f in before if _sum_of(f, later)]
        if any(disagree(f, named[0], tolerance(f)) for f in named[1:]):
            continue
        # no two owners, lenders or dates; what the reference says of the sum is new ("were priced")
        unsaid = replace(later, predicate=None)
        referred = [f for f in named if compatible(f, unsaid)]
        if referred and disagree(referred[0], later, tolerance(later)):
            yield later, referred[0]


def _sum_of(earlier: Figure, later: Figure) -> bool:
    """An earlier sum of the same thing in the same currency, by the thing's last word ("seven-year
    notes" are notes), that is no plan, rate or background."""
    return (earlier.dimension == later.dimension and earlier.thing is not None and earlier.excluded in _INTRODUCED
            and _head(earlier.thing) == _head(later.thing))


def _outliers(groups: list[list[tuple[str, Any]]], order: Callable[[str], Any]
              ) -> Iterator[tuple[str, Any, list[tuple[str, Any]], list[tuple[str, Any]]]]:
    """What a story's articles that give one fact several ways report (an age, a founding date),
    each side one value, an article on it at most once: every article off the largest side (of
    equal sides, the one reported first), with its side and that majority. Against a side of its
    own size only the later article is reported: the earlier one's word was not yet contradicted."""
    if len(groups) < 2:
        return
    ranked = sorted(groups, key=lambda side: (-len(side), order(side[0][0])))
    majority = ranked[0]
    for side in ranked[1:]:
        for path, item in side:
            if len(side) < len(majority) or order(path) >= order(majority[0][0]):
                yield path, item, side, majority


def _same_person(a: Age, b: Age) -> bool:
    return a.surname == b.surname and (not a.given or not b.given or a.given == b.given)


def _days_apart(corpus: Corpus, first: str, second: str) -> float:
    """Days between two articles' front-matter dates (0 when either has none)."""
    day_a, day_b = article_day(corpus.articles[first].date), article_day(corpus.articles[second].date)
    if day_a is None or day_b is None:
        return 0.0
    return abs((day_b - day_a).days)


def _dated_within(corpus: Corpus, first: str, second: str, max_days: int) -> bool:
    """Both articles dated, at most max_days apart: an age told in undated copy may be years old."""
    day_a, day_b = article_day(corpus.articles[first].date), article_day(corpus.articles[second].date)
    return day_a is not None and day_b is not None and abs((day_b - day_a).days) <= max_days


def _undated_stamp(corpus: Corpus, extracts: dict[str, Any], path: str) -> Stamp | None:
    """The stamp an undated article's text carries ("Wed May 5, 2010 7:12pm BST"); None for a dated one."""
    return None if corpus.articles[path].date else getattr(extracts[path], "stamp", None)


def _report_order(corpus: Corpus, extracts: dict[str, Any], path: str) -> tuple:
    """Which report came later: its front-matter date; undated copy by the stamp its text carries
    (unstamped copy first), then by path."""
    stamp = _undated_stamp(corpus, extracts, path)
    return (str(corpus.articles[path].date or ""), stamp.when.isoformat() if stamp else "", path)


def _named_day(stamped: Any, weekday: str) -> Any:
    """The day a weekday a report names ("Wednesday") fell on: the last one on or before its stamp."""
    return stamped - timedelta(days=(stamped.weekday() - calendar.WEEKDAYS.index(weekday)) % 7)


def _agreeing_note(count: int) -> str:
    """The count on the outlier's side, when others are on it: "3 other articles say 118 crew (1
    other article agrees with this one)"."""
    return f" ({count} other article{'s' if count != 1 else ''} agree{'s' if count == 1 else ''} with this one)"


def _later_note(corpus: Corpus, later: str, earlier: str, stamps: dict[str, Stamp | None] | None = None) -> str:
    """Why one article of two was taken as the later, for a report made at it: nothing when both are
    dated; else the earlier one's missing date (undated articles come first), the stamps their text
    carries, or the path."""
    date, other = corpus.articles[later].date, corpus.articles[earlier].date
    if date and other:
        return ""
    if date:
        return f" ({later} is taken as the later: {earlier} has no date)"
    stamp, other_stamp = (stamps.get(later), stamps.get(earlier)) if stamps else (None, None)
    if stamp and other_stamp and stamp.when != other_stamp.when:
        return f" ({later} is taken as the later: stamped {stamp.written}, {earlier} {other_stamp.written})"
    if stamp and not other_stamp:
        return f" ({later} is taken as the later: stamped {stamp.written}, {earlier} carries no date)"
    return f" ({later} is taken as the later: no dates, its path sorts after {earlier})"


class StoryComparison:
    """One story's figures lined up article by article, and what the rule reports of them.

    Each pair of articles is aligned (factlint.figure_matching.align); each pair of aligned
    figures is an edge: ``support`` (they agree, and the other names a value), ``compatible``
    (they agree, the other is only a bound), ``contradict`` (they cannot both be true),
    ``change`` (a count that grows grew between dates), ``moved`` (a figure that may move
    differs between dates) or ``restated`` (one that may move differs in a sentence told again
    word for word: a contradiction when two or more articles are against it)."""

    def __init__(self, check: FiguresCheck, paths: list[str], extracts: dict[str, Any], corpus: Corpus,
                 grouped: bool = True) -> None:
        self.check = check
        self.paths = paths  # in order, earliest first
        self.rank = {path: index for index, path in enumerate(paths)}
        self.corpus = corpus
        self.figures = {path: extracts[path].figures for path in paths}
        # undated copy: the stamp its text carries ("Wed May 5, 2010 7:12pm BST") tells which report is later
        self.stamps = {path: _undated_stamp(corpus, extracts, path) for path in paths}
        # an article that says it corrects an earlier version is the desk's later word on its figures
        self.corrections = {path for path in paths if getattr(extracts[path], "corrects", False)}
        self.edges: dict[tuple[str, int], dict[tuple[str, int], str]] = defaultdict(dict)
        self.told: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
        max_days = check.params["max_days"]
        self.parted = self._parted()
        self.serial = self._serial()
        for i, first in enumerate(paths):
            for second in paths[i + 1:]:
                if grouped and len(extracts[first].names & extracts[second].names) < _SHARED_NAMES:
                    continue  # grouped by their wording ("Shr 1.32 dlrs vs 1.18 dlrs"), about different things
                timed = self._timed(first, second)
                apart = _days_apart(corpus, first, second) if timed else 0.0
                far = timed and apart > max_days
                for a, b, score in align(self.figures[first], self.figures[second], 0.0, MAX_PAIRWISE):
                    fa, fb = self.figures[first][a], self.figures[second][b]
                    if timed and _told_again(fa, fb, score) and apart >= 1:
                        self.told[(first, a)].append((second, b))  # one statement on two dates (_bracketed)
                        self.told[(second, b)].append((first, a))
                    if far and not (fa.time == fb.time == "static" or _settled(fa, fb) or _terms_told_again(fa, fb)):
                        continue  # weeks apart, only what does not change with time is compared
                    self._edge(first, a, second, b, timed)

    def _parted(self) -> set[tuple]:
        """Facts the story gives for a part too ("12 magazines during the operation", "31 magazines
        so far"): a figure of one of them with no scope could be either, so it is compared with none."""
        scoped = defaultdict(set)
        for figures in self.figures.values():
            for f in figures:
                if f.scope and f.thing is not None:
                    scoped[(f.dimension, f.thing)].add(running(f.scope))
        return {key for key, kinds in scoped.items() if False in kinds}

    def _serial(self) -> set[tuple]:
        """Facts the story gives different values for on different days ("one person was arrested" on
        Tuesday, "46 were arrested Wednesday night"): a count per day, so a figure of one of them that
        names no day could be any day's, and is compared with none. One toll told on two days alike
        ("killing 10 people" on Sunday, "the quake that killed 10" on Monday) is one fact. Each day's
        values are weighed once, at most MAX_PAIRWISE of them."""
        days: dict[tuple, dict[frozenset[str], dict[tuple[float, float], Figure]]] = defaultdict(dict)
        for figures in self.figures.values():
            for f in figures:
                if f.weekdays and f.predicate is not None and not f.excluded:
                    told = days[(f.dimension, f.thing, f.predicate)].setdefault(f.weekdays, {})
                    if len(told) < MAX_PAIRWISE:
                        told.setdefault((f.low, f.high), f)
        return {key for key, by_day in days.items()
                if any(not first & second and any(disagree(a, b, self.check._tolerance(a))
                                                  for a in by_day[first].values() for b in by_day[second].values())
                       for first, second in itertools.combinations(by_day, 2))}

    def _timed(self, first: str, second: str) -> bool:
        """Whether two articles carry different dates: figures may have moved between them."""
        date_a, date_b = self.corpus.articles[first].date, self.corpus.articles[second].date
        return bool(date_a and date_b and date_a != date_b)

    def _edge(self, first: str, a: int, second: str, b: int, timed: bool) -> None:
        fa, fb = self.figures[first][a], self.figures[second][b]
        if bool(fa.scope) != bool(fb.scope) and (fa.dimension, fa.thing) in self.parted:
            return
        if not (fa.weekdays and fb.weekdays) and (fa.dimension, fa.thing, fa.predicate) in self.serial:
            return  # "One person has been arrested" in a story of Tuesday's one arrest and Wednesday's 46
        if timed and (fa.relative or fb.relative):
            return  # "in the week", "last week": another week in an article of another date
        if not timed and self._before_its_day(first, fa, second, fb):
            return  # "more than 200 people set off" Wednesday night; "nearly 100" in a report stamped Tuesday
        if not disagree(fa, fb, self.check._tolerance(fa)):
            same_bound = fa.bound and fb.bound and (fa.low, fa.high) == (fb.low, fb.high)  # "more than 200" twice
            self.edges[(first, a)][(second, b)] = "compatible" if fb.bound and not same_bound else "support"
            self.edges[(second, b)][(first, a)] = "compatible" if fa.bound and not same_bound else "support"
            return
        relation = "contradict"
        if timed and not (resent(fa, fb) and (_days_apart(self.corpus, first, second) <= 1 or _settled(fa, fb))) \
                and not _terms_told_again(fa, fb):
            times = (fa.time, fb.time)
            time = "moving" if "moving" in times else "static" if "static" in times else "growing"
            if time == "moving":
                # a price, a level: it may have moved either way, unless its sentence is told again
                # nearly word for word and the rest of the story keeps the other value (below)
                relation = "restated" if _restated(fa, fb) else "moved"
            elif time == "growing" and fb.low > fa.high:
                relation = "change"
        elif not timed and fb.low > fa.high and fa.time == fb.time == "growing" and self._stamped_later(first, second):
            relation = "change"  # "12 people were injured" (Updated 5 / 5 / 2010 1:41 PM), 18 at 7:12pm BST
        self.edges[(first, a)][(second, b)] = relation
        self.edges[(second, b)][(first, a)] = relation

    def _stamped_later(self, first: str, second: str) -> bool:
        """Two undated reports whose stamps tell that ``second`` was written after ``first``, at most
        max_days apart: another day, or another time of one day when both give their clocks."""
        a, b = self.stamps[first], self.stamps[second]
        if a is None or b is None or (b.day - a.day).days > self.check.params["max_days"]:
            return False
        return b.day > a.day or (a.timed and b.timed and b.when > a.when)

    def _before_its_day(self, first: str, fa: Figure, second: str, fb: Figure) -> bool:
        """One undated report names its figure's day ("The trouble Wednesday night began soon after more
        than 200 people set off from the vigil site"), the other names none and is stamped before that
        day: it tells an earlier night's ("nearly 100 people set off from the vigil site", stamped
        Tuesday, March 12): two events of one kind, as two quakes' magnitudes are."""
        for (named, figure), (unnamed, other) in (((first, fa), (second, fb)), ((second, fb), (first, fa))):
            told, stamp = self.stamps[named], self.stamps[unnamed]
            if figure.weekdays and not other.weekdays and told and stamp:
                days = [_named_day(told.day, weekday) for weekday in figure.weekdays]
                if all(day > stamp.day for day in days):
                    return True
        return False

    def _when(self, path: str) -> str:
        """An article's date as the messages give it: its front-matter date, else its stamp."""
        stamp = self.stamps.get(path)
        return f"stamped {stamp.written}" if stamp else str(self.corpus.articles[path].date)

    def _figure(self, key: tuple[str, int]) -> Figure:
        return self.figures[key[0]][key[1]]

    def findings(self) -> Iterator[Finding]:
        outliers = list(self._outliers())
        if self.check.compare == "across":
            for _key, finding in outliers:
                yield finding
        else:
            yield from self._changes({key for key, _ in outliers})

    # -- figure-disagreement -----------------------------------------------------------
    def _outliers(self) -> Iterator[tuple[tuple[str, int], Finding]]:
        """Each outlying figure with its report. An article that states one figure twice is
        reported once, at the statement with the most articles against it (the first of equals):
        each other article is aligned with one of its statements only."""
        reports: dict[tuple, tuple[int, tuple[str, int], Finding]] = {}
        for (path, index), figure, majority, note in itertools.chain(self._outlying(), self._bracketed()):
            key = (path, bucket(figure), figure.low, figure.high)
            count = len({p for p, _ in majority})
            if key not in reports or count > reports[key][0]:
                reports[key] = (count, (path, index), self._report(figure, majority, note))
        for _count, where, finding in reports.values():
            yield where, finding

    def _outlying(self) -> Iterator[tuple[tuple[str, int], Figure, list[tuple[str, int]], str]]:
        """Every figure some other article contradicts and that the rule reports: the articles
        against it (with those that echo them) and the note the message ends with."""
        for path in self.paths:
            for index, figure in enumerate(self.figures[path]):
                edges = self.edges.get((path, index))
                if not edges:
                    continue
                support = {p for (p, _i), relation in edges.items() if relation == "support"}
                against = [other for other, relation in edges.items() if relation in ("contradict", "restated")]
                if not against:
                    continue
                # a restated figure may have moved: only two or more articles against it say it did not
                restated = any(edges[other] == "restated" for other in against)
                tolerance = self.check._tolerance(figure)
                groups = sides(against, lambda x, y: not disagree(self.figures[x[0]][x[1]], self.figures[y[0]][y[1]],
                                                                  tolerance))
                majority = max(groups, key=len)
                note = ""
                backing = len(support)
                if len(majority) == backing + 1:  # one on each side, or sides of one size
                    seen = {path, *support, *(p for p, _ in majority)}
                    echoes = self._echoes(self._figure(majority[0]), seen)
                    backing += len(self._echoes(figure, seen))
                    majority = majority + echoes  # the rest of the story gives one side's figure
                if len(majority) > backing + 1:  # everyone else on this story says otherwise
                    note = _agreeing_note(len(support)) if support else ""
                elif len(majority) == backing + 1 and not restated:
                    corrected_by = next((p for p, _ in majority if p in self.corrections), None)
                    if path in self.corrections and corrected_by is None:
                        continue  # "1.4 cts per share ... (corrects cts per share)": the correction is right
                    if corrected_by is not None and path not in self.corrections and not support:
                        yield (path, index), figure, majority, f" ({corrected_by} carries a correction)"
                        continue
                    earliest = min([path, *support, *(p for p, _ in majority)], key=self.rank.__getitem__)
                    if earliest == path or earliest in support:
                        continue
                    note = " (no majority)" if support else _later_note(self.corpus, path, majority[0][0], self.stamps)
                else:
                    continue
                yield (path, index), figure, majority, note

    def _bracketed(self) -> Iterator[tuple[tuple[str, int], Figure, list[tuple[str, int]], str]]:
        """A statement that reports dated before and after it tell with one value, and this one with
        another: the figure did not move and move back, one report has it wrong, however far apart
        ("two to seven pct less than the 3.85 mln hectares planted in the 1985/86 harvest" on March 4
        and 25, "8.85 mln hectares" on March 18). Not a level of the moment told plainly (a price,
        a stock: it may go back), only one the sentence tells as the past, a plan, a condition or a
        comparison's base, or one that does not move."""
        for key, partners in self.told.items():
            figure = self._figure(key)
            if figure.time == "moving" and figure.excluded not in _TOLD_AS_FIXED:
                continue
            if figure.relative or figure.excluded == "rate":
                continue  # "Last week the EC awarded licences for 59,000 tonnes": each report's own week
            tolerance = self.check._tolerance(figure)
            others = [self._figure(p) for p in partners]
            if not all(disagree(figure, other, tolerance) for other in others):
                continue  # another report gives its value
            if any(disagree(x, y, tolerance) for x, y in itertools.combinations(others, 2)):
                continue
            day = article_day(self.corpus.articles[key[0]].date)
            if day is None:
                continue
            days = [article_day(self.corpus.articles[p].date) for p, _ in partners]
            before = any(d is not None and d < day for d in days)
            after = any(d is not None and d > day for d in days)
            if before != after:  # told again on one side: the other side may give the value in other words
                kept = self._kept(figure, others[0], day, after=before)
                partners, before, after = partners + kept, before or bool(kept), after or bool(kept)
            if not (before and after):
                continue
            yield key, figure, sorted(set(partners), key=lambda p: self.rank[p[0]]), _BRACKETED_NOTE

    def _kept(self, figure: Figure, value: Figure, day: Any, after: bool) -> list[tuple[str, int]]:
        """Figures of reports dated on one side of ``day`` (after it, or before) that keep ``value``'s
        value as written ("about 100,000 tonnes": 100,000), of its kind and thing (or none), in a sentence that gives one of ``figure``'s other
        figures: the story's value told in other words ("if the buffer stock, currently 360,000
        tonnes, rose to 450,000 tonnes" two days after "reached 585,000 tonnes", itself told with
        "currently 360,000 tonnes, rises to 450,000 tonnes" the week before). The first such figure of
        each report."""
        stated = _stated_value(value)
        out: list[tuple[str, int]] = []
        if stated is None:
            return out
        for path in self.paths:
            other_day = article_day(self.corpus.articles[path].date)
            if other_day is None or (other_day <= day if after else other_day >= day):
                continue
            for index, other in enumerate(self.figures[path]):
                if (other.exact and not other.relative and other.excluded != "rate"
                        and (other.low, other.high) == stated and other.dimension == value.dimension
                        and other.role == value.role and (other.thing is None or other.thing == value.thing)
                        and figure.siblings & other.siblings):
                    out.append((path, index))
                    break
        return out

    def _echoes(self, figure: Figure, seen: set[str]) -> list[tuple[str, int]]:
        """Figures of other articles that give the same value of the same kind and thing, where
        that value is specific enough not to meet by chance ("99,000 ounces of silver", "3.8
        billion pesos"; not "two people", "$1 million") or is told alike (the same words around
        it: "the buffer stock, currently 360,000 tonnes"; the same scope: "in the first three
        years"): when the aligned articles are one against one, these say which side the rest
        of the story is on. A qualified figure is echoed by its value as written ("some 300 mln
        dlrs worth of Japanese goods" by "300 mln dlrs worth of Japanese goods")."""
        value = _stated_value(figure)
        if value is None:
            return []
        specific = _specific(figure)
        out = []
        for path in self.paths:
            if path in seen:
                continue
            for index, other in enumerate(self.figures[path]):
                if other.exact and bucket(other) == bucket(figure) and (other.low, other.high) == value \
                        and other.thing == figure.thing \
                        and (specific or (figure.scope and other.scope == figure.scope) or worded_alike(figure, other)):
                    out.append((path, index))
                    break
        return out

    def _report(self, figure: Figure, against: list[tuple[str, int]], note: str) -> Finding:
        others = [self.figures[p][i] for p, i in against]
        count = len({p for p, _ in against})
        return self.check.finding_at(
            figure.location, figure.excerpt, [Related(f.location, f"says {f.shown}") for f in others],
            match=figure.shown, thing=figure.thing, other=" or ".join(distinct(f.shown for f in others)),
            elsewhere=others_on_the_story(count),
            note=note,
        )

    # -- figure-change -----------------------------------------------------------------
    def _changes(self, outliers: set[tuple[str, int]]) -> Iterator[Finding]:
        """A figure that moved, at the first article that gives the new figure."""
        for path in self.paths:
            for index, figure in enumerate(self.figures[path]):
                edges = self.edges.get((path, index), {})
                earlier = [(p, i) for (p, i), relation in edges.items()
                           if relation == "change" and self.rank[p] < self.rank[path]]
                if not earlier or (path, index) in outliers:
                    continue
                if any(relation == "support" and self.rank[p] < self.rank[path] and (p, i) not in outliers
                       for (p, i), relation in edges.items()):
                    continue  # an earlier article already gave the new figure
                others = [self.figures[p][i] for p, i in earlier]
                dates = sorted({self._when(p) for p, _ in earlier})
                count = len({p for p, _ in earlier})
                date = self._when(path)
                yield self.check.finding_at(
                    figure.location, figure.excerpt,
                    [Related(f.location, f"says {f.shown} ({self._when(p)})")
                     for (p, _i), f in zip(earlier, others)],
                    match=figure.shown, thing=figure.thing, other=" or ".join(distinct(f.shown for f in others)),
                    date=date, other_date=", ".join(dates), note="",
                    elsewhere=f"{count} earlier article{'s' if count != 1 else ''} on this story ({', '.join(dates)}) "
                              f"say{'s' if count == 1 else ''}",
                )
