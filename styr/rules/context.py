"""What a quality rule gets to look at, and how it says where a problem is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from styr.findings import Finding, PathInDocument
from styr.model.index import Element, Index
from styr.model.repository import Repository
from styr.rules.base import Rule

GOAL_CATEGORIES = ("goal", "council_goal")


@dataclass(slots=True)
class RuleContext:
    repository: Repository
    index: Index
    options: dict[str, Any]  # the running rule's (styr.lint_checks sets each rule's in turn)
    today: date
    # Shared by every rule of one repository's run, for what several rules
    # read (the follow-up outcomes, the goals, the elements of a category),
    # so it is found once. Only what is small beside the index: a memo lives
    # until the last rule of the repository has run.
    memo: dict[str, Any] = field(default_factory=dict)

    def remember(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def goals(self) -> list[Element]:
        """The goals and council goals, in written order."""
        goals: list[Element] = self.remember("goals", self._goals)
        return goals

    def indicators_by_id(self) -> dict[str, Element]:
        """The indicators by id; of two with one id, the later (found once for the F rules)."""
        by_id: dict[str, Element] = self.remember(
            "indicators-by-id", lambda: {e.id: e for e in self.of_category("indicator") if e.id}
        )
        return by_id

    def of_category(self, category: str) -> list[Element]:
        """The elements of one category, in written order (`Index.of_category`)."""
        return self._by_category().get(category, [])

    def indicators_of(self, element: Element) -> list[Element]:
        """The indicators written under an element, in written order."""
        # Not remembered: the index keeps each element's children already.
        return [e for e in self.index.children(element) if e.category == "indicator"]

    # Found once per repository for all its rules: a dozen rules go through
    # every goal or every indicator, and each going through every element of
    # the index to find them was much of what the cheaper rules cost.
    def _by_category(self) -> dict[str, list[Element]]:
        by_category: dict[str, list[Element]] = self.remember("by-category", dict)
        if not by_category:
            for element in self.index.elements:
                by_category.setdefault(element.category, []).append(element)
        return by_category

    def _goals(self) -> list[Element]:
        by_category = self._by_category()
        if not by_category.get("council_goal"):
            return by_category.get("goal", [])
        return [e for e in self.index.elements if e.category in GOAL_CATEGORIES]

    def at(self, rule: Rule, element: Element, *keys: str | int, **params: Any) -> Finding:
        """A finding at `keys` below the element (at the element itself without keys)."""
        path: PathInDocument = (*element.path, *keys)
        line, column = element.document.locate(path)
        return rule.at(element.document.file, line, column, path, **params)


# A tuple made once: `int | float` written in the call made a new union each
# time, most of what asking cost, and the rules ask of every value they read.
_NUMBER_TYPES = (int, float)


def number(value: Any) -> float | None:
    """A numeric value as float; booleans are not numbers here."""
    if isinstance(value, bool) or not isinstance(value, _NUMBER_TYPES):
        return None
    return float(value)


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("–", "-").split()).strip(" .!")
