"""How far an element reaches up the goal chain, for the diagram and the figures.

A goal reaches a council area by `contributes_to`, directly or through other
elements of the boards and companies (a board indicator that breaks down a
council indicator reaches that indicator's area).

`Reach` works this out once for the whole index, in time linear in the
number of links: the elements a walk may pass through (the organisations'
goals, indicators and the like) are grouped into strongly connected
components, so that a cycle is one node, and each component's council-level
columns are the union of its own and those of the components it links to,
taken in an order where those come first. A walk per element, as before,
was quadratic in the depth of a chain and in the length of a cycle.
"""

from __future__ import annotations

from collections import defaultdict

from styr.model.index import Element, Index

_NOTHING: frozenset[int] = frozenset()


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
        self._direct: dict[int, set[int]] = defaultdict(set)
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
                self._direct[source].add(id(top))
            elif _passes_on(target):
                self._onward[source].append(target)
        self._through = self._components(index)

    def tops(self, element: Element) -> list[Element]:
        """The council-level columns an element contributes to, through the goal chain."""
        if _passes_on(element):
            reached = self._through.get(id(element), _NOTHING)
        else:
            reached = self._reached_from(element)
        return [self._tops[key] for key in reached]

    def _reached_from(self, element: Element) -> frozenset[int]:
        found = set(self._direct.get(id(element), ()))
        for target in self._onward.get(id(element), ()):
            found |= self._through.get(id(target), _NOTHING)
        return frozenset(found)

    def _components(self, index: Index) -> dict[int, frozenset[int]]:
        """What each element a walk passes through reaches (Tarjan's algorithm, no recursion).

        Tarjan's algorithm closes a component only after every component it
        links to, so those are known by the time it is closed.
        """
        through: dict[int, frozenset[int]] = {}
        number: dict[int, int] = {}
        low: dict[int, int] = {}
        stack: list[Element] = []
        on_stack: set[int] = set()
        for start in index.elements:
            if id(start) in number or not _passes_on(start):
                continue
            work: list[tuple[Element, int]] = [(start, 0)]
            while work:
                element, position = work.pop()
                key = id(element)
                if position == 0:
                    number[key] = low[key] = len(number)
                    stack.append(element)
                    on_stack.add(key)
                onward = self._onward.get(key, [])
                if position < len(onward):
                    work.append((element, position + 1))
                    target = onward[position]
                    if id(target) not in number:
                        work.append((target, 0))
                    elif id(target) in on_stack:
                        low[key] = min(low[key], number[id(target)])
                    continue
                for target in onward:
                    if id(target) in on_stack:
                        low[key] = min(low[key], low[id(target)])
                if low[key] == number[key]:
                    self._close(element, stack, on_stack, through)
        return through

    def _close(
        self,
        root: Element,
        stack: list[Element],
        on_stack: set[int],
        through: dict[int, frozenset[int]],
    ) -> None:
        """Pop the component of `root` off the stack and give all of it the same columns."""
        members: list[Element] = []
        while True:
            member = stack.pop()
            on_stack.discard(id(member))
            members.append(member)
            if member is root:
                break
        found: set[int] = set()
        shared: frozenset[int] | None = None
        for member in members:
            found |= self._direct.get(id(member), set())
            for target in self._onward.get(id(member), ()):
                reached = through.get(id(target))
                if reached is not None:  # None: in this component, not closed yet
                    found |= reached
                    shared = reached
        # A long chain reaches the same columns at every step: share one set.
        result = shared if shared is not None and found == shared else frozenset(found)
        for member in members:
            through[id(member)] = result


def count_linked_goals(index: Index) -> int:
    """How many of the organisations' goals reach the council level."""
    reach = Reach(index)
    organisations = {element.id for element in index.organisations}
    return sum(
        1 for goal in index.of_category("goal") if goal.owner in organisations and reach.tops(goal)
    )
