"""The follow-up report's view (`styr report --period 2025`): what the council receives.

Per council-level area, the goals that reach it (directly or through the goal
chain, as `styr.report.reach` finds them) with their status, each indicator's
outcome against its target, the trend since the period before, the analysis and
what the organisation will do where a goal is not met; the counts by status;
what changed since the previous period's report (`followup_report_changes`).

The judging is `styr.followup.evaluate`'s, the same as `styr status` and the
goal report: nothing is judged again here, only said in the reader's words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from styr.branding import branding_of
from styr.decisions import IN_FORCE, REPEALED, state_of
from styr.errors import UsageError
from styr.followup.evaluate import (
    Analysis,
    GoalResult,
    evaluate,
    read_outcomes,
)
from styr.followup.fulfilment import SYMBOLS, Scale, Status, read_scale
from styr.followup.periods import Period, parse_period
from styr.model.index import Element, Index, build_index
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.anchors import Anchors
from styr.report.chart_words import labels_in
from styr.report.followup import StatusView
from styr.report.followup_report_changes import changes_between
from styr.report.followup_report_lines import GoalLines
from styr.report.followup_report_types import (
    AreaSection,
    FollowupReportView,
    GoalLine,
    StatusCount,
)
from styr.report.headings import kind_heading
from styr.report.language import content_lang_attribute, kind_label
from styr.report.reach import Reach, council_top
from styr.report.texts import Labels, category_name
from styr.report.view_types import TocEntry

__all__ = ["FollowupReportView", "build_followup_view", "previous_period", "wanted_period"]

# The order the counts are given in: the four of the council's scale, then the two others.
STATUS_ORDER = (
    Status.MET,
    Status.PARTLY_MET,
    Status.NOT_MET,
    Status.NOT_FOLLOWED_UP,
    Status.NO_TARGET,
    Status.NO_INDICATOR,
)
# The report's own sections, by the names their anchors are made from.
SECTIONS = (
    "uppfoljning",
    "innehall",
    "sammanfattning",
    "ovriga-mal",
    "forandringar",
    "forslag",
    "upphavda",
)


def wanted_period(text: str) -> Period:
    """The period `--period` names, or a usage error that says how to write one."""
    period = parse_period(text)
    if period is None:
        raise UsageError("bad-period", value=text)
    return period


def build_followup_view(
    repository: Repository,
    period: Period | str,
    language: str,
    *,
    updated: date | None = None,
    anchors: Anchors | None = None,
) -> FollowupReportView:
    """The follow-up report of one repository for one period, ready for any rendering.

    `period` is a `Period` or its text ("2025", "2025-T2"); a text that names no
    period is a `UsageError`. A period with no outcomes gives a report whose
    goals are all "not followed up".
    """
    if isinstance(period, str):
        period = wanted_period(period)
    index = build_index(repository)
    scale = read_scale(repository.manifest_data.get("follow_up"))
    read = read_outcomes(repository)
    check_followed_up(repository, period, read[0], read[1])
    judged = evaluate(repository, index, scale, period, read, by_area=False)
    before = previous_period(period, read[0], read[1])
    earlier = evaluate(repository, index, scale, before, read, by_area=False) if before else None
    status_of = _statuses(scale, language)
    anchors = anchors or Anchors()
    sections = {name: anchors.section(name) for name in SECTIONS}
    whole_period_illustrative = _period_illustrative(repository, period)
    lines = GoalLines(
        repository, index, judged, read[1], status_of, language, anchors, whole_period_illustrative
    )
    # The council's report is of the goals in force; proposals and repealed ones stand apart.
    by_state: dict[str, list[GoalResult]] = {}
    for goal in judged.goals:
        if _reported(goal):
            by_state.setdefault(_standing(goal), []).append(goal)
    current = replace(judged, goals=by_state.get("in_force", []))
    if earlier is not None:
        earlier = replace(earlier, goals=[g for g in earlier.goals if _standing(g) == "in_force"])
    areas, others = _by_area(index, current.goals, lines)
    title, title_from_files = _title(repository, period, language)
    content = repository.language or "sv"
    view = FollowupReportView(
        municipality=repository.municipality_name,
        code=repository.municipality_code or "",
        language=language,
        anchor=sections["uppfoljning"],
        period=period.text,
        title=title,
        previous_period=before.text if before else "",
        counts=_counts([goal.status for goal in current.goals], status_of),
        areas=areas,
        other_goals=others,
        proposals=[lines.of(goal) for goal in by_state.get("proposed", [])],
        repealed=[lines.of(goal) for goal in by_state.get(REPEALED, [])],
        illustrative=whole_period_illustrative,
        changes=changes_between(earlier, current, language, status_of) if earlier else [],
        branding=branding_of(repository, language, updated),
        section_anchors=sections,
        title_from_files=title_from_files,
        content_language=content,
        xl=content_lang_attribute(content, language),
    )
    t = labels_in(language)
    view.area_heading = kind_heading((area.kind for area in areas), t.followup_area, t)
    view.toc = _contents(view, t)
    return view


def _contents(view: FollowupReportView, t: Labels) -> list[TocEntry]:
    """The report's sections: the summary, each area, the other goals, the changes."""
    anchors = view.section_anchors
    entries = [TocEntry(t.followup_summary, f"#{anchors['sammanfattning']}")]
    entries += [TocEntry(area.title, f"#{area.anchor}", from_files=True) for area in view.areas]
    if view.other_goals:
        entries.append(TocEntry(t.followup_other_goals, f"#{anchors['ovriga-mal']}"))
    entries.append(TocEntry(t.followup_changes, f"#{anchors['forandringar']}"))
    if view.proposals:
        entries.append(TocEntry(t.followup_proposals, f"#{anchors['forslag']}"))
    if view.repealed:
        entries.append(TocEntry(t.followup_repealed, f"#{anchors['upphavda']}"))
    return entries


