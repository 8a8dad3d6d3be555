"""The JSON Schemas: valid 2020-12, described in Swedish and English, and matching the examples."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator

from styr.model.index import FILE_LAYOUTS

SCHEMAS = ROOT / "schemas"


def _schemas() -> list[Path]:
    return sorted(SCHEMAS.glob("*.schema.json"))


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, child in (node.get("properties") or {}).items():
            yield f"{path}.{name}", child
        for key, child in node.items():
            if key != "properties" or not isinstance(child, dict):
                yield from _properties(child, f"{path}/{key}")
            else:
                for name, grandchild in child.items():
                    yield from _properties(grandchild, f"{path}.{name}")
    elif isinstance(node, list):
        for position, child in enumerate(node):
            yield from _properties(child, f"{path}[{position}]")


def test_one_schema_per_file_kind() -> None:
    names = {p.name.removesuffix(".schema.json") for p in _schemas()}
    assert names == {"common", "manifest", *FILE_LAYOUTS}


@pytest.mark.parametrize("path", _schemas(), ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", _schemas(), ids=lambda p: p.name)
def test_every_property_is_described_in_swedish_and_english(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, definition in _properties(schema):
        assert "title" in definition and "description" in definition, where
        assert "(" in definition["title"], f"{where}: 'Svensk (English)' title"
        assert "\n\n" in definition["description"], f"{where}: Swedish, blank line, English"


def test_editor_modelines_in_the_examples_point_at_existing_schemas() -> None:
    for file in sorted((ROOT / "examples").rglob("*.yaml")):
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), file
        target = (file.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), (file, target)
