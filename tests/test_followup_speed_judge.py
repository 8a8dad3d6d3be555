"""The quick ways of judging the common indicator (one outcome, one target of a whole year, no
milestones) give what the rules say, read plainly, for every shape near that one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.followup.evaluate import OutcomeEntry, judge
from styr.followup.fulfilment import (
    Judgement,
    Scale,
    Status,
    Trend,
    fulfilment,
    judge_value,
    status_of,
)
from styr.followup.periods import Period, parse_period
from styr.followup.targets import target_values, targets_around
from styr.load import Document
from styr.model.index import Element


def _number_plainly(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _entries_plainly(data: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for key in ("targets", "milestones"):
        entries = data.get(key)
        found += [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    return found


def _around_plainly(data: dict[str, Any], year: int) -> tuple[Any, Any]:
    """The year's target (first entry of `==` year with a number) and the next whole year's."""
    target = next(
        (
            number
            for entry in _entries_plainly(data)
            if isinstance(entry.get("year"), int | float)
            and entry["year"] == year
            and (number := _number_plainly(entry.get("value"))) is not None
        ),
        None,
    )
    later = [
        (entry["year"], number)
        for entry in _entries_plainly(data)
        if type(entry.get("year")) is int
        and entry["year"] > year
        and (number := _number_plainly(entry.get("value"))) is not None
    ]
    return target, min(later, default=None, key=lambda pair: pair[0])


def _values_plainly(data: dict[str, Any]) -> dict[float, float]:
    found: dict[float, float] = {}
    for entry in _entries_plainly(data):
        year = entry.get("year")
        number = _number_plainly(entry.get("value"))
        if isinstance(year, int | float) and year not in found and number is not None:
            found[year] = number
    return found


_YEARS = st.one_of(st.integers(2023, 2028), st.sampled_from([2026.0, True, "2026", None]))
_VALUES = st.one_of(st.integers(-5, 100), st.floats(allow_nan=False), st.sampled_from([None, True]))
# One target nearly always, of a whole year: the quick way's shape, and what is next to it.
_ONE_TARGET = st.fixed_dictionaries(
    {
        "targets": st.one_of(
            st.tuples(st.fixed_dictionaries({"year": _YEARS, "value": _VALUES})).map(list),
            st.lists(st.fixed_dictionaries({"year": _YEARS, "value": _VALUES}), max_size=2),
            st.sampled_from([[5], 5, None]),
        )
    },
    optional={
        "milestones": st.one_of(
            st.none(), st.just([]), st.just([{"year": 2027, "value": 1}]), st.just("x")
        )
    },
)


@settings(max_examples=500, deadline=None)
@given(_ONE_TARGET, st.integers(2023, 2029))
@example({"targets": [{"year": 2026, "value": True}]}, 2025)
@example({"targets": [{"year": 2026, "value": None}]}, 2026)
@example(
    {"targets": [{"year": 2026, "value": 1}], "milestones": [{"year": 2026, "value": 2}]}, 2026
)
def test_one_targets_lookups_are_the_rules_read_plainly(data: dict[str, Any], year: int) -> None:
    assert targets_around(data, year) == _around_plainly(data, year)
    values = target_values(data)
    assert values == _values_plainly(data)
    assert [type(key) for key in values] == [type(key) for key in _values_plainly(data)]


def _indicator(data: dict[str, Any]) -> Element:
    return Element("ind-1", "indicator", Document(Path("nämnd.yaml"), {}), (), data)


def _outcome(period: Period, value: float | None) -> OutcomeEntry:
    document = Document(Path("uppfoljning.yaml"), {})
    return OutcomeEntry("ind-1", period, value, None, None, None, None, None, document, ())


_PERIODS = st.sampled_from(["2024", "2025", "2026", "2025-T2", "2025-H1"])


@settings(max_examples=300, deadline=None)
@given(
    written=_PERIODS,
    judged=_PERIODS,
    same_object=st.booleans(),
    value=st.one_of(st.none(), st.integers(0, 100).map(float)),
)
@example(written="2025", judged="2025", same_object=True, value=61.0)
@example(written="2025", judged="2025", same_object=False, value=61.0)
@example(written="2026", judged="2025", same_object=False, value=61.0)
def test_one_outcome_is_taken_as_of_its_period_whether_or_not_the_period_is_the_same_object(
    written: str, judged: str, same_object: bool, value: float | None
) -> None:
    period = parse_period(judged)
    own = parse_period(written)
    assert period is not None and own is not None
    if same_object and own == period:
        own = period
    entry = _outcome(own, value)
    result = judge(_indicator({"targets": [{"year": 2026, "value": 80}]}), period, [entry], Scale())
    assert (result.outcome is entry) == (own == period)
    assert result.history == ([(own, value)] if value is not None and own <= period else [])
    assert result.trend is Trend.UNKNOWN


@settings(max_examples=300, deadline=None)
@given(
    outcome=st.one_of(st.none(), st.floats(allow_nan=False), st.integers(-5, 120).map(float)),
    better=st.sampled_from(["higher", "lower", "range", None, "sideways"]),
    target=st.one_of(st.none(), st.sampled_from([0.0, -3.0, 80.0])),
    low=st.one_of(st.none(), st.just(40.0)),
    high=st.one_of(st.none(), st.just(90.0)),
)
def test_an_outcome_is_judged_as_its_fulfilment_and_band_say(
    outcome: float | None,
    better: str | None,
    target: float | None,
    low: float | None,
    high: float | None,
) -> None:
    """Without a target, the quick answer is the one the fulfilment and the bands give."""
    scale = Scale()
    judged = judge_value(outcome, scale, better=better, target=target, low=low, high=high)
    if outcome is None:
        assert judged == Judgement(None, Status.NOT_FOLLOWED_UP)
        return
    if better != "range" and target == 0:
        return  # a target of zero is judged by the side of zero (its own tests)
    has_target = target is not None if better != "range" else None not in (low, high)
    percent = fulfilment(outcome, better=better, target=target, low=low, high=high)
    status = status_of(percent, scale, has_outcome=True, has_target=has_target)
    assert judged == Judgement(percent, status)
