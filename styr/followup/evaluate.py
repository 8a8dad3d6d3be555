"""Follow-up of a repository: outcomes read from `kind: follow_up` files, judged per period."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from styr.findings import PathInDocument
from styr.followup.fulfilment import Scale, Status, Trend, goal_status, judge_value, trend
from styr.followup.periods import Period, parse_period
from styr.followup.targets import next_target_for as next_target_for  # where callers look
from styr.followup.targets import target_for as target_for
from styr.followup.targets import target_values as target_values
from styr.followup.targets import targets_around
from styr.load import Document
from styr.model.closure import Closure
from styr.model.index import Element, Index
from styr.model.repository import Repository

FOLLOW_UP = "follow_up"


# Not frozen: one is made for every outcome written, and a frozen dataclass's __init__
# (a setattr through object per field) was four times as slow. Never changed once made;
# its `document` cannot be hashed, so it never could either.
@dataclass(slots=True)
class OutcomeEntry:
    """One outcome (utfall) as written: total, and women and men where given."""

    indicator: str
    period: Period
    value: float | None
    women: float | None
    men: float | None
    unit: str | None
    source: str | None
    comment: str | None
    document: Document
    path: PathInDocument
    # `preliminary: true`: Kolada marks the value preliminary (styr kolada pull writes it).
    preliminary: bool = False
    # `illustrative: true` on the entry or at the top of its file: an invented example,
    # which the report marks so no reader takes it for the municipality's own figure.
    illustrative: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    goal: str
    period: Period
    text: str
    # Where it is written (styr diff places a changed analysis there).
    document: Document | None = None
    path: PathInDocument = ()
    # `illustrative: true` on the entry or at the top of its file (as `OutcomeEntry`).
    illustrative: bool = False


@dataclass(slots=True)
class IndicatorResult:
    indicator: Element
    period: Period
    outcome: OutcomeEntry | None
    target: float | None
    percent: float | None
    status: Status
    trend: Trend
    history: list[tuple[Period, float]] = field(default_factory=list)
    # Where this period has no target: the next year that has one, and its value.
    next_target: tuple[int, float] | None = None


@dataclass(slots=True)
class GoalResult:
    goal: Element
    indicators: list[IndicatorResult]
    status: Status
    analysis: str | None = None


@dataclass(slots=True)
class FollowUp:
    period: Period | None
    goals: list[GoalResult] = field(default_factory=list)
    by_area: dict[str, Counter[Status]] = field(default_factory=dict)
    organisation_names: dict[str, str] = field(default_factory=dict)
    area_names: dict[str, str] = field(default_factory=dict)


def read_outcomes(repository: Repository) -> tuple[list[OutcomeEntry], list[Analysis]]:
    """Every outcome and analysis the follow-up files hold.

    Read once per loaded repository: lint's follow-up rules and the report's
    follow-up both ask, and so do several rules. Each caller gets its own lists.
    """
    read = repository.memo.get(FOLLOW_UP)
    if read is None:
        read = repository.memo[FOLLOW_UP] = _read_outcomes(repository)
    outcomes, analyses = read
    return list(outcomes), list(analyses)


# What a loaded file holds as a number: booleans are not numbers here.
_NUMBERS = frozenset((int, float))


def _read_outcomes(repository: Repository) -> tuple[list[OutcomeEntry], list[Analysis]]:
    outcomes: list[OutcomeEntry] = []
    analyses: list[Analysis] = []
    add = outcomes.append
    for document in repository.documents:
        data = document.data
        if document.kind != FOLLOW_UP or not isinstance(data, dict):
            continue
        default = parse_period(data.get("period"))
        whole_file_illustrative = data.get("illustrative") is True
        # The checks of `_number` and `_text` written out: this runs for every
        # outcome, and the values are the plain types a loaded file holds.
        for position, entry in _items(data.get("outcomes")):
            get: Callable[[str], Any] = entry.get
            written = get("period")
            period = default if written is None else parse_period(written) or default
            indicator = get("indicator")
            if period is None or not isinstance(indicator, str):
                continue
            value, women, men = get("value"), get("women"), get("men")
            unit, source, comment = get("unit"), get("source"), get("comment")
            add(
                OutcomeEntry(
                    indicator,
                    period,
                    float(value) if type(value) in _NUMBERS else None,
                    float(women) if type(women) in _NUMBERS else None,
                    float(men) if type(men) in _NUMBERS else None,
                    unit if type(unit) is str else None,
                    source if type(source) is str else None,
                    comment if type(comment) is str else None,
                    document,
                    ("outcomes", position),
                    get("preliminary") is True,
                    whole_file_illustrative or get("illustrative") is True,
                )
            )
        for position, entry in _items(data.get("analyses")):
            period = parse_period(entry.get("period")) or default
            goal, text = entry.get("goal"), entry.get("text")
            if period is not None and isinstance(goal, str) and isinstance(text, str):
                illustrative = whole_file_illustrative or entry.get("illustrative") is True
                analyses.append(
                    Analysis(goal, period, text, document, ("analyses", position), illustrative)
                )
    return outcomes, analyses


def evaluate(
    repository: Repository,
    index: Index,
    scale: Scale,
    period: Period | None = None,
    read: tuple[list[OutcomeEntry], list[Analysis]] | None = None,
    *,
    by_area: bool = True,
    grouped: dict[str, list[OutcomeEntry]] | None = None,
) -> FollowUp:
    """Every goal's indicators judged for a period (the latest with outcomes by default).

    `read` is what `read_outcomes` returned, when the caller has it already, and
    `grouped` its outcomes by indicator, in the order read (`group_by_indicator`),
    when the caller has grouped them too: the report does, for its charts, and
    grouping 100,000 outcomes twice was a tenth of its follow-up.
    Without `by_area` the goals are not counted by council area (`FollowUp.by_area`
    stays empty): the report does not show those counts, and finding the areas
    above every element is a third of the work on a large repository.
    """
    outcomes, analyses = read if read is not None else read_outcomes(repository)
    if period is None and outcomes:
        period = max(o.period for o in outcomes)
    result = FollowUp(period)
    result.organisation_names = {o.id: o.title for o in index.organisations if o.id}
    result.area_names = {a.id: a.title for a in index.of_category("council_area") if a.id}
    if period is None:
        return result
    by_indicator = grouped if grouped is not None else group_by_indicator(outcomes)
    notes = {(a.goal, a.period): a.text for a in analyses}
    for goal in _judged_elements(index):
        if goal.category == "indicator":  # a targeted indicator is its own (smart) goal
            indicators = [judge(goal, period, by_indicator.get(goal.id or "", []), scale)]
        else:
            indicators = [
                judge(indicator, period, by_indicator.get(indicator.id or "", []), scale)
                for indicator in index.children(goal)
                if indicator.category == "indicator"
            ]
        status = goal_status([i.status for i in indicators], scale.goal_rule)
        result.goals.append(
            # No analyses (most repositories): no key made and hashed per goal.
            GoalResult(
                goal, indicators, status, notes.get((goal.id or "", period)) if notes else None
            )
        )
    if by_area:
        result.by_area = _count_by_area(result.goals, index)
    return result


def group_by_indicator(outcomes: list[OutcomeEntry]) -> dict[str, list[OutcomeEntry]]:
    """The outcomes of each indicator, by its id, in the order they are written."""
    grouped: dict[str, list[OutcomeEntry]] = {}
    for outcome in outcomes:
        grouped.setdefault(outcome.indicator, []).append(outcome)
    return grouped


_GOALS = ("goal", "council_goal")


def stands_as_goal(element: Element) -> bool:
    """A goal, or an indicator with targets that belongs to no goal: a goal of its own.

    Huddinge's model has no board goals: its indicators with target values are
    the smart goals ("indikatorer/smarta mål"), followed up on their own. The
    judging, the reports' counts of goals and their follow-up summary all ask this.
    """
    category = element.category
    if category in _GOALS:
        return True
    return (
        category == "indicator"
        and bool(element.data.get("targets"))
        and (element.parent is None or element.parent.category not in _GOALS)
    )


def smart_goals(index: Index) -> list[Element]:
    """The indicators that stand as goals of their own (`stands_as_goal`), in written order."""
    return [e for e in index.of_category("indicator") if stands_as_goal(e)]


def _judged_elements(index: Index) -> list[Element]:
    """Every element that stands as a goal (`stands_as_goal`), in the index's order."""
    return [element for element in index.elements if stands_as_goal(element)]


