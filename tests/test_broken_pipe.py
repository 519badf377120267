"""A reader that stops early (``factlint rules | head -3``) is normal use:
no error line, no traceback, and the command's own exit code."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import SEEDS, child_env


def closed_pipe_run(*args: str) -> subprocess.CompletedProcess:
    """Run ``factlint ARGS`` with stdout a pipe whose reader is already gone:
    every write fails as it does once ``head`` has exited."""
    reader, writer = os.pipe()
    os.close(reader)
    env = child_env()
    env.pop("FACTLINT_DEBUG", None)
    try:
        return subprocess.run(
            [sys.executable, "-m", "factlint", *args], stdout=writer, stderr=subprocess.PIPE, text=True, env=env, timeout=120
        )
    finally:
        os.close(writer)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("rules",), 0),
        (("explain", "name-variants"), 0),
        (("check", str(SEEDS)), 1),  # the seeds have findings: the check's own verdict stands
        (("check", str(SEEDS), "--format", "json"), 1),
    ],
    ids=["rules", "explain", "check", "check-json"],
)
def test_a_closed_pipe_is_not_an_error(args, code):
    done = closed_pipe_run(*args)
    assert done.stderr == ""
    assert done.returncode == code


def test_head_reads_the_first_lines():
    """The shell's own pipeline, as a user types it."""
    env = child_env()
    command = f"'{sys.executable}' -m factlint rules | head -3; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=120)
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr == "" and done.returncode == 0
