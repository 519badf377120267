"""The ``encoding`` kind: text damaged by a wrong character encoding (mojibake).

Copy that went through a system reading UTF-8 as Windows-1252 or Latin-1
comes back with "â€™" where an apostrophe was, "Ã©" for "é", "Â£" for "£";
a system that could not read a character at all leaves "�". The finding
gives the likely intended text and carries it as a fix (``--fix``).

Only text holding a character such damage produces is looked at, so clean
copy costs one regex search. ftfy (the well-kept library for this) is
imported only then, and decides what the intended text is: it changes a
word only when the change is far more likely than the word as written, so
"café’s" and "São Paulo" stay as they are. A "�" ftfy cannot undo: when it
stands where a closing quotation mark belongs (after a word, with the
quotation open, often followed by the "?" that replaced the mark's last
byte) the intended text is that mark; elsewhere the character is lost and
the finding says so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

import regex

from factlint.document import Document
from factlint.findings import Finding
from factlint.kinds.base import Check, register

# A lead character of a UTF-8 sequence read as Windows-1252/Latin-1, followed
# by what a continuation byte becomes; or the replacement character.
_SUSPECT = regex.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152"
    "\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]|\ufffd"
)
_WORD_AROUND = regex.compile(r"\S*\ufffd\??|\S+")
_LOST = "\ufffd"  # the intended character is not known
_QUOTE_LOST = regex.compile(r"(?<=[\p{L}\p{N}.,!?;:])\ufffd\??(?=\s|$|[.,;:)])")


@register("encoding")
class EncodingCheck(Check):
    PARAMS = {}
    PLACEHOLDERS = ("match", "fixed")

    def check(self, doc: Document) -> Iterable[Finding]:
        if not _SUSPECT.search(doc.text):
            return
        from factlint.furniture import not_an_article

        if not_an_article(doc) is not None:
            return  # reported once as a page, not line by line
        position = 0
        while True:
            suspect = _SUSPECT.search(doc.text, position)
            if suspect is None:
                return
            start, end = _word(doc.text, suspect.start(), suspect.end())
            position = max(end, suspect.end())
            damaged = doc.text[start:end]
            fixed = _intended(doc.text, start, damaged)
            if fixed is None or fixed == damaged:
                continue
            if fixed is _LOST:
                yield self.finding(
                    doc, start, end, message=f"Encoding damage in '{damaged}': a character was lost in conversion (shown as �)"
                )
                continue
            edit = (doc.source_offset(start), doc.source_offset(end - 1) + 1, fixed)
            yield replace(self.finding(doc, start, end, match=damaged, fixed=fixed), fixes=(edit,))


def _word(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited word around a suspect character."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _intended(text: str, start: int, damaged: str) -> str | None:
    """The likely intended text of a damaged word, or None when it is not damage."""
    if "\ufffd" in damaged:
        return _lost_character(text, start, damaged)
    import ftfy  # only text with a suspect character pays for the import

    fixed = ftfy.fix_encoding(damaged)
    return fixed if fixed != damaged else None


def _lost_character(text: str, start: int, damaged: str) -> str:
    """A '�' stands where a closing quotation mark was (with the '?' that replaced
    its last byte), when a quotation is open before it in its paragraph."""
    paragraph = text.rfind("\n\n", 0, start) + 1
    before = text[paragraph:start] + damaged[: damaged.index("\ufffd")]
    if before.count("“") > before.count("”") and _QUOTE_LOST.search(damaged):
        return _QUOTE_LOST.sub("”", damaged)
    return _LOST
