"""What `styr diff` finds: changes by id, and the findings' delta, as plain values.

The comparison (`styr.diff.compare` and its helpers) makes them; every
rendering (text, Markdown, JSON, GitHub job summary) only lays them out.
`ChangeKind` values are stable: they are the JSON's `kind` and the names
`--fail-on` takes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class ChangeKind(enum.StrEnum):
    # Elements and organisations (category says which).
    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"  # params: old_id, similarity (0..1)
    # An element now written under another organisation (a goal moved from one
    # board's file to another's). params: old, new (the organisations' ids);
    # `organisation` is the new one, and the layout lists it under both.
    MOVED = "moved"
    REWORDED = "reworded"  # params: field, old, new, words [[op, text], ...] op in "=", "-", "+"
    LINK_MOVED = "link-moved"  # params: field, old [ids], new [ids], removed [ids], added [ids]
    #   (and removed_titles, added_titles: the targets' titles, in the same order)
    # Any other value of an element changed (a goal's horizon, its Agenda 2030
    # targets, an organisation's parent, an element's kind): what no kind above
    # says. params: field (dotted), old, new (a plain value; None where not written).
    FIELD_CHANGED = "field-changed"
    # Both REWORDED and FIELD_CHANGED are also said of the other keys of a
    # target, milestone, range or baseline (field targets.comment,
    # milestones.text, milestones.term, range.comment, baseline.comment; with
    # year for targets and milestones), of an outcome (outcome.comment,
    # outcome.source, outcome.unit; with indicator, period) and of a goal's
    # analysis (field analysis; with goal, period; category the goal's).
    # Indicators. Every target kind also has params field ("targets", "milestones"
    # or "range") and milestone (bool). For field "range", year is None and
    # old/new are {min, max} (a bound None where not given); a wider range is a
    # lower ambition, a narrower one inside it a higher, a moved one "changed".
    AMBITION_LOWERED = "ambition-lowered"  # params: year, old, new, better, explained, comment
    AMBITION_RAISED = "ambition-raised"  # params: year, old, new, better
    # A target changed where no direction is better (better missing, or a
    # target value of a range indicator), or a range moved: not judged.
    TARGET_CHANGED = "target-changed"  # params: year, old, new, better
    TARGET_ADDED = "target-added"  # params: year, new
    TARGET_REMOVED = "target-removed"  # params: year, old
    BASELINE_CHANGED = "baseline-changed"  # params: old {year, value} | None, new ...
    UNIT_CHANGED = "unit-changed"  # params: old, new
    KOLADA_CHANGED = "kolada-changed"  # params: old, new
    BETTER_CHANGED = "better-changed"  # params: old, new (higher, lower, range)
    # Organisations.
    GOAL_COUNT_CHANGED = "goal-count-changed"  # params: old, new, limit, over_limit (bool)
    MISSION_SOURCE_CHANGED = "mission-source-changed"  # params: field, old, new
    # Steering documents.
    DOCUMENT_ADOPTED = "document-adopted"  # params: adopted_on, adopted_by
    DOCUMENT_REPEALED = "document-repealed"  # params: valid_until (None: removed from the register)
    DOCUMENT_EXTENDED = (
        "document-extended"  # params: old, new (valid_until; new None = tills vidare)
    )
    # An end set where there was none, or moved earlier: the document still
    # applies, until a nearer day. Not a repeal, which is a decision of its own.
    DOCUMENT_LIMITED = "document-limited"  # params: old (None = tills vidare), new (valid_until)
    REVIEW_MOVED = "review-moved"  # params: old, new (next_review)
    # Follow-up. period as written ("2024", "2025-T2"); old, new and an added
    # outcome's new are numbers, or None where no value is written (value: null).
    OUTCOME_ADDED = "outcome-added"  # params: indicator, period, new
    OUTCOME_REVISED = (
        "outcome-revised"  # params: indicator, period, old, new, field (value/women/men)
    )
    OUTCOME_REMOVED = "outcome-removed"  # params: indicator, period, old
    # The declared steering model (styr.yaml's steering_model and follow_up scale).
    MODEL_CHANGED = "model-changed"  # params: part (element_kinds, links, levels,
    #   organisation_types, bands), what (added/removed/changed), id, old, new
    #   (and for links, names: each kind's id -> its name in the run's language)
    # A whole repository (municipality) on one side only.
    REPOSITORY_ADDED = "repository-added"
    REPOSITORY_REMOVED = "repository-removed"


# Every change of an element of a kind the steering model declares (element_kinds
# in styr.yaml; an outcome's: its indicator's) also has the param kind_name: the
# kind's name in the run's language ("Stadens inriktning"), which its sentence
# names it by. Without it (no declared kind), the category's generic word.


@dataclass(frozen=True, slots=True)
class Change:
    """One change, with where it is on the new side (the old side for what was removed).

    `file` is the file's name inside its repository (`organisation/kn.yaml`),
    `line`/`column` 1-based (0 when the change has no single place; a
    repository added or removed is at its manifest's 1:1). `organisation` is
    the id of the organisation the change belongs to (None at council level
    and for the model), for grouping.
    """

    kind: ChangeKind
    category: str  # an index category (goal, indicator, organisation, ...), "follow_up" or "model"
    id: str | None
    title: str
    file: str
    line: int = 0
    column: int = 0
    organisation: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """A lint finding as the delta compares it: without its line, which edits move."""

    code: str
    severity: str  # error, warning, info
    file: str
    line: int
    column: int
    message: str  # in the run's language


@dataclass(slots=True)
class FindingsDelta:
    introduced: list[FindingRecord] = field(default_factory=list)
    fixed: list[FindingRecord] = field(default_factory=list)


@dataclass(slots=True)
class RepositoryDiff:
    """The changes in one repository (one municipality) between the two sides."""

    name: str  # the municipality's name on the new side (old side if removed)
    code: str | None
    path: str  # the repository's folder relative to where styr diff was run, posix
    changes: list[Change] = field(default_factory=list)
    findings: FindingsDelta = field(default_factory=FindingsDelta)
    # Organisation id -> its name, for headings (both sides, new wins).
    organisation_names: dict[str, str] = field(default_factory=dict)
    # The old side's folder, where what was removed or fixed is; "" where it is `path`
    # (two revisions of one work tree).
    old_path: str = ""


@dataclass(slots=True)
class DiffResult:
    old_label: str  # "mal-och-budget-2025", "a1b2c3d", a folder, "arbetskopian"
    new_label: str
    repositories: list[RepositoryDiff] = field(default_factory=list)
    unchanged: int = 0  # repositories found identical on both sides (not loaded)

    @property
    def empty(self) -> bool:
        return not any(
            r.changes or r.findings.introduced or r.findings.fixed for r in self.repositories
        )
