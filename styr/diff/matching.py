"""The two sides of a comparison matched: elements by id, and renames among the rest.

Both sides are indexed as lint and the report index them (`styr.model.index`)
and their elements matched by id and category. An element whose id is on one
side only may have been renamed: among those removed and added of one
category, pairs of the same or nearly the same content are matched
(`styr.diff.similarity`). The old side's values are then read with the ids
they name as renamed, so a link to a renamed element is no change.
`styr.diff.compare` says what changed between the pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from styr.diff.content import REFERENCE_FIELDS, Entry, Field, last_key, own_content
from styr.diff.places import Place, file_name, not_loaded_files, place_in
from styr.diff.similarity import Candidate, content_tokens, match_renames
from styr.findings import PathInDocument
from styr.load import Document
from styr.model.index import ORGANISATION, Element, Index
from styr.model.repository import Repository

# Renames are sought category by category in this order, the elements that
# others name first (an area before the goals that contribute to it), so that
# a goal's link to a renamed area already reads as the new id.
_RENAME_ORDER = (
    "vision",
    "vision_area",
    "waypoint",
    "value",
    "programme",
    "council_area",
    "council_goal",
    "steering_document",
    ORGANISATION,
    "goal",
    "assignment",
    "operational_plan",
    "work_plan",
    "activity",
    "indicator",
)


@dataclass(slots=True)
class Sides:
    old: Repository
    new: Repository
    old_index: Index
    new_index: Index
    # Old id → new id, and (old element, new element, similarity), of each rename found.
    renamed_ids: dict[str, str] = field(default_factory=dict)
    renamed: list[tuple[Element, Element, float]] = field(default_factory=list)

    def matched(self) -> tuple[list[tuple[Element, Element]], list[Element], list[Element]]:
        """Pairs of the same id and category; the elements of the old side only, of the new."""
        before, after = self.old_index.by_id, self.new_index.by_id
        kept = [
            (before[key], element)
            for key, element in after.items()
            if key in before and before[key].category == element.category
        ]
        kept_ids = {element.id for _old, element in kept}
        # An element kept in a file written the same on both sides has not changed.
        same = self._same_files()
        kept = [pair for pair in kept if same.get(id(pair[1].document)) is not pair[0].document]
        # What stands in a file that did not load on the other side was neither
        # removed nor added: lint's findings of that side say why it did not load.
        unread_old, unread_new = not_loaded_files(self.old), not_loaded_files(self.new)
        removed = [
            element
            for key, element in before.items()
            if key not in kept_ids and file_name(self.old, element.document) not in unread_new
        ]
        added = [
            element
            for key, element in after.items()
            if key not in kept_ids and file_name(self.new, element.document) not in unread_old
        ]
        return kept, removed, added

    def _same_files(self) -> dict[int, Document]:
        """The new side's documents (by id()) whose file has the same text on the old side."""
        old_by_name = {file_name(self.old, d): d for d in self.old.documents}
        same = {}
        for document in self.new.documents:
            counterpart = old_by_name.get(file_name(self.new, document))
            text = document.text
            if text is not None and counterpart is not None and counterpart.text == text:
                same[id(document)] = counterpart
        return same

    def find_renames(
        self, removed: list[Element], added: list[Element]
    ) -> list[tuple[Element, Element, float]]:
        for category in _RENAME_ORDER:
            old = [self._candidate(e, old_side=True) for e in removed if e.category == category]
            new = [self._candidate(e, old_side=False) for e in added if e.category == category]
            if not old or not new:
                continue
            for rename in match_renames(old, new):
                self.renamed_ids[rename.old.id or ""] = rename.new.id or ""
                self.renamed.append((rename.old, rename.new, rename.similarity))
        return self.renamed

    def _candidate(self, element: Element, *, old_side: bool) -> Candidate[Element]:
        content, group = own_content(element), element.owner
        if old_side:  # as the new side names them: an organisation renamed is one group
            content, group = self.mapped(content), self.renamed_id(group)
        return Candidate(element, content_tokens(content), group)

    def mapped(self, content: dict[Field, Any]) -> dict[Field, Any]:
        """The old side's values with the ids they name renamed as found."""
        if not self.renamed_ids:
            return content
        return {
            self._renamed_path(path): (
                self._renamed(value) if last_key(path) in REFERENCE_FIELDS else value
            )
            for path, value in content.items()
        }

    def _renamed_path(self, path: Field) -> Field:
        """An entry named by the element it is about (`area_readings`) under its new id."""
        if not any(isinstance(part, Entry) for part in path):
            return path
        return tuple(
            Entry(part.key, self.renamed_ids.get(part.value, part.value))
            if isinstance(part, Entry) and part.key in REFERENCE_FIELDS
            else part
            for part in path
        )

    def renamed_id(self, old_id: str | None) -> str | None:
        """An old side's id as the new side names it (itself, unless it was renamed)."""
        return self.renamed_ids.get(old_id, old_id) if old_id is not None else None

    def _renamed(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.renamed_ids.get(value, value)
        if isinstance(value, list):
            return [self._renamed(item) for item in value]
        return value

    # Places.

    def at_old(self, element: Element, keys: PathInDocument) -> Place:
        return place_in(self.old, element.document, (*element.path, *keys))

    def at_new(self, element: Element, keys: PathInDocument) -> Place:
        return place_in(self.new, element.document, (*element.path, *keys))

    def title(self, target: str) -> str:
        """A target's title, read on the new side first (its id where it is on neither)."""
        element = self.new_index.by_id.get(target) or self.old_index.by_id.get(target)
        return element.title if element is not None else target
