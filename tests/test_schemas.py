"""The JSON Schemas themselves: valid 2020-12, strict, bilingual, and right about small documents.

Each schema is registered under its bare file name, as `styr` and the exported
folder do, so that `common.schema.json#/$defs/...` resolves between them.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = Path(__file__).parents[1] / "schemas"
SUFFIX = ".schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILE_KINDS = (
    "vision",
    "programme",
    "council",
    "steering_documents",
    "organisation",
    "operational_plan",
    "work_plan",
)
TITLE = re.compile(r"^\S.* \(\S.*\)$")  # "Svensk titel (English title)"
# Words that show which language a part is in; a rough check that neither half is missing.
ENGLISH_WORDS = re.compile(r"\b(the|a|an|of|and|or|to|in|is|for|with|from|by|e\.g\.)\b", re.I)


def _paths() -> list[Path]:
    return sorted(SCHEMAS.glob(f"*{SUFFIX}"))


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _registry() -> Registry[Any]:
    resources = [(p.name, Resource.from_contents(_load(p))) for p in _paths()]
    return Registry().with_resources(resources)


@cache
def _validator(kind: str) -> Draft202012Validator:
    registry = _registry()
    return Draft202012Validator(registry.contents(f"{kind}{SUFFIX}"), registry=registry)


def _errors(kind: str, document: Any) -> list[tuple[str, str]]:
    """(JSON path, failing keyword) for every error, sorted."""
    errors = _validator(kind).iter_errors(document)
    return sorted((e.json_path, str(e.validator)) for e in errors)


def _walk(node: Any, where: str = "$") -> Iterator[tuple[str, Any]]:
    yield where, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _walk(child, f"{where}/{key}")
    elif isinstance(node, list):
        for position, child in enumerate(node):
            yield from _walk(child, f"{where}[{position}]")


# ---------------------------------------------------------------------------
# Small documents of every kind
# ---------------------------------------------------------------------------

INDICATOR: dict[str, Any] = {
    "id": "sfn-ind-behorighet",
    "kind": "indikator",
    "title": "Andel elever i årskurs 9 som är behöriga till yrkesprogram",
    "unit": "procent",
    "better": "higher",
    "baseline": {"year": 2022, "value": 82.4},
    "targets": [{"year": 2026, "value": 86}],
    "milestones": [{"year": 2024, "value": 84, "term": "short"}],
    "kolada": "N15428",
    "agenda2030": ["4.1"],
    "contributes_to": ["kf-ind-2"],
    "gender_breakdown": True,
    "source": "Skolverket",
}

VALID: dict[str, dict[str, Any]] = {
    "manifest": {
        "format_version": 1,
        "municipality": {"name": "Helsingborgs stad", "code": "1283"},
        "language": "sv",
        "term_of_office": {"start": 2023, "end": 2026},
        "steering_model": {
            "name": "Helsingborgs stads styrmodell 2023–2026",
            "description": "Vision, program och stadens inriktningar.",
            "levels": [
                {"id": "stad", "name": "Staden"},
                {"id": "namnder_och_bolag", "name": "Nämnder och bolag"},
            ],
            "element_kinds": [
                {"id": "vision", "category": "vision", "level": "stad", "name": {"sv": "Vision"}},
                {
                    "id": "stadens_inriktning",
                    "category": "council_area",
                    "level": "stad",
                    "name": {"sv": "Stadens inriktning", "en": "City direction"},
                    "description": "Tvärsektoriell inriktning.",
                    "requires_contributors": True,
                },
                {
                    "id": "mal",
                    "category": "goal",
                    "name": {"sv": "Mål", "en": "Goal"},
                    "requires_link": True,
                },
            ],
            "links": [
                {"from": "stadens_inriktning", "to": ["vision"]},
                {"from": "mal", "to": ["stadens_inriktning"]},
            ],
            "organisation_types": [
                {
                    "id": "namnd",
                    "level": "namnder_och_bolag",
                    "name": {"sv": "Nämnd", "en": "Board"},
                    "mission_source": "reglemente",
                    "requires": ["mission", "direction"],
                },
                {"id": "bolag", "name": {"sv": "Bolag"}, "mission_source": "ägardirektiv"},
            ],
        },
        "lint": {"ignore": ["G008"], "a_later_setting": {"anything": True}},
    },
    "vision": {
        "kind": "vision",
        "vision": {
            "id": "vision-2035",
            "title": "Helsingborg 2035",
            "year": 2035,
            "text": "År 2035 ska Helsingborg vara ...",
            "areas": [{"id": "den-skapande-staden", "title": "Den skapande staden"}],
        },
        "waypoints": [
            {
                "id": "malbild-2027",
                "title": "Målbild 2027",
                "year": 2027,
                "contributes_to": ["vision-2035"],
            }
        ],
        "values": [{"id": "mod", "title": "Mod", "text": "Vi vågar."}],
    },
    "programme": {
        "kind": "programme",
        "programme": {
            "id": "program-2023-2026",
            "title": "Program för mandatperioden 2023–2026",
            "period": {"start": 2023, "end": 2026},
            "adopted_by": "kommunfullmaktige",
            "adopted_on": "2022-11-24",
            "text": "...",
            "contributes_to": ["vision-2035"],
        },
    },
    "council": {
        "kind": "council",
        "areas": [
            {
                "id": "inriktning-innovation",
                "kind": "stadens_inriktning",
                "title": "Helsingborg ska öka innovationskraften",
                "heading": "Den sociala basen",
                "contributes_to": ["program-2023-2026"],
                "agenda2030": ["9", "16.6", "4.a", "17"],
                "indicators": [INDICATOR],
                "goals": [{"id": "kf-mal-1", "title": "Fler ska ha arbete", "indicators": []}],
            }
        ],
        "goals": [],
    },
    "steering_documents": {
        "kind": "steering_documents",
        "documents": [
            {
                "id": "livskvalitetsprogram",
                "title": "Livskvalitetsprogram för Helsingborgs stad",
                "type": "program",
                "area": "livskvalitet",
                "adopted_by": "kommunfullmaktige",
                "adopted_on": "2021-12-14",
                "valid_until": "2030-12-31",
                "owner": "kommunstyrelsen",
                "next_review": "2026-12-31",
                "contributes_to": ["inriktning-livskvalitet"],
            },
            {
                "id": "agardirektiv-hamn",
                "title": "Ägardirektiv för Helsingborgs hamn AB",
                "type": "ägardirektiv",
                "until_further_notice": True,
            },
        ],
    },
    "organisation": {
        "kind": "organisation",
        "id": "skol-och-fritidsnamnden",
        "type": "namnd",
        "name": "Skol- och fritidsnämnden",
        "parent": "kommunfullmaktige",
        "mission": {"text": "...", "source": "reglemente", "document": "reglemente-sbf"},
        "direction": {
            "text": "...",
            "contributes_to": ["inriktning-innovation"],
            "indicators": [{"id": "sfn-ind-1", "title": "Andel nöjda elever"}],
        },
        "area_readings": [{"area": "social-hallbarhet", "text": "..."}],
        "goals": [
            {
                "id": "sfn-mal-1",
                "title": "Fler elever i årskurs 9 ska vara behöriga till gymnasieskolan",
                "text": "...",
                "target_group": "elever i årskurs 9",
                "horizon": {"start": 2023, "end": 2026},
                "contributes_to": ["inriktning-innovation"],
                "agenda2030": ["4.1"],
                "indicators": [INDICATOR],
            }
        ],
        "indicators": [
            {
                "id": "sfn-ind-2",
                "title": "Andel elever inom ett intervall",
                "better": "range",
                "range": {"min": 90, "max": 100},
            }
        ],
        "assignments": [
            {
                "id": "gsn-uppdrag-1",
                "title": "Ta fram en plan för ökad närvaro",
                "to": "grundskoleforvaltningen",
                "due": "2025-06-30",
                "contributes_to": ["gsn-ind-2"],
            }
        ],
    },
    "work_plan": {
        "kind": "work_plan",
        "work_plan": {
            "id": "gsf-arbetsplan-2025",
            "title": "Grundskoleförvaltningens arbetsplan 2025",
            "owner": "grundskoleforvaltningen",
            "year": 2025,
            "based_on": "grundskolenamnden",
            "activities": [
                {
                    "id": "gsf-akt-1",
                    "title": "Inför läxhjälp på alla skolor",
                    "responsible": "Verksamhetschef",
                    "start": "2025-01-01",
                    "end": "2025-12-31",
                    "contributes_to": ["gsn-uppdrag-1", "gsn-ind-2"],
                }
            ],
        },
    },
    "operational_plan": {
        "kind": "operational_plan",
        "operational_plan": {
            "id": "gsn-verksamhetsplan-2025",
            "title": "Grundskolenämndens verksamhetsplan 2025",
            "owner": "grundskolenamnden",
            "year": 2025,
            "reported_to": "kommunstyrelsen",
            "contributes_to": ["social-hallbarhet"],
            "decision": {"by": "grundskolenamnden", "date": "2024-12-10", "paragraph": 112},
            "area_readings": [{"area": "social-hallbarhet", "text": "..."}],
        },
    },
}


def _with(kind: str, path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A copy of the valid document of `kind` with the value at `path` replaced (or added)."""
    document = copy.deepcopy(VALID[kind])
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return document


