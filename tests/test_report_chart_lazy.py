"""A chart's drawing: worked out only where a rendering shows it, its axes shared."""

from __future__ import annotations

import pickle
from datetime import date
from typing import Any

import pytest
from conftest import EXAMPLES

from styr.followup.periods import parse_period
from styr.report import build_report
from styr.report import chart as chart_module
from styr.report.chart import Chart, ChartOutcome, build_chart

DAY = date(2026, 11, 30)


def made_chart() -> Chart:
    outcomes = []
    for text, value in (("2024", 61.0), ("2025", 64.0)):
        period = parse_period(text)
        assert period is not None
        outcomes.append(ChartOutcome(period, value))
    made = build_chart(
        title="Andel nöjda",
        unit="procent",
        better="higher",
        outcomes=outcomes,
        baseline=(2022, 58.0),
        targets=[(2026, 80.0)],
        value_range=None,
        language="sv",
        chart_id="graf-a",
    )
    assert made is not None
    return made


@pytest.fixture
def drawings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One entry for each chart drawing worked out, as it is worked out."""
    drawn: list[str] = []
    draw = chart_module._drawing

    def counted(*args: Any) -> Any:
        drawn.append("drawn")
        return draw(*args)

    monkeypatch.setattr(chart_module, "_drawing", counted)
    return drawn


def test_the_drawing_is_worked_out_on_first_reading_and_kept(drawings: list[str]) -> None:
    c = made_chart()
    assert drawings == [] and c.trend and c.rows and c.description  # the words need no drawing
    frame, points = c.frame, c.points
    assert drawings == ["drawn"]
    assert c.frame is frame and c.y_ticks and c.legend and len(points) == 2
    assert drawings == ["drawn"]  # once


def test_a_chart_drawn_is_the_chart_that_is_not(drawings: list[str]) -> None:
    first, second = made_chart(), made_chart()
    first.html()
    assert first == second and hash(first) == hash(second)
    again = pickle.loads(pickle.dumps(second))
    assert again == first and again.points == first.points


def test_the_markdown_report_draws_no_chart(drawings: list[str]) -> None:
    markdown = build_report([EXAMPLES / "helsingborg"], "md", allow_errors=True, today=DAY)
    assert "| Period |" in markdown and drawings == []  # the charts' tables, no drawing
    build_report([EXAMPLES / "helsingborg"], "html", allow_errors=True, today=DAY)
    assert drawings  # the page draws them


def test_charts_with_the_same_axes_share_them() -> None:
    first, second = made_chart(), made_chart()
    assert first.y_ticks is second.y_ticks and first.x_ticks is second.x_ticks
    assert first.grid is second.grid
