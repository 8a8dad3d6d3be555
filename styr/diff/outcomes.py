"""What changed in the follow-up: outcomes (utfall) added, removed, and past ones revised.

Outcomes are read as lint and the report read them (`read_outcomes`) and
matched by indicator and period. Where an indicator has the same period twice
(lint's F005), the first of each side is compared. A value that is not a
number on either side is left alone (lint reports it); `value: null` (no value
yet) is a value of its own, so filling one in later shows as a revision.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from styr.diff.changes import Change, ChangeKind
from styr.followup.evaluate import FOLLOW_UP, OutcomeEntry, read_outcomes
from styr.lint import relative_name
from styr.model.index import Element, Index, build_index
from styr.model.repository import Repository

# An outcome's figures, in the order a revision of several is listed.
FIELDS = ("value", "women", "men")

# The key outcomes are matched by: (indicator id, period as written).
Key = tuple[str, str]


def outcome_changes(old: Repository, new: Repository, new_index: Index) -> list[Change]:
    """Outcomes added, removed and revised between two sides of one repository."""
    before, after = _first_by_key(old), _first_by_key(new)
    names = _Names(new_index, old)
    changes: list[Change] = []
    for key, entry in after.items():
        previous = before.get(key)
        if previous is None:
            shown = _shown(entry, "value")
            changes.append(_change(ChangeKind.OUTCOME_ADDED, entry, new, names, new=shown))
        else:
            changes.extend(_revisions(previous, entry, new, names))
    for key, entry in before.items():
        if key not in after:
            shown = _shown(entry, "value")
            changes.append(_change(ChangeKind.OUTCOME_REMOVED, entry, old, names, old=shown))
    return changes


def _first_by_key(repository: Repository) -> dict[Key, OutcomeEntry]:
    outcomes, _ = read_outcomes(repository)
    first: dict[Key, OutcomeEntry] = {}
    for outcome in outcomes:
        first.setdefault((outcome.indicator, outcome.period.text), outcome)
    return first


def _revisions(
    old: OutcomeEntry, new: OutcomeEntry, repository: Repository, names: _Names
) -> Iterator[Change]:
    for field in FIELDS:
        before, after = _figure(old, field), _figure(new, field)
        if before is _WRONG or after is _WRONG or before == after:
            continue
        yield _change(
            ChangeKind.OUTCOME_REVISED, new, repository, names, old=before, new=after, field=field
        )


# A figure written but not as a number: not compared (lint reports it).
_WRONG = object()


def _figure(entry: OutcomeEntry, field: str) -> Any:
    """The outcome's figure as written: a number, None (none written), or _WRONG."""
    read: float | None = getattr(entry, field)
    written = _written(entry, field)
    if read is None:
        return None if written is None else _WRONG
    # Kept as written (71, not 71.0), so the JSON and the sentence show it so.
    return written if type(written) in (int, float) else read


def _shown(entry: OutcomeEntry, field: str) -> Any:
    """The figure to show of an outcome added or removed (None for one not a number)."""
    figure = _figure(entry, field)
    return None if figure is _WRONG else figure


def _written(entry: OutcomeEntry, field: str) -> Any:
    # read_outcomes keeps numbers only; whether a None was written as none, or
    # as something that is not a number, is in the entry itself.
    data = entry.document.data
    position = entry.path[-1]
    entries = data.get("outcomes") if isinstance(data, dict) else None
    if isinstance(entries, list) and isinstance(position, int) and position < len(entries):
        written = entries[position]
        if isinstance(written, dict):
            return written.get(field)
    return None


class _Names:
    """The indicator an outcome is about: its title and its organisation.

    The new side's index knows most; an outcome of an indicator that is gone
    is named from the old side's index, built only when one is asked for.
    """

    def __init__(self, new_index: Index, old: Repository) -> None:
        self._new = new_index
        self._old_repository = old
        self._old: Index | None = None

    def indicator(self, indicator: str) -> Element | None:
        found = self._new.by_id.get(indicator)
        if found is None:
            if self._old is None:
                self._old = build_index(self._old_repository)
            found = self._old.by_id.get(indicator)
        return found


def _change(
    kind: ChangeKind,
    entry: OutcomeEntry,
    repository: Repository,
    names: _Names,
    **params: Any,
) -> Change:
    """A change of the outcome `entry`, placed where it is written in `repository`."""
    indicator = names.indicator(entry.indicator)
    line, column = entry.document.locate(entry.path)
    return Change(
        kind=kind,
        category=FOLLOW_UP,
        id=entry.indicator,
        title=indicator.title if indicator is not None else entry.indicator,
        file=relative_name(repository, entry.document.file),
        line=line,
        column=column,
        organisation=indicator.owner if indicator is not None else None,
        params={"indicator": entry.indicator, "period": entry.period.text, **params},
    )
