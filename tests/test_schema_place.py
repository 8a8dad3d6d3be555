"""Schema findings say where a value is in words: no developer path like goals[1].targets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import replace_in

from styr.lint import lint_paths
from styr.rules.catalogue import BY_CODE
from styr.schema_place import place

BOARD = Path("organisation") / "exempelnamnden.yaml"
GOAL = "Fler invånare är nöjda med nämndens service"
INDICATOR = "Andel invånare som ger servicen betyget nöjd eller mycket nöjd"
# What a developer's path looks like: a key with an index, or keys joined by dots.
DEVELOPER_PATH = re.compile(r"\w\[\d+\]|\b[a-z_]+\.[a-z_]+\b")

DATA = {
    "goals": [
        {"title": "Trygg stad"},
        {
            "title": {"sv": "Fler nöjda", "en": "More satisfied"},
            "indicators": [
                {"title": "Andel nöjda", "targets": [{"year": 2030, "value": "x"}]},
                {"targets": []},
            ],
        },
    ],
    "direction": {"contributes_to": ["a", "b"]},
}


def _schema_messages(repo: Path, language: str) -> list[str]:
    findings = lint_paths([repo]).findings
    return [BY_CODE["S002"].render(f, language) for f in findings if f.code == "S002"]


def test_targets_of_the_wrong_type_are_named_by_their_indicator_and_goal(blank_repo: Path) -> None:
    replace_in(
        blank_repo / BOARD, "        targets:\n", "        targets: 80\n        x_targets:\n"
    )
    messages = _schema_messages(blank_repo, "sv")
    wrong_type = next(m for m in messages if "ska vara en lista" in m)
    assert wrong_type.startswith("Målvärdena för indikatorn ”Andel invånare som ger")
    assert f"under målet ”{GOAL}”: ska vara en lista" in wrong_type
    unknown = next(m for m in messages if "Okänd nyckel" in m)
    assert "'x_targets' i indikatorn ”Andel invånare" in unknown
    for message in messages:
        assert not DEVELOPER_PATH.search(message.split(" Tillåtna nycklar")[0]), message


def test_the_english_says_the_same_place_in_english(blank_repo: Path) -> None:
    replace_in(
        blank_repo / BOARD, "        targets:\n", "        targets: 80\n        x_targets:\n"
    )
    messages = _schema_messages(blank_repo, "en")
    wrong_type = next(m for m in messages if "must be a list" in m)
    assert wrong_type.startswith("The targets of the indicator “Andel invånare som ger")
    assert f"under the goal “{GOAL}”: must be a list" in wrong_type


def test_a_reference_refined_with_the_ids_that_exist_keeps_its_place_in_words(
    blank_repo: Path,
) -> None:
    # Corrected, "Mal Omrade 1" is mal-omrade-1; the id that exists is malomrade-1.
    replace_in(
        blank_repo / BOARD,
        "contributes_to: [malomrade-1]\n    indicators",
        "contributes_to: [Mal Omrade 1]\n    indicators",
    )
    [message] = _schema_messages(blank_repo, "sv")
    assert message.startswith(f"Punkt 1 i 'contributes_to' för målet ”{GOAL}”: ")
    assert "Menade du 'malomrade-1'?" in message
    [english] = _schema_messages(blank_repo, "en")
    assert english.startswith(f"Item 1 in 'contributes_to' of the goal “{GOAL}”: ")


@pytest.mark.parametrize(
    ("path", "swedish", "english"),
    [
        (
            ("goals", 1, "indicators", 0, "targets", 0, "value"),
            "värdet i målvärde 1 för indikatorn ”Andel nöjda” under målet ”Fler nöjda”",
            "the value in target 1 of the indicator “Andel nöjda” under the goal “More satisfied”",
        ),
        (
            ("goals", 1, "indicators", 1, "targets"),
            "målvärdena för indikator 2 under målet ”Fler nöjda”",
            "the targets of indicator 2 under the goal “More satisfied”",
        ),
        (("goals", 0), "målet ”Trygg stad”", "the goal “Trygg stad”"),
        (
            ("direction", "contributes_to", 1),
            "punkt 2 i 'contributes_to' i inriktningen",
            "item 2 in 'contributes_to' in the direction",
        ),
        (("goals", 7, "horizon"), "tidshorisonten för mål 8", "the horizon of goal 8"),
    ],
)
def test_a_place_is_said_in_words(path: tuple[str | int, ...], swedish: str, english: str) -> None:
    assert place(DATA, path) == (swedish, english)


def test_the_whole_document_has_no_place() -> None:
    assert place(DATA, ()) is None
