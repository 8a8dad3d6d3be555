"""The follow-up report as a Word document (`styr report --period 2025 --format docx`).

Built from the same view as the follow-up report's HTML and Markdown
(`linted_followup_view`), in the same order: the summary of statuses, each
council-level area with its goals (status, each indicator's outcome against
its target and the trend, the analysis, what the organisation will do where
the goal is not met), the goals of no area, and what changed since the
previous period. Headings: the report's title Heading 1, a section or an area
Heading 2, a goal Heading 3, its analysis and actions Heading 4.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document as new_document
from docx.document import Document

from styr.cache import LintCache
from styr.report.docx import saved
from styr.report.docx_parts import (
    contact_line,
    describe,
    heading,
    labelled,
    notice,
    paragraphs,
    publisher_line,
    status_words,
    table,
)
from styr.report.followup_report_types import (
    FollowupReportView,
    GoalLine,
    IndicatorLine,
    StatusCount,
)
from styr.report.texts import Labels
from styr.report.unreadable import publishing_notice


def followup_docx(
    paths: list[Path],
    period_text: str,
    language: str | None = None,
    *,
    today: date | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
) -> bytes:
    """The follow-up report of one repository for the period, as the bytes of a .docx file.

    Refuses what the HTML follow-up report refuses: a period it cannot read, more
    than one repository, errors unless `allow_errors` (`UsageError`, `ErrorsBlockPublishing`).
    """
    from styr.report.followup_report_build import followup_view_of_paths

    view = followup_view_of_paths(
        paths,
        period_text,
        language,
        today=today,
        allow_errors=allow_errors,
        cache=cache,
        updated=updated,
    )
    return followup_document(view)


def followup_document(view: FollowupReportView) -> bytes:
    """The follow-up report's view as a Word document."""
    from styr import __version__
    from styr.report.docx_parts import set_language

    t = Labels(view.language)
    document = new_document()
    set_language(document, view.language)
    branding = view.branding
    describe(
        document,
        f"{view.title} – {view.municipality}",
        branding.publisher if branding else view.municipality,
        branding.updated if branding else "",
        t.get("generated_by", version=__version__),
    )
    heading(document, view.title, 1)
    if view.illustrative:
        document.add_paragraph(t.followup_example_note)
    document.add_paragraph(view.municipality)
    publisher_line(document, view.branding)
    notice(document, publishing_notice([view]), t)
    _summary(document, view, t)
    for area in view.areas:
        heading(document, area.title, 2)
        if area.decision:
            labelled(document, t.decision, area.decision)
        if area.counts:
            labelled(document, t.goals_by_status, _counts(area.counts))
        if not area.goals:
            document.add_paragraph(t.followup_no_goals)
        for goal in area.goals:
            _goal(document, goal, view.period, t)
    if view.other_goals:
        heading(document, t.followup_other_goals, 2)
        document.add_paragraph(t.followup_other_goals_intro)
        for goal in view.other_goals:
            _goal(document, goal, view.period, t)
    _changes(document, view, t)
    _not_in_force(document, view, t)
    contact_line(document, view.branding)
    return saved(document)


def _not_in_force(document: Document, view: FollowupReportView, t: Labels) -> None:
    """The proposals and the repealed goals, apart from the goals in force, as the page has them."""
    for title, intro, goals in (
        (t.followup_proposals, t.followup_proposals_intro, view.proposals),
        (t.followup_repealed, t.followup_repealed_intro, view.repealed),
    ):
        if not goals:
            continue
        heading(document, title, 2)
        document.add_paragraph(intro)
        for goal in goals:
            _goal(document, goal, view.period, t)


def _summary(document: Document, view: FollowupReportView, t: Labels) -> None:
    heading(document, t.followup_summary, 2)
    document.add_paragraph(t.get("followup_summary_intro", period=view.period))
    if not view.counts:
        return
    header = [t.followup_area, *(status_words(c.status) for c in view.counts)]
    rows = [[t.followup_all_goals, *(str(c.count) for c in view.counts)]]
    rows += [
        [area.title, *(str(area.count_of(c.status.key)) for c in view.counts)]
        for area in view.areas
    ]
    table(document, header, rows)


def _counts(counts: list[StatusCount]) -> str:
    return ", ".join(f"{status_words(c.status)}: {c.count}" for c in counts)


def _goal(document: Document, goal: GoalLine, period: str, t: Labels) -> None:
    """One goal: organisation and status, outcomes against targets, analysis, actions."""
    heading(document, goal.title, 3)
    labelled(document, t.followup_organisation, goal.organisation)
    labelled(document, t.followup_status, status_words(goal.status))
    if goal.decision:
        labelled(document, t.decision, goal.decision)
    if goal.indicators:
        header = [
            t.followup_indicator,
            t.get("outcome_in", period=period),
            t.followup_target,
            t.followup_status,
            t.followup_trend,
        ]
        rows = [
            [
                i.title,
                _outcome(i, t),
                f"{_with_unit(i.target, i.unit)} {i.target_year}".strip(),
                status_words(i.status),
                f"{i.trend.symbol} {i.trend.text}".strip() if i.trend.text else "",
            ]
            for i in goal.indicators
        ]
        table(document, header, rows)
    heading(document, t.analysis, 4)
    if goal.analysis_illustrative:
        document.add_paragraph(t.followup_example_note)
    paragraphs(document, goal.analysis or [t.followup_no_analysis])
    if goal.actions:
        heading(document, t.followup_actions, 4)
        paragraphs(document, goal.actions)


def _changes(document: Document, view: FollowupReportView, t: Labels) -> None:
    heading(document, t.followup_changes, 2)
    if not view.previous_period:
        document.add_paragraph(t.followup_no_previous)
        return
    if not view.changes:
        document.add_paragraph(t.get("followup_no_changes", period=view.previous_period))
        return
    document.add_paragraph(t.get("followup_changes_intro", period=view.previous_period))
    header = [
        t.followup_subject,
        t.followup_change,
        t.followup_organisation,
        t.followup_before,
        t.followup_after,
    ]
    rows = [
        [c.subject, c.kind_label, c.organisation or view.municipality, c.before, c.after]
        for c in view.changes
    ]
    table(document, header, rows)


def _outcome(i: IndicatorLine, t: Labels) -> str:
    """The outcome as the page shows it: preliminary by the figure, and Kolada's credit."""
    value = _with_unit(i.value, i.unit)
    if value and i.preliminary:
        value = f"{value} ({t.preliminary})"
    shown = value + _by_gender(i.women, i.men, t)
    shown = f"{shown}\n{i.credit}" if shown and i.credit else shown
    return f"{shown}\n{t.followup_example_note}" if i.illustrative else shown


def _with_unit(value: str, unit: str) -> str:
    return f"{value} {unit}" if value and unit else value


def _by_gender(women: str, men: str, t: Labels) -> str:
    parts = [f"{t.women} {women}" if women else "", f"{t.men} {men}" if men else ""]
    shown = ", ".join(part for part in parts if part)
    return f" ({shown})" if shown else ""