# The trend of an indicator with one value or none (most of them), as a plain
# name: on Python 3.11 each `Trend.UNKNOWN` written in a function is a lookup
# through the Enum metaclass's __getattr__ (about 0.2 µs, once per indicator).
_NO_TREND = Trend.UNKNOWN


def judge(
    indicator: Element, period: Period, outcomes: list[OutcomeEntry], scale: Scale
) -> IndicatorResult:
    data = indicator.data
    if len(outcomes) == 1:  # most indicators: one outcome, nothing to sort or search
        (only,) = outcomes
        # Mostly of the period judged, the very object (`max` chose it among the outcomes'):
        # known the same without the dataclass's comparisons, a call each in Python.
        same = only.period is period or only.period == period
        value = only.value
        history = (
            [(only.period, value)] if value is not None and (same or only.period <= period) else []
        )
        current = only if same else None
    else:
        history = sorted(
            (o.period, o.value) for o in outcomes if o.value is not None and o.period <= period
        )
        current = next((o for o in outcomes if o.period == period), None)
    target, upcoming = targets_around(data, period.year)
    value = current.value if current else None
    better = data.get("better")
    if not isinstance(better, str):
        better = None
    # The bounds count only for a range: judge_value reads them for nothing else.
    low, high = _range(data) if better == "range" else (None, None)
    judged = judge_value(value, scale, better=better, target=target, low=low, high=high)
    # One value or none (most indicators) has no trend: no list of the values to make for it.
    moved = trend([v for _, v in history], better) if len(history) > 1 else _NO_TREND
    return IndicatorResult(
        indicator,
        period,
        current,
        target,
        judged.percent,
        judged.status,
        moved,
        history,
        upcoming if target is None and better != "range" else None,
    )


