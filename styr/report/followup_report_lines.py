"""The follow-up report's lines: each judged goal and indicator in the reader's words.

`styr.report.followup_report` builds the report's view of them; each goal is
made into a `GoalLine` once, though it may stand under several areas.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from styr.decisions import decision_of
from styr.followup.evaluate import Analysis, FollowUp, GoalResult, IndicatorResult
from styr.followup.fulfilment import Status, Trend
from styr.followup.periods import Period
from styr.model.index import Element, Index
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.anchors import Anchors
from styr.report.chart_words import labels_in, movement_symbol, trend_words
from styr.report.credit import kolada_credit
from styr.report.decision_words import decision_sentence
from styr.report.followup import StatusView
from styr.report.followup_report_types import GoalLine, IndicatorLine, TrendView
from styr.report.language import joined
from styr.report.view_peers import PeerViews

# Where the organisation says what it will do: only a goal not fully met needs it.
NEEDS_ACTIONS = frozenset((Status.NOT_MET, Status.PARTLY_MET))


class GoalLines:
    """Each judged goal as a line of the report, made once (a goal may reach several areas)."""

    def __init__(
        self,
        repository: Repository,
        index: Index,
        result: FollowUp,
        analyses: list[Analysis],
        status_of: Callable[[Status], StatusView],
        language: str,
        anchors: Anchors,
        whole_period_illustrative: bool = False,
    ) -> None:
        self._municipality = repository.municipality_name
        self._organisations = result.organisation_names
        self._period = result.period
        self._actions = _actions_by_goal(analyses, result.period)
        self.index = index
        # Marked one by one only where the period's heading does not say it of them all.
        self._marks_one_by_one = not whole_period_illustrative
        self._invented_analyses = {
            a.goal for a in analyses if a.period == result.period and a.illustrative
        }
        period = result.period.text if result.period else ""
        self._peers = PeerViews(repository, labels_in(language), period)
        self.status_of = status_of
        self.language = language
        self.anchors = anchors
        self._made: dict[int, GoalLine] = {}

    def of(self, goal: GoalResult) -> GoalLine:
        line = self._made.get(id(goal.goal))
        if line is None:
            line = self._made[id(goal.goal)] = self._line(goal)
        return line

    def _line(self, goal: GoalResult) -> GoalLine:
        element = goal.goal
        owner = element.owner
        organisation = self._organisations.get(owner, owner) if owner else self._municipality
        actions = self._actions.get(element.id or "", []) if goal.status in NEEDS_ACTIONS else []
        return GoalLine(
            id=element.id or "",
            anchor=self.anchors.element(element),
            title=fmt.one_line(element.title),
            organisation=organisation,
            status=self.status_of(goal.status),
            indicators=[self._indicator(judged) for judged in goal.indicators],
            analysis=fmt.paragraphs(goal.analysis),
            actions=actions,
            decision=self.decision_of(element),
            analysis_illustrative=self._marks_one_by_one
            and goal.analysis is not None
            and (element.id or "") in self._invented_analyses,
        )

    def decision_of(self, element: Element) -> str:
        """The element's decision in words, "" when it writes none."""
        decision = decision_of(element.data)
        if decision is None:
            return ""
        labels = labels_in(self.language)
        words = decision_sentence(decision, self.index, labels)
        if element.data["decision"].get("illustrative") is True:
            return joined(words, f" ({labels.decision_illustrative_note})")
        return words

    def _indicator(self, judged: IndicatorResult) -> IndicatorLine:
        data = judged.indicator.data
        outcome = judged.outcome
        language = self.language
        return IndicatorLine(
            title=fmt.one_line(judged.indicator.title),
            value=_number(outcome.value if outcome else None, language),
            target=_number(_shown_target(judged), language),
            unit=fmt.one_line(data.get("unit")),
            status=self.status_of(judged.status),
            trend=_trend(judged, language),
            women=_number(outcome.women if outcome else None, language),
            men=_number(outcome.men if outcome else None, language),
            peers=self._peers.of(data),
            credit=kolada_credit(
                outcome.source, data.get("kolada"), language, illustrative=outcome.illustrative
            )
            if outcome
            else "",
            preliminary=outcome is not None and outcome.preliminary,
            target_year=_next_target_year(judged, language),
            illustrative=self._marks_one_by_one and outcome is not None and outcome.illustrative,
        )


def _shown_target(judged: IndicatorResult) -> float | None:
    """The period's target, or where it has none the next year's, as `styr status` shows it."""
    if judged.target is None and judged.next_target is not None:
        return judged.next_target[1]
    return judged.target


def _next_target_year(judged: IndicatorResult, language: str) -> str:
    """ "(mål 2026)" by a target of a later year than the period's; "" by the period's own."""
    if judged.target is not None or judged.next_target is None:
        return ""
    return labels_in(language).get("followup_target_year", year=judged.next_target[0])


def _trend(judged: IndicatorResult, language: str) -> TrendView:
    """The change from the period before with an outcome to this one, as the chart says it.

    Only where this period has a value: otherwise the last change written is an
    older one, and the report would say it of this period.
    """
    history = judged.history
    if len(history) < 2 or history[-1][0] != judged.period:
        return TrendView("", "", Trend.UNKNOWN.value)
    values = [value for _, value in history]
    periods = [period.text for period, _ in history]
    better = judged.indicator.data.get("better")
    better = better if isinstance(better, str) else None
    return TrendView(
        movement_symbol(values),
        trend_words(labels_in(language), values, periods, better),
        judged.trend.value,
    )


def _actions_by_goal(analyses: list[Analysis], period: Period | None) -> dict[str, list[str]]:
    """The `actions:` of each goal's analysis for the period, as paragraphs.

    Read from where the analysis is written: `Analysis` carries its file and place.
    """
    found: dict[str, list[str]] = {}
    for analysis in analyses:
        if analysis.period != period or analysis.document is None:
            continue
        entry = _at(analysis.document.data, analysis.path)
        if isinstance(entry, dict):
            found.setdefault(analysis.goal, fmt.paragraphs(entry.get("actions")))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def _number(value: float | None, language: str) -> str:
    return "" if value is None else fmt.number(value, language)
