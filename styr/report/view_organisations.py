"""The report's organisations: boards and companies by level, with their goals and work plans."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial

from styr.model.index import Element
from styr.report import formatting as fmt
from styr.report.headings import kind_heading, readings_heading
from styr.report.language import FilesWord, kind_label
from styr.report.provenance import provenance_facts
from styr.report.texts import mission_source
from styr.report.unreadable import UnreadableFile, unknown_part
from styr.report.view_elements import as_mapping
from styr.report.view_plans import PlanViews
from styr.report.view_types import (
    Fact,
    ItemView,
    LevelGroup,
    OrganisationHead,
    Organisations,
    OrganisationView,
    Reading,
)


class OrganisationViews(PlanViews):
    """Each organisation's view, grouped by the model's levels, and what it owns."""

    def assignment(self, element: Element) -> ItemView:
        data = element.data
        facts = []
        if fmt.text(data.get("to")):
            facts.append(Fact(self.t.assignment_to, "", (self.ref(fmt.text(data["to"])),)))
        if fmt.text(data.get("due")):
            facts.append(Fact(self.t.due, fmt.text(data.get("due"))))
        return self.item(element, facts)

    def work_plan(self, element: Element) -> ItemView:
        data = element.data
        facts = []
        if fmt.text(data.get("owner")):
            facts.append(Fact(self.t.work_plan_owner, "", (self.ref(fmt.text(data["owner"])),)))
        if fmt.text(data.get("based_on")):
            facts.append(Fact(self.t.based_on, "", (self.ref(fmt.text(data["based_on"])),)))
        year = fmt.year(data.get("year"))
        if year is not None:
            facts.append(Fact(self.t.year, str(year)))
        view = self.item(element, facts)
        view.children = [self.activity(a) for a in self.kids(element, "activity")]
        return view

    def activity(self, element: Element) -> ItemView:
        data = element.data
        facts = []
        if fmt.one_line(data.get("responsible")):
            facts.append(Fact(self.t.responsible, fmt.one_line(data.get("responsible"))))
        start, end = fmt.text(data.get("start")), fmt.text(data.get("end"))
        if start or end:
            facts.append(Fact(self.t.period, f"{start}–{end}" if start and end else start or end))
        return self.item(element, facts)

    def organisation(self, element: Element, work_plans: list[ItemView]) -> OrganisationView:
        data = element.data
        # Its type ("Nämnd", "Helägt bolag") is shown by its name, as `type`: not as a fact.
        facts = []
        if fmt.text(data.get("parent")):
            facts.append(Fact(self.t.answers_to, "", (self.ref(fmt.text(data["parent"])),)))
        mission = as_mapping(data.get("mission"))
        mission_facts = []
        source = mission_source(fmt.text(mission.get("source")), self.language)
        if source:
            mission_facts.append(Fact(self.t.mission_source, source, own=True))
        if fmt.text(mission.get("document")):
            document = self.ref(fmt.text(mission.get("document")))
            mission_facts.append(Fact(self.t.mission_document, "", (document,)))
        mission_facts.extend(self.decision(mission))
        mission_facts.extend(provenance_facts(mission, self.t))
        facts.extend(provenance_facts(data, self.t))  # the whole file's mark
        direction = as_mapping(data.get("direction"))
        readings = data.get("area_readings")
        owner = element.id
        goals = [self.goal(e) for e in self.top_level[("goal", owner)]] if owner else []
        indicators = (
            [self.indicator(e) for e in self.top_level[("indicator", owner)]] if owner else []
        )
        assignments = (
            [self.assignment(e) for e in self.top_level[("assignment", owner)]] if owner else []
        )
        t = self.t
        area_readings = [
            Reading(
                self.ref(fmt.text(r.get("area"))),
                fmt.paragraphs(r.get("text")),
                tuple(provenance_facts(r, self.t)),
            )
            for r in (readings if isinstance(readings, list) else [])
            if isinstance(r, dict) and fmt.text(r.get("area"))
        ]
        plans = self.plans_of(element)
        if self.has_plan_in_own_file(element):
            area_readings = []  # shown as its plan's readings
        return OrganisationView(
            id=element.id or "",
            anchor=self.anchors.element(element),
            name=fmt.one_line(element.title),
            type=self.kind(element),
            facts=facts,
            mission=fmt.paragraphs(mission.get("text")),
            mission_facts=mission_facts,
            direction=fmt.paragraphs(direction.get("text")),
            direction_contributes_to=self.refs(direction),
            direction_facts=self.decision(direction) + provenance_facts(direction, self.t),
            direction_indicators=self.indicators_under(element),
            area_readings=area_readings,
            goals=goals,
            indicators=indicators,
            assignments=assignments,
            work_plans=work_plans,
            plans=plans,
            headings={
                "plans": kind_heading((p.kind for p in plans), t.operational_plans, t),
                "goals": kind_heading((g.kind for g in goals), t.goals, t),
                "indicators": kind_heading((i.kind for i in indicators), t.indicators, t),
                "assignments": kind_heading((a.kind for a in assignments), t.assignments, t),
                "work_plans": kind_heading((w.kind for w in work_plans), t.work_plans, t),
                # "Tolkning av stadens inriktning": the areas read, by the model's name for them.
                "area_readings": readings_heading((r.area.kind for r in area_readings), t),
            },
        )

    def groups(self) -> tuple[list[LevelGroup], list[ItemView]]:
        """Organisations by level of the model, and the work plans no organisation owns."""
        model = self.repository.model
        plans_of: dict[str, list[ItemView]] = defaultdict(list)
        other_plans = []
        for element in self.top_level[("work_plan", None)]:
            owner = fmt.text(element.data.get("owner"))
            target = self.index.by_id.get(owner)
            if target is not None and target.category == "organisation":
                plans_of[owner].append(self.work_plan(element))
            else:
                other_plans.append(self.work_plan(element))
        level_order = {level: position for position, (level, _) in enumerate(model.levels)}
        type_order = {
            type_id: position for position, type_id in enumerate(model.organisation_types)
        }
        by_level: dict[str | None, list[Element | UnreadableFile]] = defaultdict(list)
        boards: list[Element | UnreadableFile] = [
            *self.index.organisations,
            # A board's file: it says so, or names an organisation type (its kind misspelt).
            *(
                file
                for file in self.unreadable
                if file.kind == "organisation" or file.type in model.organisation_types
            ),
        ]
        for board in boards:
            org_type = model.organisation_types.get(_type_of(board))
            level = org_type.level if org_type and org_type.level in level_order else None
            by_level[level].append(board)
        groups = []
        names = dict(model.levels)
        ordered = sorted(by_level, key=lambda level: level_order.get(level or "", len(level_order)))
        for level in ordered:
            members = sorted(
                by_level[level],
                key=lambda e: (
                    type_order.get(_type_of(e), len(type_order)),
                    fmt.sort_name(e.title),
                    e.id or "",
                ),
            )
            # A level's name is the manifest's word; the group of the rest is the page's own.
            name = FilesWord(names[level]) if level is not None else self.t.other_organisations
            anchor = self.anchors.section(f"niva-{level or 'ovriga'}")
            groups.append(LevelGroup(name, anchor, self.organisations(members, plans_of)))
        return groups, other_plans

    def organisations(
        self, members: list[Element | UnreadableFile], plans_of: dict[str, list[ItemView]]
    ) -> Organisations:
        """The members' views, each built when the template reads it (see `Organisations`).

        Their anchors are all given here, in order, so that none depends on when
        a view is built.
        """
        heads: list[OrganisationHead] = []
        makers: list[Callable[[], OrganisationView]] = []
        for member in members:
            if isinstance(member, Element):
                name, kind = fmt.one_line(member.title), self.kind(member)
                anchor = self.anchors.element(member)
                plans = plans_of.get(member.id or "", [])
                makers.append(partial(self.organisation, member, plans))
                heads.append(OrganisationHead(member.id or "", anchor, name, kind))
            else:
                board = self.unreadable_board(member)  # small: built now, its anchor given now
                makers.append(partial(_same, board))
                heads.append(OrganisationHead(board.id, board.anchor, board.name, board.type))
        return Organisations(heads, makers)

    def unreadable_board(self, file: UnreadableFile) -> OrganisationView:
        """A board whose file did not load: its name, its type, and that it could not be read."""
        org_type = self.repository.model.organisation_types.get(file.type)
        kind = kind_label(org_type, self.language, file.type)
        # A resident knows no files: with no name or id to read, the board is named in
        # the notice's words for such a part, not by its file's name.
        own = fmt.one_line(file.name or file.id)
        return OrganisationView(
            id=file.id,
            anchor=self.anchors.section(f"org-{file.anchor_name}"),
            name=own or unknown_part(self.language),
            type=kind,
            facts=[],
            mission=[],
            mission_facts=[],
            direction=[],
            direction_contributes_to=[],
            direction_indicators=[],
            area_readings=[],
            goals=[],
            indicators=[],
            assignments=[],
            work_plans=[],
            unreadable_file=file.path,
            name_from_files=bool(own),
        )


def _same(view: OrganisationView) -> OrganisationView:
    return view


def _type_of(board: Element | UnreadableFile) -> str:
    return (board.kind_name or "") if isinstance(board, Element) else board.type
