"""The chart of one outcome, a target or none and no range, made the quick way, is the chart
the general way makes of the same values: every field, the words, the drawing, the table,
the SVG and the Markdown."""

from __future__ import annotations

import pickle
from typing import Any

from chart_helpers import period
from hypothesis import example, given, settings
from hypothesis import strategies as st

import styr.report.chart as chart_module
from styr.report.chart import ChartOutcome, build_chart
from styr.report.chart_one import OneOutcome
from styr.report.chart_svg import chart_text

values = st.one_of(
    st.sampled_from([0.0, -0.0, 12.5, 61.0, 80.0, 70.0, 1e300]),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.sampled_from([float("nan"), float("inf"), -float("inf")]),
)
maybe = st.one_of(st.none(), values)


@st.composite
def one_outcome(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "title": draw(st.sampled_from(["Andel nöjda", "<b>\"&'"])),
        "unit": draw(st.sampled_from(["procent", ""])),
        "better": draw(st.sampled_from(["higher", "lower", "range", None])),
        "outcome": ChartOutcome(
            period(draw(st.sampled_from(["2025", "2024-T2", "2026-H1", "2022"]))),
            draw(maybe),
            draw(maybe),
            draw(maybe),
        ),
        "baseline": draw(st.one_of(st.none(), st.tuples(st.integers(2019, 2028), values))),
        "targets": draw(st.lists(st.tuples(st.integers(2020, 2028), values), max_size=1)),
        "language": draw(st.sampled_from(["sv", "en"])),
    }


COMMON = {
    "title": "Andel nöjda",
    "unit": "procent",
    "better": "higher",
    "outcome": ChartOutcome(period("2025"), 61.0),
    "baseline": (2022, 70.0),
    "targets": [(2026, 80.0)],
    "language": "sv",
}


@settings(max_examples=400, deadline=None)
@given(one_outcome())
@example(COMMON)
@example({**COMMON, "baseline": None, "targets": []})
@example({**COMMON, "outcome": ChartOutcome(period("2025"), 61.0, 60.0, None)})
@example({**COMMON, "targets": [(2024, 80.0)], "baseline": (2026, 0.0)})
@example({**COMMON, "outcome": ChartOutcome(period("2025"), -0.0), "targets": [(2026, 0.0)]})
def test_one_outcome_is_charted_as_the_general_way_charts_it(given: dict[str, Any]) -> None:
    inputs = dict(given)  # the examples are shared: not changed here
    outcome = inputs.pop("outcome")
    quick = build_chart(outcomes=[outcome], value_range=None, chart_id="c", **inputs)
    # A second outcome without a value is not drawn, but takes the chart the general way.
    undrawn = ChartOutcome(period("2019"), None)
    general = build_chart(outcomes=[outcome, undrawn], value_range=None, chart_id="c", **inputs)
    assert quick == general
    if quick is None or general is None:
        return
    assert quick.written == general.written
    assert quick.description == general.description
    assert quick.drawing.marks() == general.drawing.marks()
    assert quick.html() == general.html()
    assert quick.markdown() == general.markdown()
    # Its cells as the page and the Markdown report read them, before its rows are made.
    fresh = build_chart(outcomes=[outcome], value_range=None, chart_id="c", **inputs)
    assert fresh is not None and type(fresh.parts) is OneOutcome
    assert [tuple(row) for row in fresh.parts.plain_rows()] == list(general.rows)
    # Written from its record (`chart_one.OneOutcome`), the texts from the files marked too.
    assert type(quick.parts) is OneOutcome
    marked = ' lang="sv"'
    assert chart_text(quick, marked) == chart_text(general, marked)
    assert quick.rows == general.rows and quick.words == general.words
    assert pickle.loads(pickle.dumps(quick)) == general


def test_a_chart_of_one_outcome_is_written_from_its_record_before_its_parts_are_read() -> None:
    inputs: dict[str, Any] = dict(COMMON)
    outcome = inputs.pop("outcome")
    quick = build_chart(outcomes=[outcome], value_range=None, chart_id="c", **inputs)
    assert quick is not None and type(quick.parts) is OneOutcome
    written = chart_text(quick)
    assert quick.parts._rows is None and quick.parts._words is None  # none made for the page
    again = build_chart(outcomes=[outcome], value_range=None, chart_id="c", **inputs)
    assert again is not None and again.rows and again.words and again.written
    assert chart_text(again) == written  # the same, its parts read first


def test_the_quick_way_is_taken_only_for_its_shape(monkeypatch: Any) -> None:
    taken: list[object] = []
    real = chart_module.one_outcome_chart

    def counting(*arguments: Any) -> Any:
        taken.append(arguments[3])
        return real(*arguments)

    monkeypatch.setattr(chart_module, "one_outcome_chart", counting)
    inputs = {**COMMON}
    outcome = inputs.pop("outcome")
    assert build_chart(outcomes=[outcome], value_range=None, **inputs) is not None
    assert taken == [outcome]
    # A range, two targets or two outcomes: the general way.
    build_chart(outcomes=[outcome], value_range=(50.0, 70.0), **inputs)
    build_chart(outcomes=[outcome], value_range=None, **{**inputs, "targets": [(1, 2.0)] * 2})
    build_chart(outcomes=[outcome, outcome], value_range=None, **inputs)
    assert taken == [outcome]
