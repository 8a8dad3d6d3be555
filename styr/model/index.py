"""Every element and organisation of a repository, and every reference between them.

The layout table below says where in each kind of file elements of each
category stand; the walker turns it into a flat index that the chain checks,
the rules and the report all read. The records themselves (`Element`,
`Reference`, `Index`) are in `styr.model.elements`, imported from here too.
"""

from __future__ import annotations

from typing import Any

from styr.findings import PathInDocument
from styr.load import Document
from styr.model.elements import ORGANISATION as ORGANISATION
from styr.model.elements import PLAN_CATEGORIES as PLAN_CATEGORIES
from styr.model.elements import PLAN_OR_ORGANISATION as PLAN_OR_ORGANISATION
from styr.model.elements import Element as Element
from styr.model.elements import Index as Index
from styr.model.elements import Reference as Reference
from styr.model.repository import Repository, collector_paused
from styr.model.steering_model import ElementKind, SteeringModel

# A layout maps a key to (category, child layout, one element or a list).
Layout = dict[str, tuple[str, "Layout", bool]]

_INDICATORS: Layout = {"indicators": ("indicator", {}, False)}
_GOALS: Layout = {"goals": ("goal", _INDICATORS, False)}

FILE_LAYOUTS: dict[str, Layout] = {
    "vision": {
        "vision": ("vision", {"areas": ("vision_area", {}, False)}, True),
        "waypoints": ("waypoint", {}, False),
        "values": ("value", {}, False),
    },
    "programme": {"programme": ("programme", {}, True)},
    "council": {
        "areas": (
            "council_area",
            {**_INDICATORS, "goals": ("council_goal", _INDICATORS, False)},
            False,
        ),
        "goals": ("council_goal", _INDICATORS, False),
    },
    "steering_documents": {"documents": ("steering_document", {}, False)},
    "organisation": {
        **_GOALS,
        **_INDICATORS,
        "assignments": ("assignment", {}, False),
    },
    "operational_plan": {"operational_plan": ("operational_plan", {}, True)},
    "work_plan": {"work_plan": ("work_plan", {"activities": ("activity", {}, False)}, True)},
    # Outcomes are records about indicators, not elements: styr.followup reads them.
    "follow_up": {},
    # Kolada's values for the municipality, its peers and the country (styr.followup.peers).
    "peer_values": {},
}

FILE_KINDS = ("manifest", *FILE_LAYOUTS)

# Where `shared_index` keeps a repository's index (`Repository.memo`).
_INDEX = "index"


def shared_index(repository: Repository) -> Index:
    """The repository's index, built at the first ask and kept with the repository.

    The lint's guard and the report's view read the same index of the same
    loaded repository: built twice, it cost a report of 100,000 goals half a
    second, and the lint's copy (its elements refer to each other) waited for
    a full collection of the garbage while the view's was built (40 MB). Both
    only read it; `Index.children` fills in the same children whoever asks.
    """
    index = repository.memo.get(_INDEX)
    if index is None:
        index = repository.memo[_INDEX] = build_index(repository)
    return index


def build_index(repository: Repository) -> Index:
    with collector_paused():  # its elements live as long as it does
        return _built_index(repository)


def _built_index(repository: Repository) -> Index:
    index = Index()
    top = repository.model.top_level
    owner_levels = _owner_levels(repository)
    plans: dict[tuple[int, str | None], _Plan] = {}
    for document in repository.documents:
        kind = document.kind
        if not isinstance(document.data, dict) or kind not in FILE_LAYOUTS:
            continue
        level, owner = top, None
        if kind in _PLAN_FILE_KINDS:
            level = _plan_level(document.data.get(kind), owner_levels) or top
        if kind == "organisation":
            organisation = _organisation(document, repository)
            index.add(organisation)
            _organisation_references(index, organisation, repository)
            level, owner = _level_of(organisation, repository), organisation.id
        plan = _plan(FILE_LAYOUTS[kind], level, repository.model, plans)
        _walk(index, repository.model.kinds, document, document.data, plan, (), owner, None)
    return index


