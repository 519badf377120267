"""``check --corpus DIR FILE...``: the whole folder in view, only the given files reported.

Covers the filtering, the per-article cache (changed file, deleted file,
corrupted and foreign entries, overlapping runs) and the ``factlint-corpus``
pre-commit hook on a two-commit example.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, CountAnalyses, child_env, git_repo, run_pre_commit

ARCHIVE = {
    "archive/2024-01-aid.md": "# Aid package\n\nThe U.S. said on Monday it would send more aid to Kyiv.\n",
    "archive/2024-02-talks.md": "# Talks\n\nOfficials from the U.S. and Ukraine met in Geneva on Tuesday.\n",
    "archive/2024-03-visit.md": "# Visit\n\nThe U.S. envoy arrived in Warsaw for two days of meetings.\n",
}
NEW_ARTICLE = ("archive/2024-04-new.md", "# Pledge\n\nThe US pledged another round of support on Friday.\n")
# The newsroom's config: the rule these tests exercise (others' findings on the samples are beside the point).
CONFIG = "select: [consistent-abbreviations]\n"


@pytest.fixture(autouse=True)
def private_cache_key(tmp_path, monkeypatch):
    """Each test signs cache entries with its own user key."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def newsroom(folder: Path, with_new: bool = True) -> Path:
    (folder / ".factlint.yaml").write_text(CONFIG, encoding="utf-8")
    for name, text in ARCHIVE.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    if with_new:
        (folder / NEW_ARTICLE[0]).write_text(NEW_ARTICLE[1], encoding="utf-8")
    return folder


def corpus_json(cli, folder: Path, *files: str, extra: tuple[str, ...] = ()) -> dict:
    run = cli("check", "--corpus", "archive", *files, "--format", "json", *extra, cwd=folder)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)


def cache_entries(folder: Path) -> list[Path]:
    """The stored results (not the cache's own .gitignore and CACHEDIR.TAG)."""
    cache = folder / ".factlint_cache"
    return sorted(p for p in cache.rglob("*") if p.is_file() and p.parent != cache)


# ---------------------------------------------------------------------------
# What is reported
# ---------------------------------------------------------------------------


def test_the_archive_is_read_but_only_the_given_file_is_reported(cli, tmp_path):
    newsroom(tmp_path)
    alone = cli("check", NEW_ARTICLE[0], "--format", "json", cwd=tmp_path)
    assert alone.code == 0 and json.loads(alone.out)["findings"] == []  # nothing to compare with

    report = corpus_json(cli, tmp_path, NEW_ARTICLE[0])
    assert report["files"] == 1
    [finding] = report["findings"]
    assert (finding["path"], finding["rule"]) == (NEW_ARTICLE[0], "consistent-abbreviations")
    assert finding["related"][0]["path"].startswith("archive/2024-0")


def test_a_finding_elsewhere_that_points_at_the_given_file_is_reported(cli, tmp_path):
    newsroom(tmp_path)
    # The finding sits in the new article; the first archive article is where 'U.S.' is shown.
    pointed_at = corpus_json(cli, tmp_path, "archive/2024-01-aid.md")["findings"]
    assert [(f["path"], f["related"][0]["path"]) for f in pointed_at] == [(NEW_ARTICLE[0], "archive/2024-01-aid.md")]
    assert corpus_json(cli, tmp_path, "archive/2024-03-visit.md")["findings"] == []


def test_given_files_outside_the_folder_are_compared_with_it(cli, tmp_path):
    newsroom(tmp_path, with_new=False)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "pledge.md").write_text(NEW_ARTICLE[1])
    [finding] = corpus_json(cli, tmp_path, "drafts/pledge.md")["findings"]
    assert finding["path"] == "drafts/pledge.md"


def test_without_files_the_whole_folder_is_reported(cli, tmp_path):
    newsroom(tmp_path)
    plain = json.loads(cli("check", "archive", "--format", "json", cwd=tmp_path).out)
    assert corpus_json(cli, tmp_path)["findings"] == plain["findings"]


def test_corpus_must_be_a_folder(cli, tmp_path):
    run = cli("check", "--corpus", "nowhere", "a.md", cwd=tmp_path)
    assert run.code == 2 and "nowhere" in run.err and run.err.count("\n") == 1


# ---------------------------------------------------------------------------
# The cache
# ---------------------------------------------------------------------------


