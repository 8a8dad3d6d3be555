"""The outcome sheet of a workbook read into outcomes to write, every bad cell a finding.

A row is read when any of its outcome columns (value, women, men, source,
comment) holds something; a row with only its indicator and period is a row
the controller left empty, and says nothing. A workbook of several
municipalities has a column naming each row's: only the rows of the
repository's own municipality are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from styr.escape import published
from styr.excel import layout, rules
from styr.excel.cells import NotANumber, number_in, period_in, text_in
from styr.excel.horizon import followed_up_years
from styr.findings import Finding
from styr.followup.periods import Period
from styr.i18n import both_languages
from styr.load.limits import MAX_NUMBER_DIGITS
from styr.model.index import Index
from styr.model.repository import Repository

HEADER_ROW = 1
_GENDER_KEYS = frozenset(("women", "men"))


@dataclass(slots=True)
class Wanted:
    """One row's outcome: what it says for an indicator and period, and where each value is."""

    indicator: str
    period: Period
    row: int
    values: dict[str, Any] = field(default_factory=dict)  # key → number or text
    columns: dict[str, int] = field(default_factory=dict)  # key → 1-based column
    # Women/men on an indicator not followed by gender: an error only where the
    # follow-up file does not already hold the same figure (an exported workbook
    # shows what the files hold, and importing it back must not be refused).
    unfollowed: dict[str, Any] = field(default_factory=dict)  # key → number


@dataclass(slots=True)
class SheetRead:
    sheet: str
    wanted: list[Wanted] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def read_outcome_sheet(
    workbook: Any,
    file: Path,
    repository: Repository,
    index: Index,
    too_long: Mapping[str, list[str]] | None = None,
) -> SheetRead:
    """The outcome sheet's rows; `too_long`: number cells openpyxl cannot read, by sheet part
    (`styr.excel.workbook_xml`), each a finding instead of a row read."""
    names = layout.names_in_every_language(layout.OUTCOMES)
    title = next((name for name in workbook.sheetnames if name in names), None)
    if title is None:
        named = both_languages("sheet", layout.OUTCOMES)
        return SheetRead("", findings=[rules.MISSING_SHEET.at(file, 0, 0, (), **named)])
    read = SheetRead(title)
    other = _exported_for_other(workbook, repository)
    if other is not None:
        finding = rules.at_cell(
            rules.OTHER_EXPORTED_MUNICIPALITY,
            file,
            title,
            HEADER_ROW,
            1,
            named=other,
            municipality=repository.municipality_name,
        )
        return SheetRead(title, findings=[finding])
    sheet = workbook[title]
    unreadable = (too_long or {}).get(getattr(sheet, "_worksheet_path", ""), [])
    if unreadable:  # openpyxl would fail on them while reading the rows
        read.findings += [_too_long(file, title, cell) for cell in unreadable]
        return read
    # The size a sheet says it has may be wrong (A1:XFD1048576): rows are read as they are.
    sheet.reset_dimensions()
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows, ()))
    of_municipality = _position(header, layout.MUNICIPALITY)
    columns = _columns(header, file, title, read.findings, 0 if of_municipality is None else 1)
    if read.findings:
        return read
    # As the export wrote it: a control character in the name is written as its escape.
    municipality = published(repository.municipality_name)
    others: set[str] = set()
    own = 0  # rows of the repository's own municipality
    seen: dict[tuple[str, str], int] = {}
    for number, cells in enumerate(rows, start=HEADER_ROW + 1):
        if of_municipality is not None:
            written = text_in(_cell(list(cells), of_municipality)) or ""
            if written != municipality:
                others.add(written)
                continue
            own += 1
        wanted = _row(number, list(cells), columns, file, title, repository, index, read)
        if wanted is None:
            continue
        key = (wanted.indicator, wanted.period.text)
        if key in seen:
            read.findings.append(
                rules.at_cell(
                    rules.DUPLICATE_ROW,
                    file,
                    title,
                    number,
                    columns["indicator"],
                    indicator=wanted.indicator,
                    period=wanted.period.text,
                    first=seen[key],
                )
            )
            continue
        seen[key] = number
        read.wanted.append(wanted)
    if of_municipality is not None and not own:
        listed = ", ".join(sorted(name for name in others if name)) or "–"
        read.findings.append(
            rules.at_cell(
                rules.OTHER_MUNICIPALITY,
                file,
                title,
                HEADER_ROW,
                of_municipality,
                municipality=municipality,
                named=listed,
            )
        )
    return read


