"""`styr export xlsx`: the steering model and its follow-up as an Excel workbook.

The workbook is made whole in memory (styr.excel.in_memory: openpyxl's own
save would write each sheet to a temporary file first) and written by the one
writer (styr.files.write_atomic), so a failure never leaves half a file and
is reported as any writer's is. The
repository is linted first, as for `styr report`: a repository with errors is
refused unless `allow_errors`, since what a broken file holds would be missing
from the workbook without a word.

Several repositories (`styr export xlsx a b -o F`, or a folder holding
several) make one workbook: every sheet gets a first column naming the
municipality, and their rows follow one another in the order given. The
import reads that column to take only the rows of the repository it writes
into.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from styr.cache import LintCache
from styr.errors import UsageError
from styr.escape import published
from styr.excel import formats, layout
from styr.excel.in_memory import xlsx_bytes
from styr.excel.sheets import Sheet, indicator_years, sheets
from styr.files import write_atomic
from styr.i18n import translate
from styr.lint import LintResult, load_and_lint
from styr.model.index import build_index
from styr.model.repository import find_repositories
from styr.publishing import ERRORS_ONLY, check_publishable
from styr.updated import content_date


def export_workbook(
    paths: Path | list[Path],
    output: Path,
    *,
    language: str | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    today: date | None = None,
    updated: date | None = None,
) -> dict[str, Any]:
    """Write the repositories the paths name as one workbook to `output`; what was written,
    counted. Nothing is written if any of them has errors (unless `allow_errors`). `updated`
    (a `--date`) is the workbook's time, else the content's last commit (`content_date`)."""
    if str(output) == "-":
        raise UsageError("excel-no-stdout")
    if output.suffix.lower() != ".xlsx":  # a workbook named .csv opens as garbage
        raise UsageError("excel-not-xlsx-name", file=str(output))
    roots = find_repositories([paths] if isinstance(paths, Path) else paths)
    day = today or date.today()
    loaded = [load_and_lint(root, day, cache, only=ERRORS_ONLY) for root in roots]
    check_publishable(LintResult([result for _, result in loaded]), allow_errors=allow_errors)
    chosen = language or loaded[0][0].language or "sv"
    indexed = [(repository, build_index(repository)) for repository, _ in loaded]
    owner: tuple[str, str] | None = None
    if len(indexed) == 1:
        made = sheets(*indexed[0], chosen)
        repository = indexed[0][0]
        owner = (repository.municipality_name, repository.municipality_code or "")
    else:
        years = sorted({year for _, index in indexed for year in indicator_years(index)})
        made = combined(
            [(r.municipality_name, sheets(r, index, chosen, years)) for r, index in indexed],
            chosen,
        )
    changed = content_date(roots, updated)  # the workbook's time, as the website says its date
    write_atomic(output, workbook_bytes(made, owner, changed))
    return {"file": str(output), "rows": len(made[3].rows), "indicators": len(made[2].rows)}


def combined(each: list[tuple[str, list[Sheet]]], language: str) -> list[Sheet]:
    """The sheets of several municipalities as one set: a first column names the municipality
    of each row. Their headers are the same (the same target years), so rows follow on."""
    heading = translate(layout.MUNICIPALITY, language)
    sheets_of = [made for _, made in each]
    result = []
    for position, first in enumerate(sheets_of[0]):
        sheet = Sheet(
            first.title,
            [heading, *first.headers],
            number_columns=tuple(column + 1 for column in first.number_columns),
            fill_columns=tuple(column + 1 for column in first.fill_columns),
        )
        for name, made in each:
            part = made[position]
            sheet.rows += [[name, *row] for row in part.rows]
            sheet.decimals += part.decimals
        result.append(sheet)
    return result


def workbook_bytes(
    made: list[Sheet], owner: tuple[str, str] | None = None, changed: date | None = None
) -> bytes:
    """The sheets as the bytes of an .xlsx file; `owner` the municipality's name and code,
    in the workbook's properties, so that its import elsewhere is one clear finding;
    `changed` the date the content last changed, the workbook's time (see `xlsx_bytes`)."""
    from openpyxl import Workbook

    workbook = Workbook()
    if owner is not None:
        workbook.properties.subject = published(owner[0])
        workbook.properties.identifier = published(f"{layout.MUNICIPALITY_MARK}{owner[1]}")
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for sheet in made:
        _write_sheet(workbook.create_sheet(sheet.title), sheet)
    return xlsx_bytes(
        workbook, changed
    )  # in memory: the one writer is the only one to touch the disk


def _write_sheet(worksheet: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    worksheet.append([_written(header) for header in sheet.headers])
    for cell in worksheet[formats.HEADER_ROW]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        worksheet.append([_written(value) for value in row])
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


def _written(value: Any) -> Any:
    """A cell's value as a workbook can hold it: a text's control characters (a title
    written with "\\x01" in double quotes) shown as escapes, as in every published
    document, since the XML of a sheet has no place for them."""
    return published(value) if isinstance(value, str) else value


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
