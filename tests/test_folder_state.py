"""The folder's stored cross-article state behind ``check --corpus DIR FILE``.

A hook run served from the state must report, for its files, what a full run
without any cache reports: on the seeds and on a generated folder, after
edits, additions, deletions and copies. The state must be rebuilt, never
trusted, when damaged or foreign, and overlapping runs must leave it whole.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import factlint.cache
import factlint.engine.folder
from tests.conftest import SEEDS, CountAnalyses, child_env, run_cli

FIRES = [
    "A fire destroyed the Waitrose store in Banstead on Friday. Surrey Police said Banstead High Street was closed "
    "and Crimestoppers appealed for witnesses after the blaze.",
    "Residents of Banstead returned home after the Waitrose fire. Surrey Police and Crimestoppers want footage from "
    "Banstead High Street, and the Banstead store will be rebuilt, Waitrose said.",
    "Crimestoppers offered a reward after the Banstead Waitrose blaze. Surrey Police said the Banstead fire was "
    "suspicious and Surrey Fire and Rescue crews stayed overnight.",
]


@pytest.fixture(autouse=True)
def small_folders_keep_a_state(tmp_path, monkeypatch):
    """A private signing key, and a state even for the small folders of these tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setattr(factlint.engine.folder, "MIN_ARTICLES", 0)
    monkeypatch.setattr(factlint.engine.folder, "REGROUP_SHARE", 1)  # small folders: regroup only when tested


def seed_paragraphs() -> list[str]:
    return [
        block.strip()
        for seed in sorted(SEEDS.iterdir())
        for block in seed.read_text(encoding="utf-8").split("\n\n")
        if len(block.split()) >= 8
    ]


def generated_folder(folder: Path, count: int = 40) -> Path:
    """Dated articles from the seeds' paragraphs and a fire story: shared passages,
    an identical copy, 'US' against 'U.S.', two stories."""
    paragraphs = seed_paragraphs()
    chooser = random.Random(11)
    folder.mkdir(parents=True)
    for n in range(count):
        if n % 5 == 4:
            body = "\n\n".join(chooser.sample(FIRES, 2))
            date = f"2024-06-{n % 3 + 10:02d}"
        else:
            body = "\n\n".join(chooser.sample(paragraphs, chooser.randint(2, 4)))
            date = f"2025-01-{n % 9 + 1:02d}"
        if n % 7 == 3:
            body = body.replace("U.S.", "US")
        (folder / f"{n:03d}.md").write_text(f"---\ndate: {date}\n---\n{body}\n", encoding="utf-8")
    (folder / "copy-of-005.md").write_text((folder / "005.md").read_text(encoding="utf-8").replace("2025-01-06", "2025-01-08"))
    return folder


def report(folder: Path, *files: str, cache: bool = True) -> list[dict]:
    run = run_cli("check", "--corpus", "archive", *files, "--format", "json", *(() if cache else ("--no-cache",)), cwd=folder)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["findings"]


def same_as_full_run(folder: Path, *files: str, served: bool = True) -> list[dict]:
    """The hook's findings for the files, checked against a full run without a cache;
    ``served``: the stored state answered (it was not rebuilt by the full path)."""
    before = state_file(folder)
    hooked = report(folder, *files)
    assert (state_file(folder) == before) == served
    assert hooked == report(folder, *files, cache=False)
    return hooked


def state_file(folder: Path) -> Path:
    pointer = max((folder / ".factlint_cache").rglob(factlint.engine.folder.POINTER), key=lambda p: p.stat().st_mtime_ns)
    return pointer.parent / pointer.read_text().strip()


@pytest.fixture
def archive(tmp_path) -> Path:
    """A generated archive with its state built by a first hook run."""
    generated_folder(tmp_path / "archive")
    report(tmp_path, "archive/000.md")
    assert state_file(tmp_path).is_file()
    return tmp_path


# ---------------------------------------------------------------------------
# Same findings as a full run
# ---------------------------------------------------------------------------


