"""Steering documents: adopted, repealed, extended or limited, and their review date moved.

A document's end is `valid_until`, or open when it is valid until further
notice (or says no end): moved earlier or newly set its validity is limited
(it still applies, until that day), moved later or opened it is extended. A
document added is adopted; only one removed from the register is repealed
(with no day): a councillor reads "repealed" as a decision to repeal, and an
end date set is not one. A new `adopted_on` is a re-adoption.
Dates are compared as written ("ÅÅÅÅ-MM-DD" orders as text).

The fields read here are left out of the general comparison of a document's
values (`styr.diff.compare`), so each change is said once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from styr.diff.changes import Change, ChangeKind
from styr.diff.content import plain
from styr.diff.places import Place, element_change
from styr.findings import PathInDocument
from styr.model.index import Element

CATEGORY = "steering_document"
FIELDS = frozenset({"adopted_on", "valid_until", "until_further_notice", "next_review"})

# Where a field of an element is on its side: (element, keys below it) → Place.
Locate = Callable[[Element, PathInDocument], Place]


def adopted(new: Element, locate: Locate) -> Change:
    """A document added: adopted (on the day it says, if it says one)."""
    params = {
        "adopted_on": _date(new, "adopted_on"),
        "adopted_by": plain(new.data.get("adopted_by")),
    }
    return element_change(ChangeKind.DOCUMENT_ADOPTED, new, locate(new, ()), params)


def repealed(old: Element, locate: Locate) -> Change:
    """A document removed: repealed, with no day (the old side's place)."""
    return element_change(ChangeKind.DOCUMENT_REPEALED, old, locate(old, ()), {"valid_until": None})


def document_changes(old: Element, new: Element, locate: Locate) -> list[Change]:
    """What changed in a document kept (or renamed) in its validity, adoption and review."""
    changes = []
    if _date(old, "adopted_on") != _date(new, "adopted_on") and _date(new, "adopted_on"):
        params = {
            "adopted_on": _date(new, "adopted_on"),
            "adopted_by": plain(new.data.get("adopted_by")),
        }
        changes.append(
            element_change(ChangeKind.DOCUMENT_ADOPTED, new, locate(new, ("adopted_on",)), params)
        )
    elif _date(old, "adopted_on") != _date(new, "adopted_on"):
        params = {"field": "adopted_on", "old": _date(old, "adopted_on"), "new": None}
        changes.append(element_change(ChangeKind.FIELD_CHANGED, new, locate(new, ()), params))
    end = _end_change(old, new, locate)
    if end is not None:
        changes.append(end)
    if _date(old, "next_review") != _date(new, "next_review"):
        params = {"old": _date(old, "next_review"), "new": _date(new, "next_review")}
        changes.append(
            element_change(ChangeKind.REVIEW_MOVED, new, locate(new, ("next_review",)), params)
        )
    return changes


def _end_change(old: Element, new: Element, locate: Locate) -> Change | None:
    before, after = _end(old), _end(new)
    if before == after:
        return None
    where = locate(
        new, ("valid_until",) if "valid_until" in new.data else ("until_further_notice",)
    )
    if after is not None and (before is None or after < before):
        return element_change(
            ChangeKind.DOCUMENT_LIMITED, new, where, {"old": before, "new": after}
        )
    return element_change(ChangeKind.DOCUMENT_EXTENDED, new, where, {"old": before, "new": after})


def _end(document: Element) -> str | None:
    """The last day a document is valid; None when it is open (until further notice)."""
    if document.data.get("until_further_notice") is True:
        return None
    return _date(document, "valid_until")


def _date(document: Element, key: str) -> str | None:
    value: Any = plain(document.data.get(key))
    return None if value is None else str(value)
