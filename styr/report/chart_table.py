"""The chart's numbers as a table (for screen readers, print and the Markdown report).

One row per period drawn, oldest first, the baseline first of its year; and
where a period stands on the chart's time axis, which the drawing uses too.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from styr.followup.periods import Period
from styr.report import formatting as fmt
from styr.report.chart_parts import ChartRow, Written
from styr.report.chart_words import said
from styr.report.period_words import period_words
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
    first = []
    if baseline is not None and written.baseline is not None:
        year, text = written.baseline
        first.append(_row((_baseline_period(t, year), text, "", "", "")))
    if len(drawn) == 1 and len(goals) < 2:  # most indicators: one outcome, a target or none
        start = baseline if first else None
        quick = _one_outcome_rows(first, start, drawn[0], written, goals, language)
        if quick is not None:
            return quick
    by_year, later = _targets_by_year(drawn, written, goals)
    rows = first
    for outcome, text in zip(drawn, written.values, strict=True):
        period, women, men = outcome.period, outcome.women, outcome.men
        target = by_year.get(period.year, "") if period.is_year and by_year else ""
        women_text = "" if women is None else number_text(women, language)
        men_text = "" if men is None else number_text(men, language)
        rows.append(_row((period_words(period.text, language), text, target, women_text, men_text)))
    if _in_order(baseline if first else None, written.times, later):
        # Almost always so (the baseline before the outcomes, the targets left after them):
        # sorting them would give them back as they are, for the cost of a key for each.
        return (*rows, *[row for _, row in later])
    return _sorted_rows(float(baseline[0]) if first and baseline else None, rows, written, later)


def _one_outcome_rows(
    first: list[ChartRow],
    baseline: tuple[int, float] | None,
    outcome: ChartOutcome,
    written: Written,
    goals: Sequence[tuple[int, float]],
    language: str,
) -> tuple[ChartRow, ...] | None:
    """`table_rows` of one outcome and at most one target, when they are in order of time
    already (None when they are not): without the mapping of years, the list of times and
    the sorting that several outcomes and targets need."""
    period, women, men = outcome.period, outcome.women, outcome.men
    target, later = "", None
    if goals:
        year = goals[0][0]
        label, text = written.targets[0]
        if period.is_year and period.year == year:
            target = text  # the target of the outcome's own year: in the outcome's row
        elif year < written.times[0]:
            return None  # a target before the outcome: sorted, with the baseline
        else:
            later = _row((label, "", text, "", ""))
    if baseline is not None and baseline[0] > written.times[0]:
        return None  # the baseline after the outcome
    women_text = "" if women is None else number_text(women, language)
    men_text = "" if men is None else number_text(men, language)
    said_period = period_words(period.text, language)
    row = _row((said_period, written.values[0], target, women_text, men_text))
    if later is None:
        return (*first, row)
    return (*first, row, later)


def one_outcome_rows(
    t: Labels,
    outcome: ChartOutcome,
    value: str,
    target: tuple[int, str] | None,
    baseline: tuple[int, str] | None,
    language: str,
) -> list[tuple[str, str, str, str, str]] | None:
    """`table_rows` of one outcome (its value as written), a target or none and a baseline or
    none (each year and value as written), as plain rows, when they are in order of time
    already; None when they are not (`table_rows` sorts them)."""
    period, women, men = outcome.period, outcome.women, outcome.men
    time = time_of(period)
    rows = []
    if baseline is not None:
        if baseline[0] > time:
            return None  # the baseline after the outcome
        rows.append((_baseline_period(t, str(baseline[0])), baseline[1], "", "", ""))
    goal, later = "", None
    if target is not None:
        year, text = target
        if period.is_year and period.year == year:
            goal = text  # the target of the outcome's own year: in the outcome's row
        elif year < time:
            return None  # a target before the outcome: sorted, with the baseline
        else:
            later = (str(year), "", text, "", "")
    women_text = "" if women is None else number_text(women, language)
    men_text = "" if men is None else number_text(men, language)
    rows.append((period_words(period.text, language), value, goal, women_text, men_text))
    if later is not None:
        rows.append(later)
    return rows


# A row made without the named tuple's own `__new__`, a call in Python for each of its cells.
_row = functools.partial(tuple.__new__, ChartRow)


def _targets_by_year(
    drawn: Sequence[ChartOutcome], written: Written, goals: Sequence[tuple[int, float]]
) -> tuple[dict[int, str], list[tuple[float, ChartRow]]]:
    """The target of each year an outcome is of, as written, and a row (with its time) for
    each target of no outcome's year."""
    if not goals:
        return {}, []
    years = {outcome.period.year for outcome in drawn if outcome.period.is_year}
    by_year, later = {}, []
    for (year, _), (label, text) in zip(goals, written.targets, strict=True):
        if year in years:
            by_year[year] = text
        else:
            later.append((float(year), _row((label, "", text, "", ""))))
    return by_year, later


def _in_order(
    baseline: tuple[int, float] | None, times: Sequence[float], later: Sequence[tuple[float, Any]]
) -> bool:
    """Whether the baseline, the outcomes and the targets of no outcome's year, one after
    the other, are in order of time already (the baseline first of its time)."""
    order = [*times, *[time for time, _ in later]]
    if baseline is not None and order and baseline[0] > order[0]:
        return False
    return order == sorted(order)


def _sorted_rows(
    baseline: float | None,
    rows: Sequence[ChartRow],
    written: Written,
    later: Sequence[tuple[float, ChartRow]],
) -> tuple[ChartRow, ...]:
    """The rows (the baseline's first, when there is one) sorted by time, the baseline first
    of its time and the rest in the order they came."""
    # (where on the time axis, 0 for the baseline and 1 for the rest, the row): sorted by the
    # first two only, so that rows of the same time keep the order they are made in.
    keyed: list[tuple[float, int, ChartRow]] = []
    if baseline is not None:
        keyed.append((baseline, 0, rows[0]))
        rows = rows[1:]
    keyed.extend((time, 1, row) for time, row in zip(written.times, rows, strict=True))
    keyed.extend((time, 1, row) for time, row in later)
    return tuple(row for _, _, row in sorted(keyed, key=_PLACE))


_PLACE = operator.itemgetter(0, 1)  # a row's time and order, without the row


@functools.lru_cache(maxsize=256)  # a few years: each said once
def _baseline_period(t: Labels, year: str) -> str:
    return said(t, "chart_baseline_period", year=year)


def written_values(
    drawn: Sequence[ChartOutcome],
    values: list[float],
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
    language: str,
) -> Written:
    """Each outcome's period and time and every value as the language writes it."""
    if len(drawn) == 1:  # most charts: one outcome, no loop to go through
        period = drawn[0].period
        periods, times = [period.text], [time_of(period)]
        texts = [number_text(values[0], language)]
    else:
        periods, times, texts = [], [], []
        for outcome, value in zip(drawn, values, strict=True):  # one loop, not one a list
            period = outcome.period
            periods.append(period.text)
            times.append(time_of(period))
            texts.append(number_text(value, language))
    if len(goals) == 1:  # most charts: one target, no list to make it in
        targets = [(str(goals[0][0]), number_text(goals[0][1], language))]
    else:
        targets = [(str(year), number_text(value, language)) for year, value in goals]
    return Written(
        periods,
        times,
        values,
        texts,
        targets,
        (str(start[0]), number_text(start[1], language)) if start else None,
        f"{number_text(bounds[0], language)}–{number_text(bounds[1], language)}"
        if bounds
        else None,
    )