def test_unchanged_articles_report_what_a_full_run_reports(archive, monkeypatch):
    names = ("001.md", "003.md", "004.md", "005.md", "copy-of-005.md", "010.md", "024.md")
    analyses = CountAnalyses(monkeypatch)
    hooked = {name: report(archive, f"archive/{name}") for name in names}
    assert analyses.paths == []  # every article's result came from the cache, the comparisons from the state
    for name in names:
        assert hooked[name] == report(archive, f"archive/{name}", cache=False)
    rules = {f["rule"] for findings in hooked.values() for f in findings}
    assert {"reused-passage", "consistent-abbreviations"} <= rules  # the cross-article rules had something to say


def test_a_hook_run_analyses_only_its_changed_file(archive, monkeypatch):
    path = archive / "archive" / "012.md"
    path.write_text(path.read_text() + "\nThe US envoy said more talks would follow in Paris.\n")
    analyses = CountAnalyses(monkeypatch)
    hooked = report(archive, "archive/012.md")
    assert analyses.paths == ["archive/012.md"]
    assert hooked == report(archive, "archive/012.md", cache=False)
    assert any(f["rule"] == "consistent-abbreviations" for f in hooked)


def test_a_new_copy_and_a_new_reuse_are_found(archive):
    folder = archive / "archive"
    (folder / "040.md").write_text((folder / "006.md").read_text().replace("2025-01-07", "2025-01-09"))
    [identical] = [f for f in same_as_full_run(archive, "archive/040.md") if f["rule"] == "reused-passage"]
    assert identical["related"][0]["path"] == "archive/006.md"
    body = (folder / "002.md").read_text().split("---\n")[-1]
    (folder / "041.md").write_text(f"---\ndate: 2025-01-09\n---\nA new lead paragraph about the talks in Kyiv today.\n\n{body}")
    assert any(f["rule"] == "reused-passage" for f in same_as_full_run(archive, "archive/041.md"))


def test_a_text_in_memory_is_compared_and_the_state_left_as_it_was(archive, monkeypatch):
    """The folder engine's entry for an editor's unsaved text: the hook's findings for that
    text, and the stored state untouched (persist=False)."""
    from factlint.cache import ResultCache
    from factlint.config import load_config
    from factlint.document import Settings
    from factlint.linter import analyze, needs_stories
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules
    from factlint.workspace import selected

    monkeypatch.chdir(archive)
    path = "archive/012.md"
    text = (archive / path).read_text() + "\nThe US envoy said more talks would follow in Paris.\n"
    config = load_config(None)
    rules = selected(load_rules([builtin_rules_dir()]), config.select, config.ignore, config.extend_select)  # as the hook runs them
    checks = compile_rules(rules, {"facts": config.facts, "root": config.root})
    settings = Settings(extra_abbreviations=tuple(config.abbreviations))
    state = factlint.engine.folder.FolderState.open(ResultCache.open(config.root, checks, settings, "archive"), "archive", config, checks)
    assert state is not None
    stored = sqlite3.connect(state_file(archive)).execute("SELECT * FROM members ORDER BY 1, 2, 3, 4").fetchall()
    data = text.encode()
    unsaved = state.check_articles({path: (data, analyze(path, data, checks, settings, needs_stories(checks)))}, persist=False)
    state.db.close()
    assert sqlite3.connect(state_file(archive)).execute("SELECT * FROM members ORDER BY 1, 2, 3, 4").fetchall() == stored
    (archive / path).write_text(text)
    saved = report(archive, path)
    assert any(f["rule"] == "consistent-abbreviations" and f["path"] == path for f in saved)
    assert [(f.path, f.location.line, f.location.column, f.rule, f.message, f.fingerprint) for f in unsaved.findings] == [
        (f["path"], f["line"], f["column"], f["rule"], f["message"], f["fingerprint"]) for f in saved
    ]


def test_an_earlier_article_is_reported_where_later_ones_point_at_it(archive):
    # Dated before the whole archive: the later articles' reuse and spelling findings now point at it.
    folder = archive / "archive"
    body = (folder / "001.md").read_text().split("---\n")[-1]
    (folder / "000-first.md").write_text(f"---\ndate: 2024-12-01\n---\n{body}")
    hooked = same_as_full_run(archive, "archive/000-first.md")
    assert any(f["path"] != "archive/000-first.md" for f in hooked)


