"""Two loaded repositories compared element by element: what `styr diff` lists.

The sides are matched by `styr.diff.matching` (by id, and renames among the
rest, shown as one rename). Each pair (the same id, or a rename) is then
compared value by value here: texts reworded (with a word diff), links
moved, other values changed; an indicator's targets and baseline by
`styr.diff.indicators`, a steering document's validity by
`styr.diff.documents`, the declared model by `styr.diff.model_changes`, the
follow-up's outcomes by `styr.diff.outcomes`.

What is not a change: keys in another order, a flow mapping written as a
block, a text only wrapped or spaced differently, links in another order, a
link to a renamed element that now names it by its new id. An organisation's
goal count is said when it changed (and of an organisation added, when it is
over G001's limit). An element now written under another organisation is
moved (`ChangeKind.MOVED`).

A repository on one side only (`old` or `new` None) gives no changes here:
the caller says that the whole repository was added or removed, instead of
listing each of its elements.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from styr.diff import documents
from styr.diff.changes import Change, ChangeKind
from styr.diff.content import (
    LINK_FIELD,
    Field,
    dotted,
    identical_own,
    last_key,
    link_ids,
    located,
    own_content,
    plain,
    same_value,
    text_or_empty,
    without_entries,
)
from styr.diff.goal_counts import goal_count, goal_count_change, goal_limit
from styr.diff.indicators import indicator_changes
from styr.diff.kind_names import with_kind_names
from styr.diff.manifest_changes import manifest_changes
from styr.diff.matching import Sides
from styr.diff.model_changes import model_changes
from styr.diff.outcomes import outcome_changes
from styr.diff.peer_changes import peer_changes
from styr.diff.places import Place, element_change, organisation_of
from styr.diff.words import word_diff
from styr.load.text_fields import is_text_field
from styr.model.index import ORGANISATION, Element, build_index
from styr.model.repository import Repository

# The values other modules compare, left out of the value-by-value comparison
# so that each change is said once.
_COMPARED_ELSEWHERE: dict[str, frozenset[str]] = {
    "indicator": frozenset(
        {"targets", "milestones", "range", "baseline", "unit", "kolada", "better"}
    ),
    documents.CATEGORY: documents.FIELDS,
}
_MISSION_SOURCE = frozenset({("mission", "source"), ("mission", "document")})
_KIND: Field = ("kind",)


def compare_repositories(
    old: Repository | None, new: Repository | None, *, language: str | None = None
) -> list[Change]:
    """Every change from `old` to `new`, in the order of files and positions on the new side.

    A change of what was removed is placed on the old side. With `language`
    (the run's), a change of an element of a declared kind carries the kind's
    name in that language (`kind_name`, `styr.diff.kind_names`).
    """
    if old is None or new is None:
        return []
    sides = _Changes(old, new, build_index(old), build_index(new))
    kept, removed, added = sides.matched()
    renames = sides.find_renames(removed, added)  # first: kept elements may link to them
    renamed_old = {id(old_element) for old_element, _new, _score in renames}
    renamed_new = {id(new_element) for _old, new_element, _score in renames}
    # The new side's elements file by file: a file's positions are read from its
    # node tree, and only a few trees are kept at once (`styr.load.document`).
    on_new_side: list[tuple[Element | None, Element, float | None]] = [
        *((old_element, new_element, None) for old_element, new_element in kept),
        *renames,
        *((None, element, None) for element in added if id(element) not in renamed_new),
    ]
    on_new_side.sort(key=lambda item: id(item[1].document))  # grouped; the order is below
    # What was removed first: at the same place as what was added, it is said first.
    gone = [element for element in removed if id(element) not in renamed_old]
    gone.sort(key=lambda element: id(element.document))
    changes = [sides.removed(element) for element in gone]
    for old_element, new_element, score in on_new_side:
        if old_element is None:
            changes.extend(sides.added(new_element))
            continue
        if score is not None:
            changes.append(sides.renamed_change(old_element, new_element, score))
        changes.extend(sides.pair_changes(old_element, new_element))
    if old.manifest.loaded and new.manifest.loaded:
        changes.extend(model_changes(old, new, language or "sv"))
        changes.extend(manifest_changes(old, new))
    changes.extend(outcome_changes(old, new, sides.new_index, sides.old_index, sides.renamed_ids))
    changes.extend(peer_changes(old, new, sides.new_index))
    if language is not None:
        changes = with_kind_names(changes, sides.old_index, sides.new_index, language)
    return sorted(changes, key=lambda change: (change.file, change.line, change.column))


@dataclass(slots=True)
class _Changes(Sides):
    """The matched sides, and what changed between each pair of them."""

    _goal_limit: int | None = None

    # Changes.

    def removed(self, element: Element) -> Change:
        if element.category == documents.CATEGORY:
            return documents.repealed(element, self.at_old)
        return element_change(ChangeKind.REMOVED, element, self.at_old(element, ()))

    def added(self, element: Element) -> list[Change]:
        if element.category == documents.CATEGORY:
            return [documents.adopted(element, self.at_new)]
        changes = [element_change(ChangeKind.ADDED, element, self.at_new(element, ()))]
        if element.category == ORGANISATION and goal_count(element) > self.goal_limit():
            changes.append(self._goal_count_change(0, element))
        return changes

    def renamed_change(self, old: Element, new: Element, score: float) -> Change:
        params = {"old_id": old.id, "similarity": score}
        return element_change(ChangeKind.RENAMED, new, self.at_new(new, ()), params)

    def pair_changes(self, old: Element, new: Element) -> list[Change]:
        """What changed between two versions of one element (kept, or renamed)."""
        moved = self._moved(old, new)
        if old.data == new.data and identical_own(old, new):
            return moved  # the common case, at once
        changes = [*moved, *self._value_changes(old, new)]
        if new.category == "indicator":
            changes.extend(indicator_changes(old, new, organisation_of(new), self.new))
        elif new.category == documents.CATEGORY:
            changes.extend(documents.document_changes(old, new, self.at_new))
        elif new.category == ORGANISATION and goal_count(old) != goal_count(new):
            changes.append(self._goal_count_change(goal_count(old), new))
        return changes

    def _moved(self, old: Element, new: Element) -> list[Change]:
        """An element now written under another organisation (said of it, not of its children)."""
        if old.category == ORGANISATION or old.owner is None or new.owner is None:
            return []
        if self.renamed_id(old.owner) == new.owner or self._moved_with_parent(old, new):
            return []
        params = {"old": old.owner, "new": new.owner}
        return [element_change(ChangeKind.MOVED, new, self.at_new(new, ()), params)]

    def _moved_with_parent(self, old: Element, new: Element) -> bool:
        above_old, above_new = old.parent, new.parent
        if above_old is None or above_new is None or above_old.category == ORGANISATION:
            return False
        return self.renamed_id(above_old.id) == above_new.id

    def goal_limit(self) -> int:
        if self._goal_limit is None:
            self._goal_limit = goal_limit(self.new)
        return self._goal_limit

    def _goal_count_change(self, before: int, organisation: Element) -> Change:
        where = self.at_new(organisation, ("goals",))
        return goal_count_change(before, organisation, self.goal_limit(), where)

    def _value_changes(self, old: Element, new: Element) -> list[Change]:
        written, after = own_content(old), own_content(new)
        before = self.mapped(written)
        elsewhere = _COMPARED_ELSEWHERE.get(new.category, frozenset())
        changes = []
        for path in _union(after, before):
            if path[0] in elsewhere or (path == _KIND and old.kind_name == new.kind_name):
                continue  # compared elsewhere; the kind it gets anyway, written out or left out
            was, now = before.get(path), after.get(path)
            # A link to a renamed id is no change, renamed or not (lint says if it broke).
            if same_value(was, now) or same_value(written.get(path), now):
                continue
            change = self._value_change(new, path, was, now)
            if change is not None:
                changes.append(change)
        return changes

    def _value_change(self, new: Element, path: Field, was: Any, now: Any) -> Change | None:
        where = self.at_new(new, located(new, path))
        name = dotted(path)
        if new.category == ORGANISATION and path in _MISSION_SOURCE:
            params = {"field": name, "old": plain(was), "new": plain(now)}
            return element_change(ChangeKind.MISSION_SOURCE_CHANGED, new, where, params)
        if last_key(path) == LINK_FIELD and link_ids(was) is not None and link_ids(now) is not None:
            return self._link_change(new, where, name, link_ids(was) or [], link_ids(now) or [])
        if (
            is_text_field(without_entries(path))
            and not self._names_organisations(path, was, now)
            and text_or_empty(was) is not None
            and text_or_empty(now) is not None
        ):
            return _reworded(new, where, name, text_or_empty(was) or "", text_or_empty(now) or "")
        params = {"field": name, "old": plain(was), "new": plain(now)}
        return element_change(ChangeKind.FIELD_CHANGED, new, where, params)

    def _names_organisations(self, path: Field, was: Any, now: Any) -> bool:
        """Whether a text field (`adopted_by`) names organisations by their ids on both sides.

        Then it is no wording to diff word by word: the sentence names each
        organisation by its name.
        """
        if last_key(path) not in _NAMING_AN_ORGANISATION:
            return False
        return all(self._organisation_id(value) for value in (was, now) if value is not None)

    def _organisation_id(self, value: Any) -> bool:
        if not isinstance(value, str):
            return False
        found = self.new_index.by_id.get(value) or self.old_index.by_id.get(value)
        return found is not None and found.category == ORGANISATION

    def _link_change(
        self, new: Element, where: Place, name: str, was: list[str], now: list[str]
    ) -> Change | None:
        """The links as sets: the same targets in another order is no change.

        The old side's ids are given as renamed, so a renamed target is not a
        moved link (the rename is listed on its own).
        """
        if set(was) == set(now):
            return None
        removed = [target for target in was if target not in now]
        added = [target for target in now if target not in was]
        params = {
            "field": name,
            "old": list(was),  # copies: the changes hold none of the model's own lists
            "new": list(now),
            "removed": removed,
            "added": added,
            "removed_titles": [self.title(target) for target in removed],
            "added_titles": [self.title(target) for target in added],
        }
        return element_change(ChangeKind.LINK_MOVED, new, where, params)


# Text fields that may name an organisation by its id (as `adopted_by: kommunfullmaktige`).
_NAMING_AN_ORGANISATION = frozenset({"adopted_by", "owner", "parent"})


def _reworded(new: Element, where: Place, name: str, was: str, now: str) -> Change | None:
    """A text changed; only its spacing or line breaks changed is no change to a reader."""
    if " ".join(was.split()) == " ".join(now.split()):
        return None
    params = {"field": name, "old": was, "new": now, "words": word_diff(was, now)}
    return element_change(ChangeKind.REWORDED, new, where, params)


def _union(first: dict[Field, Any], second: dict[Field, Any]) -> Iterable[Field]:
    yield from first
    yield from (path for path in second if path not in first)
