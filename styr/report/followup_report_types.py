"""What the follow-up report (`styr report --period`) gets: plain dataclasses, ready to render.

`styr.report.followup_report.build_followup_view` builds them from the judgement of
`styr.followup.evaluate`; the HTML, Markdown, PDF and Word renderings only lay them out.
Every text is already in the reader's words and numbers (Swedish decimal commas).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from styr.report.followup import StatusView
from styr.report.unreadable import Part, UnreadableFile
from styr.report.view_peers import PeerView
from styr.report.view_types import TocEntry

if TYPE_CHECKING:
    from styr.branding import Branding


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many goals are in one status ("● Uppfyllt: 4")."""

    status: StatusView
    count: int


@dataclass(frozen=True, slots=True)
class TrendView:
    """The change since the previous period with an outcome.

    `symbol` points the way the value went (↗ ↘ →); `text` says it and whether
    that is better or worse, judged by the indicator's `better`
    ("Högre än 2025-T2 – bättre"). Both "" when there is nothing to compare with.
    """

    symbol: str
    text: str
    key: str  # improving | worsening | unchanged | unknown (fulfilment.Trend): for CSS


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    """One indicator's outcome against its target in the period."""

    title: str
    value: str  # "86,6" or "" when no outcome
    target: str  # "90" or ""
    unit: str
    status: StatusView
    trend: TrendView
    women: str = ""
    men: str = ""
    peers: PeerView | None = None  # beside other municipalities' values (styr.report.view_peers)
    # "Källa: Kolada (N15428)" for a value fetched from Kolada (styr.report.credit.credit_for).
    credit: str = ""
    preliminary: bool = False  # Kolada marks the value preliminary: said by the figure
    # Where the period has no target: the year of the next, "(mål 2026)", after `target`.
    target_year: str = ""
    # An invented outcome (`illustrative: true` on it), in a period not marked as a whole.
    illustrative: bool = False


@dataclass(slots=True)
class GoalLine:
    """One goal (or an indicator that is its own smart goal) as the council reads it."""

    id: str
    anchor: str
    title: str
    organisation: str  # the board's or company's name; the municipality's for the council's own
    status: StatusView
    indicators: list[IndicatorLine]
    analysis: list[str]  # paragraphs of the analysis, [] when none is written
    actions: list[str]  # paragraphs: what the organisation will do; only where not met
    # "Beslutad av Kommunfullmäktige 2022-11-21, § 150" (styr.report.decision_words); "" if none.
    decision: str = ""
    # An invented analysis (`illustrative: true` on it), in a period not marked as a whole.
    analysis_illustrative: bool = False


@dataclass(slots=True)
class AreaSection:
    """A council-level area (målområde, stadens inriktning) and the goals that reach it."""

    id: str
    anchor: str
    title: str
    kind: str  # the steering model's name for the kind ("Målområde", "Stadens inriktning")
    counts: list[StatusCount]
    goals: list[GoalLine]
    decision: str = ""  # the area's decision in words, as a goal's

    def count_of(self, status: str) -> int:
        """How many of the area's goals are in the status with this key (0 when none)."""
        return next((c.count for c in self.counts if c.status.key == status), 0)


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One thing changed since the previous period's report."""

    kind: str  # outcome_added | outcome_revised | status_changed | goal_added
    kind_label: str  # the kind in the reader's words
    subject: str  # the indicator's or goal's title
    organisation: str
    before: str  # "" where there was nothing before
    after: str


@dataclass(slots=True)
class FollowupReportView:
    """Everything the follow-up report shows about one municipality and one period."""

    municipality: str
    code: str
    language: str  # sv | en: the language every text of the view is in
    anchor: str
    period: str  # as written: "2025", "2025-T2"
    title: str  # "Årsredovisning 2025" from the follow-up file, or "Uppföljning 2025"
    previous_period: str  # "" when no earlier period has outcomes
    counts: list[StatusCount]  # all goals, by status, none of them 0
    areas: list[AreaSection]
    # The areas' kind in the model's own words, for the summary's column ("Målområde").
    area_heading: str = ""
    # Goals that reach no council-level area (an organisation's own), in one section.
    other_goals: list[GoalLine] = field(default_factory=list)
    # Goals not in force (styr.decisions): listed apart at the end, counted nowhere.
    proposals: list[GoalLine] = field(default_factory=list)
    repealed: list[GoalLine] = field(default_factory=list)
    # Every follow-up file of the period is `illustrative: true`: said by the period's heading.
    illustrative: bool = False
    changes: list[ChangeLine] = field(default_factory=list)
    # The anchors of the report's own sections, by name (see followup_report.SECTIONS).
    section_anchors: dict[str, str] = field(default_factory=dict)
    toc: list[TocEntry] = field(default_factory=list)  # summary, each area, other goals, changes
    branding: Branding | None = None
    errors: int = 0  # findings at error level, when published with --allow-errors
    error_parts: list[Part] = field(default_factory=list)  # where they are, in a reader's words
    unreadable: list[UnreadableFile] = field(default_factory=list)  # for the notice, as the report
    # Its title is the follow-up file's own ("Årsredovisning 2025"), not the report's words.
    title_from_files: bool = False
    # The language the files are written in (the manifest's `language:`), and the `lang`
    # attribute (` lang="sv"`) of every text from them where the report speaks another, ""
    # where the two agree, as the one-page report's view has them (`RepositoryView.xl`).
    content_language: str = "sv"
    xl: str = ""
