"""Suggestions: the corrected id, "menade du" for keys and ids, and a cost that grows linearly."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.suggest import (
    MAX_COMPARISONS,
    Suggester,
    aliases_for,
    bounded_distance,
    corrected_id,
    suggest_among,
)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("trygghetsnämnden-mål-2", "trygghetsnamnden-mal-2"),
        ("Trygghetsnämnden mål 2", "trygghetsnamnden-mal-2"),
        ("Inriktning Trygghet", "inriktning-trygghet"),
        ("Vision 2035", "vision-2035"),
        ("-mod", "mod"),
        ("Äldre  omsorg!!", "aldre-omsorg"),
        ("Café Öst", "cafe-ost"),
        ("sfn_mal.1", "sfn_mal.1"),
        ("  mål – 1  ", "mal-1"),
        ("Kommun/fullmäktige", "kommun-fullmaktige"),
        ("!!!", ""),
    ],
)
def test_the_corrected_id(written: str, meant: str) -> None:
    assert corrected_id(written) == meant


@given(st.text(max_size=40))
def test_a_corrected_id_is_always_a_valid_id_or_nothing(text: str) -> None:
    import re

    corrected = corrected_id(text)
    assert corrected == "" or re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", corrected)


GOAL_KEYS = [
    "id",
    "kind",
    "title",
    "text",
    "target_group",
    "horizon",
    "contributes_to",
    "agenda2030",
    "indicators",
]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("contributes_too", "contributes_to"),
        ("contribute_to", "contributes_to"),
        ("tittle", "title"),
        ("target-group", "target_group"),
        ("Target_Group", "target_group"),
        # Swedish words planners type, with and without their letters, and misspelt.
        ("malgrupp", "target_group"),
        ("målgrupp", "target_group"),
        ("malgrup", "target_group"),
        ("horisont", "horizon"),
        ("indikatorer", "indicators"),
        ("bidrar_till", "contributes_to"),
        ("bidrar till", "contributes_to"),
    ],
)
def test_a_key_suggestion(typed: str, meant: str) -> None:
    assert suggest_among(typed, GOAL_KEYS) == meant


@pytest.mark.parametrize("typed", ["basline", "xyz", "to", "organisation", "title"])
def test_no_suggestion_when_nothing_is_close(typed: str) -> None:
    # `basline` is an indicator's key, not a goal's; `title` is itself allowed.
    assert suggest_among(typed, GOAL_KEYS) is None


def test_a_swedish_word_suggests_only_a_key_allowed_in_the_mapping() -> None:
    assert suggest_among("uppdrag", ["id", "mission", "goals"]) == "mission"
    assert suggest_among("uppdrag", ["id", "title", "assignments"]) == "assignments"
    assert suggest_among("uppdrag", ["id", "title"]) is None
    assert aliases_for(["baseline"])["utgangsvarde"] == "baseline"


def test_a_value_suggestion_from_swedish_words() -> None:
    assert suggest_among("högre", ["higher", "lower", "range"], "values") == "higher"
    assert suggest_among("agardirektiv", ["reglemente", "ägardirektiv"], "values") == (
        "ägardirektiv"
    )


def test_an_id_suggestion() -> None:
    ids = Suggester(["inriktning-trygghet", "inriktning-tillvaxt", "malomrade-1"])
    assert ids.suggest("inriktning-trygghett") == "inriktning-trygghet"
    assert ids.suggest("inriktnign-trygghet") == "inriktning-trygghet"  # two letters swapped
    assert ids.suggest("inriktning_trygghet") == "inriktning-trygghet"
    assert ids.suggest("malomrade-9") == "malomrade-1"
    assert ids.suggest("ekonomi") is None
    assert ids.suggest("x" * 500) is None


def _reference_distance(first: str, second: str) -> int:
    """Optimal string alignment distance, the plain way."""
    rows = [[0] * (len(second) + 1) for _ in range(len(first) + 1)]
    for i in range(len(first) + 1):
        rows[i][0] = i
    for j in range(len(second) + 1):
        rows[0][j] = j
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            cost = 0 if first[i - 1] == second[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


@settings(max_examples=300)
@given(st.text("abc-", max_size=9), st.text("abc-", max_size=9), st.integers(0, 3))
def test_the_bounded_distance_is_exact_up_to_its_limit(first: str, second: str, limit: int) -> None:
    expected = _reference_distance(first, second)
    assert bounded_distance(first, second, limit) == min(expected, limit + 1)


def _typos(ids: list[str], count: int) -> list[str]:
    rng = random.Random(count)
    typos = []
    for _ in range(count):
        word = rng.choice(ids)
        position = rng.randrange(len(word))
        typos.append(word[:position] + "q" + word[position + 1 :])
    return typos


def _comparisons(size: int) -> int:
    ids = [f"namnd-{n}-mal-{m}" for n in range(size // 10) for m in range(10)]
    suggester = Suggester(ids)
    for typo in _typos(ids, size):
        assert suggester.suggest(typo) is not None
    return suggester.comparisons


def test_the_work_grows_linearly_with_the_number_of_ids_and_typos() -> None:
    # Before, every unknown reference was compared with every id: 4 times the
    # ids and typos cost 16 times the work. Now each typo costs a bounded amount.
    small, large = _comparisons(1000), _comparisons(4000)
    assert large <= 5 * small
    assert large <= 4000 * MAX_COMPARISONS


def test_one_question_compares_with_at_most_a_bounded_number_of_names() -> None:
    # Ten thousand ids that all share the deletion "mal-".
    suggester = Suggester([f"mal-{n}" for n in range(10_000)])
    suggester.suggest("mal-x")
    assert suggester.comparisons <= MAX_COMPARISONS
