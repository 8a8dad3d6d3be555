"""The goal-chain diagram: which goals contribute to which council-level direction.

The diagram is data (targets, each with the organisations and goals that reach
it, and a matrix of counts); the templates draw it as nested HTML lists with
CSS connectors and as Markdown tables, so it reads without any JavaScript, in
print and in a screen reader.

How far an element reaches up the chain is worked out in `reach`, which the
report's figures share.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from styr.model.index import Element, Index
from styr.report.reach import Reach, council_top
from styr.report.view import Ref, RepositoryView, ViewBuilder

COUNCIL_LEVEL = ("council_area", "council_goal")


@dataclass(frozen=True, slots=True)
class ChainGroup:
    """One organisation's goals and indicators under one target."""

    organisation: Ref
    items: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class ChainTarget:
    """A council-level direction or goal area and everything that contributes to it."""

    target: Ref
    groups: tuple[ChainGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.groups)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    organisation: Ref
    cells: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Diagram:
    targets: tuple[ChainTarget, ...]
    matrix: tuple[MatrixRow, ...]
    unlinked: tuple[ChainGroup, ...]

    @property
    def is_empty(self) -> bool:
        return not self.targets and not self.unlinked


def build_diagram(
    builder: ViewBuilder, view: RepositoryView, reach: Reach | None = None
) -> Diagram:
    index = builder.index
    reach = reach or Reach(index)

    targets = [
        element
        for category in COUNCIL_LEVEL
        for element in index.of_category(category)
        if council_top(element) is element
    ]
    target_keys = {id(t): position for position, t in enumerate(targets)}
    reached: dict[int, dict[str, list[Ref]]] = defaultdict(lambda: defaultdict(list))
    unlinked: dict[str, list[Ref]] = defaultdict(list)
    counts: dict[str, list[int]] = {}
    organisations = [o for group in view.groups for o in group.members]
    contributors = _contributors(index)
    for organisation in organisations:
        counts[organisation.id] = [0] * len(targets)
        for element in contributors.get(organisation.id, []):
            ref = builder.ref(element.id) if element.id else _target_ref(builder, element)
            tops = reach.tops(element)
            if not tops and _must_link(element):
                unlinked[organisation.id].append(ref)
            for top in sorted(tops, key=lambda t: target_keys[id(t)]):
                reached[id(top)][organisation.id].append(ref)
                counts[organisation.id][target_keys[id(top)]] += 1

    org_refs = {o.id: Ref(o.id, o.name, f"#{o.anchor}", o.type) for o in organisations}

    def groups(by_org: dict[str, list[Ref]]) -> tuple[ChainGroup, ...]:
        return tuple(
            ChainGroup(org_refs[o.id], tuple(by_org[o.id])) for o in organisations if by_org[o.id]
        )

    return Diagram(
        targets=tuple(
            ChainTarget(_target_ref(builder, target), groups(reached[id(target)]))
            for target in targets
        ),
        matrix=tuple(
            MatrixRow(org_refs[o.id], tuple(counts[o.id]))
            for o in organisations
            if any(counts[o.id])
        ),
        unlinked=groups(unlinked),
    )


def _target_ref(builder: ViewBuilder, element: Element) -> Ref:
    if element.id:
        return builder.ref(element.id)
    anchor = builder.anchors.of(element)
    href = f"#{anchor}" if anchor else None
    return Ref("", element.title, href, builder.kind(element), element.category)


def _contributors(index: Index) -> dict[str, list[Element]]:
    """Each organisation's goals and the indicators that stand on their own (not under a goal).

    Grouped in one pass: a pass per organisation was quadratic in large repositories.
    """
    by_owner: dict[str, list[Element]] = defaultdict(list)
    for element in index.elements:
        if element.owner is not None and (
            element.category == "goal"
            or (
                element.category == "indicator"
                and (element.parent is None or element.parent.category == "organisation")
            )
        ):
            by_owner[element.owner].append(element)
    return by_owner


def _must_link(element: Element) -> bool:
    """Goals belong in the chain; an indicator only when its kind says it must link."""
    if element.kind is not None and element.kind.requires_link:
        return True
    return element.category == "goal"
