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
    assert finding.message == "1 paragraph, 83% of this article, also in b.md, filed 1 day earlier, word for word"
    assert (finding.location.line, finding.location.end_line) == (6, 6)
    assert finding.related[0].location.path == "b.md"
    assert (finding.related[0].location.line, finding.related[0].location.end_line) == (4, 4)
    assert finding.related[0].message == "earlier copy of the passage (line 4)"


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
    assert re.fullmatch(r"The whole article, also in y\.md, filed 1 day earlier, almost word for word \(\d+% similar\)", finding.message)
    assert (finding.location.line, finding.location.end_line) == (4, 10)
    assert finding.related[0].message == "earlier copy of the article"


def test_identical_files_are_reported_even_without_paragraphs():
    notice = "Qtly div 20 cts vs 20 cts previously\nPay April 15\nRecord March 23\n"
    (finding,) = findings({"a.txt": notice, "b.txt": notice}, "reused-passage")
    assert finding.path == "b.txt" and finding.message == "The whole article, also in a.txt, word for word"
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


# -- across articles: shorter and lightly edited passages, wherever they stand -----------------

RATE = (  # 26 words
    "The central bank raised its lending rate by half a point on Thursday, its third increase this year, "
    "citing stubborn inflation in food and energy prices."
)
FILLER_A = (
    "Farmers in the north said the harvest had come in late after a wet spring and a cold start to the summer months.",
    "The regional museum reopened its east wing after two years of repairs paid for by a private donor and the city.",
    "A new ferry service between the two islands will run twice a day from May, the transport office announced.",
    "Teachers voted to accept the pay offer, ending a dispute that had closed dozens of schools for most of the winter.",
)
FILLER_B = (
    "Shares in the country's largest carmaker slipped after it cut its forecast for deliveries in the second half.",
    "The opposition said it would table a motion of no confidence when parliament returns from its summer recess.",
    "Heavy snow closed the mountain pass for a third day, stranding hundreds of lorries on both sides of the border.",
    "The national orchestra named a new principal conductor, its first from outside Europe in more than a century.",
)


@pytest.mark.parametrize(
    "copy",
    [
        RATE,
        RATE.replace(" stubborn", ""),  # a word dropped: 25 words left
        RATE.replace("raised its lending", "raised its key lending"),  # a word added
        RATE.replace("citing stubborn", "blaming stubborn"),  # a word changed
        RATE.replace(" stubborn", "").replace("this year", "so far this year"),  # edits at two places
        RATE.replace(",", "").replace(".", "!"),  # punctuation
    ],
    ids=["exact", "dropped", "added", "changed", "two-edits", "punctuation"],
)
def test_a_passage_of_min_words_is_found_exact_or_lightly_edited_wherever_it_stands(copy):
    """The source has it last, the copy first: aligning whole articles let their other words outweigh it."""
    texts = {
        "a.md": dated("2024-03-01", *FILLER_A, RATE),
        "b.md": dated("2024-03-03", copy, *FILLER_B),
    }
    (finding,) = findings(texts, "reused-passage")
    assert finding.path == "b.md" and (finding.location.line, finding.location.end_line) == (4, 4)
    assert (finding.related[0].location.path, finding.related[0].location.line) == ("a.md", 12)
    assert finding.message.startswith("1 paragraph, ") and ", also in a.md, filed 2 days earlier, " in finding.message


def test_a_copy_that_drops_the_clause_its_source_ends_with_is_found_over_its_sentences():
    source = (
        "The president appeared on television to assure the public that officials do not expect harmful amounts of "
        "radiation to reach the country. He also said the government was offering any help it could provide, and "
        "said he was asking for a full review of the safety of every nuclear plant in the country."
    )
    copy = source.split(", and said he")[0] + "."
    texts = {"a.md": dated("2024-03-01", *FILLER_A[:2], source), "b.md": dated("2024-03-02", FILLER_B[0], copy, FILLER_B[1])}
    (finding,) = findings(texts, "reused-passage")
    match = re.fullmatch(
        r"1 paragraph, \d+% of this article, also in a\.md, filed 1 day earlier, "
        r"in part \(a stretch of (\d+) words; the sentences are (\d+)% similar\)", finding.message
    )
    assert match and int(match.group(1)) == len(copy.split()) and 70 <= int(match.group(2)) < 80  # the source has a clause more
    assert (finding.related[0].location.line, finding.related[0].location.end_line) == (8, 8)  # the source's sentences


