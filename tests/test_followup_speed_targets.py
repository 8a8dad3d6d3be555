"""Judging an indicator looks its targets up in one pass: the same as each rule written out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.followup.evaluate import OutcomeEntry, judge
from styr.followup.fulfilment import Scale, judge_value
from styr.followup.periods import Period
from styr.followup.targets import next_target_for, target_for, target_values, targets_around
from styr.load import Document
from styr.model.index import Element


def _number_plainly(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _entries_plainly(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target entry, targets before milestones, as written."""
    found: list[dict[str, Any]] = []
    for key in ("targets", "milestones"):
        entries = data.get(key)
        found += [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    return found


def _target_plainly(data: dict[str, Any], year: int) -> float | None:
    """The first entry of the year (by `==`, a number as year) that has a number."""
    for entry in _entries_plainly(data):
        written = entry.get("year")
        number = _number_plainly(entry.get("value"))
        if isinstance(written, int | float) and written == year and number is not None:
            return number
    return None


def _next_target_plainly(data: dict[str, Any], year: int) -> tuple[int, float] | None:
    """Every later whole year with a number; the earliest, the first written of equals."""
    later = [
        (entry["year"], number)
        for entry in _entries_plainly(data)
        if type(entry.get("year")) is int
        and entry["year"] > year
        and (number := _number_plainly(entry.get("value"))) is not None
    ]
    return min(later, default=None, key=lambda pair: pair[0])


_YEARS = st.one_of(
    st.sampled_from([2025, 2026, 2026.0, 2027.5, True, 1, "2026", None, float("nan")]),
    st.integers(2023, 2029),
)
_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 100), st.floats(allow_nan=False), st.text(max_size=2)
)
_ENTRY = st.one_of(
    st.fixed_dictionaries({"year": _YEARS, "value": _VALUES}),
    st.fixed_dictionaries({}, optional={"year": _YEARS, "value": _VALUES}),
    st.integers(),
    st.just("not an entry"),
)
_TARGETED = st.fixed_dictionaries(
    {},
    optional={
        "targets": st.one_of(st.lists(_ENTRY, max_size=5), st.just(5), st.none()),
        "milestones": st.one_of(st.lists(_ENTRY, max_size=5), st.just("x")),
    },
)


@settings(max_examples=600, deadline=None)
@given(_TARGETED, st.sampled_from([1, 2024, 2025, 2026, 2027, 2028]))
@example({"targets": [{"year": 2026, "value": "x"}, {"year": 2026.0, "value": 3}]}, 2026)
@example({"targets": [{"year": 2027, "value": 1}], "milestones": [{"year": 2027, "value": 2}]}, 0)
@example({"targets": [{"year": 2027.0, "value": 1}, {"year": 2028, "value": 2}]}, 2026)
@example({"targets": [{"year": True, "value": 4}]}, 1)
def test_one_pass_finds_the_years_target_and_the_next_as_each_rule_says(
    data: dict[str, Any], year: int
) -> None:
    expected = (_target_plainly(data, year), _next_target_plainly(data, year))
    assert targets_around(data, year) == expected
    assert target_for(data, year) == expected[0]
    assert target_values(data).get(year) == expected[0]
    assert next_target_for(data, year) == expected[1]


def _indicator(data: dict[str, Any]) -> Element:
    return Element("ind-1", "indicator", Document(Path("nämnd.yaml"), {}), (), data)


def _outcome(period: Period, value: float | None) -> OutcomeEntry:
    document = Document(Path("uppfoljning.yaml"), {})
    return OutcomeEntry("ind-1", period, value, None, None, None, None, None, document, ())


def _judged_plainly(data: dict[str, Any], period: Period, value: float | None) -> tuple[Any, ...]:
    """The status, percent and next target, every rule asked for on its own."""
    better = data.get("better") if isinstance(data.get("better"), str) else None
    bounds = data.get("range") if isinstance(data.get("range"), dict) else {}
    target = _target_plainly(data, period.year)
    judged = judge_value(
        value,
        Scale(),
        better=better,
        target=target,
        low=_number_plainly(bounds.get("min")),
        high=_number_plainly(bounds.get("max")),
    )
    upcoming = _next_target_plainly(data, period.year)
    shown_next = upcoming if target is None and better != "range" else None
    return judged.status, judged.percent, target, shown_next


@settings(max_examples=400, deadline=None)
@given(
    targets=st.lists(_ENTRY, max_size=4),
    better=st.sampled_from(["higher", "lower", "range", None, 3]),
    bounds=st.one_of(
        st.none(),
        st.fixed_dictionaries(
            {"min": st.one_of(st.integers(0, 50), st.none()), "max": st.integers(40, 100)}
        ),
    ),
    value=st.one_of(st.none(), st.integers(-10, 120).map(float)),
)
def test_an_indicator_is_judged_as_each_rule_asked_on_its_own(
    targets: list[Any], better: Any, bounds: Any, value: float | None
) -> None:
    data: dict[str, Any] = {"targets": targets, "better": better, "range": bounds}
    period = Period(2026, 1.0, "2026")
    judged = judge(_indicator(data), period, [_outcome(period, value)], Scale())
    seen = (judged.status, judged.percent, judged.target, judged.next_target)
    assert seen == _judged_plainly(data, period, value)
