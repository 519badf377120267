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
import itertools
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import Any, Callable, Iterator

import regex

from factlint.errors import FactlintError

MAX_FILE_BYTES = 5 * 1024 * 1024
ANALYSIS_TIMEOUT = 10.0  # CPU seconds per article, the default of 'analysis-timeout'
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
    # CPU seconds an article's analysis may take (None: no limit). Not part of the
    # analysis' identity (no repr, no compare): a cached result stays valid.
    analysis_timeout: float | None = field(default=ANALYSIS_TIMEOUT, repr=False, compare=False)


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
    problems: list[FactlintError] = field(default_factory=list)  # unusable front matter: reported, the article still read

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
        """The line around a short span, windowed on it: a readable excerpt.

        The line's ends are looked for no further than ``limit`` from the span (beyond
        that the window is the same): on a 5 MiB line, each finding's excerpt would
        otherwise scan the whole line.
        """
        text = self.text
        lowest, highest = max(0, start - limit - 1), min(len(text), end + limit + 1)
        newline = text.rfind("\n", lowest, start)
        line_start = newline + 1 if newline >= 0 or lowest == 0 else -1  # -1: further back than the window
        line_end = text.find("\n", start, highest)
        line_end = line_end if line_end >= 0 else len(text) if highest == len(text) else len(text) + 1
        if line_end - line_start <= limit:
            return " ".join(self.text[line_start:line_end].split())
        left = max(line_start, start - limit // 2)
        right = min(line_end, max(end, left + limit))
        left = max(line_start, min(left, right - limit))
        snippet = " ".join(text[left:right].split())
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


def read_source(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """An article file's bytes, refusing what cannot be one before reading it.

    Only a regular file (or a link to one) is an article: a FIFO would wait
    for a writer forever and a device never ends, so the file is opened
    without blocking and its type checked on the open file. A file larger
    than ``limit`` is refused by its size, and at most ``limit`` + 1 bytes
    are ever read (a file that grows, or one that claims to be empty as
    /proc's do, is still caught).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise FactlintError(f"cannot read file: {err.strerror or err}", path) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FactlintError(f"not a regular file ({_file_type(info.st_mode)}), not an article", path)
        if info.st_size > limit:
            raise _too_large(path, info.st_size, limit)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as err:
        raise FactlintError(f"cannot read file: {err.strerror or err}", path) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise _too_large(path, len(data), limit, at_least=True)
    return data


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"


def _too_large(path: str, size: int, limit: int, at_least: bool = False) -> FactlintError:
    over = "over " if at_least else ""
    return FactlintError(f"file too large ({over}{size // 1024} KiB; the limit is {limit // 1024} KiB)", path)


# Byte order marks of encodings that are not UTF-8, longest first (UTF-32's starts like UTF-16's).
_FOREIGN_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _utf16_without_bom(data: bytes) -> bool:
    """Text saved as UTF-16 with no byte order mark: every other byte of its start is NUL."""
    sample = data[:512]
    if len(sample) < 16:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (even.count(0) == len(even)) != (odd.count(0) == len(odd))


def decode(path: str, data: bytes, settings: Settings) -> str:
    """Bytes to text, refusing what is not a readable article."""
    if len(data) > settings.max_file_bytes:
        raise _too_large(path, len(data), settings.max_file_bytes)
    for bom, encoding in _FOREIGN_BOMS:
        if data.startswith(bom):
            raise FactlintError(f"{encoding} text (it starts with a {encoding} byte order mark); save the file as UTF-8", path)
    nul = data.find(b"\x00")
    if nul >= 0:
        if _utf16_without_bom(data):
            raise FactlintError("UTF-16 text (every other byte is NUL); save the file as UTF-8", path)
        line = data.count(b"\n", 0, nul) + 1
        raise FactlintError("binary file (contains NUL bytes), not an article", path, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise FactlintError(f"not valid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8", path, line) from None
    if not text.strip():
        raise FactlintError("file is empty", path)
    return _lone_cr_as_newline(text)


def _lone_cr_as_newline(text: str) -> str:
    """Old Mac line ends (a CR alone) read as line ends; one character for one, so offsets stay."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


_LONE_CR = regex.compile(r"\r(?!\n)")


def display_text(data: bytes) -> str:
    """A file's text for showing it (the HTML report): as parsing reads it, undecodable bytes replaced."""
    return _lone_cr_as_newline(data.decode("utf-8-sig", errors="replace"))


def parse_document(path: str, data: bytes, settings: Settings = Settings()) -> Document:
    """Build a Document from a file's bytes: the per-article entry point."""
    source = decode(path, data, settings)
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        text, offsets, headings, comments = _extract_html(source)
        front: dict[str, Any] = {}
        problems: list[FactlintError] = []
        fmt = "html"
    else:
        fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
        front, body_start, problems = _split_front_matter(source, path)
        text, comments = _mask(source, body_start, markdown=fmt == "markdown")
        offsets, headings = None, []
    abbreviations = _abbreviations(settings.extra_abbreviations)
    blocks = _segment(text, fmt, headings, abbreviations)
    line_starts = [0, *accumulate(len(line) + 1 for line in source.split("\n")[:-1])]
    return Document(path, source, text, fmt, front, blocks, offsets, comments, line_starts, problems=problems)


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
        if key in data:
            return None  # YAML says which key is given twice
        data[key] = value
    return data


# Deeper front matter is not metadata anyone wrote by hand; it is refused before it reaches
# code that recurses (reading it, pickling it to a worker).
MAX_FRONT_MATTER_DEPTH = 64


def _split_front_matter(source: str, path: str) -> tuple[dict[str, Any], int, list[FactlintError]]:
    """YAML front matter between '---' lines, split by hand, loaded safely; with the
    problems that leave the article readable (a key given twice, a date that is not one)."""
    if not source.startswith("---\n"):
        return {}, 0, []
    end = _FRONT_MATTER_END.search(source, 4)
    if end is None:
        raise FactlintError("front matter starts with '---' but is never closed", path, 1)
    block = source[4 : end.start()]
    data = _simple_front_matter(block[:-1] if block.endswith("\n") else block)
    problems: list[FactlintError] = []
    if data is None:
        from factlint.yamlio import load_yaml_lenient

        try:
            data, problems = load_yaml_lenient(block, path, line_offset=1)
        except FactlintError as err:
            raise FactlintError(f"broken front matter: {err.message}", path, err.line or 2) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FactlintError("front matter must be a YAML mapping", path, 2)
    try:
        plain = _plain(data)
    except (RecursionError, _TooDeep):
        raise FactlintError(f"broken front matter: nested more than {MAX_FRONT_MATTER_DEPTH} levels deep", path, 2) from None
    problems = [FactlintError(f"front matter: {p.message}; the last one counts", path, p.line) for p in problems]
    problems += _unusable_values(plain, data, path)
    body = end.end() + 1 if end.end() < len(source) else end.end()
    return plain, body, problems


class _TooDeep(Exception):
    pass


def _plain(value: Any, depth: int = 0) -> Any:
    """Front matter as plain dicts/lists/strings, so documents pickle small."""
    if depth > MAX_FRONT_MATTER_DEPTH:
        raise _TooDeep
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, depth + 1) for v in value]
    if type(value) in (str, int, float, bool) or value is None:
        return value
    return str(value)


