"""What every rendering of a diff lays out alike: the sections, the places, the counts.

A repository's changes are shown in sections: the municipality as a whole
(added, removed), the structure of the steering model (flagged as such: it
changes how every file is read), the council level, then each organisation
in the order the comparison met them (an element moved from one organisation
to another under both: each one's reviewer looks for it). The summary's counts, the findings'
delta in words and the place of a change ("organisation/kn.yaml:12:5") are
decided here once, so the text, Markdown, JSON and GitHub renderings agree.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from styr.diff.changes import (
    Change,
    ChangeKind,
    DiffResult,
    FindingRecord,
    FindingsDelta,
    RepositoryDiff,
)
from styr.diff.texts import (
    FIXED,
    FIXED_OTHER,
    INTRODUCED,
    INTRODUCED_OTHER,
    counted,
    kind_label,
    text,
)
from styr.i18n import translate


class Part(enum.Enum):
    MUNICIPALITY = "municipality"
    MODEL = "model"
    COUNCIL = "council"
    ORGANISATION = "organisation"


# The municipality as a whole: said under its heading, before any section.
_WHOLE = frozenset({ChangeKind.REPOSITORY_ADDED, ChangeKind.REPOSITORY_REMOVED})
# Changes whose place is on the old side: what the new side no longer has.
_OLD_SIDE = frozenset(
    {ChangeKind.REMOVED, ChangeKind.OUTCOME_REMOVED, ChangeKind.REPOSITORY_REMOVED}
)


@dataclass(slots=True)
class Section:
    part: Part
    organisation: str | None = None  # the organisation's id, for an organisation's section
    name: str = ""  # the organisation's name as written (escape it where it is shown)
    changes: list[Change] = field(default_factory=list)


def sections(repository: RepositoryDiff) -> list[Section]:
    """The repository's changes by section, each section's changes in the order given."""
    whole = Section(Part.MUNICIPALITY)
    model = Section(Part.MODEL)
    council = Section(Part.COUNCIL)
    organisations: dict[str, Section] = {}
    for change in repository.changes:
        if change.kind in _WHOLE:
            whole.changes.append(change)
        elif change.category == "model" or change.kind is ChangeKind.MODEL_CHANGED:
            model.changes.append(change)
        elif change.organisation is None:
            council.changes.append(change)
        else:
            section = _organisation_section(organisations, change.organisation, repository)
            section.changes.append(change)
            giving = _moved_from(change)
            if giving is not None:  # the giving organisation's reviewer sees it leave
                _organisation_section(organisations, giving, repository).changes.append(change)
    found = [whole, model, council, *organisations.values()]
    return [section for section in found if section.changes]


def _organisation_section(
    organisations: dict[str, Section], organisation: str, repository: RepositoryDiff
) -> Section:
    section = organisations.get(organisation)
    if section is None:
        name = repository.organisation_names.get(organisation) or organisation
        section = organisations[organisation] = Section(Part.ORGANISATION, organisation, name)
    return section


def _moved_from(change: Change) -> str | None:
    """The organisation an element moved away from, where it is not the one it belongs to now."""
    if change.kind is not ChangeKind.MOVED:
        return None
    giving = change.params.get("old")
    # An empty name is no organisation to list the change under a second time.
    return giving if isinstance(giving, str) and giving and giving != change.organisation else None


def section_heading(section: Section, language: str, shown: Callable[[str], str]) -> str:
    """The section's heading; an organisation's name escaped by `shown`."""
    if section.part is Part.MODEL:
        return text("model_heading", language)
    if section.part is Part.COUNCIL:
        return text("council_heading", language)
    return shown(section.name)


def repository_heading(
    repository: RepositoryDiff, language: str, shown: Callable[[str], str]
) -> str:
    name = shown(repository.name or repository.path)
    if not repository.code:
        return name
    return text("repository_heading", language, name=name, code=shown(repository.code))


def place(
    change: Change | FindingRecord,
    repository: RepositoryDiff,
    result: DiffResult,
    language: str,
    shown: Callable[[str], str],
    *,
    fixed: bool = False,
) -> str:
    """`folder/file:line:column` from where styr diff ran; marked when on the old side.

    A finding `fixed` is on the old side (the new side no longer has it), as
    what was removed is.
    """
    old = fixed or (isinstance(change, Change) and on_old_side(change))
    folder = (repository.old_path or repository.path) if old else repository.path
    where = file_place(folder, change.file, change.line, change.column)
    if not where:
        return ""
    if old:
        return text("old_side_place", language, place=shown(where), side=shown(result.old_label))
    return shown(where)


def on_old_side(change: Change) -> bool:
    """Whether the change's place is in the old side: what the new side no longer has."""
    if change.kind is ChangeKind.DOCUMENT_REPEALED:  # removed, not given an end date
        return change.params.get("valid_until") is None
    return change.kind in _OLD_SIDE


