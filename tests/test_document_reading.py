"""Reading an article: the size limit, sentence ends at initials, and the
positions a finding reports (trimmed to the words it covers)."""

from __future__ import annotations

import pytest

from factlint.document import MAX_FILE_BYTES, Settings, decode, parse_document
from factlint.errors import FactlintError


def doc_of(text: str, name: str = "a.md", settings: Settings = Settings()):
    return parse_document(name, text.encode("utf-8"), settings)


def sentences(text: str) -> list[str]:
    doc = doc_of(text)
    return [doc.text[s:e] for s, e, _ in doc.sentences()]


# --- the size limit -----------------------------------------------------------


def test_an_article_of_exactly_the_limit_is_read_and_one_byte_more_is_refused():
    exactly = b"The talks ended. " * (MAX_FILE_BYTES // 17) + b"x" * (MAX_FILE_BYTES % 17)
    assert len(exactly) == MAX_FILE_BYTES == 5 * 1024 * 1024
    assert decode("a.txt", exactly, Settings()).startswith("The talks ended.")
    with pytest.raises(FactlintError, match=r"file too large \(5120 KiB; the limit is 5120 KiB\)") as err:
        decode("a.txt", exactly + b".", Settings())
    assert err.value.path == "a.txt"


def test_a_configured_limit_is_the_limit():
    settings = Settings(max_file_bytes=20)
    assert doc_of("Talks ended in Rome.", "a.txt", settings).text == "Talks ended in Rome."  # 20 bytes
    with pytest.raises(FactlintError, match=r"file too large \(0 KiB; the limit is 0 KiB\)"):
        doc_of("Talks ended in Paris.", "a.txt", settings)  # 21


# --- sentences ------------------------------------------------------------------


def test_an_initial_does_not_end_a_sentence():
    assert sentences("The report by J. Smith was published on Monday. Officials read it.\n") == [
        "The report by J. Smith was published on Monday.",
        "Officials read it.",
    ]
    assert sentences("George W. Bush and J. K. Rowling spoke. They left.\n") == [
        "George W. Bush and J. K. Rowling spoke.",
        "They left.",
    ]


def test_a_sentence_ending_in_a_capital_word_still_ends():
    """Only a single capital letter is an initial: "the UN." ends its sentence."""
    assert sentences("Aid was sent by the UN. Officials said more would follow.\n") == [
        "Aid was sent by the UN.",
        "Officials said more would follow.",
    ]


# --- positions --------------------------------------------------------------------


def test_a_span_is_located_without_the_blanks_around_it():
    doc = doc_of("Intro line.\n\n   Talks ended in Paris.   \n")
    start = doc.text.index("   Talks")
    end = doc.text.index("Paris.") + len("Paris.   ")
    loc = doc.locate(start, end)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (3, 4, 3, 24)


def test_a_span_of_only_blanks_is_one_character_where_it_starts():
    doc = doc_of("Talks ended.\n")
    loc = doc.locate(5, 6)  # the space between the words
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (1, 6, 1, 6)


def test_abbreviations_inside_quotes_and_brackets_are_still_abbreviations():
    assert sentences("The officer (Gen. Smith) spoke on Monday. He left.\n") == [
        "The officer (Gen. Smith) spoke on Monday.", "He left.",
    ]
    assert sentences("Troops called him “Gen.” Smith after the war. He laughed.\n") == [
        "Troops called him “Gen.” Smith after the war.", "He laughed.",
    ]
    assert sentences("Brian X. Chen wrote the report. He left.\n") == ["Brian X. Chen wrote the report.", "He left."]


def test_an_ellipsis_before_a_capital_ends_a_sentence():
    assert sentences("He paused... Then he left.\n") == ["He paused...", "Then he left."]


def test_sentences_stay_inside_their_paragraph():
    doc = doc_of("Leaders met. They left.\n\nTalks ended. Aid came.\n")
    spans = [[doc.text[s:e] for s, e in block.sentences] for block in doc.blocks]
    assert spans == [["Leaders met.", "They left."], ["Talks ended.", "Aid came."]]


# --- a headline on top of soft-wrapped prose --------------------------------------------

BODY = "Leaders met in Paris on Tuesday and agreed\nsecurity guarantees for Kyiv after a ceasefire.\n"


@pytest.mark.parametrize(
    ("first", "heading"),
    [
        ("Talks End in Paris", True),  # headline case: every word of four letters or more capitalised
        ('"Peace Talks" End in Paris', True),  # a word that does not start with a letter is not judged
        ("Talks with Iran Stall", False),  # 'with': four letters, lower case
        ("Talks ended in Paris", False),
        ("talks with iran ended", False),
        ("Update", False),  # one word
        ("Leaders met on Tuesday.", False),  # a sentence, not a title
    ],
)
def test_a_headline_may_sit_on_top_of_soft_wrapped_prose(first, heading):
    doc = doc_of(f"{first}\n{BODY}", "a.txt")
    assert [b.kind for b in doc.blocks] == (["heading", "paragraph"] if heading else ["paragraph"])


# --- excerpts --------------------------------------------------------------------------


def test_an_excerpt_is_one_line_and_shortened_past_the_limit():
    doc = doc_of("Talks  ended\nin   Paris.\n")
    assert doc.excerpt(0, len(doc.text)) == "Talks ended in Paris."
    words = "word " * 40  # 200 characters
    doc = doc_of(words + "\n")
    assert doc.excerpt(0, 160) == ("word " * 32).strip()  # 159 characters once joined: kept whole
    assert doc.excerpt(0, len(doc.text)) == "word " * 31 + "wo..."  # cut at 157 characters, then "..."
    assert doc.excerpt(0, 20, limit=10) == "word wo..."
    assert doc.excerpt(0, 20, limit=13) == "word word..."  # no space left before the "..."
    assert len(doc.excerpt(0, 200, limit=160)) <= 160


def test_the_memo_is_not_pickled():
    import pickle

    doc = doc_of("Talks ended.\n")
    assert doc.memo("answer", lambda: 42) == 42
    assert doc.memo("answer", lambda: 0) == 42  # computed once
    again = pickle.loads(pickle.dumps(doc))
    assert again.memo("answer", lambda: 7) == 7


# --- front matter ------------------------------------------------------------------------


def test_front_matter_values_keep_their_types():
    doc = doc_of("---\ntitle: Talks\ncount: 3\nshare: 0.5\ndraft: false\nnote: null\ntags: [a, 2]\nwhen: 2025-11-20\n"
                 "meta: {source: wire}\n---\nBody.\n")
    assert doc.front_matter == {
        "title": "Talks", "count": 3, "share": 0.5, "draft": False, "note": None, "tags": ["a", 2],
        "when": "2025-11-20", "meta": {"source": "wire"},
    }


def test_simple_front_matter_of_several_lines_is_read_without_the_yaml_parser(monkeypatch):
    import factlint.yamlio

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML parser was used")

    monkeypatch.setattr(factlint.yamlio, "load_yaml_lenient", no_yaml)  # what front matter is read with
    doc = doc_of('---\ntitle: "Talks end"\nstory: \'kyiv-talks\'\ndate: 2025-11-20\nauthor: "A. Smith"\n---\nBody.\n')
    assert doc.front_matter == {"title": "Talks end", "story": "kyiv-talks", "date": "2025-11-20", "author": "A. Smith"}
    assert doc.problems == []


# --- HTML ----------------------------------------------------------------------------------


def html_doc(source: str):
    return parse_document("a.html", source.encode("utf-8"))


def test_html_text_before_the_body_is_not_read_and_after_it_is_as_browsers_do():
    doc = html_doc("<!DOCTYPE html>\nStray text<body><p>Real text.</p></body>\n<p>After the body.</p>\n")
    assert doc.text == "\n\nReal text.\n\n\n\n \n\nAfter the body.\n"


def test_html_without_a_body_tag_is_read_from_the_start():
    assert html_doc("<p>Talks ended.</p><p>Aid came.</p>").text == "\n\nTalks ended.\n\n\n\nAid came.\n"


def test_every_character_of_html_text_maps_back_to_where_it_came_from():
    source = "<body>\n<h2>Talks end</h2><p>Leaders &amp; envoys met &NotEqualTilde; in <b>Paris</b>.</p>\n<p>Aid came.</p>  \n\n</body>"
    doc = html_doc(source)
    assert doc.text == " \n\nTalks end\n\n\n\nLeaders & envoys met \u2242\u0338 in Paris.\n\n \n\nAid came.\n"
    for index, char in enumerate(doc.text):
        origin = doc.offsets[index]
        if char == "&":
            assert source.startswith("&amp;", origin)
        elif char in "\u2242\u0338":
            assert source.startswith("&NotEqualTilde;", origin)  # both characters of one entity: its start
        elif char == "\n" and index < len(doc.text) - 1:
            assert source[origin] in "<\n"  # a block tag's break is the tag; a source newline is itself
        elif index == len(doc.text) - 1:
            assert origin == doc.offsets[index - 1] + 1  # the closing newline: just after the last character
        else:
            assert source[origin] == char or (char == " " and source[origin].isspace())  # HTML's spaces are one space
    start = doc.text.index("Paris")
    assert (doc.locate(start, start + 5).line, doc.locate(start, start + 5).column) == (2, source.split("\n")[1].index("Paris") + 1)


def test_a_long_html_heading_is_a_heading_and_a_stray_closing_tag_is_harmless():
    title = "The talks between the two leaders ended without an agreement on the ceasefire, officials said."
    doc = html_doc(f"<body></h2><h1>{title}</h1><p>Leaders met in Paris on Tuesday.</p></body>")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end] == title


