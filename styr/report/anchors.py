"""Stable anchors: every element gets an `id` built from its own id, the same on every run.

An anchor is `<prefix><category word>-<id>` (`mal-sfn-mal-1`), so that a link
into a published report keeps working as long as the element keeps its id. In
a report of several municipalities each gets its own prefix (`k1283-`).
"""

from __future__ import annotations

import re

from styr.model.index import Element

CATEGORY_WORDS = {
    "vision": "vision",
    "vision_area": "visionsomrade",
    "waypoint": "malbild",
    "value": "varde",
    "programme": "program",
    "council_area": "omrade",
    "council_goal": "kfmal",
    "indicator": "ind",
    "steering_document": "dok",
    "goal": "mal",
    "assignment": "uppdrag",
    "work_plan": "plan",
    "activity": "akt",
    "organisation": "org",
}
_UNSAFE = re.compile(r"[^a-z0-9_.-]+")


class Anchors:
    """Hands out unique anchors; the same elements in the same order give the same anchors."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self._used: set[str] = set()
        self._of: dict[int, str] = {}

    def section(self, name: str) -> str:
        """The anchor of a fixed section of the report (`innehall`, `malkedjan`)."""
        return self._claim(f"{self.prefix}{name}")

    def element(self, element: Element) -> str:
        known = self._of.get(id(element))
        if known is not None:
            return known
        word = CATEGORY_WORDS.get(element.category, "element")
        own = _UNSAFE.sub("-", (element.id or "").lower()).strip("-") or "utan-id"
        anchor = self._claim(f"{self.prefix}{word}-{own}")
        self._of[id(element)] = anchor
        return anchor

    def of(self, element: Element) -> str | None:
        """The anchor already given to an element, if it is in the report."""
        return self._of.get(id(element))

    def _claim(self, wanted: str) -> str:
        anchor, number = wanted, 2
        while anchor in self._used:
            anchor = f"{wanted}-{number}"
            number += 1
        self._used.add(anchor)
        return anchor


def prefix_for(codes: list[str | None], position: int) -> str:
    """The anchor prefix of the repository at `position` in a report of several."""
    code = codes[position]
    if code and codes.count(code) == 1:
        return f"k{code}-"
    return f"r{position + 1}-"
