"""Double quotation marks, paired as a reader pairs them, and what is wrong with them.

``scan_quote_marks(text, start, end)`` reads one paragraph's double
quotation marks (curly “ ”, straight ", guillemets « », and the typewriter
stand-ins '' and ``) and pairs each opening mark with the closing mark a
reader would close it with. Single quotation marks are left alone: they are
apostrophes too, and only a reader knows which is which.

A straight mark opens when no quotation is open and closes otherwise, as a
reader reads it (so spaced marks in tokenized text pair too); a digit
before a straight mark with no quotation open is an inch mark. A quotation
left open at the end of a paragraph is not a problem when the next
paragraph opens with a quotation mark: that is how a quotation running
over several paragraphs is written.

Kept apart from the attribution kind, which pairs quotations for its own
purpose, so either can change without the other.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_QUOTATION_MARKS = r"“|”|\"|''|``|‘‘|’’|«|»|„"
_MARKS = regex.compile(_QUOTATION_MARKS + r"|\ufffd\??")
_ANY_MARK = regex.compile(_QUOTATION_MARKS)
_STYLE = {
    "“": "curly", "”": "curly", "„": "curly", '"': "straight",
    "''": "doubled", "``": "doubled", "‘‘": "doubled", "’’": "doubled", "«": "guillemet", "»": "guillemet",
    "\ufffd": "lost", "\ufffd?": "lost",  # a mark lost to an encoding error: the encoding kind reports it
}
_OPENING = {"“", "«", "``", "‘‘", "„"}
_CLOSING = {"”", "»", "’’"}


@dataclass(frozen=True, slots=True)
class QuoteProblem:
    """Something wrong with a paragraph's quotation marks: text offsets [start, end) of the mark(s)."""

    start: int
    end: int
    kind: str  # "doubled-single" | "mixed" | "wrong-way" | "apostrophe" | "unclosed" | "stray-close"
    detail: str


@dataclass(frozen=True, slots=True)
class QuotePair:
    """A quotation: offsets of its opening and of its closing mark."""

    open: int
    close: int
    open_mark: str
    close_mark: str


def scan_quote_marks(text: str, start: int, end: int) -> tuple[list[QuotePair], list[QuoteProblem], int | None]:
    """The quotations of text[start:end] (one paragraph), the problems of its marks, and
    the offset of an opening mark left open at its end (None when every quotation closes)."""
    pairs: list[QuotePair] = []
    problems: list[QuoteProblem] = []
    pending: regex.Match | None = None
    for mark in _MARKS.finditer(text, start, end):
        symbol = mark.group()
        if symbol.startswith("\ufffd") and pending is None:
            continue
        if symbol == '"' and _APOSTROPHE.match(text, mark.start()):
            problems.append(QuoteProblem(mark.start(), mark.end(), "apostrophe", "a double quotation mark where an apostrophe belongs"))
            continue
        turned = _turned(text, mark.start(), mark.end(), symbol, pending is not None)
        if turned:
            problems.append(QuoteProblem(mark.start(), mark.end(), "wrong-way", turned))
            symbol = "”" if symbol == "“" else "“"
        if pending is None:
            if symbol == "»" and _spaced(text, mark.start(), mark.end()):
                continue  # an arrow: "Read more »"
            if symbol in ('"', "”") and mark.start() > 0 and text[mark.start() - 1].isdigit():
                continue  # an inch mark: a 12" record, a 2” gap
            if symbol in _CLOSING:
                problems.append(QuoteProblem(mark.start(), mark.end(), "stray-close", f"a closing {symbol} where no quotation is open"))
            elif symbol == '"' and _closing_place(text, mark.start(), mark.end()):
                problems.append(QuoteProblem(mark.start(), mark.end(), "stray-close", 'a closing " where no quotation is open'))
            elif symbol == "''" and _between_letters(text, mark.start(), mark.end()):
                continue  # rock ''n'' roll, a typist's apostrophes
            else:
                pending = mark
            continue
        if symbol in _OPENING:
            problems.append(QuoteProblem(pending.start(), pending.end(), "unclosed", "the quotation opened here is not closed before the next one opens"))
            pending = mark
            continue
        opened = pending.group()
        if opened in _TURNED_OPEN:  # read as the mark it stands for
            opened = "“"
        if "doubled" in (_STYLE[opened], _STYLE[symbol]) and mark.start() - pending.end() <= 2:
            pending = None  # ''n'': a typist's apostrophes around a letter, no quotation
            continue
        pairs.append(QuotePair(pending.start(), mark.start(), opened, symbol))
        if "doubled" in (_STYLE[opened], _STYLE[symbol]):
            problems.append(QuoteProblem(pending.start(), mark.end(), "doubled-single", "two single quote marks stand for a double quotation mark"))
        elif _STYLE[opened] != _STYLE[symbol] and "lost" not in (_STYLE[opened], _STYLE[symbol]):
            problems.append(QuoteProblem(mark.start(), mark.end(), "mixed", f"a quotation opened with {opened} is closed with {symbol}"))
        pending = None
    return pairs, problems, pending.start() if pending is not None else None


_APOSTROPHE = regex.compile(r"(?<=\p{L})\"(?:s|t|re|ll|ve|d|m)\b")
_TURNED_OPEN = {"”"}  # a closing mark that opened a quotation (reported as wrong-way)


def _turned(text: str, start: int, end: int, symbol: str, open_: bool) -> str | None:
    """Why a curly mark faces the wrong way, or None: an opening mark after a word and
    before a space closes; a closing mark before a word with no quotation open opens."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if symbol == "“" and open_ and not before.isspace() and (after.isspace() or after in ".,;:!?)"):
        return "an opening mark “ closes this quotation; use ”"
    if symbol == "“" and open_ and text[max(0, start - 2) : start] in (", ", ". ", "! ", "? ") and after.islower():
        return "an opening mark “ closes this quotation; use ”"  # "this, “said Stefanski"
    if symbol == "”" and not open_ and (after.isalnum()) and (before.isspace() or before in "([—–-:.") and not before.isdigit():
        return "a closing mark ” opens this quotation; use “"
    return None


def _closing_place(text: str, start: int, end: int) -> bool:
    """Is a straight mark where only a closing one goes (after a word or its punctuation, before a space)?"""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and before not in "([{—–-/" and (after.isspace() or after in ".,;:!?)")


def _spaced(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())


def _between_letters(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1].isalpha() and end < len(text) and text[end].isalpha()


def has_quotation_marks(text: str) -> bool:
    """Does the text hold any double quotation mark this module reads (a quick test before scanning)?"""
    return _ANY_MARK.search(text) is not None


def opens_with_quotation(text: str, start: int, end: int) -> bool:
    """Does text[start:end] (a paragraph) begin with an opening quotation mark?"""
    while start < end and text[start].isspace():
        start += 1
    first = _MARKS.match(text, start, end)
    return first is not None and first.group() not in _CLOSING
