"""The parts of an indicator's chart (`styr.report.chart`): plain values, and its drawing.

`LazyDrawing` holds where each part is drawn until a rendering first asks for
it: the Markdown report prints only the chart's table and words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from styr.report.chart_axes import Frame

if TYPE_CHECKING:
    from styr.report.chart_layout import Axes


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


class LazyDrawing:
    """A chart's `Drawing`, worked out the first time it is read and kept.

    Two are equal when their drawings are; pickled as the drawing itself.
    """

    __slots__ = ("_drawing", "_make")

    def __init__(self, make: Callable[[], Drawing]) -> None:
        self._make: Callable[[], Drawing] | None = make
        self._drawing: Drawing | None = None

    def get(self) -> Drawing:
        if self._drawing is None:
            assert self._make is not None  # one of the two is always set
            self._drawing = self._make()
            self._make = None  # what it was drawn from is no longer held
        return self._drawing

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyDrawing) and self.get() == other.get()

    def __hash__(self) -> int:
        return hash(self.get())

    def __repr__(self) -> str:
        return f"LazyDrawing({self.get()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_drawn, (self.get(),))


def _drawn(drawing: Drawing) -> LazyDrawing:
    """A `LazyDrawing` already worked out (what unpickling gives)."""
    lazy = LazyDrawing(lambda: drawing)
    lazy.get()
    return lazy
