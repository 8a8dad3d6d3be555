"""What changed in the follow-up: outcomes (utfall) added, removed, past ones revised; analyses.

Outcomes are read as lint and the report read them (`read_outcomes`) and
matched by indicator and period. Where an indicator has the same period twice
(lint's F005), the first of each side is compared. A value that is not a
number on either side is left alone (lint reports it). A figure where there
was none (`value: null` filled in, `women:` or `men:` given) is added, one
taken away is removed: only a figure changed is a revision, which
`--fail-on outcome-revised` stops. An
outcome's comment reworded, or its source or unit changed, is a change of the
field `outcome.comment` (`outcome.source`, `outcome.unit`); when it was
fetched (`fetched_on`) is not: a new fetch of the same figures changes nothing.
A figure revised by Kolada (the new side's outcome from Kolada records the old
figure under `revised:`, styr.followup.kolada_revisions) is a revision with
`revised_by: Kolada`, said as Kolada's; the record itself is what the pull
wrote about it, not a change of its own. Kolada's value made final (the pull
took `preliminary: true` away) is the field `outcome.preliminary` changed,
said as Kolada's ("Kolada har fastställt utfallet 2025: 56,8").
A goal's analysis is matched by goal and period: reworded, it is a change of
the field `analysis` of the goal; given or taken away, it is an outcome added
or removed with the field `analysis` (the removed one placed on the old side).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from styr.diff.changes import Change, ChangeKind
from styr.diff.places import file_name, not_loaded_files, organisation_of
from styr.diff.values import value_change
from styr.followup.evaluate import FOLLOW_UP, Analysis, OutcomeEntry, read_outcomes
from styr.followup.kolada_revisions import (
    KOLADA,
    PRELIMINARY,
    REVISED,
    is_from_kolada,
    revised_from,
)
from styr.lint import relative_name
from styr.load import Document
from styr.model.index import Element, Index, build_index
from styr.model.repository import Repository

# An outcome's figures, in the order a revision of several is listed.
FIELDS = ("value", "women", "men")
# An outcome's keys that are not compared as its other values: what it is
# about, its figures (above), when it was fetched, and Kolada's marks on the figures.
_NOT_OTHER_VALUES = frozenset({"indicator", "period", "fetched_on", PRELIMINARY, REVISED, *FIELDS})
ANALYSIS = "analysis"

# The key outcomes are matched by: (indicator id, period as written).
Key = tuple[str, str]


def outcome_changes(
    old: Repository,
    new: Repository,
    new_index: Index,
    old_index: Index | None = None,
    renamed: Mapping[str, str] | None = None,
) -> list[Change]:
    """Outcomes added, removed and revised between two sides of one repository.

    `old_index` names what is gone from the new side; without it, it is built
    from `old` when first needed. `renamed` (old id → new id, the renames the
    comparison found) matches the old side's outcomes and analyses of a
    renamed indicator or goal with the new side's, so that they are not all
    removed and added again.
    """
    renames = renamed or {}
    names = _Names(new_index, old, old_index)
    unread = _Unread(old, new)
    pairs, gone = _matched(_first_by_key(old), _first_by_key(new), renames)
    changes: list[Change] = []
    for previous, entry in pairs:
        if previous is not None:
            changes.extend(_revisions(previous, entry, new, names))
            changes.extend(_other_values(previous, entry, new, names))
            changes.extend(_preliminary(previous, entry, new, names))
        elif not unread.on_old_side(entry.document):
            shown = _shown(entry, "value")
            changes.append(_change(ChangeKind.OUTCOME_ADDED, entry, new, names, new=shown))
    for entry in gone:
        if not unread.on_new_side(entry.document):
            shown = _shown(entry, "value")
            changes.append(_change(ChangeKind.OUTCOME_REMOVED, entry, old, names, old=shown))
    changes.extend(_analysis_changes(old, new, names, renames, unread))
    return changes


class _Unread:
    """The files that did not load on each side (a YAML error, say).

    What stands in such a file on the other side was neither removed nor
    added: lint's findings of the side where it did not load say why.
    """

    def __init__(self, old: Repository, new: Repository) -> None:
        self._old, self._new = old, new
        self._old_names = not_loaded_files(old)
        self._new_names = not_loaded_files(new)

    def on_old_side(self, new_document: Document) -> bool:
        """Whether the new side's file did not load on the old side."""
        return bool(self._old_names) and file_name(self._new, new_document) in self._old_names

    def on_new_side(self, old_document: Document) -> bool:
        """Whether the old side's file did not load on the new side."""
        return bool(self._new_names) and file_name(self._old, old_document) in self._new_names