def test_the_text_ends_with_one_newline_whatever_markup_follows():
    assert html_doc("<body><p>A.</p>  \n\n<div> </div>\n</body>\n").text == "\n\nA.\n"


def test_an_excerpt_of_exactly_the_limit_is_kept_whole():
    doc = doc_of("x" * 160 + "\n")
    assert doc.excerpt(0, 160) == "x" * 160
    assert doc.excerpt(0, 161) == "x" * 160  # the newline is not shown


# --- context: the line around a span -----------------------------------------------------


def test_the_context_of_a_short_line_is_the_whole_line_on_one_line():
    doc = doc_of("Intro.\n\nLeaders  met in Paris.\nThey left.")
    paris = doc.text.index("Paris")
    assert doc.context(paris, paris + 5) == "Leaders met in Paris."
    left = doc.text.index("left")
    assert doc.context(left, left + 4) == "They left."  # the last line, with no newline after it
    assert doc.context(0, 3) == "Intro."


def test_the_context_of_a_long_line_is_a_window_around_the_span():
    words = [f"w{n:03d}" for n in range(60)]  # 60 words of 4 letters: a 299-character line
    doc = doc_of("Intro.\n\n" + " ".join(words) + "\nEnd.\n")
    line_start = doc.text.index("w000")
    middle = line_start + 150  # "w030"
    assert doc.text[middle : middle + 4] == "w030"
    assert doc.context(middle, middle + 4) == "..." + " ".join(words[18:42]) + "..."
    assert doc.context(line_start, line_start + 4) == " ".join(words[:24]) + "..."  # at the start: no window before
    end = line_start + len(" ".join(words))
    assert doc.context(end - 4, end) == "..." + " ".join(words[36:])  # at the end: the last 120 characters
    long_span = doc.context(line_start + 10, line_start + 200)
    assert long_span.startswith("w000 w001") and long_span.endswith("w039...")  # a span longer than the limit: whole


def test_a_line_of_exactly_the_limit_is_shown_whole():
    line = " ".join(["word"] * 24)  # 119 characters
    doc = doc_of(f"{line}x\n")  # 120
    assert doc.context(0, 4) == f"{line}x"
    doc = doc_of(f"{line}xy\n")  # 121: windowed
    assert doc.context(0, 4).endswith("...")


# --- positions in HTML -------------------------------------------------------------------


def test_html_positions_outside_the_text_are_clamped_to_its_ends():
    doc = html_doc("<body><p>Talks ended.</p></body>")
    assert [doc.source_offset(i) for i in range(len(doc.text))] == doc.offsets
    assert doc.source_offset(-3) == doc.offsets[0]
    plain = html_doc("<body>Talks <b>end</b></body>")
    assert plain.source_offset(0) == 6 and plain.source_offset(1) == 7
    assert doc.source_offset(len(doc.text) + 5) == doc.offsets[-1] == doc.offsets[-2] + 1
    assert html_doc("<body><p>x</p></body><!-- nothing -->").source_offset(0) == doc.offsets[0]
    empty = parse_document("e.html", b"<body><script>x</script></body>")
    assert empty.text == "" and empty.source_offset(4) == 0


