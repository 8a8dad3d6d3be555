"""The chart of an indicator of one outcome and one target is made by position
(`one_outcome_chart`): the same chart as `build_chart` called by keyword."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.followup.periods import parse_period
from styr.report import formatting as fmt
from styr.report.chart import ChartOutcome, build_chart
from styr.report.followup import _bounds, _year_value, indicator_chart

PERIOD = parse_period("2025")
values = st.one_of(st.none(), st.floats(-10, 110), st.sampled_from([0, 80, True, "80"]))
years = st.sampled_from([2022, 2025, 2026, 2030, 2026.0, None])


@st.composite
def indicators(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"unit": draw(st.sampled_from(["procent", "", None]))}
    data["better"] = draw(st.sampled_from(["higher", "lower", "range", None, 5]))
    if draw(st.booleans()):
        data["targets"] = [{"year": draw(years), "value": draw(values)}]
    if draw(st.booleans()):
        data["baseline"] = {"year": draw(years), "value": draw(values)}
    if draw(st.booleans()):
        data["range"] = {"min": draw(values), "max": draw(values)}
    return data


@settings(derandomize=True, max_examples=300, deadline=None)
@given(indicators(), st.one_of(st.none(), st.floats(0, 100)), st.sampled_from(["sv", "en"]))
def test_the_chart_by_position_is_the_chart_by_keyword(
    data: dict[str, Any], value: float | None, language: str
) -> None:
    entry = SimpleNamespace(period=PERIOD, value=value, women=None, men=None)
    element = SimpleNamespace(data=data, title="Andel nöjda")
    quick = indicator_chart(element, SimpleNamespace(period=PERIOD), [entry], language, "c")
    targets = [
        (t["year"], float(t["value"]))
        for t in data.get("targets", [])
        if type(t["year"]) is int and type(t["value"]) in (int, float)
    ]
    better = data["better"]
    by_keyword = build_chart(
        title=fmt.one_line(element.title),
        unit=fmt.text(data.get("unit")),
        better=better if isinstance(better, str) else None,
        outcomes=[ChartOutcome(PERIOD, value)],
        baseline=_year_value(data.get("baseline")),
        targets=targets,
        value_range=_bounds(data) if better == "range" else None,
        language=language,
        chart_id="c",
    )
    assert quick == by_keyword
    if quick is not None and by_keyword is not None:
        assert quick.html() == by_keyword.html()
