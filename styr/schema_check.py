"""Validating documents against the JSON Schemas in `schemas/`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from styr.findings import Finding
from styr.load import Document
from styr.resources import data_dir
from styr.rules.schema import SCHEMA

SCHEMA_SUFFIX = ".schema.json"


def schema_names() -> list[str]:
    """The file kinds that have a schema (manifest first), from the schema folder."""
    names = sorted(p.name[: -len(SCHEMA_SUFFIX)] for p in data_dir("schemas").glob("*.json"))
    names = [n for n in names if n != "common"]
    return sorted(names, key=lambda n: (n != "manifest", n))


def schema_text(kind: str) -> str:
    return (data_dir("schemas") / f"{kind}{SCHEMA_SUFFIX}").read_text(encoding="utf-8")


@cache
def _schema_documents() -> dict[str, Any]:
    """Every schema file by its name, read once for both validators."""
    folder = data_dir("schemas")
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob(f"*{SCHEMA_SUFFIX}"))
    }


@cache
def _validator(kind: str) -> Any:
    # Imported here: jsonschema is the heaviest import on the lint path.
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = [(n, Resource.from_contents(d)) for n, d in _schema_documents().items()]
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = registry.contents(f"{kind}{SCHEMA_SUFFIX}")
    return Draft202012Validator(schema, registry=registry)


@cache
def _fast_validator(kind: str) -> Any:
    """A compiled validator (jsonschema-rs) that only answers valid or not, fast.

    Most files are valid; only those that are not pay for the pure-Python
    validator's detailed errors. Without jsonschema-rs, every file does.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without its wheels
        return None
    base = "file:///styr/schemas/"
    resources = [(base + name, document) for name, document in _schema_documents().items()]
    schema = dict(resources)[f"{base}{kind}{SCHEMA_SUFFIX}"]
    registry = jsonschema_rs.Registry(resources)
    return jsonschema_rs.Draft202012Validator(
        schema, registry=registry, base_uri=f"{base}{kind}{SCHEMA_SUFFIX}"
    )


def validate(document: Document, kind: str) -> Iterator[Finding]:
    """Schema findings for one document, each at the position of the offending value."""
    fast = _fast_validator(kind)
    if fast is not None and fast.is_valid(document.data):
        return
    validator = _validator(kind)
    errors = sorted(validator.iter_errors(document.data), key=lambda e: list(e.absolute_path))
    for error in errors:
        yield _finding(document, error)
    if fast is not None and not errors:
        # The two validators disagree only on regular-expression corner cases
        # (Python's `$` also matches before a final newline); the stricter
        # verdict stands, so the file is never silently passed.
        yield SCHEMA.at(
            document.file,
            1,
            1,
            problem="Filen följer inte schemat (ett värde har fel form, t.ex. en radbrytning "
            "sist i en kod).",
            problem_en="The file does not follow the schema (a value has the wrong form, e.g. a "
            "line break at the end of a code).",
        )


def _finding(document: Document, error: Any) -> Finding:
    path = tuple(error.absolute_path)
    problem_sv, problem_en, key_path = _describe(error)
    at_key = key_path is not None
    line, column = document.locate(key_path if key_path is not None else path, key=at_key)
    return SCHEMA.at(
        document.file,
        line,
        column,
        path if key_path is None else key_path,
        problem=problem_sv,
        problem_en=problem_en,
    )


def _describe(error: Any) -> tuple[str, str, tuple[Any, ...] | None]:
    """Say what is wrong in words a planner reads; point at a bad key where there is one."""
    where = _dotted(tuple(error.absolute_path))
    validator, value = error.validator, error.instance
    if validator == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        if extra:
            key = extra[0]
            allowed = ", ".join(error.schema.get("properties", {})) or "–"
            return (
                f"Okänd nyckel '{key}'{_in(where, 'i')}; tillåtna: {allowed}.",
                f"Unknown key '{key}'{_in(where, 'in')}; allowed: {allowed}.",
                (*error.absolute_path, key),
            )
    if validator == "required":
        text: str = error.message
        missing = text.split("'")[1] if "'" in text else text
        return (
            f"Obligatorisk nyckel '{missing}' saknas{_in(where, 'i')}.",
            f"Required key '{missing}' is missing{_in(where, 'in')}.",
            None,
        )
    if validator == "type":
        expected = error.validator_value
        hint_sv = hint_en = ""
        if isinstance(value, str) and "," in value and "number" in str(expected):
            hint_sv, hint_en = (
                " Skriv decimaltal med punkt: 4.0, inte 4,0.",
                " Use a decimal point.",
            )
        shown = json.dumps(value, ensure_ascii=False)
        return (
            f"{_where(where)}: ska vara {_type_sv(expected)}, är {shown}.{hint_sv}",
            f"{_where(where)}: must be {expected}, is {shown}.{hint_en}",
            None,
        )
    if validator == "pattern":
        return (
            f"{_where(where)}: '{value}' har fel form (mönster {error.validator_value}).",
            f"{_where(where)}: '{value}' has the wrong form (pattern {error.validator_value}).",
            None,
        )
    if validator in ("enum", "const"):
        choices = error.validator_value if validator == "enum" else [error.validator_value]
        options = ", ".join(str(a) for a in choices)
        return (
            f"{_where(where)}: '{value}' är inte tillåtet; välj en av: {options}.",
            f"{_where(where)}: '{value}' is not allowed; choose one of: {options}.",
            None,
        )
    return (f"{_where(where)}: {error.message}", f"{_where(where)}: {error.message}", None)


def _dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _in(where: str, word: str) -> str:
    return f" {word} {where}" if where else ""


def _where(where: str) -> str:
    return where or "dokumentet"


_TYPES_SV = {
    "string": "text",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "true eller false",
    "array": "en lista",
    "object": "en mappning (nycklar och värden)",
    "null": "tomt",
}


def _type_sv(expected: Any) -> str:
    if isinstance(expected, list):
        return " eller ".join(_TYPES_SV.get(str(e), str(e)) for e in expected)
    return _TYPES_SV.get(expected, str(expected))
