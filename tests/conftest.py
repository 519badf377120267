"""Shared helpers for the tests: run the CLI in-process, build articles."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from factlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None) -> Run:
    """Run ``factlint ARGS`` in-process and capture exit code and streams."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(previous)
    return Run(code, out.getvalue(), err.getvalue())


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python that must run the code under test: this
    checkout's factlint first on its path, not whichever checkout the venv installed."""
    env = {**os.environ, **extra}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return env


def house_rule(folder: Path, kind: str, params: str, rule_id: str = "house-rule", message: str = "House style") -> Path:
    """Write a newsroom's rule file of ``kind`` into folder: a valid rule with the given
    parameter lines (YAML) last, so a test can point at their line numbers (the first is 7)."""
    path = folder / f"{rule_id}.yaml"
    path.write_text(
        f"id: {rule_id}\nkind: {kind}\ndescription: House style.\nseverity: info\nmessage: '{message}'\n"
        f"examples: {{flag: ['x'], ok: ['y']}}\n{params}",
        encoding="utf-8",
    )
    return path


def house_rule_error(folder: Path, kind: str, params: str, rule_id: str = "house-rule"):
    """The error (message, line) loading a newsroom's rule file with these parameter lines raises."""
    from factlint.errors import FactlintError
    from factlint.ruleset import compile_rules, load_rules

    house_rule(folder, kind, params, rule_id)
    with pytest.raises(FactlintError) as raised:
        compile_rules(load_rules([folder]))
    return raised.value.message, raised.value.line


@pytest.fixture
def state_kept(tmp_path: Path, monkeypatch) -> Path:
    """tmp_path, where a folder of any size keeps a folder state, signed with a key of its own."""
    import factlint.engine.folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setattr(factlint.engine.folder, "MIN_ARTICLES", 0)
    return tmp_path


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed articles."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    """One pre-commit cache for the session: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def git_repo(folder: Path) -> Path:
    """A fresh git repository with an identity, for hook tests."""
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    for command in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "config", "user.email", "desk@example.com"],
        ["git", "config", "user.name", "Desk"],
    ):
        subprocess.run(command, cwd=folder, check=True, capture_output=True)
    return folder


def run_pre_commit(repo: Path, home: Path, *args: str):
    """Run ``pre-commit ARGS`` in repo with an isolated cache."""
    import subprocess
    import sys

    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )


class CountAnalyses:
    """Which articles phase one ran on (to see what a cache or the folder state saved)."""

    def __init__(self, monkeypatch) -> None:
        import factlint.linter

        self.paths: list[str] = []
        original = factlint.linter.analyze

        def counting(path, *args, **kwargs):
            self.paths.append(path)
            return original(path, *args, **kwargs)

        monkeypatch.setattr(factlint.linter, "analyze", counting)