# Files that hold one plan, whose kind defaults to the model's kind at the owner's level.
_PLAN_FILE_KINDS = frozenset(("operational_plan", "work_plan"))


def _owner_levels(repository: Repository) -> dict[str, str]:
    """Each organisation's level by its id, for the plans they own (in files read before them)."""
    types = repository.model.organisation_types
    levels = {}
    for document in repository.documents:
        data = document.data
        if document.kind == ORGANISATION and isinstance(data, dict):
            type_id, org_id = data.get("type"), data.get("id")
            org_type = types.get(type_id) if isinstance(type_id, str) else None
            if isinstance(org_id, str) and org_type and org_type.level:
                levels[org_id] = org_type.level
    return levels


def _plan_level(plan: Any, owner_levels: dict[str, str]) -> str | None:
    owner = plan.get("owner") if isinstance(plan, dict) else None
    return owner_levels.get(owner) if isinstance(owner, str) else None


def _organisation(document: Document, repository: Repository) -> Element:
    data = document.data
    type_id = data.get("type") if isinstance(data.get("type"), str) else None
    return Element(
        id=_id(data),
        category=ORGANISATION,
        document=document,
        path=(),
        data=data,
        kind_name=type_id,
    )


def _level_of(organisation: Element, repository: Repository) -> str | None:
    org_type = repository.model.organisation_types.get(organisation.kind_name or "")
    return org_type.level if org_type else None


def _organisation_references(index: Index, organisation: Element, repository: Repository) -> None:
    data, document = organisation.data, organisation.document
    _typed(index, organisation, data, "parent", ("parent",), ORGANISATION)
    mission = data.get("mission")
    if isinstance(mission, dict):
        _typed(
            index, organisation, mission, "document", ("mission", "document"), "steering_document"
        )
    direction = data.get("direction")
    if isinstance(direction, dict):
        _links(index, organisation, direction, ("direction",), document)
        default = _Default(repository.model, "indicator", _level_of(organisation, repository))
        for position, indicator in _items(direction.get("indicators")):
            path = ("direction", "indicators", position)
            element = _element(
                repository, document, indicator, path, "indicator", default, organisation.id
            )
            element.parent = organisation
            index.add(element)
            _links(index, element, indicator, element.path, document)
    for position, reading in _items(data.get("area_readings")):
        where = ("area_readings", position, "area")
        _typed(index, organisation, reading, "area", where, "council_area")


# A layout made ready for one level: for each key, its category, the kind an element
# that names none gets and that kind's name, whether `_element_references` looks at the
# category, the plan of what stands under it, and whether it holds one element or a list.
# Found once per layout and level, not for every goal (whose indicators were a layout
# of their own to look up again).
_Step = tuple[str, str, ElementKind | None, str | None, bool, "_Plan", bool]
_Plan = tuple[_Step, ...]


def _plan(
    layout: Layout,
    level: str | None,
    model: SteeringModel,
    plans: dict[tuple[int, str | None], _Plan],
) -> _Plan:
    """`layout` at `level`, made once per build (`plans`, by the layout's identity)."""
    key = (id(layout), level)  # the layouts are this module's, alive as long as it is
    plan = plans.get(key)
    if plan is None:
        steps = []
        for name, (category, children, single) in layout.items():
            default = model.default_kind(category, level)
            typed = category in _WITH_TYPED_REFERENCES
            below = _plan(children, level, model, plans)
            steps.append(
                (name, category, default, default.id if default else None, typed, below, single)
            )
        plan = plans[key] = tuple(steps)
    return plan


