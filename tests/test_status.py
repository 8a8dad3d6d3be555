"""`styr status`: the follow-up as a table and as JSON, from the example's outcome files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import EXAMPLES, CliResult

Run = Callable[..., CliResult]
HELSINGBORG = EXAMPLES / "helsingborg"


def _rows(run_cli: Run, *args: str | Path) -> list[dict[str, object]]:
    result = run_cli("status", HELSINGBORG, "--format", "json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)[0]["rows"]


def test_latest_period_by_default(run_cli: Run) -> None:
    result = run_cli("status", HELSINGBORG, "--format", "json")
    assert json.loads(result.out)[0]["period"] == "2025"


def test_rows_match_the_outcome_files(run_cli: Run) -> None:
    import yaml

    outcomes = yaml.safe_load((HELSINGBORG / "uppfoljning" / "2024.yaml").read_text("utf-8"))
    expected = {o["indicator"]: o["value"] for o in outcomes["outcomes"]}
    rows = {r["indicator_id"]: r for r in _rows(run_cli, "--period", "2024") if "indicator_id" in r}
    for indicator, value in expected.items():
        assert rows[indicator]["outcome"] == value
        assert rows[indicator]["status"] in ("met", "partly_met", "not_met")


def test_fulfilment_and_status_are_consistent(run_cli: Run) -> None:
    for row in _rows(run_cli, "--period", "2025"):
        if row.get("fulfilment") is None:
            continue
        fulfilment = float(row["fulfilment"])  # type: ignore[arg-type]
        expected = "met" if fulfilment >= 100 else "partly_met" if fulfilment > 90 else "not_met"
        assert row["status"] == expected, row


def test_a_period_without_outcomes_is_not_followed_up(run_cli: Run) -> None:
    rows = _rows(run_cli, "--period", "2023-T1")
    assert rows and all(r.get("status", "not_followed_up") == "not_followed_up" for r in rows)


def test_table_names_boards_and_shows_symbols(run_cli: Run) -> None:
    result = run_cli("status", HELSINGBORG, "--period", "2025")
    assert result.code == 0
    assert "Skol-" in result.out and "fritidsnämnden" in result.out  # the cell may wrap
    assert "Uppfyllt" in result.out and "●" in result.out
    english = run_cli("status", HELSINGBORG, "--period", "2025", "--lang", "en")
    assert "Met" in english.out and "Fulfilment" in english.out


def test_bad_period_and_format(run_cli: Run) -> None:
    assert run_cli("status", HELSINGBORG, "--period", "2024-Q1").code == 2
    assert run_cli("status", HELSINGBORG, "--format", "pdf").code == 2


def test_council_view_counts_goals_per_direction(run_cli: Run) -> None:
    result = run_cli("status", HELSINGBORG, "--format", "json", "--period", "2025")
    by_area = json.loads(result.out)[0]["by_area"]
    import yaml

    council = yaml.safe_load((HELSINGBORG / "inriktningar.yaml").read_text("utf-8"))
    assert set(by_area) <= {area["id"] for area in council["areas"]}
    goals = [r for r in _rows(run_cli, "--period", "2025")]
    assert sum(sum(c.values()) for c in by_area.values()) >= len({r["goal_id"] for r in goals}) - 1


def test_table_counts_goals_per_council_area(run_cli: Run) -> None:
    result = run_cli("status", HELSINGBORG, "--period", "2025")
    assert "Mål per område" in result.out
    assert "trygg" in result.out  # "Helsingborg ska upplevas tryggt och vara säkert"
