"""`styr lsp` on a workspace of several repositories: each file with its own, linted when used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import ROOT, SERVER, Buffers, codes, copy_of_helsingborg, start, until
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lsp-workspace")
    copy_of_helsingborg(folder)
    shutil.copytree(ROOT / "examples" / "huddinge", folder / "huddinge")
    return folder


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    await start(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


def _published_under(client: LanguageClient, folder: Path) -> list[str]:
    return [uri for uri in client.diagnostics if uri.startswith(folder.as_uri() + "/")]


async def test_each_repository_is_linted_when_one_of_its_files_is_opened(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    helsingborg, huddinge = workspace / "helsingborg", workspace / "huddinge"
    board = (helsingborg / "organisation" / "kulturnamnden.yaml").as_uri()
    uri = buffers.open(helsingborg / "inriktningar.yaml")
    buffers.replace(uri, "id: inriktning-trygghet\n", "id: inriktning-tryggheten\n")
    await until(lambda: "C001" in codes(client, board), "Helsingborg's board to lose its direction")
    assert _published_under(client, huddinge) == []  # not opened: not linted yet
    opened = buffers.open(huddinge / "organisation" / "grundskolenamnden.yaml")
    await until(lambda: opened in client.diagnostics, "Huddinge's file to be checked")
    assert "C001" not in codes(client, opened)  # Helsingborg's broken id is Helsingborg's
    buffers.close(opened)
    buffers.close(uri)
    await until(lambda: codes(client, board) == [], "Helsingborg as on disk")


async def test_a_repository_whose_styr_yaml_is_deleted_leaves_no_findings_behind(
    client: LanguageClient, workspace: Path
) -> None:
    gone = workspace / "gone"
    shutil.copytree(ROOT / "examples" / "huddinge", gone)
    board = gone / "organisation" / "grundskolenamnden.yaml"
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("id: grundskolenamnden\n", "id: grundskolenamnd\n", 1))
    buffers = Buffers(client)
    opened = buffers.open(gone / "malomraden.yaml")
    await until(lambda: codes(client, board.as_uri()), "the renamed board's findings")
    await until(lambda: opened in client.diagnostics, "the opened file to be checked")
    manifest = gone / "styr.yaml"
    manifest.unlink()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(manifest.as_uri(), types.FileChangeType.Deleted)]
        )
    )
    published = _published_under(client, gone)
    assert board.as_uri() in published

    def cleared() -> bool:
        return all(codes(client, uri) == [] for uri in published)

    await until(cleared, "every file's findings to be cleared")
    buffers.close(opened)
