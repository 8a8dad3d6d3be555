"""The index's walk, with the element made in its loop, gives the index the plain walk gives.

`styr.model.index._walk` makes every goal and indicator itself rather than
through `_element`, `Index.add` and `_links`, with each layout made ready for
its level once (`_plan`); here it is held to the walk written the long way,
element by element and reference by reference, over the examples, the test
repository and generated files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from report_helpers import ROOT, rich_repository

from styr.findings import PathInDocument
from styr.load import Document
from styr.model.index import (
    _PLAN_FILE_KINDS,
    _WITH_TYPED_REFERENCES,
    FILE_LAYOUTS,
    Element,
    Index,
    Layout,
    _Default,
    _element,
    _element_references,
    _level_of,
    _links,
    _organisation,
    _organisation_references,
    _owner_levels,
    _plan_level,
    build_index,
)
from styr.model.repository import Repository, load_repository


def _walk_the_long_way(
    index: Index,
    repository: Repository,
    document: Document,
    data: dict[str, Any],
    layout: Layout,
    path: PathInDocument,
    level: str | None,
    owner: str | None,
    parent: Element | None,
) -> None:
    for key, (category, children, single) in layout.items():
        value = data.get(key)
        if single:
            entries: list[tuple[PathInDocument, Any]] = [((*path, key), value)]
        elif isinstance(value, list):
            entries = [((*path, key, i), e) for i, e in enumerate(value)]
        else:
            continue
        for entry_path, entry in entries:
            if not isinstance(entry, dict):
                continue
            default = _Default(repository.model, category, level)
            element = _element(repository, document, entry, entry_path, category, default, owner)
            element.parent = parent
            index.add(element)
            _links(index, element, entry, entry_path, document)
            if category in _WITH_TYPED_REFERENCES:
                _element_references(index, element)
            _walk_the_long_way(
                index, repository, document, entry, children, entry_path, level, owner, element
            )


def _index_the_long_way(repository: Repository) -> Index:
    index = Index()
    top = repository.model.top_level
    owner_levels = _owner_levels(repository)
    for document in repository.documents:
        kind = document.kind
        if not isinstance(document.data, dict) or kind not in FILE_LAYOUTS:
            continue
        level, owner = top, None
        if kind in _PLAN_FILE_KINDS:
            level = _plan_level(document.data.get(kind), owner_levels) or top
        if kind == "organisation":
            organisation = _organisation(document, repository)
            index.add(organisation)
            _organisation_references(index, organisation, repository)
            level, owner = _level_of(organisation, repository), organisation.id
        layout = FILE_LAYOUTS[kind]
        _walk_the_long_way(
            index, repository, document, document.data, layout, (), level, owner, None
        )
    return index


def _described(index: Index) -> list[tuple[Any, ...]]:
    position = {id(element): number for number, element in enumerate(index.elements)}

    def where(element: Element | None) -> int | None:
        return None if element is None else position[id(element)]

    elements = [
        (e.id, e.category, id(e.document), e.path, id(e.data), id(e.kind), e.kind_name, e.owner)
        for e in index.elements
    ]
    parents = [where(e.parent) for e in index.elements]
    references = [
        (where(r.source), r.target, r.field, id(r.document), r.path, r.expects)
        for r in index.references
    ]
    duplicates = [where(e) for e in index.duplicates]
    return [
        elements,
        parents,
        references,
        duplicates,
        sorted((k, where(e)) for k, e in index.by_id.items()),
    ]


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> list[Repository]:
    rich = rich_repository(tmp_path_factory.mktemp("index") / "testby")
    # Elements that name their kind: one the model declares, one it does not.
    board = rich / "organisation" / "skolnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    text = text.replace("  - id: skn-mal-1\n", "  - id: skn-mal-1\n    kind: nyckeltal\n")
    text = text.replace("      - id: skn-ind-1\n", "      - id: skn-ind-1\n        kind: kf-mal\n")
    board.write_text(text, encoding="utf-8")
    roots: list[Path] = [rich, *(ROOT / "examples" / name for name in ("helsingborg", "huddinge"))]
    return [load_repository(root) for root in roots]


def test_the_index_is_the_one_the_plain_walk_builds(repositories: list[Repository]) -> None:
    for repository in repositories:
        assert _described(build_index(repository)) == _described(_index_the_long_way(repository))
    # Both ways an element gets its kind are walked: named, and by default.
    elements = [e for repository in repositories for e in build_index(repository).elements]
    assert any(
        isinstance(e.data.get("kind"), str) for e in elements if e.category != "organisation"
    )
    assert any("kind" not in e.data and e.kind is not None for e in elements)
