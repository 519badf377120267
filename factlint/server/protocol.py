"""``factlint server``: the Language Server Protocol over stdio (pygls).

The event loop only speaks the protocol; every check runs on one worker
thread (``engine.Engine``), in order. Diagnostics are never stale: each check
remembers the document version it read, a change that arrives meanwhile
makes it stop at the next rule (``engine.Superseded``), and nothing is
published for a version the editor has left. After an article's own
diagnostics, the other open articles are compared again, since the edit may
have caused or resolved findings there.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from factlint import __version__
from factlint.document import ARTICLE_SUFFIXES
from factlint.errors import FactlintError
from factlint.findings import Finding
from factlint.server.engine import Engine, Outcome, Superseded
from factlint.server.lines import SELECT_COMMAND, Lines, Published, overlaps

log = logging.getLogger("factlint.server")

DEBOUNCE_SECONDS = 0.25  # after the last keystroke; initializationOptions {"debounce": ms} overrides
IDLE_SECONDS = 2.0  # quiet time before housekeeping (the folder state's regrouping)
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
WATCHED = ("**/.factlint.yaml", "**/.factlint.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml", "**/*.{md,markdown,txt,html,htm}")


class FactlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.engine = Engine(self.log_problem)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factlint-check")
        self.debounce = DEBOUNCE_SECONDS
        self.root = Path.cwd()
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.versions: dict[str, int | None] = {}  # the latest version of each open article, as the editor sent it
        self.edits = 0  # any change to any article: a comparison started before it is stale
        self.published: dict[str, Published] = {}
        self.problem_uri: str | None = None  # the config or rule file carrying the load problem's diagnostic
        self.folder_status = "opening"
        self.folder_settled: asyncio.Event | None = None  # set once the folder is open, or being built (checks wait for it)
        self.idle_timer: asyncio.TimerHandle | None = None
        self.file_texts: dict[str, tuple[int, Lines]] = {}  # other articles' lines, for related places

    # -- logging -----------------------------------------------------------------------
    def log_problem(self, message: str) -> None:
        """A message for the client's log (called from any thread)."""
        log.warning("%s", message)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None:
            self._send_log(message)
        elif self._loop is not None:
            self._loop.call_soon_threadsafe(self._send_log, message)

    _loop: asyncio.AbstractEventLoop | None = None

    def _send_log(self, message: str) -> None:
        try:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=f"factlint: {message}"))
        except Exception:  # the client went away
            log.exception("cannot log to the client")

    def info(self, message: str) -> None:
        log.info("%s", message)
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Info, message=f"factlint: {message}"))

    # -- paths ---------------------------------------------------------------------------
    def path_of(self, uri: str) -> str | None:
        """The article's path as the engine spells it (relative to the workspace folder inside
        it), or None when it is not an article file."""
        if not uri.startswith("file:"):
            return None
        fs_path = to_fs_path(uri)
        if not fs_path or not fs_path.lower().endswith(ARTICLE_SUFFIXES):
            return None
        relative = os.path.relpath(fs_path, self.root)
        return fs_path if relative.startswith("..") else relative

    def uri_of(self, path: str) -> str:
        return from_fs_path(str(self.root / path)) or path

    def lines_of(self, path: str) -> Lines | None:
        """Lines of an article that may not be open (a related place), read from disk."""
        uri = self.uri_of(path)
        if uri in self.versions:
            return Lines(self.workspace.get_text_document(uri).source, self._units)
        try:
            stamp = os.stat(path).st_mtime_ns
            if path in self.file_texts and self.file_texts[path][0] == stamp:
                return self.file_texts[path][1]
            with open(path, "rb") as handle:
                lines = Lines(handle.read().decode("utf-8-sig", errors="replace"), self._units)
        except OSError:
            return None
        if len(self.file_texts) > 256:
            self.file_texts.clear()
        self.file_texts[path] = (stamp, lines)
        return lines

    def _units(self, text: str) -> int:
        return self.workspace.position_codec.client_num_units(text)

    # -- scheduling ------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """Check an article after ``delay`` seconds (a newer change resets the wait)."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self.check(uri)))

    async def settled(self) -> None:
        """Wait until the folder is open (or known to need building): a first check then
        has the cross-article findings, where they can be had at once."""
        if self.folder_settled is None:
            self.folder_settled = asyncio.Event()
        await self.folder_settled.wait()

    def _settle(self, settled: bool) -> None:
        if self.folder_settled is None:
            self.folder_settled = asyncio.Event()
        if settled:
            self.folder_settled.set()
        else:
            self.folder_settled.clear()

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run engine work on the worker thread, in order."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, function, *args)

    async def check(self, uri: str) -> None:
        """Check one open article and publish, then refresh the other open articles."""
        self.timers.pop(uri, None)
        path = self.path_of(uri)
        if path is None or uri not in self.versions:
            return
        version = self.versions[uri]
        text = self.workspace.get_text_document(uri).source

        def cancelled() -> bool:
            return self.versions.get(uri, -1) != version

        try:
            await self.settled()
            await self.run(self._reload_if_changed)
            if self.engine.excluded(path):
                self.publish(uri, version, text, Outcome([]))
                return
            outcome = await self.run(self.engine.check, path, text, cancelled)
        except Superseded:
            return
        except Exception as exc:  # a bug must not stop the server: log it, the next change tries again
            log.exception("check of %s failed", path)
            self.log_problem(f"checking {path} failed: {type(exc).__name__}: {exc}")
            return
        if cancelled():
            return
        self.publish(uri, version, text, outcome)
        await self.refresh_others(uri)
        self.schedule_idle()

    async def refresh_others(self, changed: str | None) -> None:
        """Compare the other open articles again (the change may cause or resolve findings there)."""
        edits = self.edits
        for uri in [u for u in self.versions if u != changed]:
            path = self.path_of(uri)
            if path is None or not self.engine.in_folder(path) or self.engine.excluded(path):
                continue
            version = self.versions[uri]

            def stale() -> bool:
                return self.edits != edits

            try:
                outcome = await self.run(self.engine.refresh, path, stale)
            except Superseded:
                return
            except Exception as exc:
                log.exception("refresh of %s failed", path)
                self.log_problem(f"comparing {path} again failed: {type(exc).__name__}: {exc}")
                continue
            if stale():
                return
            if outcome is None:
                self.schedule(uri, 0)
            elif self.versions.get(uri) == version:
                self.publish(uri, version, self.workspace.get_text_document(uri).source, outcome, refresh=True)

    def schedule_idle(self) -> None:
        if self.idle_timer is not None:
            self.idle_timer.cancel()
        self.idle_timer = asyncio.get_running_loop().call_later(IDLE_SECONDS, lambda: asyncio.ensure_future(self._idle()))

    async def _idle(self) -> None:
        if self.timers:  # a check is waiting: later
            self.schedule_idle()
            return
        try:
            await self.run(self.engine.idle)
        except Exception as exc:
            self.log_problem(f"folder housekeeping failed: {type(exc).__name__}: {exc}")

    def recheck_all(self) -> None:
        for uri in list(self.versions):
            self.schedule(uri, 0)

    # -- diagnostics -----------------------------------------------------------------------
    def publish(self, uri: str, version: int | None, text: str, outcome: Outcome, refresh: bool = False) -> None:
        """Send an article's diagnostics (a refresh that changed nothing sends nothing)."""
        for problem in outcome.problems:
            self.log_problem(problem)
        lines = Lines(text, self._units)
        pairs = [(self.diagnostic(finding, lines), finding) for finding in outcome.findings]
        diagnostics = [diagnostic for diagnostic, _ in pairs]
        if outcome.error is not None:
            diagnostics.insert(0, self.error_diagnostic(outcome.error, lines))
        previous = self.published.get(uri)
        self.published[uri] = Published(version, text, pairs, diagnostics)
        if refresh and previous is not None and previous.version == version and previous.text == text and previous.sent == diagnostics:
            return  # nothing new to show (a refresh that changed nothing)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def diagnostic(self, finding: Finding, lines: Lines) -> types.Diagnostic:
        related = []
        for place in finding.related:
            other = lines if place.location.path == finding.path else self.lines_of(place.location.path)
            where = other.range(place.location) if other is not None else _plain_range(place.location)
            related.append(
                types.DiagnosticRelatedInformation(
                    location=types.Location(uri=self.uri_of(place.location.path), range=where), message=place.message
                )
            )
        return types.Diagnostic(
            range=lines.range(finding.location),
            severity=SEVERITY[finding.severity],
            code=finding.rule,
            source="factlint",
            message=finding.message,
            related_information=related or None,
            data={"fingerprint": finding.fingerprint},
        )

    @staticmethod
    def error_diagnostic(error: FactlintError, lines: Lines | None) -> types.Diagnostic:
        line = max((error.line or 1) - 1, 0)
        end = lines.position(line + 1, 0) if lines is not None and line + 1 < len(lines.starts) else types.Position(line=line + 1, character=0)
        return types.Diagnostic(
            range=types.Range(start=types.Position(line=line, character=0), end=end),
            severity=types.DiagnosticSeverity.Error,
            code="unreadable" if lines is not None else "bad-config",
            source="factlint",
            message=error.message,
        )

    def show_load_problem(self) -> None:
        """The config or rule file that failed to load, as one diagnostic on it (or none)."""
        problem = self.engine.problem
        uri = None
        if problem is not None:
            where = problem.path or (self.engine.rule_set.config.path if self.engine.rule_set else None)
            if where:
                uri = from_fs_path(os.path.abspath(where))
            message = f"factlint keeps the last good rules: {problem}"
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
        if self.problem_uri is not None and self.problem_uri != uri:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=self.problem_uri, diagnostics=[]))
        self.problem_uri = uri
        if uri is not None and problem is not None:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[self.error_diagnostic(problem, None)])
            )

    def _reload_if_changed(self) -> bool:
        """On the worker: reload config and rules if a file changed; True if the rules did."""
        if not self.engine.rules_changed_on_disk():
            return False
        changed = self.engine.load()
        self._loop.call_soon_threadsafe(self.show_load_problem)  # type: ignore[union-attr]
        if changed:
            self._loop.call_soon_threadsafe(lambda: asyncio.ensure_future(self.open_folder()))  # type: ignore[union-attr]
        return changed

    # -- the folder --------------------------------------------------------------------------
    async def open_folder(self) -> None:
        """Open the folder view for the current rules; build the stored state first when a
        large folder has none (in a child process, while single-article checks go on)."""
        self.folder_status = "opening"
        self._settle(False)
        try:
            status = await self.run(self.engine.open_folder)
        except Exception as exc:
            self.log_problem(f"opening the folder failed: {type(exc).__name__}: {exc}")
            status = "unavailable"
        if status == "build":
            self._settle(True)  # single-article checks go on meanwhile
            self.info("building the folder's cross-article state (once; 'factlint check --corpus .' does the same)")
            token = await self.begin_progress("factlint: reading the folder")
            built = await self.build_state()
            self.end_progress(token)
            status = await self.run(self.engine.open_folder) if built else "unavailable"
            if status == "build":
                status = "unavailable"
        self.folder_status = status
        self._settle(True)
        if status == "unavailable":
            self.log_problem("cross-article rules are off: the folder's state could not be built or kept")
        else:
            self.info("the folder is ready: cross-article rules are on")
        self.recheck_all()

    async def build_state(self) -> bool:
        from factlint.server.folder import build_command

        try:
            child = await asyncio.create_subprocess_exec(
                *build_command(),
                cwd=self.root,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
                preexec_fn=(lambda: os.nice(10)) if hasattr(os, "nice") else None,
            )
            _, err = await child.communicate()
        except OSError as exc:
            self.log_problem(f"cannot run factlint to build the folder's state: {exc}")
            return False
        for line in err.decode("utf-8", errors="replace").splitlines()[:20]:
            self.log_problem(line)
        return child.returncode in (0, 1, 2)

    async def begin_progress(self, title: str) -> str | None:
        window = self.client_capabilities.window
        if window is None or not window.work_done_progress:
            return None
        token = f"factlint-{id(self)}-{self.edits}"
        try:
            await self.work_done_progress.create_async(token)
        except Exception:
            return None
        self.work_done_progress.begin(token, types.WorkDoneProgressBegin(title=title, cancellable=False))
        return token

    def end_progress(self, token: str | None) -> None:
        if token is not None:
            self.work_done_progress.end(token, types.WorkDoneProgressEnd())