def test_second_run_reuses_every_unchanged_article(cli, tmp_path, monkeypatch):
    newsroom(tmp_path)
    first = corpus_json(cli, tmp_path, NEW_ARTICLE[0])
    assert (tmp_path / ".factlint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    counter = CountAnalyses(monkeypatch)
    assert corpus_json(cli, tmp_path, NEW_ARTICLE[0]) == first
    assert counter.paths == []


def test_a_changed_file_is_analysed_again_and_its_new_text_counts(cli, tmp_path, monkeypatch):
    newsroom(tmp_path)
    assert corpus_json(cli, tmp_path, NEW_ARTICLE[0])["findings"]
    (tmp_path / NEW_ARTICLE[0]).write_text(NEW_ARTICLE[1].replace("The US", "The U.S."))
    counter = CountAnalyses(monkeypatch)
    assert corpus_json(cli, tmp_path, NEW_ARTICLE[0])["findings"] == []
    assert counter.paths == [NEW_ARTICLE[0]]


def test_a_deleted_file_leaves_the_comparison_and_the_cache(cli, tmp_path):
    newsroom(tmp_path)
    for name in list(ARCHIVE)[1:]:  # two 'U.S.' articles of three will go
        (tmp_path / name).unlink()
    (tmp_path / "archive" / "2024-05-more.md").write_text("# More\n\nThe US said more aid would follow.\n")
    corpus_json(cli, tmp_path, NEW_ARTICLE[0])
    assert len(cache_entries(tmp_path)) == 3
    (tmp_path / "archive" / "2024-05-more.md").unlink()
    report = corpus_json(cli, tmp_path, NEW_ARTICLE[0])
    # Now 'U.S.' and 'US' tie one article each; the deleted article no longer counts for 'US'.
    assert all("2 articles" not in f["message"] for f in report["findings"])
    assert len(cache_entries(tmp_path)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",  # emptied
        lambda blob: blob[: len(blob) // 2],  # torn
        lambda blob: blob[:-10] + bytes(b ^ 0xFF for b in blob[-10:]),  # garbled payload
        lambda blob: b"not a cache entry at all",
    ],
    ids=["empty", "truncated", "garbled", "garbage"],
)
def test_a_corrupted_cache_is_rebuilt_never_trusted(cli, tmp_path, monkeypatch, damage):
    newsroom(tmp_path)
    expected = corpus_json(cli, tmp_path, NEW_ARTICLE[0], extra=("--no-cache",))
    corpus_json(cli, tmp_path, NEW_ARTICLE[0])
    entries = cache_entries(tmp_path)
    assert len(entries) == 4
    for entry in entries:
        entry.write_bytes(damage(entry.read_bytes()))
    counter = CountAnalyses(monkeypatch)
    assert corpus_json(cli, tmp_path, NEW_ARTICLE[0]) == expected
    assert len(counter.paths) == 4  # every damaged entry recomputed ...
    counter.paths.clear()
    assert corpus_json(cli, tmp_path, NEW_ARTICLE[0]) == expected
    assert counter.paths == []  # ... and rewritten whole


def test_entries_signed_by_another_user_are_not_unpickled(cli, tmp_path, monkeypatch):
    newsroom(tmp_path)
    expected = corpus_json(cli, tmp_path, NEW_ARTICLE[0])
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))  # a cache committed by someone else
    monkeypatch.setattr("pickle.loads", lambda *a, **k: pytest.fail("an unverified entry was unpickled"))
    counter = CountAnalyses(monkeypatch)
    assert corpus_json(cli, tmp_path, NEW_ARTICLE[0]) == expected
    assert len(counter.paths) == 4


def test_no_cache_neither_reads_nor_writes_it(cli, tmp_path):
    newsroom(tmp_path)
    corpus_json(cli, tmp_path, NEW_ARTICLE[0], extra=("--no-cache",))
    assert not (tmp_path / ".factlint_cache").exists()


def test_a_rule_change_uses_a_fresh_cache(cli, tmp_path, monkeypatch):
    newsroom(tmp_path)
    corpus_json(cli, tmp_path, NEW_ARTICLE[0])
    (tmp_path / ".factlint.yaml").write_text(CONFIG + "severity: {consistent-abbreviations: error}\n")
    counter = CountAnalyses(monkeypatch)
    [finding] = corpus_json(cli, tmp_path, NEW_ARTICLE[0])["findings"]
    assert finding["severity"] == "error"
    assert len(counter.paths) == 4


def test_overlapping_runs_agree_and_leave_a_valid_cache(tmp_path):
    newsroom(tmp_path)
    for number in range(40):  # enough articles for the runs to overlap
        (tmp_path / "archive" / f"2023-{number:02d}.md").write_text(f"# Brief {number}\n\nThe U.S. office opened day {number}.\n")
    command = [sys.executable, "-m", "factlint", "check", "--corpus", "archive", NEW_ARTICLE[0], "--format", "json"]
    env = child_env()  # this checkout's code, not the venv's install
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, text=True, env=env) for _ in range(4)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert all(run.returncode == 1 for run in runs), [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1
    reference = subprocess.run([*command, "--no-cache"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert outputs[0][0] == reference.stdout
    assert not list((tmp_path / ".factlint_cache").rglob(".tmp-*"))  # no torn temporary left behind
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert again.stdout == reference.stdout


# ---------------------------------------------------------------------------
# The pre-commit hook, on a two-commit example
# ---------------------------------------------------------------------------


def test_corpus_hook_catches_what_the_plain_hook_cannot(tmp_path, pre_commit_home, monkeypatch):
    repo = newsroom(git_repo(tmp_path / "newsroom"), with_new=False)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "The archive"], cwd=repo, check=True)
    (repo / NEW_ARTICLE[0]).write_text(NEW_ARTICLE[1])
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "A new article"], cwd=repo, check=True)

    changed = ("--from-ref", "HEAD~1", "--to-ref", "HEAD")
    plain = run_pre_commit(repo, pre_commit_home, "try-repo", str(ROOT), "factlint", *changed)
    assert plain.returncode == 0, plain.stdout + plain.stderr  # the new article alone is consistent

    corpus = run_pre_commit(repo, pre_commit_home, "try-repo", str(ROOT), "factlint-corpus", *changed)
    output = corpus.stdout + corpus.stderr
    assert corpus.returncode == 1, output
    assert f"{NEW_ARTICLE[0]}:3:5: warning consistent-abbreviations 'US' here, but 'U.S.' is the usual spelling" in output
    assert "= archive/2024-01-aid.md:3:5: 'U.S.' is used here" in output  # where the archive's spelling is

    again = run_pre_commit(repo, pre_commit_home, "try-repo", str(ROOT), "factlint-corpus", *changed)
    assert again.returncode == 1 and (repo / ".factlint_cache" / ".gitignore").is_file()
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout
    assert ".factlint_cache" not in status  # the cache ignores itself
