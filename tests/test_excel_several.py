"""Several municipalities in one workbook: `styr export xlsx a b -o F`, and importing from it.

Every sheet gets a first column naming each row's municipality; the import into
one repository reads only the rows of its own municipality.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import CliResult
from test_excel_import import snapshot

Run = Callable[..., CliResult]
Copy = Callable[[str], Path]
HELSINGBORG = "Helsingborgs stad"
HUDDINGE = "Huddinge kommun"


@pytest.fixture
def pair(example_copy: Copy) -> tuple[Path, Path]:
    return example_copy("helsingborg"), example_copy("huddinge")


@pytest.fixture
def workbook(run_cli: Run, pair: tuple[Path, Path], tmp_path: Path) -> Path:
    target = tmp_path / "kommunerna.xlsx"
    result = run_cli("export", "xlsx", *pair, "-o", target)
    assert result.code == 0, result.err
    return target


def _rows(sheet: Any) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _fill_first_empty(workbook: Path, saved: Path, municipality: str, value: float) -> str:
    """Fill the outcome of the municipality's first empty row; its indicator id."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["Utfall"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == municipality and row[header.index("Utfall")].value is None:
            row[header.index("Utfall")].value = value
            indicator = str(row[header.index("Indikator-id")].value)
            break
    else:
        raise AssertionError(municipality)
    book.save(saved)
    return indicator


def test_every_sheet_names_each_rows_municipality(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Organisationer", "Mål", "Indikatorer", "Utfall", "Status"]
    for sheet in book.worksheets:
        rows = _rows(sheet)
        assert rows[0][0] == "Kommun", sheet.title
        named = [row[0] for row in rows[1:]]
        assert set(named) == {HELSINGBORG, HUDDINGE}, sheet.title
        # Helsingborg's rows, then Huddinge's, in the order the repositories were given.
        assert named == sorted(named, key=[HELSINGBORG, HUDDINGE].index), sheet.title


def test_the_indicator_sheet_has_the_target_years_of_both(
    run_cli: Run, pair: tuple[Path, Path], workbook: Path, tmp_path: Path
) -> None:
    years = set()
    for repository in pair:
        alone = tmp_path / f"{repository.name}.xlsx"
        assert run_cli("export", "xlsx", repository, "-o", alone).code == 0
        header = _rows(openpyxl.load_workbook(alone)["Indikatorer"])[0]
        years |= {h for h in header if isinstance(h, str) and h.startswith("Målvärde ")}
        assert header[0] == "Id"  # one municipality: the workbook as before, no column added
    header = _rows(openpyxl.load_workbook(workbook)["Indikatorer"])[0]
    assert [h for h in header if h.startswith("Målvärde ")] == sorted(years)
    assert header[-1] == "Kolada-id"


def test_the_fill_in_columns_stay_open_and_the_rest_locked(workbook: Path) -> None:
    sheet = openpyxl.load_workbook(workbook)["Utfall"]
    header = [cell.value for cell in sheet[1]]
    assert sheet.protection.sheet
    row = 2
    for name in ("Utfall", "Kvinnor", "Män", "Källa", "Kommentar"):
        assert not sheet.cell(row=row, column=header.index(name) + 1).protection.locked, name
    for name in ("Kommun", "Indikator-id", "Period"):
        assert sheet.cell(row=row, column=header.index(name) + 1).protection.locked, name


def test_the_import_takes_only_its_own_municipalitys_rows(
    run_cli: Run, pair: tuple[Path, Path], workbook: Path, tmp_path: Path
) -> None:
    helsingborg, huddinge = pair
    filled = tmp_path / "ifylld.xlsx"
    theirs = _fill_first_empty(workbook, filled, HUDDINGE, 12.5)
    ours = _fill_first_empty(filled, filled, HELSINGBORG, 77.5)
    untouched = snapshot(huddinge)
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 0, result.err
    assert ": 1 nya, 0 ändrade" in result.out  # only its own row, not Huddinge's
    assert snapshot(huddinge) == untouched
    written = "\n".join(
        p.read_text("utf-8") for p in sorted((helsingborg / "uppfoljning").glob("*.yaml"))
    )
    assert ours in written and theirs not in written
    result = run_cli("import", "outcomes", filled, huddinge)
    assert result.code == 0, result.err
    assert snapshot(huddinge) != untouched
    assert run_cli("lint", helsingborg, huddinge).code == 0


def test_a_workbook_without_the_municipality_is_a_finding(
    run_cli: Run, pair: tuple[Path, Path], workbook: Path, tmp_path: Path
) -> None:
    helsingborg, _ = pair
    book = openpyxl.load_workbook(workbook)
    sheet = book["Utfall"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == HELSINGBORG:
            row[0].value = "Lunds kommun"
    filled = tmp_path / "utan.xlsx"
    book.save(filled)
    _fill_first_empty(filled, filled, HUDDINGE, 12.5)
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 1
    assert snapshot(helsingborg) == before
    line = next(line for line in result.err.splitlines() if " XL009 " in line)
    assert "Utfall!A1" in line
    assert "Huddinge kommun, Lunds kommun" in line and HELSINGBORG in line


def test_the_import_into_a_folder_of_several_is_a_usage_error(
    run_cli: Run, pair: tuple[Path, Path], workbook: Path
) -> None:
    folder = pair[0].parent
    before = snapshot(folder)
    result = run_cli("import", "outcomes", workbook, folder)
    assert result.code == 2
    assert "2 styrmodeller" in result.err and "en i taget" in result.err
    assert "Traceback" not in result.err
    assert snapshot(folder) == before
