"""styr export xlsx and styr import outcomes: what the acceptance review of the year's cycle found.

A value for women or men on an indicator not followed by gender, a number too
large to be an outcome, the count of bad cells in its plural, a workbook
exported for another municipality, and a workbook named other than .xlsx.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult
from test_excel_import import cell_of, export, fill, snapshot

Run = Callable[..., CliResult]
Copy = Callable[[str], Path]
NO_GENDER = "has-mal-1-ind-1"  # Helsingborg Arena och Scen's NPS: no gender_breakdown
BY_GENDER = "hh-mal-1-ind-1"


@pytest.fixture
def helsingborg(example_copy: Copy) -> Path:
    return example_copy("helsingborg")


@pytest.fixture
def workbook(run_cli: Run, helsingborg: Path, tmp_path: Path) -> Path:
    return export(run_cli, helsingborg, tmp_path / "export.xlsx")


@pytest.mark.parametrize("heading", ["Kvinnor", "Män"])
def test_women_or_men_on_an_indicator_not_followed_by_gender_is_a_finding(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path, heading: str
) -> None:
    cell = cell_of(workbook, NO_GENDER, "2026", heading)
    filled = fill(workbook, {(NO_GENDER, "2026"): {"Utfall": 50, heading: 48}}, tmp_path / "g.xlsx")
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 1
    assert f"XL012 Utfall!{cell}" in result.err
    assert heading in result.err and NO_GENDER in result.err
    assert snapshot(helsingborg) == before


def test_women_and_men_on_an_indicator_followed_by_gender_are_imported(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    cells = {(BY_GENDER, "2026"): {"Utfall": 70, "Kvinnor": 71, "Män": 69}}
    result = run_cli("import", "outcomes", fill(workbook, cells, tmp_path / "g.xlsx"), helsingborg)
    assert result.code == 0, result.err
    assert "XL012" not in result.err


def test_a_number_too_large_says_so_and_shows_no_digits(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    cell = cell_of(workbook, BY_GENDER, "2026", "Utfall")
    filled = fill(workbook, {(BY_GENDER, "2026"): {"Utfall": 1e308}}, tmp_path / "big.xlsx")
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 1
    assert f"XL013 Utfall!{cell}: talet är för stort" in result.err
    assert "0000000000" not in result.err and "XL001" not in result.err


def test_the_count_of_bad_cells_takes_its_plural(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    one = fill(workbook, {(BY_GENDER, "2026"): {"Utfall": "ca 70"}}, tmp_path / "one.xlsx")
    said = run_cli("import", "outcomes", one, helsingborg).err
    assert "Ingenting skrevs: 1 cell i arbetsboken" in said
    two = fill(one, {(NO_GENDER, "2026"): {"Utfall": "ca 50"}}, tmp_path / "two.xlsx")
    assert (
        "Ingenting skrevs: 2 celler i arbetsboken"
        in run_cli("import", "outcomes", two, helsingborg).err
    )


def test_a_workbook_of_another_municipality_is_one_finding_naming_it(
    run_cli: Run, helsingborg: Path, example_copy: Copy, tmp_path: Path
) -> None:
    huddinge = example_copy("huddinge")
    other = export(run_cli, huddinge, tmp_path / "huddinge.xlsx")
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", other, helsingborg)
    assert result.code == 1
    assert result.err.count("XL011") == 1
    assert "XL002" not in result.err
    assert "Huddinge kommun (0126)" in result.err and "Helsingborgs stad" in result.err
    assert snapshot(helsingborg) == before


def test_a_workbook_of_the_same_municipality_is_not_taken_for_another(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    cells = {(BY_GENDER, "2026"): {"Utfall": 70}}
    result = run_cli("import", "outcomes", fill(workbook, cells, tmp_path / "g.xlsx"), helsingborg)
    assert result.code == 0, result.err


@pytest.mark.parametrize("name", ["x.csv", "x", "x.xls"])
def test_export_refuses_a_file_name_other_than_xlsx(
    run_cli: Run, helsingborg: Path, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    result = run_cli("export", "xlsx", helsingborg, "-o", target)
    assert result.code == 2
    assert ".xlsx" in result.err
    assert not target.exists()
    assert run_cli("export", "xlsx", helsingborg, "-o", tmp_path / "X.XLSX").code == 0


def test_women_and_men_the_files_already_hold_come_back_without_a_finding(
    run_cli: Run, helsingborg: Path, tmp_path: Path
) -> None:
    # The export shows what the follow-up files hold, figures for women and men on
    # an indicator not followed by gender included; the same workbook imported back
    # changes nothing and is not refused (only a new figure there is XL012).
    follow_up = helsingborg / "uppfoljning" / "2025.yaml"
    text = follow_up.read_text(encoding="utf-8")
    held = f"  - indicator: {NO_GENDER}\n    value: 50.4\n"
    assert held in text
    follow_up.write_text(text.replace(held, held + "    women: 51.0\n    men: 49.8\n"), "utf-8")
    workbook = export(run_cli, helsingborg, tmp_path / "export.xlsx")
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", workbook, helsingborg)
    assert result.code == 0, result.err
    assert "XL012" not in result.err
    assert snapshot(helsingborg) == before
    changed = fill(workbook, {(NO_GENDER, "2025"): {"Kvinnor": 52}}, tmp_path / "changed.xlsx")
    result = run_cli("import", "outcomes", changed, helsingborg)
    assert result.code == 1
    assert "XL012" in result.err
    assert snapshot(helsingborg) == before
