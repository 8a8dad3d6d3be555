"""An indicator's chart: its outcomes over the periods, its targets, axes a reader can read.

A `Chart` is a plain value: every position already worked out in the SVG's
own units, every number already written the way the language writes it, and
the same numbers as table rows (`styr.report.chart_table`). `Chart.html`
lays it out (inline SVG and a table, `styr.report.chart_svg`; the template
`_chart.html.j2`'s `chart(c)` inserts it), so the one-page report and the
site draw the same chart, and the Markdown report prints the same table.

Where each thing is drawn is worked out when a rendering first asks for it:
the Markdown report prints only the table and the words, and on a report of
100,000 indicators the drawing it never shows was seconds. Charts of one
kind share their axes (`styr.report.chart_layout.axes_of`: the frame, the
ticks, the grid, where each period stands, each place a value is marked);
the SVG is written from a chart's `Marks` on them (`chart_layout.chart_marks`),
and the `Drawing` a template reads (`c.points`, `c.frame` …) is made from
the same marks. Each value is written once (`Written`) for the words, the
table and the drawing.

The trend beside the chart is said twice over, so that it can never
contradict the line: which way the line goes ("Lower than in 2024", with the
arrow pointing the way it goes) and whether that is better or worse, judged
by the indicator's `better` (`styr.followup.fulfilment.trend`). Both come
from the last two points drawn; the words are `styr.report.chart_words`'.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from styr.report.chart_axes import Frame, round_ticks
from styr.report.chart_layout import DIAMOND, DOT, chart_marks
from styr.report.chart_md import chart_markdown
from styr.report.chart_one import OneOutcome
from styr.report.chart_parts import (
    Band,
    ChartParts,
    ChartRow,
    ChartWords,
    Label,
    LazyDrawing,
    LegendItem,
    Marks,
    Point,
    Tick,
    Written,
)
from styr.report.chart_several import written_and_rows
from styr.report.chart_svg import chart_html
from styr.report.chart_table import ChartOutcome
from styr.report.chart_words import (
    chart_words,
    description,
    direction_words,
    labels_in,
    movement_symbol,
    trend_legend,
    trend_words,
)

__all__ = ["Chart", "ChartOutcome", "LegendItem", "Point", "build_chart", "trend_legend"]


# Not frozen, hashed as if it were: made for every indicator of a report, and a frozen
# dataclass's __init__ (a setattr through object per field) was ten times as slow.
@dataclass(slots=True, unsafe_hash=True)
class Chart:
    """Everything the template needs to draw an indicator's chart and its table.

    The drawing's parts (`frame`, `points`, `y_ticks` …) are read as attributes
    of the chart, as before; they are worked out on first reading.
    """

    id: str  # unique on the page: the SVG's title and description are named by it
    title: str
    unit: str
    direction: str  # which direction is better, in words ("" when the indicator says nothing)
    trend_symbol: str  # an arrow the way the line goes, or ""
    trend: str  # "Lower than in 2024 – better", or ""
    drawing: LazyDrawing
    has_targets: bool
    has_gender: bool
    language: str  # the words of `description`
    # The rows, the words and the values as written (read as `rows`, `words`, `written`):
    # those of a chart of one outcome made when first read, since the HTML page writes it
    # from what it was made of (`chart_one.OneOutcome`). Compared by the rows and the words;
    # the values written, which `description` says the chart from, are in those already.
    parts: ChartParts

    @property
    def rows(self) -> tuple[ChartRow, ...]:
        return self.parts.rows()

    @property
    def words(self) -> ChartWords:
        return self.parts.words()

    @property
    def written(self) -> Written:
        return self.parts.written()

    @property
    def description(self) -> str:
        """The chart in one sentence, for screen readers.

        Said when it is read, not when the chart is made: the Markdown report
        never reads it, and saying it was a fiftieth of that report's time.
        """
        return description(labels_in(self.language), self.written)

    @property
    def frame(self) -> Frame:
        return self.drawing.get().frame

    @property
    def points(self) -> tuple[Point, ...]:
        return self.drawing.get().points

    @property
    def line(self) -> str:
        return self.drawing.get().line

    @property
    def point_marks(self) -> str:
        return self.drawing.get().point_marks

    @property
    def targets(self) -> tuple[Point, ...]:
        return self.drawing.get().targets

    @property
    def target_line(self) -> str:
        return self.drawing.get().target_line

    @property
    def target_marks(self) -> str:
        return self.drawing.get().target_marks

    @property
    def target_label(self) -> Label | None:
        return self.drawing.get().target_label

    @property
    def band(self) -> Band | None:
        return self.drawing.get().band

    @property
    def baseline(self) -> Point | None:
        return self.drawing.get().baseline

    @property
    def baseline_mark(self) -> str:
        return self.drawing.get().baseline_mark

    @property
    def y_ticks(self) -> tuple[Tick, ...]:
        return self.drawing.get().y_ticks

    @property
    def grid(self) -> str:
        return self.drawing.get().grid

    @property
    def x_ticks(self) -> tuple[Tick, ...]:
        return self.drawing.get().x_ticks

    @property
    def legend(self) -> tuple[LegendItem, ...]:
        return self.drawing.get().legend

    @property
    def dot(self) -> str:
        """The path of a dot from its left point, for the legend."""
        return DOT

    @property
    def diamond(self) -> str:
        """The path of a diamond from its top point, for the legend."""
        return DIAMOND

    def html(self) -> Markup:
        """The chart's `<figure>`, SVG and table, every text escaped (`chart_svg.chart_html`)."""
        return chart_html(self)

    def markdown(self) -> str:
        """The chart's name line and table of numbers in Markdown (`chart_md.chart_markdown`)."""
        return chart_markdown(self)

    @property
    def trend_text(self) -> str:
        """The trend with its arrow, as one text ("↘ Lower than in 2024 – better")."""
        return f"{self.trend_symbol} {self.trend}".strip()


