"""The stress benchmark's cases at tiny sizes: each is what it claims to be, and every command runs.

No timing here (benchmarks/stress.py measures, at full size); this checks
that the generated repositories give exactly the findings their cases
promise, so that the benchmark measures what it says it does.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from styr.lint import lint_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import stress
from stress_corpus import CASES, Goal, every_direction, generate, write_repository

SIZES = {"goals": 250, "chain": 120, "cycle": 150, "unknown": 40, "title": 20_000}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_gives_the_findings_it_promises(case: str, tmp_path: Path) -> None:
    size = SIZES[case]
    goals = generate(tmp_path / case, case, size)
    findings = lint_paths([tmp_path / case]).findings
    assert Counter(finding.code for finding in findings) == CASES[case].expected(size)
    if case == "goals":
        assert len(goals) == size
        assert len(list((tmp_path / case / "organisation").glob("namnd-*.yaml"))) == 3


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_measured_command_runs_on_each_case(
    case: str, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    repository = tmp_path / case
    generate(repository, case, SIZES[case])
    for command in stress.COMMANDS:
        result = run_cli(*stress.arguments_for(command, repository, tmp_path))
        assert result.code in (0, 1), (command, result.err)
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Stresskommunen" in (tmp_path / "rapport.md").read_text(encoding="utf-8")


def test_a_chain_is_one_chain_and_a_cycle_one_cycle(tmp_path: Path) -> None:
    chain = generate(tmp_path / "chain", "chain", 50)
    targets = [goal.contributes_to for goal in chain[:50]]
    assert targets == ["inriktning-2", *(f"mal-{n}" for n in range(1, 50))]
    cycle = generate(tmp_path / "cycle", "cycle", 50)
    assert [goal.contributes_to for goal in cycle[:50]] == [
        *(f"mal-{n}" for n in range(2, 51)),
        "mal-1",
    ]


def test_the_verdicts_compare_figures_of_the_same_run() -> None:
    def measured(size: int, cpu: float) -> list[stress.Measurement]:
        return [stress.Measurement("goals", size, c, cpu, cpu, 100, 0) for c in stress.COMMANDS]

    linear = measured(1_000, 1.0) + measured(10_000, 10.0)
    assert all(passed for passed, _ in stress.growth_verdicts(linear))
    quadratic = measured(1_000, 0.1) + measured(10_000, 10.0)
    assert not any(passed for passed, _ in stress.growth_verdicts(quadratic))
    slow = [stress.Measurement("cycle", 50_000, "lint", 12.0, 11.0, 700, 1)]
    verdicts = stress.limit_verdicts(slow)
    assert [passed for passed, _ in verdicts] == [False, False]


def test_one_case_is_named_by_case_and_size() -> None:
    assert stress.case_and_size("goals:100_000") == ("goals", 100_000)
    for wrong in ("goals", "nope:10", "cycle:many"):
        with pytest.raises(argparse.ArgumentTypeError):
            stress.case_and_size(wrong)
    # One goal count alone has no tenth of it to compare with: growth is not judged.
    assert (
        stress.growth_verdicts(
            [stress.Measurement("goals", 100_000, c, 1.0, 1.0, 100, 0) for c in stress.COMMANDS]
        )
        == []
    )


def test_a_long_cycle_is_named_by_its_ends(tmp_path: Path) -> None:
    generate(tmp_path / "cycle", "cycle", 150)
    (finding,) = lint_paths([tmp_path / "cycle"]).findings
    names = finding.params["cycle"].split(" → ")
    assert names[:6] == [f"mal-{n}" for n in range(1, 7)]
    assert names[6] == "…"
    assert names[7:] == [*(f"mal-{n}" for n in range(145, 151)), "mal-1"]


def test_many_cycles_through_one_goal_give_short_findings(tmp_path: Path) -> None:
    # 1 → 400 → 399 → … → 2 → 1, and every goal from 3 up links back to 1 as well.
    goals = [Goal(1, "inriktning-1, mal-400"), Goal(2, "mal-1")]
    goals += [Goal(n, f"mal-{n - 1}, mal-1") for n in range(3, 401)]
    goals += list(every_direction(400))
    write_repository(tmp_path, goals)
    findings = lint_paths([tmp_path]).findings
    cycles = [f for f in findings if f.code == "C003"]
    assert cycles  # all 399 begin at the same link, so one finding stands for them
    assert max(len(f.params["cycle"]) for f in cycles) < 200


def test_only_a_few_node_trees_are_kept_while_positions_are_found(tmp_path: Path) -> None:
    from styr.load import document

    generate(tmp_path, "goals", 2_000)  # twenty board files
    documents = [document.load_document(file) for file in sorted(tmp_path.rglob("*.yaml"))]
    for loaded in documents:
        assert loaded.locate(("kind",), key=True) == (1, 1) or loaded.kind is None
    kept = [loaded for loaded in documents if loaded._root is not None]
    assert 0 < len(kept) <= document._TREES_KEPT
    assert documents[0].locate(("areas", 0, "id")) == (3, 9)  # inriktningar.yaml, composed again


def test_a_run_says_how_fast_the_machine_was_at_its_start_and_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "argv", ["stress.py", "--case", "goals:30", "--keep", str(tmp_path)])
    stress.main()
    lines = capsys.readouterr().out.splitlines()
    speeds = [line for line in lines if line.startswith("machine speed:")]
    assert len(speeds) == 2
    assert lines.index(speeds[0]) < lines.index(stress.HEADER) < lines.index(speeds[1])
    seconds = [float(line.split(" took ")[1].split(" s ")[0]) for line in speeds]
    assert all(0 < second < 60 for second in seconds)
    assert any(line.startswith("PASS  lint on goals 30") for line in lines)
