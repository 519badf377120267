"""The document model every kind shares.

A ``Document`` is built from a file's bytes alone (a pure function, and the
result pickles) so the per-article phase can run in other processes or on
other machines. It keeps the original text for positions and a *lint text*
of the same length in which front matter, code, URLs and markup are blanked
out, so a regex over the lint text yields offsets that are also offsets into
the file. HTML is the exception: its lint text is the extracted body text and
``offsets`` maps each of its characters back to the file.
"""

from __future__ import annotations

import bisect
import html
import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import Any, Callable, Iterator

import regex

from factlint.errors import FactlintError

MAX_FILE_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES

# Lines longer than this are unwrapped prose: a break after one is a paragraph
# break (or a mistake), never soft wrapping.
WRAP_WIDTH = 100


@dataclass(frozen=True, slots=True)  # findings and extracts hold many: slots keep them small
class Location:
    """A place in a file: 1-based lines and columns, end column inclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass
class Block:
    """A paragraph, heading or blockquote: lint-text offsets, sentences inside."""

    start: int
    end: int
    kind: str  # "paragraph" | "heading" | "blockquote"
    sentences: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    """What per-document analysis depends on besides the bytes (hashable)."""

    extra_abbreviations: tuple[str, ...] = ()
    max_file_bytes: int = MAX_FILE_BYTES


@dataclass
class Document:
    """One article: text, front matter, blocks and sentences, with positions."""

    path: str
    source: str
    text: str
    format: str
    front_matter: dict[str, Any]
    blocks: list[Block]
    offsets: list[int] | None = None
    comments: list[tuple[int, str]] = field(default_factory=list)  # (source offset, body)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_memo": {}}  # analyses stay in the process that made them

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """A per-article analysis computed once and shared by the rules of a kind."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # -- positions ---------------------------------------------------------
    def source_offset(self, index: int) -> int:
        """Map a lint-text offset to an offset in the file's text."""
        if self.offsets is None:
            return index
        if not self.offsets:
            return 0
        return self.offsets[min(max(index, 0), len(self.offsets) - 1)]

    def line_col(self, source_index: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        line = bisect.bisect_right(self._line_starts, source_index) - 1
        return line + 1, source_index - self._line_starts[line] + 1

    def locate(self, start: int, end: int) -> Location:
        """Location of lint-text span [start, end), trimmed of whitespace."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        end = max(end, start + 1)
        line, column = self.line_col(self.source_offset(start))
        end_line, end_column = self.line_col(self.source_offset(end - 1))
        return Location(self.path, line, column, end_line, end_column)

    def excerpt(self, start: int, end: int, limit: int = 160) -> str:
        """The span's text on one line, shortened for display."""
        snippet = " ".join(self.text[start:end].split())
        return snippet if len(snippet) <= limit else snippet[: limit - 3].rstrip() + "..."

    def context(self, start: int, end: int, limit: int = 120) -> str:
        """The line around a short span, windowed on it: a readable excerpt."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", start)
        line_end = len(self.text) if line_end < 0 else line_end
        if line_end - line_start <= limit:
            return " ".join(self.text[line_start:line_end].split())
        left = max(line_start, start - limit // 2)
        right = min(line_end, max(end, left + limit))
        left = max(line_start, min(left, right - limit))
        snippet = " ".join(self.text[left:right].split())
        return ("..." if left > line_start else "") + snippet + ("..." if right < line_end else "")

    # -- structure -----------------------------------------------------------
    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def sentences(self, kinds: tuple[str, ...] = ("paragraph",)) -> Iterator[tuple[int, int, Block]]:
        """Every sentence (start, end, block) of blocks of the given kinds."""
        for block in self.blocks:
            if block.kind in kinds:
                for start, end in block.sentences:
                    yield start, end, block


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def decode(path: str, data: bytes, settings: Settings) -> str:
    """Bytes to text, refusing what is not a readable article."""
    if len(data) > settings.max_file_bytes:
        raise FactlintError(
            f"file too large ({len(data) // 1024} KiB; the limit is {settings.max_file_bytes // 1024} KiB)", path
        )
    if b"\x00" in data[:8192]:
        raise FactlintError("binary file (contains NUL bytes), not an article", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise FactlintError(f"not valid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8", path, line) from None
    if not text.strip():
        raise FactlintError("file is empty", path)
    return text


def parse_document(path: str, data: bytes, settings: Settings = Settings()) -> Document:
    """Build a Document from a file's bytes: the per-article entry point."""
    source = decode(path, data, settings)
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        text, offsets, headings, comments = _extract_html(source)
        front: dict[str, Any] = {}
        fmt = "html"
    else:
        fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
        front, body_start = _split_front_matter(source, path)
        text, comments = _mask(source, body_start, markdown=fmt == "markdown")
        offsets, headings = None, []
    abbreviations = _abbreviations(settings.extra_abbreviations)
    blocks = _segment(text, fmt, headings, abbreviations)
    line_starts = [0, *accumulate(len(line) + 1 for line in source.split("\n")[:-1])]
    return Document(path, source, text, fmt, front, blocks, offsets, comments, line_starts)


# ---------------------------------------------------------------------------
# Front matter and masking
# ---------------------------------------------------------------------------

_FRONT_MATTER_END = regex.compile(r"^(?:---|\.\.\.)[ \t]*$", regex.M)


# One line of the commonest front matter: a plain key and a quoted string or a date.
_SIMPLE_ENTRY = regex.compile(r"""([A-Za-z_][A-Za-z0-9_]*): +(?:"([^"\\]*)"|'([^']*)'|([0-9]{4})-([0-9]{2})-([0-9]{2}))""")
# Plain words YAML 1.1 reads as booleans or null, not as string keys.
_YAML_WORDS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split())


