"""`styr export xlsx`: the workbook read back with openpyxl, sheet by sheet."""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES, CliResult
from openpyxl.utils import get_column_letter

from styr.excel.formats import number_format
from styr.excel.in_memory import NO_DATE
from styr.excel.sheets import decimals_of
from styr.model.index import build_index
from styr.model.repository import load_repository
from styr.updated import content_date

Run = Callable[..., CliResult]


@pytest.fixture
def exported(run_cli: Run, tmp_path: Path) -> openpyxl.Workbook:
    target = tmp_path / "styr.xlsx"
    result = run_cli("export", "xlsx", EXAMPLES / "helsingborg", "-o", target)
    assert result.code == 0, result.err
    assert "Utfall" in result.err  # says where the controller fills in
    return openpyxl.load_workbook(target)


def _rows(sheet: object) -> list[dict[str, object]]:
    values = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def test_the_sheets_are_named_in_swedish_after_the_model(exported: openpyxl.Workbook) -> None:
    assert exported.sheetnames == ["Organisationer", "Mål", "Indikatorer", "Utfall", "Status"]
    header = [cell.value for cell in exported["Utfall"][1]]
    assert header == [
        "Indikator-id",
        "Period",
        "Organisation",
        "Indikator",
        "Enhet",
        "Målvärde",
        "Utfall",
        "Kvinnor",
        "Män",
        "Källa",
        "Kommentar",
    ]


def test_every_sheet_has_its_header_frozen_and_a_filter(exported: openpyxl.Workbook) -> None:
    for sheet in exported.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["A"].width >= 8


def test_one_row_per_indicator(exported: openpyxl.Workbook) -> None:
    index = build_index(load_repository(EXAMPLES / "helsingborg"))
    ids = [row["Id"] for row in _rows(exported["Indikatorer"])]
    assert ids == [element.id for element in index.of_category("indicator")]
    assert len(set(ids)) == len(ids)


def test_indicators_have_baseline_and_a_column_per_target_year(
    exported: openpyxl.Workbook,
) -> None:
    row = next(r for r in _rows(exported["Indikatorer"]) if r["Id"] == "hh-mal-1-ind-1")
    assert (row["Utgångsvärde år"], row["Utgångsvärde"]) == (2022, 68)
    assert (row["Målvärde 2024"], row["Målvärde 2025"], row["Målvärde 2026"]) == (71, 74, 76)
    assert row["Bättre är"] == "högre"
    assert row["Enhet"] == "procent"


def test_outcomes_already_followed_up_are_filled_in(exported: openpyxl.Workbook) -> None:
    rows = [r for r in _rows(exported["Utfall"]) if r["Indikator-id"] == "hh-mal-1-ind-1"]
    assert [r["Period"] for r in rows] == ["2023", "2024", "2025", "2026"]  # the goal's horizon
    filled = rows[2]
    assert (filled["Utfall"], filled["Kvinnor"], filled["Män"]) == (72.8, 75.0, 70.6)
    assert filled["Källa"] == "Bolagets hyresgästenkät"
    assert filled["Målvärde"] == 74
    assert rows[3]["Utfall"] is None  # 2026: for the controller to fill