def _first_by_key(repository: Repository) -> dict[Key, OutcomeEntry]:
    outcomes, _ = read_outcomes(repository)
    first: dict[Key, OutcomeEntry] = {}
    for outcome in outcomes:
        first.setdefault((outcome.indicator, outcome.period.text), outcome)
    return first


Entry = TypeVar("Entry")


def _matched(
    before: dict[Key, Entry], after: dict[Key, Entry], renamed: Mapping[str, str]
) -> tuple[list[tuple[Entry | None, Entry]], list[Entry]]:
    """Each new entry with the old one it continues (None: it is new), and the old ones gone.

    An entry is matched by its own key first; then one of a renamed id by the
    old id's key. So a follow-up that still names the old id after a rename
    is unchanged, and one that follows the rename continues its old outcomes.
    """
    former = {new_id: old_id for old_id, new_id in renamed.items()}
    found: dict[Key, Key] = {key: key for key in after if key in before}
    taken = set(found)
    for key in after:
        old_id = former.get(key[0])
        was = (old_id or "", key[1])
        if key not in found and old_id is not None and was not in taken and was in before:
            found[key] = was
            taken.add(was)
    pairs = [(before[found[key]] if key in found else None, entry) for key, entry in after.items()]
    return pairs, [entry for key, entry in before.items() if key not in taken]


def _revisions(
    old: OutcomeEntry, new: OutcomeEntry, repository: Repository, names: _Names
) -> Iterator[Change]:
    for field in FIELDS:
        before, after = _figure(old, field), _figure(new, field)
        if before is _WRONG or after is _WRONG or before == after:
            continue
        if before is None:
            added = ChangeKind.OUTCOME_ADDED
            yield _change(added, new, repository, names, new=after, field=field)
        elif after is None:
            removed = ChangeKind.OUTCOME_REMOVED
            yield _change(removed, new, repository, names, old=before, field=field)
        else:
            revised = ChangeKind.OUTCOME_REVISED
            by = {"revised_by": KOLADA} if revised_from(_written_entry(new), field, before) else {}
            yield _change(revised, new, repository, names, old=before, new=after, field=field, **by)


def _other_values(
    old: OutcomeEntry, new: OutcomeEntry, repository: Repository, names: _Names
) -> Iterator[Change]:
    before, after = _written_entry(old), _written_entry(new)
    for key in [*after, *(key for key in before if key not in after)]:
        if key in _NOT_OTHER_VALUES:
            continue
        found = value_change(str(key), f"outcome.{key}", before.get(key), after.get(key))
        if found is not None:
            kind, params = found
            yield _change(kind, new, repository, names, **params)


def _preliminary(
    old: OutcomeEntry, new: OutcomeEntry, repository: Repository, names: _Names
) -> Iterator[Change]:
    """Kolada's mark on a value it fetched changed: final now where it was preliminary, or back.

    A change of the field `outcome.preliminary` (old, new: True or None), with
    the value now; only of a value from Kolada, whose mark the pull writes.
    """
    if old.preliminary == new.preliminary or not is_from_kolada(_written_entry(new)):
        return
    was, now = (True, None) if old.preliminary else (None, True)
    value = _shown(new, "value")
    field = f"outcome.{PRELIMINARY}"
    yield _change(
        ChangeKind.FIELD_CHANGED, new, repository, names, field=field, old=was, new=now, value=value
    )


# A figure written but not as a number: not compared (lint reports it).
_WRONG = object()


def _figure(entry: OutcomeEntry, field: str) -> Any:
    """The outcome's figure as written: a number, None (none written), or _WRONG."""
    read: float | None = getattr(entry, field)
    written = _written(entry, field)
    if read is None:
        return None if written is None else _WRONG
    if not math.isfinite(read):
        return _WRONG  # .nan is unequal to itself: it would be revised on every comparison
    # Kept as written (71, not 71.0), so the JSON and the sentence show it so.
    return written if type(written) in (int, float) else read