def _simple_front_matter(text: str) -> dict[str, Any] | None:
    """Front matter made only of 'key: "string"' and 'key: 2025-11-20' lines, read
    as YAML reads it (a date as its ISO string, as _plain makes it) but without
    the YAML parser, which costs more than the rest of reading a short article.
    None for anything else."""
    data: dict[str, Any] = {}
    for line in text.split("\n") if text else ():
        entry = _SIMPLE_ENTRY.fullmatch(line)
        if entry is None or entry.group(1) in _YAML_WORDS:
            return None
        key, double, single, year, month, day = entry.groups()
        value = double if double is not None else single
        if value is None:
            try:
                value = str(date(int(year), int(month), int(day)))
            except ValueError:
                return None  # YAML's own error says what is wrong
        elif not value.isprintable():
            return None
        data[key] = value
    return data


def _split_front_matter(source: str, path: str) -> tuple[dict[str, Any], int]:
    """YAML front matter between '---' lines, split by hand, loaded safely."""
    if not source.startswith("---\n"):
        return {}, 0
    end = _FRONT_MATTER_END.search(source, 4)
    if end is None:
        raise FactlintError("front matter starts with '---' but is never closed", path, 1)
    block = source[4 : end.start()]
    data = _simple_front_matter(block[:-1] if block.endswith("\n") else block)
    if data is None:
        from factlint.yamlio import load_yaml

        try:
            data = load_yaml(block, path, line_offset=1)
        except FactlintError as err:
            raise FactlintError(f"broken front matter: {err.message}", path, err.line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FactlintError("front matter must be a YAML mapping", path, 2)
    body = end.end() + 1 if end.end() < len(source) else end.end()
    return _plain(data), body


def _plain(value: Any) -> Any:
    """Front matter as plain dicts/lists/strings, so documents pickle small."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


_URL = regex.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"'\]]+(?:\([^\s<>()]*\)[^\s<>()\"'\]]*)*")
_EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_FENCE = regex.compile(r"^([ ]{0,3})(`{3,}|~{3,})[^\n]*\n(?:.*?\n)??\1?\2[`~]*[ \t]*(?:\n|\Z)", regex.M | regex.S)
_UNCLOSED_FENCE = regex.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*(?:\n|\Z)", regex.M)
_INLINE_CODE = regex.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", regex.S)
_LINK_TARGET = regex.compile(r"(?<=\]\()[^)\s]*(?:\s+\"[^\"]*\")?(?=\))")
_REFERENCE_DEF = regex.compile(r"^[ ]{0,3}\[[^\]]+\]:[^\n]*$", regex.M)
_HTML_COMMENT = regex.compile(r"<!--(.*?)-->", regex.S)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_INDENTED_CODE = regex.compile(r"(?:(?<=\A)|(?<=\n[ \t]*\n))((?:(?: {4,}|\t)[^\n]*(?:\n|\Z))+)")


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """text with each span's characters but newlines turned into spaces."""
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if start >= end:
            continue
        pieces.append(text[position:start])
        pieces.append("\n".join(" " * len(part) for part in text[start:end].split("\n")))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _mask(source: str, body_start: int, markdown: bool) -> tuple[str, list[tuple[int, str]]]:
    """Blank out what is never linted, keeping every offset and newline; and
    the Markdown's HTML comments (offset, body) outside code, where suppressions live."""
    masked = _blanked(source, [(0, body_start)])
    comments: list[tuple[int, str]] = []
    if markdown:
        covered = [(m.start(), m.end()) for m in _FENCE.finditer(source, body_start)]
        spans = list(covered)
        for match in _UNCLOSED_FENCE.finditer(source, body_start):
            if not any(a <= match.start() < b for a, b in covered):
                spans.append((match.start(), len(source)))  # an unclosed fence runs to the end
                break
        masked = _blanked(masked, spans)
        for pattern in (_INDENTED_CODE, _INLINE_CODE, _LINK_TARGET, _REFERENCE_DEF, _HTML_COMMENT, _HTML_TAG):
            matches = list(pattern.finditer(masked, body_start))
            if pattern is _HTML_COMMENT:  # code is blanked by now: a comment shown in code is not one
                comments = [(m.start(), source[m.start(1) : m.end(1)]) for m in matches]
            masked = _blanked(masked, [(m.start(), m.end()) for m in matches])
    spans = [
        (m.start(), m.end())
        for pattern, needles in ((_URL, ("://", "www.")), (_EMAIL, ("@",)))
        if any(needle in source for needle in needles)  # a scan costs more than a substring test
        for m in pattern.finditer(source, body_start)
    ]
    return _blanked(masked, spans), comments


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

_HTML_TOKEN = regex.compile(
    r"<!--(?P<comment>.*?)-->|<(?P<skip>script|style|noscript|template|head|pre|code)\b[^>]*>.*?</(?P=skip)\s*>"
    r"|<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9]*)\b[^>]*>|<!?[^>]*>|(?P<entity>&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);)",
    regex.S | regex.I,
)
_BODY_TAG = regex.compile(r"<body\b[^>]*>", regex.I)
_HTML_SPACE = regex.compile(r"[ \t\r\n]")
_BLOCK_TAGS = frozenset(
    "p div br hr li ul ol dl dt dd blockquote section article header footer aside nav main figure "
    "figcaption table tr td th thead tbody h1 h2 h3 h4 h5 h6 title body html form fieldset address".split()
)
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6 title".split())


def _extract_html(source: str) -> tuple[str, list[int], list[tuple[int, int]], list[tuple[int, str]]]:
    """Body text of an HTML file with a per-character map back to the source."""
    body = _BODY_TAG.search(source)
    position = body.end() if body else 0
    out: list[str] = []
    offsets: list[int] = []
    headings: list[tuple[int, int]] = []
    comments: list[tuple[int, str]] = []
    heading_start: int | None = None

    def emit(text: str, at: int, one_offset: bool = False) -> None:
        for i, ch in enumerate(text):
            out.append(ch)
            offsets.append(at if one_offset else at + i)

    for match in _HTML_TOKEN.finditer(source, position):
        gap = source[position : match.start()]
        emit(_HTML_SPACE.sub(" ", gap), position)
        position = match.end()
        if match.group("comment") is not None:
            comments.append((match.start(), match.group("comment")))
        elif match.group("entity"):
            emit(html.unescape(match.group("entity")), match.start(), one_offset=True)
        elif match.group("tag"):
            tag = match.group("tag").lower()
            if tag in _BLOCK_TAGS:
                emit("\n\n", match.start(), one_offset=True)
                if tag in _HEADING_TAGS:
                    if match.group("close"):
                        if heading_start is not None:
                            headings.append((heading_start, len(out)))
                        heading_start = None
                    else:
                        heading_start = len(out)
        elif match.group("skip"):
            emit("\n\n", match.start(), one_offset=True)
    else:
        emit(_HTML_SPACE.sub(" ", source[position:]), position)
    while out and out[-1].isspace():  # markup after the last paragraph is not blank lines
        out.pop()
        offsets.pop()
    if out:
        emit("\n", offsets[-1] + 1, one_offset=True)
    return "".join(out), offsets, headings, comments


# ---------------------------------------------------------------------------
# Paragraphs, headings, sentences
# ---------------------------------------------------------------------------

_LETTER = regex.compile(r"\p{L}")
_CLAUSE_END = regex.compile(r"[.,;:]['\"”’)]*$")
_INITIAL = regex.compile(r"\p{Lu}\.")
_ATX_HEADING = regex.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]|$)")
_LIST_ITEM = regex.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_BLOCKQUOTE = regex.compile(r"^[ ]{0,3}>")
_TERMINAL = regex.compile(r"[.!?…][\"'”’)\]]*\s*$")
_SOFT_END = regex.compile(r"[,;:–—-]\s*$")


