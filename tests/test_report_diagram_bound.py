"""Past a number of contributions the goal-chain diagram counts instead of listing every goal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import rich_repository

import styr.report.diagram as diagram_module
from styr.model.repository import load_repository
from styr.report.anchors import Anchors
from styr.report.build import build_report, repository_view
from styr.report.texts import Labels

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from stress_corpus import Goal, write_repository


def _many(root: Path, count: int = 30) -> Path:
    # Goal n contributes to direction n % 4 + 1; goal 1 to an id that does not exist.
    goals = [Goal(1, "finns-inte")]
    goals += [Goal(n, f"inriktning-{n % 4 + 1}") for n in range(2, count + 1)]
    write_repository(root, goals)
    return root


def test_past_the_bound_the_targets_are_counted_not_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diagram_module, "LISTED_UP_TO", 10)
    view = repository_view(load_repository(_many(tmp_path)), Labels("sv"), Anchors(""))
    diagram = view.diagram
    assert [target.count for target in diagram.targets] == [7, 7, 8, 7]
    assert all(target.groups == () for target in diagram.targets)
    assert "fler än 10 bidrag" in diagram.summary
    # The matrix still gives every board's figures, and an unlinked goal is still named.
    assert sum(sum(row.cells) for row in diagram.matrix) == 29
    assert [[ref.id for ref in group.items] for group in diagram.unlinked] == [["mal-1"]]


def test_up_to_the_bound_every_contribution_is_listed(tmp_path: Path) -> None:
    view = repository_view(load_repository(_many(tmp_path)), Labels("sv"), Anchors(""))
    diagram = view.diagram
    assert diagram.summary == ""
    for target in diagram.targets:
        assert target.count == sum(len(group.items) for group in target.groups) > 0


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_summarised_diagram_says_so_on_the_page(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _many(tmp_path)
    listed = build_report([root], fmt, allow_errors=True)
    monkeypatch.setattr(diagram_module, "LISTED_UP_TO", 10)
    counted = build_report([root], fmt, allow_errors=True)
    summary = "Målen och indikatorerna ger fler än 10 bidrag"
    assert summary not in listed and summary in counted
    assert "bidrar hit" in counted  # each target's count
    # The goals' own sections are all there; only the diagram's list of them is gone.
    assert listed.count("mal-17") > counted.count("mal-17") > 0
    assert "Inget bidrar ännu" not in counted


def test_the_examples_are_listed_whole(tmp_path: Path) -> None:
    view = repository_view(load_repository(rich_repository(tmp_path)), Labels("sv"), Anchors(""))
    assert view.diagram.summary == ""
