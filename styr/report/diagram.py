"""The goal-chain diagram: which goals contribute to which council-level direction.

The diagram is data (targets, each with the organisations and goals that reach
it, and a matrix of counts); the templates draw it as nested HTML lists with
CSS connectors and as Markdown tables, so it reads without any JavaScript, in
print and in a screen reader.

How far an element reaches up the chain is worked out in `reach`, which the
report's figures share. Past `LISTED_UP_TO` contributions the diagram lists no
single goal (a list of 100,000 goals helps nobody and was a tenth of the page):
it gives each target's count, the matrix each organisation's, and says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from styr.model.index import Element, Index
from styr.report import formatting as fmt
from styr.report.reach import Reach, council_top
from styr.report.view import Ref, RepositoryView, ViewBuilder

COUNCIL_LEVEL = ("council_area", "council_goal")
LISTED_UP_TO = 2_000  # contributions listed one by one; past this, counted only


@dataclass(frozen=True, slots=True)
class ChainGroup:
    """One organisation's goals and indicators under one target."""

    organisation: Ref
    items: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class ChainTarget:
    """A council-level direction or goal area and everything that contributes to it.

    In a summarised diagram `groups` is empty and `count` is all there is.
    """

    target: Ref
    groups: tuple[ChainGroup, ...]
    count: int


@dataclass(frozen=True, slots=True)
class MatrixRow:
    organisation: Ref
    cells: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Diagram:
    targets: tuple[ChainTarget, ...]
    matrix: tuple[MatrixRow, ...]
    unlinked: tuple[ChainGroup, ...]
    # Past `LISTED_UP_TO` contributions: the sentence that says only counts are given ("": listed).
    summary: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.targets and not self.unlinked


def build_diagram(
    builder: ViewBuilder,
    view: RepositoryView,
    reach: Reach | None = None,
    listed_up_to: int | None = None,
) -> Diagram:
    """The diagram of the view's organisations; counted only past `listed_up_to` contributions
    (`LISTED_UP_TO` by default)."""
    limit = LISTED_UP_TO if listed_up_to is None else listed_up_to
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
    # Not sorted: whatever their order, each target's list gets the element once, in the
    # elements' order (a sort per goal was a fifth of the diagram's time).
    tops_of = {
        id(element): reach.tops(element)
        for organisation in organisations
        for element in contributors.get(organisation.id, [])
    }
    listed = sum(len(tops) for tops in tops_of.values()) <= limit
    for organisation in organisations:
        counts[organisation.id] = [0] * len(targets)
        for element in contributors.get(organisation.id, []):
            tops = tops_of[id(element)]
            if tops and not listed:
                for top in tops:
                    counts[organisation.id][target_keys[id(top)]] += 1
                continue
            ref = builder.ref(element.id) if element.id else _target_ref(builder, element)
            if not tops and _must_link(element):
                unlinked[organisation.id].append(ref)
            for top in tops:
                reached[id(top)][organisation.id].append(ref)
                counts[organisation.id][target_keys[id(top)]] += 1

    org_refs = {o.id: Ref(o.id, o.name, f"#{o.anchor}", o.type) for o in organisations}

    def groups(by_org: dict[str, list[Ref]]) -> tuple[ChainGroup, ...]:
        return tuple(
            ChainGroup(org_refs[o.id], tuple(by_org[o.id])) for o in organisations if by_org[o.id]
        )

    def target_view(position: int, target: Element) -> ChainTarget:
        listing = groups(reached[id(target)])
        if listed:
            count = sum(len(group.items) for group in listing)
        else:
            count = sum(by_org[position] for by_org in counts.values())
        return ChainTarget(_target_ref(builder, target), listing, count)

    return Diagram(
        targets=tuple(target_view(position, target) for position, target in enumerate(targets)),
        matrix=tuple(
            MatrixRow(org_refs[o.id], tuple(counts[o.id]))
            for o in organisations
            if any(counts[o.id])
        ),
        unlinked=groups(unlinked),
        summary="" if listed else _summary(builder, limit),
    )


def _summary(builder: ViewBuilder, listed_up_to: int) -> str:
    return builder.t.get("chain_summarised", limit=fmt.number(listed_up_to, builder.language))


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
