"""An indicator's outcome view, made by position and with the quick ways past what is not
given, holds each figure under its own name, as the plain reading of the outcome says; and
the goals' judging finds the latest period and each goal's indicators as read plainly."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.followup.evaluate import evaluate, group_by_indicator, read_outcomes
from styr.followup.fulfilment import Scale
from styr.followup.periods import parse_period
from styr.model.index import build_index
from styr.model.repository import load_repository
from styr.report import formatting as fmt
from styr.report.credit import outcome_note
from styr.report.followup import follow_up

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from stress_corpus import Goal, write_repository

OUTCOMES = """kind: follow_up
title: Årsredovisning 2025
period: "2025"
outcomes:
  - {indicator: ind-1, value: 61.5, women: 60, men: 63, source: Kolada, comment: "Ökar."}
  - {indicator: ind-2, value: 62, source: "  Egen mätning ", preliminary: true}
  - {indicator: ind-3, value: 63, comment: "Två\\n\\nstycken", illustrative: true}
  - {indicator: ind-4, period: "2024", value: 64}
  - {indicator: ind-5}
"""


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_figure_of_the_view_is_the_outcomes_own(tmp_path: Path, language: str) -> None:
    write_repository(tmp_path, [Goal(n, "inriktning-1") for n in range(1, 6)])
    (tmp_path / "uppfoljning" / "2025.yaml").write_text(OUTCOMES, encoding="utf-8")
    repository = load_repository(tmp_path)
    index = build_index(repository)
    lookup = follow_up(repository, index, language)
    outcomes = {o.indicator: o for o in read_outcomes(repository)[0]}
    for n in range(1, 6):
        element = index.by_id[f"ind-{n}"]
        view = lookup.outcomes.get(id(element), f"graf-{n}")
        if n == 4:  # of an earlier period only: followed before, not now
            assert view is not None and view.value == view.source == view.credit == ""
            assert view.status.key == "not_followed_up" and view.chart is not None
            continue
        if n == 5:  # no value at all: no chart, nothing judged
            assert view is None or view.value == ""
            continue
        assert view is not None
        outcome = outcomes[f"ind-{n}"]

        def shown(value: Any) -> str:
            return "" if value is None else fmt.number(value, language)

        assert (view.period, view.value) == ("2025", shown(outcome.value))
        assert (view.women, view.men) == (shown(outcome.women), shown(outcome.men))
        assert view.source == fmt.one_line(outcome.source)
        assert view.comment == fmt.one_line(outcome.comment)
        assert view.credit == outcome_note(outcome, element.data.get("kolada"), language)
        assert view.preliminary is outcome.preliminary
        assert view.next_target == fmt.number(80, language) and view.next_target_year == "2026"
        assert view.percent == "" and view.status.key == "no_target"
        assert view.chart is not None and view.chart.id == f"graf-{n}"
        assert view.trend == view.chart.trend_text
    assert lookup.outcomes.get(id(index.by_id["ind-1"]), "x") is not None
    first = lookup.outcomes.get(id(index.by_id["ind-1"]), "x")
    assert first is not None and first.credit != "" and first.source == "Kolada"


PERIODS = ["2024", "2025", "2025-T3", "2025-H2", "2026-T1"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=6))
def test_the_latest_period_is_the_greatest_as_compared_plainly(
    tmp_path_factory: pytest.TempPathFactory, written: list[str]
) -> None:
    """Several files, each of its own period (some the same): the latest of them all."""
    root = tmp_path_factory.mktemp("periods")
    write_repository(root, [Goal(n, "inriktning-1") for n in range(1, 4)])
    (root / "uppfoljning" / "2025.yaml").unlink()
    for position, text in enumerate(written):
        (root / "uppfoljning" / f"{position}.yaml").write_text(
            f'kind: follow_up\nperiod: "{text}"\noutcomes:\n  - {{indicator: ind-1, value: 1}}\n'
            f"  - {{indicator: ind-2, value: {position}}}\n",
            encoding="utf-8",
        )
    repository = load_repository(root)
    index = build_index(repository)
    result = evaluate(repository, index, Scale(), by_area=False)
    latest = max(p for p in map(parse_period, written) if p is not None)
    assert result.period == latest
    # The outcomes grouped by the caller (as the report does) are judged the same.
    read = read_outcomes(repository)
    grouped = evaluate(
        repository, index, Scale(), read=read, by_area=False, grouped=group_by_indicator(read[0])
    )
    assert grouped.period == result.period and grouped.goals == result.goals
    # Each goal judged by its own indicator, as every child of it that is an indicator.
    for goal in result.goals:
        children = [c for c in index.children(goal.goal) if c.category == "indicator"]
        assert [judged.indicator for judged in goal.indicators] == children
        assert all(judged.period == latest for judged in goal.indicators)