def test_html_skipped_elements_are_a_break_at_their_start():
    source = "<body><p>Talks ended.</p><pre>code US</pre><p>Aid came.</p></body>"
    doc = html_doc(source)
    assert doc.text == "\n\nTalks ended.\n\n\n\n\n\nAid came.\n"
    assert [source[doc.offsets[i]] for i in range(len(doc.text)) if doc.text[i] == "\n"][:8] == list("<<<<<<<<")
    assert source.startswith("<pre>", doc.offsets[doc.text.index("\n\n\n\n\n\nAid") + 2])


def test_two_closing_heading_tags_are_harmless():
    doc = html_doc("<body><h2>Talks end</h2></h2><p>Leaders met in Paris on Tuesday.</p></body>")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


# --- front matter ------------------------------------------------------------------------


def test_empty_front_matter_is_closed_by_the_next_line():
    doc = doc_of("---\n---\nBody text.\n\n---\nMore.\n")
    assert doc.front_matter == {}
    assert doc.text.startswith("   \n   \nBody text.")


def test_front_matter_never_closed_is_an_error_at_line_1():
    with pytest.raises(FactlintError) as err:
        doc_of("---\ntitle: x\nBody.\n")
    assert str(err.value) == "a.md:1: front matter starts with '---' but is never closed"


def test_a_may_end_abbreviation_before_a_name_does_not_end_the_sentence():
    assert sentences("Lawmakers in the U.S. Congress voted on Monday. They left. Aid came.\n") == [
        "Lawmakers in the U.S. Congress voted on Monday.", "They left.", "Aid came.",
    ]


# --- what is not an article: one located error each ----------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Talks \x00ended.", "a.md:1: binary file (contains NUL bytes), not an article"),
        (b"Talks ended.\nAid came.\n\xff\n", "a.md:3: not valid UTF-8 (byte 0xff); save the file as UTF-8"),
        (b"\xe9t\xe9", "a.md:1: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
        (b"  \n\t\n", "a.md: file is empty"),
        (b"---\ntitle: x: y\n---\nBody.\n", "a.md:2: broken front matter: invalid YAML: mapping values are not allowed here"),
        (b"---\ntitle: x\ndate: a: b\n---\nBody.\n", "a.md:3: broken front matter: invalid YAML: mapping values"),
        (b"---\n- a list\n---\nBody.\n", "a.md:2: front matter must be a YAML mapping"),
        (b"---\ntitle: x\nBody.\n", "a.md:1: front matter starts with '---' but is never closed"),
    ],
    ids=["binary", "utf8-line-3", "utf8-line-1", "empty", "yaml-line-2", "yaml-line-3", "not-a-mapping", "unclosed"],
)
def test_an_unreadable_article_is_one_error_naming_the_file_and_line(data, expected):
    with pytest.raises(FactlintError) as err:
        parse_document("a.md", data)
    assert str(err.value).startswith(expected), str(err.value)
    assert err.value.path == "a.md"


def test_a_nul_byte_anywhere_is_binary_and_located():
    """Issue 20: a NUL byte after the first 8 KiB was let through; any NUL now makes the file binary."""
    data = b"Talks ended.\n" * 630 + b"x" * 2 + b"\x00"  # the NUL is byte 8,192, on line 631
    assert data.index(b"\x00") == 8192
    with pytest.raises(FactlintError) as err:
        parse_document("a.txt", data)
    assert str(err.value) == "a.txt:631: binary file (contains NUL bytes), not an article"


def test_a_byte_order_mark_is_not_text():
    doc = parse_document("a.txt", "\ufeffTalks ended.\n".encode("utf-8"))
    assert doc.source == "Talks ended.\n"


def test_empty_or_null_front_matter_is_an_empty_mapping():
    for text in ("---\n---\nBody.\n", "---\n\n---\nBody.\n", "---\nnull\n---\nBody.\n", "---\n---"):
        assert doc_of(text).front_matter == {}, text


def test_front_matter_closing_at_the_end_of_the_file_leaves_an_empty_body():
    with pytest.raises(FactlintError, match="file is empty"):
        doc_of("")
    doc = doc_of("---\ntitle: x\n---")
    assert doc.front_matter == {"title": "x"} and doc.blocks == []


def test_the_format_is_named_by_the_suffix():
    assert [parse_document(name, b"Talks ended.\n").format for name in ("a.md", "a.markdown", "a.txt", "a.HTML")] == [
        "markdown", "markdown", "text", "html",
    ]


# --- blocks: headings, title lines, wire copy ------------------------------------------------


def kinds(text: str, name: str = "a.txt") -> list[str]:
    return [b.kind for b in doc_of(text, name).blocks]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Talks End in Paris", True),
        ("## Talks end", True),  # its hashes are not its words
        ("2025", False),  # no letter
        ("* * *", False),
        ("Talks end in Paris as leaders agree a plan for a ceasefire and more now", False),  # 15 words
        ("Talks end in Paris as leaders agree a plan for a ceasefire and more", True),  # 14
        ("Ceasefire " * 9 + "negotiates", True),  # 10 words, 100 characters
        ("Ceasefire " * 9 + "negotiators", False),  # 101 characters
        ("Talks end, leaders say.", False),  # ends as a clause does
        ("Talks end...", True),  # an ellipsis is a teaser, not a sentence
        ("What is next for Ukraine and its allies now?", False),  # a question of 9 words, mostly lower case
        ("What Next For Ukraine And Its Allies Now?", True),  # mostly capitalised
        ("What happens next?", True),  # five words or fewer
        ("is this the end now?", True),
        ("is this the end for now?", False),  # six words, none capitalised
        ("What is next for Kyiv now?", False),  # 2 of 6 capitalised
        ("What Is next for Kyiv now?", True),  # 3 of 6: half
        ("Is this the end of the war, really now?", False),  # a comma before the end, but ending in '?'
        ("Talks end in Paris!", True),
    ],
)
def test_a_short_line_alone_is_a_title(line, title):
    assert kinds(f"{line}\n\nLeaders met in Paris on Tuesday. They agreed a plan.\n", "a.md")[0] == ("heading" if title else "paragraph")


