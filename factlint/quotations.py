"""Pairing quotation marks the way a reader pairs them.

Scraped and wire copy mixes its marks: curly quotes closed by straight ones
(“Either ... correct," Musk said), straight quotes with a stray space inside
("aggressive, " he added), two apostrophes or the Penn Treebank's backquotes
standing for a double quote (''Like this'', ``like this''), and quotations that
run over several paragraphs, each opening again and only the last one
closing (and the Boston Globe's “...’’). :func:`pair_quotations` reads one paragraph's double marks in one pass
(an ambiguous straight mark opens or closes by what stands either side of it
and by whether a quotation is open), then its single ones (‘...’, `...')
outside the double quotations. Where the marks cannot be paired (an opening
curly mark inside an open quotation, a closing one with nothing open) the
paragraph's double quotations are reported as unreadable rather than guessed.

This is the one place quotation marks are paired: the attribution kind reads
its quotations and their speakers from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

# Double-quote marks: “ „ ‟ and `` open, ” closes, " and '' do either. A '' inside a word is not one.
_DOUBLE = regex.compile(r"‘‘|’’|[“„‟”\"]|``|(?<![\p{L}\p{N}])''|''(?![\p{L}\p{N}])")
_OPENING = frozenset({"“", "„", "‟", "``", "‘‘"})
_CLOSING = frozenset({"”", "’’"})  # “The Road’’: the Boston Globe closes with two apostrophes
# Single marks: ‘ or ` before a letter opens; ’ or ' after a letter or a stop, before no letter, closes.
_SINGLE_OPEN = regex.compile(r"(?<![\p{L}\p{N}`'‘’])(?:[‘`](?=[\p{L}\p{N}\"“])|`\s(?=\p{L}))")
_SINGLE_CLOSE = regex.compile(r"(?<=[\p{L}\p{N}.,!?…)])[’'](?![\p{L}\p{N}'’])")
_ANY_MARK = re.compile(r"[\"“”„‟‘`]|''|’’")  # any mark that may open or close a quotation
_OPENS_AFTER = frozenset("([{—–-/")  # a mark after these opens: (“...”), —"..."
_CLOSES_BEFORE = frozenset(".,;:!?)]}—–…")  # a mark before these closes: "...",


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


def _role(text: str, start: int, end: int, mark_start: int, mark_end: int, mark: str) -> str:
    """'open', 'close' or 'either' for one double mark, from the mark and what stands beside it."""
    if mark in _OPENING:
        return "open"
    if mark in _CLOSING:
        return "close"
    before = text[mark_start - 1] if mark_start > start else " "
    after = text[mark_end] if mark_end < end else " "
    opens = not after.isspace() and (before.isspace() or before in _OPENS_AFTER)
    closes = not before.isspace() and (after.isspace() or after in _CLOSES_BEFORE)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def pair_quotations(text: str, start: int, end: int, open_before: bool = False) -> tuple[list[QuoteSpan], bool, bool]:
    """The quotations of the paragraph text[start:end], in order.

    ``open_before``: the paragraph before ended inside a quotation, so this one
    may continue it. Returns (quotations, still_open, readable): ``still_open``
    when the paragraph ends inside a quotation (it runs on into the next);
    ``readable`` False when its double marks cannot be paired, and then no
    double quotation is returned.
    """
    if _ANY_MARK.search(text, start, end) is None:
        return [], False, True  # most paragraphs quote no one
    doubles = _pair_doubles(text, start, end, open_before)
    if doubles is None:
        still_open = _ends_open(text, start, end)
        return _pair_singles(text, start, end, []), still_open, False
    quotes, still_open = doubles
    return sorted(quotes + _pair_singles(text, start, end, quotes), key=lambda q: q.start), still_open, True


def _pair_doubles(text: str, start: int, end: int, open_before: bool) -> tuple[list[QuoteSpan], bool] | None:
    marks = [(m.start(), m.end(), m.group()) for m in _DOUBLE.finditer(text, start, end)]
    quotes: list[QuoteSpan] = []
    opened: tuple[int, int] | None = None  # (mark start, body start) of the quotation open now
    continued = False
    for index, (mark_start, mark_end, mark) in enumerate(marks):
        role = _role(text, start, end, mark_start, mark_end, mark)
        if opened is None:
            if role == "close" or (role == "either" and index == 0 and open_before and text[start:mark_start].strip()):
                if index > 0:
                    return None  # a closing mark with nothing open
                # The paragraph opens inside a quotation begun earlier (here, or on a page
                # this copy was cut from) and closes it here.
                quotes.append(QuoteSpan(start, mark_end, start, mark_start, True, True))
                continue
            opened = (mark_start, mark_end)
            continued = open_before and index == 0 and not text[start:mark_start].strip()
        elif mark in _OPENING:
            return None  # “ inside an open quotation: the marks do not pair
        else:  # a closing mark, or a straight one, which inside a quotation closes it (“... correct," Musk said)
            quotes.append(QuoteSpan(opened[0], mark_end, opened[1], mark_start, continued, True))
            opened = None
            continued = False
    if opened is not None:
        quotes.append(QuoteSpan(opened[0], end, opened[1], end, continued, False))
        return quotes, True
    return quotes, False


def _ends_open(text: str, start: int, end: int) -> bool:
    """For a paragraph whose marks do not pair: does its last mark open a quotation?"""
    last = None
    for match in _DOUBLE.finditer(text, start, end):
        last = match
    return last is not None and _role(text, start, end, last.start(), last.end(), last.group()) == "open"


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
