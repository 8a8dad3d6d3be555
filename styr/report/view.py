"""The report's view of one repository: what it shows, in a stable order, ready to render.

Everything a template shows is decided here: which elements, in which order,
under which anchor, with which labels. Templates only lay it out. Text from
the YAML stays text; escaping is the renderer's job.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from styr.model.index import Element, Index
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.anchors import Anchors
from styr.report.followup import FollowUpLookup
from styr.report.links import ExternalLink, kolada, sdg, sdg_goal_of
from styr.report.provenance import provenance_facts, provenance_text
from styr.report.reach import Reach, count_linked_goals
from styr.report.texts import Labels, category_name, document_type, mission_source
from styr.report.toc import SECTIONS
from styr.report.unreadable import UnreadableFile, unreadable_files
from styr.report.view_types import (
    Fact,
    IndicatorView,
    ItemView,
    LevelGroup,
    OrganisationHead,
    Organisations,
    OrganisationView,
    Reading,
    Ref,
    RepositoryView,
    Stats,
    ValueAt,
)

# What other modules take from here (the view's types are defined in view_types).
__all__ = ["Ref", "RepositoryView", "ViewBuilder"]


class ViewBuilder:
    """Builds the view of one repository; one instance per repository and language."""

    def __init__(
        self,
        repository: Repository,
        index: Index,
        labels: Labels,
        anchors: Anchors,
        follow: FollowUpLookup | None = None,
    ) -> None:
        self.repository = repository
        self.follow = follow or FollowUpLookup()
        self.index = index
        self.t = labels
        self.language = labels.language
        self.anchors = anchors
        self.unreadable = unreadable_files(repository)
        self.children: dict[int, list[Element]] = defaultdict(list)
        self.top_level: dict[tuple[str, str | None], list[Element]] = defaultdict(list)
        for element in index.elements:
            if element.parent is not None:
                self.children[id(element.parent)].append(element)
            else:
                self.top_level[(element.category, element.owner)].append(element)
        for element in index.elements:  # in written order: anchors never depend on the template
            anchors.element(element)

    # --- references -------------------------------------------------------------------

    def ref(self, target: str) -> Ref:
        element = self.index.by_id.get(target)
        if element is None:
            return Ref(target, target, None)
        anchor = self.anchors.of(element)
        href = f"#{anchor}" if anchor else None
        return Ref(target, element.title, href, self.kind(element), element.category)

    def refs(self, data: dict[str, Any], key: str = "contributes_to") -> list[Ref]:
        return [self.ref(target) for target in fmt.string_list(data.get(key))]

    def organisation_or_text(self, value: Any) -> tuple[str, tuple[Ref, ...]]:
        """An `adopted_by`-like field: an organisation's id becomes a link, other text stays."""
        shown = fmt.text(value)
        if shown in self.index.by_id:
            return "", (self.ref(shown),)
        return shown, ()

    def kind(self, element: Element) -> str:
        if element.category == "organisation":
            org_type = self.repository.model.organisation_types.get(element.kind_name or "")
            return org_type.label(self.language) if org_type else (element.kind_name or "")
        if element.kind is not None:
            return element.kind.label(self.language)
        return category_name(element.category, self.language)

    def sdgs(self, data: dict[str, Any]) -> list[ExternalLink]:
        return [sdg(reference, self.t) for reference in fmt.string_list(data.get("agenda2030"))]

    # --- elements ---------------------------------------------------------------------

    def item(self, element: Element, facts: list[Fact] | None = None) -> ItemView:
        data = element.data
        return ItemView(
            id=element.id or "",
            anchor=self.anchors.element(element),
            category=element.category,
            kind=self.kind(element),
            title=fmt.one_line(element.title),
            paragraphs=fmt.paragraphs(data.get("text")),
            facts=(facts or []) + provenance_facts(data, self.t),
            contributes_to=self.refs(data),
            agenda2030=self.sdgs(data),
            indicators=self.indicators_under(element),
            status=self.follow.goals.get(id(element)),
            analysis=self.follow.analyses.get(id(element), []),
        )

    def kids(self, element: Element, category: str) -> list[Element]:
        return [e for e in self.children[id(element)] if e.category == category]

    def indicators_under(self, element: Element) -> list[IndicatorView]:
        return [self.indicator(e) for e in self.kids(element, "indicator")]

    def indicator(self, element: Element) -> IndicatorView:
        data = element.data
        kpi = fmt.text(data.get("kolada"))
        return IndicatorView(
            id=element.id or "",
            anchor=self.anchors.element(element),
            title=fmt.one_line(element.title),
            kind=self.kind(element),
            paragraphs=fmt.paragraphs(data.get("text")),
            unit=fmt.text(data.get("unit")),
            better=self.better(data),
            baseline=self.value_at(data.get("baseline")),
            targets=self.values_at(data.get("targets")),
            milestones=self.values_at(data.get("milestones")),
            kolada=kolada(kpi, self.repository.municipality_code, self.t) if kpi else None,
            agenda2030=self.sdgs(data),
            contributes_to=self.refs(data),
            gender_breakdown=data.get("gender_breakdown") is True,
            source=fmt.text(data.get("source")),
            outcome=self.follow.outcomes.get(id(element)),
            provenance=provenance_text(data, self.t),
        )

    def better(self, data: dict[str, Any]) -> str:
        better = data.get("better")
        if better == "higher":
            return self.t.better_higher
        if better == "lower":
            return self.t.better_lower
        if better == "range":
            bounds = _mapping(data.get("range"))
            low = fmt.number(bounds.get("min"), self.language)
            high = fmt.number(bounds.get("max"), self.language)
            span = f" {low}–{high}" if low or high else ""
            return f"{self.t.better_range}{span}"
        return ""

    def value_at(self, value: Any) -> ValueAt | None:
        if not isinstance(value, dict):
            return None
        year = fmt.year(value.get("year"))
        note_parts = []
        if value.get("term") in ("short", "long"):
            note_parts.append(self.t.get(f"term_{value['term']}"))
        if fmt.one_line(value.get("text")):
            note_parts.append(fmt.one_line(value.get("text")))
        return ValueAt(
            year="" if year is None else str(year),
            value=fmt.number(value.get("value"), self.language),
            note=", ".join(note_parts),
        )

    def values_at(self, value: Any) -> list[ValueAt]:
        items = [self.value_at(v) for v in value] if isinstance(value, list) else []
        present = [item for item in items if item is not None]
        return sorted(present, key=lambda v: (v.year == "", v.year))

    # --- sections ---------------------------------------------------------------------

    def vision(self) -> ItemView | None:
        visions = self.top_level[("vision", None)]
        if not visions:
            return None
        element = visions[0]
        year = fmt.year(element.data.get("year"))
        facts = [Fact(self.t.year, str(year))] if year is not None else []
        view = self.item(element, facts)
        view.children = [self.item(area) for area in self.kids(element, "vision_area")]
        return view

    def simple(self, category: str) -> list[ItemView]:
        return [self.simple_item(e) for e in self.top_level[(category, None)]]

    def simple_item(self, element: Element) -> ItemView:
        data = element.data
        facts: list[Fact] = []
        year = fmt.year(data.get("year"))
        if year is not None:
            facts.append(Fact(self.t.year, str(year)))
        if fmt.period(data.get("period")):
            facts.append(Fact(self.t.period, fmt.period(data.get("period"))))
        facts.extend(self.adoption(data))
        return self.item(element, facts)

    def adoption(self, data: dict[str, Any]) -> list[Fact]:
        facts = []
        if fmt.text(data.get("adopted_by")):
            shown, refs = self.organisation_or_text(data.get("adopted_by"))
            facts.append(Fact(self.t.adopted_by, shown, refs))
        if fmt.text(data.get("adopted_on")):
            facts.append(Fact(self.t.adopted_on, fmt.text(data.get("adopted_on"))))
        return facts

    def council_areas(self) -> list[ItemView]:
        views = []
        for element in self.top_level[("council_area", None)]:
            heading = fmt.one_line(element.data.get("heading"))
            view = self.item(element, [Fact(self.t.heading, heading)] if heading else [])
            view.children = [self.goal(goal) for goal in self.kids(element, "council_goal")]
            views.append(view)
        return views

    def goal(self, element: Element) -> ItemView:
        data = element.data
        facts = []
        if fmt.one_line(data.get("target_group")):
            facts.append(Fact(self.t.target_group, fmt.one_line(data.get("target_group"))))
        if fmt.period(data.get("horizon")):
            facts.append(Fact(self.t.horizon, fmt.period(data.get("horizon"))))
        return self.item(element, facts)

    def document(self, element: Element) -> ItemView:
        data = element.data
        facts = []
        if fmt.text(data.get("type")):
            facts.append(Fact(self.t.document_type, document_type(data["type"], self.language)))
        if fmt.one_line(data.get("area")):
            facts.append(Fact(self.t.document_area, fmt.one_line(data.get("area"))))
        facts.extend(self.adoption(data))
        if fmt.text(data.get("valid_until")):
            facts.append(
                Fact(self.t.valid, self.t.get("valid_until", date=fmt.text(data["valid_until"])))
            )
        elif data.get("until_further_notice") is True:
            facts.append(Fact(self.t.valid, self.t.until_further_notice))
        if fmt.text(data.get("owner")):
            shown, refs = self.organisation_or_text(data.get("owner"))
            facts.append(Fact(self.t.owner, shown, refs))
        if fmt.text(data.get("next_review")):
            facts.append(Fact(self.t.next_review, fmt.text(data.get("next_review"))))
        return self.item(element, facts)

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
        facts = [Fact(self.t.organisation_type, self.kind(element))] if element.kind_name else []
        if fmt.text(data.get("parent")):
            facts.append(Fact(self.t.answers_to, "", (self.ref(fmt.text(data["parent"])),)))
        mission = _mapping(data.get("mission"))
        mission_facts = []
        if fmt.text(mission.get("source")):
            source = mission_source(fmt.text(mission.get("source")), self.language)
            mission_facts.append(Fact(self.t.source, source))
        if fmt.text(mission.get("document")):
            document = self.ref(fmt.text(mission.get("document")))
            mission_facts.append(Fact(self.t.mission_document, "", (document,)))
        mission_facts.extend(provenance_facts(mission, self.t))
        facts.extend(provenance_facts(data, self.t))  # the whole file's mark
        direction = _mapping(data.get("direction"))
        readings = data.get("area_readings")
        owner = element.id
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
            direction_facts=provenance_facts(direction, self.t),
            direction_indicators=self.indicators_under(element),
            area_readings=[
                Reading(
                    self.ref(fmt.text(r.get("area"))),
                    fmt.paragraphs(r.get("text")),
                    tuple(provenance_facts(r, self.t)),
                )
                for r in (readings if isinstance(readings, list) else [])
                if isinstance(r, dict) and fmt.text(r.get("area"))
            ],
            goals=[self.goal(e) for e in self.top_level[("goal", owner)]] if owner else [],
            indicators=[self.indicator(e) for e in self.top_level[("indicator", owner)]]
            if owner
            else [],
            assignments=[self.assignment(e) for e in self.top_level[("assignment", owner)]]
            if owner
            else [],
            work_plans=work_plans,
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
            name = names[level] if level is not None else self.t.other_organisations
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
        kind = org_type.label(self.language) if org_type else file.type
        return OrganisationView(
            id=file.id,
            anchor=self.anchors.section(f"org-{file.anchor_name}"),
            name=fmt.one_line(file.title),
            type=kind,
            facts=[Fact(self.t.organisation_type, kind)] if kind else [],
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
        )

    def stats(self, reach: Reach | None = None) -> Stats:
        index = self.index
        indicators = index.of_category("indicator")
        sdg_goals = {
            goal
            for element in index.elements
            for reference in fmt.string_list(element.data.get("agenda2030"))
            if (goal := sdg_goal_of(reference)) is not None
        }
        return Stats(
            organisations=len(index.organisations),
            council_areas=len(index.of_category("council_area")),
            council_goals=len(index.of_category("council_goal")),
            goals=len(index.of_category("goal")),
            linked_goals=count_linked_goals(index, reach),
            indicators=len(indicators),
            indicators_with_targets=sum(1 for i in indicators if _has_targets(i.data)),
            indicators_with_kolada=sum(1 for i in indicators if fmt.text(i.data.get("kolada"))),
            sdg_goals=len(sdg_goals),
            assignments=len(index.of_category("assignment")),
            work_plans=len(index.of_category("work_plan")),
            activities=len(index.of_category("activity")),
            documents=len(index.of_category("steering_document")),
        )

    def build(self, reach: Reach | None = None) -> RepositoryView:
        """The full view: every section of the report (`reach`: the index's, if made already)."""
        groups, other_plans = self.groups()
        return self._view(
            reach,
            vision=self.vision(),
            waypoints=self.simple("waypoint"),
            values=self.simple("value"),
            programmes=self.simple("programme"),
            council_areas=self.council_areas(),
            council_goals=[self.goal(e) for e in self.top_level[("council_goal", None)]],
            documents=[self.document(e) for e in self.top_level[("steering_document", None)]],
            groups=groups,
            other_work_plans=other_plans,
        )

    def summary(self) -> RepositoryView:
        """What a comparison of many municipalities shows: the figures, not the sections."""
        return self._view(None, council_areas=self.council_areas())

    def _view(self, reach: Reach | None, **sections: Any) -> RepositoryView:
        repository = self.repository
        term = repository.term
        empty: dict[str, Any] = {
            "vision": None,
            "waypoints": [],
            "values": [],
            "programmes": [],
            "council_areas": [],
            "council_goals": [],
            "documents": [],
            "groups": [],
            "other_work_plans": [],
        }
        return RepositoryView(
            municipality=repository.municipality_name,
            code=repository.municipality_code or "",
            term=f"{term[0]}–{term[1]}" if term else "",
            model_name=repository.model.name,
            levels=[name for _, name in repository.model.levels],
            anchor=self.anchors.section("kommun"),
            stats=self.stats(reach),
            section_anchors={name: self.anchors.section(name) for name in SECTIONS},
            follow_up_period=self.follow.period,
            follow_up_summary=self.follow.summary,
            unreadable=self.unreadable,
            **(empty | sections),
        )


def _same(view: OrganisationView) -> OrganisationView:
    return view


def _type_of(board: Element | UnreadableFile) -> str:
    return (board.kind_name or "") if isinstance(board, Element) else board.type


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _has_targets(data: dict[str, Any]) -> bool:
    targets = data.get("targets")
    return isinstance(targets, list) and any(isinstance(t, dict) for t in targets)