def build_chart(
    *,
    title: str,
    unit: str,
    better: str | None,
    outcomes: Sequence[ChartOutcome],
    baseline: tuple[int, float] | None,
    targets: Sequence[tuple[int, float]],
    value_range: tuple[float, float] | None,
    language: str,
    chart_id: str = "",
) -> Chart | None:
    """The chart of an indicator, or None when it has no outcome to draw.

    `outcomes` are one per period, in any order; `targets` the target values
    and milestones by year (one value a year). Values that are not finite
    numbers are left out: they cannot be drawn.
    """
    if is_one_outcome_shape(outcomes, targets, value_range is not None):
        (outcome,) = outcomes
        return one_outcome_chart(
            title, unit, better, outcome, baseline, targets, language, chart_id
        )
    drawn, values = _drawn(outcomes)
    if not drawn:
        return None
    goals = _finite_targets(targets)
    start = baseline if baseline is not None and math.isfinite(baseline[1]) else None
    bounds = (
        value_range if value_range is not None and all(map(math.isfinite, value_range)) else None
    )
    ticks = _ticks(values, goals, start, bounds)
    if ticks is None:
        return None
    t = labels_in(language)
    # Each value is written once here; the words, the table and the drawing all use it. What
    # the chart's kind writes alike (its periods, targets, baseline and rows) is the kind's.
    written, rows = written_and_rows(drawn, values, goals, start, bounds, language)
    several = len(values) > 1  # a trend needs two points; most indicators have one
    # By position, in the order of the fields: made for every indicator, and a call by
    # keyword matched each of its thirteen names.
    return Chart(
        chart_id,
        title,
        unit,
        direction_words(t, better, written.range),
        movement_symbol(values) if several else "",
        trend_words(t, values, written.periods, better) if several else "",
        LazyDrawing(_drawing, (written, goals, start, bounds, ticks, language)),
        bool(goals),
        _has_gender(drawn),
        language,
        ChartParts(
            rows,
            chart_words(language, unit, title),
            written,
        ),
    )


def is_one_outcome_shape(
    outcomes: Sequence[object], targets: Sequence[object], ranged: bool
) -> bool:
    """Whether `one_outcome_chart` draws this chart: one outcome, at most one target, no range."""
    return len(outcomes) == 1 and len(targets) < 2 and not ranged


