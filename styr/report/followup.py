"""Follow-up in the report: each indicator's outcome and each goal's fulfilment, for one period.

The judging is `styr.followup`'s (the same as `styr status`); this module only
turns its results into words and symbols for the page: a status is always a
symbol and a word, never a colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from styr.followup.evaluate import (
    IndicatorResult,
    OutcomeEntry,
    evaluate,
    group_by_indicator,
    judge,
    read_outcomes,
    target_values,
)
from styr.followup.fulfilment import SYMBOLS, Scale, Status, read_scale, shown_percent
from styr.followup.periods import Period
from styr.followup.targets import only_target
from styr.model.index import Element, Index
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.chart import (
    Chart,
    ChartOutcome,
    build_chart,
    is_one_outcome_shape,
    one_outcome_chart,
)
from styr.report.credit import outcome_note


@dataclass(frozen=True, slots=True)
class StatusView:
    key: str  # met | partly_met | not_met | not_followed_up | no_target | no_indicator: CSS
    symbol: str
    label: str
    period: str = ""


# Not frozen, hashed as if it were: made for every indicator of a report, and a frozen
# dataclass's __init__ (a setattr through object per field) was ten times as slow.
@dataclass(slots=True, unsafe_hash=True)
class OutcomeView:
    period: str
    value: str
    women: str
    men: str
    percent: str
    status: StatusView
    trend: str  # the trend with its arrow, as the chart says it ("" with one period)
    source: str
    comment: str
    chart: Chart | None = None  # every period's outcomes and the targets, drawn and tabled
    # Where the period has no target: the next one and its year ("" when none).
    next_target: str = ""
    next_target_year: str = ""
    # "Källa: Kolada (N15428)" for a value `styr kolada pull` fetched (styr.report.credit).
    credit: str = ""
    # Kolada marks the value preliminary: the renderings say so by the figure.
    preliminary: bool = False


@dataclass(slots=True)
class FollowUpLookup:
    """Outcomes and statuses by element, for the period the report shows."""

    period: str = ""
    goals: dict[int, StatusView] = field(default_factory=dict)
    analyses: dict[int, list[str]] = field(default_factory=dict)
    outcomes: Outcomes = field(default_factory=lambda: Outcomes())
    summary: list[tuple[StatusView, int]] = field(default_factory=list)


class Outcomes:
    """Each indicator's outcome, by element: made when the indicator's view is, not kept.

    An outcome's view holds its chart; made for every indicator up front, the
    charts of 100,000 indicators took 400 MB while the page was written. Made
    when the view of the organisation that owns the indicator is built (see
    `Organisations`), only that organisation's are held at once. What is kept
    until then is what was judged, and one way to make every view from it.
    """

    __slots__ = ("_judged", "_make")

    def __init__(
        self,
        make: Callable[[IndicatorResult, list[OutcomeEntry], str], OutcomeView] | None = None,
    ) -> None:
        # Each indicator's judging and its outcomes of every period, by the indicator: the
        # outcomes kept with it, not looked up again by its id in a mapping of them all (a
        # lookup in a mapping of 100,000, seldom in the processor's cache, for every view).
        self._judged: dict[int, tuple[IndicatorResult, list[OutcomeEntry]]] = {}
        self._make = make

    def add(self, judged: IndicatorResult, entries: list[OutcomeEntry]) -> None:
        """`judged`, of the indicator `judged.indicator`, whose outcomes are `entries`."""
        self._judged[id(judged.indicator)] = (judged, entries)

    def get(self, key: int, chart_id: str = "") -> OutcomeView | None:
        """The outcome's view, its chart named `chart_id` (unique on the page)."""
        judged = self._judged.get(key)
        return None if judged is None or self._make is None else self._make(*judged, chart_id)

    def __contains__(self, key: object) -> bool:
        return key in self._judged

    def __len__(self) -> int:
        return len(self._judged)


