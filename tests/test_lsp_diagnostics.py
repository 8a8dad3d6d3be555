"""`styr lsp` publishes lint's findings as the planner types, across files."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import SERVER, Buffers, codes, copy_of_helsingborg, start, until
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_of_helsingborg(tmp_path_factory.mktemp("lsp-diagnostics"))


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    await start(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


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
