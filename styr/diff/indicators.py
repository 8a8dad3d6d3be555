"""What changed in one indicator: targets, milestones, range, baseline, unit, Kolada id, direction.

The comparison of the whole model (`styr.diff.compare`) calls `indicator_changes`
for each pair of indicators it matched (the same id on both sides, or a rename).
Values are compared as loaded, so a target rewritten from `{year: 2026, value: 91}`
to a block mapping, or with its keys in another order, is no change.

A changed target value is judged by which way is better on the new side
(and not at all where `better` itself changed in the same edit):
where higher is better a lower target is a lower ambition, where lower is
better a higher one is. A range (`better: range`) is judged as a whole: a
range that holds the old one and is wider is a lower ambition, one inside the
old one and narrower a higher, one that moved is only "changed". A target of
an indicator with no direction (or a target value of a range indicator) is
"changed", not judged. Values that are not numbers (booleans included) are
left alone: lint reports them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from styr.diff.changes import Change, ChangeKind
from styr.diff.values import value_change
from styr.lint import relative_name
from styr.model.index import Element
from styr.model.repository import Repository

# Number = int | float (bool excluded); kept as written, so 48 stays 48 in the JSON.
Number = int | float

# What a value read from a file is, as the comparison sees it: a number, nothing
# written (None), or a value of the wrong type (`_WRONG`: not compared).
_WRONG = object()

# The lists of values per year, and whether their entries are milestones.
_YEARLY = (("targets", False), ("milestones", True))


def indicator_changes(
    old: Element,
    new: Element,
    organisation: str | None,
    repository: Repository | None = None,
) -> list[Change]:
    """The changes between two versions of one indicator, in the order of the new file.

    `repository` is the new side's, to name files relative to it (as findings
    do); without it a file is named by its whole path.
    """
    pair = _Pair(old, new, organisation, repository)
    changes = [
        *_yearly_changes(pair),
        *_range_changes(pair),
        *_baseline_changes(pair),
        *_text_changes(pair, "unit", ChangeKind.UNIT_CHANGED),
        *_text_changes(pair, "kolada", ChangeKind.KOLADA_CHANGED),
        *_text_changes(pair, "better", ChangeKind.BETTER_CHANGED),
    ]
    return sorted(changes, key=lambda change: (change.line, change.column))


@dataclass(frozen=True, slots=True)
class _Pair:
    """The two versions of an indicator, and how a change of it is made."""

    old: Element
    new: Element
    organisation: str | None
    repository: Repository | None

    @property
    def better(self) -> str | None:
        better = self.new.data.get("better")
        return better if isinstance(better, str) else None

    @property
    def judged_by(self) -> str | None:
        """The direction a changed target is judged by; None (not judged) when it flipped.

        With `better` changed in the same edit, the old target was set against
        one direction and the new against another: judging the new value by the
        new direction would call a lowered target raised. Both are said instead,
        as target-changed beside better-changed.
        """
        before = self.old.data.get("better")
        return self.better if before == self.better else None

    def change(
        self, kind: ChangeKind, at: tuple[str | int, ...], *, key: bool = False, **params: Any
    ) -> Change:
        """A change placed at `at` under the new indicator (or its nearest part written).

        With `key`, at the key written there (`targets:`) rather than its value.
        """
        document = self.new.document
        line, column = document.locate((*self.new.path, *at), key=key)
        file = document.file
        name = relative_name(self.repository, file) if self.repository else file.as_posix()
        return Change(
            kind=kind,
            category=self.new.category,
            id=self.new.id,
            title=self.new.title,
            file=name,
            line=line,
            column=column,
            organisation=self.organisation,
            params=params,
        )


# Targets and milestones, year by year.


@dataclass(frozen=True, slots=True)
class _Entry:
    position: int  # in its list
    value: Any  # a Number, or _WRONG
    comment: str | None
    data: dict[str, Any]  # the entry as written


def _yearly_changes(pair: _Pair) -> Iterator[Change]:
    for key, milestone in _YEARLY:
        old, new = _by_year(pair.old.data.get(key)), _by_year(pair.new.data.get(key))
        if old is None or new is None:
            continue  # `targets: 86`, not a list: lint reports it
        for year in sorted(old.keys() | new.keys()):
            before, after = old.get(year), new.get(year)
            if _unreadable(before) or _unreadable(after):
                continue  # lint reports the value that is not a number
            common: dict[str, Any] = {
                "field": key,
                "milestone": milestone,
                "year": year,
                "better": pair.better,
            }
            change = _year_change(pair, key, before, after, common)
            if change is not None:
                yield change
            if before is not None and after is not None:
                # A changed value carries its comment; what else the entry says is its own.
                judged = _JUDGED | ({"comment"} if change is not None else set())
                at, written = (key, after.position), (before.data, after.data)
                yield from _other_values(pair, at, key, *written, judged, year=year)


def _year_change(
    pair: _Pair, key: str, before: _Entry | None, after: _Entry | None, common: dict[str, Any]
) -> Change | None:
    """One year's target (or milestone) added, removed or changed; None if it is the same."""
    if after is None:
        if before is None:
            return None
        # Placed at `targets:` on the new side (or the indicator): where a
        # reviewer reads the new file, and where a comment could go.
        removed = ChangeKind.TARGET_REMOVED
        return pair.change(removed, (key,), key=True, old=before.value, **common)
    at = (key, after.position)
    if before is None:
        added = ChangeKind.TARGET_ADDED
        return pair.change(added, at, new=after.value, comment=after.comment, **common)
    if before.value == after.value:
        return None
    kind = _judged(before.value, after.value, pair.judged_by)
    extra = _explanation(after.comment, kind)
    return pair.change(kind, at, old=before.value, new=after.value, **common, **extra)


