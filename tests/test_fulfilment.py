"""Goal fulfilment: the banding rule, directions, ranges, goal aggregation and trends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styr.followup.fulfilment import (
    Scale,
    Status,
    Trend,
    fulfilment,
    goal_status,
    judge_value,
    read_scale,
    shown_percent,
    status_of,
    trend,
)
from styr.followup.periods import parse_period

HELSINGBORG = Scale()  # 100 % met, 91–99 % partly met, 90 % or lower not met


def judge(outcome: float | None, target: float, better: str, scale: Scale = HELSINGBORG) -> Status:
    percent = fulfilment(outcome, better=better, target=target) if outcome is not None else None
    return status_of(percent, scale, has_outcome=outcome is not None, has_target=True)


@pytest.mark.parametrize(
    ("outcome", "target", "better", "expected"),
    [
        (86.0, 86.0, "higher", Status.MET),
        (90.0, 86.0, "higher", Status.MET),
        (80.0, 86.0, "higher", Status.PARTLY_MET),  # 93 %
        (77.4, 86.0, "higher", Status.NOT_MET),  # exactly 90 %: "90 % or lower" is red
        (77.5, 86.0, "higher", Status.PARTLY_MET),  # 90.1 %
        (30.0, 30.0, "lower", Status.MET),
        (25.0, 30.0, "lower", Status.MET),
        (32.0, 30.0, "lower", Status.PARTLY_MET),  # 93.75 %
        (40.0, 30.0, "lower", Status.NOT_MET),  # 75 %
        (None, 30.0, "lower", Status.NOT_FOLLOWED_UP),
    ],
)
def test_helsingborg_banding(
    outcome: float | None, target: float, better: str, expected: Status
) -> None:
    assert judge(outcome, target, better) is expected


def test_range_is_met_inside_and_falls_off_outside() -> None:
    assert fulfilment(95, better="range", low=90, high=100) == 100.0
    assert fulfilment(81, better="range", low=90, high=100) == pytest.approx(90.0)
    assert fulfilment(110, better="range", low=90, high=100) == pytest.approx(100 * 100 / 110)


def test_no_target() -> None:
    assert status_of(None, HELSINGBORG, has_outcome=True, has_target=False) is Status.NO_TARGET
    assert judge_value(5.0, HELSINGBORG, better="higher").status is Status.NO_TARGET
    assert judge_value(None, HELSINGBORG, better="lower", target=0).status is (
        Status.NOT_FOLLOWED_UP
    )


@pytest.mark.parametrize(
    ("outcome", "better", "expected"),
    [
        (0.0, "lower", Status.MET),  # "noll dödsolyckor": none happened
        (-1.0, "lower", Status.MET),  # below zero is on the right side too
        (2.0, "lower", Status.NOT_MET),  # two deaths against a target of none
        (0.1, "lower", Status.NOT_MET),  # no "partly met" just above zero
        (0.0, "higher", Status.MET),  # e.g. a budget result of at least 0
        (3.0, "higher", Status.MET),
        (-0.5, "higher", Status.NOT_MET),
        (-1.0, None, Status.NOT_MET),  # no direction given: higher is better
    ],
)
def test_a_zero_target_is_judged_by_the_side_of_zero(
    outcome: float, better: str | None, expected: Status
) -> None:
    judged = judge_value(outcome, HELSINGBORG, better=better, target=0.0)
    assert judged.status is expected
    assert judged.percent is None  # no ratio to a target of zero
    assert fulfilment(outcome, better=better, target=0.0) is None


def test_a_goal_without_indicators_has_its_own_status() -> None:
    assert goal_status([]) is Status.NO_INDICATOR
    assert goal_status([Status.NO_TARGET]) is Status.NO_TARGET
    assert HELSINGBORG.label(Status.NO_INDICATOR, "sv") == "Ingen indikator"
    assert HELSINGBORG.label(Status.NO_INDICATOR, "en") == "No indicator"
    assert HELSINGBORG.label(Status.NO_INDICATOR, "sv") != HELSINGBORG.label(Status.NO_TARGET, "sv")


def test_negative_values_are_judged_by_the_shortfall() -> None:
    # Huddinge's "-10 % i nettokostnadsavvikelse": lower is better, values below zero.
    assert fulfilment(-11.0, better="lower", target=-10.0) == 100.0
    assert fulfilment(-8.0, better="lower", target=-10.0) == pytest.approx(80.0)
    assert judge(-9.5, -10.0, "lower") is Status.PARTLY_MET


def test_rounding_to_whole_percent_is_a_choice() -> None:
    rounding = Scale(round_to_whole_percent=True)
    assert judge(85.6, 86.0, "higher") is Status.PARTLY_MET  # 99.5 %
    assert judge(85.6, 86.0, "higher", rounding) is Status.MET  # rounds to 100 %


@pytest.mark.parametrize(
    ("percent", "shown"),
    [
        (99.96, 99.9),  # whole: "100 %" beside "partly met"
        (99.5, 99.5),  # whole: 100
        (99.4, 99.0),  # rounds within its band: whole
        (100.0, 100.0),
        (100.4, 100.0),
        (90.04, 90.1),  # whole: "90 %" beside "partly met"
        (90.5, 91.0),  # half up, not banker's rounding (which gives 90, "not met")
        (90.6, 91.0),
        (90.0, 90.0),  # exactly 90 % is not met, and shows so
        (89.96, 90.0),  # not met, and 90 % is not met too
        (90.000001, 90.1),  # a millionth above the boundary is partly met
    ],
)
def test_the_shown_percentage_never_contradicts_the_status(percent: float, shown: float) -> None:
    status = status_of(percent, HELSINGBORG, has_outcome=True, has_target=True)
    assert shown_percent(percent, status, HELSINGBORG) == pytest.approx(shown)
    assert status_of(shown, HELSINGBORG, has_outcome=True, has_target=True) is status


@pytest.mark.parametrize("boundary", [75.0, 100.0])
@pytest.mark.parametrize("offset", [-0.6, -0.5, -0.04, -0.001, 0.0, 0.001, 0.04, 0.5, 0.6])
def test_no_shown_percentage_crosses_a_band_boundary(boundary: float, offset: float) -> None:
    scale = Scale(met_from=100.0, partly_met_above=75.0)
    percent = boundary + offset
    status = status_of(percent, scale, has_outcome=True, has_target=True)
    shown = shown_percent(percent, status, scale)
    assert status_of(shown, scale, has_outcome=True, has_target=True) is status
    assert abs(shown - percent) <= 0.5


@given(
    percent=st.floats(min_value=-500, max_value=500, allow_nan=False),
    partly_met_above=st.floats(min_value=0, max_value=99),
    width=st.floats(min_value=0.01, max_value=50),
    whole=st.booleans(),
)
def test_any_shown_percentage_is_judged_as_its_status(
    percent: float, partly_met_above: float, width: float, whole: bool
) -> None:
    scale = Scale(
        met_from=partly_met_above + width,
        partly_met_above=partly_met_above,
        round_to_whole_percent=whole,
    )
    status = status_of(percent, scale, has_outcome=True, has_target=True)
    shown = shown_percent(percent, status, scale)
    assert status_of(shown, scale, has_outcome=True, has_target=True) is status
    assert abs(shown - percent) <= 0.5 + 1e-9


def test_whole_percent_judging_shows_the_whole_percent_it_judged() -> None:
    rounding = Scale(round_to_whole_percent=True)
    assert shown_percent(99.5, Status.MET, rounding) == 100.0
    assert status_of(90.5, rounding, has_outcome=True, has_target=True) is Status.PARTLY_MET
    assert shown_percent(90.5, Status.PARTLY_MET, rounding) == 91.0


def test_plain_met_partly_not_met_scale_from_the_manifest() -> None:
    scale = read_scale(
        {"met_from": 100, "partly_met_above": 75, "labels": {"sv": {"met": "Grönt"}}}
    )
    assert judge(70.0, 86.0, "higher", scale) is Status.PARTLY_MET  # 81 %
    assert scale.label(Status.MET, "sv") == "Grönt"
    assert scale.label(Status.NOT_MET, "en") == "Not met"


@pytest.mark.parametrize(
    ("rule", "statuses", "expected"),
    [
        ("worst", [Status.MET, Status.PARTLY_MET], Status.PARTLY_MET),
        ("worst", [Status.MET, Status.NOT_FOLLOWED_UP], Status.MET),
        ("worst", [Status.NOT_FOLLOWED_UP], Status.NOT_FOLLOWED_UP),
        ("majority", [Status.MET, Status.MET, Status.NOT_MET], Status.MET),
        ("majority", [Status.MET, Status.NOT_MET], Status.NOT_MET),
        ("all_met", [Status.MET, Status.PARTLY_MET], Status.PARTLY_MET),
        ("all_met", [Status.MET, Status.MET], Status.MET),
    ],
)
def test_goal_status_rules(rule: str, statuses: list[Status], expected: Status) -> None:
    assert goal_status(statuses, rule) is expected


def test_trend_honours_which_direction_is_better() -> None:
    assert trend([50, 55], "higher") is Trend.IMPROVING
    assert trend([50, 55], "lower") is Trend.WORSENING
    assert trend([50, 50], "lower") is Trend.UNCHANGED
    assert trend([50], "lower") is Trend.UNKNOWN


def test_periods_order_by_their_end() -> None:
    periods = [parse_period(p) for p in ("2024", "2024-T1", "2024-H1", "2023", "2024-T2")]
    assert [p.text for p in sorted(p for p in periods if p)] == [
        "2023",
        "2024-T1",
        "2024-H1",
        "2024-T2",
        "2024",
    ]
    assert parse_period("2024-T4") is None
    assert parse_period("24") is None
    assert parse_period(2024) == parse_period("2024")


def test_a_judgement_is_a_value_equal_and_hashed_by_its_percent_and_status() -> None:
    first = judge_value(61.0, HELSINGBORG, better="higher", target=80.0)
    again = judge_value(61.0, HELSINGBORG, better="higher", target=80.0)
    assert first == again and hash(first) == hash(again)
    assert first != judge_value(79.0, HELSINGBORG, better="higher", target=80.0)
