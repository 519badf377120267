"""Driving ``factlint server`` over stdio as an editor does, with pygls's client.

Used by tests/test_server.py and bench/server_latency.py. ``Session`` starts
the server in a workspace folder, records everything it sends (diagnostics
with their document versions, log messages, shown documents) and waits for
what a test expects, with a time limit so a broken server fails a test
instead of hanging it.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60.0


@dataclass
class Published:
    version: int | None
    diagnostics: list[types.Diagnostic]
    at: float  # time.perf_counter() when it arrived


@dataclass
class Session:
    folder: Path
    command: list[str] = field(default_factory=lambda: [sys.executable, "-m", "factlint", "server"])
    debounce_ms: float = 50
    env: dict[str, str] | None = None
    client: Any = None
    published: dict[str, list[Published]] = field(default_factory=dict)
    logs: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    shown: list[types.ShowDocumentParams] = field(default_factory=list)
    versions: dict[str, int] = field(default_factory=dict)

    def uri(self, name: str) -> str:
        return from_fs_path(str((self.folder / name).resolve()))

    async def start(self) -> types.InitializeResult:
        client = LanguageClient("factlint-tests", "1")

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(Published(params.version, list(params.diagnostics), time.perf_counter()))

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def log_message(params: types.LogMessageParams) -> None:
            self.logs.append(params.message)

        @client.feature(types.WINDOW_SHOW_MESSAGE)
        def show_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @client.feature(types.WINDOW_SHOW_DOCUMENT)
        def show_document(params: types.ShowDocumentParams) -> types.ShowDocumentResult:
            self.shown.append(params)
            return types.ShowDocumentResult(success=True)

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

        @client.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)
        def progress(params: types.WorkDoneProgressCreateParams) -> None:
            return None

        _read_code_actions_by_their_command_field(client)
        @client.feature(types.PROGRESS)
        def progress_report(params: types.ProgressParams) -> None:
            return None

        if self.env is not None:  # the caller's environment as given (the benchmark serves a copy of factlint)
            environment = dict(self.env)
        else:  # this checkout's factlint
            environment = dict(os.environ)
            environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environment.get("PYTHONPATH")]))
        await client.start_io(*self.command, cwd=str(self.folder), env=environment)
        self.client = client
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
            ),
            window=types.WindowClientCapabilities(
                work_done_progress=True, show_document=types.ShowDocumentClientCapabilities(support=True)
            ),
        )
        folder_uri = from_fs_path(str(self.folder.resolve()))
        result = await client.initialize_async(
            types.InitializeParams(
                capabilities=capabilities,
                process_id=os.getpid(),
                root_uri=folder_uri,
                workspace_folders=[types.WorkspaceFolder(uri=folder_uri, name=self.folder.name)],
                initialization_options={"debounce": self.debounce_ms},
            )
        )
        client.initialized(types.InitializedParams())
        return result

    async def stop(self) -> None:
        if self.client is None:
            return
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
        finally:
            await asyncio.wait_for(self.client.stop(), TIMEOUT)

    # -- what an editor sends --------------------------------------------------------------
    def open(self, name: str, text: str | None = None) -> str:
        uri = self.uri(name)
        if text is None:
            text = (self.folder / name).read_text(encoding="utf-8")
        self.versions[uri] = 1
        language = {".md": "markdown", ".html": "html"}.get(Path(name).suffix, "plaintext")
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
        )
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))

    def files_changed(self, *names: str) -> None:
        changes = [types.FileEvent(uri=self.uri(name), type=types.FileChangeType.Changed) for name in names]
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=changes))

    # -- waiting -----------------------------------------------------------------------------
    async def until(self, condition: Callable[[], Any], timeout: float = TIMEOUT, what: str = "the server") -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = condition()
            if found:
                return found
            await asyncio.sleep(0.005)
        raise AssertionError(f"timed out waiting for {what}; logs: {self.logs[-5:]}")

    async def diagnostics(self, uri: str, version: int | None = None, after: int = 0, timeout: float = TIMEOUT) -> list[types.Diagnostic]:
        """The first diagnostics published for ``uri`` at ``version`` (any version when None),
        among those published after the first ``after``."""

        def found() -> list[types.Diagnostic] | None:
            for item in self.published.get(uri, [])[after:]:
                if version is None or item.version == version:
                    return item.diagnostics or [None]  # type: ignore[list-item]
            return None

        result = await self.until(found, timeout, f"diagnostics of {uri} at version {version}")
        return [d for d in result if d is not None]

    def count(self, uri: str) -> int:
        return len(self.published.get(uri, []))


def _read_code_actions_by_their_command_field(client: LanguageClient) -> None:
    """lsprotocol's client side reads any code action with a ``command`` as a bare Command,
    losing its edit; the protocol tells them apart by the field's type (a Command's is
    the command's name, a CodeAction's a Command object), as editors do."""
    from typing import Union

    converter = client.protocol._converter

    def structure(value: Any, _: type) -> Any:
        bare = isinstance(value.get("command"), str)
        return converter.structure(value, types.Command if bare else types.CodeAction)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """A text with LSP edits applied (positions in characters: these tests' texts keep to
    the Basic Multilingual Plane, where UTF-16 units are characters)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        return min(starts[position.line] + position.character, len(text)) if position.line < len(starts) else len(text)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def run(scenario: Callable[[Session], Any], folder: Path, **options: Any) -> Any:
    """Start a session in ``folder``, run the scenario, always stop the server."""

    async def main() -> Any:
        session = Session(folder, **options)
        await session.start()
        try:
            return await scenario(session)
        finally:
            await session.stop()

    return asyncio.run(main())