def _by_year(entries: Any) -> dict[int, _Entry] | None:
    """Each year's entry (the first where a year is written twice: lint reports the rest).

    None when what is written is not a list (nothing written is an empty one).
    """
    found: dict[int, _Entry] = {}
    if entries is None:
        return found
    if not isinstance(entries, list):
        return None
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        year = entry.get("year")
        if type(year) is int and year not in found:
            # A target without a number (none written, or not a number) is not compared.
            value = _number(entry.get("value"))
            written = _WRONG if value is None else value
            found[year] = _Entry(position, written, _comment(entry), entry)
    return found


def _unreadable(entry: _Entry | None) -> bool:
    return entry is not None and entry.value is _WRONG


def _judged(old: Number, new: Number, better: str | None) -> ChangeKind:
    """A changed target value as a higher or lower ambition, where a direction says which."""
    if better == "higher":
        return ChangeKind.AMBITION_RAISED if new > old else ChangeKind.AMBITION_LOWERED
    if better == "lower":
        return ChangeKind.AMBITION_RAISED if new < old else ChangeKind.AMBITION_LOWERED
    return ChangeKind.TARGET_CHANGED


def _explanation(comment: str | None, kind: ChangeKind) -> dict[str, Any]:
    """The comment on the new target; for a lower ambition, whether it explains it."""
    if kind is ChangeKind.AMBITION_LOWERED:
        return {"explained": comment is not None, "comment": comment}
    return {"comment": comment}


# The range of a `better: range` indicator, judged as a whole.


def _range_changes(pair: _Pair) -> Iterator[Change]:
    old, new = _bounds(pair.old.data.get("range")), _bounds(pair.new.data.get("range"))
    if old is _WRONG or new is _WRONG:
        return
    common: dict[str, Any] = {
        "field": "range",
        "milestone": False,
        "year": None,
        "better": pair.better,
    }
    if old == new:
        pass
    elif old is None:
        yield pair.change(ChangeKind.TARGET_ADDED, ("range",), new=new, **common)
    elif new is None:
        yield pair.change(ChangeKind.TARGET_REMOVED, ("range",), old=old, **common)
    else:
        by_range = pair.judged_by == "range"
        kind = _judged_range(old, new) if by_range else ChangeKind.TARGET_CHANGED
        extra = _explanation(_comment(pair.new.data["range"]), kind)
        yield pair.change(kind, ("range",), old=old, new=new, **common, **extra)
    if isinstance(old, dict) and isinstance(new, dict):
        judged = _BOUNDS | ({"comment"} if old != new else set())
        written = pair.old.data["range"], pair.new.data["range"]
        yield from _other_values(pair, ("range",), "range", *written, judged)