def test_a_passage_shorter_than_min_words_is_not_reuse():
    short = RATE.split(", its third")[0] + "."  # 13 words
    texts = {"a.md": dated("2024-03-01", *FILLER_A, short), "b.md": dated("2024-03-03", short, *FILLER_B)}
    assert findings(texts, "reused-passage") == []
    assert findings(texts, "reused-passage", min_words=10)  # the length is the rule's to set


def test_figures_written_another_way_are_the_same_words():
    source = (
        "Customs officers seized 9,408 kilograms of cocaine worth 1.2 billion dollars at the port last month, the "
        "largest haul on record, and arrested eleven crew members of a freighter from Ecuador."
    )
    copy = source.replace("9,408", "9408").replace("1.2 billion dollars", "1.2 bln dollars")
    texts = {"a.md": dated("2024-03-01", FILLER_A[0], source), "b.md": dated("2024-03-02", copy, FILLER_B[0])}
    (finding,) = findings(texts, "reused-passage")
    assert finding.message.endswith("also in a.md, filed 1 day earlier, word for word")


# -- across articles: quotations, within a story and across stories -------------------------------

QUOTE = (
    '"We will not rest until every family has a roof over its head before the winter comes, and we will rebuild '
    'the bridges, the schools and the clinics that the water took from us," the governor said.'
)

FLOODS_ARTICLE = article(
    "Floods swept through Tarnow and Nowy Sacz on Monday after the Dunajec burst its banks, said Governor Anna Nowak.",
    QUOTE,
    "Rescuers from Krakow and Rzeszow worked through the night, and the Polish army sent helicopters to Tarnow.",
)


def test_a_quotation_shared_within_a_story_is_not_reuse():
    """Outlets quoting one speaker on one event name its people and places too."""
    texts = {
        "a.md": FLOODS_ARTICLE,
        "b.md": article(
            "Governor Anna Nowak visited Nowy Sacz, where the Dunajec flooded hundreds of homes, a day after Tarnow was hit.",
            QUOTE,
            "Volunteers from Krakow brought food, while the Polish army flew helicopters over Rzeszow and Tarnow.",
        ),
    }
    assert findings(texts, "reused-passage") == []


def test_a_quotation_lifted_into_another_story_is_reuse():
    """A paragraph of quotation pasted into an unrelated story: a classic paste error."""
    texts = {
        "a.md": FLOODS_ARTICLE,
        "b.md": article(
            "Real Madrid beat Liverpool at the Bernabeu on Saturday, with Vinicius and Bellingham scoring for Ancelotti's side.",
            QUOTE,
            "Salah missed a penalty for Liverpool before Modric and Kroos took control of midfield for Madrid in La Liga.",
        ),
    }
    (finding,) = findings(texts, "reused-passage")
    assert finding.path == "b.md" and finding.location.line == 3
    assert finding.related[0].location.path == "a.md" and finding.related[0].location.line == 3


def test_front_matter_story_labels_decide_whether_a_shared_quotation_is_reuse():
    first = labelled("floods", "The water rose overnight.", QUOTE)
    assert findings({"a.md": first, "b.md": labelled("floods", "Rain fell again.", QUOTE)}, "reused-passage") == []
    (finding,) = findings({"a.md": first, "b.md": labelled("football", "The match was won late.", QUOTE)}, "reused-passage")
    assert finding.path == "b.md"


def test_the_narrative_around_a_shared_quotation_is_still_compared_within_a_story():
    told = (
        "The governor, who toured the flooded villages by helicopter on Monday and met rescuers from three regions "
        "at the town hall, told reporters that the army would stay for as long as it was needed."
    )
    texts = {
        "a.md": article("Floods hit the south of the country.", f'{told} "We will rebuild," she said.'),
        "b.md": article("Rain kept falling across the region.", f'{told} "Nothing will stop us," she added.'),
    }
    (finding,) = findings(texts, "reused-passage")
    assert finding.path == "b.md"


STATEMENT = (
    "The board apologizes for the inaccurate names that were mistakenly confirmed as those of the crew of flight 214, "
    "which landed short of the runway on Saturday. An intern acted outside the scope of his authority when he confirmed them."
)


