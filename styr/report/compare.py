"""The index of a report on several municipalities: their steering models side by side."""

from __future__ import annotations

from dataclasses import dataclass

from styr.report.texts import Labels
from styr.report.view import RepositoryView


@dataclass(frozen=True, slots=True)
class CompareRow:
    label: str
    values: tuple[str, ...]
    # Its values are texts from the files (a model's name), in the files' language, which a
    # page in another language marks (WCAG 3.1.2); the others are figures or its own words.
    from_files: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    municipalities: tuple[RepositoryView, ...]
    rows: tuple[CompareRow, ...]


def compare(views: list[RepositoryView], labels: Labels) -> Comparison:
    def row(label: str, values: list[str], from_files: bool = False) -> CompareRow:
        return CompareRow(label, tuple(values), from_files)

    def share(linked: int, total: int) -> str:
        return f"{linked} / {total}" if total else labels.none

    rows = [
        row(labels.municipality_code, [v.code or labels.none for v in views]),
        row(labels.term, [v.term or labels.none for v in views]),
        row(labels.steering_model, [v.model_name or labels.none for v in views], True),
        row(labels.levels, [" → ".join(v.levels) or labels.none for v in views], True),
        row(labels.council_kinds, [_council_kinds(v) or labels.none for v in views]),
        row(labels.organisations_count, [str(v.stats.organisations) for v in views]),
        row(labels.council_goals_count, [str(v.stats.council_goals) for v in views]),
        row(labels.goals_count, [str(v.stats.goals) for v in views]),
        row(labels.linked_share, [share(v.stats.linked_goals, v.stats.goals) for v in views]),
        row(labels.indicators_count, [str(v.stats.indicators) for v in views]),
        row(labels.indicators_with_targets, [str(v.stats.indicators_with_targets) for v in views]),
        row(labels.indicators_with_kolada, [str(v.stats.indicators_with_kolada) for v in views]),
        row(labels.sdg_goals_count, [str(v.stats.sdg_goals) for v in views]),
        row(labels.assignments_count, [str(v.stats.assignments) for v in views]),
        row(labels.work_plans_count, [str(v.stats.work_plans) for v in views]),
        row(labels.activities_count, [str(v.stats.activities) for v in views]),
        row(labels.documents_count, [str(v.stats.documents) for v in views]),
    ]
    if all(v.findings is not None for v in views):
        rows.append(
            row(
                labels.findings_count,
                [
                    f"{v.findings.errors} / {v.findings.warnings} / {v.findings.infos}"
                    for v in views
                ],
            )
        )
    return Comparison(tuple(views), tuple(rows))


def _council_kinds(view: RepositoryView) -> str:
    """The council level's kinds with how many of each: `Stadens inriktning (4)`."""
    counts: dict[str, int] = {}
    for area in view.council_areas:
        counts[area.kind] = counts.get(area.kind, 0) + 1
    return ", ".join(f"{kind} ({count})" for kind, count in counts.items())
