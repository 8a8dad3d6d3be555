"""`styr import outcomes`: an exported workbook filled in with openpyxl, written back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from conftest import CliResult

Run = Callable[..., CliResult]
Copy = Callable[[str], Path]


def export(run_cli: Run, repository: Path, target: Path) -> Path:
    result = run_cli("export", "xlsx", repository, "-o", target)
    assert result.code == 0, result.err
    return target


def fill(workbook: Path, cells: dict[tuple[str, str], dict[str, Any]], saved: Path) -> Path:
    """Write `cells` ((indicator, period) → heading → value) into the outcome sheet."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["Utfall"]
    header = [cell.value for cell in sheet[1]]
    left = dict(cells)
    for row in sheet.iter_rows(min_row=2):
        wanted = left.pop((row[0].value, row[1].value), None)
        for heading, value in (wanted or {}).items():
            row[header.index(heading)].value = value
    assert not left, f"no such rows: {left}"
    book.save(saved)
    return saved


def put(workbook: Path, cell: str, value: Any, saved: Path) -> Path:
    book = openpyxl.load_workbook(workbook)
    book["Utfall"][cell] = value
    book.save(saved)
    return saved


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def cell_of(workbook: Path, indicator: str, period: str, heading: str) -> str:
    sheet = openpyxl.load_workbook(workbook)["Utfall"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if (row[0].value, row[1].value) == (indicator, period):
            return str(row[header.index(heading)].coordinate)
    raise AssertionError((indicator, period))


@pytest.fixture
def helsingborg(example_copy: Copy) -> Path:
    return example_copy("helsingborg")


@pytest.fixture
def workbook(run_cli: Run, helsingborg: Path, tmp_path: Path) -> Path:
    return export(run_cli, helsingborg, tmp_path / "export.xlsx")


def _status(run_cli: Run, repository: Path, period: str) -> dict[str, dict[str, Any]]:
    result = run_cli("status", repository, "--period", period, "--format", "json")
    assert result.code == 0, result.err
    return {
        row["indicator_id"]: row
        for row in json.loads(result.out)[0]["rows"]
        if "indicator_id" in row
    }


def test_round_trip_gives_the_filled_values(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(
        workbook,
        {
            ("hh-mal-1-ind-1", "2026"): {
                "Utfall": 77.5,
                "Kvinnor": "78,1",
                "Män": 76,
                "Källa": "Enkät",
            }
        },
        tmp_path / "ifylld.xlsx",
    )
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 0, result.err
    assert "uppfoljning/2026.yaml" in result.out
    assert run_cli("lint", helsingborg).code == 0
    row = _status(run_cli, helsingborg, "2026")["hh-mal-1-ind-1"]
    assert (row["outcome"], row["women"], row["men"]) == (77.5, 78.1, 76)
    assert row["status"] == "met"  # 77.5 against the target 76


def test_round_trip_in_huddinge(run_cli: Run, example_copy: Copy, tmp_path: Path) -> None:
    huddinge = example_copy("huddinge")
    workbook = export(run_cli, huddinge, tmp_path / "huddinge.xlsx")
    sheet = openpyxl.load_workbook(workbook)["Utfall"]
    empty = next(
        (str(row[0].value), str(row[1].value))
        for row in sheet.iter_rows(min_row=2)
        if row[6].value is None and row[1].value == "2026"
    )
    filled = fill(workbook, {empty: {"Utfall": 12.5}}, tmp_path / "ifylld.xlsx")
    assert run_cli("import", "outcomes", filled, huddinge).code == 0
    assert run_cli("lint", huddinge).code == 0
    assert _status(run_cli, huddinge, "2026")[empty[0]]["outcome"] == 12.5


def test_a_new_period_file_is_a_follow_up_file_with_its_modeline(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(workbook, {("hh-mal-1-ind-1", "2026"): {"Utfall": 75}}, tmp_path / "b.xlsx")
    assert run_cli("import", "outcomes", filled, helsingborg).code == 0
    text = (helsingborg / "uppfoljning" / "2026.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/follow_up.schema.json\n")
    data = yaml.safe_load(text)
    assert data["kind"] == "follow_up"
    assert data["period"] == "2026"
    assert data["outcomes"] == [{"indicator": "hh-mal-1-ind-1", "value": 75}]


def test_an_outcome_joins_its_periods_file_and_its_comments_stay(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    path = helsingborg / "uppfoljning" / "2025.yaml"
    before = path.read_text(encoding="utf-8")
    sheet = openpyxl.load_workbook(workbook)["Utfall"]
    empty = next(
        str(row[0].value)
        for row in sheet.iter_rows(min_row=2)
        if row[1].value == "2025" and row[6].value is None
    )
    filled = fill(
        workbook,
        {(empty, "2025"): {"Utfall": 3.5, "Kommentar": "Preliminärt."}},
        tmp_path / "c.xlsx",
    )
    assert run_cli("import", "outcomes", filled, helsingborg).code == 0
    after = path.read_text(encoding="utf-8")
    lines = iter(after.splitlines())
    assert all(line in lines for line in before.splitlines())  # every line kept, in order
    added = yaml.safe_load(after)["outcomes"][-1]
    assert added == {"indicator": empty, "value": 3.5, "comment": "Preliminärt."}


def test_the_same_value_again_is_no_change(run_cli: Run, helsingborg: Path, workbook: Path) -> None:
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", workbook, helsingborg)
    assert result.code == 0
    assert snapshot(helsingborg) == before


def test_a_differing_value_is_kept_unless_overwrite(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(workbook, {("hh-mal-1-ind-1", "2025"): {"Utfall": 99}}, tmp_path / "d.xlsx")
    before = snapshot(helsingborg)
    refused = run_cli("import", "outcomes", filled, helsingborg)
    assert refused.code == 1
    cell = cell_of(workbook, "hh-mal-1-ind-1", "2025", "Utfall")
    assert f"Utfall!{cell}" in refused.err
    assert "XL005" in refused.err
    assert "72,8" in refused.err and "99" in refused.err  # both values named
    assert snapshot(helsingborg) == before
    replaced = run_cli("import", "outcomes", filled, helsingborg, "--overwrite")
    assert replaced.code == 0, replaced.err
    data = yaml.safe_load((helsingborg / "uppfoljning" / "2025.yaml").read_text(encoding="utf-8"))
    entry = next(o for o in data["outcomes"] if o["indicator"] == "hh-mal-1-ind-1")
    assert entry["value"] == 99
    assert entry["women"] == 75.0  # what the sheet did not change stays


def test_a_dry_run_writes_nothing(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(workbook, {("hh-mal-1-ind-1", "2026"): {"Utfall": 75}}, tmp_path / "e.xlsx")
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", filled, helsingborg, "--dry-run")
    assert result.code == 0
    assert "uppfoljning/2026.yaml" in result.out
    assert snapshot(helsingborg) == before


BAD_CELLS = [
    # (what is written where, the code, the column heading of the cell named)
    ({"Utfall": "ca 70"}, "XL001", "Utfall"),
    ({"Kvinnor": True}, "XL001", "Kvinnor"),
    ({"Indikator-id": "finns-inte", "Utfall": 1}, "XL002", "Indikator-id"),
    ({"Period": "2025-T4", "Utfall": 1}, "XL003", "Period"),
    ({"Period": "år 2025", "Utfall": 1}, "XL003", "Period"),
    ({"Period": "2031", "Utfall": 1}, "XL004", "Period"),
]


@pytest.mark.parametrize(("cells", "code", "heading"), BAD_CELLS)
def test_a_bad_cell_is_named_and_nothing_is_written(
    run_cli: Run,
    helsingborg: Path,
    workbook: Path,
    tmp_path: Path,
    cells: dict[str, Any],
    code: str,
    heading: str,
) -> None:
    cell = cell_of(workbook, "hh-mal-1-ind-1", "2026", heading)
    # A good row beside the bad one: it is not written either.
    good = fill(
        workbook,
        {("amn-mal-1-ind-1", "2026"): {"Utfall": 50}},
        tmp_path / "g.xlsx",
    )
    filled = fill(good, {("hh-mal-1-ind-1", "2026"): cells}, tmp_path / "bad.xlsx")
    before = snapshot(helsingborg)
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 1
    assert code in result.err
    assert f"Utfall!{cell}" in result.err
    row, column = openpyxl.utils.cell.coordinate_to_tuple(cell)
    assert f"bad.xlsx:{row}:{column}:" in result.err  # line = row, column = column number
    assert "Traceback" not in result.err
    assert snapshot(helsingborg) == before  # the good row is not written either


def test_a_number_typed_as_swedish_text_is_read(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    filled = fill(
        workbook,
        {("hh-mal-1-ind-1", "2026"): {"Utfall": "1 234,5", "Kvinnor": "−2,5", "Män": " 7 "}},
        tmp_path / "f.xlsx",
    )
    assert run_cli("import", "outcomes", filled, helsingborg).code == 0
    data = yaml.safe_load((helsingborg / "uppfoljning" / "2026.yaml").read_text(encoding="utf-8"))
    assert data["outcomes"][0] == {
        "indicator": "hh-mal-1-ind-1",
        "value": 1234.5,
        "women": -2.5,
        "men": 7.0,
    }


def test_the_same_row_twice_is_a_finding(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(workbook)
    sheet = book["Utfall"]
    sheet.append(["hh-mal-1-ind-1", "2025", None, None, None, None, 72.8])
    book.save(tmp_path / "twice.xlsx")
    result = run_cli("import", "outcomes", tmp_path / "twice.xlsx", helsingborg)
    assert result.code == 1
    assert f"XL006 Utfall!A{sheet.max_row}" in result.err


def test_a_heading_moved_away_is_named(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    moved = put(workbook, "G1", "Värde", tmp_path / "moved.xlsx")
    result = run_cli("import", "outcomes", moved, helsingborg)
    assert result.code == 1
    assert "XL008 Utfall!G1" in result.err
    assert "Utfall" in result.err


def test_a_workbook_without_the_outcome_sheet_is_a_finding(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(workbook)
    del book["Utfall"]
    book.save(tmp_path / "utan.xlsx")
    result = run_cli("import", "outcomes", tmp_path / "utan.xlsx", helsingborg)
    assert result.code == 1
    assert "XL007" in result.err
    assert "Traceback" not in result.err


def test_a_file_changed_meanwhile_is_not_overwritten(
    run_cli: Run, helsingborg: Path, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from styr.followup.kolada_pull import dump_round_trip

    filled = fill(workbook, {("hh-mal-1-ind-1", "2025"): {"Kommentar": "Ny."}}, tmp_path / "h.xlsx")
    path = helsingborg / "uppfoljning" / "2025.yaml"

    def edited_meanwhile(document: Any) -> str:
        path.write_text(
            path.read_text(encoding="utf-8") + "# en planerares ändring\n", encoding="utf-8"
        )
        return dump_round_trip(document)

    monkeypatch.setattr("styr.excel.import_outcomes.dump_round_trip", edited_meanwhile)
    result = run_cli("import", "outcomes", filled, helsingborg)
    assert result.code == 2
    assert path.read_text(encoding="utf-8").endswith("# en planerares ändring\n")
    assert "Ny." not in path.read_text(encoding="utf-8")


def test_an_english_workbook_is_imported_too(
    run_cli: Run, helsingborg: Path, tmp_path: Path
) -> None:
    english = tmp_path / "english.xlsx"
    assert run_cli("--lang", "en", "export", "xlsx", helsingborg, "-o", english).code == 0
    book = openpyxl.load_workbook(english)
    assert "Outcomes" in book.sheetnames
    sheet = book["Outcomes"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if (row[0].value, row[1].value) == ("hh-mal-1-ind-1", "2026"):
            row[header.index("Outcome")].value = 76.5
    book.save(english)
    assert run_cli("import", "outcomes", english, helsingborg).code == 0
    assert _status(run_cli, helsingborg, "2026")["hh-mal-1-ind-1"]["outcome"] == 76.5
