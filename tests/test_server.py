"""``factlint server``: a real LSP session over stdio, driven as an editor drives it.

Each test starts the server in a copy of a folder, sends what an editor
sends (initialize, didOpen, didChange, didSave, codeAction, hover, watched
file changes) and checks what comes back. Nothing here looks at timings.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest



def test_without_pygls_the_server_says_what_to_install_in_one_line(tmp_path):
    import subprocess

    probe = "import sys; sys.modules['pygls'] = None; from factlint.cli import main; sys.exit(main(['server']))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, env=_environment())
    assert done.returncode == 2
    assert done.stderr == "factlint: the language server needs pygls: pip install 'factlint[server]'\n"


def _environment() -> dict[str, str]:
    import os

    from tests.conftest import ROOT

    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402

from tests.conftest import SEEDS  # noqa: E402
from tests.lsp_session import Session, apply_edits, run  # noqa: E402

BERLIN = "000_be04edceb295be90.txt"
PARIS = {"001_2682878a7aac655e.txt": (1, 187), "003_c89cddc9c1940466.txt": (1, 317), "004_35f9a6c6c541f104.txt": (4, 276)}
SCRAPED = "004_35f9a6c6c541f104.txt"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def only(diagnostics: list[types.Diagnostic], code: str) -> types.Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, codes(diagnostics)
    return found[0]


def desk(tmp_path: Path, **files: str) -> Path:
    """A workspace folder holding these files (names with '.' for '_', e.g. talks_md)."""
    folder = tmp_path / "desk"
    folder.mkdir()
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


async def gone_after(session: Session, uri: str, text: str, code: str) -> None:
    """Send the edited text: its diagnostics hold no ``code`` finding, and no unused suppression."""
    version = session.change(uri, text)
    after = await session.diagnostics(uri, version)
    assert code not in codes(after) and "unused-suppression" not in codes(after), codes(after)


async def actions_at(session: Session, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    return await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )


def test_the_berlin_diagnostic_with_its_three_related_places_goes_when_berlin_becomes_paris(seeds):
    text = (seeds / BERLIN).read_text(encoding="utf-8")

    async def scenario(session: Session) -> None:
        uri = session.open(BERLIN)
        diagnostics = await session.diagnostics(uri, 1)
        berlin = only(diagnostics, "location-mismatch")
        assert berlin.message == "Puts the meeting in Berlin, but 3 other articles on this story say Paris"
        assert berlin.severity == types.DiagnosticSeverity.Warning and berlin.source == "factlint"
        assert (berlin.range.start.line, berlin.range.start.character, berlin.range.end.character) == (2, 29, 35)
        line = text.split("\n")[2]
        assert line[berlin.range.start.character : berlin.range.end.character] == "Berlin"
        related = {Path(r.location.uri).name: r for r in berlin.related_information}
        assert set(related) == set(PARIS)
        for name, (line_number, column) in PARIS.items():
            place = related[name]
            assert place.message == "puts the meeting in Paris"
            assert (place.location.range.start.line, place.location.range.start.character) == (line_number, column)
            other = (seeds / name).read_text(encoding="utf-8").split("\n")[line_number]
            assert other[column : place.location.range.end.character] == "Paris"
        version = session.change(uri, text.replace("Berlin", "Paris"))
        after = await session.diagnostics(uri, version)
        assert "location-mismatch" not in codes(after)
        assert sorted(codes(after)) == sorted(c for c in codes(diagnostics) if c != "location-mismatch")

    run(scenario, seeds)


def test_hover_on_a_diagnostic_shows_what_explain_prints(seeds, cli):
    explained = cli("explain", "location-mismatch").out.strip()

    async def scenario(session: Session) -> None:
        uri = session.open(BERLIN)
        berlin = only(await session.diagnostics(uri, 1), "location-mismatch")
        hover = await session.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=berlin.range.start)
        )
        assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
        assert explained in hover.contents.value
        nothing = await session.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0))
        )
        assert nothing is None

    run(scenario, seeds)


def test_quick_fix_removes_a_scraped_line_and_the_finding_goes(seeds):
    text = (seeds / SCRAPED).read_text(encoding="utf-8")

    async def scenario(session: Session) -> None:
        uri = session.open(SCRAPED)
        diagnostics = await session.diagnostics(uri, 1)
        comments = next(d for d in diagnostics if d.code == "scraped-boilerplate" and "'0 comments'" in d.message)
        actions = await actions_at(session, uri, comments)
        fix = next(a for a in actions if a.title == "Remove '0 comments'")
        assert fix.kind == types.CodeActionKind.QuickFix
        (edit,) = fix.edit.changes[uri]
        assert edit.new_text == "" and edit.range.start == types.Position(line=2, character=0)
        fixed = apply_edits(text, [edit])
        assert fixed == text.replace("0 comments\n\n", "", 1)
        version = session.change(uri, fixed)
        after = await session.diagnostics(uri, version)
        assert not any("'0 comments'" in d.message for d in after)
        assert len([d for d in after if d.code == "scraped-boilerplate"]) == 3

    run(scenario, seeds)


def test_silencing_with_a_reason_writes_the_front_matter_entry_and_the_finding_goes(seeds):
    text = (seeds / BERLIN).read_text(encoding="utf-8")

    async def scenario(session: Session) -> None:
        uri = session.open(BERLIN)
        berlin = only(await session.diagnostics(uri, 1), "location-mismatch")
        actions = await actions_at(session, uri, berlin)
        silence = next(a for a in actions if a.title.startswith("Silence location-mismatch in this article"))
        (edit,) = silence.edit.changes[uri]
        silenced = apply_edits(text, [edit])
        assert silenced.startswith("---\nfactlint:\n  ignore: [location-mismatch]  # say why this is right\n---\n")
        assert silenced.endswith(text)
        # the command selects the placeholder reason for the writer to replace
        assert silence.command is not None
        await session.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=silence.command.command, arguments=silence.command.arguments)
        )
        shown = await session.until(lambda: session.shown, what="window/showDocument")
        selected = shown[0].selection
        assert silenced.split("\n")[selected.start.line][selected.start.character : selected.end.character] == "say why this is right"
        await gone_after(session, uri, silenced, "location-mismatch")

    run(scenario, seeds)


def test_markdown_substitution_quick_fix_and_a_suppression_comment(tmp_path):
    text = "# Talks\n\nOfficials in Kiev said the talks went well.\n\nThe ministers will meet again in Kiev next week.\n"
    folder = desk(tmp_path, talks_md=text)

    async def scenario(session: Session) -> None:
        uri = session.open("talks.md")
        diagnostics = await session.diagnostics(uri, 1)
        first, second = [d for d in diagnostics if d.code == "preferred-place-names"]
        actions = await actions_at(session, uri, first)
        replace = next(a for a in actions if a.title == "Replace 'Kiev' with 'Kyiv'")
        fixed = apply_edits(text, replace.edit.changes[uri])
        assert fixed == text.replace("Kiev", "Kyiv", 1)
        comment = next(a for a in await actions_at(session, uri, second) if "in this paragraph" in a.title)
        silenced = apply_edits(text, comment.edit.changes[uri])
        assert "\n\n<!-- factlint: ignore preferred-place-names say why this is right -->\nThe ministers" in silenced
        both = apply_edits(silenced, replace.edit.changes[uri])  # the fix is above the comment: its place holds
        await gone_after(session, uri, both, "preferred-place-names")

    run(scenario, folder)


def test_a_change_mid_check_supersedes_it_and_only_current_diagnostics_are_published(tmp_path):
    folder = desk(tmp_path, summit_md="# Summit\n\nThe council met on Monday, its spokeswoman said.\n")
    paragraph = "The council said on {day} that {city} would host the summit of 27 ministers, the spokeswoman said. "
    long_text = "# Summit\n\n" + "\n\n".join(paragraph.format(day=f"day {i}", city="Kharkov") * 3 for i in range(200)) + "\n"

    async def scenario(session: Session) -> None:
        import asyncio
        import time

        uri = session.open("summit.md")
        await session.diagnostics(uri, 1)
        started = time.perf_counter()
        slow = session.change(uri, long_text)
        await session.diagnostics(uri, slow)
        took = time.perf_counter() - started  # how long a check of the long text takes here
        superseded = session.change(uri, long_text.replace("Kharkov", "Lvov"))
        await asyncio.sleep(0.05 + took / 3)  # the debounce, then into the check
        current = session.change(uri, long_text.replace("Kharkov", "Kiev"))
        sent_at = len(session.published[uri])
        diagnostics = await session.diagnostics(uri, current)
        versions = [p.version for p in session.published[uri]]
        assert superseded not in versions, versions  # never published: a newer change came mid-check
        assert all(version == current for version in versions[sent_at:]), versions
        names = {d.message for d in diagnostics if d.code == "preferred-place-names"}
        assert names == {"Use 'Kyiv' rather than 'Kiev'"}

    run(scenario, folder)


def test_a_bad_config_is_one_diagnostic_on_it_and_the_last_good_rules_keep_serving(tmp_path):
    text = "# Talks\n\nThe plan is widely seen as a breakthrough.\n\nOfficials in Kiev said the talks went well.\n"
    folder = desk(tmp_path, talks_md=text)
    config = folder / ".factlint.yaml"
    config.write_text("ignore: [weasel-words]\n", encoding="utf-8")

    async def scenario(session: Session) -> None:
        uri = session.open("talks.md")
        first = await session.diagnostics(uri, 1)
        assert "preferred-place-names" in codes(first) and "weasel-words" not in codes(first)
        config.write_text("ignore: [weasel-words]\nbogus: 1\n", encoding="utf-8")
        session.files_changed(".factlint.yaml")
        (problem,) = await session.diagnostics(session.uri(".factlint.yaml"))
        assert problem.severity == types.DiagnosticSeverity.Error and "unknown config key 'bogus'" in problem.message
        assert problem.range.start.line == 1
        version = session.change(uri, text + "\nAid reached the Ukraine on Monday.\n")
        during = await session.diagnostics(uri, version)
        assert "weasel-words" not in codes(during)  # still the last good config
        assert codes(during).count("preferred-place-names") == 2
        config.write_text("ignore: []\n", encoding="utf-8")
        seen = session.count(session.uri(".factlint.yaml"))
        session.files_changed(".factlint.yaml")
        assert await session.diagnostics(session.uri(".factlint.yaml"), after=seen) == []
        fixed = await session.until(
            lambda: any("weasel-words" in codes(p.diagnostics) for p in session.published[uri]), what="the new rules"
        )
        assert fixed

    run(scenario, folder)


def test_bad_input_is_a_diagnostic_and_the_server_keeps_serving(tmp_path):
    folder = desk(tmp_path)

    async def scenario(session: Session) -> None:
        broken = session.open("broken.md", "---\ntitle: [unclosed\n---\nOfficials in Kiev said so.\n")
        (error,) = await session.diagnostics(broken, 1)
        assert error.severity == types.DiagnosticSeverity.Error and "front matter" in error.message
        binary = session.open("binary.txt", "text\x00with a NUL")
        (error,) = await session.diagnostics(binary, 1)
        assert "binary" in error.message
        huge = session.open("huge.txt", "Officials said so. " * 300_000)
        (error,) = await session.diagnostics(huge, 1)
        assert "too large" in error.message
        version = session.change(broken, "---\ntitle: Talks\n---\nOfficials in Kiev said so.\n")
        assert "preferred-place-names" in codes(await session.diagnostics(broken, version))

    run(scenario, folder)


CRASHING_SERVER = textwrap.dedent(
    """
    import sys
    from factlint.kinds.base import Check, register

    @register("crash")
    class Crash(Check):
        def check(self, doc):
            raise RuntimeError("this kind always fails")

    from factlint.cli import main
    sys.exit(main(["server"]))
    """
)
CRASHING_RULE = """\
id: always-fails
kind: crash
severity: warning
message: never shown
description: A rule whose kind crashes on every article.
examples:
  flag: ["x"]
  ok: ["y"]