def _is_title_like(line: str) -> bool:
    """A short line standing alone: a headline, section heading or credit."""
    stripped = line.strip().strip("#").strip()
    if not stripped or not _LETTER.search(stripped):
        return False
    words = stripped.split()
    if len(words) > 14 or len(stripped) > 100:
        return False
    if _CLAUSE_END.search(stripped) and not stripped.endswith("..."):
        return False
    if stripped[-1] in "?!":
        capitalized = sum(1 for w in words if w[:1].isupper())
        return len(words) <= 5 or capitalized * 2 >= len(words)
    return True


def _is_headline(line: str) -> bool:
    """A title-like line in headline case ("What's Happening?", "Talks End in Paris")."""
    if not _is_title_like(line):
        return False
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return len(line.split()) >= 2 and bool(words) and all(w[0].isupper() for w in words)


def _segment(
    text: str, fmt: str, html_headings: list[tuple[int, int]], abbreviations: "Abbreviations"
) -> list[Block]:
    """Split lint text into blocks, then blocks into sentences."""
    chunks: list[list[tuple[int, str]]] = []  # runs of non-blank lines: (start, line without its newline)
    current: list[tuple[int, str]] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            current.append((start, line))
        elif current:
            chunks.append(current)
            current = []
        start += len(line) + 1
    if current:
        chunks.append(current)

    blocks: list[Block] = []
    for chunk in chunks:
        blocks.extend(_chunk_blocks(chunk, fmt))
    if html_headings:
        for block in blocks:
            if any(a <= block.start < b for a, b in html_headings):
                block.kind = "heading"
    for block in blocks:
        if block.kind != "heading":
            block.sentences = split_sentences(text, block.start, block.end, abbreviations)
        else:
            block.sentences = [(block.start, block.end)]
    return blocks


