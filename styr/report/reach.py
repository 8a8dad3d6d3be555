"""How far an element reaches up the goal chain, for the diagram and the figures.

A goal reaches a council area by `contributes_to`, directly or through other
elements of the boards and companies (a board indicator that breaks down a
council indicator reaches that indicator's area).

`Reach` works this out once for the whole index (`styr.model.closure`), in
time linear in the number of links; a walk per element, as before, was
quadratic in the depth of a chain and in the length of a cycle.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from styr.model.closure import Closure
from styr.model.index import Element, Index


def council_top(element: Element) -> Element | None:
    """The council-level column an element belongs to: its area, or a goal that has none."""
    if element.owner is not None:
        return None
    if element.category == "council_area":
        return element
    if element.category == "council_goal":
        parent = element.parent
        return parent if parent is not None and parent.category == "council_area" else element
    if element.category == "indicator" and element.parent is not None:
        return council_top(element.parent)
    return None


def _passes_on(element: Element) -> bool:
    """Whether a walk up the chain goes on through this element (an organisation's own part)."""
    return element.owner is not None and element.category != "organisation"


class Reach:
    """The council-level columns every element reaches, worked out once for an index."""

    def __init__(self, index: Index) -> None:
        self._tops: dict[int, Element] = {}
        self._direct: dict[int, list[int]] = defaultdict(list)
        self._onward: dict[int, list[Element]] = defaultdict(list)
        for reference in index.references:
            if reference.field != "contributes_to":
                continue
            target = index.by_id.get(reference.target)
            if target is None:
                continue
            source = id(reference.source)
            top = council_top(target)
            if top is not None:
                self._tops[id(top)] = top
                self._direct[source].append(id(top))
            elif _passes_on(target):
                self._onward[source].append(target)
        direct, onward = self._direct, self._onward  # not self: no cycle for the collector
        # An element that links nowhere reaches nothing of its own: the closure is not asked
        # about it (most indicators), and finds it as a target where another links to it.
        self._closure: Closure[Element, int] = Closure(
            (
                element
                for element in index.elements
                if (id(element) in direct or id(element) in onward) and _passes_on(element)
            ),
            lambda element: direct.get(id(element), ()),
            lambda element: onward.get(id(element), ()),
        )

    def tops(self, element: Element) -> list[Element]:
        """The council-level columns an element contributes to, through the goal chain."""
        if _passes_on(element):
            reached: Iterable[int] = self._closure.reached(element)
        else:  # a council-level element: only where its own links lead
            found = set(self._direct.get(id(element), ()))
            for target in self._onward.get(id(element), ()):
                found |= self._closure.reached(target)
            reached = found
        return [self._tops[key] for key in reached]

    def reaches(self, element: Element) -> bool:
        """Whether the element contributes to any council-level column (`tops` not listed)."""
        if _passes_on(element):
            return bool(self._closure.reached(element))
        if self._direct.get(id(element)):
            return True
        return any(self._closure.reached(target) for target in self._onward.get(id(element), ()))


def count_linked_goals(index: Index, reach: Reach | None = None) -> int:
    """How many of the organisations' goals reach the council level (`reach`: the index's)."""
    reach = reach or Reach(index)
    organisations = {element.id for element in index.organisations}
    goals = [goal for goal in index.of_category("goal") if goal.owner in organisations]
    return sum(map(reach.reaches, goals))  # a map, not a generator: asked of every goal