def labelled(story: str, *paragraphs: str) -> str:
    return f"---\nstory: {story}\n---\n" + article(*paragraphs)


def test_a_statement_set_off_after_a_colon_is_a_quotation_within_a_story():
    """One outlet prints the statement whole, another sets it off after 'said in a statement:'."""
    printed = labelled("crash", "Safety board statement on the crew names", STATEMENT)
    quoted = labelled("crash", "The safety board apologized on Friday, saying in a statement:", STATEMENT, "The airline declined to comment.")
    assert findings({"a.md": printed, "b.md": quoted}, "reused-passage") == []
    lifted = labelled("budget", "The finance minister presented the budget on Friday.", STATEMENT)
    (finding,) = findings({"a.md": printed, "b.md": lifted}, "reused-passage")  # in another story it is reuse
    assert finding.path == "b.md"


def test_a_list_after_a_colon_is_no_quotation():
    items = (
        "Shares in a registered public offering where all facts connected with the company's capital structure "
        "are clearly spelled out in the prospectus, and shares issued in connection with a merger or acquisition."
    )
    first = labelled("rules", "The association proposed a uniform rule on voting rights on Monday.", "Exceptions would include:", items)
    second = labelled("rules", "The exchange said it would study the proposal.", "Exceptions would include:", items)
    (finding,) = findings({"a.md": first, "b.md": second}, "reused-passage")
    assert finding.path == "b.md"


# -- across articles: stock phrasing and templates are not reuse -----------------------------------

EUROBOND = (
    "{issuer} is issuing a {size} billion yen eurobond due {due} paying {coupon} pct and priced at {price} pct, lead "
    "manager {manager} said.\n\nThe non-callable bond is available in denominations of one mln yen and will be listed "
    "in Luxembourg. The selling concession is 1-1/4 pct while management and underwriting combined pays 5/8 pct.\n\n"
    "The payment date is {payment}.\n"
)


def test_two_stories_told_from_one_wire_template_are_not_reuse():
    """The wire's stock phrasing of a eurobond's terms, other issuers and figures in its places."""
    texts = {
        "a.txt": EUROBOND.format(issuer="Caisse Nationale des Autoroutes", size=12, due="March 31, 1994", coupon="5-1/8",
                                 price=102, manager="Mitsubishi Trust International Ltd", payment="March 31"),
        "b.txt": EUROBOND.format(issuer="A unit of Banca Nazionale del Lavoro", size=15, due="May 12, 1992",
                                 coupon="4-1/2", price="101-1/2", manager="Daiwa Europe Ltd", payment="May 11"),
    }
    assert findings(texts, "reused-passage") == []


# -- across articles: scraped pages and furniture are the scraped-copy rules' ----------------------

TWEET_PAGE = (
    "Tweet with a location\n\nYou can add location information to your Tweets, such as your city or precise location, "
    "from the web and via third-party applications. You always have the option to delete your Tweet location "
    "history. Learn more\n"
)
SIGN_UP = (
    "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. "
    "Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You will receive "
    "emails containing news content, updates and promotions from The Daily Paper. You may opt-out at any time."
)


def test_pages_that_are_not_articles_are_not_reported_as_reuse():
    assert findings({"a.txt": TWEET_PAGE, "b.txt": TWEET_PAGE}, "reused-passage") == []
    (page,) = findings({"a.txt": TWEET_PAGE, "b.txt": TWEET_PAGE}, "not-an-article")[:1]  # reported once, as a page
    assert page.rule == "not-an-article"


def test_page_furniture_shared_by_articles_is_not_reported_as_reuse():
    texts = {"a.md": article(FILLER_A[0], SIGN_UP, FILLER_A[1]), "b.md": article(FILLER_B[0], SIGN_UP, FILLER_B[1])}
    assert findings(texts, "reused-passage") == []
    texts = {"a.md": article(FILLER_A[0], SHARED, FILLER_A[1]), "b.md": article(FILLER_B[0], SHARED, FILLER_B[1])}
    assert len(findings(texts, "reused-passage")) == 1  # the same layout with a reported passage


# -- across articles: how much, from where, when -----------------------------------------------