"""


def test_a_crash_in_one_rule_is_logged_and_the_other_rules_still_report(tmp_path):
    folder = tmp_path / "desk"
    (folder / "house-rules").mkdir(parents=True)
    (folder / "house-rules" / "always-fails.yaml").write_text(CRASHING_RULE, encoding="utf-8")
    (folder / ".factlint.yaml").write_text("rules: [house-rules]\n", encoding="utf-8")
    script = tmp_path / "crashing_server.py"
    script.write_text(CRASHING_SERVER, encoding="utf-8")

    async def scenario(session: Session) -> None:
        uri = session.open("talks.md", "# Talks\n\nOfficials in Kiev said the talks went well.\n")
        diagnostics = await session.diagnostics(uri, 1)
        assert "preferred-place-names" in codes(diagnostics) and "always-fails" not in codes(diagnostics)
        await session.until(lambda: any("always-fails" in m and "this kind always fails" in m for m in session.logs), what="the log")

    run(scenario, folder, command=[sys.executable, str(script)])


def test_an_edit_refreshes_the_findings_of_another_open_article(seeds):
    async def scenario(session: Session) -> None:
        berlin = session.open(BERLIN)
        assert "location-mismatch" in codes(await session.diagnostics(berlin, 1))
        other_name = "001_2682878a7aac655e.txt"
        other = session.open(other_name)
        await session.diagnostics(other, 1)
        seen = session.count(berlin)
        text = (seeds / other_name).read_text(encoding="utf-8")
        session.change(other, text.replace("Paris", "Berlin"))  # now two say Berlin, two say Paris
        refreshed = await session.diagnostics(berlin, 1, after=seen)
        assert not any(d.message == "Puts the meeting in Berlin, but 3 other articles on this story say Paris" for d in refreshed)

    run(scenario, seeds)
