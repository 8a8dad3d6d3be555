"""How far an element reaches up the goal chain, for the diagram and the figures.

A goal reaches a council area by `contributes_to`, directly or through other
elements of the boards and companies (a board indicator that breaks down a
council indicator reaches that indicator's area).

`Reach` works this out once for the whole index (`styr.model.closure`), in
time linear in the number of links; a walk per element, as before, was
quadratic in the depth of a chain and in the length of a cycle.
"""

from __future__ import annotations

from collections.abc import Iterable

from styr.followup.evaluate import smart_goals
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
        self._direct: dict[int, list[int]] = {}
        self._onward: dict[int, list[Element]] = {}
        # The elements of the organisations that link, in the order of their first link
        # (the order of the index), found from the links: a pass over every element for
        # them was a fifth of the work.
        passing: dict[int, Element] = {}
        tops, direct, onward, by_id = self._tops, self._direct, self._onward, index.by_id
        for reference in index.references:
            if reference.field != "contributes_to":
                continue
            target = by_id.get(reference.target)
            if target is None:
                continue
            source = reference.source
            key = id(source)
            top = council_top(target)
            if top is not None:
                tops[id(top)] = top
                direct.setdefault(key, []).append(id(top))
            elif _passes_on(target):
                onward.setdefault(key, []).append(target)
            else:
                continue
            if key not in passing and _passes_on(source):
                passing[key] = source
        # Most of them link straight to the council level and nowhere else (nearly every
        # goal): what each reaches is the set of its own links, without the closure.
        self._leaves: dict[int, frozenset[int]] = {}
        interned: dict[frozenset[int], frozenset[int]] = {}
        for key in passing:  # in the index's order, so that the same sets are shared each run
            if key not in onward:
                found = frozenset(direct[key])
                self._leaves[key] = interned.setdefault(found, found)
        # An element that links nowhere reaches nothing of its own: the closure is not asked
        # about it (most indicators), and finds it as a target where another links to it.
        self._closure: Closure[Element, int] = Closure(
            (element for key, element in passing.items() if key in onward),
            lambda element: direct.get(id(element), ()),
            lambda element: onward.get(id(element), ()),
        )
        # Each set of columns reached, as its elements, made once: most goals share a few.
        self._listed: dict[int, tuple[Element, ...]] = {}

    def _reached(self, element: Element) -> frozenset[int]:
        """What an element of an organisation's own part reaches (`_passes_on`)."""
        leaf = self._leaves.get(id(element))
        return leaf if leaf is not None else self._closure.reached(element)

    def tops(self, element: Element) -> tuple[Element, ...]:
        """The council-level columns an element contributes to, through the goal chain."""
        if _passes_on(element):
            reached = self._reached(element)
            listed = self._listed.get(id(reached))
            if listed is None:  # by the set's identity: `_leaves` and the closure keep each
                listed = self._listed[id(reached)] = self._elements(reached)
            return listed
        # A council-level element: only where its own links lead.
        found = set(self._direct.get(id(element), ()))
        for target in self._onward.get(id(element), ()):
            found |= self._reached(target)
        return self._elements(found)

    def _elements(self, keys: Iterable[int]) -> tuple[Element, ...]:
        """The columns `keys` names, in the order the links first name them.

        Not in the order of the set: its keys are the elements' ids, which are
        memory addresses, so that order could change from one run to the
        next (the follow-up report lists a goal's areas in this order). The
        council level's columns are few.
        """
        wanted = keys if isinstance(keys, (set, frozenset)) else set(keys)
        return tuple(top for key, top in self._tops.items() if key in wanted)

    def reaches(self, element: Element) -> bool:
        """Whether the element contributes to any council-level column (`tops` not listed)."""
        if _passes_on(element):
            if id(element) in self._leaves:  # never an empty set: asked of every goal
                return True
            return bool(self._closure.reached(element))
        if self._direct.get(id(element)):
            return True
        return any(self._reached(target) for target in self._onward.get(id(element), ()))


def count_linked_goals(index: Index, reach: Reach | None = None) -> int:
    """How many of the organisations' goals reach the council level (`reach`: the index's).

    Their goals are their goals and the indicators that stand as goals of their own
    (`smart_goals`: Huddinge's).
    """
    reach = reach or Reach(index)
    organisations = {element.id for element in index.organisations}
    goals = [goal for goal in index.of_category("goal") if goal.owner in organisations]
    goals += [goal for goal in smart_goals(index) if goal.owner in organisations]
    return sum(map(reach.reaches, goals))  # a map, not a generator: asked of every goal
