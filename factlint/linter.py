"""Phase one, and the local engine: read articles, run each check per article, then across articles.

Phase one (``analyze``) is a pure function of one file's bytes and the
compiled checks; its ``ArticleResult`` pickles, so it runs in worker
processes, one per core, when there are enough articles to repay starting
them. Phase two (``cross_article``) sees only those results and runs each
cross-article rule's plan in memory (``factlint.engine.memory``); on a large
folder the steps that need no story grouping run in a worker meanwhile.
Either way the report is the one a single process gives. The other engines
(``factlint.engine``) start from ``analyze`` and end with ``finish`` too.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Iterable, Iterator, Protocol, Sequence

from factlint.document import Document, Settings, parse_document
from factlint.engine.memory import StepFailure, failure_errors, run_plan
from factlint.errors import FactlintError
from factlint.findings import Finding, with_fingerprints
from factlint.kinds.base import ArticleInfo, Check, Corpus
from factlint.kinds.plan import Plan


@dataclass
class ArticleResult:
    """Everything phase one learned about one article."""

    path: str
    info: ArticleInfo | None = None
    findings: list[Finding] = field(default_factory=list)
    extracts: dict[str, Any] = field(default_factory=dict)  # rule id -> extract
    story_terms: dict[str, float] = field(default_factory=dict)
    suppressions: list[Any] = field(default_factory=list)  # factlint.suppressions.Suppression
    error: FactlintError | None = None  # the article could not be read: nothing else is set
    rule_errors: list[FactlintError] = field(default_factory=list)  # rules that raised on it; the others still spoke
    notices: list[FactlintError] = field(default_factory=list)  # unusable front matter, a rule stopped at its most findings

    @property
    def problems(self) -> list[FactlintError]:
        """Every stderr line this article gives: unreadable, or what was wrong in it though it was checked."""
        return ([self.error] if self.error is not None else []) + self.notices + self.rule_errors


@dataclass
class Report:
    files: int
    findings: list[Finding]
    errors: list[FactlintError]
    stories: dict[str, str] = field(default_factory=dict)


class ResultStore(Protocol):
    """Where phase-one results are kept between runs (factlint.cache.ResultCache)."""

    def get(self, path: str, data: bytes) -> ArticleResult | None: ...

    def put(self, path: str, data: bytes, result: ArticleResult) -> None: ...


def plans(checks: Sequence[Check]) -> list[tuple[Check, Plan]]:
    """The cross-article rules and their plans, in the rules' order."""
    found = []
    for check in checks:
        plan = check.plan() if check.CROSS_ARTICLE else None
        if plan is not None:
            found.append((check, plan))
    return found


def needs_stories(checks: Sequence[Check]) -> bool:
    """Whether some plan compares within stories (so phase one keeps story terms)."""
    return any(plan.needs_stories for _, plan in plans(checks))


# Work in forked processes. Workers inherit the compiled checks instead of
# receiving (and recompiling) them; where fork is not offered (Windows) or
# not safe (macOS), everything runs in-process.
PARALLEL_MIN_ARTICLES = 24  # phase one: below this, starting workers costs more than it saves
BATCH_ARTICLES = 8  # articles per task: fewer round trips, still balanced at the end
BATCHES_IN_FLIGHT = 4  # per worker: keeps workers busy while reading stays a step ahead
PARALLEL_MIN_COMPARED = 500  # phase two: articles below which the checks run one after another

# Set in the parent just before forking, read in the workers.
_worker_job: tuple[Sequence[Check], Settings, bool] | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parallel_jobs(jobs: int | None) -> int:
    """How many processes may work: 1 when debugging, so tracebacks show where a check failed."""
    if os.environ.get("FACTLINT_DEBUG"):
        return 1
    return available_cores() if jobs is None else jobs


