"""The duplicates kind: repeats inside an article, passages reused across articles."""

from __future__ import annotations

import pickle
import re
import sys
from pathlib import Path

import pytest

from factlint.document import parse_document
from factlint.errors import FactlintError
from factlint.linter import lint_sources
from factlint.ruleset import builtin_rules_dir, compile_rules, parse_rule
from factlint.yamlio import load_yaml_file
from tests.conftest import SEEDS

SEED_003 = SEEDS / "003_c89cddc9c1940466.txt"


def _rule(rule_id: str, **overrides):
    path = builtin_rules_dir() / f"{rule_id}.yaml"
    rule = parse_rule(load_yaml_file(str(path)), str(path))
    rule.params.update(overrides)
    return rule


def findings(texts: str | dict[str, str], rule_id: str = "duplicate-passage", **overrides):
    """Findings of one duplicates rule on an article (a text) or a folder (name -> text)."""
    sources = {"article.md": texts} if isinstance(texts, str) else texts
    report = lint_sources(
        [(name, text.encode("utf-8")) for name, text in sorted(sources.items())], compile_rules([_rule(rule_id, **overrides)])
    )
    assert not report.errors, [str(e) for e in report.errors]
    return report.findings


LEDE = "Leaders of European countries met in Paris on Tuesday and agreed security guarantees for Kyiv after a ceasefire."
SECOND = "The United States will lead a truce monitoring mission, while Britain plans military hubs across Ukraine."
THIRD = "Russia has rejected any deployment of Western troops and says the plan cannot work without its consent."


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


# -- inside one article: seed 003 ---------------------------------------------------


def test_seed_003_is_one_finding_over_the_whole_repeated_body():
    lines = SEED_003.read_text(encoding="utf-8").split("\n")
    (finding,) = findings({str(SEED_003): SEED_003.read_text(encoding="utf-8")})
    location = finding.location
    assert (location.line, location.column, location.end_line, location.end_column) == (9, 1, 15, len(lines[14]))
    assert finding.message == "Lines 9-15 repeat lines 2-8 of this article word for word"
    assert finding.severity == "warning" and finding.kind == "duplicates"
    (related,) = finding.related
    assert (related.location.line, related.location.column, related.location.end_line) == (2, 1, 8)
    assert related.location.end_column == len(lines[7])
    assert related.message == "first stated here"
    assert finding.excerpt.startswith("In a major breakthrough, Ukraine's Western allies")


# -- inside one article: what counts as a repeat ---------------------------------------


QUOTED = 'The minister said "the guarantees are robust and will hold for as long as the ceasefire lasts" on Tuesday.'
POSSESSIVE = "Europe's leaders met in Paris on Tuesday and agreed security guarantees for Ukraine's future."


@pytest.mark.parametrize(
    ("first", "copy"),
    [
        (LEDE, LEDE.upper()),
        (LEDE, LEDE.replace(" ", "   ")),
        (LEDE, LEDE.replace(",", "").replace(".", "!")),
        (QUOTED, QUOTED.replace('"the', "“the").replace('lasts"', "lasts”")),
        (POSSESSIVE, POSSESSIVE.replace("'", "’")),
    ],
    ids=["case", "whitespace", "punctuation", "curly-quotes", "apostrophes"],
)
def test_repeats_that_differ_by_form_only_are_word_for_word(first, copy):
    (finding,) = findings(article(first, SECOND, copy))
    assert finding.message == "Line 5 repeats line 1 of this article word for word"


@pytest.mark.parametrize(
    "copy",
    [
        LEDE.replace("agreed", "approved"),  # a word changed
        LEDE.replace("agreed security", "agreed firm security"),  # a word added
        LEDE.replace(" after a ceasefire", " after ceasefire"),  # a word dropped
    ],
    ids=["changed", "added", "dropped"],
)
def test_lightly_edited_repeats_are_reported_with_their_similarity(copy):
    (finding,) = findings(article(LEDE, SECOND, copy))
    match = re.fullmatch(r"Line 5 repeats line 1 of this article almost word for word \((\d+)% similar\)", finding.message)
    assert match and 85 <= int(match.group(1)) < 100
    assert not finding.fixes  # edited repeats are reported, never rewritten


