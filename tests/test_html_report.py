"""The HTML report: self-contained, and showing what it should in a real browser.

The browser is Debian's ``chromium`` (``apt-get install -y chromium``), run
headless. Without it the browser tests are skipped, except in CI, where a
missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (apt-get install -y chromium); CI installs it",
)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag not in ("meta", "br", "img", "link", "input", "hr"):
            self._open.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.text_by_id.setdefault(attributes["id"], "")

    def handle_endtag(self, tag):
        while self._open:
            opened, _ = self._open.pop()
            if opened == tag:
                break

    def handle_data(self, data):
        for _, element_id in self._open:
            if element_id:
                self.text_by_id[element_id] += data


def render_html(cli, *paths: str, cwd: Path = ROOT) -> tuple[str, dict]:
    """The HTML report and the JSON findings of the same run."""
    page = cli("check", *paths, "--format", "html", cwd=cwd)
    assert page.code in (0, 1), page.err
    data = json.loads(cli("check", *paths, "--format", "json", cwd=cwd).out)
    return page.out, data


def parse(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


def test_report_is_self_contained(cli):
    page, _ = render_html(cli, "seeds")
    elements = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    for tag, attributes in elements.tags:
        assert tag not in ("script", "link", "img", "iframe", "object", "embed", "video", "audio", "source"), tag
        assert "src" not in attributes
        href = attributes.get("href")
        assert href is None or href.startswith("#"), href
    assert "@import" not in page and "url(" not in page


def test_report_shows_every_finding_in_place_with_its_message_and_links(cli):
    page, data = render_html(cli, "seeds")
    elements = parse(page)
    ids = elements.text_by_id
    notes = sorted((int(i[1:]) for i in ids if re.fullmatch(r"f\d+", i)))
    assert notes == list(range(1, len(data["findings"]) + 1))
    messages = [" ".join(ids[f"f{n}"].split()) for n in notes]
    for finding in data["findings"]:
        assert any(finding["message"] in m and finding["rule"] in m for m in messages), finding["message"]
        line_anchor = next(i for i in ids if i.endswith(f"-L{finding['line']}") and i.startswith("a"))
        assert line_anchor  # the article is shown line by line
    # every in-page link lands somewhere that exists
    for tag, attributes in elements.tags:
        if attributes.get("href", "").startswith("#"):
            assert attributes["href"][1:] in ids, attributes["href"]
    # the summaries count what the findings say
    by_rule = {}
    for finding in data["findings"]:
        by_rule[finding["rule"]] = by_rule.get(finding["rule"], 0) + 1
    for rule, count in by_rule.items():
        assert re.search(rf"<code>{re.escape(rule)}</code>.*?<td class=\"num\"><a href=\"#f\d+\">{count}</a>", page)
    # the flagged text itself is highlighted: a mark whose text is in the finding's line
    marked = re.findall(r'id="m(\d+)" href="#f\1">\1</a>(?:<a class="marker[^>]*>\d+</a>)*<mark class="sev-\w+', page)
    assert sorted(int(n) for n in marked) == notes


def test_related_places_in_other_articles_are_linked_and_shown(cli, tmp_path):
    archive = tmp_path / "desk"
    archive.mkdir()
    for name in ("a.md", "b.md"):
        (archive / name).write_text("# Aid\n\nThe U.S. said it would help Kyiv.\n")
    (archive / "c.md").write_text("# Aid\n\nThe US said it would help Kyiv.\n\n<script>alert('x')</script> &amp; <b>bold</b>\n")
    page, data = render_html(cli, "desk", cwd=tmp_path)
    [finding] = [f for f in data["findings"] if f["rule"] == "consistent-abbreviations"]
    assert finding["path"] == "desk/c.md"
    elements = parse(page)
    related = finding["related"][0]
    link = re.search(rf'<a href="#(a\d+)-L{related["line"]}">{re.escape(related["path"])}:{related["line"]}:{related["column"]}</a>', page)
    assert link, "the note links to the related place"
    assert link.group(1) in elements.text_by_id  # the related article is shown although it has no finding
    assert "The U.S. said it would help Kyiv." in elements.text_by_id[f"{link.group(1)}-L{related['line']}"]
    # article text is shown as text, never as markup
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp;amp; &lt;b&gt;" in page


# ---------------------------------------------------------------------------
# In Chromium
# ---------------------------------------------------------------------------

LAYOUT_PROBE = """
<script>
const report = [];
for (const note of document.querySelectorAll('.note')) {
  const n = note.id.slice(1);
  const marker = document.getElementById('m' + n);
  const row = marker.closest('.row');
  const text = row.querySelector('.text').getBoundingClientRect();
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  let mark = marker.nextElementSibling;
  while (mark && mark.classList.contains('marker')) mark = mark.nextElementSibling;
  report.push({
    n: Number(n),
    marker: box(marker), note: box(note), text: [text.left, text.top, text.right, text.bottom], row: box(row),
    highlight: mark && mark.tagName === 'MARK' ? getComputedStyle(mark).backgroundColor : null,
    highlighted: mark ? mark.textContent : '',
    message: note.querySelector('.message').textContent,
  });
}
const out = document.createElement('pre');
out.id = 'layout-probe';
out.textContent = JSON.stringify({width: document.documentElement.clientWidth, notes: report});
document.body.appendChild(out);
</script>
"""


def chromium(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    profile = cwd / "profile"
    profile.mkdir(exist_ok=True)
    assert CHROMIUM, "chromium must be installed in CI: apt-get update && apt-get install -y chromium"
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_chromium
def test_chromium_shows_each_highlight_with_its_message_beside_it(cli, tmp_path):
    page, data = render_html(cli, "seeds")
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", LAYOUT_PROBE + "</body>"), encoding="utf-8")
    run = chromium("--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom", probe.as_uri(), cwd=tmp_path)
    found = re.search(r'<pre id="layout-probe">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stderr[-2000:]
    layout = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    notes = layout["notes"]
    assert len(notes) == len(data["findings"])
    messages = {f["message"] for f in data["findings"]}
    for note in notes:
        left, top, right, bottom = note["note"]
        row_top, row_bottom = note["row"][1], note["row"][3]
        assert right - left > 100 and bottom - top > 10, note  # a readable box
        assert left >= note["text"][2], note  # beside the article text, not over it
        assert row_top <= top and bottom <= row_bottom + 1, note  # on the line of its finding
        assert note["marker"][2] > note["marker"][0], note  # the numbered marker is drawn
        assert note["highlight"] not in (None, "rgba(0, 0, 0, 0)"), note  # the flagged text is painted
        assert note["highlighted"].strip(), note
        assert note["message"] in messages


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and raw RGB(A) rows of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows


@needs_chromium
def test_chromium_screenshot_paints_the_warning_highlights(cli, tmp_path):
    page, _ = render_html(cli, "seeds")
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    shot = tmp_path / "report.png"
    run = chromium("--window-size=1000,1400", f"--screenshot={shot}", report.as_uri(), cwd=tmp_path)
    assert shot.is_file(), run.stderr[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 1400)
    channels = len(rows[0]) // width
    warning_background = bytes((0xFE, 0xF0, 0xC7))  # --warning-bg, the highlight of a warning
    painted = sum(
        1 for row in rows for x in range(0, len(row), channels) if row[x : x + 3] == warning_background
    )
    assert painted > 500, "warning highlights (and pills) should be visible in the first screen"


TABLE_PROBE = """
<script>
const scroll = document.querySelector('#by-article .scroll');
const box = scroll.getBoundingClientRect();
const totals = [...scroll.querySelectorAll('tr > :last-child')].map((cell) => cell.getBoundingClientRect().right);
const out = document.createElement('pre');
out.id = 'table-probe';
out.textContent = JSON.stringify({right: box.right, scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth, totals});
document.body.appendChild(out);
</script>
"""


@needs_chromium
@pytest.mark.parametrize("width", [1100, 1400])
def test_chromium_by_article_table_shows_its_total_column(cli, tmp_path, width):
    """Long article names wrap: the table fits its column and Total stays in view (issue 20)."""
    desk = tmp_path / "desk-with-long-folder-names" / "wire-copy-2026-01-06-coalition-of-the-willing"
    desk.mkdir(parents=True)
    for n in range(3):
        (desk / f"{n:03}_a_long_article_file_name_as_content_systems_export_them_c89cddc9c1940466.md").write_text(
            "The US said it would help Kyiv.\n\nCritics say the plan is weak.\n\n\n\n", encoding="utf-8")
    (desk / "z.md").write_text("The U.S. said it would help Kyiv.\n", encoding="utf-8")
    page, _ = render_html(cli, "desk-with-long-folder-names", cwd=tmp_path)
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", TABLE_PROBE + "</body>"), encoding="utf-8")
    run = chromium(f"--window-size={width},1000", "--virtual-time-budget=5000", "--dump-dom", probe.as_uri(), cwd=tmp_path)
    found = re.search(r'<pre id="table-probe">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stderr[-2000:]
    layout = json.loads(found.group(1).replace("&quot;", '"'))
    assert layout["scrollWidth"] <= layout["clientWidth"], layout  # nothing to scroll sideways to
    assert len(layout["totals"]) >= 4 and all(right <= layout["right"] + 0.5 for right in layout["totals"]), layout
