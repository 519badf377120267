"""``--engine dask`` gives the local engine's report, byte for byte, and survives a lost worker.

These tests start a Dask LocalCluster (two single-threaded worker
processes); they are skipped, saying why, where Dask is not installed
(``pip install -e '.[test]'`` installs it).
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is not installed: pip install 'factlint[dask]' to test --engine dask")

from distributed import Client  # noqa: E402

from conftest import SEEDS, run_cli  # noqa: E402
from newsroom import write_newsroom  # noqa: E402

from factlint.engine import dask as dask_engine  # noqa: E402
from factlint.config import load_config  # noqa: E402
from factlint.document import Settings  # noqa: E402
from factlint.formatters import RenderContext, render  # noqa: E402
from factlint.linter import lint_sources  # noqa: E402
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules  # noqa: E402

CROSS_ARTICLE_RULES = {c.rule.id for c in compile_rules(load_rules([builtin_rules_dir()]), {}) if c.CROSS_ARTICLE}


@pytest.fixture(scope="module")
def cluster():
    with dask_engine.local_cluster(workers=2) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    with Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> tuple[Path, str]:
    """A generated folder of 3,000 articles and the local engine's JSON report of it."""
    folder = tmp_path_factory.mktemp("newsroom") / "articles"
    write_newsroom(folder)
    local = run_cli("check", str(folder), "--format", "json", "--show-stories")
    assert local.code == 1, local.err
    return folder, local.out


def _rules_and_context():
    config = load_config(None)
    return load_rules([builtin_rules_dir()]), {"facts": config.facts, "root": config.root}


def _json(report, rules) -> str:
    return render("json", report, RenderContext(rules=rules, color=False, show_stories=True, sources={}, paths=[]))


