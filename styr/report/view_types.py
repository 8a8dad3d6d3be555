"""What a template gets about one repository: plain dataclasses, ready to render.

`styr.report.view` builds them; templates only lay them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from styr.report.followup import OutcomeView, StatusView
from styr.report.links import ExternalLink
from styr.report.unreadable import Part, UnreadableFile
from styr.report.view_peers import PeerView

if TYPE_CHECKING:  # styr.branding builds on the view's types itself
    from styr.branding import Branding


# Not frozen, hashed as if it were: made for every indicator of a report, and a frozen
# dataclass's __init__ (a setattr through object per field) was ten times as slow.
@dataclass(slots=True, unsafe_hash=True)
class Ref:
    """A reference to another element: a link inside the report, or a missing id."""

    id: str
    title: str
    href: str | None
    kind: str = ""
    category: str = ""

    @property
    def missing(self) -> bool:
        return self.href is None


# Not frozen, hashed as if it were: made for every indicator of a report, and a frozen
# dataclass's __init__ (a setattr through object per field) was ten times as slow.
@dataclass(slots=True, unsafe_hash=True)
class Fact:
    """One labelled detail (`Målgrupp: elever i årskurs 9`), as text or as references."""

    label: str
    text: str = ""
    refs: tuple[Ref, ...] = ()
    # The text is the page's own words (a decision's sentence, an example's note), not the
    # files': a page of another language marks only the files' words in it (`kind_words`).
    own: bool = False


# Not frozen, hashed as if it were: made for every indicator of a report, and a frozen
# dataclass's __init__ (a setattr through object per field) was ten times as slow.
@dataclass(slots=True, unsafe_hash=True)
class ValueAt:
    year: str
    value: str
    note: str = ""


@dataclass(slots=True)
class IndicatorView:
    id: str
    anchor: str
    title: str
    kind: str
    paragraphs: list[str]
    unit: str
    better: str
    baseline: ValueAt | None
    targets: list[ValueAt]
    milestones: list[ValueAt]
    kolada: ExternalLink | None
    agenda2030: list[ExternalLink]
    contributes_to: list[Ref]
    gender_breakdown: bool
    source: str
    outcome: OutcomeView | None = None
    provenance: str = ""  # where the text comes from, or that it is an example
    decision: str = ""  # a smart goal's decision: "Beslut: Beslutad av Kommunfullmäktige …"
    peers: PeerView | None = None  # beside other municipalities' values (styr.report.view_peers)
    # It stands as a goal of its own (`stands_as_goal`: targets, under no goal), and its
    # fulfilment as one in the follow-up period: the follow-up summary counts it so.
    stands_as_goal: bool = False
    status: StatusView | None = None


# Its __init__ written out (the dataclass keeps equality, repr and `replace`): made for
# every goal of a report, and the generated one called a factory, through a closure, for
# each of its seven lists not given. None stands for an empty list not given.
@dataclass(slots=True, init=False)
class ItemView:
    """Any element shown as a titled block: a goal, an area, an assignment, a work plan."""

    id: str
    anchor: str
    category: str
    kind: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    lead: str = ""  # a line under the title: a council area's own heading
    contributes_to: list[Ref] = field(default_factory=list)
    agenda2030: list[ExternalLink] = field(default_factory=list)
    indicators: list[IndicatorView] = field(default_factory=list)
    children: list[ItemView] = field(default_factory=list)
    status: StatusView | None = None  # goal fulfilment in the follow-up period
    analysis: list[str] = field(default_factory=list)

    def __init__(
        self,
        id: str,
        anchor: str,
        category: str,
        kind: str,
        title: str,
        paragraphs: list[str] | None = None,
        facts: list[Fact] | None = None,
        lead: str = "",
        contributes_to: list[Ref] | None = None,
        agenda2030: list[ExternalLink] | None = None,
        indicators: list[IndicatorView] | None = None,
        children: list[ItemView] | None = None,
        status: StatusView | None = None,
        analysis: list[str] | None = None,
    ) -> None:
        self.id = id
        self.anchor = anchor
        self.category = category
        self.kind = kind
        self.title = title
        self.paragraphs = [] if paragraphs is None else paragraphs
        self.facts = [] if facts is None else facts
        self.lead = lead
        self.contributes_to = [] if contributes_to is None else contributes_to
        self.agenda2030 = [] if agenda2030 is None else agenda2030
        self.indicators = [] if indicators is None else indicators
        self.children = [] if children is None else children
        self.status = status
        self.analysis = [] if analysis is None else analysis

    @property
    def heading_kind(self) -> str:
        """The kind to show before the title, unless the title already starts with it."""
        return "" if self.title.casefold().startswith(self.kind.casefold()) else self.kind

    def kind_under(self, section: str) -> str:
        """The kind to show before the title under the heading `section`: none where that
        heading is the kind's own name ("Visionsområde", then "Den skapande staden").

        The heading is compared first: the title's own start is looked at only then.
        """
        return "" if self.kind == section else self.heading_kind


@dataclass(frozen=True, slots=True)
class Reading:
    area: Ref
    paragraphs: list[str]
    facts: tuple[Fact, ...] = ()  # where its text comes from


@dataclass(slots=True)
class PlanLink:
    """A plan that carries out another, with the plans that in turn carry it out."""

    plan: Ref
    children: list[PlanLink] = field(default_factory=list)


@dataclass(slots=True)
class PlanView:
    """An organisation's operational plan for one year (or a work plan's place in the chain)."""

    id: str
    anchor: str  # "" for a plan written in its organisation's file, which has no id
    kind: str  # the model's name: "Verksamhetsplan"
    title: str
    year: str
    facts: list[Fact]  # its decision, whom it is reported to, where its text comes from
    paragraphs: list[str] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    readings_heading: str = ""  # "Tolkning av målområdena", by the model's name for the areas
    carries_out: list[Ref] = field(default_factory=list)  # the council-level elements
    carried_out_by: list[PlanLink] = field(default_factory=list)  # work plans, nested by level
    proposed: bool = False


@dataclass(frozen=True, slots=True)
class BoardReading:
    """An organisation's reading of one council-level area, as the area's page lists it."""

    organisation: Ref
    plan: Ref  # the plan it is read in (no link for a plan written in the organisation's file)
    year: str
    paragraphs: list[str]
    facts: tuple[Fact, ...] = ()


@dataclass(slots=True)
class OrganisationView:
    id: str
    anchor: str
    name: str
    type: str
    facts: list[Fact]
    mission: list[str]
    mission_facts: list[Fact]
    direction: list[str]
    direction_contributes_to: list[Ref]
    direction_indicators: list[IndicatorView]
    area_readings: list[Reading]
    goals: list[ItemView]
    indicators: list[IndicatorView]
    assignments: list[ItemView]
    work_plans: list[ItemView]
    unreadable_file: str = ""  # the board's file, when it could not be read
    direction_facts: list[Fact] = field(default_factory=list)  # where its text comes from
    # Its sections' headings in the model's own words: goals, indicators, assignments, work_plans.
    headings: dict[str, str] = field(default_factory=dict)
    plans: list[PlanView] = field(default_factory=list)  # its operational plans, by year
    # False when its name is our own words, not its file's (a board whose file says none).
    name_from_files: bool = True

    @property
    def type_line(self) -> str:
        """Its type to show under its name, unless the name says it ("Kommunstyrelsen")."""
        return "" if self.name.casefold().startswith(self.type.casefold()) else self.type

    @property
    def has_content(self) -> bool:
        return bool(
            self.mission
            or self.mission_facts
            or self.direction
            or self.direction_contributes_to
            or self.direction_indicators
            or self.area_readings
            or self.plans
            or self.goals
            or self.indicators
            or self.assignments
            or self.work_plans
        )


@dataclass(frozen=True, slots=True)
class OrganisationHead:
    """What the table of contents and the diagram need of an organisation: its name and place."""

    id: str
    anchor: str
    name: str
    type: str


class Organisations(Sequence[OrganisationView]):
    """A level's organisations, each view built when it is read and not kept.

    The organisations' sections are nearly all of a large report (a view of
    100,000 goals takes a quarter of a gigabyte); built one at a time while
    the page is written, only one organisation's view is held at once.
    Reading one twice builds it twice, with the same result.
    """

    __slots__ = ("_makers", "heads")

    def __init__(
        self, heads: list[OrganisationHead], makers: list[Callable[[], OrganisationView]]
    ) -> None:
        self.heads = heads
        self._makers = makers

    def __len__(self) -> int:
        return len(self.heads)

    @overload
    def __getitem__(self, position: int) -> OrganisationView: ...
    @overload
    def __getitem__(self, position: slice) -> list[OrganisationView]: ...
    def __getitem__(self, position: int | slice) -> OrganisationView | list[OrganisationView]:
        if isinstance(position, slice):
            return [make() for make in self._makers[position]]
        return self._makers[position]()

    def __iter__(self) -> Iterator[OrganisationView]:
        return (make() for make in self._makers)


@dataclass(slots=True)
class LevelGroup:
    """The organisations at one level of the steering model (Nämnder och bolag)."""

    name: str
    anchor: str
    organisations: Organisations

    @property
    def members(self) -> list[OrganisationHead]:
        return self.organisations.heads


@dataclass(frozen=True, slots=True)
class Stats:
    organisations: int
    council_areas: int
    council_goals: int
    goals: int
    linked_goals: int
    indicators: int
    indicators_with_targets: int
    indicators_with_kolada: int
    sdg_goals: int
    assignments: int
    work_plans: int
    activities: int
    documents: int


@dataclass(frozen=True, slots=True)
class Count:
    """One figure of the overview, under the name the model gives what it counts."""

    label: str
    number: int
    category: str  # what it counts: "goal", "indicator", … or "organisation"


@dataclass(frozen=True, slots=True)
class TocEntry:
    title: str
    href: str
    children: tuple[TocEntry, ...] = ()
    # Its title is a text from the files (an area's, an organisation's, a level's), which a
    # page in another language marks with theirs; the others are the report's own words.
    from_files: bool = False


@dataclass(slots=True)
class RepositoryView:
    """Everything the report shows about one municipality."""

    municipality: str
    code: str
    term: str
    model_name: str
    levels: list[str]
    anchor: str
    vision: ItemView | None
    waypoints: list[ItemView]
    values: list[ItemView]
    programmes: list[ItemView]
    council_areas: list[ItemView]
    council_goals: list[ItemView]
    documents: list[ItemView]
    groups: list[LevelGroup]
    other_work_plans: list[ItemView]
    stats: Stats
    section_anchors: dict[str, str]
    follow_up_period: str = ""
    follow_up_summary: list[tuple[StatusView, int]] = field(default_factory=list)
    diagram: Any = None  # a `Diagram`, set by the builder
    findings: Any = None  # a `FindingsView` with --with-findings
    toc: list[TocEntry] = field(default_factory=list)
    errors: int = 0  # findings at error level, when the repository was linted
    error_parts: list[Part] = field(default_factory=list)  # where they are (`error_parts`)
    unreadable: list[UnreadableFile] = field(default_factory=list)
    # The sections' headings in the model's own words (keys: vision, vision_areas, values,
    # programme, council, council_goals, steering_documents; see `styr.report.headings`).
    headings: dict[str, str] = field(default_factory=dict)
    counts: list[Count] = field(default_factory=list)  # the overview's figures, none of them 0
    # Publisher, contact, logo, accent colour, "Senast uppdaterad", the accessibility
    # statement's facts (styr.branding); None in a comparison's summary view.
    branding: Branding | None = None
    # Each council-level area's readings by the organisations' plans, by the area's id.
    readings_by_area: dict[str, list[BoardReading]] = field(default_factory=dict)
    # The language the files are written in (the manifest's `language:`), and the `lang`
    # attribute (` lang="sv"`) of every text from them where the report speaks another,
    # "" where the two agree: worked out once, so a page in the files' language is written
    # with no work per text.
    content_language: str = "sv"
    xl: str = ""
