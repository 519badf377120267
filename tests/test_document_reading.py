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

    monkeypatch.setattr(factlint.yamlio, "load_yaml", no_yaml)
    doc = doc_of('---\ntitle: "Talks end"\nstory: \'kyiv-talks\'\ndate: 2025-11-20\n---\nBody.\n')
    assert doc.front_matter == {"title": "Talks end", "story": "kyiv-talks", "date": "2025-11-20"}


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
