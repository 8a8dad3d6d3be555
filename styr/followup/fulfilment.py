"""Goal fulfilment (måluppfyllelse): outcome against target, banded into a status.

The default bands are Helsingborg's 2015–2018 rule: met at 100 % fulfilment,
partly met above 90 % (91–99 %), not met at 90 % or lower, and "not followed
up" without an outcome. A repository can set its own thresholds and labels.

A target of zero ("noll dödsolyckor") has no ratio: it is met or not met by
which side of zero the outcome is on. The percentage shown beside a status is
rounded so that it never contradicts the status (`shown_percent`).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from typing import Any

from styr.i18n import LANGUAGES, N_, translate


class Status(enum.Enum):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NOT_FOLLOWED_UP = "not_followed_up"
    NO_TARGET = "no_target"
    NO_INDICATOR = "no_indicator"  # a goal with no indicator to judge it by

    # Hashed by identity: each status is one object in a process, and a status is a key of
    # a mapping four times a goal in a report (Enum's own hash of the name is a call in
    # Python, about twice the cost of the lookup). A pickled status comes back as the same
    # object, and a mapping unpickled hashes its keys anew, so nothing depends on the name.
    __hash__ = object.__hash__


# Worst first: a goal judged by its worst indicator takes the first that occurs.
SEVERITY_ORDER = (Status.NOT_MET, Status.PARTLY_MET, Status.MET)
# Each status named once here for the functions below, which run for every indicator and
# goal: on Python 3.11 `Status.MET` written in a function is a look-up through the enum's
# class (about 0.1 µs each), a module's name a tenth of that.
_MET_S, _PARTLY_MET_S, _NOT_MET_S = Status.MET, Status.PARTLY_MET, Status.NOT_MET
_NOT_FOLLOWED_UP_S, _NO_TARGET_S, _NO_INDICATOR_S = (
    Status.NOT_FOLLOWED_UP,
    Status.NO_TARGET,
    Status.NO_INDICATOR,
)

LABELS: dict[Status, str] = {
    Status.MET: N_("Met"),
    Status.PARTLY_MET: N_("Partly met"),
    Status.NOT_MET: N_("Not met"),
    Status.NOT_FOLLOWED_UP: N_("Not followed up"),
    # Said of the period judged: an indicator may well have a target for a later year,
    # shown beside this status, and "no target" alone would contradict it.
    Status.NO_TARGET: N_("No target for the period"),
    Status.NO_INDICATOR: N_("No indicator"),
}
# A symbol for each status, so that status never rests on colour alone.
SYMBOLS = {
    Status.MET: "●",
    Status.PARTLY_MET: "◐",
    Status.NOT_MET: "○",
    Status.NOT_FOLLOWED_UP: "–",
    Status.NO_TARGET: "·",
    Status.NO_INDICATOR: "◌",
}


@dataclass(frozen=True, slots=True)
class Scale:
    """Where the bands start, in percent fulfilment."""

    met_from: float = 100.0
    partly_met_above: float = 90.0
    round_to_whole_percent: bool = False
    goal_rule: str = "worst"  # worst | majority | all_met
    # The manifest's own words for a status, by language; the catalogue's where it has none.
    labels: dict[str, dict[Status, str]] = field(default_factory=dict)

    def label(self, status: Status, language: str) -> str:
        return self.labels.get(language, {}).get(status) or translate(LABELS[status], language)


def read_scale(data: Any) -> Scale:
    """The scale a manifest's `follow_up:` section declares (defaults where it says nothing)."""
    if not isinstance(data, dict):
        return Scale()
    labels: dict[str, dict[Status, str]] = {language: {} for language in LANGUAGES}
    written = data.get("labels")  # not a mapping: the schema says so, the defaults stand
    for language, given in written.items() if isinstance(written, dict) else ():
        if language in labels and isinstance(given, dict):
            for key, text in given.items():
                if isinstance(text, str) and key in Status._value2member_map_:
                    labels[language][Status(key)] = text
    return Scale(
        met_from=_number(data.get("met_from"), 100.0),
        partly_met_above=_number(data.get("partly_met_above"), 90.0),
        round_to_whole_percent=data.get("round_to_whole_percent") is True,
        goal_rule=str(data["goal_rule"]) if data.get("goal_rule") in _GOAL_RULES else "worst",
        labels=labels,
    )


def _number(value: Any, default: float) -> float:
    return (
        float(value) if isinstance(value, int | float) and not isinstance(value, bool) else default
    )