def _can_fork() -> bool:
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _fork_pool(processes: int) -> Any:
    """A pool of forked workers.

    The parent's objects are kept out of the cyclic GC while forking, so the
    workers' collections never walk them: a page is copied only when a
    worker really uses what is on it.
    """
    import gc
    import multiprocessing

    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(processes)
    finally:
        gc.unfreeze()


class Workers:
    """The forked processes of one run: analysing ones and one comparing one.

    The analysing workers are forked when phase one turns out to be large
    and stop after it. The comparing one is forked as soon as the folder
    proves large, while this process is still small, and idles (sharing
    everything) until phase two: forked later, once the articles' results
    fill this process, it would come to own a copy of every page this
    process writes to while it lives (copy on write), doubling the memory.
    """

    def __init__(self, checks: Sequence[Check], settings: Settings, want_story_terms: bool, jobs: int | None) -> None:
        self.checks = checks
        self.settings = settings
        self.want_story_terms = want_story_terms
        self.jobs = _parallel_jobs(jobs)
        self.analysis: Any = None  # multiprocessing pools
        self.comparison: Any = None

    def start_analysis(self) -> bool:
        """Fork the analysing workers if this platform and the job count allow; True if there are some."""
        if self.analysis is None and self.jobs > 1 and _can_fork():
            self._set_job()
            self.analysis = _fork_pool(self.jobs)
        return self.analysis is not None

    def start_comparison(self) -> None:
        """Fork the comparing worker, if there is a check for it to run."""
        early = any(not step.needs_stories for _, plan in plans(self.checks) for step in plan.steps)
        if self.comparison is None and self.jobs > 1 and early:
            if _can_fork():
                self._set_job()
                self.comparison = _fork_pool(1)

    def _set_job(self) -> None:
        global _worker_job
        _worker_job = (self.checks, self.settings, self.want_story_terms)

    def stop_analysis(self) -> None:
        if self.analysis is not None:
            self.analysis.terminate()
            self.analysis = None

    def close(self) -> None:
        global _worker_job
        for pool in (self.analysis, self.comparison):
            if pool is not None:
                pool.terminate()
        self.analysis = self.comparison = None
        _worker_job = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _compare_in_worker(index: int, steps: list[int], extracts: dict[str, Any], corpus: Corpus) -> tuple[list[Finding], list[StepFailure]]:
    assert _worker_job is not None
    check = _worker_job[0][index]
    plan = check.plan()
    assert plan is not None
    return run_plan(check.rule.id, plan, extracts, corpus, steps)


def _analyze_batch(batch: list[tuple[str, bytes]]) -> list[ArticleResult]:
    assert _worker_job is not None
    checks, settings, want_terms = _worker_job
    return [analyze(path, data, checks, settings, want_terms) for path, data in batch]


def article_info(doc: Document) -> ArticleInfo:
    front = doc.front_matter
    date = front.get("date")
    story = front.get("story")
    title = front.get("title")
    if not title and doc.blocks:
        first = doc.blocks[0]
        title = doc.excerpt(first.start, first.end, 120) if first.kind == "heading" else ""
    return ArticleInfo(
        path=doc.path,
        date=str(date) if date is not None else None,
        story=str(story) if story is not None else None,
        title=str(title or ""),
    )


def analyze(path: str, data: bytes, checks: Sequence[Check], settings: Settings, want_story_terms: bool = False) -> ArticleResult:
    """Phase one for one article, within the article's time budget. Never raises:
    problems go into ``error`` (one running out of time too, as ``analysis-timeout``)."""
    from factlint.budget import AnalysisTimeout, collector_paused, time_limit

    try:
        with time_limit(settings.analysis_timeout), collector_paused():
            result = _analyze_article(path, data, checks, settings, want_story_terms)
        if result.error is not None:  # a raised error drags its traceback and context along: not to other processes
            result.error = FactlintError(result.error.message, result.error.path, result.error.line)
        return result
    except AnalysisTimeout as timeout:
        running = _running_rule(timeout)
        return ArticleResult(path, error=FactlintError(
            f"analysis-timeout: analysing this article took more than {settings.analysis_timeout:g} s of CPU"
            f"{f' (in rule {running!r})' if running else ''}; it was not checked (see 'analysis-timeout' in the README)",
            path,
        ))
    except RecursionError:
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        return ArticleResult(path, error=FactlintError("internal error: RecursionError: the article is nested too deeply to analyse", path))
    except Exception as exc:  # reading the article went wrong: this file is reported, the others checked
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        return ArticleResult(path, error=FactlintError(f"internal error: {type(exc).__name__}: {exc}", path))


