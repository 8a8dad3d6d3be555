"""Validating documents against the JSON Schemas in `schemas/`: findings a planner can act on.

The schemas and their validators are in styr.schema_validators.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from styr.findings import Finding, PathInDocument
from styr.i18n import NC_, both_languages
from styr.load import Document
from styr.rules.schema import SCHEMA, UNKNOWN_FILE_KIND
from styr.schema_advice import (
    Advice,
    advise,
    huge_number_advice,
    reference_advice,
    strict_only_advice,
)
from styr.schema_texts import both, shown
from styr.schema_validators import (
    SCHEMA_SUFFIX,
    detailed_validator,
    fast_validator,
    schema_documents,
)
from styr.suggest import Suggester, corrected_id, suggest_among


@dataclass(frozen=True, slots=True)
class SchemaResult:
    """A document's schema findings, and where its values have a shape the schema refuses.

    `rejected`: the paths of values of a wrong type, form or range, and of
    mappings that lack a required key; rules say nothing more about them
    (styr.model.guard). `unusable`: those values that rules could not even
    read (a list where a word belongs, a number where a list belongs); rules
    never see them. An unknown key is a finding only, nothing reads it; but a
    mapping where it stands for a key that is absent (`horisont:` without
    `horizon:`) is rejected too.
    """

    findings: list[Finding] = field(default_factory=list)
    rejected: list[PathInDocument] = field(default_factory=list)
    unusable: list[PathInDocument] = field(default_factory=list)


# Keywords whose errors are about a key no rule reads, not about a value.
_KEY_KEYWORDS = ("additionalProperties",)
# Past this many digits Python refuses to turn an integer into text, and the
# schema validator would fail while describing it.
_MAX_DIGITS = 4000


def _unusable(error: Any) -> bool:
    """Whether a rule could trip over the value: a wrong type, or a choice that is no word."""
    if error.validator == "type":
        return True
    return error.validator in ("enum", "const") and not isinstance(error.instance, str)


def validate(document: Document, kind: str) -> Iterator[Finding]:
    """Schema findings for one document, each at the position of the offending value."""
    yield from check(document, kind).findings


def check(document: Document, kind: str) -> SchemaResult:
    """Schema findings for one document and the paths of the values it rejects."""
    fast = fast_validator(kind)
    if fast is not None and fast.is_valid(document.data):
        return SchemaResult()
    huge = list(_huge_integers(document.data, ()))
    if huge:
        advice = [huge_number_advice(path, value, document.data) for path, value in huge]
        paths = [path for path, _ in huge]
        return SchemaResult(_findings(document, advice), paths, paths)
    errors = _one_per_value(
        sorted(
            detailed_validator(kind).iter_errors(document.data),
            key=lambda e: _sort_key(e.absolute_path),
        )
    )
    advice = []
    for error in errors:
        advice.extend(advise(error, document.data))
    rejected = [
        tuple(error.absolute_path) for error in errors if error.validator not in _KEY_KEYWORDS
    ]
    rejected += _written_wrong(document.data, advice)
    unusable = [tuple(error.absolute_path) for error in errors if _unusable(error)]
    if fast is not None and not errors:
        # The two validators disagree only on regular-expression corner cases
        # (Python's `$` also matches before a final newline); the stricter
        # verdict stands, so the file is never silently passed.
        advice.append(strict_only_advice(_line_break_at_the_end(document.data)))
    return SchemaResult(_findings(document, advice, kind), rejected, unusable)


def unknown_file_kind(document: Document, kinds: list[str]) -> Finding:
    """S001 for a file whose `kind` is missing or none of `kinds`, with the kind it may mean."""
    data = document.data if isinstance(document.data, dict) else {}
    if "kind" not in data:
        return UNKNOWN_FILE_KIND.at(
            document.file,
            1,
            1,
            ("kind",),
            kinds=", ".join(kinds),
            **both_languages("kind", NC_("no kind given", "none")),
        )
    value = data["kind"]
    suggestion = suggest_among(value, kinds, "values") if isinstance(value, str) else None
    if suggestion:
        kind = both("schema-kind-did-you-mean", value=shown(value), suggestion=suggestion)
    else:
        kind = (f"'{shown(value)}'",) * 2
    line, column = document.locate(("kind",))
    return UNKNOWN_FILE_KIND.at(
        document.file,
        line,
        column,
        ("kind",),
        kind=kind[0],
        kind_en=kind[1],
        kinds=", ".join(kinds),
    )


def _line_break_at_the_end(data: Any) -> PathInDocument:
    """Where a one-line value ends in a line break ("0126\\n"), or () for the file."""
    stack: list[tuple[Any, PathInDocument]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str) and node.endswith("\n") and "\n" not in node.rstrip("\n"):
            return path
        if isinstance(node, dict):
            stack.extend((child, (*path, key)) for key, child in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((child, (*path, i)) for i, child in reversed(list(enumerate(node))))
    return ()


def _written_wrong(data: Any, advice: list[Advice]) -> list[PathInDocument]:
    """Mappings where a key is written wrong and the key it means is absent (`horisont:`).

    The rules would say the key is missing: a second finding for one mistake.
    """
    paths = []
    for item in advice:
        if item.meant_key is None:
            continue
        mapping = _at_path(data, item.path[:-1])
        if isinstance(mapping, dict) and item.meant_key not in mapping:
            paths.append(item.path[:-1])
    return paths


def _at_path(data: Any, path: PathInDocument) -> Any:
    for part in path:
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not (in_list or (isinstance(data, dict) and part in data)):
            return None
        data = data[part]
    return data


def _findings(document: Document, advice: list[Advice], kind: str | None = None) -> list[Finding]:
    findings = []
    seen = set()
    # Where the reader already said what is wrong with a value (a number too
    # long to use, kept as text), the schema has nothing to add.
    read_wrong = {finding.path for finding in document.findings if finding.path}
    misspelt = {(item.path[:-1], item.meant_key) for item in advice if item.meant_key}
    advice, indented = _indented_too_far(advice, document.data, kind)
    for item in advice:
        if item.missing_key is not None and (item.path, item.missing_key) in misspelt:
            continue  # `titel:` for `title:` is said where it is written
        if item.missing_key is not None and (item.path, item.missing_key) in indented:
            continue  # said where the key stands, one indent too far in
        if (item.path, item.problem) in seen:  # a missing key is reported once
            continue
        if not item.at_key and item.path in read_wrong:
            continue
        seen.add((item.path, item.problem))
        line, column = document.locate(item.path, key=item.at_key) if item.path else (1, 1)
        findings.append(
            SCHEMA.at(
                document.file,
                line,
                column,
                item.path,
                problem=item.problem,
                problem_en=item.problem_en,
                **_reference_params(item),
            )
        )
    return findings


def _reference_params(item: Advice) -> dict[str, str]:
    """For a reference of the wrong form: what was written and where, to refine it later."""
    if item.reference is None:
        return {}
    where = item.where or ("", "")
    return {"reference": item.reference, "place": where[0], "place_en": where[1]}


def _indented_too_far(
    advice: list[Advice], data: Any = None, kind: str | None = None
) -> tuple[list[Advice], set[tuple[Any, str]]]:
    """The advice with one bad indent said once, and the (mapping, key) pairs it explains.

    A key that is unknown where it stands but missing one level up, or allowed
    there and absent (`steering_model:` indented under `term_of_office:`,
    `direction:` under `mission:`), stands one indent too far in. The keys
    after it in the same mapping moved in with it, so their "unknown key"
    findings are consequences, and so is the key's "missing" finding one level
    up: the one finding says what to change.
    """
    missing = {(item.path, item.missing_key) for item in advice if item.missing_key is not None}
    moved: dict[PathInDocument, str] = {}  # mapping → the first key indented into it
    for item in advice:
        if item.at_key and len(item.path) >= 2 and item.path[:-1] not in moved:
            key, above = item.path[-1], item.path[:-2]
            if not isinstance(key, str) or isinstance(item.path[-2], int):
                continue  # a list item's keys: its own level is the item, not the list
            if (above, key) in missing or _belongs_above(data, kind, above, key):
                moved[item.path[:-1]] = key
    if not moved:
        return advice, set()
    kept: list[Advice] = []
    following: set[PathInDocument] = set()
    for item in advice:
        mapping = item.path[:-1]
        if not item.at_key or mapping not in moved:
            kept.append(item)
        elif item.path[-1] == moved[mapping]:
            following.add(mapping)
            inside = mapping[-1] if mapping else ""
            sv, en = both("schema-indented-too-far", key=shown(item.path[-1]), inside=shown(inside))
            kept.append(replace(item, problem=sv, problem_en=en, meant_key=None))
        elif mapping not in following:
            kept.append(item)  # an unknown key before the indented one is its own mistake
    return kept, {(mapping[:-1], key) for mapping, key in moved.items()}


def _belongs_above(data: Any, kind: str | None, above: PathInDocument, key: str) -> bool:
    """Whether `key` is allowed in the mapping at `above` and absent from it."""
    mapping = _at_path(data, above)
    return (
        kind is not None
        and isinstance(mapping, dict)
        and key not in mapping
        and key in _keys_allowed_at(kind, tuple(above))
    )


@cache
def _keys_allowed_at(kind: str, path: PathInDocument) -> frozenset[str]:
    """The keys the schema of `kind` allows in the mapping at `path` (list items by position)."""
    documents = schema_documents()
    home = f"{kind}{SCHEMA_SUFFIX}"
    schema: Any = documents.get(home, {})
    for part in path:
        schema, home = _resolved(schema, home, documents)
        step = schema.get("items", {}) if isinstance(part, int) else None
        schema = step if step is not None else schema.get("properties", {}).get(part, {})
    schema, _ = _resolved(schema, home, documents)
    return frozenset(schema.get("properties", {})) if isinstance(schema, dict) else frozenset()


def _resolved(schema: Any, home: str, documents: dict[str, Any]) -> tuple[Any, str]:
    """`schema` with its `$ref` followed (within its file or into another), and its file."""
    for _ in range(8):  # the schemas' references are never this deep; a loop is no hang
        if not isinstance(schema, dict) or "$ref" not in schema:
            break
        file, _, pointer = str(schema["$ref"]).partition("#")
        home = file or home
        schema = documents.get(home, {})
        for name in (part for part in pointer.split("/") if part):
            schema = schema.get(name, {}) if isinstance(schema, dict) else {}
    return (schema if isinstance(schema, dict) else {}), home


def with_known_ids(findings: list[Finding], ids: Iterable[str]) -> list[Finding]:
    """Schema findings for references of the wrong form, suggesting an id that exists.

    The schema check sees one file; `Kommun Fullmäktige` corrected is
    `kommun-fullmaktige`, but the id that exists may be `kommunfullmaktige`.
    """
    suggester: Suggester | None = None
    refined = []
    for finding in findings:
        written = finding.params.get("reference") if finding.code == SCHEMA.code else None
        if isinstance(written, str):
            suggester = suggester or Suggester(ids)
            corrected = corrected_id(written)
            known = suggester.suggest(corrected) or suggester.suggest(written)
            if known is not None and known != corrected:
                where = finding.params.get("place"), finding.params.get("place_en")
                said = (str(where[0]), str(where[1])) if all(where) else None
                advice = reference_advice(finding.path, written, known, said)
                params = {**finding.params, "problem": advice.problem}
                finding = finding.replaced(params={**params, "problem_en": advice.problem_en})
        refined.append(finding)
    return refined


def _one_per_value(errors: list[Any]) -> list[Any]:
    """Without a format error where the value's form is already wrong ("2026-11-2")."""
    malformed = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    return [
        e for e in errors if not (e.validator == "format" and tuple(e.absolute_path) in malformed)
    ]


def _sort_key(path: Any) -> list[tuple[int, str]]:
    # Keys and list positions in one order, whatever their types.
    return [(0, f"{part:09d}") if isinstance(part, int) else (1, str(part)) for part in path]


def _huge_integers(value: Any, path: PathInDocument) -> Iterator[tuple[PathInDocument, int]]:
    stack: list[tuple[Any, PathInDocument]] = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            stack.extend((child, (*where, key)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, (*where, i)) for i, child in enumerate(node))
        elif isinstance(node, int) and node.bit_length() > _MAX_DIGITS * 3:
            yield where, node  # about 3.3 bits per digit; booleans are never this long