def test_numbers_show_decimals_in_a_locale_neutral_format(exported: openpyxl.Workbook) -> None:
    sheet = exported["Utfall"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("Utfall") + 1
    formats = {sheet.cell(row, column).number_format for row in range(2, sheet.max_row + 1)}
    assert "#,##0.0" in formats  # Excel shows 72,8 in Swedish: the code never holds a comma
    assert all("," not in f.replace("#,##", "") for f in formats)


def test_status_is_as_styr_status_judges_it(exported: openpyxl.Workbook, run_cli: Run) -> None:
    result = run_cli("status", EXAMPLES / "helsingborg", "--period", "2025", "--format", "json")
    judged = {row["goal_id"]: row["goal_status_label"] for row in json.loads(result.out)[0]["rows"]}
    rows = [r for r in _rows(exported["Status"]) if r["Period"] == "2025"]
    assert rows
    assert {r["Mål-id"]: r["Status"] for r in rows} == judged


def test_a_repository_with_errors_is_refused(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repository = example_copy("helsingborg")
    (repository / "vision.yaml").write_text("kind: vision\ntitle: [\n", encoding="utf-8")
    target = tmp_path / "ut.xlsx"
    refused = run_cli("export", "xlsx", repository, "-o", target)
    assert refused.code == 1
    assert not target.exists()
    allowed = run_cli("export", "xlsx", repository, "-o", target, "--allow-errors")
    assert allowed.code == 0
    assert target.exists()


def test_standard_output_is_refused_for_a_workbook(run_cli: Run) -> None:
    result = run_cli("export", "xlsx", EXAMPLES / "helsingborg", "-o", "-")
    assert result.code == 2
    assert "-o styr.xlsx" in result.err


def test_decimals_are_those_of_the_most_precise_number() -> None:
    assert decimals_of([72.8, 70, None, "text"]) == 1
    assert decimals_of([1.25, 3.0]) == 2
    assert decimals_of([12, 3.0]) == 0
    assert number_format(0) == "#,##0"
    assert number_format(2) == "#,##0.00"


def test_goals_are_named_by_the_models_own_words(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "huddinge.xlsx"
    assert run_cli("export", "xlsx", EXAMPLES / "huddinge", "-o", target).code == 0
    book = openpyxl.load_workbook(target)
    area = next(r for r in _rows(book["Mål"]) if r["Id"] == "ekologisk-hallbarhet")
    assert (area["Slag"], area["Organisation"]) == ("Målområde", "Huddinge kommun")
    board = next(r for r in _rows(book["Organisationer"]) if r["Id"] == "grundskolenamnden")
    assert board["Nivå"] == "Nämnd (verksamhetsplan)"  # the level's name, not its id


def test_only_the_columns_to_fill_in_are_open_on_the_outcome_sheet(
    exported: openpyxl.Workbook,
) -> None:
    sheet = exported["Utfall"]
    assert sheet.protection.sheet
    assert not sheet.protection.autoFilter  # the filter still works on the protected sheet
    header = [cell.value for cell in sheet[1]]
    for heading in ("Indikator-id", "Period", "Målvärde"):
        assert sheet.cell(2, header.index(heading) + 1).protection.locked, heading
    for heading in ("Utfall", "Kvinnor", "Män", "Källa", "Kommentar"):
        assert not sheet.cell(2, header.index(heading) + 1).protection.locked, heading
    assert not exported["Indikatorer"].protection.sheet


def test_two_exports_of_the_same_files_are_the_same_bytes(run_cli: Run, tmp_path: Path) -> None:
    written = []
    for name in ("first.xlsx", "second.xlsx"):
        result = run_cli("export", "xlsx", EXAMPLES / "helsingborg", "-o", tmp_path / name)
        assert result.code == 0, result.err
        written.append((tmp_path / name).read_bytes())
        time.sleep(2.1)  # past the two seconds a zip file's times are counted in
    assert written[0] == written[1]


def test_the_workbook_is_dated_as_the_content_last_changed(exported: openpyxl.Workbook) -> None:
    day = content_date([EXAMPLES / "helsingborg"])
    when = datetime.combine(day, datetime.min.time()) if day else NO_DATE
    assert exported.properties.created == when
    assert exported.properties.modified == when


def test_the_workbook_is_dated_as_date_says_and_a_bad_date_is_refused(
    run_cli: Run, tmp_path: Path
) -> None:
    # The same --date as styr site and styr report: the day the content is said to have changed.
    workbook = tmp_path / "dated.xlsx"
    result = run_cli(
        "export", "xlsx", EXAMPLES / "helsingborg", "-o", workbook, "--date", "2026-11-30"
    )
    assert result.code == 0, result.err
    exported = openpyxl.load_workbook(workbook)
    assert exported.properties.created == datetime(2026, 11, 30)
    assert exported.properties.modified == datetime(2026, 11, 30)
    refused = run_cli(
        "export", "xlsx", EXAMPLES / "helsingborg", "-o", tmp_path / "bad.xlsx", "--date", "30/11"
    )
    site = run_cli("site", EXAMPLES / "helsingborg", "-o", tmp_path / "site", "--date", "30/11")
    assert refused.code == site.code != 0
    assert refused.err == site.err and "30/11" in refused.err
    assert not (tmp_path / "bad.xlsx").exists()


@pytest.mark.parametrize(
    ("day", "stamp"),
    [
        ("0001-01-01", (1980, 1, 1, 0, 0, 0)),
        ("1975-06-01", (1980, 1, 1, 0, 0, 0)),
        ("2108-01-01", (2107, 12, 31, 23, 59, 58)),
        ("9999-12-31", (2107, 12, 31, 23, 59, 58)),
    ],
)
def test_a_date_no_zip_file_can_hold_dates_the_workbook_and_its_parts_the_nearest(
    run_cli: Run, tmp_path: Path, day: str, stamp: tuple[int, ...]
) -> None:
    # A zip file holds the years 1980-2107; a commit of 1975 or a --date outside them
    # ended in an internal error from the zip writer.
    workbook = tmp_path / "dated.xlsx"
    result = run_cli("export", "xlsx", EXAMPLES / "helsingborg", "-o", workbook, "--date", day)
    assert result.code == 0, result.err
    assert openpyxl.load_workbook(workbook).properties.modified == datetime.fromisoformat(day)
    with zipfile.ZipFile(workbook) as archive:
        assert {part.date_time for part in archive.infolist()} == {stamp}
