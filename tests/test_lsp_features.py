"""`styr lsp` answers an editor's questions: hover, definition, references, completion, outline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lsp_helpers import (
    Buffers,
    codes,
    position_in,
    position_of,
    served_copy,
    until,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

DIRECTIONS = {
    "inriktning-innovation",
    "inriktning-trygghet",
    "inriktning-sysselsattning",
    "inriktning-livskvalitet",
}


workspace, client = served_copy("lsp-features", {"language": "en"})


@pytest.fixture(scope="module")
def board(workspace: Path) -> Path:
    return workspace / "organisation" / "kulturnamnden.yaml"


def _goal_reference(text: str) -> types.Position:
    """The goal kn-mal-1's `contributes_to: [inriktning-livskvalitet]`, on its id."""
    goal = text.index("id: kn-mal-1\n")
    offset = text.index("contributes_to: [inriktning-livskvalitet]", goal) + len(
        "contributes_to: ["
    )
    return position_of(text, offset + 3)


async def test_hover_on_a_reference_names_the_element_its_kind_and_where_it_is(
    client: LanguageClient, board: Path
) -> None:
    text = board.read_text(encoding="utf-8")
    uri = board.as_uri()
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), _goal_reference(text))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    shown = hover.contents.value
    assert "City direction" in shown  # the model's name of the kind, in the language set
    assert "`inriktning-livskvalitet`" in shown
    council_file = board.parents[1] / "inriktningar.yaml"
    assert _title_of(council_file, "inriktning-livskvalitet") in shown
    council = (board.parents[1] / "inriktningar.yaml").read_text(encoding="utf-8")
    line = council[: council.index("id: inriktning-livskvalitet")].count("\n") + 1
    assert f"inriktningar.yaml:{line}" in shown


async def test_hover_on_a_finding_shows_the_rules_documentation(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    file = workspace / "organisation" / "miljonamnden.yaml"
    text = file.read_text(encoding="utf-8")
    first_direction = "contributes_to: ["
    start_of = text.index(first_direction) + len(first_direction)
    target = text[start_of : text.index("]", start_of)].split(",")[0].strip()
    uri = buffers.open(file, text.replace(f"[{target}", f"[{target}x", 1))
    await until(lambda: client.diagnostics.get(uri), "the unknown id to be reported")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri),
            position_in(buffers.texts[uri], f"[{target}x", after=2),
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "C001 unknown-reference" in hover.contents.value
    assert "Why" in hover.contents.value or "Failing example" in hover.contents.value
    buffers.close(uri)


async def test_definition_of_a_reference_is_the_id_in_the_other_file(
    client: LanguageClient, board: Path
) -> None:
    text = board.read_text(encoding="utf-8")
    found = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(board.as_uri()), _goal_reference(text))
    )
    assert isinstance(found, list) and len(found) == 1
    location = found[0]
    council = board.parents[1] / "inriktningar.yaml"
    assert location.uri == council.as_uri()
    lines = council.read_text(encoding="utf-8").splitlines()
    line = lines[location.range.start.line]
    assert line[location.range.start.character : location.range.end.character] == (
        "inriktning-livskvalitet"
    )


async def test_references_of_a_direction_are_everything_contributing_to_it(
    client: LanguageClient, workspace: Path
) -> None:
    council = workspace / "inriktningar.yaml"
    text = council.read_text(encoding="utf-8")
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(council.as_uri()),
            position=position_in(text, "id: inriktning-trygghet\n", after=5),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert found
    named = re.compile(r"(?<![\w-])inriktning-trygghet(?![\w-])")
    expected = sum(
        len(named.findall(line))
        for file in workspace.rglob("*.yaml")
        for line in file.read_text(encoding="utf-8").splitlines()
        if not re.match(r"\s*(- )?id:", line)
    )
    assert expected > 3
    assert len(found) == expected
    for location in found:
        lines = Path(location.uri.removeprefix("file://")).read_text(encoding="utf-8").splitlines()
        line = lines[location.range.start.line]
        start, end = location.range.start.character, location.range.end.character
        assert line[start:end] == "inriktning-trygghet"


async def test_completion_in_contributes_to_offers_only_the_kinds_the_model_allows(
    client: LanguageClient, board: Path
) -> None:
    text = board.read_text(encoding="utf-8")
    offered = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(board.as_uri()), _goal_reference(text))
    )
    assert isinstance(offered, types.CompletionList)
    # Helsingborg's model: a goal (mal) may contribute to a city direction only.
    assert {item.label for item in offered.items} == DIRECTIONS
    titled = {item.label: item.detail for item in offered.items}
    assert titled["inriktning-trygghet"] == "City direction: " + _title_of(
        board.parents[1] / "inriktningar.yaml", "inriktning-trygghet"
    )


async def test_completion_for_an_indicator_offers_its_own_allowed_kinds(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    board = workspace / "organisation" / "socialnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    marker = "        better: higher\n"
    assert marker in text
    first = text.index(marker)
    edited = text[:first] + marker + "        contributes_to: []\n" + text[first + len(marker) :]
    uri = buffers.open(board, edited)
    where = position_in(
        edited, "        contributes_to: []\n", after=len("        contributes_to: [")
    )
    offered = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), where)
    )
    assert isinstance(offered, types.CompletionList)
    labels = {item.label for item in offered.items}
    # An indicator (indikator) may contribute to a city direction or a target picture (malbild).
    waypoints = _ids_under(workspace / "vision.yaml", "waypoints")
    assert labels == DIRECTIONS | waypoints
    buffers.close(uri)


