"""`styr lsp` publishes lint's findings as the planner types, across files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_helpers import Buffers, codes, copy_of_helsingborg, served_copy, until
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")


workspace, client = served_copy("lsp-diagnostics")


async def test_a_broken_reference_appears_and_disappears_as_the_buffer_is_edited(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    uri = buffers.open(workspace / "organisation" / "kulturnamnden.yaml")
    buffers.replace(
        uri,
        "contributes_to: [inriktning-livskvalitet, inriktning-trygghet]",
        "contributes_to: [inriktning-livskvalitet, inriktning-trygghett]",
    )
    await until(lambda: "C001" in codes(client, uri), "the unknown id to be reported")
    buffers.replace(uri, "inriktning-trygghett]", "inriktning-trygghet]")
    await until(lambda: codes(client, uri) == [], "the finding to be cleared")
    buffers.close(uri)


async def test_fixing_a_directions_id_in_one_file_clears_the_reference_in_another(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    board = (workspace / "organisation" / "kulturnamnden.yaml").as_uri()
    uri = buffers.open(workspace / "inriktningar.yaml")
    buffers.replace(uri, "id: inriktning-trygghet\n", "id: inriktning-tryggheten\n")
    await until(lambda: "C001" in codes(client, board), "the board's reference to break")
    buffers.replace(uri, "id: inriktning-tryggheten\n", "id: inriktning-trygghet\n")
    await until(lambda: codes(client, board) == [], "the board's reference to be whole again")
    buffers.close(uri)


async def test_closing_an_unsaved_buffer_goes_back_to_the_file_on_disk(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    uri = buffers.open(workspace / "organisation" / "miljonamnden.yaml")
    buffers.set_text(uri, "kind: organisation\nid: miljonamnden\nid: igen\n")
    await until(lambda: "Y005" in codes(client, uri), "the duplicate key to be reported")
    buffers.close(uri)
    await until(lambda: codes(client, uri) == [], "the file's own (clean) findings")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("kind: organisation\ngoals:\n  - id: [\n", "Y003"),  # half typed
        ("kind: organisation\x00\n", "Y001"),  # not text
        ("kind: organisation\n" + "# " + "x" * (6 * 1024 * 1024) + "\n", "Y001"),  # too large
        ("kind: organisation\n" + "- " * 200 + "x\n", "Y014"),  # nested too deep
    ],
)
async def test_any_buffer_gives_the_loaders_finding_and_the_server_goes_on(
    client: LanguageClient, workspace: Path, text: str, code: str
) -> None:
    buffers = Buffers(client)
    uri = buffers.open(workspace / "organisation" / "socialnamnden.yaml", text)
    await until(lambda: code in codes(client, uri), f"the loader's {code}")
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert symbols == []
    buffers.close(uri)
    await until(lambda: codes(client, uri) == [], "the file on disk again")


async def test_a_file_changed_on_disk_is_linted_again(
    client: LanguageClient, workspace: Path
) -> None:
    registered = [r.method for r in client.registrations]  # type: ignore[attr-defined]
    assert types.WORKSPACE_DID_CHANGE_WATCHED_FILES in registered
    council = workspace / "inriktningar.yaml"
    board = (workspace / "organisation" / "kulturnamnden.yaml").as_uri()
    buffers = Buffers(client)
    buffers.open(workspace / "organisation" / "kulturnamnden.yaml")  # the repository is linted
    original = council.read_text(encoding="utf-8")

    def changed_on_disk(text: str) -> None:
        council.write_text(text, encoding="utf-8")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(council.as_uri(), types.FileChangeType.Changed)]
            )
        )

    try:
        changed_on_disk(original.replace("id: inriktning-trygghet\n", "id: annan\n"))
        await until(lambda: "C001" in codes(client, board), "the change on disk to count")
    finally:
        changed_on_disk(original)
    await until(lambda: codes(client, board) == [], "the file on disk as it was")
    buffers.close(board)


def _lint_json(root: Path) -> set[tuple[str, str, int, int, int, str]]:
    """`styr lint --format json`'s findings as (file, code, severity, line, column, message)."""
    run = subprocess.run(
        [sys.executable, "-m", "styr", "lint", "--format", "json", "--no-cache", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    severities = {"error": 1, "warning": 2, "info": 3}
    found = set()
    for finding in json.loads(run.stdout)["findings"]:
        name = Path(finding["file"]).resolve().relative_to(root.resolve()).as_posix()
        line, column = max(finding["line"], 1) - 1, max(finding["column"], 1) - 1
        found.add(
            (
                name,
                finding["code"],
                severities[finding["severity"]],
                line,
                column,
                finding["message"],
            )
        )
    return found


def _published(client: LanguageClient, root: Path) -> set[tuple[str, str, int, int, int, str]]:
    found = set()
    for uri, diagnostics in client.diagnostics.items():
        name = Path(uri.removeprefix("file://")).relative_to(root).as_posix()
        for d in diagnostics:
            start = d.range.start
            found.add(
                (name, str(d.code), int(d.severity or 0), start.line, start.character, d.message)
            )
    return found


async def test_the_diagnostics_are_lints_findings_for_the_same_content(
    client: LanguageClient, workspace: Path, tmp_path: Path
) -> None:
    board = workspace / "organisation" / "kulturnamnden.yaml"
    edited = (
        board.read_text(encoding="utf-8")
        .replace("inriktning-trygghet]", "inriktning-trygghett]")
        .replace("        targets:\n          - {year: 2026, value: 91}\n", "")
        .replace(
            "    horizon: {start: 2023, end: 2026}\n",
            "    horizon: {start: 2023, end: 2026}\n    datum: 2024-01-01\n",
            1,
        )
    )
    on_disk = copy_of_helsingborg(tmp_path)
    (on_disk / "organisation" / "kulturnamnden.yaml").write_text(edited, encoding="utf-8")
    expected = _lint_json(on_disk)
    assert {code for _, code, *_ in expected} >= {"C001", "G004", "S002"}
    buffers = Buffers(client)
    uri = buffers.open(board, edited)
    await until(lambda: _published(client, workspace) == expected, "lint's findings, all of them")
    buffers.close(uri)


async def test_a_new_unsaved_file_counts_and_a_file_in_a_hidden_folder_does_not(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    workflow = workspace / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs: {}\n", encoding="utf-8")
    hidden = buffers.open(workflow)
    new = buffers.open(
        workspace / "organisation" / "ny-namnd.yaml",
        "kind: organisation\nid: ny-namnd\ntype: namnd\nname: Nya nämnden\n"
        "parent: kommunfullmaktig\n",
    )
    await until(lambda: "C001" in codes(client, new), "the new file's unknown parent")
    assert codes(client, hidden) == []
    buffers.close(new)
    buffers.close(hidden)
    await until(lambda: codes(client, new) == [], "the unsaved file to be gone with its buffer")


async def test_a_message_that_is_no_json_is_logged_not_shown_in_the_editor() -> None:
    body = b"{not json"
    sent = b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
    run = subprocess.run(
        [sys.executable, "-m", "styr", "lsp"], input=sent, capture_output=True, timeout=60
    )
    assert b"window/showMessage" not in run.stdout
    assert b"styr lsp" in run.stderr  # said where the editor keeps a server's log
    # Said once, in one plain line: no traceback, not pygls's record and then ours.
    assert b"Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
