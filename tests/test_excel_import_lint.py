"""`styr import outcomes` lints the repository as the import would leave it, before writing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import CliResult
from test_excel_import import cell_of, export, fill, snapshot

Run = Callable[..., CliResult]
Copy = Callable[[str], Path]

# A comment pasted from another program with a hidden right-to-left override in it.
HIDDEN_CONTROL = "Enkät\u202e2026"
COMPANY = Path("organisation/ab-helsingborgshem.yaml")


@pytest.fixture
def helsingborg(example_copy: Copy) -> Path:
    return example_copy("helsingborg")


@pytest.fixture
def workbook(run_cli: Run, helsingborg: Path, tmp_path: Path) -> Path:
    return export(run_cli, helsingborg, tmp_path / "export.xlsx")


def _proposed_goal_as_error(repository: Path) -> None:
    """The company's first goal still a proposal, and D005 (outcomes for it) an error."""
    company = repository / COMPANY
    text = company.read_text(encoding="utf-8")
    goal = "    target_group: hyresgäster hos AB Helsingborgshem\n"
    assert goal in text
    decision = "    decision: {by: ab-helsingborgshem, state: proposed}\n"
    company.write_text(text.replace(goal, goal + decision), encoding="utf-8")
    manifest = repository / "styr.yaml"
    lint = "lint:\n  severity:\n    D005: error\n"
    manifest.write_text(manifest.read_text(encoding="utf-8") + lint, encoding="utf-8")


def _without_outcomes_of(repository: Path, indicator: str) -> None:
    for file in sorted((repository / "uppfoljning").glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        data["outcomes"] = [o for o in data["outcomes"] if o["indicator"] != indicator]
        file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_cell_that_would_break_lint_is_named_and_nothing_is_written(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(
        workbook,
        {("hh-mal-1-ind-1", "2026"): {"Utfall": 77.5, "Kommentar": HIDDEN_CONTROL}},
        tmp_path / "ifylld.xlsx",
    )
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 1
    assert snapshot(helsingborg) == before
    cell = cell_of(filled, "hh-mal-1-ind-1", "2026", "Kommentar")
    lines = [line for line in result.err.splitlines() if " Y018 " in line]
    assert len(lines) == 1, result.err
    assert "uppfoljning/2026.yaml:" in lines[0].replace("\\", "/")
    assert f"fel Y018 Utfall!{cell}: " in lines[0]
    assert "Inget skrevs" in result.err
    assert "1 fel" in result.err


def test_a_dry_run_shows_the_same_errors(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(
        workbook,
        {("hh-mal-1-ind-1", "2025"): {"Kommentar": HIDDEN_CONTROL}},
        tmp_path / "ifylld.xlsx",
    )
    before = snapshot(helsingborg)
    tried = run_cli("import", "outcomes", filled, helsingborg, "--dry-run")
    assert tried.code == 1
    assert snapshot(helsingborg) == before
    cell = cell_of(filled, "hh-mal-1-ind-1", "2025", "Kommentar")
    # An outcome already in the file (uppfoljning/2025.yaml), given a comment.
    assert "2025.yaml:" in tried.err and f"fel Y018 Utfall!{cell}: " in tried.err
    assert tried.err == run_cli("import", "outcomes", filled, helsingborg).err


def test_an_error_in_another_file_is_traced_to_the_row(
    run_cli: Run, helsingborg: Path, tmp_path: Path
) -> None:
    _without_outcomes_of(helsingborg, "hh-mal-1-ind-1")
    workbook = export(run_cli, helsingborg, tmp_path / "export.xlsx")
    _proposed_goal_as_error(helsingborg)
    filled = fill(workbook, {("hh-mal-1-ind-1", "2026"): {"Utfall": 77.5}}, tmp_path / "i.xlsx")
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", filled, helsingborg, "--lang", "en")
    assert result.code == 1
    assert snapshot(helsingborg) == before
    cell = cell_of(filled, "hh-mal-1-ind-1", "2026", "Utfall")
    line = next(line for line in result.err.splitlines() if " D005 " in line)
    assert "ab-helsingborgshem.yaml:" in line and f"error D005 Utfall!{cell}: " in line
    assert "Nothing was written" in result.err and "1 error " in result.err


def test_an_error_the_repository_has_already_does_not_stop_the_import(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    _proposed_goal_as_error(helsingborg)  # its indicator has outcomes already: D005 today
    assert " D005 " in run_cli("lint", helsingborg).out
    filled = fill(workbook, {("hh-mal-1-ind-1", "2026"): {"Utfall": 77.5}}, tmp_path / "i.xlsx")
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 0, result.err
    written = yaml.safe_load((helsingborg / "uppfoljning" / "2026.yaml").read_text("utf-8"))
    assert written["outcomes"] == [{"indicator": "hh-mal-1-ind-1", "value": 77.5}]


def test_a_good_import_is_written_after_the_check(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(
        workbook,
        {("hh-mal-1-ind-1", "2026"): {"Utfall": 77.5, "Kommentar": "Enkäten i oktober"}},
        tmp_path / "ifylld.xlsx",
    )
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 0, result.err
    assert run_cli("lint", helsingborg).code == 0
    text = (helsingborg / "uppfoljning" / "2026.yaml").read_text("utf-8")
    assert "Enkäten i oktober" in text
