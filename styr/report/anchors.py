"""Stable anchors: every element gets an `id` built from its own id, the same on every run.

An anchor is `<prefix><category word>-<id>` (`mal-sfn-mal-1`), so that a link
into a published report keeps working as long as the element keeps its id. In
a report of several municipalities each gets its own prefix (`k1283-`).

Every anchor, prefix and section name included, is an `escape.anchor_slug`
(only `a-z0-9_.-`): the Markdown report writes anchors into `<a id="…">` and
`(#…)` links, where raw data would be live HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from styr.escape import anchor_slug
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
    "operational_plan": "vp",
    "work_plan": "plan",
    "activity": "akt",
    "organisation": "org",
}


# An id that is a slug already (`mal-25101`, most ids): `anchor_slug` would give it back
# as it is, so it is not lower-cased, searched and stripped for every element.
_SLUG = re.compile(r"[a-z0-9_.]+(?:-+[a-z0-9_.]+)*")


class Anchors:
    """Hands out unique anchors; the same elements in the same order give the same anchors."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = _prefix(prefix)
        self._used: set[str] = set()
        self._next: dict[str, int] = {}  # the next number to try for a wanted anchor
        self._of: dict[int, str] = {}

    def section(self, name: str) -> str:
        """The anchor of a fixed section of the report (`innehall`, `malkedjan`)."""
        return self._claim(f"{self.prefix}{anchor_slug(name, 'avsnitt')}")

    def element(self, element: Element) -> str:
        known = self._of.get(id(element))
        if known is not None:
            return known
        anchor = self._of[id(element)] = self._claim(self._wanted(element))
        return anchor

    def elements(self, elements: Iterable[Element]) -> None:
        """Give each element its anchor, in order, as `element` would one by one.

        The report gives every element of the index its anchor before any view
        is built (200,000 at 100,000 goals), in one loop.
        """
        of, wanted, claim = self._of, self._wanted, self._claim
        for element in elements:
            if id(element) not in of:
                of[id(element)] = claim(wanted(element))

    def _wanted(self, element: Element) -> str:
        """The anchor an element asks for, before another may have taken it."""
        own = element.id or ""
        slug = own if _SLUG.fullmatch(own) else anchor_slug(own)
        return f"{self.prefix}{CATEGORY_WORDS.get(element.category, 'element')}-{slug}"

    def of(self, element: Element) -> str | None:
        """The anchor already given to an element, if it is in the report."""
        return self._of.get(id(element))

    def _claim(self, wanted: str) -> str:
        """`wanted`, or `wanted-2`, `wanted-3`, … when it is taken.

        The next number is remembered, so that many elements wanting the same
        anchor (say, thousands without an id) cost no more than distinct ones.
        """
        if wanted not in self._used:  # most are free: nothing to number
            self._used.add(wanted)
            return wanted
        anchor, number = wanted, self._next.get(wanted, 2)
        while anchor in self._used:
            anchor = f"{wanted}-{number}"
            number += 1
        if number != 2:  # 2 is where a search starts anyway: most anchors are free at once,
            self._next[wanted] = number  # and a table of them all took 100,000 goals 10 MB
        self._used.add(anchor)
        return anchor


def prefix_for(codes: list[str | None], position: int) -> str:
    """The anchor prefix of the repository at `position` in a report of several."""
    code = codes[position]
    # Only a code that is already a slug (such as 1283) is shown in the anchor.
    if code and anchor_slug(code, "") == code and codes.count(code) == 1:
        return f"k{code}-"
    return f"r{position + 1}-"


def _prefix(prefix: str) -> str:
    """A prefix as given, made safe for an anchor (it ends in `-` when there is one)."""
    slug = anchor_slug(prefix, "")
    return f"{slug}-" if slug else ""
