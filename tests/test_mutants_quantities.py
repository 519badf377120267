"""Quantity extraction at its edges (the mutation campaign of issue 22): what each reading
step decides on sentence shapes from wire and web copy (Reuters tables and briefs, agency
reports of disasters and trials, tokenized ECB+ text), and the module's command line.

Every expected value below was worked out from the sentence, as a copy editor reads it,
not copied from the output."""

from __future__ import annotations

import json
import re

import pytest

from factlint.quantities import _main, extract_quantities


def qs(text: str, **kw: bool):
    found = extract_quantities(text, **kw)
    for q in found:  # offsets always index the text
        assert text[q.start:q.end] == q.text
    return found


def one(text: str, **kw: bool):
    found = qs(text, **kw)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------
# The command line: `python -m factlint.quantities FILE...` and `--bench`

def test_the_command_line_shows_each_figure_of_a_text_file(tmp_path, capsys):
    story = tmp_path / "brief.txt"
    story.write_text("Nearly 800,000 troops took part.\nA 33-year-old man was among 20 to 30 people hurt.\n",
                     encoding="utf-8")
    assert _main([str(story)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # path:offset, the text as a repr, the range (one value when exact), qualifier, kind/unit, thing, role
    assert lines == [
        f"{story}:0\t'Nearly 800,000'\t720000..800000\tnearly\tcount/count\ttroop\tlevel",
        f"{story}:61\t'20 to 30'\t20..30\tbetween\tcount/count\tperson\tlevel",
    ]


def test_the_command_line_reads_ages_only_when_asked(tmp_path, capsys):
    story = tmp_path / "court.txt"
    story.write_text("Tara Reid, 33, checked in with 2 friends.", encoding="utf-8")
    assert _main([str(story), "--ages"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{story}:11\t'33'\t33\t-\tage/year\t-\tlevel",
        f"{story}:31\t'2'\t2\t-\tcount/count\tfriend\tlevel",
    ]
    assert _main([str(story)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{story}:31\t'2'\t2\t-\tcount/count\tfriend\tlevel"]


def test_the_command_line_reads_the_bodies_of_a_jsonl_file(tmp_path, capsys):
    wire = tmp_path / "wire.jsonl"
    records = [{"title": "BAHIA COCOA REVIEW", "body": "Arrivals were 155,221 bags."},
               {"title": "NO BODY"},
               {"title": "EMPTY", "body": ""},
               {"body": "Shr 41 cts vs 39 cts"}]
    wire.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert _main([str(wire)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{wire}:14\t'155,221'\t155221\t-\tcount/count\tbag\tlevel",
        f"{wire}:4\t'41 cts'\t0.41\t-\tmoney/USD\t-\tlevel",
        f"{wire}:14\t'39 cts'\t0.39\t-\tmoney/USD\t-\tprevious",
    ]


def test_the_benchmark_counts_documents_words_and_figures_of_both_corpora(tmp_path, capsys):
    corpora = tmp_path / "corpora"
    (corpora / "ecbplus-dev" / "1_ecb").mkdir(parents=True)
    (corpora / "ecbplus-dev" / "2_ecbplus").mkdir(parents=True)
    (corpora / "reuters21578.jsonl").write_text(
        json.dumps({"body": "Net 30.5 mln dlrs vs 25 mln dlrs"}) + "\n" + json.dumps({"title": "no body"}) + "\n"
        + json.dumps({"body": "It shipped 118,350 tonnes of sugar."}) + "\n", encoding="utf-8")
    (corpora / "ecbplus-dev" / "1_ecb" / "1.txt").write_text("Tara Reid checked in to rehab .", encoding="utf-8")
    (corpora / "ecbplus-dev" / "2_ecbplus" / "3.txt").write_text("A 6.1 magnitude quake killed 35 people .",
                                                                 encoding="utf-8")
    (corpora / "ecbplus-dev" / "stray.txt").write_text("99 balloons", encoding="utf-8")  # not in a sub-topic
    assert _main(["--bench", "--corpora", str(corpora)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    number = r"(\d[\d,]*\.\d\d) s CPU, (\d[\d,]*) words/s"
    reuters = re.fullmatch(r"reuters21578: 2 docs, 14 words, 3 quantities, " + number, out[0])
    ecb = re.fullmatch(r"ecbplus-dev: 2 docs, 15 words, 2 quantities, " + number, out[1])
    assert reuters and ecb, out
    for found, words in ((reuters, 14), (ecb, 15)):
        seconds, rate = float(found.group(1)), int(found.group(2).replace(",", ""))
        assert seconds < 1.0 and rate > words  # words over the best of three timings, each well under a second
