"""`styr lsp` while styr.yaml does not load: no declared model, and still words a planner reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import SERVER, copy_of_helsingborg, position_in, start
from lsprotocol import types
from pytest_lsp import LanguageClient

from styr.i18n import translate
from styr.report.texts import CATEGORY_NAMES

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_of_helsingborg(tmp_path_factory.mktemp("lsp-without-model"))
    manifest = root / "styr.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "  links: [\n", encoding="utf-8")
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    await start(lsp_client, workspace, {"language": "sv"})
    yield
    await lsp_client.shutdown_session()


async def test_hover_names_the_category_in_words_without_a_declared_kind(
    client: LanguageClient, workspace: Path
) -> None:
    board = workspace / "organisation" / "kulturnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    where = position_in(
        text, "contributes_to: [inriktning-livskvalitet, inriktning-trygghet]", after=20
    )
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(board.as_uri()), where)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    shown = hover.contents.value
    assert "`inriktning-livskvalitet`" in shown
    assert "council_area" not in shown.replace("\\_", "_")  # Markdown escapes the _
    word = translate(CATEGORY_NAMES["council_area"], "sv")
    assert word != "council_area" and shown.startswith(f"**{word}**")
