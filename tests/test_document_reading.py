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