def test_a_run_of_repeated_paragraphs_is_one_finding():
    text = article("Ceasefire talks", LEDE, SECOND, THIRD, "Officials were cautious on Wednesday.", LEDE, SECOND, THIRD)
    (finding,) = findings(text)
    assert finding.message == "Lines 11-15 repeat lines 3-7 of this article word for word"


def test_a_repeated_section_with_its_heading_is_one_finding():
    text = article("## The deal", LEDE, SECOND, "## Reactions", THIRD, "## The deal", LEDE, SECOND)
    (finding,) = findings(text)
    assert (finding.location.line, finding.location.end_line) == (13, 15)
    assert (finding.related[0].location.line, finding.related[0].location.end_line) == (3, 5)


def test_a_sentence_repeated_inside_another_paragraph():
    text = article(f"{LEDE} {SECOND}", f"Officials were cautious. {LEDE} Talks resume next week.")
    (finding,) = findings(text)
    assert finding.message == "This sentence repeats one on line 1 of this article word for word"
    assert (finding.location.line, finding.location.column) == (3, len("Officials were cautious. ") + 1)
    assert finding.excerpt.startswith("Officials were cautious. Leaders") or finding.excerpt.startswith(LEDE[:30])


def test_consecutive_repeated_sentences_are_one_finding():
    text = article(f"{LEDE} {SECOND} {THIRD}", f"Officials were cautious. {SECOND} {THIRD}")
    (finding,) = findings(text)
    assert finding.message.startswith("These 2 sentences repeat ones on line 1")


def test_three_copies_report_each_later_one_against_the_first():
    found = findings(article(LEDE, LEDE, LEDE))
    assert [(f.location.line, f.related[0].location.line) for f in found] == [(3, 1), (5, 1)]


# -- inside one article: what it leaves alone ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        article("## What's Next?", LEDE, "## What's Next?", SECOND),
        article("KYIV (AP) -", LEDE, "KYIV (AP) -", SECOND),
        article("AP/ABC", LEDE, "AP/ABC", SECOND),
        article("By Jane Smith, staff writer", LEDE, "By Jane Smith, staff writer", SECOND),
        article(LEDE, f"> {LEDE}", SECOND),
        article(
            "The minister said in a statement on Tuesday that the talks in Paris had gone well.",
            "The opposition leader said in a statement on Tuesday that he would vote against the budget.",
        ),
        article(
            "The average yield on the three-month bills was the highest since 5.66 pct on Feb 17.",
            "The average yield on the six-month bills was the highest since 5.70 pct on Feb 17.",
        ),
        article(
            "Third quarter revenue rose 12 percent to 4.5 billion dollars and profit rose 8 percent to 310 million dollars.",
            "Nine month revenue rose 9 percent to 12.8 billion dollars and profit rose 5 percent to 905 million dollars.",
        ),
        article(
            "Sun Co said it raised the contract price it will pay for all grades of crude oil by 50 cts a barrel.",
            "Citgo Petroleum Corp said it raised the contract price it will pay for all grades of crude oil by 50 cts a barrel.",
        ),
        article(
            "Successful bidders and the price per barrel, according to the department, were as follows:",
            "Table one",
            "Successful bidders and the price per barrel, according to the department, were as follows:",
        ),
        article(
            "Note - World imports and exports may not balance due to differing marketing years.",
            "Wheat 12.5 13.1",
            "Note - World imports and exports may not balance due to differing marketing years.",
        ),
    ],
    ids=[
        "heading", "dateline", "credit", "byline", "pull-quote", "common-phrase", "parallel-figures",
        "template-results", "other-company", "list-lead-in", "table-note",
    ],
)
def test_left_alone(text):
    assert findings(text) == []


def test_a_spelling_fix_in_a_long_repeat_is_still_a_repeat():
    first = f"{LEDE} Reidgefield officials said the {SECOND[4:]}"
    copy = f"{LEDE} Ridgefield officials said the {SECOND[4:]}"
    (finding,) = findings(article(first, THIRD, copy))
    assert "almost word for word" in finding.message


def test_thresholds_are_rule_parameters():
    edited = article(LEDE, SECOND, LEDE.replace("agreed", "approved"))
    assert findings(edited, similarity=0.99) == []
    assert findings(article("Leaders met in Paris.", SECOND, "Leaders met in Paris."), min_words=3, min_sentence_words=3)
    assert findings(article("Leaders met in Paris.", SECOND, "Leaders met in Paris.")) == []