def follow_up(repository: Repository, index: Index, language: str) -> FollowUpLookup:
    """The latest period's follow-up; empty when the repository has no outcomes."""
    read = read_outcomes(repository)
    outcomes = read[0]
    if not outcomes:
        return FollowUpLookup()
    scale = read_scale(repository.manifest_data.get("follow_up"))
    # Grouped once, for the judging and for the charts.
    by_indicator = group_by_indicator(outcomes)
    result = evaluate(repository, index, scale, read=read, by_area=False, grouped=by_indicator)
    if result.period is None:
        return FollowUpLookup()
    lookup = FollowUpLookup(period=result.period.text)
    status_of = _shared_statuses(scale, language, result.period.text)
    counts: dict[Status, int] = {}
    # Each indicator the goals' judging has judged, by the indicator: in the same pass over
    # the goals as their statuses, not a second one.
    already: dict[int, IndicatorResult] = {}
    for goal in result.goals:
        element = goal.goal
        if element.category != "goal" and not goal.indicators:
            continue
        lookup.goals[id(element)] = status_of(goal.status)
        if goal.analysis:
            lookup.analyses[id(element)] = fmt.paragraphs(goal.analysis)
        # Every goal judged is counted: a council goal, and an indicator that stands as a
        # goal of its own (Huddinge's smart goals), as well as the boards' goals.
        counts[goal.status] = counts.get(goal.status, 0) + 1
        for judged in goal.indicators:
            already[id(judged.indicator)] = judged
    # By position: a call by keyword matches each name in Python's frame set-up, per view.
    lookup.outcomes = Outcomes(partial(_outcome_view, scale, language, status_of))
    _indicators(lookup, result.period, index, by_indicator, scale, already)
    order = [Status.MET, Status.PARTLY_MET, Status.NOT_MET, Status.NOT_FOLLOWED_UP]
    order += [Status.NO_TARGET, Status.NO_INDICATOR]
    lookup.summary = [(_status(s, scale, language), counts[s]) for s in order if counts.get(s)]
    return lookup


def _indicators(
    lookup: FollowUpLookup,
    period: Period,
    index: Index,
    by_indicator: dict[str, list[OutcomeEntry]],
    scale: Scale,
    already: dict[int, IndicatorResult],
) -> None:
    """Every indicator with an outcome in the period, under a goal or not.

    An indicator the goals' judging has judged already (`already`) is not judged again.
    """
    for element in index.of_category("indicator"):
        entries = by_indicator.get(element.id or "")
        if not entries:
            continue
        judged = already.get(id(element)) or judge(element, period, entries, scale)
        # Followed before but not in this period: "not followed up", and the chart of before.
        if judged.outcome is not None or judged.history:
            lookup.outcomes.add(judged, entries)


def _outcome_view(
    scale: Scale,
    language: str,
    status_of: Callable[[Status], StatusView],
    judged: IndicatorResult,
    entries: list[OutcomeEntry],
    chart_id: str,
) -> OutcomeView:
    """An indicator's outcome in the period, in the words and with the chart of the page."""
    element, outcome, upcoming = judged.indicator, judged.outcome, judged.next_target
    shown = (
        fmt.number(shown_percent(judged.percent, judged.status, scale), language)
        if judged.percent is not None
        else ""
    )
    chart = indicator_chart(element, judged, entries, language, chart_id)
    if outcome is None:  # followed before, not in this period
        value = women = men = source = comment = credit = ""
    else:
        value = "" if outcome.value is None else fmt.number(outcome.value, language)
        # The figures for women and men, the source and the comment are mostly not given.
        women = "" if outcome.women is None else fmt.number(outcome.women, language)
        men = "" if outcome.men is None else fmt.number(outcome.men, language)
        source = "" if outcome.source is None else fmt.one_line(outcome.source)
        comment = "" if outcome.comment is None else fmt.one_line(outcome.comment)
        credit = outcome_note(outcome, element.data.get("kolada"), language)
    # By position, in the order of the fields: made for every indicator, and a call by
    # keyword matched each of its fourteen names.
    return OutcomeView(
        judged.period.text,
        value,
        women,
        men,
        f"{shown}\u00a0%" if shown else "",
        status_of(judged.status),
        # One outcome (most charts) has no trend: no text to make of it.
        chart.trend_text if chart and (chart.trend or chart.trend_symbol) else "",
        source,
        comment,
        chart,
        fmt.number(upcoming[1], language) if upcoming else "",
        str(upcoming[0]) if upcoming else "",
        credit,
        outcome is not None and outcome.preliminary,
    )


