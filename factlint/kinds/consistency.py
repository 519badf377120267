"""The ``consistency`` kind: one name or term spelled more than one way.

Two sources of variants: groups a rule lists (U.S. / US), and near-identical
proper names found without a list (Zelensky / Zelenskyy). Listed groups are
compared across the whole folder; automatic name variants only within an
article and within one story, because unrelated articles legitimately name
different people (Jensen, Jansen). The folder's majority spelling (most
articles, then most uses) is the reference; every other spelling is
reported once per article, at its first use, with the counts on each side.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import regex

from factlint.document import Document, Location
from factlint.findings import Finding, Related
from factlint.kinds.base import Check, Param, register
from factlint.kinds.plan import STORY, Corpus, Count, Group, Plan
from factlint.kinds.scopes import compile_regex, matches_outside, words_pattern

# Capitalized words; an apostrophe only inside a name (O'Brien), never a possessive.
_NAME = regex.compile(r"(?<![\p{L}\p{N}'’.-])\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+|['’]\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}])")
_LINE = regex.compile(r"[^\n]+")
_MOSTLY_CAPS = regex.compile(r"^[^\p{Ll}]*$")


# Last letters that make another word of the same stem (Somalis/Somalia,
# Argentine/Argentina, Communism/Communist, Killed/Killer, Franco/France).
_ENDINGS = "sdnraeomt"
# British and American spellings of one word are a style choice, not a misspelled name.
_REGIONAL = [(regex.compile(p), r) for p, r in (
    (r"is(ation|e|ed|es|ing)\b", r"iz\1"), (r"ys(e|ed|es|ing)\b", r"yz\1"), (r"tre\b", "ter"), (r"tres\b", "ters"),
    (r"our\b", "or"), (r"ours\b", "ors"), (r"ser(s?)\b", r"sor\1"), (r"ence\b", "ense"), (r"ogue\b", "og"),
)]


def _regional(word: str) -> str:
    for pattern, replacement in _REGIONAL:
        word = pattern.sub(replacement, word)
    return word


@dataclass(slots=True)
class Usage:
    """How often an article uses a spelling, and where first.

    Every article keeps one per capitalized name until the folder has been
    read, so it is kept small: slots, shared excerpts, tuples for sets.
    """

    count: int
    location: Location
    excerpt: str
    mid_sentence: bool = False
    neighbours: tuple[str, ...] = ()  # capitalized words next to a name (at most 8)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@register("consistency")
class ConsistencyCheck(Check):
    PARAMS = {
        "groups": Param("list", [], "lists of spellings of the same term, e.g. [U.S., US]"),
        "auto_names": Param("bool", False, "also find near-identical proper names (Zelensky/Zelenskyy) unlisted"),
        "min_name_length": Param("int", 6, "shortest name the automatic detection considers", minimum=3),
        "distinct": Param("list", [], "pairs of names that are different names, never variants"),
        "ignorecase": Param("bool", False, "listed spellings match regardless of case"),
        "exceptions": Param("list[str]", [], "regexes; a spelling inside a match of one of these is not counted"),
    }
    PLACEHOLDERS = ("match", "preferred", "counts")
    CROSS_ARTICLE = True

    def compile(self) -> None:
        groups = self.params["groups"]
        if not groups and not self.params["auto_names"]:
            raise self.rule.error("kind consistency needs 'groups' or 'auto_names: true'", "kind")
        self.groups: list[list[str]] = []
        for group in groups:
            if not (isinstance(group, list) and len(group) >= 2 and all(isinstance(v, str) and v for v in group)):
                raise self.rule.error("each entry of 'groups' must list two or more spellings", "groups")
            self.groups.append(group)
        self.variant_of: dict[str, tuple[int, str]] = {}
        for index, group in enumerate(self.groups):
            for variant in group:
                self.variant_of[self._key(variant)] = (index, variant)
        flags = regex.IGNORECASE if self.params["ignorecase"] else 0
        spellings = [v for g in self.groups for v in g]
        self.regex = regex.compile(words_pattern(spellings), flags) if spellings else None
        self.exceptions = [compile_regex(self, "exceptions", p, flags) for p in self.params["exceptions"]]
        for pair in self.params["distinct"]:
            if not (isinstance(pair, list) and all(isinstance(n, str) for n in pair)):
                raise self.rule.error("each entry of 'distinct' must list names", "distinct")
        self.distinct = {frozenset(n.lower() for n in pair) for pair in self.params["distinct"]}

    def _key(self, text: str) -> str:
        text = " ".join(text.split())
        return text.lower() if self.params["ignorecase"] else text

    # -- per article -------------------------------------------------------------
    def extract(self, doc: Document) -> dict[str, Any]:
        groups: dict[int, dict[str, Usage]] = defaultdict(dict)
        names: dict[str, Usage] = {}
        neighbours: dict[str, set[str]] = defaultdict(set)
        excerpts: dict[str, str] = {}  # one string per distinct excerpt: names on one line share it
        for block in doc.blocks:
            openers = {s for s, _ in block.sentences} if self.params["auto_names"] else set()
            for line in _LINE.finditer(doc.text, block.start, block.end):
                if _MOSTLY_CAPS.match(line.group()):
                    continue  # ALL-CAPS headlines: "US" there may be "us"
                start, end = line.start(), line.end()
                if self.regex is not None:
                    for match in matches_outside(self.regex, self.exceptions, doc.text, start, end):
                        index, variant = self.variant_of[self._key(match.group())]
                        self._count(groups[index], variant, doc, match.start(), match.end(), excerpts)
                if self.params["auto_names"]:
                    self._names(doc, openers, start, end, names, neighbours, excerpts)
        for name, adjacent in neighbours.items():
            names[name].neighbours = tuple(adjacent)
        return {"groups": dict(groups), "names": names}

    @staticmethod
    def _count(
        usages: dict[str, Usage], spelling: str, doc: Document, start: int, end: int, excerpts: dict[str, str], mid: bool = False
    ) -> None:
        usage = usages.get(spelling)
        if usage is None:
            excerpt = doc.context(start, end)
            usages[spelling] = Usage(1, doc.locate(start, end), excerpts.setdefault(excerpt, excerpt), mid)
        else:
            usage.count += 1
            usage.mid_sentence = usage.mid_sentence or mid

    def _names(
        self,
        doc: Document,
        openers: set[int],
        start: int,
        end: int,
        names: dict[str, Usage],
        neighbours: dict[str, set[str]],
        excerpts: dict[str, str],
    ) -> None:
        minimum = self.params["min_name_length"]
        text = doc.text
        matches = [(m.group(), *m.span()) for m in _NAME.finditer(text, start, end)]
        for i, (name, name_start, name_end) in enumerate(matches):
            if len(name) >= minimum and text[name_end : name_end + 1] != "-":  # not Franco-U.S.
                # not at a sentence's start, nor at a quotation's: “Killed were three,” ...
                mid = name_start not in openers and text[name_start - 1 : name_start] not in ("“", '"')
                usage = names.get(name)
                if usage is None:
                    self._count(names, name, doc, name_start, name_end, excerpts, mid)
                else:  # as _count does, without a call for each of a name's thousand uses
                    usage.count += 1
                    usage.mid_sentence = usage.mid_sentence or mid
                adjacent = neighbours[name]
                if len(adjacent) >= 8:
                    continue
                # the adjacent capitalized word: first name, surname
                if i > 0 and not text[matches[i - 1][2] : name_start].strip():
                    adjacent.add(matches[i - 1][0])
                if i + 1 < len(matches) and len(adjacent) < 8 and not text[name_end : matches[i + 1][1]].strip():
                    adjacent.add(matches[i + 1][0])

    # -- across articles -----------------------------------------------------------
    def plan(self) -> Plan:
        """Each listed group across every article using one of its spellings; name variants
        within each story, the folder's majority spelling (articles per name) preferred."""
        steps: list[Group] = []
        counts: tuple[Count, ...] = ()
        if self.groups:
            steps.append(Group(
                lambda extract: extract["groups"].keys(), lambda group: self.check_listed(group.key, group.values, group.corpus),
                value=lambda extract, index: extract["groups"][index],
            ))
        if self.params["auto_names"]:
            counts = (Count("names", lambda extract: extract["names"].keys()),)
            steps.append(Group(
                STORY, lambda group: self.check_names(group.values, group.corpus, group.counts["names"]),
                value=lambda extract, story: extract["names"], counts=("names",),
            ))
        return Plan(tuple(steps), counts)

    # The plan's two steps, each over one group of articles.
    def check_listed(self, index: int, per_article: dict[str, dict[str, Usage]], corpus: Corpus) -> Iterable[Finding]:
        """Listed group ``index`` across every article that uses one of its spellings."""
        return self._report([set(self.groups[index])], per_article, corpus, self.groups[index][0])

    def check_names(self, per_article: dict[str, dict[str, Usage]], corpus: Corpus, folder_use: Mapping[str, int]) -> Iterable[Finding]:
        """Name variants among the articles of one story; ``folder_use``: articles per name,
        folder-wide (only the clustered names' counts are read)."""
        return self._report(self.name_clusters(per_article), per_article, corpus, None, folder_use)

    def name_clusters(self, per_article: dict[str, dict[str, Usage]]) -> list[set[str]]:
        """Clusters of near-identical proper names used in these articles."""
        vocabulary = {n for usages in per_article.values() for n, u in usages.items() if u.mid_sentence}
        buckets: dict[str, list[str]] = defaultdict(list)
        for name in vocabulary:
            lower = name.lower()
            buckets[lower].append(name)
            for i in range(len(lower)):
                buckets[lower[:i] + lower[i + 1 :]].append(name)
        parent: dict[str, str] = {}

        def find(n: str) -> str:
            while parent.get(n, n) != n:
                n = parent[n]
            return n

        for bucket in buckets.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 :]:
                    if a != b and self._variants(a, b) and not self._different_names(a, b, per_article):
                        parent[find(b)] = find(a)
        clusters: dict[str, set[str]] = defaultdict(set)
        for name in parent:
            clusters[find(name)].add(name)
        for root in list(clusters):
            clusters[root].add(root)
        return list(clusters.values())

    def _variants(self, a: str, b: str) -> bool:
        from rapidfuzz.distance import DamerauLevenshtein

        la, lb = a.lower(), b.lower()
        if la == lb or frozenset((la, lb)) in self.distinct or la[:3] != lb[:3]:
            return False
        if DamerauLevenshtein.distance(la, lb) != 1:
            return False
        short, long = sorted((la, lb), key=len)
        if long.startswith(short):
            extra = long[len(short) :]
            # A doubled last letter is a spelling (Zelensky/Zelenskyy); any other
            # added letter is another word (Russia/Russian, German/Germany).
            return extra == short[-1] and extra != "s"
        # Same stem, another ending (Americas/American, Somalis/Somalia, Killed/Killer): two words.
        if len(la) == len(lb) and la[:-1] == lb[:-1] and (la[-1] in _ENDINGS or lb[-1] in _ENDINGS):
            return False
        return _regional(la) != _regional(lb)

    @staticmethod
    def _different_names(a: str, b: str, per_article: dict[str, dict[str, Usage]]) -> bool:
        """Evidence that two spellings name two people, not one misspelled.

        Each used repeatedly in one article (Martin and Marvin), or each always
        beside other names (Philip Hickok, Phillip Stirling).
        """
        if any(u.get(a) and u.get(b) and u[a].count > 1 and u[b].count > 1 for u in per_article.values()):
            return True
        near_a = set().union(*(u[a].neighbours for u in per_article.values() if a in u))
        near_b = set().union(*(u[b].neighbours for u in per_article.values() if b in u))
        return bool(near_a and near_b and not near_a & near_b)

    def _report(
        self,
        clusters: list[set[str]],
        per_article: dict[str, dict[str, Usage]],
        corpus: Corpus,
        fallback: str | None,
        folder_use: Mapping[str, int] | None = None,
    ) -> Iterable[Finding]:
        """Report every spelling but the preferred one, once per article.

        Preferred: the spelling more articles of the whole folder use (a
        misspelling is rare across an archive), then more articles here, then
        more uses here, then the listed group's first spelling.
        """
        folder_use = folder_use if folder_use is not None else {}
        for cluster in clusters:
            articles: dict[str, list[str]] = defaultdict(list)
            counts: dict[str, int] = defaultdict(int)
            for path in sorted(per_article, key=corpus.order):
                for spelling in cluster:
                    usage = per_article[path].get(spelling)
                    if usage:
                        articles[spelling].append(path)
                        counts[spelling] += usage.count
            if len(articles) < 2:
                continue
            ranked = sorted(articles, key=lambda s: (-folder_use.get(s, 0), -len(articles[s]), -counts[s], s != fallback, s))
            preferred = ranked[0]
            first_path = articles[preferred][0]
            for spelling in ranked[1:]:
                for path in articles[spelling]:
                    usage = per_article[path][spelling]
                    ref_path = path if preferred in per_article[path] else first_path
                    ref = per_article[ref_path][preferred]
                    where = "this article" if ref_path == path and len(articles[preferred]) == 1 and len(articles[spelling]) == 1 else None
                    yield self.finding_at(
                        usage.location,
                        usage.excerpt,
                        related=[Related(ref.location, f"'{preferred}' is used here")],
                        match=spelling,
                        preferred=preferred,
                        counts=self._counts(spelling, preferred, articles, counts, where),
                    )

    @staticmethod
    def _counts(spelling: str, preferred: str, articles: dict, counts: dict, where: str | None) -> str:
        if where:
            return f"{_plural(counts[spelling], 'time')} against {_plural(counts[preferred], 'time')} in {where}"
        return (
            f"'{spelling}' {_plural(counts[spelling], 'time')} in {_plural(len(articles[spelling]), 'article')}, "
            f"'{preferred}' {_plural(counts[preferred], 'time')} in {_plural(len(articles[preferred]), 'article')}"
        )
