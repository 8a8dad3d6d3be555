"""The steering model in an Excel workbook and outcomes back from one.

`styr export xlsx` writes the organisations, goals, indicators, outcomes and
status as sheets (styr.excel.export); a controller fills the outcome columns
of the Utfall sheet, and `styr import outcomes` writes them into the
follow-up files (styr.excel.import_outcomes), all or nothing. docs/excel.md
describes both.
"""
