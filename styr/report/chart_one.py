"""The chart of one outcome, a target or none and no range, the chart of nearly every indicator,
kept as what it is made of until a rendering reads it.

A `Chart` of several outcomes makes its table's rows, its words and its values
as written when it is made (`chart_parts.ChartParts`). This chart keeps the
outcome, the target, the baseline and the ticks, and makes each of those the
first time it is read, as the chart of several would have made it: the HTML
page reads none of them, but writes the chart straight from this record
(`chart_svg.write_chart`), and on a page of 100,000 indicators making them,
read or not, was a third of the cost of each chart.
"""

from __future__ import annotations

from collections.abc import Sequence

from styr.report.chart_layout import Axes, Spot, axes_of
from styr.report.chart_parts import ChartParts, ChartRow, ChartWords, Written
from styr.report.chart_table import (
    ChartOutcome,
    number_text,
    one_outcome_rows,
    table_rows,
    time_of,
)
from styr.report.chart_words import chart_words, labels_in


class OneOutcome(ChartParts):
    """A chart's one outcome, its target (a list of one, or none), its baseline and its ticks."""

    __slots__ = ("goals", "language", "outcome", "start", "ticks", "title", "unit")

    def __init__(
        self,
        title: str,
        unit: str,
        outcome: ChartOutcome,
        goals: list[tuple[int, float]],
        start: tuple[int, float] | None,
        ticks: tuple[float, ...],
        language: str,
    ) -> None:
        # The parts are made when first read: set to nothing, not through the base's __init__.
        self._rows = self._words = self._written = None
        self.title, self.unit, self.outcome = title, unit, outcome
        self.goals, self.start, self.ticks, self.language = goals, start, ticks, language

    def written(self) -> Written:
        written = self._written
        if written is None:
            language, goals, start = self.language, self.goals, self.start
            value, period = self.outcome.value, self.outcome.period
            assert value is not None  # a chart of one outcome is made only for a value
            written = self._written = Written(
                [period.text],
                [time_of(period)],
                [value],
                [number_text(value, language)],
                [(str(goals[0][0]), number_text(goals[0][1], language))] if goals else [],
                (str(start[0]), number_text(start[1], language)) if start else None,
                None,
            )
        return written

    def rows(self) -> tuple[ChartRow, ...]:
        rows = self._rows
        if rows is None:
            language, t = self.language, labels_in(self.language)
            written = self.written()
            rows = self._rows = table_rows(
                t, [self.outcome], written, self.goals, self.start, language
            )
        return rows

    def words(self) -> ChartWords:
        words = self._words
        if words is None:
            words = self._words = chart_words(self.language, self.unit, self.title)
        return words

    def values(self) -> tuple[str, tuple[int, str] | None, tuple[int, str] | None]:
        """The outcome's value, and the target's and the baseline's year and value, as
        written: what the page writes the description and the table from."""
        language, goals, start = self.language, self.goals, self.start
        assert self.outcome.value is not None
        return (
            number_text(self.outcome.value, language),
            (goals[0][0], number_text(goals[0][1], language)) if goals else None,
            (start[0], number_text(start[1], language)) if start is not None else None,
        )

    def plain_rows(
        self, values: tuple[str, tuple[int, str] | None, tuple[int, str] | None] | None = None
    ) -> Sequence[Sequence[str]]:
        """The cells of `rows`, without a `ChartRow` made of each where they are in order of
        time already (`chart_table.one_outcome_rows`); `values` as `values` gives them."""
        if self._rows is not None:
            return self._rows
        value, goal, start = values or self.values()
        language = self.language
        rows = one_outcome_rows(labels_in(language), self.outcome, value, goal, start, language)
        return self.rows() if rows is None else rows

    def spots(self) -> tuple[Axes, Spot, Spot | None, Spot | None]:
        """The chart's axes and where its outcome, its target and its baseline are drawn, as
        its marks place them (`chart_layout.chart_marks`): the HTML page's, without the marks."""
        period, value = self.outcome.period, self.outcome.value
        assert value is not None
        time = time_of(period)
        labels: tuple[str, ...] = (period.text,)
        times: tuple[float, ...] = (time,)
        goals, start = self.goals, self.start
        if goals:  # the target's year after the outcome's period, as the marks list them
            labels, times = (*labels, str(goals[0][0])), (*times, float(goals[0][0]))
        if start is not None:
            labels, times = (*labels, str(start[0])), (*times, float(start[0]))
        axes = axes_of(self.ticks, labels, times, self.language)
        spot = axes.spot
        target = spot(times[1], goals[0][1]) if goals else None
        base = spot(float(start[0]), start[1]) if start is not None else None
        return axes, spot(time, value), target, base
