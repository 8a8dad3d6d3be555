"""`styr lsp`'s quick fixes, each applied as an editor applies it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lsp_helpers import Buffers, applied, codes, served_copy, until
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")


workspace, client = served_copy("lsp-actions", {"language": "en"})


async def _fix(
    client: LanguageClient, buffers: Buffers, uri: str, code: str, title_part: str
) -> str:
    """The buffer's text once the quick fix for `code` titled with `title_part` is applied."""
    await until(lambda: code in codes(client, uri), f"{code} to be reported")
    (found,) = [d for d in client.diagnostics[uri] if d.code == code]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    chosen = [a for a in actions or [] if isinstance(a, types.CodeAction) and title_part in a.title]
    assert len(chosen) == 1, [a.title for a in actions or []]
    edit = chosen[0].edit
    assert edit is not None and edit.changes is not None and list(edit.changes) == [uri]
    return applied(buffers.texts[uri], list(edit.changes[uri]))


async def test_quoting_a_date_gives_the_quoted_text(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    file = workspace / "styrdokument.yaml"
    original = file.read_text(encoding="utf-8")
    uri = buffers.open(file, original.replace('adopted_on: "2021-12-14"', "adopted_on: 2021-12-14"))
    fixed = await _fix(client, buffers, uri, "Y011", '"2021-12-14"')
    assert fixed == original
    buffers.close(uri)


async def test_quoting_a_code_with_a_leading_zero(client: LanguageClient, workspace: Path) -> None:
    buffers = Buffers(client)
    file = workspace / "styr.yaml"
    original = file.read_text(encoding="utf-8")
    uri = buffers.open(file, original.replace('code: "1283"', "code: 01283"))
    fixed = await _fix(client, buffers, uri, "Y009", "Quote")
    assert fixed == original.replace('code: "1283"', 'code: "01283"')
    buffers.close(uri)


async def test_the_suggested_id_replaces_the_misspelt_one(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    file = workspace / "organisation" / "kulturnamnden.yaml"
    original = file.read_text(encoding="utf-8")
    uri = buffers.open(file, original.replace("inriktning-trygghet]", "inriktning-trygghett]"))
    fixed = await _fix(client, buffers, uri, "C001", "'inriktning-trygghet'")
    assert fixed == original
    buffers.close(uri)


def _without_targets(text: str) -> str:
    for line in (
        "        baseline: {year: 2022, value: 86}\n",
        "        targets:\n          - {year: 2026, value: 91}\n",
    ):
        assert text.count(line) == 1
        text = text.replace(line, "")
    return text


async def test_the_missing_keys_of_an_indicator_are_added_to_fill_in(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    file = workspace / "organisation" / "kulturnamnden.yaml"
    uri = buffers.open(file, _without_targets(file.read_text(encoding="utf-8")))
    fixed = await _fix(client, buffers, uri, "G004", "missing keys")
    goal = yaml.safe_load(fixed)["goals"][0]
    indicator = goal["indicators"][0]
    assert indicator["id"] == "kn-mal-1-ind-1"
    assert indicator["baseline"] == {"year": None, "value": None}
    assert indicator["targets"] == [{"year": None, "value": None}]
    assert indicator["source"] == "Museernas besökarenkät"  # the rest of it as it was
    buffers.close(uri)


async def test_suppressing_a_finding_writes_the_repositorys_syntax_and_the_finding_goes(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    file = workspace / "organisation" / "kulturnamnden.yaml"
    uri = buffers.open(file, _without_targets(file.read_text(encoding="utf-8")))
    fixed = await _fix(client, buffers, uri, "G004", "Suppress")
    placeholder = "        # styr: ignore[G004] FYLL I: why the rule does not apply here\n"
    assert (
        placeholder + "        title: Andel museibesökare som ger besöket betyget 4 eller 5 av 5\n"
    ) in fixed
    buffers.set_text(uri, fixed)
    # Until the reason is written, the finding stays and the placeholder is one (CI fails).
    await until(lambda: "X003" in codes(client, uri), "the placeholder reason to be reported")
    assert codes(client, uri) == ["G004", "X003"]
    comment = fixed.splitlines().index(placeholder.rstrip("\n"))
    (reported,) = [d for d in client.diagnostics[uri] if d.code == "X003"]
    assert reported.range.start.line == comment
    reason = "        # styr: ignore[G004] Museet mäter nöjdheten först från 2026.\n"
    buffers.set_text(uri, fixed.replace(placeholder, reason))
    await until(lambda: "G004" not in codes(client, uri), "the suppressed finding to go")
    assert codes(client, uri) == []  # the suppression is used and has its reason
    buffers.close(uri)
