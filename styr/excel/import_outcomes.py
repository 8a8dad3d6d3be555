"""`styr import outcomes`: the outcome sheet of a workbook written into the follow-up files.

All or nothing: every bad cell is a finding (styr.excel.rules) and then no
file is written. An outcome goes into the file that already holds it, else
the follow-up file for its period (`period:` at the top), else a new
`uppfoljning/<period>.yaml`. Files are edited round trip, with the merging
`styr kolada pull` uses (styr.followup.kolada_merge), so comments, order and
quoting stay. A value already in a file that differs from the cell is never
replaced unless `overwrite`; the same value is no change. Before anything is
written, the repository is linted as the import would leave it
(styr.excel.import_lint): an error it does not have today stops the import.
All files are written together (styr.files.write_files), and not at all if
one of them changed on disk since it was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from styr.errors import UsageError
from styr.excel import layout, rules
from styr.excel.import_lint import NewError, RowsOfFile, new_errors
from styr.excel.outcome_sheet import Wanted, read_outcome_sheet
from styr.excel.workbook_file import open_workbook
from styr.files import AsRead, write_files
from styr.findings import Finding
from styr.followup.evaluate import read_outcomes
from styr.followup.kolada_merge import (
    append_keeping_comments,
    existing_entries,
    new_entry,
    set_in_order,
)
from styr.followup.kolada_pull import (
    dump_round_trip,
    read_follow_up,
    with_schema_modeline,
)
from styr.followup.periods import Period, parse_period
from styr.i18n import NC_, both_languages, translate
from styr.model.index import build_index
from styr.model.repository import Repository, find_repositories, load_repository

FOLLOW_UP_FOLDER = "uppfoljning"
NEW_FILE_TITLE = NC_("excel", "Outcomes {period}")


@dataclass(slots=True)
class ImportResult:
    findings: list[Finding] = field(default_factory=list)
    # Errors lint would report after the import that it does not today: nothing is written.
    new_errors: list[NewError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # written (or, in a dry run, to write)
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(slots=True)
class _Target:
    path: Path
    document: Any
    as_read: AsRead
    new: bool
    changed: bool = False
    # Its outcomes by (indicator, period), found once: a workbook writes hundreds into a file.
    entries: dict[tuple[str, str], Any] = field(default_factory=dict)
    # The outcomes added or changed, each with the row of the sheet it came from.
    merged: list[tuple[Any, Wanted]] = field(default_factory=list)

    def rows(self) -> RowsOfFile:
        """The rows the file's outcomes came from, by their index in `outcomes:`."""
        index_of = {id(entry): index for index, entry in enumerate(self.document["outcomes"])}
        return {index_of[id(entry)]: wanted for entry, wanted in self.merged}


def import_outcomes(
    workbook_path: Path,
    path: Path,
    *,
    overwrite: bool = False,
    dry_run: bool = False,
    today: date | None = None,
) -> ImportResult:
    """Import the workbook's outcomes into the repository at `path` (see the module's text).

    `today` is the day lint judges the repository on, as `styr lint --today`."""
    roots = find_repositories([path])
    if len(roots) > 1:  # a folder of several: which one the outcomes are for is not to guess
        raise UsageError("excel-import-several", path=str(path), count=len(roots))
    root = roots[0]
    repository = load_repository(root)
    index = build_index(repository)
    workbook, too_long = open_workbook(workbook_path)
    try:
        read = read_outcome_sheet(workbook, workbook_path, repository, index, too_long)
    finally:
        workbook.close()
    # The rows that were good are merged even when others were not, so that a value that
    # would overwrite one in a file is named in the same run as the bad cells.
    result = ImportResult(read.findings)
    targets: dict[Path, _Target] = {}
    homes = _homes(repository, root)
    language = repository.language or "sv"
    for wanted in read.wanted:
        target = _target(targets, root, homes, wanted.indicator, wanted.period, language)
        _merge(target, wanted, overwrite, workbook_path, read.sheet, root, result)
    if result.findings:
        result.added = result.updated = result.unchanged = 0
        return result
    changed = {t.path: t for t in targets.values() if t.changed}
    result.files = sorted(str(p.relative_to(root)) for p in changed)
    texts = {p: _text(root, t) for p, t in changed.items()}
    rows = {p: t.rows() for p, t in changed.items()}
    result.new_errors = new_errors(root, texts, rows, read.sheet, today or date.today())
    if result.new_errors:
        result.added = result.updated = result.unchanged = 0
        result.files = []
        return result
    if not dry_run and changed:
        _write(root, changed, texts)
    return result


