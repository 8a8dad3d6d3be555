"""The rows of each sheet, from the model's index and the follow-up as `styr status` judges it.

Plain values only (texts, numbers, None): styr.excel.export lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from styr.excel import layout
from styr.excel.horizon import followed_up_years, target_years
from styr.followup.evaluate import OutcomeEntry, evaluate, read_outcomes, target_for
from styr.followup.fulfilment import Status, read_scale
from styr.followup.periods import Period
from styr.i18n import translate
from styr.model.index import Element, Index
from styr.model.repository import Repository

Row = list[Any]
# The council's areas and goals and every board's goals: what the follow-up judges goals by.
GOALS = ("council_area", "council_goal", "goal")


@dataclass(slots=True)
class Sheet:
    title: str
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    # Per row, the decimals its numbers are shown with (None: the sheet's default).
    decimals: list[int | None] = field(default_factory=list)
    number_columns: tuple[int, ...] = ()  # 0-based columns that hold numbers
    # 0-based columns a controller fills in; with some, the rest of the sheet is locked.
    fill_columns: tuple[int, ...] = ()


def sheets(
    repository: Repository, index: Index, language: str, years: list[int] | None = None
) -> list[Sheet]:
    """Every sheet of the workbook, in order; `years` the indicator sheet's target years
    (else the repository's own: a workbook of several municipalities has the same for all)."""
    outcomes, analyses = read_outcomes(repository)
    names = {o.id: o.title for o in index.organisations if o.id}
    names[""] = repository.municipality_name  # the council's own elements have no owner
    return [
        _organisations(repository, index, language),
        _goals(repository, index, names, language),
        _indicators(index, names, language, indicator_years(index) if years is None else years),
        _outcomes(repository, index, names, outcomes, language),
        _status(repository, index, (outcomes, analyses), names, language),
    ]


def _words(texts: tuple[str, ...] | list[str], language: str) -> list[str]:
    return [translate(text, language) for text in texts]


def _organisations(repository: Repository, index: Index, language: str) -> Sheet:
    sheet = Sheet(
        translate(layout.ORGANISATIONS, language), _words(layout.ORGANISATION_HEADERS, language)
    )
    levels = dict(repository.model.levels)
    for organisation in index.organisations:
        org_type = repository.model.organisation_types.get(organisation.kind_name or "")
        parent = organisation.data.get("parent")
        sheet.rows.append(
            [
                organisation.id,
                organisation.title,
                org_type.label(language) if org_type else organisation.kind_name,
                levels.get(org_type.level or "", org_type.level) if org_type else None,
                parent if isinstance(parent, str) else None,
            ]
        )
    return sheet


def _goals(repository: Repository, index: Index, names: dict[str, str], language: str) -> Sheet:
    sheet = Sheet(translate(layout.GOALS, language), _words(layout.GOAL_HEADERS, language))
    for goal in index.elements:
        if goal.category not in GOALS:
            continue
        horizon = goal.data.get("horizon")
        span = f"{horizon.get('start')}–{horizon.get('end')}" if isinstance(horizon, dict) else None
        links = goal.data.get("contributes_to")
        kind = goal.kind or repository.model.kinds.get(goal.kind_name or "")
        sheet.rows.append(
            [
                _owner_name(goal, names),
                kind.label(language) if kind else goal.kind_name,
                goal.id,
                goal.title,
                _text(goal.data.get("target_group")),
                span,
                ", ".join(str(link) for link in links) if isinstance(links, list) else None,
            ]
        )
    return sheet


def indicator_years(index: Index) -> list[int]:
    """The years any indicator has a target or milestone for: a column each."""
    return sorted({year for i in index.of_category("indicator") for year in target_years(i.data)})


def _indicators(index: Index, names: dict[str, str], language: str, years: list[int]) -> Sheet:
    indicators = index.of_category("indicator")
    headers = _words(layout.INDICATOR_HEADERS, language)
    headers += [translate(layout.TARGET_YEAR, language, year=year) for year in years]
    headers.append(translate(layout.KOLADA_ID, language))
    fixed = len(layout.INDICATOR_HEADERS)
    sheet = Sheet(
        translate(layout.INDICATORS, language),
        headers,
        number_columns=(fixed - 1, *range(fixed, fixed + len(years))),
    )
    for indicator in indicators:
        data = indicator.data
        given = data.get("baseline")
        baseline: dict[str, Any] = given if isinstance(given, dict) else {}
        better = data.get("better")
        row: Row = [
            indicator.id,
            indicator.title,
            indicator.parent.id if indicator.parent is not None else None,
            _owner_name(indicator, names),
            _text(data.get("unit")),
            translate(layout.BETTER[better], language) if better in layout.BETTER else None,
            baseline.get("year") if type(baseline.get("year")) is int else None,
            _number(baseline.get("value")),
        ]
        row += [target_for(data, year) for year in years]
        row.append(_text(data.get("kolada")))
        sheet.rows.append(row)
        sheet.decimals.append(decimals_of(row[fixed - 1 :]))
    return sheet


def _outcomes(
    repository: Repository,
    index: Index,
    names: dict[str, str],
    outcomes: list[OutcomeEntry],
    language: str,
) -> Sheet:
    """One row per indicator and year it is followed up in, and per period it has an outcome in."""
    by_key = {(o.indicator, o.period.text): o for o in reversed(outcomes)}  # the first counts
    periods: dict[str, set[Period]] = {}
    for outcome in outcomes:
        periods.setdefault(outcome.indicator, set()).add(outcome.period)
    sheet = Sheet(
        translate(layout.OUTCOMES, language),
        _words(layout.OUTCOME_HEADERS, language),
        number_columns=(5, 6, 7, 8),
        fill_columns=(6, 7, 8, 9, 10),
    )
    from styr.followup.periods import parse_period

    for indicator in index.of_category("indicator"):
        if not indicator.id:
            continue
        years = followed_up_years(indicator, repository)
        wanted = {p for p in periods.get(indicator.id, set()) if p.year in years}
        wanted.update(p for p in map(parse_period, map(str, years)) if p is not None)
        for period in sorted(wanted):
            found = by_key.get((indicator.id, period.text))
            row: Row = [
                indicator.id,
                period.text,
                _owner_name(indicator, names),
                indicator.title,
                _text(indicator.data.get("unit")),
                target_for(indicator.data, period.year) if period.is_year else None,
                found.value if found else None,
                found.women if found else None,
                found.men if found else None,
                found.source if found else None,
                found.comment if found else None,
            ]
            sheet.rows.append(row)
            sheet.decimals.append(decimals_of(row[5:9]))
    return sheet


def _status(
    repository: Repository,
    index: Index,
    read: tuple[list[OutcomeEntry], list[Any]],
    names: dict[str, str],
    language: str,
) -> Sheet:
    """Each goal's status per period that has outcomes, as `styr status` judges it."""
    scale = read_scale(repository.manifest_data.get("follow_up"))
    sheet = Sheet(translate(layout.STATUS, language), _words(layout.STATUS_HEADERS, language))
    for period in sorted({outcome.period for outcome in read[0]}):
        follow_up = evaluate(repository, index, scale, period, read, by_area=False)
        for goal in follow_up.goals:
            sheet.rows.append(
                [
                    _owner_name(goal.goal, names),
                    goal.goal.id,
                    goal.goal.title,
                    period.text,
                    scale.label(goal.status, language),
                    sum(1 for i in goal.indicators if i.status == Status.MET),
                    len(goal.indicators),
                ]
            )
    return sheet


def decimals_of(values: list[Any]) -> int:
    """The most decimals any of the numbers is written with (at most three)."""
    most = 0
    for value in values:
        if isinstance(value, float) and not value.is_integer():
            fraction = f"{value:.3f}".rstrip("0").partition(".")[2]
            most = max(most, len(fraction))
    return most


def _owner_name(element: Element, names: dict[str, str]) -> str | None:
    owner = element.owner or ""
    return names.get(owner, owner) or None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
