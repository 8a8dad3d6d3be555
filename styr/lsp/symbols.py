"""The outline of a file: a board's mission, direction, goals with their indicators, assignments.

Every element the index finds in the file is a symbol, nested under the
nearest element written above it (a goal's indicators under the goal); a
board's mission and direction are sections of their own. Other kinds of file
(the vision, the council's areas, the steering documents, a work plan) get
the same outline of the elements they hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from styr.findings import PathInDocument
from styr.i18n import NC_, translate
from styr.load import Document
from styr.lsp.locate import node_at, path_range
from styr.lsp.navigation import kind_label
from styr.lsp.workspace import Linted

SECTIONS = {
    "mission": NC_("outline of a file", "Mission"),
    "direction": NC_("outline of a file", "Direction"),
}

_KINDS = {
    "organisation": types.SymbolKind.Module,
    "vision": types.SymbolKind.Namespace,
    "programme": types.SymbolKind.Namespace,
    "vision_area": types.SymbolKind.Namespace,
    "council_area": types.SymbolKind.Namespace,
    "council_goal": types.SymbolKind.Class,
    "goal": types.SymbolKind.Class,
    "indicator": types.SymbolKind.Field,
    "assignment": types.SymbolKind.Function,
    "steering_document": types.SymbolKind.File,
    "work_plan": types.SymbolKind.Namespace,
    "activity": types.SymbolKind.Event,
    "waypoint": types.SymbolKind.Key,
    "value": types.SymbolKind.Constant,
}


@dataclass(slots=True)
class _Entry:
    path: PathInDocument
    symbol: types.DocumentSymbol
    children: list[_Entry] = field(default_factory=list)


def outline(linted: Linted, file: Path, language: str) -> list[types.DocumentSymbol]:
    document = linted.document(file)
    if document is None or document.data is None:
        return []
    entries = [
        _Entry(
            element.path,
            _symbol(
                document,
                element.path,
                element.title or element.id or "",
                kind_label(linted, element, language),
                _KINDS.get(element.category, types.SymbolKind.Object),
            ),
        )
        for element in linted.index.elements
        if element.document.file == file
    ]
    if document.kind == "organisation":
        for key, name in SECTIONS.items():
            if node_at(document, (key,)) is not None:
                symbol = _symbol(
                    document, (key,), translate(name, language), "", types.SymbolKind.Struct
                )
                entries.append(_Entry((key,), symbol))
    return _nested(entries)


def _symbol(
    document: Document, path: PathInDocument, name: str, detail: str, kind: types.SymbolKind
) -> types.DocumentSymbol:
    whole = path_range(document, path) if path else _whole(document)
    if path and node_at(document, (*path, "id")) is not None:
        chosen = path_range(document, (*path, "id"))
    elif path:
        chosen = path_range(document, path, key=True)
    else:
        chosen = path_range(document, ("id",))
    if not _inside(chosen, whole):
        chosen = types.Range(whole.start, whole.start)
    return types.DocumentSymbol(
        name=name or "–", kind=kind, range=whole, selection_range=chosen, detail=detail
    )


def _whole(document: Document) -> types.Range:
    lines = (document.text or "").count("\n")
    return types.Range(types.Position(0, 0), types.Position(lines + 1, 0))


def _inside(inner: types.Range, outer: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(outer.start) <= key(inner.start) and key(inner.end) <= key(outer.end)


def _nested(entries: list[_Entry]) -> list[types.DocumentSymbol]:
    """Each entry under the entry with the longest path that is a beginning of its own."""
    entries.sort(key=lambda entry: (len(entry.path), _order(entry)))
    top: list[_Entry] = []
    placed: list[_Entry] = []
    for entry in entries:
        parent = max(
            (p for p in placed if entry.path[: len(p.path)] == p.path and p.path != entry.path),
            key=lambda p: len(p.path),
            default=None,
        )
        (parent.children if parent else top).append(entry)
        placed.append(entry)
    return [_finished(entry) for entry in sorted(top, key=_order)]


def _order(entry: _Entry) -> tuple[int, int]:
    start = entry.symbol.range.start
    return (start.line, start.character)


def _finished(entry: _Entry) -> types.DocumentSymbol:
    entry.symbol.children = [_finished(child) for child in sorted(entry.children, key=_order)]
    return entry.symbol