def test_markdown_headings_and_blockquotes_are_their_own_blocks():
    text = "# Talks end\nLeaders met in Paris.\n> A quote here.\n> And more.\nThe end came.\n- one item\n- two items\n"
    assert kinds(text, "a.md") == ["heading", "paragraph", "blockquote", "paragraph", "paragraph", "paragraph"]
    assert kinds("# talks ended here\nLeaders met in Paris.\n", "a.txt") == ["paragraph"]  # plain text has no '#' headings


def test_a_single_list_item_is_not_a_title():
    assert kinds("- Talks end\n\nLeaders met in Paris on Tuesday.\n", "a.md") == ["paragraph", "paragraph"]
    assert kinds("Talks end\n\nLeaders met in Paris on Tuesday.\n", "a.md") == ["heading", "paragraph"]


LONG = "Leaders of European countries met in Paris on Tuesday and agreed security guarantees for Kyiv after a ceasefire"


def test_one_paragraph_per_line_breaks_after_a_sentence_or_a_title_line():
    assert len(LONG) > 100
    text = f"{LONG}.\n{LONG}, and\n{LONG}.\nTalks End in Paris\n{LONG}.\n"
    assert kinds(text) == ["paragraph", "paragraph", "heading", "paragraph"]


def test_a_line_of_exactly_the_wrap_width_is_soft_wrapped_prose():
    first = ("Leaders met in Paris on Tuesday and agreed " * 3)[:99] + "."
    assert len(first) == 100
    assert kinds(f"{first}\nThey agreed a plan.\n") == ["paragraph"]
    assert kinds(f"{first[:-1]}x.\nThey agreed a plan.\n") == ["paragraph", "paragraph"]  # 101: one paragraph a line


def test_a_title_line_inside_long_lines_starts_its_own_block_only_before_a_capital():
    text = f"{LONG}.\nTalks End in Paris\nand then the leaders went home after a long day of talks in the French capital city.\n"
    assert kinds(text) == ["paragraph", "paragraph"]


def test_wire_copy_starts_paragraphs_at_indented_lines_from_the_second_line_on():
    text = "PARIS (Reuters) - Leaders met\non Tuesday.\n  They agreed a plan\nfor Kyiv.\n"
    assert kinds(text) == ["paragraph", "paragraph"]
    assert kinds("  Leaders met\non Tuesday.\nThey agreed.\n") == ["paragraph"]  # only the first indented: not wire style


# --- what is masked ----------------------------------------------------------------------------


def masked(text: str) -> str:
    return doc_of(text).text


def test_an_unclosed_fence_runs_to_the_end_and_a_closed_one_does_not():
    assert masked("Intro.\n\n```\ncode US\n") == "Intro.\n\n   \n       \n"
    assert masked("Intro.\n\n```\ncode\n```\nAfter.\n\n~~~\nmore US\n") == "Intro.\n\n   \n    \n   \nAfter.\n\n   \n       \n"


def test_a_fence_after_the_front_matter_is_found_from_the_body():
    text = "---\ntitle: |\n  ```\n---\nIntro US.\n\n```\ncode\n```\nAfter US.\n"
    assert "Intro US." in masked(text) and "After US." in masked(text) and "code" not in masked(text)


def test_urls_and_emails_are_masked_each_on_its_own_cue():
    assert masked("See www.example.org/US today.\n") == "See " + " " * len("www.example.org/US") + " today.\n"
    assert masked("Write to desk@example.org today.\n") == "Write to " + " " * len("desk@example.org") + " today.\n"
    assert masked("See https://x.org/US and www.y.org/UK.\n") == "See " + " " * 16 + " and " + " " * 13 + "\n"


def test_markdown_code_spans_links_and_comments_are_masked_after_front_matter():
    text = "---\ntitle: \"`x`\"\n---\nRun `0 comments` and [a link](http://x.org/US) <!-- note --> <b>bold</b>.\n"
    body = masked(text).split("\n")[3]
    assert body == "Run " + " " * len("`0 comments`") + " and [a link](" + " " * len("http://x.org/US") + ") " + \
        " " * len("<!-- note -->") + " " + " " * len("<b>") + "bold" + " " * len("</b>") + "."
    assert masked(text).split("\n")[1] == " " * len('title: "`x`"')


def test_blanking_overlapping_spans():
    doc = doc_of("A `code <!-- x -->` b.\n")
    assert doc.text == "A " + " " * 17 + " b.\n"


# --- html headings ----------------------------------------------------------------------------


def test_an_html_heading_ends_where_its_closing_tag_is():
    doc = html_doc("<body><h2>Talks end</h2>Leaders met in Paris on Tuesday, officials said.</body>")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_a_hash_title_in_plain_text_is_judged_without_its_hashes():
    line = "## Talks end in Paris as leaders agree a plan for a ceasefire and more"  # 14 words after the hashes
    assert kinds(f"{line}\n\nLeaders met in Paris on Tuesday.\n")[0] == "heading"


def test_a_markdown_heading_need_not_look_like_a_title():
    assert kinds("# Leaders met in Paris on Tuesday, and then they left.\nThey agreed.\n", "a.md") == ["heading", "paragraph"]


def test_a_heading_is_one_sentence():
    doc = doc_of("## Talks end. Aid comes next\n\nLeaders met. They left.\n")
    heading, paragraph = doc.blocks
    assert heading.sentences == [(heading.start, heading.end)] and len(paragraph.sentences) == 2


def test_indented_titles_and_lines_are_read_without_their_indent():
    assert kinds("  Talks End in Paris\n  Leaders met in Paris on Tuesday and agreed\n  security guarantees.\n") == [
        "heading", "paragraph",
    ]
    assert kinds(f"{LONG}.\nTalks End in Paris\n  {LONG}.\n") == ["paragraph", "heading", "paragraph"]


def test_a_title_line_after_an_unfinished_long_line_stays_in_its_paragraph():
    assert kinds(f"{LONG}, and\nTalks End in Paris\n") == ["paragraph"]


def test_wire_copy_may_indent_only_its_second_line():
    assert kinds("Leaders met on Tuesday.\n  They agreed a plan\nfor Kyiv.\n") == ["paragraph", "paragraph"]


def test_a_fence_opening_right_after_a_closed_one_runs_to_the_end():
    assert masked("```\ncode\n```\n```\nmore US\n") == "   \n    \n   \n   \n       \n"


