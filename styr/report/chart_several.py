"""What the charts of several outcomes of one kind write alike, worked out once for the kind.

Charts of the same periods, targets, baseline and range in one language (a
board's indicators followed up over the same years mostly are) differ only
by their outcomes' values. Their periods and where each stands in time, their
targets, baseline and range as written, and the table's rows of the targets
and the baseline (and where each outcome's row goes among them, with the
target of its year) are the kind's (`Kind`); each chart writes only its
values into it. The rows are laid out once for the kind by `table_rows`
itself, given a hole for each value, so that the two can never disagree.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from typing import NamedTuple

from styr.report.chart_parts import ChartRow, Written
from styr.report.chart_table import ChartOutcome, number_text, table_rows, written_values
from styr.report.chart_words import labels_in

# Kinds kept (each a few hundred bytes); past that, a chart of another kind is made alone.
KINDS_KEPT = 4096
_KINDS: dict[tuple[object, ...], Kind] = {}
# Where a kind's rows take an outcome's value: a character no value as written holds.
_HOLE = "\x00"


class OutcomeRow(NamedTuple):
    """Where an outcome's row goes in the kind's table: its outcome, period and target."""

    outcome: int  # its index, in order of period
    period: str  # as the reader says it
    target: str  # the target of the outcome's year as written, or ""


class Kind(NamedTuple):
    """The written values and the table's rows of a kind but its outcomes' values."""

    periods: list[str]
    times: list[float]
    targets: list[tuple[str, str]]
    baseline: tuple[str, str] | None
    range: str | None
    rows: tuple[ChartRow | OutcomeRow, ...]


def written_and_rows(
    drawn: Sequence[ChartOutcome],
    values: list[float],
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
    language: str,
) -> tuple[Written, tuple[ChartRow, ...]]:
    """`written_values` and `table_rows` of a chart, from its kind where it is kept."""
    key = (tuple(map(_PERIOD, drawn)), tuple(goals), start, bounds, language)
    try:
        kind = _KINDS.get(key)
    except TypeError:  # a range or a target given as a list, not a tuple: made alone
        return _alone(drawn, values, goals, start, bounds, language)
    if kind is None:
        if len(_KINDS) >= KINDS_KEPT:  # no room for another kind: the chart made alone
            return _alone(drawn, values, goals, start, bounds, language)
        kind = _KINDS[key] = _kind(drawn, values, goals, start, bounds, language)
    texts = [number_text(value, language) for value in values]
    written = Written(
        kind.periods, kind.times, values, texts, kind.targets, kind.baseline, kind.range
    )
    return written, _rows(kind.rows, drawn, texts, language)


def _alone(
    drawn: Sequence[ChartOutcome],
    values: list[float],
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
    language: str,
) -> tuple[Written, tuple[ChartRow, ...]]:
    written = written_values(drawn, values, goals, start, bounds, language)
    return written, table_rows(labels_in(language), drawn, written, goals, start, language)


def _kind(
    drawn: Sequence[ChartOutcome],
    values: list[float],
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
    language: str,
) -> Kind:
    """The kind of a chart: its rows as `table_rows` lays them out with a hole for each value."""
    w = written_values(drawn, values, goals, start, bounds, language)
    holes = [f"{_HOLE}{index}" for index in range(len(drawn))]
    holed = Written(w.periods, w.times, w.numbers, holes, w.targets, w.baseline, w.range)
    ungendered = [ChartOutcome(outcome.period, outcome.value) for outcome in drawn]
    laid_out = table_rows(labels_in(language), ungendered, holed, goals, start, language)
    rows = tuple(
        OutcomeRow(int(row.outcome[1:]), row.period, row.target)
        if row.outcome.startswith(_HOLE)
        else row
        for row in laid_out
    )
    return Kind(w.periods, w.times, w.targets, w.baseline, w.range, rows)


def _rows(
    laid_out: tuple[ChartRow | OutcomeRow, ...],
    drawn: Sequence[ChartOutcome],
    texts: list[str],
    language: str,
) -> tuple[ChartRow, ...]:
    """The kind's rows with the chart's outcomes in theirs."""
    rows = []
    for row in laid_out:
        if isinstance(row, OutcomeRow):
            index, period, target = row
            outcome = drawn[index]
            women, men = outcome.women, outcome.men
            women_text = "" if women is None else number_text(women, language)
            men_text = "" if men is None else number_text(men, language)
            rows.append(_row((period, texts[index], target, women_text, men_text)))
        else:
            rows.append(row)
    return tuple(rows)


# A row made without the named tuple's own `__new__`, a call in Python for each of its cells.
_row = functools.partial(tuple.__new__, ChartRow)
_PERIOD = operator.attrgetter("period")  # of an outcome
