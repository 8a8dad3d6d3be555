"""`styr lsp`'s settings: schemaDiagnostics (beside yaml-language-server) and language."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_helpers import Buffers, codes, served_copy, until
from lsprotocol import types
from pytest_lsp import LanguageClient

from styr.rules.chain_rules import UNKNOWN_REFERENCE

pytestmark = pytest.mark.asyncio(loop_scope="module")


workspace, client = served_copy("lsp-settings", {"schemaDiagnostics": False, "language": "sv"})


def _configure(client: LanguageClient, settings: dict[str, object]) -> None:
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"styr": settings})
    )


def _messages(client: LanguageClient, uri: str, code: str) -> list[str]:
    return [d.message for d in client.diagnostics.get(uri, []) if d.code == code]


async def test_without_schema_diagnostics_only_the_schemas_findings_are_left_out(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    board = workspace / "organisation" / "kulturnamnden.yaml"
    edited = board.read_text(encoding="utf-8").replace(
        "    horizon: {start: 2023, end: 2026}\n",
        "    horizon: {start: 2023, end: 2026}\n    horisont: 2026\n",
        1,
    )
    uri = buffers.open(board, edited.replace("inriktning-trygghet]", "inriktning-trygghett]"))
    await until(lambda: "C001" in codes(client, uri), "the goal chain's finding")
    assert "S002" not in codes(client, uri)  # yaml-language-server reports that one
    _configure(client, {"schemaDiagnostics": True})
    await until(lambda: "S002" in codes(client, uri), "the schema's finding once asked for")
    _configure(client, {"schemaDiagnostics": False})
    await until(lambda: "S002" not in codes(client, uri), "the schema's finding left out again")
    assert "C001" in codes(client, uri)
    buffers.close(uri)


def _sentence(language: str) -> str:
    """The catalogue's sentence for the unknown id x-y, in a language."""
    template = UNKNOWN_REFERENCE.message_in(language)
    return template.split("{suggestion}")[0].format(target="x-y")


async def test_the_messages_are_in_the_language_set(
    client: LanguageClient, workspace: Path
) -> None:
    assert _sentence("sv") != _sentence("en")
    buffers = Buffers(client)
    board = workspace / "organisation" / "kulturnamnden.yaml"
    text = board.read_text(encoding="utf-8").replace("inriktning-trygghet]", "x-y]")
    uri = buffers.open(board, text)

    def said_in(language: str) -> bool:
        return any(m.startswith(_sentence(language)) for m in _messages(client, uri, "C001"))

    await until(lambda: said_in("sv"), "the unknown id, in Swedish")
    _configure(client, {"language": "en"})
    await until(lambda: said_in("en"), "the same finding in English")
    _configure(client, {"language": "sv"})
    await until(lambda: said_in("sv"), "Swedish again")
    buffers.close(uri)


async def test_a_cleared_language_goes_back_to_the_repositorys(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    board = workspace / "organisation" / "kulturnamnden.yaml"
    text = board.read_text(encoding="utf-8").replace("inriktning-trygghet]", "x-y]")
    uri = buffers.open(board, text)

    def said_in(language: str) -> bool:
        return any(m.startswith(_sentence(language)) for m in _messages(client, uri, "C001"))

    _configure(client, {"language": "en"})
    await until(lambda: said_in("en"), "the finding in English")
    # VS Code sends the setting cleared as null; other editors may send "".
    for cleared in (None, ""):
        _configure(client, {"language": cleared})
        await until(lambda: said_in("sv"), "the repository's language (language: sv)")
        _configure(client, {"language": "en"})
        await until(lambda: said_in("en"), "English again")
    buffers.close(uri)