def _plain_range(location: Any) -> types.Range:
    return types.Range(
        start=types.Position(line=location.line - 1, character=location.column - 1),
        end=types.Position(line=location.end_line - 1, character=location.end_column),
    )


def build_server() -> FactlintServer:
    server = FactlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
        ls._loop = asyncio.get_running_loop()
        root = None
        if params.workspace_folders:
            root = to_fs_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = to_fs_path(params.root_uri)
        elif params.root_path:
            root = params.root_path
        if root and os.path.isdir(root):
            os.chdir(root)  # the folder state, the cache and the config are found as 'factlint check --corpus .' finds them here
        ls.root = Path.cwd()
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if isinstance(options.get("debounce"), (int, float)) and options["debounce"] >= 0:
            ls.debounce = options["debounce"] / 1000

    @server.feature(types.INITIALIZED)
    async def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
        await ls.run(ls.engine.load)
        ls.show_load_problem()
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
            registration = types.Registration(
                id="factlint-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except Exception as exc:
                ls.log_problem(f"the editor refused to watch files ({exc}): config changes show on the next check")
        await ls.open_folder()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.path_of(uri) is None:
            return
        ls.versions[uri] = params.text_document.version
        ls.edits += 1
        ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri not in ls.versions:
            return
        ls.versions[uri] = params.text_document.version
        ls.edits += 1
        ls.schedule(uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.versions:
            ls.edits += 1
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri not in ls.versions:
            return
        del ls.versions[uri]
        ls.edits += 1
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls.published.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        path = ls.path_of(uri)
        try:
            await ls.run(ls.engine.close, path)
        except Exception as exc:
            ls.log_problem(f"closing {path} failed: {type(exc).__name__}: {exc}")
        await ls.refresh_others(None)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_files(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        articles = []
        for change in params.changes:
            path = ls.path_of(change.uri)
            if path is not None and change.uri not in ls.versions:
                articles.append(path)
        try:
            rules_changed = await ls.run(ls._reload_if_changed)
            for path in articles:
                await ls.run(ls.engine.disk_changed, path)
        except Exception as exc:
            ls.log_problem(f"following changed files failed: {type(exc).__name__}: {exc}")
            return
        if articles and not rules_changed:
            ls.edits += 1
            await ls.refresh_others(None)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        from factlint.server.actions import code_actions

        uri = params.text_document.uri
        published = ls.published.get(uri)
        if published is None or published.version != ls.versions.get(uri) or ls.path_of(uri) is None:
            return []  # the text changed since the findings: its own check will offer them
        return code_actions(ls, uri, published, params.range, ls.path_of(uri) or "")

    @server.command(SELECT_COMMAND)
    async def select(ls: FactlintServer, uri: str, where: types.Range) -> None:
        window = ls.client_capabilities.window
        if window is not None and window.show_document is not None and window.show_document.support:
            await ls.window_show_document_async(types.ShowDocumentParams(uri=uri, take_focus=True, selection=where))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        from factlint.ruleset import explain

        published = ls.published.get(params.text_document.uri)
        if published is None or ls.engine.rule_set is None:
            return None
        at = types.Range(start=params.position, end=params.position)
        rules = ls.engine.rule_set.by_id
        shown = []
        for diagnostic, finding in published.pairs:
            if overlaps(diagnostic.range, at) and finding.rule in rules and finding.rule not in shown:
                shown.append(finding.rule)
        if not shown:
            return None
        parts = [f"**{rule}**: {rules[rule].description.splitlines()[0]}\n\n```text\n{explain(rules[rule])}\n```" for rule in shown]
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    @server.feature(types.SHUTDOWN)
    async def shutdown(ls: FactlintServer, params: Any) -> None:
        for timer in ls.timers.values():
            timer.cancel()
        ls.timers.clear()
        await ls.run(ls.engine.shutdown)

    return server


def serve(debounce_ms: float | None = None) -> int:
    """Serve one editor over stdin/stdout until it exits."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="factlint server: %(message)s")
    server = build_server()
    if debounce_ms is not None:
        server.debounce = debounce_ms / 1000
    try:
        server.start_io()
    finally:
        server.engine.shutdown()  # the working copy of the folder state goes, even after a lost connection
    return 0
