"""An indicator's target values (målvärden) and milestones (etappmål), looked up by year.

Every year is looked up as `target_for` says: the first entry of that year
with a number, targets before milestones, a year found by `==` (2026.0 is
2026). The next target after a year is the earliest later whole year with a
number, the first written of equals. These run for every indicator judged
and every chart drawn, so each is one pass over the entries with the checks
written out (the values are the plain types a loaded file holds).
"""

from __future__ import annotations

from typing import Any

# The keys that hold targets, in the order a year's target is looked for.
_KEYS = ("targets", "milestones")
# What may stand as a year or a value: a number (a boolean is one only as a year: True == 1).
_NUMBER_TYPES = (int, float)


def target_for(data: dict[str, Any], year: int) -> float | None:
    """The target value (målvärde) for a year, or a milestone (etappmål) set for it."""
    return targets_around(data, year)[0]


def target_values(data: dict[str, Any]) -> dict[float, float]:
    """The target value of every year written, as `target_for` gives each.

    The years are keys as written, so that a lookup compares them as `==` does: a
    chart asks for every year it shows, and one pass serves them all.
    """
    only = only_target(data)
    if only is not None:  # most indicators: one target of a whole year, no milestones
        whole_year, value = only
        return {} if value is None else {whole_year: value}
    found: dict[float, float] = {}
    for key in _KEYS:
        entries = data.get(key)
        if not isinstance(entries, list):  # `targets: 5` is the schema's to report
            continue
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            year = entry.get("year")
            if isinstance(year, _NUMBER_TYPES) and year not in found:
                value = _number(entry.get("value"))
                if value is not None:
                    found[year] = value
    return found


def next_target_for(data: dict[str, Any], year: int) -> tuple[int, float] | None:
    """The first year after `year` with a target value or milestone, and that value.

    Of equal years the first written wins, targets before milestones.
    """
    return targets_around(data, year)[1]


def targets_around(
    data: dict[str, Any], year: int
) -> tuple[float | None, tuple[int, float] | None]:
    """`target_for(data, year)` and `next_target_for(data, year)` in one pass over the entries.

    Judging an indicator asks for both, and most indicators have one or two
    targets: one loop instead of two, and no mapping of every year, took
    judging an indicator from about 2.5 to 1.7 µs.
    """
    only = only_target(data)
    if only is not None:  # most indicators: one target of a whole year, no milestones
        target_year, value = only
        if target_year == year:
            return value, None
        return None, (target_year, value) if target_year > year and value is not None else None
    target: float | None = None
    upcoming: tuple[int, float] | None = None
    for key in _KEYS:
        entries = data.get(key)
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            written = entry.get("year")
            if target is None and written == year and isinstance(written, _NUMBER_TYPES):
                target = _number(entry.get("value"))
            if (
                type(written) is int
                and written > year
                and (upcoming is None or written < upcoming[0])
            ):
                value = _number(entry.get("value"))
                if value is not None:
                    upcoming = (written, value)
    return target, upcoming


def only_target(data: dict[str, Any]) -> tuple[int, float | None] | None:
    """The year and value (None when not a number) of an indicator's one target, when it has
    one target of a whole year and no milestones; None for any other shape.

    The shape nearly every indicator has: its lookups need no loop over the entries, which
    was half of the cost of each.
    """
    entries = data.get("targets")
    if type(entries) is not list or len(entries) != 1 or data.get("milestones") is not None:
        return None
    entry = entries[0]
    if type(entry) is not dict or type(year := entry.get("year")) is not int:
        return None
    return year, _number(entry.get("value"))


def _number(value: Any) -> float | None:
    """A value as a number: None for anything else, booleans too."""
    kind = type(value)
    if kind is int or kind is float:  # nearly every value: a plain number
        return float(value)
    if value is None or isinstance(value, bool) or not isinstance(value, _NUMBER_TYPES):
        return None
    return float(value)
