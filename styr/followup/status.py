"""`styr status`: the follow-up of one or more repositories as rows, for a table or JSON."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from styr.errors import UsageError
from styr.followup.evaluate import FollowUp, IndicatorResult, evaluate
from styr.followup.fulfilment import (
    SYMBOLS,
    TREND_LABELS,
    TREND_SYMBOLS,
    Scale,
    Status,
    Trend,
    read_scale,
)
from styr.followup.periods import parse_period
from styr.model.index import build_index
from styr.model.repository import Repository, find_repositories, load_repository


@dataclass(slots=True)
class RepositoryStatus:
    repository: Repository
    scale: Scale
    follow_up: FollowUp


def collect(paths: list[Path], period_text: str | None) -> list[RepositoryStatus]:
    period = None
    if period_text is not None:
        period = parse_period(period_text)
        if period is None:
            raise UsageError("bad-period", value=period_text)
    statuses = []
    for root in find_repositories(paths):
        repository = load_repository(root)
        scale = read_scale(repository.manifest_data.get("follow_up"))
        follow_up = evaluate(repository, build_index(repository), scale, period)
        statuses.append(RepositoryStatus(repository, scale, follow_up))
    return statuses


def rows(status: RepositoryStatus, language: str) -> list[dict[str, Any]]:
    """One row per indicator of every goal, with the goal's own status on each."""
    result = []
    for goal in status.follow_up.goals:
        owner = goal.goal.owner or ""
        indicators: list[IndicatorResult | None] = list(goal.indicators) or [None]
        for indicator in indicators:  # a goal without indicators still shows
            row: dict[str, Any] = {
                "organisation": owner,
                "organisation_name": status.follow_up.organisation_names.get(owner, owner),
                "goal_id": goal.goal.id,
                "goal": goal.goal.title,
                "goal_status": goal.status.value,
                "goal_status_label": status.scale.label(goal.status, language),
            }
            if indicator is not None:
                row.update(
                    indicator_id=indicator.indicator.id,
                    indicator=indicator.indicator.title,
                    unit=indicator.indicator.data.get("unit"),
                    outcome=indicator.outcome.value if indicator.outcome else None,
                    women=indicator.outcome.women if indicator.outcome else None,
                    men=indicator.outcome.men if indicator.outcome else None,
                    target=indicator.target,
                    fulfilment=round(indicator.percent, 1)
                    if indicator.percent is not None
                    else None,
                    status=indicator.status.value,
                    status_label=status.scale.label(indicator.status, language),
                    trend=indicator.trend.value,
                    trend_label=TREND_LABELS[language][indicator.trend],
                )
            result.append(row)
    return result


def render_json(statuses: list[RepositoryStatus], language: str) -> str:
    document = [
        {
            "municipality": s.repository.municipality_name,
            "code": s.repository.municipality_code,
            "period": s.follow_up.period.text if s.follow_up.period else None,
            "rows": rows(s, language),
            "by_area": {
                area: {
                    status.value: count
                    for status, count in sorted(counter.items(), key=lambda i: i[0].value)
                }
                for area, counter in sorted(s.follow_up.by_area.items())
            },
        }
        for s in statuses
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_HEADINGS = {
    "sv": (
        "Nämnd/bolag",
        "Mål",
        "Indikator",
        "Utfall",
        "Målvärde",
        "Uppfyllelse",
        "Status",
        "Trend",
        "Period",
    ),
    "en": (
        "Board/company",
        "Goal",
        "Indicator",
        "Outcome",
        "Target",
        "Fulfilment",
        "Status",
        "Trend",
        "Period",
    ),
}


def render_table(statuses: list[RepositoryStatus], language: str, colour: bool) -> str:
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=colour, no_color=not colour, width=160)
    headings = _HEADINGS.get(language, _HEADINGS["sv"])
    for status in statuses:
        period = status.follow_up.period.text if status.follow_up.period else "–"
        table = Table(title=f"{status.repository.municipality_name} – {headings[8]} {period}")
        for heading in headings[:8]:
            table.add_column(heading, overflow="fold")
        for row in rows(status, language):
            symbol = SYMBOLS[_status(row.get("status", row["goal_status"]))]
            table.add_row(
                row["organisation_name"],
                row["goal"],
                row.get("indicator", "–"),
                _number(row.get("outcome"), row.get("unit"), language),
                _number(row.get("target"), row.get("unit"), language),
                _number(row.get("fulfilment"), "procent", language),
                f"{symbol} {row.get('status_label', row['goal_status_label'])}",
                f"{TREND_SYMBOLS[_trend(row.get('trend'))]} {row.get('trend_label', '')}".strip(),
            )
        console.print(table)
        if status.follow_up.by_area:
            console.print(_area_table(status, language))
    return buffer.getvalue()


def _area_table(status: RepositoryStatus, language: str) -> Any:
    """The council-level view: how many goals under each area are in each status."""
    from rich.table import Table

    names = status.follow_up.area_names
    title = "Mål per område" if language == "sv" else "Goals per area"
    table = Table(title=title)
    table.add_column("Område" if language == "sv" else "Area", overflow="fold")
    shown = (
        Status.MET,
        Status.PARTLY_MET,
        Status.NOT_MET,
        Status.NOT_FOLLOWED_UP,
        Status.NO_TARGET,
    )
    for state in shown:
        table.add_column(f"{SYMBOLS[state]} {status.scale.label(state, language)}", justify="right")
    for area, counts in sorted(status.follow_up.by_area.items()):
        table.add_row(names.get(area, area), *(str(counts.get(state, 0)) for state in shown))
    return table


def _status(value: str) -> Status:
    return Status(value)


def _trend(value: Any) -> Trend:
    return Trend(value) if value else Trend.UNKNOWN


def _number(value: Any, unit: Any, language: str) -> str:
    """A number as a reader writes it: decimal comma in Swedish, % for percent."""
    if value is None:
        return "–"
    shown = f"{value:g}"
    if language == "sv":
        shown = shown.replace(".", ",")
    if unit == "procent":
        return f"{shown} %"
    return f"{shown} {unit}" if isinstance(unit, str) else shown