def _running_rule(timeout: BaseException) -> str | None:
    """The rule whose check was running when the budget ran out, from the stopped frames."""
    traceback = timeout.__traceback__
    while traceback is not None:
        check = traceback.tb_frame.f_locals.get("check") if traceback.tb_frame.f_code is _analyze_article.__code__ else None
        if isinstance(check, Check):
            return check.rule.id
        traceback = traceback.tb_next
    return None


def _analyze_article(path: str, data: bytes, checks: Sequence[Check], settings: Settings, want_story_terms: bool) -> ArticleResult:
    try:
        doc = parse_document(path, data, settings)
    except FactlintError as err:
        return ArticleResult(path, error=err)
    result = ArticleResult(path, info=article_info(doc), notices=list(doc.problems))
    if doc.comments or "factlint" in doc.front_matter:
        from factlint.suppressions import find_suppressions

        result.suppressions = find_suppressions(doc)
    for check in checks:
        try:
            found = list(_at_most(MAX_FINDINGS_PER_RULE, check, check.check(doc), result))
            if check.CROSS_ARTICLE:
                result.extracts[check.rule.id] = check.extract(doc)
        except Exception as exc:  # a failing rule (a bug, a runaway regex) must not silence the others
            if os.environ.get("FACTLINT_DEBUG"):
                raise
            result.rule_errors.append(rule_failure(check, exc, path))
            continue
        result.findings.extend(found)
    if want_story_terms:
        from factlint.stories import story_terms

        result.story_terms = story_terms(doc)
    return result


# One rule's findings in one article, at most: real copy never comes near it, and a file
# that does (5 MiB of '?" ', 1.7 million quotation problems) is not read to the end.
MAX_FINDINGS_PER_RULE = 1000


def _at_most(limit: int, check: Check, findings: Iterable[Finding], result: ArticleResult) -> Iterator[Finding]:
    """The first ``limit`` findings; past them, the rule stops and the article gets a line saying so."""
    for count, finding in enumerate(findings):
        if count == limit:
            result.notices.append(FactlintError(
                f"rule '{check.rule.id}' found more than {limit:,} problems in this article and stopped; "
                f"the first {limit:,} are reported", result.path))
            return
        yield finding


def rule_failure(check: Check, exc: Exception, path: str) -> FactlintError:
    """What to say when a rule failed on an article: a located problem it raised as
    such, a regex of the rule's that ran out of time, or an internal error."""
    if isinstance(exc, FactlintError):
        return FactlintError(f"rule '{check.rule.id}': {exc.message}", exc.path or path, exc.line)
    if isinstance(exc, TimeoutError):
        from factlint.kinds.scopes import REGEX_TIMEOUT

        return FactlintError(
            f"rule '{check.rule.id}': a regex of the rule took more than {REGEX_TIMEOUT:g} s on this article and was "
            f"stopped; the rule's findings in it are missing (simplify the rule: {check.rule.path}:{check.rule.line})", path,
        )
    return FactlintError(f"internal error in rule '{check.rule.id}': {type(exc).__name__}: {exc}", path)


def _extracts(check: Check, good: list[ArticleResult]) -> dict[str, Any]:
    return {r.path: r.extracts.get(check.rule.id) for r in good}