def test_the_message_says_how_much_of_the_article_and_when_the_source_was_filed():
    texts = {
        "a.md": "---\ndate: 2024-03-01T08:15:00\n---\n" + article(SHARED, SECOND, THIRD),
        "b.md": "---\ndate: 2024-03-01T11:40:00\n---\n" + article("Markets rose on Wednesday.", SHARED, SECOND, "Talks resume."),
    }
    (finding,) = findings(texts, "reused-passage")
    assert re.fullmatch(r"2 paragraphs, (\d+)% of this article, also in a\.md, filed 3 hours earlier, word for word", finding.message)
    assert 80 <= int(re.search(r"(\d+)%", finding.message).group(1)) <= 95
    (related,) = finding.related
    assert (related.location.path, related.location.line, related.location.end_line) == ("a.md", 4, 6)
    assert related.message == "earlier copy of the passage (lines 4-6)"


@pytest.mark.parametrize(
    ("earlier", "later", "said"),
    [
        ("2024-03-01", "2024-03-03", "filed 2 days earlier"),
        ("2024-03-01", "2024-03-02", "filed 1 day earlier"),
        ("2024-03-01", "2024-03-01", "filed the same day"),
        ("2024-03-01T08:00:00", "2024-03-01T09:30:00", "filed 1 hour earlier"),
        ("1987-02-26T15:01:01", "1987-02-26T15:22:40", "filed 21 minutes earlier"),
        ("2024-03-01T08:00:00", "2024-03-01T08:00:30", "filed at the same time"),
        ("2024-03-01T23:00:00", "2024-03-04T01:00:00", "filed 2 days earlier"),
        (None, "2024-03-01", ""),
        ("soon", "2024-03-01", ""),
    ],
)
def test_filed_earlier_reads_front_matter_dates(earlier, later, said):
    from factlint.kinds.duplicates import filed_earlier

    assert filed_earlier(earlier, later) == said


def test_shingles_are_kept_by_their_words_alone_wherever_they_stand():
    """Two copies of a passage keep the same shingles, at any offset, and about one a sample_one_in."""
    from factlint.kinds.duplicates import DuplicatesCheck, encode, shingle_fingerprints, shared_places

    words, one_in = DuplicatesCheck.SHINGLE_WORDS, DuplicatesCheck.SAMPLE_ONE_IN
    passage = encode(" ".join([LEDE, SECOND, THIRD])).plain
    alone = set(shingle_fingerprints(passage, words, one_in).values())
    before, after = encode(" ".join(FILLER_A)).plain, encode(" ".join(FILLER_B)).plain
    inside = shingle_fingerprints(before + passage + after, words, one_in)
    assert alone and alone <= set(inside.values())
    assert 0.15 * len(passage) < len(alone) < 0.5 * len(passage)
    # the places a shingle stands in another text are found by its words
    places = [place - len(before) for place in inside if len(before) <= place <= len(before) + len(passage) - words]
    assert shared_places(passage, before + passage + after, [p + len(before) for p in places], words) == [
        (p + len(before), p) for p in places
    ]


def test_sentences_shorter_than_min_words_are_no_passage_though_a_longer_stretch_runs_into_them():
    """A copy that splits its source's paragraph: the stretch they share (29 words) runs from the end of a long
    sentence into a short paragraph (18 words). Paired with the source's short sentences alone, it was reported
    'word for word' below min_words; it is reported in part, against the source's sentences the stretch runs
    through. The short paragraph alone is no passage."""
    source = (
        "Work on connecting the new power line to the plant was expected to begin Friday and take 10 to 15 hours, "
        "said agency spokesman Minoru Ohgoda. But the utility is not sure the cooling systems will still function. "
        "If they don't, electricity won't help."
    )
    lead_in = (
        "The operator missed a deadline late Thursday but said Friday that workers hoped to complete the effort in "
        "10 to 15 hours, said agency spokesman Minoru Ohgoda."
    )
    short = "But the utility is not sure the cooling systems will still function. If they don't, electricity won't help."
    texts = {
        "a.md": dated("2024-03-01", *FILLER_A[:2], source),
        "b.md": dated("2024-03-02", FILLER_B[0], lead_in, short, FILLER_B[1]),
    }
    (finding,) = findings(texts, "reused-passage")
    assert (finding.location.line, finding.location.end_line) == (8, 8)  # where the stretch mostly is
    assert (finding.related[0].location.line, finding.related[0].location.end_line) == (8, 8)  # all three sentences
    assert re.search(r"in part \(a stretch of \d+ words; the sentences are \d+% similar\)$", finding.message)
    texts["b.md"] = dated("2024-03-02", FILLER_B[0], short, FILLER_B[1])  # the short paragraph alone
    assert findings(texts, "reused-passage") == []