def _without(kind: str, path: tuple[str | int, ...]) -> dict[str, Any]:
    document = copy.deepcopy(VALID[kind])
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return document


# (name, kind, document, [(JSON path, keyword)]) for documents that must fail.
INVALID: list[tuple[str, str, dict[str, Any], list[tuple[str, str]]]] = [
    # An operational plan is one organisation's plan for one year.
    (
        "operational plan without a year",
        "operational_plan",
        _without("operational_plan", ("operational_plan", "year")),
        [("$.operational_plan", "required")],
    ),
    (
        "operational plan reading without its area",
        "operational_plan",
        _without("operational_plan", ("operational_plan", "area_readings", 0, "area")),
        [("$.operational_plan.area_readings[0]", "required")],
    ),
    # Misspelt keys, at every depth.
    (
        "typo contributes_too in the programme",
        "programme",
        _with("programme", ("programme", "contributes_too"), ["vision-2035"]),
        [("$.programme", "additionalProperties")],
    ),
    (
        "typo at the top of a file",
        "organisation",
        _with("organisation", ("goal",), []),
        [("$", "additionalProperties")],
    ),
    (
        "typo in an indicator under a goal",
        "organisation",
        _with("organisation", ("goals", 0, "indicators", 0, "baseline", "yaer"), 2022),
        [("$.goals[0].indicators[0].baseline", "additionalProperties")],
    ),
    (
        "typo in an element kind",
        "manifest",
        _with("manifest", ("steering_model", "element_kinds", 2, "requires_links"), True),
        [("$.steering_model.element_kinds[2]", "additionalProperties")],
    ),
    (
        "typo in a council area",
        "council",
        _with("council", ("areas", 0, "indicator"), []),
        [("$.areas[0]", "additionalProperties")],
    ),
    (
        "typo in an activity",
        "work_plan",
        _with("work_plan", ("work_plan", "activities", 0, "responsable"), "X"),
        [("$.work_plan.activities[0]", "additionalProperties")],
    ),
    # Codes and years that YAML read as something else.
    (
        "municipality code written as a number",
        "manifest",
        _with("manifest", ("municipality", "code"), 1283),
        [("$.municipality.code", "type")],
    ),
    (
        "municipality code with three digits",
        "manifest",
        _with("manifest", ("municipality", "code"), "126"),
        [("$.municipality.code", "pattern")],
    ),
    (
        "year as a string",
        "vision",
        _with("vision", ("vision", "year"), "2035"),
        [("$.vision.year", "type")],
    ),
    (
        "year out of range",
        "programme",
        _with("programme", ("programme", "period", "end"), 20260),
        [("$.programme.period.end", "maximum")],
    ),
    # Ids.
    (
        "id with capitals and a space",
        "council",
        _with("council", ("areas", 0, "id"), "Inriktning Trygghet"),
        [("$.areas[0].id", "pattern")],
    ),
    (
        "id with å",
        "organisation",
        _with("organisation", ("id",), "skol-och-fritidsnämnden"),
        [("$.id", "pattern")],
    ),
    (
        "id starting with a hyphen",
        "vision",
        _with("vision", ("values", 0, "id"), "-mod"),
        [("$.values[0].id", "pattern")],
    ),
    (
        "reference written as a title",
        "vision",
        _with("vision", ("waypoints", 0, "contributes_to"), ["Vision 2035"]),
        [("$.waypoints[0].contributes_to[0]", "pattern")],
    ),
    (
        "contributes_to as a single string",
        "programme",
        _with("programme", ("programme", "contributes_to"), "vision-2035"),
        [("$.programme.contributes_to", "type")],
    ),
    (
        "element kind with a space",
        "council",
        _with("council", ("areas", 0, "kind"), "stadens inriktning"),
        [("$.areas[0].kind", "pattern")],
    ),
    # Dates.
    (
        "date without leading zeros",
        "programme",
        _with("programme", ("programme", "adopted_on"), "2022-11-2"),
        [("$.programme.adopted_on", "pattern")],
    ),
    (
        "date in Swedish order",
        "steering_documents",
        _with("steering_documents", ("documents", 0, "valid_until"), "31/12/2030"),
        [("$.documents[0].valid_until", "pattern")],
    ),
    (
        "date as a year",
        "work_plan",
        _with("work_plan", ("work_plan", "activities", 0, "end"), 2025),
        [("$.work_plan.activities[0].end", "type")],
    ),
    # Kolada ids and Agenda 2030 references are strings to the schema; their
    # form and existence are checked by the rules K001 and A001, with messages
    # that say what a real id looks like (see test_left_to_the_rules below).
    (
        "agenda2030 as a number",
        "organisation",
        _with("organisation", ("goals", 0, "agenda2030"), [4]),
        [("$.goals[0].agenda2030[0]", "type")],
    ),
    # Required fields.
    (
        "goal without a title",
        "organisation",
        _without("organisation", ("goals", 0, "title")),
        [("$.goals[0]", "required")],
    ),
    (
        "organisation without a type",
        "organisation",
        _without("organisation", ("type",)),
        [("$", "required")],
    ),
    (
        "assignment without a receiver",
        "organisation",
        _without("organisation", ("assignments", 0, "to")),
        [("$.assignments[0]", "required")],
    ),
    (
        "steering document without a type",
        "steering_documents",
        _without("steering_documents", ("documents", 0, "type")),
        [("$.documents[0]", "required")],
    ),
    (
        "work plan without an owner",
        "work_plan",
        _without("work_plan", ("work_plan", "owner")),
        [("$.work_plan", "required")],
    ),
    (
        "vision without a title",
        "vision",
        _without("vision", ("vision", "title")),
        [("$.vision", "required")],
    ),
    (
        "manifest without a term of office",
        "manifest",
        _without("manifest", ("term_of_office",)),
        [("$", "required")],
    ),
    (
        "element kind without a name",
        "manifest",
        _without("manifest", ("steering_model", "element_kinds", 0, "name")),
        [("$.steering_model.element_kinds[0]", "required")],
    ),
    (
        "file without its kind",
        "council",
        _without("council", ("kind",)),
        [("$", "required")],
    ),
    # Enumerations and constants.
    (
        "wrong kind for the schema",
        "programme",
        _with("programme", ("kind",), "vision"),
        [("$.kind", "const")],
    ),
    (
        "unknown category",
        "manifest",
        _with("manifest", ("steering_model", "element_kinds", 0, "category"), "visionen"),
        [("$.steering_model.element_kinds[0].category", "enum")],
    ),
    (
        "unknown required part",
        "manifest",
        _with("manifest", ("steering_model", "organisation_types", 0, "requires"), ["budget"]),
        [("$.steering_model.organisation_types[0].requires[0]", "enum")],
    ),
    (
        "steering document type without its Swedish letters",
        "steering_documents",
        _with("steering_documents", ("documents", 1, "type"), "agardirektiv"),
        [("$.documents[1].type", "enum")],
    ),
    (
        "a steering document marking a field made up that is no date of it",
        "steering_documents",
        _with("steering_documents", ("documents", 0, "illustrative"), ["title"]),
        [("$.documents[0].illustrative[0]", "enum")],
    ),
    (
        "a steering document marking no field made up",
        "steering_documents",
        _with("steering_documents", ("documents", 0, "illustrative"), []),
        [("$.documents[0].illustrative", "minItems")],
    ),
    (
        "better as a Swedish word",
        "organisation",
        _with("organisation", ("goals", 0, "indicators", 0, "better"), "högre"),
        [("$.goals[0].indicators[0].better", "enum")],
    ),
    (
        "milestone term in Swedish",
        "council",
        _with("council", ("areas", 0, "indicators", 0, "milestones", 0, "term"), "kort"),
        [("$.areas[0].indicators[0].milestones[0].term", "enum")],
    ),
    (
        "mission source not in the list",
        "organisation",
        _with("organisation", ("mission", "source"), "beslut"),
        [("$.mission.source", "enum")],
    ),
    (
        "value with a decimal comma",
        "organisation",
        _with("organisation", ("goals", 0, "indicators", 0, "baseline", "value"), "82,4"),
        [("$.goals[0].indicators[0].baseline.value", "type")],
    ),
    (
        "empty title",
        "programme",
        _with("programme", ("programme", "title"), ""),
        [("$.programme.title", "minLength")],
    ),
    (
        "lint that is not a mapping",
        "manifest",
        _with("manifest", ("lint",), ["G008"]),
        [("$.lint", "type")],
    ),
]


