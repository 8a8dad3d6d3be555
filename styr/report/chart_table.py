"""The chart's numbers as a table (for screen readers, print and the Markdown report).

One row per period drawn, oldest first, the baseline first of its year; and
where a period stands on the chart's time axis, which the drawing uses too.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from styr.followup.periods import Period
from styr.report import formatting as fmt
from styr.report.chart_parts import ChartRow, Written
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
    written: Written,
    goals: Sequence[tuple[int, float]],
    baseline: tuple[int, float] | None,
    language: str,
) -> tuple[ChartRow, ...]:
    """One row per period drawn, oldest first; the baseline first of its year.

    `written` holds the outcomes', targets' and baseline's values as written.
    """
    by_year = {year: text for (year, _), (_, text) in zip(goals, written.targets, strict=True)}
    # (where on the time axis, 0 for the baseline and 1 for the rest, the row): sorted by the
    # first two only, so that rows of the same time keep the order they are made in.
    rows: list[tuple[float, int, ChartRow]] = []
    if baseline is not None and written.baseline is not None:
        label = _baseline_period(t, written.baseline[0])
        rows.append((float(baseline[0]), 0, ChartRow(label, written.baseline[1], "", "", "")))
    outcome_years = set()
    for outcome, text, time in zip(drawn, written.values, written.times, strict=True):
        period = outcome.period
        target = ""
        if period.is_year:
            outcome_years.add(period.year)
            target = by_year.get(period.year, "")
        women, men = outcome.women, outcome.men
        row = ChartRow(
            period.text,
            text,
            target,
            "" if women is None else number_text(women, language),
            "" if men is None else number_text(men, language),
        )
        rows.append((time, 1, row))
    for (year, _), (label, text) in zip(goals, written.targets, strict=True):
        if year not in outcome_years:
            rows.append((float(year), 1, ChartRow(label, "", text, "", "")))
    return tuple(row for _, _, row in sorted(rows, key=_PLACE))


_PLACE = operator.itemgetter(0, 1)  # a row's time and order, without the row


@functools.lru_cache(maxsize=256)  # a few years: each said once
def _baseline_period(t: Labels, year: str) -> str:
    return said(t, "chart_baseline_period", year=year)
