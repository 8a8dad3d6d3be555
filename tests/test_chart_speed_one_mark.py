"""The marks of a chart of one outcome, a target or none and no range, placed the quick way,
are the marks the general way places: the same axes, spots, paths, label and legend."""

from __future__ import annotations

from typing import Any

from chart_helpers import period
from hypothesis import example, given, settings
from hypothesis import strategies as st

import styr.report.chart_layout as layout
from styr.report.chart import ChartOutcome, build_chart
from styr.report.chart_one import OneOutcome

values = st.one_of(
    st.sampled_from([0.0, -0.0, 12.5, 61.0, 80.0, 70.0]),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
)


@st.composite
def one_outcome(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "title": "Andel nöjda",
        "unit": draw(st.sampled_from(["procent", ""])),
        "better": draw(st.sampled_from(["higher", "lower", None])),
        "outcomes": [
            ChartOutcome(
                period(draw(st.sampled_from(["2025", "2024-T2", "2026-H1", "2022"]))),
                draw(values),
            )
        ],
        "baseline": draw(st.one_of(st.none(), st.tuples(st.integers(2019, 2028), values))),
        "targets": draw(st.lists(st.tuples(st.integers(2020, 2028), values), max_size=1)),
        "value_range": None,
        "language": draw(st.sampled_from(["sv", "en"])),
    }


COMMON = {
    "title": "Andel nöjda",
    "unit": "procent",
    "better": "higher",
    "outcomes": [ChartOutcome(period("2025"), 61.0)],
    "baseline": (2022, 70.0),
    "targets": [(2026, 80.0)],
    "value_range": None,
    "language": "sv",
}


@settings(max_examples=400, deadline=None)
@given(one_outcome())
@example(COMMON)
@example({**COMMON, "baseline": None})
@example({**COMMON, "targets": []})
@example({**COMMON, "targets": [(2025, 80.0)], "baseline": (2025, 61.0)})
def test_one_outcomes_marks_are_the_general_ways(inputs: dict[str, Any]) -> None:
    chart = build_chart(**inputs, chart_id="c")
    if chart is None:  # no axis can hold the values: nothing to mark
        return
    parts = chart.parts  # what the marks are worked out from, before they are
    assert isinstance(parts, OneOutcome)
    made = (parts.written(), parts.goals, parts.start, None, parts.ticks, parts.language)
    quick = layout.chart_marks(*made)
    general = layout._marks(*made)
    assert quick == general
    assert quick.axes is general.axes  # the shared axes: the same object
    assert quick.drawing() == general.drawing()