def _count_by_area(goals: list[GoalResult], index: Index) -> dict[str, Counter[Status]]:
    """How many goals under each council-level area are in each status.

    The chain is followed upwards, so a board indicator that breaks down a
    council indicator counts under that indicator's goal area. The areas
    above every element are worked out once (a walk per goal was quadratic
    in the depth of a chain), and only for what the goals reach.
    """
    areas = _areas_above(index, [goal.goal for goal in goals])
    # Most goals reach the same few sets of areas (the closure shares one set among
    # them): count the goals per set and status first, then spread to the areas.
    per_set: Counter[tuple[frozenset[str], Status]] = Counter(
        (areas.reached(goal.goal), goal.status) for goal in goals
    )
    counts: dict[str, Counter[Status]] = {}
    for area in sorted({area for reached, _ in per_set for area in reached}):
        counts[area] = Counter()
    for (reached, status), count in per_set.items():
        for area in reached:
            counts[area][status] += count
    return counts


def _areas_above(index: Index, starts: list[Element]) -> Closure[Element, str]:
    """The ids of the council areas each of `starts`, and what it links to, reaches."""
    by_id = index.by_id
    links_of: dict[int, tuple[list[str], list[Element]]] = {}

    def links(element: Element) -> tuple[list[str], list[Element]]:
        """The council areas an element links to, and the other elements it links to."""
        found = links_of.get(id(element))
        if found is None:
            written = element.data.get("contributes_to")
            named = list(written) if isinstance(written, list) else []
            if element.parent is not None and element.category == "indicator":
                named.append(element.parent.id)  # an area's own indicator counts under it
            targets = [by_id.get(link) for link in named if isinstance(link, str)]
            known = [target for target in targets if target is not None]
            found = links_of[id(element)] = (
                [t.id or "" for t in known if t.category == "council_area"],
                [t for t in known if t.category != "council_area"],
            )
        return found

    return Closure(starts, lambda element: links(element)[0], lambda element: links(element)[1])


def _range(data: dict[str, Any]) -> tuple[float | None, float | None]:
    given = data.get("range")
    if not isinstance(given, dict):
        return None, None
    return _number(given.get("min")), _number(given.get("max"))


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _number(value: Any) -> float | None:
    if value is None:  # the common case: women and men are mostly not given
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
