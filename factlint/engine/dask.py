"""The Dask engine (``factlint check --engine dask``): the same report, computed on a Dask cluster.

An archive of millions of articles outgrows one machine. The local engine's
two phases map onto Dask as they are:

- Phase one (reading, segmentation, per-article findings, extracts) is a bag
  map over the file names; each worker reads its files itself (a URL through
  fsspec, the way Dask reads it), so a shared folder or an object store
  works. Workers compile the rules once per process from the rule data the
  client loaded (``Job``).
- Phase two runs each cross-article rule's plan (factlint/kinds/plan.py), a
  shuffle per key: a Group step's articles are shuffled together by their
  keys (a story id, a digest, a spelling group) and compared one group at a
  time; the folder-wide counts a group reads are summed by key and joined to
  the groups that ask for them; a Join step pairs the articles that give the
  same uncommon key, sends each candidate's extract to the article it is a
  candidate of, and compares each article with its candidates. No process
  holds every article's extract, let alone its text.

What comes back to the client is small and per article: findings,
suppressions, errors, and the story each article was grouped into. Story
grouping itself (``factlint.stories``) is a sequential pass over every
article's salient terms (a few hundred bytes an article), so it runs as one
task on a worker: the one step whose memory grows with the archive. Findings
are then suppressed, filtered, sorted and fingerprinted on the client exactly
as the local engine does, so ``--format json`` is byte for byte the same
(tests compare the two).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Sequence

from factlint.document import MAX_FILE_BYTES, Settings, read_source
from factlint.engine.memory import StepFailure, failure_errors, guarded
from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.kinds.base import Check, Rule
from factlint.kinds.plan import FOLDER, STORY, ArticleInfo, Corpus, Gathered, Group, Join, Joined, Plan
from factlint.linter import ArticleResult, Report, analyze, finish, needs_stories

if TYPE_CHECKING:
    import dask.bag

PARTITION_ARTICLES = 100  # articles per phase-one task: big enough to amortise a task, small enough to balance
MIN_PARTITIONS_PER_WORKER = 4  # so a slow or lost worker's share is redone in small pieces
CONNECT_SECONDS = 10  # to reach a running scheduler given with --scheduler
SHUFFLE_ARTICLES = 20_000  # articles per partition of a cross-article shuffle (fewer tasks: less scheduling)
MERGED_PER_BUCKET = 64  # a shuffle's input partitions, at most this many times its output partitions


def _need_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise FactlintError("--engine dask needs Dask: pip install 'factlint[dask]'") from None


# ---------------------------------------------------------------------------
# What every task needs: the rules, compiled once per worker process
# ---------------------------------------------------------------------------

_compiled: dict[str, list[Check]] = {}  # Job.token -> checks, in each worker process
_plans: dict[tuple[str, int], Plan] = {}  # (Job.token, rule index) -> its plan, in each worker process


@dataclass(frozen=True)
class Job:
    """The rules (as loaded on the client), run-wide context and settings of one run."""

    rules: tuple[Rule, ...]
    context: dict[str, Any]
    settings: Settings
    want_story_terms: bool
    token: str = field(default="", compare=False)

    @classmethod
    def make(cls, rules: Sequence[Rule], context: dict[str, Any], settings: Settings, want_story_terms: bool) -> "Job":
        token = hashlib.sha256(pickle.dumps((list(rules), context, settings, want_story_terms))).hexdigest()
        return cls(tuple(rules), context, settings, want_story_terms, token)

    def checks(self) -> list[Check]:
        if self.token not in _compiled:
            from factlint.ruleset import compile_rules

            _compiled[self.token] = compile_rules(self.rules, self.context)
        return _compiled[self.token]

    def plan(self, index: int) -> Plan:
        """The plan of rule ``index``, built once per worker process."""
        if (self.token, index) not in _plans:
            plan = self.checks()[index].plan()
            assert plan is not None
            _plans[self.token, index] = plan
        return _plans[self.token, index]


# ---------------------------------------------------------------------------
# Phase one
# ---------------------------------------------------------------------------


@dataclass
class _Analysed:
    """An article's phase-one result, and whether it could not even be read."""

    result: ArticleResult
    unreadable: bool = False