# ---------------------------------------------------------------------------
# The schema files
# ---------------------------------------------------------------------------


def test_a_schema_for_every_file_kind_and_the_manifest() -> None:
    names = {p.name.removesuffix(SUFFIX) for p in _paths()}
    assert {"common", "manifest", *FILE_KINDS} <= names


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_valid_against_the_2020_12_metaschema(path: Path) -> None:
    schema = _load(path)
    assert schema["$schema"] == DRAFT
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_readable_json_with_two_space_indent(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_no_id_and_only_relative_references_that_resolve(path: Path) -> None:
    schema = _load(path)
    resolver = _registry().resolver(base_uri=path.name)
    for where, node in _walk(schema):
        if not isinstance(node, dict):
            continue
        assert "$id" not in node, where
        target = node.get("$ref")
        if isinstance(target, str):
            assert re.fullmatch(r"([a-z_]+\.schema\.json)?#/\$defs/[a-z0-9_]+", target), where
            resolver.lookup(target)  # raises if it does not resolve


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_file_kind_schemas_require_kind_with_its_constant(kind: str) -> None:
    schema = _load(SCHEMAS / f"{kind}{SUFFIX}")
    assert "kind" in schema["required"]
    assert schema["properties"]["kind"]["const"] == kind


def _objects(node: Any, where: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema that declares properties."""
    for place, child in _walk(node, where):
        if isinstance(child, dict) and isinstance(child.get("properties"), dict):
            yield place, child


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_strict_objects(path: Path) -> None:
    for where, node in _objects(_load(path)):
        if where == "$/properties/lint":  # configured by a feature of its own
            assert node["additionalProperties"] is True
        else:
            assert node.get("additionalProperties") is False, where


def _described(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """The schema itself, every $def and every property, wherever they stand."""
    schema = _load(path)
    yield "$", schema
    for where, node in _walk(schema):
        if isinstance(node, dict):
            for key in ("properties", "$defs"):
                children = node.get(key)
                if isinstance(children, dict):
                    for name, child in children.items():
                        yield f"{where}/{key}/{name}", child


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_everything_has_a_swedish_and_english_title_and_description(path: Path) -> None:
    for where, node in _described(path):
        title, description = node.get("title"), node.get("description")
        assert isinstance(title, str) and TITLE.match(title), f"{where}: 'Svensk (English)'"
        assert isinstance(description, str) and "\n\n" in description, where
        swedish, english = description.split("\n\n", 1)
        assert swedish.strip() and english.strip(), where
        assert "\n\n" not in english, f"{where}: one Swedish and one English part"
        assert swedish != english, f"{where}: the same text twice"
        assert not re.search(r"\b(the|of|which|when)\b", swedish, re.I), f"{where}: Swedish first"
        assert ENGLISH_WORDS.search(english), f"{where}: English after the blank line"


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_examples_are_valid(path: Path) -> None:
    schema = _load(path)
    registry = _registry()
    root = Draft202012Validator(registry.contents(path.name), registry=registry)
    for where, node in _walk(schema):
        if isinstance(node, dict) and isinstance(node.get("examples"), list):
            sub = {k: v for k, v in node.items() if k != "examples"}
            for example in node["examples"]:
                errors = list(root.evolve(schema=sub).iter_errors(example))
                assert not errors, (where, example, [e.message for e in errors])


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", VALID)
def test_valid_document(kind: str) -> None:
    assert _errors(kind, VALID[kind]) == []


@pytest.mark.parametrize(
    ("kind", "document", "expected"),
    [pytest.param(kind, document, expected, id=name) for name, kind, document, expected in INVALID],
)
def test_invalid_document(
    kind: str, document: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert _errors(kind, document) == expected


def test_a_steering_document_may_mark_some_dates_made_up() -> None:
    marked = ["adopted_on", "next_review"]
    document = _with("steering_documents", ("documents", 0, "illustrative"), marked)
    assert _errors("steering_documents", document) == []


def test_minimal_documents() -> None:
    assert _errors("council", {"kind": "council"}) == []
    assert _errors("vision", {"kind": "vision", "vision": {"id": "v", "title": "V"}}) == []
    manifest = {
        "municipality": {"name": "Testby", "code": "0999"},
        "term_of_office": {"start": 2027, "end": 2030},
        "steering_model": {"element_kinds": []},
    }
    assert _errors("manifest", manifest) == []


def test_the_compiled_validator_agrees() -> None:
    """`styr lint` asks jsonschema-rs first; it must resolve the same references the same way."""
    import jsonschema_rs

    base = "file:///styr/schemas/"
    resources = [(base + p.name, _load(p)) for p in _paths()]
    registry = jsonschema_rs.Registry(resources)

    def valid(kind: str, document: Any) -> bool:
        validator = jsonschema_rs.Draft202012Validator(
            dict(resources)[f"{base}{kind}{SUFFIX}"],
            registry=registry,
            base_uri=f"{base}{kind}{SUFFIX}",
        )
        return bool(validator.is_valid(document))

    for kind, document in VALID.items():
        assert valid(kind, document), kind
    for name, kind, document, _ in INVALID:
        assert not valid(kind, document), name


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("goals", 0, "indicators", 0, "kolada"), "n15428"),
        (("goals", 0, "agenda2030"), ["18"]),
        (("goals", 0, "agenda2030"), ["4,1"]),
    ],
)
def test_left_to_the_rules(path: tuple[Any, ...], value: Any) -> None:
    """One problem, one finding: the schema accepts the string, the rule reports it."""
    assert _errors("organisation", _with("organisation", path, value)) == []


FORMS = {"id", "reference", "date", "period", "municipality_code", "year"}


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_every_pattern_says_what_the_field_is(path: Path) -> None:
    """Messages explain a pattern by the field's form, never by the regular expression."""
    for where, node in _walk(_load(path)):
        if isinstance(node, dict) and "pattern" in node:
            assert node.get("x-styr-form") in FORMS, where
        if isinstance(node, dict) and "x-styr-form" in node:
            assert node["x-styr-form"] in FORMS, where


@pytest.mark.parametrize(
    ("kind", "document"),
    [pytest.param(kind, document, id=name) for name, kind, document, _ in INVALID],
)
def test_advice_for_every_invalid_document_shows_no_pattern_or_repr(
    kind: str, document: dict[str, Any]
) -> None:
    from styr.schema_advice import advise

    patterns = {
        node["pattern"]
        for path in _paths()
        for _, node in _walk(_load(path))
        if isinstance(node, dict) and isinstance(node.get("pattern"), str)
    }
    errors = list(_validator(kind).iter_errors(document))
    advice = [item for error in errors for item in advise(error)]
    assert len(advice) >= len(errors)
    for item in advice:
        for text in (item.problem, item.problem_en):
            assert not any(pattern in text for pattern in patterns), text
            assert "is not of type" not in text and "does not match" not in text, text
            assert not re.search(r"\[\d+\]\)|u'|\{'", text), text  # no Python repr of a value


def test_the_vision_schemas_example_area_names_one_of_the_examples_areas() -> None:
    """One name set for Helsingborg's vision areas: the schema's example is the example's."""
    schema = json.loads((SCHEMAS / "vision.schema.json").read_text("utf-8"))
    shown = schema["$defs"]["vision_area"]["properties"]["title"]["examples"]
    vision = yaml.safe_load(
        (SCHEMAS.parent / "examples" / "helsingborg" / "vision.yaml").read_text("utf-8")
    )
    areas = {area["title"] for area in vision["vision"]["areas"]}
    assert shown and set(shown) <= areas
