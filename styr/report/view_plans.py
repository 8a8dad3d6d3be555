"""The report's view of plans: each organisation's operational plans by year, and who carries
them out.

Built from `styr.plans`, the one reading of plans the lint rules use too: an
operational plan in a file of its own and one written in its organisation's
file (`operational_plan:` with `area_readings:`) are shown alike. The work
plans that carry a plan out are listed under it, nested by level (the
administration's, then its departments'), each a link to the work plan itself.
"""

from __future__ import annotations

from collections import defaultdict

from styr.decisions import PROPOSED, decision_of
from styr.model.index import Element
from styr.plans import Plan, operational_plans, work_plans
from styr.report import formatting as fmt
from styr.report.headings import readings_heading
from styr.report.language import kind_label
from styr.report.provenance import provenance_facts
from styr.report.texts import category_name
from styr.report.view_elements import ElementViews
from styr.report.view_types import BoardReading, Fact, PlanLink, PlanView, Reading, Ref


class PlanViews(ElementViews):
    """Views of the plans; part of `ViewBuilder`, used by the organisations' views."""

    _plans_by_owner: dict[str, list[Plan]] | None = None
    _carried_out_by: dict[str, list[Element]] | None = None

    def plans_by_owner(self) -> dict[str, list[Plan]]:
        """Each organisation's operational plans, by year (a plan without a year last)."""
        if self._plans_by_owner is None:
            by_owner: dict[str, list[Plan]] = defaultdict(list)
            for plan in operational_plans(self.index):
                if plan.owner is not None:
                    by_owner[plan.owner].append(plan)
            for plans in by_owner.values():
                plans.sort(key=lambda p: (p.year is None, p.year or 0))
            self._plans_by_owner = dict(by_owner)
        return self._plans_by_owner

    def plans_of(self, organisation: Element) -> list[PlanView]:
        return [self.plan(p) for p in self.plans_by_owner().get(organisation.id or "", [])]

    def has_plan_in_own_file(self, organisation: Element) -> bool:
        """Whether the organisation's file describes its plan (its readings then belong to it)."""
        plans = self.plans_by_owner().get(organisation.id or "", [])
        return any(p.in_organisation_file and p.element is organisation for p in plans)

    def plan(self, plan: Plan) -> PlanView:
        data, t = plan.data, self.t
        facts: list[Fact] = []
        if plan.in_organisation_file and fmt.text(data.get("adopted_on")):
            facts.append(Fact(t.adopted_on, fmt.text(data.get("adopted_on"))))
        facts.extend(self.decision(data))
        if fmt.text(data.get("reported_to")):
            facts.append(Fact(t.reported_to, "", (self.ref(fmt.text(data["reported_to"])),)))
        if not plan.in_organisation_file:  # the organisation's own mark is shown by its name
            facts.extend(provenance_facts(data, t))
        readings = [self.reading(r) for _, r in plan.readings if fmt.text(r.get("area"))]
        decision = decision_of(data)
        return PlanView(
            id=plan.id or "",
            anchor="" if plan.in_organisation_file else self.anchors.element(plan.element),
            kind=self.plan_kind(plan),
            title=fmt.one_line(plan.title),
            year="" if plan.year is None else str(plan.year),
            facts=facts,
            paragraphs=fmt.paragraphs(data.get("text")),
            readings=readings,
            readings_heading=readings_heading((r.area.kind for r in readings), t),
            carries_out=self.refs(data),
            carried_out_by=self.carried_out_by(plan.id),
            proposed=decision is not None and decision.state == PROPOSED,
        )

    def plan_kind(self, plan: Plan) -> str:
        if not plan.in_organisation_file:
            return self.kind(plan.element)
        kind = self.repository.model.default_kind(plan.category, None)
        return (
            kind_label(kind, self.language) if kind else category_name(plan.category, self.language)
        )

    def reading(self, data: dict[str, object]) -> Reading:
        return Reading(
            self.ref(fmt.text(data.get("area"))),
            fmt.paragraphs(data.get("text")),
            tuple(provenance_facts(data, self.t)),
        )

    def carried_out_by(
        self, plan_id: str | None, seen: frozenset[str] = frozenset()
    ) -> list[PlanLink]:
        """The work plans based on a plan, each with those based on it in turn."""
        if plan_id is None or plan_id in seen:
            return []  # a plan written in an organisation's file has no id to be based on
        if self._carried_out_by is None:
            based: dict[str, list[Element]] = defaultdict(list)
            for work_plan in work_plans(self.index):
                target = work_plan.data.get("based_on")
                if isinstance(target, str):
                    based[target].append(work_plan.element)
            self._carried_out_by = dict(based)
        below = self._carried_out_by.get(plan_id, [])
        return [
            PlanLink(self.ref(e.id or ""), self.carried_out_by(e.id, seen | {plan_id}))
            for e in below
            if e.id
        ]

    def readings_by_area(self) -> dict[str, list[BoardReading]]:
        """Every organisation's readings of each council-level area, by plan year."""
        found: dict[str, list[BoardReading]] = defaultdict(list)
        for owner, plans in self.plans_by_owner().items():
            for plan in plans:
                shown = Ref(plan.id or "", fmt.one_line(plan.title), None)
                if plan.id:
                    shown = self.ref(plan.id)
                for _, data in plan.readings:
                    area = fmt.text(data.get("area"))
                    if area:
                        reading = self.reading(data)
                        found[area].append(
                            BoardReading(
                                self.ref(owner),
                                shown,
                                "" if plan.year is None else str(plan.year),
                                reading.paragraphs,
                                reading.facts,
                            )
                        )
        return dict(found)