def read_article(location: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes: a URL (s3://..., file://...) through fsspec, a plain path as the
    local engine reads it (``read_source``); never more than ``limit`` + 1 bytes."""
    if "://" in location:
        import fsspec

        with fsspec.open(location, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise FactlintError(f"file too large (over {limit // 1024} KiB; the limit is {limit // 1024} KiB)", location)
        return data
    return read_source(location, limit)


def _analyze_partition(items: list[tuple[str, str]], job: Job) -> list[_Analysed]:
    checks = job.checks()
    out = []
    for shown, location in items:
        try:
            data = read_article(location, job.settings.max_file_bytes)
        except (OSError, FactlintError) as err:
            message = err.message if isinstance(err, FactlintError) else f"cannot read file: {err.strerror or err}"
            out.append(_Analysed(ArticleResult(shown, error=FactlintError(message, shown)), unreadable=True))
            continue
        out.append(_Analysed(analyze(shown, data, checks, job.settings, job.want_story_terms)))
    return out


def _good(analysed: _Analysed) -> bool:
    return analysed.result.error is None and analysed.result.info is not None


def _summary(analysed: _Analysed) -> tuple[str, list[Finding], list[Any], list[FactlintError], bool]:
    """What the client keeps of an article: its findings, suppressions and problems."""
    r = analysed.result
    return r.path, r.findings, r.suppressions, r.problems, analysed.unreadable


# ---------------------------------------------------------------------------
# Phase two: each cross-article rule's plan, a shuffle per key
# ---------------------------------------------------------------------------


def _group_stories(partitions: list[list[tuple[str, ArticleInfo, dict[str, float]]]]) -> dict[str, str]:
    from factlint.stories import group_stories

    records = [record for partition in partitions for record in partition]
    corpus = Corpus({path: info for path, info, _ in records})
    return group_stories(corpus, {path: terms for path, _, terms in records})


def _grouped(records: "dask.bag.Bag", width: int) -> "dask.bag.Bag":
    """(key, value) records as (key, [values]) groups, shuffled into ``width`` partitions.

    Each partition sorts its records, where they are, into one list per
    bucket of keys; then each bucket gathers its lists from every partition
    (a one-stage task shuffle) and groups them by key. Moving lists, not
    records one by one, keeps a shuffle of millions of small records cheap.
    Very many small partitions are first merged a few at a time, so the
    number of lists stays near ``MERGED_PER_BUCKET`` times width squared.
    Keys are bucketed by a hash that is the same in every process (Python's
    own ``hash`` of a string is not).
    """
    import dask
    import dask.bag as db

    if records.npartitions > MERGED_PER_BUCKET * width:
        records = records.repartition(npartitions=MERGED_PER_BUCKET * width)
    parts = records.map_partitions(_spread, width).to_delayed()
    return db.from_delayed([dask.delayed(_gather)([part[bucket] for part in parts]) for bucket in range(width)])


def _spread(records: Iterable[tuple], buckets: int) -> list[list[tuple]]:
    lists: list[list[tuple]] = [[] for _ in range(buckets)]
    for record in records:
        lists[zlib.crc32(repr(record[0]).encode("utf-8")) % buckets].append(record)
    return lists


def _gather(lists: list[list[tuple]]) -> list[tuple[Any, list[Any]]]:
    groups: dict[Any, list[Any]] = defaultdict(list)
    for records in lists:
        for key, value in records:
            groups[key].append(value)
    return list(groups.items())


class _Records:
    """Keyed records from a kind's functions (keys, values), or the failure they raised.

    A failure travels as a record of its own, kept out of the shuffle and
    reported as the local engine reports it.
    """

    FAILED = ("factlint: failed",)

    def __init__(self, rule: str, make: Callable[..., list[tuple]]) -> None:
        self.rule, self.make = rule, make

    def __call__(self, *args: Any) -> list[tuple]:
        try:
            return self.make(*args)
        except Exception as exc:
            if os.environ.get("FACTLINT_DEBUG"):
                raise
            return [(self.FAILED, StepFailure(self.rule, f"{type(exc).__name__}: {exc}"))]

    @classmethod
    def split(cls, records: "dask.bag.Bag") -> tuple["dask.bag.Bag", "dask.bag.Bag"]:
        """The records to shuffle, and the failures (as step outcomes)."""
        failed = records.filter(lambda record: record[0] == cls.FAILED).map(lambda record: record[1])
        return records.filter(lambda record: record[0] != cls.FAILED), failed


def _compared(rule: str, compare: Callable[[Any], Iterable[Finding]]) -> Callable[[Any], list[Any]]:
    """A step's comparison of one item: its findings, or its failure."""

    def run(item: Any) -> list[Any]:
        outcome = guarded(rule, lambda: compare(item))
        return [outcome] if isinstance(outcome, StepFailure) else outcome

    return run


def _run_plan(good: "dask.bag.Bag", index: int, plan: Plan, job: Job, width: int, stories: Any) -> "dask.bag.Bag":
    """Every step of rule ``index``'s plan (as compiled here, on the client): findings and failures."""
    import dask.bag as db

    return db.concat([
        (_join if isinstance(step, Join) else _group)(good, index, number, step, job, width, stories)  # type: ignore[operator]
        for number, step in enumerate(plan.steps)
    ])


def _group(good: "dask.bag.Bag", index: int, number: int, step: Group, job: Job, width: int, stories: Any) -> "dask.bag.Bag":
    """A Group step: members shuffled together by key; the counts the step reads summed
    by key and joined to the groups that ask (every key one of their members gives).

    Tasks find the step in their worker's own compiled rules (``Job.plan``): what
    travels is the job, never a compiled check.
    """
    import dask.bag as db

    rule = job.rules[index].id
    with_stories, counted = step.needs_stories, step.counts
    del step  # what tasks run is their worker's own step

    def current() -> Group:
        return job.plan(index).steps[number]  # type: ignore[return-value]

    def records(analysed: _Analysed, stories: dict[str, str] | None) -> list[tuple]:
        r = analysed.result
        plan, step = job.plan(index), current()
        extract = r.extracts.get(rule)
        story = stories[r.path] if stories is not None else None
        if step.keys in (STORY, FOLDER):
            keys = [story if step.keys == STORY else None]
        elif extract is None:
            return []
        else:
            keys = list(dict.fromkeys(step.keys(extract)))  # type: ignore[operator]
        asked = {name: list(set(plan.count(name).keys(extract))) for name in step.counts} if extract is not None else {}
        return [
            (key, (r.path, r.info, story, extract is not None, step.member_value(extract, key) if extract is not None else None, asked))
            for key in keys
        ]

    def compare_group(key: Any, members: list[tuple], counts: dict[str, Counter]) -> Iterable[Finding]:
        members = sorted(members, key=lambda member: member[0])
        values = {path: value for path, _, _, given, value, _ in members if given}
        corpus = Corpus(
            {path: info for path, info, *_ in members},
            {path: story for path, _, story, *_ in members} if with_stories else {},
        )
        return current().compare(Gathered(key, values, corpus, counts))

    keyed, failed = _Records.split(good.map(_Records(rule, records), stories if with_stories else None).flatten())
    groups = _grouped(keyed, width)
    if not counted:
        return db.concat([failed, groups.map(_compared(rule, lambda group: compare_group(group[0], group[1], {}))).flatten()])

    def asks(group: tuple) -> list[tuple]:
        key, members = group
        wanted = {(name, counted) for *_, asked in members for name, keys in asked.items() for counted in keys}
        return [(key, ("members", members))] + [(wanted_key, ("asked by", key)) for wanted_key in wanted]

    def tallies(analysed: Iterable[_Analysed]) -> list[tuple]:
        plan = job.plan(index)
        counts: Counter = Counter()
        for a in analysed:
            extract = a.result.extracts.get(rule)
            if extract is not None:
                counts.update((name, key) for name in counted for key in set(plan.count(name).keys(extract)))
        return [(key, ("counted", n)) for key, n in counts.items()]

    def answer(group: tuple) -> list[tuple]:
        (name, key), tags = group
        total = sum(n for tag, n in tags if tag == "counted")
        return [(asker, ("count", name, key, total)) for tag, asker in tags if tag == "asked by"]

    def compare(group: tuple) -> Iterable[Finding]:
        key, tags = group
        members = next(tag[1] for tag in tags if tag[0] == "members")
        counts: dict[str, Counter] = {name: Counter() for name in counted}
        for tag in tags:
            if tag[0] == "count":
                counts[tag[1]][tag[2]] = tag[3]
        return compare_group(key, members, counts)

    asked = groups.map(asks).flatten()
    answers = _grouped(db.concat([asked.filter(lambda r: r[1][0] == "asked by"), good.map_partitions(tallies)]), width)
    joined = db.concat([asked.filter(lambda r: r[1][0] == "members"), answers.map(answer).flatten()])
    return db.concat([failed, _grouped(joined, width).map(_compared(rule, compare)).flatten()])


def _join(good: "dask.bag.Bag", index: int, number: int, step: Join, job: Job, width: int, stories: Any) -> "dask.bag.Bag":
    """A Join step, in three shuffles.

    1. Each key is a group; one that 2..most articles give makes each of them a
       possible candidate of each other, at the places the article gives it.
    2. Per candidate: its extract joins the places every article shares with
       it; where they are enough (``least``), it is sent to that article.
    3. Per article: compared with the candidates that reached it and ``pairs`` allows.

    Key records carry no more than a path and places: a folder's keys run to
    millions, and what travels through a shuffle is what it costs.
    """
    import dask.bag as db

    rule = job.rules[index].id
    with_stories = step.needs_stories
    del step  # what tasks run is their worker's own step

    def this_step() -> Join:
        return job.plan(index).steps[number]  # type: ignore[return-value]

    def places(analysed: _Analysed, stories: dict[str, str] | None) -> list[tuple]:
        r = analysed.result
        extract = r.extracts.get(rule)
        if extract is None:
            return []
        where: dict[int, list[int]] = defaultdict(list)
        for place, key in this_step().keys(extract):
            where[key].append(place)
        if not where:
            return []
        story = stories[r.path] if stories is not None else None
        return [(r.path, ("extract", r.info, story, extract))] + [(key, ("at", r.path, at)) for key, at in where.items()]

    def pairs(group: tuple) -> list[tuple]:
        _, holders = group
        if not 2 <= len(holders) <= this_step().most:
            return []
        return [(candidate, ("wanted by", article, at)) for _, article, at in holders for _, candidate, _ in holders if candidate != article]

    def send(group: tuple) -> list[tuple]:
        candidate, tags = group
        mine = [tag for tag in tags if tag[0] == "extract"]
        if not mine:
            return []
        _, info, story, extract = mine[0]
        wanted: dict[str, list[int]] = defaultdict(list)
        for tag in tags:
            if tag[0] == "wanted by":
                wanted[tag[1]].extend(tag[2])
        least = this_step().least
        return [(candidate, ("self", info, story, extract))] + [
            (article, ("candidate", candidate, info, story, extract, sorted(where))) for article, where in wanted.items() if len(where) >= least
        ]

    def compare(group: tuple) -> Iterable[Finding]:
        path, tags = group
        current = this_step()
        own = [tag for tag in tags if tag[0] == "self"]
        if not own:
            return []
        _, info, story, extract = own[0]
        chosen = sorted(
            (tag for tag in tags if tag[0] == "candidate" and (current.pairs is None or current.pairs(info, tag[2]))),
            key=lambda tag: tag[1],
        )
        if not chosen:
            return []
        members = sorted([(path, info, story)] + [(c, i, s) for _, c, i, s, _, _ in chosen])
        corpus = Corpus({p: i for p, i, _ in members}, {p: s for p, _, s in members} if with_stories else {})
        joined = Joined(
            path, extract, {c: where for _, c, _, _, _, where in chosen},
            {path: extract, **{c: e for _, c, _, _, e, _ in chosen}}, corpus,
        )
        return current.compare(joined)

    keyed, failed = _Records.split(good.map(_Records(rule, places), stories if with_stories else None).flatten())
    shared = _grouped(keyed.filter(lambda r: r[1][0] == "at"), width).map(pairs).flatten()
    sent = _grouped(db.concat([shared, keyed.filter(lambda r: r[1][0] == "extract")]), width).map(send).flatten()
    return db.concat([failed, _grouped(sent, width).map(_compared(rule, compare)).flatten()])


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


def local_cluster(workers: int | None = None) -> Any:
    """A LocalCluster of single-threaded worker processes (one per core), no dashboard, quiet.

    Its workers do not sample their own stacks (Dask's statistical profiler
    cost a third more CPU per article here). Its scheduler still answers
    health checks over HTTP; when the usual port is taken it picks another,
    and Dask's warning about that is not ours to print.
    """
    import logging
    import warnings

    import dask
    from distributed import LocalCluster

    from factlint.linter import available_cores

    with warnings.catch_warnings(), dask.config.set({"distributed.worker.profile.enabled": False}):
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        return LocalCluster(
            n_workers=workers or available_cores(), threads_per_worker=1, processes=True,
            dashboard_address=None, silence_logs=logging.ERROR,
        )


def _client(scheduler: str | None) -> tuple[Any, Any]:
    """A client of the given scheduler, or of a new local cluster."""
    from distributed import Client

    if scheduler:
        try:
            return Client(scheduler, timeout=f"{CONNECT_SECONDS}s"), None
        except (OSError, TimeoutError) as err:
            raise FactlintError(f"--scheduler: cannot connect to {scheduler}: {err}") from None
    cluster = local_cluster()
    return Client(cluster), cluster


def lint_paths(
    paths: Sequence[tuple[str, str]],
    checks: Sequence[Check],
    context: dict[str, Any],
    settings: Settings,
    keep: Callable[[Finding], bool] | None = None,
    known_rules: Collection[str] | None = None,
    scheduler: str | None = None,
    client: Any = None,
    progress: Any = None,
) -> Report:
    """Lint ``paths`` ((shown name, where to read it)) on Dask: the local engine's report.

    ``checks`` are the rules compiled with ``context`` here; the workers compile
    the same rules again. ``client``: an existing Dask client (tests); else one
    of ``scheduler`` or of a new LocalCluster. ``progress``: an object with
    ``advance(count)``.
    """
    _need_dask()
    import dask
    import dask.bag as db
    from distributed import as_completed, futures_of

    planned = [(i, plan) for i, c in enumerate(checks) if c.CROSS_ARTICLE and (plan := c.plan()) is not None]
    job = Job.make([c.rule for c in checks], context, settings, needs_stories(checks))
    own_client = client is None
    own_cluster = None
    if own_client:
        client, own_cluster = _client(scheduler)
    try:
        if not paths:
            return Report(0, [], [])
        workers = max(1, sum(client.nthreads().values()))
        size = max(1, min(PARTITION_ARTICLES, -(-len(paths) // (workers * MIN_PARTITIONS_PER_WORKER))))
        results = db.from_sequence(list(paths), partition_size=size).map_partitions(_analyze_partition, job)
        results = client.persist(results)
        if progress is not None:
            for _ in as_completed(futures_of(results)):
                progress.advance(size)
        width = max(2 * workers, -(-len(paths) // SHUFFLE_ARTICLES))  # partitions of each cross-article shuffle
        stories = None
        if job.want_story_terms:
            terms = results.filter(_good).map(lambda a: (a.result.path, a.result.info, a.result.story_terms))
            stories = dask.delayed(_group_stories)(terms.to_delayed())
        good = results.filter(_good)
        plans = [_run_plan(good, i, plan, job, width, stories) for i, plan in planned]
        summaries, cross_findings, story_of = dask.compute(
            results.map(_summary), db.concat(plans) if plans else db.from_sequence([]), stories
        )
    finally:
        if own_client:
            client.close()
        if own_cluster is not None:
            own_cluster.close()
    return _report(summaries, cross_findings, story_of or {}, checks, keep, known_rules)


def _report(summaries: list, cross_findings: list, stories: dict[str, str], checks: Sequence[Check], keep: Any, known_rules: Any) -> Report:
    """Suppress, filter, sort and fingerprint as the local engine does; errors in its order."""

    unreadable = [error for _, _, _, problems, bad in summaries if bad for error in problems]
    errors = [error for _, _, _, problems, bad in summaries if not bad for error in problems]
    findings = [f for _, found, _, _, _ in summaries for f in found]  # an article that could not be read has none
    failures = [item for item in cross_findings if isinstance(item, StepFailure)]
    findings += [item for item in cross_findings if not isinstance(item, StepFailure)]
    errors += failure_errors(failures, [c.rule.id for c in checks])
    suppressions = {path: found for path, _, found, _, _ in summaries if found}
    return Report(
        files=len(summaries),
        findings=finish(findings, suppressions, checks, keep, known_rules),
        errors=unreadable + errors,
        stories=stories,
    )
