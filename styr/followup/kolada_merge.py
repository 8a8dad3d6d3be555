"""Kolada's values merged into a follow-up file as ruamel.yaml reads it, comments kept in place.

An entry is matched by its indicator and its period, the entry's own `period:`
or else the file's (`period: "2025"` at the top, as docs/follow-up.md shows),
so a value typed by hand is found and kept instead of getting a second outcome
beside it.

ruamel.yaml attaches a comment on the lines after a mapping's last key to that
key. Adding a key after it, or an entry after it, would move the comment into
the middle of the entry; `append_keeping_comments` carries such comments along so that they
stay after whatever comes last, where they were written.

A value Kolada fetched before and now gives differently is updated and its old
figures kept under `revised:` (styr.followup.kolada_revisions); a value Kolada
marks preliminary gets `preliminary: true`, taken away once the value is final.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from styr.followup.kolada_revisions import (
    KOLADA,
    PRELIMINARY,
    REVISED,
    Revision,
    is_from_kolada,
    record_revision,
)
from styr.followup.periods import parse_period
from styr.kolada.client import Outcome

__all__ = ["KEY_ORDER", "KOLADA", "Merged", "merge", "update_in_place"]

# Where each key goes in an entry; a key added to an existing entry keeps this order.
KEY_ORDER = (
    "indicator",
    "period",
    "value",
    "women",
    "men",
    PRELIMINARY,
    "source",
    "comment",
    "fetched_on",
    REVISED,
)
_GENDER_KEYS = {"T": "value", "K": "women", "M": "men"}


@dataclass(slots=True)
class Merged:
    """What a merge did: entries added, updated and kept, and the values Kolada revised.

    An entry of Kolada's fetched again with the same figures and the same mark
    is `unchanged`, not updated (only its `fetched_on` is new).
    """

    added: int = 0
    updated: int = 0
    kept: int = 0
    unchanged: int = 0
    revisions: list[Revision] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "added": self.added,
            "updated": self.updated,
            "kept": self.kept,
            "unchanged": self.unchanged,
        }

    def absorb(self, other: Merged) -> None:
        """Add what a merge into another file did to this one's (the pull's summary is one)."""
        self.added += other.added
        self.updated += other.updated
        self.kept += other.kept
        self.unchanged += other.unchanged
        self.revisions.extend(other.revisions)


def merge(
    document: Any,
    outcomes: list[Outcome],
    indicators: dict[str, list[str]],
    overwrite: bool,
    fetched_on: str,
    elsewhere: set[tuple[str, str]] | None = None,
    owned_elsewhere: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
) -> Merged:
    """Write `outcomes` into `document["outcomes"]`: entries added, updated, kept and revised.

    `elsewhere` holds the (indicator, period) pairs that another follow-up file
    already reports by hand: those are kept as they are, `overwrite` or not,
    since a second outcome here would be a duplicate. `owned_elsewhere` holds
    those another file reports from Kolada: they are left to `update_in_place`
    in that file, and not counted here.
    """
    entries = document["outcomes"]
    existing = existing_entries(entries, parse_period(document.get("period")))
    merged = Merged()
    for indicator, year, values in _wanted(outcomes, indicators):
        entry = existing.get((indicator, str(year)))
        if entry is None and (indicator, str(year)) in owned_elsewhere:
            continue  # Kolada's value in another follow-up file: `update_in_place` updates it there
        hand_typed = entry is not None and not is_from_kolada(entry) and not overwrite
        if hand_typed or (entry is None and (indicator, str(year)) in (elsewhere or ())):
            merged.kept += 1
            continue
        if entry is None:
            entry = new_entry(indicator, year)
            append_keeping_comments(entries, entry)
            existing[(indicator, str(year))] = entry
            merged.added += 1
            _fill(entry, values, fetched_on)
        else:
            _update(entry, values, fetched_on, str(year), merged)
    return merged


def update_in_place(
    document: Any, outcomes: list[Outcome], indicators: dict[str, list[str]], fetched_on: str
) -> Merged:
    """Update the values this follow-up file already holds from Kolada (`source: Kolada`), only.

    A pull writes new values into one file, but a value fetched before may
    stand in any follow-up file (`uppfoljning/2024.yaml`): it is Kolada's, so it
    is updated, and a revision recorded, where it is written. Nothing is added
    here and a value typed by hand is left alone (the pull counts it as kept).
    """
    existing = existing_entries(document["outcomes"], parse_period(document.get("period")))
    merged = Merged()
    for indicator, year, values in _wanted(outcomes, indicators):
        entry = existing.get((indicator, str(year)))
        if entry is not None and is_from_kolada(entry):
            _update(entry, values, fetched_on, str(year), merged)
    return merged


def _wanted(
    outcomes: list[Outcome], indicators: dict[str, list[str]]
) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(indicator, year, Kolada's figures) for each value Kolada has, in a stable order."""
    for (kpi, year), values in sorted(_values_by_kpi_and_year(outcomes).items()):
        if values.get("value") is None:
            continue  # Kolada has no value (status Missing): nothing to write
        for indicator in indicators.get(kpi, []):
            yield indicator, year, values


def _update(
    entry: Any, values: dict[str, Any], fetched_on: str, period: str, merged: Merged
) -> None:
    before = _figures_and_mark(entry)
    merged.revisions.extend(_keep_revised(entry, values, fetched_on, period))
    _fill(entry, values, fetched_on)
    if _figures_and_mark(entry) == before:
        merged.unchanged += 1
    else:
        merged.updated += 1


def _figures_and_mark(entry: Any) -> tuple[Any, ...]:
    """What a reader sees of an entry of Kolada's: its figures and whether it is preliminary."""
    return (*(entry.get(key) for key in ("value", "women", "men")), entry.get(PRELIMINARY))


