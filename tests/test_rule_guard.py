"""The guard between the schema and the rules: a rejected value gets its one finding, and no rule
trips over it or reports it a second time."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CliResult
from helpers import replace_in

from styr.lint import lint_paths
from styr.model.guard import whole_value, without

BOARD = Path("organisation") / "exempelnamnden.yaml"
Run = Callable[..., CliResult]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("better: higher", "better: [lower]"),
        (
            "    contributes_to: [malomrade-1]\n    indicators",
            "    contributes_to: 5\n    indicators",
        ),
        ("        targets:\n          - {year: 2030, value: 80}", "        targets: 5"),
        ("horizon: {start: 2027, end: 2030}", "horizon: 2030"),
        (
            "    indicators:\n      - id: exempelnamnden-ind-1",
            "    indicators: 5\n    x:\n      - id: y",
        ),
        ("baseline: {year: 2026, value: 70}", "baseline: [2026, 70]"),
        ("parent: kommunfullmaktige", "parent: Kommun Fullmäktige"),
        ("parent: kommunfullmaktige", "parent: [kommunfullmaktige]"),
        ("  contributes_to: [malomrade-1]\ngoals", "  contributes_to: {id: malomrade-1}\ngoals"),
    ],
    ids=[
        "better-list",
        "contributes_to-number",
        "targets-number",
        "horizon-number",
        "indicators-number",
        "baseline-list",
        "parent-title",
        "parent-list",
        "direction-link-mapping",
    ],
)
def test_a_rejected_value_gets_one_schema_finding_and_nothing_else(
    run_cli: Run, blank_repo: Path, old: str, new: str
) -> None:
    replace_in(blank_repo / BOARD, old, new)
    result = run_cli("lint", blank_repo, "--format", "json")
    assert result.code == 1, result.out + result.err
    assert "Internt fel" not in result.err and "Traceback" not in result.err
    import json

    codes = {f["code"] for f in json.loads(result.out)["findings"] if f["code"][0] not in "XY"}
    assert codes == {"S002"}, result.out


def test_a_broken_steering_model_is_reported_where_it_is_not_in_every_file(
    blank_repo: Path,
) -> None:
    replace_in(blank_repo / "styr.yaml", "  element_kinds:", "  element_kinds: 5\n  x:")
    findings = lint_paths([blank_repo]).findings
    rule_findings = [f for f in findings if f.code[0] not in "SXY"]
    assert rule_findings == [], [(f.code, f.file, f.path) for f in rule_findings]
    assert any(f.code == "S002" and f.path == ("steering_model", "element_kinds") for f in findings)


def test_leaving_out_copies_only_the_way_and_never_changes_the_data() -> None:
    data = {"goals": [{"id": "g", "better": ["lower"]}], "other": {"kept": 1}}
    before = copy.deepcopy(data)
    pruned = without(data, ("goals", 0, "better"))
    assert pruned == {"goals": [{"id": "g"}], "other": {"kept": 1}}
    assert data == before
    assert pruned["other"] is data["other"]
    assert without(data, ("nowhere", 3)) is data
    assert without(data, ()) is data


def test_a_list_item_is_left_out_with_its_list_so_positions_stay() -> None:
    assert whole_value(("goals", 0, "contributes_to", 2)) == ("goals", 0, "contributes_to")
    assert whole_value(("goals", 1)) == ("goals",)
    assert whole_value(("goals", 0, "title")) == ("goals", 0, "title")


def _paths(node: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield where
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else []
    )
    for key, child in children:
        yield from _paths(child, (*where, key))


def test_no_value_of_a_wrong_shape_anywhere_in_a_board_file_breaks_a_rule(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    data = yaml.safe_load(board.read_text(encoding="utf-8"))
    for path in list(_paths(data))[1:]:
        if path == ("kind",):
            continue
        for wrong in (5, ["lower"], "Ett värde"):
            changed = copy.deepcopy(data)
            node = changed
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = wrong
            board.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
            findings = lint_paths([blank_repo]).findings  # raises if a rule trips
            schema = [f for f in findings if f.code == "S002"]
            rules = [f for f in findings if f.code[0] not in "SXY" and f.file == board]
            assert not (schema and rules), (path, wrong, [(f.code, f.path) for f in rules])


def test_ids_left_out_with_their_value_do_not_make_references_unknown(blank_repo: Path) -> None:
    # `areas: 5` leaves out malomrade-1 with it; the board's references to it
    # are consequences, not mistakes of their own.
    (blank_repo / "malomraden.yaml").write_text("kind: council\nareas: 5\n", encoding="utf-8")
    codes = {f.code for f in lint_paths([blank_repo]).findings}
    assert codes == {"S002"}


def test_a_rejected_term_of_office_is_not_used_to_judge_goals(blank_repo: Path) -> None:
    replace_in(blank_repo / "styr.yaml", "  end: 2030", "  end: 30")
    codes = {f.code for f in lint_paths([blank_repo]).findings}
    assert codes == {"S002"}


def test_the_children_of_elements_are_indexed_once_even_when_there_are_none() -> None:
    import time

    from styr.load import Document
    from styr.model.index import Element, Index

    index = Index()
    document = Document(Path("x.yaml"), {})
    goals = [Element(f"g-{n}", "goal", document, ("goals", n), {}) for n in range(20_000)]
    for goal in goals:
        index.add(goal)
    started = time.perf_counter()
    assert all(index.children(goal) == [] for goal in goals)
    # Indexed again at every call while no element had children: 400 million steps.
    assert time.perf_counter() - started < 5


def test_many_values_are_left_out_in_one_pass() -> None:
    import time

    goals = [{"id": f"g-{n}", "contributes_to": 5} for n in range(20_000)]
    started = time.perf_counter()
    pruned = without({"goals": goals}, *(("goals", n, "contributes_to") for n in range(20_000)))
    assert time.perf_counter() - started < 5  # one copy of the list, not one per value
    assert pruned["goals"][19_999] == {"id": "g-19999"} and goals[0]["contributes_to"] == 5


def test_a_key_written_wrong_is_not_also_reported_missing_by_a_rule(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, "    target_group: invånare", "    malgrupp: invånare")
    replace_in(
        board, "    horizon: {start: 2027, end: 2030}", "    horisont: {start: 2027, end: 2030}"
    )
    codes = [f.code for f in lint_paths([blank_repo]).findings]
    assert codes == ["S002", "S002"]  # not also G008 "no target group", G005 "no horizon"