def _unusable_values(front: dict[str, Any], data: dict[str, Any], path: str) -> list[FactlintError]:
    """The keys factlint reads whose values it cannot use, each dropped (the article is
    read as if it had none) and reported at its line: a date must read as YYYY-MM-DD,
    a story and a title are text."""
    problems = []
    for key in ("date", "story", "title"):
        value = front.get(key)
        if value is None:
            continue
        if key == "date":
            wrong = None if _reads_as_date(value) else f"{value!r} is not a date (write YYYY-MM-DD)"
        else:
            wrong = None if isinstance(value, (str, int, float)) and not isinstance(value, bool) else "must be text"
        if wrong:
            problems.append(FactlintError(f"front matter '{key}': {wrong}; the article is checked without it", path,
                                          _key_line(data, key)))
            del front[key]
    return problems


def _reads_as_date(value: Any) -> bool:
    try:
        date.fromisoformat(str(value)[:10])
    except ValueError:
        return False
    return True


def _key_line(data: Any, key: str) -> int:
    """The file's line of a front-matter key (the block starts on line 2; the
    shortcut reads one key a line and keeps no lines)."""
    key_lines = getattr(data, "key_lines", None)
    if key_lines is not None:
        return key_lines.get(key, 0) + 1
    return 2 + list(data).index(key) if key in data else 2


