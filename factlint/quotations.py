"""Quotations as the attribution kind reads them, from marks paired as a reader pairs them.

factlint/quotemarks.py pairs a paragraph's double marks (``scan_quote_marks``,
the one place they are paired: curly with straight, two apostrophes or the
Penn Treebank's backquotes for a double mark, marks with a stray space
inside) and reports what is wrong with them. :func:`pair_quotations` turns
its pairs into the quotations the attribution kind reads: each with the
words inside, whether it continues one begun in an earlier paragraph (a
paragraph that opens again, or one that only closes) and whether it is left
open to run on; it adds the single quotations (‘...’, `...') outside the
double ones, which scan_quote_marks leaves alone. Where the double marks
cannot be paired (an opening mark inside an open quotation, a closing one
with nothing open after the first mark) the paragraph's double quotations
are reported as unreadable rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from factlint.quotemarks import scan_quote_marks

# Single marks: ‘ or ` before a letter opens; ’ or ' after a letter or a stop, before no letter, closes.
_SINGLE_OPEN = regex.compile(r"(?<![\p{L}\p{N}`'‘’])(?:[‘`](?=[\p{L}\p{N}\"“])|`\s(?=\p{L}))")
_SINGLE_CLOSE = regex.compile(r"(?<=[\p{L}\p{N}.,!?…)])[’'](?![\p{L}\p{N}'’])")
_ANY_MARK = re.compile(r"[\"“”„‟‘`«»]|''|’’")  # any mark that may open or close a quotation
_UNREADABLE = frozenset(("unclosed", "wrong-way"))  # an opening mark inside an open quotation; a mark facing the wrong way
_MARK_AT = regex.compile(r"“|”|\"|''|``|‘‘|’’|«|»|„")


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation in a paragraph: offsets of the text from its opening mark to its closing one."""

    start: int  # the opening mark, or the paragraph's start when the quotation began in an earlier one
    end: int  # just after the closing mark, or the paragraph's end when it runs on
    body_start: int  # the words inside the marks
    body_end: int
    continued: bool  # began in an earlier paragraph (a paragraph that opens again, or one that only closes)
    closed: bool  # False: runs on into the next paragraph
    single: bool = False  # ‘...’ or `...'


def pair_quotations(text: str, start: int, end: int, open_before: bool = False) -> tuple[list[QuoteSpan], bool, bool]:
    """The quotations of the paragraph text[start:end], in order.

    ``open_before``: the paragraph before ended inside a quotation, so this one
    may continue it. Returns (quotations, still_open, readable): ``still_open``
    when the paragraph ends inside a quotation (it runs on into the next);
    ``readable`` False when its double marks cannot be paired, and then no
    double quotation is returned.
    """
    first = _ANY_MARK.search(text, start, end)
    if first is None:
        return [], False, True  # most paragraphs quote no one
    doubles: list[QuoteSpan] = []
    scan_from = start
    if open_before and first.group() in ('"', "''") and text[start : first.start()].strip():
        # A paragraph that goes on with a quotation left open before it closes it with its first
        # mark ('his memory will live on, " she said'), which alone cannot tell it closes.
        doubles.append(QuoteSpan(start, first.end(), start, first.start(), True, True))
        scan_from = first.end()
    pairs, problems, left_open = scan_quote_marks(text, scan_from, end)
    first_mark = min([p.open for p in pairs] + [p.start for p in problems if p.kind == "stray-close"] + [end if left_open is None else left_open])
    for problem in problems:
        if problem.kind in _UNREADABLE or (problem.kind == "stray-close" and (problem.start > first_mark or doubles)):
            return _pair_singles(text, start, end, []), left_open is not None, False
        if problem.kind == "stray-close":
            # The paragraph opens inside a quotation begun earlier (here, or on a page this copy
            # was cut from) and closes it here.
            doubles.append(QuoteSpan(start, problem.end, start, problem.start, True, True))
    for pair in pairs:
        close_end = pair.close + len(pair.close_mark)
        continued = open_before and pair.open == first_mark and not text[start : pair.open].strip()
        doubles.append(QuoteSpan(pair.open, close_end, pair.open + len(pair.open_mark), pair.close, continued, True))
    if left_open is not None:
        mark = _MARK_AT.match(text, left_open)
        body = left_open + (len(mark.group()) if mark else 1)
        continued = open_before and left_open == first_mark and not text[start:left_open].strip()
        doubles.append(QuoteSpan(left_open, end, body, end, continued, False))
    doubles.sort(key=lambda q: q.start)
    return sorted(doubles + _pair_singles(text, start, end, doubles), key=lambda q: q.start), left_open is not None, True


def _pair_singles(text: str, start: int, end: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘...’ and `...' outside the double quotations (inside one they are a quotation within it)."""
    if "‘" not in text[start:end] and "`" not in text[start:end]:
        return []
    found = []
    position = start
    while True:
        opening = _SINGLE_OPEN.search(text, position, end)
        if opening is None:
            return found
        if any(q.start <= opening.start() < q.end for q in doubles):
            position = opening.end()
            continue
        closing = _SINGLE_CLOSE.search(text, opening.end(), end)
        if closing is None:
            return found
        if (opening.group()[0] == "`") != (closing.group() == "'"):
            position = opening.end()  # ‘ closes with ’, ` with '
            continue
        if any(opening.start() < q.start < closing.start() for q in doubles):
            position = opening.end()
            continue
        found.append(QuoteSpan(opening.start(), closing.end(), opening.end(), closing.start(), False, True, True))
        position = closing.end()