def _values_by_kpi_and_year(outcomes: list[Outcome]) -> dict[tuple[str, int], dict[str, Any]]:
    """Kolada's figures by (KPI, year): value, women, men, and whether any is preliminary."""
    by_key: dict[tuple[str, int], dict[str, Any]] = {}
    for outcome in outcomes:
        values = by_key.setdefault((outcome.kpi, outcome.year), {PRELIMINARY: False})
        values[_GENDER_KEYS.get(outcome.gender, "value")] = outcome.value
        if outcome.value is not None and outcome.preliminary:
            values[PRELIMINARY] = True
    return by_key


def _keep_revised(
    entry: Any, values: dict[str, Any], fetched_on: str, period: str
) -> list[Revision]:
    """Record under `revised:` the figures of a Kolada value that Kolada now gives differently."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted

    record, revisions = record_revision(entry, values, fetched_on, period)
    if record is None:
        return []
    written = CommentedMap()
    for key, value in record.items():
        written[key] = Quoted(value) if key == "fetched_on" else value
    if isinstance(entry.get(REVISED), list):
        append_keeping_comments(entry[REVISED], written)
    else:
        # Set whole: comments after the entry move to after its last record, not inside.
        set_in_order(entry, REVISED, CommentedSeq([written]))
    return revisions


def existing_entries(entries: list[Any], file_period: Any) -> dict[tuple[str, str], Any]:
    """The entries by (indicator, period text); the first where two say the same (lint: F005)."""
    found: dict[tuple[str, str], Any] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("indicator"), str):
            continue
        period = parse_period(entry.get("period")) if "period" in entry else file_period
        if period is not None:
            found.setdefault((entry["indicator"], period.text), entry)
    return found


def new_entry(indicator: str, year: int | str) -> Any:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted

    entry = CommentedMap()
    entry["indicator"] = indicator
    entry["period"] = Quoted(str(year))  # quoted: a YAML 1.2 reader must see text
    return entry


def _fill(entry: Any, values: dict[str, Any], fetched_on: str) -> None:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted

    for key in ("value", "women", "men"):
        if values.get(key) is not None:
            set_in_order(entry, key, values[key])
    if values.get(PRELIMINARY):
        set_in_order(entry, PRELIMINARY, True)
    elif PRELIMINARY in entry:
        del entry[PRELIMINARY]  # Kolada gives the final value now
    set_in_order(entry, "source", KOLADA)
    set_in_order(entry, "fetched_on", Quoted(fetched_on))


def set_in_order(entry: Any, key: str, value: Any) -> None:
    """Set `key`, a new key after the keys that come before it in KEY_ORDER."""
    if key in entry:
        entry[key] = value
        return
    before = set(KEY_ORDER[: KEY_ORDER.index(key)])
    keys = list(entry)
    position = max((i + 1 for i, k in enumerate(keys) if k in before), default=len(keys))
    if position < len(keys):
        entry.insert(position, key, value)
    else:
        append_keeping_comments(entry, (key, value))


def append_keeping_comments(container: Any, item: Any) -> None:
    """Add at the end of a mapping (`item` a key and value) or a list, comments kept after it."""
    previous = _last_holder(container)
    inside = _inside_from(container)
    if isinstance(container, dict):
        key, value = item
        container[key] = value
    else:
        container.append(item)
    if previous is not None:
        _move_trailing_comment(previous, _last_holder(container), inside)


def _inside_from(container: Any) -> int | None:
    """The column from which a comment after the container's last item belongs to that item.

    A mapping's keys start at its column, so only a comment further right is
    inside its last value; a list's items start at their dash, so a comment at
    the dash or further right still speaks of its last item (`# rättat` under a
    `revised:` record). A comment further left follows the whole container.
    None for a container that was not read from a file.
    """
    column = getattr(getattr(container, "lc", None), "col", None)
    if not isinstance(column, int):
        return None
    return column + 1 if isinstance(container, dict) else column


def _last_holder(node: Any) -> tuple[Any, Any] | None:
    """The innermost last mapping key (its node and key) that trailing comments attach to."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    holder = None
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        if isinstance(node, CommentedMap):
            holder = (node, key)
        node = node[key]
    return holder


def _move_trailing_comment(
    source: tuple[Any, Any], target: tuple[Any, Any] | None, inside: int | None = None
) -> None:
    """Move the full-line comments after `source`'s key to after `target`'s.

    A comment on the key's own line (`source: Kolada  # hämtat`) stays with it,
    and so do the comment lines right after it that start at column `inside`
    or further right (see `_inside_from`): they speak of what they follow.
    """
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    node, key = source
    if target is None or target == source:
        return
    slots = node.ca.items.get(key)
    token = slots[2] if slots and len(slots) > 2 else None
    if token is None or not isinstance(token.value, str):
        return
    same_line, _, following = token.value.partition("\n")
    kept, following = _split_inner(following, inside)
    if not following.strip():
        return
    if same_line.strip() or kept:
        token.value = same_line + "\n" + kept
    else:
        slots[2] = None
    target_node, target_key = target
    column = token.start_mark.column if token.start_mark is not None else 0
    target_node.ca.items.setdefault(target_key, [None, None, None, None])[2] = CommentToken(
        "\n" + following, CommentMark(column), None
    )


def _split_inner(lines: str, inside: int | None) -> tuple[str, str]:
    """The leading comment lines that start at column `inside` or further right, and the rest."""
    if inside is None:
        return "", lines
    parts = lines.splitlines(keepends=True)
    count = 0
    for line in parts:
        text = line.lstrip(" ")
        if not text.startswith("#") or len(line) - len(text) < inside:
            break
        count += 1
    return "".join(parts[:count]), "".join(parts[count:])
