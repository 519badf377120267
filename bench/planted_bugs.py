"""Plant the bugs issue 22 found surviving the suite, one at a time, and see the tests fail.

    nice .venv/bin/python bench/planted_bugs.py            # every bug; --only NAME to pick some

Each bug is a small text change to one module (as a reviewer would plant it)
and the test files that must notice it. The change is made in a copy of the
repository, never in the checkout; a bug whose text is no longer in the code
(the module was rewritten) is reported as "not applicable", and then
``bench/mutation.py`` on the new module is the check. Exits 1 if a bug
survives.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("factlint", "rules", "seeds", "tests", "tools", "pyproject.toml")

# name: (module, text in the code, the planted bug, tests that must fail)
BUGS = {
    "figures-sides-any": (
        "factlint/kinds/figures.py",
        "if all(agree(item, other) for other in group):",
        "if any(agree(item, other) for other in group):",
        ["tests/test_judgement_boundaries.py"],
    ),
    "locations-year-boundary": (
        "factlint/kinds/locations.py",
        "return min(gap, 365 - gap) > MAX_DAYS_FROM_ARTICLE",
        "return gap > MAX_DAYS_FROM_ARTICLE",
        ["tests/test_judgement_boundaries.py"],
    ),
    "locations-other-days-false": (
        "factlint/kinds/locations.py",
        "return bool(a and b and a != b)",
        "return False",
        ["tests/test_judgement_boundaries.py"],
    ),
    "attribution-tag-2-words": (
        "factlint/kinds/attribution.py",
        "len(rest.split()) <= 8",
        "len(rest.split()) <= 2",
        ["tests/test_judgement_boundaries.py"],
    ),
    "attribution-curly-index": (
        "factlint/kinds/attribution.py",
        "        elif index > 0:\n            return False",
        "        elif index >= 0:\n            return False",
        ["tests/test_judgement_boundaries.py"],
    ),
    "duplicates-min-edited-words": (
        "factlint/kinds/duplicates.py",
        'if min(len(plain_a), len(plain_b)) < self.params["min_edited_words"]',
        'if min(len(plain_a), len(plain_b)) <= self.params["min_edited_words"]',
        ["tests/test_judgement_boundaries.py"],
    ),
    "document-initials-split": (
        "factlint/document.py",
        "if bare in abbreviations.never_final or _INITIAL.fullmatch(bare):",
        "if bare in abbreviations.never_final:",
        ["tests/test_document_reading.py"],
    ),
    "document-locate-leading-blanks": (
        "factlint/document.py",
        "        while start < end and self.text[start].isspace():\n            start += 1\n",
        "",
        ["tests/test_document_reading.py"],
    ),
    "document-size-limit": (
        "factlint/document.py",
        "if len(data) > settings.max_file_bytes:",
        "if len(data) >= settings.max_file_bytes:",
        ["tests/test_document_reading.py"],
    ),
}


def copy_repository(destination: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=sorted(BUGS), metavar="NAME")
    parser.add_argument("--tests", nargs="+", metavar="PATH", help="run these tests against every bug instead of its own")
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k != "FACTLINT_DEBUG"}
    survived = 0
    with tempfile.TemporaryDirectory(prefix="factlint-planted-") as temporary:
        copy = Path(temporary)
        copy_repository(copy)
        env["PYTHONPATH"] = str(copy)
        for name in args.only or BUGS:
            module, original, planted, tests = BUGS[name]
            tests = args.tests or tests
            path = copy / module
            text = path.read_text(encoding="utf-8")
            if text.count(original) != 1:
                print(f"{name:32} not applicable: {module} no longer has that code")
                continue
            path.write_text(text.replace(original, planted), encoding="utf-8")
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
                    cwd=copy, env=env, capture_output=True, text=True,
                )
            finally:
                path.write_text(text, encoding="utf-8")
            failed = [line.split(" - ")[0].removeprefix("FAILED ") for line in done.stdout.splitlines() if line.startswith("FAILED")]
            if done.returncode == 1 and failed:
                print(f"{name:32} killed by {failed[0]}")
            elif done.returncode == 0:
                survived += 1
                print(f"{name:32} SURVIVED {' '.join(tests)}")
            else:
                survived += 1
                print(f"{name:32} error running the tests (exit {done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