def test_in_part_the_share_of_the_article_is_the_stretch():
    """'in part': the article took the stretch, not every word of the sentences it runs through."""
    from factlint.kinds.duplicates import encode

    source = RATE.replace(".", ", economists in the capital said.")
    copy = RATE.replace(".", ", while the governor told reporters the board had been divided over the timing.")
    paragraphs = (FILLER_B[0], copy, FILLER_B[1])
    texts = {"a.md": dated("2024-03-01", *FILLER_A[:2], source), "b.md": dated("2024-03-02", *paragraphs)}
    (finding,) = findings(texts, "reused-passage")
    match = re.fullmatch(
        r"1 paragraph, (\d+)% of this article, also in a\.md, filed 1 day earlier, in part \(a stretch of (\d+) words; .*\)",
        finding.message,
    )
    assert match, finding.message
    words = sum(len(encode(p).codes) for p in paragraphs)
    assert int(match.group(1)) == round(100 * int(match.group(2)) / words) < round(100 * len(encode(copy).codes) / words)


# ---------------------------------------------------------------------------
# Other rules' findings inside a repeated passage are left to the repeat
# ---------------------------------------------------------------------------

WEASEL = "The security guarantees are seen as crucial to ensuring that any peace agreement would not lead to a surrender."


def _with_weasels(sources: dict[str, str], *rule_ids: str) -> list[tuple[str, int, str]]:
    checks = compile_rules([_rule(rule_id) for rule_id in rule_ids])
    report = lint_sources([(name, text.encode("utf-8")) for name, text in sorted(sources.items())], checks)
    assert not report.errors, [str(e) for e in report.errors]
    return [(f.path, f.location.line, f.rule) for f in report.findings]


def test_a_weasel_in_a_repeated_passage_is_reported_once_at_the_original():
    text = f"{LEDE} {WEASEL}\n\n{SECOND}\n\n{LEDE} {WEASEL}\n"
    assert _with_weasels({"a.md": text}, "duplicate-passage", "weasel-words") == [
        ("a.md", 1, "weasel-words"), ("a.md", 5, "duplicate-passage"),
    ]
    # without the repeat's rule, or with the repeat silenced, nothing covers the copy: both weasels are reported
    assert _with_weasels({"a.md": text}, "weasel-words") == [("a.md", 1, "weasel-words"), ("a.md", 5, "weasel-words")]
    silenced = "---\nfactlint: {ignore: [duplicate-passage]}\n---\n" + text
    assert _with_weasels({"a.md": silenced}, "duplicate-passage", "weasel-words") == [
        ("a.md", 4, "weasel-words"), ("a.md", 8, "weasel-words"),
    ]


def test_a_finding_outside_the_repeat_stays():
    text = f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n\n{WEASEL}\n"
    assert _with_weasels({"a.md": text}, "duplicate-passage", "weasel-words") == [
        ("a.md", 5, "duplicate-passage"), ("a.md", 7, "weasel-words"),
    ]


def test_a_passage_reused_from_another_article_leaves_its_findings():
    # each article stands alone: its readers read the reused passage, weasel and all
    passage = f"{LEDE} {WEASEL} {SECOND}"
    sources = {"a.md": f"{passage}\n", "b.md": f"Officials met again on Friday.\n\n{passage}\n"}
    checks = compile_rules([_rule("reused-passage"), _rule("weasel-words")])
    report = lint_sources([(name, text.encode("utf-8")) for name, text in sorted(sources.items())], checks)
    reuse = [f.location for f in report.findings if f.rule == "reused-passage"]
    assert [(loc.path, loc.line, loc.end_line) for loc in reuse] == [("b.md", 1, 3)]  # the span holds the weasel
    weasels = [(f.path, f.location.line) for f in report.findings if f.rule == "weasel-words"]
    assert weasels == [("a.md", 1), ("b.md", 3)]
