"""What changed since the previous period's report ("Förändringar sedan förra uppföljningen").

Worked out from the judgement of the two periods (`styr.followup.evaluate`, the
same judging as everywhere): a goal followed up for the first time (added), a
goal whose status moved (changed), an indicator with an outcome now that had
none then (added). A revised outcome of an earlier period cannot be told from
the files of one version: two outcomes of one indicator and period are lint's
F005 error; between two versions in git, `styr diff` reports it.
"""

from __future__ import annotations

from collections.abc import Callable

from styr.followup.evaluate import FollowUp, GoalResult, IndicatorResult
from styr.followup.fulfilment import Status
from styr.report import formatting as fmt
from styr.report.chart_words import labels_in
from styr.report.followup import StatusView
from styr.report.followup_report_types import ChangeLine
from styr.report.language import FilesWord, joined

# A goal is followed up in a period when it is judged on this scale.
FOLLOWED = frozenset((Status.MET, Status.PARTLY_MET, Status.NOT_MET))


def changes_between(
    earlier: FollowUp,
    current: FollowUp,
    language: str,
    status_of: Callable[[Status], StatusView],
) -> list[ChangeLine]:
    """The changes from `earlier`'s judgement to `current`'s: goals first, then outcomes.

    A goal followed up now is "followed up for the first time" when none of its
    indicators had an outcome up to the earlier period; otherwise, when its
    status is not the earlier one (not followed up then, say), its status changed.
    An indicator's new outcome is listed only where its goal is not listed already.
    """
    t = labels_in(language)
    names = current.organisation_names
    before = {id(goal.goal): goal for goal in earlier.goals}
    changes: list[ChangeLine] = []
    listed: set[int] = set()
    for goal in current.goals:
        then = before.get(id(goal.goal))
        if goal.status not in FOLLOWED or then is None or then.status == goal.status:
            continue
        listed.add(id(goal.goal))
        organisation = _organisation(goal, names)
        title = fmt.one_line(goal.goal.title)
        now = _status(status_of(goal.status))
        if not any(judged.history for judged in then.indicators):
            line = ChangeLine("goal_added", t.change_goal_added, title, organisation, "", now)
        else:
            was = _status(status_of(then.status))
            line = ChangeLine(
                "status_changed", t.change_status_changed, title, organisation, was, now
            )
        changes.append(line)
    changes.extend(_outcomes_added(earlier, current, language, listed))
    return changes


def _outcomes_added(
    earlier: FollowUp, current: FollowUp, language: str, listed: set[int]
) -> list[ChangeLine]:
    """Indicators with an outcome in this period and none in the one before, each once,
    leaving out the indicators of the goals listed already."""
    t = labels_in(language)
    then = {id(judged.indicator): judged for goal in earlier.goals for judged in goal.indicators}
    seen: set[int] = set()
    added: list[ChangeLine] = []
    for goal in current.goals:
        if id(goal.goal) in listed:
            continue
        for judged in goal.indicators:
            key = id(judged.indicator)
            if key in seen or not _has_value(judged) or _has_value(then.get(key)):
                continue
            seen.add(key)
            added.append(
                ChangeLine(
                    "outcome_added",
                    t.change_outcome_added,
                    fmt.one_line(judged.indicator.title),
                    _organisation(goal, current.organisation_names),
                    "",
                    _value(judged, language),
                )
            )
    return added


def _has_value(judged: IndicatorResult | None) -> bool:
    return judged is not None and judged.outcome is not None and judged.outcome.value is not None


def _value(judged: IndicatorResult, language: str) -> str:
    outcome = judged.outcome
    shown = fmt.number(outcome.value, language) if outcome and outcome.value is not None else ""
    unit = fmt.one_line(judged.indicator.data.get("unit"))
    # The unit is the files' word: an English page of Swedish files marks it (`kind_words`).
    return joined(shown, "\u00a0", FilesWord(unit)) if shown and unit else shown


def _status(view: StatusView) -> str:
    return f"{view.symbol} {view.label}"


def _organisation(goal: GoalResult, names: dict[str, str]) -> str:
    owner = goal.goal.owner
    return names.get(owner, owner) if owner else ""
