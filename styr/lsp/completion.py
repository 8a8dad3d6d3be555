"""Completion of ids in `contributes_to`: only the kinds the declared model lets the element name.

The element being edited is the one whose keys stand at the column of the
`contributes_to:` key, found in the last lint in which the file loaded (the
line being typed often does not load yet). Its kind's links in the manifest's
steering model (`links: - {from: mal, to: [stadens_inriktning]}`) say which
kinds it may contribute to; a board's or company's direction (the organisation's
own, without a kind) is offered what the chain rule lets a direction name:
`SteeringModel.direction_targets`, the council-level areas and goals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types

from styr.lsp.locate import path_range
from styr.lsp.navigation import describe, kind_label
from styr.lsp.texts import lines_of
from styr.lsp.workspace import Linted
from styr.model.index import Element

_KEY = "contributes_to:"
_ITEM = re.compile(r"^\s*-(\s|$)")
_ID_CHARACTERS = re.compile(r"[A-Za-z0-9_.\-åäöÅÄÖ]*$")


@dataclass(frozen=True, slots=True)
class Place:
    """A `contributes_to` being written: where its key stands, and the word typed so far."""

    key_line: int
    key_column: int
    word_start: int


def place_of(lines: list[str], position: types.Position) -> Place | None:
    """The `contributes_to` list the cursor is in (inline or as a block of `- ` items), if any."""
    if position.line >= len(lines):
        return None
    line = lines[position.line]
    before = line[: position.character]
    word = _ID_CHARACTERS.search(before)
    word_start = word.start() if word else position.character
    if _KEY in before:
        return Place(position.line, before.index(_KEY), word_start)
    if not _ITEM.match(line) and line.strip():
        return None
    for number in range(position.line - 1, -1, -1):
        above = lines[number]
        if not above.strip() or _ITEM.match(above):
            continue
        stripped = above.split(" #")[0].rstrip()
        if stripped.endswith(_KEY):
            return Place(number, stripped.index(_KEY), word_start)
        return None
    return None


def complete(
    linted: Linted,
    known: Linted | None,
    file: Path,
    text: str,
    position: types.Position,
    language: str,
) -> list[types.CompletionItem]:
    """The ids the element at the place may contribute to, each with its kind and title.

    `linted` is the repository as it is now (the ids on offer), `known` the last
    lint in which this file loaded (where its elements stand).
    """
    place = place_of(lines_of(text), position)
    if place is None or known is None:
        return []
    source = _element_writing(known, file, place)
    if source is None:
        return []
    allowed = _allowed_kinds(linted, source)
    word = types.Range(
        types.Position(position.line, place.word_start),
        types.Position(position.line, position.character),
    )
    items = []
    for element in linted.index.elements:
        if element.id is None or element.kind is None or element.kind.id not in allowed:
            continue
        if element.id == source.id:
            continue
        items.append(
            types.CompletionItem(
                label=element.id,
                kind=types.CompletionItemKind.Reference,
                detail=f"{kind_label(linted, element, language)}: {element.title}",
                documentation=types.MarkupContent(
                    types.MarkupKind.Markdown, describe(linted, element, language)
                ),
                text_edit=types.TextEdit(range=word, new_text=element.id),
                filter_text=element.id,
            )
        )
    return items


def _element_writing(known: Linted, file: Path, place: Place) -> Element | None:
    """The element whose keys stand at the key's column, nearest above the key."""
    best: tuple[int, Element] | None = None
    for element in known.index.elements:
        if element.document.file != file:
            continue
        where = _keys_start(element)
        if where is None or where.character != place.key_column or where.line > place.key_line:
            continue
        if best is None or where.line >= best[0]:
            best = (where.line, element)
    return best[1] if best else None


def _keys_start(element: Element) -> types.Position | None:
    """Where the element's mapping starts: at its first key."""
    if element.path == () and element.category != "organisation":
        return None
    if element.path == ():  # an organisation: its direction's keys hold its contributes_to
        return path_range(element.document, ("direction",)).start
    return path_range(element.document, element.path).start


def _allowed_kinds(linted: Linted, source: Element) -> set[str]:
    model = linted.repository.model
    if source.category == "organisation":
        return model.direction_targets()
    if source.kind is not None:
        return set(model.links.get(source.kind.id, ()))
    return set()
