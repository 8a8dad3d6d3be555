"""Driving `styr lsp` as an editor does: a real client over stdio (pytest-lsp), and waiting.

Each test module starts one server on its own copy of the Helsingborg
example; the helpers here open buffers, edit them and wait for what the
server publishes.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parents[1]
HELSINGBORG = ROOT / "examples" / "helsingborg"

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "styr", "lsp"])

# Long enough for a loaded CI machine; a test waits only as long as it must.
PATIENCE_S = 30.0


def copy_of_helsingborg(folder: Path) -> Path:
    target = folder / "helsingborg"
    shutil.copytree(HELSINGBORG, target)
    return target


def served_copy(name: str, options: dict[str, Any] | None = None) -> tuple[Any, Any]:
    """A test module's `workspace` (its own copy of Helsingborg, in a folder called `name`)
    and `client` (a server started on it with `options`), as module-scoped fixtures:
    `workspace, client = served_copy("lsp-…", {…})`."""

    @pytest.fixture(scope="module")
    def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
        return copy_of_helsingborg(tmp_path_factory.mktemp(name))

    @pytest_lsp.fixture(config=SERVER, scope="module")
    async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
        await start(lsp_client, workspace, options)
        yield
        await lsp_client.shutdown_session()

    return workspace, client


async def start(
    client: LanguageClient, workspace: Path, options: dict[str, Any] | None = None
) -> None:
    """The handshake of VS Code's client, with the workspace folder and the server's options."""
    registrations: list[types.Registration] = []
    client.registrations = registrations  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    capabilities = client_capabilities("visual-studio-code")
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(workspace.as_uri(), workspace.name)],
            initialization_options=options or {},
        )
    )


class Buffers:
    """The files a test has opened, with their text as the editor holds it."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

    def open(self, file: Path, text: str | None = None) -> str:
        uri = file.as_uri()
        self.texts[uri] = text if text is not None else file.read_text(encoding="utf-8")
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, self.texts[uri]))
        )
        return uri

    def replace(self, uri: str, old: str, new: str) -> None:
        """An incremental edit: `old` (found once) becomes `new`, as typing it would."""
        text = self.texts[uri]
        assert text.count(old) == 1, old
        start = text.index(old)
        self.texts[uri] = text[:start] + new + text[start + len(old) :]
        self.versions[uri] += 1
        begin, end = position_of(text, start), position_of(text, start + len(old))
        change = types.TextDocumentContentChangePartial(range=types.Range(begin, end), text=new)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [change],
            )
        )

    def set_text(self, uri: str, text: str) -> None:
        """A full-text change, as an editor without incremental sync sends it."""
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def close(self, uri: str) -> None:
        self.texts.pop(uri)
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )


def position_of(text: str, offset: int) -> types.Position:
    """The editor's position (UTF-16 units) of a character offset."""
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return types.Position(line, len(before[start:].encode("utf-16-le")) // 2)


def position_in(text: str, needle: str, *, after: int = 0) -> types.Position:
    """Where `needle` starts (plus `after` characters) in the text; it must be there once."""
    assert text.count(needle) == 1, needle
    return position_of(text, text.index(needle) + after)


async def until(condition: Callable[[], Any], what: str) -> Any:
    """Wait until `condition()` is true (what the server publishes arrives in its own time)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE_S
    while True:
        value = condition()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"waited in vain for {what}")
        await asyncio.sleep(0.01)


def codes(client: LanguageClient, uri: str) -> list[str]:
    return sorted(str(d.code) for d in client.diagnostics.get(uri, []))


def applied(text: str, edits: list[types.TextEdit]) -> str:
    """The text with the edits made, as the editor makes them (last first)."""
    offsets = _line_offsets(text)

    def offset(position: types.Position) -> int:
        line_start = offsets[position.line]
        units, index = 0, line_start
        while units < position.character:
            units += len(text[index].encode("utf-16-le")) // 2
            index += 1
        return index

    placed = sorted(
        ((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new in placed:
        text = text[:start] + new + text[end:]
    return text


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for index, character in enumerate(text):
        if character == "\n":
            offsets.append(index + 1)
    return offsets
