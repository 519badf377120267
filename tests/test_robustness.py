"""No input stalls, kills or aborts a run (issue 20).

Each bad or odd input ends in a finding, or in one stderr line naming the file
(and line) with exit code 2, while the other files are still checked. The
numbers are the issue's items.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from factlint.document import MAX_FILE_BYTES, Settings, parse_document, read_source
from factlint.errors import FactlintError
from factlint.linter import analyze, lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

from conftest import SEEDS

WEASEL = "Critics say the guarantees are merely symbolic.\n"  # one weasel-words finding, always
CHECKS = compile_rules(load_rules([builtin_rules_dir()]), {})
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices are POSIX")


def folder_with_good_article(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_text(WEASEL, encoding="utf-8")
    return folder


def assert_good_article_checked(run) -> None:
    assert "good.md:1:1: warning weasel-words" in run.out, run.out + run.err


def assert_one_line_naming(run, name: str, *words: str) -> None:
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert name in lines[0] and all(word in lines[0] for word in words), lines[0]
    assert "Traceback" not in run.err


# ---------------------------------------------------------------------------
# 1, 2: reading never waits and never reads more than the limit
# ---------------------------------------------------------------------------


@posix_only
def test_1_a_fifo_in_a_folder_is_not_an_article(cli, tmp_path):
    folder = folder_with_good_article(tmp_path)
    os.mkfifo(folder / "pipe.md")  # opening it would wait for a writer forever
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 1 and run.err == ""
    assert_good_article_checked(run)
    assert "Found 1 finding in 1 file" in run.out


@posix_only
def test_1_a_fifo_given_by_name_is_one_line(cli, tmp_path):
    folder = folder_with_good_article(tmp_path)
    os.mkfifo(folder / "pipe.md")
    run = cli("check", "articles/pipe.md", "articles/good.md", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/pipe.md", "not a regular file (a FIFO)")
    assert_good_article_checked(run)


@pytest.mark.parametrize("device", [
    pytest.param(device, marks=pytest.mark.skipif(not os.path.exists(device), reason=f"no {device} here"))
    for device in ("/dev/zero", "/dev/urandom")
])
def test_2_a_link_to_a_device_is_never_read(cli, tmp_path, device):
    folder = folder_with_good_article(tmp_path)
    (folder / "endless.md").symlink_to(device)
    run = cli("check", "articles", cwd=tmp_path)  # in a folder: passed over
    assert run.code == 1 and run.err == ""
    run = cli("check", "articles/endless.md", "articles/good.md", cwd=tmp_path)  # by name: one line
    assert run.code == 2
    assert_one_line_naming(run, "articles/endless.md", "not a regular file (a character device)")
    assert_good_article_checked(run)


def test_2_a_huge_file_is_refused_by_its_size_without_reading_it(cli, tmp_path, monkeypatch):
    folder = folder_with_good_article(tmp_path)
    with open(folder / "huge.txt", "wb") as handle:  # 3 GiB, sparse: nothing is written to disk
        handle.truncate(3 * 1024**3)
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(len(data := real_read(fd, n))) or data)
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/huge.txt", "file too large (3145728 KiB; the limit is 5120 KiB)")
    assert_good_article_checked(run)
    assert sum(read) == len(WEASEL)  # the good article only


def test_2_never_more_than_the_limit_plus_one_byte_is_read(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    monkeypatch.setattr(os, "fstat", lambda fd, real=os.fstat: os.stat_result((*real(fd)[:6], 0, *real(fd)[7:])))  # claims 0 bytes
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(len(data := real_read(fd, n))) or data)
    with pytest.raises(FactlintError, match="file too large"):
        read_source(str(path), limit=1000)
    assert sum(read) == 1001
    assert read_source(str(path), limit=5000) == b"x" * 5000


# ---------------------------------------------------------------------------
# 3: regexes that would eat the machine or never end
# ---------------------------------------------------------------------------


def house_rule(folder: Path, **keys: str) -> None:
    lines = {"id": "house", "kind": "pattern", "severity": "warning", "message": '"Avoid {match}"',
             "description": "A house rule.", "patterns": "['banned']", "examples": "{flag: [banned], ok: [fine]}", **keys}
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_text("".join(f"{k}: {v}\n" for k, v in lines.items()), encoding="utf-8")


@pytest.mark.parametrize("pattern", ["a{1000000000}", "(?:a{1000}){1000}", "x{,200000}"])
def test_3_a_counted_repeat_too_large_to_compile_is_a_located_rule_error(cli, tmp_path, pattern):
    folder_with_good_article(tmp_path)
    house_rule(tmp_path / "house", patterns=f"['{pattern}']")
    run = cli("check", "articles", "--rules", "house", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "house/house.yaml:6:", "counted repeats allow at most 100,000")


def test_3_a_facts_pattern_that_backtracks_forever_is_stopped_and_named(cli, tmp_path, monkeypatch):
    import factlint.facts

    monkeypatch.setattr(factlint.facts, "REGEX_TIMEOUT", 0.2)
    folder = folder_with_good_article(tmp_path)
    (folder / "xs.md").write_text("The tally was " + "x" * 3000 + " 35 units.\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(
        "facts:\n  - fact: the tally\n    pattern: '(x+x+)+y(?P<value>\\d+)'\n    value: 3\n    source: s\n", encoding="utf-8")
    run = cli("check", "articles", "--select", "figures,weasel-words", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/xs.md:", "facts.yaml:2", "took more than 0.2 s", "simplify the pattern")
    assert_good_article_checked(run)


# ---------------------------------------------------------------------------
# 4: no article stalls a run: linear scans, bounded windows, the budget
# ---------------------------------------------------------------------------

# The inputs that took seconds to minutes, at a size where the old code took over
# ten seconds on each; now each is analysed well within the default budget.
STALLED = {
    "bangs.txt": "Talks ended" + "!" * 20_000 + "\n",
    "dots.txt": "Talks ended" + "." * 20_000 + "\n",
    "dashes.md": "- " * 20_000 + "\n",
    "lt.html": "<html><body><p>Talks " + "<" * 50_000 + "</p></body></html>\n",
    "comments.md": "<!-- x " * 10_000 + "\n",
    "blank-lines.txt": "Talks ended.\n" + "\n" * 20_000 + "Leaders left Paris.\n",
    "front-matter.md": "---\n" + "".join(f"key{i}: value {i}\n" for i in range(10_000)) + "---\nTalks ended.\n",
    "divs.html": "<div>" * 20_000 + "Talks ended." + "</div>" * 20_000 + "\n",
    "blasts.txt": "".join(f"The blast killed {i % 97 + 2} people.\n" for i in range(2_000)),
    "sentence.txt": "Officials in Paris and Berlin met 12 people on Tuesday while " * 1_700 + ".\n",
}


@pytest.mark.parametrize("name", sorted(STALLED))
def test_4_inputs_that_stalled_a_run_are_analysed_within_the_budget(name):
    result = analyze(name, STALLED[name].encode("utf-8"), CHECKS, Settings())
    assert not result.problems, [str(problem) for problem in result.problems]  # no budget run out, no rule's regex timed out


def test_4_no_sentence_or_paragraph_a_kind_sees_exceeds_its_window():
    from factlint.document import MAX_BLOCK_CHARS, MAX_BLOCK_SENTENCES, MAX_SENTENCE_CHARS

    endless = ("word " * 30_000).strip() + ".\n"  # one 150,000-character sentence
    many = "Talks ended. " * 2_000 + "\n"  # one paragraph of 2,000 sentences
    for text in (endless, many):
        doc = parse_document("a.txt", text.encode())
        assert doc.blocks
        for block in doc.blocks:
            assert len(block.sentences) <= MAX_BLOCK_SENTENCES and block.end - block.start <= MAX_BLOCK_CHARS
            for start, end in block.sentences:
                assert end - start <= MAX_SENTENCE_CHARS
                assert not doc.text[start].isspace() and (end == len(doc.text) or not doc.text[end - 1].isalnum()
                                                          or doc.text[end].isspace())  # cut between words
        covered = " ".join(doc.text[s:e] for s, e, _ in doc.sentences())
        assert covered.split() == doc.text.split()  # every word is in a window


def test_4_a_fact_stated_thousands_of_times_is_compared_in_a_bounded_window():
    from factlint.kinds.base import MAX_PAIRWISE

    checks = [c for c in CHECKS if c.rule.id == "figure-mismatch"]
    # 2,000 sentences, ten to a paragraph (a line and a blank line)
    text = "".join(f"The blast killed {i % 97 + 2} people." + ("\n\n" if i % 10 == 9 else " ") for i in range(2_000))
    report = lint_sources([("a.txt", text.encode())], checks, jobs=1)
    assert not report.errors
    assert 0 < len(report.findings) < MAX_PAIRWISE
    last_compared_line = 2 * (MAX_PAIRWISE // 10) - 1  # the paragraph of the window's last sentence
    assert max(f.location.line for f in report.findings) <= last_compared_line
    assert all(len(f.related) < MAX_PAIRWISE for f in report.findings)


# About 2 s of CPU; a budget of 0.5 s stops it, and is far more than a short article
# takes, its rules' first-use loading included.
SLOW_ARTICLE = ("Leaders from 35 countries met in Paris on Tuesday, officials said. Some analysts believe "
                "the plan could cost $2.5 billion, according to the ministry.\n\n") * 2000
BUDGET = 0.5


def test_4_an_article_over_its_budget_is_one_line_and_the_run_goes_on(cli, tmp_path):
    folder = folder_with_good_article(tmp_path)
    (folder / "slow.txt").write_text(SLOW_ARTICLE, encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text(f"analysis-timeout: {BUDGET}\n", encoding="utf-8")
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/slow.txt: analysis-timeout:", f"more than {BUDGET} s of CPU", "not checked")
    assert_good_article_checked(run)
    (tmp_path / ".factlint.yaml").write_text("analysis-timeout: 0\n", encoding="utf-8")  # 0: no limit
    run = cli("check", "articles", cwd=tmp_path)
    assert "articles/slow.txt:" in run.out and "analysis-timeout" not in run.err


def test_4_the_budget_stops_an_analysis_in_a_thread_too():
    """Dask runs tasks in worker threads, where no signal can be used: a watchdog stops them."""
    results = []
    thread = threading.Thread(target=lambda: results.append(
        analyze("slow.txt", SLOW_ARTICLE.encode(), CHECKS, Settings(analysis_timeout=BUDGET))))
    thread.start()
    thread.join(60)
    [result] = results
    assert result.error is not None and result.error.message.startswith("analysis-timeout:")
    assert analyze("good.md", WEASEL.encode(), CHECKS, Settings(analysis_timeout=BUDGET)).error is None  # the next is fine


@pytest.mark.skipif(sys.platform != "linux" or (len(os.sched_getaffinity(0)) < 2), reason="forked workers: Linux, 2 cores")
def test_4_the_budget_stops_an_analysis_in_a_forked_worker():
    sources = [(f"a{i:02}.md", WEASEL.encode()) for i in range(30)] + [("slow.txt", SLOW_ARTICLE.encode())]
    report = lint_sources(sources, CHECKS, Settings(analysis_timeout=BUDGET), jobs=2)
    assert [str(e).split(" took")[0] for e in report.errors] == ["slow.txt: analysis-timeout: analysing this article"]
    assert len([f for f in report.findings if f.rule == "weasel-words"]) == 30


def test_4_a_rule_regex_that_times_out_names_the_rule(cli, tmp_path, monkeypatch):
    import factlint.kinds.scopes

    monkeypatch.setattr(factlint.kinds.scopes, "REGEX_TIMEOUT", 0.1)
    folder = folder_with_good_article(tmp_path)
    (folder / "xs.md").write_text("x" * 3000 + "\n", encoding="utf-8")
    house_rule(tmp_path / "house", patterns="['(x+x+)+y']", scope="paragraph")
    run = cli("check", "articles", "--rules", "house", "--select", "house,weasel-words", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/xs.md: rule 'house':", "took more than 0.1 s", "house/house.yaml:1")
    assert_good_article_checked(run)


# ---------------------------------------------------------------------------
# 5-8: inputs that aborted the whole run
# ---------------------------------------------------------------------------

NOT_UTF8_NAME = b"caf\xe9.md"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
@pytest.mark.parametrize("format", ["text", "json", "sarif", "github", "junit", "html"])
def test_5_a_file_name_that_is_not_utf8_is_reported_in_every_format(cli, tmp_path, format):
    folder = folder_with_good_article(tmp_path)
    with open(os.path.join(os.fsencode(folder), NOT_UTF8_NAME), "wb") as handle:
        handle.write(WEASEL.encode())
    output = tmp_path / "report"
    run = cli("check", "articles", "--format", format, "--output", str(output), cwd=tmp_path)
    assert run.code == 1 and run.err == ""
    data = output.read_bytes()
    if format in ("json", "sarif"):
        document = json.loads(data)
        assert "caf\\udce9.md" in data.decode("ascii", "replace")
        if format == "json":
            assert os.fsencode(document["findings"][0]["path"]) == b"articles/" + NOT_UTF8_NAME  # the name back
    elif format in ("html", "junit"):
        assert "caf\ufffd.md" in data.decode("utf-8")
    else:
        assert b"articles/" + NOT_UTF8_NAME in data  # the name's own bytes, as ls prints them


def test_6_front_matter_nested_hundreds_of_levels_is_one_line(cli, tmp_path):
    folder = folder_with_good_article(tmp_path)
    (folder / "flow.md").write_text("---\nx: " + "[" * 400 + "]" * 400 + "\n---\nTalks.\n", encoding="utf-8")
    (folder / "block.md").write_text(
        "---\n" + "".join("  " * i + "a:\n" for i in range(400)) + "  " * 400 + "a: 1\n---\nTalks.\n", encoding="utf-8")
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2
    assert sorted(run.err.strip().splitlines()) == [
        "factlint: articles/block.md:2: broken front matter: nested more than 64 levels deep",
        "factlint: articles/flow.md:2: broken front matter: nested too deeply to read",
    ]
    assert_good_article_checked(run)


@pytest.mark.parametrize(("front", "line", "problem"), [
    ("date: 1998-30-06\n", 2, "front matter 'date': '1998-30-06' is not a date (write YYYY-MM-DD)"),
    ('title: "x"\ndate: "next week"\n', 3, "front matter 'date': 'next week' is not a date"),
    ("story: [a, b]\n", 2, "front matter 'story': must be text"),
    ("title: a\ndate: 2025-01-02\ntitle: b\n", 4, "front matter: key 'title' is given twice (first on line 2)"),
])
def test_7_an_unusable_front_matter_value_is_one_line_and_the_article_is_still_checked(cli, tmp_path, front, line, problem):
    folder = folder_with_good_article(tmp_path)
    (folder / "dated.md").write_text(f"---\n{front}---\n{WEASEL}", encoding="utf-8")
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, f"articles/dated.md:{line}:", problem)
    assert "dated.md:" in run.out and "weasel-words" in run.out  # the article itself was checked
    assert_good_article_checked(run)


def test_7_the_unusable_value_is_dropped_not_used():
    doc = parse_document("a.md", b"---\ndate: 2024-02-30\nstory: s1\n---\nTalks.\n")
    assert doc.front_matter == {"story": "s1"}
    assert [str(p) for p in doc.problems] == [
        "a.md:2: front matter 'date': '2024-02-30' is not a date (write YYYY-MM-DD); the article is checked without it"]


def test_8_a_message_with_an_unclosed_brace_is_a_located_rule_error(cli, tmp_path):
    folder_with_good_article(tmp_path)
    house_rule(tmp_path / "house", message='"Avoid {match"')
    run = cli("check", "articles", "--rules", "house", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "house/house.yaml:4:", "rule 'house': message is not a valid template")


def test_a_kind_that_raises_while_reading_loses_one_article_not_the_run(monkeypatch):
    import factlint.linter

    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr(factlint.linter, "parse_document", broken)
    result = analyze("a.md", b"Talks.\n", CHECKS, Settings())
    assert str(result.error) == "a.md: internal error: ValueError: boom"


# ---------------------------------------------------------------------------
# The smaller ones
# ---------------------------------------------------------------------------


def test_a_file_given_twice_however_spelt_is_one_article(cli, tmp_path):
    folder = folder_with_good_article(tmp_path)
    (folder / "link.md").symlink_to("good.md")
    run = cli("check", "articles/good.md", "./articles/good.md", str(folder / "good.md"), "articles", cwd=tmp_path)
    assert run.code == 1
    assert run.out.count("weasel-words") == 1 and "reused-passage" not in run.out
    assert "in 1 file" in run.out


def test_a_nul_byte_after_the_first_8_kib_is_binary(cli, tmp_path):
    folder = folder_with_good_article(tmp_path)
    (folder / "late-nul.txt").write_bytes(b"Talks ended.\n" * 1000 + b"\x00 trailer\n")
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/late-nul.txt:1001:", "binary file (contains NUL bytes)")


@pytest.mark.parametrize(("data", "said"), [
    ("\ufeffTalks ended.\n".encode("utf-16-le"), "UTF-16 text (it starts with a UTF-16 byte order mark)"),
    ("\ufeffTalks ended.\n".encode("utf-16-be"), "UTF-16 text (it starts with a UTF-16 byte order mark)"),
    ("\ufeffTalks ended.\n".encode("utf-32-le"), "UTF-32 text"),
    ("Talks ended in Paris on Tuesday.\n".encode("utf-16-le"), "UTF-16 text (every other byte is NUL)"),
])
def test_utf16_is_named_and_asked_for_as_utf8(cli, tmp_path, data, said):
    folder = folder_with_good_article(tmp_path)
    (folder / "wide.txt").write_bytes(data)
    run = cli("check", "articles", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/wide.txt:", said, "save the file as UTF-8")


def test_lone_cr_line_ends_are_line_ends(cli, tmp_path):
    (tmp_path / "mac.txt").write_bytes(b"Talks ended in Paris.\r\rThe plan was agreed.\rCritics say the plan is weak.\r")
    run = cli("check", "mac.txt", "--format", "json", cwd=tmp_path)
    [finding] = json.loads(run.out)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("weasel-words", 4, 1)


def test_absolute_corpus_paths_are_served_by_the_folder_state(cli, tmp_path, monkeypatch):
    from factlint.engine import folder as folder_engine

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setattr(folder_engine, "MIN_ARTICLES", 0)
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    target = folder / "003_c89cddc9c1940466.txt"
    served = []
    real_check = folder_engine.FolderState.check_files
    monkeypatch.setattr(folder_engine.FolderState, "check_files",
                        lambda *a: served.append(report := real_check(*a)) or report)
    expected = cli("check", "--corpus", "articles", "articles/003_c89cddc9c1940466.txt", "--format", "json", cwd=tmp_path)
    for spelling in (str(target), "./articles/003_c89cddc9c1940466.txt"):
        for corpus in (str(folder), "articles", "./articles/"):
            cli("check", "--corpus", corpus, spelling, cwd=tmp_path)  # builds this spelling's state if need be
            served.clear()
            run = cli("check", "--corpus", corpus, spelling, "--format", "json", cwd=tmp_path)
            assert run.code == expected.code and run.err == ""
            assert served and served[-1] is not None, (corpus, spelling)  # the state served it
            assert _findings(run.out) == _findings(expected.out)
            assert {f["path"] for f in json.loads(run.out)["findings"]} & {spelling}  # the target shown as given


def _findings(out: str) -> list:
    """The findings, each path by its file name (the corpus's own articles are spelt as --corpus is)."""
    return sorted((os.path.basename(f["path"]), f["line"], f["rule"], f["message"]) for f in json.loads(out)["findings"])


def test_config_path_is_shown_as_given(cli, tmp_path):
    run = cli("check", ".", "--config", "/nonexistent/factlint.yaml", cwd=tmp_path)
    assert run.err == "factlint: /nonexistent/factlint.yaml: config file does not exist\n"


def test_4_a_rule_stops_after_its_most_findings_in_one_article(cli, tmp_path):
    from factlint.linter import MAX_FINDINGS_PER_RULE

    folder = folder_with_good_article(tmp_path)
    (folder / "many.txt").write_text("Critics say it. " * (MAX_FINDINGS_PER_RULE + 50) + "\n", encoding="utf-8")
    run = cli("check", "articles", "--select", "weasel-words", "--format", "json", cwd=tmp_path)
    assert run.code == 2
    assert_one_line_naming(run, "articles/many.txt:", f"rule 'weasel-words' found more than {MAX_FINDINGS_PER_RULE:,}")
    findings = json.loads(run.out)["findings"]
    assert len([f for f in findings if f["path"] == "articles/many.txt"]) == MAX_FINDINGS_PER_RULE
    assert any(f["path"] == "articles/good.md" for f in findings)


def test_4_an_excerpt_on_an_endless_line_looks_only_near_its_span():
    doc = parse_document("a.txt", ("word " * 200_000 + "Critics say it.\n").encode())
    start = doc.text.index("Critics")
    # the window is the 120 characters before the span's end: the line's 1 MB beginning is not read
    assert doc.context(start, start + 11) == "..." + " ".join(("word " * 21).split()) + " Critics say it."