def fulfilment(
    outcome: float,
    *,
    better: str | None,
    target: float | None = None,
    low: float | None = None,
    high: float | None = None,
) -> float | None:
    """Percent fulfilment, honouring which direction is better; None when undefined.

    Higher is better: outcome / target. Lower is better: target / outcome (a
    waiting time of 40 days against a target of 30 is 75 %). A range is 100 %
    inside it and falls off with the distance outside it. Where a value is zero
    or negative, the shortfall is measured against the size of the target. A
    target of zero has no percentage at all (see `judge_value`).
    """
    if better == "range":
        if low is None or high is None:
            return None
        if low <= outcome <= high:
            return 100.0
        edge = low if outcome < low else high
        return _ratio(min(outcome, edge), max(outcome, edge))
    if target is None or target == 0:
        return None
    if target < 0 or outcome <= 0:
        # A ratio means nothing across zero (a cost deviation of -8 % against a
        # target of -10 %); measure the shortfall against the target's size.
        if _on_the_right_side(outcome, target, better):
            return 100.0
        return 100.0 - 100.0 * abs(outcome - target) / abs(target)
    # Over-fulfilment shows as more than 100 %, as published scorecards print it.
    return _ratio(target, outcome) if better == "lower" else _ratio(outcome, target)


def _on_the_right_side(outcome: float, target: float, better: str | None) -> bool:
    """At the target or beyond it in the better direction (higher unless said otherwise)."""
    return outcome <= target if better == "lower" else outcome >= target


def _ratio(numerator: float, denominator: float) -> float | None:
    if denominator == 0:
        return None
    value = 100.0 * numerator / denominator
    return value if math.isfinite(value) else None


# Not frozen, hashed as if it were: made for every indicator judged, and a frozen
# dataclass's __init__ (a setattr through object per field) was several times as slow.
@dataclass(slots=True, unsafe_hash=True)
class Judgement:
    """An outcome judged: the percentage (None where there is none) and the status."""

    percent: float | None
    status: Status


# The judgements without a percentage, one of each shared by every outcome judged so (most
# are between their target years), not one made for each of 100,000 indicators.
_NOT_FOLLOWED_UP = Judgement(None, Status.NOT_FOLLOWED_UP)
_NO_TARGET = Judgement(None, Status.NO_TARGET)
_MET = Judgement(None, Status.MET)
_NOT_MET = Judgement(None, Status.NOT_MET)


def judge_value(
    outcome: float | None,
    scale: Scale,
    *,
    better: str | None,
    target: float | None = None,
    low: float | None = None,
    high: float | None = None,
) -> Judgement:
    """An outcome against its target (or range): the one place a status is decided.

    A target of zero ("noll dödsolyckor", "inga vräkningar av barn") cannot be
    divided by, and "how much of nothing" means nothing: it is met when the
    outcome is at zero or on the better side of it, and not met otherwise
    (lower is better: 0 met, 2 not met; higher is better: 0 met, -1 not met).
    There is no "partly met" for it.
    """
    if outcome is None:
        return _NOT_FOLLOWED_UP
    if target is None and better != "range":
        # No target for the period (most indicators between their target years): no
        # percentage, whatever the outcome, and so no fulfilment or band to work out.
        return _NO_TARGET
    if better != "range" and target == 0:
        return _MET if _on_the_right_side(outcome, 0.0, better) else _NOT_MET
    has_target = target is not None if better != "range" else None not in (low, high)
    percent = fulfilment(outcome, better=better, target=target, low=low, high=high)
    return Judgement(percent, status_of(percent, scale, has_outcome=True, has_target=has_target))


def status_of(
    percent: float | None, scale: Scale, *, has_outcome: bool, has_target: bool
) -> Status:
    if not has_outcome:
        return _NOT_FOLLOWED_UP_S
    if not has_target or percent is None:
        return _NO_TARGET_S
    return _band(_judged_percent(percent, scale), scale)


def _judged_percent(percent: float, scale: Scale) -> float:
    # Six decimals: 77.4 of 86 is 90 %, not 90.00000000000001 % and so "above 90".
    return _round_half_up(percent, 0 if scale.round_to_whole_percent else 6)


def _band(percent: float, scale: Scale) -> Status:
    if percent >= scale.met_from:
        return _MET_S
    if percent > scale.partly_met_above:
        return _PARTLY_MET_S
    return _NOT_MET_S


