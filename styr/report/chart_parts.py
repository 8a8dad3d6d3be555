"""The parts of an indicator's chart (`styr.report.chart`): plain values, and its drawing.

`LazyDrawing` holds where each part is drawn until a rendering first asks for
it: the Markdown report prints only the chart's table and words. The SVG
reads the chart's `Marks` (its marks as SVG path data, on its shared axes);
a template that lays a chart out itself reads the `Drawing` made from them,
with a `Point` for every value, which the SVG does not need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from styr.report.chart_axes import Frame

if TYPE_CHECKING:
    from styr.report.chart_layout import Axes, Fixed, Spot


class Point(NamedTuple):
    """A value drawn at a place: `label` is its period or year, `text` the value as written."""

    label: str
    text: str
    x: float
    y: float


class Tick(NamedTuple):
    """An axis label: its text and where it goes along its axis."""

    text: str
    at: float


class Label(NamedTuple):
    """A text placed in the SVG; `anchor` is its SVG `text-anchor` (start, middle, end)."""

    text: str
    x: float
    y: float
    anchor: str = "start"


class LegendItem(NamedTuple):
    """One entry of the legend under the plot: the mark drawn (`kind`) and its word."""

    kind: str  # outcome | target | baseline
    text: str
    x: float  # where the mark starts; the word follows it


@dataclass(frozen=True, slots=True)
class Band:
    """The range an outcome should stay within (`better: range`), top and bottom in SVG units."""

    text: str
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return round(self.bottom - self.top, 1)


class ChartRow(NamedTuple):
    """One line of the table of numbers ("" where the period has no such value)."""

    period: str
    outcome: str
    target: str
    women: str
    men: str


# Not frozen, hashed as if it were: made for every indicator of a report, and a frozen
# dataclass's __init__ (a setattr through object per field) was ten times as slow.
@dataclass(slots=True, unsafe_hash=True)
class ChartWords:
    """The words the chart shows, in the page's language."""

    period: str
    outcome: str  # with the unit, for the table's heading
    outcome_short: str  # without it, where each number is labelled on its own
    target: str
    baseline: str
    women: str
    men: str
    caption: str  # of the table of numbers


@dataclass(slots=True)
class Written:
    """A chart's outcomes where they go and its values as the language writes them, each
    worked out once: the words, the table and the drawing all read them from here."""

    periods: list[str]  # each outcome's period, oldest first
    times: list[float]  # where each outcome goes along the time axis (`chart_table.time_of`)
    numbers: list[float]  # each outcome's value
    values: list[str]  # each outcome's value as written
    targets: list[tuple[str, str]]  # (year, value) of each target, by year
    baseline: tuple[str, str] | None  # (year, value)
    range: str | None  # the range to stay within ("5–10"), with `better: range`


# Not frozen, hashed as if it were: made for every indicator of a report, and a frozen
# dataclass's __init__ (a setattr through object per field) was ten times as slow.
@dataclass(slots=True, unsafe_hash=True)
class Drawing:
    """Where a chart's parts are drawn, in the SVG's own units."""

    frame: Frame
    points: tuple[Point, ...]
    line: str  # the outcomes' polyline ("" with one point)
    point_marks: str  # a path of a dot at each outcome
    targets: tuple[Point, ...]
    target_line: str  # the dashed line through the targets ("" with fewer than two)
    target_marks: str  # a path of a diamond at each target ("" without targets)
    target_label: Label | None  # the word "Target" beside the last target
    band: Band | None
    baseline: Point | None
    baseline_mark: str  # a path of a square at the baseline ("" without one)
    y_ticks: tuple[Tick, ...]
    grid: str  # a path of a faint line across the plot at each value tick
    x_ticks: tuple[Tick, ...]
    legend: tuple[LegendItem, ...]
    # The shared axes the frame, ticks and grid come from: not a part of its own (not
    # compared), but what a rendering keeps what it wrote for them by (`chart_svg`).
    axes: Axes = field(compare=False, repr=False)