async def test_completion_in_a_boards_direction_offers_only_the_councils_directions(
    client: LanguageClient, board: Path
) -> None:
    text = board.read_text(encoding="utf-8")
    direction = text.index("direction:\n")
    where = position_of(text, text.index("contributes_to: [", direction) + len("contributes_to: ["))
    offered = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(board.as_uri()), where)
    )
    assert isinstance(offered, types.CompletionList)
    # Not the board's own goals, other boards' indicators or the vision: the city's directions.
    assert {item.label for item in offered.items} == DIRECTIONS


async def test_the_outline_of_a_board_file(client: LanguageClient, board: Path) -> None:
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(board.as_uri()))
    )
    assert symbols and isinstance(symbols[0], types.DocumentSymbol)
    (organisation,) = symbols
    assert isinstance(organisation, types.DocumentSymbol)
    assert organisation.name == "Kulturnämnden"
    names = [child.name for child in organisation.children or []]
    assert names[:2] == ["Mission", "Direction"]
    # The model's own name of the kind, in the language set.
    goals = [c for c in organisation.children or [] if c.detail == "Goal of a board or company"]
    assert goals and goals[0].name.startswith("Besökare på stadens museer")
    assert [i.name for i in goals[0].children or []] == [
        "Andel museibesökare som ger besöket betyget 4 eller 5 av 5"
    ]
    direction = organisation.children[1] if organisation.children else None
    assert direction is not None
    assert [c.name for c in direction.children or []] == [
        "Antal besök på stadens bibliotek och museer"
    ]


def _title_of(file: Path, element_id: str) -> str:
    import yaml

    def walk(value: object) -> str | None:
        if isinstance(value, dict):
            if value.get("id") == element_id:
                return str(value["title"])
            value = list(value.values())
        if isinstance(value, list):
            for item in value:
                found = walk(item)
                if found:
                    return found
        return None

    found = walk(yaml.safe_load(file.read_text(encoding="utf-8")))
    assert found is not None
    return found


def _ids_under(file: Path, key: str) -> set[str]:
    import yaml

    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    return {item["id"] for item in data.get(key) or []}


async def test_completion_while_the_line_being_typed_does_not_load_yet(
    client: LanguageClient, workspace: Path
) -> None:
    buffers = Buffers(client)
    board = workspace / "organisation" / "kulturnamnden.yaml"
    uri = buffers.open(board)
    await until(lambda: uri in client.diagnostics, "the file to be checked as it is")
    typed = "contributes_to: [inriktning-livskvalitet, inr"
    text = buffers.texts[uri]
    goal = text.index("id: kn-mal-2\n")
    complete = text.index("contributes_to: [inriktning-livskvalitet]", goal)
    end = complete + len("contributes_to: [inriktning-livskvalitet]")
    buffers.set_text(uri, text[:complete] + typed + text[end:])
    await until(lambda: "Y003" in codes(client, uri), "the half-typed line not to load")
    where = position_of(buffers.texts[uri], complete + len(typed))
    offered = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), where)
    )
    assert isinstance(offered, types.CompletionList)
    assert {item.label for item in offered.items} == DIRECTIONS
    edit = offered.items[0].text_edit
    assert isinstance(edit, types.TextEdit)
    assert edit.range.end == where
    assert edit.range.start.character == where.character - len("inr")  # the word typed so far
    buffers.close(uri)


async def test_an_outcomes_indicator_leads_to_the_indicator_and_back(
    client: LanguageClient, workspace: Path
) -> None:
    follow_up = workspace / "uppfoljning" / "2024.yaml"
    text = follow_up.read_text(encoding="utf-8")
    at_outcome = position_in(text, "indicator: hh-mal-1-ind-1\n", after=len("indicator: h"))
    found = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(follow_up.as_uri()), at_outcome)
    )
    assert isinstance(found, list) and len(found) == 1
    board = workspace / "organisation" / "ab-helsingborgshem.yaml"
    assert found[0].uri == board.as_uri()
    named = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(board.as_uri()),
            position=found[0].range.start,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert named is not None
    places = {(Path(n.uri.removeprefix("file://")).name, n.range.start.line) for n in named}
    assert ("2024.yaml", at_outcome.line) in places
    assert ("ab-helsingborgshem.yaml", found[0].range.start.line) in places


async def test_the_outline_of_the_councils_directions(
    client: LanguageClient, workspace: Path
) -> None:
    council = workspace / "inriktningar.yaml"
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(council.as_uri()))
    )
    assert symbols is not None
    areas = [s for s in symbols if isinstance(s, types.DocumentSymbol)]
    assert len(areas) == len(symbols) == len(DIRECTIONS)
    assert {area.detail for area in areas} == {"City direction"}
    first = areas[0]
    assert first.name == _title_of(council, "inriktning-innovation")
    indicators = [child.name for child in first.children or []]
    assert _title_of(council, "inriktning-innovation-ind-1") in indicators