def indicator_chart(
    element: Element,
    judged: IndicatorResult,
    entries: list[OutcomeEntry],
    language: str,
    chart_id: str = "",
) -> Chart | None:
    """The chart of every period up to the one judged, with the indicator's targets.

    One outcome per period: the first written, as `judge` takes it (a second
    one is a finding of its own).
    """
    data = element.data
    period = judged.period
    outcomes: list[ChartOutcome]
    if len(entries) == 1:  # most indicators: one outcome, nothing to order or choose from
        (entry,) = entries
        # Of the period judged, as it mostly is: the same period, no comparison to make.
        drawn = entry.period is period or entry.period <= period
        outcomes = (
            [ChartOutcome(entry.period, entry.value, entry.women, entry.men)] if drawn else []
        )
    else:
        first: dict[Period, OutcomeEntry] = {}
        for entry in entries:
            if entry.period <= period:
                first.setdefault(entry.period, entry)
        outcomes = [ChartOutcome(p, e.value, e.women, e.men) for p, e in first.items()]
    one = only_target(data)
    targets: list[tuple[int, float]] = []
    if one is not None:  # most indicators: one target of a whole year and no milestones
        whole_year, target = one
        if target is not None:
            targets = [(whole_year, target)]
    elif values := target_values(data):  # every year's, in one pass: not one pass a year
        if len(values) == 1 and type(only := next(iter(values))) is int:
            # One target, of a whole year. Every year written as a whole number that has a
            # value is that year, so the years need not be gathered to find it.
            targets = [(only, values[only])]
        else:
            years = {
                year
                for key in ("targets", "milestones")
                for item in _listed(data.get(key))
                if type(year := item.get("year")) is int
            }
            targets = [(year, values[year]) for year in years if year in values]
    better = data.get("better")
    title, unit = fmt.one_line(element.title), fmt.text(data.get("unit"))
    said = better if isinstance(better, str) else None
    baseline = _year_value(data.get("baseline"))
    if is_one_outcome_shape(outcomes, targets, better == "range"):
        # `build_chart`'s own way for this shape, called by position: its nine keywords
        # were matched by name for every indicator.
        return one_outcome_chart(
            title, unit, said, outcomes[0], baseline, targets, language, chart_id
        )
    return build_chart(
        title=title,
        unit=unit,
        better=said,
        outcomes=outcomes,
        baseline=baseline,
        targets=targets,
        value_range=_bounds(data) if better == "range" else None,
        language=language,
        chart_id=chart_id,
    )


def _listed(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _year_value(value: Any) -> tuple[int, float] | None:
    if not isinstance(value, dict) or type(value.get("year")) is not int:
        return None
    number = value.get("value")
    # Not `int | float` written here: that union is made anew at every call (of every chart).
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return None
    return value["year"], float(number)


def _bounds(data: dict[str, Any]) -> tuple[float, float] | None:
    given = data.get("range")
    if not isinstance(given, dict):
        return None
    low, high = given.get("min"), given.get("max")
    numbers = [v for v in (low, high) if isinstance(v, int | float) and not isinstance(v, bool)]
    return (float(numbers[0]), float(numbers[1])) if len(numbers) == 2 else None


def _shared_statuses(scale: Scale, language: str, period: str) -> Callable[[Status], StatusView]:
    """Each status of the period as one view, shared: 100,000 goals hold six views, not 100,000."""
    views: dict[Status, StatusView] = {}

    def of(status: Status) -> StatusView:
        view = views.get(status)
        if view is None:
            view = views[status] = _status(status, scale, language, period)
        return view

    return of


def _status(status: Status, scale: Scale, language: str, period: str = "") -> StatusView:
    return StatusView(status.value, SYMBOLS[status], scale.label(status, language), period)