def test_bad_parameters_are_rule_errors(tmp_path):
    path = tmp_path / "bad.yaml"
    text = (builtin_rules_dir() / "duplicate-passage.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("similarity: 0.85", "similarity: 1.5"), encoding="utf-8")
    with pytest.raises(FactlintError, match="similarity"):
        parse_rule(load_yaml_file(str(path)), str(path))
    path.write_text(text.replace("exceptions:\n", "exceptions:\n  - '[unclosed'\n"), encoding="utf-8")
    with pytest.raises(FactlintError, match="exceptions"):
        compile_rules([parse_rule(load_yaml_file(str(path)), str(path))])


# -- across articles ---------------------------------------------------------------------------

SHARED = (
    "Leaders from European countries, Canada and the United States met in Paris on Tuesday and agreed "
    "security guarantees for Ukraine, including a monitoring mission led by the United States and a "
    "multinational force to be deployed after a ceasefire in Russia's war against its neighbour."
)


def dated(date: str, *paragraphs: str) -> str:
    return f"---\ndate: {date}\n---\n" + article(*paragraphs)


def test_a_reused_passage_is_reported_once_at_the_later_article():
    found = findings(
        {
            "a.md": dated("2024-03-02", "Markets rose on Wednesday as investors cheered the news.", SHARED),
            "b.md": dated("2024-03-01", SHARED, "The talks lasted six hours and ended late at night."),
        },
        "reused-passage",
    )
    (finding,) = found
    assert finding.path == "a.md" and finding.severity == "info"
    assert finding.message == "Line 6 repeats line 4 of b.md word for word"
    assert finding.related[0].location.path == "b.md"
    assert finding.related[0].message == "earlier copy of the passage"


def test_without_dates_path_order_decides_which_is_later():
    texts = {
        "2024/a.md": article("Markets rose on Wednesday as investors cheered the news.", SHARED),
        "2024/b.md": article(SHARED.replace("agreed", "approved"), "The talks lasted six hours."),
    }
    (finding,) = findings(texts, "reused-passage")
    assert finding.path == "2024/b.md" and finding.related[0].location.path == "2024/a.md"
    assert "almost word for word" in finding.message


def test_one_date_missing_falls_back_to_path_order():
    texts = {"a.md": article("Markets rose.", SHARED), "b.md": dated("2020-01-01", SHARED, "The talks lasted six hours.")}
    (finding,) = findings(texts, "reused-passage")
    assert finding.path == "b.md"


def test_near_identical_articles_are_one_finding_over_the_whole_article():
    original = dated("2024-03-01", "Ceasefire talks", SHARED, SECOND, THIRD)
    edited = dated("2024-03-02", "Ceasefire talks", SHARED.replace("Tuesday and agreed", "Tuesday, agreeing"), SECOND, THIRD)
    (finding,) = findings({"x.md": edited, "y.md": original}, "reused-passage")
    assert finding.path == "x.md"
    assert re.fullmatch(r"This article repeats all of y\.md almost word for word \(\d+% similar\)", finding.message)
    assert (finding.location.line, finding.location.end_line) == (4, 10)
    assert finding.related[0].message == "earlier copy of the article"


def test_identical_files_are_reported_even_without_paragraphs():
    notice = "Qtly div 20 cts vs 20 cts previously\nPay April 15\nRecord March 23\n"
    (finding,) = findings({"a.txt": notice, "b.txt": notice}, "reused-passage")
    assert finding.path == "b.txt" and finding.message == "This article repeats all of a.txt word for word"
    assert (finding.location.line, finding.location.end_line) == (1, 3)
    assert findings({"a.txt": "Leaders met.\n", "b.txt": "Leaders met.\n"}, "reused-passage") == []  # stubs


@pytest.mark.parametrize(
    "texts",
    [
        {  # two outlets quoting the same statement have not copied each other
            "a.md": article(
                "The governor spoke at the church on Sunday.",
                '"Whatever the motives of the arsonist, the governor has faith in the scriptural passage that what was '
                'intended for evil will in some way be used for good," her spokesman said.',
            ),
            "b.md": article(
                "Investigators are looking for the arsonist.",
                '"Whatever the motives of the arsonist, the governor has faith in the scriptural passage that what was '
                'intended for evil will in some way be used for good," McAllister said.',
            ),
        },
        {  # one template, another company
            "a.txt": "Micropolis Corp said it filed with the Securities and Exchange Commission a registration statement "
            "covering a 75 mln dlr issue of convertible subordinated debentures due 2012.\n",
            "b.txt": "MTech Corp said it filed with the Securities and Exchange Commission a registration statement "
            "covering a 75 mln dlr issue of convertible subordinated debentures due 2012.\n",
        },
        {  # one template, another day's figures
            "a.txt": "The Federal Reserve entered the U.S. Government securities market to arrange 1.5 billion dlrs of "
            "customer repurchase agreements. Dealers said Federal funds were trading at 6-1/4 pct when the Fed began.\n",
            "b.txt": "The Federal Reserve entered the U.S. Government securities market to arrange 1.5 billion dlrs of "
            "customer repurchase agreements. Dealers said Federal funds were trading at 6-3/16 pct when the Fed began.\n",
        },
        {  # unrelated stories sharing a common phrase
            "a.md": article("Leaders met in Paris on Tuesday, the French president said in a statement on Tuesday night."),
            "b.md": article("Farm ministers met in Brussels on Monday, the Irish minister said in a statement on Monday night."),
        },
    ],
    ids=["shared-quotation", "template-name", "template-figures", "common-phrase"],
)
def test_left_alone_across_articles(texts):
    assert findings(texts, "reused-passage") == []


def test_stock_phrasing_found_in_many_articles_is_ignored():
    boilerplate = (
        "The company said the proceeds will be used for general corporate purposes including the repayment of "
        "debt and the financing of acquisitions in the United States and Europe over the coming years."
    )
    openings = [
        "Markets rose sharply on the news.", "The weather stayed cold all week.", "Shares fell in early trading.",
        "The board met behind closed doors.", "Analysts had expected a loss.", "The deal surprised rivals.",
        "Workers went on strike in the spring.", "The plant reopened after repairs.", "Sales slowed over the summer.",
        "The chief executive resigned suddenly.", "Regulators approved the merger.", "The bid was raised again.",
    ]
    texts = {f"{n:02d}.md": article(opening, boilerplate) for n, opening in enumerate(openings)}
    assert findings(texts, "reused-passage") == []
    assert len(findings(dict(list(texts.items())[:3]), "reused-passage")) == 2


def test_the_same_folder_gives_the_same_findings_byte_for_byte():
    texts = {
        "a.md": article("Markets rose on Wednesday as investors cheered the news.", SHARED),
        "b.md": article(SHARED, THIRD),
        "c.md": article(SHARED.replace("Tuesday", "Monday"), SECOND),
    }
    first = [(f.path, f.location, f.message, f.related) for f in findings(texts, "reused-passage")]
    assert first and first == [(f.path, f.location, f.message, f.related) for f in findings(texts, "reused-passage")]


def test_extracts_keep_codes_not_text():
    """Across a large folder only the extracts stay in memory: far smaller than the articles."""
    text = SEED_003.read_text(encoding="utf-8")
    check = compile_rules([_rule("reused-passage")])[0]
    extract = check.extract(parse_document("seed.txt", text.encode("utf-8")))
    in_memory = sys.getsizeof(extract) + sum(sys.getsizeof(field) for field in extract)
    assert in_memory < 0.7 * sys.getsizeof(text)
    assert b"Coalition of the Willing" not in pickle.dumps(extract)


def test_in_article_rule_has_no_folder_phase_and_folder_rule_no_article_phase():
    article_check, folder_check = compile_rules([_rule("duplicate-passage"), _rule("reused-passage")])
    assert not article_check.CROSS_ARTICLE and folder_check.CROSS_ARTICLE
    doc = parse_document("a.md", article(LEDE, LEDE).encode("utf-8"))
    assert list(folder_check.check(doc)) == [] and article_check.extract(doc) is None


def test_repeats_in_html_are_reported_at_the_right_lines():
    html = f"<html><body>\n<p>{LEDE}</p>\n<p>{SECOND}</p>\n<p>{LEDE}</p>\n</body></html>\n"
    (finding,) = findings({"page.html": html})
    assert (finding.location.line, finding.related[0].location.line) == (4, 2)
    assert not finding.fixes  # the markup around the copy is not ours to rewrite


def test_rule_files_exist_for_both_scopes():
    assert {p.name for p in Path(builtin_rules_dir()).glob("*.yaml")} >= {"duplicate-passage.yaml", "reused-passage.yaml"}