def test_a_span_inside_another_does_not_stop_the_blanking():
    text = "See http://desk@example.org/a and www.b.org now.\n"
    assert masked(text) == "See " + " " * len("http://desk@example.org/a") + " and " + " " * len("www.b.org") + " now.\n"


def test_the_context_of_a_long_first_line_after_a_leading_newline():
    line = "abcdefghij" * 20
    doc = doc_of("\n" + line + "\n")
    assert doc.context(1, 5) == line[:120] + "..."


# ==== issue 22: what document.py's reading decides, each at its edges (mutation survivors) ====

import dataclasses  # noqa: E402
import itertools  # noqa: E402
import os  # noqa: E402
import socket  # noqa: E402
import stat  # noqa: E402

from factlint.document import (  # noqa: E402
    _SENTENCE_END, _MarkupScanner, _abbreviations, _file_type, _sentence_end, display_text, read_source, split_sentences,
)


# --- what is refused before reading: the file's type, and a file larger than it claims ----------------


def test_read_source_opens_without_blocking_and_without_leaking_the_descriptor(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Talks ended.\n")
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda name, flags, *rest: opened.append(flags) or real_open(name, flags, *rest))
    assert read_source(str(path)) == b"Talks ended.\n"
    [flags] = opened
    assert flags & os.O_NONBLOCK and flags & os.O_CLOEXEC  # a FIFO cannot block; a child process never inherits it


def test_a_folder_and_a_socket_are_named_as_what_they_are(tmp_path):
    with pytest.raises(FactlintError) as err:
        read_source(str(tmp_path))
    assert err.value.message == "not a regular file (a folder), not an article"
    path = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert _file_type(os.stat(path).st_mode) == "a socket"  # a socket cannot be opened to be read


@pytest.mark.parametrize(("mode", "name"), [
    (stat.S_IFIFO, "a FIFO"), (stat.S_IFCHR, "a character device"), (stat.S_IFBLK, "a block device"),
    (stat.S_IFSOCK, "a socket"), (stat.S_IFDIR, "a folder"), (stat.S_IFLNK, "a special file"),
])
def test_each_kind_of_special_file_has_its_name(mode, name):
    assert _file_type(mode | 0o644) == name


