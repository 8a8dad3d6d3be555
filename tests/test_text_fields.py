"""Which keys are free text (where a comment may cut words off): held to the schemas."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ROOT

from styr.load.text_fields import TEXT_FIELDS, is_text_field
from styr.schema_validators import OUTPUT_SCHEMAS

# String-typed properties that are not free text: a level, and an area that is
# an id in most files.
# A case number ("KS-2025/123") is a code: a ` #` after it is a comment.
NOT_FREE_TEXT = {"fail_on", "area", "case_number"}


def _free_text_properties(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.get("properties", {}).items():
            plain = not any(k in value for k in ("pattern", "enum", "format", "const", "$ref"))
            if value.get("type") == "string" and plain:
                yield key
        for value in schema.values():
            yield from _free_text_properties(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _free_text_properties(value)


def test_the_text_fields_are_the_schemas_free_text_properties() -> None:
    found = set()
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        if path.name.removesuffix(".schema.json") in OUTPUT_SCHEMAS:
            continue  # what styr writes (styr kolada search --json), not a file planners edit
        found |= set(_free_text_properties(json.loads(path.read_text(encoding="utf-8"))))
    languages = {"sv", "en"}
    assert found - NOT_FREE_TEXT - languages <= TEXT_FIELDS
    assert TEXT_FIELDS - found <= {"statement"}  # a word planners use, kept for older files


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("title",), True),
        (("goals", 0, "title"), True),
        (("name", "sv"), True),
        (("goals", 2, "indicators", 0, "name", "en"), True),
        (("title", 3), True),
        (("id",), False),
        (("goals", 0, "year"), False),
        (("sv",), False),
        ((), False),
        ((0,), False),
    ],
)
def test_a_value_counts_as_the_text_field_that_holds_it(
    path: tuple[str | int, ...], expected: bool
) -> None:
    assert is_text_field(path) is expected
