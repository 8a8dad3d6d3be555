"""The records of the index: an element, a reference between elements, and the index itself.

`styr.model.index` builds them from a repository's files and re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from styr.findings import PathInDocument
from styr.load import Document
from styr.model.steering_model import ElementKind

# Typed references outside the goal chain: (file kind, path pattern) → category
# expected at the other end. "*" stands for any list index.
ORGANISATION = "organisation"
# What a work plan's `based_on` may name: a plan (an operational plan or a work
# plan of a level above) or, as before plans were elements, a board.
PLAN_OR_ORGANISATION = "plan_or_organisation"
PLAN_CATEGORIES = frozenset(("operational_plan", "work_plan"))


# Its __init__ written out, to work out its title once: a dozen rules, the views and the
# charts ask every goal and indicator for it, and a property's call cost each ask fifteen
# times a slot's read. Nothing changes an element's id or data once it is made.
@dataclass(slots=True, init=False)
class Element:
    """An element (or an organisation) with where it was written."""

    id: str | None
    category: str
    document: Document
    path: PathInDocument
    data: dict[str, Any]
    kind: ElementKind | None = None
    kind_name: str | None = None  # the kind it names or would get, even if undeclared
    owner: str | None = None  # the organisation an element belongs to
    parent: Element | None = None
    # The elements written under this one, once `Index.children` has been asked:
    # the one child itself, or a list of several (most goals have one indicator,
    # and a list and a table entry for each took 14 MB at 100,000 goals).
    _children: Element | list[Element] | None = field(default=None, repr=False, compare=False)
    # Its title, else its name, else its id ("" without any): of its id and data.
    title: str = field(default="", init=False, repr=False, compare=False)

    def __init__(
        self,
        id: str | None,
        category: str,
        document: Document,
        path: PathInDocument,
        data: dict[str, Any],
        kind: ElementKind | None = None,
        kind_name: str | None = None,
        owner: str | None = None,
        parent: Element | None = None,
        _children: Element | list[Element] | None = None,
    ) -> None:
        self.id = id
        self.category = category
        self.document = document
        self.path = path
        self.data = data
        self.kind = kind
        self.kind_name = kind_name
        self.owner = owner
        self.parent = parent
        self._children = _children
        # The two keys tried written out, not looped over: made for every element.
        title = data.get("title")
        if not isinstance(title, str):
            title = data.get("name")
            if not isinstance(title, str):
                title = id or ""
        self.title = title


# Not frozen, though nothing changes a Reference once made: a frozen
# dataclass sets each field through object.__setattr__, four times as slow
# to make, and a repository has one per link (200,000 at 100,000 goals). It
# was never hashable either way: its source, an Element, is not.
@dataclass(slots=True)
class Reference:
    """`source` names `target` in the field at `path` of `document`."""

    source: Element
    target: str
    field: str  # contributes_to, parent, to, owner, document, area, based_on, reported_to
    document: Document
    path: PathInDocument
    # A category, "organisation" or PLAN_OR_ORGANISATION; None for goal-chain links.
    expects: str | None = None


@dataclass(slots=True)
class Index:
    elements: list[Element] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    by_id: dict[str, Element] = field(default_factory=dict)
    duplicates: list[Element] = field(default_factory=list)
    _children_known: bool = field(default=False, repr=False)

    def add(self, element: Element) -> None:
        self.elements.append(element)
        if element.id is None:
            return
        if element.id in self.by_id:
            self.duplicates.append(element)
        else:
            self.by_id[element.id] = element

    @property
    def organisations(self) -> list[Element]:
        return [e for e in self.elements if e.category == ORGANISATION]

    def of_category(self, category: str) -> list[Element]:
        return [e for e in self.elements if e.category == category]

    def children(self, parent: Element) -> list[Element]:
        """The elements written under `parent` (a goal's indicators, a plan's activities)."""
        if not self._children_known:  # found once, even when no element has children
            self._children_known = True
            for element in self.elements:
                above = element.parent
                if above is not None:
                    held = above._children
                    if held is None:
                        above._children = element
                    elif isinstance(held, list):
                        held.append(element)
                    else:
                        above._children = [held, element]
        held = parent._children
        if held is None:
            return []
        return held if isinstance(held, list) else [held]