def file_place(folder: str, file: str, line: int, column: int) -> str:
    path = file if folder in ("", ".") or not file else f"{folder.rstrip('/')}/{file}"
    if not path:
        return ""
    if line <= 0:
        return path
    return f"{path}:{line}" if column <= 0 else f"{path}:{line}:{column}"


def all_changes(result: DiffResult) -> Iterable[Change]:
    for repository in result.repositories:
        yield from repository.changes


def all_findings(result: DiffResult) -> FindingsDelta:
    together = FindingsDelta()
    for repository in result.repositories:
        together.introduced.extend(repository.findings.introduced)
        together.fixed.extend(repository.findings.fixed)
    return together


def kind_counts(changes: Iterable[Change]) -> list[tuple[str, int]]:
    """(kind, count), in the order the kinds are declared, then any kind not declared."""
    counts = Counter(str(change.kind) for change in changes)
    declared = [kind.value for kind in ChangeKind if kind.value in counts]
    others = sorted(kind for kind in counts if kind not in declared)
    return [(kind, counts[kind]) for kind in [*declared, *others]]


def changes_summary(changes: list[Change], language: str) -> str:
    """ "12 ändringar (Tillagt: 3, Lägre ambition: 2)"; none: "Inga ändringar", as everywhere."""
    if not changes:  # only findings changed
        return text("no_changes", language)
    counts = ", ".join(
        text("kind_count", language, label=kind_label(kind, language), count=count)
        for kind, count in kind_counts(changes)
    )
    total = counted("changes", len(changes), language)
    return text("summary", language, changes=total, kinds=counts) if counts else total


def delta_summary(delta: FindingsDelta, language: str) -> str:
    """ "2 nya varningar, 5 åtgärdade", or that there is nothing new and nothing fixed."""
    severities = Counter(record.severity for record in delta.introduced)
    parts = [
        counted(f"new_{severity}", severities[severity], language)
        for severity in ("error", "warning", "info")
        if severities[severity]
    ]
    unknown = sum(n for severity, n in severities.items() if severity not in INTRODUCED)
    if unknown:
        parts.append(counted("new_finding", unknown, language))
    if delta.fixed:
        parts.append(counted("fixed", len(delta.fixed), language))
    return ", ".join(parts) if parts else text("findings_none", language)


def finding_label(record: FindingRecord, introduced: bool, language: str) -> str:
    """ "Ny varning", "Åtgärdat fel"."""
    table, other = (INTRODUCED, INTRODUCED_OTHER) if introduced else (FIXED, FIXED_OTHER)
    return translate(table.get(record.severity, other), language)


def summary_parts(result: DiffResult, language: str, shown: Callable[[str], str]) -> list[str]:
    """The first line's parts: the two sides, the changes by kind, the findings, the unchanged."""
    sides = text("sides", language, old=shown(result.old_label), new=shown(result.new_label))
    if result.empty:
        parts = [sides, text("no_changes", language)]
    else:
        changes = list(all_changes(result))
        parts = [sides, changes_summary(changes, language)]
        delta = all_findings(result)
        if delta.introduced or delta.fixed:
            parts.append(text("findings_summary", language, delta=delta_summary(delta, language)))
    if result.unchanged:
        parts.append(counted("unchanged", result.unchanged, language))
    return parts
