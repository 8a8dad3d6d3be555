"""How far each element reaches up the goal chain: chains, cycles and branches, worked out once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from styr.model.index import Element, Index, build_index
from styr.model.repository import load_repository
from styr.report.reach import Reach, count_linked_goals

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from stress_corpus import Goal, write_repository


def _index(root: Path, goals: list[Goal]) -> Index:
    write_repository(root, goals)
    return build_index(load_repository(root))


def _tops(index: Index, goal_id: str) -> list[str]:
    reach = Reach(index)
    return sorted(top.id or "" for top in reach.tops(index.by_id[goal_id]))


def _goal(index: Index, number: int) -> Element:
    return index.by_id[f"mal-{number}"]


def test_every_goal_of_a_deep_chain_reaches_its_end(tmp_path: Path) -> None:
    goals = [Goal(1, "inriktning-1"), *(Goal(n, f"mal-{n - 1}") for n in range(2, 3001))]
    index = _index(tmp_path, goals)
    reach = Reach(index)
    assert all(
        [top.id for top in reach.tops(_goal(index, number))] == ["inriktning-1"]
        for number in range(1, 3001)
    )
    assert count_linked_goals(index) == 3000


def test_a_cycle_reaches_what_any_of_its_members_reaches(tmp_path: Path) -> None:
    # 1 → 2 → 3 → 1, and 2 also to a direction; 4 → 1 from outside the cycle.
    goals = [
        Goal(1, "mal-2"),
        Goal(2, "mal-3, inriktning-2"),
        Goal(3, "mal-1"),
        Goal(4, "mal-1"),
    ]
    index = _index(tmp_path, goals)
    for number in (1, 2, 3, 4):
        assert _tops(index, f"mal-{number}") == ["inriktning-2"]


def test_a_cycle_that_leads_nowhere_reaches_nothing(tmp_path: Path) -> None:
    goals = [Goal(n, f"mal-{n % 2000 + 1}") for n in range(1, 2001)]
    goals.append(Goal(2001, "inriktning-1"))
    index = _index(tmp_path, goals)
    assert _tops(index, "mal-1") == []
    assert _tops(index, "mal-1000") == []
    assert count_linked_goals(index) == 1


def test_branches_gather_every_column_once(tmp_path: Path) -> None:
    # 1 → 2 and 3; 2 → inriktning-1 and 4; 3 → 4; 4 → inriktning-3 and inriktning-1.
    goals = [
        Goal(1, "mal-2, mal-3"),
        Goal(2, "inriktning-1, mal-4"),
        Goal(3, "mal-4"),
        Goal(4, "inriktning-3, inriktning-1"),
        Goal(5, "saknas, vision"),
    ]
    index = _index(tmp_path, goals)
    assert _tops(index, "mal-1") == ["inriktning-1", "inriktning-3"]
    assert _tops(index, "mal-3") == ["inriktning-1", "inriktning-3"]
    assert _tops(index, "mal-5") == []  # an unknown id and the vision lead to no column


def test_a_report_works_out_the_reach_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from styr.report.anchors import Anchors
    from styr.report.build import repository_view
    from styr.report.texts import Labels

    write_repository(tmp_path, [Goal(1, "inriktning-1"), Goal(2, "mal-1")])
    made: list[Index] = []
    real_init = Reach.__init__

    def counted(self: Reach, index: Index) -> None:
        made.append(index)
        real_init(self, index)

    monkeypatch.setattr(Reach, "__init__", counted)
    view = repository_view(load_repository(tmp_path), Labels("sv"), Anchors(""))
    assert len(made) == 1  # the figures and the diagram share it
    assert view.stats.linked_goals == 2
    assert [target.count for target in view.diagram.targets] == [2, 0, 0, 0]