def test_seeds_give_the_local_engines_json_byte_for_byte(cluster):
    local = run_cli("check", str(SEEDS), "--format", "json")
    distributed = run_cli("check", str(SEEDS), "--format", "json", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert (distributed.code, distributed.err) == (local.code, "")
    assert len(json.loads(local.out)["findings"]) >= 20
    assert distributed.out == local.out


@pytest.mark.parametrize("format", ["html", "sarif", "text"])
def test_other_formats_are_the_local_engines_too(cluster, format):
    """HTML shows the articles: the client reads the ones the report shows, as the local run had them."""
    local = run_cli("check", str(SEEDS), "--format", format)
    distributed = run_cli("check", str(SEEDS), "--format", format, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert distributed.out == local.out and distributed.code == local.code


def test_a_generated_folder_gives_the_local_engines_json_byte_for_byte(cluster, newsroom):
    folder, local = newsroom
    distributed = run_cli(
        "check", str(folder), "--format", "json", "--show-stories", "--engine", "dask", "--scheduler", cluster.scheduler_address
    )
    assert distributed.err == ""
    report = json.loads(local)
    assert len(report["findings"]) > 1000
    assert len(CROSS_ARTICLE_RULES) >= 6
    assert CROSS_ARTICLE_RULES <= {f["rule"] for f in report["findings"]}  # every cross-article rule had work to do
    assert distributed.out == local


def test_a_worker_killed_mid_run_is_replaced_and_the_findings_are_complete(client, tmp_path):
    """Dask reschedules what the dead worker held; nothing is lost or counted twice."""
    write_newsroom(tmp_path, stories=60)
    rules, context = _rules_and_context()
    paths = sorted(str(p) for p in tmp_path.iterdir())
    checks = compile_rules(rules, context)
    local = lint_sources(((p, Path(p).read_bytes()) for p in paths), checks, Settings())
    before = set(client.run(os.getpid).values())
    victim = min(before)

    class Killer:
        """Kills a worker when the first analysed partition comes back: the run is under way."""

        def __init__(self) -> None:
            self.done = 0
            self.killed_at: int | None = None

        def advance(self, count: int) -> None:
            self.done += count
            if self.killed_at is None:
                self.killed_at = self.done
                os.kill(victim, signal.SIGKILL)

    killer = Killer()
    report = dask_engine.lint_paths([(p, p) for p in paths], checks, context, Settings(), client=client, progress=killer)
    assert killer.killed_at is not None and killer.killed_at < len(paths) == 600
    assert len(local.findings) > 500
    assert report.findings == local.findings and report.errors == [] and report.files == 600
    deadline = time.monotonic() + 30
    while len(client.nthreads()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)  # the nanny starts a new worker in the dead one's place
    after = set(client.run(os.getpid).values())
    assert victim not in after and len(after) == 2


def test_articles_under_a_url_are_listed_and_read_by_fsspec(cluster, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / ".hidden.md").write_text("Subscribe to get the latest posts\n")
    (folder / "notes.json").write_text("{}")
    url = folder.as_uri()
    local = json.loads(run_cli("check", str(folder), "--format", "json").out)["findings"]
    remote = run_cli("check", url, "--format", "json", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    found = json.loads(remote.out)["findings"]
    assert remote.err == ""
    assert [f["path"] for f in found] == [url + "/" + Path(f["path"]).name for f in local]
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [(f["rule"], f["line"], f["column"]) for f in local]


def test_unreadable_files_are_reported_as_the_local_engine_reports_them(cluster, tmp_path):
    (tmp_path / "good.md").write_text("Subscribe to get the latest posts\n\nThe mayor said the road would reopen.\n")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners said the mayor was wrong.\n".encode("latin-1"))
    local = run_cli("check", str(tmp_path), "--format", "json")
    distributed = run_cli("check", str(tmp_path), "--format", "json", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert local.code == distributed.code == 2
    assert distributed.err == local.err and distributed.err.count("\n") == 2
    assert distributed.out == local.out


def test_a_rule_added_with_rules_reaches_the_workers(cluster, tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "no-whilst.yaml").write_text(
        "id: no-whilst\nkind: substitution\nseverity: warning\nmessage: \"Use '{preferred}', not '{match}'\"\n"
        "description: House style.\nswap: {whilst: while}\nexamples:\n  flag: [\"Whilst there\"]\n  ok: [\"While there\"]\n"
    )
    article = tmp_path / "a.md"
    article.write_text("The mayor spoke whilst the council voted.\n")
    distributed = run_cli(
        "check", str(article), "--rules", str(rules), "--engine", "dask", "--scheduler", cluster.scheduler_address
    )
    assert distributed.code == 1, distributed.err
    assert "no-whilst" in distributed.out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["--engine", "dask", "--fix"], "--fix works with the local engine only"),
        (["--engine", "dask", "--corpus", "."], "--corpus works with the local engine only"),
    ],
)
def test_options_the_dask_engine_does_not_take_are_usage_errors(args, message):
    result = run_cli("check", str(SEEDS), *args)
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1


def test_without_dask_installed_the_engine_says_how_to_get_it(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # makes 'import distributed' fail
    result = run_cli("check", str(SEEDS), "--engine", "dask")
    assert result.code == 2
    assert result.err == "factlint: --engine dask needs Dask: pip install 'factlint[dask]'\n"


def test_an_unreachable_scheduler_is_one_line_and_exit_2(monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_SECONDS", 1)
    result = run_cli("check", str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.code == 2
    assert result.err.startswith("factlint: --scheduler: cannot connect to tcp://127.0.0.1:9") and result.err.count("\n") == 1


def test_the_local_engine_and_lint_paths_agree_in_process(client, tmp_path):
    """The engine as a library: the same Report object contents as lint_sources."""
    rules, context = _rules_and_context()
    paths = sorted(str(p) for p in SEEDS.iterdir())
    checks = compile_rules(rules, context)
    local = lint_sources(((p, Path(p).read_bytes()) for p in paths), checks, Settings())
    distributed = dask_engine.lint_paths([(p, p) for p in paths], checks, context, Settings(), client=client)
    assert distributed.findings == local.findings
    assert distributed.stories == local.stories
    assert distributed.files == local.files == 5


def test_progress_is_drawn_on_a_terminal_as_partitions_finish(client, monkeypatch):
    import io

    from factlint.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("factlint.progress.DELAY_SECONDS", 0.0)
    monkeypatch.setattr("factlint.progress.REDRAW_SECONDS", 0.0)
    monkeypatch.setattr(dask_engine, "PARTITION_ARTICLES", 1)  # one partition per seed: five steps
    rules, context = _rules_and_context()
    paths = sorted(str(p) for p in SEEDS.iterdir())
    terminal = Terminal()
    progress = Progress(len(paths), terminal)
    dask_engine.lint_paths([(p, p) for p in paths], compile_rules(rules, context), context, Settings(), client=client, progress=progress)
    progress.close()
    drawn = terminal.getvalue()
    assert "/5 articles, reading" in drawn
    assert "5/5 articles, comparing articles" in drawn and drawn.endswith("\r\x1b[K")


def test_a_rule_failing_on_an_article_leaves_the_other_rules_findings(cluster, tmp_path):
    """As the local engine: one stderr line for the rule, the article's other findings reported.
    (The workers' regex time limit is the shipped 2 s: this test spends them once.)"""
    import textwrap

    from test_rule_failure import FAILING, FINE, RUNAWAY, assert_one_failure_and_the_rest

    (tmp_path / "house-rules").mkdir()
    (tmp_path / "house-rules" / "runaway.yaml").write_text(textwrap.dedent(RUNAWAY).lstrip())
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(FAILING)
    (tmp_path / "articles" / "b.md").write_text(FINE)
    run = run_cli(
        "check", "articles", "--rules", "house-rules", "--format", "json",
        "--engine", "dask", "--scheduler", cluster.scheduler_address, cwd=tmp_path,
    )
    assert_one_failure_and_the_rest(run)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_bad_inputs_are_one_line_each_as_the_local_engine_gives_them(cluster, tmp_path):
    """Issue 20 on Dask: a FIFO in the folder, a name that is not UTF-8, front matter nested
    400 deep, a date that is not one, an article over its budget (stopped in a worker thread)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_text("Critics say the guarantees are merely symbolic.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.md")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.md"), "wb") as handle:
        handle.write(b"Some analysts believe the plan is weak.\n")
    (folder / "deep.md").write_text("---\nx: " + "[" * 400 + "]" * 400 + "\n---\nTalks.\n", encoding="utf-8")
    (folder / "dated.md").write_text("---\ndate: 1998-30-06\n---\nMany believe the talks failed.\n", encoding="utf-8")
    (folder / "slow.txt").write_text("Leaders from 35 countries met in Paris on Tuesday, officials said.\n\n" * 5000,
                                     encoding="utf-8")  # about 3 s of CPU
    (tmp_path / ".factlint.yaml").write_text("analysis-timeout: 0.5\n", encoding="utf-8")
    local = run_cli("check", "articles", "--format", "json", cwd=tmp_path)
    distributed = run_cli("check", "articles", "--format", "json", "--engine", "dask", "--scheduler",
                          cluster.scheduler_address, cwd=tmp_path)
    # The rule an article's budget ran out in is the one running at that CPU second, which the
    # machine's load may move by a rule: the lines must match but for that name.
    def same_but_the_rule_running(err: str) -> str:
        return re.sub(r" \(in rule '[a-z-]+'\)", " (in rule ...)", err)

    assert (distributed.code, distributed.out, same_but_the_rule_running(distributed.err)) == (
        local.code, local.out, same_but_the_rule_running(local.err))
    assert local.code == 2 and "Traceback" not in local.err
    errors = local.err.strip().splitlines()
    assert [line.split(":")[1] for line in errors] == [" articles/dated.md", " articles/deep.md", " articles/slow.txt"]
    assert "(in rule '" in errors[2]
    assert "'1998-30-06' is not a date" in errors[0] and "analysis-timeout" in errors[2]
    paths = {f["path"] for f in json.loads(local.out)["findings"]}
    assert {"articles/good.md", "articles/dated.md", "articles/caf\udce9.md"} <= paths
