"""How far an element reaches up the goal chain, for the diagram and the figures.

A goal reaches a council area by `contributes_to`, directly or through other
elements of the boards and companies (a board indicator that breaks down a
council indicator reaches that indicator's area).
"""

from __future__ import annotations

from collections import defaultdict

from styr.model.index import Element, Index


def contribution_map(index: Index) -> dict[int, list[str]]:
    """The ids each element (by identity) names in `contributes_to`."""
    outgoing: dict[int, list[str]] = defaultdict(list)
    for reference in index.references:
        if reference.field == "contributes_to":
            outgoing[id(reference.source)].append(reference.target)
    return outgoing


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


def reached_tops(element: Element, index: Index, outgoing: dict[int, list[str]]) -> list[Element]:
    """The council-level columns an element contributes to, through the goal chain."""
    found: list[Element] = []
    seen = {id(element)}
    queue = [element]
    while queue:
        current = queue.pop(0)
        for target_id in outgoing.get(id(current), []):
            target = index.by_id.get(target_id)
            if target is None or id(target) in seen:
                continue
            seen.add(id(target))
            top = council_top(target)
            if top is not None:
                if all(top is not known for known in found):
                    found.append(top)
            elif target.owner is not None and target.category != "organisation":
                queue.append(target)
    return found


def count_linked_goals(index: Index) -> int:
    """How many of the organisations' goals reach the council level."""
    outgoing = contribution_map(index)
    organisations = {element.id for element in index.organisations}
    return sum(
        1
        for goal in index.of_category("goal")
        if goal.owner in organisations and reached_tops(goal, index, outgoing)
    )
