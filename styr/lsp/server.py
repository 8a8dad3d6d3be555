"""The language server: the editor protocol's messages wired to the workspace and the features.

Only wiring lives here; what is answered is decided in the modules beside it
(`workspace`, `diagnostics`, `navigation`, `completion`, `actions`,
`symbols`), which return values and know nothing of the connection.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from styr import __version__
from styr.i18n import DEFAULT_LANGUAGE, LANGUAGES, requested_language
from styr.lsp import actions, completion, navigation, symbols
from styr.lsp.diagnostics import by_file, diagnostics, shown
from styr.lsp.settings import Settings, read_settings
from styr.lsp.texts import lines_of
from styr.lsp.workspace import Linted, Workspace

log = logging.getLogger("styr.lsp")

WATCHED = "**/*.{yaml,yml}"


class StyrServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("styr", __version__)
        self.settings = Settings()
        self.space = Workspace([])
        self._dirty: list[Path] = []
        self._flush_scheduled = False
        self._published: dict[Path, set[Path]] = {}
        self._uris: dict[Path, str] = {}

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Our own failures go to standard error, never as English text to the planner's editor.

        One line, without a traceback (an editor shows standard error in its output
        panel, and a malformed message is no reason to fill it); the traceback is
        there at debug level for whoever looks into a failure of ours.
        """
        log.error("styr lsp: a message could not be handled (%s)", type(error).__name__)
        log.debug("styr lsp: the failure in full", exc_info=error)

    # --- files and repositories ------------------------------------------

    def file_of(self, uri: str) -> Path | None:
        path = to_fs_path(uri)
        if path is None:
            return None
        file = Path(path).absolute()
        self._uris.setdefault(file, uri)
        return file

    def uri_of(self, file: Path) -> str:
        return self._uris.get(file) or from_fs_path(str(file)) or file.as_uri()

    def language_of(self, linted: Linted) -> str:
        requested = requested_language([])
        return (
            self.settings.language
            or (requested if requested in LANGUAGES else None)
            or linted.repository.language
            or DEFAULT_LANGUAGE
        )

    def linted_for(self, uri: str) -> tuple[Linted, Path] | None:
        """The repository a document belongs to, linted as it is now (linted first if need be)."""
        file = self.file_of(uri)
        root = self.space.root_of(file) if file is not None else None
        if file is None or root is None:
            return None
        if root not in self.space.linted and root not in self._dirty:
            self._dirty.append(root)  # asked about before any of its files was opened
        if root in self._dirty:
            self.flush()
        linted = self.space.linted.get(root)
        return (linted, file) if linted is not None else None

    # --- linting as the planner types -------------------------------------

    def changed(self, root: Path | None) -> None:
        """Lint a repository again soon: at once, unless more changes are already waiting."""
        if root is None:
            return
        if root not in self._dirty:
            self._dirty.append(root)
        if not self._flush_scheduled:
            self._flush_scheduled = True
            try:
                asyncio.get_running_loop().call_soon(self.flush)
            except RuntimeError:  # no loop (called outside the server): at once
                self.flush()

    def flush(self) -> None:
        self._flush_scheduled = False
        while self._dirty:
            root = self._dirty.pop(0)
            try:
                linted = self.space.lint(root)
            except Exception:  # a finding is the answer to bad input; this is our own failure
                log.exception("styr lsp: linting %s failed", root)
                continue
            self.publish(root, linted)

    def publish(self, root: Path, linted: Linted) -> None:
        """Every file of the repository with findings, and an empty list where they went."""
        language = self.language_of(linted)
        grouped = by_file(shown(linted.result.findings, self.settings))
        before = self._published.get(root, set())
        for file, findings in grouped.items():
            document = linted.document(file)
            text = self.space.buffer(file) or (document.text if document else None)
            found = diagnostics(findings, text, language)
            self._send(file, found, lines_of(text))
        # An open file without findings is told so too: the editor then knows it was checked.
        for file in (before | set(self.space.open_files(root))) - set(grouped):
            self._send(file, [], [])
        self._published[root] = set(grouped)

    def clear(self, root: Path) -> None:
        """A repository gone (its styr.yaml deleted): none of its findings stay in the editor."""
        if root in self._dirty:
            self._dirty.remove(root)
        for file in self._published.pop(root, set()):
            self._send(file, [], [])

    def republish(self) -> None:
        for root, linted in self.space.linted.items():
            self.publish(root, linted)

    def _send(self, file: Path, found: list[types.Diagnostic], lines: list[str]) -> None:
        codec = self.workspace.position_codec
        for item in found:
            item.range = codec.range_to_client_units(lines, item.range)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=self.uri_of(file), diagnostics=found)
        )

    def register_watcher(self) -> None:
        capability = self.client_capabilities.workspace
        watched = capability.did_change_watched_files if capability else None
        if watched is None or not watched.dynamic_registration:
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)]
        )
        registration = types.Registration(
            id="styr-watched-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        self.client_register_capability(types.RegistrationParams(registrations=[registration]))


server = StyrServer()


@server.feature(types.INITIALIZE)
def initialize(ls: StyrServer, params: types.InitializeParams) -> None:
    ls.settings = read_settings(params.initialization_options)
    folders = [Path(p) for f in params.workspace_folders or [] if (p := to_fs_path(f.uri))]
    if not folders and params.root_uri and (root := to_fs_path(params.root_uri)):
        folders = [Path(root)]
    ls.space = Workspace(folders)


@server.feature(types.INITIALIZED)
def initialized(ls: StyrServer, params: types.InitializedParams) -> None:
    ls.space.discover()
    ls.register_watcher()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: StyrServer, params: types.DidOpenTextDocumentParams) -> None:
    _buffer_changed(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: StyrServer, params: types.DidChangeTextDocumentParams) -> None:
    _buffer_changed(ls, params.text_document.uri)


