"""`styr export xlsx`: the steering model and its follow-up as an Excel workbook.

The workbook is made whole in memory and written by the one writer
(styr.files.write_atomic), so a failure never leaves half a file. The
repository is linted first, as for `styr report`: a repository with errors is
refused unless `allow_errors`, since what a broken file holds would be missing
from the workbook without a word.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from styr.cache import LintCache
from styr.errors import UsageError
from styr.excel import formats
from styr.excel.sheets import Sheet, sheets
from styr.files import write_atomic
from styr.lint import LintResult, load_and_lint
from styr.model.index import build_index
from styr.model.repository import find_repositories
from styr.publishing import check_publishable


def export_workbook(
    path: Path,
    output: Path,
    *,
    language: str | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Write the repository at `path` as a workbook to `output`; what was written, counted."""
    if str(output) == "-":
        raise UsageError("excel-no-stdout")
    root = find_repositories([path])[0]
    repository, result = load_and_lint(root, today or date.today(), cache)
    check_publishable(LintResult([result]), allow_errors=allow_errors)
    chosen = language or repository.language or "sv"
    made = sheets(repository, build_index(repository), chosen)
    write_atomic(output, workbook_bytes(made))
    return {"file": str(output), "rows": len(made[3].rows), "indicators": len(made[2].rows)}


def workbook_bytes(made: list[Sheet]) -> bytes:
    """The sheets as the bytes of an .xlsx file."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for sheet in made:
        _write_sheet(workbook.create_sheet(sheet.title), sheet)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _write_sheet(worksheet: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    worksheet.append(sheet.headers)
    for cell in worksheet[formats.HEADER_ROW]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        worksheet.append(row)
    for position, decimals in enumerate(sheet.decimals):
        shown = formats.number_format(decimals or 0)
        for column in sheet.number_columns:
            worksheet.cell(row=position + 2, column=column + 1).number_format = shown
    worksheet.freeze_panes = "A2"  # the header row stays in view
    last = get_column_letter(len(sheet.headers))
    worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    for column, header in enumerate(sheet.headers):
        values = [row[column] for row in sheet.rows]
        width = formats.column_width(header, values)
        worksheet.column_dimensions[get_column_letter(column + 1)].width = width
    if sheet.fill_columns:
        _lock_all_but(worksheet, sheet)


def _lock_all_but(worksheet: Any, sheet: Sheet) -> None:
    """Protect the sheet, its fill-in columns left open: the indicator id and period that tell
    the import which outcome a row is cannot be changed by a slip. No password: a controller
    who must add a row lifts the protection in Excel (Granska, Ta bort bladskydd)."""
    from openpyxl.styles import Protection

    open_cell = Protection(locked=False)
    for row in range(formats.HEADER_ROW + 1, len(sheet.rows) + formats.HEADER_ROW + 1):
        for column in sheet.fill_columns:
            worksheet.cell(row=row, column=column + 1).protection = open_cell
    protection = worksheet.protection
    protection.sheet = True
    # What stays allowed on the protected sheet (False: not protected).
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False