@dataclass(slots=True)
class Marks:
    """A chart's own marks on its shared axes, as the SVG draws them."""

    axes: Axes
    written: Written  # the labels and texts of the values marked
    outcomes: list[Spot]
    targets: list[Spot]
    baseline: Spot | None
    line: str  # the outcomes' polyline ("" with one point)
    point_marks: str  # a path of a dot at each outcome
    target_line: str  # the dashed line through the targets ("" with fewer than two)
    target_marks: str  # a path of a diamond at each target ("" without targets)
    baseline_mark: str  # a path of a square at the baseline ("" without one)
    target_label: Label | None  # the word "Target" beside the last target
    band: Band | None
    legend: tuple[LegendItem, ...]
    # What the charts of its kind mark alike (`chart_layout.Fixed`), where a rendering keeps
    # what it wrote of them; None for a chart marked alone.
    fixed: Fixed | None = field(default=None, compare=False, repr=False)

    def drawing(self) -> Drawing:
        """The marks as a `Drawing`: a `Point` (label, value as written, place) for each."""
        w, axes = self.written, self.axes
        points = zip(w.periods, w.values, self.outcomes, strict=True)
        targets = zip(w.targets, self.targets, strict=True)
        base = self.baseline
        return Drawing(
            frame=axes.frame,
            points=tuple(Point(label, text, s.x, s.y) for label, text, s in points),
            line=self.line,
            point_marks=self.point_marks,
            targets=tuple(Point(label, text, s.x, s.y) for (label, text), s in targets),
            target_line=self.target_line,
            target_marks=self.target_marks,
            target_label=self.target_label,
            band=self.band,
            baseline=Point(*w.baseline, base.x, base.y) if base and w.baseline else None,
            baseline_mark=self.baseline_mark,
            y_ticks=axes.y_ticks,
            grid=axes.grid,
            x_ticks=axes.x_ticks,
            legend=self.legend,
            axes=axes,
        )


class LazyDrawing:
    """A chart's `Marks`, worked out the first time they are read and kept, and the
    `Drawing` made from them the first time that is read.

    Two are equal when their drawings are; pickled as the marks themselves.
    """

    __slots__ = ("_args", "_drawing", "_make", "_marks")

    def __init__(self, make: Callable[..., Marks], args: tuple[Any, ...] = ()) -> None:
        # `make` and its arguments, not a partial of them: one object fewer for every chart.
        self._make: Callable[..., Marks] | None = make
        self._args = args
        self._marks: Marks | None = None
        self._drawing: Drawing | None = None

    def marks(self) -> Marks:
        if self._marks is None:
            assert self._make is not None  # one of the two is always set
            self._marks = self._make(*self._args)
            self._make, self._args = None, ()  # what they were worked out from is not held
        return self._marks

    def get(self) -> Drawing:
        if self._drawing is None:
            self._drawing = self.marks().drawing()
        return self._drawing

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyDrawing) and self.get() == other.get()

    def __hash__(self) -> int:
        return hash(self.get())

    def __repr__(self) -> str:
        return f"LazyDrawing({self.get()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_marked, (self.marks(),))


def _marked(marks: Marks) -> LazyDrawing:
    """A `LazyDrawing` already worked out (what unpickling gives)."""
    lazy = LazyDrawing(lambda: marks)
    lazy.marks()
    return lazy


class ChartParts:
    """A chart's table rows, its words and its values as written (`Chart.rows`, `Chart.words`,
    `Chart.written`), as a chart of several outcomes makes them: at once.

    A chart of one outcome makes them when first read (`chart_one.OneOutcome`): the HTML
    page writes that chart straight from what it was made of, and never reads them.
    Two are equal when their rows and words are (the values written are in those).
    """

    __slots__ = ("_rows", "_words", "_written")

    def __init__(
        self, rows: tuple[ChartRow, ...] | None, words: ChartWords | None, written: Written | None
    ) -> None:
        self._rows = rows
        self._words = words
        self._written = written

    def rows(self) -> tuple[ChartRow, ...]:
        assert self._rows is not None  # given, or made by the subclass before
        return self._rows

    def words(self) -> ChartWords:
        assert self._words is not None
        return self._words

    def written(self) -> Written:
        assert self._written is not None
        return self._written

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ChartParts):
            return NotImplemented
        return self.rows() == other.rows() and self.words() == other.words()

    def __hash__(self) -> int:
        return hash((self.rows(), self.words()))

    def __repr__(self) -> str:
        return f"ChartParts(rows={self.rows()!r}, words={self.words()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (ChartParts, (self.rows(), self.words(), self.written()))
