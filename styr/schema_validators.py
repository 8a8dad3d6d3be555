"""The JSON Schemas in `schemas/`: their names, their texts and their compiled validators.

Two validators per file kind: jsonschema-rs answers valid or not, fast, for
every file; the pure-Python jsonschema gives the detailed errors only for the
files that are not valid (styr.schema_check turns those into findings).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from styr.resources import data_dir

SCHEMA_SUFFIX = ".schema.json"
# Schemas of what styr writes (`styr diff --format json`, `styr kolada search --json`), not
# of a kind of file a repository holds: no file is checked against them and no repository
# copies them.
OUTPUT_SCHEMAS = frozenset({"diff", "kolada_search"})


def schema_names() -> list[str]:
    """The file kinds that have a schema (manifest first), from the schema folder."""
    names = sorted(p.name[: -len(SCHEMA_SUFFIX)] for p in data_dir("schemas").glob("*.json"))
    names = [n for n in names if n != "common" and n not in OUTPUT_SCHEMAS]
    return sorted(names, key=lambda n: (n != "manifest", n))


def schema_text(kind: str) -> str:
    return (data_dir("schemas") / f"{kind}{SCHEMA_SUFFIX}").read_text(encoding="utf-8")


@cache
def schema_documents() -> dict[str, Any]:
    """Every schema file by its name, read once for both validators."""
    folder = data_dir("schemas")
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob(f"*{SCHEMA_SUFFIX}"))
    }


@cache
def detailed_validator(kind: str) -> Any:
    # Imported here: jsonschema is the heaviest import on the lint path.
    from jsonschema import Draft202012Validator, ValidationError, validators
    from referencing import Registry, Resource

    def unique_items(validator: Any, unique: Any, instance: Any, schema: Any) -> Iterator[Any]:
        # jsonschema compares every item with every other when items are
        # mappings: hours for a long list. Comparing their JSON text is linear.
        if unique and validator.is_type(instance, "array") and _has_repeats(instance):
            yield ValidationError("repeated items")

    linear = validators.extend(Draft202012Validator, {"uniqueItems": unique_items})  # type: ignore[no-untyped-call]
    resources = [(n, Resource.from_contents(d)) for n, d in schema_documents().items()]
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = registry.contents(f"{kind}{SCHEMA_SUFFIX}")
    # Formats are checked (a date must be in the calendar), as jsonschema-rs does below.
    checker = Draft202012Validator.FORMAT_CHECKER
    return linear(schema, registry=registry, format_checker=checker)


def _has_repeats(items: list[Any]) -> bool:
    seen: set[str] = set()
    for item in items:
        key = json.dumps(_same_number(item), sort_keys=True, default=str)
        if key in seen:
            return True
        seen.add(key)
    return False


def _same_number(value: Any) -> Any:
    """1.0 as 1, as JSON Schema compares them, inside lists and mappings too."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_same_number(item) for item in value]
    if isinstance(value, dict):
        return {key: _same_number(item) for key, item in value.items()}
    return value


@cache
def fast_validator(kind: str) -> Any:
    """A compiled validator (jsonschema-rs) that only answers valid or not, fast.

    Most files are valid; only those that are not pay for the pure-Python
    validator's detailed errors. Without jsonschema-rs, every file does.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without its wheels
        return None
    base = "file:///styr/schemas/"
    resources = [(base + name, document) for name, document in schema_documents().items()]
    schema = dict(resources)[f"{base}{kind}{SCHEMA_SUFFIX}"]
    registry = jsonschema_rs.Registry(resources)
    return jsonschema_rs.Draft202012Validator(
        schema, registry=registry, base_uri=f"{base}{kind}{SCHEMA_SUFFIX}", validate_formats=True
    )


def compile_validator(kind: str) -> None:
    """Compile the fast validator of a file kind ahead of its first file."""
    fast_validator(kind)