_INDENTS = frozenset(("  ", " \t", "\t ", "\t\t"))  # a line indented by two or more


def _chunk_blocks(chunk: list[tuple[int, str]], fmt: str) -> list[Block]:
    """Blocks of one run of non-blank lines.

    Three layouts occur: one paragraph per line (long lines), hard-wrapped
    paragraphs (short lines, new paragraphs indented as in wire copy), and
    one-per-line with an accidental break mid-sentence, which stays joined.
    """
    indented = [line[:2] in _INDENTS for _, line in chunk]
    long_lines = any(len(line) > WRAP_WIDTH for _, line in chunk)
    indent_style = not long_lines and any(indented[1:]) and not all(indented)
    groups: list[list[tuple[int, str]]] = []
    kinds: list[str] = []
    for i, (start, line) in enumerate(chunk):
        kind = "paragraph"
        if fmt == "markdown" and _ATX_HEADING.match(line):
            kind = "heading"
        elif fmt == "markdown" and _BLOCKQUOTE.match(line):
            kind = "blockquote"
        new = i == 0 or kind == "heading" or kinds[-1] == "heading" or kind != kinds[-1]
        if not new:
            previous = chunk[i - 1][1]
            if fmt == "markdown" and _LIST_ITEM.match(line):
                new = True
            elif indent_style:
                new = indented[i]
            elif long_lines:
                new = bool(_TERMINAL.search(previous)) or (
                    _is_title_like(previous) and not _SOFT_END.search(previous) and line.lstrip()[:1].isupper()
                ) or _is_title_like(line) and bool(_TERMINAL.search(previous))
            else:  # soft-wrapped prose is one paragraph, but a headline may sit on top
                new = i == 1 and _is_headline(previous) and line.lstrip()[:1].isupper()
        if new:
            groups.append([(start, line)])
            kinds.append(kind)
        else:
            groups[-1].append((start, line))
    blocks = []
    for group, kind in zip(groups, kinds):
        start = group[0][0]
        end = group[-1][0] + len(group[-1][1])
        is_list_item = fmt == "markdown" and _LIST_ITEM.match(group[0][1])
        if kind == "paragraph" and len(group) == 1 and not is_list_item and _is_title_like(group[0][1]):
            kind = "heading"
        blocks.append(Block(start, end, kind))
    return blocks


