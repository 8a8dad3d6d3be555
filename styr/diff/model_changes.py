"""The declared steering model: its levels, element kinds, links and organisation types,
and the follow-up scale's bands, as the manifests of the two sides declare them.

A change here changes how every element is read (which kind may contribute to
which, when an outcome counts as met), so it is flagged as a change of the
model, apart from the elements. Levels, kinds and organisation types are
compared by id, entry by entry as written, and an entry kept is said property
by property (its name, its level, what it requires); links as the model reads them (the
kinds each kind may contribute to, however many entries say it); the scale as
`styr.followup.fulfilment.read_scale` reads it, so a default written out is
no change.
"""

from __future__ import annotations

from typing import Any

from styr.diff.changes import Change, ChangeKind
from styr.diff.content import plain
from styr.diff.places import place_in
from styr.findings import PathInDocument
from styr.followup.fulfilment import Scale, read_scale
from styr.model.repository import Repository
from styr.model.steering_model import read_steering_model

CATEGORY = "model"
ADDED, REMOVED, CHANGED = "added", "removed", "changed"
_BY_ID = ("levels", "element_kinds", "organisation_types")


def model_changes(old: Repository, new: Repository, language: str = "sv") -> list[Change]:
    """The model's changes; a link's kinds named in `language` (params `names`, id -> name)."""
    changes: list[Change] = []
    for part in _BY_ID:
        changes.extend(_entries_by_id(old, new, part))
    changes.extend(_level_order(old, new))
    changes.extend(_links(old, new, language))
    changes.extend(_bands(old, new))
    return changes


def _steering(repository: Repository) -> dict[str, Any]:
    steering = repository.manifest_data.get("steering_model")
    return steering if isinstance(steering, dict) else {}


def _entries(repository: Repository, part: str, key: str = "id") -> dict[str, tuple[int, Any]]:
    """The part's entries by id (the first of an id written twice), with their positions."""
    entries = _steering(repository).get(part)
    found: dict[str, tuple[int, Any]] = {}
    for position, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get(key), str):
            found.setdefault(entry[key], (position, entry))
    return found


def _entries_by_id(old: Repository, new: Repository, part: str) -> list[Change]:
    before, after = _entries(old, part), _entries(new, part)
    changes = []
    for entry_id, (position, entry) in after.items():
        where = ("steering_model", part, position)
        if entry_id not in before:
            changes.append(_change(new, where, part, ADDED, entry_id, None, entry))
        elif before[entry_id][1] != entry:
            changes.extend(_properties(old, new, part, position, before[entry_id][1], entry))
    for entry_id, (position, entry) in before.items():
        if entry_id not in after:
            where = ("steering_model", part, position)
            changes.append(_change(old, where, part, REMOVED, entry_id, entry, None))
    return changes


def _properties(
    old: Repository,
    new: Repository,
    part: str,
    position: int,
    before: dict[str, Any],
    after: dict[str, Any],
) -> list[Change]:
    """An entry kept, changed: one change for each property that changed (its name, its level).

    Each says which entry by its name (`params.entry_name`, as written on the
    new side) and, for a level, names the levels (`params.names`, id -> name).
    """
    changes = []
    for key in [*after, *(key for key in before if key not in after)]:
        if key == "id" or before.get(key) == after.get(key):
            continue
        where = ("steering_model", part, position, key)
        change = _change(new, where, part, CHANGED, after["id"], before.get(key), after.get(key))
        change.params["property"] = key
        change.params["entry_name"] = plain(after.get("name", before.get("name")))
        if key == "level":
            change.params["names"] = _level_names(old, new)
        changes.append(change)
    return changes


def _level_names(old: Repository, new: Repository) -> dict[str, Any]:
    """Each level's name as written (the new side's where both sides have the level)."""
    return {
        level_id: plain(entry.get("name"))
        for side in (old, new)
        for level_id, (_position, entry) in _entries(side, "levels").items()
        if entry.get("name") is not None
    }


def _level_order(old: Repository, new: Repository) -> list[Change]:
    """Levels kept, in another order: the first is the top level, where council elements stand."""
    old_levels, new_levels = _entries(old, "levels"), _entries(new, "levels")
    before = [level for level in old_levels if level in new_levels]
    after = [level for level in new_levels if level in old_levels]
    if before == after:
        return []
    return [_change(new, ("steering_model", "levels"), "levels", CHANGED, None, before, after)]


def _links(old: Repository, new: Repository, language: str) -> list[Change]:
    old_model, new_model = read_steering_model(_steering(old)), read_steering_model(_steering(new))
    before, after = old_model.links, new_model.links
    # A kind by the name the model gives it, the new side's where both sides have it.
    names = {
        kind_id: kind.label(language)
        for model in (old_model, new_model)
        for kind_id, kind in model.kinds.items()
    }
    changes = []
    for source in sorted(before.keys() | after.keys()):
        old_targets, new_targets = before.get(source), after.get(source)
        if old_targets == new_targets:
            continue
        side = new if new_targets is not None else old
        position = _entries(side, "links", key="from").get(source, (0, None))[0]
        what = ADDED if old_targets is None else REMOVED if new_targets is None else CHANGED
        where = ("steering_model", "links", position)
        change = _change(side, where, "links", what, source, old_targets, new_targets)
        named = [source, *(old_targets or ()), *(new_targets or ())]
        change.params["names"] = {kind: names[kind] for kind in named if kind in names}
        changes.append(change)
    return changes


def _bands(old: Repository, new: Repository) -> list[Change]:
    before = _scale_values(read_scale(old.manifest_data.get("follow_up")))
    after = _scale_values(read_scale(new.manifest_data.get("follow_up")))
    changes = []
    for key in sorted(before.keys() | after.keys()):
        if before.get(key) != after.get(key):
            where = ("follow_up", key)
            changes.append(
                _change(new, where, "bands", CHANGED, key, before.get(key), after.get(key))
            )
    return changes


def _scale_values(scale: Scale) -> dict[str, Any]:
    values: dict[str, Any] = {
        "met_from": scale.met_from,
        "partly_met_above": scale.partly_met_above,
        "round_to_whole_percent": scale.round_to_whole_percent,
        "goal_rule": scale.goal_rule,
    }
    # The words for the statuses as one value, as the manifest writes them under one key.
    values["labels"] = {
        language: {status.value: text for status, text in labels.items()}
        for language, labels in scale.labels.items()
        if labels
    }
    return values


def _change(
    side: Repository,
    where: PathInDocument,
    part: str,
    what: str,
    entry_id: str | None,
    old: Any,
    new: Any,
) -> Change:
    place = place_in(side, side.manifest, where)
    return Change(
        kind=ChangeKind.MODEL_CHANGED,
        category=CATEGORY,
        id=entry_id,
        title=entry_id or part,
        file=place.file,
        line=place.line,
        column=place.column,
        params={"part": part, "what": what, "id": entry_id, "old": plain(old), "new": plain(new)},
    )
