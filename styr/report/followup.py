"""Follow-up in the report: each indicator's outcome and each goal's fulfilment, for one period.

The judging is `styr.followup`'s (the same as `styr status`); this module only
turns its results into words and symbols for the page: a status is always a
symbol and a word, never a colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from styr.followup.evaluate import FollowUp, OutcomeEntry, evaluate, judge, read_outcomes
from styr.followup.fulfilment import (
    SYMBOLS,
    TREND_SYMBOLS,
    Scale,
    Status,
    read_scale,
    shown_percent,
    trend_name,
)
from styr.followup.periods import Period
from styr.i18n import N_, translate
from styr.model.index import Index
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.sparkline import sparkline


@dataclass(frozen=True, slots=True)
class StatusView:
    key: str  # met | partly_met | not_met | not_followed_up | no_target | no_indicator: CSS
    symbol: str
    label: str
    period: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeView:
    period: str
    value: str
    women: str
    men: str
    percent: str
    status: StatusView
    trend: str
    source: str
    comment: str
    chart: str = ""  # inline SVG markup of the outcomes so far, or ""
    # Where the period has no target: the next one and its year ("" when none).
    next_target: str = ""
    next_target_year: str = ""


@dataclass(slots=True)
class FollowUpLookup:
    """Outcomes and statuses by element, for the period the report shows."""

    period: str = ""
    goals: dict[int, StatusView] = field(default_factory=dict)
    analyses: dict[int, list[str]] = field(default_factory=dict)
    outcomes: dict[int, OutcomeView] = field(default_factory=dict)
    summary: list[tuple[StatusView, int]] = field(default_factory=list)


def follow_up(repository: Repository, index: Index, language: str) -> FollowUpLookup:
    """The latest period's follow-up; empty when the repository has no outcomes."""
    read = read_outcomes(repository)
    outcomes = read[0]
    if not outcomes:
        return FollowUpLookup()
    scale = read_scale(repository.manifest_data.get("follow_up"))
    result = evaluate(repository, index, scale, read=read)
    if result.period is None:
        return FollowUpLookup()
    lookup = FollowUpLookup(period=result.period.text)
    counts: dict[Status, int] = {}
    for goal in result.goals:
        if goal.goal.category != "goal" and not goal.indicators:
            continue
        lookup.goals[id(goal.goal)] = _status(goal.status, scale, language, result.period.text)
        if goal.analysis:
            lookup.analyses[id(goal.goal)] = fmt.paragraphs(goal.analysis)
        if goal.goal.category == "goal":
            counts[goal.status] = counts.get(goal.status, 0) + 1
    _indicators(lookup, result, index, outcomes_by_indicator(outcomes), scale, language)
    order = [Status.MET, Status.PARTLY_MET, Status.NOT_MET, Status.NOT_FOLLOWED_UP]
    order += [Status.NO_TARGET, Status.NO_INDICATOR]
    lookup.summary = [(_status(s, scale, language), counts[s]) for s in order if counts.get(s)]
    return lookup


def outcomes_by_indicator(outcomes: list[OutcomeEntry]) -> dict[str, list[OutcomeEntry]]:
    grouped: dict[str, list[OutcomeEntry]] = {}
    for outcome in outcomes:
        grouped.setdefault(outcome.indicator, []).append(outcome)
    return grouped


def _indicators(
    lookup: FollowUpLookup,
    result: FollowUp,
    index: Index,
    by_indicator: dict[str, list[OutcomeEntry]],
    scale: Scale,
    language: str,
) -> None:
    """Every indicator with an outcome in the period, under a goal or not."""
    period = result.period
    if period is None:
        return
    for element in index.of_category("indicator"):
        entries = by_indicator.get(element.id or "")
        if not entries:
            continue
        judged = judge(element, period, entries, scale)
        outcome = judged.outcome
        if outcome is None:
            continue
        percent = (
            fmt.number(shown_percent(judged.percent, judged.status, scale), language)
            if judged.percent is not None
            else ""
        )
        upcoming = judged.next_target
        trend_symbol = TREND_SYMBOLS[judged.trend]
        trend_label = trend_name(judged.trend, language)
        lookup.outcomes[id(element)] = OutcomeView(
            period=period.text,
            value=fmt.number(outcome.value, language) if outcome.value is not None else "",
            women=fmt.number(outcome.women, language) if outcome.women is not None else "",
            men=fmt.number(outcome.men, language) if outcome.men is not None else "",
            percent=f"{percent}\u00a0%" if percent else "",
            status=_status(judged.status, scale, language, period.text),
            trend=f"{trend_symbol} {trend_label}".strip(),
            source=fmt.one_line(outcome.source),
            comment=fmt.one_line(outcome.comment),
            chart=_chart(judged.history, judged.target, language),
            next_target=fmt.number(upcoming[1], language) if upcoming else "",
            next_target_year=str(upcoming[0]) if upcoming else "",
        )


def _chart(history: list[tuple[Period, float]], target: float | None, language: str) -> Markup:
    """A trend chart once there are two periods to draw a line between."""
    if len(history) < 2:
        return Markup("")
    points = "; ".join(f"{p.text}: {fmt.number(v, language)}" for p, v in history)
    if target is None:
        label = translate(N_("Outcomes {points}"), language, points=points)
    else:
        label = translate(
            N_("Outcomes {points}; target {target}"),
            language,
            points=points,
            target=fmt.number(target, language),
        )
    return sparkline([v for _, v in history], target, label)


def _status(status: Status, scale: Scale, language: str, period: str = "") -> StatusView:
    return StatusView(status.value, SYMBOLS[status], scale.label(status, language), period)
