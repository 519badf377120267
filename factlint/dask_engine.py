"""``factlint check --engine dask``: the same report, computed on a Dask cluster.

An archive of millions of articles outgrows one machine. The local engine's
two phases map onto Dask as they are:

- Phase one (reading, segmentation, per-article findings, extracts) is a bag
  map over the file names; each worker reads its files itself (a URL through
  fsspec, the way Dask reads it), so a shared folder or an object store
  works. Workers compile the rules once per process from the rule data the
  client loaded (``Job``).
- Phase two is one plan per cross-article kind: its articles are shuffled
  together by the kind's keys (shingle fingerprints and text digests for
  duplicates, story ids for figures and locations, listed spelling groups,
  stories and proper names for consistency) and the kind's own steps run on
  each group. No process holds every article's extract, let alone its text.

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

from factlint.document import Settings
from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.kinds.base import ArticleInfo, Check, Corpus, Rule
from factlint.linter import ArticleResult, Report, analyze, finish

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


# ---------------------------------------------------------------------------
# Phase one
# ---------------------------------------------------------------------------


@dataclass
class _Analysed:
    """An article's phase-one result, and whether it could not even be read."""

    result: ArticleResult
    unreadable: bool = False


def read_article(location: str) -> bytes:
    """A file's bytes: a URL (s3://..., file://...) through fsspec, a plain path directly."""
    if "://" in location:
        import fsspec

        with fsspec.open(location, "rb") as handle:
            return handle.read()
    with open(location, "rb") as handle:
        return handle.read()


def discover_articles(given: Sequence[str], config: Any) -> list[str]:
    """Article files under the given paths, in order; a URL is listed through fsspec
    (the way Dask reads it), anything else as the local engine lists it."""
    from factlint.cli import discover

    if not given:
        return discover([], config)
    found: list[str] = []
    for path in given:
        found += _discover_url(path, config) if "://" in path else discover([path], config)
    return list(dict.fromkeys(found))


def _discover_url(url: str, config: Any) -> list[str]:
    import fsspec

    from factlint.document import ARTICLE_SUFFIXES

    try:
        fs, root = fsspec.core.url_to_fs(url)
        if fs.isfile(root):
            return [url]
        if not fs.isdir(root):
            raise FactlintError("no such file or folder", url)
        names = sorted(fs.find(root))
    except (OSError, ValueError, ImportError) as err:
        raise FactlintError(f"cannot list: {err}", url) from None
    found = []
    for name in names:
        inside = name[len(root):].strip("/").split("/")
        if any(part.startswith(".") for part in inside) or not name.lower().endswith(ARTICLE_SUFFIXES):
            continue
        if not config.excluded(name):
            found.append(fs.unstrip_protocol(name))
    return found


def _analyze_partition(items: list[tuple[str, str]], job: Job) -> list[_Analysed]:
    checks = job.checks()
    out = []
    for shown, location in items:
        try:
            data = read_article(location)
        except OSError as err:
            error = FactlintError(f"cannot read file: {err.strerror or err}", shown)
            out.append(_Analysed(ArticleResult(shown, error=error), unreadable=True))
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
# Phase two: one plan per cross-article kind
# ---------------------------------------------------------------------------


@dataclass
class _Failure:
    """A cross-article check that raised on some group: reported like the local engine does."""

    rule: str
    message: str


def _guarded(rule_id: str, compare: Callable[..., Iterable[Finding]]) -> Callable[..., list[Any]]:
    def run(*args: Any) -> list[Any]:
        try:
            return list(compare(*args))
        except Exception as exc:
            if os.environ.get("FACTLINT_DEBUG"):
                raise
            return [_Failure(rule_id, f"{type(exc).__name__}: {exc}")]

    return run


def _corpus(members: Iterable[tuple[str, ArticleInfo]], story: str | None = None) -> Corpus:
    articles = dict(members)
    return Corpus(articles, {path: story for path in articles} if story is not None else {})


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


def _by_story(results: "dask.bag.Bag", index: int, job: Job, width: int, stories: Any) -> "dask.bag.Bag":
    """figures, locations: each story's articles compared among themselves."""
    rule_id = job.rules[index].id

    def records(analysed: _Analysed, stories: dict[str, str]) -> tuple:
        r = analysed.result
        return stories[r.path], (r.path, r.info, r.extracts.get(rule_id))

    def compare(group: tuple) -> Iterable[Finding]:
        story, members = group
        check = job.checks()[index]
        return check.check_corpus({p: e for p, _, e in members}, _corpus(((p, i) for p, i, _ in members), story))

    return _grouped(results.filter(_good).map(records, stories), width).map(_guarded(rule_id, compare)).flatten()


