"""The words beside and inside an indicator's chart: which direction is better, the trend,
and the chart said in sentences for screen readers.

The trend says two things so that it can never contradict the line: which way the
line went from the second last point drawn to the last, with an arrow that points
that way ("↘ Lower than in 2024"), and whether that is better or worse, judged by
the indicator's `better` through `styr.followup.fulfilment.trend` ("– better").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from styr.followup.fulfilment import Trend, trend
from styr.report.texts import Labels

if TYPE_CHECKING:
    from styr.report.chart_parts import Point

# One set of words per language for every chart of a run (a Labels keeps what it translated).
labels_in = functools.cache(Labels)


def said(t: Labels, key: str, **params: str) -> str:
    """`t.get(key, **params)` from the text `t` translated once a run: a chart says five of
    these, and a report of 100,000 indicators would look each up in the catalogue again."""
    text: str = getattr(t, key)
    return text.format(**params)


# Which way the line goes from the second last point drawn to the last.
_MOVEMENTS = {1: ("↗", "trend_higher"), -1: ("↘", "trend_lower"), 0: ("→", "trend_same")}
_JUDGED = {Trend.IMPROVING: "trend_better", Trend.WORSENING: "trend_worse"}


def trend_legend(language: str) -> list[tuple[str, str]]:
    """The arrows beside a chart and what each says, for a legend of the symbols."""
    t = labels_in(language)
    return [
        (symbol, getattr(t, key.replace("trend_", "trend_legend_")))
        for symbol, key in (_MOVEMENTS[1], _MOVEMENTS[-1], _MOVEMENTS[0])
    ]


def _movement(values: Sequence[float]) -> int:
    change = values[-1] - values[-2]
    return (change > 0) - (change < 0)


def movement_symbol(values: Sequence[float]) -> str:
    return _MOVEMENTS[_movement(values)][0] if len(values) > 1 else ""


def trend_words(
    t: Labels, values: Sequence[float], periods: Sequence[str], better: str | None
) -> str:
    """ "Lower than in 2024 – better": the line's way in words, then the judgement."""
    if len(values) < 2:
        return ""
    moved = said(t, _MOVEMENTS[_movement(values)][1], period=periods[-2])
    judged = _JUDGED.get(trend(list(values), better))
    return (
        said(t, "trend_judged", movement=moved, judgement=getattr(t, judged)) if judged else moved
    )


def direction_words(t: Labels, better: str | None, range_text: str | None) -> str:
    """Which direction is better, in words ("A lower value is better"); "" when unsaid."""
    if better == "higher":
        return t.chart_better_higher
    if better == "lower":
        return t.chart_better_lower
    if better == "range" and range_text:
        return said(t, "chart_better_range", range=range_text)
    return ""


def description(
    t: Labels,
    points: Sequence[Point],
    targets: Sequence[Point],
    baseline: Point | None,
    range_text: str | None,
) -> str:
    """The chart said in sentences: outcomes, then targets, then the baseline."""
    sentences = [said(t, "chart_outcomes", values=_listed(points))]
    if targets:
        sentences.append(said(t, "chart_targets", values=_listed(targets)))
    if range_text:
        sentences.append(said(t, "chart_range", range=range_text))
    if baseline is not None:
        sentences.append(said(t, "chart_baseline", year=baseline.label, value=baseline.text))
    return " ".join(sentences)


def _listed(points: Sequence[Point]) -> str:
    return "; ".join(f"{p.label}: {p.text}" for p in points)