def test_a_deleted_article_leaves_the_comparison(archive):
    folder = archive / "archive"
    before = same_as_full_run(archive, "archive/copy-of-005.md")
    assert any(f["related"][0]["path"] == "archive/005.md" for f in before)
    (folder / "005.md").unlink()
    after = same_as_full_run(archive, "archive/copy-of-005.md")
    assert all(r["path"] != "archive/005.md" for f in after for r in f["related"])


def test_several_files_in_one_run(archive):
    folder = archive / "archive"
    for name in ("007.md", "021.md"):
        (folder / name).write_text((folder / name).read_text().replace("U.S.", "US"))
    same_as_full_run(archive, "archive/007.md", "archive/021.md", "archive/030.md")


def test_the_seeds(tmp_path, monkeypatch):
    """Each seed edited in turn and checked as the changed file reports what a full run does."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    report(tmp_path, f"archive/{seed.name}")  # the state, built by a full run
    for seed in sorted(SEEDS.iterdir()):
        path = f"archive/{seed.name}"
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8") + "\nMore talks are planned, officials said.\n")
        analyses = CountAnalyses(monkeypatch)
        hooked = same_as_full_run(tmp_path, path)
        assert analyses.paths[0] == path and analyses.paths.count(path) == 2  # the hook analysed only its file
        whole = json.loads(run_cli("check", "archive", "--format", "json", cwd=tmp_path).out)["findings"]
        assert hooked == [f for f in whole if f["path"] == path or any(r["path"] == path for r in f["related"])]
        assert hooked  # every seed is in a cross-article finding


# ---------------------------------------------------------------------------
# Stories: what an incremental run guarantees
# ---------------------------------------------------------------------------


def stories_in_state(folder: Path) -> dict[str, int | None]:
    with sqlite3.connect(state_file(folder)) as db:
        return dict(db.execute("SELECT path, story FROM articles"))


def test_an_added_article_joins_its_story_and_no_other_article_moves(archive):
    before = stories_in_state(archive)
    folder = archive / "archive"
    (folder / "050.md").write_text(f"---\ndate: 2024-06-11\n---\n{FIRES[0]} {FIRES[2]}\n")
    (folder / "051.md").write_text("---\ndate: 2024-06-11\n---\nThe Lagos stock exchange index rose on Tuesday as "
                                   "Dangote Cement and Zenith Bank gained in Nigerian trading.\n")
    report(archive, "archive/050.md", "archive/051.md")
    after = stories_in_state(archive)
    assert {p: after[p] for p in before} == before  # nobody else moved
    fire_stories = {before[f"archive/{n:03d}.md"] for n in range(4, 40, 5)}
    assert len(fire_stories) == 1 and after["archive/050.md"] in fire_stories
    assert after["archive/051.md"] not in set(before.values())  # a story of its own


def test_too_many_incremental_placements_regroup_the_folder(archive, monkeypatch):
    monkeypatch.setattr(factlint.engine.folder, "REGROUP_SHARE", 10)  # regroup after 1 in 10
    folder = archive / "archive"
    state = state_file(archive)
    placed = []
    for n in range(5):
        (folder / f"06{n}.md").write_text(f"---\ndate: 2024-06-12\n---\n{FIRES[n % 3]}\n")
        report(archive, f"archive/06{n}.md")
        with sqlite3.connect(state) as db:
            placed.append(db.execute("SELECT value FROM meta WHERE key='placed'").fetchone()[0])
    assert placed == [1, 2, 3, 4, 0]  # the fifth placement passes 1 in 10 of 46 articles: the folder is regrouped
    assert state_file(archive) == state  # in place, from the stored story terms
    full = json.loads(run_cli("check", "archive", "--show-stories", "--format", "json", cwd=archive).out)["stories"]
    regrouped: dict[int, set[str]] = {}
    for path, story in stories_in_state(archive).items():
        regrouped.setdefault(story, set()).add(path)
    assert sorted(map(sorted, regrouped.values())) == sorted(sorted(s["paths"]) for s in full)
    same_as_full_run(archive, "archive/064.md")


# ---------------------------------------------------------------------------
# Safety
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:100] + bytes(b ^ 0x5A for b in blob[100:]),  # all but SQLite's header
        lambda blob: b"SQLite format 3\x00" + b"\x00" * 200,
    ],
    ids=["empty", "truncated", "garbled", "garbage"],
)
def test_a_damaged_state_is_rebuilt_never_trusted(archive, damage):
    path = state_file(archive)
    path.write_bytes(damage(path.read_bytes()))
    same_as_full_run(archive, "archive/003.md", served=False)
    assert state_file(archive) != path and not path.exists()  # replaced by a whole new one


def test_a_garbled_stored_value_is_never_unpickled(archive, monkeypatch):
    # An article whose 'US' is reported against another article's 'U.S.': that usage is read from the state.
    name = next(
        name for name in sorted(p.name for p in (archive / "archive").iterdir())
        if any(f["rule"] == "consistent-abbreviations" and f["related"][0]["path"] != f"archive/{name}"
               for f in report(archive, f"archive/{name}"))
    )
    with sqlite3.connect(state_file(archive)) as db:
        db.execute("UPDATE members SET value = substr(value, 1, 32) || x'80049500' || substr(value, 37) WHERE value IS NOT NULL")
    loads = factlint.cache.pickle.loads
    seen = []
    monkeypatch.setattr(factlint.cache.pickle, "loads", lambda data: seen.append(data) or loads(data))
    same_as_full_run(archive, f"archive/{name}", served=False)  # the damage is found: the full path, a new state
    assert all(not data.startswith(b"\x80\x04\x95\x00") for data in seen)


def test_a_state_signed_by_another_user_is_not_read(archive, monkeypatch):
    expected = report(archive, "archive/003.md", cache=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(archive / "someone-else"))
    theirs = state_file(archive)
    monkeypatch.setattr("pickle.loads", lambda *a, **k: pytest.fail("an unverified value was unpickled"))
    assert report(archive, "archive/003.md") == expected
    assert state_file(archive) != theirs  # the full path ran and built this user's own state


def test_a_failed_update_leaves_the_state_as_it_was(archive, monkeypatch):
    folder = archive / "archive"
    path = folder / "008.md"
    path.write_text(path.read_text() + "\nThe US envoy said more talks would follow.\n")

    def failing(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(factlint.engine.folder.FolderState, "_place", failing)
    with sqlite3.connect(state_file(archive)) as db:
        before = db.execute("SELECT digest FROM articles WHERE path='archive/008.md'").fetchone()
    interrupted = run_cli("check", "--corpus", "archive", "archive/008.md", cwd=archive)
    assert interrupted.code == 2 and "interrupted" in interrupted.err
    with sqlite3.connect(state_file(archive)) as db:
        assert db.execute("SELECT digest FROM articles WHERE path='archive/008.md'").fetchone() == before
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(archive / "xdg-cache"))
    monkeypatch.setattr(factlint.engine.folder, "MIN_ARTICLES", 0)
    monkeypatch.setattr(factlint.engine.folder, "REGROUP_SHARE", 1)
    same_as_full_run(archive, "archive/008.md")


def test_overlapping_runs_leave_a_whole_state(archive):
    folder = archive / "archive"
    names = ["011.md", "013.md", "016.md", "022.md"]
    for name in names:
        (folder / name).write_text((folder / name).read_text() + "\nThe US embassy in Kyiv said talks went on.\n")
    script = (
        "import sys, factlint.engine.folder as s; s.MIN_ARTICLES = 0; from factlint.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, "check", "--corpus", "archive", f"archive/{name}", "--format", "json"],
            cwd=archive, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=child_env(XDG_CACHE_HOME=str(archive / "xdg-cache")),  # this checkout's code, not the venv's install
        )
        for name in names
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert all(run.returncode in (0, 1) and not err for run, (_, err) in zip(runs, outputs)), [err for _, err in outputs]
    assert not list((archive / ".factlint_cache").rglob(".tmp-*"))
    with sqlite3.connect(state_file(archive)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for name in names:
        same_as_full_run(archive, f"archive/{name}")


def _hook(target: str) -> tuple[int, str, str]:
    run = run_cli("check", "--corpus", "archive", target, "--format", "json")
    return run.code, run.out, run.err


def test_concurrent_hooks_each_see_the_state_whole(archive, monkeypatch):
    """Eight hook runs at once, each on a freshly edited article, round after round: no
    error, and the findings eight runs one after another give.

    The articles all write 'US', like 48 others, so each run's comparison reads the
    others' usages while they are being replaced (at 5b41708 this failed in the
    first round: a usage read after another run had replaced its row)."""
    import multiprocessing

    monkeypatch.setattr(factlint.engine.folder, "REGROUP_SHARE", 10**6)  # stories stay as placed, whatever the runs' order
    folder = archive / "archive"
    for n in range(120):  # briefs: many writers of each spelling, so a comparison reads many usages
        spelling = "US" if n % 5 < 2 else "U.S."
        (folder / f"1{n:03d}.md").write_text(f"---\ndate: 2025-02-{n % 28 + 1:02d}\n---\nThe {spelling} envoy met officials on day {n}.\n")
    writing = {spelling: [f"archive/{p.name}" for p in sorted(folder.glob("0*.md")) if f" {spelling} " in p.read_text()] for spelling in ("US", "U.S.")}
    targets = writing["US"] + writing["U.S."][: 8 - len(writing["US"])]  # 8 write 'US', more 'U.S.'
    assert len(targets) == 8 and len(writing["U.S."]) > 10
    texts = {}
    for target in targets:
        texts[target] = (archive / target).read_text().replace("U.S.", "US")
        (archive / target).write_text(texts[target])
    words = random.Random(17)

    def add_tail(target: str) -> None:
        # words no other article has, as many each round: the findings stay the same whatever
        # the order (reused-passage says what share of an article a passage is)
        tail = " ".join("".join(words.choices("bcdfghjklmnpqrstvwxz", k=7)) for _ in range(6))
        (archive / target).write_text(texts[target] + f"\nthe desk added {tail}.\n")

    for target in targets:
        add_tail(target)
    report(archive, *targets)  # the state takes the edits
    monkeypatch.chdir(archive)
    with multiprocessing.get_context("fork").Pool(len(targets)) as pool:
        for _ in range(5):
            for target in targets:
                add_tail(target)
            together = pool.map(_hook, targets)
            assert [err for _, _, err in together] == [""] * len(targets)
            assert [_hook(target) for target in targets] == together
    assert folder.is_dir() and any(f["rule"] == "consistent-abbreviations" for f in json.loads(together[0][1])["findings"])


def test_the_hooks_default_folder_is_the_repository(archive, monkeypatch):
    """``factlint-corpus`` runs ``--corpus .`` from the repository root: paths come without a folder."""
    folder = archive / "archive"

    def here(*extra: str) -> list[dict]:
        run = run_cli("check", "--corpus", ".", "012.md", "--format", "json", *extra, cwd=folder)
        assert run.code in (0, 1), run.err
        return json.loads(run.out)["findings"]

    here()  # builds the state for '.'
    (folder / "012.md").write_text((folder / "012.md").read_text() + "\nThe US envoy said more talks would follow.\n")
    analyses = CountAnalyses(monkeypatch)
    hooked = here()
    assert analyses.paths == ["012.md"]
    assert hooked == here("--no-cache") and any(f["rule"] == "consistent-abbreviations" for f in hooked)
    (folder / "012.md").rename(folder / "099.md")  # a new file in the folder, another gone: its listing changed
    analyses.paths.clear()
    state = state_file(folder)
    run = run_cli("check", "--corpus", ".", "099.md", "--format", "json", cwd=folder)
    assert analyses.paths == ["099.md"] and state_file(folder) == state  # served by the state, not rebuilt
    assert json.loads(run.out)["findings"] == json.loads(
        run_cli("check", "--corpus", ".", "099.md", "--format", "json", "--no-cache", cwd=folder).out
    )["findings"]


def test_a_new_subfolder_and_a_removed_one(archive):
    folder = archive / "archive"
    (folder / "2025").mkdir()
    for name in ("014.md", "015.md", "copy-of-005.md"):
        (folder / name).rename(folder / "2025" / name)
    same_as_full_run(archive, "archive/2025/copy-of-005.md")
    same_as_full_run(archive, "archive/005.md")
    for path in (folder / "2025").iterdir():
        path.unlink()
    (folder / "2025").rmdir()
    assert all(r["path"] != "archive/2025/copy-of-005.md" for f in same_as_full_run(archive, "archive/005.md") for r in f["related"])
