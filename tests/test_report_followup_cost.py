"""The report's follow-up does each piece of work once, and holds little for a large repository."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _next_target_plainly(data: dict[str, Any], year: int) -> tuple[int, float] | None:
    """Every later target with a number, the earliest year, the first written of equals."""
    later = []
    for key in ("targets", "milestones"):
        entries = data.get(key)
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and type(entry.get("year")) is int:
                value = entry.get("value")
                number = type(value) in (int, float)
                if entry["year"] > year and number:
                    later.append((entry["year"], float(value)))
    return min(later, default=None, key=lambda pair: pair[0])


_TARGET_ENTRY = st.one_of(
    # Most entries are plain targets, some in the same year: which of equals wins.
    st.fixed_dictionaries({"year": st.integers(2024, 2027), "value": st.integers(0, 3)}),
    st.fixed_dictionaries(
        {},
        optional={
            "year": st.one_of(st.integers(2020, 2030), st.floats(2020, 2030), st.none()),
            "value": st.one_of(st.integers(0, 9), st.floats(0, 9), st.booleans(), st.text()),
        },
    ),
    st.integers(),
    st.text(max_size=2),
)


@settings(max_examples=500, deadline=None)
@given(
    targets=st.one_of(st.lists(_TARGET_ENTRY, max_size=6), st.integers(), st.none()),
    milestones=st.one_of(st.lists(_TARGET_ENTRY, max_size=6), st.none()),
    year=st.integers(2019, 2031),
)
def test_the_next_target_is_the_earliest_later_one_with_a_number(
    targets: Any, milestones: Any, year: int
) -> None:
    data = {"targets": targets, "milestones": milestones}
    assert evaluation.next_target_for(data, year) == _next_target_plainly(data, year)
