"""styr diff as JSON: valid against its schema, the changes as found, a sentence each."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from conftest import CliResult
from diff_render_samples import (
    EVERY_KIND,
    FIXED,
    HOSTILE,
    INTRODUCED,
    NAMES,
    change,
    every_kind,
    one,
    repository,
    result,
)
from jsonschema import Draft202012Validator

from styr.diff.changes import ChangeKind, DiffResult, FindingsDelta
from styr.diff.render_json import render_json
from styr.diff.sentences import PLAIN, sentence
from styr.editor import file_kind, schema_files
from styr.schema_validators import schema_names

SCHEMA = Path(__file__).parents[1] / "schemas" / "diff.schema.json"


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def rendered(diff: DiffResult, language: str = "sv") -> Any:
    document = json.loads(render_json(diff, language))
    errors = [f"{e.json_path}: {e.message}" for e in validator().iter_errors(document)]
    assert errors == []
    return document


def test_every_kind_of_change_with_the_findings_validates_against_the_schema() -> None:
    document = rendered(every_kind())
    assert document["format_version"] == 1
    assert (document["old"], document["new"], document["unchanged"]) == (
        "mal-och-budget-2025",
        "arbetskopian",
        2,
    )
    (municipality,) = document["repositories"]
    assert (municipality["name"], municipality["code"], municipality["path"]) == (
        "Helsingborg",
        "1283",
        "helsingborg",
    )
    assert [c["kind"] for c in municipality["changes"]] == [k.value for k in EVERY_KIND]
    assert municipality["findings"]["introduced"] == [
        {
            "code": "G001",
            "severity": "warning",
            "file": "organisation/bun.yaml",
            "line": 3,
            "column": 1,
            "message": INTRODUCED.message,
        }
    ]
    assert municipality["findings"]["fixed"][0]["code"] == FIXED.code


@pytest.mark.parametrize("kind", list(ChangeKind), ids=str)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_change_carries_its_place_its_params_and_its_sentence(
    kind: ChangeKind, language: str
) -> None:
    sample = EVERY_KIND[kind]
    (written,) = rendered(one(kind), language)["repositories"][0]["changes"]
    assert written == {
        "kind": kind.value,
        "category": sample.category,
        "id": sample.id,
        "title": sample.title,
        "file": sample.file,
        "line": sample.line,
        "column": sample.column,
        "organisation": sample.organisation,
        "params": sample.params,
        "text": sentence(sample, language, PLAIN, NAMES),
    }


def test_the_sentence_is_in_the_language_of_the_run() -> None:
    swedish = rendered(one(ChangeKind.OUTCOME_REVISED), "sv")["repositories"][0]["changes"][0]
    english = rendered(one(ChangeKind.OUTCOME_REVISED), "en")["repositories"][0]["changes"][0]
    assert swedish["text"].endswith("utfall 2024 ändrat från 71 till 74")
    assert english["text"].endswith("outcome 2024 changed from 71 to 74")
    assert swedish["params"] == english["params"]


def test_keys_in_a_fixed_order_and_text_written_as_it_is() -> None:
    text = render_json(one(ChangeKind.ADDED), "sv")
    assert list(json.loads(text)) == ["format_version", "old", "new", "unchanged", "repositories"]
    assert "Fler elever når målen" in text  # not \u00e5
    assert text == render_json(one(ChangeKind.ADDED), "sv")


def test_hostile_values_are_kept_exactly_and_no_control_character_is_written_raw() -> None:
    hostile = change(ChangeKind.ADDED, "goal", HOSTILE + "\u202e\x85")
    text = render_json(result(repository([hostile])), "sv")
    assert "\x1b" not in text and "\u202e" not in text and "\x85" not in text
    document = rendered(result(repository([hostile])))
    assert document["repositories"][0]["changes"][0]["title"] == HOSTILE + "\u202e\x85"


def test_values_json_cannot_hold_are_written_as_text() -> None:
    odd = change(
        ChangeKind.TARGET_ADDED,
        "indicator",
        "Oändligt",
        params={"year": 2026, "new": float("inf"), "when": datetime.date(2026, 5, 12)},
    )

    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    text = render_json(result(repository([odd])), "sv")
    params = json.loads(text, parse_constant=refuse)["repositories"][0]["changes"][0]["params"]
    assert params == {"year": 2026, "new": "inf", "when": "2026-05-12"}
    rendered(result(repository([odd])))


def test_an_empty_diff_and_a_municipality_with_only_findings_validate() -> None:
    assert rendered(result())["repositories"] == []
    delta = FindingsDelta([INTRODUCED], [])
    only = rendered(result(repository([], findings=delta, code=None)))
    assert only["repositories"][0]["code"] is None
    assert only["repositories"][0]["changes"] == []


def test_the_schema_names_every_kind_of_change() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    kinds = schema["$defs"]["change"]["properties"]["kind"]["enum"]
    assert kinds == [kind.value for kind in ChangeKind]


def test_the_schema_rejects_a_kind_it_does_not_know_and_a_missing_sentence() -> None:
    document = json.loads(render_json(one(ChangeKind.ADDED), "sv"))
    written = document["repositories"][0]["changes"][0]
    written["kind"] = "rewritten"
    del written["text"]
    failing = sorted(str(e.validator) for e in validator().iter_errors(document))
    assert failing == ["enum", "required"]


def test_the_diff_schema_is_no_kind_of_file_a_repository_holds() -> None:
    assert "diff" not in schema_names()
    assert "diff.schema.json" not in schema_files()
    assert file_kind("kind: diff\n", PurePosixPath("organisation/x.yaml")) is None


def test_the_sentence_names_an_organisation_by_its_name() -> None:
    adopted = change(
        ChangeKind.DOCUMENT_ADOPTED,
        "steering_document",
        "Klimatstrategi",
        params={"adopted_on": "2026-11-24", "adopted_by": "kf"},
    )
    diff = result(repository([adopted], organisation_names={"kf": "Kommunfullmäktige"}))
    (written,) = rendered(diff)["repositories"][0]["changes"]
    assert written["text"].endswith("antogs av Kommunfullmäktige 2026-11-24")
    assert written["params"]["adopted_by"] == "kf"


Run = Callable[..., CliResult]


def test_styr_schema_diff_prints_the_schema_the_json_is_valid_against(run_cli: Run) -> None:
    printed = run_cli("schema", "diff")
    assert printed.code == 0
    assert json.loads(printed.out) == json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert "diff.schema.json" not in run_cli("schema").out  # no kind of file is called diff


def test_each_municipality_names_its_folder_on_the_old_side() -> None:
    moved = rendered(result(repository([], path="styrning-2026", old_path="styrning-2025")))
    assert moved["repositories"][0]["old_path"] == "styrning-2025"
    # Two revisions of one folder: the old side's folder is the same one.
    same = rendered(result(repository([], path="helsingborg")))
    assert same["repositories"][0]["old_path"] == "helsingborg"
