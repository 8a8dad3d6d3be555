"""Kolada's revisions of values it has published: recorded by a pull, read by lint and styr diff.

Kolada revises published values without notice. When `styr kolada pull` finds
that a value it fetched before (`source: Kolada`) now reads differently, it
writes the new value and keeps the old one under the outcome's `revised:`,
newest last, with when the old one was fetched:

    - indicator: ksf-ind-1
      period: "2024"
      value: 74.2
      source: Kolada
      fetched_on: "2026-03-01"
      revised:
        - value: 71.2
          fetched_on: "2025-03-01"

A record holds only the figures that changed (value, women, men). A value
typed by hand is never a revision: it is kept, or with --overwrite replaced,
as before. This module is the one place that knows the record's shape: the
pull writes it (`record_revision`), lint's F006 and styr diff read it
(`latest_revision`, `revised_from`).

Kolada also marks some values preliminary (its value status); the pull
writes `preliminary: true` by such a value and takes the key away once Kolada
gives the final one (`PRELIMINARY`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KOLADA = "Kolada"
FIGURES = ("value", "women", "men")
REVISED = "revised"
PRELIMINARY = "preliminary"
FETCHED_ON = "fetched_on"


@dataclass(frozen=True, slots=True)
class Revision:
    """One figure of one outcome that Kolada gave differently from an earlier fetch."""

    indicator: str
    period: str
    field: str  # value | women | men
    old: float
    new: float
    old_fetched_on: str | None  # None when the earlier fetch did not say when
    new_fetched_on: str | None


def is_kolada_source(source: Any) -> bool:
    """Whether a `source:` names Kolada: the one decision, any case or spacing (` kolada `).

    The pull, lint, styr diff and the report's credit all ask this, so that a
    value one of them takes for Kolada's is Kolada's to the others too.
    """
    return isinstance(source, str) and source.strip().casefold() == KOLADA.casefold()


def is_from_kolada(entry: Mapping[str, Any]) -> bool:
    """Whether the outcome says it was fetched from Kolada (`source: Kolada`)."""
    return is_kolada_source(entry.get("source"))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def record_revision(
    entry: Mapping[str, Any], values: Mapping[str, float | None], fetched_on: str, period: str
) -> tuple[dict[str, Any] | None, list[Revision]]:
    """The record to add to `entry`'s `revised:` for the figures Kolada now gives differently
    (None when nothing changed or the entry is not Kolada's), and those revisions.

    `values` are Kolada's figures now, by key (value, women, men); a figure
    Kolada no longer gives is not a revision (it is kept as it was). `period` is
    the entry's, its own or the file's.
    """
    if not is_from_kolada(entry):
        return None, []
    old_on = entry.get(FETCHED_ON)
    old_fetched_on = str(old_on) if old_on is not None else None
    indicator = str(entry.get("indicator"))
    record: dict[str, Any] = {}
    revisions = []
    for field in FIGURES:
        old, new = _number(entry.get(field)), _number(values.get(field))
        if old is None or new is None or old == new:
            continue
        record[field] = entry[field]
        revisions.append(Revision(indicator, period, field, old, new, old_fetched_on, fetched_on))
    if not record:
        return None, []
    if old_fetched_on is not None:
        record[FETCHED_ON] = old_fetched_on
    return record, revisions


def _records(entry: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    written = entry.get(REVISED)
    if not isinstance(written, list):
        return []
    return [record for record in written if isinstance(record, Mapping)]


def latest_revision(entry: Mapping[str, Any], period: str) -> list[Revision]:
    """The newest recorded revision of a Kolada outcome, one per figure it changed.

    Nothing for an outcome not from Kolada, or one whose record has no number
    to compare (lint's schema check reports a record written wrongly).
    """
    records = _records(entry)
    if not records or not is_from_kolada(entry):
        return []
    newest = records[-1]
    old_on, new_on = newest.get(FETCHED_ON), entry.get(FETCHED_ON)
    found = []
    for field in FIGURES:
        old, new = _number(newest.get(field)), _number(entry.get(field))
        if old is not None and new is not None and old != new:
            found.append(
                Revision(
                    str(entry.get("indicator")),
                    period,
                    field,
                    old,
                    new,
                    None if old_on is None else str(old_on),
                    None if new_on is None else str(new_on),
                )
            )
    return found


def revised_from(entry: Mapping[str, Any], field: str, old: Any) -> bool:
    """Whether Kolada's outcome `entry` records that its `field` was `old` before a revision.

    styr diff asks this of the new side's outcome: a change of value that such a
    record explains is Kolada's revision, not a planner's edit.
    """
    number = _number(old)
    if number is None or not is_from_kolada(entry):
        return False
    return any(_number(record.get(field)) == number for record in _records(entry))


def is_preliminary(entry: Mapping[str, Any]) -> bool:
    """Whether the outcome is marked as a value Kolada calls preliminary."""
    return entry.get(PRELIMINARY) is True