def _shown(entry: OutcomeEntry, field: str) -> Any:
    """The figure to show of an outcome added or removed (None for one not a number)."""
    figure = _figure(entry, field)
    return None if figure is _WRONG else figure


def _written(entry: OutcomeEntry, field: str) -> Any:
    # read_outcomes keeps numbers only; whether a None was written as none, or
    # as something that is not a number, is in the entry itself.
    return _written_entry(entry).get(field)


def _written_entry(entry: OutcomeEntry) -> dict[str, Any]:
    """The outcome's mapping as its file holds it (read_outcomes found it there)."""
    data = entry.document.data
    position = entry.path[-1]
    entries = data.get("outcomes") if isinstance(data, dict) else None
    if isinstance(entries, list) and isinstance(position, int) and position < len(entries):
        written = entries[position]
        if isinstance(written, dict):
            return written
    return {}


class _Names:
    """The element an outcome or an analysis is about: its title and its organisation.

    The new side's index knows most; an outcome of an indicator that is gone
    is named from the old side's index, built only when one is asked for.
    """

    def __init__(self, new_index: Index, old: Repository, old_index: Index | None) -> None:
        self._new = new_index
        self._old_repository = old
        self._old = old_index

    def element(self, element_id: str) -> Element | None:
        found = self._new.by_id.get(element_id)
        if found is None:
            if self._old is None:
                self._old = build_index(self._old_repository)
            found = self._old.by_id.get(element_id)
        return found


def _change(
    kind: ChangeKind,
    entry: OutcomeEntry,
    repository: Repository,
    names: _Names,
    **params: Any,
) -> Change:
    """A change of the outcome `entry`, placed where it is written in `repository`."""
    indicator = names.element(entry.indicator)
    line, column = entry.document.locate(entry.path)
    return Change(
        kind=kind,
        category=FOLLOW_UP,
        id=entry.indicator,
        title=indicator.title if indicator is not None else entry.indicator,
        file=relative_name(repository, entry.document.file),
        line=line,
        column=column,
        # Whose a change is, decided once (`places.organisation_of`), as for the indicator itself.
        organisation=organisation_of(indicator) if indicator is not None else None,
        params={"indicator": entry.indicator, "period": entry.period.text, **params},
    )


# A goal's analysis of a period.


def _analysis_changes(
    old: Repository,
    new: Repository,
    names: _Names,
    renamed: Mapping[str, str],
    unread: _Unread,
) -> Iterator[Change]:
    pairs, gone = _matched(_analyses_by_key(old), _analyses_by_key(new), renamed)
    for previous, analysis in pairs:
        document = analysis.document
        if previous is None and document is not None and unread.on_old_side(document):
            continue
        yield from _analysis_change(analysis, previous.text if previous else None, new, names)
    for analysis in gone:
        if analysis.document is None or not unread.on_new_side(analysis.document):
            yield from _analysis_change(analysis, None, old, names, removed=True)


def _analyses_by_key(repository: Repository) -> dict[Key, Analysis]:
    _, analyses = read_outcomes(repository)
    first: dict[Key, Analysis] = {}
    for analysis in analyses:
        first.setdefault((analysis.goal, analysis.period.text), analysis)
    return first


def _analysis_change(
    analysis: Analysis,
    other: str | None,
    repository: Repository,
    names: _Names,
    *,
    removed: bool = False,
) -> Iterator[Change]:
    """`analysis` against the other side's text (`removed`: `analysis` is the old side's)."""
    was, now = (analysis.text, other) if removed else (other, analysis.text)
    found = value_change("text", ANALYSIS, was, now)
    if found is None or analysis.document is None:
        return
    kind, params = found
    if was is None or now is None:  # given or taken away, not reworded
        kind = ChangeKind.OUTCOME_ADDED if was is None else ChangeKind.OUTCOME_REMOVED
        params = {"field": ANALYSIS, "old": was, "new": now}
    goal = names.element(analysis.goal)
    line, column = analysis.document.locate(analysis.path)
    yield Change(
        kind=kind,
        category=goal.category if goal is not None else FOLLOW_UP,
        id=analysis.goal,
        title=goal.title if goal is not None else analysis.goal,
        file=relative_name(repository, analysis.document.file),
        line=line,
        column=column,
        organisation=organisation_of(goal) if goal is not None else None,
        params={"goal": analysis.goal, "period": analysis.period.text, **params},
    )