def one_outcome_chart(
    title: str,
    unit: str,
    better: str | None,
    outcome: ChartOutcome,
    baseline: tuple[int, float] | None,
    targets: Sequence[tuple[int, float]],
    language: str,
    chart_id: str,
) -> Chart | None:
    """`build_chart` of one outcome, a target or none and no range, the shape of nearly every
    indicator: in one pass, without the lists and the calls that several values need (a
    fifth of the chart's making)."""
    value = outcome.value
    if value is None or not math.isfinite(value):
        return None
    low = high = value  # the ticks' range, in the order `_ticks` takes the values
    goals = [target] if targets and math.isfinite((target := targets[0])[1]) else []
    if goals:
        low, high = min(low, target[1]), max(high, target[1])
    start = baseline if baseline is not None and math.isfinite(baseline[1]) else None
    if start is not None:
        low, high = min(low, start[1]), max(high, start[1])
    ticks = _axis_ticks(low, high)
    if ticks is None:
        return None
    parts = OneOutcome(title, unit, outcome, goals, start, ticks, language)
    return Chart(
        chart_id,
        title,
        unit,
        direction_words(labels_in(language), better, None),
        "",  # one point: no way the line goes, no trend
        "",
        LazyDrawing(_one_outcome_drawing, (parts,)),
        bool(goals),
        outcome.women is not None or outcome.men is not None,
        language,
        parts,
    )


def _one_outcome_drawing(parts: OneOutcome) -> Marks:
    """The marks of a chart of one outcome, worked out as any chart's (`_drawing`)."""
    return _drawing(parts.written(), parts.goals, parts.start, None, parts.ticks, parts.language)


def _drawn(outcomes: Sequence[ChartOutcome]) -> tuple[list[ChartOutcome], list[float]]:
    """The outcomes that can be drawn, in order of period, and their values."""
    if len(outcomes) == 1:  # most indicators: one outcome, nothing to sort
        value = outcomes[0].value
        if value is not None and math.isfinite(value):
            return [outcomes[0]], [value]
        return [], []
    drawn = sorted(
        [o for o in outcomes if o.value is not None and math.isfinite(o.value)], key=_PERIOD
    )
    return drawn, [o.value for o in drawn if o.value is not None]  # all of them: each is finite


def _has_gender(drawn: Sequence[ChartOutcome]) -> bool:
    """Whether an outcome drawn is given for women or men."""
    if len(drawn) == 1:  # most charts: one outcome, no generator to go through
        return drawn[0].women is not None or drawn[0].men is not None
    return any(o.women is not None or o.men is not None for o in drawn)


def _finite_targets(targets: Sequence[tuple[int, float]]) -> list[tuple[int, float]]:
    """The targets that can be drawn, by year."""
    if len(targets) == 1:  # most indicators: one target, nothing to sort
        return [targets[0]] if math.isfinite(targets[0][1]) else []
    return sorted([(year, value) for year, value in targets if math.isfinite(value)])


def _ticks(
    values: list[float],
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
) -> tuple[float, ...] | None:
    """The value axis's ticks around every value drawn, or None when no axis can hold them."""
    every = [*values, *map(_VALUE, goals)]  # `map`: a comprehension is a call of its own
    if start:
        every.append(start[1])
    if bounds:
        every.extend(bounds)
    return _axis_ticks(min(every), max(every))


@functools.lru_cache(maxsize=4096)  # indicators of one kind share their ranges: 0–100 %, …
def _axis_ticks(low: float, high: float) -> tuple[float, ...] | None:
    if not math.isfinite(high - low):
        return None  # too far apart to draw on one axis
    ticks = round_ticks(low, high)
    if not ticks[0] < ticks[-1] or not math.isfinite(ticks[-1] - ticks[0]):
        return None  # too large to draw an axis for
    return ticks


# What works a chart's marks out when its drawing is first read (`chart_layout.chart_marks`),
# named here, where the tests watch for a chart being drawn.
_drawing = chart_marks

_PERIOD = operator.attrgetter("period")  # what outcomes are drawn in order of
_VALUE = operator.itemgetter(1)  # of a target (year, value)