def _consistency(results: "dask.bag.Bag", index: int, job: Job, width: int, stories: Any) -> "dask.bag.Bag":
    """Listed spelling groups across every article using them; name variants within each story."""
    import dask.bag as db

    rule = job.rules[index]

    def listed(analysed: _Analysed) -> list[tuple]:
        r = analysed.result
        return [(group, (r.path, r.info, usages)) for group, usages in r.extracts[rule.id]["groups"].items()]

    def compare_listed(group: tuple) -> Iterable[Finding]:
        number, members = group
        check = job.checks()[index]
        return check.check_listed(number, {p: u for p, _, u in members}, _corpus((p, i) for p, i, _ in members))

    good = results.filter(lambda a: _good(a) and rule.id in a.result.extracts)  # not where the rule failed
    findings = _grouped(good.map(listed).flatten(), width).map(_guarded(rule.id, compare_listed)).flatten()
    if not rule.params.get("auto_names"):
        return findings

    # Name variants: each story's clusters of near-identical names, then how
    # many articles of the whole folder use each clustered name (counted by
    # name, joined to the stories that asked), then the report per story.
    def by_story(analysed: _Analysed, stories: dict[str, str]) -> tuple:
        r = analysed.result
        return stories[r.path], (r.path, r.info, r.extracts[rule.id]["names"])

    def clusters(group: tuple) -> list[tuple]:
        story, members = group
        check = job.checks()[index]
        found = check.name_clusters({p: names for p, _, names in members})
        if not found:
            return []  # no two spellings of one name in this story: nothing to report
        asked = [(name, ("asked by", story)) for name in sorted(set().union(*found))]
        return [(story, ("members", members, found))] + asked

    def articles_per_name(analysed: Iterable[_Analysed]) -> list[tuple]:
        counts: Counter[str] = Counter(name for a in analysed for name in a.result.extracts[rule.id]["names"])
        return [(name, ("used by", count)) for name, count in counts.items()]

    def answer(group: tuple) -> list[tuple]:
        name, tags = group
        used = sum(count for tag, count in tags if tag == "used by")
        return [(story, ("use", (name, used))) for tag, story in tags if tag == "asked by"]

    def compare_names(group: tuple) -> Iterable[Finding]:
        story, tags = group
        check = job.checks()[index]
        members, found = next(value[1:] for value in tags if value[0] == "members")
        folder_use = Counter(dict(value[1] for value in tags if value[0] == "use"))
        per_article = {p: names for p, _, names in members}
        return check.check_names(per_article, _corpus(((p, i) for p, i, _ in members), story), folder_use, found)

    stories_clustered = _grouped(good.map(by_story, stories), width).map(clusters).flatten()
    name_use = _grouped(db.concat([stories_clustered.filter(lambda r: r[1][0] == "asked by"), good.map_partitions(articles_per_name)]), width)
    joined = db.concat([stories_clustered.filter(lambda r: r[1][0] == "members"), name_use.map(answer).flatten()])
    return db.concat([findings, _grouped(joined, width).map(_guarded(rule.id, compare_names)).flatten()])