def cross_article(
    results: list[ArticleResult], checks: Sequence[Check], workers: Workers | None = None
) -> tuple[list[Finding], dict[str, str], list[FactlintError]]:
    """Phase two: each cross-article rule's plan over every article's extract.

    On a large folder with a comparing worker, the steps that need no story
    grouping run there (sent their extracts) while this process groups the
    stories and runs the steps that need them; findings are gathered in the
    rules' order, as in-process.
    """
    good = [r for r in results if r.error is None and r.info is not None]
    corpus = Corpus({r.path: r.info for r in good})
    planned = plans(checks)
    sent: dict[int, tuple[list[int], Any]] = {}  # index in planned -> the steps sent, their pending outcome
    comparison = workers.comparison if workers is not None and len(good) >= PARALLEL_MIN_COMPARED else None
    if comparison is not None:
        position = {id(check): index for index, check in enumerate(workers.checks)}  # type: ignore[union-attr]
        for i, (check, plan) in enumerate(planned):
            early = [n for n, step in enumerate(plan.steps) if not step.needs_stories]
            if early:
                task = (position[id(check)], early, _extracts(check, good), Corpus(corpus.articles))
                sent[i] = early, comparison.apply_async(_compare_in_worker, task)
    if any(plan.needs_stories for _, plan in planned):
        from factlint.stories import group_stories

        corpus.stories = group_stories(corpus, {r.path: r.story_terms for r in good})
    findings: list[Finding] = []
    failures: list[StepFailure] = []
    for i, (check, plan) in enumerate(planned):
        early, pending = sent.get(i, ([], None))
        rest = [n for n in range(len(plan.steps)) if n not in early]
        outcomes = [pending.get()] if pending is not None else []
        if rest:
            outcomes.append(run_plan(check.rule.id, plan, _extracts(check, good), corpus, rest))
        for found, failed in outcomes:
            findings += found
            failures += failed
    return findings, corpus.stories, failure_errors(failures, [c.rule.id for c in checks])


def finish(
    findings: Iterable[Finding],
    suppressions: dict[str, Sequence[Any]],
    checks: Sequence[Check],
    keep: Callable[[Finding], bool] | None = None,
    known_rules: Collection[str] | None = None,
) -> list[Finding]:
    """Every engine's last step: what the articles' own suppressions leave (plus the
    unused ones), filtered, deduplicated, less what a covering finding stands for
    (``uncovered``), sorted (path, line, column, rule) and fingerprinted."""
    from factlint.suppressions import apply_suppressions

    unique: dict[tuple, Finding] = {}
    for finding in apply_suppressions(findings, suppressions, checks, known_rules):
        if keep is None or keep(finding):
            unique.setdefault((finding.sort_key(), finding.related), finding)
    ordered = sorted(uncovered(unique.values(), checks), key=Finding.sort_key)
    return with_fingerprints(ordered)


def uncovered(findings: Iterable[Finding], checks: Sequence[Check]) -> list[Finding]:
    """The findings less those of other rules that lie inside the span of a reported finding of a
    covering check (``Check.COVERS_SPAN``: a passage repeated within its article). The copy is
    deleted, not edited: a weasel in it is the original's, reported there, not a second problem.
    Only reported findings cover: a suppressed or unselected repeat leaves its copy's findings."""
    findings = list(findings)
    covering = {check.rule.id for check in checks if check.COVERS_SPAN}
    spans: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for finding in findings:
        if finding.rule in covering:
            loc = finding.location
            spans.setdefault(loc.path, []).append(((loc.line, loc.column), (loc.end_line, loc.end_column)))
    if not spans:
        return findings

    def inside(finding: Finding) -> bool:
        loc = finding.location
        start, end = (loc.line, loc.column), (loc.end_line, loc.end_column)
        return any(first <= start and end <= last for first, last in spans.get(loc.path, ()))

    return [f for f in findings if f.rule in covering or not inside(f)]


