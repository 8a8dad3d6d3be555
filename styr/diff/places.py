"""Where a change is (a file's name in its repository, a 1-based line and column), and whose."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from styr.diff.changes import Change, ChangeKind
from styr.findings import PathInDocument
from styr.lint import relative_name
from styr.load import Document
from styr.model.index import ORGANISATION, Element
from styr.model.repository import Repository


@dataclass(frozen=True, slots=True)
class Place:
    file: str
    line: int
    column: int


def place_in(repository: Repository, document: Document, path: PathInDocument) -> Place:
    """The value at `path` in `document` (the nearest part of it still written there)."""
    line, column = document.locate(path)
    return Place(file_name(repository, document), line, column)


def file_name(repository: Repository, document: Document) -> str:
    """The document's file as findings name it: relative to the repository, with slashes."""
    return relative_name(repository, document.file)


def element_change(
    kind: ChangeKind, element: Element, where: Place, params: dict[str, Any] | None = None
) -> Change:
    """A change of an element (or an organisation) at `where`, grouped under its organisation."""
    return Change(
        kind=kind,
        category=element.category,
        id=element.id,
        title=element.title,
        file=where.file,
        line=where.line,
        column=where.column,
        organisation=organisation_of(element),
        params=params or {},
    )


def not_loaded_files(repository: Repository) -> set[str]:
    """The names of the repository's files (its manifest too) that did not load."""
    return {
        file_name(repository, document)
        for document in repository.all_documents()
        if not document.loaded
    }


# Plans in files of their own, each naming the organisation whose plan it is.
_PLANS = frozenset(("operational_plan", "work_plan"))


def organisation_of(element: Element) -> str | None:
    """The organisation a change is grouped under: an organisation's own, an element's owner.

    An operational plan and a work plan (and each of its activities) is written
    in a file of its own and names the organisation whose plan it is (`owner:`).
    """
    if element.category == ORGANISATION:
        return element.id
    plan = element.parent if element.category == "activity" else element
    if element.owner is None and plan is not None and plan.category in _PLANS:
        owner = plan.data.get("owner")
        return owner if isinstance(owner, str) else None
    return element.owner
