"""Fuzzing the command line with odd files: no input stalls, kills or aborts a run.

A seeded generator (the same inputs on every run, so a failure reproduces)
writes folders of odd articles: random bytes, mutated seeds, markup and front
matter soup, runs of one character, byte order marks, NULs, lone CRs, names
that are not UTF-8, and files that are not regular files. Each folder also
holds one good article with a known finding. For every run: the exit code is
0, 1 or 2; nothing on stderr is a traceback; every stderr line names one of
the files; and the good article's finding is reported, so the others were
still checked. About 300 inputs in all, in well under a minute.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli

SEED = 20
RUNS = 30
FILES_PER_RUN = 10
MAX_BYTES = 40_000
GOOD = "Critics say the guarantees are merely symbolic.\n"
FORMATS = ["json", "text", "sarif", "github", "junit", "html"]
SUFFIXES = [".md", ".txt", ".html", ".htm", ".markdown", ".MD"]

SEED_TEXTS = [path.read_bytes() for path in sorted(SEEDS.iterdir())]
PIECES = [
    "---\n", "date: 1998-30-06\n", "date: 2026-01-06\n", "title: [a, b]\n", "story: {x: 1}\n", "a: &x [*x]\n", "key: 'unclosed\n",
    "factlint: {ignore: [weasel-words]}\n", "factlint: nonsense\n", "[" * 200, "{" * 70, "\t- - -\n",
    "<!-- factlint: ignore weasel-words -->\n", "<!-- factlint: disable -->", "<!--", "-->", "<script>", "</script>",
    "<div>", "</div>", "<p>", "&amp;", "&#x110000;", "&#99999999999;", "<", ">", "```\n", "~~~~\n", "`", "    code\n",
    "[a](http://x.org/(a)", "www.", "a@b.c", "https://", "# ", "> ", "- ", "1. ", "|a|b|\n", "\n", "\n\n", "\r", "\r\n",
    " ", "\t", "!", "?", ".", "…", "\"", "“", "’", "(", ")", "e\u0301", "\u0301", "\u200b", "\u2028", "\ufeff", "\U0001F600",
    "Paris", "Berlin", "U.S.", "US", "Mr.", "J. R. R.", "killed 10 people", "35 countries", "$2.5 billion", "3.5%",
    "officials said", "some say", "it is believed", "\"We made progress,\" he said.", "The talks ended on Tuesday. ",
]


def _mutated(rng: random.Random, data: bytes, byte_flips: bool) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(data) + 1)
        action = rng.random()
        if action < 0.2 and data and byte_flips:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif action < 0.7:
            data[at:at] = rng.choice(PIECES).encode("utf-8")
        else:
            del data[at : at + rng.randint(1, 50)]
    return bytes(data)


def _content(rng: random.Random) -> bytes:
    shape = rng.random()  # most inputs decode, so that the rules, not the reader, meet them
    if shape < 0.06:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
    if shape < 0.4:
        return _mutated(rng, rng.choice(SEED_TEXTS), byte_flips=rng.random() < 0.2)
    if shape < 0.43:
        return rng.choice(["\ufeff", "\ufeff\ufeff"]).encode(rng.choice(["utf-16-le", "utf-16-be", "utf-32"])) + b"Talks."
    if shape < 0.58:  # one piece repeated: runs of one character, endless lines, deep nesting
        return (rng.choice(PIECES) * rng.randint(1, MAX_BYTES // 4))[:MAX_BYTES].encode("utf-8")
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 400)))
    data = text.encode("utf-8")
    if rng.random() < 0.03:
        data = data[: rng.randrange(len(data) + 1)] + b"\x00" + data  # a NUL somewhere
    if rng.random() < 0.1:
        data = data.replace(b"\n", b"\r")
    return data[:MAX_BYTES]


def _name(rng: random.Random, index: int) -> bytes:
    stem = rng.choice([b"a", b"b c", "café".encode(), b"caf\xe9", b"-dash", b"x" * 100, b"\xff\xfe", "名前".encode()])
    return b"%02d-" % index + stem + rng.choice(SUFFIXES).encode()


def _write_run(rng: random.Random, folder: Path) -> list[bytes]:
    """The run's odd files (their names as bytes); the good article is written too."""
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    names = []
    base = os.fsencode(folder)
    for index in range(FILES_PER_RUN):
        name = _name(rng, index)
        path = os.path.join(base, name)
        special = rng.random()
        if special < 0.04 and hasattr(os, "mkfifo"):
            os.mkfifo(path)
        elif special < 0.07:
            os.symlink(b"nowhere" + name, path)  # a link to nothing
        elif special < 0.09:
            os.symlink(name, path)  # a link to itself
        elif special < 0.11:
            os.mkdir(path)  # a folder named like an article
        elif special < 0.13:
            open(path, "wb").close()  # empty
        else:
            with open(path, "wb") as handle:
                handle.write(_content(rng))
        names.append(name)
    return names


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_fuzzed_folders_end_in_findings_or_one_located_line_each(tmp_path):
    rng = random.Random(SEED)
    inputs = 0
    for run_number in range(RUNS):
        folder = tmp_path / f"run{run_number:02}"
        names = _write_run(rng, folder)
        inputs += len(names)
        format = FORMATS[run_number % len(FORMATS)]
        output = tmp_path / f"report{run_number:02}"
        run = run_cli("check", folder.name, "--format", format, "--output", str(output), cwd=tmp_path)
        where = f"run {run_number} (seed {SEED}, format {format})"
        assert run.code in (0, 1, 2), where
        assert "Traceback" not in run.err and "Exception ignored" not in run.err, f"{where}: {run.err}"
        shown = {os.fsdecode(os.path.join(folder.name.encode(), name)) for name in names}
        for line in run.err.splitlines():
            found = re.match(r"factlint: (.+?)(?::\d+)?: ", line)
            assert found and any(line.startswith(f"factlint: {path}") for path in shown), f"{where}: {line!r}"
        report = output.read_bytes().decode("utf-8", "surrogateescape")
        if format == "json":
            findings = json.loads(report)["findings"]
            assert any(f["path"] == f"{folder.name}/good.md" and f["rule"] == "weasel-words" for f in findings), where
        else:
            assert f"{folder.name}/good.md" in report, where
    assert inputs >= 300
