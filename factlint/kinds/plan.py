"""What a kind compares across articles, declared as data that every engine runs.

A kind that compares articles does it in two phases. Phase one sees one
article at a time: the kind's ``extract`` keeps what the comparison needs
(picklable, small). Phase two brings articles together and compares them,
and *how* it brings them together is the kind's ``plan()``: a ``Plan`` of
steps built from three words, and nothing else. The engines
(``factlint.engine``: in memory, from the folder's stored state, on Dask) run
any plan; none of them knows a kind.

``Group(keys, compare)``
    Articles that give the same key are one group, and ``compare`` sees one
    group at a time (a ``Gathered``: the key, each member's value, the
    members' ``ArticleInfo``). ``keys`` is a function of an article's
    extract (a listed spelling group, a text digest, a quote's words), or
    ``STORY`` (each article's story: the articles of one story are one
    group), or ``FOLDER`` (the whole folder is one group: a last resort, it
    cannot be served in parts). ``value`` is what a member brings to the
    group of one key (by default its whole extract); ``stories=True`` adds
    the members' story ids to the group's corpus (a step that must tell
    related articles from unrelated ones).

``Join(keys, compare, most)``
    Each article is compared with the *candidates* it shares uncommon keys
    with: ``keys`` gives an article's (place, key) pairs (a word position and
    the fingerprint of the shingle there; keys are integers in [0, 2**40));
    a key that more than ``most`` articles give is common and brings nobody
    together. Another article is a candidate of an article when the two give
    the same uncommon keys at ``least`` of the article's places and
    ``pairs(article, candidate)`` (two ``ArticleInfo``) holds, say, when the
    candidate came first. ``compare`` sees one article with its candidates
    (a ``Joined``), and is called only for an article that has some.

``Count(name, keys)``
    Over the whole folder, how many articles give each key (how many use a
    name). A ``Group`` step lists the counts it reads in ``counts``; its
    ``Gathered.counts[name][key]`` is then the folder-wide number (0 for a
    key no article gives). An engine need only answer for keys that the
    group's members give themselves, so a step asks about nothing else.

Everything a step returns is findings; a step must be a pure function of
what it is given, and must not depend on the order of dictionaries it is
given (engines give members in path order, but gather them differently).
What an engine does with findings afterwards is the same everywhere
(``factlint.linter.finish``). The engines' equality is tested byte for byte
on every cross-article rule.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Union

from factlint.findings import Finding

STORY = "story"  # Group keys: the article's story (as the folder's stories are grouped)
FOLDER = "folder"  # Group keys: one group of every article
KEY_BITS = 40  # Join keys are integers below 2**KEY_BITS


@dataclass(frozen=True)
class ArticleInfo:
    """What the cross-article phase knows of an article besides extracts."""

    path: str
    date: str | None
    story: str | None
    title: str


@dataclass
class Corpus:
    """Articles of the cross-article phase: every article, or a step's members."""

    articles: dict[str, ArticleInfo]
    stories: dict[str, str] = field(default_factory=dict)  # path -> story id

    def order(self, path: str) -> tuple:
        """Sort key for 'which article came later': date when known, else path."""
        info = self.articles[path]
        return (info.date or "", path)

    def story_groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for path in sorted(self.stories):
            groups.setdefault(self.stories[path], []).append(path)
        return groups


# ---------------------------------------------------------------------------
# The vocabulary
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    """Folder-wide: how many articles give each key. ``keys(extract)``: an article's keys."""

    name: str
    keys: Callable[[Any], Iterable[Hashable]]


@dataclass(frozen=True)
class Group:
    """Articles that give the same key, compared one group at a time (see the module's docstring).

    Keys and values must be plain: ints, strings, and tuples of them for keys
    (an engine stores them); values picklable.
    """

    keys: Union[Callable[[Any], Iterable[Hashable]], str]  # a function of the extract, STORY or FOLDER
    compare: Callable[["Gathered"], Iterable[Finding]]
    value: Callable[[Any, Hashable], Any] | None = None  # (extract, key) -> what the member brings; None: the extract
    counts: tuple[str, ...] = ()  # names of the plan's Counts that compare reads
    stories: bool = False  # the group's corpus carries its members' story ids

    def member_value(self, extract: Any, key: Hashable) -> Any:
        return extract if self.value is None else self.value(extract, key)

    @property
    def needs_stories(self) -> bool:
        return self.stories or self.keys == STORY


@dataclass(frozen=True)
class Join:
    """Each article compared with the candidates it shares uncommon keys with (see the module's docstring)."""

    keys: Callable[[Any], Iterable[tuple[int, int]]]  # extract -> (place, key) pairs, places ascending
    compare: Callable[["Joined"], Iterable[Finding]]
    most: int  # a key given by more articles than this is common: ignored
    least: int = 1  # shared keys at this many of an article's places make a candidate
    pairs: Callable[[ArticleInfo, ArticleInfo], bool] | None = None  # (article, candidate): compared? None: always
    stories: bool = False  # the corpus carries the article's and its candidates' story ids

    @property
    def needs_stories(self) -> bool:
        return self.stories


Step = Union[Group, Join]


@dataclass(frozen=True)
class Plan:
    """A kind's cross-article phase: its steps and the folder-wide counts they read."""

    steps: tuple[Step, ...]
    counts: tuple[Count, ...] = ()

    @property
    def needs_stories(self) -> bool:
        """Whether the folder's articles must be grouped into stories first."""
        return any(step.needs_stories for step in self.steps)

    def count(self, name: str) -> Count:
        return next(count for count in self.counts if count.name == name)


# ---------------------------------------------------------------------------
# What a step is given
# ---------------------------------------------------------------------------


@dataclass
class Gathered:
    """One group of a Group step."""

    key: Hashable  # the group's key (the story id for STORY, None for FOLDER)
    values: dict[str, Any]  # member path -> its value, in path order; members whose extract is None are left out
    corpus: Corpus  # every member's ArticleInfo (and story id, when the step asks for them)
    counts: Mapping[str, Mapping[Hashable, int]] = field(default_factory=dict)  # count name -> key -> articles


@dataclass
class Joined:
    """One article of a Join step, with its candidates."""

    path: str
    extract: Any
    shared: dict[str, list[int]]  # candidate -> this article's places where they share an uncommon key (ascending)
    extracts: dict[str, Any]  # this article's and each candidate's extract
    corpus: Corpus  # this article's and the candidates' ArticleInfo (and story ids, when the step asks for them)


# ---------------------------------------------------------------------------
# What a Join means, once for every engine
# ---------------------------------------------------------------------------


def shared_places(path: str, places: Iterable[tuple[int, int]], holders: Callable[[int], Iterable[str]], most: int) -> dict[str, list[int]]:
    """Other article -> the places of ``path`` where both give a key that 2 to ``most`` articles give.

    ``holders(key)``: every article that gives the key (``path`` among them).
    """
    where: dict[str, list[int]] = {}
    for place, key in places:
        others = list(holders(key))
        if 2 <= len(others) <= most:
            for other in others:
                if other != path:
                    where.setdefault(other, []).append(place)
    for found in where.values():
        found.sort()
    return where


def candidates(step: Join, path: str, shared: dict[str, list[int]], infos: Mapping[str, ArticleInfo]) -> dict[str, list[int]]:
    """The articles ``path`` is compared with: enough shared places, and ``pairs`` allows it."""
    return {
        other: where
        for other, where in sorted(shared.items())
        if len(where) >= step.least and (step.pairs is None or step.pairs(infos[path], infos[other]))
    }
