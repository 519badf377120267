"""``factlint check --fix`` / ``--diff``: exact repeats inside an article are removed, nothing else."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS

SEED_003 = SEEDS / "003_c89cddc9c1940466.txt"
LEDE = "Leaders of European countries met in Paris on Tuesday and agreed security guarantees for Kyiv after a ceasefire."
SECOND = "The United States will lead a truce monitoring mission, while Britain plans military hubs across Ukraine."
THIRD = "Russia has rejected any deployment of Western troops and says the plan cannot work without its consent."


def fix(cli, path: Path, *extra: str):
    return cli("check", str(path), "--select", "duplicates", "--fix", *extra)


@pytest.fixture
def seed_003(tmp_path: Path) -> Path:
    path = tmp_path / SEED_003.name
    path.write_bytes(SEED_003.read_bytes())
    return path


def test_fix_removes_the_repeated_run_and_keeps_the_first_copy(cli, seed_003):
    lines = SEED_003.read_text(encoding="utf-8").split("\n")
    run = fix(cli, seed_003)
    assert run.code == 0, run.err
    assert "fixed 1 finding" in run.err
    assert seed_003.read_text(encoding="utf-8") == "\n".join(lines[:8])  # headline and first copy; no newline, as before
    assert "duplicate-passage" not in run.out


def test_fix_is_idempotent(cli, seed_003):
    fix(cli, seed_003)
    once = seed_003.read_bytes()
    run = fix(cli, seed_003)
    assert run.code == 0 and "fixed" not in run.err
    assert seed_003.read_bytes() == once


def test_diff_shows_the_fix_without_writing(cli, seed_003):
    before = seed_003.read_bytes()
    run = cli("check", str(seed_003), "--select", "duplicates", "--diff")
    assert seed_003.read_bytes() == before
    removed = [line[1:] for line in run.out.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in run.out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(removed) == 7 and not added
    assert run.out.startswith("---") and SEED_003.name in run.out.splitlines()[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n\n{THIRD}\n", f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n"),
        (f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n", f"{LEDE}\n\n{SECOND}\n"),
        (f"# Talks\n\n{LEDE}\n\n{SECOND}\n\n{LEDE}\n\n{SECOND}\n\n\n", f"# Talks\n\n{LEDE}\n\n{SECOND}\n\n\n"),
        (f"{LEDE}\r\n\r\n{SECOND}\r\n\r\n{LEDE}\r\n", f"{LEDE}\r\n\r\n{SECOND}\r\n"),
    ],
    ids=["middle", "end", "run-and-trailing-blank-lines", "crlf"],
)
def test_fix_deletes_whole_paragraphs_with_their_blank_lines(cli, tmp_path, text, expected):
    path = tmp_path / "article.md"
    path.write_bytes(text.encode("utf-8"))
    run = fix(cli, path)
    assert run.code == 0, run.err
    assert path.read_bytes().decode("utf-8") == expected


def test_wrapped_paragraphs_keep_their_indentation(cli, tmp_path):
    wrapped = "Leaders of European countries met in Paris\non Tuesday and agreed security guarantees\nfor Kyiv after a ceasefire.\n"
    other = "    The United States will lead a truce\nmonitoring mission across Ukraine.\n"
    indented = "    " + wrapped
    path = tmp_path / "wire.txt"
    path.write_text(wrapped + other + indented + other.replace("United States", "Pentagon"), encoding="utf-8")
    run = fix(cli, path)
    assert run.code == 0, run.err
    assert path.read_text(encoding="utf-8") == wrapped + other + other.replace("United States", "Pentagon")


@pytest.mark.parametrize(
    "text",
    [
        f"{LEDE}\n\n{SECOND}\n\n{LEDE.replace('agreed', 'approved')}\n",  # lightly edited: reported only
        f"{LEDE}\n\n{SECOND}\n\n{LEDE.upper()}\n",  # same words, another form: the editor chooses
        f"{LEDE} {SECOND}\n\nOfficials were cautious. {LEDE}\n",  # a sentence, not a paragraph
    ],
    ids=["edited", "other-case", "sentence"],
)
def test_only_exact_repeated_paragraphs_are_fixed(cli, tmp_path, text):
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    run = fix(cli, path)
    assert run.code == 1 and "duplicate-passage" in run.out and "fixed" not in run.err
    assert path.read_text(encoding="utf-8") == text


def test_reuse_across_articles_is_never_fixed(cli, tmp_path):
    shared = f"{LEDE} {SECOND} {THIRD}"
    (tmp_path / "a.md").write_text(f"{shared}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"Markets rose.\n\n{shared}\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    run = cli("check", str(tmp_path), "--select", "duplicates", "--fix", "--fail-level", "info")
    assert run.code == 1 and "reused-passage" in run.out
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_html_repeats_are_reported_not_rewritten(cli, tmp_path):
    path = tmp_path / "page.html"
    html = f"<html><body><p>{LEDE}</p><p>{SECOND}</p><p>{LEDE}</p></body></html>\n"
    path.write_text(html, encoding="utf-8")
    run = fix(cli, path)
    assert run.code == 1 and path.read_text(encoding="utf-8") == html


def test_a_failed_write_leaves_the_file_untouched(cli, seed_003, monkeypatch):
    before = seed_003.read_bytes()

    def refuse(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    run = fix(cli, seed_003)
    assert run.code == 2 and "No space left on device" in run.err and "Traceback" not in run.err
    assert seed_003.read_bytes() == before
    assert [p.name for p in seed_003.parent.iterdir()] == [seed_003.name]  # no temporary file left behind


def test_an_unwritable_folder_leaves_the_file_untouched(cli, seed_003, monkeypatch):
    import tempfile

    before = seed_003.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    run = fix(cli, seed_003)
    assert run.code == 2 and "Permission denied" in run.err
    assert seed_003.read_bytes() == before



def test_a_file_changed_after_it_was_checked_is_not_fixed(tmp_path, monkeypatch):
    from factlint import fixes
    from factlint.errors import FactlintError
    from factlint.linter import lint_sources
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    article = tmp_path / "a.txt"
    body = "Leaders met in Paris on Tuesday and agreed a plan to support the country for years to come.\n"
    article.write_text(body + "\n" + body)
    linted = article.read_bytes()
    rules = [r for r in load_rules([builtin_rules_dir()]) if r.id == "duplicate-passage"]
    report = lint_sources([(str(article), linted)], compile_rules(rules))
    assert any(f.fixes for f in report.findings)
    article.write_text("Edited by a colleague meanwhile.\n\n" + body + "\n" + body)
    edited = article.read_bytes()
    import hashlib

    with pytest.raises(FactlintError, match="changed while it was being checked"):
        fixes.apply_fixes(report.findings, write=True, checked={str(article): hashlib.sha256(linted).digest()})
    assert article.read_bytes() == edited


# ---------------------------------------------------------------------------
# Issue 20: patches that apply, reports on the fixed text, links, temp files
# ---------------------------------------------------------------------------


def git_apply_check(patch: str, folder: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    result = subprocess.run(["git", "apply", "--check", "-"], input=patch, text=True, cwd=folder, capture_output=True)
    assert result.returncode == 0, result.stderr + patch


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_10_diff_of_a_file_without_a_final_newline_is_a_valid_patch(cli, seed_003):
    assert not seed_003.read_bytes().endswith(b"\n")
    run = cli("check", seed_003.name, "./" + seed_003.name, "--select", "duplicates", "--diff", cwd=seed_003.parent)
    assert run.out.splitlines()[:2] == [f"--- a/{seed_003.name}", f"+++ b/{seed_003.name}"]
    assert run.out.endswith("\n\\ No newline at end of file\n")
    git_apply_check(run.out, seed_003.parent)


@needs_git
def test_10_diff_honours_output_and_refuses_other_formats(cli, seed_003):
    before = seed_003.read_bytes()
    run = cli("check", seed_003.name, "--diff", "--output", "fixes.patch", cwd=seed_003.parent)
    patch = (seed_003.parent / "fixes.patch").read_text(encoding="utf-8")
    assert run.code == 1 and run.out == "" and patch.startswith(f"--- a/{seed_003.name}")
    assert seed_003.read_bytes() == before
    git_apply_check(patch, seed_003.parent)
    run = cli("check", seed_003.name, "--diff", "--format", "json", cwd=seed_003.parent)
    assert run.code == 2 and run.err == "factlint: usage: --diff prints a patch; it does not combine with --format json\n"


def test_11_after_fix_the_report_describes_the_fixed_text(cli, seed_003):
    import json

    before = cli("check", seed_003.name, "--format", "json", cwd=seed_003.parent)
    stale = [f for f in json.loads(before.out)["findings"] if f["line"] > 8]
    assert stale  # the repeat (lines 9-15) carries findings of its own
    run = cli("check", seed_003.name, "--fix", "--format", "json", cwd=seed_003.parent)
    assert "fixed 1 finding" in run.err
    after = cli("check", seed_003.name, "--format", "json", cwd=seed_003.parent)
    assert run.out == after.out  # exactly what a run on the fixed file reports
    assert all(f["line"] <= 8 for f in json.loads(run.out)["findings"])


def test_11_fix_repeats_until_nothing_is_left_to_fix(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n\n{SECOND}\n\n{LEDE}\n", encoding="utf-8")
    run = fix(cli, path)
    assert run.code == 0 and "duplicate-passage" not in run.out
    assert path.read_text(encoding="utf-8") == f"{LEDE}\n\n{SECOND}\n"


def test_12_fix_writes_through_a_link_to_its_target(cli, seed_003):
    link = seed_003.parent / "link.txt"
    link.symlink_to(seed_003.name)
    run = fix(cli, link)
    assert run.code == 0, run.err
    assert link.is_symlink() and os.readlink(link) == seed_003.name
    assert seed_003.read_text(encoding="utf-8").count("In a major breakthrough") == 1


def test_12_a_temporary_file_a_killed_run_left_is_removed(cli, seed_003):
    import time

    left = seed_003.parent / ".factlint-k1ll3d_x"  # named as mkstemp names ours
    left.write_bytes(seed_003.read_bytes()[:100])
    old = time.time() - 3600
    os.utime(left, (old, old))
    fresh = seed_003.parent / ".factlint-wr1t1ng0"  # another run's write in progress
    fresh.write_bytes(b"partial")
    other = seed_003.parent / ".factlint-notes"  # not a name of ours
    other.write_bytes(b"keep")
    os.utime(other, (old, old))
    run = fix(cli, seed_003)
    assert run.code == 0, run.err
    assert sorted(p.name for p in seed_003.parent.iterdir()) == sorted([seed_003.name, fresh.name, other.name])
