"""Hover, go to definition and find references: what an id names, and who names it.

Every reference the index knows (`contributes_to`, `parent`, `to`, `owner`,
`document`, `area`, `based_on`) carries the path it was written at, so the
id under the cursor is found by its path, not by guessing from the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lsprotocol import types

from styr import escape
from styr.findings import PathInDocument
from styr.i18n import N_, NC_, translate
from styr.lsp.diagnostics import finding_range, shown
from styr.lsp.locate import Spot, path_range, spot_at
from styr.lsp.settings import Settings
from styr.lsp.texts import lines_of
from styr.lsp.workspace import Linted
from styr.model.index import ORGANISATION, Element, Reference
from styr.report.texts import category_name
from styr.rules.catalogue import BY_CODE

DEFINED_AT = N_("Defined in {place}.")
ORGANISATION_WORD = NC_("what an id names", "organisation")

# Where an element's id is written, inside the element.
_ID = ("id",)

# Keys whose value names an element by its id, outside the index's references:
# a decision's organ (`decision: {by: …}`), who adopted a steering document
# (an id or a name in words), the indicator a follow-up outcome is of.
NAMING_KEYS = frozenset({"by", "adopted_by", "indicator"})


def hover(
    linted: Linted, file: Path, position: types.Position, language: str, settings: Settings
) -> types.Hover | None:
    """The element an id names, and the documentation of each finding at the place."""
    parts = []
    target = _element_at(linted, file, position)
    if target is not None:
        parts.append(describe(linted, target, language))
    parts.extend(_rules_at(linted, file, position, language, settings))
    if not parts:
        return None
    contents = types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts))
    return types.Hover(contents=contents)


def describe(linted: Linted, element: Element, language: str) -> str:
    """An element as hover shows it: its kind, its id and title, and where it is written."""
    name = escape.markdown_cell(element.title)
    heading = f"**{escape.markdown_cell(kind_label(linted, element, language))}**"
    identity = f"`{element.id}`" if element.id else ""
    place = translate(DEFINED_AT, language, place=_place(linted, element))
    return f"{heading} {identity} {name}".replace("  ", " ").strip() + f"\n\n{place}"


def kind_label(linted: Linted, element: Element, language: str) -> str:
    """The model's own name of the element's kind (of the organisation's type)."""
    if element.category == ORGANISATION:
        org_type = linted.repository.model.organisation_types.get(element.kind_name or "")
        return org_type.label(language) if org_type else translate(ORGANISATION_WORD, language)
    if element.kind is not None:
        return element.kind.label(language)
    # No declared kind (styr.yaml does not load): the report's word for the category.
    return category_name(element.category, language)


def _place(linted: Linted, element: Element) -> str:
    line = path_range(element.document, (*element.path, *_ID)).start.line + 1
    try:
        name = element.document.file.relative_to(linted.repository.root).as_posix()
    except ValueError:
        name = element.document.file.as_posix()
    return f"{name}:{line}"


def _rules_at(
    linted: Linted, file: Path, position: types.Position, language: str, settings: Settings
) -> list[str]:
    """The catalogue's documentation of each rule with a finding at the place."""
    document = linted.document(file)
    lines = lines_of(document.text if document else None)
    found = []
    for finding in shown(linted.result.findings, settings):
        if finding.file != file or finding.code in found:
            continue
        if _within(position, finding_range(finding, lines)):
            found.append(finding.code)
    texts = []
    for code in found:
        rule = BY_CODE[code]
        texts.append(f"**{rule.code} {rule.name}**: {rule.summary_in(language)}\n\n")
        texts[-1] += rule.doc_in(language).strip()
    return texts


def _within(position: types.Position, place: types.Range) -> bool:
    start, end = place.start, place.end
    return (
        (start.line, start.character)
        <= (position.line, position.character)
        <= (
            end.line,
            end.character,
        )
    )


def _spot(linted: Linted, file: Path, position: types.Position) -> Spot | None:
    document = linted.document(file)
    if document is None:
        return None
    return spot_at(document, position.line, position.character)


def reference_at(linted: Linted, file: Path, position: types.Position) -> Reference | None:
    """The reference written at the place, if one is."""
    spot = _spot(linted, file, position)
    if spot is None or spot.is_key:
        return None
    for reference in linted.index.references:
        if reference.document.file == file and reference.path == spot.path:
            return reference
    return None


def _defined_at(linted: Linted, file: Path, position: types.Position) -> Element | None:
    """The element whose own id is written at the place."""
    spot = _spot(linted, file, position)
    if spot is None or spot.is_key or spot.path[-1:] != _ID:
        return None
    for element in linted.index.elements:
        if element.document.file == file and (*element.path, *_ID) == spot.path:
            return element
    return None


def target_at(linted: Linted, file: Path, position: types.Position) -> Element | None:
    """The element an id written at the place refers to (by a reference or a naming key)."""
    reference = reference_at(linted, file, position)
    if reference is not None:
        return linted.index.by_id.get(reference.target)
    spot = _spot(linted, file, position)
    if spot is None or spot.is_key or not spot.path or spot.path[-1] not in NAMING_KEYS:
        return None
    return linted.index.by_id.get(spot.value)


def _element_at(linted: Linted, file: Path, position: types.Position) -> Element | None:
    """The element the id at the place names: the one referred to, or the one defined there."""
    return target_at(linted, file, position) or _defined_at(linted, file, position)


def definition(
    linted: Linted, file: Path, position: types.Position
) -> list[tuple[Path, types.Range]]:
    """Where the id referred to at the place is defined (its `id:` value)."""
    target = target_at(linted, file, position)
    if target is None:
        return []
    return [(target.document.file, path_range(target.document, (*target.path, *_ID)))]


def references(
    linted: Linted, file: Path, position: types.Position, include_declaration: bool
) -> list[tuple[Path, types.Range]]:
    """Every place that names the id at the place (defined or referred to there)."""
    element = _element_at(linted, file, position)
    if element is None or element.id is None:
        return []
    found = []
    if include_declaration:
        found.append((element.document.file, path_range(element.document, (*element.path, *_ID))))
    for reference in linted.index.references:
        if reference.target == element.id:
            found.append((reference.document.file, path_range(reference.document, reference.path)))
    for document in linted.repository.documents:
        for path in _named_by_key(document.data, element.id, ()):
            found.append((document.file, path_range(document, path)))
    return found


def _named_by_key(data: object, wanted: str, path: PathInDocument) -> Iterator[PathInDocument]:
    """The paths of the naming keys (`NAMING_KEYS`) whose value is `wanted`."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in NAMING_KEYS and value == wanted:
                yield (*path, key)
            elif isinstance(value, dict | list):
                yield from _named_by_key(value, wanted, (*path, key))
    elif isinstance(data, list):
        for position, item in enumerate(data):
            yield from _named_by_key(item, wanted, (*path, position))
