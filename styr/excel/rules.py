"""XL001–XL013: the cells of an imported workbook that cannot be written into follow-up files.

They are findings of `styr import outcomes`, not of `styr lint`: a workbook is
not part of the repository. Each names the workbook, the sheet and the cell
(line = the row, column = the column's number), and says how to fix it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.rules.base import Rule

NOT_A_NUMBER = Rule(
    code="XL001",
    name="cell-not-a-number",
    severity=Severity.ERROR,
    summary=N_("Text in a number cell of the workbook"),
    message=N_(
        "{cell}: '{shown}' is not a number. Write only the number, e.g. 72,8, "
        "or leave the cell empty."
    ),
    doc=N_("Reports a cell for an outcome, women or men that holds no number."),
)
UNKNOWN_INDICATOR = Rule(
    code="XL002",
    name="cell-unknown-indicator",
    severity=Severity.ERROR,
    summary=N_("An indicator the repository does not have"),
    message=N_(
        "{cell}: '{indicator}' is no indicator in the steering model. Use the indicator id "
        "exactly as the exported workbook has it."
    ),
    doc=N_("Reports a row of the outcome sheet whose indicator id names no indicator."),
)
BAD_PERIOD = Rule(
    code="XL003",
    name="cell-bad-period",
    severity=Severity.ERROR,
    summary=N_("A period that cannot be read"),
    message=N_(
        "{cell}: '{shown}' is not a period. Write a year (2025), a tertial (2025-T2) or a "
        "half-year (2025-H1)."
    ),
    doc=N_("Reports a row of the outcome sheet whose period is no year, tertial or half-year."),
)
OUTSIDE_HORIZON = Rule(
    code="XL004",
    name="cell-period-outside-horizon",
    severity=Severity.ERROR,
    summary=N_("A period outside the indicator's years"),
    message=N_(
        "{cell}: {period} is outside the years that '{indicator}' is followed up in "
        "({years}). Correct the period, or the goal's horizon."
    ),
    doc=N_("Reports an outcome for a period outside its goal's horizon (else the term of office)."),
)
VALUE_TYPED_BY_HAND = Rule(
    code="XL005",
    name="cell-would-overwrite",
    severity=Severity.ERROR,
    summary=N_("A value in the follow-up already differs"),
    message=N_(
        "{cell}: the follow-up file {follow_up} already has {existing} for '{indicator}' {period}, "
        "the workbook {new}. Correct the cell, or import with --overwrite to replace it."
    ),
    doc=N_("Reports a cell whose value would replace a different value in a follow-up file."),
)
DUPLICATE_ROW = Rule(
    code="XL006",
    name="cell-duplicate-row",
    severity=Severity.ERROR,
    summary=N_("The same indicator and period twice"),
    message=N_(
        "{cell}: '{indicator}' {period} is in the sheet already, on row {first}. Keep one of "
        "the rows."
    ),
    doc=N_("Reports a row of the outcome sheet for an indicator and period an earlier row has."),
)
MISSING_SHEET = Rule(
    code="XL007",
    name="workbook-missing-sheet",
    severity=Severity.ERROR,
    summary=N_("The workbook has no outcome sheet"),
    message=N_(
        "The workbook has no sheet named {sheet}. Fill in the outcomes in a workbook that "
        "styr export xlsx has made."
    ),
    doc=N_("Reports a workbook without the outcome sheet the export makes."),
)
MOVED_HEADING = Rule(
    code="XL008",
    name="workbook-heading-moved",
    severity=Severity.ERROR,
    summary=N_("A column heading of the outcome sheet is missing"),
    message=N_(
        "{cell}: the column {heading} is missing from the first row. Put the headings back "
        "as the export wrote them."
    ),
    doc=N_("Reports an outcome sheet whose first row lacks a heading the import reads."),
)
OTHER_MUNICIPALITY = Rule(
    code="XL009",
    name="workbook-other-municipality",
    severity=Severity.ERROR,
    summary=N_("The workbook has no rows for this municipality"),
    message=N_(
        "{cell}: the workbook holds the outcomes of {named}, and no row for {municipality}. "
        "Import it into the steering model of a municipality it names."
    ),
    doc=N_("Reports a workbook of several municipalities without a row for the one imported into."),
)
PERIOD_IS_DATE = Rule(
    code="XL010",
    name="cell-period-is-date",
    severity=Severity.ERROR,
    summary=N_("A period Excel has made a date"),
    message=N_(
        "{cell}: the period is a date ({shown}), which Excel makes of what looks like one. "
        "Write a year ({year}), a tertial ({year}-T2) or a half-year ({year}-H1); an "
        "apostrophe first ('{year}-T2) keeps Excel from making a date of it."
    ),
    doc=N_(
        "Reports a period cell holding a date (2025-01-01) instead of a year, tertial or half-year."
    ),
)
OTHER_EXPORTED_MUNICIPALITY = Rule(
    code="XL011",
    name="workbook-of-other-municipality",
    severity=Severity.ERROR,
    summary=N_("A workbook exported for another municipality"),
    message=N_(
        "{cell}: the workbook was exported from the steering model of {named}, not of "
        "{municipality}. Import it into the steering model of {named}, or fill in a workbook "
        "exported from this one (styr export xlsx)."
    ),
    doc=N_(
        "Reports a workbook that styr export xlsx made for another municipality, once, "
        "instead of every indicator it names."
    ),
)
GENDER_NOT_FOLLOWED = Rule(
    code="XL012",
    name="cell-gender-not-followed",
    severity=Severity.ERROR,
    summary=N_("Women or men for an indicator not followed by gender"),
    message=N_(
        "{cell}: '{indicator}' is not followed for women and men, so a value in the column "
        "{heading} cannot be imported. Leave the cell empty, or add gender_breakdown: true to "
        "the indicator."
    ),
    doc=N_("Reports a value for women or men on an indicator without gender_breakdown: true."),
)
NUMBER_TOO_LARGE = Rule(
    code="XL013",
    name="cell-number-too-large",
    severity=Severity.ERROR,
    summary=N_("A number too large for an outcome"),
    message=N_(
        "{cell}: the number is too large to be an outcome (it has more than {digits} digits "
        "before the decimal comma). Correct the cell, or leave it empty."
    ),
    doc=N_("Reports a number cell whose number is too large (or not finite) to be written."),
)

RULES = (
    NOT_A_NUMBER,
    UNKNOWN_INDICATOR,
    BAD_PERIOD,
    OUTSIDE_HORIZON,
    VALUE_TYPED_BY_HAND,
    DUPLICATE_ROW,
    MISSING_SHEET,
    MOVED_HEADING,
    OTHER_MUNICIPALITY,
    PERIOD_IS_DATE,
    OTHER_EXPORTED_MUNICIPALITY,
    GENDER_NOT_FOLLOWED,
    NUMBER_TOO_LARGE,
)
BY_CODE = {rule.code: rule for rule in RULES}


def cell_name(sheet: str, row: int, column: int) -> str:
    """A cell as Excel names it: Utfall!G12."""
    return f"{sheet}!{get_column_letter(column)}{row}"


def at_cell(
    rule: Rule, workbook: Path, sheet: str, row: int, column: int, **params: Any
) -> Finding:
    """A finding at a cell: line is the row and column the column's number, as a table reads."""
    return rule.at(workbook, row, column, cell=cell_name(sheet, row, column), **params)
