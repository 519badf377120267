"""The document model: paragraphs, sentences, headings, positions, masking, pickling."""

from __future__ import annotations

import pickle

import pytest

from factlint.document import parse_document
from tests.conftest import SEEDS


def doc_of(text: str, name: str = "a.md"):
    return parse_document(name, text.encode("utf-8"))


def block_lines(doc) -> list[tuple[str, int, int]]:
    out = []
    for block in doc.blocks:
        loc = doc.locate(block.start, block.end)
        out.append((block.kind, loc.line, loc.end_line))
    return out


def test_blank_line_paragraphs_seed_000():
    doc = parse_document("000.txt", (SEEDS / "000_be04edceb295be90.txt").read_bytes())
    assert block_lines(doc)[0] == ("heading", 1, 1)
    assert [b[1] for b in block_lines(doc)[1:]] == list(range(3, 50, 2))
    assert all(kind == "paragraph" for kind, _, _ in block_lines(doc)[1:])


def test_one_paragraph_per_line_seed_003():
    doc = parse_document("003.txt", (SEEDS / "003_c89cddc9c1940466.txt").read_bytes())
    assert block_lines(doc) == [("heading", 1, 1)] + [("paragraph", n, n) for n in range(2, 16)]


def test_line_broken_mid_sentence_stays_in_its_paragraph_seed_001():
    doc = parse_document("001.txt", (SEEDS / "001_2682878a7aac655e.txt").read_bytes())
    assert block_lines(doc) == [
        ("heading", 1, 1), ("paragraph", 2, 3), ("heading", 4, 4), ("paragraph", 5, 5),
        ("heading", 6, 6), ("paragraph", 7, 7), ("heading", 8, 8), ("paragraph", 9, 9),
    ]


def test_hard_wrapped_wire_copy_with_indented_paragraphs():
    text = (
        "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
        "January, Comissaria Smith said.\n    The dry period means the temporao will be late this year.\n"
        "    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos. Again it seems\n"
        "that cocoa was included.\n"
    )
    doc = doc_of(text, "r.txt")
    assert block_lines(doc) == [("paragraph", 1, 3), ("paragraph", 4, 4), ("paragraph", 5, 7)]


def test_markdown_structure_and_soft_wrapped_paragraphs():
    text = (
        "---\ntitle: Talks\nstory: ukraine-guarantees\ndate: 2026-01-06\n---\n# Talks end in Paris\n\n"
        "Leaders met in Paris on Tuesday\nand agreed a plan.\n\n> A pull quote.\n\n- first item\n- second item\n"
    )
    doc = doc_of(text)
    assert doc.front_matter == {"title": "Talks", "story": "ukraine-guarantees", "date": "2026-01-06"}
    assert block_lines(doc) == [
        ("heading", 6, 6), ("paragraph", 8, 9), ("blockquote", 11, 11), ("paragraph", 13, 13), ("paragraph", 14, 14)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Smith met U.S. officials at 10 a.m. in Washington, D.C. on Monday. The talks at No. 10 ended. "
         "They flew to the U.S. The next day Sir Keir Starmer spoke.\n",
         ["Gen. Smith met U.S. officials at 10 a.m. in Washington, D.C. on Monday.", "The talks at No. 10 ended.",
          "They flew to the U.S.", "The next day Sir Keir Starmer spoke."]),
        # Wire copy names firms by their initials ("L.F. Rothschild", "J.P. Morgan"): cutting the sentence there
        # parted a quotation's tag from its speaker. Before a word that starts sentences they still end one.
        ('"It raises the specter of consolidation," analyst Rosario Ilacqua of L.F. Rothschild said. '
         "Shares of J.P. Morgan and Co rose. The deal needs the approval of the F.T.C. The companies expect it.\n",
         ['"It raises the specter of consolidation," analyst Rosario Ilacqua of L.F. Rothschild said.',
          "Shares of J.P. Morgan and Co rose.", "The deal needs the approval of the F.T.C.", "The companies expect it."]),
    ],
)
def test_sentences_respect_abbreviations(text, expected):
    doc = doc_of(text)
    assert [doc.text[s:e] for s, e, _ in doc.sentences()] == expected


def test_headings_short_title_lines_but_not_short_sentences():
    doc = doc_of("What's Happening?\nThe talks ended.\n\nUS envoy Witkoff says Trump backs plan\n\nHe left.\n", "a.txt")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "heading", "paragraph"]


def test_positions_are_one_based_and_count_characters():
    doc = doc_of("Première ligne.\n\nKyiv’s allies met in Paris.\n")
    start = doc.text.index("Paris")
    loc = doc.locate(start, start + 5)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (3, 22, 3, 26)


def test_code_and_urls_are_never_linted():
    text = (
        "See https://example.com/0-comments for more.\n\n```\n0 comments\n```\n\n"
        "Run `0 comments` here and [a link](http://x.org/US) too.\n\n    indented code US\n"
    )
    doc = doc_of(text)
    assert "example.com" not in doc.text and "x.org" not in doc.text
    assert "0 comments" not in doc.text and "indented code" not in doc.text
    assert "a link" in doc.text
    assert len(doc.text) == len(text)


def test_indentation_is_not_code_in_plain_text():
    doc = doc_of("First paragraph here.\n\n    Indented wire paragraph.\n", "a.txt")
    assert "Indented wire paragraph." in doc.text


def test_html_body_text_with_positions_mapped_back():
    source = (
        "<html><head><title>T</title><script>var x = '0 comments';</script></head>\n<body>\n"
        "<h1>Talks end</h1>\n<p>Leaders met in <b>Paris</b> &amp; Berlin.</p>\n<pre>code US</pre>\n</body></html>\n"
    )
    doc = parse_document("a.html", source.encode())
    assert "var x" not in doc.text and "code US" not in doc.text
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    start = doc.text.index("Paris")
    loc = doc.locate(start, start + 5)
    line = source.splitlines()[loc.line - 1]
    assert line[loc.column - 1 : loc.end_column] == "Paris"
    assert "Paris & Berlin" in doc.text


def test_crlf_line_endings():
    doc = doc_of("First line.\r\n\r\nSecond, with Paris.\r\n", "a.txt")
    start = doc.text.index("Paris")
    loc = doc.locate(start, start + 5)
    assert (loc.line, loc.column) == (3, 14)
    assert len(doc.paragraphs) == 2


def test_document_pickles():
    doc = parse_document("003.txt", (SEEDS / "003_c89cddc9c1940466.txt").read_bytes())
    again = pickle.loads(pickle.dumps(doc))
    assert again.blocks == doc.blocks and again.locate(10, 20) == doc.locate(10, 20)


def test_html_markup_after_the_last_paragraph_is_not_blank_lines():
    from factlint.linter import lint_sources
    from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

    rules = [r for r in load_rules([builtin_rules_dir()]) if r.id == "trailing-blank-lines"]
    html_page = b"<html><body>\n<div>\n<p>Leaders met.</p>\n</div>\n</body></html>\n"
    report = lint_sources([("a.html", html_page)], compile_rules(rules))
    assert report.findings == []
