"""What styr.yaml says of the municipality itself: its name and code, the term of office,
the language and the publisher.

Neither elements nor the steering model's structure, these are what a reader
of the report sees at its top; a change of them is said of the municipality,
at its place in styr.yaml, and grouped with the council level.
"""

from __future__ import annotations

from typing import Any

from styr.diff.changes import Change, ChangeKind
from styr.diff.content import plain, same_value
from styr.diff.places import place_in
from styr.model.repository import Repository

CATEGORY = "municipality"
# The manifest's values a reader sees, by their path (the params' field is it dotted).
READ_BY_A_READER: tuple[tuple[str, ...], ...] = (
    ("municipality", "name"),
    ("municipality", "code"),
    ("term_of_office", "start"),
    ("term_of_office", "end"),
    ("language",),
    ("publisher",),
)


def manifest_changes(old: Repository, new: Repository) -> list[Change]:
    """A changed field for each of `READ_BY_A_READER` whose value is not the same."""
    changes = []
    for path in READ_BY_A_READER:
        was, now = _value(old, path), _value(new, path)
        if same_value(was, now):
            continue
        side = new if now is not None else old
        place = place_in(side, side.manifest, path)
        changes.append(
            Change(
                kind=ChangeKind.FIELD_CHANGED,
                category=CATEGORY,
                id=None,
                title=new.municipality_name,
                file=place.file,
                line=place.line,
                column=place.column,
                params={"field": ".".join(path), "old": plain(was), "new": plain(now)},
            )
        )
    return changes


def _value(repository: Repository, path: tuple[str, ...]) -> Any:
    value: Any = repository.manifest_data
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value