def _walk(
    index: Index,
    kinds: dict[str, ElementKind],
    document: Document,
    data: dict[str, Any],
    plan: _Plan,
    path: PathInDocument,
    owner: str | None,
    parent: Element | None,
) -> None:
    """The elements the plan finds in `data`, and those under them, added to the index.

    Runs for every goal and indicator: what `Index.add`, `_element` and `_links` do is
    written out here, the index's lists and mapping taken once.
    """
    elements, by_id, duplicates = index.elements, index.by_id, index.duplicates
    references = index.references
    for key, category, default_kind, default_name, typed, children, single in plan:
        value = data.get(key)
        if single:
            value, at = [value], (*path, key)
        elif isinstance(value, list):
            at, under = None, (*path, key)
        else:
            continue  # most keys of a layout are absent from most files and elements
        for position, entry in enumerate(value):
            if not isinstance(entry, dict):
                continue
            entry_path = at or (*under, position)
            named, element_id = entry.get("kind"), entry.get("id")
            kind, kind_name = default_kind, default_name
            if isinstance(named, str):
                kind, kind_name = kinds.get(named), named
            if not isinstance(element_id, str):
                element_id = None
            element = Element(
                element_id, category, document, entry_path, entry, kind, kind_name, owner, parent
            )
            elements.append(element)
            if element_id is not None and by_id.setdefault(element_id, element) is not element:
                duplicates.append(element)
            targets = entry.get("contributes_to")  # most indicators have none
            if targets is not None and isinstance(targets, list):
                for number, target in enumerate(targets):
                    if isinstance(target, str):
                        where = (*entry_path, "contributes_to", number)
                        references.append(
                            Reference(element, target, "contributes_to", document, where)
                        )
            if typed:
                _element_references(index, element)
            if children:  # most elements (indicators) hold none
                _walk(index, kinds, document, entry, children, entry_path, owner, element)


class _Default:
    """The kind an element of one category and level gets when it names none, found once."""

    __slots__ = ("kind", "kind_name")

    def __init__(self, model: SteeringModel, category: str, level: str | None) -> None:
        self.kind = model.default_kind(category, level)
        self.kind_name = self.kind.id if self.kind else None


def _element(
    repository: Repository,
    document: Document,
    data: dict[str, Any],
    path: PathInDocument,
    category: str,
    default: _Default,
    owner: str | None,
) -> Element:
    named = data.get("kind")
    kind, kind_name = default.kind, default.kind_name
    if isinstance(named, str):
        kind, kind_name = repository.model.kinds.get(named), named
    return Element(_id(data), category, document, path, data, kind, kind_name, owner)


# The categories `_element_references` looks at.
_WITH_TYPED_REFERENCES = frozenset(
    ("assignment", "steering_document", "operational_plan", "work_plan")
)


def _element_references(index: Index, element: Element) -> None:
    data = element.data
    if element.category == "assignment":
        _typed(index, element, data, "to", (*element.path, "to"), ORGANISATION)
    elif element.category == "steering_document":
        _typed(index, element, data, "owner", (*element.path, "owner"), ORGANISATION)
    elif element.category == "work_plan":
        _typed(index, element, data, "owner", (*element.path, "owner"), ORGANISATION)
        where = (*element.path, "based_on")
        _typed(index, element, data, "based_on", where, PLAN_OR_ORGANISATION)
    elif element.category == "operational_plan":
        _typed(index, element, data, "owner", (*element.path, "owner"), ORGANISATION)
        where = (*element.path, "reported_to")
        _typed(index, element, data, "reported_to", where, ORGANISATION)
        for position, reading in _items(data.get("area_readings")):
            where = (*element.path, "area_readings", position, "area")
            _typed(index, element, reading, "area", where, "council_area")


def _links(
    index: Index,
    source: Element,
    data: dict[str, Any],
    path: PathInDocument,
    document: Document,
) -> None:
    targets = data.get("contributes_to")
    if not isinstance(targets, list):
        return
    for position, target in enumerate(targets):
        if isinstance(target, str):
            reference = Reference(
                source, target, "contributes_to", document, (*path, "contributes_to", position)
            )
            index.references.append(reference)


def _typed(
    index: Index,
    source: Element,
    data: dict[str, Any],
    key: str,
    path: PathInDocument,
    expects: str,
) -> None:
    target = data.get(key)
    if isinstance(target, str):
        index.references.append(Reference(source, target, key, source.document, path, expects))


def _id(data: dict[str, Any]) -> str | None:
    value = data.get("id")
    return value if isinstance(value, str) else None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, item) for i, item in enumerate(_list(value)) if isinstance(item, dict)]
