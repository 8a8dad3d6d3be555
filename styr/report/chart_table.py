"""The chart's numbers as a table (for screen readers, print and the Markdown report).

One row per period drawn, oldest first, the baseline first of its year; and
where a period stands on the chart's time axis, which the drawing uses too.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from styr.followup.periods import Period
from styr.report import formatting as fmt
from styr.report.chart_parts import ChartRow
from styr.report.chart_words import said
from styr.report.texts import Labels

# The same values come back on chart after chart (the ticks 70, 75, 80 …): written once each.
number_text = functools.lru_cache(maxsize=4096)(fmt.number)


# Not frozen, hashed as if it were: made for every outcome of every chart, and a frozen
# dataclass's __init__ (a setattr through object per field) was four times as slow.
@dataclass(slots=True, unsafe_hash=True)
class ChartOutcome:
    """One period's outcome as the chart gets it (what `read_outcomes` read)."""

    period: Period
    value: float | None
    women: float | None = None
    men: float | None = None


def time_of(period: Period) -> float:
    """Where a period goes along the time axis: at its end (2024 at 2024.0, 2024-H1 at 2023.5)."""
    return period.year - 1 + period.end_fraction


def table_rows(
    t: Labels,
    drawn: Sequence[ChartOutcome],
    goals: Sequence[tuple[int, float]],
    baseline: tuple[int, float] | None,
    language: str,
) -> tuple[ChartRow, ...]:
    """One row per period drawn, oldest first; the baseline first of its year."""

    def number(value: float | None) -> str:
        return "" if value is None else number_text(value, language)

    by_year = dict(goals)
    rows: list[tuple[float, int, ChartRow]] = []
    if baseline is not None:
        period = said(t, "chart_baseline_period", year=str(baseline[0]))
        rows.append((float(baseline[0]), 0, ChartRow(period, number(baseline[1]), "", "", "")))
    outcome_years = set()
    for outcome in drawn:
        target = by_year.get(outcome.period.year) if outcome.period.is_year else None
        if outcome.period.is_year:
            outcome_years.add(outcome.period.year)
        row = ChartRow(
            outcome.period.text,
            number(outcome.value),
            number(target),
            number(outcome.women),
            number(outcome.men),
        )
        rows.append((time_of(outcome.period), 1, row))
    for year, value in goals:
        if year not in outcome_years:
            rows.append((float(year), 1, ChartRow(str(year), "", number(value), "", "")))
    return tuple(row for _, _, row in sorted(rows, key=lambda item: (item[0], item[1])))
