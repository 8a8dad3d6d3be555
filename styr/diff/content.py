"""An element's own content as the comparison sees it: its values by field, plain.

An element's data also holds the elements written under it (a goal's
indicators, an organisation's goals); those are elements of their own,
compared by their own ids, so they are left out of their parent's content.
Which keys hold them is read from the index's layouts, the one place that
says where elements stand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from styr.model.index import FILE_LAYOUTS, ORGANISATION, Element, Layout


@dataclass(frozen=True, slots=True)
class Entry:
    """An entry of a list of mappings, by what it is about (`area: inriktning-1`), not its place.

    So that an entry put in first, or the entries in another order, is no
    change of every entry after it.
    """

    key: str
    value: str

    def __str__(self) -> str:
        return self.value


Field = tuple[str | int | Entry, ...]
# What identifies an entry of a list of mappings, the first that every entry
# has and no two share; without one, entries are compared by position.
ENTRY_KEYS = ("id", "area", "year", "period")

# The fields that name other elements by id. A value here is mapped through
# the renames found, so that a renamed target is not also a changed value.
REFERENCE_FIELDS = frozenset(
    {"contributes_to", "parent", "to", "owner", "document", "area", "based_on"}
)
LINK_FIELD = "contributes_to"


def _child_keys() -> dict[str, frozenset[Field]]:
    keys: dict[str, set[Field]] = {ORGANISATION: {(key,) for key in FILE_LAYOUTS["organisation"]}}
    # The index finds a direction's indicators under the organisation itself.
    keys[ORGANISATION].add(("direction", "indicators"))
    # An organisation's file says `kind: organisation`: the kind of file, not of element.
    keys[ORGANISATION].add(("kind",))

    def walk(layout: Layout) -> None:
        for category, children, _single in layout.values():
            keys.setdefault(category, set()).update((key,) for key in children)
            walk(children)

    for layout in FILE_LAYOUTS.values():
        walk(layout)
    return {category: frozenset(fields) for category, fields in keys.items()}


CHILD_KEYS = _child_keys()


def own_content(element: Element) -> dict[Field, Any]:
    """The element's values by field, without its id and the elements written under it.

    A mapping is gone into (a text in two languages as `title.sv` and
    `title.en`), and so is a list that holds mappings; a list of plain values
    (`contributes_to`, `agenda2030`) is one value.
    """
    leaves: dict[Field, Any] = {}
    skipped = CHILD_KEYS.get(element.category, frozenset())
    for key, value in element.data.items():
        if key != "id" and (key,) not in skipped:
            _leaves(leaves, (key,), value, skipped)
    return leaves


def _leaves(leaves: dict[Field, Any], path: Field, value: Any, skipped: frozenset[Field]) -> None:
    if path in skipped:
        return
    if isinstance(value, dict):
        for key, inner in value.items():
            _leaves(leaves, (*path, str(key)), inner, skipped)
    elif isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        for part, inner in zip(_entry_parts(value), value, strict=True):
            _leaves(leaves, (*path, part), inner, skipped)
    else:
        leaves[path] = value


def _entry_parts(items: list[Any]) -> list[int | Entry]:
    for key in ENTRY_KEYS:
        values = [item.get(key) if isinstance(item, dict) else None for item in items]
        named = all(isinstance(v, str | int) and not isinstance(v, bool) for v in values)
        if named and len(set(map(str, values))) == len(values):
            return [Entry(key, str(v)) for v in values]
    return list(range(len(items)))


def located(element: Element, path: Field) -> tuple[str | int, ...]:
    """`path` as it is written in the element's data, an entry by its place in its list.

    As far as it is written there: a field no longer written is located at
    the nearest part of it that is.
    """
    node: Any = element.data
    written: list[str | int] = []
    for part in path:
        if isinstance(part, Entry):
            found = _position(node, part)
            if found is None:
                break
            written.append(found)
            node = node[found]
        else:
            written.append(part)
            node = _child(node, part)
            if node is None:
                break
    return tuple(written)


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _position(node: Any, entry: Entry) -> int | None:
    if not isinstance(node, list):
        return None
    for position, item in enumerate(node):
        if isinstance(item, dict) and str(item.get(entry.key)) == entry.value:
            return position
    return None


def dotted(path: Field) -> str:
    """A field as the changes name it: `mission.text`, `area_readings.inriktning-1.text`."""
    return ".".join(str(part) for part in path)


def without_entries(path: Field) -> tuple[str | int, ...]:
    """The path with each entry as a list position: what `is_text_field` reads."""
    return tuple(0 if isinstance(part, Entry) else part for part in path)


def last_key(path: Field) -> str | None:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return None


def plain(value: Any) -> Any:
    """The value as JSON holds it: mappings, lists, text, numbers, true/false, null."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {str(key): plain(inner) for key, inner in value.items()}
    if isinstance(value, list | tuple):
        return [plain(inner) for inner in value]
    if isinstance(value, set | frozenset):
        return sorted(plain(inner) for inner in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def same_value(was: Any, now: Any) -> bool:
    """The same value as a reader reads it, all the way down.

    One rule for every part of the comparison: 2 and 2.0 are the same number
    (as the indicators and outcomes compare them), and `.nan` is itself, or it
    would be a change on every run; 1 and true, or 2 and "2", are not the same.
    """
    if _is_number(was) and _is_number(now):
        return bool(was == now) or (math.isnan(was) and math.isnan(now))
    if type(was) is not type(now):
        return False
    if isinstance(was, dict):
        return was.keys() == now.keys() and all(same_value(v, now[k]) for k, v in was.items())
    if isinstance(was, list):
        return len(was) == len(now) and all(map(same_value, was, now))
    return bool(was == now)


def identical_own(old: Element, new: Element) -> bool:
    """Equal data is also the same in the element's own values (its children are
    elements of their own, compared on their own)."""
    skipped = CHILD_KEYS.get(new.category, frozenset())
    return all(
        (key,) in skipped or same_value(value, new.data[key]) for key, value in old.data.items()
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def link_ids(value: Any) -> list[str] | None:
    """A link field's ids (nothing written is none); None when it is not a list of ids."""
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def text_or_empty(value: Any) -> str | None:
    """A text, or "" where none is written; None for a value that is not text."""
    if value is None:
        return ""
    return value if isinstance(value, str) else None