def _round_half_up(value: float, decimals: int) -> float:
    # Not round(): its banker's rounding makes 90.5 % "90 %", which no reader expects.
    scaled = value * 10.0**decimals
    if not math.isfinite(scaled):
        return value  # far beyond any band: nothing to round
    return math.floor(scaled + 0.5) / 10.0**decimals


def shown_percent(percent: float, status: Status, scale: Scale) -> float:
    """The percentage to print beside `status`: whole, unless that would contradict it.

    Rounded to a whole percent, 99.96 % would print "100 %" beside "partly met"
    and 90.04 % "90 %" beside it. Where whole-percent rounding lands in another
    band, the value is cut towards the status's own band at one decimal (99.9 %,
    90.1 %), or more decimals where one is not enough. With
    `round_to_whole_percent`, the whole percent the status was judged on is shown.
    """
    if scale.round_to_whole_percent:
        return _judged_percent(percent, scale)
    whole = _round_half_up(percent, 0)
    if status not in SEVERITY_ORDER or _band(whole, scale) is status:
        return whole
    towards = math.floor if _rank(_band(whole, scale)) > _rank(status) else math.ceil
    for decimals in range(1, 7):
        factor = 10.0**decimals
        cut = towards(percent * factor) / factor
        if _band(cut, scale) is status:
            return cut
    return percent  # within a millionth of a boundary: the exact value


def _rank(status: Status) -> int:
    return SEVERITY_ORDER.index(status)


def goal_status(statuses: list[Status], rule: str = "worst") -> Status:
    """A goal's status from its indicators' statuses ("no indicator" when it has none)."""
    if not statuses:
        return _NO_INDICATOR_S
    if len(statuses) == 1 and rule in _GOAL_RULES:  # most goals: one indicator, its status
        (only,) = statuses
        if only in SEVERITY_ORDER or only is _NOT_FOLLOWED_UP_S:
            return only
        return _NO_TARGET_S
    judged = [s for s in statuses if s in SEVERITY_ORDER]
    if not judged:
        return _NOT_FOLLOWED_UP_S if _NOT_FOLLOWED_UP_S in statuses else _NO_TARGET_S
    return _GOAL_RULES[rule](judged)


def _worst(statuses: list[Status]) -> Status:
    return next(s for s in SEVERITY_ORDER if s in statuses)


def _majority(statuses: list[Status]) -> Status:
    counts = {s: statuses.count(s) for s in SEVERITY_ORDER}
    # Ties go to the less favourable status: a goal is not met by a coin toss.
    return max(SEVERITY_ORDER, key=lambda s: (counts[s], -SEVERITY_ORDER.index(s)))


def _all_met(statuses: list[Status]) -> Status:
    if all(s is _MET_S for s in statuses):
        return _MET_S
    return _NOT_MET_S if all(s is _NOT_MET_S for s in statuses) else _PARTLY_MET_S


_GOAL_RULES = {"worst": _worst, "majority": _majority, "all_met": _all_met}


class Trend(enum.Enum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"


# Signs of the judgement, not arrows: where lower is better, an improvement is a falling
# value, and "↗ improving" beside it would point the wrong way. The way a value moves is
# the chart's to show (styr.report.chart), with an arrow that follows the line.
TREND_SYMBOLS = {
    Trend.IMPROVING: "+",
    Trend.WORSENING: "−",
    Trend.UNCHANGED: "=",
    Trend.UNKNOWN: "",
}
TREND_LABELS: dict[Trend, str] = {
    Trend.IMPROVING: N_("improving"),
    Trend.WORSENING: N_("worsening"),
    Trend.UNCHANGED: N_("unchanged"),
    Trend.UNKNOWN: "",
}


def trend_name(value: Trend, language: str) -> str:
    """The trend in words ("förbättras"); nothing for an unknown trend."""
    return translate(TREND_LABELS[value], language)


# As the statuses above: named once for `trend`, which runs for every indicator.
_IMPROVING_T, _WORSENING_T = Trend.IMPROVING, Trend.WORSENING
_UNCHANGED_T, _UNKNOWN_T = Trend.UNCHANGED, Trend.UNKNOWN


def trend(values: list[float], better: str | None) -> Trend:
    """The direction of the last change, judged by which direction is better."""
    if len(values) < 2 or better not in ("higher", "lower"):
        return _UNKNOWN_T
    change = values[-1] - values[-2]
    if change == 0:
        return _UNCHANGED_T
    improving = change > 0 if better == "higher" else change < 0
    return _IMPROVING_T if improving else _WORSENING_T