@dataclass(frozen=True)
class Abbreviations:
    never_final: frozenset[str]
    may_end: frozenset[str]
    starters: frozenset[str]


@lru_cache(maxsize=8)
def _abbreviations(extra: tuple[str, ...]) -> Abbreviations:
    from factlint.yamlio import load_data_file

    data = load_data_file(os.path.join(os.path.dirname(__file__), "data", "abbreviations.yaml"))
    return Abbreviations(
        frozenset(data["never_final"]) | frozenset(extra),
        frozenset(data["may_end"]),
        frozenset(data["sentence_starters"]),
    )


_SENTENCE_END = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[\p{Lu}\d])")
_WORD_BEFORE = regex.compile(r"\S+", regex.REVERSE)  # matched backwards from the sentence end
_NEXT_WORD = regex.compile(r"\s+[\"'“‘(\[]?([\w'’-]+)")


def split_sentences(text: str, start: int, end: int, abbreviations: Abbreviations) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], respecting abbreviations."""
    sentences = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group().startswith(".") and not match.group().startswith("..."):
            word = _WORD_BEFORE.match(text, begin, match.end())
            bare = word.group().lstrip("\"'“‘([").rstrip("\"'”’)]") if word else ""
            if bare in abbreviations.never_final or _INITIAL.fullmatch(bare):
                continue
            if bare in abbreviations.may_end:
                following = _NEXT_WORD.match(text, match.end(), end)
                if not following or following.group(1) not in abbreviations.starters:
                    continue
        sentences.append((begin, match.end()))
        nxt = match.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        begin = nxt
    if begin < end and text[begin:end].strip():
        sentences.append((begin, end))
    return sentences
