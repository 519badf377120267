"""Phase two in one process: any kind's plan over every article's extract at hand.

The local engine (``factlint.linter``) runs this after reading the folder; so
does anything else that holds all the extracts (``bench/kinds_cpu.py``). Groups
are dictionaries of paths; a Join's keys go into a compact sorted index
(eight bytes a key, no Python object per entry), because a large folder's
shingles run to millions.

What every engine shares is here too: how a step that raises is reported
(``StepFailure``, one error per rule, the same in every engine).
"""

from __future__ import annotations

import bisect
import os
from array import array
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.kinds.plan import FOLDER, KEY_BITS, STORY, Corpus, Gathered, Group, Join, Joined, Plan, candidates

# ---------------------------------------------------------------------------
# Failures: the same report in every engine
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StepFailure:
    """A plan step that raised on some group: the rule and what went wrong."""

    rule: str
    message: str


def guarded(rule: str, run: Callable[[], Iterable[Finding]]) -> list[Finding] | StepFailure:
    """A step's findings, or its failure (FACTLINT_DEBUG: the traceback)."""
    try:
        return list(run())
    except Exception as exc:
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        return StepFailure(rule, f"{type(exc).__name__}: {exc}")


def failure_errors(failures: Iterable[StepFailure], rule_order: Sequence[str]) -> list[FactlintError]:
    """One error per rule that failed, in the rules' order. Engines meet a rule's failures
    in different orders, so the one reported is the first by message."""
    first: dict[str, str] = {}
    for failure in failures:
        if failure.rule not in first or failure.message < first[failure.rule]:
            first[failure.rule] = failure.message
    order = {rule: index for index, rule in enumerate(rule_order)}
    return [
        FactlintError(f"internal error in rule '{rule}' across articles: {first[rule]}")
        for rule in sorted(first, key=lambda rule: order.get(rule, len(order)))
    ]


def sub_corpus(corpus: Corpus, paths: Iterable[str], stories: bool) -> Corpus:
    """The ArticleInfo of some articles (in path order), with their story ids if asked."""
    ordered = sorted(paths)
    return Corpus(
        {path: corpus.articles[path] for path in ordered},
        {path: corpus.stories[path] for path in ordered if path in corpus.stories} if stories else {},
    )


# ---------------------------------------------------------------------------
# Running a plan
# ---------------------------------------------------------------------------


def run_plan(
    rule: str, plan: Plan, extracts: Mapping[str, Any], corpus: Corpus, steps: Sequence[int] | None = None
) -> tuple[list[Finding], list[StepFailure]]:
    """A plan's steps (all, or those numbered in ``steps``) over every article's extract.

    ``extracts``: path -> extract (None: the article gave none); ``corpus``:
    every article's ArticleInfo, and its story when a step needs stories.
    """
    findings: list[Finding] = []
    failures: list[StepFailure] = []
    counted: dict[str, Counter] = {}

    def counts(names: Sequence[str]) -> dict[str, Counter]:
        for name in names:
            if name not in counted:
                count = plan.count(name)
                counter: Counter = Counter()
                for extract in extracts.values():
                    if extract is not None:
                        counter.update(set(count.keys(extract)))
                counted[name] = counter
        return {name: counted[name] for name in names}

    for number, step in enumerate(plan.steps):
        if steps is not None and number not in steps:
            continue
        gathered = _groups(step, extracts, corpus, counts) if isinstance(step, Group) else _joins(step, extracts, corpus)
        findings += compare_each(rule, step, each(rule, gathered, failures), failures)
    return findings, failures


def compare_each(rule: str, step: Group | Join, items: Iterable[Any], failures: list[StepFailure]) -> Iterator[Finding]:
    """A step's findings on each of its groups (or joined articles); a group whose
    comparison raises adds its failure and nothing else."""
    for item in items:
        outcome = guarded(rule, lambda: step.compare(item))  # noqa: B023 - called at once
        if isinstance(outcome, StepFailure):
            failures.append(outcome)
        else:
            yield from outcome


def each(rule: str, items: Iterator[Any], failures: list[StepFailure], passing: tuple[type[Exception], ...] = ()) -> Iterator[Any]:
    """The items a step compares, one at a time; if gathering them raises (a kind's
    keys or values), the step's failure and no more. ``passing``: what an engine
    raises itself (its own storage failing), let through."""
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except passing:
            raise
        except Exception as exc:
            if os.environ.get("FACTLINT_DEBUG"):
                raise
            failures.append(StepFailure(rule, f"{type(exc).__name__}: {exc}"))
            return
        yield item


