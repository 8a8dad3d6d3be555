"""Goal-chain checks of what the model requires: links up, contributors, parts (C005–C007)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from styr.findings import Finding
from styr.i18n import NC_, both_languages
from styr.rules.chain_rules import (
    CONTRIBUTES_TO_NOTHING,
    MISSING_PART,
    NOTHING_CONTRIBUTES,
    finding_at,
)

if TYPE_CHECKING:
    from styr.model.index import Element, Index
    from styr.model.repository import Repository


def check_coverage(repository: Repository, index: Index) -> Iterator[Finding]:
    """Elements linked to nothing above them, council-level elements nothing links to, and
    organisations without a part their type requires, in that order."""
    for check in (_requires_link, _requires_contributors, _missing_parts):
        yield from check(repository, index)


_PART_NAMES = {
    "mission": NC_("part of an organisation", "mission"),
    "direction": NC_("part of an organisation", "direction"),
    "goals": NC_("part of an organisation", "goals"),
    "indicators": NC_("part of an organisation", "indicators"),
    "parent": NC_("part of an organisation", "parent"),
}


def _requires_link(repository: Repository, index: Index) -> Iterator[Finding]:
    for element in index.elements:
        if element.kind is None or not element.kind.requires_link:
            continue
        if any(isinstance(t, str) for t in element.data.get("contributes_to") or []):
            continue
        allowed = ", ".join(sorted(repository.model.links.get(element.kind.id, ()))) or "–"
        yield finding_at(
            CONTRIBUTES_TO_NOTHING,
            element.document,
            (*element.path, "id"),
            id=element.id,
            kind=element.kind.label("sv"),
            kind_en=element.kind.label("en"),
            allowed=allowed,
        )


def _requires_contributors(repository: Repository, index: Index) -> Iterator[Finding]:
    targets = {r.target for r in index.references if r.field == "contributes_to"}
    for element in index.elements:
        if element.kind is None or not element.kind.requires_contributors:
            continue
        if element.id in targets:
            continue
        yield finding_at(
            NOTHING_CONTRIBUTES,
            element.document,
            (*element.path, "id"),
            id=element.id,
            kind=element.kind.label("sv"),
            kind_en=element.kind.label("en"),
        )


def _missing_parts(repository: Repository, index: Index) -> Iterator[Finding]:
    types = repository.model.organisation_types
    for organisation in index.organisations:
        org_type = types.get(organisation.kind_name or "")
        if org_type is None:
            continue
        for part in org_type.requires:
            if _has_part(organisation, part):
                continue
            name = _PART_NAMES.get(part, part)
            yield finding_at(
                MISSING_PART,
                organisation.document,
                ("id",),
                id=organisation.id,
                type=org_type.label("sv"),
                type_en=org_type.label("en"),
                **both_languages("part", name),
            )


def _has_part(organisation: Element, part: str) -> bool:
    value = organisation.data.get(part)
    if part in ("mission", "direction"):
        return isinstance(value, dict) and bool(str(value.get("text") or "").strip())
    if part == "parent":
        return isinstance(value, str) and bool(value)
    return isinstance(value, list) and len(value) > 0
