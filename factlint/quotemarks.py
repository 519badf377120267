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

from typing import NamedTuple

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
_CURLY = {"“", "”"}  # the marks that can face the wrong way


class QuoteProblem(NamedTuple):  # tuples: a paragraph of thousands of marks makes thousands
    """Something wrong with a paragraph's quotation marks: text offsets [start, end) of the mark(s)."""

    start: int
    end: int
    kind: str  # "doubled-single" | "mixed" | "wrong-way" | "apostrophe" | "unclosed" | "stray-close"
    detail: str


class QuotePair(NamedTuple):
    """A quotation: offsets of its opening and of its closing mark."""

    open: int
    close: int
    open_mark: str
    close_mark: str


Scan = tuple[tuple[QuotePair, ...], tuple[QuoteProblem, ...], "int | None"]

# The last article's scans, by paragraph: three kinds read one paragraph's marks (quotemarks,
# duplicates' quoted words, attribution's quotations), each at its own time. One article at a
# time, so it holds nothing else, and at most _HELD_MARKS marks of it: real copy (at most 108
# marks in a paragraph in the dev corpora and Reuters) is read once, while 5 MiB of marks is
# read again by each kind rather than held in memory. The pair is replaced whole, so threads
# reading other articles only miss it.
_HELD_MARKS = 20_000
_last_scans: tuple[str, dict[tuple[int, int], Scan]] = ("", {})
_held = 0


def scan_quote_marks(text: str, start: int, end: int) -> Scan:
    """The quotations of text[start:end] (one paragraph), the problems of its marks, and
    the offset of an opening mark left open at its end (None when every quotation closes).
    Read once per paragraph of an article, shared by its callers (tuples: not to be changed)."""
    global _last_scans, _held
    cached_text, scans = _last_scans
    if cached_text is not text:
        scans = {}
        _last_scans, _held = (text, scans), 0
    scan = scans.get((start, end))
    if scan is None:
        pairs, problems, left_open = _scan(text, start, end)
        scan = (tuple(pairs), tuple(problems), left_open)
        if _held < _HELD_MARKS:
            scans[(start, end)] = scan
            _held += len(pairs) + len(problems)
    return scan


def _scan(text: str, start: int, end: int) -> tuple[list[QuotePair], list[QuoteProblem], int | None]:
    pairs: list[QuotePair] = []
    problems: list[QuoteProblem] = []
    # the mark that opened the quotation now open: its offsets and the mark as written
    pending: tuple[int, int, str] | None = None
    for mark in _MARKS.finditer(text, start, end):
        symbol = mark.group()
        at, to = mark.span()
        if symbol == '"':  # the common mark first: it neither faces a way nor stands for another
            after = text[to : to + 1]
            if after in _APOSTROPHE_NEXT and _APOSTROPHE.match(text, at):
                problems.append(QuoteProblem(at, to, "apostrophe", "a double quotation mark where an apostrophe belongs"))
                continue
            # the straight mark read on its own (as any mark is read below): thousands in a paragraph of marks
            if pending is None:
                before = text[at - 1 : at]
                if before.isdigit():
                    continue  # an inch mark: a 12" record
                if before and _closes_only(before, after or " "):
                    problems.append(_new_problem(QuoteProblem, (at, to, "stray-close", 'a closing " where no quotation is open')))
                else:
                    pending = (at, to, symbol)
                continue
            if pending[2] == '"':  # straight closes straight: one style, nothing to report
                pairs.append(_new_problem(QuotePair, (pending[0], at, symbol, symbol)))
                pending = None
                continue
        elif symbol[0] == "\ufffd" and pending is None:
            continue
        elif symbol in _CURLY:
            turned = _turned(text, at, to, symbol, pending is not None)
            if turned:
                problems.append(QuoteProblem(at, to, "wrong-way", turned))
                symbol = "”" if symbol == "“" else "“"
        if pending is None:
            if symbol == "»" and _spaced(text, at, to):
                continue  # an arrow: "Read more »"
            if symbol == "”" and at > 0 and text[at - 1].isdigit():
                continue  # an inch mark: a 2” gap (a straight one, 12", is read above)
            if symbol in _CLOSING:
                problems.append(QuoteProblem(at, to, "stray-close", f"a closing {symbol} where no quotation is open"))
            elif symbol == "''" and _between_letters(text, at, to):
                continue  # rock ''n'' roll, a typist's apostrophes
            else:
                pending = (at, to, mark.group())
            continue
        open_at, open_to, opened = pending
        if symbol in _OPENING:
            problems.append(QuoteProblem(open_at, open_to, "unclosed", "the quotation opened here is not closed before the next one opens"))
            pending = (at, to, mark.group())
            continue
        if opened in _TURNED_OPEN:  # read as the mark it stands for
            opened = "“"
        opened_style, closed_style = _STYLE[opened], _STYLE[symbol]
        doubled = opened_style == "doubled" or closed_style == "doubled"
        if doubled and at - open_to <= 2:
            pending = None  # ''n'': a typist's apostrophes around a letter, no quotation
            continue
        pairs.append(QuotePair(open_at, at, opened, symbol))
        if doubled:
            problems.append(QuoteProblem(open_at, to, "doubled-single", "two single quote marks stand for a double quotation mark"))
        elif opened_style != closed_style and opened_style != "lost" and closed_style != "lost":
            problems.append(QuoteProblem(at, to, "mixed", f"a quotation opened with {opened} is closed with {symbol}"))
        pending = None
    return pairs, problems, pending[0] if pending is not None else None


_APOSTROPHE = regex.compile(r"(?<=\p{L})\"(?:s|t|re|ll|ve|d|m)\b")
_APOSTROPHE_NEXT = frozenset("strlvdm")  # the letters _APOSTROPHE needs after the mark: a quick test first
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


def _closes_only(before: str, after: str) -> bool:
    """Is a straight mark between these characters where only a closing one goes (after a word or its
    punctuation, before a space)?"""
    return not before.isspace() and before not in "([{—–-/" and (after.isspace() or after in ".,;:!?)")


_new_problem = tuple.__new__  # a QuoteProblem without the call through its generated __new__: millions in 5 MiB of marks


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