def test_a_file_longer_than_its_size_said_is_refused_as_over_the_limit(tmp_path, monkeypatch):
    """The size fstat gave was under the limit (a growing file, a /proc file): the limit + 1 bytes read say 'over'."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    monkeypatch.setattr(os, "fstat", lambda fd, real=os.fstat: os.stat_result((*real(fd)[:6], 0, *real(fd)[7:])))
    with pytest.raises(FactlintError) as err:
        read_source(str(path), limit=2048)
    assert err.value.message == "file too large (over 2 KiB; the limit is 2 KiB)"
    with pytest.raises(FactlintError) as err:
        decode("a.txt", b"x" * 3000, Settings(max_file_bytes=2048))  # the size known: no 'over'
    assert err.value.message == "file too large (2 KiB; the limit is 2 KiB)"


# --- UTF-16 without a byte order mark: every other byte of the first 512 is NUL ------------------------


def refusal(data: bytes) -> str:
    with pytest.raises(FactlintError) as err:
        decode("a.txt", data, Settings())
    return err.value.message


UTF16 = "UTF-16 text (every other byte is NUL); save the file as UTF-8"
BINARY = "binary file (contains NUL bytes), not an article"


def test_utf16_without_a_byte_order_mark_is_named_in_either_byte_order():
    assert refusal("Talks ended in Paris.\n".encode("utf-16-le")) == UTF16
    assert refusal("Talks ended in Paris.\n".encode("utf-16-be")) == UTF16


def test_sixteen_bytes_are_enough_to_tell_utf16_and_fewer_are_binary():
    assert refusal("Talks ok".encode("utf-16-le")) == UTF16  # 16 bytes
    assert refusal("Talks o".encode("utf-16-le")) == BINARY  # 14 bytes
    assert refusal("Talks ok"[:7].encode("utf-16-be") + b"\x00") == BINARY  # 15 bytes


def test_only_the_first_512_bytes_are_looked_at_for_utf16():
    """A UTF-16 file whose 257th character is not Latin (its high byte not NUL) is still UTF-16."""
    assert refusal(("T" * 256 + "Łódź").encode("utf-16-be")) == UTF16
    assert refusal(("T" * 255 + "Łódź").encode("utf-16-be")) == BINARY  # the Ł within the sample: not every other byte


def test_nul_bytes_everywhere_are_binary_not_utf16():
    assert refusal(b"\x00" * 64) == BINARY
    assert refusal(b"\x01\x00" * 32) == UTF16  # a NUL after every byte: UTF-16 LE, whatever the other bytes are


# --- the text shown (HTML report): as parsing reads it, bad bytes replaced ------------------------------


def test_display_text_drops_the_bom_replaces_bad_bytes_and_reads_lone_crs_as_line_ends():
    assert display_text(b"\xef\xbb\xbfTalks \xff ended.\rAid came.\r\n") == "Talks \ufffd ended.\nAid came.\r\n"


# --- front matter: the shortcut, the depth limit, unusable values and their lines -----------------------


def test_a_key_given_twice_is_left_to_yaml_which_says_so():
    doc = doc_of('---\ntitle: "One"\ntitle: "Two"\n---\nBody.\n')
    assert doc.front_matter == {"title": "Two"}
    [problem] = doc.problems
    assert (problem.line, problem.message) == (3, "front matter: key 'title' is given twice (first on line 2); the last one counts")


def nested_front_matter(levels: int, brackets: str) -> bytes:
    value = "1"
    for _ in range(levels - 1):
        value = brackets.replace("V", value)
    return f"---\nkey: {value}\n---\nBody.\n".encode()


@pytest.mark.parametrize("brackets", ["{a: V}", "[V]"], ids=["mappings", "lists"])
def test_front_matter_64_levels_deep_is_read_and_65_is_refused(brackets):
    doc = parse_document("a.md", nested_front_matter(64, brackets))
    value, depth = doc.front_matter, 0
    while value != 1:
        value, depth = (value["key"] if depth == 0 else value["a"] if isinstance(value, dict) else value[0]), depth + 1
    assert depth == 64
    with pytest.raises(FactlintError) as err:
        parse_document("a.md", nested_front_matter(65, brackets))
    assert str(err.value) == "a.md:2: broken front matter: nested more than 64 levels deep"


def test_a_title_that_is_not_text_is_dropped_and_located():
    doc = doc_of("---\nstory: kyiv\ntitle: {a: b}\n---\nBody.\n")
    assert doc.front_matter == {"story": "kyiv"}
    assert [(p.line, p.message) for p in doc.problems] == [
        (3, "front matter 'title': must be text; the article is checked without it")]


def test_an_unusable_value_is_located_at_its_own_line_after_a_value_of_several_lines():
    doc = doc_of("---\ntitle: >\n  Talks end\n  in Paris\ndate: soon\n---\nBody.\n")
    assert [(p.line, p.message) for p in doc.problems] == [
        (5, "front matter 'date': 'soon' is not a date (write YYYY-MM-DD); the article is checked without it")]


# --- HTML markup: comments, elements skipped whole, tags, entities, a '<' that is text ----------------


def scanned(source: str, most: int = 50) -> list[tuple[int, int, str | None, str | None, bool]]:
    """The markup found (at most ``most``: a scanner that goes back on itself would never end)."""
    return [(m.start, m.end, m.comment, m.tag, m.skipped) for m in itertools.islice(_MarkupScanner(source).scan(0), most)]


def test_comments_are_read_to_their_first_close_and_an_empty_one_is_a_comment():
    assert html_doc("<!-- a --> Talks <!-- b -->").comments == [(0, " a "), (17, " b ")]
    assert html_doc("<!-- c -->Talks").text == "Talks\n"
    doc = html_doc("<!---->Talks")
    assert (doc.text, doc.comments) == ("Talks\n", [(0, "")])


def test_a_close_before_a_comment_does_not_close_it():
    assert scanned("a --> b <!-- c --> d") == [(8, 18, " c ", None, False)]
    assert scanned("<!-->x-->") == [(0, 9, ">x", None, False)]  # the close is looked for after '<!--'


def test_an_unclosed_comment_is_markup_to_the_next_gt_or_text_without_one():
    assert scanned("a <!-- b <!-- c") == []
    assert html_doc("a <!-- b <!-- c").text == "a <!-- b <!-- c\n"
    assert scanned("a <!-- b <!-- c <p>") == [(2, 19, None, None, False)]
    assert html_doc("Talks <!-- a <!-- b <p>ended.").text == "Talks ended.\n"


def test_elements_read_whole_are_found_by_their_closing_tag_in_any_case():
    assert html_doc("<SCRIPT>x</Script >Talks").text == "\n\nTalks\n"
    assert scanned("</pre> a <pre>x</pre> b") == [(0, 6, None, "pre", False), (9, 21, None, None, True)]
    assert scanned("<style>a</style><style>b</style>") == [(0, 16, None, None, True), (16, 32, None, None, True)]


def test_elements_never_closed_are_tags_each_time():
    assert scanned("<script>a <script>b") == [(0, 8, None, "script", False), (10, 18, None, "script", False)]
    assert html_doc("<script>a <script>b").text == "a b\n"


def test_markup_that_is_not_a_tag_ends_at_its_first_gt():
    assert scanned("<!x>Talks <><b>ended</b>.") == [
        (0, 4, None, None, False), (10, 12, None, None, False), (12, 15, None, "b", False), (20, 24, None, "b", False)]
    assert html_doc("<body>Talks <!x>ended.</body>").text == "Talks ended.\n"
    assert html_doc("<br>Talks ended.").text == "\n\nTalks ended.\n"


def test_a_lt_without_a_gt_after_it_is_text_and_so_is_every_later_one():
    assert scanned("Talks < ended < now. <") == []
    assert html_doc("Talks < ended < now.").text == "Talks < ended < now.\n"


def test_an_ampersand_that_is_not_an_entity_is_text_and_the_scan_goes_on():
    assert html_doc("a &&amp; b").text == "a && b\n"
    assert html_doc("Tom & Jerry <b>met</b>").text == "Tom & Jerry met\n"


class _CountingText(str):
    """Text that counts its searches for a mark."""

    def find(self, mark, *where):
        self.finds.append(mark)
        return super().find(mark, *where)


def test_each_missing_close_is_looked_for_once():
    """Issue 20: a file of thousands of '<' or '<!--' is one pass: 'none further on' is remembered."""
    source = _CountingText("a <!-- " * 1000 + "b < " * 1000)
    source.finds = []
    assert scanned(source, 5000) == []
    assert source.finds.count("-->") == 1 and source.finds.count(">") == 1


def test_each_element_never_closed_is_looked_for_once(monkeypatch):
    """1,000 '<script>' never closed: one search for '</script>', from the first, remembered."""
    import factlint.document
    import regex

    searched = []

    class CountingRegex:
        def __getattr__(self, name):
            return getattr(regex, name)

        def compile(self, pattern, *flags):
            searched.append(pattern)
            return regex.compile(pattern, *flags)

    monkeypatch.setattr(factlint.document, "regex", CountingRegex())
    assert len(scanned("<script>a " * 1000, 5000)) == 1000
    assert searched == [r"</script\s*>"]


def test_text_after_the_last_markup_is_read():
    assert html_doc("<p>Talks ended.</p>Aid came.").text == "\n\nTalks ended.\n\nAid came.\n"


def test_a_body_tag_never_closed_is_text_read_from_the_start():
    assert html_doc("Talks ended. <body").text == "Talks ended. <body\n"


# --- sentence ends: the candidates the regex leaves to split_sentences ---------------------------------


def ends(pattern, text: str) -> list[str]:
    return [text[: m.end()].rsplit(" ", 1)[-1] for m in pattern.finditer(text)]


def test_initials_and_never_final_abbreviations_are_not_even_candidates():
    text = "He met J. Smith, Gen. Jones, Smith v. Jones and TX. Ranger in Paris. They left."
    assert ends(_sentence_end(frozenset({"Gen.", "v.", "TX."})), text) == ["Paris."]
    assert ends(_abbreviations(()).sentence_end, "Dr. Who met Gen. Smith on Jan. 5 in Paris. They left.") == ["Paris."]


def test_a_word_like_the_start_of_an_abbreviation_still_ends_a_sentence():
    assert sentences("He chose option e. The others left.\n") == ["He chose option e.", "The others left."]
    assert sentences("Ask Se. Then leave.\n") == ["Ask Se.", "Then leave."]


@pytest.mark.parametrize("extra", [("Sen",), ("(x.",), (".",), ("no..",), ("a b.",)])
def test_odd_configured_abbreviations_leave_the_sentence_ends_to_the_loop(extra):
    """Configured abbreviations without a final stop, with an opening mark, a stop alone, two stops or a
    space are not for the regex to pass over; the sentences are the ones the plain candidates give."""
    quick = _abbreviations(extra)
    plain = dataclasses.replace(quick, sentence_end=_SENTENCE_END)
    for text in ("Ask Se. Then leave.", "He saw (x. Then left.", "He saw x. Then left.", "Go . Then stop.",
                 "Say no.. Then go.", "A b. Then c.", "Sen. Smith left. Then he came."):
        assert split_sentences(text, 0, len(text), quick) == split_sentences(text, 0, len(text), plain), (extra, text)
    text = "He saw (x. Then left."
    assert len(split_sentences(text, 0, len(text), quick)) == 2


# --- bounded windows: a sentence over MAX_SENTENCE_CHARS, a block over its sentences or characters ------

from factlint.document import (  # noqa: E402
    MAX_BLOCK_CHARS, MAX_BLOCK_SENTENCES, MAX_SENTENCE_CHARS, Block, _block_windows, _sentence_windows,
)


def test_a_sentence_of_exactly_the_limit_is_one_window_and_one_more_character_is_cut():
    assert MAX_SENTENCE_CHARS == 5_000
    exact = "x" * 4_000 + " " + "y" * 999
    assert _sentence_windows(exact, [(0, 5_000)]) == [(0, 5_000)]
    over = exact + "z"
    assert _sentence_windows(over, [(0, 5_001)]) == [(0, 4_001), (4_001, 5_001)]  # after the last space


def test_a_long_sentence_is_cut_after_its_last_space_in_the_second_half_of_the_window():
    text = "a" * 100 + " " + "b" * 2_500 + " " + "c" * 2_000 + ", " + "d" * 3_000 + "."
    windows = _sentence_windows(text, [(0, len(text))])
    assert windows == [(0, 4_604), (4_604, len(text))]
    assert text[4_602:4_604] == ", "


def test_a_long_sentence_without_a_space_in_the_second_half_is_cut_at_the_limit():
    text = "a" * 100 + " " + "b" * 12_000
    assert _sentence_windows(text, [(0, len(text))]) == [(0, 5_000), (5_000, 10_000), (10_000, len(text))]


def test_blanks_after_a_cut_start_no_window_and_short_sentences_stay_as_they_are():
    text = "Talks ended. " + "w" * 4_999 + "     " + "v" * 10 + " Aid came."
    sentence = (13, len(text) - 10)
    windows = _sentence_windows(text, [(0, 12), sentence, (len(text) - 9, len(text))])
    assert windows == [(0, 12), (13, 5_013), (5_017, sentence[1]), (len(text) - 9, len(text))]
    assert text[5_012:5_017] == "     " and text[5_017] == "v"  # cut after the first blank; the other four skipped


def blocks_of(sentences: list[tuple[int, int]], end: int, kind: str = "paragraph") -> list[Block]:
    return [Block(sentences[0][0], end, kind, list(sentences))]


def test_a_block_of_exactly_the_most_sentences_is_whole_and_one_more_starts_a_block_of_its_kind():
    assert MAX_BLOCK_SENTENCES == 250
    spans = [(i * 10, i * 10 + 9) for i in range(251)]
    assert _block_windows(blocks_of(spans[:250], 2_499)) == blocks_of(spans[:250], 2_499)
    first, second = _block_windows(blocks_of(spans, 2_509, "blockquote"))
    assert (first.start, first.end, first.kind, first.sentences) == (0, 2_499, "blockquote", spans[:250])
    assert (second.start, second.end, second.kind, second.sentences) == (2_500, 2_509, "blockquote", spans[250:])


def test_a_block_over_the_most_characters_is_cut_before_the_sentence_that_would_pass_it():
    assert MAX_BLOCK_CHARS == 50_000
    spans = [(i * 5_000, i * 5_000 + 4_999) for i in range(11)]  # ten sentences end at 49,999, the eleventh at 54,999
    assert _block_windows(blocks_of(spans[:10], 50_000)) == blocks_of(spans[:10], 50_000)  # exactly the limit: whole
    first, second = _block_windows(blocks_of(spans, 55_000))
    assert (first.start, first.end, first.sentences) == (0, 49_999, spans[:10])
    assert (second.start, second.end, second.sentences) == (50_000, 55_000, spans[10:])


def test_a_block_window_never_holds_no_sentence():
    """A single sentence longer than a block's characters is a window of its own, not an empty one before it."""
    spans = [(0, 10), (11, 60_011)]
    windows = _block_windows(blocks_of(spans, 60_011))
    assert [(w.start, w.end, w.sentences) for w in windows] == [(0, 10, [(0, 10)]), (11, 60_011, [(11, 60_011)])]