def _duplicates(results: "dask.bag.Bag", index: int, job: Job, width: int) -> "dask.bag.Bag":
    """Identical articles by digest; reused passages from shingles shared by few articles.

    1. Articles with the same digest are one group: each later one repeats the first.
    2. Each sampled shingle fingerprint is a group; one found in 2..cap articles
       makes every pair of them share it (at the later one's word positions).
    3. The pairs are gathered per earlier article (to attach its extract), then
       per later article, which is compared with its sources as the local
       engine compares it.
    """
    import dask.bag as db

    rule_id = job.rules[index].id
    good = results.filter(lambda a: _good(a) and a.result.extracts.get(rule_id) is not None)

    def extract_of(analysed: _Analysed) -> tuple:
        r = analysed.result
        return r.path, r.info, r.extracts[rule_id]

    articles = good.map(extract_of)

    # 1. identical articles
    def by_digest(record: tuple) -> tuple:
        return record[2].digest, record

    def compare_identical(group: tuple) -> list[Any]:
        _, members = group
        check = job.checks()[index]
        extracts = {p: e for p, _, e in members}
        corpus = _corpus((p, i) for p, i, _ in members)
        identical = check.first_identical(sorted(extracts), extracts, corpus)
        return [("identical", path) for path in identical] + check.identical_findings(identical, extracts)

    identical = _grouped(articles.map(by_digest), width).map(_guarded(rule_id, compare_identical)).flatten()
    identical_findings = identical.filter(lambda item: not isinstance(item, tuple))
    identical_paths = identical.filter(lambda item: isinstance(item, tuple)).map(lambda item: (item[1], ("identical",)))

    # 2. shingles shared by few articles
    def fingerprints(record: tuple) -> list[tuple]:
        path, info, extract = record
        check = job.checks()[index]
        if not check.shingled(extract):
            return []
        positions: dict[int, list[int]] = defaultdict(list)
        for position, fingerprint in check.fingerprints(extract).items():
            positions[fingerprint].append(position)
        return [(fingerprint, (path, where)) for fingerprint, where in positions.items()]

    def pairs(group: tuple) -> list[tuple]:
        """A fingerprint in 2..cap articles: each of them shares it with each other one."""
        _, sharing = group
        check = job.checks()[index]
        if not 2 <= len(sharing) <= check.params["max_articles_per_phrase"]:
            return []
        return [(source, ("wanted by", later, where)) for later, where in sharing for source, _ in sharing if source != later]

    shared = _grouped(articles.map(fingerprints).flatten(), width).map(pairs).flatten()

    # 3. attach each source's extract to its pairs, then compare per later article
    def own(record: tuple) -> tuple:
        path, info, extract = record
        return path, ("extract", info, extract)

    def send_sources(group: tuple) -> list[tuple]:
        """A source's extract to each article that shares shingles with it, with where they share them."""
        source, tags = group
        mine = [t for t in tags if t[0] == "extract"]
        if not mine:
            return []
        _, info, extract = mine[0]
        wanted: dict[str, list[int]] = defaultdict(list)
        out: list[tuple] = [(source, ("later", info, extract))]
        for tag in tags:
            if tag[0] == "wanted by":
                wanted[tag[1]].extend(tag[2])
            elif tag[0] == "identical":
                out.append((source, tag))  # this article is not compared
        out += [(later, ("source", source, info, extract, sorted(where))) for later, where in wanted.items()]
        return out

    def compare_reuse(group: tuple) -> Iterable[Finding]:
        later, tags = group
        own_tags = [t for t in tags if t[0] == "later"]
        if not own_tags or any(t[0] == "identical" for t in tags):
            return []
        _, info, extract = own_tags[0]
        check = job.checks()[index]
        if not check.shingled(extract):
            return []
        sources = [t for t in tags if t[0] == "source"]
        extracts = {later: extract, **{s: e for _, s, _, e, _ in sources}}
        corpus = _corpus([(later, info)] + [(s, i) for _, s, i, _, _ in sources])
        return check.reused(later, extract, {s: where for _, s, _, _, where in sources}, extracts, corpus)

    tagged = db.concat([shared, articles.map(own), identical_paths])
    reuse = _grouped(_grouped(tagged, width).map(send_sources).flatten(), width).map(_guarded(rule_id, compare_reuse)).flatten()
    return db.concat([identical_findings, reuse])


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

    cross = [i for i, c in enumerate(checks) if c.CROSS_ARTICLE]
    job = Job.make([c.rule for c in checks], context, settings, any(checks[i].NEEDS_STORIES for i in cross))
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
        plans = []
        for i in cross:
            kind = checks[i].kind
            if kind == "duplicates":
                plans.append(_duplicates(results, i, job, width))
            elif kind == "consistency":
                plans.append(_consistency(results, i, job, width, stories))
            elif checks[i].NEEDS_STORIES:
                plans.append(_by_story(results, i, job, width, stories))
            else:
                raise FactlintError(f"kind '{kind}' has no plan for the Dask engine; use --engine local")
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
    failed: dict[str, str] = {}
    for item in cross_findings:
        if isinstance(item, _Failure):
            failed.setdefault(item.rule, item.message)
        else:
            findings.append(item)
    order = [c.rule.id for c in checks]
    errors += [FactlintError(f"internal error in rule '{rule}' across articles: {failed[rule]}") for rule in sorted(failed, key=order.index)]
    suppressions = {path: found for path, _, found, _, _ in summaries if found}
    return Report(
        files=len(summaries),
        findings=finish(findings, suppressions, checks, keep, known_rules),
        errors=unreadable + errors,
        stories=stories,
    )
