"""Issue 20, per-byte cost: the shortcuts that make long articles cheaper find what the plain code finds.

Speed itself is measured by bench/adversarial.py, not here; these tests hold each shortcut to the
result of the straightforward computation it replaces, on seeded random inputs and the cases it targets.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from factlint import quotemarks as Q
from factlint.document import Settings, _abbreviations, _SENTENCE_END, parse_document, split_sentences
from factlint.kinds.duplicates import _quotations_within
from factlint.kinds.scopes import _Spans
from factlint.quotemarks import scan_quote_marks
from factlint.ruleset import builtin_rules_dir, compile_rules, load_rules

_PIECES = ["A", "b", ".", " ", "\n", "Mr", "U.S", '"', "(", ")", "é", "\t", "É", "...", "!", "?", "’", "St", "Dr",
           "no", "1", "Jan", "“", "[", "J. R. ", "Gen", "Rep", "x", "approx", "”", "]", "\u00a0"]


@pytest.mark.parametrize("extra", [(), ("Rep.", "(x.", "no..", "Sgt.", "Gov’t.", "É.")])
def test_sentence_ends_skipped_by_the_regex_are_those_the_loop_passes_over(extra):
    """split_sentences with the abbreviation-aware candidates gives the sentences of the plain candidates."""
    quick = _abbreviations(extra)
    plain = dataclasses.replace(quick, sentence_end=_SENTENCE_END)
    rng = random.Random(20)
    texts = ["A. B. C. D. " * 50, "Mr. Gen. Dr. U.S. Officials met. " * 20, "He met J. R. Smith. Then (A.) Left. “B.” Went.",
             "Gen. Smith left. The U.S. Army came. Gov’t. Sources said.", "It is A.. B. Then Rep. Jones spoke."]
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    for text in texts:
        assert split_sentences(text, 0, len(text), quick) == split_sentences(text, 0, len(text), plain), repr(text)


def test_initials_and_titles_are_still_not_sentence_ends():
    doc = parse_document("a.txt", "He met J. R. Smith and Gen. Jones in Paris. They left.\n".encode(), Settings())
    assert [doc.text[s:e] for s, e in doc.blocks[0].sentences] == ["He met J. R. Smith and Gen. Jones in Paris.", "They left."]


def test_a_shared_quotation_mark_scan_is_not_changed_by_the_rule_that_reads_it():
    """quotemarks adds 'never closed' problems to its own copy: the scan the other kinds read stays as it was."""
    text = 'He said "we left.\n\nThen she "came" home.\n'
    doc = parse_document("a.txt", text.encode(), Settings())
    check = next(c for c in compile_rules(load_rules([builtin_rules_dir()]), {}) if c.rule.id == "quote-marks")
    block = doc.blocks[0]
    before = scan_quote_marks(doc.text, block.start, block.end)
    first = [(f.location.line, f.location.column, f.message) for f in check.check(doc)]
    second = [(f.location.line, f.location.column, f.message) for f in check.check(doc)]
    assert first and first == second
    assert scan_quote_marks(doc.text, block.start, block.end) == before
    assert not before[1] and before[2] is not None  # no problem within the paragraph; its quotation left open


def test_exception_spans_cover_as_a_look_at_each_would():
    rng = random.Random(21)
    for _ in range(3000):
        spans = [(a, a + rng.randint(0, 8)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 6)))]
        start = rng.randint(0, 45)
        end = start + rng.randint(1, 6)
        assert _Spans(spans).cover(start, end) == any(a <= start and end <= b for a, b in spans), (spans, start, end)


def test_a_sentences_quotations_found_by_bisection_are_those_a_look_at_each_finds():
    rng = random.Random(22)
    for _ in range(3000):
        spans, position = [], 0
        for _ in range(rng.randint(0, 8)):  # a paragraph's quotations: in order, none inside another
            opening = position + rng.randint(0, 5)
            position = opening + rng.randint(1, 6)
            spans.append((opening, position))
        start = rng.randint(0, position + 2)
        end = start + rng.randint(1, 10)
        naive = [(max(s, start), min(e, end)) for s, e in spans if s < end and start < e]
        assert _quotations_within(spans, start, end) == naive, (spans, start, end)


def test_the_collector_is_paused_inside_and_given_back_by_whoever_paused_it() -> None:
    """One pause serves the article's analysis and the gazetteer's load: inside, no cyclic
    collection; a nested pause leaves the collector to the outer one; an error still gives it back."""
    import gc

    from factlint.budget import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block did not switch it back on
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("an article that fails")
    assert gc.isenabled()


def _story_terms_word_by_word(doc):
    """stories.story_terms as it read each capitalized word in turn (before the spellings were counted first)."""
    from collections import Counter

    from factlint.stories import _CAPITALIZED, _COMMON, _POSSESSIVE, TERMS_PER_ARTICLE

    counts = Counter()
    for start, end, _ in doc.sentences(("paragraph", "blockquote")):
        for match in _CAPITALIZED.finditer(doc.text, start, end):
            if match.start() == start:
                continue
            term = _POSSESSIVE.sub("", match.group(1).lower())
            if term not in _COMMON and len(term) > 2:
                counts[term] += 1
    return dict(counts.most_common(TERMS_PER_ARTICLE))


_TERM_PIECES = ["Paris", "Paris's", "PARIS", "paris", "Smith’s", "Smiths'", "The", "Officials", "Mr", "Kyiv", "O'Neil",
                "Jean-Luc", "Éric", "Ab", "Über", "x", ".", ". ", "\n\n", "\n", " ", "-", "'", "’", "1", "“", "> ",
                "Berlin", "Rome", "Tuesday", "Reuters", "a.Bcd", "Zed", "Yon", "Xavier"]


def test_story_terms_counted_by_spelling_are_those_counted_word_by_word():
    """Same terms, counts and order (ties rank by first use) as the word-by-word count; past 40 terms too."""
    from factlint.stories import story_terms

    rng = random.Random(23)
    texts = ["Paris Berlin London Kyiv Moscow " * 300, "Paris met Rome. Rome met Paris. Berlin's Berlin.\n\n> Kyiv said Rome.\n",
             " ".join(f"Name{chr(65 + i % 26)}{chr(97 + i // 26)}x" for i in range(200))]
    texts += ["Zed " + "".join(rng.choice(_TERM_PIECES) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        for name in ("a.md", "a.txt"):
            doc = parse_document(name, text.encode(), Settings())
            expected = _story_terms_word_by_word(doc)
            got = story_terms(doc)
            assert list(got.items()) == list(expected.items()), repr(text)


def _scan_mark_by_mark(text: str, start: int, end: int):
    """quotemarks._scan as it read every mark through the general reading (before the straight mark's own)."""
    pairs, problems = [], []
    # the mark that opened the quotation now open: its offsets and the mark as written
    pending = None
    for mark in Q._MARKS.finditer(text, start, end):
        symbol = mark.group()
        at, to = mark.span()
        if symbol == '"':  # the common mark first: it neither faces a way nor stands for another
            if text[to : to + 1] in Q._APOSTROPHE_NEXT and Q._APOSTROPHE.match(text, at):
                problems.append(Q.QuoteProblem(at, to, "apostrophe", "a double quotation mark where an apostrophe belongs"))
                continue
        elif symbol[0] == "\ufffd" and pending is None:
            continue
        elif symbol in Q._CURLY:
            turned = Q._turned(text, at, to, symbol, pending is not None)
            if turned:
                problems.append(Q.QuoteProblem(at, to, "wrong-way", turned))
                symbol = "”" if symbol == "“" else "“"
        if pending is None:
            if symbol == "»" and Q._spaced(text, at, to):
                continue  # an arrow: "Read more »"
            if symbol in ('"', "”") and at > 0 and text[at - 1].isdigit():
                continue  # an inch mark: a 12" record, a 2” gap
            if symbol in Q._CLOSING:
                problems.append(Q.QuoteProblem(at, to, "stray-close", f"a closing {symbol} where no quotation is open"))
            elif symbol == '"' and at > 0 and Q._closes_only(text[at - 1], text[to : to + 1] or " "):  # _closing_place, inline
                problems.append(Q._new_problem(Q.QuoteProblem, (at, to, "stray-close", 'a closing " where no quotation is open')))
            elif symbol == "''" and Q._between_letters(text, at, to):
                continue  # rock ''n'' roll, a typist's apostrophes
            else:
                pending = (at, to, mark.group())
            continue
        open_at, open_to, opened = pending
        if symbol in Q._OPENING:
            problems.append(Q.QuoteProblem(open_at, open_to, "unclosed", "the quotation opened here is not closed before the next one opens"))
            pending = (at, to, mark.group())
            continue
        if opened in Q._TURNED_OPEN:  # read as the mark it stands for
            opened = "“"
        opened_style, closed_style = Q._STYLE[opened], Q._STYLE[symbol]
        doubled = opened_style == "doubled" or closed_style == "doubled"
        if doubled and at - open_to <= 2:
            pending = None  # ''n'': a typist's apostrophes around a letter, no quotation
            continue
        pairs.append(Q.QuotePair(open_at, at, opened, symbol))
        if doubled:
            problems.append(Q.QuoteProblem(open_at, to, "doubled-single", "two single quote marks stand for a double quotation mark"))
        elif opened_style != closed_style and opened_style != "lost" and closed_style != "lost":
            problems.append(Q.QuoteProblem(at, to, "mixed", f"a quotation opened with {opened} is closed with {symbol}"))
        pending = None
    return pairs, problems, pending[0] if pending is not None else None


_MARK_PIECES = ['"', '"', '"', "“", "”", "''", "``", "‘‘", "’’", "«", "»", "„", "\ufffd", "?", "a", "s", "t", " ", "\n", "1",
                "(", "[", "{", "—", "/", ".", "!", ")", "-", "x", "'"]


def test_the_straight_marks_own_reading_pairs_and_reports_as_the_reading_of_every_mark():
    """quotemarks._scan reads the straight mark on its own first: the same pairs, problems and mark left open
    as reading every mark the general way, on 30,000 seeded mark soups and the shapes it is there for."""
    rng = random.Random(25)
    texts = ['Talks ended' + '?" ' * 3000, '"' * 5000, '"We left 3," she said. ' * 300, 'a 12" record "b" ' * 200]
    texts += ["".join(rng.choice(_MARK_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(30000)]
    for text in texts:
        for start in (0, min(len(text), 3)):
            assert Q._scan(text, start, len(text)) == _scan_mark_by_mark(text, start, len(text)), repr(text)


def _assert_same_matches(quick, plain, pieces: list[str], texts: list[str], least: int) -> None:
    """``quick`` finds exactly ``plain``'s matches on the texts and on 3,000 seeded strings of the pieces; at least
    ``least`` matches in all, so that the look-arounds are put to the test."""
    rng = random.Random(20)
    texts = texts + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    found = 0
    for text in texts:
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in quick.finditer(text)] == spans, repr(text)
        found += len(spans)
    assert found >= least


def test_another_instance_found_letter_first_is_found_as_the_look_behind_first_finds_it():
    """figures' "another instance" scan ("a quake in China", not "a fire truck") starts with its letter and checks the
    character before it after (session 10: a scan skips to the a's): every match is the one of the pattern written
    look-behind first, on seeded copy around the nouns (a word, an apostrophe or a hyphen before, capitals, line breaks)."""
    import re

    lexicon = next(check.lexicon for check in compile_rules([r for r in load_rules([builtin_rules_dir()]) if r.kind == "figures"]))
    quick = lexicon.another_instance
    opening = r"[Aa](?<![\w'’-][Aa])n?"
    assert quick.pattern.startswith(opening)
    plain = re.compile(r"(?<![\w'’-])[Aa]n?" + quick.pattern[len(opening):])
    pieces = ["a", "A", "an", "An", " ", "\n", "quake", "fire", "explosion", "truck", "in", "China", ",", ".", "x", "'", "’",
              "-", "Ka", "strong", "new", "struck", "killed", "a quake in China", "an explosion, ", "ba fire in"]
    texts = ["A quake in China. a fire truck. An explosion, then a blast on Monday. Ka quake in x. -a fire in y. 'a fire in z"]
    _assert_same_matches(quick, plain, pieces, texts, 300)


def test_weekday_names_found_capital_first_are_those_a_word_boundary_first_finds():
    """The dates kind looks for weekday names capital first, the word's start asked after it (session 10: the scan skips
    to the capitals): the same matches as the pattern written word boundary first, on seeded copy."""
    import re

    from factlint.kinds.dates import _WEEKDAY_WORD

    plain = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)")
    pieces = ["Mon", "Monday", "Tue", "Thu", "THURSDAY", "Sat", "Sun", "Fri", "Wed", "MON", "SUN", "x", "_", "1", " ", "\n",
              "(", "-", "é", "Salmon", "aSun", "Sunday's", ","]
    texts = ["On Monday, SUNDAY and Tue.; not Salmon, aSun, xMON or 1Fri."]
    _assert_same_matches(_WEEKDAY_WORD, plain, pieces, texts, 1000)