def _too_long(file: Path, sheet: str, cell: str) -> Finding:
    """XL013 at a cell named as the sheet's XML names it ("G12"); 0 where it names none."""
    try:
        column, row = coordinate_from_string(cell)
        place = (row, column_index_from_string(column))
    except ValueError:
        place = (0, 0)
    return rules.at_cell(rules.NUMBER_TOO_LARGE, file, sheet, *place, digits=MAX_NUMBER_DIGITS)


def _exported_for_other(workbook: Any, repository: Repository) -> str | None:
    """The municipality ("Helsingborgs stad (1283)") another's export names, else None.

    Only a workbook styr export xlsx made for one municipality names one; a
    workbook of several names each row's in a column of its own, read row by row.
    """
    properties = workbook.properties
    identifier = properties.identifier or ""
    if not identifier.startswith(layout.MUNICIPALITY_MARK):
        return None
    code = identifier.removeprefix(layout.MUNICIPALITY_MARK)
    name = (properties.subject or "").strip()
    own_code = published(repository.municipality_code or "")  # as the export wrote them
    own_name = published(repository.municipality_name)
    same = code == own_code if code and own_code else name == own_name
    if same:
        return None
    return f"{name} ({code})" if name and code else name or code


def _position(header: list[Any], heading: str) -> int | None:
    """The 1-based column whose heading is `heading` in any language, if any."""
    names = layout.names_in_every_language(heading)
    return next(
        (
            i + 1
            for i, value in enumerate(header)
            if isinstance(value, str) and value.strip() in names
        ),
        None,
    )


def _cell(cells: list[Any], position: int) -> Any:
    return cells[position - 1] if position <= len(cells) else None


def _columns(
    header: list[Any], file: Path, sheet: str, findings: list[Finding], shift: int
) -> dict[str, int]:
    """Each read column's 1-based number, found by its heading in either language; `shift`:
    the columns before the export's own (the municipality's, in a workbook of several)."""
    found: dict[str, int] = {}
    for key, heading in layout.READ_COLUMNS.items():
        position = _position(header, heading)
        if position is None:
            expected = layout.OUTCOME_HEADERS.index(heading) + 1 + shift
            named = both_languages("heading", heading)
            findings.append(
                rules.at_cell(rules.MOVED_HEADING, file, sheet, HEADER_ROW, expected, **named)
            )
        else:
            found[key] = position
    return found


def _row(
    number: int,
    cells: list[Any],
    columns: dict[str, int],
    file: Path,
    sheet: str,
    repository: Repository,
    index: Index,
    read: SheetRead,
) -> Wanted | None:
    def cell(key: str) -> Any:
        return _cell(cells, columns[key])

    def bad(rule: Any, key: str, **params: Any) -> None:
        read.findings.append(rules.at_cell(rule, file, sheet, number, columns[key], **params))

    given = [key for key in (*layout.NUMBER_KEYS, *layout.TEXT_KEYS) if text_in(cell(key))]
    if not given:
        return None
    before = len(read.findings)
    indicator_id = text_in(cell("indicator")) or ""
    indicator = index.by_id.get(indicator_id)
    if indicator is None or indicator.category != "indicator":
        bad(rules.UNKNOWN_INDICATOR, "indicator", indicator=indicator_id)
    period = period_in(cell("period"))
    if isinstance(cell("period"), date):  # a datetime too: Excel made a date of what was typed
        bad(rules.PERIOD_IS_DATE, "period", shown=text_in(cell("period")), year=cell("period").year)
    elif period is None:
        bad(rules.BAD_PERIOD, "period", shown=text_in(cell("period")) or "")
    elif indicator is not None and indicator.category == "indicator":
        years = followed_up_years(indicator, repository)
        if period.year not in years:
            bad(
                rules.OUTSIDE_HORIZON,
                "period",
                indicator=indicator_id,
                period=period.text,
                years=_span(years),
            )
    wanted = Wanted(indicator_id, period or Period(0, 1.0, ""), number)
    by_gender = indicator is not None and indicator.data.get("gender_breakdown") is True
    for key in given:
        value = number_in(cell(key)) if key in layout.NUMBER_KEYS else text_in(cell(key))
        if isinstance(value, NotANumber) and value.too_large:
            bad(rules.NUMBER_TOO_LARGE, key, digits=MAX_NUMBER_DIGITS)
        elif isinstance(value, NotANumber):
            bad(rules.NOT_A_NUMBER, key, shown=value.shown)
        elif key in _GENDER_KEYS and indicator is not None and not by_gender:
            if value is not None:
                wanted.unfollowed[key] = value
                wanted.columns[key] = columns[key]
        elif value is not None:
            wanted.values[key] = value
            wanted.columns[key] = columns[key]
    return wanted if len(read.findings) == before else None


def _span(years: list[int]) -> str:
    if not years:
        return "–"
    if years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))