def _groups(
    step: Group, extracts: Mapping[str, Any], corpus: Corpus, counts: Callable[[Sequence[str]], dict[str, Counter]]
) -> Iterator[Gathered]:
    found = counts(step.counts) if step.counts else {}
    if step.keys == FOLDER:
        paths = sorted(corpus.articles)
        yield Gathered(None, _values(step, extracts, paths, None), sub_corpus(corpus, paths, step.stories), found)
    elif step.keys == STORY:
        for story, paths in sorted(corpus.story_groups().items()):
            yield Gathered(story, _values(step, extracts, paths, story), sub_corpus(corpus, paths, True), found)
    else:
        keys: Callable[[Any], Iterable[Hashable]] = step.keys  # type: ignore[assignment]
        members: dict[Hashable, list[str]] = {}
        for path in sorted(extracts):
            extract = extracts[path]
            if extract is not None:
                for key in dict.fromkeys(keys(extract)):
                    members.setdefault(key, []).append(path)
        for key, paths in members.items():
            yield Gathered(key, _values(step, extracts, paths, key), sub_corpus(corpus, paths, step.stories), found)


def _values(step: Group, extracts: Mapping[str, Any], paths: Iterable[str], key: Hashable) -> dict[str, Any]:
    return {path: step.member_value(extracts[path], key) for path in paths if extracts.get(path) is not None}


def _joins(step: Join, extracts: Mapping[str, Any], corpus: Corpus) -> Iterator[Joined]:
    """Each article with the candidates it shares uncommon keys with.

    Keys are worked out twice (to index, then to look up), so that no
    article's keys are held while the others are indexed.
    """
    if sum(extract is not None for extract in extracts.values()) < 2:
        return  # a Join pairs articles: one alone has no candidate, and its keys cost a long article seconds
    index = _KeyIndex()
    numbered: list[str] = []
    for path in sorted(extracts):
        if extracts[path] is not None and index.add(len(numbered), {key for _, key in step.keys(extracts[path])}):
            numbered.append(path)
    index.freeze()
    for number, path in enumerate(numbered):
        extract = extracts[path]
        shared = {numbered[other]: where for other, where in index.shared(number, step.keys(extract), step.most).items()}
        chosen = candidates(step, path, shared, corpus.articles)
        if chosen:
            yield Joined(
                path, extract, chosen, {path: extract, **{other: extracts[other] for other in chosen}},
                sub_corpus(corpus, [path, *chosen], step.stories),
            )


class _KeyIndex:
    """Every article's Join keys: a 40-bit key and the article's number packed in one
    64-bit integer, kept in 256 sorted arrays."""

    def __init__(self) -> None:
        self.buckets = [array("Q") for _ in range(256)]

    def add(self, article: int, keys: set[int]) -> bool:
        """Index an article's keys; False if it has none."""
        if not keys:
            return False
        if min(keys) < 0 or max(keys) >> KEY_BITS:
            raise ValueError(f"a Join key must be an integer in [0, 2**{KEY_BITS})")
        for key in keys:
            self.buckets[key >> 32].append(key << 24 | article)
        return True

    def freeze(self) -> None:
        self.buckets = [array("Q", sorted(bucket)) for bucket in self.buckets]

    def shared(self, article: int, places: Iterable[tuple[int, int]], most: int) -> dict[int, list[int]]:
        """Other article -> this article's places where both have a key that 2 to ``most`` articles have:
        ``factlint.kinds.plan.shared_places`` over the packed index, written out because it is the
        hot loop of a large folder's Join (a key's holders are counted before any is unpacked)."""
        where: dict[int, list[int]] = {}
        for place, key in places:
            bucket = self.buckets[key >> 32]
            low = bisect.bisect_left(bucket, key << 24)
            high = bisect.bisect_left(bucket, (key + 1) << 24, low)
            if 2 <= high - low <= most:
                for entry in bucket[low:high]:
                    other = entry & 0xFFFFFF
                    if other != article:
                        where.setdefault(other, []).append(place)
        for found in where.values():
            found.sort()
        return where
