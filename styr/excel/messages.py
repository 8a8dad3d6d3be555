"""The Excel commands' own CLI sentences, by key; `styr.messages.MESSAGES` takes them in."""

from __future__ import annotations

from styr.i18n import N_, Text

EXCEL_MESSAGES: dict[str, Text] = {
    "excel-no-stdout": N_(
        "-o - cannot be used: a workbook is not text for a terminal. Name the file to write, "
        "e.g. -o styr.xlsx."
    ),
    "excel-not-xlsx-name": N_(
        "-o {file}: a workbook is written only to a file whose name ends in .xlsx, so that "
        "Excel opens it as one. Name the file so, e.g. -o styr.xlsx."
    ),
    "excel-exported": N_(
        "Wrote {file}: {indicators} indicators, and {rows} rows to fill in on the outcome sheet."
    ),
    "excel-export-refused": N_(
        "The workbook was not written: the repository has errors ({count}, see above), so parts "
        "of it could be missing or wrong. Correct the errors and run again, or add "
        "--allow-errors to export anyway."
    ),
    "excel-unreadable": N_("Cannot read the workbook {path}: {reason}."),
    "excel-not-xlsx": N_(
        "{path} is not an Excel workbook (.xlsx). Save it as an Excel workbook and import again."
    ),
    "excel-xml-doctype": N_(
        "Cannot read the workbook {path}: {part} starts with a declaration (DOCTYPE) "
        "that no Excel workbook has, and that can make a program read other files or fill the "
        "memory. styr read nothing of it. Import a workbook that Excel or styr export xlsx has "
        "saved."
    ),
    "excel-xml-broken": N_(
        "Cannot read the workbook {path}: {part} is broken at line {line}, column "
        "{column}, perhaps cut short. Save the workbook again in Excel and import "
        "again."
    ),
    "excel-encrypted": N_(
        "{path} is protected by a password, or is an old .xls file. Save it without a password "
        "as an Excel workbook (.xlsx) and import again."
    ),
    "excel-too-large": N_(
        "{path} is larger ({size} MB unpacked) than a workbook of outcomes can be. Import the "
        "workbook that styr export xlsx made, with the outcomes filled in."
    ),
    "excel-import-refused": N_(
        "Nothing was written: {cells} of the workbook cannot be imported (see above). Correct "
        "the workbook and import again."
    ),
    "excel-imported": N_(
        "Imported the outcomes of {workbook}: {added} new, {updated} changed, {unchanged} the "
        "same as before. Written: {files}."
    ),
    "excel-import-dry-run": N_(
        "Trial run, nothing was written: {added} new, {updated} changed, {unchanged} the same "
        "as before. Would be written: {files}."
    ),
    "excel-import-nothing": N_(
        "The workbook holds no outcomes that are not in the follow-up files already: nothing "
        "was written."
    ),
    "excel-import-several": N_(
        "{path} holds {count} steering models, and outcomes are imported into one at a time. "
        "Name the folder of the one the workbook is for."
    ),
    "excel-import-breaks-lint": N_(
        "Nothing was written: with these outcomes the steering model would have {errors} that "
        "it does not have now (see above, each after the cell it comes from). Correct the cells, "
        "or the files named, and import again."
    ),
}
