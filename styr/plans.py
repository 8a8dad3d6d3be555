"""A board's operational plans and the work plans below them, read from the model index.

An operational plan (*verksamhetsplan*) is one organisation's plan for one
year: its reading of each council-level area and what it carries out. It is a
file of its own (`kind: operational_plan`), or, as repositories wrote it
before plans were files, the `operational_plan:` and `area_readings:` keys of
the organisation's own file. Both are read here into one `Plan`, so that the
lint rules (styr.rules.plans) and the report's view (styr.report.view_plans)
see one shape. Work plans (*arbetsplaner*) are read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from styr.findings import PathInDocument
from styr.model.index import ORGANISATION, Element, Index
from styr.model.steering_model import SteeringModel

OPERATIONAL_PLAN, WORK_PLAN = "operational_plan", "work_plan"
# The organisation file's keys of a plan written the old way.
OLD_PLAN_KEY, OLD_READINGS_KEY = "operational_plan", "area_readings"


@dataclass(frozen=True, slots=True)
class Plan:
    """An operational plan or a work plan, wherever it is written."""

    element: Element  # the plan itself, or the organisation whose file holds it
    category: str  # OPERATIONAL_PLAN or WORK_PLAN
    owner: str | None
    year: int | None
    data: dict[str, Any]  # the plan's own keys (title, year, decision, …)
    keys: PathInDocument  # where `data` stands below `element`: () or ("operational_plan",)
    readings: tuple[tuple[PathInDocument, dict[str, Any]], ...]  # each reading and its keys
    readings_keys: PathInDocument  # where the list of readings is (or would be) written
    in_organisation_file: bool = False

    @property
    def id(self) -> str | None:
        return None if self.in_organisation_file else self.element.id

    @property
    def title(self) -> str:
        title = self.data.get("title")
        return title if isinstance(title, str) and title.strip() else self.element.title

    def read_areas(self) -> list[str]:
        """The ids of the areas the plan reads, in written order."""
        return [r["area"] for _, r in self.readings if isinstance(r.get("area"), str)]


def operational_plans(index: Index) -> list[Plan]:
    """Every operational plan: the files of their own, then those in organisation files."""
    plans = [_plan(element, OPERATIONAL_PLAN) for element in index.of_category(OPERATIONAL_PLAN)]
    for organisation in index.organisations:
        old = _old_plan(organisation)
        if old is not None:
            plans.append(old)
    return plans


def work_plans(index: Index) -> list[Plan]:
    return [_plan(element, WORK_PLAN) for element in index.of_category(WORK_PLAN)]


def every_plan(index: Index) -> list[Plan]:
    return operational_plans(index) + work_plans(index)


def chain_above(organisation_id: str | None, index: Index) -> list[Element]:
    """The organisations above one, nearest first (its parent, the parent's parent, …)."""
    above: list[Element] = []
    seen = {organisation_id}
    current = index.by_id.get(organisation_id or "")
    while current is not None and current.category == ORGANISATION:
        parent_id = current.data.get("parent")
        if not isinstance(parent_id, str) or parent_id in seen:
            break  # the top, or a cycle (C003 reports it)
        seen.add(parent_id)
        current = index.by_id.get(parent_id)
        if current is not None and current.category == ORGANISATION:
            above.append(current)
    return above


def level_of(organisation: Element | None, model: SteeringModel) -> str | None:
    """The level of the model an organisation stands at, by its type."""
    if organisation is None or organisation.category != ORGANISATION:
        return None
    org_type = model.organisation_types.get(organisation.kind_name or "")
    return org_type.level if org_type else None


def plan_levels(category: str, model: SteeringModel) -> set[str] | None:
    """The levels the model declares a plan kind of `category` for; None when any level will do.

    None too when the model declares no kind of the category at all: a model
    written before plans had a category of their own says nothing about them.
    """
    kinds = model.kinds_of(category)
    if not kinds or any(kind.level is None for kind in kinds):
        return None
    return {kind.level for kind in kinds if kind.level is not None}


def _plan(element: Element, category: str) -> Plan:
    data = element.data
    owner = data.get("owner")
    readings = data.get(OLD_READINGS_KEY)
    return Plan(
        element=element,
        category=category,
        owner=owner if isinstance(owner, str) else None,
        year=_year(data.get("year")),
        data=data,
        keys=(),
        readings=_readings(readings, (OLD_READINGS_KEY,)),
        readings_keys=(OLD_READINGS_KEY,),
    )


def _old_plan(organisation: Element) -> Plan | None:
    """The plan an organisation's own file describes with `operational_plan:` (the old way)."""
    data = organisation.data
    plan = data.get(OLD_PLAN_KEY)
    if not isinstance(plan, dict):
        return None
    return Plan(
        element=organisation,
        category=OPERATIONAL_PLAN,
        owner=organisation.id,
        year=_year(plan.get("year")),
        data=plan,
        keys=(OLD_PLAN_KEY,),
        readings=_readings(data.get(OLD_READINGS_KEY), (OLD_READINGS_KEY,)),
        readings_keys=(OLD_READINGS_KEY,),
        in_organisation_file=True,
    )


def _readings(
    value: Any, keys: PathInDocument
) -> tuple[tuple[PathInDocument, dict[str, Any]], ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        ((*keys, position), item) for position, item in enumerate(value) if isinstance(item, dict)
    )


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