def _buffer_changed(ls: StyrServer, uri: str) -> None:
    file = ls.file_of(uri)
    if file is None or not ls.space.is_steering_file(file):
        return
    text = ls.workspace.get_text_document(uri).source
    ls.changed(ls.space.set_buffer(file, text))


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: StyrServer, params: types.DidCloseTextDocumentParams) -> None:
    file = ls.file_of(params.text_document.uri)
    if file is not None:
        ls.changed(ls.space.close_buffer(file))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: StyrServer, params: types.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        file = ls.file_of(change.uri)
        if file is None:
            continue
        created_or_deleted = change.type != types.FileChangeType.Changed
        for root in ls.space.disk_changed(file, created_or_deleted=created_or_deleted):
            ls.changed(root)
    for root in ls.space.forget_dropped():
        ls.clear(root)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: StyrServer, params: types.DidChangeConfigurationParams) -> None:
    settings: Any = params.settings
    ls.settings = read_settings(settings, ls.settings)
    ls.republish()


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: StyrServer, params: types.HoverParams) -> types.Hover | None:
    found = _at(ls, params.text_document, params.position)
    if found is None:
        return None
    linted, file, position = found
    return navigation.hover(linted, file, position, ls.language_of(linted), ls.settings)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: StyrServer, params: types.DefinitionParams) -> list[types.Location] | None:
    found = _at(ls, params.text_document, params.position)
    if found is None:
        return None
    linted, file, position = found
    return _locations(ls, navigation.definition(linted, file, position))


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: StyrServer, params: types.ReferenceParams) -> list[types.Location] | None:
    found = _at(ls, params.text_document, params.position)
    if found is None:
        return None
    linted, file, position = found
    declaration = params.context.include_declaration
    return _locations(ls, navigation.references(linted, file, position, declaration))


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=["[", ",", " ", "-"]),
)
def complete(ls: StyrServer, params: types.CompletionParams) -> types.CompletionList | None:
    found = ls.linted_for(params.text_document.uri)
    if found is None:
        return None
    linted, file = found
    text = ls.space.buffer(file)
    document = linted.document(file)
    text = text if text is not None else (document.text if document else None)
    position = _from_client(ls, params.text_document.uri, params.position)
    known = ls.space.last_loaded.get(file)
    language = ls.language_of(linted)
    items = completion.complete(linted, known, file, text or "", position, language)
    lines, codec = lines_of(text), ls.workspace.position_codec
    for item in items:
        if isinstance(item.text_edit, types.TextEdit):
            item.text_edit.range = codec.range_to_client_units(lines, item.text_edit.range)
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: StyrServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    found = ls.linted_for(uri)
    if found is None:
        return None
    linted, file = found
    lines = _lines(ls, linted, file)
    codec = ls.workspace.position_codec
    given = codec.range_from_client_units(lines, params.range)
    wanted = types.Range(
        types.Position(given.start.line, given.start.character),
        types.Position(given.end.line, given.end.character),
    )
    result = actions.code_actions(linted, file, wanted, ls.language_of(linted), ls.settings)
    for action in result:
        for edits in (action.edit.changes or {}).values() if action.edit else ():
            for edit in edits:
                edit.range = codec.range_to_client_units(lines, edit.range)
        action.edit = _with_uri(action.edit, uri)
        for item in action.diagnostics or []:
            item.range = codec.range_to_client_units(lines, item.range)
    return result


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(
    ls: StyrServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | None:
    found = ls.linted_for(params.text_document.uri)
    if found is None:
        return None
    linted, file = found
    lines = _lines(ls, linted, file)
    codec = ls.workspace.position_codec
    outline = symbols.outline(linted, file, ls.language_of(linted))

    def in_client_units(symbol: types.DocumentSymbol) -> None:
        symbol.range = codec.range_to_client_units(lines, symbol.range)
        symbol.selection_range = codec.range_to_client_units(lines, symbol.selection_range)
        for child in symbol.children or []:
            in_client_units(child)

    for symbol in outline:
        in_client_units(symbol)
    return outline


def _lines(ls: StyrServer, linted: Linted, file: Path) -> list[str]:
    text = ls.space.buffer(file)
    if text is None:
        document = linted.document(file)
        text = document.text if document else None
    return lines_of(text)


def _at(
    ls: StyrServer, document: types.TextDocumentIdentifier, position: types.Position
) -> tuple[Linted, Path, types.Position] | None:
    """The linted repository, the file and the position in it a request points at."""
    found = ls.linted_for(document.uri)
    if found is None:
        return None
    linted, file = found
    return linted, file, _from_client(ls, document.uri, position)


def _from_client(ls: StyrServer, uri: str, position: types.Position) -> types.Position:
    lines = ls.workspace.get_text_document(uri).lines
    found = ls.workspace.position_codec.position_from_client_units(
        [line.rstrip("\r\n") for line in lines], position
    )
    return types.Position(found.line, found.character)


def _locations(ls: StyrServer, found: list[tuple[Path, types.Range]]) -> list[types.Location]:
    codec = ls.workspace.position_codec
    result = []
    for file, place in found:
        linted = ls.space.linted.get(ls.space.root_of(file) or file)
        document = linted.document(file) if linted else None
        text = ls.space.buffer(file) or (document.text if document else None)
        result.append(
            types.Location(ls.uri_of(file), codec.range_to_client_units(lines_of(text), place))
        )
    return result


def _with_uri(edit: types.WorkspaceEdit | None, uri: str) -> types.WorkspaceEdit | None:
    """Edits are made for "the document"; the client wants them under the uri it gave."""
    if edit is None or edit.changes is None:
        return edit
    return types.WorkspaceEdit(changes={uri: [e for edits in edit.changes.values() for e in edits]})


def run() -> None:
    """Serve one editor over standard input and output; log to standard error only."""
    import sys

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.addFilter(_said_by_report_server_error)
    server.start_io()


def _said_by_report_server_error(record: logging.LogRecord) -> bool:
    """pygls logs each failure with its traceback, then hands it to `report_server_error`,
    which says it in one line: pygls's own record would say it twice."""
    return not (record.name.startswith("pygls") and record.exc_info)