def analyze_all(
    sources: Iterable[tuple[str, bytes]],
    checks: Sequence[Check],
    settings: Settings = Settings(),
    want_story_terms: bool = False,
    jobs: int | None = None,
    workers: Workers | None = None,
) -> Iterator[ArticleResult]:
    """Phase one over many articles, results in the sources' order.

    With more than one job and enough articles, batches go to forked worker
    processes while the next sources are read; the results are the same as
    in-process (``analyze`` is a pure function of the bytes). FACTLINT_DEBUG
    keeps everything in-process so a traceback shows where a check failed.
    ``workers`` lets the caller keep the comparing worker for phase two.
    """
    import itertools

    own = workers is None
    workers = workers if workers is not None else Workers(checks, settings, want_story_terms, jobs)
    iterator = iter(sources)
    first = list(itertools.islice(iterator, PARALLEL_MIN_ARTICLES)) if workers.jobs > 1 else []
    try:
        if len(first) < PARALLEL_MIN_ARTICLES or not workers.start_analysis():
            for path, data in itertools.chain(first, iterator):
                yield analyze(path, data, checks, settings, want_story_terms)
            return
        pending: deque = deque()
        items = itertools.chain(first, iterator)
        while True:
            batch = list(itertools.islice(items, BATCH_ARTICLES))
            if batch:
                pending.append(workers.analysis.apply_async(_analyze_batch, (batch,)))
            if pending and (not batch or len(pending) >= workers.jobs * BATCHES_IN_FLIGHT):
                yield from pending.popleft().get()
            elif not batch:
                break
        workers.stop_analysis()
    finally:
        if own:
            workers.close()


def lint_sources(
    sources: Iterable[tuple[str, bytes]],
    checks: Sequence[Check],
    settings: Settings = Settings(),
    keep: Callable[[Finding], bool] | None = None,
    jobs: int | None = None,
    cache: ResultStore | None = None,
    known_rules: Collection[str] | None = None,
) -> Report:
    """Lint in-memory or on-disk articles: both phases, sorted findings.

    ``jobs`` is how many processes analyse articles (default: one per core).
    With a cache, an article whose bytes (and rules) are unchanged since a
    previous run reuses that run's phase-one result. ``known_rules`` (every
    rule id loaded, active or not) lets a suppression naming no rule be told
    from one of a rule left out of this run.
    """
    want_terms = needs_stories(checks)
    results: list[ArticleResult | None] = []
    missed: dict[int, bytes] = {}  # result index -> bytes, for the cache

    def uncached() -> Iterator[tuple[str, bytes]]:
        for path, data in sources:
            result = cache.get(path, data) if cache is not None else None
            results.append(result)
            if len(results) == PARALLEL_MIN_COMPARED:
                workers.start_comparison()
            if result is None:
                if cache is not None:
                    missed[len(results) - 1] = data
                yield path, data

    with Workers(checks, settings, want_terms, jobs) as workers:  # uncached() starts the comparing one
        slot = 0  # the first result still missing: analyses come back in the sources' order
        for result in analyze_all(uncached(), checks, settings, want_terms, workers=workers):
            while results[slot] is not None:
                slot += 1
            results[slot] = result
            data = missed.pop(slot, None)
            if cache is not None and data is not None and not result.problems:
                cache.put(result.path, data, result)
        finished = [r for r in results if r is not None]
        assert len(finished) == len(results)
        return collect(finished, checks, keep, known_rules, workers)


def collect(
    results: list[ArticleResult],
    checks: Sequence[Check],
    keep: Callable[[Finding], bool] | None = None,
    known_rules: Collection[str] | None = None,
    workers: Workers | None = None,
) -> Report:
    """Phase two, then what the articles' own suppressions silence."""
    errors = [e for r in results for e in r.problems]
    findings = [f for r in results if r.error is None for f in r.findings]
    cross_findings, stories, cross_errors = cross_article(results, checks, workers)
    suppressions = {r.path: r.suppressions for r in results if r.error is None and r.suppressions}
    return Report(
        files=len(results),
        findings=finish(findings + cross_findings, suppressions, checks, keep, known_rules),
        errors=errors + cross_errors,
        stories=stories,
    )