# --- reading a file: what cannot be read is one error naming it; the bytes come back whole -------------


def test_a_file_that_cannot_be_opened_is_one_error_naming_it(tmp_path):
    missing = str(tmp_path / "gone.md")
    with pytest.raises(FactlintError) as err:
        read_source(missing)
    assert (err.value.path, err.value.message) == (missing, "cannot read file: No such file or directory")


def test_an_error_while_reading_is_one_error_naming_the_file(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"Talks ended.\n")

    def failing(fd, size):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", failing)
    with pytest.raises(FactlintError) as err:
        read_source(str(path))
    assert (err.value.path, err.value.message) == (str(path), "cannot read file: Input/output error")


def test_a_file_of_exactly_the_limit_is_read_whole_across_reads(tmp_path):
    """Read in pieces of 1 MiB: a file of 1.5 MiB and one of exactly its limit come back byte for byte."""
    data = bytes(range(256)) * (3 * 1024 * 2)  # 1.5 MiB
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_source(str(path), limit=len(data)) == data
    with pytest.raises(FactlintError) as err:
        read_source(str(path), limit=len(data) - 1)
    assert (err.value.path, err.value.message) == (str(path), "file too large (1536 KiB; the limit is 1535 KiB)")


def test_one_byte_past_a_limit_of_a_whole_read_is_still_caught(tmp_path, monkeypatch):
    """A limit of exactly one read (1 MiB) and a file claiming 0 bytes: the one byte more is still read, and refused."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * ((1 << 20) + 1))
    monkeypatch.setattr(os, "fstat", lambda fd, real=os.fstat: os.stat_result((*real(fd)[:6], 0, *real(fd)[7:])))
    with pytest.raises(FactlintError) as err:
        read_source(str(path), limit=1 << 20)
    assert (err.value.path, err.value.message) == (str(path), "file too large (over 1024 KiB; the limit is 1024 KiB)")


# --- Markdown code: fences and inline code, as CommonMark reads them --------------------------------------


def test_a_fenced_block_with_runs_of_blanks_and_blank_lines_is_blanked_exactly():
    assert masked("```\na  b\n\n  c\n```\nText US.\n") == "   \n    \n\n   \n   \nText US.\n"


def test_a_backtick_fence_cannot_have_a_backtick_after_it_but_a_tilde_fence_can():
    assert masked("```a`b\nText.\n") == "```a`b\nText.\n"  # not a fence, and no code span closes
    assert masked("~~~ a`b\ncode\n~~~\nText.\n") == "       \n    \n   \nText.\n"


def test_inline_code_spans_close_at_the_next_run_of_the_same_length():
    assert masked("Say `a` and `b` then ``c ` d`` end.\n") == "Say     and     then           end.\n"
    assert masked("`a``b` c `d`\n") == "       c    \n"  # '``' inside is not a closing run of one
    assert masked("`` x `a` y\n") == "`` x     y\n"  # a run no later run closes is text; the next run still opens
    assert masked("`a` `b` c\n") == "        c\n"


# --- context: the windowed search for line ends gives the line a whole-line search gives ------------------


def whole_line_context(text: str, start: int, end: int, limit: int) -> str:
    """Document.context as it was before issue 20 bounded its search: the whole line, then a window."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start <= limit:
        return " ".join(text[line_start:line_end].split())
    left = max(line_start, start - limit // 2)
    right = min(line_end, max(end, left + limit))
    left = max(line_start, min(left, right - limit))
    return ("..." if left > line_start else "") + " ".join(text[left:right].split()) + ("..." if right < line_end else "")


def test_the_context_looked_for_near_the_span_is_the_context_of_the_whole_line():
    """Every span start in lines of every length around the limit (and far past it), ends of 0 to 2 characters:
    the line ends found within limit + 1 of the span give the context the whole line gives."""
    limit = 10
    letters = "abcdefghij klmnopqrst uvwxyzABCD EFGHIJKLMN"
    lengths = (0, 1, 9, 10, 11, 12, 21, 22, 23)
    doc = doc_of("x\n")
    checked = 0
    for first, second, third in itertools.product(lengths, lengths, (None, 11)):
        lines = [letters[:first], letters[-second:] if second else "", *([] if third is None else [letters[:third]])]
        doc.text = text = "\n".join(lines)
        for start in range(len(text)):
            if text[start] == "\n":
                continue  # context is asked for words' spans
            for end in range(start, min(len(text), start + 2) + 1):
                assert doc.context(start, end, limit) == whole_line_context(text, start, end, limit), (text, start, end)
                checked += 1
    assert checked > 10_000


# --- Markdown comments and link targets ----------------------------------------------------------------


def test_markdown_comments_end_at_their_first_close_and_one_may_follow_another():
    assert (masked("<!----> Talks.\n"), doc_of("<!----> Talks.\n").comments) == ("        Talks.\n", [(0, "")])
    assert masked("<!-- a -->Talks.\n") == " " * 10 + "Talks.\n"
    assert doc_of("<!-- a --><!-- b -->Talks.\n").comments == [(0, " a "), (10, " b ")]
    doc = doc_of("<!-- a <!--> b -->\n")  # the first '-->' closes; the rest is text
    assert (doc.text, doc.comments) == (" " * 12 + " b -->\n", [(0, " a <!")])


def test_link_targets_and_reference_definitions_are_masked_even_when_not_urls():
    assert masked("See [a link](docs/US.md) now.\n\n[1]: docs/UK.md\n") == \
        "See [a link](" + " " * 10 + ") now.\n\n" + " " * 15 + "\n"


def test_window_limits_hold_in_the_loop_too_not_only_in_its_shortcut():
    """With one sentence (or block) over its limit, the others are still judged by the same limits."""
    text = "x" * 4_000 + " " + "x" * 999 + " " + "y" * 6_000  # the first sentence has a blank to cut at, if it were over
    assert _sentence_windows(text, [(0, 5_000), (5_001, 11_001)]) == [(0, 5_000), (5_001, 10_001), (10_001, 11_001)]
    exact = Block(0, 50_000, "paragraph", [(0, 25_000), (25_001, 50_000)])
    over = Block(60_000, 120_000, "paragraph", [(60_000, 100_000), (100_001, 120_000)])
    windows = _block_windows([exact, over])
    assert [(w.start, w.end, w.sentences) for w in windows] == [
        (0, 50_000, [(0, 25_000), (25_001, 50_000)]),  # exactly the limit from its start: whole
        (60_000, 100_000, [(60_000, 100_000)]), (100_001, 120_000, [(100_001, 120_000)])]
    late = Block(30_000, 70_000, "paragraph", [(30_000, 40_000), (40_001, 70_000)])
    assert len(_block_windows([late, over])) == 3  # measured from the block's own start: 40,000 characters, whole


def test_a_cut_looks_for_a_blank_only_in_the_second_half_and_skips_any_number_of_blanks_after_it():
    text = "a" * 2_000 + " " + "b" * 9_000
    assert _sentence_windows(text, [(0, len(text))]) == [(0, 5_000), (5_000, 10_000), (10_000, len(text))]  # 2,000 is too early
    text = "c" * 4_999 + "    " + "d" * 1_000  # three blanks left after the cut
    assert _sentence_windows(text, [(0, len(text))]) == [(0, 5_000), (5_003, len(text))]
    text = "e" * 4_999 + "      "  # nothing but blanks after the cut, to the end of the text
    assert _sentence_windows(text, [(0, len(text))]) == [(0, 5_000)]