def _homes(repository: Repository, root: Path) -> dict[tuple[str, str], Path]:
    """Where each (indicator, period) already has an outcome, and where each period's file is
    (under the key ("", period)): the file to write an outcome into."""
    homes: dict[tuple[str, str], Path] = {}
    for outcome in read_outcomes(repository)[0]:
        homes.setdefault((outcome.indicator, outcome.period.text), outcome.document.file)
    for document in repository.documents:
        data = document.data
        if document.kind == "follow_up" and isinstance(data, dict):
            period = parse_period(data.get("period"))
            if period is not None:
                homes.setdefault(("", period.text), document.file)
    return homes


def _target(
    targets: dict[Path, _Target],
    root: Path,
    homes: dict[tuple[str, str], Path],
    indicator: str,
    period: Period,
    language: str,
) -> _Target:
    path = (
        homes.get((indicator, period.text))
        or homes.get(("", period.text))
        or root / FOLLOW_UP_FOLDER / f"{period.text}.yaml"
    )
    key = Path(path).resolve()
    if key not in targets:
        new = not path.exists()
        document, as_read = read_follow_up(root, path)
        if new:
            _start(document, period, language)
        found = existing_entries(document["outcomes"], parse_period(document.get("period")))
        targets[key] = _Target(path, document, as_read, new, entries=found)
    return targets[key]


def _start(document: Any, period: Period, language: str) -> None:
    """A new file for one period: its title and `period:` at the top, as docs/follow-up.md shows."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted

    document["title"] = translate(NEW_FILE_TITLE, language, period=period.text)
    document.insert(2, "period", Quoted(period.text))  # quoted: a year must stay text


def _merge(
    target: _Target,
    wanted: Wanted,
    overwrite: bool,
    workbook: Path,
    sheet: str,
    root: Path,
    result: ImportResult,
) -> None:
    document = target.document
    file_period = parse_period(document.get("period"))
    entries = document["outcomes"]
    outcome = (wanted.indicator, wanted.period.text)
    entry = target.entries.get(outcome)
    if _gender_not_followed(entry, wanted, workbook, sheet, result):
        return
    if entry is None:
        entry = target.entries[outcome] = new_entry(wanted.indicator, wanted.period.text)
        if file_period == wanted.period:
            del entry["period"]  # the file's own period says it
        append_keeping_comments(entries, entry)
        result.added += 1
        target.changed = True
        target.merged.append((entry, wanted))
    else:
        changes = 0
        for key, value in wanted.values.items():
            existing = entry.get(key)
            if existing is None or _same(existing, value):
                changes += existing is None
                continue
            if not overwrite:
                result.findings.append(
                    rules.at_cell(
                        rules.VALUE_TYPED_BY_HAND,
                        workbook,
                        sheet,
                        wanted.row,
                        wanted.columns[key],
                        follow_up=str(target.path.relative_to(root)),
                        indicator=wanted.indicator,
                        period=wanted.period.text,
                        **_shown_both("existing", existing),
                        **_shown_both("new", value),
                    )
                )
                return
            changes += 1
        if not changes:
            result.unchanged += 1
            return
        result.updated += 1
        target.changed = True
        target.merged.append((entry, wanted))
    for key, value in wanted.values.items():
        set_in_order(entry, key, value)


def _gender_not_followed(
    entry: Any, wanted: Wanted, workbook: Path, sheet: str, result: ImportResult
) -> bool:
    """XL012 for each figure for women or men that the file does not hold already."""
    found = False
    for key, value in wanted.unfollowed.items():
        existing = None if entry is None else entry.get(key)
        if existing is not None and _same(existing, value):
            continue
        named = both_languages("heading", layout.READ_COLUMNS[key])
        column = wanted.columns[key]
        finding = rules.at_cell(
            rules.GENDER_NOT_FOLLOWED,
            workbook,
            sheet,
            wanted.row,
            column,
            indicator=wanted.indicator,
            **named,
        )
        result.findings.append(finding)
        found = True
    return found


def _same(existing: Any, value: Any) -> bool:
    if isinstance(value, int | float) and isinstance(existing, int | float):
        return not isinstance(existing, bool) and float(existing) == float(value)
    return str(existing) == str(value)


def _shown_both(name: str, value: Any) -> dict[str, str]:
    """A value as a reader writes it: a decimal comma in Swedish, a point in English."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {name: text.replace(".", ","), f"{name}_en": text}
    return {name: f"'{text}'", f"{name}_en": f"'{text}'"}


def _text(root: Path, target: _Target) -> str:
    """The file's new text: its document dumped round trip, a new file with its first line."""
    text = dump_round_trip(target.document)
    return with_schema_modeline(root, target.path, text) if target.new else text


def _write(root: Path, targets: dict[Path, _Target], texts: dict[Path, str]) -> None:
    files = {}
    for path, target in targets.items():
        files[target.path.resolve().relative_to(root.resolve()).as_posix()] = texts[path]
        if _on_disk(target.path) != target.as_read.data:
            raise UsageError("file-changed-since-read", path=str(target.path))
    write_files(root, files, overwrite=True)


def _on_disk(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
