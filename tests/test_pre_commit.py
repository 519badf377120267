"""The pre-commit hook, run the way users run it: ``pre-commit try-repo``."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT, git_repo, run_pre_commit


def test_hook_fails_on_a_bad_article_and_prints_the_finding(tmp_path, pre_commit_home):
    repo = git_repo(tmp_path / "newsroom")
    (repo / "bad.md").write_text("# Talks end\n\nLeaders met in Paris on Tuesday.\n\n0 comments\n")
    (repo / "good.md").write_text("# Talks end\n\nLeaders met in Paris on Tuesday.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)

    bad = run_pre_commit(repo, pre_commit_home, "try-repo", str(ROOT), "factlint", "--files", "bad.md", "good.md")
    output = bad.stdout + bad.stderr
    assert bad.returncode == 1, output
    assert "bad.md:5:1: warning scraped-boilerplate" in output
    assert "good.md:" not in output  # no finding on the clean article

    good = run_pre_commit(repo, pre_commit_home, "try-repo", str(ROOT), "factlint", "--files", "good.md")
    assert good.returncode == 0, good.stdout + good.stderr
