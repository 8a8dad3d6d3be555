"""A decision on an element: which organ, on what day, in which paragraph, how far it has come.

Any goal, council area, direction, mission, steering document, operational
plan, work plan or indicator may carry
`decision: {by, date, paragraph, case_number, state}`. This module reads one
into plain values and finds every decision in a repository's index; the lint
rules (styr.rules.decisions) and the report's view read it from here.

A steering document's `adopted_by` and `adopted_on` stay the short way to say
who adopted it and when; `decision` is the full form, with the paragraph,
the case number and the state.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from styr.findings import PathInDocument
from styr.model.index import Element, Index

PROPOSED, DECIDED, REVISED, REPEALED = "proposed", "decided", "revised", "repealed"
STATES = (PROPOSED, DECIDED, REVISED, REPEALED)

# The categories whose elements may carry a decision of their own.
_WITH_DECISION = frozenset(
    (
        "goal",
        "council_goal",
        "council_area",
        "steering_document",
        "operational_plan",
        "work_plan",
        # A smart goal followed as an indicator (Huddinge's smarta mål) is decided as a goal is.
        "indicator",
    )
)
# The parts of an organisation's file that may carry one.
ORGANISATION_PARTS = ("mission", "direction")


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision as written; each part None where it is left out (or is not of its type)."""

    by: str | None
    dated: str | None  # the date as written: "2025-11-24"
    paragraph: str | None  # "§ 123", whether written so or as 123
    case_number: str | None
    state: str  # one of STATES; decided when left out

    @property
    def day(self) -> date | None:
        """The date of the decision, or None when it is left out or is no date."""
        if self.dated is None:
            return None
        try:
            return date.fromisoformat(self.dated)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class PlacedDecision:
    """A decision and where it stands: on `element`, at `keys` below it."""

    element: Element
    keys: PathInDocument  # ("decision",) or ("mission", "decision")
    decision: Decision
    part: str | None = None  # "mission" or "direction" for an organisation's


def read_decision(value: Any) -> Decision | None:
    """The decision written as `value`, or None when there is none (or it is no mapping)."""
    if not isinstance(value, dict):
        return None
    state = value.get("state")
    return Decision(
        by=_text(value.get("by")),
        dated=_date_text(value.get("date")),
        paragraph=paragraph_text(value.get("paragraph")),
        case_number=_text(value.get("case_number")),
        state=state if state in STATES else DECIDED,
    )


def state_of(data: dict[str, Any]) -> str:
    """How far the element's decision has come: decided when it writes none.

    The one place that says whether an element is in force: decided and revised
    ones are (`IN_FORCE`); a proposal is not yet, a repealed one no longer.
    """
    decision = decision_of(data)
    return DECIDED if decision is None else decision.state


IN_FORCE = frozenset((DECIDED, REVISED))


def paragraph_text(value: Any) -> str | None:
    """A paragraph as the minutes write it: 123 and "123" become "§ 123"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"§ {value}"
    text = _text(value)
    if text is not None and text.isdigit():
        return f"§ {text}"
    return text


def decision_of(data: dict[str, Any]) -> Decision | None:
    """The decision an element's data carries."""
    return read_decision(data.get("decision"))


def placed_decisions(index: Index) -> Iterator[PlacedDecision]:
    """Every decision in the repository, in written order."""
    for element in index.elements:
        if element.category in _WITH_DECISION:
            decision = decision_of(element.data)
            if decision is not None:
                yield PlacedDecision(element, ("decision",), decision)
        elif element.category == "organisation":
            for part in ORGANISATION_PARTS:
                held = element.data.get(part)
                decision = decision_of(held) if isinstance(held, dict) else None
                if decision is not None:
                    yield PlacedDecision(element, (part, "decision"), decision, part)


def _date_text(value: Any) -> str | None:
    # An unquoted date reads as a date; lint says to quote it (Y-rules), and it still counts.
    if isinstance(value, date):
        return value.isoformat()
    return _text(value)


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
