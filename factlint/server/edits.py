"""What the server's code actions write into an article, as plain text edits.

An edit is ``(start, end, replacement)`` in the article's text, the shape of a
finding's ``fixes``. Suppressions are the forms factlint/suppressions.py
reads: an ``ignore`` comment that covers the paragraph after it (Markdown and
HTML), or the front matter's ``factlint: {ignore: [...]}`` for the whole
article (Markdown and plain text). Each comes with a placeholder reason, whose
span is returned so the editor can select it for the writer to replace.
"""

from __future__ import annotations

import re
from typing import Any

REASON = "say why this is right"
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FACTLINT_KEY = re.compile(r"^factlint[ \t]*:", re.M)

Edit = tuple[int, int, str]


def ignore_comment(doc: Any, offset: int, rule: str) -> tuple[Edit, tuple[int, int]]:
    """The comment silencing ``rule`` in the paragraph that holds text offset ``offset``
    (an offset in ``doc.source``), and where its reason is. ``doc`` is the parsed article
    (factlint.document.Document): the comment goes before the block the engine would
    say it covers, on its own line in Markdown, just before the block's text in HTML."""
    block_start = _block_start(doc, offset)
    if doc.format == "html":
        at, comment = block_start, f"<!-- factlint: ignore {rule} {REASON} -->"
    else:
        at, comment = doc.source.rfind("\n", 0, block_start) + 1, f"<!-- factlint: ignore {rule} {REASON} -->\n"
    reason = at + comment.index(REASON)
    return (at, at, comment), (reason, reason + len(REASON))


def _block_start(doc: Any, offset: int) -> int:
    """Source offset where the paragraph (or heading) holding ``offset`` starts."""
    for block in doc.blocks:
        if doc.source_offset(block.end - 1) >= offset:
            return min(doc.source_offset(block.start), offset)
    return offset


def front_matter_ignore(text: str, rule: str, existing: list[str]) -> tuple[Edit, tuple[int, int]]:
    """The front matter entry silencing ``rule`` in the whole article (merged with the rules
    ``existing`` already lists), and where its reason (a YAML comment) is."""
    rules = ", ".join(dict.fromkeys([*existing, rule]))
    entry = f"factlint:\n  ignore: [{rules}]  # {REASON}\n"
    end = _FRONT_MATTER_END.search(text, 4) if text.startswith("---\n") else None
    if end is None:  # no front matter yet: one holding only this entry
        edit = (0, 0, f"---\n{entry}---\n")
        reason = len("---\n") + entry.index(REASON)
    else:
        block_end = end.start()
        key = _FACTLINT_KEY.search(text, 4, block_end)
        if key is None:
            edit = (block_end, block_end, entry)
        else:
            edit = (key.start(), _entry_end(text, key.start(), block_end), entry)
        reason = edit[0] + entry.index(REASON)
    return edit, (reason, reason + len(REASON))


def _entry_end(text: str, start: int, block_end: int) -> int:
    """Where the front matter entry starting at ``start`` ends: after its key line and
    every indented (or list) line under it."""
    position = text.find("\n", start, block_end)
    while position != -1 and position + 1 < block_end:
        following = text[position + 1 : block_end].split("\n", 1)[0]
        if not following.startswith((" ", "\t", "-")) and following.strip():
            break
        position = text.find("\n", position + 1, block_end)
    return block_end if position == -1 else position + 1
