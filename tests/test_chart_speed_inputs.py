"""What an indicator hands its chart, read the quick way, is what the plain reading gives: its
outcomes up to the period judged (the first written of each period) and its targets (each
year written as a whole number, with the value `target_values` finds for it), for a
target alone and for every other way targets and milestones are written."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from chart_helpers import period
from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.followup.periods import Period
from styr.followup.targets import target_values
from styr.report import formatting as fmt
from styr.report.chart import ChartOutcome, build_chart
from styr.report.followup import indicator_chart

PERIODS = ["2023", "2024-T2", "2024", "2025-H1", "2025"]


years = st.one_of(st.integers(2022, 2027), st.sampled_from([2026.0, True, "2026", None, 2025.5]))
numbers = st.one_of(st.sampled_from([80, 80.5, -1, None, "80", True]), st.floats(0, 100))
entry = st.one_of(
    st.fixed_dictionaries({"year": years, "value": numbers}),
    st.fixed_dictionaries({"year": years}),
    st.just("not a target"),
)
listed = st.one_of(st.lists(entry, max_size=4), st.just(5), st.none())


def plain_targets(data: dict[str, Any]) -> list[tuple[int, float]]:
    """Each year written as a whole number, with the value found for it."""
    whole = set()
    for key in ("targets", "milestones"):
        items = data.get(key)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and type(item.get("year")) is int:
                whole.add(item["year"])
    values = target_values(data)
    return [(year, values[year]) for year in whole if year in values]


def plain_chart(element: Any, judged: Any, entries: list[Any], language: str) -> Any:
    """The chart of the indicator read plainly: every outcome up to the period, the first
    of each period, and the targets above."""
    first: dict[Period, Any] = {}
    for e in entries:
        if e.period <= judged.period:
            first.setdefault(e.period, e)
    data = element.data
    return build_chart(
        title=fmt.one_line(element.title),
        unit=fmt.text(data.get("unit")),
        better=data.get("better") if isinstance(data.get("better"), str) else None,
        outcomes=[ChartOutcome(p, e.value, e.women, e.men) for p, e in first.items()],
        baseline=None,
        targets=plain_targets(data),
        value_range=None,
        language=language,
        chart_id="c",
    )


@st.composite
def indicators(draw: st.DrawFn) -> tuple[Any, Any, list[Any], str]:
    data = {"unit": "procent", "better": draw(st.sampled_from(["higher", "lower", None]))}
    data |= {key: value for key in ("targets", "milestones") if (value := draw(listed))}
    element = SimpleNamespace(data=data, title="Andel nöjda")
    texts = draw(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=4))
    value = st.one_of(st.none(), st.floats(0, 100))
    entries = [
        SimpleNamespace(period=period(text), value=draw(value), women=draw(value), men=None)
        for text in texts
    ]
    # The period judged is mostly an outcome's own (the same object), or any other.
    judged = SimpleNamespace(
        period=draw(st.sampled_from([entries[0].period, period(draw(st.sampled_from(PERIODS)))]))
    )
    return element, judged, entries, draw(st.sampled_from(["sv", "en"]))


OUTCOME = SimpleNamespace(period=period("2025"), value=61.0, women=None, men=None)
ONE_TARGET = (
    SimpleNamespace(data={"targets": [{"year": 2026, "value": 80}]}, title="Andel"),
    SimpleNamespace(period=OUTCOME.period),
    [OUTCOME],
    "sv",
)


@settings(deadline=None, max_examples=300)
@given(indicators())
@example(ONE_TARGET)
@example(  # a year written as a float before the same year as a whole number
    (
        SimpleNamespace(
            data={"targets": [{"year": 2026.0, "value": 70}, {"year": 2026, "value": 80}]},
            title="Andel",
        ),
        *ONE_TARGET[1:],
    )
)
@example(  # True is a year to `target_values` (it is 1), not a whole year to the chart
    (SimpleNamespace(data={"milestones": [{"year": True, "value": 1}]}, title="A"), *ONE_TARGET[1:])
)
def test_the_chart_is_made_of_what_the_plain_reading_finds(
    indicator: tuple[Any, Any, list[Any], str],
) -> None:
    element, judged, entries, language = indicator
    quick = indicator_chart(element, judged, entries, language, "c")
    plain = plain_chart(element, judged, entries, language)
    assert quick == plain
    if quick is not None and plain is not None:
        assert quick.html() == plain.html()
