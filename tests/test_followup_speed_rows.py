"""`styr status`' rows, made with what every row shares found once: the rows made one by one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

from styr.followup.fulfilment import shown_percent, trend_name
from styr.followup.status import RepositoryStatus, _by_organisation, _next_target, collect, rows
from styr.followup.status_peers import peer_fields

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from stress_corpus import generate


def _rows_one_by_one(status: RepositoryStatus, language: str) -> list[dict[str, Any]]:
    """Each row worded on its own, every field asked for again."""
    result = []
    council_id, council_name = status.council
    names = status.follow_up.organisation_names
    for goal in _by_organisation(status):
        owner = goal.goal.owner or council_id
        for indicator in list(goal.indicators) or [None]:
            row: dict[str, Any] = {
                "organisation": owner,
                "organisation_name": names.get(owner)
                or (council_name if owner == council_id else owner),
                "goal_id": goal.goal.id,
                "goal": goal.goal.title,
                "goal_status": goal.status.value,
                "goal_status_label": status.scale.label(goal.status, language),
            }
            if indicator is not None:
                outcome = indicator.outcome
                percent = indicator.percent
                row.update(
                    indicator_id=indicator.indicator.id,
                    indicator=indicator.indicator.title,
                    unit=indicator.indicator.data.get("unit"),
                    outcome=outcome.value if outcome else None,
                    women=outcome.women if outcome else None,
                    men=outcome.men if outcome else None,
                    preliminary=outcome is not None and outcome.preliminary,
                    target=indicator.target,
                    next_target=_next_target(indicator),
                    fulfilment=None
                    if percent is None
                    else shown_percent(percent, indicator.status, status.scale),
                    status=indicator.status.value,
                    status_label=status.scale.label(indicator.status, language),
                    trend=indicator.trend.value,
                    trend_label=trend_name(indicator.trend, language),
                    peers=peer_fields(
                        status.repository, indicator.indicator, status.follow_up.period
                    ),
                )
            result.append(row)
    return result


@pytest.mark.parametrize("language", ["sv", "en"])
def test_rows_are_the_rows_made_one_by_one(tmp_path: Path, language: str) -> None:
    generate(tmp_path / "cycle", "cycle", 30)
    # Helsingborg compares with other municipalities; the others have no comparison file.
    paths = [EXAMPLES / "helsingborg", EXAMPLES / "huddinge", tmp_path / "cycle"]
    statuses = collect(paths, None, allow_errors=True)
    assert any(row["peers"] for row in rows(statuses[0], language))
    for status in statuses:
        made = rows(status, language)
        assert made == _rows_one_by_one(status, language)
        assert [list(row) for row in made] == [
            list(row) for row in _rows_one_by_one(status, language)
        ]
