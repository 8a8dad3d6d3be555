"""A date where the outcome sheet wants a period: Excel makes one of "2025-1" or "1/2025"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import CliResult
from test_excel_import import export, snapshot

Run = Callable[..., CliResult]
Copy = Callable[[str], Path]


@pytest.fixture
def helsingborg(example_copy: Copy) -> Path:
    return example_copy("helsingborg")


def _dated(workbook: Path, saved: Path, day: date | datetime) -> int:
    """The first row's period a real Excel date, and an outcome beside it; its row."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["Utfall"]
    sheet["B2"] = day
    sheet["B2"].number_format = "yyyy-mm-dd"
    sheet["G2"] = 70
    book.save(saved)
    return 2


@pytest.mark.parametrize("day", [datetime(2025, 1, 1), date(2025, 3, 1)])
def test_a_date_in_the_period_column_is_named_with_the_year_to_write(
    run_cli: Run, helsingborg: Path, tmp_path: Path, day: date | datetime
) -> None:
    workbook = export(run_cli, helsingborg, tmp_path / "export.xlsx")
    filled = tmp_path / "datum.xlsx"
    row = _dated(workbook, filled, day)
    assert isinstance(openpyxl.load_workbook(filled)["Utfall"]["B2"].value, datetime)
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 1
    assert "Traceback" not in result.err and "Internt fel" not in result.err
    assert snapshot(helsingborg) == before
    line = next(line for line in result.err.splitlines() if " XL010 " in line)
    assert f"datum.xlsx:{row}:2: fel XL010 Utfall!B{row}: " in line
    assert f"perioden är ett datum ({day.strftime('%Y-%m-%d')})" in line
    assert "Skriv ett år (2025)" in line
    assert " XL003 " not in result.err  # one finding for the cell, the one that says why


def test_a_period_typed_as_text_beside_it_is_still_read(
    run_cli: Run, helsingborg: Path, tmp_path: Path
) -> None:
    workbook = export(run_cli, helsingborg, tmp_path / "export.xlsx")
    book = openpyxl.load_workbook(workbook)
    sheet = book["Utfall"]
    period = sheet["B2"].value
    assert isinstance(period, str)
    sheet["G2"] = 70
    book.save(tmp_path / "text.xlsx")
    result = run_cli("import", "outcomes", tmp_path / "text.xlsx", helsingborg, "--dry-run")
    assert result.code == 0, result.err
    assert "Provkörning, ingenting skrevs: 1 nya" in result.out
