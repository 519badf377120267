"""The suite tests what it says in every clean clone, CI's included.

A test that skips when something outside the repository is missing (``../shared``,
a corpus, a file on one developer's machine) passes silently everywhere else.
So the whole suite is collected in a fresh copy of the repository with nothing
beside it, every skip mark evaluated there, and only what needs Chromium or
Dask may be skipped, and only where they are absent. A skip decided inside a
test's body cannot be seen without running it, so the suite has none: skips are
marks or module-level ``importorskip``, which collection sees.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import ROOT

# Skips allowed where the tool is absent (CI installs both, so none are skipped there).
ALLOWED = ("chromium", "dask")

REPORTER = textwrap.dedent(
    """
    import json, os

    def pytest_collectreport(report):
        if report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            _SKIPS.append((report.nodeid, reason))

    def pytest_collection_finish(session):
        from _pytest.skipping import evaluate_skip_marks

        for item in session.items:
            skip = evaluate_skip_marks(item)
            if skip is not None:
                _SKIPS.append((item.nodeid, skip.reason))
        with open(os.environ["SKIP_REPORT"], "w") as out:
            json.dump({"items": len(session.items), "skips": _SKIPS}, out)

    _SKIPS = []
    """
)


def clean_clone(destination: Path) -> Path:
    """The repository's files as a clone has them (tracked and new, nothing ignored), alone in a folder."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def test_nothing_is_skipped_in_a_clean_clone_but_what_needs_chromium_or_dask(tmp_path):
    clone = clean_clone(tmp_path / "clone")
    assert not (clone.parent / "shared").exists()
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "skip_reporter.py").write_text(REPORTER)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(PYTHONPATH=os.pathsep.join([str(clone), str(plugins)]), SKIP_REPORT=str(tmp_path / "skips.json"))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "skip_reporter", "-p", "no:cacheprovider"],
        cwd=clone, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads((tmp_path / "skips.json").read_text())
    assert report["items"] > 500  # the whole suite was collected
    unexpected = [(node, reason) for node, reason in report["skips"] if not any(word in reason.lower() for word in ALLOWED)]
    assert unexpected == []
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        assert not [s for s in report["skips"] if "chromium" in s[1].lower()]
    try:
        import distributed  # noqa: F401
    except ImportError:
        pass
    else:
        assert not [s for s in report["skips"] if "dask" in s[1].lower()]


def runtime_skips(path: Path) -> list[str]:
    """Calls that skip from inside a function (a test's body or a helper it calls)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr in ("skip", "importorskip", "xfail")
                    and isinstance(inner.func.value, ast.Name)
                    and inner.func.value.id == "pytest"
                ):
                    found.append(f"{path.name}:{inner.lineno} in {node.name}()")
    return found


def test_no_test_decides_to_skip_while_it_runs():
    found = [where for path in sorted((ROOT / "tests").glob("*.py")) for where in runtime_skips(path)]
    assert found == [], "skip with a mark or a module-level importorskip, which a clean clone's collection sees"