def previous_period(
    period: Period, outcomes: Iterable[Any], analyses: Iterable[Analysis] = ()
) -> Period | None:
    """The last period before `period` that the follow-up files write anything for.

    Ordered as `styr.followup.periods` orders them, by the date each ends: the
    year 2025 comes after 2025-T2, which comes after 2025-T1 and 2024.
    """
    written = {entry.period for entry in outcomes} | {entry.period for entry in analyses}
    return max((p for p in written if p < period), default=None)


def _reported(goal: GoalResult) -> bool:
    """Whether the report lists a judged element: a council goal with no indicator is not
    (the goal report leaves it out of its follow-up too)."""
    return goal.goal.category == "goal" or bool(goal.indicators)


def check_followed_up(
    repository: Repository, period: Period, outcomes: Iterable[Any], analyses: Iterable[Analysis]
) -> None:
    """Refuse (`UsageError`) a period nobody follows up: outside the term and every file's years.

    A period of the term, or of a year some file writes for (2025-H1 beside 2025-T2),
    gives a report whose goals are not followed up: the council sees what is missing.
    """
    written = {entry.period for entry in outcomes} | {entry.period for entry in analyses}
    term = repository.term
    if period in written or any(p.year == period.year for p in written):
        return
    if term is not None and term[0] <= period.year <= term[1]:
        return
    if not written:
        raise UsageError("report-period-nothing-followed-up", period=period.text)
    shown = ", ".join(p.text for p in sorted(written))
    raise UsageError("report-period-not-followed-up", period=period.text, periods=shown)


def _standing(goal: GoalResult) -> str:
    """in_force, proposed or repealed: as `styr.decisions` says of the goal's decision."""
    state = state_of(goal.goal.data)
    return "in_force" if state in IN_FORCE else state


def _period_illustrative(repository: Repository, period: Period) -> bool:
    """Whether the period is written only in files marked `illustrative: true` (and in some)."""
    marks = [
        data.get("illustrative") is True
        for document in repository.documents
        if document.kind == "follow_up"
        and isinstance(data := document.data, dict)
        and parse_period(data.get("period")) == period
    ]
    return bool(marks) and all(marks)


def _title(repository: Repository, period: Period, language: str) -> tuple[str, bool]:
    """The follow-up file's own title for the period ("Årsredovisning 2025"), or a plain one
    in the report's words, and whether it is the file's.

    The file's title is the report's only where one file of that period has a
    title: two boards' files of 2025, titled each by its board, title neither.
    """
    titles = {
        fmt.one_line(data.get("title"))
        for document in repository.documents
        if document.kind == "follow_up"
        and isinstance(data := document.data, dict)
        and parse_period(data.get("period")) == period
    }
    if len(titles) == 1 and "" not in titles:
        return titles.pop(), True
    t = labels_in(language)
    key = "followup_title_year" if period.is_year else "followup_title_part"
    return t.get(key, period=period.text), False


def _by_area(
    index: Index, goals: list[GoalResult], lines: GoalLines
) -> tuple[list[AreaSection], list[GoalLine]]:
    """Each council-level area with the goals that reach it; the goals that reach none."""
    reach = Reach(index)
    areas = [area for area in index.of_category("council_area") if area.owner is None]
    under: dict[int, list[GoalResult]] = {id(area): [] for area in areas}
    others: list[GoalLine] = []
    for goal in goals:
        reached = _areas_reached(goal.goal, reach)
        for area in reached:
            under.setdefault(id(area), []).append(goal)
        if not reached:
            others.append(lines.of(goal))
    sections = [
        AreaSection(
            id=area.id or "",
            anchor=lines.anchors.element(area),
            title=fmt.one_line(area.title),
            kind=_kind_name(area, lines.language),
            counts=_counts([goal.status for goal in under[id(area)]], lines.status_of),
            goals=[lines.of(goal) for goal in under[id(area)]],
            decision=lines.decision_of(area),
        )
        for area in areas
    ]
    return sections, others


def _kind_name(element: Element, language: str) -> str:
    """What the steering model calls the element's kind ("Målområde", "Stadens inriktning"):
    the files' word (`FilesWord`) where the model has no name for it in `language`."""
    if element.kind is not None:
        return kind_label(element.kind, language)
    return category_name(element.category, language)


def _areas_reached(element: Element, reach: Reach) -> list[Element]:
    """The council areas an element stands under or contributes to, each once, in chain order."""
    found: dict[int, Element] = {}
    top = council_top(element)
    if top is not None and top.category == "council_area":
        found[id(top)] = top
    for reached in reach.tops(element):
        if reached.category == "council_area":
            found.setdefault(id(reached), reached)
    return list(found.values())


def _counts(statuses: list[Status], status_of: Callable[[Status], StatusView]) -> list[StatusCount]:
    counted = Counter(statuses)
    return [StatusCount(status_of(s), counted[s]) for s in STATUS_ORDER if counted.get(s)]


def _statuses(scale: Scale, language: str) -> Callable[[Status], StatusView]:
    """Each status as one shared view, in the scale's words ("Uppfyllt")."""
    views: dict[Status, StatusView] = {}

    def of(status: Status) -> StatusView:
        if status not in views:
            views[status] = StatusView(status.value, SYMBOLS[status], scale.label(status, language))
        return views[status]

    return of
