"""The years an indicator is followed up in: one decision for the export's rows and the import."""

from __future__ import annotations

from typing import Any

from styr.model.index import Element
from styr.model.repository import Repository

# A horizon longer than this is a typo (2023–3023): its rows would flood the sheet.
_MOST_YEARS = 30


def followed_up_years(indicator: Element, repository: Repository) -> list[int]:
    """The years of the indicator's goal's horizon (else the term of office), with the years
    its targets and milestones name, in order.

    The same span lint's F002 judges an outcome by, so an outcome the import
    accepts is never one lint then warns about.
    """
    span = _horizon(indicator.parent) or repository.term
    years = set(range(span[0], span[1] + 1)) if span and span[1] - span[0] < _MOST_YEARS else set()
    if not (indicator.parent is not None and _horizon(indicator.parent)):
        years.update(_target_years(indicator.data))
    return sorted(years)


def target_years(data: dict[str, Any]) -> list[int]:
    """The years an indicator has a target value or a milestone for."""
    return sorted(_target_years(data))


def _target_years(data: dict[str, Any]) -> set[int]:
    years = set()
    for key in ("targets", "milestones"):
        entries = data.get(key)
        for entry in entries if isinstance(entries, list) else []:
            year = entry.get("year") if isinstance(entry, dict) else None
            if type(year) is int:
                years.add(year)
    return years


def _horizon(goal: Element | None) -> tuple[int, int] | None:
    horizon = goal.data.get("horizon") if goal is not None else None
    if not isinstance(horizon, dict):
        return None
    start, end = horizon.get("start"), horizon.get("end")
    if type(start) is int and type(end) is int and start <= end:
        return start, end
    return None
