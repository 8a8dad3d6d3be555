"""The chart's axes: round values on the y axis, periods on the x axis, the plot's frame.

Positions are in the SVG's own units (its viewBox); the SVG scales to the
width it is given, so one layout serves a phone and a wide screen. Text
widths are estimated from the number of characters (the page's font is the
reader's own), generously, so that labels do not run into each other.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH = 320.0
HEIGHT = 200.0
FONT_SIZE = 14  # in the SVG's units: about 11 px on a 320 px screen, 16 px on a wide one
CHARACTER = 8.0  # a generous width of one character at that size
TOP = 28.0  # room for the unit above the plot
BOTTOM = 54.0  # room for the years and the legend below it
TICK_COUNT = 4
INSET = 10.0  # the first and last period stand this far inside the plot, clear of its edges
LEGEND_MARK = 22.0  # the width of a mark in the legend and the space after it


@dataclass(frozen=True, slots=True)
class Frame:
    """The plot's edges inside the SVG, and the SVG's size."""

    left: float
    right: float
    top: float = TOP
    bottom: float = HEIGHT - BOTTOM
    width: float = WIDTH
    height: float = HEIGHT

    @classmethod
    def around(cls, tick_texts: Sequence[str], labels: Sequence[str]) -> Frame:
        """A frame with room for the longest value on its left and half a period on its right."""
        # A value longer than 12 characters runs into the edge rather than squeeze the plot.
        widest = min(max((len(text) for text in tick_texts), default=1), 12)
        last = max((len(label) for label in labels), default=4)
        return _frame(widest, last)

    @property
    def label_y(self) -> float:
        """Where the x axis's labels stand."""
        return self.bottom + 20

    @property
    def font_size(self) -> int:
        return FONT_SIZE

    @property
    def legend_y(self) -> float:
        return self.height - 8

    @property
    def plot_width(self) -> float:
        return round(self.right - self.left, 1)

    @property
    def value_x(self) -> float:
        """Where the y axis's values end, just left of the plot."""
        return self.left - 6

    def x_scale(self, first: float, last: float) -> Callable[[float], float]:
        """Times (2024.0 for the year 2024) to x; one time alone goes in the middle."""
        if last == first:
            middle = round((self.left + self.right) / 2, 1)
            return lambda _: middle
        start, end = self.left + INSET, self.right - INSET
        span = (end - start) / (last - first)
        return lambda time: round(start + (time - first) * span, 1)

    def y_scale(self, low: float, high: float) -> Callable[[float], float]:
        """Values to y, `low` at the bottom and `high` at the top (which must be above it)."""
        bottom = self.bottom  # read once: the scale is called for every value drawn
        span = (bottom - self.top) / (high - low)
        return lambda value: round(bottom - (value - low) * span, 1)


@functools.lru_cache(maxsize=256)  # a few widths of values and periods: one frame each, shared
def _frame(widest: int, last: int) -> Frame:
    return Frame(left=12.0 + CHARACTER * widest, right=WIDTH - max(16.0, CHARACTER * last / 2 + 4))


def value_ticks(low: float, high: float, count: int = TICK_COUNT) -> list[float]:
    """A few round values from below `low` to above `high` (`round_ticks`)."""
    return list(round_ticks(low, high, count))


@functools.lru_cache(maxsize=4096)  # indicators of one kind share their ranges: 0–100 %, …
def round_ticks(low: float, high: float, count: int = TICK_COUNT) -> tuple[float, ...]:
    """A few round values (steps of 1, 2, 2.5 or 5 times a power of ten) from below `low`
    to above `high`; the first and last are the axis's ends.

    Values too close together to tell apart on an axis get room around them; values
    too large to step through (near the largest float) give just `[low, high]`.
    """
    magnitude = max(abs(low), abs(high))
    # A range of a few hundred orders of magnitude below one cannot be scaled to
    # the plot's height (the scale would overflow to infinity): it gets room too.
    if high - low <= magnitude * 1e-9 or high - low < 1e-200:
        pad = magnitude * 0.1 if magnitude > 1e-200 else 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / count
    if not math.isfinite(raw) or raw <= 0:
        return (low, high)
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * power >= raw * (1 - 1e-9))
    decimals = max(0, -math.floor(math.log10(step)) + (1 if step / power == 2.5 else 0))
    first, last = math.floor(low / step), math.ceil(high / step)
    # Division is not exact (0.3 / 0.1 is 2.9999999999999996): no tick beyond the one needed.
    if _tidy((first + 1) * step, decimals) <= low:
        first += 1
    elif _tidy(first * step, decimals) > low:
        first -= 1
    if _tidy((last - 1) * step, decimals) >= high:
        last -= 1
    elif _tidy(last * step, decimals) < high:
        last += 1
    ticks = tuple(_tidy(k * step, decimals) for k in range(first, last + 1))
    if len(ticks) < 2 or not all(map(math.isfinite, ticks)):
        return (low, high)
    return ticks


def _tidy(value: float, decimals: int) -> float:
    """A tick rounded to its step's decimals: 0.30000000000000004 is 0.3, -0.0 is 0."""
    return round(value, decimals) + 0.0


def label_positions(
    labels: Sequence[str], times: Sequence[float], x: Callable[[float], float]
) -> list[tuple[str, float]]:
    """The periods to write under the x axis, left to right, as many as fit side by side.

    The first and the last always show; one between them is left out when it
    would run into its neighbour.
    """
    placed: dict[float, str] = {}
    for label, time in sorted(zip(labels, times, strict=True), key=lambda pair: pair[1]):
        placed.setdefault(x(time), label)
    kept: list[tuple[str, float]] = []
    last = max(placed)
    for at, label in sorted(placed.items()):
        if kept and not _apart(kept[-1], (label, at)):
            if at != last:
                continue
            while len(kept) > 1 and not _apart(kept[-1], (label, at)):
                kept.pop()  # the last beats the ones before it, never the first
            if not _apart(kept[-1], (label, at)):
                continue
        kept.append((label, at))
    return kept


def _apart(first: tuple[str, float], second: tuple[str, float]) -> bool:
    room = CHARACTER * (len(first[0]) + len(second[0])) / 2 + 6
    return second[1] - first[1] >= room