_URL = regex.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"'\]]+(?:\([^\s<>()]*\)[^\s<>()\"'\]]*)*")
# From the start of the address only: "a.a.a.a...@x" is one candidate, not one per dot.
_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+\b")
_FENCE_OPEN = regex.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_FENCE_CLOSE = regex.compile(r"[ ]{0,3}(`{3,}|~{3,})[ \t]*")
_BACKTICKS = regex.compile(r"`+")
# A link target, with at most one level of parentheses, taken whole (possessively): in
# "[a]([a]([a](..." no candidate scans past the next parenthesis.
_LINK_TARGET = regex.compile(r"(?<=\]\()(?:[^()\s]++|\([^()\s]*+\))*+(?:\s+\"[^\"]*+\")?(?=\))")
_REFERENCE_DEF = regex.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$", regex.M)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_INDENTED_CODE = regex.compile(r"(?:(?<=\A)|(?<=\n[ \t]*\n))((?:(?: {4,}|\t)[^\n]*(?:\n|\Z))+)")


def _fenced_code(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of fenced code blocks, as CommonMark reads them: a fence closes at a line of
    at least as many of the same mark and nothing else; one never closed runs to the end."""
    spans = []
    opened: tuple[int, str] | None = None  # where the open fence starts, and its mark
    position = start
    for line in text[start:].split("\n"):
        end = position + len(line)
        if opened is None:
            fence = _FENCE_OPEN.match(line)
            if fence is not None and not (fence.group(1)[0] == "`" and "`" in line[fence.end():]):
                opened = (position, fence.group(1))
        else:
            fence = _FENCE_CLOSE.fullmatch(line)
            if fence is not None and fence.group(1)[0] == opened[1][0] and len(fence.group(1)) >= len(opened[1]):
                spans.append((opened[0], min(end + 1, len(text))))
                opened = None
        position = end + 1
    if opened is not None:
        spans.append((opened[0], len(text)))
    return spans


def _inline_code(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of inline code: a run of backticks up to the next run of the same length.
    A run that no later run closes is text; each run is looked at once."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start)]
    later: dict[int, list[int]] = {}  # run length -> indexes of runs of that length, from the last
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        length = runs[index][1] - runs[index][0]
        same = later[length]
        while same and same[-1] <= index:
            same.pop()
        if same:
            closing = same.pop()
            spans.append((runs[index][0], runs[closing][1]))
            index = closing + 1
        else:
            index += 1
    return spans


def _html_comments(text: str, start: int) -> list[tuple[int, int, int, int]]:
    """(start, end, body start, body end) of each closed <!-- ... --> comment."""
    found = []
    position = start
    while True:
        opening = text.find("<!--", position)
        if opening < 0:
            break
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break  # no comment closes after this one either
        found.append((opening, closing + 3, opening + 4, closing))
        position = closing + 3
    return found


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
        masked = _blanked(masked, _fenced_code(source, body_start))
        masked = _blanked(masked, [(m.start(), m.end()) for m in _INDENTED_CODE.finditer(masked, body_start)])
        masked = _blanked(masked, _inline_code(masked, body_start))
        for pattern in (_LINK_TARGET, _REFERENCE_DEF):
            masked = _blanked(masked, [(m.start(), m.end()) for m in pattern.finditer(masked, body_start)])
        found = _html_comments(masked, body_start)  # code is blanked by now: a comment shown in code is not one
        comments = [(start, source[body:body_end]) for start, _, body, body_end in found]
        masked = _blanked(masked, [(start, end) for start, end, _, _ in found])
        masked = _blanked(masked, [(m.start(), m.end()) for m in _HTML_TAG.finditer(masked, body_start)])
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

_SKIP_OPEN = regex.compile(r"<(script|style|noscript|template|head|pre|code)\b[^>]*>", regex.I)
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_ENTITY = regex.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
_MARKUP_START = regex.compile(r"[<&]")
_BODY_START = regex.compile(r"<body\b", regex.I)
_HTML_SPACE = regex.compile(r"[ \t\r\n]")
_BLOCK_TAGS = frozenset(
    "p div br hr li ul ol dl dt dd blockquote section article header footer aside nav main figure "
    "figcaption table tr td th thead tbody h1 h2 h3 h4 h5 h6 title body html form fieldset address".split()
)
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6 title".split())


@dataclass
class _Markup:
    """One piece of markup: a comment, a skipped element (script, style ...), a tag
    (``tag`` set), an entity, or anything else between '<' and '>'."""

    start: int
    end: int
    comment: str | None = None
    skipped: bool = False
    tag: str | None = None
    closing: bool = False
    entity: str | None = None


class _MarkupScanner:
    """The markup of an HTML file in order, each found in time linear in the file.

    A '<' with no '>' after it, a comment never closed, a script never
    closed: each is looked for once, and the answer (there is none further
    on) remembered, so a file of 50,000 '<' is one pass, not 50,000.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.next_gt = -2  # the next '>' at or after the last place asked (-1: none further on)
        self.next_gt_from = 0
        self.no_comment_close_from: int | None = None
        self.closes: dict[str, tuple[int, Any]] = {}  # element -> (searched from, its first closing tag then)

    def _gt(self, position: int) -> int:
        if self.next_gt == -1 and position >= self.next_gt_from:
            return -1
        if self.next_gt < position:
            self.next_gt, self.next_gt_from = self.source.find(">", position), position
        return self.next_gt

    def _comment_end(self, position: int) -> int:
        if self.no_comment_close_from is not None and position >= self.no_comment_close_from:
            return -1
        end = self.source.find("-->", position)
        if end < 0:
            self.no_comment_close_from = position
        return end

    def _closing(self, name: str, position: int) -> Any:
        searched_from, found = self.closes.get(name, (None, None))
        if searched_from is not None and position >= searched_from and (found is None or found.start() >= position):
            return found
        found = regex.compile(rf"</{name}\s*>", regex.I).search(self.source, position)
        self.closes[name] = (position, found)
        return found

    def scan(self, position: int) -> Iterator[_Markup]:
        source = self.source
        while True:
            start = _MARKUP_START.search(source, position)
            if start is None:
                return
            at = start.start()
            markup = self._entity(at) if source[at] == "&" else self._markup(at)
            if markup is None:
                position = at + 1
                continue
            yield markup
            position = markup.end

    def _entity(self, at: int) -> _Markup | None:
        entity = _ENTITY.match(self.source, at)
        return _Markup(at, entity.end(), entity=entity.group()) if entity else None

    def _markup(self, at: int) -> _Markup | None:
        source = self.source
        if source.startswith("<!--", at):
            end = self._comment_end(at + 4)
            if end >= 0:
                return _Markup(at, end + 3, comment=source[at + 4 : end])
        gt = self._gt(at)
        if gt < 0:
            return None  # no '>' further on: every '<' left is text
        opening = _SKIP_OPEN.match(source, at, gt + 1)
        if opening is not None:
            closing = self._closing(opening.group(1).lower(), opening.end())
            if closing is not None:
                return _Markup(at, closing.end(), skipped=True)
        tag = _TAG.match(source, at, gt + 1)
        if tag is not None:
            return _Markup(at, tag.end(), tag=tag.group(2).lower(), closing=bool(tag.group(1)))
        return _Markup(at, gt + 1)


def _extract_html(source: str) -> tuple[str, list[int], list[tuple[int, int]], list[tuple[int, str]]]:
    """Body text of an HTML file with a per-character map back to the source."""
    position = 0
    body = _BODY_START.search(source)
    if body is not None:
        gt = source.find(">", body.end())
        position = gt + 1 if gt >= 0 else 0
    out: list[str] = []
    offsets: list[int] = []
    headings: list[tuple[int, int]] = []
    comments: list[tuple[int, str]] = []
    heading_start: int | None = None
    length = 0  # characters of text so far

    def emit(text: str, at: int, one_offset: bool = False) -> None:
        nonlocal length
        if text:
            out.append(text)
            offsets.extend(itertools.repeat(at, len(text)) if one_offset else range(at, at + len(text)))
            length += len(text)

    for markup in _MarkupScanner(source).scan(position):
        emit(_HTML_SPACE.sub(" ", source[position : markup.start]), position)
        position = markup.end
        if markup.comment is not None:
            comments.append((markup.start, markup.comment))
        elif markup.entity is not None:
            emit(html.unescape(markup.entity), markup.start, one_offset=True)
        elif markup.tag is not None:
            if markup.tag in _BLOCK_TAGS:
                emit("\n\n", markup.start, one_offset=True)
                if markup.tag in _HEADING_TAGS:
                    if markup.closing:
                        if heading_start is not None:
                            headings.append((heading_start, length))
                        heading_start = None
                    else:
                        heading_start = length
        elif markup.skipped:
            emit("\n\n", markup.start, one_offset=True)
    emit(_HTML_SPACE.sub(" ", source[position:]), position)  # text after </body> is read, as browsers read it
    text = "".join(out)
    kept = len(text.rstrip())  # markup after the last paragraph is not blank lines
    text, offsets = text[:kept], offsets[:kept]
    if text:
        text += "\n"
        offsets.append(offsets[-1] + 1)
    return text, offsets, headings, comments


# ---------------------------------------------------------------------------
# Paragraphs, headings, sentences
# ---------------------------------------------------------------------------

_LETTER = regex.compile(r"\p{L}")
_CLAUSE_END = regex.compile(r"[.,;:]['\"”’)]*$")
_INITIAL = regex.compile(r"\p{Lu}\.")
# Dotted initials of a company or person ("L.F. Rothschild", "J.P. Morgan", "E.F. Hutton"): like the
# listed "U.S.", they end a sentence only when a word that starts sentences follows.
_INITIALS = regex.compile(r"(?:\p{Lu}\.){2,}")
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
        block.sentences = _sentence_windows(text, block.sentences)
    return _block_windows(blocks)


# Bounded windows. Kinds look at a sentence, or a paragraph, as a whole and some
# compare its parts pairwise, so one endless "sentence" (scraped copy without
# stops, a table flattened to one line) would cost them the square of its
# length. No window a kind sees is larger than these. Real copy never comes
# near them (in the dev corpora and Reuters, the longest sentence is 2,306
# characters and the longest paragraph 12,408 characters, 94 sentences), so
# they only cut what is not prose.
MAX_SENTENCE_CHARS = 5_000
MAX_BLOCK_CHARS = 50_000
MAX_BLOCK_SENTENCES = 250
_LAST_BREAK = regex.compile(r"[,;:]\s|\s", regex.REVERSE)


def _sentence_windows(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, each longer than MAX_SENTENCE_CHARS cut into pieces that are not:
    at the last clause mark or space that keeps a piece within the bound."""
    if all(end - start <= MAX_SENTENCE_CHARS for start, end in sentences):
        return sentences
    windows = []
    for start, end in sentences:
        while end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            cut = _LAST_BREAK.search(text, start + MAX_SENTENCE_CHARS // 2, limit)
            cut_at = cut.end() if cut is not None else limit
            windows.append((start, cut_at))
            start = cut_at
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            windows.append((start, end))
    return windows


def _block_windows(blocks: list[Block]) -> list[Block]:
    """The blocks, each with more than MAX_BLOCK_SENTENCES sentences or MAX_BLOCK_CHARS
    characters cut, between sentences, into blocks of the same kind that have not."""
    if all(len(b.sentences) <= MAX_BLOCK_SENTENCES and b.end - b.start <= MAX_BLOCK_CHARS for b in blocks):
        return blocks
    windows = []
    for block in blocks:
        piece: list[tuple[int, int]] = []
        start = block.start
        for sentence in block.sentences:
            if piece and (len(piece) == MAX_BLOCK_SENTENCES or sentence[1] - start > MAX_BLOCK_CHARS):
                windows.append(Block(start, piece[-1][1], block.kind, piece))
                piece, start = [], sentence[0]
            piece.append(sentence)
        windows.append(Block(start, block.end, block.kind, piece))
    return windows


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
    sentence_end: regex.Pattern  # the candidates split_sentences reads: _sentence_end(never_final)


# A sentence ends at a run of stops (tried from its first mark only, and never given
# back: a run of 20,000 '!' is one candidate, not 20,000 each scanning the rest).
_SENTENCE_END = regex.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[\p{Lu}\d])")
_OPENERS = "\"'“‘(["  # stripped from the word before a stop
_CLOSERS = "\"'”’)]"  # and after it


def _sentence_end(never_final: frozenset[str]) -> regex.Pattern:
    """_SENTENCE_END without the candidates split_sentences would pass over anyway: a single
    full stop after a word, alone or after opening marks, that is an initial ("J.") or an
    abbreviation that never ends a sentence ("Gen."). Text of initials or titles only
    ("A. B. C. ...", "Mr. Gen. Dr. ...") is a candidate every few characters, each a turn
    of split_sentences's loop; here the regex engine passes over them. split_sentences
    still reads every candidate left as before, so the sentences are the same. The full stop
    is matched before the look back at the word, so a run of other stops ('?" ?" ...') costs
    no look back at all."""
    words = sorted(
        (w[:-1] for w in never_final
         if w.endswith(".") and len(w) > 1 and w[-2] not in ".!?…" and w[0] not in _OPENERS and regex.fullmatch(r"\S+", w)),
        key=len, reverse=True,
    )
    word = "|".join([r"\p{Lu}", *map(regex.escape, words)])
    return regex.compile(
        rf"(?<![.!?…])(?!\.(?![.!?…])(?<=(?:^|\s)[\"'“‘(\[]*(?:{word})\.))" + _SENTENCE_END.pattern[len("(?<![.!?…])"):]
    )


@lru_cache(maxsize=8)
def _abbreviations(extra: tuple[str, ...]) -> Abbreviations:
    from factlint.yamlio import load_data_file

    data = load_data_file(os.path.join(os.path.dirname(__file__), "data", "abbreviations.yaml"))
    never_final = frozenset(data["never_final"]) | frozenset(extra)
    return Abbreviations(
        never_final,
        frozenset(data["may_end"]),
        frozenset(data["sentence_starters"]),
        _sentence_end(never_final),
    )

_WORD_BEFORE = regex.compile(r"\S+", regex.REVERSE)  # matched backwards from the sentence end
_NEXT_WORD = regex.compile(r"\s+[\"'“‘(\[]?([\w'’-]+)")


def split_sentences(text: str, start: int, end: int, abbreviations: Abbreviations) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], respecting abbreviations."""
    sentences = []
    begin = start
    for match in abbreviations.sentence_end.finditer(text, start, end):
        if match.group().startswith(".") and not match.group().startswith("..."):
            word = _WORD_BEFORE.match(text, begin, match.end())
            bare = word.group().lstrip("\"'“‘([").rstrip("\"'”’)]") if word else ""
            if bare in abbreviations.never_final or len(bare) == 2 and _INITIAL.fullmatch(bare):
                continue
            if bare in abbreviations.may_end or _INITIALS.fullmatch(bare):
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
