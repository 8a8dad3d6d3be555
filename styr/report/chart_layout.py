"""Where a chart's axes go, worked out once for every chart that shares them.

Charts of one report share their axes (0–100 %, the years 2022–2026): the
frame, the values and periods written beside the plot, the grid, and where
each period stands along the time axis depend on the ticks, the periods and
the language only. `axes_of` works them out once for each such set and
every chart with it reads the same `Axes`; what is left for a chart of its
own is where its values stand (`Axes.y`) and its marks (`chart_marks`).
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from styr.report.chart_axes import CHARACTER, LEGEND_MARK, Frame, label_positions
from styr.report.chart_parts import Band, Label, LegendItem, Marks, Tick, Written
from styr.report.chart_table import number_text
from styr.report.chart_words import labels_in
from styr.report.period_words import period_words

# The marks as path commands from their top or left point: a dot of radius 4, a diamond.
DOT = "a4 4 0 1 0 8 0a4 4 0 1 0-8 0"
DIAMOND = "l5 5-5 5-5-5z"
# Places kept for each set of axes (a few hundred kB at most); past that, worked out each time.
_SPOTS_KEPT = 4096


class Spot(NamedTuple):
    """Where a value of a time is drawn, and each mark there as SVG path data."""

    x: float
    y: float
    xy: str  # "x,y": a point of a polyline
    dot: str  # a dot (an outcome)
    diamond: str  # a diamond (a target)
    square: str  # a square (the baseline)


# Compared by identity (the same axes are the same object, from `axes_of`), so that a
# rendering can keep what it wrote for them by the object, a lookup of no cost.
@dataclass(frozen=True, slots=True, eq=False)
class Axes:
    """A chart's frame and axes, and where each of its times and values is drawn."""

    frame: Frame
    y_ticks: tuple[Tick, ...]
    grid: str  # a path of a faint line across the plot at each value tick
    x_ticks: tuple[Tick, ...]
    x_at: dict[float, float]  # each time of the chart (2024.0 for 2024) to its x
    y: Callable[[float], float]  # a value to its y (`Frame.y_scale`)
    key: tuple[Any, ...] = field(repr=False)  # what `axes_of` made them from
    # Each (time, value) drawn on these axes: charts of one kind come back to the same
    # places (a year, a round value), and a place's marks were a good part of a chart's cost.
    spots: dict[tuple[float, float], Spot] = field(default_factory=dict, repr=False)
    # The word "Target" beside a last target, by the place (x, y) of that target: the same.
    target_labels: dict[tuple[float, float], Label] = field(default_factory=dict, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        return (axes_of, self.key)  # a lambda cannot be pickled: the axes are made again

    def spot(self, time: float, value: float) -> Spot:
        """Where `value` at `time` is drawn, and its marks there."""
        found = self.spots.get((time, value))
        if found is None:
            found = _spot(self.x_at[time], self.y(value))
            if len(self.spots) < _SPOTS_KEPT:
                self.spots[time, value] = found
        return found

    def target_label(self, language: str, last: Spot) -> Label:
        """The word "Target" beside the last target (`_target_label`), in the axes' language."""
        found = self.target_labels.get((last.x, last.y))
        if found is None:
            found = _target_label(language, self.frame, last)
            if len(self.target_labels) < _SPOTS_KEPT:
                self.target_labels[last.x, last.y] = found
        return found


def _spot(x: float, y: float) -> Spot:
    return Spot(
        x,
        y,
        f"{n(x)},{n(y)}",
        f"M{n(x - 4)} {n(y)}{DOT}",
        f"M{n(x)} {n(y - 5)}{DIAMOND}",
        f"M{n(x - 4)} {n(y - 4)}h8v8h-8z",
    )


@functools.lru_cache(maxsize=4096)
def axes_of(
    ticks: tuple[float, ...], labels: tuple[str, ...], times: tuple[float, ...], language: str
) -> Axes:
    """The axes of a chart with these value ticks and these periods (label, time) drawn."""
    tick_texts = [number_text(value, language) for value in ticks]
    # Under the axis each period in the reader's words, short to fit: "jan–aug 2025".
    key = (ticks, labels, times, language)
    labels = tuple(period_words(label, language, short=True) for label in labels)
    frame = Frame.around(tick_texts, labels)
    x = frame.x_scale(min(times), max(times))
    y = frame.y_scale(ticks[0], ticks[-1])
    y_ticks = tuple(Tick(text, y(value)) for text, value in zip(tick_texts, ticks, strict=True))
    grid = "".join(f"M{n(frame.left)} {n(tick.at)}H{n(frame.right)}" for tick in y_ticks)
    x_ticks = tuple(Tick(label, at) for label, at in label_positions(labels, times, x))
    x_at = {time: x(time) for time in times}
    return Axes(frame, y_ticks, grid, x_ticks, x_at, y, key)


@functools.lru_cache(maxsize=8192)  # the same places come back on chart after chart
def n(value: float) -> str:
    """A coordinate as short as it can be written: 164 for 164.0, 68.8 as it is."""
    # + 0.0: -0.0 is 0.0 to the cache, so both must be written alike.
    text = f"{value + 0.0:.1f}"
    return text[:-2] if text.endswith(".0") else text


def chart_marks(
    written: Written,
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
    ticks: tuple[float, ...],
    language: str,
) -> Marks:
    """Where every part of the chart goes: its axes (shared, `axes_of`), then each mark."""
    if len(written.times) == 1 and len(goals) < 2 and bounds is None:
        return _one_outcome_marks(written, goals, start, ticks, language)
    return _marks(written, goals, start, bounds, ticks, language)


def _marks(
    written: Written,
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
    ticks: tuple[float, ...],
    language: str,
) -> Marks:
    """`chart_marks` of any chart: its kind's marks (`Fixed`), and its outcomes' own."""
    # Everything but the outcomes' values: the axes' labels and times come from these.
    key: tuple[object, ...] = (ticks, tuple(written.periods), tuple(written.times))
    key += (tuple(goals), start, bounds, language)
    try:
        fixed = _FIXED.get(key)
    except TypeError:  # a range or a target given as a list, not a tuple: marked alone
        fixed = _fixed(written, goals, start, bounds, ticks, language)
    if fixed is None:
        fixed = _fixed(written, goals, start, bounds, ticks, language)
        if len(_FIXED) < _FIXED_KEPT:
            _FIXED[key] = fixed
    outcomes = list(map(fixed.axes.spot, written.times, written.numbers))
    return Marks(
        fixed.axes,
        written,
        outcomes,
        fixed.targets,
        fixed.baseline,
        " ".join(map(_XY, outcomes)) if len(outcomes) > 1 else "",
        outcomes[0].dot if len(outcomes) == 1 else "".join(map(_DOT, outcomes)),
        fixed.target_line,
        fixed.target_marks,
        fixed.baseline_mark,
        fixed.target_label,
        fixed.band,
        fixed.legend,
        fixed,
    )


class Fixed:
    """What the charts of one kind mark alike: those with the same value ticks, periods,
    targets, baseline and range in one language, which differ only by their outcomes'
    values (a board's indicators of two years mostly are). Worked out once for the kind
    (`_fixed`); `svg` is kept by the first rendering that writes them (`chart_svg`)."""

    __slots__ = (
        "axes",
        "band",
        "baseline",
        "baseline_mark",
        "legend",
        "svg",
        "target_label",
        "target_line",
        "target_marks",
        "targets",
    )

    def __init__(
        self,
        axes: Axes,
        targets: list[Spot],
        baseline: Spot | None,
        band: Band | None,
        legend: tuple[LegendItem, ...],
        target_label: Label | None,
    ) -> None:
        self.axes, self.targets, self.baseline, self.band = axes, targets, baseline, band
        self.legend, self.target_label = legend, target_label
        self.target_line = " ".join(map(_XY, targets)) if len(targets) > 1 else ""
        self.target_marks = (
            targets[0].diamond if len(targets) == 1 else "".join(map(_DIAMOND, targets))
        )
        self.baseline_mark = baseline.square if baseline else ""
        self.svg: str | None = None  # the marks as SVG, once a rendering has written them


# Kinds kept (each a few hundred bytes past its shared axes); past that, worked out each time.
_FIXED_KEPT = 4096
_FIXED: dict[tuple[object, ...], Fixed] = {}


def _fixed(
    written: Written,
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    bounds: tuple[float, float] | None,
    ticks: tuple[float, ...],
    language: str,
) -> Fixed:
    """The axes, the targets, the baseline, the band and the legend of a chart."""
    # By `map` where it can be: a comprehension is a call of its own, for one point or two.
    if len(goals) == 1:  # most charts: one target
        placed = [(float(goals[0][0]), goals[0][1])]
    else:
        placed = [(float(year), value) for year, value in goals]  # each target's (time, value)
    labels = [*written.periods, *map(_YEAR, written.targets)]
    times = [*written.times, *map(_YEAR, placed)]
    based = None  # the baseline's (time, value), when it is drawn
    if start is not None and written.baseline is not None:
        based = (float(start[0]), start[1])
        labels.append(written.baseline[0])
        times.append(based[0])
    axes = axes_of(ticks, tuple(labels), tuple(times), language)
    spot = axes.spot
    targets = list(itertools.starmap(spot, placed))
    base = spot(*based) if based else None
    band = None
    if bounds is not None and written.range is not None:
        band = Band(written.range, axes.y(max(bounds)), axes.y(min(bounds)))
    return Fixed(
        axes,
        targets,
        base,
        band,
        legend_items(language, bool(targets or band), base is not None),
        axes.target_label(language, targets[-1]) if targets else None,
    )


def _one_outcome_marks(
    written: Written,
    goals: Sequence[tuple[int, float]],
    start: tuple[int, float] | None,
    ticks: tuple[float, ...],
    language: str,
) -> Marks:
    """`chart_marks` of one outcome, a target or none and no range, the marks of nearly
    every chart: each placed on its own, without the lists and joins several need."""
    labels: tuple[str, ...] = (written.periods[0],)
    times: tuple[float, ...] = (written.times[0],)
    if goals:  # the target's year after the outcome's period, as `chart_marks` lists them
        labels, times = (*labels, written.targets[0][0]), (*times, float(goals[0][0]))
    based = None if start is None or written.baseline is None else (float(start[0]), start[1])
    if based is not None and written.baseline is not None:
        labels, times = (*labels, written.baseline[0]), (*times, based[0])
    axes = axes_of(ticks, labels, times, language)
    outcome = axes.spot(written.times[0], written.numbers[0])
    target = axes.spot(times[1], goals[0][1]) if goals else None
    base = axes.spot(*based) if based is not None else None
    return Marks(
        axes,
        written,
        [outcome],
        [target] if target else [],
        base,
        "",  # one point: no line
        outcome.dot,
        "",  # one target or none: no line through them
        target.diamond if target else "",
        base.square if base else "",
        axes.target_label(language, target) if target else None,
        None,
        legend_items(language, target is not None, base is not None),
    )


_XY, _DOT, _DIAMOND = map(operator.attrgetter, ("xy", "dot", "diamond"))  # of a `Spot`
_YEAR = operator.itemgetter(0)  # of a target (year, value) as written, or of its (time, value)


def _target_label(language: str, frame: Frame, last: Spot) -> Label:
    """ "Target" above the last target (below it at the top of the plot), towards the middle."""
    word = labels_in(language).chart_target
    y = last.y - 10 if last.y - 10 >= frame.top else last.y + 20
    if last.x > (frame.left + frame.right) / 2:
        return _label((word, last.x + 6, y, "end"))
    return _label((word, last.x - 6, y, "start"))


# A label made without the named tuple's own `__new__`, a call in Python of its own.
_label = functools.partial(tuple.__new__, Label)


@functools.cache  # by language, targets and baseline: a few legends, each shared by every chart
def legend_items(language: str, targets: bool, baseline: bool) -> tuple[LegendItem, ...]:
    """The marks under the plot and their words, side by side."""
    t = labels_in(language)
    wanted = [("outcome", t.outcome)]
    wanted += [("target", t.chart_target)] if targets else []
    wanted += [("baseline", t.baseline)] if baseline else []
    items, x = [], 4.0
    for kind, text in wanted:
        items.append(LegendItem(kind, text, x))
        x += LEGEND_MARK + CHARACTER * len(text) + 14
    return tuple(items)
