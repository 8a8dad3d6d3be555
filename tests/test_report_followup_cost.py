"""The report's follow-up does each piece of work once, and holds little for a large repository."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import styr.followup.evaluate as evaluation
import styr.report.build as build
import styr.report.followup as report_followup
from styr.followup.evaluate import evaluate
from styr.followup.fulfilment import Scale
from styr.model.index import Index, build_index
from styr.model.repository import Repository, load_repository
from styr.report.build import report_pieces
from styr.report.followup import follow_up

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from stress_corpus import Goal, write_repository

GOALS = 12


def _loaded(root: Path) -> tuple[Repository, Index]:
    # Goal n contributes to direction n % 4 + 1; indicator ind-n has an outcome in 2025.
    write_repository(root, [Goal(n, f"inriktning-{n % 4 + 1}") for n in range(1, GOALS + 1)])
    repository = load_repository(root)
    return repository, build_index(repository)


def test_goals_are_counted_by_area_only_when_asked(tmp_path: Path) -> None:
    repository, index = _loaded(tmp_path)
    counted = evaluate(repository, index, Scale())
    assert sum(sum(c.values()) for c in counted.by_area.values()) == GOALS
    uncounted = evaluate(repository, index, Scale(), by_area=False)
    assert uncounted.by_area == {}
    assert [g.status for g in uncounted.goals] == [g.status for g in counted.goals]


def test_each_indicator_is_judged_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository, index = _loaded(tmp_path)
    judged: list[str] = []
    real = evaluation.judge

    def counting(indicator: Any, *arguments: Any) -> Any:
        judged.append(indicator.id)
        return real(indicator, *arguments)

    monkeypatch.setattr(evaluation, "judge", counting)
    monkeypatch.setattr(report_followup, "judge", counting)
    lookup = follow_up(repository, index, "sv")
    assert sorted(judged) == sorted(f"ind-{n}" for n in range(1, GOALS + 1))
    assert len(lookup.outcomes) == GOALS


def test_goals_in_one_status_share_one_view(tmp_path: Path) -> None:
    repository, index = _loaded(tmp_path)
    lookup = follow_up(repository, index, "sv")
    statuses = list(lookup.goals.values())
    assert len(statuses) == GOALS
    assert len({id(status) for status in statuses}) == len(set(statuses)) < GOALS


def test_an_outcome_is_made_when_its_indicator_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository, index = _loaded(tmp_path)
    made: list[object] = []
    real = report_followup.OutcomeView

    def counting(*arguments: Any, **named: Any) -> Any:
        made.append(named.get("value"))
        return real(*arguments, **named)

    monkeypatch.setattr(report_followup, "OutcomeView", counting)
    lookup = follow_up(repository, index, "sv")
    assert made == []  # nothing drawn up front: a large report holds one board's at a time
    indicator = index.by_id["ind-3"]
    first = lookup.outcomes.get(id(indicator))
    assert first is not None and first.value == "63"
    assert lookup.outcomes.get(id(indicator)) == first  # the same view each time it is made
    assert lookup.outcomes.get(id(index.by_id["mal-3"])) is None
    assert id(indicator) in lookup.outcomes


def test_the_files_texts_are_let_go_once_the_views_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repository(tmp_path, [Goal(n, f"inriktning-{n % 4 + 1}") for n in range(1, GOALS + 1)])
    loaded: list[Repository] = []
    real = build.load_and_lint

    def keeping(*arguments: Any, **options: Any) -> Any:
        repository, result = real(*arguments, **options)
        assert all(document.text for document in repository.documents)  # there to lint with
        loaded.append(repository)
        return repository, result

    monkeypatch.setattr(build, "load_and_lint", keeping)
    page = "".join(report_pieces([tmp_path], "html"))
    assert "mal-12" in page
    (repository,) = loaded
    assert [document.text for document in repository.documents] == [None] * len(
        repository.documents
    )