def _bounds(value: Any) -> Any:
    """{min, max} of a range as written (a bound None where not given), None, or _WRONG."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return _WRONG
    bounds = {"min": _number(value.get("min")), "max": _number(value.get("max"))}
    if any(bound is _WRONG for bound in bounds.values()):
        return _WRONG
    return bounds


def _judged_range(old: dict[str, Any], new: dict[str, Any]) -> ChangeKind:
    if _holds(new, old):
        return ChangeKind.AMBITION_LOWERED  # wider: more outcomes count as met
    if _holds(old, new):
        return ChangeKind.AMBITION_RAISED
    return ChangeKind.TARGET_CHANGED


def _holds(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
    """Whether the range `outer` holds `inner` (a bound not given is open)."""
    low = outer["min"] is None or (inner["min"] is not None and outer["min"] <= inner["min"])
    high = outer["max"] is None or (inner["max"] is not None and outer["max"] >= inner["max"])
    return low and high


# The baseline (utgångsvärde), the unit, the Kolada id and the direction.


def _baseline_changes(pair: _Pair) -> Iterator[Change]:
    old, new = _value_at(pair.old.data.get("baseline")), _value_at(pair.new.data.get("baseline"))
    if old is _WRONG or new is _WRONG:
        return
    if old != new:
        yield pair.change(ChangeKind.BASELINE_CHANGED, ("baseline",), old=old, new=new)
    if old is not None and new is not None:
        written = pair.old.data["baseline"], pair.new.data["baseline"]
        yield from _other_values(pair, ("baseline",), "baseline", *written, _JUDGED)


def _value_at(value: Any) -> Any:
    """{year, value} of a baseline, None when none is written, or _WRONG."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return _WRONG
    year, number = value.get("year"), _number(value.get("value"))
    if type(year) is not int or number is None or number is _WRONG:
        return _WRONG
    return {"year": year, "value": number}


# What else a target, milestone, range or baseline written on both sides says.

_JUDGED = frozenset({"year", "value"})  # compared above
_BOUNDS = frozenset({"min", "max"})


def _other_values(
    pair: _Pair,
    at: tuple[str | int, ...],
    field: str,
    old: dict[str, Any],
    new: dict[str, Any],
    judged: frozenset[str] | set[str],
    **extra: Any,
) -> Iterator[Change]:
    """A milestone's text reworded, its term or a comment changed: every other key, by name.

    The field is named without the entry's position (`milestones.text`, with
    the year in `extra`), so that a rendering names it from a fixed table.
    """
    for name in [*new, *(name for name in old if name not in new)]:
        if name in judged:
            continue
        found = value_change(str(name), f"{field}.{name}", old.get(name), new.get(name))
        if found is not None:
            kind, params = found
            where = (*at, name) if name in new else at
            yield pair.change(kind, where, **params, **extra)


def _text_changes(pair: _Pair, key: str, kind: ChangeKind) -> Iterator[Change]:
    old, new = _text(pair.old.data.get(key)), _text(pair.new.data.get(key))
    if old is not _WRONG and new is not _WRONG and old != new:
        yield pair.change(kind, (key,), old=old, new=new)


# Values as written.


def _number(value: Any) -> Any:
    """A number as written, None when nothing is written, or _WRONG (booleans included).

    `.nan` and `.inf` are wrong too: NaN is unequal to itself, so it would
    show as changed on every comparison.
    """
    if value is None:
        return None
    if type(value) is float and not math.isfinite(value):
        return _WRONG
    return value if type(value) in (int, float) else _WRONG


def _text(value: Any) -> Any:
    if value is None:
        return None
    return value if isinstance(value, str) else _WRONG


def _comment(entry: dict[str, Any]) -> str | None:
    """The entry's `comment` that explains the value, when one with words is written."""
    comment = entry.get("comment")
    if isinstance(comment, str) and comment.strip():
        return comment.strip()
    return None
